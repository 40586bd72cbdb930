//! The build-command analyzer: where users actually run image builds — GitHub Actions workflows (and
//! composite `action.yml`s), `.gitlab-ci.yml`, shell scripts, Makefiles and `docker-bake` files. It reads
//! the builds, tags and pushes out of each file ([`commands`]) and runs the `CI###` rules over them:
//!
//! - CI001: a secret passed as a build argument (shares DF006's fix wording,
//!   [`crate::dockerfile::rules::BUILD_SECRET_FIX`]);
//! - CI002: an image pushed only as `:latest`. For `docker buildx bake` it is decided in the project
//!   phase: a bake file ([`bake`]) emits its targets' tags as a fact, a CI file its pushing bake runs,
//!   and [`crate::project`] joins them.
//!
//! It is one more entry in the analyzer list ([`crate::analyzers`]); files are picked by name (and a
//! shell script named on the command line by its `#!`), so the per-file hot path pays one name check.
//!
//! ```
//! use plimsoll::ci::CiAnalyzer;
//! use plimsoll::lint::LinterConfig;
//! let ci = CiAnalyzer::new(&LinterConfig::default());
//! let mut findings = Vec::new();
//! ci.lint("build.sh", b"docker build --build-arg NPM_TOKEN -t acme/web:latest .\ndocker push acme/web:latest\n", &[], &mut findings);
//! assert_eq!(findings.iter().map(|f| &*f.rule_id).collect::<Vec<_>>(), ["CI001", "CI002"]);
//! ```

pub mod bake;
pub mod ci001_secret_build_arg;
pub mod ci002_image_pushed_only_latest;
pub mod commands;

use crate::analyzer::{Emitted, FileInput};
use crate::facts::{BakeFileFact, BakeRunFact, Fact, Located, TagOverride};
use crate::finding::{Category, Finding, Fingerprint, Span};
use crate::lint::{Configured, LinterConfig, Meta};
use crate::position::LineIndex;
use commands::{Extracted, ShellKind};
use std::ops::Range;
use std::path::{Path, PathBuf};

/// Every build-command rule, in id order.
pub static RULES: &[&Meta] = &[&ci001_secret_build_arg::META, &ci002_image_pushed_only_latest::META];

/// The kinds of file this analyzer reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    GithubWorkflow,
    GitlabCi,
    Shell,
    Makefile,
    Bake,
}

/// The kind of file `path` names, if this analyzer reads it.
pub fn file_kind(path: &str) -> Option<FileKind> {
    let norm = path.replace('\\', "/");
    let name = norm.rsplit('/').next().unwrap_or(&norm);
    let lower = name.to_ascii_lowercase();
    let yaml = lower.ends_with(".yml") || lower.ends_with(".yaml");
    if yaml && (norm.contains(".github/workflows/") || lower == "action.yml" || lower == "action.yaml") {
        return Some(FileKind::GithubWorkflow);
    }
    if lower == ".gitlab-ci.yml" || lower.ends_with(".gitlab-ci.yml") || lower.ends_with(".gitlab-ci.yaml") {
        return Some(FileKind::GitlabCi);
    }
    if lower.starts_with("docker-bake") && (lower.ends_with(".hcl") || lower.ends_with(".json")) {
        return Some(FileKind::Bake);
    }
    if matches!(name, "Makefile" | "makefile" | "GNUmakefile") || lower.ends_with(".mk") {
        return Some(FileKind::Makefile);
    }
    if lower.ends_with(".sh") || lower.ends_with(".bash") {
        return Some(FileKind::Shell);
    }
    None
}

/// Whether text given explicitly is a shell script (`#!…sh`).
fn looks_like_shell(data: &[u8]) -> bool {
    let first = data.split(|&b| b == b'\n').next().unwrap_or(b"");
    first.starts_with(b"#!") && (first.ends_with(b"sh") || first.windows(3).any(|w| w == b"sh "))
}

