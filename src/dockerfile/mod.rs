//! The Dockerfile linter: the `dockerfile::lint` step of the per-file job. It parses a Dockerfile with
//! `parse-dockerfile`, builds the [`model::Model`] (stages, resolved base images, `RUN` scripts), runs every
//! active rule of [`rules::RULES`] over it, drops what ignore pragmas silence, and turns the rest into
//! [`Finding`]s whose snippet and fingerprint are the offending instruction on one line.
//!
//! A file that does not parse is one `DF000` finding at the parser's position; a rule that panics becomes a
//! `DF000` "internal error" finding instead of ending the scan.
//!
//! ```
//! use plimsoll::dockerfile::{Linter, LinterConfig};
//! let linter = Linter::new(&LinterConfig::default());
//! let mut findings = Vec::new();
//! linter.lint("Dockerfile", b"FROM debian:latest\nUSER root\n", None, &[], &mut findings);
//! assert!(findings.iter().any(|f| &*f.rule_id == "DF002"));
//! assert!(findings.iter().any(|f| &*f.rule_id == "DF001"));
//! ```

pub mod context;
pub mod dockerignore;
pub mod facts;
pub mod image;
pub mod model;
pub mod packages;
pub mod pragma;
pub mod rules;
pub mod shell;

use crate::finding::{Category, Finding, Fingerprint, Severity, Span, Suppression};
use crate::position::LineIndex;
use dockerignore::DockerIgnore;
use model::{ImplicitStage, Model};
use pragma::Pragmas;
use rules::{Context, Hit, IgnoreFile, Rule, Settings};
use std::cell::OnceCell;
use std::ops::Range;
use std::path::Path;

/// Longest snippet printed; the fingerprint always uses the whole instruction.
const SNIPPET_MAX_CHARS: usize = 160;

/// DF006 (secret-named ARG/ENV), superseded by a secret finding on the same instruction.
const SECRET_NAMED_VARIABLE: &str = "DF006";

pub use crate::lint::LinterConfig;

/// An active rule with its effective severity.
type Active = crate::lint::Active<dyn Rule>;

/// The configured linter; shared by every worker thread.
pub struct Linter {
    /// The rules that run, and `DF000` (reported unless disabled).
    rules: crate::lint::Selection<dyn Rule>,
    /// Build-context listings, one per context directory, shared by every Dockerfile built from it.
    contexts: context::ContextCache,
    settings: Settings,
}

impl crate::analyzer::Analyzer for Linter {
    fn name(&self) -> &'static str {
        "dockerfile"
    }

    fn takes(&self, file: &crate::analyzer::FileInput<'_>) -> bool {
        is_dockerfile_name(file.path) || (file.explicit && looks_like_dockerfile(file.data))
    }

    fn analyze(&self, file: &crate::analyzer::FileInput<'_>, out: &mut crate::analyzer::Emitted<'_>) {
        let source = match (file.disk_path, file.snapshot) {
            (Some(p), _) => ContextSource::Disk(p),
            (None, Some(files)) => ContextSource::Snapshot {
                dockerfile: file.path,
                files,
            },
            (None, None) => ContextSource::None,
        };
        let context = self.lint_collecting(
            file.path,
            file.data,
            source,
            file.secrets,
            out.findings,
            file.disk_path.is_some(),
        );
        // Out of git, the fact names the Dockerfile by its repository path, as the compose facts of the
        // same snapshot do.
        let located = file.disk_path.or(file.snapshot.map(|_| Path::new(file.path)));
        if let Some(at) = located {
            out.facts.push(crate::facts::Fact::Dockerfile(facts::dockerfile_fact(
                file.path, at, file.data, context,
            )));
        }
    }

    fn rule_infos(&self) -> Vec<crate::catalog::RuleInfo> {
        Linter::rule_infos(self)
    }

    fn catalog(&self) -> Vec<crate::analyzer::RuleState> {
        crate::lint::rule_states(rules::catalog(), |id| self.is_active(id), |id| self.severity_of(id))
    }

    fn title(&self) -> &'static str {
        "Dockerfile"
    }
}

/// Whether a file name is one the walk lints: `Dockerfile`, `Dockerfile.*`, `*.Dockerfile`, `*.dockerfile`,
/// `Containerfile`, `Containerfile.*` (case-insensitive for the fixed part).
pub fn is_dockerfile_name(path: &str) -> bool {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let lower = name.to_ascii_lowercase();
    // `Dockerfile.dockerignore` is the per-Dockerfile ignore file, not a Dockerfile.
    if lower.ends_with(".dockerignore") {
        return false;
    }
    lower == "dockerfile"
        || lower == "containerfile"
        || lower.starts_with("dockerfile.")
        || lower.starts_with("containerfile.")
        || (lower.ends_with(".dockerfile") && lower.len() > ".dockerfile".len())
}

/// Whether text given explicitly (a file named on the command line, or stdin) looks like a Dockerfile:
/// its first instruction-like line is `FROM`, `ARG` or a parser directive leads into one.
pub fn looks_like_dockerfile(data: &[u8]) -> bool {
    let head = &data[..data.len().min(64 * 1024)];
    let text = String::from_utf8_lossy(head);
    for line in text.lines() {
        let t = line.trim_start_matches('\u{feff}').trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let word = t.split_whitespace().next().unwrap_or("").to_ascii_uppercase();
        // `from x import y` is Python, not a Dockerfile.
        return (word == "FROM" || word == "ARG") && !t.contains(" import ");
    }
    false
}

impl Linter {
    pub fn new(cfg: &LinterConfig) -> Linter {
        Linter {
            rules: crate::lint::Selection::new(rules::RULES, rules::PARSE_ERROR_ID, cfg, |r| r.meta()),
            contexts: context::ContextCache::default(),
            settings: Settings {
                trusted_registries: cfg.trusted_registries.clone(),
            },
        }
    }

    /// Ids of the rules that run.
    pub fn active_ids(&self) -> Vec<&str> {
        self.rules.active.iter().map(|a| a.rule.meta().id).collect()
    }

    /// Catalog entries of the rules that run (DF000 included), with their effective severity.
    pub fn rule_infos(&self) -> Vec<crate::catalog::RuleInfo> {
        self.rules.infos(|r| r.meta().info())
    }

