//! Every output format on the same findings: snapshots (insta), schema validation, and the properties CI
//! systems rely on (GitHub's SARIF constraints and limits, GitLab's report fields, redaction everywhere).
//! The findings mix analyzers on purpose: secrets, a secret pasted twice, a history finding with other
//! locations, and Dockerfile findings carrying snippets, one of which contains a secret.

mod common;

use plimsoll::baseline::{Applied, Entry};
use plimsoll::catalog::RuleInfo;
use plimsoll::finding::{
    Category, Commit, Confidence, Finding, Fingerprint, Location, SecretText, Severity, Span, Suppression,
    SuppressionKind,
};
use plimsoll::outcome::{FileError, Stats, SuppressedCounts};
use plimsoll::output::sarif::{Sarif, SarifOptions};
use plimsoll::output::{EmitOptions, Emitter, Format, Report};
use plimsoll::provenance::{ConfigFrom, Provenance, ScannedCommits};
use serde_json::Value;
use std::path::PathBuf;
use std::time::{Duration, UNIX_EPOCH};

const TOKEN: &str = "acme_Q8vR3kLmN0pQ2sT4uW6yA8cE"; // plimsoll:allow (made-up test token)
const OLD_TOKEN: &str = "acme_Z9vR3kLmN0pQ2sT4uW6yA8cE"; // plimsoll:allow (made-up test token)

fn span(line: u32, column: u32, end_column: u32) -> Span {
    Span {
        line,
        column,
        end_line: line,
        end_column,
    }
}

fn secret(rule: &str, name: &str, severity: Severity, path: &str, line: u32, value: &str, show: bool) -> Finding {
    Finding {
        rule_id: rule.into(),
        rule_name: name.into(),
        severity,
        category: Category::Secret,
        path: path.into(),
        span: span(line, 9, 9 + value.chars().count() as u32),
        message: format!("{name} committed in source; revoke it and load it from a secret store at runtime"),
        secret: Some(SecretText::new(value).revealed(show)),
        snippet: None,
        fingerprint: Fingerprint::new(rule, value.as_bytes(), path),
        confidence: Some(Confidence::High),
        commit: None,
        other_locations: Vec::new(),
        baked_into: Vec::new(),
        suppressed: None,
    }
}

fn dockerfile(rule: &str, name: &str, severity: Severity, line: u32, snippet: &str, message: &str) -> Finding {
    Finding {
        rule_id: rule.into(),
        rule_name: name.into(),
        severity,
        category: Category::Dockerfile,
        path: "Dockerfile".into(),
        span: Span {
            line,
            column: 1,
            end_line: line,
            end_column: snippet.chars().count() as u32 + 1,
        },
        message: message.into(),
        secret: None,
        snippet: Some(snippet.into()),
        fingerprint: Fingerprint::new(rule, snippet.as_bytes(), "Dockerfile"),
        confidence: None,
        commit: None,
        other_locations: Vec::new(),
        baked_into: Vec::new(),
        suppressed: None,
    }
}

