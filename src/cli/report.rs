//! The end of every scanning command: the baseline applied, every report written from the same findings,
//! the stderr summary, and the exit code (0 clean, 1 findings at or above the threshold, 2 errors).

use super::settings::ReportSettings;
use anyhow::{Context, Result};
use plimsoll::baseline::Applied;
use plimsoll::catalog::RuleInfo;
use plimsoll::config::{self, FailOn};
use plimsoll::config_files::short;
use plimsoll::finding::{Finding, Severity};
use plimsoll::outcome::Outcome;
use plimsoll::output::{self, EmitOptions, Format, Report};
use plimsoll::provenance::ConfigFrom;
use std::path::Path;
use std::process::ExitCode;

/// Applies the baseline, writes every report and the summary, and turns the findings into an exit code.
pub fn finish(mut settings: ReportSettings, rule_infos: &[RuleInfo], mut outcome: Outcome) -> Result<ExitCode> {
    if let (Some(source), Some(git)) = (&mut settings.source, &outcome.stats.git) {
        source.scanned = Some(git.scanned_commits());
    }
    let applied = settings
        .baseline
        .map(|(baseline, source)| baseline.apply(&mut outcome.findings, &source));
    outcome.set_aside_suppressed();
    let report = Report {
        findings: &outcome.findings,
        suppressed: if settings.include_suppressed {
            &outcome.suppressed
        } else {
            &[]
        },
        stats: &outcome.stats,
        errors: &outcome.errors,
        rules: rule_infos,
        baseline: applied.as_ref(),
        source: settings.source.as_ref(),
    };
    let emit = EmitOptions {
        color: settings.color,
        sarif_category: settings.sarif_category.clone(),
        srcroot: settings.srcroot.clone(),
        commit_sha: ["CI_COMMIT_SHA", "GITHUB_SHA"]
            .iter()
            .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
            .or_else(|| settings.source.as_ref().and_then(|p| p.revision_id.clone())),
        started: settings.started,
    };
    write_one(settings.format, &emit, &report, settings.output.as_deref())?;
    let uncoloured = EmitOptions {
        color: false,
        ..emit.clone()
    };
    for (format, path) in &settings.reports {
        write_one(*format, &uncoloured, &report, path.as_deref())?;
    }
    if !settings.quiet {
        if let Some(from) = &settings.config_from {
            eprintln!("{}", config_from_line(from));
        }
        output::text::summary(&outcome.stats, &outcome.errors, &mut std::io::stderr())?;
        if let Some(applied) = &applied {
            stale_baseline_summary(applied, &mut std::io::stderr())?;
        }
    }
    Ok(exit_code(
        &outcome.findings,
        !outcome.errors.is_empty(),
        settings.fail_on,
    ))
}

/// The summary line of a `--config-from` run: which revision (and commit) the settings came from, and
/// which files were read there, or that the revision has no config file and the defaults applied.
pub fn config_from_line(from: &ConfigFrom) -> String {
    let files = match (&from.config, &from.baseline) {
        (Some(config), Some(baseline)) => format!("{config}, baseline {baseline}"),
        (Some(config), None) => format!("{config}, no baseline"),
        (None, Some(baseline)) => format!("no {} there (defaults), baseline {baseline}", config::FILE_NAME),
        (None, None) => format!("no {} there, so the defaults", config::FILE_NAME),
    };
    format!(
        "plimsoll: settings from {} ({}), not from the working tree: {files}",
        from.revision,
        short(&from.commit)
    )
}

/// Writes one report (`path` `None` is stdout) and prints what its emitter wants the user to know.
pub fn write_one(format: Format, opts: &EmitOptions, report: &Report<'_>, path: Option<&Path>) -> Result<()> {
    let emitter = format.build(opts);
    output::write_report(emitter.as_ref(), report, path).with_context(|| match path {
        Some(p) => format!("cannot write {}", p.display()),
        None => "cannot write to stdout".to_string(),
    })?;
    for note in emitter.notes() {
        eprintln!("plimsoll: {note}");
    }
    Ok(())
}

/// Stderr lines about the baseline entries that matched nothing (what it suppressed is in the summary).
pub fn stale_baseline_summary(applied: &Applied, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    const SHOWN: usize = 20;
    if applied.stale.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "plimsoll: {} baseline {} anything (fixed or moved; recreate the baseline to drop them):",
        applied.stale.len(),
        if applied.stale.len() == 1 {
            "entry no longer matches"
        } else {
            "entries no longer match"
        }
    )?;
    for e in applied.stale.iter().take(SHOWN) {
        writeln!(out, "  {}:{}  {}  {}", e.path, e.line, e.rule_id, e.fingerprint)?;
    }
    if applied.stale.len() > SHOWN {
        writeln!(out, "  … and {} more", applied.stale.len() - SHOWN)?;
    }
    Ok(())
}

pub fn exit_code(findings: &[Finding], had_errors: bool, fail_on: FailOn) -> ExitCode {
    if had_errors {
        return ExitCode::from(2);
    }
    let failing = |s: Severity| fail_on.threshold().is_some_and(|t| s >= t);
    if findings.iter().any(|f| failing(f.severity)) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
