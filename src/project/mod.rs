//! The project phase: rules that run once after the walk, over the [`Fact`]s every per-file analyzer
//! emitted, for what no single file can decide. They read facts only, never files, and may add findings,
//! enrich them, or drop a per-file finding that another file answers:
//!
//! - DC001: a long-running compose service with no health check in compose *or* in the Dockerfile it
//!   builds; a compose health check also answers DF013 on that Dockerfile (the DF013 finding is dropped).
//! - DC017: a secret build argument names the Dockerfile `ARG` it feeds, and stands for DF006 there.
//! - DF017/DF018 against a compose `build.context`, and secret findings in files a `COPY`/`ADD` bakes into
//!   an image ([`build_context`]).
//! - EN003: a secret finding in an example env file says that example files document names, not values.
//! - EN004: variables a compose file interpolates that no example env file beside it documents.
//! - EN005: a compose `env_file:` that loads a file git tracks.
//! - CI002 for bake: a `docker buildx bake --push` (or `docker/bake-action` with `push: true`) in a CI
//!   file whose bake file tags a target only `latest` ([`crate::ci::ci002_image_pushed_only_latest`]).
//!   Only in a scan of files: the git modes below read no CI or bake file as a neighbour, so there it does
//!   not run.
//!
//! Positions and paths come from the facts (display paths, as the findings of the walk have them). The git
//! added-lines modes run the same rules once per commit (or over the index) whose change touches a file
//! [`reports_on`] names, over facts whose paths are repository paths (`crate::git`'s `project` module).

mod build_context;

use crate::compose::rules as compose_rules;
use crate::dockerfile::rules as dockerfile_rules;
use crate::env;
use crate::facts::{
    ComposeServiceFact, DockerfileFact, EnvFileFact, EnvFileKind, Fact, HealthFact, IncludeFact, Located,
};
use crate::finding::{Category, Finding, Suppression};
use crate::lint::{Configured, LinterConfig};
use std::collections::HashMap;
use std::path::PathBuf;

/// The project rules, configured from `.plimsoll.toml`.
#[derive(Clone, Debug)]
pub struct ProjectRules {
    missing_healthcheck: Option<Configured>,
    secret_build_arg: bool,
    context: build_context::ContextRules,
    example_secret: bool,
    undocumented_variable: Option<Configured>,
    tracked_env_file: Option<Configured>,
    bake_pushed_only_latest: Option<Configured>,
}

impl Default for ProjectRules {
    fn default() -> Self {
        ProjectRules::new(&LinterConfig::default())
    }
}

impl ProjectRules {
    pub fn new(cfg: &LinterConfig) -> ProjectRules {
        let configured = |id: &str| {
            let m = compose_rules::find(id)
                .map(|r| r.meta())
                .or_else(|| dockerfile_rules::find(id).map(|r| r.meta()))?;
            cfg.configure(m)
        };
        ProjectRules {
            missing_healthcheck: configured("DC001"),
            secret_build_arg: configured("DC017").is_some(),
            context: build_context::ContextRules {
                missing: configured("DF017"),
                incomplete: configured("DF018"),
            },
            example_secret: cfg.configure(&env::en003_secret_in_example_file::META).is_some(),
            undocumented_variable: cfg.configure(&env::en004_undocumented_variable::META),
            tracked_env_file: cfg.configure(&env::en005_compose_loads_tracked_env_file::META),
            bake_pushed_only_latest: cfg.configure(&crate::ci::ci002_image_pushed_only_latest::META),
        }
    }

    /// Whether any project rule runs.
    pub fn any(&self) -> bool {
        let ProjectRules {
            missing_healthcheck,
            secret_build_arg,
            context,
            example_secret,
            undocumented_variable,
            tracked_env_file,
            bake_pushed_only_latest,
        } = self;
        missing_healthcheck.is_some()
            || *secret_build_arg
            || context.missing.is_some()
            || context.incomplete.is_some()
            || *example_secret
            || undocumented_variable.is_some()
            || tracked_env_file.is_some()
            || bake_pushed_only_latest.is_some()
    }

