//! `plimsoll rules check`: validates rule files beyond what loading checks. Every example must produce a
//! finding of its rule (also when embedded between other CRLF-terminated lines) and no negative example
//! may, run through the real [`Scanner`] (all filters included); every keyword must be exercised by an example and every example must contain a keyword. Every regex
//! of a rule is compiled here (scans compile them on first use only).

use crate::secrets::rule::Rule;
use crate::secrets::scanner::{Allowlist, Scanner, Scratch};

/// One failed check, located at the rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub source: String,
    pub line: usize,
    pub rule_id: String,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}: rule {}: {}",
            self.source, self.line, self.rule_id, self.message
        )
    }
}

/// Checks every rule in `rules` (ids must already be unique). Returns all problems found.
pub fn check_rules(rules: Vec<Rule>) -> Vec<Problem> {
    let mut problems = Vec::new();
    for rule in rules {
        let (source, line, rule_id) = (rule.source.clone(), rule.line, rule.id().to_string());
        let problem = |message: String| Problem {
            source: source.clone(),
            line,
            rule_id: rule_id.clone(),
            message,
        };
        let s = &rule.syntax;
        let mut local = Vec::new();
        if s.examples.len() < 2 {
            local.push(problem(format!("needs at least 2 examples, has {}", s.examples.len())));
        }
        if s.negative_examples.len() < 2 {
            local.push(problem(format!(
                "needs at least 2 negative examples, has {}",
                s.negative_examples.len()
            )));
        }
        let lower_examples: Vec<String> = s.examples.iter().map(|e| e.to_ascii_lowercase()).collect();
        for k in &s.keywords {
            let k = k.to_ascii_lowercase();
            if !lower_examples.iter().any(|e| e.contains(&k)) {
                local.push(problem(format!(
                    "keyword {k:?} appears in no example (unreachable or untested)"
                )));
            }
        }
        for (i, e) in lower_examples.iter().enumerate() {
            if !s.keywords.iter().any(|k| e.contains(&k.to_ascii_lowercase())) {
                local.push(problem(format!("example {} contains none of the keywords", i + 1)));
            }
        }
        if let Err(e) = rule.compile_regexes() {
            local.push(problem(format!("a regex does not compile: {e}")));
        }
        let path = s.example_path.clone().unwrap_or_else(|| "example.txt".to_string());
        let examples = s.examples.clone();
        let negatives = s.negative_examples.clone();
        let scanner = match Scanner::new(vec![rule], Allowlist::default()) {
            Ok(sc) => sc,
            Err(e) => {
                local.push(problem(e.to_string()));
                problems.extend(local);
                continue;
            }
        };
        let mut scratch = Scratch::default();
        for (i, e) in examples.iter().enumerate() {
            // A suppressed candidate is not a finding: an example carrying a pragma proves nothing.
            let found = scanner.scan(&path, e.as_bytes(), &mut scratch);
            if found.iter().all(|c| c.suppressed.is_some()) {
                local.push(problem(format!(
                    "example {} produces no finding: {}",
                    i + 1,
                    preview(e)
                )));
            }
        }
        for (i, e) in negatives.iter().enumerate() {
            let found = scanner.scan(&path, e.as_bytes(), &mut scratch);
            if found.iter().any(|c| c.suppressed.is_none()) {
                local.push(problem(format!(
                    "negative example {} produces a finding: {}",
                    i + 1,
                    preview(e)
                )));
            }
        }
        problems.extend(local);
    }
    problems
}

fn preview(e: &str) -> String {
    let one_line = e.replace('\n', "\\n");
    if one_line.chars().count() > 80 {
        format!("{}…", one_line.chars().take(80).collect::<String>())
    } else {
        one_line
    }
}
