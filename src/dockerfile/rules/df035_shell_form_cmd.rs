//! DF035: `CMD`/`ENTRYPOINT` in shell form.

use super::{Context, Hit};
use parse_dockerfile::{Command, Instruction};

rule! {
    /// ## What it does
    /// In stages that end up in the final image, reports `CMD` and `ENTRYPOINT` written in shell form
    /// (`CMD node server.js`) rather than exec form (`CMD ["node", "server.js"]`).
    ///
    /// ## Why is this bad?
    /// Shell form runs the command under `/bin/sh -c`, so the shell is PID 1 and `docker stop`'s SIGTERM
    /// goes to the shell, not the application: it never shuts down cleanly and is killed after the timeout.
    /// A shell-form `ENTRYPOINT` also ignores `CMD` and `docker run` arguments.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:22-slim
    /// CMD node server.js
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:22-slim
    /// CMD ["node", "server.js"]
    /// ```
    ///
    /// ## Differences from hadolint
    /// Only the `CMD`/`ENTRYPOINT` of stages that end up in the image are judged, and one that starts with
    /// `exec` passes (the shell is replaced, signals arrive); hadolint's DL3025 reports every stage and every
    /// shell form (the hadolint-only findings on the real corpus).
    ShellFormCmd {
        id: "DF035",
        name: "shell-form-cmd",
        severity: Warning,
        summary: "CMD or ENTRYPOINT uses shell form; signals do not reach the application.",
        twins: ["hadolint:DL3025"],
        cwe: [],
        security_severity: 1.0,
        enabled: true,
    }
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    let m = cx.model;
    for s in m.shipped_stages() {
        if m.stages[s].windows {
            continue;
        }
        for (i, ins) in m.body(s) {
            let (kw, args) = match ins.inner {
                Instruction::Cmd(c) => ("CMD", &c.arguments),
                Instruction::Entrypoint(e) => ("ENTRYPOINT", &e.arguments),
                _ => continue,
            };
            let Command::Shell(sh) = args else { continue };
            let v = sh.value.trim();
            // `""` stands for a reset (`ENTRYPOINT []`); `exec …` replaces the shell, so signals arrive.
            if v.trim_matches(|c: char| c == '"' || c.is_whitespace()).is_empty() || v.starts_with("exec ") {
                continue;
            }
            out.push(Hit::new(
                i,
                format!("{kw} in shell form runs under /bin/sh, which does not pass on signals; use exec form {kw} [\"executable\", \"arg\"] or start it with `exec`"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DF035", "FROM a:1\nENTRYPOINT /start.sh\n");
        catches("DF035", "FROM a:1\nCMD ['nginx', '-g', 'daemon off;']\n");
        passes("DF035", "FROM a:1\nCMD [\"nginx\"]\n");
        passes("DF035", "FROM a:1 AS b\nCMD make\nFROM a:1\nCMD [\"x\"]\n");
        passes("DF035", "FROM a:1\nCMD exec nginx -g 'daemon off;'\nENTRYPOINT []\n");
    }
}
