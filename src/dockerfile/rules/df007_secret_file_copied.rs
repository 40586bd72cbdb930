//! DF007: `COPY`/`ADD` of a file that holds secrets.

use super::{Context, Hit};
use crate::dockerfile::model::source_paths;
use parse_dockerfile::Instruction;

rule! {
    /// ## What it does
    /// Reports `COPY` and `ADD` instructions whose sources are files that hold secrets: `.env` files,
    /// SSH private keys (`id_rsa`, `id_ed25519`, …), `*.key`, private `*.pem`/`*.p12`/`*.pfx` files,
    /// `.npmrc`, `.pypirc`, `.netrc`, `.git-credentials`, `.aws/`, `.docker/config.json`,
    /// `credentials.json`. Template files (`.env.example`, `.env.sample`) and public keys are fine.
    ///
    /// ## Why is this bad?
    /// Every file copied into a layer stays in the image, even if a later `RUN rm` deletes it, and anyone who
    /// can pull the image can extract it.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:22-slim
    /// COPY .npmrc package.json package-lock.json ./
    /// RUN npm ci && rm .npmrc
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:22-slim
    /// COPY package.json package-lock.json ./
    /// RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci
    /// ```
    SecretFileCopied {
        id: "DF007",
        name: "secret-file-copied",
        severity: Error,
        summary: "A file that holds secrets is copied into the image.",
        twins: ["trivy:DS031"],
        cwe: ["CWE-538"],
        security_severity: 8.0,
        enabled: true,
    }
}

/// Why `src` (a COPY/ADD source) is a secret file, if it is.
pub(crate) fn secret_file(src: &str) -> Option<&'static str> {
    if super::df019_add_instead_of_copy::is_url(src) {
        // Downloaded at build time (e.g. a repository's public `Release.key`), not a local secret.
        return None;
    }
    let path = src.trim_end_matches('/');
    let name = path.rsplit('/').next().unwrap_or(path);
    let lower = name.to_ascii_lowercase();
    let dirs: Vec<&str> = path.split('/').collect();
    if dirs.iter().any(|d| *d == ".aws" || *d == ".ssh" || *d == ".gnupg") {
        return Some("a credentials directory");
    }
    if lower == ".env" || (lower.starts_with(".env.") && !is_template(&lower)) {
        return Some("an environment file with secrets");
    }
    if lower.ends_with(".pub") {
        return None;
    }
    if ["id_rsa", "id_dsa", "id_ecdsa", "id_ed25519"]
        .iter()
        .any(|k| lower.starts_with(k))
    {
        return Some("an SSH private key");
    }
    if [
        ".npmrc",
        ".pypirc",
        ".netrc",
        ".git-credentials",
        "credentials.json",
        ".dockercfg",
    ]
    .contains(&lower.as_str())
        || (lower == "config.json" && dirs.contains(&".docker"))
    {
        return Some("a credentials file");
    }
    if lower.ends_with(".key") || lower.ends_with(".p12") || lower.ends_with(".pfx") {
        return Some("a private key");
    }
    if lower.ends_with(".pem")
        && ![
            "cert", "chain", "ca.", "ca-", "-ca", "_ca", "bundle", "public", "pub", "root",
        ]
        .iter()
        .any(|w| lower.contains(w))
    {
        return Some("a private key");
    }
    None
}

fn is_template(lower: &str) -> bool {
    [
        "example", "sample", "template", "dist", "defaults", "default", "tpl", "test", "ci",
    ]
    .iter()
    .any(|t| lower.ends_with(t))
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    for (i, ins) in cx.model.instrs.iter().enumerate() {
        let (kw, src) = match ins.inner {
            Instruction::Copy(c) => ("COPY", &c.src),
            Instruction::Add(a) => ("ADD", &a.src),
            _ => continue,
        };
        if let Some((path, why)) = source_paths(src).find_map(|p| secret_file(&p).map(|w| (p.clone(), w))) {
            out.push(Hit::new(
                i,
                format!("{kw} puts `{path}` ({why}) into the image; use `RUN --mount=type=secret` at build time or mount it at run time"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DF007", "FROM alpine:3.20\nCOPY .env /app/\n");
        catches("DF007", "FROM alpine:3.20\nCOPY .env.production /app/.env\n");
        catches("DF007", "FROM alpine:3.20\nCOPY id_rsa /root/.ssh/id_rsa\n");
        catches("DF007", "FROM alpine:3.20\nADD ./certs/server.key /etc/ssl/\n");
        catches("DF007", "FROM alpine:3.20\nCOPY --chown=app a.txt .npmrc /home/app/\n");
        catches("DF007", "FROM alpine:3.20\nCOPY .aws/ /root/.aws/\n");
        catches("DF007", "FROM alpine:3.20\nCOPY [\"privkey.pem\", \"/etc/ssl/\"]\n");
        catches("DF007", "FROM alpine:3.20\nCOPY config/credentials.json /app/\n");
        catches(
            "DF007",
            "FROM alpine:3.20 AS b\nFROM alpine:3.20\nCOPY --from=b /root/.git-credentials /x\n",
        );
        passes("DF007", "FROM alpine:3.20\nCOPY .env.example /app/.env\n");
        passes(
            "DF007",
            "FROM alpine:3.20\nCOPY id_rsa.pub /root/.ssh/authorized_keys\n",
        );
        passes(
            "DF007",
            "FROM alpine:3.20\nCOPY ca-certificates.pem cert.pem /etc/ssl/\n",
        );
        passes("DF007", "FROM alpine:3.20\nCOPY keyboard.txt monkey.js /app/\n");
        passes("DF007", "FROM alpine:3.20\nCOPY <<EOF /app/.env\nA=1\nEOF\n");
        passes(
            "DF007",
            "FROM alpine:3.20\nADD https://example.com/Release.key /etc/apt/keyrings/\n",
        );
    }
}
