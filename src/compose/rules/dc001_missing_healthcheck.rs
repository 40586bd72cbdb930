//! DC001: a long-running service with no health check in compose or in the Dockerfile it builds.
//! A project rule: it needs the Dockerfile's facts, so it runs in [`crate::project`].

use super::{Context, Hit};

rule! {
    /// ## What it does
    /// Reports a long-running service that has no health check: no `healthcheck:` in the compose file, and
    /// (for a service with `build:`) no `HEALTHCHECK` in the Dockerfile it builds. Either place satisfies
    /// it, and a compose health check also satisfies DF013 on that Dockerfile. `healthcheck: {disable:
    /// true}` (or `test: ["NONE"]`) is a decision and passes. One-shot jobs — services something waits for
    /// with `condition: service_completed_successfully`, or with `restart: "no"`/`on-failure` — are not
    /// long-running. A service that only names an image is reported: most images define no HEALTHCHECK.
    /// A service whose Dockerfile was not scanned is not reported.
    ///
    /// ## Why is this bad?
    /// Without a health check Docker only knows whether the process runs, not whether it serves: a hung
    /// server stays "up", `depends_on: condition: service_healthy` cannot be used, and orchestrators route
    /// traffic to it.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   db:
    ///     image: postgres:17
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   db:
    ///     image: postgres:17
    ///     healthcheck:
    ///       test: ["CMD-SHELL", "pg_isready -U postgres"]
    ///       interval: 10s
    /// ```
    ///
    /// ## References
    /// - <https://docs.docker.com/reference/compose-file/services/#healthcheck>
    /// - <https://docs.docker.com/reference/dockerfile/#healthcheck>
    MissingHealthcheck {
        id: "DC001",
        name: "missing-healthcheck",
        severity: Note,
        summary: "A long-running service has no health check in compose or its Dockerfile.",
        twins: ["kics:healthcheck_not_set"],
        cwe: [],
        security_severity: 1.0,
        enabled: true,
    }
}

/// Runs in the project phase (see [`crate::project`]).
fn check(_cx: &Context<'_>, _out: &mut Vec<Hit>) {}
