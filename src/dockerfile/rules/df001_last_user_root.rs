//! DF001: the final stage's last `USER` is root.

use super::{Context, Hit};
use parse_dockerfile::Instruction;

rule! {
    /// ## What it does
    /// Checks the last `USER` of the final stage (or of the stage it is built `FROM`) and reports it when it
    /// is root: `root`, `0`, `root:<group>`, `0:<group>`, or an `ARG`/`ENV` that resolves to one of them.
    ///
    /// ## Why is this bad?
    /// A container that runs as root turns any code-execution bug into root on the container, and a
    /// container escape into root on the host. The image's default user is what every `docker run` gets.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// RUN useradd --create-home app
    /// USER root
    /// CMD ["python", "app.py"]
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// RUN useradd --create-home app
    /// USER app
    /// CMD ["python", "app.py"]
    /// ```
    ///
    /// ## Differences from hadolint
    /// Only the final stage counts: a `USER root` at the end of a build stage whose files are copied out with
    /// `COPY --from` never runs as the container, so hadolint's DL3002 (which judges every stage) reports more.
    /// `USER $NAME` is resolved through its `ARG`/`ENV` default (`ARG IMAGE_USER=root`), which DL3002 does not
    /// do (the plimsoll-only findings on the real corpus).
    LastUserRoot {
        id: "DF001",
        name: "last-user-root",
        severity: Error,
        summary: "The final stage's last USER is root.",
        twins: ["hadolint:DL3002", "trivy:DS002", "checkov:CKV_DOCKER_8"],
        cwe: ["CWE-250"],
        security_severity: 7.5,
        enabled: true,
    }
}

/// `root`, `0`, `root:x`, `0:x`.
pub(crate) fn is_root(user: &str) -> bool {
    let u = user.split(':').next().unwrap_or("").trim();
    u == "root" || u == "0"
}

/// The last `USER` instruction (index) in effect for `stage`, following `FROM <stage>` chains.
pub(crate) fn last_user(cx: &Context<'_, '_>, stage: usize) -> Option<usize> {
    let m = cx.model;
    for s in m.lineage(stage) {
        if let Some((i, _)) = m
            .body(s)
            .rev()
            .find(|(_, ins)| matches!(ins.inner, Instruction::User(_)))
        {
            return Some(i);
        }
    }
    None
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    let m = cx.model;
    let Some(fin) = m.final_stage() else { return };
    if fin.windows {
        return;
    }
    let Some(i) = last_user(cx, fin.index) else { return };
    let Instruction::User(u) = m.instrs[i].inner else {
        return;
    };
    let raw = u.arguments.value.trim();
    let Some(user) = m.expand_at(i, raw) else { return };
    if is_root(&user) {
        let via = if user != raw {
            format!(" ({raw} resolves to {user})")
        } else {
            String::new()
        };
        out.push(Hit::new(
            i,
            format!("the image runs as root{via}; create an unprivileged user and end with `USER <name or uid>`"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DF001", "FROM alpine:3.20\nUSER root\n");
        catches("DF001", "FROM alpine:3.20\nUSER 0:0\n");
        catches("DF001", "FROM alpine:3.20\nUSER root:wheel\n");
        catches("DF001", "FROM alpine:3.20\nARG RUN_AS=root\nUSER ${RUN_AS}\n");
        catches("DF001", "ARG RUN_AS=0\nFROM alpine:3.20\nARG RUN_AS\nUSER $RUN_AS\n");
        catches("DF001", "FROM alpine:3.20\nENV U=root\nUSER $U\n");
        catches("DF001", "FROM alpine:3.20 AS base\nUSER root\nFROM base\nRUN true\n");
        assert_eq!(
            catches("DF001", "FROM alpine:3.20\nUSER app\nRUN x\nUSER root\n"),
            vec![4]
        );
        passes("DF001", "FROM alpine:3.20\nUSER root\nRUN apk add curl\nUSER app\n");
        passes("DF001", "FROM alpine:3.20\nUSER 1000:1000\n");
        passes(
            "DF001",
            "FROM alpine:3.20 AS build\nUSER root\nFROM alpine:3.20\nUSER nobody\n",
        );
        passes("DF001", "FROM alpine:3.20\nUSER app\nONBUILD USER root\n");
        passes("DF001", "FROM alpine:3.20\nUSER rootless\n");
        passes("DF001", "FROM alpine:3.20\nUSER $UNKNOWN\n");
    }
}
