//! The build context as `docker build` sends it: the files under the context directory (the Dockerfile's
//! directory by default, `# plimsoll context=../..` in the Dockerfile, or whatever a caller such as a compose
//! `build.context` names), minus what the `.dockerignore` excludes. DF018 asks it which files a `COPY`/`ADD`
//! really puts into the image and which of them are sensitive (`.env` files, private keys, cloud and
//! package-registry credentials with tokens in them, `.git/`, `node_modules/`, database dumps).
//!
//! Listing a directory is the expensive part, so a [`ContextCache`] shared by every worker lists each
//! context directory once, however many Dockerfiles build from it; the per-Dockerfile ignore file is
//! applied afterwards. A listing stops at [`MAX_CONTEXT_ENTRIES`] entries and never follows symlinks;
//! `.git/` and `node_modules/` are recorded as one entry each, not descended into.

use super::dockerignore::DockerIgnore;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Entries listed per context directory at most; beyond that the listing is marked truncated.
pub const MAX_CONTEXT_ENTRIES: usize = 50_000;

/// Directories recorded as one entry (`name/`) and not descended into: they are large, and whether they
/// ship is decided by the directory alone.
const OPAQUE_DIRS: &[&str] = &[".git", "node_modules"];

/// The files of one context directory, relative and `/`-separated; opaque directories end with `/`.
#[derive(Debug, Default)]
pub struct ContextListing {
    pub root: PathBuf,
    pub entries: Vec<String>,
    /// The entries whose name can make them sensitive ([`sensitive`] may still say no after reading
    /// them): what a `COPY` is checked against, so a context of thousands of files costs one pass.
    pub candidates: Vec<String>,
    /// More entries exist than were listed.
    pub truncated: bool,
}

impl ContextListing {
    /// Lists `root` (see the module docs for the limits).
    pub fn list(root: &Path) -> std::io::Result<ContextListing> {
        let mut listing = ContextListing {
            root: root.to_path_buf(),
            ..Default::default()
        };
        let mut stack = vec![(root.to_path_buf(), String::new())];
        // The root itself must be readable; below it, unreadable directories are skipped.
        let mut first = true;
        while let Some((dir, prefix)) = stack.pop() {
            let rd = match std::fs::read_dir(&dir) {
                Ok(rd) => rd,
                Err(e) if first => return Err(e),
                Err(_) => continue,
            };
            first = false;
            for entry in rd.flatten() {
                if listing.entries.len() >= MAX_CONTEXT_ENTRIES {
                    listing.truncated = true;
                    stack.clear();
                    break;
                }
                let name = entry.file_name().to_string_lossy().into_owned();
                let rel = format!("{prefix}{name}");
                let Ok(kind) = entry.file_type() else { continue };
                if kind.is_dir() {
                    if OPAQUE_DIRS.contains(&name.as_str()) {
                        listing.entries.push(format!("{rel}/"));
                    } else {
                        stack.push((entry.path(), format!("{rel}/")));
                    }
                } else if kind.is_file() {
                    listing.entries.push(rel);
                }
            }
        }
        listing.entries.sort();
        listing.candidates = listing
            .entries
            .iter()
            .filter(|e| {
                sensitive(e, &|| {
                    Some(b"PRIVATE KEY-----\"auth\" private_key _authToken password".to_vec())
                })
                .is_some()
            })
            .cloned()
            .collect();
        Ok(listing)
    }
}

/// Context listings shared by every worker thread, one per context directory.
#[derive(Default)]
pub struct ContextCache {
    listings: Mutex<HashMap<PathBuf, Arc<std::io::Result<ContextListing>>>>,
}

impl std::fmt::Debug for ContextCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ContextCache")
    }
}

impl ContextCache {
    /// The listing of `root`, listed on first use.
    pub fn get(&self, root: &Path) -> Arc<std::io::Result<ContextListing>> {
        let key = root.to_path_buf();
        if let Some(l) = self.listings.lock().unwrap().get(&key) {
            return l.clone();
        }
        // Listed outside the lock: two threads may list the same directory once each, never block.
        let listing = Arc::new(ContextListing::list(root));
        self.listings.lock().unwrap().entry(key).or_insert(listing).clone()
    }
}

/// The context directory of the Dockerfile at `dockerfile`: its directory, or the directory a
/// `# plimsoll context=<dir>` comment names (relative to the Dockerfile's directory).
pub fn context_dir(dockerfile: &Path, text: &str) -> PathBuf {
    let dir = match dockerfile.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    match context_pragma(text) {
        Some(rel) => dir.join(rel),
        None => dir,
    }
}

