//! Path and file helpers that several layers need (the config, the walker, git, the reports, the
//! baseline): exclusion globs, display paths and atomic-write temp files. It sits at the bottom of the
//! crate, next to `finding` and `error`, and imports nothing from it, so those layers never import each
//! other for a helper.

use globset::{Glob, GlobSet, GlobSetBuilder};
use std::io;
use std::path::Path;

/// Display path of standard input (`-` on the command line).
pub const STDIN_PATH: &str = "<stdin>";

/// Compiles exclusion globs with gitignore-like meaning: a glob without `/` matches at any depth, and
/// `dir/**` also matches `dir` itself so whole directories are pruned.
pub fn exclusion_set(globs: &[String]) -> Result<GlobSet, String> {
    let mut b = GlobSetBuilder::new();
    for g in globs {
        let g = g.trim_start_matches("./");
        let mut add = |p: &str| -> Result<(), String> {
            b.add(Glob::new(p).map_err(|e| format!("bad exclude glob {g:?}: {e}"))?);
            Ok(())
        };
        let anchored = g.trim_start_matches('/');
        add(anchored)?;
        if !g.contains('/') {
            add(&format!("**/{anchored}"))?;
        }
        if let Some(dir) = anchored.strip_suffix("/**") {
            add(dir)?;
            if !dir.contains('/') {
                add(&format!("**/{dir}"))?;
            }
        }
    }
    b.build().map_err(|e| e.to_string())
}

/// Display form of a path: `./` stripped, `/`-separated, lossy for non-UTF-8 names.
pub fn display_path(p: &Path) -> String {
    let s = p.to_string_lossy();
    let s = s.strip_prefix("./").unwrap_or(&s);
    if cfg!(windows) {
        s.replace('\\', "/")
    } else {
        s.to_string()
    }
}

/// A temporary file in `path`'s directory, to be renamed over `path`. It gets the permissions of the file it
/// replaces, or 0644: tempfile's private 0600 would make reports unreadable to other CI users.
pub fn temp_file_beside(path: &Path) -> io::Result<tempfile::NamedTempFile> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let tmp = tempfile::NamedTempFile::new_in(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode() & 0o7777);
        tmp.as_file().set_permissions(std::fs::Permissions::from_mode(mode))?;
    }
    Ok(tmp)
}

/// `a/./b/../c` -> `a/c`, without touching the disk (symlinks are not resolved; a leading `..` stays).
pub fn normalize_path(p: &Path) -> std::path::PathBuf {
    use std::path::Component;
    let mut out = std::path::PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => match out.components().next_back() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => out.push(".."),
            },
            other => out.push(other.as_os_str()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exclusion_globs_behave_like_gitignore() {
        let set = exclusion_set(&["corpus/**".into(), "*.min.js".into(), "tests/fixtures/**".into()]).unwrap();
        assert!(set.is_match("corpus"));
        assert!(set.is_match("corpus/a/b.txt"));
        assert!(set.is_match("web/app.min.js"));
        assert!(set.is_match("tests/fixtures"));
        assert!(!set.is_match("src/corpus.rs"));
    }

    #[test]
    fn normalized_paths() {
        assert_eq!(normalize_path(Path::new("./a/./b/../c")), Path::new("a/c"));
        assert_eq!(normalize_path(Path::new("a/../../c")), Path::new("../c"));
        assert_eq!(normalize_path(Path::new("/x/./y")), Path::new("/x/y"));
    }
}
