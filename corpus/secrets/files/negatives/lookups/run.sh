#!/usr/bin/env bash
set -euo pipefail
export APPWRITE_API_KEY="${APPWRITE_API_KEY:?missing}"
AZURE_BATCH_KEY=$(vault kv get -field=azure_batch_key secret/ci)
B2_APPLICATION_KEY=$(vault kv get -field=b2_application_key secret/ci)
curl -H "Authorization: Bearer $BROWSERSTACK_ACCESS_KEY" https://api.acme.io/v1/ping
CIRCLECI_TOKEN=$(vault kv get -field=circleci_token secret/ci)
curl -H "Authorization: Bearer $CODECOV_TOKEN" https://api.acme.io/v1/ping
export CONTENTFUL_MANAGEMENT_TOKEN="${CONTENTFUL_MANAGEMENT_TOKEN:?missing}"
curl -H "Authorization: Bearer $COVERALLS_REPO_TOKEN" https://api.acme.io/v1/ping
DB_PASSWORD=$(vault kv get -field=db_password secret/ci)
curl -H "Authorization: Bearer $DD_API_KEY" https://api.acme.io/v1/ping
export DD_APP_KEY="${DD_APP_KEY:?missing}"
DEEPSOURCE_DSN=$(vault kv get -field=deepsource_dsn secret/ci)
export DROPBOX_ACCESS_TOKEN="${DROPBOX_ACCESS_TOKEN:?missing}"
DT_API_TOKEN=$(vault kv get -field=dt_api_token secret/ci)
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
curl -H "Authorization: Bearer $SECRET" https://api.acme.io/v1/ping
TENCENTCLOUD_SECRET_KEY=$(vault kv get -field=tencentcloud_secret_key secret/ci)
TWILIO_API_KEY=$(vault kv get -field=twilio_api_key secret/ci)
curl -H "Authorization: Bearer $WORKFLOW_URL" https://api.acme.io/v1/ping
curl -H "Authorization: Bearer $YC_OAUTH_TOKEN" https://api.acme.io/v1/ping
YOUTRACK_TOKEN=$(vault kv get -field=youtrack_token secret/ci)
export PASSWORD="${PASSWORD:?missing}"
export REFRESH_TOKEN="${REFRESH_TOKEN:?missing}"
curl -H "Authorization: Bearer $WEBHOOK_SECRET" https://api.acme.io/v1/ping
