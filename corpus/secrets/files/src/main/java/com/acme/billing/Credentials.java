package com.acme.billing;

public final class Credentials {
    private static final String AIVEN_TOKEN = "9p5f2PMYjvA6+K6+RpZvFsA6+xwGJ4/bJKCOD2FxH5sW8BDpXGj42LPYvRPuR5ONHwAPD6A/C46+CiGR09/VogMm56F1O2YIPaHo7Tz6NHX4R4PSwfRE5qmp1lnxv33e5GklpDLjCnM3NodrfH00CRVj/suaFr0YBREb/gXgJEw4k2pVrsbFoLnOghCF6egJQQVfaRQImsVKg4fUPxsjbzZZUFVAVWw+MRsqVAmUDb4J8fXOvN7OCFl9gxfkvWyOBit7fwrqNR4qpMoi9KqXcIEONC48Uo0Mtn2D1Ga+pQtN/jNehHh0IJYmKO9OGDPBztIJtVR/UgWa3pdJcPk2nWn8gBVYulm2Ct3juy7qg0WLhqw4NQcR";
    private static final String aai.settings.api_key = "5a02b2cf75eff9aabdc9316a830668db";
    private static final String AWS_SESSION_TOKEN = "FwoGZXIvYXdzJGIerrefdT4feG6750WhYjbbHTh5u+qAJcwwoGIgwqmgwi29ap9zmVcw0vMw4+2Y28GfqbijZEMG4s85nsrS5EvZs33s1/dxMh4OLOO3bY4VOkn+YmeZZe9SKhyyE3bNmuDV8S3GwT8iDJMzPC6Av/KRVZkSj0pK7vNcP0VLG4HKZ/T9XPbPr5XI6g6qodKQoBd4chyl0fSMQpewU6wijfnwlFwgB";
    private static final String AZDO_PERSONAL_ACCESS_TOKEN = "aigtn6shogvz6t7nsevxzpx5pfaydpv2pvnidrmx7pmd55pspysv";
    private static final String TOKEN = "bkaj_eyJizWynGtUQNmIhEaR0.iBtmJHrVFhto7tM_iGbN9oYWKOwecaP_BembCQUGRSVfgvedSPYf3GiVIiYr944RHhV4PNJvZcXKu0apmx7CzSOl1XtUSM3vRaKwv_x39dOpezA8yW_UBLpkpRa_hjrxVowKM_yLqQlQt5L7piE8APjUGc2wtJRLzHnrqNKL8XcoLjgAjPu83WKnzZWDutpukfryMrVEkOwsKZZRkprzFwgUKNESabMQUV02iOqpDJHxZp0O.nmW24lBsyVLYL8JxhPw5CgzoTySqvgvwmgIcFGVZJR5tX7EhdL82Srhpdxrh2XkHsk8DTZjz6PRftrBtQrKmwE";
    private static final String CB_API_KEY = "live_elUYrEHG2H7P2LWpctLeTyuL9Ki7I8WM";
    private static final String CODECOV_UPLOAD_TOKEN = "aa0befe1-3680-54b6-bc14-a24fad318777";
    private static final String CONVEX_DEPLOY_KEY = "prod:arxpe-zyxk-269|igK8ADUfpNyra67ccm38n_TmEKY-JOLdmvXFMdhSaRdkDhkniZKXnGp8gzOFu4U9AjZDM62TscyJz0e8QHeb56L2q18xd";
    private static final String CROWDIN_PERSONAL_TOKEN = "a96bda6864a7058b68fd7ca4353b0cbc06b66b6e663ec68315cb208261a368d127f78c68e33da452";
    private static final String DRONE_RPC_SECRET = "d949fde7e5cebbc7687b00fe8e00c626";
    private static final String EQUINIX_METAL_AUTH_TOKEN = "dlR7QW2BQfr95i3wZP7uBhb2HCfRsbY6";
    private static final String KEY = "AIzanSbyagAA_XJUIoIjf43FYwLY1YV_I82zN7H&callback=initMap";
    private static final String GITLAB_DEPLOY_TOKEN = "https://gitlab+deploy-token-42:gldt-uO3_GMdpV0xNuutR7XrY@gitlab.com/acme/app.git";
    private static final String RUNNER_TOKEN = "glrtr-77RqllEnxC4jtFqM16Ma";
    private static final String GRAFANA_SERVICE_ACCOUNT_TOKEN = "glsa_d9Buo2ChpLUuHYiyM1zSKwiVOsHvE77y_c5c4ec83";
    private static final String INFLUX_TOKEN = "URHjwzwh8eszRWMsPwPASrh9NWTA-Br8pxHaEGMFwqM43mUCTHm8YGg3LiiKESCv2XrfIGiD0PUta-tTL-7uxw==";
    private static final String LANGFUSE_SECRET_KEY = "sk-lf-310fabfb-6586-5b2d-465b-192fb46497ae";
    private static final String LOGGLY_CUSTOMER_TOKEN = "https://logs-01.loggly.com/bulk/d4c3292d-fb38-19c1-d4bf-0589ff7db20a/tag/fluentd";
    private static final String LOKALISE_API_TOKEN = "fa0f870b7fcfa05d9e4b78b0ec8217a7e1fef7fb";
    private static final String MESSAGEBIRD_API_KEY = "sISyFwPuIe2nh0hgc0Sm8x5p5";
    private static final String API_KEY = "NRAA-GA0N2ZC6OLPC686UPVXB87GOC7I";
    private static final String API_KEY = "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";
    private static final String PAGERDUTY_API_KEY = "jcMXhYbM53D_2yr+U1yB";
    private static final String DB_PASSWORD = "pscale_pw_3i3wc6_4fPy8i567vmuKqxSHF-Af1gJXiBB5PE9qg4r";
    private static final String RAILWAY_API_TOKEN = "69f2b74d-868b-3ad5-6801-78d4c4313f63";
    private static final String ROLLBAR_POST_SERVER_ITEM_TOKEN = "184b1cb986959fa45bedddbff6318fa4";
    private static final String RAVEN_DSN = "https://28ca2ad8937037d212197d23a52aa3b1:72d07049cef7f965d824a67951831f12@sentry.io/123456";
    private static final String SLACK_BOT_TOKEN = "xoxb-718137517532-7150817399438-1gcj9GodgCOFkuDrMN0rNeld";
    private static final String SOURCEGRAPH_ACCESS_TOKEN = "f2017f6a9e53e116e9d6c1fba10df496bdc19df5";
    private static final String API_KEY = "hawk.Ndlt7BJmAdlxbvWLZXXX.9OhVtilMhwI3osEMoO0C";
    private static final String TRELLO_TOKEN = "ce990b6ced5e88a1813b0071ba3de431756ba8443f80dee84251301e1311f19c";
    private static final String TWILIO_API_KEY = "SK6bcb8121b6bbbbaccabd363e7593c306";
    private static final String URL = "postgresql://reporting:LDS=h9xQvT_BMk31@pg-primary.prod.svc.cluster.local:5432/reports?sslmode=require";
    private static final String VERCEL_TOKEN = "K7a4YEQ5WPZ0Oj3Un21kpozk";
    private static final String YC_API_KEY = "AQVN61IjUm1dSIvDHP0XndBcbJiOU-Gjq2UxPjuL";
}
