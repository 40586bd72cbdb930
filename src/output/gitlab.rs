//! GitLab reports. One `--output` is one file and GitLab reads the two kinds of findings from two report
//! types, so there are two formats (and `--report FORMAT=FILE` writes both from one scan):
//!
//! - `--format gitlab-secrets` ([`SecretDetection`]): the secret-detection security report
//!   (`artifacts:reports:secret_detection`, schema 15.2.1): secret findings only, each with a stable
//!   UUID-shaped `id`, a primary identifier naming the plimsoll rule, CWE identifiers, and a location with
//!   file, lines and commit (`CI_COMMIT_SHA`, or the commit a history finding came from). No
//!   `raw_source_code_extract`: the report never contains a secret unless `--show-secrets`.
//! - `--format gitlab-codequality` ([`CodeQuality`]): the Code Quality report
//!   (`artifacts:reports:codequality`, a subset of the Code Climate spec) for every non-secret finding, such
//!   as Dockerfile rules. GitLab deduplicates Code Quality issues by `fingerprint`, so it is the content
//!   fingerprint plus the occurrence number, hashed.

use super::{
    EmitOptions, Emitter, Report, SnippetRedactor, occurrences, rule_of, security_severity, sentence, utc_timestamp,
};
use crate::finding::{Category, Finding, Severity};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::io::{self, Write};
use std::time::{Duration, SystemTime};

/// The security-report schema version written. GitLab validates a report against the schema version it
/// declares, or, for a patch version it does not vendor, against the latest patch of that minor version.
pub const SECRET_DETECTION_SCHEMA_VERSION: &str = "15.2.1";
/// Used when neither `CI_COMMIT_SHA` nor a history commit is known; GitLab's own analyzer does the same
/// for non-git scans.
const UNKNOWN_COMMIT: &str = "0000000";
/// Schema limits on vulnerability fields.
const MAX_NAME: usize = 255;
const MAX_SOLUTION: usize = 7000;

pub struct SecretDetection {
    commit_sha: Option<String>,
    started: SystemTime,
}

impl SecretDetection {
    pub fn new(opts: &EmitOptions) -> Self {
        SecretDetection {
            commit_sha: opts.commit_sha.clone().filter(|s| !s.trim().is_empty()),
            started: opts.started,
        }
    }
}

impl Emitter for SecretDetection {
    fn emit(&self, report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
        let tool = json!({
            "id": "plimsoll",
            "name": "plimsoll",
            "version": env!("CARGO_PKG_VERSION"),
            "vendor": { "name": "plimsoll" },
        });
        let mut vulnerabilities = Vec::new();
        for (f, n) in report.findings.iter().zip(occurrences(report.findings)) {
            if f.category != Category::Secret {
                continue;
            }
            vulnerabilities.push(self.vulnerability(report, f, n));
        }
        let mut messages = Vec::new();
        for e in report.errors {
            let what = if e.path.is_empty() { "<walk>" } else { &e.path };
            messages.push(json!({ "level": "warn", "value": format!("cannot read {what}: {}", e.message) }));
        }
        let others = report
            .findings
            .iter()
            .filter(|f| f.category != Category::Secret)
            .count();
        if others > 0 {
            messages.push(json!({
                "level": "info",
                "value": format!("{others} non-secret findings are in the Code Quality report (--format gitlab-codequality)"),
            }));
        }
        let end = self.started + Duration::from_millis(report.stats.elapsed_ms);
        let mut scan = json!({
            "analyzer": tool,
            "scanner": tool,
            "type": "secret_detection",
            "start_time": utc_timestamp(self.started),
            "end_time": utc_timestamp(end),
            "status": "success",
        });
        if !messages.is_empty() {
            scan["messages"] = Value::Array(messages);
        }
        let doc = json!({
            "version": SECRET_DETECTION_SCHEMA_VERSION,
            "schema": format!(
                "https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v{SECRET_DETECTION_SCHEMA_VERSION}/dist/secret-detection-report-format.json"
            ),
            "scan": scan,
            "vulnerabilities": vulnerabilities,
        });
        serde_json::to_writer_pretty(&mut *out, &doc)?;
        writeln!(out)
    }
}