/// The same findings, in the collector's order (path, line, column, rule).
fn findings(show: bool) -> Vec<Finding> {
    let mut history = secret(
        "acme.token",
        "Acme token",
        Severity::Error,
        "deploy/old.env",
        4,
        OLD_TOKEN,
        show,
    );
    let commit = Commit {
        id: "9fceb02d0ae598e95dc970b74767f19372d61af8".into(),
        author: "Dev Eloper".into(),
        email: "dev@example.test".into(),
        date: "2024-05-01T10:00:00Z".into(),
    };
    history.commit = Some(commit.clone());
    history.other_locations = vec![Location {
        path: "deploy/older.env".into(),
        span: span(7, 6, 35),
        commit: Some(commit),
    }];
    let mut all = vec![
        dockerfile(
            "DF001",
            "last-user-root",
            Severity::Warning,
            2,
            &format!("ENV ACME_TOKEN={TOKEN}"),
            "Credentials set with ENV stay in the image history",
        ),
        secret(
            "acme.token",
            "Acme token",
            Severity::Error,
            "Dockerfile",
            2,
            TOKEN,
            show,
        ),
        dockerfile(
            "DF002",
            "apt-no-recommends",
            Severity::Note,
            5,
            "RUN apt-get install -y curl",
            "apt-get install without --no-install-recommends pulls in packages nobody asked for",
        ),
        history,
        secret(
            "acme.token",
            "Acme token",
            Severity::Error,
            "src/config.py",
            2,
            TOKEN,
            show,
        ),
        secret(
            "acme.password",
            "Acme password",
            Severity::Warning,
            "src/config.py",
            3,
            "Tr0ub4dor&3x<>\"",
            show,
        ),
        secret(
            "acme.token",
            "Acme token",
            Severity::Error,
            "src/config.py",
            9,
            TOKEN,
            show,
        ),
    ];
    // A path with a space and a non-ASCII character, to exercise URI encoding.
    all.push(secret(
        "acme.token",
        "Acme token",
        Severity::Error,
        "src/ünï code.txt",
        1,
        "acme_P0vR3kLmN0pQ2sT4uW6yA8cE",
        show,
    ));
    all
}

fn rules() -> Vec<RuleInfo> {
    let secret_rule = |id: &str, name: &str, severity: Severity, security_severity: f32| RuleInfo {
        id: id.into(),
        name: name.into(),
        category: Category::Secret,
        severity,
        precision: "high".into(),
        summary: format!("An {name}."),
        docs: format!(
            "An {name} grants access to the Acme API.\n\nRevoke it in the Acme console and load it from a secret \
             store.\n\nReferences:\n- https://acme.test/docs/tokens\n"
        ),
        references: vec!["https://acme.test/docs/tokens".into()],
        tags: vec!["security".into(), "secret".into(), "acme".into()],
        twins: Vec::new(),
        cwe: vec!["CWE-798".into()],
        security_severity,
        enabled_by_default: true,
    };
    let docker_rule = |id: &str, name: &str, severity: Severity, twin: &str| RuleInfo {
        id: id.into(),
        name: name.into(),
        category: Category::Dockerfile,
        severity,
        precision: "very-high".into(),
        summary: format!("{id} {name}."),
        docs: format!("## What it does\n{name}.\n\n## Use instead\nA fixed Dockerfile.\n"),
        references: Vec::new(),
        tags: Vec::new(),
        twins: vec![twin.into()],
        cwe: vec!["CWE-250".into()],
        security_severity: 5.0,
        enabled_by_default: true,
    };
    vec![
        secret_rule("acme.token", "Acme token", Severity::Error, 8.5),
        secret_rule("acme.password", "Acme password", Severity::Warning, 6.0),
        secret_rule("acme.unused", "Acme unused key", Severity::Note, 3.0),
        docker_rule("DF001", "last-user-root", Severity::Warning, "hadolint:DL3002"),
        docker_rule("DF002", "apt-no-recommends", Severity::Note, "hadolint:DL3015"),
    ]
}

struct Fixture {
    findings: Vec<Finding>,
    rules: Vec<RuleInfo>,
    stats: Stats,
    errors: Vec<FileError>,
    baseline: Applied,
    source: Provenance,
    /// One suppressed finding of each kind, as `--include-suppressed` reports them.
    suppressed: Vec<Finding>,
}

