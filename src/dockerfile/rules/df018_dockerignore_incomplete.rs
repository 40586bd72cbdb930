//! DF018: a `COPY`/`ADD` ships sensitive files of the build context into the image.

use super::{Context, Hit, IgnoreFile};
use crate::dockerfile::context;
use crate::dockerfile::model::{Model, source_paths};
use parse_dockerfile::Instruction;

rule! {
    /// ## What it does
    /// Walks the real build context (the Dockerfile's directory, or the one a `# plimsoll context=../..`
    /// comment or a compose `build.context` names), applies its `.dockerignore` the way Docker does
    /// (`<Dockerfile>.dockerignore` first; root-relative patterns, `**`, `!` re-includes, last match wins)
    /// and reports each `COPY`/`ADD` of a shipped stage that puts sensitive files into the image, naming
    /// them: `.env` files, SSH and TLS private keys (by content), key stores, `.aws/credentials`, Docker,
    /// npm, PyPI and netrc credential files that hold a token or password, cloud service-account keys,
    /// `.git/`, `node_modules/` and database dumps.
    ///
    /// Files that do not exist are not reported: a `.dockerignore` needs no pattern for a file the
    /// context does not have. Without a context on disk (stdin) the rule stays quiet; in git modes only
    /// DF017 judges the `.dockerignore`.
    ///
    /// When compose services build the Dockerfile, their `build.context` directories are its contexts (they
    /// replace its own directory and any `# plimsoll context=` comment), each named in the message. A secret
    /// finding in a file that a shipped `COPY`/`ADD` takes from the context names that instruction
    /// (`baked_into` in JSON, `bakedInto` in SARIF), whether or not the file's name looks sensitive.
    ///
    /// ## Why is this bad?
    /// Whatever the `.dockerignore` does not exclude is sent to the builder, and `COPY . …` writes it into a
    /// layer, where anyone who can pull the image can read it — even if a later `RUN rm` deletes it.
    ///
    /// ## Example
    /// ```dockerfile
    /// # the context holds .env and deploy/id_ed25519; .dockerignore: node_modules
    /// FROM node:22-slim
    /// COPY . /app
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// # .dockerignore: node_modules, .env*, deploy/
    /// FROM node:22-slim
    /// COPY . /app
    /// ```
    DockerignoreIncomplete {
        id: "DF018",
        name: "dockerignore-incomplete",
        severity: Warning,
        summary: "COPY/ADD ships sensitive files of the build context (.env, keys, credentials, .git) into the image.",
        twins: [],
        cwe: ["CWE-538"],
        security_severity: 6.5,
        enabled: true,
    }
}

/// How many sensitive files a message names before it counts the rest.
const NAMED_IN_MESSAGE: usize = 5;

/// The sources instruction `i` takes from the build context, variables expanded: `None` when it takes none
/// (not `COPY`/`ADD`, `--from`, only URLs or heredocs).
pub(crate) fn context_sources(m: &Model<'_, '_>, i: usize) -> Option<Vec<String>> {
    let ins = &m.instrs[i];
    let (src, opts) = match ins.inner {
        Instruction::Copy(c) => (&c.src, &c.options),
        Instruction::Add(a) => (&a.src, &a.options),
        _ => return None,
    };
    if crate::dockerfile::model::flag(opts, "from").is_some() {
        return None;
    }
    let sources: Vec<String> = source_paths(src)
        .filter(|p| !p.contains("://") && !p.starts_with("git@"))
        .map(|p| m.expand_at(i, &p).unwrap_or_else(|| p.to_string()))
        .collect();
    (!sources.is_empty()).then_some(sources)
}

/// Whether instruction `i` puts what it copies into the final image: a shipped stage, not `ONBUILD`.
pub(crate) fn ships(m: &Model<'_, '_>, i: usize) -> bool {
    !m.instrs[i].onbuild && m.ships(i)
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    let m = cx.model;
    let copies: Vec<(usize, Vec<String>)> = (0..m.instrs.len())
        .filter(|&i| ships(m, i))
        .filter_map(|i| Some((i, context_sources(m, i)?)))
        .collect();
    if copies.is_empty() {
        return;
    }
    let Some(listing) = cx.context_listing() else { return };
    let Ok(listing) = listing.as_ref() else { return };
    let ignore = match cx.ignore_file() {
        IgnoreFile::Found(d) => Some(d),
        IgnoreFile::Missing => None,
        IgnoreFile::Unknown => return,
    };
    for (i, sources) in copies {
        let shipped = context::shipped_sensitive(listing, &sources, &|e| context::kept(ignore, e));
        if !shipped.is_empty() {
            out.push(Hit::new(i, message(&shipped, ignore.map(|d| d.path.as_str()))));
        }
    }
}

