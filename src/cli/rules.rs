//! `plimsoll rules`, `plimsoll rules check` and `plimsoll explain`: the rule catalog for users.

use super::args::RuleSourceArgs;
use super::settings::{load_config, load_rules};
use anyhow::{Result, bail};
use clap::{Args, Subcommand, ValueEnum};
use plimsoll::analyzer::{Analyzer, RuleState};
use plimsoll::analyzers;
use plimsoll::pipeline;
use plimsoll::secrets::rule::{builtin_rules, check_unique_ids, load_rule_path};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct RulesArgs {
    #[command(subcommand)]
    pub command: Option<RulesCommand>,
    #[arg(long, short = 'f', value_enum, default_value = "text")]
    pub format: ListFormat,
    #[command(flatten)]
    pub rules: RuleSourceArgs,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

#[derive(Subcommand)]
pub enum RulesCommand {
    /// Validate rule files: ids, regexes, keywords, and every (negative) example through the real scanner.
    /// Without PATH, checks the built-in rules.
    Check {
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
}

pub fn rules_list(src: &RuleSourceArgs, format: ListFormat) -> Result<ExitCode> {
    let cfg = load_config(src, Path::new("."))?;
    let rules = load_rules(src, &cfg)?;
    let analyzers: Vec<(Box<dyn Analyzer>, Vec<RuleState>)> = analyzers::from_config(&cfg)
        .into_iter()
        .map(|a| {
            let catalog = a.catalog();
            (a, catalog)
        })
        .collect();
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
            struct AnalyzerEntry {
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
                Analyzer(AnalyzerEntry),
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
            for (analyzer, catalog) in analyzers {
                entries.extend(catalog.into_iter().map(|RuleState { info, active }| {
                    AnyEntry::Analyzer(AnalyzerEntry {
                        enabled: active,
                        severity: info.severity,
                        id: info.id,
                        name: info.name,
                        category: analyzer.name(),
                        summary: info.summary,
                        docs: info.docs,
                        twins: info.twins,
                        cwe: info.cwe,
                        enabled_by_default: info.enabled_by_default,
                    })
                }));
            }
            let doc = Doc {
                version: 1,
                rules: entries,
            };
            let mut out = std::io::stdout().lock();
            serde_json::to_writer_pretty(&mut out, &doc)?;
            println!();
        }
        ListFormat::Text => {
            let width = rules
                .iter()
                .map(|r| r.id().len())
                .chain(analyzers.iter().flat_map(|(_, c)| c.iter().map(|s| s.info.id.len())))
                .max()
                .unwrap_or(0);
            for r in &rules {
                println!("{:width$}  {:7}  {}", r.id(), r.severity.as_str(), r.syntax.name);
            }
            for state in analyzers.iter().flat_map(|(_, c)| c) {
                let info = &state.info;
                let off = if state.active { "" } else { "  (off)" };
                println!(
                    "{:width$}  {:7}  {}: {}{off}",
                    info.id,
                    info.severity.as_str(),
                    info.name,
                    info.summary
                );
            }
            let providers: std::collections::HashSet<&str> =
                rules.iter().map(|r| r.id().split('.').next().unwrap_or("")).collect();
            let mut summary = format!("{} secret rules, {} providers", rules.len(), providers.len());
            for (analyzer, catalog) in &analyzers {
                summary.push_str(&format!(
                    "; {} {} rules ({} active)",
                    catalog.len(),
                    analyzer.title(),
                    catalog.iter().filter(|s| s.active).count()
                ));
            }
            eprintln!("{summary}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn rules_check(paths: &[PathBuf]) -> Result<ExitCode> {
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

pub fn explain(id: &str, src: &RuleSourceArgs) -> Result<ExitCode> {
    let cfg = load_config(src, Path::new("."))?;
    let rules = load_rules(src, &cfg)?;
    for analyzer in analyzers::from_config(&cfg) {
        if let Some(state) = analyzer.catalog().into_iter().find(|s| s.is_named(id)) {
            let info = &state.info;
            println!("{} — {}\n", info.id, info.name);
            let on = if state.active { "on" } else { "off" };
            println!("severity: {}   category: {}   {on}\n", info.severity, analyzer.name());
            println!("{}", info.docs.trim_end());
            return Ok(ExitCode::SUCCESS);
        }
    }
    if id == pipeline::CAPPED_RULE_ID {
        let info = pipeline::capped_rule_info();
        println!("{} — {}\n", info.id, info.name);
        println!("severity: {}   category: meta\n", info.severity);
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
