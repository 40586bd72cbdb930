//! Added-lines scans (`--range`, `--pre-push`, `--staged`): find the files each commit (or the index)
//! changed, diff their lines against the previous version, scan the new version and keep only findings
//! that touch an added line. Scanning the whole new file (rather than the added lines alone) lets rules
//! that need context see it, while line numbers stay those of the new file.
//!
//! Every analyzer runs on the new version, not only the secrets engine: a changed Dockerfile is linted with
//! the `.dockerignore` of the same commit (or of the index, for `--staged`), and its findings are kept on
//! the same terms, so an untouched instruction of an old Dockerfile is not reported again.
//!
//! Compose files, Dockerfiles and example env files also go through the project phase of their snapshot
//! ([`super::project`]), so the cross-file rules give the verdicts `plimsoll scan .` gives, on the lines
//! the change added.
//!
//! A commit is compared with its first parent. For a merge, a file that matches any other parent came
//! from that parent's side and is skipped; what remains is what the merge itself added (conflict
//! resolutions, "evil" merges).

use super::added::added_line_numbers;
use super::collect::{Sighting, collect};
use super::prepush;
use super::project::{self, Pending, Snapshots};
use super::reach::reachable_not_hidden;
use super::repo::{CommitNode, Repo, read_commit, resolve_commit, topological_order};
use super::{GitOptions, GitStats, Skip, Tally, Target, classify};
use crate::error::Result;
use crate::fsutil::exclusion_set;
use crate::outcome::Outcome;
use crate::pipeline::{Pipeline, PipelineScratch};
use crate::text;
use gix::ObjectId;
use gix::bstr::{BStr, BString, ByteSlice};
use gix::diff::tree::recorder::Change as TreeChange;
use gix::hashtable::HashSet;
use gix::objs::tree::EntryKind;
use gix::objs::{Find, FindExt, TreeRefIter};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::collections::HashMap;
use std::sync::Mutex;

/// One file whose new content must be scanned for added lines.
struct FileChange {
    /// Topological index into the commit list; `None` for the index (staged changes).
    commit: Option<u32>,
    path: BString,
    old: Option<ObjectId>,
    new: ObjectId,
}

/// What produced the changes: commits (topological order) or the index.
struct Changes {
    /// For staged changes: the blob of every index entry (stage 0), by path, so analyzers can read a
    /// changed file's neighbours as staged.
    index_blobs: HashMap<BString, ObjectId>,
    commits: Vec<CommitNode>,
    files: Vec<FileChange>,
    submodules: BTreeSet<String>,
    symlinks: u64,
    unmerged: u64,
    missing_parents: u64,
}

