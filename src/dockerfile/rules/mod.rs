//! Dockerfile rules: one file per rule, registered in [`RULES`]. A rule is a doc comment with the fixed
//! sections *What it does*, *Why is this bad?*, *Example* and *Use instead* (the same text `plimsoll explain`
//! prints and SARIF carries as help), its metadata (id, kebab-case name, severity, twins in other linters),
//! and a `check` function that reads the [`Model`] and pushes [`Hit`]s. Rules never look at pragmas or
//! configuration: the linter applies both once, after every rule ran.

use super::dockerignore::DockerIgnore;
use super::model::Model;
use crate::catalog::RuleInfo;
pub use crate::lint::Meta;
use std::cell::OnceCell;

/// Declares a Dockerfile rule: its doc comment becomes its documentation, and the `check` function of the
/// same module its logic (see [`crate::lint::declare_rule`]).
macro_rules! rule {
    ($($rule:tt)+) => {
        $crate::lint::declare_rule! {
            for $crate::dockerfile::rules::Rule, $crate::dockerfile::rules::Context<'_, '_>, $crate::dockerfile::rules::Hit;
            $($rule)+
        }
    };
}

mod df000_parse_error;
mod df001_last_user_root;
mod df002_base_image_unpinned;
mod df003_missing_user;
mod df004_base_image_not_digest_pinned;
mod df005_untrusted_registry;
mod df006_secret_in_arg_or_env;
mod df007_secret_file_copied;
mod df008_build_tools_in_final_image;
mod df009_copy_from_unknown_stage;
mod df010_copy_from_own_stage;
mod df011_duplicate_stage_name;
mod df012_stage_name_shadows_image;
mod df013_missing_healthcheck;
mod df014_multiple_healthchecks;
mod df015_full_distro_final_base;
mod df016_context_copied_before_deps;
mod df017_dockerignore_missing;
mod df018_dockerignore_incomplete;
mod df019_add_instead_of_copy;
mod df020_add_remote_url;
mod df021_apt_no_install_recommends;
mod df022_apt_get_missing_yes;
mod df023_apt_lists_not_cleaned;
mod df024_package_upgrade;
mod df025_apt_instead_of_apt_get;
mod df026_apk_no_cache;
mod df027_pip_no_cache_dir;
mod df028_yum_cache_not_cleaned;
mod df029_dnf_cache_not_cleaned;
mod df030_zypper_cache_not_cleaned;
mod df031_rpm_missing_yes;
mod df032_sudo;
mod df033_cd_instead_of_workdir;
mod df034_relative_workdir;
mod df035_shell_form_cmd;
mod df036_multiple_cmd;
mod df037_multiple_entrypoint;
mod df038_maintainer_deprecated;
mod df039_invalid_expose_port;
mod df040_ssh_port_exposed;
mod df041_pipe_without_pipefail;
mod df042_curl_pipe_shell;
mod df043_world_writable;
mod df044_tls_verification_disabled;
mod df045_signature_check_disabled;
mod df046_copy_multiple_sources_dest;
mod df047_onbuild_forbidden_trigger;
mod df048_package_update_alone;
mod df049_apt_version_unpinned;
mod df050_apk_version_unpinned;
mod df051_pip_version_unpinned;
mod df052_npm_version_unpinned;
mod df053_gem_version_unpinned;
mod df054_rpm_version_unpinned;
mod df055_password_set_in_run;
mod df056_healthcheck_needs_shell;

/// Id of the parse-error pseudo-rule.
pub const PARSE_ERROR_ID: &str = "DF000";

