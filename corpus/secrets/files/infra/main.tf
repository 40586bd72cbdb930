terraform {
  required_version = ">= 1.5"
}

locals {
  algolia_admin_api_key = "12e3a0ccd393cd98a27b9a6209a28eef"
  secret_access_key = "FTI2nqR/4ZMEE9J+KZEgAu4/aDU2bCO7Fc1Ee1N7"
  co_api_key = "BXN5jmm80yIXdik8ZoGko3A9pVaAnzLtkjwYRN55"
  datadog_application_key = "e785d57656b115c312c91d61fe4655447e3a7e3a"
  doppler_api_token = "dp.ct.OPWRYeL6zQEZr2afUOqLydBUw3yeVWmYEyey12cQFxo"
  password = "LjCPQWDW=r7xWdU"
  github_app_user_token = "ghu_XpRJp3oFkqeCNzEz4W6YlvY1sCmJwn3pCAXG"
  client_secret = "gloas-73472fk3736xj482fc7195w7db3b7608v822z76982z1l77pj3j0722qmlwh1kcu"
  honeycomb_writekey = "JrNii6Ysh0nASahUUavSgt"
  linode_api_key = "051eb02e7f5a897c802f478f0df59a620428ee667eada17985cfe1acb987420b"
  netlify_api_token = "3geXfKSexpl0-OVWGAn-yWivTKCewztGWkToyO0m72C"
  paypal_secret = "JAJBn63gDgrMlhmgN8dny9X_FBr129MHRX4Xyc9qTILT960uTU-Uh4xB1iNu1cIS8vJbKZH5nJYkIxU2"
  twilio_secret = "UzBMnAxTrSk9XLbDpchxEYHPSfCt7F32"
  uri_credentials = "https://deploy:LmMbWNEUHsMyoBhprChB0ZigudO3wh1h@git.acme-corp.io/platform/infra.git"
  vault_token = "s.1UAw1iOwnAF06juLvINP8pHP"
}
