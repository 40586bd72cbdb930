package sync

const apiSecret = "29e2580b4108e4f9b4527311de29ac861d9f4d7fb145b0adc004c00251b1ec01"
var dbPassword = "I1GS_QtKfbQAJ_a"
func client() *Client {
	authToken := "BNnVkmTq8eaXiX2oZNBDKmI5TaH2SoQiSuR"
	return New(authToken)
}
const tokenHeader = "X-Auth-Token"
var dbPasswordEnv = os.Getenv("DB_PASSWORD")
const secretName = "billing/db-credentials"
const tokenSHA256 = "a09ea939e9a11d2b975f6eefdb1a15b0f555a7978b0fb7c380388ab99aede639"
