//! End-to-end behaviour of `plimsoll scan` as a user sees it: exit codes, what is walked and skipped,
//! redaction, output formats, and error messages. Uses a small rule file so the assertions do not depend
//! on the built-in rule set.

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;
use std::path::Path;

const RULES: &str = include_str!("fixtures/acme-rules.toml");

const TOKEN: &str = "acme_Q8vR3kLmN0pQ2sT4uW6yA8cE"; // plimsoll:allow (made-up test token)

struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("rules.toml"), RULES).unwrap();
        Fixture { dir }
    }
    fn path(&self) -> &Path {
        self.dir.path()
    }
    fn write(&self, rel: &str, content: impl AsRef<[u8]>) {
        let p = self.path().join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, content).unwrap();
    }
    /// `plimsoll scan <tree>` with only the test rules' findings counted (built-in rules also run).
    fn scan(&self) -> Command {
        let mut c = Command::cargo_bin("plimsoll").unwrap();
        c.current_dir(self.path())
            .args(["scan", "tree", "--no-config", "--rules"])
            .arg(self.path().join("rules.toml"))
            .args(["--color", "never"]);
        c
    }
}

fn json(out: &[u8]) -> serde_json::Value {
    serde_json::from_slice(out).unwrap_or_else(|e| panic!("bad json: {e}\n{}", String::from_utf8_lossy(out)))
}

