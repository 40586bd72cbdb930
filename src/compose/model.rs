//! A typed view of a compose file over its positioned YAML tree: services and the fields rules read, each
//! in every form the Compose Specification (and the old v2/v3 layouts) allow — `environment` and
//! `build.args` as a list or a mapping, `build` as a string or a mapping, short and long `ports` and
//! `volumes`, `depends_on` as a list or a mapping, `env_file` as a string, a list or mappings. Nothing is
//! interpolated; values keep their `${…}` text and their position.

use super::interp::Template;
use super::yaml::{Node, Pos, Value};

/// A compose file: the root mapping and its services (v1 files, without `services:`, have services at
/// the top level).
pub struct ComposeFile<'a> {
    pub root: &'a Node,
    pub services: Vec<Service<'a>>,
}

/// Top-level keys of the Compose Specification (and `version`); a v1 file has none of them.
const TOP_LEVEL_KEYS: &[&str] = &[
    "version", "services", "networks", "volumes", "secrets", "configs", "include", "name", "models",
];

impl<'a> ComposeFile<'a> {
    /// Reads the services of a document; `None` if the root is not a mapping.
    pub fn new(root: &'a Node) -> Option<ComposeFile<'a>> {
        let entries = root.as_map()?;
        let services_node = match root.get("services") {
            Some(s) => Some(s),
            // Version 1: every top-level key that is not an extension is a service.
            None if entries.iter().all(|e| {
                e.key.as_str().is_some_and(|k| !TOP_LEVEL_KEYS.contains(&k)) && e.value.as_map().is_some()
            }) && !entries.is_empty()
                && entries
                    .iter()
                    .any(|e| e.value.get("image").is_some() || e.value.get("build").is_some()) =>
            {
                Some(root)
            }
            None => None,
        };
        let services = services_node
            .and_then(Node::as_map)
            .unwrap_or_default()
            .iter()
            .filter_map(|e| {
                let name = e.key.as_str()?;
                if name.starts_with("x-") {
                    return None;
                }
                Some(Service {
                    name,
                    key: &e.key,
                    node: &e.value,
                })
            })
            .collect();
        Some(ComposeFile { root, services })
    }

    /// The files of the top-level `include:` (strings, or mappings with `path:` as a string or a list),
    /// each with the node it is written at.
    pub fn includes(&self) -> Vec<(&'a str, &'a Node)> {
        let Some(items) = self.root.get("include").and_then(Node::as_seq) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for i in items {
            if let Some(s) = i.as_str() {
                out.push((s, i));
            } else if let Some(p) = i.get("path") {
                match (p.as_str(), p.as_seq()) {
                    (Some(s), _) => out.push((s, p)),
                    (None, Some(seq)) => out.extend(seq.iter().filter_map(|n| Some((n.as_str()?, n)))),
                    _ => {}
                }
            }
        }
        out
    }

    /// The mapping items of the top-level `include:` that set `project_directory:` or `env_file:` (a
    /// string or a list; an item `{path, required}` is accepted too), with the files each includes.
    pub fn include_options(&self) -> Vec<IncludeOptions<'a>> {
        let Some(items) = self.root.get("include").and_then(Node::as_seq) else {
            return Vec::new();
        };
        let strings = |n: &'a Node| -> Vec<&'a str> {
            match (n.as_str(), n.as_seq()) {
                (Some(s), _) => vec![s],
                (None, Some(seq)) => seq.iter().filter_map(Node::as_str).collect(),
                _ => Vec::new(),
            }
        };
        let env_files = |n: &'a Node| -> Vec<IncludeEnvFile<'a>> {
            let one = |n: &'a Node| -> Option<IncludeEnvFile<'a>> {
                if let Some(path) = n.as_str() {
                    return Some(IncludeEnvFile {
                        path,
                        node: n,
                        required: true,
                    });
                }
                let p = n.get("path")?;
                Some(IncludeEnvFile {
                    path: p.as_str()?,
                    node: p,
                    required: n.get("required").is_none_or(|r| r.as_str() != Some("false")),
                })
            };
            match n.as_seq() {
                Some(seq) => seq.iter().filter_map(one).collect(),
                None => one(n).into_iter().collect(),
            }
        };
        items
            .iter()
            .filter_map(|i| {
                let paths = strings(i.get("path")?);
                let project_directory = i.get("project_directory").and_then(|n| Some((n.as_str()?, n)));
                let env_files = i.get("env_file").map(env_files).unwrap_or_default();
                (!paths.is_empty() && (project_directory.is_some() || !env_files.is_empty())).then_some(
                    IncludeOptions {
                        paths,
                        project_directory,
                        env_files,
                    },
                )
            })
            .collect()
    }

