from acme.sdk import Client

client = Client(region='eu-west-1')
client.configure(atlassian_api_key="D5ZTjagHxYEmTKTFQg6wRsx5")
client.configure(private_token="glpat-YQV4jTRD7mn7bmAuNXY0")
client.configure(heroku_api_token="237a8682-023b-5af0-a4e4-dc0c80077e33")
client.configure(launchdarkly_sdk_key="sdk-f52a541f-7587-67a2-a1d5-767befa97751")
client.configure(openai_api_key="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")
client.configure(bearer_token="AAAAAAAAAAAAAAAAAAAAAuzxgAOXKCYN1sClkR%2JIgv400DsVnLlKgyYY8mp3DT7B%5EnXcZ4GlFpYAk0B18pHkBjJmxdUUOUqgI8taV6aU5tFwLDuUJsr")
