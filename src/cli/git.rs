//! `plimsoll git`: scan a repository's history, a commit range, the staged changes or a push.

use super::args::{LimitArgs, ReportArgs, RuleSourceArgs};
use super::report::{config_from_line, finish};
use super::settings::{ReportSettings, load_config, load_config_in, secrets_pipeline};
use anyhow::{Context, Result, bail};
use clap::{ArgGroup, Args};
use plimsoll::baseline::Baseline;
use plimsoll::config::Config;
use plimsoll::git::{self, GitOptions, Repo, RevisionFiles, Target};
use plimsoll::output;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

#[derive(Args)]
#[command(group(ArgGroup::new("target").args(["range", "staged", "pre_push"])))]
pub struct GitArgs {
    /// The repository (or any directory inside it).
    #[arg(value_name = "REPO", default_value = ".")]
    pub repo: PathBuf,
    /// Full history: scan only commits reachable from REF (repeatable) [default: all refs and HEAD].
    #[arg(long = "branch", value_name = "REF", conflicts_with = "target")]
    pub branches: Vec<String>,
    /// Full history: only commits made at or after DATE (`2024-01-31`, `2 weeks ago`, ...).
    #[arg(long, value_name = "DATE", conflicts_with = "target")]
    pub since: Option<String>,
    /// Full history: only the newest N commits.
    #[arg(long, value_name = "N", conflicts_with = "target")]
    pub max_commits: Option<usize>,
    /// Scan only the lines added by the commits in A..B (or by every commit of a single revision).
    #[arg(long, value_name = "A..B")]
    pub range: Option<String>,
    /// Scan the lines added in the index compared with HEAD (for a pre-commit hook).
    #[arg(long)]
    pub staged: bool,
    /// Pre-push hook mode: read git's ref updates on stdin and scan the lines added by the commits being
    /// pushed.
    #[arg(long, num_args = 2, value_names = ["REMOTE", "URL"])]
    pub pre_push: Option<Vec<String>>,
    #[command(flatten)]
    pub limits: LimitArgs,
    /// Record every finding of this scan (by fingerprint, never the secret) in a baseline file instead of
    /// reporting them; later `plimsoll git --baseline FILE` runs report only new ones.
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    pub create_baseline: Option<PathBuf>,
    #[command(flatten)]
    pub rules: RuleSourceArgs,
    #[command(flatten)]
    pub report: ReportArgs,
}

pub fn git_scan(args: GitArgs) -> Result<ExitCode> {
    let started = std::time::SystemTime::now();
    ReportSettings::check_targets(&args.report)?;
    let repo = Repo::discover(&args.repo)?;
    // A bare repository has no working tree to hold `.plimsoll.toml`; `--config` and `--config-from`
    // (whose tree does have one) still work.
    let cfg = match (&args.rules.config_from, repo.workdir()) {
        (Some(spec), workdir) if !args.rules.no_config => {
            let files = Arc::new(RevisionFiles::open(&repo, spec)?);
            load_config_in(&args.rules, files, workdir.unwrap_or(Path::new("")))?
        }
        (_, Some(root)) => load_config(&args.rules, root)?,
        (_, None) => match &args.rules.config {
            Some(path) if !args.rules.no_config => Config::load(path)?,
            _ => Config::default(),
        },
    };
    // Git finding paths are relative to the top of the working tree, wherever plimsoll was started.
    let srcroot = repo
        .workdir()
        .map(Path::to_path_buf)
        .or_else(|| std::env::current_dir().ok());
    let source = Some(repo.provenance());
    let report = ReportSettings::new(&args.report, &cfg, args.limits.quiet, srcroot, source, started)?;
    let (pipeline, rule_infos) = secrets_pipeline(&args.rules, &args.limits, &cfg, args.report.show_secrets)?;
    let target = if let Some(spec) = &args.range {
        Target::Range(spec.clone())
    } else if args.staged {
        Target::Staged
    } else if let Some(pp) = &args.pre_push {
        if std::io::stdin().is_terminal() {
            bail!("--pre-push reads the ref updates git writes on a pre-push hook's stdin; run it from the hook");
        }
        let mut input = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin().lock(), &mut input)
            .context("--pre-push: cannot read the ref updates on stdin")?;
        Target::PrePush {
            remote: pp[0].clone(),
            url: pp[1].clone(),
            updates: git::parse_pre_push(&input)?,
        }
    } else {
        Target::History {
            branches: args.branches.clone(),
            since: args.since.clone(),
            max_commits: args.max_commits,
        }
    };
    let mut exclude = cfg.exclude.clone();
    exclude.extend(args.limits.exclude.iter().cloned());
    let opts = GitOptions {
        target,
        exclude,
        threads: args.limits.threads,
        max_file_size: args.limits.max_file_size,
        progress: std::io::stderr().is_terminal() && !args.limits.quiet,
    };
    let outcome = git::scan(&repo, &pipeline, &opts)?;
    if let Some(path) = &args.create_baseline {
        let created = Baseline::from_findings(&outcome.findings);
        created.write(path)?;
        if !args.limits.quiet {
            if let Some(from) = &report.config_from {
                eprintln!("{}", config_from_line(from));
            }
            output::text::summary(&outcome.stats, &outcome.errors, &mut std::io::stderr())?;
        }
        eprintln!(
            "plimsoll: wrote {} baseline entr{} to {}; scan with `plimsoll git --baseline {}`",
            created.entries.len(),
            if created.entries.len() == 1 { "y" } else { "ies" },
            path.display(),
            path.display()
        );
        return Ok(if outcome.errors.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(2)
        });
    }
    let code = finish(report, &rule_infos, outcome)?;
    // The process ends soon: the OS takes the rule set back at once (see `scan`).
    std::mem::forget((pipeline, rule_infos));
    if code == ExitCode::from(1) && !args.limits.quiet {
        if args.pre_push.is_some() {
            eprintln!(
                "plimsoll: push blocked: the commits being pushed add secrets (commit, file and line above). Remove \
                 them from those commits (e.g. `git rebase -i`), revoke them, and push again. To push anyway: git \
                 push --no-verify"
            );
        } else if args.staged {
            eprintln!(
                "plimsoll: commit blocked: the staged changes add secrets (file and line above). Remove them and \
                 stage the files again. To commit anyway: git commit --no-verify"
            );
        }
    }
    Ok(code)
}