impl SecretDetection {
    fn vulnerability(&self, report: &Report<'_>, f: &Finding, occurrence: u32) -> Value {
        let rule = rule_of(report, f);
        let mut identifiers = vec![json!({
            "type": "plimsoll_rule_id",
            "name": truncate(&format!("plimsoll {}", f.rule_id), MAX_NAME),
            "value": f.rule_id.to_string(),
        })];
        for cwe in rule.map(|r| r.cwe.as_slice()).unwrap_or_default() {
            let n = cwe.trim().trim_start_matches("CWE-");
            identifiers.push(json!({
                "type": "cwe",
                "name": format!("CWE-{n}"),
                "value": n,
                "url": format!("https://cwe.mitre.org/data/definitions/{n}.html"),
            }));
        }
        let commit = f
            .commit
            .as_ref()
            .map(|c| c.id.clone())
            .or_else(|| self.commit_sha.clone())
            .unwrap_or_else(|| UNKNOWN_COMMIT.to_string());
        let mut location = json!({ "file": f.path, "commit": { "sha": commit } });
        if f.span.line > 0 {
            location["start_line"] = json!(f.span.line);
            location["end_line"] = json!(f.span.end_line.max(f.span.line));
        }
        let mut description = sentence(&f.message);
        if let Some(secret) = &f.secret {
            description.push_str(&format!(
                " Matched{}: `{}`.",
                if secret.is_revealed() { "" } else { " (redacted)" },
                secret.display()
            ));
        }
        let mut v = json!({
            "id": uuid_from(&format!("secret_detection:{}:{occurrence}", f.fingerprint)),
            "name": truncate(&f.rule_name, MAX_NAME),
            "description": description,
            "severity": gitlab_severity(security_severity(report, f)),
            "identifiers": identifiers,
            "location": location,
        });
        if let Some(r) = rule {
            if !r.docs.trim().is_empty() {
                v["solution"] = json!(truncate(r.docs.trim(), MAX_SOLUTION));
            }
            let links: Vec<Value> = r
                .references
                .iter()
                .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
                .map(|u| json!({ "url": u }))
                .collect();
            if !links.is_empty() {
                v["links"] = Value::Array(links);
            }
        }
        v
    }
}

pub struct CodeQuality;

impl Emitter for CodeQuality {
    fn emit(&self, report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
        let redactor = SnippetRedactor::new(report.findings);
        let issues: Vec<Value> = report
            .findings
            .iter()
            .zip(occurrences(report.findings))
            .filter(|(f, _)| f.category != Category::Secret)
            .map(|(f, n)| {
                let mut description = format!("{}: {}", f.rule_id, f.message);
                if let Some(snippet) = redactor.snippet(f) {
                    let first_line = snippet.lines().next().unwrap_or("").trim();
                    if !first_line.is_empty() {
                        description.push_str(&format!(" (`{first_line}`)"));
                    }
                }
                let mut issue = json!({
                    "type": "issue",
                    "check_name": f.rule_id.to_string(),
                    "description": description,
                    "categories": ["Security"],
                    "severity": codequality_severity(f.severity),
                    "fingerprint": hex32(&format!("codequality:{}:{n}", f.fingerprint)),
                    "location": {
                        "path": f.path,
                        "lines": { "begin": f.span.line.max(1), "end": f.span.end_line.max(f.span.line).max(1) },
                    },
                });
                if let Some(r) = rule_of(report, f)
                    && !r.docs.trim().is_empty()
                {
                    issue["content"] = json!({ "body": r.docs.trim() });
                }
                issue
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &issues)?;
        writeln!(out)
    }
}

/// GitLab's vulnerability severities, from the same 0.1–10 score GitHub ranks alerts by (CVSS bands).
fn gitlab_severity(score: f32) -> &'static str {
    match score {
        s if s >= 9.0 => "Critical",
        s if s >= 7.0 => "High",
        s if s >= 4.0 => "Medium",
        s if s > 0.0 => "Low",
        _ => "Info",
    }
}

fn codequality_severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "critical",
        Severity::Warning => "major",
        Severity::Note => "minor",
    }
}

fn hex32(key: &str) -> String {
    hex::encode(&Sha256::digest(key.as_bytes())[..16])
}

/// A UUID-shaped id that is the same for the same finding in every pipeline.
fn uuid_from(key: &str) -> String {
    let h = hex32(key);
    format!("{}-{}-{}-{}-{}", &h[..8], &h[8..12], &h[12..16], &h[16..20], &h[20..])
}

fn truncate(s: &str, max_chars: usize) -> String {
    match s.char_indices().nth(max_chars) {
        Some((i, _)) => s[..i].to_string(),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severities_follow_cvss_bands() {
        assert_eq!(gitlab_severity(9.5), "Critical");
        assert_eq!(gitlab_severity(8.5), "High");
        assert_eq!(gitlab_severity(6.0), "Medium");
        assert_eq!(gitlab_severity(3.0), "Low");
    }

    #[test]
    fn ids_are_uuid_shaped_and_stable() {
        let a = uuid_from("x");
        assert_eq!(a, uuid_from("x"));
        assert_ne!(a, uuid_from("y"));
        let parts: Vec<usize> = a.split('-').map(str::len).collect();
        assert_eq!(parts, [8, 4, 4, 4, 12]);
    }
}
