//! DF056: a shell-form `HEALTHCHECK CMD` in an image that has no shell.

use super::{Context, Hit};
use crate::dockerfile::model::Base;
use parse_dockerfile::{Command, Instruction};

rule! {
    /// ## What it does
    /// Reports `HEALTHCHECK CMD <command>` in shell form in a final image built `FROM scratch` or on an
    /// image that ships without a shell (distroless, Chainguard's static images, and their non-`debug`
    /// tags).
    ///
    /// ## Why is this bad?
    /// Docker runs a shell-form health check as `/bin/sh -c "<command>"`. Without `/bin/sh` every check
    /// fails to start, the container is marked `unhealthy` forever, and orchestrators that act on health
    /// (Swarm, compose `depends_on: condition: service_healthy`) restart it or never start what depends on
    /// it. Shell form elsewhere is fine, and its `|| exit 1` idiom needs the shell.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM gcr.io/distroless/static-debian12:nonroot
    /// COPY app /app
    /// HEALTHCHECK CMD /app --health || exit 1
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM gcr.io/distroless/static-debian12:nonroot
    /// COPY app /app
    /// HEALTHCHECK CMD ["/app", "--health"]
    /// ```
    HealthcheckNeedsShell {
        id: "DF056",
        name: "healthcheck-needs-shell",
        severity: Error,
        summary: "A shell-form HEALTHCHECK runs /bin/sh, which the image does not have.",
        twins: [],
        cwe: [],
        security_severity: 2.0,
        enabled: true,
    }
}

/// Whether an image built on `base` has no `/bin/sh`.
fn shell_less(base: &Base) -> bool {
    match base {
        Base::Scratch => true,
        Base::Image(r) => {
            let repo = r.repository.to_ascii_lowercase();
            let tag = r.tag_or_latest().to_ascii_lowercase();
            let distroless = repo.contains("distroless/") || r.registry.contains("distroless");
            let chainguard_static =
                (r.registry == "cgr.dev" || repo.starts_with("chainguard/")) && r.short_name() == "static";
            (distroless || chainguard_static) && !tag.contains("debug")
        }
        _ => false,
    }
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    let m = cx.model;
    let Some(fin) = m.final_stage() else { return };
    if fin.windows || !shell_less(m.root_base(fin.index)) {
        return;
    }
    for s in m.lineage(fin.index) {
        for (i, ins) in m.body(s) {
            let Instruction::Healthcheck(h) = ins.inner else {
                continue;
            };
            let shell_form = matches!(
                &h.arguments,
                parse_dockerfile::HealthcheckArguments::Cmd {
                    arguments: Command::Shell(_),
                    ..
                }
            );
            if shell_form {
                out.push(Hit::new(
                    i,
                    "this image has no /bin/sh, so a shell-form HEALTHCHECK can never run; use exec form `HEALTHCHECK CMD [\"/path/to/binary\", \"arg\"]`",
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DF056", "FROM scratch\nCOPY app /app\nHEALTHCHECK CMD /app -health\n");
        catches(
            "DF056",
            "FROM gcr.io/distroless/base-debian12\nHEALTHCHECK --interval=5s CMD /app health\n",
        );
        catches(
            "DF056",
            "FROM cgr.dev/chainguard/static:latest AS run\nHEALTHCHECK CMD /x\n",
        );
        passes(
            "DF056",
            "FROM gcr.io/distroless/base-debian12:debug\nHEALTHCHECK CMD /app health\n",
        );
        passes(
            "DF056",
            "FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n",
        );
        passes("DF056", "FROM scratch\nHEALTHCHECK CMD [\"/app\", \"-health\"]\n");
        passes("DF056", "FROM scratch\nHEALTHCHECK NONE\n");
    }
}