pub(super) fn scan(repo: &Repo, pipeline: &Pipeline, opts: &GitOptions) -> Result<Outcome> {
    let local = repo.local();
    let mut git = GitStats {
        shallow: local.is_shallow().unwrap_or(false),
        ..GitStats::default()
    };
    let progress = opts.progress.then(super::spinner);
    let changes = match &opts.target {
        Target::Range(spec) => {
            git.mode = "range";
            let (tip, hidden) = range_ends(&local, spec).map_err(|e| repo.error(e))?;
            git.revisions.push(super::rev_list(&tip, &hidden));
            let commits = commits_between(&local, &[prepush::Walk { tip, hidden }]).map_err(|e| repo.error(e))?;
            if commits.is_empty() {
                git.notes.push(format!("nothing to scan: {spec} contains no commits"));
            }
            commit_changes(repo, commits).map_err(|e| repo.error(e))?
        }
        Target::PrePush { remote, updates, .. } => {
            git.mode = "pre-push";
            let plan = prepush::plan(&local, remote, updates).map_err(|e| repo.error(e))?;
            git.notes.extend(plan.notes);
            git.revisions
                .extend(plan.walks.iter().map(|w| super::rev_list(&w.tip, &w.hidden)));
            let commits = commits_between(&local, &plan.walks).map_err(|e| repo.error(e))?;
            if commits.is_empty() && !plan.walks.is_empty() {
                git.notes.push(format!(
                    "nothing to scan: every commit being pushed is already on {remote} or a remote-tracking branch"
                ));
            }
            commit_changes(repo, commits).map_err(|e| repo.error(e))?
        }
        Target::Staged => {
            git.mode = "staged";
            git.revisions
                .extend(local.head_id().ok().map(|id| id.detach().to_string()));
            let changes = staged_changes(&local).map_err(|e| repo.error(e))?;
            if changes.files.is_empty() {
                git.notes.push("nothing to scan: no staged changes to files".into());
            }
            changes
        }
        Target::History { .. } => unreachable!("changes::scan called for a history scan"),
    };
    git.commits_scanned = changes.commits.len() as u64;
    let excludes = exclusion_set(&opts.exclude).map_err(|e| repo.error(e))?;
    let (files, excluded): (Vec<&FileChange>, Vec<&FileChange>) = changes
        .files
        .iter()
        .partition(|c| excludes.is_empty() || !excludes.is_match(&*c.path.to_str_lossy()));

    let tally = Tally::default();
    let sightings: Mutex<Vec<Sighting>> = Mutex::new(Vec::new());
    let pending: Mutex<Vec<Pending>> = Mutex::new(Vec::new());
    let project = pipeline.has_project_rules();
    let total = files.len();
    files.par_chunks(8).for_each_init(
        || {
            let bufs = [Vec::new(), Vec::new(), Vec::new(), Vec::new()];
            (repo.local(), PipelineScratch::default(), bufs)
        },
        |(local, scratch, [new_buf, old_buf, new_text, old_text]), chunk| {
            for change in chunk {
                let path = change.path.to_str_lossy();
                let Some(new) = tally.read(local, &change.new, &path, opts.max_file_size, new_buf) else {
                    continue;
                };
                // An old version that is binary or unreadable counts as absent: every line is new.
                let old = change
                    .old
                    .and_then(|id| local.objects.try_find(&id, old_buf).ok().flatten())
                    .map(|d| d.data)
                    .filter(|d| classify(d) != Err(Skip::Binary));
                // Lines are compared as text, so a UTF-16 file's lines are diffed like any other.
                let new = text::decode(new, new_text);
                let old = old.map(|d| text::decode(d, old_text));
                let added = added_line_numbers(old, new);
                if added.is_empty() {
                    continue;
                }
                let (n, _) = tally.scanning(new.len());
                if let Some(pb) = &progress
                    && n.is_multiple_of(256)
                {
                    pb.set_message(format!("scanning changed files: {n}/{total}"));
                }
                let mut out = Vec::new();
                let commit = change.commit.map(|c| &changes.commits[c as usize]);
                let snapshot = match commit {
                    Some(c) => GitSnapshot::Tree {
                        repo: local,
                        tree: c.tree,
                    },
                    None => GitSnapshot::Index {
                        repo: local,
                        blobs: &changes.index_blobs,
                    },
                };
                let mut facts = Vec::new();
                pipeline.analyze_in_snapshot(&path, new, &snapshot, scratch, &mut out, &mut facts);
                if project && crate::project::reports_on(&path) {
                    // Judged with the rest of its snapshot, then filtered to its added lines.
                    pending.lock().unwrap().push(Pending {
                        commit: change.commit,
                        path: path.to_string(),
                        added,
                        findings: out,
                        facts,
                    });
                    continue;
                }
                let mut kept: Vec<Sighting> = out
                    .iter()
                    .filter(|f| touches(&added, f.span.line, f.span.end_line))
                    .map(|f| {
                        Sighting::at(
                            f,
                            path.to_string(),
                            commit.map(|c| c.id),
                            change.commit.unwrap_or(0) as u64,
                        )
                    })
                    .collect();
                if !kept.is_empty() {
                    sightings.lock().unwrap().append(&mut kept);
                }
            }
        },
    );
    if let Some(pb) = &progress {
        pb.finish_and_clear();
    }
    let pending = pending.into_inner().unwrap();
    let mut sightings = sightings.into_inner().unwrap();
    if !pending.is_empty() {
        let snapshots = Snapshots {
            commits: &changes.commits,
            index_blobs: &changes.index_blobs,
            excludes: &excludes,
            max_file_size: opts.max_file_size,
        };
        let judged = project::judge(repo, pipeline, &snapshots, pending);
        sightings.extend(judged.sightings);
        git.project_snapshots = judged.snapshots;
        git.project_neighbours_read = judged.neighbours_read;
    }
    let findings = collect(&local, sightings);

    git.skipped_submodules = changes.submodules.into_iter().collect();
    if changes.missing_parents > 0 {
        git.notes.push(format!(
            "{} commit(s) have parents that are not in this repository (shallow clone?): everything in them was \
             treated as added",
            changes.missing_parents
        ));
    }
    if changes.unmerged > 0 {
        git.notes.push(format!(
            "{} unmerged path(s) in the index were not scanned; resolve the conflicts and stage them",
            changes.unmerged
        ));
    }
    Ok(tally.outcome(findings, git, changes.symlinks, excluded.len() as u64))
}

