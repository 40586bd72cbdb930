#!/usr/bin/env bash
set -euo pipefail
export AMPLITUDE_SECRET_KEY="${AMPLITUDE_SECRET_KEY:?missing}"
ATLAS_CLIENT_SECRET=$(vault kv get -field=atlas_client_secret secret/ci)
AZURE_BATCH_KEY=$(vault kv get -field=azure_batch_key secret/ci)
curl -H "Authorization: Bearer $ACCESS_KEY" https://api.acme.io/v1/ping
BRAINTREE_PRIVATE_KEY=$(vault kv get -field=braintree_private_key secret/ci)
curl -H "Authorization: Bearer $CC_TEST_REPORTER_ID" https://api.acme.io/v1/ping
export CLARIFAI_PAT="${CLARIFAI_PAT:?missing}"
curl -H "Authorization: Bearer $CLICKUP_API_TOKEN" https://api.acme.io/v1/ping
CLOUDSMITH_API_KEY=$(vault kv get -field=cloudsmith_api_key secret/ci)
curl -H "Authorization: Bearer $CODECOV_TOKEN" https://api.acme.io/v1/ping
export CODER_SESSION_TOKEN="${CODER_SESSION_TOKEN:?missing}"
CODY_GATEWAY_TOKEN=$(vault kv get -field=cody_gateway_token secret/ci)
export COSMOS_KEY="${COSMOS_KEY:?missing}"
COVERALLS_REPO_TOKEN=$(vault kv get -field=coveralls_repo_token secret/ci)
CLIENT_SECRET=$(vault kv get -field=client_secret secret/ci)
curl -H "Authorization: Bearer $DATABASE_URL" https://api.acme.io/v1/ping
export DATABRICKS_TOKEN="${DATABRICKS_TOKEN:?missing}"
DEEPSEEK_API_KEY=$(vault kv get -field=deepseek_api_key secret/ci)
export DUFFEL_ACCESS_TOKEN="${DUFFEL_ACCESS_TOKEN:?missing}"
DAPP_API_SECRET=$(vault kv get -field=dapp_api_secret secret/ci)
curl -H "Authorization: Bearer $EVENTGRID_KEY" https://api.acme.io/v1/ping
FLY_API_TOKEN=$(vault kv get -field=fly_api_token secret/ci)
export GITHUB_TOKEN="${GITHUB_TOKEN:?missing}"
curl -H "Authorization: Bearer $GOOGLE_API_KEY" https://api.acme.io/v1/ping
curl -H "Authorization: Bearer $HCP_CLIENT_SECRET" https://api.acme.io/v1/ping
export HERE_API_KEY="${HERE_API_KEY:?missing}"
HEROKU_API_KEY=$(vault kv get -field=heroku_api_key secret/ci)
curl -H "Authorization: Bearer $HUAWEICLOUD_SDK_SK" https://api.acme.io/v1/ping
HUGGINGFACE_ORG_TOKEN=$(vault kv get -field=huggingface_org_token secret/ci)
curl -H "Authorization: Bearer $IBMCLOUD_API_KEY" https://api.acme.io/v1/ping
curl -H "Authorization: Bearer $INFLUX_TOKEN" https://api.acme.io/v1/ping
INTERCOM_ACCESS_TOKEN=$(vault kv get -field=intercom_access_token secret/ci)
curl -H "Authorization: Bearer $JINA_API_KEY" https://api.acme.io/v1/ping
KLAVIYO_PRIVATE_API_KEY=$(vault kv get -field=klaviyo_private_api_key secret/ci)
LAUNCHDARKLY_ACCESS_TOKEN=$(vault kv get -field=launchdarkly_access_token secret/ci)
export LDAP_URL="${LDAP_URL:?missing}"
export LINEAR_API_KEY="${LINEAR_API_KEY:?missing}"
curl -H "Authorization: Bearer $LINE_CHANNEL_SECRET" https://api.acme.io/v1/ping
export LINODE_TOKEN="${LINODE_TOKEN:?missing}"
LOB_API_KEY=$(vault kv get -field=lob_api_key secret/ci)
curl -H "Authorization: Bearer $MAILCHIMP_API_KEY" https://api.acme.io/v1/ping
curl -H "Authorization: Bearer $MERCADOPAGO_ACCESS_TOKEN" https://api.acme.io/v1/ping
export MESSAGEBIRD_ACCESS_KEY="${MESSAGEBIRD_ACCESS_KEY:?missing}"
curl -H "Authorization: Bearer $MIDTRANS_SERVER_KEY" https://api.acme.io/v1/ping
export MODAL_TOKEN_SECRET="${MODAL_TOKEN_SECRET:?missing}"
MOLLIE_API_KEY=$(vault kv get -field=mollie_api_key secret/ci)
export MWS_AUTH_TOKEN="${MWS_AUTH_TOKEN:?missing}"
curl -H "Authorization: Bearer $NETLIFY_AUTH_TOKEN" https://api.acme.io/v1/ping
curl -H "Authorization: Bearer $NEW_RELIC_LICENSE_KEY" https://api.acme.io/v1/ping
NOTION_TOKEN=$(vault kv get -field=notion_token secret/ci)
NYLAS_API_KEY=$(vault kv get -field=nylas_api_key secret/ci)
curl -H "Authorization: Bearer $OP_SERVICE_ACCOUNT_TOKEN" https://api.acme.io/v1/ping
curl -H "Authorization: Bearer $PAGERDUTY_TOKEN" https://api.acme.io/v1/ping
PERPLEXITY_API_KEY=$(vault kv get -field=perplexity_api_key secret/ci)
export PLANETSCALE_SERVICE_TOKEN="${PLANETSCALE_SERVICE_TOKEN:?missing}"
export RUNPOD_API_KEY="${RUNPOD_API_KEY:?missing}"
curl -H "Authorization: Bearer $SCW_ACCESS_KEY" https://api.acme.io/v1/ping
export SHIPPO_TEST_KEY="${SHIPPO_TEST_KEY:?missing}"
SLACK_LEGACY_TOKEN=$(vault kv get -field=slack_legacy_token secret/ci)
export SMTP_PASSWORD="${SMTP_PASSWORD:?missing}"
SNYK_TOKEN=$(vault kv get -field=snyk_token secret/ci)
STABILITY_API_KEY=$(vault kv get -field=stability_api_key secret/ci)
SHARED_ACCESS_KEY=$(vault kv get -field=shared_access_key secret/ci)
curl -H "Authorization: Bearer $TWITCH_CLIENT_SECRET" https://api.acme.io/v1/ping
X_JFROG_ART_API=$(vault kv get -field=x_jfrog_art_api secret/ci)
export XATA_API_KEY="${XATA_API_KEY:?missing}"
XENDIT_SECRET_KEY=$(vault kv get -field=xendit_secret_key secret/ci)
export YC_OAUTH_TOKEN="${YC_OAUTH_TOKEN:?missing}"
export ZENDESK_API_TOKEN="${ZENDESK_API_TOKEN:?missing}"
export ACCESS_KEY="${ACCESS_KEY:?missing}"
curl -H "Authorization: Bearer $AUTH" https://api.acme.io/v1/ping
AWS_SECRET_ACCESS_KEY=$(vault kv get -field=aws_secret_access_key secret/ci)
CLIENT_TOKEN=$(vault kv get -field=client_token secret/ci)
export DEPLOY="${DEPLOY:?missing}"
FEED_TOKEN=$(vault kv get -field=feed_token secret/ci)
LICENSE_KEY=$(vault kv get -field=license_key secret/ci)
curl -H "Authorization: Bearer $PRIVATE_KEY" https://api.acme.io/v1/ping
