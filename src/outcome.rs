//! What a scan produced, whatever ran it (the working-tree walk or a git scan): findings, counters and
//! per-file errors. The reports read these; the walker and git fill them. Kept below both so neither
//! imports the other for a type.

use crate::finding::{Finding, SuppressionKind};
use serde::Serialize;

/// Counts for the summary and the JSON `stats` object.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Stats {
    pub files_scanned: u64,
    pub bytes_scanned: u64,
    pub skipped_binary: u64,
    /// Files (or blobs) scanned after decoding from UTF-16; included in `files_scanned`.
    pub decoded_utf16: u64,
    pub skipped_too_large: u64,
    /// FIFOs, sockets, devices.
    pub skipped_special: u64,
    pub skipped_symlinks: u64,
    /// Paths matched by `--exclude` or the config's `exclude`.
    pub excluded: u64,
    pub unreadable: u64,
    pub findings: u64,
    /// Secret candidates left out for being below `--min-confidence`.
    pub below_min_confidence: u64,
    /// Findings accepted by an inline pragma, the config's allow-list or the baseline: counted always,
    /// listed with `--include-suppressed`, never part of `findings`.
    pub suppressed: SuppressedCounts,
    pub elapsed_ms: u64,
    /// Git scans only: commits, blobs, LFS pointers, submodules, notes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub git: Option<GitStats>,
}

/// A file or directory that could not be read.
#[derive(Clone, Debug, Serialize)]
pub struct FileError {
    pub path: String,
    pub message: String,
}

/// How many findings each kind of suppression accepted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SuppressedCounts {
    pub inline: u64,
    pub config: u64,
    pub baseline: u64,
}

impl SuppressedCounts {
    pub fn total(&self) -> u64 {
        self.inline + self.config + self.baseline
    }

    /// Counts `findings` by their suppression kind.
    pub fn of(findings: &[Finding]) -> SuppressedCounts {
        let mut n = SuppressedCounts::default();
        for f in findings {
            match f.suppressed.as_ref().map(|s| s.kind) {
                Some(SuppressionKind::Inline) => n.inline += 1,
                Some(SuppressionKind::Config) => n.config += 1,
                Some(SuppressionKind::Baseline) => n.baseline += 1,
                None => {}
            }
        }
        n
    }
}

/// Everything a scan produced.
#[derive(Debug, Default)]
pub struct Outcome {
    /// What is reported and judged by `--fail-on`.
    pub findings: Vec<Finding>,
    /// Findings the user accepted ([`Finding::suppressed`] set), in the same order; reported only with
    /// `--include-suppressed`, never counted for the exit code.
    pub suppressed: Vec<Finding>,
    pub stats: Stats,
    pub errors: Vec<FileError>,
}

impl Outcome {
    /// The collector's one suppression step: moves every finding marked suppressed (by an analyzer or the
    /// baseline) from `findings` to `suppressed`, and recounts both.
    pub fn set_aside_suppressed(&mut self) {
        if self.findings.iter().any(|f| f.suppressed.is_some()) {
            let (suppressed, findings): (Vec<Finding>, Vec<Finding>) = std::mem::take(&mut self.findings)
                .into_iter()
                .partition(|f| f.suppressed.is_some());
            self.findings = findings;
            self.suppressed.extend(suppressed);
            self.suppressed.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        }
        self.stats.findings = self.findings.len() as u64;
        self.stats.suppressed = SuppressedCounts::of(&self.suppressed);
    }
}

/// Git-specific counters, in the JSON `stats.git` object and the stderr summary.
#[derive(Clone, Debug, Default, Serialize)]
pub struct GitStats {
    /// `history`, `range`, `staged` or `pre-push`.
    pub mode: &'static str,
    pub commits_scanned: u64,
    /// Unique blobs read (history) or changed files diffed (other modes).
    pub blobs_scanned: u64,
    /// History: blobs scanned as a change to the previous version at their path (only around the lines
    /// they add); the others are new files, scanned whole.
    pub blobs_diffed: u64,
    /// History: bytes the secrets engine searched (whole new files, the regions around the added lines of
    /// changed ones), out of the blob bytes read (`bytes_scanned`).
    pub bytes_searched: u64,
    /// Git LFS pointer files (the content lives on the LFS server, not in git).
    pub skipped_lfs: u64,
    /// Submodule paths: their content lives in another repository and is not scanned.
    pub skipped_submodules: Vec<String>,
    /// Objects the repository does not have (shallow or partial clones).
    pub missing_objects: u64,
    /// A shallow clone: history beyond the shallow boundary is not here.
    pub shallow: bool,
    /// Added-lines modes: snapshots (commits, or the index) whose changed compose files, Dockerfiles or
    /// example env files went through the project phase; 0 when the change touched none.
    pub project_snapshots: u64,
    /// Unchanged files of those snapshots read for the project rules (each path and blob once).
    pub project_neighbours_read: u64,
    /// Things a user should know about this scan (shallow boundary, nothing to scan, ...).
    pub notes: Vec<String>,
    /// What was walked, in `git rev-list` syntax with full ids (see
    /// [`crate::provenance::ScannedCommits::revisions`]); reported in the `source` object, not here.
    #[serde(skip)]
    pub revisions: Vec<String>,
}

impl GitStats {
    /// The commits this scan looked at, for [`crate::provenance::Provenance::scanned`].
    pub fn scanned_commits(&self) -> crate::provenance::ScannedCommits {
        crate::provenance::ScannedCommits {
            mode: self.mode.to_string(),
            revisions: self.revisions.clone(),
            commits: self.commits_scanned,
        }
    }
}
