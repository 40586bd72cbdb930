//! Every inline pragma the product reads goes through one suppression path: the finding is kept, marked
//! `inline` with the pragma's file and line and the reason after ` -- `, counted in the summary and in
//! `stats.suppressed`, listed with `--include-suppressed` (JSON `suppressed`, SARIF `suppressions` of kind
//! `inSource` located at the pragma), and never changes the exit code. One case per pragma kind: secrets
//! (`plimsoll:allow`, `gitleaks:allow`, `pragma: allowlist secret`, `pragma: allowlist nextline secret`),
//! Dockerfiles (`# plimsoll ignore=`, `ignore-file=`, `# hadolint ignore=`, `# hadolint global ignore=`)
//! and compose files (`# plimsoll ignore=` above or at the end of a line, `ignore-file=`, and a service-level
//! pragma silencing the project rule DC001). Each case is also run without its pragma, where the finding
//! must be reported, so no case passes because the rule did not fire.

mod common;

use assert_cmd::Command;
use serde_json::Value;

const RULES: &str = include_str!("fixtures/acme-rules.toml");

/// A made-up token for the test rule.
const TOKEN: &str = "acme_Q8vR3kLmN0pQ2sT4uW6yA8cE"; // plimsoll:allow -- made up, for the test rule

struct Case {
    what: &'static str,
    file: &'static str,
    /// The file with its pragma.
    with: String,
    /// The same file without it: the finding must be reported.
    without: String,
    rule: &'static str,
    /// 1-based line of the finding (in `with`).
    line: u64,
    /// 1-based line of the pragma.
    pragma_line: u64,
    justification: Option<&'static str>,
}

fn cases() -> Vec<Case> {
    let dockerfile = |pragma: &str, after_from: &str| {
        (
            format!("{pragma}FROM alpine:latest\n{after_from}RUN apk add curl\nUSER app\n"),
            "FROM alpine:latest\nRUN apk add curl\nUSER app\n".to_string(),
        )
    };
    let compose = |head: &str, service: &str, privileged: &str, network: &str| {
        format!(
            "{head}services:\n{service}    image: nginx:1.27\n    restart: always\n{privileged}    network_mode: host{network}\n"
        )
    };
    let mut cases = Vec::new();
    let mut push = |what, file, (with, without): (String, String), rule, line, pragma_line, justification| {
        cases.push(Case {
            what,
            file,
            with,
            without,
            rule,
            line,
            pragma_line,
            justification,
        })
    };
    push(
        "plimsoll:allow",
        "app.env",
        (
            format!("A=1\nT={TOKEN} # plimsoll:allow -- revoked test key\n"),
            format!("A=1\nT={TOKEN}\n"),
        ),
        "acme.token",
        2,
        2,
        Some("revoked test key"),
    );
    push(
        "gitleaks:allow",
        "app.js",
        (
            format!("const t = \"{TOKEN}\"; // gitleaks:allow\n"),
            format!("const t = \"{TOKEN}\";\n"),
        ),
        "acme.token",
        1,
        1,
        None,
    );
    push(
        "pragma: allowlist secret",
        "app.py",
        (
            format!("T = \"{TOKEN}\"  # pragma: allowlist secret\n"),
            format!("T = \"{TOKEN}\"\n"),
        ),
        "acme.token",
        1,
        1,
        None,
    );
    push(
        "pragma: allowlist nextline secret",
        "app.py",
        (
            format!("# pragma: allowlist nextline secret\nT = \"{TOKEN}\"\n"),
            format!("#\nT = \"{TOKEN}\"\n"),
        ),
        "acme.token",
        2,
        1,
        None,
    );
    push(
        "plimsoll:allow in a compose environment",
        "compose.yaml",
        (
            format!(
                "services:\n  web:\n    image: nginx:1.27\n    environment:\n      ACME_TOKEN: {TOKEN} # plimsoll:allow -- test stack\n"
            ),
            format!("services:\n  web:\n    image: nginx:1.27\n    environment:\n      ACME_TOKEN: {TOKEN}\n"),
        ),
        "acme.token",
        5,
        5,
        Some("test stack"),
    );
    push(
        "# plimsoll ignore= (Dockerfile)",
        "Dockerfile",
        dockerfile("# plimsoll ignore=DF002 -- pinned by the release pipeline\n", ""),
        "DF002",
        2,
        1,
        Some("pinned by the release pipeline"),
    );
    push(
        "# plimsoll ignore-file= (Dockerfile)",
        "Dockerfile",
        dockerfile("", "# plimsoll ignore-file=DF013 -- the orchestrator checks health\n"),
        "DF013",
        1,
        2,
        Some("the orchestrator checks health"),
    );
    push(
        "# hadolint ignore=",
        "Dockerfile",
        dockerfile("# hadolint ignore=DL3007\n", ""),
        "DF002",
        2,
        1,
        None,
    );
    push(
        "# hadolint global ignore=",
        "Dockerfile",
        dockerfile("# hadolint global ignore=DL3019 -- index kept on purpose\n", ""),
        "DF026",
        3,
        1,
        Some("index kept on purpose"),
    );
    push(
        "# plimsoll ignore= above a compose key",
        "compose.yaml",
        (
            compose(
                "",
                "  web:\n",
                "    # plimsoll ignore=DC005 -- the CI runner needs it\n    privileged: true\n",
                "",
            ),
            compose("", "  web:\n", "    #\n    privileged: true\n", ""),
        ),
        "DC005",
        6,
        5,
        Some("the CI runner needs it"),
    );
    push(
        "# plimsoll ignore= at the end of a compose line",
        "compose.yaml",
        (
            compose(
                "",
                "  web:\n",
                "",
                " # plimsoll ignore=host-namespace -- a network probe",
            ),
            compose("", "  web:\n", "", ""),
        ),
        "DC008",
        5,
        5,
        Some("a network probe"),
    );
    push(
        "# plimsoll ignore-file= (compose)",
        "compose.yaml",
        (
            compose(
                "# plimsoll ignore-file=DC005\n",
                "  web:\n",
                "    privileged: true\n",
                "",
            ),
            compose("#\n", "  web:\n", "    privileged: true\n", ""),
        ),
        "DC005",
        6,
        1,
        None,
    );
    push(
        "# plimsoll ignore= on a compose service (project rule DC001)",
        "compose.yaml",
        (
            compose(
                "",
                "  web: # plimsoll ignore=DC001 -- the load balancer checks it\n",
                "",
                "",
            ),
            compose("", "  web:\n", "", ""),
        ),
        "DC001",
        2,
        2,
        Some("the load balancer checks it"),
    );
    cases
}

