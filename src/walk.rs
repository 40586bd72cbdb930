//! Working-tree scans: walks the given paths in parallel with the `ignore` crate and runs the
//! [`Pipeline`] on every regular text file. `.gitignore` is honoured (unless `no_ignore`), hidden files are
//! scanned, `.git/` is skipped, symlinks are not followed, and FIFOs, sockets and devices are never opened.
//! Binary files (NUL bytes in the first 8 KiB that are not UTF-16 text, see [`crate::text::classify`]) are
//! skipped; UTF-16 files are scanned (the pipeline decodes them) and counted.
//! Every file not scanned is counted by reason; unreadable files are errors reported at the end.
//! With progress on, a second walk (metadata only, same filters) counts what there is to scan alongside,
//! so the progress line can show a total and the time left ([`crate::progress`]).

use crate::facts::Fact;
use crate::finding::Finding;
pub use crate::fsutil::{STDIN_PATH, display_path, exclusion_set};
pub use crate::outcome::{FileError, Outcome, Stats};
use crate::pipeline::{Pipeline, PipelineScratch};
use crate::progress::{Progress, scan_line};
use globset::GlobSet;
use ignore::{WalkBuilder, WalkState};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Instant;

/// Files up to this size are read into a reused buffer; larger ones are memory-mapped.
const READ_WHOLE_LIMIT: u64 = 1 << 20;

/// What a working-tree scan does. Built once from flags and config.
#[derive(Clone, Debug)]
pub struct WalkOptions {
    pub paths: Vec<PathBuf>,
    /// Ignore `.gitignore`/`.ignore` files.
    pub no_ignore: bool,
    /// Do not read the working tree's `.ignore` and `.plimsollignore` files even without `no_ignore`:
    /// with `--config-from`, they are configuration the branch being checked could write (`.gitignore`
    /// is still honoured: it decides what is a build artefact).
    pub skip_tool_ignore_files: bool,
    /// gitignore-style globs, relative to each scan root.
    pub exclude: Vec<String>,
    /// 0 = one per core.
    pub threads: usize,
    /// Bytes; larger files are skipped and counted.
    pub max_file_size: u64,
    /// Show a progress line on stderr (a spinner on a terminal, plain lines otherwise).
    pub progress: bool,
}

#[derive(Default)]
struct Counters {
    files: AtomicU64,
    bytes: AtomicU64,
    binary: AtomicU64,
    utf16: AtomicU64,
    too_large: AtomicU64,
    special: AtomicU64,
    symlinks: AtomicU64,
    excluded: AtomicU64,
    /// For the progress line: regular files reached (scanned or skipped) and their size.
    seen_files: AtomicU64,
    seen_bytes: AtomicU64,
}

/// For the progress line: what the counting walk found, final once `done`.
#[derive(Default)]
struct Totals {
    files: AtomicU64,
    bytes: AtomicU64,
    done: AtomicBool,
    /// Set when the scan is over: the counting walk stops.
    stop: AtomicBool,
}

struct Shared<'a> {
    pipeline: &'a Pipeline,
    opts: &'a WalkOptions,
    counters: Counters,
    findings: Mutex<Vec<Finding>>,
    facts: Mutex<Vec<Fact>>,
    errors: Mutex<Vec<FileError>>,
    progress: Option<Progress>,
    totals: Totals,
    started: Instant,
}

/// Per-thread worker state; flushes its findings into the shared list when the thread ends.
struct Worker<'a, 'b> {
    shared: &'b Shared<'a>,
    scratch: PipelineScratch,
    buf: Vec<u8>,
    findings: Vec<Finding>,
    facts: Vec<Fact>,
}

impl Drop for Worker<'_, '_> {
    fn drop(&mut self) {
        if !self.findings.is_empty() {
            self.shared.findings.lock().unwrap().append(&mut self.findings);
        }
        if !self.facts.is_empty() {
            self.shared.facts.lock().unwrap().append(&mut self.facts);
        }
    }
}

