package com.acme;

        headers.setBasicAuth("reports", "1xt5H*MFG6e^g*J");
