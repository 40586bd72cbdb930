'use strict';

const apiToken = "ATATT3xFfGF0rQkYJsPf0M4OoUKOZTaYlXEewQULTuS22Q01-GwUnSgXOIG2XTPraNonEANVrb4IHpjqydQr67qJ3D20-RhzvaN-1PIyR-0RdCev_2-eCVzQWtPNx0uuHU_tB6inFtnN2OZwA1RM16r1Ap-9-WVmPun_ijGpRN6-Ck0PUL42IgL=73530943";  // plimsoll:allow
const ckoSecretKey = "sk_sbox_7rh7wccvvjbdu5xeushfrjradr";  // gitleaks:allow
const circleToken = "30f98e4ed011e1d58bdf4e81023bce9618210e00";  // plimsoll:allow
const accessToken = "CFPAT-Wra6HUlC8kHaRkBeifHQ5nqQHYp3GaGZuy2bTYkRnmS";  // gitleaks:allow
const token = "duffel_live_4V0OkDdL-g_AKg7EAbUfwADc26i9RIGII2oukghnDel";  // plimsoll:allow
const key = "EXO9865db02616e5b9b6ca55fbb";  // pragma: allowlist secret
// pragma: allowlist nextline secret
const userToken = "ghu_JoQJk1iMluoJBxXj4U3OnzW0zYaSzx16fQFm";
const clientSecret = "gloas-32237el1216ic714ul7811o0kt6e6981z788a13546p6m37ai8a6456dnotq8yry";  // plimsoll:allow
const herokuApiKey = "HRKU-AAya_ruxRyHlOyCAmJzZyuI-DGICGaBwhJiPqacmmtIaNSV9fdMezG14aSyW";  // gitleaks:allow
const tokenSecret = "as-KHV0odzsdHEfVQswMq45Es";  // pragma: allowlist secret
// pragma: allowlist nextline secret
const password = "pscale_pw_O9672YOgMUqxJwGWyzo1GhAhPjsrdWE9-hfEkF7aXzn";
const clientToken = "hvb.AAAAAQqY6A74T-KLjEw5-5kjoFPX8GMPRah9EwAQ7O4pqTM4XKeTYcZV7pERECZxKEHMsSqcqLTdhmO3QSEgGMRT5Kuf_jdUypxzGtu-0uqazAYIey96SO-Tur5RrwiY7Mo1wmR81N4hKE49It";  // plimsoll:allow

module.exports = { ready: true };
