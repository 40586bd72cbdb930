//! Lint speed over the 1,170 real Dockerfiles in `tests/fixtures/dockerfiles-real`: every file read into
//! memory first, then linted in one run (all rules, opt-in ones included), single-threaded and on all cores;
//! and once more on all cores with each file's directory as its build context, so DF018 lists and audits
//! the real contexts (a fresh linter per iteration: its context cache starts empty, as in one scan).
//! `benches/dockerfile_vs_hadolint.sh` compares the whole `plimsoll scan` with hadolint on the same files.

use criterion::{Criterion, criterion_group, criterion_main};
use plimsoll::dockerfile::{Linter, LinterConfig};
use rayon::prelude::*;
use std::hint::black_box;
use std::path::Path;

fn corpus() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dockerfiles-real");
    let mut out = Vec::new();
    for repo in std::fs::read_dir(&root).unwrap() {
        let repo = repo.unwrap().path();
        if !repo.is_dir() {
            continue;
        }
        for f in std::fs::read_dir(&repo).unwrap() {
            let p = f.unwrap().path();
            out.push((p.display().to_string(), std::fs::read(&p).unwrap()));
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let files = corpus();
    let linter = Linter::new(&LinterConfig {
        enable: plimsoll::dockerfile::rules::RULES
            .iter()
            .map(|r| r.meta().id.to_string())
            .collect(),
        ..Default::default()
    });
    let mut g = c.benchmark_group(format!("lint {} real Dockerfiles", files.len()));
    g.sample_size(20);
    g.bench_function("one thread", |b| {
        b.iter(|| {
            let mut n = 0;
            for (path, data) in &files {
                let mut out = Vec::new();
                linter.lint(path, data, None, &[], &mut out);
                n += out.len();
            }
            black_box(n)
        })
    });
    g.bench_function("all cores", |b| {
        b.iter(|| {
            let n: usize = files
                .par_iter()
                .map(|(path, data)| {
                    let mut out = Vec::new();
                    linter.lint(path, data, None, &[], &mut out);
                    out.len()
                })
                .sum();
            black_box(n)
        })
    });
    g.bench_function("all cores, build contexts walked", |b| {
        b.iter(|| {
            let linter = Linter::new(&LinterConfig::default());
            let n: usize = files
                .par_iter()
                .map(|(path, data)| {
                    let mut out = Vec::new();
                    linter.lint(path, data, Some(Path::new(path)), &[], &mut out);
                    out.len()
                })
                .sum();
            black_box(n)
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
