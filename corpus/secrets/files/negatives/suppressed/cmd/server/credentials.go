package main

// Credentials used by the sync job.
const (
// pragma: allowlist nextline secret
	apifyToken = "apify_api_GytbHlJTWM4NAmFxrvc73KTngoRH74ZUVwCO"
// pragma: allowlist nextline secret
	asanaPat = "9/1225549277797628/3717398207734068:275a9d49f78b69138536faefaa328bd8"
	bedrockApiKey = "ABSKQmVkcm9ja0FQSUtleS2NVOtsODdFhP6OISgeOSDvBnE6GGK0SYhhANaeCcW2MQUtO9OuBl1RRLQxk4DNHNummy8sxNTOzWxMk90eTVWNv3ByEEjFI94QVW5aQXuDpOB5SkH0jYJvTa=="  // plimsoll:allow
	betterStackToken = "Ue4SfsQwf4sPlpXq6KC2B3vm"  // gitleaks:allow
	ciBot = "ATBBZ60gnpzzcxmHZCa6IXoQK9TR7I1ZT7VU"  // gitleaks:allow
// pragma: allowlist nextline secret
	accessToken = "0.3b9956eb-a46b-56f9-bc2c-bcbc37d3ba5e.jl7rqKDfRLdUyF3LGCxT81vwo19Vdy:bsPgD15w6KKdsY5cf1U1jq=="
	fusionauthApiKey = "LvZXml5ARerNsGnZHl7c92k-vyZupiUjcKg7ntxyGbqT"  // pragma: allowlist secret
	clientSecret = "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"  // pragma: allowlist secret
	furyPushToken = "gbKYDdejn7V7WxnJzWMG"  // gitleaks:allow
// pragma: allowlist nextline secret
	hightouchApiKey = "c9bf8aba-999f-6674-b363-cb05d8b30902"
	logzioShippingToken = "BtFYSxYOcEQubDIolxNsiHgYBQUjAqbo"  // pragma: allowlist secret
	mzPassword = "postgres://svc%40acme.com:mzp_TRzUMentVfx7NmksM7hLwFB1Q3nZwXNQCZGNzT91Q7epfesQLOnsdUmI3WXQKgvX@abc.us-east-1.aws.materialize.cloud:6875/materialize"  // gitleaks:allow
// pragma: allowlist nextline secret
	session = "nfu_1gIwMcR6sWQq0KuWfvbZ9vPUkD1gQBZOf0jK"
	notionApiKey = "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"  // gitleaks:allow
	openaiApiKey = "sk-None-kzX5zIXFsyWf6qLFYJULsGJp4hSv7IAO8eUABs4Amx-lbv6mT3BlbkFJFEgsihAsnVT52utDKXKY5n4vHQYnhkeyj8VT_oZNm9XHkVBu"  // pragma: allowlist secret
// pragma: allowlist nextline secret
	accessToken = "pina_Nqatf8L86Lr0jUT_ZYR6FnQoq_MgaDro9mWK6LhX0qhd8Ps53WLHSW7IckWMtVHWVR-yPYJ3BQnpnd6zbRae0HJHo7cp53uOyqD8ilfpFQ12PVqZ89gOxx_7"
// pragma: allowlist nextline secret
	postmanKey = "PMAK-fe2f01ff71113b878a28ff94-13d8970549dfc67ae16cf4b37f86650527"
// pragma: allowlist nextline secret
	rancherToken = "token-1oxj0:w8fx1w53n54yjgt6c5irf8l9j3duifx9y5tu021k7pp59qz4tvfp0e"
	serpApiKey = "4caeea929f065f7c36549c164fec24ef42b11b6f798b111dadb534645ad8602b"  // gitleaks:allow
	statsigServerSecret = "secret-uLvigNKkHr9n8VCUgfdhvakvdPmLzkl9MZIGXBGEsvl"  // plimsoll:allow
// pragma: allowlist nextline secret
	twilioApiKey = "SK8beb1167b7ebdbacbfbf179c7692f731"
	vaultToken = "b.cEvAsZS7rbMqSf3uls3elbTG"  // pragma: allowlist secret
// pragma: allowlist nextline secret
	veracodeApiKeySecret = "470a13756d0313696e16f34042447a5d28e73b7edcc99a85c22432c3df164d00467d90fabed80b026d6f1c0d4799e9e9eceb3868f15a50156f566442aaffbe1d"
	bearerToken = "vck_ckOmGmCluCWbXQ6fJoXmqxpRWsgNt5eCXAxiIMfivkPEy42eXgjpXsM9"  // plimsoll:allow
	ycStorageSecretKey = "YCSW5IKXfGxgAIriCIiPdPJd5mKZNFpWeXfAY86g"  // gitleaks:allow
)
