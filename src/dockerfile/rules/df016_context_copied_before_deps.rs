//! DF016: the whole build context is copied before dependencies are installed.

use super::{Context, Hit};
use crate::dockerfile::shell::Cmd;
use parse_dockerfile::Instruction;

rule! {
    /// ## What it does
    /// Reports a `COPY . …` (or `ADD . …`) of the whole build context that comes before a dependency
    /// install in the same stage: `npm ci`/`npm install`, `yarn install`, `pnpm install`,
    /// `pip install -r …`, `poetry install`, `pipenv install`, `go mod download`, `bundle install`,
    /// `composer install`, `dotnet restore`, `mvn dependency:go-offline`, `cargo fetch`.
    ///
    /// ## Why is this bad?
    /// Docker reuses a cached layer only if everything it was built from is unchanged. With the whole source
    /// tree copied first, any edit to any file invalidates the dependency install, and every build downloads
    /// and installs all dependencies again.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:22-slim AS build
    /// WORKDIR /app
    /// COPY . .
    /// RUN npm ci
    /// RUN npm run build
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:22-slim AS build
    /// WORKDIR /app
    /// COPY package.json package-lock.json ./
    /// RUN npm ci
    /// COPY . .
    /// RUN npm run build
    /// ```
    ContextCopiedBeforeDeps {
        id: "DF016",
        name: "context-copied-before-deps",
        severity: Warning,
        summary: "The whole build context is copied before dependencies are installed, defeating layer caching.",
        twins: [],
        cwe: [],
        security_severity: 1.0,
        enabled: true,
    }
}

/// A dependency install, described with the manifests to copy first.
fn dependency_install(c: &Cmd) -> Option<(&'static str, &'static str)> {
    let prog = c.program()?;
    let args = c.args();
    let sub = c.plain_args().next().unwrap_or("");
    let operands = c.plain_args().count();
    match prog {
        "npm" if sub == "ci" || (matches!(sub, "install" | "i") && operands == 1) => {
            Some(("npm install", "package.json and package-lock.json"))
        }
        "yarn" if sub.is_empty() || sub == "install" => Some(("yarn install", "package.json and yarn.lock")),
        "pnpm" if matches!(sub, "install" | "i") && operands == 1 => {
            Some(("pnpm install", "package.json and pnpm-lock.yaml"))
        }
        "bun" if sub == "install" && operands == 1 => Some(("bun install", "package.json and bun.lockb")),
        p if p.starts_with("pip")
            && sub == "install"
            && args
                .iter()
                .any(|a| a == "-r" || a.starts_with("--requirement") || a.starts_with("-r")) =>
        {
            Some(("pip install -r", "the requirements files"))
        }
        "poetry" if sub == "install" => Some(("poetry install", "pyproject.toml and poetry.lock")),
        "pipenv" if sub == "install" => Some(("pipenv install", "Pipfile and Pipfile.lock")),
        "uv" if sub == "sync" => Some(("uv sync", "pyproject.toml and uv.lock")),
        "go" if sub == "mod" && args.iter().any(|a| a == "download") => Some(("go mod download", "go.mod and go.sum")),
        "bundle" if sub == "install" || sub.is_empty() => Some(("bundle install", "Gemfile and Gemfile.lock")),
        "composer" if sub == "install" => Some(("composer install", "composer.json and composer.lock")),
        "dotnet" if sub == "restore" => Some(("dotnet restore", "the *.csproj files")),
        "mvn" if args.iter().any(|a| a.starts_with("dependency:")) => Some(("mvn dependency:…", "pom.xml")),
        "cargo" if sub == "fetch" => Some(("cargo fetch", "Cargo.toml and Cargo.lock")),
        _ => None,
    }
}

/// `COPY . dest` / `ADD . dest` (not `--from`): copies the whole context.
pub(crate) fn copies_whole_context(ins: &Instruction<'_>) -> bool {
    let (src, opts) = match ins {
        Instruction::Copy(c) => (&c.src, &c.options),
        Instruction::Add(a) => (&a.src, &a.options),
        _ => return false,
    };
    if crate::dockerfile::model::flag(opts, "from").is_some() {
        return false;
    }
    crate::dockerfile::model::source_paths(src).any(|p| matches!(&*p, "." | "./" | "./." | "*" | "./*" | ".\\"))
}

/// Indices of the instructions that copy the whole build context.
pub(crate) fn whole_context_copies(cx: &Context<'_, '_>) -> Vec<usize> {
    cx.model
        .instrs
        .iter()
        .enumerate()
        .filter(|(_, ins)| copies_whole_context(ins.inner))
        .map(|(i, _)| i)
        .collect()
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    let m = cx.model;
    for stage in &m.stages {
        let body: Vec<_> = m.body(stage.index).collect();
        for (k, (i, ins)) in body.iter().enumerate() {
            if !copies_whole_context(ins.inner) {
                continue;
            }
            let install = body[k + 1..].iter().find_map(|(_, later)| {
                later
                    .run
                    .as_ref()
                    .and_then(|r| r.script.commands.iter().find_map(dependency_install))
            });
            if let Some((what, manifests)) = install {
                out.push(Hit::new(
                    *i,
                    format!("the whole context is copied before `{what}`, so every source change reinstalls dependencies; COPY {manifests} first, install, then copy the rest"),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        assert_eq!(
            catches(
                "DF016",
                "FROM python:3.12-slim\nCOPY . /app\nRUN pip install --no-cache-dir -r /app/requirements.txt\n"
            ),
            vec![2]
        );
        catches("DF016", "FROM golang:1.22\nCOPY ./ ./\nRUN go mod download\n");
        catches("DF016", "FROM ruby:3.3\nADD . /app\nRUN cd /app && bundle install\n");
        catches(
            "DF016",
            "FROM node:22\nCOPY . .\nRUN --mount=type=cache,target=/root/.npm npm ci\n",
        );
        passes("DF016", "FROM node:22\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\n");
        passes("DF016", "FROM node:22\nCOPY . .\nRUN npm install -g serve\n");
        passes("DF016", "FROM python:3.12\nCOPY . .\nRUN pip install .\n");
        passes("DF016", "FROM node:22 AS a\nCOPY . .\nFROM node:22\nRUN npm ci\n");
        passes(
            "DF016",
            "FROM node:22 AS a\nFROM node:22\nCOPY --from=a . .\nRUN npm ci\n",
        );
    }
}
