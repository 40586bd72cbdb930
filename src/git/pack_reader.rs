//! Reading a history's blobs straight from the pack files, each delta chain resolved once.
//!
//! A packed blob is mostly a delta against another object, itself often a delta: up to 50 deep in git's
//! default packs. gix resolves a chain from its full base every time, caching only the object asked for, so
//! reading the versions of a file oldest first (as the history scan does: the deepest deltas first) inflates
//! the same deltas again and again: on the prometheus history, 1.7 GB inflated for 0.5 GB of pack entries.
//! [`PackReader`] keeps every object it resolves on the way in a small LRU cache ([`ChainCache`]): the next
//! version of the file is most often one of them, or one delta away from one. The same history then inflates
//! 0.6 GB.
//!
//! Only what the packs of the repository's own `objects/pack` hold is read here; anything else (loose
//! objects, alternates, a pack that cannot be opened, a damaged entry) answers `None`, and the caller reads
//! it through gix, which reports errors in its own words.

use gix::ObjectId;
use gix::odb::pack::Bundle;
use gix::odb::pack::data::entry::Header;
use std::collections::{HashMap, VecDeque};
use std::path::Path;
use std::sync::Arc;

/// Bytes of resolved objects one reader keeps (each scanning thread has its own).
const CACHE_BYTES: usize = 16 << 20;

/// A delta chain longer than this is left to gix (git writes at most 50; a cycle of ref deltas never ends).
const MAX_CHAIN: usize = 10_000;

/// An object larger than this is left to gix (it applies its own allocation limits).
const MAX_OBJECT: u64 = 1 << 30;

/// The pack bundles (index + data) of one `objects/pack` directory, opened once and shared by the readers.
pub(super) struct Packs {
    bundles: Vec<Bundle>,
}

impl Packs {
    /// Opens every `*.idx` in `pack_dir` with its pack; one that cannot be opened is left out (its objects
    /// are then read through gix).
    pub(super) fn open(pack_dir: &Path, hash: gix::hash::Kind) -> Packs {
        let mut paths: Vec<_> = std::fs::read_dir(pack_dir)
            .into_iter()
            .flatten()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "idx"))
            .collect();
        paths.sort();
        Packs {
            bundles: paths.iter().filter_map(|p| Bundle::at(p, hash).ok()).collect(),
        }
    }

    /// Which pack holds `id`, and at what offset.
    fn locate(&self, id: &gix::hash::oid) -> Option<Place> {
        self.bundles.iter().enumerate().find_map(|(i, b)| {
            let e = b.index.lookup(id)?;
            Some((i as u32, b.index.pack_offset_at_index(e)))
        })
    }
}

/// Where an object is: (pack, offset).
type Place = (u32, u64);

/// Resolved objects by (pack, offset), least recently used evicted first, at most [`CACHE_BYTES`].
#[derive(Default)]
struct ChainCache {
    objects: HashMap<Place, (Arc<Vec<u8>>, u64)>,
    /// (key, tick) in order of use; an entry whose tick is older than its object's was used again later.
    order: VecDeque<(Place, u64)>,
    bytes: usize,
    tick: u64,
}

impl ChainCache {
    fn get(&mut self, key: Place) -> Option<Arc<Vec<u8>>> {
        self.tick += 1;
        let (data, tick) = self.objects.get_mut(&key)?;
        *tick = self.tick;
        let data = data.clone();
        self.order.push_back((key, self.tick));
        self.compact();
        Some(data)
    }

    fn put(&mut self, key: Place, data: Arc<Vec<u8>>) {
        if data.len() > CACHE_BYTES / 4 || self.objects.contains_key(&key) {
            return;
        }
        self.tick += 1;
        self.bytes += data.len();
        self.objects.insert(key, (data, self.tick));
        self.order.push_back((key, self.tick));
        while self.bytes > CACHE_BYTES {
            let Some((k, t)) = self.order.pop_front() else { break };
            if self.objects.get(&k).is_some_and(|(_, tick)| *tick == t) {
                let (d, _) = self.objects.remove(&k).expect("present");
                self.bytes -= d.len();
            }
        }
        self.compact();
    }

    /// Drops the stale entries of `order` once they outnumber the live ones, so it stays O(objects).
    fn compact(&mut self) {
        if self.order.len() > 4 * self.objects.len() + 64 {
            let objects = &self.objects;
            self.order
                .retain(|(k, t)| objects.get(k).is_some_and(|(_, tick)| tick == t));
        }
    }
}

