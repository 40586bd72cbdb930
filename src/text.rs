//! What a file's bytes are before any analyzer sees them: UTF-8 (with or without a byte-order mark),
//! UTF-16 (little- or big-endian, with a BOM or recognised from its NUL pattern), or binary. Sits between
//! the producers of bytes (the directory walker, git blobs, stdin), which use [`classify`] to skip and count
//! binary files, and the [`crate::pipeline::Pipeline`], which uses [`decode`] so that every analyzer works on
//! UTF-8 text.
//!
//! Windows tools write UTF-16 as a matter of course: PowerShell 5 `Out-File`/`>` redirection, `.reg`
//! registry exports, Visual Studio's `.resx` and `.config` files, `Export-Clixml`. Counting those as
//! binary would hide every credential in them. They are decoded to UTF-8 once per file; positions are then
//! computed on the decoded text by [`crate::position::LineIndex`], which counts Unicode scalar values, so a
//! column is a *character* of the original file. The one place this differs from counting UTF-16 code
//! units is a character outside the Basic Multilingual Plane (an emoji, a rare CJK ideograph), written as a
//! surrogate pair: it is one column here, as it is in a UTF-8 file and in editors that count characters.
//! An unpaired surrogate decodes to U+FFFD and is one column too.
//!
//! ```
//! use plimsoll::text::{classify, decode, Content, Encoding};
//! let utf16: Vec<u8> = "\u{feff}TOKEN=abc\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
//! assert_eq!(classify(&utf16), Content::Text(Encoding::Utf16Le { bom: true }));
//! let mut buf = Vec::new();
//! assert_eq!(decode(&utf16, &mut buf), b"TOKEN=abc\n");
//! ```

/// How many leading bytes decide whether content is binary, and which UTF-16 byte order it has.
pub const SNIFF_LEN: usize = 8192;

const UTF8_BOM: &[u8] = &[0xEF, 0xBB, 0xBF];
const UTF16_LE_BOM: &[u8] = &[0xFF, 0xFE];
const UTF16_BE_BOM: &[u8] = &[0xFE, 0xFF];

/// The text encodings plimsoll reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 or anything ASCII-compatible without NUL bytes (Latin-1 files are scanned byte-wise too).
    Utf8 {
        bom: bool,
    },
    Utf16Le {
        bom: bool,
    },
    Utf16Be {
        bom: bool,
    },
}

impl Encoding {
    /// Whether this content is UTF-16 and gets decoded before scanning.
    pub fn is_utf16(self) -> bool {
        matches!(self, Encoding::Utf16Le { .. } | Encoding::Utf16Be { .. })
    }
}

/// What a file's content is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Content {
    Text(Encoding),
    /// NUL bytes in the first [`SNIFF_LEN`] bytes that are not the NUL half of UTF-16 text.
    Binary,
}

/// Classifies content from its first [`SNIFF_LEN`] bytes.
///
/// - a UTF-8 BOM, or no NUL byte at all: UTF-8 (UTF-16 text holding any ASCII has NUL bytes);
/// - NUL bytes and a UTF-16 BOM (`FF FE` little-endian, `FE FF` big-endian) followed by code units none of which is
///   U+0000: UTF-16 (so a UTF-32 BOM `FF FE 00 00` is not taken for one);
/// - no BOM, but NUL bytes: UTF-16 when no code unit is U+0000 or a C0 control other than whitespace,
///   surrogates are paired, and at least half of the code units are printable ASCII or tab/CR/LF, the NUL
///   byte always on the same side (high byte first for big-endian, second for little-endian); otherwise
///   binary. Executables, images and archives have NUL
///   bytes on both sides and U+0000 units, and fail this test.
pub fn classify(data: &[u8]) -> Content {
    let head = &data[..data.len().min(SNIFF_LEN)];
    if head.starts_with(UTF8_BOM) {
        return if memchr::memchr(0, head).is_some() {
            Content::Binary
        } else {
            Content::Text(Encoding::Utf8 { bom: true })
        };
    }
    if memchr::memchr(0, head).is_none() {
        // UTF-16 text with ASCII in it has NUL bytes; without any, `FF FE` may as well start a Latin-1
        // file (`ÿþ`), and there is no ASCII key or token to find in the window anyway.
        return Content::Text(Encoding::Utf8 { bom: false });
    }
    if let Some(big_endian) = utf16_bom(head) {
        // A BOM is strong evidence, but check the content before trusting it.
        if plausible_utf16(&head[2..], big_endian, false) {
            return Content::Text(if big_endian {
                Encoding::Utf16Be { bom: true }
            } else {
                Encoding::Utf16Le { bom: true }
            });
        }
    } else if plausible_utf16(head, false, true) {
        return Content::Text(Encoding::Utf16Le { bom: false });
    } else if plausible_utf16(head, true, true) {
        return Content::Text(Encoding::Utf16Be { bom: false });
    }
    Content::Binary
}

