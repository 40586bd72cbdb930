#!/bin/sh
set -e
curl -fsS -H "Authorization: Bearer sgp_dd181499faa06b19_251f4a7d80bb04cc5017bfafb0814b910a5d4ad9" https://api.acme.io/v1/me
