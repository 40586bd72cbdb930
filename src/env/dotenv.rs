//! Reading `.env` files the way `docker compose` and the dotenv libraries do, for the `.env` rules:
//! `NAME=value` lines (`export ` allowed), values unquoted (a ` #` starts a comment), in single quotes
//! (literal) or double quotes, and lines that document a variable commented out (`# SMTP_PASSWORD=`),
//! which an example file uses for optional variables. Every assignment keeps its line and the byte range
//! of its name and value. One pass, linear in the file.
//!
//! ```
//! use plimsoll::env::dotenv::assignments;
//! let a = assignments("export DB_USER=app\n# SMTP_PASSWORD=\nAPI_KEY='x y' # note\n");
//! assert_eq!(a.len(), 3);
//! assert_eq!((a[0].name, a[0].value, a[0].line), ("DB_USER", "app", 1));
//! assert!(a[1].commented && a[1].value.is_empty());
//! assert_eq!(a[2].value, "x y");
//! ```

use std::ops::Range;

/// One `NAME=value` line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assignment<'a> {
    pub name: &'a str,
    /// The value without quotes or trailing comment.
    pub value: &'a str,
    /// 1-based.
    pub line: u32,
    /// Byte range of the name in the file.
    pub name_range: Range<usize>,
    /// Byte range of the value in the file (inside the quotes).
    pub value_range: Range<usize>,
    /// Written after a `#`: documentation of an optional variable, not a setting.
    pub commented: bool,
}

/// Every assignment of `text`, in order.
pub fn assignments(text: &str) -> Vec<Assignment<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (n, line) in text.split('\n').enumerate() {
        if let Some(a) = assignment(text, start, line, n as u32 + 1) {
            out.push(a);
        }
        start += line.len() + 1;
    }
    out
}

fn is_name_start(b: u8) -> bool {
    b == b'_' || b.is_ascii_alphabetic()
}

fn is_name_byte(b: u8) -> bool {
    b == b'_' || b == b'.' || b == b'-' || b.is_ascii_alphanumeric()
}

/// The assignment on one line starting at byte `at` of the file.
fn assignment<'a>(text: &'a str, at: usize, line: &'a str, number: u32) -> Option<Assignment<'a>> {
    let b = line.as_bytes();
    let mut i = 0;
    let skip_space = |i: &mut usize| {
        while *i < b.len() && (b[*i] == b' ' || b[*i] == b'\t') {
            *i += 1;
        }
    };
    skip_space(&mut i);
    let commented = b.get(i) == Some(&b'#');
    if commented {
        while i < b.len() && b[i] == b'#' {
            i += 1;
        }
        skip_space(&mut i);
    }
    if line[i..].starts_with("export ") {
        i += "export ".len();
        skip_space(&mut i);
    }
    if !b.get(i).is_some_and(|&c| is_name_start(c)) {
        return None;
    }
    let name_start = i;
    while i < b.len() && is_name_byte(b[i]) {
        i += 1;
    }
    let name_end = i;
    if b.get(i) != Some(&b'=') {
        return None;
    }
    i += 1;
    let (vs, ve) = match b.get(i) {
        Some(&q @ (b'"' | b'\'')) => {
            let close = line[i + 1..].find(q as char).map_or(b.len(), |p| i + 1 + p);
            (i + 1, close)
        }
        _ => {
            let rest = &line[i..];
            let end = rest.find(" #").or_else(|| rest.find("\t#")).map_or(rest.len(), |p| p);
            let value = rest[..end].trim_end_matches(['\r', ' ', '\t']);
            (i, i + value.len())
        }
    };
    let vs = vs.min(ve);
    // A commented line must look like a variable's documentation, not prose ("# Note: a=b").
    if commented && line[name_start..name_end].chars().any(|c| c.is_ascii_lowercase()) {
        return None;
    }
    Some(Assignment {
        name: &line[name_start..name_end],
        value: &line[vs..ve],
        line: number,
        name_range: at + name_start..at + name_end,
        value_range: at + vs..at + ve,
        commented,
    })
    .filter(|_| text.is_char_boundary(at + ve))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        let t =
            "A=1\n  export B = 2\nC=\"two words\" # c\nD='lit $X'\nE=x #y\nF=a#b\n#G=\n# H=doc\n# note: x=1\nI\n=J\n";
        let a = assignments(t);
        let got: Vec<(&str, &str, bool)> = a.iter().map(|a| (a.name, a.value, a.commented)).collect();
        assert_eq!(
            got,
            vec![
                ("A", "1", false),
                ("C", "two words", false),
                ("D", "lit $X", false),
                ("E", "x", false),
                ("F", "a#b", false),
                ("G", "", true),
                ("H", "doc", true),
            ]
        );
        let c = &a[1];
        assert_eq!(&t[c.value_range.clone()], "two words");
        assert_eq!(&t[c.name_range.clone()], "C");
        assert_eq!(c.line, 3);
    }

    #[test]
    fn crlf_and_unclosed_quotes() {
        let a = assignments("A=1\r\nB=\"open\r\n");
        assert_eq!(a[0].value, "1");
        assert_eq!(a[1].value, "open\r");
    }
}
