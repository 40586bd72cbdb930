//! Git sources for the pipeline: instead of walking a directory, read content out of a repository with `gix`
//! (pure Rust, never runs a program named in the repository's configuration: no fsmonitor, pager, diff
//! drivers, filters or hooks) and hand it to [`Pipeline::analyze_secrets`]. Four targets:
//!
//! - [`Target::History`]: every unique blob reachable from the chosen commits is read once and scanned in
//!   parallel; each finding is attributed to the first commit (in topological order) that introduced it.
//! - [`Target::Range`], [`Target::PrePush`]: only the lines that the selected commits added (diff against
//!   the first parent; for merges, only content that came from none of the parents).
//! - [`Target::Staged`]: lines added in the index compared with `HEAD`, for a pre-commit hook.
//!
//! In the added-lines modes the project rules judge each snapshot (commit or index) that changed a compose
//! file, a Dockerfile or an example env file (the `project` module).
//!
//! The same secret seen in several places becomes one finding whose `other_locations` name the rest
//! (see [`collect`]). [`hook`] installs the git hooks that call these modes.
//!
//! ```no_run
//! # fn demo(pipeline: &plimsoll::pipeline::Pipeline) -> plimsoll::error::Result<()> {
//! use plimsoll::git::{GitOptions, Repo, Target};
//! let repo = Repo::discover(".".as_ref())?;
//! let opts = GitOptions::new(Target::Staged);
//! let outcome = plimsoll::git::scan(&repo, pipeline, &opts)?;
//! println!("{} findings", outcome.findings.len());
//! # Ok(()) }
//! ```

mod added;
mod changes;
mod collect;
mod history;
pub mod hook;
mod pack_pages;
mod pack_reader;
mod prepush;
mod project;
mod reach;
mod repo;
mod revision;

pub use prepush::{PushUpdate, parse_pre_push};
pub use repo::Repo;
pub use revision::RevisionFiles;

use crate::error::Result;
use crate::finding::Finding;
use crate::outcome::{FileError, Outcome, Stats};
use crate::pipeline::Pipeline;
use crate::text::{Content, Encoding};
use gix::ObjectId;
use gix::objs::Find;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

/// What part of the repository to scan.
#[derive(Clone, Debug)]
pub enum Target {
    /// Every blob reachable from `branches` (all refs and `HEAD` when empty), limited to commits made at or
    /// after `since` and to the newest `max_commits` commits. With a limit, content that already existed
    /// in the commits just outside it is not scanned.
    History {
        branches: Vec<String>,
        /// A git date: `2024-01-31`, RFC 3339, `2 weeks ago`, ...
        since: Option<String>,
        max_commits: Option<usize>,
    },
    /// `A..B` (commits reachable from B but not from A) or a single revision (all its commits); added
    /// lines only.
    Range(String),
    /// The index compared with `HEAD`; added lines only.
    Staged,
    /// A pre-push hook: the ref updates git wrote on the hook's stdin.
    PrePush {
        remote: String,
        url: String,
        updates: Vec<PushUpdate>,
    },
}

/// How a git scan runs. Built once from flags and config.
#[derive(Clone, Debug)]
pub struct GitOptions {
    pub target: Target,
    /// gitignore-style globs matched against repository paths.
    pub exclude: Vec<String>,
    /// 0 = one per core.
    pub threads: usize,
    /// Blobs larger than this many bytes are skipped and counted.
    pub max_file_size: u64,
    /// Show progress on stderr.
    pub progress: bool,
}

impl GitOptions {
    /// Defaults: no excludes, one thread per core, 10 MiB size cap, no progress.
    pub fn new(target: Target) -> Self {
        GitOptions {
            target,
            exclude: Vec::new(),
            threads: 0,
            max_file_size: 10 << 20,
            progress: false,
        }
    }
}

pub use crate::outcome::GitStats;

/// `<tip> ^<hidden>...`: one walk in `git rev-list` syntax.
fn rev_list(tip: &ObjectId, hidden: &[ObjectId]) -> String {
    let mut s = tip.to_string();
    for h in hidden {
        s.push_str(" ^");
        s.push_str(&h.to_string());
    }
    s
}

/// Runs a git scan. Findings are sorted, deduplicated by (rule, secret) and carry commit metadata.
pub fn scan(repo: &Repo, pipeline: &Pipeline, opts: &GitOptions) -> Result<Outcome> {
    let started = std::time::Instant::now();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.threads)
        .build()
        .map_err(|e| repo.error(format!("cannot start worker threads: {e}")))?;
    let mut outcome = pool.install(|| match &opts.target {
        Target::History { .. } => history::scan(repo, pipeline, opts),
        Target::Range(_) | Target::Staged | Target::PrePush { .. } => changes::scan(repo, pipeline, opts),
    })?;
    outcome.set_aside_suppressed();
    outcome.stats.below_min_confidence = pipeline.secrets.hidden_below_confidence();
    outcome.stats.elapsed_ms = started.elapsed().as_millis() as u64;
    Ok(outcome)
}

/// A progress spinner on stderr, as the directory walker shows.
fn spinner() -> indicatif::ProgressBar {
    let pb = indicatif::ProgressBar::new_spinner();
    pb.set_style(indicatif::ProgressStyle::with_template("{spinner} {msg} [{elapsed}]").expect("valid template"));
    pb.enable_steady_tick(std::time::Duration::from_millis(120));
    pb
}

