//! Test harness: a real PostgreSQL per test binary, a fresh database per test.
//!
//! Without `DATABASE_URL` it starts one throwaway cluster from the local server binaries (see
//! `actingweb_pg_testkit::throwaway`), which is stopped and deleted when the test process exits. With
//! `DATABASE_URL` (a role with CREATEDB) it uses that server. Either way a template database
//! holding `schema.sql` is made once, and every test gets its own database cloned from it, so
//! tests are isolated and run in parallel. Test databases on a `DATABASE_URL` server are dropped
//! when the test ends; the template (`awpg_tpl_<schema hash>`) is kept for the next run.
#![allow(dead_code)]

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};

use actingweb_pg::{Config, Store};
use actingweb_pg_testkit::throwaway::Cluster;
use tokio_postgres::NoTls;

pub const SCHEMA_SQL: &str = include_str!("../../schema.sql");

struct Server {
    /// URL of a maintenance database on the server.
    admin_url: String,
    /// Builds the URL of a database on the server.
    url_for: Box<dyn Fn(&str) -> String + Send + Sync>,
    template: String,
    external: bool,
}

fn server() -> &'static Server {
    static SERVER: OnceLock<Server> = OnceLock::new();
    SERVER.get_or_init(|| {
        // Blocking set-up on its own thread with its own runtime: tests call this from inside
        // their tokio runtimes.
        std::thread::spawn(start_server)
            .join()
            .expect("test server set-up panicked")
    })
}

fn start_server() -> Server {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let server = match std::env::var("DATABASE_URL") {
        Ok(url) if !url.is_empty() => {
            let base: tokio_postgres::Config = url.parse().expect("DATABASE_URL parses");
            Server {
                admin_url: url.clone(),
                url_for: Box::new(move |db| {
                    let mut config = base.clone();
                    config.dbname(db);
                    pg_config_url(&config)
                }),
                template: format!("awpg_tpl_{:016x}", fnv1a(SCHEMA_SQL)),
                external: true,
            }
        }
        _ => {
            let cluster = Cluster::start().expect("start a throwaway PostgreSQL cluster");
            let admin_url = cluster.url("postgres");
            let server_url = cluster.server_url();
            keep_until_exit(cluster);
            Server {
                admin_url,
                url_for: Box::new(move |db| format!("{server_url}/{db}")),
                template: "awpg_template".into(),
                external: false,
            }
        }
    };
    runtime.block_on(make_template(&server));
    server
}

/// Keeps the cluster running until the test process exits, then stops and deletes it before
/// the process is gone (statics are never dropped, so this uses `atexit`). Should the process
/// die without running exit handlers, the cluster's watchdog still cleans up.
fn keep_until_exit(cluster: Cluster) {
    static CLUSTER: std::sync::Mutex<Option<Cluster>> = std::sync::Mutex::new(None);
    extern "C" fn stop_cluster() {
        if let Ok(mut cluster) = CLUSTER.lock() {
            drop(cluster.take());
        }
    }
    unsafe extern "C" {
        fn atexit(callback: extern "C" fn()) -> std::ffi::c_int;
    }
    *CLUSTER.lock().unwrap() = Some(cluster);
    // SAFETY: registers a plain function with no arguments, as atexit(3) requires.
    let registered = unsafe { atexit(stop_cluster) };
    assert_eq!(registered, 0, "atexit registration failed");
}

/// Creates the template database with `schema.sql` unless it exists (serialised across
/// processes with an advisory lock).
async fn make_template(server: &Server) {
    let admin = connect(&server.admin_url).await;
    admin
        .execute("SELECT pg_advisory_lock(4242)", &[])
        .await
        .unwrap();
    let exists = admin
        .query_opt(
            "SELECT 1 FROM pg_database WHERE datname = $1",
            &[&server.template],
        )
        .await
        .unwrap()
        .is_some();
    if !exists {
        let building = format!("{}_building", server.template);
        admin
            .batch_execute(&format!("DROP DATABASE IF EXISTS {building}"))
            .await
            .unwrap();
        admin
            .batch_execute(&format!("CREATE DATABASE {building}"))
            .await
            .unwrap();
        {
            let db = connect(&(server.url_for)(&building)).await;
            db.batch_execute(SCHEMA_SQL)
                .await
                .expect("apply schema.sql");
        }
        admin
            .batch_execute(&format!(
                "ALTER DATABASE {building} RENAME TO {}",
                server.template
            ))
            .await
            .unwrap();
    }
    admin
        .execute("SELECT pg_advisory_unlock(4242)", &[])
        .await
        .unwrap();
}

pub async fn connect(url: &str) -> tokio_postgres::Client {
    let (client, connection) = tokio_postgres::connect(url, NoTls)
        .await
        .unwrap_or_else(|e| panic!("connect to {url}: {e}"));
    tokio::spawn(connection);
    client
}

/// A database of its own for one test, cloned from the template.
pub struct TestDb {
    pub name: String,
    pub url: String,
}

impl TestDb {
    /// A new database holding schema.sql and no rows.
    pub async fn new() -> TestDb {
        TestDb::cloned_from(&server().template).await
    }

    /// A new database holding nothing (no schema).
    pub async fn empty() -> TestDb {
        TestDb::cloned_from("template0").await
    }

