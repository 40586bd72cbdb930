//! CI002: an image pushed only as `:latest` (or untagged, which is `:latest`).

use super::Hit;
use super::commands::{ImageRef, repository_and_tag};
use crate::facts::{BAKE_UNKNOWN, BakeFileFact, BakeRunFact, BakeTagFact, BakeTargetFact, Located};
use crate::finding::{Category, Finding};
use crate::lint::Configured;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

crate::lint::declare_meta! {
    /// ## What it does
    /// In a GitHub Actions workflow, `.gitlab-ci.yml`, shell script or Makefile, groups the image
    /// references that builds (`-t`), `docker tag` and pushes (`docker push`, `buildx build --push`,
    /// `docker/build-push-action` with `push: true`) use by repository, and reports a repository that is
    /// pushed while every tag it gets is `latest` or none. Any other tag counts — `${{ github.sha }}`,
    /// `$CI_COMMIT_SHA`, `$(git rev-parse --short HEAD)`, a version, or a variable whose value cannot be
    /// known (`$TAG`, `${{ steps.meta.outputs.tags }}`). References whose repository is a variable that may
    /// carry a tag (`docker push $IMAGE`) are not judged; `$CI_REGISTRY_IMAGE` carries none.
    ///
    /// Bake files say what to build, not whether it is pushed, so for `docker buildx bake` the rule runs
    /// in the project phase and joins two facts: a CI file, script or Makefile that runs `docker buildx
    /// bake --push` (or `--set *.output=type=registry`), or a `docker/bake-action` step with `push: true`
    /// (or an expression), names the bake files (`-f`, the action's `files:`; bake's default
    /// `docker-bake.{json,hcl}` and `docker-bake.override.*` when none) and targets (groups expanded;
    /// `default` when none); the bake file gives those targets' `tags` (`inherits` followed when a target
    /// sets none). A file named by a workflow is looked up in the repository root (the directory holding
    /// `.github`), by a script in its directory then the one above, by a Makefile or `.gitlab-ci.yml` in
    /// its own. `${VAR}` in a tag takes the `default` of the file's own `variable "VAR"` block and nothing
    /// else (never the environment): a variable with no literal default, or whose default is itself
    /// interpolated (`default = "${GITHUB_SHA}"`), or any expression counts as a tag naming the commit.
    /// `--set PATTERN.tags=…` (the action's `set:`) replaces the file's tags of the targets it matches,
    /// `tags+=` adds to them. A repository a pushed target tags only `latest` is reported at its first tag
    /// in the bake file (or at the `bake` line when the tags come from `--set`, or the target has none),
    /// naming the line that pushes. A bake file that nothing pushes is not reported, and neither is a
    /// run that names a file the scan did not lint as a bake file (a generated one such as
    /// `docker/metadata-action`'s `bake-file`, or one not named `docker-bake*`): that file may set the
    /// tags. A default of `latest` counts as written even when CI sets the variable: give the variable
    /// no default (`variable "SHA" {}`) and it counts as the commit's tag.
    ///
    /// ## Why is this bad?
    /// `latest` moves with every push: a deployment cannot say which build it runs, two hosts pulling at
    /// different times run different code, and rolling back means rebuilding an old commit. A tag per commit
    /// makes every image traceable to its source and every deployment repeatable.
    ///
    /// ## Example
    /// ```text
    /// docker build -t ghcr.io/acme/web:latest .
    /// docker push ghcr.io/acme/web:latest
    /// ```
    ///
    /// A `docker-bake.hcl` that a workflow pushes with `docker buildx bake --push`:
    ///
    /// ```text
    /// variable "TAG" { default = "latest" }
    /// target "default" { tags = ["ghcr.io/acme/web:${TAG}"] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// docker build -t ghcr.io/acme/web:${{ github.sha }} -t ghcr.io/acme/web:latest .
    /// docker push --all-tags ghcr.io/acme/web
    /// ```
    ///
    /// ```text
    /// variable "SHA" {}   # SHA=${{ github.sha }} docker buildx bake --push
    /// target "default" { tags = ["ghcr.io/acme/web:${SHA}", "ghcr.io/acme/web:latest"] }
    /// ```
    ///
    /// ## References
    /// - <https://docs.docker.com/build/ci/github-actions/manage-tags-labels/>
    /// - <https://docs.gitlab.com/ci/variables/predefined_variables/>
    META {
        id: "CI002",
        name: "image-pushed-only-latest",
        severity: Note,
        summary: "An image is pushed only as :latest, without a tag naming the commit.",
        twins: [],
        cwe: [],
        security_severity: 2.0,
        enabled: true,
    }
}

