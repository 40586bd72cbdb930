//! What a build context really ships, decided once every file has been seen:
//!
//! - **A compose `build.context`** decides the context of the Dockerfile it builds. The walk linted that
//!   Dockerfile against its own directory (it could not know the compose file yet), so DF017 and DF018 are
//!   judged again here against each compose context that differs, and replace the walk's verdicts. Listing
//!   those contexts and reading their `.dockerignore` is the one place the project phase touches the disk:
//!   no fact can hold a directory nobody had asked about.
//! - **A secret in a shipped file**: a secret finding in a file that a `COPY`/`ADD` of a shipped stage puts
//!   into an image (selected by its sources, kept by the `.dockerignore`) names those instructions, in its
//!   message and in [`Finding::baked_into`].

use super::Configured;
use crate::dockerfile::context::{self, ContextListing, SourceMatcher};
use crate::dockerfile::dockerignore::DockerIgnore;
use crate::dockerfile::rules::context_audit;
use crate::facts::{BuildContextFact, ComposeServiceFact, CopyFact, DockerfileFact, IgnoreFact};
use crate::finding::{Category, Finding, Fingerprint, Suppression};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The context rules as configured (`None`: off).
#[derive(Clone, Debug)]
pub(super) struct ContextRules {
    pub missing: Option<Configured>,
    pub incomplete: Option<Configured>,
}

/// One context a Dockerfile is built with, and who says so (`None`: the Dockerfile itself).
struct BuiltWith<'f> {
    dir: PathBuf,
    ignore: IgnoreFact,
    by: Option<&'f ComposeServiceFact>,
}

/// Runs both parts (see the module docs) over the Dockerfiles and compose services of the walk.
pub(super) fn run(
    rules: &ContextRules,
    dockerfiles: &HashMap<PathBuf, DockerfileFact>,
    services: &[ComposeServiceFact],
    findings: &mut Vec<Finding>,
) {
    let mut built: Vec<(&DockerfileFact, &BuildContextFact, Vec<BuiltWith<'_>>)> = Vec::new();
    let mut by_compose: HashMap<&Path, Vec<&ComposeServiceFact>> = HashMap::new();
    for s in services {
        if let (Some(df), Some(_)) = (&s.dockerfile, &s.context_dir) {
            by_compose.entry(df.as_path()).or_default().push(s);
        }
    }
    let mut listings: HashMap<PathBuf, Arc<std::io::Result<ContextListing>>> = HashMap::new();
    let mut keys: Vec<&PathBuf> = dockerfiles.keys().collect();
    keys.sort();
    for key in keys {
        let df = &dockerfiles[key];
        let Some(own) = &df.context else { continue };
        let composed = by_compose
            .get(df.disk_path.as_path())
            .map(Vec::as_slice)
            .unwrap_or_default();
        let mut with: Vec<BuiltWith<'_>> = Vec::new();
        for s in composed {
            let dir = s.context_dir.clone().unwrap_or_default();
            if with.iter().any(|w| w.dir == dir) {
                continue;
            }
            let ignore = if dir == own.dir {
                own.ignore.clone()
            } else {
                match DockerIgnore::for_build(&df.disk_path, &dir) {
                    Ok(Some(d)) => IgnoreFact::Found(Arc::new(d)),
                    Ok(None) => IgnoreFact::Missing,
                    Err(_) => IgnoreFact::Unknown,
                }
            };
            with.push(BuiltWith {
                dir,
                ignore,
                by: Some(s),
            });
        }
        if with.is_empty() {
            with.push(BuiltWith {
                dir: own.dir.clone(),
                ignore: own.ignore.clone(),
                by: None,
            });
        } else if !(with.len() == 1 && with[0].dir == own.dir) {
            reaudit(rules, df, own, &with, &mut listings, findings);
        }
        built.push((df, own, with));
    }
    mark_baked_in(&built, findings);
}

/// Replaces the walk's DF017/DF018 findings on `df` with the verdicts for the compose contexts `with`.
fn reaudit(
    rules: &ContextRules,
    df: &DockerfileFact,
    own: &BuildContextFact,
    with: &[BuiltWith<'_>],
    listings: &mut HashMap<PathBuf, Arc<std::io::Result<ContextListing>>>,
    findings: &mut Vec<Finding>,
) {
    findings.retain(|f| !(f.path == df.path && matches!(&*f.rule_id, "DF017" | "DF018")));
    for copy in &own.copies {
        let mut missing: Vec<String> = Vec::new();
        let mut incomplete: Vec<String> = Vec::new();
        for w in with {
            let why = match w.by {
                Some(s) => format!(
                    "build context `{}` of compose service `{}` in {}",
                    shown(&w.dir),
                    s.name,
                    s.file
                ),
                None => format!("build context `{}`", shown(&w.dir)),
            };
            let ignore = match &w.ignore {
                IgnoreFact::Unknown => continue,
                IgnoreFact::Missing => None,
                IgnoreFact::Found(d) => Some(d),
            };
            if rules.missing.is_some() && copy.whole_context && ignore.is_none() {
                missing.push(why.clone());
            }
            if rules.incomplete.is_none() || !copy.ships {
                continue;
            }
            let listing = listings
                .entry(w.dir.clone())
                .or_insert_with(|| Arc::new(ContextListing::list(on_disk(&w.dir))))
                .clone();
            let Ok(listing) = listing.as_ref() else { continue };
            let shipped: Vec<(String, &'static str)> = context::shipped_sensitive(listing, &copy.sources, &|rel| {
                ignore.is_none_or(|d| !d.excludes(rel.trim_end_matches('/')))
            });
            if !shipped.is_empty() {
                let msg = context_audit::message(&shipped, ignore.map(|d| d.path()));
                incomplete.push(format!("{msg} ({why})"));
            }
        }
        if let (Some(rule), false) = (&rules.missing, missing.is_empty()) {
            let msg = format!("{} ({})", context_audit::MISSING_MESSAGE, missing.join("; "));
            findings.push(copy_finding(rule, df, copy, msg));
        }
        if let (Some(rule), false) = (&rules.incomplete, incomplete.is_empty()) {
            findings.push(copy_finding(rule, df, copy, incomplete.join("; ")));
        }
    }
}

/// A normalized directory as the file system takes it (the current directory normalizes to ``).
fn on_disk(dir: &Path) -> &Path {
    if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    }
}

