//! Output formats. Each is a small [`Emitter`] over one [`Report`]; none of them knows how findings were
//! produced. Files are written atomically (temp file + rename) so a failed run never leaves half a report.

pub mod json;
pub mod text;

use crate::catalog::RuleInfo;
use crate::finding::Finding;
use crate::walk::{FileError, Stats};
use std::io::{self, Write};
use std::path::Path;

/// Everything an emitter may print.
pub struct Report<'a> {
    pub findings: &'a [Finding],
    pub stats: &'a Stats,
    pub errors: &'a [FileError],
    /// Every rule that was active in the run (SARIF lists them).
    pub rules: &'a [RuleInfo],
}

/// One output format.
pub trait Emitter {
    fn emit(&self, report: &Report<'_>, out: &mut dyn Write) -> io::Result<()>;
}

/// `--format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// `path:line:col  rule-id  secret  message`, for people.
    Text,
    /// One JSON document with findings and stats.
    Json,
    /// One JSON finding per line.
    Jsonl,
}

impl Format {
    pub fn emitter(self, color: bool) -> Box<dyn Emitter> {
        match self {
            Format::Text => Box::new(text::Text { color }),
            Format::Json => Box::new(json::Json),
            Format::Jsonl => Box::new(json::JsonLines),
        }
    }
}

/// Writes `report` to `path` atomically (temp file + rename; devices and pipes are written directly), or to stdout when `path` is `None`. A closed stdout (e.g. piped
/// into `head`) is not an error.
pub fn write_report(emitter: &dyn Emitter, report: &Report<'_>, path: Option<&Path>) -> io::Result<()> {
    match path {
        Some(path) if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) => {
            // A device or pipe (`/dev/null`, `/dev/stdout`, a FIFO): it cannot be replaced by rename.
            let mut w = io::BufWriter::new(std::fs::OpenOptions::new().write(true).open(path)?);
            emitter.emit(report, &mut w)?;
            w.flush()
        }
        Some(path) => {
            let dir = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
            {
                let mut w = io::BufWriter::new(tmp.as_file_mut());
                emitter.emit(report, &mut w)?;
                w.flush()?;
            }
            tmp.persist(path).map_err(|e| e.error)?;
            Ok(())
        }
        None => {
            let stdout = io::stdout();
            let mut w = io::BufWriter::new(stdout.lock());
            match emitter.emit(report, &mut w).and_then(|_| w.flush()) {
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
                other => other,
            }
        }
    }
}
