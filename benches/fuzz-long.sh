#!/usr/bin/env bash
# The long fuzz run: each property target of tests/fuzz.rs for MINUTES minutes (default 10), in rounds of
# CASES inputs with a fresh random seed each, on an optimised build, with a time budget per input that
# grows linearly with its size (PLIMSOLL_FUZZ_BUDGET_US_PER_KB, default 2000 us per KiB plus 500 ms), so a
# super-linear step fails like a panic does. CI runs the same targets briefly with a fixed seed
# (`cargo test --test fuzz`).
#
# A failure prints the seed; replay it with
#   PLIMSOLL_FUZZ_SEED=<seed> PROPTEST_CASES=<cases> cargo test --release --test fuzz <target>
# and keep the shrunk input as a regression test at the bottom of tests/fuzz.rs.
#
# usage: benches/fuzz-long.sh [MINUTES] [TARGET...]
set -uo pipefail
cd "$(dirname "$0")/.."
MINUTES=${1:-10}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(
  secrets_scanner_on_hostile_bytes
  dockerfile_linter_on_mutated_real_dockerfiles
  compose_analyzer_on_mutated_real_compose_files
  compose_analyzer_on_alias_bombs
  rule_loader_on_arbitrary_toml
  config_loader_on_arbitrary_toml
)
CASES=${CASES:-500}
export PLIMSOLL_FUZZ_BUDGET_US_PER_KB=${PLIMSOLL_FUZZ_BUDGET_US_PER_KB:-2000}
# Build once and run a private copy of the test binary, so editing the sources meanwhile changes nothing.
bin=$(cargo test --release --test fuzz --no-run --message-format=json 2>/dev/null |
  python3 -c 'import json,sys
for l in sys.stdin:
    m = json.loads(l)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "fuzz" and m.get("executable"):
        print(m["executable"])')
[ -x "$bin" ] || { echo "cannot build tests/fuzz.rs" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/plimsoll-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp "$bin" "$work/fuzz"
export CARGO_MANIFEST_DIR=$PWD
failed=0
for target in "${TARGETS[@]}"; do
  start=$SECONDS
  end=$((start + MINUTES * 60))
  rounds=0
  verdict="no failure"
  while [ "$SECONDS" -lt "$end" ]; do
    seed=$(od -An -N8 -tu8 /dev/urandom | tr -d ' ')
    if ! out=$(PLIMSOLL_FUZZ_SEED=$seed PROPTEST_CASES=$CASES "$work/fuzz" --quiet --exact "$target" 2>&1); then
      echo "FAIL $target seed=$seed cases=$CASES"
      echo "$out" | grep -E "panicked|minimal failing input|Test failed" | head -20
      failed=1
      verdict="FAILED in the round after these"
      break
    fi
    rounds=$((rounds + 1))
  done
  echo "$target: $((SECONDS - start)) s, $rounds rounds of $CASES inputs ($((rounds * CASES)) inputs), $verdict"
done
exit $failed