fn utf16_bom(head: &[u8]) -> Option<bool> {
    if head.starts_with(UTF16_LE_BOM) {
        Some(false)
    } else if head.starts_with(UTF16_BE_BOM) {
        Some(true)
    } else {
        None
    }
}

/// Whether `bytes` read as UTF-16 in the given byte order looks like text: no U+0000 unit and, without a
/// BOM to vouch for it (`strict`), no unpaired surrogate, no C0 control other than tab/LF/FF/CR, no
/// noncharacter U+FFFE/U+FFFF, and at least half of the units printable ASCII or tab/CR/LF (markup and
/// keys are ASCII even in a Cyrillic or CJK resource file).
fn plausible_utf16(bytes: &[u8], big_endian: bool, strict: bool) -> bool {
    let units = bytes.len() / 2;
    if units == 0 {
        return !strict;
    }
    let mut ascii = 0usize;
    let mut pending_high = false;
    for pair in bytes.chunks_exact(2) {
        let u = unit(pair, big_endian);
        if u == 0 {
            return false;
        }
        let is_high = (0xD800..0xDC00).contains(&u);
        let is_low = (0xDC00..0xE000).contains(&u);
        if strict && (pending_high != is_low || matches!(u, 0x01..=0x08 | 0x0B | 0x0E..=0x1F | 0xFFFE | 0xFFFF)) {
            return false;
        }
        pending_high = is_high;
        if matches!(u, 0x09 | 0x0A | 0x0D | 0x20..=0x7E) {
            ascii += 1;
        }
    }
    // A surrogate pair cut by the end of the sniffed window is fine.
    !strict || ascii * 2 >= units
}

fn unit(pair: &[u8], big_endian: bool) -> u16 {
    if big_endian {
        u16::from_be_bytes([pair[0], pair[1]])
    } else {
        u16::from_le_bytes([pair[0], pair[1]])
    }
}

/// The UTF-8 text analyzers should see for `data`: `data` itself for UTF-8, without its BOM if it has one;
/// for UTF-16, `data` decoded into `buf` (BOM dropped, unpaired surrogates and a trailing odd byte as
/// U+FFFD). Binary content is returned unchanged: callers skip it before this point.
pub fn decode<'a>(data: &'a [u8], buf: &'a mut Vec<u8>) -> &'a [u8] {
    let encoding = match classify(data) {
        Content::Text(e) => e,
        Content::Binary => return data,
    };
    let (body, big_endian) = match encoding {
        Encoding::Utf8 { bom } => return if bom { &data[UTF8_BOM.len()..] } else { data },
        Encoding::Utf16Le { bom } => (if bom { &data[2..] } else { data }, false),
        Encoding::Utf16Be { bom } => (if bom { &data[2..] } else { data }, true),
    };
    buf.clear();
    // ASCII-heavy UTF-16 halves in size; reserve for that and let rarer wide text grow the buffer.
    buf.reserve(body.len() / 2 + 1);
    let units = body.chunks_exact(2).map(|p| unit(p, big_endian));
    let mut tmp = [0u8; 4];
    for c in char::decode_utf16(units) {
        let c = c.unwrap_or(char::REPLACEMENT_CHARACTER);
        buf.extend_from_slice(c.encode_utf8(&mut tmp).as_bytes());
    }
    if body.len() % 2 == 1 {
        buf.extend_from_slice(char::REPLACEMENT_CHARACTER.encode_utf8(&mut tmp).as_bytes());
    }
    buf
}

