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
    ///
    /// ## Differences from hadolint
    /// A package list held in a shell variable (`buildDeps='git curl'`, then `apk add $buildDeps`) is not judged:
    /// the variable's value is not tracked, where hadolint's DL3018 counts `$buildDeps` itself as one unpinned
    /// package (the hadolint-only findings on the real corpus).
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
