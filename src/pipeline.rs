//! The per-file job: everything plimsoll does to one file's bytes, whatever produced them (the directory
//! walker, a git blob, stdin). The bytes are decoded to UTF-8 text once ([`text::decode`]: a BOM dropped,
//! UTF-16 converted); the secrets [`Scanner`] runs on every file; then every [`Analyzer`] of the
//! pipeline's list that takes the file (by name, or because the user named it and it looks like one of
//! its files) runs on it, seeing the secrets' byte ranges so that one secret is one finding. Candidates
//! become [`Finding`]s with 1-based positions (in characters of the original file) and content
//! fingerprints.
//!
//! The pipeline does not know its analyzers by name: [`crate::analyzers`] builds the list from the
//! configuration, and adding an analyzer never edits this hot path.

use crate::analyzer::{Analyzer, Emitted, FileInput};
use crate::catalog::RuleInfo;
use crate::finding::{Category, Finding, Fingerprint, SecretText, Span};
use crate::position::LineIndex;
use crate::secrets::{Candidate, Scanner, Scratch};
use crate::text;
use std::ops::Range;
use std::path::Path;

/// Options that change what a finding looks like.
#[derive(Clone, Copy, Debug, Default)]
pub struct FindingOptions {
    /// Print secrets in full (`--show-secrets`).
    pub show_secrets: bool,
}

/// The secrets scanner and the analyzers, built once and shared by every worker thread.
pub struct Pipeline {
    pub secrets: Scanner,
    analyzers: Vec<Box<dyn Analyzer>>,
    pub options: FindingOptions,
}

/// Per-thread scratch for every analyzer.
#[derive(Default)]
pub struct PipelineScratch {
    pub secrets: Scratch,
    /// The UTF-8 text of a UTF-16 file.
    decoded: Vec<u8>,
}

impl Pipeline {
    /// A pipeline with every analyzer in its default configuration.
    pub fn new(secrets: Scanner, options: FindingOptions) -> Self {
        Pipeline {
            secrets,
            analyzers: crate::analyzers::default_analyzers(),
            options,
        }
    }

    /// Replaces the analyzers (configured rules; see [`crate::analyzers::from_config`]).
    pub fn with_analyzers(mut self, analyzers: Vec<Box<dyn Analyzer>>) -> Self {
        self.analyzers = analyzers;
        self
    }

    /// The analyzers, in the order they run.
    pub fn analyzers(&self) -> &[Box<dyn Analyzer>] {
        &self.analyzers
    }

    /// Catalog entries of every analyzer's active rules (the secret rules are described by the caller,
    /// which loaded them).
    pub fn analyzer_rule_infos(&self) -> Vec<RuleInfo> {
        self.analyzers.iter().flat_map(|a| a.rule_infos()).collect()
    }

    /// Analyzes one file. `path` is the display path; `explicit` is true when the user named the file
    /// on the command line. Files on disk are analyzed with their directory as build context, except
    /// stdin, which has none.
    pub fn analyze(
        &self,
        path: &str,
        data: &[u8],
        explicit: bool,
        scratch: &mut PipelineScratch,
        out: &mut Vec<Finding>,
    ) {
        let mut decoded = std::mem::take(&mut scratch.decoded);
        let data = text::decode(data, &mut decoded);
        let candidates = self.secrets.scan(path, data, &mut scratch.secrets);
        let disk_path = (path != crate::fsutil::STDIN_PATH).then(|| Path::new(path));
        let mut secrets: Option<Vec<Range<usize>>> = None;
        for analyzer in &self.analyzers {
            let probe = FileInput {
                path,
                data,
                explicit,
                disk_path,
                secrets: &[],
            };
            if !analyzer.takes(&probe) {
                continue;
            }
            let secrets = secrets.get_or_insert_with(|| candidates.iter().map(|c| c.start..c.end).collect());
            let file = FileInput { secrets, ..probe };
            analyzer.analyze(&file, &mut Emitted { findings: out });
        }
        self.secret_findings(path, data, candidates, out);
        scratch.decoded = decoded;
    }

    /// Secrets only (git history uses this for blobs).
    pub fn analyze_secrets(&self, path: &str, data: &[u8], scratch: &mut PipelineScratch, out: &mut Vec<Finding>) {
        let mut decoded = std::mem::take(&mut scratch.decoded);
        let data = text::decode(data, &mut decoded);
        let candidates = self.secrets.scan(path, data, &mut scratch.secrets);
        self.secret_findings(path, data, candidates, out);
        scratch.decoded = decoded;
    }

    fn secret_findings(&self, path: &str, data: &[u8], candidates: Vec<Candidate>, out: &mut Vec<Finding>) {
        if candidates.is_empty() {
            return;
        }
        let lines = LineIndex::new(data);
        for c in candidates {
            out.push(self.secret_finding(path, data, &c, &lines));
        }
    }

    fn secret_finding(&self, path: &str, data: &[u8], c: &Candidate, lines: &LineIndex) -> Finding {
        let rule = &self.secrets.rules()[c.rule];
        let (line, column) = lines.position(data, c.start);
        let (end_line, end_column) = lines.position(data, c.end);
        let name = &rule.syntax.name;
        let message = if c.encoded {
            format!("{name} hidden in base64-encoded text; revoke it and load it from a secret store at runtime")
        } else {
            format!("{name} committed in source; revoke it and load it from a secret store at runtime")
        };
        let secret = String::from_utf8_lossy(&c.secret).into_owned();
        Finding {
            rule_id: rule.syntax.id.as_str().into(),
            rule_name: name.as_str().into(),
            severity: rule.severity,
            category: Category::Secret,
            path: path.to_string(),
            span: Span {
                line,
                column,
                end_line,
                end_column,
            },
            message,
            fingerprint: Fingerprint::new(&rule.syntax.id, &c.secret, path),
            secret: Some(SecretText::new(secret).revealed(self.options.show_secrets)),
            confidence: Some(c.confidence),
            snippet: None,
            commit: None,
            other_locations: Vec::new(),
        }
    }
}
