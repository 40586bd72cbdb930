//! Line lookups for the secrets engine: where the line around a byte offset starts and ends (bounded to
//! `MAX_LINE_REACH` bytes either side, so a minified file is treated as windows, not as one huge line), and
//! whether an inline suppression marker sits in a range.
//!
//! Every candidate asks these questions, so each must cost O(log n), not O(line length): on one long line
//! with tens of thousands of candidates, scanning up to the line boundary (or the whole line for markers)
//! per candidate is quadratic in practice. The fast path scans a few hundred bytes directly, which is all a
//! normal source line needs; only a buffer that has a long line builds, once, the sorted newline offsets
//! and marker offsets the slow path binary-searches.

use std::cell::OnceCell;
use std::sync::LazyLock;

use memchr::memmem::Finder;

/// How far (bytes) a window extends to find line boundaries on very long lines (minified files).
pub const MAX_LINE_REACH: usize = 4096;
/// Lookups scan this many bytes directly before falling back to the index.
const DIRECT_REACH: usize = 256;
/// Ranges at most this long are searched for markers directly.
const DIRECT_MARKER_RANGE: usize = 1024;

/// Markers that suppress findings on their line.
pub const INLINE_ALLOW: &[&[u8]] = &[b"plimsoll:allow", b"gitleaks:allow", b"pragma: allowlist secret"];
/// `pragma: allowlist nextline secret` (detect-secrets) on the line before suppresses it too.
pub const NEXTLINE_ALLOW: &[u8] = b"pragma: allowlist nextline secret";

/// Prebuilt finders: `INLINE_ALLOW` in order, then `NEXTLINE_ALLOW`.
static FINDERS: LazyLock<Vec<Finder<'static>>> =
    LazyLock::new(|| INLINE_ALLOW.iter().chain([&NEXTLINE_ALLOW]).map(Finder::new).collect());

/// One buffer and the indexes built on demand for it.
pub struct Lines<'a> {
    pub data: &'a [u8],
    newlines: OnceCell<Vec<usize>>,
    /// Start offsets of every occurrence of each marker of `FINDERS`, ascending.
    markers: OnceCell<Vec<Vec<usize>>>,
}

