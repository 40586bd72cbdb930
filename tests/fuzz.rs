//! Property tests on hostile input (stable toolchain, `proptest`): arbitrary and keyword-laden bytes into
//! the secrets scanner, mutated real Dockerfiles into the Dockerfile linter, mutated real compose files and
//! YAML alias bombs into the compose analyzer, arbitrary and mutated TOML into the rule loader and the
//! config loader. Properties: no panic; every finding inside the buffer with 1-based, ordered positions;
//! the per-file limit holds and counts what it drops; a secret never appears in full in a serialized
//! finding; an alias bomb is one `DC000` finding, not a hang; bad TOML is an error naming its file.
//!
//! CI runs a short seeded run (`PROPTEST_CASES`, default 48 per target; seed `PLIMSOLL_FUZZ_SEED`, fixed
//! by default). `benches/fuzz-long.sh` runs each target for minutes with random seeds and a time budget
//! per input (`PLIMSOLL_FUZZ_BUDGET_US_PER_KB`), which makes "time linear in input size" a property too.
//! Every input that ever failed is kept as a regression test at the bottom of this file.

use plimsoll::config::Config;
use plimsoll::finding::{Finding, Severity};
use plimsoll::pipeline::{CAPPED_RULE_ID, FindingOptions, Pipeline, PipelineScratch};
use plimsoll::secrets::rule::{builtin_rules, load_rule_file};
use plimsoll::secrets::{Allowlist, Scanner, Scratch};
use proptest::prelude::*;
use proptest::test_runner::{Config as ProptestConfig, RngSeed};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::{Duration, Instant};

fn config(default_cases: u32) -> ProptestConfig {
    let env = |k: &str| std::env::var(k).ok().and_then(|v| v.parse::<u64>().ok());
    let mut c = ProptestConfig::with_cases(env("PROPTEST_CASES").map_or(default_cases, |n| n as u32));
    c.rng_seed = match env("PLIMSOLL_FUZZ_SEED") {
        Some(seed) => RngSeed::Fixed(seed),
        None if std::env::var_os("PLIMSOLL_FUZZ_RANDOM").is_some() => RngSeed::Random,
        None => RngSeed::Fixed(0x5eed_2026),
    };
    c.failure_persistence = None;
    c.max_shrink_time = 60_000;
    c
}

/// The time one input may take when the long run asks for a budget: a constant plus a rate per KiB.
fn check_budget(started: Instant, len: usize) {
    if let Some(us_per_kb) = std::env::var("PLIMSOLL_FUZZ_BUDGET_US_PER_KB")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        let budget = Duration::from_millis(500) + Duration::from_micros(us_per_kb * (len as u64 / 1024 + 1));
        let took = started.elapsed();
        assert!(took <= budget, "{len} bytes took {took:?}, budget {budget:?}");
    }
}

/// Two pipelines over the built-in rules: no per-file limit (every finding, in position order) and a
/// limit of 3.
static PIPELINES: LazyLock<(Pipeline, Pipeline)> = LazyLock::new(|| {
    let build = |max| {
        let scanner = Scanner::new(builtin_rules().unwrap(), Allowlist::default()).unwrap();
        Pipeline::new(
            scanner,
            FindingOptions {
                show_secrets: false,
                max_findings_per_file: max,
            },
        )
    };
    (build(None), build(Some(3)))
});

static KEYWORDS: LazyLock<Vec<String>> = LazyLock::new(|| PIPELINES.0.secrets.keywords());

/// Byte pieces that steer random input toward what rules look for.
const PUNCTUATION: &[&str] = &[
    "=",
    "\"",
    "'",
    ":",
    ": ",
    " ",
    "\n",
    "\r\n",
    "\t",
    "=\"",
    "\": \"",
    "\\n",
    "plimsoll:allow",
    "pragma: allowlist nextline secret\n",
    "apiVersion: v1\nkind: Secret\ndata:\n  password: ",
    "data:text/plain;base64,",
    "-----BEGIN RSA PRIVATE KEY-----\n",
    "-----END RSA PRIVATE KEY-----\n",
    "${",
    "}",
    "@",
    "://",
    "é",
    "\u{feff}",
    "\0",
];

