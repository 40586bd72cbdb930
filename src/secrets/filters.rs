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
    // RFC 6749's example client credentials (`Authorization: Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW`) and
    // authorization code.
    "s6BhdRkqt3:gX1fBat3bV",
    "SplxlOBeZQQYbYS6WxSbIA",
    // RFC 7636's example PKCE code verifier and challenge.
    "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
    "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    // RFC 5849's (OAuth 1.0) example client, temporary and token credentials and verifier.
    "dpf43f3p2l4k3l03",
    "kd94hf93k423kf44",
    "hh5s93j4hdidpola",
    "hdhd0244k9j7ao03",
    "nnch734d00sl2jdk",
    "pfkkdhi9sl3r4s00",
    "hfdp7dh39dks9884",
    // Twitter's OAuth 1.0a documentation: the example request token and secret, access token and secret.
    "Z6eEdO8MOmk394WozF5oKyuAv855l4Mlqo7hhlSLik",
    "Kd75W4OQfb2oJTV0vzGzeXftVAwgMnEK9MumzYcM",
    "6253282-eWudHldSbIaelX7swmsiHImEL4KinwaGloHANdrY",
    "2EEfA6BG5ly3sR3XjE0IBSnlQu4ZrUzPiYTmrkVU",
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
    let b = s.as_bytes();
    // Supabase's local-development demo keys (JWTs issued by `supabase-demo`), printed by `supabase start`.
    if s.starts_with("eyJ")
        && let Some(payload) = s.split('.').nth(1)
        && let Some(json) = crate::secrets::checksum::decode_b64url(payload.as_bytes())
        && memchr::memmem::find(&json, b"\"supabase-demo\"").is_some()
    {
        return true;
    }
    // The example itself, a value that contains it, or a piece of it at least 20 characters long (docs and
    // code split long keys over two string literals: `"Eby8vdM02x…" "IFsuFq2U…"`).
    if KNOWN_EXAMPLES.iter().any(|k| {
        s == *k
            || (k.len() >= 20 && memchr::memmem::find(secret, k.as_bytes()).is_some())
            || (s.len() >= 20 && k.contains(s))
    }) {
        return true;
    }
    // jwt.io's sample claims (`{"sub":"1234567890","name":"John Doe","iat":1516239022}`) signed with any key:
    // a tutorial token, not one a system issued.
    if s.starts_with("eyJ") && s.split('.').nth(1) == Some(JWT_IO_SAMPLE_CLAIMS) {
        return true;
    }
    if is_uuid_layout_not_hex(b) {
        return true;
    }
    // `YourPassword`, `yourStrong(!)Password`, `YourPwdGoesHere…`: an instruction in camel case.
    if b.len() > 4 && b[..4].eq_ignore_ascii_case(b"your") && (b[4].is_ascii_uppercase() || b[4] == b'_') {
        return true;
    }
    if is_letter_runs(b) {
        return true;
    }
    if PLACEHOLDER_OR_LOOKUP.is_match(s) {
        return true;
    }
    // `<your-token>`, `[TOKEN]`, `$VAR`, `%VAR%`
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

/// The base64url payload of jwt.io's sample token.
const JWT_IO_SAMPLE_CLAIMS: &str = "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ";

/// A value typed as runs of repeated characters (`ppppqqqqqrrrrrsssstttt`, `xxxxyyyyzzzz`): at least 12
/// characters in runs averaging three or more. Random values almost never repeat a character in a row.
fn is_letter_runs(s: &[u8]) -> bool {
    let runs = 1 + s.windows(2).filter(|w| w[0] != w[1]).count();
    s.len() >= 12 && runs * 3 <= s.len()
}

/// The 8-4-4-4-12 layout of a UUID with letters that are not hex digits (`f23blad6-…-5b5a545blabla88`):
/// typed by hand to look like a token. Generated UUIDs and UUID-format tokens are always hex.
fn is_uuid_layout_not_hex(s: &[u8]) -> bool {
    let groups: Vec<&[u8]> = s.split(|&c| c == b'-').collect();
    groups.len() == 5
        && groups[..4].iter().map(|g| g.len()).eq([8, 4, 4, 4])
        && groups[4].len() >= 12
        && groups.iter().all(|g| g.iter().all(u8::is_ascii_alphanumeric))
        && s.iter().any(|c| c.is_ascii_alphabetic() && !c.is_ascii_hexdigit())
}

