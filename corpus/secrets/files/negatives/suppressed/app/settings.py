"""Production settings."""
import os

DEBUG = False
ALLOWED_HOSTS = ["api.acme.io"]
# pragma: allowlist nextline secret
ACCOUNT_KEY = "uJkBrR25lXyFsaXA9jq3ruf1iDqFXTAtzO9Dw9fIHmErqOEMNlCnG0Qcc9pO+Ab3Mv5N18lzYHcF+AStURqYSQ=="
# pragma: allowlist nextline secret
SPRING_MAIL_PASSWORD = "xsmtpsib-3e9159bdea0019c91c7c93f679e932911bd065b841fb6397dd297c0b886553b8-8wQ6kchwcimWWmPg"
BUILDKITE_AGENT_TOKEN = "bkct_ARY.Wwojo0xJ7g1EPikEf5mIRaRzSNVJpdigzaxrMtN4ErN8huta"  # gitleaks:allow
# pragma: allowlist nextline secret
AUTHORIZATION = "pk_96442571_ZG8XBLDIOJZJ30B67FH0Q2JY6B1UMNQB"
DT_CLIENT_SECRET = "dt0s01.1AUL7WOZ4VKYSE2GYO44D7ZE.O4OQPJA2U8XDFVLCYPILQVEJ2WV8XNW4QBX7A5Y1481NA4Y1OLYMBTG37MBZKFQW"  # pragma: allowlist secret
# pragma: allowlist nextline secret
GOOGLE_REFRESH_TOKEN = "1//01kz3pqbG0qXqklyb9LJLS4Mv1oQ0DjlIv9EELbZwJxsoGOVxXmaKM6nCRq68nR57S2HSdaBs94HIhTSQQsvJddB45XTklRTm48D"
GITHUB_API_TOKEN = "4d0ab09e70a2b9f7d5e697995b98831358203045"  # plimsoll:allow
REFRESH = "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"  # gitleaks:allow
# pragma: allowlist nextline secret
GROQ_API_KEY = "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"
HCP_CLIENT_SECRET = "4Yb25sRgx4S5AsXM1PRMO0aUCVitGfzEjKdlUjuCQ67fBHbnkGBLavaFwkCUZDPy"  # pragma: allowlist secret
LINE_CHANNEL_SECRET = "831dad5eae5df7adc29a61685538f502"  # plimsoll:allow
MAILGUN_PUBKEY = "pubkey-151e722e5823313d3e6866dfded3f6e4"  # pragma: allowlist secret
# pragma: allowlist nextline secret
METABASE_API_KEY = "mb_LFu+3mRTsM6tsd3uZJrvGEeJS4JzUJTcKEaBQn9lMHb="
X_QUERY_KEY = "NRIQ--NFDjnqCU2X4TM5O_qCwKGlRIVAhPsNi"  # plimsoll:allow
NODE_AUTH_TOKEN = "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"  # plimsoll:allow
OVH_CLIENT_SECRET = "2Qvxh2xlOxGeCUXqPRIApOQoxGtasLIv"  # gitleaks:allow
# pragma: allowlist nextline secret
PAPERTRAIL_API_TOKEN = "NgGhRnr8NHLJZK1hHkK3"
PAYPAL_SECRET = "VT_6gAffI1mQs-UxL404t2xQ8h2oxo4YiUndOPnqqv8voIVaWzpWLzCJ7Tk81gHrZlCT72reb4G0mafX"  # gitleaks:allow
# pragma: allowlist nextline secret
PULUMI_ACCESS_TOKEN = "pul-b2dc7f027ffa6bf6327a34f5872ed25de03797ff"
RPC = "https://dawn-frosty-river.solana-mainnet.quiknode.pro/a8e4ad2712789bd48273bc131dd92e91757f536b/"  # gitleaks:allow
SEMGREP_APP_TOKEN = "01a0ab9fd9bcaa347bdb8595e70a31d670155efaea120c9ac2598779deaa8b49"  # pragma: allowlist secret
TOKEN = "xoxb-21823829532-4zZHS0Yo3aLmqfeI1PXMBdV1"  # pragma: allowlist secret
STATUSCAKE_API_TOKEN = "47XqRkM2vGkyoMZ5h5iCentEyBlQI4"  # gitleaks:allow
STRIPE_KEY = "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"  # pragma: allowlist secret
URL = "postgresql://reporting:HFI=x4fDmY_VSs18@pg-primary.prod.svc.cluster.local:5432/reports?sslmode=require"  # gitleaks:allow
