//! A small POSIX-shell reader for `RUN` scripts: enough structure for the Dockerfile rules to ask "is there an
//! `apt-get install` without `-y`" or "does a `curl` pipe into `sh`", without executing or fully parsing shell.
//!
//! The script is split into simple commands at `&&`, `||`, `;`, `|`, `&` and newlines; words are unquoted;
//! redirections and their targets are set apart; `FOO=bar cmd` assignments are set apart; `if`/`then`/`do`
//! and friends are dropped from the front of a command; and `sh -c '…'` arguments are read as scripts too.
//!
//! ```
//! use plimsoll::dockerfile::shell::Script;
//! let s = Script::parse("apt-get update && apt-get install -y curl | tee log");
//! assert_eq!(s.commands.len(), 3);
//! assert!(s.commands[1].is("apt-get"));
//! assert!(s.commands[1].has_flag("yes", Some('y')));
//! ```

/// What separates a command from the next one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sep {
    /// `;`, a newline, or the end of the script.
    End,
    And,
    Or,
    /// `|` or `|&`: this command's output feeds the next.
    Pipe,
    /// `&`
    Background,
}

/// One simple command.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cmd {
    /// `NAME=value` words before the command name.
    pub assignments: Vec<String>,
    /// The command name and its arguments, unquoted.
    pub words: Vec<String>,
    /// Redirection targets (`> file`, `2>&1`, `< in`).
    pub redirects: Vec<String>,
    /// Separator after this command.
    pub sep: Option<Sep>,
}

/// Programs that run the rest of their arguments as a command (`sudo apt-get …`).
const WRAPPERS: &[&str] = &[
    "sudo",
    "env",
    "nice",
    "nohup",
    "exec",
    "command",
    "time",
    "eatmydata",
    "doas",
];

/// Options of [`WRAPPERS`] that take a value.
const WRAPPER_OPTS_WITH_ARG: &[&str] = &["-u", "-g", "-n", "-C", "-h", "-p", "-r", "-t", "-U", "-D", "-S"];

impl Cmd {
    /// The command name as written (may be a path, or a wrapper such as `sudo`).
    pub fn name(&self) -> Option<&str> {
        self.words.first().map(String::as_str)
    }

    /// Index of the program that actually runs, skipping wrappers such as `sudo -E` or `env A=b`.
    fn program_index(&self) -> Option<usize> {
        let mut i = 0;
        while let Some(w) = self.words.get(i) {
            if !WRAPPERS.contains(&basename(w)) {
                return Some(i);
            }
            i += 1;
            while let Some(a) = self.words.get(i) {
                if a == "--" {
                    i += 1;
                    break;
                }
                if a.starts_with('-') {
                    i += if WRAPPER_OPTS_WITH_ARG.contains(&a.as_str()) {
                        2
                    } else {
                        1
                    };
                } else if is_assignment(a) {
                    i += 1;
                } else {
                    break;
                }
            }
        }
        None
    }

    /// Base name of the program that runs (`/usr/bin/apt-get` -> `apt-get`), wrappers skipped.
    pub fn program(&self) -> Option<&str> {
        self.program_index().map(|i| basename(&self.words[i]))
    }

    /// Whether the program that runs is `name`.
    pub fn is(&self, name: &str) -> bool {
        self.program() == Some(name)
    }

    /// Whether the program is one of `names`.
    pub fn is_any(&self, names: &[&str]) -> bool {
        self.program().is_some_and(|p| names.contains(&p))
    }

    /// Arguments of the program (after wrappers and the program name).
    pub fn args(&self) -> &[String] {
        match self.program_index() {
            Some(i) => &self.words[i + 1..],
            None => &[],
        }
    }

    /// The first argument that is not an option, skipping the values of `opts_with_arg`; with its index in
    /// [`Cmd::args`]. For `apt-get -o X=y install foo` with `["-o"]` that is `(2, "install")`.
    pub fn subcommand(&self, opts_with_arg: &[&str]) -> Option<(usize, &str)> {
        let args = self.args();
        let mut i = 0;
        while let Some(a) = args.get(i) {
            if a == "--" {
                return args.get(i + 1).map(|s| (i + 1, s.as_str()));
            }
            if a.starts_with('-') && a.len() > 1 {
                i += if opts_with_arg.contains(&a.as_str()) { 2 } else { 1 };
                continue;
            }
            return Some((i, a));
        }
        None
    }

