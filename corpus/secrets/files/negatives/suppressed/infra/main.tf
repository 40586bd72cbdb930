terraform {
  required_version = ">= 1.5"
}

locals {
  op_service_account_token = "ops_eyJzqSseTX1BYLQvRSFkDzijtMlbNFQpu4A5m2TtIsJtpEMnSwUlPOPXcFDyTuf0Yh5pfUezMFA9RkNMLXqrENN4NiXgIcWuWyD7KkSCLWJcNv4FNuI6YeTvTxx4EVVrkIfbesMrMxE5LESvPXytu3WivSA9XxRJSVT2S8MPGgFtvJRwR7TlOTBcZhseoRwfXR0mqBfqPeLulWRyBAn8meCom1MyIBImEDVcb59zPPTmurRcO5BaW5QpzH83lr2bm21hDIYkqhJVDvooCVGnEZEaCSAsEOt7MftcFKUiXzD5BrhqC7C5NYXoW1QwVxI3YLWgQFR2DbJ0TwIwGdNkTabuZSXlNkWhGYThUmAaSj59muD6ykAjjKhzElZFDcR6D6ZCNzgfWWq6Hsd9utMmTZKvOwfxxZiQbvAstUFeZRAJRFnPP7ihM0F5lus1sLFLO7X9ZPXSie94XndPJjWoCUWrAwpflJ5rxHWdUgskMU1hzhecrUTfMaVxE0N3jJSbKNstf9I5Scgvj6P5Dbocg8anRfcnuYFlaChcu5EtwwC5A0Z0WbwxRQZkYrKKM5t3IZn5OOcITX7NSntQKU6ASBOIRy3pJA5SYq5KIOS0VdEnVsPxwn55xInpE5MstaQ7Def6MnTsRSJlWgN4KZP5UOZxXWAaGOBgBMEtDOXxLJE7ONM1GmNdCHR3RHJbYrF1IhH2LYAsERD9DjdaGQO9LjDnFlV5QTm9ZiVqGgeekKKpTSZ3Cdg4UEQ2QrVJK5cCLmboBysAHIONRbDFAQHAVj9hOcVsygzaBUA3kLMxGfGcavWqfeZkIAlsEXT9IR1ldRPbeHn3GQHhUpL5"  # gitleaks:allow
  adafruit_io_key = "aio_iZlXKFYtnQ3miCluaDky533VmDrk"  # pragma: allowlist secret
  sops_age_key = "AGE-PLUGIN-WMA-15ASZC4TJHNTLCHNMAZMN8H8U09AAAU5002MF70A92NC7Z"  # pragma: allowlist secret
  password = "AVNS_cwrpyCox70nGK0x0Ph2RYtv"  # pragma: allowlist secret
# pragma: allowlist nextline secret
  algolia_secret = "c4c97d860699a91fad44aae3a1cf6970"
  access_token = "Atza|UaJCWRf3cJF4lxYZzanO_Mu7VaQKEZlSuDahoGPB7VG293GUli4hILhC8djnAutYfBWbSFJse_2heZlyi0mXPdLVi-0nB0scR1eWS7nleQx8-7t6-Rchw7hXkkv3HP1A8QsdBP_cGrg7YAo3HQDn8jgOwy8nlidshG_5hErL4mJVjzLfZbbgtK77HD3tVjqvvo8B0gTZSYvtue5s9ENiQlKSg4bGTTGihMZFNwk3N53ErqycfXmVSxo-0c1Ylro3WUCX-hYMTsaZxe23Sht0kdEAlzrh8Ff9Nh8vrhDW9515bJt6EQ2y4FVQjDT8aA3BuTrzbtBs0-Rog5BrA9y3Uv3rOOW53vcVtn7ZM16BSRO9fkmTC3Fron6_GtOi-2hR"  # gitleaks:allow
  applitools_api_key = "apEWUfz5j8JgzaRL1CXtd0MFPI6y1Y4FmzzzboFmbuPL3yXM"  # pragma: allowlist secret
  b2_application_key = "K002f0yBSKDQHxARIBgpkuaPhi7QQ9Q"  # pragma: allowlist secret
  braintree_secret = "499aa5541f747c0fcb90f3c068d1b0bf"  # pragma: allowlist secret
  brave_api_key = "BSAvWMbrqoo1LGrHGHpDOizjlInxWlG"  # plimsoll:allow
  clearbit_secret_key = "sk_2ede5ab8dba3d72bf4d6cf9050f66dbb"  # pragma: allowlist secret
# pragma: allowlist nextline secret
  url = "cloudinary://131366416915923:caFXDxS0IAhkr1eJmaB6IGJlJkn@shop"
  cloudsmith_token = "37a10d3ff92956256ada3c4479bb5d02d81f151c"  # plimsoll:allow
# pragma: allowlist nextline secret
  dd_application_key = "022019e684d9de2ff3ad89472be9396848ebb8f7"
  deepsource_dsn = "https://7b84acb2fcf1695834c49797322ba2e2@deepsource.io"  # gitleaks:allow
  access_key_id = "DO00VBDQ0TIFFFT7SGNS"  # plimsoll:allow
  flw_secret_key = "FLWSECK-f78f41f330fdcd9ecd8f4a560c8390a2-X"  # pragma: allowlist secret
  gc_access_token = "sandbox_7VQl4hu5SuDSLZFskcEKZO3Z3JfjbVJ_4_eGEvte"  # pragma: allowlist secret
  hasura_graphql_admin_secret = "R510D!C6s#I*SsCpc*hhJlINEM2A"  # gitleaks:allow
  hf_token = "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"  # plimsoll:allow
# pragma: allowlist nextline secret
  lob_key = "live_7b7e2e61def8432b5a875a11ed48de53101"
  refresh_token = "syr_0HkE5NaMxv1MRCpR_pW8YH2ejO4g2nNDRDrGg_sd900R"  # pragma: allowlist secret
  mz_ingestion_key = "68ed89f8e9ff9ef0b7496f2a2cac42d2"  # plimsoll:allow
  configuration_access_token = "ory_wak_P95v1aIVSFSxBnQS6qlcLDq9gW5PDt1RhvGWMk9S"  # plimsoll:allow
  pd_api_key = "3WFI08qrUYwEWpdLNnoJ"  # plimsoll:allow
# pragma: allowlist nextline secret
  picovoice_access_key = "zVVVnv6MYULpw3GnOFm0mdyD9UGkFiYUzm9HnOwacb55CZlPzQM0jH=="
  pulumi_config_passphrase = "hdhXAAH8WPBmYKG4BN7I"  # plimsoll:allow
  scalingo_api_token = "tk-us-_SVf8sQdPkB824UOpyr5mpzutoCm2e2kAttDhWcd7zXUeDHY"  # plimsoll:allow
  subscription_token = "sgs_fa69c822869175e88708e856a58708c6b5cead1705dffc1f49215ae1f3f23326"  # gitleaks:allow
  next_public_stripe_key = "pk_live_19Q184cvKQzZQfc595kJrp9VqJWmzgOc9unn2W8aeyqPHizZL9oy19z3Aylm3prGJ1j1S6acwCEx0LDFLn5hkz0UIr4L2NIOd5e"  # gitleaks:allow
  tinybird_token = "p.eyJ0MdbiS43EO4W7EwApZjPLtQ3BJ7ZKmhOYFI9IjK-o-mRAHz9AyPJuC-jyLzOKSn_D6AeCLkaofb8Yli8gy8AVg.eDQ55krxWtIU1FCONfGw_Ts_eev0esT9pQIau5etb-K"  # pragma: allowlist secret
# pragma: allowlist nextline secret
  root_key = "unkey_tIR0JNYaOCX34mqeAKzRQqjU4aBf"
# pragma: allowlist nextline secret
  zendesk_token = "vzJI9XOG1xJYpcEoaOBVpui4kfORizsV41hfRDHf"
}
