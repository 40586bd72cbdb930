//! DF048: a package index update in its own `RUN`.

use super::{Context, Hit};
use crate::dockerfile::packages::{self, Pm};
use crate::dockerfile::shell::Cmd;

rule! {
    /// ## What it does
    /// Reports a `RUN` that refreshes the package index (`apt-get update`, `apt update`, `apk update`,
    /// `zypper refresh`) without installing or upgrading anything after it in the same `RUN`.
    ///
    /// ## Why is this bad?
    /// The update is cached as its own layer. Later builds reuse the stale index while the `RUN … install`
    /// below is rebuilt, and the install then fails (404 for packages that moved) or installs outdated
    /// versions.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12-slim
    /// RUN apt-get update
    /// RUN apt-get install -y --no-install-recommends curl
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12-slim
    /// RUN apt-get update && apt-get install -y --no-install-recommends curl
    /// ```
    PackageUpdateAlone {
        id: "DF048",
        name: "package-update-alone",
        severity: Warning,
        summary: "The package index is updated in a RUN that installs nothing.",
        twins: ["trivy:DS017", "checkov:CKV_DOCKER_5"],
        cwe: [],
        security_severity: 1.0,
        enabled: true,
    }
}

/// A later command that probably installs packages: a wrapper (`xx-apt-get`, `install_packages`), a script
/// (`./setup.sh`, `bash /tmp/common-debian.sh`), or `xargs`.
fn installs_indirectly(c: &Cmd) -> bool {
    let Some(p) = c.program() else { return false };
    p.ends_with("apt-get")
        || p.ends_with("-apk")
        || p.contains("install")
        || p.ends_with(".sh")
        || p == "xargs"
        || (["sh", "bash", "ash", "dash", "zsh"].contains(&p)
            && c.plain_args()
                .next()
                .is_some_and(|a| a.contains('/') || a.ends_with(".sh")))
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    for (i, _, run) in cx.model.runs() {
        let s = &run.script;
        for (pm, update, installs) in [
            (
                Pm::Apt,
                &["update"][..],
                &[
                    "install",
                    "upgrade",
                    "dist-upgrade",
                    "full-upgrade",
                    "build-dep",
                    "source",
                ][..],
            ),
            (Pm::Apk, &["update"][..], &["add", "upgrade", "fix"][..]),
            (
                Pm::Zypper,
                &["refresh", "ref"][..],
                &["install", "in", "update", "up", "dup", "dist-upgrade", "patch"][..],
            ),
        ] {
            let calls = packages::calls(s, pm);
            let Some(u) = calls.iter().find(|c| update.contains(&c.sub)) else {
                continue;
            };
            let followed = calls.iter().any(|c| c.pos > u.pos && installs.contains(&c.sub))
                || s.commands[u.pos + 1..].iter().any(installs_indirectly);
            if !followed {
                out.push(Hit::new(
                    i,
                    format!(
                        "`{} {}` alone is cached and goes stale; run it in the same RUN as the install",
                        u.program, u.sub
                    ),
                ));
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DF048", "FROM debian:12\nRUN apt-get update\n");
        catches("DF048", "FROM alpine:3.20\nRUN apk update\n");
        catches("DF048", "FROM debian:12\nRUN apt-get install -y x && apt-get update\n");
        passes("DF048", "FROM debian:12\nRUN apt-get update && apt-get install -y x\n");
        passes(
            "DF048",
            "FROM debian:12\nRUN apt-get update && xx-apt-get install -y x\n",
        );
        passes(
            "DF048",
            "FROM debian:12\nRUN apt-get update && bash /tmp/scripts/common-debian.sh\n",
        );
        passes(
            "DF048",
            "FROM debian:12\nRUN apt-get update \\\n && apt-get upgrade -y\n",
        );
    }
}
