#!/bin/sh
set -e
curl -fsS -H "Authorization: Bearer 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" https://api.acme.io/v1/me
