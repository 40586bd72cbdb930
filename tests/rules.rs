//! Every built-in secret rule: loads, has a unique well-formed id, and its examples (and negative examples)
//! behave as declared when run through the real scanner. Also the coverage floor the product promises.

use plimsoll::secrets::check::check_rules;
use plimsoll::secrets::rule::{builtin_rules, check_unique_ids};
use std::collections::HashSet;

#[test]
fn every_builtin_rule_passes_its_own_examples() {
    let rules = builtin_rules().expect("built-in rules load");
    check_unique_ids(&rules).expect("ids unique");
    let problems = check_rules(rules);
    let listing: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert!(
        problems.is_empty(),
        "{} rule problem(s):\n{}",
        problems.len(),
        listing.join("\n")
    );
}

#[test]
fn rule_set_covers_enough_providers() {
    let rules = builtin_rules().unwrap();
    let providers: HashSet<&str> = rules.iter().map(|r| r.id().split('.').next().unwrap()).collect();
    assert!(rules.len() >= 699, "only {} rules", rules.len());
    assert!(providers.len() >= 471, "only {} providers", providers.len());
}
