DEFAULTS = {
    "region": "eu-west-1",
    "hubspot_primary_admin_pwd": "Sdo1Pm92_DHoHop_UwtJQb-qbX52rQ_q",
    "password": "j6fpyxYyLCHqlDwGmd4JdS1UR/NE7IT8NgZQCIXuF7Mmomb9kmfEWswGpr3ysJRWc6WNnQsALseb/XShPkRsYg==",
    "mailgun_default_secret_key": "e34827df9f9b6d899f355a096697e819",
    "nexus-api-token": "9eb948d03ed8187832dbba9a0e30679c923339d8",
    "hmacKeyOkta": "<secret>",
    "pat": "%API_KEY%",
    "shared_secret_paddle": "admin",
    "clientId": "52e12bd6-4be4-4a08-b22f-a4377717ebd5",
}
