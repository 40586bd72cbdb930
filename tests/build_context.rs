//! What a build context really ships, across files: a secret in a file that a Dockerfile's `COPY` puts
//! into the image names that Dockerfile (message, JSON `baked_into`, SARIF `bakedInto`), unless the
//! `.dockerignore` leaves the file out; and a Dockerfile that a compose service builds with another
//! `build.context` is audited (DF017/DF018) against that context, not its own directory.

mod common;

use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use std::path::Path;

const RULES: &str = include_str!("fixtures/acme-rules.toml");

/// A token made up for the test, in the shape of the test rules' `acme.token` (not a real credential).
fn token() -> String {
    let s: String = (0..24).map(|i| (b'a' + (i * 11 % 26) as u8) as char).collect();
    format!("acme_{s}")
}

fn write(root: &Path, files: &[(&str, &str)]) {
    for (p, c) in files {
        let p = root.join(p);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, c).unwrap();
    }
}

fn scan(dir: &Path, format: &str) -> Value {
    // Outside the scanned tree: the rule file's own examples are secrets a COPY would ship.
    let rules = tempfile::NamedTempFile::new().unwrap();
    fs::write(rules.path(), RULES).unwrap();
    let out = Command::cargo_bin("plimsoll")
        .unwrap()
        .current_dir(dir)
        .args(["scan", ".", "--no-config", "-q", "--format", format, "--rules"])
        .arg(rules.path())
        .output()
        .unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)), "{out:?}");
    serde_json::from_slice(&out.stdout).unwrap()
}

fn findings(dir: &Path) -> Vec<Value> {
    scan(dir, "json")["findings"].as_array().unwrap().clone()
}

/// The `baked_into` of the acme token finding in `path`.
fn baked_into(findings: &[Value], path: &str) -> Vec<String> {
    let f = findings
        .iter()
        .find(|f| f["rule_id"] == "acme.token" && f["path"] == path)
        .unwrap_or_else(|| panic!("no secret finding in {path}: {findings:#?}"));
    f["baked_into"]
        .as_array()
        .map(|a| a.iter().map(|v| v.as_str().unwrap().to_string()).collect())
        .unwrap_or_default()
}