    /// Runs every project rule over `facts`, adding to and adjusting `findings`.
    pub fn run(&self, facts: Vec<Fact>, findings: &mut Vec<Finding>) {
        let mut services = Vec::new();
        let mut dockerfiles: HashMap<PathBuf, DockerfileFact> = HashMap::new();
        let mut env_files: Vec<EnvFileFact> = Vec::new();
        let mut includes: Vec<IncludeFact> = Vec::new();
        let (mut bake_runs, mut bake_files) = (Vec::new(), Vec::new());
        for f in facts {
            match f {
                Fact::ComposeService(s) => services.push(s),
                Fact::Dockerfile(d) => {
                    dockerfiles.insert(d.disk_path.clone(), d);
                }
                Fact::EnvFile(e) => env_files.push(e),
                Fact::ComposeInclude(i) => includes.push(i),
                Fact::BakeRun(r) => bake_runs.push(r),
                Fact::BakeFile(b) => bake_files.push(b),
            }
        }
        if let Some(rule) = &self.bake_pushed_only_latest {
            crate::ci::ci002_image_pushed_only_latest::check_bake(rule, &mut bake_runs, &bake_files, findings);
        }
        // The same file can be reported by the walk and by a `.gitignore` above it.
        env_files.sort_by(|a, b| (&a.disk_path, &a.path).cmp(&(&b.disk_path, &b.path)));
        env_files.dedup_by(|a, b| a.disk_path == b.disk_path);
        if self.example_secret {
            example_file_secrets(&env_files, findings);
        }
        services.sort_by(|a, b| (&a.file, a.at.line).cmp(&(&b.file, b.at.line)));
        apply_extends(&mut services);
        build_context::run(&self.context, &dockerfiles, &services, findings);
        if services.is_empty() {
            return;
        }
        let env_refs: Vec<&EnvFileFact> = env_files.iter().collect();
        if let Some(rule) = &self.undocumented_variable {
            env::en004_undocumented_variable::check(rule, &services, &env_refs, &includes, findings);
        }
        if let Some(rule) = &self.tracked_env_file {
            let by_path: HashMap<PathBuf, &EnvFileFact> = env_files.iter().map(|e| (e.disk_path.clone(), e)).collect();
            env::en005_compose_loads_tracked_env_file::check(rule, &services, &by_path, findings);
        }
        let mut drop: Vec<(String, u32, &'static str)> = Vec::new();
        for s in &services {
            let df = s.dockerfile.as_ref().and_then(|p| dockerfiles.get(p));
            // A compose health check answers DF013 on the Dockerfile it builds.
            if let Some(df) = df
                && matches!(
                    s.health,
                    HealthFact::Defined | HealthFact::Disabled | HealthFact::Inherited
                )
            {
                drop.extend(findings_of(findings, &df.path, "DF013").map(|f| (df.path.clone(), f, "DF013")));
            }
            if let Some(rule) = &self.missing_healthcheck {
                self.missing_healthcheck(rule, s, df, findings);
            }
            if self.secret_build_arg {
                secret_build_args(s, df, findings, &mut drop);
            }
        }
        if !drop.is_empty() {
            findings.retain(|f| {
                !drop
                    .iter()
                    .any(|(p, l, id)| f.path == *p && f.span.line == *l && &*f.rule_id == *id)
            });
        }
    }

    fn missing_healthcheck(
        &self,
        rule: &Configured,
        s: &ComposeServiceFact,
        df: Option<&DockerfileFact>,
        findings: &mut Vec<Finding>,
    ) {
        // Neither image nor build: an override or `extends:` fragment; the full definition decides.
        let partial = !s.has_image && !s.builds;
        if s.health != HealthFact::None || s.one_shot || partial {
            return;
        }
        let because = match df {
            Some(df) if df.healthcheck => return,
            Some(df) => format!("no `healthcheck:` here and no HEALTHCHECK in {}", df.path),
            // Builds a Dockerfile the walk did not see (or cannot locate): it may well have a HEALTHCHECK.
            None if s.builds => return,
            None => "no `healthcheck:`, and images rarely define one".to_string(),
        };
        let mut missing = finding(
            rule,
            &s.at,
            format!(
                "service `{}` has no health check ({because}); add `healthcheck:` (or `disable: true` to say it has none)",
                s.name
            ),
            s.name.as_bytes(),
            Some(format!("{}:", s.name)),
        );
        // Silenced by a pragma: kept and marked, as per-file findings are.
        missing.suppressed = silenced(s, rule);
        findings.push(missing);
    }
}

/// Whether the project rules read the facts of a file named `path`: compose files, Dockerfiles and env
/// files of every kind (the files their analyzers take by name). The git modes read these, and only these,
/// from a snapshot to judge a change (see `crate::git`).
pub fn reads(path: &str) -> bool {
    reports_on(path) || env::is_env_name(path) || env::is_named_env(path)
}

/// Whether a project rule can add, change or drop a finding in a file named `path`: compose files (DC001,
/// DC017, EN004, EN005 point there), Dockerfiles (DF013 and DF006 are dropped there, DF017/DF018 judged)
/// and example env files (EN003). A change to no such file cannot get a project finding on a line it
/// added, so the git modes run no project phase for it.
pub fn reports_on(path: &str) -> bool {
    crate::compose::is_compose_name(path) || crate::dockerfile::is_dockerfile_name(path) || env::is_example_name(path)
}

/// How many `extends:` links are followed from one service.
const MAX_EXTENDS_DEPTH: usize = 8;

/// The disk path of the compose file a service is written in, when known.
fn compose_file_of(s: &ComposeServiceFact) -> Option<PathBuf> {
    let name = s.file.rsplit('/').next()?;
    Some(s.dir.as_ref()?.join(name))
}

/// `extends:` across the project: a service that extends another (in its file or in `extends.file`)
/// takes what it does not set itself — health check, image, build and the Dockerfile it builds — from
/// that service, following chains up to [`MAX_EXTENDS_DEPTH`] and stopping at cycles.
fn apply_extends(services: &mut [ComposeServiceFact]) {
    let index: HashMap<(Option<PathBuf>, String, String), usize> = services
        .iter()
        .enumerate()
        .map(|(i, s)| ((compose_file_of(s), s.file.clone(), s.name.clone()), i))
        .collect();
    let find = |from: &ComposeServiceFact, services: &[ComposeServiceFact]| -> Option<usize> {
        let e = from.extends.as_ref()?;
        match &e.file {
            None => index
                .get(&(compose_file_of(from), from.file.clone(), e.service.clone()))
                .copied(),
            Some(f) => services
                .iter()
                .position(|s| compose_file_of(s).as_ref() == Some(f) && s.name == e.service),
        }
    };
    for i in 0..services.len() {
        let mut seen = vec![i];
        let mut at = i;
        while seen.len() <= MAX_EXTENDS_DEPTH {
            let Some(base) = find(&services[at], services) else {
                break;
            };
            if seen.contains(&base) {
                break;
            }
            seen.push(base);
            let b = services[base].clone();
            let s = &mut services[i];
            if s.health == HealthFact::None {
                s.health = b.health;
            }
            s.has_image |= b.has_image;
            if !s.builds && b.builds {
                s.builds = true;
                s.context_dir = s.context_dir.take().or(b.context_dir);
                s.dockerfile = s.dockerfile.take().or(b.dockerfile);
            }
            at = base;
        }
    }
}

/// The suppression of the pragma that silences `rule` for service `s`, if one does.
fn silenced(s: &ComposeServiceFact, rule: &Configured) -> Option<Suppression> {
    s.silenced
        .iter()
        .find(|(x, _)| rule.is_named(x))
        .map(|(_, why)| why.clone())
}

/// EN003's half in the project phase: a secret the secrets engine found in an example env file is that
/// rule's finding only (one secret, one finding), and it says why the value should not be there.
fn example_file_secrets(env_files: &[EnvFileFact], findings: &mut [Finding]) {
    let examples: std::collections::HashSet<&str> = env_files
        .iter()
        .filter(|e| e.kind == EnvFileKind::Example)
        .map(|e| e.path.as_str())
        .collect();
    if examples.is_empty() {
        return;
    }
    for f in findings.iter_mut() {
        if f.category == Category::Secret && examples.contains(f.path.as_str()) {
            f.message.push_str(" — ");
            f.message.push_str(env::en003_secret_in_example_file::EXAMPLE_FILE_NOTE);
        }
    }
}

/// Lines of `path`'s findings of `rule_id`.
fn findings_of<'a>(findings: &'a [Finding], path: &'a str, rule_id: &'a str) -> impl Iterator<Item = u32> + 'a {
    findings
        .iter()
        .filter(move |f| f.path == path && &*f.rule_id == rule_id)
        .map(|f| f.span.line)
}

