//! Regexes that are checked when they are loaded and compiled when they are first used. Every run loads
//! ~700 secret rules (and the config's allow-list), but a run over a few files only ever runs the few
//! rules whose keywords hit; compiling all of them up front was most of a small run's time. It sits at the
//! bottom of the crate, next to `error`, because the secret rules and the config both hold such regexes.
//!
//! Loading still rejects everything building would reject, with the same message: the pattern is parsed
//! with the dialect's exact syntax settings (so syntax errors and unsupported classes are caught), and a
//! cheap upper bound of the Thompson NFA's size decides whether the pattern could exceed the NFA size
//! limit; such a pattern is compiled right away, so the limit is checked exactly. The capture groups are
//! read from the parsed pattern, so a rule's group checks need no compiled regex either.
//!
//! ```
//! use plimsoll::lazy_regex::LazyRegex;
//! let re = LazyRegex::bytes(r"^AKIA[0-9A-Z]{12}TEST$").unwrap();
//! assert!(re.get().is_match(b"AKIAABCDEFGHIJKLTEST"));
//! ```

use regex_automata::meta;
use regex_automata::util::syntax;
use regex_syntax::hir::{Class, Hir, HirKind};
use std::sync::OnceLock;

/// The NFA size limit the regex engines use by default (`regex` and `regex_automata::meta` alike).
const NFA_SIZE_LIMIT: u64 = 10 * (1 << 20);

/// A regex whose pattern is known to compile, compiled once per process on first use (thread-safe).
#[derive(Clone)]
pub struct LazyRegex<R> {
    pattern: Box<str>,
    build: fn(&str) -> Result<R, String>,
    compiled: OnceLock<Result<R, String>>,
}

impl<R> std::fmt::Debug for LazyRegex<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LazyRegex")
            .field("pattern", &self.pattern)
            .field("compiled", &self.compiled.get().is_some())
            .finish()
    }
}

/// The capture groups of a pattern: for each group index (0 is the whole match), its name if it has one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Groups {
    names: Vec<Option<Box<str>>>,
}

impl Groups {
    fn of(hir: &Hir) -> Groups {
        let mut names = vec![None; hir.properties().explicit_captures_len() + 1];
        collect_names(hir, &mut names);
        Groups { names }
    }

    /// The groups of a pattern known to be valid, read from its text without parsing it: `(` opens a
    /// group unless escaped, inside a class, or followed by `?` (then `P<name>` or `<name>` name it; Rust
    /// regexes have no look-around). `None` when the pattern uses the `x` flag (whitespace and comments
    /// are then insignificant), so the caller parses it.
    fn lex(pattern: &str) -> Option<Groups> {
        let b = pattern.as_bytes();
        let mut names: Vec<Option<Box<str>>> = vec![None];
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'\\' => i += 2,
                b'[' => i = class_end(b, i)?,
                b'(' if b.get(i + 1) == Some(&b'?') => {
                    let rest = &b[i + 2..];
                    let name_at = if rest.starts_with(b"P<") {
                        Some(2)
                    } else if rest.starts_with(b"<") {
                        Some(1)
                    } else {
                        None
                    };
                    if let Some(at) = name_at {
                        let len = rest[at..].iter().position(|&c| c == b'>')?;
                        names.push(Some(std::str::from_utf8(&rest[at..at + len]).ok()?.into()));
                        i += 2 + at + len + 1;
                    } else {
                        let flags = rest.iter().position(|&c| c == b':' || c == b')')?;
                        if rest[..flags].contains(&b'x') {
                            return None;
                        }
                        i += 2 + flags + 1;
                    }
                }
                b'(' => {
                    names.push(None);
                    i += 1;
                }
                _ => i += 1,
            }
        }
        Some(Groups { names })
    }

    /// Number of groups, the whole match (group 0) included.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Always false: group 0 exists.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// Index of the group called `name`.
    pub fn index(&self, name: &str) -> Option<usize> {
        self.names.iter().position(|n| n.as_deref() == Some(name))
    }

    /// Name of group `index`.
    pub fn name(&self, index: usize) -> Option<&str> {
        self.names.get(index)?.as_deref()
    }

    /// Every (index, name) of the named groups, in index order.
    pub fn named(&self) -> impl Iterator<Item = (usize, &str)> {
        self.names
            .iter()
            .enumerate()
            .filter_map(|(i, n)| Some((i, n.as_deref()?)))
    }
}

