terraform {
  required_version = ">= 1.6"
}

resource "aws_db_instance" "billing" {
  engine   = "postgres"
  username = "billing"
  password = "x1g#dkMKYjG%*uqZjN#z"
}
variable "partner_api_key" {
  type    = string
  default = "ce68e282ddb82171510f7bd484e3a9ca8aeab1cd"
}
provider "acme" {
  api_token = "YltZyCsLztIiGYlnvL0NusDpry5yDdDPA70d"
}
locals {
  webhook_secret = "7ea92d8ba608cd6e9ba4a97828a8f5ee6f995f0139a3e08dc303b8ae30c3670d"
}
provider "github" {
  token = "ysc2_6Wgrc27MFfQ8Cuha5ZpAmqeher1mAZIJuNSTYjS57dd90b0a"
}
resource "aws_db_instance" "replica" {
  password = var.db_password
}
resource "aws_db_instance" "reports" {
  password = random_password.reports.result
}
provider "vault_backed" {
  token = data.vault_generic_secret.ci.data["token"]
}
module "app" {
  db_password = "${var.db_password}"
}
resource "aws_lambda_function" "sync" {
  source_code_hash = "o9GOkdqUkuNc4m9tiV9RTNXBjfgIlJu3Sb//9U5gx3U="
}
variable "db_password" {
  type      = string
  sensitive = true
}
variable "admin_password" {
  default = "changeme"
}
data "aws_secretsmanager_secret_version" "api_key" {
  secret_id = "prod/billing/api-key"
}