fn finding_ids(v: &serde_json::Value) -> Vec<(String, String, u64, u64)> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"].as_str().unwrap().starts_with("acme."))
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap().to_string(),
                f["path"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn clean_tree_exits_zero_and_findings_exit_one() {
    let f = Fixture::new();
    f.write("tree/a.txt", "nothing to see\n");
    f.scan()
        .assert()
        .code(0)
        .stderr(predicate::str::contains("0 findings in 1 files"));
    f.write("tree/b.env", format!("A=1\nACME={TOKEN}\n"));
    f.scan()
        .assert()
        .code(1)
        .stdout(predicate::str::contains("tree/b.env:2:6  acme.token  acme_Q8v…"))
        .stdout(predicate::str::contains(TOKEN).not());
}

#[test]
fn json_has_positions_redaction_fingerprint_and_stats() {
    let f = Fixture::new();
    f.write("tree/src/config.py", format!("# é\nTOKEN = \"{TOKEN}\"\n"));
    let out = f
        .scan()
        .args(["--format", "json"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v = json(&out);
    assert_eq!(v["version"], 1);
    let found: Vec<_> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"] == "acme.token")
        .collect();
    assert_eq!(found.len(), 1);
    let x = found[0];
    assert_eq!(x["path"], "tree/src/config.py");
    assert_eq!((x["line"].as_u64(), x["column"].as_u64()), (Some(2), Some(10)));
    assert_eq!(
        (x["end_line"].as_u64(), x["end_column"].as_u64()),
        (Some(2), Some(10 + TOKEN.len() as u64))
    );
    assert_eq!(x["secret"], "acme_Q8v…");
    assert_eq!(x["severity"], "error");
    assert_eq!(x["rule_name"], "Acme token");
    assert_eq!(x["fingerprint"].as_str().unwrap().len(), 32);
    assert_eq!(v["stats"]["files_scanned"], 1);
    assert!(!String::from_utf8_lossy(&out).contains(TOKEN));
}

#[test]
fn show_secrets_opts_in_and_jsonl_is_one_finding_per_line() {
    let f = Fixture::new();
    f.write(
        "tree/a.env",
        format!("ACME={TOKEN}\nacme_password = \"Tr0ub4dor&3x\"\n"), // plimsoll:allow (test fixture)
    );
    let out = f
        .scan()
        .args(["--format", "jsonl", "--show-secrets"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    // One finding per secret, shown in full (the password may be claimed by a built-in generic rule).
    let secrets: Vec<&str> = lines.iter().map(|l| l["secret"].as_str().unwrap()).collect();
    assert_eq!(secrets, vec![TOKEN, "Tr0ub4dor&3x"]);
    assert_eq!(lines[0]["rule_id"], "acme.token");
}

#[test]
fn fail_on_threshold_controls_exit_code() {
    let f = Fixture::new();
    f.write("tree/a.env", "acme_password = \"Tr0ub4dor&3x\"\n"); // plimsoll:allow (test fixture)
    f.scan().assert().code(1);
    f.scan().args(["--fail-on", "warning"]).assert().code(1);
    f.scan().args(["--fail-on", "error"]).assert().code(0);
    f.scan().args(["--fail-on", "none"]).assert().code(0);
}

#[test]
fn gitignore_is_honoured_unless_no_ignore_and_git_dir_is_skipped() {
    let f = Fixture::new();
    f.write("tree/.gitignore", "ignored.txt\n");
    f.write("tree/ignored.txt", format!("{TOKEN}\n"));
    f.write("tree/.git/config", format!("{TOKEN}\n"));
    f.write("tree/.hidden/x.txt", "nothing\n");
    let v = json(&f.scan().args(["--format", "json"]).assert().code(0).get_output().stdout);
    assert_eq!(v["stats"]["files_scanned"], 2, "{v}"); // .gitignore and .hidden/x.txt
    let v = json(
        &f.scan()
            .args(["--format", "json", "--no-ignore"])
            .assert()
            .code(1)
            .get_output()
            .stdout,
    );
    assert_eq!(
        finding_ids(&v),
        vec![("acme.token".into(), "tree/ignored.txt".into(), 1, 1)]
    );
}

#[test]
fn exclude_globs_skip_and_count() {
    let f = Fixture::new();
    f.write("tree/vendor/lib/a.txt", format!("{TOKEN}\n"));
    f.write("tree/app.min.js", format!("var t=\"{TOKEN}\"\n"));
    f.write("tree/ok.txt", "fine\n");
    let v = json(
        &f.scan()
            .args(["--format", "json", "--exclude", "vendor/**", "--exclude", "*.min.js"])
            .assert()
            .code(0)
            .get_output()
            .stdout,
    );
    assert_eq!(v["stats"]["excluded"], 2);
    assert_eq!(v["stats"]["files_scanned"], 1);
}

#[test]
fn binary_large_and_special_files_are_skipped_and_counted() {
    let f = Fixture::new();
    let mut bin = b"\x00\x01\x02".to_vec();
    bin.extend_from_slice(TOKEN.as_bytes());
    f.write("tree/blob.bin", &bin);
    f.write("tree/big.txt", format!("{}{TOKEN}\n", "a".repeat(3000)));
    f.write("tree/ok.txt", "fine\n");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(f.path().join("tree/big.txt"), f.path().join("tree/link.txt")).unwrap();
        let fifo = f.path().join("tree/pipe");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    }
    let v = json(
        &f.scan()
            .args(["--format", "json", "--max-file-size", "2K"])
            .timeout(std::time::Duration::from_secs(60))
            .assert()
            .code(0)
            .get_output()
            .stdout,
    );
    let s = &v["stats"];
    assert_eq!(s["skipped_binary"], 1, "{s}");
    assert_eq!(s["skipped_too_large"], 1, "{s}");
    assert_eq!(s["files_scanned"], 1, "{s}");
    #[cfg(unix)]
    {
        assert_eq!(s["skipped_special"], 1, "{s}");
        assert_eq!(s["skipped_symlinks"], 1, "{s}");
    }
}

#[cfg(unix)]
#[test]
fn non_utf8_names_and_contents_are_handled() {
    use std::os::unix::ffi::OsStrExt;
    let f = Fixture::new();
    fs::create_dir_all(f.path().join("tree")).unwrap();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    let mut content = b"\xff\xfe latin1 \xe9\n".to_vec();
    content.extend_from_slice(format!("k={TOKEN}\n").as_bytes());
    fs::write(f.path().join("tree").join(name), content).unwrap();
    let v = json(&f.scan().args(["--format", "json"]).assert().code(1).get_output().stdout);
    let ids = finding_ids(&v);
    assert_eq!(ids.len(), 1);
    assert_eq!((ids[0].2, ids[0].3), (2, 3));
    assert!(ids[0].1.starts_with("tree/caf"));
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_reported_exit_two_but_others_still_scanned() {
    use std::os::unix::fs::PermissionsExt;
    let f = Fixture::new();
    f.write("tree/secret.env", format!("ACME={TOKEN}\n"));
    f.write("tree/locked.txt", "x\n");
    let locked = f.path().join("tree/locked.txt");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&locked).is_ok() {
        return; // running as root: permissions are not enforced
    }
    f.scan()
        .assert()
        .code(2)
        .stdout(predicate::str::contains("tree/secret.env:1:6  acme.token"))
        .stderr(predicate::str::contains("cannot read tree/locked.txt"));
}

#[test]
fn missing_path_is_an_error_but_the_rest_is_scanned() {
    let f = Fixture::new();
    f.write("tree/secret.env", format!("ACME={TOKEN}\n"));
    f.scan()
        .arg("missing.txt")
        .assert()
        .code(2)
        .stdout(predicate::str::contains("tree/secret.env:1:6  acme.token"))
        .stderr(predicate::str::contains("cannot read missing.txt"));
}

#[test]
fn inline_suppression_comments_are_honoured() {
    let f = Fixture::new();
    f.write(
        "tree/a.py",
        format!("a = '{TOKEN}'  # plimsoll:allow\nb = '{TOKEN}'  # gitleaks:allow\nc = '{TOKEN}'  # pragma: allowlist secret\n"),
    );
    f.scan().assert().code(0);
}

#[test]
fn output_file_is_written_and_stdout_stays_empty() {
    let f = Fixture::new();
    f.write("tree/a.env", format!("ACME={TOKEN}\n"));
    f.scan()
        .args(["--format", "json", "--output", "report.json"])
        .assert()
        .code(1)
        .stdout("");
    let v = json(&fs::read(f.path().join("report.json")).unwrap());
    assert_eq!(finding_ids(&v).len(), 1);
}

#[test]
fn config_file_excludes_and_errors_name_file_and_line() {
    let f = Fixture::new();
    f.write("tree/fixtures/a.env", format!("ACME={TOKEN}\n"));
    f.write("tree/.plimsoll.toml", "exclude = [\"fixtures/**\"]\n");
    let mut c = Command::cargo_bin("plimsoll").unwrap();
    c.current_dir(f.path())
        .args(["scan", "tree", "--rules", "rules.toml"])
        .assert()
        .code(0);

    f.write(
        "tree/.plimsoll.toml",
        "exclude = [\"fixtures/**\"]\nfail-on = \"sometimes\"\n",
    );
    let mut c = Command::cargo_bin("plimsoll").unwrap();
    c.current_dir(f.path())
        .args(["scan", "tree", "--rules", "rules.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(".plimsoll.toml:2:"));
}

#[test]
fn bad_rule_file_and_bad_flag_exit_two() {
    let f = Fixture::new();
    f.write("tree/a.txt", "x\n");
    f.write("bad.toml", RULES.replace(r"\b(acme_[a-zA-Z0-9]{24})\b", "(acme_[a-z"));
    let mut c = Command::cargo_bin("plimsoll").unwrap();
    c.current_dir(f.path())
        .args(["scan", "tree", "--no-config", "--rules", "bad.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "bad.toml:2:1: rule acme.token: regex does not compile",
        ));
    let mut c = Command::cargo_bin("plimsoll").unwrap();
    c.args(["scan", "--format", "yaml"]).assert().code(2);
    let mut c = Command::cargo_bin("plimsoll").unwrap();
    c.args(["scan", "--max-file-size", "lots"]).assert().code(2);
}

#[test]
fn rules_check_runs_examples_through_the_scanner() {
    let f = Fixture::new();
    let mut c = Command::cargo_bin("plimsoll").unwrap();
    c.current_dir(f.path())
        .args(["rules", "check", "rules.toml"])
        .assert()
        .code(0);
    // A negative example that the rule does match must be reported.
    f.write(
        "weak.toml",
        RULES.replace("\"ACME=acme_short\"", &format!("\"ACME={TOKEN}\"")),
    );
    let mut c = Command::cargo_bin("plimsoll").unwrap();
    c.current_dir(f.path())
        .args(["rules", "check", "weak.toml"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "weak.toml:2: rule acme.token: negative example 1 produces a finding",
        ));
}

#[test]
fn stdin_is_scanned_with_dash() {
    let f = Fixture::new();
    let mut c = Command::cargo_bin("plimsoll").unwrap();
    c.current_dir(f.path())
        .args(["scan", "-", "--no-config", "--rules", "rules.toml", "--color", "never"])
        .write_stdin(format!("ACME={TOKEN}\n"))
        .assert()
        .code(1)
        .stdout(predicate::str::contains("<stdin>:1:6  acme.token"));
}

fn utf16(s: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let s = if bom { format!("\u{feff}{s}") } else { s.to_string() };
    s.encode_utf16()
        .flat_map(|u| if big_endian { u.to_be_bytes() } else { u.to_le_bytes() })
        .collect()
}

#[test]
fn utf16_files_are_decoded_and_positions_count_characters_of_the_original() {
    let f = Fixture::new();
    // The key emoji is a surrogate pair in UTF-16 (two code units) and one character: columns count it once.
    let text =
        format!("# Deploy script (Windows PowerShell 5 writes UTF-16)\r\n$k = \"\u{1F511}\"; $t = \"{TOKEN}\"\r\n");
    f.write("tree/le-bom.ps1", utf16(&text, false, true));
    f.write("tree/le.ps1", utf16(&text, false, false));
    f.write("tree/be-bom.reg", utf16(&text, true, true));
    f.write("tree/be.config", utf16(&text, true, false));
    f.write("tree/utf8-bom.env", format!("\u{feff}ACME={TOKEN}\n"));
    // NUL bytes that are not the pattern of UTF-16 text: U+0000 code units, or NULs on both sides.
    let mut records = utf16(&format!("ACME={TOKEN}"), false, false);
    records.extend_from_slice(&[0, 0, 0, 0, 7, 0]);
    f.write("tree/records.dat", records);
    let mut elf = b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00\x3e\x00".to_vec();
    elf.extend_from_slice(TOKEN.as_bytes());
    f.write("tree/tool.bin", elf);

    let v = json(&f.scan().args(["--format", "json"]).assert().code(1).get_output().stdout);
    let mut ids = finding_ids(&v);
    ids.sort();
    let expect = |p: &str, line, col| ("acme.token".to_string(), format!("tree/{p}"), line, col);
    assert_eq!(
        ids,
        vec![
            expect("be-bom.reg", 2, 17),
            expect("be.config", 2, 17),
            expect("le-bom.ps1", 2, 17),
            expect("le.ps1", 2, 17),
            expect("utf8-bom.env", 1, 6),
        ]
    );
    for x in v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["rule_id"] == "acme.token")
    {
        let end = if x["path"] == "tree/utf8-bom.env" { 6 } else { 17 } + TOKEN.len() as u64;
        assert_eq!(
            (&x["end_line"], x["end_column"].as_u64()),
            (&x["line"], Some(end)),
            "{x}"
        );
        assert_eq!(x["secret"], "acme_Q8v…");
    }
    let s = &v["stats"];
    assert_eq!(s["files_scanned"], 5, "{s}");
    assert_eq!(s["decoded_utf16"], 4, "{s}");
    assert_eq!(s["skipped_binary"], 2, "{s}");

    f.scan()
        .assert()
        .code(1)
        .stdout(predicate::str::contains("tree/le-bom.ps1:2:17  acme.token  acme_Q8v…"))
        .stdout(predicate::str::contains("tree/be.config:2:17  acme.token  acme_Q8v…"))
        .stdout(predicate::str::contains("tree/utf8-bom.env:1:6  acme.token"))
        .stdout(predicate::str::contains(TOKEN).not())
        .stderr(predicate::str::contains("5 files").and(predicate::str::contains("4 decoded from UTF-16")))
        .stderr(predicate::str::contains("2 binary"));
}

/// `n` distinct made-up Acme tokens (random-looking: entropy, no runs, no placeholder words).
fn acme_tokens(n: usize) -> Vec<String> {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789";
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    (0..n)
        .map(|_| {
            let body: String = (0..24)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    ALPHABET[(seed % ALPHABET.len() as u64) as usize] as char
                })
                .collect();
            format!("acme_{body}")
        })
        .collect()
}

#[test]
fn findings_over_the_per_file_limit_become_one_note_in_every_format() {
    let f = Fixture::new();
    // A minified line with 150 tokens, then 5 (less severe) passwords on lines of their own.
    let line: String = acme_tokens(150).iter().map(|t| format!("t=\"{t}\";")).collect();
    let passwords: String = (0..5)
        .map(|i| format!("acme_password = \"Tr0ub4dor&{i}x\"\n"))
        .collect();
    f.write("tree/bundle.min.js", format!("{line}\n{passwords}"));
    let scan_json = |extra: &[&str]| {
        let out = f
            .scan()
            .args(["--format", "json"])
            .args(extra)
            .assert()
            .code(1)
            .get_output()
            .stdout
            .clone();
        json(&out)
    };
    let rule_ids = |v: &serde_json::Value| -> Vec<String> {
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule_id"].as_str().unwrap().to_string())
            .collect()
    };

    let v = scan_json(&["--max-findings-per-file", "10"]);
    let ids = rule_ids(&v);
    assert_eq!(ids.len(), 11, "{ids:?}");
    assert_eq!(
        ids.iter().filter(|id| *id == "acme.token").count(),
        10,
        "most severe kept first"
    );
    let note = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule_id"] == "plimsoll.findings-capped")
        .expect("a note for the rest");
    assert_eq!(note["severity"], "note");
    assert_eq!(note["path"], "tree/bundle.min.js");
    let message = note["message"].as_str().unwrap();
    assert!(message.starts_with("145 more findings"), "{message}");
    // The passwords are found by acme.password or the built-in generic rule, whichever is more specific.
    assert!(message.contains("(140 acme.token, 5 "), "{message}");
    // The kept tokens are the first ten on the line; the note points at the eleventh.
    let columns: Vec<u64> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"] == "acme.token")
        .map(|f| f["column"].as_u64().unwrap())
        .collect();
    let width = 5 + 29; // t="…";
    assert_eq!(columns, (0..10).map(|i| 4 + i * width).collect::<Vec<u64>>());
    assert_eq!(
        (note["line"].as_u64(), note["column"].as_u64()),
        (Some(1), Some(4 + 10 * width))
    );

    // Every format shows the note.
    for format in ["text", "sarif", "github", "junit", "gitlab-secrets"] {
        let out = f
            .scan()
            .args(["--format", format, "--max-findings-per-file", "10"])
            .assert()
            .code(1)
            .get_output()
            .stdout
            .clone();
        let out = String::from_utf8_lossy(&out);
        assert!(out.contains("145 more findings"), "{format}: {out}");
    }

    // The config sets the limit, the flag wins, 0 lifts it.
    f.write("tree/.plimsoll.toml", "max-findings-per-file = 3\n");
    let with_config = |extra: &[&str]| {
        let mut c = Command::cargo_bin("plimsoll").unwrap();
        let out = c
            .current_dir(f.path())
            .args(["scan", "tree", "--format", "json", "--rules", "rules.toml"])
            .args(extra)
            .assert()
            .code(1)
            .get_output()
            .stdout
            .clone();
        rule_ids(&json(&out)).len()
    };
    assert_eq!(with_config(&[]), 4);
    assert_eq!(with_config(&["--max-findings-per-file", "20"]), 21);
    assert_eq!(with_config(&["--max-findings-per-file", "0"]), 155);
    assert_eq!(rule_ids(&scan_json(&[])).len(), 101, "default limit is 100");
}

#[test]
fn min_confidence_hides_dummy_values_by_default_and_says_so() {
    let f = Fixture::new();
    // A tutorial password (low confidence) and a random one (medium) under the same kind of name.
    f.write(
        "tree/app.env",
        "ADMIN_PASSWORD=P@ssw0rd2024\nDB_PASSWORD=Vq7#kLm2xZ9wRt4\n", // plimsoll:allow (test fixture)
    );
    f.scan()
        .assert()
        .code(1)
        .stdout(predicate::str::contains("tree/app.env:2:13  generic.password"))
        .stdout(predicate::str::contains("(medium confidence)"))
        .stdout(predicate::str::contains("tree/app.env:1:").not())
        .stderr(predicate::str::contains(
            "1 more secret candidate below the minimum confidence not reported",
        ));
    f.scan()
        .args(["--min-confidence", "low", "--format", "json"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\"confidence\": \"low\""));
    // The config sets it too; the flag wins.
    f.write("tree/.plimsoll.toml", "min-confidence = \"high\"\n");
    let mut c = Command::cargo_bin("plimsoll").unwrap();
    c.current_dir(f.path().join("tree"))
        .args(["scan", ".", "--color", "never"]);
    c.assert().code(0);
    let mut c = Command::cargo_bin("plimsoll").unwrap();
    c.current_dir(f.path().join("tree"))
        .args(["scan", ".", "--min-confidence", "medium", "--color", "never"]);
    c.assert().code(1);
    // A bad value names the file and line.
    f.write("tree/.plimsoll.toml", "\nmin-confidence = \"sure\"\n");
    let mut c = Command::cargo_bin("plimsoll").unwrap();
    c.current_dir(f.path().join("tree")).args(["scan", "."]);
    c.assert().code(2).stderr(predicate::str::contains(".plimsoll.toml:2:"));
    f.scan().args(["--min-confidence", "sure"]).assert().code(2);
}
