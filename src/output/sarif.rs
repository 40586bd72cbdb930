//! `--format sarif`: SARIF 2.1.0, built with `serde-sarif`, shaped for GitHub code scanning
//! (`github/codeql-action/upload-sarif`) and valid against the OASIS schema.
//!
//! - `tool.driver.rules` lists every rule active in the run, rendered from [`RuleInfo`]: descriptions, help
//!   (Markdown), default level, and `properties` with `tags` (`security`, the analyzer, CWE ids),
//!   `precision` and `security-severity`, which GitHub uses to rank security alerts.
//! - Each result has `ruleId` and `ruleIndex`, a repository-relative `artifactLocation` under
//!   `%SRCROOT%`, a region in Unicode code points (end column exclusive), and
//!   `partialFingerprints["plimsoll/v1"]`: the finding's content fingerprint plus its occurrence number, so
//!   alerts keep their identity when lines move.
//! - Secrets appear only as [`crate::finding::SecretText`] renders them (redacted unless `--show-secrets`);
//!   secret results carry no `snippet`, and other snippets are redacted by [`SnippetRedactor`].
//! - GitHub rejects runs over 25,000 results or files over 10 MB gzipped. Beyond that the most severe
//!   results are kept, the run records what was left out, and [`Emitter::notes`] tells the user; the exit
//!   code still counts every finding.

use super::{EmitOptions, Emitter, Report, SnippetRedactor, occurrences, security_severity, sentence};
use crate::catalog::RuleInfo;
use crate::finding::{Category, Finding, Severity, Span, Suppression, SuppressionKind};
use crate::provenance::{Provenance, lexically_normal};
use serde_json::{Value, json};
use serde_sarif::sarif as s;
use std::cmp::Reverse;
use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// GitHub code scanning rejects a run with more results than this.
pub const GITHUB_MAX_RESULTS: usize = 25_000;
/// GitHub code scanning rejects a SARIF file larger than this once gzipped (10 MB, counted in the smaller
/// decimal unit).
pub const GITHUB_MAX_GZIP_BYTES: u64 = 10_000_000;
/// GitHub displays at most this many locations per result (and rejects a result with more than 1,000).
const MAX_RELATED_LOCATIONS: usize = 100;
/// GitHub rejects rules with more tags than this.
const MAX_TAGS: usize = 20;
/// The `partialFingerprints` key; bump the version if the fingerprint's meaning changes.
pub const FINGERPRINT_KEY: &str = "plimsoll/v1";
const SRCROOT: &str = "%SRCROOT%";
const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// What a SARIF run looks like and the limits it must respect.
#[derive(Clone, Debug)]
pub struct SarifOptions {
    /// `automationDetails.id`; always ends with `/` so GitHub reads all of it as the category.
    pub category: String,
    /// Absolute directory that `%SRCROOT%` stands for.
    pub srcroot: Option<PathBuf>,
    /// The directory relative finding paths are relative to, when that is not `srcroot` (a scan started in
    /// a subdirectory of a git working tree, whose top is `%SRCROOT%`).
    pub relative_to: Option<PathBuf>,
    pub max_results: usize,
    pub max_gzip_bytes: u64,
}

impl SarifOptions {
    /// GitHub code scanning's limits, with the category and source root from `opts`.
    pub fn github(opts: &EmitOptions) -> Self {
        let mut category = opts.sarif_category.trim().to_string();
        if !category.ends_with('/') {
            category.push('/');
        }
        SarifOptions {
            category,
            srcroot: opts.srcroot.clone(),
            relative_to: None,
            max_results: GITHUB_MAX_RESULTS,
            max_gzip_bytes: GITHUB_MAX_GZIP_BYTES,
        }
    }
}

pub struct Sarif {
    options: SarifOptions,
    notes: Mutex<Vec<String>>,
}

impl Sarif {
    pub fn new(options: SarifOptions) -> Self {
        Sarif {
            options,
            notes: Mutex::new(Vec::new()),
        }
    }
}

