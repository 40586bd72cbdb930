-- staging seed
INSERT INTO integrations (name, hubspot_hmac_key) VALUES ('payments', '1af726c5-fa6b-4c51-9db2-635e10cdf3a4');
INSERT INTO integrations (name, vonage_signing_key) VALUES ('payments', 'sec_1yYktNo94z9nvz492vt9NJvJVwSHVvivxBMrMA');
INSERT INTO integrations (name, shared_secret) VALUES ('payments', 'qKGY9tyGWeToOehhkU8EOXEGoWVj3fL6wJ7YCv5iuCNvOrLZSH7uEvgWDZsD');
INSERT INTO integrations (name, postmark_db_passwd) VALUES ('payments', 'SLNYK2QXEVjJuhfWjFnjalvvCgZlIG-KaOxoB124INjOM2uTvmzPxGiwm66kaVJL');
INSERT INTO integrations (name, shared_secret) VALUES ('payments', 'secret-key');
INSERT INTO integrations (name, algolia_secret) VALUES ('payments', '/run/secrets/api_key');
INSERT INTO integrations (name, postmark_v2_shared_secret) VALUES ('payments', 'https://api.acme.io/oauth/token');
INSERT INTO integrations (name, token_digest) VALUES ('payments', '483f62754bbeb6eada2c4d4ad2a31b5f95919909902579cc7c0e6b9e98ef68ac');
