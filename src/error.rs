//! Library errors. Every variant names the file (and line where one exists) so the CLI can print a message a
//! user can act on; `main` maps all of them to exit code 2.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A rule file that does not parse or validate.
    #[error("{path}:{line}:{column}: {message}")]
    RuleFile {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// A configuration file that does not parse or validate.
    #[error("{path}:{line}:{column}: {message}")]
    Config {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// A baseline file that does not parse or validate.
    #[error("{path}:{line}:{column}: {message}")]
    Baseline {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Usage(String),
    /// A git repository that cannot be opened or read, or a revision that does not resolve.
    #[error("{}: {message}", path.display())]
    Git { path: PathBuf, message: String },
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// 1-based (line, column) of a byte offset in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text.as_bytes()[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[line_start..]).chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    #[test]
    fn line_col_is_one_based() {
        assert_eq!(super::line_col("ab\ncd", 0), (1, 1));
        assert_eq!(super::line_col("ab\ncd", 4), (2, 2));
    }
}
