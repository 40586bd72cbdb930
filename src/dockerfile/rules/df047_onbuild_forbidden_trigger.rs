//! DF047: `ONBUILD FROM` / `ONBUILD MAINTAINER`.

use super::{Context, Hit};
use parse_dockerfile::Instruction;

rule! {
    /// ## What it does
    /// Reports `ONBUILD` triggers that Docker does not allow: `ONBUILD FROM` and `ONBUILD MAINTAINER`
    /// (`ONBUILD ONBUILD` is already a parse error).
    ///
    /// ## Why is this bad?
    /// The trigger fails the build of every image that uses this one as its base.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:22-slim
    /// ONBUILD FROM node:22-slim
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:22-slim
    /// ONBUILD COPY . /app
    /// ```
    OnbuildForbiddenTrigger {
        id: "DF047",
        name: "onbuild-forbidden-trigger",
        severity: Error,
        summary: "ONBUILD triggers FROM or MAINTAINER, which Docker does not allow.",
        twins: ["hadolint:DL3043"],
        cwe: [],
        security_severity: 1.0,
        enabled: true,
    }
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    for (i, ins) in cx.model.instrs.iter().enumerate() {
        let kw = match ins.inner {
            Instruction::From(_) => "FROM",
            Instruction::Maintainer(_) => "MAINTAINER",
            _ => continue,
        };
        if ins.onbuild {
            out.push(Hit::new(
                i,
                format!("ONBUILD {kw} is not allowed and breaks every build that uses this image; remove it"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DF047", "FROM a:1\nONBUILD MAINTAINER me\n");
        passes("DF047", "FROM a:1\nONBUILD RUN x\nFROM b:1\n");
    }
}
