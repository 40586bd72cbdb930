//! DF003: the final stage never sets a non-root user.

use super::{Context, Hit};
use crate::dockerfile::model::Base;

rule! {
    /// ## What it does
    /// Reports a final stage that has no `USER` instruction, neither itself nor in a stage it is built
    /// `FROM`. Base images known to run unprivileged (tags with `nonroot` or `rootless`) are exempt.
    ///
    /// ## Why is this bad?
    /// Without `USER`, the container runs as the base image's user, which is root for almost every image,
    /// `scratch` included.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:22-slim
    /// COPY --chown=node . /app
    /// CMD ["node", "/app/server.js"]
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:22-slim
    /// COPY --chown=node . /app
    /// USER node
    /// CMD ["node", "/app/server.js"]
    /// ```
    MissingUser {
        id: "DF003",
        name: "missing-user",
        severity: Warning,
        summary: "The final stage never switches to a non-root user.",
        twins: ["trivy:DS002", "checkov:CKV_DOCKER_3"],
        cwe: ["CWE-250"],
        security_severity: 6.0,
        enabled: true,
    }
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    let m = cx.model;
    let Some(fin) = m.final_stage() else { return };
    if fin.windows || super::df001_last_user_root::last_user(cx, fin.index).is_some() {
        return;
    }
    match m.root_base(fin.index) {
        Base::Image(r) => {
            let tag = r.tag_or_latest().to_ascii_lowercase();
            if tag.contains("nonroot") || tag.contains("rootless") {
                return;
            }
        }
        Base::Unresolved | Base::Implicit => return,
        _ => {}
    }
    out.push(Hit::new(
        fin.from,
        "the final stage never sets USER, so the container runs as root; add `USER <unprivileged user or uid>`",
    ));
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        assert_eq!(catches("DF003", "FROM alpine:3.20\nRUN true\n"), vec![1]);
        catches(
            "DF003",
            "FROM golang:1.22 AS build\nUSER app\nFROM scratch\nCOPY --from=build /app /app\n",
        );
        passes("DF003", "FROM alpine:3.20 AS base\nUSER app\nFROM base\nRUN true\n");
        passes("DF003", "FROM gcr.io/distroless/static:nonroot\nCOPY app /\n");
        passes("DF003", "FROM alpine:3.20\nUSER root\n");
        passes("DF003", "ARG BASE\nFROM $BASE\nRUN true\n");
        passes("DF003", "FROM alpine:3.20\nONBUILD RUN true\nUSER 10001\n");
    }
}