fn piece() -> impl Strategy<Value = Vec<u8>> {
    let keyword = (0..KEYWORDS.len(), any::<u64>()).prop_map(|(i, case)| {
        KEYWORDS[i]
            .bytes()
            .enumerate()
            .map(|(k, b)| {
                if case >> (k % 64) & 1 == 1 {
                    b.to_ascii_uppercase()
                } else {
                    b
                }
            })
            .collect::<Vec<u8>>()
    });
    let leaf = prop_oneof![
        3 => keyword,
        3 => "[A-Za-z0-9+/_-]{0,80}".prop_map(String::into_bytes),
        3 => proptest::sample::select(PUNCTUATION).prop_map(|p| p.as_bytes().to_vec()),
        1 => proptest::collection::vec(any::<u8>(), 0..32),
    ];
    leaf.prop_recursive(2, 32, 8, |inner| {
        proptest::collection::vec(inner, 1..8).prop_map(|parts| {
            use base64::Engine;
            base64::engine::general_purpose::STANDARD
                .encode(parts.concat())
                .into_bytes()
        })
    })
}

fn scanner_input() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        4 => proptest::collection::vec(piece(), 0..80).prop_map(|p| p.concat()),
        1 => proptest::collection::vec(any::<u8>(), 0..2048),
        // One long line: a piece repeated (minified bundles).
        1 => (piece(), 1..4000usize).prop_map(|(p, n)| p.repeat(n.min(400_000 / (p.len() + 1)))),
    ]
}

/// Positions are 1-based, inside the buffer, and start before they end.
fn check_span(f: &Finding, data: &[u8]) {
    let lines = memchr::memchr_iter(b'\n', data).count() as u32 + 1;
    let s = f.span;
    assert!(
        s.line >= 1 && s.column >= 1 && s.end_line >= 1 && s.end_column >= 1,
        "{f:?}"
    );
    assert!(s.line <= lines && s.end_line <= lines, "{f:?} past line {lines}");
    assert!((s.line, s.column) <= (s.end_line, s.end_column), "{f:?}");
    assert!(
        s.column as usize <= data.len() + 1 && s.end_column as usize <= data.len() + 1,
        "{f:?}"
    );
}

/// A serialized finding never holds its secret in full (unless the secret is also, by chance, part of
/// the path, name or message).
fn check_redacted(f: &Finding) {
    let Some(secret) = &f.secret else { return };
    let raw = secret.raw();
    if raw.chars().count() < 4
        || f.message.contains(raw)
        || f.rule_name.contains(raw)
        || f.path.contains(raw)
        || f.rule_id.contains(raw)
    {
        return;
    }
    let json = serde_json::to_string(f).unwrap();
    assert!(!json.contains(raw), "secret {raw:?} leaked: {json}");
    assert!(!secret.display().contains(raw));
}

fn check_secrets(raw: &[u8]) {
    // Built before the clock starts: the budget is for the input, not for compiling the rules.
    let (all, capped) = &*PIPELINES;
    let started = Instant::now();
    // The pipeline decodes UTF-16 (and drops a BOM) first; positions are in that text.
    let mut buf = Vec::new();
    let data = plimsoll::text::decode(raw, &mut buf);
    let candidates = all.secrets.scan("fuzz/input.txt", data, &mut Scratch::default());
    for c in &candidates {
        assert!(
            c.start < c.end && c.end <= data.len(),
            "{c:?} outside {} bytes",
            data.len()
        );
        if !c.encoded {
            assert_eq!(&data[c.start..c.end], &c.secret[..]);
        }
    }
    assert!(
        candidates.windows(2).all(|w| w[0].end <= w[1].start),
        "one secret, one finding: overlapping candidates {candidates:?}"
    );
    let mut out = Vec::new();
    all.analyze_secrets("fuzz/input.txt", raw, &mut PipelineScratch::default(), &mut out);
    assert_eq!(out.len(), candidates.len());
    for f in &out {
        check_span(f, data);
        check_redacted(f);
    }
    assert!(
        out.windows(2)
            .all(|w| (w[0].span.line, w[0].span.column) <= (w[1].span.line, w[1].span.column)),
        "findings out of order"
    );
    let mut few = Vec::new();
    capped.analyze_secrets("fuzz/input.txt", raw, &mut PipelineScratch::default(), &mut few);
    if out.len() <= 3 {
        assert_eq!(few.len(), out.len());
    } else {
        assert_eq!(few.len(), 4, "{few:?}");
        let note = few.iter().find(|f| &*f.rule_id == CAPPED_RULE_ID).expect("a note");
        assert_eq!(note.severity, Severity::Note);
        assert!(
            note.message.starts_with(&format!("{} more findings", out.len() - 3)),
            "{}",
            note.message
        );
        check_span(note, data);
        let worst = out.iter().map(|f| f.severity).max().unwrap();
        assert!(
            few.iter().any(|f| f.severity == worst),
            "the most severe finding is kept"
        );
    }
    check_budget(started, raw.len());
}

