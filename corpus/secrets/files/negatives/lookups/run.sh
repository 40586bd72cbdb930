#!/usr/bin/env bash
set -euo pipefail
export AIRBRAKE_PROJECT_KEY="${AIRBRAKE_PROJECT_KEY:?missing}"
ALIBABA_CLOUD_ACCESS_KEY_ID=$(vault kv get -field=alibaba_cloud_access_key_id secret/ci)
ANYSCALE_API_KEY=$(vault kv get -field=anyscale_api_key secret/ci)
curl -H "Authorization: Bearer $APPCENTER_API_TOKEN" https://api.acme.io/v1/ping
APP_KEY=$(vault kv get -field=app_key secret/ci)
curl -H "Authorization: Bearer $AUTH0_CLIENT_SECRET" https://api.acme.io/v1/ping
export AZURE_CLIENT_SECRET="${AZURE_CLIENT_SECRET:?missing}"
curl -H "Authorization: Bearer $AZURE_DEVOPS_PAT" https://api.acme.io/v1/ping
BALENA_API_KEY=$(vault kv get -field=balena_api_key secret/ci)
curl -H "Authorization: Bearer $BASETEN_API_KEY" https://api.acme.io/v1/ping
export BIGCOMMERCE_ACCESS_TOKEN="${BIGCOMMERCE_ACCESS_TOKEN:?missing}"
BINANCE_API_SECRET=$(vault kv get -field=binance_api_secret secret/ci)
export BROWSERBASE_API_KEY="${BROWSERBASE_API_KEY:?missing}"
BROWSERSTACK_ACCESS_KEY=$(vault kv get -field=browserstack_access_key secret/ci)
BUILDKITE_AGENT_ACCESS_TOKEN=$(vault kv get -field=buildkite_agent_access_token secret/ci)
curl -H "Authorization: Bearer $BUILDKITE_API_TOKEN" https://api.acme.io/v1/ping
export BUNDLE_GEMS_CONTRIBSYS_COM="${BUNDLE_GEMS_CONTRIBSYS_COM:?missing}"
CAL_API_KEY=$(vault kv get -field=cal_api_key secret/ci)
export CLARIFAI_PAT="${CLARIFAI_PAT:?missing}"
CLEARBIT_SECRET_KEY=$(vault kv get -field=clearbit_secret_key secret/ci)
curl -H "Authorization: Bearer $CLICKSEND_API_KEY" https://api.acme.io/v1/ping
CODEFRESH_API_KEY=$(vault kv get -field=codefresh_api_key secret/ci)
export COINGECKO_API_KEY="${COINGECKO_API_KEY:?missing}"
curl -H "Authorization: Bearer $CONSUL_HTTP_TOKEN" https://api.acme.io/v1/ping
curl -H "Authorization: Bearer $COURIER_AUTH_TOKEN" https://api.acme.io/v1/ping
export COVERALLS_REPO_TOKEN="${COVERALLS_REPO_TOKEN:?missing}"
CRONITOR_API_KEY=$(vault kv get -field=cronitor_api_key secret/ci)
curl -H "Authorization: Bearer $CYPRESS_RECORD_KEY" https://api.acme.io/v1/ping
DAGSTER_CLOUD_API_TOKEN=$(vault kv get -field=dagster_cloud_api_token secret/ci)
curl -H "Authorization: Bearer $DATABASE_URL" https://api.acme.io/v1/ping
curl -H "Authorization: Bearer $DATOCMS_API_TOKEN" https://api.acme.io/v1/ping
DD_API_KEY=$(vault kv get -field=dd_api_key secret/ci)
curl -H "Authorization: Bearer $DEEPSEEK_API_KEY" https://api.acme.io/v1/ping
DIGITALOCEAN_TOKEN=$(vault kv get -field=digitalocean_token secret/ci)
DISCORD_WEBHOOK=$(vault kv get -field=discord_webhook secret/ci)
export DOCUSIGN_SECRET_KEY="${DOCUSIGN_SECRET_KEY:?missing}"
export DROPBOX_ACCESS_TOKEN="${DROPBOX_ACCESS_TOKEN:?missing}"
curl -H "Authorization: Bearer $DT_API_TOKEN" https://api.acme.io/v1/ping
export DUFFEL_ACCESS_TOKEN="${DUFFEL_ACCESS_TOKEN:?missing}"
DUO_SECRET_KEY=$(vault kv get -field=duo_secret_key secret/ci)
curl -H "Authorization: Bearer $ETHERSCAN_API_KEY" https://api.acme.io/v1/ping
curl -H "Authorization: Bearer $FACEBOOK_APP_SECRET" https://api.acme.io/v1/ping
export FAL_KEY="${FAL_KEY:?missing}"
curl -H "Authorization: Bearer $FAUNA_SECRET" https://api.acme.io/v1/ping
export FINICITY_PARTNER_SECRET="${FINICITY_PARTNER_SECRET:?missing}"
FINNHUB_API_KEY=$(vault kv get -field=finnhub_api_key secret/ci)
export FIVETRAN_API_SECRET="${FIVETRAN_API_SECRET:?missing}"
curl -H "Authorization: Bearer $FLICKR_API_KEY" https://api.acme.io/v1/ping
curl -H "Authorization: Bearer $FRAMEIO_TOKEN" https://api.acme.io/v1/ping
GCORE_PERMANENT_API_TOKEN=$(vault kv get -field=gcore_permanent_api_token secret/ci)
GH_PAT=$(vault kv get -field=gh_pat secret/ci)
curl -H "Authorization: Bearer $GOCARDLESS_ACCESS_TOKEN" https://api.acme.io/v1/ping
curl -H "Authorization: Bearer $GRAFANA_CLOUD_API_KEY" https://api.acme.io/v1/ping
GROQ_API_KEY=$(vault kv get -field=groq_api_key secret/ci)
export HCP_CLIENT_SECRET="${HCP_CLIENT_SECRET:?missing}"
export INFLUX_TOKEN="${INFLUX_TOKEN:?missing}"
curl -H "Authorization: Bearer $INSIGHTLY_API_KEY" https://api.acme.io/v1/ping
export JIRA_API_TOKEN="${JIRA_API_TOKEN:?missing}"
KINDE_CLIENT_SECRET=$(vault kv get -field=kinde_client_secret secret/ci)
export KUCOIN_API_SECRET="${KUCOIN_API_SECRET:?missing}"
LANGFUSE_SECRET_KEY=$(vault kv get -field=langfuse_secret_key secret/ci)
LINEAR_ACCESS_TOKEN=$(vault kv get -field=linear_access_token secret/ci)
LOGZIO_API_TOKEN=$(vault kv get -field=logzio_api_token secret/ci)
curl -H "Authorization: Bearer $MATRIX_ACCESS_TOKEN" https://api.acme.io/v1/ping
MONDAY_API_TOKEN=$(vault kv get -field=monday_api_token secret/ci)
export MUX_TOKEN_SECRET="${MUX_TOKEN_SECRET:?missing}"
MWS_AUTH_TOKEN=$(vault kv get -field=mws_auth_token secret/ci)
export NEON_API_KEY="${NEON_API_KEY:?missing}"
export NEWSAPI_KEY="${NEWSAPI_KEY:?missing}"
export NOMAD_TOKEN="${NOMAD_TOKEN:?missing}"
curl -H "Authorization: Bearer $NVIDIA_API_KEY" https://api.acme.io/v1/ping
NYLAS_API_KEY=$(vault kv get -field=nylas_api_key secret/ci)
OCTOPUS_API_KEY=$(vault kv get -field=octopus_api_key secret/ci)
export OKTA_API_TOKEN="${OKTA_API_TOKEN:?missing}"
OKTA_CLIENT_SECRET=$(vault kv get -field=okta_client_secret secret/ci)
OPENAI_ADMIN_KEY=$(vault kv get -field=openai_admin_key secret/ci)
curl -H "Authorization: Bearer $OPTIMIZELY_API_TOKEN" https://api.acme.io/v1/ping
export PAYPAL_CLIENT_SECRET="${PAYPAL_CLIENT_SECRET:?missing}"
export PERPLEXITY_API_KEY="${PERPLEXITY_API_KEY:?missing}"
PEXELS_API_KEY=$(vault kv get -field=pexels_api_key secret/ci)
PINECONE_API_KEY=$(vault kv get -field=pinecone_api_key secret/ci)
curl -H "Authorization: Bearer $PINGDOM_API_TOKEN" https://api.acme.io/v1/ping
PLANETSCALE_SERVICE_TOKEN=$(vault kv get -field=planetscale_service_token secret/ci)
POEDITOR_API_TOKEN=$(vault kv get -field=poeditor_api_token secret/ci)
curl -H "Authorization: Bearer $PORTKEY_API_KEY" https://api.acme.io/v1/ping
PROMPTLAYER_API_KEY=$(vault kv get -field=promptlayer_api_key secret/ci)
QDRANT_API_KEY=$(vault kv get -field=qdrant_api_key secret/ci)
export QUICKNODE_TOKEN="${QUICKNODE_TOKEN:?missing}"
curl -H "Authorization: Bearer $RANCHER_TOKEN" https://api.acme.io/v1/ping
export RECURLY_API_KEY="${RECURLY_API_KEY:?missing}"
REDASH_API_KEY=$(vault kv get -field=redash_api_key secret/ci)
RESEND_API_KEY=$(vault kv get -field=resend_api_key secret/ci)
curl -H "Authorization: Bearer $ROBOFLOW_API_KEY" https://api.acme.io/v1/ping
export SANITY_API_TOKEN="${SANITY_API_TOKEN:?missing}"
curl -H "Authorization: Bearer $SCALINGO_API_TOKEN" https://api.acme.io/v1/ping
SCW_ACCESS_KEY=$(vault kv get -field=scw_access_key secret/ci)
export SENDBIRD_API_TOKEN="${SENDBIRD_API_TOKEN:?missing}"
curl -H "Authorization: Bearer $SENTRY_AUTH_TOKEN" https://api.acme.io/v1/ping
SERPER_API_KEY=$(vault kv get -field=serper_api_key secret/ci)
export SINCH_API_TOKEN="${SINCH_API_TOKEN:?missing}"
curl -H "Authorization: Bearer $SLACK_APP_TOKEN" https://api.acme.io/v1/ping
export SLACK_SIGNING_SECRET="${SLACK_SIGNING_SECRET:?missing}"
SLACK_TOKEN=$(vault kv get -field=slack_token secret/ci)
curl -H "Authorization: Bearer $SLACK_USER_TOKEN" https://api.acme.io/v1/ping
export SLACK_VERIFICATION_TOKEN="${SLACK_VERIFICATION_TOKEN:?missing}"
SLACK_WEBHOOK_URL=$(vault kv get -field=slack_webhook_url secret/ci)
SMTP2_GO_API_KEY=$(vault kv get -field=smtp2_go_api_key secret/ci)
curl -H "Authorization: Bearer $SMTP_PASSWORD" https://api.acme.io/v1/ping
export SPEECHMATICS_API_KEY="${SPEECHMATICS_API_KEY:?missing}"
export SQUARE_ACCESS_TOKEN="${SQUARE_ACCESS_TOKEN:?missing}"
curl -H "Authorization: Bearer $STATUSCAKE_API_TOKEN" https://api.acme.io/v1/ping
export STATUSPAGE_API_KEY="${STATUSPAGE_API_KEY:?missing}"
STRIPE_RESTRICTED_KEY=$(vault kv get -field=stripe_restricted_key secret/ci)
curl -H "Authorization: Bearer $SUPABASE_SECRET_KEY" https://api.acme.io/v1/ping
SYNC_API_TOKEN=$(vault kv get -field=sync_api_token secret/ci)
export TEAMCITY_TOKEN="${TEAMCITY_TOKEN:?missing}"
export TELNYX_API_KEY="${TELNYX_API_KEY:?missing}"
TOMTOM_API_KEY=$(vault kv get -field=tomtom_api_key secret/ci)
TRELLO_TOKEN=$(vault kv get -field=trello_token secret/ci)
TWILIO_AUTH_TOKEN=$(vault kv get -field=twilio_auth_token secret/ci)
export TWITTER_ACCESS_TOKEN="${TWITTER_ACCESS_TOKEN:?missing}"
curl -H "Authorization: Bearer $TWITTER_BEARER_TOKEN" https://api.acme.io/v1/ping
UNKEY_ROOT_KEY=$(vault kv get -field=unkey_root_key secret/ci)
export VAPI_API_KEY="${VAPI_API_KEY:?missing}"
VAULT_TOKEN=$(vault kv get -field=vault_token secret/ci)
export VERACODE_API_KEY_SECRET="${VERACODE_API_KEY_SECRET:?missing}"
curl -H "Authorization: Bearer $VIMEO_ACCESS_TOKEN" https://api.acme.io/v1/ping
export VIRUSTOTAL_API_KEY="${VIRUSTOTAL_API_KEY:?missing}"
WEBEX_BOT_TOKEN=$(vault kv get -field=webex_bot_token secret/ci)
export YC_TOKEN="${YC_TOKEN:?missing}"
curl -H "Authorization: Bearer $ACCESS_KEY" https://api.acme.io/v1/ping
export API_KEY="${API_KEY:?missing}"
curl -H "Authorization: Bearer $AWS_ACCESS_KEY_ID" https://api.acme.io/v1/ping
export AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:?missing}"
curl -H "Authorization: Bearer $LICENSE_KEY" https://api.acme.io/v1/ping
curl -H "Authorization: Bearer $PARTNER_API_KEY" https://api.acme.io/v1/ping
curl -H "Authorization: Bearer $REFRESH_TOKEN" https://api.acme.io/v1/ping
X_FUNCTIONS_KEY=$(vault kv get -field=x_functions_key secret/ci)
