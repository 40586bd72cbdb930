//! Helpers shared by the output-format tests: schema validation (offline, with the draft each schema
//! declares) and a well-formedness check for XML; `git` holds the helpers of the tests that build git
//! repositories.
#![allow(dead_code)]

pub mod git;

use serde_json::Value;
use std::path::Path;

/// The OASIS SARIF 2.1.0 schema has one `pattern` with a bare `]` (language tags: `…[a-zA-Z]{2}]?$`).
/// ECMA-262 reads it as a literal `]` (Annex B); the Rust validator rejects it. The file stays identical to
/// the published one and the pattern is escaped here, which keeps its ECMA-262 meaning.
const SARIF_BARE_BRACKET: (&str, &str) = (
    r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#,
    r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}\\]?$""#,
);

fn schema(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schemas").join(name);
    let mut text = std::fs::read_to_string(&path).unwrap();
    if name.starts_with("sarif-") {
        assert!(
            text.contains(SARIF_BARE_BRACKET.0),
            "the SARIF schema changed; revisit SARIF_BARE_BRACKET"
        );
        text = text.replace(SARIF_BARE_BRACKET.0, SARIF_BARE_BRACKET.1);
    }
    serde_json::from_str(&text).unwrap()
}

/// Validates `doc` against `tests/schemas/<name>` (draft-07, formats checked) and panics listing every
/// violation.
pub fn assert_valid(name: &str, doc: &Value) {
    let errors = errors(name, doc);
    assert!(errors.is_empty(), "not valid against {name}:\n{}", errors.join("\n"));
}

/// Every violation of `tests/schemas/<name>` in `doc`.
pub fn errors(name: &str, doc: &Value) -> Vec<String> {
    let schema = schema(name);
    assert_eq!(
        schema["$schema"], "http://json-schema.org/draft-07/schema#",
        "{name} changed draft"
    );
    let validator = jsonschema::draft7::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("{name} does not compile: {e}"));
    validator
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

pub fn assert_valid_sarif(doc: &Value) {
    assert_valid("sarif-schema-2.1.0.json", doc);
}

/// Checks that every element is closed in order and attributes are quoted: enough to catch escaping bugs
/// without an XML parser.
pub fn assert_well_formed_xml(xml: &str) {
    let mut stack: Vec<String> = Vec::new();
    let mut rest = xml.trim_start();
    assert!(rest.starts_with("<?xml "), "no XML declaration");
    rest = &rest[rest.find("?>").unwrap() + 2..];
    while let Some(open) = rest.find('<') {
        let text = &rest[..open];
        assert!(!text.contains('>'), "unescaped '>' in text: {text:?}");
        check_entities(text);
        let close = rest[open..].find('>').expect("unclosed tag") + open;
        let tag = &rest[open + 1..close];
        assert!(!tag.contains('<'), "'<' inside a tag: {tag:?}");
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop().as_deref(), Some(name.trim()), "mismatched </{name}>");
        } else {
            let self_closing = tag.ends_with('/');
            let body = tag.trim_end_matches('/');
            let name = body.split_whitespace().next().unwrap_or("");
            assert!(!name.is_empty(), "empty tag");
            let attrs = &body[name.len()..];
            assert_eq!(attrs.matches('"').count() % 2, 0, "unbalanced quotes in <{tag}>");
            check_entities(attrs);
            if !self_closing {
                stack.push(name.to_string());
            }
        }
        rest = &rest[close + 1..];
    }
    assert!(rest.trim().is_empty(), "text after the root element");
    assert!(stack.is_empty(), "unclosed elements: {stack:?}");
}

fn check_entities(s: &str) {
    for (i, _) in s.match_indices('&') {
        let entity = &s[i..s[i..].find(';').map_or(s.len(), |j| i + j + 1)];
        let known = ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#10;", "&#13;", "&#9;"];
        assert!(known.contains(&entity), "bad entity {entity:?}");
    }
}
