#!/usr/bin/env python3
"""Builds a large synthetic git history for `benches/git-history.sh`, with `git fast-import`.

The content is real source text (the cargo registry's crate sources, or any directory given with --source),
committed the way a project grows: each commit edits a few existing files (lines inserted, replaced and
deleted) and now and then adds new files, so the pack holds long delta chains like a real repository's.
A handful of made-up credentials are committed and deleted again along the way, so a history scan has
something to find. Deterministic for a given seed and source tree.

usage: make-history-repo.py DEST [--commits 18000] [--churn 1] [--source DIR] [--seed 7]
  --churn N multiplies the number of files each commit edits (3 gives a pack of about 450 MB).
"""

import argparse
import os
import random
import string
import subprocess
import sys

TEXT_EXT = {".rs", ".md", ".toml", ".txt", ".c", ".h", ".py", ".json", ".yml", ".yaml", ".sh", ".html", ".js"}


def source_files(root, limit_bytes):
    out, total = [], 0
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            if os.path.splitext(name)[1] not in TEXT_EXT:
                continue
            p = os.path.join(dirpath, name)
            try:
                size = os.path.getsize(p)
            except OSError:
                continue
            if size == 0 or size > 400_000:
                continue
            out.append(p)
            total += size
            if total >= limit_bytes:
                return out
    return out


def token(rng, prefix, n):
    return prefix + "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(n))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dest")
    ap.add_argument("--commits", type=int, default=18000)
    ap.add_argument("--source", default=os.path.expanduser("~/.cargo/registry/src"))
    ap.add_argument("--source-bytes", type=int, default=120 << 20)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--churn", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)

    files = source_files(args.source, args.source_bytes)
    rng.shuffle(files)
    if not files:
        sys.exit(f"no text files under {args.source}")
    subprocess.run(["git", "init", "-q", "-b", "main", args.dest], check=True)
    fi = subprocess.Popen(["git", "fast-import", "--quiet", "--done"], cwd=args.dest, stdin=subprocess.PIPE)
    w = fi.stdin

    # Start with a quarter of the files; the rest arrive over the history.
    tree = {}  # repo path -> list of lines (bytes)
    pending = list(files)

    def take(n):
        for _ in range(min(n, len(pending))):
            src = pending.pop()
            rel = os.path.relpath(src, args.source)
            with open(src, "rb") as f:
                tree[rel] = f.read().split(b"\n")

    take(len(files) // 4)
    paths = sorted(tree)
    secret_at = {rng.randrange(args.commits // 10, args.commits) for _ in range(6)}
    planted = {}  # path -> commit number to delete it at
    t0 = 1_500_000_000
    for n in range(args.commits):
        changed = {}
        if n == 0:
            changed = {p: tree[p] for p in paths}
        else:
            if pending and rng.random() < 0.15:
                before = set(tree)
                take(rng.randint(1, 12))
                for p in set(tree) - before:
                    changed[p] = tree[p]
                paths = sorted(tree)
            for _ in range(rng.choice((1, 1, 1, 2, 2, 3, 5)) * args.churn):
                p = rng.choice(paths)
                lines = tree[p]
                for _ in range(rng.randint(1, 6)):
                    i = rng.randrange(len(lines) + 1)
                    op = rng.random()
                    if op < 0.5:
                        lines.insert(i, b"    // change %d: %s" % (n, token(rng, "", 24).encode()))
                    elif op < 0.8 and i < len(lines):
                        lines[i] = lines[i] + b" // edited in %d" % n
                    elif i < len(lines) and len(lines) > 10:
                        del lines[i]
                changed[p] = lines
            if n in secret_at:
                p = "config/deploy-%d.env" % n
                tree[p] = [b"REGION=eu-west-1", b"ACME_TOKEN=" + token(rng, "acme_", 32).encode(), b""]
                changed[p] = tree[p]
                planted[p] = n + rng.randint(1, 50)
                paths = sorted(tree)
        deletes = [p for p, at in planted.items() if at == n]
        for p in deletes:
            del planted[p]
            del tree[p]
            paths = sorted(tree)
        when = t0 + n * 3600
        msg = b"commit %d\n" % n
        w.write(b"commit refs/heads/main\n")
        w.write(b"author Dev %d <dev%d@example.com> %d +0000\n" % (n % 17, n % 17, when))
        w.write(b"committer Dev %d <dev%d@example.com> %d +0000\n" % (n % 17, n % 17, when))
        w.write(b"data %d\n%s" % (len(msg), msg))
        for p in deletes:
            w.write(b"D %s\n" % p.encode())
        for p, lines in changed.items():
            if p not in tree:
                continue
            data = b"\n".join(lines)
            w.write(b"M 100644 inline %s\ndata %d\n" % (p.encode(), len(data)))
            w.write(data)
            w.write(b"\n")
        w.write(b"\n")
    w.write(b"done\n")
    w.close()
    if fi.wait() != 0:
        sys.exit("git fast-import failed")
    subprocess.run(["git", "checkout", "-q", "main"], cwd=args.dest, check=True)
    subprocess.run(["git", "repack", "-adq", "--depth=50", "--window=10"], cwd=args.dest, check=True)
    print(f"{args.dest}: {args.commits} commits, {len(tree)} files at HEAD, planted {len(secret_at)} secrets")


if __name__ == "__main__":
    main()