/// The files of the commit (or the index) a changed file comes from, for analyzers that read its neighbours.
pub(super) enum GitSnapshot<'r> {
    Tree {
        repo: &'r gix::Repository,
        tree: ObjectId,
    },
    Index {
        repo: &'r gix::Repository,
        blobs: &'r HashMap<BString, ObjectId>,
    },
}

impl std::fmt::Debug for GitSnapshot<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GitSnapshot::Tree { tree, .. } => write!(f, "GitSnapshot::Tree({tree})"),
            GitSnapshot::Index { blobs, .. } => write!(f, "GitSnapshot::Index({} entries)", blobs.len()),
        }
    }
}

impl crate::analyzer::Snapshot for GitSnapshot<'_> {
    fn read(&self, path: &str) -> Option<Vec<u8>> {
        let (repo, id) = match self {
            GitSnapshot::Tree { repo, tree } => {
                let mut buf = Vec::new();
                (*repo, lookup(repo, *tree, path.as_bytes().as_bstr(), &mut buf)?)
            }
            GitSnapshot::Index { repo, blobs } => (*repo, *blobs.get(path.as_bytes().as_bstr())?),
        };
        let mut buf = Vec::new();
        let data = repo.objects.try_find(&id, &mut buf).ok().flatten()?;
        (data.kind == gix::object::Kind::Blob).then(|| data.data.to_vec())
    }
}

/// `A..B`, `A..` (A..HEAD), `..B` (HEAD..B) or a single revision (everything reachable from it).
fn range_ends(repo: &gix::Repository, spec: &str) -> std::result::Result<(ObjectId, Vec<ObjectId>), String> {
    if spec.contains("...") {
        return Err(format!(
            "--range {spec:?}: symmetric ranges (A...B) are not supported; use A..B"
        ));
    }
    match spec.split_once("..") {
        Some((from, to)) => {
            let or_head = |s: &str| {
                if s.is_empty() {
                    "HEAD".to_string()
                } else {
                    s.to_string()
                }
            };
            let from = resolve_commit(repo, &or_head(from))?;
            let to = resolve_commit(repo, &or_head(to))?;
            Ok((to, vec![from]))
        }
        None => Ok((resolve_commit(repo, spec)?, Vec::new())),
    }
}

/// The union of the commits of each walk, in topological order.
fn commits_between(repo: &gix::Repository, walks: &[prepush::Walk]) -> std::result::Result<Vec<CommitNode>, String> {
    let mut ids: HashSet<ObjectId> = HashSet::default();
    for w in walks {
        let walked = reachable_not_hidden(repo, w.tip, &w.hidden)
            .map_err(|e| format!("cannot walk commits from {}: {e}", w.tip))?;
        ids.extend(walked);
    }
    let mut buf = Vec::new();
    let mut nodes = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(node) = read_commit(repo, &id, &mut buf)? {
            nodes.push(node);
        }
    }
    Ok(topological_order(nodes))
}

