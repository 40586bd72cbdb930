//! Compose files in a temporary repository, next to the Dockerfiles they build, a `.gitignore` and a
//! `.env`: the cross-file rules (DC001 with DF013, DC017 with DF006), one finding per secret with the
//! secrets engine, pragmas, config, and every output format on the result (snapshots).

mod common;

use assert_cmd::Command;
use plimsoll::analyzers;
use plimsoll::config::Config;
use plimsoll::finding::Finding;
use plimsoll::output::{EmitOptions, Format, Report};
use plimsoll::pipeline::{FindingOptions, Pipeline};
use plimsoll::secrets::rule::{Rule, builtin_rules};
use plimsoll::secrets::{Allowlist, Scanner};
use plimsoll::walk::{WalkOptions, scan};
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, UNIX_EPOCH};

const COMPOSE: &str = r#"x-logging: &logging
  logging:
    driver: json-file

services:
  web:
    <<: *logging
    build:
      context: ./app
      args:
        NPM_TOKEN: ${NPM_TOKEN}
        VERSION: "1.4"
    ports:
      - "8080:3000"
    depends_on: [db]
  db:
    image: postgres
    privileged: true
    environment:
      POSTGRES_PASSWORD: example
    ports:
      - "5432:5432"
    healthcheck:
      test: ["CMD-SHELL", "pg_isready -U postgres"]
  worker:
    build: ./worker
    healthcheck:
      test: ["CMD", "/worker", "--ping"]
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock:ro
  migrate:
    image: ghcr.io/acme/migrate:2.0.1
    restart: "no"
    env_file: .env
"#;

/// A release workflow: a secret build argument (CI001) and an image pushed only as `:latest` (CI002).
const WORKFLOW: &str = "jobs:
  image:
    steps:
      - run: |
          docker build --build-arg NPM_TOKEN=${{ secrets.NPM_TOKEN }} -t ghcr.io/acme/web:latest ./app
          docker push ghcr.io/acme/web:latest
";

fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    fs::write(p.join("compose.yaml"), COMPOSE).unwrap();
    fs::create_dir(p.join("app")).unwrap();
    fs::write(
        p.join("app/Dockerfile"),
        "FROM node:22-slim\nARG NPM_TOKEN\nARG VERSION\nRUN npm ci\nUSER node\n",
    )
    .unwrap();
    fs::write(p.join("app/.dockerignore"), "node_modules\n.git\n.env\n").unwrap();
    fs::create_dir(p.join("worker")).unwrap();
    fs::write(p.join("worker/Dockerfile"), "FROM alpine:3.20\nUSER nobody\n").unwrap();
    fs::write(p.join("worker/.dockerignore"), ".git\n").unwrap();
    fs::write(p.join(".gitignore"), ".env\n").unwrap();
    fs::write(p.join(".env"), "NPM_TOKEN=\n").unwrap();
    // Documents a real-looking password (a secret finding that says example files document names) but
    // not NPM_TOKEN, which compose interpolates (EN004).
    fs::write(p.join(".env.example"), "DB_PASSWORD=q7Rz2vXk9LmP4tWs\n").unwrap(); // plimsoll:allow -- made-up test value
    fs::create_dir_all(p.join(".github/workflows")).unwrap();
    fs::write(p.join(".github/workflows/release.yml"), WORKFLOW).unwrap();
    dir
}