fn messages(findings: &[Value], rule: &str, path: &str) -> Vec<String> {
    findings
        .iter()
        .filter(|f| f["rule_id"] == rule && f["path"] == path)
        .map(|f| f["message"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_secret_in_a_shipped_file_names_the_dockerfile_that_bakes_it_in() {
    let dir = tempfile::tempdir().unwrap();
    let env = format!("API_TOKEN={}\n", token());
    write(
        dir.path(),
        &[
            (
                "Dockerfile",
                "FROM python:3.12-slim\nWORKDIR /app\nCOPY . /app\nUSER nobody\n",
            ),
            (".dockerignore", ".git\nnode_modules\n"),
            ("config/.env", &env),
            ("src/app.py", "print(1)\n"),
        ],
    );
    let found = findings(dir.path());
    assert_eq!(baked_into(&found, "config/.env"), ["Dockerfile:3"]);
    let secret = found.iter().find(|f| f["rule_id"] == "acme.token").unwrap();
    assert!(
        secret["message"]
            .as_str()
            .unwrap()
            .contains("COPY/ADD in Dockerfile:3 bakes this file into the image"),
        "{secret:#}"
    );
    assert!(
        !serde_json::to_string(&found).unwrap().contains(&token()),
        "secret printed"
    );

    let sarif = scan(dir.path(), "sarif");
    common::assert_valid_sarif(&sarif);
    let result = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "acme.token")
        .unwrap()
        .clone();
    assert_eq!(
        result["properties"]["bakedInto"],
        serde_json::json!(["Dockerfile:3"]),
        "{result:#}"
    );

    // The same file left out by the .dockerignore ships nowhere.
    fs::write(dir.path().join(".dockerignore"), ".git\nnode_modules\n**/.env\n").unwrap();
    let found = findings(dir.path());
    assert!(baked_into(&found, "config/.env").is_empty(), "{found:#?}");
    let secret = found.iter().find(|f| f["rule_id"] == "acme.token").unwrap();
    assert!(!secret["message"].as_str().unwrap().contains("bakes"), "{secret:#}");
}

#[test]
fn only_copies_that_select_the_file_in_a_shipped_stage_bake_it_in() {
    let dir = tempfile::tempdir().unwrap();
    let env = format!("API_TOKEN={}\n", token());
    write(
        dir.path(),
        &[
            // The builder stage copies everything, but only its build output reaches the image.
            (
                "Dockerfile",
                "FROM node:22 AS build\nCOPY . /src\nRUN npm run build\nFROM node:22-slim\nCOPY --from=build /src/dist /app\nCOPY config/ /app/config/\nUSER node\n",
            ),
            (".dockerignore", ".git\n"),
            ("config/.env", &env),
            ("secrets/.env", &env),
            // A second Dockerfile whose context holds the file too.
            (
                "config/Dockerfile",
                "FROM alpine:3.20\nCOPY .env* /etc/app/\nUSER nobody\n",
            ),
        ],
    );
    let found = findings(dir.path());
    assert_eq!(
        baked_into(&found, "config/.env"),
        ["Dockerfile:6", "config/Dockerfile:2"]
    );
    assert!(baked_into(&found, "secrets/.env").is_empty(), "{found:#?}");
    let secret = found
        .iter()
        .find(|f| f["rule_id"] == "acme.token" && f["path"] == "config/.env")
        .unwrap();
    assert!(
        secret["message"]
            .as_str()
            .unwrap()
            .contains("COPY/ADD in Dockerfile:6, config/Dockerfile:2 bake this file into images"),
        "{secret:#}"
    );
}

#[test]
fn a_compose_build_context_decides_what_the_dockerfile_ships() {
    let dir = tempfile::tempdir().unwrap();
    let env = format!("API_TOKEN={}\n", token());
    let compose = "services:\n  api:\n    build:\n      context: .\n      dockerfile: services/api/Dockerfile\n    healthcheck:\n      test: [\"CMD\", \"true\"]\n";
    write(
        dir.path(),
        &[
            ("compose.yaml", compose),
            (
                "services/api/Dockerfile",
                "FROM python:3.12-slim\nCOPY . /app\nUSER nobody\n",
            ),
            // Its own directory holds nothing sensitive and has a .dockerignore; the root, where compose
            // builds it, has a .env and none.
            ("services/api/.dockerignore", ".git\n"),
            ("services/api/app.py", "print(1)\n"),
            (".env", &env),
        ],
    );
    let found = findings(dir.path());
    let df = "services/api/Dockerfile";
    let df018 = messages(&found, "DF018", df);
    assert_eq!(df018.len(), 1, "{found:#?}");
    assert!(
        df018[0].contains(".env (environment file)")
            && df018[0].contains("build context `.` of compose service `api` in compose.yaml"),
        "{df018:?}"
    );
    let df017 = messages(&found, "DF017", df);
    assert!(
        df017.len() == 1 && df017[0].contains("compose service `api`"),
        "no .dockerignore at the compose context: {found:#?}"
    );
    assert_eq!(baked_into(&found, ".env"), ["services/api/Dockerfile:2"]);

    // A .dockerignore at the compose context answers both, whatever the Dockerfile's own directory says.
    fs::write(dir.path().join(".dockerignore"), ".env\n.git\n").unwrap();
    fs::remove_file(dir.path().join("services/api/.dockerignore")).unwrap();
    let found = findings(dir.path());
    assert!(messages(&found, "DF018", df).is_empty(), "{found:#?}");
    assert!(messages(&found, "DF017", df).is_empty(), "{found:#?}");
    assert!(baked_into(&found, ".env").is_empty(), "{found:#?}");

    // `<Dockerfile>.dockerignore` next to the Dockerfile wins over the context's .dockerignore.
    write(dir.path(), &[("services/api/Dockerfile.dockerignore", ".git\n")]);
    let found = findings(dir.path());
    let df018 = messages(&found, "DF018", df);
    assert!(
        df018.len() == 1 && df018[0].contains("services/api/Dockerfile.dockerignore"),
        "{found:#?}"
    );
}

#[test]
fn pragmas_still_silence_the_compose_context_verdicts() {
    let dir = tempfile::tempdir().unwrap();
    let compose = "services:\n  api:\n    build:\n      context: .\n      dockerfile: api/Dockerfile\n    healthcheck:\n      test: [\"CMD\", \"true\"]\n";
    write(
        dir.path(),
        &[
            ("compose.yaml", compose),
            (
                "api/Dockerfile",
                "FROM python:3.12-slim\n# plimsoll ignore=DF018,DF017 -- the image is never pushed\nCOPY . /app\nUSER nobody\n",
            ),
            ("deploy/id_ed25519", "-----BEGIN OPENSSH PRIVATE KEY-----\n"),
        ],
    );
    let found = findings(dir.path());
    assert!(messages(&found, "DF018", "api/Dockerfile").is_empty(), "{found:#?}");
    let out = Command::cargo_bin("plimsoll")
        .unwrap()
        .current_dir(dir.path())
        .args([
            "scan",
            ".",
            "--no-config",
            "-q",
            "--format",
            "json",
            "--include-suppressed",
        ])
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let all: Vec<&Value> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .chain(doc["suppressed"].as_array().into_iter().flatten())
        .collect();
    let df018: Vec<&&Value> = all.iter().filter(|f| f["rule_id"] == "DF018").collect();
    assert!(
        df018.len() == 1
            && df018[0]["suppressed"]["source"] == "api/Dockerfile:2"
            && df018[0]["message"].as_str().unwrap().contains("deploy/id_ed25519"),
        "{all:#?}"
    );
}