    pub fn service(&self, name: &str) -> Option<&Service<'a>> {
        self.services.iter().find(|s| s.name == name)
    }
}

/// What one long-form `include:` item says besides its files.
pub struct IncludeOptions<'a> {
    /// `path:`, as written.
    pub paths: Vec<&'a str>,
    /// `project_directory:`, as written, and where.
    pub project_directory: Option<(&'a str, &'a Node)>,
    pub env_files: Vec<IncludeEnvFile<'a>>,
}

/// One `env_file:` of an `include:` item.
pub struct IncludeEnvFile<'a> {
    pub path: &'a str,
    pub node: &'a Node,
    /// Compose fails when the file is missing (every plain entry; `required: false` in the long form).
    pub required: bool,
}

/// One service.
pub struct Service<'a> {
    pub name: &'a str,
    /// The service's name key (where service-level findings point).
    pub key: &'a Node,
    pub node: &'a Node,
}

/// A region of the file a finding points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    pub start: Pos,
    pub end: Pos,
}

impl Region {
    pub fn of(node: &Node) -> Region {
        Region {
            start: node.start,
            end: node.end,
        }
    }

    /// From the start of `a` to the end of `b`.
    pub fn span(a: &Node, b: &Node) -> Region {
        Region {
            start: a.start,
            end: b.end.max(a.end),
        }
    }
}

/// A variable set in `environment` or `build.args`.
pub struct Variable<'a> {
    pub name: String,
    /// The value text (`None`: no value, the variable is passed through from the environment).
    pub value: Option<String>,
    /// Where the value is written (the whole `NAME=value` item in the list form).
    pub value_node: Option<&'a Node>,
    /// The key (mapping form) or the item (list form).
    pub key_node: &'a Node,
}

impl Variable<'_> {
    /// Region from the name to the end of the value.
    pub fn region(&self) -> Region {
        match self.value_node {
            Some(v) => Region::span(self.key_node, v),
            None => Region::of(self.key_node),
        }
    }
}

/// `environment` / `build.args` in list (`- NAME=value`) or mapping (`NAME: value`) form.
pub fn variables(node: &Node) -> Vec<Variable<'_>> {
    match &node.value {
        Value::Map(entries) => entries
            .iter()
            .filter_map(|e| {
                let name = e.key.as_str()?.to_string();
                let value = if e.value.is_null() {
                    None
                } else {
                    e.value.as_str().map(str::to_string)
                };
                Some(Variable {
                    name,
                    value,
                    value_node: (!e.value.is_null()).then_some(&e.value),
                    key_node: &e.key,
                })
            })
            .collect(),
        Value::Seq(items) => items
            .iter()
            .filter_map(|item| {
                let s = item.as_str()?;
                let (name, value) = match s.split_once('=') {
                    Some((n, v)) => (n, Some(v.to_string())),
                    None => (s, None),
                };
                Some(Variable {
                    name: name.trim().to_string(),
                    value,
                    value_node: s.contains('=').then_some(item),
                    key_node: item,
                })
            })
            .collect(),
        Value::Scalar(..) => Vec::new(),
    }
}

