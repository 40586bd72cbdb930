//! DF000: the file does not parse. Reported by the linter itself, never by `check`.

use super::{Context, Hit};

rule! {
    /// ## What it does
    /// Reports a Dockerfile that cannot be parsed, with the parser's line, column and message.
    ///
    /// ## Why is this bad?
    /// `docker build` rejects the file, and no other rule can check it.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// RUNN echo hi
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// RUN echo hi
    /// ```
    ParseError {
        id: "DF000",
        name: "parse-error",
        severity: Error,
        summary: "The Dockerfile does not parse.",
        twins: [],
        cwe: [],
        security_severity: 5.0,
        enabled: true,
    }
}

fn check(_: &Context<'_, '_>, _: &mut Vec<Hit>) {}