/// Runs git in `dir` with no user or system configuration.
fn git(dir: &Path, args: &[&str]) {
    let out = std::process::Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn plimsoll() -> Command {
    Command::cargo_bin("plimsoll").unwrap()
}

fn json_findings(dir: &Path, extra: &[&str]) -> Vec<Value> {
    let out = plimsoll()
        .current_dir(dir)
        .args(["scan", ".", "--format", "json", "-q", "--no-config"])
        .args(extra)
        .output()
        .unwrap();
    assert!(out.status.code() == Some(1) || out.status.code() == Some(0), "{out:?}");
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    doc["findings"].as_array().unwrap().clone()
}

fn ids_at(findings: &[Value], path: &str) -> Vec<(String, u64)> {
    findings
        .iter()
        .filter(|f| f["path"] == path)
        .map(|f| (f["rule_id"].as_str().unwrap().to_string(), f["line"].as_u64().unwrap()))
        .collect()
}

#[test]
fn compose_findings_point_at_keys_and_cross_files() {
    let dir = project();
    let f = json_findings(dir.path(), &[]);
    let compose = ids_at(&f, "compose.yaml");
    for expected in [
        ("DC011", 17),
        ("DC005", 18),
        ("DC012", 20),
        ("DC004", 22),
        ("DC002", 15),
        ("DC007", 30),
        ("DC017", 11),
        ("DC003", 14),
    ] {
        assert!(
            compose.contains(&(expected.0.to_string(), expected.1)),
            "{expected:?} missing in {compose:?}"
        );
    }
    // web builds app/, whose Dockerfile has no HEALTHCHECK, and compose has none: DC001 at `web:`, and
    // DF013 stays. worker has a compose health check: no DC001, and DF013 on worker/Dockerfile is answered.
    // migrate is a one-shot job.
    let dc001: Vec<u64> = compose.iter().filter(|(r, _)| r == "DC001").map(|(_, l)| *l).collect();
    assert_eq!(dc001, vec![6], "{compose:?}");
    let dc001 = f.iter().find(|x| x["rule_id"] == "DC001").unwrap();
    assert!(dc001["message"].as_str().unwrap().contains("app/Dockerfile"), "{dc001}");
    assert!(ids_at(&f, "app/Dockerfile").iter().any(|(r, _)| r == "DF013"));
    assert!(
        !ids_at(&f, "worker/Dockerfile").iter().any(|(r, _)| r == "DF013"),
        "{f:?}"
    );
    // The secret build arg is reported once, at the compose line, naming the ARG it feeds; DF006 on that
    // ARG is gone.
    let dc017 = f.iter().find(|x| x["rule_id"] == "DC017").unwrap();
    assert!(
        dc017["message"]
            .as_str()
            .unwrap()
            .contains("`ARG NPM_TOKEN` in app/Dockerfile:2"),
        "{dc017}"
    );
    assert!(
        !ids_at(&f, "app/Dockerfile").contains(&("DF006".to_string(), 2)),
        "{:?}",
        ids_at(&f, "app/Dockerfile")
    );
    // The literal password is one finding, its value never printed.
    let on_20: Vec<_> = f
        .iter()
        .filter(|x| x["path"] == "compose.yaml" && x["line"] == 20)
        .collect();
    assert_eq!(on_20.len(), 1, "{on_20:?}");
    assert_eq!(on_20[0]["snippet"], "POSTGRES_PASSWORD: …");
    for x in &f {
        assert!(
            !x.to_string().contains("PASSWORD: example") && x["secret"] != "example",
            "{x}"
        );
    }
}

#[test]
fn a_compose_health_check_is_not_needed_when_the_dockerfile_has_one() {
    let dir = project();
    fs::write(
        dir.path().join("app/Dockerfile"),
        "FROM node:22-slim\nARG NPM_TOKEN\nHEALTHCHECK CMD node /app/ping.js\nUSER node\n",
    )
    .unwrap();
    let f = json_findings(dir.path(), &[]);
    assert!(!f.iter().any(|x| x["rule_id"] == "DC001"), "{f:?}");
    // Without the Dockerfile in the scan, plimsoll cannot know: no DC001 either.
    let f = json_findings(dir.path(), &["--exclude", "app/**"]);
    assert!(!f.iter().any(|x| x["rule_id"] == "DC001"), "{f:?}");
}

#[test]
fn a_real_token_in_compose_is_one_secret_finding() {
    let dir = project();
    // A made-up token in GitHub's format: the secrets engine reports it, DC012 does not repeat it.
    let entropy = "Zq8vR3kLmN0pQ2sT4uW6yA8cE1gI3k";
    let check = plimsoll::secrets::checksum::base62_6(crc32fast::hash(entropy.as_bytes()));
    let token = format!("ghp_{entropy}{}", std::str::from_utf8(&check).unwrap());
    fs::write(
        dir.path().join("compose.yaml"),
        format!("services:\n  bot:\n    image: ghcr.io/acme/bot:1.0.0\n    environment:\n      GITHUB_TOKEN: {token}\n    healthcheck:\n      disable: true\n"),
    )
    .unwrap();
    let f = json_findings(dir.path(), &[]);
    let on_5: Vec<&str> = f
        .iter()
        .filter(|x| x["path"] == "compose.yaml" && x["line"] == 5)
        .map(|x| x["rule_id"].as_str().unwrap())
        .collect();
    assert_eq!(on_5.len(), 1, "{on_5:?}");
    assert!(!on_5[0].starts_with("DC"), "{on_5:?}");
}

#[test]
fn config_and_pragmas_apply_to_compose_rules() {
    let dir = project();
    fs::write(
        dir.path().join(".plimsoll.toml"),
        "[rules]\ndisable = [\"DC003\", \"missing-healthcheck\"]\nenable = [\"DC013\"]\n[rules.severity]\nDC011 = \"error\"\n",
    )
    .unwrap();
    let out = plimsoll()
        .current_dir(dir.path())
        .args(["scan", ".", "--format", "json", "-q"])
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let f = doc["findings"].as_array().unwrap();
    assert!(!f.iter().any(|x| x["rule_id"] == "DC003" || x["rule_id"] == "DC001"));
    assert!(f.iter().any(|x| x["rule_id"] == "DC013"));
    let dc011 = f.iter().find(|x| x["rule_id"] == "DC011").unwrap();
    assert_eq!(dc011["severity"], "error");

    let text = COMPOSE.replace(
        "    privileged: true\n",
        "    privileged: true # plimsoll ignore=DC005\n",
    );
    fs::write(dir.path().join("compose.yaml"), text).unwrap();
    let f = json_findings(dir.path(), &[]);
    assert!(!f.iter().any(|x| x["rule_id"] == "DC005"));
}

#[test]
fn explicit_files_stdin_and_rule_listing() {
    let dir = project();
    fs::write(dir.path().join("stack.yml"), "services:\n  a:\n    image: redis\n").unwrap();
    let out = plimsoll()
        .current_dir(dir.path())
        .args(["scan", "stack.yml", "--format", "json", "-q", "--no-config"])
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["rule_id"] == "DC011")
    );
    let out = plimsoll()
        .args(["scan", "-", "--format", "json", "-q", "--no-config"])
        .write_stdin("services:\n  a:\n    image: redis\n    pid: host\n")
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["rule_id"] == "DC008")
    );

    let out = plimsoll().args(["rules"]).output().unwrap();
    let listed = String::from_utf8(out.stdout).unwrap();
    assert!(listed.contains("DC005") && listed.contains("privileged"), "{listed}");
    assert!(String::from_utf8(out.stderr).unwrap().contains("compose rules"));
    let out = plimsoll().args(["explain", "dc007"]).output().unwrap();
    let doc = String::from_utf8(out.stdout).unwrap();
    assert!(
        doc.contains("category: compose") && doc.contains("## Use instead"),
        "{doc}"
    );
    assert!(doc.contains("compose-lint:CL-0001"), "{doc}");
}

