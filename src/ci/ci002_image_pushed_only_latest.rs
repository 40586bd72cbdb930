//! CI002: an image pushed only as `:latest` (or untagged, which is `:latest`).

use super::Hit;
use super::commands::{ImageRef, repository_and_tag};
use std::collections::BTreeMap;

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
    /// ## Use instead
    /// ```text
    /// docker build -t ghcr.io/acme/web:${{ github.sha }} -t ghcr.io/acme/web:latest .
    /// docker push --all-tags ghcr.io/acme/web
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

#[cfg(test)]
mod tests {
    use crate::ci::CiAnalyzer;
    use crate::lint::LinterConfig;

    /// `rule@line:column` of every finding the build-command analyzer gives `text` at `path`.
    fn ids(path: &str, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        CiAnalyzer::new(&LinterConfig::default()).lint(path, text.as_bytes(), &[], &mut out);
        out.iter()
            .map(|f| format!("{}@{}:{}", f.rule_id, f.span.line, f.span.column))
            .collect()
    }

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
            // A bake file's tags are not judged: bake files say what to build; whether it is pushed is
            // decided where `docker buildx bake` runs.
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
