//! DC010: a sensitive host directory bind-mounted into a container.

use super::{Context, Hit};
use crate::compose::model::resolved;

rule! {
    /// ## What it does
    /// Reports bind mounts of host system directories: `/`, `/etc`, `/root`, `/boot`, `/dev`, `/usr`,
    /// `/lib`, `/bin`, `/sbin`, `/var/run`, `/run`, `/var/lib/docker`, `/var/lib/kubelet`, and anything under
    /// `/proc` or `/sys`, and `/lib/modules` mounted read-write (the host's kernel modules). Single files
    /// such as `/etc/localtime` are fine. The message says whether the mount
    /// is read-write (worse: the container can change the host) or read-only (it can still read host
    /// secrets such as `/etc/shadow` or other containers' data).
    ///
    /// ## Why is this bad?
    /// A container that can write `/etc` or `/` owns the host (a cron job, an SSH key, a setuid binary),
    /// and one that can read them reads every credential on the machine. Mount only the directory the
    /// service needs, or use a named volume.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   backup:
    ///     image: ghcr.io/acme/backup:1.0.3
    ///     volumes: ["/:/host"]
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   backup:
    ///     image: ghcr.io/acme/backup:1.0.3
    ///     volumes: ["/srv/app-data:/data:ro"]
    /// ```
    ///
    /// ## References
    /// - <https://docs.docker.com/engine/storage/bind-mounts/>
    /// - <https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html>
    ///
    /// ## Differences from compose-lint
    /// On the 457 files of compose-real, CL-0013/CL-0025 and DC010 agree on 14 mounts. Only compose-lint
    /// reports: subdirectories an application owns (`/etc/pihole/`, `/etc/dnsmasq.d/`, a single file such
    /// as `/etc/core/ca/ca.crt`), devices (`/dev/dri`, `/dev/shm`), `/run/user/…/pulse` and `/var/run/utmp` —
    /// deliberately not reported: they are the narrow mounts this rule asks for. A writable `/lib/modules`
    /// (also compose-lint's) is reported. `/` read-only is reported here as DC010 only; compose-lint adds
    /// CL-0001 because `/` contains the Docker socket (one finding per mount here).
    SensitiveHostPath {
        id: "DC010",
        name: "sensitive-host-path",
        severity: Warning,
        summary: "A sensitive host directory is bind-mounted into a container.",
        twins: ["kics:volume_has_sensitive_host_directory", "compose-lint:CL-0013", "compose-lint:CL-0025"],
        cwe: ["CWE-668"],
        security_severity: 7.0,
        enabled: true,
    }
}

const DIRECTORIES: &[&str] = &[
    "/",
    "/etc",
    "/root",
    "/boot",
    "/dev",
    "/usr",
    "/lib",
    "/bin",
    "/sbin",
    "/var/run",
    "/run",
    "/var/lib/docker",
    "/var/lib/kubelet",
    "/home",
];
const TREES: &[&str] = &["/proc", "/sys"];
/// Directories that are harmless to read but let a writer change what the host runs.
const WRITABLE_ONLY: &[&str] = &["/lib/modules", "/usr/lib/modules"];

/// `/etc/` -> `/etc`, `//etc` -> `/etc`, `/` stays.
fn normalize(path: &str) -> String {
    let mut s = String::with_capacity(path.len());
    for part in path.split('/').filter(|p| !p.is_empty() && *p != ".") {
        s.push('/');
        s.push_str(part);
    }
    if s.is_empty() { "/".to_string() } else { s }
}

fn check(cx: &Context<'_>, out: &mut Vec<Hit>) {
    for s in &cx.file.services {
        for m in s.volumes() {
            if !m.bind {
                continue;
            }
            let Some(source) = m.source.as_deref().and_then(resolved) else {
                continue;
            };
            if !source.starts_with('/') {
                continue;
            }
            let path = normalize(&source);
            let sensitive = DIRECTORIES.contains(&path.as_str())
                || TREES.iter().any(|t| path == *t || path.starts_with(&format!("{t}/")))
                || (!m.read_only && WRITABLE_ONLY.contains(&path.as_str()));
            // The runtime socket has its own rule (DC007).
            if !sensitive || path.ends_with(".sock") {
                continue;
            }
            let how = if m.read_only {
                "read-only: it can read host files"
            } else {
                "read-write: it can change the host"
            };
            out.push(Hit::at(
                s,
                m.node,
                format!("mounts host directory {path} ({how}); mount only what the service needs"),
                format!("{path}:{}", m.read_only),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, hits, passes};

    #[test]
    fn table() {
        assert_eq!(
            catches("DC010", "services:\n  a:\n    volumes:\n      - /:/host\n"),
            [4]
        );
        catches("DC010", "services:\n  a:\n    volumes: [\"/etc/:/host-etc:ro\"]\n");
        catches(
            "DC010",
            "services:\n  a:\n    volumes: [\"/lib/modules:/lib/modules\"]\n",
        );
        passes(
            "DC010",
            "services:\n  a:\n    volumes: [\"/lib/modules:/lib/modules:ro\"]\n",
        );
        catches(
            "DC010",
            "services:\n  a:\n    volumes: [\"/proc:/host/proc:ro\", \"/sys/fs/cgroup:/cg:ro\"]\n",
        );
        catches(
            "DC010",
            "services:\n  a:\n    volumes:\n      - type: bind\n        source: /var/lib/docker\n        target: /d\n",
        );
        passes(
            "DC010",
            "services:\n  a:\n    volumes: [\"/etc/localtime:/etc/localtime:ro\", \"./etc:/etc/app\"]\n",
        );
        passes(
            "DC010",
            "services:\n  a:\n    volumes: [\"etc:/etc\", \"/srv/data:/data\"]\n",
        );
        passes(
            "DC010",
            "services:\n  a:\n    volumes: [\"/var/run/docker.sock:/var/run/docker.sock\"]\n",
        );
        let rw = hits("DC010", "services:\n  a:\n    volumes: [\"/:/host\"]\n");
        assert!(rw[0].message.contains("read-write"));
        let ro = hits("DC010", "services:\n  a:\n    volumes: [\"/:/host:ro\"]\n");
        assert!(ro[0].message.contains("read-only"));
    }
}
