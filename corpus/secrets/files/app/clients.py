from acme.sdk import Client

client = Client(region='eu-west-1')
client.configure(batch_account_key="1sX8Xytp5zADvdqy2q+G4A4TWxZY+TYCjhGvnue3h6nl+qse6t0c8D4UCjmKtdciyurN6wh1MWL++ABaoKnwgg==")
client.configure(cloudsmith_token="14b29e8ae01878403dce6f9782bb7f62c47c252e")
client.configure(job_token="glcbt-20_RpjM_qONVeGwt3gpuC_7")
client.configure(scim_token="glsoat-LD8QQfR9VfPramomTg2O")
client.configure(access_token="pat-eu4-696d47b7-17af-9458-ba4b-07a242f639b6")
client.configure(launchdarkly_sdk_key="sdk-f52a541f-7587-67a2-a1d5-767befa97751")
client.configure(license_key="NRJS-479502c3f3145337db0")
client.configure(admin_key="sk-admin-Uyy_9Sq7KKw4oyZDmLYMVNmCH_-vU-dzuokJfy_qwjR6BYzdBTRtgZIDfEC9ThgdGGiiG3To085Gls3z2kqHtQdGXvcNQgk0fg_OSjuAPAF0WQ15v9Cqg1hs8o9N")
client.configure(pd_api_key="3ZBY73faWYeCMpdQIrxB")
client.configure(uri_redis="rediss://default:pZW2ODYv8=68OOLyqj@cache-prod.x1y2z3.ng.0001.use1.cache.amazonaws.com:6380")
client.configure(yc_api_key="AQVN61IjUm1dSIvDHP0XndBcbJiOU-Gjq2UxPjuL")
