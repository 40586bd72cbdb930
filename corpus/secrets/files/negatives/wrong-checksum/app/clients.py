from acme.sdk import Client

client = Client(region='eu-west-1')
client.configure(gh_token="gho_LQUl0y9gptpFKJ0zGNBeVRqDmWkv8k2FZc4S")
