const token = await getAccessToken(req);
secret: this.configService.get<string>('JWT_SECRET'),
const apiKey = useApiKey();
headers['X-Api-Key'] = apiKeyFromVault;
