//! The registry of per-file analyzers: the one place that lists them. [`from_config`] builds the list the
//! pipeline (`crate::pipeline`) runs, each analyzer configured from `.plimsoll.toml`; the
//! rule-id lookups that `plimsoll explain` and the config check need go through here too, so a new
//! analyzer is added by one line in each function below.

use crate::analyzer::Analyzer;
use crate::ci::CiAnalyzer;
use crate::compose::{self, ComposeLinter};
use crate::config::Config;
use crate::dockerfile::{self, Linter};
use crate::env::EnvAnalyzer;
use crate::lint::LinterConfig;
use crate::project::ProjectRules;

/// Every analyzer, configured from `cfg`, in the order they run.
pub fn from_config(cfg: &Config) -> Vec<Box<dyn Analyzer>> {
    let rules = LinterConfig::from_config(cfg);
    vec![
        Box::new(Linter::new(&rules)),
        Box::new(ComposeLinter::new(&rules)),
        Box::new(EnvAnalyzer::new(&rules)),
        Box::new(CiAnalyzer::new(&rules)),
    ]
}

/// The project rules, configured from `cfg`.
pub fn project_rules(cfg: &Config) -> ProjectRules {
    ProjectRules::new(&LinterConfig::from_config(cfg))
}

/// Every analyzer with its default rules.
pub fn default_analyzers() -> Vec<Box<dyn Analyzer>> {
    let rules = LinterConfig::default();
    vec![
        Box::new(Linter::new(&rules)),
        Box::new(ComposeLinter::new(&rules)),
        Box::new(EnvAnalyzer::new(&rules)),
        Box::new(CiAnalyzer::new(&rules)),
    ]
}

/// Whether `id` names a rule of some analyzer (secret rules are checked by the caller).
pub fn knows_rule(id: &str) -> bool {
    dockerfile::rules::find(id).is_some()
        || compose::knows_rule(id)
        || EnvAnalyzer::knows_rule(id)
        || CiAnalyzer::knows_rule(id)
}
