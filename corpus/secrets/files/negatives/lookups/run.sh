#!/usr/bin/env bash
set -euo pipefail
export ASANA_ACCESS_TOKEN="${ASANA_ACCESS_TOKEN:?missing}"
AZURE_DEVOPS_PAT=$(vault kv get -field=azure_devops_pat secret/ci)
BRAINTREE_PRIVATE_KEY=$(vault kv get -field=braintree_private_key secret/ci)
curl -H "Authorization: Bearer $CIRCLECI_TOKEN" https://api.acme.io/v1/ping
CODECOV_TOKEN=$(vault kv get -field=codecov_token secret/ci)
curl -H "Authorization: Bearer $CONTENTFUL_MANAGEMENT_TOKEN" https://api.acme.io/v1/ping
export DD_APP_KEY="${DD_APP_KEY:?missing}"
curl -H "Authorization: Bearer $DIGITALOCEAN_ACCESS_TOKEN" https://api.acme.io/v1/ping
DRONE_TOKEN=$(vault kv get -field=drone_token secret/ci)
curl -H "Authorization: Bearer $DROPBOX_ACCESS_TOKEN" https://api.acme.io/v1/ping
export DT_API_TOKEN="${DT_API_TOKEN:?missing}"
EVENTGRID_KEY=$(vault kv get -field=eventgrid_key secret/ci)
export FLW_SECRET_KEY="${FLW_SECRET_KEY:?missing}"
FLY_API_TOKEN=$(vault kv get -field=fly_api_token secret/ci)
GITEA_TOKEN=$(vault kv get -field=gitea_token secret/ci)
curl -H "Authorization: Bearer $GITHUB_TOKEN" https://api.acme.io/v1/ping
export GITLAB_OAUTH_SECRET="${GITLAB_OAUTH_SECRET:?missing}"
GRAFANA_API_KEY=$(vault kv get -field=grafana_api_key secret/ci)
export HUAWEICLOUD_SDK_SK="${HUAWEICLOUD_SDK_SK:?missing}"
HUBSPOT_ACCESS_TOKEN=$(vault kv get -field=hubspot_access_token secret/ci)
curl -H "Authorization: Bearer $ISSUE_EMAIL" https://api.acme.io/v1/ping
MAILCHIMP_API_KEY=$(vault kv get -field=mailchimp_api_key secret/ci)
export MWS_AUTH_TOKEN="${MWS_AUTH_TOKEN:?missing}"
curl -H "Authorization: Bearer $NEW_RELIC_REST_API_KEY" https://api.acme.io/v1/ping
curl -H "Authorization: Bearer $OPENAI_ADMIN_KEY" https://api.acme.io/v1/ping
export OPENAI_API_KEY="${OPENAI_API_KEY:?missing}"
OP_SECRET_KEY=$(vault kv get -field=op_secret_key secret/ci)
curl -H "Authorization: Bearer $PERPLEXITY_API_KEY" https://api.acme.io/v1/ping
POSTMAN_API_KEY=$(vault kv get -field=postman_api_key secret/ci)
curl -H "Authorization: Bearer $POSTMARK_SERVER_TOKEN" https://api.acme.io/v1/ping
curl -H "Authorization: Bearer $PULUMI_CONFIG_PASSPHRASE" https://api.acme.io/v1/ping
RANCHER_TOKEN=$(vault kv get -field=rancher_token secret/ci)
curl -H "Authorization: Bearer $RENDER_API_KEY" https://api.acme.io/v1/ping
SCW_SECRET_KEY=$(vault kv get -field=scw_secret_key secret/ci)
SERVICEBUS_KEY=$(vault kv get -field=servicebus_key secret/ci)
export SHIPPO_TEST_KEY="${SHIPPO_TEST_KEY:?missing}"
export SLACK_APP_TOKEN="${SLACK_APP_TOKEN:?missing}"
curl -H "Authorization: Bearer $SLACK_CONFIG_TOKEN" https://api.acme.io/v1/ping
export SLACK_LEGACY_TOKEN="${SLACK_LEGACY_TOKEN:?missing}"
SLACK_TOKEN=$(vault kv get -field=slack_token secret/ci)
curl -H "Authorization: Bearer $SQUARE_APP_SECRET" https://api.acme.io/v1/ping
curl -H "Authorization: Bearer $TEAMCITY_TOKEN" https://api.acme.io/v1/ping
export TELEGRAM_BOT_TOKEN="${TELEGRAM_BOT_TOKEN:?missing}"
curl -H "Authorization: Bearer $TENCENTCLOUD_SECRET_KEY" https://api.acme.io/v1/ping
export TWILIO_API_SECRET="${TWILIO_API_SECRET:?missing}"
TWILIO_AUTH_TOKEN=$(vault kv get -field=twilio_auth_token secret/ci)
export TWITTER_BEARER_TOKEN="${TWITTER_BEARER_TOKEN:?missing}"
curl -H "Authorization: Bearer $UNLEASH_INSTANCE_ID" https://api.acme.io/v1/ping
curl -H "Authorization: Bearer $VULTR_API_KEY" https://api.acme.io/v1/ping
YC_TOKEN=$(vault kv get -field=yc_token secret/ci)
AUTH=$(vault kv get -field=auth secret/ci)
curl -H "Authorization: Bearer $AWS_ACCESS_KEY_ID" https://api.acme.io/v1/ping
curl -H "Authorization: Bearer $CLIENT_SECRET" https://api.acme.io/v1/ping
CONFIG_TOKEN=$(vault kv get -field=config_token secret/ci)
export LICENSE_KEY="${LICENSE_KEY:?missing}"
