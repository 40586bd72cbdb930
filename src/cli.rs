//! Flag definitions (clap) and the command runners that turn them into library calls.

use anyhow::{Context, Result, bail};
use clap::{ArgGroup, Args, Parser, Subcommand, ValueEnum};
use plimsoll::baseline::{self, Applied, Baseline};
use plimsoll::catalog::RuleInfo;
use plimsoll::config::{self, Config, FailOn};
use plimsoll::dockerfile::{self, Linter, LinterConfig};
use plimsoll::finding::{Finding, Severity};
use plimsoll::git::{self, GitOptions, Repo, Target, hook};
use plimsoll::output::{self, EmitOptions, Format, Report};
use plimsoll::pipeline::{FindingOptions, Pipeline};
use plimsoll::secrets::rule::{Rule, builtin_rules, check_unique_ids, load_rule_path};
use plimsoll::secrets::{Allowlist, Scanner};
use plimsoll::walk::{self, Outcome, WalkOptions};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "plimsoll",
    version,
    about = "Stops hard-coded secrets and unsafe Dockerfiles before they ship."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Scan files and directories for secrets and Dockerfile problems (default: the current directory).
    Scan(ScanArgs),
    /// List the rules, or check rule files.
    Rules(RulesArgs),
    /// Print one rule's documentation.
    Explain {
        /// Rule id, e.g. `github.pat-classic` or `DF001`.
        rule_id: String,
        #[command(flatten)]
        rules: RuleSourceArgs,
    },
    /// Write a commented starter `.plimsoll.toml` (never replaces an existing one).
    Init {
        /// Directory to write it in.
        #[arg(value_name = "DIR", default_value = ".")]
        dir: PathBuf,
    },
    /// Accept the current findings so that only new ones fail the build.
    #[command(subcommand)]
    Baseline(BaselineCommand),
    /// Scan a git repository: its whole history, a commit range, the staged changes or a push.
    Git(GitArgs),
    /// Install or remove the git hooks that run plimsoll.
    #[command(subcommand)]
    Hook(HookCommand),
}

#[derive(Subcommand)]
enum BaselineCommand {
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

#[derive(Args, Clone)]
struct RuleSourceArgs {
    /// Extra secret rule file or directory of `*.toml` files (repeatable).
    #[arg(long = "rules", value_name = "PATH")]
    rule_paths: Vec<PathBuf>,
    /// Configuration file (default: `.plimsoll.toml` at the scan root, if present).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Do not read `.plimsoll.toml`.
    #[arg(long, conflicts_with = "config")]
    no_config: bool,
}

/// What to scan and with which rules: shared by `scan` and `baseline create`.
#[derive(Args)]
struct InputArgs {
    /// Files or directories to scan; `-` reads stdin.
    #[arg(value_name = "PATH", default_value = ".")]
    paths: Vec<PathBuf>,
    /// Do not honour .gitignore/.ignore/.plimsollignore files.
    #[arg(long)]
    no_ignore: bool,
    #[command(flatten)]
    limits: LimitArgs,
    #[command(flatten)]
    rules: RuleSourceArgs,
}

/// What to skip and how hard to work: shared by `scan`, `baseline create` and `git`.
#[derive(Args)]
struct LimitArgs {
    /// Skip paths matching this gitignore-style glob (repeatable).
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,
    /// Worker threads (0 = one per core).
    #[arg(long, short = 'j', value_name = "N", default_value_t = 0)]
    threads: usize,
    /// Skip files (or git blobs) larger than this (bytes, or with K/M/G suffix).
    #[arg(long, value_name = "SIZE", default_value = "10M", value_parser = parse_size)]
    max_file_size: u64,
    /// No summary and no progress on stderr.
    #[arg(long, short = 'q')]
    quiet: bool,
}

#[derive(Args)]
struct ScanArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    report: ReportArgs,
}

