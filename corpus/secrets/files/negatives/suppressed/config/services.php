<?php

return [
// pragma: allowlist nextline secret
    'akamai_client_token' => 'akab-17lyc30arna6jwbu-03glmf3j63ud8121',
// pragma: allowlist nextline secret
    'digitalocean_access_token' => 'dop_v1_bf7191c16296ad05895bf08cce7fab2a4cc8ca1d4f896d9bb50d2dd6956bc2df',
    'discord_bot_token' => 'Nsu7PfF9RfLrAGE1YSXrJZmhSY.E12lVm.uWIJ9pZyq1wVwxCH6LN83uGk6kuWBsAa365AJC',  // plimsoll:allow
    'password' => 'dckr_pat_oVmlJqQkh9osNcL_YnHHD0XFI2B',  // pragma: allowlist secret
    'figma_access_token' => 'figd_A3rkc2Zxrn7GqPIUxF5J3YmmxHhey-HPvVG1NMks',  // pragma: allowlist secret
    'runner_token' => 'glrtr-83CfvdInlR1jtJfQ46Fd',  // pragma: allowlist secret
// pragma: allowlist nextline secret
    'grafana_api_key' => 'eyJrIjoiXJlfSPG9LTv7u2m7AebMKzlLvRMYRzGYZaUwBsRjzqDkKTXxQodsK2pzCJKloI55JhgylSFfOqVzrC==',
    'mg_webhook_key' => '209b0c50cb8d09f0531ea88c2e5de293',  // plimsoll:allow
    'new_relic_license_key' => 'eu01xx16bcc80bb4601cf1535178cf0e78f3NRAL',  // pragma: allowlist secret
    'openai_key' => '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',  // pragma: allowlist secret
    'razorpay_secret' => 'ZZ2eOfoNPbG9QVZuP37pwnMj',  // plimsoll:allow
    'vercel_auth_token' => 'JEcOtMu7aNCPZj3KEAPevegK',  // pragma: allowlist secret
];
