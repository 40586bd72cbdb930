//! The progress line of long scans, on stderr: a spinner on a terminal, or (with `--progress` when stderr
//! is not a terminal) a plain line every few seconds. Sits under `walk` and `git`, which count; this module
//! owns how a count reads and where it goes.
//!
//! A working-tree scan cannot know its total before walking, so [`crate::walk`] counts the files in a
//! second, metadata-only walk running alongside; once that walk is done the line shows percentages and,
//! after a few seconds of scanning, an estimate of the time left from the bytes still to scan.
//!
//! ```
//! use plimsoll::progress::scan_line;
//! use std::time::Duration;
//! let line = scan_line(50, 25 << 20, Some((200, 100 << 20)), Duration::from_secs(10));
//! assert_eq!(line, "50/200 files, 25/100 MiB (25%), about 30s left");
//! ```

use std::io::Write;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// No estimate before this much scanning: the first seconds (cold cache, first big files) mislead.
pub const ETA_AFTER: Duration = Duration::from_secs(3);

/// How often the plain (non-terminal) line is written.
const PLAIN_EVERY: Duration = Duration::from_secs(2);

/// "45s", "3m 05s", "1h 02m": a duration as a person reads it, rounded up to the second.
pub fn human_duration(d: Duration) -> String {
    let s = d.as_secs() + u64::from(d.subsec_nanos() > 0);
    match s {
        0..60 => format!("{s}s"),
        60..3600 => format!("{}m {:02}s", s / 60, s % 60),
        _ => format!("{}h {:02}m", s / 3600, s % 3600 / 60),
    }
}

/// What a working-tree scan has done: `files` and `bytes` scanned, out of `total` (files, bytes) once the
/// counting walk is done, after `elapsed`. The estimate assumes the bytes left go as fast as the bytes done.
pub fn scan_line(files: u64, bytes: u64, total: Option<(u64, u64)>, elapsed: Duration) -> String {
    let mib = |b: u64| b >> 20;
    let Some((total_files, total_bytes)) = total else {
        return format!("{files} files, {} MiB scanned", mib(bytes));
    };
    // Files can appear while scanning (or be counted once, scanned twice): never show more than 100%.
    let (total_files, total_bytes) = (total_files.max(files), total_bytes.max(bytes));
    let percent = (bytes * 100).checked_div(total_bytes).unwrap_or(100);
    let mut line = format!(
        "{files}/{total_files} files, {}/{} MiB ({percent}%)",
        mib(bytes),
        mib(total_bytes)
    );
    if elapsed >= ETA_AFTER && bytes > 0 && bytes < total_bytes {
        let left = elapsed.as_secs_f64() * (total_bytes - bytes) as f64 / bytes as f64;
        line.push_str(&format!(
            ", about {} left",
            human_duration(Duration::from_secs_f64(left))
        ));
    }
    line
}

/// Where progress goes.
pub enum Progress {
    /// An indicatif spinner on a terminal.
    Terminal(indicatif::ProgressBar),
    /// Plain lines on stderr, at most one per [`PLAIN_EVERY`].
    Plain { last: Mutex<Instant> },
}

impl Progress {
    /// A terminal spinner when stderr is one, plain lines when `forced` (`--progress`), else nothing.
    pub fn new(stderr_is_terminal: bool, forced: bool) -> Option<Progress> {
        if stderr_is_terminal {
            let pb = indicatif::ProgressBar::new_spinner();
            pb.set_style(
                indicatif::ProgressStyle::with_template("{spinner} {msg} [{elapsed}]").expect("valid template"),
            );
            pb.enable_steady_tick(Duration::from_millis(120));
            Some(Progress::Terminal(pb))
        } else if forced {
            Some(Progress::Plain {
                last: Mutex::new(Instant::now()),
            })
        } else {
            None
        }
    }

    /// Shows `message()` (built only when it will be shown).
    pub fn update(&self, message: impl FnOnce() -> String) {
        match self {
            Progress::Terminal(pb) => pb.set_message(message()),
            Progress::Plain { last } => {
                let Ok(mut last) = last.try_lock() else { return };
                if last.elapsed() >= PLAIN_EVERY {
                    *last = Instant::now();
                    let _ = writeln!(std::io::stderr().lock(), "progress: {}", message());
                }
            }
        }
    }

    /// Clears the spinner (plain lines stay: they are a log).
    pub fn finish(&self) {
        if let Progress::Terminal(pb) = self {
            pb.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_like_a_person_writes_them() {
        assert_eq!(human_duration(Duration::ZERO), "0s");
        assert_eq!(human_duration(Duration::from_millis(1)), "1s");
        assert_eq!(human_duration(Duration::from_secs(59)), "59s");
        assert_eq!(human_duration(Duration::from_secs(60)), "1m 00s");
        assert_eq!(human_duration(Duration::from_secs(185)), "3m 05s");
        assert_eq!(human_duration(Duration::from_secs(3600 + 2 * 60 + 59)), "1h 02m");
    }

    #[test]
    fn without_a_total_the_line_only_counts() {
        assert_eq!(
            scan_line(512, 3 << 20, None, Duration::from_secs(30)),
            "512 files, 3 MiB scanned"
        );
    }

    #[test]
    fn with_a_total_the_line_shows_percent_and_after_a_few_seconds_the_time_left() {
        let total = Some((1000, 400 << 20));
        // Too early for an estimate.
        assert_eq!(
            scan_line(10, 4 << 20, total, Duration::from_secs(1)),
            "10/1000 files, 4/400 MiB (1%)"
        );
        // 100 MiB in 20 s: 300 MiB left take 60 s more.
        assert_eq!(
            scan_line(250, 100 << 20, total, Duration::from_secs(20)),
            "250/1000 files, 100/400 MiB (25%), about 1m 00s left"
        );
        // Done: no estimate.
        assert_eq!(
            scan_line(1000, 400 << 20, total, Duration::from_secs(80)),
            "1000/1000 files, 400/400 MiB (100%)"
        );
        // Nothing scanned yet: no division by zero, no estimate.
        assert_eq!(
            scan_line(0, 0, total, Duration::from_secs(5)),
            "0/1000 files, 0/400 MiB (0%)"
        );
    }

    #[test]
    fn counts_past_the_total_never_show_more_than_all() {
        assert_eq!(
            scan_line(12, 5 << 20, Some((10, 4 << 20)), Duration::from_secs(9)),
            "12/12 files, 5/5 MiB (100%)"
        );
        assert_eq!(
            scan_line(0, 0, Some((0, 0)), Duration::from_secs(9)),
            "0/0 files, 0/0 MiB (100%)"
        );
    }
}