/// Findings that an inline pragma (in a file and in a Dockerfile), the config's allow-list and the baseline
/// accepted.
fn suppressed(show: bool) -> Vec<Finding> {
    let mut inline = secret(
        "acme.token",
        "Acme token",
        Severity::Error,
        "tests/fixture.env",
        3,
        "acme_F1xtur3kLmN0pQ2sT4uW6yA8c",
        show,
    );
    inline.suppressed = Some(Suppression::inline(
        "tests/fixture.env",
        3,
        Some("revoked test key".into()),
    ));
    let mut config = secret(
        "acme.token",
        "Acme token",
        Severity::Error,
        "src/settings.py",
        7,
        "acme_T3stvR3kLmN0pQ2sT4uW6yA8",
        show,
    );
    config.suppressed = Some(Suppression {
        kind: SuppressionKind::Config,
        source: "/work/repo/.plimsoll.toml:9: [allow] regexes '^acme_T3st'".into(),
        justification: None,
        at: Some(("/work/repo/.plimsoll.toml".into(), 9)),
    });
    let mut baseline = secret(
        "acme.password",
        "Acme password",
        Severity::Warning,
        "src/legacy.py",
        12,
        "0ldPassw0rd!x",
        show,
    );
    baseline.suppressed = Some(Suppression {
        kind: SuppressionKind::Baseline,
        source: ".plimsoll-baseline.json".into(),
        justification: None,
        at: None,
    });
    let mut docker = dockerfile(
        "DF002",
        "apt-no-recommends",
        Severity::Note,
        9,
        "RUN apt-get install -y git",
        "apt-get install without --no-install-recommends pulls in packages nobody asked for",
    );
    docker.suppressed = Some(Suppression::inline("Dockerfile", 8, None));
    vec![docker, baseline, config, inline]
}

impl Fixture {
    fn new(show: bool) -> Self {
        let findings = findings(show);
        Fixture {
            stats: Stats {
                files_scanned: 5,
                bytes_scanned: 2048,
                findings: findings.len() as u64,
                elapsed_ms: 1500,
                unreadable: 1,
                suppressed: SuppressedCounts::of(&suppressed(show)),
                ..Stats::default()
            },
            findings,
            rules: rules(),
            errors: vec![FileError {
                path: "secrets/locked.txt".into(),
                message: "Permission denied (os error 13)".into(),
            }],
            baseline: Applied {
                suppressed: 1,
                stale: vec![Entry {
                    fingerprint: Fingerprint::new("acme.token", b"gone", "src/removed.py"),
                    rule_id: "acme.token".into(),
                    path: "src/removed.py".into(),
                    line: 12,
                    commit: None,
                }],
            },
            source: Provenance {
                repository_uri: Some("https://example.test/acme/app.git".into()),
                remote: Some("origin".into()),
                revision_id: Some("4b825dc642cb6eb9a060e54bf8d69288fbee4904".into()),
                branch: Some("main".into()),
                detached: false,
                root: PathBuf::from("/work/repo"),
                scanned: Some(ScannedCommits {
                    mode: "range".into(),
                    revisions: vec![
                        "4b825dc642cb6eb9a060e54bf8d69288fbee4904 ^9fceb02d0ae598e95dc970b74767f19372d61af8".into(),
                    ],
                    commits: 3,
                }),
                config_from: Some(ConfigFrom {
                    revision: "origin/main".into(),
                    commit: "9fceb02d0ae598e95dc970b74767f19372d61af8".into(),
                    config: Some("origin/main:.plimsoll.toml".into()),
                    baseline: Some("origin/main:.plimsoll-baseline.json".into()),
                }),
            },
            suppressed: suppressed(show),
        }
    }

    fn report(&self) -> Report<'_> {
        Report {
            findings: &self.findings,
            suppressed: &self.suppressed,
            stats: &self.stats,
            errors: &self.errors,
            rules: &self.rules,
            baseline: Some(&self.baseline),
            source: Some(&self.source),
        }
    }
}

fn options() -> EmitOptions {
    EmitOptions {
        color: false,
        sarif_category: "plimsoll/".into(),
        srcroot: Some(PathBuf::from("/work/repo")),
        commit_sha: Some("4b825dc642cb6eb9a060e54bf8d69288fbee4904".into()),
        started: UNIX_EPOCH + Duration::from_secs(1_700_000_000),
    }
}

