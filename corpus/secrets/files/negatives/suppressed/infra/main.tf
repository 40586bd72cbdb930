terraform {
  required_version = ">= 1.5"
}

locals {
  op_service_account_token = "ops_eyJzqSseTX1BYLQvRSFkDzijtMlbNFQpu4A5m2TtIsJtpEMnSwUlPOPXcFDyTuf0Yh5pfUezMFA9RkNMLXqrENN4NiXgIcWuWyD7KkSCLWJcNv4FNuI6YeTvTxx4EVVrkIfbesMrMxE5LESvPXytu3WivSA9XxRJSVT2S8MPGgFtvJRwR7TlOTBcZhseoRwfXR0mqBfqPeLulWRyBAn8meCom1MyIBImEDVcb59zPPTmurRcO5BaW5QpzH83lr2bm21hDIYkqhJVDvooCVGnEZEaCSAsEOt7MftcFKUiXzD5BrhqC7C5NYXoW1QwVxI3YLWgQFR2DbJ0TwIwGdNkTabuZSXlNkWhGYThUmAaSj59muD6ykAjjKhzElZFDcR6D6ZCNzgfWWq6Hsd9utMmTZKvOwfxxZiQbvAstUFeZRAJRFnPP7ihM0F5lus1sLFLO7X9ZPXSie94XndPJjWoCUWrAwpflJ5rxHWdUgskMU1hzhecrUTfMaVxE0N3jJSbKNstf9I5Scgvj6P5Dbocg8anRfcnuYFlaChcu5EtwwC5A0Z0WbwxRQZkYrKKM5t3IZn5OOcITX7NSntQKU6ASBOIRy3pJA5SYq5KIOS0VdEnVsPxwn55xInpE5MstaQ7Def6MnTsRSJlWgN4KZP5UOZxXWAaGOBgBMEtDOXxLJE7ONM1GmNdCHR3RHJbYrF1IhH2LYAsERD9DjdaGQO9LjDnFlV5QTm9ZiVqGgeekKKpTSZ3Cdg4UEQ2QrVJK5cCLmboBysAHIONRbDFAQHAVj9hOcVsygzaBUA3kLMxGfGcavWqfeZkIAlsEXT9IR1ldRPbeHn3GQHhUpL5"  # gitleaks:allow
  sops_age_key = "AGE-PLUGIN-WMA-15ASZC4TJHNTLCHNMAZMN8H8U09AAAU5002MF70A92NC7Z"  # gitleaks:allow
  password = "AVNS_cwrpyCox70nGK0x0Ph2RYtv"  # gitleaks:allow
  algolia_write_key = "f5a54c0440c1c4fa25621daaf3637f37"  # gitleaks:allow
  b2_application_key = "K002f0yBSKDQHxARIBgpkuaPhi7QQ9Q"  # gitleaks:allow
  config_braintree_private_key = "836ca02ae37711547ea7e32d8bc33b79"  # plimsoll:allow
# pragma: allowlist nextline secret
  url = "cloudinary://131366416915923:caFXDxS0IAhkr1eJmaB6IGJlJkn@shop"
  cloudsmith_token = "37a10d3ff92956256ada3c4479bb5d02d81f151c"  # plimsoll:allow
  dd_application_key = "cb02f122fbb1ee9d4d86ac3e847db4470348b52b"  # gitleaks:allow
  deepsource_dsn = "https://7b84acb2fcf1695834c49797322ba2e2@deepsource.io"  # plimsoll:allow
# pragma: allowlist nextline secret
  flw_secret_key = "FLWSECK-f78f41f330fdcd9ecd8f4a560c8390a2-X"
  gc_access_token = "sandbox_8CKs6zg4CvRLBRQycoVIPK5O0PkbcXX_6_tRWidj"  # plimsoll:allow
  hasura_graphql_admin_secret = "R510D!C6s#I*SsCpc*hhJlINEM2A"  # pragma: allowlist secret
# pragma: allowlist nextline secret
  hf_token = "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"
  lob_key = "live_7b7e2e61def8432b5a875a11ed48de53101"  # plimsoll:allow
  mezmo_agent_key = "a6a2d4b1476b4ae1dd3ee821189fc3bb"  # pragma: allowlist secret
  pd_api_key = "3WFI08qrUYwEWpdLNnoJ"  # gitleaks:allow
  pulumi_config_passphrase = "hdhXAAH8WPBmYKG4BN7I"  # gitleaks:allow
# pragma: allowlist nextline secret
  scalingo_api_token = "tk-us-_SVf8sQdPkB824UOpyr5mpzutoCm2e2kAttDhWcd7zXUeDHY"
# pragma: allowlist nextline secret
  subscription_token = "sgs_fa69c822869175e88708e856a58708c6b5cead1705dffc1f49215ae1f3f23326"
# pragma: allowlist nextline secret
  next_public_stripe_key = "pk_live_19Q184cvKQzZQfc595kJrp9VqJWmzgOc9unn2W8aeyqPHizZL9oy19z3Aylm3prGJ1j1S6acwCEx0LDFLn5hkz0UIr4L2NIOd5e"
# pragma: allowlist nextline secret
  zendesk_token = "vzJI9XOG1xJYpcEoaOBVpui4kfORizsV41hfRDHf"
}
