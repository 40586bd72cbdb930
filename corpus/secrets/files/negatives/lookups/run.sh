#!/usr/bin/env bash
set -euo pipefail
export ARGOCD_AUTH_TOKEN="${ARGOCD_AUTH_TOKEN:?missing}"
AZURE_DEVOPS_EXT_PAT=$(vault kv get -field=azure_devops_ext_pat secret/ci)
BITRISE_TOKEN=$(vault kv get -field=bitrise_token secret/ci)
curl -H "Authorization: Bearer $BUILDKITE_AGENT_ACCESS_TOKEN" https://api.acme.io/v1/ping
CIVO_TOKEN=$(vault kv get -field=civo_token secret/ci)
curl -H "Authorization: Bearer $CODER_SESSION_TOKEN" https://api.acme.io/v1/ping
export COSMOS_KEY="${COSMOS_KEY:?missing}"
curl -H "Authorization: Bearer $CYPRESS_RECORD_KEY" https://api.acme.io/v1/ping
DD_APP_KEY=$(vault kv get -field=dd_app_key secret/ci)
curl -H "Authorization: Bearer $DEEPSOURCE_DSN" https://api.acme.io/v1/ping
export DENO_DEPLOY_TOKEN="${DENO_DEPLOY_TOKEN:?missing}"
DIGITALOCEAN_ACCESS_TOKEN=$(vault kv get -field=digitalocean_access_token secret/ci)
export DAPP_API_SECRET="${DAPP_API_SECRET:?missing}"
DDB_PASSWORD=$(vault kv get -field=ddb_password secret/ci)
EXOSCALE_API_SECRET=$(vault kv get -field=exoscale_api_secret secret/ci)
curl -H "Authorization: Bearer $FACEBOOK_ACCESS_TOKEN" https://api.acme.io/v1/ping
export FACEBOOK_APP_SECRET="${FACEBOOK_APP_SECRET:?missing}"
FLW_SECRET_KEY=$(vault kv get -field=flw_secret_key secret/ci)
export GRAFANA_CLOUD_API_KEY="${GRAFANA_CLOUD_API_KEY:?missing}"
GRAFANA_SERVICE_ACCOUNT_TOKEN=$(vault kv get -field=grafana_service_account_token secret/ci)
curl -H "Authorization: Bearer $HAWK_API_KEY" https://api.acme.io/v1/ping
INFISICAL_TOKEN=$(vault kv get -field=infisical_token secret/ci)
export JOB_TOKEN="${JOB_TOKEN:?missing}"
curl -H "Authorization: Bearer $LDAP_URL" https://api.acme.io/v1/ping
curl -H "Authorization: Bearer $MONGODB_ATLAS_PRIVATE_KEY" https://api.acme.io/v1/ping
export MWS_AUTH_TOKEN="${MWS_AUTH_TOKEN:?missing}"
NETLIFY_AUTH_TOKEN=$(vault kv get -field=netlify_auth_token secret/ci)
curl -H "Authorization: Bearer $NEW_RELIC_REST_API_KEY" https://api.acme.io/v1/ping
NOMAD_TOKEN=$(vault kv get -field=nomad_token secret/ci)
curl -H "Authorization: Bearer $NOTION_API_KEY" https://api.acme.io/v1/ping
curl -H "Authorization: Bearer $OCTOPUS_API_KEY" https://api.acme.io/v1/ping
OKTA_API_TOKEN=$(vault kv get -field=okta_api_token secret/ci)
curl -H "Authorization: Bearer $OP_SERVICE_ACCOUNT_TOKEN" https://api.acme.io/v1/ping
PLANETSCALE_SERVICE_TOKEN=$(vault kv get -field=planetscale_service_token secret/ci)
PREFECT_API_KEY=$(vault kv get -field=prefect_api_key secret/ci)
export PULUMI_CONFIG_PASSPHRASE="${PULUMI_CONFIG_PASSPHRASE:?missing}"
export RAZORPAY_KEY_SECRET="${RAZORPAY_KEY_SECRET:?missing}"
curl -H "Authorization: Bearer $REDIS_URL" https://api.acme.io/v1/ping
export RENDER_API_KEY="${RENDER_API_KEY:?missing}"
REPLICATE_API_TOKEN=$(vault kv get -field=replicate_api_token secret/ci)
curl -H "Authorization: Bearer $SENTRY_AUTH_TOKEN" https://api.acme.io/v1/ping
curl -H "Authorization: Bearer $SLACK_LEGACY_TOKEN" https://api.acme.io/v1/ping
export SLACK_TOKEN="${SLACK_TOKEN:?missing}"
curl -H "Authorization: Bearer $SLACK_WEBHOOK_URL" https://api.acme.io/v1/ping
export SQUARE_ACCESS_TOKEN="${SQUARE_ACCESS_TOKEN:?missing}"
SQUARE_APP_SECRET=$(vault kv get -field=square_app_secret secret/ci)
export STRIPE_RESTRICTED_KEY="${STRIPE_RESTRICTED_KEY:?missing}"
curl -H "Authorization: Bearer $STRIPE_WEBHOOK_SECRET" https://api.acme.io/v1/ping
curl -H "Authorization: Bearer $SYNC_API_TOKEN" https://api.acme.io/v1/ping
TENCENTCLOUD_SECRET_ID=$(vault kv get -field=tencentcloud_secret_id secret/ci)
TS_AUTHKEY=$(vault kv get -field=ts_authkey secret/ci)
curl -H "Authorization: Bearer $VULTR_API_KEY" https://api.acme.io/v1/ping
curl -H "Authorization: Bearer $YC_API_KEY" https://api.acme.io/v1/ping
YC_TOKEN=$(vault kv get -field=yc_token secret/ci)
export GITLAB_SESSION="${GITLAB_SESSION:?missing}"
export PASSWORD="${PASSWORD:?missing}"
curl -H "Authorization: Bearer $TOKEN" https://api.acme.io/v1/ping
