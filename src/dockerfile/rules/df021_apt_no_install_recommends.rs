//! DF021: `apt-get install` without `--no-install-recommends`.

use super::{Context, Hit};
use crate::dockerfile::packages::{self, Pm};

rule! {
    /// ## What it does
    /// Reports `apt-get install` (and `apt install`) without `--no-install-recommends` (or
    /// `-o APT::Install-Recommends=false`), unless an earlier `RUN` of the stage turned recommends off in
    /// the apt configuration.
    ///
    /// ## Why is this bad?
    /// Recommended packages are installed by default: often tens of megabytes of documentation, X11
    /// libraries and tools nobody asked for, each one more thing to patch.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12-slim
    /// RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12-slim
    /// RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
    /// ```
    AptNoInstallRecommends {
        id: "DF021",
        name: "apt-no-install-recommends",
        severity: Note,
        summary: "apt-get install without --no-install-recommends.",
        twins: ["hadolint:DL3015", "trivy:DS029"],
        cwe: ["CWE-1104"],
        security_severity: 1.0,
        enabled: true,
    }
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    let m = cx.model;
    let mut configured_stages: Vec<usize> = Vec::new();
    for (i, ins, run) in m.runs() {
        if m.is_windows(i) {
            continue;
        }
        let stage = ins.stage.unwrap_or(0);
        let configured = m.lineage(stage).iter().any(|s| configured_stages.contains(s));
        let missing = packages::installs(&run.script, Pm::Apt).into_iter().any(|c| {
            // aptitude spells it `--without-recommends` / `-R`.
            let aptitude_off = c.program == "aptitude" && c.has_flag("without-recommends", Some('R'));
            let config_off = c
                .args
                .iter()
                .any(|a| a.contains("Install-Recommends=false") || a.contains("Install-Recommends=0"));
            !(c.has_flag("no-install-recommends", None) || aptitude_off || config_off)
        });
        if missing && !configured {
            out.push(Hit::new(
                i,
                "apt-get install pulls in recommended packages; add `--no-install-recommends` (aptitude: `--without-recommends`)",
            ));
        }
        if run.shell_text.contains("Install-Recommends") {
            configured_stages.push(stage);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DF021", "FROM debian:12\nRUN apt-get install -y curl\n");
        catches("DF021", "FROM debian:12\nRUN apt install -y curl\n");
        catches("DF021", "FROM debian:12\nONBUILD RUN apt-get install -y curl\n");
        catches(
            "DF021",
            "FROM debian:12\nRUN <<EOF\nset -e\napt-get install -y curl\nEOF\n",
        );
        passes(
            "DF021",
            "FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n",
        );
        passes(
            "DF021",
            "FROM debian:12\nRUN apt-get -o APT::Install-Recommends=false install -y curl\n",
        );
        passes(
            "DF021",
            "FROM debian:12\nRUN echo 'APT::Install-Recommends \"0\";' > /etc/apt/apt.conf.d/no-rec\nRUN apt-get install -y curl\n",
        );
        passes(
            "DF021",
            "FROM debian:12\nRUN [\"apt-get\", \"install\", \"-y\", \"curl\"]\n",
        );
        passes(
            "DF021",
            "FROM debian:12\nRUN python3 <<EOF\nimport os\nos.system('apt-get install x')\nEOF\n",
        );
    }
}
