package main

// Credentials used by the sync job.
const (
// pragma: allowlist nextline secret
	asanaPat = "9/1225549277797628/3717398207734068:275a9d49f78b69138536faefaa328bd8"
	bedrockApiKey = "ABSKQmVkcm9ja0FQSUtleS2NVOtsODdFhP6OISgeOSDvBnE6GGK0SYhhANaeCcW2MQUtO9OuBl1RRLQxk4DNHNummy8sxNTOzWxMk90eTVWNv3ByEEjFI94QVW5aQXuDpOB5SkH0jYJvTa=="  // gitleaks:allow
	betterStackToken = "Ue4SfsQwf4sPlpXq6KC2B3vm"  // plimsoll:allow
	ciBot = "ATBBZ60gnpzzcxmHZCa6IXoQK9TR7I1ZT7VU"  // pragma: allowlist secret
	accessToken = "0.3b9956eb-a46b-56f9-bc2c-bcbc37d3ba5e.jl7rqKDfRLdUyF3LGCxT81vwo19Vdy:bsPgD15w6KKdsY5cf1U1jq=="  // plimsoll:allow
	clientSecret = "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"  // plimsoll:allow
	logzioShippingToken = "BtFYSxYOcEQubDIolxNsiHgYBQUjAqbo"  // pragma: allowlist secret
	session = "nfu_1gIwMcR6sWQq0KuWfvbZ9vPUkD1gQBZOf0jK"  // gitleaks:allow
	notionApiKey = "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"  // pragma: allowlist secret
// pragma: allowlist nextline secret
	openaiApiKey = "sk-None-kzX5zIXFsyWf6qLFYJULsGJp4hSv7IAO8eUABs4Amx-lbv6mT3BlbkFJFEgsihAsnVT52utDKXKY5n4vHQYnhkeyj8VT_oZNm9XHkVBu"
	postmanKey = "PMAK-fe2f01ff71113b878a28ff94-13d8970549dfc67ae16cf4b37f86650527"  // pragma: allowlist secret
	rancherToken = "token-1oxj0:w8fx1w53n54yjgt6c5irf8l9j3duifx9y5tu021k7pp59qz4tvfp0e"  // plimsoll:allow
	twilioApiKey = "SK8beb1167b7ebdbacbfbf179c7692f731"  // plimsoll:allow
	vaultToken = "b.cEvAsZS7rbMqSf3uls3elbTG"  // gitleaks:allow
	bearerToken = "vck_ckOmGmCluCWbXQ6fJoXmqxpRWsgNt5eCXAxiIMfivkPEy42eXgjpXsM9"  // gitleaks:allow
	ycStorageSecretKey = "YCSW5IKXfGxgAIriCIiPdPJd5mKZNFpWeXfAY86g"  // pragma: allowlist secret
)
