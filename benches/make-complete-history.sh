#!/usr/bin/env bash
# Builds a complete, self-contained copy of a repository's branch-and-tag history for timing
# `benches/git-history.sh` against gitleaks, from a snapshot that may lack some objects.
#
# Snapshots fetched for benchmarking can be partial: a promisor pack without blobs of 4 MiB and more.
# gix reports those as missing and goes on; `git log -p` (which gitleaks runs) stops with an error, so the
# two tools would not be timed on the same history. This script replays every commit reachable from the
# branches and tags (not pull-request or review refs) through `git fast-export --no-data | git fast-import`,
# with each absent blob replaced by one short placeholder blob, and repacks the result into one pack with
# no alternates. Commit ids change (trees that held a placeholder, and signed commits, whose signatures
# are stripped), but the commit graph, the paths, every present blob and its history are the same.
#
# It prints what was dropped (absent blob ids and the paths they were at) so the run can be documented.
#
# usage: benches/make-complete-history.sh SOURCE_GIT_DIR DEST_GIT_DIR
#   e.g. benches/make-complete-history.sh /work/.mirror/prometheus+prometheus/repo /tmp/prometheus-full.git
set -euo pipefail
SRC=$(cd "$1" && pwd)
DEST=$2
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
[ -e "$DEST" ] && { echo "$DEST exists; remove it first" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/complete-history.XXXXXX")
trap 'rm -rf "$work"' EXIT

git -C "$SRC" rev-list --branches --tags --objects --missing=print | sed -n 's/^?//p' > "$work/missing"
echo "source: $SRC: $(git -C "$SRC" rev-list --branches --tags | wc -l) commits on branches and tags," \
  "$(wc -l < "$work/missing") objects absent" >&2
if [ -s "$work/missing" ]; then
  git -C "$SRC" log --branches --tags --raw --no-renames --no-abbrev --format= |
    awk '{print $3, $6; print $4, $6}' | grep -F -f "$work/missing" | sort -u |
    awk '{n[$2]++} END {for (p in n) printf "  absent: %3d version(s) of %s\n", n[p], p}' | sort -k4 >&2
fi

git init -q --bare "$DEST"
DEST=$(cd "$DEST" && pwd)
echo "$SRC/objects" > "$DEST/objects/info/alternates"
placeholder=$(printf 'placeholder: this blob (4 MiB or more) is absent from the snapshot this benchmark repository was rebuilt from\n' |
  git -C "$DEST" hash-object -w --stdin)
# One sed program mapping each absent id to the placeholder, only in `M <mode> <id> <path>` lines.
awk -v p="$placeholder" '{printf "s/^(M [0-9]+ )%s /\\1%s /\n", $1, p}' "$work/missing" > "$work/map.sed"
git -C "$SRC" fast-export --no-data --signed-tags=strip --tag-of-filtered-object=drop --reencode=no --branches --tags |
  LC_ALL=C sed -E -f "$work/map.sed" |
  git -C "$DEST" fast-import --quiet
# Copy every reachable object in, then drop the alternate and anything unreachable: one ordinary pack.
git -C "$DEST" repack -a -d -q
rm -f "$DEST/objects/info/alternates" "$DEST"/objects/pack/*.promisor
git -C "$DEST" repack -a -d -q
git -C "$DEST" symbolic-ref HEAD "$(git -C "$SRC" symbolic-ref HEAD 2>/dev/null || echo refs/heads/main)"
absent=$(git -C "$DEST" rev-list --all --objects --missing=print | grep -c '^?' || true)
[ "$absent" = 0 ] || { echo "$DEST still lacks $absent objects" >&2; exit 1; }
git -C "$DEST" fsck --connectivity-only --no-dangling >&2
echo "built: $DEST: $(git -C "$DEST" rev-list --all | wc -l) commits," \
  "$(git -C "$DEST" rev-list --all --objects | cut -d' ' -f1 | git -C "$DEST" cat-file --batch-check='%(objecttype)' | grep -c '^blob') blobs," \
  "pack $(( $(git -C "$DEST" count-objects -v | awk '/size-pack/ {print $2}') / 1024 )) MiB, no absent objects" >&2
