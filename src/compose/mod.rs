//! The compose analyzer: the `compose` step of the per-file job. It takes files named like compose files
//! (`docker-compose*.yml|yaml`, `compose*.yml|yaml`, `*.compose.yml|yaml`, or any file named on the command
//! line with a top-level `services:`), parses them into a positioned YAML tree ([`yaml`]), reads the
//! services in every Compose layout ([`model`]), runs the active rules of [`rules::RULES`], and turns
//! what they find into [`Finding`]s pointing at the offending key, marked suppressed where a
//! `# plimsoll ignore=DC…` pragma ([`pragma`]) silences them. It also emits [`Fact`]s about every service (health check, build context, build args, env files,
//! interpolated variables) for the project rules that need other files.
//!
//! A file that does not parse, or trips a parser limit (an alias bomb), is one `DC000` finding at the
//! parser's position.
//!
//! ```
//! use plimsoll::compose::ComposeLinter;
//! use plimsoll::dockerfile::LinterConfig;
//! let linter = ComposeLinter::new(&LinterConfig::default());
//! let (mut findings, mut facts) = (Vec::new(), Vec::new());
//! linter.lint("compose.yaml", b"services:\n  db:\n    image: postgres\n    privileged: true\n", None, &[], &mut findings, &mut facts);
//! assert!(findings.iter().any(|f| &*f.rule_id == "DC005" && f.span.line == 4));
//! ```

pub mod interp;
pub mod model;
pub mod pragma;
pub mod rules;
pub mod yaml;

use crate::facts::{BuildArgFact, ComposeServiceFact, Fact, HealthFact, IncludeFact, Located};
use crate::finding::{Category, Finding, Fingerprint, Severity, Span};
use crate::lint::LinterConfig;
use crate::position::LineIndex;
use model::{ComposeFile, Health, Region};
use pragma::Pragmas;
use rules::{Context, Hit, Rule};
use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// DC018, checked by the linter while it follows `include:` and `extends: file:`.
const MISSING_FILE_ID: &str = "DC018";

/// How deep `include:` is followed.
pub const MAX_INCLUDE_DEPTH: usize = 8;

/// Largest included file read.
const MAX_INCLUDED_BYTES: u64 = 4 << 20;

/// Reads an included file, refusing very large ones.
fn read_capped(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut data = Vec::new();
    std::fs::File::open(path)?
        .take(MAX_INCLUDED_BYTES)
        .read_to_end(&mut data)?;
    Ok(data)
}

/// Longest snippet printed; the fingerprint uses the hit's content, never the line.
const SNIPPET_MAX_CHARS: usize = 160;

/// An active rule with its effective severity.
type Active = crate::lint::Active<dyn Rule>;

/// The configured compose linter; shared by every worker thread.
pub struct ComposeLinter {
    /// The rules that run, and `DC000` (reported unless disabled).
    rules: crate::lint::Selection<dyn Rule>,
}

/// Whether a file name is one the walk lints as compose: `docker-compose*.yml|yaml`, `compose*.yml|yaml`,
/// `*.compose.yml|yaml` (case-insensitive).
pub fn is_compose_name(path: &str) -> bool {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let lower = name.to_ascii_lowercase();
    let Some(stem) = lower.strip_suffix(".yml").or_else(|| lower.strip_suffix(".yaml")) else {
        return false;
    };
    stem.starts_with("docker-compose") || stem.starts_with("compose") || stem.ends_with(".compose")
}

/// Whether text given explicitly looks like a compose file: a top-level `services:` key.
pub fn looks_like_compose(data: &[u8]) -> bool {
    let head = &data[..data.len().min(256 * 1024)];
    head.split(|&b| b == b'\n')
        .any(|l| l.starts_with(b"services:") && l[9..].iter().all(|c| c.is_ascii_whitespace() || *c == b'#'))
}

/// Whether `id` names a compose rule (any case, or its name).
pub fn knows_rule(id: &str) -> bool {
    rules::find(id).is_some()
}

impl ComposeLinter {
    /// Uses the `[rules]` settings shared with the Dockerfile linter (disable, enable, severity).
    pub fn new(cfg: &LinterConfig) -> ComposeLinter {
        ComposeLinter {
            rules: crate::lint::Selection::new(rules::RULES, rules::PARSE_ERROR_ID, cfg, |r| r.meta()),
        }
    }

