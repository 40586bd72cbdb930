//! One test per category of Dockerfile the linter used to miss (issue 9): fixture Dockerfiles written for
//! plimsoll, each with the rule that must report it and the near-misses it must leave alone. Every case runs
//! through the public linter, so pragmas, the error-tolerant parser and the rule registry are all involved.

use plimsoll::dockerfile::{Linter, LinterConfig};

/// Rule ids reported for `text`, with every opt-in rule enabled.
fn ids(text: &str) -> Vec<String> {
    let cfg = LinterConfig {
        enable: plimsoll::dockerfile::rules::catalog()
            .into_iter()
            .map(|r| r.id)
            .collect(),
        ..Default::default()
    };
    let mut out = Vec::new();
    Linter::new(&cfg).lint("Dockerfile", text.as_bytes(), None, &[], &mut out);
    out.into_iter().map(|f| f.rule_id.to_string()).collect()
}

#[track_caller]
fn catches(id: &str, text: &str) {
    let got = ids(text);
    assert!(got.iter().any(|g| g == id), "{id} should report:\n{text}\ngot {got:?}");
}

#[track_caller]
fn passes(id: &str, text: &str) {
    let got = ids(text);
    assert!(
        !got.iter().any(|g| g == id),
        "{id} should not report:\n{text}\ngot {got:?}"
    );
}

#[test]
fn fragments_are_linted_instruction_by_instruction() {
    // No FROM at all (a snippet, a template).
    catches("DF022", "RUN apt-get install curl\n");
    catches("DF001", "USER root\n");
    catches("DF032", "RUN sudo make install\n");
    // An instruction before FROM.
    catches("DF038", "MAINTAINER someone@example.com\nFROM alpine:3.20\nUSER app\n");
    catches("DF002", "MAINTAINER someone@example.com\nFROM alpine\nUSER app\n");
    // An unknown instruction in the middle.
    catches("DF033", "FROM alpine:3.20\nCOPPY . /app\nRUN cd /app && make\n");
    // Stage rules stay quiet without a stage.
    passes("DF003", "RUN make\n");
    passes("DF013", "RUN make\n");
    for text in ["RUN make\n", "FROM alpine:3.20\nNOPE x\nUSER app\n"] {
        catches("DF000", text);
    }
}

#[test]
fn add_with_quoted_arguments() {
    catches("DF019", "FROM alpine:3.20\nADD \"app.py\" \"/app/\"\n");
    catches("DF019", "FROM alpine:3.20\nADD [\"app.py\", \"/app/\"]\n");
    passes("DF019", "FROM alpine:3.20\nADD \"rootfs.tar.gz\" /\n");
    passes("DF019", "FROM alpine:3.20\nADD [\"rootfs.tar.xz\", \"/\"]\n");
    catches(
        "DF020",
        "FROM alpine:3.20\nADD \"https://example.com/tool.bin\" /usr/local/bin/tool\n",
    );
    // Not JSON, so shell form: Docker reads a local file named `['https://…',`, and so does plimsoll.
    passes(
        "DF020",
        "FROM alpine:3.20\nADD ['https://example.com/tool.bin', '/tool']\n",
    );
    passes(
        "DF019",
        "FROM alpine:3.20\nADD \"https://example.com/tool.bin\" /usr/local/bin/tool\n",
    );
}

#[test]
fn add_auto_extracts_local_tar_archives_only() {
    for archive in [
        "rootfs.tar",
        "rootfs.tar.gz",
        "rootfs.tgz",
        "rootfs.tar.bz2",
        "rootfs.tar.xz",
        "r.txz",
        "r.tar.zst",
    ] {
        passes("DF019", &format!("FROM alpine:3.20\nADD {archive} /\n"));
    }
    for not_extracted in ["site.zip", "app.jar", "wheel.whl", "notes.txt", "Site.ZIP"] {
        catches("DF019", &format!("FROM alpine:3.20\nADD {not_extracted} /srv/\n"));
    }
    // A remote archive is downloaded, never extracted: the URL rule judges it, not the COPY rule.
    passes("DF019", "FROM alpine:3.20\nADD https://example.com/r.tar.gz /\n");
}

#[test]
fn git_ssl_no_verify_with_any_non_empty_value() {
    for v in ["1", "true", "false", "0", "no", "\"yes\""] {
        catches("DF044", &format!("FROM alpine:3.20\nENV GIT_SSL_NO_VERIFY={v}\n"));
    }
    catches("DF044", "FROM alpine:3.20\nENV GIT_SSL_NO_VERIFY true\n");
    catches(
        "DF044",
        "FROM alpine:3.20\nRUN GIT_SSL_NO_VERIFY=0 git clone https://example.com/r.git\n",
    );
    passes("DF044", "FROM alpine:3.20\nENV GIT_SSL_NO_VERIFY=\n");
    passes("DF044", "FROM alpine:3.20\nENV GIT_SSL_NO_VERIFY=\"\"\n");
}

#[test]
fn yum_and_dnf_config_manager_sslverify_off() {
    for v in ["0", "false", "False", "no"] {
        catches(
            "DF044",
            &format!("FROM fedora:40\nRUN dnf config-manager --setopt=sslverify={v} --save\n"),
        );
    }
    catches(
        "DF044",
        "FROM rockylinux:9\nRUN yum-config-manager --setopt=epel.sslverify=false --save\n",
    );
    catches(
        "DF044",
        "FROM rockylinux:9\nRUN yum config-manager --save --setopt 'myrepo.sslverify=0'\n",
    );
    catches(
        "DF044",
        "FROM rockylinux:9\nRUN dnf install -y --setopt=sslverify=false curl\n",
    );
    passes(
        "DF044",
        "FROM fedora:40\nRUN dnf config-manager --setopt=sslverify=1 --save\n",
    );
    passes(
        "DF044",
        "FROM fedora:40\nRUN dnf config-manager --setopt=epel.sslverify=true --save\n",
    );
}

