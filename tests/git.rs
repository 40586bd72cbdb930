//! End-to-end behaviour of `plimsoll git` and `plimsoll hook` on repositories built with the git command
//! line: history attribution, ranges, staged changes, pre-push input, hook installation rules, and the
//! guarantee that nothing named in a scanned repository's configuration is ever run.
//! A small rule file keeps the assertions independent of the built-in rules.

mod common;

use common::git::{git_command, plimsoll_command, run_git, token};

use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

const RULES: &str = include_str!("fixtures/acme-rules.toml");

/// A scratch area holding the rule file and any number of repositories.
struct Sandbox {
    dir: tempfile::TempDir,
    /// Seconds added to the commit date of each new commit, so commit order is deterministic.
    clock: std::cell::Cell<u64>,
}

impl Sandbox {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("rules.toml"), RULES).unwrap();
        Sandbox {
            dir,
            clock: std::cell::Cell::new(0),
        }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn rules(&self) -> PathBuf {
        self.path("rules.toml")
    }

    /// Runs git in `dir` with a clean, deterministic environment; panics with git's stderr on failure.
    fn git(&self, dir: &Path, args: &[&str]) -> String {
        run_git(self.git_command(dir, args), args)
    }

    /// [`git_command`] with the next commit date of the sandbox's clock.
    fn git_command(&self, dir: &Path, args: &[&str]) -> std::process::Command {
        let t = self.clock.get() + 1;
        self.clock.set(t);
        let date = format!("2024-01-02T03:{:02}:{:02}+00:00", t / 60, t % 60);
        let mut c = git_command(dir, args);
        c.env("GIT_AUTHOR_DATE", &date).env("GIT_COMMITTER_DATE", &date);
        c
    }

    /// A new repository with `main` as its initial branch.
    fn init(&self, name: &str) -> PathBuf {
        let dir = self.path(name);
        fs::create_dir_all(&dir).unwrap();
        self.git(&dir, &["init", "-q", "-b", "main"]);
        dir
    }

    fn write(&self, repo: &Path, rel: &str, content: &str) {
        let p = repo.join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, content).unwrap();
    }

    /// Stages everything and commits; returns the new commit id.
    fn commit(&self, repo: &Path, message: &str) -> String {
        self.git(repo, &["add", "-A"]);
        self.git(repo, &["commit", "-q", "--allow-empty", "-m", message]);
        self.git(repo, &["rev-parse", "HEAD"])
    }

    /// `plimsoll git` in `repo` with the test rules and no config file.
    fn plimsoll(&self, repo: &Path) -> Command {
        let mut c = plimsoll_command(repo);
        c.env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .arg("git")
            .arg("--rules")
            .arg(self.rules())
            .arg("--no-config");
        c
    }
}

/// Runs `cmd` with `--format json`; returns (exit code, findings of the test rule, stats, stderr).
fn run_json(cmd: &mut Command) -> (i32, Vec<Value>, Value, String) {
    let out = cmd.args(["--format", "json"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}); stderr: {stderr}; stdout: {}",
            String::from_utf8_lossy(&out.stdout)
        )
    });
    let findings = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"] == "acme.token")
        .cloned()
        .collect();
    (out.status.code().unwrap(), findings, doc["stats"].clone(), stderr)
}

fn zero() -> String {
    "0".repeat(40)
}

#[test]
fn history_finds_a_deleted_secret_and_blames_the_commit_that_added_it() {
    let sb = Sandbox::new();
    let repo = sb.init("repo");
    sb.write(&repo, "README.md", "# demo\n");
    sb.commit(&repo, "initial");
    sb.write(
        &repo,
        "deploy/prod.env",
        &format!("REGION=eu\nACME_TOKEN={}\n", token(1)),
    );
    let adding = sb.commit(&repo, "add deploy config");
    fs::remove_file(repo.join("deploy/prod.env")).unwrap();
    sb.commit(&repo, "remove the token again");
    sb.write(&repo, "README.md", "# demo\nmore text\n");
    sb.commit(&repo, "docs");

    let (code, findings, stats, stderr) = run_json(&mut sb.plimsoll(&repo));
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let f = &findings[0];
    assert_eq!(f["path"], "deploy/prod.env");
    assert_eq!(f["line"], 2);
    assert_eq!(f["column"], 12);
    assert_eq!(f["commit"]["id"], adding.as_str());
    assert_eq!(f["commit"]["author"], "Alice Example");
    assert_eq!(f["commit"]["email"], "alice@example.com");
    assert!(
        f["commit"]["date"].as_str().unwrap().starts_with("2024-01-02T03:00:"),
        "{f}"
    );
    assert_ne!(f["secret"], token(1).as_str(), "secrets are redacted by default");
    assert_eq!(stats["git"]["mode"], "history");
    assert_eq!(stats["git"]["commits_scanned"], 4);
    assert!(stderr.contains("1 finding in 4 commits"), "{stderr}");

    // The text format names file, line and commit.
    let out = sb.plimsoll(&repo).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("deploy/prod.env:2:12"), "{text}");
    assert!(text.contains(&adding[..12]), "{text}");
}

#[test]
fn history_findings_can_be_baselined_and_new_ones_still_fail() {
    let sb = Sandbox::new();
    let repo = sb.init("repo");
    sb.write(&repo, "old.env", &format!("ACME_TOKEN={}\n", token(7)));
    sb.commit(&repo, "legacy secret");
    fs::remove_file(repo.join("old.env")).unwrap();
    sb.commit(&repo, "removed, but still in history");
    let baseline = sb.path("history-baseline.json");
    sb.plimsoll(&repo)
        .arg("--create-baseline")
        .arg(&baseline)
        .assert()
        .code(0);
    let text = fs::read_to_string(&baseline).unwrap();
    assert!(!text.contains(&token(7)), "a baseline never holds the secret: {text}");

    let (code, findings, _, stderr) = run_json(sb.plimsoll(&repo).arg("--baseline").arg(&baseline));
    assert_eq!((code, findings.len()), (0, 0), "{stderr}");

    sb.write(&repo, "new.env", &format!("ACME_TOKEN={}\n", token(8)));
    sb.commit(&repo, "new secret");
    let (code, findings, _, stderr) = run_json(sb.plimsoll(&repo).arg("--baseline").arg(&baseline));
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0]["path"], "new.env");
}

#[test]
fn the_same_secret_in_many_commits_and_files_is_one_finding_with_other_locations() {
    let sb = Sandbox::new();
    let repo = sb.init("repo");
    let t = token(2);
    sb.write(&repo, "a.env", &format!("ACME={t}\n"));
    let first = sb.commit(&repo, "a");
    sb.write(&repo, "copy/b.env", &format!("# copied\n\nACME={t}\n"));
    let second = sb.commit(&repo, "copy");
    sb.write(&repo, "a.env", &format!("X=1\nACME={t}\n"));
    sb.commit(&repo, "edit a, secret unchanged");

    let (code, findings, _, _) = run_json(&mut sb.plimsoll(&repo));
    assert_eq!(code, 1);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let f = &findings[0];
    assert_eq!(f["path"], "a.env");
    assert_eq!(f["commit"]["id"], first.as_str());
    let others = f["other_locations"].as_array().unwrap();
    assert_eq!(others.len(), 1, "{others:#?}");
    assert_eq!(others[0]["path"], "copy/b.env");
    assert_eq!(others[0]["line"], 3);
    assert_eq!(others[0]["commit"]["id"], second.as_str());
}

#[test]
fn clean_and_empty_repositories_exit_zero() {
    let sb = Sandbox::new();
    let empty = sb.init("empty");
    let (code, findings, _, stderr) = run_json(&mut sb.plimsoll(&empty));
    assert_eq!((code, findings.len()), (0, 0), "{stderr}");
    assert!(stderr.contains("no commits"), "{stderr}");

    let clean = sb.init("clean");
    sb.write(&clean, "src/main.rs", "fn main() {}\n");
    sb.commit(&clean, "clean");
    let (code, findings, _, stderr) = run_json(&mut sb.plimsoll(&clean));
    assert_eq!((code, findings.len()), (0, 0), "{stderr}");
}

