//! `.plimsoll.toml`: the repository's own settings. Found at the scan root (first path argument) or given with
//! `--config FILE`, in the working tree or, with `--config-from REF`, in a git revision (see
//! [`crate::config_files`]); the rule files and baseline it names are read from the same place. Unknown
//! keys and bad values are errors naming the file, line and column.
//!
//! ```toml
//! fail-on = "warning"                  # error | warning | note | none
//! exclude = ["corpus/**", "*.min.js"]  # gitignore-style globs, relative to the scan root
//! rule-files = ["ci/extra-rules.toml"] # more secret rules, same schema as rules/secrets/*.toml
//! baseline = ".plimsoll-baseline.json" # accepted findings (`plimsoll baseline create`)
//! max-findings-per-file = 100          # the rest of a file's findings become one note (0 = no limit)
//! min-confidence = "medium"            # secrets reported: high | medium (default) | low
//!
//! [rules]
//! disable = ["generic.password"]
//! enable = ["DF099"]                   # opt-in rules
//! severity = { "jwt.token" = "note" }
//!
//! [allow]
//! regexes = ['''^AKIA[0-9A-Z]{12}TEST$''']
//! values = ["sha256:<hex of the secret>"]  # `plimsoll` never needs the secret itself
//!
//! [dockerfile]
//! trusted-registries = ["registry.example.com"]
//! ```

use crate::config_files::{ConfigFiles, Found, WorkTreeFiles, read_text};
use crate::error::{Error, Result, line_col};
use crate::finding::{Confidence, Severity, Suppression, SuppressionKind};
use crate::lazy_regex::LazyRegex;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use toml::Spanned;

/// Conventional file name looked up at the scan root.
pub const FILE_NAME: &str = ".plimsoll.toml";

/// `--fail-on`: the lowest severity that makes the exit code 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    Note,
    Warning,
    Error,
    None,
}