    async fn cloned_from(template: &str) -> TestDb {
        let server = server();
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let name = format!(
            "awpg_t{}_{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        );
        let admin = connect(&server.admin_url).await;
        admin
            .batch_execute(&format!("CREATE DATABASE {name} TEMPLATE {template}"))
            .await
            .unwrap();
        TestDb {
            url: (server.url_for)(&name),
            name,
        }
    }

    /// The default configuration for this database.
    pub fn config(&self) -> Config {
        Config::from_url(&self.url).unwrap()
    }

    /// A store with the default configuration.
    pub async fn store(&self) -> Store {
        Store::connect(self.config()).await.unwrap()
    }

    /// A plain client, for checking rows behind the facade's back.
    pub async fn client(&self) -> tokio_postgres::Client {
        connect(&self.url).await
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let server = server();
        if !server.external {
            return; // the whole cluster is deleted when the test process exits
        }
        let admin_url = server.admin_url.clone();
        let name = self.name.clone();
        // Drop runs inside the test's runtime; do the blocking work on a thread of its own.
        let _ = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async {
                let admin = connect(&admin_url).await;
                let _ = admin
                    .batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .await;
            });
        })
        .join();
    }
}

/// A fresh database and a store on it with the default configuration.
pub async fn store() -> (TestDb, Store) {
    let db = TestDb::new().await;
    let store = db.store().await;
    (db, store)
}

/// Renders tokio-postgres settings as a URL (host, port, user, password, dbname).
fn pg_config_url(config: &tokio_postgres::Config) -> String {
    use tokio_postgres::config::Host;
    let mut parts = Vec::new();
    for host in config.get_hosts() {
        match host {
            Host::Tcp(h) => parts.push(format!("host={h}")),
            Host::Unix(p) => parts.push(format!("host={}", p.display())),
        }
    }
    if let Some(port) = config.get_ports().first() {
        parts.push(format!("port={port}"));
    }
    if let Some(user) = config.get_user() {
        parts.push(format!("user={user}"));
    }
    if let Some(password) = config.get_password() {
        parts.push(format!(
            "password='{}'",
            String::from_utf8_lossy(password)
                .replace('\\', "\\\\")
                .replace('\'', "\\'")
        ));
    }
    if let Some(db) = config.get_dbname() {
        parts.push(format!("dbname={db}"));
    }
    parts.join(" ")
}

fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf29ce484222325, |hash, b| {
        (hash ^ u64::from(b)).wrapping_mul(0x100000001b3)
    })
}

/// Asserts that `result` is an error of `kind` whose message contains `needle`.
#[track_caller]
pub fn assert_err<T: std::fmt::Debug>(
    result: actingweb_pg::Result<T>,
    kind: actingweb_pg::ErrorKind,
    needle: &str,
) {
    match result {
        Ok(v) => panic!("expected a {kind:?} error containing {needle:?}, got Ok({v:?})"),
        Err(e) => {
            assert_eq!(e.kind(), kind, "wrong kind for error: {e}");
            assert!(
                e.to_string().contains(needle),
                "error {e:?} does not contain {needle:?}"
            );
        }
    }
}

/// Columns with types and defaults, constraints, indexes and tables of `schema`, one line per
/// catalog entry, for comparing two schemas.
/// The catalog lines ([`catalog`]) of the two indexes schema.sql has beyond the reference's
/// head schema, in catalog order: `idx_attributes_id_bucket`, which finds one bucket of an
/// actor, and `idx_properties_name_value_prefix`, which finds the remaining holders of an
/// indexed value for the lookup hand-over (the reference's Alembic ignores extra indexes).
pub const CRATE_ONLY_CATALOG: &[&str] = &[
    "index idx_attributes_id_bucket CREATE INDEX idx_attributes_id_bucket ON attributes USING \
     btree (id, bucket)",
    "index idx_properties_name_value_prefix CREATE INDEX idx_properties_name_value_prefix ON \
     properties USING btree (\"left\"(name, 200), \"left\"(value, 200)) WHERE \
     (name !~~ 'list:%'::text)",
];

pub async fn catalog(
    client: &tokio_postgres::Client,
    schema: &str,
) -> std::collections::BTreeSet<String> {
    let queries = [
        "SELECT format('column %s.%s #%s %s(%s) nullable=%s default=%s', table_name, column_name,
                ordinal_position, data_type, character_maximum_length, is_nullable, column_default)
         FROM information_schema.columns WHERE table_schema = $1",
        "SELECT format('constraint %s %s %s', conrelid::regclass, conname,
                pg_get_constraintdef(oid))
         FROM pg_constraint WHERE connamespace = $1::text::regnamespace",
        "SELECT format('index %s %s', indexname,
                replace(indexdef, ' ' || quote_ident($1) || '.', ' '))
         FROM pg_indexes WHERE schemaname = $1",
        "SELECT format('table %s', tablename) FROM pg_tables WHERE schemaname = $1",
    ];
    // Name tables without their schema so that schemas of different names compare equal.
    client
        .batch_execute(&format!("SET search_path TO \"{schema}\""))
        .await
        .unwrap();
    let mut lines = std::collections::BTreeSet::new();
    for sql in queries {
        for row in client.query(sql, &[&schema]).await.unwrap() {
            lines.insert(row.get::<_, String>(0));
        }
    }
    lines
}
