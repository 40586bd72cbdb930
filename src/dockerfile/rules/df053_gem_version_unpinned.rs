//! DF053 (opt-in): `gem install` without a version.

use super::{Context, Hit};
use crate::dockerfile::packages::{self, Pm};

rule! {
    /// ## What it does
    /// Reports `gem install` without `-v`/`--version` or `<gem>:<version>`. Off by default; enable with
    /// `[rules] enable = ["DF053"]`.
    ///
    /// ## Why is this bad?
    /// The newest release is installed on every build, so builds of the same commit differ.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM ruby:3.3-slim
    /// RUN gem install bundler
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM ruby:3.3-slim
    /// RUN gem install bundler -v 2.5.16
    /// ```
    GemVersionUnpinned {
        id: "DF053",
        name: "gem-version-unpinned",
        severity: Note,
        summary: "gem install without a version.",
        twins: ["hadolint:DL3028"],
        cwe: ["CWE-1357"],
        security_severity: 1.0,
        enabled: false,
    }
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    for (i, _, run) in cx.model.runs() {
        for c in packages::installs(&run.script, Pm::Gem) {
            if c.has_flag("version", Some('v')) {
                continue;
            }
            let loose: Vec<&str> = c
                .operands
                .iter()
                .copied()
                .filter(|p| !p.contains(':') && !packages::is_variable(p) && !p.ends_with(".gem"))
                .collect();
            if !loose.is_empty() {
                out.push(Hit::new(
                    i,
                    format!(
                        "{} not pinned to a version; use `gem install <gem> -v <version>`",
                        loose.join(", ")
                    ),
                ));
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DF053", "FROM ruby:3\nRUN gem install rails\n");
        passes(
            "DF053",
            "FROM ruby:3\nRUN gem install rails -v 7.1 && gem install rake:13.2\n",
        );
    }
}
