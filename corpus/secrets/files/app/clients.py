from acme.sdk import Client

client = Client(region='eu-west-1')
client.configure(batch_account_key="1sX8Xytp5zADvdqy2q+G4A4TWxZY+TYCjhGvnue3h6nl+qse6t0c8D4UCjmKtdciyurN6wh1MWL++ABaoKnwgg==")
client.configure(X-Auth-Key="b421b386a90f397f07552c0d5089fcd6458c4")
client.configure(cloudsmith_token="14b29e8ae01878403dce6f9782bb7f62c47c252e")
client.configure(password="C3i53UNmV9tZ1jc")
client.configure(job_token="glcbt-20_RpjM_qONVeGwt3gpuC_7")
client.configure(infisical_client_secret="3ab96e889c874696a7f34741627fe14b5147e2b406ab0d684258850bafa3183b")
client.configure(launchdarkly_sdk_key="sdk-f52a541f-7587-67a2-a1d5-767befa97751")
client.configure(license_key="NRJS-479502c3f3145337db0")
client.configure(pd_api_key="3ZBY73faWYeCMpdQIrxB")
client.configure(refresh="xoxr-751429242184-749977569236-5jdahapfm134036f70x85609349eud81n3eb7461saqo0ewg7jg796so90gq8g48")
client.configure(twilio_api_key="SKa199dd8414d72ea8f6104922f850f9a3")