static DOCKERFILES: LazyLock<Vec<Vec<u8>>> = LazyLock::new(|| {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dockerfiles-real");
    let mut files = Vec::new();
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p
                .file_name()
                .unwrap()
                .to_string_lossy()
                .to_lowercase()
                .contains("dockerfile")
            {
                files.push(p);
            }
        }
    }
    files.sort();
    files.into_iter().map(|p| std::fs::read(p).unwrap()).collect()
});

/// Text that changes how a Dockerfile parses.
const DOCKERFILE_PIECES: &[&str] = &[
    "RUN ",
    "FROM ",
    "FROM scratch AS x\n",
    "\\\n",
    "\\",
    "<<EOF\n",
    "<<-'EOT' cat\n",
    "EOF\n",
    "# syntax=docker/dockerfile:1\n",
    "# escape=`\n",
    "`\n",
    "ARG ",
    "ENV A=",
    "ENV PASSWORD=",
    "${",
    "${A:-",
    "$",
    "}",
    "\"",
    "'",
    "[\"",
    "\"]",
    "\t",
    "\n",
    "\r\n",
    " && ",
    "|",
    "ONBUILD ",
    "HEALTHCHECK ",
    "HEALTHCHECK NONE\n",
    "COPY --from=",
    "COPY . .\n",
    "ADD ",
    "USER root\n",
    "WORKDIR ",
    "SHELL [\"powershell\", \"-c\"]\n",
    "# hadolint ignore=DL3006\n",
    "# plimsoll ignore=DF002\n",
    "curl -fsSL https://x | sh\n",
    "apt-get install -y ",
    "é",
];

#[derive(Clone, Debug)]
enum Edit {
    Delete(usize, usize),
    Duplicate(usize, usize),
    Insert(usize, Vec<u8>),
    SwapLines(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 0..200usize).prop_map(|(a, n)| Edit::Delete(a, n)),
        (any::<usize>(), 0..400usize).prop_map(|(a, n)| Edit::Duplicate(a, n)),
        (
            any::<usize>(),
            prop_oneof![
                3 => proptest::sample::select(DOCKERFILE_PIECES).prop_map(|p| p.as_bytes().to_vec()),
                1 => proptest::collection::vec(any::<u8>(), 0..16),
            ]
        )
            .prop_map(|(a, p)| Edit::Insert(a, p)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::SwapLines(a, b)),
    ]
}

fn apply(mut data: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for e in edits {
        let n = data.len();
        let at = |a: usize| if n == 0 { 0 } else { a % (n + 1) };
        match e {
            Edit::Delete(a, len) => {
                let s = at(*a);
                data.drain(s..(s + len).min(n));
            }
            Edit::Duplicate(a, len) => {
                let s = at(*a);
                let chunk = data[s..(s + len).min(n)].to_vec();
                data.splice(s..s, chunk);
            }
            Edit::Insert(a, piece) => {
                let s = at(*a);
                data.splice(s..s, piece.iter().copied());
            }
            Edit::SwapLines(a, b) => {
                let mut lines: Vec<Vec<u8>> = data.split(|&c| c == b'\n').map(<[u8]>::to_vec).collect();
                let k = lines.len();
                lines.swap(a % k, b % k);
                data = lines.join(&b'\n');
            }
        }
    }
    data
}

fn check_dockerfile(raw: &[u8]) {
    let (all, _) = &*PIPELINES;
    let started = Instant::now();
    let mut buf = Vec::new();
    let data = plimsoll::text::decode(raw, &mut buf);
    // A path whose directory does not exist: the linter finds no build context and no .dockerignore.
    let path = "/nonexistent/plimsoll-fuzz/Dockerfile";
    let mut out = Vec::new();
    all.analyze(
        path,
        raw,
        false,
        &mut PipelineScratch::default(),
        &mut out,
        &mut Vec::new(),
    );
    for f in &out {
        check_span(f, data);
        check_redacted(f);
        assert_eq!(f.path, path);
    }
    check_budget(started, data.len());
}

