//! DF034: `WORKDIR` with a relative path.

use super::{Context, Hit};
use parse_dockerfile::Instruction;

rule! {
    /// ## What it does
    /// Reports `WORKDIR` paths that are not absolute (`/…`, a Windows drive such as `C:\…`, or a variable).
    ///
    /// ## Why is this bad?
    /// A relative `WORKDIR` is resolved against whatever the previous `WORKDIR` was — including one
    /// inherited from the base image — so the same line means different directories as the base changes.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:22-slim
    /// WORKDIR app
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:22-slim
    /// WORKDIR /app
    /// ```
    RelativeWorkdir {
        id: "DF034",
        name: "relative-workdir",
        severity: Warning,
        summary: "WORKDIR is a relative path.",
        twins: ["hadolint:DL3000", "trivy:DS009", "checkov:CKV_DOCKER_10"],
        cwe: [],
        security_severity: 1.0,
        enabled: true,
    }
}

fn absolute(p: &str) -> bool {
    let p = p.trim_matches(|c| c == '"' || c == '\'');
    let b = p.as_bytes();
    p.starts_with('/')
        || p.starts_with('$')
        || p.starts_with('\\')
        || (b.len() >= 2 && b[0].is_ascii_alphabetic() && b[1] == b':')
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    for (i, ins) in cx.model.instrs.iter().enumerate() {
        if let Instruction::Workdir(w) = ins.inner
            && !absolute(&w.arguments.value)
        {
            out.push(Hit::new(
                i,
                format!("`WORKDIR {}` is relative; use an absolute path", w.arguments.value),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DF034", "FROM a:1\nWORKDIR app\n");
        catches("DF034", "FROM a:1\nWORKDIR ./app\n");
        passes("DF034", "FROM a:1\nWORKDIR /app\nWORKDIR $HOME/x\nWORKDIR \"/a b\"\n");
        passes(
            "DF034",
            "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\app\n",
        );
    }
}