    /// Non-option arguments after the subcommand (e.g. the packages of `apt-get install`).
    pub fn operands_after(&self, index: usize, opts_with_arg: &[&str]) -> Vec<&str> {
        let args = self.args();
        let mut out = Vec::new();
        let mut i = index + 1;
        while let Some(a) = args.get(i) {
            if a.starts_with('-') && a.len() > 1 {
                i += if opts_with_arg.contains(&a.as_str()) { 2 } else { 1 };
                continue;
            }
            out.push(a.as_str());
            i += 1;
        }
        out
    }

    /// Whether an argument is `--long`, `--long=…`, or (with `short`) a short-option cluster such as `-qy`
    /// containing that letter.
    pub fn has_flag(&self, long: &str, short: Option<char>) -> bool {
        self.args().iter().any(|a| {
            if let Some(l) = a.strip_prefix("--") {
                !long.is_empty() && (l == long || l.strip_prefix(long).is_some_and(|r| r.starts_with('=')))
            } else if let (Some(s), Some(c)) = (a.strip_prefix('-'), short) {
                !s.is_empty() && s.chars().all(|ch| ch.is_ascii_alphanumeric()) && s.contains(c)
            } else {
                false
            }
        })
    }

    /// Arguments that are not options (do not start with `-`), in order. Unlike [`Cmd::subcommand`] it
    /// knows no option values, so it suits commands whose options are all flags.
    pub fn plain_args(&self) -> impl Iterator<Item = &str> {
        self.args().iter().map(String::as_str).filter(|a| !a.starts_with('-'))
    }

    /// Whether any argument equals `word`.
    pub fn has_arg(&self, word: &str) -> bool {
        self.args().iter().any(|a| a == word)
    }
}

/// A parsed script: its simple commands in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Script {
    pub commands: Vec<Cmd>,
}

/// Words that open or continue a compound command; dropped from the front of a simple command.
const PREFIX_KEYWORDS: &[&str] = &[
    "if", "then", "else", "elif", "do", "while", "until", "!", "{", "(", "time",
];
/// Words that close a compound command; a command made only of them is dropped.
const CLOSING_KEYWORDS: &[&str] = &["fi", "done", "esac", "}", ")"];
/// How deep `sh -c '…'` arguments are followed.
const MAX_NESTING: u32 = 3;

impl Script {
    /// Reads `text` as a shell script. Never fails: unbalanced quotes run to the end of the text.
    pub fn parse(text: &str) -> Script {
        Script::parse_nested(text, 0)
    }

    fn parse_nested(text: &str, depth: u32) -> Script {
        let mut commands = Vec::new();
        for mut cmd in Tokenizer::new(text).commands() {
            while cmd.words.first().is_some_and(|w| PREFIX_KEYWORDS.contains(&w.as_str())) {
                cmd.words.remove(0);
            }
            while cmd.words.first().is_some_and(|w| is_assignment(w)) {
                let w = cmd.words.remove(0);
                cmd.assignments.push(w);
            }
            if cmd.words.first().is_some_and(|w| w == "for" || w == "case") {
                cmd.words.clear();
            }
            if cmd.words.iter().all(|w| CLOSING_KEYWORDS.contains(&w.as_str())) && cmd.assignments.is_empty() {
                if let Some(last) = commands.last_mut() {
                    let last: &mut Cmd = last;
                    if cmd.sep.is_some() && last.sep == Some(Sep::End) {
                        last.sep = cmd.sep;
                    }
                }
                continue;
            }
            let nested = (depth < MAX_NESTING)
                .then(|| shell_c_argument(&cmd))
                .flatten()
                .map(|s| Script::parse_nested(&s, depth + 1));
            commands.push(cmd);
            if let Some(n) = nested {
                commands.extend(n.commands);
            }
        }
        Script { commands }
    }

