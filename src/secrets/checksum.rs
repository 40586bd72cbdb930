//! Format validators: a candidate that has the right shape but fails its provider's checksum or
//! structure is not reported. Named in rule files as `checksum = "<name>"`.

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE_NO_PAD};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Checksum {
    /// GitHub classic tokens: last 6 chars = base62(crc32(the 30 chars before them)).
    GithubCrc32,
    /// npm tokens: same scheme as GitHub.
    NpmCrc32,
    /// JSON Web Token: base64url JSON header with `alg`, base64url JSON payload.
    Jwt,
    /// base64 of `user:password`, printable.
    BasicAuth,
    /// The base64 body of a PEM block decodes.
    PemBody,
}

const BASE62: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

impl Checksum {
    pub const NAMES: &'static [&'static str] = &["github-crc32", "npm-crc32", "jwt", "basic-auth", "pem-body"];

    pub fn from_name(name: &str) -> Option<Checksum> {
        Some(match name {
            "github-crc32" => Checksum::GithubCrc32,
            "npm-crc32" => Checksum::NpmCrc32,
            "jwt" => Checksum::Jwt,
            "basic-auth" => Checksum::BasicAuth,
            "pem-body" => Checksum::PemBody,
            _ => return None,
        })
    }

    /// Whether `secret` passes this validator.
    pub fn verify(self, secret: &[u8]) -> bool {
        match self {
            Checksum::GithubCrc32 | Checksum::NpmCrc32 => base62_crc32(secret),
            Checksum::Jwt => jwt(secret),
            Checksum::BasicAuth => basic_auth(secret),
            Checksum::PemBody => pem_body(secret),
        }
    }
}

/// Encodes `n` in the GMP base62 alphabet, left-padded with '0' to 6 chars.
pub fn base62_6(mut n: u32) -> [u8; 6] {
    let mut out = [b'0'; 6];
    for slot in out.iter_mut().rev() {
        *slot = BASE62[(n % 62) as usize];
        n /= 62;
    }
    out
}

/// `<prefix>_<30 chars><6 chars base62 crc32>`: checks the last 36 chars after the last `_`.
fn base62_crc32(token: &[u8]) -> bool {
    let body = match token.iter().rposition(|&b| b == b'_') {
        Some(i) => &token[i + 1..],
        None => token,
    };
    if body.len() != 36 || !body.iter().all(u8::is_ascii_alphanumeric) {
        return false;
    }
    let (entropy, check) = body.split_at(30);
    base62_6(crc32fast::hash(entropy)) == check
}

/// Decodes URL-safe base64, padded or not.
pub fn decode_b64url(part: &[u8]) -> Option<Vec<u8>> {
    let unpadded = part
        .iter()
        .rposition(|&b| b != b'=')
        .map_or(&part[..0], |i| &part[..=i]);
    URL_SAFE_NO_PAD.decode(unpadded).ok()
}

fn jwt(token: &[u8]) -> bool {
    let mut parts = token.split(|&b| b == b'.');
    let (Some(h), Some(p)) = (parts.next(), parts.next()) else {
        return false;
    };
    let header: Option<serde_json::Value> = decode_b64url(h).and_then(|d| serde_json::from_slice(&d).ok());
    let payload_ok = decode_b64url(p).is_some_and(|d| serde_json::from_slice::<serde_json::Value>(&d).is_ok());
    header.is_some_and(|h| h.get("alg").is_some()) && payload_ok
}

/// Decodes standard base64 with or without padding.
pub fn decode_b64(data: &[u8]) -> Option<Vec<u8>> {
    STANDARD.decode(data).or_else(|_| STANDARD_NO_PAD.decode(data)).ok()
}

fn basic_auth(secret: &[u8]) -> bool {
    let Some(d) = decode_b64(secret) else { return false };
    let Ok(s) = std::str::from_utf8(&d) else { return false };
    match s.split_once(':') {
        Some((user, pass)) => {
            !user.is_empty() && pass.len() >= 3 && s.chars().all(|c| !c.is_control()) && !dummy_password(user, pass)
        }
        None => false,
    }
}

/// Words a credential's own name is made of: a password spelling one of them is the name, not a value.
const CREDENTIAL_NAME_WORDS: &[&str] = &["secret", "password", "passwd", "pass", "pwd", "token", "apikey"];

