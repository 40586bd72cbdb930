//! What the build-command rules read out of a CI file, script, Makefile or bake file: the build arguments
//! an image build gets, and the tags it is built and pushed with, each with the byte range where it is
//! written. Three readers, each one pass over the file:
//!
//! - shell text ([`shell_commands`]): every line of a workflow `run:`, a GitLab `script:`, a shell script
//!   or a Makefile recipe is read as shell, with `\` continuations joined and `${{ … }}` expressions kept
//!   whole; `docker|podman|nerdctl build`, `buildx build`, `image build`, `buildah bud`, `push`, `tag`
//!   and a pushing `buildx bake` (files, targets, `--set`) are recognised with their options;
//! - GitHub Actions steps that use `docker/build-push-action` ([`build_push_action`]): the `build-args`,
//!   `tags` and `push` inputs; and `docker/bake-action` steps that push (`files`, `targets`, `set`,
//!   `workdir`);
//! - bake files, HCL or JSON ([`bake_args`]): the `args` of every target (their tags are read by
//!   [`super::bake`]).

use crate::compose::yaml::{self, Node};
use crate::dockerfile::shell::{Script, basename};
use std::ops::Range;

/// How a build argument reaches the build.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Via {
    /// `--build-arg` on a command line.
    Cli,
    /// The `build-args` input of `docker/build-push-action`.
    BuildPushAction,
    /// `args` of a bake target.
    Bake,
}

/// One build argument.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildArg {
    pub name: String,
    /// `None` for `--build-arg NAME` (the value comes from the environment).
    pub value: Option<String>,
    /// Where `NAME=value` (or `NAME`) is written.
    pub range: Range<usize>,
    pub via: Via,
}

/// An image reference a build or `docker tag` gives, or that a push sends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImageRef {
    /// As written (after shell unquoting).
    pub reference: String,
    pub range: Range<usize>,
    /// Sent to a registry (`docker push`, `buildx build --push`, `push: true`).
    pub pushed: bool,
}

/// Everything the rules need from one file.
#[derive(Debug, Default)]
pub struct Extracted {
    pub build_args: Vec<BuildArg>,
    pub images: Vec<ImageRef>,
    /// `docker buildx bake` runs that push.
    pub bake_runs: Vec<BakeRun>,
}

/// A `docker buildx bake --push` command, or a `docker/bake-action` step with `push: true`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BakeRun {
    /// `-f`/`--file` (the action's `files:`), as written.
    pub files: Vec<String>,
    /// The targets or groups named.
    pub targets: Vec<String>,
    /// `--set` values (the action's `set:`), as written.
    pub sets: Vec<String>,
    /// The action's `workdir:`.
    pub workdir: Option<String>,
    /// Where `bake` (the action's `uses:` value) is written.
    pub range: Range<usize>,
}

/// A line joined from one or more physical lines, with where each piece sits in the file.
struct Logical {
    text: String,
    /// `(offset in text, offset in file)` at the start of each piece.
    pieces: Vec<(usize, usize)>,
}

impl Logical {
    fn file_offset(&self, at: usize) -> usize {
        let i = self.pieces.partition_point(|(t, _)| *t <= at).saturating_sub(1);
        let (t, f) = self.pieces[i];
        f + (at - t)
    }
}

/// The kinds of text [`shell_commands`] reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShellKind {
    /// YAML with shell in it (workflow `run:`, GitLab `script:`): a leading `- `, a `key:` and quotes
    /// around the whole command are taken off.
    Yaml,
    Shell,
    /// Recipe prefixes `@ - +` are taken off and `$$` is a `$`.
    Make,
}

/// Most bytes of one joined logical line that are read; longer ones are skipped (minified or generated).
const MAX_LOGICAL: usize = 64 * 1024;

