//! DF038: `MAINTAINER` is deprecated.

use super::{Context, Hit};
use parse_dockerfile::Instruction;

rule! {
    /// ## What it does
    /// Reports `MAINTAINER` instructions.
    ///
    /// ## Why is this bad?
    /// `MAINTAINER` has been deprecated since Docker 1.13; its value lands in a legacy image field that
    /// tools no longer read. The OCI label `org.opencontainers.image.authors` is the standard place.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// MAINTAINER Jane Doe <jane@example.com>
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"
    /// ```
    MaintainerDeprecated {
        id: "DF038",
        name: "maintainer-deprecated",
        severity: Note,
        summary: "MAINTAINER is deprecated; use a LABEL.",
        twins: ["hadolint:DL4000", "trivy:DS022", "checkov:CKV_DOCKER_6"],
        cwe: [],
        security_severity: 1.0,
        enabled: true,
    }
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    for (i, ins) in cx.model.instrs.iter().enumerate() {
        if let Instruction::Maintainer(mt) = ins.inner
            && !ins.onbuild
        {
            out.push(Hit::new(
                i,
                format!(
                    "MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors=\"{}\"",
                    mt.name.value.trim()
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DF038", "FROM a:1\nMAINTAINER me\n");
        passes("DF038", "FROM a:1\nLABEL maintainer=me\n");
    }
}
