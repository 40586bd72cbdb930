//! The `.env` analyzer: the `env` step of the per-file job, and the `.env` rules of the project phase.
//! It takes real env files (`.env`, `.env.*`), example env files (`.env.example` and friends), files
//! named like env files (`db.env`) and `.gitignore` files, and asks git's own files about them
//! ([`git_status`]: the work tree, its ignore rules, its index — no git program runs):
//!
//! - EN001: a real env file in a work tree that no ignore rule covers;
//! - EN002: a real env file the index tracks, including one a `.gitignore` hides from the walk (found from
//!   that `.gitignore`, since ignore rules do not untrack a file); in git modes, one the change commits;
//! - EN003: an example file holding a value that looks like a real secret;
//! - EN004 and EN005 run in the project phase ([`crate::project`]) over the [`EnvFileFact`]s this
//!   analyzer emits and the compose facts: variables compose interpolates that no example file beside it
//!   documents, and compose `env_file:` entries that load a tracked file.

use crate::analyzer::{Emitted, FileInput};
use crate::facts::{EnvFileFact, EnvFileKind, Fact};
use crate::finding::{Category, Finding, Fingerprint, Span};
use crate::lint::{Configured, LinterConfig, Meta};
use crate::position::LineIndex;
use std::ops::Range;
use std::path::Path;

pub mod dotenv;
pub mod en001_env_file_not_ignored;
pub mod en002_env_file_tracked;
pub mod en003_secret_in_example_file;
pub mod en004_undocumented_variable;
pub mod en005_compose_loads_tracked_env_file;
pub mod git_status;

/// Every `.env` rule, in id order.
pub static RULES: &[&Meta] = &[
    &en001_env_file_not_ignored::META,
    &en002_env_file_tracked::META,
    &en003_secret_in_example_file::META,
    &en004_undocumented_variable::META,
    &en005_compose_loads_tracked_env_file::META,
];

/// Suffixes that make an env file an example (documentation, meant to be committed).
const EXAMPLE_SUFFIXES: &[&str] = &["example", "sample", "template", "dist", "defaults", "tmpl", "tpl"];

fn file_name(path: &str) -> String {
    path.rsplit(['/', '\\']).next().unwrap_or(path).to_ascii_lowercase()
}

/// Whether `path` names a real env file: `.env` or `.env.<anything but an example kind>`.
pub fn is_env_name(path: &str) -> bool {
    let name = file_name(path);
    if name == ".env" {
        return true;
    }
    match name.strip_prefix(".env.") {
        Some(rest) => !rest.is_empty() && !rest.split('.').any(|p| EXAMPLE_SUFFIXES.contains(&p)),
        None => false,
    }
}

/// Whether `path` names an example env file: `.env.example`, `.env.local.sample`, `env.example`,
/// `example.env`, `.env-template`…
pub fn is_example_name(path: &str) -> bool {
    let name = file_name(path);
    let env_like =
        name.starts_with(".env") || name.starts_with("env.") || name.ends_with(".env") || name.contains(".env.");
    env_like && name.split(['.', '-', '_']).any(|p| EXAMPLE_SUFFIXES.contains(&p))
}

/// Whether `path` is named like an env file without being `.env*`: `db.env`, `prod.env`.
pub fn is_named_env(path: &str) -> bool {
    let name = file_name(path);
    name.len() > ".env".len() && name.ends_with(".env") && !name.starts_with('.') && !is_example_name(&name)
}

/// A problem in one file, by byte range.
#[derive(Debug, Clone)]
pub struct Hit {
    pub range: Range<usize>,
    pub message: String,
    /// What identifies the problem for the fingerprint besides rule and path.
    pub content: String,
}

/// The catalog entry of an env rule.
fn info(meta: &Meta) -> crate::catalog::RuleInfo {
    let mut info = meta.info();
    info.category = Category::Env;
    info.tags[0] = "env".to_string();
    info
}

/// Finds an env rule by id (any case) or name.
pub fn find(id_or_name: &str) -> Option<&'static Meta> {
    RULES.iter().copied().find(|m| m.is_named(id_or_name))
}

/// The configured `.env` analyzer.
pub struct EnvAnalyzer {
    configured: Vec<Option<Configured>>,
    index: git_status::IndexCache,
}

impl EnvAnalyzer {
    pub fn new(cfg: &LinterConfig) -> EnvAnalyzer {
        EnvAnalyzer {
            configured: RULES.iter().map(|m| cfg.configure(m)).collect(),
            index: git_status::IndexCache::default(),
        }
    }

