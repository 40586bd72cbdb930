//! DF008: a single-stage build that leaves its toolchain, build steps or dev dependencies in the image.

use super::{Context, Hit};
use crate::dockerfile::model::{Base, split_assignments};
use crate::dockerfile::packages::{self, Pm};
use crate::dockerfile::shell::Cmd;
use parse_dockerfile::Instruction;

rule! {
    /// ## What it does
    /// In a Dockerfile with a single stage, reports the first sign that the image is also the build
    /// environment: a toolchain base image (`golang`, `rust`, `maven`, `gradle`, `*-jdk`, `dotnet/sdk`), a
    /// compiler or build tool installed (`build-essential`, `gcc`, `make`, `cmake`, `*-dev` packages, …)
    /// and not removed again in the same `RUN`, a build step (`go build`, `cargo build`, `mvn package`,
    /// `gradle build`, `npm run build`, `dotnet publish`, `make`, …), or development dependencies
    /// (`npm ci` without `--omit=dev`, `composer install` without `--no-dev`).
    ///
    /// ## Why is this bad?
    /// Compilers, headers, package caches and dev dependencies make the image several times larger, slower
    /// to pull and start, and give an attacker who gets in a full toolchain. A multi-stage build compiles in
    /// one stage and copies only the artifact into a small runtime stage.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM golang:1.22
    /// WORKDIR /src
    /// COPY . .
    /// RUN go build -o /usr/local/bin/app .
    /// CMD ["app"]
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM golang:1.22 AS build
    /// WORKDIR /src
    /// COPY . .
    /// RUN CGO_ENABLED=0 go build -o /out/app .
    ///
    /// FROM gcr.io/distroless/static:nonroot
    /// COPY --from=build /out/app /app
    /// CMD ["/app"]
    /// ```
    BuildToolsInFinalImage {
        id: "DF008",
        name: "build-tools-in-final-image",
        severity: Warning,
        summary: "A single-stage build leaves its toolchain or build steps in the final image.",
        twins: [],
        cwe: ["CWE-1104"],
        security_severity: 4.0,
        enabled: true,
    }
}

const TOOLCHAIN_IMAGES: &[&str] = &["golang", "rust", "maven", "gradle", "gcc", "sdk", "buildpack-deps"];
const TOOLCHAIN_PACKAGES: &[&str] = &[
    "build-essential",
    "build-base",
    "gcc",
    "g++",
    "clang",
    "make",
    "cmake",
    "autoconf",
    "automake",
    "libtool",
    "golang",
    "golang-go",
    "go",
    "rustc",
    "cargo",
    "maven",
    "gradle",
    "default-jdk",
    "gcc-c++",
    "musl-dev",
];

fn toolchain_package(p: &str) -> bool {
    let name = p.split(['=', '<', '>', '~']).next().unwrap_or(p);
    TOOLCHAIN_PACKAGES.contains(&name)
        || name.ends_with("-dev")
        || name.ends_with("-devel")
        || (name.contains("jdk") && !name.contains("jre") && !name.contains("headless-jre"))
}

/// A build command, described.
fn build_step(c: &Cmd) -> Option<String> {
    let prog = c.program()?;
    let sub = c.plain_args().next().unwrap_or("");
    let second = c.plain_args().nth(1).unwrap_or("");
    let hit = match prog {
        "go" => matches!(sub, "build" | "install"),
        "cargo" => matches!(sub, "build" | "install"),
        "mvn" | "mvnw" => c
            .args()
            .iter()
            .any(|a| matches!(a.as_str(), "package" | "install" | "verify" | "compile")),
        "gradle" | "gradlew" => c
            .args()
            .iter()
            .any(|a| matches!(a.as_str(), "build" | "assemble" | "jar" | "bootJar")),
        "npm" | "pnpm" => (sub == "run" && second.starts_with("build")) || sub == "build",
        "yarn" => sub == "build" || (sub == "run" && second.starts_with("build")),
        "dotnet" => matches!(sub, "build" | "publish"),
        "make" | "cmake" | "ninja" | "gcc" | "g++" | "cc" | "clang" | "javac" | "tsc" => true,
        _ => false,
    };
    hit.then(|| {
        let mut s = prog.to_string();
        if !sub.is_empty()
            && !matches!(
                prog,
                "make" | "gcc" | "g++" | "cc" | "clang" | "cmake" | "ninja" | "javac" | "tsc"
            )
        {
            s.push(' ');
            s.push_str(sub);
        }
        s
    })
}

