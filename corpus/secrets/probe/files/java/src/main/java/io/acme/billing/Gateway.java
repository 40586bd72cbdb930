package io.acme.billing;

@Component
public class Gateway {
    @Value("${api.key:sec_1J4rX4C5pLYN94Dyyl2vvNA9LI8pbH}")
    @Value("${artifactory.webhook.secret:MtbMbkqauA2HavE2UY132}")
    @Value("${hubspot.private.key:FBFXaLMfdp2PU-J971-lZ0gTD9iuM2c8}")
    @Value("${auth.token:secret-key}")
    @Value("${pat.sendgrid:secrets/prod/api-key.txt}")
    @Value("${intercom.service.token:https://api.acme.io/oauth/token}")
    private String key;
}
