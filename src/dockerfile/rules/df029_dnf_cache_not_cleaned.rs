//! DF029: `dnf`/`microdnf install` without `dnf clean all`.

use super::{Context, Hit};
use crate::dockerfile::packages::Pm;

rule! {
    /// ## What it does
    /// In stages that end up in the final image, reports a `RUN` with `dnf`, `microdnf` or `tdnf install`
    /// that does not run `<tool> clean all` (or remove `/var/cache/dnf`) in the same `RUN`, unless a mount
    /// covers that cache.
    ///
    /// ## Why is this bad?
    /// dnf keeps repository metadata in `/var/cache/dnf`, tens to hundreds of megabytes that ship in the
    /// image for nothing.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM fedora:40
    /// RUN dnf install -y nginx
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM fedora:40
    /// RUN dnf install -y nginx && dnf clean all
    /// ```
    ///
    /// ## Differences from hadolint
    /// Only stages that end up in the image are judged: a cache left in a build stage that is thrown away costs
    /// nothing, and is what hadolint's DL3040 reports beyond this rule (the hadolint-only findings on the real
    /// corpus are all `dnf install` in builder stages).
    DnfCacheNotCleaned {
        id: "DF029",
        name: "dnf-cache-not-cleaned",
        severity: Note,
        summary: "dnf install without dnf clean all leaves its cache in the image.",
        twins: ["hadolint:DL3040", "trivy:DS019", "trivy:DS027"],
        cwe: ["CWE-1104"],
        security_severity: 1.0,
        enabled: true,
    }
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    super::cache_not_cleaned(
        cx,
        out,
        Pm::Rpm,
        &["dnf", "microdnf", "tdnf"],
        &[
            "/var/cache/dnf",
            "/var/cache/libdnf5",
            "/var/cache/yum",
            "/var/cache/tdnf",
        ],
        "dnf clean all",
    );
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DF029", "FROM fedora:40\nRUN dnf -y install x\n");
        catches("DF029", "FROM ubi9-minimal:9.4\nRUN microdnf install -y x\n");
        passes("DF029", "FROM fedora:40\nRUN dnf -y install x && dnf clean all\n");
        passes(
            "DF029",
            "FROM ubi9-minimal:9.4\nRUN microdnf install -y x && microdnf clean all\n",
        );
        passes(
            "DF029",
            "FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/dnf dnf -y install x\n",
        );
    }
}