    /// Whether `id` names an env rule.
    pub fn knows_rule(id: &str) -> bool {
        find(id).is_some()
    }

    fn rule(&self, meta: &Meta) -> Option<&Configured> {
        let i = RULES.iter().position(|m| std::ptr::eq(*m, meta))?;
        self.configured[i].as_ref()
    }

    /// Checks one real env file at `path` (display) / `disk_path` (EN001, EN002) holding `data`; returns
    /// its fact (also outside a git work tree, where it is simply part of the files given).
    pub fn check(&self, path: &str, disk_path: &Path, data: &[u8], out: &mut Vec<Finding>) -> Option<EnvFileFact> {
        let abs = std::fs::canonicalize(disk_path).ok()?;
        let kind = if is_env_name(path) {
            EnvFileKind::Real
        } else {
            EnvFileKind::Named
        };
        let fact = |tracked: bool, in_work_tree: bool| EnvFileFact {
            path: path.to_string(),
            disk_path: crate::fsutil::normalize_path(disk_path),
            kind,
            tracked,
            in_work_tree,
            names: names_in(data),
        };
        let Some(top) = git_status::work_tree_top(&abs) else {
            return Some(fact(false, false));
        };
        let rel = repo_path(&top, &abs);
        let tracked = self.index.tracked(&top).paths.contains(&rel);
        if kind == EnvFileKind::Real {
            if tracked {
                if let Some(rule) = self.rule(&en002_env_file_tracked::META) {
                    let ignored = git_status::is_ignored(&top, &abs);
                    out.push(file_finding(
                        rule,
                        path,
                        en002_env_file_tracked::message(&rel, ignored),
                        &rel,
                    ));
                }
            } else if let Some(rule) = self.rule(&en001_env_file_not_ignored::META)
                && !git_status::is_ignored(&top, &abs)
            {
                out.push(file_finding(
                    rule,
                    path,
                    en001_env_file_not_ignored::message(&rel),
                    &rel,
                ));
            }
        }
        Some(fact(tracked, true))
    }

    /// From a `.gitignore`: the env files under its directory that the index tracks although ignore rules
    /// cover them (the walk, honouring ignore files, never visits them). EN002 for the real ones, and a
    /// fact for each.
    fn tracked_but_ignored(&self, path: &str, disk_path: &Path, out: &mut Emitted<'_>) {
        let Some(dir) = std::fs::canonicalize(disk_path)
            .ok()
            .and_then(|p| p.parent().map(Path::to_path_buf))
        else {
            return;
        };
        let Some(top) = dir.ancestors().find(|d| d.join(".git").exists()).map(Path::to_path_buf) else {
            return;
        };
        let prefix = repo_path(&top, &dir);
        let display_dir = path.rsplit_once('/').map(|(d, _)| d);
        let disk_dir = disk_path.parent().unwrap_or(Path::new(""));
        let tracked = self.index.tracked(&top);
        for p in &tracked.paths {
            let rel = if prefix.is_empty() {
                p.as_str()
            } else {
                match p.strip_prefix(&prefix).and_then(|r| r.strip_prefix('/')) {
                    Some(r) => r,
                    None => continue,
                }
            };
            let abs = top.join(p);
            if !git_status::is_ignored(&top, &abs) {
                continue;
            }
            let display = match display_dir {
                Some(d) => format!("{d}/{rel}"),
                None => rel.to_string(),
            };
            let kind = if is_env_name(p) {
                EnvFileKind::Real
            } else {
                EnvFileKind::Named
            };
            if kind == EnvFileKind::Real
                && let Some(rule) = self.rule(&en002_env_file_tracked::META)
            {
                out.findings.push(file_finding(
                    rule,
                    &display,
                    en002_env_file_tracked::message(p, true),
                    p,
                ));
            }
            out.facts.push(Fact::EnvFile(EnvFileFact {
                path: display,
                disk_path: crate::fsutil::normalize_path(&disk_dir.join(rel)),
                kind,
                tracked: true,
                in_work_tree: true,
                // The walk does not read an ignored file; what it sets stays unknown.
                names: Vec::new(),
            }));
        }
    }

