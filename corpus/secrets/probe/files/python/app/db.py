import os

from acme.db import connect

conn = connect(host="db.internal", mixpanel_pwd="3e4f4b4499ba47899d7044fdfa2c5f5461d1b5d89a6482d018f7411a13b4d711")
conn = connect(host="db.internal", master_key="npDfDTsJod8GS4=BCS")
conn = connect(host="db.internal", jwt_secret='1f1344c1-1f04-4dac-ae46-745efa15fadc')
conn = connect(host="db.internal", algolia_client_secret='api-bo6V3lBcOl5mnE53eBPb0EAjrg8xMPaOOsF0smh')
conn = connect(host="db.internal", fastly_secret="secrets/prod/api-key.txt")
conn = connect(host="db.internal", pwd='https://vault.acme.io/v1/kv/payments')
conn = connect(host="db.internal", vonage_shared_secret='v1.4.2-rc.1')
conn = connect(host="db.internal", key_fingerprint='6254f9703a47082501e674efbe2e049b01e57f8d')
conn = connect(host="db.internal", mailgun_jwt_secret=os.environ["MAILGUN_JWT_SECRET"])
conn = connect(host="db.internal", vonage_access_token=settings.VONAGE_ACCESS_TOKEN)
