//! Assignments whose name and value are apart in the text, so no line regex can pair them: SQL `INSERT`
//! column lists (`INSERT INTO t (name, api_key) VALUES ('ci', '…'), ('cd', '…')`, also key/value tables
//! `(name, value) VALUES ('deploy_token', '…')`) and Terraform/HCL `variable "db_password" { default = "…" }`
//! blocks. Each pair found becomes one synthetic `name = 'value'` line; the scanner runs its rules over those
//! lines and reports what they find at the value in the original text (see `Scanner::scan_places`).
//!
//! Both readers move forward only and give up at the first thing they do not understand, so they are linear
//! in the input and cannot hang on hostile text.

/// A value and the name it is assigned to: `value` is the byte range of the literal's content in the file.
#[derive(Debug, PartialEq, Eq)]
pub struct Pair<'a> {
    pub name: &'a [u8],
    pub value: (usize, usize),
}

/// Columns of a settings table that hold the setting's name, and those that hold its value.
const KEY_COLUMNS: &[&str] = &["name", "key", "setting", "option_name", "config_key", "setting_name"];
const VALUE_COLUMNS: &[&str] = &["value", "option_value", "setting_value", "config_value"];

/// Most columns read from one `INSERT` column list; a longer list is not a hand-written seed.
const MAX_COLUMNS: usize = 256;

/// Every (column, quoted value) pair of every `INSERT INTO … (…) VALUES (…), …` statement in `data`.
pub fn sql_inserts(data: &[u8]) -> Vec<Pair<'_>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = find_ci(&data[from..], b"insert") {
        let at = from + i;
        from = at + 6;
        if at > 0 && is_ident(data[at - 1]) {
            continue;
        }
        if let Some(end) = read_insert(data, from, &mut out) {
            from = end.max(from);
        }
    }
    out
}

/// Reads one `INSERT` after its keyword (`p` is just past `insert`); returns where it stopped.
fn read_insert<'a>(data: &'a [u8], mut p: usize, out: &mut Vec<Pair<'a>>) -> Option<usize> {
    p = skip_ws(data, p);
    p = expect_word(data, p, b"into")?;
    p = skip_ws(data, p);
    // Table name: identifiers, quoted identifiers and dots.
    let t = p;
    while p < data.len() && (is_ident(data[p]) || matches!(data[p], b'.' | b'"' | b'`' | b'[' | b']')) {
        p += 1;
    }
    if p == t {
        return None;
    }
    p = skip_ws(data, p);
    if data.get(p) != Some(&b'(') {
        return None;
    }
    p += 1;
    let mut columns: Vec<&[u8]> = Vec::new();
    loop {
        p = skip_ws(data, p);
        let s = p;
        while p < data.len() && !matches!(data[p], b',' | b')' | b'\n' | b'(' | b'\'') {
            p += 1;
        }
        let col = trim_identifier(&data[s..p]);
        if col.is_empty() || !col.iter().all(|&c| is_ident(c)) || columns.len() >= MAX_COLUMNS {
            return Some(p);
        }
        columns.push(col);
        let Some(closed) = list_step(data, &mut p) else {
            return Some(p);
        };
        if closed {
            break;
        }
    }
    p = skip_ws(data, p);
    p = expect_word(data, p, b"values")?;
    let key_col = columns
        .iter()
        .position(|c| KEY_COLUMNS.iter().any(|k| c.eq_ignore_ascii_case(k.as_bytes())));
    let value_col = columns
        .iter()
        .position(|c| VALUE_COLUMNS.iter().any(|k| c.eq_ignore_ascii_case(k.as_bytes())));
    loop {
        p = skip_ws_and_comments(data, p);
        if data.get(p) != Some(&b'(') {
            return Some(p);
        }
        p += 1;
        let mut values: Vec<Option<(usize, usize)>> = Vec::with_capacity(columns.len());
        loop {
            p = skip_ws(data, p);
            match data.get(p) {
                Some(b'\'') => {
                    let (s, e, next) = quoted(data, p)?;
                    values.push(Some((s, e)));
                    p = skip_ws(data, next);
                }
                Some(_) => {
                    // Anything else (numbers, NULL, NOW(), :param, $1) up to the next top-level `,` or `)`.
                    let mut depth = 0usize;
                    while p < data.len() {
                        match data[p] {
                            b'(' => depth += 1,
                            b')' if depth == 0 => break,
                            b')' => depth -= 1,
                            b',' if depth == 0 => break,
                            b'\'' => {
                                let (_, _, next) = quoted(data, p)?;
                                p = next;
                                continue;
                            }
                            b';' => return Some(p),
                            _ => {}
                        }
                        p += 1;
                    }
                    values.push(None);
                }
                None => return Some(p),
            }
            let Some(closed) = list_step(data, &mut p) else {
                return Some(p);
            };
            if closed {
                break;
            }
        }
        if values.len() == columns.len() {
            for (col, v) in columns.iter().zip(&values) {
                if let Some(v) = *v {
                    out.push(Pair { name: col, value: v });
                }
            }
            if let (Some(k), Some(v)) = (key_col, value_col)
                && let (Some(Some(ks)), Some(Some(vs))) = (values.get(k), values.get(v))
            {
                out.push(Pair {
                    name: &data[ks.0..ks.1],
                    value: *vs,
                });
            }
        }
        p = skip_ws_and_comments(data, p);
        if data.get(p) == Some(&b',') {
            p += 1;
        } else {
            return Some(p);
        }
    }
}

