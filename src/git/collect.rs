//! The git collector: one finding per (rule, secret), however many commits and files it appears in.
//!
//! Every place a secret was seen is a [`Sighting`] ordered by when it happened (topological commit index).
//! The earliest sighting becomes the finding, with that commit's metadata; every other path where the same
//! secret was seen becomes one entry of `other_locations` (its earliest sighting there).

use super::repo::commit_meta;
use crate::finding::{Commit, Finding, Fingerprint, Location};
use gix::ObjectId;
use std::collections::{HashMap, HashSet};

/// One place (path, position, commit) where a finding was seen.
pub(super) struct Sighting {
    finding: Finding,
    commit: Option<ObjectId>,
    /// Position of the commit in topological order (parents first).
    order: u64,
}

impl Sighting {
    /// `finding` as seen at `path` in `commit`. The fingerprint is recomputed for the path, so the same
    /// secret in the same file fingerprints the same whichever commit or line it came from.
    pub(super) fn at(finding: &Finding, path: String, commit: Option<ObjectId>, order: u64) -> Sighting {
        let mut finding = finding.clone();
        if finding.path != path {
            let content = finding
                .secret
                .as_ref()
                .map(|s| s.raw().as_bytes().to_vec())
                .unwrap_or_default();
            finding.fingerprint = Fingerprint::new(&finding.rule_id, &content, &path);
            finding.suppressed = finding.suppressed.map(|s| s.moved_to(&path));
            finding.path = path;
        }
        Sighting { finding, commit, order }
    }

    /// Sightings with one key become one finding. Accepted sightings group apart, so a secret that a pragma
    /// accepts in one file is still reported where nothing accepts it.
    fn key(&self) -> (bool, &str, &str) {
        let f = &self.finding;
        let what = match &f.secret {
            Some(s) => s.raw(),
            None => f.fingerprint.0.as_str(),
        };
        (f.suppressed.is_some(), &f.rule_id, what)
    }
}

/// Merges sightings into findings sorted the way every output sorts them.
pub(super) fn collect(repo: &gix::Repository, mut sightings: Vec<Sighting>) -> Vec<Finding> {
    sightings.sort_by(|a, b| {
        a.key()
            .cmp(&b.key())
            .then(a.order.cmp(&b.order))
            .then_with(|| a.finding.sort_key().cmp(&b.finding.sort_key()))
    });
    let mut metas: HashMap<ObjectId, Commit> = HashMap::new();
    let mut meta =
        |id: Option<ObjectId>| id.map(|id| metas.entry(id).or_insert_with(|| commit_meta(repo, &id)).clone());
    let mut findings: Vec<Finding> = Vec::new();
    let mut i = 0;
    while i < sightings.len() {
        let mut j = i + 1;
        while j < sightings.len() && sightings[j].key() == sightings[i].key() {
            j += 1;
        }
        let group = &sightings[i..j];
        let first = &group[0];
        let mut finding = first.finding.clone();
        finding.commit = meta(first.commit);
        // A set, not a list: one secret can sit in thousands of paths across a history.
        let mut paths_done: HashSet<&str> = HashSet::from([finding.path.as_str()]);
        for s in &group[1..] {
            if !paths_done.insert(&s.finding.path) {
                continue;
            }
            finding.other_locations.push(Location {
                path: s.finding.path.clone(),
                span: s.finding.span,
                commit: meta(s.commit),
            });
        }
        findings.push(finding);
        i = j;
    }
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    findings
}
