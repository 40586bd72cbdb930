//! Where the configuration and the files it names (rule files, the baseline) are read from: the file
//! system ([`WorkTreeFiles`], the default) or a git revision (`--config-from REF`,
//! [`crate::git::RevisionFiles`]). [`crate::config`], [`crate::baseline`] and the rule loader read through
//! [`ConfigFiles`], so a CI job can take every setting that decides what is reported from the base branch
//! instead of from the branch being checked, which is input whoever opened the pull request controls.
//!
//! Paths are file-system paths as the user gives them (relative to the current directory); a revision
//! source maps the ones inside the working tree to paths in the revision's tree.
//!
//! ```
//! use plimsoll::config_files::{ConfigFiles, Found, WorkTreeFiles};
//! let dir = tempfile::tempdir().unwrap();
//! std::fs::write(dir.path().join("a.toml"), "x = 1").unwrap();
//! assert!(matches!(WorkTreeFiles.get(&dir.path().join("a.toml")).unwrap(), Found::File(b) if b == b"x = 1"));
//! assert!(matches!(WorkTreeFiles.get(&dir.path().join("nope")).unwrap(), Found::Absent));
//! ```

use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// What is at a path.
#[derive(Debug, PartialEq, Eq)]
pub enum Found {
    /// A file and its bytes.
    File(Vec<u8>),
    /// A directory and the paths of what it holds (`dir/name`), sorted.
    Dir(Vec<PathBuf>),
    /// Nothing.
    Absent,
}

/// A git revision configuration is read from, for messages and reports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RevisionLabel {
    /// The revision as given (`origin/main`, `HEAD~1`, a hex id).
    pub spec: String,
    /// The commit it resolved to (full hex id).
    pub commit: String,
}

/// A place configuration files are read from.
pub trait ConfigFiles: std::fmt::Debug + Send + Sync {
    /// How messages and reports name `path`: the path for the file system, `REV:path-in-tree` for a file
    /// read from a revision.
    fn name(&self, path: &Path) -> String;
    /// What is at `path`.
    fn get(&self, path: &Path) -> Result<Found>;
    /// The revision this reads from; `None` for the file system.
    fn revision(&self) -> Option<&RevisionLabel> {
        None
    }
}

/// The file system: paths are read as given.
#[derive(Clone, Copy, Debug, Default)]
pub struct WorkTreeFiles;

impl ConfigFiles for WorkTreeFiles {
    fn name(&self, path: &Path) -> String {
        path.display().to_string()
    }

    fn get(&self, path: &Path) -> Result<Found> {
        let io = |source| Error::Io {
            path: path.to_path_buf(),
            source,
        };
        let meta = match std::fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Found::Absent),
            Err(e) => return Err(io(e)),
        };
        if meta.is_dir() {
            let mut entries = Vec::new();
            for e in std::fs::read_dir(path).map_err(io)? {
                entries.push(e.map_err(io)?.path());
            }
            entries.sort();
            return Ok(Found::Dir(entries));
        }
        std::fs::read(path).map(Found::File).map_err(io)
    }
}

/// Reads the text file at `path`; absent, a directory or not UTF-8 are errors naming it as `files` does.
pub fn read_text(files: &dyn ConfigFiles, path: &Path) -> Result<String> {
    match files.get(path)? {
        Found::File(bytes) => {
            String::from_utf8(bytes).map_err(|_| Error::Usage(format!("{}: not UTF-8 text", files.name(path))))
        }
        Found::Dir(_) => Err(Error::Usage(format!(
            "{}: is a directory, not a file",
            files.name(path)
        ))),
        Found::Absent => Err(missing(files, path)),
    }
}

/// The error for a file that `files` does not have.
pub fn missing(files: &dyn ConfigFiles, path: &Path) -> Error {
    Error::Usage(match files.revision() {
        Some(rev) => format!(
            "{}: does not exist at {} ({})",
            files.name(path),
            rev.spec,
            short(&rev.commit)
        ),
        None => format!("{}: does not exist", files.name(path)),
    })
}

/// The first 12 hex digits of a commit id, as messages print it.
pub fn short(commit: &str) -> &str {
    &commit[..commit.len().min(12)]
}
