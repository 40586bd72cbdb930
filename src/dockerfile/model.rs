//! The model the Dockerfile rules read: the instructions `parse-dockerfile` found, each with its byte span,
//! stage and one-line normalized text; the stages with their names, resolved base image (global `ARG`
//! defaults substituted) and parent stage; and every `RUN` pre-read as a shell [`Script`] with its mounts.
//!
//! Built once per file by [`Model::build`]; rules only read it.

use super::image::ImageRef;
use super::shell::Script;
use parse_dockerfile::{Command, Flag, Instruction, Source};
use std::collections::HashMap;
use std::ops::Range;

/// One instruction of the file. `ONBUILD X` is kept as `X` with `onbuild` set.
pub struct Instr<'p, 't> {
    pub inner: &'p Instruction<'t>,
    /// Stage index; `None` for `ARG`s before the first `FROM`.
    pub stage: Option<usize>,
    /// Byte range in the text, from the keyword (or `ONBUILD`) to the end of the last argument or heredoc.
    pub span: Range<usize>,
    pub onbuild: bool,
    /// The `FROM` the error-tolerant parser put in front of instructions that came before any `FROM`; it is
    /// not in the file (empty span), and hits on it are dropped.
    pub synthetic: bool,
    /// Source text on one line: continuations joined, whitespace collapsed.
    pub text: String,
    /// For `RUN`: the script and mounts.
    pub run: Option<RunInfo>,
}

/// What a `RUN` does.
#[derive(Default)]
pub struct RunInfo {
    /// Shell form (the command, or heredoc bodies when the command only feeds them to a shell).
    pub script: Script,
    /// The whole shell text the rules may search (command plus shell heredoc bodies), continuations joined.
    pub shell_text: String,
    /// Exec form (`RUN ["a", "b"]`): no shell runs.
    pub exec: bool,
    /// `--mount=` options.
    pub mounts: Vec<Mount>,
}

/// A `RUN --mount=type=…,target=…` option.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mount {
    pub kind: String,
    pub target: String,
    /// `from=` (a stage or an image).
    pub from: Option<String>,
}

impl RunInfo {
    /// Whether a cache, tmpfs or bind mount covers `dir` (or a directory above it), so files written there do
    /// not end up in the layer.
    pub fn mounted(&self, dir: &str) -> bool {
        let dir = dir.trim_end_matches('/');
        self.mounts.iter().any(|m| {
            let t = m.target.trim_end_matches('/');
            m.kind != "secret" && m.kind != "ssh" && !t.is_empty() && (dir == t || dir.starts_with(&format!("{t}/")))
        })
    }
}

/// What a stage is built on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Base {
    Scratch,
    /// An earlier stage, by index.
    Stage(usize),
    Image(ImageRef),
    /// A reference that still contains a variable after global `ARG` defaults were substituted.
    Unresolved,
    /// The stage is implicit (no `FROM` in the file): the base is unknown.
    Implicit,
}

/// Where the error-tolerant parser inserted [`IMPLICIT_FROM`] into the text it parsed: at byte `at` of the
/// model's text, in front of the first instruction that came before any `FROM`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImplicitStage {
    pub at: usize,
}

/// The instruction inserted in front of a fragment so the parser accepts it.
pub const IMPLICIT_FROM: &str = "FROM scratch\n";

/// One `FROM` and the instructions after it.
pub struct Stage {
    pub index: usize,
    /// Instruction index of the `FROM`.
    pub from: usize,
    /// `AS name`, lowercased (stage names are case-insensitive).
    pub name: Option<String>,
    /// Image as written.
    pub image_raw: String,
    /// Image with global `ARG` defaults substituted, if they resolve it.
    pub image: Option<String>,
    pub base: Base,
    /// Instruction indices of the stage's body (after the `FROM`).
    pub body: Range<usize>,
    /// Built on a Windows image (directly or through its parent stages).
    pub windows: bool,
    /// A stage the file does not declare: instructions of a fragment or template that come before any
    /// `FROM`. Instruction rules lint them; rules about a stage as a whole (missing `USER`, missing
    /// `HEALTHCHECK`, base image) stay quiet, since the real stage is somewhere else.
    pub implicit: bool,
}