fn logical_lines(text: &str) -> Vec<Logical> {
    let mut out = Vec::new();
    let mut cur: Option<Logical> = None;
    let mut at = 0;
    for raw in text.split('\n') {
        let start = at;
        at += raw.len() + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let (body, continued) = match line.trim_end().strip_suffix('\\') {
            Some(b) => (b, true),
            None => (line, false),
        };
        let l = cur.get_or_insert_with(|| Logical {
            text: String::new(),
            pieces: Vec::new(),
        });
        if l.text.len() < MAX_LOGICAL {
            l.pieces.push((l.text.len(), start));
            l.text.push_str(body);
            if continued {
                l.text.push(' ');
            }
        }
        if !continued {
            out.extend(cur.take());
        }
    }
    out.extend(cur);
    out
}

/// Takes YAML and Makefile decoration off a line; returns the shell text and how many bytes were cut
/// from the front.
fn shell_part(line: &str, kind: ShellKind) -> (String, usize) {
    let trimmed = line.trim_start();
    let mut cut = line.len() - trimmed.len();
    let mut s = trimmed;
    match kind {
        ShellKind::Yaml => {
            if let Some(r) = s.strip_prefix("- ") {
                cut += 2;
                s = r;
            }
            // `run: docker build …`, `script: docker push …`
            if let Some(colon) = s.find(": ")
                && s[..colon]
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
            {
                cut += colon + 2;
                s = &s[colon + 2..];
            }
            let t = s.trim_end();
            if t.len() >= 2 && (t.starts_with('"') && t.ends_with('"') || t.starts_with('\'') && t.ends_with('\'')) {
                cut += 1;
                s = &t[1..t.len() - 1];
            }
            (s.to_string(), cut)
        }
        ShellKind::Shell => (s.to_string(), cut),
        ShellKind::Make => {
            while let Some(r) = s.strip_prefix(['@', '-', '+']) {
                cut += 1;
                s = r;
            }
            // `$$` is one `$` in a recipe (columns after one shift by a byte).
            (s.replace("$$", "$"), cut)
        }
    }
}

