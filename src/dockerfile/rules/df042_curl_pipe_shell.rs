//! DF042: a download piped straight into a shell.

use super::{Context, Hit};
use crate::dockerfile::shell::Cmd;

rule! {
    /// ## What it does
    /// Reports `RUN` instructions that download a script and run it without looking at it:
    /// `curl … | sh`, `wget -O- … | bash`, `… | sudo -E bash -`, `bash <(curl …)`, `sh -c "$(curl …)"`,
    /// also with `python`, `perl`, `ruby` or `node` as the interpreter.
    ///
    /// ## Why is this bad?
    /// Whatever the server (or anyone who compromises it) returns at build time runs as root in the image,
    /// with no checksum or signature check and no record of what ran. A truncated download can run half a
    /// script.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12-slim
    /// RUN curl -fsSL https://deb.nodesource.com/setup_20.x | bash -
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12-slim
    /// RUN curl -fsSLo /tmp/setup.sh https://deb.nodesource.com/setup_20.x \
    ///     && echo "4a7e3d4c8b...  /tmp/setup.sh" | sha256sum -c - \
    ///     && bash /tmp/setup.sh && rm /tmp/setup.sh
    /// ```
    CurlPipeShell {
        id: "DF042",
        name: "curl-pipe-shell",
        severity: Warning,
        summary: "A downloaded script is piped into a shell without verification.",
        twins: [],
        cwe: ["CWE-494"],
        security_severity: 7.0,
        enabled: true,
    }
}

const INTERPRETERS: &[&str] = &[
    "sh", "bash", "ash", "dash", "zsh", "ksh", "python", "python3", "perl", "ruby", "node",
];

fn downloads(c: &Cmd) -> bool {
    c.is("curl")
        || (c.is("wget")
            && c.args()
                .windows(2)
                .any(|w| (w[0] == "-O" || w[0] == "--output-document") && w[1] == "-")
            || c.is("wget")
                && c.args().iter().any(|a| {
                    a == "-O-"
                        || a == "-qO-"
                        || a == "-qO"
                        || a == "--output-document=-"
                        || (a.starts_with('-') && !a.starts_with("--") && a.ends_with("O-"))
                }))
}

fn interpreter(c: &Cmd) -> bool {
    c.program().is_some_and(|p| INTERPRETERS.contains(&p))
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    for (i, _, run) in cx.model.runs() {
        let cmds = &run.script.commands;
        let piped = run.script.pipelines().into_iter().any(|p| {
            let d = cmds[p.clone()].iter().position(downloads);
            d.is_some_and(|d| cmds[p.start + d + 1..p.end].iter().any(interpreter))
        });
        let substituted = cmds.iter().any(|c| {
            interpreter(c)
                && c.args().iter().any(|a| {
                    (a.starts_with("<(") || a.starts_with("$(") || a.starts_with('`'))
                        && (a.contains("curl") || a.contains("wget"))
                })
        });
        if piped || substituted {
            out.push(Hit::new(
                i,
                "a downloaded script runs unverified; download it to a file, check its sha256 (or signature), then run it",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DF042", "FROM a:1\nRUN curl -sL https://x | sudo -E bash -\n");
        catches("DF042", "FROM a:1\nRUN wget -qO- https://x | sh\n");
        catches("DF042", "FROM a:1\nRUN wget -O - https://x | sh\n");
        catches("DF042", "FROM a:1\nRUN bash <(curl -s https://x)\n");
        catches("DF042", "FROM a:1\nRUN sh -c \"$(curl -fsSL https://x)\"\n");
        catches("DF042", "FROM a:1\nRUN curl https://x | python3 -\n");
        passes("DF042", "FROM a:1\nRUN curl -fsSL https://x | tar -xz\n");
        passes("DF042", "FROM a:1\nRUN curl -o /tmp/x https://x && sh /tmp/x\n");
        passes(
            "DF042",
            "FROM a:1\nRUN curl -fsSL https://x | gpg --dearmor -o /k.gpg\n",
        );
    }
}