/// A context directory as messages show it (`.` for the current directory).
fn shown(dir: &Path) -> String {
    if dir.as_os_str().is_empty() {
        ".".to_string()
    } else {
        crate::fsutil::display_path(dir)
    }
}

/// A Dockerfile finding of `rule` at `copy`, fingerprinted as the linter fingerprints it, so a baseline
/// entry made before the compose file existed still matches.
fn copy_finding(rule: &Configured, df: &DockerfileFact, copy: &CopyFact, message: String) -> Finding {
    let suppressed = copy
        .silenced
        .iter()
        .find(|(id, _, _)| **id == *rule.id)
        .map(|(_, line, reason)| Suppression::inline(&df.path, *line, reason.clone()));
    Finding {
        rule_id: rule.id.clone(),
        rule_name: rule.name.clone(),
        severity: rule.severity,
        category: Category::Dockerfile,
        path: df.path.clone(),
        span: copy.span,
        message,
        secret: None,
        snippet: Some(copy.snippet.clone()),
        fingerprint: Fingerprint::new(&rule.id, copy.text.as_bytes(), &df.path),
        confidence: None,
        commit: None,
        other_locations: Vec::new(),
        baked_into: Vec::new(),
        suppressed,
    }
}

/// Fills in [`Finding::baked_into`] (and says so in the message) for every secret finding in a file that a
/// shipped `COPY`/`ADD` of some Dockerfile puts into its image.
fn mark_baked_in(built: &[(&DockerfileFact, &BuildContextFact, Vec<BuiltWith<'_>>)], findings: &mut [Finding]) {
    // Context directory -> (Dockerfile, its copies, the ignore file that applies), so each finding looks up
    // only the contexts its path lies in: one lookup per ancestor directory.
    let mut by_dir: HashMap<&Path, Vec<(&DockerfileFact, &BuildContextFact, &IgnoreFact)>> = HashMap::new();
    for (df, own, with) in built {
        for w in with {
            if !matches!(w.ignore, IgnoreFact::Unknown) && own.copies.iter().any(|c| c.ships) {
                by_dir.entry(w.dir.as_path()).or_default().push((df, own, &w.ignore));
            }
        }
    }
    if by_dir.is_empty() {
        return;
    }
    let mut matchers: HashMap<(&Path, usize), Vec<SourceMatcher>> = HashMap::new();
    for f in findings.iter_mut().filter(|f| f.category == Category::Secret) {
        let path = crate::fsutil::normalize_path(Path::new(&f.path));
        let mut baked: Vec<String> = Vec::new();
        for dir in path.ancestors().skip(1) {
            let Some(users) = by_dir.get(dir) else { continue };
            let Some(rel) = path.strip_prefix(dir).ok().and_then(Path::to_str) else {
                continue;
            };
            let rel = rel.replace('\\', "/");
            for (df, own, ignore) in users {
                if let IgnoreFact::Found(d) = ignore
                    && d.excludes(&rel)
                {
                    continue;
                }
                for (k, copy) in own.copies.iter().enumerate().filter(|(_, c)| c.ships) {
                    let m = matchers
                        .entry((df.disk_path.as_path(), k))
                        .or_insert_with(|| copy.sources.iter().filter_map(|s| SourceMatcher::new(s)).collect());
                    let at = format!("{}:{}", df.path, copy.span.line);
                    if m.iter().any(|m| m.selects(&rel)) && !baked.contains(&at) {
                        baked.push(at);
                    }
                }
            }
        }
        if baked.is_empty() {
            continue;
        }
        baked.sort();
        let (bakes, images, them) = if baked.len() == 1 {
            ("bakes", "the image", "it")
        } else {
            ("bake", "images", "them")
        };
        f.message.push_str(&format!(
            " — COPY/ADD in {} {bakes} this file into {images}: rebuild {them} once it is revoked, and exclude the file in .dockerignore",
            baked.join(", ")
        ));
        f.baked_into = baked;
    }
}
