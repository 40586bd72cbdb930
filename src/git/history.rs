//! Full-history scans: every unique blob reachable from the chosen commits, read once, scanned in parallel,
//! and attributed to the first commit (in topological order) whose tree contains it.
//!
//! 1. Walk the commit graph from the tips and order it topologically (parents first).
//! 2. Visit each commit's tree in that order, skipping subtrees already seen: every tree object is decoded
//!    once, and the first commit to reach a blob at a path is the commit that introduced it there.
//! 3. Scan the new blobs in parallel (binary, LFS pointers and oversized blobs skipped), then expand each
//!    finding to every (commit, path) where its blob appeared and let [`collect`] merge duplicates.
//!
//! Only what is new is scanned. A blob that replaces an earlier version at the same path (the version the
//! walk last saw there) is diffed against it by line ([`added`]) and searched only around the lines it adds
//! ([`Pipeline::analyze_secrets_added`]); a new file is scanned whole. A secret in an unchanged line was in
//! the earlier version, at the same path and an earlier commit, so it is still reported at the commit that
//! introduced it, and each path still lists its earliest sighting. A blob seen again at another path with
//! another previous version (a rename, a copy) is scanned again for that place: whole if the place is new,
//! so a renamed file's secrets list the new path in `other_locations` as before. The line hashes of recent
//! blobs are kept ([`HashCache`]) so the previous version is rarely read twice.
//!
//! Each kept version also records which of its lines may hold a keyword of the rules that look further
//! back than a line or two (a provider's name above its token, a private key's header): the next version's
//! look-back from its added lines searches only those of its unchanged lines ([`KnownLines`]).
//!
//! The walk runs first (it is a small part of the time); then the new blobs are scanned in parallel in
//! path order, the versions of one file one after another and oldest first, so the line hashes of a
//! version's previous one are usually at hand in the same thread. Blobs are read from the packs by a
//! [`PackReader`] per thread, which keeps every object of the delta chains it resolves: the versions of a
//! file share a chain, so each delta is inflated about once. On a terminal the progress line counts commits read while the walk runs, then
//! blobs and bytes scanned out of the totals the walk found (sizes from object headers), with an estimate
//! of the time left.
//!
//! With `--since`/`--max-commits`, the trees of the excluded parents are visited first without recording,
//! so content those commits already had is not reported as introduced by the oldest commit kept.

use super::added::{
    DiffScratch, HashCache, Hashed, KnownLines, LineHashes, added_ranges, group_lines, hash_lines, hash_lines_after,
    next_group_lines,
};
use super::collect::{Sighting, collect};
use super::pack_pages;
use super::pack_reader::{PackReader, Packs};
use super::repo::{CommitNode, Repo, all_ref_tips, read_commit, resolve_commit, topological_order};
use super::{GitOptions, GitStats, Tally, Target, classify};
use crate::error::Result;
use crate::finding::Finding;
use crate::fsutil::exclusion_set;
use crate::outcome::Outcome;
use crate::pipeline::{Pipeline, PipelineScratch};
use crate::text;
use gix::ObjectId;
use gix::bstr::{BString, ByteSlice, ByteVec};
use gix::hashtable::{HashMap, HashSet};
use gix::objs::{Exists, Find, FindExt, FindHeader, tree::EntryKind};
use globset::GlobSet;
use std::collections::BTreeSet;
use std::hash::BuildHasher;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// Blobs handed to a scanning task at a time.
const CHUNK: usize = 64;

/// Bytes of line hashes kept for diffing the next versions of recently scanned blobs (8 bytes a line).
const HASH_CACHE_BYTES: usize = 4 << 20;

/// Where a blob was seen: the commit (topological index) that introduced it at `path`, and the scan
/// ([`BlobJob`]) whose findings hold for that place.
#[derive(Clone, Copy)]
struct Occurrence {
    scope: u32,
    path: u32,
    commit: u32,
}

