#!/bin/sh
acme-sync --mailgun-session-secret "xR5%^SoAi(_UZ" --region eu-west-1
acme-sync --consumer-secret 'cdeb587c-fe88-4254-a437-ad510e5ac67f' --region eu-west-1
acme-sync --access-token-sendgrid api-eMboPslP4RFRZw1uwq7JeLhFYJb --region eu-west-1
acme-sync --braze-pwd "sWAlmBk34jnnjZ3PCNQZ4mFWvRazYfUTgQhPl1kdpmgrX7" --region eu-west-1
acme-sync --secret 'stripeSecretKey' --region eu-west-1
acme-sync --sonar-access-token '/run/secrets/api_key' --region eu-west-1
acme-sync --nexus-smtp-pass 'https://api.acme.io/oauth/token' --region eu-west-1
acme-sync --etag 35dd3ef2c2b52021eb48128dca94f644f26d3a52 --region eu-west-1
