#!/usr/bin/env bash
# Times `plimsoll scan` on a minified-bundle worst case: one line of `token="<20 random chars>";`
# repeated N times (every assignment is a finding candidate), at several sizes, plus an 8.7 MB file.
# Every step of the scan must be linear: the time per assignment should stay flat as N grows, and the
# 80,000 case (2.3 MB) must take under a second. Prints wall and CPU (user+sys) seconds, peak RSS and the
# number of findings reported (at most --max-findings-per-file, plus one note) per size; a second table
# with --max-findings-per-file 0 (every finding built and printed) shows the output side is linear too.
# Machines are shared and noisy: look at the CPU column and at the trend, not at one number.
#
# usage: benches/long-line.sh [SIZES...]     (default: 10000 20000 40000 80000 160000 300000)
#   300000 assignments is the 8.7 MB file.
set -euo pipefail
cd "$(dirname "$0")/.."
PLIMSOLL=${PLIMSOLL:-${CARGO_TARGET_DIR:-target}/release/plimsoll}
[ -x "$PLIMSOLL" ] || cargo build --release --quiet
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(10000 20000 40000 80000 160000 300000)
DIR=$(mktemp -d "${TMPDIR:-/tmp}/plimsoll-long-line.XXXXXX")
trap 'rm -rf "$DIR"' EXIT

for n in "${SIZES[@]}"; do
  python3 - "$n" "$DIR/long-$n.js" <<'EOF'
import random, string, sys
n, out = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(n)
alphabet = string.ascii_letters + string.digits
with open(out, "w") as f:
    f.write("".join('token="%s";' % "".join(rnd.choice(alphabet) for _ in range(20)) for _ in range(n)))
    f.write("\n")
EOF
done

run() { # $1 = size, rest = extra flags; prints one table row
  local n=$1 tf out t u s m found
  shift
  tf=$(mktemp)
  out=$(mktemp)
  /usr/bin/time -o "$tf" -f "%e %U %S %M" "$PLIMSOLL" scan --no-config --quiet --format json --fail-on none \
    "$@" "$DIR/long-$n.js" > "$out"
  read -r t u s m < "$tf"
  found=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["findings"]))' "$out")
  awk -v n="$n" -v b="$(stat -c %s "$DIR/long-$n.js")" -v t="$t" -v u="$u" -v s="$s" -v m="$m" -v f="$found" 'BEGIN {
    c = u + s
    printf "%8d  %7.1f MB  %7.2f s  %7.2f s  %8.2f us  %6d MiB  %8d\n", n, b / 1e6, t, c, c * 1e6 / n, m / 1024, f }'
  rm -f "$tf" "$out"
}

header() {
  echo "$1"
  printf "%8s  %10s  %9s  %9s  %11s  %10s  %8s\n" assigns size wall cpu "cpu/assign" "peak RSS" findings
}
header "default (--max-findings-per-file 100):"
for n in "${SIZES[@]}"; do run "$n"; done
header "every finding reported (--max-findings-per-file 0):"
for n in "${SIZES[@]}"; do run "$n" --max-findings-per-file 0; done