/// Steps over the separator after one item of a parenthesised list (the column list or a value tuple):
/// past a `,` gives `Some(false)` (more items follow), past the closing `)` gives `Some(true)`; anything
/// else gives `None` and leaves `p` where it is.
fn list_step(data: &[u8], p: &mut usize) -> Option<bool> {
    let closed = match data.get(*p)? {
        b',' => false,
        b')' => true,
        _ => return None,
    };
    *p += 1;
    Some(closed)
}

/// Every `variable "NAME" { … default = "VALUE" … }` block of an HCL file.
pub fn hcl_variable_defaults(data: &[u8]) -> Vec<Pair<'_>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = memchr::memmem::find(&data[from..], b"variable") {
        let at = from + i;
        from = at + 8;
        let line_start = data[..at].iter().rposition(|&c| c == b'\n').map_or(0, |n| n + 1);
        if !data[line_start..at].iter().all(|c| *c == b' ' || *c == b'\t') {
            continue;
        }
        let mut p = skip_ws(data, from);
        if data.get(p) != Some(&b'"') {
            continue;
        }
        let ns = p + 1;
        let Some(ne) = data[ns..].iter().position(|&c| c == b'"' || c == b'\n').map(|n| ns + n) else {
            break;
        };
        if data[ne] != b'"' {
            continue;
        }
        p = skip_ws(data, ne + 1);
        if data.get(p) != Some(&b'{') {
            continue;
        }
        p += 1;
        // The block's own attributes, at depth 1 (a nested `validation { … }` block is skipped).
        let mut depth = 1usize;
        while p < data.len() && depth > 0 {
            match data[p] {
                b'{' => depth += 1,
                b'}' => depth -= 1,
                b'"' => {
                    let Some(n) = data[p + 1..].iter().position(|&c| c == b'"' || c == b'\n') else {
                        break;
                    };
                    p += n + 2;
                    continue;
                }
                b'd' if depth == 1 && data[p..].starts_with(b"default") && !is_ident(data[p - 1]) => {
                    let mut q = skip_ws(data, p + 7);
                    if data.get(q) == Some(&b'=') {
                        q = skip_ws(data, q + 1);
                        if data.get(q) == Some(&b'"') {
                            let vs = q + 1;
                            if let Some(n) = data[vs..].iter().position(|&c| c == b'"' || c == b'\n')
                                && data[vs + n] == b'"'
                            {
                                out.push(Pair {
                                    name: &data[ns..ne],
                                    value: (vs, vs + n),
                                });
                                p = vs + n + 1;
                                continue;
                            }
                        }
                    }
                }
                _ => {}
            }
            p += 1;
        }
        from = from.max(p);
    }
    out
}

