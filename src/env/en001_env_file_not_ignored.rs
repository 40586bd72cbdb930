//! EN001: a `.env` file that git does not ignore.

use crate::finding::Severity;
use crate::lint::Meta;

/// The rule; its documentation (the same sections as every rule) is `docs`.
pub static META: Meta = Meta {
    id: "EN001",
    name: "env-file-not-ignored",
    severity: Severity::Warning,
    summary: "A .env file is not git-ignored.",
    docs: "## What it does\nReports a `.env` or `.env.*` file (not `.env.example`, `.sample`, `.template`, `.dist`, `.defaults`)\ninside a git work tree when no `.gitignore` rule and no `.git/info/exclude` rule covers it.\n(Global excludes files are not read.)\n\n## Why is this bad?\n`.env` files hold the real values compose interpolates — database passwords, API keys — and the next\n`git add .` commits them to the repository and its history, where removing them means rewriting\nhistory and rotating every value.\n\n## Example\n```text\n.env            # POSTGRES_PASSWORD=s3cr3t, not in .gitignore\n```\n\n## Use instead\n```text\n.gitignore:     .env\n                .env.*\n                !.env.example\n.env.example:   POSTGRES_PASSWORD=\n```\n\n## References\n- <https://git-scm.com/docs/gitignore>\n- <https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/#env-file>\n",
    twins: &[],
    cwe: &["CWE-538"],
    security_severity: 6.0,
    enabled_by_default: true,
};