/// Index just past the bracket class opening at `open`: a `]` right after `[` or `[^` is a literal, `\`
/// escapes, and `[` opens a nested class (or a `[:name:]` one). `None` when it never closes.
fn class_end(b: &[u8], open: usize) -> Option<usize> {
    let mut depth = 0;
    let mut i = open;
    while i < b.len() {
        match b[i] {
            b'[' => {
                depth += 1;
                i += 1;
                if b.get(i) == Some(&b'^') {
                    i += 1;
                }
                if b.get(i) == Some(&b']') {
                    i += 1;
                }
            }
            b'\\' => i += 2,
            b']' => {
                depth -= 1;
                i += 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => i += 1,
        }
    }
    None
}

fn collect_names(hir: &Hir, names: &mut [Option<Box<str>>]) {
    match hir.kind() {
        HirKind::Capture(c) => {
            if let Some(slot) = names.get_mut(c.index as usize) {
                slot.clone_from(&c.name);
            }
            collect_names(&c.sub, names);
        }
        HirKind::Repetition(r) => collect_names(&r.sub, names),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => subs.iter().for_each(|s| collect_names(s, names)),
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => {}
    }
}

/// How much loading checks a pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check {
    /// Parse it with the dialect's settings, and compile it at once when it could exceed the NFA size limit:
    /// what users write (rule files, the config).
    Full,
    /// Nothing but where its capture groups are: the rules embedded in the binary, which the test suite
    /// loads with [`Check::Full`] and compiles and runs. Parsing all of them was most of a small run's time.
    Embedded,
}

impl<R> LazyRegex<R> {
    fn unchecked(pattern: &str, build: fn(&str) -> Result<R, String>) -> LazyRegex<R> {
        LazyRegex {
            pattern: pattern.into(),
            build,
            compiled: OnceLock::new(),
        }
    }

    /// Parses `pattern` with `config` (the dialect `build` compiles with) and keeps it for `build` to compile
    /// on first use; a pattern that could be over the NFA size limit is compiled now.
    fn validated(
        pattern: &str,
        config: &syntax::Config,
        build: fn(&str) -> Result<R, String>,
    ) -> Result<(LazyRegex<R>, Hir), String> {
        let hir = syntax::parse_with(pattern, config).map_err(|e| e.to_string())?;
        let lazy = LazyRegex::unchecked(pattern, build);
        // The bound is generous (tests check it against the real compiler); a pattern near the limit pays
        // its compilation at load, as every pattern used to.
        if nfa_size_bound(&hir) > NFA_SIZE_LIMIT / 4 {
            let compiled = build(pattern)?;
            let _ = lazy.compiled.set(Ok(compiled));
        }
        Ok((lazy, hir))
    }

    pub fn pattern(&self) -> &str {
        &self.pattern
    }

    /// Whether the regex has been compiled already (by a use, or at load).
    pub fn is_compiled(&self) -> bool {
        self.compiled.get().is_some()
    }