/// The scan of [`project`]'s files in-process, from a fixed relative directory so paths and
/// fingerprints do not depend on where the temporary directory was.
fn scanned() -> (Vec<Finding>, plimsoll::walk::Stats, Vec<plimsoll::catalog::RuleInfo>) {
    let src = project();
    let root = Path::new("target/compose-scan-fixture");
    let _ = fs::remove_dir_all(root);
    copy_tree(src.path(), root);
    // A work tree whose index tracks the `.env` its .gitignore lists (EN002) and compose loads (EN005).
    git(root, &["init", "-q"]);
    git(root, &["add", "-f", ".env"]);
    let rules = builtin_rules().unwrap();
    let mut infos: Vec<_> = rules.iter().map(Rule::info).collect();
    let cfg = Config::default();
    let pipeline = Pipeline::new(
        Scanner::new(rules, Allowlist::default()).unwrap(),
        FindingOptions::default(),
    )
    .with_analyzers(analyzers::from_config(&cfg))
    .with_project_rules(analyzers::project_rules(&cfg));
    infos.extend(pipeline.analyzer_rule_infos());
    let opts = WalkOptions {
        paths: vec![root.to_path_buf()],
        no_ignore: true,
        skip_tool_ignore_files: false,
        exclude: Vec::new(),
        threads: 1,
        max_file_size: 1 << 20,
        progress: false,
    };
    let dir = root;
    let mut outcome = scan(&pipeline, &opts).unwrap();
    let prefix = format!("{}/", dir.display());
    for f in &mut outcome.findings {
        f.path = f.path.strip_prefix(&prefix).unwrap_or(&f.path).to_string();
        f.message = f.message.replace(&prefix, "");
    }
    outcome.findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    plimsoll::output::redact_snippets(&mut outcome.findings, &mut outcome.suppressed);
    outcome.stats.elapsed_ms = 0;
    (outcome.findings, outcome.stats, infos)
}

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_tree(&e.path(), &target);
        } else {
            fs::copy(e.path(), target).unwrap();
        }
    }
}

