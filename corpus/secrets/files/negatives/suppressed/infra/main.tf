terraform {
  required_version = ">= 1.5"
}

locals {
  op_service_account_token = "ops_eyJzqSseTX1BYLQvRSFkDzijtMlbNFQpu4A5m2TtIsJtpEMnSwUlPOPXcFDyTuf0Yh5pfUezMFA9RkNMLXqrENN4NiXgIcWuWyD7KkSCLWJcNv4FNuI6YeTvTxx4EVVrkIfbesMrMxE5LESvPXytu3WivSA9XxRJSVT2S8MPGgFtvJRwR7TlOTBcZhseoRwfXR0mqBfqPeLulWRyBAn8meCom1MyIBImEDVcb59zPPTmurRcO5BaW5QpzH83lr2bm21hDIYkqhJVDvooCVGnEZEaCSAsEOt7MftcFKUiXzD5BrhqC7C5NYXoW1QwVxI3YLWgQFR2DbJ0TwIwGdNkTabuZSXlNkWhGYThUmAaSj59muD6ykAjjKhzElZFDcR6D6ZCNzgfWWq6Hsd9utMmTZKvOwfxxZiQbvAstUFeZRAJRFnPP7ihM0F5lus1sLFLO7X9ZPXSie94XndPJjWoCUWrAwpflJ5rxHWdUgskMU1hzhecrUTfMaVxE0N3jJSbKNstf9I5Scgvj6P5Dbocg8anRfcnuYFlaChcu5EtwwC5A0Z0WbwxRQZkYrKKM5t3IZn5OOcITX7NSntQKU6ASBOIRy3pJA5SYq5KIOS0VdEnVsPxwn55xInpE5MstaQ7Def6MnTsRSJlWgN4KZP5UOZxXWAaGOBgBMEtDOXxLJE7ONM1GmNdCHR3RHJbYrF1IhH2LYAsERD9DjdaGQO9LjDnFlV5QTm9ZiVqGgeekKKpTSZ3Cdg4UEQ2QrVJK5cCLmboBysAHIONRbDFAQHAVj9hOcVsygzaBUA3kLMxGfGcavWqfeZkIAlsEXT9IR1ldRPbeHn3GQHhUpL5"  # gitleaks:allow
  sops_age_key = "AGE-PLUGIN-WMA-15ASZC4TJHNTLCHNMAZMN8H8U09AAAU5002MF70A92NC7Z"  # gitleaks:allow
  password = "AVNS_cwrpyCox70nGK0x0Ph2RYtv"  # pragma: allowlist secret
  algolia_secret = "c4c97d860699a91fad44aae3a1cf6970"  # pragma: allowlist secret
# pragma: allowlist nextline secret
  b2_application_key = "K002f0yBSKDQHxARIBgpkuaPhi7QQ9Q"
  braintree_secret = "499aa5541f747c0fcb90f3c068d1b0bf"  # pragma: allowlist secret
  url = "cloudinary://131366416915923:caFXDxS0IAhkr1eJmaB6IGJlJkn@shop"  # gitleaks:allow
  cloudsmith_token = "37a10d3ff92956256ada3c4479bb5d02d81f151c"  # pragma: allowlist secret
  dd_application_key = "022019e684d9de2ff3ad89472be9396848ebb8f7"  # plimsoll:allow
# pragma: allowlist nextline secret
  deepsource_dsn = "https://7b84acb2fcf1695834c49797322ba2e2@deepsource.io"
  access_key_id = "DO00VBDQ0TIFFFT7SGNS"  # gitleaks:allow
  flw_secret_key = "FLWSECK-f78f41f330fdcd9ecd8f4a560c8390a2-X"  # plimsoll:allow
  gc_access_token = "sandbox_7VQl4hu5SuDSLZFskcEKZO3Z3JfjbVJ_4_eGEvte"  # pragma: allowlist secret
  hasura_graphql_admin_secret = "R510D!C6s#I*SsCpc*hhJlINEM2A"  # plimsoll:allow
  hf_token = "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"  # pragma: allowlist secret
# pragma: allowlist nextline secret
  lob_key = "live_7b7e2e61def8432b5a875a11ed48de53101"
  mz_ingestion_key = "68ed89f8e9ff9ef0b7496f2a2cac42d2"  # pragma: allowlist secret
  pd_api_key = "3WFI08qrUYwEWpdLNnoJ"  # plimsoll:allow
  pulumi_config_passphrase = "hdhXAAH8WPBmYKG4BN7I"  # plimsoll:allow
  scalingo_api_token = "tk-us-_SVf8sQdPkB824UOpyr5mpzutoCm2e2kAttDhWcd7zXUeDHY"  # pragma: allowlist secret
  subscription_token = "sgs_fa69c822869175e88708e856a58708c6b5cead1705dffc1f49215ae1f3f23326"  # pragma: allowlist secret
  next_public_stripe_key = "pk_live_19Q184cvKQzZQfc595kJrp9VqJWmzgOc9unn2W8aeyqPHizZL9oy19z3Aylm3prGJ1j1S6acwCEx0LDFLn5hkz0UIr4L2NIOd5e"  # pragma: allowlist secret
# pragma: allowlist nextline secret
  zendesk_token = "vzJI9XOG1xJYpcEoaOBVpui4kfORizsV41hfRDHf"
}
