//! Linting every compose file of `tests/fixtures/compose-real` (457 real files, 0.8 MB) with the compose
//! analyzer, every rule on: parse, model, rules, findings. The target is "well under a second".

use criterion::{Criterion, criterion_group, criterion_main};
use plimsoll::compose::ComposeLinter;
use plimsoll::dockerfile::LinterConfig;
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
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
