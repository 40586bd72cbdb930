//! `--pre-push`: what git writes on a pre-push hook's stdin (githooks(5)), one line per ref update:
//! `<local ref> <local object name> <remote ref> <remote object name>`, and which commits each update sends.
//!
//! - Deletion (local object all zeros): nothing is sent, nothing to scan.
//! - New remote ref (remote object all zeros): the commits not reachable from any remote-tracking ref.
//! - Existing ref, fast-forward or forced: `remote..local`. When the remote's commit is not in this
//!   repository (someone pushed since the last fetch), fall back to the new-ref rule.

use super::repo::{peel_to_commit, remote_tracking_tips};
use crate::error::{Error, Result};
use gix::ObjectId;
use gix::objs::Exists;

/// One line of pre-push input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PushUpdate {
    pub local_ref: String,
    pub local_sha: String,
    pub remote_ref: String,
    pub remote_sha: String,
}

/// Parses the hook's stdin. Blank lines are ignored; anything else malformed is an error, because
/// guessing could let a push through unscanned.
pub fn parse_pre_push(input: &str) -> Result<Vec<PushUpdate>> {
    let mut updates = Vec::new();
    for (n, line) in input.lines().enumerate() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        match fields.as_slice() {
            [] => {}
            [local_ref, local_sha, remote_ref, remote_sha] if is_hex(local_sha) && is_hex(remote_sha) => {
                updates.push(PushUpdate {
                    local_ref: local_ref.to_string(),
                    local_sha: local_sha.to_string(),
                    remote_ref: remote_ref.to_string(),
                    remote_sha: remote_sha.to_string(),
                });
            }
            _ => {
                return Err(Error::Usage(format!(
                    "--pre-push: stdin line {}: expected `<local ref> <local sha> <remote ref> <remote sha>`, got {line:?}",
                    n + 1
                )));
            }
        }
    }
    Ok(updates)
}

fn is_hex(s: &str) -> bool {
    (s.len() == 40 || s.len() == 64) && s.bytes().all(|b| b.is_ascii_hexdigit())
}

fn is_zero(s: &str) -> bool {
    s.bytes().all(|b| b == b'0')
}

/// One commit walk: commits reachable from `tip` and from none of `hidden`.
pub(super) struct Walk {
    pub tip: ObjectId,
    pub hidden: Vec<ObjectId>,
}

/// The walks a push needs, and what to tell the user about updates that send nothing.
pub(super) struct Plan {
    pub walks: Vec<Walk>,
    pub notes: Vec<String>,
}

pub(super) fn plan(repo: &gix::Repository, remote: &str, updates: &[PushUpdate]) -> std::result::Result<Plan, String> {
    let mut plan = Plan {
        walks: Vec::new(),
        notes: Vec::new(),
    };
    if updates.is_empty() {
        plan.notes
            .push(format!("nothing to scan: git named no refs to push to {remote}"));
        return Ok(plan);
    }
    let mut tracking: Option<Vec<ObjectId>> = None;
    let mut tracking_tips = |repo: &gix::Repository| -> std::result::Result<Vec<ObjectId>, String> {
        if tracking.is_none() {
            tracking = Some(remote_tracking_tips(repo)?);
        }
        Ok(tracking.clone().unwrap_or_default())
    };
    let mut buf = Vec::new();
    for u in updates {
        if is_zero(&u.local_sha) {
            plan.notes
                .push(format!("{}: deleted on {remote}, nothing to scan", u.remote_ref));
            continue;
        }
        let local = ObjectId::from_hex(u.local_sha.as_bytes()).map_err(|e| format!("{}: {e}", u.local_sha))?;
        if !repo.objects.exists(&local) {
            return Err(format!(
                "{}: the pushed object {} is not in this repository",
                u.local_ref, u.local_sha
            ));
        }
        let Some(tip) = peel_to_commit(repo, local, &mut buf) else {
            plan.notes.push(format!(
                "{}: points at a tree or blob, not a commit; not scanned",
                u.local_ref
            ));
            continue;
        };
        let hidden = if is_zero(&u.remote_sha) {
            tracking_tips(repo)?
        } else {
            let remote_id =
                ObjectId::from_hex(u.remote_sha.as_bytes()).map_err(|e| format!("{}: {e}", u.remote_sha))?;
            match peel_to_commit(repo, remote_id, &mut buf) {
                Some(c) => vec![c],
                None => {
                    plan.notes.push(format!(
                        "{} on {remote} is at {}, which this repository does not have (fetch to compare); \
                         scanning every commit of {} that is not on a remote-tracking branch",
                        u.remote_ref,
                        &u.remote_sha[..12],
                        u.local_ref
                    ));
                    tracking_tips(repo)?
                }
            }
        };
        plan.walks.push(Walk { tip, hidden });
    }
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_hook_input_and_rejects_garbage() {
        let z = "0".repeat(40);
        let a = "a".repeat(40);
        let input = format!("refs/heads/main {a} refs/heads/main {z}\n\n(delete) {z} refs/heads/old {a}\n");
        let u = parse_pre_push(&input).unwrap();
        assert_eq!(u.len(), 2);
        assert_eq!(u[0].local_ref, "refs/heads/main");
        assert_eq!(u[1].remote_ref, "refs/heads/old");
        assert!(parse_pre_push("refs/heads/main abc refs/heads/main def\n").is_err());
        assert!(parse_pre_push("just one field\n").is_err());
        assert!(parse_pre_push("").unwrap().is_empty());
    }
}