    /// Whether rule `id` runs in this configuration.
    pub fn is_active(&self, id: &str) -> bool {
        id == rules::PARSE_ERROR_ID || self.rules.active.iter().any(|a| a.rule.meta().id == id)
    }

    /// Effective severity of rule `id`, if it exists.
    pub fn severity_of(&self, id: &str) -> Option<Severity> {
        self.rules.severity_of(id)
    }

    /// Lints one Dockerfile. `path` is the display path; `disk_path` is where it lives on disk (its
    /// directory is the build context whose `.dockerignore` is checked), `None` for stdin or git blobs;
    /// `redact` are byte ranges (secrets found by the secrets engine) masked in printed snippets.
    pub fn lint(
        &self,
        path: &str,
        data: &[u8],
        disk_path: Option<&Path>,
        redact: &[Range<usize>],
        out: &mut Vec<Finding>,
    ) {
        let source = disk_path.map_or(ContextSource::None, ContextSource::Disk);
        self.lint_in(path, data, source, redact, out);
    }

    /// [`Linter::lint`] with the build context's files coming from `source` (disk, a git snapshot, none).
    pub fn lint_in(
        &self,
        path: &str,
        data: &[u8],
        source: ContextSource<'_>,
        redact: &[Range<usize>],
        out: &mut Vec<Finding>,
    ) {
        self.lint_collecting(path, data, source, redact, out, false);
    }

