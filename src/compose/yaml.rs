//! A positioned YAML tree for the compose analyzer, built from `saphyr-parser` events. Every node keeps
//! the line, column and byte offset where it starts and ends, so findings point at the offending key.
//! Lines are counted the way the rest of plimsoll counts them (ended by `\n` only; see [`Pos`]), not
//! the way YAML breaks them (`\r` too). Anchors and aliases are resolved (an alias is a copy of its anchor's node, positions included) and
//! `<<` merge keys are applied (explicit keys win; earlier maps of a merge list win over later ones).
//!
//! Limits keep hostile input linear: aliases may add at most [`Limits::alias_nodes`] nodes in total (an
//! "alias bomb" — anchors of aliases of anchors — is an error, not an exponential blow-up) and nesting is
//! at most [`Limits::depth`] deep (deep trees would overflow the stack when dropped or walked).
//!
//! ```
//! use plimsoll::compose::yaml::parse;
//! let docs = parse("x: &a {k: 1}\ny:\n  <<: *a\n  z: 2\n").unwrap();
//! let y = docs[0].get("y").unwrap();
//! assert_eq!(y.get("k").unwrap().as_str(), Some("1"));
//! assert_eq!(y.get("k").unwrap().start.line, 1); // where the merged value is written
//! ```

use saphyr_parser::{Event, Parser, ScalarStyle, ScanError, Span};
use std::collections::HashMap;
use std::fmt;

/// A 1-based line and column (in characters) and the byte offset in the text. Lines end at `\n` (a lone
/// `\r` is inside a line, as everywhere else in plimsoll), whatever YAML says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
    pub byte: usize,
}

/// How a scalar was written; quoted and block scalars are always strings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Plain,
    Quoted,
    Block,
}

/// One YAML node with the region it was written in.
#[derive(Clone, Debug)]
pub struct Node {
    pub value: Value,
    pub start: Pos,
    pub end: Pos,
}

#[derive(Clone, Debug)]
pub enum Value {
    /// A scalar's text (after YAML unescaping), how it was written, and its tag if any (`!!str`).
    Scalar(String, Style, Option<String>),
    Seq(Vec<Node>),
    Map(Vec<Entry>),
}

/// One key/value pair of a mapping.
#[derive(Clone, Debug)]
pub struct Entry {
    pub key: Node,
    pub value: Node,
    /// Came from a `<<` merge key rather than being written in this mapping.
    pub merged: bool,
}

/// Bounds on what a document may make the parser do.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Nodes that alias expansion (and merges of aliased maps) may create, over the whole stream.
    pub alias_nodes: usize,
    /// Deepest nesting of sequences and mappings.
    pub depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            alias_nodes: 100_000,
            depth: 200,
        }
    }
}

/// Why a text is not a YAML document plimsoll can check, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YamlError {
    pub pos: Pos,
    pub message: String,
}

impl fmt::Display for YamlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.pos.line, self.pos.column, self.message)
    }
}

impl std::error::Error for YamlError {}

/// Parses every document of `text` with the default [`Limits`].
pub fn parse(text: &str) -> Result<Vec<Node>, YamlError> {
    parse_with(text, Limits::default())
}

/// Parses every document of `text`. An empty document (or an empty file) is a null scalar.
///
/// One leniency, because libyaml and Go's yaml.v3 (so `docker compose`) accept it: a line that closes a
/// flow collection (`]` or `}`) indented less than the collection's content. Such lines are re-indented
/// (at most [`MAX_REPAIRS`] of them, so the work stays linear) and positions are mapped back to the text
/// as written.
pub fn parse_with(text: &str, limits: Limits) -> Result<Vec<Node>, YamlError> {
    let mut repaired: Option<String> = None;
    let mut inserted: Vec<(usize, usize, u32)> = Vec::new();
    for _ in 0..=MAX_REPAIRS {
        let current = repaired.as_deref().unwrap_or(text);
        match parse_once(current, limits, &inserted) {
            Ok(docs) => return Ok(docs),
            Err((e, at_byte)) => {
                let Some(fix) = e
                    .message
                    .contains("indentation")
                    .then(|| closing_line_fix(current, at_byte))
                    .flatten()
                else {
                    return Err(e.mapped(&inserted));
                };
                let (pos, n) = fix;
                let mut s = current.to_string();
                s.insert_str(pos, &" ".repeat(n));
                // Record where the spaces went in terms of the text before this insertion.
                let line = current[..pos].bytes().filter(|&b| b == b'\n').count() as u32 + 1;
                inserted.push((pos, n, line));
                repaired = Some(s);
            }
        }
    }
    let current = repaired.as_deref().unwrap_or(text);
    parse_once(current, limits, &inserted).map_err(|(e, _)| e.mapped(&inserted))
}