    /// A real env file read out of a commit or the index (git modes): committing it is EN002. The finding
    /// spans the whole file, so it is kept whichever of its lines the change added.
    fn committed(&self, file: &FileInput<'_>, out: &mut Vec<Finding>) {
        let Some(rule) = self.rule(&en002_env_file_tracked::META) else {
            return;
        };
        let mut f = file_finding(
            rule,
            file.path,
            en002_env_file_tracked::committed_message(file.path),
            file.path,
        );
        let lines = file.data.split(|&b| b == b'\n').count() as u32;
        let last = if file.data.ends_with(b"\n") { lines - 1 } else { lines };
        f.span.end_line = last.max(1);
        out.push(f);
    }

    /// An example file: EN003, and the names it documents.
    fn example(&self, file: &FileInput<'_>, out: &mut Emitted<'_>) {
        let text = String::from_utf8_lossy(file.data);
        let assignments = dotenv::assignments(&text);
        if let Some(rule) = self.rule(&en003_secret_in_example_file::META) {
            let mut hits = Vec::new();
            en003_secret_in_example_file::check(&assignments, file.secrets, &mut hits);
            let index = LineIndex::new(text.as_bytes());
            for h in hits {
                let (line, column) = index.position(text.as_bytes(), h.range.start);
                let (end_line, end_column) = index.position(text.as_bytes(), h.range.end);
                let mut f = file_finding(rule, file.path, h.message, &h.content);
                f.span = Span {
                    line,
                    column,
                    end_line,
                    end_column,
                };
                out.findings.push(f);
            }
        }
        let (located, tracked) = match file.disk_path {
            Some(disk) => {
                let tracked = std::fs::canonicalize(disk).ok().and_then(|abs| {
                    let top = git_status::work_tree_top(&abs)?;
                    Some(self.index.tracked(&top).paths.contains(&repo_path(&top, &abs)))
                });
                (disk, tracked)
            }
            // Everything in a commit (or the index) is tracked.
            None if file.snapshot.is_some() => (Path::new(file.path), Some(true)),
            None => return,
        };
        out.facts.push(Fact::EnvFile(EnvFileFact {
            path: file.path.to_string(),
            disk_path: crate::fsutil::normalize_path(located),
            kind: EnvFileKind::Example,
            tracked: tracked.unwrap_or(false),
            in_work_tree: tracked.is_some(),
            names: sorted_names(&assignments),
        }));
    }

    /// The fact of a real or named env file read out of a commit or the index, at its repository path:
    /// tracked, since the snapshot holds it.
    fn snapshot_fact(file: &FileInput<'_>, kind: EnvFileKind) -> Fact {
        Fact::EnvFile(EnvFileFact {
            path: file.path.to_string(),
            disk_path: crate::fsutil::normalize_path(Path::new(file.path)),
            kind,
            tracked: true,
            in_work_tree: true,
            names: names_in(file.data),
        })
    }
}

