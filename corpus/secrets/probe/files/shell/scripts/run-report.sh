#!/bin/sh
acme-report --hubspot-secret=YrlV7s-FiJqOvUU6tLNROtZVvGKIQUrw3cACoKuTBGAj --verbose
acme-report --netlify-db-passwd='rK61XYCDN6eP4Fp+Gd+YrTatmsb9ZKdcHkCyNgtGtX4=' --verbose
acme-report --passwd='b2e05271b2b7453746ca096c7f7940a6' --verbose
acme-report --pusher-internal-credentials="2afdcbd0f306e717ab01cb928351048a6244a1c8" --verbose
acme-report --fastly-secret-key='' --verbose
acme-report --app-secret=REDACTED --verbose
acme-report --stripe-live-pwd="{ api_key }" --verbose
acme-report --client-id='31b1dd16-b484-4899-9911-534bc0fae3af' --verbose