impl FailOn {
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Note => Some(Severity::Note),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Error => Some(Severity::Error),
            FailOn::None => None,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RulesSection {
    #[serde(default)]
    pub disable: Vec<Spanned<String>>,
    #[serde(default)]
    pub enable: Vec<Spanned<String>>,
    #[serde(default)]
    pub severity: BTreeMap<String, Spanned<Severity>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct AllowSection {
    #[serde(default)]
    pub regexes: Vec<Spanned<String>>,
    #[serde(default)]
    pub values: Vec<Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct DockerfileSection {
    #[serde(default)]
    pub trusted_registries: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ConfigSyntax {
    fail_on: Option<FailOn>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    #[serde(default)]
    rule_files: Vec<Spanned<String>>,
    baseline: Option<Spanned<String>>,
    max_findings_per_file: Option<usize>,
    min_confidence: Option<Confidence>,
    #[serde(default)]
    rules: RulesSection,
    #[serde(default)]
    allow: AllowSection,
    #[serde(default)]
    dockerfile: DockerfileSection,
}

/// A loaded, validated configuration.
#[derive(Debug, Default)]
pub struct Config {
    /// The file it came from; `None` for defaults.
    pub path: Option<PathBuf>,
    /// How messages name that file (`origin/main:.plimsoll.toml` when read from a revision).
    name: Option<String>,
    /// Where it and the files it names were read from; `None` is the working tree.
    files: Option<Arc<dyn ConfigFiles>>,
    text: String,
    pub fail_on: Option<FailOn>,
    pub exclude: Vec<String>,
    /// Resolved relative to the config file's directory.
    pub rule_files: Vec<PathBuf>,
    /// Baseline file used unless `--baseline`/`--no-baseline`; resolved relative to the config file's
    /// directory. The span locates it in the config for errors.
    pub baseline: Option<Spanned<PathBuf>>,
    /// Findings reported per file at most (`--max-findings-per-file` wins); 0 = no limit.
    pub max_findings_per_file: Option<usize>,
    /// Lowest confidence of secret findings reported (`--min-confidence` wins).
    pub min_confidence: Option<Confidence>,
    pub rules: RulesSection,
    /// `[allow] regexes`, each with the suppression it stands for (this file and the entry's line).
    /// Checked here, compiled when the first candidate secret is tested against them.
    pub allow_regexes: Vec<(LazyRegex<regex::bytes::Regex>, Suppression)>,
    /// Lowercase hex sha256 of allowed values, each with the suppression it stands for.
    pub allow_value_hashes: Vec<(String, Suppression)>,
    pub dockerfile: DockerfileSection,
}

/// What `plimsoll init` writes: every setting, commented, with safe defaults. Parses as a valid config.
pub const STARTER: &str = r#"# plimsoll configuration. plimsoll reads .plimsoll.toml at the scan root (or --config FILE).
# Every key is optional: delete what you do not need. Unknown keys and bad values are errors.

# Lowest severity that makes `plimsoll scan` exit 1: "error", "warning", "note" (any finding) or "none".
# `--fail-on` on the command line wins over this.
fail-on = "note"

# Paths never scanned: gitignore-style globs relative to the scan root (.gitignore is honoured as well).
exclude = [
    # "tests/fixtures/**",
    # "*.min.js",
]

# More secret rules, in the same TOML schema as plimsoll's own (`plimsoll rules --format json` shows it).
# Paths are relative to this file.
rule-files = []

# Findings accepted for now, created with `plimsoll baseline create`: only new findings fail the build.
# baseline = ".plimsoll-baseline.json"

# A file with more findings than this reports its most severe ones and counts the rest in one note
# (generated files: minified bundles, dumps). 0 = no limit. `--max-findings-per-file` wins over this.
max-findings-per-file = 100

[rules]
# Rule ids to turn off (`plimsoll rules` lists them; `plimsoll explain ID` describes one).
disable = []
# Opt-in rules to turn on.
enable = []
# Severity overrides: "rule.id" = "error" | "warning" | "note".
severity = {}

[allow]
# Matches of these regexes are never reported as secrets (e.g. the fake keys in your test fixtures).
regexes = []
# Values that are known not to be secrets, as sha256 hashes so this file never holds them:
#   printf %s 'the-value' | sha256sum
values = []

[dockerfile]
# Registries trusted in FROM instructions.
trusted-registries = []
"#;

/// Writes [`STARTER`] to `dir/.plimsoll.toml`; refuses to replace an existing file.
pub fn write_starter(dir: &Path) -> Result<PathBuf> {
    use std::io::Write;
    let path = dir.join(FILE_NAME);
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|source| match source.kind() {
            std::io::ErrorKind::AlreadyExists => Error::Usage(format!(
                "{} already exists; edit it, or remove it to start over",
                path.display()
            )),
            _ => Error::Io {
                path: path.clone(),
                source,
            },
        })?;
    file.write_all(STARTER.as_bytes()).map_err(|source| Error::Io {
        path: path.clone(),
        source,
    })?;
    Ok(path)
}

impl Config {
    /// Loads `path`; errors name the file and line.
    pub fn load(path: &Path) -> Result<Config> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Config::parse(path, text)
    }

    /// Loads `path` from `files`; a missing file is an error naming it (`REV:path` for a revision).
    pub fn load_in(files: Arc<dyn ConfigFiles>, path: &Path) -> Result<Config> {
        let text = read_text(files.as_ref(), path)?;
        Config::parse_in(files, path, text)
    }

    /// Looks for `.plimsoll.toml` in `root` (a directory, or a file's directory).
    pub fn discover(root: &Path) -> Result<Option<Config>> {
        Config::discover_in(Arc::new(WorkTreeFiles), root)
    }

    /// Looks for `.plimsoll.toml` in `root` (a directory, or a file's directory, on disk) as `files` has it:
    /// with a revision source, the file at the same place in the revision's tree.
    pub fn discover_in(files: Arc<dyn ConfigFiles>, root: &Path) -> Result<Option<Config>> {
        let dir = if root.is_dir() {
            root
        } else {
            root.parent().unwrap_or(Path::new("."))
        };
        let candidate = dir.join(FILE_NAME);
        match files.get(&candidate)? {
            Found::File(_) => Config::load_in(files, &candidate).map(Some),
            Found::Dir(_) | Found::Absent => Ok(None),
        }
    }

    /// The defaults, for a run whose configuration source (`files`) has no config file: the baseline and
    /// rule files the command line names are still read from it.
    pub fn defaults_in(files: Arc<dyn ConfigFiles>) -> Config {
        Config {
            files: Some(files),
            ..Default::default()
        }
    }

    pub fn parse(path: &Path, text: String) -> Result<Config> {
        Config::parse_in(Arc::new(WorkTreeFiles), path, text)
    }

    /// Parses `text`, the config file at `path` in `files`; the rule files it names must exist there.
    pub fn parse_in(files: Arc<dyn ConfigFiles>, path: &Path, text: String) -> Result<Config> {
        let name = files.name(path);
        let syntax: ConfigSyntax = toml::from_str(&text).map_err(|e| {
            let (line, column) = line_col(&text, e.span().map_or(0, |s| s.start));
            Error::Config {
                path: name.clone(),
                line,
                column,
                message: e.message().trim().to_string(),
            }
        })?;
        let mut cfg = Config {
            path: Some(path.to_path_buf()),
            name: Some(name),
            ..Default::default()
        };
        let base = path.parent().unwrap_or(Path::new("."));
        for r in &syntax.allow.regexes {
            let re = LazyRegex::bytes(r.get_ref())
                .map_err(|e| cfg.error_in(&text, r.span().start, format!("allow regex does not compile: {e}")))?;
            let what = format!("[allow] regexes '{}'", r.get_ref());
            cfg.allow_regexes
                .push((re, cfg.suppression_at(&text, r.span().start, &what)));
        }
        for v in &syntax.allow.values {
            let h = v
                .get_ref()
                .strip_prefix("sha256:")
                .unwrap_or(v.get_ref())
                .to_ascii_lowercase();
            if h.len() != 64 || !h.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(cfg.error_in(
                    &text,
                    v.span().start,
                    "allowed values are sha256 hashes (`sha256:<64 hex>`), never the secret itself; \
                     compute one with `printf %s SECRET | sha256sum`"
                        .into(),
                ));
            }
            let what = format!("[allow] values \"sha256:{h}\"");
            let suppression = cfg.suppression_at(&text, v.span().start, &what);
            cfg.allow_value_hashes.push((h, suppression));
        }
        for g in &syntax.exclude {
            crate::fsutil::exclusion_set(std::slice::from_ref(g.get_ref()))
                .map_err(|e| cfg.error_in(&text, g.span().start, e))?;
        }
        for p in &syntax.rule_files {
            let resolved = base.join(p.get_ref());
            if files.get(&resolved)? == Found::Absent {
                return Err(cfg.error_in(
                    &text,
                    p.span().start,
                    format!("rule file {} does not exist", files.name(&resolved)),
                ));
            }
            cfg.rule_files.push(resolved);
        }
        cfg.baseline = syntax.baseline.map(|b| Spanned::new(b.span(), base.join(b.get_ref())));
        cfg.fail_on = syntax.fail_on;
        cfg.max_findings_per_file = syntax.max_findings_per_file;
        cfg.min_confidence = syntax.min_confidence;
        cfg.exclude = syntax.exclude.into_iter().map(Spanned::into_inner).collect();
        cfg.rules = syntax.rules;
        cfg.dockerfile = syntax.dockerfile;
        cfg.text = text;
        cfg.files = Some(files);
        Ok(cfg)
    }

    /// Where this config and the files it names are read from (the working tree unless `--config-from`).
    pub fn files(&self) -> &dyn ConfigFiles {
        self.files.as_deref().unwrap_or(&WorkTreeFiles)
    }

    /// The same, shared.
    pub fn files_shared(&self) -> Arc<dyn ConfigFiles> {
        self.files.clone().unwrap_or_else(|| Arc::new(WorkTreeFiles))
    }

    /// How messages name the config file; `None` for defaults.
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// The suppression an allow-list entry at `offset` of this file stands for: `FILE:LINE: what`.
    fn suppression_at(&self, text: &str, offset: usize, what: &str) -> Suppression {
        let (line, _) = line_col(text, offset);
        let path = self.display_path();
        Suppression {
            kind: SuppressionKind::Config,
            source: format!("{path}:{line}: {what}"),
            justification: None,
            at: Some((path, line as u32)),
        }
    }

    /// The file this config came from, as messages name it.
    fn display_path(&self) -> String {
        self.name.clone().unwrap_or_else(|| FILE_NAME.to_string())
    }

    fn error_in(&self, text: &str, offset: usize, message: String) -> Error {
        let (line, column) = line_col(text, offset);
        Error::Config {
            path: self.display_path(),
            line,
            column,
            message,
        }
    }

    /// An error located at `span` in this config file (for validation done after loading, e.g. unknown
    /// rule ids).
    pub fn error_at(&self, span: std::ops::Range<usize>, message: String) -> Error {
        self.error_in(&self.text, span.start, message)
    }

    /// Checks that every rule id the config names exists in `known`.
    pub fn check_rule_ids(&self, known: &dyn Fn(&str) -> bool) -> Result<()> {
        let named = self
            .rules
            .disable
            .iter()
            .chain(&self.rules.enable)
            .map(|s| (s.get_ref().as_str(), s.span()))
            .chain(self.rules.severity.iter().map(|(k, v)| (k.as_str(), v.span())));
        for (id, span) in named {
            if !known(id) {
                return Err(self.error_at(span, format!("unknown rule id {id:?} (see `plimsoll rules`)")));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_full_config() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("extra.toml"), "").unwrap();
        let cfg = Config::parse(
            &dir.path().join(".plimsoll.toml"),
            r#"
fail-on = "warning"
exclude = ["corpus/**"]
rule-files = ["extra.toml"]
baseline = "ci/baseline.json"
max-findings-per-file = 20
[rules]
disable = ["generic.password"]
severity = { "jwt.token" = "note" }
[allow]
regexes = ['^TEST']
values = ["sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"]
[dockerfile]
trusted-registries = ["ghcr.io"]
"#
            .into(),
        )
        .unwrap();
        assert_eq!(cfg.fail_on, Some(FailOn::Warning));
        assert_eq!(cfg.exclude, vec!["corpus/**"]);
        assert_eq!(cfg.rule_files, vec![dir.path().join("extra.toml")]);
        assert_eq!(
            cfg.baseline.as_ref().unwrap().get_ref(),
            &dir.path().join("ci/baseline.json")
        );
        assert_eq!(cfg.allow_value_hashes.len(), 1);
        assert_eq!(cfg.max_findings_per_file, Some(20));
        assert_eq!(cfg.dockerfile.trusted_registries, vec!["ghcr.io"]);
    }

    #[test]
    fn the_starter_config_is_valid_and_changes_nothing() {
        let cfg = Config::parse(Path::new(".plimsoll.toml"), STARTER.into()).unwrap();
        assert_eq!(cfg.fail_on, Some(FailOn::Note));
        assert!(cfg.exclude.is_empty() && cfg.rule_files.is_empty() && cfg.baseline.is_none());
        assert!(cfg.rules.disable.is_empty() && cfg.allow_regexes.is_empty());
    }

    #[test]
    fn init_refuses_to_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let path = write_starter(dir.path()).unwrap();
        std::fs::write(&path, "fail-on = \"error\"\n").unwrap();
        let err = write_starter(dir.path()).unwrap_err().to_string();
        assert!(err.contains("already exists"), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "fail-on = \"error\"\n");
    }

    #[test]
    fn bad_values_are_located() {
        let cases = [
            ("fail-on = \"sometimes\"\n", 1, "sometimes"),
            ("exclude = [\"ok/**\",\n  \"bad[\"]\n", 2, "bad exclude glob"),
            ("rule-files = [\"missing.toml\"]\n", 1, "does not exist"),
            ("[rules]\nseverity = { \"a.b\" = \"fatal\" }\n", 2, "fatal"),
            ("[allow]\nregexes = ['(unclosed']\n", 2, "does not compile"),
            ("[dockerfile]\ntrusted = []\n", 2, "trusted"),
            ("exclude = \"*.log\"\n", 1, "sequence"),
        ];
        for (text, line, needle) in cases {
            let err = Config::parse(Path::new("c.toml"), text.into()).unwrap_err().to_string();
            assert!(err.starts_with(&format!("c.toml:{line}:")), "{text:?}: {err}");
            assert!(err.contains(needle), "{text:?}: {err}");
        }
    }

    #[test]
    fn unknown_key_names_file_and_line() {
        let err = Config::parse(Path::new("c.toml"), "fail-on = \"error\"\nbogus = 1\n".into())
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("c.toml:2:1:"), "{err}");
        assert!(err.contains("bogus"), "{err}");
    }

    #[test]
    fn raw_secret_values_are_refused() {
        let err = Config::parse(Path::new("c.toml"), "[allow]\nvalues = [\"hunter2\"]\n".into())
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("c.toml:2:"), "{err}");
    }

    #[test]
    fn unknown_rule_id_is_located() {
        let cfg = Config::parse(Path::new("c.toml"), "[rules]\n\ndisable = [\"nope.rule\"]\n".into()).unwrap();
        let err = cfg.check_rule_ids(&|id| id == "ok.rule").unwrap_err().to_string();
        assert!(err.starts_with("c.toml:3:"), "{err}");
    }
}
