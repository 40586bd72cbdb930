# Deployment script (Windows)
Set-StrictMode -Version Latest
$env:TOKEN = "dapifbb6c0dd16a9be146ff286efb237352d-8"
$env:SECRET_KEY = "FLWSECK_TEST-8ebbbf7d6055d9938e7cd17fbd8f3bdf-X"
$env:CLIENT_SECRET = "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"
$env:GITHUB_ACCESS_TOKEN = "aa1ba8ee5b3ba676ab55630db0e7ccbbab5523ec"
$env:HEROKU_API_KEY = "HRKU-AAei_dynDpAyHoDWsSzAexC-BIROMsDaiKzWyvuuthUdCPI9anYjqW98yXhB"
$env:LAUNCHDARKLY_SDK_KEY = "sdk-dfa99e08-aa3c-52b3-a856-3797eaaa0d31"
$env:OKTA_API_TOKEN = "00Uv2_AcGW11qLqHIdKC_H5dJLLJTJ5xqwgChoCfKm"
$env:GITHUB_APP_PRIVATE_KEY = "-----BEGIN RSA PRIVATE KEY-----\nMIIBPQIBAAJBAPvZtbkEcw+GvWhOILhGu4SaWaxyn146pCrBXOu4ASH2uPQnlleA\nNtTozdTDV57LI9mbh1afXVhy7QrNmGs6ycJNZl5MtekyX+XFfFuDy9wp8Ywfn0I6\n3xz5hoycQ8m8VLSBT8k04pHE61VnCjOKmZVS9SLhJ9+CXYkWYjbSMRcRW9jest6u\nGqzzXVC3q23MXfEKyCN4NXJ1zC8Fu1FP1bhL/FmWa/vD5QN3Bo5YR+ifxBRu2W/D\nWc7YyR2L1svzlKrwjq0ZeTX0InYkZua/z1fNg1tAjTtDr0fSV63gjfDr4ZJoKVEw\nR+zz0Uo4EJtaEauClPf4wLdwNhULXiNgtWqk8tjynhqYCkAc0AYg+yeCsPJwMdJE\nCmwWctkBZZgOZ+uv6AIaQ+7+ao6yDQ/XN/QLpvz/8vLu\n-----END RSA PRIVATE KEY-----"
$env:SHIPPO_TEST_KEY = "shippo_test_f07ca340b1c6149a1b5df034a63c6e214eb76f8d"
$env:RABBITMQ_URL = "amqp://svc-billing:jQ3_=D-!p^6F^g3y@rabbitmq.messaging:5672/%2F"
$env:URI_REDIS = "rediss://default:pZW2ODYv8=68OOLyqj@cache-prod.x1y2z3.ng.0001.use1.cache.amazonaws.com:6380"
