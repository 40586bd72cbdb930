//! plimsoll as a CI stage, end to end through the binary: SARIF and the other CI reports written from one
//! scan, fingerprints that survive code moving, baselines, `plimsoll init`, and the configuration and
//! baseline errors a user can cause. A small rule file keeps the assertions independent of built-in rules.

mod common;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

const RULES: &str = include_str!("fixtures/acme-rules.toml");

const TOKEN_A: &str = "acme_Q8vR3kLmN0pQ2sT4uW6yA8cE"; // plimsoll:allow (made-up test token)
const TOKEN_B: &str = "acme_Z9vR3kLmN0pQ2sT4uW6yA8cE"; // plimsoll:allow (made-up test token)
const TOKEN_C: &str = "acme_M4kT7pLq2WvX9zR1sB6nD3fH"; // plimsoll:allow (made-up test token)

struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("rules.toml"), RULES).unwrap();
        let repo = Repo { dir };
        repo.write(
            "tree/src/config.py",
            &format!("import os\nCLIENT = \"{TOKEN_A}\"\nACMEPIN = \"Tr0ub4dor&3x\"\n"),
        );
        repo.write("tree/deploy/.env", &format!("A=1\nACME={TOKEN_B}\n"));
        repo
    }
    fn path(&self) -> &Path {
        self.dir.path()
    }
    fn file(&self, rel: &str) -> PathBuf {
        self.path().join(rel)
    }
    fn write(&self, rel: &str, content: &str) {
        let p = self.file(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, content).unwrap();
    }
    fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.file(rel)).unwrap()
    }
    fn json(&self, rel: &str) -> Value {
        serde_json::from_str(&self.read(rel)).unwrap()
    }
    fn plimsoll(&self) -> Command {
        let mut c = Command::cargo_bin("plimsoll").unwrap();
        c.current_dir(self.path())
            .env_remove("CI_COMMIT_SHA")
            .env_remove("GITHUB_SHA");
        c
    }
    /// `plimsoll <cmd> tree --rules rules.toml` (the config, if any, is read from `tree/`).
    fn run(&self, cmd: &[&str]) -> Command {
        let mut c = self.plimsoll();
        c.args(cmd).arg("tree").args(["--rules", "rules.toml"]);
        c
    }
}

