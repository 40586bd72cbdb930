//! The `.env` analyzer: the `env` step of the per-file job. It takes `.env` and `.env.*` files (not the
//! example kinds: `.example`, `.sample`, `.template`, `.dist`, `.defaults`) and reports EN001 when the file
//! sits inside a git work tree and no `.gitignore` rule (nor `.git/info/exclude`) covers it — whether the
//! walk was told to honour ignore files or not, the answer comes from the ignore files themselves, read the
//! way git reads them (each directory's `.gitignore` relative to that directory, deeper files winning).
//! Git programs are never run.

use crate::finding::{Category, Finding, Fingerprint, Severity, Span};
use crate::lint::LinterConfig;
use crate::lint::Meta;
use ignore::gitignore::Gitignore;
use std::path::{Path, PathBuf};
use std::sync::Arc;

mod en001_env_file_not_ignored;

/// Every `.env` rule.
static RULES: &[&Meta] = &[&en001_env_file_not_ignored::META];

/// Suffixes that make an env file an example (documentation, meant to be committed).
const EXAMPLE_SUFFIXES: &[&str] = &["example", "sample", "template", "dist", "defaults", "tmpl", "tpl"];

/// Whether `path` names a real env file: `.env` or `.env.<anything but an example kind>`.
pub fn is_env_name(path: &str) -> bool {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path).to_ascii_lowercase();
    if name == ".env" {
        return true;
    }
    match name.strip_prefix(".env.") {
        Some(rest) => !rest.is_empty() && !rest.split('.').any(|p| EXAMPLE_SUFFIXES.contains(&p)),
        None => false,
    }
}

/// The catalog entry of an env rule.
fn info(meta: &Meta) -> crate::catalog::RuleInfo {
    let mut info = meta.info();
    info.category = Category::Env;
    info.tags[0] = "env".to_string();
    info
}

/// The configured `.env` analyzer.
pub struct EnvAnalyzer {
    not_ignored: Option<(Arc<str>, Arc<str>, Severity)>,
}

impl EnvAnalyzer {
    pub fn new(cfg: &LinterConfig) -> EnvAnalyzer {
        let m = &en001_env_file_not_ignored::META;
        let named = |list: &[String]| list.iter().any(|s| s == m.id || s == m.name);
        let on = (m.enabled_by_default || named(&cfg.enable)) && !named(&cfg.disable);
        let severity = cfg
            .severity
            .get(m.id)
            .or_else(|| cfg.severity.get(m.name))
            .copied()
            .unwrap_or(m.severity);
        EnvAnalyzer {
            not_ignored: on.then(|| (m.id.into(), m.name.into(), severity)),
        }
    }

    /// Whether `id` names an env rule.
    pub fn knows_rule(id: &str) -> bool {
        RULES.iter().any(|m| m.id.eq_ignore_ascii_case(id) || m.name == id)
    }

    /// Checks one env file at `path` (display) / `disk_path`.
    pub fn check(&self, path: &str, disk_path: &Path, out: &mut Vec<Finding>) {
        let Some((id, name, severity)) = &self.not_ignored else {
            return;
        };
        let Ok(abs) = std::fs::canonicalize(disk_path) else {
            return;
        };
        let Some(top) = work_tree_top(&abs) else { return };
        if is_ignored(&top, &abs) {
            return;
        }
        let rel = abs.strip_prefix(&top).unwrap_or(&abs).display().to_string();
        out.push(Finding {
            rule_id: id.clone(),
            rule_name: name.clone(),
            severity: *severity,
            category: Category::Env,
            path: path.to_string(),
            span: Span {
                line: 1,
                column: 1,
                end_line: 1,
                end_column: 1,
            },
            message: format!(
                "{rel} is not git-ignored, so its values get committed; add `/{rel}` to .gitignore and commit a `.env.example` with the names only"
            ),
            fingerprint: Fingerprint::new(id, rel.as_bytes(), path),
            snippet: None,
            secret: None,
            confidence: None,
            commit: None,
            other_locations: Vec::new(),
            baked_into: Vec::new(),
            suppressed: None,
        });
    }
}

/// The top of the git work tree holding `file` (a directory with a `.git` directory or file), if any.
fn work_tree_top(file: &Path) -> Option<PathBuf> {
    file.ancestors()
        .skip(1)
        .find(|d| d.join(".git").exists())
        .map(Path::to_path_buf)
}

/// Whether git would ignore `file`: `.git/info/exclude`, then every `.gitignore` from the top down to the
/// file's directory; the deepest matching rule decides (a `!` rule un-ignores).
fn is_ignored(top: &Path, file: &Path) -> bool {
    let mut ignored = false;
    let mut consider = |gi: &Gitignore| {
        let m = gi.matched_path_or_any_parents(file, false);
        if m.is_ignore() {
            ignored = true;
        } else if m.is_whitelist() {
            ignored = false;
        }
    };
    let exclude = top.join(".git/info/exclude");
    if exclude.is_file() {
        let mut b = ignore::gitignore::GitignoreBuilder::new(top);
        b.add(&exclude);
        if let Ok(gi) = b.build() {
            consider(&gi);
        }
    }
    let dir = file.parent().unwrap_or(top);
    let rel = dir.strip_prefix(top).unwrap_or(Path::new(""));
    let mut level = top.to_path_buf();
    let mut levels = vec![level.clone()];
    for part in rel.components() {
        level.push(part);
        levels.push(level.clone());
    }
    for d in levels {
        let f = d.join(".gitignore");
        if f.is_file() {
            let (gi, _) = Gitignore::new(&f);
            consider(&gi);
        }
    }
    ignored
}

impl crate::analyzer::Analyzer for EnvAnalyzer {
    fn name(&self) -> &'static str {
        "env"
    }

    fn takes(&self, file: &crate::analyzer::FileInput<'_>) -> bool {
        file.disk_path.is_some() && is_env_name(file.path)
    }

    fn analyze(&self, file: &crate::analyzer::FileInput<'_>, out: &mut crate::analyzer::Emitted<'_>) {
        if let Some(disk) = file.disk_path {
            self.check(file.path, disk, out.findings);
        }
    }

    fn rule_infos(&self) -> Vec<crate::catalog::RuleInfo> {
        self.not_ignored
            .iter()
            .map(|(_, _, severity)| {
                let mut i = info(&en001_env_file_not_ignored::META);
                i.severity = *severity;
                i
            })
            .collect()
    }

    fn catalog(&self) -> Vec<crate::analyzer::RuleState> {
        RULES
            .iter()
            .map(|m| {
                let mut i = info(m);
                if let Some((_, _, s)) = &self.not_ignored {
                    i.severity = *s;
                }
                crate::analyzer::RuleState {
                    active: self.not_ignored.is_some(),
                    info: i,
                }
            })
            .collect()
    }

    fn title(&self) -> &'static str {
        ".env"
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
    }

    fn check(dir: &Path, file: &str) -> Vec<Finding> {
        let mut out = Vec::new();
        EnvAnalyzer::new(&LinterConfig::default()).check(file, &dir.join(file), &mut out);
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
}