fn render_with(emitter: &dyn Emitter, fixture: &Fixture) -> String {
    let mut out = Vec::new();
    emitter.emit(&fixture.report(), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn render(format: Format, fixture: &Fixture) -> String {
    render_with(format.build(&options()).as_ref(), fixture)
}

const ALL: [Format; 8] = [
    Format::Text,
    Format::Json,
    Format::Jsonl,
    Format::Sarif,
    Format::Github,
    Format::GitlabSecrets,
    Format::GitlabCodequality,
    Format::Junit,
];

#[test]
fn snapshots_of_every_format_on_the_same_findings() {
    let mut fixture = Fixture::new(false);
    plimsoll::output::redact_snippets(&mut fixture.findings, &mut fixture.suppressed);
    for format in ALL {
        let name = format!("{format:?}").to_lowercase();
        insta::assert_snapshot!(name, render(format, &fixture));
    }
}

#[test]
fn no_format_prints_a_secret_unless_asked() {
    // SARIF redacts snippets itself, whoever built the report.
    let sarif = render(Format::Sarif, &Fixture::new(false));
    assert!(!sarif.contains(TOKEN), "{sarif}");
    // The collector redacts snippets once for every format, as the CLI does.
    let mut fixture = Fixture::new(false);
    plimsoll::output::redact_snippets(&mut fixture.findings, &mut fixture.suppressed);
    for format in ALL {
        let out = render(format, &fixture);
        // Suppressed findings are redacted like reported ones.
        for raw in [
            TOKEN,
            OLD_TOKEN,
            "Tr0ub4dor&3x",
            "Tr0ub4dor&amp;3x",
            "acme_F1xtur3kLmN0pQ2sT4uW6yA8c",
            "acme_T3stvR3kLmN0pQ2sT4uW6yA8",
            "0ldPassw0rd!x",
        ] {
            assert!(!out.contains(raw), "{format:?} leaks {raw}:\n{out}");
        }
    }
    // The Dockerfile instruction holding the token is shown with the token redacted.
    let sarif = render(Format::Sarif, &fixture);
    assert!(sarif.contains("ENV ACME_TOKEN=acme_Q8v…"), "{sarif}");
}

#[test]
fn show_secrets_reveals_them_in_messages_but_never_as_a_sarif_snippet() {
    let fixture = Fixture::new(true);
    let sarif: Value = serde_json::from_str(&render(Format::Sarif, &fixture)).unwrap();
    common::assert_valid_sarif(&sarif);
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let history = results
        .iter()
        .find(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "deploy/old.env")
        .unwrap();
    assert!(
        history["message"]["text"].as_str().unwrap().contains(OLD_TOKEN),
        "{history}"
    );
    for r in results {
        let region = &r["locations"][0]["physicalLocation"]["region"];
        if r["ruleId"].as_str().unwrap().starts_with("acme.") {
            assert!(region.get("snippet").is_none(), "{r}");
        }
    }
    let docker = results.iter().find(|r| r["ruleId"] == "DF001").unwrap();
    assert_eq!(
        docker["locations"][0]["physicalLocation"]["region"]["snippet"]["text"],
        format!("ENV ACME_TOKEN={TOKEN}")
    );
}

#[test]
fn sarif_is_schema_valid_and_meets_githubs_constraints() {
    let fixture = Fixture::new(false);
    let sarif: Value = serde_json::from_str(&render(Format::Sarif, &fixture)).unwrap();
    common::assert_valid_sarif(&sarif);
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "plimsoll");
    assert_eq!(driver["semanticVersion"], env!("CARGO_PKG_VERSION"));
    assert!(driver["informationUri"].as_str().unwrap().starts_with("https://"));
    assert_eq!(run["automationDetails"]["id"], "plimsoll/");
    assert_eq!(run["originalUriBaseIds"]["%SRCROOT%"]["uri"], "file:///work/repo/");
    let vcs = &run["versionControlProvenance"][0];
    assert_eq!(vcs["repositoryUri"], "https://example.test/acme/app.git");
    assert_eq!(vcs["revisionId"], "4b825dc642cb6eb9a060e54bf8d69288fbee4904");
    assert_eq!(vcs["branch"], "main");
    assert_eq!(vcs["mappedTo"]["uriBaseId"], "%SRCROOT%");
    assert_eq!(vcs["properties"]["scanMode"], "range");
    assert_eq!(vcs["properties"]["scannedCommits"], 3);

    let rules = driver["rules"].as_array().unwrap();
    assert_eq!(
        rules.len(),
        fixture.rules.len(),
        "every active rule is listed, found or not"
    );
    for r in rules {
        for field in ["id", "name"] {
            assert!(!r[field].as_str().unwrap().is_empty(), "{r}");
        }
        for field in ["shortDescription", "fullDescription"] {
            assert!(!r[field]["text"].as_str().unwrap().is_empty(), "{r}");
        }
        assert!(!r["help"]["text"].as_str().unwrap().is_empty(), "{r}");
        assert!(!r["help"]["markdown"].as_str().unwrap().is_empty(), "{r}");
        assert!(
            r.get("helpUri")
                .is_none_or(|u| u.as_str().unwrap().starts_with("https://")),
            "{r}"
        );
        assert!(["error", "warning", "note"].contains(&r["defaultConfiguration"]["level"].as_str().unwrap()));
        let props = &r["properties"];
        let score: f32 = props["security-severity"].as_str().unwrap().parse().unwrap();
        assert!((0.1..=10.0).contains(&score), "{r}");
        assert!(["very-high", "high", "medium", "low"].contains(&props["precision"].as_str().unwrap()));
        let tags: Vec<&str> = props["tags"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap())
            .collect();
        assert!(tags.len() <= 20 && tags[0] == "security", "{tags:?}");
        assert!(tags.contains(&"secret") || tags.contains(&"dockerfile"), "{tags:?}");
        assert!(tags.iter().any(|t| t.starts_with("external/cwe/cwe-")), "{tags:?}");
    }

    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), fixture.findings.len() + fixture.suppressed.len());
    // Suppressed results say who accepted them and where: in the source (a pragma, located) or outside it
    // (config entry, located; baseline file).
    let suppressions: Vec<&Value> = results.iter().filter_map(|r| r.get("suppressions")).collect();
    assert_eq!(suppressions.len(), fixture.suppressed.len());
    let by_kind = |kind: &str| -> Vec<&Value> {
        suppressions
            .iter()
            .map(|s| &s[0])
            .filter(|s| s["properties"]["kind"] == kind)
            .collect()
    };
    for s in by_kind("inline") {
        assert_eq!(s["kind"], "inSource", "{s}");
        assert_eq!(s["status"], "accepted", "{s}");
        assert!(
            s["location"]["physicalLocation"]["region"]["startLine"]
                .as_u64()
                .unwrap()
                >= 1,
            "{s}"
        );
    }
    let inline = by_kind("inline");
    assert!(
        inline
            .iter()
            .any(|s| s["justification"] == "revoked test key" && s["properties"]["source"] == "tests/fixture.env:3")
    );
    let config = by_kind("config");
    assert_eq!(config.len(), 1);
    assert_eq!(config[0]["kind"], "external");
    assert_eq!(
        config[0]["location"]["physicalLocation"]["artifactLocation"]["uri"], ".plimsoll.toml",
        "the config entry is located under %SRCROOT%"
    );
    assert_eq!(config[0]["location"]["physicalLocation"]["region"]["startLine"], 9);
    let baseline = by_kind("baseline");
    assert_eq!(baseline.len(), 1);
    assert_eq!(baseline[0]["kind"], "external");
    assert_eq!(baseline[0]["properties"]["source"], ".plimsoll-baseline.json");
    let mut fingerprints = std::collections::HashSet::new();
    for r in results {
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], r["ruleId"], "ruleIndex points at the rule");
        let text = r["message"]["text"].as_str().unwrap();
        let first_sentence = text.split(". ").next().unwrap();
        assert!(first_sentence.len() > 20 && text.ends_with('.'), "{text}");
        let loc = &r["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        assert!(!loc["artifactLocation"]["uri"].as_str().unwrap().starts_with('/'));
        let region = &loc["region"];
        assert!(region["startLine"].as_u64().unwrap() >= 1 && region["startColumn"].as_u64().unwrap() >= 1);
        assert!(region["endColumn"].as_u64().unwrap() > region["startColumn"].as_u64().unwrap());
        let fp = r["partialFingerprints"]["plimsoll/v1"].as_str().unwrap();
        assert!(fingerprints.insert(fp.to_string()), "duplicate fingerprint {fp}");
    }
    let encoded = results
        .iter()
        .find(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
                .contains("%20")
        })
        .expect("paths are percent-encoded");
    assert_eq!(
        encoded["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "src/%C3%BCn%C3%AF%20code.txt"
    );

    let notes = run["invocations"][0]["toolExecutionNotifications"].as_array().unwrap();
    let texts: Vec<&str> = notes.iter().map(|n| n["message"]["text"].as_str().unwrap()).collect();
    assert!(texts.iter().any(|t| t.contains("secrets/locked.txt")), "{texts:?}");
    assert!(texts.iter().any(|t| t.contains("src/removed.py")), "{texts:?}");
    assert_eq!(run["invocations"][0]["executionSuccessful"], false);
}

