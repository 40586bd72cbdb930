#!/usr/bin/env bash
# Start-up cost of the two runs that must feel instant: `plimsoll scan` of one small file, and
# `plimsoll git --pre-push` on a typical push (a temp repository whose pushed commit changes a few files), and
# on the same push with a compose file and a Dockerfile in it (the git modes' project phase).
# Each is timed against a baseline doing the same job's I/O in the same run: ripgrep searching the file for
# plimsoll's keyword set (grep when there is no rg), and `git diff` of the pushed range. The ratio is what
# compares across machines; a loaded machine slows both sides. Each command runs RUNS times (default 10) and
# the fastest run counts, for wall time and for CPU time (user + sys, from the kernel's accounting of the
# child, microsecond resolution) separately. The budget is 0.1 s of CPU per plimsoll run; the script exits
# 1 when a run is over it.
#
# usage: benches/startup.sh        (PLIMSOLL=/path/to/plimsoll skips the release build; RUNS=N)
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z ${PLIMSOLL:-} ]]; then cargo build --release --quiet; fi
bin="$(realpath "${PLIMSOLL:-${CARGO_TARGET_DIR:-target}/release/plimsoll}")"
runs="${RUNS:-10}"
budget=0.1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Fastest of $runs runs of a command (stdin from $1, the rest is the command): prints "<wall s> <cpu s>".
fastest() {
  python3 - "$runs" "$@" <<'PY'
import os, subprocess, sys, time
runs, stdin, cmd = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
best_wall = best_cpu = float("inf")
for _ in range(runs):
    with open(stdin, "rb") as inp, open(os.devnull, "wb") as out:
        t = time.perf_counter()
        p = subprocess.Popen(cmd, stdin=inp, stdout=out, stderr=out)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"{cmd[0]} failed with exit code {os.waitstatus_to_exitcode(status)}")
    best_wall = min(best_wall, wall)
    best_cpu = min(best_cpu, ru.ru_utime + ru.ru_stime)
print(f"{best_wall:.4f} {best_cpu:.4f}")
PY
}

over=0
# Prints one comparison and remembers whether plimsoll was over budget.
compare() {
  local name=$1 p=$2 p_cpu=$3 b=$4 b_cpu=$5 base=$6
  echo "$name: plimsoll wall ${p}s cpu ${p_cpu}s; $base wall ${b}s cpu ${b_cpu}s;" \
    "ratio plimsoll/$base: wall $(echo "scale=1; $p / $b" | bc)x, cpu $(echo "scale=1; $p_cpu / ($b_cpu + 0.0001)" | bc)x"
  if (( $(echo "$p_cpu >= $budget" | bc) )); then
    echo "  OVER BUDGET: ${p_cpu}s cpu >= ${budget}s"
    over=1
  fi
}

echo "runs per command: $runs (fastest counts), cores: $(nproc), load: $(cut -d' ' -f1-3 /proc/loadavg)"

# 1. One small file: a config snippet whose names hit a few rules' keywords.
cat > "$work/settings.py" <<'EOF'
import os

DEBUG = False
DATABASE_URL = os.environ["DATABASE_URL"]
API_TOKEN = os.environ.get("API_TOKEN", "")
ALLOWED_HOSTS = ["example.com"]
EOF
"$bin" rules --format json | python3 -c '
import json, sys
print("\n".join(sorted({k.lower() for r in json.load(sys.stdin)["rules"] for k in r.get("keywords", [])})))' > "$work/keywords"
if command -v rg >/dev/null; then
  base=(rg -i -F -f "$work/keywords" "$work/settings.py"); base_name=rg
else
  base=(grep -i -F -f "$work/keywords" "$work/settings.py"); base_name=grep
fi
read -r p p_cpu < <(fastest /dev/null "$bin" scan --no-config -q "$work/settings.py")
read -r b b_cpu < <(fastest /dev/null "${base[@]}")
compare "one-file scan" "$p" "$p_cpu" "$b" "$b_cpu" "$base_name (same file, $(wc -l < "$work/keywords") keywords)"

# 2. A typical push: 40 files of history, then a commit changing 4 of them and adding one.
repo="$work/repo"
git init -q -b main "$repo"
for i in $(seq 1 40); do
  python3 - "$repo/src/module_$i.py" "$i" <<'PY'
import os, sys
path, n = sys.argv[1], int(sys.argv[2])
os.makedirs(os.path.dirname(path), exist_ok=True)
with open(path, "w") as f:
    for k in range(60):
        f.write(f"def handler_{n}_{k}(request, token=None):\n    return request.get('key_{k}', {n * k})\n\n")
PY
done
git -C "$repo" add -A
git -C "$repo" -c user.name=bench -c user.email=bench@example.com commit -q -m base
old=$(git -C "$repo" rev-parse HEAD)
for i in 3 7 11 19; do
  printf 'def fetch_%s(session, api_key=None):\n    return session.get("/v1/items", headers={"Authorization": api_key})\n' "$i" >> "$repo/src/module_$i.py"
done
printf 'SECRET_NAME = "db-password"\nTIMEOUT = 30\n' > "$repo/src/settings.py"
git -C "$repo" add -A
git -C "$repo" -c user.name=bench -c user.email=bench@example.com commit -q -m change
new=$(git -C "$repo" rev-parse HEAD)
echo "refs/heads/main $new refs/heads/main $old" > "$work/push"
read -r p p_cpu < <(cd "$repo" && fastest "$work/push" "$bin" git --pre-push origin https://example.com/repo.git -q)
read -r b b_cpu < <(fastest /dev/null git -C "$repo" diff --no-color -U0 "$old" "$new")
compare "pre-push (4 files changed, 1 added)" "$p" "$p_cpu" "$b" "$b_cpu" "git diff (same range)"

# 3. The same push with a compose file and the Dockerfile it builds among the changes: the project rules
# judge that commit (its other compose, Dockerfile and env files read from the commit's tree).
mkdir -p "$repo/app"
printf 'FROM python:3.13-slim\nCOPY src /app\nUSER nobody\nCMD ["python", "/app/module_1.py"]\n' > "$repo/app/Dockerfile"
printf 'services:\n  app:\n    build: ./app\n    environment:\n      LOG_LEVEL: ${LOG_LEVEL}\n' > "$repo/compose.yaml"
printf 'LOG_LEVEL=\n' > "$repo/.env.example"
git -C "$repo" add -A
git -C "$repo" -c user.name=bench -c user.email=bench@example.com commit -q -m compose
composed=$(git -C "$repo" rev-parse HEAD)
echo "refs/heads/main $composed refs/heads/main $old" > "$work/push-compose"
read -r p p_cpu < <(cd "$repo" && fastest "$work/push-compose" "$bin" git --pre-push origin https://example.com/repo.git -q)
read -r b b_cpu < <(fastest /dev/null git -C "$repo" diff --no-color -U0 "$old" "$composed")
compare "pre-push (2 commits, 8 files, compose + Dockerfile among them)" "$p" "$p_cpu" "$b" "$b_cpu" "git diff (same range)"

if (( over )); then exit 1; fi
echo "within budget"