/// Runs a working-tree scan.
pub fn scan(pipeline: &Pipeline, opts: &WalkOptions) -> Result<Outcome, String> {
    let started = Instant::now();
    let excludes = exclusion_set(&opts.exclude)?;
    let progress = if opts.progress {
        use std::io::IsTerminal;
        Progress::new(std::io::stderr().is_terminal(), true)
    } else {
        None
    };
    let shared = Shared {
        pipeline,
        opts,
        counters: Counters::default(),
        findings: Mutex::new(Vec::new()),
        facts: Mutex::new(Vec::new()),
        errors: Mutex::new(Vec::new()),
        progress,
        totals: Totals::default(),
        started,
    };
    let threads = if opts.threads == 0 {
        std::thread::available_parallelism().map_or(2, |n| n.get())
    } else {
        opts.threads
    };

    std::thread::scope(|threads_scope| {
        if shared.progress.is_some() {
            let (shared, excludes) = (&shared, &excludes);
            threads_scope.spawn(move || count_files(opts, excludes, &shared.totals));
        }
        let mut named_files = Vec::new();
        for root in &opts.paths {
            if root.as_os_str() == "-" {
                let mut buf = Vec::new();
                match std::io::stdin().lock().read_to_end(&mut buf) {
                    Ok(_) => {
                        let mut w = Worker::new(&shared);
                        w.analyze_bytes(STDIN_PATH, &buf, true);
                    }
                    Err(e) => shared.error(STDIN_PATH.into(), e.to_string()),
                }
                continue;
            }
            let meta = match std::fs::metadata(root) {
                Ok(m) => m,
                Err(e) => {
                    shared.error(display_path(root), e.to_string());
                    continue;
                }
            };
            if !meta.is_dir() {
                // A file named on the command line is scanned whatever its name or ignore status; the named
                // files are scanned together, after this loop.
                named_files.push((root.as_path(), meta));
                continue;
            }
            let root_owned = root.clone();
            let excludes = &excludes;
            let mut builder = WalkBuilder::new(root);
            builder
                .hidden(false)
                .follow_links(false)
                .git_ignore(!opts.no_ignore)
                .git_global(!opts.no_ignore)
                .git_exclude(!opts.no_ignore)
                .ignore(!opts.no_ignore && !opts.skip_tool_ignore_files)
                .parents(!opts.no_ignore)
                .require_git(false)
                .threads(threads)
                .filter_entry(|e| {
                    e.depth() == 0 || !(e.file_name() == ".git" && e.file_type().is_some_and(|t| t.is_dir()))
                });
            if !opts.no_ignore && !opts.skip_tool_ignore_files {
                builder.add_custom_ignore_filename(".plimsollignore");
            }
            let shared_ref = &shared;
            builder.build_parallel().run(|| {
                let mut worker = Worker::new(shared_ref);
                let root = root_owned.clone();
                Box::new(move |entry| {
                    let entry = match entry {
                        Ok(e) => e,
                        Err(err) => {
                            worker.walk_error(err);
                            return WalkState::Continue;
                        }
                    };
                    if entry.depth() > 0
                        && !excludes.is_empty()
                        && let Ok(rel) = entry.path().strip_prefix(&root)
                        && excludes.is_match(rel)
                    {
                        worker.shared.counters.excluded.fetch_add(1, Ordering::Relaxed);
                        return if entry.file_type().is_some_and(|t| t.is_dir()) {
                            WalkState::Skip
                        } else {
                            WalkState::Continue
                        };
                    }
                    let Some(ft) = entry.file_type() else {
                        return WalkState::Continue;
                    };
                    if ft.is_dir() {
                        return WalkState::Continue;
                    }
                    if ft.is_symlink() {
                        worker.shared.counters.symlinks.fetch_add(1, Ordering::Relaxed);
                        return WalkState::Continue;
                    }
                    if !ft.is_file() {
                        worker.shared.counters.special.fetch_add(1, Ordering::Relaxed);
                        return WalkState::Continue;
                    }
                    match entry.metadata() {
                        Ok(meta) => worker.visit_file(entry.path(), &meta, entry.depth() == 0),
                        Err(e) => worker.shared.error(display_path(entry.path()), e.to_string()),
                    }
                    WalkState::Continue
                })
            });
        }
        scan_named_files(&shared, &named_files, threads);
        shared.totals.stop.store(true, Ordering::Relaxed);
    });

    if let Some(p) = &shared.progress {
        p.finish();
    }
    let c = &shared.counters;
    let mut findings = shared.findings.into_inner().unwrap();
    pipeline.finish_project(shared.facts.into_inner().unwrap(), &mut findings);
    // Findings about files the walk never visited (a tracked `.env` that a `.gitignore` hides, reported
    // from that `.gitignore`) obey the same exclude globs as the files it visited.
    if !excludes.is_empty() {
        findings.retain(|f| !excluded_elsewhere(&f.path, &opts.paths, &excludes));
    }
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    findings.dedup_by(|a, b| a.sort_key() == b.sort_key() && a.span == b.span);
    let mut errors = shared.errors.into_inner().unwrap();
    errors.sort_by(|a, b| a.path.cmp(&b.path));
    let stats = Stats {
        files_scanned: c.files.load(Ordering::Relaxed),
        bytes_scanned: c.bytes.load(Ordering::Relaxed),
        skipped_binary: c.binary.load(Ordering::Relaxed),
        decoded_utf16: c.utf16.load(Ordering::Relaxed),
        skipped_too_large: c.too_large.load(Ordering::Relaxed),
        skipped_special: c.special.load(Ordering::Relaxed),
        skipped_symlinks: c.symlinks.load(Ordering::Relaxed),
        excluded: c.excluded.load(Ordering::Relaxed),
        unreadable: errors.len() as u64,
        findings: findings.len() as u64,
        below_min_confidence: pipeline.secrets.hidden_below_confidence(),
        elapsed_ms: started.elapsed().as_millis() as u64,
        git: None,
        ..Stats::default()
    };
    let mut outcome = Outcome {
        findings,
        stats,
        errors,
        ..Outcome::default()
    };
    outcome.set_aside_suppressed();
    Ok(outcome)
}