#[test]
fn every_format_carries_compose_findings() {
    let (findings, stats, mut infos) = scanned();
    // Only the rules with findings: formats that list every rule (JUnit) would otherwise change with
    // every rule anyone adds.
    infos.retain(|i| findings.iter().any(|f| *f.rule_id == i.id));
    let report = Report {
        findings: &findings,
        suppressed: &[],
        stats: &stats,
        errors: &[],
        rules: &infos,
        baseline: None,
        source: None,
    };
    let opts = EmitOptions {
        color: false,
        sarif_category: "plimsoll/".into(),
        srcroot: Some(PathBuf::from("/work/repo")),
        commit_sha: Some("4b825dc642cb6eb9a060e54bf8d69288fbee4904".into()),
        started: UNIX_EPOCH + Duration::from_secs(1_700_000_000),
    };
    for format in [
        Format::Text,
        Format::Json,
        Format::Sarif,
        Format::Github,
        Format::GitlabCodequality,
        Format::Junit,
    ] {
        let mut out = Vec::new();
        format.build(&opts).emit(&report, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        for id in ["DC005", "EN002", "EN004", "EN005", "CI001", "CI002"] {
            assert!(text.contains(id), "{format:?} lacks {id}: {text}");
        }
        assert!(
            !text.contains("q7Rz2vXk9LmP4tWs"), // plimsoll:allow -- made-up test value
            "{format:?} printed the example password"
        );
        // (SARIF's rule help and Code Quality's `content` quote DC012's documentation example; the
        // findings themselves must not.)
        let results = match format {
            Format::Sarif => serde_json::from_str::<Value>(&text).unwrap()["runs"][0]["results"].to_string(),
            Format::GitlabCodequality => {
                let issues: Vec<Value> = serde_json::from_str(&text).unwrap();
                issues
                    .iter()
                    .map(|i| i["description"].to_string())
                    .collect::<Vec<_>>()
                    .join("\n")
            }
            _ => text.clone(),
        };
        assert!(
            !results.contains("POSTGRES_PASSWORD: example"),
            "{format:?} printed the password"
        );
        match format {
            Format::Sarif => {
                let doc: Value = serde_json::from_str(&text).unwrap();
                common::assert_valid("sarif-schema-2.1.0.json", &doc);
                // The results, without `ruleIndex` (it moves with every new secret rule).
                let mut results = doc["runs"][0]["results"].clone();
                for r in results.as_array_mut().unwrap() {
                    r.as_object_mut().unwrap().remove("ruleIndex");
                }
                let results = serde_json::to_string_pretty(&results).unwrap();
                insta::assert_snapshot!("compose_sarif_results", results);
            }
            Format::GitlabCodequality => {
                let doc: Value = serde_json::from_str(&text).unwrap();
                common::assert_valid("gitlab-codequality.json", &doc);
                insta::assert_snapshot!("compose_gitlab_codequality", text);
            }
            Format::Json => {
                let mut doc: Value = serde_json::from_str(&text).unwrap();
                doc["stats"] = Value::Null;
                insta::assert_snapshot!("compose_json", serde_json::to_string_pretty(&doc).unwrap());
            }
            _ => insta::assert_snapshot!(format!("compose_{}", format!("{format:?}").to_lowercase()), text),
        }
    }
}

#[test]
fn an_env_file_git_does_not_ignore_is_reported_in_a_work_tree() {
    let dir = project();
    fs::create_dir(dir.path().join(".git")).unwrap();
    // Ignored by the root .gitignore: the walk skips it, and with --no-ignore EN001 still knows.
    let f = json_findings(dir.path(), &["--no-ignore"]);
    assert!(!f.iter().any(|x| x["rule_id"] == "EN001"), "{f:?}");
    fs::write(dir.path().join(".gitignore"), "node_modules\n").unwrap();
    fs::write(dir.path().join("app/.env.local"), "NPM_TOKEN=\n").unwrap();
    fs::write(dir.path().join("app/.env.example"), "NPM_TOKEN=\n").unwrap();
    let f = json_findings(dir.path(), &[]);
    let en001: Vec<&str> = f
        .iter()
        .filter(|x| x["rule_id"] == "EN001")
        .map(|x| x["path"].as_str().unwrap())
        .collect();
    assert_eq!(en001, [".env", "app/.env.local"], "{f:?}");
    let one = f.iter().find(|x| x["rule_id"] == "EN001").unwrap();
    assert_eq!(one["category"], "env");
}

/// A project with a finding of every compose, `.env` and build-command rule (opt-in ones enabled).
const EVERY_RULE_COMPOSE: &str = r#"include:
  - ./infra/missing.yaml
services:
  web:
    build:
      context: ./app
      args:
        NPM_TOKEN: ${NPM_TOKEN}
    ports:
      - "8080:3000"
    depends_on: [db]
    healthcheck:
      test: ["CMD", "/web", "--ping"]
    env_file: .env
  db:
    image: postgres
    privileged: true
    cap_add: [SYS_ADMIN]
    network_mode: host
    security_opt: ["seccomp:unconfined"]
    environment:
      POSTGRES_PASSWORD: example
      POSTGRES_DB: ${DB_NAME}
    ports:
      - "5432:5432"
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock
      - /etc:/host-etc
    healthcheck:
      test: ["CMD-SHELL", "pg_isready"]
  cache:
    image: redis:7.4
"#;

#[test]
fn sarif_of_every_compose_env_and_ci_rule_is_schema_valid() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    let write = |rel: &str, text: &str| {
        let path = p.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    };
    write("compose.yaml", EVERY_RULE_COMPOSE);
    write("broken/compose.yaml", "services:\n  a: [\n");
    write(
        "app/Dockerfile",
        "FROM node:22-slim\nARG NPM_TOKEN\nRUN npm ci\nUSER node\nHEALTHCHECK CMD [\"/web\", \"--ping\"]\n",
    );
    write("app/.dockerignore", ".git\n.env\n");
    write(".env", "NPM_TOKEN=\n");
    write("svc/.env.local", "MODE=dev\n");
    // A value EN003 finds and the secrets engine does not (else the secret rule's finding stands for both).
    write(".env.example", "NPM_TOKEN=\nDB_PASS=Horse7battery\n"); // plimsoll:allow -- made-up test value
    write(".github/workflows/release.yml", WORKFLOW);
    write(
        ".plimsoll.toml",
        "[rules]\nenable = [\"DC013\", \"DC014\", \"DC015\", \"DC016\"]\n",
    );
    git(p, &["init", "-q"]);
    git(p, &["add", "-f", ".env"]);
    let out = plimsoll()
        .current_dir(p)
        .args(["scan", ".", "--format", "sarif", "-q"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    common::assert_valid_sarif(&doc);
    let run = &doc["runs"][0];
    let rules: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    let results = run["results"].as_array().unwrap();
    let mut seen = std::collections::BTreeSet::new();
    for r in results {
        let id = r["ruleId"].as_str().unwrap();
        assert!(rules.contains(&id), "{id} is not in tool.driver.rules: {rules:?}");
        if let Some(i) = r["ruleIndex"].as_u64() {
            assert_eq!(rules[i as usize], id, "ruleIndex of {r}");
        }
        for loc in r["locations"].as_array().unwrap() {
            let region = &loc["physicalLocation"]["region"];
            for key in ["startLine", "startColumn", "endLine", "endColumn"] {
                if let Some(n) = region[key].as_u64() {
                    assert!(n >= 1, "{key} of {r} is not 1-based");
                }
            }
            assert!(region["startLine"].as_u64().is_some(), "{r}");
        }
        seen.insert(id.to_string());
    }
    // Every rule of the three analyzers fires, so the test fails when one stops.
    // (The compose rules start with DC000, the parse error.)
    let mut every: Vec<String> = plimsoll::compose::rules::RULES
        .iter()
        .map(|r| r.meta().id.to_string())
        .collect();
    assert_eq!(every[0], plimsoll::compose::rules::PARSE_ERROR_ID);
    every.extend(plimsoll::env::RULES.iter().map(|m| m.id.to_string()));
    every.extend(plimsoll::ci::RULES.iter().map(|m| m.id.to_string()));
    assert_eq!(every.len(), 19 + 5 + 2, "a rule was added: give it a case here");
    let missing: Vec<&String> = every.iter().filter(|id| !seen.contains(*id)).collect();
    assert!(missing.is_empty(), "no SARIF result for {missing:?}; got {seen:?}");
}
