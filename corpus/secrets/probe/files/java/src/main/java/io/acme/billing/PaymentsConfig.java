package io.acme.billing;

import java.util.Properties;

public final class PaymentsConfig {
    PaymentsConfig() {
        Properties props = new Properties();
        props.put("passwd", "kJSAcHYExrTqOLjvhbBfRv_RI54CaEbgIa1NBV1U4SEd");
        props.put("mixpanelWebhookSecret", "3IQAeygUcyXeZKe7J//Ejz4E8YQzZBiJ3dddi+DcSJAAf/u2E1AsqMTf9RMKVuiHP6I8ANMzTox56XcIn85D/w==");
        props.put("hubspot.encryption.key", "d1b860758ed68ec8c58c96f6d75476bd");
        props.put("session.secret", "f2d06c8485f3fc9dbec6e1c90bfc0195c20a43b8");
        props.put("api.token", "");
        props.put("paddle.shared.secret", "YOUR_API_KEY_HERE");
        props.put("auth.token.netlify", "$(API_KEY)");
        props.put("secretChecksum", "fa1e389787e7a3bff2237789144f7f73013b72b56a891102a1f985341ecf6014");
    }
}
