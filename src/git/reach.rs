//! Which commits one walk selects: those reachable from a tip and from none of a set of hidden commits
//! (`git rev-list TIP --not HIDDEN...`), found without reading the hidden commits' whole history.
//!
//! The tip and the hidden commits are walked together, newest first, as `git rev-list` does: each commit
//! passes its mark (reached from the tip, or hidden) to its parents, and a commit that turns out hidden
//! after it was walked passes that on to the ancestors already walked. Hidden marks only ever come from
//! the hidden commits, so a commit the push sends is never dropped; the walk stops once nothing left to
//! walk is reached from the tip alone, so a one-commit push reads a handful of commits, not the history.
//!
//! How long to go on after that point depends on what orders the walk:
//! - With a commit-graph file (`git commit-graph write`, or `gc`), commits in it carry generation
//!   numbers (a parent's is always lower than its child's) and are walked highest first, so every
//!   commit's marks are final when it is walked: the walk stops as soon as only hidden commits are
//!   queued, and the result is exact whatever the commit dates say.
//! - Commits outside the graph (or all, without one) are ordered by committer date. A hidden commit
//!   dated before a commit it contains (a skewed clock) can then be walked after it; like git, the walk
//!   goes on while a queued commit is as new as the oldest commit selected so far, and then [`SLOP`] more
//!   commits. A skew larger than that makes it select (and scan) commits that are already hidden, as it
//!   does `git rev-list`; it never makes it miss one.
//!
//! Every commit is queued once and each mark is set once per commit, so a walk is O(n log n) in the
//! commits it visits.

use gix::ObjectId;
use gix::revwalk::graph::Commit;
use std::collections::BinaryHeap;

/// Commits walked after the point where date order says the walk is done, as git's `revision.c` does.
pub(super) const SLOP: u32 = 5;

/// What the walk knows about one commit.
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub(super) struct Marks {
    /// Reached from the tip.
    visible: bool,
    /// Reachable from a hidden commit.
    hidden: bool,
    /// Taken off the queue: its parents carry its marks.
    walked: bool,
}

/// Queue order: generation first (commits outside the commit-graph count as the highest), then committer
/// date, then id so runs are repeatable.
type Key = (u32, i64, ObjectId);

fn key(id: ObjectId, c: &Commit<Marks>) -> Key {
    (c.generation.unwrap_or(u32::MAX), c.commit_time, id)
}

/// Commits reachable from `tip` and from none of `hidden`, in no particular order. Missing commits (a
/// shallow or partial clone) end the walk along their path, as do the parents of the repository's shallow
/// boundary.
pub(super) fn reachable_not_hidden(
    repo: &gix::Repository,
    tip: ObjectId,
    hidden: &[ObjectId],
) -> Result<Vec<ObjectId>, String> {
    let cache = repo.commit_graph_if_enabled().map_err(|e| e.to_string())?;
    let shallow = repo.shallow_commits().map_err(|e| e.to_string())?;
    let mut walk = Walk {
        graph: repo.revision_graph(cache.as_ref()),
        queue: BinaryHeap::new(),
        visible_only_queued: 0,
    };
    walk.mark(tip, false)?;
    for h in hidden {
        walk.mark(*h, true)?;
    }
    // The committer date of the oldest commit selected so far: hidden commits at least as new may still
    // contain it.
    let mut oldest_selected = i64::MAX;
    let mut slop = SLOP;
    while let Some((_, time, id)) = walk.queue.pop() {
        let commit = walk.graph.get_mut(&id).expect("queued commits are in the graph");
        commit.data.walked = true;
        let hidden = commit.data.hidden;
        if !hidden {
            walk.visible_only_queued -= 1;
            oldest_selected = oldest_selected.min(time);
        }
        let is_boundary = shallow.as_ref().is_some_and(|s| s.binary_search(&id).is_ok());
        let parents = if is_boundary {
            Default::default()
        } else {
            commit.parents.clone()
        };
        for p in parents {
            walk.mark(p, hidden)?;
        }
        if !hidden {
            continue; // like git, only a hidden commit's walk decides whether to go on
        }
        if walk.visible_only_queued > 0 {
            slop = SLOP;
            continue;
        }
        match walk.queue.peek() {
            None => break,
            // Generation order: no queued commit can contain one already walked.
            Some(&(generation, _, _)) if generation != u32::MAX => break,
            Some(&(_, newest, _)) if newest >= oldest_selected => slop = SLOP,
            Some(_) => {
                slop -= 1;
                if slop == 0 {
                    break;
                }
            }
        }
    }
    Ok(walk
        .graph
        .detach()
        .into_iter()
        .filter(|(_, c)| c.data.visible && !c.data.hidden)
        .map(|(id, _)| id)
        .collect())
}

