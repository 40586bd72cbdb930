namespace Acme.Api
{
    public static class Secrets
    {
        public const string AirtablePersonalAccessToken = "patESPi6i1oXFiKmJ.da97a924c9742b81758d4f165ca7b0bc74ae56eb8082757615b54834164663c5";
        public const string SessionToken = "FQoGZXIvYXdzTlGPGg6esE33pNyXd1RN6Tflqq0+gDDCLG46QMl8X+zIoaROs9mI/lElKVHxbcajdR4X+nevJikWuCrGhU8uiUgbBqkzqPm7kBiOisiJQdyp0ro8KchEgekfRcHlrQPf1n7rWDqG9++RQMvX3Q9V7EyPa2TEBa4IKPc3hgrgKDbf805ivEpMJU7y/yHcIJQPntEja+pzwI9TISHFkguxtPyPTYLj7";
        public const string CohereApiKey = "xBKKB1lkeFnnEf424dS7JQjCzOfrchDpWcWWvoaP";
        public const string DiscordBotToken = "MQamJlvtEEflFWE4Gvr8ZMhiPM.YcdFfS.Qav_Y2LhqGCpLuVT2RihK005b6zKAqqAY-Vua6";
        public const string DropboxShortLivedAccessToken = "sl.E_-JcI0_H0MsIU71giY57uAtqXKeqUmkdAtLhkNc0xzIGP2lNPBvOW9Ag55YermuYyJAUwmvLVKlcUFU7ez1bc-Szc72X1Zli_WrIl2tdrBdpSdvAXvfQygIMv4Jllyfc1YlG7jJa6GGMpUCJ";
        public const string Secret = "a37ab7332c36a430098740e14bff9aed031a71d438e8c66179ab55b0df0f86dc";
        public const string FeedToken = "glft-WHCggqB7YJWO4F0TEa3m&due_date=next_month";
        public const string Token = "glpat-dlpnCPG7BdJ1lr8hirEUgpiChMm-vcd8FJcG_SGaJV.70.nnatv1kph";
        public const string Apikey = "AKCp5W5sRa2r67lUynMWbCvn441OWLCYP6Vi1A6jPHA6jny6XFjyOgaFXWPCFXdnaIjgqARZ1";
        public const string ClientSecret = "mdb_sa_sk_sUoIROjM_wb-BT9JutFzkogBsMiaLC5qhXO6lPeG";
        public const string NotionApiKey = "secret_rQ34oX1wNeaZVWaraXsPbv5lUZUGZc7q2q6ZapMDqyF";
        public const string PaypalSecret = "JK_2uRowG4fDh-WmR322l1rI3h3yzw3QbZtcTJvfgt0oeICgYlmEDaUH6Qx17jTeQvVT84aub6L5pvhU";
        public const string RavenDsn = "https://28ca2ad8937037d212197d23a52aa3b1:72d07049cef7f965d824a67951831f12@sentry.io/123456";
        public const string UserToken = "xoxp-164798249975-510439587997-1636710511769-f80628ed9f5b282dc211c84d86047492";
        public const string AccessToken = "EAAAsWF9K1aVelq1j_8Fyf3QHCrJOek2VvE-X8SMdPZqgbZmRGreQ1d3-cDJ_56p";
        public const string TwilioAuthToken = "AC1ed7056991c4e6051e2c5d0141e3b70a:a5bb4644a31dbbce9d4475eb8ac8f587";
        public const string UriMongodb = "mongodb://svc-orders:3SxnCBvhguBt@10.8.0.21:27017/orders";
    }
}
