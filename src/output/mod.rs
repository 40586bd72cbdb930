//! Output formats. Each is a small [`Emitter`] over one [`Report`]; none of them knows how findings were
//! produced. Files are written atomically (temp file + rename) so a failed run never leaves half a report.
//!
//! The last stage of the pipeline: findings arrive here already deduplicated, filtered by the baseline and
//! sorted. Every format renders the same findings, whatever analyzer (secrets, Dockerfile) produced them:
//! emitters look at [`Finding::category`] and the rule's [`RuleInfo`], never at analyzer types.

pub mod github;
pub mod gitlab;
pub mod json;
pub mod junit;
pub mod sarif;
pub mod text;

use crate::baseline::Applied;
use crate::catalog::RuleInfo;
use crate::finding::{Finding, SecretText, Severity};
use crate::fsutil::temp_file_beside;
use crate::outcome::{FileError, Stats};
use crate::provenance::Provenance;
use std::collections::HashMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// Everything an emitter may print.
pub struct Report<'a> {
    pub findings: &'a [Finding],
    /// Suppressed findings to show (`--include-suppressed`; empty otherwise), each with
    /// [`Finding::suppressed`] set. `stats.suppressed` counts them all either way.
    pub suppressed: &'a [Finding],
    pub stats: &'a Stats,
    pub errors: &'a [FileError],
    /// Every rule that was active in the run (SARIF lists them).
    pub rules: &'a [RuleInfo],
    /// What `--baseline` suppressed and which of its entries matched nothing; `None` without a baseline.
    pub baseline: Option<&'a Applied>,
    /// The repository and commits scanned; `None` outside a git repository.
    pub source: Option<&'a Provenance>,
}

/// One output format.
pub trait Emitter {
    fn emit(&self, report: &Report<'_>, out: &mut dyn Write) -> io::Result<()>;

    /// Things the user should know about the last [`Emitter::emit`] that the report itself cannot say
    /// loudly enough (e.g. SARIF results dropped to fit GitHub's limits). The CLI prints them on stderr.
    fn notes(&self) -> Vec<String> {
        Vec::new()
    }
}

/// `--format` (and the FORMAT of `--report FORMAT=FILE`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// `path:line:col  rule-id  secret  message`, for people.
    Text,
    /// One JSON document with findings and stats.
    Json,
    /// One JSON finding per line.
    Jsonl,
    /// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands: pull-request annotations without code scanning.
    Github,
    /// GitLab secret-detection report (secret findings only): `artifacts:reports:secret_detection`.
    GitlabSecrets,
    /// GitLab Code Quality report (all non-secret findings, e.g. Dockerfile): `artifacts:reports:codequality`.
    GitlabCodequality,
    /// JUnit XML: one test case per rule and file, for CI test dashboards.
    Junit,
}

/// Settings some formats need beyond the report itself. Built once by the CLI.
#[derive(Clone, Debug)]
pub struct EmitOptions {
    /// Colour text output.
    pub color: bool,
    /// SARIF `runs[0].automationDetails.id`; GitHub code scanning treats it as the analysis category.
    pub sarif_category: String,
    /// The directory relative paths are relative to (normally the working directory, i.e. the checkout);
    /// SARIF names it `%SRCROOT%` and absolute paths under it become repository-relative.
    pub srcroot: Option<PathBuf>,
    /// The commit the scanned tree is at (GitLab wants one per secret; `CI_COMMIT_SHA` in GitLab CI).
    /// Findings from git history carry their own commit.
    pub commit_sha: Option<String>,
    /// When the scan started (GitLab `scan.start_time`; the end is start + elapsed).
    pub started: SystemTime,
}

/// The default SARIF category: one plimsoll analysis per commit.
pub const DEFAULT_SARIF_CATEGORY: &str = "plimsoll/";

impl Default for EmitOptions {
    fn default() -> Self {
        EmitOptions {
            color: false,
            sarif_category: DEFAULT_SARIF_CATEGORY.to_string(),
            srcroot: None,
            commit_sha: None,
            started: SystemTime::now(),
        }
    }
}

impl Format {
    pub fn emitter(self, color: bool) -> Box<dyn Emitter> {
        self.build(&EmitOptions {
            color,
            ..EmitOptions::default()
        })
    }

    /// The emitter for this format, configured by `opts`.
    pub fn build(self, opts: &EmitOptions) -> Box<dyn Emitter> {
        match self {
            Format::Text => Box::new(text::Text { color: opts.color }),
            Format::Json => Box::new(json::Json),
            Format::Jsonl => Box::new(json::JsonLines),
            Format::Sarif => Box::new(sarif::Sarif::new(sarif::SarifOptions::github(opts))),
            Format::Github => Box::new(github::GithubActions),
            Format::GitlabSecrets => Box::new(gitlab::SecretDetection::new(opts)),
            Format::GitlabCodequality => Box::new(gitlab::CodeQuality),
            Format::Junit => Box::new(junit::Junit),
        }
    }
}

/// The rule a finding belongs to, if the run's catalog has it.
pub(crate) fn rule_of<'a>(report: &Report<'a>, f: &Finding) -> Option<&'a RuleInfo> {
    report.rules.iter().find(|r| *r.id == *f.rule_id)
}

