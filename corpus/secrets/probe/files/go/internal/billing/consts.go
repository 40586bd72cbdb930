package billing

const JiraEncryptionKey = "4e978996483f990d54f78bf7f243bed02c4caae4"
const sessionSecret = "88479170ee6ca46b9c75c500322bbc6ca1fe481e3d7cbe51d29f83097a7c477f"
const ZendeskInternalWebhookSecret = "gAnHta_K50xQnS8t#"
const pwd = "de73b124-84ca-4e6b-aac6-03bf54330ace"
const credentialsContentful = "REDACTED"
const SecretKey = "%API_KEY%"
const JwtSecret = "s3cr3t"
const CommitSha = "fab5acdd7e20f9694eb5d98aa28dc321d8df04cd"
