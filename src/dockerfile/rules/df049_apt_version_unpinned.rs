//! DF049 (opt-in): `apt-get install` without versions.

use super::{Context, Hit};
use crate::dockerfile::packages::Pm;

rule! {
    /// ## What it does
    /// Reports `apt-get install` packages without `=<version>`. Off by default (pins break when the
    /// distribution drops old versions); enable with `[rules] enable = ["DF049"]`.
    ///
    /// ## Why is this bad?
    /// Unpinned packages install whatever version the mirror has on the day of the build, so two builds of
    /// the same commit differ.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12-slim
    /// RUN apt-get update && apt-get install -y --no-install-recommends curl
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12-slim
    /// RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u7
    /// ```
    ///
    /// ## Differences from hadolint
    /// A package list held in a shell variable (`buildDeps='git curl'`, then `apt-get install $buildDeps`) is not
    /// judged: the variable's value is not tracked, where hadolint's DL3008 counts `$buildDeps` itself as one
    /// unpinned package (the hadolint-only findings on the real corpus).
    AptVersionUnpinned {
        id: "DF049",
        name: "apt-version-unpinned",
        severity: Note,
        summary: "apt-get install without package versions.",
        twins: ["hadolint:DL3008"],
        cwe: ["CWE-1357"],
        security_severity: 1.0,
        enabled: false,
    }
}

fn pinned(p: &str) -> bool {
    p.contains('=') || p.ends_with(".deb") || p.contains('/')
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    super::unpinned_packages(cx, out, Pm::Apt, &[], pinned, "<package>=<version>");
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DF049", "FROM debian:12\nRUN apt-get install -y curl=7.88 git\n");
        passes(
            "DF049",
            "FROM debian:12\nRUN apt-get install -y curl=7.88 ./x.deb $PKGS\n",
        );
    }
}