/// DC017 names the `ARG` each secret build argument feeds, and DF006 on that `ARG` is dropped.
fn secret_build_args(
    s: &ComposeServiceFact,
    df: Option<&DockerfileFact>,
    findings: &mut [Finding],
    drop: &mut Vec<(String, u32, &'static str)>,
) {
    let Some(df) = df else { return };
    for a in &s.build_args {
        let Some(f) = findings.iter_mut().find(|f| {
            &*f.rule_id == "DC017" && f.path == a.at.path && f.span.line == a.at.line && f.span.column == a.at.column
        }) else {
            continue;
        };
        match df.args.iter().find(|(n, _)| *n == a.name) {
            Some((name, line)) => {
                f.message
                    .push_str(&format!(" — it feeds `ARG {name}` in {}:{line}", df.path));
                drop.push((df.path.clone(), *line, "DF006"));
            }
            None => f
                .message
                .push_str(&format!(" — no ARG in {} consumes it, so it can simply go", df.path)),
        }
    }
}

fn finding(rule: &Configured, at: &Located, message: String, content: &[u8], snippet: Option<String>) -> Finding {
    rule.finding_at(Category::Compose, at, message, content, snippet)
}

/// Runs the project rules over a temporary directory of files, for the project rules' own tests.
#[cfg(test)]
pub(crate) mod testing {
    use crate::analyzer::{Analyzer, Emitted, FileInput};
    use crate::finding::Finding;
    use crate::lint::LinterConfig;
    use std::path::Path;

    /// What the temporary directory of [`project_findings_in`] is to git.
    #[derive(Clone, Copy, Debug)]
    pub enum Git<'a> {
        /// Not a work tree.
        None,
        /// A work tree whose index tracks these files (none: a fresh `git init`).
        Tracking(&'a [&'a str]),
        /// A work tree whose index tracks every file written.
        TrackingAll,
    }

    /// Writes `files` (path, text) into a temporary directory (optionally a git work tree whose index
    /// tracks them all), lints the compose and env files among them from disk, runs the project phase and
    /// returns every finding, suppressed ones included.
    pub fn project_findings(files: &[(&str, &str)], git: bool) -> Vec<Finding> {
        project_findings_in(files, if git { Git::TrackingAll } else { Git::None }, false)
    }

    /// [`project_findings`] with the index tracking exactly what `git` says. With `honour_ignores`, a file
    /// that an ignore rule covers is not linted itself, as in a default scan (the `.gitignore` that covers
    /// it is); without, every file is, as with `--no-ignore` or files named on the command line.
    pub fn project_findings_in(files: &[(&str, &str)], git: Git<'_>, honour_ignores: bool) -> Vec<Finding> {
        let dir = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        let root = root.as_path();
        for (name, text) in files {
            let p = root.join(name);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(&p, text).unwrap();
        }
        let run = |args: &[&str]| {
            // No global or system configuration (hooks, templates, `core.excludesFile`) can change the test.
            let out = std::process::Command::new("git")
                .args(args)
                .current_dir(root)
                .env("GIT_CONFIG_GLOBAL", "/dev/null")
                .env("GIT_CONFIG_NOSYSTEM", "1")
                .env_remove("GIT_DIR")
                .env_remove("GIT_WORK_TREE")
                .env_remove("GIT_INDEX_FILE")
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "git {args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        };
        let work_tree = !matches!(git, Git::None);
        match git {
            Git::None => {}
            Git::Tracking(tracked) => {
                run(&["init", "-q"]);
                if !tracked.is_empty() {
                    let mut args = vec!["add", "-f", "--"];
                    args.extend_from_slice(tracked);
                    run(&args);
                }
            }
            Git::TrackingAll => {
                run(&["init", "-q"]);
                run(&["add", "-A", "-f"]);
            }
        }
        let cfg = LinterConfig::default();
        let compose = crate::compose::ComposeLinter::new(&cfg);
        let env = crate::env::EnvAnalyzer::new(&cfg);
        let (mut findings, mut facts) = (Vec::new(), Vec::new());
        for (name, text) in files {
            let disk = root.join(name);
            if honour_ignores && work_tree && crate::env::git_status::is_ignored(root, &disk) {
                continue;
            }
            if crate::compose::is_compose_name(name) {
                compose.lint(name, text.as_bytes(), Some(&disk), &[], &mut findings, &mut facts);
                continue;
            }
            let input = FileInput {
                path: name,
                data: text.as_bytes(),
                explicit: false,
                disk_path: Some(Path::new(&disk)),
                secrets: &[],
                snapshot: None,
            };
            if env.takes(&input) {
                let mut out = Emitted {
                    findings: &mut findings,
                    facts: &mut facts,
                };
                env.analyze(&input, &mut out);
            }
        }
        super::ProjectRules::default().run(facts, &mut findings);
        // As the walk does (`crate::walk`): a file can be reported from itself and from a `.gitignore`.
        findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        findings.dedup_by(|a, b| a.sort_key() == b.sort_key() && a.span == b.span);
        findings
    }

    /// The findings of rule `id` among `findings`: (path, line, column, suppressed).
    pub fn of(findings: &[Finding], id: &str) -> Vec<(String, u32, u32, bool)> {
        findings
            .iter()
            .filter(|f| &*f.rule_id == id)
            .map(|f| (f.path.clone(), f.span.line, f.span.column, f.suppressed.is_some()))
            .collect()
    }
}
