#!/usr/bin/env python3
"""Generic-credential probe: a secret-named variable holding a random value, written the way people write it.

A second, independent generator for `corpus/secrets` (issue 8, section 2). `generate.py` builds its positives
from the rules' own examples; this one knows nothing about the rules. It crosses

  * places   -- ~90 assignment forms in ~30 languages and config syntaxes, each inside realistic code,
  * names    -- secret words (`pwd` ... `webhook_secret`, `*_pat`) with or without a provider word, written
                camelCase, snake_case, SCREAMING_CASE, kebab-case, dotted or PascalCase as the place allows,
  * values   -- random alphanumerics, URL-safe and standard base64, hex 32/40/64, generated passwords with
                symbols, UUIDs, vendor-like prefixes, in the quotes the place allows,

samples the product down to a few hundred lines, and writes next to each place the negatives a reviewer would
not report there: placeholders, template expressions, lookups, references, hashes under hash-ish names,
dictionary dummies, identifiers, paths, URLs and versions.

Values come from a BLAKE2b counter stream (not `random`), so they share nothing with generate.py's.

    python3 corpus/secrets/probe.py                      # writes probe/files/ and probe/cases.json
    plimsoll scan corpus/secrets/probe/files --no-config --no-ignore --format json > /tmp/p.json
    python3 corpus/secrets/probe.py --score /tmp/p.json  # recall per place, name shape, value shape

`tests/corpus.rs` gates it: a positive line is found when any secret rule reports that line; any secret
finding on another line is a false positive. Everything is made up; `corpus/**` is excluded from the self-scan.
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import string
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "probe"
SEED = b"plimsoll-probe-v1"


class Stream:
    """Deterministic bytes: BLAKE2b(seed || label || counter)."""

    def __init__(self, label: str):
        self.label = label.encode()
        self.n = 0
        self.buf = b""

    def bytes(self, k: int) -> bytes:
        while len(self.buf) < k:
            self.buf += hashlib.blake2b(SEED + self.label + self.n.to_bytes(8, "little"), digest_size=64).digest()
            self.n += 1
        out, self.buf = self.buf[:k], self.buf[k:]
        return out

    def below(self, n: int) -> int:
        # Rejection sampling keeps the choice unbiased.
        lim = 65536 - 65536 % n
        while True:
            x = int.from_bytes(self.bytes(2), "little")
            if x < lim:
                return x % n

    def pick(self, seq):
        return seq[self.below(len(seq))]

    def between(self, lo: int, hi: int) -> int:
        return lo + self.below(hi - lo + 1)


# ---------------------------------------------------------------------------------------------------------
# values
# ---------------------------------------------------------------------------------------------------------

ALNUM = string.ascii_letters + string.digits
SYMBOLS = "!@#$%^&*()-_=+"


def ascending_run(v: str) -> int:
    best = run = 1
    for a, b in zip(v, v[1:]):
        run = run + 1 if a.isalnum() and b.isalnum() and ord(b.lower()) == ord(a.lower()) + 1 else 1
        best = max(best, run)
    return best


def plausible(v: str) -> bool:
    """Random strings that could read as a placeholder or a word by accident are drawn again."""
    low = v.lower()
    if any(w in low for w in ("xxxx", "example", "test", "fake", "dummy", "sample", "pass", "secret", "token",
                              "key", "demo", "mock")):
        return False
    return ascending_run(v) < 5 and len(set(v)) > 6


def value(s: Stream, shape: str, unquoted: bool, single: bool = False) -> str:
    while True:
        if shape == "alnum":
            n = s.between(16, 64)
            v = "".join(s.pick(ALNUM) for _ in range(n))
            if not (any(c.isupper() for c in v) and any(c.islower() for c in v) and any(c.isdigit() for c in v)):
                continue
        elif shape == "b64url":
            v = base64.urlsafe_b64encode(s.bytes(s.pick([24, 32, 33, 48]))).decode().rstrip("=")
            if "-" not in v and "_" not in v:
                continue
        elif shape == "b64std":
            v = base64.b64encode(s.bytes(s.pick([20, 32, 40, 64]))).decode()
            if "+" not in v and "/" not in v:
                continue
        elif shape in ("hex32", "hex40", "hex64"):
            v = s.bytes(int(shape[3:]) // 2).hex()
        elif shape == "password":
            n = s.between(10, 24)
            # Unquoted places get the symbols their syntax passes through literally.
            # `$` only inside single quotes, where no shell or language expands it.
            pool = ALNUM + ("@%^-_=+!" if unquoted else SYMBOLS if single else SYMBOLS.replace("$", ""))
            v = "".join(s.pick(pool) for _ in range(n))
            if not (any(c in SYMBOLS for c in v) and any(c.isdigit() for c in v) and any(c.isupper() for c in v)
                    and any(c.islower() for c in v)) or not v[0].isalnum():
                continue
        elif shape == "uuid":
            b = bytearray(s.bytes(16))
            b[6] = (b[6] & 0x0F) | 0x40
            b[8] = (b[8] & 0x3F) | 0x80
            h = b.hex()
            v = f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
        elif shape == "prefixed":
            pre = s.pick(["key-", "sk_", "tok_", "api-", "sec_"])
            body = s.bytes(16).hex() if pre == "key-" else "".join(s.pick(ALNUM) for _ in range(s.between(24, 40)))
            v = pre + body
        else:
            raise ValueError(shape)
        if plausible(v.split("_", 1)[-1] if shape == "prefixed" else v):
            return v


SHAPES = ["alnum", "b64url", "b64std", "hex32", "hex40", "hex64", "password", "uuid", "prefixed"]

# ---------------------------------------------------------------------------------------------------------
# names
# ---------------------------------------------------------------------------------------------------------

# Secret words, as word lists. `pat` and `dsn` stand alone or after a product word.
SECRET_WORDS = [
    ["pwd"], ["passwd"], ["pass"], ["password"], ["secret"], ["secret", "key"], ["api", "key"], ["api", "token"],
    ["auth", "token"], ["access", "token"], ["refresh", "token"], ["client", "secret"], ["consumer", "secret"],
    ["app", "secret"], ["master", "key"], ["encryption", "key"], ["signing", "key"], ["webhook", "secret"],
    ["private", "key"], ["credentials"], ["pat"], ["bearer", "token"], ["session", "secret"], ["hmac", "key"],
    ["shared", "secret"], ["access", "key"], ["admin", "pwd"], ["db", "passwd"], ["smtp", "pass"],
    ["license", "key"], ["jwt", "secret"], ["service", "token"],
]
PROVIDERS = ["stripe", "algolia", "sendgrid", "twilio", "mailgun", "mapbox", "pusher", "segment", "okta",
             "contentful", "hubspot", "zendesk", "intercom", "braze", "mixpanel", "postmark", "vonage", "plaid",
             "paddle", "netlify", "fastly", "bitly", "ado", "jira", "sonar", "nexus", "artifactory", "rabbit"]
QUALIFIERS = ["prod", "live", "v2", "primary", "default", "internal"]

STYLES = {
    "camel": lambda w: w[0] + "".join(x.title() for x in w[1:]),
    "pascal": lambda w: "".join(x.title() for x in w),
    "snake": lambda w: "_".join(w),
    "scream": lambda w: "_".join(x.upper() for x in w),
    "kebab": lambda w: "-".join(w),
    "dotted": lambda w: ".".join(w),
}


def name_words(s: Stream) -> tuple[list[str], str]:
    secret = list(s.pick(SECRET_WORDS))
    r = s.below(10)
    if secret in (["pat"],) and r < 7:
        r = 3  # a bare `pat` reads as a person's name: give it a product
    if r < 4:
        words, where = secret, "bare"
    elif r < 8:
        words, where = [s.pick(PROVIDERS)] + secret, "provider-before"
    elif r < 9:
        words, where = [s.pick(PROVIDERS), s.pick(QUALIFIERS)] + secret, "provider-qualified"
    else:
        words, where = secret + [s.pick(PROVIDERS)], "provider-after"
    return words, where


# ---------------------------------------------------------------------------------------------------------
# places: (id, file, header, footer, line template, name styles, quotes)
#   {n} name in one of the styles, {v} value, {q} a quote from `quotes` ('' = unquoted).
# ---------------------------------------------------------------------------------------------------------

Q2 = ['"']
Q1 = ["'"]
QANY = ['"', "'", ""]
Q12 = ['"', "'"]


class Place:
    def __init__(self, pid, path, line, styles, quotes=Q2, header="", footer="", refs=(), fixed_name=None):
        self.id, self.path, self.line, self.styles, self.quotes = pid, path, line, styles, quotes
        self.header, self.footer, self.refs, self.fixed_name = header, footer, refs, fixed_name


GO_H = "package billing\n\nimport (\n\t\"net/http\"\n\t\"os\"\n)\n\nfunc newClient() *http.Client {\n"
GO_F = "\treturn &http.Client{}\n}\n"
PY_H = "import os\n\nfrom acme.db import connect\n\n"
JS_H = "import axios from 'axios';\n\n"
JAVA_H = ("package io.acme.billing;\n\nimport java.util.Properties;\n\npublic final class PaymentsConfig {\n"
          "    PaymentsConfig() {\n        Properties props = new Properties();\n")
JAVA_F = "    }\n}\n"

PLACES = [
    # Go
    Place("go/short-decl", "internal/billing/client.go", "\t{n} := {q}{v}{q}", ["camel"], ['"', "`"], GO_H, GO_F,
          refs=["os.Getenv(\"{N}\")", "cfg.{P}", "viper.GetString(\"{d}\")"]),
    Place("go/const", "internal/billing/consts.go", "const {n} = \"{v}\"", ["camel", "pascal"],
          header="package billing\n\n"),
    Place("go/var-typed", "internal/billing/vars.go", "var {n} string = \"{v}\"", ["camel", "pascal"],
          header="package billing\n\n"),
    Place("go/struct-literal", "internal/billing/config.go", "\t\t{n}: \"{v}\",", ["pascal"],
          header="package billing\n\nfunc defaults() Config {\n\treturn Config{\n\t\tRegion: \"eu-west-1\",\n",
          footer="\t}\n}\n", refs=["os.Getenv(\"{N}\")", "secrets.{P}"]),
    Place("go/map-literal", "internal/billing/headers.go", "\t\"{n}\": \"{v}\",", ["snake", "kebab", "camel"],
          header="package billing\n\nvar defaultParams = map[string]string{\n\t\"region\": \"eu-west-1\",\n", footer="}\n"),
    Place("go/setenv", "cmd/seed/main.go", "\tos.Setenv(\"{n}\", \"{v}\")", ["scream"],
          header="package main\n\nimport \"os\"\n\nfunc main() {\n", footer="\trun()\n}\n"),
    # Python
    Place("python/assign", "app/settings.py", "{n} = {q}{v}{q}", ["scream", "snake"], Q12, PY_H,
          refs=["os.environ[\"{N}\"]", "os.getenv(\"{N}\")", "config[\"{s}\"]", "settings.{N}"]),
    Place("python/dict", "app/clients.py", "    \"{n}\": \"{v}\",", ["snake", "camel", "kebab"],
          header="DEFAULTS = {\n    \"region\": \"eu-west-1\",\n", footer="}\n"),
    Place("python/kwargs", "app/db.py", "conn = connect(host=\"db.internal\", {n}={q}{v}{q})", ["snake"], Q12, PY_H,
          refs=["os.environ[\"{N}\"]", "settings.{N}"]),
    Place("python/environ-set", "scripts/bootstrap.py", "os.environ[\"{n}\"] = \"{v}\"", ["scream"], header=PY_H),
    Place("python/getenv-default", "app/conf.py", "{n} = os.getenv(\"{N}\", \"{v}\")", ["snake", "scream"],
          header=PY_H),
    Place("python/class-attr", "app/config.py", "    {n} = '{v}'", ["scream", "snake"],
          header="class ProductionConfig(BaseConfig):\n    DEBUG = False\n", refs=["os.environ['{N}']"]),
    # JavaScript / TypeScript
    Place("js/const", "src/api/client.js", "const {n} = {q}{v}{q};", ["camel", "scream"], Q12, JS_H,
          refs=["process.env.{N}", "config.{c}", "import.meta.env.VITE_{N}"]),
    Place("js/object-unquoted-key", "src/config/index.js", "  {n}: '{v}',", ["camel"],
          header="module.exports = {\n  region: 'eu-west-1',\n", footer="};\n",
          refs=["process.env.{N}", "env.{N}"]),
    Place("js/object-quoted-key", "src/config/services.js", "  {q}{n}{q}: \"{v}\",".replace("{q}{n}{q}", "'{n}'"),
          ["kebab", "snake", "camel"], header="export default {\n  'region': \"eu-west-1\",\n", footer="};\n"),
    Place("js/template-literal", "src/lib/auth.js", "const {n} = `{v}`;", ["camel", "scream"]),
    Place("js/env-assign", "scripts/setup-env.js", "process.env.{n} = \"{v}\";", ["scream"]),
    Place("js/env-fallback", "src/server.js", "const {c} = process.env.{n} || \"{v}\";", ["scream"]),
    Place("ts/export-const", "src/env.ts", "export const {n}: string = \"{v}\";", ["scream", "camel"],
          refs=["process.env.{N} ?? \"\"", "env.{N}"]),
    # Java
    Place("java/static-final", "src/main/java/io/acme/billing/Keys.java",
          "    private static final String {n} = \"{v}\";", ["scream"],
          header="package io.acme.billing;\n\npublic final class Keys {\n", footer="}\n",
          refs=["System.getenv(\"{N}\")", "Config.get(\"{d}\")"]),
    Place("java/spring-value", "src/main/java/io/acme/billing/Gateway.java",
          "    @Value(\"${{d}:{v}}\")", ["none"],
          header="package io.acme.billing;\n\n@Component\npublic class Gateway {\n", footer="    private String key;\n}\n"),
    Place("java/builder", "src/main/java/io/acme/billing/Factory.java", "            .{n}(\"{v}\")", ["camel"],
          header="package io.acme.billing;\n\nclass Factory {\n    Client build() {\n        return Client.builder()\n"
                 "            .endpoint(\"https://api.acme.io\")\n", footer="            .build();\n    }\n}\n"),
    Place("java/setter", "src/main/java/io/acme/billing/Pool.java", "        ds.set{n}(\"{v}\");", ["pascal"],
          header="package io.acme.billing;\n\nclass Pool {\n    void init(HikariDataSource ds) {\n", footer="    }\n}\n"),
    Place("java/props-put", "src/main/java/io/acme/billing/PaymentsConfig.java",
          "        props.put(\"{n}\", \"{v}\");", ["dotted", "camel"], header=JAVA_H, footer=JAVA_F),
    # C#
    Place("csharp/const", "src/Acme.Billing/Secrets.cs", "        private const string {n} = \"{v}\";", ["pascal"],
          header="namespace Acme.Billing\n{\n    internal static class Secrets\n    {\n", footer="    }\n}\n"),
    Place("csharp/auto-property", "src/Acme.Billing/Options.cs",
          "        public string {n} {{ get; set; }} = \"{v}\";", ["pascal"],
          header="namespace Acme.Billing\n{\n    public class GatewayOptions\n    {\n", footer="    }\n}\n"),
    Place("csharp/appsettings", "src/Acme.Billing/appsettings.Production.json",
          "      \"{n}\": \"{v}\",", ["pascal"],
          header="{\n  \"Logging\": { \"LogLevel\": { \"Default\": \"Warning\" } },\n  \"Integrations\": {\n    \"Payments\": {\n"
                 "      \"BaseUrl\": \"https://api.acme.io\",\n",
          footer="      \"TimeoutSeconds\": 30\n    }\n  }\n}\n"),
    # Kotlin, Swift, Rust
    Place("kotlin/const-val", "app/src/main/kotlin/io/acme/Keys.kt", "const val {n} = \"{v}\"", ["scream"],
          header="package io.acme\n\n"),
    Place("kotlin/val", "app/src/main/kotlin/io/acme/Client.kt", "    private val {n} = \"{v}\"", ["camel"],
          header="package io.acme\n\nclass Client {\n", footer="}\n"),
    Place("swift/let", "Sources/App/Config.swift", "    static let {n} = \"{v}\"", ["camel"],
          header="import Foundation\n\nenum Config {\n", footer="}\n"),
    Place("rust/const", "src/config.rs", "const {n}: &str = \"{v}\";", ["scream"], header="//! Defaults.\n\n"),
    Place("rust/let", "src/main.rs", "    let {n} = \"{v}\";", ["snake"],
          header="fn main() {\n", footer="    run();\n}\n", refs=["std::env::var(\"{N}\")?", "cfg.{s}.clone()"]),
    # PHP, Ruby
    Place("php/array", "config/services.php", "    '{n}' => '{v}',", ["snake"],
          header="<?php\n\nreturn [\n    'region' => 'eu-west-1',\n", footer="];\n",
          refs=["env('{N}')", "getenv('{N}')", "$config['{s}']"]),
    Place("php/define", "wp-config.php", "define('{n}', '{v}');", ["scream"], header="<?php\n"),
    Place("php/variable", "lib/Client.php", "${n} = '{v}';", ["camel", "snake"], header="<?php\n"),
    Place("ruby/hash-new", "config/initializers/payments.rb", "  {n}: '{v}',", ["snake"],
          header="Payments.configure(\n  region: 'eu-west-1',\n", footer=")\n",
          refs=["ENV['{N}']", "ENV.fetch('{N}')", "Rails.application.credentials.{s}"]),
    Place("ruby/hash-rocket", "config/initializers/legacy.rb", "  :{n} => '{v}',", ["snake"],
          header="LEGACY = {\n  :region => 'eu-west-1',\n", footer="}\n"),
    Place("ruby/env-default", "config/boot_env.rb", "ENV['{n}'] ||= '{v}'", ["scream"]),
    # shell, PowerShell, Makefile, Dockerfile
    Place("shell/export", "scripts/deploy.sh", "export {n}={q}{v}{q}", ["scream"], QANY,
          header="#!/usr/bin/env bash\nset -euo pipefail\n", refs=["$(vault kv get -field=value secret/{s})", "\"${N}\""]),
    Place("shell/inline-env", "scripts/migrate.sh", "{n}={q}{v}{q} ./bin/migrate --up", ["scream"], Q12,
          header="#!/bin/sh\n"),
    Place("shell/flag-space", "scripts/run-sync.sh", "acme-sync --{n} {q}{v}{q} --region eu-west-1", ["kebab"],
          QANY, header="#!/bin/sh\n"),
    Place("shell/flag-equals", "scripts/run-report.sh", "acme-report --{n}={q}{v}{q} --verbose", ["kebab"], QANY,
          header="#!/bin/sh\n"),
    Place("powershell/env", "deploy/setup.ps1", "$env:{n} = \"{v}\"", ["scream"],
          header="Set-StrictMode -Version Latest\n"),
    Place("powershell/variable", "deploy/install.ps1", "${n} = '{v}'", ["camel", "pascal"],
          header="param([string]$Environment = 'prod')\n"),
    Place("make/conditional", "Makefile", "{n} ?= {v}", ["scream"], header="SHELL := /bin/bash\nREGION ?= eu-west-1\n",
          footer="\ndeploy:\n\t./deploy.sh\n"),
    Place("make/simple", "build/release.mk", "{n} := {v}", ["scream"], header="VERSION := 2.4.1\n"),
    Place("dockerfile/arg", "Dockerfile", "ARG {n}={v}", ["scream"], header="FROM node:20-alpine\nWORKDIR /app\n",
          footer="COPY . .\nCMD [\"node\", \"server.js\"]\n"),
    Place("dockerfile/env-space", "docker/worker.Dockerfile", "ENV {n} {v}", ["scream"],
          header="FROM python:3.12-slim\n", footer="CMD [\"python\", \"-m\", \"worker\"]\n"),
    Place("dockerfile/env-equals", "docker/api.Dockerfile", "ENV {n}={q}{v}{q}", ["scream"], Q2 + [""],
          header="FROM golang:1.22 AS build\n", footer="RUN go build ./...\n"),
    # YAML
    Place("yaml/plain", "config/application.yml", "  {n}: {q}{v}{q}", ["snake", "camel", "kebab"], QANY,
          header="server:\n  port: 8080\nintegrations:\n", refs=["${{N}}", "\"{{{{ .Values.{c} }}}}\""]),
    Place("yaml/nested", "config/production.yaml", "      {n}: {q}{v}{q}", ["snake", "camel"], QANY,
          header="services:\n  payments:\n    auth:\n      mode: hmac\n"),
    Place("yaml/k8s-stringdata", "deploy/k8s/secret.yaml", "  {n}: {q}{v}{q}", ["scream", "snake", "kebab"], QANY,
          header="apiVersion: v1\nkind: Secret\nmetadata:\n  name: payments\ntype: Opaque\nstringData:\n"),
    Place("yaml/helm-values", "charts/payments/values.yaml", "  {n}: {q}{v}{q}", ["camel"], QANY,
          header="replicaCount: 2\nimage:\n  repository: acme/payments\npayments:\n"),
    Place("yaml/gha-env", ".github/workflows/deploy.yml", "      {n}: {q}{v}{q}", ["scream"], QANY,
          header="name: deploy\non: [push]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n",
          footer="    steps:\n      - run: ./deploy.sh\n", refs=["${{{{ secrets.{N} }}}}"]),
    Place("yaml/compose-list", "docker-compose.yml", "      - {n}={v}", ["scream"],
          header="services:\n  api:\n    image: acme/api:2.4\n    environment:\n"),
    Place("yaml/compose-map", "compose.override.yml", "      {n}: {q}{v}{q}", ["scream"], QANY,
          header="services:\n  worker:\n    image: acme/worker:2.4\n    environment:\n"),
    Place("yaml/flow", "config/clients.yml", "payments: {{ region: eu-west-1, {n}: {q}{v}{q} }}", ["snake", "camel"],
          Q12 + [""]),
    # TOML, INI, .env, properties
    Place("toml/table", "config/app.toml", "{n} = \"{v}\"", ["snake", "kebab"], header="[payments]\nregion = \"eu-west-1\"\n"),
    Place("ini/section", "etc/acme.ini", "{n} = {v}", ["snake", "pascal"], header="[payments]\nregion = eu-west-1\n"),
    Place("ini/nospace", "etc/legacy.cfg", "{n}={v}", ["snake", "camel"], header="[auth]\nmode=hmac\n"),
    Place("dotenv/plain", ".env.production", "{n}={q}{v}{q}", ["scream"], QANY, header="NODE_ENV=production\n",
          refs=["${{N}_FILE}"]),
    Place("dotenv/export", "deploy/.env", "export {n}={q}{v}{q}", ["scream"], QANY),
    Place("properties/equals", "src/main/resources/application.properties", "{n}={v}", ["dotted", "camel", "kebab"],
          header="server.port=8080\n", refs=["${{N}}"]),
    Place("properties/colon", "src/main/resources/payments.properties", "{n}: {v}", ["dotted"]),
    Place("properties/space", "conf/legacy.properties", "{n} {v}", ["dotted"]),
    Place("properties/spring-dotted", "src/main/resources/application-prod.properties",
          "spring.datasource.{n}={v}", ["dotted"]),
    # XML
    Place("xml/attribute", "conf/payments.xml", "  <gateway url=\"https://api.acme.io\" {n}=\"{v}\" />", ["camel"],
          header="<?xml version=\"1.0\"?>\n<config>\n", footer="</config>\n"),
    Place("xml/element", "conf/server.xml", "  <{n}>{v}</{n}>", ["camel", "snake"],
          header="<?xml version=\"1.0\"?>\n<settings>\n", footer="</settings>\n"),
    Place("xml/appsettings-add", "Web.config", "    <add key=\"{n}\" value=\"{v}\" />", ["pascal", "dotted"],
          header="<configuration>\n  <appSettings>\n", footer="  </appSettings>\n</configuration>\n"),
    # JSON
    Place("json/nested", "config/payments.json", "      \"{n}\": \"{v}\",", ["camel", "snake"],
          header="{\n  \"payments\": {\n    \"auth\": {\n", footer="      \"mode\": \"hmac\"\n    }\n  }\n}\n"),
    Place("json/minified", "public/env.json", "{{\"env\":\"prod\",\"{n}\":\"{v}\",\"region\":\"eu\"}}", ["camel", "snake"]),
    # HCL / Terraform
    Place("hcl/attribute", "infra/main.tf", "  {n} = \"{v}\"", ["snake"],
          header="provider \"acme\" {\n  region = \"eu-west-1\"\n", footer="}\n", refs=["var.{s}", "data.vault_generic_secret.acme.data[\"{s}\"]"]),
    Place("hcl/variable-default", "infra/variables.tf", "variable \"{n}\" {{ default = \"{v}\" }}", ["snake"]),
    Place("hcl/tfvars", "infra/prod.tfvars", "{n} = \"{v}\"", ["snake"]),
    # SQL
    Place("sql/insert", "db/seed.sql", "INSERT INTO integrations (name, {n}) VALUES ('payments', '{v}');", ["snake"],
          header="-- staging seed\n"),
    Place("sql/create-user", "db/roles.sql", "CREATE USER reporting IDENTIFIED BY '{v}';", ["none"]),
    Place("sql/alter-role", "db/migrations/0042_roles.sql", "ALTER ROLE app_rw WITH LOGIN PASSWORD '{v}';", ["none"]),
    # connection strings
    Place("connstr/adonet", "src/Acme.Web/appsettings.json",
          "  \"ConnectionStrings\": {{ \"Main\": \"Server=sql01;Database=billing;User Id=billing;Password={v};\" }},",
          ["none"], header="{\n", footer="  \"AllowedHosts\": \"*\"\n}\n"),
    Place("connstr/jdbc", "conf/datasource.conf", "url = \"jdbc:postgresql://db01:5432/billing?user=billing&password={v}\"",
          ["none"]),
    Place("connstr/uri", "conf/queues.env", "BROKER_URL=amqp://billing:{v}@mq01.internal:5672/prod", ["none"]),
    Place("connstr/dsn", "conf/db.env", "{n}=postgres://billing:{v}@db01.internal:5432/billing", ["scream"],
          fixed_name=["database", "dsn"]),
    # Markdown and curl
    Place("markdown/code-span", "docs/runbook.md", "For staging, set `{n}` to `{v}`.", ["scream"],
          header="# Runbook\n\n"),
    Place("markdown/prose", "docs/setup.md", "The {w} for the staging account is {v}, rotate it monthly.", ["none"],
          header="# Setup\n\n"),
    Place("markdown/fenced", "docs/local.md", "```sh\nexport {n}={v}\n```", ["scream"], header="# Local dev\n\n"),
    Place("curl/header", "scripts/smoke.sh", "curl -fsS -H \"X-{n}: {v}\" https://api.acme.io/v1/ping", ["kebab"],
          header="#!/bin/sh\n"),
    Place("curl/json-body", "scripts/register.sh",
          "curl -X POST https://api.acme.io/v1/hooks -d '{{\"{n}\": \"{v}\"}}'", ["snake", "camel"], header="#!/bin/sh\n"),
]

# ---------------------------------------------------------------------------------------------------------
# negatives: values a reviewer would not report, in the same places
# ---------------------------------------------------------------------------------------------------------

NEG_LITERALS = [
    ("placeholder", ["<your-api-key>", "YOUR_API_KEY_HERE", "changeme", "xxxxxxxxxxxxxxxx", "replace-me",
                     "TODO", "REDACTED", "********", "<secret>"]),
    ("template", ["${API_KEY}", "{{ api_key }}", "#{ApiKey}", "%API_KEY%", "$(API_KEY)"]),
    ("dummy", ["hunter2", "supersecret", "password123", "letmein", "test1234", "mysecret", "admin", "s3cr3t"]),
    ("identifier", ["STRIPE_SECRET_KEY", "stripeSecretKey", "api_key", "secret-key"]),
    ("path", ["/run/secrets/api_key", "./certs/signing.pem", "secrets/prod/api-key.txt"]),
    ("url", ["https://vault.acme.io/v1/kv/payments", "https://api.acme.io/oauth/token"]),
    ("version", ["2.14.0", "v1.4.2-rc.1"]),
    ("empty", [""]),
]
HASH_NAMES = [["token", "sha256"], ["password", "hash"], ["secret", "checksum"], ["api", "key", "id"],
              ["client", "id"], ["commit", "sha"], ["integrity"], ["etag"], ["key", "fingerprint"],
              ["token", "digest"]]


def render(place: Place, s: Stream, words: list[str], v: str, quote: str, style: str) -> str:
    n = "" if style == "none" else STYLES[style](words)
    return (place.line.replace("{q}", quote).replace("{n}", n).replace("{v}", v)
            .replace("{N}", STYLES["scream"](words)).replace("{c}", STYLES["camel"](words))
            .replace("{d}", STYLES["dotted"](words)).replace("{s}", STYLES["snake"](words))
            .replace("{P}", STYLES["pascal"](words))
            .replace("{w}", " ".join(words)).replace("{{", "{").replace("}}", "}"))


def render_ref(place: Place, ref: str, words: list[str], style: str) -> str:
    """The place with its quoted value replaced by an expression (lookup, reference)."""
    expr = (ref.replace("{N}", STYLES["scream"](words)).replace("{P}", STYLES["pascal"](words))
            .replace("{c}", STYLES["camel"](words)).replace("{s}", STYLES["snake"](words))
            .replace("{d}", STYLES["dotted"](words)).replace("{{", "{").replace("}}", "}"))
    line = place.line
    for pat in ('{q}{v}{q}', '"{v}"', "'{v}'", "`{v}`", "{v}"):
        if pat in line:
            line = line.replace(pat, "\0", 1)
            break
    n = STYLES[style](words)
    return (line.replace("{q}", "").replace("{n}", n).replace("{N}", STYLES["scream"](words))
            .replace("{c}", STYLES["camel"](words)).replace("{{", "{").replace("}}", "}").replace("\0", expr))


def build():
    s = Stream("cases")
    files: dict[str, list[str]] = {}
    headers: dict[str, tuple[str, str]] = {}
    cases = {"positives": [], "negatives": []}
    shape_i = 0

    def emit(place: Place, text: str, record: dict | None, kind: str, marker: str):
        path = f"{place.id.split('/')[0]}/{place.path}"
        headers.setdefault(path, (place.header, place.footer))
        body = files.setdefault(path, [])
        before = "\n".join(body)
        offset = place.header.count("\n") + (before.count("\n") + 1 if body else 0)
        body.append(text)
        lines = text.split("\n")
        at = next((i for i, ln in enumerate(lines) if marker and marker in ln), len(lines) - 1)
        if record is not None:
            record.update(path=path, line=offset + at + 1, place=place.id)
            cases[kind].append(record)

    for place in PLACES:
        n_pos = 4 if place.styles != ["none"] else 3
        for k in range(n_pos):
            shape = SHAPES[(shape_i + k) % len(SHAPES)]
            words, where = name_words(s)
            if place.fixed_name:
                words, where = place.fixed_name, "fixed"
            if place.id.startswith(("sql/create", "sql/alter", "connstr/")) and not place.fixed_name:
                words, where = ["password"], "fixed"
            style = s.pick(place.styles)
            quote = s.pick(place.quotes) if "{q}" in place.line else "fixed"
            unquoted = quote == "" or "{q}" not in place.line and not any(
                c + "{v}" in place.line for c in "\"'`")
            # Connection strings and URIs are delimited by `;`, `&`, `@`: their passwords avoid them.
            single = quote == "'" or quote == "fixed" and "'{v}'" in place.line
            v = value(s, shape, unquoted or place.id.startswith(("connstr/", "markdown/prose", "xml/")), single)
            if place.id.startswith("connstr/"):
                v = v.replace("/", "_").replace("+", "-")  # inside a URI or a connection string
            if shape == "password" and (place.id.startswith(("connstr/", "xml/")) or unquoted):
                v = "".join(c for c in v if c not in ";&@#$()\"'<>") or v
            text = render(place, s, words, v, "" if quote == "fixed" else quote, style)
            rec = {"name": "" if style == "none" else STYLES[style](words), "words": "_".join(words),
                   "name_where": where, "style": style, "shape": shape,
                   "quote": {"\"": "double", "'": "single", "`": "back", "": "none"}.get(quote, "fixed"),
                   "value": v}
            emit(place, text, rec, "positives", v)
        shape_i += n_pos
        # Negatives: three literals, one hash-ish name with a digest, one lookup/reference when the place has one.
        kinds = [NEG_LITERALS[(shape_i + j) % len(NEG_LITERALS)] for j in range(3)]
        for kind, pool in kinds:
            v = s.pick(pool)
            if kind == "empty" and (place.styles == ["none"] or place.id == "markdown/prose"):
                continue
            words, _ = name_words(s)
            style = s.pick(place.styles)
            quote = s.pick(place.quotes) if "{q}" in place.line else ""
            if quote == "" and kind in ("template", "placeholder") and v.startswith(("<", "{", "#", "%", "*")):
                quote = place.quotes[0] if place.quotes[0] else '"'
            text = render(place, s, words, v, quote, style)
            emit(place, text, {"kind": kind, "value": v}, "negatives", v)
        if place.styles != ["none"] and not place.fixed_name:
            words = s.pick(HASH_NAMES)
            hv = s.bytes(32).hex() if words[-1] in ("sha256", "digest", "integrity", "checksum") else \
                s.bytes(20).hex() if words[-1] in ("sha", "hash", "etag", "fingerprint") else value(s, "uuid", False)
            style = s.pick(place.styles)
            text = render(place, s, words, hv, s.pick(place.quotes) if "{q}" in place.line else "", style)
            emit(place, text, {"kind": "hash-name", "value": hv}, "negatives", hv)
        for ref in place.refs[:2]:
            words, _ = name_words(s)
            style = s.pick(place.styles)
            text = render_ref(place, ref, words, style)
            emit(place, text, {"kind": "reference", "value": ref}, "negatives", "")

    if OUT.exists():
        shutil.rmtree(OUT)
    (OUT / "files").mkdir(parents=True)
    for path, body in files.items():
        head, foot = headers[path]
        p = OUT / "files" / path
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(head + "\n".join(body) + "\n" + foot)
    for kind in cases:
        cases[kind].sort(key=lambda c: (c["path"], c["line"]))
    check(cases)
    (OUT / "cases.json").write_text(json.dumps(cases, indent=1) + "\n")
    print(f"probe: {len(PLACES)} places, {len(files)} files, {len(cases['positives'])} positives, "
          f"{len(cases['negatives'])} negatives")


def check(cases):
    """Every positive's value is on its labelled line; no two cases share a line."""
    seen = set()
    for kind in cases:
        for c in cases[kind]:
            key = (c["path"], c["line"])
            assert key not in seen, f"two cases on {key}"
            seen.add(key)
            if kind == "positives":
                text = (OUT / "files" / c["path"]).read_text().split("\n")
                assert c["value"] in text[c["line"] - 1], (c, text[c["line"] - 1])


