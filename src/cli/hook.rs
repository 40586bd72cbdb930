//! `plimsoll hook install|uninstall`: the git hooks that run plimsoll.

use anyhow::{Context, Result};
use clap::Subcommand;
use plimsoll::git::{Repo, hook};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum HookCommand {
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

pub fn hook_command(command: HookCommand) -> Result<ExitCode> {
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
