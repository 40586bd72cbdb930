//! DF023: apt package lists left in the image.

use super::{Context, Hit};
use crate::dockerfile::packages::{self, Pm};

rule! {
    /// ## What it does
    /// In stages that end up in the final image, reports a `RUN` that runs `apt-get update` but does not
    /// remove `/var/lib/apt/lists` (or run `apt-get dist-clean`) in the same `RUN`. A cache, tmpfs or bind
    /// mount on `/var/lib/apt/lists` (or `/var/lib/apt`) counts as clean.
    ///
    /// ## Why is this bad?
    /// The package lists are tens of megabytes that are only needed while installing. Deleting them in a
    /// later `RUN` does not help: the layer that added them keeps them.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12-slim
    /// RUN apt-get update && apt-get install -y --no-install-recommends curl
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12-slim
    /// RUN apt-get update && apt-get install -y --no-install-recommends curl \
    ///     && rm -rf /var/lib/apt/lists/*
    /// ```
    ///
    /// ## Differences from hadolint
    /// Reported where the lists are created (`apt-get update`) in a stage that ships, and not when a cache or
    /// tmpfs mount covers `/var/lib/apt/lists`; hadolint's DL3009 also reports build stages that are thrown
    /// away and `apt-get install` runs after an update made in an earlier `RUN` (the hadolint-only findings on
    /// the real corpus).
    AptListsNotCleaned {
        id: "DF023",
        name: "apt-lists-not-cleaned",
        severity: Note,
        summary: "apt-get update lists are left in the image layer.",
        twins: ["hadolint:DL3009"],
        cwe: ["CWE-1104"],
        security_severity: 1.0,
        enabled: true,
    }
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    let m = cx.model;
    for (i, _, run) in m.runs() {
        if !m.ships(i) || run.mounted("/var/lib/apt/lists") {
            continue;
        }
        let calls = packages::calls(&run.script, Pm::Apt);
        let updates = calls.iter().any(|c| c.sub == "update");
        // `apt-get dist-clean` (apt 2.7+) removes the lists as well as the package cache.
        let cleaned =
            calls.iter().any(|c| c.sub == "dist-clean") || packages::removes(&run.script, "/var/lib/apt/lists");
        if updates && !cleaned {
            out.push(Hit::new(
                i,
                "apt lists stay in this layer; end the same RUN with `rm -rf /var/lib/apt/lists/*` (or use a cache mount)",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};

    #[test]
    fn table() {
        catches("DF023", "FROM debian:12\nRUN apt-get update && apt-get install -y x\n");
        catches("DF023", "FROM debian:12 AS base\nRUN apt-get update\nFROM base\n");
        passes(
            "DF023",
            "FROM debian:12\nRUN apt-get update && apt-get install -y x && rm -rf /var/lib/apt/lists/*\n",
        );
        passes(
            "DF023",
            "FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y x\n",
        );
        passes(
            "DF023",
            "FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y x\n",
        );
        passes(
            "DF023",
            "FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM alpine:3.20\n",
        );
    }
}
