#!/usr/bin/env bash
# Times a whole `plimsoll scan` against ripgrep searching the same keyword set over the same tree, in the
# same run, and prints the ratio plus peak memory and throughput. Machines are shared and noisy: only the
# ratio is meaningful.
#
# usage: benches/compare-rg.sh [TREE] [RUNS]
#   TREE defaults to a composite source tree (cargo registry sources, /usr/include, Python stdlib sources)
#   assembled once under ${TMPDIR:-/tmp}/plimsoll-bench-tree (about 300 MB, 18k+ files).
#   Needs `rg` on PATH (cargo install ripgrep) and a release build (cargo build --release).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${2:-3}
PLIMSOLL=${PLIMSOLL:-target/release/plimsoll}
RG=${RG:-$(command -v rg || true)}
[ -x "$PLIMSOLL" ] || cargo build --release --quiet
[ -n "$RG" ] || { echo "ripgrep not found: cargo install ripgrep" >&2; exit 2; }

TREE=${1:-}
if [ -z "$TREE" ]; then
  TREE=${TMPDIR:-/tmp}/plimsoll-bench-tree
  if [ ! -d "$TREE" ]; then
    echo "assembling $TREE ..." >&2
    mkdir -p "$TREE"
    cp -r "$HOME/.cargo/registry/src" "$TREE/cargo-registry" 2>/dev/null || true
    cp -r /usr/include "$TREE/include" 2>/dev/null || true
    py=$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')
    (cd "$py" && find . -name '*.py' -o -name '*.txt' -o -name '*.rst' -o -name '*.cfg' -o -name '*.toml' | cpio -pdm "$TREE/python" 2>/dev/null) || true
  fi
fi

KW=$(mktemp)
"$PLIMSOLL" rules --format json 2>/dev/null | python3 -c '
import json, sys
kws = sorted({k.lower() for r in json.load(sys.stdin)["rules"] for k in r.get("keywords", [])})
print("\n".join(kws))' > "$KW"

size=$(du -sb "$TREE" | cut -f1)
files=$(find "$TREE" -type f | wc -l)
echo "tree: $TREE  $((size / 1048576)) MiB, $files files, $(wc -l < "$KW") keywords, $(nproc) cores"

# Warm the page cache so both tools read from memory.
"$RG" -c -i -F -f "$KW" --hidden "$TREE" > /dev/null || true

time_cmd() { # prints "seconds maxrss_kb" of the fastest of $RUNS runs
  local tf best_t="" best_m="" t m
  tf=$(mktemp)
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -o "$tf" -f "%e %M" "$@" > /dev/null 2>&1 || true
    read -r t m < <(tail -n 1 "$tf")
    if [ -z "$best_t" ] || awk "BEGIN{exit !($t < $best_t)}"; then best_t=$t; best_m=$m; fi
  done
  rm -f "$tf"
  echo "$best_t $best_m"
}

read -r rg_t rg_m < <(time_cmd "$RG" -c -i -F -f "$KW" --hidden "$TREE")
read -r pl_t pl_m < <(time_cmd "$PLIMSOLL" scan "$TREE" --no-config --quiet --format json)
ratio=$(awk "BEGIN{printf \"%.2f\", $pl_t / ($rg_t > 0 ? $rg_t : 0.01)}")
thr=$(awk "BEGIN{printf \"%.0f\", $size / 1048576 / ($pl_t > 0 ? $pl_t : 0.01)}")
echo "ripgrep  (same keywords): ${rg_t}s  peak ${rg_m} KB"
echo "plimsoll scan           : ${pl_t}s  peak ${pl_m} KB  (${thr} MiB/s)"
echo "ratio plimsoll/ripgrep  : ${ratio}x  (target <= 1.5x; peak memory target < 200 MB)"
rm -f "$KW"
