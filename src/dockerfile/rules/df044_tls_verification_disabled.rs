//! DF044: TLS certificate verification turned off.

use super::{Context, Hit};
use crate::dockerfile::model::split_assignments;
use crate::dockerfile::shell::Cmd;
use parse_dockerfile::Instruction;

rule! {
    /// ## What it does
    /// Reports commands and variables that turn off TLS certificate checks: `curl -k`/`--insecure`,
    /// `wget --no-check-certificate`, `pip --trusted-host`, `git -c http.sslVerify=false`,
    /// `git config http.sslVerify false`, `npm`/`yarn config set strict-ssl false`, yum/dnf
    /// `--setopt=sslverify=0` (or `<repo>.sslverify=false`, also written into a repo file with `echo`), and
    /// `ENV`/`ARG`/`RUN`
    /// settings of `NODE_TLS_REJECT_UNAUTHORIZED=0`, `PYTHONHTTPSVERIFY=0`, `GIT_SSL_NO_VERIFY`,
    /// `NPM_CONFIG_STRICT_SSL=false` and `PIP_TRUSTED_HOST`. `GIT_SSL_NO_VERIFY` counts with any non-empty
    /// value, `0` and `false` included: git only asks whether it is set.
    ///
    /// ## Why is this bad?
    /// Without certificate checks anyone on the network path can serve their own packages and scripts to the
    /// build (or, for `ENV`, to the running application), and they end up in the image.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// RUN pip install --trusted-host pypi.org --no-cache-dir requests
    /// ENV NODE_TLS_REJECT_UNAUTHORIZED=0
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// COPY corp-ca.crt /usr/local/share/ca-certificates/
    /// RUN update-ca-certificates && pip install --no-cache-dir requests
    /// ```
    TlsVerificationDisabled {
        id: "DF044",
        name: "tls-verification-disabled",
        severity: Error,
        summary: "TLS certificate verification is turned off.",
        twins: [
            "checkov:CKV2_DOCKER_2", "checkov:CKV2_DOCKER_3", "checkov:CKV2_DOCKER_4", "checkov:CKV2_DOCKER_5",
            "checkov:CKV2_DOCKER_6", "checkov:CKV2_DOCKER_12", "checkov:CKV2_DOCKER_13", "checkov:CKV2_DOCKER_14",
            "checkov:CKV2_DOCKER_15", "checkov:CKV2_DOCKER_16",
        ],
        cwe: ["CWE-295"],
        security_severity: 7.5,
        enabled: true,
    }
}

/// Whether setting `name` to `value` disables verification.
fn insecure_setting(name: &str, value: &str) -> bool {
    let v = value.trim_matches(|c| c == '"' || c == '\'').to_ascii_lowercase();
    match name.to_ascii_uppercase().as_str() {
        "NODE_TLS_REJECT_UNAUTHORIZED" | "PYTHONHTTPSVERIFY" => v == "0",
        // git turns verification off when the variable is set at all (`getenv`), so `0` and `false` do too.
        "GIT_SSL_NO_VERIFY" => !v.is_empty(),
        "NPM_CONFIG_STRICT_SSL" | "YARN_STRICT_SSL" => v == "false",
        "PIP_TRUSTED_HOST" => !v.is_empty(),
        _ => false,
    }
}

