#!/usr/bin/env bash
set -euo pipefail
export CIVO_API_KEY="FhRSOKZ6Ncs9XopXXG5bIRyKcRzhOTNlgcgWVPryCRaLOaVzqc"  # plimsoll:allow
export COHERE_KEY="sWoHkaxTWAvzDAJq4VHgve4ucVnsiJqdGqcmkino"  # plimsoll:allow
export GITHUB_REFRESH_TOKEN="ghr_MLgIA0Ad5vn5S03pkTlphe3QbwEjzaHXJ4iNtzFEVgOa6eMNa5jd6wUWMWssj9KwWDK8INTXjKhp"  # plimsoll:allow
export MAILCHIMP_KEY="2ac2247a7caebff91418c96b77c7ddea-us11"  # gitleaks:allow
export NPM_TOKEN="70915ff2-50f5-931f-70a4-49100d13a8a5"  # plimsoll:allow
export POSTMAN_COLLECTION_TOKEN="PMAT-V9XDXHR46WY1WHV9SCKPK9XZC8"  # gitleaks:allow
export SENTRY_AUTH_TOKEN="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"  # plimsoll:allow
export STRIPE_API_KEY="sk_test_V73rtIDuay2WK6mtnitzm7df"  # gitleaks:allow
export CELERY_BROKER_URL="redis://worker:ox0eNOe=JZyz@10.0.0.8:6379/1"  # pragma: allowlist secret
# pragma: allowlist nextline secret
export VAULT_TOKEN="hvs.VIwhubmv2xTgZhJNRi6FIalk.meX9L"
export YC_API_KEY="AQVNtb5sVIkd9R-IYvz_hClQre_MqGsMnFRDm6Txx"  # plimsoll:allow

./bin/release --env "$ENVIRONMENT"
