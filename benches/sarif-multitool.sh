#!/usr/bin/env bash
# Validates plimsoll's SARIF with Microsoft's SARIF Multitool, using the GitHub ingestion rules and the SARIF
# rules (`validate --rule-kind "Gh;Sarif"`), on reports that exercise everything an auditor reads: version
# control provenance (from a remote URL that carries credentials), suppressed findings of every kind (secret,
# Dockerfile, hadolint and compose pragmas, the config's allow-list, the baseline), settings read with
# `--config-from`, git history and range scans, and Dockerfile and compose findings. Fails (exit 1) on any error or warning; notes are printed
# but accepted.
#
# usage: benches/sarif-multitool.sh [SARIF_FILE]...
#   Without arguments, builds a demo repository under a temp dir, scans it, and validates those reports.
#   MULTITOOL: path to the `Sarif.Multitool` executable; default: on PATH, else the npm package installed
#   with `npm install --prefix DIR @microsoft/sarif-multitool-linux` in $MULTITOOL_PREFIX (default
#   /work/tools-audit). The Multitool checks that every helpUri is reachable, so offline it takes about 30 s
#   per report (timeouts), and says so only as notes.
set -euo pipefail
cd "$(dirname "$0")/.."
PLIMSOLL=${PLIMSOLL:-$PWD/target/release/plimsoll}
PREFIX=${MULTITOOL_PREFIX:-/work/tools-audit}
MULTITOOL=${MULTITOOL:-$(command -v Sarif.Multitool || true)}
[ -n "$MULTITOOL" ] || MULTITOOL=$PREFIX/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
if [ ! -e "$MULTITOOL" ]; then
  echo "SARIF Multitool not found: npm install --prefix $PREFIX @microsoft/sarif-multitool-linux (or set MULTITOOL)" >&2
  exit 2
fi
[ -x "$MULTITOOL" ] || chmod u+x "$MULTITOOL"
# The Multitool is a .NET program; without ICU it needs invariant globalization.
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  [ -x "$PLIMSOLL" ] || cargo build --release --quiet
  repo=$work/demo
  mkdir -p "$repo"
  cp tests/fixtures/acme-rules.toml "$work/rules.toml"
  g() { git -C "$repo" -c user.name=Demo -c user.email=demo@example.test -c commit.gpgsign=false "$@"; }
  g init -q -b main
  # Credentials in the remote URL must be stripped from every report.
  g remote add origin "https://demo-user:$(printf 'n0t%s' -a-real-t0ken)@example.test/acme/demo.git"
  # Tokens are assembled here so this script holds none.
  t1="acme_$(printf '%s' Q8vR3kLmN0pQ2sT4uW6yA8cE)"
  t2="acme_$(printf '%s' Z9vR3kLmN0pQ2sT4uW6yA8cE)"
  t3="acme_$(printf '%s' P0vR3kLmN0pQ2sT4uW6yA8cE)"
  printf 'ACME_TOKEN=%s\n' "$t1" > "$repo/app.env"
  printf 'TEST_TOKEN=%s # plimsoll:allow -- test fixture, revoked\n' "$t2" > "$repo/fixture.env"
  printf '# pragma: allowlist nextline secret\nOTHER=%s\n' "$t3" > "$repo/other.env"
  printf 'FROM debian:latest\n# hadolint ignore=DL3008\nRUN apt-get update && apt-get install -y curl\n' > "$repo/Dockerfile"
  printf '# plimsoll ignore-file=DF013 -- the orchestrator checks health\n# plimsoll ignore=DF002 -- pinned by the release pipeline\nFROM alpine:latest\nUSER app\n' \
    > "$repo/Dockerfile.worker"
  cat > "$repo/compose.yaml" <<'YAML'
services:
  web: # plimsoll ignore=DC001 -- the load balancer checks it
    image: nginx:1.27
    restart: always
    # plimsoll ignore=DC005 -- the CI runner needs it
    privileged: true
    network_mode: host # plimsoll ignore=host-namespace
  db:
    image: postgres:17
    restart: always
    ports:
      - "5432:5432"
YAML
  # The config (an allow-listed value, a baseline) is committed on main and read back with --config-from.
  t4="acme_$(printf '%s' K4vR3kLmN0pQ2sT4uW6yA8cE)"
  printf 'ALLOWED=%s\n' "$t4" > "$repo/allowed.env"
  printf 'baseline = "baseline.json"\n[allow]\nvalues = ["sha256:%s"]\n' \
    "$(printf '%s' "$t4" | sha256sum | cut -d' ' -f1)" > "$repo/.plimsoll.toml"
  (cd "$repo" && "$PLIMSOLL" baseline create -q --rules "$work/rules.toml" -o baseline.json app.env >/dev/null 2>&1)
  g add -A && g commit -q -m "demo"
  printf 'LATER=%s\n' "$t1" > "$repo/later.env"
  g add -A && g commit -q -m "later"
  flags=(--no-config --rules "$work/rules.toml" --format sarif --fail-on none -q)
  extra=()
  if "$PLIMSOLL" scan --help | grep -q -- --include-suppressed; then extra=(--include-suppressed); fi
  (cd "$repo" && "$PLIMSOLL" scan . "${flags[@]}" "${extra[@]}" -o "$work/scan.sarif")
  (cd "$repo" && "$PLIMSOLL" git "${flags[@]}" "${extra[@]}" -o "$work/history.sarif")
  (cd "$repo" && "$PLIMSOLL" git --range HEAD~1..HEAD "${flags[@]}" -o "$work/range.sarif")
  files=("$work/scan.sarif" "$work/history.sarif" "$work/range.sarif")
  if "$PLIMSOLL" scan --help | grep -q -- --config-from; then
    cfg=(--rules "$work/rules.toml" --format sarif --fail-on none -q --include-suppressed --config-from main)
    (cd "$repo" && "$PLIMSOLL" scan . "${cfg[@]}" -o "$work/config-from.sarif")
    (cd "$repo" && "$PLIMSOLL" git --range HEAD~1..HEAD "${cfg[@]}" -o "$work/config-from-range.sarif")
    files+=("$work/config-from.sarif" "$work/config-from-range.sarif")
  fi
  if grep -l "demo-user\|n0t-a-real" "${files[@]}"; then
    echo "FAIL: remote credentials leaked into a report" >&2
    exit 1
  fi
fi

log=$work/multitool.log
status=0
"$MULTITOOL" validate --rule-kind "Gh;Sarif" --level "Error;Warning;Note" -o "$work/validation.sarif" "${files[@]}" \
  > "$log" 2>&1 || status=$?
# Errors and warnings in full; notes counted by rule.
grep -E ': (error|warning) ' "$log" | sed 's/^/  /' || true
grep -oE ': note SARIF[0-9]+' "$log" | sed 's/: note /  notes: /' | sort | uniq -c | sort -rn || true
problems=$(grep -cE ': (error|warning) ' "$log" || true)
if [ "$status" -ne 0 ] || ! grep -q "Analysis completed successfully" "$log"; then
  cat "$log" >&2
  echo "FAIL: the Multitool did not complete (exit $status)" >&2
  exit 1
fi
notes=$(grep -cE ': note ' "$log" || true)
echo "${#files[@]} SARIF file(s): $problems error(s) or warning(s), $notes note(s)"
[ "$problems" -eq 0 ]
