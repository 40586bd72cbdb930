//! The rule catalog: one description of every rule, whatever analyzer owns it. `plimsoll rules`,
//! `plimsoll explain` and the SARIF `tool.driver.rules` array are all rendered from [`RuleInfo`].

use crate::finding::{Category, Severity};
use serde::Serialize;

/// Everything a user or an output format needs to know about a rule.
#[derive(Clone, Debug, Serialize)]
pub struct RuleInfo {
    pub id: String,
    pub name: String,
    pub category: Category,
    pub severity: Severity,
    /// SARIF precision: `very-high`, `high`, `medium` or `low`.
    pub precision: String,
    /// One sentence.
    pub summary: String,
    /// Markdown documentation (what it is, why it matters, how to fix).
    pub docs: String,
    pub references: Vec<String>,
    pub tags: Vec<String>,
    /// Equivalent rules in other tools, e.g. `hadolint:DL3002`.
    pub twins: Vec<String>,
    /// CWE ids, e.g. `CWE-798`.
    pub cwe: Vec<String>,
    /// SARIF `security-severity`, "0.1" to "10.0".
    pub security_severity: f32,
    /// Whether the rule runs unless enabled explicitly.
    pub enabled_by_default: bool,
}
