//! The finding model: what every analyzer (secrets, Dockerfile, git history) produces and every emitter
//! consumes. A [`Finding`] carries its rule, a 1-based position, a message, the (redactable) matched text,
//! and a content-based [`Fingerprint`] that never depends on line numbers, so baselines survive code moving.

use serde::{Deserialize, Serialize, Serializer};
use sha2::{Digest, Sha256};
use std::fmt;
use std::sync::Arc;

/// How bad a finding is. Ordered: `Note < Warning < Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Note,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How sure plimsoll is that a secret finding is a live credential, from the rule's precision and the
/// context (the name it is assigned to, the value's shape, where it is written). Ordered: `Low < Medium < High`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Low,
    Medium,
    High,
}

impl Confidence {
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        }
    }

    /// SARIF `result.rank` (0-100): how likely the result is a true positive.
    pub fn sarif_rank(self) -> f64 {
        match self {
            Confidence::Low => 30.0,
            Confidence::Medium => 60.0,
            Confidence::High => 90.0,
        }
    }
}

impl fmt::Display for Confidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Confidence {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "low" => Ok(Confidence::Low),
            "medium" => Ok(Confidence::Medium),
            "high" => Ok(Confidence::High),
            _ => Err(format!("unknown confidence {s:?} (expected low, medium or high)")),
        }
    }
}

/// Which analyzer a finding (and its rule) belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Secret,
    Dockerfile,
    Compose,
    /// `.env` files and their example files.
    Env,
    /// `docker build` commands in CI workflows, scripts, Makefiles and bake files.
    Build,
}

/// A 1-based region of a file. `end_column` is exclusive (SARIF convention); columns count Unicode
/// scalar values, not bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
}

/// The git commit that introduced a finding (history scans only).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Commit {
    pub id: String,
    pub author: String,
    pub email: String,
    /// RFC 3339.
    pub date: String,
}

/// Another place the same finding (same rule, same secret) was seen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    pub path: String,
    #[serde(flatten)]
    pub span: Span,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commit: Option<Commit>,
}

/// Stable identity of a finding: hash of (rule id, matched content, path). Hex, 32 chars.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Fingerprint(pub String);

impl Fingerprint {
    pub fn new(rule_id: &str, content: &[u8], path: &str) -> Self {
        let mut h = Sha256::new();
        h.update(rule_id.as_bytes());
        h.update([0]);
        h.update(content);
        h.update([0]);
        h.update(path.as_bytes());
        Fingerprint(hex::encode(&h.finalize()[..16]))
    }
}

impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Matched secret text. Serializes (and displays) redacted unless the user opted in with
/// `--show-secrets`, so no emitter can leak it by accident.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretText {
    raw: String,
    show: bool,
}

impl SecretText {
    pub fn new(raw: impl Into<String>) -> Self {
        SecretText {
            raw: raw.into(),
            show: false,
        }
    }
    pub fn revealed(mut self, show: bool) -> Self {
        self.show = show;
        self
    }
    /// The raw secret. Only for hashing and allow-lists, never for output.
    pub fn raw(&self) -> &str {
        &self.raw
    }
    /// Whether outputs print the secret in full (`--show-secrets`).
    pub fn is_revealed(&self) -> bool {
        self.show
    }
    /// What outputs print: the raw secret with `--show-secrets`, else a short prefix and `…`.
    pub fn display(&self) -> String {
        if self.show { self.raw.clone() } else { redact(&self.raw) }
    }
}

impl fmt::Debug for SecretText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.display())
    }
}

impl Serialize for SecretText {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.display())
    }
}

/// Keeps a short prefix (at most 8 chars, at most a third of the secret) and replaces the rest with `…`.
pub fn redact(secret: &str) -> String {
    let n = secret.chars().count();
    let keep = (n / 3).min(8);
    let mut out: String = secret.chars().take(keep).collect();
    out.push('…');
    out
}

