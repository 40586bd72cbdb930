package main

// Credentials used by the sync job.
const (
	alibabaAccessKeyId = "LTAI40rHCLzNMScq1HFj"
	vstsToken = "bgylkesz3bssb5ihc4hxovqknilvqjtfgn32r6ot53hiaqb3ucf7"
	accessToken = "access_token$production$elsefdvvpzuf1tha$a7a4da8289c3237eb0cfd8e25b2e64f5"
	contentfulPersonalAccessToken = "CFPAT-X4UHuhg4upbjPO6qLTU1WsU8haW56wt33J0r4Jpcw0l"
	facebookSecret = "59fad6143f96306b50c2fc68dc481c95"
	secretKey = "vciypg-bzicrsag-gucxq+zpv95l-$9tqua4@(nl+50(q_4+4%++pct4ur+=i9n8bf"
	gitlabDeployToken = "gldt-lUKvU98DHfCrJ_BbiIqJ"
	gitlabWorkspaceToken = "glwt-nvnQpWYXc6t1uaz7ZtEw"
	huggingfaceAccessToken = "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"
	LD_API_KEY = "api-c157974a-bda0-8e2b-b8ef-364b289ca709"
	newrelicLicenseKey = "1bbc10dbb7e63bc23770073cb810b602122dNRAL"
	xApiKey = "PMAK-d6ece6c7e50a3fc9d40cd3c7-589ebfcdda9eceaf801854fc9afba8d247"
	token = "sntrys_eyJmLCFqBlE3DGJfDyJ9WHZqAVlyDBG1DCF1nqmrSmHyvXUmlmdqT8BlddRatW6xriWpTwJiL3agbu35epzaDdQwmGBivvjaX0AkKsNmbcPotD5ohhFqGv3dSeW0Di8iDqyyEPS1_jv1wkUICoXJHzBJIAvft4ZzxdCJqK8p6MyS5CoTFoe9"
	token = "xoxb-000715032312-0981815393900-HUmxVgDnvYQwA405aLjkQ07y"
	sonarToken = "9f9f6330d88ceb7e9bfb9da14cd4aee92cf0072c"
	stripeSecretKey = "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:"
	dbUrl = "mssql://app:O+z5CulBn~wLYpZ3@acme-sql.database.windows.net:1433/app?encrypt=true"
	zendeskApiToken = "ops@acme.io/token:fX8gYFWa1jwTkKdbzdyOytWKnbj0dxmo18BKLg4G"
)