/// Variables that hold a repository without a tag.
const TAGLESS_VARIABLES: &[&str] = &["$CI_REGISTRY_IMAGE", "${CI_REGISTRY_IMAGE}"];

/// Whether a repository as written may already carry a tag (a bare variable such as `$IMAGE`).
fn may_carry_tag(repo: &str) -> bool {
    let last = repo.rsplit('/').next().unwrap_or(repo);
    last.contains('$') && !TAGLESS_VARIABLES.iter().any(|v| repo.ends_with(v))
}

/// Reports each repository of `images` that is pushed only as `latest`.
pub fn check(images: &[ImageRef], out: &mut Vec<Hit>) {
    // Per repository: whether some tag is not `latest`, and the first push.
    let mut repos: BTreeMap<&str, (bool, Option<&ImageRef>)> = BTreeMap::new();
    for i in images {
        if i.reference.is_empty() || i.reference.starts_with('-') {
            continue;
        }
        let (repo, tag) = repository_and_tag(&i.reference);
        if tag.is_none() && may_carry_tag(repo) {
            continue;
        }
        let e = repos.entry(repo).or_insert((false, None));
        if tag.is_some_and(|t| t != "latest") || i.reference.contains('@') {
            e.0 = true;
        }
        if i.pushed && e.1.is_none() {
            e.1 = Some(i);
        }
    }
    let mut firsts: Vec<(&str, &ImageRef)> = repos
        .into_iter()
        .filter_map(|(repo, (other_tag, push))| (!other_tag).then_some((repo, push?)))
        .collect();
    firsts.sort_by_key(|(_, i)| i.range.start);
    for (repo, push) in firsts {
        out.push(Hit {
            range: push.range.clone(),
            message: format!(
                "image `{repo}` is pushed only as `:latest`; tag it with the commit too (`${{{{ github.sha }}}}`, `$CI_COMMIT_SHA` or `$(git rev-parse --short HEAD)`) so a deployment names one build and can roll back"
            ),
            content: repo.to_string(),
        });
    }
}

/// Whether `tag` as written (a `$`, or [`BAKE_UNKNOWN`], standing for a part that cannot be known) names
/// only `latest` (or nothing); its repository then, with unknown parts shown as `…`.
fn latest_only(tag: &str) -> Option<String> {
    if tag.contains('@') {
        return None;
    }
    let unknown = |s: &str| s.contains('$') || s.contains(BAKE_UNKNOWN);
    let (repo, t) = repository_and_tag(tag);
    match t {
        Some(t) if unknown(t) || t != "latest" => None,
        None if unknown(repo.rsplit('/').next().unwrap_or(repo)) => None,
        _ if repo.is_empty() => None,
        _ => Some(repo.replace(BAKE_UNKNOWN, "…")),
    }
}

/// Whether a `--set` pattern (`*`, `app`, `web-*`) matches target `name`.
fn pattern_matches(pattern: &str, name: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == name,
        Some((head, tail)) => {
            name.len() >= head.len() + tail.len() && name.starts_with(head) && {
                let rest = &name[head.len()..];
                if tail.contains('*') { true } else { rest.ends_with(tail) }
            }
        }
    }
}

/// How many `inherits` and group links are followed.
const MAX_DEPTH: usize = 8;
/// How many targets one target's `inherits` may visit.
const MAX_VISITS: usize = 64;

/// The targets of the bake files one run reads, merged in file order (a later file's `tags` win).
struct Merged<'a> {
    targets: BTreeMap<&'a str, Vec<&'a BakeTargetFact>>,
    groups: HashMap<&'a str, &'a [String]>,
}