    /// Whether rule `id` runs in this configuration.
    pub fn is_active(&self, id: &str) -> bool {
        self.rules.runs(id)
    }

    /// Effective severity of rule `id`.
    pub fn severity_of(&self, id: &str) -> Option<Severity> {
        self.rules.severity_of(id)
    }

    /// Lints one compose file. `disk_path` is where it lives (`None` for stdin); `secrets` are byte ranges
    /// the secrets engine found (one secret, one finding; masked in snippets).
    pub fn lint(
        &self,
        path: &str,
        data: &[u8],
        disk_path: Option<&Path>,
        secrets: &[Range<usize>],
        out: &mut Vec<Finding>,
        facts: &mut Vec<Fact>,
    ) {
        let place = disk_path.map_or(Place::Elsewhere, Place::Disk);
        self.lint_in(path, data, place, secrets, out, facts, &mut Vec::new());
    }

    /// Lints one compose file read out of git (a commit or the index) at repository path `path`. Its facts
    /// name files by repository path (`build.context`, `env_file:` and `include:` resolve against its
    /// directory in the repository), so the project phase of the git modes ([`crate::project`]) meets them
    /// with the facts of the same snapshot's other files. Included files are not followed (DC018 is a
    /// check of the working tree).
    pub fn lint_in_repository(
        &self,
        path: &str,
        data: &[u8],
        secrets: &[Range<usize>],
        out: &mut Vec<Finding>,
        facts: &mut Vec<Fact>,
    ) {
        self.lint_in(path, data, Place::Repository, secrets, out, facts, &mut Vec::new());
    }

    /// [`ComposeLinter::lint`] for a file reached through `include:` from the files of `trail` (the
    /// including chain, outermost first).
    #[allow(clippy::too_many_arguments)]
    fn lint_in(
        &self,
        path: &str,
        data: &[u8],
        place: Place<'_>,
        secrets: &[Range<usize>],
        out: &mut Vec<Finding>,
        facts: &mut Vec<Fact>,
        trail: &mut Vec<PathBuf>,
    ) {
        let text = match std::str::from_utf8(data) {
            Ok(t) => t,
            Err(e) => {
                let index = LineIndex::new(data);
                let (line, column) = index.position(data, e.valid_up_to());
                self.parse_finding(path, (line, column, 1), "the file is not valid UTF-8", out);
                return;
            }
        };
        let docs = match yaml::parse(text) {
            Ok(d) => d,
            Err(e) => {
                // At the end of the input there is no character to point at: an empty span there.
                let width = u32::from(e.pos.byte < text.len());
                let (line, column) = (e.pos.line.max(1), e.pos.column.max(1));
                self.parse_finding(path, (line, column, width), &e.message, out);
                return;
            }
        };
        let index = LineIndex::new(text);
        let pragmas = Pragmas::parse(text);
        for doc in &docs {
            let Some(file) = ComposeFile::new(doc) else { continue };
            let masks = self.masks(&file, secrets);
            let cx = Context { file: &file, secrets };
            let mut hits = Vec::new();
            for a in &self.rules.active {
                hits.clear();
                a.rule.check(&cx, &mut hits);
                for hit in merge_services(std::mem::take(&mut hits)) {
                    let line = hit.region.start.line as usize;
                    let mut finding = self.finding(a, path, text, &index, &hit, &masks);
                    finding.suppressed = pragmas
                        .silencing(line, a.rule.meta().id, a.rule.meta().name)
                        .map(|p| p.suppression(path));
                    out.push(finding);
                }
            }
            let located = match place {
                Place::Disk(disk) => Some(disk),
                Place::Repository => Some(Path::new(path)),
                Place::Elsewhere => None,
            };
            if located.is_some() || path == crate::fsutil::STDIN_PATH {
                facts.extend(service_facts(path, located, &file, &pragmas));
            }
            if let Some(at) = located {
                include_facts(at.parent().unwrap_or(Path::new("")), &file, facts);
            }
            if let Place::Disk(disk) = place {
                self.follow_references(path, disk, text, &index, &file, &pragmas, &masks, out, facts, trail);
            }
        }
    }

