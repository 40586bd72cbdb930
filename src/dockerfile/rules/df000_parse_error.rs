//! DF000: the file does not parse. Reported by the linter itself, never by `check`.

use super::{Context, Hit};

rule! {
    /// ## What it does
    /// Reports each instruction of a Dockerfile that cannot be parsed, with the parser's line and message:
    /// an unknown instruction, a missing argument, an unterminated heredoc or quote, an instruction other
    /// than `ARG` before the first `FROM`, or no `FROM` at all.
    ///
    /// The rest of the file is still linted, the way ruff lints a file with a syntax error: the bad
    /// instruction is skipped and parsing resumes on the next line; instructions that come before any
    /// `FROM` (a fragment or template) are linted in an implicit stage, where the rules about a stage as a
    /// whole (missing `USER`, missing `HEALTHCHECK`, base image) stay quiet. An unterminated heredoc or
    /// quote takes the rest of the file with it, as it does for Docker.
    ///
    /// ## Why is this bad?
    /// `docker build` rejects the file.
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
        twins: ["hadolint:DL3061"],
        cwe: [],
        security_severity: 5.0,
        enabled: true,
    }
}

fn check(_: &Context<'_, '_>, _: &mut Vec<Hit>) {}