    /// Commands whose program is `name`.
    pub fn find<'a>(&'a self, name: &'a str) -> impl Iterator<Item = (usize, &'a Cmd)> + 'a {
        self.commands.iter().enumerate().filter(move |(_, c)| c.is(name))
    }

    /// Whether a command running `name` exists.
    pub fn runs(&self, name: &str) -> bool {
        self.commands.iter().any(|c| c.is(name))
    }

    /// Indices of commands that are part of a pipeline (`a | b`), grouped per pipeline.
    pub fn pipelines(&self) -> Vec<std::ops::Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, c) in self.commands.iter().enumerate() {
            if c.sep != Some(Sep::Pipe) {
                if i > start {
                    out.push(start..i + 1);
                }
                start = i + 1;
            }
        }
        if start + 1 < self.commands.len() {
            out.push(start..self.commands.len());
        }
        out
    }
}

/// For `sh -c 'script'` / `bash -ec "script"`, the script.
fn shell_c_argument(cmd: &Cmd) -> Option<String> {
    if !cmd.is_any(&["sh", "bash", "ash", "dash", "zsh", "ksh"]) {
        return None;
    }
    let args = cmd.args();
    let i = args
        .iter()
        .position(|a| a.starts_with('-') && !a.starts_with("--") && a.contains('c'))?;
    args.get(i + 1).cloned()
}

/// `/usr/bin/apt-get` -> `apt-get`.
pub fn basename(word: &str) -> &str {
    word.rsplit('/').next().unwrap_or(word)
}

/// `NAME=value` with a valid shell variable name.
pub fn is_assignment(word: &str) -> bool {
    match word.split_once('=') {
        Some((name, _)) => {
            let mut chars = name.chars();
            chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        }
        None => false,
    }
}

struct Tokenizer<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    word: String,
    in_word: bool,
    cmd: Cmd,
    redirect_pending: bool,
    out: Vec<Cmd>,
    /// `case … in` statements open around the current position.
    case_depth: usize,
    /// Reading a `case` pattern list (`a | b)`): `|` separates patterns there, it is no pipe.
    case_pattern: bool,
}

impl<'a> Tokenizer<'a> {
    fn new(text: &'a str) -> Self {
        Tokenizer {
            chars: text.chars().peekable(),
            word: String::new(),
            in_word: false,
            cmd: Cmd::default(),
            redirect_pending: false,
            out: Vec::new(),
            case_depth: 0,
            case_pattern: false,
        }
    }

    fn end_word(&mut self) {
        if self.in_word {
            let w = std::mem::take(&mut self.word);
            if self.redirect_pending {
                self.cmd.redirects.push(w);
                self.redirect_pending = false;
            } else {
                self.cmd.words.push(w);
            }
            self.in_word = false;
            let words = &self.cmd.words;
            let k = words
                .iter()
                .take_while(|w| PREFIX_KEYWORDS.contains(&w.as_str()))
                .count();
            if words.len() == k + 3 && words[k] == "case" && words[k + 2] == "in" {
                // `case WORD in`: patterns come next.
                self.end_command(Sep::End);
                self.case_depth += 1;
                self.case_pattern = true;
            } else if self.case_depth > 0 && words.len() == 1 && words[0] == "esac" {
                self.case_depth -= 1;
                self.case_pattern = false;
            }
        }
    }

    fn end_command(&mut self, sep: Sep) {
        self.end_word();
        self.redirect_pending = false;
        let mut cmd = std::mem::take(&mut self.cmd);
        if cmd.words.is_empty() && cmd.assignments.is_empty() {
            // `a && \n b` or `;;`: keep the stronger separator on the previous command.
            if sep != Sep::End
                && let Some(prev) = self.out.last_mut()
            {
                prev.sep = Some(sep);
            }
            return;
        }
        cmd.sep = Some(sep);
        self.out.push(cmd);
    }

    /// Appends text up to the parenthesis that balances an already consumed `(`.
    fn take_balanced(&mut self, open: char, close: char) {
        let mut depth = 1;
        let mut quote: Option<char> = None;
        while let Some(c) = self.chars.next() {
            self.word.push(c);
            match quote {
                Some(q) if c == q => quote = None,
                Some('"') if c == '\\' => {
                    if let Some(n) = self.chars.next() {
                        self.word.push(n);
                    }
                }
                Some(_) => {}
                None if c == '\'' || c == '"' => quote = Some(c),
                None if c == '\\' => {
                    if let Some(n) = self.chars.next() {
                        self.word.push(n);
                    }
                }
                None if c == open => depth += 1,
                None if c == close => {
                    depth -= 1;
                    if depth == 0 {
                        return;
                    }
                }
                None => {}
            }
        }
    }

