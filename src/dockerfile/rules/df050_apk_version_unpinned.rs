//! DF050 (opt-in): `apk add` without versions.

use super::{Context, Hit};
use crate::dockerfile::packages::Pm;

rule! {
    /// ## What it does
    /// Reports `apk add` packages without `=<version>` (or `~<version>`). Off by default; enable with
    /// `[rules] enable = ["DF050"]`.
    ///
    /// ## Why is this bad?
    /// Unpinned packages install whatever the repository has on the day of the build.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// RUN apk add --no-cache curl
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// RUN apk add --no-cache curl=8.9.0-r0
    /// ```
    ApkVersionUnpinned {
        id: "DF050",
        name: "apk-version-unpinned",
        severity: Note,
        summary: "apk add without package versions.",
        twins: ["hadolint:DL3018"],
        cwe: ["CWE-1357"],
        security_severity: 1.0,
        enabled: false,
    }
}

fn pinned(p: &str) -> bool {
    p.contains(['=', '~', '<', '>']) || p.ends_with(".apk") || p.contains('/')
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    super::unpinned_packages(cx, out, Pm::Apk, &[], pinned, "<package>=<version>");
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DF050", "FROM alpine:3.20\nRUN apk add --virtual .b gcc\n");
        passes(
            "DF050",
            "FROM alpine:3.20\nRUN apk add --virtual .b gcc=13.2.1-r0 musl~1.2\n",
        );
    }
}
