//! DF036: more than one `CMD` in a stage.

use super::{Context, Hit};
use parse_dockerfile::Instruction;

rule! {
    /// ## What it does
    /// Reports every `CMD` after the first in the same stage.
    ///
    /// ## Why is this bad?
    /// Only the last `CMD` takes effect; the earlier ones look like they run something and do not.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// CMD ["python", "migrate.py"]
    /// CMD ["python", "app.py"]
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// CMD ["sh", "-c", "python migrate.py && exec python app.py"]
    /// ```
    MultipleCmd {
        id: "DF036",
        name: "multiple-cmd",
        severity: Warning,
        summary: "A stage has more than one CMD; only the last applies.",
        twins: ["hadolint:DL4003", "trivy:DS016"],
        cwe: [],
        security_severity: 1.0,
        enabled: true,
    }
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    super::later_duplicates(cx, out, |i| matches!(i, Instruction::Cmd(_)), "CMD");
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        assert_eq!(catches("DF036", "FROM a:1\nCMD a\nCMD b\nCMD c\n"), vec![3, 4]);
        passes("DF036", "FROM a:1 AS x\nCMD a\nFROM a:1\nCMD b\nONBUILD CMD c\n");
    }
}
