//! `--format github`: GitHub Actions workflow commands, one per finding
//! (`::error file=…,line=…,endLine=…,col=…,endColumn=…,title=…::message`), which the runner turns into
//! pull-request annotations without code scanning. Printed on stdout by a workflow step
//! (`--report github=-` adds them next to another format).
//!
//! Levels: error, warning, and `notice` for notes. GitHub shows at most 10 annotations of each level per step
//! and 50 per job; the job log lists every line. Secrets are shown redacted unless `--show-secrets`, exactly
//! as in the text output, because workflow logs can be public.

use super::{Emitter, Report};
use crate::finding::Severity;
use std::io::{self, Write};

pub struct GithubActions;

impl Emitter for GithubActions {
    fn emit(&self, report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
        for f in report.findings {
            let level = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Note => "notice",
            };
            let mut props = vec![format!("file={}", property(&f.path))];
            if f.span.line > 0 {
                props.push(format!("line={}", f.span.line));
                props.push(format!("endLine={}", f.span.end_line.max(f.span.line)));
                if f.span.column > 0 {
                    props.push(format!("col={}", f.span.column));
                    if f.span.end_line == f.span.line && f.span.end_column > f.span.column {
                        props.push(format!("endColumn={}", f.span.end_column));
                    }
                }
            }
            props.push(format!(
                "title={}",
                property(&format!("{} ({})", f.rule_name, f.rule_id))
            ));
            let mut message = f.message.clone();
            if let Some(secret) = &f.secret {
                message.push_str(&format!(": {}", secret.display()));
            }
            writeln!(out, "::{level} {}::{}", props.join(","), data(&message))?;
        }
        for e in report.errors {
            let what = if e.path.is_empty() { "<walk>" } else { &e.path };
            writeln!(
                out,
                "::error title=plimsoll::{}",
                data(&format!("cannot read {what}: {}", e.message))
            )?;
        }
        Ok(())
    }
}

/// Escapes a workflow-command message.
fn data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a workflow-command property value (`:` and `,` separate properties).
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_what_the_runner_would_split_on() {
        assert_eq!(super::data("50%\nnext"), "50%25%0Anext");
        assert_eq!(super::property("a:b,c"), "a%3Ab%2Cc");
    }
}
