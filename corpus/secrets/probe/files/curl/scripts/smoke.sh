#!/bin/sh
curl -fsS -H "X-smtp-pass: 4b638e254737515c983e7fd0ae16d9d63fc73e9047c5c04342ab2e0946cf23d6" https://api.acme.io/v1/ping
curl -fsS -H "X-mailgun-app-secret: Z%W8NrntwKV==7R06" https://api.acme.io/v1/ping
curl -fsS -H "X-postmark-internal-db-passwd: ba3a9ddb-8884-48be-afc4-b0563d767461" https://api.acme.io/v1/ping
curl -fsS -H "X-master-key: tok_2HMGYGEV5N0S1l7veO0HyEv6QeBwjPkmHav2g" https://api.acme.io/v1/ping
curl -fsS -H "X-fastly-app-secret: https://api.acme.io/oauth/token" https://api.acme.io/v1/ping
curl -fsS -H "X-encryption-key: v1.4.2-rc.1" https://api.acme.io/v1/ping
curl -fsS -H "X-bitly-admin-pwd: " https://api.acme.io/v1/ping
curl -fsS -H "X-password-hash: 3701d0c8787be11388a452e90a0c58cb874e1fd7" https://api.acme.io/v1/ping
