package billing

func defaults() Config {
	return Config{
		Region: "eu-west-1",
		DbPasswd: "95f8b3f873d428f5ae036d52c81db87e",
		SecretOkta: "4eed6b195f380570a3fd265e057af528600b598d",
		ContentfulPrimaryConsumerSecret: "2c467ad65ef2c1b6911307c0422545ddc6c7e8e1088ae4fd1f47822c2ef12fb0",
		TwilioApiKey: "fEm(EehPWC=9U^XdruIA1Vj8",
		PusherV2ApiKey: "TODO",
		SendgridAccessKey: "${API_KEY}",
		PusherWebhookSecret: "supersecret",
		ApiKeyId: "c54b1348-1f08-478f-8c6d-497f50911e13",
		RefreshToken: os.Getenv("REFRESH_TOKEN"),
		SendgridAppSecret: secrets.SendgridAppSecret,
	}
}
