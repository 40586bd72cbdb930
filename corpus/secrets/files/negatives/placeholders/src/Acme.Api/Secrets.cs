namespace Acme.Api
{
    public static class Secrets
    {
        public const string OpServiceAccountToken = "ops_eyJneKfmAH3IGBMcCPDcMpevxFlzLVIxb9V9j6ZnAdSdnKNaGmYqGGHUpLIvOaw3Yv6zrItqNUM3NtPUQUyiCNZ2MkCtZjJdFfI2UfAALXHkAk7YWyV0IwVlGpa9NSPncGyqoiKtGtR8GLFtBXfzg3PoyHX7ImKbzULawbrVmNohFesUGiNrV8DrP2GrsKmwIW7fhQzeIuM3mF49e3blg85oxT90DATbWOKtg58tGMSqqhLcI4KaP8VvgY55pc7xa28sBCDmtqRDTuneRRRwGSL2FdYwWgEyXWD5UjptFhN2Dwg6WWlzW0E5WGtpXeP5YUA0ZdbyLPS0IYvxIZUjQoQ9MVpuXCn5JtzpYSIvFm18mrW6daUtwWubEeSBNeU5T6SQQuqaIAv3Ndw5yqZqSMVgQztkJJbREKN4WODcYM1iOeggKOubn2XtqnVjTmGtR6IknM38lFeCT9SSgZ4QcGUeDqotyY0ejZYxDodhEI5gdfmjcPQlRsTwK0B6wYQkCGxke5H1Etgej0A0Qvdgp7wdJakdxYKsjLueo1FqodL2G9V3DovmMUHgHFgODQEXAMPLEScBDL7DCv6GSz2DZrqNWo8DND9MCj28Ee7MFYGxOuXtnd49qDjdA8JmdjK2Pyf9UjSmICEuQzPsAhQ3BfK6WVhxOHylZIL7NlGyBZA0AgV2LdL4UPCsYfQ7YVEhZJX1UEB3QMUdE8WxFjUvAhG6WQQ1KlttZccgKppxbDEtYWE4ZqwKB4IXLWbWBLwEVFmWEYVHBTHOPjkEE7dMSp7tOgSyptuuXHA5tWZiTuG6gbvyWO87povwBqFtu5SxjAdqwcLgX6h8EkW3";
        public const string OpServiceAccountToken = "your_api_key_here";
        public const string AgeSecretKey = "REDACTED";
        public const string AccessToken = "akab-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
        public const string AlibabaCloudAccessKeyId = "LTAIxxxxxxxxxxxxxxxx";
        public const string AlibabaCloudAccessKeyId = "********";
        public const string AnthropicAdminKey = "{{ .Values.anthropicAdminKey }}";
        public const string AsanaAccessToken = "5/4266158140078702/7530227516437842:d03be68aa22a5fexampleec287d12007";
        public const string ClientSecret = "your_api_key_here";
        public const string SharedAccessKey = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
        public const string AzureStorageKey = "CdkVv/XLn3nhKVz0gpnRNlCG6sjA4GzaKjyLNi0/vhfINkCX+8b2gm/sjHp7QfddUFlLt3SMql8EXAMPLEzZlJ==";
        public const string B2ApplicationKey = "changeme";
        public const string ContentfulDeliveryToken = "nH3TgYoFpEXAMPLEYhRzvctSwfxWB0sva-ofykgbS7T";
        public const string DatabricksToken = "%s";
        public const string DiscordToken = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
        public const string DopplerToken = "dp.st.wSjmu4J2EXAMPLEtA9k2VDWoMFVWDcxAqYMs8kVqdNb";
        public const string DtApiToken = "your_api_key_here";
        public const string FigmaToken = "figd_hkC2iEWUgMEXAMPLEvJeSKTVbVQyEIdGIaGQ59wI";
        public const string FlwSecretKey = "xxxxxxxxxxxxxxxx";
        public const string FlyioMacaroonToken = "$FLYIO_MACAROON_TOKEN";
        public const string ClientSecret = "{{ client_secret }}";
        public const string ApiKey = "your_api_key_here";
        public const string RefreshToken = "ghr_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
        public const string JobToken = "glcbt-07_ApcZEXAMPLEiy6idjU_2";
        public const string IssueEmail = "{{ .Values.issueEmail }}";
        public const string Token = "glptt-968w2h3030examplee53es48nuux0492d964ske9";
        public const string Token = "glrtxxxxxxxxxxxxxxxxxxxxx";
        public const string GitlabRunnerRegistrationToken = "GR13489419NL8oE89CWEXAMPLEvQW";
        public const string GitlabSession = "ff380a1cb8a61ae9f136565example7d";
        public const string GitlabSession = "%s";
        public const string HerokuApiKey = "HRKU-AAplOIUTNgyPRL9vWlogmFVbDIayFnp-OS-OJnEEXAMPLEfZpGtU1eJvyqKU";
        public const string HttpBearerToken = "KgEXAMPLEyrxJgzrjlzkB8H5wCFUSim0zf4kaLsY";
        public const string HuggingfaceOrgToken = "{{ huggingface_org_token }}";
        public const string LaunchdarklySdkKey = "sdk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
        public const string LinearAccessToken = "lin_oauth_a181ed8398024b19548dbexample384b7486274935441d3dd125cd52ecd85a47";
        public const string LinodeToken = "a403241a68example289f68c5eaf0dd72133994ad7094f2a78cca9b4761d5eab";
        public const string NetrcInline = "changeme";
        public const string NomadToken = "51328306-227c-8e75exampleee42bb96d02";
        public const string AuthToken = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
        public const string NugetApiKey = "oy2xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
        public const string NugetApiKey = "%s";
        public const string OktaApiToken = "REDACTED";
        public const string Token = "${TOKEN}";
        public const string PlanetscaleServiceToken = "pscale_tkn_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
        public const string PrefectApiKey = "pnxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
        public const string Password = "%s";
        public const string RailwayToken = "427b0f47-7example3-7f40-d4ebfaa63526";
        public const string RancherToken = "<your-token>";
        public const string ScwAccessKey = "SCWxxxxxxxxxxxxxxxxx";
        public const string SendgridApiKey = "{{ sendgrid_api_key }}";
        public const string SnykToken = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
        public const string StripeWebhookSecret = "${STRIPE_WEBHOOK_SECRET}";
        public const string SupabaseSecretKey = "sb_secret_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
        public const string TencentcloudSecretId = "AKIDaZlM9n2CNXFhNEXAMPLE9Xm22MKrVLNa";
        public const string TwilioApiKey = "$TWILIO_API_KEY";
        public const string UriJdbcOracle = "jdbc:oracle:thin:billing/xxxxxxxxxxxxxx@//ora-scan.corp.local:1521/BILLPDB";
        public const string UriMongodb = "REDACTED";
        public const string Dsn = "app:xxxxxxxxxxxxx@tcp(mysql.prod.internal:3306";
        public const string VercelToken = "$VERCEL_TOKEN";
        public const string YcApiKey = "AQVNxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
        public const string YcOauthToken = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
    }
}
