//! Facts: small, owned statements that per-file analyzers make about what they saw (a compose service and
//! its build context, a Dockerfile's health check and `ARG`s), collected over the whole walk and read by
//! the project rules ([`crate::project`]) that no single file can decide. Facts name files by display
//! path and by lexically normalized disk path, so a compose file's `build.context` and the Dockerfile the
//! walk found meet without touching the disk again.

use std::path::PathBuf;

/// Where something is written: display path and a 1-based position on one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located {
    pub path: String,
    pub line: u32,
    pub column: u32,
    /// Exclusive.
    pub end_column: u32,
}

/// One fact.
#[derive(Clone, Debug)]
pub enum Fact {
    ComposeService(ComposeServiceFact),
    Dockerfile(DockerfileFact),
}

/// How a compose service decides its health check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HealthFact {
    /// `healthcheck:` with a test.
    Defined,
    /// `disable: true` / `test: ["NONE"]`.
    Disabled,
    /// `healthcheck:` without a test: the image's HEALTHCHECK, retimed.
    Inherited,
    None,
}

/// A compose service.
#[derive(Clone, Debug)]
pub struct ComposeServiceFact {
    /// Display path of the compose file.
    pub file: String,
    pub name: String,
    /// The service's name key.
    pub at: Located,
    pub health: HealthFact,
    /// Something waits for it to complete, or it does not restart: a job, not a server.
    pub one_shot: bool,
    pub has_image: bool,
    /// Has `build:`.
    pub builds: bool,
    /// The build context on disk (normalized), when the service builds a local context.
    pub context_dir: Option<PathBuf>,
    /// The Dockerfile it builds (normalized), when known.
    pub dockerfile: Option<PathBuf>,
    pub build_args: Vec<BuildArgFact>,
    /// `env_file:` entries as written, with where.
    pub env_files: Vec<(String, Located)>,
    /// Variables interpolated without a default (`${VAR}`, `$VAR`, `${VAR?err}`), with where.
    pub interpolated: Vec<(String, Located)>,
    /// Rule ids or names silenced by pragmas on the service's key line or for the whole file.
    pub silenced: Vec<String>,
}

/// A `build.args` entry.
#[derive(Clone, Debug)]
pub struct BuildArgFact {
    pub name: String,
    pub at: Located,
}

/// A Dockerfile the walk linted.
#[derive(Clone, Debug)]
pub struct DockerfileFact {
    /// Display path.
    pub path: String,
    /// Normalized disk path (what compose `build.dockerfile` resolves to).
    pub disk_path: PathBuf,
    /// Some `HEALTHCHECK` instruction (including `HEALTHCHECK NONE`).
    pub healthcheck: bool,
    /// `ARG` names with their 1-based line.
    pub args: Vec<(String, u32)>,
}
