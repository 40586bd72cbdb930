//! What the project rules need to know about a Dockerfile, read with a line scan (no second parse): does
//! it declare a `HEALTHCHECK`, and which `ARG`s, on which lines.

use crate::facts::{BuildContextFact, DockerfileFact};
use std::path::Path;

/// The facts of the Dockerfile `text` at `path` (display) / `disk_path`, linted with `context`.
pub fn dockerfile_fact(path: &str, disk_path: &Path, text: &[u8], context: Option<BuildContextFact>) -> DockerfileFact {
    let text = String::from_utf8_lossy(text);
    let mut healthcheck = false;
    let mut args = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let t = line.trim_start_matches('\u{feff}').trim_start();
        let Some((word, rest)) = t.split_once(char::is_whitespace) else {
            continue;
        };
        if word.eq_ignore_ascii_case("HEALTHCHECK") {
            healthcheck = true;
        } else if word.eq_ignore_ascii_case("ARG") {
            for a in rest.split_whitespace() {
                if a == "\\" || a.starts_with('#') {
                    break;
                }
                let name = a.split('=').next().unwrap_or(a);
                if !name.is_empty() {
                    args.push((name.to_string(), i as u32 + 1));
                }
            }
        }
    }
    DockerfileFact {
        path: path.to_string(),
        disk_path: crate::fsutil::normalize_path(disk_path),
        healthcheck,
        args,
        context,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn healthcheck_and_args() {
        let f = dockerfile_fact(
            "Dockerfile",
            Path::new("./Dockerfile"),
            b"FROM node:22\nARG NPM_TOKEN VERSION=1\n  healthcheck CMD true\n",
            None,
        );
        assert!(f.healthcheck);
        assert_eq!(f.args, [("NPM_TOKEN".to_string(), 2), ("VERSION".to_string(), 2)]);
        assert_eq!(f.disk_path, Path::new("Dockerfile"));
        assert!(!dockerfile_fact("D", Path::new("D"), b"FROM a\n# HEALTHCHECK later\n", None).healthcheck);
    }
}
