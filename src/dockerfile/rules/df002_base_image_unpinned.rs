//! DF002: a base image without a tag, or tagged `latest`.

use super::{Context, Hit};
use crate::dockerfile::image::ImageRef;
use crate::dockerfile::model::{Base, flag};
use parse_dockerfile::Instruction;

rule! {
    /// ## What it does
    /// Reports `FROM` images (after global `ARG` defaults are substituted) that have no tag or the `latest`
    /// tag and no digest, and the same for images used by `COPY --from=<image>` and
    /// `RUN --mount=from=<image>`. `scratch` and references to earlier stages are fine.
    ///
    /// ## Why is this bad?
    /// `latest` moves: the same Dockerfile builds a different image next week, with a different OS release
    /// or runtime major version, and a build that worked yesterday breaks (or silently changes) today.
    ///
    /// ## Example
    /// ```dockerfile
    /// ARG BASE=debian:latest
    /// FROM ${BASE}
    /// COPY --from=nginx /etc/nginx/nginx.conf /etc/nginx/
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// ARG BASE=debian:12.6-slim
    /// FROM ${BASE}
    /// COPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/
    /// ```
    ///
    /// ## Differences from hadolint
    /// Global `ARG` defaults are substituted first, so `ARG BASE=debian` then `FROM $BASE` is reported as
    /// untagged, which hadolint's DL3006/DL3007 do not see (the plimsoll-only findings on the real corpus).
    BaseImageUnpinned {
        id: "DF002",
        name: "base-image-unpinned",
        severity: Warning,
        summary: "A base image has no tag or uses `latest`.",
        twins: ["hadolint:DL3006", "hadolint:DL3007", "trivy:DS001", "checkov:CKV_DOCKER_7"],
        cwe: ["CWE-1357"],
        security_severity: 4.0,
        enabled: true,
    }
}

/// Why `r` is not pinned to a version, if it is not.
fn unpinned(r: &ImageRef) -> Option<&'static str> {
    if r.digest.is_some() {
        return None;
    }
    match r.tag.as_deref() {
        None => Some("has no tag"),
        Some("latest") => Some("uses the moving `latest` tag"),
        Some(_) => None,
    }
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    let m = cx.model;
    for s in &m.stages {
        if let Base::Image(r) = &s.base
            && let Some(why) = unpinned(r)
        {
            let via = if s.image.as_deref() != Some(s.image_raw.as_str()) {
                format!(
                    " (`{}` resolves to `{}`)",
                    s.image_raw,
                    s.image.as_deref().unwrap_or("")
                )
            } else {
                String::new()
            };
            out.push(Hit::new(
                s.from,
                format!(
                    "base image `{}` {why}{via}; pin a version tag such as `{}:<version>`",
                    s.image_raw,
                    r.short_name()
                ),
            ));
        }
    }
    for (i, ins) in m.instrs.iter().enumerate() {
        let from = match ins.inner {
            Instruction::Copy(c) => flag(&c.options, "from").map(str::to_string),
            _ => None,
        };
        let refs: Vec<String> = from
            .into_iter()
            .chain(
                ins.run
                    .iter()
                    .flat_map(|r| r.mounts.iter().filter_map(|mt| mt.from.clone())),
            )
            .collect();
        for raw in refs {
            let Some(img) = m.expand_at(i, &raw) else { continue };
            if m.stage_ref(&img).is_some() || !(img.contains(':') || img.contains('/') || img.contains('@')) {
                // A stage, or a bare word that DF009 judges (unknown stage vs. image).
                continue;
            }
            if let Some(r) = ImageRef::parse(&img)
                && let Some(why) = unpinned(&r)
            {
                out.push(Hit::new(i, format!("image `{img}` {why}; pin a version tag")));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DF002", "FROM debian:latest");
        catches("DF002", "FROM debian");
        catches("DF002", "FROM docker.io/library/debian AS base\n");
        catches("DF002", "ARG BASE=node\nFROM $BASE\n");
        catches("DF002", "ARG TAG=latest\nFROM node:${TAG}\n");
        catches("DF002", "FROM --platform=$BUILDPLATFORM golang\n");
        catches("DF002", "FROM localhost:5000/app\n");
        catches(
            "DF002",
            "FROM alpine:3.20\nCOPY --from=ghcr.io/org/tool /bin/tool /bin/\n",
        );
        catches(
            "DF002",
            "FROM alpine:3.20\nRUN --mount=from=busybox:latest,target=/bb true\n",
        );
        assert_eq!(catches("DF002", "FROM alpine:3.20 AS a\nFROM ubuntu\n"), vec![2]);
        passes("DF002", "FROM debian:12.6");
        passes("DF002", "FROM debian@sha256:0123456789abcdef");
        passes("DF002", "FROM debian:latest@sha256:0123456789abcdef");
        passes("DF002", "FROM scratch");
        passes("DF002", "FROM golang:1.22 AS build\nFROM build\n");
        passes("DF002", "FROM golang:1.22 AS Build\nFROM build AS final\n");
        passes("DF002", "ARG TAG\nFROM node:${TAG}\n");
        passes("DF002", "ARG BASE=node:22\nFROM ${BASE}\n");
        passes(
            "DF002",
            "FROM alpine:3.20 AS a\nFROM alpine:3.20\nCOPY --from=a /x /x\nCOPY --from=0 /y /y\n",
        );
    }
}
