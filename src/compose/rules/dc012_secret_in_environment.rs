//! DC012: a secret-named `environment:` variable with a literal value.

use super::holds_secret;
use super::{Context, Hit};
use crate::compose::interp::{Modifier, Template};

rule! {
    /// ## What it does
    /// Reports `environment:` entries (list or mapping form) whose name says they hold a secret
    /// (`POSTGRES_PASSWORD`, `API_KEY`, `GITHUB_TOKEN`…; not `*_FILE`, `*_PATH`, `*_URL`…) and whose value is
    /// written in the file: a literal (`POSTGRES_PASSWORD: example`) or the default of an interpolation
    /// (`${DB_PASSWORD:-example}`). Values the secrets engine already reports as a credential get that
    /// finding only — one secret, one finding. Switches (`true`, `0`), file paths and template placeholders
    /// (`<password>`) are not secrets.
    ///
    /// ## Why is this bad?
    /// The value is committed with the file, so everyone who can read the repository (and its history)
    /// knows the password the deployment actually uses, and `docker inspect` shows it to anyone on the
    /// host. Even "example" passwords become production passwords when the file is deployed as is.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   db:
    ///     image: postgres:17
    ///     environment:
    ///       POSTGRES_PASSWORD: example
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   db:
    ///     image: postgres:17
    ///     environment:
    ///       POSTGRES_PASSWORD_FILE: /run/secrets/db_password
    ///     secrets: [db_password]
    /// secrets:
    ///   db_password:
    ///     environment: DB_PASSWORD   # or file: ./db_password.txt, git-ignored
    /// ```
    ///
    /// ## References
    /// - <https://docs.docker.com/compose/how-tos/use-secrets/>
    /// - <https://docs.docker.com/compose/how-tos/environment-variables/best-practices/>
    ///
    /// ## Differences from compose-lint
    /// On compose-real CL-0020 and DC012 agree on 197 services (254 lines). Of the 45 lines only compose-lint
    /// reports: values the secrets engine reports (`DRONE_RPC_SECRET=8aff…`, `PAPERLESS_SECRET_KEY`, a MinIO
    /// root password) are one finding here, the secret rule's, never two; placeholders (`<MY-CF-API-TOKEN>`)
    /// are not secrets; names that are not secrets (`SECRET_FORCED_LANGUAGE`, `SECRET_PATH`,
    /// `SECRET_LOCAL_HOSTNAME`); and passwords in `command:`/`healthcheck:` arguments (`--requirepass …`,
    /// `PGPASSWORD=…`), which this rule does not read (the secrets engine reads them as text).
    SecretInEnvironment {
        id: "DC012",
        name: "secret-in-environment",
        severity: Warning,
        summary: "A secret-named environment variable has a literal value in the compose file.",
        twins: ["compose-lint:CL-0020"],
        cwe: ["CWE-798"],
        security_severity: 7.0,
        enabled: true,
    }
}

/// A value that is a switch, a number, a path or a placeholder, not a secret.
fn is_not_a_secret(v: &str) -> bool {
    let t = v.trim();
    let l = t.to_ascii_lowercase();
    t.is_empty()
        || matches!(
            l.as_str(),
            "true" | "false" | "yes" | "no" | "on" | "off" | "none" | "null"
        )
        || t.chars().all(|c| c.is_ascii_digit())
        || t.starts_with('/')
        || t.starts_with("./")
        || (t.starts_with('<') && t.ends_with('>'))
        || (t.starts_with('[') && t.ends_with(']'))
}

/// The secret written in a value: the literal itself, or the default of `${VAR:-default}`; `None` when
/// the value comes from outside the file.
pub fn literal_secret(value: &str) -> Option<(String, bool)> {
    let t = Template::parse(value);
    if let Some(lit) = t.literal() {
        return (!is_not_a_secret(&lit)).then_some((lit, false));
    }
    // `${DB_PASSWORD:-example}`: the default is what runs when nobody sets the variable.
    let vars = t.vars();
    if vars.len() == 1 && vars[0].modifier == Modifier::Default {
        let d = Template::parse(&vars[0].argument).literal()?;
        return (!is_not_a_secret(&d)).then_some((d, true));
    }
    None
}

fn check(cx: &Context<'_>, out: &mut Vec<Hit>) {
    for s in &cx.file.services {
        for v in s.environment() {
            if !holds_secret(&v.name) {
                continue;
            }
            let (Some(value), Some(node)) = (v.value.as_deref(), v.value_node) else {
                continue;
            };
            let Some((_, is_default)) = literal_secret(value) else {
                continue;
            };
            if cx.secret_in(node) {
                continue;
            }
            let what = if is_default {
                "has a default value written in the compose file"
            } else {
                "has a literal value in the compose file"
            };
            out.push(Hit {
                region: v.region(),
                message: format!(
                    "environment variable {} looks like a secret and {what}; pass it with `secrets:` or as `${{{}}}` from an untracked .env",
                    v.name, v.name
                ),
                service: Some(s.name.to_string()),
                content: format!("env:{}", v.name),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, hits_with_secrets, passes};

    #[test]
    fn table() {
        assert_eq!(
            catches(
                "DC012",
                "services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: example\n"
            ),
            [4]
        );
        catches(
            "DC012",
            "services:\n  db:\n    environment:\n      - MYSQL_ROOT_PASSWORD=root\n",
        );
        catches(
            "DC012",
            "services:\n  db:\n    environment:\n      API_KEY: \"${API_KEY:-dev-key-123}\"\n",
        );
        catches(
            "DC012",
            "x-env: &env\n  environment:\n    SECRET_KEY: abc\nservices:\n  a:\n    <<: *env\n",
        );
        passes(
            "DC012",
            "services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n",
        );
        passes(
            "DC012",
            "services:\n  db:\n    environment:\n      - POSTGRES_PASSWORD\n",
        );
        passes(
            "DC012",
            "services:\n  db:\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/pw\n",
        );
        passes(
            "DC012",
            "services:\n  db:\n    environment:\n      POSTGRES_HOST_AUTH_METHOD: trust\n      DB_PASSWORD: \"\"\n",
        );
        passes(
            "DC012",
            "services:\n  db:\n    environment:\n      REQUIRE_PASSWORD: \"false\"\n",
        );
        passes(
            "DC012",
            "services:\n  db:\n    environment:\n      PASSWORD: ${PASSWORD:?set it}\n",
        );
    }

    #[test]
    fn one_secret_one_finding() {
        let text = "services:\n  a:\n    environment:\n      GITHUB_TOKEN: ghp_notrealnotrealnotrealnotrealnotreal1\n";
        let start = text.find("ghp_").unwrap();
        let found = std::iter::once(start..start + 40).collect::<Vec<_>>();
        assert!(hits_with_secrets("DC012", text, &found).is_empty());
    }
}
