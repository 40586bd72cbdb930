namespace Acme.Api
{
    public static class Secrets
    {
        public const string AblyApiKey = "0fy0fL.C-TKTJ:5oGrixqvHD87m0x6uiuaqtZopac2Ej4du62l3b44SC5";  // pragma: allowlist secret
// pragma: allowlist nextline secret
        public const string XApiKey = "sk-ant-admin01-x6KHlzoqgFM1KWJBsNy-y-3ykb4n_MB8EbFrDcmG_1iNgyuISghdMIc_J03slPIoOI9R2qadSqyt9Ra3ZATqF-GG-BQoCAA";
        public const string AppwriteApiKey = "standard_d34a38b107c25d8e245f9094a30cbf7e2aff0e3f511c123692decdde799f17ac18abc00a02675742df7c0d52f83846d5f5db9867928d30cd38aec915e7975433b949c4922de0265299e5879dda8e115f201182e2bde8d12ffdb4594be725034bd214b56706732eb360627c93e29bfbbb95ac766806efd48411f19dc29f9156e1";  // gitleaks:allow
        public const string JiraApiToken = "J6HnJs31zamPhZMxVxpPuZI5";  // pragma: allowlist secret
// pragma: allowlist nextline secret
        public const string MwsauthToken = "amzn.mws.0102abb5-d6a5-05bb-43d1-8c77bd482062";
        public const string EntraClientSecret = "h2iuhosF4PIbuawfMfhiXExDmyiHeVs8qPtytRFE";  // gitleaks:allow
        public const string AegSasKey = "16MS3zbSwRdXiycsHbU5xv7c1Bpc9zLYDAUS7vH8phJh330jOwlxJQQJ99s8rRkbB3tcQMMJiVmmAZEGEH9w";  // pragma: allowlist secret
// pragma: allowlist nextline secret
        public const string BugsnagApiKey = "1542e37701ed42401efcf4329ade78f3";
        public const string CfDnsApiToken = "nn-BJjGNXQoIa88m6CNRb1A5Lua-TAjaSFdCYGrf";  // plimsoll:allow
        public const string XAuthKey = "cfk_7Jzz41OgO8V189nAtdAFotyxmZk9yvEYF7z7boqv7b94q0g2";  // gitleaks:allow
        public const string ConsulAclToken = "b19d8370-a046-37f7-8f1c-cb64ea7f1c87";  // gitleaks:allow
// pragma: allowlist nextline secret
        public const string AccessToken = "ya29.d.vbCc8idMLY8Yka3z34wKc6aS7Z9qv-AtbVU_0NhDXVGOStOhfepZMBMLhL-u9N2Sbi5bvjRTcC7LZG9hvlzl05jkxXOAO2rcMRVtsRDemqYgagAa4yT23-rr";
// pragma: allowlist nextline secret
        public const string FeedToken = "glft-TKSxcqY0ZFMH7X5ZQn8r&due_date=next_month";
// pragma: allowlist nextline secret
        public const string HoneycombWritekey = "VqWzi1Mpr2nSOklIKhlXee";
        public const string InfisicalClientSecret = "c6ac82496e22f28828d9e67f2146ce916d09ab8fcca20ee32df3291848227e56";  // pragma: allowlist secret
// pragma: allowlist nextline secret
        public const string JinaApiKey = "jina_GwfM9LtCyt19C7XfCpnYlu2KSNaHNlcSCJhm1b02EqKHvT0YDto42GumlRgy";
// pragma: allowlist nextline secret
        public const string MandrillKey = "HbnhO31gRwrKfVQ7KTH1hH";
        public const string NewRelicRestApiKey = "X-Api-Key:NRRA-d11079c5508e15ab8946f3ef96a02817b47111ece9";  // pragma: allowlist secret
// pragma: allowlist nextline secret
        public const string OpenshiftToken = "sha256~mkS4-myClfGI-1IF3qMy9rP70o6HwltfXEPg-4sy1ab";
        public const string PdRoutingKey = "880467a25691bbfb8dc3c6a3c344e610";  // gitleaks:allow
        public const string AccessKey = "SCWXNZU61GJ3SURQ6C62";  // plimsoll:allow
// pragma: allowlist nextline secret
        public const string Password = "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";
        public const string WebhookUrl = "https://hooks.slack.com/services/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";  // pragma: allowlist secret
// pragma: allowlist nextline secret
        public const string Token = "VZ4u2EhNRQ47C5.atlasv1.SA67dkCVwu4a7Kxcd5jZZ9aS61ysam0EdMjqxI2AxN9cK8fG6wI5YZgfpKnA56ucFwZ";
        public const string TwilioAuthToken = "23cf8f64c6889b1e79d0cdf60a10f79f";  // pragma: allowlist secret
        public const string XAccessToken = "112538951817880413-g8MDa2YQKENOkVkA0GDifDvMzSXVe0YqeCkQf3h0";  // gitleaks:allow
    }
}
