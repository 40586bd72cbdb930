//! DF010: `COPY --from` names the stage it is in.

use super::{Context, Hit};
use crate::dockerfile::model::flag;
use parse_dockerfile::Instruction;

rule! {
    /// ## What it does
    /// Reports `COPY --from=<stage>` inside that same stage (by name or index).
    ///
    /// ## Why is this bad?
    /// A stage cannot copy from itself: the build fails with a circular dependency, or, when the name also
    /// exists as an image, silently copies from that image instead.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:22-slim AS web
    /// COPY --from=web /app/dist /usr/share/web
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:22-slim AS build
    /// RUN npm run build
    /// FROM nginx:1.27 AS web
    /// COPY --from=build /app/dist /usr/share/nginx/html
    /// ```
    CopyFromOwnStage {
        id: "DF010",
        name: "copy-from-own-stage",
        severity: Error,
        summary: "COPY --from refers to the stage it is in.",
        twins: ["hadolint:DL3023", "trivy:DS006"],
        cwe: [],
        security_severity: 3.0,
        enabled: true,
    }
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    let m = cx.model;
    for (i, ins) in m.instrs.iter().enumerate() {
        let Instruction::Copy(c) = ins.inner else { continue };
        let (Some(raw), Some(stage)) = (flag(&c.options, "from"), ins.stage) else {
            continue;
        };
        if ins.onbuild {
            continue;
        }
        let Some(from) = m.expand_at(i, raw) else { continue };
        let own = m.stages[stage].name.as_deref() == Some(&from.to_ascii_lowercase())
            || from.parse::<usize>().ok() == Some(stage);
        if own {
            out.push(Hit::new(
                i,
                format!("`--from={from}` is the stage this COPY is in; copy from an earlier stage"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DF010", "FROM alpine:3.20 AS a\nCOPY --from=a /x /x\n");
        catches(
            "DF010",
            "FROM alpine:3.20 AS a\nFROM alpine:3.20 AS b\nCOPY --from=1 /x /x\n",
        );
        catches("DF010", "FROM alpine:3.20 AS App\nCOPY --from=app /x /x\n");
        passes(
            "DF010",
            "FROM alpine:3.20 AS a\nFROM alpine:3.20 AS b\nCOPY --from=a /x /x\n",
        );
    }
}
