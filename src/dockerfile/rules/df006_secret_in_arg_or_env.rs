//! DF006: an `ARG` or `ENV` whose name says it holds a secret.

use super::{Context, Hit};
use crate::dockerfile::model::{Instr, split_assignments};
use parse_dockerfile::Instruction;

rule! {
    /// ## What it does
    /// Reports `ARG` and `ENV` instructions that declare a variable whose name says it holds a secret
    /// (`PASSWORD`, `DB_PASS`, `API_KEY`, `GITHUB_TOKEN`, `AWS_SECRET_ACCESS_KEY`, `PRIVATE_KEY`,
    /// `CREDENTIALS`, …). Names that point at a secret rather than hold it (`*_FILE`, `*_PATH`, `*_DIR`,
    /// `*_URL`, `*_ID`, …) are fine. A secret *value* anywhere in the file is reported separately by the
    /// secret rules.
    ///
    /// ## Why is this bad?
    /// `ENV` values are stored in the image config and readable by anyone who can pull it (`docker inspect`).
    /// `ARG` values end up in the build cache, provenance attestations and `docker history` of the stage that
    /// uses them. Build secrets belong in `RUN --mount=type=secret`, runtime secrets in the orchestrator's
    /// secret store.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:22-slim
    /// ARG NPM_TOKEN
    /// RUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci
    /// ENV DB_PASSWORD=hunter2
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:22-slim
    /// RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci
    /// ENV DB_PASSWORD_FILE=/run/secrets/db_password
    /// ```
    SecretInArgOrEnv {
        id: "DF006",
        name: "secret-in-arg-or-env",
        severity: Warning,
        summary: "An ARG or ENV variable is named like a secret.",
        twins: ["trivy:DS031"],
        cwe: ["CWE-522", "CWE-798"],
        security_severity: 7.0,
        enabled: true,
    }
}

/// The fix for a secret build argument (also used by the compose and build-command rules).
pub(crate) const BUILD_SECRET_FIX: &str = "pass it with `RUN --mount=type=secret,id=…` instead of a build argument";

/// Name parts that mean "this holds a secret".
const SECRET_WORDS: &[&str] = &[
    "PASSWORD",
    "PASSWD",
    "PASS",
    "PWD",
    "SECRET",
    "SECRETS",
    "TOKEN",
    "APIKEY",
    "CREDENTIAL",
    "CREDENTIALS",
    "PASSPHRASE",
    "PRIVATEKEY",
    "AUTHTOKEN",
];
/// `<word>_KEY` pairs that are secrets.
const KEY_PREFIXES: &[&str] = &[
    "API",
    "PRIVATE",
    "SECRET",
    "ACCESS",
    "ENCRYPTION",
    "SIGNING",
    "MASTER",
    "AUTH",
    "LICENSE",
    "SSH",
    "SERVICE",
    "ACCOUNT",
    "CLIENT",
    "APP",
];
/// Last name parts that mean "this points at / describes a secret".
const POINTER_SUFFIXES: &[&str] = &[
    "FILE",
    "PATH",
    "DIR",
    "URL",
    "URI",
    "HOST",
    "PORT",
    "NAME",
    "ID",
    "LENGTH",
    "LEN",
    "TTL",
    "TIMEOUT",
    "EXPIRY",
    "EXPIRES",
    "EXPIRATION",
    "ENABLED",
    "REQUIRED",
    "TYPE",
    "HEADER",
    "VERSION",
    "POLICY",
    "ENDPOINT",
    "MODE",
    "SIZE",
    "COUNT",
    "ALGORITHM",
    "KEYID",
    "FILENAME",
    "LOCATION",
    "REF",
    "ARN",
    "SOURCE",
    "PROVIDER",
    "USER",
    "USERNAME",
    "ENV",
    "VAR",
    "PREFIX",
    "FORMAT",
    "COMMAND",
    "CMD",
    "HELPER",
];

/// Whether a variable name says it holds a secret.
pub(crate) fn secret_name(name: &str) -> bool {
    let parts = split_name(name);
    if parts.is_empty() || parts.last().is_some_and(|l| POINTER_SUFFIXES.contains(&l.as_str())) {
        return false;
    }
    // `PWD` alone is the working directory, not a password.
    if parts.len() == 1 && parts[0] == "PWD" {
        return false;
    }
    parts.iter().enumerate().any(|(i, p)| {
        SECRET_WORDS.contains(&p.as_str()) || (p == "KEY" && i > 0 && KEY_PREFIXES.contains(&parts[i - 1].as_str()))
    })
}

/// A value that is a switch or names a file, not a secret (`RESET_PASSWORD=true`,
/// `RESET_PASSWORD=resetPassword.sh`, `DB_PASSWORD=/run/secrets/db`).
fn is_setting(v: &str) -> bool {
    const FILE_EXTENSIONS: &[&str] = &[
        ".sh",
        ".py",
        ".txt",
        ".json",
        ".yaml",
        ".yml",
        ".xml",
        ".conf",
        ".cfg",
        ".ini",
        ".properties",
        ".rsp",
    ];
    let l = v.to_ascii_lowercase();
    matches!(
        l.as_str(),
        "true" | "false" | "yes" | "no" | "on" | "off" | "0" | "1" | "none"
    ) || l.starts_with('/')
        || l.starts_with("./")
        || FILE_EXTENSIONS.iter().any(|e| l.ends_with(e))
}