/// One entry of a directory as it was the last time a tree was visited at that path: a hash of the file
/// name and the object. An entry found again unchanged needs no work.
type DirEntryKey = (u64, ObjectId);

/// The result of visiting the trees: unique blobs in discovery order and every place each appeared.
#[derive(Default)]
struct Inventory {
    blobs: Vec<ObjectId>,
    blob_index: HashMap<ObjectId, u32>,
    /// Interned paths of files and directories ("" is the root).
    paths: Vec<BString>,
    path_index: foldhash::HashMap<BString, u32>,
    occurrences: Vec<Occurrence>,
    occurrence_seen: foldhash::HashSet<(u32, u32)>,
    /// The scan of each (blob, previous version) pair; (blob, None) is a scan of the whole blob, which
    /// holds for every place of that blob.
    scopes: foldhash::HashMap<(u32, Option<ObjectId>), u32>,
    /// Blobs discovered since the last batch was handed to the scanners.
    pending: Vec<BlobJob>,
    seen_trees: HashSet<ObjectId>,
    /// For each directory path: its entries the last time it was visited, sorted. Most entries of a new
    /// tree are unchanged from the previous version of the same directory; they are skipped without
    /// building their path or looking anything up.
    last_entries: foldhash::HashMap<u32, Vec<DirEntryKey>>,
    /// Blobs that exist just outside a `--since`/`--max-commits` limit: not introduced by our commits.
    preexisting: HashSet<ObjectId>,
    submodules: BTreeSet<String>,
    symlinks: u64,
    excluded: u64,
    missing: u64,
}

impl Inventory {
    fn intern_path(&mut self, path: &[u8]) -> u32 {
        if let Some(&i) = self.path_index.get(path.as_bstr()) {
            return i;
        }
        let i = self.paths.len() as u32;
        self.paths.push(path.into());
        self.path_index.insert(path.into(), i);
        i
    }

    /// Visits the tree of `commit` (None: mark as pre-existing only), skipping subtrees seen before and
    /// entries unchanged since the directory's previous version.
    fn visit(
        &mut self,
        repo: &gix::Repository,
        root: ObjectId,
        commit: Option<u32>,
        excludes: &GlobSet,
        buf: &mut Vec<u8>,
    ) -> std::result::Result<(), String> {
        if !self.seen_trees.insert(root) {
            return Ok(());
        }
        let name_hash = foldhash::fast::FixedState::with_seed(0);
        let root_dir = self.intern_path(b"");
        let mut stack: Vec<(ObjectId, u32)> = vec![(root, root_dir)];
        let mut path = BString::default();
        while let Some((tree, dir)) = stack.pop() {
            let iter = match repo.objects.find_tree_iter(&tree, buf) {
                Ok(iter) => iter,
                Err(_) if !repo.objects.exists(&tree) => {
                    self.missing += 1;
                    continue;
                }
                Err(e) => return Err(format!("tree {tree}: {e}")),
            };
            let previous = self.last_entries.remove(&dir).unwrap_or_default();
            let mut current = Vec::with_capacity(previous.len() + 1);
            for entry in iter {
                let entry = entry.map_err(|e| format!("tree {tree}: {e}"))?;
                let oid = entry.oid.to_owned();
                let key = (name_hash.hash_one(entry.filename.as_bytes()), oid);
                current.push(key);
                if previous.binary_search(&key).is_ok() {
                    continue;
                }
                path.clear();
                let prefix = &self.paths[dir as usize];
                if !prefix.is_empty() {
                    path.push_str(prefix);
                    path.push(b'/');
                }
                path.push_str(entry.filename);
                let kind = entry.mode.kind();
                if !excludes.is_empty() && kind != EntryKind::Commit && excludes.is_match(&*path.to_str_lossy()) {
                    if commit.is_some() {
                        self.excluded += 1;
                    }
                    continue;
                }
                match kind {
                    EntryKind::Tree => {
                        if self.seen_trees.insert(oid) {
                            let sub = self.intern_path(&path);
                            stack.push((oid, sub));
                        }
                    }
                    EntryKind::Blob | EntryKind::BlobExecutable => {
                        let Some(commit) = commit else {
                            self.preexisting.insert(oid);
                            continue;
                        };
                        if self.preexisting.contains(&oid) {
                            continue;
                        }
                        // The version this entry replaces, if it was a file the walk read.
                        let i = previous.partition_point(|k| k.0 < key.0);
                        let base = previous
                            .get(i)
                            .filter(|k| k.0 == key.0)
                            .map(|k| k.1)
                            .filter(|b| self.blob_index.contains_key(b) || self.preexisting.contains(b));
                        let blob = match self.blob_index.get(&oid) {
                            Some(&b) => b,
                            None => {
                                let b = self.blobs.len() as u32;
                                self.blobs.push(oid);
                                self.blob_index.insert(oid, b);
                                b
                            }
                        };
                        let p = self.intern_path(&path);
                        if self.occurrence_seen.insert((blob, p)) {
                            let scope = match self.scopes.get(&(blob, None)).or(self.scopes.get(&(blob, base))) {
                                Some(&s) => s,
                                None => {
                                    let s = self.scopes.len() as u32;
                                    self.scopes.insert((blob, base), s);
                                    self.pending.push(BlobJob {
                                        scope: s,
                                        id: oid,
                                        path: path.to_str_lossy().into_owned(),
                                        base,
                                    });
                                    s
                                }
                            };
                            self.occurrences.push(Occurrence { scope, path: p, commit });
                        }
                    }
                    EntryKind::Link => {
                        if commit.is_some() {
                            self.symlinks += 1;
                        }
                    }
                    EntryKind::Commit => {
                        if commit.is_some() {
                            self.submodules.insert(path.to_str_lossy().into_owned());
                        }
                    }
                }
            }
            current.sort_unstable();
            self.last_entries.insert(dir, current);
        }
        Ok(())
    }
}

