//! Keeping a history scan's resident memory bounded while it reads a whole pack. gix maps pack files
//! into memory; every page a scan has read stays mapped, so a full-history scan's resident set grows by
//! the size of the packs it reads (168 MB for prometheus) on top of its heap. Those pages are clean file
//! pages: dropping them from the process's mapping loses nothing (they stay in the page cache, and a
//! later read maps them again with a minor fault). [`release`] does that for the pack and index files
//! under one `objects/pack` directory, and a history scan calls it after every [`RELEASE_EVERY`] bytes of
//! blobs it reads.

use std::path::Path;

/// Bytes of blob content read between two [`release`] calls in a history scan. Each release makes the
/// next reads fault the pages in again: on prometheus, every 64 MiB peaked at 243 MiB with 0.3-0.4 s of
/// system time, every 128 MiB at 247-253 MiB with less (0.26-0.34 s), every 256 MiB at 260-263 MiB.
pub(super) const RELEASE_EVERY: u64 = 128 << 20;

/// Drops this process's resident pages of the read-only mappings of `*.pack` and `*.idx` files in
/// `pack_dir`. Linux only (a no-op elsewhere); a mapping it cannot parse is left alone.
pub(super) fn release(pack_dir: &Path) {
    #[cfg(target_os = "linux")]
    {
        let Ok(maps) = std::fs::read_to_string("/proc/self/maps") else {
            return;
        };
        let Some(dir) = pack_dir.to_str() else { return };
        for (start, end) in maps.lines().filter_map(|l| pack_mapping(l, dir)) {
            // SAFETY: `start..end` is a whole mapping of this process, read-only and backed by a file that
            // is never written through it: MADV_DONTNEED only drops its pages from the page tables, and the
            // next access reads them again from the page cache. Nothing is freed or changed.
            unsafe {
                libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_DONTNEED);
            }
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = pack_dir;
}

/// The address range of a `/proc/self/maps` line that maps a pack or index file of `dir` read-only.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
fn pack_mapping(line: &str, dir: &str) -> Option<(usize, usize)> {
    // "start-end perms offset dev inode    path" (the path may hold spaces).
    let mut parts = line.splitn(6, ' ');
    let range = parts.next()?;
    let perms = parts.next()?;
    let path = parts.nth(3)?.trim_start();
    let file = path.strip_prefix(dir)?.strip_prefix('/')?;
    if perms.contains('w') || file.contains('/') || !(file.ends_with(".pack") || file.ends_with(".idx")) {
        return None;
    }
    let (s, e) = range.split_once('-')?;
    Some((usize::from_str_radix(s, 16).ok()?, usize::from_str_radix(e, 16).ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_read_only_pack_and_index_mappings_of_the_directory() {
        let dir = "/r/.git/objects/pack";
        let line = |perms: &str, path: &str| format!("7f00a000-7f00c000 {perms} 00000000 fd:01 1234      {path}");
        assert_eq!(
            pack_mapping(&line("r--s", "/r/.git/objects/pack/pack-1.pack"), dir),
            Some((0x7f00a000, 0x7f00c000))
        );
        assert!(pack_mapping(&line("r--p", "/r/.git/objects/pack/pack-1.idx"), dir).is_some());
        assert!(pack_mapping(&line("rw-s", "/r/.git/objects/pack/pack-1.pack"), dir).is_none());
        assert!(pack_mapping(&line("r--s", "/r/.git/objects/pack/pack-1.rev"), dir).is_none());
        assert!(pack_mapping(&line("r--s", "/other/objects/pack/pack-1.pack"), dir).is_none());
        assert!(pack_mapping(&line("r--s", "/r/.git/objects/pack/sub/x.pack"), dir).is_none());
        assert!(pack_mapping("7f00a000-7f00c000 r-xp 00000000 fd:01 1234", dir).is_none());
    }

    /// Released pages read back unchanged.
    #[test]
    fn a_released_mapping_still_reads_the_same() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("pack-x.pack");
        let data: Vec<u8> = (0..(1u32 << 20)).map(|i| (i % 251) as u8).collect();
        std::fs::write(&path, &data).unwrap();
        let file = std::fs::File::open(&path).unwrap();
        // SAFETY: the file is not modified while mapped.
        let map = unsafe { memmap2::Mmap::map(&file) }.unwrap();
        assert_eq!(&map[..], &data[..]);
        release(tmp.path());
        assert_eq!(&map[..], &data[..]);
    }
}
