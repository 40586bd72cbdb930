package com.acme.billing;

public final class Credentials {
    private static final String AUTH = "ghs_rT8UUxZeghBNB4TuEBBEzZ1Bh6ejHn3auxA1";
}
