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

/// A group's set of lines is trimmed to the lines the version has once it holds more than this many
/// hashes (every version that edits such a line adds one).
const TRIM_GROUP_LINES: usize = 64;

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
/// unchanged lines were) and the lines of the keywords found in its added lines (`found`), given its line
/// `hashes` and `starts`. A hash in a set is a line's text that holds a keyword, so a set grown past
/// [`TRIM_GROUP_LINES`] is trimmed to the hashes the version has, which keeps it exact.
pub(super) fn next_group_lines(
    before: &[Vec<u64>],
    found: &[(usize, usize)],
    hashes: &[u64],
    starts: &[usize],
) -> Vec<Vec<u64>> {
    let mut out = before.to_vec();
    let mut grown = vec![false; out.len()];
    for &(g, at) in found {
        out[g].push(hashes[line_of(starts, at)]);
        grown[g] = true;
    }
    for (set, grown) in out.iter_mut().zip(grown) {
        if !grown {
            continue;
        }
        set.sort_unstable();
        set.dedup();
        if set.len() > TRIM_GROUP_LINES {
            let mut kept: Vec<u64> = hashes
                .iter()
                .copied()
                .filter(|h| set.binary_search(h).is_ok())
                .collect();
            kept.sort_unstable();
            kept.dedup();
            *set = kept;
        }
    }
    out
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

/// [`hash_lines`] of `text`, whose previous version was `old` with line hashes `old_hashes` and line
/// starts `old_starts` (its [`hash_lines`]): the lines the two texts share byte for byte at their start and
/// at their end take their hashes and starts from the old ones, and only the lines between are looked at.
/// Most versions change a few lines, so most of a file is compared (memcmp) rather than split and hashed.
/// The same result as `hash_lines(text)`.
pub(super) fn hash_lines_after(
    text: &[u8],
    (old, old_hashes, old_starts): (&[u8], &[u64], &[usize]),
    hashes: &mut LineHashes,
    starts: &mut Vec<usize>,
) {
    hashes.clear();
    starts.clear();
    if text == old {
        hashes.extend_from_slice(old_hashes);
        starts.extend_from_slice(old_starts);
        return;
    }
    if text.is_empty() {
        return;
    }
    let prefix = common_prefix(text, old);
    let suffix = common_suffix(&text[prefix..], &old[prefix.min(old.len())..]);
    // Old lines 0..head end, newline included, inside the shared prefix: the new text's first lines, at the
    // same offsets. Old lines tail.. start after a newline inside the shared suffix: the new text's last
    // lines, shifted by the change in length.
    let head = old_starts.partition_point(|&s| s <= prefix).saturating_sub(1);
    let tail = old_starts.partition_point(|&s| s <= old.len() - suffix);
    let shift = |s: usize| s + text.len() - old.len();
    let mid_start = old_starts.get(head).copied().unwrap_or(0);
    let mid_end = old_starts.get(tail).map_or(text.len(), |&s| shift(s));
    starts.reserve(old_starts.len() + 16);
    starts.extend_from_slice(&old_starts[..head]);
    if mid_start < mid_end {
        starts.push(mid_start);
        starts.extend(
            memchr::memchr_iter(b'\n', &text[mid_start..mid_end])
                .map(|i| mid_start + i + 1)
                .filter(|&i| i < mid_end),
        );
    }
    let state = foldhash::fast::FixedState::with_seed(0x706c_696d);
    hashes.reserve(starts.len() + old_starts.len() - tail);
    hashes.extend_from_slice(&old_hashes[..head]);
    for i in head..starts.len() {
        let end = match starts.get(i + 1) {
            Some(&next) => next - 1,
            // The last middle line ends before the first shared last line, or is the text's last line.
            None if tail < old_starts.len() || text.ends_with(b"\n") => mid_end - 1,
            None => text.len(),
        };
        hashes.push(state.hash_one(&text[starts[i]..end]));
    }
    hashes.extend_from_slice(&old_hashes[tail..]);
    starts.extend(old_starts[tail..].iter().map(|&s| shift(s)));
}

/// How many bytes `a` and `b` share at their start.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 128;
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + BLOCK <= n && a[i..i + BLOCK] == b[i..i + BLOCK] {
        i += BLOCK;
    }
    while i < n && a[i] == b[i] {
        i += 1;
    }
    i
}

/// How many bytes `a` and `b` share at their end.
fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 128;
    let n = a.len().min(b.len());
    let (ea, eb) = (a.len(), b.len());
    let mut i = 0;
    while i + BLOCK <= n && a[ea - i - BLOCK..ea - i] == b[eb - i - BLOCK..eb - i] {
        i += BLOCK;
    }
    while i < n && a[ea - i - 1] == b[eb - i - 1] {
        i += 1;
    }
    i
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

    /// Hashing a new version from its previous one gives what hashing it alone gives: random edits
    /// (insertions, deletions, replacements of bytes, newlines among them) at the start, the end, the middle
    /// and anywhere, over texts with and without a last newline, empty and identical texts.
    #[test]
    fn hashing_after_the_previous_version_is_hashing() {
        let mut seed = 0x5eed_1234_abcd_0001_u64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let alphabet = b"ab\n\nxy z";
        let (mut shared_lines, mut cases) = (0, 0);
        for _ in 0..4000 {
            let len = next(300) as usize;
            let old: Vec<u8> = (0..len)
                .map(|_| alphabet[next(alphabet.len() as u64) as usize])
                .collect();
            let mut new = old.clone();
            for _ in 0..next(4) {
                let at = match next(4) {
                    0 => 0,
                    1 => new.len(),
                    _ => next(new.len() as u64 + 1) as usize,
                };
                match next(3) {
                    0 => {
                        let b = alphabet[next(alphabet.len() as u64) as usize];
                        new.insert(at, b);
                    }
                    1 if at < new.len() => {
                        new.remove(at);
                    }
                    _ if at < new.len() => new[at] = alphabet[next(alphabet.len() as u64) as usize],
                    _ => {}
                }
            }
            let (mut old_hashes, mut old_starts) = (Vec::new(), Vec::new());
            let (mut want, mut want_starts) = (Vec::new(), Vec::new());
            hash_lines(&old, &mut old_hashes, &mut old_starts);
            hash_lines(&new, &mut want, &mut want_starts);
            let (mut got, mut got_starts) = (vec![1], vec![2]);
            hash_lines_after(&new, (&old, &old_hashes, &old_starts), &mut got, &mut got_starts);
            assert_eq!(
                got,
                want,
                "{:?} -> {:?}",
                String::from_utf8_lossy(&old),
                String::from_utf8_lossy(&new)
            );
            assert_eq!(got_starts, want_starts);
            shared_lines += want.iter().zip(&old_hashes).take_while(|(a, b)| a == b).count();
            cases += 1;
        }
        assert!(
            shared_lines > 10 * cases,
            "{shared_lines} lines shared in {cases} cases"
        );
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
