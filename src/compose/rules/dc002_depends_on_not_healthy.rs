//! DC002: `depends_on` a service that has a health check, without waiting for it to be healthy.

use super::{Context, Hit};
use crate::compose::model::Health;

rule! {
    /// ## What it does
    /// Reports a `depends_on` entry naming a service that defines a health check, when the dependency
    /// does not say `condition: service_healthy` (the list form `depends_on: [db]` and the mapping form
    /// with `condition: service_started` both only wait for the container to start).
    ///
    /// ## Why is this bad?
    /// The dependent service starts as soon as the dependency's container exists, before the database
    /// accepts connections: the first requests fail, or the service crashes and restarts. The health check
    /// is already there; waiting for it costs one line.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   app:
    ///     image: ghcr.io/acme/app:1.4.2
    ///     depends_on: [db]
    ///   db:
    ///     image: postgres:17
    ///     healthcheck:
    ///       test: ["CMD-SHELL", "pg_isready"]
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   app:
    ///     image: ghcr.io/acme/app:1.4.2
    ///     depends_on:
    ///       db:
    ///         condition: service_healthy
    /// ```
    ///
    /// ## References
    /// - <https://docs.docker.com/reference/compose-file/services/#depends_on>
    /// - <https://docs.docker.com/compose/how-tos/startup-order/>
    DependsOnNotHealthy {
        id: "DC002",
        name: "depends-on-not-healthy",
        severity: Warning,
        summary: "depends_on a service with a health check, without condition: service_healthy.",
        twins: [],
        cwe: [],
        security_severity: 1.0,
        enabled: true,
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Hit>) {
    for s in &cx.file.services {
        for d in s.depends_on() {
            let Some(target) = cx.file.service(d.name) else {
                continue;
            };
            if !matches!(target.health(), Health::Defined(_)) {
                continue;
            }
            if d.condition == Some("service_healthy") {
                continue;
            }
            let now = match d.condition {
                Some(c) => format!("`condition: {c}`"),
                None => "the short form".to_string(),
            };
            out.push(Hit::at(
                s,
                d.node,
                format!(
                    "depends on `{}`, which has a health check, but {now} only waits for it to start; use `condition: service_healthy`",
                    d.name
                ),
                d.name,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    const DB: &str = "  db:\n    image: postgres:17\n    healthcheck:\n      test: [\"CMD-SHELL\", \"pg_isready\"]\n";

    #[test]
    fn table() {
        assert_eq!(
            catches(
                "DC002",
                &format!("services:\n  app:\n    image: a:1\n    depends_on: [db]\n{DB}")
            ),
            [4]
        );
        catches(
            "DC002",
            &format!("services:\n  app:\n    image: a:1\n    depends_on:\n      - db\n{DB}"),
        );
        catches(
            "DC002",
            &format!(
                "services:\n  app:\n    image: a:1\n    depends_on:\n      db:\n        condition: service_started\n{DB}"
            ),
        );
        // The health check comes from an anchor.
        catches(
            "DC002",
            "x-hc: &hc\n  healthcheck:\n    test: [\"CMD\", \"true\"]\nservices:\n  app:\n    image: a:1\n    depends_on: [db]\n  db:\n    <<: *hc\n    image: postgres:17\n",
        );
        passes(
            "DC002",
            &format!(
                "services:\n  app:\n    image: a:1\n    depends_on:\n      db:\n        condition: service_healthy\n{DB}"
            ),
        );
        passes(
            "DC002",
            "services:\n  app:\n    image: a:1\n    depends_on: [db]\n  db:\n    image: postgres:17\n",
        );
        passes(
            "DC002",
            "services:\n  app:\n    depends_on: [db]\n  db:\n    healthcheck:\n      disable: true\n",
        );
    }
}