/// The real compose files of `tests/fixtures/compose-real` (any `.yml`/`.yaml` there).
static COMPOSE_FILES: LazyLock<Vec<Vec<u8>>> = LazyLock::new(|| {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compose-real");
    let mut files = Vec::new();
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p
                .extension()
                .is_some_and(|x| x.eq_ignore_ascii_case("yml") || x.eq_ignore_ascii_case("yaml"))
            {
                files.push(p);
            }
        }
    }
    files.sort();
    assert!(files.len() >= 20, "compose fixtures missing: {}", files.len());
    files.into_iter().map(|p| std::fs::read(p).unwrap()).collect()
});

/// Text that changes how YAML parses, or what a compose file means.
const COMPOSE_PIECES: &[&str] = &[
    "&a ",
    "*a",
    "&b ",
    "*b",
    "<<: *a\n",
    "<<: [*a, *b]\n",
    "- ",
    ": ",
    ":",
    "  ",
    "\n",
    "\r\n",
    "\t",
    "{",
    "}",
    "[",
    "]",
    ",",
    "\"",
    "'",
    "\\",
    "|\n",
    ">-\n",
    "---\n",
    "...\n",
    "? ",
    "!!str ",
    "!custom ",
    "%YAML 1.2\n",
    "#",
    "# plimsoll ignore=DC001\n",
    "${",
    "${PASSWORD:-",
    "${A:?err}",
    "$$",
    "}",
    "services:\n",
    "  web:\n    image: nginx:latest\n",
    "    privileged: true\n",
    "    network_mode: host\n",
    "    environment:\n      - POSTGRES_PASSWORD=",
    "    environment:\n      API_TOKEN: ",
    "    ports:\n      - \"0.0.0.0:5432:5432\"\n",
    "    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n",
    "    build:\n      context: ../..\n      args:\n        SECRET: x\n",
    "    healthcheck:\n      test: [\"CMD\", \"true\"]\n",
    "    depends_on:\n      db:\n        condition: service_healthy\n",
    "    env_file: .env\n",
    "x-common: &a\n  restart: always\n",
    "\u{e9}",
    "\u{feff}",
];

fn compose_edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 0..200usize).prop_map(|(a, n)| Edit::Delete(a, n)),
        (any::<usize>(), 0..400usize).prop_map(|(a, n)| Edit::Duplicate(a, n)),
        (
            any::<usize>(),
            prop_oneof![
                3 => proptest::sample::select(COMPOSE_PIECES).prop_map(|p| p.as_bytes().to_vec()),
                1 => proptest::collection::vec(any::<u8>(), 0..16),
            ]
        )
            .prop_map(|(a, p)| Edit::Insert(a, p)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::SwapLines(a, b)),
    ]
}

const COMPOSE_PATH: &str = "/nonexistent/plimsoll-fuzz/docker-compose.yml";

/// Runs every analyzer on `raw` as a compose file; returns the findings after checking each.
fn check_compose(raw: &[u8]) -> Vec<Finding> {
    let (all, _) = &*PIPELINES;
    let started = Instant::now();
    let mut buf = Vec::new();
    let data = plimsoll::text::decode(raw, &mut buf);
    let mut out = Vec::new();
    all.analyze(
        COMPOSE_PATH,
        raw,
        false,
        &mut PipelineScratch::default(),
        &mut out,
        &mut Vec::new(),
    );
    for f in &out {
        check_span(f, data);
        check_redacted(f);
        assert_eq!(f.path, COMPOSE_PATH);
    }
    check_budget(started, data.len());
    out
}

/// The shape of a "billion laughs" document: `levels` anchors, each holding `fanout` aliases of the one
/// before, and a service that uses the last.
#[derive(Clone, Debug)]
struct AliasBomb {
    levels: u32,
    fanout: u32,
    /// Sequences in flow style (`[*a, *a]`), sequences in block style, or maps in flow style.
    style: u8,
    /// Where the service uses the last anchor: as its environment, its labels, or a merge key.
    used_as: u8,
}

