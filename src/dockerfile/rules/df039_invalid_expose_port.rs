//! DF039: `EXPOSE` with an invalid port or protocol.

use super::{Context, Hit};
use parse_dockerfile::Instruction;

rule! {
    /// ## What it does
    /// Reports `EXPOSE` arguments that are not `<port>[/<protocol>]` or `<from>-<to>[/<protocol>]` with ports
    /// from 0 to 65535 and protocol `tcp`, `udp` or `sctp`. Variables are not judged.
    ///
    /// ## Why is this bad?
    /// Docker rejects the build (`invalid containerPort`), or, for a host:port mapping written by mistake,
    /// the port is not what the author meant: publishing belongs to `docker run -p`, not the image.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM nginx:1.27
    /// EXPOSE 80/http 8080:80 70000
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM nginx:1.27
    /// EXPOSE 80/tcp 8080
    /// ```
    InvalidExposePort {
        id: "DF039",
        name: "invalid-expose-port",
        severity: Error,
        summary: "EXPOSE names an invalid port or protocol.",
        twins: ["hadolint:DL3011", "trivy:DS008"],
        cwe: [],
        security_severity: 1.0,
        enabled: true,
    }
}

/// Why an `EXPOSE` argument is invalid, if it is.
fn invalid(arg: &str) -> Option<String> {
    if arg.contains('$') {
        return None;
    }
    let (ports, proto) = match arg.split_once('/') {
        Some((p, proto)) => (p, Some(proto)),
        None => (arg, None),
    };
    if let Some(proto) = proto
        && !["tcp", "udp", "sctp"].contains(&proto.to_ascii_lowercase().as_str())
    {
        return Some(format!("protocol `{proto}` is not tcp, udp or sctp"));
    }
    if ports.contains(':') {
        return Some(format!(
            "`{ports}` is a host:container mapping, which belongs to `docker run -p`"
        ));
    }
    let (a, b) = ports.split_once('-').unwrap_or((ports, ports));
    for p in [a, b] {
        match p.parse::<u32>() {
            Ok(n) if n <= 65535 => {}
            Ok(n) => return Some(format!("port {n} is above 65535")),
            Err(_) => return Some(format!("`{p}` is not a port number")),
        }
    }
    None
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    for (i, ins) in cx.model.instrs.iter().enumerate() {
        let Instruction::Expose(e) = ins.inner else { continue };
        if let Some(why) = e.arguments.iter().find_map(|a| invalid(a.value.trim())) {
            out.push(Hit::new(
                i,
                format!("invalid EXPOSE: {why}; write `<port>[/tcp|udp|sctp]`"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DF039", "FROM a:1\nEXPOSE 65536\n");
        catches("DF039", "FROM a:1\nEXPOSE 80/http\n");
        catches("DF039", "FROM a:1\nEXPOSE 8080:80\n");
        catches("DF039", "FROM a:1\nEXPOSE http\n");
        passes(
            "DF039",
            "FROM a:1\nEXPOSE 80 443/tcp 53/UDP 7000-7010/tcp $PORT ${P}/udp\n",
        );
    }
}
