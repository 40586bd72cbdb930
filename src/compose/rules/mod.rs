//! Compose rules: one file per rule, registered in [`RULES`]. Like the Dockerfile rules, a rule is a doc
//! comment with the fixed sections *What it does*, *Why is this bad?*, *Example*, *Use instead* and
//! *References* (what `plimsoll explain` prints and SARIF carries as help), its metadata (id, kebab-case
//! name, severity, twins in KICS and compose-lint) and a `check` function that reads the
//! [`ComposeFile`] and pushes [`Hit`]s. Pragmas and configuration are applied by the linter, after the
//! rules ran.
//!
//! Rules that need another file (the Dockerfile a service builds, a `.env` file's git status) are project
//! rules in [`crate::project`]; their metadata lives here too so every compose rule has one catalog.

use super::model::{ComposeFile, Region, Service};
use super::yaml::Node;
use crate::catalog::RuleInfo;
use crate::finding::Category;
use crate::lint::Meta;
use std::ops::Range;

/// Declares a compose rule (see the module docs and [`crate::lint::declare_rule`]).
macro_rules! rule {
    ($($rule:tt)+) => {
        $crate::lint::declare_rule! {
            for $crate::compose::rules::Rule, $crate::compose::rules::Context<'_>, $crate::compose::rules::Hit;
            $($rule)+
        }
    };
}

mod dc000_parse_error;
mod dc001_missing_healthcheck;
mod dc002_depends_on_not_healthy;
mod dc003_literal_host_port;
mod dc004_datastore_port_on_all_interfaces;
mod dc005_privileged;
mod dc006_dangerous_capability;
mod dc007_docker_socket_mounted;
mod dc008_host_namespace;
mod dc009_security_profile_disabled;
mod dc010_sensitive_host_path;
mod dc011_image_unpinned;
mod dc012_secret_in_environment;
mod dc013_no_new_privileges_unset;
mod dc014_writable_root_filesystem;
mod dc015_runs_as_root;
mod dc016_no_resource_limits;
mod dc017_secret_build_arg;
mod dc018_missing_compose_file;

pub use dc012_secret_in_environment::literal_secret;

/// Id of the parse-error pseudo-rule.
pub const PARSE_ERROR_ID: &str = "DC000";

/// Every compose rule, in id order. Project rules (DC001, DC017) and the linter's own reference check
/// (DC018) have no per-file check.
pub static RULES: &[&dyn Rule] = &[
    &dc000_parse_error::ParseError,
    &dc001_missing_healthcheck::MissingHealthcheck,
    &dc002_depends_on_not_healthy::DependsOnNotHealthy,
    &dc003_literal_host_port::LiteralHostPort,
    &dc004_datastore_port_on_all_interfaces::DatastorePortOnAllInterfaces,
    &dc005_privileged::Privileged,
    &dc006_dangerous_capability::DangerousCapability,
    &dc007_docker_socket_mounted::DockerSocketMounted,
    &dc008_host_namespace::HostNamespace,
    &dc009_security_profile_disabled::SecurityProfileDisabled,
    &dc010_sensitive_host_path::SensitiveHostPath,
    &dc011_image_unpinned::ImageUnpinned,
    &dc012_secret_in_environment::SecretInEnvironment,
    &dc013_no_new_privileges_unset::NoNewPrivilegesUnset,
    &dc014_writable_root_filesystem::WritableRootFilesystem,
    &dc015_runs_as_root::RunsAsRoot,
    &dc016_no_resource_limits::NoResourceLimits,
    &dc017_secret_build_arg::SecretBuildArg,
    &dc018_missing_compose_file::MissingComposeFile,
];

/// Ids of the rules that run in the project phase, over facts from several files.
pub const PROJECT_RULES: &[&str] = &["DC001", "DC017"];

/// A compose rule.
pub trait Rule: Sync + Send {
    fn meta(&self) -> &'static Meta;
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Hit>);
}

/// The catalog entry of a compose rule.
pub fn info(meta: &Meta) -> RuleInfo {
    let mut info = meta.info();
    info.category = Category::Compose;
    info.tags[0] = "compose".to_string();
    info
}

/// The catalog entries of every compose rule.
pub fn catalog() -> Vec<RuleInfo> {
    RULES.iter().map(|r| info(r.meta())).collect()
}

/// Finds a rule by id (`DC005`, any case) or name (`privileged`).
pub fn find(id_or_name: &str) -> Option<&'static dyn Rule> {
    crate::lint::find(RULES, id_or_name, |r| r.meta())
}