/// What the scanning threads of every git mode count, and the read errors they meet.
#[derive(Default)]
struct Tally {
    scanned: AtomicU64,
    bytes: AtomicU64,
    binary: AtomicU64,
    utf16: AtomicU64,
    lfs: AtomicU64,
    too_large: AtomicU64,
    missing: AtomicU64,
    errors: Mutex<Vec<FileError>>,
}

impl Tally {
    /// Reads blob `id` (seen at `path`) for scanning. `None`, counted, when it is missing, larger than
    /// `max_size`, binary or a Git LFS pointer; a read error is recorded and also gives `None`.
    fn read<'a>(
        &self,
        repo: &gix::Repository,
        id: &ObjectId,
        path: &str,
        max_size: u64,
        buf: &'a mut Vec<u8>,
    ) -> Option<&'a [u8]> {
        let data = match repo.objects.try_find(id, buf) {
            Ok(Some(d)) => d.data,
            Ok(None) => {
                self.missing.fetch_add(1, Ordering::Relaxed);
                return None;
            }
            Err(e) => {
                self.errors.lock().unwrap().push(FileError {
                    path: path.to_string(),
                    message: format!("blob {id}: {e}"),
                });
                return None;
            }
        };
        self.admit(data, max_size).then_some(data)
    }

    /// Whether a blob's content `data` is scanned: not over `max_size`, not binary, not an LFS pointer (each
    /// skip counted).
    fn admit(&self, data: &[u8], max_size: u64) -> bool {
        let skipped = if data.len() as u64 > max_size {
            &self.too_large
        } else {
            match classify(data) {
                Err(Skip::Binary) => &self.binary,
                Err(Skip::Lfs) => &self.lfs,
                Ok(encoding) => {
                    if encoding.is_utf16() {
                        self.utf16.fetch_add(1, Ordering::Relaxed);
                    }
                    return true;
                }
            }
        };
        skipped.fetch_add(1, Ordering::Relaxed);
        false
    }

    /// Counts `len` bytes about to be scanned; returns how many blobs were scanned so far and their bytes.
    fn scanning(&self, len: usize) -> (u64, u64) {
        let n = self.scanned.fetch_add(1, Ordering::Relaxed) + 1;
        let bytes = self.bytes.fetch_add(len as u64, Ordering::Relaxed) + len as u64;
        (n, bytes)
    }

    /// The scan's outcome: counters into `git` and [`Stats`], notes about what was not scanned.
    fn outcome(self, findings: Vec<Finding>, mut git: GitStats, symlinks: u64, excluded: u64) -> Outcome {
        git.blobs_scanned = self.scanned.into_inner();
        git.skipped_lfs = self.lfs.into_inner();
        git.missing_objects += self.missing.into_inner();
        if git.missing_objects > 0 {
            git.notes.push(format!(
                "{} object(s) are not in this repository (a partial or shallow clone?) and were not scanned",
                git.missing_objects
            ));
        }
        if !git.skipped_submodules.is_empty() {
            git.notes.push(format!(
                "{} submodule(s) skipped (scan their repositories separately): {}",
                git.skipped_submodules.len(),
                git.skipped_submodules.join(", ")
            ));
        }
        let mut errors = self.errors.into_inner().unwrap();
        errors.sort_by(|a, b| a.path.cmp(&b.path));
        let stats = Stats {
            files_scanned: git.blobs_scanned,
            bytes_scanned: self.bytes.into_inner(),
            skipped_binary: self.binary.into_inner(),
            decoded_utf16: self.utf16.into_inner(),
            skipped_too_large: self.too_large.into_inner(),
            skipped_symlinks: symlinks,
            excluded,
            unreadable: errors.len() as u64,
            git: Some(git),
            ..Stats::default()
        };
        Outcome {
            findings,
            stats,
            errors,
            ..Outcome::default()
        }
    }
}

/// Why a blob was not scanned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Skip {
    Binary,
    Lfs,
}

const LFS_POINTER_PREFIX: &[u8] = b"version https://git-lfs.github.com/spec/v1";

/// Classifies blob content the way the directory walker does ([`crate::text::classify`]: NUL bytes in the
/// first 8 KiB that are not UTF-16 text make it binary), plus Git LFS pointers.
fn classify(data: &[u8]) -> std::result::Result<Encoding, Skip> {
    if data.len() < 1024 && data.starts_with(LFS_POINTER_PREFIX) {
        return Err(Skip::Lfs);
    }
    match crate::text::classify(data) {
        Content::Binary => Err(Skip::Binary),
        Content::Text(encoding) => Ok(encoding),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lfs_pointers_and_binaries_are_recognised() {
        let lfs = b"version https://git-lfs.github.com/spec/v1\noid sha256:4d7a\nsize 12345\n";
        assert_eq!(classify(lfs), Err(Skip::Lfs));
        assert_eq!(classify(b"PNG\0\x01\x02"), Err(Skip::Binary));
        assert_eq!(classify(b"TOKEN=abc\n"), Ok(Encoding::Utf8 { bom: false }));
        assert_eq!(
            classify(b"\xff\xfeT\0O\0K\0=\0a\0\n\0"),
            Ok(Encoding::Utf16Le { bom: true })
        );
    }
}
