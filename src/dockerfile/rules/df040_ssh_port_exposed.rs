//! DF040: port 22 exposed.

use super::{Context, Hit};
use parse_dockerfile::Instruction;

rule! {
    /// ## What it does
    /// Reports `EXPOSE 22` (tcp, or in a port range).
    ///
    /// ## Why is this bad?
    /// An SSH server in a container is one more daemon with credentials to manage and attack; containers
    /// are entered with `docker exec` / `kubectl exec`, which need no open port.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM ubuntu:24.04
    /// RUN apt-get update && apt-get install -y openssh-server
    /// EXPOSE 22
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM ubuntu:24.04
    /// EXPOSE 8080
    /// ```
    SshPortExposed {
        id: "DF040",
        name: "ssh-port-exposed",
        severity: Warning,
        summary: "The image exposes the SSH port 22.",
        twins: ["trivy:DS004", "checkov:CKV_DOCKER_1"],
        cwe: ["CWE-284"],
        security_severity: 5.0,
        enabled: true,
    }
}

fn exposes_22(arg: &str) -> bool {
    let (ports, proto) = arg.split_once('/').unwrap_or((arg, "tcp"));
    if !proto.eq_ignore_ascii_case("tcp") {
        return false;
    }
    let (a, b) = ports.split_once('-').unwrap_or((ports, ports));
    matches!((a.parse::<u32>(), b.parse::<u32>()), (Ok(a), Ok(b)) if a <= 22 && 22 <= b)
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    for (i, ins) in cx.model.instrs.iter().enumerate() {
        if let Instruction::Expose(e) = ins.inner
            && e.arguments.iter().any(|a| exposes_22(a.value.trim()))
        {
            out.push(Hit::new(
                i,
                "port 22 (SSH) is exposed; use `docker exec` instead of an SSH server in the container",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DF040", "FROM a:1\nEXPOSE 80 22/tcp\n");
        catches("DF040", "FROM a:1\nEXPOSE 20-25\n");
        passes("DF040", "FROM a:1\nEXPOSE 2222 22/udp\n");
    }
}
