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
