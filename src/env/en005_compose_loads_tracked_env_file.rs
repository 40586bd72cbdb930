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
    /// compose line, so the service that loads the committed values is named. Runs in the project phase.
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
        if s.silenced.iter().any(|(x, _)| rule.is_named(x)) {
            continue;
        }
        for (written, at) in &s.env_files {
            if written.contains('$') {
                continue;
            }
            let target = crate::fsutil::normalize_path(&dir.join(Path::new(written)));
            let Some(env) = env_files.get(&target) else { continue };
            if !env.tracked || env.kind == crate::facts::EnvFileKind::Example {
                continue;
            }
            out.push(rule.finding_at(
                Category::Env,
                at,
                format!(
                    "service `{}` loads {} with env_file, and git tracks that file, so the values it passes are committed; untrack it (`git rm --cached`), ignore it and commit an example with the names only",
                    s.name, env.path
                ),
                format!("{}:{written}", s.name).as_bytes(),
                None,
            ));
        }
    }
}
