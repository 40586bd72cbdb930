#!/usr/bin/env bash
set -euo pipefail
export ALIBABA_CLOUD_ACCESS_KEY_SECRET="${ALIBABA_CLOUD_ACCESS_KEY_SECRET:?missing}"
ASSEMBLYAI_API_KEY=$(vault kv get -field=assemblyai_api_key secret/ci)
AXIOM_TOKEN=$(vault kv get -field=axiom_token secret/ci)
curl -H "Authorization: Bearer $AZURE_DEVOPS_PAT" https://api.acme.io/v1/ping
BITRISE_TOKEN=$(vault kv get -field=bitrise_token secret/ci)
curl -H "Authorization: Bearer $BUILDKITE_API_TOKEN" https://api.acme.io/v1/ping
export CIVO_TOKEN="${CIVO_TOKEN:?missing}"
curl -H "Authorization: Bearer $CLARIFAI_PAT" https://api.acme.io/v1/ping
CLOUDFLARE_API_USER_SERVICE_KEY=$(vault kv get -field=cloudflare_api_user_service_key secret/ci)
curl -H "Authorization: Bearer $CLOUDINARY_URL" https://api.acme.io/v1/ping
export CLOUDSMITH_API_KEY="${CLOUDSMITH_API_KEY:?missing}"
CODECOV_TOKEN=$(vault kv get -field=codecov_token secret/ci)
export CONTENTSTACK_MANAGEMENT_TOKEN="${CONTENTSTACK_MANAGEMENT_TOKEN:?missing}"
CONVEX_DEPLOY_KEY=$(vault kv get -field=convex_deploy_key secret/ci)
CROWDIN_PERSONAL_TOKEN=$(vault kv get -field=crowdin_personal_token secret/ci)
curl -H "Authorization: Bearer $CYPRESS_RECORD_KEY" https://api.acme.io/v1/ping
export CLIENT_SECRET="${CLIENT_SECRET:?missing}"
DD_API_KEY=$(vault kv get -field=dd_api_key secret/ci)
export DOCKER_API_TOKEN_CLOUD="${DOCKER_API_TOKEN_CLOUD:?missing}"
DOPPLER_TOKEN=$(vault kv get -field=doppler_token secret/ci)
curl -H "Authorization: Bearer $DT_API_TOKEN" https://api.acme.io/v1/ping
FASTLY_API_TOKEN=$(vault kv get -field=fastly_api_token secret/ci)
export FLW_SECRET_KEY="${FLW_SECRET_KEY:?missing}"
curl -H "Authorization: Bearer $GITEA_TOKEN" https://api.acme.io/v1/ping
curl -H "Authorization: Bearer $GRAFANA_CLOUD_API_KEY" https://api.acme.io/v1/ping
export GRAFANA_SERVICE_ACCOUNT_TOKEN="${GRAFANA_SERVICE_ACCOUNT_TOKEN:?missing}"
GROQ_API_KEY=$(vault kv get -field=groq_api_key secret/ci)
curl -H "Authorization: Bearer $HCLOUD_TOKEN" https://api.acme.io/v1/ping
HERE_API_KEY=$(vault kv get -field=here_api_key secret/ci)
curl -H "Authorization: Bearer $HEROKU_API_KEY" https://api.acme.io/v1/ping
curl -H "Authorization: Bearer $HONEYCOMB_API_KEY" https://api.acme.io/v1/ping
HUBSPOT_ACCESS_TOKEN=$(vault kv get -field=hubspot_access_token secret/ci)
curl -H "Authorization: Bearer $INFISICAL_CLIENT_SECRET" https://api.acme.io/v1/ping
IPINFO_TOKEN=$(vault kv get -field=ipinfo_token secret/ci)
JINA_API_KEY=$(vault kv get -field=jina_api_key secret/ci)
export JOB_TOKEN="${JOB_TOKEN:?missing}"
export KLAVIYO_PRIVATE_API_KEY="${KLAVIYO_PRIVATE_API_KEY:?missing}"
curl -H "Authorization: Bearer $LANGSMITH_API_KEY" https://api.acme.io/v1/ping
export LAUNCHDARKLY_ACCESS_TOKEN="${LAUNCHDARKLY_ACCESS_TOKEN:?missing}"
LAUNCHDARKLY_SDK_KEY=$(vault kv get -field=launchdarkly_sdk_key secret/ci)
curl -H "Authorization: Bearer $LINODE_TOKEN" https://api.acme.io/v1/ping
curl -H "Authorization: Bearer $MAILERSEND_API_KEY" https://api.acme.io/v1/ping
export MAILGUN_API_KEY="${MAILGUN_API_KEY:?missing}"
curl -H "Authorization: Bearer $MAILGUN_WEBHOOK_SIGNING_KEY" https://api.acme.io/v1/ping
export MATTERMOST_WEBHOOK_URL="${MATTERMOST_WEBHOOK_URL:?missing}"
MEILI_MASTER_KEY=$(vault kv get -field=meili_master_key secret/ci)
export MESSAGEBIRD_ACCESS_KEY="${MESSAGEBIRD_ACCESS_KEY:?missing}"
curl -H "Authorization: Bearer $MIDTRANS_SERVER_KEY" https://api.acme.io/v1/ping
curl -H "Authorization: Bearer $MJ_APIKEY_PRIVATE" https://api.acme.io/v1/ping
NEON_API_KEY=$(vault kv get -field=neon_api_key secret/ci)
NEW_RELIC_INSERT_KEY=$(vault kv get -field=new_relic_insert_key secret/ci)
curl -H "Authorization: Bearer $OCTOPUS_API_KEY" https://api.acme.io/v1/ping
curl -H "Authorization: Bearer $OKTA_CLIENT_SECRET" https://api.acme.io/v1/ping
OPENAI_ADMIN_KEY=$(vault kv get -field=openai_admin_key secret/ci)
export OP_SERVICE_ACCOUNT_TOKEN="${OP_SERVICE_ACCOUNT_TOKEN:?missing}"
export RAILWAY_TOKEN="${RAILWAY_TOKEN:?missing}"
curl -H "Authorization: Bearer $REDIS_URL" https://api.acme.io/v1/ping
export SAUCE_ACCESS_KEY="${SAUCE_ACCESS_KEY:?missing}"
SENTRY_AUTH_TOKEN=$(vault kv get -field=sentry_auth_token secret/ci)
export SHOPIFY_API_SECRET="${SHOPIFY_API_SECRET:?missing}"
SINCH_API_TOKEN=$(vault kv get -field=sinch_api_token secret/ci)
SLACK_TOKEN=$(vault kv get -field=slack_token secret/ci)
SQUARE_APP_SECRET=$(vault kv get -field=square_app_secret secret/ci)
curl -H "Authorization: Bearer $TEAMCITY_TOKEN" https://api.acme.io/v1/ping
TWITTER_BEARER_TOKEN=$(vault kv get -field=twitter_bearer_token secret/ci)
export TWITTER_CONSUMER_SECRET="${TWITTER_CONSUMER_SECRET:?missing}"
TYPEFORM_TOKEN=$(vault kv get -field=typeform_token secret/ci)
export UNLEASH_INSTANCE_ID="${UNLEASH_INSTANCE_ID:?missing}"
export VAULT_TOKEN="${VAULT_TOKEN:?missing}"
export WEBEX_BOT_TOKEN="${WEBEX_BOT_TOKEN:?missing}"
curl -H "Authorization: Bearer $XAI_API_KEY" https://api.acme.io/v1/ping
XENDIT_SECRET_KEY=$(vault kv get -field=xendit_secret_key secret/ci)
YC_TOKEN=$(vault kv get -field=yc_token secret/ci)
export ZENDESK_API_TOKEN="${ZENDESK_API_TOKEN:?missing}"
ZOOM_CLIENT_SECRET=$(vault kv get -field=zoom_client_secret secret/ci)
GITLAB_SESSION=$(vault kv get -field=gitlab_session secret/ci)
curl -H "Authorization: Bearer $ACCESSKEY" https://api.acme.io/v1/ping
export DEPLOY="${DEPLOY:?missing}"
export LICENSE_KEY="${LICENSE_KEY:?missing}"
LICENSE_KEY=$(vault kv get -field=license_key secret/ci)
PASSWORD=$(vault kv get -field=password secret/ci)
curl -H "Authorization: Bearer $PRIVATE_KEY" https://api.acme.io/v1/ping
USER_TOKEN=$(vault kv get -field=user_token secret/ci)
