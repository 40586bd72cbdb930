<?php

return [
// pragma: allowlist nextline secret
    'akamai_client_token' => 'akab-17lyc30arna6jwbu-03glmf3j63ud8121',
    'digitalocean_access_token' => 'dop_v1_bf7191c16296ad05895bf08cce7fab2a4cc8ca1d4f896d9bb50d2dd6956bc2df',  // plimsoll:allow
    'discord_bot_token' => 'Nsu7PfF9RfLrAGE1YSXrJZmhSY.E12lVm.uWIJ9pZyq1wVwxCH6LN83uGk6kuWBsAa365AJC',  // gitleaks:allow
// pragma: allowlist nextline secret
    'password' => 'dckr_pat_oVmlJqQkh9osNcL_YnHHD0XFI2B',
    'figma_access_token' => 'figd_A3rkc2Zxrn7GqPIUxF5J3YmmxHhey-HPvVG1NMks',  // plimsoll:allow
// pragma: allowlist nextline secret
    'runner_token' => 'glrtr-83CfvdInlR1jtJfQ46Fd',
    'grafana_api_key' => 'eyJrIjoiXJlfSPG9LTv7u2m7AebMKzlLvRMYRzGYZaUwBsRjzqDkKTXxQodsK2pzCJKloI55JhgylSFfOqVzrC==',  // gitleaks:allow
    'langsmith_api_key' => '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',  // pragma: allowlist secret
    'mg_webhook_key' => '209b0c50cb8d09f0531ea88c2e5de293',  // gitleaks:allow
// pragma: allowlist nextline secret
    'new_relic_license_key' => 'eu01xx16bcc80bb4601cf1535178cf0e78f3NRAL',
    'openai_key' => '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',  // pragma: allowlist secret
    'razorpay_secret' => 'ZZ2eOfoNPbG9QVZuP37pwnMj',  // pragma: allowlist secret
    'vercel_auth_token' => 'JEcOtMu7aNCPZj3KEAPevegK',  // pragma: allowlist secret
    'wise_api_token' => '99917f80-28bc-0573-5b56-283c50991d95',  // gitleaks:allow
    'zoom_webhook_secret_token' => 'H2zXEMPAncrEzMpoVwqkrg',  // plimsoll:allow
];