    fn commands(mut self) -> Vec<Cmd> {
        while let Some(c) = self.chars.next() {
            match c {
                ' ' | '\t' | '\r' => self.end_word(),
                '\n' => self.end_command(Sep::End),
                '#' if !self.in_word => {
                    for n in self.chars.by_ref() {
                        if n == '\n' {
                            break;
                        }
                    }
                    self.end_command(Sep::End);
                }
                '\\' => match self.chars.next() {
                    Some('\n') => {}
                    Some(n) => {
                        self.in_word = true;
                        self.word.push(n);
                    }
                    None => {}
                },
                '\'' => {
                    self.in_word = true;
                    for n in self.chars.by_ref() {
                        if n == '\'' {
                            break;
                        }
                        self.word.push(n);
                    }
                }
                '"' => {
                    self.in_word = true;
                    while let Some(n) = self.chars.next() {
                        match n {
                            '"' => break,
                            '\\' => match self.chars.peek() {
                                Some(&e @ ('"' | '\\' | '$' | '`')) => {
                                    self.chars.next();
                                    self.word.push(e);
                                }
                                Some('\n') => {
                                    self.chars.next();
                                }
                                _ => self.word.push('\\'),
                            },
                            '$' if self.chars.peek() == Some(&'(') => {
                                self.chars.next();
                                self.word.push_str("$(");
                                self.take_balanced('(', ')');
                            }
                            _ => self.word.push(n),
                        }
                    }
                }
                '$' if matches!(self.chars.peek(), Some('(') | Some('{')) => {
                    self.in_word = true;
                    let open = self.chars.next().unwrap_or('(');
                    self.word.push('$');
                    self.word.push(open);
                    self.take_balanced(open, if open == '(' { ')' } else { '}' });
                }
                '`' => {
                    self.in_word = true;
                    self.word.push('`');
                    for n in self.chars.by_ref() {
                        self.word.push(n);
                        if n == '`' {
                            break;
                        }
                    }
                }
                '&' => {
                    if self.chars.peek() == Some(&'&') {
                        self.chars.next();
                        self.end_command(Sep::And);
                    } else if self.chars.peek() == Some(&'>') {
                        // `&> file`
                        self.chars.next();
                        if self.chars.peek() == Some(&'>') {
                            self.chars.next();
                        }
                        self.end_word();
                        self.redirect_pending = true;
                    } else {
                        self.end_command(Sep::Background);
                    }
                }
                // A case pattern list: `(a | b)` ends at `)`, its words are no command.
                '|' if self.case_pattern => self.end_word(),
                '(' if self.case_pattern && !self.in_word && self.cmd.words.is_empty() => {}
                ')' if self.case_pattern => {
                    self.word.clear();
                    self.in_word = false;
                    if self.cmd.words.first().is_some_and(|w| w == "esac") {
                        self.end_command(Sep::End);
                    } else {
                        self.cmd = Cmd::default();
                    }
                    self.case_pattern = false;
                }
                '|' => {
                    if self.chars.peek() == Some(&'|') {
                        self.chars.next();
                        self.end_command(Sep::Or);
                    } else {
                        if self.chars.peek() == Some(&'&') {
                            self.chars.next();
                        }
                        self.end_command(Sep::Pipe);
                    }
                }
                ';' => {
                    let mut ends_case_item = false;
                    while self.chars.peek() == Some(&';') {
                        self.chars.next();
                        ends_case_item = true;
                    }
                    self.end_command(Sep::End);
                    // `;;` ends a case item: the next pattern list follows.
                    if ends_case_item && self.case_depth > 0 {
                        self.case_pattern = true;
                    }
                }
                '(' | ')' if !self.in_word => self.end_command(Sep::End),
                '<' | '>' => {
                    if self.chars.peek() == Some(&'(') {
                        // Process substitution `<(cmd)`: kept as one word.
                        self.chars.next();
                        self.in_word = true;
                        self.word.push(c);
                        self.word.push('(');
                        self.take_balanced('(', ')');
                        continue;
                    }
                    // A file descriptor number right before the operator belongs to it (`2>`).
                    if self.in_word && self.word.chars().all(|d| d.is_ascii_digit()) {
                        self.word.clear();
                        self.in_word = false;
                    } else {
                        self.end_word();
                    }
                    while let Some(&n) = self.chars.peek() {
                        if matches!(n, '<' | '>' | '|') {
                            self.chars.next();
                        } else {
                            break;
                        }
                    }
                    if self.chars.peek() == Some(&'&') {
                        // `2>&1`, `>&2`
                        self.chars.next();
                        let mut fd = String::from("&");
                        while let Some(&d) = self.chars.peek() {
                            if d.is_ascii_digit() || d == '-' {
                                fd.push(d);
                                self.chars.next();
                            } else {
                                break;
                            }
                        }
                        self.cmd.redirects.push(fd);
                    } else {
                        self.redirect_pending = true;
                    }
                }
                _ => {
                    self.in_word = true;
                    self.word.push(c);
                }
            }
        }
        self.end_command(Sep::End);
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &Script) -> Vec<Vec<&str>> {
        s.commands
            .iter()
            .map(|c| c.words.iter().map(String::as_str).collect())
            .collect()
    }

