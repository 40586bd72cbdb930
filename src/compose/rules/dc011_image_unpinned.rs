//! DC011: `image:` without a tag, or with `latest` (also through `${TAG:-latest}`).

use super::{Context, Hit};
use crate::compose::model::resolved;
use crate::dockerfile::image::ImageRef;

rule! {
    /// ## What it does
    /// Reports services whose `image:` has no tag (which means `latest`) or the tag `latest`, also when the
    /// tag comes from an interpolation default such as `postgres:${PG_TAG:-latest}`. Images pinned by
    /// digest pass. Services that also `build:` are skipped: there `image:` names the image compose builds.
    /// Images whose name or tag is decided by a variable without a default are not judged. The Compose twin
    /// of DF002.
    ///
    /// ## Why is this bad?
    /// `latest` is whatever was pushed last: two machines running the same file run different software, a
    /// major upgrade arrives unannounced on the next `docker compose pull`, and a rollback has nothing to
    /// roll back to.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   db:
    ///     image: postgres
    ///   cache:
    ///     image: redis:${REDIS_TAG:-latest}
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   db:
    ///     image: postgres:17.2
    ///   cache:
    ///     image: redis:${REDIS_TAG:-7.4}
    /// ```
    ///
    /// ## References
    /// - <https://docs.docker.com/reference/compose-file/services/#image>
    /// - <https://docs.docker.com/reference/cli/docker/image/tag/>
    ///
    /// ## Differences from compose-lint
    /// On compose-real CL-0004 and DC011 agree on 281 images; 61 lines are compose-lint's only, all
    /// deliberate: `image:` of a service that also has `build:` (28: appwrite's `appwrite-dev`, sentry's
    /// `*-self-hosted-local`…) names the image compose builds, it is not pulled; an image that is one
    /// variable (`${OIG_IMAGE}`, 29) carries its tag in the value, which plimsoll does not resolve; and a
    /// named channel tag (`:dev`, `:stable`, 4) is a choice the file states — DC011 reports only `latest`
    /// and no tag, the twin of DF002/DL3007.
    ImageUnpinned {
        id: "DC011",
        name: "image-unpinned",
        severity: Warning,
        summary: "A service image has no tag or uses latest.",
        twins: ["compose-lint:CL-0004", "hadolint:DL3007"],
        cwe: ["CWE-1357"],
        security_severity: 4.0,
        enabled: true,
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Hit>) {
    for s in &cx.file.services {
        if s.get("build").is_some() {
            continue;
        }
        let Some(e) = s.entry("image") else { continue };
        let Some(written) = e.value.as_str() else { continue };
        let Some(image) = resolved(written) else { continue };
        let Some(r) = ImageRef::parse(&image) else { continue };
        if r.digest.is_some() {
            continue;
        }
        let why = match r.tag.as_deref() {
            None => "has no tag (so it means `latest`)".to_string(),
            Some("latest") if written.contains('$') => "defaults to the tag `latest`".to_string(),
            Some("latest") => "uses the tag `latest`".to_string(),
            Some(_) => continue,
        };
        out.push(Hit::at_entry(
            s,
            e,
            format!("image `{written}` {why}; pin a version (or a digest) so every machine runs the same image"),
            written,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, hits, passes};

    #[test]
    fn table() {
        assert_eq!(catches("DC011", "services:\n  db:\n    image: postgres\n"), [3]);
        catches("DC011", "services:\n  db:\n    image: \"postgres:latest\"\n");
        catches("DC011", "services:\n  db:\n    image: ghcr.io/acme/app\n");
        catches("DC011", "services:\n  db:\n    image: redis:${REDIS_TAG:-latest}\n");
        catches("DC011", "services:\n  db:\n    image: ${IMAGE:-nginx}\n");
        catches("DC011", "x-img: &img\n  image: mongo\nservices:\n  db:\n    <<: *img\n");
        passes("DC011", "services:\n  db:\n    image: postgres:17.2\n");
        passes(
            "DC011",
            "services:\n  db:\n    image: postgres@sha256:0000000000000000000000000000000000000000000000000000000000000000\n",
        );
        passes("DC011", "services:\n  db:\n    image: redis:${REDIS_TAG}\n");
        passes("DC011", "services:\n  db:\n    image: localhost:5000/app:1.2\n");
        passes("DC011", "services:\n  app:\n    build: .\n    image: acme/app\n");
        let h = hits("DC011", "services:\n  db:\n    image: redis:${REDIS_TAG:-latest}\n");
        assert!(h[0].message.contains("defaults to"));
    }
}
