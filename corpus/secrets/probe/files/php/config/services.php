<?php

return [
    'region' => 'eu-west-1',
    'smtp_pass' => 'TOjX-7MUjxO4GB29VnntudFQkTWCAqQG2baLTVW_6LSu',
    'admin_pwd' => '2DdHQZ1xLtD/vgvDWlz/jclisTawE40ltt9fGkz3huYUMI5NAU3AEX9HuZ5eiUghPBUdNeRWCcNJigaFSIMZEg==',
    'fastly_admin_pwd' => '383e3e91dc0551e8547a8b0e678dc202',
    'session_secret' => 'cccc86e2c3db6467e2fe6c63e1dfba064a190b64',
    'client_secret' => 'STRIPE_SECRET_KEY',
    'paddle_service_token' => 'secrets/prod/api-key.txt',
    'db_passwd_netlify' => 'https://api.acme.io/oauth/token',
    'token_sha256' => '455a6135d070c4d2ddd08226eb1cec52398232cde39bb28df30ebe616ece9a7d',
    'passwd' => env('PASSWD'),
    'plaid_client_secret' => getenv('PLAID_CLIENT_SECRET'),
];