/// A service's `build`.
pub struct Build<'a> {
    /// `build:` key.
    pub key: &'a Node,
    /// The context as written (`.` when only `dockerfile` is given).
    pub context: String,
    pub dockerfile: Option<String>,
    /// An inline Dockerfile (`dockerfile_inline`): there is no file to read.
    pub inline: bool,
    pub args: Vec<Variable<'a>>,
}

/// A published port.
pub struct Port<'a> {
    pub node: &'a Node,
    /// Host address as written (`None`: all interfaces).
    pub host_ip: Option<String>,
    /// Host port as written (`None`: none published, or a random one).
    pub published: Option<String>,
    /// Container port (or range) as written.
    pub target: String,
}

/// A mounted volume.
pub struct Mount<'a> {
    pub node: &'a Node,
    /// Source as written: a host path, a named volume, or nothing (anonymous).
    pub source: Option<String>,
    pub target: Option<String>,
    pub read_only: bool,
    /// `type: bind` (long form), or a path-like source (short form).
    pub bind: bool,
}

/// One `depends_on` entry.
pub struct Dependency<'a> {
    pub name: &'a str,
    pub node: &'a Node,
    /// `condition:` (long form only).
    pub condition: Option<&'a str>,
}

/// A service's health check decision.
pub enum Health<'a> {
    /// A `healthcheck:` with a test.
    Defined(&'a Node),
    /// `disable: true` or `test: ["NONE"]`: a decision not to check.
    Disabled(&'a Node),
    /// `healthcheck:` with no test: it inherits the image's HEALTHCHECK (and may change its timing).
    Inherited(&'a Node),
    None,
}

impl<'a> Service<'a> {
    pub fn get(&self, key: &str) -> Option<&'a Node> {
        self.node.get(key)
    }

    pub fn entry(&self, key: &str) -> Option<&'a super::yaml::Entry> {
        self.node.entry(key)
    }

    /// `image:` text.
    pub fn image(&self) -> Option<&'a str> {
        self.get("image").and_then(Node::as_str)
    }

    pub fn environment(&self) -> Vec<Variable<'a>> {
        self.get("environment").map(variables).unwrap_or_default()
    }

    pub fn build(&self) -> Option<Build<'a>> {
        let e = self.entry("build")?;
        match &e.value.value {
            Value::Scalar(s, ..) => Some(Build {
                key: &e.key,
                context: s.clone(),
                dockerfile: None,
                inline: false,
                args: Vec::new(),
            }),
            Value::Map(_) => Some(Build {
                key: &e.key,
                context: e.value.get("context").and_then(Node::as_str).unwrap_or(".").to_string(),
                dockerfile: e.value.get("dockerfile").and_then(Node::as_str).map(str::to_string),
                inline: e.value.get("dockerfile_inline").is_some(),
                args: e.value.get("args").map(variables).unwrap_or_default(),
            }),
            Value::Seq(_) => None,
        }
    }

    pub fn ports(&self) -> Vec<Port<'a>> {
        let Some(items) = self.get("ports").and_then(Node::as_seq) else {
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|item| match &item.value {
                Value::Scalar(s, ..) => Some(short_port(item, s)),
                Value::Map(_) => Some(Port {
                    node: item,
                    host_ip: item.get("host_ip").and_then(Node::as_str).map(str::to_string),
                    published: item.get("published").and_then(Node::as_str).map(str::to_string),
                    target: item.get("target").and_then(Node::as_str).unwrap_or("").to_string(),
                }),
                Value::Seq(_) => None,
            })
            .collect()
    }

    pub fn volumes(&self) -> Vec<Mount<'a>> {
        let Some(items) = self.get("volumes").and_then(Node::as_seq) else {
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|item| match &item.value {
                Value::Scalar(s, ..) => Some(short_volume(item, s)),
                Value::Map(_) => {
                    let kind = item.get("type").and_then(Node::as_str).unwrap_or("volume");
                    let source = item.get("source").and_then(Node::as_str).map(str::to_string);
                    Some(Mount {
                        node: item,
                        bind: kind == "bind" || source.as_deref().is_some_and(is_path_like),
                        source,
                        target: item.get("target").and_then(Node::as_str).map(str::to_string),
                        read_only: item.get("read_only").is_some_and(Node::is_true),
                    })
                }
                Value::Seq(_) => None,
            })
            .collect()
    }

    pub fn depends_on(&self) -> Vec<Dependency<'a>> {
        let Some(node) = self.get("depends_on") else {
            return Vec::new();
        };
        match &node.value {
            Value::Seq(items) => items
                .iter()
                .filter_map(|i| {
                    Some(Dependency {
                        name: i.as_str()?,
                        node: i,
                        condition: None,
                    })
                })
                .collect(),
            Value::Map(entries) => entries
                .iter()
                .filter_map(|e| {
                    Some(Dependency {
                        name: e.key.as_str()?,
                        node: &e.key,
                        condition: e.value.get("condition").and_then(Node::as_str),
                    })
                })
                .collect(),
            Value::Scalar(..) => Vec::new(),
        }
    }

    pub fn health(&self) -> Health<'a> {
        let Some(e) = self.entry("healthcheck") else {
            return Health::None;
        };
        let hc = &e.value;
        if hc.get("disable").is_some_and(Node::is_true) {
            return Health::Disabled(&e.key);
        }
        match hc.get("test") {
            Some(t) => {
                let first = match &t.value {
                    Value::Seq(items) => items.first().and_then(Node::as_str),
                    Value::Scalar(s, ..) => Some(s.as_str()),
                    Value::Map(_) => None,
                };
                if first == Some("NONE") {
                    Health::Disabled(&e.key)
                } else {
                    Health::Defined(&e.key)
                }
            }
            None => Health::Inherited(&e.key),
        }
    }

    /// `env_file` paths (string, list of strings, or list of `{path, required}`), with where each is written.
    pub fn env_files(&self) -> Vec<(String, &'a Node)> {
        let Some(node) = self.get("env_file") else {
            return Vec::new();
        };
        match &node.value {
            Value::Scalar(s, ..) => vec![(s.clone(), node)],
            Value::Seq(items) => items
                .iter()
                .filter_map(|i| match &i.value {
                    Value::Scalar(s, ..) => Some((s.clone(), i)),
                    Value::Map(_) => i.get("path").and_then(Node::as_str).map(|p| (p.to_string(), i)),
                    Value::Seq(_) => None,
                })
                .collect(),
            Value::Map(_) => Vec::new(),
        }
    }

    /// `extends:` as `(file, service, node)`: `extends: web` (same file) or `{service: web, file: base.yml}`.
    pub fn extends(&self) -> Option<(Option<(&'a str, &'a Node)>, &'a str)> {
        let node = self.get("extends")?;
        if let Some(s) = node.as_str() {
            return Some((None, s));
        }
        let service = node.get("service")?.as_str()?;
        let file = node.get("file").and_then(|f| Some((f.as_str()?, f)));
        Some((file, service))
    }

    /// Strings of a list-valued key (`cap_add`, `security_opt`, `profiles`).
    pub fn strings(&self, key: &str) -> Vec<(&'a str, &'a Node)> {
        match self.get(key).map(|n| &n.value) {
            Some(Value::Seq(items)) => items.iter().filter_map(|i| Some((i.as_str()?, i))).collect(),
            _ => Vec::new(),
        }
    }

    /// A one-shot job rather than a long-running service: something waits for it to complete, or it is
    /// told not to restart after failing or finishing.
    pub fn is_one_shot(&self, file: &ComposeFile<'_>) -> bool {
        let waited_for = file.services.iter().any(|s| {
            s.depends_on()
                .iter()
                .any(|d| d.name == self.name && d.condition == Some("service_completed_successfully"))
        });
        let restart = self.get("restart").and_then(Node::as_str);
        let policy = self
            .get("deploy")
            .and_then(|d| d.get("restart_policy"))
            .and_then(|p| p.get("condition"))
            .and_then(Node::as_str);
        waited_for
            || matches!(restart, Some(r) if r == "no" || r.starts_with("on-failure"))
            || matches!(policy, Some("none" | "on-failure"))
    }
}

