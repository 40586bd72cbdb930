//! EN002: a `.env` file that the git index tracks.

crate::lint::declare_meta! {
    /// ## What it does
    /// Reports a `.env` or `.env.*` file (not the example kinds) that the repository's index tracks — whether
    /// or not a `.gitignore` rule covers it now. The index is read directly (no git program runs); a tracked
    /// file that `.gitignore` hides from the walk is found through the `.gitignore` files the walk reads,
    /// and it obeys the scan's `exclude` globs like any file. In git modes (`plimsoll git --staged`,
    /// `--range`, `--pre-push`) a `.env` that the change adds or edits is reported (the finding spans the
    /// whole file, so any added line counts): the commit is what puts its values in the repository.
    ///
    /// ## Why is this bad?
    /// The values are already committed: everyone with the repository has them, in every clone and in the
    /// history. Adding the file to `.gitignore` afterwards changes nothing — ignore rules only keep
    /// *untracked* files out, so every later edit of the tracked file is committed too.
    ///
    /// ## Example
    /// ```text
    /// $ git ls-files
    /// .env            # POSTGRES_PASSWORD=s3cr3t
    /// .gitignore      # lists .env, too late
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// $ git rm --cached .env          # stop tracking it, keep the file
    /// .gitignore:     .env
    /// .env.example:   POSTGRES_PASSWORD=
    /// ```
    /// and rotate every value the committed file held (or rewrite the history).
    ///
    /// ## References
    /// - <https://git-scm.com/docs/git-rm#Documentation/git-rm.txt---cached>
    /// - <https://git-scm.com/docs/gitignore> ("files already tracked by Git are not affected")
    /// - <https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/removing-sensitive-data-from-a-repository>
    META {
        id: "EN002",
        name: "env-file-tracked",
        severity: Error,
        summary: "A .env file is tracked by git, so its values are committed.",
        twins: [],
        cwe: ["CWE-538", "CWE-312"],
        security_severity: 8.0,
        enabled: true,
    }
}

/// The finding's message for the tracked file at `rel` (relative to the work tree's top).
pub fn message(rel: &str, ignored: bool) -> String {
    let why = if ignored {
        " although .gitignore ignores it (ignore rules only keep untracked files out)"
    } else {
        ""
    };
    format!(
        "{rel} is tracked by git{why}, so its values are in the repository and its history; run `git rm --cached {rel}`, keep it ignored, commit a `.env.example` with the names only, and rotate the values it held"
    )
}

/// The message for a `.env` that a commit (or the index, for `--staged`) adds or changes, in git modes.
pub fn committed_message(path: &str) -> String {
    format!(
        "{path} is committed in this change, so its values go into the repository and its history; take it out (`git rm --cached {path}`), add it to .gitignore, commit a `.env.example` with the names only, and rotate the values it held"
    )
}

#[cfg(test)]
mod tests {
    use crate::project::testing::{Git, of, project_findings_in};

    /// EN002 findings (path, line, column, message) over `files` in a work tree whose index tracks
    /// `tracked`; `honour_ignores` as a default scan's walk does (ignored files are not visited).
    fn en002(files: &[(&str, &str)], tracked: &[&str], honour_ignores: bool) -> Vec<(String, u32, u32, String)> {
        project_findings_in(files, Git::Tracking(tracked), honour_ignores)
            .into_iter()
            .filter(|f| &*f.rule_id == "EN002")
            .map(|f| (f.path, f.span.line, f.span.column, f.message))
            .collect()
    }

    #[test]
    fn catches() {
        // (files, tracked, the one finding's path, whether the message says .gitignore ignores it).
        type Case<'a> = (&'a [(&'a str, &'a str)], &'a [&'a str], &'a str, bool);
        let cases: &[Case<'_>] = &[
            (&[(".env", "A=1\n")], &[".env"], ".env", false),
            (
                &[("svc/.env.production", "A=1\n"), (".env.example", "A=\n")],
                &["svc/.env.production", ".env.example"],
                "svc/.env.production",
                false,
            ),
            // Ignored after it was committed: found from the .gitignore when the walk skips the file, and
            // from the file itself when it is linted.
            (&[(".gitignore", ".env\n"), (".env", "A=1\n")], &[".env"], ".env", true),
            (
                &[
                    ("svc/.gitignore", ".env.*\n!.env.example\n"),
                    ("svc/.env.local", "A=1\n"),
                ],
                &["svc/.env.local"],
                "svc/.env.local",
                true,
            ),
            // A negation in a deeper .gitignore: not ignored any more, still tracked.
            (
                &[
                    (".gitignore", ".env\n"),
                    ("app/.gitignore", "!.env\n"),
                    ("app/.env", "A=1\n"),
                ],
                &["app/.env"],
                "app/.env",
                false,
            ),
        ];
        for (files, tracked, path, ignored) in cases {
            for honour in [true, false] {
                let f = en002(files, tracked, honour);
                assert_eq!(f.len(), 1, "{files:?} (honour ignores: {honour}): {f:?}");
                let (p, line, column, message) = &f[0];
                assert_eq!((p.as_str(), *line, *column), (*path, 1, 1), "{files:?}");
                assert_eq!(
                    message.contains("although .gitignore ignores it"),
                    *ignored,
                    "{files:?}: {message}"
                );
                assert!(message.contains(&format!("git rm --cached {path}")), "{message}");
            }
        }
    }

    #[test]
    fn passes() {
        // Example kinds are meant to be committed, tracked or not.
        let examples = crate::env::testing::example_files();
        let names: Vec<&str> = examples.iter().map(|(p, _)| *p).collect();
        // Also when a .gitignore covers them and the tracked files are found from it.
        let mut ignored_examples = examples.clone();
        ignored_examples.push((".gitignore", ".env*\n"));
        ignored_examples.push(("svc/.gitignore", ".env*\n"));
        for honour in [true, false] {
            assert_eq!(en002(&examples, &names, honour), vec![]);
            assert_eq!(en002(&ignored_examples, &names, honour), vec![]);
            // Untracked (EN001's business, or nobody's when ignored); a tracked `db.env` is not `.env*`.
            assert_eq!(en002(&[(".env", "A=1\n")], &[], honour), vec![]);
            assert_eq!(
                en002(&[(".gitignore", ".env\n"), (".env", "A=1\n")], &[], honour),
                vec![]
            );
            assert_eq!(en002(&[("db.env", "A=1\n")], &["db.env"], honour), vec![]);
        }
        // Not a git work tree.
        let f = project_findings_in(&[(".env", "A=1\n")], Git::None, false);
        assert!(of(&f, "EN002").is_empty(), "{f:?}");
    }
}