/// Whether a variable's name says it *holds* a secret: a secret name (as DF006 reads names) that ends
/// with the secret word (`MYSQL_ROOT_PASSWORD`, `WIREGUARD_PRIVATE_KEY`), so names that merely mention one
/// (`SECRET_FORCED_LANGUAGE`, `…_SECRET_PARAM_BOOTSTRAP_SERVERS`) are not taken for secrets.
pub fn holds_secret(name: &str) -> bool {
    const LAST: &[&str] = &[
        "PASSWORD",
        "PASSWD",
        "PASS",
        "PWD",
        "SECRET",
        "SECRETS",
        "TOKEN",
        "APIKEY",
        "KEY",
        "CREDENTIAL",
        "CREDENTIALS",
        "PASSPHRASE",
        "PRIVATEKEY",
        "AUTHTOKEN",
    ];
    crate::dockerfile::rules::secret_name(name)
        && crate::dockerfile::rules::name_parts(name)
            .last()
            .is_some_and(|l| LAST.contains(&l.as_str()))
}

/// What a rule sees.
pub struct Context<'a> {
    pub file: &'a ComposeFile<'a>,
    /// Byte ranges of the secrets the secrets engine found in this file.
    pub secrets: &'a [Range<usize>],
}

impl Context<'_> {
    /// Whether the secrets engine already reports a value written in `node`.
    pub fn secret_in(&self, node: &Node) -> bool {
        let (a, b) = (node.start.byte, node.end.byte.max(node.start.byte + 1));
        self.secrets.iter().any(|r| r.start < b && r.end > a)
    }
}

/// A problem at a place in the file.
#[derive(Debug, Clone)]
pub struct Hit {
    pub region: Region,
    /// One line: what is wrong and how to fix it (without the service name).
    pub message: String,
    /// The service it concerns; hits that differ only by service (a merged anchor) become one finding.
    pub service: Option<String>,
    /// What identifies the problem for the fingerprint besides rule and path (never a line number).
    pub content: String,
}

impl Hit {
    /// A hit on `service` at `node`.
    pub fn at(service: &Service<'_>, node: &Node, message: impl Into<String>, content: impl Into<String>) -> Hit {
        Hit {
            region: Region::of(node),
            message: message.into(),
            service: Some(service.name.to_string()),
            content: content.into(),
        }
    }

    /// A hit spanning a key and its value.
    pub fn at_entry(
        service: &Service<'_>,
        entry: &super::yaml::Entry,
        message: impl Into<String>,
        content: impl Into<String>,
    ) -> Hit {
        Hit {
            region: Region::span(&entry.key, &entry.value),
            message: message.into(),
            service: Some(service.name.to_string()),
            content: content.into(),
        }
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! `catches("DC005", yaml)` / `passes(...)`: run one rule over a compose file.
    use super::*;
    use crate::compose::yaml::parse;

    pub fn hits_with_secrets(id: &str, text: &str, secrets: &[Range<usize>]) -> Vec<Hit> {
        let rule = find(id).unwrap_or_else(|| panic!("no rule {id}"));
        let docs = parse(text).unwrap_or_else(|e| panic!("does not parse: {e}\n{text}"));
        let mut out = Vec::new();
        for doc in &docs {
            let Some(file) = ComposeFile::new(doc) else { continue };
            let cx = Context { file: &file, secrets };
            rule.check(&cx, &mut out);
        }
        out
    }

    pub fn hits(id: &str, text: &str) -> Vec<Hit> {
        hits_with_secrets(id, text, &[])
    }

    /// Asserts the rule reports something; returns the 1-based lines it reported.
    #[track_caller]
    pub fn catches(id: &str, text: &str) -> Vec<u32> {
        let h = hits(id, text);
        crate::lint::testing::assert_catches(id, text, &h);
        h.iter().map(|h| h.region.start.line).collect()
    }

    #[track_caller]
    pub fn passes(id: &str, text: &str) {
        crate::lint::testing::assert_passes(id, text, &hits(id, text));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_holding_names() {
        for n in [
            "MYSQL_ROOT_PASSWORD",
            "database__connection__password",
            "WIREGUARD_PRIVATE_KEY",
            "CHROME_TOKEN",
            "apiKey",
        ] {
            assert!(holds_secret(n), "{n}");
        }
        for n in [
            "SECRET_FORCED_LANGUAGE",
            "KAFKA_SECRET_PARAM_BOOTSTRAP_SERVERS",
            "PASSWORD_FILE",
            "TOKEN_URL",
            "NODE_ENV",
        ] {
            assert!(!holds_secret(n), "{n}");
        }
    }

    #[test]
    fn ids_are_unique_ordered_and_documented() {
        let metas: Vec<&Meta> = RULES.iter().map(|r| r.meta()).collect();
        crate::lint::testing::assert_rule_table(
            &metas,
            "DC",
            &[
                "## What it does",
                "## Why is this bad?",
                "## Example",
                "## Use instead",
                "## References",
            ],
        );
    }
}
