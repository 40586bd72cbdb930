//! What a new version of a file adds to its previous version, line by line, for the git modes that scan
//! only what is new. Lines are compared by a 64-bit hash, so a version kept for a later comparison costs 8
//! bytes a line, not its text ([`LineHashes`], [`HashCache`]); the diff is imara-diff's histogram
//! algorithm (git's), which falls back to a bounded Myers search: no quadratic worst case.

use crate::secrets::UnchangedLines;
use gix::ObjectId;
use gix::hashtable::HashMap;
use imara_diff::{Algorithm, Diff};
use std::collections::VecDeque;
use std::hash::BuildHasher;
use std::ops::Range;
use std::sync::{Arc, Mutex};

/// One hash per line of a text (the line without its `\n`).
pub(super) type LineHashes = Vec<u64>;

/// What is kept of a scanned version for diffing the next: its line hashes, and for each keyword group of
/// the secrets scanner (see [`crate::secrets::Scanner::regions`]) the hashes of its lines that may hold one
/// of the group's keywords (sorted; every line that does is there, and perhaps a few that no longer do).
pub(super) struct Hashed {
    pub(super) lines: LineHashes,
    pub(super) groups: Vec<Vec<u64>>,
}

impl Hashed {
    /// Bytes it holds, for the [`HashCache`] budget.
    fn bytes(&self) -> usize {
        (self.lines.len() + self.groups.iter().map(Vec::len).sum::<usize>()) * 8 + 64
    }
}

/// A group's lines are counted again from the text once a version's set of them, grown by every version
/// that edited such a line, holds more than this many hashes.
const MAX_GROUP_LINES: usize = 512;

/// The line (index) holding byte `at` of a text whose lines start at `starts`.
fn line_of(starts: &[usize], at: usize) -> usize {
    starts.partition_point(|&s| s <= at).saturating_sub(1)
}

/// The keyword groups' lines of a text ([`Hashed::groups`]) from where its group keywords are (`found`:
/// (group, start)), given its line `hashes` and `starts`: exact.
pub(super) fn group_lines(groups: usize, found: &[(usize, usize)], hashes: &[u64], starts: &[usize]) -> Vec<Vec<u64>> {
    let mut out = vec![Vec::new(); groups];
    for &(g, at) in found {
        out[g].push(hashes[line_of(starts, at)]);
    }
    for set in &mut out {
        set.sort_unstable();
        set.dedup();
    }
    out
}

/// The keyword groups' lines of a new version: those of its previous version (`before`, which its
/// unchanged lines were) and the lines of the keywords found in its added lines (`found`). `None` when a
/// group's set grew past [`MAX_GROUP_LINES`]: the caller counts them again from the text.
pub(super) fn next_group_lines(
    before: &[Vec<u64>],
    found: &[(usize, usize)],
    hashes: &[u64],
    starts: &[usize],
) -> Option<Vec<Vec<u64>>> {
    let mut out = before.to_vec();
    let mut grown = false;
    for &(g, at) in found {
        out[g].push(hashes[line_of(starts, at)]);
        grown = true;
    }
    if grown {
        for set in &mut out {
            set.sort_unstable();
            set.dedup();
        }
    }
    out.iter().all(|s| s.len() <= MAX_GROUP_LINES).then_some(out)
}

/// The unchanged lines of a new version, as its previous version's [`Hashed::groups`] describe them: a
/// line may hold a group's keyword when its hash is in the group's set.
pub(super) struct KnownLines<'a> {
    pub(super) groups: &'a [Vec<u64>],
    pub(super) hashes: &'a [u64],
    pub(super) starts: &'a [usize],
    pub(super) len: usize,
}

impl UnchangedLines for KnownLines<'_> {
    fn may_hold(&self, group: usize, span: Range<usize>, out: &mut Vec<Range<usize>>) -> bool {
        let Some(set) = self.groups.get(group) else {
            return false;
        };
        if set.is_empty() {
            return true;
        }
        let mut i = line_of(self.starts, span.start);
        while let Some(&start) = self.starts.get(i)
            && start < span.end
        {
            if set.binary_search(&self.hashes[i]).is_ok() {
                out.push(start..self.starts.get(i + 1).copied().unwrap_or(self.len));
            }
            i += 1;
        }
        true
    }
}

