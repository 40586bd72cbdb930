//! DF052 (opt-in): `npm install <pkg>` without a version.

use super::{Context, Hit};
use crate::dockerfile::packages::Pm;

rule! {
    /// ## What it does
    /// Reports packages named on an `npm install` command line without `@<version>`. Plain `npm ci` /
    /// `npm install` (from the lockfile), paths, tarballs and git URLs are fine. Off by default; enable
    /// with `[rules] enable = ["DF052"]`.
    ///
    /// ## Why is this bad?
    /// `npm install -g some-cli` installs the newest release on every build, whatever it contains.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:22-slim
    /// RUN npm install -g pm2
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:22-slim
    /// RUN npm install -g pm2@5.4.2
    /// ```
    ///
    /// ## Differences from hadolint
    /// `name@latest` is reported as unpinned (it moves like no version at all); hadolint's DL3016 accepts any
    /// `@tag` (the plimsoll-only finding on the real corpus).
    NpmVersionUnpinned {
        id: "DF052",
        name: "npm-version-unpinned",
        severity: Note,
        summary: "npm install of a package without a version.",
        twins: ["hadolint:DL3016"],
        cwe: ["CWE-1357"],
        security_severity: 1.0,
        enabled: false,
    }
}

fn pinned(p: &str) -> bool {
    let name = p
        .strip_prefix('@')
        .map_or(p, |s| s.split_once('/').map_or(s, |(_, r)| r));
    (name.contains('@') && !name.ends_with("@latest"))
        || p.starts_with('.')
        || p.starts_with('/')
        || p.contains("://")
        || p.starts_with("git")
        || p.ends_with(".tgz")
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    super::unpinned_packages(cx, out, Pm::Npm, &[], pinned, "<package>@<version>");
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DF052", "FROM node:22\nRUN npm i -g @angular/cli\n");
        catches("DF052", "FROM node:22\nRUN npm install -g serve@latest\n");
        passes(
            "DF052",
            "FROM node:22\nRUN npm ci && npm install -g @angular/cli@17.3.0 ./local\n",
        );
    }
}
