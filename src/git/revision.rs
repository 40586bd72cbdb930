//! `--config-from REF`: the configuration, its rule files and the baseline read out of one commit's tree
//! instead of the working tree. In CI, `.plimsoll.toml` and the baseline on the branch being checked are
//! written by whoever opened the pull request, so they can `exclude = ["**"]` or baseline their own
//! secret; read from the base branch, they are what the project already reviewed and merged.
//!
//! [`RevisionFiles`] takes file-system paths like [`crate::config_files::WorkTreeFiles`] does: those inside
//! the working tree are looked up in the revision (lexically: `a/../b` is `b`), and those outside it (a
//! rules directory under `/etc`, say) are not part of the repository and are read from disk. In a bare
//! repository relative paths are paths in the tree. Objects are read with gix; nothing is run.

use super::repo::{Repo, resolve_commit};
use crate::config_files::{ConfigFiles, Found, RevisionLabel, WorkTreeFiles};
use crate::error::{Error, Result};
use crate::provenance::lexically_normal;
use gix::ObjectId;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The files of one commit, for [`ConfigFiles`] readers.
pub struct RevisionFiles {
    /// A thread-local handle, behind a lock so that a loaded configuration can be shared between threads.
    repo: Mutex<gix::Repository>,
    label: RevisionLabel,
    tree: ObjectId,
    /// The top of the working tree, canonical; `None` for a bare repository.
    workdir: Option<PathBuf>,
    /// Where relative paths start.
    cwd: PathBuf,
    /// The repository as the user named it, for errors.
    given: PathBuf,
}

impl std::fmt::Debug for RevisionFiles {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RevisionFiles")
            .field("revision", &self.label)
            .field("tree", &self.tree)
            .finish()
    }
}

impl RevisionFiles {
    /// Resolves `spec` (a branch, tag, `origin/main`, `HEAD~1`, a hex id) in `repo` to a commit.
    pub fn open(repo: &Repo, spec: &str) -> Result<RevisionFiles> {
        let local = repo.local();
        let unresolved = |message: String| repo.error(format!("--config-from {spec}: {message}"));
        let commit = resolve_commit(&local, spec).map_err(unresolved)?;
        let tree = local
            .find_commit(commit)
            .and_then(|c| c.tree_id().map(gix::Id::detach))
            .map_err(|e| unresolved(format!("cannot read commit {commit}: {e}")))?;
        let cwd = std::env::current_dir().map_err(|source| Error::Io {
            path: PathBuf::from("."),
            source,
        })?;
        let workdir = repo
            .workdir()
            .map(|w| std::fs::canonicalize(w).unwrap_or_else(|_| lexically_normal(&cwd.join(w))));
        Ok(RevisionFiles {
            repo: Mutex::new(local),
            label: RevisionLabel {
                spec: spec.to_string(),
                commit: commit.to_string(),
            },
            tree,
            workdir,
            cwd,
            given: repo.given().to_path_buf(),
        })
    }

    /// `path` as a path in the revision's tree; `None` when it lies outside the working tree.
    fn in_tree(&self, path: &Path) -> Option<PathBuf> {
        match &self.workdir {
            Some(top) => lexically_normal(&self.cwd.join(path))
                .strip_prefix(top)
                .ok()
                .map(Path::to_path_buf),
            None if path.is_relative() => Some(lexically_normal(path)),
            None => None,
        }
    }

    fn error(&self, path: &Path, message: impl std::fmt::Display) -> Error {
        Error::Git {
            path: self.given.clone(),
            message: format!("{}: {message}", self.name(path)),
        }
    }
}

impl ConfigFiles for RevisionFiles {
    fn name(&self, path: &Path) -> String {
        match self.in_tree(path) {
            Some(p) if p.as_os_str().is_empty() => format!("{}:", self.label.spec),
            Some(p) => format!("{}:{}", self.label.spec, p.display()),
            None => path.display().to_string(),
        }
    }

    fn get(&self, path: &Path) -> Result<Found> {
        let Some(in_tree) = self.in_tree(path) else {
            return WorkTreeFiles.get(path);
        };
        let repo = self.repo.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let root = repo
            .find_tree(self.tree)
            .map_err(|e| self.error(path, format!("cannot read the tree: {e}")))?;
        let (id, mode) = if in_tree.as_os_str().is_empty() {
            (self.tree, gix::objs::tree::EntryKind::Tree.into())
        } else {
            match root
                .lookup_entry_by_path(&in_tree)
                .map_err(|e| self.error(path, format!("cannot read the tree: {e}")))?
            {
                Some(entry) => (entry.object_id(), entry.mode()),
                None => return Ok(Found::Absent),
            }
        };
        if mode.is_tree() {
            let tree = repo.find_tree(id).map_err(|e| self.error(path, e))?;
            let mut entries = Vec::new();
            for entry in tree.iter() {
                let entry = entry.map_err(|e| self.error(path, e))?;
                let name = gix::path::from_bstr(entry.inner.filename)
                    .map_err(|e| self.error(path, format!("a file name is not valid here: {e}")))?;
                entries.push(path.join(name));
            }
            entries.sort();
            Ok(Found::Dir(entries))
        } else if mode.is_link() {
            Err(self.error(path, "is a symbolic link in that revision; plimsoll does not follow it"))
        } else if mode.is_commit() {
            Err(self.error(path, "is a submodule in that revision, not a file"))
        } else {
            let blob = repo.find_blob(id).map_err(|e| self.error(path, e))?;
            Ok(Found::File(blob.data.clone()))
        }
    }

    fn revision(&self) -> Option<&RevisionLabel> {
        Some(&self.label)
    }
}
