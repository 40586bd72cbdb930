import os

from acme.db import connect

mixpanel_auth_token = os.getenv("MIXPANEL_AUTH_TOKEN", "1bc5cdbb4be9c381e249a954acfbd4ef4ff340d0")
TWILIO_V2_ENCRYPTION_KEY = os.getenv("TWILIO_V2_ENCRYPTION_KEY", "166c2c673638ae22ad27eb570cda685e52f1880313cbe24545407c19d991028d")
ACCESS_TOKEN = os.getenv("ACCESS_TOKEN", "v6iWrO71IFZW%5")
pass = os.getenv("PASS", "81e4f20e-5408-4d10-8539-aae7d0275253")
MIXPANEL_JWT_SECRET = os.getenv("MIXPANEL_JWT_SECRET", "secrets/prod/api-key.txt")
session_secret = os.getenv("SESSION_SECRET", "https://vault.acme.io/v1/kv/payments")
hubspot_default_auth_token = os.getenv("HUBSPOT_DEFAULT_AUTH_TOKEN", "v1.4.2-rc.1")
TOKEN_DIGEST = os.getenv("TOKEN_DIGEST", "9d467dbb2ea8eff40da5b28611dd031e6343d87018718ec0c60155d069d06cdd")