/// Re-indented closing lines tried before giving up.
pub const MAX_REPAIRS: usize = 16;

/// For an indentation error on a line that only closes a flow collection: where to insert how many
/// spaces so it is indented like the line before it.
fn closing_line_fix(text: &str, at_byte: usize) -> Option<(usize, usize)> {
    let line_start = text[..at_byte.min(text.len())].rfind('\n').map_or(0, |p| p + 1);
    let line_end = text[line_start..].find('\n').map_or(text.len(), |p| line_start + p);
    let line = &text[line_start..line_end];
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = line.trim_start_matches(' ');
    if !(rest.starts_with(']') || rest.starts_with('}')) {
        return None;
    }
    let prev = text[..line_start.saturating_sub(1)]
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))?;
    let prev_indent = prev.len() - prev.trim_start_matches(' ').len();
    (prev_indent > indent).then(|| (line_start + indent, prev_indent - indent))
}

impl YamlError {
    /// The error's position in the text as written, given the spaces inserted into the parsed text.
    fn mapped(mut self, inserted: &[(usize, usize, u32)]) -> YamlError {
        self.pos = unshift(self.pos, inserted);
        self
    }
}

/// A position in the repaired text, mapped back to the text as written: byte offsets lose the spaces
/// inserted before them, and so do columns on the lines that got them.
fn unshift(mut pos: Pos, inserted: &[(usize, usize, u32)]) -> Pos {
    for &(at, n, line) in inserted.iter().rev() {
        if pos.byte >= at + n {
            pos.byte -= n;
            if pos.line == line {
                pos.column -= n as u32;
            }
        } else if pos.byte > at {
            pos.column -= (pos.byte - at) as u32;
            pos.byte = at;
        }
    }
    pos
}

/// One parse of `text`; on error also the byte offset where it stopped. `inserted` are the repairs made
/// to `text` (positions are mapped back through them).
fn parse_once(text: &str, limits: Limits, inserted: &[(usize, usize, u32)]) -> Result<Vec<Node>, (YamlError, usize)> {
    let offsets = ByteOffsets::new(text);
    let mut builder = Builder {
        limits,
        offsets: &offsets,
        anchors: HashMap::new(),
        stack: Vec::new(),
        docs: Vec::new(),
        alias_budget: limits.alias_nodes,
    };
    let mut parser = Parser::new_from_str(text);
    let fail = |e: YamlError| {
        let at = e.pos.byte;
        (e, at)
    };
    while let Some(next) = parser.next_event() {
        let (event, span) = next.map_err(|e| fail(builder.scan_error(&e)))?;
        if builder.event(event, span).map_err(fail)? {
            break;
        }
    }
    let mut docs = builder.docs;
    if !inserted.is_empty() {
        docs.iter_mut().for_each(|d| d.unshift(inserted));
    }
    Ok(docs)
}

impl Node {
    /// The scalar's text.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar(s, ..) => Some(s),
            _ => None,
        }
    }

    /// The mapping's entries.
    pub fn as_map(&self) -> Option<&[Entry]> {
        match &self.value {
            Value::Map(m) => Some(m),
            _ => None,
        }
    }

    /// The sequence's items.
    pub fn as_seq(&self) -> Option<&[Node]> {
        match &self.value {
            Value::Seq(s) => Some(s),
            _ => None,
        }
    }

    /// The entry for `key` in a mapping (the last one if the key is repeated).
    pub fn entry(&self, key: &str) -> Option<&Entry> {
        self.as_map()?.iter().rev().find(|e| e.key.as_str() == Some(key))
    }

    /// The value for `key` in a mapping.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|e| &e.value)
    }

    /// A plain `null`, `~` or empty scalar.
    pub fn is_null(&self) -> bool {
        matches!(&self.value, Value::Scalar(s, Style::Plain, None) if matches!(s.as_str(), "" | "~" | "null" | "Null" | "NULL"))
    }

    /// A boolean written the way YAML 1.1 and 1.2 both read as true (or the string `"true"`, which compose
    /// also accepts).
    pub fn is_true(&self) -> bool {
        self.as_str()
            .is_some_and(|s| matches!(s, "true" | "True" | "TRUE" | "yes" | "Yes" | "YES" | "on" | "On" | "ON"))
    }

    /// Maps every position of the subtree back through repairs (see [`parse_with`]).
    fn unshift(&mut self, inserted: &[(usize, usize, u32)]) {
        self.start = unshift(self.start, inserted);
        self.end = unshift(self.end, inserted);
        match &mut self.value {
            Value::Scalar(..) => {}
            Value::Seq(items) => items.iter_mut().for_each(|i| i.unshift(inserted)),
            Value::Map(entries) => entries.iter_mut().for_each(|e| {
                e.key.unshift(inserted);
                e.value.unshift(inserted);
            }),
        }
    }

    /// Number of nodes in this subtree (itself included).
    fn size(&self) -> usize {
        match &self.value {
            Value::Scalar(..) => 1,
            Value::Seq(items) => 1 + items.iter().map(Node::size).sum::<usize>(),
            Value::Map(entries) => 1 + entries.iter().map(|e| e.key.size() + e.value.size()).sum::<usize>(),
        }
    }
}