/// Whether a volume source is a host path rather than a named volume.
pub fn is_path_like(s: &str) -> bool {
    s.starts_with('/')
        || s.starts_with('.')
        || s.starts_with('~')
        || s.starts_with('$')
        || s.starts_with('\\')
        || (s.len() >= 2 && s.as_bytes()[1] == b':' && s.as_bytes()[0].is_ascii_alphabetic())
}

/// Splits at `sep` outside `${…}`.
fn split_outside_braces(s: &str, sep: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    let mut prev = '\0';
    for (i, c) in s.char_indices() {
        match c {
            '{' if prev == '$' => depth += 1,
            '}' if depth > 0 => depth -= 1,
            c if c == sep && depth == 0 => {
                parts.push(&s[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
        prev = c;
    }
    parts.push(&s[start..]);
    parts
}

/// `[HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]`, IPv6 host addresses in brackets.
fn short_port<'a>(node: &'a Node, s: &str) -> Port<'a> {
    let s = s.trim();
    let (spec, _proto) = match s.rsplit_once('/') {
        Some((a, p)) if !p.contains(':') && !p.contains('}') => (a, Some(p)),
        _ => (s, None),
    };
    let (host_ip, rest) = match spec.strip_prefix('[') {
        Some(r) => match r.split_once("]:") {
            Some((ip, rest)) => (Some(ip.to_string()), rest),
            None => (None, spec),
        },
        None => (None, spec),
    };
    let parts = split_outside_braces(rest, ':');
    let (ip, published, target) = match parts.as_slice() {
        [t] => (None, None, *t),
        [p, t] => (None, Some(*p), *t),
        [ip, p, t] => (Some(ip.to_string()), Some(*p), *t),
        // An unbracketed IPv6 address: the last two parts are the ports.
        [.., p, t] => (Some(parts[..parts.len() - 2].join(":")), Some(*p), *t),
        [] => (None, None, ""),
    };
    Port {
        node,
        host_ip: host_ip.or(ip),
        published: published.filter(|p| !p.is_empty()).map(str::to_string),
        target: target.to_string(),
    }
}

/// `[SOURCE:]TARGET[:MODE]`.
fn short_volume<'a>(node: &'a Node, s: &str) -> Mount<'a> {
    let parts = split_outside_braces(s.trim(), ':');
    // A Windows drive letter (`C:\data:/data`) splits into an extra part.
    let parts: Vec<String> = if parts.len() >= 2 && parts[0].len() == 1 && parts[1].starts_with('\\') {
        let mut v = vec![format!("{}:{}", parts[0], parts[1])];
        v.extend(parts[2..].iter().map(|p| p.to_string()));
        v
    } else {
        parts.iter().map(|p| p.to_string()).collect()
    };
    let (source, target, mode) = match parts.as_slice() {
        [t] => (None, Some(t.clone()), None),
        [s, t] => (Some(s.clone()), Some(t.clone()), None),
        [s, t, m, ..] => (Some(s.clone()), Some(t.clone()), Some(m.clone())),
        [] => (None, None, None),
    };
    Mount {
        node,
        bind: source.as_deref().is_some_and(is_path_like),
        read_only: mode
            .as_deref()
            .is_some_and(|m| m.split(',').any(|o| o == "ro" || o == "readonly")),
        source,
        target,
    }
}

