//! Package-manager calls in `RUN` scripts (`apt-get install`, `apk add`, `pip install`, …): the subcommand,
//! its options and its package operands, for the rules about flags, caches and version pins.

use super::shell::{Cmd, Script};

/// A package manager and how to read its command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pm {
    /// `apt-get`, `apt` and `aptitude`.
    Apt,
    Apk,
    /// `yum`, `dnf`, `microdnf`, `tdnf`.
    Rpm,
    Zypper,
    /// `pip`, `pip3`, `python -m pip`.
    Pip,
    Npm,
    Gem,
}

impl Pm {
    fn names(self) -> &'static [&'static str] {
        match self {
            Pm::Apt => &["apt-get", "apt", "aptitude"],
            Pm::Apk => &["apk"],
            Pm::Rpm => &["yum", "dnf", "microdnf", "tdnf"],
            Pm::Zypper => &["zypper"],
            Pm::Pip => &[],
            Pm::Npm => &["npm"],
            Pm::Gem => &["gem"],
        }
    }

    /// Options whose value is the next word.
    fn opts_with_arg(self) -> &'static [&'static str] {
        match self {
            Pm::Apt => &["-o", "-c", "-t", "--option", "--config-file", "--target-release"],
            Pm::Apk => &[
                "-X",
                "--repository",
                "-t",
                "--virtual",
                "-p",
                "--root",
                "--arch",
                "--keys-dir",
                "--repositories-file",
                "--cache-dir",
            ],
            Pm::Rpm => &[
                "-c",
                "--config",
                "-x",
                "--exclude",
                "--setopt",
                "--releasever",
                "--repo",
                "--enablerepo",
                "--disablerepo",
                "--installroot",
                "-d",
                "-e",
                "--rpmverbosity",
            ],
            Pm::Zypper => &[
                "--root",
                "-R",
                "-t",
                "--type",
                "-r",
                "--repo",
                "--from",
                "-D",
                "--reposd-dir",
            ],
            Pm::Pip => &[
                "-r",
                "--requirement",
                "-c",
                "--constraint",
                "-e",
                "--editable",
                "-i",
                "--index-url",
                "--extra-index-url",
                "--trusted-host",
                "-f",
                "--find-links",
                "-t",
                "--target",
                "--prefix",
                "--root",
                "--src",
                "--upgrade-strategy",
                "--platform",
                "--python-version",
                "--implementation",
                "--abi",
                "--progress-bar",
                "--cache-dir",
                "--log",
                "--proxy",
                "--retries",
                "--timeout",
                "--exists-action",
                "--cert",
                "--client-cert",
                "--no-binary",
                "--only-binary",
                "--config-settings",
                "-C",
            ],
            Pm::Npm => &[
                "--prefix",
                "-w",
                "--workspace",
                "--registry",
                "--cache",
                "--loglevel",
                "--tag",
            ],
            Pm::Gem => &[
                "-v",
                "--version",
                "-i",
                "--install-dir",
                "-n",
                "--bindir",
                "--source",
                "-s",
                "-P",
            ],
        }
    }
}

/// One package-manager command.
pub struct Call<'s> {
    /// Position of the command in the script.
    pub pos: usize,
    pub cmd: &'s Cmd,
    /// Program base name (`apt-get`, `dnf`, `pip3`, …).
    pub program: &'s str,
    /// `install`, `add`, `update`, … (empty when there is none).
    pub sub: &'s str,
    /// The package manager's arguments (after `pip` for `python -m pip`).
    pub args: &'s [String],
    /// Non-option arguments after the subcommand.
    pub operands: Vec<&'s str>,
}

impl Call<'_> {
    /// Whether an argument is `--long`/`--long=…` or a short cluster containing `short`.
    pub fn has_flag(&self, long: &str, short: Option<char>) -> bool {
        self.args.iter().any(|a| {
            if let Some(l) = a.strip_prefix("--") {
                l == long || l.strip_prefix(long).is_some_and(|r| r.starts_with('='))
            } else if let (Some(s), Some(c)) = (a.strip_prefix('-'), short) {
                !s.is_empty() && s.chars().all(|ch| ch.is_ascii_alphanumeric()) && s.contains(c)
            } else {
                false
            }
        })
    }

    pub fn has_arg(&self, word: &str) -> bool {
        self.args.iter().any(|a| a == word)
    }

    /// Whether any argument contains `needle`.
    pub fn arg_contains(&self, needle: &str) -> bool {
        self.args.iter().any(|a| a.contains(needle))
    }

    pub fn is_install(&self) -> bool {
        matches!(
            self.sub,
            "install" | "add" | "in" | "i" | "groupinstall" | "localinstall" | "reinstall" | "isntall"
        )
    }
}

