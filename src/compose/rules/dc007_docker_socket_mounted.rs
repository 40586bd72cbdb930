//! DC007: the Docker (or another container runtime's) socket mounted into a container.

use super::{Context, Hit};
use crate::compose::model::resolved;

rule! {
    /// ## What it does
    /// Reports volumes whose host source is a container runtime's API socket: `/var/run/docker.sock`,
    /// `/run/docker.sock`, `podman.sock`, `containerd.sock`, `crio.sock` (defaults of `${VAR:-…}` count).
    /// A read-only mount is reported too: `:ro` stops writes to the socket file, not API calls through it.
    ///
    /// ## Why is this bad?
    /// Whoever can talk to the Docker API is root on the host: one `docker run -v /:/host --privileged`
    /// through the socket and the container owns the machine. Tools that need the API (reverse proxies,
    /// dashboards, CI runners) should get a filtering socket proxy that allows only the calls they use.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   proxy:
    ///     image: traefik:v3.2
    ///     volumes:
    ///       - /var/run/docker.sock:/var/run/docker.sock:ro
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   socket-proxy:
    ///     image: ghcr.io/tecnativa/docker-socket-proxy:0.3
    ///     environment: {CONTAINERS: 1}
    ///     volumes: ["/var/run/docker.sock:/var/run/docker.sock:ro"]   # reviewed: the only one
    ///   proxy:
    ///     image: traefik:v3.2
    ///     command: --providers.docker.endpoint=tcp://socket-proxy:2375
    /// ```
    ///
    /// ## References
    /// - <https://docs.docker.com/engine/security/#docker-daemon-attack-surface>
    /// - <https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html>
    ///
    /// ## Differences from compose-lint
    /// On compose-real both report the same 50 mounts. compose-lint also reports `/:/hostfs:ro` (the root
    /// contains the socket); plimsoll reports that mount once, as DC010.
    DockerSocketMounted {
        id: "DC007",
        name: "docker-socket-mounted",
        severity: Error,
        summary: "The container runtime's API socket is mounted into a container.",
        twins: ["kics:docker_socket_mounted_in_container", "compose-lint:CL-0001"],
        cwe: ["CWE-250"],
        security_severity: 9.0,
        enabled: true,
    }
}

const SOCKETS: &[&str] = &["docker.sock", "podman.sock", "containerd.sock", "crio.sock"];

fn check(cx: &Context<'_>, out: &mut Vec<Hit>) {
    for s in &cx.file.services {
        for m in s.volumes() {
            let Some(source) = m.source.as_deref().and_then(resolved) else {
                continue;
            };
            let file = source.trim_end_matches('/').rsplit(['/', '\\']).next().unwrap_or("");
            if SOCKETS.contains(&file) {
                out.push(Hit::at(
                    s,
                    m.node,
                    format!(
                        "mounts the container runtime socket {source} (root on the host, read-only or not); give it a filtering socket proxy instead"
                    ),
                    source.clone(),
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
                "DC007",
                "services:\n  a:\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n"
            ),
            [4]
        );
        catches(
            "DC007",
            "services:\n  a:\n    volumes: [\"/var/run/docker.sock:/tmp/docker.sock:ro\"]\n",
        );
        catches(
            "DC007",
            "services:\n  a:\n    volumes:\n      - type: bind\n        source: /run/docker.sock\n        target: /var/run/docker.sock\n",
        );
        catches(
            "DC007",
            "services:\n  a:\n    volumes: [\"${DOCKER_SOCK:-/var/run/docker.sock}:/var/run/docker.sock\"]\n",
        );
        catches(
            "DC007",
            "x-sock: &sock /var/run/docker.sock:/var/run/docker.sock\nservices:\n  a:\n    volumes: [*sock]\n",
        );
        passes(
            "DC007",
            "services:\n  a:\n    volumes: [\"./data:/data\", \"logs:/var/log\"]\n",
        );
        passes(
            "DC007",
            "services:\n  a:\n    volumes: [\"${SOCK}:/var/run/docker.sock\"]\n",
        );
    }
}
