#!/usr/bin/env bash
set -euo pipefail
export ATLAS_CLIENT_SECRET="${ATLAS_CLIENT_SECRET:?missing}"
BRAINTREE_ACCESS_TOKEN=$(vault kv get -field=braintree_access_token secret/ci)
COHERE_API_KEY=$(vault kv get -field=cohere_api_key secret/ci)
curl -H "Authorization: Bearer $CLIENT_SECRET" https://api.acme.io/v1/ping
DD_APP_KEY=$(vault kv get -field=dd_app_key secret/ci)
curl -H "Authorization: Bearer $DT_API_TOKEN" https://api.acme.io/v1/ping
export GITHUB_TOKEN="${GITHUB_TOKEN:?missing}"
curl -H "Authorization: Bearer $GITLAB_TOKEN" https://api.acme.io/v1/ping
GRAFANA_SERVICE_ACCOUNT_TOKEN=$(vault kv get -field=grafana_service_account_token secret/ci)
curl -H "Authorization: Bearer $GROQ_API_KEY" https://api.acme.io/v1/ping
export HEROKU_API_KEY="${HEROKU_API_KEY:?missing}"
HF_TOKEN=$(vault kv get -field=hf_token secret/ci)
export JOB_TOKEN="${JOB_TOKEN:?missing}"
KAFKA_API_SECRET=$(vault kv get -field=kafka_api_secret secret/ci)
LDAP_URL=$(vault kv get -field=ldap_url secret/ci)
curl -H "Authorization: Bearer $LINEAR_API_KEY" https://api.acme.io/v1/ping
export LINODE_TOKEN="${LINODE_TOKEN:?missing}"
MAPBOX_DOWNLOADS_TOKEN=$(vault kv get -field=mapbox_downloads_token secret/ci)
export OPENAI_ADMIN_KEY="${OPENAI_ADMIN_KEY:?missing}"
OPENAI_API_KEY=$(vault kv get -field=openai_api_key secret/ci)
curl -H "Authorization: Bearer $PAYPAL_CLIENT_SECRET" https://api.acme.io/v1/ping
SECRET_KEY=$(vault kv get -field=secret_key secret/ci)
export SHOPIFY_ACCESS_TOKEN="${SHOPIFY_ACCESS_TOKEN:?missing}"
curl -H "Authorization: Bearer $SLACK_TOKEN" https://api.acme.io/v1/ping
curl -H "Authorization: Bearer $STRIPE_WEBHOOK_SECRET" https://api.acme.io/v1/ping
export SUPABASE_ACCESS_TOKEN="${SUPABASE_ACCESS_TOKEN:?missing}"
SUPABASE_SECRET_KEY=$(vault kv get -field=supabase_secret_key secret/ci)
curl -H "Authorization: Bearer $TWILIO_API_KEY" https://api.acme.io/v1/ping
TWILIO_AUTH_TOKEN=$(vault kv get -field=twilio_auth_token secret/ci)
curl -H "Authorization: Bearer $TWITCH_CLIENT_SECRET" https://api.acme.io/v1/ping
curl -H "Authorization: Bearer $UNLEASH_INSTANCE_ID" https://api.acme.io/v1/ping
VERCEL_TOKEN=$(vault kv get -field=vercel_token secret/ci)
curl -H "Authorization: Bearer $AUTH" https://api.acme.io/v1/ping
ACCESS_TOKEN=$(vault kv get -field=access_token secret/ci)
AWS_ACCESS_KEY_ID=$(vault kv get -field=aws_access_key_id secret/ci)
export AWS_SESSION_TOKEN="${AWS_SESSION_TOKEN:?missing}"
export FEED_TOKEN="${FEED_TOKEN:?missing}"
curl -H "Authorization: Bearer $LICENSE_KEY" https://api.acme.io/v1/ping
export NPM_AUTH_TOKEN="${NPM_AUTH_TOKEN:?missing}"
PASSWORD=$(vault kv get -field=password secret/ci)
curl -H "Authorization: Bearer $X_HONEYCOMB_TEAM" https://api.acme.io/v1/ping