/// A problem in one file, by byte range.
#[derive(Debug, Clone)]
pub struct Hit {
    pub range: Range<usize>,
    pub message: String,
    /// What identifies the problem for the fingerprint besides rule and path.
    pub content: String,
}

/// What a CI file holds, read by the reader its kind needs.
pub fn extract(kind: FileKind, text: &str) -> Extracted {
    let mut e = Extracted::default();
    match kind {
        FileKind::GithubWorkflow => {
            commands::shell_commands(text, ShellKind::Yaml, &mut e);
            commands::build_push_action(text, &mut e);
        }
        FileKind::GitlabCi => commands::shell_commands(text, ShellKind::Yaml, &mut e),
        FileKind::Shell => commands::shell_commands(text, ShellKind::Shell, &mut e),
        FileKind::Makefile => commands::shell_commands(text, ShellKind::Make, &mut e),
        FileKind::Bake => commands::bake_args(text, &mut e),
    }
    e
}

/// The catalog entry of a build-command rule.
fn info(meta: &Meta) -> crate::catalog::RuleInfo {
    let mut info = meta.info();
    info.category = Category::Build;
    info.tags[0] = "ci".to_string();
    info
}

/// Finds a build-command rule by id (any case) or name.
pub fn find(id_or_name: &str) -> Option<&'static Meta> {
    RULES.iter().copied().find(|m| m.is_named(id_or_name))
}

/// The configured build-command analyzer.
pub struct CiAnalyzer {
    configured: Vec<Option<Configured>>,
}

impl CiAnalyzer {
    pub fn new(cfg: &LinterConfig) -> CiAnalyzer {
        CiAnalyzer {
            configured: RULES.iter().map(|m| cfg.configure(m)).collect(),
        }
    }

    /// Whether `id` names a build-command rule.
    pub fn knows_rule(id: &str) -> bool {
        find(id).is_some()
    }

    /// Lints one file (its kind from `path`, else read as a shell script); `secrets` are the byte ranges
    /// the secrets engine found (one secret, one finding).
    pub fn lint(&self, path: &str, data: &[u8], secrets: &[Range<usize>], out: &mut Vec<Finding>) {
        let kind = file_kind(path).unwrap_or(FileKind::Shell);
        let text = String::from_utf8_lossy(data);
        let extracted = extract(kind, &text);
        self.report(path, &text, kind, &extracted, secrets, out);
    }

    /// The facts the project phase joins for CI002 on bake files: a bake file's targets, or the pushing
    /// `buildx bake` runs of a CI file. `located` is the file's disk path (or repository path).
    fn facts(
        file: &FileInput<'_>,
        located: &Path,
        text: &str,
        kind: FileKind,
        extracted: &Extracted,
        facts: &mut Vec<Fact>,
    ) {
        let (path, clean) = (file.path, file.secrets.is_empty());
        let disk_path = crate::fsutil::normalize_path(located);
        if kind == FileKind::Bake {
            let b = bake::read(path, text, clean);
            if !b.targets.is_empty() {
                facts.push(Fact::BakeFile(BakeFileFact {
                    disk_path,
                    targets: b.targets,
                    groups: b.groups,
                }));
            }
            return;
        }
        if extracted.bake_runs.is_empty() {
            return;
        }
        let index = LineIndex::new(text.as_bytes());
        let dirs = run_dirs(kind, &disk_path);
        for run in &extracted.bake_runs {
            // A file that is computed (`${{ steps.meta.outputs.bake-file }}`), read from stdin or fetched
            // is no linted file: the join then leaves the run alone (`files_named`).
            let named: Vec<&str> = run.files.iter().map(String::as_str).collect();
            let names: &[&str] = if run.files.is_empty() {
                BAKE_DEFAULT_FILES
            } else {
                &named
            };
            let files = dirs
                .iter()
                .map(|d| {
                    let d = run.workdir.as_ref().map_or(d.clone(), |w| d.join(w));
                    names
                        .iter()
                        .map(|n| crate::fsutil::normalize_path(&d.join(n)))
                        .collect()
                })
                .collect();
            let (line, column) = index.position(text.as_bytes(), run.range.start);
            let (end_line, end) = index.position(text.as_bytes(), run.range.end);
            let line_text = text.split('\n').nth(line as usize - 1).unwrap_or("").trim();
            facts.push(Fact::BakeRun(BakeRunFact {
                at: Located {
                    path: path.to_string(),
                    line,
                    column,
                    end_column: if end_line == line { end } else { column },
                },
                files,
                files_named: !run.files.is_empty(),
                targets: run.targets.clone(),
                tag_overrides: run.sets.iter().filter_map(|s| tag_override(s)).collect(),
                snippet: masked_line(line_text, clean),
            }));
        }
    }

