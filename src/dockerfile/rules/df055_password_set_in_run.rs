//! DF055: a password set for an account at build time.

use super::{Context, Hit};
use crate::dockerfile::shell::Cmd;

rule! {
    /// ## What it does
    /// Reports `RUN` instructions that give an account a password: `chpasswd` (`echo user:pass | chpasswd`,
    /// `chpasswd <<< …`), `passwd --stdin`, and `useradd`/`usermod` with `-p`/`--password`.
    ///
    /// ## Why is this bad?
    /// The password (or its hash) is written into the image's layers and, through the `RUN` line, into its
    /// history: everyone who can pull the image can read it, and every container started from it shares the
    /// same credential. An account that needs no login needs no password; one that does should get it at run
    /// time from a secret store.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12-slim
    /// RUN useradd -m app && echo 'app:changeme' | chpasswd
    /// USER app
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12-slim
    /// RUN useradd -m app
    /// USER app
    /// ```
    PasswordSetInRun {
        id: "DF055",
        name: "password-set-in-run",
        severity: Error,
        summary: "RUN sets an account password that ships in the image.",
        twins: ["checkov:CKV2_DOCKER_17"],
        cwe: ["CWE-798", "CWE-259"],
        security_severity: 7.0,
        enabled: true,
    }
}

/// What in `c` sets a password, if anything. `shell` is the whole `RUN`: a password made up on the spot from
/// random bytes (`--password "$(head -c32 /dev/urandom | base64)"`) is known to no one, so it is no
/// shared credential.
fn sets_password(c: &Cmd, shell: &str) -> Option<&'static str> {
    let random = ["/dev/urandom", "openssl rand", "pwgen", "mkpasswd -R"]
        .iter()
        .any(|r| shell.contains(r));
    match c.program()? {
        "chpasswd" | "chgpasswd" => Some("chpasswd"),
        "passwd" if c.has_arg("--stdin") => Some("passwd --stdin"),
        "useradd" | "usermod" | "adduser"
            if c.args()
                .iter()
                .any(|a| a == "-p" || a == "--password" || a.starts_with("--password="))
                && !random =>
        {
            Some("useradd/usermod --password")
        }
        _ => None,
    }
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    for (i, _, run) in cx.model.runs() {
        if let Some(what) = run
            .script
            .commands
            .iter()
            .find_map(|c| sets_password(c, &run.shell_text))
        {
            out.push(Hit::new(
                i,
                format!("`{what}` sets a password that every copy of the image carries; drop it (USER needs no password) or set it at run time from a secret"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DF055", "FROM a:1\nRUN echo 'root:toor' | chpasswd\n");
        catches("DF055", "FROM a:1\nRUN echo \"$USER:$PASS\" | /usr/sbin/chpasswd -e\n");
        catches("DF055", "FROM a:1\nRUN echo pw | passwd --stdin app\n");
        catches("DF055", "FROM a:1\nRUN usermod --password=$HASH app\n");
        passes("DF055", "FROM a:1\nRUN passwd -l root && useradd -r app\n");
        passes("DF055", "FROM a:1\nRUN grep app /etc/passwd\n");
        passes(
            "DF055",
            "FROM a:1\nRUN useradd --password $(head -c32 /dev/urandom | base64) penguin\n",
        );
    }
}
