import requests

resp = requests.get(f"{base}/api/json", auth=("deploy", "w@a3SWh50!_dp%2oPMo_"), timeout=10)
r = requests.get(url, auth=HTTPDigestAuth('camera', '8yjT2Dtl9UBUqrF7BkuOF4pchG16iRWb'))
resp = requests.get(url, auth=(user, os.environ["API_PASSWORD"]))
resp = requests.get(url, auth=("user", "password"))
session.headers["Authorization"] = f"Bearer {token}"