impl SarifOptions {
    /// Inside a git working tree, `%SRCROOT%` is its top, so result URIs are repository-relative (what GitHub
    /// code scanning expects) and `versionControlProvenance.mappedTo` is `%SRCROOT%` itself, wherever in the
    /// tree the scan started.
    fn rooted_at(&self, source: Option<&Provenance>) -> SarifOptions {
        let mut rooted = self.clone();
        if let (Some(source), Some(dir)) = (source, &self.srcroot)
            && dir != &source.root
            && dir.starts_with(&source.root)
        {
            rooted.relative_to = Some(dir.clone());
            rooted.srcroot = Some(source.root.clone());
        }
        rooted
    }
}

impl Emitter for Sarif {
    fn emit(&self, report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
        let rooted = Sarif::new(self.options.rooted_at(report.source));
        rooted.emit_rooted(report, out)?;
        *self.notes.lock().unwrap() = rooted.notes();
        Ok(())
    }

    fn notes(&self) -> Vec<String> {
        self.notes.lock().unwrap().clone()
    }
}

impl Sarif {
    fn emit_rooted(&self, report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
        let mut rules: Vec<s::ReportingDescriptor> = report.rules.iter().map(descriptor).collect();
        let mut rule_index: HashMap<&str, usize> = report
            .rules
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.as_str(), i))
            .collect();
        // Reported findings first, then the suppressed ones (`--include-suppressed`): occurrence numbers of
        // reported findings are the same with or without the flag.
        let all: Vec<&Finding> = report.findings.iter().chain(report.suppressed).collect();
        for f in &all {
            if !rule_index.contains_key(&*f.rule_id) {
                rule_index.insert(&f.rule_id, rules.len());
                rules.push(descriptor_for_unknown(f));
            }
        }
        let redactor = SnippetRedactor::new(all.iter().copied());
        let results: Vec<s::Result> = all
            .iter()
            .zip(occurrences(all.iter().copied()))
            .map(|(f, n)| self.result(f, n, rule_index[&*f.rule_id], &redactor))
            .collect();

        // Most severe first, suppressed results last: the order results are kept in when a run must shrink.
        let mut by_rank: Vec<usize> = (0..results.len()).collect();
        by_rank.sort_by_cached_key(|&i| {
            let f = all[i];
            (
                f.suppressed.is_some(),
                Reverse(f.severity),
                Reverse((security_severity(report, f) * 10.0) as u32),
                i,
            )
        });
        let mut keep = results.len().min(self.options.max_results);
        let mut notes = Vec::new();
        let bytes = loop {
            let dropped = results.len() - keep;
            let mut kept = by_rank[..keep].to_vec();
            kept.sort_unstable();
            let doc = self.document(
                report,
                rules.clone(),
                kept.iter().map(|&i| results[i].clone()).collect(),
                dropped,
            );
            let bytes = serde_json::to_vec_pretty(&doc)?;
            // Deflate never grows data by more than 5 bytes per 64 KiB block plus the gzip framing, so
            // small files need no compressing to know they fit.
            let worst_case = bytes.len() as u64 + bytes.len() as u64 / 65_535 * 5 + 64;
            let size = if worst_case <= self.options.max_gzip_bytes {
                worst_case
            } else {
                gzipped_len(&bytes)?
            };
            if size <= self.options.max_gzip_bytes || keep == 0 {
                if dropped > 0 {
                    notes.push(format!(
                        "SARIF: kept the {keep} most severe of {} results to fit GitHub code scanning's limits \
                         ({} results per run, {} MB gzipped); {dropped} left out (every finding still counts \
                         for the exit code)",
                        results.len(),
                        self.options.max_results,
                        self.options.max_gzip_bytes / 1_000_000,
                    ));
                }
                break bytes;
            }
            // Shrink in proportion to the overshoot, with a margin, so this converges in a few rounds.
            let ratio = self.options.max_gzip_bytes as f64 / size as f64;
            keep = ((keep as f64 * ratio * 0.95) as usize).min(keep - 1);
        };
        *self.notes.lock().unwrap() = notes;
        out.write_all(&bytes)?;
        writeln!(out)
    }

    fn document(
        &self,
        report: &Report<'_>,
        rules: Vec<s::ReportingDescriptor>,
        results: Vec<s::Result>,
        dropped: usize,
    ) -> s::Sarif {
        let mut driver = s::ToolComponent::builder().name("plimsoll").build();
        driver.semantic_version = Some(env!("CARGO_PKG_VERSION").into());
        driver.version = Some(env!("CARGO_PKG_VERSION").into());
        driver.information_uri = Some(env!("CARGO_PKG_REPOSITORY").to_string()).filter(|u| !u.is_empty());
        driver.rules = Some(rules);
        let mut original_uri_base_ids = BTreeMap::new();
        original_uri_base_ids.insert(
            SRCROOT.to_string(),
            s::ArtifactLocation {
                uri: self.options.srcroot.as_deref().map(directory_uri),
                description: Some(text_message(if report.source.is_some() {
                    "The top of the git working tree that was scanned; result paths are relative to it."
                } else {
                    "The directory the scan ran in (the repository checkout); result paths are relative to it."
                })),
                ..Default::default()
            },
        );
        let mut run = s::Run::builder()
            .tool(s::Tool::builder().driver(driver).build())
            .build();
        run.automation_details = Some(s::RunAutomationDetails {
            id: Some(self.options.category.clone()),
            ..Default::default()
        });
        run.original_uri_base_ids = Some(original_uri_base_ids);
        run.column_kind = Some(json!("unicodeCodePoints"));
        run.version_control_provenance = report.source.map(|p| vec![version_control(p)]);
        run.results = Some(results);
        run.invocations = Some(vec![self.invocation(report, dropped)]);
        let mut sarif = s::Sarif::builder().version(json!("2.1.0")).runs(vec![run]).build();
        sarif.schema = Some(SCHEMA_URI.into());
        sarif
    }

    fn invocation(&self, report: &Report<'_>, dropped: usize) -> s::Invocation {
        let mut notifications = Vec::new();
        for e in report.errors {
            let what = if e.path.is_empty() { "<walk>" } else { &e.path };
            notifications.push(notification(
                "error",
                format!("Could not read {what}: {}.", e.message),
                (!e.path.is_empty()).then(|| self.location(&e.path, None, None)),
            ));
        }
        if let Some(applied) = report.baseline {
            for entry in &applied.stale {
                notifications.push(notification(
                    "note",
                    format!(
                        "Baseline entry no longer matches anything: {} in {} (line {} when recorded); remove it \
                         from the baseline.",
                        entry.rule_id, entry.path, entry.line
                    ),
                    Some(self.location(&entry.path, None, None)),
                ));
            }
        }
        if dropped > 0 {
            notifications.push(notification(
                "warning",
                format!(
                    "{dropped} results were left out to fit GitHub code scanning's limits; the most severe were \
                     kept. Run plimsoll locally to see all of them."
                ),
                None,
            ));
        }
        let mut properties = BTreeMap::new();
        if let Some(applied) = report.baseline {
            properties.insert("baselineSuppressed".into(), json!(applied.suppressed));
            properties.insert("baselineStale".into(), json!(applied.stale.len()));
        }
        if dropped > 0 {
            properties.insert("resultsLeftOut".into(), json!(dropped));
        }
        let mut invocation = s::Invocation::builder()
            .execution_successful(report.errors.is_empty())
            .build();
        invocation.tool_execution_notifications = Some(notifications).filter(|n| !n.is_empty());
        invocation.properties = property_bag(properties);
        invocation
    }

    fn result(&self, f: &Finding, occurrence: u32, rule_index: usize, redactor: &SnippetRedactor<'_>) -> s::Result {
        let mut text = sentence(&f.message);
        if let Some(secret) = &f.secret {
            let label = if secret.is_revealed() {
                "Matched"
            } else {
                "Matched (redacted)"
            };
            text.push_str(&format!(" {label}: `{}`.", secret.display()));
        }
        if let Some(c) = &f.commit {
            text.push_str(&format!(" Introduced in commit {}.", &c.id[..c.id.len().min(12)]));
        }
        // A secret finding's region never carries text: the snippet would be the secret itself.
        let snippet = if f.secret.is_none() { redactor.snippet(f) } else { None };
        let related: Vec<s::Location> = f
            .other_locations
            .iter()
            .take(MAX_RELATED_LOCATIONS)
            .enumerate()
            .map(|(i, l)| {
                let mut loc = self.location(&l.path, Some(&l.span), None);
                loc.id = Some(i as i64 + 1);
                loc.message = Some(text_message(&match &l.commit {
                    Some(c) => format!("Also here (commit {}).", &c.id[..c.id.len().min(12)]),
                    None => "Also here.".to_string(),
                }));
                loc
            })
            .collect();
        let mut partial = BTreeMap::new();
        partial.insert(FINGERPRINT_KEY.to_string(), format!("{}:{occurrence}", f.fingerprint));
        let mut properties = BTreeMap::new();
        if let Some(c) = &f.commit {
            properties.insert("commit".to_string(), json!(c.id));
        }
        if let Some(c) = f.confidence {
            properties.insert("confidence".to_string(), json!(c.as_str()));
        }
        if !f.baked_into.is_empty() {
            properties.insert("bakedInto".to_string(), json!(f.baked_into));
        }
        let mut result = s::Result::builder().message(text_message(&text)).build();
        result.rank = f.confidence.map(|c| c.sarif_rank());
        result.rule_id = Some(f.rule_id.to_string());
        result.rule_index = Some(rule_index as i64);
        result.level = Some(level(f.severity));
        result.locations = Some(vec![self.location(&f.path, Some(&f.span), snippet)]);
        result.related_locations = Some(related).filter(|r| !r.is_empty());
        result.partial_fingerprints = Some(partial);
        result.properties = property_bag(properties);
        result.suppressions = f.suppressed.as_ref().map(|why| vec![self.suppression(why)]);
        result
    }

    /// A SARIF suppression: `inSource` for pragmas in the scanned file, `external` for the config's
    /// allow-list and the baseline; `accepted`; the pragma's reason as `justification`; where it is written
    /// as `location` (pragma or config line); kind and source in `properties` as the JSON report has them.
    fn suppression(&self, why: &Suppression) -> s::Suppression {
        let kind = match why.kind {
            SuppressionKind::Inline => "inSource",
            SuppressionKind::Config | SuppressionKind::Baseline => "external",
        };
        let mut properties = BTreeMap::new();
        properties.insert("kind".to_string(), json!(why.kind.as_str()));
        properties.insert("source".to_string(), json!(why.source));
        let mut suppression = s::Suppression::builder().kind(json!(kind)).build();
        suppression.status = Some(json!("accepted"));
        suppression.justification = why.justification.clone();
        suppression.location = why.at.as_ref().map(|(path, line)| {
            let span = Span {
                line: *line,
                column: 0,
                end_line: *line,
                end_column: 0,
            };
            self.location(path, Some(&span), None)
        });
        suppression.properties = property_bag(properties);
        suppression
    }

    fn location(&self, path: &str, span: Option<&Span>, snippet: Option<String>) -> s::Location {
        let absolute;
        let path = match &self.options.relative_to {
            Some(dir) if Path::new(path).is_relative() => {
                absolute = crate::walk::display_path(&lexically_normal(&dir.join(path)));
                absolute.as_str()
            }
            _ => path,
        };
        let (uri, base) = artifact_uri(path, self.options.srcroot.as_deref());
        s::Location {
            physical_location: Some(s::PhysicalLocation {
                artifact_location: Some(s::ArtifactLocation {
                    uri: Some(uri),
                    uri_base_id: base.map(str::to_string),
                    ..Default::default()
                }),
                region: span.and_then(|span| region(span, snippet)),
                ..Default::default()
            }),
            ..Default::default()
        }
    }
}

