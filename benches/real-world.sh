#!/usr/bin/env bash
# Re-scans pinned snapshots of public repositories with default settings and compares the secret findings
# with the hand-made labels in corpus/real-world/labels.tsv (see corpus/real-world/README.md).
# A benchmark, not a test: it needs the fetched git mirrors, which CI does not have.
#
# usage: benches/real-world.sh [REPO_SUBSTRING...]
#   PLIMSOLL     binary to run (default target/release/plimsoll, built if missing)
#   RW_MIRRORS   where fetched bare mirrors live, one per repo as <owner>+<name>/repo (default /work/.mirror)
#   RW_CACHE     where snapshots are extracted once and reused (default ${TMPDIR:-/tmp}/plimsoll-real-world)
#   RW_OUT       where each run's raw JSON and the unlabelled findings go (default $RW_CACHE/out)
#   RW_MAX_FP    false-positive budget per repository (default 5)
#   RW_ARGS      extra scan arguments, e.g. "--min-confidence low" (default none: the user's default settings)
# Exit status: 0 when no labelled `true` finding is lost and every repository is within the fp budget,
# 1 otherwise, 2 on a usage or scan error.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PLIMSOLL=${PLIMSOLL:-target/release/plimsoll}
[ -x "$PLIMSOLL" ] || nice cargo build --release --quiet
PLIMSOLL=$(cd "$(dirname "$PLIMSOLL")" && pwd)/$(basename "$PLIMSOLL")
RW_MIRRORS=${RW_MIRRORS:-/work/.mirror}
RW_CACHE=${RW_CACHE:-${TMPDIR:-/tmp}/plimsoll-real-world}
RW_OUT=${RW_OUT:-$RW_CACHE/out}
RW_MAX_FP=${RW_MAX_FP:-5}
read -r -a RW_EXTRA <<< "${RW_ARGS:-}"
REPOS=corpus/real-world/repos.tsv
LABELS=corpus/real-world/labels.tsv
RECALL=corpus/real-world/recall.tsv
mkdir -p "$RW_CACHE" "$RW_OUT"

# Writes the tree of COMMIT from the bare mirror GIT_DIR into DEST. Uses a private index and
# checkout-index rather than `git archive`, because archive honours `export-ignore` (laravel drops its
# tests that way) and aborts on blobs a partial mirror lists but does not hold; those are skipped and counted.
extract() {
  local git_dir=$1 commit=$2 dest=$3 index absent path
  index=$(mktemp -u "$RW_CACHE/index.XXXXXX")
  absent=$(mktemp "$RW_CACHE/absent.XXXXXX")
  git --git-dir="$git_dir" ls-tree -r "$commit" | awk '$2 == "blob" {print $3}' \
    | git --git-dir="$git_dir" cat-file --batch-check | awk '$2 == "missing" {print $1}' > "$absent"
  GIT_INDEX_FILE=$index git --git-dir="$git_dir" read-tree "$commit"
  if [ -s "$absent" ]; then
    git --git-dir="$git_dir" ls-tree -r "$commit" | grep -F -f "$absent" | cut -f2- | while read -r path; do
      GIT_INDEX_FILE=$index git --git-dir="$git_dir" update-index --force-remove -- "$path"
    done
    echo "  ($(wc -l < "$absent") blob(s) listed but absent from the mirror, not extracted)" >&2
  fi
  rm -rf "$dest.partial"
  mkdir -p "$dest.partial"
  GIT_INDEX_FILE=$index git --git-dir="$git_dir" --work-tree="$dest.partial" checkout-index -a -f
  rm -f "$index" "$absent"
  mv "$dest.partial" "$dest"
}

