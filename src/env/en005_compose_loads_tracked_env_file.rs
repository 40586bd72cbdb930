//! EN005 (project rule): a compose `env_file:` that loads a file the git index tracks.

use crate::facts::{ComposeServiceFact, EnvFileFact};
use crate::finding::{Category, Finding};
use crate::lint::Configured;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

crate::lint::declare_meta! {
    /// ## What it does
    /// Resolves each service's `env_file:` entries (string, list or `path:` mappings) relative to the
    /// compose file and reports the ones that name a file the git index tracks (`.env`, `.env.*`,
    /// `*.env`; example files are meant to be committed and are not reported). The finding is at the
    /// compose line, so the service that loads the committed values is named. A `# plimsoll ignore=EN005`
    /// pragma on the service keeps the finding, marked suppressed. Runs in the project phase.
    ///
    /// ## Why is this bad?
    /// `env_file:` is how real values reach a container — database passwords, API keys. When that file is
    /// tracked, those values are in the repository and its history, and whoever deploys from a clone runs
    /// with the values everyone can read.
    ///
    /// ## Example
    /// ```text
    /// # compose.yaml
    /// services:
    ///   api:
    ///     image: ghcr.io/acme/api:1.4.2
    ///     env_file: ./api.env        # tracked by git
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// services:
    ///   api:
    ///     image: ghcr.io/acme/api:1.4.2
    ///     env_file: ./api.env        # git rm --cached api.env; .gitignore: api.env
    /// # api.env.example, committed: the names with empty values
    /// ```
    ///
    /// ## References
    /// - <https://docs.docker.com/reference/compose-file/services/#env_file>
    /// - <https://git-scm.com/docs/git-rm#Documentation/git-rm.txt---cached>
    META {
        id: "EN005",
        name: "compose-loads-tracked-env-file",
        severity: Warning,
        summary: "A compose env_file: loads a file that git tracks.",
        twins: [],
        cwe: ["CWE-538"],
        security_severity: 7.0,
        enabled: true,
    }
}

/// Checks every `env_file:` of `services` against `env_files` (by normalized disk path).
pub fn check(
    rule: &Configured,
    services: &[ComposeServiceFact],
    env_files: &HashMap<PathBuf, &EnvFileFact>,
    out: &mut Vec<Finding>,
) {
    for s in services {
        let Some(dir) = s.dir.as_deref() else { continue };
        // Silenced by a pragma: still reported to `--include-suppressed`, marked with the pragma.
        let silenced = s
            .silenced
            .iter()
            .find(|(x, _)| rule.is_named(x))
            .map(|(_, why)| why.clone());
        for (written, at) in &s.env_files {
            if written.contains('$') {
                continue;
            }
            let target = crate::fsutil::normalize_path(&dir.join(Path::new(written)));
            let Some(env) = env_files.get(&target) else { continue };
            if !env.tracked || env.kind == crate::facts::EnvFileKind::Example {
                continue;
            }
            let mut finding = rule.finding_at(
                Category::Env,
                at,
                format!(
                    "service `{}` loads {} with env_file, and git tracks that file, so the values it passes are committed; untrack it (`git rm --cached`), ignore it and commit an example with the names only",
                    s.name, env.path
                ),
                format!("{}:{written}", s.name).as_bytes(),
                None,
            );
            finding.suppressed = silenced.clone();
            out.push(finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::project::testing::{of, project_findings};

    /// EN005 over a git work tree whose index tracks every file: (path, line, column, suppressed).
    fn en005(files: &[(&str, &str)]) -> Vec<(String, u32, u32, bool)> {
        of(&project_findings(files, true), "EN005")
    }

    #[test]
    fn catches() {
        // String, list and long (`path:`) forms; relative to the compose file's directory.
        let f = en005(&[
            (
                "deploy/compose.yaml",
                "services:\n  api:\n    image: x:1\n    env_file: api.env\n",
            ),
            ("deploy/api.env", "A=1\n"),
        ]);
        assert_eq!(f, vec![("deploy/compose.yaml".into(), 4, 15, false)]);
        let f = en005(&[
            (
                "compose.yaml",
                "services:\n  api:\n    image: x:1\n    env_file:\n      - ./.env\n      - path: ./db.env\n        required: false\n",
            ),
            (".env", "A=1\n"),
            ("db.env", "B=2\n"),
        ]);
        assert_eq!(f.len(), 2, "{f:?}");
        assert!(f.iter().all(|(p, _, _, s)| p == "compose.yaml" && !s), "{f:?}");
    }

    #[test]
    fn passes() {
        // An example file is meant to be committed; an interpolated path is not resolved; an untracked file
        // is not this rule's business.
        assert!(
            en005(&[
                (
                    "compose.yaml",
                    "services:\n  api:\n    image: x:1\n    env_file: .env.example\n"
                ),
                (".env.example", "A=\n"),
            ])
            .is_empty()
        );
        assert!(
            en005(&[
                (
                    "compose.yaml",
                    "services:\n  api:\n    image: x:1\n    env_file: ${ENV_FILE}\n"
                ),
                ("api.env", "A=1\n"),
            ])
            .is_empty()
        );
        let untracked = project_findings(
            &[
                (
                    "compose.yaml",
                    "services:\n  api:\n    image: x:1\n    env_file: api.env\n",
                ),
                ("api.env", "A=1\n"),
            ],
            false,
        );
        assert!(of(&untracked, "EN005").is_empty());
    }

    #[test]
    fn a_pragma_keeps_the_finding_marked_suppressed() {
        let f = en005(&[
            (
                "compose.yaml",
                "services:\n  # plimsoll ignore=EN005 -- demo values only\n  api:\n    image: x:1\n    env_file: api.env\n",
            ),
            ("api.env", "A=1\n"),
        ]);
        assert_eq!(f, vec![("compose.yaml".into(), 5, 15, true)]);
    }
}
