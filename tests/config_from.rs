//! `--config-from REF`: in CI the configuration and baseline of the branch being checked are written by
//! whoever opened the pull request. These tests build a repository whose `main` has a reviewed config, put
//! a branch on top that tries to silence the scanner through every setting (`exclude`, `[allow]`,
//! disabled rules, rule files, the baseline, `.plimsollignore`), and check that with `--config-from main`
//! the finding is still reported, in `scan`, `git --range` and `git --pre-push` modes, and that every
//! way `--config-from` can fail is an error naming the revision and file, exit code 2.

mod common;

use assert_cmd::Command;
use common::git::{git_command, plimsoll_command, run_git, token};
use serde_json::Value;
use std::fs;
use std::path::PathBuf;

const RULES: &str = include_str!("fixtures/acme-rules.toml");

/// A temp dir holding `repo/` (a git repository on `main`) and `rules.toml` (outside the repository).
struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("rules.toml"), RULES).unwrap();
        let sb = Sandbox { dir };
        fs::create_dir(sb.repo()).unwrap();
        sb.git(&["init", "-q", "-b", "main"]);
        sb
    }

    fn repo(&self) -> PathBuf {
        self.dir.path().join("repo")
    }

    fn rules(&self) -> PathBuf {
        self.dir.path().join("rules.toml")
    }

    fn git(&self, args: &[&str]) -> String {
        run_git(git_command(&self.repo(), args), args)
    }

    fn write(&self, rel: &str, content: &str) {
        let p = self.repo().join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, content).unwrap();
    }

    fn commit(&self, message: &str) -> String {
        self.git(&["add", "-A", "--force"]);
        self.git(&["commit", "-q", "--allow-empty", "-m", message]);
        self.git(&["rev-parse", "HEAD"])
    }

    /// `plimsoll ARGS` in `dir` (relative to the repository) with the test rules.
    fn plimsoll_in(&self, dir: &str, args: &[&str]) -> Command {
        let mut c = plimsoll_command(&self.repo().join(dir));
        c.env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env_remove("CI_COMMIT_SHA")
            .env_remove("GITHUB_SHA")
            .args(args)
            .arg("--rules")
            .arg(self.rules());
        c
    }

    fn plimsoll(&self, args: &[&str]) -> Command {
        self.plimsoll_in(".", args)
    }

    /// `main`: a reviewed config and an app with one accepted (baselined) token; then a `feature` branch
    /// checked out, adding a new token. Returns (accepted token, new token).
    fn base_and_feature(&self, config: &str) -> (String, String) {
        self.write(".plimsoll.toml", config);
        self.write("app/old.py", &format!("OLD = \"{}\"\n", token(1)));
        let out = self.plimsoll(&["baseline", "create"]).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        self.commit("base: reviewed config and baseline");
        self.git(&["checkout", "-q", "-b", "feature"]);
        self.write("app/new.py", &format!("NEW = \"{}\"\n", token(2)));
        (token(1), token(2))
    }
}

