//! Settings for the sync client.

const API_TOKEN: &str = "Fz4kmyyGbqJngTpn6qGBEETk5Rjn";
pub static DB_PASSWORD: &str = "Twia@Fix2RDyaBRA";
const API_TOKEN_ENV: &str = "API_TOKEN";
const PASSWORD_MIN_LEN: usize = 12;
const SECRET_HEADER: &str = "x-acme-signature-secret";
