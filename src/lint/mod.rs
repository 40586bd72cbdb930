//! What every rule-based linter shares (the Dockerfile linter, the compose linter, the `.env` analyzer
//! and the project rules): the configuration that selects rules and overrides severities
//! ([`LinterConfig`]), a rule's metadata ([`Meta`]), the `declare_rule!` macro that turns a doc comment and a
//! metadata block into a rule type, lookup by id or name, and the `catches`/`passes` assertions of the
//! rule fixture tables. It sits below the analyzers and knows none of them: each analyzer keeps its own
//! `Rule` trait (what a rule sees differs) and its own rule table.

use crate::analyzer::RuleState;
use crate::catalog::RuleInfo;
use crate::finding::{Category, Severity};
use std::collections::HashMap;
use std::sync::Arc;

/// Which rules run and how; built from `.plimsoll.toml`.
#[derive(Clone, Debug, Default)]
pub struct LinterConfig {
    /// Rule ids (or names) not to run.
    pub disable: Vec<String>,
    /// Opt-in rules to run.
    pub enable: Vec<String>,
    pub severity: HashMap<String, Severity>,
    /// `[dockerfile] trusted-registries`.
    pub trusted_registries: Vec<String>,
}

impl LinterConfig {
    /// Whether `[rules] disable` names the rule by id or name.
    pub fn disables(&self, id: &str, name: &str) -> bool {
        self.disable.iter().any(|s| s == id || s == name)
    }

    /// Whether the rule runs: on by default or named in `enable`, and not disabled.
    pub fn selects(&self, id: &str, name: &str, enabled_by_default: bool) -> bool {
        (enabled_by_default || self.enable.iter().any(|s| s == id || s == name)) && !self.disables(id, name)
    }

    /// The rule's severity after `[rules.severity]` overrides (by id, then by name).
    pub fn severity_of(&self, id: &str, name: &str, default: Severity) -> Severity {
        self.severity
            .get(id)
            .or_else(|| self.severity.get(name))
            .copied()
            .unwrap_or(default)
    }

    /// The rule as configured, when it runs: its id, name and effective severity.
    pub fn configure(&self, m: &Meta) -> Option<Configured> {
        self.selects(m.id, m.name, m.enabled_by_default).then(|| Configured {
            id: m.id.into(),
            name: m.name.into(),
            severity: self.severity_of(m.id, m.name, m.severity),
        })
    }

    /// The `[rules]` and `[dockerfile]` settings of `.plimsoll.toml` that concern lint rules.
    pub fn from_config(cfg: &crate::config::Config) -> LinterConfig {
        LinterConfig {
            disable: cfg.rules.disable.iter().map(|s| s.get_ref().clone()).collect(),
            enable: cfg.rules.enable.iter().map(|s| s.get_ref().clone()).collect(),
            severity: cfg
                .rules
                .severity
                .iter()
                .map(|(k, v)| (k.clone(), *v.get_ref()))
                .collect(),
            trusted_registries: cfg.dockerfile.trusted_registries.clone(),
        }
    }
}

/// A rule that runs, as its findings name it.
#[derive(Clone, Debug)]
pub struct Configured {
    pub id: Arc<str>,
    pub name: Arc<str>,
    pub severity: Severity,
}

impl Configured {
    /// A finding of this rule at `at` (a place one fact recorded); `content` identifies the problem for the
    /// fingerprint (never a line number).
    pub fn finding_at(
        &self,
        category: Category,
        at: &crate::facts::Located,
        message: String,
        content: &[u8],
        snippet: Option<String>,
    ) -> crate::finding::Finding {
        crate::finding::Finding {
            rule_id: self.id.clone(),
            rule_name: self.name.clone(),
            severity: self.severity,
            category,
            path: at.path.clone(),
            span: crate::finding::Span {
                line: at.line,
                column: at.column,
                end_line: at.line,
                end_column: at.end_column,
            },
            message,
            fingerprint: crate::finding::Fingerprint::new(&self.id, content, &at.path),
            snippet,
            secret: None,
            confidence: None,
            commit: None,
            other_locations: Vec::new(),
            baked_into: Vec::new(),
            suppressed: None,
        }
    }

