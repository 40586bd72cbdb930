//! DF031: `yum`/`dnf`/`zypper` install without the non-interactive switch.

use super::{Context, Hit};
use crate::dockerfile::packages::{self, Pm};

rule! {
    /// ## What it does
    /// Reports `yum`/`dnf`/`tdnf` `install`, `update`, `remove` and friends without `-y`/`--assumeyes`, and
    /// `zypper install`/`update`/`remove` without `-n`/`--non-interactive` or `-y`/`--no-confirm`.
    /// (`microdnf` never asks.)
    ///
    /// ## Why is this bad?
    /// The build has no terminal to answer the confirmation prompt; the command fails and so does the build.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM rockylinux:9
    /// RUN dnf install httpd && dnf clean all
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM rockylinux:9
    /// RUN dnf install -y httpd && dnf clean all
    /// ```
    RpmMissingYes {
        id: "DF031",
        name: "rpm-missing-yes",
        severity: Warning,
        summary: "yum/dnf/zypper install without the non-interactive switch.",
        twins: ["hadolint:DL3030", "hadolint:DL3038", "hadolint:DL3034"],
        cwe: [],
        security_severity: 1.0,
        enabled: true,
    }
}

const CHANGES: &[&str] = &[
    "install",
    "in",
    "groupinstall",
    "localinstall",
    "reinstall",
    "update",
    "up",
    "upgrade",
    "remove",
    "rm",
    "erase",
    "autoremove",
    "dist-upgrade",
    "dup",
    "patch",
    "distro-sync",
];

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    for (i, _, run) in cx.model.runs() {
        let rpm = packages::calls(&run.script, Pm::Rpm).into_iter().find(|c| {
            c.program != "microdnf"
                && CHANGES.contains(&c.sub)
                && !c.has_flag("assumeyes", Some('y'))
                && !c
                    .args
                    .iter()
                    .any(|a| a.contains("assumeyes=") || a.contains("assumeyes=1"))
        });
        let zypper = packages::calls(&run.script, Pm::Zypper).into_iter().find(|c| {
            CHANGES.contains(&c.sub)
                && !c.has_flag("non-interactive", Some('n'))
                && !c.has_flag("no-confirm", Some('y'))
        });
        if let Some(c) = rpm.or(zypper) {
            let switch = if c.program == "zypper" { "-n" } else { "-y" };
            out.push(Hit::new(
                i,
                format!("`{} {}` asks for confirmation; add `{switch}`", c.program, c.sub),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DF031", "FROM centos:7\nRUN yum install x\n");
        catches("DF031", "FROM opensuse/leap:15\nRUN zypper install x\n");
        passes("DF031", "FROM centos:7\nRUN yum -y install x\n");
        passes(
            "DF031",
            "FROM opensuse/leap:15\nRUN zypper -n install x && zypper install -y y\n",
        );
        passes("DF031", "FROM ubi9-minimal:9.4\nRUN microdnf install x\n");
        passes("DF031", "FROM centos:7\nRUN yum clean all\n");
    }
}
