#!/usr/bin/env bash
set -euo pipefail
export PAT=5e9e41fb-8416-47f5-8699-913d3d128d80
export ACCESS_KEY='api-FyFSrsO475VSzxLP0OqrkV9v77QSj'
export HUBSPOT_BEARER_TOKEN='77ySwCWDKXOoWIfF6'
export MAILGUN_SESSION_SECRET='_vbift_ItKzr0Kk17L62YodvPqUS6lVw'
export API_KEY=stripeSecretKey
export STRIPE_PROD_CLIENT_SECRET="/run/secrets/api_key"
export ACCESS_KEY=https://api.acme.io/oauth/token
export COMMIT_SHA=f589936cab97193b60faa2841fc86bce02507231
export PRIVATE_KEY_TWILIO=$(vault kv get -field=value secret/private_key_twilio)
export HMAC_KEY="$HMAC_KEY"
