<?php
$client_secret = 'mTw3z4YqKJ56vXdSTfSlAf2s0TaG';
$bearerToken = 'GccJO6wjUXbSFQO7v90NVGZ0kRLV4yPELWD4xAu1qVx3T_dVnMOzB5c8qz4dQ2g8';
$refreshTokenBraze = 'TazyptA6IN0+LEw2Y3GHtSCmsALbbHWa5vUaF/+rl4R+jvLOO2JYIw==';
$auth_token = '14c587dcce4648cb14b333b6783625d4';
$pwd = 'stripeSecretKey';
$fastlyV2AccessKey = './certs/signing.pem';
$bitlySecretKey = 'https://vault.acme.io/v1/kv/payments';
$integrity = '93685415243915272dca9ca3fb89f55c07073c63eec0c817d4b580b1bfe0cf2f';
