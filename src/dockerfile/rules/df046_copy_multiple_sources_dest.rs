//! DF046: several sources copied to a destination that is not a directory.

use super::{Context, Hit};
use parse_dockerfile::Instruction;

rule! {
    /// ## What it does
    /// Reports `COPY`/`ADD` with more than one source whose destination does not end with `/`.
    ///
    /// ## Why is this bad?
    /// Docker requires a directory destination (ending in `/`) when copying several sources and fails the
    /// build otherwise.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:22-slim
    /// COPY package.json package-lock.json /app
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:22-slim
    /// COPY package.json package-lock.json /app/
    /// ```
    CopyMultipleSourcesDest {
        id: "DF046",
        name: "copy-multiple-sources-dest",
        severity: Error,
        summary: "COPY with several sources needs a destination ending in /.",
        twins: ["hadolint:DL3021", "trivy:DS011"],
        cwe: [],
        security_severity: 1.0,
        enabled: true,
    }
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    for (i, ins) in cx.model.instrs.iter().enumerate() {
        let (kw, n, dest) = match ins.inner {
            Instruction::Copy(c) => ("COPY", c.src.len(), &c.dest.value),
            Instruction::Add(a) => ("ADD", a.src.len(), &a.dest.value),
            _ => continue,
        };
        let d = dest.trim_matches('"');
        if n > 1 && !d.ends_with('/') && !d.ends_with('\\') && !d.contains('$') && d != "." {
            out.push(Hit::new(
                i,
                format!("{kw} with {n} sources needs a directory destination; write `{d}/`"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DF046", "FROM a:1\nCOPY a b /x\n");
        catches("DF046", "FROM a:1\nCOPY [\"a\", \"b\", \"/x\"]\n");
        passes(
            "DF046",
            "FROM a:1\nCOPY a b /x/\nCOPY a /x\nCOPY a b .\nCOPY a b $DIR\n",
        );
    }
}
