//! Helpers shared by the tests that build git repositories with the git command line (`tests/git.rs`,
//! `tests/config_from.rs`): made-up tokens for the test rule, and git and plimsoll commands that cannot see
//! any repository, configuration or identity but the ones the test sets up.

use std::path::Path;

/// A made-up token for the test rule of `fixtures/acme-rules.toml` (`acme_` + 24 characters), different for
/// every `seed`.
pub fn token(seed: u64) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let body: String = (0..24)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            ALPHABET[(x % 62) as usize] as char
        })
        .collect();
    format!("acme_{body}")
}

/// Environment variables that would make git or plimsoll look at another repository than the one we built.
pub const GIT_ENV: &[&str] = &[
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_COMMON_DIR",
];

/// `git ARGS` in `dir` with no global or system configuration, a fixed identity and none of [`GIT_ENV`].
pub fn git_command(dir: &Path, args: &[&str]) -> std::process::Command {
    let mut c = std::process::Command::new("git");
    c.current_dir(dir)
        .args(args)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Alice Example")
        .env("GIT_AUTHOR_EMAIL", "alice@example.com")
        .env("GIT_COMMITTER_NAME", "Alice Example")
        .env("GIT_COMMITTER_EMAIL", "alice@example.com");
    for v in GIT_ENV {
        c.env_remove(v);
    }
    c
}

/// Runs a git command (`args` only name it in the message); panics with git's stderr on failure, else
/// returns its trimmed stdout.
pub fn run_git(mut c: std::process::Command, args: &[&str]) -> String {
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "git {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

/// `plimsoll` in `dir` with none of [`GIT_ENV`] set (callers add the rest of the environment they need).
pub fn plimsoll_command(dir: &Path) -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("plimsoll").unwrap();
    c.current_dir(dir);
    for v in GIT_ENV {
        c.env_remove(v);
    }
    c
}
