//! DC006: `cap_add` of a capability that breaks container isolation.

use super::{Context, Hit};

rule! {
    /// ## What it does
    /// Reports `cap_add` entries that hand the container host-level power: `ALL`, `SYS_ADMIN`,
    /// `NET_ADMIN`, `SYS_MODULE`, `SYS_RAWIO`, `SYS_PTRACE`, `SYS_BOOT`, `SYS_TIME`, `DAC_READ_SEARCH`,
    /// `BPF`, `PERFMON`, `MAC_ADMIN`, `MAC_OVERRIDE`, `SYSLOG` (with or without the `CAP_` prefix, any case).
    ///
    /// ## Why is this bad?
    /// These capabilities are the usual container escapes: `SYS_ADMIN` mounts filesystems and is close to
    /// `privileged`, `SYS_MODULE` loads kernel code, `SYS_PTRACE` reads other processes' memory,
    /// `NET_ADMIN` rewrites the network the host's other containers share, `DAC_READ_SEARCH` opens any
    /// file by handle.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   vpn:
    ///     image: ghcr.io/acme/vpn:3.0.1
    ///     cap_add: [ALL]
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   vpn:
    ///     image: ghcr.io/acme/vpn:3.0.1
    ///     cap_drop: [ALL]
    ///     cap_add: [NET_BIND_SERVICE]
    /// ```
    ///
    /// ## References
    /// - <https://man7.org/linux/man-pages/man7/capabilities.7.html>
    /// - <https://docs.docker.com/reference/compose-file/services/#cap_add>
    DangerousCapability {
        id: "DC006",
        name: "dangerous-capability",
        severity: Warning,
        summary: "cap_add grants a capability that breaks container isolation.",
        twins: [
            "kics:container_capabilities_unrestricted",
            "compose-lint:CL-0011",
            "compose-lint:CL-0024",
            "compose-lint:CL-0027",
            "compose-lint:CL-0028",
            "compose-lint:CL-0030",
        ],
        cwe: ["CWE-250"],
        security_severity: 7.0,
        enabled: true,
    }
}

/// Capabilities that escape or weaken isolation, with what they allow.
const DANGEROUS: &[(&str, &str)] = &[
    ("ALL", "every capability"),
    ("SYS_ADMIN", "mounts and most of root's power"),
    ("NET_ADMIN", "reconfiguring the network"),
    ("SYS_MODULE", "loading kernel modules"),
    ("SYS_RAWIO", "raw device and port I/O"),
    ("SYS_PTRACE", "tracing and reading other processes"),
    ("SYS_BOOT", "rebooting the host"),
    ("SYS_TIME", "setting the host clock"),
    ("DAC_READ_SEARCH", "opening any file by handle"),
    ("BPF", "loading BPF programs"),
    ("PERFMON", "kernel performance monitoring"),
    ("MAC_ADMIN", "changing MAC policy"),
    ("MAC_OVERRIDE", "overriding MAC policy"),
    ("SYSLOG", "reading the kernel log"),
];

fn check(cx: &Context<'_>, out: &mut Vec<Hit>) {
    for s in &cx.file.services {
        for (cap, node) in s.strings("cap_add") {
            let upper = cap.trim().to_ascii_uppercase();
            let name = upper.strip_prefix("CAP_").unwrap_or(&upper);
            if let Some((name, what)) = DANGEROUS.iter().find(|(n, _)| *n == name) {
                out.push(Hit::at(
                    s,
                    node,
                    format!("adds capability {name} ({what}); drop it, or grant a narrower capability"),
                    *name,
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
            catches("DC006", "services:\n  a:\n    cap_add:\n      - SYS_ADMIN\n"),
            [4]
        );
        catches("DC006", "services:\n  a:\n    cap_add: [cap_net_admin]\n");
        catches("DC006", "services:\n  a:\n    cap_add: [\"ALL\"]\n");
        passes("DC006", "services:\n  a:\n    cap_add: [NET_BIND_SERVICE, CHOWN]\n");
        passes("DC006", "services:\n  a:\n    cap_drop: [ALL]\n");
    }
}