    /// [`Linter::lint_in`], and with `want_context`, the build context the file was audited with and what
    /// it copies out of it (for the project phase; `None` without a context on disk or copies).
    fn lint_collecting(
        &self,
        path: &str,
        data: &[u8],
        source: ContextSource<'_>,
        redact: &[Range<usize>],
        out: &mut Vec<Finding>,
        want_context: bool,
    ) -> Option<crate::facts::BuildContextFact> {
        let text = String::from_utf8_lossy(data);
        let bom = if text.starts_with('\u{feff}') {
            '\u{feff}'.len_utf8()
        } else {
            0
        };
        let body = &text[bom..];
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            self.lint_text(body, source, want_context)
        }));
        let index = LineIndex::new(body);
        // The secrets the secrets engine found in `span`, as ranges of `body`.
        let secrets_in = |span: &Range<usize>| -> Vec<Range<usize>> {
            redact
                .iter()
                .filter(|r| r.start >= bom && r.start - bom < span.end && r.end - bom > span.start)
                .map(|r| r.start - bom..r.end - bom)
                .collect()
        };
        // A snippet with those secrets masked.
        let masked = |span: &Range<usize>, plain: &str| -> String {
            let shifted = secrets_in(span);
            if shifted.is_empty() {
                plain.to_string()
            } else {
                model::normalize(&mask(body, span, &shifted), '\\')
            }
        };
        match result {
            Ok(linted) => {
                let pragmas = Pragmas::parse(body);
                let context = linted
                    .context
                    .map(|parts| parts.into_fact(&index, body, &pragmas, &masked));
                for (k, hit, span, text_norm) in linted.hits {
                    let a = &self.rules.active[k];
                    let m = a.rule.meta();
                    let line = index.line(span.start);
                    let silenced = if pragmas.is_empty() {
                        None
                    } else {
                        pragmas.silencing(line, m.id, m.name, m.twins)
                    };
                    // One secret, one finding: when the secrets engine already reports the value of a
                    // secret-named ARG/ENV, that finding (what to revoke) stands for this one.
                    if m.id == SECRET_NAMED_VARIABLE && !secrets_in(&span).is_empty() {
                        continue;
                    }
                    let shown = hit.snippet.clone().unwrap_or_else(|| masked(&span, &text_norm));
                    let mut finding = self.finding(a, path, &index, body, span, &text_norm, hit.message, shown);
                    finding.suppressed = silenced
                        .map(|(line, reason)| Suppression::inline(path, line as u32, reason.map(str::to_string)));
                    out.push(finding);
                }
                if self.rules.report_parse_errors {
                    let recovered = linted.instructions > 0;
                    for e in linted.errors {
                        out.push(self.parse_error_finding(path, body, &index, &e, recovered));
                    }
                }
                context
            }
            Err(_) => {
                out.push(self.internal_error_finding(path));
                None
            }
        }
    }

    /// The `DF000` finding that stands for a rule that panicked.
    fn internal_error_finding(&self, path: &str) -> Finding {
        Finding {
            rule_id: self.rules.parse_error.id.clone(),
            rule_name: self.rules.parse_error.name.clone(),
            severity: Severity::Error,
            category: Category::Dockerfile,
            path: path.to_string(),
            span: Span {
                line: 1,
                column: 1,
                end_line: 1,
                end_column: 1,
            },
            message: "internal error while linting this Dockerfile (a plimsoll bug; please report it)".into(),
            fingerprint: Fingerprint::new(rules::PARSE_ERROR_ID, b"internal", path),
            snippet: None,
            secret: None,
            commit: None,
            confidence: None,
            other_locations: Vec::new(),
            baked_into: Vec::new(),
            suppressed: None,
        }
    }

    /// The `DF000` finding of one parse error. `recovered`: other instructions parsed and were checked.
    fn parse_error_finding(
        &self,
        path: &str,
        body: &str,
        index: &LineIndex,
        e: &ParseError,
        recovered: bool,
    ) -> Finding {
        let line = e.line.max(1);
        let range = index.line_range(body, line);
        let snippet = range
            .clone()
            .map(|r| model::normalize(&body[r], '\\'))
            .unwrap_or_default();
        // The parser's column is only reliable on line 1; elsewhere point at the line's first word.
        // The parser's column counts bytes; a finding's counts characters (the line may hold multi-byte
        // characters, or U+FFFD for bytes that are not UTF-8).
        let column = match (&range, e.column) {
            (Some(r), Some(c)) => body[r.clone()].char_indices().take_while(|&(i, _)| i + 1 < c).count() + 1,
            (None, Some(c)) => c.max(1),
            (Some(r), None) => body[r.clone()].chars().take_while(|c| c.is_whitespace()).count() + 1,
            (None, None) => 1,
        };
        // To the end of the line; an empty line (an empty file) gets an empty region, never one past it.
        let end_column = range.map_or(column, |r| body[r].chars().count() + 1).max(column);
        let rest = if recovered {
            "the instructions that parse were still checked"
        } else {
            "fix the syntax so it can be built and checked"
        };
        Finding {
            rule_id: self.rules.parse_error.id.clone(),
            rule_name: self.rules.parse_error.name.clone(),
            severity: self.rules.parse_error.severity,
            category: Category::Dockerfile,
            path: path.to_string(),
            span: Span {
                line: line as u32,
                column: column as u32,
                end_line: line as u32,
                end_column: end_column as u32,
            },
            message: format!("Dockerfile does not parse: {}; {rest}", e.message),
            fingerprint: Fingerprint::new(rules::PARSE_ERROR_ID, snippet.as_bytes(), path),
            snippet: Some(truncate(&snippet)),
            secret: None,
            commit: None,
            confidence: None,
            other_locations: Vec::new(),
            baked_into: Vec::new(),
            suppressed: None,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn finding(
        &self,
        a: &Active,
        path: &str,
        index: &LineIndex,
        body: &str,
        span: Range<usize>,
        text_norm: &str,
        message: String,
        shown: String,
    ) -> Finding {
        let (line, column) = index.position(body, span.start);
        let (end_line, end_column) = index.position(body, span.end);
        Finding {
            rule_id: a.id.clone(),
            rule_name: a.name.clone(),
            severity: a.severity,
            category: Category::Dockerfile,
            path: path.to_string(),
            span: Span {
                line,
                column,
                end_line,
                end_column,
            },
            message,
            fingerprint: Fingerprint::new(a.rule.meta().id, text_norm.as_bytes(), path),
            snippet: Some(truncate(&shown)),
            secret: None,
            commit: None,
            confidence: None,
            other_locations: Vec::new(),
            baked_into: Vec::new(),
            suppressed: None,
        }
    }

    /// Parses (tolerating errors, see [`parse_tolerant`]) and runs the rules over what parsed; with
    /// `want_context`, also says what the file copies out of its build context.
    fn lint_text(&self, text: &str, source: ContextSource<'_>, want_context: bool) -> Linted {
        if let Ok((parsed, escape)) = parse(text) {
            let (hits, context) = self.run_rules(text, text, &parsed, escape, None, source, want_context);
            return Linted {
                instructions: parsed.len(),
                hits,
                errors: Vec::new(),
                context,
            };
        }
        let recovered = parse_tolerant(text);
        let parsed_text = recovered.parsed_text();
        let (instructions, hits, context) = match parse(&parsed_text) {
            Ok((parsed, escape)) => {
                let real = parsed.len() - usize::from(recovered.implicit.is_some());
                let (hits, context) = self.run_rules(
                    &recovered.text,
                    &parsed_text,
                    &parsed,
                    escape,
                    recovered.implicit,
                    source,
                    want_context,
                );
                (real, hits, context)
            }
            Err(_) => (0, Vec::new(), None),
        };
        Linted {
            instructions,
            hits,
            errors: recovered.errors,
            context,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn run_rules<'t>(
        &self,
        text: &'t str,
        parsed_text: &'t str,
        parsed: &[parse_dockerfile::Instruction<'t>],
        escape: char,
        implicit: Option<ImplicitStage>,
        source: ContextSource<'_>,
        want_context: bool,
    ) -> (Vec<RuleHit>, Option<ContextParts>) {
        let mut out = Vec::new();
        let model = Model::build_recovered(text, parsed_text, parsed, escape, implicit);
        let ignore = OnceCell::new();
        let cx = Context {
            model: &model,
            settings: &self.settings,
            ignore_file: &ignore,
            source,
            contexts: &self.contexts,
        };
        let mut hits = Vec::new();
        for (k, a) in self.rules.active.iter().enumerate() {
            hits.clear();
            a.rule.check(&cx, &mut hits);
            for mut hit in hits.drain(..) {
                let Some(ins) = model.instrs.get(hit.instr) else {
                    continue;
                };
                if ins.synthetic {
                    continue;
                }
                if hit.snippet.is_none() {
                    hit.snippet = rules::masked_snippet(ins);
                }
                let span = ins.span.clone();
                let text_norm = ins.text.clone();
                out.push((k, hit, span, text_norm));
            }
        }
        let mut context = if want_context { ContextParts::of(&cx) } else { None };
        // The ignore file the rules read (ContextParts::of read it if none did) moves into the fact.
        if let Some(c) = &mut context {
            c.ignore = match ignore.into_inner() {
                Some(IgnoreFile::Found(d)) => crate::facts::IgnoreFact::Found(std::sync::Arc::new(d)),
                Some(IgnoreFile::Missing) => crate::facts::IgnoreFact::Missing,
                Some(IgnoreFile::Unknown) | None => crate::facts::IgnoreFact::Unknown,
            };
        }
        (out, context)
    }
}

/// A rule's hit: active rule index, hit, instruction span, normalized instruction.
type RuleHit = (usize, Hit, Range<usize>, String);

/// What [`Linter::lint_text`] found: rule hits, the parse errors recovered from, and what the file copies
/// out of its build context.
struct Linted {
    /// Instructions that parsed (the implicit `FROM` not counted).
    instructions: usize,
    hits: Vec<RuleHit>,
    errors: Vec<ParseError>,
    context: Option<ContextParts>,
}

/// The build context of a linted Dockerfile and its copies out of it, before positions are lines.
struct ContextParts {
    dir: std::path::PathBuf,
    /// Set from the rules' cell once they are done (see [`Linter::run_rules`]).
    ignore: crate::facts::IgnoreFact,
    copies: Vec<RawCopy>,
}

/// A [`crate::facts::CopyFact`] with its byte span, and its snippet when a rule would mask it.
struct RawCopy {
    span: Range<usize>,
    text: String,
    snippet: Option<String>,
    sources: Vec<String>,
    ships: bool,
    whole_context: bool,
}

impl ContextParts {
    /// The context of `cx` (on disk) and the `COPY`/`ADD` instructions that take files from it.
    fn of(cx: &Context<'_, '_>) -> Option<ContextParts> {
        use rules::context_audit;
        let dir = cx.context_root()?;
        let m = cx.model;
        let copies: Vec<_> = m
            .instrs
            .iter()
            .enumerate()
            .filter(|(_, ins)| !ins.synthetic)
            .filter_map(|(i, ins)| {
                let sources = context_audit::context_sources(m, i)?;
                Some(RawCopy {
                    span: ins.span.clone(),
                    text: ins.text.clone(),
                    snippet: rules::masked_snippet(ins),
                    sources,
                    ships: context_audit::ships(m, i),
                    whole_context: context_audit::copies_whole_context(ins.inner),
                })
            })
            .collect();
        if copies.is_empty() {
            return None;
        }
        cx.ignore_file();
        Some(ContextParts {
            dir: crate::fsutil::normalize_path(&dir),
            ignore: crate::facts::IgnoreFact::Unknown,
            copies,
        })
    }

    /// The fact, with positions as lines and columns, snippets masked, and the pragmas silencing the
    /// context rules on each copy.
    fn into_fact(
        self,
        index: &LineIndex,
        body: &str,
        pragmas: &Pragmas,
        masked: &dyn Fn(&Range<usize>, &str) -> String,
    ) -> crate::facts::BuildContextFact {
        let context_rules: Vec<&'static rules::Meta> = ["DF017", "DF018"]
            .iter()
            .filter_map(|id| rules::find(id))
            .map(|r| r.meta())
            .collect();
        let copies = self
            .copies
            .into_iter()
            .map(|c| {
                let RawCopy {
                    span,
                    text,
                    snippet,
                    sources,
                    ships,
                    whole_context,
                } = c;
                let (line, column) = index.position(body, span.start);
                let (end_line, end_column) = index.position(body, span.end);
                let silenced = context_rules
                    .iter()
                    .filter_map(|m| {
                        let (pl, reason) = pragmas.silencing(line as usize, m.id, m.name, m.twins)?;
                        Some((m.id, pl as u32, reason.map(str::to_string)))
                    })
                    .collect();
                let shown = snippet.unwrap_or_else(|| masked(&span, &text));
                crate::facts::CopyFact {
                    span: Span {
                        line,
                        column,
                        end_line,
                        end_column,
                    },
                    sources,
                    ships,
                    whole_context,
                    text,
                    snippet: truncate(&shown),
                    silenced,
                }
            })
            .collect();
        crate::facts::BuildContextFact {
            dir: self.dir,
            ignore: self.ignore,
            copies,
        }
    }
}

/// One place where the file does not parse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based line in the file.
    pub line: usize,
    /// 1-based column when the parser's is reliable (line 1), else `None`.
    pub column: Option<usize>,
    pub message: String,
}

/// The file as the error-tolerant parser left it: instructions that do not parse blanked, and where an
/// implicit stage starts.
pub struct Recovered {
    /// The file with each unparsable instruction replaced by spaces (line breaks and length kept, so every
    /// offset is the file's).
    pub text: String,
    /// Where [`model::IMPLICIT_FROM`] goes when instructions come before any `FROM`.
    pub implicit: Option<ImplicitStage>,
    pub errors: Vec<ParseError>,
}

impl Recovered {
    /// The text to parse: [`Recovered::text`] with the implicit `FROM` inserted.
    pub fn parsed_text(&self) -> std::borrow::Cow<'_, str> {
        match self.implicit {
            None => std::borrow::Cow::Borrowed(&self.text),
            Some(ImplicitStage { at }) => {
                let mut s = String::with_capacity(self.text.len() + model::IMPLICIT_FROM.len());
                s.push_str(&self.text[..at]);
                s.push_str(model::IMPLICIT_FROM);
                s.push_str(&self.text[at..]);
                std::borrow::Cow::Owned(s)
            }
        }
    }
}

/// How many instructions the error-tolerant parser skips in one file before it gives up on the rest; each
/// skip re-parses the file, so the bound keeps a hostile file linear.
const MAX_RECOVERIES: usize = 32;

/// Error-tolerant parsing, the way ruff lints a file with syntax errors: every instruction that does not
/// parse is recorded as a [`ParseError`] and blanked, and the file is parsed again, until the rest parses.
/// Instructions before any `FROM` (a fragment, a template, `MAINTAINER` above `FROM`) get an implicit
/// stage; a file with no `FROM` at all gets one at its end, so its `ARG`s are still checked. An unterminated
/// heredoc or quote swallows the rest of the file, as it does for Docker.
pub fn parse_tolerant(body: &str) -> Recovered {
    let mut rec = Recovered {
        text: repair_for_parser(body).unwrap_or_else(|| body.to_string()),
        implicit: None,
        errors: Vec::new(),
    };
    let escape = escape_directive(body);
    let mut last_error: Option<usize> = None;
    for round in 0..=MAX_RECOVERIES {
        let candidate = rec.parsed_text();
        let Err((line, column, message, last_good)) = parse_progress(&candidate) else {
            break;
        };
        let candidate_index = LineIndex::new(candidate.as_bytes());
        let line_start = candidate_index
            .line_range(candidate.as_bytes(), line.max(1))
            .map_or(candidate.len(), |r| r.start);
        drop(candidate);
        // Back to the file's coordinates.
        let to_text = |x: usize| match rec.implicit {
            Some(ImplicitStage { at }) if x >= at + model::IMPLICIT_FROM.len() => x - model::IMPLICIT_FROM.len(),
            Some(ImplicitStage { at }) if x >= at => at,
            _ => x,
        };
        let (offset, line) = match rec.implicit {
            Some(ImplicitStage { at }) if line_start >= at + model::IMPLICIT_FROM.len() => {
                (line_start - model::IMPLICIT_FROM.len(), line.saturating_sub(1))
            }
            _ => (line_start, line),
        };
        let last_good = last_good.map(to_text);
        let column = (line == 1 && column > 0).then_some(column);
        if message == "expected FROM" && rec.implicit.is_none() {
            // The parser points at the instruction's keyword; the implicit stage starts there.
            let at = line_start + column.map_or(0, |c| c - 1).min(rec.text.len() - line_start);
            let at = if rec.text[line_start..at].trim().is_empty() {
                at
            } else {
                line_start
            };
            rec.errors.push(ParseError {
                line,
                column,
                message: "an instruction other than ARG comes before the first FROM".into(),
            });
            rec.implicit = Some(ImplicitStage { at });
            continue;
        }
        if message == "expected at least one FROM instruction" {
            rec.errors.push(ParseError {
                line: 1,
                column: Some(1),
                message: "no FROM instruction, so there is no build stage".into(),
            });
            if rec.implicit.is_none() {
                if !rec.text.is_empty() && !rec.text.ends_with('\n') {
                    rec.text.push('\n');
                }
                rec.implicit = Some(ImplicitStage { at: rec.text.len() });
                continue;
            }
            break;
        }
        rec.errors.push(ParseError {
            line,
            column,
            message: message.clone(),
        });
        let swallows_rest = message.contains("reached eof");
        let stuck = last_error.is_some_and(|e| offset <= e);
        let range = if swallows_rest || stuck || round == MAX_RECOVERIES {
            // The instruction that fails starts after the last one that parsed (its continuation lines
            // included); it and everything after it go.
            let after_good = last_good.map_or(0, |g| {
                let end = instruction_lines(&rec.text, g, escape).end;
                (end + 1).min(rec.text.len())
            });
            let here = instruction_lines(&rec.text, offset.min(rec.text.len()), escape).start;
            after_good.min(here)..rec.text.len()
        } else {
            instruction_lines(&rec.text, offset.min(rec.text.len()), escape)
        };
        last_error = Some(offset);
        blank(&mut rec.text, range);
    }
    rec
}

/// The lines of the instruction that contains byte `offset`: back over lines that the previous one
/// continues (escape character at its end), forward over the lines it continues itself.
fn instruction_lines(text: &str, offset: usize, escape: char) -> Range<usize> {
    let continues = |line: &str| {
        let t = line.trim_end();
        !t.trim_start().starts_with('#') && t.ends_with(escape) && !t.ends_with(&format!("{escape}{escape}"))
    };
    let mut start = text[..offset].rfind('\n').map_or(0, |p| p + 1);
    while start > 0 {
        let prev_start = text[..start - 1].rfind('\n').map_or(0, |p| p + 1);
        if !continues(&text[prev_start..start - 1]) {
            break;
        }
        start = prev_start;
    }
    let mut end = text[offset..].find('\n').map_or(text.len(), |p| offset + p);
    while end < text.len() && continues(&text[text[..end].rfind('\n').map_or(0, |p| p + 1)..end]) {
        end = text[end + 1..].find('\n').map_or(text.len(), |p| end + 1 + p);
    }
    start..end
}

/// Replaces `range` of `text` with spaces, keeping line breaks (and so every offset and line number).
fn blank(text: &mut String, range: Range<usize>) {
    let mut blanked = String::with_capacity(range.len());
    for c in text[range.clone()].chars() {
        match c {
            '\n' | '\r' => blanked.push(c),
            _ => blanked.extend(std::iter::repeat_n(' ', c.len_utf8())),
        }
    }
    text.replace_range(range, &blanked);
}

/// Works around what `parse-dockerfile` rejects although Docker accepts it, keeping every byte offset so
/// positions stay right; `None` when there is nothing to repair. Used only after a first parse failed.
///
/// - `ENTRYPOINT []` / `CMD []` (reset the inherited value): the empty array becomes `""`.
/// - Heredocs that are not the first argument of `RUN` (`RUN python3 <<EOF`, `RUN cat <<EOF > /x`), or
///   not the first heredoc of it: their bodies and terminator lines are blanked with spaces.
pub fn repair_for_parser(text: &str) -> Option<String> {
    let blanked = blank_inline_heredocs(text);
    let base = blanked.as_deref().unwrap_or(text);
    let mut out = String::with_capacity(base.len());
    let mut changed = blanked.is_some();
    for line in base.split_inclusive('\n') {
        let t = line.trim();
        let kw = t.split_whitespace().next().unwrap_or("");
        let rest = t[kw.len()..].trim();
        if (kw.eq_ignore_ascii_case("ENTRYPOINT") || kw.eq_ignore_ascii_case("CMD"))
            && rest.starts_with('[')
            && rest.ends_with(']')
            && rest[1..rest.len() - 1].trim().is_empty()
        {
            let open = line.find('[').unwrap_or(0);
            let close = line.rfind(']').unwrap_or(0);
            out.push_str(&line[..open]);
            out.push('"');
            out.push_str(&" ".repeat(close - open - 1));
            out.push('"');
            out.push_str(&line[close + 1..]);
            changed = true;
        } else {
            out.push_str(line);
        }
    }
    changed.then_some(out)
}

/// The heredoc part of [`repair_for_parser`].
fn blank_inline_heredocs(text: &str) -> Option<String> {
    let mut bytes = text.as_bytes().to_vec();
    let lines: Vec<(usize, &str)> = {
        let mut v = Vec::new();
        let mut pos = 0;
        for l in text.split_inclusive('\n') {
            v.push((pos, l));
            pos += l.len();
        }
        v
    };
    let mut changed = false;
    let mut k = 0;
    while k < lines.len() {
        let line = lines[k].1.trim();
        let upper = line.get(..4).map(|s| s.to_ascii_uppercase());
        let rest = if upper.as_deref() == Some("RUN ") {
            line[4..].trim_start()
        } else if line.len() > 12
            // `get`: byte 8 may fall inside a multi-byte character (`# Thi “remoteUser” …`).
            && line.get(..8).is_some_and(|s| s.eq_ignore_ascii_case("ONBUILD "))
            && line[8..]
                .trim_start()
                .get(..4)
                .is_some_and(|s| s.eq_ignore_ascii_case("RUN "))
        {
            line[8..].trim_start()[4..].trim_start()
        } else {
            k += 1;
            continue;
        };
        // Skip `--mount=…` style options to see whether the first argument is a heredoc.
        let args = rest
            .split_whitespace()
            .skip_while(|w| w.starts_with("--"))
            .collect::<Vec<_>>()
            .join(" ");
        let mut delims = heredoc_delims(&args);
        if args.starts_with("<<") && !delims.is_empty() {
            // The parser reads the first one itself.
            let first = delims.remove(0);
            let Some(end) = (k + 1..lines.len()).find(|&j| is_terminator(lines[j].1, &first)) else {
                k += 1;
                continue;
            };
            k = end;
        }
        let mut j = k + 1;
        for d in &delims {
            let Some(end) = (j..lines.len()).find(|&x| is_terminator(lines[x].1, d)) else {
                break;
            };
            for &(pos, l) in &lines[j..=end] {
                for b in &mut bytes[pos..pos + l.trim_end_matches(['\n', '\r']).len()] {
                    *b = b' ';
                }
            }
            changed = true;
            j = end + 1;
        }
        k = j.max(k + 1);
    }
    if !changed {
        return None;
    }
    String::from_utf8(bytes).ok()
}

/// Heredoc delimiters (`<<EOF`, `<<-'EOF'`, `<<"EOF"`) in a command line, outside quotes.
fn heredoc_delims(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let b = line.as_bytes();
    let mut quote: Option<u8> = None;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'\'' || c == b'"' => quote = Some(c),
            None if c == b'<' && b.get(i + 1) == Some(&b'<') && b.get(i + 2) != Some(&b'<') => {
                let mut j = i + 2;
                if b.get(j) == Some(&b'-') {
                    j += 1;
                }
                let q = b.get(j).copied().filter(|&q| q == b'\'' || q == b'"');
                if q.is_some() {
                    j += 1;
                }
                let start = j;
                while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'_' || b[j] == b'-' || b[j] == b'.') {
                    j += 1;
                }
                if j > start {
                    out.push(line[start..j].to_string());
                }
                i = j;
                continue;
            }
            None => {}
        }
        i += 1;
    }
    out
}

