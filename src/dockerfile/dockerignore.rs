//! `.dockerignore`: which paths of the build context a `COPY . …` leaves out. The linter reads the file that
//! BuildKit would use (`<Dockerfile>.dockerignore` next to the Dockerfile, else `.dockerignore` at the root of
//! the context, which plimsoll takes to be the Dockerfile's directory) and the rules DF017/DF018 ask it about
//! paths that must never reach an image.
//!
//! Matching follows Docker's: patterns are relative to the context root (a leading `/` is dropped), `*` and
//! `?` do not cross `/`, `**` crosses any number of directories, a pattern that matches a directory excludes
//! everything in it, `!pattern` re-includes, and the last matching pattern wins.

use globset::{GlobBuilder, GlobMatcher};
use std::path::{Path, PathBuf};

/// A parsed `.dockerignore`.
#[derive(Debug, Default)]
pub struct DockerIgnore {
    /// Where it was read from, for messages.
    pub path: String,
    patterns: Vec<(GlobMatcher, bool)>,
}

impl DockerIgnore {
    /// Parses the text of a `.dockerignore`. Patterns that do not compile are skipped, as Docker would fail
    /// the build on them anyway.
    pub fn parse(path: impl Into<String>, text: &str) -> DockerIgnore {
        let mut patterns = Vec::new();
        for line in text.trim_start_matches('\u{feff}').lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (negate, pat) = match line.strip_prefix('!') {
                Some(p) => (true, p.trim()),
                None => (false, line),
            };
            let pat = clean(pat);
            if pat.is_empty() {
                continue;
            }
            if let Ok(g) = GlobBuilder::new(&pat)
                .literal_separator(true)
                .backslash_escape(true)
                .build()
            {
                patterns.push((g.compile_matcher(), negate));
            }
        }
        DockerIgnore {
            path: path.into(),
            patterns,
        }
    }

    /// Reads the ignore file BuildKit uses for `dockerfile` built with its own directory as context.
    /// `Ok(None)` when there is none.
    pub fn for_dockerfile(dockerfile: &Path) -> std::io::Result<Option<DockerIgnore>> {
        DockerIgnore::for_build(dockerfile, dockerfile.parent().unwrap_or(Path::new("")))
    }

    /// Reads the ignore file BuildKit uses for `dockerfile` built with context directory `context`:
    /// `<Dockerfile>.dockerignore` next to the Dockerfile, else `.dockerignore` at the context root.
    pub fn for_build(dockerfile: &Path, context: &Path) -> std::io::Result<Option<DockerIgnore>> {
        let dir = dockerfile.parent().unwrap_or(Path::new(""));
        let mut candidates: Vec<PathBuf> = Vec::new();
        if let Some(name) = dockerfile.file_name() {
            let mut specific = name.to_os_string();
            specific.push(".dockerignore");
            candidates.push(dir.join(specific));
        }
        candidates.push(context.join(".dockerignore"));
        for c in candidates {
            match std::fs::read(&c) {
                Ok(bytes) => {
                    let display = crate::fsutil::display_path(&c);
                    return Ok(Some(DockerIgnore::parse(display, &String::from_utf8_lossy(&bytes))));
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) if e.kind() == std::io::ErrorKind::IsADirectory => continue,
                Err(e) => return Err(e),
            }
        }
        Ok(None)
    }

    /// Whether `path` (relative to the context root, `/`-separated) is left out of the context.
    pub fn excludes(&self, path: &str) -> bool {
        let path = path.trim_matches('/');
        let parts: Vec<&str> = path.split('/').collect();
        let mut excluded = false;
        for (m, negate) in &self.patterns {
            // A pattern that matches the path or one of its parent directories applies to it.
            let hit = (1..=parts.len()).any(|n| m.is_match(parts[..n].join("/")));
            if hit {
                excluded = !negate;
            }
        }
        excluded
    }
}

impl crate::facts::ContextIgnore for DockerIgnore {
    fn excludes(&self, rel: &str) -> bool {
        DockerIgnore::excludes(self, rel)
    }

    fn path(&self) -> &str {
        &self.path
    }
}

/// Docker's `filepath.Clean` plus dropping a leading `/`.
fn clean(pattern: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    for part in pattern.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                out.pop();
            }
            p => out.push(p),
        }
    }
    out.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docker_semantics() {
        let d = DockerIgnore::parse(
            ".dockerignore",
            "# c\n/.git/\n*.md\n!README.md\n**/node_modules\n.env*\n",
        );
        assert!(d.excludes(".git"));
        assert!(d.excludes(".git/HEAD"));
        assert!(d.excludes("CHANGES.md"));
        assert!(!d.excludes("README.md"));
        assert!(!d.excludes("docs/x.md"), "`*` does not cross `/`");
        assert!(d.excludes("node_modules"));
        assert!(d.excludes("web/node_modules/x"));
        assert!(d.excludes(".env.local"));
        assert!(!d.excludes("src/main.rs"));
    }

    #[test]
    fn allowlist_style() {
        let d = DockerIgnore::parse("x", "*\n!src\n!Cargo.toml\n");
        assert!(d.excludes(".git"));
        assert!(d.excludes("id_rsa"));
        assert!(!d.excludes("src/main.rs"));
    }
}
