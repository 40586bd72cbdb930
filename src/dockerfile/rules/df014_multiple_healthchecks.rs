//! DF014: more than one `HEALTHCHECK` in a stage.

use super::{Context, Hit};
use parse_dockerfile::Instruction;

rule! {
    /// ## What it does
    /// Reports every `HEALTHCHECK` after the first in the same stage.
    ///
    /// ## Why is this bad?
    /// Only the last one takes effect; the others are dead code that readers take for real.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM nginx:1.27
    /// HEALTHCHECK CMD curl -f http://localhost/ || exit 1
    /// HEALTHCHECK CMD curl -f http://localhost/health || exit 1
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM nginx:1.27
    /// HEALTHCHECK CMD curl -f http://localhost/health || exit 1
    /// ```
    MultipleHealthchecks {
        id: "DF014",
        name: "multiple-healthchecks",
        severity: Warning,
        summary: "A stage has more than one HEALTHCHECK; only the last applies.",
        twins: ["hadolint:DL3012", "trivy:DS023"],
        cwe: [],
        security_severity: 1.0,
        enabled: true,
    }
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    super::later_duplicates(cx, out, |i| matches!(i, Instruction::Healthcheck(_)), "HEALTHCHECK");
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        assert_eq!(
            catches("DF014", "FROM a:1\nHEALTHCHECK NONE\nHEALTHCHECK CMD x\n"),
            vec![3]
        );
        passes(
            "DF014",
            "FROM a:1 AS x\nHEALTHCHECK NONE\nFROM a:1\nHEALTHCHECK CMD x\n",
        );
    }
}