    /// The compiled regex, compiling it now if this is its first use.
    pub fn try_get(&self) -> Result<&R, String> {
        // A thread that needs it while another compiles it waits for that result (the generic rules'
        // regexes take milliseconds each).
        self.compiled
            .get_or_init(|| (self.build)(&self.pattern))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The compiled regex. Loading checked everything compiling checks, so this cannot fail short of
    /// running out of memory.
    pub fn get(&self) -> &R {
        self.try_get()
            .unwrap_or_else(|e| panic!("regex {:?} passed validation but does not compile: {e}", self.pattern))
    }
}

/// The secret-rule dialect: bytes, ASCII semantics, `^`/`$` at line boundaries (also before `\r\n`),
/// because the scanner searches line windows inside a larger buffer.
fn rule_syntax() -> syntax::Config {
    syntax::Config::new()
        .unicode(false)
        .utf8(false)
        .multi_line(true)
        .crlf(true)
}

/// Bytes of lazy-DFA states each rule's regex may build per scanning thread (the default is 2 MiB): rule
/// windows are short, so few states are ever built, but hundreds of rules times threads at the default
/// held most of a full-history scan's heap. When full, the cache is cleared and rebuilt.
const RULE_DFA_CACHE_BYTES: usize = 256 << 10;

fn build_rule_regex(pattern: &str) -> Result<meta::Regex, String> {
    meta::Regex::builder()
        .syntax(rule_syntax())
        .configure(
            meta::Config::new()
                .utf8_empty(false)
                .hybrid_cache_capacity(RULE_DFA_CACHE_BYTES),
        )
        .build(pattern)
        .map_err(|e| match e.syntax_error() {
            Some(se) => se.to_string(),
            None => e.to_string(),
        })
}

fn build_ascii_bytes(pattern: &str) -> Result<regex::bytes::Regex, String> {
    regex::bytes::RegexBuilder::new(pattern)
        .unicode(false)
        .build()
        .map_err(|e| e.to_string())
}

fn build_bytes(pattern: &str) -> Result<regex::bytes::Regex, String> {
    regex::bytes::Regex::new(pattern).map_err(|e| e.to_string())
}

impl LazyRegex<meta::Regex> {
    /// A secret rule's `regex`, in the rule-file dialect, with its capture groups.
    pub fn rule(pattern: &str, check: Check) -> Result<(Self, Groups), String> {
        match check {
            Check::Full => {
                LazyRegex::validated(pattern, &rule_syntax(), build_rule_regex).map(|(r, hir)| (r, Groups::of(&hir)))
            }
            Check::Embedded => {
                let groups = match Groups::lex(pattern) {
                    Some(groups) => groups,
                    None => Groups::of(&syntax::parse_with(pattern, &rule_syntax()).map_err(|e| e.to_string())?),
                };
                Ok((LazyRegex::unchecked(pattern, build_rule_regex), groups))
            }
        }
    }
}

impl LazyRegex<regex::bytes::Regex> {
    /// A `regex::bytes::Regex` with Unicode off (a rule's `allow` and `requires` patterns).
    pub fn ascii_bytes(pattern: &str, check: Check) -> Result<Self, String> {
        match check {
            // `regex::bytes` parses with UTF-8 mode off, whatever the Unicode setting.
            Check::Full => {
                let config = syntax::Config::new().unicode(false).utf8(false);
                LazyRegex::validated(pattern, &config, build_ascii_bytes).map(|(r, _)| r)
            }
            Check::Embedded => Ok(LazyRegex::unchecked(pattern, build_ascii_bytes)),
        }
    }