/// Files each commit changed, computed in parallel (tree diffs are independent per commit).
fn commit_changes(repo: &Repo, commits: Vec<CommitNode>) -> std::result::Result<Changes, String> {
    let per_commit: Vec<std::result::Result<CommitDiff, String>> = commits
        .par_iter()
        .enumerate()
        .map_init(
            || (repo.local(), gix::diff::tree::State::default()),
            |(local, state), (i, c)| diff_commit(local, state, c, i as u32),
        )
        .collect();
    let mut changes = Changes {
        index_blobs: HashMap::new(),
        commits,
        files: Vec::new(),
        submodules: BTreeSet::new(),
        symlinks: 0,
        unmerged: 0,
        missing_parents: 0,
    };
    for d in per_commit {
        let d = d?;
        changes.files.extend(d.files);
        changes.submodules.extend(d.submodules);
        changes.symlinks += d.symlinks;
        changes.missing_parents += d.missing_parent as u64;
    }
    Ok(changes)
}

#[derive(Default)]
struct CommitDiff {
    files: Vec<FileChange>,
    submodules: Vec<String>,
    symlinks: u64,
    missing_parent: bool,
}

fn diff_commit(
    repo: &gix::Repository,
    state: &mut gix::diff::tree::State,
    commit: &CommitNode,
    index: u32,
) -> std::result::Result<CommitDiff, String> {
    let mut out = CommitDiff::default();
    let mut parent_trees = Vec::with_capacity(commit.parents.len());
    let mut buf = Vec::new();
    for p in &commit.parents {
        match read_commit(repo, p, &mut buf)? {
            Some(node) => parent_trees.push(node.tree),
            None => out.missing_parent = true,
        }
    }
    let first = if out.missing_parent {
        None
    } else {
        parent_trees.first().copied()
    };
    let mut lhs_buf = Vec::new();
    let mut rhs_buf = Vec::new();
    let hash = repo.object_hash();
    let lhs = match first {
        Some(t) => repo
            .objects
            .find_tree_iter(&t, &mut lhs_buf)
            .map_err(|e| format!("tree {t}: {e}"))?,
        None => TreeRefIter::from_bytes(&[], hash),
    };
    let rhs = repo
        .objects
        .find_tree_iter(&commit.tree, &mut rhs_buf)
        .map_err(|e| format!("tree {}: {e}", commit.tree))?;
    let mut recorder = gix::diff::tree::Recorder::default();
    gix::diff::tree(lhs, rhs, &mut *state, &repo.objects, &mut recorder)
        .map_err(|e| format!("cannot diff commit {}: {e}", commit.id))?;
    for change in recorder.records {
        let (mode, new, old, path) = match change {
            TreeChange::Addition {
                entry_mode, oid, path, ..
            } => (entry_mode, oid, None, path),
            TreeChange::Modification {
                previous_entry_mode,
                previous_oid,
                entry_mode,
                oid,
                path,
            } => {
                let old = previous_entry_mode.is_blob().then_some(previous_oid);
                (entry_mode, oid, old, path)
            }
            TreeChange::Deletion { .. } => continue,
        };
        match mode.kind() {
            EntryKind::Blob | EntryKind::BlobExecutable => {}
            EntryKind::Link => {
                out.symlinks += 1;
                continue;
            }
            EntryKind::Commit => {
                out.submodules.push(path.to_str_lossy().into_owned());
                continue;
            }
            EntryKind::Tree => continue,
        }
        // In a merge, content identical to another parent's came from that side of the merge.
        if parent_trees.len() > 1
            && parent_trees[1..]
                .iter()
                .any(|t| lookup(repo, *t, path.as_ref(), &mut buf) == Some(new))
        {
            continue;
        }
        out.files.push(FileChange {
            commit: Some(index),
            path,
            old,
            new,
        });
    }
    Ok(out)
}

/// The object at `path` (slash-separated) in `tree`.
fn lookup(repo: &gix::Repository, tree: ObjectId, path: &BStr, buf: &mut Vec<u8>) -> Option<ObjectId> {
    let mut current = tree;
    for component in path.split(|&b| b == b'/') {
        let iter = repo.objects.find_tree_iter(&current, buf).ok()?;
        current = iter
            .filter_map(|e| e.ok())
            .find(|e| e.filename == component)
            .map(|e| e.oid.to_owned())?;
    }
    Some(current)
}