#[test]
fn the_schema_check_catches_broken_sarif() {
    let mut sarif: Value = serde_json::from_str(&render(Format::Sarif, &Fixture::new(false))).unwrap();
    let result = &mut sarif["runs"][0]["results"][0];
    result["locations"][0]["physicalLocation"]["region"]["startLine"] = 0.into();
    result.as_object_mut().unwrap().remove("message");
    sarif["runs"][0]["tool"]["driver"]["informationUri"] = "not a uri".into();
    let errors = common::errors("sarif-schema-2.1.0.json", &sarif);
    assert_eq!(errors.len(), 3, "{errors:#?}");
}

#[test]
fn sarif_category_always_names_a_whole_category() {
    let fixture = Fixture::new(false);
    let opts = EmitOptions {
        sarif_category: "plimsoll/dockerfile".into(),
        ..options()
    };
    let sarif: Value = serde_json::from_str(&render_with(Format::Sarif.build(&opts).as_ref(), &fixture)).unwrap();
    assert_eq!(sarif["runs"][0]["automationDetails"]["id"], "plimsoll/dockerfile/");
}

fn sarif_with_limits(max_results: usize, max_gzip_bytes: u64) -> Sarif {
    let mut opts = SarifOptions::github(&options());
    opts.max_results = max_results;
    opts.max_gzip_bytes = max_gzip_bytes;
    Sarif::new(opts)
}

