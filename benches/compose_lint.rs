//! Linting every compose file of `tests/fixtures/compose-real` (457 real files, 0.8 MB) with the compose
//! analyzer, every rule on: parse, model, rules, findings; then the same with disk paths (so `include:`
//! and `extends: file:` are followed and facts made) and the project phase over the facts. The target is
//! "well under a second".

use criterion::{Criterion, criterion_group, criterion_main};
use plimsoll::compose::ComposeLinter;
use plimsoll::lint::LinterConfig;
use plimsoll::project::ProjectRules;
use std::path::Path;

fn corpus() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compose-real");
    let manifest = std::fs::read_to_string(root.join("MANIFEST.tsv")).expect("compose-real corpus");
    manifest
        .lines()
        .skip(1)
        .filter_map(|row| {
            let cols: Vec<&str> = row.split('\t').collect();
            (cols.get(5) == Some(&"compose")).then(|| format!("{}/{}", cols[0], cols[1]))
        })
        .map(|rel| {
            let data = std::fs::read(root.join(&rel)).unwrap();
            (rel, data)
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let files = corpus();
    let cfg = LinterConfig {
        enable: ["DC013", "DC014", "DC015", "DC016"].map(String::from).to_vec(),
        ..LinterConfig::default()
    };
    let linter = ComposeLinter::new(&cfg);
    let mut g = c.benchmark_group("compose");
    g.sample_size(20);
    g.bench_function("lint compose-real (457 files)", |b| {
        b.iter(|| {
            let (mut findings, mut facts) = (Vec::new(), Vec::new());
            for (path, data) in &files {
                linter.lint(path, data, None, &[], &mut findings, &mut facts);
            }
            findings.len()
        })
    });
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compose-real");
    let project = ProjectRules::new(&cfg);
    g.bench_function("lint compose-real from disk, with the project phase", |b| {
        b.iter(|| {
            let (mut findings, mut facts) = (Vec::new(), Vec::new());
            for (path, data) in &files {
                let disk = root.join(path);
                linter.lint(path, data, Some(&disk), &[], &mut findings, &mut facts);
            }
            project.run(facts, &mut findings);
            findings.len()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
