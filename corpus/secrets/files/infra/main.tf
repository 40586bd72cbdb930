terraform {
  required_version = ">= 1.5"
}

locals {
  algolia_admin_api_key = "12e3a0ccd393cd98a27b9a6209a28eef"
  atlassian_api_key = "D5ZTjagHxYEmTKTFQg6wRsx5"
  x_functions_key = "BeLo3lrnzQdpGkL654NPze4eKxeJtQWRIHk6iIJt1MSSAzFucChPHg=="
  bitbucket_access_token = "https://x-token-auth:ATCTT3xFfGN0UbdAueHhr01SOvqi-FcR-MVWqs4gA9_cbgn-rrj4jK8XZpDPFeV97pYISehw0nE-gDsGcxj0HBxar6vMphQpibx162emvO6jlaIXvS8Tn0zo7dDArjO5Stcf53hAIAWOf0qmK1Ynb0nLLvrhYjfrwBg-XF4g0cCGO0KK0EVspUa=F4326410@bitbucket.org/acme/payments.git"
  cf_api_key = "3aa9ce0983c7ded58c92e112c717d1ca563d5"
  codeclimate_reporter_id = "a074bfee64c527f24ed6d87365f5a5c98f8a474c04a07c57beb2ffc27fff0e4e"
  deepsource_dsn = "https://6e05faa0efb7330890b15895951be7c2@deepsource.io"
  doppler_api_token = "dp.ct.OPWRYeL6zQEZr2afUOqLydBUw3yeVWmYEyey12cQFxo"
  storage_access_key = "SJtTp9nG9YSdqZgQF9WEn2"
  github_app_user_token = "ghu_XpRJp3oFkqeCNzEz4W6YlvY1sCmJwn3pCAXG"
  client_secret = "gloas-73472fk3736xj482fc7195w7db3b7608v822z76982z1l77pj3j0722qmlwh1kcu"
  api_key = "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"
  honeycomb_writekey = "JrNii6Ysh0nASahUUavSgt"
  jfrog_access_token = "cmVmdGtuOjAxWfWxAfHoJZY0JBL3iPZhNOZ7m5djASKQPZCIcCpOHOvrk0kRH8kR"
  netlify_api_token = "3geXfKSexpl0-OVWGAn-yWivTKCewztGWkToyO0m72C"
  npm_token = "a507090c-410d-58a4-d270-9c1e25c5f5c7"
  paypal_secret = "JAJBn63gDgrMlhmgN8dny9X_FBr129MHRX4Xyc9qTILT960uTU-Uh4xB1iNu1cIS8vJbKZH5nJYkIxU2"
  prefect_api_key = "pnb_lt5P1f97t3RFEYoOZxypVyaDCI7tSK1sKNLg"
  src_access_token = "sgp_local_fa63a7baebff3ffa009bb12245e36a562444ea76"
  stripe_secret_key = "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:"
  rabbitmq_url = "amqp://svc-billing:jQ3_=D-!p^6F^g3y@rabbitmq.messaging:5672/%2F"
  uri_credentials = "https://deploy:LmMbWNEUHsMyoBhprChB0ZigudO3wh1h@git.acme-corp.io/platform/infra.git"
  yc_api_key = "AQVN61IjUm1dSIvDHP0XndBcbJiOU-Gjq2UxPjuL"
}
