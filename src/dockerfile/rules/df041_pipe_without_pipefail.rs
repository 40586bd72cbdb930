//! DF041: a pipe in `RUN` without `pipefail`.

use super::{Context, Hit};
use crate::dockerfile::shell::Script;
use parse_dockerfile::Instruction;

rule! {
    /// ## What it does
    /// Reports shell-form `RUN` instructions with a pipe (`a | b`) when neither the stage's `SHELL` (its own
    /// or inherited from the stage it is built `FROM`) nor the `RUN` itself (`set -o pipefail` before the
    /// pipe) turns on `pipefail`. Stages whose `SHELL` is PowerShell or cmd are skipped.
    ///
    /// ## Why is this bad?
    /// A pipeline's status is that of its last command: in `curl -fsSL $URL | tar -xz` a failed download
    /// still "succeeds" once `tar` exits 0 on empty input, and the build goes on with missing files.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12-slim
    /// RUN curl -fsSL https://example.com/tool.tgz | tar -xz -C /usr/local/bin
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12-slim
    /// SHELL ["/bin/bash", "-o", "pipefail", "-c"]
    /// RUN curl -fsSL https://example.com/tool.tgz | tar -xz -C /usr/local/bin
    /// ```
    ///
    /// ## Differences from hadolint
    /// A pipe inside a command substitution (`"$(dpkg --print-architecture | awk …)"`) is not reported: used as an
    /// argument its status is lost whatever `pipefail` says, and hadolint's DL4006 reporting it is most of the
    /// hadolint-only findings on the real corpus. `|` between `case` patterns is no pipe. Pipes inside
    /// `bash -c "…"` are judged (that shell has no `pipefail` either), which hadolint does not see.
    PipeWithoutPipefail {
        id: "DF041",
        name: "pipe-without-pipefail",
        severity: Warning,
        summary: "RUN uses a pipe without pipefail, so failures before the last command are ignored.",
        twins: ["hadolint:DL4006", "trivy:DS032"],
        cwe: ["CWE-755"],
        security_severity: 2.0,
        enabled: true,
    }
}

/// `set -o pipefail`, `set -euxo pipefail`, … before command `before`.
fn sets_pipefail(script: &Script, before: usize) -> bool {
    script.commands[..before].iter().any(|c| {
        c.is("set") && {
            let a = c.args();
            a.iter()
                .enumerate()
                .any(|(k, w)| w == "pipefail" && k > 0 && a[k - 1].starts_with('-') && a[k - 1].ends_with('o'))
        }
    })
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    let m = cx.model;
    for (i, ins, run) in m.runs() {
        if run.exec || m.is_windows(i) {
            continue;
        }
        let pipes = run.script.pipelines();
        let Some(first) = pipes.first() else { continue };
        if sets_pipefail(&run.script, first.start) {
            continue;
        }
        // The SHELL in effect: the last one before this RUN in the stage, else in parent stages.
        let shell = ins.stage.and_then(|s| {
            m.lineage(s).into_iter().find_map(|st| {
                m.body(st)
                    .rev()
                    .filter(|(k, _)| st != s || *k < i)
                    .find_map(|(_, x)| match x.inner {
                        Instruction::Shell(sh) => {
                            Some(sh.arguments.iter().map(|a| a.value.to_string()).collect::<Vec<_>>())
                        }
                        _ => None,
                    })
            })
        });
        if let Some(sh) = &shell {
            let prog = sh
                .first()
                .map(|p| p.rsplit(['/', '\\']).next().unwrap_or(p).to_ascii_lowercase())
                .unwrap_or_default();
            if prog.starts_with("pwsh") || prog.starts_with("powershell") || prog.starts_with("cmd") {
                continue;
            }
            if sh.iter().any(|a| a == "pipefail") {
                continue;
            }
        }
        out.push(Hit::new(
            i,
            "a failure before the last command of this pipe is ignored; add `SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]` or start the RUN with `set -o pipefail &&`",
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DF041", "FROM a:1\nRUN wget -O- x | tar x\n");
        catches("DF041", "FROM a:1\nRUN echo a \\\n  | grep a\n");
        catches("DF041", "FROM a:1\nSHELL [\"/bin/bash\", \"-c\"]\nRUN a | b\n");
        catches(
            "DF041",
            "FROM a:1\nRUN a | b\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n",
        );
        catches("DF041", "FROM a:1\nRUN <<EOF\na | b\nEOF\n");
        passes(
            "DF041",
            "FROM a:1\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN a | b\n",
        );
        passes(
            "DF041",
            "FROM a:1 AS p\nSHELL [\"/bin/ash\", \"-eo\", \"pipefail\", \"-c\"]\nFROM p\nRUN a | b\n",
        );
        passes("DF041", "FROM a:1\nRUN set -euxo pipefail; a | b\n");
        passes("DF041", "FROM a:1\nRUN a || b && echo 'x | y' \"$(c | d)\"\n");
        passes("DF041", "FROM a:1\nRUN [\"sh\", \"-c\", \"a | b\"]\n");
        passes(
            "DF041",
            "FROM a:1\nRUN for b in *; do case \"$b\" in \\\n  shim | proxy) continue ;; \\\n  *) \"./$b\" -v ;; esac; done\n",
        );
        catches("DF041", "FROM a:1\nRUN case \"$x\" in a|b) c | d ;; esac\n");
        passes(
            "DF041",
            "FROM a:1\nSHELL [\"pwsh\", \"-Command\"]\nRUN Get-Item x | Remove-Item\n",
        );
    }
}
