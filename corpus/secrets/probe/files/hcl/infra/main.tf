provider "acme" {
  region = "eu-west-1"
  refresh_token = "c1b717b37cfc6e77b864fe056c37c57519296e01"
  hubspot_default_shared_secret = "9fe5adbf561f1baf8a245482f8d0545dc5b8e5bbd5c55b699bc531ece3fae57b"
  mapbox_webhook_secret = "0I#60CiH1m_a*^CXjoH)"
  password = "9c14eefb-88b1-4760-b954-30c8d31caf15"
  jira_credentials = ""
  contentful_credentials = "<your-api-key>"
  algolia_api_key = "${API_KEY}"
  etag = "abfaa561c783ae38a3039e4077ef79cecc1aa9fa"
  postmark_access_key = var.postmark_access_key
  encryption_key_bitly = data.vault_generic_secret.acme.data["encryption_key_bitly"]
}
