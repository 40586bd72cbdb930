//! DC013 (opt-in): `security_opt` without `no-new-privileges:true`.

use super::{Context, Hit};

rule! {
    /// ## What it does
    /// Reports services whose `security_opt` does not include `no-new-privileges:true` (or
    /// `no-new-privileges`). Off by default: enable it for hardened deployments.
    ///
    /// ## Why is this bad?
    /// Without the flag a process in the container can gain privileges through setuid and setcap binaries
    /// (`sudo`, `su`, a planted setuid shell) after an attacker gets code execution as an unprivileged user.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   app:
    ///     image: ghcr.io/acme/app:1.4.2
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   app:
    ///     image: ghcr.io/acme/app:1.4.2
    ///     security_opt: ["no-new-privileges:true"]
    /// ```
    ///
    /// ## References
    /// - <https://docs.docker.com/reference/cli/docker/container/run/#security-opt>
    /// - <https://www.kernel.org/doc/html/latest/userspace-api/no_new_privs.html>
    NoNewPrivilegesUnset {
        id: "DC013",
        name: "no-new-privileges-unset",
        severity: Note,
        summary: "A service does not set no-new-privileges.",
        twins: ["kics:no_new_privileges_not_set", "compose-lint:CL-0003"],
        cwe: ["CWE-250"],
        security_severity: 3.0,
        enabled: false,
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Hit>) {
    for s in &cx.file.services {
        let set = s.strings("security_opt").iter().any(|(o, _)| {
            let o = o.trim().to_ascii_lowercase().replace('=', ":");
            o == "no-new-privileges" || o == "no-new-privileges:true"
        });
        if !set {
            out.push(Hit::at(
                s,
                s.key,
                "does not set `security_opt: [\"no-new-privileges:true\"]`; setuid binaries can raise privileges",
                "no-new-privileges",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        assert_eq!(catches("DC013", "services:\n  a:\n    image: x:1\n"), [2]);
        catches(
            "DC013",
            "services:\n  a:\n    security_opt: [\"no-new-privileges:false\"]\n",
        );
        passes(
            "DC013",
            "services:\n  a:\n    security_opt: [\"no-new-privileges:true\"]\n",
        );
        passes(
            "DC013",
            "services:\n  a:\n    security_opt:\n      - no-new-privileges\n",
        );
    }
}
