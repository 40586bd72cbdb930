//! Raw flags become validated settings here, once (ripgrep's `LowArgs` -> `HiArgs`): the configuration is
//! found and loaded, rule files compiled into a [`Pipeline`], the baseline read, report targets checked and
//! the exit threshold and colour decided. Command runners receive these objects and never look at a flag
//! or the config again for something decided here.

use super::args::{ColorChoice, InputArgs, LimitArgs, ReportArgs, RuleSourceArgs};
use anyhow::{Context, Result, bail};
use plimsoll::analyzers;
use plimsoll::baseline::Baseline;
use plimsoll::catalog::RuleInfo;
use plimsoll::config::{Config, FailOn};
use plimsoll::config_files::{ConfigFiles, Found, WorkTreeFiles};
use plimsoll::git::{Repo, RevisionFiles};
use plimsoll::output::Format;
use plimsoll::pipeline::{self, FindingOptions, Pipeline};
use plimsoll::provenance::{ConfigFrom, Provenance};
use plimsoll::secrets::rule::{Rule, builtin_rules, check_unique_ids, load_rule_path_in};
use plimsoll::secrets::{Allowlist, Scanner};
use plimsoll::walk::WalkOptions;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Finds and loads the configuration for a run rooted at `root`: from the working tree, or with
/// `--config-from REF` from that revision of the repository holding `root`.
pub fn load_config(src: &RuleSourceArgs, root: &Path) -> Result<Config> {
    if src.no_config {
        return Ok(Config::default());
    }
    let files: Arc<dyn ConfigFiles> = match &src.config_from {
        Some(spec) => {
            let root = if root.as_os_str() == "-" { Path::new(".") } else { root };
            let repo = Repo::discover(root).with_context(|| format!("--config-from {spec} reads a git revision"))?;
            Arc::new(RevisionFiles::open(&repo, spec)?)
        }
        None => Arc::new(WorkTreeFiles),
    };
    load_config_in(src, files, root)
}

/// Loads `--config FILE`, or finds `.plimsoll.toml` at `root`, in `files`; defaults (still reading the
/// baseline and rule files from `files`) when there is none.
pub fn load_config_in(src: &RuleSourceArgs, files: Arc<dyn ConfigFiles>, root: &Path) -> Result<Config> {
    Ok(match &src.config {
        Some(path) => Config::load_in(files, path)?,
        None => Config::discover_in(files.clone(), root)?.unwrap_or_else(|| Config::defaults_in(files)),
    })
}

/// Built-in rules, then the config's rule files, then `--rules`; config overrides applied.
pub fn load_rules(src: &RuleSourceArgs, cfg: &Config) -> Result<Vec<Rule>> {
    let mut rules = builtin_rules().context("built-in rules are invalid (this is a bug)")?;
    for p in cfg.rule_files.iter().chain(&src.rule_paths) {
        rules.extend(load_rule_path_in(cfg.files(), p)?);
    }
    check_unique_ids(&rules)?;
    let known: std::collections::HashSet<String> = rules.iter().map(|r| r.id().to_string()).collect();
    cfg.check_rule_ids(&|id| known.contains(id) || analyzers::knows_rule(id))?;
    let disabled: Vec<&str> = cfg.rules.disable.iter().map(|s| s.get_ref().as_str()).collect();
    rules.retain(|r| !disabled.contains(&r.id()));
    for r in &mut rules {
        if let Some(sev) = cfg.rules.severity.get(r.id()) {
            r.severity = *sev.get_ref();
        }
    }
    Ok(rules)
}