/// `versionControlProvenance[0]`: the repository (credentials already removed), `HEAD`'s commit and branch,
/// the working tree top mapped to `%SRCROOT%`, for `plimsoll git` the commits scanned, and with
/// `--config-from` the revision the configuration came from (`properties.configFrom`).
fn version_control(p: &Provenance) -> s::VersionControlDetails {
    let mut properties = BTreeMap::new();
    if let Some(scanned) = &p.scanned {
        properties.insert("scanMode".to_string(), json!(scanned.mode));
        properties.insert("scannedRevisions".to_string(), json!(scanned.revisions));
        properties.insert("scannedCommits".to_string(), json!(scanned.commits));
    }
    if p.detached {
        properties.insert("detachedHead".to_string(), json!(true));
    }
    if let Some(from) = &p.config_from {
        properties.insert("configFrom".to_string(), json!(from));
    }
    let mut details = s::VersionControlDetails::builder()
        .repository_uri(p.repository_uri_or_local())
        .build();
    details.revision_id = p.revision_id.clone();
    details.branch = p.branch.clone();
    details.mapped_to = Some(s::ArtifactLocation {
        uri_base_id: Some(SRCROOT.to_string()),
        ..Default::default()
    });
    details.properties = property_bag(properties);
    details
}

fn descriptor(r: &RuleInfo) -> s::ReportingDescriptor {
    let short = first_non_empty(&[&r.summary, &r.name]);
    let full = first_non_empty(&[r.docs.split("\n\n").next().unwrap_or(""), &r.summary, &r.name]);
    let help = first_non_empty(&[&r.docs, &r.summary, &r.name]);
    let mut tags = vec!["security".to_string(), category_tag(r.category).to_string()];
    tags.extend(r.cwe.iter().map(|c| cwe_tag(c)));
    tags.extend(r.tags.iter().cloned());
    let mut seen = std::collections::HashSet::new();
    tags.retain(|t| !t.is_empty() && seen.insert(t.clone()));
    tags.truncate(MAX_TAGS);
    let mut properties = BTreeMap::new();
    properties.insert("precision".to_string(), json!(r.precision));
    properties.insert(
        "security-severity".to_string(),
        json!(format!("{:.1}", r.security_severity.clamp(0.1, 10.0))),
    );
    let mut help_text = plain(help);
    help_text.markdown = Some(help.to_string());
    let mut d = s::ReportingDescriptor::builder().id(r.id.clone()).build();
    d.name = Some(r.name.clone());
    d.short_description = Some(plain(short));
    d.full_description = Some(plain(full));
    d.help = Some(help_text);
    d.help_uri = r
        .references
        .iter()
        .find(|u| u.starts_with("https://") || u.starts_with("http://"))
        .cloned();
    d.default_configuration = Some(s::ReportingConfiguration {
        level: Some(json!(r.severity.as_str())),
        enabled: Some(r.enabled_by_default),
        ..Default::default()
    });
    d.properties = Some(s::PropertyBag {
        tags: Some(tags),
        additional_properties: properties,
    });
    d
}

