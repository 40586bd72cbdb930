//! EN003: an example env file (`.env.example` and friends) holding a value that looks like a real secret.

use super::Hit;
use super::dotenv::Assignment;
use crate::compose::rules::{holds_secret, literal_secret};
use std::ops::Range;

crate::lint::declare_meta! {
    /// ## What it does
    /// Reads example env files (`.env.example`, `.env.sample`, `.env.template`, `.env.dist`,
    /// `.env.defaults`, `example.env`, `env.example`…) and reports a secret-named variable (`DB_PASSWORD`,
    /// `STRIPE_API_KEY`…) whose value looks real: at least 8 characters, varied (entropy of 3 bits per
    /// character or more, two of lower case, upper case and digits), and no placeholder word (`change-me`, `your-…`,
    /// `example`, `xxxx`, `<…>`, `${…}`). Where the secrets engine recognises the value as a credential its
    /// own finding stands for both (one secret, one finding) and says that example files document names,
    /// not values.
    ///
    /// ## Why is this bad?
    /// Example files are committed on purpose, so whatever value they hold is public to everyone with the
    /// repository. A value that looks real usually *is* real — copied from a working `.env` — or it becomes
    /// the production value when someone copies the example and never changes it.
    ///
    /// ## Example
    /// ```text
    /// # .env.example
    /// POSTGRES_PASSWORD=q7Rz2vXk9LmP4tWs    # plimsoll:allow -- a made-up value
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// # .env.example
    /// POSTGRES_PASSWORD=          # required: a long random password
    /// ```
    ///
    /// ## References
    /// - <https://docs.docker.com/compose/how-tos/environment-variables/best-practices/>
    /// - <https://12factor.net/config>
    META {
        id: "EN003",
        name: "secret-in-example-file",
        severity: Warning,
        summary: "An example env file holds a value that looks like a real secret.",
        twins: [],
        cwe: ["CWE-798", "CWE-540"],
        security_severity: 7.0,
        enabled: true,
    }
}

/// What the project phase appends to a secret finding in an example file.
pub const EXAMPLE_FILE_NOTE: &str =
    "example files document names, not values: leave it empty (`NAME=`) and rotate the value if it was ever real";

/// Words that make a value a placeholder, not a secret.
const PLACEHOLDER_WORDS: &[&str] = &[
    "change",
    "example",
    "your",
    "xxx",
    "placeholder",
    "replace",
    "dummy",
    "sample",
    "fake",
    "todo",
    "here",
    "secret",
    "password",
    "passwd",
    "token",
    "default",
    "insert",
    "enter",
    "fill",
    "mysecret",
    "test",
    "demo",
    "local",
    "dev",
    "foo",
    "bar",
    "12345",
    "abcdef",
    "qwerty",
];

/// Whether `value` looks like a real secret rather than a placeholder.
pub fn looks_real(value: &str) -> bool {
    let v = value.trim();
    let lower = v.to_ascii_lowercase();
    if v.chars().count() < 8
        || v.contains(['<', '>', '{', '}', ' '])
        || v.contains("${")
        || PLACEHOLDER_WORDS.iter().any(|w| lower.contains(w))
    {
        return false;
    }
    // Letters of one case joined by `_` or `-` (`laradock_gitlab`) are a name, not a password: variety
    // means two of lower case, upper case and digits.
    let classes = [
        v.bytes().any(|b| b.is_ascii_lowercase()),
        v.bytes().any(|b| b.is_ascii_uppercase()),
        v.bytes().any(|b| b.is_ascii_digit()),
    ]
    .iter()
    .filter(|&&c| c)
    .count();
    classes >= 2 && crate::secrets::filters::shannon_entropy(v.as_bytes()) >= 3.0
}

/// Checks the assignments of one example file; `secrets` are the byte ranges the secrets engine reports.
pub fn check(assignments: &[Assignment<'_>], secrets: &[Range<usize>], out: &mut Vec<Hit>) {
    for a in assignments {
        if a.commented || !holds_secret(a.name) {
            continue;
        }
        let Some((value, _)) = literal_secret(a.value) else {
            continue;
        };
        let (s, e) = (a.value_range.start, a.value_range.end.max(a.value_range.start + 1));
        if secrets.iter().any(|r| r.start < e && r.end > s) || !looks_real(&value) {
            continue;
        }
        out.push(Hit {
            range: a.name_range.start..a.value_range.end,
            message: format!(
                "{} holds a value that looks like a real secret; example files document names, not values: leave it empty (`{}=`) and rotate the value if it was ever real",
                a.name, a.name
            ),
            content: a.name.to_string(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::dotenv::assignments;
    use super::*;

    fn hits(text: &str) -> Vec<Hit> {
        let mut out = Vec::new();
        check(&assignments(text), &[], &mut out);
        out
    }

    #[test]
    fn catches() {
        for t in [
            "POSTGRES_PASSWORD=q7Rz2vXk9LmP4tWs\n",  // plimsoll:allow -- made-up test values
            "export API_KEY=\"b3f9c1e07a4d42e8\"\n", // plimsoll:allow -- made-up test values
            "DB_PASSWORD=${DB_PASSWORD:-Zk4w9Qp2Lm7x}\n", // plimsoll:allow -- made-up test values
            "SMTP_PASS='N8v#kq2!Wz5r'\n",            // plimsoll:allow -- made-up test values
        ] {
            assert_eq!(hits(t).len(), 1, "{t}");
        }
    }

    #[test]
    fn passes() {
        for t in [
            "POSTGRES_PASSWORD=\n",
            "POSTGRES_PASSWORD=changeme\n",
            "POSTGRES_PASSWORD=your-password-here\n",
            "API_KEY=<your api key>\n",
            "API_KEY=xxxxxxxxxxxxxxxx\n",
            "JWT_SECRET=${JWT_SECRET}\n",
            "# API_TOKEN=q7Rz2vXk9LmP4tWs\n",   // plimsoll:allow -- made-up test values
            "POSTGRES_USER=q7Rz2vXk9LmP4tWs\n", // plimsoll:allow -- made-up test values
            "DB_PASSWORD_FILE=/run/secrets/db_password\n",
            "APP_KEY=aaaaaaaaaaaa\n",
            "SECRET_KEY=supersecretkey123\n",
            "GITLAB_POSTGRES_PASSWORD=laradock_gitlab\n",
            "REDIS_PASSWORD=12345678\n",
        ] {
            assert!(hits(t).is_empty(), "{t}: {:?}", hits(t));
        }
    }

    #[test]
    fn the_secrets_engine_finding_stands_for_both() {
        let t = "API_KEY=q7Rz2vXk9LmP4tWs\n"; // plimsoll:allow -- made-up test values
        let mut out = Vec::new();
        check(&assignments(t), std::slice::from_ref(&(8..24)), &mut out);
        assert!(out.is_empty());
        assert_eq!(hits(t)[0].range, 0..24);
    }
}
