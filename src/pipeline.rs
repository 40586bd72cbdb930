//! The per-file job: everything plimsoll does to one file's bytes, whatever produced them (the directory
//! walker, a git blob, stdin). The bytes are decoded to UTF-8 text once ([`text::decode`]: a BOM dropped,
//! UTF-16 converted); the secrets [`Scanner`] runs on every file; then every [`Analyzer`] of the
//! pipeline's list that takes the file (by name, or because the user named it and it looks like one of
//! its files) runs on it, seeing the secrets' byte ranges so that one secret is one finding. Candidates
//! become [`Finding`]s with 1-based positions (in characters of the original file) and content
//! fingerprints.
//!
//! A file with more findings than [`FindingOptions::max_findings_per_file`] keeps its most severe ones and
//! reports the rest as one [`CAPPED_RULE_ID`] note, so a generated file cannot flood a report (or the
//! memory holding it).
//!
//! The pipeline does not know its analyzers by name: [`crate::analyzers`] builds the list from the
//! configuration, and adding an analyzer never edits this hot path.

use crate::analyzer::{Analyzer, Emitted, FileInput, Snapshot};
use crate::catalog::RuleInfo;
use crate::facts::Fact;
use crate::finding::{Category, Finding, Fingerprint, SecretText, Severity, Span, Suppression};
use crate::position::LineIndex;
use crate::project::ProjectRules;
use crate::secrets::scanner::Suppressed;
use crate::secrets::{Candidate, Scanner, Scratch, UnchangedLines};
use crate::text;
use std::ops::Range;
use std::path::Path;

/// Options that change what a finding looks like.
#[derive(Clone, Copy, Debug)]
pub struct FindingOptions {
    /// Print secrets in full (`--show-secrets`).
    pub show_secrets: bool,
    /// Findings reported per file (or git blob) at most; the rest become one note. `None`: no limit.
    pub max_findings_per_file: Option<usize>,
}

/// Default of [`FindingOptions::max_findings_per_file`] (`--max-findings-per-file`).
pub const DEFAULT_MAX_FINDINGS_PER_FILE: usize = 100;

impl Default for FindingOptions {
    fn default() -> Self {
        FindingOptions {
            show_secrets: false,
            max_findings_per_file: Some(DEFAULT_MAX_FINDINGS_PER_FILE),
        }
    }
}

/// Rule id of the note that stands for the findings of a file over the per-file limit.
pub const CAPPED_RULE_ID: &str = "plimsoll.findings-capped";
const CAPPED_RULE_NAME: &str = "More findings in this file than the per-file limit";

/// The catalog entry of [`CAPPED_RULE_ID`], so `plimsoll explain` and SARIF describe the note.
pub fn capped_rule_info() -> RuleInfo {
    RuleInfo {
        id: CAPPED_RULE_ID.into(),
        name: CAPPED_RULE_NAME.into(),
        category: Category::Secret,
        severity: Severity::Note,
        precision: "very-high".into(),
        summary: "A file had more findings than `--max-findings-per-file`; the rest are counted in this note.".into(),
        docs: "A file (or git blob) produced more findings than the per-file limit \
               (`--max-findings-per-file`, or `max-findings-per-file` in `.plimsoll.toml`; default 100). \
               The most severe findings are reported; the others are counted, by rule, in this note \
               instead of flooding the report. Such files are usually generated (minified bundles, \
               fixtures, dumps).\n\n\
               **Fix:** exclude the file if it is generated (`exclude` in `.plimsoll.toml`), or raise the \
               limit (`--max-findings-per-file 0` reports everything) to see every finding."
            .into(),
        references: Vec::new(),
        tags: vec!["meta".into()],
        twins: Vec::new(),
        cwe: Vec::new(),
        security_severity: 0.1,
        enabled_by_default: true,
    }
}

