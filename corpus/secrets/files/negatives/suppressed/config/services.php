<?php

return [
    'acquia_api_secret' => 'GWNlwHV/Z3g0vPG+UDnk0SCmPK3RIGs7/ftS8cxPLXs=',  // plimsoll:allow
    'akamai_client_token' => 'akab-17lyc30arna6jwbu-03glmf3j63ud8121',  // plimsoll:allow
    'storage_key' => 'rsOgJ8JF7q4qoCriJFmghVCSSxD4RRV8qupy+SADAqaf7pC9UcFjUDyR0pFIm9nx16Md9FybM13nParkofcxmh==',  // plimsoll:allow
    'bigcommerce_access_token' => 'jdzppaok968kwbq5tkdwsh4krvp483e',  // pragma: allowlist secret
    'coda_api_token' => '8a3360e8-388e-59b0-a5f1-f89b9877723d',  // pragma: allowlist secret
    'codefresh_api_key' => '9088cb2d771ddeccddd9fa59.180c54a120f508ee237662ed25ac3f1e',  // gitleaks:allow
    'coingecko_api_key' => 'CG-X2bFNlw5OcP4vSj1uiiznIgzt',  // pragma: allowlist secret
    'convertkit_api_secret' => '1F6Sg1ec02A-BrHdVvok7WpqmUmwiQwA7xJS2iuXJg6',  // gitleaks:allow
// pragma: allowlist nextline secret
    'digitalocean_access_token' => 'dop_v1_bf7191c16296ad05895bf08cce7fab2a4cc8ca1d4f896d9bb50d2dd6956bc2df',
    'do_secret_key' => 'FlMSY22hEfimXwET8okbC0EEpdBkMA3cSYoN45w4kmZ',  // gitleaks:allow
// pragma: allowlist nextline secret
    'discord_bot_token' => 'Nsu7PfF9RfLrAGE1YSXrJZmhSY.E12lVm.uWIJ9pZyq1wVwxCH6LN83uGk6kuWBsAa365AJC',
// pragma: allowlist nextline secret
    'password' => 'dckr_pat_oVmlJqQkh9osNcL_YnHHD0XFI2B',
    'figma_access_token' => 'figd_A3rkc2Zxrn7GqPIUxF5J3YmmxHhey-HPvVG1NMks',  // gitleaks:allow
    'runner_token' => 'glrtr-83CfvdInlR1jtJfQ46Fd',  // plimsoll:allow
    'grafana_api_key' => 'eyJrIjoiXJlfSPG9LTv7u2m7AebMKzlLvRMYRzGYZaUwBsRjzqDkKTXxQodsK2pzCJKloI55JhgylSFfOqVzrC==',  // plimsoll:allow
    'kinde_client_secret' => 'XvJVC2Q2wCl5BXELnNwkub4nHkscHoeq4f2hOCMwZZM8VNMj',  // plimsoll:allow
    'konnect_token' => 'spat_RWTHeZvF9QwNCmCVKvgbYLyND2ENVYmXYSWJbvoB4L25o7Yy',  // pragma: allowlist secret
    'langsmith_api_key' => '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',  // gitleaks:allow
// pragma: allowlist nextline secret
    'mg_signing_key' => 'key-3dc32d92fca11c999ed65da1c20700e1',
    'new_relic_license_key' => 'eu01xx16bcc80bb4601cf1535178cf0e78f3NRAL',  // gitleaks:allow
    'openai_key' => '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',  // plimsoll:allow
    'phraseapp_access_token' => '433916330e2f353302a73014c8dba548073f7e4a70b9a74d383007c93b4ab3f2',  // pragma: allowlist secret
    'promptlayer_api_key' => 'pl_07a70e09515035e2edd1a55a19d51d4d',  // plimsoll:allow
    'razorpay_secret' => 'ZZ2eOfoNPbG9QVZuP37pwnMj',  // gitleaks:allow
// pragma: allowlist nextline secret
    'slack_signing_secret' => 'eb358d79aee69140cd3c6163bdefab7e',
    'smartsheet_access_token' => 'jYQBA5stxh4bxq9sLeJhDX3ZFqth1xsmoUdP0',  // plimsoll:allow
    'spotipy_client_secret' => '3a39e9ed362f9d055424aa2e7a739ded',  // pragma: allowlist secret
    'vercel_auth_token' => 'JEcOtMu7aNCPZj3KEAPevegK',  // gitleaks:allow
    'vimeo_access_token' => '23cbbe0008bd58fc267803332c129a96',  // pragma: allowlist secret
    'wise_api_token' => 'da27361b-5040-67db-ccb3-d008928c2c51',  // pragma: allowlist secret
    'zoom_webhook_secret_token' => 'H2zXEMPAncrEzMpoVwqkrg',  // gitleaks:allow
];
