//! DC008: a host namespace shared with a container (`network_mode`, `pid`, `ipc`, `userns_mode`, `uts`).

use super::{Context, Hit};

rule! {
    /// ## What it does
    /// Reports `network_mode: host`, `pid: host`, `ipc: host`, `userns_mode: host` and `uts: host`.
    ///
    /// ## Why is this bad?
    /// Each one removes a wall between the container and the host: `network_mode: host` puts it on the
    /// host's interfaces (every port it opens is public, and it can reach services bound to localhost);
    /// `pid: host` lets it see and signal every host process; `ipc: host` shares the host's shared memory;
    /// `userns_mode: host` turns off user-namespace remapping, so root in the container is root on the host.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   exporter:
    ///     image: prom/node-exporter:v1.8.2
    ///     network_mode: host
    ///     pid: host
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   exporter:
    ///     image: prom/node-exporter:v1.8.2
    ///     ports: ["127.0.0.1:9100:9100"]
    /// ```
    ///
    /// ## References
    /// - <https://docs.docker.com/reference/compose-file/services/#network_mode>
    /// - <https://docs.docker.com/reference/compose-file/services/#pid>
    /// - <https://docs.docker.com/engine/security/userns-remap/>
    ///
    /// ## Differences from compose-lint
    /// On compose-real CL-0008/CL-0010 and DC008 agree on 6 services; `userns_mode: host` (frappe_docker's
    /// proxy override) is reported only here: compose-lint has no check for it.
    HostNamespace {
        id: "DC008",
        name: "host-namespace",
        severity: Warning,
        summary: "A service shares a host namespace (network, pid, ipc, user or uts).",
        twins: [
            "kics:host_namespace_is_shared",
            "kics:shared_host_ipc_namespace",
            "compose-lint:CL-0008",
            "compose-lint:CL-0010",
        ],
        cwe: ["CWE-668"],
        security_severity: 6.0,
        enabled: true,
    }
}

const KEYS: &[(&str, &str)] = &[
    ("network_mode", "the host's network"),
    ("pid", "the host's processes"),
    ("ipc", "the host's shared memory"),
    ("userns_mode", "the host's user ids (no remapping)"),
    ("uts", "the host's hostname"),
];

fn check(cx: &Context<'_>, out: &mut Vec<Hit>) {
    for s in &cx.file.services {
        for (key, what) in KEYS {
            if let Some(e) = s.entry(key)
                && e.value.as_str().is_some_and(|v| v.trim() == "host")
            {
                out.push(Hit::at_entry(
                    s,
                    e,
                    format!("`{key}: host` shares {what} with the container; remove it"),
                    *key,
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
        assert_eq!(catches("DC008", "services:\n  a:\n    network_mode: host\n"), [3]);
        assert_eq!(
            catches("DC008", "services:\n  a:\n    pid: \"host\"\n    ipc: host\n"),
            [3, 4]
        );
        catches("DC008", "services:\n  a:\n    userns_mode: host\n");
        passes(
            "DC008",
            "services:\n  a:\n    network_mode: \"service:vpn\"\n    ipc: shareable\n",
        );
        passes("DC008", "services:\n  a:\n    network_mode: bridge\n");
    }
}
