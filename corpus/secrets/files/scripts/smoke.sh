#!/bin/sh
set -e
curl -fsS -H "Authorization: Bearer glc_eyJtAkrkWsS0BBefFjvvdhQ5OncuMQ2ofGWgO1Erj8AhbZZeOZPrSjhprIN1dLjtk8m5SRLaP0MAXGq0IGJTDOI2GgxwkKJ2isCoKvdybVZcJY7ctT28PQO9LEZcxH0=" https://api.acme.io/v1/me
