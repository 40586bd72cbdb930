//! DF012: a stage named like a well-known image.

use super::{Context, Hit};

rule! {
    /// ## What it does
    /// Reports stage names that are also the names of well-known images (`node`, `python`, `alpine`,
    /// `nginx`, …) or of an image used elsewhere in the same file, and the reserved name `scratch`.
    ///
    /// ## Why is this bad?
    /// After `FROM node:22 AS node`, every later `FROM node` and `COPY --from=node` means the stage, not the
    /// image; readers (and the next editor of the file) expect the image. The collision hides which one is
    /// used.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:22 AS node
    /// RUN npm ci && npm run build
    /// FROM nginx:1.27
    /// COPY --from=node /app/dist /usr/share/nginx/html
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:22 AS web-build
    /// RUN npm ci && npm run build
    /// FROM nginx:1.27
    /// COPY --from=web-build /app/dist /usr/share/nginx/html
    /// ```
    StageNameShadowsImage {
        id: "DF012",
        name: "stage-name-shadows-image",
        severity: Note,
        summary: "A stage name is also the name of an image.",
        twins: [],
        cwe: [],
        security_severity: 1.0,
        enabled: true,
    }
}

const WELL_KNOWN: &[&str] = &[
    "alpine",
    "ubuntu",
    "debian",
    "busybox",
    "centos",
    "fedora",
    "node",
    "python",
    "golang",
    "rust",
    "ruby",
    "php",
    "openjdk",
    "maven",
    "gradle",
    "nginx",
    "httpd",
    "redis",
    "postgres",
    "mysql",
    "mariadb",
    "mongo",
    "scratch",
    "eclipse-temurin",
    "amazonlinux",
    "rockylinux",
    "almalinux",
    "docker",
    "elixir",
    "perl",
    "dotnet",
];

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    let m = cx.model;
    let used: Vec<(usize, String)> = m
        .stages
        .iter()
        .filter_map(|s| match &s.base {
            crate::dockerfile::model::Base::Image(r) => Some((s.index, r.short_name().to_ascii_lowercase())),
            _ => None,
        })
        .collect();
    for (k, s) in m.stages.iter().enumerate() {
        let Some(name) = &s.name else { continue };
        // `FROM tool:1 AS tool` names the stage after its own image, a common idiom; only another image of
        // that name makes it ambiguous.
        let own = match &s.base {
            crate::dockerfile::model::Base::Image(r) => r.short_name().eq_ignore_ascii_case(name),
            _ => false,
        };
        let other_use = used.iter().any(|(j, u)| *j != k && u == name);
        let referenced = m.stages[k + 1..]
            .iter()
            .any(|later| later.image.as_deref().is_some_and(|i| i.eq_ignore_ascii_case(name)))
            || m.instrs.iter().any(|ins| match ins.inner {
                parse_dockerfile::Instruction::Copy(c) => {
                    crate::dockerfile::model::flag(&c.options, "from").is_some_and(|f| f.eq_ignore_ascii_case(name))
                }
                _ => false,
            });
        let well_known = WELL_KNOWN.contains(&name.as_str()) && (!own || referenced);
        if name == "scratch" || well_known || other_use {
            out.push(Hit::new(
                s.from,
                format!("stage name `{name}` is also an image name; later `FROM {name}`/`--from={name}` mean the stage — rename it (e.g. `{name}-build`)"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches(
            "DF012",
            "FROM node:22 AS node\nFROM nginx:1.27\nCOPY --from=node /a /a\n",
        );
        catches("DF012", "FROM node:22 AS python\n");
        passes("DF012", "FROM node:22 AS node\n");
        catches("DF012", "FROM alpine:3.20 AS scratch\n");
        catches("DF012", "FROM ghcr.io/org/tool:1 AS x\nFROM alpine:3.20 AS tool\n");
        passes("DF012", "FROM node:22 AS build\nFROM nginx:1.27\n");
        passes("DF012", "FROM tonistiigi/xx:1.4 AS xx\nFROM rust:1.80 AS rust\n");
    }
}