/// Scans a directory holding only `file` (with `content`) and the test rules: (exit code, JSON, stderr).
fn scan(file: &str, content: &str, format: &str) -> (i32, Value, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("tree")).unwrap();
    std::fs::write(dir.path().join("rules.toml"), RULES).unwrap();
    std::fs::write(dir.path().join("tree").join(file), content).unwrap();
    let out = Command::cargo_bin("plimsoll")
        .unwrap()
        .current_dir(dir.path().join("tree"))
        .args([
            "scan",
            "--no-config",
            "--rules",
            "../rules.toml",
            "--include-suppressed",
            "--format",
            format,
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let doc = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {stderr}"));
    (out.status.code().unwrap(), doc, stderr)
}

fn of_rule<'a>(list: &'a Value, rule: &str) -> Vec<&'a Value> {
    list.as_array()
        .map(|a| a.iter().filter(|f| f["rule_id"] == rule).collect())
        .unwrap_or_default()
}

#[test]
fn every_pragma_kind_is_a_visible_counted_inline_suppression() {
    for case in cases() {
        let what = case.what;
        // Without the pragma the rule fires (the case tests something).
        let (_, doc, stderr) = scan(case.file, &case.without, "json");
        assert_eq!(
            of_rule(&doc["findings"], case.rule).len(),
            1,
            "{what}: without the pragma {} must be reported: {doc:#} {stderr}",
            case.rule
        );

        let (code, doc, stderr) = scan(case.file, &case.with, "json");
        assert!(
            of_rule(&doc["findings"], case.rule).is_empty(),
            "{what}: not reported as a finding: {doc:#}"
        );
        let suppressed = of_rule(&doc["suppressed"], case.rule);
        assert_eq!(suppressed.len(), 1, "{what}: listed once as suppressed: {doc:#}");
        let f = suppressed[0];
        assert_eq!(f["line"], case.line, "{what}: {f:#}");
        let why = &f["suppressed"];
        assert_eq!(why["kind"], "inline", "{what}: {why}");
        assert_eq!(
            why["source"],
            format!("{}:{}", case.file, case.pragma_line),
            "{what}: {why}"
        );
        assert_eq!(why["justification"].as_str(), case.justification, "{what}: {why}");
        let inline = doc["stats"]["suppressed"]["inline"].as_u64().unwrap();
        assert!(inline >= 1, "{what}: counted in stats.suppressed: {doc:#}");
        assert!(
            stderr.contains(&format!(" suppressed ({inline} inline")),
            "{what}: the summary counts it: {stderr}"
        );
        let unsuppressed = doc["findings"].as_array().unwrap().len();
        assert_eq!(
            code,
            i32::from(unsuppressed > 0),
            "{what}: suppressed findings never fail: {doc:#}"
        );

        let (_, sarif, _) = scan(case.file, &case.with, "sarif");
        common::assert_valid_sarif(&sarif);
        let results: Vec<&Value> = sarif["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["ruleId"] == case.rule)
            .collect();
        assert_eq!(results.len(), 1, "{what}: {sarif:#}");
        let s = &results[0]["suppressions"][0];
        assert_eq!(s["kind"], "inSource", "{what}: {s}");
        assert_eq!(s["status"], "accepted", "{what}: {s}");
        assert_eq!(s["justification"].as_str(), case.justification, "{what}: {s}");
        let region = &s["location"]["physicalLocation"]["region"];
        assert_eq!(region["startLine"], case.pragma_line, "{what}: {s}");
        assert_eq!(
            s["location"]["physicalLocation"]["artifactLocation"]["uri"], case.file,
            "{what}: {s}"
        );
    }
}
