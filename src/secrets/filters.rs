//! False-positive filters and confidence signals applied to every candidate after its rule's regex,
//! entropy and checksum: placeholders, documented example keys, environment/secret-store lookups, values
//! that only look random (hashes, UUIDs), well-known dummy passwords, what the name a value is assigned to
//! says about it, lockfiles and checksum files.
//! Inline suppression markers are in [`crate::secrets::lines`].

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
    // MinIO's public playground (play.min.io) credentials, printed in MinIO's docs and READMEs.
    "Q3AM3UQ867SPQQA43P2F",
    "zuf+tfteSlswRu7BJ86wekitnifILbZam1KYY3TG",
    // MinIO's documentation sample KMS master key (`MINIO_KMS_SECRET_KEY=my-minio-key:…`).
    "OSMM+vkKUTCvQs9YL/CVMIMt43HFhkUpqJxTmGl6rYw=",
    // RFC 6749's example access and refresh tokens, copied into many OAuth test suites.
    "2YotnFZFEjr1zCsicMWpAA",
    "tGzv3JOkF0XG5Qx2TlKWIA",
    // RFC 6750's example bearer token.
    "mF_9.B5f-4.1JqM",
    // Azurite / Azure Storage Emulator's documented development account key.
    "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
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
    "#{",
    "{%",
    "%{",
];

/// `PLACEHOLDER_WORDS` and `LOOKUP_MARKERS` in one automaton, ASCII case-insensitive: one pass over a
/// candidate instead of one substring search per word (this ran for every candidate and was a quarter of
/// the scan time on files with many of them).
static PLACEHOLDER_OR_LOOKUP: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(PLACEHOLDER_WORDS.iter().chain(LOOKUP_MARKERS))
        .expect("placeholder words form a valid automaton")
});

/// Whether `secret` is a placeholder, a documented example, or a lookup of a value stored elsewhere.
pub fn is_placeholder(secret: &[u8]) -> bool {
    let Ok(s) = std::str::from_utf8(secret) else {
        return false;
    };
    // Supabase's local-development demo keys (JWTs issued by `supabase-demo`), printed by `supabase start`.
    if s.starts_with("eyJ")
        && let Some(payload) = s.split('.').nth(1)
        && let Some(json) = crate::secrets::checksum::decode_b64url(payload.as_bytes())
        && memchr::memmem::find(&json, b"\"supabase-demo\"").is_some()
    {
        return true;
    }
    if KNOWN_EXAMPLES
        .iter()
        .any(|k| s == *k || (k.len() >= 20 && memchr::memmem::find(secret, k.as_bytes()).is_some()))
    {
        return true;
    }
    if PLACEHOLDER_OR_LOOKUP.is_match(s) {
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
    is_labelled_digest(s)
}

/// A digest that names its algorithm (`sha256:…`, SRI `sha512-…`, Go's `h1:…`): never a secret, whatever
/// it is assigned to.
pub fn is_labelled_digest(s: &[u8]) -> bool {
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
        "$1$",
        "$md5$",
        "$sha1$",
        "$y$",
        "$gy$",
        "SCRAM-SHA-256$",
    ]
    .iter()
    .any(|p| secret.starts_with(p.as_bytes()))
        // PostgreSQL's `md5` + hex(md5(password + user)) in pg_authid / pgpass dumps.
        || (secret.len() == 35 && secret.starts_with(b"md5") && secret[3..].iter().all(u8::is_ascii_hexdigit))
}