/// One problem found in one place.
#[derive(Clone, Debug, Serialize)]
pub struct Finding {
    pub rule_id: Arc<str>,
    pub rule_name: Arc<str>,
    pub severity: Severity,
    pub category: Category,
    /// As given on the command line, or relative to the scan root, `/`-separated.
    pub path: String,
    #[serde(flatten)]
    pub span: Span,
    pub message: String,
    /// Matched secret (redacted unless `--show-secrets`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret: Option<SecretText>,
    /// Offending source text for non-secret findings (e.g. a Dockerfile instruction).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snippet: Option<String>,
    pub fingerprint: Fingerprint,
    /// Secret findings only: how likely this is a live credential.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commit: Option<Commit>,
    /// Further places the same secret was seen (git history dedup).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub other_locations: Vec<Location>,
    /// Secret findings in a file a Dockerfile's `COPY`/`ADD` ships into an image: those instructions, as
    /// `path/Dockerfile:line` (the project phase fills it in; see [`crate::project`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub baked_into: Vec<String>,
    /// Set when an inline pragma, the config's allow-list or the baseline accepts this finding. Suppressed
    /// findings are kept (and reported with `--include-suppressed`) but never count for the exit code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppressed: Option<Suppression>,
}

/// Who accepted a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SuppressionKind {
    /// A comment in the scanned file: `plimsoll:allow`, `gitleaks:allow`, `pragma: allowlist secret`,
    /// `# plimsoll ignore=`, `# hadolint ignore=`.
    Inline,
    /// `.plimsoll.toml`'s `[allow]` regexes or values.
    Config,
    /// An entry of the baseline file.
    Baseline,
}

impl SuppressionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SuppressionKind::Inline => "inline",
            SuppressionKind::Config => "config",
            SuppressionKind::Baseline => "baseline",
        }
    }
}

/// Why a finding is not reported: who accepted it, and where that decision is written down.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Suppression {
    pub kind: SuppressionKind,
    /// Where: `path:line` of the pragma, `config-file:line: [allow] …` of the config entry, or the
    /// baseline file.
    pub source: String,
    /// The reason the pragma gives after `--` (`# plimsoll:allow -- test fixture`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub justification: Option<String>,
    /// The file and 1-based line holding the pragma or config entry (SARIF puts it in the suppression's
    /// location); `None` for baselines.
    #[serde(skip)]
    pub at: Option<(String, u32)>,
}

impl Suppression {
    /// A pragma at 1-based `line` of `path`.
    pub fn inline(path: &str, line: u32, justification: Option<String>) -> Suppression {
        Suppression {
            kind: SuppressionKind::Inline,
            source: format!("{path}:{line}"),
            justification,
            at: Some((path.to_string(), line)),
        }
    }

    /// The same pragma, for the same content seen at another path (git history).
    pub fn moved_to(&self, path: &str) -> Suppression {
        match (&self.at, self.kind) {
            (Some((_, line)), SuppressionKind::Inline) => Suppression::inline(path, *line, self.justification.clone()),
            _ => self.clone(),
        }
    }
}

impl Finding {
    /// Sort key used by every output: path, position, rule.
    pub fn sort_key(&self) -> (&str, u32, u32, &str) {
        (&self.path, self.span.line, self.span.column, &self.rule_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redaction_keeps_a_short_prefix() {
        assert_eq!(redact("ghp_Zq8vAbCdEfGhIjKlMnOpQrStUvWxYz0123456789"), "ghp_Zq8v…");
        assert_eq!(redact("hunter2hunter"), "hunt…");
        assert_eq!(redact("ab"), "…");
    }

    #[test]
    fn fingerprint_ignores_position_but_not_path() {
        let a = Fingerprint::new("r", b"s", "a.txt");
        assert_eq!(a, Fingerprint::new("r", b"s", "a.txt"));
        assert_ne!(a, Fingerprint::new("r", b"s", "b.txt"));
        assert_eq!(a.0.len(), 32);
    }

    #[test]
    fn secret_text_serializes_redacted_unless_revealed() {
        let s = SecretText::new("sk_live_abcdefghijklmnopqrstuvwx");
        assert_eq!(serde_json::to_string(&s).unwrap(), "\"sk_live_…\"");
        let s = s.revealed(true);
        assert_eq!(
            serde_json::to_string(&s).unwrap(),
            "\"sk_live_abcdefghijklmnopqrstuvwx\""
        );
    }
}
