//! `--format junit`: JUnit XML for CI test dashboards (GitLab `artifacts:reports:junit`, Jenkins, ...).
//!
//! One `<testsuite>` per rule that ran, named by rule id. Inside it, one `<testcase>` per file the rule
//! found something in (`classname` = rule id, `name` = path) with one `<failure>` listing every finding in
//! that file; a rule that found nothing has a single passing test case, so dashboards show what was checked.
//! Unreadable files are `<error>` test cases in a `plimsoll` suite. Secrets are redacted unless
//! `--show-secrets`.

use super::{Emitter, Report, SnippetRedactor};
use crate::finding::{Finding, Severity};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

pub struct Junit;

impl Emitter for Junit {
    fn emit(&self, report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
        let redactor = SnippetRedactor::new(report.findings);
        // rule id -> path -> findings, in report order.
        let mut by_rule: BTreeMap<&str, BTreeMap<&str, Vec<&Finding>>> = BTreeMap::new();
        for r in report.rules {
            by_rule.entry(&r.id).or_default();
        }
        for f in report.findings {
            by_rule
                .entry(&f.rule_id)
                .or_default()
                .entry(&f.path)
                .or_default()
                .push(f);
        }
        let seconds = report.stats.elapsed_ms as f64 / 1000.0;
        let mut suites = String::new();
        let (mut tests, mut failures) = (0usize, 0usize);
        for (rule_id, files) in &by_rule {
            let name = report
                .rules
                .iter()
                .find(|r| r.id == *rule_id)
                .map(|r| r.name.as_str())
                .or_else(|| files.values().flatten().next().map(|f| &*f.rule_name))
                .unwrap_or(rule_id);
            let cases = files.len().max(1);
            tests += cases;
            failures += files.len();
            let _ = writeln!(
                suites,
                r#"  <testsuite name="{}" tests="{cases}" failures="{}" errors="0" skipped="0">"#,
                attr(rule_id),
                files.len()
            );
            let _ = writeln!(
                suites,
                r#"    <properties><property name="rule.name" value="{}"/></properties>"#,
                attr(name)
            );
            if files.is_empty() {
                let _ = writeln!(
                    suites,
                    r#"    <testcase classname="{}" name="no findings"/>"#,
                    attr(rule_id)
                );
            }
            for (path, findings) in files {
                let worst = findings.iter().map(|f| f.severity).max().unwrap_or(Severity::Note);
                let mut body = String::new();
                for f in findings {
                    let _ = write!(
                        body,
                        "{}:{}:{}: {}: {}",
                        f.path, f.span.line, f.span.column, f.severity, f.message
                    );
                    if let Some(secret) = &f.secret {
                        let _ = write!(body, " [{}]", secret.display());
                    } else if let Some(snippet) = redactor.snippet(f) {
                        let _ = write!(body, " [{}]", snippet.lines().next().unwrap_or("").trim());
                    }
                    body.push('\n');
                }
                let first = findings[0];
                let summary = if findings.len() == 1 {
                    format!("{} (line {})", first.message, first.span.line)
                } else {
                    format!("{} findings, first at line {}", findings.len(), first.span.line)
                };
                let _ = writeln!(
                    suites,
                    r#"    <testcase classname="{}" name="{}" file="{}"{}>"#,
                    attr(rule_id),
                    attr(path),
                    attr(path),
                    if first.span.line > 0 {
                        format!(r#" line="{}""#, first.span.line)
                    } else {
                        String::new()
                    },
                );
                let _ = writeln!(
                    suites,
                    r#"      <failure message="{}" type="{}">{}</failure>"#,
                    attr(&summary),
                    worst,
                    text(&body)
                );
                let _ = writeln!(suites, "    </testcase>");
            }
            let _ = writeln!(suites, "  </testsuite>");
        }
        if !report.errors.is_empty() {
            tests += report.errors.len();
            let _ = writeln!(
                suites,
                r#"  <testsuite name="plimsoll" tests="{n}" failures="0" errors="{n}" skipped="0">"#,
                n = report.errors.len()
            );
            for e in report.errors {
                let what = if e.path.is_empty() { "<walk>" } else { &e.path };
                let _ = writeln!(
                    suites,
                    r#"    <testcase classname="plimsoll.read" name="{}"><error message="{}" type="unreadable"/></testcase>"#,
                    attr(what),
                    attr(&e.message)
                );
            }
            let _ = writeln!(suites, "  </testsuite>");
        }
        writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(
            out,
            r#"<testsuites name="plimsoll" tests="{tests}" failures="{failures}" errors="{}" time="{seconds:.3}">"#,
            report.errors.len()
        )?;
        out.write_all(suites.as_bytes())?;
        writeln!(out, "</testsuites>")
    }
}

/// Escapes text content; drops characters XML 1.0 cannot carry at all.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Escapes an attribute value (quotes, and newlines so they survive attribute normalization).
fn attr(s: &str) -> String {
    text(s)
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
        .replace('\n', "&#10;")
        .replace('\r', "&#13;")
        .replace('\t', "&#9;")
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup_and_control_characters() {
        assert_eq!(super::text("a<b>&c\u{1}"), "a&lt;b&gt;&amp;c\u{FFFD}");
        assert_eq!(super::attr("say \"hi\"\n"), "say &quot;hi&quot;&#10;");
    }
}
