import os

from acme.db import connect

os.environ["SECRET_MIXPANEL"] = "C7Pe3jIcWff2Npzs1wWfZ3R6p4rIvG2Hz6TJ"
os.environ["PUSHER_SERVICE_TOKEN"] = "wmm6nFGJl-_OiO3t2PJfAMQt3xyLOSBCCJshrWCkzJ8o"
os.environ["MIXPANEL_API_KEY"] = "Mw3kBYHrA1pz5G/ajvAw6ZmevMdNwE+m1y6UWUZdKvRZVrObmdPUvQ=="
os.environ["STRIPE_ADMIN_PWD"] = "37e322c10fd0ff3a598bfc4639f74ae9"
os.environ["PLAID_CREDENTIALS"] = "xxxxxxxxxxxxxxxx"
os.environ["PAT"] = "${API_KEY}"
os.environ["MIXPANEL_HMAC_KEY"] = "mysecret"
os.environ["TOKEN_SHA256"] = "59f6ca92a2d989cf0e37d7693c52dca5a12ffaa1581bd79f2aaebac9768645d8"