/// Reusable buffers for [`added_ranges`].
#[derive(Default)]
pub(super) struct DiffScratch {
    ids: foldhash::HashMap<u64, u32>,
    before: Vec<imara_diff::Token>,
    after: Vec<imara_diff::Token>,
    diff: Diff,
}

/// The line hashes of `text` into `hashes`, and where each line starts into `starts`.
pub(super) fn hash_lines(text: &[u8], hashes: &mut LineHashes, starts: &mut Vec<usize>) {
    let state = foldhash::fast::FixedState::with_seed(0x706c_696d);
    hashes.clear();
    starts.clear();
    let mut at = 0;
    for end in memchr::memchr_iter(b'\n', text) {
        starts.push(at);
        hashes.push(state.hash_one(&text[at..end]));
        at = end + 1;
    }
    if at < text.len() {
        starts.push(at);
        hashes.push(state.hash_one(&text[at..]));
    }
}

/// Byte ranges (whole lines, sorted, disjoint, adjacent lines merged) of the lines of the new text that the
/// diff from `before` counts as added. `after` and `starts` are the new text's [`hash_lines`], `len` its
/// length.
pub(super) fn added_ranges(
    before: &[u64],
    after: &[u64],
    starts: &[usize],
    len: usize,
    scratch: &mut DiffScratch,
) -> Vec<Range<usize>> {
    let (offset, diff) = line_diff(before, after, scratch);
    let mut out: Vec<Range<usize>> = Vec::new();
    for i in added_lines(diff, offset) {
        let start = starts[i];
        let end = starts.get(i + 1).copied().unwrap_or(len);
        match out.last_mut() {
            Some(last) if last.end == start => last.end = end,
            _ => out.push(start..end),
        }
    }
    out
}

/// 1-based numbers of the lines of `new` that the diff from `old` (`None`: nothing) counts as added.
pub(super) fn added_line_numbers(old: Option<&[u8]>, new: &[u8]) -> Vec<u32> {
    let (mut before, mut after) = (Vec::new(), Vec::new());
    hash_lines(new, &mut after, &mut Vec::new());
    let Some(old) = old else {
        return (1..=after.len() as u32).collect();
    };
    hash_lines(old, &mut before, &mut Vec::new());
    let mut scratch = DiffScratch::default();
    let (offset, diff) = line_diff(&before, &after, &mut scratch);
    added_lines(diff, offset).map(|i| i as u32 + 1).collect()
}

/// The line diff of two hashed texts. Lines the two share at the start and at the end are set aside first
/// (as git does): an edit in the middle of a long file diffs and interns only the lines around it. Returns
/// how many lines were set aside at the start, and the diff of what is left.
fn line_diff<'s>(before: &[u64], after: &[u64], scratch: &'s mut DiffScratch) -> (usize, &'s Diff) {
    let prefix = before.iter().zip(after).take_while(|(b, a)| b == a).count();
    let (before, after) = (&before[prefix..], &after[prefix..]);
    let suffix = before
        .iter()
        .rev()
        .zip(after.iter().rev())
        .take_while(|(b, a)| b == a)
        .count();
    let (before, after) = (&before[..before.len() - suffix], &after[..after.len() - suffix]);
    let DiffScratch {
        ids,
        before: b,
        after: a,
        diff,
    } = scratch;
    ids.clear();
    let mut intern = |h: &u64| {
        let next = ids.len() as u32;
        imara_diff::Token(*ids.entry(*h).or_insert(next))
    };
    b.clear();
    b.extend(before.iter().map(&mut intern));
    a.clear();
    a.extend(after.iter().map(&mut intern));
    diff.compute_with(Algorithm::Histogram, b, a, ids.len() as u32);
    (prefix, diff)
}

/// The lines a [`line_diff`] counts as added, as indexes into the whole new text, in order.
fn added_lines(diff: &Diff, offset: usize) -> impl Iterator<Item = usize> {
    diff.hunks()
        .flat_map(|h| h.after.start as usize..h.after.end as usize)
        .map(move |i| i + offset)
}

/// Line hashes of recently scanned blobs, for diffing the next version of the same file without reading
/// the previous one again. Bounded: the oldest entries go first once `budget` bytes are held.
pub(super) struct HashCache {
    inner: Mutex<CacheInner>,
    budget: usize,
}

