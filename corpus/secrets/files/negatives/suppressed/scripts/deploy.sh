#!/usr/bin/env bash
set -euo pipefail
export COHERE_KEY="sWoHkaxTWAvzDAJq4VHgve4ucVnsiJqdGqcmkino"  # gitleaks:allow
export GITHUB_REFRESH_TOKEN="ghr_MLgIA0Ad5vn5S03pkTlphe3QbwEjzaHXJ4iNtzFEVgOa6eMNa5jd6wUWMWssj9KwWDK8INTXjKhp"  # plimsoll:allow
export MAILCHIMP_KEY="2ac2247a7caebff91418c96b77c7ddea-us11"  # pragma: allowlist secret
export SENTRY_AUTH_TOKEN="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"  # gitleaks:allow
export STRIPE_API_KEY="sk_test_V73rtIDuay2WK6mtnitzm7df"  # plimsoll:allow
export CELERY_BROKER_URL="redis://worker:ox0eNOe=JZyz@10.0.0.8:6379/1"  # plimsoll:allow
export VAULT_TOKEN="hvs.VIwhubmv2xTgZhJNRi6FIalk.meX9L"  # plimsoll:allow

./bin/release --env "$ENVIRONMENT"
