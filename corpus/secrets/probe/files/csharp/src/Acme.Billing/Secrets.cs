namespace Acme.Billing
{
    internal static class Secrets
    {
        private const string PostmarkSmtpPass = "464bd7aed3dce812459e9d3ac1a465961b1c4c1bbe4e5b9ecef161b1d0ac00be";
        private const string LicenseKey = "kF6B*7VvRdLn-sp";
        private const string PusherLicenseKey = "cbd25926-9b11-4147-9196-939080790fe8";
        private const string FastlyJwtSecret = "api-LOJEwbEAOgFaRgU4xOihwVPqauvGGZamd3DtG";
        private const string SecretKey = "api_key";
        private const string AppSecret = "/run/secrets/api_key";
        private const string SegmentMasterKey = "https://vault.acme.io/v1/kv/payments";
        private const string ClientId = "940ef5d5-ce20-4c14-af34-27cb4cecea9e";
    }
}
