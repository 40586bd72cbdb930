//! DF019: `ADD` used for local files that `COPY` would copy.

use super::{Context, Hit};
use parse_dockerfile::Instruction;

rule! {
    /// ## What it does
    /// Reports `ADD` whose sources are all local files or directories (not URLs, git repositories or local
    /// tar archives, which are what `ADD` exists for). Quoted sources are read as Docker reads them. Tar
    /// archives, compressed or not (`.tar`, `.tar.gz`, `.tgz`, `.tar.xz`, `.tar.zst`, …), are unpacked and
    /// pass; a `.zip` (or `.jar`) is not unpacked by `ADD`, so `ADD site.zip /srv/` is a plain copy and is
    /// reported. Variables are expanded with their `ARG`/`ENV` defaults first (`ENV JAR=app.jar` then
    /// `ADD $JAR /opt/` is reported); a variable with no known value may name an archive and passes.
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
    ///
    /// ## Differences from hadolint
    /// Variables are expanded with their `ARG`/`ENV` defaults before judging (`ENV JAR=app.jar`, `ADD $JAR /opt/`
    /// is reported, like hadolint's DL3020); a source whose value is unknown (an `ARG` without a default such as
    /// `ADD ${OGG_TARFILE} /u01/`) may be an archive and passes, where DL3020 reports it (the remaining
    /// hadolint-only findings on the real corpus).
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

/// Whether `ADD` may unpack the local file `s`: Docker extracts tar archives, uncompressed or compressed
/// with gzip, bzip2, xz or zstd, and judges by content, so the name is all plimsoll has. A variable could
/// name an archive, and so could a compressed name without `.tar` (`bin/app*.gz` often is a tarball), so
/// both get the benefit of the doubt. A `.zip` (or `.jar`/`.whl`, zips too) is never unpacked.
pub(crate) fn is_extracted_archive(s: &str) -> bool {
    let l = s.to_ascii_lowercase();
    if l.contains('$') {
        return true;
    }
    let name = l.rsplit('/').next().unwrap_or(&l);
    let compressed = [".gz", ".bz2", ".xz", ".zst", ".lz", ".lzma", ".z"]
        .iter()
        .any(|c| name.ends_with(c));
    name.ends_with(".tar")
        || compressed
        || [
            ".tgz", ".tbz", ".tbz2", ".tb2", ".txz", ".tzst", ".tlz", ".taz", ".tz", ".tpz",
        ]
        .iter()
        .any(|e| name.ends_with(e))
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    for (i, ins) in cx.model.instrs.iter().enumerate() {
        let Instruction::Add(a) = ins.inner else { continue };
        // Heredoc sources are local content too. A variable is judged by the value its ARG/ENV default
        // gives it; one without a known value may name an archive, so it passes.
        let local = crate::dockerfile::model::source_paths(&a.src).all(|p| {
            let p = cx.model.expand_at(i, &p).unwrap_or_else(|| p.into_owned());
            !is_url(&p) && !is_extracted_archive(&p)
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
        passes("DF019", "FROM a:1\nARG ROOTFS=rootfs.tar.gz\nADD $ROOTFS /\n");
        catches(
            "DF019",
            "FROM a:1\nENV JAR1=fmw_soa.jar \\\n    JAR2=fmw_osb.jar\nADD $JAR1 ${JAR2} /u01/\n",
        );
        passes("DF019", "FROM a:1\nCOPY . /app\n");
    }
}
