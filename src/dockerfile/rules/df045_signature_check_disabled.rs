//! DF045: package signature checks turned off.

use super::{Context, Hit};
use crate::dockerfile::shell::Cmd;

rule! {
    /// ## What it does
    /// Reports package installs that skip signature verification: `apt-get --allow-unauthenticated`,
    /// `--force-yes` or `-o APT::Get::AllowUnauthenticated=true`, `apk --allow-untrusted`,
    /// `yum`/`dnf`/`tdnf`/`rpm --nogpgcheck`, and `rpm --nosignature`/`--nodigest`/`--noverify`.
    ///
    /// ## Why is this bad?
    /// Signatures are what stop a compromised mirror or a network attacker from serving modified packages;
    /// without them the image installs whatever it receives, as root.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// RUN apk add --no-cache --allow-untrusted /tmp/tool.apk
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// COPY tool-signing.rsa.pub /etc/apk/keys/
    /// RUN apk add --no-cache /tmp/tool.apk
    /// ```
    SignatureCheckDisabled {
        id: "DF045",
        name: "signature-check-disabled",
        severity: Error,
        summary: "Package signature verification is turned off.",
        twins: ["checkov:CKV2_DOCKER_7", "checkov:CKV2_DOCKER_8", "checkov:CKV2_DOCKER_9", "checkov:CKV2_DOCKER_10", "checkov:CKV2_DOCKER_11"],
        cwe: ["CWE-347"],
        security_severity: 7.5,
        enabled: true,
    }
}

fn unsigned(c: &Cmd) -> Option<&'static str> {
    let prog = c.program()?;
    let args = c.args();
    let has = |f: &str| args.iter().any(|a| a == f);
    match prog {
        "apt-get" | "apt"
            if has("--allow-unauthenticated")
                || args
                    .iter()
                    .any(|a| a.contains("AllowUnauthenticated=true") || a.contains("AllowUnauthenticated=1")) =>
        {
            Some("--allow-unauthenticated")
        }
        "apt-get" | "apt" if has("--force-yes") => Some("--force-yes"),
        "apk" if has("--allow-untrusted") => Some("--allow-untrusted"),
        "yum" | "dnf" | "microdnf" | "tdnf" | "rpm" if has("--nogpgcheck") => Some("--nogpgcheck"),
        "rpm" if has("--nosignature") || has("--nodigest") || has("--noverify") || has("--nofiledigest") => {
            Some("--nosignature")
        }
        _ => None,
    }
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    for (i, _, run) in cx.model.runs() {
        if let Some(flag) = run.script.commands.iter().find_map(unsigned) {
            out.push(Hit::new(
                i,
                format!("{flag} installs packages without checking signatures; import the signing key instead"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DF045", "FROM a:1\nRUN apt-get install -y --allow-unauthenticated x\n");
        catches("DF045", "FROM a:1\nRUN apt-get install -y --force-yes x\n");
        catches("DF045", "FROM a:1\nRUN dnf install -y --nogpgcheck x\n");
        catches("DF045", "FROM a:1\nRUN rpm -i --nosignature x.rpm\n");
        passes("DF045", "FROM a:1\nRUN apk add --no-cache x && rpm -i x.rpm\n");
    }
}