fn insecure_command(c: &Cmd) -> Option<&'static str> {
    let args = c.args();
    let prog = c.program()?;
    if prog == "curl"
        && args.iter().any(|a| {
            a == "--insecure"
                || (a.starts_with('-')
                    && !a.starts_with("--")
                    && a[1..].chars().all(|x| x.is_ascii_alphabetic())
                    && a.contains('k'))
        })
    {
        return Some("curl -k");
    }
    if prog == "wget" && args.iter().any(|a| a == "--no-check-certificate") {
        return Some("wget --no-check-certificate");
    }
    if (prog.starts_with("pip") || args.windows(2).any(|w| w[0] == "-m" && w[1].starts_with("pip")))
        && args
            .iter()
            .any(|a| a == "--trusted-host" || a.starts_with("--trusted-host="))
    {
        return Some("pip --trusted-host");
    }
    let lower: Vec<String> = args.iter().map(|a| a.to_ascii_lowercase()).collect();
    if prog == "git"
        && (lower.iter().any(|a| a == "http.sslverify=false")
            || lower.windows(2).any(|w| w[0] == "http.sslverify" && w[1] == "false"))
    {
        return Some("git http.sslVerify=false");
    }
    let rpm_tool = matches!(
        prog,
        "yum" | "dnf" | "microdnf" | "tdnf" | "yum-config-manager" | "dnf-3" | "dnf5"
    );
    if (rpm_tool || prog == "echo" || prog == "printf") && lower.iter().any(|a| sslverify_off(a)) {
        return Some("sslverify=0");
    }
    if (prog == "npm" || prog == "yarn")
        && (lower.windows(2).any(|w| w[0] == "strict-ssl" && w[1] == "false")
            || lower
                .iter()
                .any(|a| a == "strict-ssl=false" || a == "--strict-ssl=false"))
    {
        return Some("strict-ssl false");
    }
    c.assignments
        .iter()
        .chain(if prog == "export" { args } else { &[] })
        .find_map(|a| {
            a.split_once('=')
                .filter(|(k, v)| insecure_setting(k, v))
                .map(|_| "an insecure TLS variable")
        })
}

/// `sslverify=0`, `--setopt=sslverify=false`, `--setopt=epel.sslverify=no`: a yum/dnf repository option
/// (global or `<repo>.sslverify`) set to a false value.
fn sslverify_off(arg: &str) -> bool {
    let a = arg.strip_prefix("--setopt=").unwrap_or(arg);
    a.split_whitespace().any(|w| {
        w.split_once('=').is_some_and(|(k, v)| {
            let key_ok = k == "sslverify" || k.ends_with(".sslverify") && !k.starts_with("http.");
            key_ok && matches!(v.trim_matches(|c| c == '"' || c == '\''), "0" | "false" | "no" | "off")
        })
    })
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    for (i, ins) in cx.model.instrs.iter().enumerate() {
        let pairs = match ins.inner {
            Instruction::Env(e) => split_assignments(&e.arguments.value, true),
            Instruction::Arg(a) => split_assignments(&a.arguments.value, false),
            _ => Vec::new(),
        };
        if let Some((k, _)) = pairs
            .iter()
            .find(|(k, v)| v.as_deref().is_some_and(|v| insecure_setting(k, v)))
        {
            out.push(Hit::new(
                i,
                format!("{k} turns off TLS certificate checks; trust the needed CA instead"),
            ));
            continue;
        }
        let Some(run) = &ins.run else { continue };
        if let Some(what) = run.script.commands.iter().find_map(insecure_command) {
            out.push(Hit::new(
                i,
                format!("{what} turns off TLS certificate checks; install the needed CA certificate instead"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DF044", "FROM a:1\nRUN curl -fsSLk https://x -o y\n");
        catches("DF044", "FROM a:1\nRUN wget --no-check-certificate https://x\n");
        catches("DF044", "FROM a:1\nRUN git -c http.sslVerify=false clone https://x\n");
        catches("DF044", "FROM a:1\nRUN git config --global http.sslVerify false\n");
        catches("DF044", "FROM a:1\nRUN npm config set strict-ssl false\n");
        catches("DF044", "FROM a:1\nENV PYTHONHTTPSVERIFY=0\n");
        catches("DF044", "FROM a:1\nARG GIT_SSL_NO_VERIFY=1\n");
        catches("DF044", "FROM a:1\nRUN NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci\n");
        catches("DF044", "FROM a:1\nRUN python3 -m pip install --trusted-host x y\n");
        passes("DF044", "FROM a:1\nRUN curl -fsSL https://x -o y && grep -k x\n");
        passes("DF044", "FROM a:1\nENV NODE_TLS_REJECT_UNAUTHORIZED=1\n");
    }
}
