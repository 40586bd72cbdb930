//! Byte offsets to 1-based (line, column) positions, shared by every analyzer that turns matches into
//! [`crate::finding::Finding`]s. Columns count Unicode scalar values (bytes that do not continue a UTF-8
//! sequence), so invalid UTF-8 still gets a position.

use std::ops::Range;

/// Start offsets of every line of one text, built once per file that has findings.
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: impl AsRef<[u8]>) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_ref()).map(|p| p + 1));
        LineIndex { starts }
    }

    /// 1-based (line, column) of `offset` in `text` (the text the index was built from).
    pub fn position(&self, text: impl AsRef<[u8]>, offset: usize) -> (u32, u32) {
        let text = text.as_ref();
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let col = text[start..offset].iter().filter(|&&b| b & 0xC0 != 0x80).count();
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
    use super::LineIndex;

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
}
