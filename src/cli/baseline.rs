//! `plimsoll baseline create`: scan like `scan` and record every finding in a baseline file.

use super::args::InputArgs;
use super::report::config_from_line;
use super::scan::collect;
use super::settings::InputSettings;
use anyhow::Result;
use clap::Subcommand;
use plimsoll::baseline::{self, Baseline};
use plimsoll::provenance::ConfigFrom;
use plimsoll::{config, output};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum BaselineCommand {
    /// Scan, and record every finding (by fingerprint, never the secret) in a baseline file for
    /// `plimsoll scan --baseline FILE` or `baseline = "FILE"` in .plimsoll.toml.
    Create {
        /// Where to write it [default: the config's `baseline`, else .plimsoll-baseline.json].
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        input: InputArgs,
    },
}

pub fn baseline_create(input: &InputArgs, output: Option<PathBuf>) -> Result<ExitCode> {
    let settings = InputSettings::new(input, InputSettings::config(input)?, false)?;
    let outcome = collect(&settings)?;
    let cfg = &settings.cfg;
    let path = output
        .or_else(|| cfg.baseline.as_ref().map(|b| b.get_ref().clone()))
        .unwrap_or_else(|| PathBuf::from(baseline::DEFAULT_FILE_NAME));
    let created = Baseline::from_findings(&outcome.findings);
    created.write(&path)?;
    if !settings.quiet {
        if let Some(rev) = cfg.files().revision() {
            let from = ConfigFrom {
                revision: rev.spec.clone(),
                commit: rev.commit.clone(),
                config: cfg.name().map(str::to_string),
                baseline: None,
            };
            eprintln!("{}", config_from_line(&from));
        }
        output::text::summary(&outcome.stats, &outcome.errors, &mut std::io::stderr())?;
    }
    eprintln!(
        "plimsoll: wrote {} baseline entr{} to {}; scan with `--baseline {}` (or set `baseline` in {})",
        created.entries.len(),
        if created.entries.len() == 1 { "y" } else { "ies" },
        path.display(),
        path.display(),
        config::FILE_NAME
    );
    Ok(if outcome.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    })
}