/// The variable names `assignments` set or document, sorted, once each.
fn sorted_names(assignments: &[dotenv::Assignment<'_>]) -> Vec<String> {
    let mut names: Vec<String> = assignments.iter().map(|a| a.name.to_string()).collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// The variable names an env file's `data` sets or documents.
fn names_in(data: &[u8]) -> Vec<String> {
    sorted_names(&dotenv::assignments(&String::from_utf8_lossy(data)))
}

/// `abs` relative to `top`, `/`-separated (how the index names it).
fn repo_path(top: &Path, abs: &Path) -> String {
    let rel = abs.strip_prefix(top).unwrap_or(abs);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// A finding about a whole file (line 1), fingerprinted by `content`.
fn file_finding(rule: &Configured, path: &str, message: String, content: &str) -> Finding {
    Finding {
        rule_id: rule.id.clone(),
        rule_name: rule.name.clone(),
        severity: rule.severity,
        category: Category::Env,
        path: path.to_string(),
        span: Span {
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 1,
        },
        message,
        fingerprint: Fingerprint::new(&rule.id, content.as_bytes(), path),
        snippet: None,
        secret: None,
        confidence: None,
        commit: None,
        other_locations: Vec::new(),
        baked_into: Vec::new(),
        suppressed: None,
    }
}

fn is_gitignore(path: &str) -> bool {
    path.rsplit(['/', '\\']).next() == Some(".gitignore")
}

impl crate::analyzer::Analyzer for EnvAnalyzer {
    fn name(&self) -> &'static str {
        "env"
    }

    fn takes(&self, file: &FileInput<'_>) -> bool {
        is_example_name(file.path)
            || (file.snapshot.is_some() && (is_env_name(file.path) || is_named_env(file.path)))
            || (file.disk_path.is_some()
                && (is_env_name(file.path) || is_named_env(file.path) || is_gitignore(file.path)))
    }

    fn analyze(&self, file: &FileInput<'_>, out: &mut Emitted<'_>) {
        if is_example_name(file.path) {
            self.example(file, out);
            return;
        }
        let Some(disk) = file.disk_path else {
            if file.snapshot.is_some() {
                if is_env_name(file.path) {
                    self.committed(file, out.findings);
                    out.facts.push(Self::snapshot_fact(file, EnvFileKind::Real));
                } else {
                    out.facts.push(Self::snapshot_fact(file, EnvFileKind::Named));
                }
            }
            return;
        };
        if is_gitignore(file.path) {
            self.tracked_but_ignored(file.path, disk, out);
        } else if let Some(fact) = self.check(file.path, disk, file.data, out.findings) {
            out.facts.push(Fact::EnvFile(fact));
        }
    }

    fn rule_infos(&self) -> Vec<crate::catalog::RuleInfo> {
        crate::lint::rule_infos(RULES, &self.configured, info)
    }

    fn catalog(&self) -> Vec<crate::analyzer::RuleState> {
        crate::lint::table_states(RULES, &self.configured, info)
    }

    fn title(&self) -> &'static str {
        ".env"
    }
}

/// What the rule files' tests share.
#[cfg(test)]
pub(crate) mod testing {
    /// One file of every example kind (meant to be committed), each with one documented variable.
    pub(crate) fn example_files() -> Vec<(&'static str, &'static str)> {
        [
            ".env.example",
            ".env.sample",
            ".env.template",
            ".env.dist",
            ".env.defaults",
            "svc/.env.local.example",
        ]
        .iter()
        .map(|p| (*p, "A=\n"))
        .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn names() {
        for n in [".env", "app/.env", ".env.local", ".env.production", ".ENV"] {
            assert!(is_env_name(n), "{n}");
        }
        for n in [
            ".env.example",
            ".env.sample",
            ".env.local.template",
            "env",
            ".envrc",
            "a.env",
            ".env.dist",
        ] {
            assert!(!is_env_name(n), "{n}");
        }
        for n in [
            ".env.example",
            "env.example",
            "example.env",
            ".env.local.sample",
            ".env-template",
            "x/.env.dist",
        ] {
            assert!(is_example_name(n), "{n}");
        }
        for n in [".env", ".env.local", "examples/.env", "example.txt", "sample.yml"] {
            assert!(!is_example_name(n), "{n}");
        }
        for n in ["db.env", "config/app.env"] {
            assert!(is_named_env(n), "{n}");
        }
        for n in [".env", "example.env", ".env.local"] {
            assert!(!is_named_env(n), "{n}");
        }
    }

    fn check(dir: &Path, file: &str) -> Vec<Finding> {
        let mut out = Vec::new();
        EnvAnalyzer::new(&LinterConfig::default()).check(file, &dir.join(file), b"A=1\n", &mut out);
        out
    }

    #[test]
    fn not_ignored_env_files_in_a_work_tree() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path();
        fs::create_dir_all(p.join("svc/deep")).unwrap();
        for f in [".env", "svc/.env", "svc/deep/.env.local"] {
            fs::write(p.join(f), "A=1\n").unwrap();
        }
        // Not a work tree yet: nothing to say.
        assert!(check(p, ".env").is_empty());
        fs::create_dir(p.join(".git")).unwrap();
        assert_eq!(check(p, ".env").len(), 1);
        fs::write(p.join(".gitignore"), ".env\n").unwrap();
        assert!(check(p, ".env").is_empty());
        // `.env` without a slash matches at any depth; `.env.local` is another name.
        assert!(check(p, "svc/.env").is_empty());
        assert_eq!(check(p, "svc/deep/.env.local").len(), 1);
        // A deeper .gitignore un-ignores, and `.git/info/exclude` counts.
        fs::write(p.join("svc/.gitignore"), "!.env\n").unwrap();
        assert_eq!(check(p, "svc/.env").len(), 1);
        fs::create_dir_all(p.join(".git/info")).unwrap();
        fs::write(p.join(".git/info/exclude"), ".env.*\n").unwrap();
        assert!(check(p, "svc/deep/.env.local").is_empty());
    }

    #[test]
    fn rule_table() {
        crate::lint::testing::assert_rule_table(
            RULES,
            "EN",
            &[
                "## What it does",
                "## Why is this bad?",
                "## Example",
                "## Use instead",
                "## References",
            ],
        );
    }
}
