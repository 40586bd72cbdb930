//! The project phase: rules that run once after the walk, over the [`Fact`]s every per-file analyzer
//! emitted, for what no single file can decide. They read facts only, never files, and may add findings,
//! enrich them, or drop a per-file finding that another file answers:
//!
//! - DC001: a long-running compose service with no health check in compose *or* in the Dockerfile it
//!   builds; a compose health check also answers DF013 on that Dockerfile (the DF013 finding is dropped).
//! - DC017: a secret build argument names the Dockerfile `ARG` it feeds, and stands for DF006 there.
//! - DF017/DF018 against a compose `build.context`, and secret findings in files a `COPY`/`ADD` bakes into
//!   an image ([`build_context`]).
//!
//! Positions and paths come from the facts (display paths, as the findings of the walk have them).

mod build_context;

use crate::compose::rules as compose_rules;
use crate::dockerfile::rules as dockerfile_rules;
use crate::facts::{ComposeServiceFact, DockerfileFact, Fact, HealthFact, Located};
use crate::finding::{Category, Finding, Fingerprint, Severity, Span};
use crate::lint::LinterConfig;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

/// A project rule as configured.
#[derive(Clone, Debug)]
struct Configured {
    id: Arc<str>,
    name: Arc<str>,
    severity: Severity,
}

/// The project rules, configured from `.plimsoll.toml`.
#[derive(Clone, Debug)]
pub struct ProjectRules {
    missing_healthcheck: Option<Configured>,
    secret_build_arg: bool,
    context: build_context::ContextRules,
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
            let named = |list: &[String]| list.iter().any(|s| s == m.id || s == m.name);
            if !(m.enabled_by_default || named(&cfg.enable)) || named(&cfg.disable) {
                return None;
            }
            Some(Configured {
                id: m.id.into(),
                name: m.name.into(),
                severity: cfg
                    .severity
                    .get(m.id)
                    .or_else(|| cfg.severity.get(m.name))
                    .copied()
                    .unwrap_or(m.severity),
            })
        };
        ProjectRules {
            missing_healthcheck: configured("DC001"),
            secret_build_arg: configured("DC017").is_some(),
            context: build_context::ContextRules {
                missing: configured("DF017"),
                incomplete: configured("DF018"),
            },
        }
    }

    /// Runs every project rule over `facts`, adding to and adjusting `findings`.
    pub fn run(&self, facts: Vec<Fact>, findings: &mut Vec<Finding>) {
        let mut services = Vec::new();
        let mut dockerfiles: HashMap<PathBuf, DockerfileFact> = HashMap::new();
        for f in facts {
            match f {
                Fact::ComposeService(s) => services.push(s),
                Fact::Dockerfile(d) => {
                    dockerfiles.insert(d.disk_path.clone(), d);
                }
            }
        }
        services.sort_by(|a, b| (&a.file, a.at.line).cmp(&(&b.file, b.at.line)));
        build_context::run(&self.context, &dockerfiles, &services, findings);
        if services.is_empty() {
            return;
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
        if s.health != HealthFact::None || s.one_shot || partial || silenced(s, rule) {
            return;
        }
        let because = match df {
            Some(df) if df.healthcheck => return,
            Some(df) => format!("no `healthcheck:` here and no HEALTHCHECK in {}", df.path),
            // Builds a Dockerfile the walk did not see (or cannot locate): it may well have a HEALTHCHECK.
            None if s.builds => return,
            None => "no `healthcheck:`, and images rarely define one".to_string(),
        };
        findings.push(finding(
            rule,
            &s.at,
            format!(
                "service `{}` has no health check ({because}); add `healthcheck:` (or `disable: true` to say it has none)",
                s.name
            ),
            s.name.as_bytes(),
            Some(format!("{}:", s.name)),
        ));
    }
}

fn silenced(s: &ComposeServiceFact, rule: &Configured) -> bool {
    s.silenced
        .iter()
        .any(|x| x.eq_ignore_ascii_case(&rule.id) || *x == *rule.name)
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
    Finding {
        rule_id: rule.id.clone(),
        rule_name: rule.name.clone(),
        severity: rule.severity,
        category: Category::Compose,
        path: at.path.clone(),
        span: Span {
            line: at.line,
            column: at.column,
            end_line: at.line,
            end_column: at.end_column,
        },
        message,
        fingerprint: Fingerprint::new(&rule.id, content, &at.path),
        snippet,
        secret: None,
        confidence: None,
        commit: None,
        other_locations: Vec::new(),
        baked_into: Vec::new(),
        suppressed: None,
    }
}