/// Runs `cmd` with `--format json --include-suppressed`: (exit code, document, stderr).
fn run_json(cmd: &mut Command) -> (i32, Value, String) {
    let out = cmd.args(["--format", "json", "--include-suppressed"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("not JSON ({e}); stderr: {stderr}"));
    (out.status.code().unwrap(), doc, stderr)
}

/// Paths of the `acme.token` findings in `doc[key]` (`findings` or `suppressed`).
fn paths(doc: &Value, key: &str) -> Vec<String> {
    let mut paths: Vec<String> = doc[key]
        .as_array()
        .map(|a| {
            a.iter()
                .filter(|f| f["rule_id"] == "acme.token")
                .map(|f| f["path"].as_str().unwrap().to_string())
                .collect()
        })
        .unwrap_or_default();
    paths.sort();
    paths
}

const REVIEWED: &str = "baseline = \".plimsoll-baseline.json\"\n";

/// Every way a branch can silence a finding through files the scanner reads, applied on `feature`.
fn silence_everything(sb: &Sandbox) {
    // The branch's own baseline accepts its new token too.
    let out = sb.plimsoll(&["baseline", "create"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    sb.write(
        ".plimsoll.toml",
        &format!(
            "{REVIEWED}exclude = [\"**\"]\n[rules]\ndisable = [\"acme.password\"]\n[allow]\nregexes = ['''^acme_''']\n"
        ),
    );
    sb.write(".plimsollignore", "*\n");
    sb.write(".ignore", "app/\n");
}

#[test]
fn scan_uses_the_base_revisions_config_and_baseline_not_the_branchs() {
    let sb = Sandbox::new();
    sb.base_and_feature(REVIEWED);
    silence_everything(&sb);
    sb.commit("feature: new code, and a config that hides it");

    // Without the flag the branch silences everything: the attack this guards against.
    let (code, doc, stderr) = run_json(&mut sb.plimsoll(&["scan", "."]));
    assert_eq!(code, 0, "{stderr}");
    assert!(paths(&doc, "findings").is_empty(), "{doc:#}");

    let (code, doc, stderr) = run_json(&mut sb.plimsoll(&["scan", ".", "--config-from", "main"]));
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(paths(&doc, "findings"), ["app/new.py"], "{doc:#}");
    // The old token is still accepted, by main's baseline, named as `main:FILE`.
    assert_eq!(paths(&doc, "suppressed"), ["app/old.py"], "{doc:#}");
    let why = &doc["suppressed"][0]["suppressed"];
    assert_eq!(why["kind"], "baseline");
    assert_eq!(why["source"], "main:.plimsoll-baseline.json");

    let main = sb.git(&["rev-parse", "main"]);
    let from = &doc["source"]["config_from"];
    assert_eq!(from["revision"], "main");
    assert_eq!(from["commit"], main.as_str());
    assert_eq!(from["config"], "main:.plimsoll.toml");
    assert_eq!(from["baseline"], "main:.plimsoll-baseline.json");
    assert!(
        stderr.contains(&format!(
            "plimsoll: settings from main ({}), not from the working tree: main:.plimsoll.toml, baseline \
             main:.plimsoll-baseline.json",
            &main[..12]
        )),
        "{stderr}"
    );

    // An explicit --baseline is read from the revision too, and so is an explicit --config.
    let (code, doc, stderr) = run_json(&mut sb.plimsoll(&[
        "scan",
        ".",
        "--config-from",
        "main",
        "--config",
        ".plimsoll.toml",
        "--baseline",
        ".plimsoll-baseline.json",
    ]));
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(paths(&doc, "findings"), ["app/new.py"], "{doc:#}");
    assert_eq!(paths(&doc, "suppressed"), ["app/old.py"], "{doc:#}");
}

#[test]
fn uncommitted_changes_to_the_config_are_ignored_too() {
    let sb = Sandbox::new();
    sb.base_and_feature(REVIEWED);
    silence_everything(&sb);
    let (code, doc, stderr) = run_json(&mut sb.plimsoll(&["scan", "--config-from", "HEAD"]));
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(paths(&doc, "findings"), ["app/new.py"], "{doc:#}");
}

#[test]
fn the_configs_rule_files_come_from_the_revision() {
    let sb = Sandbox::new();
    sb.write("ci/rules.toml", RULES);
    sb.write(".plimsoll.toml", "rule-files = [\"ci/rules.toml\"]\n");
    sb.commit("base: project rules");
    sb.git(&["checkout", "-q", "-b", "feature"]);
    // The branch empties the project's rule file and adds a token the rule would find.
    sb.write("ci/rules.toml", "");
    sb.write("app.py", &format!("T = \"{}\"\n", token(3)));
    let out = Command::cargo_bin("plimsoll")
        .unwrap()
        .current_dir(sb.repo())
        .args(["scan", "--format", "json", "--config-from", "main"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(paths(&doc, "findings"), ["app.py"], "{doc:#}");
    let rules = Command::cargo_bin("plimsoll")
        .unwrap()
        .current_dir(sb.repo())
        .args(["explain", "acme.token", "--config-from", "main"])
        .output()
        .unwrap();
    assert!(rules.status.success(), "{}", String::from_utf8_lossy(&rules.stderr));
}

#[test]
fn a_revision_without_a_config_means_the_defaults() {
    let sb = Sandbox::new();
    sb.write("README.md", "# app\n");
    sb.commit("base without a config");
    sb.git(&["checkout", "-q", "-b", "feature"]);
    sb.write(".plimsoll.toml", "exclude = [\"**\"]\n");
    sb.write("app.py", &format!("T = \"{}\"\n", token(4)));
    sb.commit("feature adds a config excluding everything");
    let (code, doc, stderr) = run_json(&mut sb.plimsoll(&["scan", "--config-from", "main"]));
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(paths(&doc, "findings"), ["app.py"], "{doc:#}");
    assert!(doc["source"]["config_from"]["config"].is_null(), "{doc:#}");
    assert!(
        stderr.contains("not from the working tree: no .plimsoll.toml there, so the defaults"),
        "{stderr}"
    );
}

#[test]
fn a_scan_started_in_a_subdirectory_reads_that_directorys_config_in_the_revision() {
    let sb = Sandbox::new();
    sb.write("svc/.plimsoll.toml", "fail-on = \"none\"\n");
    sb.write("svc/app.py", &format!("T = \"{}\"\n", token(5)));
    sb.commit("base");
    sb.write("svc/.plimsoll.toml", "fail-on = \"error\"\n");
    let (code, doc, stderr) = run_json(&mut sb.plimsoll_in("svc", &["scan", "--config-from", "main"]));
    assert_eq!(code, 0, "main's svc/.plimsoll.toml says fail-on none: {stderr}");
    assert_eq!(paths(&doc, "findings"), ["app.py"], "{doc:#}");
    assert_eq!(doc["source"]["config_from"]["config"], "main:svc/.plimsoll.toml");
}

#[test]
fn git_range_and_pre_push_modes_use_the_revisions_config() {
    let sb = Sandbox::new();
    sb.base_and_feature(REVIEWED);
    silence_everything(&sb);
    let tip = sb.commit("feature: new code, and a config that hides it");

    let (code, doc, stderr) = run_json(&mut sb.plimsoll(&["git", "--range", "main..feature"]));
    assert_eq!(code, 0, "the branch's config hides its own token: {stderr}");
    assert!(paths(&doc, "findings").is_empty(), "{doc:#}");

    let (code, doc, stderr) = run_json(&mut sb.plimsoll(&["git", "--range", "main..feature", "--config-from", "main"]));
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(paths(&doc, "findings"), ["app/new.py"], "{doc:#}");
    assert_eq!(doc["source"]["config_from"]["config"], "main:.plimsoll.toml");
    assert!(stderr.contains("plimsoll: settings from main ("), "{stderr}");

    let main = sb.git(&["rev-parse", "main"]);
    let stdin = format!("refs/heads/feature {tip} refs/heads/feature {main}\n");
    let (code, doc, stderr) = run_json(
        sb.plimsoll(&[
            "git",
            "--pre-push",
            "origin",
            "https://example.test/app.git",
            "--config-from",
            "main",
        ])
        .write_stdin(stdin.clone()),
    );
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(paths(&doc, "findings"), ["app/new.py"], "{doc:#}");
    let (code, _, stderr) = run_json(
        sb.plimsoll(&["git", "--pre-push", "origin", "https://example.test/app.git"])
            .write_stdin(stdin),
    );
    assert_eq!(code, 0, "without the flag the pushed config hides it: {stderr}");
}

#[test]
fn git_history_in_a_bare_clone_reads_the_config_of_the_revision() {
    let sb = Sandbox::new();
    sb.write(".plimsoll.toml", "exclude = [\"vendor/**\"]\n");
    sb.write("vendor/lib.py", &format!("T = \"{}\"\n", token(6)));
    sb.write("app.py", &format!("T = \"{}\"\n", token(7)));
    sb.commit("base");
    let bare = sb.dir.path().join("bare.git");
    sb.git(&["clone", "-q", "--bare", ".", bare.to_str().unwrap()]);
    let mut cmd = plimsoll_command(&bare);
    cmd.env("GIT_CONFIG_GLOBAL", "/dev/null")
        .args(["git", "--config-from", "main", "--rules"])
        .arg(sb.rules());
    let (code, doc, stderr) = run_json(&mut cmd);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(paths(&doc, "findings"), ["app.py"], "{doc:#}");
}

/// Runs plimsoll and returns (exit code, stderr).
fn failure(cmd: &mut Command) -> (i32, String) {
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn every_failure_is_exit_code_2_naming_the_revision_and_file() {
    let sb = Sandbox::new();
    sb.write(".plimsoll.toml", "fail-on = \"error\"\n\n[rules]\ndisable = [\n");
    sb.write("ok.toml", "baseline = \"missing-baseline.json\"\n");
    sb.write("rules-ref.toml", "rule-files = [\"gone.toml\"]\n");
    sb.write("app.py", "print(1)\n");
    sb.commit("base with a broken config");
    sb.write(".plimsoll.toml", "fail-on = \"error\"\n");
    sb.write("gone.toml", RULES);
    sb.write("missing-baseline.json", "{\"version\": 1, \"entries\": []}\n");

    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["scan", "--config-from", "no-such-branch"],
            "--config-from no-such-branch: cannot resolve revision",
        ),
        (vec!["scan", "--config-from", "main"], "main:.plimsoll.toml:4:"),
        (vec!["git", "--config-from", "main"], "main:.plimsoll.toml:4:"),
        (
            vec!["scan", "--config-from", "main", "--config", "ok.toml"],
            "main:ok.toml:1:12: baseline main:missing-baseline.json does not exist at main",
        ),
        (
            vec!["scan", "--config-from", "main", "--config", "rules-ref.toml"],
            "main:rules-ref.toml:1:15: rule file main:gone.toml does not exist",
        ),
        (
            vec!["scan", "--config-from", "main", "--config", "absent.toml"],
            "main:absent.toml: does not exist at main (",
        ),
        (
            vec![
                "scan",
                "--no-config",
                "--config-from",
                "main",
                "--baseline",
                "missing-baseline.json",
            ],
            "cannot be used with",
        ),
    ];
    for (args, needle) in cases {
        let (code, stderr) = failure(&mut sb.plimsoll(&args));
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(stderr.contains(needle), "{args:?}: expected {needle:?} in {stderr}");
    }

    // An explicit --baseline missing at the revision (it exists in the working tree).
    sb.write(".plimsoll.toml", "");
    sb.commit("fix the config");
    let (code, stderr) =
        failure(&mut sb.plimsoll(&["scan", "--config-from", "HEAD", "--baseline", "not-committed.json"]));
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("HEAD:not-committed.json: does not exist at HEAD ("),
        "{stderr}"
    );

    // Not a git repository.
    let plain = tempfile::tempdir().unwrap();
    let mut cmd = plimsoll_command(plain.path());
    cmd.env("GIT_CEILING_DIRECTORIES", plain.path().parent().unwrap())
        .args(["scan", "--config-from", "main"]);
    let (code, stderr) = failure(&mut cmd);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("--config-from main reads a git revision") && stderr.contains("not a git repository"),
        "{stderr}"
    );
}

#[test]
fn a_path_outside_the_working_tree_is_read_from_disk() {
    // The test rules live outside the repository: `--rules` still finds them with `--config-from`.
    let sb = Sandbox::new();
    sb.write("app.py", &format!("T = \"{}\"\n", token(8)));
    sb.commit("base");
    let (code, doc, stderr) = run_json(&mut sb.plimsoll(&["scan", "--config-from", "main"]));
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(paths(&doc, "findings"), ["app.py"], "{doc:#}");
}