/// (uri, partial fingerprint) -> start line, for every result of the test rules in a SARIF file.
fn sarif_results(doc: &Value) -> BTreeMap<(String, String), u64> {
    doc["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["ruleId"].as_str().unwrap().starts_with("acme."))
        .map(|r| {
            let loc = &r["locations"][0]["physicalLocation"];
            (
                (
                    loc["artifactLocation"]["uri"].as_str().unwrap().to_string(),
                    r["partialFingerprints"]["plimsoll/v1"].as_str().unwrap().to_string(),
                ),
                loc["region"]["startLine"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn one_scan_writes_every_ci_report_and_sarif_is_schema_valid() {
    let repo = Repo::new();
    repo.run(&["scan", "--format", "sarif", "-o", "out.sarif"])
        .args([
            "--report",
            "github=-",
            "--report",
            "gitlab-secrets=gl-secret-detection-report.json",
        ])
        .args([
            "--report",
            "gitlab-codequality=gl-code-quality-report.json",
            "--report",
            "junit=junit.xml",
        ])
        .env("CI_COMMIT_SHA", "4b825dc642cb6eb9a060e54bf8d69288fbee4904")
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "::error file=tree/src/config.py,line=2,endLine=2,col=11,",
        ))
        .stdout(predicate::str::contains(TOKEN_A).not());

    let sarif = repo.json("out.sarif");
    common::assert_valid_sarif(&sarif);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(repo.file("out.sarif")).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o644, "reports are readable like any created file");
    }
    let results = sarif_results(&sarif);
    assert_eq!(results.len(), 3);
    assert!(results.keys().any(|(uri, _)| uri == "tree/deploy/.env"), "{results:?}");
    let base = sarif["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .unwrap();
    assert!(base.starts_with("file:///") && base.ends_with('/'), "{base}");
    let text = repo.read("out.sarif");
    assert!(!text.contains(TOKEN_A) && !text.contains(TOKEN_B) && !text.contains("Tr0ub4dor&3x"));

    let gl = repo.json("gl-secret-detection-report.json");
    common::assert_valid("gitlab-secret-detection-15.x-subset.json", &gl);
    let acme = gl["vulnerabilities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["identifiers"][0]["value"].as_str().unwrap().starts_with("acme."))
        .count();
    assert_eq!(acme, 3);
    assert_eq!(
        gl["vulnerabilities"][0]["location"]["commit"]["sha"],
        "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
    );
    let cq = repo.json("gl-code-quality-report.json");
    common::assert_valid("gitlab-codequality.json", &cq);
    assert_eq!(
        cq,
        serde_json::json!([]),
        "secrets go to the secret-detection report only"
    );
    let junit = repo.read("junit.xml");
    common::assert_well_formed_xml(&junit);
    assert!(
        junit.contains(r#"<testsuite name="acme.token" tests="2" failures="2""#),
        "{junit}"
    );
    assert!(
        junit.contains(r#"<testsuite name="acme.pin" tests="1" failures="1""#),
        "{junit}"
    );
}

#[test]
fn sarif_category_is_set_from_the_flag() {
    let repo = Repo::new();
    repo.run(&[
        "scan",
        "-q",
        "--format",
        "sarif",
        "--sarif-category",
        "plimsoll/secrets",
    ])
    .assert()
    .code(1)
    .stdout(predicate::str::contains(r#""id": "plimsoll/secrets/""#));
}

#[test]
fn bad_report_requests_are_usage_errors() {
    let repo = Repo::new();
    repo.run(&["scan", "--report", "pdf=out.pdf"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown format \"pdf\""))
        .stderr(predicate::str::contains("gitlab-codequality"));
    repo.run(&["scan", "-o", "same.json", "--report", "sarif=same.json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("same.json is the target of two reports"));
    assert!(!repo.file("same.json").exists());
}

#[test]
fn fingerprints_survive_unrelated_lines_inserted_above() {
    let repo = Repo::new();
    repo.run(&["scan", "-q", "--format", "sarif", "-o", "before.sarif"])
        .assert()
        .code(1);
    let config = repo.read("tree/src/config.py");
    let env = repo.read("tree/deploy/.env");
    repo.write(
        "tree/src/config.py",
        &format!(
            "# a new header\nimport sys\n\n\n{}",
            config.replace("import os\n", "import os\nimport json\n")
        ),
    );
    repo.write("tree/deploy/.env", &format!("B=2\nC=3\n{env}"));
    repo.run(&["scan", "-q", "--format", "sarif", "-o", "after.sarif"])
        .assert()
        .code(1);

    let before = sarif_results(&repo.json("before.sarif"));
    let after = sarif_results(&repo.json("after.sarif"));
    assert_eq!(before.keys().collect::<Vec<_>>(), after.keys().collect::<Vec<_>>());
    for (key, line) in &before {
        let moved = if key.0.ends_with(".env") { 2 } else { 5 };
        assert_eq!(after[key], line + moved, "{key:?} moved");
    }
}

#[test]
fn a_baseline_hides_known_findings_and_reports_stale_entries() {
    let repo = Repo::new();
    repo.run(&["baseline", "create", "-o", "baseline.json"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("wrote 3 baseline entries to baseline.json"));
    let text = repo.read("baseline.json");
    assert!(!text.contains(TOKEN_A) && !text.contains("Tr0ub4dor"), "{text}");

    repo.run(&["scan", "--baseline", "baseline.json"])
        .assert()
        .code(0)
        .stdout("")
        .stderr(predicate::str::contains(
            "3 suppressed (3 baseline; --include-suppressed lists them)",
        ));

    // Fixing one secret and moving code around: the stale entry is reported, nothing fails.
    repo.write("tree/deploy/.env", "A=1\nACME=${ACME_TOKEN}\n");
    let config = repo.read("tree/src/config.py");
    repo.write("tree/src/config.py", &format!("\n\n{config}"));
    let out = repo
        .run(&["scan", "--baseline", "baseline.json", "--format", "json"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("1 baseline entry no longer matches anything"))
        .stderr(predicate::str::contains("tree/deploy/.env:2  acme.token"))
        .get_output()
        .stdout
        .clone();
    let doc: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(doc["findings"], serde_json::json!([]));
    assert_eq!(doc["baseline"]["suppressed"], 2);
    assert_eq!(doc["baseline"]["stale"][0]["path"], "tree/deploy/.env");

    repo.run(&[
        "scan",
        "-q",
        "--baseline",
        "baseline.json",
        "--format",
        "sarif",
        "-o",
        "b.sarif",
    ])
    .assert()
    .code(0);
    let sarif = repo.json("b.sarif");
    common::assert_valid_sarif(&sarif);
    let notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"].to_string();
    assert!(notes.contains("Baseline entry no longer matches anything: acme.token in tree/deploy/.env"));
}

#[test]
fn a_new_secret_on_a_baselined_line_is_still_reported() {
    let repo = Repo::new();
    repo.run(&["baseline", "create", "-q", "-o", "baseline.json"])
        .assert()
        .code(0);
    repo.write("tree/deploy/.env", &format!("A=1\nACME={TOKEN_B} BACKUP={TOKEN_C}\n"));
    let out = repo
        .run(&["scan", "-q", "--baseline", "baseline.json", "--format", "json"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let doc: Value = serde_json::from_slice(&out).unwrap();
    let findings = doc["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0]["line"], 2);
    assert_eq!(findings[0]["column"], 43);
}

#[test]
fn the_config_can_name_the_baseline() {
    let repo = Repo::new();
    repo.write("tree/.plimsoll.toml", "baseline = \"../accepted.json\"\n");
    repo.run(&["scan", "-q"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(".plimsoll.toml:1:12: baseline"))
        .stderr(predicate::str::contains("accepted.json does not exist"));
    repo.run(&["baseline", "create", "-q"]).assert().code(0);
    assert!(
        repo.file("tree/../accepted.json").exists(),
        "create writes where the config points"
    );
    repo.run(&["scan", "-q"]).assert().code(0);
    repo.run(&["scan", "-q", "--no-baseline"]).assert().code(1);
}

#[test]
fn broken_baselines_are_errors_naming_the_file() {
    let repo = Repo::new();
    repo.write("bad.json", "{\n  \"version\": 1,\n  \"entries\": {}\n}\n");
    repo.run(&["scan", "--baseline", "bad.json", "-o", "report.json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.json:3:"));
    assert!(!repo.file("report.json").exists(), "no report after an error");
    repo.run(&["scan", "--baseline", "missing.json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.json"));
}

#[test]
fn init_writes_a_working_starter_config_once() {
    let repo = Repo::new();
    repo.plimsoll()
        .args(["init", "tree"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains(".plimsoll.toml"));
    let written = repo.read("tree/.plimsoll.toml");
    assert!(written.contains("fail-on = \"note\"") && written.contains("[allow]"));
    repo.run(&["scan", "-q"]).assert().code(1);

    repo.write("tree/.plimsoll.toml", "fail-on = \"none\"\n");
    repo.plimsoll()
        .args(["init", "tree"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists"));
    assert_eq!(repo.read("tree/.plimsoll.toml"), "fail-on = \"none\"\n");
    repo.run(&["scan", "-q"]).assert().code(0);
}

#[test]
fn config_errors_name_file_and_line_and_write_no_report() {
    let repo = Repo::new();
    for (config, location, needle) in [
        (
            "exclude = [\n  \"vendor/**\",\n  \"src/[\",\n]\n",
            ":3:3:",
            "bad exclude glob",
        ),
        ("rule-files = [\"nope.toml\"]\n", ":1:15:", "does not exist"),
        ("[rules]\ndisable = [\"acme.nope\"]\n", ":2:12:", "unknown rule id"),
        ("fail-on = \"sometimes\"\n", ":1:11:", "sometimes"),
        ("[output]\nformat = \"sarif\"\n", ":1:2:", "unknown field"),
    ] {
        repo.write("tree/.plimsoll.toml", config);
        repo.run(&["scan", "--format", "sarif", "-o", "out.sarif"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(format!(".plimsoll.toml{location}")))
            .stderr(predicate::str::contains(needle));
        assert!(!repo.file("out.sarif").exists(), "{config}");
    }
}

#[test]
fn over_githubs_result_limit_the_most_severe_are_uploaded_and_the_exit_code_counts_all() {
    let repo = Repo::new();
    let mut big = String::with_capacity(25_001 * 40);
    for i in 0..25_001u32 {
        big.push_str(&format!("ACMEPIN = \"p{i}Zq8vKw{:x}\"\n", u64::from(i) * 7919));
    }
    repo.write("tree/big.txt", &big);
    // One file with 25,001 findings: lift the per-file limit to reach GitHub's.
    repo.run(&[
        "scan",
        "--format",
        "sarif",
        "-o",
        "big.sarif",
        "--fail-on",
        "error",
        "--max-findings-per-file",
        "0",
    ])
    .assert()
    .code(1)
    .stderr(predicate::str::contains(
        "kept the 25000 most severe of 25004 results to fit GitHub code scanning's limits",
    ));
    let sarif = repo.json("big.sarif");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 25_000);
    assert_eq!(
        results.iter().filter(|r| r["level"] == "error").count(),
        2,
        "both errors are kept"
    );
}

/// A made-up token of the test rule's format, different for each `suffix` (two characters).
fn variant(suffix: &str) -> String {
    format!("{}{suffix}", &TOKEN_C[..TOKEN_C.len() - 2])
}

#[test]
fn every_suppression_is_visible_with_its_source_and_never_changes_the_exit_code() {
    use sha2::Digest;
    let repo = Repo::new();
    // The baseline accepts what is there today (config.py and deploy/.env).
    repo.run(&["baseline", "create", "-o", "baseline.json"])
        .assert()
        .code(0);
    repo.write(
        "tree/test/fixture.env",
        &format!(
            "A={TOKEN_C} # plimsoll:allow -- revoked test key\nB={} // gitleaks:allow\n\
             # pragma: allowlist nextline secret\nC={}\n",
            variant("b1"),
            variant("c2")
        ),
    );
    repo.write(
        "tree/Dockerfile",
        "# hadolint ignore=DL3007 -- pinned by the release pipeline\nFROM alpine:latest\nUSER app\nHEALTHCHECK NONE\n",
    );
    let allowed = "acme_Y7hT7pLq2WvX9zR1sB6nD3fH";
    repo.write("tree/src/allowed.py", &format!("KEY = \"{allowed}\"\n"));
    let hash = hex::encode(sha2::Sha256::digest(allowed.as_bytes()));
    repo.write(
        "tree/.plimsoll.toml",
        &format!("# accepted values\n[allow]\nvalues = [\n  \"sha256:{hash}\",\n]\n"),
    );
    let scan = |extra: &[&str]| {
        let out = repo
            .run(&["scan", "--baseline", "baseline.json", "--format", "json"])
            .args(extra)
            .output()
            .unwrap();
        let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
        (
            out.status.code().unwrap(),
            doc,
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };

    let (code, doc, stderr) = scan(&["--include-suppressed"]);
    assert_eq!(code, 0, "only suppressed findings: {stderr}");
    assert_eq!(doc["findings"], serde_json::json!([]));
    let suppressed = doc["suppressed"].as_array().unwrap();
    let of = |path: &str| -> Vec<&Value> {
        suppressed
            .iter()
            .filter(|f| f["path"] == path)
            .map(|f| &f["suppressed"])
            .collect()
    };
    let fixture = of("tree/test/fixture.env");
    assert_eq!(fixture.len(), 3, "{suppressed:#?}");
    assert!(fixture.iter().all(|s| s["kind"] == "inline"));
    assert_eq!(fixture[0]["source"], "tree/test/fixture.env:1");
    assert_eq!(fixture[0]["justification"], "revoked test key");
    assert_eq!(fixture[1]["source"], "tree/test/fixture.env:2");
    assert!(fixture[1].get("justification").is_none());
    assert_eq!(
        fixture[2]["source"], "tree/test/fixture.env:3",
        "the next-line pragma's own line"
    );
    let docker = of("tree/Dockerfile");
    assert_eq!(docker.len(), 1, "{suppressed:#?}");
    assert_eq!(docker[0]["kind"], "inline");
    assert_eq!(docker[0]["source"], "tree/Dockerfile:1");
    assert_eq!(docker[0]["justification"], "pinned by the release pipeline");
    let config = of("tree/src/allowed.py");
    assert_eq!(config[0]["kind"], "config");
    assert_eq!(
        config[0]["source"],
        format!("tree/.plimsoll.toml:4: [allow] values \"sha256:{hash}\"")
    );
    let mut baselined = of("tree/src/config.py");
    baselined.extend(of("tree/deploy/.env"));
    assert_eq!(baselined.len(), 3, "{suppressed:#?}");
    assert!(
        baselined
            .iter()
            .all(|s| s["kind"] == "baseline" && s["source"] == "baseline.json")
    );
    assert_eq!(
        doc["stats"]["suppressed"],
        serde_json::json!({"inline": 4, "config": 1, "baseline": 3})
    );
    assert!(
        stderr.contains("; 8 suppressed (4 inline, 1 config, 3 baseline; --include-suppressed lists them)"),
        "{stderr}"
    );

    // Without the flag: the same exit code and counts, and no list.
    let (code, doc, stderr) = scan(&[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(doc.get("suppressed").is_none());
    assert_eq!(doc["stats"]["suppressed"]["inline"], 4);
    assert!(
        stderr.contains("8 suppressed (4 inline, 1 config, 3 baseline"),
        "{stderr}"
    );

    // A new secret fails the build with or without the flag; suppressed ones never do.
    repo.write("tree/new.env", &format!("N={}\n", variant("n3")));
    assert_eq!(scan(&[]).0, 1);
    let (code, doc, _) = scan(&["--include-suppressed"]);
    assert_eq!(code, 1);
    assert_eq!(doc["findings"].as_array().unwrap().len(), 1);

    // SARIF and text carry the same suppressions.
    let sarif: Value = serde_json::from_slice(
        &repo
            .run(&[
                "scan",
                "--baseline",
                "baseline.json",
                "--include-suppressed",
                "--format",
                "sarif",
            ])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    common::assert_valid_sarif(&sarif);
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let kinds: Vec<(&str, &str)> = results
        .iter()
        .filter_map(|r| r["suppressions"].get(0))
        .map(|s| (s["kind"].as_str().unwrap(), s["properties"]["kind"].as_str().unwrap()))
        .collect();
    assert_eq!(
        kinds.iter().filter(|k| **k == ("inSource", "inline")).count(),
        4,
        "{kinds:?}"
    );
    assert_eq!(kinds.iter().filter(|k| **k == ("external", "config")).count(), 1);
    assert_eq!(kinds.iter().filter(|k| **k == ("external", "baseline")).count(), 3);
    let text = repo
        .run(&["scan", "--baseline", "baseline.json", "--include-suppressed"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    let (reported, accepted) = text
        .split_once("Suppressed (8; not counted for the exit code):")
        .unwrap();
    assert!(reported.contains("tree/new.env:1:3"), "{text}");
    assert!(
        accepted.contains("inline tree/test/fixture.env:1 -- revoked test key"),
        "{text}"
    );
    assert!(accepted.contains("baseline baseline.json"), "{text}");
}