/// Test code and fixtures by their path: a `test`/`tests`/`spec`/`fixtures`/`testdata` directory, or a
/// `*_test.*`, `test_*`, `*.spec.*`, `*.test.*`, `*Test(s).*` file.
pub fn is_test_path(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    let name = path.rsplit('/').next().unwrap_or(path);
    let stem = name.split('.').next().unwrap_or(name);
    lower.split('/').any(|d| {
        matches!(
            d,
            "test" | "tests" | "spec" | "specs" | "fixtures" | "testdata" | "__tests__"
        )
    }) || stem.ends_with("_test")
        || stem.starts_with("test_")
        || stem.ends_with("Test")
        || stem.ends_with("Tests")
        || lower.contains(".spec.")
        || lower.contains(".test.")
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

/// The reason given after an inline marker (`# plimsoll:allow -- test fixture`): the text after ` -- ` up
/// to the end of the line, without a closing `*/` or `-->`. `rest` is what follows the marker.
pub fn pragma_reason(rest: &[u8]) -> Option<String> {
    let rest = String::from_utf8_lossy(rest);
    let reason = rest.trim_start().strip_prefix("--")?;
    let reason = reason.trim();
    let reason = reason
        .strip_suffix("-->")
        .or_else(|| reason.strip_suffix("*/"))
        .unwrap_or(reason)
        .trim();
    (!reason.is_empty()).then(|| reason.to_string())
}

/// What the name a value is assigned to says about the value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameKind {
    /// `token`, `client_secret`, `DB_PASSWORD`, `signingKey`: a random value here is a credential.
    Secret,
    /// `token_hash`, `secret_sha256`, `api_key_id`, `encryptedPrivateKey`, `existingSecret`: digests,
    /// ciphertexts, identifiers and metadata about a secret, or the name of a secret stored elsewhere.
    NotSecret,
}

/// Words that make a name describe a digest, a ciphertext, a reference or a cursor wherever they appear.
const NOT_SECRET_WORDS: &[&str] = &[
    "sha",
    "sha1",
    "sha224",
    "sha256",
    "sha384",
    "sha512",
    "md5",
    "hash",
    "hashed",
    "digest",
    "checksum",
    "etag",
    "integrity",
    "fingerprint",
    "uuid",
    "guid",
    "encoded",
    "encrypted",
    "enc",
    "wrapped",
    "ciphertext",
    "crypted",
    "salt",
    "existing",
    "next",
    "prev",
    "previous",
    "page",
    "pagination",
    "continuation",
    "skip",
    "cursor",
    "csrf",
    "xsrf",
    "idempotency",
];

/// Last words that make a name describe something about a secret rather than hold it.
const METADATA_LAST_WORDS: &[&str] = &[
    "id",
    "ids",
    "version",
    "ver",
    "type",
    "name",
    "names",
    "path",
    "file",
    "filename",
    "dir",
    "url",
    "uri",
    "endpoint",
    "host",
    "length",
    "len",
    "size",
    "count",
    "field",
    "label",
    "header",
    "param",
    "prefix",
    "suffix",
    "policy",
    "ttl",
    "expiry",
    "expires",
    "expiration",
    "timeout",
    "format",
    "mode",
    "enabled",
    "required",
    "hint",
    "ref",
    "arn",
    "regex",
    "pattern",
    "placeholder",
    "description",
    "title",
    "kind",
    "scope",
    "scopes",
    "algorithm",
    "index",
    "location",
    "source",
    "column",
    "template",
    "rotation",
    "generator",
];

/// Words before a final `pass` that make it a processing pass, not a password (`firstPass`, `render_pass`).
const PASS_QUALIFIERS: &[&str] = &[
    "first", "second", "third", "last", "final", "single", "multi", "one", "two", "next", "render", "shadow",
    "compile", "filter", "scale", "by", "com", "sur", "over", "under", "tres", "im",
];

