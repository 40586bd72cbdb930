//! What a bake file (HCL or JSON) says about the images it builds: its targets with their `tags` and
//! `inherits`, its groups, and its `variable` defaults, read in one pass by a small tokenizer that knows
//! both syntaxes (blocks `target "app" { … }` and objects `"target": { "app": { … } }` flatten to the same
//! path). Tags get the file's own variable defaults substituted (`${TAG}` with `variable "TAG" { default =
//! "latest" }`); a variable without a literal default, one whose default is itself interpolated
//! (`default = "${GITHUB_SHA}"`) or any other expression is a part that cannot be known
//! ([`BAKE_UNKNOWN`]). Nothing is read from the environment.

use crate::facts::{BAKE_UNKNOWN, BakeTagFact, BakeTargetFact, Located};
use crate::position::LineIndex;
use std::collections::HashMap;
use std::ops::Range;

/// A token: a string (its content, unescaped, and where the content sits), a bare word, or punctuation.
enum Tok {
    Str(String, Range<usize>),
    Word(String),
    Punct(u8),
}

/// Splits `text` into tokens, skipping `#`, `//` and `/* */` comments. Quotes inside `${ … }` of a
/// string do not end it.
fn tokens(text: &str) -> Vec<Tok> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            b'#' => i = line_end(b, i),
            b'/' if b.get(i + 1) == Some(&b'/') => i = line_end(b, i),
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i = text[i + 2..].find("*/").map_or(b.len(), |p| i + 2 + p + 2);
            }
            b'"' => {
                let start = i + 1;
                let mut j = start;
                let mut s = String::new();
                let mut interp = 0usize;
                while j < b.len() {
                    match b[j] {
                        b'\\' => {
                            if let Some(&n) = b.get(j + 1) {
                                s.push(match n {
                                    b'n' => '\n',
                                    b't' => '\t',
                                    _ => n as char,
                                });
                            }
                            j += 2;
                            continue;
                        }
                        b'"' if interp == 0 => break,
                        b'$' if b.get(j + 1) == Some(&b'{') => {
                            interp += 1;
                            s.push_str("${");
                            j += 2;
                            continue;
                        }
                        b'}' if interp > 0 => interp -= 1,
                        b'\n' if interp == 0 => break,
                        _ => {}
                    }
                    // Whole UTF-8 characters.
                    let ch = text[j..].chars().next().unwrap_or('\u{fffd}');
                    s.push(ch);
                    j += ch.len_utf8();
                }
                out.push(Tok::Str(s, start..j.min(b.len())));
                i = j + 1;
            }
            b'{' | b'}' | b'[' | b']' | b'=' | b':' | b',' | b'(' | b')' => {
                out.push(Tok::Punct(c));
                i += 1;
            }
            _ if c.is_ascii_alphanumeric() || c == b'_' || c == b'-' || c == b'.' => {
                let start = i;
                while i < b.len() && (b[i].is_ascii_alphanumeric() || matches!(b[i], b'_' | b'-' | b'.')) {
                    i += 1;
                }
                out.push(Tok::Word(text[start..i].to_string()));
            }
            _ => i += 1,
        }
    }
    out
}

fn line_end(b: &[u8], from: usize) -> usize {
    b[from..].iter().position(|&c| c == b'\n').map_or(b.len(), |p| from + p)
}

/// A target as read, before its tags are resolved.
#[derive(Default)]
struct RawTarget {
    name: String,
    tags: Option<Vec<(String, Range<usize>)>>,
    tags_unknown: bool,
    inherits: Vec<String>,
}

/// What a bake file declares.
#[derive(Debug, Default)]
pub struct BakeFile {
    pub targets: Vec<BakeTargetFact>,
    pub groups: Vec<(String, Vec<String>)>,
}

