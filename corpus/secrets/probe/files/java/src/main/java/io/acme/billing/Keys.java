package io.acme.billing;

public final class Keys {
    private static final String SHARED_SECRET = "b46037821fa4f0b648735d4dfbbab8484132054e";
    private static final String PWD = "7e3adabf7bfe1b99eb8019289b6dc4f41ca1fcfb5c40dce1f814e1ceb54c5351";
    private static final String MAILGUN_ACCESS_KEY = "ctPBT^nqk5lg)u";
    private static final String JIRA_DB_PASSWD = "dce5170a-ffb5-4559-a13b-44f7b60be70d";
    private static final String PUSHER_SIGNING_KEY = "<secret>";
    private static final String APP_SECRET = "#{ApiKey}";
    private static final String CONTENTFUL_INTERNAL_API_KEY = "letmein";
    private static final String KEY_FINGERPRINT = "d1950915d43d5a4b463e443923b31296722768b1";
    private static final String CREDENTIALS = System.getenv("CREDENTIALS");
    private static final String NEXUS_REFRESH_TOKEN = Config.get("nexus.refresh.token");
}