struct Walk<'repo, 'cache> {
    graph: gix::revwalk::Graph<'repo, 'cache, Commit<Marks>>,
    queue: BinaryHeap<Key>,
    /// Queued commits reached from the tip and not (yet) known to be hidden.
    visible_only_queued: usize,
}

impl Walk<'_, '_> {
    /// Marks `id` as reached from the tip (`hidden == false`) or hidden, queueing it the first time it is
    /// seen. A walked commit that becomes hidden passes that on to the ancestors it already queued.
    fn mark(&mut self, id: ObjectId, hidden: bool) -> Result<(), String> {
        let mut first_sight = None;
        let Some(commit) = self
            .graph
            .get_or_insert_full_commit(id, |c| {
                if c.data == Marks::default() {
                    first_sight = Some(key(id, c));
                }
            })
            .map_err(|e| format!("cannot read commit {id}: {e}"))?
        else {
            return Ok(()); // absent: the edge of a shallow or partial clone
        };
        let was = commit.data;
        if let Some(k) = first_sight {
            self.queue.push(k);
            commit.data.visible = !hidden;
            commit.data.hidden = hidden;
            self.visible_only_queued += usize::from(!hidden);
            return Ok(());
        }
        if !hidden || was.hidden {
            commit.data.visible = true;
            return Ok(());
        }
        // Newly hidden: this commit, and every walked ancestor reached from it that was not yet hidden.
        let mut stack = vec![id];
        while let Some(id) = stack.pop() {
            let Some(c) = self.graph.get_mut(&id) else {
                continue;
            };
            if c.data.hidden {
                continue;
            }
            c.data.hidden = true;
            if c.data.walked {
                stack.extend(c.parents.iter().copied());
            } else {
                self.visible_only_queued -= 1;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// Commit graphs built with `git commit-tree`, every commit with the empty tree and a chosen date, and
    /// a tag of its own (the walks are given their tips and hidden commits directly).
    struct Graph {
        dir: tempfile::TempDir,
        empty_tree: String,
    }

    impl Graph {
        fn new() -> Graph {
            let dir = tempfile::tempdir().unwrap();
            git(dir.path(), &["init", "-q", "-b", "main"], None);
            let empty_tree = git(dir.path(), &["hash-object", "-w", "-t", "tree", "/dev/null"], None);
            Graph { dir, empty_tree }
        }

        /// A commit with `parents`, committed at `time` (seconds since the epoch).
        fn commit(&self, name: &str, time: i64, parents: &[&str]) -> String {
            let mut args = vec!["commit-tree", self.empty_tree.as_str(), "-m", name];
            for p in parents {
                args.extend(["-p", p]);
            }
            let id = git(self.dir.path(), &args, Some(time));
            // A ref per commit, so that `commit-graph write --reachable` covers them all.
            git(self.dir.path(), &["update-ref", &format!("refs/tags/{id}"), &id], None);
            id
        }

        /// `git rev-list TIP --not HIDDEN...`, sorted.
        fn rev_list(&self, tip: &str, hidden: &[&str]) -> Vec<String> {
            let mut args = vec!["rev-list", tip, "--not"];
            args.extend(hidden);
            let mut ids: Vec<String> = git(self.dir.path(), &args, None).lines().map(str::to_string).collect();
            ids.sort();
            ids
        }

        /// What [`reachable_not_hidden`] selects, sorted.
        fn walk(&self, tip: &str, hidden: &[&str]) -> Vec<String> {
            let repo = gix::open(self.dir.path()).unwrap();
            let id = |s: &str| ObjectId::from_hex(s.as_bytes()).unwrap();
            let hidden: Vec<ObjectId> = hidden.iter().map(|h| id(h)).collect();
            let mut ids: Vec<String> = reachable_not_hidden(&repo, id(tip), &hidden)
                .unwrap()
                .iter()
                .map(ObjectId::to_string)
                .collect();
            ids.sort();
            ids
        }

        fn write_commit_graph(&self) {
            git(self.dir.path(), &["commit-graph", "write", "--reachable"], None);
            assert!(self.dir.path().join(".git/objects/info/commit-graph").exists());
        }
    }

    /// Runs git in `dir` with no global or system configuration (and committer date `time`); returns
    /// its trimmed stdout.
    fn git(dir: &Path, args: &[&str], time: Option<i64>) -> String {
        let mut c = std::process::Command::new("git");
        c.args(args)
            .current_dir(dir)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "t")
            .env("GIT_AUTHOR_EMAIL", "t@example.com")
            .env("GIT_COMMITTER_NAME", "t")
            .env("GIT_COMMITTER_EMAIL", "t@example.com")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .env_remove("GIT_INDEX_FILE");
        if let Some(t) = time {
            let date = format!("@{t} +0000");
            c.env("GIT_AUTHOR_DATE", &date).env("GIT_COMMITTER_DATE", &date);
        }
        let out = c.output().unwrap();
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap().trim().to_string()
    }

    fn sorted(ids: &[&String]) -> Vec<String> {
        let mut v: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
        v.sort();
        v
    }

    /// A remote main of `n` commits dated 1000, 1100, ...; returns their ids, oldest first.
    fn main_line(g: &Graph, n: usize) -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        for i in 0..n {
            let parents: Vec<&str> = ids.last().map(String::as_str).into_iter().collect();
            ids.push(g.commit(&format!("main {i}"), 1000 + 100 * i as i64, &parents));
        }
        ids
    }

    #[test]
    fn a_merged_old_branch_that_was_never_pushed_is_selected_with_the_merge() {
        // Remote main c0..c29; an old local branch forked at c1 with two commits dated long before the
        // remote's tip, merged into a new commit on top of the remote's tip. A walk that stops when the
        // newest queued commit is hidden would lose the old branch.
        let g = Graph::new();
        let c = main_line(&g, 30);
        let o1 = g.commit("old 1", 1150, &[&c[1]]);
        let o2 = g.commit("old 2", 1160, &[&o1]);
        let m = g.commit("merge", 9000, &[&c[29], &o2]);
        for graph in [false, true] {
            if graph {
                g.write_commit_graph();
            }
            let got = g.walk(&m, &[&c[29]]);
            assert_eq!(got, sorted(&[&m, &o1, &o2]), "commit-graph: {graph}");
            assert_eq!(got, g.rev_list(&m, &[&c[29]]));
            // The old branch, already on the remote under another name, is not sent again.
            assert_eq!(g.walk(&m, &[&c[29], &o2]), vec![m.clone()], "commit-graph: {graph}");
        }
    }

    #[test]
    fn a_parent_newer_than_its_child_is_still_selected() {
        // Local commits whose clock ran backwards (l2 is dated before its parent l1, and before every
        // remote commit), on top of the remote's main.
        let g = Graph::new();
        let c = main_line(&g, 20);
        let l1 = g.commit("local 1", 50_000, &[&c[19]]);
        let l2 = g.commit("local 2", 10, &[&l1]);
        for graph in [false, true] {
            if graph {
                g.write_commit_graph();
            }
            let got = g.walk(&l2, &[&c[19]]);
            assert_eq!(got, sorted(&[&l1, &l2]), "commit-graph: {graph}");
            assert_eq!(got, g.rev_list(&l2, &[&c[19]]));
        }
    }

    #[test]
    fn a_hidden_tip_dated_before_the_commit_it_contains_still_hides_it() {
        // Remote main c0..c9, a shared commit v on top, and a remote branch h on v whose date is older
        // than v's. Walking newest first, v is selected before h is reached; the walk must go on (git's
        // slop) and take v back when h turns out to contain it. Stopping as soon as only hidden commits
        // are queued would scan v again.
        let g = Graph::new();
        let c = main_line(&g, 10);
        let v = g.commit("shared", 5000, &[&c[9]]);
        let h = g.commit("remote branch", 1850, &[&v]);
        let l = g.commit("local", 6000, &[&v]);
        for graph in [false, true] {
            if graph {
                g.write_commit_graph();
            }
            let got = g.walk(&l, &[&c[9], &h]);
            assert_eq!(got, vec![l.clone()], "commit-graph: {graph}");
            assert_eq!(got, g.rev_list(&l, &[&c[9], &h]));
        }
    }

    #[test]
    fn generation_numbers_make_the_walk_exact_under_any_skew() {
        // As above, with a remote branch of two commits dated before v, and more hidden commits dated
        // between them and v than the slop covers: by date alone the walk ends before it reaches them
        // and selects v too, as `git rev-list` does (an extra commit scanned, never one missed); with a
        // commit-graph it is exact.
        let g = Graph::new();
        let c = main_line(&g, 20);
        let v = g.commit("shared", 5000, &[&c[19]]);
        let h1 = g.commit("remote branch 1", 900, &[&v]);
        let h2 = g.commit("remote branch 2", 901, &[&h1]);
        let l = g.commit("local", 6000, &[&v]);
        let by_date = g.walk(&l, &[&c[19], &h2]);
        assert_eq!(by_date, sorted(&[&l, &v]));
        assert_eq!(by_date, g.rev_list(&l, &[&c[19], &h2]));
        g.write_commit_graph();
        assert_eq!(g.walk(&l, &[&c[19], &h2]), vec![l.clone()]);
        // Commits made after the graph was written have no generation number and are ordered by date.
        let l2 = g.commit("local 2", 7000, &[&l]);
        assert_eq!(g.walk(&l2, &[&c[19], &h2]), sorted(&[&l, &l2]));
    }

    #[test]
    fn without_hidden_commits_the_whole_history_is_selected() {
        // A repository without remote-tracking refs: every commit of the tip, merges included.
        let g = Graph::new();
        let c = main_line(&g, 40);
        let side = g.commit("side", 1234, &[&c[3]]);
        let m = g.commit("merge", 9000, &[&c[39], &side]);
        for graph in [false, true] {
            if graph {
                g.write_commit_graph();
            }
            let got = g.walk(&m, &[]);
            assert_eq!(got.len(), 42, "commit-graph: {graph}");
            assert_eq!(got, g.rev_list(&m, &[]));
        }
    }

    #[test]
    fn a_tip_that_is_hidden_selects_nothing() {
        let g = Graph::new();
        let c = main_line(&g, 15);
        for graph in [false, true] {
            if graph {
                g.write_commit_graph();
            }
            assert!(g.walk(&c[5], &[&c[14]]).is_empty(), "commit-graph: {graph}");
            assert_eq!(g.walk(&c[14], &[&c[5]]).len(), 9, "commit-graph: {graph}");
            assert_eq!(g.walk(&c[14], &[&c[5]]), g.rev_list(&c[14], &[&c[5]]));
        }
    }
}
