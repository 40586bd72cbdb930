//! Secret rules: the written form ([`RuleSyntax`], deserialized from `rules/secrets/*.toml`) and the
//! compiled form ([`Rule`]) the scanner runs. Loading validates everything a rule author can get wrong and
//! reports it as `file:line:column: message`. The regexes are only parsed and checked at load; each is
//! compiled on the rule's first keyword hit ([`LazyRegex`]), so a run pays only for the rules it uses.

use crate::catalog::RuleInfo;
use crate::error::{Error, Result, line_col};
use crate::finding::{Category, Severity};
use crate::lazy_regex::{Check, Groups, LazyRegex};
use crate::secrets::checksum::Checksum;
use globset::{Glob, GlobSet, GlobSetBuilder};
use regex_automata::meta;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use toml::Spanned;

include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));

/// SARIF-style precision of a rule; rules below `High` are skipped on lockfiles and checksum files.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Precision {
    Low,
    Medium,
    #[default]
    High,
    VeryHigh,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Low => "low",
            Precision::Medium => "medium",
            Precision::High => "high",
            Precision::VeryHigh => "very-high",
        }
    }
}

/// `requires = { regex = '...', within_lines = 5 }`: a second pattern that must occur nearby.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequiresSyntax {
    pub regex: String,
    pub within_lines: u32,
}

/// One `[[rule]]` table exactly as written.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSyntax {
    pub id: String,
    pub name: String,
    pub severity: Severity,
    #[serde(default)]
    pub precision: Precision,
    pub keywords: Vec<String>,
    pub regex: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret_group: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_entropy: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checksum: Option<String>,
    #[serde(default)]
    pub window: usize,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paths: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude_paths: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allow: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requires: Option<RequiresSyntax>,
    pub description: String,
    pub help: String,
    pub references: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    pub examples: Vec<String>,
    pub negative_examples: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub example_path: Option<String>,
}

/// What a rule file holds, declared once at its top (`kind = "generic"`); a file without it is `provider`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RuleFileKind {
    /// Formats of one provider or credential kind (prefixed tokens, key files, URIs).
    #[default]
    Provider,
    /// Literal values under secret-like names in any format (`generic.password`, `generic.token`): the
    /// assignment rules of such files compete for a name, so each name is reported by one of them.
    Generic,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFileSyntax {
    #[serde(default)]
    kind: RuleFileKind,
    rule: Vec<Spanned<RuleSyntax>>,
}

/// A rule ready to run.
#[derive(Debug)]
pub struct Rule {
    pub syntax: RuleSyntax,
    /// File the rule came from (for messages).
    pub source: String,
    /// 1-based line of the rule's `[[rule]]` table in `source`.
    pub line: usize,
    pub severity: Severity,
    /// Compiled on the rule's first keyword hit; its pattern and groups were checked at load.
    pub regex: LazyRegex<meta::Regex>,
    /// The regex's capture groups (names by index), read from the pattern at load.
    pub groups: Groups,
    pub secret_group: usize,
    /// The `(?P<name>...)` group of an assignment rule: the variable, key or attribute the secret is
    /// assigned to. Its words decide whether the value counts (see `filters::classify_name`).
    pub name_group: Option<usize>,
    /// Further places of the secret and its name in the same regex, for rules that read several layouts
    /// (`KEY value` lines, `<add key="KEY" value="…"/>`): groups `secret_X` with `name_X`, tried after the
    /// main secret group when it did not take part in the match.
    pub alternatives: Vec<(usize, Option<usize>)>,
    pub checksum: Option<Checksum>,
    pub paths: Option<GlobSet>,
    pub exclude_paths: Option<GlobSet>,
    pub allow: Vec<LazyRegex<regex::bytes::Regex>>,
    pub requires: Option<(LazyRegex<regex::bytes::Regex>, u32)>,
    /// The declared kind of the file the rule came from.
    pub kind: RuleFileKind,
}

