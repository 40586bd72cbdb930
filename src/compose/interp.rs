//! Compose variable interpolation, recognised and never resolved from the environment: `$VAR`, `${VAR}`,
//! `${VAR:-default}`, `${VAR-default}`, `${VAR:?error}`, `${VAR?error}`, `${VAR:+alt}`, `${VAR+alt}`, and `$$`
//! (a literal `$`). Rules ask whether a value is a literal, which variables it reads (and whether they have
//! a default), and what it becomes when every variable takes its default (`${TAG:-latest}` -> `latest`).
//!
//! ```
//! use plimsoll::compose::interp::Template;
//! let t = Template::parse("postgres:${PG_TAG:-latest}");
//! assert!(!t.is_literal());
//! assert_eq!(t.with_defaults().as_deref(), Some("postgres:latest"));
//! assert_eq!(t.vars()[0].name, "PG_TAG");
//! ```

/// How a `${…}` reference behaves when its variable is unset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Modifier {
    /// `$VAR`, `${VAR}`: empty when unset.
    None,
    /// `${VAR:-x}` / `${VAR-x}`: `x` when unset (or empty, with `:`).
    Default,
    /// `${VAR:?msg}` / `${VAR?msg}`: compose refuses to run when unset.
    Required,
    /// `${VAR:+x}` / `${VAR+x}`: `x` when set, else empty.
    Alternative,
}

/// One variable reference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VarRef {
    pub name: String,
    pub modifier: Modifier,
    /// The default, error message or alternative text, as written.
    pub argument: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Part {
    Text(String),
    Var(VarRef),
}

/// A string with its interpolations recognised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Template {
    parts: Vec<Part>,
}

impl Template {
    /// Splits `s` into text and variable references. Malformed references (`${`, `${1}`) stay text.
    pub fn parse(s: &str) -> Template {
        let mut parts = Vec::new();
        let mut text = String::new();
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if b[i] != b'$' {
                let next = s[i..].find('$').map_or(s.len(), |p| i + p);
                text.push_str(&s[i..next]);
                i = next;
                continue;
            }
            match b.get(i + 1) {
                Some(b'$') => {
                    text.push('$');
                    i += 2;
                }
                Some(b'{') => match parse_braced(&s[i + 2..]) {
                    Some((var, used)) => {
                        if !text.is_empty() {
                            parts.push(Part::Text(std::mem::take(&mut text)));
                        }
                        parts.push(Part::Var(var));
                        i += 2 + used;
                    }
                    None => {
                        text.push('$');
                        i += 1;
                    }
                },
                Some(&c) if c == b'_' || c.is_ascii_alphabetic() => {
                    let len = name_len(&s[i + 1..]);
                    if !text.is_empty() {
                        parts.push(Part::Text(std::mem::take(&mut text)));
                    }
                    parts.push(Part::Var(VarRef {
                        name: s[i + 1..i + 1 + len].to_string(),
                        modifier: Modifier::None,
                        argument: String::new(),
                    }));
                    i += 1 + len;
                }
                _ => {
                    text.push('$');
                    i += 1;
                }
            }
        }
        if !text.is_empty() {
            parts.push(Part::Text(text));
        }
        Template { parts }
    }

    /// No variable references (`$$` escapes are literal).
    pub fn is_literal(&self) -> bool {
        self.parts.iter().all(|p| matches!(p, Part::Text(_)))
    }

    /// The variables referenced, in order.
    pub fn vars(&self) -> Vec<&VarRef> {
        self.parts
            .iter()
            .filter_map(|p| match p {
                Part::Var(v) => Some(v),
                Part::Text(_) => None,
            })
            .collect()
    }

    /// The value when every variable is unset and takes its default; `None` if some variable has no
    /// default (its value is only known at run time) or is required.
    pub fn with_defaults(&self) -> Option<String> {
        let mut out = String::new();
        for p in &self.parts {
            match p {
                Part::Text(t) => out.push_str(t),
                Part::Var(v) => match v.modifier {
                    Modifier::Default => out.push_str(&Template::parse(&v.argument).with_defaults()?),
                    Modifier::Alternative => {}
                    Modifier::None | Modifier::Required => return None,
                },
            }
        }
        Some(out)
    }

    /// The literal text, if there are no variables.
    pub fn literal(&self) -> Option<String> {
        self.is_literal().then(|| {
            self.parts
                .iter()
                .map(|p| match p {
                    Part::Text(t) => t.as_str(),
                    Part::Var(_) => "",
                })
                .collect()
        })
    }
}

fn name_len(s: &str) -> usize {
    s.bytes()
        .take_while(|&c| c == b'_' || c.is_ascii_alphanumeric())
        .count()
}

/// Parses what follows `${`: the reference and the bytes used up to and including its `}`. Nested
/// `${…}` in the argument (`${A:-${B}}`) are kept as written.
fn parse_braced(s: &str) -> Option<(VarRef, usize)> {
    let first = *s.as_bytes().first()?;
    if !(first == b'_' || first.is_ascii_alphabetic()) {
        return None;
    }
    let n = name_len(s);
    let name = s[..n].to_string();
    let rest = &s[n..];
    let (modifier, skip) = if rest.starts_with(":-") {
        (Modifier::Default, 2)
    } else if rest.starts_with('-') {
        (Modifier::Default, 1)
    } else if rest.starts_with(":?") {
        (Modifier::Required, 2)
    } else if rest.starts_with('?') {
        (Modifier::Required, 1)
    } else if rest.starts_with(":+") {
        (Modifier::Alternative, 2)
    } else if rest.starts_with('+') {
        (Modifier::Alternative, 1)
    } else if rest.starts_with('}') {
        (Modifier::None, 0)
    } else {
        return None;
    };
    let arg = &rest[skip..];
    let mut depth = 0usize;
    for (i, c) in arg.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                return Some((
                    VarRef {
                        name,
                        modifier,
                        argument: arg[..i].to_string(),
                    },
                    n + skip + i + 1,
                ));
            }
            '}' => depth -= 1,
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        let t = Template::parse("${A}-$B-${C:-x}-${D-y}-${E:?no}-${F?no}-${G:+z}-$$H");
        let vars = t.vars();
        let names: Vec<&str> = vars.iter().map(|v| v.name.as_str()).collect();
        assert_eq!(names, ["A", "B", "C", "D", "E", "F", "G"]);
        assert_eq!(vars[2].modifier, Modifier::Default);
        assert_eq!(vars[2].argument, "x");
        assert_eq!(vars[4].modifier, Modifier::Required);
        assert_eq!(vars[6].modifier, Modifier::Alternative);
        assert_eq!(t.with_defaults(), None);
    }

    #[test]
    fn literals_and_escapes() {
        assert!(Template::parse("plain").is_literal());
        assert!(Template::parse("a$$b").is_literal());
        assert_eq!(Template::parse("a$$b").literal().as_deref(), Some("a$b"));
        assert!(Template::parse("cost $5").is_literal());
        assert!(!Template::parse("$HOME").is_literal());
    }

    #[test]
    fn defaults_nest() {
        let t = Template::parse("${A:-${B:-v1}}");
        assert_eq!(t.with_defaults().as_deref(), Some("v1"));
        assert_eq!(
            Template::parse("${HOST_PORT:-8080}:80").with_defaults().as_deref(),
            Some("8080:80")
        );
        assert_eq!(Template::parse("${TAG}").with_defaults(), None);
    }

    #[test]
    fn malformed_stays_text() {
        assert!(Template::parse("${").is_literal());
        assert!(Template::parse("${1}").is_literal());
        assert!(Template::parse("${A").is_literal());
    }
}
