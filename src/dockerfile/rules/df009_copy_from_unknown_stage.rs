//! DF009: `COPY --from` names a stage that does not exist (yet).

use super::{Context, Hit};
use crate::dockerfile::model::flag;
use parse_dockerfile::Instruction;

rule! {
    /// ## What it does
    /// Reports `COPY --from=<name>` where `<name>` is not a stage defined before it and does not look like an
    /// image reference (no `:`, `/` or `@`), and numeric `--from=<n>` beyond the stages defined so far.
    ///
    /// ## Why is this bad?
    /// A misspelt stage name is not an error to Docker: it pulls an image of that name from Docker Hub
    /// instead (`--from=biulder` fetches `docker.io/library/biulder`), which fails at best and copies files
    /// from a stranger's image at worst.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM golang:1.22 AS builder
    /// RUN go build -o /app .
    /// FROM gcr.io/distroless/static:nonroot
    /// COPY --from=biulder /app /app
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM golang:1.22 AS builder
    /// RUN go build -o /app .
    /// FROM gcr.io/distroless/static:nonroot
    /// COPY --from=builder /app /app
    /// ```
    ///
    /// ## Differences from hadolint
    /// Only names that cannot be images are reported: `COPY --from=gloursdocker/docker / /` copies from an
    /// image, which Docker allows, so it passes; hadolint's DL3022 wants every `--from` to be a stage alias (the
    /// hadolint-only findings on the real corpus).
    CopyFromUnknownStage {
        id: "DF009",
        name: "copy-from-unknown-stage",
        severity: Error,
        summary: "COPY --from names a stage that is not defined before it.",
        twins: ["hadolint:DL3022"],
        cwe: ["CWE-829"],
        security_severity: 5.0,
        enabled: true,
    }
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    let m = cx.model;
    for (i, ins) in m.instrs.iter().enumerate() {
        let Instruction::Copy(c) = ins.inner else { continue };
        let Some(raw) = flag(&c.options, "from") else { continue };
        let Some(from) = m.expand_at(i, raw) else { continue };
        if from.contains([':', '/', '@']) || from.is_empty() {
            continue;
        }
        let lower = from.to_ascii_lowercase();
        let current = ins.stage.unwrap_or(0);
        let earlier = m.stages[..=current.min(m.stages.len().saturating_sub(1))]
            .iter()
            .any(|s| s.name.as_deref() == Some(&lower));
        if earlier {
            continue;
        }
        if let Ok(n) = from.parse::<usize>() {
            if n > current || ins.onbuild {
                out.push(Hit::new(
                    i,
                    format!("`--from={n}` refers to a stage that is not defined before this COPY"),
                ));
            }
            continue;
        }
        if ins.onbuild {
            continue;
        }
        let later = m.stages.iter().any(|s| s.name.as_deref() == Some(&lower));
        let msg = if later {
            format!(
                "stage `{from}` is defined after this COPY; move it above, or Docker will try to pull an image named `{from}`"
            )
        } else {
            format!(
                "no stage is named `{from}`, so Docker will pull an image of that name; fix the name or use a full image reference"
            )
        };
        out.push(Hit::new(i, msg));
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DF009", "FROM alpine:3.20\nCOPY --from=build /a /a\n");
        catches("DF009", "FROM alpine:3.20\nCOPY --from=1 /a /a\n");
        catches(
            "DF009",
            "FROM alpine:3.20\nCOPY --from=later /a /a\nFROM alpine:3.20 AS later\n",
        );
        catches("DF009", "ARG S=nope\nFROM alpine:3.20\nARG S\nCOPY --from=$S /a /a\n");
        passes(
            "DF009",
            "FROM alpine:3.20 AS Build\nFROM alpine:3.20\nCOPY --from=build /a /a\n",
        );
        passes("DF009", "FROM alpine:3.20\nFROM alpine:3.20\nCOPY --from=0 /a /a\n");
        passes(
            "DF009",
            "FROM alpine:3.20\nCOPY --from=nginx:1.27 /a /a\nCOPY --from=ghcr.io/x/y /b /b\n",
        );
        passes(
            "DF009",
            "ARG S=base\nFROM alpine:3.20 AS base\nFROM alpine:3.20\nCOPY --from=${S} /a /a\n",
        );
        passes("DF009", "FROM alpine:3.20\nCOPY --from=$UNSET /a /a\n");
        passes("DF009", "FROM alpine:3.20\nONBUILD COPY --from=builder /a /a\n");
    }
}
