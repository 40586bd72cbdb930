//! The per-file job: everything plimsoll does to one file's bytes, whatever produced them (the directory
//! walker, a git blob, stdin): the bytes are decoded to UTF-8 text once ([`text::decode`]: a BOM dropped,
//! UTF-16 converted), then the secrets [`Scanner`] runs on every file, and the Dockerfile [`Linter`] on files
//! named like Dockerfiles (or named explicitly and looking like one). Candidates become [`Finding`]s with
//! 1-based positions (in characters of the original file) and content fingerprints.

use crate::dockerfile::{self, Linter, LinterConfig};
use crate::finding::{Category, Finding, Fingerprint, SecretText, Span};
use crate::position::LineIndex;
use crate::secrets::{Candidate, Scanner, Scratch};
use crate::text;
use std::path::Path;

/// Options that change what a finding looks like.
#[derive(Clone, Copy, Debug, Default)]
pub struct FindingOptions {
    /// Print secrets in full (`--show-secrets`).
    pub show_secrets: bool,
}

/// All analyzers, built once and shared by every worker thread.
pub struct Pipeline {
    pub secrets: Scanner,
    pub dockerfile: Linter,
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
    /// A pipeline with the Dockerfile linter's default rules.
    pub fn new(secrets: Scanner, options: FindingOptions) -> Self {
        Pipeline {
            secrets,
            dockerfile: Linter::new(&LinterConfig::default()),
            options,
        }
    }

    /// Replaces the Dockerfile linter (configured rules).
    pub fn with_linter(mut self, linter: Linter) -> Self {
        self.dockerfile = linter;
        self
    }

    /// Analyzes one file. `path` is the display path; `explicit` is true when the user named the file
    /// on the command line (analyzers that pick files by name take it regardless of name). Dockerfiles are
    /// linted with their directory as build context, except stdin, which has none.
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
        if dockerfile::is_dockerfile_name(path) || (explicit && dockerfile::looks_like_dockerfile(data)) {
            let secrets: Vec<_> = candidates.iter().map(|c| c.start..c.end).collect();
            let disk = (path != crate::walk::STDIN_PATH).then(|| Path::new(path));
            self.dockerfile.lint(path, data, disk, &secrets, out);
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