/// Splits an identifier into lowercase words at `_ . - $ @ :`, spaces and camelCase humps
/// (`clientSecretSHA256` -> `client secret sha256`, `APIKeyId` -> `api key id`).
pub fn name_words(name: &[u8]) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let n = name.len();
    for i in 0..n {
        let c = name[i];
        if !c.is_ascii_alphanumeric() {
            if !cur.is_empty() {
                words.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if c.is_ascii_uppercase() && !cur.is_empty() {
            let prev = name[i - 1];
            let next_lower = name.get(i + 1).is_some_and(u8::is_ascii_lowercase);
            if prev.is_ascii_lowercase() || prev.is_ascii_digit() || (prev.is_ascii_uppercase() && next_lower) {
                words.push(std::mem::take(&mut cur));
            }
        }
        cur.push(c.to_ascii_lowercase() as char);
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    words
}

/// Classifies the name a value is assigned to. Digest, ciphertext and reference words anywhere
/// (`token_sha256`, `encryptedPrivateKey`, `existingSecret`, `nextPageToken`) or a metadata word last
/// (`api_key_id`, `secret_version`, `token_url`) mean the value is not the secret; so does a `pass` that is
/// a processing pass (`firstPass`).
pub fn classify_name(name: &[u8]) -> NameKind {
    let words = name_words(name);
    // Glued cursor names: `$skiptoken`, `nexttoken`, `pagetoken`.
    let glued_cursor = words.last().is_some_and(|w| {
        w.strip_suffix("token").is_some_and(|p| {
            matches!(
                p,
                "next" | "prev" | "page" | "skip" | "continuation" | "cursor" | "sync" | "csrf" | "xsrf"
            )
        })
    });
    let not_secret = glued_cursor
        || words.iter().any(|w| NOT_SECRET_WORDS.contains(&w.as_str()))
        || words.last().is_some_and(|w| METADATA_LAST_WORDS.contains(&w.as_str()))
        || (words.len() >= 2
            && words[words.len() - 1] == "pass"
            && PASS_QUALIFIERS.contains(&words[words.len() - 2].as_str()));
    if not_secret {
        NameKind::NotSecret
    } else {
        NameKind::Secret
    }
}

/// Words that well-known dummy, default, tutorial and self-describing test passwords are made of
/// (`supersecret`, `mysecret`, `hunter42`, `changeit`, `P@ssw0rd!`, `admin123`, `letmein`,
/// `test-encrypted-private-key`, `Fake-Concur-Pass-24`, `minioadmin`, `asdfqwer1234`).
const DUMMY_WORDS: &[&str] = &[
    "password",
    "passwd",
    "passw",
    "pass",
    "pwd",
    "pw",
    "pas",
    "secret",
    "secrets",
    "sekret",
    "super",
    "my",
    "your",
    "our",
    "the",
    "an",
    "test",
    "tests",
    "testing",
    "tester",
    "admin",
    "administrator",
    "root",
    "toor",
    "user",
    "username",
    "guest",
    "demo",
    "dev",
    "develop",
    "development",
    "local",
    "localhost",
    "default",
    "example",
    "sample",
    "change",
    "changeit",
    "changeme",
    "me",
    "it",
    "let",
    "letmein",
    "in",
    "welcome",
    "hello",
    "world",
    "hunter",
    "qwerty",
    "qwer",
    "asdf",
    "zxcv",
    "uiop",
    "hjkl",
    "wasd",
    "foo",
    "bar",
    "baz",
    "qux",
    "quux",
    "abc",
    "xyz",
    "dummy",
    "fake",
    "mock",
    "stub",
    "temp",
    "tmp",
    "word",
    "key",
    "keys",
    "token",
    "api",
    "app",
    "db",
    "database",
    "mysql",
    "postgres",
    "postgresql",
    "pg",
    "redis",
    "mongo",
    "mongodb",
    "rabbit",
    "rabbitmq",
    "minio",
    "keycloak",
    "jenkins",
    "docker",
    "kube",
    "vault",
    "airflow",
    "sonar",
    "grafana",
    "elastic",
    "kibana",
    "oracle",
    "sa",
    "sql",
    "server",
    "service",
    "client",
    "master",
    "access",
    "private",
    "public",
    "open",
    "sesame",
    "love",
    "dragon",
    "monkey",
    "shadow",
    "sunshine",
    "princess",
    "football",
    "batman",
    "superman",
    "trustno",
    "iloveyou",
    "summer",
    "winter",
    "spring",
    "secure",
    "insecure",
    "strong",
    "weak",
    "random",
    "value",
    "string",
    "some",
    "new",
    "old",
    "top",
    "shh",
    "shhh",
    "confidential",
    "cookie",
    "session",
    "signing",
    "jwt",
    "auth",
    "login",
    "hidden",
    "magic",
    "simple",
    "geheim",
    "nopass",
    "none",
    "empty",
    "system",
    "manager",
    "operator",
    "staging",
    "prod",
    "production",
    "qa",
    "ci",
    "bot",
    "very",
    "really",
    "not",
    "so",
    "do",
    "use",
    "and",
    "or",
    "of",
    "for",
    "to",
    "valid",
    "invalid",
    "wrong",
    "correct",
    "right",
    "bad",
    "good",
    "other",
    "another",
    "different",
    "existing",
    "current",
    "previous",
    "next",
    "first",
    "second",
    "third",
    "one",
    "two",
    "three",
    "hash",
    "hashed",
    "encrypted",
    "encoded",
    "wrapped",
    "code",
    "recovery",
    "lorem",
    "ipsum",
    "dolor",
    "sit",
    "amet",
    "enim",
    "alice",
    "bob",
    "carol",
    "dave",
    "eve",
    "mallory",
    "john",
    "jane",
    "doe",
    "mary",
    "joe",
    "horse",
    "battery",
    "staple",
    "id",
    "mypass",
    "testpass",
    "with",
    "symbols",
    "ok",
    "yes",
    "no",
    "on",
    "off",
    "credential",
    "credentials",
];

/// Decodes `%XX` escapes (URIs carry `test%40` for `test@`).
fn percent_decoded(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if s[i] == b'%'
            && let Some(h) = s.get(i + 1..i + 3)
            && let Ok(v) = u8::from_str_radix(std::str::from_utf8(h).unwrap_or("zz"), 16)
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(s[i]);
        i += 1;
    }
    out
}

/// Whether `core` (lowercase ASCII letters) splits into dictionary words or `extra` words. Linear in the
/// length of `core` times the (small, fixed) dictionary.
fn segments_into_words(core: &[u8], extra: &[String]) -> bool {
    if core.is_empty() {
        return false;
    }
    let mut reach = vec![false; core.len() + 1];
    reach[0] = true;
    for i in 0..core.len() {
        if !reach[i] {
            continue;
        }
        for w in DUMMY_WORDS
            .iter()
            .map(|w| w.as_bytes())
            .chain(extra.iter().map(|w| w.as_bytes()))
        {
            if !w.is_empty() && core[i..].starts_with(w) {
                reach[i + w.len()] = true;
            }
        }
    }
    reach[core.len()]
}

/// Whether `secret` is a well-known dummy, default or tutorial password, or a self-describing test value:
/// made only of [`DUMMY_WORDS`], the words of `name` (the variable or URI user it belongs to), digits and
/// punctuation, read either with leet-speak undone (`P@ssw0rd` -> `password`) or with digits ignored
/// (`asdfqwer1234asdf`). `user:password` pairs are judged by their password. Linear in the value's length.
pub fn is_dummy_value(secret: &[u8], name: &[u8]) -> bool {
    if secret.len() > 64 {
        return false;
    }
    let secret = percent_decoded(secret);
    let mut extra = name_words(name);
    let secret: &[u8] = match secret.iter().position(|&c| c == b':') {
        Some(i) if i > 0 && i + 1 < secret.len() => {
            extra.extend(name_words(&secret[..i]));
            &secret[i + 1..]
        }
        _ => &secret,
    };
    if !secret.iter().any(u8::is_ascii_alphabetic) {
        return false;
    }
    // Digits and punctuation trimmed at both ends (`hunter2`, `P@ssw0rd2024!`), then leet-speak undone and
    // separators dropped.
    let is_edge = |c: &u8| c.is_ascii_digit() || c.is_ascii_punctuation();
    let start = secret.iter().position(|c| !is_edge(c)).unwrap_or(0);
    let end = secret.iter().rposition(|c| !is_edge(c)).map_or(start, |e| e + 1);
    let leet = |part: &[u8]| -> Vec<u8> {
        part.iter()
            .filter_map(|&c| {
                Some(match c.to_ascii_lowercase() {
                    b'0' => b'o',
                    b'1' => b'i',
                    b'3' => b'e',
                    b'4' | b'@' => b'a',
                    b'5' | b'$' => b's',
                    b'7' => b't',
                    c if c.is_ascii_lowercase() => c,
                    _ => return None,
                })
            })
            .collect()
    };
    let letters: Vec<u8> = secret
        .iter()
        .filter(|c| c.is_ascii_alphabetic())
        .map(u8::to_ascii_lowercase)
        .collect();
    segments_into_words(&leet(&secret[start..end]), &extra)
        || segments_into_words(&leet(secret), &extra)
        || segments_into_words(&letters, &extra)
}

/// Whether a value says it is made up with one of its words (`Fake-Concur-Pass-24`, `test_db_Xk29`,
/// `mock-signing-key`). Only for values without a provider format: `sk_test_…` is a real test-mode key.
pub fn says_it_is_made_up(secret: &[u8]) -> bool {
    name_words(secret).iter().any(|w| {
        matches!(
            w.as_str(),
            "fake" | "dummy" | "mock" | "bogus" | "placeholder" | "test" | "testing" | "example" | "sample" | "invalid"
        )
    })
}

/// Whether `secret` is an identifier that names what it stands for (`secret_access_key`, `YOUR_API_TOKEN`,
/// `dbPassword`, `client-secret`) rather than a value: letters and separators only, with a credential word.
pub fn is_identifier_naming_a_secret(secret: &[u8]) -> bool {
    if !secret
        .iter()
        .all(|c| c.is_ascii_alphabetic() || matches!(c, b'_' | b'-' | b'.'))
    {
        return false;
    }
    let words = name_words(secret);
    words.len() >= 2
        && words.iter().any(|w| {
            matches!(
                w.as_str(),
                "password"
                    | "passwd"
                    | "pass"
                    | "secret"
                    | "token"
                    | "key"
                    | "apikey"
                    | "auth"
                    | "credential"
                    | "credentials"
                    | "pwd"
            )
        })
}

/// Values that are structure, not a credential: object identifiers and dotted versions
/// (`1.2.840.113549.1.9.7`, `v2.14.0-rc.1`), URNs, `|`-joined rule words (`required|confirmed`), and strings
/// that embed further `key=value` pairs (`…&Version=2011-06-15`, `eof_action=pass:repeatlast=0`): the
/// match ran past the end of the real value.
pub fn is_structured_value(secret: &[u8]) -> bool {
    if secret.starts_with(b"urn:") {
        return true;
    }
    if secret.contains(&b'|')
        && secret.split(|&c| c == b'|').all(|w| {
            !w.is_empty()
                && w.iter()
                    .all(|c| c.is_ascii_lowercase() || matches!(c, b'_' | b':' | b','))
        })
    {
        return true;
    }
    let mut i = 0;
    while i < secret.len() {
        if matches!(secret[i], b'&' | b':' | b';') {
            let j = i
                + 1
                + secret[i + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_alphabetic() || **c == b'_')
                    .count();
            // `=` followed by a value; base64 padding (`…:AbC==`) is not a key=value pair.
            if j > i + 1 && secret.get(j) == Some(&b'=') && secret.get(j + 1).is_some_and(|&c| c != b'=') {
                return true;
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    // Type and field names (`String_comparison_exp`, `Access_Token_Input`): letters joined by underscores.
    if secret.contains(&b'_')
        && secret.split(|&c| c == b'_').all(|w| {
            w.len() >= 2 && w.len() <= 16 && w[0].is_ascii_alphabetic() && w[1..].iter().all(u8::is_ascii_lowercase)
        })
    {
        return true;
    }
    // Bitwarden EncStrings (`2.<iv>|<data>|<mac>`, `7.<data>`): ciphertext, the product's own format.
    if secret.len() > 3
        && secret[0].is_ascii_digit()
        && secret[1] == b'.'
        && secret[2..]
            .iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'/' | b'=' | b'|'))
        && (secret.contains(&b'|') || secret.ends_with(b"="))
    {
        return true;
    }
    // Relative paths in lowercase (`path/to/id_ecdsa`, `certs/dev/server.key`).
    if secret.contains(&b'/')
        && secret.split(|&c| c == b'/').all(|p| {
            !p.is_empty()
                && p.iter()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, b'_' | b'.' | b'-'))
        })
    {
        return true;
    }
    is_oid_or_version(secret)
}