/// Every Dockerfile rule, in id order.
pub static RULES: &[&dyn Rule] = &[
    &df000_parse_error::ParseError,
    &df001_last_user_root::LastUserRoot,
    &df002_base_image_unpinned::BaseImageUnpinned,
    &df003_missing_user::MissingUser,
    &df004_base_image_not_digest_pinned::BaseImageNotDigestPinned,
    &df005_untrusted_registry::UntrustedRegistry,
    &df006_secret_in_arg_or_env::SecretInArgOrEnv,
    &df007_secret_file_copied::SecretFileCopied,
    &df008_build_tools_in_final_image::BuildToolsInFinalImage,
    &df009_copy_from_unknown_stage::CopyFromUnknownStage,
    &df010_copy_from_own_stage::CopyFromOwnStage,
    &df011_duplicate_stage_name::DuplicateStageName,
    &df012_stage_name_shadows_image::StageNameShadowsImage,
    &df013_missing_healthcheck::MissingHealthcheck,
    &df014_multiple_healthchecks::MultipleHealthchecks,
    &df015_full_distro_final_base::FullDistroFinalBase,
    &df016_context_copied_before_deps::ContextCopiedBeforeDeps,
    &df017_dockerignore_missing::DockerignoreMissing,
    &df018_dockerignore_incomplete::DockerignoreIncomplete,
    &df019_add_instead_of_copy::AddInsteadOfCopy,
    &df020_add_remote_url::AddRemoteUrl,
    &df021_apt_no_install_recommends::AptNoInstallRecommends,
    &df022_apt_get_missing_yes::AptGetMissingYes,
    &df023_apt_lists_not_cleaned::AptListsNotCleaned,
    &df024_package_upgrade::PackageUpgrade,
    &df025_apt_instead_of_apt_get::AptInsteadOfAptGet,
    &df026_apk_no_cache::ApkNoCache,
    &df027_pip_no_cache_dir::PipNoCacheDir,
    &df028_yum_cache_not_cleaned::YumCacheNotCleaned,
    &df029_dnf_cache_not_cleaned::DnfCacheNotCleaned,
    &df030_zypper_cache_not_cleaned::ZypperCacheNotCleaned,
    &df031_rpm_missing_yes::RpmMissingYes,
    &df032_sudo::Sudo,
    &df033_cd_instead_of_workdir::CdInsteadOfWorkdir,
    &df034_relative_workdir::RelativeWorkdir,
    &df035_shell_form_cmd::ShellFormCmd,
    &df036_multiple_cmd::MultipleCmd,
    &df037_multiple_entrypoint::MultipleEntrypoint,
    &df038_maintainer_deprecated::MaintainerDeprecated,
    &df039_invalid_expose_port::InvalidExposePort,
    &df040_ssh_port_exposed::SshPortExposed,
    &df041_pipe_without_pipefail::PipeWithoutPipefail,
    &df042_curl_pipe_shell::CurlPipeShell,
    &df043_world_writable::WorldWritable,
    &df044_tls_verification_disabled::TlsVerificationDisabled,
    &df045_signature_check_disabled::SignatureCheckDisabled,
    &df046_copy_multiple_sources_dest::CopyMultipleSourcesDest,
    &df047_onbuild_forbidden_trigger::OnbuildForbiddenTrigger,
    &df048_package_update_alone::PackageUpdateAlone,
    &df049_apt_version_unpinned::AptVersionUnpinned,
    &df050_apk_version_unpinned::ApkVersionUnpinned,
    &df051_pip_version_unpinned::PipVersionUnpinned,
    &df052_npm_version_unpinned::NpmVersionUnpinned,
    &df053_gem_version_unpinned::GemVersionUnpinned,
    &df054_rpm_version_unpinned::RpmVersionUnpinned,
    &df055_password_set_in_run::PasswordSetInRun,
    &df056_healthcheck_needs_shell::HealthcheckNeedsShell,
];

/// The printed form of an `ARG`/`ENV` instruction with secret-named values masked, if it sets any.
pub(crate) fn masked_snippet(ins: &super::model::Instr<'_, '_>) -> Option<String> {
    df006_secret_in_arg_or_env::masked_snippet(ins)
}

/// The build-context audit (DF017/DF018) as the project phase reruns it against a compose `build.context`.
pub(crate) mod context_audit {
    pub(crate) use super::df016_context_copied_before_deps::copies_whole_context;
    pub(crate) use super::df018_dockerignore_incomplete::{context_sources, message, ships};
    /// DF017's message.
    pub(crate) const MISSING_MESSAGE: &str = super::df017_dockerignore_missing::MESSAGE;
}

/// Whether a variable name says it holds a secret (`DB_PASSWORD`, `apiKey`; not `PASSWORD_FILE`). Shared by
/// DF006, the compose rules and the build-command rules.
pub(crate) fn secret_name(name: &str) -> bool {
    df006_secret_in_arg_or_env::secret_name(name)
}

/// `npmToken` / `NPM_AUTH-TOKEN` -> `["NPM", "AUTH", "TOKEN"]`.
pub(crate) fn name_parts(name: &str) -> Vec<String> {
    df006_secret_in_arg_or_env::split_name(name)
}

/// The fix for a secret passed as a build argument, worded the same by DF006, the compose rules and the
/// build-command rules.
pub(crate) const BUILD_SECRET_FIX: &str = df006_secret_in_arg_or_env::BUILD_SECRET_FIX;

/// The catalog entries of every Dockerfile rule.
pub fn catalog() -> Vec<RuleInfo> {
    RULES.iter().map(|r| r.meta().info()).collect()
}

/// Finds a rule by id (`DF001`) or name (`last-user-root`).
pub fn find(id_or_name: &str) -> Option<&'static dyn Rule> {
    crate::lint::find(RULES, id_or_name, |r| r.meta())
}

/// A Dockerfile rule.
pub trait Rule: Sync + Send {
    fn meta(&self) -> &'static Meta;
    fn check(&self, cx: &Context<'_, '_>, out: &mut Vec<Hit>);
}

