//! Baselines: a file of findings a team has accepted for now (`plimsoll baseline create`), so that CI fails
//! only on new ones (`plimsoll scan --baseline FILE`). Applied by the collector after deduplication and
//! before any output, so every format and the exit code see the same, filtered findings.
//!
//! Entries are keyed by [`Fingerprint`] (rule, matched content, path), never by line, so a baseline
//! survives code moving. Each entry suppresses one finding: a secret pasted a second time into the same file
//! is still reported, and so is a different secret on the same line as a baselined one (another
//! fingerprint). Entries that match nothing are reported back as stale, so the file can be pruned.
//!
//! ```json
//! {
//!   "version": 1,
//!   "entries": [
//!     { "fingerprint": "3f0c…", "rule_id": "github.pat-classic", "path": "src/config.py", "line": 12 }
//!   ]
//! }
//! ```
//! `rule_id`, `path` and `line` are for people reading the file and for the stale-entry report; matching
//! uses the fingerprint (and the line only to choose between several findings with one fingerprint).

use crate::error::{Error, Result};
use crate::finding::{Finding, Fingerprint, Suppression, SuppressionKind};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

/// Version of the baseline file layout; bumped on incompatible changes.
pub const BASELINE_VERSION: u32 = 1;

/// Conventional file name for `plimsoll baseline create` without `-o`.
pub const DEFAULT_FILE_NAME: &str = ".plimsoll-baseline.json";

/// One accepted finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub fingerprint: Fingerprint,
    pub rule_id: String,
    pub path: String,
    /// Where the finding was when the baseline was created (informational).
    pub line: u32,
    /// The commit that introduced it, for findings from git history.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commit: Option<String>,
}

/// A baseline file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub entries: Vec<Entry>,
}

/// What applying a baseline did.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Applied {
    /// Findings the baseline suppressed.
    pub suppressed: usize,
    /// Entries that matched no finding (fixed, or moved to another file, or their rule was disabled).
    pub stale: Vec<Entry>,
}

impl Baseline {
    /// A baseline accepting exactly `findings`.
    pub fn from_findings(findings: &[Finding]) -> Baseline {
        let mut entries: Vec<Entry> = findings
            .iter()
            .map(|f| Entry {
                fingerprint: f.fingerprint.clone(),
                rule_id: f.rule_id.to_string(),
                path: f.path.clone(),
                line: f.span.line,
                commit: f.commit.as_ref().map(|c| c.id.clone()),
            })
            .collect();
        entries.sort_by(|a, b| (&a.path, a.line, &a.rule_id).cmp(&(&b.path, b.line, &b.rule_id)));
        Baseline {
            version: BASELINE_VERSION,
            entries,
        }
    }

    /// Parses a baseline; errors name the file, line and column.
    pub fn parse(path: &Path, text: &str) -> Result<Baseline> {
        let at = |line: usize, column: usize, message: String| Error::Baseline {
            path: path.display().to_string(),
            line,
            column,
            message,
        };
        let baseline: Baseline = serde_json::from_str(text).map_err(|e| {
            at(
                e.line().max(1),
                e.column().max(1),
                format!("not a plimsoll baseline: {e}"),
            )
        })?;
        if baseline.version != BASELINE_VERSION {
            return Err(at(
                1,
                1,
                format!(
                    "baseline version {} is not supported (expected {BASELINE_VERSION}); recreate it with \
                     `plimsoll baseline create`",
                    baseline.version
                ),
            ));
        }
        Ok(baseline)
    }

