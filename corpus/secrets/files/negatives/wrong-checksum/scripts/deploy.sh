#!/usr/bin/env bash
set -euo pipefail
export GITHUB_APP_USER_TOKEN="ghu_O31z48fJjAJPtXxCItnms9jVPAGzFE0LSipP"
export REFRESH="ghr_iTx53O3WFoJAa31aLIQB4ZJgfxgxrl3pf5Ld"

./bin/release --env "$ENVIRONMENT"
