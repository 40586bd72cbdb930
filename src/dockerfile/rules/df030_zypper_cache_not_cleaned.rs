//! DF030: `zypper install` without `zypper clean`.

use super::{Context, Hit};
use crate::dockerfile::packages::Pm;

rule! {
    /// ## What it does
    /// In stages that end up in the final image, reports a `RUN` with `zypper install` that does not run
    /// `zypper clean` (or remove `/var/cache/zypp`) in the same `RUN`, unless a mount covers that cache.
    ///
    /// ## Why is this bad?
    /// zypper keeps metadata and packages in `/var/cache/zypp`, dead weight in the image.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM opensuse/leap:15.6
    /// RUN zypper install -y curl
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM opensuse/leap:15.6
    /// RUN zypper install -y curl && zypper clean --all
    /// ```
    ZypperCacheNotCleaned {
        id: "DF030",
        name: "zypper-cache-not-cleaned",
        severity: Note,
        summary: "zypper install without zypper clean leaves its cache in the image.",
        twins: ["hadolint:DL3036", "trivy:DS020"],
        cwe: ["CWE-1104"],
        security_severity: 1.0,
        enabled: true,
    }
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    super::cache_not_cleaned(
        cx,
        out,
        Pm::Zypper,
        &["zypper"],
        &["/var/cache/zypp"],
        "zypper clean --all",
    );
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DF030", "FROM opensuse/leap:15\nRUN zypper -n in curl\n");
        passes(
            "DF030",
            "FROM opensuse/leap:15\nRUN zypper -n in curl && zypper cc -a\n",
        );
    }
}
