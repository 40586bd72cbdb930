<?php

return [
// pragma: allowlist nextline secret
    'digitalocean_access_token' => 'dop_v1_bf7191c16296ad05895bf08cce7fab2a4cc8ca1d4f896d9bb50d2dd6956bc2df',
    'discord_bot_token' => 'Nsu7PfF9RfLrAGE1YSXrJZmhSY.E12lVm.uWIJ9pZyq1wVwxCH6LN83uGk6kuWBsAa365AJC',  // plimsoll:allow
    'password' => 'dckr_pat_oVmlJqQkh9osNcL_YnHHD0XFI2B',  // pragma: allowlist secret
    'figma_access_token' => 'figd_A3rkc2Zxrn7GqPIUxF5J3YmmxHhey-HPvVG1NMks',  // gitleaks:allow
    'runner_token' => 'glrtr-83CfvdInlR1jtJfQ46Fd',  // pragma: allowlist secret
// pragma: allowlist nextline secret
    'grafana_api_key' => 'eyJrIjoiXJlfSPG9LTv7u2m7AebMKzlLvRMYRzGYZaUwBsRjzqDkKTXxQodsK2pzCJKloI55JhgylSFfOqVzrC==',
    'mg_webhook_key' => '209b0c50cb8d09f0531ea88c2e5de293',  // gitleaks:allow
// pragma: allowlist nextline secret
    'newrelic_license_key' => '7bbe18dbb5e06ec81185421cb071e967372dNRAL',
    'openai_key' => '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',  // plimsoll:allow
    'razorpay_secret' => 'ZZ2eOfoNPbG9QVZuP37pwnMj',  // pragma: allowlist secret
    'vercel_auth_token' => 'JEcOtMu7aNCPZj3KEAPevegK',  // pragma: allowlist secret
];