# ---------------------------------------------------------------------------------------------------------
# scoring a plimsoll JSON report
# ---------------------------------------------------------------------------------------------------------

def score(report_path: str, show: int):
    cases = json.loads((OUT / "cases.json").read_text())
    report = json.loads(Path(report_path).read_text())
    root = str(OUT / "files") + "/"
    found = defaultdict(list)
    for f in report["findings"]:
        if "confidence" not in f:
            continue  # not a secret finding (Dockerfile lint)
        p = f["path"]
        for pre in (root, "corpus/secrets/probe/files/"):
            if p.startswith(pre):
                p = p[len(pre):]
        found[(p, f["line"])].append(f["rule_id"])
    pos = {(c["path"], c["line"]): c for c in cases["positives"]}
    tp = sum(1 for k in pos if k in found)
    fps = [k for k in found if k not in pos]
    print(f"positives {len(pos)}, found {tp}, recall {tp / len(pos):.3f}; "
          f"false-positive lines {len(fps)}, precision {tp / max(1, tp + len(fps)):.3f}")
    for dim in ("place", "shape", "style", "quote", "name_where", "words"):
        agg = defaultdict(lambda: [0, 0])
        for k, c in pos.items():
            key = c[dim] if dim != "place" else c["place"].split("/")[0]
            agg[key][1] += 1
            agg[key][0] += k in found
        row = ", ".join(f"{k} {a}/{b}" for k, (a, b) in sorted(agg.items(), key=lambda x: x[1][0] / x[1][1]))
        print(f"by {dim}: {row}")
    neg = {(c["path"], c["line"]): c for c in cases["negatives"]}
    for k in sorted(fps):
        c = neg.get(k, {})
        print(f"  FP {k[0]}:{k[1]} {found[k]} {c.get('kind', 'unlabelled line')} {c.get('value', '')!r}")
    misses = [c for k, c in pos.items() if k not in found]
    for c in misses[:show]:
        line = (OUT / "files" / c["path"]).read_text().split("\n")[c["line"] - 1]
        print(f"  MISS {c['place']:26} {c['shape']:8} {line.strip()[:150]}")


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "--score":
        score(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 1000)
    else:
        build()