/// The value of a `# plimsoll context=<dir>` comment, if the file has one.
pub fn context_pragma(text: &str) -> Option<&str> {
    text.lines().find_map(|l| {
        let body = l.trim_start().strip_prefix('#')?.trim_start();
        let rest = body.strip_prefix("plimsoll")?.trim_start();
        let v = rest.strip_prefix("context=")?.trim();
        (!v.is_empty()).then_some(v)
    })
}

/// Why a shipped file is sensitive, if it is. `read` gives the file's content (for credential files that
/// matter only when they hold a token).
pub fn sensitive(rel: &str, read: &dyn Fn() -> Option<Vec<u8>>) -> Option<&'static str> {
    if let Some(dir) = rel.strip_suffix('/') {
        return match dir.rsplit('/').next().unwrap_or(dir) {
            ".git" => Some("the git history"),
            "node_modules" => Some("host-built dependencies"),
            _ => None,
        };
    }
    let name = rel.rsplit('/').next().unwrap_or(rel);
    let lower = name.to_ascii_lowercase();
    let template = [".example", ".sample", ".template", ".dist", ".tmpl", ".defaults"]
        .iter()
        .any(|s| lower.ends_with(s));
    if (lower == ".env" || lower.starts_with(".env.") || lower.ends_with(".env")) && !template {
        return Some("environment file");
    }
    if matches!(lower.as_str(), "id_rsa" | "id_dsa" | "id_ecdsa" | "id_ed25519") {
        return Some("SSH private key");
    }
    if lower.ends_with(".pem") || lower.ends_with(".key") {
        let head = read().unwrap_or_default();
        let head = &head[..head.len().min(64 * 1024)];
        return memchr::memmem::find(head, b"PRIVATE KEY-----").map(|_| "private key");
    }
    if lower.ends_with(".p12") || lower.ends_with(".pfx") || lower.ends_with(".jks") || lower.ends_with(".keystore") {
        return Some("key store");
    }
    let parent_is = |d: &str| {
        rel.strip_suffix(name)
            .is_some_and(|p| p.trim_end_matches('/').ends_with(d))
    };
    if lower == "credentials" && parent_is(".aws") {
        return Some("AWS credentials");
    }
    if lower == "config.json" && parent_is(".docker") {
        return contains_any(&read().unwrap_or_default(), &[b"\"auth\"", b"\"identitytoken\""])
            .then_some("Docker registry credentials");
    }
    if lower == ".git-credentials" {
        return Some("git credentials");
    }
    if matches!(
        lower.as_str(),
        "credentials.json" | "service-account.json" | "gcp-key.json"
    ) || (lower.ends_with(".json") && lower.contains("service-account"))
    {
        return contains_any(
            &read().unwrap_or_default(),
            &[b"private_key", b"client_secret", b"refresh_token"],
        )
        .then_some("cloud credentials");
    }
    if matches!(lower.as_str(), ".npmrc" | ".yarnrc" | ".yarnrc.yml") {
        return contains_any(
            &read().unwrap_or_default(),
            &[b"_authToken", b"_auth", b"_password", b"npmAuthToken"],
        )
        .then_some("registry token");
    }
    if lower == ".pypirc" {
        return contains_any(&read().unwrap_or_default(), &[b"password"]).then_some("PyPI credentials");
    }
    if lower == ".netrc" || lower == "_netrc" {
        return contains_any(&read().unwrap_or_default(), &[b"password"]).then_some("netrc credentials");
    }
    if [".sql", ".sql.gz", ".dump", ".sqlite", ".sqlite3", ".bak"]
        .iter()
        .any(|s| lower.ends_with(s))
    {
        return Some("database dump");
    }
    None
}

fn contains_any(hay: &[u8], needles: &[&[u8]]) -> bool {
    needles.iter().any(|n| memchr::memmem::find(hay, n).is_some())
}

/// What one `COPY`/`ADD` source (as written, relative to the context) selects.
pub enum SourceMatcher {
    /// `.`, `./`, `*`: the whole context.
    All,
    Glob(globset::GlobMatcher),
    /// A file, or a directory and everything in it.
    Path(String),
}

impl SourceMatcher {
    pub fn new(source: &str) -> Option<SourceMatcher> {
        let src = source
            .trim_start_matches("./")
            .trim_start_matches('/')
            .trim_end_matches('/');
        if matches!(src, "" | "." | "*") {
            return Some(SourceMatcher::All);
        }
        if src.contains(['*', '?', '[']) {
            let glob = globset::GlobBuilder::new(src).literal_separator(true).build().ok()?;
            return Some(SourceMatcher::Glob(glob.compile_matcher()));
        }
        Some(SourceMatcher::Path(src.to_string()))
    }