/// A blob to scan for one place: its scope (see [`Occurrence`]), id, path, and the previous version at that
/// path, whose lines are not searched again.
struct BlobJob {
    scope: u32,
    id: ObjectId,
    path: String,
    base: Option<ObjectId>,
}

/// What one scanning thread reuses from blob to blob.
struct Worker {
    repo: gix::Repository,
    scratch: PipelineScratch,
    buf: Vec<u8>,
    decoded: Vec<u8>,
    base_buf: Vec<u8>,
    base_decoded: Vec<u8>,
    starts: Vec<usize>,
    diff: DiffScratch,
    /// The line hashes of the blob this worker scanned last: most often the previous version of the next.
    last: Option<(ObjectId, Arc<Hashed>)>,
    /// That blob's text, when it was read from the packs as it is scanned (not decoded from UTF-16, no
    /// BOM): the next version's lines it shares at the start and the end keep their hashes.
    last_text: Option<Arc<Vec<u8>>>,
    /// Where that blob's lines start.
    last_starts: Vec<usize>,
    /// Reads blobs from the packs, keeping the objects of the delta chains it resolves.
    reader: PackReader,
}

/// What blob-scanning tasks share. Tasks run while the trees are still being visited.
struct BlobScan<'a> {
    repo: &'a Repo,
    pipeline: &'a Pipeline,
    max_file_size: u64,
    tally: Tally,
    findings: Mutex<Vec<(u32, Finding)>>,
    /// Per-thread state (object handle with its delta cache, scanner scratch, buffers), checked out per batch.
    idle: Mutex<Vec<Worker>>,
    hashes: HashCache,
    diffed: AtomicU64,
    searched: AtomicU64,
    progress: Option<indicatif::ProgressBar>,
    /// For the progress line: commits whose trees were visited, out of `total_commits`.
    commits_visited: AtomicU64,
    total_commits: u64,
    /// For the progress line: blobs found so far and their size (from the object headers); final once
    /// `walk_done`, which is when the line can show a total and an ETA.
    blobs_found: AtomicU64,
    bytes_found: AtomicU64,
    walk_done: AtomicBool,
    started: Instant,
    /// Where the repository's packs are, and after how many bytes read their pages are next released
    /// from this process's mapping ([`pack_pages`]).
    pack_dir: std::path::PathBuf,
    next_release: AtomicU64,
    /// The packs of `pack_dir`, which the workers' [`PackReader`]s read blobs from.
    packs: Packs,
}