/// The value with defaults applied, or the literal text; `None` when a variable without a default
/// decides it.
pub fn resolved(s: &str) -> Option<String> {
    Template::parse(s).with_defaults()
}

#[cfg(test)]
mod tests {
    use super::super::yaml::parse;
    use super::*;

    fn with_service<R>(yaml: &str, f: impl FnOnce(&Service<'_>) -> R) -> R {
        let docs = parse(yaml).unwrap();
        let file = ComposeFile::new(&docs[0]).unwrap();
        f(&file.services[0])
    }

    #[test]
    fn ports_short_and_long() {
        let yaml = "services:\n  a:\n    ports:\n      - 80\n      - \"8080:80\"\n      - 127.0.0.1:5432:5432\n      - \"[::1]:6379:6379/tcp\"\n      - \"${PORT:-3000}:3000\"\n      - target: 9200\n        published: 9200\n        host_ip: 0.0.0.0\n";
        with_service(yaml, |s| {
            let p = s.ports();
            assert_eq!(p.len(), 6);
            assert_eq!((p[0].published.as_deref(), p[0].target.as_str()), (None, "80"));
            assert_eq!((p[1].published.as_deref(), p[1].target.as_str()), (Some("8080"), "80"));
            assert_eq!(p[2].host_ip.as_deref(), Some("127.0.0.1"));
            assert_eq!(p[3].host_ip.as_deref(), Some("::1"));
            assert_eq!(p[3].target, "6379");
            assert_eq!(p[4].published.as_deref(), Some("${PORT:-3000}"));
            assert_eq!(p[5].host_ip.as_deref(), Some("0.0.0.0"));
            assert_eq!(p[5].target, "9200");
        });
    }

    #[test]
    fn volumes_short_and_long() {
        let yaml = "services:\n  a:\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n      - data:/data\n      - ./src:/src\n      - /cache\n      - type: bind\n        source: /etc\n        target: /host-etc\n        read_only: true\n";
        with_service(yaml, |s| {
            let v = s.volumes();
            assert!(v[0].bind && v[0].read_only);
            assert!(!v[1].bind);
            assert!(v[2].bind && !v[2].read_only);
            assert!(v[3].source.is_none());
            assert!(v[4].bind && v[4].read_only);
            assert_eq!(v[4].source.as_deref(), Some("/etc"));
        });
    }

    #[test]
    fn environment_list_and_map() {
        with_service("services:\n  a:\n    environment:\n      - A=1\n      - B\n", |s| {
            let e = s.environment();
            assert_eq!(e[0].name, "A");
            assert_eq!(e[0].value.as_deref(), Some("1"));
            assert!(e[1].value.is_none());
        });
        with_service("services:\n  a:\n    environment:\n      A: 1\n      B:\n", |s| {
            let e = s.environment();
            assert_eq!(e[0].value.as_deref(), Some("1"));
            assert!(e[1].value.is_none());
        });
    }

    #[test]
    fn build_forms_and_depends_on() {
        with_service("services:\n  a:\n    build: ./app\n    depends_on: [db]\n", |s| {
            assert_eq!(s.build().unwrap().context, "./app");
            assert_eq!(s.depends_on()[0].name, "db");
        });
        with_service(
            "services:\n  a:\n    build:\n      context: api\n      dockerfile: Dockerfile.prod\n      args:\n        - V=1\n    depends_on:\n      db:\n        condition: service_healthy\n",
            |s| {
                let b = s.build().unwrap();
                assert_eq!(
                    (b.context.as_str(), b.dockerfile.as_deref()),
                    ("api", Some("Dockerfile.prod"))
                );
                assert_eq!(b.args[0].name, "V");
                assert_eq!(s.depends_on()[0].condition, Some("service_healthy"));
            },
        );
    }

    #[test]
    fn version_one_files_have_services_at_the_top() {
        let docs = parse("web:\n  image: nginx\ndb:\n  image: postgres\n").unwrap();
        assert_eq!(ComposeFile::new(&docs[0]).unwrap().services.len(), 2);
        let docs = parse("x-common: {a: 1}\nfoo: {b: 2}\n").unwrap();
        assert_eq!(ComposeFile::new(&docs[0]).unwrap().services.len(), 0);
    }
}