    /// DC018 and `include:`: checks that every `include:` and `extends: file:` target exists, and lints
    /// the included files the walk would not take by name (cycle-safe, at most [`MAX_INCLUDE_DEPTH`]
    /// deep), so their services reach the rules and the project phase.
    #[allow(clippy::too_many_arguments)]
    fn follow_references(
        &self,
        path: &str,
        disk: &Path,
        text: &str,
        index: &LineIndex,
        file: &ComposeFile<'_>,
        pragmas: &Pragmas,
        masks: &[Range<usize>],
        out: &mut Vec<Finding>,
        facts: &mut Vec<Fact>,
        trail: &mut Vec<PathBuf>,
    ) {
        let rule = self.rules.active.iter().find(|a| &*a.id == MISSING_FILE_ID);
        let dir = disk.parent().unwrap_or(Path::new(""));
        let display_dir = path.rsplit_once('/').map(|(d, _)| d);
        let me = crate::fsutil::normalize_path(disk);
        let report = |node: &yaml::Node, message: String, written: &str, out: &mut Vec<Finding>| {
            let Some(a) = rule else { return };
            let hit = Hit {
                region: Region::of(node),
                message,
                service: None,
                content: written.to_string(),
            };
            let mut finding = self.finding(a, path, text, index, &hit, masks);
            finding.suppressed = pragmas
                .silencing(node.start.line as usize, &a.id, &a.name)
                .map(|p| p.suppression(path));
            out.push(finding);
        };
        for (written, node) in file.includes() {
            if written.contains('$') || written.contains("://") {
                continue;
            }
            let target = crate::fsutil::normalize_path(&dir.join(written));
            if target == me || trail.contains(&target) {
                report(
                    node,
                    format!(
                        "`include: {written}` includes a file that includes this one (a cycle); drop one of the two"
                    ),
                    written,
                    out,
                );
                continue;
            }
            if !target.is_file() {
                report(
                    node,
                    format!(
                        "`include: {written}` names a file that does not exist (looked for {}); fix the path",
                        target.display()
                    ),
                    written,
                    out,
                );
                continue;
            }
            if trail.len() + 1 >= MAX_INCLUDE_DEPTH {
                report(
                    node,
                    format!(
                        "`include: {written}` nests includes more than {MAX_INCLUDE_DEPTH} deep; plimsoll stops following here"
                    ),
                    written,
                    out,
                );
                continue;
            }
            // A compose-named file is linted by the walk itself (if it is in the scan).
            if is_compose_name(written) {
                continue;
            }
            let Ok(data) = read_capped(&target) else { continue };
            let shown = crate::fsutil::display_path(&crate::fsutil::normalize_path(
                &Path::new(display_dir.unwrap_or("")).join(written),
            ));
            trail.push(me.clone());
            self.lint_in(&shown, &data, Place::Disk(&target), &[], out, facts, trail);
            trail.pop();
        }
        // The `env_file:` of an `include:` item: Compose refuses to load the include without it.
        for item in file.include_options() {
            for e in item.env_files.iter().filter(|e| e.required) {
                if e.path.contains('$') || e.path == "/dev/null" {
                    continue;
                }
                let target = crate::fsutil::normalize_path(&dir.join(e.path));
                if !target.is_file() {
                    report(
                        e.node,
                        format!(
                            "the `include:` of {} loads env_file `{}`, a file that does not exist (looked for {}), and `docker compose` refuses to load the include without it; fix the path or drop it",
                            item.paths.join(", "),
                            e.path,
                            target.display()
                        ),
                        e.path,
                        out,
                    );
                }
            }
        }
        for s in &file.services {
            let Some((Some((written, node)), _)) = s.extends() else {
                continue;
            };
            if written.contains('$') {
                continue;
            }
            let target = crate::fsutil::normalize_path(&dir.join(written));
            if !target.is_file() {
                report(
                    node,
                    format!(
                        "service `{}` extends a service of `{written}`, a file that does not exist (looked for {}); fix the path",
                        s.name,
                        target.display()
                    ),
                    written,
                    out,
                );
            }
        }
    }