    fn report(
        &self,
        path: &str,
        text: &str,
        kind: FileKind,
        extracted: &Extracted,
        secrets: &[Range<usize>],
        out: &mut Vec<Finding>,
    ) {
        if extracted.build_args.is_empty() && extracted.images.is_empty() {
            return;
        }
        let mut hits: Vec<(&Configured, Hit)> = Vec::new();
        if let Some(rule) = &self.configured[0] {
            let mut h = Vec::new();
            ci001_secret_build_arg::check(&extracted.build_args, secrets, &mut h);
            hits.extend(h.into_iter().map(|h| (rule, h)));
        }
        if let Some(rule) = &self.configured[1]
            && kind != FileKind::Bake
        {
            let mut h = Vec::new();
            ci002_image_pushed_only_latest::check(&extracted.images, &mut h);
            hits.extend(h.into_iter().map(|h| (rule, h)));
        }
        if hits.is_empty() {
            return;
        }
        let index = LineIndex::new(text.as_bytes());
        for (rule, h) in hits {
            let (line, column) = index.position(text.as_bytes(), h.range.start);
            let (end_line, end_column) = index.position(text.as_bytes(), h.range.end);
            let line_text = text.split('\n').nth(line as usize - 1).unwrap_or("").trim();
            out.push(Finding {
                rule_id: rule.id.clone(),
                rule_name: rule.name.clone(),
                severity: rule.severity,
                category: Category::Build,
                path: path.to_string(),
                span: Span {
                    line,
                    column,
                    end_line,
                    end_column,
                },
                message: h.message,
                fingerprint: Fingerprint::new(&rule.id, h.content.as_bytes(), path),
                snippet: Some(masked_line(line_text, secrets.is_empty())),
                secret: None,
                confidence: None,
                commit: None,
                other_locations: Vec::new(),
                baked_into: Vec::new(),
                suppressed: None,
            });
        }
    }
}

/// The files `docker buildx bake` reads when none is named (the compose files it also reads are not
/// bake files here: their images are the compose rules' business).
const BAKE_DEFAULT_FILES: &[&str] = &[
    "docker-bake.json",
    "docker-bake.hcl",
    "docker-bake.override.json",
    "docker-bake.override.hcl",
];

/// The directories a `bake` in a file at `file` (normalized) may run from, most likely first: a
/// workflow or action under `.github/` runs in the repository root (the directory holding `.github`); a
/// shell script in its own directory or the one above (`scripts/release.sh` run from the root); a
/// Makefile and `.gitlab-ci.yml` in their own directory.
fn run_dirs(kind: FileKind, file: &Path) -> Vec<PathBuf> {
    let dir = file.parent().map(Path::to_path_buf).unwrap_or_default();
    if let Some(github) = file.ancestors().find(|a| a.file_name().is_some_and(|n| n == ".github")) {
        return vec![github.parent().map(Path::to_path_buf).unwrap_or_default()];
    }
    match kind {
        FileKind::Shell => {
            let mut v = vec![dir.clone()];
            v.extend(dir.parent().map(Path::to_path_buf));
            v
        }
        _ => vec![dir],
    }
}

