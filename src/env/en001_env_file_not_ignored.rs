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
