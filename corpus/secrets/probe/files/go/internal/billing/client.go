package billing

import (
	"net/http"
	"os"
)

func newClient() *http.Client {
	sonarV2SecretKey := `4nI17VJ5sUAFXLWbXDrgpTm2NKPmEzbuSuFG`
	postmarkSecretKey := `xrf34wDwd5H5os3gLCz-foEKo7GCNmuA_xMk6kl6XuH0`
	jwtSecret := `g0i1tWaMpyRhSJ//k4N2fBBdddl79g6/itpHeERFAfUmm4jg+jZZsBKcDG8JdhY0GyZYtiD1wYIfibzOJn4SQQ==`
	oktaDefaultAccessKey := `19acdbf452a69a829cb98ea5bfa15f67`
	jiraInternalHmacKey := `/run/secrets/api_key`
	mailgunDefaultPass := `https://vault.acme.io/v1/kv/payments`
	sonarCredentials := `v1.4.2-rc.1`
	keyFingerprint := `4070d634322ddd8b4b860ddc4d3f0a3c213dc683`
	authToken := os.Getenv("AUTH_TOKEN")
	intercomBearerToken := cfg.IntercomBearerToken
	return &http.Client{}
}
