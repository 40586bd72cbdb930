//! The `plimsoll` command line. Raw flags are parsed once here into validated library options; nothing
//! downstream reads flags. Exit codes: 0 clean, 1 findings at or above `--fail-on`, 2 error.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("plimsoll: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