/// A single-quoted SQL literal at `p` (`''` escapes a quote): (content start, content end, after it).
fn quoted(data: &[u8], p: usize) -> Option<(usize, usize, usize)> {
    let s = p + 1;
    let mut i = s;
    while i < data.len() {
        match data[i] {
            b'\'' if data.get(i + 1) == Some(&b'\'') => i += 2,
            b'\'' => return Some((s, i, i + 1)),
            b'\n' if i - s > 4096 => return None,
            _ => i += 1,
        }
    }
    None
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

fn trim_identifier(s: &[u8]) -> &[u8] {
    let s = s.trim_ascii();
    let s = s
        .strip_prefix(b"\"")
        .and_then(|x| x.strip_suffix(b"\""))
        .or_else(|| s.strip_prefix(b"`").and_then(|x| x.strip_suffix(b"`")))
        .or_else(|| s.strip_prefix(b"[").and_then(|x| x.strip_suffix(b"]")))
        .unwrap_or(s);
    s.trim_ascii()
}

fn skip_ws(data: &[u8], mut p: usize) -> usize {
    while p < data.len() && data[p].is_ascii_whitespace() {
        p += 1;
    }
    p
}

/// Whitespace and `-- …` line comments between the rows of a multi-row `VALUES`.
fn skip_ws_and_comments(data: &[u8], mut p: usize) -> usize {
    loop {
        p = skip_ws(data, p);
        if data[p..].starts_with(b"--") {
            p += data[p..].iter().position(|&c| c == b'\n').unwrap_or(data.len() - p);
        } else {
            return p;
        }
    }
}

/// `word` (case-insensitive, not followed by an identifier character) at `p`: the position after it.
fn expect_word(data: &[u8], p: usize, word: &[u8]) -> Option<usize> {
    let end = p + word.len();
    (data.get(p..end)?.eq_ignore_ascii_case(word) && !data.get(end).is_some_and(|&c| is_ident(c))).then_some(end)
}

/// ASCII case-insensitive search for a lowercase `needle`.
fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let first = [needle[0], needle[0].to_ascii_uppercase()];
    let mut from = 0;
    while let Some(i) = memchr::memchr2(first[0], first[1], &hay[from..]) {
        let at = from + i;
        if hay
            .get(at..at + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(f: fn(&[u8]) -> Vec<Pair<'_>>, text: &str) -> Vec<(String, String)> {
        f(text.as_bytes())
            .into_iter()
            .map(|p| {
                (
                    String::from_utf8_lossy(p.name).into_owned(),
                    text[p.value.0..p.value.1].to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn insert_columns_pair_with_their_values() {
        let text = "INSERT INTO `integrations` (`name`, api_key, created) VALUES\n  ('alerts', 'Xk2Lm9', NOW()),\n  -- second\n  ('status', 'it''s', 3);\n";
        assert_eq!(
            pairs(sql_inserts, text),
            [
                ("name", "alerts"),
                ("api_key", "Xk2Lm9"),
                ("name", "status"),
                ("api_key", "it''s"),
            ]
            .map(|(a, b)| (a.to_string(), b.to_string()))
        );
    }

    #[test]
    fn settings_tables_pair_the_key_with_the_value() {
        let text = "insert into settings (name, value) values ('deploy_token', 'Q8vR3kLmN0');"; // plimsoll:allow (made up)
        assert!(pairs(sql_inserts, text).contains(&("deploy_token".into(), "Q8vR3kLmN0".into())));
    }

    #[test]
    fn what_is_not_an_insert_gives_nothing() {
        for t in [
            "INSERT INTO t VALUES ('a')",
            "-- insert a row later",
            "reinsert(x, 'y')",
            "INSERT INTO t (a, b) VALUES ('only one');",
            "INSERT INTO t (a) SELECT 'x'",
            "INSERT INTO t (a, b",
            "INSERT INTO t (a) VALUES ('never closed",
        ] {
            assert!(pairs(sql_inserts, t).is_empty(), "{t}");
        }
    }

    #[test]
    fn hcl_variable_defaults_pair_with_the_variable_name() {
        let text = "variable \"db_password\" {\n  type = string\n  description = \"a {brace}\"\n  validation {\n    condition = length(var.db_password) > 8\n  }\n  default = \"Xk2Lm9Qz\"\n}\nvariable \"region\" { default = \"eu-west-1\" }\nlocals { default = \"x\" }\n";
        assert_eq!(
            pairs(hcl_variable_defaults, text),
            // pragma: allowlist nextline secret
            [("db_password", "Xk2Lm9Qz"), ("region", "eu-west-1")].map(|(a, b)| (a.to_string(), b.to_string()))
        );
    }

    #[test]
    fn readers_stop_on_truncated_input() {
        for t in [
            "variable \"x\" {",
            "variable \"x",
            "INSERT INTO t (a) VALUES (",
            "INSERT",
        ] {
            let _ = sql_inserts(t.as_bytes());
            let _ = hcl_variable_defaults(t.as_bytes());
        }
    }
}