/// The parser's character index -> plimsoll's position model: byte offset, and line and column where a
/// line ends at `\n` only. YAML also breaks lines at a lone `\r` (saphyr counts one there), but every
/// other part of plimsoll (the secrets engine, pragmas, snippets, the outputs) counts `\n`-terminated
/// lines, so the parser's own line and column are not used: they are recomputed from the character index.
struct ByteOffsets {
    /// Byte offset of every character, and the text length at the end; empty for ASCII texts.
    of_char: Vec<u32>,
    len: usize,
    /// Characters in the text.
    chars: usize,
    /// Character index where every line starts (the first is 0).
    line_starts: Vec<u32>,
}

impl ByteOffsets {
    fn new(text: &str) -> ByteOffsets {
        let mut line_starts = vec![0];
        let (of_char, chars) = if text.is_ascii() {
            line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i as u32 + 1));
            (Vec::new(), text.len())
        } else {
            let mut of_char = Vec::with_capacity(text.len() + 1);
            for (n, (i, c)) in text.char_indices().enumerate() {
                of_char.push(i as u32);
                if c == '\n' {
                    line_starts.push(n as u32 + 1);
                }
            }
            let chars = of_char.len();
            of_char.push(text.len() as u32);
            (of_char, chars)
        };
        ByteOffsets {
            of_char,
            len: text.len(),
            chars,
            line_starts,
        }
    }

    fn byte(&self, char_index: usize) -> usize {
        if self.of_char.is_empty() {
            char_index.min(self.len)
        } else {
            self.of_char.get(char_index).map_or(self.len, |&b| b as usize)
        }
    }

    /// The position of character `char_index` (clamped to the end of the text, where the parser's marker
    /// may point one line further when the text does not end in a newline).
    fn pos(&self, char_index: usize) -> Pos {
        let at = char_index.min(self.chars);
        let line = self.line_starts.partition_point(|&s| s as usize <= at);
        Pos {
            line: line as u32,
            column: (at - self.line_starts[line - 1] as usize) as u32 + 1,
            byte: self.byte(at),
        }
    }
}

/// A collection being built.
enum Open {
    Seq {
        items: Vec<Node>,
        start: Pos,
        anchor: usize,
    },
    Map {
        entries: Vec<Entry>,
        /// A key waiting for its value.
        key: Option<Node>,
        start: Pos,
        anchor: usize,
    },
}

struct Builder<'a> {
    limits: Limits,
    offsets: &'a ByteOffsets,
    anchors: HashMap<usize, Node>,
    stack: Vec<Open>,
    docs: Vec<Node>,
    alias_budget: usize,
}

