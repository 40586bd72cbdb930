namespace Acme.Api
{
    public static class Secrets
    {
        public const string AbuseipdbApiKey = "8f57b5ec86adac2d8dc9ed4fecb119f82daa0cc493d6ccb6ef1038722234827a815b130843865f13";
        public const string AivenToken = "9p5f2PMYjvA6+K6+RpZvFsA6+xwGJ4/bJKCOD2FxH5sW8BDpXGj42LPYvRPuR5ONHwAPD6A/C46+CiGR09/VogMm56F1O2YIPaHo7Tz6NHX4R4PSwfRE5qmp1lnxv33e5GklpDLjCnM3NodrfH00CRVj/suaFr0YBREb/gXgJEw4k2pVrsbFoLnOghCF6egJQQVfaRQImsVKg4fUPxsjbzZZUFVAVWw+MRsqVAmUDb4J8fXOvN7OCFl9gxfkvWyOBit7fwrqNR4qpMoi9KqXcIEONC48Uo0Mtn2D1Ga+pQtN/jNehHh0IJYmKO9OGDPBztIJtVR/UgWa3pdJcPk2nWn8gBVYulm2Ct3juy7qg0WLhqw4NQcR";
        public const string AmplitudeSecretKey = "c6d0e2202e5371f1ebb3f86efee329ae";
        public const string AppwriteApiKey = "standard_d83a78b764c95a7c278f5998a85cdf1e1eff3e6f254b861483decddd476e48ac41acc46a59969723ef8c5c76f50840f1f9db9812513a05ad18eec399b1989315b165d0405dd2880202e4364dda2a810c230085d3fde2d74ffbd2165ce168798bd790a69008819eb793162a87e17bfbcc61bb716815efd97476b63dc24e7496e1";
        public const string AwsBedrockShortTermApiKey = "bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29tBu0VB0Knw992B8VbxZjdkZlHRFTeEJYMy5gkksIBYBSafm8XsRzmfjm9sP91JQhPAA0LXVLVQWYXLXG9DqZLGKJxkt1VtmFcLI30pSEpDYLNOJBNTkAFXaSVYajOObyBGRTTNIEAVrBuYpYwGGVwSvP5jn5sXVD8BWVpAiTmCXDpe5HzHXLJYJfkES6wYVY5BUH0AwcnWB82IGHrpPL5CgFsTcTuHXCAJSWbAMRoQhPHQWDrqn1KcOHpmfQkHZQhFfWrCpyaEQ26VHVyF9CnvMW7FXCgx8SxMUtYc8bjD6icPdRczSmyGgjqJmbZN8vdMrpfnWQ5KoJUJGUqDRHxyUD0hzUIeGOSpENDqwKEI7RZI3Y2QSD2O7nsWEZuXLiCX6ISVIMdL40DPFFxHWMPCBBrRC97QWzRcmELRWPxcy2ZxWmeWCE7niJ5BXDgSWB3NVVyKJH1TwYfVTQcAWkqDuv1DbM1BIZnFZgtSubtCsS7OHRuFGw2TNq2UmMyNjC6FGd1LTN2ZIcqSrOCSGGbwC4mJGX=";
        public const string AzureBatchKey = "23gTao8CQESpqOcAj8GhEAc9DdhwklJiHHxare9Hl5v3GUgypwgE85VJJlJUd+iyyv8vJoCNKCQf+ABaXQt4zQ==";
        public const string BitriseToken = "UTm7yM_903WqhbllDuCVIuNgdiBaFGAYMYxfyujoBu93o_jsix76Dn8B9yzP4bI7BfQECgNnepwoA5OArvTDKZ";
        public const string Token = "bkar_BCJ.uqoc0xHm3PYVPDCX5Z4AfDQZLjkI5esSPM0m133OtYWfxU1HrYITuTZCZYRNisKW";
        public const string ApiKey = "csk-zr2j5c4u3rty11dg9knwfsphgb4chkk2alfcnm9sqcwz6lp6";
        public const string ClickhouseKeySecret = "4b1daoEA6r5F6M6zPhrxIG5KSF35zeTO0Dv1fM";
        public const string CloudsmithApiKey = "6190f58447df2a782685b4d0b85e7b2c2fd274b6";
        public const string Password = "cfltqoHAW33KhzMs2fiSBsnU3m0tQ7kihCUgiZ9APbfkh0ZwtpT52GgqoA8DSZ/g";
        public const string ConvexDeployKey = "prod:bfped-cixdv-210|omEAHs3xZMPNkY_eN0K4YDvJ7HJWp_t76fwoyplPDmUaaon-h7T7FyOicOvmuNNeA3lscLNSGKtU0vTurOxQRHPHFFcBg";
        public const string CustomerioAppApiKey = "73b458d9b5309eef6afa627c2601c615";
        public const string DeepseekApiKey = "sk-62247babdc656c8b5ac2c1b4524d8109";
        public const string DroneToken = "VJumCkdDCaWIzs0ZkkiAY6D61SDVPOOL";
        public const string ElasticemailApiKey = "A89AB8B35B9D6EB74F518C6BF50E8EC2F95CDA0064A576F5EE2BCF6425C5CE634B5C4041D3BF536D6B78CD6C0F007174";
        public const string FastlyKey = "dZ1TPrKO8hgB-Hw1E708HoXuZvFL1uY-";
        public const string FlagsmithEnvironmentKey = "ser.jSmKqBrE6nSp6FjBq04YAx";
        public const string Password = "C3i53UNmV9tZ1jc";
        public const string GhToken = "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";
        public const string ScimToken = "glsoat-LD8QQfR9VfPramomTg2O";
        public const string GladiaApiKey = "0592a81b-d57f-0d49-8dd9-d98d2c56fa06";
        public const string ApiKey = "hciik_3tzhcodsl7x0rpzzx7wjgjq7dgicfxhfajuxc3w3jr5u7iav73nxpakn8x";
        public const string InfisicalToken = "st.de76fb895b5be5e81e3997a0.48b7f296d4b83a7d8a3c25b6bc365c5f.6bdb21e6dd215785da5bc8236640ae52";
        public const string InstanaAgentKey = "uBxPR7HDtNqZ01gJmJbFVL";
        public const string KaggleKey = "b7bda549cd84f7429eb0444c56482892";
        public const string LT_ACCESS_KEY = "8WYutTbeGrqaEGSo2mpR00HrDHH3ApNMXoW3biJ8ou2MOVNCQC";
        public const string LinearAccessToken = "lin_oauth_a226ed0752278a69944cfeae1a95390d7122952434075d3ce490cd11ecd34a74";
        public const string MailerliteApiKey = "783033ce3058f2b8cf9200e73019330a";
        public const string Mem0ApiKey = "m0-1I6K320uxJgxBIbV3WvmZAaD4RV9XmvgGkemx8QO";
        public const string MongodbAtlasPrivateKey = "9f2b1361-ff31-2d7e-39da-be916d71700a";
        public const string NgrokApiKey = "7NPAqGaxuRAcBd77MR1oDBcgu90_i5jX1a9tlKLcO99arTsMT";
        public const string OktaClientSecret = "LHKXbtJ7tghZnvvTyKeg0ZEfQi-QjWVwqMoj7V10";
        public const string oci_secret_access_key = "hH6HwGKa2fV0cigflgrFECaEAj+WAlwc3ZtuUY6Vxyp=";
        public const string PagerdutyRoutingKey = "05c64401888478f11ef9acfae4aae474";
        public const string PingdomApiToken = "B6euTJU6qwRA73-N0kJWhgKd4sIVtuU-YjPP0Rn_tdXdI-aYSCEcNHd5X6Ro7CjD";
        public const string PlivoAuthToken = "Zwxa03gMtGIJlZU6MlhkJ8IVHrkfkIeISdYQOHFg";
        public const string PusherAppSecret = "7e3337f15a9996a931fc";
        public const string QuicknodeToken = "672822042bf3163f63872f6edd31a255ce7d6529";
        public const string RollbarAccessToken = "526ea323ecad2752235f949c2014f6d8";
        public const string RavenDsn = "https://28ca2ad8937037d212197d23a52aa3b1:72d07049cef7f965d824a67951831f12@sentry.io/123456";
        public const string BotToken = "xoxb-409268039004-K5glYS5Xg4RUzO6zJeZi6hZh";
        public const string SnowflakeUrl = "snowflake://dbt:4s.gUXbpReeh3V_b@acme-prod.eu-central-1/RAW";
        public const string SRC_ACCESS_TOKEN = "76e73f03306d45c73933ddc387ed799a1cd157fe";
        public const string StatuscakeApiToken = "58VxVzE7nHvoaRF2y9uKopgArXqZI3";
        public const string TableauTokenSecret = "vBvive9lpZrCTtZXJmw6Im==:WecpdFGXotCIXoQq5uxrS5dPm7x29Uyo";
        public const string TinybirdToken = "p.eyJ1WdxxB70MN9F1DaIfCkIZxD9AS1TIjvGAOO6YwJ-t-qKZFn5GeYVbG-dfJqHLYz_K6IpNJxzgye6Vun0xs5UGg.sHL73xzmNdNW6EODNlRn_Mc_nem0ewZ2nZGrj9exs-K";
        public const string TwilioAuthToken = "1bbaf397ae7437f9dafa90a0924c0003";
        public const string UpstashRedisRestToken = "AWR3cSbWYYSvP2MLdP1i3ULoUIS2RYpR6ubckCQXg4ZUZBWYLPEX2vmz1JrWJ=";
        public const string SpringDatasourceUrl = "jdbc:mysql://deploy:sKR4iImFhnETg8xVG@db1.acme-corp.io:3306/app";
        public const string VirusTotalApikey = "a202488dea48e3bee07cc652d184a4652a6bc7276b38ab79b254b71662a7ebb0";
        public const string VoyageApiKey = "pa-9LE7J7rXE_5Axtf8_20M5jDCkPQgI2d8Vd7ZBQUqssi";
        public const string XenditSecretKey = "xnd_production_efSYPFOh3X81T2cYlym7ZmuIjkEBsFWPMG18uL4FjfFEPJG0PCmsHzOmsbWC";
    }
}
