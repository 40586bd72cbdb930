//! DF025: `apt` (the interactive front end) in a script.

use super::{Context, Hit};
use crate::dockerfile::packages::{self, Pm};

rule! {
    /// ## What it does
    /// Reports `apt` commands (`apt install`, `apt update`, …) in `RUN`.
    ///
    /// ## Why is this bad?
    /// `apt` is meant for people at a terminal: its command-line interface is not stable and it warns
    /// "apt does not have a stable CLI interface. Use with caution in scripts." `apt-get` and `apt-cache`
    /// are the scriptable tools.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM ubuntu:24.04
    /// RUN apt update && apt install -y curl
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM ubuntu:24.04
    /// RUN apt-get update && apt-get install -y curl
    /// ```
    AptInsteadOfAptGet {
        id: "DF025",
        name: "apt-instead-of-apt-get",
        severity: Note,
        summary: "apt is used in a script; use apt-get.",
        twins: ["hadolint:DL3027", "checkov:CKV_DOCKER_9"],
        cwe: [],
        security_severity: 1.0,
        enabled: true,
    }
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    for (i, _, run) in cx.model.runs() {
        if let Some(c) = packages::calls(&run.script, Pm::Apt)
            .into_iter()
            .find(|c| c.program == "apt" && !c.sub.is_empty())
        {
            out.push(Hit::new(
                i,
                format!("`apt {}` is the interactive front end; use `apt-get {}`", c.sub, c.sub),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DF025", "FROM ubuntu:24.04\nRUN apt install -y x\n");
        passes("DF025", "FROM ubuntu:24.04\nRUN apt-get install -y x && echo apt\n");
    }
}
