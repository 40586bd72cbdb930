//! Image references as written in `FROM`, `COPY --from` and `RUN --mount=from=`: registry, repository, tag
//! and digest, with Docker Hub's defaults (`ubuntu` is `docker.io/library/ubuntu`).

/// A parsed image reference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImageRef {
    /// `docker.io` when none is written.
    pub registry: String,
    /// Path without registry, e.g. `library/ubuntu`, `myorg/app`.
    pub repository: String,
    pub tag: Option<String>,
    /// `sha256:…`
    pub digest: Option<String>,
}

pub const DOCKER_HUB: &str = "docker.io";

impl ImageRef {
    /// Parses `[registry/]path[:tag][@digest]`. Returns `None` for empty or variable-laden references.
    pub fn parse(s: &str) -> Option<ImageRef> {
        let s = s.trim();
        if s.is_empty() || s.contains('$') || s.contains(char::is_whitespace) {
            return None;
        }
        let (rest, digest) = match s.split_once('@') {
            Some((r, d)) => (r, Some(d.to_string())),
            None => (s, None),
        };
        let (name, tag) = match rest.rfind(':') {
            Some(i) if !rest[i + 1..].contains('/') => (&rest[..i], Some(rest[i + 1..].to_string())),
            _ => (rest, None),
        };
        if name.is_empty() {
            return None;
        }
        let (registry, path) = match name.split_once('/') {
            Some((first, path)) if first.contains('.') || first.contains(':') || first == "localhost" => {
                (first.to_ascii_lowercase(), path.to_string())
            }
            _ => (DOCKER_HUB.to_string(), name.to_string()),
        };
        let registry = if registry == "index.docker.io" || registry == "registry-1.docker.io" {
            DOCKER_HUB.to_string()
        } else {
            registry
        };
        let repository = if registry == DOCKER_HUB && !path.contains('/') {
            format!("library/{path}")
        } else {
            path
        };
        Some(ImageRef {
            registry,
            repository,
            tag,
            digest,
        })
    }

    /// Last path component: `node` for `docker.io/library/node`, `static` for `gcr.io/distroless/static`.
    pub fn short_name(&self) -> &str {
        self.repository.rsplit('/').next().unwrap_or(&self.repository)
    }

    /// `registry/repository`, e.g. `docker.io/library/node`.
    pub fn full_name(&self) -> String {
        format!("{}/{}", self.registry, self.repository)
    }

    /// Docker Hub official image (`docker.io/library/*`).
    pub fn is_official(&self) -> bool {
        self.registry == DOCKER_HUB && self.repository.starts_with("library/")
    }

    pub fn tag_or_latest(&self) -> &str {
        self.tag.as_deref().unwrap_or("latest")
    }

    /// Windows base images (their stages run `cmd`/PowerShell, not a POSIX shell).
    pub fn is_windows(&self) -> bool {
        let r = self.repository.to_ascii_lowercase();
        let t = self.tag.as_deref().unwrap_or("").to_ascii_lowercase();
        r.contains("windows")
            || r.contains("nanoserver")
            || r.contains("servercore")
            || t.contains("nanoserver")
            || t.contains("windowsservercore")
            || t.starts_with("ltsc")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_references() {
        let r = ImageRef::parse("ubuntu").unwrap();
        assert_eq!(
            (r.registry.as_str(), r.repository.as_str()),
            ("docker.io", "library/ubuntu")
        );
        assert_eq!(r.tag, None);
        let r = ImageRef::parse("localhost:5000/app:1.2@sha256:abc").unwrap();
        assert_eq!(r.registry, "localhost:5000");
        assert_eq!(r.repository, "app");
        assert_eq!(r.tag.as_deref(), Some("1.2"));
        assert_eq!(r.digest.as_deref(), Some("sha256:abc"));
        let r = ImageRef::parse("gcr.io/distroless/static:nonroot").unwrap();
        assert_eq!(r.short_name(), "static");
        assert!(ImageRef::parse("${BASE}").is_none());
        assert!(
            ImageRef::parse("mcr.microsoft.com/windows/servercore:ltsc2022")
                .unwrap()
                .is_windows()
        );
    }
}
