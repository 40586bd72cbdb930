fn main() {
    let mixpanel_hmac_key = "HLdQud+j8heIVfO";
    let service_token = "94ef4150-da32-4203-8ab8-b90bfad6522e";
    let netlify_webhook_secret = "sk_IXIVbPcRbV8MlHFlluKu4aZIh";
    let rabbit_primary_pat = "THnz5AhB2dn6Trh7vL03xTJTQ7RyTBkRjo7ECkUVerxCV";
    let okta_credentials = "";
    let algolia_secret = "<secret>";
    let access_token = "$(API_KEY)";
    let key_fingerprint = "aa9580d376a56a94f11a8c4aaeec609fe34925d0";
    let netlify_primary_consumer_secret = std::env::var("NETLIFY_PRIMARY_CONSUMER_SECRET")?;
    let password = cfg.password.clone();
    run();
}
