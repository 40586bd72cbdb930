//! DF013: the final image has no `HEALTHCHECK`.

use super::{Context, Hit};
use parse_dockerfile::Instruction;

rule! {
    /// ## What it does
    /// Reports a final stage that has no `HEALTHCHECK`, neither itself nor in a stage it is built `FROM`.
    /// `HEALTHCHECK NONE` counts as a deliberate choice.
    ///
    /// ## Why is this bad?
    /// Without a health check, Docker and Compose only know whether the process exists, not whether it
    /// serves: a deadlocked server stays "running" and keeps receiving traffic. Kubernetes ignores
    /// `HEALTHCHECK` (it uses probes), so this is a note, not a warning.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM nginx:1.27
    /// COPY site/ /usr/share/nginx/html/
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM nginx:1.27
    /// COPY site/ /usr/share/nginx/html/
    /// HEALTHCHECK --interval=30s --timeout=3s CMD curl -fsS http://localhost/ || exit 1
    /// ```
    MissingHealthcheck {
        id: "DF013",
        name: "missing-healthcheck",
        severity: Note,
        summary: "The final image defines no HEALTHCHECK.",
        twins: ["trivy:DS026", "checkov:CKV_DOCKER_2"],
        cwe: [],
        security_severity: 1.0,
        enabled: true,
    }
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    let m = cx.model;
    let Some(fin) = m.final_stage() else { return };
    if fin.implicit {
        return;
    }
    let has = m.lineage(fin.index).into_iter().any(|s| {
        m.body(s)
            .any(|(_, ins)| matches!(ins.inner, Instruction::Healthcheck(_)))
    });
    if !has {
        out.push(Hit::new(
            fin.from,
            "the final image has no HEALTHCHECK; add one (or `HEALTHCHECK NONE` to state there is none)",
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches(
            "DF013",
            "FROM alpine:3.20 AS a\nHEALTHCHECK CMD true\nFROM alpine:3.20\n",
        );
        catches("DF013", "FROM alpine:3.20\nONBUILD HEALTHCHECK CMD true\n");
        passes("DF013", "FROM alpine:3.20 AS a\nHEALTHCHECK CMD true\nFROM a\n");
        passes("DF013", "FROM alpine:3.20\nHEALTHCHECK NONE\n");
    }
}