/// A rule the run's catalog does not describe (cannot happen through the CLI); described from the finding
/// so the result still has a valid `ruleIndex`.
fn descriptor_for_unknown(f: &Finding) -> s::ReportingDescriptor {
    descriptor(&RuleInfo {
        id: f.rule_id.to_string(),
        name: f.rule_name.to_string(),
        category: f.category,
        severity: f.severity,
        precision: "medium".into(),
        summary: f.rule_name.to_string(),
        docs: sentence(&f.message),
        references: Vec::new(),
        tags: Vec::new(),
        twins: Vec::new(),
        cwe: Vec::new(),
        security_severity: super::default_security_severity(f.severity),
        enabled_by_default: true,
    })
}

fn category_tag(c: Category) -> &'static str {
    match c {
        Category::Secret => "secret",
        Category::Dockerfile => "dockerfile",
        Category::Compose => "compose",
        Category::Env => "env",
        Category::Build => "build",
    }
}

/// `CWE-798` -> `external/cwe/cwe-798`, the form GitHub shows as a CWE link.
fn cwe_tag(cwe: &str) -> String {
    let n = cwe.trim().trim_start_matches("CWE-").trim_start_matches("cwe-");
    format!("external/cwe/cwe-{n}")
}

fn level(s: Severity) -> s::ResultLevel {
    match s {
        Severity::Error => s::ResultLevel::Error,
        Severity::Warning => s::ResultLevel::Warning,
        Severity::Note => s::ResultLevel::Note,
    }
}

