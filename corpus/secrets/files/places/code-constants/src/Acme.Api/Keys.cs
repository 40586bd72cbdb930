namespace Acme.Api
{
    internal static class Keys
    {
        private const string ApiKey = "d5078ac210c7e81ada420471bbaaa958fa2e316a";
        public static readonly string ServiceToken = "0hxW8WhmakCgiJmL2VvMotqB9N7ybdpo";
        private const string ApiKeyHeader = "X-Api-Key";
        public static readonly string ServiceToken = Environment.GetEnvironmentVariable("SERVICE_TOKEN");
    }
}
