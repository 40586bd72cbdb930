//! DC017: a secret passed as a build argument (`build.args`). The project phase names the Dockerfile `ARG`
//! it feeds and drops DF006 on that `ARG`, so the secret is reported once, here.

use super::holds_secret;
use super::{Context, Hit};
use crate::dockerfile::rules::BUILD_SECRET_FIX;

rule! {
    /// ## What it does
    /// Reports `build.args` entries (list or mapping form) whose name says they hold a secret, whatever the
    /// value: a literal, `${NPM_TOKEN}` from the environment, or no value (passed through). When the
    /// Dockerfile the service builds is scanned too, the finding names the `ARG` it feeds and stands for
    /// DF006 on that `ARG`. Values the secrets engine already reports as a credential get that finding only.
    ///
    /// ## Why is this bad?
    /// Build arguments are recorded in the image: `docker history` and the build cache show them to anyone
    /// who can pull the image, and provenance attestations publish them. BuildKit secrets are mounted for
    /// one `RUN` and never stored.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   web:
    ///     build:
    ///       context: .
    ///       args:
    ///         NPM_TOKEN: ${NPM_TOKEN}
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   web:
    ///     build:
    ///       context: .
    ///       secrets: [npm_token]    # RUN --mount=type=secret,id=npm_token in the Dockerfile
    /// secrets:
    ///   npm_token:
    ///     environment: NPM_TOKEN
    /// ```
    ///
    /// ## References
    /// - <https://docs.docker.com/build/building/secrets/>
    /// - <https://docs.docker.com/reference/compose-file/build/#secrets>
    SecretBuildArg {
        id: "DC017",
        name: "secret-build-arg",
        severity: Warning,
        summary: "A secret is passed as a build argument.",
        twins: ["trivy:DS031"],
        cwe: ["CWE-522", "CWE-798"],
        security_severity: 7.0,
        enabled: true,
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Hit>) {
    for s in &cx.file.services {
        let Some(build) = s.build() else { continue };
        for a in &build.args {
            if !holds_secret(&a.name) {
                continue;
            }
            if a.value_node.is_some_and(|n| cx.secret_in(n)) {
                continue;
            }
            out.push(Hit {
                region: a.region(),
                message: format!(
                    "build argument {} looks like a secret and stays in the image history; {BUILD_SECRET_FIX} (compose `build.secrets`)",
                    a.name
                ),
                service: Some(s.name.to_string()),
                content: format!("arg:{}", a.name),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        assert_eq!(
            catches(
                "DC017",
                "services:\n  a:\n    build:\n      context: .\n      args:\n        NPM_TOKEN: ${NPM_TOKEN}\n"
            ),
            [6]
        );
        catches(
            "DC017",
            "services:\n  a:\n    build:\n      args:\n        - GITHUB_TOKEN\n",
        );
        catches(
            "DC017",
            "services:\n  a:\n    build:\n      args: [\"DB_PASSWORD=x\"]\n",
        );
        passes(
            "DC017",
            "services:\n  a:\n    build:\n      args:\n        VERSION: 1.2\n        TOKEN_URL: https://x\n",
        );
        passes(
            "DC017",
            "services:\n  a:\n    build: .\n    environment:\n      NPM_TOKEN: ${NPM_TOKEN}\n",
        );
    }
}