    #[test]
    fn splits_on_operators_and_unquotes() {
        let s = Script::parse("a 'b c' && d \"e $(f | g)\" || h; i | j &\nk");
        assert_eq!(
            words(&s),
            vec![
                vec!["a", "b c"],
                vec!["d", "e $(f | g)"],
                vec!["h"],
                vec!["i"],
                vec!["j"],
                vec!["k"]
            ]
        );
        assert_eq!(s.commands[0].sep, Some(Sep::And));
        assert_eq!(s.commands[3].sep, Some(Sep::Pipe));
        assert_eq!(s.pipelines(), vec![3..5]);
    }

    #[test]
    fn case_patterns_are_not_pipes_or_commands() {
        let s = Script::parse(
            "for b in *; do case \"$b\" in\n  shim | proxy) continue ;;\n  (x|y) run \"$b\" -v | tee log;;\n  *) run \"$b\" ;; esac; done; a | b",
        );
        assert_eq!(
            words(&s),
            vec![
                vec!["continue"],
                vec!["run", "$b", "-v"],
                vec!["tee", "log"],
                vec!["run", "$b"],
                vec!["a"],
                vec!["b"],
            ]
        );
        assert_eq!(s.pipelines(), vec![1..3, 4..6]);
    }

    #[test]
    fn redirections_and_assignments_are_set_apart() {
        let s = Script::parse("DEBIAN_FRONTEND=noninteractive apt-get install -y x > /dev/null 2>&1");
        let c = &s.commands[0];
        assert_eq!(c.assignments, vec!["DEBIAN_FRONTEND=noninteractive"]);
        assert_eq!(c.words, vec!["apt-get", "install", "-y", "x"]);
        assert_eq!(c.redirects, vec!["/dev/null", "&1"]);
    }

    #[test]
    fn wrappers_keywords_and_nested_shells() {
        let s = Script::parse("if true; then sudo -E /usr/bin/apt-get -qy install x; fi; bash -c 'apk add y'");
        let progs: Vec<_> = s.commands.iter().filter_map(Cmd::program).collect();
        assert_eq!(progs, vec!["true", "apt-get", "bash", "apk"]);
        let apt = &s.commands[1];
        assert_eq!(apt.name(), Some("sudo"));
        assert!(apt.has_flag("yes", Some('y')));
        assert_eq!(apt.subcommand(&["-o"]), Some((1, "install")));
        assert_eq!(apt.operands_after(1, &[]), vec!["x"]);
    }

    #[test]
    fn comments_and_continuations() {
        let s = Script::parse("a \\\n  b # c && d\ne");
        assert_eq!(words(&s), vec![vec!["a", "b"], vec!["e"]]);
    }

    #[test]
    fn unbalanced_input_does_not_panic() {
        for t in [
            "'abc", "\"abc", "$(abc", "`abc", "a >", "a |", "&&", "${", "a 2>&", "\\",
        ] {
            let _ = Script::parse(t);
        }
    }
}
