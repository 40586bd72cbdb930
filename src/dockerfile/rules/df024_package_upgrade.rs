//! DF024: upgrading every package of the base image inside a layer.

use super::{Context, Hit};
use crate::dockerfile::packages::{self, Pm};

rule! {
    /// ## What it does
    /// Reports whole-system upgrades in a `RUN`: `apt-get upgrade`/`dist-upgrade`/`full-upgrade`,
    /// `apk upgrade`, `yum`/`dnf update` or `upgrade` without package names, `dnf distro-sync`, and
    /// `zypper update`/`dist-upgrade`.
    ///
    /// ## Why is this bad?
    /// The result depends on the day of the build, doubles the size of every upgraded file (old copy in the
    /// base layer, new copy in yours), and `dist-upgrade` can move the image to a new release behind the
    /// tag's back. Pull a newer base image instead: maintained images are rebuilt with the fixes.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12-slim
    /// RUN apt-get update && apt-get -y dist-upgrade && rm -rf /var/lib/apt/lists/*
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12.6-slim
    /// RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*
    /// ```
    ///
    /// ## Differences from hadolint
    /// hadolint's DL3035 covers `zypper dist-upgrade` only; this rule covers every package manager's upgrade,
    /// so it reports more (the plimsoll-only findings on the real corpus are `apt-get upgrade`/`apk upgrade`).
    PackageUpgrade {
        id: "DF024",
        name: "package-upgrade",
        severity: Note,
        summary: "The whole base image is upgraded inside a layer.",
        twins: ["trivy:DS024", "hadolint:DL3035"],
        cwe: [],
        security_severity: 1.0,
        enabled: true,
    }
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    for (i, _, run) in cx.model.runs() {
        let s = &run.script;
        let mut found = packages::calls(s, Pm::Apt)
            .into_iter()
            .find(|c| matches!(c.sub, "upgrade" | "dist-upgrade" | "full-upgrade"))
            .map(|c| format!("{} {}", c.program, c.sub));
        found = found.or_else(|| {
            packages::calls(s, Pm::Apk)
                .into_iter()
                .find(|c| c.sub == "upgrade" && c.operands.is_empty())
                .map(|_| "apk upgrade".into())
        });
        found = found.or_else(|| {
            packages::calls(s, Pm::Rpm)
                .into_iter()
                .find(|c| (matches!(c.sub, "update" | "upgrade") && c.operands.is_empty()) || c.sub == "distro-sync")
                .map(|c| format!("{} {}", c.program, c.sub))
        });
        found = found.or_else(|| {
            packages::calls(s, Pm::Zypper)
                .into_iter()
                .find(|c| {
                    (matches!(c.sub, "update" | "up") && c.operands.is_empty())
                        || matches!(c.sub, "dist-upgrade" | "dup")
                })
                .map(|c| format!("zypper {}", c.sub))
        });
        if let Some(what) = found {
            out.push(Hit::new(
                i,
                format!("`{what}` upgrades the whole base image in a layer; pull a newer base image instead"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DF024", "FROM debian:12\nRUN apt-get upgrade -y\n");
        catches("DF024", "FROM alpine:3.20\nRUN apk upgrade --no-cache\n");
        catches("DF024", "FROM fedora:40\nRUN dnf -y update && dnf clean all\n");
        catches("DF024", "FROM opensuse/leap:15\nRUN zypper -n dup\n");
        passes("DF024", "FROM fedora:40\nRUN dnf -y update openssl && dnf clean all\n");
        passes("DF024", "FROM alpine:3.20\nRUN apk upgrade --no-cache openssl\n");
        passes("DF024", "FROM debian:12\nRUN apt-get update\n");
    }
}
