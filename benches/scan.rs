//! Criterion benchmarks of the secrets engine on a generated 64 MiB source-like buffer: the keyword
//! prefilter alone, and a full scan (prefilter + regexes near hits + filters + base64 decoding).
//! Compare the two: the full scan should cost little more than the prefilter.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use plimsoll::secrets::rule::builtin_rules;
use plimsoll::secrets::{Allowlist, Scanner, Scratch};

/// Deterministic source-like text: identifiers, assignments, comments, some keyword-bearing lines.
fn corpus(size: usize) -> Vec<u8> {
    let words = [
        "let", "value", "config", "return", "self", "token", "password", "user", "name", "index", "buffer", "result",
        "client", "request", "response", "error", "handle", "parse", "string", "number", "secret", "key", "map",
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut out = Vec::with_capacity(size + 256);
    while out.len() < size {
        let n = 3 + next() % 9;
        for i in 0..n {
            if i > 0 {
                out.push(b' ');
            }
            out.extend_from_slice(words[(next() % words.len() as u64) as usize].as_bytes());
        }
        match next() % 10 {
            0 => out.extend_from_slice(b" = \"some ordinary string value\";"),
            1 => out.extend_from_slice(b"(a, b, c);"),
            2 => out.extend_from_slice(b" // a comment that explains why"),
            _ => out.push(b';'),
        }
        out.push(b'\n');
    }
    out
}

fn bench(c: &mut Criterion) {
    let scanner = Scanner::new(builtin_rules().unwrap(), Allowlist::default()).unwrap();
    let data = corpus(64 << 20);
    let mut g = c.benchmark_group("secrets");
    g.throughput(Throughput::Bytes(data.len() as u64));
    g.sample_size(10);
    g.bench_function("prefilter_64mib", |b| b.iter(|| scanner.count_keyword_hits(&data)));
    let mut scratch = Scratch::default();
    g.bench_function("scan_64mib", |b| {
        b.iter(|| scanner.scan("bench.rs", &data, &mut scratch).len())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
