namespace Acme.Api
{
    public static class Secrets
    {
        public const string AirtablePersonalAccessToken = "patESPi6i1oXFiKmJ.da97a924c9742b81758d4f165ca7b0bc74ae56eb8082757615b54834164663c5";
        public const string SecretAccessKey = "FTI2nqR/4ZMEE9J+KZEgAu4/aDU2bCO7Fc1Ee1N7";
        public const string AzureBatchKey = "23gTao8CQESpqOcAj8GhEAc9DdhwklJiHHxare9Hl5v3GUgypwgE85VJJlJUd+iyyv8vJoCNKCQf+ABaXQt4zQ==";
        public const string AccessToken = "access_token$production$6001q5njgk8otlzp$3bf9c7fcd595a24ecea712a85499c4c7";
        public const string CF_API_KEY = "3aa9ce0983c7ded58c92e112c717d1ca563d5";
        public const string DiscordBotToken = "MQamJlvtEEflFWE4Gvr8ZMhiPM.YcdFfS.Qav_Y2LhqGCpLuVT2RihK005b6zKAqqAY-Vua6";
        public const string DropboxShortLivedAccessToken = "sl.E_-JcI0_H0MsIU71giY57uAtqXKeqUmkdAtLhkNc0xzIGP2lNPBvOW9Ag55YermuYyJAUwmvLVKlcUFU7ez1bc-Szc72X1Zli_WrIl2tdrBdpSdvAXvfQygIMv4Jllyfc1YlG7jJa6GGMpUCJ";
        public const string FastlyKey = "dZ1TPrKO8hgB-Hw1E708HoXuZvFL1uY-";
        public const string RefreshToken = "1//0yz5oFkpdZl8nKKhSqRVJbsuBH5voQua3uBXYj8-UmlvIMow9HGI65veZ1r6GrLKRAuyr1NoUv2BEwQ2CGqFunFxNvmNH7b1KCzZ";
        public const string FeedToken = "glft-WHCggqB7YJWO4F0TEa3m&due_date=next_month";
        public const string GrafanaApiKey = "eyJrIjoiLFfJHKj8B8eItcNiPOE6JMSKFClbK34cwYGiK5AUitApSCJqAgqsF9unSXGauI18OhkwpDOjGyV6pG==";
        public const string YoutrackToken = "perm:KX2hoIX6C8i=.rSHaGsS9.BIECS19bfI6oJDnxXuovftOEUCuCtc";
        public const string LinearAccessToken = "lin_oauth_a226ed0752278a69944cfeae1a95390d7122952434075d3ce490cd11ecd34a74";
        public const string NewRelicLicenseKey = "740a7e5cfd3c57e992d5724435bf177d6a04d867";
        public const string XOctopusApiKey = "API-YTBACWM8Y3OHBO7P5PFJUB0TUJPDFN";
        public const string PostmanKey = "PMAK-ce2a36de55283f013a73fd06-06d9141247dac26be46ce7b94f07259755";
        public const string ReadmeApiKey = "rdme_k6n0mtlrzdy89t0hfizxj4fsu7xjxd1gf1a62c5gkwrfhxu5we97hb42jf0y1p6z8ja7jg";
        public const string XShopifyAccessToken = "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";
        public const string SlackWorkflowWebhookUrl = "https://hooks.slack.com/triggers/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";
        public const string SRC_ACCESS_TOKEN = "76e73f03306d45c73933ddc387ed799a1cd157fe";
        public const string TencentSecretId = "AKIDADxYS4ZTPtB5A5pLiJ3gMmsgiv09idxH";
        public const string UriFtp = "ftps://reports:caoZS*xRSyW28hmJmBAV@ftp.acme-corp.io/outgoing/";
        public const string VercelAuthToken = "PPwHbTi9aPTXMl3OFMLjvhtN";
        public const string Token = "y1_K0GcUjIVb2NHR7OEj-Yb1W0ckoY5PUrn9AX8cCCMg9FFUR6HRl_CeVa_sF";
    }
}