    /// Byte ranges not to print: the secrets engine's, and the values of secret-named variables.
    fn masks(&self, file: &ComposeFile<'_>, secrets: &[Range<usize>]) -> Vec<Range<usize>> {
        let mut masks = secrets.to_vec();
        for s in &file.services {
            let build_args = s.build().map(|b| b.args).unwrap_or_default();
            for v in s.environment().iter().chain(&build_args) {
                if rules::holds_secret(&v.name)
                    && let (Some(node), Some(value)) = (v.value_node, v.value.as_deref())
                    && !value.is_empty()
                {
                    // In the list form the node is `NAME=value`: mask only the value.
                    let start = if node.start == v.key_node.start && node.value_is_scalar() {
                        node.end.byte.saturating_sub(value.len()).max(node.start.byte)
                    } else {
                        node.start.byte
                    };
                    masks.push(start..node.end.byte);
                }
            }
        }
        masks
    }

    /// `at` is (line, column, width in characters) of where parsing stopped.
    fn parse_finding(&self, path: &str, at: (u32, u32, u32), message: &str, out: &mut Vec<Finding>) {
        let (line, column, width) = at;
        if !self.rules.report_parse_errors {
            return;
        }
        out.push(Finding {
            rule_id: self.rules.parse_error.id.clone(),
            rule_name: self.rules.parse_error.name.clone(),
            severity: self.rules.parse_error.severity,
            category: Category::Compose,
            path: path.to_string(),
            span: Span {
                line,
                column,
                end_line: line,
                end_column: column + width,
            },
            message: format!("compose file does not parse: {message}; fix it so it can be deployed and checked"),
            fingerprint: Fingerprint::new(rules::PARSE_ERROR_ID, message.as_bytes(), path),
            snippet: None,
            secret: None,
            confidence: None,
            commit: None,
            other_locations: Vec::new(),
            baked_into: Vec::new(),
            suppressed: None,
        });
    }

    fn finding(
        &self,
        a: &Active,
        path: &str,
        text: &str,
        index: &LineIndex,
        hit: &Hit,
        masks: &[Range<usize>],
    ) -> Finding {
        let Region { start, end } = hit.region;
        // Findings spanning lines point at the first one.
        let (end_line, end_column) = if end.line == start.line {
            (end.line, end.column.max(start.column + 1))
        } else {
            let r = index.line_range(text, start.line as usize).unwrap_or(0..0);
            (start.line, text[r.clone()].chars().count() as u32 + 1)
        };
        let snippet = index
            .line_range(text, start.line as usize)
            .map(|r| masked(text, r, masks))
            .map(|s| truncate(s.trim()));
        let message = match &hit.service {
            Some(s) => format!("service `{s}` {}", hit.message),
            None => hit.message.clone(),
        };
        let content = format!("{}\0{}", hit.service.as_deref().unwrap_or(""), hit.content);
        Finding {
            rule_id: a.id.clone(),
            rule_name: a.name.clone(),
            severity: a.severity,
            category: Category::Compose,
            path: path.to_string(),
            span: Span {
                line: start.line,
                column: start.column,
                end_line,
                end_column,
            },
            message,
            fingerprint: Fingerprint::new(&a.id, content.as_bytes(), path),
            snippet,
            secret: None,
            confidence: None,
            commit: None,
            other_locations: Vec::new(),
            baked_into: Vec::new(),
            suppressed: None,
        }
    }

    /// Catalog entries of the rules that run (DC000 included), with their effective severity.
    pub fn rule_infos(&self) -> Vec<crate::catalog::RuleInfo> {
        self.rules.infos(|r| rules::info(r.meta()))
    }
}

impl yaml::Node {
    fn value_is_scalar(&self) -> bool {
        matches!(self.value, yaml::Value::Scalar(..))
    }
}

