#!/usr/bin/env bash
set -euo pipefail
export AUTH0_CLIENT_SECRET="${AUTH0_CLIENT_SECRET:?missing}"
BRAINTREE_PRIVATE_KEY=$(vault kv get -field=braintree_private_key secret/ci)
CONFLUENT_CLOUD_API_SECRET=$(vault kv get -field=confluent_cloud_api_secret secret/ci)
curl -H "Authorization: Bearer $DATABASE_URL" https://api.acme.io/v1/ping
DIGITALOCEAN_ACCESS_TOKEN=$(vault kv get -field=digitalocean_access_token secret/ci)
curl -H "Authorization: Bearer $FACEBOOK_ACCESS_TOKEN" https://api.acme.io/v1/ping
export GITLAB_OAUTH_SECRET="${GITLAB_OAUTH_SECRET:?missing}"
curl -H "Authorization: Bearer $GITLAB_WORKSPACE_TOKEN" https://api.acme.io/v1/ping
GROQ_API_KEY=$(vault kv get -field=groq_api_key secret/ci)
curl -H "Authorization: Bearer $HEROKU_API_KEY" https://api.acme.io/v1/ping
export HF_TOKEN="${HF_TOKEN:?missing}"
HONEYCOMB_API_KEY=$(vault kv get -field=honeycomb_api_key secret/ci)
export KAFKA_API_SECRET="${KAFKA_API_SECRET:?missing}"
LAUNCHDARKLY_ACCESS_TOKEN=$(vault kv get -field=launchdarkly_access_token secret/ci)
LINEAR_API_KEY=$(vault kv get -field=linear_api_key secret/ci)
curl -H "Authorization: Bearer $LINODE_TOKEN" https://api.acme.io/v1/ping
export MAILCHIMP_API_KEY="${MAILCHIMP_API_KEY:?missing}"
MONGODB_ATLAS_PRIVATE_KEY=$(vault kv get -field=mongodb_atlas_private_key secret/ci)
export OPENAI_API_KEY="${OPENAI_API_KEY:?missing}"
OP_SECRET_KEY=$(vault kv get -field=op_secret_key secret/ci)
curl -H "Authorization: Bearer $PERPLEXITY_API_KEY" https://api.acme.io/v1/ping
SENTRY_AUTH_TOKEN=$(vault kv get -field=sentry_auth_token secret/ci)
export SLACK_APP_TOKEN="${SLACK_APP_TOKEN:?missing}"
curl -H "Authorization: Bearer $SLACK_WEBHOOK_URL" https://api.acme.io/v1/ping
curl -H "Authorization: Bearer $SUPABASE_SECRET_KEY" https://api.acme.io/v1/ping
export SHARED_ACCESS_KEY="${SHARED_ACCESS_KEY:?missing}"
TELEGRAM_BOT_TOKEN=$(vault kv get -field=telegram_bot_token secret/ci)
curl -H "Authorization: Bearer $TWILIO_AUTH_TOKEN" https://api.acme.io/v1/ping
TWITTER_BEARER_TOKEN=$(vault kv get -field=twitter_bearer_token secret/ci)
curl -H "Authorization: Bearer $TYPEFORM_TOKEN" https://api.acme.io/v1/ping
curl -H "Authorization: Bearer $VERCEL_TOKEN" https://api.acme.io/v1/ping
X_JFROG_ART_API=$(vault kv get -field=x_jfrog_art_api secret/ci)
curl -H "Authorization: Bearer $GITLAB_SESSION" https://api.acme.io/v1/ping
AUTH=$(vault kv get -field=auth secret/ci)
AWS_SESSION_TOKEN=$(vault kv get -field=aws_session_token secret/ci)
export CONFIG_TOKEN="${CONFIG_TOKEN:?missing}"
export IDENTITYTOKEN="${IDENTITYTOKEN:?missing}"
curl -H "Authorization: Bearer $NPM_AUTH_TOKEN" https://api.acme.io/v1/ping
export PASSWORD="${PASSWORD:?missing}"
PRIVATE_KEY=$(vault kv get -field=private_key secret/ci)
curl -H "Authorization: Bearer $X_HONEYCOMB_TEAM" https://api.acme.io/v1/ping
