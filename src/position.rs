//! Byte offsets to 1-based (line, column) positions, shared by every analyzer that turns matches into
//! [`crate::finding::Finding`]s. Columns count Unicode scalar values (bytes that do not continue a UTF-8
//! sequence), so invalid UTF-8 still gets a position.
//!
//! Built once per file with findings; every lookup is O(log lines + `CHAR_BLOCK`) whatever the line length,
//! so a minified one-line file with tens of thousands of findings costs no more than a file with many
//! short lines.

use std::ops::Range;

/// Bytes per checkpoint of the running character count. A column lookup counts at most this many bytes
/// twice, instead of the whole line up to the offset.
const CHAR_BLOCK: usize = 1024;

/// Start offsets of every line of one text, plus the number of characters before every `CHAR_BLOCK`
/// boundary.
pub struct LineIndex {
    starts: Vec<usize>,
    /// `chars_before_block[k]` = characters in `text[..k * CHAR_BLOCK]`.
    chars_before_block: Vec<usize>,
}

fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

impl LineIndex {
    pub fn new(text: impl AsRef<[u8]>) -> LineIndex {
        let text = text.as_ref();
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text).map(|p| p + 1));
        let mut chars_before_block = Vec::with_capacity(text.len() / CHAR_BLOCK + 1);
        let mut total = 0;
        chars_before_block.push(0);
        for block in text.chunks(CHAR_BLOCK) {
            total += count_chars(block);
            chars_before_block.push(total);
        }
        LineIndex {
            starts,
            chars_before_block,
        }
    }

    /// Characters in `text[..offset]`.
    fn chars_before(&self, text: &[u8], offset: usize) -> usize {
        let block = offset / CHAR_BLOCK;
        self.chars_before_block[block] + count_chars(&text[block * CHAR_BLOCK..offset])
    }

    /// 1-based (line, column) of `offset` in `text` (the text the index was built from).
    pub fn position(&self, text: impl AsRef<[u8]>, offset: usize) -> (u32, u32) {
        let text = text.as_ref();
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let col = if offset - start <= CHAR_BLOCK {
            count_chars(&text[start..offset])
        } else {
            self.chars_before(text, offset) - self.chars_before(text, start)
        };
        (line as u32 + 1, col as u32 + 1)
    }

    /// 1-based line number of `offset`.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }

    /// Byte range of 1-based `line` (without its newline).
    pub fn line_range(&self, text: impl AsRef<[u8]>, line: usize) -> Option<Range<usize>> {
        let start = *self.starts.get(line.checked_sub(1)?)?;
        let end = self
            .starts
            .get(line)
            .map_or(text.as_ref().len(), |&e| e.saturating_sub(1));
        Some(start..end.max(start))
    }
}

#[cfg(test)]
mod tests {
    use super::{CHAR_BLOCK, LineIndex};

    #[test]
    fn positions_count_chars_not_bytes() {
        let t = "ab\né x\n";
        let li = LineIndex::new(t);
        assert_eq!(li.position(t, 0), (1, 1));
        assert_eq!(li.position(t, 3), (2, 1));
        assert_eq!(li.position(t, t.find('x').unwrap()), (2, 3));
        assert_eq!(li.position(t, 1), (1, 2));
        assert_eq!(li.line_range(t, 2), Some(3..7));
    }

    #[test]
    fn invalid_utf8_still_has_positions() {
        let t: &[u8] = b"\xff\xfe x\nk=v";
        let li = LineIndex::new(t);
        assert_eq!(li.position(t, 4), (1, 5));
        assert_eq!(li.position(t, 7), (2, 3));
    }

    /// The checkpointed lookup agrees with counting from the line start, on long lines with multi-byte
    /// characters straddling block boundaries.
    #[test]
    fn long_lines_agree_with_naive_counting() {
        let mut t = String::from("short\n");
        for i in 0..(CHAR_BLOCK * 3) {
            t.push(if i % 7 == 0 {
                'é'
            } else if i % 11 == 0 {
                '€'
            } else {
                'a'
            });
        }
        t.push('\n');
        t.push_str(&"x€".repeat(CHAR_BLOCK));
        let li = LineIndex::new(&t);
        for offset in (0..=t.len()).step_by(13).chain([t.len()]) {
            let line_start = t.as_bytes()[..offset]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |p| p + 1);
            let line = t.as_bytes()[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
            let col = t.as_bytes()[line_start..offset]
                .iter()
                .filter(|&&b| b & 0xC0 != 0x80)
                .count()
                + 1;
            assert_eq!(li.position(&t, offset), (line as u32, col as u32), "offset {offset}");
        }
    }
}
