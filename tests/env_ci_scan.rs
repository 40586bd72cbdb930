//! `.env` and build-command rules end to end, in a temporary git repository holding a compose file, the
//! Dockerfile it builds, a `.gitignore`, a tracked `.env` the `.gitignore` hides, an example file, a
//! workflow, a script and a bake file: EN002 from the index, EN003, EN004 and EN005 across files, CI001
//! and CI002 in every kind of file, and the exclude globs on files the walk never visited.

use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use std::path::Path;

mod common;

fn git(dir: &Path, args: &[&str]) {
    common::git::run_git(common::git::git_command(dir, args), args);
}

const COMPOSE: &str = "services:
  api:
    build: ./api
    env_file:
      - .env
      - ./config/api.env
    environment:
      DB_HOST: ${DB_HOST}
      DB_PASSWORD: ${DB_PASSWORD:?set it}
      LOG_LEVEL: ${LOG_LEVEL:-info}
      WORKDIR: ${PWD}
    healthcheck:
      test: [\"CMD\", \"/api\", \"--ping\"]
";

const WORKFLOW: &str = "name: release
on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - run: |
          docker build \\
            --build-arg NPM_TOKEN=${{ secrets.NPM_TOKEN }} \\
            -t ghcr.io/acme/api:latest ./api
          docker push ghcr.io/acme/api:latest
      - uses: docker/build-push-action@v6
        with:
          push: true
          build-args: |
            VERSION=1.2
            SENTRY_AUTH_TOKEN=${{ secrets.SENTRY }}
          tags: |
            ghcr.io/acme/worker:latest
            ghcr.io/acme/worker:${{ github.sha }}
";

/// The repository: `.env` committed before `.gitignore` listed it, `config/api.env` tracked, the rest as a
/// careful team would have it.
fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    fs::write(p.join("compose.yaml"), COMPOSE).unwrap();
    fs::create_dir_all(p.join("api")).unwrap();
    fs::write(p.join("api/Dockerfile"), "FROM alpine:3.20\nUSER nobody\n").unwrap();
    fs::create_dir_all(p.join("config")).unwrap();
    fs::write(p.join("config/api.env"), "API_MODE=prod\n").unwrap();
    fs::write(p.join(".env"), "DB_PASSWORD=\n").unwrap();
    fs::write(
        p.join(".env.example"),
        "DB_HOST=\n# LOG_LEVEL=info\nSESSION_SECRET=q7Rz2vXk9LmP4tWs\n", // plimsoll:allow -- made-up test value
    )
    .unwrap();
    fs::create_dir_all(p.join(".github/workflows")).unwrap();
    fs::write(p.join(".github/workflows/release.yml"), WORKFLOW).unwrap();
    fs::write(
        p.join("build.sh"),
        "#!/bin/sh\nset -e\ndocker buildx build --build-arg GITHUB_TOKEN -t acme/tool:$(git rev-parse --short HEAD) --push .\n",
    )
    .unwrap();
    fs::write(
        p.join("docker-bake.hcl"),
        "target \"api\" {\n  context = \"./api\"\n  args = {\n    VERSION = \"1.2\"\n    DB_PASSWORD = \"${DB_PASSWORD}\"\n  }\n}\n",
    )
    .unwrap();
    git(p, &["init", "-q", "-b", "main"]);
    git(p, &["add", ".env", "config/api.env", "compose.yaml"]);
    git(p, &["commit", "-q", "-m", "start"]);
    fs::write(p.join(".gitignore"), ".env\n").unwrap();
    dir
}

fn findings(dir: &Path, extra: &[&str]) -> Vec<Value> {
    let out = Command::cargo_bin("plimsoll")
        .unwrap()
        .current_dir(dir)
        .args(["scan", ".", "--format", "json", "-q", "--no-config"])
        .args(extra)
        .output()
        .unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)), "{out:?}");
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    doc["findings"].as_array().unwrap().clone()
}