#[test]
fn passwords_set_in_run() {
    catches("DF055", "FROM debian:12\nRUN echo 'root:hunter22' | chpasswd\n");
    catches(
        "DF055",
        "FROM debian:12\nRUN useradd app && echo \"app:${APP_PASSWORD}\" | chpasswd\n",
    );
    catches("DF055", "FROM rockylinux:9\nRUN echo s3cretpass | passwd --stdin app\n");
    catches("DF055", "FROM debian:12\nRUN chpasswd <<< 'app:changeme'\n");
    catches(
        "DF055",
        "FROM debian:12\nRUN useradd -m -p \"$(openssl passwd -1 pw)\" app\n",
    );
    catches("DF055", "ONBUILD RUN echo 'root:x' | chpasswd\n");
    passes("DF055", "FROM debian:12\nRUN useradd -m app && passwd -l app\n");
    passes(
        "DF055",
        "FROM debian:12\nRUN echo 'export PASSWD_FILE=/etc/passwd' >> /etc/profile\n",
    );
}

#[test]
fn onbuild_run_goes_through_every_run_rule() {
    let base = "FROM debian:12\nUSER app\nHEALTHCHECK NONE\n";
    for (id, trigger) in [
        (
            "DF021",
            "ONBUILD RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*",
        ),
        ("DF022", "ONBUILD RUN apt-get install --no-install-recommends curl"),
        (
            "DF023",
            "ONBUILD RUN apt-get update && apt-get install -y --no-install-recommends curl",
        ),
        ("DF049", "ONBUILD RUN apt-get install -y --no-install-recommends curl"),
        ("DF027", "ONBUILD RUN pip install flask==3.0.0"),
        ("DF026", "ONBUILD RUN apk add curl=8.5.0-r0"),
        ("DF032", "ONBUILD RUN sudo make install"),
        ("DF033", "ONBUILD RUN cd /app && make"),
        ("DF041", "ONBUILD RUN curl -fsSL https://example.com/x | tar -x"),
        ("DF042", "ONBUILD RUN curl -fsSL https://example.com/install.sh | sh"),
        ("DF043", "ONBUILD RUN chmod 777 /srv"),
        ("DF044", "ONBUILD RUN curl -k https://example.com/x -o /x"),
        ("DF048", "ONBUILD RUN apt-get update"),
        ("DF024", "ONBUILD RUN apt-get update && apt-get upgrade -y"),
        ("DF028", "ONBUILD RUN yum install -y curl"),
        ("DF025", "ONBUILD RUN apt install -y curl"),
    ] {
        catches(id, &format!("{base}{trigger}\n"));
    }
}

#[test]
fn aptitude_is_an_apt_front_end() {
    catches("DF022", "FROM debian:12\nRUN aptitude install curl\n");
    catches("DF021", "FROM debian:12\nRUN aptitude install -y curl\n");
    passes(
        "DF021",
        "FROM debian:12\nRUN aptitude install -y --without-recommends curl\n",
    );
    catches("DF048", "FROM debian:12\nRUN aptitude update\n");
    catches(
        "DF023",
        "FROM debian:12\nRUN aptitude update && aptitude install -y -R curl\n",
    );
    catches("DF049", "FROM debian:12\nRUN aptitude install -y -R curl\n");
    passes("DF022", "FROM debian:12\nRUN aptitude install -y curl=8.5.0-1\n");
}

#[test]
fn a_run_that_only_changes_directory() {
    catches("DF033", "FROM alpine:3.20\nRUN cd /app\n");
    catches("DF033", "FROM alpine:3.20\nRUN cd /app && make\n");
    passes("DF033", "FROM alpine:3.20\nWORKDIR /app\nRUN make\n");
    passes("DF033", "FROM alpine:3.20\nRUN make && (cd docs && make html)\n");
}

#[test]
fn healthcheck_cmd_in_shell_form() {
    // A shell-form health check is a health check (DF013 stays quiet, in any letter case)...
    let text = "FROM nginx:1.27\nUSER nginx\nHEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1\n";
    passes("DF013", text);
    passes(
        "DF013",
        "FROM nginx:1.27\nUSER nginx\nhealthcheck cmd curl -f http://localhost/ || exit 1\n",
    );
    passes("DF056", text);
    // ...but one that can never run where there is no /bin/sh.
    let distroless =
        "FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\nHEALTHCHECK CMD /app -health || exit 1\n";
    passes("DF013", distroless);
    catches("DF056", distroless);
    catches(
        "DF056",
        "FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\nHEALTHCHECK CMD /app -health\n",
    );
    passes(
        "DF056",
        "FROM scratch\nCOPY app /app\nHEALTHCHECK CMD [\"/app\", \"-health\"]\n",
    );
    passes(
        "DF056",
        "FROM gcr.io/distroless/static-debian12:debug\nHEALTHCHECK CMD /app -health\n",
    );
}

#[test]
fn add_url_is_also_the_twin_of_the_checks_that_forbid_add() {
    let twins = plimsoll::dockerfile::rules::catalog()
        .into_iter()
        .find(|r| r.id == "DF020")
        .unwrap()
        .twins;
    assert!(twins.iter().any(|t| t == "checkov:CKV_DOCKER_4"), "{twins:?}");
    catches("DF020", "FROM alpine:3.20\nADD https://example.com/tool.bin /tool\n");
}