fn globset(globs: &[String]) -> std::result::Result<Option<GlobSet>, String> {
    if globs.is_empty() {
        return Ok(None);
    }
    let mut b = GlobSetBuilder::new();
    for g in globs {
        b.add(Glob::new(g).map_err(|e| e.to_string())?);
    }
    b.build().map(Some).map_err(|e| e.to_string())
}

impl Rule {
    /// Validates one written rule and makes it ready to run (its regexes compile on first use; `check`
    /// says how much of them is checked now).
    fn compile(syntax: RuleSyntax, source: &str, line: usize, check: Check) -> std::result::Result<Rule, String> {
        let id_ok = syntax
            .id
            .split_once('.')
            .is_some_and(|(p, k)| !p.is_empty() && !k.is_empty())
            && syntax
                .id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-');
        if !id_ok {
            return Err(format!(
                "rule id {:?} is not of the form `provider.kind` ([a-z0-9.-])",
                syntax.id
            ));
        }
        let ctx = |m: String| format!("rule {}: {m}", syntax.id);
        if syntax.name.trim().is_empty() {
            return Err(ctx("`name` is empty".into()));
        }
        if syntax.keywords.is_empty() {
            return Err(ctx("needs at least one keyword".into()));
        }
        if let Some(k) = syntax.keywords.iter().find(|k| k.len() < 3 || !k.is_ascii()) {
            return Err(ctx(format!("keyword {k:?} must be ASCII and at least 3 characters")));
        }
        let (regex, group_names) =
            LazyRegex::rule(&syntax.regex, check).map_err(|e| ctx(format!("regex does not compile: {e}")))?;
        let groups = group_names.len();
        let name_group = group_names.index("name");
        let secret_group = syntax.secret_group.unwrap_or(if groups > 1 { 1 } else { 0 });
        if name_group.is_some_and(|n| n == secret_group) {
            return Err(ctx(
                "the `name` group is also the secret group: set `secret_group` to the value's group".into(),
            ));
        }
        let alternatives: Vec<(usize, Option<usize>)> = group_names
            .named()
            .filter_map(|(g, n)| {
                let suffix = n.strip_prefix("secret_")?;
                Some((g, group_names.index(&format!("name_{suffix}"))))
            })
            .collect();
        if secret_group >= groups {
            return Err(ctx(format!(
                "secret_group {secret_group} but the regex has {} capture groups",
                groups - 1
            )));
        }
        let checksum = match &syntax.checksum {
            None => None,
            Some(name) => Some(Checksum::from_name(name).ok_or_else(|| {
                ctx(format!(
                    "unknown checksum {name:?} (known: {})",
                    Checksum::NAMES.join(", ")
                ))
            })?),
        };
        if let Some(e) = syntax.min_entropy
            && !(0.0..=8.0).contains(&e)
        {
            return Err(ctx(format!("min_entropy {e} outside 0..=8 bits per byte")));
        }
        let paths = globset(&syntax.paths).map_err(|e| ctx(format!("bad glob in `paths`: {e}")))?;
        let exclude_paths =
            globset(&syntax.exclude_paths).map_err(|e| ctx(format!("bad glob in `exclude_paths`: {e}")))?;
        let allow = syntax
            .allow
            .iter()
            .map(|p| LazyRegex::ascii_bytes(p, check).map_err(|e| ctx(format!("`allow` regex does not compile: {e}"))))
            .collect::<std::result::Result<Vec<_>, _>>()?;
        let requires = match &syntax.requires {
            None => None,
            Some(r) => Some((
                LazyRegex::ascii_bytes(&r.regex, check)
                    .map_err(|e| ctx(format!("`requires` regex does not compile: {e}")))?,
                r.within_lines,
            )),
        };
        for (field, v) in [("description", &syntax.description), ("help", &syntax.help)] {
            if v.trim().is_empty() {
                return Err(ctx(format!("`{field}` is empty")));
            }
        }
        if syntax.references.is_empty() {
            return Err(ctx("needs at least one reference".into()));
        }
        Ok(Rule {
            severity: syntax.severity,
            source: source.to_string(),
            line,
            regex,
            groups: group_names,
            secret_group,
            name_group,
            alternatives,
            checksum,
            paths,
            exclude_paths,
            allow,
            requires,
            syntax,
            kind: RuleFileKind::Provider,
        })
    }