/// The whole file, ready for rules.
pub struct Model<'p, 't> {
    pub text: &'t str,
    pub instrs: Vec<Instr<'p, 't>>,
    pub stages: Vec<Stage>,
    /// Global `ARG` defaults (before the first `FROM`), in order; `None` when declared without a default.
    pub global_args: Vec<(String, Option<String>)>,
    pub escape: char,
}

impl<'p, 't> Model<'p, 't> {
    /// Builds the model from parsed instructions. `text` is the exact text that was parsed.
    pub fn build(text: &'t str, parsed: &'p [Instruction<'t>], escape: char) -> Model<'p, 't> {
        Model::build_recovered(text, text, parsed, escape, None)
    }

    /// Builds the model of a file the error-tolerant parser recovered: `parsed` came from `parsed_text`,
    /// which is `text` with [`IMPLICIT_FROM`] inserted at `implicit.at` (or `text` itself). Spans are mapped
    /// back to `text`, so positions are those of the file.
    pub fn build_recovered(
        text: &'t str,
        parsed_text: &'t str,
        parsed: &'p [Instruction<'t>],
        escape: char,
        implicit: Option<ImplicitStage>,
    ) -> Model<'p, 't> {
        let inserted = implicit.map(|s| (s.at, IMPLICIT_FROM.len()));
        let to_text = |x: usize| match inserted {
            Some((at, len)) if x >= at + len => x - len,
            Some((at, _)) if x >= at => at,
            _ => x,
        };
        let starts: Vec<usize> = parsed.iter().map(start_of).collect();
        let mut instrs = Vec::with_capacity(parsed.len());
        let mut stage: Option<usize> = None;
        for (i, inner) in parsed.iter().enumerate() {
            if matches!(inner, Instruction::From(_)) {
                stage = Some(stage.map_or(0, |s| s + 1));
            }
            let synthetic = inserted.is_some_and(|(at, _)| starts[i] == at && matches!(inner, Instruction::From(_)));
            let next = starts.get(i + 1).copied().unwrap_or(parsed_text.len());
            let parsed_span = starts[i]..instruction_end(parsed_text, starts[i], next);
            let span = if synthetic {
                to_text(starts[i])..to_text(starts[i])
            } else {
                to_text(parsed_span.start)..to_text(parsed_span.end)
            };
            let (effective, onbuild) = match inner {
                Instruction::Onbuild(o) => (&*o.instruction, true),
                other => (other, false),
            };
            let run = match effective {
                Instruction::Run(r) => Some(run_info(r, escape)),
                _ => None,
            };
            instrs.push(Instr {
                inner: effective,
                stage,
                text: if synthetic {
                    String::new()
                } else {
                    normalize(&parsed_text[parsed_span], escape)
                },
                span,
                onbuild,
                synthetic,
                run,
            });
        }

        let mut global_args = Vec::new();
        for ins in instrs.iter().take_while(|i| i.stage.is_none()) {
            if let Instruction::Arg(a) = ins.inner {
                for (k, v) in split_assignments(&a.arguments.value, false) {
                    let v = v.map(|v| expand(&v, &|n| lookup(&global_args, n)).unwrap_or(v));
                    global_args.push((k, v));
                }
            }
        }

        let mut stages: Vec<Stage> = Vec::new();
        for (i, ins) in instrs.iter().enumerate() {
            let Instruction::From(f) = ins.inner else { continue };
            if ins.onbuild {
                continue;
            }
            let index = stages.len();
            let image_raw = f.image.value.to_string();
            let image = expand(&image_raw, &|n| lookup(&global_args, n));
            let name = f.as_.as_ref().map(|(_, n)| n.value.to_ascii_lowercase());
            let base = match &image {
                None => Base::Unresolved,
                Some(img) if img.eq_ignore_ascii_case("scratch") => Base::Scratch,
                Some(img) => match stages
                    .iter()
                    .rev()
                    .find(|s| s.name.as_deref() == Some(&img.to_ascii_lowercase()))
                {
                    Some(s) => Base::Stage(s.index),
                    None => ImageRef::parse(img).map_or(Base::Unresolved, Base::Image),
                },
            };
            let implicit = ins.synthetic;
            let base = if implicit { Base::Implicit } else { base };
            let windows = match &base {
                Base::Image(r) => r.is_windows(),
                Base::Stage(s) => stages[*s].windows,
                _ => false,
            } || f.options.iter().any(|o| {
                o.name.value == "platform" && o.value.as_ref().is_some_and(|v| v.value.starts_with("windows"))
            });
            stages.push(Stage {
                index,
                from: i,
                name,
                image_raw,
                image,
                base,
                body: i + 1..i + 1,
                windows,
                implicit,
            });
        }
        let n = stages.len();
        for s in 0..n {
            let end = if s + 1 < n { stages[s + 1].from } else { instrs.len() };
            stages[s].body = stages[s].from + 1..end;
        }
        Model {
            text,
            instrs,
            stages,
            global_args,
            escape,
        }
    }

