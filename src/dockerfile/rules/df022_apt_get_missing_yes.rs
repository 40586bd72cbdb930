//! DF022: `apt-get install` without `-y`.

use super::{Context, Hit};
use crate::dockerfile::packages::{self, Pm};

rule! {
    /// ## What it does
    /// Reports `apt-get` (and `apt`) `install`, `upgrade`, `dist-upgrade`, `full-upgrade`, `remove`,
    /// `purge` and `autoremove` without `-y`, `--yes`, `--assume-yes` or `-qq`.
    ///
    /// ## Why is this bad?
    /// The build has no terminal to answer apt's "Do you want to continue? [Y/n]", so the command aborts
    /// and the build fails, or (with some apt configurations) hangs.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12-slim
    /// RUN apt-get update && apt-get install --no-install-recommends curl
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12-slim
    /// RUN apt-get update && apt-get install -y --no-install-recommends curl
    /// ```
    AptGetMissingYes {
        id: "DF022",
        name: "apt-get-missing-yes",
        severity: Warning,
        summary: "apt-get install without -y waits for an answer no one gives.",
        twins: ["hadolint:DL3014", "trivy:DS021"],
        cwe: [],
        security_severity: 1.0,
        enabled: true,
    }
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    for (i, _, run) in cx.model.runs() {
        let bad = packages::calls(&run.script, Pm::Apt).into_iter().find(|c| {
            matches!(
                c.sub,
                "install" | "upgrade" | "dist-upgrade" | "full-upgrade" | "remove" | "purge" | "autoremove"
            ) && !c.has_flag("yes", Some('y'))
                && !c.has_flag("assume-yes", None)
                && !c
                    .args
                    .iter()
                    .any(|a| a == "-qq" || a == "-q=2" || a.contains("Assume-Yes=true"))
        });
        if let Some(c) = bad {
            out.push(Hit::new(
                i,
                format!("`{} {}` without `-y` stops at a prompt; add `-y`", c.program, c.sub),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DF022", "FROM debian:12\nRUN apt-get install curl\n");
        catches(
            "DF022",
            "FROM debian:12\nRUN apt-get update && \\\n    apt-get purge --auto-remove curl\n",
        );
        passes("DF022", "FROM debian:12\nRUN apt-get install -y curl\n");
        passes("DF022", "FROM debian:12\nRUN apt-get -qy install curl\n");
        passes(
            "DF022",
            "FROM debian:12\nRUN apt-get install --yes curl && apt-get -qq remove x\n",
        );
        passes("DF022", "FROM debian:12\nRUN apt-get update\n");
    }
}
