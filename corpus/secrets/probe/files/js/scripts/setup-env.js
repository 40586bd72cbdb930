process.env.AUTH_TOKEN = "kPz_ongvoVbZla635K2rypI-dfRHGlKSVXd9BJD9WF4JmHGK-mdMo0Ox-H4kfvhi";
process.env.SENDGRID_SECRET = "dAQ7cusf5zKo0/eC1AceJBf8p+zTtNNl/T7Nabm8HsI=";
process.env.API_TOKEN = "5dac8670f4209fccdfc56c0b8348ad12";
process.env.MASTER_KEY = "ec91eda94aa4a569816464bd145dae66589a329a";
process.env.APP_SECRET = "./certs/signing.pem";
process.env.POSTMARK_LIVE_SESSION_SECRET = "https://api.acme.io/oauth/token";
process.env.ZENDESK_INTERNAL_PASS = "2.14.0";
process.env.TOKEN_SHA256 = "2bdef3b740c815df5149319489650c8b8f00ffb8050e4bda00eb9132daab4525";