/// One thread's reader: its cache of resolved objects and its inflate state.
#[derive(Default)]
pub(super) struct PackReader {
    cache: ChainCache,
    inflate: gix::zlib::Inflate,
    delta: Vec<u8>,
    chain: Vec<Place>,
}

impl PackReader {
    /// The content of blob `id`, or `None` when it is not a blob read from `packs` without error (the caller
    /// then asks gix).
    pub(super) fn read_blob(&mut self, packs: &Packs, id: &ObjectId) -> Option<Arc<Vec<u8>>> {
        let (pack, offset) = packs.locate(id)?;
        self.resolve(packs, pack, offset)
    }

    /// Resolves the object at `offset` of pack `pack`: walks its chain up to a cached object or a full base,
    /// then applies the deltas back down, caching each object produced.
    fn resolve(&mut self, packs: &Packs, pack: u32, offset: u64) -> Option<Arc<Vec<u8>>> {
        self.chain.clear();
        let (mut p, mut o) = (pack, offset);
        let mut current = loop {
            if let Some(hit) = self.cache.get((p, o)) {
                break hit;
            }
            if self.chain.len() >= MAX_CHAIN {
                return None;
            }
            let file = &packs.bundles[p as usize].pack;
            let entry = file.entry(o).ok()?;
            match entry.header {
                Header::Blob => {
                    if entry.decompressed_size > MAX_OBJECT {
                        return None;
                    }
                    let mut out = vec![0; entry.decompressed_size as usize];
                    file.decompress_entry(&entry, &mut self.inflate, &mut out).ok()?;
                    let out = Arc::new(out);
                    self.cache.put((p, o), out.clone());
                    break out;
                }
                Header::OfsDelta { base_distance } => {
                    self.chain.push((p, o));
                    o = entry.checked_base_pack_offset(base_distance)?;
                }
                Header::RefDelta { base_id } => {
                    self.chain.push((p, o));
                    (p, o) = packs.locate(&base_id)?;
                }
                // Not a blob (a tree or commit never bases a blob's delta in practice): gix's business.
                Header::Tree | Header::Commit | Header::Tag => return None,
            }
        };
        while let Some((p, o)) = self.chain.pop() {
            let file = &packs.bundles[p as usize].pack;
            let entry = file.entry(o).ok()?;
            if entry.decompressed_size > MAX_OBJECT {
                return None;
            }
            self.delta.clear();
            self.delta.resize(entry.decompressed_size as usize, 0);
            file.decompress_entry(&entry, &mut self.inflate, &mut self.delta).ok()?;
            let out = apply_delta(&current, &self.delta)?;
            current = Arc::new(out);
            self.cache.put((p, o), current.clone());
        }
        Some(current)
    }
}

/// A size in a delta's header (little-endian base-128).
fn delta_size(d: &[u8], i: &mut usize) -> Option<u64> {
    let mut size = 0u64;
    let mut shift = 0;
    loop {
        let b = *d.get(*i)?;
        *i += 1;
        if shift >= 64 {
            return None;
        }
        size |= u64::from(b & 0x7f) << shift;
        shift += 7;
        if b & 0x80 == 0 {
            return Some(size);
        }
    }
}