fn region(span: &Span, snippet: Option<String>) -> Option<s::Region> {
    if span.line == 0 {
        return None;
    }
    let end_line = span.end_line.max(span.line);
    let has_columns = span.column > 0;
    let end_column = if span.end_line > span.line || span.end_column > span.column {
        span.end_column
    } else {
        span.column + 1
    };
    Some(s::Region {
        start_line: Some(span.line.into()),
        start_column: has_columns.then_some(span.column.into()),
        end_line: Some(end_line.into()),
        end_column: (has_columns && end_column > 0).then_some(end_column.into()),
        snippet: snippet.map(|text| s::ArtifactContent {
            text: Some(text),
            ..Default::default()
        }),
        ..Default::default()
    })
}

fn notification(level: &str, text: String, location: Option<s::Location>) -> s::Notification {
    let mut n = s::Notification::builder().message(text_message(&text)).build();
    n.level = Some(Value::String(level.into()));
    n.locations = location.map(|l| vec![l]);
    n
}

fn text_message(text: &str) -> s::Message {
    s::Message {
        text: Some(text.to_string()),
        ..Default::default()
    }
}

fn plain(text: &str) -> s::MultiformatMessageString {
    s::MultiformatMessageString::builder().text(text).build()
}

fn property_bag(properties: BTreeMap<String, Value>) -> Option<s::PropertyBag> {
    (!properties.is_empty()).then_some(s::PropertyBag {
        tags: None,
        additional_properties: properties,
    })
}

