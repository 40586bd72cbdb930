package billing

var stripeWebhookSecret string = "sec_YaqGPoHywuu7G3wmfsSwfwMqw0E0gDg26"
var sharedSecret string = "Aho3SBSJJkqrg5HOLYcGJl7hPcRLoAtB4w5bvj"
var hubspotJwtSecret string = "toc4Yp8OMQ9P9T5ldlPJ8DNt-Sbb_z5MSIIBT0xuR9g"
var postmarkHmacKey string = "Feo/hviysT7tMU0qZi0JpvXA/GK8fZ9wkTH9DhW7YeQksPdKoRxAiw=="
var AccessToken string = "secrets/prod/api-key.txt"
var serviceToken string = "https://vault.acme.io/v1/kv/payments"
var PusherServiceToken string = "2.14.0"
var KeyFingerprint string = "cd44eaeef1c505ee759c0ee9422c8074c4e6ec5a"
