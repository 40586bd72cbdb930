//! False-positive filters applied to every candidate after its rule's regex, entropy and checksum:
//! placeholders, documented example keys, environment/secret-store lookups, values that only look
//! random (hashes, UUIDs), lockfiles and checksum files, and inline suppression comments.

/// Documented example credentials from providers' docs; never real.
const KNOWN_EXAMPLES: &[&str] = &[
    "AKIAIOSFODNN7EXAMPLE",
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
    "pk_test_TYooMQauvdEDq54NiTphI7jx",
    "sk_test_BQokikJOvBiI2HlWgH4olfQ2",
    "xoxb-not-a-real-token-this-will-not-work",
    // The sample token on jwt.io and in countless tutorials.
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
];

/// Case-insensitive substrings that mark a value as a placeholder, not a credential.
const PLACEHOLDER_WORDS: &[&str] = &[
    "example",
    "xxxx",
    "changeme",
    "change_me",
    "change-me",
    "your_",
    "your-",
    "yourtoken",
    "yourkey",
    "yourpassword",
    "redacted",
    "****",
    "dummy",
    "placeholder",
    "sample",
    "insert_",
    "replace_me",
    "replaceme",
    "fake_",
    "notreal",
    "not_real",
    "not-a-real",
    "...",
    "…",
];

/// Markers of a value that is a reference or lookup, not a literal.
const LOOKUP_MARKERS: &[&str] = &[
    "${",
    "{{",
    "}}",
    "$(",
    "%s",
    "%(",
    "process.env",
    "os.environ",
    "getenv(",
    "environ[",
    "env(",
    "env[",
    "secrets.",
    "vault:",
    "<%",
];

/// Whether `secret` is a placeholder, a documented example, or a lookup of a value stored elsewhere.
pub fn is_placeholder(secret: &[u8]) -> bool {
    let Ok(s) = std::str::from_utf8(secret) else {
        return false;
    };
    if KNOWN_EXAMPLES.contains(&s) {
        return true;
    }
    let lower = s.to_ascii_lowercase();
    if PLACEHOLDER_WORDS.iter().any(|w| lower.contains(w)) || LOOKUP_MARKERS.iter().any(|m| lower.contains(m)) {
        return true;
    }
    // `<your-token>`, `[TOKEN]`, `$VAR`, `%VAR%`
    let b = s.as_bytes();
    if b.len() >= 2
        && ((b[0] == b'<' && b[b.len() - 1] == b'>')
            || (b[0] == b'[' && b[b.len() - 1] == b']')
            || (b[0] == b'%' && b[b.len() - 1] == b'%'))
    {
        return true;
    }
    if b.first() == Some(&b'$') && b.len() > 1 && (b[1] == b'_' || b[1].is_ascii_uppercase()) {
        return true;
    }
    // One repeated character, or nothing but a tiny alphabet (e.g. `aaaa`, `0000`, `abababab`).
    let mut distinct = [false; 256];
    let mut n = 0;
    for &c in b {
        if !distinct[c as usize] {
            distinct[c as usize] = true;
            n += 1;
        }
    }
    n <= 2
}

/// Whether `secret` contains a run of `n` or more consecutive ascending characters (`abcdef`, `uvwxyz`,
/// `123456`, case-insensitive): hand-typed fixture values, vanishingly rare in random tokens.
pub fn has_sequential_run(secret: &[u8], n: usize) -> bool {
    let mut run = 1;
    for w in secret.windows(2) {
        let (a, b) = (w[0].to_ascii_lowercase(), w[1].to_ascii_lowercase());
        if a.is_ascii_alphanumeric() && b == a + 1 && b.is_ascii_alphanumeric() {
            run += 1;
            if run >= n {
                return true;
            }
        } else {
            run = 1;
        }
    }
    false
}

/// Whether the URL host right after `@` in `tail` (text that follows a secret) is a name reserved for
/// documentation (RFC 2606 / RFC 6761): `example.com`, `*.example`, `*.test`, `*.invalid`.
pub fn followed_by_documentation_host(tail: &[u8]) -> bool {
    let Some(at) = tail.iter().position(|&b| b == b'@') else {
        return false;
    };
    if tail[..at]
        .iter()
        .any(|b| b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b'/'))
    {
        return false;
    }
    let host: Vec<u8> = tail[at + 1..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-'))
        .map(u8::to_ascii_lowercase)
        .collect();
    let host = String::from_utf8_lossy(&host);
    let host = host.trim_end_matches('.');
    ["example.com", "example.org", "example.net"]
        .iter()
        .any(|d| host == *d || host.ends_with(&format!(".{d}")))
        || [".example", ".test", ".invalid"].iter().any(|t| host.ends_with(t))
        || host == "example"
}

/// Whether a value of a generic (keyword-anchored) rule is something random-looking but not secret:
/// a UUID, a git SHA or hex digest, an SRI/`sha256:` digest.
pub fn looks_like_digest(secret: &[u8]) -> bool {
    let s = secret;
    let is_hex = |x: &[u8]| x.iter().all(u8::is_ascii_hexdigit);
    if matches!(s.len(), 40 | 64 | 96 | 128) && is_hex(s) {
        return true;
    }
    if s.len() == 36
        && s.iter().enumerate().all(|(i, &c)| {
            if matches!(i, 8 | 13 | 18 | 23) {
                c == b'-'
            } else {
                c.is_ascii_hexdigit()
            }
        })
    {
        return true;
    }
    let lower = s.to_ascii_lowercase();
    [
        "sha1-", "sha256-", "sha384-", "sha512-", "sha256:", "sha512:", "sha1:", "md5:", "h1:",
    ]
    .iter()
    .any(|p| lower.starts_with(p.as_bytes()))
}