/// `npmToken` / `NPM_AUTH-TOKEN` -> `["NPM", "AUTH", "TOKEN"]`.
pub(crate) fn split_name(name: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if c == '_' || c == '-' || c == '.' {
            if !cur.is_empty() {
                parts.push(std::mem::take(&mut cur));
            }
            prev_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && prev_lower && !cur.is_empty() {
            parts.push(std::mem::take(&mut cur));
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        cur.push(c.to_ascii_uppercase());
    }
    if !cur.is_empty() {
        parts.push(cur);
    }
    parts
}

/// For an `ARG`/`ENV` that sets a secret-named variable: the instruction with those values replaced by `…`,
/// so no finding on it (of this rule or another) prints the value.
pub(crate) fn masked_snippet(ins: &Instr<'_, '_>) -> Option<String> {
    let (kind, pairs) = match ins.inner {
        Instruction::Arg(a) => ("ARG", split_assignments(&a.arguments.value, false)),
        Instruction::Env(e) => ("ENV", split_assignments(&e.arguments.value, true)),
        _ => return None,
    };
    if !pairs
        .iter()
        .any(|(k, v)| secret_name(k) && v.as_deref().is_some_and(|v| !v.is_empty()))
    {
        return None;
    }
    let shown: Vec<String> = pairs
        .iter()
        .map(|(k, v)| match v {
            Some(v) if secret_name(k) && !v.is_empty() => format!("{k}=…"),
            Some(v) => format!("{k}={v}"),
            None => k.clone(),
        })
        .collect();
    Some(format!(
        "{}{kind} {}",
        if ins.onbuild { "ONBUILD " } else { "" },
        shown.join(" ")
    ))
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    for (i, ins) in cx.model.instrs.iter().enumerate() {
        let (kind, pairs) = match ins.inner {
            Instruction::Arg(a) => ("ARG", split_assignments(&a.arguments.value, false)),
            Instruction::Env(e) => ("ENV", split_assignments(&e.arguments.value, true)),
            _ => continue,
        };
        let mut names: Vec<&str> = pairs
            .iter()
            .filter(|(k, v)| secret_name(k) && !v.as_deref().is_some_and(is_setting))
            .map(|(k, _)| k.as_str())
            .collect();
        names.dedup();
        if names.is_empty() {
            continue;
        }
        let fix = if kind == "ARG" {
            BUILD_SECRET_FIX
        } else {
            "do not bake it into the image; read it at run time from a secret store or a mounted file"
        };
        let mut hit = Hit::new(i, format!("{kind} {} looks like a secret; {fix}", names.join(", ")));
        hit.snippet = masked_snippet(ins);
        out.push(hit);
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, hits, passes};
    use super::secret_name;

    #[test]
    fn names() {
        for n in [
            "PASSWORD",
            "DB_PASSWORD",
            "db_pass",
            "API_KEY",
            "apiKey",
            "GITHUB_TOKEN",
            "AWS_SECRET_ACCESS_KEY",
            "PRIVATE_KEY",
            "GOOGLE_CREDENTIALS",
            "NPM_AUTH_TOKEN",
            "SSH_KEY",
            "client_secret",
            "MYSQL_ROOT_PASSWORD",
        ] {
            assert!(secret_name(n), "{n}");
        }
        for n in [
            "PWD",
            "PASSWORD_FILE",
            "TOKEN_URL",
            "SECRET_NAME",
            "AWS_ACCESS_KEY_ID",
            "NODE_ENV",
            "KEYCLOAK_VERSION",
            "PATH",
            "PASSENGER_VERSION",
            "GPG_KEYS",
            "GPG_KEY",
            "TOKEN_PATH",
            "KEY",
            "MONKEY",
            "SECRETARY",
        ] {
            assert!(!secret_name(n), "{n}");
        }
    }

    #[test]
    fn table() {
        catches("DF006", "FROM alpine:3.20\nARG GITHUB_TOKEN\n");
        catches("DF006", "ARG NPM_TOKEN=x\nFROM alpine:3.20\n");
        catches("DF006", "FROM alpine:3.20\nENV API_KEY abc\n");
        catches("DF006", "FROM alpine:3.20\nENV A=1 DB_PASSWORD=\"s3cr3t\"\n");
        catches("DF006", "FROM alpine:3.20\nONBUILD ARG SECRET\n");
        passes("DF006", "FROM alpine:3.20\nENV PASSWORD_FILE=/run/secrets/pw\n");
        passes("DF006", "FROM alpine:3.20\nARG VERSION=1\nENV PATH=/x:$PATH\n");
        passes("DF006", "FROM alpine:3.20\nENV RESET_PASSWORD=false\n");
        passes(
            "DF006",
            "FROM alpine:3.20\nENV RESET_OS_PASSWORD=\"resetOSPassword.sh\" TOKEN_STORE=/run/secrets/t\n",
        );
        let h = hits("DF006", "FROM alpine:3.20\nENV A=1 DB_PASSWORD=s3cr3t\n");
        assert_eq!(h[0].snippet.as_deref(), Some("ENV A=1 DB_PASSWORD=…"));
    }
}