fn is_pip_name(p: &str) -> bool {
    p.strip_prefix("pip")
        .is_some_and(|v| v.chars().all(|c| c.is_ascii_digit() || c == '.'))
}

fn is_python_name(p: &str) -> bool {
    p.strip_prefix("python")
        .is_some_and(|v| v.chars().all(|c| c.is_ascii_digit() || c == '.'))
}

/// The arguments a package manager receives from `cmd`, if `cmd` runs it.
fn tool_args(cmd: &Cmd, pm: Pm) -> Option<(&str, &[String])> {
    let program = cmd.program()?;
    if pm == Pm::Pip {
        if is_pip_name(program) {
            return Some((program, cmd.args()));
        }
        let args = cmd.args();
        if is_python_name(program)
            && args.first().is_some_and(|a| a == "-m")
            && args.get(1).is_some_and(|m| is_pip_name(m))
        {
            return Some(("pip", &args[2..]));
        }
        return None;
    }
    pm.names().contains(&program).then(|| (program, cmd.args()))
}

/// Every call of `pm` in `script`.
pub fn calls(script: &Script, pm: Pm) -> Vec<Call<'_>> {
    let opts = pm.opts_with_arg();
    let mut out = Vec::new();
    for (pos, cmd) in script.commands.iter().enumerate() {
        let Some((program, args)) = tool_args(cmd, pm) else {
            continue;
        };
        let mut i = 0;
        let mut sub = "";
        while let Some(a) = args.get(i) {
            if a.starts_with('-') && a.len() > 1 {
                i += if opts.contains(&a.as_str()) { 2 } else { 1 };
                continue;
            }
            sub = a;
            break;
        }
        let mut operands = Vec::new();
        let mut j = i + 1;
        while let Some(a) = args.get(j) {
            if a.starts_with('-') && a.len() > 1 {
                j += if opts.contains(&a.as_str()) { 2 } else { 1 };
                continue;
            }
            operands.push(a.as_str());
            j += 1;
        }
        out.push(Call {
            pos,
            cmd,
            program,
            sub,
            args,
            operands,
        });
    }
    out
}

/// Install calls of `pm`.
pub fn installs(script: &Script, pm: Pm) -> Vec<Call<'_>> {
    calls(script, pm).into_iter().filter(|c| c.is_install()).collect()
}

/// Whether a `rm` (or `find … -delete`) in `script` removes `dir` or its contents.
pub fn removes(script: &Script, dir: &str) -> bool {
    let dir = dir.trim_end_matches('/');
    script.commands.iter().any(|c| {
        (c.is("rm") || c.is("find"))
            && c.args().iter().any(|a| {
                let a = a.trim_end_matches('*').trim_end_matches('/');
                a == dir || a.starts_with(&format!("{dir}/"))
            })
    })
}

/// Whether the package operand is a variable we cannot judge (`$PKGS`).
pub fn is_variable(pkg: &str) -> bool {
    pkg.contains('$') || pkg.contains('`')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_apt_and_pip_calls() {
        let s = Script::parse("apt-get -o Dpkg::Use-Pty=0 install -y --no-install-recommends curl=7.* git");
        let c = &installs(&s, Pm::Apt)[0];
        assert_eq!(c.sub, "install");
        assert_eq!(c.operands, vec!["curl=7.*", "git"]);
        assert!(c.has_flag("yes", Some('y')));
        let s = Script::parse("python3 -m pip install --no-cache-dir -r requirements.txt flask==3.0");
        let c = &installs(&s, Pm::Pip)[0];
        assert_eq!(c.operands, vec!["flask==3.0"]);
        assert!(c.has_flag("no-cache-dir", None));
    }

    #[test]
    fn finds_removals() {
        assert!(removes(
            &Script::parse("rm -rf /var/lib/apt/lists/*"),
            "/var/lib/apt/lists"
        ));
        assert!(!removes(&Script::parse("rm -rf /tmp/*"), "/var/lib/apt/lists"));
    }
}
