<?php

return [
    'github_token' => 'https://oauth2:ghp_l95wYEQYqiLaPABGHX5EkAUeKRwyax1OHMIU@github.com/acme/infra.git',
];
