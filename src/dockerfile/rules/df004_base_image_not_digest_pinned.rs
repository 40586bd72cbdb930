//! DF004 (opt-in): a base image not pinned by digest.

use super::{Context, Hit};
use crate::dockerfile::model::Base;

rule! {
    /// ## What it does
    /// Reports `FROM` images without an `@sha256:` digest. Off by default; enable it with
    /// `[rules] enable = ["DF004"]` when your builds must be reproducible bit for bit.
    ///
    /// ## Why is this bad?
    /// Tags are mutable: `python:3.12-slim` is re-pushed for every patch and security fix, and a compromised
    /// registry account can re-point any tag. A digest names exactly one image.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM python:3.12-slim@sha256:2f5c8ef1e0f9b5b1a7c1d34d5c0a7e8b9f6c5d4e3b2a190817263544f3e2d1c0
    /// ```
    BaseImageNotDigestPinned {
        id: "DF004",
        name: "base-image-not-digest-pinned",
        severity: Note,
        summary: "A base image is not pinned by digest.",
        twins: [],
        cwe: ["CWE-1357"],
        security_severity: 3.0,
        enabled: false,
    }
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    for s in &cx.model.stages {
        if let Base::Image(r) = &s.base
            && r.digest.is_none()
        {
            out.push(Hit::new(
                s.from,
                format!(
                    "base image `{}` is not pinned by digest; append `@sha256:<digest>` (see `docker buildx imagetools inspect`)",
                    s.image_raw
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DF004", "FROM alpine:3.20\n");
        catches("DF004", "ARG V=3.20\nFROM alpine:$V\n");
        passes("DF004", "FROM alpine:3.20@sha256:abc\n");
        passes("DF004", "FROM scratch\n");
        passes("DF004", "FROM alpine@sha256:abc AS a\nFROM a\n");
        passes("DF004", "ARG BASE\nFROM $BASE\n");
    }
}