fn is_terminator(line: &str, delim: &str) -> bool {
    line.trim_end_matches(['\n', '\r']).trim_start_matches('\t') == delim
}

/// Parses `text` into instructions (`parse_iter`, so duplicate stage names reach the rules instead of
/// failing the parse). Returns the escape character in effect.
#[allow(clippy::type_complexity)]
pub fn parse(text: &str) -> Result<(Vec<parse_dockerfile::Instruction<'_>>, char), (usize, usize, String)> {
    let err = |e: parse_dockerfile::Error| (e.line(), e.column(), format!("{e:#}"));
    let iter = parse_dockerfile::parse_iter(text).map_err(err)?;
    let mut instrs = Vec::new();
    for item in iter {
        instrs.push(item.map_err(err)?);
    }
    Ok((instrs, escape_directive(text)))
}

/// [`parse`] for the error-tolerant parser: on error, also the start of the last instruction that parsed.
#[allow(clippy::type_complexity)]
fn parse_progress(text: &str) -> Result<(), (usize, usize, String, Option<usize>)> {
    let err = |e: parse_dockerfile::Error, last: Option<usize>| (e.line(), e.column(), format!("{e:#}"), last);
    let iter = parse_dockerfile::parse_iter(text).map_err(|e| err(e, None))?;
    let mut last = None;
    for item in iter {
        last = Some(model::start_of(&item.map_err(|e| err(e, last))?));
    }
    Ok(())
}

