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