/// Whether the password of a decoded `user:password` pair is a fixture a reviewer would not call a credential:
/// the user name again, a short word of letters only (`son:goten`, `user:passwd`), or the name of the field
/// it stands for (`clientId:clientSecret`, `client-id:client-secret=`, `user:pass:word`). Generated passwords
/// and API keys have digits or are longer.
fn dummy_password(user: &str, pass: &str) -> bool {
    if pass.eq_ignore_ascii_case(user) {
        return true;
    }
    // `%3D` and friends (URL-encoded `=`) are not digits of the value.
    let mut plain = String::with_capacity(pass.len());
    let mut chars = pass.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '%' && chars.peek().is_some_and(|d| d.is_ascii_hexdigit()) {
            chars.next();
            chars.next_if(|d| d.is_ascii_hexdigit());
            continue;
        }
        plain.push(c);
    }
    if plain.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    if plain.chars().all(char::is_alphabetic) && plain.chars().count() <= 8 {
        return true;
    }
    let letters: String = plain
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    CREDENTIAL_NAME_WORDS.iter().any(|w| letters.contains(w)) && letters.chars().count() <= 20
}

fn pem_body(block: &[u8]) -> bool {
    // Strip header/footer lines and `Key: value` headers; decode the rest.
    let text = String::from_utf8_lossy(block).replace("\\n", "\n").replace("\\r", "");
    let body: String = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.starts_with("-----") && !l.contains(':') && !l.is_empty())
        .collect();
    let body = body.trim_matches('"');
    body.len() >= 64 && decode_b64(body.as_bytes()).is_some_and(|d| d.len() >= 48)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn github_token(prefix: &str, entropy: &str) -> String {
        let check = base62_6(crc32fast::hash(entropy.as_bytes()));
        format!("{prefix}{entropy}{}", std::str::from_utf8(&check).unwrap())
    }

    #[test]
    fn github_checksum_accepts_good_and_rejects_tampered() {
        let t = github_token("ghp_", "Zq8vR3kLmN0pQ2sT4uW6yA8cE1gI3k");
        assert!(Checksum::GithubCrc32.verify(t.as_bytes()));
        let mut bad = t.into_bytes();
        bad[10] = if bad[10] == b'a' { b'b' } else { b'a' };
        assert!(!Checksum::GithubCrc32.verify(&bad));
    }

    #[test]
    fn jwt_needs_json_header_with_alg() {
        let h = URL_SAFE_NO_PAD.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
        let p = URL_SAFE_NO_PAD.encode(br#"{"sub":"1"}"#);
        assert!(Checksum::Jwt.verify(format!("{h}.{p}.c2lnbmF0dXJl").as_bytes()));
        let h2 = URL_SAFE_NO_PAD.encode(br#"{"typ":"JWT"}"#);
        assert!(!Checksum::Jwt.verify(format!("{h2}.{p}.c2ln").as_bytes()));
    }

    #[test]
    fn url_safe_base64_decodes_padded_and_unpadded() {
        assert_eq!(decode_b64url(b"YQ==").as_deref(), Some(&b"a"[..]));
        assert_eq!(decode_b64url(b"YQ").as_deref(), Some(&b"a"[..]));
        assert_eq!(decode_b64url(b"-_8").as_deref(), Some(&[0xfb, 0xff][..]));
    }

    #[test]
    fn basic_auth_decodes_user_and_password() {
        assert!(Checksum::BasicAuth.verify(STANDARD.encode("deploy:Tr0ub4dor&3").as_bytes()));
        assert!(!Checksum::BasicAuth.verify(STANDARD.encode("nocolonhere").as_bytes()));
    }

    #[test]
    fn basic_auth_rejects_fixture_passwords() {
        let ok = |s: &str| Checksum::BasicAuth.verify(STANDARD.encode(s).as_bytes());
        for fixture in [
            "son:goten",
            "user:passwd",
            "admin:Admin",
            "clientId:clientSecret%3D",
            "client-id:client-secret",
            "user:pass:word",
            "\u{fc}ser:passw\u{f6}rd",
        ] {
            assert!(!ok(fixture), "{fixture}");
        }
        for real in [
            "svc-reports:Yn7B3x5SApYXfEq1",
            "api:ou1Y9RA03Yz8JasxlJAF",
            "ci:correcthorsebattery",
        ] {
            assert!(ok(real), "{real}");
        }
    }
}
