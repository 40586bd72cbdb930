terraform {
  required_version = ">= 1.5"
}

locals {
  algolia_admin_api_key = "12e3a0ccd393cd98a27b9a6209a28eef"
  secret_access_key = "FTI2nqR/4ZMEE9J+KZEgAu4/aDU2bCO7Fc1Ee1N7"
  co_api_key = "BXN5jmm80yIXdik8ZoGko3A9pVaAnzLtkjwYRN55"
  do_oauth_token = "doo_v1_80fc97c479df40252a9123d65faa5d95228132a67c61de09ace81c822ba4f687"
  doppler_api_token = "dp.ct.OPWRYeL6zQEZr2afUOqLydBUw3yeVWmYEyey12cQFxo"
  password = "LjCPQWDW=r7xWdU"
  github_app_user_token = "ghu_XpRJp3oFkqeCNzEz4W6YlvY1sCmJwn3pCAXG"
  client_secret = "gloas-73472fk3736xj482fc7195w7db3b7608v822z76982z1l77pj3j0722qmlwh1kcu"
  api_key = "hciik_3tzhcodsl7x0rpzzx7wjgjq7dgicfxhfajuxc3w3jr5u7iav73nxpakn8x"
  linode_api_key = "051eb02e7f5a897c802f478f0df59a620428ee667eada17985cfe1acb987420b"
  license_key = "8fdf0c2c18b071a18604481b58b750dbd02eNRAL"
  openai_admin_key = "sk-admin-Au2GzlQjgdZFEBMzTqPIaPy7ANe2OOM2hDYG7i5-jNTnQkqBQlugfwMGztN4NzjzAJP7RmeJ1ocHJJxXGzwuCuUQgsoYumCgvZCRzviMVfBl9pQpZX1YtJC5K5jM"
  twilio_secret = "UzBMnAxTrSk9XLbDpchxEYHPSfCt7F32"
  twilio_auth_token = "AC1ed7056991c4e6051e2c5d0141e3b70a:a5bb4644a31dbbce9d4475eb8ac8f587"
  vault_token = "s.1UAw1iOwnAF06juLvINP8pHP"
}
