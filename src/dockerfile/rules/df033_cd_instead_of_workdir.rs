//! DF033: `RUN cd …` used to change directory.

use super::{Context, Hit};

rule! {
    /// ## What it does
    /// Reports a `RUN` whose first command is `cd`, including a `RUN cd dir` that does nothing else (and so
    /// does nothing at all).
    ///
    /// ## Why is this bad?
    /// The directory change lasts only for that `RUN`; readers (and the next instruction) expect it to
    /// stick. `WORKDIR` sets it for every following instruction and for the container, and creates the
    /// directory if needed.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM golang:1.22 AS build
    /// COPY . /src
    /// RUN cd /src && go build -o /out/app .
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM golang:1.22 AS build
    /// WORKDIR /src
    /// COPY . .
    /// RUN go build -o /out/app .
    /// ```
    ///
    /// ## Differences from hadolint
    /// hadolint's DL3003 reports a `cd` anywhere in the `RUN`; this rule only the leading one, on purpose (the
    /// hadolint-only findings on the real corpus: `mkdir -p /usr/src; cd /usr/src; curl …` inside a long script,
    /// `make && cd docs && make html`, `cd` in a subshell — none of them is one `WORKDIR`).
    CdInsteadOfWorkdir {
        id: "DF033",
        name: "cd-instead-of-workdir",
        severity: Note,
        summary: "RUN starts with cd; use WORKDIR.",
        twins: ["hadolint:DL3003", "trivy:DS013"],
        cwe: [],
        security_severity: 1.0,
        enabled: true,
    }
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    for (i, _, run) in cx.model.runs() {
        let first = run.script.commands.first();
        if first.is_some_and(|c| c.name() == Some("cd")) && !cx.model.is_windows(i) {
            let dir = first.and_then(|c| c.words.get(1)).map(String::as_str).unwrap_or("");
            let message = if run.script.commands.len() == 1 {
                format!("`RUN cd {dir}` alone does nothing: the next RUN starts in WORKDIR again; use `WORKDIR {dir}`")
            } else {
                format!("use `WORKDIR {dir}` instead of `cd {dir}` at the start of RUN")
            };
            out.push(Hit::new(i, message));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DF033", "FROM a:1\nRUN cd /app && make\n");
        passes("DF033", "FROM a:1\nRUN make && cd /tmp && rm -rf x\n");
        passes("DF033", "FROM a:1\nWORKDIR /app\nRUN make\n");
    }
}
