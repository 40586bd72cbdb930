//! EN004 (project rule): a variable a compose file interpolates without a default that no example env
//! file beside it documents.

use crate::facts::{ComposeServiceFact, EnvFileFact, EnvFileKind, IncludeFact, Located};
use crate::finding::{Category, Finding, Suppression};
use crate::lint::Configured;
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

crate::lint::declare_meta! {
    /// ## What it does
    /// For each compose file, collects the variables it interpolates with no default — `${VAR}`, `$VAR`,
    /// `${VAR?error}` — and reports those that no example env file in the same directory or a parent
    /// directory (`.env.example`, `.env.sample`, `.env.template`, `.env.dist`, `.env.defaults`,
    /// `example.env`…) names, as a setting or as a commented-out `# VAR=` line, and that no `.env` there
    /// sets which every user gets (committed, or outside any git work tree: `docker compose` reads it for
    /// interpolation, so the variable has a value; EN002 says whether it should be committed). (Parents count because an
    /// included or override file interpolates with the main file's project directory.) A file another
    /// one brings in with the long form of `include:` is read as the Compose Specification says: the
    /// variables its `env_file:` entries set count; without `env_file:`, the `.env` of its
    /// `project_directory:` does (the same shared `.env` as above); example files in that directory (or
    /// above) document its variables too; and when an `env_file:` path is itself interpolated, what it sets
    /// cannot be known, so the file gets no note. (A missing `env_file:` of an include is DC018.) Each compose file
    /// gets one note, at the first use of the first undocumented variable, listing them all (the first 12
    /// by name, then a count) and naming the closest example file, or saying there is none. Variables used
    /// only by services that a `# plimsoll ignore=EN004` pragma silences make their own note, kept and
    /// marked suppressed (`--include-suppressed` shows it). Variables the shell or
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

/// Most names a note lists; the rest are counted.
const LISTED: usize = 12;

/// `names` as a list for a message: the first [`LISTED`] in backticks, then how many more.
fn listing(names: &[&str]) -> String {
    let mut shown: Vec<String> = names.iter().take(LISTED).map(|n| format!("`{n}`")).collect();
    if names.len() > LISTED {
        shown.push(format!("and {} more", names.len() - LISTED));
    }
    shown.join(", ")
}

/// The names one note lists (each with its first use), and the suppression it carries.
type Note<'a> = (Option<Suppression>, Vec<(&'a str, &'a Located)>);

/// Checks every compose file of `services` against the example files of `env_files`: one note per
/// compose file listing its undocumented variables, at the first use of the first one. Variables used
/// only by services a pragma silences for this rule make a second note, kept and marked suppressed.
pub fn check(
    rule: &Configured,
    services: &[ComposeServiceFact],
    env_files: &[&EnvFileFact],
    includes: &[IncludeFact],
    out: &mut Vec<Finding>,
) {
    let mut by_file: BTreeMap<&str, Vec<&ComposeServiceFact>> = BTreeMap::new();
    for s in services {
        by_file.entry(&s.file).or_default().push(s);
    }
    for services in by_file.into_values() {
        let Some(dir) = services[0].dir.as_deref() else {
            continue;
        };
        // The `include:` items that bring this file in (none when it is a top-level file).
        let me = services[0].file.rsplit('/').next().map(|name| dir.join(name));
        let included_by: Vec<&IncludeFact> = includes
            .iter()
            .filter(|i| me.as_deref() == Some(i.file.as_path()))
            .collect();
        // An env file whose path is interpolated may set anything.
        if included_by.iter().any(|i| i.env_file_unknown) {
            continue;
        }
        // Where example files and a shared `.env` are looked for: the file's directory, and the project
        // directory an `include:` gives it.
        let project_dirs: Vec<&Path> = std::iter::once(dir)
            .chain(included_by.iter().filter_map(|i| i.project_dir.as_deref()))
            .collect();
        let in_or_below = |e: &EnvFileFact, d: &Path| e.disk_path.parent().is_some_and(|p| d.starts_with(p));
        let mut examples: Vec<&EnvFileFact> = env_files
            .iter()
            .copied()
            .filter(|e| e.kind == EnvFileKind::Example && project_dirs.iter().any(|d| in_or_below(e, d)))
            .collect();
        // The closest example file is the one a note names.
        examples.sort_by_key(|e| std::cmp::Reverse(e.disk_path.components().count()));
        // A `.env` in the project directory (or above) that everyone gets — committed, or outside any git
        // work tree — sets its names for every user: `docker compose` reads it for interpolation. For an
        // included file with `project_directory:` and no `env_file:`, that directory's `.env` is the one.
        let shared = |e: &&EnvFileFact| {
            e.kind == EnvFileKind::Real
                && (e.tracked || !e.in_work_tree)
                && e.disk_path.file_name().is_some_and(|n| n == ".env")
        };
        let shared_env = env_files.iter().copied().filter(shared).filter(|e| in_or_below(e, dir));
        let project_env = env_files.iter().copied().filter(shared).filter(|e| {
            included_by
                .iter()
                .filter(|i| !i.env_file_given)
                .filter_map(|i| i.project_dir.as_deref())
                .any(|d| e.disk_path.parent() == Some(d))
        });
        // The env files an `include:` of this file names set its variables too.
        let included: HashSet<&Path> = included_by
            .iter()
            .flat_map(|i| i.env_files.iter().map(|p| p.as_path()))
            .collect();
        let from_includes = env_files
            .iter()
            .copied()
            .filter(|e| included.contains(e.disk_path.as_path()));
        let documented: HashSet<&str> = examples
            .iter()
            .copied()
            .chain(shared_env)
            .chain(project_env)
            .chain(from_includes)
            .flat_map(|e| e.names.iter().map(String::as_str))
            .collect();
        // Each undocumented name once, at its first use by a service that does not silence the rule, or
        // else at its first use with the suppression of the pragma that silences it there.
        let mut first: BTreeMap<&str, (&Located, Option<Suppression>)> = BTreeMap::new();
        for s in &services {
            let silenced = s
                .silenced
                .iter()
                .find(|(x, _)| rule.is_named(x))
                .map(|(_, why)| why.clone());
            for (name, at) in &s.interpolated {
                if is_ambient(name) || documented.contains(name.as_str()) {
                    continue;
                }
                match first.get_mut(name.as_str()) {
                    None => {
                        first.insert(name, (at, silenced.clone()));
                    }
                    Some(seen) if seen.1.is_some() && silenced.is_none() => *seen = (at, None),
                    Some(_) => {}
                }
            }
        }
        // One note for what is reported, one per pragma for what is silenced.
        let mut notes: Vec<Note<'_>> = Vec::new();
        for (name, (at, why)) in first {
            match notes.iter_mut().find(|(w, _)| *w == why) {
                Some((_, names)) => names.push((name, at)),
                None => notes.push((why, vec![(name, at)])),
            }
        }
        for (why, mut missing) in notes {
            missing.sort_by_key(|(name, at)| (at.line, at.column, *name));
            let at = missing[0].1;
            let names: Vec<&str> = missing.iter().map(|(n, _)| *n).collect();
            let list = listing(&names);
            let (one, them) = if names.len() == 1 {
                ("is", "it")
            } else {
                ("are", "them")
            };
            let message = match examples.first() {
                Some(example) => format!(
                    "{list} {one} interpolated without a default but {} does not document {them}; add `{}=` there (or write `${{{}:-default}}`)",
                    example.path, names[0], names[0]
                ),
                None => format!(
                    "{list} {one} interpolated without a default and no .env.example beside this compose file documents {them}; commit one with the names and empty values"
                ),
            };
            // The fingerprint is the set of names: documenting one (or adding one) is a new note.
            let mut sorted = names.clone();
            sorted.sort_unstable();
            let mut finding = rule.finding_at(Category::Env, at, message, sorted.join(",").as_bytes(), None);
            finding.suppressed = why;
            out.push(finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::project::testing::{of, project_findings};

    /// The EN004 notes of a compose file (with an optional `.env.example` beside it): (line, column,
    /// suppressed) and the message of the first.
    fn en004(compose: &str, example: Option<&str>) -> (Vec<(u32, u32, bool)>, String) {
        let mut files = vec![("compose.yaml", compose)];
        if let Some(e) = example {
            files.push((".env.example", e));
        }
        let f = project_findings(&files, false);
        let message = f
            .iter()
            .find(|f| &*f.rule_id == "EN004")
            .map(|f| f.message.clone())
            .unwrap_or_default();
        (
            of(&f, "EN004").into_iter().map(|(_, l, c, s)| (l, c, s)).collect(),
            message,
        )
    }

    #[test]
    fn catches() {
        // Mapping form, no example file: one note naming the variable.
        let (at, m) = en004(
            "services:\n  db:\n    image: postgres:17\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD}\n",
            None,
        );
        assert_eq!(at, vec![(5, 26, false)]);
        assert!(m.contains("`DB_PASSWORD`") && m.contains("no .env.example"), "{m}");
        // List form, `$VAR` and `${VAR?err}`, with an example file that documents another name: one note
        // for the file listing both, naming the example file, at the first use.
        let (at, m) = en004(
            "services:\n  api:\n    image: x:1\n    environment:\n      - TOKEN=$API_TOKEN\n      - URL=${BASE_URL?set it}\n",
            Some("OTHER=\n"),
        );
        assert_eq!(at, vec![(5, 9, false)]);
        assert!(
            m.contains("`API_TOKEN`, `BASE_URL` are") && m.contains(".env.example"),
            "{m}"
        );
        // Anchors and merge keys: the variable reaches the service through `<<: *env`.
        let (at, m) = en004(
            "x-env: &env\n  environment:\n    KEY: ${SHARED_KEY}\nservices:\n  a:\n    <<: *env\n    image: x:1\n",
            Some("A=\n"),
        );
        assert_eq!(at.len(), 1, "{m}");
        assert!(m.contains("`SHARED_KEY`"), "{m}");
        // Many variables in many services: still one note for the file, the list cut after 12.
        let mut compose = String::from("services:\n");
        for i in 0..20 {
            compose.push_str(&format!("  s{i}:\n    image: x:1\n    command: run ${{V{i:02}}}\n"));
        }
        let (at, m) = en004(&compose, Some("A=\n"));
        assert_eq!(at, vec![(4, 14, false)], "{m}");
        assert!(
            m.contains("`V00`") && m.contains("`V11`") && m.contains("and 8 more") && !m.contains("`V12`"),
            "{m}"
        );
    }

    #[test]
    fn passes() {
        // A committed `.env` (here: no git work tree, so everyone gets it) sets the variable.
        let f = project_findings(
            &[
                ("compose.yaml", "services:\n  a:\n    image: x:${TAG}\n"),
                (".env", "TAG=1.4\n"),
            ],
            false,
        );
        assert!(of(&f, "EN004").is_empty(), "{f:?}");
        for (compose, example) in [
            // Documented, as a setting or commented out.
            (
                "services:\n  a:\n    image: x:1\n    environment:\n      P: ${DB_PASSWORD}\n",
                "DB_PASSWORD=\n",
            ),
            (
                "services:\n  a:\n    image: x:1\n    environment:\n      P: ${DB_PASSWORD}\n",
                "# DB_PASSWORD=\n",
            ),
            // A default, an escaped `$$`, a variable the shell always sets.
            (
                "services:\n  a:\n    image: x:1\n    ports:\n      - ${PORT:-8080}:80\n",
                "A=\n",
            ),
            (
                "services:\n  a:\n    image: x:1\n    command: echo $$HOME ${PWD}\n",
                "A=\n",
            ),
            ("services:\n  a:\n    image: x:${TAG-1.0}\n", "A=\n"),
        ] {
            let (at, m) = en004(compose, Some(example));
            assert!(at.is_empty(), "{compose}: {m}");
        }
    }

    #[test]
    fn include_env_files_set_the_included_files_variables() {
        // (including compose file, what else is in the repository, EN004 notes on the included file).
        let included = "services:\n  a:\n    image: x:${TAG}\n    command: run ${MODE}\n";
        type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], usize);
        let cases: &[Case<'_>] = &[
            // Mapping form, `env_file` a string and the included file not compose-named (linted through
            // the include).
            (
                "include:\n  - path: sub/app.yml\n    env_file: config/vars.env\n",
                &[("sub/app.yml", included), ("config/vars.env", "TAG=1\nMODE=prod\n")],
                0,
            ),
            // `path` and `env_file` as lists; the included file compose-named (linted by the walk).
            (
                "include:\n  - path: [sub/compose.yaml]\n    env_file:\n      - config/a.env\n      - config/b.env\n",
                &[
                    ("sub/compose.yaml", included),
                    ("config/a.env", "TAG=1\n"),
                    ("config/b.env", "MODE=prod\n"),
                ],
                0,
            ),
            // The env file sets only one of the two: still one note (for MODE).
            (
                "include:\n  - path: sub/app.yml\n    env_file: [config/vars.env]\n",
                &[("sub/app.yml", included), ("config/vars.env", "TAG=1\n")],
                1,
            ),
            // The list form of `include:` (a string) has no env file: the note stays.
            (
                "include:\n  - sub/app.yml\n",
                &[("sub/app.yml", included), ("config/vars.env", "TAG=1\nMODE=p\n")],
                1,
            ),
            // An env file of another include does not count for this one.
            (
                "include:\n  - path: sub/app.yml\n  - path: other/app.yml\n    env_file: config/vars.env\n",
                &[
                    ("sub/app.yml", included),
                    ("other/app.yml", "services:\n  o:\n    image: x:1\n"),
                    ("config/vars.env", "TAG=1\nMODE=p\n"),
                ],
                1,
            ),
            // `project_directory:` (relative to the including file): its example file documents the
            // variables, and so does its shared `.env` (no git work tree here) when there is no `env_file:`.
            (
                "include:\n  - path: sub/app.yml\n    project_directory: proj\n",
                &[("sub/app.yml", included), ("proj/.env.example", "TAG=\nMODE=\n")],
                0,
            ),
            (
                "include:\n  - path: sub/app.yml\n    project_directory: ./proj\n",
                &[("sub/app.yml", included), ("proj/.env", "TAG=1\nMODE=prod\n")],
                0,
            ),
            // An example file or `.env` elsewhere does not count for that project directory.
            (
                "include:\n  - path: sub/app.yml\n    project_directory: proj\n",
                &[
                    ("sub/app.yml", included),
                    ("other/.env.example", "TAG=\nMODE=\n"),
                    ("other/.env", "TAG=1\nMODE=prod\n"),
                ],
                1,
            ),
            // With `env_file:`, the project directory's `.env` is not read (its example still documents).
            (
                "include:\n  - path: sub/app.yml\n    project_directory: proj\n    env_file: config/vars.env\n",
                &[
                    ("sub/app.yml", included),
                    ("proj/.env", "MODE=prod\n"),
                    ("config/vars.env", "TAG=1\n"),
                ],
                1,
            ),
            // An interpolated env file may set anything: no note.
            (
                "include:\n  - path: sub/app.yml\n    env_file: ${STAGE}.env\n",
                &[("sub/app.yml", included)],
                0,
            ),
        ];
        for (main, rest, want) in cases {
            let mut files = vec![("compose.yaml", *main)];
            files.extend_from_slice(rest);
            let f = project_findings(&files, false);
            let notes: Vec<_> = f
                .iter()
                .filter(|f| &*f.rule_id == "EN004" && f.path.starts_with("sub/"))
                .collect();
            assert_eq!(notes.len(), *want, "{main}: {notes:?}");
            if *want == 1 {
                assert!(notes[0].message.contains("`MODE`"), "{main}: {}", notes[0].message);
            }
        }
    }

    #[test]
    fn a_pragma_keeps_the_note_marked_suppressed() {
        let compose = "services:\n  # plimsoll ignore=EN004 -- set by the deploy job\n  a:\n    image: x:1\n    command: ${ONLY_A}\n  b:\n    image: x:1\n    command: ${ONLY_B} ${ONLY_A}\n";
        let (at, m) = en004(compose, Some("X=\n"));
        // ONLY_A is used by b too, so it is reported there; ONLY_B likewise; nothing is left for a.
        assert_eq!(at, vec![(8, 14, false)], "{m}");
        assert!(m.contains("`ONLY_A`") && m.contains("`ONLY_B`"), "{m}");
        let compose = "services:\n  # plimsoll ignore=EN004 -- set by the deploy job\n  a:\n    image: x:1\n    command: ${ONLY_A}\n  b:\n    image: x:1\n    command: ${ONLY_B}\n";
        let (at, _) = en004(compose, Some("X=\n"));
        assert_eq!(at, vec![(5, 14, true), (8, 14, false)]);
        let (at, _) = en004(
            "# plimsoll ignore-file=EN004\nservices:\n  a:\n    image: x:1\n    command: ${V}\n",
            None,
        );
        assert_eq!(at, vec![(5, 14, true)]);
    }
}