/// Hits of one rule that differ only by service (an anchor merged into several services) become one,
/// naming every service.
fn merge_services(hits: Vec<Hit>) -> Vec<Hit> {
    let mut out: Vec<Hit> = Vec::with_capacity(hits.len());
    let mut index: HashMap<(u32, u32, String), usize> = HashMap::new();
    for h in hits {
        let key = (h.region.start.line, h.region.start.column, h.message.clone());
        match index.get(&key) {
            Some(&i) => {
                let first = &mut out[i];
                if let (Some(a), Some(b)) = (&mut first.service, &h.service)
                    && !a.split("`, `").any(|s| s == b)
                {
                    a.push_str("`, `");
                    a.push_str(b);
                }
            }
            None => {
                index.insert(key, out.len());
                out.push(h);
            }
        }
    }
    out
}

/// The text of `range` with `masks` replaced by their redacted form.
fn masked(text: &str, range: Range<usize>, masks: &[Range<usize>]) -> String {
    let mut ms: Vec<&Range<usize>> = masks
        .iter()
        .filter(|m| m.start < range.end && m.end > range.start)
        .collect();
    if ms.is_empty() {
        return text[range].to_string();
    }
    ms.sort_by_key(|m| m.start);
    let mut s = String::new();
    let mut pos = range.start;
    for m in ms {
        let start = m.start.max(pos).min(range.end);
        let end = m.end.min(range.end);
        if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        s.push_str(&text[pos..start]);
        s.push('…');
        pos = end;
    }
    s.push_str(&text[pos..range.end]);
    s
}

