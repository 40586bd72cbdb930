Rails.application.configure do
  config.aws_bearer_token_bedrock = "bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29tMw1BI2Pkn755X7KgxQreaHfRRFDtQSKIh4jlizIIOGVhww1FyGhufjj5dT83XToZAT5BVPVVFHTLKYV1YzTRFQBjwx5AnrDfUZ53dHBrIGXASIXJSkLJUtINLsgHTxeYJUWDOFWXPsNuMyMcYPDmArT6by1oMIT0DZGoLoQoJLPwm6YhBHJYEOgnSW7jXER5KYN4JmelNE06PQJfqNG5DtAhJxPyVZCDSZUyMGZfUxNJMKSuay9ZePSvbaJtGXPtUcUoEnbfKR30FNObE2XbeBU6FSMqu3EtAQdEq9izS3ypYzGcnXtfGyswOeuNU3seKjpdeSI3HbQFHJAcVSRyqIB0edCYcZXPnISCmsYGE4FPH2Z7WHE7R2vmWXMuIJiOL1HEWBPoH14GJIRhDZVAHQEcPN98QUoMcmIFNBJsur5NfMzbCWJ9orV8BUOvDMY2IQNqJPB1EgTbINXbEJsoXsp3RxT1ZFLrIIrdOtnaKdO6BXMvSPc2GYp5RtCaHwH3PYv8PQA8PIvpSvCBDKXtwE2vYSG="  # pragma: allowlist secret
  config.aws_secret_access_key = "MVWVcmySgKLGazLTaFz/9PazDB72Hj59H90/Omu8"  # gitleaks:allow
  config.bitbucket_access_token = "ATCTT3xFfGN0LR0loQpJaZwOLU4DoeaRcWIlZKAK_C8FgRx9MgU0FUovgOTaPkCKTz2-xH6cMJ4N6kErhJ7ZSTvIrvlwdh66KEBP3zK-QOvyi07IvIEFPob2M_Thx__hMi1PKkwfvFp-mEUMNydCx17tecm4h4fAWEE8SMODSr8fglnHtH9OSiX=944663D6"  # gitleaks:allow
  config.brevo_api_key = "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"  # plimsoll:allow
  config.cypress_record_key = "1ed77298-e4bf-08e2-46bf-bcd2e08ff2b4"  # plimsoll:allow
  config.token = "ddo_uVvYS8uSoIwU70cz8dzIk7dk79RQjbnLswIu"  # plimsoll:allow
  config.api_key = "AIzaenjkQXpQhYxf7zaEb3c_DNPlBzbnAWvPOyl"  # pragma: allowlist secret
  config.password = "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"  # gitleaks:allow
  config.registration_token = "GR1348941XO3HtTYbvGsnrYxDDDd-"  # pragma: allowlist secret
  config.token = "glwt-eydutXueOwP7plCzEHg0NLz6xZLYTN_scduqay6TXF.82.blz2c61nu"  # gitleaks:allow
  config.token = "eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI4NzI0ODk5ODciLCJuYW1lIjoiamFuZS5kb2UiLCJpYXQiOjE3MDQ1MTY4NDksImV4cCI6MTgwMjA4NzQxNywic2NvcGUiOiJyZWFkOmFsbCB3cml0ZTphbGwiLCJqdGkiOiJ6enNSZFVabFVGeFZzUzJZIn0.VRBLEZHsG3syrFmE5TtpZyKh5yYHKQpnSTOhwInNf3a"  # plimsoll:allow
  config.access_token = "lin_oauth_aa96eecd95ce8fcc8579f7d1add7ffd8b57f6d179e43d9aafa6821c4c3de3bbc"  # gitleaks:allow
  config.new_relic_browser_key = "NRJS-0bba8fa908b3c1b2169"  # gitleaks:allow
  config.admin_key = "sk-admin-Kwp_5My5AMr6ayQUmGWITIhHI_-pS-xrrajPki_fhcY9ATneJAWhrCPZyLE9PhtcPAfxF4At995Wri6i0fpUdTcUNgmPNmt6ig_PJahKQVC7HC46j9Pfb6be8e2O"  # pragma: allowlist secret
  config.postmark_account_token = "6033d074-4377-8b92-5026-49de23ac875a"  # plimsoll:allow
  config.refresh = "xoxr-161774181742-170449366730-3mkfravmn066520c87m62037716wan04t7mg0597iojb6hcb3zf462lt65wd9u38"  # plimsoll:allow
  config.access_token = "xoxa-2-678105014369-373546290292-749279537561-y7lh3f660m59b8o40z35ewfz6a0p24679imnyc738o08e2t7ut910px1z81j899j"  # pragma: allowlist secret
# pragma: allowlist nextline secret
  config.sonar_login = "sqa_19ed3b6b1a9a98c4ac00676dd6b4fbc036311e60"
  config.square_token = "sq0atp-elECoonYm79L7nrfhF3Zo0"  # gitleaks:allow
  config.qcloud_secret_key = "rmVHAAmHpcc8Pj4Mv7KCtQsZ4crd9z8P"  # pragma: allowlist secret
  config.wcd_api_key = "hGrGcS3U7MB8BP4GpQLzSycsVmJzjb7Bed2hpEeo"  # pragma: allowlist secret
end