/// Scans the files named on the command line on up to `threads` workers pulling from one list. Each worker
/// keeps its scratch (the regex caches a rule's first hit builds) from file to file, as the directory
/// walkers do: a fresh one per file rebuilt those caches for each of 1,170 named Dockerfiles.
fn scan_named_files(shared: &Shared<'_>, files: &[(&Path, std::fs::Metadata)], threads: usize) {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let work = || {
        let mut worker = Worker::new(shared);
        while let Some((path, meta)) = files.get(next.fetch_add(1, Ordering::Relaxed)) {
            worker.visit_file(path, meta, true);
        }
    };
    std::thread::scope(|scope| {
        for _ in 1..threads.min(files.len()) {
            scope.spawn(work);
        }
        work();
    });
}

/// The walker of a scan root: hidden files included, `.git/` left out, ignore files honoured unless
/// `no_ignore`, symlinks not followed. The scan and the counting walk share it, so they agree.
fn walk_builder(root: &Path, opts: &WalkOptions) -> WalkBuilder {
    let mut builder = WalkBuilder::new(root);
    builder
        .hidden(false)
        .follow_links(false)
        .git_ignore(!opts.no_ignore)
        .git_global(!opts.no_ignore)
        .git_exclude(!opts.no_ignore)
        .ignore(!opts.no_ignore && !opts.skip_tool_ignore_files)
        .parents(!opts.no_ignore)
        .require_git(false)
        .filter_entry(|e| e.depth() == 0 || !(e.file_name() == ".git" && e.file_type().is_some_and(|t| t.is_dir())));
    if !opts.no_ignore && !opts.skip_tool_ignore_files {
        builder.add_custom_ignore_filename(".plimsollignore");
    }
    builder
}

/// The counting walk behind the progress line's total: regular files the scan will reach (same filters,
/// size cap included) and their size, from metadata only. Stops early when the scan is over.
fn count_files(opts: &WalkOptions, excludes: &GlobSet, totals: &Totals) {
    for root in &opts.paths {
        if root.as_os_str() == "-" {
            continue;
        }
        let mut builder = walk_builder(root, opts);
        let (excludes, base) = (excludes.clone(), root.clone());
        builder.filter_entry(move |e| {
            let is_dir = e.file_type().is_some_and(|t| t.is_dir());
            e.depth() == 0
                || !((e.file_name() == ".git" && is_dir)
                    || (!excludes.is_empty() && e.path().strip_prefix(&base).is_ok_and(|rel| excludes.is_match(rel))))
        });
        for entry in builder.build() {
            if totals.stop.load(Ordering::Relaxed) {
                return;
            }
            let Ok(entry) = entry else { continue };
            let Some(ft) = entry.file_type() else { continue };
            if !ft.is_file() {
                continue;
            }
            if let Ok(meta) = entry.metadata()
                && meta.len() <= opts.max_file_size
            {
                totals.files.fetch_add(1, Ordering::Relaxed);
                totals.bytes.fetch_add(meta.len(), Ordering::Relaxed);
            }
        }
    }
    totals.done.store(true, Ordering::Relaxed);
}

