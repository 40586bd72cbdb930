//! DF032: `sudo` in `RUN`.

use super::{Context, Hit};

rule! {
    /// ## What it does
    /// Reports `RUN` instructions that call `sudo`.
    ///
    /// ## Why is this bad?
    /// Build steps already run as the current `USER`; `sudo` in a Dockerfile means either that user is root
    /// (so it does nothing) or the image grants a user password-less root, which anyone who gets a shell in
    /// the container inherits. Its TTY and signal handling also makes builds behave unpredictably.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM ubuntu:24.04
    /// USER app
    /// RUN sudo apt-get update
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM ubuntu:24.04
    /// RUN apt-get update
    /// USER app
    /// ```
    Sudo {
        id: "DF032",
        name: "sudo",
        severity: Warning,
        summary: "RUN uses sudo.",
        twins: ["hadolint:DL3004", "trivy:DS010", "checkov:CKV2_DOCKER_1"],
        cwe: ["CWE-250"],
        security_severity: 5.0,
        enabled: true,
    }
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    for (i, _, run) in cx.model.runs() {
        if run
            .script
            .commands
            .iter()
            .any(|c| c.name().is_some_and(|n| n.rsplit('/').next() == Some("sudo")))
        {
            out.push(Hit::new(
                i,
                "do not use sudo in RUN; switch with `USER root` for the step and back to an unprivileged USER",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DF032", "FROM a:1\nRUN sudo make install\n");
        catches("DF032", "FROM a:1\nRUN true && /usr/bin/sudo -u x ls\n");
        passes("DF032", "FROM a:1\nRUN apt-get install -y sudo && echo 'sudo'\n");
    }
}