    pub fn id(&self) -> &str {
        &self.syntax.id
    }

    /// Compiles every regex of the rule now instead of on its first keyword hit, so `plimsoll rules check`
    /// builds each pattern at least once whatever its examples reach.
    pub fn compile_regexes(&self) -> std::result::Result<(), String> {
        self.regex.try_get()?;
        for a in &self.allow {
            a.try_get()?;
        }
        if let Some((r, _)) = &self.requires {
            r.try_get()?;
        }
        Ok(())
    }

    /// Whether this rule runs on a file at `path` (its own path globs only).
    pub fn applies_to(&self, path: &str) -> bool {
        if let Some(p) = &self.paths
            && !p.is_match(path)
        {
            return false;
        }
        !self.exclude_paths.as_ref().is_some_and(|x| x.is_match(path))
    }

    pub fn info(&self) -> RuleInfo {
        let s = &self.syntax;
        let mut docs = format!("{}\n\n{}", s.description.trim(), s.help.trim());
        if !s.references.is_empty() {
            docs.push_str("\n\nReferences:\n");
            for r in &s.references {
                docs.push_str(&format!("- {r}\n"));
            }
        }
        let mut tags = vec!["security".to_string(), "secret".to_string()];
        tags.extend(s.tags.iter().cloned());
        RuleInfo {
            id: s.id.clone(),
            name: s.name.clone(),
            category: Category::Secret,
            severity: self.severity,
            precision: s.precision.as_str().to_string(),
            summary: first_sentence(&s.description),
            docs,
            references: s.references.clone(),
            tags,
            twins: Vec::new(),
            cwe: vec!["CWE-798".into()],
            security_severity: match self.severity {
                Severity::Error => 8.5,
                Severity::Warning => 6.0,
                Severity::Note => 3.0,
            },
            enabled_by_default: true,
        }
    }
}

fn first_sentence(text: &str) -> String {
    let t = text.trim();
    match t.find(". ") {
        Some(i) => t[..=i].to_string(),
        None => t.to_string(),
    }
}

/// Parses and validates one rule file. `path` is used in messages only.
pub fn load_rule_file(path: &str, text: &str) -> Result<Vec<Rule>> {
    load_rule_text(path, text, Check::Full)
}

fn load_rule_text(path: &str, text: &str, check: Check) -> Result<Vec<Rule>> {
    let at = |offset: usize, message: String| {
        let (line, column) = line_col(text, offset);
        Error::RuleFile {
            path: path.to_string(),
            line,
            column,
            message,
        }
    };
    let file: RuleFileSyntax = toml::from_str(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        at(offset, e.message().to_string())
    })?;
    let mut rules = Vec::with_capacity(file.rule.len());
    for spanned in file.rule {
        let span = spanned.span();
        let syntax = spanned.into_inner();
        let line = line_col(text, span.start).0;
        let mut rule = Rule::compile(syntax, path, line, check).map_err(|m| at(span.start, m))?;
        rule.kind = file.kind;
        rules.push(rule);
    }
    Ok(rules)
}

/// Loads the rules embedded at build time. Their regexes are not parsed here ([`Check::Embedded`]): the test
/// suite loads every embedded file with [`load_rule_file`] and compiles and runs each rule.
pub fn builtin_rules() -> Result<Vec<Rule>> {
    let mut all = Vec::new();
    for (path, text) in EMBEDDED_RULE_FILES {
        all.extend(load_rule_text(path, text, Check::Embedded)?);
    }
    Ok(all)
}

/// Loads rule files from a file or a directory of `*.toml` files.
pub fn load_rule_path(path: &std::path::Path) -> Result<Vec<Rule>> {
    load_rule_path_in(&crate::config_files::WorkTreeFiles, path)
}

