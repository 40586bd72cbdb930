<?php
define('ALGOLIA_SHARED_SECRET', '4c74e5d3118d7f5b4eb6a002ba63dfe4dc181d5fb59f94833cdbb79b6e41b2c8');
define('STRIPE_SERVICE_TOKEN', 'eYLPQtCzh+4v*+&sa');
define('PUSHER_AUTH_TOKEN', '8ccebd40-7163-4444-8420-eb561876b55d');
define('ADO_ACCESS_KEY', 'sec_bQKfStzjwuEP0LpqfPip9xBtp');
define('MAILGUN_PRIVATE_KEY', '');
define('ZENDESK_MASTER_KEY', '<secret>');
define('SECRET', '#{ApiKey}');
define('ETAG', 'e79059c960f39c01523bc2311536e3e0d191a129');