/// The secrets scanner and the analyzers, built once and shared by every worker thread.
pub struct Pipeline {
    pub secrets: Scanner,
    analyzers: Vec<Box<dyn Analyzer>>,
    project: ProjectRules,
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
            project: ProjectRules::default(),
            options,
        }
    }

    /// Replaces the analyzers (configured rules; see [`crate::analyzers::from_config`]).
    pub fn with_analyzers(mut self, analyzers: Vec<Box<dyn Analyzer>>) -> Self {
        self.analyzers = analyzers;
        self
    }

    /// Replaces the project rules (configured rules).
    pub fn with_project_rules(mut self, project: ProjectRules) -> Self {
        self.project = project;
        self
    }

    /// The project phase: runs once after the walk over every file's facts (see [`crate::project`]).
    pub fn finish_project(&self, facts: Vec<Fact>, findings: &mut Vec<Finding>) {
        self.project.run(facts, findings);
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
        facts: &mut Vec<Fact>,
    ) {
        let disk_path = (path != crate::fsutil::STDIN_PATH).then(|| Path::new(path));
        self.analyze_from(path, data, explicit, disk_path, None, scratch, out, facts);
    }

    /// Analyzes one file read out of git (`path` is its repository path): every analyzer runs, and reads
    /// the file's neighbours from `snapshot` (the same commit, or the index), never from disk. Facts name
    /// files by repository path, for the project phase of that snapshot (see `crate::git`).
    pub fn analyze_in_snapshot(
        &self,
        path: &str,
        data: &[u8],
        snapshot: &dyn Snapshot,
        scratch: &mut PipelineScratch,
        out: &mut Vec<Finding>,
        facts: &mut Vec<Fact>,
    ) {
        self.analyze_from(path, data, false, None, Some(snapshot), scratch, out, facts);
    }

    /// Whether any project rule runs in this configuration (else the project phase can be skipped).
    pub fn has_project_rules(&self) -> bool {
        self.project.any()
    }

    #[allow(clippy::too_many_arguments)]
    fn analyze_from(
        &self,
        path: &str,
        data: &[u8],
        explicit: bool,
        disk_path: Option<&Path>,
        snapshot: Option<&dyn Snapshot>,
        scratch: &mut PipelineScratch,
        out: &mut Vec<Finding>,
        facts: &mut Vec<Fact>,
    ) {
        let from = out.len();
        let mut decoded = std::mem::take(&mut scratch.decoded);
        let data = text::decode(data, &mut decoded);
        let candidates = self.secrets.scan(path, data, &mut scratch.secrets);
        let mut secrets: Option<Vec<Range<usize>>> = None;
        for analyzer in &self.analyzers {
            let probe = FileInput {
                path,
                data,
                explicit,
                disk_path,
                secrets: &[],
                snapshot,
            };
            if !analyzer.takes(&probe) {
                continue;
            }
            let secrets = secrets.get_or_insert_with(|| candidates.iter().map(|c| c.start..c.end).collect());
            let file = FileInput { secrets, ..probe };
            analyzer.analyze(&file, &mut Emitted { findings: out, facts });
        }
        let (candidates, dropped) = self.cap_candidates(candidates);
        self.secret_findings(path, data, candidates, out);
        self.cap(path, data, out, from, dropped);
        scratch.decoded = decoded;
    }

    /// Secrets only (git history uses this for blobs).
    pub fn analyze_secrets(&self, path: &str, data: &[u8], scratch: &mut PipelineScratch, out: &mut Vec<Finding>) {
        let from = out.len();
        let mut decoded = std::mem::take(&mut scratch.decoded);
        let data = text::decode(data, &mut decoded);
        let candidates = self.secrets.scan(path, data, &mut scratch.secrets);
        let (candidates, dropped) = self.cap_candidates(candidates);
        self.secret_findings(path, data, candidates, out);
        self.cap(path, data, out, from, dropped);
        scratch.decoded = decoded;
    }

    /// Secrets only, in the lines of `text` that `added` names (sorted, disjoint byte ranges of whole lines):
    /// what a new version of a file adds to the previous one (git history). `text` is already decoded
    /// ([`text::decode`]). Only [`Scanner::regions`](crate::secrets::Scanner::regions) around the added lines
    /// is scanned; candidates whose secret touches no added line are left out, as the previous version had
    /// them. Positions are those of `text`. `unchanged` and the second value returned: what is known of the
    /// lines the previous version had, and the keyword groups found in the added lines (see
    /// [`Scanner::regions`](crate::secrets::Scanner::regions)). Returns the bytes scanned first.
    pub fn analyze_secrets_added(
        &self,
        path: &str,
        text: &[u8],
        added: &[Range<usize>],
        unchanged: &dyn UnchangedLines,
        scratch: &mut PipelineScratch,
        out: &mut Vec<Finding>,
    ) -> (usize, Vec<(usize, usize)>) {
        let from = out.len();
        let (candidates, groups, scanned) = self
            .secrets
            .scan_added(path, text, added, unchanged, &mut scratch.secrets);
        let (candidates, dropped) = self.cap_candidates(candidates);
        self.secret_findings(path, text, candidates, out);
        self.cap(path, text, out, from, dropped);
        (scanned, groups)
    }

    /// The candidates of one file worth turning into findings: all of them under the limit, else the
    /// limit's worth, most severe first (the same order [`Pipeline::cap`] keeps), so a file with hundreds
    /// of thousands of matches never builds hundreds of thousands of findings. Returns the rest too.
    fn cap_candidates(&self, mut candidates: Vec<Candidate>) -> (Vec<Candidate>, Vec<Candidate>) {
        let Some(max) = self.options.max_findings_per_file else {
            return (candidates, Vec::new());
        };
        if candidates.len() <= max {
            return (candidates, Vec::new());
        }
        let rules = self.secrets.rules();
        // Stable: candidates arrive ordered by position. Reported ones before accepted ones, so a file full of
        // accepted fixtures never pushes a real finding past the cap.
        candidates.sort_by_key(|c| std::cmp::Reverse((c.suppressed.is_none(), rules[c.rule].severity, c.confidence)));
        let dropped = candidates.split_off(max);
        candidates.sort_by_key(|c| (c.start, c.end, c.rule));
        (candidates, dropped)
    }

    /// Keeps at most `max_findings_per_file` of `out[from..]` (one file's findings): the most severe,
    /// then the first by position. The others, and `dropped` (candidates never turned into findings), are
    /// counted, by rule, in one note at the first of them.
    fn cap(&self, path: &str, data: &[u8], out: &mut Vec<Finding>, from: usize, dropped: Vec<Candidate>) {
        let Some(max) = self.options.max_findings_per_file else {
            return;
        };
        if out.len() - from <= max && dropped.is_empty() {
            return;
        }
        out[from..].sort_by(|a, b| {
            (b.suppressed.is_none(), b.severity, b.confidence)
                .cmp(&(a.suppressed.is_none(), a.severity, a.confidence))
                .then(a.span.cmp(&b.span))
                .then_with(|| a.rule_id.cmp(&b.rule_id))
        });
        let dropped_findings = out.split_off((from + max).min(out.len()));
        let rules = self.secrets.rules();
        let mut rule_ids: Vec<&str> = dropped_findings
            .iter()
            .map(|f| &*f.rule_id)
            .chain(dropped.iter().map(|c| rules[c.rule].id()))
            .collect();
        let total = rule_ids.len();
        rule_ids.sort_unstable();
        let mut by_rule: Vec<(&str, usize)> = Vec::new();
        for id in rule_ids {
            match by_rule.last_mut() {
                Some((last, n)) if *last == id => *n += 1,
                _ => by_rule.push((id, 1)),
            }
        }
        by_rule.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let mut counts: Vec<String> = by_rule.iter().take(5).map(|(id, n)| format!("{n} {id}")).collect();
        if by_rule.len() > 5 {
            let rest: usize = by_rule[5..].iter().map(|(_, n)| n).sum();
            counts.push(format!("{rest} of {} other rules", by_rule.len() - 5));
        }
        let first_candidate = dropped.iter().map(|c| c.start).min().map(|start| {
            let lines = LineIndex::new(data);
            let (line, column) = lines.position(data, start);
            Span {
                line,
                column,
                end_line: line,
                end_column: column,
            }
        });
        let span = dropped_findings
            .iter()
            .map(|f| f.span)
            .chain(first_candidate)
            .min()
            .unwrap_or_default();
        let category = if !dropped.is_empty() || dropped_findings.iter().any(|f| f.category == Category::Secret) {
            Category::Secret
        } else {
            dropped_findings[0].category
        };
        out.push(Finding {
            rule_id: CAPPED_RULE_ID.into(),
            rule_name: CAPPED_RULE_NAME.into(),
            severity: Severity::Note,
            category,
            path: path.to_string(),
            span,
            message: format!(
                "{total} more findings in this file are not reported ({}): at most {max} per file are, the \
                 most severe first (--max-findings-per-file); exclude the file if it is generated",
                counts.join(", ")
            ),
            secret: None,
            confidence: None,
            snippet: None,
            fingerprint: Fingerprint::new(CAPPED_RULE_ID, b"", path),
            commit: None,
            other_locations: Vec::new(),
            baked_into: Vec::new(),
            suppressed: None,
        });
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
        let suppressed = c.suppressed.as_ref().map(|why| match why {
            Suppressed::Inline {
                line_start,
                justification,
            } => Suppression::inline(path, lines.position(data, *line_start).0, justification.clone()),
            Suppressed::Config(entry) => (**entry).clone(),
        });
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
            baked_into: Vec::new(),
            suppressed,
        }
    }
}
