//! `plimsoll scan` on a directory with a Dockerfile and a secret: both kinds of findings, in text and JSON,
//! with the configured rule settings; and `plimsoll rules` / `plimsoll explain` for Dockerfile rules.

use assert_cmd::Command;
use std::fs;

const RULES: &str = include_str!("fixtures/acme-rules.toml");

/// A token made up for the test (not a real credential).
fn token() -> String {
    let s: String = (0..24).map(|i| (b'a' + (i * 7 % 26) as u8) as char).collect();
    format!("acme_{s}")
}

fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("rules.toml"), RULES).unwrap();
    fs::create_dir(dir.path().join("svc")).unwrap();
    fs::write(
        dir.path().join("svc/Dockerfile"),
        format!(
            "FROM debian:latest\nENV ACME_TOKEN={}\nCOPY . /app\nUSER root\nARG NPM_TOKEN\n",
            token()
        ),
    )
    .unwrap();
    fs::write(dir.path().join("notes.txt"), "FROM debian:latest\nUSER root\n").unwrap();
    dir
}

fn plimsoll() -> Command {
    Command::cargo_bin("plimsoll").unwrap()
}

#[test]
fn scan_reports_secrets_and_dockerfile_problems_together() {
    let dir = project();
    let out = plimsoll()
        .current_dir(dir.path())
        .args(["scan", ".", "--rules", "rules.toml", "--color", "never", "-q"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("svc/Dockerfile:2:"), "{text}");
    assert!(text.contains("acme.token"), "{text}");
    assert!(text.contains("svc/Dockerfile:1:1  DF002  FROM debian:latest"), "{text}");
    assert!(text.contains("svc/Dockerfile:4:1  DF001  USER root"), "{text}");
    assert!(
        text.contains("DF017"),
        "no .dockerignore next to the Dockerfile: {text}"
    );
    assert!(!text.contains(&token()), "secret printed in full: {text}");
    assert!(
        !text.contains("notes.txt"),
        "a file not named like a Dockerfile was linted: {text}"
    );

    let out = plimsoll()
        .current_dir(dir.path())
        .args(["scan", ".", "--rules", "rules.toml", "--format", "json", "-q"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = doc["findings"].as_array().unwrap();
    let ids: Vec<&str> = findings.iter().map(|f| f["rule_id"].as_str().unwrap()).collect();
    assert!(
        ids.contains(&"acme.token") && ids.contains(&"DF002") && ids.contains(&"DF006"),
        "{ids:?}"
    );
    // One secret, one finding: the ENV whose value is a detected secret is reported as the secret; the
    // secret-named ARG without a detected value is DF006.
    let df006: Vec<u64> = findings
        .iter()
        .filter(|f| f["rule_id"] == "DF006")
        .map(|f| f["line"].as_u64().unwrap())
        .collect();
    assert_eq!(df006, vec![5], "{ids:?}");
    let df = findings.iter().find(|f| f["rule_id"] == "DF001").unwrap();
    assert_eq!(df["rule_name"], "last-user-root");
    assert_eq!(df["category"], "dockerfile");
    assert_eq!(df["severity"], "error");
    assert_eq!(df["snippet"], "USER root");
    assert_eq!((df["line"].as_u64(), df["column"].as_u64()), (Some(4), Some(1)));
    assert_eq!(df["fingerprint"].as_str().unwrap().len(), 32);
    for f in findings {
        let shown = serde_json::to_string(f).unwrap();
        assert!(!shown.contains(&token()), "secret leaked in {shown}");
    }
}

#[test]
fn config_disables_relevels_and_enables_dockerfile_rules() {
    let dir = project();
    fs::write(
        dir.path().join(".plimsoll.toml"),
        "[rules]\ndisable = [\"DF002\"]\nenable = [\"DF004\"]\nseverity = { \"DF001\" = \"note\" }\n",
    )
    .unwrap();
    let out = plimsoll()
        .current_dir(dir.path())
        .args(["scan", ".", "--rules", "rules.toml", "--format", "json", "-q"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = doc["findings"].as_array().unwrap();
    assert!(!findings.iter().any(|f| f["rule_id"] == "DF002"));
    assert!(findings.iter().any(|f| f["rule_id"] == "DF004"));
    assert_eq!(
        findings.iter().find(|f| f["rule_id"] == "DF001").unwrap()["severity"],
        "note"
    );
}

#[test]
fn unknown_rule_id_in_config_is_an_error_but_df_ids_are_known() {
    let dir = project();
    fs::write(dir.path().join(".plimsoll.toml"), "[rules]\ndisable = [\"DF999\"]\n").unwrap();
    let out = plimsoll()
        .current_dir(dir.path())
        .args(["scan", ".", "-q"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains(".plimsoll.toml:2:") && err.contains("DF999"), "{err}");
}

#[test]
fn explicit_files_and_stdin_are_linted_whatever_their_name() {
    let dir = project();
    let out = plimsoll()
        .current_dir(dir.path())
        .args(["scan", "notes.txt", "--color", "never", "-q"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("notes.txt:2:1  DF001"), "{text}");
    let out = plimsoll()
        .args(["scan", "-", "--color", "never", "-q", "--no-config"])
        .write_stdin("FROM alpine\nCOPY . /app\n")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("<stdin>:1:1  DF002"), "{text}");
    assert!(!text.contains("DF017"), "stdin has no build context: {text}");
}

#[test]
fn rules_and_explain_show_dockerfile_rules() {
    let out = plimsoll()
        .args(["rules", "--format", "json", "--no-config"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rules = doc["rules"].as_array().unwrap();
    let df001 = rules.iter().find(|r| r["id"] == "DF001").expect("DF001 listed");
    assert_eq!(df001["name"], "last-user-root");
    assert_eq!(df001["severity"], "error");
    assert!(df001["summary"].as_str().unwrap().contains("root"));
    assert!(df001["docs"].as_str().unwrap().contains("## Why is this bad?"));
    assert!(
        df001["twins"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t == "hadolint:DL3002")
    );
    let df004 = rules.iter().find(|r| r["id"] == "DF004").unwrap();
    assert_eq!(df004["enabled"], false);
    assert!(rules.iter().filter(|r| r["category"] == "dockerfile").count() > 40);

    let out = plimsoll().args(["rules", "--no-config"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.lines().any(|l| l.starts_with("DF004") && l.ends_with("(off)")),
        "{text}"
    );

    let out = plimsoll().args(["explain", "DF001", "--no-config"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for s in [
        "DF001 — last-user-root",
        "## What it does",
        "## Example",
        "## Use instead",
        "hadolint:DL3002",
    ] {
        assert!(text.contains(s), "{s} missing from:\n{text}");
    }
}

#[test]
fn a_utf16_dockerfile_is_decoded_and_linted() {
    let dir = tempfile::tempdir().unwrap();
    let text = "\u{feff}FROM debian:latest\r\nCOPY . /app\r\nUSER root\r\n";
    let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    fs::write(dir.path().join("Dockerfile"), bytes).unwrap();
    let out = plimsoll()
        .current_dir(dir.path())
        .args(["scan", ".", "--no-config", "--color", "never", "-q"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Dockerfile:1:1  DF002  FROM debian:latest"), "{text}");
    assert!(text.contains("Dockerfile:3:1  DF001  USER root"), "{text}");
}