/// Password hashes (bcrypt, argon2, scrypt, crypt(3) SHA): stored hashes, not credentials.
pub fn is_password_hash(secret: &[u8]) -> bool {
    [
        "$2a$",
        "$2b$",
        "$2y$",
        "$argon2",
        "$scrypt$",
        "$5$",
        "$6$",
        "$pbkdf2",
        "pbkdf2_sha256$",
        "$7$",
    ]
    .iter()
    .any(|p| secret.starts_with(p.as_bytes()))
}

/// Lockfiles and checksum manifests: full of hashes and integrity strings; only high-precision rules run.
pub fn is_lockfile(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    matches!(
        name,
        "package-lock.json"
            | "npm-shrinkwrap.json"
            | "yarn.lock"
            | "pnpm-lock.yaml"
            | "bun.lock"
            | "Cargo.lock"
            | "go.sum"
            | "go.work.sum"
            | "poetry.lock"
            | "Pipfile.lock"
            | "uv.lock"
            | "pdm.lock"
            | "Gemfile.lock"
            | "composer.lock"
            | "packages.lock.json"
            | "gradle.lockfile"
            | "flake.lock"
            | "mix.lock"
            | "pubspec.lock"
            | "Podfile.lock"
            | "SHA256SUMS"
            | "SHA512SUMS"
            | "MD5SUMS"
    ) || name.ends_with(".sha256")
        || name.ends_with(".sha512")
        || name.ends_with(".sum")
}

/// Markers that suppress findings on their line.
const INLINE_ALLOW: &[&[u8]] = &[b"plimsoll:allow", b"gitleaks:allow", b"pragma: allowlist secret"];

/// Whether `line` carries an inline suppression comment.
pub fn line_is_suppressed(line: &[u8]) -> bool {
    INLINE_ALLOW.iter().any(|m| memchr::memmem::find(line, m).is_some())
}

/// `pragma: allowlist nextline secret` (detect-secrets) on the line before suppresses it too.
pub fn previous_line_suppresses(prev: &[u8]) -> bool {
    memchr::memmem::find(prev, b"pragma: allowlist nextline secret").is_some()
}

/// Shannon entropy in bits per byte.
pub fn shannon_entropy(data: &[u8]) -> f64 {
    if data.is_empty() {
        return 0.0;
    }
    let mut counts = [0u32; 256];
    for &b in data {
        counts[b as usize] += 1;
    }
    let n = data.len() as f64;
    counts
        .iter()
        .filter(|&&c| c > 0)
        .map(|&c| {
            let p = c as f64 / n;
            -p * p.log2()
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders() {
        for p in [
            "AKIAIOSFODNN7EXAMPLE",
            "xxxxxxxxxxxx",
            "<your-token>",
            "${API_KEY}",
            "{{ token }}",
            "%s",
            "REDACTED",
            "********",
            "changeme",
            "process.env.API_KEY",
            "os.environ['X']",
            "${{ secrets.GH }}",
            "aaaaaaaaaaaa",
            "$TOKEN",
        ] {
            assert!(is_placeholder(p.as_bytes()), "{p}");
        }
        for s in [
            "ghp_Zq8vR3kLmN0pQ2sT4uW6yA8cE1gI3k0abcde",
            "Tr0ub4dor&3horse",
            "sk_live_51Hx9",
        ] {
            assert!(!is_placeholder(s.as_bytes()), "{s}");
        }
    }

    #[test]
    fn digests_and_hashes() {
        assert!(looks_like_digest(b"da39a3ee5e6b4b0d3255bfef95601890afd80709"));
        assert!(looks_like_digest(b"123e4567-e89b-12d3-a456-426614174000"));
        assert!(looks_like_digest(b"sha512-abcdefABCDEF0123456789"));
        assert!(!looks_like_digest(b"f3a9c2e1d0b8a7f6e5d4c3b2a1f0e9d8"));
        assert!(is_password_hash(
            b"$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW"
        ));
    }

    #[test]
    fn entropy_orders_random_above_repetitive() {
        assert!(shannon_entropy(b"aaaaaaaa") < 0.01);
        assert!(shannon_entropy(b"Zq8vR3kLmN0pQ2sT4uW6") > 4.0);
    }

    #[test]
    fn sequences_and_documentation_hosts() {
        assert!(has_sequential_run(b"AB1C2defGHijkLMNo3PqQRstUvwxyz", 6));
        assert!(has_sequential_run(b"tok_0123456789", 6));
        assert!(!has_sequential_run(b"Zq8vR3kLmN0pQ2sT4uW6yA8cE1gI3k", 6));
        assert!(followed_by_documentation_host(b"@example.com/path"));
        assert!(followed_by_documentation_host(b"@db.example.org:5432"));
        assert!(followed_by_documentation_host(b"@api.test/"));
        assert!(!followed_by_documentation_host(b"@db.internal.acme.io:5432"));
        assert!(!followed_by_documentation_host(b" and mail me@example.com"));
    }

    #[test]
    fn inline_allow() {
        assert!(line_is_suppressed(b"key = 'abc' # plimsoll:allow"));
        assert!(line_is_suppressed(b"key = 'abc' // gitleaks:allow"));
        assert!(line_is_suppressed(b"key = 'abc'  # pragma: allowlist secret"));
        assert!(!line_is_suppressed(b"key = 'abc'"));
    }

    #[test]
    fn lockfiles() {
        assert!(is_lockfile("web/package-lock.json"));
        assert!(is_lockfile("go.sum"));
        assert!(!is_lockfile("src/main.rs"));
    }
}
