//! DF020: `ADD <url>` without `--checksum`.

use super::{Context, Hit};
use crate::dockerfile::model::{flag, source_paths};
use parse_dockerfile::Instruction;

rule! {
    /// ## What it does
    /// Reports `ADD https://…` (or `http://`) without `--checksum=sha256:…`.
    ///
    /// ## Why is this bad?
    /// The file is downloaded at build time and trusted blindly: whoever controls the server, or the network
    /// path for `http://`, controls what goes into the image. Plain `http://` is also readable and
    /// changeable in transit.
    ///
    /// Checkov's `CKV_DOCKER_4` forbids `ADD` altogether; plimsoll splits it: local files are DF019, URLs are
    /// this rule. A URL with `--checksum` passes here on purpose: that is the verified download Docker
    /// recommends, while Checkov still reports it.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// ADD https://github.com/krallin/tini/releases/download/v0.19.0/tini-static /tini
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// ADD --checksum=sha256:c5b0666b4cb676901f90dfcb37106783c5fe2077b04590973b885950611b30ee https://github.com/krallin/tini/releases/download/v0.19.0/tini-static /tini
    /// ```
    AddRemoteUrl {
        id: "DF020",
        name: "add-remote-url",
        severity: Warning,
        summary: "ADD downloads a URL without verifying a checksum.",
        twins: ["checkov:CKV_DOCKER_4"],
        cwe: ["CWE-494"],
        security_severity: 6.0,
        enabled: true,
    }
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    for (i, ins) in cx.model.instrs.iter().enumerate() {
        let Instruction::Add(a) = ins.inner else { continue };
        if flag(&a.options, "checksum").is_some() {
            continue;
        }
        let url = source_paths(&a.src).find(|p| {
            let l = p.to_ascii_lowercase();
            (l.starts_with("http://") || l.starts_with("https://")) && !l.contains(".git#") && !l.ends_with(".git")
        });
        if let Some(url) = url {
            out.push(Hit::new(
                i,
                format!("`{url}` is downloaded without verification; add `--checksum=sha256:<digest>` (or download with curl and check a checksum)"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DF020", "FROM a:1\nADD http://example.com/a.tgz /\n");
        passes(
            "DF020",
            "FROM a:1\nADD --checksum=sha256:abc https://example.com/a.tgz /\n",
        );
        passes(
            "DF020",
            "FROM a:1\nADD https://github.com/moby/buildkit.git#v0.14 /src\n",
        );
        passes("DF020", "FROM a:1\nADD a.tgz /\n");
    }
}
