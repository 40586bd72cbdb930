//! DC009: `security_opt` turning off seccomp, AppArmor or SELinux confinement.

use super::{Context, Hit};

rule! {
    /// ## What it does
    /// Reports `security_opt` entries `seccomp:unconfined`, `apparmor:unconfined`, `label:disable` and
    /// `systempaths=unconfined` (with `:` or `=`).
    ///
    /// ## Why is this bad?
    /// Docker's default seccomp profile blocks the system calls most kernel exploits start with, and the
    /// AppArmor/SELinux profiles stop a container from touching host files it has no business with.
    /// Turning them off makes every kernel bug a container escape.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   app:
    ///     image: ghcr.io/acme/app:1.4.2
    ///     security_opt: ["seccomp:unconfined"]
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   app:
    ///     image: ghcr.io/acme/app:1.4.2
    ///     security_opt: ["seccomp:./seccomp-app.json", "no-new-privileges:true"]
    /// ```
    ///
    /// ## References
    /// - <https://docs.docker.com/engine/security/seccomp/>
    /// - <https://docs.docker.com/engine/security/apparmor/>
    SecurityProfileDisabled {
        id: "DC009",
        name: "security-profile-disabled",
        severity: Warning,
        summary: "security_opt turns off seccomp, AppArmor or SELinux confinement.",
        twins: ["compose-lint:CL-0009"],
        cwe: ["CWE-693"],
        security_severity: 6.5,
        enabled: true,
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Hit>) {
    for s in &cx.file.services {
        for (opt, node) in s.strings("security_opt") {
            let normalized = opt.trim().to_ascii_lowercase().replace('=', ":");
            let off = matches!(
                normalized.as_str(),
                "seccomp:unconfined" | "apparmor:unconfined" | "label:disable" | "systempaths:unconfined"
            );
            if off {
                out.push(Hit::at(
                    s,
                    node,
                    format!("`{opt}` turns off the container's confinement; use the default or a custom profile"),
                    normalized,
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
        assert_eq!(
            catches(
                "DC009",
                "services:\n  a:\n    security_opt:\n      - seccomp:unconfined\n"
            ),
            [4]
        );
        catches(
            "DC009",
            "services:\n  a:\n    security_opt: [\"apparmor=unconfined\"]\n",
        );
        catches("DC009", "services:\n  a:\n    security_opt: [label:disable]\n");
        passes(
            "DC009",
            "services:\n  a:\n    security_opt: [\"no-new-privileges:true\", \"seccomp:profile.json\"]\n",
        );
    }
}
