namespace Acme.Api
{
    public static class Secrets
    {
        public const string AirtablePersonalAccessToken = "patESPi6i1oXFiKmJ.da97a924c9742b81758d4f165ca7b0bc74ae56eb8082757615b54834164663c5";
        public const string AppwriteApiKey = "standard_d83a78b764c95a7c278f5998a85cdf1e1eff3e6f254b861483decddd476e48ac41acc46a59969723ef8c5c76f50840f1f9db9812513a05ad18eec399b1989315b165d0405dd2880202e4364dda2a810c230085d3fde2d74ffbd2165ce168798bd790a69008819eb793162a87e17bfbcc61bb716815efd97476b63dc24e7496e1";
        public const string SessionToken = "FQoGZXIvYXdzTlGPGg6esE33pNyXd1RN6Tflqq0+gDDCLG46QMl8X+zIoaROs9mI/lElKVHxbcajdR4X+nevJikWuCrGhU8uiUgbBqkzqPm7kBiOisiJQdyp0ro8KchEgekfRcHlrQPf1n7rWDqG9++RQMvX3Q9V7EyPa2TEBa4IKPc3hgrgKDbf805ivEpMJU7y/yHcIJQPntEja+pzwI9TISHFkguxtPyPTYLj7";
        public const string EventHubKey = "P6Wx4waPWsLXxrDmcwkO+7GTHlK5G3LDr+AEhi9Rwkw=";
        public const string SmtpPassword = "xsmtpsib-078025b55baafe4c88fd0462a332145971d4027049731a32582b147be588f3f5-Ed8RGKrqVozCtyaC";
        public const string ApiKey = "csk-zr2j5c4u3rty11dg9knwfsphgb4chkk2alfcnm9sqcwz6lp6";
        public const string ClickhouseKeySecret = "4b1daoEA6r5F6M6zPhrxIG5KSF35zeTO0Dv1fM";
        public const string ConvexDeployKey = "prod:bfped-cixdv-210|omEAHs3xZMPNkY_eN0K4YDvJ7HJWp_t76fwoyplPDmUaaon-h7T7FyOicOvmuNNeA3lscLNSGKtU0vTurOxQRHPHFFcBg";
        public const string DeepseekApiKey = "sk-62247babdc656c8b5ac2c1b4524d8109";
        public const string DropboxShortLivedAccessToken = "sl.E_-JcI0_H0MsIU71giY57uAtqXKeqUmkdAtLhkNc0xzIGP2lNPBvOW9Ag55YermuYyJAUwmvLVKlcUFU7ez1bc-Szc72X1Zli_WrIl2tdrBdpSdvAXvfQygIMv4Jllyfc1YlG7jJa6GGMpUCJ";
        public const string FastlyKey = "dZ1TPrKO8hgB-Hw1E708HoXuZvFL1uY-";
        public const string AccessToken = "uPbkEg2GrmJT4eFJNeFsN25";
        public const string stream_chat_secret = "i7zqanfqfv238qrcvrsp5z0q37ohilbjhgn7p90qxtyei9cuf9v1kxi4cdl5z91d";
        public const string Token = "glpat-dlpnCPG7BdJ1lr8hirEUgpiChMm-vcd8FJcG_SGaJV.70.nnatv1kph";
        public const string HasuraGraphqlAdminSecret = "G462P!C2k#X*ZeQlp*eaSoEOIV5K";
        public const string IntercomAccessToken = "dG9rObL6SwJ7SvQdJVZtBcCnTQseKE64SpDdIUnyIQC7CCu0NMT8GDasYwB=";
        public const string IpinfoToken = "9a1d60e77bb8aa";
        public const string LinearAccessToken = "lin_oauth_a226ed0752278a69944cfeae1a95390d7122952434075d3ce490cd11ecd34a74";
        public const string MattermostBotToken = "y06bef1eujlm4gmwkf9ul7qc5t";
        public const string MattermostWebhookUrl = "https://mattermost.okrc.up/hooks/f8c3frzrb8t844mk242mgp0ooe";
        public const string NewRelicLicenseKey = "740a7e5cfd3c57e992d5724435bf177d6a04d867";
        public const string OktaApiToken = "00Uv2_AcGW11qLqHIdKC_H5dJLLJTJ5xqwgChoCfKm";
        public const string PaypalSecret = "JK_2uRowG4fDh-WmR322l1rI3h3yzw3QbZtcTJvfgt0oeICgYlmEDaUH6Qx17jTeQvVT84aub6L5pvhU";
        public const string AccessToken = "pscale_oauth_UgBBm19C4RA04diCF0clRtP4wGZJv556dWeWxj68gDi";
        public const string QuayRobotToken = "RE37U444BOL90NH5WL3G7YJJGW89TPZUQW0VVQU5JY10IA71UVDB1YIMU89X2HQX";
        public const string Authorization = "rpa_5B32Y60IW5LXJW0IS6VZ4PNHXT3TCN0A2Q7RRENSY60W";
        public const string XShopifyAccessToken = "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";
        public const string SlackConfigRefreshToken = "xoxe-1-OI7jZgKvc3fi8ZKEz2nrV25G0uwt910qxjO1JK3clUm3LhqVmwo8iZ6WZ36A3GUI3bDmQOwF8v68Wv0sPZ7FStN09aHbUcCOtgaFlTniwMHXLP8LjjxUq3pK3VMvE7vQhLboV2JIE6Wuy64KSk";
        public const string SonarLogin = "sqa_53ed7f6f5a3a71c0ac43296dd1b2fec583750e45";
        public const string StripePublishableKey = "pk_live_08O095fgQJiXZvc838sCvw1UfORgyeFd1fsu3Z2efewYEdpLH7zu23q6Dfag7jgDP1e5Y3nnxXEa6RFIEt9llc9SPw4G4DAZf1w";
        public const string TravisApiToken = "eevs-MCuCpoNJEmw8sxYgF";
        public const string QstashCurrentSigningKey = "sig_dzXUupguE7iSm2jgfmFTgB5YILKg";
        public const string MysqlDsn = "root:L00*ZrIh4mM3=^kuX49J@unix(/var/run/mysqld/mysqld.sock";
        public const string VoyageApiKey = "pa-9LE7J7rXE_5Axtf8_20M5jDCkPQgI2d8Vd7ZBQUqssi";
        public const string XenditSecretKey = "xnd_production_efSYPFOh3X81T2cYlym7ZmuIjkEBsFWPMG18uL4FjfFEPJG0PCmsHzOmsbWC";
    }
}
