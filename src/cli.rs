//! Flag definitions (clap) and the command runners that turn them into library calls.

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand, ValueEnum};
use plimsoll::catalog::RuleInfo;
use plimsoll::config::{self, Config, FailOn};
use plimsoll::dockerfile::{self, Linter, LinterConfig};
use plimsoll::finding::{Finding, Severity};
use plimsoll::output::{self, Format, Report};
use plimsoll::pipeline::{FindingOptions, Pipeline};
use plimsoll::secrets::rule::{Rule, builtin_rules, check_unique_ids, load_rule_path};
use plimsoll::secrets::{Allowlist, Scanner};
use plimsoll::walk::{self, WalkOptions};
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

#[derive(Args)]
struct ScanArgs {
    /// Files or directories to scan; `-` reads stdin.
    #[arg(value_name = "PATH", default_value = ".")]
    paths: Vec<PathBuf>,
    #[arg(long, short = 'f', value_enum, default_value = "text")]
    format: Format,
    /// Write the report to FILE (atomically) instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// Lowest severity that makes the exit code 1 [default: note, i.e. any finding].
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// Print secrets in full instead of redacted.
    #[arg(long)]
    show_secrets: bool,
    /// Do not honour .gitignore/.ignore/.plimsollignore files.
    #[arg(long)]
    no_ignore: bool,
    /// Skip paths matching this gitignore-style glob (repeatable).
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,
    /// Worker threads (0 = one per core).
    #[arg(long, short = 'j', value_name = "N", default_value_t = 0)]
    threads: usize,
    /// Skip files larger than this (bytes, or with K/M/G suffix).
    #[arg(long, value_name = "SIZE", default_value = "10M", value_parser = parse_size)]
    max_file_size: u64,
    /// When to colour text output.
    #[arg(long, value_enum, default_value = "auto")]
    color: ColorChoice,
    /// No summary and no progress on stderr.
    #[arg(long, short = 'q')]
    quiet: bool,
    #[command(flatten)]
    rules: RuleSourceArgs,
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

pub fn run() -> Result<ExitCode> {
    let cli = Cli::parse();
    match cli.command {
        Command::Scan(args) => scan(args),
        Command::Rules(args) => match args.command {
            Some(RulesCommand::Check { paths }) => rules_check(&paths),
            None => rules_list(&args.rules, args.format),
        },
        Command::Explain { rule_id, rules } => explain(&rule_id, &rules),
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

fn scan(args: ScanArgs) -> Result<ExitCode> {
    let root = args.paths.first().cloned().unwrap_or_else(|| PathBuf::from("."));
    let cfg = load_config(&args.rules, &root)?;
    let rules = load_rules(&args.rules, &cfg)?;
    let linter = Linter::new(&LinterConfig::from_config(&cfg));
    let mut rule_infos: Vec<RuleInfo> = rules.iter().map(Rule::info).collect();
    rule_infos.extend(linter.rule_infos());
    let allow = Allowlist {
        regexes: cfg.allow_regexes.clone(),
        value_hashes: cfg.allow_value_hashes.iter().cloned().collect(),
    };
    let pipeline = Pipeline::new(
        Scanner::new(rules, allow)?,
        FindingOptions {
            show_secrets: args.show_secrets,
        },
    )
    .with_linter(linter);
    let mut exclude = cfg.exclude.clone();
    exclude.extend(args.exclude.iter().cloned());
    let stderr_tty = std::io::stderr().is_terminal();
    let opts = WalkOptions {
        paths: args.paths.clone(),
        no_ignore: args.no_ignore,
        exclude,
        threads: args.threads,
        max_file_size: args.max_file_size,
        progress: stderr_tty && !args.quiet,
    };
    let outcome = walk::scan(&pipeline, &opts).map_err(anyhow::Error::msg)?;
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
        rules: &rule_infos,
    };
    output::write_report(args.format.emitter(color).as_ref(), &report, args.output.as_deref()).with_context(|| {
        match &args.output {
            Some(p) => format!("cannot write {}", p.display()),
            None => "cannot write to stdout".to_string(),
        }
    })?;
    if !args.quiet {
        output::text::summary(&outcome.stats, &outcome.errors, &mut std::io::stderr())?;
    }
    let fail_on = args.fail_on.or(cfg.fail_on).unwrap_or(FailOn::Note);
    Ok(exit_code(&outcome.findings, !outcome.errors.is_empty(), fail_on))
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
    let _ = config::FILE_NAME;
    Ok(ExitCode::SUCCESS)
}
