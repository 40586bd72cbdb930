variable "secret" { default = "sk_EBNmg6rO3LV7upEs3QufeFdoI" }
variable "nexus_pwd" { default = "TbM2l3zTy1pzhPA6NGSgPVvQ45a9gcNnSAmfaGWV1jL8xSC" }
variable "encryption_key" { default = "fbDUvKCYWM3hIjwxpplFlHuG-wwoWFOOLhZI6ERd7Jd1Fjp2nqi5ERrX7M4rn-c3" }
variable "auth_token" { default = "DaTjj71TOVRsjD30Oi3LtNxe3rg9bFplTgAp8KTwQrcPRLtNLh2E/w==" }
variable "refresh_token_mixpanel" { default = "secret-key" }
variable "intercom_refresh_token" { default = "secrets/prod/api-key.txt" }
variable "vonage_default_service_token" { default = "https://api.acme.io/oauth/token" }
variable "secret_checksum" { default = "4e924caf8e9d2b54f498f24dc1ab701f46e318cbcc7e2ef47a4e2eb0c06683d8" }
