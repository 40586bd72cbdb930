//! The project phase of the added-lines scans (`--staged`, `--range`, `--pre-push`): the project rules
//! ([`crate::project`]: DC001, DC017, EN003, EN004, EN005, and the DF013/DF006 findings they answer) judge
//! each snapshot a change produced — a commit's tree, or the index — as `plimsoll scan .` judges a working
//! tree, and only what lands on a line the change added is kept.
//!
//! - **Which snapshots.** Only those with a changed file a project rule can report on or drop a finding in
//!   ([`crate::project::reports_on`]: compose files, Dockerfiles, example env files). Such a file is
//!   analyzed whole, as every changed file is, but its findings wait for the project phase instead of
//!   being filtered at once. A push that changes no such file reads nothing more than before
//!   ([`GitStats::project_snapshots`](crate::outcome::GitStats) stays 0).
//! - **Which neighbours.** The files the rules need from the same snapshot, by repository path: every
//!   compose file (one may build a changed Dockerfile, extend or include a changed compose file), and,
//!   when a compose file changed, the Dockerfiles its services build and the env files its rules read (the
//!   example and `.env` files in its directory and above, its `env_file:` targets, the `env_file:` of an
//!   `include:` naming it). They are found in a listing of the snapshot's compose, Dockerfile and env
//!   file names (memoized per tree object, so commits of a range share the subtrees they did not change)
//!   and analyzed once per blob (memoized per path and blob across the scan's snapshots). Neighbours
//!   excluded by `--exclude`, larger than the size cap, binary or LFS pointers are left out, as the walk
//!   leaves them out.
//! - **Tracked.** Everything in a commit's tree, or in the index, is tracked: EN005 holds for any
//!   `env_file:` a snapshot contains.
//! - **Kept.** The rules run once per snapshot over the facts of the changed files and the neighbours,
//!   with all of their findings, so a finding a rule drops (DF013 answered by a compose health check, DF006
//!   replaced by DC017) is dropped in git modes too. Then a finding counts if its reported line (its span,
//!   as for every other git-mode finding) touches a line the change added in a changed file: a compose
//!   file edited elsewhere gets no DC001 for a service whose lines it did not add, and nothing is reported
//!   in a neighbour.
//!
//! Not judged here: DF017/DF018 against a compose `build.context` other than the Dockerfile's directory,
//! and secrets baked into an image (these list the build context's files on disk); `include:`d files
//! that are not named like compose files.

use super::collect::Sighting;
use super::repo::CommitNode;
use super::{Skip, classify};
use crate::analyzer::Snapshot;
use crate::facts::Fact;
use crate::finding::Finding;
use crate::pipeline::{Pipeline, PipelineScratch};
use gix::ObjectId;
use gix::bstr::{BString, ByteSlice};
use gix::objs::tree::EntryKind;
use gix::objs::{Find, FindExt};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// A changed file a project rule may report on: analyzed whole, its findings not yet filtered.
pub(super) struct Pending {
    /// Topological index of its commit; `None` for the index.
    pub commit: Option<u32>,
    /// Repository path.
    pub path: String,
    /// Lines the change added (sorted).
    pub added: Vec<u32>,
    pub findings: Vec<Finding>,
    pub facts: Vec<Fact>,
}

/// The snapshots the changes came from.
pub(super) struct Snapshots<'a> {
    pub commits: &'a [CommitNode],
    /// The blob of every index entry, by path (staged changes).
    pub index_blobs: &'a HashMap<BString, ObjectId>,
    pub excludes: &'a globset::GlobSet,
    pub max_file_size: u64,
}

/// What the project phase kept, and what it cost.
#[derive(Default)]
pub(super) struct Judged {
    pub sightings: Vec<Sighting>,
    /// Snapshots judged.
    pub snapshots: u64,
    /// Neighbour blobs read and analyzed (once each per path and blob).
    pub neighbours_read: u64,
}

/// A snapshot's file the project rules read: repository path, blob.
type Listed = (BString, ObjectId);

/// What a neighbour holds: its findings and facts.
type Analyzed = Arc<(Vec<Finding>, Vec<Fact>)>;

/// Analyses shared by every snapshot of one scan.
#[derive(Default)]
struct Memo {
    /// Per tree object: the files under it that the project rules read, relative to it.
    trees: Mutex<HashMap<ObjectId, Arc<Vec<Listed>>>>,
    /// Per (path, blob): the findings and facts of a neighbour.
    analyzed: Mutex<HashMap<(BString, ObjectId), Analyzed>>,
    read: AtomicU64,
}

