namespace Acme.Api
{
    public static class Secrets
    {
        public const string AirtableApiKey = "keyZK9xHCmG8VYN9p";
        public const string AccessKeySecret = "NzjzNauMlHZcPxyiwIbrmsft1HFDuN";
        public const string AwsBedrockShortTermApiKey = "bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29tBu0VB0Knw992B8VbxZjdkZlHRFTeEJYMy5gkksIBYBSafm8XsRzmfjm9sP91JQhPAA0LXVLVQWYXLXG9DqZLGKJxkt1VtmFcLI30pSEpDYLNOJBNTkAFXaSVYajOObyBGRTTNIEAVrBuYpYwGGVwSvP5jn5sXVD8BWVpAiTmCXDpe5HzHXLJYJfkES6wYVY5BUH0AwcnWB82IGHrpPL5CgFsTcTuHXCAJSWbAMRoQhPHQWDrqn1KcOHpmfQkHZQhFfWrCpyaEQ26VHVyF9CnvMW7FXCgx8SxMUtYc8bjD6icPdRczSmyGgjqJmbZN8vdMrpfnWQ5KoJUJGUqDRHxyUD0hzUIeGOSpENDqwKEI7RZI3Y2QSD2O7nsWEZuXLiCX6ISVIMdL40DPFFxHWMPCBBrRC97QWzRcmELRWPxcy2ZxWmeWCE7niJ5BXDgSWB3NVVyKJH1TwYfVTQcAWkqDuv1DbM1BIZnFZgtSubtCsS7OHRuFGw2TNq2UmMyNjC6FGd1LTN2ZIcqSrOCSGGbwC4mJGX=";
        public const string EventgridKey = "2fYgmIYXYe3BEuqKw96WCfeSGax8SAK4G3CxnC3VcGJmm9EHhgFhJQQJ996VdImUSZd2YLktqVyZAZEG6O4X";
        public const string AccessToken = "access_token$production$6001q5njgk8otlzp$3bf9c7fcd595a24ecea712a85499c4c7";
        public const string ApiKey = "csk-zr2j5c4u3rty11dg9knwfsphgb4chkk2alfcnm9sqcwz6lp6";
        public const string ClickhouseKeySecret = "4b1daoEA6r5F6M6zPhrxIG5KSF35zeTO0Dv1fM";
        public const string CC_TEST_REPORTER_ID = "33f5e704ad6872a1b20e4ba9eb120e7d47c37a4fd7460cafd7b0d9a5115d8b96";
        public const string CoverallsRepoToken = "Cj6uCxLqPKNKO2nQ60Ae3nhZRGDAHL6wZG7Z";
        public const string DiscordClientSecret = "9ND0n4pMklI05DOKmgylU6qKzPb55msP";
        public const string DropboxShortLivedAccessToken = "sl.E_-JcI0_H0MsIU71giY57uAtqXKeqUmkdAtLhkNc0xzIGP2lNPBvOW9Ag55YermuYyJAUwmvLVKlcUFU7ez1bc-Szc72X1Zli_WrIl2tdrBdpSdvAXvfQygIMv4Jllyfc1YlG7jJa6GGMpUCJ";
        public const string FastlyKey = "dZ1TPrKO8hgB-Hw1E708HoXuZvFL1uY-";
        public const string GiteaToken = "d97b2259049459337b4b56b017c74669d2a67b19";
        public const string InstanceId = "glffct-YLhY11Olda0_gP_EFfHR";
        public const string Token = "glpat-dlpnCPG7BdJ1lr8hirEUgpiChMm-vcd8FJcG_SGaJV.70.nnatv1kph";
        public const string HasuraGraphqlAdminSecret = "G462P!C2k#X*ZeQlp*eaSoEOIV5K";
        public const string IntercomAccessToken = "dG9rObL6SwJ7SvQdJVZtBcCnTQseKE64SpDdIUnyIQC7CCu0NMT8GDasYwB=";
        public const string IpinfoToken = "9a1d60e77bb8aa";
        public const string LineChannelAccessToken = "aLHegipgwlWyRCcndzGz92DVlre+svWgNd0YUPAlbqPGVz2XYMgn88evRkW2xpq1RVA/izVy/8Yd/LWhkVNEG2MeH9wqXtjiBCxDnObB00O4nY2ytrsFvTVkDngylv9HnoeK5ZHe/lu3/I1IDbpAyS+eUwWU4DnHbsZm8fFVTB7=";
        public const string MgSigningKey = "key-3dc04d75bda00e128ef45da5c37176e9";
        public const string MongodbAtlasPrivateKey = "fa0d6018-08ce-7fad-f93c-f85783c047ed";
        public const string NewRelicRestApiKey = "NRRA-8a695c45139e3247116fe8669f0bbef14ea604f200";
        public const string OnesignalApiKey = "os_v2_app_yjedijzhwqxgzgqxujrcm2vlmmdotgijcwoqiji57afkoomziztvhthc35em4ezfr2yivjgxkcbu7lark3m25wj464z52auv5jmjqmuyzy6v6ad3l";
        public const string PagerdutyIntegrationKey = "5a7ff179bb63110016e001d8aa478eab";
        public const string AccessToken = "pscale_oauth_UgBBm19C4RA04diCF0clRtP4wGZJv556dWeWxj68gDi";
        public const string PusherAppSecret = "7e3337f15a9996a931fc";
        public const string RollbarAccessToken = "526ea323ecad2752235f949c2014f6d8";
        public const string ScalingoApiToken = "tk-us-_NKn8iRpPyU733YUfpk7pxltzdTr4q0oXqjBuVui3qPEiYCU";
        public const string SinchApiToken = "dd4ba546d5543fa5dd1bce51d6d70ff5";
        public const string SlackWorkflowWebhookUrl = "https://hooks.slack.com/triggers/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";
        public const string ApiKey = "hawk.Ndlt7BJmAdlxbvWLZXXX.9OhVtilMhwI3osEMoO0C";
        public const string TelegramBotToken = "1879954336:AAqi2PIXOmkVkDNQJ49JKB9zGDhMKaCaT9Q";
        public const string TwilioAuthToken = "1bbaf397ae7437f9dafa90a0924c0003";
        public const string TypesenseAdminApiKey = "h9lUr6kpGhPzpG9WZXiNe6OY7s5F2u77";
        public const string MysqlDsn = "root:L00*ZrIh4mM3=^kuX49J@unix(/var/run/mysqld/mysqld.sock";
        public const string VoyageApiKey = "pa-9LE7J7rXE_5Axtf8_20M5jDCkPQgI2d8Vd7ZBQUqssi";
        public const string XenditSecretKey = "xnd_production_efSYPFOh3X81T2cYlym7ZmuIjkEBsFWPMG18uL4FjfFEPJG0PCmsHzOmsbWC";
    }
}
