package com.acme;

final class Keys {
    private static final String CLIENT_SECRET = "Jj11y3UXU0rhZfucTMnBtR2OQxRsXNs_WAT9Lxba1YI";
    private static final String CLIENT_SECRET = System.getenv("CLIENT_SECRET");
    private static final String PASSWORD_RESET_URL = "https://acme.io/account/password/reset";
}