/// Runs the project rules over each snapshot that `pending` comes from; returns the findings on added lines.
pub(super) fn judge(
    repo: &super::Repo,
    pipeline: &Pipeline,
    snapshots: &Snapshots<'_>,
    pending: Vec<Pending>,
) -> Judged {
    let mut by_snapshot: BTreeMap<Option<u32>, Vec<Pending>> = BTreeMap::new();
    for p in pending {
        by_snapshot.entry(p.commit).or_default().push(p);
    }
    let memo = Memo::default();
    let groups: Vec<(Option<u32>, Vec<Pending>)> = by_snapshot.into_iter().collect();
    let count = groups.len() as u64;
    let sightings: Vec<Sighting> = groups
        .into_par_iter()
        .map_init(
            || (repo.local(), PipelineScratch::default()),
            |(local, scratch), (commit, files)| judge_one(local, pipeline, snapshots, &memo, commit, files, scratch),
        )
        .flatten()
        .collect();
    Judged {
        sightings,
        snapshots: count,
        neighbours_read: memo.read.into_inner(),
    }
}

/// The project phase of one snapshot.
fn judge_one(
    repo: &gix::Repository,
    pipeline: &Pipeline,
    snapshots: &Snapshots<'_>,
    memo: &Memo,
    commit: Option<u32>,
    files: Vec<Pending>,
    scratch: &mut PipelineScratch,
) -> Vec<Sighting> {
    let node = commit.map(|c| &snapshots.commits[c as usize]);
    let snapshot = match node {
        Some(c) => super::changes::GitSnapshot::Tree { repo, tree: c.tree },
        None => super::changes::GitSnapshot::Index {
            repo,
            blobs: snapshots.index_blobs,
        },
    };
    let mut findings: Vec<Finding> = Vec::new();
    let mut facts: Vec<Fact> = Vec::new();
    let mut added: HashMap<String, Vec<u32>> = HashMap::new();
    for p in files {
        findings.extend(p.findings);
        facts.extend(p.facts);
        added.insert(p.path, p.added);
    }
    let needs_neighbours = added
        .keys()
        .any(|p| crate::compose::is_compose_name(p) || crate::dockerfile::is_dockerfile_name(p));
    if needs_neighbours {
        let listing: Vec<Listed> = match node {
            Some(c) => tree_files(repo, c.tree, memo).to_vec(),
            None => snapshots
                .index_blobs
                .iter()
                .filter(|(p, _)| crate::project::reads(&p.to_str_lossy()))
                .map(|(p, id)| (p.clone(), *id))
                .collect(),
        };
        let listing: Vec<(String, ObjectId)> = listing
            .into_iter()
            .map(|(p, id)| (p.to_str_lossy().into_owned(), id))
            .filter(|(p, _)| !added.contains_key(p))
            .filter(|(p, _)| snapshots.excludes.is_empty() || !snapshots.excludes.is_match(p))
            .collect();
        let mut analyze = |path: &str, id: ObjectId, findings: &mut Vec<Finding>, facts: &mut Vec<Fact>| {
            if let Some(done) = neighbour(repo, pipeline, snapshots, memo, &snapshot, path, id, scratch) {
                findings.extend(done.0.iter().cloned());
                facts.extend(done.1.iter().cloned());
            }
        };
        for (path, id) in listing.iter().filter(|(p, _)| crate::compose::is_compose_name(p)) {
            analyze(path, *id, &mut findings, &mut facts);
        }
        let changed_compose: HashSet<PathBuf> = added
            .keys()
            .filter(|p| crate::compose::is_compose_name(p))
            .map(|p| crate::fsutil::normalize_path(Path::new(p)))
            .collect();
        if !changed_compose.is_empty() {
            let wanted = wanted_neighbours(&facts, &changed_compose);
            for (path, id) in &listing {
                if crate::compose::is_compose_name(path) {
                    continue;
                }
                let at = crate::fsutil::normalize_path(Path::new(path));
                if wanted.files.contains(&at)
                    || (is_env_file(path) && wanted.env_dirs.iter().any(|d| d.starts_with(parent(&at))))
                {
                    analyze(path, *id, &mut findings, &mut facts);
                }
            }
        }
    }
    pipeline.finish_project(facts, &mut findings);
    findings
        .iter()
        .filter(|f| {
            added
                .get(&f.path)
                .is_some_and(|lines| super::changes::touches(lines, f.span.line, f.span.end_line))
        })
        .map(|f| Sighting::at(f, f.path.clone(), node.map(|c| c.id), commit.unwrap_or(0) as u64))
        .collect()
}

/// The directory of a (normalized, relative) path; `""` for a file at the top.
fn parent(p: &Path) -> &Path {
    p.parent().unwrap_or(Path::new(""))
}