fn truncate(s: &str) -> String {
    match s.char_indices().nth(SNIPPET_MAX_CHARS) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// Where a compose file being linted lives: what its facts and the files it names resolve against.
#[derive(Clone, Copy, Debug)]
enum Place<'a> {
    /// On disk: facts name disk paths, and `include:` / `extends: file:` targets are checked and followed.
    Disk(&'a Path),
    /// In a git snapshot, at its display path: facts name repository paths; nothing is read.
    Repository,
    /// Stdin: no directory.
    Elsewhere,
}

/// The `include:` entries with `env_file:` or `project_directory:` of a compose file in `dir` (disk or
/// repository path).
fn include_facts(dir: &Path, file: &ComposeFile<'_>, facts: &mut Vec<Fact>) {
    for item in file.include_options() {
        let env_file_unknown = item.env_files.iter().any(|e| e.path.contains('$'));
        let env_files: Vec<PathBuf> = item
            .env_files
            .iter()
            .filter(|e| !e.path.contains('$') && e.path != "/dev/null")
            .map(|e| crate::fsutil::normalize_path(&dir.join(e.path)))
            .collect();
        let project_dir = item
            .project_directory
            .filter(|(d, _)| !d.contains('$'))
            .map(|(d, _)| crate::fsutil::normalize_path(&dir.join(d)));
        for p in item.paths.iter().filter(|p| !p.contains('$') && !p.contains("://")) {
            facts.push(Fact::ComposeInclude(IncludeFact {
                file: crate::fsutil::normalize_path(&dir.join(p)),
                env_files: env_files.clone(),
                env_file_given: !item.env_files.is_empty(),
                env_file_unknown,
                project_dir: project_dir.clone(),
            }));
        }
    }
}

/// Facts about every service, for the project rules.
fn service_facts(path: &str, disk_path: Option<&Path>, file: &ComposeFile<'_>, pragmas: &Pragmas) -> Vec<Fact> {
    let dir = disk_path.and_then(Path::parent).map(Path::to_path_buf);
    let at = |node: &yaml::Node| Located {
        path: path.to_string(),
        line: node.start.line,
        column: node.start.column,
        end_column: if node.end.line == node.start.line {
            node.end.column.max(node.start.column + 1)
        } else {
            node.start.column + 1
        },
    };
    let mut facts = Vec::new();
    for s in &file.services {
        let health = match s.health() {
            Health::Defined(_) => HealthFact::Defined,
            Health::Disabled(_) => HealthFact::Disabled,
            Health::Inherited(_) => HealthFact::Inherited,
            Health::None => HealthFact::None,
        };
        let build = s.build().filter(|b| !b.inline);
        let (context_dir, dockerfile) = match (&build, &dir) {
            (Some(b), Some(dir)) if !b.context.contains("://") && !b.context.starts_with("git@") => {
                match model::resolved(&b.context) {
                    Some(ctx) => {
                        let ctx_dir = crate::fsutil::normalize_path(&dir.join(&ctx));
                        let df = b
                            .dockerfile
                            .as_deref()
                            .and_then(model::resolved)
                            .unwrap_or_else(|| "Dockerfile".into());
                        let df_path = crate::fsutil::normalize_path(&ctx_dir.join(df));
                        (Some(ctx_dir), Some(df_path))
                    }
                    None => (None, None),
                }
            }
            _ => (None, None),
        };
        let build_args = build
            .as_ref()
            .map(|b| {
                b.args
                    .iter()
                    .map(|a| BuildArgFact {
                        name: a.name.clone(),
                        at: at(a.key_node),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let mut interpolated = Vec::new();
        collect_interpolations(s.node, &mut interpolated, &at);
        facts.push(Fact::ComposeService(ComposeServiceFact {
            file: path.to_string(),
            dir: dir.as_deref().map(crate::fsutil::normalize_path),
            extends: s.extends().map(|(file, service)| crate::facts::ExtendsFact {
                file: match (file, &dir) {
                    (Some((f, _)), Some(d)) => Some(crate::fsutil::normalize_path(&d.join(f))),
                    _ => None,
                },
                service: service.to_string(),
            }),
            name: s.name.to_string(),
            at: at(s.key),
            health,
            one_shot: s.is_one_shot(file),
            has_image: s.get("image").is_some(),
            builds: s.get("build").is_some(),
            context_dir,
            dockerfile,
            build_args,
            env_files: s.env_files().into_iter().map(|(p, n)| (p, at(n))).collect(),
            interpolated,
            silenced: pragmas
                .applying_to(s.key.start.line as usize)
                .flat_map(|p| p.ids.iter().map(|id| (id.clone(), p.suppression(path))))
                .collect(),
        }));
    }
    facts
}

/// Variables interpolated without a default (or required) anywhere in a service, with where.
fn collect_interpolations(node: &yaml::Node, out: &mut Vec<(String, Located)>, at: &dyn Fn(&yaml::Node) -> Located) {
    match &node.value {
        yaml::Value::Scalar(s, ..) => {
            if s.contains('$') {
                for v in interp::Template::parse(s).vars() {
                    if matches!(v.modifier, interp::Modifier::None | interp::Modifier::Required) {
                        out.push((v.name.clone(), at(node)));
                    }
                }
            }
        }
        yaml::Value::Seq(items) => items.iter().for_each(|i| collect_interpolations(i, out, at)),
        yaml::Value::Map(entries) => entries.iter().for_each(|e| collect_interpolations(&e.value, out, at)),
    }
}

impl crate::analyzer::Analyzer for ComposeLinter {
    fn name(&self) -> &'static str {
        "compose"
    }

    fn takes(&self, file: &crate::analyzer::FileInput<'_>) -> bool {
        is_compose_name(file.path) || (file.explicit && looks_like_compose(file.data))
    }

    fn analyze(&self, file: &crate::analyzer::FileInput<'_>, out: &mut crate::analyzer::Emitted<'_>) {
        if file.disk_path.is_none() && file.snapshot.is_some() {
            self.lint_in_repository(file.path, file.data, file.secrets, out.findings, out.facts);
            return;
        }
        self.lint(
            file.path,
            file.data,
            file.disk_path,
            file.secrets,
            out.findings,
            out.facts,
        );
    }

    fn rule_infos(&self) -> Vec<crate::catalog::RuleInfo> {
        ComposeLinter::rule_infos(self)
    }

    fn catalog(&self) -> Vec<crate::analyzer::RuleState> {
        crate::lint::rule_states(rules::catalog(), |id| self.is_active(id), |id| self.severity_of(id))
    }

    fn title(&self) -> &'static str {
        "compose"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lint(text: &str) -> Vec<Finding> {
        let (mut out, mut facts) = (Vec::new(), Vec::new());
        ComposeLinter::new(&LinterConfig::default()).lint(
            "compose.yaml",
            text.as_bytes(),
            None,
            &[],
            &mut out,
            &mut facts,
        );
        out
    }

    #[test]
    fn names() {
        for n in [
            "docker-compose.yml",
            "docker-compose.prod.yaml",
            "compose.yaml",
            "compose.override.yml",
            "dir/app.compose.yml",
            "Docker-Compose.YML",
        ] {
            assert!(is_compose_name(n), "{n}");
        }
        for n in [
            "compose.json",
            "docker-compose",
            "mycompose.yml",
            "values.yaml",
            ".github/workflows/ci.yml",
        ] {
            assert!(!is_compose_name(n), "{n}");
        }
        assert!(looks_like_compose(b"# x\nservices:\n  a: {}\n"));
        assert!(!looks_like_compose(b"jobs:\n  services:\n"));
    }

    #[test]
    fn parse_error_is_one_finding_with_position() {
        let f = lint("services:\n  web:\n    image: nginx:1\n    ports: [\"80:80\"\n");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(&*f[0].rule_id, "DC000");
        assert!(f[0].span.line >= 4, "{:?}", f[0].span);
    }

    #[test]
    fn alias_bomb_is_a_parse_finding() {
        let mut text = String::from("x0: &x0 [a, a, a, a, a, a, a, a, a, a]\n");
        for i in 1..12 {
            let p = i - 1;
            text.push_str(&format!(
                "x{i}: &x{i} [*x{p}, *x{p}, *x{p}, *x{p}, *x{p}, *x{p}, *x{p}, *x{p}, *x{p}, *x{p}]\n"
            ));
        }
        text.push_str("services:\n  a:\n    image: nginx:1\n");
        let f = lint(&text);
        assert_eq!(f.len(), 1);
        assert_eq!(&*f[0].rule_id, "DC000");
        assert!(f[0].message.contains("alias bomb"));
    }

    #[test]
    fn findings_point_at_the_key_and_mask_secret_values() {
        let f = lint("services:\n  db:\n    image: postgres:17\n    environment:\n      POSTGRES_PASSWORD: example\n");
        let dc012 = f.iter().find(|f| &*f.rule_id == "DC012").unwrap();
        assert_eq!((dc012.span.line, dc012.span.column), (5, 7));
        assert_eq!(dc012.snippet.as_deref(), Some("POSTGRES_PASSWORD: …"));
        assert!(dc012.message.starts_with("service `db` "));
        let f = lint("services:\n  db:\n    environment:\n      - POSTGRES_PASSWORD=example\n");
        let dc012 = f.iter().find(|f| &*f.rule_id == "DC012").unwrap();
        assert_eq!(dc012.snippet.as_deref(), Some("- POSTGRES_PASSWORD=…"));
    }

    #[test]
    fn a_merged_anchor_is_one_finding_naming_every_service() {
        let f = lint("x-base: &base\n  privileged: true\nservices:\n  a:\n    <<: *base\n  b:\n    <<: *base\n");
        let p: Vec<_> = f.iter().filter(|f| &*f.rule_id == "DC005").collect();
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].span.line, 2);
        assert!(p[0].message.contains("`a`, `b`"), "{}", p[0].message);
    }

    #[test]
    fn pragmas_mark_findings_suppressed_and_name_themselves() {
        let f = lint(
            "services:\n  db:\n    # plimsoll ignore=DC005 -- CI runner needs it\n    privileged: true\n    network_mode: host # plimsoll ignore=host-namespace\n",
        );
        let dc005 = f
            .iter()
            .find(|f| &*f.rule_id == "DC005")
            .expect("kept, marked suppressed");
        let why = dc005.suppressed.as_ref().expect("suppressed");
        assert_eq!(why.kind, crate::finding::SuppressionKind::Inline);
        assert_eq!(why.source, "compose.yaml:3");
        assert_eq!(why.justification.as_deref(), Some("CI runner needs it"));
        let dc008 = f.iter().find(|f| &*f.rule_id == "DC008").unwrap();
        assert_eq!(
            dc008.suppressed.as_ref().map(|s| s.source.as_str()),
            Some("compose.yaml:5")
        );
        assert!(
            f.iter()
                .filter(|f| f.suppressed.is_none())
                .all(|f| &*f.rule_id != "DC005" && &*f.rule_id != "DC008"),
            "{f:?}"
        );
        let f = lint("# plimsoll ignore-file=DC005\nservices:\n  db:\n    privileged: true\n");
        let dc005 = f.iter().find(|f| &*f.rule_id == "DC005").unwrap();
        assert_eq!(
            dc005.suppressed.as_ref().map(|s| s.source.as_str()),
            Some("compose.yaml:1")
        );
        // Without a pragma nothing is suppressed.
        let f = lint("services:\n  db:\n    privileged: true\n");
        assert!(f.iter().all(|f| f.suppressed.is_none()), "{f:?}");
    }

    #[test]
    fn invalid_utf8_is_a_parse_finding() {
        let (mut out, mut facts) = (Vec::new(), Vec::new());
        ComposeLinter::new(&LinterConfig::default()).lint(
            "compose.yml",
            b"services:\n  a: \xff\n",
            None,
            &[],
            &mut out,
            &mut facts,
        );
        assert_eq!(&*out[0].rule_id, "DC000");
        assert_eq!(out[0].span.line, 2);
    }

    #[test]
    fn includes_are_followed_and_missing_files_reported() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path();
        std::fs::create_dir_all(p.join("infra")).unwrap();
        std::fs::write(
            p.join("compose.yaml"),
            "include:\n  - ./infra/db.yml\n  - path: [./missing.yml]\n  - ${ENV}.yml\nservices:\n  web:\n    image: nginx:1.27\n    extends:\n      file: ./nowhere.yml\n      service: base\n",
        )
        .unwrap();
        std::fs::write(
            p.join("infra/db.yml"),
            "include:\n  - ../compose.yaml\nservices:\n  db:\n    image: postgres:17\n    privileged: true\n",
        )
        .unwrap();
        let (mut out, mut facts) = (Vec::new(), Vec::new());
        let compose = p.join("compose.yaml");
        let data = std::fs::read(&compose).unwrap();
        ComposeLinter::new(&LinterConfig::default()).lint(
            "compose.yaml",
            &data,
            Some(&compose),
            &[],
            &mut out,
            &mut facts,
        );
        let at = |id: &str| -> Vec<(String, u32)> {
            out.iter()
                .filter(|f| &*f.rule_id == id)
                .map(|f| (f.path.clone(), f.span.line))
                .collect()
        };
        // The missing include and the missing extends file, at their lines; the cycle back from db.yml.
        assert_eq!(
            at("DC018"),
            vec![
                ("infra/db.yml".to_string(), 2),
                ("compose.yaml".to_string(), 3),
                ("compose.yaml".to_string(), 9),
            ],
            "{out:?}"
        );
        // The included file's services are linted and become facts.
        assert_eq!(at("DC005"), vec![("infra/db.yml".to_string(), 6)]);
        assert!(
            facts
                .iter()
                .any(|f| matches!(f, Fact::ComposeService(s) if s.name == "db" && s.file == "infra/db.yml"))
        );
    }

    #[test]
    fn extends_brings_the_base_service_health_check() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path();
        std::fs::write(
            p.join("compose.base.yaml"),
            "services:\n  app:\n    image: ghcr.io/acme/app:1.0\n    healthcheck:\n      test: [\"CMD\", \"/ping\"]\n",
        )
        .unwrap();
        std::fs::write(
            p.join("compose.yaml"),
            "services:\n  web:\n    extends:\n      file: compose.base.yaml\n      service: app\n  loop:\n    extends: loop\n    image: redis:7\n",
        )
        .unwrap();
        let linter = ComposeLinter::new(&LinterConfig::default());
        let (mut out, mut facts) = (Vec::new(), Vec::new());
        for f in ["compose.yaml", "compose.base.yaml"] {
            let disk = p.join(f);
            linter.lint(
                f,
                &std::fs::read(&disk).unwrap(),
                Some(&disk),
                &[],
                &mut out,
                &mut facts,
            );
        }
        crate::project::ProjectRules::default().run(facts, &mut out);
        let dc001: Vec<&str> = out
            .iter()
            .filter(|f| &*f.rule_id == "DC001")
            .map(|f| f.message.split('`').nth(1).unwrap_or(""))
            .collect();
        // web inherits app's health check; loop extends itself (a cycle, harmless) and has none.
        assert_eq!(dc001, vec!["loop"], "{out:?}");
    }
}
