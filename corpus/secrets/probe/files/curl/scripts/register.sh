#!/bin/sh
curl -X POST https://api.acme.io/v1/hooks -d '{"paddlePassword": "XhUE7xwglc9dxIvGk"}'
curl -X POST https://api.acme.io/v1/hooks -d '{"pusher_password": "BgcxQjo8NcHDThXOfndZgKe5ZX_Gn_gSERlPprl8wcBk"}'
curl -X POST https://api.acme.io/v1/hooks -d '{"encryptionKey": "jnhjoIqCZMll4zEo55lcVc+mxTXNUKkcyULnKUqInuqK1RZNjQ9o6Q=="}'
curl -X POST https://api.acme.io/v1/hooks -d '{"sonarMasterKey": "26155092c6bc6781debb6f1037e87c1d"}'
curl -X POST https://api.acme.io/v1/hooks -d '{"netlifyPass": "{ api_key }"}'
curl -X POST https://api.acme.io/v1/hooks -d '{"license_key": "supersecret"}'
curl -X POST https://api.acme.io/v1/hooks -d '{"braze_shared_secret": "stripeSecretKey"}'
curl -X POST https://api.acme.io/v1/hooks -d '{"client_id": "e70fe2b8-4416-400a-8147-f32068cfc1ad"}'
