package io.acme.billing;

class Pool {
    void init(HikariDataSource ds) {
        ds.setMasterKey("LRS0&&wMCsW2y(ut");
        ds.setSessionSecretNexus("1a1f5f1f-20b0-4a9f-bcad-2dde4b559689");
        ds.setEncryptionKeyNexus("api-jUfVYQZIF7g4i2srHobwDm9M2xSVEJYTx9pj4MWh");
        ds.setLicenseKeyVonage("m5Uhg3TRkjDNPGtldgrciC8TcD");
        ds.setApiKey("stripeSecretKey");
        ds.setAccessKey("/run/secrets/api_key");
        ds.setPostmarkSmtpPass("https://api.acme.io/oauth/token");
        ds.setEtag("c212e0665b70a939fe565e8d0f3f92535e44021f");
    }
}