    /// A `regex::bytes::Regex` with the default (Unicode) settings (the config's `[allow] regexes`).
    pub fn bytes(pattern: &str) -> Result<Self, String> {
        let config = syntax::Config::new().utf8(false);
        LazyRegex::validated(pattern, &config, build_bytes).map(|(r, _)| r)
    }
}

/// An upper bound, in bytes, of the memory the Thompson NFA builder uses for `hir` (what the size limit is
/// checked against), forward or reverse. It follows the compiler's shapes: a state per literal byte, a
/// sparse state per class (one transition per byte range; a Unicode range becomes at most a few dozen UTF-8
/// sequences of up to four bytes), two per capture, a union per alternation and per optional repetition
/// copy, a copy of the repeated expression for every repetition it must spell out, and the unanchored
/// prefix. Sizes are padded
/// (a builder state is at most 32 bytes, a transition 8, an alternate 4) and the sum doubled.
fn nfa_size_bound(hir: &Hir) -> u64 {
    const STATE: u64 = 64;
    const EDGE: u64 = 16;
    const UTF8_PER_RANGE: u64 = 128;
    fn bound(hir: &Hir) -> u64 {
        match hir.kind() {
            HirKind::Empty | HirKind::Look(_) => STATE,
            HirKind::Literal(lit) => (lit.0.len() as u64 + 1) * STATE,
            HirKind::Class(Class::Bytes(c)) => STATE + c.ranges().len() as u64 * EDGE,
            HirKind::Class(Class::Unicode(c)) => {
                STATE + (c.ranges().len() as u64).saturating_mul(UTF8_PER_RANGE * (STATE + EDGE))
            }
            HirKind::Capture(c) => bound(&c.sub).saturating_add(2 * STATE),
            HirKind::Concat(subs) => subs
                .iter()
                .fold(STATE, |acc, s| acc.saturating_add(bound(s)).saturating_add(STATE)),
            HirKind::Alternation(subs) => subs.iter().fold(2 * STATE, |acc, s| {
                acc.saturating_add(bound(s)).saturating_add(STATE + EDGE)
            }),
            HirKind::Repetition(r) => {
                let copies = u64::from(r.max.unwrap_or(r.min).max(r.min)) + 1;
                copies
                    .saturating_mul(bound(&r.sub).saturating_add(2 * STATE + 2 * EDGE))
                    .saturating_add(2 * STATE)
            }
        }
    }
    // The unanchored prefix `(?s-u:.)*?`, the match state and the pattern's own group.
    (bound(hir) + 16 * STATE).saturating_mul(2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex_automata::nfa::thompson;

    /// Whether the Thompson compiler builds `pattern` (forward and reverse) within `limit` bytes.
    fn fits(pattern: &str, config: &syntax::Config, limit: u64) -> bool {
        let hir = syntax::parse_with(pattern, config).unwrap();
        [false, true].into_iter().all(|reverse| {
            thompson::Compiler::new()
                .configure(
                    thompson::Config::new()
                        .nfa_size_limit(Some(limit as usize))
                        .reverse(reverse)
                        // A reverse NFA cannot have captures (the meta regex builds it without).
                        .which_captures(if reverse {
                            thompson::WhichCaptures::None
                        } else {
                            thompson::WhichCaptures::All
                        })
                        .utf8(false),
                )
                .build_from_hir(&hir)
                .is_ok()
        })
    }

    const SHAPES: &[&str] = &[
        r"\b(ghp_[A-Za-z0-9]{36})\b",
        r"(?i)(?P<name>[a-z0-9_.-]{0,40}(?:password|secret|token))\s*[:=]\s*['\x22]?(?P<secret_a>[^\s'\x22]{8,200})",
        r"(a|b|cd|efg|[x-z]{3,9})*?(?:\d{2,}|\w+)+$",
        r"((((((((((a))))))))))",
        r"(?i)(?:aws|amazon)[ _-]?(?:secret|access)?[ _-]?key\s*=\s*([A-Za-z0-9/+=]{40})",
        r"[\x00-\x08\x0e-\x1f\x7f-\xff]{1,100}",
        r"(?:(?:a{2,5}){3,7}b?){2,4}",
        r"^-----BEGIN ([A-Z ]+ )?PRIVATE KEY-----(?s:.){0,5000}?-----END",
        r"(?i)[a-z]{100}(?:x|y|z){50}",
        r"",
        r"a{0}",
    ];

    #[test]
    fn size_bound_is_an_upper_bound_of_the_compiled_nfa() {
        let unicode = syntax::Config::new().utf8(false);
        let patterns = SHAPES.iter().map(|p| (p.to_string(), rule_syntax())).chain(
            [
                r"\w+\s\p{Greek}{3,20}",
                r"(?i)straße|ǅ{2,9}",
                r"[^a]{1,50}",
                r"\d{4}-\W",
            ]
            .iter()
            .map(|p| (p.to_string(), unicode)),
        );
        for (p, config) in patterns {
            let hir = syntax::parse_with(&p, &config).unwrap();
            let bound = nfa_size_bound(&hir);
            assert!(fits(&p, &config, bound), "{p}: bound {bound} is too small");
        }
    }

    #[test]
    fn size_bound_holds_for_every_builtin_rule() {
        for rule in crate::secrets::rule::builtin_rules().unwrap() {
            for p in std::iter::once(rule.syntax.regex.as_str())
                .chain(rule.syntax.allow.iter().map(String::as_str))
                .chain(rule.syntax.requires.iter().map(|r| r.regex.as_str()))
            {
                let config = rule_syntax();
                let bound = nfa_size_bound(&syntax::parse_with(p, &config).unwrap());
                assert!(fits(p, &config, bound), "rule {}: {p}: bound {bound}", rule.id());
            }
        }
    }

    #[test]
    fn groups_agree_with_the_compiled_regex() {
        for p in SHAPES
            .iter()
            .copied()
            .chain([r"(?P<name>\w+)=(?P<secret_x>\d+)|(?P<name_y>k)(?P<secret_y>v)"])
        {
            let (lazy, groups) = LazyRegex::rule(p, Check::Full).unwrap();
            let info = lazy.get().group_info().clone();
            let pid = regex_automata::PatternID::ZERO;
            assert_eq!(groups.len(), info.group_len(pid), "{p}");
            for g in 0..groups.len() {
                assert_eq!(groups.name(g), info.to_name(pid, g), "{p} group {g}");
            }
        }
    }

    #[test]
    fn lexed_groups_are_the_parsers() {
        let tricky = [
            r"[(]x",
            r"[]()](a)",
            r"[^]()](a)",
            r"\(x\)(y)",
            r"[a[:alpha:](](b)",
            r"(?i:(a))(?-i)(b)",
            r"(?<n>x)(?P<m>y)()",
            r"[\]()](c)",
            r"[a-z&&[^(]](d)",
            r"(?s:.)\[(e)\]",
        ];
        let builtin = crate::secrets::rule::builtin_rules()
            .unwrap()
            .into_iter()
            .map(|r| r.syntax.regex);
        for p in SHAPES.iter().chain(&tricky).map(|s| s.to_string()).chain(builtin) {
            let parsed = Groups::of(&syntax::parse_with(&p, &rule_syntax()).unwrap());
            assert_eq!(Groups::lex(&p), Some(parsed), "{p}");
        }
        assert_eq!(Groups::lex("(?x) a # (b)"), None);
    }

    #[test]
    fn errors_are_the_builders_and_come_at_load() {
        for p in ["(unclosed", r"\p{Greek}", "a{1000}{1000}", "[z-a]"] {
            let eager = build_rule_regex(p).unwrap_err();
            assert_eq!(LazyRegex::rule(p, Check::Full).unwrap_err(), eager, "{p}");
        }
        assert_eq!(
            LazyRegex::ascii_bytes(r"\p{L}", Check::Full).unwrap_err(),
            build_ascii_bytes(r"\p{L}").unwrap_err()
        );
        assert!(LazyRegex::bytes(r"\p{L}+").is_ok());
        assert_eq!(
            LazyRegex::bytes("a{1000}{1000}").unwrap_err(),
            build_bytes("a{1000}{1000}").unwrap_err()
        );
    }

    #[test]
    fn compiles_on_first_use_only() {
        let (lazy, _) = LazyRegex::rule(r"\b(tok_[a-z]{8})\b", Check::Full).unwrap();
        assert!(!lazy.is_compiled());
        assert!(lazy.get().is_match(b"x tok_abcdefgh y"));
        assert!(lazy.is_compiled());
        let big = "(?:[a-z0-9]{100}){300}";
        assert!(nfa_size_bound(&syntax::parse_with(big, &rule_syntax()).unwrap()) > NFA_SIZE_LIMIT / 4);
        assert!(LazyRegex::rule(big, Check::Full).unwrap().0.is_compiled());
        assert!(!LazyRegex::rule(big, Check::Embedded).unwrap().0.is_compiled());
    }
}
