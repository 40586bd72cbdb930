//! CI001: a secret passed to an image build as a build argument, in a CI file, script, Makefile or bake
//! file.

use super::Hit;
use super::commands::{BuildArg, Via};
use crate::dockerfile::rules::{BUILD_SECRET_FIX, secret_name};
use std::ops::Range;

crate::lint::declare_meta! {
    /// ## What it does
    /// Reads the image builds of GitHub Actions workflows (`run:` steps and the `build-args` input of
    /// `docker/build-push-action`), `.gitlab-ci.yml` `script:` lines, shell scripts, Makefiles and bake
    /// files (`args` of a target, HCL or JSON), and reports a build argument that carries a secret: its
    /// name says so (`NPM_TOKEN`, `DB_PASSWORD`, `apiKey`; the same names as DF006), or its value comes
    /// from one (`${{ secrets.X }}`, `$GITHUB_TOKEN`). Both `--build-arg NAME=value` and `--build-arg NAME`
    /// (value taken from the environment) count. A literal value the secrets engine already reports gets
    /// that finding only.
    ///
    /// ## Why is this bad?
    /// Build arguments are recorded in the image: `docker history` and the image configuration show the
    /// value to everyone who can pull the image, and the build cache keeps it. It makes no difference that
    /// the value came from the CI's secret store.
    ///
    /// ## Example
    /// ```text
    /// docker build --build-arg NPM_TOKEN=${{ secrets.NPM_TOKEN }} -t ghcr.io/acme/web:${{ github.sha }} .
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// NPM_TOKEN=${{ secrets.NPM_TOKEN }} docker build --secret id=npm_token,env=NPM_TOKEN -t ghcr.io/acme/web:${{ github.sha }} .
    /// # Dockerfile: RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci
    /// ```
    /// With `docker/build-push-action` use its `secrets:` input; in a bake file, `secret = ["id=npm_token,env=NPM_TOKEN"]`.
    ///
    /// ## References
    /// - <https://docs.docker.com/build/building/secrets/>
    /// - <https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/>
    /// - <https://github.com/docker/build-push-action#inputs>
    META {
        id: "CI001",
        name: "secret-build-arg-in-build-command",
        severity: Warning,
        summary: "A build command passes a secret as a build argument, which stays in the image history.",
        twins: [],
        cwe: ["CWE-522", "CWE-538"],
        security_severity: 7.0,
        enabled: true,
    }
}

/// Why `arg` carries a secret, if it does.
fn reason(arg: &BuildArg) -> Option<String> {
    let value = arg.value.as_deref().unwrap_or("");
    if let Some(p) = value.find("secrets.") {
        let name: String = value[p + "secrets.".len()..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        return Some(format!("gets the CI secret `{name}`"));
    }
    if let Some(var) = variable(value)
        && secret_name(var)
    {
        return Some(format!("gets the secret-named variable `${var}`"));
    }
    if secret_name(&arg.name) {
        return Some("is named like a secret".to_string());
    }
    None
}

/// The variable a value is made of, when it is only that: `$X`, `${X}`, `$(X)`, `${X:-default}`.
fn variable(value: &str) -> Option<&str> {
    let v = value.strip_prefix('$')?;
    let v = v.strip_prefix(['{', '(']).unwrap_or(v);
    let end = v
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(v.len());
    (end > 0).then(|| &v[..end])
}

/// How to pass the secret instead, for where it is written.
fn instead(arg: &BuildArg) -> String {
    let id = arg.name.to_ascii_lowercase();
    match arg.via {
        Via::Cli => format!("`docker build --secret id={id},env={}`", arg.name),
        Via::BuildPushAction => format!("the action's `secrets:` input (`{id}=${{{{ secrets.… }}}}`)"),
        Via::Bake => format!("`secret = [\"id={id},env={}\"]` in the target", arg.name),
    }
}

/// Reports every build argument of `args` that carries a secret; `secrets` are the byte ranges the secrets
/// engine reports in the file.
pub fn check(args: &[BuildArg], secrets: &[Range<usize>], out: &mut Vec<Hit>) {
    for a in args {
        if a.value.as_deref().is_some_and(|v| v.trim().is_empty()) {
            continue;
        }
        let Some(why) = reason(a) else { continue };
        let (s, e) = (a.range.start, a.range.end.max(a.range.start + 1));
        if secrets.iter().any(|r| r.start < e && r.end > s) {
            continue;
        }
        out.push(Hit {
            range: a.range.clone(),
            message: format!(
                "build argument `{}` {why} and stays in the image history; {BUILD_SECRET_FIX}, sent with {}",
                a.name,
                instead(a)
            ),
            content: format!("{}:{:?}", a.name, a.via),
        });
    }
}