/// Dev dependencies installed, described.
fn dev_dependencies(c: &Cmd, production_env: bool) -> Option<String> {
    let prog = c.program()?;
    let sub = c.plain_args().next().unwrap_or("");
    let args = c.args();
    let has = |s: &str| args.iter().any(|a| a == s || a.starts_with(&format!("{s}=")));
    match prog {
        "npm"
            if matches!(sub, "ci" | "install" | "i")
                && c.plain_args().count() == 1
                && !production_env
                && !has("--omit")
                && !has("--only")
                && !has("--production") =>
        {
            Some(format!("npm {sub} (installs devDependencies)"))
        }
        "composer" if sub == "install" && !has("--no-dev") => Some("composer install (installs require-dev)".into()),
        _ => None,
    }
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    let m = cx.model;
    if m.stages.len() != 1 {
        return;
    }
    let stage = &m.stages[0];
    if stage.windows || stage.implicit {
        return;
    }
    if let Base::Image(r) = &stage.base {
        let name = r.short_name();
        let tag = r.tag_or_latest();
        if TOOLCHAIN_IMAGES.contains(&name) && (name != "sdk" || r.repository.contains("dotnet"))
            || (tag.contains("jdk") && ["openjdk", "eclipse-temurin", "amazoncorretto"].contains(&name))
        {
            out.push(Hit::new(
                stage.from,
                format!("the only stage is built on the toolchain image `{}`; build in a first stage and copy the artifact into a slim runtime image", stage.image_raw),
            ));
            return;
        }
    }
    let mut production_env = false;
    for (i, ins) in m.body(0) {
        if let Instruction::Env(e) = ins.inner {
            production_env |= split_assignments(&e.arguments.value, true)
                .iter()
                .any(|(k, v)| k == "NODE_ENV" && v.as_deref() == Some("production"));
        }
        let Some(run) = &ins.run else { continue };
        let script = &run.script;
        let removed = script.commands.iter().any(|c| {
            (c.is_any(&["apt-get", "apt"])
                && c.args()
                    .iter()
                    .any(|a| matches!(a.as_str(), "purge" | "remove" | "autoremove")))
                || (c.is("apk") && c.has_arg("del"))
                || (c.is_any(&["yum", "dnf", "microdnf"])
                    && c.args()
                        .iter()
                        .any(|a| matches!(a.as_str(), "remove" | "erase" | "autoremove")))
        });
        if removed {
            continue;
        }
        let mut found: Option<String> = None;
        for pm in [Pm::Apt, Pm::Apk, Pm::Rpm, Pm::Zypper] {
            for call in packages::installs(script, pm) {
                if let Some(p) = call.operands.iter().find(|p| toolchain_package(p)) {
                    found.get_or_insert_with(|| format!("installs `{p}`"));
                }
            }
        }
        if found.is_none() {
            found = script.commands.iter().find_map(|c| {
                build_step(c)
                    .map(|s| format!("runs `{s}`"))
                    .or_else(|| dev_dependencies(c, production_env).map(|s| format!("runs `{s}`")))
            });
        }
        if let Some(what) = found {
            out.push(Hit::new(
                i,
                format!("this single-stage build {what} in the final image; build in a separate stage and COPY --from only the result"),
            ));
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DF008", "FROM golang:1.22\nRUN go build .\n");
        catches("DF008", "FROM maven:3.9-eclipse-temurin-21\nRUN mvn package\n");
        catches("DF008", "FROM mcr.microsoft.com/dotnet/sdk:8.0\nRUN dotnet publish\n");
        assert_eq!(
            catches(
                "DF008",
                "FROM debian:12\nRUN echo\nRUN apt-get update && apt-get install -y gcc make\n"
            ),
            vec![3]
        );
        catches(
            "DF008",
            "FROM node:22-slim\nCOPY . .\nRUN npm ci\nCMD [\"node\", \"x\"]\n",
        );
        catches("DF008", "FROM node:22-slim\nRUN npm ci && npm run build\n");
        catches("DF008", "FROM python:3.12-slim\nRUN apt-get install -y libpq-dev\n");
        catches("DF008", "FROM alpine:3.20\nRUN apk add --no-cache build-base\n");
        catches("DF008", "FROM debian:12\nRUN ./configure && make && make install\n");
        passes(
            "DF008",
            "FROM golang:1.22 AS b\nRUN go build .\nFROM scratch\nCOPY --from=b /app /app\n",
        );
        passes("DF008", "FROM node:22-slim\nRUN npm ci --omit=dev\n");
        passes("DF008", "FROM node:22-slim\nENV NODE_ENV=production\nRUN npm ci\n");
        passes("DF008", "FROM node:22-slim\nRUN npm install -g pm2\n");
        passes(
            "DF008",
            "FROM python:3.12-slim\nRUN apt-get install -y gcc && pip install x && apt-get purge -y gcc\n",
        );
        passes(
            "DF008",
            "FROM alpine:3.20\nRUN apk add --virtual .b gcc && make && apk del .b\n",
        );
        passes("DF008", "FROM eclipse-temurin:21-jre\nCOPY app.jar /\n");
    }
}
