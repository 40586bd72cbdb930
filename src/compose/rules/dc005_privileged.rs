//! DC005: `privileged: true`.

use super::{Context, Hit};
use crate::compose::yaml::Node;

rule! {
    /// ## What it does
    /// Reports services with `privileged: true`.
    ///
    /// ## Why is this bad?
    /// A privileged container gets every capability, every host device and no seccomp or AppArmor profile:
    /// anything that runs in it can take over the host (mount its disks, load kernel modules). It is rarely
    /// needed; the few capabilities or devices a service really uses can be granted one by one.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   agent:
    ///     image: ghcr.io/acme/agent:2.1.0
    ///     privileged: true
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   agent:
    ///     image: ghcr.io/acme/agent:2.1.0
    ///     cap_add: [NET_BIND_SERVICE]
    ///     devices: ["/dev/fuse"]
    /// ```
    ///
    /// ## References
    /// - <https://docs.docker.com/reference/compose-file/services/#privileged>
    /// - <https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities>
    Privileged {
        id: "DC005",
        name: "privileged",
        severity: Error,
        summary: "A service runs privileged.",
        twins: ["kics:privileged_containers_enabled", "compose-lint:CL-0002"],
        cwe: ["CWE-250"],
        security_severity: 9.0,
        enabled: true,
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Hit>) {
    for s in &cx.file.services {
        if let Some(e) = s.entry("privileged")
            && Node::is_true(&e.value)
        {
            out.push(Hit::at_entry(
                s,
                e,
                "runs privileged (every capability and host device); grant only the capabilities or devices it needs",
                "privileged",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        assert_eq!(
            catches("DC005", "services:\n  a:\n    image: x:1\n    privileged: true\n"),
            [4]
        );
        catches("DC005", "services:\n  a:\n    privileged: \"true\"\n");
        catches(
            "DC005",
            "x-base: &base\n  privileged: true\nservices:\n  a:\n    <<: *base\n",
        );
        // Version 1 layout.
        catches("DC005", "a:\n  image: x:1\n  privileged: true\n");
        passes("DC005", "services:\n  a:\n    privileged: false\n");
        passes("DC005", "services:\n  a:\n    image: x:1\n");
        passes("DC005", "x-not-a-service:\n  privileged: true\nservices: {}\n");
    }
}
