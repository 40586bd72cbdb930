//! DF017: the whole context is copied and there is no `.dockerignore`.

use super::{Context, Hit, IgnoreFile};

rule! {
    /// ## What it does
    /// Reports a `COPY . …`/`ADD . …` of the whole build context when the context (the `build.context` of
    /// the compose services that build it, else the Dockerfile's directory or the one a
    /// `# plimsoll context=` comment names) has no `.dockerignore` and there is no
    /// `<Dockerfile>.dockerignore` next to the file.
    ///
    /// ## Why is this bad?
    /// Without a `.dockerignore`, `COPY . .` puts everything in the directory into the image: `.git` with
    /// its whole history, `.env` files, local keys and credentials, `node_modules` built for another OS.
    /// Anyone who can pull the image can read them.
    ///
    /// ## Example
    /// ```dockerfile
    /// # no .dockerignore next to this Dockerfile
    /// FROM node:22-slim
    /// COPY . /app
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// # with a .dockerignore containing:
    /// #   .git
    /// #   .env*
    /// #   *.pem
    /// #   node_modules
    /// FROM node:22-slim
    /// COPY . /app
    /// ```
    DockerignoreMissing {
        id: "DF017",
        name: "dockerignore-missing",
        severity: Warning,
        summary: "The whole build context is copied but there is no .dockerignore.",
        twins: [],
        cwe: ["CWE-538"],
        security_severity: 5.5,
        enabled: true,
    }
}

pub(crate) const MESSAGE: &str = "this copies the whole build context but there is no .dockerignore; add one excluding .git, .env*, keys and credentials";

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    let copies = super::df016_context_copied_before_deps::whole_context_copies(cx);
    if copies.is_empty() || !matches!(cx.ignore_file(), IgnoreFile::Missing) {
        return;
    }
    for i in copies {
        out.push(Hit::new(i, MESSAGE));
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::hits_with;
    use super::super::{IgnoreFile, Settings};

    #[test]
    fn table() {
        let t = "FROM alpine:3.20\nCOPY . /app\nCOPY src/ /src\nCOPY --from=alpine:3.20 . /x\n";
        assert_eq!(
            hits_with("DF017", t, &Settings::default(), IgnoreFile::Missing).len(),
            1
        );
        assert_eq!(
            hits_with("DF017", t, &Settings::default(), IgnoreFile::Unknown).len(),
            0
        );
        let found = IgnoreFile::Found(crate::dockerfile::dockerignore::DockerIgnore::parse("x", ".git\n"));
        assert_eq!(hits_with("DF017", t, &Settings::default(), found).len(), 0);
        let t = "FROM alpine:3.20\nCOPY src/ /src\n";
        assert_eq!(
            hits_with("DF017", t, &Settings::default(), IgnoreFile::Missing).len(),
            0
        );
    }
}