/// Settings that change what rules report.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    /// Registries (or `registry/path` prefixes) base images may come from; empty = any.
    pub trusted_registries: Vec<String>,
}

/// The build context's ignore file, as far as plimsoll can tell.
#[derive(Debug)]
pub enum IgnoreFile {
    /// No context on disk (stdin, git blob) or it could not be read: context rules stay quiet.
    Unknown,
    Missing,
    Found(DockerIgnore),
}

/// What a rule sees.
pub struct Context<'m, 'a> {
    pub model: &'m Model<'m, 'a>,
    pub settings: &'m Settings,
    pub(crate) ignore_file: &'m OnceCell<IgnoreFile>,
    pub(crate) source: super::ContextSource<'m>,
    pub(crate) contexts: &'m super::context::ContextCache,
}

/// A problem at an instruction.
#[derive(Debug)]
pub struct Hit {
    /// Index into [`Model::instrs`].
    pub instr: usize,
    /// One line: what is wrong and how to fix it.
    pub message: String,
    /// Replaces the instruction text in the printed snippet (e.g. with a value masked).
    pub snippet: Option<String>,
}

impl Hit {
    pub fn new(instr: usize, message: impl Into<String>) -> Hit {
        Hit {
            instr,
            message: message.into(),
            snippet: None,
        }
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! `catches("DF002", "FROM debian:latest")` / `passes(...)`: run one rule over a Dockerfile.
    use super::*;
    use crate::dockerfile::model::Model;

    pub fn hits_with(id: &str, text: &str, settings: &Settings, ignore: IgnoreFile) -> Vec<Hit> {
        let rule = find(id).unwrap_or_else(|| panic!("no rule {id}"));
        let recovered = crate::dockerfile::parse_tolerant(text);
        let parsed_text = recovered.parsed_text();
        let (parsed, escape) =
            crate::dockerfile::parse(&parsed_text).unwrap_or_else(|e| panic!("does not parse: {e:?}\n{text}"));
        let model = Model::build_recovered(&recovered.text, &parsed_text, &parsed, escape, recovered.implicit);
        let cell = OnceCell::new();
        let _ = cell.set(ignore);
        let cx = Context {
            model: &model,
            settings,
            ignore_file: &cell,
            source: crate::dockerfile::ContextSource::None,
            contexts: &Default::default(),
        };
        let mut out = Vec::new();
        rule.check(&cx, &mut out);
        out.retain(|h| !model.instrs[h.instr].synthetic);
        out
    }

    pub fn hits(id: &str, text: &str) -> Vec<Hit> {
        hits_with(id, text, &Settings::default(), IgnoreFile::Unknown)
    }

    /// Asserts the rule reports something; returns the 1-based lines it reported.
    #[track_caller]
    pub fn catches(id: &str, text: &str) -> Vec<usize> {
        let h = hits(id, text);
        crate::lint::testing::assert_catches(id, text, &h);
        lines(text, &h)
    }

    #[track_caller]
    pub fn passes(id: &str, text: &str) {
        crate::lint::testing::assert_passes(id, text, &hits(id, text));
    }

    pub fn lines(text: &str, hits: &[Hit]) -> Vec<usize> {
        let recovered = crate::dockerfile::parse_tolerant(text);
        let parsed_text = recovered.parsed_text();
        let (parsed, escape) = crate::dockerfile::parse(&parsed_text).unwrap();
        let model = Model::build_recovered(&recovered.text, &parsed_text, &parsed, escape, recovered.implicit);
        let index = crate::position::LineIndex::new(text);
        hits.iter()
            .map(|h| index.line(model.instrs[h.instr].span.start))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::testing::*;
    use super::*;

    const SECTIONS: [&str; 4] = ["## What it does", "## Why is this bad?", "## Example", "## Use instead"];

    #[test]
    fn ids_names_and_docs_are_well_formed() {
        let metas: Vec<&Meta> = RULES.iter().map(|r| r.meta()).collect();
        crate::lint::testing::assert_rule_table(&metas, "DF", &SECTIONS);
        for (n, m) in metas.iter().enumerate() {
            assert_eq!(m.id, format!("DF{n:03}"), "rules are listed in id order without gaps");
            for t in m.twins {
                let (tool, _) = t.split_once(':').unwrap_or(("", ""));
                assert!(["hadolint", "trivy", "checkov"].contains(&tool), "{}: twin {t}", m.id);
            }
            assert!(
                m.markdown().contains("```dockerfile"),
                "{} docs have no Dockerfile example",
                m.id
            );
        }
        assert!(RULES.len() > 40, "the issue asks for at least 40 rules");
    }

    /// The first ```dockerfile block after `section`.
    fn example(md: &str, section: &str) -> Option<String> {
        let after = &md[md.find(section)? + section.len()..];
        let start = after.find("```dockerfile")? + "```dockerfile".len();
        let body = &after[start..];
        Some(body[..body.find("```")?].trim_start_matches('\n').to_string())
    }

    /// Rules whose examples need a build context or settings; they have their own tests.
    const CONTEXT_RULES: [&str; 4] = ["DF000", "DF005", "DF017", "DF018"];

    #[test]
    fn every_rule_catches_its_example_and_passes_its_fix() {
        for r in RULES {
            let m = r.meta();
            if CONTEXT_RULES.contains(&m.id) {
                continue;
            }
            let md = m.markdown();
            let bad = example(&md, "## Example").unwrap_or_else(|| panic!("{}: no example", m.id));
            let good = example(&md, "## Use instead").unwrap_or_else(|| panic!("{}: no fix", m.id));
            assert!(
                !hits(m.id, &bad).is_empty(),
                "{} does not catch its own example:\n{bad}",
                m.id
            );
            let h = hits(m.id, &good);
            assert!(h.is_empty(), "{} flags its own fix:\n{good}\n{h:?}", m.id);
        }
    }

    #[test]
    fn messages_are_one_line() {
        for r in RULES {
            let md = r.meta().markdown();
            if let Some(bad) = example(&md, "## Example")
                && crate::dockerfile::parse(&bad).is_ok()
            {
                for h in hits(r.meta().id, &bad) {
                    assert!(!h.message.contains('\n') && !h.message.is_empty(), "{}", r.meta().id);
                }
            }
        }
    }
}

/// Reports every instruction `is` matches after the first one in the same stage (ONBUILD triggers
/// excluded): only the last of them takes effect.
pub(crate) fn later_duplicates(
    cx: &Context<'_, '_>,
    out: &mut Vec<Hit>,
    is: impl Fn(&parse_dockerfile::Instruction<'_>) -> bool,
    keyword: &str,
) {
    for s in &cx.model.stages {
        let matching: Vec<usize> = cx
            .model
            .body(s.index)
            .filter(|(_, ins)| is(ins.inner))
            .map(|(i, _)| i)
            .collect();
        let Some(&last) = matching.last() else { continue };
        let last_line = cx.model.text[..cx.model.instrs[last].span.start].matches('\n').count() + 1;
        for &i in &matching[1..] {
            out.push(Hit::new(
                i,
                format!(
                    "more than one {keyword} in this stage and only the last (line {last_line}) takes effect; keep one"
                ),
            ));
        }
    }
}

/// Shared check of the "package cache left in the layer" rules: in shipped stages, a `RUN` that installs
/// with one of `programs` must clean (`<program> clean all`, or `rm` of one of `dirs`) in the same `RUN`,
/// unless a mount covers one of `dirs`.
pub(crate) fn cache_not_cleaned(
    cx: &Context<'_, '_>,
    out: &mut Vec<Hit>,
    pm: super::packages::Pm,
    programs: &[&str],
    dirs: &[&str],
    fix: &str,
) {
    let m = cx.model;
    for (i, _, run) in m.runs() {
        if !m.ships(i) || dirs.iter().any(|d| run.mounted(d)) {
            continue;
        }
        let calls = super::packages::calls(&run.script, pm);
        let installs = calls.iter().any(|c| programs.contains(&c.program) && c.is_install());
        if !installs {
            continue;
        }
        let cleaned = calls
            .iter()
            .any(|c| programs.contains(&c.program) && matches!(c.sub, "clean" | "cc"))
            || dirs.iter().any(|d| super::packages::removes(&run.script, d));
        if !cleaned {
            out.push(Hit::new(
                i,
                format!("the package cache stays in this layer; end the same RUN with `{fix}`"),
            ));
        }
    }
}

/// Shared check of the opt-in version-pinning rules: reports the first install call of `pm` (run by one of
/// `programs`, or any when empty) with a package operand that `pinned` rejects.
pub(crate) fn unpinned_packages(
    cx: &Context<'_, '_>,
    out: &mut Vec<Hit>,
    pm: super::packages::Pm,
    programs: &[&str],
    pinned: fn(&str) -> bool,
    syntax: &str,
) {
    for (i, _, run) in cx.model.runs() {
        let calls = super::packages::installs(&run.script, pm);
        let loose: Vec<&str> = calls
            .iter()
            .filter(|c| programs.is_empty() || programs.contains(&c.program))
            .flat_map(|c| c.operands.iter().copied())
            .filter(|p| !super::packages::is_variable(p) && !pinned(p))
            .collect();
        if !loose.is_empty() {
            out.push(Hit::new(
                i,
                format!("{} not pinned to a version; pin as `{syntax}`", loose.join(", ")),
            ));
        }
    }
}