#[derive(Default)]
struct CacheInner {
    map: HashMap<ObjectId, Arc<Hashed>>,
    order: VecDeque<ObjectId>,
    bytes: usize,
}

impl HashCache {
    pub(super) fn new(budget: usize) -> Self {
        HashCache {
            inner: Mutex::new(CacheInner::default()),
            budget,
        }
    }

    pub(super) fn get(&self, id: &ObjectId) -> Option<Arc<Hashed>> {
        self.inner.lock().unwrap().map.get(id).cloned()
    }

    pub(super) fn insert(&self, id: ObjectId, hashes: Arc<Hashed>) {
        let size = hashes.bytes();
        if size > self.budget / 4 {
            return;
        }
        let mut inner = self.inner.lock().unwrap();
        if inner.map.insert(id, hashes).is_some() {
            return;
        }
        inner.order.push_back(id);
        inner.bytes += size;
        while inner.bytes > self.budget {
            let Some(old) = inner.order.pop_front() else { break };
            if let Some(h) = inner.map.remove(&old) {
                inner.bytes -= h.bytes();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn added(old: &str, new: &str) -> Vec<Range<usize>> {
        let (mut before, mut after, mut starts) = (Vec::new(), Vec::new(), Vec::new());
        hash_lines(old.as_bytes(), &mut before, &mut Vec::new());
        hash_lines(new.as_bytes(), &mut after, &mut starts);
        added_ranges(&before, &after, &starts, new.len(), &mut DiffScratch::default())
    }

    #[test]
    fn added_lines_are_whole_line_byte_ranges_of_the_new_text() {
        // "a\n" 0..2, "SECRET\n" 2..9, "b\n" 9..11, "c\n" 11..13, "TAIL\n" 13..18
        assert_eq!(added("a\nb\nc\n", "a\nSECRET\nb\nc\nTAIL\n"), vec![2..9, 13..18]);
        assert_eq!(added("", "x\ny"), vec![0..3]);
        assert!(added("a\nb\n", "a\n").is_empty());
        // A last line gaining its newline is not a change; the line after it is.
        assert_eq!(added("a", "a\nb"), vec![2..3]);
        // Adjacent added lines form one range.
        assert_eq!(added("a\n", "x\ny\na\n"), vec![0..4]);
    }

    #[test]
    fn the_cache_keeps_the_newest_entries_within_its_budget() {
        let cache = HashCache::new(4 * (8 * 8 + 64));
        let id = |n: u8| ObjectId::from_bytes_or_panic(&[n; 20]);
        for n in 0..8 {
            let lines = vec![u64::from(n); 8];
            cache.insert(
                id(n),
                Arc::new(Hashed {
                    lines,
                    groups: Vec::new(),
                }),
            );
        }
        assert!(cache.get(&id(0)).is_none());
        assert_eq!(cache.get(&id(7)).unwrap().lines[0], 7);
    }

    /// The diff of the middle (after the shared first and last lines are set aside) is still a diff: the
    /// lines not counted as added are, in order, lines of the old text, and shared first and last lines are
    /// never added. Random texts over a few distinct lines, so many lines repeat.
    #[test]
    fn trimmed_diffs_are_diffs() {
        let mut seed = 0x1234_5678_9abc_def1_u64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        for _ in 0..500 {
            let mut text = |n: u64| -> String { (0..next(n)).map(|_| format!("l{}\n", next(4))).collect() };
            let (head, old_mid, new_mid, tail) = (text(6), text(12), text(12), text(6));
            let old = format!("{head}{old_mid}{tail}");
            let new = format!("{head}{new_mid}{tail}");
            let added = added_line_numbers(Some(old.as_bytes()), new.as_bytes());
            let new_lines: Vec<&str> = new.lines().collect();
            let kept: Vec<&str> = (1..=new_lines.len() as u32)
                .filter(|n| !added.contains(n))
                .map(|n| new_lines[n as usize - 1])
                .collect();
            let mut old_lines = old.lines();
            assert!(
                kept.iter().all(|k| old_lines.any(|o| o == *k)),
                "{old:?} -> {new:?}: {added:?}"
            );
            let shared = head.lines().count() as u32;
            assert!(added.iter().all(|&n| n > shared), "{old:?} -> {new:?}: {added:?}");
            if old == new {
                assert!(added.is_empty());
            }
        }
    }
}