    /// Reads and parses `path`.
    pub fn load(path: &Path) -> Result<Baseline> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Baseline::parse(path, &text)
    }

    /// Reads and parses `path` from `files` (the working tree, or the revision `--config-from` names);
    /// errors name it as `files` does (`origin/main:.plimsoll-baseline.json:3:5: ...`).
    pub fn load_in(files: &dyn crate::config_files::ConfigFiles, path: &Path) -> Result<Baseline> {
        let text = crate::config_files::read_text(files, path)?;
        Baseline::parse(Path::new(&files.name(path)), &text)
    }

    /// Writes the baseline to `path` atomically, as pretty JSON (it is meant to be committed and reviewed).
    pub fn write(&self, path: &Path) -> Result<()> {
        let io = |source| Error::Io {
            path: path.to_path_buf(),
            source,
        };
        let mut tmp = crate::fsutil::temp_file_beside(path).map_err(io)?;
        serde_json::to_writer_pretty(tmp.as_file_mut(), self).map_err(|e| io(e.into()))?;
        writeln!(tmp.as_file_mut()).map_err(io)?;
        tmp.persist(path).map_err(|e| io(e.error))?;
        Ok(())
    }

    /// Marks the `findings` the baseline accepts as suppressed (kind `baseline`, source `source`: the
    /// baseline file) and reports the entries left over. Findings already suppressed are left alone.
    ///
    /// Each entry suppresses at most one finding with its fingerprint. When a fingerprint has more findings
    /// than entries, entries go first to findings on the line they recorded, then to the nearest ones, so
    /// the copy that is reported is the one most likely to be new.
    pub fn apply(&self, findings: &mut [Finding], source: &str) -> Applied {
        let mut by_fingerprint: HashMap<&Fingerprint, Vec<usize>> = HashMap::new();
        for (i, e) in self.entries.iter().enumerate() {
            by_fingerprint.entry(&e.fingerprint).or_default().push(i);
        }
        let mut groups: HashMap<&Fingerprint, Vec<usize>> = HashMap::new();
        for (i, f) in findings.iter().enumerate() {
            if f.suppressed.is_none() && by_fingerprint.contains_key(&f.fingerprint) {
                groups.entry(&f.fingerprint).or_default().push(i);
            }
        }
        let mut used = vec![false; self.entries.len()];
        let mut suppressed = vec![false; findings.len()];
        for (fp, finding_ids) in &groups {
            let entry_ids = &by_fingerprint[fp];
            let mut pairs: Vec<(u32, usize, usize)> = Vec::with_capacity(entry_ids.len() * finding_ids.len());
            for &e in entry_ids {
                for &f in finding_ids {
                    pairs.push((self.entries[e].line.abs_diff(findings[f].span.line), e, f));
                }
            }
            pairs.sort_unstable();
            for (_, e, f) in pairs {
                if !used[e] && !suppressed[f] {
                    used[e] = true;
                    suppressed[f] = true;
                }
            }
        }
        let count = suppressed.iter().filter(|&&s| s).count();
        for (f, _) in findings.iter_mut().zip(&suppressed).filter(|(_, s)| **s) {
            f.suppressed = Some(Suppression {
                kind: SuppressionKind::Baseline,
                source: source.to_string(),
                justification: None,
                at: None,
            });
        }
        Applied {
            suppressed: count,
            stale: self
                .entries
                .iter()
                .zip(&used)
                .filter(|(_, used)| !**used)
                .map(|(e, _)| e.clone())
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Category, SecretText, Severity, Span};

    fn finding(rule: &str, secret: &str, path: &str, line: u32) -> Finding {
        Finding {
            rule_id: rule.into(),
            rule_name: rule.into(),
            severity: Severity::Error,
            category: Category::Secret,
            path: path.into(),
            span: Span {
                line,
                column: 1,
                end_line: line,
                end_column: 10,
            },
            message: "m".into(),
            secret: Some(SecretText::new(secret)),
            snippet: None,
            fingerprint: Fingerprint::new(rule, secret.as_bytes(), path),
            commit: None,
            confidence: None,
            other_locations: Vec::new(),
            baked_into: Vec::new(),
            suppressed: None,
        }
    }

    /// Applies `baseline` and drops what it suppressed, as the collector does.
    fn apply(baseline: &Baseline, findings: &mut Vec<Finding>) -> Applied {
        let applied = baseline.apply(findings, "b.json");
        assert!(
            findings
                .iter()
                .filter_map(|f| f.suppressed.as_ref())
                .all(|s| s.kind == SuppressionKind::Baseline && s.source == "b.json")
        );
        findings.retain(|f| f.suppressed.is_none());
        applied
    }

    #[test]
    fn suppresses_known_findings_even_after_they_move() {
        let old = vec![finding("r", "s1", "a", 3), finding("r", "s2", "b", 9)];
        let baseline = Baseline::from_findings(&old);
        let mut now = vec![finding("r", "s1", "a", 30), finding("r", "s2", "b", 1)];
        let applied = apply(&baseline, &mut now);
        assert!(now.is_empty());
        assert_eq!(applied.suppressed, 2);
        assert!(applied.stale.is_empty());
    }

    #[test]
    fn a_second_copy_of_a_baselined_secret_is_reported_and_the_nearest_one_suppressed() {
        let baseline = Baseline::from_findings(&[finding("r", "s1", "a", 10)]);
        let mut now = vec![finding("r", "s1", "a", 2), finding("r", "s1", "a", 11)];
        apply(&baseline, &mut now);
        assert_eq!(now.len(), 1);
        assert_eq!(now[0].span.line, 2);
    }

    #[test]
    fn a_new_secret_on_a_baselined_line_is_reported() {
        let baseline = Baseline::from_findings(&[finding("r", "old", "a", 5)]);
        let mut now = vec![finding("r", "old", "a", 5), finding("r", "new", "a", 5)];
        apply(&baseline, &mut now);
        assert_eq!(now.len(), 1);
        assert_eq!(now[0].secret.as_ref().unwrap().raw(), "new");
    }

    #[test]
    fn entries_matching_nothing_are_stale() {
        let baseline = Baseline::from_findings(&[finding("r", "gone", "a", 5), finding("r", "kept", "a", 6)]);
        let mut now = vec![finding("r", "kept", "a", 6)];
        let applied = apply(&baseline, &mut now);
        assert_eq!(applied.stale.len(), 1);
        assert_eq!(applied.stale[0].line, 5);
        assert_eq!(applied.stale[0].path, "a");
    }

    #[test]
    fn round_trips_and_never_contains_the_secret() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.json");
        let b = Baseline::from_findings(&[finding("r", "hunter2hunter2", "a", 5)]);
        b.write(&path).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(!text.contains("hunter2"), "{text}");
        assert_eq!(Baseline::load(&path).unwrap(), b);
    }

    #[test]
    fn bad_files_are_located() {
        let p = Path::new("base.json");
        let err = Baseline::parse(p, "{\n  \"version\": 1,\n  \"entries\": [1]\n}").unwrap_err();
        assert!(err.to_string().starts_with("base.json:3:"), "{err}");
        let err = Baseline::parse(p, "{\"version\": 7, \"entries\": []}").unwrap_err();
        assert!(err.to_string().contains("version 7"), "{err}");
        let err = Baseline::parse(p, "{\"version\": 1, \"entries\": [], \"extra\": 1}").unwrap_err();
        assert!(err.to_string().contains("extra"), "{err}");
    }
}
