#!/bin/sh
set -e
mkdir -p /etc/acme
cat > /etc/acme/private_key_dsa <<'EOF'
-----BEGIN DSA PRIVATE KEY-----
MIIBvQIBAAKBgQCr0tiVBH5lbx2wpkvJUSL8ubxpQNHBt9/JqRbbJVNyu9apkr+a
Mk3HysgH93IxLnk2Erfoz80wwRG90/hKzOkg7sifF89nT9X+qJFnGWF00Y9GwRYZ
ARePUzlysHQPQoqtCzu/iVc+s40pXjflVQW9jW7C/Tn9djxHLNmVyvSKupi+ZAHA
NszuHbvovEeCAYGLtsx6c99fG/JhmQMIA6Zs9p+txyhQ7Tzgiv/GcHt69tWHnIg+
fdb16uj3lP4s9Iya/he1ObpTOZvj1ztHRMLwYq2nbhj+GMAoCA6DoVULraC+cjkD
i7R7mAAOM0j82kgSaSX/Lv18y+snjSVeGaLPdXdThEHll6ReDizJO9f6J0aZepqL
xQH0mpQ51bzPOAxRKKZdADXJ2gqMu6Ox+DJUjJKcp2CmW/rgkwocjyhRhBLjkShU
sfqm9RJuawKRzxXkVgvi7F6ydNO7Z3dPgj3liDfZOprpHub64MAKNYy2wvYwQ9DN
TXm0tN9EW15PqqqhMU/TL33xhhrojIYazNyPOmbAgU3LtcTIfThdTrtQpBMgMJfC
QwKnJpPPnQnV4sSJxzzCoTg=
-----END DSA PRIVATE KEY-----
EOF
cat > /etc/acme/private_key_pkcs8 <<'EOF'
-----BEGIN PRIVATE KEY-----
MIIBVwIBADANBgkqhkiG9w0BAQEFAASCAUEwggE9AgEAAkEA3d+gHSi38B9Y3NAM
oEgjP/lWBhJrjb+4cUiGc2v7Ve6VB3oBuT9gcLjjwbQ5e3cZSl/iwQIVK2J0EpLu
UIkcitDHQSnxD17e3Rwi5x6X+vMsbziDwojzE/RtFe/zFF9HDkNFXXBJNSgjVoMC
HY0+DWeXxO84g8qjFGyURSRzeiz9RssVjUpvs46jJgIBVo58k/onr9pfpQziSIBX
+lft9uWmO1sqe5nhQOIrNi1n8u5g/GgdpRfU4ATnnUAyeQW67E8hfqbQYpSQLzyH
zRbaCEIu3B7xRnTgwT504a+/tsRkssCszNEWPwzajnmpQG22LdYzgF5KfIPDm/6A
7QeHEjyVMrt59yHJbkm9A8D7h94i2If7xM5npwIHhl4zXW3Gy5EbPaRvPDrLwvQM
OCc/IDNeXb3taf0=
-----END PRIVATE KEY-----
EOF
