package com.acme.billing;

public final class Credentials {
    private static final String ALIBABA_ACCESS_KEY_ID = "LTAI40rHCLzNMScq1HFj";
    private static final String AWS_SESSION_TOKEN = "FwoGZXIvYXdzJGIerrefdT4feG6750WhYjbbHTh5u+qAJcwwoGIgwqmgwi29ap9zmVcw0vMw4+2Y28GfqbijZEMG4s85nsrS5EvZs33s1/dxMh4OLOO3bY4VOkn+YmeZZe9SKhyyE3bNmuDV8S3GwT8iDJMzPC6Av/KRVZkSj0pK7vNcP0VLG4HKZ/T9XPbPr5XI6g6qodKQoBd4chyl0fSMQpewU6wijfnwlFwgB";
    private static final String EVENT_HUB_KEY = "P6Wx4waPWsLXxrDmcwkO+7GTHlK5G3LDr+AEhi9Rwkw=";
    private static final String BROWSERSTACK_ACCESS_KEY = "75eQYiNWUtteR2QKOCIq";
    private static final String CLOUDFLARE_API_TOKEN = "cfut_YVP6PyBigramJyaLqXznjimYCiaEg2jNuCRXRHiuf2g4448a";
    private static final String KAFKA_API_SECRET = "6k959z6AFKWdV8ty/vZSQ9mZF2lE2s0sxYbxnaQEXPYM7MoaKGDzkmhFLwGh98d3";
    private static final String DD_APPLICATION_KEY = "79cf1471639160d0e42125e3cf17b4f39a52c9ae";
    private static final String DRONE_RPC_SECRET = "d949fde7e5cebbc7687b00fe8e00c626";
    private static final String FLYIO_MACAROON_TOKEN = "fm1r_VsTufrMG5F2dQDzpMu5bjda4EtX+sGHnSiDZkdLQ1Pld8v+BcqFJl31sypVtot990qdhcu4+gMIYs9zEsrYyX9ec4xNl95EvZvBKYCI8pXwgsK090BNJmkZa6miVUn5UqpawhvwLbn3NgXqXalzRlWqeNQv+9yETZQWxkm18hNxvqOyl72BowuGbA2KTftR2Kzwx1CBt";
    private static final String CI_JOB_TOKEN = "glcbt-vjQuuZIgHtZwAUzDUDP6d48kM31kTUPFamm5I4qXHsPoozwITAAlF4eTOkG8ySFVRErgtOVfDXG3bESxXiRmTekAZgvdHtLsZiM6YCMPGcV3NmC4.nbI0OTXyvP6zTubzPfPuFL7pKvlmIa1rQeIiKUPjGqImDXX6SmrgTcCaR5I6EPTiYHSdhHmiRbIhMGDxICE1FFYaMGE5CM44GTR5NKbgGTqhFuJ8AmX8RwD5HHL5Vs5.tTZFY2R2JeSS5gRWjijkziI3JGJnVajzPIplpbGmxigVQplS594iNIfi6_S4cDqYRvY_8-RDvhaBITZqtRFV_F";
    private static final String TOKEN = "glpat-dlpnCPG7BdJ1lr8hirEUgpiChMm-vcd8FJcG_SGaJV.70.nnatv1kph";
    private static final String GRAFANA_API_KEY = "eyJrIjoiTOjuUBM7XZt2r2p7XbjAFlbWxBQHWdBENzJeNaUxigTxWMAzNyvpV4gkSUCisR89FrgryCXgFoQgaK==";
    private static final String INTERCOM_ACCESS_TOKEN = "dG9rObL6SwJ7SvQdJVZtBcCnTQseKE64SpDdIUnyIQC7CCu0NMT8GDasYwB=";
    private static final String MAILGUN_API_KEY_V2 = "api:bf938f8c91256e3d7cb6c61bc0bf9db5-c2cfb446-1a4cfc8d";
    private static final String NEW_RELIC_BROWSER_KEY = "NRJS-4abd3fa841e6c5b7859";
    private static final String ADMIN_KEY = "sk-admin-Uyy_9Sq7KKw4oyZDmLYMVNmCH_-vU-dzuokJfy_qwjR6BYzdBTRtgZIDfEC9ThgdGGiiG3To085Gls3z2kqHtQdGXvcNQgk0fg_OSjuAPAF0WQ15v9Cqg1hs8o9N";
    private static final String DB_PASSWORD = "pscale_pw_3i3wc6_4fPy8i567vmuKqxSHF-Af1gJXiBB5PE9qg4r";
    private static final String RANCHER_API_TOKEN = "token-3uig5:y9gc3f34b02fwrc0c0adk3m4k0hvquc0f1ds815t0tg66da2szxj5i";
    private static final String SCW_ACCESS_KEY = "SCWPRRN0DBY786U9UFYQ";
    private static final String SLACK_BOT_TOKEN = "xoxb-718137517532-7150817399438-1gcj9GodgCOFkuDrMN0rNeld";
    private static final String DSONAR_TOKEN = "sqp_703519e91b94934b7ba0347ccd7348097f68ddff";
    private static final String SOURCEGRAPH_ACCESS_TOKEN = "f2017f6a9e53e116e9d6c1fba10df496bdc19df5";
    private static final String TWILIO_API_KEY = "SK6bcb8121b6bbbbaccabd363e7593c306";
    private static final String URL = "postgresql://reporting:LDS=h9xQvT_BMk31@pg-primary.prod.svc.cluster.local:5432/reports?sslmode=require";
    private static final String VERCEL_TOKEN = "K7a4YEQ5WPZ0Oj3Un21kpozk";
    private static final String YC_STORAGE_SECRET_KEY = "YCIQ9IWKeKaeLQehCDfNpEBe0iAVLTtJdPdRU19i";
}