/// `PATTERN.tags=VALUE` or `PATTERN.tags+=VALUE` of a `--set`; other overrides are `None`.
fn tag_override(set: &str) -> Option<TagOverride> {
    let (lhs, value) = set.split_once('=')?;
    let (lhs, append) = match lhs.strip_suffix('+') {
        Some(l) => (l, true),
        None => (lhs, false),
    };
    let (pattern, key) = lhs.rsplit_once('.')?;
    (key == "tags").then(|| TagOverride {
        pattern: pattern.to_string(),
        append,
        value: value.to_string(),
    })
}

/// The line as printed: at most 160 characters; when the secrets engine found something in the file the
/// line is not printed (it may be that secret).
fn masked_line(line: &str, clean: bool) -> String {
    if !clean {
        return "(line not shown: the file holds a secret finding)".to_string();
    }
    let mut s: String = line.chars().take(160).collect();
    if s.len() < line.len() {
        s.push('…');
    }
    s
}

impl crate::analyzer::Analyzer for CiAnalyzer {
    fn name(&self) -> &'static str {
        "ci"
    }

    fn takes(&self, file: &FileInput<'_>) -> bool {
        file_kind(file.path).is_some() || (file.explicit && looks_like_shell(file.data))
    }

    fn analyze(&self, file: &FileInput<'_>, out: &mut Emitted<'_>) {
        let kind = file_kind(file.path).unwrap_or(FileKind::Shell);
        let text = String::from_utf8_lossy(file.data);
        let extracted = extract(kind, &text);
        self.report(file.path, &text, kind, &extracted, file.secrets, out.findings);
        let located = file.disk_path.or(file.snapshot.map(|_| Path::new(file.path)));
        if let (Some(located), Some(_)) = (located, &self.configured[1]) {
            Self::facts(file, located, &text, kind, &extracted, out.facts);
        }
    }

    fn rule_infos(&self) -> Vec<crate::catalog::RuleInfo> {
        crate::lint::rule_infos(RULES, &self.configured, info)
    }

    fn catalog(&self) -> Vec<crate::analyzer::RuleState> {
        crate::lint::table_states(RULES, &self.configured, info)
    }

    fn title(&self) -> &'static str {
        "build command"
    }
}

/// What the rule files' tests share.
#[cfg(test)]
pub(crate) mod testing {
    use super::CiAnalyzer;
    use crate::lint::LinterConfig;