impl Builder<'_> {
    fn pos(&self, m: &saphyr_parser::Marker) -> Pos {
        self.offsets.pos(m.index())
    }

    fn scan_error(&self, e: &ScanError) -> YamlError {
        YamlError {
            pos: self.pos(e.marker()),
            message: e.info().to_string(),
        }
    }

    fn error(&self, span: &Span, message: impl Into<String>) -> YamlError {
        YamlError {
            pos: self.pos(&span.start),
            message: message.into(),
        }
    }

    /// Handles one event; `Ok(true)` at the end of the stream.
    fn event(&mut self, event: Event<'_>, span: Span) -> Result<bool, YamlError> {
        match event {
            Event::StreamEnd => return Ok(true),
            Event::Nothing | Event::StreamStart | Event::DocumentStart(_) | Event::DocumentEnd => {}
            Event::Scalar(text, style, anchor, tag) => {
                let style = match style {
                    ScalarStyle::Plain => Style::Plain,
                    ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted => Style::Quoted,
                    _ => Style::Block,
                };
                let tag = tag.map(|t| format!("{}{}", t.handle, t.suffix));
                let node = Node {
                    value: Value::Scalar(text.into_owned(), style, tag),
                    start: self.pos(&span.start),
                    end: self.pos(&span.end),
                };
                if anchor > 0 {
                    self.anchors.insert(anchor, node.clone());
                }
                self.push(node);
            }
            Event::Alias(id) => {
                let Some(target) = self.anchors.get(&id) else {
                    return Err(self.error(&span, "alias to an unknown anchor"));
                };
                let size = target.size();
                if size > self.alias_budget {
                    return Err(self.error(
                        &span,
                        format!(
                            "aliases expand to more than {} nodes (an alias bomb?); refusing to expand them",
                            self.limits.alias_nodes
                        ),
                    ));
                }
                self.alias_budget -= size;
                let node = target.clone();
                self.push(node);
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                if self.stack.len() >= self.limits.depth {
                    return Err(self.error(&span, format!("nesting deeper than {} levels", self.limits.depth)));
                }
                let start = self.pos(&span.start);
                self.stack.push(if matches!(event, Event::SequenceStart(..)) {
                    Open::Seq {
                        items: Vec::new(),
                        start,
                        anchor,
                    }
                } else {
                    Open::Map {
                        entries: Vec::new(),
                        key: None,
                        start,
                        anchor,
                    }
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let end = self.pos(&span.end);
                let (node, anchor) = match self.stack.pop() {
                    Some(Open::Seq { items, start, anchor }) => (
                        Node {
                            value: Value::Seq(items),
                            start,
                            end,
                        },
                        anchor,
                    ),
                    Some(Open::Map {
                        entries, start, anchor, ..
                    }) => (
                        Node {
                            value: Value::Map(self.merge(entries, &span)?),
                            start,
                            end,
                        },
                        anchor,
                    ),
                    None => return Err(self.error(&span, "unbalanced collection end")),
                };
                if anchor > 0 {
                    self.anchors.insert(anchor, node.clone());
                }
                self.push(node);
            }
        }
        Ok(false)
    }

    /// Adds a finished node to the collection being built, or as a document.
    fn push(&mut self, node: Node) {
        match self.stack.last_mut() {
            None => self.docs.push(node),
            Some(Open::Seq { items, .. }) => items.push(node),
            Some(Open::Map { entries, key, .. }) => match key.take() {
                None => *key = Some(node),
                Some(k) => entries.push(Entry {
                    key: k,
                    value: node,
                    merged: false,
                }),
            },
        }
    }

    /// Applies `<<` merge keys: the merged maps' entries whose keys the mapping does not set itself are
    /// appended (marked `merged`), in the order the merge list names them.
    fn merge(&mut self, entries: Vec<Entry>, span: &Span) -> Result<Vec<Entry>, YamlError> {
        if !entries
            .iter()
            .any(|e| e.key.as_str() == Some("<<") && matches!(e.key.value, Value::Scalar(_, Style::Plain, _)))
        {
            return Ok(entries);
        }
        let mut own = Vec::with_capacity(entries.len());
        let mut sources = Vec::new();
        for e in entries {
            if e.key.as_str() == Some("<<") && matches!(e.key.value, Value::Scalar(_, Style::Plain, _)) {
                match e.value.value {
                    Value::Map(m) => sources.push(m),
                    Value::Seq(items) => {
                        for item in items {
                            match item.value {
                                Value::Map(m) => sources.push(m),
                                _ => return Err(self.error(span, "a `<<` merge list may only hold mappings")),
                            }
                        }
                    }
                    _ if e.value.is_null() => {}
                    _ => return Err(self.error(span, "a `<<` merge key needs a mapping or a list of mappings")),
                }
            } else {
                own.push(e);
            }
        }
        let mut seen: std::collections::HashSet<String> =
            own.iter().filter_map(|e| e.key.as_str().map(str::to_string)).collect();
        for source in sources {
            for mut e in source {
                if let Some(k) = e.key.as_str()
                    && !seen.insert(k.to_string())
                {
                    continue;
                }
                e.merged = true;
                own.push(e);
            }
        }
        Ok(own)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_of_keys_and_values() {
        let docs = parse("services:\n  web:\n    image: \"nginx\"\n").unwrap();
        let web = docs[0].get("services").unwrap().get("web").unwrap();
        let e = web.entry("image").unwrap();
        assert_eq!((e.key.start.line, e.key.start.column), (3, 5));
        assert_eq!((e.value.start.line, e.value.start.column), (3, 12));
        assert_eq!(e.value.as_str(), Some("nginx"));
        assert_eq!(e.key.start.byte, "services:\n  web:\n    ".len());
    }

    #[test]
    fn byte_offsets_after_non_ascii_text() {
        let text = "# café\nk: v\n";
        let docs = parse(text).unwrap();
        let e = docs[0].entry("k").unwrap();
        assert_eq!(e.value.start.byte, text.find("v\n").unwrap());
        assert_eq!(e.value.start.column, 4);
    }

    /// YAML breaks lines at a lone `\r`; plimsoll's positions do not (a lone `\r` is a character of the
    /// line), and `\r\n` is one line end either way.
    #[test]
    fn lines_end_at_newlines_only() {
        let text = "a: 1\rb: 2\nc: \u{e9}\rd: 3\n";
        let docs = parse(text).unwrap();
        for (key, line, column) in [("a", 1, 1), ("b", 1, 6), ("c", 2, 1), ("d", 2, 6)] {
            let e = docs[0].entry(key).unwrap();
            assert_eq!((e.key.start.line, e.key.start.column), (line, column), "{key}");
            assert_eq!(e.key.start.byte, text.find(&format!("{key}:")).unwrap(), "{key}");
        }
        let crlf = "a: 1\r\nb:\r\n  c: [x, \u{e9}]\r\n";
        let docs = parse(crlf).unwrap();
        let b = docs[0].get("b").unwrap();
        let c = b.entry("c").unwrap();
        assert_eq!((c.key.start.line, c.key.start.column), (3, 3));
        let items = c.value.as_seq().unwrap();
        assert_eq!((items[1].start.line, items[1].start.column), (3, 10));
        assert_eq!((items[1].end.line, items[1].end.column), (3, 11));
        let err = parse("services:\r  a:\r    image: [\r  b: ]\n").unwrap_err();
        assert_eq!(err.pos.line, 1, "{err}");
        let err = parse("a: 1\r\nb: [\r\n").unwrap_err();
        assert_eq!((err.pos.line, err.pos.column), (3, 1), "{err}");
    }

    #[test]
    fn merge_keys_explicit_wins_and_lists_in_order() {
        let text = "a: &a {x: 1, y: 1}\nb: &b {y: 2, z: 2}\nc:\n  <<: [*a, *b]\n  x: 3\n";
        let docs = parse(text).unwrap();
        let c = docs[0].get("c").unwrap();
        assert_eq!(c.get("x").unwrap().as_str(), Some("3"));
        assert_eq!(c.get("y").unwrap().as_str(), Some("1"));
        assert_eq!(c.get("z").unwrap().as_str(), Some("2"));
        assert!(c.entry("y").unwrap().merged);
        assert!(!c.entry("x").unwrap().merged);
        assert!(c.entry("<<").is_none());
    }

    #[test]
    fn alias_bomb_is_an_error_not_a_hang() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..30 {
            let p = i - 1;
            text.push_str(&format!(
                "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
            ));
        }
        let started = std::time::Instant::now();
        let err = parse(&text).unwrap_err();
        assert!(err.message.contains("alias bomb"), "{err}");
        assert!(err.pos.line > 1);
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
    }

    #[test]
    fn deep_nesting_is_an_error() {
        let text = "[".repeat(10_000);
        let err = parse(&text).unwrap_err();
        assert!(
            err.message.contains("nesting") || err.message.contains("recursion limit"),
            "{err}"
        );
    }

    #[test]
    fn syntax_errors_have_positions() {
        let err = parse("services:\n  web:\n    image: [nginx\n").unwrap_err();
        assert!(err.pos.line >= 3, "{err}");
        let err = parse("a: *nope\n").unwrap_err();
        assert_eq!(err.pos.line, 1);
    }

    #[test]
    fn closing_brackets_indented_less_than_their_content_parse() {
        let text = "a:\n  test: [\n      \"CMD\",\n      \"true\"\n  ]\n  b: 1\n";
        assert!(
            parse_once(text, Limits::default(), &[]).is_err(),
            "the test needs a repair"
        );
        let docs = parse(text).unwrap();
        let a = docs[0].get("a").unwrap();
        assert_eq!(a.get("test").unwrap().as_seq().unwrap().len(), 2);
        let b = a.entry("b").unwrap();
        assert_eq!((b.key.start.line, b.key.start.column), (6, 3));
        assert_eq!(b.key.start.byte, text.find("b: 1").unwrap());
    }

    #[test]
    fn empty_and_multi_document_streams() {
        assert!(parse("").unwrap().is_empty() || parse("").unwrap()[0].is_null());
        assert_eq!(parse("a: 1\n---\nb: 2\n").unwrap().len(), 2);
    }
}