/// Loads rule files from a file or a directory of `*.toml` files in `files` (the working tree, or the
/// revision `--config-from` names); messages name them as `files` does.
pub fn load_rule_path_in(files: &dyn crate::config_files::ConfigFiles, path: &std::path::Path) -> Result<Vec<Rule>> {
    use crate::config_files::{Found, missing, read_text};
    let entries = match files.get(path)? {
        Found::Dir(entries) => entries,
        Found::File(bytes) => {
            let text =
                String::from_utf8(bytes).map_err(|_| Error::Usage(format!("{}: not UTF-8 text", files.name(path))))?;
            return load_rule_file(&files.name(path), &text);
        }
        Found::Absent => return Err(missing(files, path)),
    };
    let mut all = Vec::new();
    for f in entries.iter().filter(|p| p.extension().is_some_and(|x| x == "toml")) {
        all.extend(load_rule_file(&files.name(f), &read_text(files, f)?)?);
    }
    Ok(all)
}

/// Rejects duplicate ids across a rule set (reported at the second definition).
pub fn check_unique_ids(rules: &[Rule]) -> Result<()> {
    let mut seen = HashSet::new();
    for r in rules {
        if !seen.insert(r.id()) {
            return Err(Error::RuleFile {
                path: r.source.clone(),
                line: r.line,
                column: 1,
                message: format!("duplicate rule id {:?}", r.id()),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
[[rule]]
id = "acme.token"
name = "Acme token"
severity = "error"
keywords = ["acme_"]
regex = '''\b(acme_[a-z0-9]{8})\b'''
description = "An Acme token."
help = "Revoke it."
references = ["https://acme.test/docs"]
examples = ["t = acme_abcd1234"]
negative_examples = ["t = acme_"]
"#;

    #[test]
    fn loads_a_good_rule() {
        let rules = load_rule_file("x.toml", GOOD).unwrap();
        assert_eq!(rules[0].id(), "acme.token");
        assert_eq!(rules[0].secret_group, 1);
        assert_eq!(rules[0].line, 2);
    }

    #[test]
    fn bad_regex_names_file_and_line() {
        let text = GOOD.replace(r"\b(acme_[a-z0-9]{8})\b", "(unclosed");
        let err = load_rule_file("x.toml", &text).unwrap_err().to_string();
        assert!(err.starts_with("x.toml:2:"), "{err}");
        assert!(err.contains("regex does not compile"), "{err}");
    }

    #[test]
    fn unknown_field_and_bad_id_are_errors() {
        let text = GOOD.replace("severity = \"error\"", "severity = \"error\"\nbogus = 1");
        let err = load_rule_file("x.toml", &text).unwrap_err().to_string();
        assert!(err.contains("bogus"), "{err}");
        let text = GOOD.replace("acme.token", "Acme Token");
        let err = load_rule_file("x.toml", &text).unwrap_err().to_string();
        assert!(err.contains("provider.kind"), "{err}");
    }

    #[test]
    fn the_file_kind_is_provider_unless_declared_and_an_unknown_kind_names_its_line() {
        assert_eq!(load_rule_file("x.toml", GOOD).unwrap()[0].kind, RuleFileKind::Provider);
        let generic = format!("kind = \"generic\"\n{GOOD}");
        assert_eq!(
            load_rule_file("x.toml", &generic).unwrap()[0].kind,
            RuleFileKind::Generic
        );
        let err = load_rule_file("x.toml", &format!("kind = \"vendor\"\n{GOOD}"))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("x.toml:1:") && err.contains("vendor"), "{err}");
        // The built-in generic rules are exactly the rules of the file that declares the kind.
        for r in builtin_rules().unwrap() {
            let generic_file = r.source == "rules/secrets/generic.toml";
            assert_eq!(r.kind == RuleFileKind::Generic, generic_file, "{}", r.id());
        }
    }

    #[test]
    fn toml_syntax_error_has_position() {
        let err = load_rule_file("y.toml", "[[rule]]\nid = \n").unwrap_err().to_string();
        assert!(err.starts_with("y.toml:2:"), "{err}");
    }
}