    /// Whether the source copies `entry` (a listing entry; directories end with `/`).
    pub fn selects(&self, entry: &str) -> bool {
        let e = entry.trim_end_matches('/');
        match self {
            SourceMatcher::All => true,
            SourceMatcher::Path(p) => e == p || (e.starts_with(p.as_str()) && e.as_bytes().get(p.len()) == Some(&b'/')),
            SourceMatcher::Glob(m) => {
                // A glob that matches a directory copies what is in it.
                let mut end = 0;
                loop {
                    let next = e[end..].find('/').map_or(e.len(), |k| end + k);
                    if m.is_match(&e[..next]) {
                        return true;
                    }
                    if next == e.len() {
                        return false;
                    }
                    end = next + 1;
                }
            }
        }
    }
}

/// Which entries of `listing` a `COPY`/`ADD` source selects.
pub fn selected<'l>(listing: &'l ContextListing, source: &str) -> Vec<&'l str> {
    let Some(m) = SourceMatcher::new(source) else {
        return Vec::new();
    };
    listing
        .entries
        .iter()
        .map(String::as_str)
        .filter(|e| m.selects(e))
        .collect()
}

/// The sensitive entries of `listing` that the `sources` of one `COPY`/`ADD` select and the ignore file keeps
/// (`kept`, see [`kept`]), with why each is sensitive.
pub fn shipped_sensitive(
    listing: &ContextListing,
    sources: &[String],
    kept: &dyn Fn(&str) -> bool,
) -> Vec<(String, &'static str)> {
    let matchers: Vec<SourceMatcher> = sources.iter().filter_map(|s| SourceMatcher::new(s)).collect();
    let mut out = Vec::new();
    for entry in &listing.candidates {
        if !matchers.iter().any(|m| m.selects(entry)) || !kept(entry) {
            continue;
        }
        let read = || {
            use std::io::Read;
            let mut buf = Vec::new();
            std::fs::File::open(listing.root.join(entry))
                .ok()?
                .take(64 * 1024)
                .read_to_end(&mut buf)
                .ok()?;
            Some(buf)
        };
        if let Some(why) = sensitive(entry, &read) {
            out.push((entry.to_string(), why));
        }
    }
    out
}

/// Whether `ignore` leaves `entry` (a listing entry) in the context.
pub fn kept(ignore: Option<&DockerIgnore>, entry: &str) -> bool {
    ignore.is_none_or(|d| !d.excludes(entry.trim_end_matches('/')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_sensitive_files_by_name_and_content() {
        let none = || None;
        assert_eq!(sensitive(".env", &none), Some("environment file"));
        assert_eq!(sensitive("config/.env.production", &none), Some("environment file"));
        assert_eq!(sensitive(".env.example", &none), None);
        assert_eq!(sensitive("deploy/id_ed25519", &none), Some("SSH private key"));
        assert_eq!(sensitive("id_ed25519.pub", &none), None);
        assert_eq!(sensitive(".git/", &none), Some("the git history"));
        let key = || Some(b"-----BEGIN RSA PRIVATE KEY-----\n".to_vec());
        let cert = || Some(b"-----BEGIN CERTIFICATE-----\n".to_vec());
        assert_eq!(sensitive("tls/server.key", &key), Some("private key"));
        assert_eq!(sensitive("tls/ca.pem", &cert), None);
        let npmrc = || Some(b"//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n".to_vec());
        assert_eq!(sensitive(".npmrc", &npmrc), Some("registry token"));
        assert_eq!(sensitive(".npmrc", &|| Some(b"save-exact=true\n".to_vec())), None);
        assert_eq!(sensitive(".aws/credentials", &none), Some("AWS credentials"));
        assert_eq!(sensitive("backup/dump.sql", &none), Some("database dump"));
        assert_eq!(sensitive("src/main.rs", &none), None);
    }

    #[test]
    fn sources_select_files_and_directories() {
        let listing = ContextListing {
            root: PathBuf::new(),
            entries: ["a/.env", "a/b.txt", "ab.txt", "c.key", ".git/"]
                .map(String::from)
                .to_vec(),
            candidates: Vec::new(),
            truncated: false,
        };
        assert_eq!(selected(&listing, ".").len(), 5);
        assert_eq!(selected(&listing, "./a/"), ["a/.env", "a/b.txt"]);
        assert_eq!(selected(&listing, "*.key"), ["c.key"]);
        assert_eq!(selected(&listing, "a*"), ["a/.env", "a/b.txt", "ab.txt"]);
        assert!(selected(&listing, "missing").is_empty());
    }

    #[test]
    fn context_pragma_moves_the_root() {
        let p = Path::new("svc/api/Dockerfile");
        assert_eq!(context_dir(p, "FROM a\n"), Path::new("svc/api"));
        assert_eq!(
            context_dir(p, "# plimsoll context=../..\nFROM a\n"),
            Path::new("svc/api/../..")
        );
    }
}
