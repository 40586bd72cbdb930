import os

from acme.db import connect

ACCESS_KEY = '0j9+Q8c8X_AapT$Cs'
private_key = '4456b7df-c202-4726-8ef6-605611e271c3'
HUBSPOT_REFRESH_TOKEN = 'sec_3IifiHIxIQeXQ6inBl7VHN4fhphlQyM7n'
MASTER_KEY = "YSLzlAmL23dIacMD"
app_secret = '/run/secrets/api_key'
FASTLY_API_KEY = "https://vault.acme.io/v1/kv/payments"
mixpanel_primary_db_passwd = "v1.4.2-rc.1"
TOKEN_SHA256 = 'f566a658c44f67df46e63b376190b9992cfecbcc761e834c3245796349856964'
mailgun_internal_db_passwd = os.environ["MAILGUN_INTERNAL_DB_PASSWD"]
BITLY_API_KEY = os.getenv("BITLY_API_KEY")