/// Object identifiers and dotted versions (`1.2.840.113549.1.9.7`, `v2.14.0-rc.1`): never credentials.
pub fn is_oid_or_version(secret: &[u8]) -> bool {
    let s = secret.strip_prefix(b"v").unwrap_or(secret);
    let core = s.split(|&c| c == b'-' || c == b'+').next().unwrap_or(s);
    let parts: Vec<&[u8]> = core.split(|&c| c == b'.').collect();
    parts.len() >= 3 && parts.iter().all(|p| !p.is_empty() && p.iter().all(u8::is_ascii_digit))
}

/// Lowercase words joined by hyphens (`schema-registry-jks`, `correct-horse-battery`): a name (a Kubernetes
/// object, a label) or a passphrase made up for a test, rarely a generated secret.
pub fn is_kebab_words(secret: &[u8]) -> bool {
    secret.contains(&b'-')
        && secret
            .split(|&c| c == b'-')
            .all(|w| !w.is_empty() && w.iter().all(u8::is_ascii_lowercase))
}

/// Whether `prefix` (the text before a secret on its line) names it as made up: an identifier with the word
/// `fake`, `dummy`, `mock`, `bogus` or `placeholder` (`TEST_FAKE_RSA_KEY`, `mockToken`). (`example` is
/// left out: it is in every documentation host name.)
pub fn names_it_as_made_up(prefix: &[u8]) -> bool {
    prefix
        .split(|c| !(c.is_ascii_alphanumeric() || *c == b'_'))
        .filter(|t| t.len() >= 4)
        .any(|t| {
            name_words(t)
                .iter()
                .any(|w| matches!(w.as_str(), "fake" | "dummy" | "mock" | "bogus" | "placeholder"))
        })
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
    fn pragma_reasons() {
        assert_eq!(
            pragma_reason(b" -- test fixture, revoked"),
            Some("test fixture, revoked".into())
        );
        assert_eq!(pragma_reason(b" -- docs */"), Some("docs".into()));
        assert_eq!(pragma_reason(b" -- sample -->"), Some("sample".into()));
        assert_eq!(pragma_reason(b""), None);
        assert_eq!(pragma_reason(b" --"), None);
        assert_eq!(pragma_reason(b" (test fixture)"), None);
    }

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
        assert!(is_password_hash(b"md5a3556571e93b0d20722ba62be61e8c2d"));
        assert!(is_password_hash(b"$1$saltsalt$qjXMvbEw8oaL.CzflDugX/"));
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
    fn names_decide_whether_a_value_counts() {
        assert_eq!(name_words(b"clientSecretSHA256"), ["client", "secret", "sha256"]);
        assert_eq!(name_words(b"APIKeyId"), ["api", "key", "id"]);
        assert_eq!(name_words(b"DB_PASSWORD"), ["db", "password"]);
        for n in [
            "token",
            "client_secret",
            "DB_PASSWORD",
            "signingKey",
            "webhook-secret",
            "GITHUB_PAT",
            "dsn",
        ] {
            assert_eq!(classify_name(n.as_bytes()), NameKind::Secret, "{n}");
        }
        for n in [
            "token_hash",
            "secretSha256",
            "api_key_id",
            "password_version",
            "token_url",
            "etag",
            "secret_uuid",
        ] {
            assert_eq!(classify_name(n.as_bytes()), NameKind::NotSecret, "{n}");
        }
    }

    #[test]
    fn dummy_passwords() {
        for d in [
            "hunter2",
            "changeit",
            "supersecret",
            "mysecret",
            "password123",
            "letmein",
            "admin",
            "test",
            "P@ssw0rd!",
            "s3cr3t",
            "minioadmin",
            "my-secret-pw",
            "SuperSecretPassword1",
            "testpassword",
            "root",
        ] {
            assert!(is_dummy_value(d.as_bytes(), b""), "{d}");
        }
        for r in [
            "Tr0ub4dor&3",
            "kX9#mQ2vLp",
            "RHtUVQcDMpg0TMkx",
            "vitrolicgauzeampersand",
            "12345678",
        ] {
            assert!(!is_dummy_value(r.as_bytes(), b""), "{r}");
        }
        for (d, name) in [
            ("hunter42", ""),
            ("not-hunter42", ""),
            ("asdfqwer1234asdf", ""),
            ("test-encrypted-private-key", "EncryptedPrivateKey"),
            ("Invalid-AccessID", "accessKey"),
            ("minioadmin", "minioadmin"),
            ("repluser123", "repluser"),
            ("client-id:client-secret", ""),
            ("test%40", "foo"),
            ("MagicWord", "elastic"),
            ("correct-horse-battery-staple", ""),
        ] {
            assert!(is_dummy_value(d.as_bytes(), name.as_bytes()), "{d} ({name})");
        }
        assert!(!is_dummy_value(b"9xKq2Lm7Vz", b"repluser"));
        assert!(says_it_is_made_up(b"Fake-Concur-Pass-24"));
        assert!(says_it_is_made_up(b"test_db_Xk29"));
        assert!(!says_it_is_made_up(b"Xk29contestq"));
    }

    #[test]
    fn identifiers_oids_and_versions() {
        assert!(is_identifier_naming_a_secret(b"secret_access_key"));
        assert!(is_identifier_naming_a_secret(b"YOUR_TOKEN"));
        assert!(is_identifier_naming_a_secret(b"my-password"));
        assert!(!is_identifier_naming_a_secret(b"kXmQvLpZ"));
        assert!(!is_identifier_naming_a_secret(b"ghp_Zq8vR3kLmN0pQ2sT4uW6"));
        assert!(is_oid_or_version(b"1.2.840.113549.1.9.7"));
        assert!(is_structured_value(b"urn:ietf:params:oauth:grant-type:device_code"));
        assert!(is_structured_value(b"required|confirmed"));
        assert!(is_structured_value(b"can+youreadthis%3F&Version=2011-06-15"));
        assert!(is_structured_value(b"repeatlast=0:format=nv12"));
        assert!(!is_structured_value(b"0.9e15d486-f406.F6uPVkdYaUZ8:Xk2Lm9Qz/Vq=="));
        assert!(!is_structured_value(b"perm:ZW1pbHN4Y3o=.bVQxUmQ1.LNGON22keU5h"));
        assert!(!is_structured_value(b"Kq2+Lm7/Vz9x=="));
        assert!(is_structured_value(
            b"2.Ytudv+Qk3ET9hN8whqpuGg==|ijsFhmjaf1aaT9uz+IPhVTz|Xk2="
        ));
        assert!(is_structured_value(b"path/to/id_ecdsa"));
        assert!(is_structured_value(b"String_comparison_exp"));
        assert!(!is_structured_value(b"Xk2_Lm9Qz_Vq8"));
        assert!(!is_structured_value(b"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")); // plimsoll:allow (made up)
        assert!(is_kebab_words(b"schema-registry-jks"));
        assert!(!is_kebab_words(b"k8s-Xq2-9vLm"));
        assert!(names_it_as_made_up(b"const TEST_FAKE_RSA_KEY_1: &str = \""));
        assert!(!names_it_as_made_up(b"const SIGNING_KEY: &str = \""));
        assert!(is_oid_or_version(b"v2.14.0-rc.1"));
        assert!(!is_oid_or_version(b"1.5"));
        assert!(!is_oid_or_version(b"a1.b2.c3"));
    }

    #[test]
    fn test_paths() {
        for p in [
            "src/test/java/a/FooTests.java",
            "pkg/auth/token_test.go",
            "tests/unit/test_x.py",
            "web/a.spec.ts",
        ] {
            assert!(is_test_path(p), "{p}");
        }
        for p in [
            "src/main/java/a/Foo.java",
            "cmd/server.go",
            "latest/config.yml",
            "contest/app.py",
        ] {
            assert!(!is_test_path(p), "{p}");
        }
    }

    #[test]
    fn lockfiles() {
        assert!(is_lockfile("web/package-lock.json"));
        assert!(is_lockfile("go.sum"));
        assert!(!is_lockfile("src/main.rs"));
    }
}
