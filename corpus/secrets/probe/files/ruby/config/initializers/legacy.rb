LEGACY = {
  :region => 'eu-west-1',
  :stripe_primary_hmac_key => 'sec_Le0Ns7O75aKVTaq0XXVlZOVhyZ9Sd0tEWdx7Fifn',
  :intercom_consumer_secret => 'Yh38IrbBrFcpEnXsxWdWAeq8Ld5V',
  :pusher_bearer_token => 'yQL0ouGcVPxFrzyuH0WCY-xiF_Bj0EsS',
  :hubspot_license_key => 'SbNW8/59UOM/VyKarI7OGJ91y2o=',
  :sonar_license_key => 'stripeSecretKey',
  :okta_api_key => '/run/secrets/api_key',
  :shared_secret => 'https://api.acme.io/oauth/token',
  :etag => '699527291d5bfe91f597244488703db15a3d0321',
}