impl AliasBomb {
    fn text(&self) -> String {
        let f = self.fanout as usize;
        let mut t = String::from("x-laughs:\n");
        let leaf = |i: usize| format!("k{i}: lol{i}");
        match self.style {
            0 | 1 => t.push_str(&format!("  l0: &l0 [{}]\n", vec!["lol"; f].join(", "))),
            _ => t.push_str(&format!(
                "  l0: &l0 {{{}}}\n",
                (0..f).map(leaf).collect::<Vec<_>>().join(", ")
            )),
        }
        for level in 1..self.levels {
            let alias = format!("*l{}", level - 1);
            match self.style {
                0 => t.push_str(&format!(
                    "  l{level}: &l{level} [{}]\n",
                    vec![alias.as_str(); f].join(", ")
                )),
                1 => {
                    t.push_str(&format!("  l{level}: &l{level}\n"));
                    for _ in 0..f {
                        t.push_str(&format!("    - {alias}\n"));
                    }
                }
                _ => t.push_str(&format!(
                    "  l{level}: &l{level} {{{}}}\n",
                    (0..f).map(|i| format!("k{i}: {alias}")).collect::<Vec<_>>().join(", ")
                )),
            }
        }
        let last = format!("*l{}", self.levels - 1);
        t.push_str("services:\n  web:\n    image: nginx:1.27\n");
        match self.used_as {
            0 => t.push_str(&format!("    environment: {last}\n")),
            1 => t.push_str(&format!("    labels: {last}\n")),
            _ => t.push_str(&format!("    x-merged:\n      <<: {last}\n")),
        }
        t
    }

    /// Nodes the last anchor expands to: far past any sane limit from here on.
    fn expanded_nodes(&self) -> f64 {
        f64::from(self.fanout).powi(self.levels as i32)
    }
}

fn alias_bomb() -> impl Strategy<Value = AliasBomb> {
    (1..40u32, 2..12u32, 0..3u8, 0..3u8).prop_map(|(levels, fanout, style, used_as)| AliasBomb {
        levels,
        fanout,
        style,
        used_as,
    })
}

fn check_alias_bomb(bomb: &AliasBomb) {
    let text = bomb.text();
    let out = check_compose(text.as_bytes());
    if bomb.expanded_nodes() > 1e7 {
        let errors: Vec<&Finding> = out.iter().filter(|f| &*f.rule_id == "DC000").collect();
        assert_eq!(errors.len(), 1, "{bomb:?}: {out:?}");
        assert!(errors[0].message.contains("alias"), "{bomb:?}: {}", errors[0].message);
    }
}

const RULE_FILE: &str = r#"
[[rule]]
id = "fuzz.token"
name = "Fuzz token"
severity = "error"
keywords = ["fz_"]
regex = '''\b(fz_[a-zA-Z0-9]{20})\b'''
min_entropy = 3.0
requires = { regex = '''(?i)fuzz''', within_lines = 3 }
description = "A made-up token."
help = "Revoke it."
references = ["https://fuzz.test/docs"]
examples = ["fuzz: fz_Q8vR3kLmN0pQ2sT4uW6y"]
negative_examples = ["fuzz: fz_short"]
"#;

/// Text that changes how TOML parses, or what a rule or config means.
const TOML_PIECES: &[&str] = &[
    "[[rule]]\n",
    "[rules]\n",
    "[allow]\n",
    "[dockerfile]\n",
    "=",
    " = ",
    "\"",
    "'''",
    "\"\"\"",
    "[",
    "]",
    "{",
    "}",
    ",",
    "\n",
    "#",
    "\\",
    "\\u",
    "id = \"x\"\n",
    "regex = '''(a+)+$'''\n",
    "regex = '''(?i)((((((((((a))))))))))'''\n",
    "regex = '''a{1000}{1000}'''\n",
    "regex = '''\\p{Greek}{100,}'''\n",
    "keywords = []\n",
    "keywords = [\"\"]\n",
    "min_entropy = -1\n",
    "min_entropy = 1e308\n",
    "within_lines = 4294967295\n",
    "window = 18446744073709551615\n",
    "secret_group = 99\n",
    "severity = \"fatal\"\n",
    "exclude = [\"[\"]\n",
    "max-findings-per-file = -1\n",
    "fail-on = \"note\"\n",
    "rule-files = [\"/nonexistent\"]\n",
    "values = [\"sha256:zz\"]\n",
    "é",
    "\0",
];

