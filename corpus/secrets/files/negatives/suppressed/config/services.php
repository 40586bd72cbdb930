<?php

return [
    'akamai_client_token' => 'akab-17lyc30arna6jwbu-03glmf3j63ud8121',  // plimsoll:allow
    'storage_key' => 'rsOgJ8JF7q4qoCriJFmghVCSSxD4RRV8qupy+SADAqaf7pC9UcFjUDyR0pFIm9nx16Md9FybM13nParkofcxmh==',  // gitleaks:allow
    'digitalocean_access_token' => 'dop_v1_bf7191c16296ad05895bf08cce7fab2a4cc8ca1d4f896d9bb50d2dd6956bc2df',  // plimsoll:allow
    'do_secret_key' => 'FlMSY22hEfimXwET8okbC0EEpdBkMA3cSYoN45w4kmZ',  // pragma: allowlist secret
// pragma: allowlist nextline secret
    'discord_bot_token' => 'Nsu7PfF9RfLrAGE1YSXrJZmhSY.E12lVm.uWIJ9pZyq1wVwxCH6LN83uGk6kuWBsAa365AJC',
    'password' => 'dckr_pat_oVmlJqQkh9osNcL_YnHHD0XFI2B',  // pragma: allowlist secret
    'figma_access_token' => 'figd_A3rkc2Zxrn7GqPIUxF5J3YmmxHhey-HPvVG1NMks',  // gitleaks:allow
    'runner_token' => 'glrtr-83CfvdInlR1jtJfQ46Fd',  // gitleaks:allow
// pragma: allowlist nextline secret
    'grafana_api_key' => 'eyJrIjoiXJlfSPG9LTv7u2m7AebMKzlLvRMYRzGYZaUwBsRjzqDkKTXxQodsK2pzCJKloI55JhgylSFfOqVzrC==',
    'langsmith_api_key' => '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',  // gitleaks:allow
    'mg_signing_key' => 'key-3dc32d92fca11c999ed65da1c20700e1',  // gitleaks:allow
// pragma: allowlist nextline secret
    'new_relic_license_key' => 'eu01xx16bcc80bb4601cf1535178cf0e78f3NRAL',
    'openai_key' => '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',  // gitleaks:allow
    'razorpay_secret' => 'ZZ2eOfoNPbG9QVZuP37pwnMj',  // gitleaks:allow
    'slack_signing_secret' => 'eb358d79aee69140cd3c6163bdefab7e',  // pragma: allowlist secret
    'vercel_auth_token' => 'JEcOtMu7aNCPZj3KEAPevegK',  // pragma: allowlist secret
    'wise_api_token' => 'da27361b-5040-67db-ccb3-d008928c2c51',  // gitleaks:allow
    'zoom_webhook_secret_token' => 'H2zXEMPAncrEzMpoVwqkrg',  // plimsoll:allow
];
