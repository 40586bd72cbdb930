//! DC018: an `include:` or `extends: file:` that names a compose file that is not there (or that includes
//! itself, or nests too deep), and an `include:` `env_file:` that is not there. The linter checks it on disk while it follows the references
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
    /// The `env_file:` of an `include:` item is checked here too, relative to the including file: Compose
    /// fails to load the include when one is missing (there is no `required: false` for include env files
    /// in the Compose Specification; an entry written `{path, required: false}` is still honoured, and
    /// `/dev/null` is skipped). It is this rule's and not an `.env` rule's because it is the same failure —
    /// a reference in the compose file to a file that is not there, which stops `docker compose` — found
    /// the same way, on disk, while the linter follows the references; the `.env` rules are about what an
    /// env file that exists holds and whether git keeps it. (A service's own `env_file:` is not checked:
    /// deployments commonly create it at start-up.)
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
    ///   - path: ./monitoring/compose.yaml
    ///     env_file: ./monitoring/.env   # not in the repository
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
    ///   - path: ./monitoring/compose.yaml
    ///     env_file: ./monitoring/monitoring.env
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
        summary: "An include:, an include env_file: or an extends: file: names a file that does not exist.",
        twins: [],
        cwe: [],
        security_severity: 1.0,
        enabled: true,
    }
}

fn check(_cx: &Context<'_>, _out: &mut Vec<Hit>) {}

#[cfg(test)]
mod tests {
    use crate::project::testing::{of, project_findings};

    /// DC018 findings (path, line, column) when `files` are on disk and linted from there.
    fn dc018(files: &[(&str, &str)]) -> Vec<(String, u32, u32)> {
        of(&project_findings(files, false), "DC018")
            .into_iter()
            .map(|(p, l, c, _)| (p, l, c))
            .collect()
    }

    #[test]
    fn catches() {
        type Case<'a> = (&'a [(&'a str, &'a str)], &'a [(&'a str, u32, u32)]);
        let cases: &[Case<'_>] = &[
            // `include:` short form, long form with `path:` a string, and a list (one of two missing).
            (
                &[("compose.yaml", "include:\n  - ./infra/missing.yaml\n")],
                &[("compose.yaml", 2, 5)],
            ),
            (
                &[(
                    "compose.yaml",
                    "include:\n  - path: ../missing.yml\n    project_directory: ..\n",
                )],
                &[("compose.yaml", 2, 11)],
            ),
            (
                &[
                    (
                        "compose.yaml",
                        "include:\n  - path:\n      - ./a.yml\n      - ./missing.yml\n",
                    ),
                    ("a.yml", "services:\n  a:\n    image: x:1\n"),
                ],
                &[("compose.yaml", 4, 9)],
            ),
            // `extends:` with `file:` in block and flow mapping form.
            (
                &[(
                    "compose.yaml",
                    "services:\n  web:\n    image: x:1\n    extends:\n      file: ./common.yml\n      service: base\n",
                )],
                &[("compose.yaml", 5, 13)],
            ),
            (
                &[(
                    "compose.yaml",
                    "services:\n  web:\n    image: x:1\n    extends: {file: base.yml, service: app}\n",
                )],
                &[("compose.yaml", 4, 21)],
            ),
            // Through an anchor: reported where the file is written.
            (
                &[(
                    "compose.yaml",
                    "x-base: &base\n  extends:\n    file: gone.yml\n    service: b\nservices:\n  web:\n    <<: *base\n    image: x:1\n",
                )],
                &[("compose.yaml", 3, 11)],
            ),
            // A file that includes itself, directly or through another.
            (
                &[("compose.yaml", "include:\n  - ./compose.yaml\n")],
                &[("compose.yaml", 2, 5)],
            ),
            (
                &[
                    ("compose.yaml", "include:\n  - infra/db.yml\n"),
                    (
                        "infra/db.yml",
                        "include:\n  - ../compose.yaml\nservices:\n  db:\n    image: x:1\n",
                    ),
                ],
                &[("infra/db.yml", 2, 5)],
            ),
            // An include's `env_file:`, as a string and as a list (one of two missing); relative to the
            // including file, not to the included one.
            (
                &[
                    (
                        "compose.yaml",
                        "include:\n  - path: sub/app.yml\n    env_file: config/missing.env\n",
                    ),
                    ("sub/app.yml", "services:\n  a:\n    image: x:1\n"),
                ],
                &[("compose.yaml", 3, 15)],
            ),
            (
                &[
                    (
                        "compose.yaml",
                        "include:\n  - path: sub/app.yml\n    env_file:\n      - config/a.env\n      - a.env\n",
                    ),
                    ("sub/app.yml", "services:\n  a:\n    image: x:1\n"),
                    ("sub/a.env", "A=1\n"),
                    ("config/a.env", "A=1\n"),
                ],
                &[("compose.yaml", 5, 9)],
            ),
        ];
        for (files, want) in cases {
            let want: Vec<(String, u32, u32)> = want.iter().map(|(p, l, c)| (p.to_string(), *l, *c)).collect();
            assert_eq!(dc018(files), want, "{files:?}");
        }
    }

    #[test]
    fn passes() {
        let cases: &[&[(&str, &str)]] = &[
            // The files exist (short and long `include:`, block and flow `extends:`).
            &[
                (
                    "compose.yaml",
                    "include:\n  - ./infra/db.yml\n  - path: [infra/cache.yml]\nservices:\n  web:\n    extends:\n      file: common.yml\n      service: base\n  api:\n    extends: {file: ./common.yml, service: base}\n",
                ),
                ("infra/db.yml", "services:\n  db:\n    image: x:1\n"),
                ("infra/cache.yml", "services:\n  cache:\n    image: x:1\n"),
                ("common.yml", "services:\n  base:\n    image: x:1\n"),
            ],
            // `extends:` as a string names a service of the same file.
            &[(
                "compose.yaml",
                "services:\n  base:\n    image: x:1\n  web:\n    extends: base\n",
            )],
            // Interpolated and remote references are not judged.
            &[(
                "compose.yaml",
                "include:\n  - ${ENV}.yml\n  - oci://registry.example.com/acme/stack:1\n  - path: https://example.com/compose.yaml\nservices:\n  web:\n    image: x:1\n    extends:\n      file: ${BASE:-base}.yml\n      service: b\n",
            )],
            // The include's env files exist, are `/dev/null`, are interpolated, or are not required.
            &[
                (
                    "compose.yaml",
                    "include:\n  - path: sub/app.yml\n    env_file: [config/a.env, /dev/null, \"${ENV_FILE}\"]\n  - path: sub/app.yml\n    env_file:\n      - path: local.env\n        required: false\n",
                ),
                ("sub/app.yml", "services:\n  a:\n    image: x:1\n"),
                ("config/a.env", "A=1\n"),
            ],
        ];
        for files in cases {
            assert_eq!(dc018(files), vec![], "{files:?}");
        }
    }
}