    /// The stage the image is built from by default (the last one).
    pub fn final_stage(&self) -> Option<&Stage> {
        self.stages.last()
    }

    /// The final stage and every stage it is built `FROM`, final first: the stages whose layers ship.
    pub fn shipped_stages(&self) -> Vec<usize> {
        let mut out = Vec::new();
        let mut cur = self.stages.len().checked_sub(1);
        while let Some(s) = cur {
            if out.contains(&s) {
                break;
            }
            out.push(s);
            cur = match self.stages[s].base {
                Base::Stage(p) => Some(p),
                _ => None,
            };
        }
        out
    }

    /// The stage chain of `stage`: itself, then its parent stage, and so on.
    pub fn lineage(&self, stage: usize) -> Vec<usize> {
        let mut out = vec![stage];
        while let Some(&s) = out.last() {
            match self.stages[s].base {
                Base::Stage(p) if !out.contains(&p) => out.push(p),
                _ => break,
            }
        }
        out
    }

    /// The image at the root of `stage`'s chain (following `FROM <stage>`).
    pub fn root_base(&self, stage: usize) -> &Base {
        let chain = self.lineage(stage);
        &self.stages[*chain.last().unwrap_or(&stage)].base
    }

    /// Instructions of a stage's body (ONBUILD triggers excluded), with their indices.
    pub fn body(&self, stage: usize) -> impl DoubleEndedIterator<Item = (usize, &Instr<'p, 't>)> {
        let r = self.stages[stage].body.clone();
        self.instrs[r.clone()]
            .iter()
            .enumerate()
            .map(move |(k, ins)| (r.start + k, ins))
            .filter(|(_, ins)| !ins.onbuild)
    }

    /// Every `RUN` (ONBUILD ones included) with its index.
    pub fn runs(&self) -> impl Iterator<Item = (usize, &Instr<'p, 't>, &RunInfo)> {
        self.instrs
            .iter()
            .enumerate()
            .filter_map(|(i, ins)| ins.run.as_ref().map(|r| (i, ins, r)))
    }

    /// Whether the stage of instruction `i` ships in the final image. Instructions of an implicit stage (a
    /// fragment) are assumed to ship: the file does not say otherwise.
    pub fn ships(&self, i: usize) -> bool {
        match self.instrs[i].stage {
            Some(s) => self.stages[s].implicit || self.shipped_stages().contains(&s),
            None => false,
        }
    }

    /// Whether instruction `i` is in a stage built on Windows.
    pub fn is_windows(&self, i: usize) -> bool {
        self.instrs[i].stage.is_some_and(|s| self.stages[s].windows)
    }

    /// Values of `ARG`/`ENV` visible at instruction `at` of its stage (parent stages' `ENV` included).
    pub fn vars_at(&self, at: usize) -> Vec<(String, String)> {
        let Some(stage) = self.instrs[at].stage else {
            return Vec::new();
        };
        let mut vars: Vec<(String, String)> = Vec::new();
        let chain = self.lineage(stage);
        for &s in chain.iter().rev() {
            for (i, ins) in self.body(s) {
                if s == stage && i >= at {
                    break;
                }
                let pairs = match ins.inner {
                    Instruction::Env(e) => split_assignments(&e.arguments.value, true),
                    Instruction::Arg(a) if s == stage => split_assignments(&a.arguments.value, false)
                        .into_iter()
                        .map(|(k, v)| {
                            let v = v.or_else(|| lookup(&self.global_args, &k));
                            (k, v)
                        })
                        .collect(),
                    _ => continue,
                };
                for (k, v) in pairs {
                    let Some(v) = v else { continue };
                    let v =
                        expand(&v, &|n| vars.iter().rev().find(|(k, _)| k == n).map(|(_, v)| v.clone())).unwrap_or(v);
                    vars.push((k, v));
                }
            }
        }
        vars
    }

