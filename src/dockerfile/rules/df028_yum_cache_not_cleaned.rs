//! DF028: `yum install` without `yum clean all`.

use super::{Context, Hit};
use crate::dockerfile::packages::Pm;

rule! {
    /// ## What it does
    /// In stages that end up in the final image, reports a `RUN` with `yum install` that does not run
    /// `yum clean all` (or remove `/var/cache/yum`) in the same `RUN`, unless a mount covers that cache.
    ///
    /// ## Why is this bad?
    /// yum keeps repository metadata and downloaded packages in `/var/cache/yum`: often over 100 MB that
    /// ship in the image for nothing.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM centos:7
    /// RUN yum install -y httpd
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM centos:7
    /// RUN yum install -y httpd && yum clean all && rm -rf /var/cache/yum
    /// ```
    ///
    /// ## Differences from hadolint
    /// Only stages that end up in the image are judged: a cache left in a build stage that is thrown away costs
    /// nothing, and is what hadolint's DL3032 reports beyond this rule (the hadolint-only findings on the real
    /// corpus are all `yum install` in `AS builder` stages).
    YumCacheNotCleaned {
        id: "DF028",
        name: "yum-cache-not-cleaned",
        severity: Note,
        summary: "yum install without yum clean all leaves its cache in the image.",
        twins: ["hadolint:DL3032", "trivy:DS015"],
        cwe: ["CWE-1104"],
        security_severity: 1.0,
        enabled: true,
    }
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    super::cache_not_cleaned(cx, out, Pm::Rpm, &["yum"], &["/var/cache/yum"], "yum clean all");
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DF028", "FROM centos:7\nRUN yum -y install x\n");
        passes("DF028", "FROM centos:7\nRUN yum -y install x && yum clean all\n");
        passes(
            "DF028",
            "FROM centos:7\nRUN yum -y install x && rm -rf /var/cache/yum\n",
        );
        passes(
            "DF028",
            "FROM centos:7\nRUN --mount=type=cache,target=/var/cache/yum yum -y install x\n",
        );
    }
}
