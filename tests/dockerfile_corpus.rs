//! Corpus tests for the Dockerfile linter: the labelled corpus must produce exactly its expected findings, and
//! every real-world Dockerfile in `tests/fixtures/dockerfiles-real` must lint without a crash and without a
//! parse error, except the few files that really are invalid.

use plimsoll::dockerfile::dockerignore::DockerIgnore;
use plimsoll::dockerfile::{Linter, LinterConfig};
use plimsoll::finding::Finding;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn files_under(dir: &Path, keep: &dyn Fn(&Path) -> bool) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if keep(&p) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn lint(linter: &Linter, path: &Path, disk: bool) -> Vec<Finding> {
    let data = std::fs::read(path).unwrap();
    let mut out = Vec::new();
    let display = path.to_string_lossy().replace('\\', "/");
    linter.lint(&display, &data, disk.then_some(path), &[], &mut out);
    // What pragmas silence is kept, marked; the collector leaves it out of the findings.
    out.retain(|f| f.suppressed.is_none());
    out
}

#[test]
fn labelled_corpus_matches_expected_findings_exactly() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/dockerfiles");
    let linter = Linter::new(&LinterConfig::default());
    let mut actual = BTreeSet::new();
    for f in files_under(&root, &|p| p.file_name().is_some_and(|n| n == "Dockerfile")) {
        let rel = f.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
        for finding in lint(&linter, &f, true) {
            actual.insert(format!("{rel}:{} {}", finding.span.line, finding.rule_id));
        }
    }
    let expected: BTreeSet<String> = std::fs::read_to_string(root.join("expected.txt"))
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect();
    let missing: Vec<_> = expected.difference(&actual).collect();
    let unexpected: Vec<_> = actual.difference(&expected).collect();
    assert!(
        missing.is_empty() && unexpected.is_empty(),
        "corpus/dockerfiles differs from expected.txt\nmissing (expected, not reported):\n{missing:#?}\nunexpected (reported, not expected):\n{unexpected:#?}"
    );
}

/// Real files that do not parse, and why. Everything else must parse.
const INVALID: &[(&str, &str)] = &[(
    "docker__compose/pkg__e2e__fixtures__wrong-composefile__service1__Dockerfile",
    "a deliberately broken fixture of docker/compose's tests (`WRONG DOCKERFILE`)",
)];

#[test]
fn every_real_dockerfile_lints_without_crash_or_false_parse_error() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dockerfiles-real");
    let files = files_under(&root, &|p| p.file_name().is_some_and(|n| n != "SOURCES.md"));
    assert!(
        files.len() >= 1170,
        "the real corpus is incomplete: {} files",
        files.len()
    );
    let linter = Linter::new(&LinterConfig {
        enable: plimsoll::dockerfile::rules::RULES
            .iter()
            .map(|r| r.meta().id.to_string())
            .collect(),
        ..Default::default()
    });
    let mut parse_errors = Vec::new();
    let mut total = 0;
    for f in &files {
        let findings = lint(&linter, f, false);
        total += findings.len();
        for finding in findings {
            assert!(
                !finding.message.contains("internal error"),
                "{}: the linter panicked: {}",
                f.display(),
                finding.message
            );
            assert!(!finding.message.contains('\n'), "{}: multi-line message", f.display());
            if &*finding.rule_id == "DF000" {
                let rel = f.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
                parse_errors.push(format!("{rel}: {}", finding.message));
            }
        }
    }
    let unexpected: Vec<_> = parse_errors
        .iter()
        .filter(|e| !INVALID.iter().any(|(f, _)| e.starts_with(&format!("{f}:"))))
        .collect();
    assert!(
        unexpected.is_empty(),
        "valid Dockerfiles reported as unparsable:\n{unexpected:#?}"
    );
    assert_eq!(
        parse_errors.len(),
        INVALID.len(),
        "a listed invalid file now parses: {parse_errors:#?}"
    );
    assert!(
        total > files.len(),
        "suspiciously few findings ({total}) on {} real files",
        files.len()
    );
}

#[test]
fn every_real_dockerignore_parses_and_excludes_what_it_lists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dockerignore-real");
    let files = files_under(&root, &|_| true);
    assert!(!files.is_empty());
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let ignore = DockerIgnore::parse(f.display().to_string(), &text);
        // A plain pattern without wildcards or later exceptions excludes the path it names.
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        for (k, line) in lines.iter().enumerate() {
            let plain = !line.is_empty()
                && !line.starts_with(['#', '!'])
                && !line.contains(['*', '?', '[', '\\'])
                && !lines[k + 1..].iter().any(|l| l.starts_with('!'));
            if plain {
                assert!(
                    ignore.excludes(line.trim_start_matches('/')),
                    "{}: {line} not excluded",
                    f.display()
                );
            }
        }
    }
}
