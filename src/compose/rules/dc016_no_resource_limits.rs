//! DC016 (opt-in): no memory, CPU or process-count limit.

use super::{Context, Hit};
use crate::compose::yaml::Node;

rule! {
    /// ## What it does
    /// Reports services that set no memory limit (`deploy.resources.limits.memory` or `mem_limit`), no CPU
    /// limit (`deploy.resources.limits.cpus`, `cpus` or `cpu_quota`) or no process limit
    /// (`deploy.resources.limits.pids` or `pids_limit`), naming the missing ones. Off by default.
    ///
    /// ## Why is this bad?
    /// One leaking or attacked service can take the whole host down with it: memory until the kernel's OOM
    /// killer picks a victim, CPU until everything else starves, processes until `fork` fails everywhere (a
    /// fork bomb needs no privileges).
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
    ///     deploy:
    ///       resources:
    ///         limits: {memory: 512M, cpus: "1.0", pids: 200}
    /// ```
    ///
    /// ## References
    /// - <https://docs.docker.com/reference/compose-file/deploy/#resources>
    /// - <https://docs.docker.com/engine/containers/resource_constraints/>
    NoResourceLimits {
        id: "DC016",
        name: "no-resource-limits",
        severity: Note,
        summary: "A service sets no memory, CPU or process limit.",
        twins: ["kics:memory_not_limited", "kics:cpus_not_limited", "kics:pids_limit_not_set", "compose-lint:CL-0026"],
        cwe: ["CWE-770"],
        security_severity: 3.0,
        enabled: false,
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Hit>) {
    for s in &cx.file.services {
        let limits = s
            .get("deploy")
            .and_then(|d| d.get("resources"))
            .and_then(|r| r.get("limits"));
        let has = |deploy_key: &str, keys: &[&str]| {
            limits
                .and_then(|l| l.get(deploy_key))
                .is_some_and(|n| !Node::is_null(n))
                || keys.iter().any(|k| s.get(k).is_some_and(|n| !Node::is_null(n)))
        };
        let mut missing = Vec::new();
        if !has("memory", &["mem_limit"]) {
            missing.push("memory");
        }
        if !has("cpus", &["cpus", "cpu_quota"]) {
            missing.push("CPU");
        }
        if !has("pids", &["pids_limit"]) {
            missing.push("process");
        }
        if !missing.is_empty() {
            out.push(Hit::at(
                s,
                s.key,
                format!("sets no {} limit; add `deploy.resources.limits`", missing.join(", ")),
                missing.join(","),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, hits, passes};

    #[test]
    fn table() {
        catches("DC016", "services:\n  a:\n    image: x:1\n");
        let h = hits("DC016", "services:\n  a:\n    mem_limit: 512m\n    cpus: 1\n");
        assert!(h[0].message.contains("no process limit"), "{}", h[0].message);
        passes(
            "DC016",
            "services:\n  a:\n    deploy:\n      resources:\n        limits: {memory: 512M, cpus: \"1\", pids: 100}\n",
        );
        passes(
            "DC016",
            "services:\n  a:\n    mem_limit: 1g\n    cpus: 0.5\n    pids_limit: 100\n",
        );
    }
}
