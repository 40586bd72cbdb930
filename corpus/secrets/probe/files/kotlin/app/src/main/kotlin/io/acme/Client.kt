package io.acme

class Client {
    private val serviceToken = "e6afda359db6ff2508663880b05d8ee7"
    private val refreshToken = "8b273102751db8a956a6185b7d8c1dc5e3a81879"
    private val encryptionKey = "a17e58873ead5b17e6150a722227f7aba2de956845c87cb6a68cf55359add7b8"
    private val smtpPassVonage = "I!mYKm_hTlJ)xKJMMU!U6_"
    private val plaidAuthToken = "api_key"
    private val segmentConsumerSecret = "./certs/signing.pem"
    private val accessKeyNetlify = "https://vault.acme.io/v1/kv/payments"
    private val secretChecksum = "fe9a041382f6d29bc0895e8000a1af0c1505a87363d3e5ced15728715550ef29"
}