    /// Whether a pragma or list entry `x` names this rule (id in any case, or name).
    pub fn is_named(&self, x: &str) -> bool {
        x.eq_ignore_ascii_case(&self.id) || *x == *self.name
    }
}

/// What a rule is, independent of what it checks.
#[derive(Debug)]
pub struct Meta {
    pub id: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    /// One sentence.
    pub summary: &'static str,
    /// The rule's doc comment (Markdown, one leading space per line as rustdoc keeps it).
    pub docs: &'static str,
    /// `tool:ID` of equivalent rules elsewhere.
    pub twins: &'static [&'static str],
    pub cwe: &'static [&'static str],
    pub security_severity: f32,
    pub enabled_by_default: bool,
}

impl Meta {
    /// The documentation as Markdown.
    pub fn markdown(&self) -> String {
        let mut s = String::with_capacity(self.docs.len());
        for line in self.docs.lines() {
            s.push_str(line.strip_prefix(' ').unwrap_or(line));
            s.push('\n');
        }
        s.trim_end().to_string()
    }

    /// The catalog entry every output uses (category Dockerfile; other analyzers relabel it).
    pub fn info(&self) -> RuleInfo {
        let mut docs = self.markdown();
        if !self.twins.is_empty() {
            docs.push_str("\n\n## Twins\n");
            for t in self.twins {
                docs.push_str(&format!("- `{t}`\n"));
            }
        }
        if !self.enabled_by_default {
            docs.push_str(&format!(
                "\n\nThis rule is off by default; enable it with `[rules] enable = [\"{}\"]` in `.plimsoll.toml`.",
                self.id
            ));
        }
        let mut tags = vec!["dockerfile".to_string()];
        if self.security_severity >= 4.0 {
            tags.push("security".to_string());
        }
        RuleInfo {
            id: self.id.to_string(),
            name: self.name.to_string(),
            category: Category::Dockerfile,
            severity: self.severity,
            precision: "high".to_string(),
            summary: self.summary.to_string(),
            docs: docs.trim_end().to_string(),
            references: Vec::new(),
            tags,
            twins: self.twins.iter().map(|s| s.to_string()).collect(),
            cwe: self.cwe.iter().map(|s| s.to_string()).collect(),
            security_severity: self.security_severity,
            enabled_by_default: self.enabled_by_default,
        }
    }

    /// Whether `id_or_name` names this rule (ids compare without case: `df001` is `DF001`).
    pub fn is_named(&self, id_or_name: &str) -> bool {
        self.id.eq_ignore_ascii_case(id_or_name) || self.name == id_or_name
    }
}

/// A rule that runs, with its effective severity; `id` and `name` are shared by its findings.
pub struct Active<R: ?Sized + 'static> {
    pub rule: &'static R,
    pub severity: Severity,
    pub id: Arc<str>,
    pub name: Arc<str>,
}

/// The rules of one rule table that run in a configuration.
pub struct Selection<R: ?Sized + 'static> {
    /// The selected rules, in table order, without the parse-error pseudo-rule.
    pub active: Vec<Active<R>>,
    /// The parse-error pseudo-rule, with its severity (reported unless disabled).
    pub parse_error: Active<R>,
    /// The parse-error pseudo-rule is not disabled.
    pub report_parse_errors: bool,
}

impl<R: ?Sized + 'static> Selection<R> {
    /// Selects from `rules` what `cfg` turns on; `parse_error_id` names the table's parse-error rule,
    /// which must be in it.
    pub fn new(
        rules: &'static [&'static R],
        parse_error_id: &str,
        cfg: &LinterConfig,
        meta: impl Fn(&R) -> &'static Meta,
    ) -> Selection<R> {
        let make = |rule: &'static R| {
            let m = meta(rule);
            Active {
                rule,
                severity: cfg.severity_of(m.id, m.name, m.severity),
                id: m.id.into(),
                name: m.name.into(),
            }
        };
        let active = rules
            .iter()
            .copied()
            .filter(|r| {
                let m = meta(r);
                m.id != parse_error_id && cfg.selects(m.id, m.name, m.enabled_by_default)
            })
            .map(make)
            .collect();
        let parse_error = find(rules, parse_error_id, &meta).expect("the parse-error rule is registered");
        let m = meta(parse_error);
        Selection {
            active,
            report_parse_errors: !cfg.disables(m.id, m.name),
            parse_error: make(parse_error),
        }
    }
}

