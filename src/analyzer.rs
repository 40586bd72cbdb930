//! What a per-file analyzer is: the shape every analyzer of the pipeline (`crate::pipeline`)'s
//! list has (which files it takes, what it emits for them). It sits below the pipeline and the analyzers,
//! so each analyzer implements it without knowing the pipeline, and the pipeline runs them without
//! knowing any by name.

use crate::catalog::RuleInfo;
use crate::facts::Fact;
use crate::finding::Finding;
use std::ops::Range;
use std::path::Path;

/// One file as an analyzer sees it.
#[derive(Clone, Copy, Debug)]
pub struct FileInput<'a> {
    /// Display path (`/`-separated, relative to where plimsoll runs, or a git path).
    pub path: &'a str,
    pub data: &'a [u8],
    /// The user named this file on the command line: analyzers that pick files by name take it when its
    /// content looks like theirs, whatever its name.
    pub explicit: bool,
    /// Where the file lives on disk (its directory is its build context, its neighbours can be read);
    /// `None` for stdin.
    pub disk_path: Option<&'a Path>,
    /// Byte ranges of the secrets the secrets engine found in `data`: an analyzer that would report the
    /// same value lets the secret finding stand for both, and masks these ranges in its snippets.
    pub secrets: &'a [Range<usize>],
    /// For a file read out of git (a commit or the index), the other files of the same snapshot, so an
    /// analyzer reads a neighbour (a Dockerfile's `.dockerignore`) as of that commit, not from disk.
    pub snapshot: Option<&'a dyn Snapshot>,
}

/// The files of one snapshot of a repository (a commit's tree, or the index), by repository path
/// (`/`-separated, no leading `/`).
pub trait Snapshot: std::fmt::Debug {
    /// The content of the file at `path`, `None` when there is none (or it cannot be read).
    fn read(&self, path: &str) -> Option<Vec<u8>>;
}

/// Where an analyzer puts what it found in one file: findings, and facts for the project rules.
pub struct Emitted<'a> {
    pub findings: &'a mut Vec<Finding>,
    pub facts: &'a mut Vec<Fact>,
}

/// A per-file analyzer (the Dockerfile linter, ...): which files it takes and what it emits for them.
/// Built once from the configuration and shared by every worker thread.
pub trait Analyzer: Send + Sync {
    /// Short name, e.g. `dockerfile`.
    fn name(&self) -> &'static str;
    /// Whether this analyzer wants `file`. Called on every file, so it must be cheap (a name check, or a
    /// content sniff only when `file.explicit`).
    fn takes(&self, file: &FileInput<'_>) -> bool;
    /// Analyzes one file it took.
    fn analyze(&self, file: &FileInput<'_>, out: &mut Emitted<'_>);
    /// Catalog entries of the rules that run, with their effective severity.
    fn rule_infos(&self) -> Vec<RuleInfo>;
    /// Every rule of this analyzer, on or off in this configuration (`plimsoll rules`, `explain`).
    fn catalog(&self) -> Vec<RuleState>;
    /// How users call this analyzer's rules in a sentence, e.g. `Dockerfile`.
    fn title(&self) -> &'static str;
}

/// A rule as configured: its catalog entry (with the effective severity) and whether it runs.
#[derive(Clone, Debug)]
pub struct RuleState {
    pub info: RuleInfo,
    pub active: bool,
}

impl RuleState {
    /// Whether `id_or_name` names this rule (ids compare without case: `df001` is `DF001`).
    pub fn is_named(&self, id_or_name: &str) -> bool {
        self.info.id.eq_ignore_ascii_case(id_or_name) || self.info.name == id_or_name
    }
}
