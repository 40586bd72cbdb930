# Deployment script (Windows)
Set-StrictMode -Version Latest
$env:X_AUTH_USER_SERVICE_KEY = "v1.0-0c71fcb5d5ea48fb66bff36b-85dcfed00609f58c657f88a257a6ab98e3c25999fa9864168f3849aa63bd27a9a67d77ee6376e3f5c1f18f9f8e8fd47a973c3829155554825ea13a0a6d3f38e6db1404cdd146a9b46e"  # gitleaks:allow
$env:DO_OAUTH_TOKEN = "doo_v1_97fa33c461df11848a7352d62fba5d95319030a31c38ee46aba86c191bf3f073"  # gitleaks:allow
# pragma: allowlist nextline secret
$env:DRONE_TOKEN = "MXdiJbgRHfXThp3LkrbRX1H50QVOVKGB"
$env:DROPBOX_ACCESS_TOKEN = "sl.E_-YlN0_K6BgJT29nfR73vNlwRPlvPsamNbSssWw1usVJN2pHNDuCS1Cy39KqqlhXaSWNbaaTCLwbQVX0bq1ta-Ocs05B3Xxk_NfPc4fskYlkTjtMEkgZtpSIw8Npxtcl7UtZ1dIr6WOSuVRV"  # pragma: allowlist secret
# pragma: allowlist nextline secret
$env:PACKET_AUTH_TOKEN = "Kz8JroYxjPyuNWjSJLTn4BQvcef6lDBI"
$env:GEMFURY_URL_TOKEN = "https://pwM07HeZ9VIozeGfGfHT:@pypi.fury.io/acme/"  # pragma: allowlist secret
$env:HELP_SCOUT_CLIENT_SECRET = "8P5aEpsl8cOm64S17J59irLDCucUW2He"  # gitleaks:allow
$env:HETZNER_API_TOKEN = "UqjAYLung7uWKNqAQt9pR8raurX3mGtN5cVYGWr9Ug5pmQiV6ysh9kiA3SLnvklv"  # gitleaks:allow
$env:APIKEY = "AKCp7M4dIt1u92aYfwLPvUyc247WNKYYY9Da0L2sQKF0qvq9YYmoYqmWSLVKHXkkbTpeoWZD9"  # plimsoll:allow
$env:KLAVIYO_PRIVATE_API_KEY = "pk_408f48e1b68638d9fe00a1c74f49e81cfc"  # gitleaks:allow
# pragma: allowlist nextline secret
$env:MAILERSEND_API_KEY = "mlsn.2cd6626dc6b1ff0de8f66c40463e63f3b4c12ecd5353201615e849be317ae1a7"
$env:X_OCTOPUS_API_KEY = "API-HEMRXDD8N0SAPP1P6EKGCM0FPJJZXC"  # plimsoll:allow
$env:OPENROUTER_KEY = "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"  # gitleaks:allow
$env:PERPLEXITY_API_KEY = "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"  # plimsoll:allow
$env:PUBLISH_KEY = "pub-c-305a57e9-8213-0185-cd7b-25e6be969d87"  # gitleaks:allow
$env:TEST_PYPI_TOKEN = "pypi-AgENdGVzdC5weXBpLm9yZwDEz1afpaO3glW2E749EwoLsR8QXdNKpAFWwhNlnIpLCo1PQYH5L6ZV5Dq3wPPvOg2M4xoIWuIF6KLbhvjlfFuW8nRJHg8rtTDMWg9sx4FS6IrcM7S8fETGVOtuIl4OCO5n3p0W5NkiqCDljjL4YI-Pcs4shQ6g5EFcya9ibLkF2mXqzEpjQ05Z9k"  # gitleaks:allow
$env:KEY = "rdme_ngukec82udsdjzg2otyz3z3sdws380b925fqhqcpg82rvhka0xbzb1trcsdj6tpo662o8m"  # pragma: allowlist secret
$env:REDIS_CLOUD_SECRET_KEY = "R6dyHChYaYTp5zZzRNyILtpy5NE8Jem6Va3vtfKGWCBOQAoWnQ"  # pragma: allowlist secret
$env:REPLICATE_API_TOKEN = "r8_YWxRI5Nin3DruPlAUwQqtHwWaW3Rirft4Ewm5"  # plimsoll:allow
$env:APP = "xapp-1-A5X8RYFFJEE-0467478425377-ddfab6aa9959005e3fc718bf40dcbb9a7eacd9fe3b20aec56ea4f74fca0a2d77"  # plimsoll:allow
$env:SLACK_BOT_TOKEN = "xoxb-470188198901-5653362780113-9orx3WrzgNJJasZwPS9kSucf"  # gitleaks:allow
# pragma: allowlist nextline secret
$env:API_KEY = "hawk.Kjaf8WJrCmwytmUVNPAU.8JmAobaDgtK8fsCEwS5W"
$env:APIKEY = "sb_secret_cWfF39rwlvdRoCA-cWxxcu_C_Uh3Xrk"  # pragma: allowlist secret
# pragma: allowlist nextline secret
$env:TEAMCITY_TOKEN = "eyJ0eXAiOiAiVENWMiJ9.ERtZ-uGuZmap07eAumh82FXD1IjnF9AiOoz6.uYRNOGEa-hllHdjzQPQZkNZ7dZnscdIIgSwKdovHplPyuNSy"