impl<R: ?Sized + 'static> Selection<R> {
    /// The parse-error rule, then the selected rules.
    pub fn all(&self) -> impl Iterator<Item = &Active<R>> {
        std::iter::once(&self.parse_error).chain(&self.active)
    }

    /// Whether rule `id` runs (the parse-error rule: whether it is reported).
    pub fn runs(&self, id: &str) -> bool {
        (&*self.parse_error.id == id && self.report_parse_errors) || self.active.iter().any(|a| &*a.id == id)
    }

    /// Effective severity of rule `id`, if it is the parse-error rule or selected.
    pub fn severity_of(&self, id: &str) -> Option<Severity> {
        self.all().find(|a| &*a.id == id).map(|a| a.severity)
    }

    /// Catalog entries of the parse-error rule and the selected rules, with their effective severity;
    /// `info` makes the analyzer's entry from a rule.
    pub fn infos(&self, info: impl Fn(&R) -> RuleInfo) -> Vec<RuleInfo> {
        self.all()
            .map(|a| {
                let mut i = info(a.rule);
                i.severity = a.severity;
                i
            })
            .collect()
    }
}

/// The rule of `rules` that `id_or_name` names (see [`Meta::is_named`]).
pub fn find<R: ?Sized>(
    rules: &'static [&'static R],
    id_or_name: &str,
    meta: impl Fn(&R) -> &'static Meta,
) -> Option<&'static R> {
    rules.iter().copied().find(|r| meta(r).is_named(id_or_name))
}

/// Catalog entries with the configured severity and on/off state (what `Analyzer::catalog` returns).
pub fn rule_states(
    infos: Vec<RuleInfo>,
    is_active: impl Fn(&str) -> bool,
    severity_of: impl Fn(&str) -> Option<Severity>,
) -> Vec<RuleState> {
    infos
        .into_iter()
        .map(|mut info| {
            info.severity = severity_of(&info.id).unwrap_or(info.severity);
            RuleState {
                active: is_active(&info.id),
                info,
            }
        })
        .collect()
}

