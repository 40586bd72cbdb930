//! Opening a repository and the small object-reading helpers every git mode shares: thread-local handles
//! with a delta-base cache, commit decoding, ref tips, topological order and commit metadata for findings.

use crate::error::{Error, Result};
use crate::finding::Commit;
use crate::provenance::{Provenance, file_uri, lexically_normal, public_repository_uri};
use gix::ObjectId;
use gix::bstr::ByteSlice;
use gix::hashtable::HashMap;
use gix::objs::{CommitRefIter, Find, Kind, TagRefIter};
use std::collections::BinaryHeap;
use std::path::{Path, PathBuf};

/// Per-handle cache for delta bases when reading packed objects. Packs store most blobs and trees as
/// deltas against a base, and reading objects in discovery order reuses bases often. A history scan holds
/// four handles (commit walk, tree walk, two scanning threads): at 16 MiB each the caches were 64 MiB of
/// its peak RSS; at 4 MiB the full prometheus history peaks 51 MB lower (386 -> 335 MB), CPU time within
/// the noise of a loaded machine (31.1 s vs 28.6 s in one pair of runs).
const PACK_CACHE_BYTES: usize = 4 << 20;

/// An open repository, shared by every worker thread.
pub struct Repo {
    inner: gix::ThreadSafeRepository,
    /// What the user gave us, for messages.
    given: PathBuf,
}

impl Repo {
    /// Finds the repository containing `path` (like `git` does, honouring `GIT_DIR`). Opening reads
    /// configuration but runs nothing it names.
    pub fn discover(path: &Path) -> Result<Repo> {
        let inner = gix::ThreadSafeRepository::discover_with_environment_overrides(path).map_err(|e| Error::Git {
            path: path.to_path_buf(),
            message: format!("not a git repository (or cannot open it): {e}"),
        })?;
        Ok(Repo {
            inner,
            given: path.to_path_buf(),
        })
    }

    /// The top of the working tree, or `None` for a bare repository.
    pub fn workdir(&self) -> Option<&Path> {
        self.inner.work_dir()
    }

    /// The path the repository was discovered from, as the user gave it.
    pub fn given(&self) -> &Path {
        &self.given
    }

    pub fn git_dir(&self) -> &Path {
        self.inner.git_dir()
    }

    /// Which repository and commit this is, for reports: the default remote's fetch URL (credentials
    /// removed by [`public_repository_uri`]), `HEAD`'s commit and branch. Works in detached `HEAD`,
    /// linked worktrees (their own `HEAD`), unborn branches and repositories without a remote. Reads
    /// configuration and refs only.
    pub fn provenance(&self) -> Provenance {
        let repo = self.inner.to_thread_local();
        let remote = repo
            .find_default_remote(gix::remote::Direction::Fetch)
            .and_then(|r| r.ok());
        let repository_uri = remote
            .as_ref()
            .and_then(|r| r.url(gix::remote::Direction::Fetch))
            .and_then(|url| public_repository_uri(&url.to_bstring().to_string()))
            .or_else(|| {
                // A relative local path (`../upstream.git`) is relative to the working tree (or git dir).
                let url = remote.as_ref()?.url(gix::remote::Direction::Fetch)?;
                if url.scheme != gix::url::Scheme::File {
                    return None;
                }
                let base = self.workdir().unwrap_or(self.git_dir());
                let path = gix::path::from_bstr(url.path.as_bstr()).ok()?.into_owned();
                Some(file_uri(&lexically_normal(&base.join(path)), false))
            });
        let head_name = repo.head_name().ok().flatten();
        Provenance {
            repository_uri,
            remote: remote.as_ref().and_then(|r| r.name()).map(|n| n.as_bstr().to_string()),
            revision_id: repo.head_id().ok().map(|id| id.detach().to_string()),
            detached: head_name.is_none(),
            branch: head_name.map(|n| n.shorten().to_string()),
            root: {
                let root = self.workdir().unwrap_or(self.git_dir());
                std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf())
            },
            scanned: None,
            config_from: None,
        }
    }

    /// A handle for the current thread, with a delta-base cache.
    pub(crate) fn local(&self) -> gix::Repository {
        let mut repo = self.inner.to_thread_local();
        repo.objects
            .set_pack_cache(|| Box::new(gix::odb::pack::cache::lru::MemoryCappedHashmap::new(PACK_CACHE_BYTES)));
        repo
    }

    /// An error about this repository.
    pub(crate) fn error(&self, message: impl Into<String>) -> Error {
        Error::Git {
            path: self.given.clone(),
            message: message.into(),
        }
    }
}

