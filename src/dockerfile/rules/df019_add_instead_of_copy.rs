//! DF019: `ADD` used for local files that `COPY` would copy.

use super::{Context, Hit};
use parse_dockerfile::{Instruction, Source};

rule! {
    /// ## What it does
    /// Reports `ADD` whose sources are all local files or directories (not URLs, git repositories or local
    /// tar archives, which are what `ADD` exists for).
    ///
    /// ## Why is this bad?
    /// `ADD` has magic `COPY` does not: it unpacks archives and fetches URLs. Using it for plain files hides
    /// which behaviour was meant, and a file later renamed to `*.tar.gz` is silently extracted.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// ADD app.py requirements.txt /app/
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// COPY app.py requirements.txt /app/
    /// ADD rootfs.tar.gz /
    /// ```
    AddInsteadOfCopy {
        id: "DF019",
        name: "add-instead-of-copy",
        severity: Warning,
        summary: "ADD is used to copy local files; use COPY.",
        twins: ["hadolint:DL3020", "trivy:DS005", "checkov:CKV_DOCKER_4"],
        cwe: [],
        security_severity: 2.0,
        enabled: true,
    }
}

pub(crate) fn is_url(s: &str) -> bool {
    let l = s.to_ascii_lowercase();
    l.starts_with("http://")
        || l.starts_with("https://")
        || l.starts_with("git@")
        || l.starts_with("ssh://")
        || l.starts_with("git://")
}

fn is_archive(s: &str) -> bool {
    let l = s.to_ascii_lowercase();
    [
        ".tar",
        ".tar.gz",
        ".tgz",
        ".tar.bz2",
        ".tbz",
        ".tbz2",
        ".tar.xz",
        ".txz",
        ".tar.zst",
        ".tzst",
        ".tar.lz",
        ".tar.lzma",
        ".gz",
        ".bz2",
        ".xz",
        ".zst",
    ]
    .iter()
    .any(|e| l.ends_with(e))
        || l.contains('$')
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    for (i, ins) in cx.model.instrs.iter().enumerate() {
        let Instruction::Add(a) = ins.inner else { continue };
        let local = a.src.iter().all(|s| match s {
            Source::Path(p) => !is_url(&p.value) && !is_archive(&p.value),
            _ => true,
        });
        if local {
            out.push(Hit::new(
                i,
                "ADD copies local files here; use COPY (ADD is for archives to unpack and remote sources)",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DF019", "FROM a:1\nADD . /app\n");
        catches("DF019", "FROM a:1\nADD --chown=1:1 [\"a b\", \"/x/\"]\n");
        catches("DF019", "FROM a:1\nADD <<EOF /x\nhi\nEOF\n");
        passes("DF019", "FROM a:1\nADD rootfs.tar.xz /\n");
        passes("DF019", "FROM a:1\nADD https://example.com/x.bin /x\n");
        passes("DF019", "FROM a:1\nADD git@github.com:moby/buildkit.git /src\n");
        passes("DF019", "FROM a:1\nADD ${ARCHIVE} /\n");
        passes("DF019", "FROM a:1\nCOPY . /app\n");
    }
}
