//! EN001: a `.env` file that git does not ignore.

crate::lint::declare_meta! {
    /// ## What it does
    /// Reports a `.env` or `.env.*` file (not `.env.example`, `.sample`, `.template`, `.dist`, `.defaults`)
    /// inside a git work tree when no `.gitignore` rule and no `.git/info/exclude` rule covers it.
    /// (Global excludes files are not read.) A file the index already tracks is EN002 instead.
    ///
    /// ## Why is this bad?
    /// `.env` files hold the real values compose interpolates — database passwords, API keys — and the next
    /// `git add .` commits them to the repository and its history, where removing them means rewriting
    /// history and rotating every value.
    ///
    /// ## Example
    /// ```text
    /// .env            # POSTGRES_PASSWORD=s3cr3t, not in .gitignore
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// .gitignore:     .env
    ///                 .env.*
    ///                 !.env.example
    /// .env.example:   POSTGRES_PASSWORD=
    /// ```
    ///
    /// ## References
    /// - <https://git-scm.com/docs/gitignore>
    /// - <https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/#env-file>
    META {
        id: "EN001",
        name: "env-file-not-ignored",
        severity: Warning,
        summary: "A .env file is not git-ignored.",
        twins: [],
        cwe: ["CWE-538"],
        security_severity: 6.0,
        enabled: true,
    }
}

/// The finding's message for the file at `rel` (relative to the work tree's top).
pub fn message(rel: &str) -> String {
    format!(
        "{rel} is not git-ignored, so its values get committed; add `/{rel}` to .gitignore and commit a `.env.example` with the names only"
    )
}

#[cfg(test)]
mod tests {
    use crate::project::testing::{Git, of, project_findings_in};

    /// EN001 findings (path, line, column) over `files` in a fresh work tree whose index tracks `tracked`,
    /// every file linted (as when named on the command line or with `--no-ignore`: the rule, not the walk,
    /// decides what is ignored).
    fn en001(files: &[(&str, &str)], tracked: &[&str]) -> Vec<(String, u32, u32)> {
        of(&project_findings_in(files, Git::Tracking(tracked), false), "EN001")
            .into_iter()
            .map(|(p, l, c, _)| (p, l, c))
            .collect()
    }

    #[test]
    fn catches() {
        type Case<'a> = (&'a [(&'a str, &'a str)], &'a [&'a str]);
        let cases: &[Case<'_>] = &[
            // No .gitignore at all.
            (&[(".env", "A=1\n")], &[".env"]),
            // `.env` covers `.env` at any depth, not `.env.local`.
            (
                &[
                    (".gitignore", ".env\n"),
                    ("svc/.env.local", "A=1\n"),
                    ("svc/.env", "A=1\n"),
                ],
                &["svc/.env.local"],
            ),
            // A negation after the rule that covers it un-ignores it.
            (
                &[
                    (".gitignore", ".env*\n!.env.production\n"),
                    (".env.production", "A=1\n"),
                ],
                &[".env.production"],
            ),
            // A deeper .gitignore negates the parent's rule.
            (
                &[
                    (".gitignore", ".env\n"),
                    ("app/.gitignore", "!.env\n"),
                    ("app/.env", "A=1\n"),
                ],
                &["app/.env"],
            ),
            // A rule anchored at the top does not cover a deeper file; a rule for another name neither.
            (
                &[
                    (".gitignore", "/.env\nnode_modules/\n"),
                    ("deploy/.env", "A=1\n"),
                    (".env", "A=1\n"),
                ],
                &["deploy/.env"],
            ),
        ];
        for (files, want) in cases {
            let want: Vec<(String, u32, u32)> = want.iter().map(|p| (p.to_string(), 1, 1)).collect();
            assert_eq!(en001(files, &[]), want, "{files:?}");
        }
    }

    #[test]
    fn passes() {
        // Example kinds are meant to be committed.
        let examples = crate::env::testing::example_files();
        assert_eq!(en001(&examples, &[]), vec![]);
        // Ignored by the top .gitignore, by a parent directory's, by a glob with a negation for another
        // file, or by a directory rule.
        for files in [
            &[(".gitignore", ".env\n"), ("svc/deep/.env", "A=1\n")][..],
            &[("svc/.gitignore", ".env.*\n"), ("svc/api/.env.local", "A=1\n")][..],
            &[
                (".gitignore", ".env*\n!.env.example\n"),
                (".env", "A=1\n"),
                (".env.staging", "A=1\n"),
                (".env.example", "A=\n"),
            ][..],
            &[(".gitignore", "secrets/\n"), ("secrets/.env", "A=1\n")][..],
        ] {
            assert_eq!(en001(files, &[]), vec![], "{files:?}");
        }
        // Tracked: EN002's, not this rule's.
        let f = project_findings_in(&[(".env", "A=1\n")], Git::Tracking(&[".env"]), false);
        assert!(of(&f, "EN001").is_empty() && of(&f, "EN002").len() == 1, "{f:?}");
        // Not in a git work tree; and a file named like an env file that is not `.env*`.
        let f = project_findings_in(&[(".env", "A=1\n")], Git::None, false);
        assert!(of(&f, "EN001").is_empty(), "{f:?}");
        assert_eq!(en001(&[("db.env", "A=1\n")], &[]), vec![]);
    }
}