/// Applies git delta `delta` to `base`: its header (base size, result size), then copy instructions (a
/// range of the base) and insert instructions (bytes of the delta). `None` if it is malformed.
fn apply_delta(base: &[u8], delta: &[u8]) -> Option<Vec<u8>> {
    let mut i = 0;
    let base_size = delta_size(delta, &mut i)?;
    let result_size = delta_size(delta, &mut i)?;
    if base_size != base.len() as u64 || result_size > MAX_OBJECT {
        return None;
    }
    let mut out = Vec::with_capacity(result_size as usize);
    while let Some(&cmd) = delta.get(i) {
        i += 1;
        if cmd & 0x80 != 0 {
            let mut field = |bits: u8, shift: u32| -> Option<usize> {
                if cmd & bits == 0 {
                    return Some(0);
                }
                let b = *delta.get(i)?;
                i += 1;
                Some(usize::from(b) << shift)
            };
            let ofs = field(0x01, 0)? | field(0x02, 8)? | field(0x04, 16)? | field(0x08, 24)?;
            let mut size = field(0x10, 0)? | field(0x20, 8)? | field(0x40, 16)?;
            if size == 0 {
                size = 0x10000;
            }
            out.extend_from_slice(base.get(ofs..ofs.checked_add(size)?)?);
        } else if cmd != 0 {
            let n = usize::from(cmd);
            out.extend_from_slice(delta.get(i..i + n)?);
            i += n;
        } else {
            return None;
        }
        if out.len() as u64 > result_size {
            return None;
        }
    }
    (out.len() as u64 == result_size).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use gix::prelude::FindExt;

    /// A delta header: base size, result size.
    fn header(base: usize, result: usize) -> Vec<u8> {
        let mut out = Vec::new();
        for mut n in [base, result] {
            loop {
                let b = (n & 0x7f) as u8;
                n >>= 7;
                if n == 0 {
                    out.push(b);
                    break;
                }
                out.push(b | 0x80);
            }
        }
        out
    }

    #[test]
    fn copies_and_inserts() {
        let base = b"0123456789".repeat(30);
        let mut d = header(base.len(), 3 + 200 + 2);
        d.extend_from_slice(&[3, b'a', b'b', b'c']);
        // copy offset 5 (one byte), size 200 (one byte)
        d.extend_from_slice(&[0x80 | 0x01 | 0x10, 5, 200]);
        d.extend_from_slice(&[2, b'y', b'z']);
        let out = apply_delta(&base, &d).unwrap();
        let mut want = b"abc".to_vec();
        want.extend_from_slice(&base[5..205]);
        want.extend_from_slice(b"yz");
        assert_eq!(out, want);
    }

    #[test]
    fn a_copy_of_size_zero_copies_64_kib() {
        let base = vec![7u8; 0x10000 + 10];
        let mut d = header(base.len(), 0x10000);
        d.extend_from_slice(&[0x80]);
        assert_eq!(apply_delta(&base, &d).unwrap(), vec![7u8; 0x10000]);
    }

    #[test]
    fn malformed_deltas_are_refused() {
        let base = b"hello world".to_vec();
        // wrong base size
        assert!(apply_delta(&base, &[3, 0]).is_none());
        // copy beyond the base
        let mut d = header(base.len(), 5);
        d.extend_from_slice(&[0x80 | 0x01 | 0x10, 9, 5]);
        assert!(apply_delta(&base, &d).is_none());
        // insert past the end of the delta
        let mut d = header(base.len(), 5);
        d.extend_from_slice(&[5, b'a']);
        assert!(apply_delta(&base, &d).is_none());
        // result longer or shorter than announced
        let mut d = header(base.len(), 1);
        d.extend_from_slice(&[2, b'a', b'b']);
        assert!(apply_delta(&base, &d).is_none());
        let mut d = header(base.len(), 3);
        d.extend_from_slice(&[2, b'a', b'b']);
        assert!(apply_delta(&base, &d).is_none());
        // reserved command 0
        let mut d = header(base.len(), 1);
        d.extend_from_slice(&[0, 1, b'a']);
        assert!(apply_delta(&base, &d).is_none());
        // truncated header
        assert!(apply_delta(&base, &[0x80]).is_none());
    }

    /// Runs git in `dir` with no global or system configuration; returns stdout.
    fn git(dir: &Path, args: &[&str]) -> String {
        let out = std::process::Command::new("git")
            .args(args)
            .current_dir(dir)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .env_remove("GIT_INDEX_FILE")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// A repository whose files have many versions (edits at the top, middle and end, growing and
    /// shrinking), repacked into one pack of delta chains, with offset deltas or ref deltas; returns its
    /// directory and blob ids.
    fn packed_history(ref_deltas: bool) -> (tempfile::TempDir, Vec<ObjectId>) {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        git(dir, &["init", "-q"]);
        git(dir, &["config", "user.email", "t@example.com"]);
        git(dir, &["config", "user.name", "t"]);
        let mut lines: Vec<String> = (0..400)
            .map(|i| format!("line {i} of a file that changes a little"))
            .collect();
        for v in 0..60 {
            let i = (v * 37) % lines.len();
            lines[i] = format!("edited in version {v}");
            if v % 3 == 0 {
                lines.push(format!("appended in version {v}"));
            } else if v % 7 == 0 {
                lines.remove(0);
            }
            std::fs::write(dir.join("a.txt"), lines.join("\n")).unwrap();
            std::fs::write(dir.join("b.txt"), lines[..(v * 5 + 10).min(lines.len())].join("\n")).unwrap();
            git(dir, &["add", "-A"]);
            git(dir, &["commit", "-q", "-m", &format!("v{v}")]);
        }
        let offsets = if ref_deltas {
            "repack.useDeltaBaseOffset=false"
        } else {
            "repack.useDeltaBaseOffset=true"
        };
        git(
            dir,
            &["-c", offsets, "repack", "-a", "-d", "-f", "--depth=50", "--window=50"],
        );
        let blobs = git(
            dir,
            &[
                "cat-file",
                "--batch-all-objects",
                "--batch-check=%(objecttype) %(objectname)",
            ],
        )
        .lines()
        .filter_map(|l| l.strip_prefix("blob "))
        .map(|id| ObjectId::from_hex(id.as_bytes()).unwrap())
        .collect();
        (tmp, blobs)
    }

    /// Every blob of a delta-packed history reads exactly as gix reads it, whatever the order (newest
    /// first, oldest first, shuffled), with offset deltas and with ref deltas; and the chains are deltas.
    #[test]
    fn reads_every_blob_as_gix_does() {
        for ref_deltas in [false, true] {
            let (tmp, mut blobs) = packed_history(ref_deltas);
            assert!(blobs.len() > 100, "{} blobs", blobs.len());
            let verify = git(
                tmp.path(),
                &["verify-pack", "-v", &format!("{}", find_idx(tmp.path()).display())],
            );
            let deltas = verify
                .lines()
                .filter(|l| l.contains(" blob ") && l.split_whitespace().count() >= 7)
                .count();
            assert!(deltas > 90, "only {deltas} deltified blobs");
            let repo = gix::open(tmp.path()).unwrap();
            let packs = Packs::open(&tmp.path().join(".git/objects/pack"), repo.object_hash());
            assert_eq!(packs.bundles.len(), 1);
            let bundle = &packs.bundles[0];
            let refs = (0..bundle.index.num_objects())
                .map(|i| bundle.pack.entry(bundle.index.pack_offset_at_index(i)).unwrap().header)
                .filter(|h| matches!(h, Header::RefDelta { .. }))
                .count();
            assert_eq!(refs > 90, ref_deltas, "{refs} ref deltas");
            let mut buf = Vec::new();
            for round in 0..3 {
                match round {
                    1 => blobs.reverse(),
                    2 => {
                        let mut state = 0x9E37_79B9_7F4A_7C15u64;
                        for i in (1..blobs.len()).rev() {
                            state ^= state << 13;
                            state ^= state >> 7;
                            state ^= state << 17;
                            blobs.swap(i, (state % (i as u64 + 1)) as usize);
                        }
                    }
                    _ => {}
                }
                let mut reader = PackReader::default();
                for id in &blobs {
                    let ours = reader.read_blob(&packs, id).unwrap_or_else(|| panic!("{id} not read"));
                    let theirs = repo.objects.find(id, &mut buf).unwrap().data;
                    assert_eq!(&ours[..], theirs, "{id} (ref deltas {ref_deltas}, round {round})");
                }
            }
            // Not in the packs: left to gix.
            assert!(
                PackReader::default()
                    .read_blob(&packs, &ObjectId::null(gix::hash::Kind::Sha1))
                    .is_none()
            );
        }
    }

    fn find_idx(repo: &Path) -> std::path::PathBuf {
        std::fs::read_dir(repo.join(".git/objects/pack"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|x| x == "idx"))
            .unwrap()
    }

    #[test]
    fn the_cache_keeps_recent_objects_within_its_budget() {
        let mut c = ChainCache::default();
        let big = CACHE_BYTES / 8;
        for i in 0..20u64 {
            c.put((0, i), Arc::new(vec![0; big]));
            // Object 0 stays in use, so it is never the least recently used.
            assert!(c.get((0, 0)).is_some(), "after {i}");
            assert!(c.bytes <= CACHE_BYTES);
        }
        assert!(c.get((0, 19)).is_some());
        assert!(c.get((0, 1)).is_none());
        assert!(c.order.len() <= 4 * c.objects.len() + 64);
        // Too large to keep.
        c.put((1, 0), Arc::new(vec![0; CACHE_BYTES / 2]));
        assert!(c.get((1, 0)).is_none());
    }
}
