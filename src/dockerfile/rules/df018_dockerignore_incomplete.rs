//! DF018: the whole context is copied and `.dockerignore` lets secrets or bulk through.

use super::{Context, Hit, IgnoreFile};
use crate::dockerfile::model::Base;
use parse_dockerfile::Instruction;

rule! {
    /// ## What it does
    /// When a Dockerfile copies the whole build context (`COPY . …`/`ADD . …`), asks the context's
    /// `.dockerignore` whether it excludes what must never reach an image — `.git`, `.env` files
    /// (`.env`, `.env.local`), private keys (`id_rsa`, `id_ed25519`, `*.key`, `*.pem`), credential files
    /// (`.npmrc`, `.pypirc`, `.netrc`, `.git-credentials`, `.aws/`, `credentials.json`) and, for Node.js
    /// builds, `node_modules` — and reports at the COPY line exactly which patterns are missing. Docker's
    /// matching rules apply (root-relative patterns, `**`, `!` exceptions, last match wins).
    ///
    /// ## Why is this bad?
    /// Whatever the `.dockerignore` does not exclude is copied into the image, where anyone who can pull it
    /// can read it. A `.dockerignore` written for build speed (`node_modules`, `dist`) often forgets the
    /// files that leak credentials.
    ///
    /// ## Example
    /// ```dockerfile
    /// # .dockerignore contains only: node_modules
    /// FROM node:22-slim
    /// COPY . /app
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// # .dockerignore contains:
    /// #   .git
    /// #   .env*
    /// #   id_rsa*
    /// #   id_ed25519*
    /// #   *.key
    /// #   *.pem
    /// #   .npmrc
    /// #   .pypirc
    /// #   .netrc
    /// #   .git-credentials
    /// #   .aws
    /// #   credentials.json
    /// #   node_modules
    /// FROM node:22-slim
    /// COPY . /app
    /// ```
    DockerignoreIncomplete {
        id: "DF018",
        name: "dockerignore-incomplete",
        severity: Warning,
        summary: "The whole build context is copied and .dockerignore does not exclude secrets, .git or node_modules.",
        twins: [],
        cwe: ["CWE-538"],
        security_severity: 5.5,
        enabled: true,
    }
}

/// (path probed at the context root, pattern to suggest).
const PROBES: &[(&str, &str)] = &[
    (".git", ".git"),
    (".env", ".env*"),
    (".env.local", ".env*"),
    ("id_rsa", "id_rsa*"),
    ("id_ed25519", "id_ed25519*"),
    ("server.key", "*.key"),
    ("key.pem", "*.pem"),
    (".npmrc", ".npmrc"),
    (".pypirc", ".pypirc"),
    (".netrc", ".netrc"),
    (".git-credentials", ".git-credentials"),
    (".aws/credentials", ".aws"),
    ("credentials.json", "credentials.json"),
];

/// Whether the build looks like a Node.js one (so `node_modules` matters).
fn uses_node(cx: &Context<'_, '_>) -> bool {
    let m = cx.model;
    m.stages
        .iter()
        .any(|s| matches!(&s.base, Base::Image(r) if r.short_name() == "node" || r.short_name().starts_with("node-")))
        || m.runs().any(|(_, _, r)| {
            r.script
                .commands
                .iter()
                .any(|c| c.is_any(&["npm", "yarn", "pnpm", "npx", "bun"]))
        })
        || m.instrs.iter().any(|i| match i.inner {
            Instruction::Copy(c) => crate::dockerfile::model::source_paths(&c.src).any(|p| p.contains("package.json")),
            _ => false,
        })
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    let copies = super::df016_context_copied_before_deps::whole_context_copies(cx);
    if copies.is_empty() {
        return;
    }
    let IgnoreFile::Found(ignore) = cx.ignore_file() else {
        return;
    };
    let mut missing: Vec<&str> = Vec::new();
    for (probe, pattern) in PROBES {
        if !ignore.excludes(probe) && !missing.contains(pattern) {
            missing.push(pattern);
        }
    }
    if uses_node(cx) && !ignore.excludes("node_modules") {
        missing.push("node_modules");
    }
    if missing.is_empty() {
        return;
    }
    for i in copies {
        out.push(Hit::new(
            i,
            format!(
                "this copies the whole build context, but {} does not exclude {}; add those patterns",
                ignore.path,
                missing.join(", ")
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::hits_with;
    use super::super::{IgnoreFile, Settings};
    use crate::dockerfile::dockerignore::DockerIgnore;

    fn message(dockerfile: &str, ignore: &str) -> Option<String> {
        let f = IgnoreFile::Found(DockerIgnore::parse(".dockerignore", ignore));
        hits_with("DF018", dockerfile, &Settings::default(), f)
            .into_iter()
            .next()
            .map(|h| h.message)
    }

    #[test]
    fn reports_what_is_missing() {
        let node = "FROM node:22-slim\nCOPY . /app\n";
        let m = message(node, "node_modules\n").unwrap();
        assert!(m.contains(".git, .env*, id_rsa*"), "{m}");
        assert!(!m.contains("node_modules"), "{m}");
        let m = message(node, ".git\n.env\n").unwrap();
        assert!(
            m.contains(".env*") && m.contains("node_modules") && !m.contains(".git,"),
            "{m}"
        );
        let full = ".git\n.env*\nid_rsa*\nid_ed25519*\n*.key\n*.pem\n.npmrc\n.pypirc\n.netrc\n.git-credentials\n.aws\ncredentials.json\nnode_modules\n";
        assert_eq!(message(node, full), None);
        assert_eq!(message(node, "*\n!src\n!package.json\n"), None);
        let go = "FROM golang:1.22\nCOPY . .\n";
        assert!(!message(go, ".git\n").unwrap().contains("node_modules"));
        assert_eq!(message("FROM alpine:3.20\nCOPY src /src\n", ""), None);
    }
}