    /// `s` with the variables visible at instruction `at` substituted; `None` if one is unknown.
    pub fn expand_at(&self, at: usize, s: &str) -> Option<String> {
        if !s.contains('$') {
            return Some(s.to_string());
        }
        let vars = self.vars_at(at);
        expand(s, &|n| vars.iter().rev().find(|(k, _)| k == n).map(|(_, v)| v.clone()))
    }

    /// Finds a stage by `--from` value: a name or a numeric index.
    pub fn stage_ref(&self, r: &str) -> Option<usize> {
        let lower = r.to_ascii_lowercase();
        if let Some(s) = self.stages.iter().find(|s| s.name.as_deref() == Some(&lower)) {
            return Some(s.index);
        }
        r.parse::<usize>().ok().filter(|&n| n < self.stages.len())
    }
}

fn lookup(vars: &[(String, Option<String>)], name: &str) -> Option<String> {
    vars.iter().rev().find(|(k, _)| k == name).and_then(|(_, v)| v.clone())
}

/// Byte offset where an instruction starts (its keyword, or `ONBUILD`).
pub(crate) fn start_of(i: &Instruction<'_>) -> usize {
    match i {
        Instruction::Add(x) => x.add.span.start,
        Instruction::Arg(x) => x.arg.span.start,
        Instruction::Cmd(x) => x.cmd.span.start,
        Instruction::Copy(x) => x.copy.span.start,
        Instruction::Entrypoint(x) => x.entrypoint.span.start,
        Instruction::Env(x) => x.env.span.start,
        Instruction::Expose(x) => x.expose.span.start,
        Instruction::From(x) => x.from.span.start,
        Instruction::Healthcheck(x) => x.healthcheck.span.start,
        Instruction::Label(x) => x.label.span.start,
        Instruction::Maintainer(x) => x.maintainer.span.start,
        Instruction::Onbuild(x) => x.onbuild.span.start,
        Instruction::Run(x) => x.run.span.start,
        Instruction::Shell(x) => x.shell.span.start,
        Instruction::Stopsignal(x) => x.stopsignal.span.start,
        Instruction::User(x) => x.user.span.start,
        Instruction::Volume(x) => x.volume.span.start,
        Instruction::Workdir(x) => x.workdir.span.start,
        _ => 0,
    }
}

/// End of an instruction that starts at `start` and is followed by the next at `next`: the text between,
/// minus trailing blank and comment lines.
fn instruction_end(text: &str, start: usize, next: usize) -> usize {
    let next = next.max(start).min(text.len());
    let mut end = next;
    loop {
        let chunk = &text[start..end];
        let trimmed = chunk.trim_end();
        let t_end = start + trimmed.len();
        let line_start = text[start..t_end].rfind('\n').map_or(start, |p| start + p + 1);
        if line_start > start && text[line_start..t_end].trim_start().starts_with('#') {
            end = line_start;
            continue;
        }
        return t_end;
    }
}

/// Joins continuation lines (escape char at line end), drops comment lines inside them, and collapses
/// whitespace to single spaces.
pub fn normalize(s: &str, escape: char) -> String {
    let joined = join_continuations(s, escape);
    let mut out = String::with_capacity(joined.len());
    for w in joined.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Docker's line continuation: an escape character at the end of a line joins it with the next; comment
/// lines and empty lines inside a continued instruction are dropped.
pub fn join_continuations(s: &str, escape: char) -> String {
    let mut out = String::with_capacity(s.len());
    let mut continued = false;
    for line in s.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if continued {
            let t = line.trim_start();
            if t.is_empty() || t.starts_with('#') {
                continue;
            }
        }
        let trimmed = line.trim_end();
        if let Some(body) = trimmed.strip_suffix(escape)
            && !body.ends_with(escape)
        {
            out.push_str(body);
            out.push(' ');
            continued = true;
        } else {
            out.push_str(line);
            out.push('\n');
            continued = false;
        }
    }
    if out.ends_with('\n') && !s.ends_with('\n') {
        out.pop();
    }
    out
}

