//! DC018: an `include:` or `extends: file:` that names a compose file that is not there (or that includes
//! itself, or nests too deep). The linter checks it on disk while it follows the references
//! ([`crate::compose::references`]); this file holds the rule's documentation.

use super::{Context, Hit};

rule! {
    /// ## What it does
    /// Follows every top-level `include:` (short form, or `path:` as a string or a list) and every service
    /// `extends: {file: …}`, relative to the file that names it, and reports a reference to a file that
    /// does not exist, an include cycle (a file that includes itself through others), or includes nested
    /// more than 8 deep, at the line that names the file. Included files that the walk would not pick up
    /// by name (`infra/db.yml`) are linted too, so every rule — and the cross-file rules of the project
    /// phase — sees their services. Interpolated paths (`${ENV}.yml`) are not judged.
    ///
    /// ## Why is this bad?
    /// `docker compose` refuses to start a project whose include or extends target is missing, so the file
    /// is broken for everyone who checks it out; a linter that skipped the reference would also miss every
    /// problem in the services it brings in.
    ///
    /// ## Example
    /// ```yaml
    /// include:
    ///   - ./infra/databse.yaml      # typo: the file is infra/database.yaml
    /// services:
    ///   web:
    ///     extends:
    ///       file: common.yml        # not in the repository
    ///       service: base
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// include:
    ///   - ./infra/database.yaml
    /// services:
    ///   web:
    ///     extends:
    ///       file: ./compose.common.yaml
    ///       service: base
    /// ```
    ///
    /// ## References
    /// - <https://docs.docker.com/reference/compose-file/include/>
    /// - <https://docs.docker.com/reference/compose-file/extends/>
    MissingComposeFile {
        id: "DC018",
        name: "missing-compose-file",
        severity: Error,
        summary: "An include: or extends: file: names a compose file that does not exist.",
        twins: [],
        cwe: [],
        security_severity: 1.0,
        enabled: true,
    }
}

fn check(_cx: &Context<'_>, _out: &mut Vec<Hit>) {}