#[test]
fn branch_since_and_max_commits_limit_the_history() {
    let sb = Sandbox::new();
    let repo = sb.init("repo");
    sb.write(&repo, "old.env", &format!("ACME={}\n", token(3)));
    sb.commit(&repo, "old secret");
    sb.write(&repo, "notes.txt", "one\n");
    sb.commit(&repo, "clean 1");
    sb.git(&repo, &["checkout", "-q", "-b", "feature"]);
    sb.write(&repo, "feature.env", &format!("ACME={}\n", token(4)));
    let feature = sb.commit(&repo, "feature secret");
    sb.git(&repo, &["checkout", "-q", "main"]);
    sb.write(&repo, "notes.txt", "one\ntwo\n");
    sb.commit(&repo, "clean 2");

    let paths = |findings: &[Value]| -> Vec<String> {
        let mut p: Vec<String> = findings
            .iter()
            .map(|f| f["path"].as_str().unwrap().to_string())
            .collect();
        p.sort();
        p
    };
    let (_, all, _, _) = run_json(&mut sb.plimsoll(&repo));
    assert_eq!(paths(&all), ["feature.env", "old.env"], "all refs by default");
    let (_, main, _, _) = run_json(sb.plimsoll(&repo).args(["--branch", "main"]));
    assert_eq!(paths(&main), ["old.env"]);
    let (_, feat, _, _) = run_json(sb.plimsoll(&repo).args(["--branch", &feature]));
    assert_eq!(paths(&feat), ["feature.env", "old.env"]);
    // The old secret already existed before the newest commit: not introduced by it.
    let (code, newest, stats, _) = run_json(sb.plimsoll(&repo).args(["--branch", "main", "--max-commits", "1"]));
    assert_eq!((code, newest.len()), (0, 0));
    assert_eq!(stats["git"]["commits_scanned"], 1);
    let feature_date = sb.git(&repo, &["log", "-1", "--format=%cI", &feature]);
    let (_, since, _, _) = run_json(sb.plimsoll(&repo).args(["--since", &feature_date]));
    assert_eq!(paths(&since), ["feature.env"]);
    sb.plimsoll(&repo)
        .args(["--since", "not a date at all"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--since"));
    sb.plimsoll(&repo)
        .args(["--branch", "no-such-branch"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no-such-branch"));
}

#[test]
fn range_scans_only_lines_added_in_the_range() {
    let sb = Sandbox::new();
    let repo = sb.init("repo");
    sb.write(&repo, "app.env", &format!("A=1\nOLD={}\nB=2\n", token(5)));
    let base = sb.commit(&repo, "base with an old secret");
    sb.write(
        &repo,
        "app.env",
        &format!("A=1\nOLD={}\nNEW={}\nB=2\n", token(5), token(6)),
    );
    let added = sb.commit(&repo, "add a line next to the old secret");
    sb.write(&repo, "other.txt", "hello\n");
    let tip = sb.commit(&repo, "clean");

    let (code, findings, stats, stderr) = run_json(sb.plimsoll(&repo).args(["--range", &format!("{base}..{tip}")]));
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        findings.len(),
        1,
        "the unchanged old secret is not in the range: {findings:#?}"
    );
    assert_eq!(findings[0]["path"], "app.env");
    assert_eq!(findings[0]["line"], 3, "line numbers are those of the new file");
    assert_eq!(findings[0]["commit"]["id"], added.as_str());
    assert_eq!(stats["git"]["mode"], "range");
    assert_eq!(stats["git"]["commits_scanned"], 2);

    let (code, findings, _, stderr) = run_json(sb.plimsoll(&repo).args(["--range", &format!("{added}..{tip}")]));
    assert_eq!((code, findings.len()), (0, 0), "{stderr}");
    let (_, findings, _, _) = run_json(sb.plimsoll(&repo).args(["--range", "HEAD"]));
    assert_eq!(findings.len(), 2, "a single revision means all of its commits");
    let (code, _, _, stderr) = run_json(sb.plimsoll(&repo).args(["--range", "HEAD..HEAD"]));
    assert_eq!(code, 0);
    assert!(stderr.contains("nothing to scan"), "{stderr}");
    sb.plimsoll(&repo)
        .args(["--range", "nope..HEAD"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("nope"));
}

#[test]
fn a_merge_reports_only_what_it_added_itself() {
    let sb = Sandbox::new();
    let repo = sb.init("repo");
    sb.write(&repo, "base.txt", "base\n");
    let base = sb.commit(&repo, "base");
    sb.git(&repo, &["checkout", "-q", "-b", "side"]);
    sb.write(&repo, "side.env", &format!("ACME={}\n", token(7)));
    sb.commit(&repo, "side secret");
    sb.git(&repo, &["checkout", "-q", "main"]);
    sb.write(&repo, "main.txt", "main\n");
    sb.commit(&repo, "main work");
    sb.git(&repo, &["merge", "-q", "--no-ff", "-m", "merge side", "side"]);
    let merge = sb.git(&repo, &["rev-parse", "HEAD"]);

    // The merge's first-parent diff contains side.env, but the secret came from the side branch commit.
    let (_, findings, _, _) = run_json(sb.plimsoll(&repo).args(["--range", &format!("{base}..{merge}")]));
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_ne!(findings[0]["commit"]["id"], merge.as_str());
    let (code, findings, _, _) = run_json(sb.plimsoll(&repo).args(["--range", &format!("side..{merge}")]));
    assert_eq!((code, findings.len()), (0, 0), "{findings:#?}");
}

#[test]
fn staged_scans_the_index_not_the_working_tree() {
    let sb = Sandbox::new();
    let repo = sb.init("repo");
    // Before the first commit there is no HEAD: everything staged is new.
    sb.write(&repo, "first.env", &format!("ACME={}\n", token(8)));
    sb.git(&repo, &["add", "first.env"]);
    let (code, findings, stats, stderr) = run_json(sb.plimsoll(&repo).arg("--staged"));
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(findings.len(), 1);
    assert!(findings[0].get("commit").is_none());
    assert_eq!(stats["git"]["mode"], "staged");
    sb.git(&repo, &["rm", "-q", "--cached", "first.env"]);
    fs::remove_file(repo.join("first.env")).unwrap();

    sb.write(&repo, "config.env", &format!("A=1\nOLD={}\n", token(9)));
    sb.commit(&repo, "committed secret");
    // Staged: one new line with a secret. Unstaged: another secret only in the working tree.
    sb.write(
        &repo,
        "config.env",
        &format!("A=1\nNEW={}\nOLD={}\n", token(10), token(9)),
    );
    sb.git(&repo, &["add", "config.env"]);
    sb.write(
        &repo,
        "config.env",
        &format!("A=1\nNEW={}\nOLD={}\nWT={}\n", token(10), token(9), token(11)),
    );
    sb.write(&repo, "untracked.env", &format!("ACME={}\n", token(12)));

    let out = sb.plimsoll(&repo).arg("--staged").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("config.env:2:5"), "{text}");
    assert_eq!(text.lines().filter(|l| l.contains("acme.token")).count(), 1, "{text}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("commit blocked"));

    sb.git(&repo, &["reset", "-q"]);
    let (code, findings, _, stderr) = run_json(sb.plimsoll(&repo).arg("--staged"));
    assert_eq!((code, findings.len()), (0, 0), "{stderr}");
    assert!(stderr.contains("nothing to scan"), "{stderr}");
}

/// A bare "server" and a clone to push from, with one pushed commit on main.
struct PushSetup {
    sb: Sandbox,
    work: PathBuf,
    pushed: String,
}

impl PushSetup {
    fn new() -> Self {
        let sb = Sandbox::new();
        let server = sb.path("server.git");
        sb.git(
            sb.dir.path(),
            &["init", "-q", "--bare", "-b", "main", server.to_str().unwrap()],
        );
        let work = sb.init("work");
        sb.git(&work, &["remote", "add", "origin", server.to_str().unwrap()]);
        sb.write(&work, "README.md", "# app\n");
        let pushed = sb.commit(&work, "initial");
        sb.git(&work, &["push", "-q", "origin", "main"]);
        PushSetup { sb, work, pushed }
    }

    fn pre_push(&self, stdin: String) -> (i32, Vec<Value>, Value, String) {
        run_json(
            self.sb
                .plimsoll(&self.work)
                .args(["--pre-push", "origin", "file:///server.git"])
                .write_stdin(stdin),
        )
    }
}

#[test]
fn pre_push_scans_the_new_commits_of_an_existing_branch() {
    let p = PushSetup::new();
    let (sb, work) = (&p.sb, &p.work);
    sb.write(work, "app.env", &format!("ACME={}\n", token(13)));
    let bad = sb.commit(work, "add secret");
    sb.write(work, "notes.txt", "clean\n");
    let tip = sb.commit(work, "clean on top");
    let line = format!("refs/heads/main {tip} refs/heads/main {}\n", p.pushed);
    let (code, findings, stats, stderr) = p.pre_push(line);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0]["commit"]["id"], bad.as_str());
    assert_eq!(findings[0]["path"], "app.env");
    assert_eq!(stats["git"]["commits_scanned"], 2, "only the commits the remote lacks");
    assert!(stderr.contains("push blocked"), "{stderr}");

    // Pushing only the clean commit on top of one the remote already has passes.
    let line = format!("refs/heads/main {tip} refs/heads/main {bad}\n");
    let (code, findings, stats, stderr) = p.pre_push(line);
    assert_eq!((code, findings.len()), (0, 0), "{stderr}");
    assert_eq!(stats["git"]["commits_scanned"], 1);
}

#[test]
fn pre_push_of_a_new_branch_scans_commits_not_on_any_remote_branch() {
    let p = PushSetup::new();
    let (sb, work) = (&p.sb, &p.work);
    sb.git(work, &["fetch", "-q", "origin"]);
    sb.git(work, &["checkout", "-q", "-b", "topic"]);
    sb.write(work, "topic.env", &format!("ACME={}\n", token(14)));
    let tip = sb.commit(work, "topic secret");
    let line = format!("refs/heads/topic {tip} refs/heads/topic {}\n", zero());
    let (code, findings, stats, stderr) = p.pre_push(line);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(findings.len(), 1);
    assert_eq!(stats["git"]["commits_scanned"], 1, "main's commit is already on origin");
}

#[test]
fn pre_push_skips_deletions_and_says_when_there_is_nothing_to_scan() {
    let p = PushSetup::new();
    let line = format!("(delete) {} refs/heads/old {}\n", zero(), p.pushed);
    let (code, findings, stats, stderr) = p.pre_push(line);
    assert_eq!((code, findings.len()), (0, 0), "{stderr}");
    assert!(
        stderr.contains("refs/heads/old: deleted on origin, nothing to scan"),
        "{stderr}"
    );
    assert_eq!(stats["git"]["commits_scanned"], 0);

    let line = format!("refs/heads/main {0} refs/heads/main {0}\n", p.pushed);
    let (code, _, _, stderr) = p.pre_push(line);
    assert_eq!(code, 0);
    assert!(
        stderr.contains("nothing to scan: every commit being pushed is already on origin"),
        "{stderr}"
    );

    let (code, _, _, stderr) = p.pre_push(String::new());
    assert_eq!(code, 0);
    assert!(stderr.contains("nothing to scan"), "{stderr}");

    p.sb.plimsoll(&p.work)
        .args(["--pre-push", "origin", "url"])
        .write_stdin("this is not what git sends\n")
        .assert()
        .code(2)
        .stderr(predicates::str::contains("stdin line 1"));
}

#[test]
fn pre_push_handles_force_pushes() {
    let p = PushSetup::new();
    let (sb, work) = (&p.sb, &p.work);
    sb.write(work, "a.txt", "a\n");
    let published = sb.commit(work, "published");
    sb.git(work, &["push", "-q", "origin", "main"]);
    // Rewrite history: drop the published commit and add a secret instead.
    sb.git(work, &["reset", "-q", "--hard", &p.pushed]);
    sb.write(work, "b.env", &format!("ACME={}\n", token(15)));
    let rewritten = sb.commit(work, "rewritten");
    let line = format!("refs/heads/main {rewritten} refs/heads/main {published}\n");
    let (code, findings, stats, stderr) = p.pre_push(line);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(findings[0]["commit"]["id"], rewritten.as_str());
    assert_eq!(stats["git"]["commits_scanned"], 1);

    // The remote moved to a commit we never fetched: fall back to "not on any remote-tracking branch".
    let unknown = "1234567890abcdef1234567890abcdef12345678";
    let line = format!("refs/heads/main {rewritten} refs/heads/main {unknown}\n");
    let (code, findings, _, stderr) = p.pre_push(line);
    assert_eq!((code, findings.len()), (1, 1), "{stderr}");
    assert!(stderr.contains("does not have"), "{stderr}");
}

/// `plimsoll hook install` in `repo`, as a user would run it.
fn hook(sb: &Sandbox, repo: &Path, args: &[&str]) -> std::process::Output {
    let mut c = plimsoll_command(repo);
    c.env("GIT_CONFIG_GLOBAL", "/dev/null").arg("hook").args(args);
    let _ = sb;
    c.output().unwrap()
}

#[test]
fn installed_pre_push_hook_blocks_a_push_with_a_secret_and_lets_a_clean_one_through() {
    let p = PushSetup::new();
    let (sb, work) = (&p.sb, &p.work);
    // The hook runs with the repository's own configuration: point it at the test rules.
    sb.write(
        work,
        ".plimsoll.toml",
        &format!("rule-files = [{:?}]\n", sb.rules().to_str().unwrap()),
    );
    sb.write(work, ".git/info/exclude", ".plimsoll.toml\n");
    let out = hook(sb, work, &["install"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    sb.write(work, "clean.txt", "clean\n");
    let clean = sb.commit(work, "clean");
    let out = sb.git_command(work, &["push", "origin", "main"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    sb.write(work, "deploy/app.env", &format!("X=1\nACME={}\n", token(16)));
    let bad = sb.commit(work, "secret");
    let out = sb.git_command(work, &["push", "origin", "main"]).output().unwrap();
    assert!(!out.status.success(), "the push must be blocked");
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(all.contains("push blocked"), "{all}");
    assert!(all.contains("deploy/app.env:2:6"), "{all}");
    assert!(all.contains(&bad[..12]), "{all}");
    let server_main = sb.git(&sb.path("server.git"), &["rev-parse", "main"]);
    assert_eq!(server_main, clean, "the server still has the clean commit");
}

#[test]
fn installed_pre_commit_hook_blocks_a_commit_with_a_staged_secret() {
    let sb = Sandbox::new();
    let repo = sb.init("repo");
    sb.write(
        &repo,
        ".plimsoll.toml",
        &format!("rule-files = [{:?}]\n", sb.rules().to_str().unwrap()),
    );
    sb.write(&repo, ".gitignore", ".plimsoll.toml\n");
    sb.commit(&repo, "initial");
    let out = hook(&sb, &repo, &["install", "--pre-commit"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    sb.write(&repo, "app.env", &format!("ACME={}\n", token(17)));
    sb.git(&repo, &["add", "app.env"]);
    let out = sb
        .git_command(&repo, &["commit", "-q", "-m", "secret"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("commit blocked"));
}

#[test]
fn hook_install_never_clobbers_a_foreign_hook_without_force() {
    let sb = Sandbox::new();
    let repo = sb.init("repo");
    let hook_path = repo.join(".git/hooks/pre-push");
    let mine = "#!/bin/sh\necho my own hook\n";
    fs::write(&hook_path, mine).unwrap();

    let out = hook(&sb, &repo, &["install"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
    assert_eq!(fs::read_to_string(&hook_path).unwrap(), mine);

    let out = hook(&sb, &repo, &["uninstall", "--pre-push"]);
    assert_eq!(out.status.code(), Some(2), "uninstall refuses to remove a foreign hook");
    assert_eq!(fs::read_to_string(&hook_path).unwrap(), mine);

    let out = hook(&sb, &repo, &["install", "--force"]);
    assert!(out.status.success());
    let installed = fs::read_to_string(&hook_path).unwrap();
    assert!(installed.contains("plimsoll-managed-hook") && installed.contains("--pre-push"));
    let backup = repo.join(".git/hooks/pre-push.plimsoll-backup");
    assert_eq!(fs::read_to_string(&backup).unwrap(), mine);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(fs::metadata(&hook_path).unwrap().permissions().mode() & 0o111, 0o111);
    }

    // Installing again updates our own hook in place, without another backup.
    let out = hook(&sb, &repo, &["install"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("updated"));
    assert!(!repo.join(".git/hooks/pre-push.plimsoll-backup.1").exists());

    let out = hook(&sb, &repo, &["uninstall"]);
    assert!(out.status.success());
    assert_eq!(
        fs::read_to_string(&hook_path).unwrap(),
        mine,
        "the original hook is restored"
    );
    assert!(!backup.exists());
}

#[test]
fn hook_install_honours_core_hooks_path() {
    let sb = Sandbox::new();
    let repo = sb.init("repo");
    sb.git(&repo, &["config", "core.hooksPath", "ci/hooks"]);
    let sub = repo.join("src/deep");
    fs::create_dir_all(&sub).unwrap();
    let out = hook(&sb, &sub, &["install", "--pre-commit"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(repo.join("ci/hooks/pre-commit").exists());
    assert!(!repo.join(".git/hooks/pre-commit").exists());
    let out = hook(&sb, &repo, &["uninstall", "--pre-commit"]);
    assert!(out.status.success());
    assert!(!repo.join("ci/hooks/pre-commit").exists());
    // Nothing installed: nothing to do, not an error.
    assert!(hook(&sb, &repo, &["uninstall"]).status.success());
}

#[test]
fn programs_named_in_the_repository_config_are_never_run() {
    let sb = Sandbox::new();
    let repo = sb.init("repo");
    sb.write(&repo, "a.env", &format!("ACME={}\n", token(18)));
    sb.write(&repo, ".gitattributes", "* filter=evil diff=evil\n");
    let first = sb.commit(&repo, "one");
    sb.write(&repo, "a.env", &format!("ACME={}\nB=2\n", token(18)));
    let second = sb.commit(&repo, "two");
    sb.write(&repo, "b.env", "staged\n");
    sb.git(&repo, &["add", "b.env"]);

    let marker = sb.path("marker");
    let script = sb.path("evil.sh");
    fs::write(&script, format!("#!/bin/sh\ntouch '{}'\ncat\n", marker.display())).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&script, fs::Permissions::from_mode(0o755)).unwrap();
    }
    let s = script.to_str().unwrap();
    for (key, value) in [
        ("core.fsmonitor", s),
        ("core.pager", s),
        ("core.editor", s),
        ("core.sshCommand", s),
        ("core.askPass", s),
        ("diff.external", s),
        ("diff.evil.command", s),
        ("diff.evil.textconv", s),
        ("filter.evil.clean", s),
        ("filter.evil.smudge", s),
        ("filter.evil.process", s),
        ("credential.helper", s),
        ("gpg.program", s),
        ("core.hooksPath", sb.path("evil-hooks").to_str().unwrap()),
    ] {
        sb.git(&repo, &["config", key, value]);
    }
    let hooks = sb.path("evil-hooks");
    fs::create_dir_all(&hooks).unwrap();
    for name in [
        "pre-push",
        "pre-commit",
        "post-checkout",
        "reference-transaction",
        "fsmonitor-watchman",
    ] {
        fs::copy(&script, hooks.join(name)).unwrap();
    }

    let pushed = format!("refs/heads/main {second} refs/heads/main {first}\n");
    let runs: [(&[&str], Option<&str>); 4] = [
        (&[], None),
        (&["--range", "HEAD~1..HEAD"], None),
        (&["--staged"], None),
        (&["--pre-push", "origin", "url"], Some(&pushed)),
    ];
    for (args, stdin) in runs {
        let mut cmd = sb.plimsoll(&repo);
        cmd.args(args).args(["--format", "json"]);
        if let Some(input) = stdin {
            cmd.write_stdin(input.to_string());
        }
        let out = cmd.output().unwrap();
        assert!(
            out.status.code().unwrap() < 2,
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            !marker.exists(),
            "plimsoll git {args:?} ran a program from the repository's config"
        );
    }

    // The trap is real: git itself runs the configured fsmonitor/filter.
    let _ = sb.git_command(&repo, &["status"]).output().unwrap();
    assert!(marker.exists(), "the test's config should make git run the script");
}

#[test]
fn shallow_bare_and_submodule_repositories() {
    let sb = Sandbox::new();
    let origin = sb.init("origin");
    sb.write(&origin, "keep.env", &format!("ACME={}\n", token(19)));
    sb.commit(&origin, "one");
    sb.write(&origin, "x.txt", "x\n");
    sb.commit(&origin, "two");
    sb.write(&origin, "x.txt", "x\ny\n");
    let head = sb.commit(&origin, "three");
    let url = format!("file://{}", origin.display());

    let shallow = sb.path("shallow");
    sb.git(
        sb.dir.path(),
        &["clone", "-q", "--depth", "1", &url, shallow.to_str().unwrap()],
    );
    let (code, findings, stats, stderr) = run_json(&mut sb.plimsoll(&shallow));
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        findings[0]["commit"]["id"],
        head.as_str(),
        "attributed to the shallow boundary"
    );
    assert_eq!(stats["git"]["shallow"], true);
    assert!(stderr.contains("shallow clone"), "{stderr}");

    let bare = sb.path("bare.git");
    sb.git(sb.dir.path(), &["clone", "-q", "--bare", &url, bare.to_str().unwrap()]);
    let (code, findings, stats, stderr) = run_json(&mut sb.plimsoll(&bare));
    assert_eq!((code, findings.len()), (1, 1), "{stderr}");
    assert_eq!(stats["git"]["commits_scanned"], 3);

    let outer = sb.init("outer");
    sb.write(&outer, "README.md", "outer\n");
    sb.commit(&outer, "outer");
    sb.git(
        &outer,
        &[
            "-c",
            "protocol.file.allow=always",
            "submodule",
            "add",
            "-q",
            &url,
            "vendor/lib",
        ],
    );
    sb.commit(&outer, "add submodule");
    let (code, findings, stats, stderr) = run_json(&mut sb.plimsoll(&outer));
    assert_eq!(
        (code, findings.len()),
        (0, 0),
        "submodule content is not scanned: {stderr}"
    );
    assert_eq!(stats["git"]["skipped_submodules"][0], "vendor/lib");
    assert!(
        stderr.contains("submodule(s) skipped") && stderr.contains("vendor/lib"),
        "{stderr}"
    );
}

#[test]
fn binary_blobs_and_lfs_pointers_are_skipped() {
    let sb = Sandbox::new();
    let repo = sb.init("repo");
    let t = token(20);
    fs::write(repo.join("blob.bin"), format!("\0\x01ACME={t}\n")).unwrap();
    sb.write(
        &repo,
        "big.psd",
        &format!("version https://git-lfs.github.com/spec/v1\noid sha256:{t}\nsize 1234\n"),
    );
    sb.commit(&repo, "binaries");
    let (code, findings, stats, stderr) = run_json(&mut sb.plimsoll(&repo));
    assert_eq!((code, findings.len()), (0, 0), "{stderr}");
    assert_eq!(stats["skipped_binary"], 1);
    assert_eq!(stats["git"]["skipped_lfs"], 1);
    assert!(
        stderr.contains("1 binary") && stderr.contains("1 Git LFS pointers"),
        "{stderr}"
    );
}

#[test]
fn jsonl_and_exclusions_work_for_git_findings() {
    let sb = Sandbox::new();
    let repo = sb.init("repo");
    sb.write(&repo, "src/app.env", &format!("ACME={}\n", token(21)));
    sb.write(&repo, "fixtures/fake.env", &format!("ACME={}\n", token(22)));
    sb.commit(&repo, "both");
    let out = sb
        .plimsoll(&repo)
        .args(["--format", "jsonl", "--exclude", "fixtures/**"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .filter(|f: &Value| f["rule_id"] == "acme.token")
        .collect();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["path"], "src/app.env");
    assert!(lines[0]["commit"]["id"].is_string());

    // From a subdirectory: the same repository, paths still relative to the top of the working tree.
    let (code, findings, _, _) = run_json(&mut sb.plimsoll(&repo.join("src")));
    assert_eq!((code, findings.len()), (1, 2));
    assert!(findings.iter().any(|f| f["path"] == "src/app.env"));
}

#[test]
fn sarif_for_history_findings_carries_the_commit_and_a_fingerprint_that_survives_new_commits() {
    let sb = Sandbox::new();
    let repo = sb.init("repo");
    sb.write(&repo, "old/creds.env", &format!("ACME={}\n", token(23)));
    let adding = sb.commit(&repo, "add");
    fs::remove_file(repo.join("old/creds.env")).unwrap();
    sb.commit(&repo, "delete: the file no longer exists at HEAD");

    let sarif = |repo: &Path| -> Value {
        let out = sb.plimsoll(repo).args(["--format", "sarif"]).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
        let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
        let results = doc["runs"][0]["results"].as_array().unwrap();
        let mine: Vec<&Value> = results.iter().filter(|r| r["ruleId"] == "acme.token").collect();
        assert_eq!(mine.len(), 1, "{results:#?}");
        mine[0].clone()
    };
    let before = sarif(&repo);
    assert_eq!(before["properties"]["commit"], adding.as_str());
    assert_eq!(
        before["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "old/creds.env"
    );
    sb.write(&repo, "later.txt", "unrelated\n");
    sb.commit(&repo, "later work moves HEAD");
    let after = sarif(&repo);
    assert_eq!(before["partialFingerprints"], after["partialFingerprints"]);
    assert!(before["partialFingerprints"].as_object().is_some_and(|m| !m.is_empty()));
}

#[test]
fn utf16_blobs_are_decoded_in_history_and_in_ranges() {
    let sb = Sandbox::new();
    let repo = sb.init("repo");
    let le_bom = |s: &str| -> Vec<u8> {
        "\u{feff}"
            .chars()
            .chain(s.chars())
            .collect::<String>()
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect()
    };
    fs::write(
        repo.join("deploy.ps1"),
        le_bom(&format!("$a = 1\r\n$old = \"{}\"\r\n", token(7))),
    )
    .unwrap();
    let base = sb.commit(&repo, "PowerShell script saved as UTF-16");
    fs::write(
        repo.join("deploy.ps1"),
        le_bom(&format!(
            "$a = 1\r\n$old = \"{}\"\r\n$new = \"{}\"\r\n",
            token(7),
            token(8)
        )),
    )
    .unwrap();
    sb.commit(&repo, "another token");

    let (code, findings, stats, stderr) = run_json(&mut sb.plimsoll(&repo));
    assert_eq!(code, 1, "{stderr}");
    let mut at: Vec<(u64, u64)> = findings
        .iter()
        .map(|f| (f["line"].as_u64().unwrap(), f["column"].as_u64().unwrap()))
        .collect();
    at.sort();
    assert_eq!(at, vec![(2, 9), (3, 9)], "{findings:#?}");
    assert_eq!(stats["decoded_utf16"], 2, "{stats}");
    assert_eq!(stats["skipped_binary"], 0, "{stats}");

    let (code, findings, _, stderr) = run_json(sb.plimsoll(&repo).args(["--range", &format!("{base}..HEAD")]));
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        findings.len(),
        1,
        "only the added line of the UTF-16 file: {findings:#?}"
    );
    assert_eq!(
        (&findings[0]["line"], &findings[0]["column"]),
        (&Value::from(3), &Value::from(9))
    );
}

/// `plimsoll scan` run in `dir` with the test rules and no config file.
fn scan_in(sb: &Sandbox, dir: &Path) -> Command {
    let mut c = plimsoll_command(dir);
    c.env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .args(["scan", ".", "--no-config", "--rules"])
        .arg(sb.rules());
    c
}

/// Stdout of `cmd` parsed as JSON (SARIF or `--format json`).
fn json_of(cmd: &mut Command) -> Value {
    let out = cmd.output().unwrap();
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}); stderr: {}; stdout: {}",
            String::from_utf8_lossy(&out.stderr),
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

#[test]
fn remote_credentials_never_reach_any_report() {
    let sb = Sandbox::new();
    for (n, (url, public)) in [
        (
            "https://ci-bot:p4ssw0rd-in-url@example.test/acme/app.git",
            "https://example.test/acme/app.git",
        ),
        (
            "ssh://deployer:p4ssw0rd-in-url@example.test:2222/acme/app.git",
            "ssh://example.test:2222/acme/app.git",
        ),
    ]
    .into_iter()
    .enumerate()
    {
        let repo = sb.init(&format!("repo{n}"));
        sb.git(&repo, &["remote", "add", "origin", url]);
        sb.write(&repo, "app.env", &format!("ACME={}\n", token(40)));
        let head = sb.commit(&repo, "add");
        let reports = sb.path(&format!("reports{n}"));
        fs::create_dir_all(&reports).unwrap();
        let formats = [
            "text",
            "json",
            "jsonl",
            "sarif",
            "github",
            "gitlab-secrets",
            "gitlab-codequality",
            "junit",
        ];
        for (mode, mut cmd) in [("scan", scan_in(&sb, &repo)), ("git", sb.plimsoll(&repo))] {
            for f in formats {
                cmd.arg("--report")
                    .arg(format!("{f}={}", reports.join(format!("{mode}.{f}")).display()));
            }
            let out = cmd.output().unwrap();
            assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
            for text in [&out.stdout, &out.stderr] {
                let text = String::from_utf8_lossy(text);
                assert!(!text.contains("p4ssw0rd") && !text.contains("ci-bot"), "{mode}: {text}");
            }
        }
        for entry in fs::read_dir(&reports).unwrap() {
            let path = entry.unwrap().path();
            let text = fs::read_to_string(&path).unwrap();
            assert!(!text.contains("p4ssw0rd"), "{}: {text}", path.display());
            assert!(
                !text.contains("ci-bot") && !text.contains("deployer"),
                "{}",
                path.display()
            );
        }
        let json: Value = serde_json::from_str(&fs::read_to_string(reports.join("scan.json")).unwrap()).unwrap();
        assert_eq!(json["source"]["repository_uri"], public);
        assert_eq!(json["source"]["revision_id"], head.as_str());
        let sarif: Value = serde_json::from_str(&fs::read_to_string(reports.join("git.sarif")).unwrap()).unwrap();
        assert_eq!(sarif["runs"][0]["versionControlProvenance"][0]["repositoryUri"], public);
    }
}

#[test]
fn provenance_names_commit_and_branch_in_worktrees_detached_heads_and_without_a_remote() {
    let sb = Sandbox::new();
    let repo = sb.init("repo");
    sb.write(&repo, "sub/dir/app.env", &format!("ACME={}\n", token(41)));
    let first = sb.commit(&repo, "first");
    sb.write(&repo, "README.md", "# readme\n");
    let second = sb.commit(&repo, "second");

    // No remote: JSON says so; SARIF (which requires a repository URI) names the local repository.
    let json = json_of(scan_in(&sb, &repo).args(["--format", "json"]));
    assert_eq!(json["source"]["repository_uri"], Value::Null);
    assert_eq!(json["source"]["revision_id"], second.as_str());
    assert_eq!(json["source"]["branch"], "main");
    assert_eq!(json["source"]["detached"], false);
    let sarif = json_of(scan_in(&sb, &repo).args(["--format", "sarif"]));
    let vcs = &sarif["runs"][0]["versionControlProvenance"][0];
    let top = fs::canonicalize(&repo).unwrap();
    assert_eq!(vcs["repositoryUri"], format!("file://{}/", top.display()));
    assert_eq!(vcs["revisionId"], second.as_str());
    assert_eq!(vcs["mappedTo"]["uriBaseId"], "%SRCROOT%");

    // Started in a subdirectory: %SRCROOT% is still the top of the tree, and URIs are repository-relative.
    let sarif = json_of(scan_in(&sb, &repo.join("sub")).args(["--format", "sarif"]));
    let run = &sarif["runs"][0];
    assert_eq!(
        run["originalUriBaseIds"]["%SRCROOT%"]["uri"],
        format!("file://{}/", top.display())
    );
    assert_eq!(
        run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "sub/dir/app.env"
    );

    // Detached HEAD: a commit and no branch.
    sb.git(&repo, &["checkout", "-q", "--detach", &first]);
    let json = json_of(scan_in(&sb, &repo).args(["--format", "json"]));
    assert_eq!(json["source"]["revision_id"], first.as_str());
    assert_eq!(json["source"]["branch"], Value::Null);
    assert_eq!(json["source"]["detached"], true);
    let sarif = json_of(sb.plimsoll(&repo).args(["--format", "sarif"]));
    let vcs = &sarif["runs"][0]["versionControlProvenance"][0];
    assert_eq!(vcs["revisionId"], first.as_str());
    assert!(vcs.get("branch").is_none(), "{vcs}");
    assert_eq!(vcs["properties"]["detachedHead"], true);
    sb.git(&repo, &["checkout", "-q", "main"]);

    // A linked worktree has its own HEAD and top; the remote is the main repository's.
    sb.git(&repo, &["remote", "add", "origin", "git@example.test:acme/app.git"]);
    let wt = sb.path("wt");
    sb.git(
        &repo,
        &["worktree", "add", "-q", "-b", "feature", wt.to_str().unwrap(), &first],
    );
    let json = json_of(scan_in(&sb, &wt).args(["--format", "json"]));
    assert_eq!(json["source"]["branch"], "feature");
    assert_eq!(json["source"]["revision_id"], first.as_str());
    assert_eq!(json["source"]["repository_uri"], "ssh://example.test/acme/app.git");
    let sarif = json_of(scan_in(&sb, &wt).args(["--format", "sarif"]));
    assert_eq!(
        sarif["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"],
        format!("file://{}/", fs::canonicalize(&wt).unwrap().display())
    );
}

#[test]
fn git_reports_name_the_commits_they_scanned() {
    let sb = Sandbox::new();
    let repo = sb.init("repo");
    sb.write(&repo, "a.txt", "a\n");
    let a = sb.commit(&repo, "a");
    sb.write(&repo, "b.txt", "b\n");
    sb.commit(&repo, "b");
    sb.write(&repo, "c.txt", "c\n");
    let c = sb.commit(&repo, "c");

    let json = json_of(
        sb.plimsoll(&repo)
            .args(["--range", &format!("{a}..main"), "--format", "json"]),
    );
    let scanned = &json["source"]["scanned"];
    assert_eq!(scanned["mode"], "range");
    assert_eq!(scanned["revisions"], serde_json::json!([format!("{c} ^{a}")]));
    assert_eq!(scanned["commits"], 2);
    let sarif = json_of(sb.plimsoll(&repo).args(["--max-commits", "2", "--format", "sarif"]));
    common::assert_valid_sarif(&sarif);
    let props = &sarif["runs"][0]["versionControlProvenance"][0]["properties"];
    assert_eq!(props["scanMode"], "history");
    assert_eq!(
        props["scannedRevisions"],
        serde_json::json!([c.clone(), "--max-count=2".to_string()])
    );
    assert_eq!(props["scannedCommits"], 2);
    let json = json_of(sb.plimsoll(&repo).args(["--staged", "--format", "json"]));
    assert_eq!(json["source"]["scanned"]["revisions"], serde_json::json!([c]));
}

/// (rule id, line, path) of every Dockerfile finding of a `plimsoll git … --format json` run, and its exit
/// code.
fn dockerfile_findings(cmd: &mut Command) -> (i32, Vec<(String, u64, String)>) {
    lint_findings(cmd, &["DF"])
}

/// (rule id, line, path) of every finding of a `plimsoll git … --format json` run whose rule id starts with
/// one of `prefixes`, and its exit code.
fn lint_findings(cmd: &mut Command, prefixes: &[&str]) -> (i32, Vec<(String, u64, String)>) {
    let out = cmd.args(["--format", "json"]).output().unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stderr)));
    let found = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| prefixes.iter().any(|p| f["rule_id"].as_str().unwrap().starts_with(p)))
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["path"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    (out.status.code().unwrap(), found)
}

#[test]
fn changed_dockerfiles_are_linted_in_staged_range_and_pre_push_modes() {
    let p = PushSetup::new();
    let (sb, work) = (&p.sb, &p.work);
    let dockerfile = "FROM ubuntu:latest\nARG NPM_TOKEN\nUSER root\n";

    // --staged: the new Dockerfile is linted as staged; no .dockerignore in the index yet.
    sb.write(work, "app/Dockerfile", dockerfile);
    sb.git(work, &["add", "app/Dockerfile"]);
    let (code, found) = dockerfile_findings(sb.plimsoll(work).arg("--staged"));
    assert_eq!(code, 1, "{found:?}");
    for (id, line) in [("DF002", 1), ("DF006", 2), ("DF001", 3)] {
        assert!(
            found
                .iter()
                .any(|(i, l, p)| i == id && *l == line && p == "app/Dockerfile"),
            "{id} at line {line}: {found:?}"
        );
    }
    let first = sb.commit(work, "add a Dockerfile");

    // --pre-push of that commit: the same findings block the push.
    let line = format!("refs/heads/main {first} refs/heads/main {}\n", p.pushed);
    let (code, found) = dockerfile_findings(
        sb.plimsoll(work)
            .args(["--pre-push", "origin", "file:///server.git"])
            .write_stdin(line),
    );
    assert_eq!(code, 1);
    assert!(found.iter().any(|(i, _, _)| i == "DF001"), "{found:?}");

    // A later commit that changes one line: only findings on it, none on the untouched lines.
    sb.write(
        work,
        "app/Dockerfile",
        "FROM ubuntu:latest\nARG NPM_TOKEN\nRUN apt-get install curl\nUSER root\n",
    );
    let second = sb.commit(work, "install curl");
    let (code, found) = dockerfile_findings(sb.plimsoll(work).args(["--range", &format!("{first}..{second}")]));
    assert_eq!(code, 1);
    assert!(!found.is_empty() && found.iter().all(|(_, l, _)| *l == 3), "{found:?}");

    // A COPY . added while the commit has no .dockerignore: DF017, judged against that commit's tree even
    // though one exists in the working tree.
    sb.write(work, "app/Dockerfile", "FROM ubuntu:24.04\nCOPY . /src\nUSER app\n");
    let third = sb.commit(work, "copy the context");
    sb.write(work, "app/.dockerignore", ".git\n.env*\n");
    let (_, found) = dockerfile_findings(sb.plimsoll(work).args(["--range", &format!("{second}..{third}")]));
    assert!(found.iter().any(|(i, l, _)| i == "DF017" && *l == 2), "{found:?}");
    let fourth = sb.commit(work, "add a .dockerignore");
    sb.write(work, "app/Dockerfile", "FROM ubuntu:24.04\nCOPY . /app\nUSER app\n");
    let fifth = sb.commit(work, "copy elsewhere");
    let (_, found) = dockerfile_findings(sb.plimsoll(work).args(["--range", &format!("{fourth}..{fifth}")]));
    assert!(!found.iter().any(|(i, _, _)| i == "DF017"), "{found:?}");

    // A clean change to a Dockerfile exits 0.
    sb.write(
        work,
        "app/Dockerfile",
        "FROM ubuntu:24.04\nCOPY . /app\nUSER app\nHEALTHCHECK NONE\n",
    );
    let sixth = sb.commit(work, "health");
    let (code, found) = dockerfile_findings(sb.plimsoll(work).args(["--range", &format!("{fifth}..{sixth}")]));
    assert_eq!((code, found.len()), (0, 0), "{found:?}");

    // Full history stays secrets-only.
    let (_, found) = dockerfile_findings(&mut sb.plimsoll(work));
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn changed_compose_and_env_files_are_linted_in_staged_range_and_pre_push_modes() {
    let p = PushSetup::new();
    let (sb, work) = (&p.sb, &p.work);
    let compose = "services:\n  web:\n    image: nginx:1.27\n    healthcheck:\n      test: [\"CMD\", \"true\"]\n";
    sb.write(work, "compose.yaml", compose);
    let first = sb.commit(work, "compose");

    // A commit that adds `privileged: true` fails the push, with the finding on the added line only.
    sb.write(work, "compose.yaml", &format!("{compose}    privileged: true\n"));
    sb.git(work, &["add", "compose.yaml"]);
    let (code, found) = lint_findings(sb.plimsoll(work).arg("--staged"), &["DC", "EN"]);
    assert_eq!(
        (code, found.clone()),
        (1, vec![("DC005".to_string(), 6, "compose.yaml".to_string())])
    );
    let second = sb.commit(work, "privileged");
    let line = format!("refs/heads/main {second} refs/heads/main {}\n", p.pushed);
    let (code, found) = lint_findings(
        sb.plimsoll(work)
            .args(["--pre-push", "origin", "file:///server.git"])
            .write_stdin(line),
        &["DC"],
    );
    assert_eq!(code, 1);
    assert_eq!(found, vec![("DC005".to_string(), 6, "compose.yaml".to_string())]);

    // A later change elsewhere in the file does not report the old line again.
    sb.write(
        work,
        "compose.yaml",
        &format!("{compose}    privileged: true\n    restart: unless-stopped\n"),
    );
    let third = sb.commit(work, "restart");
    let (code, found) = lint_findings(
        sb.plimsoll(work).args(["--range", &format!("{second}..{third}")]),
        &["DC"],
    );
    assert_eq!((code, found.len()), (0, 0), "{found:?}");
    let (_, found) = lint_findings(
        sb.plimsoll(work).args(["--range", &format!("{first}..{third}")]),
        &["DC"],
    );
    assert_eq!(found, vec![("DC005".to_string(), 6, "compose.yaml".to_string())]);

    // A commit that adds a `.env` commits its values: EN002, whatever .gitignore says afterwards.
    sb.write(work, "app/.env", "LOG_LEVEL=debug\n");
    sb.git(work, &["add", "app/.env"]);
    let (code, found) = lint_findings(sb.plimsoll(work).arg("--staged"), &["EN"]);
    assert_eq!(
        (code, found),
        (1, vec![("EN002".to_string(), 1, "app/.env".to_string())])
    );
    let fourth = sb.commit(work, "env");
    // Changing a tracked `.env` again commits new values: reported again, on any changed line.
    sb.write(work, "app/.env", "LOG_LEVEL=debug\nLOG_FORMAT=json\n");
    let fifth = sb.commit(work, "env again");
    let (_, found) = lint_findings(
        sb.plimsoll(work).args(["--range", &format!("{fourth}..{fifth}")]),
        &["EN"],
    );
    assert_eq!(found.len(), 1, "{found:?}");
    // An example file is meant to be committed.
    sb.write(work, "app/.env.example", "LOG_LEVEL=\n");
    sb.git(work, &["add", "app/.env.example"]);
    let (code, found) = lint_findings(sb.plimsoll(work).arg("--staged"), &["EN"]);
    assert_eq!((code, found.len()), (0, 0), "{found:?}");
}

#[test]
fn history_keeps_accepted_and_reported_copies_of_a_secret_apart() {
    let sb = Sandbox::new();
    let repo = sb.init("repo");
    sb.write(
        &repo,
        "test/fixture.env",
        &format!("T={} # plimsoll:allow -- fixture\n", token(50)),
    );
    sb.commit(&repo, "fixture");
    sb.write(&repo, "deploy/prod.env", &format!("T={}\n", token(50)));
    sb.commit(&repo, "the same token, unaccepted");

    let doc = json_of(sb.plimsoll(&repo).args(["--format", "json", "--include-suppressed"]));
    let findings = doc["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{doc:#}");
    assert_eq!(findings[0]["path"], "deploy/prod.env");
    let suppressed = doc["suppressed"].as_array().unwrap();
    assert_eq!(suppressed.len(), 1, "{doc:#}");
    assert_eq!(suppressed[0]["path"], "test/fixture.env");
    assert_eq!(suppressed[0]["suppressed"]["source"], "test/fixture.env:1");
    assert_eq!(suppressed[0]["suppressed"]["justification"], "fixture");
    assert_eq!(doc["stats"]["suppressed"]["inline"], 1);
}

/// `n` lines of filler text, numbered from `from`.
fn filler(from: usize, n: usize) -> String {
    (from..from + n).map(|i| format!("setting_{i} = value {i}\n")).collect()
}

#[test]
fn history_scans_only_the_lines_each_version_adds_and_keeps_every_place() {
    let sb = Sandbox::new();
    let repo = sb.init("repo");
    sb.write(&repo, "app/config.env", &filler(0, 200));
    sb.commit(&repo, "config without secrets");
    // A secret added in the middle of a file that already existed.
    let with_secret = format!("{}ACME_TOKEN={}\n{}", filler(0, 100), token(31), filler(100, 100));
    sb.write(&repo, "app/config.env", &with_secret);
    let adding = sb.commit(&repo, "add a token to the config");
    // Changes elsewhere in the file: the token sits in unchanged lines and is not reported again.
    sb.write(
        &repo,
        "app/config.env",
        &format!("# header\n{with_secret}{}", filler(200, 5)),
    );
    sb.commit(&repo, "edit the config around the token");
    // A rename keeps the blob; a rename with an edit makes a new one at a path seen for the first time.
    sb.git(&repo, &["mv", "app/config.env", "app/renamed.env"]);
    let renaming = sb.commit(&repo, "rename");
    fs::remove_file(repo.join("app/renamed.env")).unwrap();
    sb.write(&repo, "deploy/moved.env", &format!("{with_secret}one more line\n"));
    let moving = sb.commit(&repo, "move and edit");
    // A second secret added later to the moved file is its own finding, at its own commit.
    sb.write(
        &repo,
        "deploy/moved.env",
        &format!("{with_secret}one more line\nACME_OTHER={}\n", token(32)),
    );
    let second = sb.commit(&repo, "another token");

    let (code, findings, stats, stderr) = run_json(&mut sb.plimsoll(&repo));
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(findings.len(), 2, "{findings:#?}");
    let first = findings.iter().find(|f| f["path"] == "app/config.env").unwrap();
    assert_eq!(first["commit"]["id"], adding.as_str());
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(101), Some(12))
    );
    let others: Vec<(&str, &str)> = first["other_locations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (o["path"].as_str().unwrap(), o["commit"]["id"].as_str().unwrap()))
        .collect();
    assert_eq!(
        others,
        vec![
            ("app/renamed.env", renaming.as_str()),
            ("deploy/moved.env", moving.as_str())
        ],
        "{first:#}"
    );
    let later = findings.iter().find(|f| f["path"] == "deploy/moved.env").unwrap();
    assert_eq!(later["commit"]["id"], second.as_str());
    assert_eq!(later["line"], 203);
    assert!(
        later["other_locations"].as_array().is_none_or(Vec::is_empty),
        "{later:#}"
    );
    // Three versions were changes to the one before them at the same path; the rest were new files.
    assert_eq!(stats["git"]["blobs_diffed"], 3, "{stats:#}");
    assert!(
        stats["git"]["bytes_searched"].as_u64() < stats["bytes_scanned"].as_u64(),
        "{stats:#}"
    );
}

/// A rule for a made-up multi-line key block, whose header may sit far above the lines a commit changes.
const KEY_BLOCK_RULE: &str = r#"
[[rule]]
id = "acme.key-block"
name = "Acme key block"
severity = "error"
keywords = ["-----BEGIN ACME KEY-----"]
regex = '''-----BEGIN ACME KEY-----\r?\n([A-Za-z0-9_\r\n]{64,}?)\r?\n-----END ACME KEY-----'''
window = 8192
description = "A made-up multi-line key."
help = "Rotate it."
references = ["https://acme.test/docs/keys"]
examples = ["-----BEGIN ACME KEY-----\nacme_Q8vR3kLmN0pQ2sT4uW6yA8cE_acme_Z9vR3kLmN0pQ2sT4uW6yA8cE\nacme_Q8vR3kLmN0pQ2sT4uW6yA8cF\n-----END ACME KEY-----"]
negative_examples = ["-----BEGIN ACME KEY-----\nshort\n-----END ACME KEY-----"]
"#;

#[test]
fn history_finds_multi_line_keys_added_to_or_changed_in_existing_files() {
    let sb = Sandbox::new();
    let repo = sb.init("repo");
    let rules = sb.path("key-rules.toml");
    fs::write(&rules, KEY_BLOCK_RULE).unwrap();
    let block = |seed: u64, changed_tail: Option<u64>| {
        let mut lines: Vec<String> = (0..80).map(|i| token(seed * 100 + i)).collect();
        if let Some(s) = changed_tail {
            for (i, l) in lines.iter_mut().enumerate().skip(76) {
                *l = token(s * 100 + i as u64);
            }
        }
        format!(
            "-----BEGIN ACME KEY-----\n{}\n-----END ACME KEY-----\n",
            lines.join("\n")
        )
    };
    sb.write(&repo, "keys/notes.txt", &filler(0, 10));
    // A file whose first version already holds a key (scanned whole, so what its next version's look-back
    // needs comes from that whole scan).
    sb.write(&repo, "keys/first.txt", &format!("{}{}", filler(0, 3), block(3, None)));
    let first = sb.commit(&repo, "notes");
    sb.write(
        &repo,
        "keys/notes.txt",
        &format!("{}{}{}", filler(0, 5), block(1, None), filler(5, 5)),
    );
    let added = sb.commit(&repo, "paste a key into the notes");
    // Only the last lines of the key change: its header is 2.2 KB above the first changed line.
    sb.write(
        &repo,
        "keys/notes.txt",
        &format!("{}{}{}", filler(0, 5), block(1, Some(2)), filler(5, 5)),
    );
    sb.write(
        &repo,
        "keys/first.txt",
        &format!("{}{}", filler(0, 3), block(3, Some(4))),
    );
    let changed = sb.commit(&repo, "change the end of the keys");
    // An edit far below the key reports nothing new.
    sb.write(
        &repo,
        "keys/notes.txt",
        &format!("{}{}{}", filler(0, 5), block(1, Some(2)), filler(5, 60)),
    );
    sb.commit(&repo, "more notes");

    let out = sb
        .plimsoll(&repo)
        .arg("--rules")
        .arg(&rules)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut keys: Vec<(&str, u64)> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"] == "acme.key-block")
        .map(|f| (f["commit"]["id"].as_str().unwrap(), f["line"].as_u64().unwrap()))
        .collect();
    keys.sort_unstable();
    let mut expected = vec![
        (first.as_str(), 5),
        (changed.as_str(), 5),
        (added.as_str(), 7),
        (changed.as_str(), 7),
    ];
    expected.sort_unstable();
    assert_eq!(keys, expected, "{doc:#}");
}

/// Findings of the project rules and the per-file rules they answer, as (rule id, line, path).
const PROJECT_IDS: &[&str] = &["DC001", "DC017", "DF013", "DF006", "EN003", "EN004", "EN005"];

/// The message of the only finding of rule `id` in a `--format json` run of `cmd`.
fn message_of(cmd: &mut Command, id: &str) -> String {
    let doc = json_of(cmd.args(["--format", "json"]));
    let found: Vec<&Value> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"] == id)
        .collect();
    assert_eq!(found.len(), 1, "{id}: {found:?}");
    found[0]["message"].as_str().unwrap().to_string()
}

#[test]
fn staged_compose_and_dockerfile_changes_get_the_project_rules_with_the_index_as_their_project() {
    let sb = Sandbox::new();
    let repo = sb.init("repo");
    sb.write(&repo, "README.md", "# app\n");
    sb.write(
        &repo,
        "app/Dockerfile",
        "FROM node:22-slim\nUSER node\nCMD [\"node\", \"server.js\"]\n",
    );
    sb.commit(&repo, "app");

    // A staged service that builds a committed Dockerfile without HEALTHCHECK: DC001, naming the Dockerfile.
    let compose = "services:\n  web:\n    build: ./app\n    ports:\n      - \"127.0.0.1:${WEB_PORT:-8080}:8080\"\n";
    sb.write(&repo, "compose.yaml", compose);
    sb.git(&repo, &["add", "compose.yaml"]);
    let (code, found) = lint_findings(sb.plimsoll(&repo).arg("--staged"), PROJECT_IDS);
    assert_eq!(
        (code, found),
        (1, vec![("DC001".to_string(), 2, "compose.yaml".to_string())])
    );
    let message = message_of(sb.plimsoll(&repo).arg("--staged"), "DC001");
    assert!(message.contains("no HEALTHCHECK in app/Dockerfile"), "{message}");
    // The working tree's Dockerfile is not what is committed: only the index counts.
    sb.write(&repo, "app/Dockerfile", "FROM node:22-slim\nHEALTHCHECK CMD true\n");
    let (_, found) = lint_findings(sb.plimsoll(&repo).arg("--staged"), PROJECT_IDS);
    assert_eq!(found.len(), 1, "{found:?}");
    // Once the Dockerfile with a HEALTHCHECK is staged too, the service has one.
    sb.git(&repo, &["add", "app/Dockerfile"]);
    let (code, found) = lint_findings(sb.plimsoll(&repo).arg("--staged"), PROJECT_IDS);
    assert_eq!((code, found.len()), (0, 0), "{found:?}");
    sb.commit(&repo, "compose");

    // A staged Dockerfile without HEALTHCHECK that a committed compose service with a health check builds:
    // the compose health check answers DF013. The same Dockerfile built by no service gets DF013.
    sb.write(
        &repo,
        "compose.yaml",
        &format!("{compose}  api:\n    build: ./api\n    healthcheck:\n      test: [\"CMD\", \"true\"]\n"),
    );
    sb.commit(&repo, "api service");
    let bare = "FROM node:22-slim\nUSER node\n";
    sb.write(&repo, "api/Dockerfile", bare);
    sb.write(&repo, "tools/Dockerfile", bare);
    sb.git(&repo, &["add", "api/Dockerfile", "tools/Dockerfile"]);
    let out = sb
        .plimsoll(&repo)
        .args(["--staged", "--format", "json"])
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["stats"]["git"]["project_snapshots"], 1);
    let (code, found) = lint_findings(sb.plimsoll(&repo).arg("--staged"), PROJECT_IDS);
    assert_eq!(
        (code, found),
        (1, vec![("DF013".to_string(), 1, "tools/Dockerfile".to_string())])
    );
    // `scan .` of the same files agrees.
    sb.commit(&repo, "dockerfiles");
    let (_, found) = lint_findings(&mut scan_in(&sb, &repo), PROJECT_IDS);
    assert_eq!(found, vec![("DF013".to_string(), 1, "tools/Dockerfile".to_string())]);
}

#[test]
fn a_range_reports_a_secret_build_arg_once_and_never_again_for_untouched_lines() {
    let sb = Sandbox::new();
    let repo = sb.init("repo");
    sb.write(&repo, "README.md", "# app\n");
    let base = sb.commit(&repo, "initial");
    sb.write(
        &repo,
        "app/Dockerfile",
        "FROM node:22-slim\nARG NPM_TOKEN\nRUN npm ci\nUSER node\nHEALTHCHECK CMD true\n",
    );
    let compose =
        "services:\n  web:\n    build:\n      context: ./app\n      args:\n        NPM_TOKEN: ${NPM_TOKEN:-}\n";
    sb.write(&repo, "compose.yaml", compose);
    let added = sb.commit(&repo, "build arg");
    // Once, at the compose line, naming the ARG it feeds; DF006 on that ARG is answered by it.
    let range = format!("{base}..{added}");
    let (code, found) = lint_findings(sb.plimsoll(&repo).args(["--range", &range]), PROJECT_IDS);
    assert_eq!(
        (code, found),
        (1, vec![("DC017".to_string(), 6, "compose.yaml".to_string())])
    );
    let message = message_of(sb.plimsoll(&repo).args(["--range", &range]), "DC017");
    assert!(
        message.contains("it feeds `ARG NPM_TOKEN` in app/Dockerfile:2"),
        "{message}"
    );
    let (_, found) = lint_findings(&mut scan_in(&sb, &repo), PROJECT_IDS);
    assert_eq!(found, vec![("DC017".to_string(), 6, "compose.yaml".to_string())]);

    // A later commit changing another line of the compose file (and the Dockerfile) reports neither again.
    sb.write(
        &repo,
        "compose.yaml",
        &format!("{compose}    restart: unless-stopped\n"),
    );
    sb.write(
        &repo,
        "app/Dockerfile",
        "FROM node:22-slim\nARG NPM_TOKEN\nRUN npm ci --omit=dev\nUSER node\nHEALTHCHECK CMD true\n",
    );
    let edited = sb.commit(&repo, "restart");
    let (code, found) = lint_findings(
        sb.plimsoll(&repo).args(["--range", &format!("{added}..{edited}")]),
        PROJECT_IDS,
    );
    assert_eq!((code, found.len()), (0, 0), "{found:?}");
    // The whole range reports it once, in the commit that added it.
    let doc = json_of(
        sb.plimsoll(&repo)
            .args(["--range", &format!("{base}..{edited}"), "--format", "json"]),
    );
    let dc017: Vec<&Value> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"] == "DC017" || f["rule_id"] == "DF006")
        .collect();
    assert_eq!(dc017.len(), 1, "{dc017:?}");
    assert_eq!(dc017[0]["commit"]["id"], added.as_str());

    // A commit that adds the ARG an unchanged compose file already feeds: DC017 (on the old compose line)
    // stands for it, so there is no DF006 on the added ARG, as `scan .` has none.
    sb.write(
        &repo,
        "compose.yaml",
        &format!(
            "{compose}    restart: unless-stopped\n  worker:\n    build:\n      context: ./worker\n      args:\n        - GITHUB_TOKEN\n    healthcheck:\n      disable: true\n"
        ),
    );
    sb.write(
        &repo,
        "worker/Dockerfile",
        "FROM node:22-slim\nUSER node\nHEALTHCHECK NONE\n",
    );
    let worker = sb.commit(&repo, "worker");
    sb.write(
        &repo,
        "worker/Dockerfile",
        "FROM node:22-slim\nARG GITHUB_TOKEN\nUSER node\nHEALTHCHECK NONE\n",
    );
    let arg = sb.commit(&repo, "worker arg");
    let (code, found) = lint_findings(
        sb.plimsoll(&repo).args(["--range", &format!("{worker}..{arg}")]),
        PROJECT_IDS,
    );
    assert_eq!((code, found.len()), (0, 0), "{found:?}");
    let (_, found) = lint_findings(&mut scan_in(&sb, &repo), &["DF006"]);
    assert!(found.is_empty(), "{found:?}");
    // Without the compose file feeding it, the same ARG is DF006.
    sb.write(
        &repo,
        "tools/Dockerfile",
        "FROM node:22-slim\nUSER node\nHEALTHCHECK NONE\n",
    );
    let tools = sb.commit(&repo, "tools");
    sb.write(
        &repo,
        "tools/Dockerfile",
        "FROM node:22-slim\nARG GITHUB_TOKEN\nUSER node\nHEALTHCHECK NONE\n",
    );
    let tools_arg = sb.commit(&repo, "tools arg");
    let (_, found) = lint_findings(
        sb.plimsoll(&repo).args(["--range", &format!("{tools}..{tools_arg}")]),
        PROJECT_IDS,
    );
    assert_eq!(found, vec![("DF006".to_string(), 2, "tools/Dockerfile".to_string())]);
}

#[test]
fn a_range_reports_undocumented_variables_and_tracked_env_files_of_its_commits() {
    let sb = Sandbox::new();
    let repo = sb.init("repo");
    sb.write(&repo, ".env.example", "APP_PORT=\n");
    sb.write(&repo, "deploy/db.env", "POSTGRES_DB=app\n");
    let base = sb.commit(&repo, "initial");
    sb.write(
        &repo,
        "deploy/compose.yaml",
        "services:\n  db:\n    image: postgres:17\n    healthcheck:\n      test: [\"CMD\", \"pg_isready\"]\n    env_file: db.env\n  web:\n    image: nginx:1.27\n    healthcheck:\n      test: [\"CMD\", \"true\"]\n    ports:\n      - \"127.0.0.1:${APP_PORT}:80\"\n    environment:\n      LOG_LEVEL: ${LOG_LEVEL}\n    env_file: local.env\n",
    );
    let added = sb.commit(&repo, "compose");
    let range = format!("{base}..{added}");
    let (code, found) = lint_findings(sb.plimsoll(&repo).args(["--range", &range]), PROJECT_IDS);
    // EN004 for LOG_LEVEL only (.env.example above documents APP_PORT); EN005 for the committed db.env,
    // not for local.env, which the commit does not hold.
    assert_eq!(
        (code, found),
        (
            1,
            vec![
                ("EN005".to_string(), 6, "deploy/compose.yaml".to_string()),
                ("EN004".to_string(), 14, "deploy/compose.yaml".to_string()),
            ]
        )
    );
    let message = message_of(sb.plimsoll(&repo).args(["--range", &range]), "EN004");
    assert!(
        message.contains("`LOG_LEVEL`") && !message.contains("APP_PORT") && message.contains(".env.example"),
        "{message}"
    );
    let (_, mut on_disk) = lint_findings(&mut scan_in(&sb, &repo), PROJECT_IDS);
    let (_, mut in_git) = lint_findings(sb.plimsoll(&repo).args(["--range", &range]), PROJECT_IDS);
    on_disk.sort();
    in_git.sort();
    assert_eq!(on_disk, in_git);

    // Documenting the variable in a later commit adds nothing to report, and touches no compose line.
    sb.write(&repo, ".env.example", "APP_PORT=\nLOG_LEVEL=\n");
    let documented = sb.commit(&repo, "document");
    let out = sb
        .plimsoll(&repo)
        .args(["--range", &format!("{added}..{documented}"), "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["stats"]["git"]["project_snapshots"], 1, "an example file changed");
}

#[test]
fn pre_push_blocks_a_service_without_health_check_and_stays_cheap_without_such_files() {
    let p = PushSetup::new();
    let (sb, work) = (&p.sb, &p.work);
    sb.write(work, "src/app.py", "print('hello')\n");
    let plain = sb.commit(work, "code");
    let line = format!("refs/heads/main {plain} refs/heads/main {}\n", p.pushed);
    let (code, _, stats, stderr) = p.pre_push(line);
    assert_eq!(code, 0, "{stderr}");
    // No compose file, Dockerfile or example env file changed: no project phase, no extra blob read.
    assert_eq!(stats["git"]["project_snapshots"], 0);
    assert_eq!(stats["git"]["project_neighbours_read"], 0);
    assert_eq!(stats["git"]["blobs_scanned"], 1);

    sb.write(
        work,
        "docker-compose.yml",
        "services:\n  cache:\n    image: redis:7.4\n",
    );
    let service = sb.commit(work, "cache");
    let line = format!("refs/heads/main {service} refs/heads/main {plain}\n");
    let (code, found) = lint_findings(
        sb.plimsoll(work)
            .args(["--pre-push", "origin", "file:///server.git"])
            .write_stdin(line.clone()),
        PROJECT_IDS,
    );
    assert_eq!(
        (code, found),
        (1, vec![("DC001".to_string(), 2, "docker-compose.yml".to_string())])
    );
    let (_, _, stats, stderr) = p.pre_push(line);
    assert!(stderr.contains("push blocked"), "{stderr}");
    assert_eq!(stats["git"]["project_snapshots"], 1);

    // A later commit that edits another line of that file does not report the old service again.
    sb.write(
        work,
        "docker-compose.yml",
        "services:\n  cache:\n    image: redis:7.4\n    restart: unless-stopped\n",
    );
    let edited = sb.commit(work, "restart");
    let line = format!("refs/heads/main {edited} refs/heads/main {service}\n");
    let (code, found) = lint_findings(
        sb.plimsoll(work)
            .args(["--pre-push", "origin", "file:///server.git"])
            .write_stdin(line),
        PROJECT_IDS,
    );
    assert_eq!((code, found.len()), (0, 0), "{found:?}");
}

#[test]
fn a_range_reads_each_unchanged_neighbour_once_and_honours_exclusions() {
    let sb = Sandbox::new();
    let repo = sb.init("repo");
    sb.write(
        &repo,
        "compose.yaml",
        "services:\n  app:\n    build: ./app\n    healthcheck:\n      test: [\"CMD\", \"true\"]\n",
    );
    sb.write(&repo, "app/Dockerfile", "FROM node:22-slim\nUSER node\n");
    let base = sb.commit(&repo, "initial");
    for (i, from) in ["node:22.1-slim", "node:22.2-slim", "node:22.3-slim"]
        .iter()
        .enumerate()
    {
        sb.write(&repo, "app/Dockerfile", &format!("FROM {from}\nUSER node\n"));
        sb.commit(&repo, &format!("bump {i}"));
    }
    let range = format!("{base}..HEAD");
    let out = sb
        .plimsoll(&repo)
        .args(["--range", &range, "--format", "json"])
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    // Three commits judged; the compose file they share is read once.
    assert_eq!(doc["stats"]["git"]["project_snapshots"], 3);
    assert_eq!(doc["stats"]["git"]["project_neighbours_read"], 1);
    let (_, found) = lint_findings(sb.plimsoll(&repo).args(["--range", &range]), PROJECT_IDS);
    assert!(found.is_empty(), "the compose health check answers DF013: {found:?}");
    // An excluded compose file is not part of the project, as the walk leaves it out.
    let (_, found) = lint_findings(
        sb.plimsoll(&repo)
            .args(["--range", &range, "--exclude", "compose.yaml"]),
        PROJECT_IDS,
    );
    assert_eq!(found.len(), 3, "DF013 at each commit's new FROM line: {found:?}");
    assert!(
        found.iter().all(|(id, line, _)| id == "DF013" && *line == 1),
        "{found:?}"
    );
}

#[test]
fn a_range_reads_the_example_file_of_an_includes_project_directory() {
    let sb = Sandbox::new();
    let repo = sb.init("repo");
    sb.write(&repo, "proj/.env.example", "TAG=\n");
    let base = sb.commit(&repo, "initial");
    sb.write(
        &repo,
        "compose.yaml",
        "include:\n  - path: sub/compose.yaml\n    project_directory: proj\n",
    );
    sb.write(
        &repo,
        "sub/compose.yaml",
        "services:\n  a:\n    image: x:${TAG}\n    healthcheck:\n      test: [\"CMD\", \"true\"]\n    command: run ${MODE}\n",
    );
    let added = sb.commit(&repo, "compose");
    let range = format!("{base}..{added}");
    // proj/.env.example documents TAG for the included file (its project directory), not MODE; the range
    // reads it although it is neither beside nor above sub/compose.yaml, as `scan .` does.
    let (_, found) = lint_findings(sb.plimsoll(&repo).args(["--range", &range]), PROJECT_IDS);
    assert_eq!(found, vec![("EN004".to_string(), 6, "sub/compose.yaml".to_string())]);
    let message = message_of(sb.plimsoll(&repo).args(["--range", &range]), "EN004");
    assert!(message.contains("`MODE`") && !message.contains("TAG"), "{message}");
    let (_, on_disk) = lint_findings(&mut scan_in(&sb, &repo), PROJECT_IDS);
    assert_eq!(on_disk, found);
}
