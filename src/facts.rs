//! Facts: small, owned statements that per-file analyzers make about what they saw (a compose service and
//! its build context, a Dockerfile's health check and `ARG`s), collected over the whole walk and read by
//! the project rules ([`crate::project`]) that no single file can decide. Facts name files by display
//! path and by lexically normalized disk path, so a compose file's `build.context` and the Dockerfile the
//! walk found meet without touching the disk again.

use crate::finding::{Span, Suppression};
use std::path::PathBuf;
use std::sync::Arc;

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
    EnvFile(EnvFileFact),
    ComposeInclude(IncludeFact),
    BakeRun(BakeRunFact),
    BakeFile(BakeFileFact),
}

/// A `docker buildx bake` run that pushes (`--push`, or `docker/bake-action` with `push: true`), in a CI
/// file, script or Makefile.
#[derive(Clone, Debug)]
pub struct BakeRunFact {
    /// Where the command (or the action's `uses:`) is written.
    pub at: Located,
    /// The bake files it reads (normalized disk paths), or bake's default file names when it names none:
    /// one list per directory it may run from, most likely first (the join takes the first list of which
    /// some file was linted).
    pub files: Vec<Vec<PathBuf>>,
    /// The files are named (`-f`, `files:`): all of them must have been linted for the run to be judged
    /// (one the walk did not see may set the tags). Bake's default names are read where they exist.
    pub files_named: bool,
    /// The targets or groups it names (empty: `default`).
    pub targets: Vec<String>,
    /// `--set` / `set:` overrides of `tags`.
    pub tag_overrides: Vec<TagOverride>,
    /// The line as printed.
    pub snippet: String,
}

/// One `--set PATTERN.tags=VALUE` (or `+=`).
#[derive(Clone, Debug)]
pub struct TagOverride {
    /// Target name, or a glob with `*`.
    pub pattern: String,
    /// `+=`: added to the file's tags instead of replacing them.
    pub append: bool,
    pub value: String,
}

/// A bake file (HCL or JSON): its targets with their tags, and its groups.
#[derive(Clone, Debug)]
pub struct BakeFileFact {
    /// Normalized disk path.
    pub disk_path: PathBuf,
    pub targets: Vec<BakeTargetFact>,
    /// `group "name" { targets = [...] }`.
    pub groups: Vec<(String, Vec<String>)>,
}

/// A bake target.
#[derive(Clone, Debug)]
pub struct BakeTargetFact {
    pub name: String,
    /// `tags`: `None` when not set; `Some` with every tag when it is a list of strings. A `tags` value
    /// that is an expression is not recorded as tags (see [`BakeTargetFact::tags_unknown`]).
    pub tags: Option<Vec<BakeTagFact>>,
    /// `tags` is set to something other than a list of strings (a function call, a variable).
    pub tags_unknown: bool,
    pub inherits: Vec<String>,
}

/// One tag of a bake target, with the file's own variable defaults substituted; a part that cannot be
/// known (a variable with no literal default, a function) is [`BAKE_UNKNOWN`].
#[derive(Clone, Debug)]
pub struct BakeTagFact {
    pub value: String,
    pub at: Located,
    /// The line as printed.
    pub snippet: String,
}

/// Stands for a part of a bake tag whose value cannot be known.
pub const BAKE_UNKNOWN: char = '\u{0}';

