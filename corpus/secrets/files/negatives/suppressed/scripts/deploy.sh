#!/usr/bin/env bash
set -euo pipefail
# pragma: allowlist nextline secret
export CIVO_API_KEY="FhRSOKZ6Ncs9XopXXG5bIRyKcRzhOTNlgcgWVPryCRaLOaVzqc"
export COHERE_KEY="sWoHkaxTWAvzDAJq4VHgve4ucVnsiJqdGqcmkino"  # pragma: allowlist secret
export GETSTREAM_SECRET="zp8mszqhuqf4kke4kx2y22mxky138fe9av8f0vcu4hgtfu431ngb2nxq8lyrv5kj"  # plimsoll:allow
# pragma: allowlist nextline secret
export GITHUB_REFRESH_TOKEN="ghr_MLgIA0Ad5vn5S03pkTlphe3QbwEjzaHXJ4iNtzFEVgOa6eMNa5jd6wUWMWssj9KwWDK8INTXjKhp"
export MAILCHIMP_KEY="2ac2247a7caebff91418c96b77c7ddea-us11"  # plimsoll:allow
export NPM_API_KEY="da1ee6a2-94f0-717f-b65a-7870c652c164"  # pragma: allowlist secret
export NVIDIA_API_KEY="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"  # plimsoll:allow
export OWM_API_KEY="2af2a5311a527606026a9cf6d0f22219"  # plimsoll:allow
# pragma: allowlist nextline secret
export POSTMAN_COLLECTION_TOKEN="PMAT-V9XDXHR46WY1WHV9SCKPK9XZC8"
export SENTRY_AUTH_TOKEN="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"  # plimsoll:allow
export STRIPE_API_KEY="sk_test_V73rtIDuay2WK6mtnitzm7df"  # gitleaks:allow
export API_KEY="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"  # plimsoll:allow
export CELERY_BROKER_URL="redis://worker:ox0eNOe=JZyz@10.0.0.8:6379/1"  # pragma: allowlist secret
# pragma: allowlist nextline secret
export VAULT_TOKEN="hvs.VIwhubmv2xTgZhJNRi6FIalk.meX9L"
export XENDIT_SECRET_KEY="xnd_production_jdFILUMy1R90Y5vBsjn6EpaXhbUHkLQSDR34iJ1SiwYYRQL7MQlcBkXourFN"  # plimsoll:allow
export YC_API_KEY="AQVNtb5sVIkd9R-IYvz_hClQre_MqGsMnFRDm6Txx"  # gitleaks:allow

./bin/release --env "$ENVIRONMENT"