fn at(f: &[Value], rule: &str) -> Vec<(String, u64, u64)> {
    f.iter()
        .filter(|x| x["rule_id"] == rule)
        .map(|x| {
            (
                x["path"].as_str().unwrap().to_string(),
                x["line"].as_u64().unwrap(),
                x["column"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn message(f: &[Value], rule: &str) -> String {
    f.iter()
        .find(|x| x["rule_id"] == rule)
        .map(|x| x["message"].as_str().unwrap().to_string())
        .unwrap_or_default()
}

#[test]
fn env_rules_across_compose_gitignore_index_and_example() {
    let dir = repo();
    let f = findings(dir.path(), &[]);
    // The tracked `.env` is hidden from the walk by .gitignore, yet the index says it is committed.
    assert_eq!(at(&f, "EN002"), vec![(".env".to_string(), 1, 1)], "{f:?}");
    assert!(message(&f, "EN002").contains("although .gitignore ignores it"), "{f:?}");
    // Ignored, so no EN001; tracked `config/api.env` is not a `.env*` file: no EN002 for it.
    assert!(at(&f, "EN001").is_empty(), "{f:?}");
    // Both env_file entries load tracked files.
    let en005 = at(&f, "EN005");
    assert_eq!(
        en005,
        vec![("compose.yaml".to_string(), 5, 9), ("compose.yaml".to_string(), 6, 9)],
        "{f:?}"
    );
    // DB_PASSWORD (required, not documented) is reported; DB_HOST is documented, LOG_LEVEL has a default
    // (and is documented commented out), PWD is the shell's.
    assert_eq!(at(&f, "EN004"), vec![("compose.yaml".to_string(), 9, 20)], "{f:?}");
    assert!(message(&f, "EN004").contains("`DB_PASSWORD`") && message(&f, "EN004").contains(".env.example"));
    // The example file holds a real-looking session secret: one finding, EN003's or the secret rules' (then
    // saying what EN003 says).
    let on_3: Vec<&Value> = f
        .iter()
        .filter(|x| x["path"] == ".env.example" && x["line"] == 3)
        .collect();
    assert_eq!(on_3.len(), 1, "{on_3:?}");
    assert!(
        on_3[0]["rule_id"] == "EN003"
            || on_3[0]["message"]
                .as_str()
                .unwrap()
                .contains("example files document names, not values"),
        "{on_3:?}"
    );
    assert!(!serde_json::to_string(&f).unwrap().contains("q7Rz2vXk9LmP4tWs")); // plimsoll:allow -- made-up test value

    // Untracked and not ignored: EN001 instead.
    git(dir.path(), &["rm", "-q", "--cached", ".env"]);
    fs::write(dir.path().join(".gitignore"), "node_modules\n").unwrap();
    let f = findings(dir.path(), &[]);
    assert!(at(&f, "EN002").is_empty(), "{f:?}");
    assert_eq!(at(&f, "EN001"), vec![(".env".to_string(), 1, 1)], "{f:?}");
    assert_eq!(at(&f, "EN005").len(), 1, "only config/api.env is still tracked: {f:?}");
}

#[test]
fn files_the_walk_never_visited_obey_excludes() {
    let dir = repo();
    fs::create_dir_all(dir.path().join("fixtures")).unwrap();
    fs::write(dir.path().join("fixtures/.env"), "A=1\n").unwrap();
    git(dir.path(), &["add", "-f", "fixtures/.env"]);
    let f = findings(dir.path(), &[]);
    assert!(at(&f, "EN002").iter().any(|(p, ..)| p == "fixtures/.env"), "{f:?}");
    let f = findings(dir.path(), &["--exclude", "fixtures/**"]);
    assert!(!at(&f, "EN002").iter().any(|(p, ..)| p == "fixtures/.env"), "{f:?}");
    assert!(at(&f, "EN002").iter().any(|(p, ..)| p == ".env"), "{f:?}");
}

#[test]
fn build_command_rules_in_workflows_scripts_and_bake_files() {
    let dir = repo();
    let f = findings(dir.path(), &[]);
    let ci001 = at(&f, "CI001");
    for expected in [
        (".github/workflows/release.yml", 9, 25),
        (".github/workflows/release.yml", 17, 13),
        ("build.sh", 3, 33),
        ("docker-bake.hcl", 5, 5),
    ] {
        assert!(
            ci001.contains(&(expected.0.to_string(), expected.1, expected.2)),
            "{expected:?} not in {ci001:?}"
        );
    }
    assert_eq!(ci001.len(), 4, "{ci001:?}");
    let m = message(&f, "CI001");
    assert!(m.contains("RUN --mount=type=secret"), "{m}");
    // api is pushed only as :latest; worker also gets the commit's tag; the script tags with git rev-parse.
    assert_eq!(
        at(&f, "CI002"),
        vec![(".github/workflows/release.yml".to_string(), 11, 23)],
        "{f:?}"
    );
    // `plimsoll explain` knows the new rules.
    let out = Command::cargo_bin("plimsoll")
        .unwrap()
        .args(["explain", "CI001"])
        .output()
        .unwrap();
    let doc = String::from_utf8(out.stdout).unwrap();
    assert!(doc.contains("## Use instead") && doc.contains("--secret id="), "{doc}");
    let out = Command::cargo_bin("plimsoll")
        .unwrap()
        .args(["explain", "en002"])
        .output()
        .unwrap();
    assert!(String::from_utf8(out.stdout).unwrap().contains("git rm --cached"));
}

/// CI002 for `docker buildx bake`: a workflow pushes the default group of the root bake file through
/// `docker/bake-action`, and a script pushes `ci/docker-bake.json` with a `--set` commit tag; the finding
/// sits at the bake file's latest-only tag and names the workflow line. A bake file nothing pushes gets
/// nothing, whatever its tags.
#[test]
fn bake_files_pushed_from_ci_are_judged_at_their_tags() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    let write = |rel: &str, text: &str| {
        let path = p.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    };
    write(
        ".github/workflows/images.yml",
        "on: push\njobs:\n  images:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/setup-buildx-action@v3\n      - uses: docker/bake-action@v6\n        with:\n          files: docker-bake.hcl\n          push: ${{ github.ref == 'refs/heads/main' }}\n",
    );
    write(
        "docker-bake.hcl",
        "variable \"TAG\" {\n  default = \"latest\"\n}\nvariable \"SHA\" {}\n\ngroup \"default\" {\n  targets = [\"web\", \"api\"]\n}\n\ntarget \"web\" {\n  context = \"./web\"\n  tags = [\"ghcr.io/acme/web:${TAG}\"]\n}\n\ntarget \"api\" {\n  context = \"./api\"\n  tags = [\"ghcr.io/acme/api:${TAG}\", \"ghcr.io/acme/api:${SHA}\"]\n}\n",
    );
    write(
        "scripts/release.sh",
        "#!/bin/sh\nset -e\ndocker buildx bake -f ci/docker-bake.json --push --set \"worker.tags=ghcr.io/acme/worker:$(git rev-parse --short HEAD)\" worker\n",
    );
    write(
        "ci/docker-bake.json",
        "{\n  \"target\": {\n    \"worker\": {\n      \"tags\": [\"ghcr.io/acme/worker:latest\"]\n    }\n  }\n}\n",
    );
    write(
        "tools/docker-bake.hcl",
        "target \"default\" {\n  tags = [\"acme/tools:latest\"]\n}\n",
    );
    let f = findings(p, &[]);
    assert_eq!(at(&f, "CI002"), vec![("docker-bake.hcl".to_string(), 12, 12)], "{f:?}");
    let m = message(&f, "CI002");
    assert!(
        m.contains("`ghcr.io/acme/web`")
            && m.contains("bake target `web`")
            && m.contains(".github/workflows/images.yml:7"),
        "{m}"
    );
}