/// Reads a bake file; `path` is the display path the tags' positions carry, `clean` whether its lines
/// may be printed (no secret finding in the file).
pub fn read(path: &str, text: &str, clean: bool) -> BakeFile {
    let toks = tokens(text);
    // Labels of the open `{`s (a block's `target "app"`, an object key's `"target"`), flattened, and how
    // many each `{` pushed (so every check looks at the path in constant time).
    let mut flat: Vec<String> = Vec::new();
    let mut frames: Vec<usize> = Vec::new();
    let mut pending: Vec<String> = Vec::new();
    let mut key: Option<String> = None;
    let mut targets: Vec<RawTarget> = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    // Variable defaults: `None` when not literal.
    let mut variables: HashMap<String, Option<String>> = HashMap::new();
    let mut i = 0;
    while i < toks.len() {
        let path_is = |flat: &[String], kind: &str| -> Option<String> {
            (flat.len() == 2 && flat[0] == kind).then(|| flat[1].clone())
        };
        match &toks[i] {
            Tok::Str(s, _) | Tok::Word(s) if key.is_none() => pending.push(s.clone()),
            Tok::Str(..) | Tok::Word(..) => {
                let k = key.take().unwrap_or_default();
                if let Some(v) = path_is(&flat, "variable")
                    && k == "default"
                {
                    let literal = match &toks[i] {
                        Tok::Str(s, _) if !s.contains("${") && !s.contains("%{") => Some(s.clone()),
                        Tok::Word(w) if w != "null" => Some(w.clone()),
                        _ => None,
                    };
                    // An expression (`default = foo(…)`) is not literal.
                    let literal = literal.filter(|_| !matches!(toks.get(i + 1), Some(Tok::Punct(b'(' | b'['))));
                    variables.insert(v, literal);
                } else if let Some(t) = path_is(&flat, "target")
                    && k == "tags"
                {
                    let e = target_entry(&mut targets, &mut by_name, &t);
                    e.tags_unknown = true;
                }
                pending.clear();
            }
            Tok::Punct(b'=' | b':') => {
                key = pending.pop();
                pending.clear();
            }
            Tok::Punct(b'{') => {
                let labels = match key.take() {
                    Some(k) => vec![k],
                    None => std::mem::take(&mut pending),
                };
                frames.push(labels.len());
                flat.extend(labels);
                pending.clear();
                if let Some(t) = path_is(&flat, "target") {
                    target_entry(&mut targets, &mut by_name, &t);
                }
            }
            Tok::Punct(b'}') => {
                let n = frames.pop().unwrap_or(0);
                flat.truncate(flat.len() - n);
                pending.clear();
                key = None;
            }
            Tok::Punct(b'[') => {
                // A list: its strings at the first level, and whether it held anything else.
                let mut depth = 0usize;
                let mut items = Vec::new();
                let mut only_strings = true;
                while i < toks.len() {
                    match &toks[i] {
                        Tok::Punct(b'[' | b'{' | b'(') => depth += 1,
                        Tok::Punct(b']' | b'}' | b')') => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        Tok::Punct(b',') => {}
                        Tok::Str(s, r) if depth == 1 => items.push((s.clone(), r.clone())),
                        _ => only_strings = false,
                    }
                    i += 1;
                }
                if let Some(k) = key.take() {
                    if let Some(t) = path_is(&flat, "target") {
                        let e = target_entry(&mut targets, &mut by_name, &t);
                        match k.as_str() {
                            "tags" if only_strings => {
                                e.tags = Some(items);
                                e.tags_unknown = false;
                            }
                            "tags" => e.tags_unknown = true,
                            "inherits" => e.inherits = items.into_iter().map(|(s, _)| s).collect(),
                            _ => {}
                        }
                    } else if let Some(g) = path_is(&flat, "group")
                        && k == "targets"
                    {
                        let names = items.into_iter().map(|(s, _)| s).collect();
                        match groups.iter_mut().find(|(n, _)| *n == g) {
                            Some(e) => e.1 = names,
                            None => groups.push((g, names)),
                        }
                    }
                }
                pending.clear();
            }
            Tok::Punct(b',') => {
                pending.clear();
                key = None;
            }
            Tok::Punct(_) => {}
        }
        i += 1;
    }
    let index = LineIndex::new(text.as_bytes());
    let lines: Vec<&str> = text.split('\n').collect();
    let targets = targets
        .into_iter()
        .map(|t| BakeTargetFact {
            tags: t.tags.map(|tags| {
                tags.into_iter()
                    .map(|(raw, range)| {
                        let (line, column) = index.position(text.as_bytes(), range.start);
                        let (end_line, end) = index.position(text.as_bytes(), range.end);
                        let line_text = lines.get(line as usize - 1).copied().unwrap_or("").trim();
                        BakeTagFact {
                            value: resolve(&raw, &variables),
                            at: Located {
                                path: path.to_string(),
                                line,
                                column,
                                end_column: if end_line == line { end } else { column },
                            },
                            snippet: super::masked_line(line_text, clean),
                        }
                    })
                    .collect()
            }),
            name: t.name,
            tags_unknown: t.tags_unknown,
            inherits: t.inherits,
        })
        .collect();
    BakeFile { targets, groups }
}

fn target_entry<'a>(
    targets: &'a mut Vec<RawTarget>,
    by_name: &mut HashMap<String, usize>,
    name: &str,
) -> &'a mut RawTarget {
    let i = *by_name.entry(name.to_string()).or_insert_with(|| {
        targets.push(RawTarget {
            name: name.to_string(),
            ..RawTarget::default()
        });
        targets.len() - 1
    });
    &mut targets[i]
}