/// The parts of a commit the scanners need.
pub(crate) struct CommitNode {
    pub id: ObjectId,
    pub tree: ObjectId,
    /// Parent ids in order; missing parents (shallow boundary) are kept here but absent from the graph.
    pub parents: Vec<ObjectId>,
    /// Committer time, seconds since the epoch.
    pub time: i64,
}

/// Reads and decodes one commit; `Ok(None)` when the object is absent (shallow or partial clone).
pub(crate) fn read_commit(
    repo: &gix::Repository,
    id: &ObjectId,
    buf: &mut Vec<u8>,
) -> Result<Option<CommitNode>, String> {
    let Some(data) = repo.objects.try_find(id, buf).map_err(|e| e.to_string())? else {
        return Ok(None);
    };
    if data.kind != Kind::Commit {
        return Err(format!("{id} is a {}, not a commit", data.kind));
    }
    let hash = repo.object_hash();
    let mut iter = CommitRefIter::from_bytes(data.data, hash);
    let tree = iter.tree_id().map_err(|e| format!("commit {id}: {e}"))?;
    let parents: Vec<ObjectId> = CommitRefIter::from_bytes(data.data, hash).parent_ids().collect();
    let time = CommitRefIter::from_bytes(data.data, hash)
        .committer()
        .map(|s| s.seconds())
        .unwrap_or(0);
    Ok(Some(CommitNode {
        id: *id,
        tree,
        parents,
        time,
    }))
}

/// Follows annotated tags to the commit they name; `None` for tags of trees or blobs and missing objects.
pub(crate) fn peel_to_commit(repo: &gix::Repository, mut id: ObjectId, buf: &mut Vec<u8>) -> Option<ObjectId> {
    for _ in 0..32 {
        let data = repo.objects.try_find(&id, buf).ok()??;
        match data.kind {
            Kind::Commit => return Some(id),
            Kind::Tag => id = TagRefIter::from_bytes(data.data, repo.object_hash()).target_id().ok()?,
            Kind::Tree | Kind::Blob => return None,
        }
    }
    None
}

/// Every commit that a ref (any ref, tags peeled) or `HEAD` points at.
pub(crate) fn all_ref_tips(repo: &gix::Repository) -> Result<Vec<ObjectId>, String> {
    let mut ids = Vec::new();
    let platform = repo.references().map_err(|e| e.to_string())?;
    for r in platform.all().map_err(|e| e.to_string())? {
        let r = r.map_err(|e| e.to_string())?;
        if let Some(id) = r.try_id() {
            ids.push(id.detach());
        }
    }
    if let Ok(head) = repo.head_id() {
        ids.push(head.detach());
    }
    let mut buf = Vec::new();
    let mut tips: Vec<ObjectId> = ids
        .into_iter()
        .filter_map(|id| peel_to_commit(repo, id, &mut buf))
        .collect();
    tips.sort();
    tips.dedup();
    Ok(tips)
}

/// Tips of every remote-tracking branch (`refs/remotes/**`).
pub(crate) fn remote_tracking_tips(repo: &gix::Repository) -> Result<Vec<ObjectId>, String> {
    let platform = repo.references().map_err(|e| e.to_string())?;
    let mut buf = Vec::new();
    let mut tips = Vec::new();
    for r in platform.remote_branches().map_err(|e| e.to_string())? {
        let r = r.map_err(|e| e.to_string())?;
        if let Some(id) = r.try_id()
            && let Some(c) = peel_to_commit(repo, id.detach(), &mut buf)
        {
            tips.push(c);
        }
    }
    tips.sort();
    tips.dedup();
    Ok(tips)
}