impl Shared<'_> {
    /// Shows the progress line (every few hundred files).
    fn show_progress(&self) {
        let Some(p) = &self.progress else { return };
        let c = &self.counters;
        let seen = c.seen_files.fetch_add(1, Ordering::Relaxed) + 1;
        if !seen.is_multiple_of(256) {
            return;
        }
        p.update(|| {
            let t = &self.totals;
            let total = t
                .done
                .load(Ordering::Relaxed)
                .then(|| (t.files.load(Ordering::Relaxed), t.bytes.load(Ordering::Relaxed)));
            scan_line(
                seen,
                c.seen_bytes.load(Ordering::Relaxed),
                total,
                self.started.elapsed(),
            )
        });
    }

    fn error(&self, path: String, message: String) {
        self.errors.lock().unwrap().push(FileError { path, message });
    }
}

impl<'a, 'b> Worker<'a, 'b> {
    fn new(shared: &'b Shared<'a>) -> Self {
        Worker {
            shared,
            scratch: PipelineScratch::default(),
            buf: Vec::new(),
            findings: Vec::new(),
            facts: Vec::new(),
        }
    }

    fn walk_error(&mut self, err: ignore::Error) {
        let path = match &err {
            ignore::Error::WithPath { path, .. } => display_path(path),
            _ => String::new(),
        };
        let message = match err {
            ignore::Error::WithPath { err, .. } => err.to_string(),
            other => other.to_string(),
        };
        self.shared.error(path, message);
    }

    fn visit_file(&mut self, path: &Path, meta: &std::fs::Metadata, explicit: bool) {
        let c = &self.shared.counters;
        if !meta.is_file() {
            c.special.fetch_add(1, Ordering::Relaxed);
            return;
        }
        if meta.len() > self.shared.opts.max_file_size {
            c.too_large.fetch_add(1, Ordering::Relaxed);
            return;
        }
        c.seen_bytes.fetch_add(meta.len(), Ordering::Relaxed);
        self.shared.show_progress();
        let display = display_path(path);
        let mut file = match open_regular(path) {
            Ok(f) => f,
            Err(e) => return self.shared.error(display, e.to_string()),
        };
        if meta.len() <= READ_WHOLE_LIMIT {
            let mut buf = std::mem::take(&mut self.buf);
            buf.clear();
            match file.read_to_end(&mut buf) {
                Ok(_) => self.analyze_bytes(&display, &buf, explicit),
                Err(e) => self.shared.error(display, e.to_string()),
            }
            self.buf = buf;
        } else {
            // SAFETY: the map is read-only and dropped before we return; a file truncated underneath us
            // can raise SIGBUS, the same trade-off ripgrep makes for large files.
            match unsafe { memmap2::Mmap::map(&file) } {
                Ok(map) => self.analyze_bytes(&display, &map, explicit),
                Err(e) => self.shared.error(display, e.to_string()),
            }
        }
    }

    fn analyze_bytes(&mut self, display: &str, data: &[u8], explicit: bool) {
        let c = &self.shared.counters;
        match crate::text::classify(data) {
            crate::text::Content::Binary => {
                c.binary.fetch_add(1, Ordering::Relaxed);
                return;
            }
            crate::text::Content::Text(e) if e.is_utf16() => {
                c.utf16.fetch_add(1, Ordering::Relaxed);
            }
            crate::text::Content::Text(_) => {}
        }
        c.files.fetch_add(1, Ordering::Relaxed);
        c.bytes.fetch_add(data.len() as u64, Ordering::Relaxed);
        self.shared.pipeline.analyze(
            display,
            data,
            explicit,
            &mut self.scratch,
            &mut self.findings,
            &mut self.facts,
        );
    }
}

/// Opens a regular file without blocking (a FIFO swapped in after the type check cannot hang us).
/// Whether the display path `path` lies under one of the directory `roots` and `excludes` matches it
/// relative to that root.
fn excluded_elsewhere(path: &str, roots: &[PathBuf], excludes: &globset::GlobSet) -> bool {
    roots.iter().any(|root| {
        let shown = display_path(root);
        let rel = if shown.is_empty() || shown == "." {
            Some(path)
        } else {
            path.strip_prefix(shown.trim_end_matches('/'))
                .and_then(|r| r.strip_prefix('/'))
        };
        rel.is_some_and(|rel| excludes.is_match(rel)) && root.is_dir()
    })
}

fn open_regular(path: &Path) -> std::io::Result<std::fs::File> {
    let mut o = std::fs::OpenOptions::new();
    o.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.custom_flags(libc::O_NONBLOCK);
    }
    let f = o.open(path)?;
    if !f.metadata()?.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    Ok(f)
}