/// Whether `secret` contains a run of `n` or more consecutive ascending or descending characters (`abcdef`,
/// `uvwxyz`, `123456`, `ponmlk`, case-insensitive): hand-typed fixture values, vanishingly rare in random tokens.
pub fn has_sequential_run(secret: &[u8], n: usize) -> bool {
    // Ascending (`abcdef`, `123456`) and descending (`ponmlk`, `987654`) runs.
    for step in [1i16, -1] {
        let mut run = 1;
        for w in secret.windows(2) {
            let (a, b) = (w[0].to_ascii_lowercase(), w[1].to_ascii_lowercase());
            if a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric() && b as i16 == a as i16 + step {
                run += 1;
                if run >= n {
                    return true;
                }
            } else {
                run = 1;
            }
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

/// The DER of a public key in base64 (`SubjectPublicKeyInfo`, as in `-----BEGIN PUBLIC KEY-----` bodies):
/// RSA (`MA0GCSqGSIb3DQEBAQUAA4…`: the rsaEncryption algorithm followed by a BIT STRING), EC P-256/P-384 and
/// Ed25519. Public by design; a PKCS#8 private key has an OCTET STRING there (`…AQUABII…`) and is not matched.
pub fn is_public_key_der(secret: &[u8]) -> bool {
    memchr::memmem::find(secret, b"MA0GCSqGSIb3DQEBAQUAA4").is_some()
        || [
            "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE",
            "MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAE",
            "MCowBQYDK2VwAyEA",
        ]
        .iter()
        .any(|p| secret.starts_with(p.as_bytes()))
}

/// Password hashes (bcrypt, argon2, scrypt, crypt(3) SHA, htpasswd `{SHA}`), alone or as the hash of an
/// htpasswd line (`user:$2y$10$…`): stored hashes, not credentials.
pub fn is_password_hash(secret: &[u8]) -> bool {
    if let Some(i) = secret.iter().position(|&c| c == b':')
        && i > 0
        && secret[..i]
            .iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.' | b'@'))
        && is_bare_password_hash(&secret[i + 1..])
    {
        return true;
    }
    is_bare_password_hash(secret)
}

fn is_bare_password_hash(secret: &[u8]) -> bool {
    // htpasswd's `{SHA}` + base64(sha1): always 28 characters.
    if secret.len() == 33 && secret.starts_with(b"{SHA}") && secret.ends_with(b"=") {
        return true;
    }
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
    "sha2",
    "sha3",
    "blake2",
    "blake2b",
    "blake3",
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
    "public",
    "pub",
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
            // A plural acronym keeps its `s` (`zoneIDs` -> `zone ids`, `APIKeys` -> `api keys`).
            let plural = name.get(i + 1) == Some(&b's') && !name.get(i + 2).is_some_and(u8::is_ascii_lowercase);
            if prev.is_ascii_lowercase()
                || prev.is_ascii_digit()
                || (prev.is_ascii_uppercase() && next_lower && !plural)
            {
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

/// Words after the credential word of a name that make it describe something else: a setting about the
/// secret (`PASSWORD_RESET_TIMEOUT`, `token_expiry_days`, `SECRET_MANAGER_REGION`), not the secret itself.
/// Checked only on the words after the last credential word; a provider or a qualifier there
/// (`SECRET_OKTA`, `ACCESS_TOKEN_SENDGRID`, `apiKeyV2`) keeps the name a secret's.
const TAIL_NOT_SECRET_WORDS: &[&str] = &[
    "days",
    "hours",
    "minutes",
    "seconds",
    "secs",
    "ms",
    "min",
    "max",
    "minimum",
    "maximum",
    "reset",
    "store",
    "storage",
    "manager",
    "provider",
    "providers",
    "backend",
    "class",
    "env",
    "var",
    "variable",
    "vars",
    "server",
    "service",
    "lifetime",
    "validity",
    "duration",
    "age",
    "interval",
    "strength",
    "complexity",
    "rule",
    "rules",
    "changed",
    "expired",
    "set",
    "updated",
    "at",
    "date",
    "time",
    "status",
    "state",
    "error",
    "errors",
    "message",
    "msg",
    "text",
    "input",
    "button",
    "form",
    "link",
    "page",
    "view",
    "screen",
    "dialog",
    "modal",
    "help",
    "validator",
    "validation",
    "provided",
    "present",
    "exists",
    "is",
    "has",
    "list",
    "map",
    "config",
    "settings",
    "option",
    "options",
    "flag",
    "enable",
    "disable",
    "disabled",
    "auth",
    "login",
    "issuer",
    "audience",
    "claim",
    "claims",
    "cache",
    "store",
    "request",
    "response",
    "parameter",
    "params",
    "arg",
    "args",
    "property",
    "attr",
    "attribute",
    "method",
    "callback",
    "handler",
    "fn",
    "func",
    "function",
    "mock",
    "sample",
    "example",
    "placeholder",
    "name",
    "names",
    "context",
    "charset",
    "encoding",
    "alg",
    "algo",
    "mtime",
    "ctime",
    "timestamp",
    "checker",
    "policy",
    "regeneration",
];

/// First words that make a name a function or a check rather than a value holder (`get_password`,
/// `verifyToken`, `hashPassword`): a literal next to them is an argument, not an assignment.
const VERB_FIRST_WORDS: &[&str] = &[
    "get", "fetch", "load", "read", "find", "lookup", "verify", "validate", "check", "hash", "encrypt", "decrypt",
    "encode", "decode", "parse", "revoke", "generate", "create", "is", "has", "compare", "mask", "redact", "sanitize",
    "require", "assert", "expect",
];

/// Whether a word of a name is (or ends in) the word for a credential: what an assignment rule's keyword
/// names (`password`, `dbpassword`, `secret`, `token`, `key`, `credentials`, `pat`).
fn is_credential_word(w: &str) -> bool {
    [
        "password",
        "passwd",
        "passphrase",
        "pwd",
        "pass",
        "secret",
        "secrets",
        "token",
        "key",
        "apikey",
        "credential",
        "credentials",
    ]
    .iter()
    .any(|c| w.ends_with(c))
        || w == "pat"
}

/// Classifies the name a value is assigned to. Digest, ciphertext and reference words anywhere
/// (`token_sha256`, `encryptedPrivateKey`, `existingSecret`, `nextPageToken`) or a metadata word last
/// (`api_key_id`, `secret_version`, `token_url`) mean the value is not the secret; so do settings words after
/// the credential word (`token_expiry_days`, `SECRET_MANAGER_REGION`), a verb first (`get_password`,
/// `verifyToken`), and a `pass` that is a processing pass (`firstPass`).
pub fn classify_name(name: &[u8]) -> NameKind {
    let words = name_words(name);
    let tail_says_not_secret = words.iter().rposition(|w| is_credential_word(w)).is_some_and(|i| {
        words[i + 1..]
            .iter()
            .any(|w| METADATA_LAST_WORDS.contains(&w.as_str()) || TAIL_NOT_SECRET_WORDS.contains(&w.as_str()))
    });
    let verb_first = words.len() >= 2 && VERB_FIRST_WORDS.contains(&words[0].as_str());
    // A preposition last makes the name a method (`reset_password_with @account.email`, `sign_in_with_token`).
    let preposition_last = words.len() >= 2
        && words
            .last()
            .is_some_and(|w| matches!(w.as_str(), "with" | "for" | "from" | "via" | "using"));
    // Glued cursor names: `$skiptoken`, `nexttoken`, `pagetoken`; and tokens that address a thing rather
    // than authenticate anyone, glued or not: `deviceToken` and `push_token` (APNs/FCM device addresses),
    // CloudStack's `zonetoken` (a zone attribute every API user can list).
    let glued_cursor =
        words.last().is_some_and(|w| {
            w.strip_suffix("token").is_some_and(|p| {
                matches!(
                    p,
                    "next" | "prev" | "page" | "skip" | "continuation" | "cursor" | "sync" | "csrf" | "xsrf"
                ) || is_addressing_word(p)
            })
        }) || (words.len() >= 2 && words[words.len() - 1] == "token" && is_addressing_word(&words[words.len() - 2]));
    // An encoded password is a hash (Spring's `PasswordEncoder.encode`); an encoded key is the key in base64.
    let encoded_password = words.iter().any(|w| w == "encoded")
        && words
            .last()
            .is_some_and(|w| matches!(w.as_str(), "password" | "passwd" | "pwd" | "pass"));
    let not_secret = glued_cursor
        || encoded_password
        || tail_says_not_secret
        || verb_first
        || preposition_last
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

/// Words before `token` that make it the address of a device or an attribute of a resource, not a credential.
fn is_addressing_word(w: &str) -> bool {
    matches!(w, "device" | "push" | "zone")
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
    "windows",
    "linux",
    "wifi",
    "long",
    "short",
    "this",
    "is",
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

/// Whether `core` (lowercase ASCII letters) splits into words of `dictionary` or `extra`. Linear in the
/// length of `core` times the (small, fixed) dictionary.
fn segments_into(core: &[u8], dictionary: &ByFirstByte, extra: &[String]) -> bool {
    if core.is_empty() {
        return false;
    }
    let mut reach = vec![false; core.len() + 1];
    reach[0] = true;
    for i in 0..core.len() {
        if !reach[i] {
            continue;
        }
        for w in &dictionary[usize::from(core[i])] {
            if core[i..].starts_with(w) {
                reach[i + w.len()] = true;
            }
        }
        for w in extra.iter().map(|w| w.as_bytes()) {
            if !w.is_empty() && core[i..].starts_with(w) {
                reach[i + w.len()] = true;
            }
        }
    }
    reach[core.len()]
}

/// Whether `core` (lowercase ASCII letters) splits into [`DUMMY_WORDS`] or `extra` words.
fn segments_into_words(core: &[u8], extra: &[String]) -> bool {
    segments_into(core, &DUMMY_WORDS_BY_FIRST, extra)
}

/// Words by their first byte (none empty): a segmentation tries at each position only the words that can
/// start there, not the whole dictionary (every candidate value of a file goes through it).
type ByFirstByte = Vec<Vec<Vec<u8>>>;

fn by_first_byte(words: impl Iterator<Item = Vec<u8>>) -> ByFirstByte {
    let mut out = vec![Vec::new(); 256];
    for w in words.filter(|w| !w.is_empty()) {
        out[usize::from(w[0])].push(w);
    }
    out
}

/// [`DUMMY_WORDS`] by first byte.
static DUMMY_WORDS_BY_FIRST: std::sync::LazyLock<ByFirstByte> =
    std::sync::LazyLock::new(|| by_first_byte(DUMMY_WORDS.iter().map(|w| w.as_bytes().to_vec())));

/// `DUMMY_WORDS` with doubled letters written once (`password` -> `pasword`, `hello` -> `helo`), by first
/// byte.
static DUMMY_WORDS_SINGLED: std::sync::LazyLock<ByFirstByte> =
    std::sync::LazyLock::new(|| by_first_byte(DUMMY_WORDS.iter().map(|w| without_doubled_letters(w.as_bytes()))));

/// `v` with each run of one repeated byte written once (`passw00rd` read as `pasw0rd`).
fn without_doubled_letters(v: &[u8]) -> Vec<u8> {
    let mut out: Vec<u8> = Vec::with_capacity(v.len());
    for &c in v {
        if out.last() != Some(&c) {
            out.push(c);
        }
    }
    out
}

/// Whether every letter and digit of `secret` belongs to an ascending run of at least three (`abc`, `234`,
/// case-insensitive) and nothing else is there but a little punctuation: `Abcd!234`, `abc123`, `Abc#1234`.
fn is_ascending_runs(secret: &[u8]) -> bool {
    let alnum = secret.iter().filter(|c| c.is_ascii_alphanumeric()).count();
    if alnum < 6 || secret.len() - alnum > 2 || secret.iter().any(|c| !c.is_ascii_graphic()) {
        return false;
    }
    let lower: Vec<u8> = secret.iter().map(u8::to_ascii_lowercase).collect();
    let mut i = 0;
    while i < lower.len() {
        if !lower[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < lower.len()
            && lower[j].is_ascii_alphanumeric()
            && lower[j] == lower[j - 1] + 1
            && lower[j].is_ascii_digit() == lower[i].is_ascii_digit()
        {
            j += 1;
        }
        if j - i < 3 {
            return false;
        }
        i = j;
    }
    true
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
    // A name with digits counts without them too (`testsvc2:testsvc123`).
    extra.extend(letters_only(&extra));
    let secret: &[u8] = match secret.iter().position(|&c| c == b':') {
        Some(i) if i > 0 && i + 1 < secret.len() => {
            let user = name_words(&secret[..i]);
            extra.extend(letters_only(&user));
            extra.extend(user);
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
    let singled = |v: &[u8]| without_doubled_letters(v);
    let singled_extra: Vec<String> = extra
        .iter()
        .map(|w| String::from_utf8_lossy(&singled(w.as_bytes())).into_owned())
        .collect();
    segments_into_words(&leet(&secret[start..end]), &extra)
        || segments_into_words(&leet(secret), &extra)
        || segments_into_words(&letters, &extra)
        // Doubled letters are a typing variation (`Secr3tPassw00rd`, `Passsword`).
        || segments_into(&singled(&leet(&secret[start..end])), &DUMMY_WORDS_SINGLED, &singled_extra)
        || segments_into(&singled(&letters), &DUMMY_WORDS_SINGLED, &singled_extra)
        || is_ascending_runs(secret)
        || is_word_then_count(secret)
}

/// One word followed by counting digits (`Keystone12345`, `admin1234`, `plainuser1234`, `Aa123456!`): the
/// default or throwaway password people type, never a generated one.
fn is_word_then_count(secret: &[u8]) -> bool {
    let letters = secret.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    let digits = secret[letters..].iter().take_while(|c| c.is_ascii_digit()).count();
    let counting = &secret[letters..letters + digits];
    let tail = &secret[letters + digits..];
    letters >= 2
        && digits >= 3
        && matches!(counting[0], b'0' | b'1')
        && counting.windows(2).all(|w| w[1] == w[0] + 1)
        && tail.len() <= 1
        && tail.iter().all(u8::is_ascii_punctuation)
}

/// The words among `words` that have digits, with the digits taken out (`testsvc2` -> `testsvc`).
fn letters_only(words: &[String]) -> Vec<String> {
    words
        .iter()
        .filter(|w| w.bytes().any(|c| c.is_ascii_digit()))
        .map(|w| w.chars().filter(char::is_ascii_alphabetic).collect::<String>())
        .filter(|w| w.len() >= 3)
        .collect()
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
    // Another command-line flag (`--password`, `--site-name`): the option list went on, no value was given.
    if secret.starts_with(b"--") && secret.get(2).is_some_and(u8::is_ascii_alphabetic) {
        return true;
    }
    // A `key=value` specification (`--secret id=BUNDLE_TOKEN`, `--secret src=/run/x`): a lowercase key, then
    // what it names.
    let key = secret.iter().take_while(|c| c.is_ascii_lowercase()).count();
    if (2..=12).contains(&key) && secret.get(key) == Some(&b'=') && secret.get(key + 1).is_some_and(|&c| c != b'=') {
        return true;
    }
    // An AWS Signature V4 credential scope (`AKID/20160727/us-east-1/s3/aws4_request`): an access key id and
    // where it signs, never the secret key.
    if secret.ends_with(b"/aws4_request") {
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
    // Dates and times (`2006-01-02T15:04:05Z`).
    if secret.len() >= 10
        && secret[..10].iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
    {
        return true;
    }
    // Words and numbers joined by `-`, `_` or `.`, two words of three letters or more
    // (`4.stored-account-recovery-key`, `pm-12241-private-key-regeneration`, `Content-Type`): labels.
    let parts: Vec<&[u8]> = secret.split(|&c| matches!(c, b'-' | b'_' | b'.')).collect();
    if parts.len() >= 2
        && parts.iter().all(|p| {
            let word = p.len() <= 16
                && p.first().is_some_and(u8::is_ascii_alphabetic)
                && (p[1..].iter().all(u8::is_ascii_lowercase) || p.iter().all(u8::is_ascii_uppercase));
            word || (!p.is_empty() && p.iter().all(u8::is_ascii_digit))
        })
        && parts
            .iter()
            .filter(|p| p.len() >= 3 && p.iter().all(u8::is_ascii_alphabetic))
            .count()
            >= 2
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

/// Words joined by hyphens, each in lowercase or capitalised, with at most short numbers between them
/// (`schema-registry-jks`, `correct-horse-battery`, `claude-sonnet-4-6`, `Tessier-Ashpool`,
/// `Warenkorb-Geheimnis`): a name (a Kubernetes object, a model, a label, a UI string) or a passphrase made
/// up for a test, rarely a generated secret.
pub fn is_kebab_words(secret: &[u8]) -> bool {
    // Apple's app-specific passwords are four hyphenated groups of four random lowercase letters.
    if secret.len() == 19 && secret.split(|&c| c == b'-').all(|w| w.len() == 4) {
        return false;
    }
    let mut words = 0;
    secret.contains(&b'-')
        && secret.split(|&c| c == b'-').all(|w| {
            let word = w.len() >= 2
                && w[0].is_ascii_alphabetic()
                && w[1..].iter().all(u8::is_ascii_lowercase)
                && (w[0].is_ascii_lowercase() || w.len() >= 3);
            words += usize::from(word);
            word || (!w.is_empty() && w.len() <= 2 && w.iter().all(u8::is_ascii_digit))
        })
        && words >= 2
}

/// Text a person wrote, as a base64 value's decoded content shows it (`invalid json`, `why hello there`,
/// `binary-something-123`): lowercase words and a few digits joined by spaces or hyphens. Key material
/// decodes to bytes, not to a sentence.
pub fn is_prose(text: &[u8]) -> bool {
    let text = text.trim_ascii();
    let letters = text.iter().filter(|c| c.is_ascii_lowercase()).count();
    // A sentence without spaces (`ilikesupabaseverymuch…`): only letters, with the vowel share of English
    // (about two in five) rather than of random letters (one in five).
    if text.len() >= 20 && letters == text.len() {
        let vowels = text.iter().filter(|c| b"aeiou".contains(c)).count();
        return vowels * 100 >= text.len() * 35;
    }
    text.len() >= 6
        && text.iter().any(|&c| matches!(c, b' ' | b'-' | b'_'))
        && text.iter().all(|&c| {
            c.is_ascii_lowercase()
                || c.is_ascii_digit()
                || matches!(c, b' ' | b'-' | b'_' | b'.' | b',' | b'!' | b'?' | b'\'')
        })
        && letters * 10 >= text.len() * 7
        && text
            .split(|c| !c.is_ascii_lowercase())
            .all(|w| w.is_empty() || w.len() >= 2)
}

/// Whether `prefix` (the text before a secret on its line) names it as made up: an identifier with the word
/// `fake`, `dummy`, `mock`, `bogus` or `placeholder` (`TEST_FAKE_RSA_KEY`, `mockToken`). (`example` is
/// left out: it is in every documentation host name.)
pub fn names_it_as_made_up(prefix: &[u8]) -> bool {
    // Only the value's own name counts, not its neighbours' (`"name": "dummy-2", …, "vnc_password": "`).
    let own = prefix
        .iter()
        .rposition(|c| matches!(c, b',' | b';' | b'{' | b'(' | b'['))
        .map_or(prefix, |i| &prefix[i + 1..]);
    own.split(|c| !(c.is_ascii_alphanumeric() || *c == b'_'))
        .filter(|t| t.len() >= 4)
        .any(|t| {
            name_words(t)
                .iter()
                .any(|w| matches!(w.as_str(), "fake" | "dummy" | "mock" | "bogus" | "placeholder"))
        })
}

/// The entropy a value must reach, given the rule's `min_entropy`. A hex string (a UUID, a 32/40/64-digit key)
/// draws from 16 symbols, so even a random one averages only about 3.6-3.8 bits per character and often falls
/// under a threshold set for mixed-case values; a short value cannot reach more than log2(length). Both are
/// judged against what a random value of their alphabet and length reaches, less a margin.
pub fn entropy_floor(secret: &[u8], min: f64) -> f64 {
    let hex = secret.len() >= 16 && secret.iter().all(|c| c.is_ascii_hexdigit() || *c == b'-');
    let mut floor = min;
    if hex {
        floor = floor.min(3.0);
    }
    // A short value cannot reach more than log2(length): an 8-character password with one repeated character
    // (`mer44kov`) has 2.75 bits, under the password rules' 2.8. Judged against its length for every rule.
    if secret.len() < 20 {
        floor = floor.min((secret.len() as f64).log2() - 0.5);
    }
    floor
}

/// Hex digits, optionally grouped by dashes (UUIDs).
pub fn is_hex_shaped(secret: &[u8]) -> bool {
    secret.iter().all(|c| c.is_ascii_hexdigit() || *c == b'-')
}

/// Whether a hex value (24 digits or more, optionally grouped by dashes) uses so few of the 16 digits that a
/// random value of its length would almost never do so: typed by hand (`1234abcd-1234-abcd-1234-abcd1234abcd`,
/// `deadbeefcafebabe…`). The bar depends on the length: a random 32-digit key such as
/// `c43f6d292dd3c23c3449403740f266c4` holds only ten different digits about once in 600 draws, so a fixed
/// bar (fewer than eleven) threw away real keys; here a value counts as typed only when a random one of its
/// length has at most that many digits less than once in 100,000 draws.
pub fn is_hand_typed_hex(secret: &[u8]) -> bool {
    if !is_hex_shaped(secret) {
        return false;
    }
    let digits: Vec<u8> = secret
        .iter()
        .filter(|c| **c != b'-')
        .map(u8::to_ascii_lowercase)
        .collect();
    digits.len() >= 24 && distinct_bytes(&digits) <= fewest_distinct_hex_digits(digits.len())
}

/// The largest `k` such that `n` random hex digits hold at most `k` different digits with probability under
/// 1e-5. Computed from the occupancy distribution (16 values, `n` draws): O(16 n).
fn fewest_distinct_hex_digits(n: usize) -> usize {
    // p[k]: probability that the digits drawn so far hold exactly k different values.
    let mut p = [0.0f64; 17];
    p[0] = 1.0;
    for _ in 0..n {
        let mut q = [0.0f64; 17];
        for k in 0..=16 {
            q[k] += p[k] * k as f64 / 16.0;
            if k < 16 {
                q[k + 1] += p[k] * (16 - k) as f64 / 16.0;
            }
        }
        p = q;
    }
    let mut at_most = 0.0;
    let mut bar = 0;
    for (k, pk) in p.iter().enumerate() {
        at_most += pk;
        if at_most >= 1e-5 {
            break;
        }
        bar = k;
    }
    bar
}

/// How many different bytes `s` holds.
pub fn distinct_bytes(s: &[u8]) -> usize {
    let mut seen = [false; 256];
    s.iter()
        .filter(|&&c| !std::mem::replace(&mut seen[c as usize], true))
        .count()
}

/// Whether `s` has upper case letters, lower case letters and digits.
pub fn mixes_case_and_digits(s: &[u8]) -> bool {
    s.iter().any(u8::is_ascii_uppercase) && s.iter().any(u8::is_ascii_lowercase) && s.iter().any(u8::is_ascii_digit)
}

/// Whether a value spells out a word of the name it is assigned to (`DeviceAuthKey = "pm-27581-device-auth-key"`,
/// `MetaDataEncryptionKey = "X-Minio-…-Encryption-…"`): a label or an identifier, not a secret. Words of six
/// letters or more only, so a short common word (`minio-default-key:…`) does not count.
pub fn repeats_name(secret: &[u8], name: &[u8]) -> bool {
    let of_name = name_words(name);
    name_words(secret)
        .iter()
        .any(|w| w.len() >= 6 && w.bytes().all(|c| c.is_ascii_lowercase()) && of_name.contains(w))
}

/// Source files of languages where a string literal is always quoted (so an unquoted value is code).
pub fn is_program_source(path: &str) -> bool {
    let ext = path
        .rsplit('/')
        .next()
        .and_then(|n| n.rsplit_once('.'))
        .map(|(_, e)| e.to_ascii_lowercase());
    matches!(
        ext.as_deref(),
        Some(
            "java"
                | "cs"
                | "js"
                | "jsx"
                | "mjs"
                | "cjs"
                | "ts"
                | "tsx"
                | "go"
                | "kt"
                | "kts"
                | "swift"
                | "rs"
                | "scala"
                | "c"
                | "cc"
                | "cpp"
                | "h"
                | "hpp"
                | "dart"
                | "php"
                | "groovy"
                | "vb"
        )
    )
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
    fn hand_typed_hex_is_judged_against_random_hex_of_its_length() {
        // Typed: few digits, repeated blocks.
        for t in [
            "1234abcd-1234-abcd-1234-abcd1234abcd",
            "abcd1234abcd1234abcd1234abcd1234",
            "deadbeefcafebabedeadbeefcafebabe",
            "0a0b0c0d0a0b0c0d0a0b0c0d",
        ] {
            assert!(is_hand_typed_hex(t.as_bytes()), "{t}");
        }
        // Random keys that happen to miss five or six of the sixteen digits (about 1 in 600 32-digit keys
        // holds only ten), and random keys of other lengths; short values are left to the other filters.
        for r in [
            "c43f6d292dd3c23c3449403740f266c4",
            "C43F6D292DD3C23C3449403740F266C4",
            "a93661e126b83a010a142148f0744441",
            "5e8f3a2b7c9d1e0f4a6b8c2d",
            "e74d0d15-f567-4b7b-9069-26ee1f93bae3",
            "1234abcd",
            "Zq8vR3kLmN0pQ2sT4uW6yA8cE1gI3k0a",
        ] {
            assert!(!is_hand_typed_hex(r.as_bytes()), "{r}");
        }
        assert_eq!(fewest_distinct_hex_digits(24), 6);
        assert_eq!(fewest_distinct_hex_digits(32), 8);
        assert_eq!(fewest_distinct_hex_digits(64), 11);
    }

    #[test]
    fn typed_values_flags_and_public_keys() {
        // A word and counting digits: default and throwaway passwords.
        for d in [
            "Keystone12345",
            "admin1234",
            "plainuser1234",
            "Aa123456!",
            "Welcome0123",
        ] {
            assert!(is_dummy_value(d.as_bytes(), b""), "{d}");
        }
        for r in ["Keystone84017", "kX9mQ1234vLp", "Zq8vR3kLmN0p123", "ab12"] {
            assert!(!is_word_then_count(r.as_bytes()), "{r}");
        }
        // Runs of one character, camel-case instructions, jwt.io's sample claims.
        assert!(is_placeholder(b"ppppqqqqqrrrrrsssstttt"));
        assert!(!is_placeholder(b"aaZq8vvR3kLmN0pQ2sT"));
        assert!(is_placeholder(b"YourPwdGoesHereAndIsLong!"));
        assert!(is_placeholder(b"yourStrong(!)Password"));
        assert!(!is_placeholder(b"Yours9xKq2Lm7Vz"));
        assert!(is_placeholder(
            b"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.DUG0rZq7Xd62V3Kc2aDbrF9-treZLliCIOLPA8eN5F_"
        ));
        // Flags and `key=value` specifications; a password with `=` inside stays.
        assert!(is_structured_value(b"--site-name"));
        assert!(is_structured_value(b"id=GEM_MIRROR_CREDS"));
        assert!(!is_structured_value(b"FhHVJWDB=t2hWdQ"));
        assert!(!is_structured_value(b"-iCEzsxks0jrOlfcCvDoJ55h2LOqTNEvF"));
        // Public keys in DER; a PKCS#8 private key is not one.
        assert!(is_public_key_der(
            b"MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDhWeSQpZVoNf3pS9X9NMMmVTau"
        ));
        assert!(is_public_key_der(b"MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEq3vR8sLm"));
        assert!(!is_public_key_der(
            b"MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ"
        ));
        // Sentences: glued, or words joined by underscores.
        assert!(is_prose(b"iwouldratherbeonthebeachtoday"));
        assert!(is_prose(b"expired_session_value"));
        assert!(!is_prose(b"xkqzvbnmplwrtyhgfdsqjkl"));
        // A preposition last names a method; a name with a provider after it stays a secret's.
        assert_eq!(classify_name(b"reset_password_with"), NameKind::NotSecret);
        assert_eq!(classify_name(b"root_password_sha2"), NameKind::NotSecret);
        assert_eq!(classify_name(b"token_github"), NameKind::Secret);
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
            "zonetoken",
            "deviceToken",
            "push_token",
            "zoneIDs",
            "encodedPassword",
        ] {
            assert_eq!(classify_name(n.as_bytes()), NameKind::NotSecret, "{n}");
        }
        assert_eq!(name_words(b"zoneIDs"), ["zone", "ids"]);
        assert_eq!(name_words(b"APIKeys"), ["api", "keys"]);
        for n in [
            "registration_token",
            "accessToken",
            "x-auth-token",
            "zone_secret",
            "ENCODED_SECRET_KEY",
        ] {
            assert_eq!(classify_name(n.as_bytes()), NameKind::Secret, "{n}");
        }
    }

    #[test]
    fn made_up_shapes_and_public_examples() {
        // Typed to look like a UUID, and a piece of a documented example split over two literals.
        assert!(is_placeholder(b"f23blad6-5965-4537-bf69-5b5a545blabla88"));
        assert!(is_placeholder(b"Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6"));
        assert!(is_placeholder(b"hh5s93j4hdidpola"));
        assert!(!is_placeholder(b"e74d0d15-f567-4b7b-9069-26ee1f93bae3"));
        assert!(!is_placeholder(b"Eby8vdM02xNOc"));
        // htpasswd lines and `{SHA}` hashes.
        assert!(is_password_hash(b"user:{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g="));
        assert!(is_password_hash(
            b"registry_user:$2y$10$9L4Tc0DJbFFMB6RdSCunrOpTHdwhid4ktBJmLD00bYgqkkGOvll3m"
        ));
        assert!(!is_password_hash(b"user:Zq8vR3kLmN0pQ2sT"));
        // Names and UI strings, not generated secrets; Apple's app-specific password layout stays.
        for k in [
            "claude-sonnet-4-6",
            "Tessier-Ashpool",
            "Warenkorb-Geheimnis",
            "redis-7-alpine",
        ] {
            assert!(is_kebab_words(k.as_bytes()), "{k}");
        }
        for k in ["qwzx-vbnm-plkj-hgfd", "e74d0d15-f567", "Xk-Qv", "a-b-c"] {
            assert!(!is_kebab_words(k.as_bytes()), "{k}");
        }
        // What a base64 value decodes to: a sentence, not key material.
        for t in [
            "invalid json",
            "why hello there\n",
            "binary-something-123",
            "ilikesupabaseverymuchandihopeyoudotoo",
        ] {
            assert!(is_prose(t.as_bytes()), "{t}");
        }
        for t in ["kX9#mQ2vLp", "kq8dj2nd8s7dhfa1", "xkqzvbnmplwrtyhgfdsq", "Hello World"] {
            assert!(!is_prose(t.as_bytes()), "{t}");
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
        // Doubled letters, alphabet and digit runs, a user name with its digits, everyday words.
        for (d, name) in [
            ("Secr3tPassw00rd", ""),
            ("Abcd!234", ""),
            ("abc123", ""),
            ("wifipass123", "password"),
            ("Wind0wsPass", "Password"),
            ("testsvc123", "testsvc2"),
            ("mysuperlongsecret", "signingSecret"),
        ] {
            assert!(is_dummy_value(d.as_bytes(), name.as_bytes()), "{d} ({name})");
        }
        for r in ["Abce!234", "Xk9pLm2Qr7sT4", "abd124", "Zzq8vvR3"] {
            assert!(!is_dummy_value(r.as_bytes(), b""), "{r}");
        }
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
        assert!(!names_it_as_made_up(b"{\"name\": \"dummy-2\", \"vnc_password\": \""));
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
