//! What git thinks of an env file, read from the files git reads and never by running git: the top of its
//! work tree (a directory with `.git`), whether a `.gitignore` rule (or `.git/info/exclude`) covers it, read
//! the way git reads them, and whether the index tracks it (read with `gix`, isolated from every
//! configuration file, once per work tree for the whole scan).

use ignore::gitignore::Gitignore;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// The top of the git work tree holding `file` (a directory with a `.git` directory or file), if any.
pub fn work_tree_top(file: &Path) -> Option<PathBuf> {
    file.ancestors()
        .skip(1)
        .find(|d| d.join(".git").exists())
        .map(Path::to_path_buf)
}

/// Whether git would ignore `file` (absolute, inside `top`) if it were untracked: `.git/info/exclude`, then
/// every `.gitignore` from the top down to the file's directory; the deepest matching rule decides (a `!`
/// rule un-ignores).
pub fn is_ignored(top: &Path, file: &Path) -> bool {
    let mut ignored = false;
    let mut consider = |gi: &Gitignore| {
        let m = gi.matched_path_or_any_parents(file, false);
        if m.is_ignore() {
            ignored = true;
        } else if m.is_whitelist() {
            ignored = false;
        }
    };
    let exclude = top.join(".git/info/exclude");
    if exclude.is_file() {
        let mut b = ignore::gitignore::GitignoreBuilder::new(top);
        b.add(&exclude);
        if let Ok(gi) = b.build() {
            consider(&gi);
        }
    }
    let dir = file.parent().unwrap_or(top);
    let rel = dir.strip_prefix(top).unwrap_or(Path::new(""));
    let mut level = top.to_path_buf();
    let mut levels = vec![level.clone()];
    for part in rel.components() {
        level.push(part);
        levels.push(level.clone());
    }
    for d in levels {
        let f = d.join(".gitignore");
        if f.is_file() {
            let (gi, _) = Gitignore::new(&f);
            consider(&gi);
        }
    }
    ignored
}

/// The env files (real ones and `*.env`, by [`super::is_env_name`] and [`super::is_named_env`]) one work
/// tree's index tracks, by path relative to
/// the top (`/`-separated).
#[derive(Debug, Default)]
pub struct TrackedEnvFiles {
    pub paths: BTreeSet<String>,
}

/// Index listings, read once per work tree and shared by every worker thread.
#[derive(Debug, Default)]
pub struct IndexCache {
    trees: Mutex<HashMap<PathBuf, Arc<TrackedEnvFiles>>>,
}

impl IndexCache {
    /// The tracked env files of the work tree at `top` (empty when its index cannot be read: a fresh
    /// `git init`, a bare or broken repository).
    pub fn tracked(&self, top: &Path) -> Arc<TrackedEnvFiles> {
        if let Some(t) = self.trees.lock().unwrap_or_else(|e| e.into_inner()).get(top) {
            return t.clone();
        }
        // Read outside the lock: another thread reading the same index meanwhile costs one more read.
        let listing = Arc::new(read_tracked(top));
        self.trees
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entry(top.to_path_buf())
            .or_insert(listing)
            .clone()
    }
}

fn read_tracked(top: &Path) -> TrackedEnvFiles {
    let mut out = TrackedEnvFiles::default();
    let Ok(repo) = gix::open_opts(top, gix::open::Options::isolated()) else {
        return out;
    };
    let Ok(index) = repo.index_or_empty() else {
        return out;
    };
    for entry in index.entries() {
        let path = entry.path(&index);
        let Ok(path) = std::str::from_utf8(path) else { continue };
        if super::is_env_name(path) || super::is_named_env(path) {
            out.paths.insert(path.to_string());
        }
    }
    out
}