fn run_info(r: &parse_dockerfile::RunInstruction<'_>, escape: char) -> RunInfo {
    let mounts = r.options.iter().filter_map(mount).collect();
    match &r.arguments {
        Command::Exec(_) => RunInfo {
            exec: true,
            mounts,
            ..Default::default()
        },
        Command::Shell(s) => {
            let command = join_continuations(s.value, escape);
            let mut shell_text = command.clone();
            if !r.here_docs.is_empty() && heredocs_are_script(&command) {
                for h in &r.here_docs {
                    if shebang_is_shell(&h.value) {
                        shell_text.push('\n');
                        shell_text.push_str(&h.value);
                    }
                }
            }
            RunInfo {
                script: Script::parse(&shell_text),
                shell_text,
                exec: false,
                mounts,
            }
        }
        _ => RunInfo {
            mounts,
            ..Default::default()
        },
    }
}

/// `RUN <<EOF` (or `RUN bash <<EOF`, `RUN set -e; sh <<EOF`) feeds the heredoc to a shell; `RUN python3
/// <<EOF` does not.
fn heredocs_are_script(command: &str) -> bool {
    let words: Vec<&str> = command.split_whitespace().collect();
    match words.first() {
        None => true,
        Some(w) => {
            let prog = w.rsplit('/').next().unwrap_or(w);
            ["sh", "bash", "ash", "dash", "zsh", "ksh"].contains(&prog) && words[1..].iter().all(|a| a.starts_with('-'))
        }
    }
}

fn shebang_is_shell(body: &str) -> bool {
    match body.strip_prefix("#!") {
        None => true,
        Some(rest) => {
            let line = rest.lines().next().unwrap_or("");
            ["sh", "bash", "ash", "dash", "zsh", "ksh"]
                .iter()
                .any(|s| line.split(|c: char| c == '/' || c.is_whitespace()).any(|p| p == *s))
        }
    }
}

/// Parses `--mount=type=cache,target=/var/cache/apt`.
fn mount(f: &Flag<'_>) -> Option<Mount> {
    if f.name.value != "mount" {
        return None;
    }
    let v = f.value.as_ref()?;
    let mut m = Mount {
        kind: "bind".into(),
        ..Default::default()
    };
    for part in v.value.split(',') {
        let (k, val) = part.split_once('=').unwrap_or((part, ""));
        let val = val.trim_matches(|c| c == '"' || c == '\'');
        match k.trim() {
            "type" => m.kind = val.to_ascii_lowercase(),
            "target" | "dst" | "destination" => m.target = val.to_string(),
            "from" => m.from = Some(val.to_string()),
            _ => {}
        }
    }
    Some(m)
}