fn toml_text(base: &'static str) -> impl Strategy<Value = String> {
    prop_oneof![
        2 => proptest::collection::vec(edit_toml(), 0..10)
            .prop_map(move |edits| String::from_utf8_lossy(&apply(base.as_bytes().to_vec(), &edits)).into_owned()),
        1 => proptest::collection::vec(
            prop_oneof![
                proptest::sample::select(TOML_PIECES).prop_map(str::to_string),
                "[a-z_-]{1,12}",
                "\\PC{0,12}",
            ],
            0..40
        )
        .prop_map(|p| p.concat()),
    ]
}

fn edit_toml() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 0..40usize).prop_map(|(a, n)| Edit::Delete(a, n)),
        (any::<usize>(), 0..80usize).prop_map(|(a, n)| Edit::Duplicate(a, n)),
        (any::<usize>(), proptest::sample::select(TOML_PIECES))
            .prop_map(|(a, p)| Edit::Insert(a, p.as_bytes().to_vec())),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::SwapLines(a, b)),
    ]
}

fn check_rule_file(text: &str) {
    let started = Instant::now();
    match load_rule_file("fuzz/rules.toml", text) {
        Ok(rules) => {
            // What loads must compile into a scanner and scan its own examples without trouble.
            let examples: Vec<String> = rules
                .iter()
                .flat_map(|r| r.syntax.examples.iter().chain(&r.syntax.negative_examples).cloned())
                .collect();
            if let Ok(scanner) = Scanner::new(rules, Allowlist::default()) {
                let mut scratch = Scratch::default();
                for e in examples {
                    for c in scanner.scan("fuzz/example.txt", e.as_bytes(), &mut scratch) {
                        assert!(c.start < c.end && c.end <= e.len());
                    }
                }
            }
        }
        Err(e) => assert!(
            e.to_string().contains("fuzz/rules.toml"),
            "error does not name the file: {e}"
        ),
    }
    check_budget(started, text.len());
}

fn check_config(text: String) {
    let started = Instant::now();
    let len = text.len();
    let path = PathBuf::from("/nonexistent/plimsoll-fuzz/.plimsoll.toml");
    if let Err(e) = Config::parse(&path, text) {
        assert!(
            e.to_string().contains(".plimsoll.toml"),
            "error does not name the file: {e}"
        );
    }
    check_budget(started, len);
}

proptest! {
    #![proptest_config(config(48))]

    #[test]
    fn secrets_scanner_on_hostile_bytes(data in scanner_input()) {
        check_secrets(&data);
    }

    #[test]
    fn dockerfile_linter_on_mutated_real_dockerfiles(
        file in 0..DOCKERFILES.len(),
        edits in proptest::collection::vec(edit(), 0..12),
    ) {
        check_dockerfile(&apply(DOCKERFILES[file].clone(), &edits));
    }

    #[test]
    fn compose_analyzer_on_mutated_real_compose_files(
        file in 0..COMPOSE_FILES.len(),
        edits in proptest::collection::vec(compose_edit(), 0..12),
    ) {
        check_compose(&apply(COMPOSE_FILES[file].clone(), &edits));
    }

    #[test]
    fn rule_loader_on_arbitrary_toml(text in toml_text(RULE_FILE)) {
        check_rule_file(&text);
    }

    #[test]
    fn config_loader_on_arbitrary_toml(text in toml_text(plimsoll::config::STARTER)) {
        check_config(text);
    }
}

proptest! {
    // Each bomb expands to the parser's alias limit before it is refused: fewer cases keep CI short.
    #![proptest_config(config(16))]

    #[test]
    fn compose_analyzer_on_alias_bombs(
        bomb in alias_bomb(),
        edits in proptest::collection::vec(compose_edit(), 0..3),
    ) {
        check_alias_bomb(&bomb);
        // A damaged bomb must not get through either: still no panic, positions inside the file.
        check_compose(&apply(bomb.text().into_bytes(), &edits));
    }
}

// Regression tests: inputs the fuzzers found. Each stays here after its fix.