/// `${{ secrets.NPM_TOKEN }}` -> `${{secrets.NPM_TOKEN}}` padded with spaces after it, so the shell reader
/// keeps it one word and offsets still map.
fn compact_expressions(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find("${{") {
        out.push_str(&rest[..open]);
        let after = &rest[open..];
        match after.find("}}") {
            Some(close) => {
                let expr = &after[..close + 2];
                let compact: String = expr.chars().filter(|c| !c.is_whitespace()).collect();
                let pad = expr.len() - compact.len();
                out.push_str(&compact);
                out.extend(std::iter::repeat_n(' ', pad));
                rest = &after[close + 2..];
            }
            None => {
                out.push_str(after);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

const TOOLS: &[&str] = &["docker", "podman", "nerdctl", "buildah"];
/// Global options of `docker` that take a value (before the subcommand).
const GLOBAL_OPTS_WITH_ARG: &[&str] = &["--context", "-c", "--host", "-H", "--config", "--log-level", "-l"];
/// Options of `build` that take a value and may hide a tag or build argument after them.
const BUILD_OPTS_WITH_ARG: &[&str] = &[
    "-f",
    "--file",
    "--target",
    "--platform",
    "--cache-from",
    "--cache-to",
    "--label",
    "--secret",
    "--ssh",
    "--network",
    "--progress",
    "--iidfile",
    "--metadata-file",
    "--builder",
    "--build-context",
    "--provenance",
    "--sbom",
    "--shm-size",
    "--ulimit",
    "--add-host",
    "--annotation",
    "--attest",
    "--allow",
];

/// What a recognised command does.
#[derive(PartialEq, Eq)]
enum Action {
    Build,
    Push,
    Tag,
    Bake,
}

/// Reads the build, push and tag commands of shell-like text.
pub fn shell_commands(text: &str, kind: ShellKind, out: &mut Extracted) {
    for l in logical_lines(text) {
        let t = &l.text;
        if !(t.contains("build") || t.contains("push") || t.contains("bud")) || !TOOLS.iter().any(|x| t.contains(x)) {
            continue;
        }
        if t.trim_start().starts_with('#') {
            continue;
        }
        let (shell, cut) = shell_part(t, kind);
        let shell = compact_expressions(&shell);
        let script = Script::parse(&shell);
        // Where the next word is searched for, in `shell`; moves forward so repeated names map in order.
        let mut cursor = 0;
        let mut locate = |word: &str, cursor: &mut usize| -> Range<usize> {
            let found = shell[*cursor..].find(word).map(|p| *cursor + p);
            let at = found.unwrap_or(*cursor);
            if found.is_some() {
                *cursor = at + word.len();
            }
            let a = l.file_offset((cut + at).min(t.len()));
            let b = l.file_offset((cut + at + if found.is_some() { word.len() } else { 0 }).min(t.len()));
            a..b.max(a)
        };
        for cmd in &script.commands {
            let Some(program) = cmd.program() else { continue };
            if !TOOLS.contains(&program) {
                continue;
            }
            let args = cmd.args();
            let Some((sub, action)) = action_of(program, args) else {
                continue;
            };
            let rest = &args[sub..];
            match action {
                Action::Build => build_command(rest, &mut cursor, &mut locate, out),
                Action::Bake => {
                    let range = locate("bake", &mut cursor);
                    out.bake_runs.extend(bake_command(rest, range));
                }
                Action::Push => {
                    if rest.iter().any(|a| a == "-a" || a == "--all-tags") {
                        continue;
                    }
                    if let Some(r) = rest.iter().find(|a| !a.starts_with('-')) {
                        let range = locate(r, &mut cursor);
                        out.images.push(ImageRef {
                            reference: r.clone(),
                            range,
                            pushed: true,
                        });
                    }
                }
                Action::Tag => {
                    let operands: Vec<&String> = rest.iter().filter(|a| !a.starts_with('-')).collect();
                    if let [_, dst, ..] = operands.as_slice() {
                        let range = locate(dst, &mut cursor);
                        out.images.push(ImageRef {
                            reference: (*dst).clone(),
                            range,
                            pushed: false,
                        });
                    }
                }
            }
        }
    }
}

/// The index in `args` after the subcommand words, and what the command does.
fn action_of(program: &str, args: &[String]) -> Option<(usize, Action)> {
    let mut i = 0;
    while let Some(a) = args.get(i) {
        if a.starts_with('-') {
            i += if GLOBAL_OPTS_WITH_ARG.contains(&a.as_str()) {
                2
            } else {
                1
            };
            continue;
        }
        break;
    }
    let w = |k: usize| args.get(i + k).map(String::as_str);
    let build = if program == "buildah" {
        ["bud", "build"]
    } else {
        ["build", "build"]
    };
    match (w(0), w(1)) {
        (Some(b), _) if build.contains(&b) => Some((i + 1, Action::Build)),
        (Some("buildx" | "image" | "builder"), Some("build" | "b")) => Some((i + 2, Action::Build)),
        (Some("push"), _) => Some((i + 1, Action::Push)),
        (Some("image"), Some("push")) => Some((i + 2, Action::Push)),
        (Some("tag"), _) => Some((i + 1, Action::Tag)),
        (Some("buildx"), Some("bake")) => Some((i + 2, Action::Bake)),
        (Some("bake"), _) if program == "docker" => Some((i + 1, Action::Bake)),
        (Some("image"), Some("tag")) => Some((i + 2, Action::Tag)),
        _ => None,
    }
}

fn build_command(
    args: &[String],
    cursor: &mut usize,
    locate: &mut impl FnMut(&str, &mut usize) -> Range<usize>,
    out: &mut Extracted,
) {
    let pushes = args.iter().any(|a| {
        a == "--push" || (a.starts_with("--output") && a.contains("type=registry")) || a.contains("push=true")
    });
    let mut i = 0;
    let mut tags = Vec::new();
    while i < args.len() {
        let a = args[i].as_str();
        let (opt, inline) = match a.split_once('=') {
            Some((o, v)) if o.starts_with("--") => (o, Some(v)),
            _ => (a, None),
        };
        let value = |i: &mut usize| -> Option<String> {
            match inline {
                Some(v) => Some(v.to_string()),
                None => {
                    *i += 1;
                    args.get(*i).cloned()
                }
            }
        };
        match opt {
            "--build-arg" => {
                if let Some(v) = value(&mut i) {
                    locate("build-arg", cursor);
                    let (name, val) = match v.split_once('=') {
                        Some((n, x)) => (n.to_string(), Some(x.to_string())),
                        None => (v.clone(), None),
                    };
                    let mut range = locate(&name, cursor);
                    if let Some(x) = &val
                        && !x.is_empty()
                    {
                        let r = locate(x, cursor);
                        range.end = r.end.max(range.end);
                    }
                    out.build_args.push(BuildArg {
                        name,
                        value: val,
                        range,
                        via: Via::Cli,
                    });
                }
            }
            "-t" | "--tag" => {
                if let Some(v) = value(&mut i) {
                    let range = locate(&v, cursor);
                    tags.push(ImageRef {
                        reference: v,
                        range,
                        pushed: pushes,
                    });
                }
            }
            _ if a.starts_with("-t") && a.len() > 2 && !a.starts_with("--") => {
                let v = a[2..].to_string();
                let range = locate(&v, cursor);
                tags.push(ImageRef {
                    reference: v,
                    range,
                    pushed: pushes,
                });
            }
            _ if inline.is_none() && BUILD_OPTS_WITH_ARG.contains(&opt) => i += 1,
            _ => {}
        }
        i += 1;
    }
    out.images.extend(tags);
}

/// Options of `buildx bake` that take a value (besides `-f`/`--file` and `--set`).
const BAKE_OPTS_WITH_ARG: &[&str] = &[
    "--builder",
    "--progress",
    "--metadata-file",
    "--allow",
    "--provenance",
    "--sbom",
    "--var",
];

/// A `bake` command's files, targets and overrides, when it pushes (`--push`, or a `--set` that makes the
/// output a registry); `None` when it does not or only prints (`--print`, `--list`, `--call`, `--check`).
fn bake_command(args: &[String], range: Range<usize>) -> Option<BakeRun> {
    let mut run = BakeRun {
        range,
        ..BakeRun::default()
    };
    let mut push = false;
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        let (opt, inline) = match a.split_once('=') {
            Some((o, v)) if o.starts_with("--") => (o, Some(v.to_string())),
            _ => (a, None),
        };
        let value = |i: &mut usize| {
            inline.clone().or_else(|| {
                *i += 1;
                args.get(*i).cloned()
            })
        };
        match opt {
            "--push" => push = true,
            "--print" | "--list" | "--call" | "--check" => return None,
            "-f" | "--file" => run.files.extend(value(&mut i)),
            "--set" => {
                if let Some(v) = value(&mut i) {
                    push |= v.contains(".output=type=registry") || v.contains(".push=true");
                    run.sets.push(v);
                }
            }
            _ if a.starts_with("-f") && a.len() > 2 && !a.starts_with("--") => run.files.push(a[2..].to_string()),
            _ if inline.is_none() && BAKE_OPTS_WITH_ARG.contains(&opt) => i += 1,
            // A remote bake definition (`bake https://github.com/acme/app.git#main`): its files are not here.
            _ if !a.starts_with('-') && (a.contains("://") || a.starts_with("git@")) => return None,
            _ if !a.starts_with('-') => run.targets.push(a.to_string()),
            _ => {}
        }
        i += 1;
    }
    push.then_some(run)
}

/// The `docker/build-push-action` steps of a workflow (or composite action) file.
pub fn build_push_action(text: &str, out: &mut Extracted) {
    if !text.contains("docker/build-push-action") && !text.contains("docker/bake-action") {
        return;
    }
    let Ok(docs) = yaml::parse(text) else { return };
    for doc in &docs {
        let mut steps: Vec<&Node> = Vec::new();
        if let Some(jobs) = doc.get("jobs").and_then(Node::as_map) {
            for job in jobs {
                if let Some(s) = job.value.get("steps").and_then(Node::as_seq) {
                    steps.extend(s);
                }
            }
        }
        if let Some(s) = doc.get("runs").and_then(|r| r.get("steps")).and_then(Node::as_seq) {
            steps.extend(s);
        }
        for step in steps {
            let uses = step.get("uses").and_then(Node::as_str).unwrap_or("");
            if uses.starts_with("docker/bake-action") {
                out.bake_runs.extend(bake_action(text, step));
                continue;
            }
            if !uses.starts_with("docker/build-push-action") {
                continue;
            }
            let Some(with) = step.get("with") else { continue };
            let push = with
                .get("push")
                .and_then(Node::as_str)
                .is_some_and(|p| p == "true" || p.contains("${{"));
            if let Some(args) = with.get("build-args") {
                for (item, range) in list_input(text, args) {
                    let (name, value) = match item.split_once('=') {
                        Some((n, v)) => (n.trim().to_string(), Some(v.trim().to_string())),
                        None => (item.trim().to_string(), None),
                    };
                    out.build_args.push(BuildArg {
                        name,
                        value,
                        range,
                        via: Via::BuildPushAction,
                    });
                }
            }
            if let Some(tags) = with.get("tags") {
                for (item, range) in list_input(text, tags) {
                    out.images.push(ImageRef {
                        reference: item.trim().to_string(),
                        range,
                        pushed: push,
                    });
                }
            }
        }
    }
}

/// A `docker/bake-action` step that pushes (`push: true` or an expression); `None` when it does not, or
/// when it bakes a remote `source:` (its files are not in this repository).
fn bake_action(text: &str, step: &Node) -> Option<BakeRun> {
    let with = step.get("with")?;
    let push = with.get("push").and_then(Node::as_str)?;
    if !(push == "true" || push.contains("${{")) {
        return None;
    }
    if let Some(source) = with.get("source").and_then(Node::as_str)
        && source != "."
        && !source.contains("defaultContext")
    {
        return None;
    }
    let list = |key: &str| -> Vec<String> {
        with.get(key)
            .map(|n| list_input(text, n).into_iter().map(|(s, _)| s).collect())
            .unwrap_or_default()
    };
    let uses = step.get("uses")?;
    Some(BakeRun {
        // bake-action v6 writes local files as `cwd://docker-bake.hcl`.
        files: list("files")
            .into_iter()
            .map(|f| f.strip_prefix("cwd://").map(str::to_string).unwrap_or(f))
            .collect(),
        targets: list("targets"),
        sets: list("set"),
        workdir: with.get("workdir").and_then(Node::as_str).map(str::to_string),
        range: uses.start.byte..uses.end.byte.max(uses.start.byte).min(text.len()),
    })
}

/// The items of an action's list input (one per line, or comma-separated; a YAML list also works), each
/// with where it is written (searched inside the node's region, in order).
fn list_input(text: &str, node: &Node) -> Vec<(String, Range<usize>)> {
    let region = node.start.byte..node.end.byte.max(node.start.byte).min(text.len());
    let mut cursor = region.start;
    let mut find = |item: &str| -> Range<usize> {
        let hay = text.get(cursor..region.end).unwrap_or("");
        match hay.find(item) {
            Some(p) => {
                let a = cursor + p;
                cursor = a + item.len();
                a..a + item.len()
            }
            None => node.start.byte..node.start.byte,
        }
    };
    let mut out = Vec::new();
    let items: Vec<String> = match (node.as_str(), node.as_seq()) {
        (Some(s), _) => s
            .split(['\n', ','])
            .map(str::trim)
            .filter(|i| !i.is_empty() && !i.starts_with('#'))
            .map(String::from)
            .collect(),
        (None, Some(seq)) => seq
            .iter()
            .filter_map(|n| n.as_str().map(|s| s.trim().to_string()))
            .collect(),
        _ => Vec::new(),
    };
    for i in items {
        let r = find(&i);
        out.push((i, r));
    }
    out
}

/// The `args` of the targets of a bake file, HCL (`args = { NAME = "value" }`) or JSON
/// (`"args": { "NAME": "value" }`).
pub fn bake_args(text: &str, out: &mut Extracted) {
    let mut depth_in_args: Option<i32> = None;
    let mut at = 0;
    for line in text.split('\n') {
        let start = at;
        at += line.len() + 1;
        let mut body = line;
        let mut body_at = start;
        if depth_in_args.is_none() {
            let Some(open) = args_block_start(line) else { continue };
            depth_in_args = Some(0);
            body_at = start + open;
            body = &line[open..];
        }
        let Some(depth) = depth_in_args.as_mut() else { continue };
        // Entries of this line: split at top-level commas; braces track the end of the block.
        let mut entry_start = 0;
        let bytes = body.as_bytes();
        let mut in_str = false;
        let mut i = 0;
        let mut close = false;
        while i < bytes.len() {
            match bytes[i] {
                b'\\' if in_str => i += 1,
                b'"' => in_str = !in_str,
                b'{' if !in_str => {
                    *depth += 1;
                    entry_start = i + 1;
                }
                b'}' if !in_str => {
                    *depth -= 1;
                    if *depth <= 0 {
                        bake_entry(&body[entry_start..i], body_at + entry_start, out);
                        close = true;
                        break;
                    }
                }
                b',' if !in_str => {
                    bake_entry(&body[entry_start..i], body_at + entry_start, out);
                    entry_start = i + 1;
                }
                b'#' if !in_str => break,
                b'/' if !in_str && bytes.get(i + 1) == Some(&b'/') => break,
                _ => {}
            }
            i += 1;
        }
        if close {
            depth_in_args = None;
        } else if entry_start < body.len() {
            let end = i.min(body.len());
            bake_entry(&body[entry_start..end], body_at + entry_start, out);
        }
    }
}

/// Where the `{` of an `args = {` (HCL) or `"args": {` (JSON) block opens on `line`, if one does.
fn args_block_start(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    let mut from = 0;
    while let Some(p) = line[from..].find("args") {
        let at = from + p;
        from = at + 4;
        if at > 0 && (b[at - 1].is_ascii_alphanumeric() || b[at - 1] == b'_' || b[at - 1] == b'-') {
            continue;
        }
        let mut i = at + 4;
        if b.get(i) == Some(&b'"') {
            i += 1;
        }
        while b.get(i) == Some(&b' ') || b.get(i) == Some(&b'\t') {
            i += 1;
        }
        if !matches!(b.get(i), Some(b'=' | b':')) {
            continue;
        }
        i += 1;
        while b.get(i) == Some(&b' ') || b.get(i) == Some(&b'\t') {
            i += 1;
        }
        if b.get(i) == Some(&b'{') {
            return Some(i);
        }
    }
    None
}

/// One `NAME = "value"` / `"NAME": "value"` entry at byte `at`.
fn bake_entry(s: &str, at: usize, out: &mut Extracted) {
    let trimmed = s.trim_start();
    let lead = s.len() - trimmed.len();
    let t = trimmed.trim_end().trim_end_matches(',');
    if t.is_empty() {
        return;
    }
    let Some(sep) = t.find(['=', ':']) else { return };
    let name = t[..sep].trim().trim_matches('"').to_string();
    if name.is_empty()
        || !name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b == b'.')
    {
        return;
    }
    let value = t[sep + 1..].trim().trim_matches('"').to_string();
    out.build_args.push(BuildArg {
        name,
        value: Some(value),
        range: at + lead..at + lead + t.len(),
        via: Via::Bake,
    });
}

/// Whether a reference is an image name with a registry path (not a flag or a stray word).
pub fn repository_and_tag(reference: &str) -> (&str, Option<&str>) {
    let r = reference.split('@').next().unwrap_or(reference);
    let last_slash = r.rfind('/').map_or(0, |i| i + 1);
    match r[last_slash..].rfind(':') {
        Some(c) => (&r[..last_slash + c], Some(&r[last_slash + c + 1..])),
        None => (r, None),
    }
}

/// The program's base name in a word (`/usr/bin/docker` -> `docker`); re-exported for the rules.
pub fn program_name(word: &str) -> &str {
    basename(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shell(text: &str, kind: ShellKind) -> Extracted {
        let mut e = Extracted::default();
        shell_commands(text, kind, &mut e);
        e
    }

    #[test]
    fn build_args_tags_and_pushes_with_positions() {
        let t = "docker build \\\n  --build-arg NPM_TOKEN=$NPM_TOKEN --build-arg=A=1 \\\n  -t acme/app:latest --build-arg SECRET .\ndocker push acme/app:latest\n";
        let e = shell(t, ShellKind::Shell);
        let names: Vec<(&str, Option<&str>)> = e
            .build_args
            .iter()
            .map(|a| (a.name.as_str(), a.value.as_deref()))
            .collect();
        assert_eq!(
            names,
            vec![("NPM_TOKEN", Some("$NPM_TOKEN")), ("A", Some("1")), ("SECRET", None)]
        );
        assert_eq!(&t[e.build_args[0].range.clone()], "NPM_TOKEN=$NPM_TOKEN");
        assert_eq!(&t[e.build_args[2].range.clone()], "SECRET");
        let refs: Vec<(&str, bool)> = e.images.iter().map(|i| (i.reference.as_str(), i.pushed)).collect();
        assert_eq!(refs, vec![("acme/app:latest", false), ("acme/app:latest", true)]);
        assert_eq!(&t[e.images[1].range.clone()], "acme/app:latest");
        assert!(t[..e.images[1].range.start].ends_with("docker push "));
    }

    #[test]
    fn yaml_and_make_decoration() {
        let t = "      - run: docker buildx build --push --build-arg TOKEN=${{ secrets.NPM_TOKEN }} -t x/y .\n    - \"docker push $CI_REGISTRY_IMAGE\"\n";
        let e = shell(t, ShellKind::Yaml);
        assert_eq!(e.build_args[0].value.as_deref(), Some("${{secrets.NPM_TOKEN}}"));
        assert!(t[e.build_args[0].range.clone()].starts_with("TOKEN=${{ secrets"));
        assert_eq!(e.images.len(), 2);
        assert!(e.images.iter().all(|i| i.pushed));
        let m = "build:\n\t@docker build --build-arg GH_TOKEN=$$GH_TOKEN -t app .\n";
        let e = shell(m, ShellKind::Make);
        assert_eq!(e.build_args[0].value.as_deref(), Some("$GH_TOKEN"));
        // Comments and other programs are not commands.
        assert!(
            shell(
                "# docker build --build-arg TOKEN=x .\necho docker build\n",
                ShellKind::Shell
            )
            .build_args
            .is_empty()
        );
    }

    #[test]
    fn build_push_action_inputs() {
        let t = "jobs:\n  b:\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          build-args: |\n            NPM_TOKEN=${{ secrets.NPM_TOKEN }}\n            VERSION=1.2\n          tags: acme/app:latest\n";
        let mut e = Extracted::default();
        build_push_action(t, &mut e);
        assert_eq!(e.build_args.len(), 2);
        assert_eq!(&t[e.build_args[0].range.clone()], "NPM_TOKEN=${{ secrets.NPM_TOKEN }}");
        assert_eq!(e.images[0].reference, "acme/app:latest");
        assert!(e.images[0].pushed);
    }

    #[test]
    fn bake_hcl_and_json() {
        let h = "target \"app\" {\n  args = {\n    NPM_TOKEN = \"${NPM_TOKEN}\"\n    VERSION = \"1\", MODE = \"prod\"\n  }\n}\ntarget \"b\" { args = { GH_TOKEN = \"x\" } }\n";
        let mut e = Extracted::default();
        bake_args(h, &mut e);
        let names: Vec<&str> = e.build_args.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, vec!["NPM_TOKEN", "VERSION", "MODE", "GH_TOKEN"]);
        assert_eq!(&h[e.build_args[0].range.clone()], "NPM_TOKEN = \"${NPM_TOKEN}\"");
        let j = "{\"target\": {\"app\": {\n  \"args\": {\n    \"API_KEY\": \"abc\"\n  }\n}}}\n";
        let mut e = Extracted::default();
        bake_args(j, &mut e);
        assert_eq!(e.build_args[0].name, "API_KEY");
        assert_eq!(e.build_args[0].value.as_deref(), Some("abc"));
    }

    #[test]
    fn references() {
        assert_eq!(repository_and_tag("ghcr.io/a/b:1.2"), ("ghcr.io/a/b", Some("1.2")));
        assert_eq!(repository_and_tag("localhost:5000/b"), ("localhost:5000/b", None));
        assert_eq!(repository_and_tag("b@sha256:00"), ("b", None));
    }
}