#[test]
fn over_the_result_limit_the_most_severe_are_kept_and_the_user_is_told() {
    let fixture = Fixture::new(false);
    let emitter = sarif_with_limits(3, u64::MAX);
    let sarif: Value = serde_json::from_str(&render_with(&emitter, &fixture)).unwrap();
    common::assert_valid_sarif(&sarif);
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 3);
    assert!(results.iter().all(|r| r["level"] == "error"), "{results:?}");
    let notes = emitter.notes();
    assert_eq!(notes.len(), 1);
    assert!(notes[0].contains("kept the 3 most severe of 12"), "{notes:?}");
    let run_notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"].to_string();
    assert!(run_notes.contains("9 results were left out"), "{run_notes}");
    assert!(
        results.iter().all(|r| r.get("suppressions").is_none()),
        "suppressed results go first, whatever their level"
    );
}

#[test]
fn over_the_size_limit_results_are_dropped_until_the_gzipped_file_fits() {
    let fixture = Fixture::new(false);
    let full = render(Format::Sarif, &fixture);
    let full_gz = gzip_len(full.as_bytes());
    let limit = full_gz - 200;
    let emitter = sarif_with_limits(usize::MAX, limit);
    let out = render_with(&emitter, &fixture);
    assert!(gzip_len(out.as_bytes()) <= limit);
    let sarif: Value = serde_json::from_str(&out).unwrap();
    common::assert_valid_sarif(&sarif);
    let kept = sarif["runs"][0]["results"].as_array().unwrap().len();
    assert!(
        kept > 0 && kept < fixture.findings.len() + fixture.suppressed.len(),
        "{kept}"
    );
    assert!(emitter.notes()[0].contains("MB gzipped"), "{:?}", emitter.notes());
}

