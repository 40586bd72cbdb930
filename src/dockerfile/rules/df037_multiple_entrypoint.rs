//! DF037: more than one `ENTRYPOINT` in a stage.

use super::{Context, Hit};
use parse_dockerfile::Instruction;

rule! {
    /// ## What it does
    /// Reports every `ENTRYPOINT` after the first in the same stage.
    ///
    /// ## Why is this bad?
    /// Only the last `ENTRYPOINT` takes effect; the earlier ones are dead code that misleads readers.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// ENTRYPOINT ["/init"]
    /// ENTRYPOINT ["/app"]
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// ENTRYPOINT ["/init", "/app"]
    /// ```
    MultipleEntrypoint {
        id: "DF037",
        name: "multiple-entrypoint",
        severity: Warning,
        summary: "A stage has more than one ENTRYPOINT; only the last applies.",
        twins: ["hadolint:DL4004", "trivy:DS007"],
        cwe: [],
        security_severity: 1.0,
        enabled: true,
    }
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    super::later_duplicates(cx, out, |i| matches!(i, Instruction::Entrypoint(_)), "ENTRYPOINT");
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DF037", "FROM a:1\nENTRYPOINT a\nENTRYPOINT [\"b\"]\n");
        passes("DF037", "FROM a:1\nENTRYPOINT [\"b\"]\nCMD [\"c\"]\n");
    }
}
