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
    ///
    /// ## Differences from hadolint
    /// pip run by path (`/venv/bin/pip install …`) or as `python3 -m pip` is judged too, which hadolint's
    /// DL3013 does not recognise (the plimsoll-only findings on the real corpus). A VCS requirement is
    /// pinned when it names a ref (`git+https://…/repo.git@v1.2`), like DL3013 asks.
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
    // A VCS requirement installs the default branch's head unless it names a ref (`…/repo.git@v1.2`).
    if let Some((_, rest)) = ["git+", "hg+", "svn+", "bzr+"]
        .iter()
        .find_map(|v| p.strip_prefix(v))
        .and_then(|url| url.split_once("://"))
    {
        let path = match rest.split_once('/') {
            Some((host, path)) if host.contains('@') => path,
            _ => rest,
        };
        return path.contains('@');
    }
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
            "FROM python:3.12\nRUN pip install -r req.txt . ./x 'a>=1' git+https://x/y.git@v1.2#egg=y\n",
        );
        passes(
            "DF051",
            "FROM python:3.12\nRUN pip install git+ssh://git@github.com/a/b.git@4f2c1e0\n",
        );
        catches(
            "DF051",
            "FROM python:3.12\nRUN pip install git+git://github.com/docker/docker-py.git\n",
        );
        catches(
            "DF051",
            "FROM python:3.12\nRUN pip install git+ssh://git@github.com/a/b.git\n",
        );
    }
}
