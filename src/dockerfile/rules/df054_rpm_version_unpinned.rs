//! DF054 (opt-in): `yum`/`dnf`/`zypper install` without versions.

use super::{Context, Hit};
use crate::dockerfile::packages::Pm;

rule! {
    /// ## What it does
    /// Reports `yum`, `dnf`, `microdnf` and `zypper` install operands without a version
    /// (`<name>-<version>`, or `<name>=<version>` for zypper). Off by default; enable with
    /// `[rules] enable = ["DF054"]`.
    ///
    /// ## Why is this bad?
    /// Unpinned packages install whatever the repository has on the day of the build.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM rockylinux:9
    /// RUN dnf install -y httpd && dnf clean all
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM rockylinux:9
    /// RUN dnf install -y httpd-2.4.57 && dnf clean all
    /// ```
    ///
    /// ## Differences from hadolint
    /// `tdnf` (Azure Linux, Photon OS) is judged like `dnf`; hadolint's DL3033/DL3041/DL3037 know only `yum`,
    /// `dnf`/`microdnf` and `zypper` (the plimsoll-only findings on the real corpus are `tdnf install` in the
    /// .NET images).
    RpmVersionUnpinned {
        id: "DF054",
        name: "rpm-version-unpinned",
        severity: Note,
        summary: "yum/dnf/zypper install without package versions.",
        twins: ["hadolint:DL3033", "hadolint:DL3041", "hadolint:DL3037"],
        cwe: ["CWE-1357"],
        security_severity: 1.0,
        enabled: false,
    }
}

fn pinned(p: &str) -> bool {
    let dash_digit = p
        .char_indices()
        .any(|(i, c)| c == '-' && p[i + 1..].starts_with(|d: char| d.is_ascii_digit()));
    dash_digit || p.contains(['=', '<', '>', '/', '*']) || p.ends_with(".rpm") || p.starts_with('@')
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    super::unpinned_packages(cx, out, Pm::Rpm, &[], pinned, "<package>-<version>");
    super::unpinned_packages(cx, out, Pm::Zypper, &[], pinned, "<package>=<version>");
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DF054", "FROM fedora:40\nRUN dnf install -y httpd\n");
        catches("DF054", "FROM opensuse/leap:15\nRUN zypper -n in curl\n");
        passes(
            "DF054",
            "FROM fedora:40\nRUN dnf install -y httpd-2.4 ./x.rpm @development\n",
        );
    }
}
