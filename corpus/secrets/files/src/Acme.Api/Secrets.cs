namespace Acme.Api
{
    public static class Secrets
    {
        public const string AirtablePersonalAccessToken = "patESPi6i1oXFiKmJ.da97a924c9742b81758d4f165ca7b0bc74ae56eb8082757615b54834164663c5";
        public const string SessionToken = "FQoGZXIvYXdzTlGPGg6esE33pNyXd1RN6Tflqq0+gDDCLG46QMl8X+zIoaROs9mI/lElKVHxbcajdR4X+nevJikWuCrGhU8uiUgbBqkzqPm7kBiOisiJQdyp0ro8KchEgekfRcHlrQPf1n7rWDqG9++RQMvX3Q9V7EyPa2TEBa4IKPc3hgrgKDbf805ivEpMJU7y/yHcIJQPntEja+pzwI9TISHFkguxtPyPTYLj7";
        public const string CohereApiKey = "xBKKB1lkeFnnEf424dS7JQjCzOfrchDpWcWWvoaP";
        public const string DiscordBotToken = "MQamJlvtEEflFWE4Gvr8ZMhiPM.YcdFfS.Qav_Y2LhqGCpLuVT2RihK005b6zKAqqAY-Vua6";
        public const string DropboxShortLivedAccessToken = "sl.E_-JcI0_H0MsIU71giY57uAtqXKeqUmkdAtLhkNc0xzIGP2lNPBvOW9Ag55YermuYyJAUwmvLVKlcUFU7ez1bc-Szc72X1Zli_WrIl2tdrBdpSdvAXvfQygIMv4Jllyfc1YlG7jJa6GGMpUCJ";
        public const string ClientSecret = "aS7Ar4TyV7s7ztdHEMmS7xa-8sds3tsW6XUmWDxt";
        public const string FeedToken = "glft-WHCggqB7YJWO4F0TEa3m&due_date=next_month";
        public const string Token = "glpat-dlpnCPG7BdJ1lr8hirEUgpiChMm-vcd8FJcG_SGaJV.70.nnatv1kph";
        public const string AccessToken = "eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI5NTMyNDIwNyIsIm5hbWUiOiJzdmMtYmlsbGluZyIsImlhdCI6MTcwMzAwOTYwNSwiZXhwIjoxODA5NjY0NjQ2LCJzY29wZSI6ImFkbWluIiwianRpIjoiQnVsNTJ6TWlQanhDV1VXNiJ9.98PYhWCUOvfrabAXAd9zQvDjId2FE0dCY9FotdHkRbbR3u9a7xkancjYnrEGfZuGP8EyUDWNeY7rsCFuw9tSim";
        public const string ClientSecret = "mdb_sa_sk_sUoIROjM_wb-BT9JutFzkogBsMiaLC5qhXO6lPeG";
        public const string Auth = "secret_6yEwkwKCAGAJkUTEkZIQyHiDStNIZH22q9FXl2giXys";
        public const string AccessToken = "pscale_oauth_UgBBm19C4RA04diCF0clRtP4wGZJv556dWeWxj68gDi";
        public const string SCW_SECRET_KEY = "079e4412-fc23-2729-b530-d93c2891c433";
        public const string ApiSecretKey = "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";
        public const string AccessToken = "EAAAsWF9K1aVelq1j_8Fyf3QHCrJOek2VvE-X8SMdPZqgbZmRGreQ1d3-cDJ_56p";
        public const string TwilioApiKey = "SKa199dd8414d72ea8f6104922f850f9a3";
        public const string UriCredentials = "https://deploy:LmMbWNEUHsMyoBhprChB0ZigudO3wh1h@git.acme-corp.io/platform/infra.git";
        public const string ZendeskToken = "yfGZ9BKB3iYRxfRaxIIThyc3vhUSzziC43wwIZMf";
    }
}