    /// `rule@line:column` of every finding the build-command analyzer gives `text` at `path`.
    pub(crate) fn ids(path: &str, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        CiAnalyzer::new(&LinterConfig::default()).lint(path, text.as_bytes(), &[], &mut out);
        out.iter()
            .map(|f| format!("{}@{}:{}", f.rule_id, f.span.line, f.span.column))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::testing::ids;
    use super::*;

    #[test]
    fn kinds() {
        assert_eq!(file_kind(".github/workflows/ci.yml"), Some(FileKind::GithubWorkflow));
        assert_eq!(file_kind("a/.gitlab-ci.yml"), Some(FileKind::GitlabCi));
        assert_eq!(file_kind("ci/build.gitlab-ci.yml"), Some(FileKind::GitlabCi));
        assert_eq!(file_kind("docker-bake.hcl"), Some(FileKind::Bake));
        assert_eq!(file_kind("docker-bake.override.json"), Some(FileKind::Bake));
        assert_eq!(file_kind("Makefile"), Some(FileKind::Makefile));
        assert_eq!(file_kind("scripts/release.sh"), Some(FileKind::Shell));
        assert_eq!(file_kind("compose.yml"), None);
        assert_eq!(file_kind("workflows/ci.yml"), None);
    }

    /// CI001 catches and passes, in every kind of file.
    #[test]
    fn ci001_table() {
        let catches = [
            (
                "build.sh",
                "docker build --build-arg NPM_TOKEN=$NPM_TOKEN .\n",
                "CI001@1:26",
            ),
            (
                "build.sh",
                "docker buildx build \\\n  --build-arg GITHUB_TOKEN .\n",
                "CI001@2:15",
            ),
            (
                "build.sh",
                "sudo docker build --build-arg=DB_PASSWORD=hunter2 .\n",
                "CI001@1:31",
            ),
            ("build.sh", "podman build --build-arg CFG=$API_KEY .\n", "CI001@1:26"),
            (
                ".github/workflows/ci.yml",
                "jobs:\n  b:\n    steps:\n      - run: docker build --build-arg NPM=${{ secrets.NPM_TOKEN }} .\n",
                "CI001@4:39",
            ),
            (
                ".github/workflows/ci.yml",
                "jobs:\n  b:\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          build-args: |\n            VERSION=1\n            NPM_TOKEN=${{ secrets.NPM_TOKEN }}\n",
                "CI001@8:13",
            ),
            (
                ".gitlab-ci.yml",
                "build:\n  script:\n    - docker build --build-arg \"CI_JOB_TOKEN=$CI_JOB_TOKEN\" .\n",
                "CI001@3:33",
            ),
            (
                "Makefile",
                "image:\n\tdocker build --build-arg GH_TOKEN=$$GH_TOKEN .\n",
                "CI001@2:27",
            ),
            (
                "docker-bake.hcl",
                "target \"app\" {\n  args = {\n    NPM_TOKEN = \"${NPM_TOKEN}\"\n  }\n}\n",
                "CI001@3:5",
            ),
            (
                "docker-bake.json",
                "{\"target\": {\"app\": {\"args\": {\"API_KEY\": \"\"}, \"x\": {}}}}\n",
                "",
            ),
        ];
        let mut wrong = Vec::new();
        for (path, text, want) in catches {
            let got = ids(path, text);
            let want: Vec<String> = [want].iter().filter(|w| !w.is_empty()).map(|w| w.to_string()).collect();
            if got != want {
                wrong.push(format!("{path}: {text:?}: got {got:?}, want {want:?}"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
        let passes = [
            (
                "build.sh",
                "docker build --build-arg VERSION=1.2 --build-arg GIT_SHA=$(git rev-parse HEAD) .\n",
            ),
            ("build.sh", "docker build --secret id=npm,env=NPM_TOKEN .\n"),
            ("build.sh", "# docker build --build-arg NPM_TOKEN=$NPM_TOKEN .\n"),
            ("build.sh", "echo --build-arg NPM_TOKEN\n"),
            ("build.sh", "docker run -e API_TOKEN=$API_TOKEN app\n"),
            (
                "build.sh",
                "docker build --build-arg TOKEN_URL=https://auth.example.com .\n",
            ),
            ("build.sh", "docker build --build-arg NPM_TOKEN= .\n"),
            (
                ".github/workflows/ci.yml",
                "jobs:\n  b:\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          build-args: |\n            BUILD_DATE=${{ github.event.head_commit.timestamp }}\n          secrets: |\n            npm=${{ secrets.NPM_TOKEN }}\n",
            ),
            (
                "docker-bake.hcl",
                "target \"app\" {\n  args = { VERSION = \"1\" }\n  secret = [\"id=npm,env=NPM_TOKEN\"]\n}\n",
            ),
        ];
        for (path, text) in passes {
            assert!(ids(path, text).is_empty(), "{path}:\n{text}\n{:?}", ids(path, text));
        }
    }

    #[test]
    fn secrets_engine_finding_stands_for_both() {
        let t = "docker build --build-arg NPM_TOKEN=npm_abc .\n";
        let mut out = Vec::new();
        CiAnalyzer::new(&LinterConfig::default()).lint("b.sh", t.as_bytes(), std::slice::from_ref(&(35..42)), &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn rule_table() {
        crate::lint::testing::assert_rule_table(
            RULES,
            "CI",
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
