//! DF011: two stages with the same name.

use super::{Context, Hit};

rule! {
    /// ## What it does
    /// Reports a `FROM … AS <name>` that reuses the name of an earlier stage (names are case-insensitive).
    ///
    /// ## Why is this bad?
    /// BuildKit rejects the file; older builders silently used one of the two stages for `--from=<name>`
    /// and `--target <name>`.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:22 AS build
    /// RUN npm ci
    /// FROM golang:1.22 AS build
    /// RUN go build ./...
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:22 AS web-build
    /// RUN npm ci
    /// FROM golang:1.22 AS api-build
    /// RUN go build ./...
    /// ```
    DuplicateStageName {
        id: "DF011",
        name: "duplicate-stage-name",
        severity: Error,
        summary: "Two stages have the same name.",
        twins: ["hadolint:DL3024", "trivy:DS012", "checkov:CKV_DOCKER_11"],
        cwe: [],
        security_severity: 2.0,
        enabled: true,
    }
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    let stages = &cx.model.stages;
    for (k, s) in stages.iter().enumerate() {
        let Some(name) = &s.name else { continue };
        if let Some(first) = stages[..k].iter().find(|e| e.name.as_ref() == Some(name)) {
            out.push(Hit::new(
                s.from,
                format!(
                    "stage name `{name}` is already used by stage {}; give each stage its own name",
                    first.index
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
        assert_eq!(catches("DF011", "FROM a:1 AS x\nFROM b:1 AS X\n"), vec![2]);
        passes("DF011", "FROM a:1 AS x\nFROM b:1 AS y\nFROM x\n");
    }
}
