//! Ignore pragmas in Dockerfile comments, applied once after every rule ran:
//!
//! - `# plimsoll ignore=DF002,DF010` on the line(s) directly above an instruction (a contiguous block of
//!   comment lines) silences those rules for it; rule names work too (`ignore=last-user-root`).
//! - `# plimsoll ignore-file=DF013` anywhere silences those rules for the whole file.
//! - `# hadolint ignore=DL3006` and `# hadolint global ignore=DL3006` do the same for plimsoll rules whose
//!   twin is that hadolint rule, so files annotated for hadolint keep working.
//! - Text after ` -- ` is the reason (`# plimsoll ignore=DF002 -- pinned by the base image digest file`),
//!   reported as the suppression's justification.
//!
//! A silenced finding is not dropped: [`Pragmas::silencing`] says which pragma line silenced it, and the
//! linter marks the finding suppressed so `--include-suppressed` can show it.

#[derive(Debug, Default)]
pub struct Pragmas {
    /// (1-based line, ids) of every pragma comment that applies to the instruction below it.
    lines: Vec<(usize, Vec<String>)>,
    /// (1-based line, ids) of every file-wide pragma.
    file: Vec<(usize, Vec<String>)>,
    /// The reason given after ` -- `, by 1-based pragma line.
    reasons: Vec<(usize, String)>,
    /// Lines that are comments (1-based), to find the block above an instruction.
    comment_lines: Vec<bool>,
}

impl Pragmas {
    pub fn parse(text: &str) -> Pragmas {
        let mut p = Pragmas {
            comment_lines: vec![false],
            ..Default::default()
        };
        for (n, line) in text.lines().enumerate() {
            let t = line.trim_start();
            let is_comment = t.starts_with('#');
            p.comment_lines.push(is_comment);
            if !is_comment {
                continue;
            }
            let body = t.trim_start_matches('#').trim();
            let (tool, rest) = match body.split_once(char::is_whitespace) {
                Some((tool, rest)) => (tool, rest.trim()),
                None => continue,
            };
            if tool != "plimsoll" && tool != "hadolint" {
                continue;
            }
            let (global, rest) = match rest.strip_prefix("global") {
                Some(r) if tool == "hadolint" => (true, r.trim_start()),
                _ => (false, rest),
            };
            let (file, list) = if let Some(l) = rest.strip_prefix("ignore-file=") {
                (true, l)
            } else if let Some(l) = rest.strip_prefix("ignore=") {
                (global, l)
            } else {
                continue;
            };
            let (list, reason) = match list.split_once(" -- ") {
                Some((list, reason)) => (list, Some(reason.trim())),
                None => (list, None),
            };
            if let Some(reason) = reason.filter(|r| !r.is_empty()) {
                p.reasons.push((n + 1, reason.to_string()));
            }
            let ids: Vec<String> = list
                .split(|c: char| c == ',' || c.is_whitespace())
                .filter(|s| !s.is_empty())
                .map(|s| {
                    if tool == "hadolint" {
                        format!("hadolint:{s}")
                    } else {
                        s.to_string()
                    }
                })
                .collect();
            if file {
                p.file.push((n + 1, ids));
            } else {
                p.lines.push((n + 1, ids));
            }
        }
        p
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty() && self.file.is_empty()
    }

    /// Whether a finding of rule (`id`, `name`, `twins`) on the instruction starting at 1-based `line` is
    /// silenced.
    pub fn silences(&self, line: usize, id: &str, name: &str, twins: &[&str]) -> bool {
        self.silencing(line, id, name, twins).is_some()
    }

    /// The pragma that silences a finding of rule (`id`, `name`, `twins`) on the instruction starting at
    /// 1-based `line`: its 1-based line and the reason it gives, if any.
    pub fn silencing(&self, line: usize, id: &str, name: &str, twins: &[&str]) -> Option<(usize, Option<&str>)> {
        let named = |s: &String| s == id || s == name || twins.contains(&s.as_str());
        let found = |pl: usize| (pl, self.reasons.iter().find(|(l, _)| *l == pl).map(|(_, r)| r.as_str()));
        let mut l = line.saturating_sub(1);
        while l >= 1 && self.comment_lines.get(l).copied().unwrap_or(false) {
            if self.lines.iter().any(|(pl, ids)| *pl == l && ids.iter().any(named)) {
                return Some(found(l));
            }
            l -= 1;
        }
        self.file
            .iter()
            .find(|(_, ids)| ids.iter().any(named))
            .map(|(pl, _)| found(*pl))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_file_pragmas() {
        let p = Pragmas::parse(
            "# plimsoll ignore-file=DF013\n# hadolint ignore=DL3006\n# plimsoll ignore=DF010, last-user-root\nFROM x\n\nRUN y\n",
        );
        assert!(p.silences(4, "DF013", "missing-healthcheck", &[]));
        assert!(p.silences(4, "DF002", "base-image-unpinned", &["hadolint:DL3006"]));
        assert!(p.silences(4, "DF010", "n", &[]));
        assert!(p.silences(4, "DF001", "last-user-root", &[]));
        assert!(!p.silences(6, "DF010", "n", &[]), "a blank line ends the block above");
        assert!(!p.silences(4, "DF002", "base-image-unpinned", &["trivy:DS001"]));
    }

    #[test]
    fn the_silencing_pragma_and_its_reason_are_named() {
        let p = Pragmas::parse(
            "# plimsoll ignore-file=DF013 -- no health check in CI images
FROM x
# plimsoll ignore=DF002 -- pinned by digest file
FROM y
",
        );
        assert_eq!(
            p.silencing(4, "DF002", "n", &[]),
            Some((3, Some("pinned by digest file")))
        );
        assert_eq!(
            p.silencing(2, "DF013", "n", &[]),
            Some((1, Some("no health check in CI images")))
        );
        assert_eq!(p.silencing(2, "DF002", "n", &[]), None);
    }
}
