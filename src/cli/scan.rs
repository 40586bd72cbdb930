//! `plimsoll scan`: walk files and directories (or stdin) through the pipeline and report.

use super::args::{InputArgs, ReportArgs};
use super::report::finish;
use super::settings::{InputSettings, ReportSettings, scanned_repository};
use anyhow::Result;
use clap::Args;
use plimsoll::outcome::Outcome;
use plimsoll::{output, walk};
use std::process::ExitCode;

#[derive(Args)]
pub struct ScanArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    report: ReportArgs,
}

pub fn scan(args: ScanArgs) -> Result<ExitCode> {
    let started = std::time::SystemTime::now();
    ReportSettings::check_targets(&args.report)?;
    let cfg = InputSettings::config(&args.input)?;
    // Read before the walk, so a bad baseline fails fast.
    let report = ReportSettings::new(
        &args.report,
        &cfg,
        args.input.limits.quiet,
        std::env::current_dir().ok(),
        scanned_repository(&args.input.paths),
        started,
    )?;
    let input = InputSettings::new(&args.input, cfg, args.report.show_secrets)?;
    let outcome = collect(&input)?;
    let code = finish(report, &input.rule_infos, outcome);
    // The process ends next: the OS takes the rule set back at once, where dropping it frees thousands of
    // small allocations one by one (a tenth of a one-file scan).
    std::mem::forget(input);
    code
}

/// Walks the inputs through the pipeline; snippets come back redacted.
pub fn collect(input: &InputSettings) -> Result<Outcome> {
    let mut outcome = walk::scan(&input.pipeline, &input.walk).map_err(anyhow::Error::msg)?;
    output::redact_snippets(&mut outcome.findings, &mut outcome.suppressed);
    Ok(outcome)
}
