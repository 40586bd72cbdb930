"""Production settings."""
import os

DEBUG = False
ALLOWED_HOSTS = ["api.acme.io"]
ACCOUNT_KEY = "uJkBrR25lXyFsaXA9jq3ruf1iDqFXTAtzO9Dw9fIHmErqOEMNlCnG0Qcc9pO+Ab3Mv5N18lzYHcF+AStURqYSQ=="  # pragma: allowlist secret
# pragma: allowlist nextline secret
SPRING_MAIL_PASSWORD = "xsmtpsib-3e9159bdea0019c91c7c93f679e932911bd065b841fb6397dd297c0b886553b8-8wQ6kchwcimWWmPg"
# pragma: allowlist nextline secret
BUILDKITE_AGENT_TOKEN = "bkct_ARY.Wwojo0xJ7g1EPikEf5mIRaRzSNVJpdigzaxrMtN4ErN8huta"
AUTHORIZATION = "pk_96442571_ZG8XBLDIOJZJ30B67FH0Q2JY6B1UMNQB"  # plimsoll:allow
DT_CLIENT_SECRET = "dt0s01.1AUL7WOZ4VKYSE2GYO44D7ZE.O4OQPJA2U8XDFVLCYPILQVEJ2WV8XNW4QBX7A5Y1481NA4Y1OLYMBTG37MBZKFQW"  # pragma: allowlist secret
GOOGLE_REFRESH_TOKEN = "1//01kz3pqbG0qXqklyb9LJLS4Mv1oQ0DjlIv9EELbZwJxsoGOVxXmaKM6nCRq68nR57S2HSdaBs94HIhTSQQsvJddB45XTklRTm48D"  # plimsoll:allow
GH_TOKEN = "980f4ef6335235a882733ed4518b8f5bc44e9f7c"  # plimsoll:allow
REFRESH = "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"  # plimsoll:allow
GROQ_API_KEY = "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"  # plimsoll:allow
# pragma: allowlist nextline secret
HCP_CLIENT_SECRET = "-00dOVfdERscN9F13bEWBNldPtQFCPEoWylaoyThNyizB3i5c4AN8CO97omigHKE"
LINE_CHANNEL_SECRET = "6cf3a2a0a6cefc5657f9baad28d0c3ca"  # plimsoll:allow
X_QUERY_KEY = "NRIQ--NFDjnqCU2X4TM5O_qCwKGlRIVAhPsNi"  # pragma: allowlist secret
# pragma: allowlist nextline secret
NODE_AUTH_TOKEN = "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"
# pragma: allowlist nextline secret
OVH_CLIENT_SECRET = "2Qvxh2xlOxGeCUXqPRIApOQoxGtasLIv"
# pragma: allowlist nextline secret
PAYPAL_SECRET = "VT_6gAffI1mQs-UxL404t2xQ8h2oxo4YiUndOPnqqv8voIVaWzpWLzCJ7Tk81gHrZlCT72reb4G0mafX"
PULUMI_ACCESS_TOKEN = "pul-b2dc7f027ffa6bf6327a34f5872ed25de03797ff"  # plimsoll:allow
TOKEN = "xoxb-21823829532-4zZHS0Yo3aLmqfeI1PXMBdV1"  # plimsoll:allow
STRIPE_KEY = "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"  # plimsoll:allow
URL = "postgresql://reporting:HFI=x4fDmY_VSs18@pg-primary.prod.svc.cluster.local:5432/reports?sslmode=require"  # gitleaks:allow