fn is_env_file(path: &str) -> bool {
    crate::env::is_env_name(path) || crate::env::is_example_name(path) || crate::env::is_named_env(path)
}

/// The neighbours the changed compose files need besides every compose file.
struct Wanted {
    /// Dockerfiles the services build, `env_file:` targets, and the env files of an `include:` naming a
    /// changed compose file (normalized repository paths).
    files: HashSet<PathBuf>,
    /// Directories of the changed compose files (and the `project_directory:` an `include:` gives one):
    /// env files there and above document their variables.
    env_dirs: Vec<PathBuf>,
}

fn wanted_neighbours(facts: &[Fact], changed_compose: &HashSet<PathBuf>) -> Wanted {
    let mut w = Wanted {
        files: HashSet::new(),
        env_dirs: Vec::new(),
    };
    for f in facts {
        match f {
            Fact::ComposeService(s) => {
                // Every service's Dockerfile: a changed service may extend one in another file.
                w.files.extend(s.dockerfile.iter().cloned());
                let Some(dir) = &s.dir else { continue };
                let file = crate::fsutil::normalize_path(Path::new(&s.file));
                if !changed_compose.contains(&file) {
                    continue;
                }
                if !w.env_dirs.contains(dir) {
                    w.env_dirs.push(dir.clone());
                }
                for (written, _) in &s.env_files {
                    if !written.contains('$') {
                        w.files.insert(crate::fsutil::normalize_path(&dir.join(written)));
                    }
                }
            }
            Fact::ComposeInclude(i) if changed_compose.contains(&i.file) => {
                w.files.extend(i.env_files.iter().cloned());
                // The project directory an `include:` gives it: its example files and `.env` count too.
                if let Some(d) = &i.project_dir
                    && !w.env_dirs.contains(d)
                {
                    w.env_dirs.push(d.clone());
                }
            }
            _ => {}
        }
    }
    w
}

/// The findings and facts of neighbour `path` (blob `id`), analyzed once per scan; `None` when it is not
/// read (missing, too large, binary, an LFS pointer).
#[allow(clippy::too_many_arguments)]
fn neighbour(
    repo: &gix::Repository,
    pipeline: &Pipeline,
    snapshots: &Snapshots<'_>,
    memo: &Memo,
    snapshot: &dyn Snapshot,
    path: &str,
    id: ObjectId,
    scratch: &mut PipelineScratch,
) -> Option<Analyzed> {
    let key = (BString::from(path), id);
    if let Some(done) = memo.analyzed.lock().unwrap().get(&key) {
        return Some(done.clone());
    }
    let mut buf = Vec::new();
    let data = repo.objects.try_find(&id, &mut buf).ok().flatten()?;
    if data.kind != gix::object::Kind::Blob
        || data.data.len() as u64 > snapshots.max_file_size
        || matches!(classify(data.data), Err(Skip::Binary | Skip::Lfs))
    {
        return None;
    }
    memo.read.fetch_add(1, Ordering::Relaxed);
    let (mut findings, mut facts) = (Vec::new(), Vec::new());
    pipeline.analyze_in_snapshot(path, data.data, snapshot, scratch, &mut findings, &mut facts);
    let done = Arc::new((findings, facts));
    memo.analyzed.lock().unwrap().insert(key, done.clone());
    Some(done)
}

/// The files under `tree` that the project rules read ([`crate::project::reads`]), by path relative to it;
/// memoized per tree object. A tree that cannot be read lists nothing.
fn tree_files(repo: &gix::Repository, tree: ObjectId, memo: &Memo) -> Arc<Vec<Listed>> {
    if let Some(done) = memo.trees.lock().unwrap().get(&tree) {
        return done.clone();
    }
    let mut buf = Vec::new();
    let entries: Vec<(BString, ObjectId, EntryKind)> = match repo.objects.find_tree_iter(&tree, &mut buf) {
        Ok(iter) => iter
            .filter_map(|e| e.ok())
            .map(|e| (e.filename.to_owned(), e.oid.to_owned(), e.mode.kind()))
            .collect(),
        Err(_) => Vec::new(),
    };
    let mut out = Vec::new();
    for (name, oid, kind) in entries {
        match kind {
            EntryKind::Tree => {
                for (rel, id) in tree_files(repo, oid, memo).iter() {
                    let mut p = name.clone();
                    p.push(b'/');
                    p.extend_from_slice(rel);
                    out.push((p, *id));
                }
            }
            EntryKind::Blob | EntryKind::BlobExecutable if crate::project::reads(&name.to_str_lossy()) => {
                out.push((name, oid));
            }
            _ => {}
        }
    }
    let done = Arc::new(out);
    memo.trees.lock().unwrap().insert(tree, done.clone());
    done
}
