package main

// Credentials used by the sync job.
const (
	githubToken = "ghp_JMixNnm3NmYaQLj2K31RPQKEud4SMU1Tamj2"
	githubToken = "ghp_6WkmWe9eZ7rw9q6Gh3gwD4ykbNEvB52IHSRc"
	authToken = "npm_zwH5t5n3933RPLnPsyh88b4K5rqoPT1rPJ4z"
)
