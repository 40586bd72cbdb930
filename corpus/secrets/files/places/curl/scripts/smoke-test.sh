#!/usr/bin/env bash
set -euo pipefail
curl -fsS -H 'Authorization: Bearer 7jjrPQTYIsR7q1anLwyLy0gR8So7ZKoUhQJZ' https://api.acme.io/v1/me
curl -H "Authorization: Basic c3ZjLXJlcG9ydHM6IUshVFVueXRqczJkMVYyTUQ5" https://jira.acme.io/rest/api/2/myself
curl -H 'Authorization: Token db38788058aad78f53261bd3721d5bc289dfa3f0' https://api.acme.io/v2/projects
curl -u deploy:@T6Vl_3um1ZMAs8 https://nexus.acme.io/service/rest/v1/status
curl --user 'ci-reader:JFnHya3zX1dxKexQgCrVlKc0p7Z83D' -O https://artifacts.acme.io/tool.tgz
curl -s -H "X-API-Key: 22ed613a3d3b8a0ac7fc60f4409cb47bd3e93bd0" https://status.acme.io/api/v1/components
curl -H 'Authorization: Bearer PMAT-Y2FB7KZS3YG9HYZXC59HYH8XVP' https://api.acme.io/v1/deploy
curl -H "Authorization: Bearer $TOKEN" https://api.acme.io/v1/me
curl -H "Authorization: Bearer ${ACCESS_TOKEN}" https://api.acme.io/v1/me
curl -H "Authorization: Basic $(printf %s:%s "$USER" "$PASS" | base64)" https://jira.acme.io/
curl -u "$NEXUS_USER:$NEXUS_PASSWORD" https://nexus.acme.io/
curl -u user:password https://httpbin.org/basic-auth/user/password
curl -u admin:admin http://localhost:8081/
curl -H 'Authorization: Bearer <token>' https://api.acme.io/v1/me
curl -H 'Authorization: Token YOUR_API_TOKEN' https://api.acme.io/v2/projects
curl -u deploy https://nexus.acme.io/service/rest/v1/status
