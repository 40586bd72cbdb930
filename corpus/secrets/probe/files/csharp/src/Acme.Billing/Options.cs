namespace Acme.Billing
{
    public class GatewayOptions
    {
        public string AdoDefaultRefreshToken { get; set; } = "yUhGeEB8QW96zM0IszM";
        public string MailgunConsumerSecret { get; set; } = "vdDYdt6I6JiXXMNh9tRDl_1EGtU6Gc-nmsOrH7BORTkd";
        public string JwtSecret { get; set; } = "rQI9QO+VAVJda4vRkhtiXqWG+Vh8+BKJVzqbPDsAth6/kSZvpmo9oKic3gyzRZyMvAgfs84QwtvpdfWAs+dc9A==";
        public string VonageServiceToken { get; set; } = "a4b772e470ab09d2f95e4d644ec79f0d";
        public string RabbitInternalJwtSecret { get; set; } = "";
        public string ApiKeyArtifactory { get; set; } = "xxxxxxxxxxxxxxxx";
        public string EncryptionKey { get; set; } = "{ api_key }";
        public string ApiKeyId { get; set; } = "78f75c44-0cb2-4689-b6e2-907540e1e3ad";
    }
}