/// Resolves a revision (`main`, `v1.2`, `HEAD~3`, a hex id) to a commit.
pub(crate) fn resolve_commit(repo: &gix::Repository, spec: &str) -> Result<ObjectId, String> {
    let id = repo
        .rev_parse_single(spec)
        .map_err(|e| format!("cannot resolve revision {spec:?}: {e}"))?
        .detach();
    peel_to_commit(repo, id, &mut Vec::new()).ok_or_else(|| format!("revision {spec:?} does not name a commit"))
}

/// Orders commits so every parent comes before its children; among commits that are ready, the oldest
/// (committer time) goes first, so "first commit that introduced" means what a reader of `git log` expects.
pub(crate) fn topological_order(nodes: Vec<CommitNode>) -> Vec<CommitNode> {
    let index: HashMap<ObjectId, usize> = nodes.iter().enumerate().map(|(i, n)| (n.id, i)).collect();
    let mut pending_parents = vec![0usize; nodes.len()];
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    for (i, n) in nodes.iter().enumerate() {
        let mut seen = Vec::with_capacity(n.parents.len());
        for p in &n.parents {
            if let Some(&pi) = index.get(p)
                && !seen.contains(&pi)
            {
                seen.push(pi);
                pending_parents[i] += 1;
                children[pi].push(i);
            }
        }
    }
    let mut ready: BinaryHeap<std::cmp::Reverse<(i64, usize)>> = pending_parents
        .iter()
        .enumerate()
        .filter(|(_, n)| **n == 0)
        .map(|(i, _)| std::cmp::Reverse((nodes[i].time, i)))
        .collect();
    let mut order = Vec::with_capacity(nodes.len());
    while let Some(std::cmp::Reverse((_, i))) = ready.pop() {
        order.push(i);
        for &c in &children[i] {
            pending_parents[c] -= 1;
            if pending_parents[c] == 0 {
                ready.push(std::cmp::Reverse((nodes[c].time, c)));
            }
        }
    }
    let mut slots: Vec<Option<CommitNode>> = nodes.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// Author metadata of a commit for a finding. Missing or undecodable fields become empty strings: a
/// finding is still worth reporting when its commit's author line is malformed.
pub(crate) fn commit_meta(repo: &gix::Repository, id: &ObjectId) -> Commit {
    let mut buf = Vec::new();
    let mut meta = Commit {
        id: id.to_string(),
        author: String::new(),
        email: String::new(),
        date: String::new(),
    };
    if let Ok(Some(data)) = repo.objects.try_find(id, &mut buf)
        && let Ok(sig) = CommitRefIter::from_bytes(data.data, repo.object_hash()).author()
    {
        let sig = sig.trim();
        meta.author = sig.name.to_string();
        meta.email = sig.email.to_string();
        if let Ok(time) = sig.time() {
            meta.date = time.format_or_unix(gix::date::time::format::ISO8601_STRICT);
        }
    }
    meta
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(n: u8, parents: &[u8], time: i64) -> CommitNode {
        let id = |b: u8| ObjectId::from_bytes_or_panic(&[b; 20]);
        CommitNode {
            id: id(n),
            tree: id(0),
            parents: parents.iter().map(|&p| id(p)).collect(),
            time,
        }
    }

    #[test]
    fn parents_come_first_even_when_clocks_lie() {
        // 3 was committed "before" its parent 2 (a skewed clock); topology wins, time breaks ties.
        let nodes = vec![node(3, &[2], 5), node(2, &[1], 50), node(1, &[], 10), node(4, &[1], 20)];
        let order: Vec<u8> = topological_order(nodes).iter().map(|n| n.id.as_bytes()[0]).collect();
        assert_eq!(order, vec![1, 4, 2, 3]);
    }
}
