package com.acme.billing;

public final class Credentials {
    private static final String ALIBABA_ACCESS_KEY_ID = "LTAI40rHCLzNMScq1HFj";
    private static final String AWS_SESSION_TOKEN = "FwoGZXIvYXdzJGIerrefdT4feG6750WhYjbbHTh5u+qAJcwwoGIgwqmgwi29ap9zmVcw0vMw4+2Y28GfqbijZEMG4s85nsrS5EvZs33s1/dxMh4OLOO3bY4VOkn+YmeZZe9SKhyyE3bNmuDV8S3GwT8iDJMzPC6Av/KRVZkSj0pK7vNcP0VLG4HKZ/T9XPbPr5XI6g6qodKQoBd4chyl0fSMQpewU6wijfnwlFwgB";
    private static final String EVENT_HUB_KEY = "P6Wx4waPWsLXxrDmcwkO+7GTHlK5G3LDr+AEhi9Rwkw=";
    private static final String BUILDKITE_AGENT_TOKEN = "bkct_WAC.Xreof7gB3t6CGltRy7pYNaRbVCADaoacqejlApK2BuA2aiup";
    private static final String CODER_SESSION_TOKEN = "nr1e5fF6jc-1zlCYXTMWGFIFB5JIXkbKV";
    private static final String DATADOG_API_KEY = "52c8155cfdacab334891a3cb2692566f";
    private static final String DOCKERHUB_TOKEN = "dckr_pat_KRA0rmbbHnQa9pb7GbRxd83wbvM";
    private static final String FLYIO_MACAROON_TOKEN = "fm1r_VsTufrMG5F2dQDzpMu5bjda4EtX+sGHnSiDZkdLQ1Pld8v+BcqFJl31sypVtot990qdhcu4+gMIYs9zEsrYyX9ec4xNl95EvZvBKYCI8pXwgsK090BNJmkZa6miVUn5UqpawhvwLbn3NgXqXalzRlWqeNQv+9yETZQWxkm18hNxvqOyl72BowuGbA2KTftR2Kzwx1CBt";
    private static final String SECRET = "a37ab7332c36a430098740e14bff9aed031a71d438e8c66179ab55b0df0f86dc";
    private static final String GITLAB_DEPLOY_TOKEN = "https://gitlab+deploy-token-42:gldt-uO3_GMdpV0xNuutR7XrY@gitlab.com/acme/app.git";
    private static final String GRAFANA_API_KEY = "eyJrIjoiTOjuUBM7XZt2r2p7XbjAFlbWxBQHWdBENzJeNaUxigTxWMAzNyvpV4gkSUCisR89FrgryCXgFoQgaK==";
    private static final String INTERCOM_ACCESS_TOKEN = "dG9rObL6SwJ7SvQdJVZtBcCnTQseKE64SpDdIUnyIQC7CCu0NMT8GDasYwB=";
    private static final String MAILGUN_API_KEY_V2 = "api:bf938f8c91256e3d7cb6c61bc0bf9db5-c2cfb446-1a4cfc8d";
    private static final String NEW_RELIC_BROWSER_KEY = "NRJS-4abd3fa841e6c5b7859";
    private static final String NODE_AUTH_TOKEN = "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";
    private static final String DB_PASSWORD = "pscale_pw_3i3wc6_4fPy8i567vmuKqxSHF-Af1gJXiBB5PE9qg4r";
    private static final String RENDER_API_KEY = "rnd_CG0fnAukr3R24hgkIMTMyyIluA80AVFT";
    private static final String RAVEN_DSN = "https://28ca2ad8937037d212197d23a52aa3b1:72d07049cef7f965d824a67951831f12@sentry.io/123456";
    private static final String SLACK_BOT_TOKEN = "xoxb-718137517532-7150817399438-1gcj9GodgCOFkuDrMN0rNeld";
    private static final String DSONAR_TOKEN = "sqp_703519e91b94934b7ba0347ccd7348097f68ddff";
    private static final String SUPABASE_ACCESS_TOKEN = "sbp_16c7c536fe4d77aff45a3f1af496907a3514ba1e";
    private static final String TWILIO_API_KEY = "SK6bcb8121b6bbbbaccabd363e7593c306";
    private static final String URI_SMB = "smb://CORP;svc_scan:Cfwf=*L19JvEp6-eIBm@fileserver01.corp.local/scans";
    private static final String CLIENT_SECRET = "yccs__ba0333fa9891eb969a049096ed4d1c006dbae7f505691b7c7c86fcf9d5c437b6_58bf8005";
}