/// `raw` with each `${NAME}` replaced by the variable's literal default, and every part that cannot be
/// known (no such variable, no literal default, an expression, a `%{…}` directive) by [`BAKE_UNKNOWN`].
/// `$${` is a literal `${`.
fn resolve(raw: &str, variables: &HashMap<String, Option<String>>) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(p) = rest.find(['$', '%']) {
        out.push_str(&rest[..p]);
        let after = &rest[p..];
        if after.starts_with("$${") || after.starts_with("%%{") {
            out.push_str(&after[1..3]);
            rest = &after[3..];
            continue;
        }
        if !(after.starts_with("${") || after.starts_with("%{")) {
            out.push_str(&after[..1]);
            rest = &after[1..];
            continue;
        }
        let Some(close) = after.find('}') else {
            out.push(BAKE_UNKNOWN);
            rest = "";
            break;
        };
        let inner = after[2..close].trim();
        let value = after
            .starts_with("${")
            .then(|| variables.get(inner))
            .flatten()
            .cloned()
            .flatten();
        match value {
            Some(v) => out.push_str(&v),
            None => out.push(BAKE_UNKNOWN),
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(f: &BakeFile, target: &str) -> Option<Vec<(String, u32, u32)>> {
        let t = f.targets.iter().find(|t| t.name == target)?;
        t.tags.as_ref().map(|tags| {
            tags.iter()
                .map(|t| (t.value.replace(BAKE_UNKNOWN, "?"), t.at.line, t.at.column))
                .collect()
        })
    }

    #[test]
    fn hcl_targets_groups_variables() {
        let h = "# build\nvariable \"TAG\" {\n  default = \"latest\"\n}\nvariable \"SHA\" {}\nvariable \"FROM_ENV\" { default = \"${GITHUB_SHA}\" }\ngroup \"default\" {\n  targets = [\"app\", \"api\"]\n}\ntarget \"app\" {\n  context = \".\"\n  args = { A = \"1\" }\n  tags = [\n    \"acme/app:${TAG}\", // moves\n    \"acme/app:${SHA}\",\n  ]\n}\ntarget \"api\" {\n  inherits = [\"app\"]\n  tags = [\"acme/api:${FROM_ENV}\", \"acme/api:$${TAG}\"]\n}\ntarget \"x\" { tags = concat([\"a\"], [\"b\"]) }\n";
        let f = read("docker-bake.hcl", h, true);
        assert_eq!(
            tags(&f, "app").unwrap(),
            vec![
                ("acme/app:latest".to_string(), 14, 6),
                ("acme/app:?".to_string(), 15, 6)
            ]
        );
        assert_eq!(
            tags(&f, "api").unwrap(),
            vec![
                ("acme/api:?".to_string(), 20, 12),
                ("acme/api:${TAG}".to_string(), 20, 36)
            ]
        );
        assert_eq!(f.targets[1].inherits, vec!["app"]);
        let x = f.targets.iter().find(|t| t.name == "x").unwrap();
        assert!(x.tags_unknown && x.tags.is_none());
        assert_eq!(
            f.groups,
            vec![("default".to_string(), vec!["app".to_string(), "api".to_string()])]
        );
    }

    #[test]
    fn json_targets() {
        let j = "{\n  \"variable\": {\"TAG\": {\"default\": \"latest\"}},\n  \"group\": {\"default\": {\"targets\": [\"web\"]}},\n  \"target\": {\n    \"web\": {\n      \"args\": {\"A\": \"1\"},\n      \"tags\": [\"ghcr.io/acme/web:${TAG}\"]\n    }\n  }\n}\n";
        let f = read("docker-bake.json", j, true);
        assert_eq!(
            tags(&f, "web").unwrap(),
            vec![("ghcr.io/acme/web:latest".to_string(), 7, 17)]
        );
        assert_eq!(f.groups[0].1, vec!["web"]);
    }

    #[test]
    fn no_input_hangs() {
        for t in [
            "\"",
            "target \"a\" { tags = [",
            "}}}]]]",
            "/*",
            "tags = [\"${\"]",
            "{{{{ \"${ \"a\" }\"",
        ] {
            read("docker-bake.hcl", t, true);
        }
        // Deep nesting and long lists stay linear (each token looks at the path in constant time).
        let deep = format!(
            "{}target \"a\" {{ tags = [\"x\"] }}{}",
            "x {".repeat(200_000),
            "}".repeat(200_000)
        );
        let start = std::time::Instant::now();
        read("docker-bake.hcl", &deep, true);
        let many: String = (0..50_000)
            .map(|i| format!("target \"t{i}\" {{ inherits = [\"t{}\"] }}\n", i + 1))
            .collect();
        let f = read("docker-bake.hcl", &many, true);
        assert_eq!(f.targets.len(), 50_000);
        assert!(
            start.elapsed() < std::time::Duration::from_secs(5),
            "{:?}",
            start.elapsed()
        );
    }
}
