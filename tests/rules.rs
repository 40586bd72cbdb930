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

/// Built-in rules load without parsing their regexes; loaded as a user's rule file would be, every one
/// passes the full checks, with the same capture groups.
#[test]
fn every_embedded_rule_file_passes_the_full_load_checks() {
    use plimsoll::secrets::rule::{EMBEDDED_RULE_FILES, load_rule_file};
    let embedded = builtin_rules().unwrap();
    let mut checked = Vec::new();
    for (path, text) in EMBEDDED_RULE_FILES {
        checked.extend(load_rule_file(path, text).unwrap_or_else(|e| panic!("{e}")));
    }
    assert_eq!(checked.len(), embedded.len());
    for (full, fast) in checked.iter().zip(&embedded) {
        assert_eq!(full.id(), fast.id());
        assert_eq!(full.groups, fast.groups, "{}", full.id());
        assert_eq!(
            (full.secret_group, full.name_group, &full.alternatives),
            (fast.secret_group, fast.name_group, &fast.alternatives),
            "{}",
            full.id()
        );
    }
}
