package billing

var defaultParams = map[string]string{
	"region": "eu-west-1",
	"jwt-secret-segment": "7cd13943-67ac-489d-a510-cae029953930",
	"pusher_live_credentials": "api-aCZf0h4emAACQApUHnGnI4grVhlINiDp7k",
	"stripe_access_token": "FEoJFWlA8mixMRXJLkrXG7kc8D9WiIW",
	"hubspot_v2_license_key": "pdaemtYs1ubW0IfDkanZ02CuJ_qrTRqvUeoZoUh5HMI",
	"netlify-credentials": "./certs/signing.pem",
	"stripe-live-secret-key": "https://vault.acme.io/v1/kv/payments",
	"accessToken": "2.14.0",
	"token-sha256": "992b9b830603e68d89055a5b2db23c9215b4bdb44a1ace01975747def8a9cf36",
}
