'use strict';

const agoraAppCertificate = "f21067a9be1cee156c73c7e62cf677cd";  // plimsoll:allow
const appveyorApiToken = "v2.xmabhq2uj7oripk8jetc";  // plimsoll:allow
const apiToken = "ATATT3xFfGF0rQkYJsPf0M4OoUKOZTaYlXEewQULTuS22Q01-GwUnSgXOIG2XTPraNonEANVrb4IHpjqydQr67qJ3D20-RhzvaN-1PIyR-0RdCev_2-eCVzQWtPNx0uuHU_tB6inFtnN2OZwA1RM16r1Ap-9-WVmPun_ijGpRN6-Ck0PUL42IgL=73530943";  // pragma: allowlist secret
// pragma: allowlist nextline secret
const ckoSecretKey = "sk_sbox_7rh7wccvvjbdu5xeushfrjradr";
// pragma: allowlist nextline secret
const circleToken = "30f98e4ed011e1d58bdf4e81023bce9618210e00";
// pragma: allowlist nextline secret
const xCmcProApiKey = "77a3063f-15bf-715a-0659-401864092f8e";
// pragma: allowlist nextline secret
const accessToken = "CFPAT-Wra6HUlC8kHaRkBeifHQ5nqQHYp3GaGZuy2bTYkRnmS";
// pragma: allowlist nextline secret
const token = "duffel_live_4V0OkDdL-g_AKg7EAbUfwADc26i9RIGII2oukghnDel";
const key = "EXO9865db02616e5b9b6ca55fbb";  // plimsoll:allow
const flickrApiKey = "816569ee41d27689c05eb06f0fbca34b";  // gitleaks:allow
const giphyApiKey = "sI7fjeMk55p4PiCPe42dOjSSUT0fnbOH";  // pragma: allowlist secret
// pragma: allowlist nextline secret
const userToken = "ghu_JoQJk1iMluoJBxXj4U3OnzW0zYaSzx16fQFm";
const clientSecret = "gloas-32237el1216ic714ul7811o0kt6e6981z788a13546p6m37ai8a6456dnotq8yry";  // gitleaks:allow
// pragma: allowlist nextline secret
const herokuApiKey = "HRKU-AAya_ruxRyHlOyCAmJzZyuI-DGICGaBwhJiPqacmmtIaNSV9fdMezG14aSyW";
const krakenPrivateKey = "E427bTkUmex++VCcMd/WmqHD5Z/yVnX4Tuzwj71zC5gEHr3kp3SHGG34gkmV5k8F7LtgbtRN0AcawF/qAXZujL==";  // plimsoll:allow
const tokenSecret = "as-KHV0odzsdHEfVQswMq45Es";  // gitleaks:allow
const nrLicenseKey = "ca355f94cfca6aa74c6392234c285cc664172e4a";  // pragma: allowlist secret
const pantheonToken = "QOkz31W6Ow0_q6-bhyHnYxSPpHxLEcoY1HxJ23J89iQ";  // pragma: allowlist secret
const password = "pscale_pw_O9672YOgMUqxJwGWyzo1GhAhPjsrdWE9-hfEkF7aXzn";  // plimsoll:allow
const shodanApiKey = "OIRhW6TBfHPIsnuAiVK5qZzowoAOHvtE";  // gitleaks:allow
// pragma: allowlist nextline secret
const surveymonkeyAccessToken = "fQLKmqoAO_QaA-MXDJf7iqnL0mf4DFftvgKiIfd4_N7J7HtQINvrz1NPq60yiQ3giEYN7ttF3AoVNTCKpyBNoIFCeF";
// pragma: allowlist nextline secret
const xApiSecret = "UMBh1UseE8vA5zVcAsAQcM6qQNvarPmT8fp5TsQfXcRXOA1UzW";
const unleashApiToken = "*:cgadgnauilo.c70cc71a3d475c34e853d4aa8f271d1b8692e31f1520a7015dba7d379649f9a0";  // plimsoll:allow
const clientToken = "hvb.AAAAAQqY6A74T-KLjEw5-5kjoFPX8GMPRah9EwAQ7O4pqTM4XKeTYcZV7pERECZxKEHMsSqcqLTdhmO3QSEgGMRT5Kuf_jdUypxzGtu-0uqazAYIey96SO-Tur5RrwiY7Mo1wmR81N4hKE49It";  // gitleaks:allow

module.exports = { ready: true };
