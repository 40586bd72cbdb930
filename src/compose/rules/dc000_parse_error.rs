//! DC000: the compose file does not parse (or trips a parser limit).

use super::{Context, Hit};

rule! {
    /// ## What it does
    /// Reports a compose file that is not valid YAML, at the position the parser stopped, and files that
    /// trip a parser limit: aliases that expand to more than 100 000 nodes (an "alias bomb") or nesting
    /// deeper than 200 levels. No other compose rule can check such a file.
    ///
    /// ## Why is this bad?
    /// `docker compose` refuses the file too, so the deployment it describes does not start; and a file
    /// that plimsoll cannot read is a file none of its checks cover.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   web:
    ///     image: nginx:1.27
    ///     ports: ["8080:80"
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   web:
    ///     image: nginx:1.27
    ///     ports: ["8080:80"]
    /// ```
    ///
    /// ## References
    /// - <https://docs.docker.com/reference/compose-file/>
    /// - <https://yaml.org/spec/1.2.2/>
    ParseError {
        id: "DC000",
        name: "compose-parse-error",
        severity: Error,
        summary: "The compose file does not parse.",
        twins: [],
        cwe: [],
        security_severity: 5.0,
        enabled: true,
    }
}

/// The linter reports parse errors itself; there is nothing to check in a parsed file.
fn check(_cx: &Context<'_>, _out: &mut Vec<Hit>) {}