impl<'a> Merged<'a> {
    /// A target's tags: its own (the last file's that sets them), else its parents'. `Err` when they
    /// cannot be known (or take more than [`MAX_VISITS`] targets to find); `Ok(None)` when it has none.
    fn tags(&self, name: &str, depth: usize, budget: &mut usize) -> Result<Option<&'a [BakeTagFact]>, ()> {
        let Some(defs) = self.targets.get(name) else {
            return Ok(None);
        };
        if *budget == 0 {
            return Err(());
        }
        *budget -= 1;
        for d in defs.iter().rev() {
            if d.tags_unknown {
                return Err(());
            }
            if let Some(t) = &d.tags {
                return Ok(Some(t));
            }
        }
        if depth >= MAX_DEPTH {
            return Err(());
        }
        for d in defs.iter().rev() {
            for parent in &d.inherits {
                if let Some(t) = self.tags(parent, depth + 1, budget)? {
                    return Ok(Some(t));
                }
            }
        }
        Ok(None)
    }

    /// The targets `name` builds: itself, or a group's targets (each group and target taken once).
    fn expand(&self, name: &'a str, depth: usize, seen: &mut HashSet<&'a str>, out: &mut Vec<&'a str>) {
        if let Some((g, members)) = self.groups.get_key_value(name) {
            if depth < MAX_DEPTH && seen.insert(g) {
                for m in members.iter() {
                    self.expand(m, depth + 1, seen, out);
                }
            }
        } else if let Some((n, _)) = self.targets.get_key_value(name)
            && seen.insert(n)
        {
            out.push(n);
        }
    }
}