status=0
scanned=()
while IFS=$'\t' read -r repo commit ecosystem _why; do
  [ "$repo" = repo ] && continue
  if [ $# -gt 0 ]; then
    keep=no
    for want in "$@"; do [[ $repo == *"$want"* ]] && keep=yes; done
    [ $keep = yes ] || continue
  fi
  key=${repo/\//+}
  git_dir=$RW_MIRRORS/$key/repo
  if [ ! -d "$git_dir" ]; then
    echo "== $repo: no mirror at $git_dir; fetch it first (session tool: fetch github:$repo," \
      "or: git clone --bare https://github.com/$repo $git_dir), skipped"
    continue
  fi
  if ! git --git-dir="$git_dir" cat-file -e "$commit^{commit}" 2>/dev/null; then
    echo "== $repo: commit $commit is not in $git_dir (mirror too new or too shallow), skipped"
    continue
  fi
  tree=$RW_CACHE/$key-${commit:0:12}
  [ -d "$tree" ] || { echo "extracting $repo@${commit:0:12} ..." >&2; extract "$git_dir" "$commit" "$tree"; }
  rc=0
  (cd "$tree" && "$PLIMSOLL" scan . --format json --quiet --output "$RW_OUT/$key.json" "${RW_EXTRA[@]}") || rc=$?
  if [ "$rc" -gt 1 ]; then
    echo "== $repo: plimsoll exited $rc" >&2
    exit 2
  fi
  scanned+=("$repo	$commit	$RW_OUT/$key.json")
done < "$REPOS"

[ ${#scanned[@]} -gt 0 ] || { echo "nothing scanned" >&2; exit 2; }

printf '%s\n' "${scanned[@]}" > "$RW_OUT/scanned.tsv"
python3 - "$LABELS" "$RW_MAX_FP" "$RW_OUT" "$RECALL" <<'PY' || status=$?
import collections, json, sys

labels_path, max_fp, out_dir, recall_path = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
with open(f"{out_dir}/scanned.tsv", encoding="utf-8") as f:
    scanned = f.read().splitlines()
labels = collections.defaultdict(list)  # (repo, commit) -> label rows
with open(labels_path, encoding="utf-8") as f:
    header = f.readline().rstrip("\n").split("\t")
    for n, line in enumerate(f, 2):
        row = dict(zip(header, line.rstrip("\n").split("\t")))
        if row.get("verdict") not in ("true", "fixture", "fp"):
            sys.exit(f"{labels_path}:{n}: verdict must be true, fixture or fp")
        labels[(row["repo"], row["commit"])].append(row)

failed = False
totals = collections.Counter()
by_confidence = collections.Counter()  # (verdict, confidence) over all repositories
print(f"{'repository':40} {'true':>5} {'fixture':>8} {'fp':>5} {'new':>5} {'lost':>5}")
reports = []
reported_lines = {}  # (repo, commit) -> {(path, line)} of every secret finding
for entry in scanned:
    repo, commit, json_path = entry.split("\t")
    with open(json_path, encoding="utf-8") as f:
        reported = [x for x in json.load(f)["findings"] if x["category"] == "secret"]
    # plimsoll's own notes (e.g. plimsoll.findings-capped) are not findings; count them apart.
    findings = [x for x in reported if not x["rule_id"].startswith("plimsoll.")]
    reported_lines[(repo, commit)] = {(x["path"], str(x["line"])) for x in findings}
    notes = [x for x in reported if x["rule_id"].startswith("plimsoll.")]
    # Labels are keyed by (path, line); several findings can share a line, so a label row is consumed
    # once, preferring the same rule (rule ids may be renamed between engines).
    by_line = collections.defaultdict(list)
    for row in labels[(repo, commit)]:
        by_line[(row["path"], row["line"])].append(row)
    counts, new = collections.Counter(), []
    for x in findings:
        rows = by_line.get((x["path"], str(x["line"])), [])
        pick = next((r for r in rows if r["rule"] == x["rule_id"]), rows[0] if rows else None)
        if pick is None:
            new.append(x)
            continue
        rows.remove(pick)
        counts[pick["verdict"]] += 1
        by_confidence[(pick["verdict"], x.get("confidence") or "-")] += 1
    lost = [r for rows in by_line.values() for r in rows]
    lost_true = [r for r in lost if r["verdict"] == "true"]
    over = counts["fp"] > max_fp
    failed |= bool(lost_true) or over
    totals.update(counts)
    totals["new"] += len(new)
    totals["lost"] += len(lost)
    flag = ("  LOST TRUE" if lost_true else "") + (f"  over budget ({max_fp} fp)" if over else "")
    print(f"{repo:40} {counts['true']:5} {counts['fixture']:8} {counts['fp']:5} {len(new):5} {len(lost):5}{flag}")
    reports.append((repo, commit, new, lost, notes))
    if new:
        with open(f"{out_dir}/{repo.replace('/', '+')}.unlabelled.tsv", "w", encoding="utf-8") as f:
            for x in new:
                f.write(f"{repo}\t{commit}\t{x['path']}\t{x['line']}\t{x['rule_id']}\t?\t?\n")
print(f"{'total':40} {totals['true']:5} {totals['fixture']:8} {totals['fp']:5} {totals['new']:5} {totals['lost']:5}")
levels = sorted({c for _, c in by_confidence}, key=lambda c: {"high": 0, "medium": 1, "low": 2}.get(c, 3))
print("by confidence: " + "; ".join(
    f"{v} " + " ".join(f"{c}={by_confidence[(v, c)]}" for c in levels) for v in ("true", "fixture", "fp")))

# Recall: credentials labelled independently of plimsoll (mined with a keyword/URI search, judged by hand),
# found when any secret finding is on their line.
recall = collections.defaultdict(list)
with open(recall_path, encoding="utf-8") as f:
    header = f.readline().rstrip("\n").split("\t")
    for line in f:
        row = dict(zip(header, line.rstrip("\n").split("\t")))
        if (row["repo"], row["commit"]) in reported_lines:
            recall[(row["repo"], row["commit"])].append(row)
if recall:
    print(f"\n{'recall (independently labelled credentials)':40} {'found':>6} {'of':>5}")
    hit = total = 0
    for (repo, commit), rows in recall.items():
        found = [r for r in rows if (r["path"], r["line"]) in reported_lines[(repo, commit)]]
        hit, total = hit + len(found), total + len(rows)
        print(f"{repo:40} {len(found):6} {len(rows):5}")
        for r in rows:
            if r not in found:
                print(f"  missed  {r['path']}:{r['line']}  {r['kind']}  ({r['reason']})")
    print(f"{'total':40} {hit:6} {total:5}  = {100 * hit / total:.0f}%")

for repo, commit, new, lost, notes in reports:
    if not new and not lost and not notes:
        continue
    print(f"\n== {repo} @ {commit[:12]}")
    for x in notes:
        print(f"  NOTE  {x['path']}:{x['line']}  {x['rule_id']}  {x.get('message', '')}")
    for x in new:
        print(f"  NEW (unlabelled)  {x['path']}:{x['line']}  {x['rule_id']}  {x.get('secret') or ''}")
    for r in sorted(lost, key=lambda r: ({"true": 0, "fixture": 1, "fp": 2}[r["verdict"]], r["path"])):
        mark = {"true": "!!! LOST TRUE SECRET", "fixture": "! lost fixture", "fp": "fp gone"}[r["verdict"]]
        print(f"  {mark:20} {r['path']}:{r['line']}  {r['rule']}  ({r['reason']})")
if totals["new"]:
    print(f"\nunlabelled findings written to {out_dir}/*.unlabelled.tsv (fill in verdict and reason, append to labels.tsv)")
sys.exit(1 if failed else 0)
PY
exit "$status"