fn gzip_len(bytes: &[u8]) -> u64 {
    use std::io::Write;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap().len() as u64
}

#[test]
fn githubs_real_result_limit_is_enforced() {
    let fixture = Fixture::new(false);
    let template = &fixture.findings[5];
    let mut many: Vec<Finding> = (0..25_003u32)
        .map(|i| {
            let mut f = template.clone();
            f.path = format!("gen/{i}.env");
            f.fingerprint = Fingerprint::new("acme.password", b"x", &f.path);
            f
        })
        .collect();
    many.insert(17, fixture.findings[4].clone());
    let stats = Stats::default();
    let report = Report {
        findings: &many,
        suppressed: &[],
        stats: &stats,
        errors: &[],
        rules: &fixture.rules,
        baseline: None,
        source: None,
    };
    let emitter = Format::Sarif.build(&options());
    let mut out = Vec::new();
    emitter.emit(&report, &mut out).unwrap();
    let sarif: Value = serde_json::from_slice(&out).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 25_000);
    assert_eq!(
        results.iter().filter(|r| r["level"] == "error").count(),
        1,
        "the error is kept"
    );
    assert!(emitter.notes()[0].contains("of 25004 results"), "{:?}", emitter.notes());
}

#[test]
fn gitlab_secret_detection_report_meets_the_schema() {
    let fixture = Fixture::new(false);
    let doc: Value = serde_json::from_str(&render(Format::GitlabSecrets, &fixture)).unwrap();
    common::assert_valid("gitlab-secret-detection-15.x-subset.json", &doc);
    let vulns = doc["vulnerabilities"].as_array().unwrap();
    let secrets = fixture
        .findings
        .iter()
        .filter(|f| f.category == Category::Secret)
        .count();
    assert_eq!(vulns.len(), secrets, "secrets only");
    let ids: std::collections::HashSet<&str> = vulns.iter().map(|v| v["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), vulns.len(), "ids are unique, even for a secret pasted twice");
    let history = vulns
        .iter()
        .find(|v| v["location"]["file"] == "deploy/old.env")
        .unwrap();
    assert_eq!(
        history["location"]["commit"]["sha"],
        "9fceb02d0ae598e95dc970b74767f19372d61af8"
    );
    let current = vulns.iter().find(|v| v["location"]["file"] == "src/config.py").unwrap();
    assert_eq!(
        current["location"]["commit"]["sha"],
        "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
    );
    assert_eq!(doc["scan"]["start_time"], "2023-11-14T22:13:20");
    assert_eq!(doc["scan"]["end_time"], "2023-11-14T22:13:21");
}

#[test]
fn gitlab_code_quality_report_has_every_non_secret_finding_once() {
    let fixture = Fixture::new(false);
    let doc: Value = serde_json::from_str(&render(Format::GitlabCodequality, &fixture)).unwrap();
    common::assert_valid("gitlab-codequality.json", &doc);
    let issues = doc.as_array().unwrap();
    assert_eq!(issues.len(), 2);
    assert_eq!(issues[0]["check_name"], "DF001");
    assert_eq!(issues[0]["location"]["lines"]["begin"], 2);
    assert_eq!(issues[0]["severity"], "major");
    let fps: std::collections::HashSet<&str> = issues.iter().map(|i| i["fingerprint"].as_str().unwrap()).collect();
    assert_eq!(fps.len(), issues.len());
}

#[test]
fn junit_has_a_case_per_rule_and_file_and_passes_clean_rules() {
    let fixture = Fixture::new(false);
    let xml = render(Format::Junit, &fixture);
    common::assert_well_formed_xml(&xml);
    // acme.token: Dockerfile, deploy/old.env, src/config.py (2 findings), src/ünï code.txt.
    assert!(
        xml.contains(r#"<testsuite name="acme.token" tests="4" failures="4""#),
        "{xml}"
    );
    assert!(xml.contains(r#"message="2 findings, first at line 2""#), "{xml}");
    assert!(
        xml.contains(r#"<testcase classname="acme.unused" name="no findings"/>"#),
        "{xml}"
    );
    assert!(
        xml.contains(r#"<testsuites name="plimsoll" tests="9" failures="7" errors="1""#),
        "{xml}"
    );
}

#[test]
fn github_annotations_have_positions_and_levels() {
    let fixture = Fixture::new(false);
    let out = render(Format::Github, &fixture);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), fixture.findings.len() + fixture.errors.len());
    assert_eq!(
        lines[0],
        "::warning file=Dockerfile,line=2,endLine=2,col=1,endColumn=45,title=last-user-root (DF001)::Credentials set \
         with ENV stay in the image history"
    );
    assert!(lines[2].starts_with("::notice file=Dockerfile,line=5,"), "{}", lines[2]);
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("::error file=src/config.py,line=9,endLine=9,col=9,"))
    );
}

/// Microsoft's SARIF Multitool (npm `@microsoft/sarif-multitool-linux`), from `SARIF_MULTITOOL` or `PATH`.
fn multitool() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("SARIF_MULTITOOL") {
        return Some(PathBuf::from(p));
    }
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join("Sarif.Multitool"))
        .find(|p| p.is_file())
}

#[test]
fn sarif_passes_microsofts_multitool_with_github_and_sarif_rules() {
    let Some(tool) = multitool() else {
        eprintln!(
            "skipped: SARIF Multitool not installed (npm install --prefix DIR @microsoft/sarif-multitool-linux, then \
             SARIF_MULTITOOL=DIR/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool); \
             benches/sarif-multitool.sh runs it on real scans"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("plimsoll.sarif");
    let output = dir.path().join("validation.sarif");
    let mut fixture = Fixture::new(false);
    plimsoll::output::redact_snippets(&mut fixture.findings, &mut fixture.suppressed);
    std::fs::write(&input, render(Format::Sarif, &fixture)).unwrap();
    let out = std::process::Command::new(&tool)
        .args([
            "validate",
            "--rule-kind",
            "Gh;Sarif",
            "--level",
            "Error;Warning;Note",
            "-o",
        ])
        .arg(&output)
        .arg(&input)
        .env("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "1")
        .env("DOTNET_CLI_TELEMETRY_OPTOUT", "1")
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", tool.display()));
    let log = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{log}{}", String::from_utf8_lossy(&out.stderr));
    let validation: Value = serde_json::from_str(&std::fs::read_to_string(&output).unwrap()).unwrap();
    let results = validation["runs"][0]["results"].as_array().unwrap();
    let problems: Vec<&Value> = results
        .iter()
        .filter(|r| r["level"] != "note" && r["level"] != "none")
        .collect();
    assert!(problems.is_empty(), "the Multitool reports errors or warnings:\n{log}");
    assert!(
        !results.iter().any(|r| r["ruleId"] == "SARIF2003"),
        "version control provenance is present:\n{log}"
    );
}
