//! Every compose file of the real-world set (`tests/fixtures/compose-real`, 457 files from 22 public
//! repositories, see its SOURCES.md) parses, or gets a position-exact DC000 finding; every finding of
//! every rule (opt-in ones included) lies inside its file, and their SARIF validates against the SARIF
//! 2.1.0 schema. Prints the findings per rule.

mod common;

use plimsoll::compose::ComposeLinter;
use plimsoll::dockerfile::LinterConfig;
use std::collections::BTreeMap;
use std::path::Path;

/// Files of the set that are really not valid YAML (none so far; the set's own notes list none).
const INVALID: &[&str] = &[];

#[test]
fn every_real_compose_file_parses_and_findings_stay_inside_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compose-real");
    let manifest = std::fs::read_to_string(root.join("MANIFEST.tsv")).unwrap();
    let cfg = LinterConfig {
        enable: ["DC013", "DC014", "DC015", "DC016"].map(String::from).to_vec(),
        ..LinterConfig::default()
    };
    let linter = ComposeLinter::new(&cfg);
    let mut per_rule: BTreeMap<String, usize> = BTreeMap::new();
    let mut files = 0;
    let mut all = Vec::new();
    for row in manifest.lines().skip(1) {
        let cols: Vec<&str> = row.split('\t').collect();
        if cols.get(5) != Some(&"compose") {
            continue;
        }
        let rel = format!("{}/{}", cols[0], cols[1]);
        let data = std::fs::read(root.join(&rel)).unwrap();
        let (mut findings, mut facts) = (Vec::new(), Vec::new());
        linter.lint(&rel, &data, None, &[], &mut findings, &mut facts);
        files += 1;
        let text = String::from_utf8_lossy(&data);
        let lines: Vec<&str> = text.split('\n').collect();
        for f in &findings {
            if &*f.rule_id == "DC000" {
                assert!(
                    INVALID.contains(&rel.as_str()),
                    "{rel} does not parse: {}:{} {}",
                    f.span.line,
                    f.span.column,
                    f.message
                );
            }
            let line = lines
                .get(f.span.line as usize - 1)
                .unwrap_or_else(|| panic!("{rel}: {} at line {} past the end", f.rule_id, f.span.line));
            assert!(
                f.span.column >= 1 && f.span.column as usize <= line.chars().count() + 1,
                "{rel}: {} at {}:{} outside {line:?}",
                f.rule_id,
                f.span.line,
                f.span.column
            );
            *per_rule.entry(f.rule_id.to_string()).or_default() += 1;
        }
        all.extend(findings);
    }
    assert_eq!(files, 457, "the set changed; update this test and the notes");
    eprintln!("findings per rule over {files} files: {per_rule:?}");
    for invalid in INVALID {
        assert!(per_rule.contains_key("DC000"), "{invalid} is listed invalid but parses");
    }
    assert_sarif_valid(&all, &linter.rule_infos());
}

/// Every finding of the set rendered as SARIF: schema-valid, each `ruleId` among the driver's rules,
/// regions 1-based.
fn assert_sarif_valid(findings: &[plimsoll::finding::Finding], rules: &[plimsoll::catalog::RuleInfo]) {
    use plimsoll::output::{EmitOptions, Format, Report};
    let stats = plimsoll::outcome::Stats::default();
    let report = Report {
        findings,
        suppressed: &[],
        stats: &stats,
        errors: &[],
        rules,
        baseline: None,
        source: None,
    };
    let opts = EmitOptions {
        color: false,
        sarif_category: "plimsoll/".into(),
        srcroot: None,
        commit_sha: None,
        started: std::time::UNIX_EPOCH,
    };
    let mut out = Vec::new();
    Format::Sarif.build(&opts).emit(&report, &mut out).unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
    common::assert_valid_sarif(&doc);
    let run = &doc["runs"][0];
    let ids: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), findings.len());
    for r in results {
        let id = r["ruleId"].as_str().unwrap();
        assert!(ids.contains(&id), "{id} is not in tool.driver.rules");
        let region = &r["locations"][0]["physicalLocation"]["region"];
        assert!(region["startLine"].as_u64().is_some_and(|l| l >= 1), "{r}");
        assert!(region["startColumn"].as_u64().is_none_or(|c| c >= 1), "{r}");
    }
}
