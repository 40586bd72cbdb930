namespace Acme.Api
{
    public static class Secrets
    {
        public const string AblyApiKey = "0fy0fL.C-TKTJ:5oGrixqvHD87m0x6uiuaqtZopac2Ej4du62l3b44SC5";  // pragma: allowlist secret
        public const string Url = "https://eth-mainnet.g.alchemy.com/v2/tRHiAgvZYKEQWNUuvLec4xCdHBZcsZID";  // pragma: allowlist secret
        public const string XApiKey = "sk-ant-admin01-x6KHlzoqgFM1KWJBsNy-y-3ykb4n_MB8EbFrDcmG_1iNgyuISghdMIc_J03slPIoOI9R2qadSqyt9Ra3ZATqF-GG-BQoCAA";  // plimsoll:allow
        public const string ApolloKey = "user:gf.famc-yat:inqhUSwFaWLXdaui6MRNat";  // plimsoll:allow
        public const string AppwriteApiKey = "standard_d34a38b107c25d8e245f9094a30cbf7e2aff0e3f511c123692decdde799f17ac18abc00a02675742df7c0d52f83846d5f5db9867928d30cd38aec915e7975433b949c4922de0265299e5879dda8e115f201182e2bde8d12ffdb4594be725034bd214b56706732eb360627c93e29bfbbb95ac766806efd48411f19dc29f9156e1";  // gitleaks:allow
// pragma: allowlist nextline secret
        public const string JiraApiToken = "J6HnJs31zamPhZMxVxpPuZI5";
        public const string MwsauthToken = "amzn.mws.0102abb5-d6a5-05bb-43d1-8c77bd482062";  // pragma: allowlist secret
        public const string EntraClientSecret = "h2iuhosF4PIbuawfMfhiXExDmyiHeVs8qPtytRFE";  // plimsoll:allow
        public const string AegSasKey = "16MS3zbSwRdXiycsHbU5xv7c1Bpc9zLYDAUS7vH8phJh330jOwlxJQQJ99s8rRkbB3tcQMMJiVmmAZEGEH9w";  // gitleaks:allow
// pragma: allowlist nextline secret
        public const string BugsnagApiKey = "1542e37701ed42401efcf4329ade78f3";
        public const string CfDnsApiToken = "nn-BJjGNXQoIa88m6CNRb1A5Lua-TAjaSFdCYGrf";  // pragma: allowlist secret
// pragma: allowlist nextline secret
        public const string XAuthKey = "cfk_7Jzz41OgO8V189nAtdAFotyxmZk9yvEYF7z7boqv7b94q0g2";
        public const string CometApiKey = "wGkALnxMDOeKUbHSRKMrm76p4";  // plimsoll:allow
        public const string ConsulAclToken = "b19d8370-a046-37f7-8f1c-cb64ea7f1c87";  // plimsoll:allow
        public const string DatocmsApiToken = "00edb2704b2e3cbe5ab39b15050b00";  // plimsoll:allow
        public const string AccessToken = "ya29.d.vbCc8idMLY8Yka3z34wKc6aS7Z9qv-AtbVU_0NhDXVGOStOhfepZMBMLhL-u9N2Sbi5bvjRTcC7LZG9hvlzl05jkxXOAO2rcMRVtsRDemqYgagAa4yT23-rr";  // gitleaks:allow
        public const string FeedToken = "glft-TKSxcqY0ZFMH7X5ZQn8r&due_date=next_month";  // pragma: allowlist secret
        public const string HoneycombWritekey = "VqWzi1Mpr2nSOklIKhlXee";  // gitleaks:allow
        public const string InfisicalClientSecret = "c6ac82496e22f28828d9e67f2146ce916d09ab8fcca20ee32df3291848227e56";  // plimsoll:allow
        public const string InfuraApiKey = "https://mainnet.infura.io/v3/7d0db399b85ebc8d8a27dfe346f458d1";  // plimsoll:allow
        public const string SigningKey = "signkey-branch-f45763175f3fc658e6d760e1256cea32ca6fd2e5d1a38062879257badc9e07d9";  // gitleaks:allow
        public const string JinaApiKey = "jina_GwfM9LtCyt19C7XfCpnYlu2KSNaHNlcSCJhm1b02EqKHvT0YDto42GumlRgy";  // pragma: allowlist secret
// pragma: allowlist nextline secret
        public const string AppKey = "base64:rct/sOBEVbKHzgkZODyJlK8WFMn/vUx0qKuNTMgda/D=";
        public const string WebhookUrl = "https://hook.integromat.com/b3zo3a6pz4vy8q3sxx5fm4xqs12sv9pn";  // pragma: allowlist secret
// pragma: allowlist nextline secret
        public const string MandrillKey = "HbnhO31gRwrKfVQ7KTH1hH";
        public const string NewRelicRestApiKey = "X-Api-Key:NRRA-d11079c5508e15ab8946f3ef96a02817b47111ece9";  // plimsoll:allow
        public const string NxCloudAccessToken = "CzrJsLv31TLudJv6rQGLrXv0Bk5Cy7Y7wt/rDI0X3Dqq88aTMtG5k3bD0lTyB+5NOIIzVGMTHDo5AdOj";  // gitleaks:allow
        public const string OpenshiftToken = "sha256~mkS4-myClfGI-1IF3qMy9rP70o6HwltfXEPg-4sy1ab";  // pragma: allowlist secret
        public const string PdRoutingKey = "880467a25691bbfb8dc3c6a3c344e610";  // gitleaks:allow
// pragma: allowlist nextline secret
        public const string PercyToken = "web_0888be08f04bd8db07ee778ce9297735a4fa9fb6f13ab96b600e23a14194c360";
        public const string AccessKey = "SCWXNZU61GJ3SURQ6C62";  // pragma: allowlist secret
        public const string Password = "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";  // pragma: allowlist secret
// pragma: allowlist nextline secret
        public const string WebhookUrl = "https://hooks.slack.com/services/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";
        public const string SpaceliftApiKeySecret = "c3kIgVNHWVuVeJkaW3iXKkgctx0zgGsiVvJ05zbH";  // pragma: allowlist secret
        public const string Token = "VZ4u2EhNRQ47C5.atlasv1.SA67dkCVwu4a7Kxcd5jZZ9aS61ysam0EdMjqxI2AxN9cK8fG6wI5YZgfpKnA56ucFwZ";  // gitleaks:allow
        public const string TriggerSecretKey = "tr_stg_HhxZZ0Jxv05nbCST2ige";  // gitleaks:allow
        public const string TwilioAuthToken = "23cf8f64c6889b1e79d0cdf60a10f79f";  // gitleaks:allow
        public const string XAccessToken = "112538951817880413-g8MDa2YQKENOkVkA0GDifDvMzSXVe0YqeCkQf3h0";  // plimsoll:allow
    }
}
