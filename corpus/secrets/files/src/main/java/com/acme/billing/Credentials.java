package com.acme.billing;

public final class Credentials {
    private static final String ASANA_PAT = "2/9786035504112597/6445132638457754:587b0c93b55b31030128accaae772ed1";
    private static final String AWS_SESSION_TOKEN = "FwoGZXIvYXdzJGIerrefdT4feG6750WhYjbbHTh5u+qAJcwwoGIgwqmgwi29ap9zmVcw0vMw4+2Y28GfqbijZEMG4s85nsrS5EvZs33s1/dxMh4OLOO3bY4VOkn+YmeZZe9SKhyyE3bNmuDV8S3GwT8iDJMzPC6Av/KRVZkSj0pK7vNcP0VLG4HKZ/T9XPbPr5XI6g6qodKQoBd4chyl0fSMQpewU6wijfnwlFwgB";
    private static final String TOKEN = "CCIPAT_qx0qGFa6X4UmCuxQ6pab4N_2b6e390ee14e07a36f7a24b653d924ad3d419399";
    private static final String DATADOG_API_KEY = "52c8155cfdacab334891a3cb2692566f";
    private static final String DOCKERHUB_TOKEN = "dckr_pat_KRA0rmbbHnQa9pb7GbRxd83wbvM";
    private static final String FLYIO_MACAROON_TOKEN = "fm1r_VsTufrMG5F2dQDzpMu5bjda4EtX+sGHnSiDZkdLQ1Pld8v+BcqFJl31sypVtot990qdhcu4+gMIYs9zEsrYyX9ec4xNl95EvZvBKYCI8pXwgsK090BNJmkZa6miVUn5UqpawhvwLbn3NgXqXalzRlWqeNQv+9yETZQWxkm18hNxvqOyl72BowuGbA2KTftR2Kzwx1CBt";
    private static final String GITLAB_DEPLOY_TOKEN = "https://gitlab+deploy-token-42:gldt-uO3_GMdpV0xNuutR7XrY@gitlab.com/acme/app.git";
    private static final String RUNNER_TOKEN = "glrtr-77RqllEnxC4jtFqM16Ma";
    private static final String ARTIFACTORY_PASSWORD = "AKCp87TjTrCAu0YhH2HcsyJIeHwffipO7epf80dbrFg6JbOEK5sICrzFXosXDJ9x4KZriNfEe";
    private static final String MAILGUN_API_KEY_V2 = "api:bf938f8c91256e3d7cb6c61bc0bf9db5-c2cfb446-1a4cfc8d";
    private static final String NEW_RELIC_BROWSER_KEY = "NRJS-4abd3fa841e6c5b7859";
    private static final String DB_PASSWORD = "pscale_pw_3i3wc6_4fPy8i567vmuKqxSHF-Af1gJXiBB5PE9qg4r";
    private static final String SCW_SECRET_KEY = "079e4412-fc23-2729-b530-d93c2891c433";
    private static final String SLACK_BOT_TOKEN = "xoxb-718137517532-7150817399438-1gcj9GodgCOFkuDrMN0rNeld";
    private static final String DSONAR_TOKEN = "sqp_703519e91b94934b7ba0347ccd7348097f68ddff";
    private static final String SUPABASE_ACCESS_TOKEN = "sbp_16c7c536fe4d77aff45a3f1af496907a3514ba1e";
    private static final String LDAP_URL = "ldap://binduser:l-q4U2HweWTbnhpM+@dc01.corp.local:389";
    private static final String X_VAULT_TOKEN = "s.94NiyBY3HNnhnyAsU1mzxZ6v";
}
