//! DF027: `pip install` without `--no-cache-dir`.

use super::{Context, Hit};
use crate::dockerfile::model::split_assignments;
use crate::dockerfile::packages::{self, Pm};
use parse_dockerfile::Instruction;

rule! {
    /// ## What it does
    /// In stages that end up in the final image, reports `pip install` without `--no-cache-dir`, unless
    /// `PIP_NO_CACHE_DIR` is set by `ENV`/`ARG` in the stage (or on the command) or a cache mount covers
    /// pip's cache (`/root/.cache/pip` or a directory above it).
    ///
    /// ## Why is this bad?
    /// pip keeps every downloaded wheel in `~/.cache/pip`; in an image that cache is never used again and
    /// can be as large as the packages themselves.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// RUN pip install -r requirements.txt
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// RUN pip install --no-cache-dir -r requirements.txt
    /// ```
    ///
    /// ## Differences from hadolint
    /// Only stages that end up in the image are judged, and a cache mount on `/root/.cache/pip` passes; hadolint's
    /// DL3042 reports every stage.
    PipNoCacheDir {
        id: "DF027",
        name: "pip-no-cache-dir",
        severity: Note,
        summary: "pip install without --no-cache-dir leaves pip's cache in the image.",
        twins: ["hadolint:DL3042"],
        cwe: ["CWE-1104"],
        security_severity: 1.0,
        enabled: true,
    }
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    let m = cx.model;
    for (i, ins, run) in m.runs() {
        if !m.ships(i) || run.mounted("/root/.cache/pip") || m.is_windows(i) {
            continue;
        }
        let env_set = ins.stage.is_some_and(|s| {
            m.lineage(s).iter().any(|&st| {
                m.body(st)
                    .take_while(|(k, _)| *k < i || st != s)
                    .any(|(_, e)| match e.inner {
                        Instruction::Env(x) => split_assignments(&x.arguments.value, true)
                            .iter()
                            .any(|(k, _)| k == "PIP_NO_CACHE_DIR"),
                        Instruction::Arg(x) => split_assignments(&x.arguments.value, false)
                            .iter()
                            .any(|(k, _)| k == "PIP_NO_CACHE_DIR"),
                        _ => false,
                    })
            })
        });
        if env_set {
            continue;
        }
        let missing = packages::installs(&run.script, Pm::Pip).iter().any(|c| {
            !c.has_flag("no-cache-dir", None) && !c.cmd.assignments.iter().any(|a| a.starts_with("PIP_NO_CACHE_DIR="))
        });
        if missing {
            out.push(Hit::new(
                i,
                "pip keeps its download cache in the layer; add `--no-cache-dir`",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DF027", "FROM python:3.12\nRUN pip install flask\n");
        catches("DF027", "FROM python:3.12\nRUN python3 -m pip install --upgrade pip\n");
        passes("DF027", "FROM python:3.12\nRUN pip3 install --no-cache-dir flask\n");
        passes(
            "DF027",
            "FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n",
        );
        passes(
            "DF027",
            "FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache pip install flask\n",
        );
        passes(
            "DF027",
            "FROM python:3.12\nRUN PIP_NO_CACHE_DIR=off pip install flask\n",
        );
        passes(
            "DF027",
            "FROM python:3.12 AS b\nRUN pip install flask\nFROM python:3.12-slim\n",
        );
    }
}
