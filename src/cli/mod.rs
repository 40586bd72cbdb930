//! Flag definitions (clap) and the command runners that turn them into library calls: one file per
//! command, the flag groups several commands share in [`args`], and [`settings`], where raw flags become
//! validated settings once. Exit codes: 0 clean, 1 findings at or above `--fail-on`, 2 error.

mod args;
mod baseline;
mod git;
mod hook;
mod report;
mod rules;
mod scan;
mod settings;

use anyhow::Result;
use args::RuleSourceArgs;
use baseline::BaselineCommand;
use clap::{Parser, Subcommand};
use git::GitArgs;
use hook::HookCommand;
use plimsoll::config;
use rules::{RulesArgs, RulesCommand};
use scan::ScanArgs;
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

pub fn run() -> Result<ExitCode> {
    let cli = Cli::parse();
    match cli.command {
        Command::Scan(args) => scan::scan(args),
        Command::Rules(args) => match args.command {
            Some(RulesCommand::Check { paths }) => rules::rules_check(&paths),
            None => rules::rules_list(&args.rules, args.format),
        },
        Command::Explain { rule_id, rules } => rules::explain(&rule_id, &rules),
        Command::Init { dir } => init(&dir),
        Command::Baseline(BaselineCommand::Create { output, input }) => baseline::baseline_create(&input, output),
        Command::Git(args) => git::git_scan(args),
        Command::Hook(command) => hook::hook_command(command),
    }
}

fn init(dir: &Path) -> Result<ExitCode> {
    let path = config::write_starter(dir)?;
    eprintln!("plimsoll: wrote {}; every setting in it is commented", path.display());
    Ok(ExitCode::SUCCESS)
}
