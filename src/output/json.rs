//! `--format json` (one document: `version`, `tool`, `source`, `findings`, `suppressed` with
//! `--include-suppressed`, `stats`, `errors`) and `--format jsonl` (one finding per line; suppressed ones
//! carry their `suppressed` object). With `--baseline`, the document also has `baseline`: `suppressed` (a count) and
//! `stale` (entries that matched nothing). Secrets are redacted by [`crate::finding::SecretText`] unless `--show-secrets`.

use super::{Emitter, Report};
use serde::Serialize;
use std::io::{self, Write};

/// Version of the JSON document layout; bumped on incompatible changes.
pub const JSON_VERSION: u32 = 1;

pub struct Json;
pub struct JsonLines;

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    tool: Tool,
    /// Present inside a git repository: remote URL (credentials removed), commit, branch, and for
    /// `plimsoll git` the commits scanned.
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a crate::provenance::Provenance>,
    findings: &'a [crate::finding::Finding],
    /// `--include-suppressed`: the findings that pragmas, the config's allow-list or the baseline accept,
    /// each with its `suppressed` object (`kind`, `source`, `justification`).
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    suppressed: &'a [crate::finding::Finding],
    stats: &'a crate::outcome::Stats,
    errors: &'a [crate::outcome::FileError],
    /// Present when `--baseline` was used: how many findings it suppressed and its stale entries.
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline: Option<&'a crate::baseline::Applied>,
}

impl Emitter for Json {
    fn emit(&self, report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
        let doc = Document {
            version: JSON_VERSION,
            tool: Tool {
                name: "plimsoll",
                version: env!("CARGO_PKG_VERSION"),
            },
            source: report.source,
            findings: report.findings,
            suppressed: report.suppressed,
            stats: report.stats,
            errors: report.errors,
            baseline: report.baseline,
        };
        serde_json::to_writer_pretty(&mut *out, &doc)?;
        writeln!(out)
    }
}

impl Emitter for JsonLines {
    fn emit(&self, report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
        for f in report.findings.iter().chain(report.suppressed) {
            serde_json::to_writer(&mut *out, f)?;
            writeln!(out)?;
        }
        Ok(())
    }
}