/// The secrets pipeline for a run (analyzers in their default configuration), and the descriptions of
/// its secret rules (and of the per-file limit's note).
pub fn secrets_pipeline(
    src: &RuleSourceArgs,
    limits: &LimitArgs,
    cfg: &Config,
    show_secrets: bool,
) -> Result<(Pipeline, Vec<RuleInfo>)> {
    let rules = load_rules(src, cfg)?;
    let mut rule_infos: Vec<RuleInfo> = rules.iter().map(Rule::info).collect();
    rule_infos.push(pipeline::capped_rule_info());
    let max = limits
        .max_findings_per_file
        .or(cfg.max_findings_per_file)
        .unwrap_or(pipeline::DEFAULT_MAX_FINDINGS_PER_FILE);
    let options = FindingOptions {
        show_secrets,
        max_findings_per_file: (max > 0).then_some(max),
    };
    let allow = Allowlist {
        regexes: cfg
            .allow_regexes
            .iter()
            .map(|(re, why)| (re.clone(), Arc::new(why.clone())))
            .collect(),
        value_hashes: cfg
            .allow_value_hashes
            .iter()
            .map(|(hash, why)| (hash.clone(), Arc::new(why.clone())))
            .collect(),
    };
    let min_confidence = limits
        .min_confidence
        .or(cfg.min_confidence)
        .unwrap_or(plimsoll::secrets::scanner::DEFAULT_MIN_CONFIDENCE);
    let scanner = Scanner::new(rules, allow)?.with_min_confidence(min_confidence);
    let pipeline = Pipeline::new(scanner, options);
    Ok((pipeline, rule_infos))
}

/// A working-tree run (`scan`, `baseline create`): its configuration, the pipeline with every analyzer
/// configured, the catalog of the rules that run, and what the walk does.
pub struct InputSettings {
    pub cfg: Config,
    pub pipeline: Pipeline,
    pub rule_infos: Vec<RuleInfo>,
    pub walk: WalkOptions,
    /// No summary and no progress on stderr.
    pub quiet: bool,
}

impl InputSettings {
    /// The configuration for a run over `input` (found at the first path, or `--config`).
    pub fn config(input: &InputArgs) -> Result<Config> {
        let root = input.paths.first().cloned().unwrap_or_else(|| PathBuf::from("."));
        load_config(&input.rules, &root)
    }

    /// Loads the rules (secrets and every analyzer's) for `cfg` and decides the walk.
    pub fn new(input: &InputArgs, cfg: Config, show_secrets: bool) -> Result<InputSettings> {
        let (pipeline, mut rule_infos) = secrets_pipeline(&input.rules, &input.limits, &cfg, show_secrets)?;
        let pipeline = pipeline
            .with_analyzers(analyzers::from_config(&cfg))
            .with_project_rules(analyzers::project_rules(&cfg));
        rule_infos.extend(pipeline.analyzer_rule_infos());
        let mut exclude = cfg.exclude.clone();
        exclude.extend(input.limits.exclude.iter().cloned());
        let walk = WalkOptions {
            paths: input.paths.clone(),
            no_ignore: input.no_ignore,
            skip_tool_ignore_files: input.rules.config_from.is_some(),
            exclude,
            threads: input.limits.threads,
            max_file_size: input.limits.max_file_size,
            progress: (input.limits.progress || std::io::stderr().is_terminal()) && !input.limits.quiet,
        };
        Ok(InputSettings {
            cfg,
            pipeline,
            rule_infos,
            walk,
            quiet: input.limits.quiet,
        })
    }
}

/// How a run's findings are reported and judged, decided before any scanning.
pub struct ReportSettings {
    pub format: Format,
    /// `None` is stdout.
    pub output: Option<PathBuf>,
    /// Further reports; `None` is stdout.
    pub reports: Vec<(Format, Option<PathBuf>)>,
    /// Colour the main report.
    pub color: bool,
    pub sarif_category: String,
    pub fail_on: FailOn,
    /// The baseline and the name its suppressions cite (the file).
    pub baseline: Option<(Baseline, String)>,
    /// Report suppressed findings too.
    pub include_suppressed: bool,
    /// No summary on stderr.
    pub quiet: bool,
    /// The directory finding paths are relative to (SARIF `%SRCROOT%`).
    pub srcroot: Option<PathBuf>,
    /// The git repository scanned (or holding the scanned directory), for the reports' provenance.
    pub source: Option<Provenance>,
    /// `--config-from`: the revision the configuration and baseline came from, for the summary.
    pub config_from: Option<ConfigFrom>,
    pub started: std::time::SystemTime,
}