impl BlobScan<'_> {
    /// `n` blobs (`bytes`) scanned so far, out of what the tree walk found; with an ETA from the bytes
    /// left once the walk is done and the totals are known.
    fn progress_message(&self, n: u64, bytes: u64) -> String {
        let (found, found_bytes) = (
            self.blobs_found.load(Ordering::Relaxed),
            self.bytes_found.load(Ordering::Relaxed),
        );
        let mib = |b: u64| b as f64 / f64::from(1 << 20);
        if !self.walk_done.load(Ordering::Relaxed) {
            return format!(
                "{}/{} commits read; {n} of {found}+ blobs scanned ({:.0} of {:.0}+ MiB)",
                self.commits_visited.load(Ordering::Relaxed),
                self.total_commits,
                mib(bytes),
                mib(found_bytes),
            );
        }
        // Skipped blobs (binary, too large) count in the totals but not in `bytes`: the ETA errs long.
        let done = bytes.min(found_bytes);
        let eta = (done > 0).then(|| {
            let elapsed = self.started.elapsed().as_secs_f64();
            elapsed * (found_bytes - done) as f64 / done as f64
        });
        format!(
            "{n}/{found} blobs scanned, {:.0}/{:.0} MiB ({:.0}%){}",
            mib(bytes),
            mib(found_bytes),
            100.0 * done as f64 / found_bytes.max(1) as f64,
            eta.map_or(String::new(), |s| format!(", about {}s left", s.ceil() as u64)),
        )
    }

    fn run(&self, batch: Vec<BlobJob>) {
        let popped = self.idle.lock().unwrap().pop();
        let mut worker = popped.unwrap_or_else(|| Worker {
            repo: self.repo.local(),
            scratch: PipelineScratch::default(),
            buf: Vec::new(),
            decoded: Vec::new(),
            base_buf: Vec::new(),
            base_decoded: Vec::new(),
            starts: Vec::new(),
            diff: DiffScratch::default(),
            last: None,
            last_text: None,
            last_starts: Vec::new(),
            reader: PackReader::default(),
        });
        for job in batch {
            self.scan_blob(&mut worker, &job);
        }
        self.idle.lock().unwrap().push(worker);
    }

    fn scan_blob(&self, w: &mut Worker, job: &BlobJob) {
        let Worker {
            repo,
            scratch,
            buf,
            decoded,
            base_buf,
            base_decoded,
            starts,
            diff,
            last,
            last_text,
            last_starts,
            reader,
        } = w;
        let packed = reader.read_blob(&self.packs, &job.id);
        let data = match &packed {
            Some(blob) => {
                if !self.tally.admit(blob, self.max_file_size) {
                    return;
                }
                &blob[..]
            }
            None => match self.tally.read(repo, &job.id, &job.path, self.max_file_size, buf) {
                Some(data) => data,
                None => return,
            },
        };
        let (n, bytes) = self.tally.scanning(data.len());
        let due = self.next_release.load(Ordering::Relaxed);
        if bytes >= due
            && self
                .next_release
                .compare_exchange(
                    due,
                    bytes + pack_pages::RELEASE_EVERY,
                    Ordering::Relaxed,
                    Ordering::Relaxed,
                )
                .is_ok()
        {
            pack_pages::release(&self.pack_dir);
        }
        if let Some(pb) = &self.progress
            && n.is_multiple_of(256)
        {
            pb.set_message(self.progress_message(n, bytes));
        }
        let text = text::decode(data, decoded);
        let mut hashes = LineHashes::new();
        match (job.base, &*last, &*last_text) {
            (Some(base), Some((id, h)), Some(old)) if *id == base => {
                hash_lines_after(text, (old, &h.lines, last_starts), &mut hashes, starts);
            }
            _ => hash_lines(text, &mut hashes, starts),
        }
        let before = job.base.and_then(|base| match last {
            Some((id, h)) if *id == base => Some(h.clone()),
            _ => self.base_hashes(repo, reader, &base, base_buf, base_decoded),
        });
        let mut out = Vec::new();
        let secrets = &self.pipeline.secrets;
        // Which lines of this version may hold a medium or far rule's keyword: the next version's unchanged
        // lines are this version's, so its look-back searches only those of them.
        let groups = match before {
            Some(before) => {
                self.diffed.fetch_add(1, Ordering::Relaxed);
                let added = added_ranges(&before.lines, &hashes, starts, text.len(), diff);
                if added.is_empty() {
                    before.groups.clone()
                } else {
                    let known = KnownLines {
                        groups: &before.groups,
                        hashes: &hashes,
                        starts,
                        len: text.len(),
                    };
                    let (searched, found) = self
                        .pipeline
                        .analyze_secrets_added(&job.path, text, &added, &known, scratch, &mut out);
                    self.searched.fetch_add(searched as u64, Ordering::Relaxed);
                    next_group_lines(&before.groups, &found, &hashes, starts)
                }
            }
            None => {
                self.searched.fetch_add(text.len() as u64, Ordering::Relaxed);
                self.pipeline.analyze_secrets(&job.path, data, scratch, &mut out);
                group_lines(secrets.groups(), secrets.group_hits(&scratch.secrets), &hashes, starts)
            }
        };
        hashes.shrink_to_fit();
        let hashes = Arc::new(Hashed { lines: hashes, groups });
        self.hashes.insert(job.id, hashes.clone());
        *last = Some((job.id, hashes));
        // Kept only if `text` is the blob itself (not decoded, nothing cut off).
        let as_read = std::ptr::eq(text, data);
        *last_text = if as_read { packed.clone() } else { None };
        std::mem::swap(starts, last_starts);
        if !out.is_empty() {
            self.findings
                .lock()
                .unwrap()
                .extend(out.into_iter().map(|f| (job.scope, f)));
        }
    }

    /// The line hashes of `base` (the previous version of a file): kept from its own scan, else read again.
    /// `None` when it cannot be read or is not text: then every line of the new version counts as added.
    fn base_hashes(
        &self,
        repo: &gix::Repository,
        reader: &mut PackReader,
        base: &ObjectId,
        buf: &mut Vec<u8>,
        decoded: &mut Vec<u8>,
    ) -> Option<Arc<Hashed>> {
        if let Some(h) = self.hashes.get(base) {
            return Some(h);
        }
        let packed = reader.read_blob(&self.packs, base);
        let data = match &packed {
            Some(blob) => &blob[..],
            None => repo.objects.try_find(base, buf).ok().flatten()?.data,
        };
        if classify(data).is_err() {
            return None;
        }
        let text = text::decode(data, decoded);
        let (mut lines, mut starts) = (LineHashes::new(), Vec::new());
        hash_lines(text, &mut lines, &mut starts);
        let secrets = &self.pipeline.secrets;
        let groups = group_lines(secrets.groups(), &secrets.group_keywords(text), &lines, &starts);
        Some(Arc::new(Hashed { lines, groups }))
    }
}