/// The `# escape=` parser directive, if any (only at the top, before any other line).
fn escape_directive(text: &str) -> char {
    for line in text.lines() {
        let t = line.trim();
        let Some(d) = t.strip_prefix('#') else { break };
        let d = d.trim();
        if let Some((k, v)) = d.split_once('=') {
            if k.trim().eq_ignore_ascii_case("escape") {
                return v.trim().chars().next().unwrap_or('\\');
            }
        } else {
            break;
        }
    }
    '\\'
}

fn mask(body: &str, span: &Range<usize>, ranges: &[Range<usize>]) -> String {
    let mut s = String::with_capacity(span.len());
    let mut pos = span.start;
    let mut ranges = ranges.to_vec();
    ranges.sort_by_key(|r| r.start);
    for r in ranges {
        let start = r.start.max(pos).min(span.end);
        let end = r.end.min(span.end);
        if start >= end {
            continue;
        }
        if let (Some(keep), Some(secret)) = (body.get(pos..start), body.get(start..end)) {
            s.push_str(keep);
            s.push_str(&crate::finding::redact(secret));
        }
        pos = end;
    }
    s.push_str(body.get(pos..span.end).unwrap_or(""));
    s
}

fn truncate(s: &str) -> String {
    match s.char_indices().nth(SNIPPET_MAX_CHARS) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// Where the files of a Dockerfile's build context come from.
#[derive(Clone, Copy, Debug)]
pub enum ContextSource<'a> {
    /// Nothing known (stdin): the context rules stay quiet.
    None,
    /// The Dockerfile at this path on disk; its directory is the context (or the directory a
    /// `# plimsoll context=<dir>` comment in it names).
    Disk(&'a Path),
    /// The Dockerfile at `dockerfile` on disk built with `context` as its context directory (a compose
    /// service's `build.context`, a CI job's `docker build <dir>`).
    DiskContext { dockerfile: &'a Path, context: &'a Path },
    /// A git snapshot (a commit or the index) holding the Dockerfile at repository path `dockerfile`.
    Snapshot {
        dockerfile: &'a str,
        files: &'a dyn crate::analyzer::Snapshot,
    },
}

impl Context<'_, '_> {
    /// The Dockerfile's path on disk, if it is on disk.
    fn dockerfile_on_disk(&self) -> Option<&Path> {
        match self.source {
            ContextSource::Disk(p) | ContextSource::DiskContext { dockerfile: p, .. } => Some(p),
            _ => None,
        }
    }

    /// The build context directory on disk, if there is one.
    pub fn context_root(&self) -> Option<std::path::PathBuf> {
        match self.source {
            ContextSource::Disk(p) => Some(context::context_dir(p, self.model.text)),
            ContextSource::DiskContext { context, .. } => Some(context.to_path_buf()),
            _ => None,
        }
    }

    /// The files of the build context on disk (listed once per directory, see [`context::ContextCache`]);
    /// `None` when the context is not on disk or cannot be listed.
    pub fn context_listing(&self) -> Option<std::sync::Arc<std::io::Result<context::ContextListing>>> {
        let root = self.context_root()?;
        let listing = self.contexts.get(&root);
        listing.as_ref().as_ref().ok()?;
        Some(listing)
    }

    /// The build context's ignore file, read once per Dockerfile on first use: from disk, or from the same
    /// git snapshot as the Dockerfile.
    pub fn ignore_file(&self) -> &IgnoreFile {
        self.ignore_file.get_or_init(|| match self.source {
            ContextSource::None => IgnoreFile::Unknown,
            ContextSource::Disk(_) | ContextSource::DiskContext { .. } => {
                let (Some(dockerfile), Some(root)) = (self.dockerfile_on_disk(), self.context_root()) else {
                    return IgnoreFile::Unknown;
                };
                match DockerIgnore::for_build(dockerfile, &root) {
                    Ok(Some(d)) => IgnoreFile::Found(d),
                    Ok(None) => IgnoreFile::Missing,
                    Err(_) => IgnoreFile::Unknown,
                }
            }
            ContextSource::Snapshot { dockerfile, files } => {
                let (dir, name) = match dockerfile.rsplit_once('/') {
                    Some((d, n)) => (format!("{d}/"), n),
                    None => (String::new(), dockerfile),
                };
                [format!("{dir}{name}.dockerignore"), format!("{dir}.dockerignore")]
                    .into_iter()
                    .find_map(|p| files.read(&p).map(|bytes| (p, bytes)))
                    .map_or(IgnoreFile::Missing, |(p, bytes)| {
                        IgnoreFile::Found(DockerIgnore::parse(p, &String::from_utf8_lossy(&bytes)))
                    })
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reported findings (suppressed ones left out, as the collector does).
    fn lint(text: &str) -> Vec<Finding> {
        let mut out = lint_all(text);
        out.retain(|f| f.suppressed.is_none());
        out
    }

    fn lint_all(text: &str) -> Vec<Finding> {
        let mut out = Vec::new();
        Linter::new(&LinterConfig::default()).lint("Dockerfile", text.as_bytes(), None, &[], &mut out);
        out
    }

    #[test]
    fn names_the_walk_lints() {
        for n in [
            "Dockerfile",
            "a/b/Dockerfile.prod",
            "x.Dockerfile",
            "api.dockerfile",
            "Containerfile",
            "Containerfile.dev",
            "dockerfile",
        ] {
            assert!(is_dockerfile_name(n), "{n}");
        }
        for n in [
            "Dockerfile-old.txt",
            "README.md",
            "dockerfiles/x.yml",
            ".dockerfile",
            "my-dockerfile",
        ] {
            assert!(!is_dockerfile_name(n), "{n}");
        }
    }

    #[test]
    fn parse_error_is_df000_at_the_bad_line_and_the_rest_is_still_linted() {
        let f = lint("FROM alpine:3.19\nRUN echo \\\nBOGUS thing\nFROBNICATE x\nUSER root\n");
        let df000: Vec<_> = f.iter().filter(|f| &*f.rule_id == "DF000").collect();
        assert_eq!(df000.len(), 1, "{f:#?}");
        assert_eq!((df000[0].span.line, df000[0].span.column), (4, 1));
        assert!(df000[0].message.contains("FROBNICATE"), "{}", df000[0].message);
        assert_eq!(df000[0].snippet.as_deref(), Some("FROBNICATE x"));
        let df001 = f
            .iter()
            .find(|f| &*f.rule_id == "DF001")
            .expect("USER root after the bad line");
        assert_eq!(df001.span.line, 5);
    }

    #[test]
    fn fragments_get_an_implicit_stage_that_stage_rules_leave_alone() {
        let f = lint("# a template\nRUN apt-get install curl\nUSER root\n");
        let ids: Vec<_> = f.iter().map(|f| (&*f.rule_id, f.span.line)).collect();
        assert!(ids.contains(&("DF000", 2)), "{ids:?}");
        assert!(ids.contains(&("DF022", 2)), "{ids:?}");
        assert!(ids.contains(&("DF001", 3)), "{ids:?}");
        for stage_rule in ["DF003", "DF013", "DF002", "DF008"] {
            assert!(!ids.iter().any(|(id, _)| *id == stage_rule), "{stage_rule}: {ids:?}");
        }
        // Instructions above FROM keep the global ARGs global.
        let f = lint("ARG BASE=debian:latest\nMAINTAINER me\nFROM $BASE\nUSER app\nHEALTHCHECK NONE\n");
        let ids: Vec<_> = f.iter().map(|f| (&*f.rule_id, f.span.line)).collect();
        assert!(ids.contains(&("DF000", 2)) && ids.contains(&("DF038", 2)), "{ids:?}");
        assert!(ids.contains(&("DF002", 3)), "{ids:?}");
        // No FROM at all: the ARGs are still checked.
        let f = lint("ARG NPM_TOKEN\n");
        let ids: Vec<_> = f.iter().map(|f| &*f.rule_id).collect();
        assert_eq!(ids, ["DF006", "DF000"]);
    }

    #[test]
    fn recovery_never_loops_and_an_unterminated_heredoc_swallows_the_rest() {
        let many: String = (0..200).map(|k| format!("BAD{k} x\n")).collect();
        let f = lint(&format!("FROM alpine:3.19\n{many}USER root\n"));
        assert!(f.iter().filter(|f| &*f.rule_id == "DF000").count() <= MAX_RECOVERIES + 1);
        let f = lint("FROM alpine:3.19\nUSER root\nRUN <<EOF\necho hi\n");
        let ids: Vec<_> = f.iter().map(|f| (&*f.rule_id, f.span.line)).collect();
        assert!(ids.contains(&("DF001", 2)), "{ids:?}");
        assert_eq!(ids.iter().filter(|(id, _)| *id == "DF000").count(), 1, "{ids:?}");
        let r = parse_tolerant("FROM a:1\nRUN x \\\n  y\nNOPE é \\\n  more\nUSER u\n");
        assert_eq!(
            r.text.len(),
            "FROM a:1\nRUN x \\\n  y\nNOPE é \\\n  more\nUSER u\n".len()
        );
        assert!(r.text.contains("\n         \n      \nUSER u"), "{:?}", r.text);
    }

    #[test]
    fn finding_shape() {
        let f = lint("FROM alpine:3.19\nRUN apk add \\\n    curl\nUSER app\nHEALTHCHECK CMD true\n");
        let df = f
            .iter()
            .find(|f| &*f.rule_id == "DF026")
            .expect("apk without --no-cache");
        assert_eq!(df.category, Category::Dockerfile);
        assert_eq!(df.snippet.as_deref(), Some("RUN apk add curl"));
        assert_eq!(
            (df.span.line, df.span.column, df.span.end_line, df.span.end_column),
            (2, 1, 3, 9)
        );
        assert_eq!(
            df.fingerprint,
            Fingerprint::new("DF026", b"RUN apk add curl", "Dockerfile")
        );
        assert!(!df.message.contains('\n'));
    }

    #[test]
    fn pragmas_silence_after_rules_ran() {
        let f = lint("# plimsoll ignore=DF002\nFROM debian:latest\nUSER app\n");
        assert!(!f.iter().any(|f| &*f.rule_id == "DF002"));
        let f = lint("# hadolint ignore=DL3007\nFROM debian:latest\nUSER app\n");
        assert!(!f.iter().any(|f| &*f.rule_id == "DF002"));
        let f = lint("FROM debian:latest\nUSER app\n# plimsoll ignore-file=DF002\n");
        assert!(!f.iter().any(|f| &*f.rule_id == "DF002"));
        let f = lint("# plimsoll ignore=DF010\nFROM debian:latest\nUSER app\n");
        assert!(f.iter().any(|f| &*f.rule_id == "DF002"));
    }

    #[test]
    fn silenced_findings_are_kept_and_name_their_pragma() {
        let all = lint_all(
            "# hadolint ignore=DL3007 -- base image pinned by the build system\nFROM debian:latest\nUSER app\n",
        );
        let df002 = all.iter().find(|f| &*f.rule_id == "DF002").unwrap();
        assert_eq!(
            df002.suppressed,
            Some(Suppression::inline(
                "Dockerfile",
                1,
                Some("base image pinned by the build system".into())
            ))
        );
        assert!(
            all.iter()
                .filter(|f| &*f.rule_id != "DF002")
                .all(|f| f.suppressed.is_none())
        );
    }

    #[test]
    fn config_disables_enables_and_relevels() {
        let cfg = LinterConfig {
            disable: vec!["DF002".into()],
            enable: vec!["DF004".into()],
            severity: [("DF001".to_string(), Severity::Note)].into_iter().collect(),
            ..Default::default()
        };
        let mut f = Vec::new();
        Linter::new(&cfg).lint("Dockerfile", b"FROM debian:latest\nUSER root\n", None, &[], &mut f);
        assert!(!f.iter().any(|f| &*f.rule_id == "DF002"));
        assert!(f.iter().any(|f| &*f.rule_id == "DF004"));
        assert_eq!(
            f.iter().find(|f| &*f.rule_id == "DF001").unwrap().severity,
            Severity::Note
        );
    }

    #[test]
    fn snippets_mask_secret_ranges() {
        let text = "FROM alpine:3.19\nENV API_TOKEN=abcdefghijklmnopqrstuvwxyz0123\nUSER app\n";
        let start = text.find("abcdef").unwrap();
        let mut f = Vec::new();
        let secrets: Vec<Range<usize>> = std::iter::once(start..start + 30).collect();
        Linter::new(&LinterConfig::default()).lint("Dockerfile", text.as_bytes(), None, &secrets, &mut f);
        for finding in &f {
            let s = finding.snippet.as_deref().unwrap_or("");
            assert!(!s.contains("abcdefghijklmnopqrstuvwxyz0123"), "{s}");
        }
    }

    #[test]
    fn secret_named_values_are_masked_in_every_rule_snippet() {
        let f = lint("FROM alpine:3.20\nENV PIP_TRUSTED_HOST=pypi.example DB_PASSWORD=hunter2hunter2\nUSER app\n");
        let snippets: Vec<_> = f
            .iter()
            .filter(|f| f.span.line == 2)
            .map(|f| f.snippet.clone().unwrap())
            .collect();
        assert!(snippets.len() >= 2, "{f:#?}");
        for s in snippets {
            assert_eq!(s, "ENV PIP_TRUSTED_HOST=pypi.example DB_PASSWORD=…");
        }
    }

    #[test]
    fn sniffs_explicit_files() {
        assert!(looks_like_dockerfile(b"# syntax=docker/dockerfile:1\n\nFROM x\n"));
        assert!(looks_like_dockerfile(b"ARG A=1\nFROM x\n"));
        assert!(!looks_like_dockerfile(b"fn main() {}\n"));
        assert!(!looks_like_dockerfile(b"from x import y\n"));
    }
}

#[cfg(test)]
mod heredoc_tests {
    use super::*;

    #[test]
    fn inline_heredocs_are_blanked_keeping_offsets() {
        let t = "FROM a:1\nRUN python3 <<EOF\nimport os\nEOF\nRUN cat <<'X' > /etc/x.conf\nkey value\nX\nUSER app\n";
        assert!(parse(t).is_err());
        let b = repair_for_parser(t).unwrap();
        assert_eq!(b.len(), t.len());
        let (instrs, _) = parse(&b).unwrap();
        assert_eq!(instrs.len(), 4);
        assert!(b.contains("RUN python3 <<EOF\n         \n   \n"));
        let t = "FROM a:1\nRUN <<A <<B\necho a\nA\necho b\nB\n";
        let b = repair_for_parser(t).unwrap();
        assert!(parse(&b).is_ok(), "{b}");
        assert!(b.contains("echo a"));
        assert_eq!(repair_for_parser("FROM a:1\nRUN echo '<<EOF'\n"), None);
        let t = "FROM a:1\nENTRYPOINT [ ]\nCMD [\"x\"]\n";
        let b = repair_for_parser(t).unwrap();
        assert_eq!(b, "FROM a:1\nENTRYPOINT \" \"\nCMD [\"x\"]\n");
        assert!(parse(&b).is_ok());
    }
}
