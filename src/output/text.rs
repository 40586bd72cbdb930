//! `--format text`: one line per finding, `path:line:col  rule-id  redacted-secret  message`, coloured on a
//! terminal; plus [`summary`], printed on stderr after every run.

use super::{Emitter, Report};
use crate::finding::{Finding, Severity};
use crate::outcome::{FileError, Stats, SuppressedCounts};
use std::io::{self, Write};

pub struct Text {
    pub color: bool,
}

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";

fn severity_color(s: Severity) -> &'static str {
    match s {
        Severity::Error => "\x1b[1;31m",
        Severity::Warning => "\x1b[1;33m",
        Severity::Note => "\x1b[1;36m",
    }
}

impl Emitter for Text {
    fn emit(&self, report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
        let paint = |code: &str, s: &str| {
            if self.color {
                format!("{code}{s}{RESET}")
            } else {
                s.to_string()
            }
        };
        let line = |f: &Finding, out: &mut dyn Write| -> io::Result<()> {
            let location = format!("{}:{}:{}", f.path, f.span.line, f.span.column);
            let shown = f
                .secret
                .as_ref()
                .map(|s| s.display())
                .or_else(|| f.snippet.clone())
                .unwrap_or_default();
            let commit = f
                .commit
                .as_ref()
                .map(|c| format!("  {}", &c.id[..c.id.len().min(12)]))
                .unwrap_or_default();
            let confidence = f
                .confidence
                .map(|c| format!("  ({} confidence)", c.as_str()))
                .unwrap_or_default();
            writeln!(
                out,
                "{}  {}  {}  {}{}{}",
                paint(BOLD, &location),
                paint(severity_color(f.severity), &f.rule_id),
                shown,
                paint(DIM, &f.message),
                paint(DIM, &confidence),
                commit
            )
        };
        for f in report.findings {
            line(f, out)?;
        }
        if !report.suppressed.is_empty() {
            // A section of its own, so nobody mistakes an accepted finding for a reported one.
            writeln!(
                out,
                "\n{}",
                paint(
                    BOLD,
                    &format!(
                        "Suppressed ({}; not counted for the exit code):",
                        report.suppressed.len()
                    )
                )
            )?;
            for f in report.suppressed {
                line(f, out)?;
                if let Some(s) = &f.suppressed {
                    let reason = s.justification.as_ref().map(|j| format!(" -- {j}")).unwrap_or_default();
                    writeln!(
                        out,
                        "    {}",
                        paint(DIM, &format!("{} {}{reason}", s.kind.as_str(), s.source))
                    )?;
                }
            }
        }
        Ok(())
    }
}

/// Human summary (stderr): counts, skipped files by reason, unreadable files, elapsed time.
pub fn summary(stats: &Stats, errors: &[FileError], out: &mut dyn Write) -> io::Result<()> {
    for e in errors {
        writeln!(
            out,
            "plimsoll: cannot read {}: {}",
            if e.path.is_empty() { "<walk>" } else { &e.path },
            e.message
        )?;
    }
    let mut skipped = Vec::new();
    for (n, what) in [
        (stats.skipped_binary, "binary"),
        (stats.skipped_too_large, "too large"),
        (stats.skipped_special, "not regular files"),
        (stats.skipped_symlinks, "symlinks"),
        (stats.excluded, "excluded"),
        (stats.unreadable, "unreadable"),
        (stats.git.as_ref().map_or(0, |g| g.skipped_lfs), "Git LFS pointers"),
        (
            stats.git.as_ref().map_or(0, |g| g.skipped_submodules.len() as u64),
            "submodules",
        ),
    ] {
        if n > 0 {
            skipped.push(format!("{n} {what}"));
        }
    }
    let skipped = if skipped.is_empty() {
        String::new()
    } else {
        format!(" (skipped: {})", skipped.join(", "))
    };
    let scanned = match &stats.git {
        Some(g) if g.mode == "history" => format!(
            "{} commits ({} unique blobs, {})",
            g.commits_scanned,
            stats.files_scanned,
            human_bytes(stats.bytes_scanned)
        ),
        Some(g) if g.mode == "staged" => format!("{} staged files", stats.files_scanned),
        Some(g) => format!("{} commits ({} changed files)", g.commits_scanned, stats.files_scanned),
        None => format!("{} files, {}", stats.files_scanned, human_bytes(stats.bytes_scanned)),
    };
    for note in stats.git.iter().flat_map(|g| &g.notes) {
        writeln!(out, "plimsoll: {note}")?;
    }
    let scanned = if stats.decoded_utf16 > 0 {
        format!("{scanned}, {} decoded from UTF-16", stats.decoded_utf16)
    } else {
        scanned
    };
    writeln!(
        out,
        "plimsoll: {} finding{} in {scanned}{} in {:.2}s; {}",
        stats.findings,
        if stats.findings == 1 { "" } else { "s" },
        skipped,
        stats.elapsed_ms as f64 / 1000.0,
        suppressed_summary(&stats.suppressed)
    )?;
    if stats.below_min_confidence > 0 {
        writeln!(
            out,
            "plimsoll: {} more secret candidate{} below the minimum confidence not reported (`--min-confidence low` shows them)",
            stats.below_min_confidence,
            if stats.below_min_confidence == 1 { "" } else { "s" },
        )?;
    }
    Ok(())
}

/// `none suppressed`, or `3 suppressed (2 inline, 1 baseline; --include-suppressed lists them)`: said on
/// every run, so an added pragma or allow-list entry never goes unnoticed.
fn suppressed_summary(n: &SuppressedCounts) -> String {
    if n.total() == 0 {
        return "none suppressed".into();
    }
    let by: Vec<String> = [(n.inline, "inline"), (n.config, "config"), (n.baseline, "baseline")]
        .iter()
        .filter(|(k, _)| *k > 0)
        .map(|(k, what)| format!("{k} {what}"))
        .collect();
    format!(
        "{} suppressed ({}; --include-suppressed lists them)",
        n.total(),
        by.join(", ")
    )
}

fn human_bytes(n: u64) -> String {
    match n {
        n if n >= 1 << 30 => format!("{:.1} GiB", n as f64 / (1u64 << 30) as f64),
        n if n >= 1 << 20 => format!("{:.1} MiB", n as f64 / (1u64 << 20) as f64),
        n if n >= 1 << 10 => format!("{:.1} KiB", n as f64 / 1024.0),
        n => format!("{n} B"),
    }
}
