//! DF051 (opt-in): `pip install` without versions.

use super::{Context, Hit};
use crate::dockerfile::packages::Pm;

rule! {
    /// ## What it does
    /// Reports `pip install` packages without a version specifier (`==`, `>=`, `~=`, …). Requirement
    /// files, local paths, URLs and VCS references are fine. Off by default; enable with
    /// `[rules] enable = ["DF051"]`.
    ///
    /// ## Why is this bad?
    /// The newest release is installed on every build, so a new major version (or a hijacked release)
    /// lands in the image unnoticed.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// RUN pip install --no-cache-dir flask
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// RUN pip install --no-cache-dir flask==3.0.3
    /// ```
    PipVersionUnpinned {
        id: "DF051",
        name: "pip-version-unpinned",
        severity: Note,
        summary: "pip install without package versions.",
        twins: ["hadolint:DL3013"],
        cwe: ["CWE-1357"],
        security_severity: 1.0,
        enabled: false,
    }
}

fn pinned(p: &str) -> bool {
    p.contains(['=', '<', '>', '~', '@', '/'])
        || p.starts_with('.')
        || p.ends_with(".whl")
        || p.ends_with(".tar.gz")
        || p.ends_with(".zip")
        || p.contains("://")
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    super::unpinned_packages(cx, out, Pm::Pip, &[], pinned, "<package>==<version>");
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DF051", "FROM python:3.12\nRUN pip install -U pip flask==3\n");
        passes(
            "DF051",
            "FROM python:3.12\nRUN pip install -r req.txt . ./x 'a>=1' git+https://x/y.git\n",
        );
    }
}