/// The message of a finding: what ships, and which ignore file (`None`: there is none) should exclude it.
pub(crate) fn message(shipped: &[(String, &'static str)], ignore: Option<&str>) -> String {
    let mut named: Vec<String> = shipped
        .iter()
        .take(NAMED_IN_MESSAGE)
        .map(|(f, why)| format!("{f} ({why})"))
        .collect();
    if shipped.len() > NAMED_IN_MESSAGE {
        named.push(format!("{} more", shipped.len() - NAMED_IN_MESSAGE));
    }
    let ignore_name = ignore.unwrap_or(".dockerignore (there is none)");
    format!(
        "this puts {} into the image; exclude them in {ignore_name}",
        named.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use crate::dockerfile::{ContextSource, Linter, LinterConfig};
    use std::fs;

    /// DF018 messages for `dockerfile` built in a context holding `files` (path, content).
    fn messages(dockerfile: &str, files: &[(&str, &str)]) -> Vec<String> {
        let dir = tempfile::tempdir().unwrap();
        for (p, c) in files {
            let p = dir.path().join(p);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, c).unwrap();
        }
        let df = dir.path().join("Dockerfile");
        fs::write(&df, dockerfile).unwrap();
        let mut out = Vec::new();
        Linter::new(&LinterConfig::default()).lint_in(
            "Dockerfile",
            dockerfile.as_bytes(),
            ContextSource::Disk(&df),
            &[],
            &mut out,
        );
        out.into_iter()
            .filter(|f| &*f.rule_id == "DF018")
            .map(|f| f.message)
            .collect()
    }

    #[test]
    fn names_what_really_ships() {
        let node = "FROM node:22-slim\nCOPY . /app\n";
        let files = [
            (".dockerignore", "node_modules\n"),
            (".env", "API_URL=http://localhost\n"),
            (".env.example", "API_URL=\n"),
            ("deploy/id_ed25519", "-----BEGIN OPENSSH PRIVATE KEY-----\n"),
            ("src/index.js", "1\n"),
            ("node_modules/x/index.js", "1\n"),
        ];
        let m = messages(node, &files);
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(
            m[0].contains(".env (environment file)") && m[0].contains("deploy/id_ed25519"),
            "{m:?}"
        );
        assert!(
            !m[0].contains(".env.example") && !m[0].contains("node_modules"),
            "{m:?}"
        );
    }

    #[test]
    fn a_sensible_dockerignore_with_nothing_else_there_passes() {
        let ignore = ".git\n.env*\nnode_modules\n*.pem\n*.key\nid_rsa*\n.npmrc\n.aws\n";
        let files = [
            (".dockerignore", ignore),
            (".env", "A=1\n"),
            ("server.key", "x"),
            ("app.py", ""),
        ];
        assert!(messages("FROM python:3.12-slim\nCOPY . /app\n", &files).is_empty());
    }

    #[test]
    fn re_includes_specific_sources_and_per_dockerfile_ignore_files() {
        let files = [
            (".dockerignore", "*\n!src\n!config\n"),
            ("config/.env", "A=1\n"),
            ("src/app.py", ""),
            ("secrets.sql", "x"),
        ];
        let m = messages("FROM python:3.12-slim\nCOPY . /app\n", &files);
        assert!(
            m.len() == 1 && m[0].contains("config/.env") && !m[0].contains("secrets.sql"),
            "{m:?}"
        );
        // Only what the source names ships.
        assert!(messages("FROM python:3.12-slim\nCOPY src /app/src\n", &files).is_empty());
        // `Dockerfile.dockerignore` wins over `.dockerignore`.
        let mut with_specific = files.to_vec();
        with_specific.push(("Dockerfile.dockerignore", "**/.env\nsecrets.sql\n"));
        assert!(messages("FROM python:3.12-slim\nCOPY . /app\n", &with_specific).is_empty());
        // Credential files count only with a token in them; a builder stage does not ship.
        let npm = [(".npmrc", "//registry.npmjs.org/:_authToken=abc\n")];
        assert_eq!(messages("FROM node:22\nCOPY .npmrc /root/\n", &npm).len(), 1);
        assert!(messages("FROM node:22\nCOPY .npmrc /root/\n", &[(".npmrc", "save-exact=true\n")]).is_empty());
        let staged = "FROM node:22 AS build\nCOPY . /src\nFROM node:22-slim\nCOPY --from=build /src/dist /app\n";
        assert!(messages(staged, &npm).is_empty());
    }

    #[test]
    fn the_context_pragma_moves_the_root() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("svc/api")).unwrap();
        fs::write(dir.path().join(".env"), "A=1\n").unwrap();
        let text = "# plimsoll context=../..\nFROM alpine:3.20\nCOPY . /app\n";
        let df = dir.path().join("svc/api/Dockerfile");
        fs::write(&df, text).unwrap();
        let mut out = Vec::new();
        let linter = Linter::new(&LinterConfig::default());
        linter.lint_in(
            "svc/api/Dockerfile",
            text.as_bytes(),
            ContextSource::Disk(&df),
            &[],
            &mut out,
        );
        assert!(
            out.iter().any(|f| &*f.rule_id == "DF018" && f.message.contains(".env")),
            "{out:#?}"
        );
        // The compose entry point: the same Dockerfile against an explicit context directory.
        let mut out = Vec::new();
        let api = dir.path().join("svc/api");
        linter.lint_in(
            "svc/api/Dockerfile",
            b"FROM alpine:3.20\nCOPY . /app\n",
            ContextSource::DiskContext {
                dockerfile: &df,
                context: &api,
            },
            &[],
            &mut out,
        );
        assert!(!out.iter().any(|f| &*f.rule_id == "DF018"), "{out:#?}");
    }
}