pub(super) fn scan(repo: &Repo, pipeline: &Pipeline, opts: &GitOptions) -> Result<Outcome> {
    let Target::History {
        branches,
        since,
        max_commits,
    } = &opts.target
    else {
        unreachable!("history::scan called for another target")
    };
    let local = repo.local();
    let excludes = exclusion_set(&opts.exclude).map_err(|e| repo.error(e))?;
    let mut git = GitStats {
        mode: "history",
        shallow: local.is_shallow().unwrap_or(false),
        ..GitStats::default()
    };

    let tips = if branches.is_empty() {
        all_ref_tips(&local).map_err(|e| repo.error(e))?
    } else {
        branches
            .iter()
            .map(|b| resolve_commit(&local, b))
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| repo.error(e))?
    };
    git.revisions = tips.iter().map(|t| super::rev_list(t, &[])).collect();
    if let Some(s) = since {
        git.revisions.push(format!("--since={s}"));
    }
    if let Some(n) = max_commits {
        git.revisions.push(format!("--max-count={n}"));
    }
    let progress = opts.progress.then(super::spinner);
    if let Some(pb) = &progress {
        pb.set_message("reading commits");
    }
    let (all, missing_parents) = walk_commits(&local, &tips).map_err(|e| repo.error(e))?;
    let mut commits = topological_order(all);
    let since_secs = match since {
        Some(s) => Some(parse_since(s).map_err(|e| repo.error(e))?),
        None => None,
    };
    let total_commits = commits.len();
    if let Some(t) = since_secs {
        commits.retain(|c| c.time >= t);
    }
    if let Some(n) = *max_commits
        && commits.len() > n
    {
        commits.drain(..commits.len() - n);
    }
    let limited = commits.len() < total_commits;

    if tips.is_empty() {
        git.notes.push("the repository has no commits: nothing to scan".into());
    }
    if missing_parents > 0 {
        git.notes.push(if git.shallow {
            format!(
                "shallow clone: {missing_parents} parent commit(s) beyond the shallow boundary are not in this clone \
                 and were not scanned; content the boundary commits inherited is attributed to them \
                 (`git fetch --unshallow` to scan everything)"
            )
        } else {
            format!("{missing_parents} parent commit(s) are missing from the repository and were not scanned")
        });
    }

    // Trees are visited on this thread in topological order while the pool scans the blobs found so far.
    // Absolute, as /proc/self/maps names the mapped files (the store's path can be `./objects`).
    let pack_dir = {
        let dir = local.objects.store_ref().path().join("pack");
        std::fs::canonicalize(&dir).unwrap_or(dir)
    };
    let blobs = BlobScan {
        repo,
        pipeline,
        max_file_size: opts.max_file_size,
        tally: Tally::default(),
        findings: Mutex::new(Vec::new()),
        idle: Mutex::new(Vec::new()),
        hashes: HashCache::new(HASH_CACHE_BYTES),
        diffed: AtomicU64::new(0),
        searched: AtomicU64::new(0),
        progress,
        commits_visited: AtomicU64::new(0),
        total_commits: commits.len() as u64,
        blobs_found: AtomicU64::new(0),
        bytes_found: AtomicU64::new(0),
        walk_done: AtomicBool::new(false),
        started: Instant::now(),
        packs: Packs::open(&pack_dir, local.object_hash()),
        pack_dir,
        next_release: AtomicU64::new(pack_pages::RELEASE_EVERY),
    };
    let mut inv = Inventory::default();
    let visited: std::result::Result<(), String> = rayon::scope_fifo(|scope| {
        let local = repo.local();
        let mut buf = Vec::new();
        if limited {
            // Content already present just outside the limit was not introduced by the commits we keep.
            let kept: HashSet<ObjectId> = commits.iter().map(|c| c.id).collect();
            let boundary: BTreeSet<ObjectId> = commits
                .iter()
                .flat_map(|c| c.parents.iter().copied())
                .filter(|p| !kept.contains(p))
                .collect();
            for p in boundary {
                if let Some(node) = read_commit(&local, &p, &mut buf)? {
                    inv.visit(&local, node.tree, None, &excludes, &mut buf)?;
                }
            }
        }
        let blobs = &blobs;
        for (i, c) in commits.iter().enumerate() {
            let known = inv.pending.len();
            inv.visit(&local, c.tree, Some(i as u32), &excludes, &mut buf)?;
            blobs.commits_visited.store(i as u64 + 1, Ordering::Relaxed);
            if blobs.progress.is_some() {
                // Sizes from the object headers (no inflating), only for the progress line's totals.
                let new = &inv.pending[known..];
                let size: u64 = new
                    .iter()
                    .filter_map(|job| local.objects.try_header(&job.id).ok().flatten())
                    .map(|h| h.size)
                    .sum();
                blobs.blobs_found.fetch_add(new.len() as u64, Ordering::Relaxed);
                blobs.bytes_found.fetch_add(size, Ordering::Relaxed);
            }
        }
        blobs.walk_done.store(true, Ordering::Relaxed);
        // The versions of each file one after another, oldest first (a stable sort keeps the walk's order
        // within a path): a version's previous one was usually just read by the same thread, so its line
        // hashes are at hand, and the delta chain they share in the pack is still in its reader's cache.
        let mut jobs = std::mem::take(&mut inv.pending);
        jobs.sort_by(|a, b| a.path.cmp(&b.path));
        let mut jobs = jobs.into_iter().peekable();
        while jobs.peek().is_some() {
            let batch: Vec<BlobJob> = jobs.by_ref().take(CHUNK).collect();
            scope.spawn_fifo(move |_| blobs.run(batch));
        }
        Ok(())
    });
    visited.map_err(|e| repo.error(e))?;
    let BlobScan {
        tally,
        findings,
        progress,
        diffed,
        searched,
        ..
    } = blobs;
    git.blobs_diffed = diffed.into_inner();
    git.bytes_searched = searched.into_inner();
    if let Some(pb) = &progress {
        pb.finish_and_clear();
    }
    git.commits_scanned = commits.len() as u64;
    git.skipped_submodules = std::mem::take(&mut inv.submodules).into_iter().collect();

    // Every place each scan with findings holds for, earliest first.
    let mut findings = findings.into_inner().unwrap();
    findings.sort_by_key(|(s, _)| *s);
    let with_findings: std::collections::HashSet<u32> = findings.iter().map(|(s, _)| *s).collect();
    let mut places: std::collections::HashMap<u32, Vec<Occurrence>> = std::collections::HashMap::new();
    for o in inv.occurrences.iter().filter(|o| with_findings.contains(&o.scope)) {
        places.entry(o.scope).or_default().push(*o);
    }
    let mut sightings = Vec::new();
    for (b, f) in &findings {
        for o in places.get(b).into_iter().flatten() {
            let path = inv.paths[o.path as usize].to_str_lossy().into_owned();
            sightings.push(Sighting::at(
                f,
                path,
                Some(commits[o.commit as usize].id),
                o.commit as u64,
            ));
        }
    }
    let findings = collect(&local, sightings);

    git.missing_objects = inv.missing;
    Ok(tally.outcome(findings, git, inv.symlinks, inv.excluded))
}

/// Every commit reachable from `tips`. Also returns how many parents are absent (shallow boundary).
fn walk_commits(repo: &gix::Repository, tips: &[ObjectId]) -> std::result::Result<(Vec<CommitNode>, usize), String> {
    let mut seen: HashSet<ObjectId> = HashSet::default();
    let mut stack: Vec<ObjectId> = tips.to_vec();
    let mut nodes = Vec::new();
    let mut missing = 0;
    let mut buf = Vec::new();
    while let Some(id) = stack.pop() {
        if !seen.insert(id) {
            continue;
        }
        match read_commit(repo, &id, &mut buf)? {
            Some(node) => {
                stack.extend(node.parents.iter().filter(|p| !seen.contains(*p)).copied());
                nodes.push(node);
            }
            None => missing += 1,
        }
    }
    Ok((nodes, missing))
}

/// `--since`: any date git understands (`2024-01-31`, RFC 3339, `2 weeks ago`, `@1700000000`).
fn parse_since(s: &str) -> std::result::Result<i64, String> {
    gix::date::parse(s, Some(gix::date::Zoned::now()))
        .map(|t| t.seconds)
        .map_err(|e| format!("--since {s:?}: not a date git understands ({e})"))
}
