Rails.application.configure do
  config.refresh_token = "Atzr|IpKBc09egMp7niJItnoN7eXdA2ww5Z3RwpB1zTjpIVP5jH084Q5_Rcx1qheSiwY6UASCSp3dTFb1vczmDNTm80btr5KrFP57x8o7ur6BdXy4QNSdU9KfLX9OkAjBwrCc_TDoMH05cwjbDD7cc6v9XjgiuuM-Qh6l7jAO0L2KeVb_hCQ7k4Nf-sxe1cbh-2LDdhoChfsUfJEx3uxqKGmD7mKbrz-O9jodcZc4NMPpKTTKwjw91H452rewFy5r4gTChkB9dTFl7q3rI4O-Ac_ueItDeYlFqng6Iclz-XjKp-IwOD3H1u2huAvHZ-kRSrdKc88oqiVIWqXqCrpu6nJXNNJYg66XeXP0tx9yAQpalBdT"  # pragma: allowlist secret
  config.aws_bearer_token_bedrock = "bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29tMw1BI2Pkn755X7KgxQreaHfRRFDtQSKIh4jlizIIOGVhww1FyGhufjj5dT83XToZAT5BVPVVFHTLKYV1YzTRFQBjwx5AnrDfUZ53dHBrIGXASIXJSkLJUtINLsgHTxeYJUWDOFWXPsNuMyMcYPDmArT6by1oMIT0DZGoLoQoJLPwm6YhBHJYEOgnSW7jXER5KYN4JmelNE06PQJfqNG5DtAhJxPyVZCDSZUyMGZfUxNJMKSuay9ZePSvbaJtGXPtUcUoEnbfKR30FNObE2XbeBU6FSMqu3EtAQdEq9izS3ypYzGcnXtfGyswOeuNU3seKjpdeSI3HbQFHJAcVSRyqIB0edCYcZXPnISCmsYGE4FPH2Z7WHE7R2vmWXMuIJiOL1HEWBPoH14GJIRhDZVAHQEcPN98QUoMcmIFNBJsur5NfMzbCWJ9orV8BUOvDMY2IQNqJPB1EgTbINXbEJsoXsp3RxT1ZFLrIIrdOtnaKdO6BXMvSPc2GYp5RtCaHwH3PYv8PQA8PIvpSvCBDKXtwE2vYSG="  # gitleaks:allow
  config.aws_secret_access_key = "MVWVcmySgKLGazLTaFz/9PazDB72Hj59H90/Omu8"  # plimsoll:allow
  config.bitbucket_access_token = "ATCTT3xFfGN0LR0loQpJaZwOLU4DoeaRcWIlZKAK_C8FgRx9MgU0FUovgOTaPkCKTz2-xH6cMJ4N6kErhJ7ZSTvIrvlwdh66KEBP3zK-QOvyi07IvIEFPob2M_Thx__hMi1PKkwfvFp-mEUMNydCx17tecm4h4fAWEE8SMODSr8fglnHtH9OSiX=944663D6"  # plimsoll:allow
  config.braze_rest_api_key = "41ad6189-ad92-0f13-c529-5fabf07afab8"  # gitleaks:allow
  config.brevo_api_key = "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"  # pragma: allowlist secret
  config.bundle_nexus_acme_internal = "hvihgo:KpmZ9SzI4NFi6v6aCrSSljLr"  # plimsoll:allow
  config.configcat_sdk_key = "configcat-sdk-1/99TUA6WIXTBO7B2p6GRyWf/mC2Z1egwqMJpMA5QLcnprs"  # gitleaks:allow
