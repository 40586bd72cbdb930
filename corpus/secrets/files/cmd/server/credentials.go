package main

// Credentials used by the sync job.
const (
	agePluginIdentity = "AGE-PLUGIN-ENYGNUE-10X89GTVKC5FAN9J5SUFCPZM7AN8TNS8XR5E4JRQS0F3XV"
	speechKey = "TSRABOfT4uNB0cilpqcdhhI0JvICYVefSCN5cZsgwUISGQTOcwLSJQQJ99PRJJvYGKSU6dr43S8lACOGsx7O"
	vstsToken = "bgylkesz3bssb5ihc4hxovqknilvqjtfgn32r6ot53hiaqb3ucf7"
	bitwardenMachineAccountAccessToken = "0.62e3c183-0689-0f5e-b1e8-e0e7cd7f07f3.Ly0l8qHyFpx518jp6yt08yNfux7JaO:yv8JjetGx7MSGsLvK43t6z=="
	CF_API_TOKEN = "zWln_IUeNIj5FWbtHm6n9k-zRFCICNti5TW4fGdy"
	token = "dapifbb6c0dd16a9be146ff286efb237352d-8"
	facebookAccessToken = "EAASXYnkp7IShjnbdo94L9zRpDORGLzQU0NZOvGsBIjLpVV1NfGrI2MDEDUVryJcB3NtHjLAy6KB80Uvf71pI4tvpSXKY4yGHGFyhBUY97LzZlncMgAiEY42Du9SEDZ510UE19uOVKFbolmhRNaGPogNjnKirxmkevMWNTWyrJwEMiNO48NtWA5Q"
	frameioToken = "fio-u-v5IfHPVB8DvUBFLbRWHnh1ncwj0Zn731-rAJhTi78mlM29lDldo1i5Vxt-IzQk0d"
	githubOauthToken = "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"
	gitlabDeployToken = "gldt-lUKvU98DHfCrJ_BbiIqJ"
	hcpClientSecret = "ZCMQz0cT3Vpo31iOR8eXg247oghJgeYGS1cK_SO1xP1U8yBTXwMsie8T9IuIURO9"
	artifactoryPassword = "AKCp87TjTrCAu0YhH2HcsyJIeHwffipO7epf80dbrFg6JbOEK5sICrzFXosXDJ9x4KZriNfEe"
	LD_API_KEY = "api-c157974a-bda0-8e2b-b8ef-364b289ca709"
	mongodbAtlasPrivateKey = "9f2b1361-ff31-2d7e-39da-be916d71700a"
	openaiKey = "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"
	xApiKey = "PMAK-d6ece6c7e50a3fc9d40cd3c7-589ebfcdda9eceaf801854fc9afba8d247"
	railwayApiToken = "69f2b74d-868b-3ad5-6801-78d4c4313f63"
	shippoLiveApiToken = "shippo_live_a6c5b06080c7a43d57444c31e92a50b1d017bc28"
	token = "xoxb-000715032312-0981815393900-HUmxVgDnvYQwA405aLjkQ07y"
	snykApiKey = "5d372175-f797-5185-a416-94372c3b6913"
	stripeSecretKey = "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:"
	twilioApiKeySecret = "iihwWY8w7DTp0PUj6WbTcAuO8EkW935d"
	vaultToken = "s.1UAw1iOwnAF06juLvINP8pHP"
	YC_STORAGE_SECRET_KEY = "YCIQ9IWKeKaeLQehCDfNpEBe0iAVLTtJdPdRU19i"
)