/// SARIF-style `security-severity` (0.1–10.0) of a finding: its rule's, or one derived from its severity.
pub(crate) fn security_severity(report: &Report<'_>, f: &Finding) -> f32 {
    match rule_of(report, f) {
        Some(r) if r.severity == f.severity => r.security_severity.clamp(0.1, 10.0),
        _ => default_security_severity(f.severity),
    }
}

/// The score a severity stands for when a rule does not give one (or its severity was overridden).
pub(crate) fn default_security_severity(s: Severity) -> f32 {
    match s {
        Severity::Error => 8.5,
        Severity::Warning => 6.0,
        Severity::Note => 3.0,
    }
}

/// For each finding, how many earlier findings share its fingerprint (0 for the first). Fingerprint plus
/// occurrence identifies a finding uniquely in a run and, like the fingerprint, never depends on line
/// numbers: CI systems that deduplicate by fingerprint (GitLab Code Quality, GitHub alerts) keep both copies
/// of a secret pasted twice into one file.
pub(crate) fn occurrences<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> Vec<u32> {
    let mut seen: HashMap<&str, u32> = HashMap::new();
    findings
        .into_iter()
        .map(|f| {
            let n = seen.entry(f.fingerprint.0.as_str()).or_insert(0);
            *n += 1;
            *n - 1
        })
        .collect()
}

/// Redacts, in the snippets of a report, every secret another finding matched in the same file (a
/// Dockerfile `ENV` instruction can hold a token the secret scanner found), unless `--show-secrets`.
pub(crate) struct SnippetRedactor<'a> {
    secrets_by_path: HashMap<&'a str, Vec<&'a SecretText>>,
}

impl<'a> SnippetRedactor<'a> {
    /// From the secrets of every finding in `findings` (reported and suppressed alike: an accepted token is
    /// still redacted in the snippet of another rule's finding).
    pub(crate) fn new(findings: impl IntoIterator<Item = &'a Finding>) -> Self {
        let mut secrets_by_path: HashMap<&str, Vec<&SecretText>> = HashMap::new();
        for f in findings {
            if let Some(s) = &f.secret
                && !s.is_revealed()
                && !s.raw().is_empty()
            {
                secrets_by_path.entry(f.path.as_str()).or_default().push(s);
            }
        }
        SnippetRedactor { secrets_by_path }
    }

    /// `f`'s snippet as outputs may print it.
    pub(crate) fn snippet(&self, f: &Finding) -> Option<String> {
        let mut snippet = f.snippet.clone()?;
        for secret in self.secrets_by_path.get(f.path.as_str()).into_iter().flatten() {
            if snippet.contains(secret.raw()) {
                snippet = snippet.replace(secret.raw(), &secret.display());
            }
        }
        Some(snippet)
    }
}

/// Redacts, in every finding's snippet, the secrets other findings matched in the same file (unless
/// `--show-secrets`). The CLI calls this once after collecting, so no format can print a token that sits
/// inside, say, a Dockerfile `ENV` instruction; emitters that print snippets also redact on their own.
/// `suppressed` are the suppressed findings of the same run: redacted too, and their secrets are redacted
/// in every snippet.
pub fn redact_snippets(findings: &mut [Finding], suppressed: &mut [Finding]) {
    let redacted: Vec<Option<String>> = {
        let redactor = SnippetRedactor::new(findings.iter().chain(suppressed.iter()));
        findings
            .iter()
            .chain(suppressed.iter())
            .map(|f| redactor.snippet(f).filter(|s| Some(s) != f.snippet.as_ref()))
            .collect()
    };
    for (f, new) in findings.iter_mut().chain(suppressed.iter_mut()).zip(redacted) {
        if new.is_some() {
            f.snippet = new;
        }
    }
}

/// `text` as a sentence that stands alone: trimmed, ending with a full stop.
pub(crate) fn sentence(text: &str) -> String {
    let t = text.trim();
    if t.ends_with(['.', '!', '?']) {
        t.to_string()
    } else {
        format!("{t}.")
    }
}

/// `YYYY-MM-DDTHH:MM:SS` in UTC (the format GitLab's report schemas require).
pub(crate) fn utc_timestamp(t: SystemTime) -> String {
    let secs = t.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (days, rem) = (secs / 86_400, secs % 86_400);
    // Civil-from-days (Howard Hinnant's algorithm), valid for every date after 1970.
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Writes `report` to `path` atomically (temp file + rename; devices and pipes are written directly), or to stdout when `path` is `None`. A closed stdout (e.g. piped
/// into `head`) is not an error.
pub fn write_report(emitter: &dyn Emitter, report: &Report<'_>, path: Option<&Path>) -> io::Result<()> {
    match path {
        Some(path) if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) => {
            // A device or pipe (`/dev/null`, `/dev/stdout`, a FIFO): it cannot be replaced by rename.
            let mut w = io::BufWriter::new(std::fs::OpenOptions::new().write(true).open(path)?);
            emitter.emit(report, &mut w)?;
            w.flush()
        }
        Some(path) => {
            let mut tmp = temp_file_beside(path)?;
            {
                let mut w = io::BufWriter::new(tmp.as_file_mut());
                emitter.emit(report, &mut w)?;
                w.flush()?;
            }
            tmp.persist(path).map_err(|e| e.error)?;
            Ok(())
        }
        None => {
            let stdout = io::stdout();
            let mut w = io::BufWriter::new(stdout.lock());
            match emitter.emit(report, &mut w).and_then(|_| w.flush()) {
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
                other => other,
            }
        }
    }
}
