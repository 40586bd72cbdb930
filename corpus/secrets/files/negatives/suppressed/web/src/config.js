'use strict';

const apiToken = "ATATT3xFfGF0rQkYJsPf0M4OoUKOZTaYlXEewQULTuS22Q01-GwUnSgXOIG2XTPraNonEANVrb4IHpjqydQr67qJ3D20-RhzvaN-1PIyR-0RdCev_2-eCVzQWtPNx0uuHU_tB6inFtnN2OZwA1RM16r1Ap-9-WVmPun_ijGpRN6-Ck0PUL42IgL=73530943";  // gitleaks:allow
// pragma: allowlist nextline secret
const ckoSecretKey = "sk_sbox_7rh7wccvvjbdu5xeushfrjradr";
const circleToken = "30f98e4ed011e1d58bdf4e81023bce9618210e00";  // pragma: allowlist secret
// pragma: allowlist nextline secret
const accessToken = "CFPAT-Wra6HUlC8kHaRkBeifHQ5nqQHYp3GaGZuy2bTYkRnmS";
const token = "duffel_live_4V0OkDdL-g_AKg7EAbUfwADc26i9RIGII2oukghnDel";  // gitleaks:allow
// pragma: allowlist nextline secret
const key = "EXO9865db02616e5b9b6ca55fbb";
const userToken = "ghu_JoQJk1iMluoJBxXj4U3OnzW0zYaSzx16fQFm";  // plimsoll:allow
const clientSecret = "gloas-32237el1216ic714ul7811o0kt6e6981z788a13546p6m37ai8a6456dnotq8yry";  // pragma: allowlist secret
// pragma: allowlist nextline secret
const herokuApiKey = "HRKU-AAya_ruxRyHlOyCAmJzZyuI-DGICGaBwhJiPqacmmtIaNSV9fdMezG14aSyW";
const tokenSecret = "as-KHV0odzsdHEfVQswMq45Es";  // pragma: allowlist secret
const nrLicenseKey = "ca355f94cfca6aa74c6392234c285cc664172e4a";  // plimsoll:allow
const password = "pscale_pw_O9672YOgMUqxJwGWyzo1GhAhPjsrdWE9-hfEkF7aXzn";  // pragma: allowlist secret
const xApiSecret = "UMBh1UseE8vA5zVcAsAQcM6qQNvarPmT8fp5TsQfXcRXOA1UzW";  // plimsoll:allow
const clientToken = "hvb.AAAAAQqY6A74T-KLjEw5-5kjoFPX8GMPRah9EwAQ7O4pqTM4XKeTYcZV7pERECZxKEHMsSqcqLTdhmO3QSEgGMRT5Kuf_jdUypxzGtu-0uqazAYIey96SO-Tur5RrwiY7Mo1wmR81N4hKE49It";  // plimsoll:allow

module.exports = { ready: true };