/// Staged changes: index entries (stage 0) whose blob differs from `HEAD`'s at the same path.
fn staged_changes(repo: &gix::Repository) -> std::result::Result<Changes, String> {
    let index = repo
        .index_or_empty()
        .map_err(|e| format!("cannot read the index: {e}"))?;
    let mut head: HashMap<BString, (ObjectId, EntryKind)> = HashMap::new();
    if let Ok(tree) = repo.head_tree_id() {
        list_tree(repo, tree.detach(), &mut head)?;
    }
    let mut changes = Changes {
        index_blobs: HashMap::new(),
        commits: Vec::new(),
        files: Vec::new(),
        submodules: BTreeSet::new(),
        symlinks: 0,
        unmerged: 0,
        missing_parents: 0,
    };
    let mut unmerged: BTreeSet<&BStr> = BTreeSet::new();
    for entry in index.entries() {
        let path = entry.path(&index);
        if entry.stage_raw() != 0 {
            unmerged.insert(path);
            continue;
        }
        if entry.flags.contains(gix::index::entry::Flags::INTENT_TO_ADD) {
            continue;
        }
        changes.index_blobs.insert(path.to_owned(), entry.id);
        let before = head.get(path);
        if before.is_some_and(|(id, _)| *id == entry.id) {
            continue;
        }
        use gix::index::entry::Mode;
        if entry.mode == Mode::COMMIT {
            changes.submodules.insert(path.to_str_lossy().into_owned());
        } else if entry.mode == Mode::SYMLINK {
            changes.symlinks += 1;
        } else if entry.mode == Mode::FILE || entry.mode == Mode::FILE_EXECUTABLE {
            let old = before
                .and_then(|(id, kind)| matches!(kind, EntryKind::Blob | EntryKind::BlobExecutable).then_some(*id));
            changes.files.push(FileChange {
                commit: None,
                path: path.to_owned(),
                old,
                new: entry.id,
            });
        }
    }
    changes.unmerged = unmerged.len() as u64;
    Ok(changes)
}

/// Every non-tree entry of `tree`, by full path.
fn list_tree(
    repo: &gix::Repository,
    tree: ObjectId,
    out: &mut HashMap<BString, (ObjectId, EntryKind)>,
) -> std::result::Result<(), String> {
    let mut stack: Vec<(ObjectId, BString)> = vec![(tree, BString::default())];
    let mut buf = Vec::new();
    while let Some((tree, prefix)) = stack.pop() {
        let iter = repo
            .objects
            .find_tree_iter(&tree, &mut buf)
            .map_err(|e| format!("tree {tree}: {e}"))?;
        for entry in iter {
            let entry = entry.map_err(|e| format!("tree {tree}: {e}"))?;
            let mut path = prefix.clone();
            if !path.is_empty() {
                path.push(b'/');
            }
            path.extend_from_slice(entry.filename);
            let kind = entry.mode.kind();
            if kind == EntryKind::Tree {
                stack.push((entry.oid.to_owned(), path));
            } else {
                out.insert(path, (entry.oid.to_owned(), kind));
            }
        }
    }
    Ok(())
}

/// Whether any line in `first..=last` is in the sorted `added`.
pub(super) fn touches(added: &[u32], first: u32, last: u32) -> bool {
    let i = added.partition_point(|&l| l < first);
    added.get(i).is_some_and(|&l| l <= last.max(first))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn added_lines_keep_new_file_numbering() {
        let old = b"a\nb\nc\n";
        let new = b"a\nSECRET\nb\nc\nTAIL\n";
        assert_eq!(added_line_numbers(Some(old), new), vec![2, 5]);
        assert_eq!(added_line_numbers(None, b"x\ny"), vec![1, 2]);
        assert!(added_line_numbers(Some(b"a\nb\n"), b"a\n").is_empty());
    }

    #[test]
    fn spans_touch_added_lines() {
        assert!(touches(&[2, 5], 2, 2));
        assert!(touches(&[2, 5], 4, 6));
        assert!(!touches(&[2, 5], 3, 4));
        assert!(!touches(&[], 1, 1));
    }
}