#[cfg(test)]
mod tests {
    use super::*;

    fn le(s: &str) -> Vec<u8> {
        s.encode_utf16().flat_map(u16::to_le_bytes).collect()
    }

    fn be(s: &str) -> Vec<u8> {
        s.encode_utf16().flat_map(u16::to_be_bytes).collect()
    }

    #[test]
    fn utf16_with_and_without_bom_is_text() {
        let text = "$Token = 'abc'\r\nWrite-Host done\r\n";
        assert_eq!(
            classify(&le(&format!("\u{feff}{text}"))),
            Content::Text(Encoding::Utf16Le { bom: true })
        );
        assert_eq!(
            classify(&be(&format!("\u{feff}{text}"))),
            Content::Text(Encoding::Utf16Be { bom: true })
        );
        assert_eq!(classify(&le(text)), Content::Text(Encoding::Utf16Le { bom: false }));
        assert_eq!(classify(&be(text)), Content::Text(Encoding::Utf16Be { bom: false }));
        // A Russian resource file without a BOM: the markup keeps it above half ASCII.
        let resx = "<data name=\"Greeting\"><value>\u{417}\u{434}\u{440}\u{430}\u{432}\u{441}\u{442}\u{432}\u{443}\u{439}\u{442}\u{435}</value></data>\r\n";
        assert_eq!(classify(&le(resx)), Content::Text(Encoding::Utf16Le { bom: false }));
    }

    #[test]
    fn decoding_gives_the_original_characters() {
        let text = "# r\u{e9}sum\u{e9} \u{1F511} \u{4e2d}\r\napi_token = 'abcdefgh'\r\n";
        let mut buf = Vec::new();
        for bytes in [
            le(text),
            be(text),
            le(&format!("\u{feff}{text}")),
            be(&format!("\u{feff}{text}")),
        ] {
            assert_eq!(decode(&bytes, &mut buf), text.as_bytes());
        }
        let mut bom8 = UTF8_BOM.to_vec();
        bom8.extend_from_slice(text.as_bytes());
        assert_eq!(decode(&bom8, &mut buf), text.as_bytes());
        assert_eq!(decode(text.as_bytes(), &mut buf), text.as_bytes());
    }

    #[test]
    fn unpaired_surrogates_and_odd_lengths_become_replacement_characters() {
        let mut bytes = vec![0xFF, 0xFE, b'a', 0, 0x00, 0xD8, b'b', 0];
        let mut buf = Vec::new();
        // With a BOM, a lone surrogate is damage inside a UTF-16 file; without one it is not evidence of text.
        assert_eq!(classify(&bytes), Content::Text(Encoding::Utf16Le { bom: true }));
        assert_eq!(decode(&bytes, &mut buf), "a\u{fffd}b".as_bytes());
        assert_eq!(classify(&bytes[2..]), Content::Binary);
        bytes = le("x=1\n");
        bytes.push(b'!');
        assert_eq!(decode(&bytes, &mut buf), "x=1\n\u{fffd}".as_bytes());
    }

    #[test]
    fn binary_content_is_still_binary() {
        // An ELF header, a PNG, a UTF-32 file and NUL-padded records: NULs on both sides or U+0000 units.
        let elf = b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00\x3e\x00";
        assert_eq!(classify(elf), Content::Binary);
        let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00";
        assert_eq!(classify(png), Content::Binary);
        let utf32: Vec<u8> = "\u{feff}abc".chars().flat_map(|c| (c as u32).to_le_bytes()).collect();
        assert_eq!(classify(&utf32), Content::Binary);
        // Alternating NULs, but mostly control bytes: a binary record format, not text.
        let records: Vec<u8> = (0..200u8).flat_map(|i| [i % 8 + 1, 0]).collect();
        assert_eq!(classify(&records), Content::Binary);
        assert_eq!(
            classify(b"plain\nascii\n"),
            Content::Text(Encoding::Utf8 { bom: false })
        );
    }
}