fn first_non_empty<'a>(candidates: &[&'a str]) -> &'a str {
    candidates
        .iter()
        .map(|s| s.trim())
        .find(|s| !s.is_empty())
        .unwrap_or("")
}

/// The URI of a finding's file: relative to `%SRCROOT%` when it can be, else an absolute `file://` URI.
fn artifact_uri(path: &str, srcroot: Option<&Path>) -> (String, Option<&'static str>) {
    let p = Path::new(path);
    if p.is_absolute() {
        if let Some(rel) = srcroot.and_then(|root| p.strip_prefix(root).ok()) {
            return (percent_encode(&crate::fsutil::display_path(rel)), Some(SRCROOT));
        }
        return (format!("file://{}", percent_encode(path)), None);
    }
    (percent_encode(path.trim_start_matches("./")), Some(SRCROOT))
}

/// `file:///abs/dir/` (with the trailing slash SARIF requires of a base URI).
fn directory_uri(dir: &Path) -> String {
    let mut s = crate::fsutil::display_path(dir);
    if !s.starts_with('/') {
        s.insert(0, '/');
    }
    if !s.ends_with('/') {
        s.push('/');
    }
    format!("file://{}", percent_encode(&s))
}

/// Percent-encodes everything in a path but unreserved characters and `/`.
fn percent_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Size of `bytes` after gzip, the way GitHub measures an upload.
fn gzipped_len(bytes: &[u8]) -> io::Result<u64> {
    struct Count(u64);
    impl Write for Count {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0 += buf.len() as u64;
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }
    let mut gz = flate2::write::GzEncoder::new(Count(0), flate2::Compression::default());
    gz.write_all(bytes)?;
    Ok(gz.finish()?.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_to_srcroot_and_encoded() {
        let root = Path::new("/work/repo");
        assert_eq!(
            artifact_uri("src/a b.py", Some(root)),
            ("src/a%20b.py".into(), Some(SRCROOT))
        );
        assert_eq!(
            artifact_uri("/work/repo/x/y.env", Some(root)),
            ("x/y.env".into(), Some(SRCROOT))
        );
        assert_eq!(
            artifact_uri("/etc/passwd", Some(root)),
            ("file:///etc/passwd".into(), None)
        );
        assert_eq!(directory_uri(root), "file:///work/repo/");
    }

    #[test]
    fn cwe_ids_become_github_tags() {
        assert_eq!(cwe_tag("CWE-798"), "external/cwe/cwe-798");
        assert_eq!(cwe_tag("cwe-250"), "external/cwe/cwe-250");
    }

    #[test]
    fn zero_width_spans_still_make_valid_regions() {
        let r = region(
            &Span {
                line: 4,
                column: 7,
                end_line: 4,
                end_column: 7,
            },
            None,
        )
        .unwrap();
        assert_eq!((r.start_column, r.end_column), (Some(7), Some(8)));
        assert!(
            region(
                &Span {
                    line: 0,
                    ..Span::default()
                },
                None
            )
            .is_none()
        );
    }
}
