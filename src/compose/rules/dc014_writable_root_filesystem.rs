//! DC014 (opt-in): the container's root filesystem is writable (`read_only` not set).

use super::{Context, Hit};

rule! {
    /// ## What it does
    /// Reports services without `read_only: true`. Off by default: enable it for hardened deployments.
    ///
    /// ## Why is this bad?
    /// A writable root filesystem lets an attacker who gets code execution replace binaries, drop tools
    /// and persist across process restarts. With `read_only: true` only the volumes and `tmpfs` mounts the
    /// service declares are writable.
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
    ///     read_only: true
    ///     tmpfs: [/tmp]
    /// ```
    ///
    /// ## References
    /// - <https://docs.docker.com/reference/compose-file/services/#read_only>
    WritableRootFilesystem {
        id: "DC014",
        name: "writable-root-filesystem",
        severity: Note,
        summary: "A service's root filesystem is writable (no read_only: true).",
        twins: ["compose-lint:CL-0007"],
        cwe: ["CWE-732"],
        security_severity: 3.0,
        enabled: false,
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Hit>) {
    for s in &cx.file.services {
        if !s.get("read_only").is_some_and(|n| n.is_true()) {
            out.push(Hit::at(
                s,
                s.key,
                "has a writable root filesystem; set `read_only: true` and declare `tmpfs`/volumes for what it writes",
                "read_only",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DC014", "services:\n  a:\n    image: x:1\n");
        catches("DC014", "services:\n  a:\n    read_only: false\n");
        passes("DC014", "services:\n  a:\n    read_only: true\n");
    }
}
