//! The registry of per-file analyzers: the one place that lists them. [`from_config`] builds the list the
//! pipeline (`crate::pipeline`) runs, each analyzer configured from `.plimsoll.toml`; the
//! rule-id lookups that `plimsoll explain` and the config check need go through here too, so a new
//! analyzer is added by one line in each function below.

use crate::analyzer::Analyzer;
use crate::config::Config;
use crate::dockerfile::{self, Linter, LinterConfig};

/// Every analyzer, configured from `cfg`, in the order they run.
pub fn from_config(cfg: &Config) -> Vec<Box<dyn Analyzer>> {
    vec![Box::new(Linter::new(&LinterConfig::from_config(cfg)))]
}

/// Every analyzer with its default rules.
pub fn default_analyzers() -> Vec<Box<dyn Analyzer>> {
    vec![Box::new(Linter::new(&LinterConfig::default()))]
}

/// Whether `id` names a rule of some analyzer (secret rules are checked by the caller).
pub fn knows_rule(id: &str) -> bool {
    dockerfile::rules::find(id).is_some()
}
