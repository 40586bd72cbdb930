//! DC004: a database or cache port published on all host interfaces.

use super::{Context, Hit};
use crate::compose::model::resolved;

rule! {
    /// ## What it does
    /// Reports a published port whose container port is a database's or cache's (PostgreSQL 5432, MySQL
    /// and MariaDB 3306, MongoDB 27017, Redis 6379, Memcached 11211, Elasticsearch 9200/9300, CouchDB
    /// 5984, Cassandra 9042, SQL Server 1433, Oracle 1521, InfluxDB 8086, etcd 2379, CockroachDB 26257,
    /// Neo4j 7687, ClickHouse 9000…) when no host address or `0.0.0.0`/`::` is given. Host addresses from
    /// `${BIND:-127.0.0.1}` defaults count as written.
    ///
    /// ## Why is this bad?
    /// Without an address Docker listens on every interface of the host and inserts its own firewall
    /// rules, which bypass `ufw` and `firewalld`: the database is reachable from the network, often with
    /// the default password from the same file. Other containers reach it over the compose network
    /// without any published port.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   db:
    ///     image: postgres:17
    ///     ports: ["5432:5432"]
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   db:
    ///     image: postgres:17
    ///     ports: ["127.0.0.1:5432:5432"]   # or no ports at all
    /// ```
    ///
    /// ## References
    /// - <https://docs.docker.com/engine/network/packet-filtering-firewalls/>
    /// - <https://docs.docker.com/reference/compose-file/services/#ports>
    ///
    /// ## Differences from compose-lint
    /// On compose-real, CL-0005 reports every port published without a host address (708 ports); DC004 only
    /// the 56 whose container port is a database's or cache's, and all 56 are CL-0005 findings too. The rest
    /// are deliberate: a web port on all interfaces is usually the point of publishing it. DC003 (a note) covers
    /// hard-coded host ports.
    DatastorePortOnAllInterfaces {
        id: "DC004",
        name: "datastore-port-on-all-interfaces",
        severity: Warning,
        summary: "A database or cache port is published on all host interfaces.",
        twins: ["kics:container_traffic_not_bound_to_host_interface", "compose-lint:CL-0005"],
        cwe: ["CWE-668"],
        security_severity: 6.5,
        enabled: true,
    }
}

/// Container ports of databases and caches, with what usually listens there.
const DATASTORE_PORTS: &[(u16, &str)] = &[
    (1433, "SQL Server"),
    (1521, "Oracle"),
    (2379, "etcd"),
    (3306, "MySQL/MariaDB"),
    (5432, "PostgreSQL"),
    (5984, "CouchDB"),
    (6379, "Redis"),
    (7687, "Neo4j"),
    (8086, "InfluxDB"),
    (9000, "ClickHouse"),
    (9042, "Cassandra"),
    (9200, "Elasticsearch"),
    (9300, "Elasticsearch"),
    (11211, "Memcached"),
    (26257, "CockroachDB"),
    (27017, "MongoDB"),
    (28015, "RethinkDB"),
];

fn check(cx: &Context<'_>, out: &mut Vec<Hit>) {
    for s in &cx.file.services {
        for p in s.ports() {
            let Some(published) = p.published.as_deref() else {
                continue;
            };
            let Some(target) = resolved(&p.target) else { continue };
            let first = target.split(['-', '/']).next().unwrap_or("").trim();
            let Ok(port) = first.parse::<u16>() else { continue };
            let Some((_, what)) = DATASTORE_PORTS.iter().find(|(n, _)| *n == port) else {
                continue;
            };
            // ClickHouse's 9000 is also every other app's favourite port: only trust it for ClickHouse images.
            if port == 9000 && !s.image().is_some_and(|i| i.contains("clickhouse")) {
                continue;
            }
            let all = match p.host_ip.as_deref() {
                None => true,
                Some(ip) => match resolved(ip) {
                    Some(ip) => matches!(ip.trim(), "" | "0.0.0.0" | "::" | "[::]"),
                    None => false,
                },
            };
            if all {
                out.push(Hit::at(
                    s,
                    p.node,
                    format!(
                        "{what} port {port} is published on all host interfaces (Docker bypasses the host firewall); bind it to 127.0.0.1 or drop `ports:`"
                    ),
                    format!("{published}:{target}"),
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
                "DC004",
                "services:\n  db:\n    image: postgres:17\n    ports:\n      - \"5432:5432\"\n"
            ),
            [5]
        );
        catches("DC004", "services:\n  cache:\n    ports: [\"0.0.0.0:6380:6379\"]\n");
        catches("DC004", "services:\n  db:\n    ports: [\"${DB_PORT:-3306}:3306\"]\n");
        catches(
            "DC004",
            "services:\n  db:\n    ports:\n      - target: 27017\n        published: 27017\n",
        );
        catches(
            "DC004",
            "services:\n  ch:\n    image: clickhouse/clickhouse-server:24\n    ports: [\"9000:9000\"]\n",
        );
        passes("DC004", "services:\n  db:\n    ports: [\"127.0.0.1:5432:5432\"]\n");
        passes(
            "DC004",
            "services:\n  db:\n    ports: [\"${BIND:-127.0.0.1}:5432:5432\"]\n",
        );
        passes("DC004", "services:\n  db:\n    ports: [\"5432\"]\n");
        passes("DC004", "services:\n  web:\n    ports: [\"8080:80\"]\n");
        passes(
            "DC004",
            "services:\n  minio:\n    image: minio/minio\n    ports: [\"9000:9000\"]\n",
        );
        passes(
            "DC004",
            "services:\n  db:\n    ports:\n      - target: 5432\n        published: 5432\n        host_ip: 127.0.0.1\n",
        );
    }
}