/// How findings are reported and judged: shared by `scan` and `git`.
#[derive(Args)]
struct ReportArgs {
    #[arg(long, short = 'f', value_enum, default_value = "text")]
    format: Format,
    /// Write the report to FILE (atomically) instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// Also write another format from the same scan, e.g. `--report sarif=plimsoll.sarif` or
    /// `--report github=-` (`-` is stdout). Repeatable.
    #[arg(long = "report", value_name = "FORMAT=FILE", value_parser = parse_report)]
    reports: Vec<(Format, PathBuf)>,
    /// Lowest severity that makes the exit code 1 [default: note, i.e. any finding].
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// Print secrets in full instead of redacted.
    #[arg(long)]
    show_secrets: bool,
    /// When to colour text output.
    #[arg(long, value_enum, default_value = "auto")]
    color: ColorChoice,
    /// SARIF `automationDetails.id`: GitHub code scanning keeps one analysis per category, so give secrets
    /// and Dockerfile runs different ones to upload them separately. A trailing `/` is added if missing.
    #[arg(long, value_name = "CATEGORY", default_value = output::DEFAULT_SARIF_CATEGORY)]
    sarif_category: String,
    /// Suppress the findings recorded in this baseline file (see `plimsoll baseline create`).
    #[arg(long, value_name = "FILE", conflicts_with = "no_baseline")]
    baseline: Option<PathBuf>,
    /// Ignore the config's `baseline`.
    #[arg(long)]
    no_baseline: bool,
}

#[derive(Args)]
#[command(group(ArgGroup::new("target").args(["range", "staged", "pre_push"])))]
struct GitArgs {
    /// The repository (or any directory inside it).
    #[arg(value_name = "REPO", default_value = ".")]
    repo: PathBuf,
    /// Full history: scan only commits reachable from REF (repeatable) [default: all refs and HEAD].
    #[arg(long = "branch", value_name = "REF", conflicts_with = "target")]
    branches: Vec<String>,
    /// Full history: only commits made at or after DATE (`2024-01-31`, `2 weeks ago`, ...).
    #[arg(long, value_name = "DATE", conflicts_with = "target")]
    since: Option<String>,
    /// Full history: only the newest N commits.
    #[arg(long, value_name = "N", conflicts_with = "target")]
    max_commits: Option<usize>,
    /// Scan only the lines added by the commits in A..B (or by every commit of a single revision).
    #[arg(long, value_name = "A..B")]
    range: Option<String>,
    /// Scan the lines added in the index compared with HEAD (for a pre-commit hook).
    #[arg(long)]
    staged: bool,
    /// Pre-push hook mode: read git's ref updates on stdin and scan the lines added by the commits being
    /// pushed.
    #[arg(long, num_args = 2, value_names = ["REMOTE", "URL"])]
    pre_push: Option<Vec<String>>,
    #[command(flatten)]
    limits: LimitArgs,
    /// Record every finding of this scan (by fingerprint, never the secret) in a baseline file instead of
    /// reporting them; later `plimsoll git --baseline FILE` runs report only new ones.
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    create_baseline: Option<PathBuf>,
    #[command(flatten)]
    rules: RuleSourceArgs,
    #[command(flatten)]
    report: ReportArgs,
}

#[derive(Subcommand)]
enum HookCommand {
    /// Write a hook that runs plimsoll: pre-push (the default) scans the commits being pushed, pre-commit
    /// the staged changes. Honours core.hooksPath; never replaces a hook plimsoll did not write unless --force.
    Install {
        #[arg(long, conflicts_with = "pre_commit")]
        pre_push: bool,
        #[arg(long)]
        pre_commit: bool,
        /// Replace an existing hook plimsoll did not write (kept as `<hook>.plimsoll-backup`).
        #[arg(long)]
        force: bool,
        /// The repository (or any directory inside it).
        #[arg(long, value_name = "DIR", default_value = ".")]
        repo: PathBuf,
    },
    /// Remove plimsoll's hooks (both unless one is named) and restore a hook that --force replaced.
    Uninstall {
        #[arg(long)]
        pre_push: bool,
        #[arg(long)]
        pre_commit: bool,
        /// The repository (or any directory inside it).
        #[arg(long, value_name = "DIR", default_value = ".")]
        repo: PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Args)]
