#!/bin/sh
set -e
curl -fsS -H "Authorization: Bearer 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" https://api.acme.io/v1/me
