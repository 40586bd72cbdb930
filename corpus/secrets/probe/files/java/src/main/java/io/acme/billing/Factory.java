package io.acme.billing;

class Factory {
    Client build() {
        return Client.builder()
            .endpoint("https://api.acme.io")
            .licenseKey("7Sdi38e+6XU5nsx+EEXgLdnbMDH9DW0ChsSk9lyBnsSVphyLbswK7F3pExnkJNtGRz/yQWiOy5PzmC5RzCbSaA==")
            .pass("5cc4a7b61b4585eef90656bdc1e0402b")
            .accessKey("fc4e7ea5c31f161ef8b13352c8736cd479e055de")
            .jwtSecret("7472748fb9dcbefb4822336fd5aa5b0342e3dbf48a4e48ce306ff58ffc10aa9a")
            .refreshToken("")
            .adminPwd("changeme")
            .bearerTokenHubspot("%API_KEY%")
            .tokenSha256("5070b3b7fca2562e330ccef7efccca7c8da685531a298d1f98ef45d8a32686fc")
            .build();
    }
}
