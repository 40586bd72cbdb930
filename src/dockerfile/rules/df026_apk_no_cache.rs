//! DF026: `apk add` without `--no-cache`.

use super::{Context, Hit};
use crate::dockerfile::packages::{self, Pm};

rule! {
    /// ## What it does
    /// In stages that end up in the final image, reports `apk add` without `--no-cache`, unless the same
    /// `RUN` removes `/var/cache/apk` or mounts a cache there.
    ///
    /// ## Why is this bad?
    /// `apk add` after `apk update` leaves the package index in `/var/cache/apk`: dead weight in the layer.
    /// `--no-cache` fetches the index on the fly and keeps nothing.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// RUN apk update && apk add curl
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// RUN apk add --no-cache curl
    /// ```
    ///
    /// ## Differences from hadolint
    /// Only stages that end up in the image are judged: an index left in a build stage that is thrown away costs
    /// nothing, which hadolint's DL3019 reports too.
    ApkNoCache {
        id: "DF026",
        name: "apk-no-cache",
        severity: Note,
        summary: "apk add without --no-cache leaves the package index in the image.",
        twins: ["hadolint:DL3019", "trivy:DS025"],
        cwe: ["CWE-1104"],
        security_severity: 1.0,
        enabled: true,
    }
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    let m = cx.model;
    for (i, _, run) in m.runs() {
        if !m.ships(i) || run.mounted("/var/cache/apk") || run.mounted("/etc/apk/cache") {
            continue;
        }
        let missing = packages::installs(&run.script, Pm::Apk)
            .iter()
            .any(|c| !c.has_flag("no-cache", None));
        if missing && !packages::removes(&run.script, "/var/cache/apk") {
            out.push(Hit::new(
                i,
                "apk add keeps its index in the layer; use `apk add --no-cache`",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DF026", "FROM alpine:3.20\nRUN apk add curl\n");
        catches("DF026", "FROM alpine:3.20\nRUN apk --update add curl\n");
        passes("DF026", "FROM alpine:3.20\nRUN apk add --no-cache curl\n");
        passes(
            "DF026",
            "FROM alpine:3.20\nRUN apk add curl && rm -rf /var/cache/apk/*\n",
        );
        passes(
            "DF026",
            "FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n",
        );
        passes("DF026", "FROM alpine:3.20 AS b\nRUN apk add gcc\nFROM alpine:3.20\n");
    }
}