/// Declares a rule type: `for <Rule trait>, <context type>, <hit type>;` then the rule's doc comment (its
/// documentation) and its metadata block. The rule's logic is the `check` function of the module the
/// macro is called in. Each analyzer wraps this in its own `rule!` that supplies the first line.
macro_rules! declare_rule {
    (
        for $rule:path, $cx:ty, $hit:ty;
        $(#[doc = $doc:literal])+
        $name:ident {
            id: $id:literal,
            name: $rname:literal,
            severity: $sev:ident,
            summary: $summary:literal,
            twins: [$($twin:literal),* $(,)?],
            cwe: [$($cwe:literal),* $(,)?],
            security_severity: $ss:literal,
            enabled: $enabled:literal $(,)?
        }
    ) => {
        $(#[doc = $doc])+
        pub struct $name;

        impl $rule for $name {
            fn meta(&self) -> &'static $crate::lint::Meta {
                static META: $crate::lint::Meta = $crate::lint::Meta {
                    id: $id,
                    name: $rname,
                    severity: $crate::finding::Severity::$sev,
                    summary: $summary,
                    docs: concat!($($doc, "\n"),+),
                    twins: &[$($twin),*],
                    cwe: &[$($cwe),*],
                    security_severity: $ss,
                    enabled_by_default: $enabled,
                };
                &META
            }

            fn check(&self, cx: &$cx, out: &mut Vec<$hit>) {
                check(cx, out)
            }
        }
    };
}
pub(crate) use declare_rule;

/// Declares the metadata of a rule whose logic is not behind a `Rule` trait (the `.env` and build-command
/// rules, some of which run in the project phase): a `pub static` [`Meta`] named `$name`, documented by
/// the doc comment, with the same fields as [`declare_rule!`].
macro_rules! declare_meta {
    (
        $(#[doc = $doc:literal])+
        $name:ident {
            id: $id:literal,
            name: $rname:literal,
            severity: $sev:ident,
            summary: $summary:literal,
            twins: [$($twin:literal),* $(,)?],
            cwe: [$($cwe:literal),* $(,)?],
            security_severity: $ss:literal,
            enabled: $enabled:literal $(,)?
        }
    ) => {
        $(#[doc = $doc])+
        pub static $name: $crate::lint::Meta = $crate::lint::Meta {
            id: $id,
            name: $rname,
            severity: $crate::finding::Severity::$sev,
            summary: $summary,
            docs: concat!($($doc, "\n"),+),
            twins: &[$($twin),*],
            cwe: &[$($cwe),*],
            security_severity: $ss,
            enabled_by_default: $enabled,
        };
    };
}
pub(crate) use declare_meta;

/// The catalog entries of the rules that run, with their configured severity (`info` adds the analyzer's
/// category and tag): one body for every analyzer whose rules are a `Meta` table.
pub fn rule_infos(
    rules: &[&Meta],
    configured: &[Option<Configured>],
    info: impl Fn(&Meta) -> RuleInfo,
) -> Vec<RuleInfo> {
    rules
        .iter()
        .zip(configured)
        .filter_map(|(m, c)| {
            let c = c.as_ref()?;
            let mut i = info(m);
            i.severity = c.severity;
            Some(i)
        })
        .collect()
}

/// `rule_states` for a `Meta` table whose configured rules sit at the same index.
pub fn table_states(
    rules: &[&Meta],
    configured: &[Option<Configured>],
    info: impl Fn(&Meta) -> RuleInfo,
) -> Vec<RuleState> {
    let configured_as = |id: &str| {
        rules
            .iter()
            .zip(configured)
            .find(|(m, _)| m.id == id)
            .and_then(|(_, c)| c.as_ref())
    };
    rule_states(
        rules.iter().map(|m| info(m)).collect(),
        |id| configured_as(id).is_some(),
        |id| configured_as(id).map(|c| c.severity),
    )
}

#[cfg(test)]
pub(crate) mod testing {
    //! The assertions behind every analyzer's `catches(id, text)` / `passes(id, text)` fixture helpers.

    /// Asserts `hits` (what rule `id` reported on `text`) is not empty.
    #[track_caller]
    pub fn assert_catches<H: std::fmt::Debug>(id: &str, text: &str, hits: &[H]) {
        assert!(!hits.is_empty(), "{id} should catch:\n{text}");
    }

    /// Asserts `hits` (what rule `id` reported on `text`) is empty.
    #[track_caller]
    pub fn assert_passes<H: std::fmt::Debug>(id: &str, text: &str, hits: &[H]) {
        assert!(hits.is_empty(), "{id} should pass:\n{text}\nbut reported: {hits:?}");
    }

    /// Asserts a rule table is well formed: ids `<prefix>` + three digits, unique and in order, kebab-case
    /// unique names, one-line summaries, and docs with each of `sections` in order.
    #[track_caller]
    pub fn assert_rule_table(metas: &[&super::Meta], prefix: &str, sections: &[&str]) {
        let mut names = std::collections::HashSet::new();
        let mut prev = "";
        for m in metas {
            assert!(m.id > prev, "{} out of order or duplicate", m.id);
            prev = m.id;
            let digits = m.id.strip_prefix(prefix).unwrap_or("");
            assert!(
                digits.len() == 3 && digits.bytes().all(|b| b.is_ascii_digit()),
                "{} is not {prefix} and three digits",
                m.id
            );
            assert!(names.insert(m.name), "duplicate name {}", m.name);
            assert!(
                m.name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{} name {:?} is not kebab-case",
                m.id,
                m.name
            );
            assert!(!m.summary.is_empty() && !m.summary.contains('\n'), "{}", m.id);
            assert!((0.0..=10.0).contains(&m.security_severity), "{}", m.id);
            let md = m.markdown();
            let mut last = 0;
            for s in sections {
                let at = md.find(s).unwrap_or_else(|| panic!("{} docs lack {s:?}", m.id));
                assert!(at >= last, "{}: {s:?} out of order", m.id);
                last = at;
            }
        }
    }
}
