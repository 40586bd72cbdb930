//! `plimsoll hook install|uninstall`: writes (or removes) a git hook script that runs `plimsoll git
//! --pre-push` or `plimsoll git --staged`. Honours `core.hooksPath`. A hook file that plimsoll did not write
//! is never overwritten without `force`, and then it is kept as `<hook>.plimsoll-backup` and restored by
//! `uninstall`.

use super::Repo;
use crate::error::{Error, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Every script we write contains this line; it is how we recognise our own hooks.
pub const MARKER: &str = "# plimsoll-managed-hook";
const BACKUP_SUFFIX: &str = ".plimsoll-backup";

/// Which hook.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HookKind {
    /// Scans the commits being pushed (`plimsoll git --pre-push`).
    PrePush,
    /// Scans the staged changes (`plimsoll git --staged`).
    PreCommit,
}

impl HookKind {
    pub fn file_name(self) -> &'static str {
        match self {
            HookKind::PrePush => "pre-push",
            HookKind::PreCommit => "pre-commit",
        }
    }

    fn command(self) -> &'static str {
        match self {
            HookKind::PrePush => "git --pre-push \"$1\" \"$2\"",
            HookKind::PreCommit => "git --staged",
        }
    }

    fn bypass(self) -> &'static str {
        match self {
            HookKind::PrePush => "git push --no-verify",
            HookKind::PreCommit => "git commit --no-verify",
        }
    }
}

/// What `install` did.
#[derive(Debug)]
pub struct Installed {
    pub path: PathBuf,
    /// Where a foreign hook replaced with `force` was moved.
    pub backup: Option<PathBuf>,
    /// An older plimsoll hook was updated in place.
    pub updated: bool,
}

/// What `uninstall` found for one hook.
#[derive(Debug, PartialEq, Eq)]
pub enum Removal {
    Removed {
        path: PathBuf,
        restored: Option<PathBuf>,
    },
    NotInstalled {
        path: PathBuf,
    },
    /// A hook exists but plimsoll did not write it: left alone.
    NotOurs {
        path: PathBuf,
    },
}

/// The directory git runs hooks from: `core.hooksPath` (relative to the working tree top, or to the git
/// directory in a bare repository) or `hooks/` in the common git directory.
pub fn hooks_dir(repo: &Repo) -> Result<PathBuf> {
    let local = repo.local();
    let configured = local
        .config_snapshot()
        .trusted_path("core.hooksPath")
        .map_err(|e| repo.error(format!("core.hooksPath: {e}")))?;
    Ok(match configured {
        Some(p) if p.is_absolute() => p,
        Some(p) => repo.workdir().unwrap_or(repo.git_dir()).join(p),
        None => local.common_dir().join("hooks"),
    })
}

/// The script for `kind`, calling the plimsoll binary at `exe` (or the one on `PATH` if that moved).
pub fn script(kind: HookKind, exe: &Path) -> String {
    let exe = exe.to_string_lossy().replace('\'', r"'\''");
    format!(
        "#!/bin/sh\n\
         {MARKER}: written by `plimsoll hook install`; `plimsoll hook uninstall` removes it.\n\
         # Blocks a {what} that adds hard-coded secrets. To bypass once, if you are sure: {bypass}\n\
         plimsoll='{exe}'\n\
         if ! [ -x \"$plimsoll\" ]; then\n\
         \x20 plimsoll=$(command -v plimsoll) || {{\n\
         \x20   echo \"plimsoll {name} hook: plimsoll is not installed or not on PATH (remove this hook with: plimsoll hook uninstall)\" >&2\n\
         \x20   exit 1\n\
         \x20 }}\n\
         fi\n\
         exec \"$plimsoll\" {command}\n",
        what = if kind == HookKind::PrePush { "push" } else { "commit" },
        bypass = kind.bypass(),
        name = kind.file_name(),
        command = kind.command(),
    )
}

fn is_ours(path: &Path) -> bool {
    std::fs::read(path).is_ok_and(|b| b.windows(MARKER.len()).any(|w| w == MARKER.as_bytes()))
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Writes the hook. Refuses to replace a hook plimsoll did not write unless `force`.
pub fn install(repo: &Repo, kind: HookKind, force: bool, exe: &Path) -> Result<Installed> {
    let dir = hooks_dir(repo)?;
    std::fs::create_dir_all(&dir).map_err(io(&dir))?;
    let path = dir.join(kind.file_name());
    let exists = path.symlink_metadata().is_ok();
    let ours = exists && is_ours(&path);
    let mut backup = None;
    if exists && !ours {
        if !force {
            return Err(Error::Usage(format!(
                "{} already exists and was not written by plimsoll; not replacing it. Add a call to \
                 `plimsoll {}` to it yourself, or use --force to replace it (it is kept as {}{BACKUP_SUFFIX} and \
                 restored by `plimsoll hook uninstall`)",
                path.display(),
                kind.command()
                    .replace(" \"$1\" \"$2\"", " \"$1\" \"$2\" (with the hook's stdin)"),
                kind.file_name()
            )));
        }
        let b = free_backup_path(&path);
        std::fs::rename(&path, &b).map_err(io(&path))?;
        backup = Some(b);
    }
    let mut tmp = tempfile::NamedTempFile::new_in(&dir).map_err(io(&dir))?;
    tmp.write_all(script(kind, exe).as_bytes()).map_err(io(&path))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o755))
            .map_err(io(&path))?;
    }
    tmp.persist(&path).map_err(|e| Error::Io {
        path: path.clone(),
        source: e.error,
    })?;
    Ok(Installed {
        path,
        backup,
        updated: ours,
    })
}

/// `<hook>.plimsoll-backup`, or `.plimsoll-backup.N` if that is taken: a backup is never overwritten.
fn free_backup_path(hook: &Path) -> PathBuf {
    let base = format!("{}{BACKUP_SUFFIX}", hook.display());
    let mut candidate = PathBuf::from(&base);
    let mut n = 1;
    while candidate.symlink_metadata().is_ok() {
        candidate = PathBuf::from(format!("{base}.{n}"));
        n += 1;
    }
    candidate
}

/// Removes plimsoll's hook of `kind` (a hook plimsoll did not write is left alone) and restores the hook
/// that `install --force` backed up.
pub fn uninstall(repo: &Repo, kind: HookKind) -> Result<Removal> {
    let dir = hooks_dir(repo)?;
    let path = dir.join(kind.file_name());
    if path.symlink_metadata().is_err() {
        return Ok(Removal::NotInstalled { path });
    }
    if !is_ours(&path) {
        return Ok(Removal::NotOurs { path });
    }
    std::fs::remove_file(&path).map_err(io(&path))?;
    let backup = PathBuf::from(format!("{}{BACKUP_SUFFIX}", path.display()));
    let restored = if backup.symlink_metadata().is_ok() {
        std::fs::rename(&backup, &path).map_err(io(&backup))?;
        Some(path.clone())
    } else {
        None
    };
    Ok(Removal::Removed { path, restored })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_are_marked_and_quote_the_binary_path() {
        let s = script(HookKind::PrePush, Path::new("/opt/it's here/plimsoll"));
        assert!(s.starts_with("#!/bin/sh\n"));
        assert!(s.contains(MARKER));
        assert!(s.contains(r"plimsoll='/opt/it'\''s here/plimsoll'"));
        assert!(s.contains("git --pre-push \"$1\" \"$2\""));
        assert!(script(HookKind::PreCommit, Path::new("p")).contains("exec \"$plimsoll\" git --staged\n"));
    }
}