/// A top-level compose `include:` entry with `env_file:` or `project_directory:`. Per the Compose
/// Specification (`include`), the included file's variables come from its `env_file:` entries, or, when
/// it has none, from the `.env` of its project directory (`project_directory:`, else the included file's
/// directory).
#[derive(Clone, Debug)]
pub struct IncludeFact {
    /// The included compose file (normalized disk path).
    pub file: PathBuf,
    /// Its `env_file:` entries, resolved against the including file's directory (normalized); those
    /// whose path is interpolated are left out.
    pub env_files: Vec<PathBuf>,
    /// `env_file:` is set (so the project directory's `.env` is not read).
    pub env_file_given: bool,
    /// Some `env_file:` path is interpolated: what it sets cannot be known.
    pub env_file_unknown: bool,
    /// `project_directory:`, resolved against the including file's directory (normalized), unless it is
    /// interpolated.
    pub project_dir: Option<PathBuf>,
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
    /// The compose file's directory on disk (normalized): where `.env`, `.env.example` and relative
    /// `env_file:` paths are looked up. `None` for stdin and git blobs.
    pub dir: Option<PathBuf>,
    /// `extends:`: the service it builds on (in `file`, or in this file when `None`).
    pub extends: Option<ExtendsFact>,
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
    /// Rule ids or names silenced by pragmas on the service's key line or for the whole file, each with
    /// the suppression its pragma stands for (where, and why).
    pub silenced: Vec<(String, Suppression)>,
}

/// A service's `extends:`.
#[derive(Clone, Debug)]
pub struct ExtendsFact {
    /// The other compose file (normalized disk path), or `None` for the same file.
    pub file: Option<PathBuf>,
    pub service: String,
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
    /// The build context it was linted with and what it copies out of it; `None` when it copies nothing
    /// from the context or the context is not on disk.
    pub context: Option<BuildContextFact>,
}

/// A Dockerfile's build context as the linter audited it (its directory, or a `# plimsoll context=`
/// pragma's), and the `COPY`/`ADD` instructions that take files from it.
#[derive(Clone, Debug)]
pub struct BuildContextFact {
    /// The context directory, normalized.
    pub dir: PathBuf,
    /// Its ignore file.
    pub ignore: IgnoreFact,
    pub copies: Vec<CopyFact>,
}

/// The ignore file of a build context.
#[derive(Clone, Debug)]
pub enum IgnoreFact {
    /// It could not be read: what ships is not known.
    Unknown,
    Missing,
    Found(Arc<dyn ContextIgnore>),
}

/// What an ignore file (`.dockerignore`) leaves out of a build context.
pub trait ContextIgnore: Send + Sync + std::fmt::Debug {
    /// Whether `rel` (`/`-separated, relative to the context root) is left out.
    fn excludes(&self, rel: &str) -> bool;
    /// Display path of the ignore file.
    fn path(&self) -> &str;
}

/// One `COPY`/`ADD` that takes files from the build context (not `--from`, not a URL).
#[derive(Clone, Debug)]
pub struct CopyFact {
    /// The instruction's region in the Dockerfile.
    pub span: Span,
    /// Its sources, variables expanded, relative to the context.
    pub sources: Vec<String>,
    /// It is in a stage that ends up in the final image (and not under `ONBUILD`).
    pub ships: bool,
    /// It copies the whole context (`COPY . …`).
    pub whole_context: bool,
    /// The instruction on one line (what its findings' fingerprints hash) and as printed (secrets masked).
    pub text: String,
    pub snippet: String,
    /// Ignore pragmas that silence a context rule on it: (rule id, 1-based pragma line, reason).
    pub silenced: Vec<(&'static str, u32, Option<String>)>,
}

/// What kind of env file an [`EnvFileFact`] is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EnvFileKind {
    /// `.env`, `.env.local`, `.env.production`: real values.
    Real,
    /// `.env.example`, `.env.sample`, `example.env`…: names, committed on purpose.
    Example,
    /// `db.env`, `app.env`: named like an env file; real values when compose `env_file:` loads it.
    Named,
}

/// An env file in a git work tree, or an example env file anywhere.
#[derive(Clone, Debug)]
pub struct EnvFileFact {
    /// Display path.
    pub path: String,
    /// Normalized disk path (what a compose `env_file:` resolves to).
    pub disk_path: PathBuf,
    pub kind: EnvFileKind,
    /// The git index tracks it.
    pub tracked: bool,
    /// It lies in a git work tree (outside one, it is simply part of the files given: nothing says it is
    /// local).
    pub in_work_tree: bool,
    /// The variable names it sets or documents (commented-out `# NAME=` lines included); empty for a
    /// tracked file that ignore rules hide from the walk (it is not read).
    pub names: Vec<String>,
}
