//! DC015 (opt-in): `user` unset or root.

use super::{Context, Hit};

rule! {
    /// ## What it does
    /// Reports services with `user: root` (or `0`, `0:0`, `root:…`) and, as a reminder, services that set no
    /// `user` at all (they run as the image's `USER`, which is root for most images). Off by default.
    ///
    /// ## Why is this bad?
    /// Root in the container is root on the host's kernel: every container escape, writable mount or
    /// mounted socket becomes a host compromise. A service that needs no root should not have it.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   app:
    ///     image: ghcr.io/acme/app:1.4.2
    ///     user: root
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   app:
    ///     image: ghcr.io/acme/app:1.4.2
    ///     user: "10001:10001"
    /// ```
    ///
    /// ## References
    /// - <https://docs.docker.com/reference/compose-file/services/#user>
    /// - <https://docs.docker.com/engine/security/#linux-kernel-capabilities>
    ///
    /// ## Differences from compose-lint
    /// CL-0018 reports only an explicit `user: root`/`0`; DC015 (opt-in) also reports a service with no
    /// `user:` at all, which runs as the image's user — root for most images. On compose-real: 3 services both,
    /// 1,040 only here (every service without `user:`).
    RunsAsRoot {
        id: "DC015",
        name: "runs-as-root",
        severity: Note,
        summary: "A service runs as root (user unset or root).",
        twins: ["compose-lint:CL-0018"],
        cwe: ["CWE-250"],
        security_severity: 4.0,
        enabled: false,
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Hit>) {
    for s in &cx.file.services {
        match s.entry("user") {
            Some(e) => {
                let u = e.value.as_str().unwrap_or("").trim();
                let user = u.split(':').next().unwrap_or("");
                if user == "root" || user == "0" {
                    out.push(Hit::at_entry(s, e, format!("runs as `{u}`; run as an unprivileged user"), "root"));
                }
            }
            None => out.push(Hit::at(
                s,
                s.key,
                "sets no `user`, so it runs as the image's USER (root unless the image says otherwise); set an unprivileged `user:`",
                "unset",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        assert_eq!(catches("DC015", "services:\n  a:\n    user: root\n"), [3]);
        catches("DC015", "services:\n  a:\n    user: \"0:0\"\n");
        catches("DC015", "services:\n  a:\n    image: x:1\n");
        passes("DC015", "services:\n  a:\n    user: \"1000:1000\"\n");
        passes("DC015", "services:\n  a:\n    user: node\n");
    }
}