/// A comment with a multi-byte character across byte 8 made the heredoc pre-pass slice inside it
/// (caught and reported as an internal error before the fix).
#[test]
fn regression_dockerfile_comment_with_multibyte_character_at_byte_8() {
    let text = "FROM alpine:3.20\n# Thi \u{201c}remoteUser\u{201d} property in the devcontainer\nUSER app\n";
    check_dockerfile(text.as_bytes());
    let (all, _) = &*PIPELINES;
    let mut out = Vec::new();
    all.analyze(
        "/nonexistent/plimsoll-fuzz/Dockerfile",
        text.as_bytes(),
        false,
        &mut PipelineScratch::default(),
        &mut out,
        &mut Vec::new(),
    );
    assert!(out.iter().all(|f| &*f.rule_id != "DF000"), "{out:?}");
}

/// A parse error at the end of the input (an empty file) pointed one column past the file.
#[test]
fn regression_parse_error_at_end_of_input_stays_inside_the_file() {
    check_dockerfile(b"");
    check_dockerfile(b"# only a comment");
}

/// Found by `benches/fuzz-long.sh` (compose targets, 2026-12-02): a compose file that fails at the end of
/// input without a final newline (an unclosed flow sequence) put DC000 on a line after the last one.
#[test]
fn regression_compose_error_at_end_of_input_without_newline_stays_inside_the_file() {
    for text in [
        "a: [b",
        "services:\n  web:\n    ports: [80",
        "x: 1\na: [b\n",
        "x: 1\ra: [b",
        "x: \u{e9}\na: [b",
    ] {
        let f = check_compose(text.as_bytes());
        assert!(f.iter().any(|f| &*f.rule_id == "DC000"), "{text:?}: {f:?}");
    }
}

/// Found by `benches/fuzz-long.sh` (Dockerfile target, 2026-12-02): the parser's column on line 1 counts
/// bytes, so a DF000 after a byte that is not UTF-8 (read as U+FFFD, three bytes) or after a multi-byte
/// character pointed past the end of the line.
#[test]
fn regression_dockerfile_parse_error_column_counts_characters_not_bytes() {
    check_dockerfile(b"FROM b\x80yM b");
    check_dockerfile(b"FROM b\x80\x80\x80yM b");
    check_dockerfile("FROM \u{e9}\u{e9}\u{e9} b".as_bytes());
}

/// Found by `benches/fuzz-long.sh` (compose target, seed 17865826291320876823, 2026-12-02): YAML breaks
/// lines at a lone `\r`, plimsoll's positions do not (lines end at `\n`), so the parser's line numbers put
/// DC000 — and any finding after a lone `\r` — on a line past the last one. Positions now come from the
/// parser's character offset. `\r\n` files keep their lines.
#[test]
fn regression_compose_positions_after_a_lone_carriage_return() {
    // The shrunk input: DC000 on line 2, at the `s` after the `\r`.
    let f = check_compose(b"      \n    network_mode: \x01\rservice:bit");
    let spans: Vec<_> = f.iter().map(|f| (&*f.rule_id, f.span.line, f.span.column)).collect();
    assert_eq!(spans, [("DC000", 2, 21)], "{f:?}");
    for text in [
        "services:\r  a:\r    image: [\r  b: ]\n",
        "services:\r  a:\r    image: [",
        "x: 1\r\ny: [\r\r  z: }\r\n",
    ] {
        let f = check_compose(text.as_bytes());
        assert!(f.iter().any(|f| &*f.rule_id == "DC000"), "{text:?}: {f:?}");
    }
    // Rule findings too: a file whose only line breaks are lone `\r` is one line.
    let text = "services:\r  a:\r    image: nginx\r    privileged: true\r";
    let f = check_compose(text.as_bytes());
    let at = |f: &[Finding], id: &str| {
        f.iter()
            .find(|f| &*f.rule_id == id)
            .map(|f| (f.span.line, f.span.column))
    };
    let column = |needle: &str| text.find(needle).unwrap() as u32 + 1;
    assert_eq!(at(&f, "DC005"), Some((1, column("privileged"))), "{f:?}");
    assert_eq!(at(&f, "DC011"), Some((1, column("image"))), "{f:?}");
    // `\r\n` is one line end.
    let f = check_compose(b"services:\r\n  a:\r\n    image: nginx\r\n    privileged: true\r\n");
    assert_eq!(at(&f, "DC005"), Some((4, 5)), "{f:?}");
    assert_eq!(at(&f, "DC011"), Some((3, 5)), "{f:?}");
}
