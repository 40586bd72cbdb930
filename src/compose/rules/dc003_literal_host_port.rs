//! DC003: a published host port written as a literal instead of `${VAR:-default}`.

use super::{Context, Hit};
use crate::compose::interp::Template;

rule! {
    /// ## What it does
    /// Reports a published host port written as a number (`"8080:80"`, or `published: 8080` in the long
    /// form) instead of a variable with a default (`"${WEB_PORT:-8080}:80"`). Ports without a host part
    /// (`"80"`, a random host port) are fine.
    ///
    /// ## Why is this bad?
    /// A literal host port is the same on every machine: two projects (or two checkouts of one) collide on
    /// it, and changing it means editing the file. With `${WEB_PORT:-8080}` the default still works and each
    /// environment can choose in its `.env`.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   web:
    ///     image: nginx:1.27
    ///     ports: ["8080:80"]
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   web:
    ///     image: nginx:1.27
    ///     ports: ["${WEB_PORT:-8080}:80"]
    /// ```
    ///
    /// ## References
    /// - <https://docs.docker.com/reference/compose-file/services/#ports>
    /// - <https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/>
    LiteralHostPort {
        id: "DC003",
        name: "literal-host-port",
        severity: Note,
        summary: "A host port is written as a literal instead of ${VAR:-default}.",
        twins: [],
        cwe: [],
        security_severity: 0.5,
        enabled: true,
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Hit>) {
    for s in &cx.file.services {
        for p in s.ports() {
            let Some(published) = p.published.as_deref() else {
                continue;
            };
            if !Template::parse(published).is_literal() {
                continue;
            }
            let var = format!("{}_PORT", s.name.to_ascii_uppercase().replace(['-', '.'], "_"));
            out.push(Hit::at(
                s,
                p.node,
                format!(
                    "host port {published} is hard-coded; write `${{{var}:-{published}}}` so each environment can choose it"
                ),
                format!("{published}:{}", p.target),
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
            catches("DC003", "services:\n  web:\n    ports:\n      - \"8080:80\"\n"),
            [4]
        );
        catches("DC003", "services:\n  web:\n    ports: [\"127.0.0.1:8080:80\"]\n");
        catches(
            "DC003",
            "services:\n  web:\n    ports:\n      - target: 80\n        published: 8080\n",
        );
        catches(
            "DC003",
            "x-ports: &p [\"9000:9000\"]\nservices:\n  web:\n    ports: *p\n",
        );
        passes(
            "DC003",
            "services:\n  web:\n    ports:\n      - \"${WEB_PORT:-8080}:80\"\n",
        );
        passes("DC003", "services:\n  web:\n    ports: [\"80\", \"443/tcp\"]\n");
        passes(
            "DC003",
            "services:\n  web:\n    ports:\n      - target: 80\n        published: ${P}\n",
        );
        passes("DC003", "services:\n  web:\n    expose: [\"80\"]\n");
    }
}
