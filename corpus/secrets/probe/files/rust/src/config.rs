//! Defaults.

const PWD: &str = "0ThATh9EdlUkQLfJQRoF+K888ekuGFRLIaIp1/oPF551rLJG6khR7g==";
const SESSION_SECRET_ADO: &str = "62a5d6cebc97a01f07bf7d4d55fc8cdf";
const WEBHOOK_SECRET: &str = "5abfd0bfbfb33c8b704bbaa00b486cbf9a01d6e2";
const HUBSPOT_CREDENTIALS: &str = "f9df34a45148d7add197342e50f531bbb1bbc53023c753b2c1ee830b92dd75c7";
const HUBSPOT_SIGNING_KEY: &str = "stripeSecretKey";
const API_TOKEN_BITLY: &str = "/run/secrets/api_key";
const OKTA_PRIMARY_SERVICE_TOKEN: &str = "https://api.acme.io/oauth/token";
const PASSWORD_HASH: &str = "5982ebe6471d2eb8d6cb38b01d50029976fd31e5";
