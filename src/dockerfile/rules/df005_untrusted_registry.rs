//! DF005: a base image from a registry outside `[dockerfile] trusted-registries`.

use super::{Context, Hit};
use crate::dockerfile::image::{DOCKER_HUB, ImageRef};
use crate::dockerfile::model::Base;

rule! {
    /// ## What it does
    /// When `.plimsoll.toml` lists `[dockerfile] trusted-registries`, reports `FROM` images from any other
    /// registry. An entry is a registry (`registry.example.com`, `docker.io` for Docker Hub) or a
    /// registry path prefix (`ghcr.io/my-org`). Without the setting the rule reports nothing.
    ///
    /// ## Why is this bad?
    /// Base images are code you run with full trust. Organisations mirror and scan approved images in their
    /// own registry; a `FROM` that bypasses it bypasses that review.
    ///
    /// ## Example
    /// ```dockerfile
    /// # with trusted-registries = ["registry.example.com"]
    /// FROM quay.io/someone/tool:1.0
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM registry.example.com/mirror/tool:1.0
    /// ```
    UntrustedRegistry {
        id: "DF005",
        name: "untrusted-registry",
        severity: Warning,
        summary: "A base image comes from a registry that is not trusted.",
        twins: ["hadolint:DL3026"],
        cwe: ["CWE-829"],
        security_severity: 5.0,
        enabled: true,
    }
}

/// Whether `r` comes from one of `trusted`.
pub(crate) fn trusted(r: &ImageRef, trusted: &[String]) -> bool {
    let full = r.full_name();
    trusted.iter().any(|t| {
        let t = t.trim().trim_end_matches('/').to_ascii_lowercase();
        let t = if t == "hub.docker.com" || t == "index.docker.io" {
            DOCKER_HUB.to_string()
        } else {
            t
        };
        r.registry == t || full.starts_with(&format!("{t}/"))
    })
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    let list = &cx.settings.trusted_registries;
    if list.is_empty() {
        return;
    }
    for s in &cx.model.stages {
        if let Base::Image(r) = &s.base
            && !trusted(r, list)
        {
            out.push(Hit::new(
                s.from,
                format!(
                    "base image `{}` comes from `{}`, which is not in trusted-registries; use a mirror in {}",
                    s.image_raw,
                    r.registry,
                    list.join(", ")
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::hits_with;
    use super::super::{IgnoreFile, Settings};

    fn hits(text: &str, trusted: &[&str]) -> usize {
        let s = Settings {
            trusted_registries: trusted.iter().map(|s| s.to_string()).collect(),
        };
        hits_with("DF005", text, &s, IgnoreFile::Unknown).len()
    }

    #[test]
    fn table() {
        assert_eq!(hits("FROM quay.io/x/y:1\n", &["registry.example.com"]), 1);
        assert_eq!(hits("FROM ubuntu:24.04\n", &["registry.example.com"]), 1);
        assert_eq!(hits("FROM ubuntu:24.04\n", &["docker.io"]), 0);
        assert_eq!(hits("FROM ghcr.io/my-org/app:1\n", &["ghcr.io/my-org"]), 0);
        assert_eq!(hits("FROM ghcr.io/other/app:1\n", &["ghcr.io/my-org"]), 1);
        assert_eq!(hits("FROM quay.io/x/y:1\n", &[]), 0);
        assert_eq!(
            hits(
                "FROM registry.example.com/a:1 AS a\nFROM a\nFROM scratch\n",
                &["registry.example.com"]
            ),
            0
        );
        assert_eq!(hits("ARG R=quay.io\nFROM $R/x/y:1\n", &["registry.example.com"]), 1);
    }
}
