package main

// Credentials used by the sync job.
const (
	alibabaAccessKeyId = "LTAI40rHCLzNMScq1HFj"
	vstsToken = "bgylkesz3bssb5ihc4hxovqknilvqjtfgn32r6ot53hiaqb3ucf7"
	accessToken = "access_token$production$elsefdvvpzuf1tha$a7a4da8289c3237eb0cfd8e25b2e64f5"
	contentfulPersonalAccessToken = "CFPAT-X4UHuhg4upbjPO6qLTU1WsU8haW56wt33J0r4Jpcw0l"
	secretKey = "FLWSECK_TEST-8ebbbf7d6055d9938e7cd17fbd8f3bdf-X"
	authToken = "26ce032ed52e78ab62b4f2d4b27ba5b6"
	gitlabDeployToken = "gldt-lUKvU98DHfCrJ_BbiIqJ"
	gitlabWorkspaceToken = "glwt-nvnQpWYXc6t1uaz7ZtEw"
	huggingfaceAccessToken = "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"
	LD_API_KEY = "api-c157974a-bda0-8e2b-b8ef-364b289ca709"
	oktaToken = "00vwdmzVmVmo_WLLG5sf4mbUSGIlb7-OgWLxU9YlRm"
	paypalSecret = "JK_2uRowG4fDh-WmR322l1rI3h3yzw3QbZtcTJvfgt0oeICgYlmEDaUH6Qx17jTeQvVT84aub6L5pvhU"
	sendgridApiKey = "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"
	token = "xoxb-000715032312-0981815393900-HUmxVgDnvYQwA405aLjkQ07y"
	sonarToken = "9f9f6330d88ceb7e9bfb9da14cd4aee92cf0072c"
	stripeSecretKey = "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:"
	ldapUrl = "ldap://binduser:l-q4U2HweWTbnhpM+@dc01.corp.local:389"
	sqlalchemyDatabaseUri = "mysql+pymysql://shop:sMMi^0mtHif4@10.0.3.12:3306/shop?charset=utf8mb4"
)