impl ReportSettings {
    /// Refuses two reports aimed at the same file; call before loading anything else, so such a mistake
    /// fails first.
    pub fn check_targets(args: &ReportArgs) -> Result<()> {
        let mut seen: Vec<&Path> = args.output.iter().map(PathBuf::as_path).collect();
        for (_, path) in &args.reports {
            if path.as_os_str() != "-" && seen.contains(&path.as_path()) {
                bail!("{} is the target of two reports", path.display());
            }
            seen.push(path);
        }
        Ok(())
    }

    /// Reads the baseline `--baseline FILE` (or the config's `baseline`) names and decides the rest.
    pub fn new(
        args: &ReportArgs,
        cfg: &Config,
        quiet: bool,
        srcroot: Option<PathBuf>,
        mut source: Option<Provenance>,
        started: std::time::SystemTime,
    ) -> Result<ReportSettings> {
        let baseline = load_baseline(args, cfg)?;
        let config_from = cfg.files().revision().map(|rev| ConfigFrom {
            revision: rev.spec.clone(),
            commit: rev.commit.clone(),
            config: cfg.path.is_some().then(|| cfg.name().unwrap_or_default().to_string()),
            baseline: baseline.as_ref().map(|(_, name)| name.clone()),
        });
        if let Some(source) = &mut source {
            source.config_from = config_from.clone();
        }
        let color = match args.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                args.output.is_none() && std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
            }
        };
        Ok(ReportSettings {
            format: args.format,
            output: args.output.clone(),
            reports: args
                .reports
                .iter()
                .map(|(format, path)| (*format, (path.as_os_str() != "-").then(|| path.clone())))
                .collect(),
            color,
            sarif_category: args.sarif_category.clone(),
            fail_on: args.fail_on.or(cfg.fail_on).unwrap_or(FailOn::Note),
            baseline,
            include_suppressed: args.include_suppressed,
            quiet,
            // Canonical, as the repository's top is: SARIF compares the two.
            srcroot: srcroot.map(|d| std::fs::canonicalize(&d).unwrap_or(d)),
            source,
            config_from,
            started,
        })
    }
}

/// The provenance of a directory scan: the git repository containing the first path, if any (stdin has
/// none). Discovery reads files only; nothing the repository's configuration names is run.
pub fn scanned_repository(paths: &[PathBuf]) -> Option<Provenance> {
    let first = paths.first().map_or(Path::new("."), PathBuf::as_path);
    if first.as_os_str() == "-" {
        return None;
    }
    Repo::discover(first).ok().map(|repo| repo.provenance())
}

/// The baseline `--baseline FILE` (or the config's `baseline`) names, read from where the config was (the
/// working tree, or the `--config-from` revision), with the name suppressions cite; `None` when there is
/// none.
fn load_baseline(args: &ReportArgs, cfg: &Config) -> Result<Option<(Baseline, String)>> {
    let files = cfg.files();
    let path = match (&args.baseline, &cfg.baseline) {
        _ if args.no_baseline => return Ok(None),
        (Some(path), _) => path.clone(),
        (None, Some(from_config)) => {
            let path = from_config.get_ref();
            if files.get(path)? == Found::Absent {
                let at = files
                    .revision()
                    .map(|rev| format!(" at {}", rev.spec))
                    .unwrap_or_default();
                return Err(cfg
                    .error_at(
                        from_config.span(),
                        format!(
                            "baseline {} does not exist{at}; create it with `plimsoll baseline create -o {}`",
                            files.name(path),
                            path.display()
                        ),
                    )
                    .into());
            }
            path.clone()
        }
        (None, None) => return Ok(None),
    };
    Ok(Some((Baseline::load_in(files, &path)?, files.name(&path))))
}