#[command(args_conflicts_with_subcommands = true)]
struct RulesArgs {
    #[command(subcommand)]
    command: Option<RulesCommand>,
    #[arg(long, short = 'f', value_enum, default_value = "text")]
    format: ListFormat,
    #[command(flatten)]
    rules: RuleSourceArgs,
}

#[derive(Clone, Copy, ValueEnum)]
enum ListFormat {
    Text,
    Json,
}

#[derive(Subcommand)]
enum RulesCommand {
    /// Validate rule files: ids, regexes, keywords, and every (negative) example through the real scanner.
    /// Without PATH, checks the built-in rules.
    Check {
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
}

fn parse_size(s: &str) -> Result<u64, String> {
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
fn parse_report(s: &str) -> Result<(Format, PathBuf), String> {
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

pub fn run() -> Result<ExitCode> {
    let cli = Cli::parse();
    match cli.command {
        Command::Scan(args) => scan(args),
        Command::Rules(args) => match args.command {
            Some(RulesCommand::Check { paths }) => rules_check(&paths),
            None => rules_list(&args.rules, args.format),
        },
        Command::Explain { rule_id, rules } => explain(&rule_id, &rules),
        Command::Init { dir } => init(&dir),
        Command::Baseline(BaselineCommand::Create { output, input }) => baseline_create(&input, output),
        Command::Git(args) => git_scan(args),
        Command::Hook(command) => hook_command(command),
    }
}

/// Finds and loads the configuration for a run rooted at `root`.
fn load_config(src: &RuleSourceArgs, root: &Path) -> Result<Config> {
    if src.no_config {
        return Ok(Config::default());
    }
    Ok(match &src.config {
        Some(path) => Config::load(path)?,
        None => Config::discover(root)?.unwrap_or_default(),
    })
}

/// Built-in rules, then the config's rule files, then `--rules`; config overrides applied.
fn load_rules(src: &RuleSourceArgs, cfg: &Config) -> Result<Vec<Rule>> {
    let mut rules = builtin_rules().context("built-in rules are invalid (this is a bug)")?;
    for p in cfg.rule_files.iter().chain(&src.rule_paths) {
        rules.extend(load_rule_path(p)?);
    }
    check_unique_ids(&rules)?;
    let known: std::collections::HashSet<String> = rules.iter().map(|r| r.id().to_string()).collect();
    cfg.check_rule_ids(&|id| known.contains(id) || dockerfile::rules::find(id).is_some())?;
    let disabled: Vec<&str> = cfg.rules.disable.iter().map(|s| s.get_ref().as_str()).collect();
    rules.retain(|r| !disabled.contains(&r.id()));
    for r in &mut rules {
        if let Some(sev) = cfg.rules.severity.get(r.id()) {
            r.severity = *sev.get_ref();
        }
    }
    Ok(rules)
}

/// Everything a scan produced, before any output.
struct Collected {
    cfg: Config,
    rule_infos: Vec<RuleInfo>,
    outcome: Outcome,
}

/// The configuration for a run over `input` (found at the first path, or `--config`).
fn input_config(input: &InputArgs) -> Result<Config> {
    let root = input.paths.first().cloned().unwrap_or_else(|| PathBuf::from("."));
    load_config(&input.rules, &root)
}

/// The secrets pipeline for a run, and the descriptions of its rules.
fn build_pipeline(src: &RuleSourceArgs, cfg: &Config, show_secrets: bool) -> Result<(Pipeline, Vec<RuleInfo>)> {
    let rules = load_rules(src, cfg)?;
    let rule_infos: Vec<RuleInfo> = rules.iter().map(Rule::info).collect();
    let allow = Allowlist {
        regexes: cfg.allow_regexes.clone(),
        value_hashes: cfg.allow_value_hashes.iter().cloned().collect(),
    };
    let pipeline = Pipeline::new(Scanner::new(rules, allow)?, FindingOptions { show_secrets });
    Ok((pipeline, rule_infos))
}

/// Loads the rules (secrets and Dockerfile) and walks the inputs.
fn collect(input: &InputArgs, cfg: Config, show_secrets: bool) -> Result<Collected> {
    let (pipeline, mut rule_infos) = build_pipeline(&input.rules, &cfg, show_secrets)?;
    let linter = Linter::new(&LinterConfig::from_config(&cfg));
    rule_infos.extend(linter.rule_infos());
    let pipeline = pipeline.with_linter(linter);
    let mut exclude = cfg.exclude.clone();
    exclude.extend(input.limits.exclude.iter().cloned());
    let stderr_tty = std::io::stderr().is_terminal();
    let opts = WalkOptions {
        paths: input.paths.clone(),
        no_ignore: input.no_ignore,
        exclude,
        threads: input.limits.threads,
        max_file_size: input.limits.max_file_size,
        progress: stderr_tty && !input.limits.quiet,
    };
    let mut outcome = walk::scan(&pipeline, &opts).map_err(anyhow::Error::msg)?;
    output::redact_snippets(&mut outcome.findings);
    Ok(Collected {
        cfg,
        rule_infos,
        outcome,
    })
}

fn scan(args: ScanArgs) -> Result<ExitCode> {
    let started = std::time::SystemTime::now();
    check_report_targets(&args.report)?;
    let cfg = input_config(&args.input)?;
    // Read before the walk, so a bad baseline fails fast.
    let baseline = load_baseline(&args.report, &cfg)?;
    let Collected {
        cfg,
        rule_infos,
        outcome,
    } = collect(&args.input, cfg, args.report.show_secrets)?;
    let run = Run {
        started,
        quiet: args.input.limits.quiet,
        srcroot: std::env::current_dir().ok(),
    };
    finish(&args.report, &cfg, &rule_infos, outcome, baseline, &run)
}

/// Facts about a run that its reports need.
struct Run {
    started: std::time::SystemTime,
    /// No summary on stderr.
    quiet: bool,
    /// The directory finding paths are relative to (SARIF `%SRCROOT%`).
    srcroot: Option<PathBuf>,
}

/// Applies the baseline, writes every report and the summary, and turns the findings into an exit code.
fn finish(
    args: &ReportArgs,
    cfg: &Config,
    rule_infos: &[RuleInfo],
    mut outcome: Outcome,
    baseline: Option<Baseline>,
    run: &Run,
) -> Result<ExitCode> {
    let applied = baseline.map(|b| {
        let applied = b.apply(&mut outcome.findings);
        outcome.stats.findings = outcome.findings.len() as u64;
        applied
    });
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            args.output.is_none() && std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let report = Report {
        findings: &outcome.findings,
        stats: &outcome.stats,
        errors: &outcome.errors,
        rules: rule_infos,
        baseline: applied.as_ref(),
    };
    let emit = EmitOptions {
        color,
        sarif_category: args.sarif_category.clone(),
        srcroot: run.srcroot.clone(),
        commit_sha: ["CI_COMMIT_SHA", "GITHUB_SHA"]
            .iter()
            .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty())),
        started: run.started,
    };
    write_one(args.format, &emit, &report, args.output.as_deref())?;
    let uncoloured = EmitOptions {
        color: false,
        ..emit.clone()
    };
    for (format, path) in &args.reports {
        let path = (path.as_os_str() != "-").then_some(path.as_path());
        write_one(*format, &uncoloured, &report, path)?;
    }
    if !run.quiet {
        output::text::summary(&outcome.stats, &outcome.errors, &mut std::io::stderr())?;
        if let Some(applied) = &applied {
            baseline_summary(applied, &mut std::io::stderr())?;
        }
    }
    let fail_on = args.fail_on.or(cfg.fail_on).unwrap_or(FailOn::Note);
    Ok(exit_code(&outcome.findings, !outcome.errors.is_empty(), fail_on))
}

/// Refuses two reports aimed at the same file before any scanning.
fn check_report_targets(args: &ReportArgs) -> Result<()> {
    let mut seen: Vec<&Path> = args.output.iter().map(PathBuf::as_path).collect();
    for (_, path) in &args.reports {
        if path.as_os_str() != "-" && seen.contains(&path.as_path()) {
            bail!("{} is the target of two reports", path.display());
        }
        seen.push(path);
    }
    Ok(())
}

/// Writes one report (`path` `None` is stdout) and prints what its emitter wants the user to know.
fn write_one(format: Format, opts: &EmitOptions, report: &Report<'_>, path: Option<&Path>) -> Result<()> {
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

/// The baseline `--baseline FILE` (or the config's `baseline`) names; `None` when there is none.
fn load_baseline(args: &ReportArgs, cfg: &Config) -> Result<Option<Baseline>> {
    let path = match (&args.baseline, &cfg.baseline) {
        _ if args.no_baseline => return Ok(None),
        (Some(path), _) => path.clone(),
        (None, Some(from_config)) => {
            let path = from_config.get_ref();
            if !path.exists() {
                return Err(cfg
                    .error_at(
                        from_config.span(),
                        format!(
                            "baseline {} does not exist; create it with `plimsoll baseline create -o {}`",
                            path.display(),
                            path.display()
                        ),
                    )
                    .into());
            }
            path.clone()
        }
        (None, None) => return Ok(None),
    };
    Ok(Some(Baseline::load(&path)?))
}

/// Stderr lines about the baseline: what it hid, and which entries are stale.
fn baseline_summary(applied: &Applied, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    const SHOWN: usize = 20;
    writeln!(
        out,
        "plimsoll: baseline suppressed {} finding{}",
        applied.suppressed,
        if applied.suppressed == 1 { "" } else { "s" }
    )?;
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

fn baseline_create(input: &InputArgs, output: Option<PathBuf>) -> Result<ExitCode> {
    let Collected { cfg, outcome, .. } = collect(input, input_config(input)?, false)?;
    let path = output
        .or_else(|| cfg.baseline.as_ref().map(|b| b.get_ref().clone()))
        .unwrap_or_else(|| PathBuf::from(baseline::DEFAULT_FILE_NAME));
    let created = Baseline::from_findings(&outcome.findings);
    created.write(&path)?;
    if !input.limits.quiet {
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

fn init(dir: &Path) -> Result<ExitCode> {
    let path = config::write_starter(dir)?;
    eprintln!("plimsoll: wrote {}; every setting in it is commented", path.display());
    Ok(ExitCode::SUCCESS)
}

fn git_scan(args: GitArgs) -> Result<ExitCode> {
    let started = std::time::SystemTime::now();
    check_report_targets(&args.report)?;
    let repo = Repo::discover(&args.repo)?;
    // A bare repository has no working tree to hold `.plimsoll.toml`; `--config` still works.
    let cfg = match repo.workdir() {
        Some(root) => load_config(&args.rules, root)?,
        None => match &args.rules.config {
            Some(path) if !args.rules.no_config => Config::load(path)?,
            _ => Config::default(),
        },
    };
    let baseline = load_baseline(&args.report, &cfg)?;
    let (pipeline, rule_infos) = build_pipeline(&args.rules, &cfg, args.report.show_secrets)?;
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
    let run = Run {
        started,
        quiet: args.limits.quiet,
        // Git finding paths are relative to the top of the working tree, wherever plimsoll was started.
        srcroot: repo
            .workdir()
            .map(Path::to_path_buf)
            .or_else(|| std::env::current_dir().ok()),
    };
    let code = finish(&args.report, &cfg, &rule_infos, outcome, baseline, &run)?;
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

fn hook_command(command: HookCommand) -> Result<ExitCode> {
    let kind_of = |pre_commit: bool| {
        if pre_commit {
            hook::HookKind::PreCommit
        } else {
            hook::HookKind::PrePush
        }
    };
    match command {
        HookCommand::Install {
            pre_commit,
            force,
            repo,
            ..
        } => {
            let repo = Repo::discover(&repo)?;
            let exe = std::env::current_exe().context("cannot find the plimsoll executable's path")?;
            let kind = kind_of(pre_commit);
            let done = hook::install(&repo, kind, force, &exe)?;
            if let Some(b) = &done.backup {
                eprintln!(
                    "plimsoll: moved the existing {} hook to {}",
                    kind.file_name(),
                    b.display()
                );
            }
            let verb = if done.updated { "updated" } else { "installed" };
            eprintln!("plimsoll: {verb} {} hook: {}", kind.file_name(), done.path.display());
            Ok(ExitCode::SUCCESS)
        }
        HookCommand::Uninstall {
            pre_push,
            pre_commit,
            repo,
        } => {
            let repo = Repo::discover(&repo)?;
            let explicit = pre_push || pre_commit;
            let kinds: Vec<hook::HookKind> = match (pre_push, pre_commit) {
                (true, false) => vec![hook::HookKind::PrePush],
                (false, true) => vec![hook::HookKind::PreCommit],
                _ => vec![hook::HookKind::PrePush, hook::HookKind::PreCommit],
            };
            let mut refused = false;
            for kind in kinds {
                match hook::uninstall(&repo, kind)? {
                    hook::Removal::Removed { path, restored } => {
                        eprintln!("plimsoll: removed {}", path.display());
                        if let Some(r) = restored {
                            eprintln!("plimsoll: restored the previous {} hook", r.display());
                        }
                    }
                    hook::Removal::NotInstalled { path } => {
                        if explicit {
                            eprintln!("plimsoll: no {} hook at {}", kind.file_name(), path.display());
                        }
                    }
                    hook::Removal::NotOurs { path } => {
                        eprintln!(
                            "plimsoll: {} was not written by plimsoll; leaving it alone",
                            path.display()
                        );
                        refused |= explicit;
                    }
                }
            }
            Ok(if refused { ExitCode::from(2) } else { ExitCode::SUCCESS })
        }
    }
}

fn exit_code(findings: &[Finding], had_errors: bool, fail_on: FailOn) -> ExitCode {
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

fn rules_list(src: &RuleSourceArgs, format: ListFormat) -> Result<ExitCode> {
    let cfg = load_config(src, Path::new("."))?;
    let rules = load_rules(src, &cfg)?;
    let linter = Linter::new(&LinterConfig::from_config(&cfg));
    match format {
        ListFormat::Json => {
            #[derive(serde::Serialize)]
            struct Entry<'a> {
                #[serde(flatten)]
                syntax: &'a plimsoll::secrets::rule::RuleSyntax,
                category: &'static str,
                source: &'a str,
            }
            #[derive(serde::Serialize)]
            struct DockerfileEntry {
                id: String,
                name: String,
                category: &'static str,
                severity: plimsoll::finding::Severity,
                summary: String,
                docs: String,
                twins: Vec<String>,
                cwe: Vec<String>,
                enabled: bool,
                enabled_by_default: bool,
            }
            #[derive(serde::Serialize)]
            #[serde(untagged)]
            enum AnyEntry<'a> {
                Secret(Entry<'a>),
                Dockerfile(DockerfileEntry),
            }
            #[derive(serde::Serialize)]
            struct Doc<'a> {
                version: u32,
                rules: Vec<AnyEntry<'a>>,
            }
            let mut entries: Vec<AnyEntry> = rules
                .iter()
                .map(|r| {
                    AnyEntry::Secret(Entry {
                        syntax: &r.syntax,
                        category: "secret",
                        source: &r.source,
                    })
                })
                .collect();
            entries.extend(dockerfile::rules::catalog().into_iter().map(|info| {
                AnyEntry::Dockerfile(DockerfileEntry {
                    enabled: linter.is_active(&info.id),
                    severity: linter.severity_of(&info.id).unwrap_or(info.severity),
                    id: info.id,
                    name: info.name,
                    category: "dockerfile",
                    summary: info.summary,
                    docs: info.docs,
                    twins: info.twins,
                    cwe: info.cwe,
                    enabled_by_default: info.enabled_by_default,
                })
            }));
            let doc = Doc {
                version: 1,
                rules: entries,
            };
            let mut out = std::io::stdout().lock();
            serde_json::to_writer_pretty(&mut out, &doc)?;
            println!();
        }
        ListFormat::Text => {
            let df = dockerfile::rules::catalog();
            let width = rules
                .iter()
                .map(|r| r.id().len())
                .chain(df.iter().map(|i| i.id.len()))
                .max()
                .unwrap_or(0);
            for r in &rules {
                println!("{:width$}  {:7}  {}", r.id(), r.severity.as_str(), r.syntax.name);
            }
            for info in &df {
                let severity = linter.severity_of(&info.id).unwrap_or(info.severity);
                let off = if linter.is_active(&info.id) { "" } else { "  (off)" };
                println!(
                    "{:width$}  {:7}  {}: {}{off}",
                    info.id,
                    severity.as_str(),
                    info.name,
                    info.summary
                );
            }
            let providers: std::collections::HashSet<&str> =
                rules.iter().map(|r| r.id().split('.').next().unwrap_or("")).collect();
            eprintln!(
                "{} secret rules, {} providers; {} Dockerfile rules ({} active)",
                rules.len(),
                providers.len(),
                df.len(),
                df.iter().filter(|i| linter.is_active(&i.id)).count()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn rules_check(paths: &[PathBuf]) -> Result<ExitCode> {
    let rules = if paths.is_empty() {
        builtin_rules()?
    } else {
        let mut all = Vec::new();
        for p in paths {
            all.extend(load_rule_path(p)?);
        }
        all
    };
    check_unique_ids(&rules)?;
    let n = rules.len();
    let problems = plimsoll::secrets::check::check_rules(rules);
    for p in &problems {
        println!("{p}");
    }
    if problems.is_empty() {
        eprintln!("{n} rules OK");
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!("{} problem(s) in {n} rules", problems.len());
        Ok(ExitCode::from(1))
    }
}

fn explain(id: &str, src: &RuleSourceArgs) -> Result<ExitCode> {
    let cfg = load_config(src, Path::new("."))?;
    let rules = load_rules(src, &cfg)?;
    if let Some(rule) = dockerfile::rules::find(id) {
        let linter = Linter::new(&LinterConfig::from_config(&cfg));
        let info = rule.meta().info();
        let severity = linter.severity_of(&info.id).unwrap_or(info.severity);
        println!("{} — {}\n", info.id, info.name);
        let state = if linter.is_active(&info.id) { "on" } else { "off" };
        println!("severity: {severity}   category: dockerfile   {state}\n");
        println!("{}", info.docs.trim_end());
        return Ok(ExitCode::SUCCESS);
    }
    let Some(rule) = rules.iter().find(|r| r.id() == id) else {
        bail!("unknown rule id {id:?} (see `plimsoll rules`)");
    };
    let info = rule.info();
    println!("{} — {}\n", info.id, info.name);
    println!(
        "severity: {}   precision: {}   keywords: {}\n",
        info.severity,
        info.precision,
        rule.syntax.keywords.join(", ")
    );
    println!("{}", info.docs.trim_end());
    Ok(ExitCode::SUCCESS)
}