# pragma: allowlist nextline secret
  config.api_key = "cxup_3VlfqnVv1FbKazfp7rY5mP0yHcM7l8"
  config.cypress_record_key = "1ed77298-e4bf-08e2-46bf-bcd2e08ff2b4"  # pragma: allowlist secret
  config.token = "ddo_uVvYS8uSoIwU70cz8dzIk7dk79RQjbnLswIu"  # pragma: allowlist secret
  config.etsy_api_key = "al6rpqvc2r4p6gsm6tw2fcnw"  # gitleaks:allow
  config.api_key = "AIzaenjkQXpQhYxf7zaEb3c_DNPlBzbnAWvPOyl"  # plimsoll:allow
  config.password = "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"  # plimsoll:allow
  config.registration_token = "GR1348941XO3HtTYbvGsnrYxDDDd-"  # gitleaks:allow
  config.token = "glwt-eydutXueOwP7plCzEHg0NLz6xZLYTN_scduqay6TXF.82.blz2c61nu"  # plimsoll:allow
  config.hunterio_api_key = "b0786b65e6b6ac7dc00f166bf90325b92aa0d21e"  # pragma: allowlist secret
  config.token = "eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI4NzI0ODk5ODciLCJuYW1lIjoiamFuZS5kb2UiLCJpYXQiOjE3MDQ1MTY4NDksImV4cCI6MTgwMjA4NzQxNywic2NvcGUiOiJyZWFkOmFsbCB3cml0ZTphbGwiLCJqdGkiOiJ6enNSZFVabFVGeFZzUzJZIn0.VRBLEZHsG3syrFmE5TtpZyKh5yYHKQpnSTOhwInNf3a"  # gitleaks:allow
  config.access_token = "lin_oauth_aa96eecd95ce8fcc8579f7d1add7ffd8b57f6d179e43d9aafa6821c4c3de3bbc"  # pragma: allowlist secret
  config.mailerlite_api_key = "624694fb2037d7d3fd6142b68201823d"  # pragma: allowlist secret
  config.mux_token_secret = "JVSqr+9NOEKJIiXsYq2/MbA2olCOnzQY/1SxoU3ioH78FiQjFyIuVJUbIQZnsQ+2u+kS8ypB4xd"  # plimsoll:allow
# pragma: allowlist nextline secret
  config.new_relic_browser_key = "NRJS-0bba8fa908b3c1b2169"
  config.admin_key = "sk-admin-Kwp_5My5AMr6ayQUmGWITIhHI_-pS-xrrajPki_fhcY9ATneJAWhrCPZyLE9PhtcPAfxF4At995Wri6i0fpUdTcUNgmPNmt6ig_PJahKQVC7HC46j9Pfb6be8e2O"  # gitleaks:allow
# pragma: allowlist nextline secret
  config.oraclecloud_secret_access_key = "WkJyLU2h+hKA0jHzrmwJR2Cuo5EVG/p4Icn6VBG8Tbx="
  config.upsun_token = "5m5E16c-Fsr0L7O6CujBSbrQjUIsNvTzu7tYQLa7f_Z"  # pragma: allowlist secret
  config.postmark_account_token = "6033d074-4377-8b92-5026-49de23ac875a"  # gitleaks:allow
  config.bundle_gems_contribsys_com = "https://3152f2a8:aad858ac@gems.contribsys.com/"  # gitleaks:allow
  config.refresh = "xoxr-161774181742-170449366730-3mkfravmn066520c87m62037716wan04t7mg0597iojb6hcb3zf462lt65wd9u38"  # gitleaks:allow
# pragma: allowlist nextline secret
  config.access_token = "xoxa-2-678105014369-373546290292-749279537561-y7lh3f660m59b8o40z35ewfz6a0p24679imnyc738o08e2t7ut910px1z81j899j"
  config.sonar_login = "sqa_19ed3b6b1a9a98c4ac00676dd6b4fbc036311e60"  # pragma: allowlist secret
# pragma: allowlist nextline secret
  config.square_token = "sq0atp-elECoonYm79L7nrfhF3Zo0"
  config.qcloud_secret_key = "rmVHAAmHpcc8Pj4Mv7KCtQsZ4crd9z8P"  # plimsoll:allow
  config.wcd_api_key = "hGrGcS3U7MB8BP4GpQLzSycsVmJzjb7Bed2hpEeo"  # gitleaks:allow
end
