//! EN004 (project rule): a variable a compose file interpolates without a default that no example env
//! file beside it documents.

use crate::facts::{ComposeServiceFact, EnvFileFact, EnvFileKind, Located};
use crate::finding::{Category, Finding};
use crate::lint::Configured;
use std::collections::{BTreeMap, HashSet};

crate::lint::declare_meta! {
    /// ## What it does
    /// For each compose file, collects the variables it interpolates with no default — `${VAR}`, `$VAR`,
    /// `${VAR?error}` — and reports those that no example env file in the same directory or a parent
    /// directory (`.env.example`, `.env.sample`, `.env.template`, `.env.dist`, `.env.defaults`,
    /// `example.env`…) names, as a setting or as a commented-out `# VAR=` line. (Parents count because an
    /// included or override file interpolates with the main file's project directory.) With an example file, each undocumented variable is one note at
    /// its first use; without one, the compose file gets one note listing them. Variables the shell or
    /// compose always sets (`PWD`, `HOME`, `UID`, `COMPOSE_PROJECT_NAME`, `DOCKER_*`…) are not asked for.
    /// Runs in the project phase, over every compose and example file of the scan.
    ///
    /// ## Why is this bad?
    /// `docker compose up` silently substitutes an empty string for an unset variable (only `${VAR?}`
    /// stops it), so a newcomer who copies `.env.example` to `.env` gets a stack with an empty password or
    /// a port of `""`, and nothing tells them which variable they missed.
    ///
    /// ## Example
    /// ```text
    /// # compose.yaml
    /// services:
    ///   db:
    ///     image: postgres:17
    ///     environment:
    ///       POSTGRES_PASSWORD: ${DB_PASSWORD}
    /// # .env.example (beside it)
    /// DB_USER=
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// # .env.example
    /// DB_USER=
    /// DB_PASSWORD=          # required
    /// ```
    ///
    /// ## References
    /// - <https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/>
    /// - <https://12factor.net/config>
    META {
        id: "EN004",
        name: "undocumented-variable",
        severity: Note,
        summary: "A variable the compose file interpolates without a default is not documented in an example env file.",
        twins: [],
        cwe: [],
        security_severity: 1.0,
        enabled: true,
    }
}

/// Variables the shell, `docker compose` or CI set everywhere: nobody documents them.
fn is_ambient(name: &str) -> bool {
    const AMBIENT: &[&str] = &[
        "PWD", "HOME", "USER", "UID", "GID", "HOSTNAME", "SHELL", "PATH", "TMPDIR", "LANG", "TERM", "LOGNAME",
        "OLDPWD", "CI",
    ];
    AMBIENT.contains(&name)
        || ["COMPOSE_", "DOCKER_", "GITHUB_", "CI_", "RUNNER_"]
            .iter()
            .any(|p| name.starts_with(p))
}

/// Most names listed in the note of a compose file without an example file.
const LISTED: usize = 5;

/// Checks every compose file of `services` against the example files of `env_files`.
pub fn check(rule: &Configured, services: &[ComposeServiceFact], env_files: &[&EnvFileFact], out: &mut Vec<Finding>) {
    let mut by_file: BTreeMap<&str, Vec<&ComposeServiceFact>> = BTreeMap::new();
    for s in services {
        by_file.entry(&s.file).or_default().push(s);
    }
    for services in by_file.into_values() {
        let Some(dir) = services[0].dir.as_deref() else {
            continue;
        };
        let mut examples: Vec<&EnvFileFact> = env_files
            .iter()
            .copied()
            .filter(|e| e.kind == EnvFileKind::Example && e.disk_path.parent().is_some_and(|p| dir.starts_with(p)))
            .collect();
        // The closest example file is the one a note names.
        examples.sort_by_key(|e| std::cmp::Reverse(e.disk_path.components().count()));
        let documented: HashSet<&str> = examples
            .iter()
            .flat_map(|e| e.names.iter().map(String::as_str))
            .collect();
        let mut seen = HashSet::new();
        let mut missing: Vec<(&str, &Located)> = Vec::new();
        for s in &services {
            if s.silenced.iter().any(|(x, _)| rule.is_named(x)) {
                continue;
            }
            for (name, at) in &s.interpolated {
                if !is_ambient(name) && !documented.contains(name.as_str()) && seen.insert(name.as_str()) {
                    missing.push((name, at));
                }
            }
        }
        missing.sort_by_key(|(_, at)| (at.line, at.column));
        if let Some(example) = examples.first() {
            let shown = &example.path;
            for (name, at) in missing {
                out.push(rule.finding_at(
                    Category::Env,
                    at,
                    format!(
                        "`{name}` is interpolated without a default but {shown} does not document it; add `{name}=` there (or write `${{{name}:-default}}`)"
                    ),
                    name.as_bytes(),
                    None,
                ));
            }
        } else if let Some((_, at)) = missing.first() {
            // No example file here or above.
            let mut names: Vec<String> = missing.iter().take(LISTED).map(|(n, _)| format!("`{n}`")).collect();
            if missing.len() > LISTED {
                names.push(format!("{} more", missing.len() - LISTED));
            }
            out.push(rule.finding_at(
                Category::Env,
                at,
                format!(
                    "{} interpolated without a default and no .env.example beside this compose file documents {}; commit one with the names and empty values",
                    names.join(", "),
                    if missing.len() == 1 { "it" } else { "them" }
                ),
                b"no example file",
                None,
            ));
        }
    }
}
