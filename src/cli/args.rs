//! Flag groups that several commands share: where rules come from ([`RuleSourceArgs`]), what to scan
//! ([`InputArgs`]), limits ([`LimitArgs`]) and how findings are reported ([`ReportArgs`]). A command
//! flattens the groups it needs; [`super::settings`] turns them into validated settings.

use clap::{Args, ValueEnum};
use plimsoll::config::FailOn;
use plimsoll::finding::Confidence;
use plimsoll::output::{self, Format};
use std::path::PathBuf;

#[derive(Args, Clone)]
pub struct RuleSourceArgs {
    /// Extra secret rule file or directory of `*.toml` files (repeatable).
    #[arg(long = "rules", value_name = "PATH")]
    pub rule_paths: Vec<PathBuf>,
    /// Configuration file (default: `.plimsoll.toml` at the scan root, if present).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Do not read `.plimsoll.toml`.
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
    /// Read the configuration (`.plimsoll.toml`, or `--config FILE`), the rule files and baseline it names
    /// and `--baseline FILE` from this git revision (`origin/main`, a commit id, `HEAD~1`) instead of the
    /// working tree, whose copies a pull request can change; `.ignore`/`.plimsollignore` files are then
    /// not read. For CI on pull requests: pass the base branch.
    #[arg(long, value_name = "REF", conflicts_with = "no_config")]
    pub config_from: Option<String>,
}

/// What to scan and with which rules: shared by `scan` and `baseline create`.
#[derive(Args)]
pub struct InputArgs {
    /// Files or directories to scan; `-` reads stdin.
    #[arg(value_name = "PATH", default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Do not honour .gitignore/.ignore/.plimsollignore files.
    #[arg(long)]
    pub no_ignore: bool,
    #[command(flatten)]
    pub limits: LimitArgs,
    #[command(flatten)]
    pub rules: RuleSourceArgs,
}

/// What to skip and how hard to work: shared by `scan`, `baseline create` and `git`.
#[derive(Args)]
pub struct LimitArgs {
    /// Skip paths matching this gitignore-style glob (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Worker threads (0 = one per core).
    #[arg(long, short = 'j', value_name = "N", default_value_t = 0)]
    pub threads: usize,
    /// Skip files (or git blobs) larger than this (bytes, or with K/M/G suffix).
    #[arg(long, value_name = "SIZE", default_value = "10M", value_parser = parse_size)]
    pub max_file_size: u64,
    /// Report at most N findings per file (or git blob), the most severe first; the rest are counted in
    /// one `plimsoll.findings-capped` note per file. 0 = no limit [default: 100, or
    /// `max-findings-per-file` in the config].
    #[arg(long, value_name = "N")]
    pub max_findings_per_file: Option<usize>,
    /// Report secrets at or above this confidence: `high` (provider formats), `medium` (also generic
    /// assignments with a random value), `low` (also well-known dummy and test values)
    /// [default: medium, or `min-confidence` in the config].
    #[arg(long, value_name = "LEVEL")]
    pub min_confidence: Option<Confidence>,
    /// No summary and no progress on stderr.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Working-tree scans: show progress on stderr even when it is not a terminal (a plain line every few
    /// seconds; on a terminal the progress line is shown anyway). `--quiet` wins.
    #[arg(long)]
    pub progress: bool,
}

/// How findings are reported and judged: shared by `scan` and `git`.
#[derive(Args)]
pub struct ReportArgs {
    #[arg(long, short = 'f', value_enum, default_value = "text")]
    pub format: Format,
    /// Write the report to FILE (atomically) instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also write another format from the same scan, e.g. `--report sarif=plimsoll.sarif` or
    /// `--report github=-` (`-` is stdout). Repeatable.
    #[arg(long = "report", value_name = "FORMAT=FILE", value_parser = parse_report)]
    pub reports: Vec<(Format, PathBuf)>,
    /// Lowest severity that makes the exit code 1 [default: note, i.e. any finding].
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Print secrets in full instead of redacted.
    #[arg(long)]
    pub show_secrets: bool,
    /// When to colour text output.
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorChoice,
    /// SARIF `automationDetails.id`: GitHub code scanning keeps one analysis per category, so give secrets
    /// and Dockerfile runs different ones to upload them separately. A trailing `/` is added if missing.
    #[arg(long, value_name = "CATEGORY", default_value = output::DEFAULT_SARIF_CATEGORY)]
    pub sarif_category: String,
    /// Suppress the findings recorded in this baseline file (see `plimsoll baseline create`).
    #[arg(long, value_name = "FILE", conflicts_with = "no_baseline")]
    pub baseline: Option<PathBuf>,
    /// Ignore the config's `baseline`.
    #[arg(long)]
    pub no_baseline: bool,
    /// Also report the findings that inline pragmas, the config's allow-list or the baseline suppress, each
    /// with who suppressed it and where (they never change the exit code).
    #[arg(long)]
    pub include_suppressed: bool,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

pub fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let (num, mult) = match s.chars().last() {
        Some('k' | 'K') => (&s[..s.len() - 1], 1u64 << 10),
        Some('m' | 'M') => (&s[..s.len() - 1], 1 << 20),
        Some('g' | 'G') => (&s[..s.len() - 1], 1 << 30),
        _ => (s, 1),
    };
    num.parse::<u64>()
        .map(|n| n * mult)
        .map_err(|_| format!("invalid size {s:?} (e.g. 1048576, 512K, 10M)"))
}

/// `FORMAT=FILE` for `--report`.
pub fn parse_report(s: &str) -> Result<(Format, PathBuf), String> {
    let (format, file) = s
        .split_once('=')
        .ok_or_else(|| format!("expected FORMAT=FILE (e.g. sarif=plimsoll.sarif), got {s:?}"))?;
    let format = Format::from_str(format, true).map_err(|_| {
        let known: Vec<String> = Format::value_variants()
            .iter()
            .filter_map(|v| v.to_possible_value().map(|p| p.get_name().to_string()))
            .collect();
        format!("unknown format {format:?} (known: {})", known.join(", "))
    })?;
    if file.is_empty() {
        return Err(format!("no file after `{s}`; use `-` for stdout"));
    }
    Ok((format, PathBuf::from(file)))
}