/// Value of option `--name=` of an instruction's flags.
pub fn flag<'f>(flags: &'f [Flag<'_>], name: &str) -> Option<&'f str> {
    flags
        .iter()
        .find(|f| f.name.value == name)
        .map(|f| f.value.as_ref().map_or("", |v| v.value.as_ref()))
}

/// Sources of `COPY`/`ADD` that are paths (heredocs skipped), with shell-form quotes removed
/// (`ADD "a b.tar" /` names `a b.tar`, as Docker reads it).
pub fn source_paths<'s>(src: &'s [Source<'_>]) -> impl Iterator<Item = std::borrow::Cow<'s, str>> {
    src.iter().filter_map(|s| match s {
        Source::Path(p) if p.value.contains(['"', '\'']) => Some(std::borrow::Cow::Owned(unquote(&p.value))),
        Source::Path(p) => Some(std::borrow::Cow::Borrowed(p.value.as_ref())),
        _ => None,
    })
}

/// Splits `ARG`/`ENV`/`LABEL` arguments into `(name, value)` pairs, quotes removed. With `legacy_env`, the
/// old `ENV name value with spaces` form is understood.
pub fn split_assignments(s: &str, legacy_env: bool) -> Vec<(String, Option<String>)> {
    let words = split_words(s);
    if legacy_env && words.first().is_some_and(|w| !w.contains('=')) {
        let name = words[0].clone();
        let rest = s.trim_start()[words[0].len().min(s.trim_start().len())..].trim();
        return vec![(name, Some(unquote(rest)))];
    }
    words
        .into_iter()
        .map(|w| match w.split_once('=') {
            Some((k, v)) => (k.to_string(), Some(unquote(v))),
            None => (w, None),
        })
        .collect()
}

/// Splits on unquoted whitespace, keeping quotes.
fn split_words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match quote {
            Some(q) if c == q => {
                quote = None;
                cur.push(c);
            }
            Some(_) => {
                cur.push(c);
                if c == '\\'
                    && let Some(n) = chars.next()
                {
                    cur.push(n);
                }
            }
            None if c == '"' || c == '\'' => {
                quote = Some(c);
                cur.push(c);
            }
            None if c.is_whitespace() => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            None => {
                cur.push(c);
                if c == '\\'
                    && let Some(n) = chars.next()
                {
                    cur.push(n);
                }
            }
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Removes one level of surrounding or embedded quotes (`"a b"` -> `a b`, `a"b"` -> `ab`).
pub fn unquote(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut quote: Option<char> = None;
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match quote {
            Some(q) if c == q => quote = None,
            Some('"') if c == '\\' => {
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            }
            Some(_) => out.push(c),
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '\\' => {
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            }
            None => out.push(c),
        }
    }
    out
}

/// Substitutes `$NAME`, `${NAME}`, `${NAME:-default}`, `${NAME-default}`, `${NAME:+alt}` and `${NAME+alt}`.
/// Returns `None` when a variable is unknown and has no default.
pub fn expand(s: &str, lookup: &dyn Fn(&str) -> Option<String>) -> Option<String> {
    if !s.contains('$') {
        return Some(s.to_string());
    }
    let mut out = String::with_capacity(s.len());
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\' && i + 1 < b.len() && b[i + 1] == b'$' {
            out.push('$');
            i += 2;
            continue;
        }
        if b[i] != b'$' {
            let ch = s[i..].chars().next()?;
            out.push(ch);
            i += ch.len_utf8();
            continue;
        }
        if i + 1 < b.len() && b[i + 1] == b'{' {
            let close = s[i + 2..].find('}')? + i + 2;
            let inner = &s[i + 2..close];
            let name_end = inner
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(inner.len());
            let (name, op) = inner.split_at(name_end);
            let val = lookup(name).filter(|v| !v.is_empty());
            let set = lookup(name);
            let piece = match op {
                "" => set?,
                _ if op.starts_with(":-") => val.map_or_else(|| expand(&op[2..], lookup), Some)?,
                _ if op.starts_with('-') => set.map_or_else(|| expand(&op[1..], lookup), Some)?,
                _ if op.starts_with(":+") => {
                    if val.is_some() {
                        expand(&op[2..], lookup)?
                    } else {
                        String::new()
                    }
                }
                _ if op.starts_with('+') => {
                    if set.is_some() {
                        expand(&op[1..], lookup)?
                    } else {
                        String::new()
                    }
                }
                _ => return None,
            };
            out.push_str(&piece);
            i = close + 1;
        } else {
            let name_len = s[i + 1..]
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(s.len() - i - 1);
            if name_len == 0 {
                out.push('$');
                i += 1;
                continue;
            }
            out.push_str(&lookup(&s[i + 1..i + 1 + name_len])?);
            i += 1 + name_len;
        }
    }
    Some(out)
}

/// Variables map for tests and rules that need a quick lookup.
pub fn vars_map(vars: &[(String, String)]) -> HashMap<&str, &str> {
    vars.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let m: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        move |n: &str| m.get(n).cloned()
    }

    #[test]
    fn expands_variables() {
        let v = vars(&[("A", "node"), ("E", "")]);
        assert_eq!(expand("$A:${B:-20}", &v).as_deref(), Some("node:20"));
        assert_eq!(expand("${A}-${E:-x}-${E-y}", &v).as_deref(), Some("node-x-"));
        assert_eq!(expand("${A:+set}${B:+unset}", &v).as_deref(), Some("set"));
        assert_eq!(expand("${B}", &v), None);
        assert_eq!(expand("a$", &v).as_deref(), Some("a$"));
        assert_eq!(expand("${A", &v), None);
    }

    #[test]
    fn splits_assignments() {
        assert_eq!(
            split_assignments("A=1 B=\"x y\" C", false),
            vec![
                ("A".to_string(), Some("1".to_string())),
                ("B".to_string(), Some("x y".to_string())),
                ("C".to_string(), None)
            ]
        );
        assert_eq!(
            split_assignments("PATH /usr/bin:/bin extra", true),
            vec![("PATH".to_string(), Some("/usr/bin:/bin extra".to_string()))]
        );
    }

    #[test]
    fn joins_continuations_and_drops_inner_comments() {
        assert_eq!(
            normalize("RUN a \\\n    # note\n\n    && b \\  \n  c", '\\'),
            "RUN a && b c"
        );
        assert_eq!(normalize("RUN a `\n b", '`'), "RUN a b");
    }
}