impl<'a> Lines<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Lines {
            data,
            newlines: OnceCell::new(),
            markers: OnceCell::new(),
        }
    }

    fn newlines(&self) -> &[usize] {
        self.newlines
            .get_or_init(|| memchr::memchr_iter(b'\n', self.data).collect())
    }

    /// Start of the line holding `pos`, or `pos - MAX_LINE_REACH` if the line starts further back.
    pub fn line_start(&self, pos: usize) -> usize {
        let lo = pos.saturating_sub(MAX_LINE_REACH);
        let near = pos.saturating_sub(DIRECT_REACH).max(lo);
        if let Some(i) = memchr::memrchr(b'\n', &self.data[near..pos]) {
            return near + i + 1;
        }
        if near == lo {
            return lo;
        }
        let nl = self.newlines();
        match nl.partition_point(|&p| p < pos).checked_sub(1).map(|k| nl[k]) {
            Some(p) if p >= lo => p + 1,
            _ => lo,
        }
    }

    /// End (the newline, exclusive) of the line holding `pos`, or `pos + MAX_LINE_REACH` (at most the
    /// buffer's end) if the line ends further on.
    pub fn line_end(&self, pos: usize) -> usize {
        let hi = (pos + MAX_LINE_REACH).min(self.data.len());
        let near = (pos + DIRECT_REACH).min(hi);
        if let Some(i) = memchr::memchr(b'\n', &self.data[pos..near]) {
            return pos + i;
        }
        if near == hi {
            return hi;
        }
        let nl = self.newlines();
        match nl.get(nl.partition_point(|&p| p < pos)) {
            Some(&p) if p < hi => p,
            _ => hi,
        }
    }

    /// Byte range covering `n` lines before `s` and after `e`.
    pub fn lines_around(&self, s: usize, e: usize, n: usize) -> (usize, usize) {
        let mut a = self.line_start(s);
        for _ in 0..n {
            if a == 0 {
                break;
            }
            a = self.line_start(a - 1);
        }
        let mut b = self.line_end(e);
        for _ in 0..n {
            if b >= self.data.len() {
                break;
            }
            b = self.line_end(b + 1);
        }
        (a, b)
    }

    /// Whether marker `m` (an index into `FINDERS`) occurs entirely inside `a..b`.
    fn marker_in(&self, m: usize, a: usize, b: usize) -> bool {
        self.marker_at(m, a, b).is_some()
    }

    /// Where the first occurrence of marker `m` entirely inside `a..b` starts.
    fn marker_at(&self, m: usize, a: usize, b: usize) -> Option<usize> {
        let finder = &FINDERS[m];
        if b - a <= DIRECT_MARKER_RANGE {
            return finder.find(&self.data[a..b]).map(|i| a + i);
        }
        let markers = self.markers.get_or_init(|| {
            // The markers have no proper prefix that is also a suffix, so non-overlapping occurrences are
            // all occurrences.
            FINDERS.iter().map(|f| f.find_iter(self.data).collect()).collect()
        });
        let starts = &markers[m];
        let len = finder.needle().len();
        starts
            .get(starts.partition_point(|&s| s < a))
            .copied()
            .filter(|&s| s + len <= b)
    }

    /// The first marker of [`INLINE_ALLOW`] that occurs in `a..b`, if any.
    pub fn inline_allow(&self, a: usize, b: usize) -> Option<&'static [u8]> {
        (0..INLINE_ALLOW.len())
            .find(|&m| self.marker_in(m, a, b))
            .map(|m| INLINE_ALLOW[m])
    }

    /// Where the first marker of [`INLINE_ALLOW`] found in `a..b` ends (what follows is its reason).
    pub fn inline_allow_end(&self, a: usize, b: usize) -> Option<usize> {
        (0..INLINE_ALLOW.len()).find_map(|m| self.marker_at(m, a, b).map(|s| s + INLINE_ALLOW[m].len()))
    }

    /// Whether [`NEXTLINE_ALLOW`] occurs in `a..b`.
    pub fn nextline_allow(&self, a: usize, b: usize) -> bool {
        self.marker_in(INLINE_ALLOW.len(), a, b)
    }

    /// Where [`NEXTLINE_ALLOW`] found in `a..b` ends.
    pub fn nextline_allow_end(&self, a: usize, b: usize) -> Option<usize> {
        self.marker_at(INLINE_ALLOW.len(), a, b)
            .map(|s| s + NEXTLINE_ALLOW.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive_line_start(data: &[u8], pos: usize) -> usize {
        let lo = pos.saturating_sub(MAX_LINE_REACH);
        memchr::memrchr(b'\n', &data[lo..pos]).map_or(lo, |i| lo + i + 1)
    }

    fn naive_line_end(data: &[u8], pos: usize) -> usize {
        let hi = (pos + MAX_LINE_REACH).min(data.len());
        memchr::memchr(b'\n', &data[pos..hi]).map_or(hi, |i| pos + i)
    }

    /// Lines of every length around the direct-scan and reach limits, with markers here and there.
    fn text() -> Vec<u8> {
        let mut t = Vec::new();
        let mut seed = 7u32;
        for i in 0..400 {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            let len = match i % 5 {
                0 => (seed >> 16) as usize % 40,
                1 => DIRECT_REACH - 2 + (seed >> 16) as usize % 5,
                2 => MAX_LINE_REACH - 2 + (seed >> 16) as usize % 5,
                3 => (seed >> 16) as usize % (3 * MAX_LINE_REACH),
                _ => (seed >> 16) as usize % 2000,
            };
            t.extend((0..len).map(|k| b'a' + (k % 26) as u8));
            if i % 7 == 0 {
                let at = t.len() - len / 2;
                let m = [INLINE_ALLOW[i % 3], NEXTLINE_ALLOW][i % 4 / 3];
                t.splice(at..at, m.iter().copied());
            }
            t.push(b'\n');
        }
        t
    }

    #[test]
    fn line_bounds_agree_with_bounded_scans() {
        let t = text();
        let lines = Lines::new(&t);
        for pos in (0..t.len()).step_by(37).chain([0, t.len()]) {
            assert_eq!(lines.line_start(pos), naive_line_start(&t, pos), "start at {pos}");
            assert_eq!(lines.line_end(pos), naive_line_end(&t, pos), "end at {pos}");
        }
    }

    #[test]
    fn markers_agree_with_searching_the_range() {
        let t = text();
        let lines = Lines::new(&t);
        for a in (0..t.len()).step_by(211) {
            for len in [0, 13, 500, DIRECT_MARKER_RANGE + 1, 3000, 9000] {
                let b = (a + len).min(t.len());
                let expected = INLINE_ALLOW
                    .iter()
                    .find(|m| memchr::memmem::find(&t[a..b], m).is_some())
                    .copied();
                assert_eq!(lines.inline_allow(a, b), expected, "{a}..{b}");
                assert_eq!(
                    lines.nextline_allow(a, b),
                    memchr::memmem::find(&t[a..b], NEXTLINE_ALLOW).is_some(),
                    "{a}..{b}"
                );
            }
        }
    }

    #[test]
    fn inline_allow_markers() {
        let allowed = |t: &[u8]| Lines::new(t).inline_allow(0, t.len()).is_some();
        assert!(allowed(b"key = 'abc' # plimsoll:allow"));
        assert!(allowed(b"key = 'abc' // gitleaks:allow"));
        assert!(allowed(b"key = 'abc'  # pragma: allowlist secret"));
        assert!(!allowed(b"key = 'abc'"));
        assert!(Lines::new(b"# pragma: allowlist nextline secret").nextline_allow(0, 35));
        let t = b"k = 1 # plimsoll:allow -- why";
        assert_eq!(Lines::new(t).inline_allow_end(0, t.len()), Some(22));
        assert_eq!(&t[22..], b" -- why");
        let t = b"# pragma: allowlist nextline secret -- why\n";
        assert_eq!(Lines::new(t).nextline_allow_end(0, t.len()), Some(35));
    }

    #[test]
    fn markers_have_no_border() {
        for m in INLINE_ALLOW.iter().chain([&NEXTLINE_ALLOW]) {
            assert!((1..m.len()).all(|k| m[..k] != m[m.len() - k..]), "{m:?}");
        }
    }
}
