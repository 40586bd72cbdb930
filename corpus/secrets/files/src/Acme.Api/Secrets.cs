namespace Acme.Api
{
    public static class Secrets
    {
        public const string AirtablePersonalAccessToken = "patESPi6i1oXFiKmJ.da97a924c9742b81758d4f165ca7b0bc74ae56eb8082757615b54834164663c5";
        public const string AppwriteApiKey = "standard_d83a78b764c95a7c278f5998a85cdf1e1eff3e6f254b861483decddd476e48ac41acc46a59969723ef8c5c76f50840f1f9db9812513a05ad18eec399b1989315b165d0405dd2880202e4364dda2a810c230085d3fde2d74ffbd2165ce168798bd790a69008819eb793162a87e17bfbcc61bb716815efd97476b63dc24e7496e1";
        public const string AzureBatchKey = "23gTao8CQESpqOcAj8GhEAc9DdhwklJiHHxare9Hl5v3GUgypwgE85VJJlJUd+iyyv8vJoCNKCQf+ABaXQt4zQ==";
        public const string AccessToken = "access_token$production$6001q5njgk8otlzp$3bf9c7fcd595a24ecea712a85499c4c7";
        public const string XAuthUserServiceKey = "v1.0-9c26dee7d6ea70fb67bff52b-39dcfdd59667c26c597f19a550a9bb16a2c72962fa3926984a2565aa98be58a2a26d79fe5758e9f3c4e48f7c2e8fd20a851c6523657987882ea19f0f8d4f19a7db4864cdd544a7b70e";
        public const string CC_TEST_REPORTER_ID = "33f5e704ad6872a1b20e4ba9eb120e7d47c37a4fd7460cafd7b0d9a5115d8b96";
        public const string CoverallsRepoToken = "Cj6uCxLqPKNKO2nQ60Ae3nhZRGDAHL6wZG7Z";
        public const string DropboxShortLivedAccessToken = "sl.E_-JcI0_H0MsIU71giY57uAtqXKeqUmkdAtLhkNc0xzIGP2lNPBvOW9Ag55YermuYyJAUwmvLVKlcUFU7ez1bc-Szc72X1Zli_WrIl2tdrBdpSdvAXvfQygIMv4Jllyfc1YlG7jJa6GGMpUCJ";
        public const string FlwSecretKey = "FLWSECK-72fa9552f7286fe7643e8e15f800870e-X";
        public const string GithubToken = "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";
        public const string GitlabRunnerAuthenticationToken = "glrt-u1_vqv3qfM7GcE5nYUbL5CX-dNUh5Z7-jvGfixie8k2XW.23.va0b8ur22";
        public const string HasuraGraphqlAdminSecret = "G462P!C2k#X*ZeQlp*eaSoEOIV5K";
        public const string JenkinsAuth = "deploy-bot:11e40d64ac0b1ad6960355584869ba6a95";
        public const string LinearAccessToken = "lin_oauth_a226ed0752278a69944cfeae1a95390d7122952434075d3ce490cd11ecd34a74";
        public const string NewRelicLicenseKey = "740a7e5cfd3c57e992d5724435bf177d6a04d867";
        public const string NotionApiKey = "secret_rQ34oX1wNeaZVWaraXsPbv5lUZUGZc7q2q6ZapMDqyF";
        public const string PaypalSecret = "JK_2uRowG4fDh-WmR322l1rI3h3yzw3QbZtcTJvfgt0oeICgYlmEDaUH6Qx17jTeQvVT84aub6L5pvhU";
        public const string QuayRobotToken = "RE37U444BOL90NH5WL3G7YJJGW89TPZUQW0VVQU5JY10IA71UVDB1YIMU89X2HQX";
        public const string ScalingoApiToken = "tk-us-_NKn8iRpPyU733YUfpk7pxltzdTr4q0oXqjBuVui3qPEiYCU";
        public const string SlackConfigRefreshToken = "xoxe-1-OI7jZgKvc3fi8ZKEz2nrV25G0uwt910qxjO1JK3clUm3LhqVmwo8iZ6WZ36A3GUI3bDmQOwF8v68Wv0sPZ7FStN09aHbUcCOtgaFlTniwMHXLP8LjjxUq3pK3VMvE7vQhLboV2JIE6Wuy64KSk";
        public const string SonarToken = "9f9f6330d88ceb7e9bfb9da14cd4aee92cf0072c";
        public const string StripePublishableKey = "pk_live_08O095fgQJiXZvc838sCvw1UfORgyeFd1fsu3Z2efewYEdpLH7zu23q6Dfag7jgDP1e5Y3nnxXEa6RFIEt9llc9SPw4G4DAZf1w";
        public const string TwilioSecret = "UzBMnAxTrSk9XLbDpchxEYHPSfCt7F32";
        public const string MysqlDsn = "root:L00*ZrIh4mM3=^kuX49J@unix(/var/run/mysqld/mysqld.sock";
        public const string Token = "y1_K0GcUjIVb2NHR7OEj-Yb1W0ckoY5PUrn9AX8cCCMg9FFUR6HRl_CeVa_sF";
    }
}
