//! Which code a report is about: the repository (its `origin` URL with credentials removed), the commit
//! checked out, the branch, and for `plimsoll git` the commits scanned. Filled in by the CLI from
//! [`crate::git::Repo::provenance`] and [`crate::git::GitStats`]; SARIF prints it as
//! `versionControlProvenance`, JSON as the `source` object.
//!
//! A remote URL is configuration anyone can write into `.git/config`, and CI systems put tokens in it
//! (`https://x-access-token:TOKEN@github.com/...`). [`public_repository_uri`] is the only way a URL gets into a
//! [`Provenance`], and it never keeps the user-info part, a query or a fragment.
//!
//! ```
//! use plimsoll::provenance::public_repository_uri;
//! assert_eq!(
//!     public_repository_uri("https://user:tok3n@example.test/org/repo.git").as_deref(),
//!     Some("https://example.test/org/repo.git")
//! );
//! assert_eq!(
//!     public_repository_uri("git@example.test:org/repo.git").as_deref(),
//!     Some("ssh://example.test/org/repo.git")
//! );
//! ```

use serde::Serialize;
use std::path::{Path, PathBuf};

/// Where the scanned content came from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Provenance {
    /// The fetch URL of the default remote (`origin`, or the only remote), credentials removed; `None`
    /// when the repository has no remote.
    pub repository_uri: Option<String>,
    /// Which remote `repository_uri` is.
    pub remote: Option<String>,
    /// The commit `HEAD` points at; `None` in a repository without commits.
    pub revision_id: Option<String>,
    /// The branch `HEAD` is on (`main`); `None` when `HEAD` is detached.
    pub branch: Option<String>,
    pub detached: bool,
    /// The top of the working tree (or the git directory of a bare repository). Not serialized: SARIF
    /// maps it to `%SRCROOT%`, and paths in JSON are already relative to the scan.
    #[serde(skip)]
    pub root: PathBuf,
    /// `plimsoll git` only: what was scanned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scanned: Option<ScannedCommits>,
    /// `--config-from REF` only: the revision the configuration and baseline were read from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub config_from: Option<ConfigFrom>,
}

/// Where a `--config-from` run took its settings: the working tree's copies were not read.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ConfigFrom {
    /// The revision as given (`origin/main`).
    pub revision: String,
    /// The commit it resolved to.
    pub commit: String,
    /// The config file read (`origin/main:.plimsoll.toml`); `None` when the revision has none and the
    /// defaults applied.
    pub config: Option<String>,
    /// The baseline read (`origin/main:.plimsoll-baseline.json`), if any.
    pub baseline: Option<String>,
}

/// The commits a `plimsoll git` run looked at.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ScannedCommits {
    /// `history`, `range`, `staged` or `pre-push`.
    pub mode: String,
    /// What was walked, in `git rev-list` syntax with full ids (`<tip> ^<excluded>`, `--since=...`); for
    /// `staged`, the commit the index was compared with.
    pub revisions: Vec<String>,
    /// How many commits were scanned.
    pub commits: u64,
}

impl Provenance {
    /// `repository_uri`, or the `file://` URI of the repository on this machine when it has no remote
    /// (SARIF requires some repository URI).
    pub fn repository_uri_or_local(&self) -> String {
        self.repository_uri
            .clone()
            .unwrap_or_else(|| file_uri(&self.root, true))
    }
}

/// `url` as a URI that can be published: scheme, host, port and path only. `https://user:token@host/p?x#y`
/// becomes `https://host/p`; scp-like `user@host:path` becomes `ssh://host/path`; an absolute local path
/// becomes a `file://` URI. `None` for what cannot be made into an absolute URI (a relative path, empty
/// text).
pub fn public_repository_uri(url: &str) -> Option<String> {
    let url = url.trim();
    if url.is_empty() || url.chars().any(char::is_control) {
        return None;
    }
    if let Some((scheme, rest)) = url.split_once("://")
        && !scheme.is_empty()
        && scheme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
    {
        let scheme = scheme.to_ascii_lowercase();
        let rest = rest.split(['?', '#']).next().unwrap_or("");
        let (authority, path) = match rest.find('/') {
            Some(i) => rest.split_at(i),
            None => (rest, ""),
        };
        // Everything up to the last `@` is user info (a user name, `user:password`, or a token).
        let host = authority.rsplit_once('@').map_or(authority, |(_, host)| host);
        if scheme == "file" {
            return Some(format!("file://{}", encode(if path.is_empty() { "/" } else { path })));
        }
        if host.is_empty() {
            return None;
        }
        return Some(format!("{scheme}://{}{}", encode(host), encode(path)));
    }
    let path = Path::new(url);
    if path.is_absolute() {
        return Some(file_uri(path, false));
    }
    // scp-like syntax: `[user@]host:path`, where no `/` comes before the first `:`.
    if let Some((before, path)) = url.split_once(':')
        && !before.contains('/')
        && !path.starts_with("//")
    {
        let host = before.rsplit_once('@').map_or(before, |(_, host)| host);
        if host.is_empty() {
            return None;
        }
        let path = path.split(['?', '#']).next().unwrap_or("");
        let path = path.trim_start_matches('/');
        return Some(format!("ssh://{}/{}", encode(host), encode(path)));
    }
    None
}

/// `file:///abs/path` (with a trailing `/` when `directory`), percent-encoded.
pub fn file_uri(path: &Path, directory: bool) -> String {
    let mut s = path.to_string_lossy().replace('\\', "/");
    if !s.starts_with('/') {
        s.insert(0, '/');
    }
    if directory && !s.ends_with('/') {
        s.push('/');
    }
    format!("file://{}", encode(&s))
}

/// `path` with `.` and `..` components resolved without touching the file system.
pub fn lexically_normal(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Percent-encodes what may not appear in a URI (spaces, non-ASCII, `%` itself is kept as it is likely
/// already an escape).
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/:[]!$&'()*+,;=%".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_queries_and_fragments_never_survive() {
        let cases = [
            (
                "https://user:tok3n@example.test/org/repo.git",
                "https://example.test/org/repo.git",
            ),
            (
                "https://x-access-token:ghs_abc@github.com/o/r",
                "https://github.com/o/r",
            ),
            ("https://tok3n@example.test/r.git", "https://example.test/r.git"),
            (
                "ssh://user:pass@example.test:2222/r.git",
                "ssh://example.test:2222/r.git",
            ),
            ("ssh://git@example.test/r.git", "ssh://example.test/r.git"),
            (
                "HTTPS://a:b@c@example.test/r?private_token=x#frag",
                "https://example.test/r",
            ),
            ("git@example.test:org/repo.git", "ssh://example.test/org/repo.git"),
            ("example.test:org/repo.git", "ssh://example.test/org/repo.git"),
            ("git://example.test/repo", "git://example.test/repo"),
            ("/srv/git/my repo.git", "file:///srv/git/my%20repo.git"),
            ("file:///srv/git/repo.git", "file:///srv/git/repo.git"),
            ("file://user:pw@/srv/x", "file:///srv/x"),
        ];
        for (given, expected) in cases {
            assert_eq!(public_repository_uri(given).as_deref(), Some(expected), "{given}");
        }
        for bad in ["", "../relative/path", "https://user:pw@/path", "a\nb"] {
            assert_eq!(public_repository_uri(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn without_a_remote_the_local_repository_is_named() {
        let p = Provenance {
            root: PathBuf::from("/work/my repo"),
            ..Provenance::default()
        };
        assert_eq!(p.repository_uri_or_local(), "file:///work/my%20repo/");
    }
}
