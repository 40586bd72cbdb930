//! Ignore pragmas in compose-file comments, applied once after every rule ran (per file here, and by the
//! project rules for what they report about a service):
//!
//! - `# plimsoll ignore=DC003,DC011` on its own line silences those rules on the line below; at the end of
//!   a line (`network_mode: host # plimsoll ignore=DC008`) it silences them on that line. Rule names work
//!   too (`ignore=host-namespace`).
//! - `# plimsoll ignore-file=DC015` anywhere silences those rules in the whole file.
//! - Text after ` -- ` is the reason (`# plimsoll ignore=DC005 -- the CI runner needs it`), reported as the
//!   suppression's justification.
//!
//! A silenced finding is not dropped: [`Pragmas::silencing`] names the pragma (its line and reason), and
//! the finding is marked suppressed (kind `inline`), exactly as Dockerfile and secret pragmas do, so
//! `--include-suppressed` shows it and the summary counts it.

use crate::finding::Suppression;
use std::collections::HashMap;

/// One pragma comment: the rules it names, its 1-based line and its reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pragma {
    pub ids: Vec<String>,
    pub line: usize,
    pub reason: Option<String>,
}

impl Pragma {
    fn names(&self, id: &str, name: &str) -> bool {
        self.ids.iter().any(|s| s.eq_ignore_ascii_case(id) || s == name)
    }

    /// The suppression this pragma in `path` stands for.
    pub fn suppression(&self, path: &str) -> Suppression {
        Suppression::inline(path, self.line as u32, self.reason.clone())
    }
}

/// Every pragma of one compose file.
#[derive(Debug, Default)]
pub struct Pragmas {
    /// By the 1-based line they apply to.
    by_line: HashMap<usize, Vec<Pragma>>,
    whole_file: Vec<Pragma>,
}

impl Pragmas {
    pub fn parse(text: &str) -> Pragmas {
        let mut p = Pragmas::default();
        if memchr::memmem::find(text.as_bytes(), b"plimsoll ignore").is_none() {
            return p;
        }
        for (i, line) in text.lines().enumerate() {
            let Some(at) = line.find("# plimsoll ignore") else {
                continue;
            };
            let rest = &line[at + "# plimsoll ".len()..];
            let (file, list) = if let Some(l) = rest.strip_prefix("ignore-file=") {
                (true, l)
            } else if let Some(l) = rest.strip_prefix("ignore=") {
                (false, l)
            } else {
                continue;
            };
            let (list, reason) = match list.split_once(" -- ") {
                Some((list, reason)) => (list, Some(reason.trim()).filter(|r| !r.is_empty())),
                None => (list, None),
            };
            let ids: Vec<String> = list
                .split(|c: char| c == ',' || c.is_whitespace())
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            let pragma = Pragma {
                ids,
                line: i + 1,
                reason: reason.map(str::to_string),
            };
            if file {
                p.whole_file.push(pragma);
                continue;
            }
            let own_line = line[..at].trim().is_empty();
            // A comment line applies to the next line; a trailing comment to its own line.
            let target = if own_line { i + 2 } else { i + 1 };
            p.by_line.entry(target).or_default().push(pragma);
        }
        p
    }

    /// The pragma silencing rule (`id`, `name`) on 1-based `line`, if any: one for that line first, then a
    /// file-wide one.
    pub fn silencing(&self, line: usize, id: &str, name: &str) -> Option<&Pragma> {
        self.by_line
            .get(&line)
            .into_iter()
            .flatten()
            .chain(&self.whole_file)
            .find(|p| p.names(id, name))
    }

    /// Every pragma that applies to 1-based `line` (its own and the file-wide ones).
    pub fn applying_to(&self, line: usize) -> impl Iterator<Item = &Pragma> {
        self.by_line.get(&line).into_iter().flatten().chain(&self.whole_file)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pragmas_name_their_line_and_reason() {
        let p = Pragmas::parse(
            "# plimsoll ignore-file=DC016 -- limits are set by the orchestrator\nservices:\n  db:\n    # plimsoll ignore=DC005, DC008 -- CI runner\n    privileged: true\n    network_mode: host # plimsoll ignore=host-namespace\n",
        );
        let on5 = p.silencing(5, "DC005", "privileged").unwrap();
        assert_eq!((on5.line, on5.reason.as_deref()), (4, Some("CI runner")));
        assert_eq!(on5.ids, ["DC005", "DC008"], "the reason is not a rule id");
        let on6 = p.silencing(6, "DC008", "host-namespace").unwrap();
        assert_eq!((on6.line, on6.reason.as_deref()), (6, None));
        let file = p.silencing(3, "dc016", "resource-limits").unwrap();
        assert_eq!(
            (file.line, file.reason.as_deref()),
            (1, Some("limits are set by the orchestrator"))
        );
        assert!(p.silencing(5, "DC010", "x").is_none());
        assert!(
            p.silencing(6, "DC005", "privileged").is_none(),
            "only the line below the comment"
        );
        let s = on5.suppression("compose.yaml");
        assert_eq!(
            (s.source.as_str(), s.justification.as_deref()),
            ("compose.yaml:4", Some("CI runner"))
        );
    }
}
