//! DF015: the final image is built on a full distribution image.

use super::{Context, Hit};
use crate::dockerfile::model::Base;

rule! {
    /// ## What it does
    /// Reports a final stage whose base image (followed through `FROM <stage>`) is a full distribution or a
    /// language image built on one — `ubuntu`, `debian`, `centos`, `fedora`, `node`, `python`, `ruby`,
    /// `openjdk`, … — without a `slim`, `alpine`, `minimal`, `distroless` or similar variant tag.
    ///
    /// ## Why is this bad?
    /// `node:22` is about 1 GB and ships compilers, a package manager and hundreds of packages the
    /// application never uses; each is pull time, disk, and CVEs to triage. `node:22-slim` or a distroless
    /// image holds the same runtime in a fraction of the size.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM python:3.12
    /// COPY app.py /app/
    /// CMD ["python", "/app/app.py"]
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// COPY app.py /app/
    /// CMD ["python", "/app/app.py"]
    /// ```
    FullDistroFinalBase {
        id: "DF015",
        name: "full-distro-final-base",
        severity: Note,
        summary: "The final image is built on a full distribution image; prefer a slim or distroless one.",
        twins: [],
        cwe: ["CWE-1104"],
        security_severity: 2.0,
        enabled: true,
    }
}

const FULL_IMAGES: &[&str] = &[
    "ubuntu",
    "debian",
    "centos",
    "fedora",
    "rockylinux",
    "almalinux",
    "oraclelinux",
    "amazonlinux",
    "archlinux",
    "opensuse",
    "leap",
    "buildpack-deps",
    "node",
    "python",
    "ruby",
    "perl",
    "openjdk",
    "golang",
    "rust",
    "ubi",
    "ubi9",
    "ubi8",
];
const SMALL_TAGS: &[&str] = &[
    "slim",
    "alpine",
    "minimal",
    "micro",
    "distroless",
    "busybox",
    "scratch",
    "-jre",
    "chiseled",
];

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    let m = cx.model;
    let Some(fin) = m.final_stage() else { return };
    let Base::Image(r) = m.root_base(fin.index) else { return };
    let name = r.short_name();
    let tag = r.tag_or_latest().to_ascii_lowercase();
    let official_or_ubi = r.is_official() || name.starts_with("ubi");
    if official_or_ubi && FULL_IMAGES.contains(&name) && !SMALL_TAGS.iter().any(|t| tag.contains(t)) {
        let suggestion = match name {
            "ubuntu" | "debian" | "centos" | "fedora" | "rockylinux" | "almalinux" | "oraclelinux" | "amazonlinux"
            | "archlinux" | "opensuse" | "leap" => "a `-slim`/minimal variant or a distroless image".to_string(),
            "ubi" | "ubi9" | "ubi8" => format!("`{name}-minimal` or `{name}-micro`"),
            _ if tag == "latest" => format!("`{name}:<version>-slim`, an alpine variant, or a distroless image"),
            _ => format!("`{name}:{tag}-slim`, an alpine variant, or a distroless image"),
        };
        let stage = m.lineage(fin.index).last().copied().unwrap_or(fin.index);
        out.push(Hit::new(
            m.stages[stage].from,
            format!(
                "the final image is built on the full `{}` image; use {suggestion}",
                m.stages[stage].image_raw
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DF015", "FROM ubuntu:24.04\n");
        catches("DF015", "FROM node:22 AS base\nFROM base\n");
        catches("DF015", "FROM golang:1.22 AS b\nFROM debian:12\n");
        catches("DF015", "FROM registry.access.redhat.com/ubi9:9.4\n");
        catches("DF015", "FROM registry.access.redhat.com/ubi9/ubi:9.4\n");
        passes("DF015", "FROM debian:12-slim\n");
        passes("DF015", "FROM node:22-alpine\n");
        passes(
            "DF015",
            "FROM ubuntu:24.04 AS b\nFROM gcr.io/distroless/static:nonroot\n",
        );
        passes("DF015", "FROM registry.access.redhat.com/ubi9-minimal:9.4\n");
        passes("DF015", "FROM myorg/python:3.12\n");
        passes("DF015", "FROM eclipse-temurin:21-jre\n");
    }
}