/// CI002 for bake: joins the pushing `buildx bake` runs with the bake files they read (see the rule's
/// documentation).
pub fn check_bake(rule: &Configured, runs: &mut [BakeRunFact], files: &[BakeFileFact], findings: &mut Vec<Finding>) {
    if runs.is_empty() || files.is_empty() {
        return;
    }
    runs.sort_by(|a, b| (&a.at.path, a.at.line, a.at.column).cmp(&(&b.at.path, b.at.line, b.at.column)));
    let by_path: HashMap<&PathBuf, &BakeFileFact> = files.iter().map(|f| (&f.disk_path, f)).collect();
    let mut reported: HashSet<(String, u32, u32, String)> = HashSet::new();
    // Runs that read the same files the same way are judged once (the first names the push).
    let mut judged: HashSet<String> = HashSet::new();
    for run in runs.iter() {
        if !judged.insert(format!("{:?}{:?}{:?}", run.files, run.targets, run.tag_overrides)) {
            continue;
        }
        let Some(used) = run
            .files
            .iter()
            .filter(|dir| !run.files_named || dir.iter().all(|p| by_path.contains_key(p)))
            .map(|dir| dir.iter().filter_map(|p| by_path.get(p).copied()).collect::<Vec<_>>())
            .find(|v| !v.is_empty())
        else {
            continue;
        };
        let mut merged = Merged {
            targets: BTreeMap::new(),
            groups: HashMap::new(),
        };
        for f in &used {
            for t in &f.targets {
                merged.targets.entry(t.name.as_str()).or_default().push(t);
            }
            for (g, members) in &f.groups {
                merged.groups.insert(g.as_str(), members);
            }
        }
        let (mut targets, mut seen) = (Vec::new(), HashSet::new());
        if run.targets.is_empty() {
            merged.expand("default", 0, &mut seen, &mut targets);
        }
        for t in &run.targets {
            merged.expand(t, 0, &mut seen, &mut targets);
        }
        for target in targets {
            let Ok(file_tags) = merged.tags(target, 0, &mut MAX_VISITS.clone()) else {
                continue;
            };
            let overrides: Vec<_> = run
                .tag_overrides
                .iter()
                .filter(|o| pattern_matches(&o.pattern, target))
                .collect();
            // (tag, where it is written, its line as printed)
            let mut tags: Vec<(&str, &Located, &str)> = Vec::new();
            if !overrides.iter().any(|o| !o.append) {
                tags.extend(
                    file_tags
                        .unwrap_or_default()
                        .iter()
                        .map(|t| (t.value.as_str(), &t.at, t.snippet.as_str())),
                );
            }
            for o in &overrides {
                tags.extend(o.value.split(',').map(|v| (v.trim(), &run.at, run.snippet.as_str())));
            }
            let pushed_by = format!("{}:{}", run.at.path, run.at.line);
            if tags.is_empty() {
                if reported.insert((run.at.path.clone(), run.at.line, run.at.column, format!("\0{target}"))) {
                    findings.push(rule.finding_at(
                        Category::Build,
                        &run.at,
                        format!(
                            "bake target `{target}` has no `tags`, so it is pushed with no tag naming the commit; give it one (`tags = [\"org/app:${{SHA}}\"]` with `variable \"SHA\" {{}}` set from `${{{{ github.sha }}}}`, or `--set {target}.tags=…`)"
                        ),
                        format!("{target}\0").as_bytes(),
                        Some(run.snippet.clone()),
                    ));
                }
                continue;
            }
            // Per repository: whether some tag names more than `latest`, and its first tag.
            let mut repos: BTreeMap<String, (bool, usize)> = BTreeMap::new();
            for (i, (tag, ..)) in tags.iter().enumerate() {
                match latest_only(tag) {
                    Some(repo) => {
                        repos.entry(repo).or_insert((false, i));
                    }
                    None => {
                        let (repo, _) = repository_and_tag(tag);
                        repos.entry(repo.replace(BAKE_UNKNOWN, "…")).or_insert((true, i)).0 = true;
                    }
                }
            }
            let mut flagged: Vec<(String, usize)> = repos
                .into_iter()
                .filter(|(_, (other, _))| !other)
                .map(|(r, (_, i))| (r, i))
                .collect();
            flagged.sort_by_key(|(_, i)| *i);
            for (repo, i) in flagged {
                let (_, at, snippet) = tags[i];
                if !reported.insert((at.path.clone(), at.line, at.column, repo.clone())) {
                    continue;
                }
                findings.push(rule.finding_at(
                    Category::Build,
                    at,
                    format!(
                        "image `{repo}` (bake target `{target}`) is pushed only as `:latest` by the `bake` at {pushed_by}; tag it with the commit too (a `variable` with no default set from `${{{{ github.sha }}}}`/`$CI_COMMIT_SHA`, or `--set {target}.tags=…`) so a deployment names one build and can roll back"
                    ),
                    format!("{repo}\0{target}").as_bytes(),
                    Some(snippet.to_string()),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::ci::testing::ids;

    #[test]
    fn catches() {
        // (path, text, the findings, at the first push of each repository).
        let catches: &[(&str, &str, &[&str])] = &[
            (
                "build.sh",
                "docker build -t acme/web .\ndocker push acme/web\n",
                &["CI002@2:13"],
            ),
            (
                "build.sh",
                "docker build -t acme/web:latest .\ndocker push acme/web:latest\n",
                &["CI002@2:13"],
            ),
            (
                "build.sh",
                "docker buildx build --push -t ghcr.io/acme/web:latest .\n",
                &["CI002@1:31"],
            ),
            // Two repositories: only the one without a commit tag.
            (
                "build.sh",
                "docker build -t acme/api:latest -t acme/api:$(git rev-parse --short HEAD) .\ndocker build -t acme/web:latest .\ndocker push --all-tags acme/api\ndocker push acme/web:latest\n",
                &["CI002@4:13"],
            ),
            (
                "Makefile",
                "push:\n\tdocker build -t acme/web .\n\tdocker push acme/web\n",
                &["CI002@3:14"],
            ),
            (
                ".gitlab-ci.yml",
                "b:\n  script:\n    - docker build -t $CI_REGISTRY_IMAGE .\n    - docker push $CI_REGISTRY_IMAGE\n",
                &["CI002@4:19"],
            ),
            (
                ".github/workflows/ci.yml",
                "jobs:\n  b:\n    steps:\n      - run: |\n          docker build -t ghcr.io/acme/web:latest .\n          docker push ghcr.io/acme/web:latest\n",
                &["CI002@6:23"],
            ),
            (
                ".github/workflows/ci.yml",
                "jobs:\n  b:\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          tags: acme/web:latest\n",
                &["CI002@7:17"],
            ),
            // `tags:` as a YAML list, and as a block with a tag per line for two repositories.
            (
                ".github/workflows/ci.yml",
                "jobs:\n  b:\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          tags:\n            - acme/web:latest\n            - acme/web\n",
                &["CI002@8:15"],
            ),
            (
                ".github/workflows/ci.yml",
                "jobs:\n  b:\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          push: ${{ github.event_name != 'pull_request' }}\n          tags: |\n            acme/api:${{ github.sha }}\n            acme/api:latest\n            acme/web:latest\n",
                &["CI002@10:13"],
            ),
        ];
        let wrong: Vec<String> = catches
            .iter()
            .filter(|(path, text, want)| ids(path, text) != *want)
            .map(|(path, text, want)| format!("{path}: {text:?}: got {:?}, want {want:?}", ids(path, text)))
            .collect();
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn passes() {
        let passes = [
            // A tag naming the commit, however it is written.
            (
                "build.sh",
                "docker build -t acme/web:latest -t acme/web:$(git rev-parse --short HEAD) .\ndocker push --all-tags acme/web\n",
            ),
            (
                "build.sh",
                "docker build -t acme/web:latest .\ndocker tag acme/web:latest acme/web:$GITHUB_SHA\ndocker push acme/web:latest\ndocker push acme/web:$GITHUB_SHA\n",
            ),
            (
                "build.sh",
                "docker buildx build --push -t acme/web:`git rev-parse HEAD` -t acme/web:latest .\n",
            ),
            (
                ".gitlab-ci.yml",
                "b:\n  script:\n    - docker build -t $CI_REGISTRY_IMAGE:$CI_COMMIT_SHA -t $CI_REGISTRY_IMAGE:latest .\n    - docker push $CI_REGISTRY_IMAGE:latest\n",
            ),
            (
                ".gitlab-ci.yml",
                "b:\n  script:\n    - docker build -t \"$CI_REGISTRY_IMAGE:${CI_COMMIT_SHORT_SHA}\" .\n    - docker push \"$CI_REGISTRY_IMAGE:${CI_COMMIT_SHORT_SHA}\"\n",
            ),
            (
                ".github/workflows/ci.yml",
                "jobs:\n  b:\n    steps:\n      - run: |\n          docker build -t ghcr.io/acme/web:${{ github.sha }} -t ghcr.io/acme/web:latest .\n          docker push --all-tags ghcr.io/acme/web\n",
            ),
            (
                ".github/workflows/ci.yml",
                "jobs:\n  b:\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          tags: |\n            acme/web:latest\n            acme/web:${{ github.sha }}\n",
            ),
            (
                ".github/workflows/ci.yml",
                "jobs:\n  b:\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          tags:\n            - acme/web:latest\n            - acme/web:${{ github.sha }}\n",
            ),
            // A version tag counts as well; so does a digest.
            (
                "build.sh",
                "docker build -t acme/web:1.4.2 .\ndocker push acme/web:1.4.2\n",
            ),
            (
                "build.sh",
                "docker push acme/web@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n",
            ),
            // Built but never pushed; pushed but not as `latest` only; tags that cannot be known.
            ("build.sh", "docker build -t acme/web:latest .\n"),
            ("build.sh", "docker push $IMAGE\n"),
            (
                ".github/workflows/ci.yml",
                "jobs:\n  b:\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          push: false\n          tags: acme/web:latest\n",
            ),
            (
                ".github/workflows/ci.yml",
                "jobs:\n  b:\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          tags: ${{ steps.meta.outputs.tags }}\n",
            ),
            // A bake file alone is not judged: bake files say what to build; whether it is pushed is
            // decided where `docker buildx bake` runs (the project phase joins the two, see
            // `bake_tests`).
            (
                "docker-bake.hcl",
                "target \"app\" {\n  tags = [\"acme/web:latest\"]\n}\n",
            ),
            (
                "docker-bake.json",
                "{\"target\": {\"app\": {\"tags\": [\"acme/web:latest\"], \"output\": [\"type=registry\"]}}}\n",
            ),
            // A commented-out push.
            ("build.sh", "docker build -t acme/web .\n# docker push acme/web\n"),
        ];
        for (path, text) in passes {
            assert!(ids(path, text).is_empty(), "{path}:\n{text}\n{:?}", ids(path, text));
        }
    }
}

/// CI002 on bake files: the project phase over a CI file and the bake files it pushes.
#[cfg(test)]
mod bake_tests {
    use crate::analyzer::{Analyzer, Emitted, FileInput};
    use crate::ci::CiAnalyzer;
    use crate::lint::LinterConfig;
    use crate::project::ProjectRules;
    use std::path::Path;

    /// `CI002@path:line:column` of every CI002 finding over `files` (linted as the walk would, each at
    /// its own path as disk path), after the project phase.
    fn ci002(files: &[(&str, &str)]) -> Vec<String> {
        let ci = CiAnalyzer::new(&LinterConfig::default());
        let (mut findings, mut facts) = (Vec::new(), Vec::new());
        for (path, text) in files {
            let input = FileInput {
                path,
                data: text.as_bytes(),
                explicit: false,
                disk_path: Some(Path::new(path)),
                secrets: &[],
                snapshot: None,
            };
            assert!(ci.takes(&input), "{path}");
            ci.analyze(
                &input,
                &mut Emitted {
                    findings: &mut findings,
                    facts: &mut facts,
                },
            );
        }
        ProjectRules::default().run(facts, &mut findings);
        findings
            .iter()
            .filter(|f| &*f.rule_id == "CI002")
            .map(|f| format!("CI002@{}:{}:{}", f.path, f.span.line, f.span.column))
            .collect()
    }

    const WF: &str = ".github/workflows/ci.yml";
    /// `bake` at 4:28.
    const WF_PUSH: &str = "jobs:\n  b:\n    steps:\n      - run: docker buildx bake --push\n";
    /// The tag at 3:12.
    const HCL_LATEST: &str =
        "group \"default\" { targets = [\"app\"] }\ntarget \"app\" {\n  tags = [\"acme/app:latest\"]\n}\n";

    fn action(with: &str) -> String {
        format!("jobs:\n  b:\n    steps:\n      - uses: docker/bake-action@v6\n        with:\n{with}")
    }

    #[test]
    fn catches() {
        let bake_action =
            action("          push: true\n          files: cwd://docker-bake.hcl\n          targets: app\n");
        // (files, the findings)
        type Case<'a> = (&'a [(&'a str, &'a str)], &'a [&'a str]);
        let catches: &[Case] = &[
            // HCL, and the same in JSON.
            (
                &[(WF, WF_PUSH), ("docker-bake.hcl", HCL_LATEST)],
                &["CI002@docker-bake.hcl:3:12"],
            ),
            (
                &[
                    (WF, WF_PUSH),
                    (
                        "docker-bake.json",
                        "{\n  \"group\": {\"default\": {\"targets\": [\"web\"]}},\n  \"target\": {\n    \"web\": {\n      \"tags\": [\"ghcr.io/acme/web\"]\n    }\n  }\n}\n",
                    ),
                ],
                &["CI002@docker-bake.json:5:17"],
            ),
            // A variable whose own default is latest; the registry may be anything.
            (
                &[
                    (WF, WF_PUSH),
                    (
                        "docker-bake.hcl",
                        "variable \"REGISTRY\" {}\nvariable \"TAG\" {\n  default = \"latest\"\n}\ntarget \"default\" {\n  tags = [\"${REGISTRY}/app:${TAG}\"]\n}\n",
                    ),
                ],
                &["CI002@docker-bake.hcl:6:12"],
            ),
            // No tags at all: at the line that pushes.
            (
                &[
                    (WF, WF_PUSH),
                    ("docker-bake.hcl", "target \"default\" {\n  context = \".\"\n}\n"),
                ],
                &["CI002@.github/workflows/ci.yml:4:28"],
            ),
            // Tags from a parent target.
            (
                &[
                    (WF, WF_PUSH),
                    (
                        "docker-bake.hcl",
                        "target \"base\" {\n  tags = [\"acme/app:latest\"]\n}\ntarget \"default\" {\n  inherits = [\"base\"]\n}\n",
                    ),
                ],
                &["CI002@docker-bake.hcl:2:12"],
            ),
            // Only the target without a commit tag; a named target, not the default group.
            (
                &[
                    ("build.sh", "docker buildx bake -f docker-bake.hcl --push api web\n"),
                    (
                        "docker-bake.hcl",
                        "variable \"SHA\" {}\ntarget \"api\" { tags = [\"acme/api:${SHA}\", \"acme/api:latest\"] }\ntarget \"web\" { tags = [\"acme/web:latest\"] }\n",
                    ),
                ],
                &["CI002@docker-bake.hcl:3:25"],
            ),
            // A script one directory down runs from the root.
            (
                &[
                    (
                        "scripts/release.sh",
                        "#!/bin/sh\ndocker buildx bake --file docker-bake.hcl --push\n",
                    ),
                    ("docker-bake.hcl", HCL_LATEST),
                ],
                &["CI002@docker-bake.hcl:3:12"],
            ),
            // `--set` replaces the tags with latest ones: at the line that pushes.
            (
                &[
                    (
                        "Makefile",
                        "push:\n\tdocker buildx bake --push --set '*.tags=acme/app:latest'\n",
                    ),
                    (
                        "docker-bake.hcl",
                        "variable \"SHA\" {}\ntarget \"default\" { tags = [\"acme/app:${SHA}\"] }\n",
                    ),
                ],
                &["CI002@Makefile:2:16"],
            ),
            // docker/bake-action with push: true (at its `uses:` value).
            (
                &[(WF, &bake_action), ("docker-bake.hcl", HCL_LATEST)],
                &["CI002@docker-bake.hcl:3:12"],
            ),
            // A GitLab job pushing through an output override.
            (
                &[
                    (
                        ".gitlab-ci.yml",
                        "b:\n  script:\n    - docker buildx bake --set \"*.output=type=registry\"\n",
                    ),
                    ("docker-bake.hcl", HCL_LATEST),
                ],
                &["CI002@docker-bake.hcl:3:12"],
            ),
        ];
        let wrong: Vec<String> = catches
            .iter()
            .filter(|(files, want)| ci002(files) != *want)
            .map(|(files, want)| format!("{files:?}: got {:?}, want {want:?}", ci002(files)))
            .collect();
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn passes() {
        let sha_var =
            "variable \"SHA\" {}\ntarget \"default\" {\n  tags = [\"acme/app:latest\", \"acme/app:${SHA}\"]\n}\n";
        let passes: Vec<Vec<(&str, String)>> = vec![
            // A variable with no default, or one defaulting to an environment reference.
            vec![(WF, WF_PUSH.into()), ("docker-bake.hcl", sha_var.into())],
            vec![
                (WF, WF_PUSH.into()),
                (
                    "docker-bake.hcl",
                    "variable \"TAG\" { default = \"${GITHUB_SHA}\" }\ntarget \"default\" { tags = [\"acme/app:${TAG}\"] }\n".into(),
                ),
            ],
            vec![
                (WF, WF_PUSH.into()),
                (
                    "docker-bake.json",
                    "{\"variable\": {\"TAG\": {}}, \"target\": {\"default\": {\"tags\": [\"acme/app:${TAG}\"]}}}\n".into(),
                ),
            ],
            // `--set` with the commit's tag, replacing (the file's latest-only repository is not pushed)
            // or adding.
            vec![
                (
                    WF,
                    "jobs:\n  b:\n    steps:\n      - run: docker buildx bake --push --set \"*.tags=ghcr.io/acme/app:${{ github.sha }}\"\n".into(),
                ),
                ("docker-bake.hcl", HCL_LATEST.into()),
            ],
            vec![
                ("build.sh", "docker buildx bake --push --set app.tags+=acme/app:$GITHUB_SHA\n".into()),
                ("docker-bake.hcl", HCL_LATEST.into()),
            ],
            vec![
                (
                    WF,
                    action("          push: true\n          set: |\n            *.tags=acme/app:${{ github.sha }}\n"),
                ),
                ("docker-bake.hcl", HCL_LATEST.into()),
            ],
            // Not pushed: bake-action with push: false, a bake without --push, one that only prints, and
            // a bake file nothing runs.
            vec![(WF, action("          push: false\n")), ("docker-bake.hcl", HCL_LATEST.into())],
            vec![
                ("build.sh", "docker buildx bake\ndocker buildx bake --print --push\n".into()),
                ("docker-bake.hcl", HCL_LATEST.into()),
            ],
            vec![("docker-bake.hcl", HCL_LATEST.into())],
            // The pushed target is not the latest-only one; the bake file read is elsewhere.
            vec![
                ("build.sh", "docker buildx bake --push api\n".into()),
                (
                    "docker-bake.hcl",
                    "target \"api\" { tags = [\"acme/api:1.2\"] }\ntarget \"web\" { tags = [\"acme/web:latest\"] }\n".into(),
                ),
            ],
            vec![(WF, WF_PUSH.into()), ("sub/dir/docker-bake.hcl", HCL_LATEST.into())],
            // docker/metadata-action's bake file gives the tags; a named file the walk did not see may
            // (both: the target has none here); a remote bake definition.
            vec![
                (
                    WF,
                    action(
                        "          push: true\n          files: |\n            ./docker-bake.hcl\n            cwd://${{ steps.meta.outputs.bake-file }}\n          targets: build\n",
                    ),
                ),
                (
                    "docker-bake.hcl",
                    "target \"docker-metadata-action\" {}\ntarget \"build\" {\n  inherits = [\"docker-metadata-action\"]\n}\n".into(),
                ),
            ],
            vec![
                ("build.sh", "docker buildx bake -f docker-bake.hcl -f meta.json --push build\n".into()),
                (
                    "docker-bake.hcl",
                    "target \"docker-metadata-action\" {}\ntarget \"build\" {\n  inherits = [\"docker-metadata-action\"]\n}\n".into(),
                ),
            ],
            vec![
                ("build.sh", "docker buildx bake --push https://github.com/acme/app.git#main app\n".into()),
                ("docker-bake.hcl", HCL_LATEST.into()),
            ],
            // Tags that are an expression; a remote source.
            vec![
                (WF, WF_PUSH.into()),
                (
                    "docker-bake.hcl",
                    "target \"default\" { tags = concat([\"acme/app:latest\"], extra) }\n".into(),
                ),
            ],
            vec![
                (
                    WF,
                    action("          push: true\n          source: https://github.com/acme/app.git#main\n"),
                ),
                ("docker-bake.hcl", HCL_LATEST.into()),
            ],
        ];
        for files in &passes {
            let files: Vec<(&str, &str)> = files.iter().map(|(p, t)| (*p, t.as_str())).collect();
            assert!(ci002(&files).is_empty(), "{files:?}: {:?}", ci002(&files));
        }
    }
}

/// Long `inherits` chains and wide groups are joined in bounded time.
#[cfg(test)]
mod bake_limits {
    #[test]
    fn long_chains_and_wide_groups() {
        let n = 20_000;
        let mut hcl: String = (0..n)
            .map(|i| format!("target \"t{i}\" {{ inherits = [\"t{}\", \"t{}\"] }}\n", i + 1, i + 2))
            .collect();
        hcl.push_str(&format!("target \"t{n}\" {{ tags = [\"acme/app:latest\"] }}\n"));
        let members: Vec<String> = (0..n).map(|i| format!("\"t{i}\"")).collect();
        hcl.push_str(&format!("group \"default\" {{ targets = [{}] }}\n", members.join(", ")));
        hcl.push_str(&format!(
            "group \"g\" {{ targets = [{}] }}\n",
            ["\"default\""; 50].join(", ")
        ));
        let start = std::time::Instant::now();
        let mut findings = Vec::new();
        let cfg = crate::lint::LinterConfig::default();
        let rule = cfg.configure(&super::META).unwrap();
        let file = super::super::bake::read("docker-bake.hcl", &hcl, true);
        let files = [crate::facts::BakeFileFact {
            disk_path: "docker-bake.hcl".into(),
            targets: file.targets,
            groups: file.groups,
        }];
        let mut runs = vec![crate::facts::BakeRunFact {
            at: crate::facts::Located {
                path: "build.sh".into(),
                line: 1,
                column: 1,
                end_column: 2,
            },
            files: vec![vec!["docker-bake.hcl".into()]],
            files_named: true,
            targets: vec!["g".into(), "default".into()],
            tag_overrides: Vec::new(),
            snippet: String::new(),
        }];
        super::check_bake(&rule, &mut runs, &files, &mut findings);
        assert!(
            start.elapsed() < std::time::Duration::from_secs(10),
            "{:?}",
            start.elapsed()
        );
        // The targets close to the tagged one find its tag; the others give up (their tags are unknown).
        assert!(!findings.is_empty());
    }
}
