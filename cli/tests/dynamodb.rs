//! `import-dynamodb` and `validate-dynamodb` against a real DynamoDB-compatible server: moto's
//! server mode, started by each test on 127.0.0.1 from the virtualenv `target/dynamodb-venv`
//! (made once under a file lock from `interop/requirements-dynamodb.txt`). The tables are
//! filled by the Python reference's own DynamoDB backend (`interop/dynamodb.py`); after the
//! migration the reference's PostgreSQL backend (`interop/reference.py`) and the crate read
//! the migrated database, and must read what the DynamoDB backend reads. Each test uses its
//! own `AWS_DB_PREFIX`, server and database. The throughput measurement runs against dynalite
//! by default (npm, installed once into `target/dynalite`), whose scans are not quadratic.

#![cfg(feature = "dynamodb")]

#[path = "../../tests/common/mod.rs"]
mod common;

use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use actingweb_pg_testkit::{files, python};
use common::TestDb;
use serde_json::{Value, json};

fn workspace() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap()
}

// ---------------------------------------------------------------------------------------------
// The virtualenv and the server

/// The target directory (CARGO_TARGET_TMPDIR is <target dir>/tmp, also under a custom
/// CARGO_TARGET_DIR).
fn target() -> &'static Path {
    Path::new(env!("CARGO_TARGET_TMPDIR")).parent().unwrap()
}

/// The virtualenv's python: made (or reused) once per test process.
fn python() -> &'static Path {
    static VENV: OnceLock<PathBuf> = OnceLock::new();
    VENV.get_or_init(|| {
        let requirements = workspace().join("interop/requirements-dynamodb.txt");
        python::venv(&target().join("dynamodb-venv"), &requirements, |python| {
            files::run_step(
                "import the DynamoDB backend and moto",
                Command::new(python).args(["-c", "import actingweb.db.dynamodb, moto.server"]),
            )
        })
        .unwrap_or_else(|e| panic!("{e}"))
    })
}

/// The npm package of dynalite, installed into `target/dynalite`.
const DYNALITE: &str = "dynalite@4.0.0";

/// dynalite's command: installed (or reused) once per test process.
fn dynalite() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let dir = target().join("dynalite");
        let bin = dir.join("node_modules/.bin/dynalite");
        let install = || {
            let mut npm = Command::new("npm");
            npm.args([
                "install",
                "--no-audit",
                "--no-fund",
                "--no-save",
                "--prefix",
            ])
            .arg(&dir)
            .arg(DYNALITE);
            files::run_step(&format!("npm install {DYNALITE}"), &mut npm)
        };
        let ready = || match bin.exists() {
            true => Ok(()),
            false => Err(format!("{} is missing", bin.display())),
        };
        files::install_once(&dir, DYNALITE, install, ready).unwrap_or_else(|e| panic!("{e}"));
        bin
    })
}

/// A DynamoDB-compatible server the tests start.
#[derive(Clone, Copy, Debug)]
enum Server {
    /// moto's server mode (`moto_server`, from the virtualenv): every test.
    Moto,
    /// dynalite (npm), in memory: the throughput measurement's default, as moto filters the
    /// whole table for every page it returns.
    Dynalite,
}

impl Server {
    /// The server named by the environment variable `var` (`moto` or `dynalite`), else
    /// `default`.
    fn from_env(var: &str, default: Server) -> Server {
        match std::env::var(var).as_deref() {
            Err(_) | Ok("") => default,
            Ok("moto") => Server::Moto,
            Ok("dynalite") => Server::Dynalite,
            Ok(other) => panic!("{var}={other:?}: expected moto or dynalite"),
        }
    }

    /// The command that serves on 127.0.0.1:`port`.
    fn command(self, port: u16) -> Command {
        let port = port.to_string();
        match self {
            Server::Moto => {
                let mut moto = Command::new(python().with_file_name("moto_server"));
                moto.args(["-H", "127.0.0.1", "-p", &port]);
                moto
            }
            Server::Dynalite => {
                let mut dynalite = Command::new(dynalite());
                dynalite.args(["--host", "127.0.0.1", "--port", &port]);
                dynalite
            }
        }
    }
}

/// A DynamoDB-compatible server on 127.0.0.1, stopped when dropped, and the table prefix of
/// one test.
struct Dynamo {
    child: Child,
    url: String,
    prefix: String,
}

impl Dynamo {
    /// A moto server.
    fn start(prefix: &str) -> Dynamo {
        Dynamo::start_on(Server::Moto, prefix)
    }

    fn start_on(server: Server, prefix: &str) -> Dynamo {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = server
            .command(port)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("start {server:?}: {e}"));
        let dynamo = Dynamo {
            child,
            url: format!("http://127.0.0.1:{port}"),
            prefix: prefix.into(),
        };
        let deadline = Instant::now() + Duration::from_secs(60);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "{server:?} did not listen");
            std::thread::sleep(Duration::from_millis(100));
        }
        dynamo
    }

    /// The reference's DynamoDB settings for this server and prefix, with test credentials.
    fn env(&self) -> Vec<(&'static str, String)> {
        vec![
            ("AWS_DB_HOST", self.url.clone()),
            ("AWS_DB_PREFIX", self.prefix.clone()),
            ("AWS_DEFAULT_REGION", "us-east-1".into()),
            ("AWS_ACCESS_KEY_ID", "testing".into()),
            ("AWS_SECRET_ACCESS_KEY", "testing".into()),
            ("AWS_EC2_METADATA_DISABLED", "true".into()),
        ]
    }

    /// Runs `interop/dynamodb.py ARGS` with `stdin`; returns the JSON it prints.
    fn python(&self, args: &[&str], stdin: &Value) -> Value {
        script("interop/dynamodb.py", &self.env(), args, stdin)
    }

    /// Runs the command line with this source and `db`.
    fn cli(&self, db: &TestDb, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_actingweb-pg"))
            .args(args)
            .env("DATABASE_URL", &db.url)
            .envs(self.env())
            .env_remove("PG_DB_PREFIX")
            .env_remove("PG_DB_SCHEMA")
            .env_remove("INDEXED_PROPERTIES")
            .env_remove("USE_PROPERTY_LOOKUP_TABLE")
            .output()
            .unwrap()
    }
}

impl Drop for Dynamo {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs a python script of `interop/` with only `env` configuring the reference.
fn script(path: &str, env: &[(&str, String)], args: &[&str], stdin: &Value) -> Value {
    let mut command = Command::new(python());
    command
        .arg(workspace().join(path))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (key, _) in std::env::vars() {
        if key.starts_with("PG") || key.starts_with("AWS_") || key == "INDEXED_PROPERTIES" {
            command.env_remove(key);
        }
    }
    command.envs(env.iter().map(|(k, v)| (*k, v)));
    let mut child = command.spawn().unwrap();
    let _ = child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.to_string().as_bytes());
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{path} {args:?} failed ({}):\n{stdout}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("{path} printed no JSON ({e}): {stdout}"))
}

/// Runs `interop/reference.py ARGS` (the reference's PostgreSQL backend) against `db`.
fn postgres_reference(db: &TestDb, args: &[&str]) -> Value {
    use tokio_postgres::config::Host;
    let config: tokio_postgres::Config = db.url.parse().unwrap();
    let host = match &config.get_hosts()[0] {
        Host::Tcp(host) => host.clone(),
        Host::Unix(dir) => dir.display().to_string(),
    };
    let mut env = vec![
        ("DATABASE_BACKEND", "postgresql".to_string()),
        ("PG_DB_HOST", host),
        ("PG_DB_PORT", config.get_ports()[0].to_string()),
        ("PG_DB_NAME", config.get_dbname().unwrap().into()),
        ("PG_DB_USER", config.get_user().unwrap().into()),
    ];
    if let Some(password) = config.get_password().filter(|p| !p.is_empty()) {
        env.push((
            "PG_DB_PASSWORD",
            String::from_utf8(password.to_vec()).unwrap(),
        ));
    }
    script("interop/reference.py", &env, args, &Value::Null)
}

/// stdout of a successful run.
fn success(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}: {}{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// The report of an import: `text` without its last line, `read <rows> rows in <timing>`.
fn without_timing(text: &str, prefix: &str) -> String {
    let at = text
        .rfind(prefix)
        .unwrap_or_else(|| panic!("no {prefix:?} in:\n{text}"));
    assert!(text.ends_with(" rows/s)\n"), "{text}");
    text[..at].to_string()
}

/// The paths at which the reads of the PostgreSQL backend `a` and of the DynamoDB backend `b`
/// differ, with both values (shortened). Two differences of representation between the
/// backends are not differences of data: the PostgreSQL backend reads `timestamp` columns as
/// naive UTC datetimes where the DynamoDB backend reads aware UTC ones (`...123456` for
/// `...123456+00:00`), and its trust list leaves out a `None` that the DynamoDB backend's
/// lists as `null` (the same for `dict.get`).
fn differences(a: &Value, b: &Value) -> Vec<String> {
    fn walk(a: &Value, b: &Value, path: String, out: &mut Vec<String>) {
        match (a, b) {
            (Value::Object(x), Value::Object(y)) => {
                let keys: std::collections::BTreeSet<&String> = x.keys().chain(y.keys()).collect();
                for k in keys {
                    let (l, r) = (
                        x.get(k).unwrap_or(&Value::Null),
                        y.get(k).unwrap_or(&Value::Null),
                    );
                    if x.contains_key(k) != y.contains_key(k) && !(l.is_null() && r.is_null()) {
                        out.push(format!(
                            "{path}/{k}: only on the {} side",
                            if x.contains_key(k) { "left" } else { "right" }
                        ));
                    } else {
                        walk(l, r, format!("{path}/{k}"), out);
                    }
                }
            }
            (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
                for (i, (l, r)) in x.iter().zip(y).enumerate() {
                    walk(l, r, format!("{path}/{i}"), out);
                }
            }
            (Value::String(naive), Value::String(aware))
                if aware.strip_suffix("+00:00") == Some(naive.as_str()) => {}
            _ if a != b => {
                let short = |v: &Value| v.to_string().chars().take(120).collect::<String>();
                out.push(format!("{path}: {} != {}", short(a), short(b)));
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(a, b, String::new(), &mut out);
    out
}

async fn count(db: &TestDb, table: &str) -> i64 {
    let client = db.client().await;
    let row = client
        .query_one(&format!("SELECT count(*) FROM {table}"), &[])
        .await
        .unwrap();
    row.get(0)
}

// ---------------------------------------------------------------------------------------------
// The data set

const ACTORS: [&str; 2] = ["dyn-actor-1", "dyn-actor-ü"];

/// One of every entity for `actor` (reference.py's write-all document), with unicode, a value
/// of 100 000 characters, TTL'd attributes and indexed properties (lookup rows).
fn dataset(n: usize) -> Value {
    let large = "ø🎉x".repeat(100_000 / 3);
    json!({
        "actor": {"creator": format!("Owner{n}@Example.COM"), "passphrase": "pässphrase \"q\" 🎉"},
        "properties": [
            ["email", format!("owner{n}@example.com")],
            ["oauthId", format!("oauth|{n}")],
            ["displayName", "Ørjan \"the\" 🎉 \u{1F600}"],
            ["settings", {"theme": "dark", "langs": ["en", "nø"], "zoom": 1.5, "beta": false}],
            ["large", large],
            ["list:notes-#1", "first"],
        ],
        "trusts": [
            {"peerid": "peer-1", "baseuri": "https://peer.example/1", "peer_type": "urn:actingweb:x",
             "relationship": "friend", "secret": format!("trust-secret-{n}"), "desc": "Ünïcode desc",
             "approved": true, "peer_approved": false, "verified": true,
             "verification_token": "vtoken", "peer_identifier": "p@example.com",
             "established_via": "oauth2_interactive", "client_name": "Claude ✨"},
            {"peerid": "peer-2", "baseuri": "https://peer.example/2", "peer_type": "urn:actingweb:y",
             "relationship": "admin", "secret": format!("second-secret-{n}"), "desc": "",
             "approved": false, "verified": false, "verification_token": ""},
        ],
        "peer_trustees": [
            {"peerid": "pt-1", "peer_type": "urn:actingweb:pt", "baseuri": "https://pt.example",
             "passphrase": "peer pässphrase"},
        ],
        "subscriptions": [
            {"peerid": "peer-1", "subid": "sub-1", "granularity": "high", "target": "properties",
             "subtarget": "email", "resource": null, "seqnr": 3, "callback": true},
            {"peerid": "peer-2", "subid": "sub-2", "granularity": null, "target": "meta",
             "subtarget": null, "resource": null, "seqnr": 0, "callback": false},
        ],
        "diffs": [
            {"subid": "sub-1", "seqnr": 1, "diff": "{\"email\": \"ø\"}"},
            {"subid": "sub-1", "seqnr": 2, "diff": "{\"big\": 12345678901234567890}"},
        ],
        "attributes": [
            {"bucket": "profile", "name": "card", "data": {"name": "Ørjan", "n": [1, 2.5, null]},
             "timestamp": "2024-01-15T10:30:00.123456", "ttl_seconds": null},
            {"bucket": "tokens", "name": "t1", "data": {"chain_id": "c-1"}, "timestamp": null,
             "ttl_seconds": 3600},
            {"bucket": "tokens", "name": "t2", "data": "plain text 🎉", "timestamp": null,
             "ttl_seconds": 86400},
            {"bucket": "flags", "name": "falsy", "data": [0, false, ""], "timestamp": null, "ttl_seconds": null},
        ],
        "suspensions": [
            {"target": "properties", "subtarget": null},
            {"target": "meta", "subtarget": "x"},
        ],
    })
}

/// Fills the source with the data set of every actor through the reference's DynamoDB backend.
fn fill(dynamo: &Dynamo) {
    for (n, actor) in ACTORS.iter().enumerate() {
        dynamo.python(&["write-all", actor], &dataset(n));
    }
}

/// A filled source with prefix `prefix` and a database it was imported into.
async fn imported(prefix: &str) -> (Dynamo, TestDb) {
    let dynamo = Dynamo::start(prefix);
    fill(&dynamo);
    let db = TestDb::new().await;
    success(&dynamo.cli(&db, &["import-dynamodb"]));
    (dynamo, db)
}

/// What the DynamoDB backend reads for each actor.
fn dynamo_reads(dynamo: &Dynamo) -> Vec<Value> {
    ACTORS
        .iter()
        .map(|a| dynamo.python(&["read-all", a], &Value::Null))
        .collect()
}

/// What the PostgreSQL backend reads for each actor.
fn postgres_reads(db: &TestDb) -> Vec<Value> {
    ACTORS
        .iter()
        .map(|a| postgres_reference(db, &["read-all", a]))
        .collect()
}

const FIRST_IMPORT: &str = "\
table                            read   inserted    present    updated    deleted  note
actors                              2          2          0          0          0
properties                         12         12          0          0          0
property_lookup                     4          4          0          0          0  rebuilt for oauthId, email, externalUserId
attributes                          8          8          0          0          0
trusts                              4          4          0          0          0
peertrustees                        2          2          0          0          0
subscriptions                       4          4          0          0          0
subscription_diffs                  4          4          0          0          0
subscription_suspensions            4          4          0          0          0
total                              40         40          0          0          0
";

// ---------------------------------------------------------------------------------------------
// Tests

#[tokio::test(flavor = "multi_thread")]
async fn the_migrated_database_reads_as_the_dynamodb_backend_did() {
    let dynamo = Dynamo::start("mig");
    fill(&dynamo);
    let expected = dynamo_reads(&dynamo);
    let db = TestDb::new().await;

    let out = success(&dynamo.cli(&db, &["import-dynamodb", "--segments", "3"]));
    assert_eq!(without_timing(&out, "read 40 rows in "), FIRST_IMPORT);

    // The reference's PostgreSQL backend reads what its DynamoDB backend read.
    let diffs = differences(&json!(postgres_reads(&db)), &json!(expected));
    assert!(diffs.is_empty(), "{}", diffs.join("\n"));

    // The crate reads the same values.
    let store = db.store().await;
    for (actor, dynamo) in ACTORS.iter().zip(&expected) {
        let got = store.actors().get(actor).await.unwrap().unwrap();
        assert_eq!(got.creator, dynamo["actor"]["creator"]);
        assert_eq!(got.passphrase, dynamo["actor"]["passphrase"]);
        let properties = store
            .properties()
            .fetch_all_including_lists(actor)
            .await
            .unwrap();
        assert_eq!(json!(properties), dynamo["properties"]);
        for (name, lookup) in dynamo["reverse_lookups"].as_object().unwrap() {
            let value = properties[name].as_str();
            let found = store
                .properties()
                .actor_id_by_value(name, value)
                .await
                .unwrap();
            assert_eq!(json!(found), lookup["property_lookup"], "{name}");
        }
        let trusts = store.trusts().list(actor).await.unwrap();
        let secrets: Vec<&str> = trusts.iter().map(|t| t.secret.as_str()).collect();
        let dynamo_secrets: Vec<&str> = dynamo["trusts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["secret"].as_str().unwrap())
            .collect();
        assert_eq!(secrets, dynamo_secrets);
        for (bucket, attributes) in dynamo["attribute_bucket"].as_object().unwrap() {
            let got = store.attributes().get_bucket(actor, bucket).await.unwrap();
            let data: serde_json::Map<String, Value> =
                got.into_iter().map(|(name, a)| (name, a.data)).collect();
            let dynamo_data: serde_json::Map<String, Value> = attributes
                .as_object()
                .unwrap()
                .iter()
                .map(|(name, a)| (name.clone(), a["data"].clone()))
                .collect();
            assert_eq!(data, dynamo_data, "{bucket}");
        }
    }
    // The TTL'd attributes keep their expiry.
    let client = db.client().await;
    let ttls = client
        .query_one(
            "SELECT count(*) FROM attributes WHERE bucket = 'tokens' AND ttl_timestamp IS NOT NULL",
            &[],
        )
        .await
        .unwrap();
    assert_eq!(ttls.get::<_, i64>(0), 4);

    // Every item compared, the lookup table's with the rebuilt rows: no difference.
    let out = success(&dynamo.cli(&db, &["validate-dynamodb"]));
    assert_eq!(
        out,
        "\
table                         records      found    sampled mismatches  note
actors                              2          2          2          0
properties                         12         12         12          0
attributes                          8          8          8          0
trusts                              4          4          4          0
peertrustees                        2          2          2          0
subscriptions                       4          4          4          0
subscription_diffs                  4          4          4          0
subscription_suspensions            4          4          4          0
property_lookup                     4          4          4          0
validation passed
"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_rerun_brings_exactly_the_changes_and_deletes_only_when_asked() {
    let (dynamo, db) = imported("sync").await;

    // A repeated run with nothing changed writes nothing.
    let out = success(&dynamo.cli(&db, &["import-dynamodb"]));
    assert!(
        without_timing(&out, "read 40 rows in ").contains(
            "total                              40          0         40          0          0\n"
        ),
        "{out}"
    );

    // Changes at the source: an indexed value changed, a property added, one deleted, a trust
    // deleted, an attribute changed and one deleted.
    let actor = ACTORS[0];
    dynamo.python(
        &["set-properties"],
        &json!([
            [actor, "email", "changed@example.com"],
            [actor, "added", "new ø"]
        ]),
    );
    dynamo.python(&["delete-properties"], &json!([[actor, "displayName"]]));
    dynamo.python(&["delete-trusts"], &json!([[actor, "peer-2"]]));
    dynamo.python(
        &["set-attributes"],
        &json!([{"actor_id": actor, "bucket": "profile", "name": "card", "data": {"v": 2}}]),
    );
    dynamo.python(&["delete-attributes"], &json!([[actor, "flags", "falsy"]]));
    let expected = dynamo_reads(&dynamo);

    // The database differs: validation lists it and exits 1.
    let out = dynamo.cli(&db, &["validate-dynamodb"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let listed: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("mismatch:") || l.starts_with("extra row:"))
        .collect();
    assert_eq!(listed.len(), 9, "{stdout}");
    assert!(
        stdout.contains(&format!(
            "extra row: trusts [\"{actor}\",\"peer-2\"]: no record has this key"
        )),
        "{stdout}"
    );
    // The backend moved the changed e-mail's lookup item; the database still has the old row.
    let changed = dynamo.python(&["lookup-keys"], &json!([["email", "changed@example.com"]]));
    assert!(
        stdout.contains(&format!(
            "mismatch: sync_property_lookup_v2 record 3 [\"{}\"]: row: json \
             {{\"property_name\":\"email\",\"actor_id\":\"{actor}\"}}, database absent\n\
             extra row: property_lookup [\"email\",\"owner0@example.com\"]: no record has this key\n",
            changed[0].as_str().unwrap()
        )),
        "{stdout}"
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: validation failed: missing rows: 2, differing fields: 3, extra rows: 4\n"
    );

    // Without --delete-missing: the changed and new rows arrive, nothing is deleted.
    let out = success(&dynamo.cli(&db, &["import-dynamodb"]));
    assert_eq!(
        without_timing(&out, "read 38 rows in "),
        "\
table                            read   inserted    present    updated    deleted  note
actors                              2          0          2          0          0
properties                         12          1         10          1          0
property_lookup                     4          1          3          0          0  rebuilt for oauthId, email, externalUserId
attributes                          7          0          6          1          0
trusts                              3          0          3          0          0
peertrustees                        2          0          2          0          0
subscriptions                       4          0          4          0          0
subscription_diffs                  4          0          4          0          0
subscription_suspensions            4          0          4          0          0
total                              38          1         35          2          0
"
    );
    assert_eq!(count(&db, "properties").await, 13);
    assert_eq!(count(&db, "trusts").await, 4);

    // With --delete-missing: exactly the rows gone from the source go.
    let out = success(&dynamo.cli(&db, &["import-dynamodb", "--delete-missing"]));
    assert!(
        without_timing(&out, "read 38 rows in ").contains(
            "total                              38          0         38          0          3\n"
        ),
        "{out}"
    );
    assert_eq!(count(&db, "properties").await, 12);
    assert_eq!(count(&db, "trusts").await, 3);
    assert_eq!(count(&db, "attributes").await, 7);
    assert_eq!(count(&db, "property_lookup").await, 4);
    success(&dynamo.cli(&db, &["validate-dynamodb"]));
    let diffs = differences(&json!(postgres_reads(&db)), &json!(expected));
    assert!(diffs.is_empty(), "{}", diffs.join("\n"));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_bad_item_stops_its_table_naming_the_item() {
    let dynamo = Dynamo::start("bad");
    fill(&dynamo);
    // A property whose value is a number: the backend's model writes only strings.
    dynamo.python(
        &["put-item", "properties"],
        &json!({"id": {"S": "dyn-actor-1"}, "name": {"S": "broken"}, "value": {"N": "42"}}),
    );
    let db = TestDb::new().await;
    let out = dynamo.cli(&db, &["import-dynamodb"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: table bad_properties, item {\"id\":\"dyn-actor-1\",\"name\":\"broken\"}: \
         invalid value: expected a string, found a number\n"
    );
    // The table before it is imported; the bad one holds nothing.
    assert_eq!(count(&db, "actors").await, 2);
    assert_eq!(count(&db, "properties").await, 0);

    // An actor id longer than the column: named, and no actor of that run is written.
    let db = TestDb::new().await;
    let long = "x".repeat(256);
    dynamo.python(&["create-actors-raw"], &json!([[long, "c", "pw"]]));
    let out = dynamo.cli(&db, &["import-dynamodb"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "error: table bad_actors, item {{\"id\":\"{long}\"}}: invalid id: is 256 characters long; the column holds at most 255\n"
        )
    );
    assert_eq!(count(&db, "actors").await, 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn to_dir_writes_an_export_that_import_reads() {
    let dynamo = Dynamo::start("files");
    fill(&dynamo);
    let dir = std::env::temp_dir().join(format!("awpg-dynamodb-{}", std::process::id()));
    let db = TestDb::new().await;
    let out = success(&dynamo.cli(&db, &["import-dynamodb", "--to-dir", dir.to_str().unwrap()]));
    assert!(out.contains("exported to "), "{out}");
    let names = actingweb_pg::TABLES.map(|t| format!("{t}.json"));
    files::assert_files_with_mode(&dir, &names, 0o600);
    // Nothing was written to the database.
    assert_eq!(count(&db, "actors").await, 0);

    let out = Command::new(env!("CARGO_BIN_EXE_actingweb-pg"))
        .args(["import", dir.to_str().unwrap()])
        .env("DATABASE_URL", &db.url)
        .env_remove("INDEXED_PROPERTIES")
        .env_remove("USE_PROPERTY_LOOKUP_TABLE")
        .output()
        .unwrap();
    assert!(
        success(&out).contains("total                              40         40          0\n")
    );
    success(&dynamo.cli(&db, &["validate-dynamodb"]));
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread")]
async fn validation_compares_every_lookup_item_with_its_row() {
    let (dynamo, db) = imported("look").await;

    // At the source, through the backend's lookup class: a lookup given to the other actor,
    // one added that no property holds, one removed.
    let (moved, added) = (["email", "owner0@example.com"], ["externalUserId", "ext-1"]);
    dynamo.python(
        &["set-lookups"],
        &json!([
            [moved[0], moved[1], ACTORS[1]],
            [added[0], added[1], ACTORS[0]]
        ]),
    );
    dynamo.python(&["delete-lookups"], &json!([["oauthId", "oauth|1"]]));
    let keys = dynamo.python(
        &["lookup-keys"],
        &json!([
            moved,
            added,
            ["oauthId", "oauth|0"],
            ["email", "owner1@example.com"]
        ]),
    );
    // Items are numbered in the order of their keys.
    let mut sorted: Vec<&str> = keys
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k.as_str().unwrap())
        .collect();
    let (moved_key, added_key) = (sorted[0], sorted[1]);
    sorted.sort();
    let position = |key: &str| sorted.iter().position(|k| *k == key).unwrap();
    let out = dynamo.cli(&db, &["validate-dynamodb"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout
            .contains("\nproperty_lookup                     4          3          4          2\n"),
        "{stdout}"
    );
    let mut expected = vec![
        format!(
            "mismatch: look_property_lookup_v2 record {} [\"{moved_key}\"]: actor_id: json \"{}\", database \"{}\"",
            position(moved_key),
            ACTORS[1],
            ACTORS[0]
        ),
        format!(
            "mismatch: look_property_lookup_v2 record {} [\"{added_key}\"]: row: json {}, database absent",
            position(added_key),
            json!({"property_name": added[0], "actor_id": ACTORS[0]})
        ),
    ];
    expected.sort_by_key(|line| line.split(" record ").nth(1).map(String::from));
    expected
        .push(r#"extra row: property_lookup ["oauthId","oauth|1"]: no record has this key"#.into());
    assert_eq!(differences_listed(&stdout), expected);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: validation failed: missing rows: 1, differing fields: 1, extra rows: 1\n"
    );

    // The lookup table of older versions of the backend as well: the newer one is compared.
    dynamo.python(
        &["v1-lookups"],
        &json!([
            ["email", "owner0@example.com", ACTORS[0]],
            ["oauthId", "oauth|0", ACTORS[0]],
            ["email", "owner1@example.com", ACTORS[1]],
            ["oauthId", "oauth|1", ACTORS[0]]
        ]),
    );
    let out = dynamo.cli(&db, &["validate-dynamodb"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(
            "\nproperty_lookup                     0          0          0          0  \
             look_property_lookup not compared: look_property_lookup_v2 is\n"
        ),
        "{stdout}"
    );
    assert_eq!(differences_listed(&stdout), expected);

    // Without the newer table the older one is compared, item by item.
    dynamo.python(&["delete-table", "property_lookup_v2"], &Value::Null);
    let out = dynamo.cli(&db, &["validate-dynamodb"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        differences_listed(&stdout),
        [format!(
            "mismatch: look_property_lookup record 3 [\"oauthId\",\"oauth|1\"]: actor_id: json \"{}\", database \"{}\"",
            ACTORS[0], ACTORS[1]
        )]
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: validation failed: missing rows: 0, differing fields: 1\n"
    );
}

/// The lines of a validation that list a difference.
fn differences_listed(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .filter(|l| l.starts_with("mismatch:") || l.starts_with("extra row:"))
        .map(String::from)
        .collect()
}

/// The seconds of the last line of a `scanned ...` or `read ...` report,
/// `<what> <n> <unit> in <seconds> s (<rate> <unit>/s)`, and the count.
fn count_and_seconds(out: &str) -> (u64, f64) {
    let last = out.lines().last().unwrap();
    let words: Vec<&str> = last.split(' ').collect();
    assert!(
        words.len() >= 6 && words[3] == "in" && words[5] == "s",
        "{last}"
    );
    (words[1].parse().unwrap(), words[4].parse().unwrap())
}

/// The throughput measurement (README, "Migrating from DynamoDB"): 100 000 items filled by the
/// backend's models, then in the same run the raw scan rate of the server (`--scan-only`),
/// the import rate and the scan rate again, all at the same segment count; the ratio is the
/// import's rate to the faster scan's. Then the rate of `import` of the same items from files,
/// into another database: what the writes alone allow. The server is `DYNAMODB_BENCH_SERVER` (`dynalite` by
/// default, or `moto`), the segments `DYNAMODB_BENCH_SEGMENTS` (default 1). Run with
/// `cargo test -p actingweb-pg-cli --release --test dynamodb -- --ignored --nocapture
/// import_throughput`.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "a measurement of minutes; run it explicitly"]
async fn import_throughput_against_the_raw_scan_rate() {
    let server = Server::from_env("DYNAMODB_BENCH_SERVER", Server::Dynalite);
    let segments = std::env::var("DYNAMODB_BENCH_SEGMENTS").unwrap_or_else(|_| "1".into());
    let dynamo = Dynamo::start_on(server, "bench");
    let started = Instant::now();
    let items = dynamo.python(&["fill", "10000", "9"], &Value::Null);
    assert_eq!(items, json!(100_000));
    println!(
        "{server:?}: filled 100000 items in {:.1?}",
        started.elapsed()
    );
    let db = TestDb::new().await;
    let scan = |when: &str| {
        let out = success(&dynamo.cli(
            &db,
            &["import-dynamodb", "--scan-only", "--segments", &segments],
        ));
        println!("{server:?}, segments {segments}: {} ({when})", out.trim());
        let (items, seconds) = count_and_seconds(&out);
        assert_eq!(items, 100_000);
        items as f64 / seconds
    };
    let before = scan("before the import");
    let out = success(&dynamo.cli(&db, &["import-dynamodb", "--segments", &segments]));
    let (rows, seconds) = count_and_seconds(&out);
    assert_eq!(rows, 100_000);
    let import = rows as f64 / seconds;
    println!(
        "{server:?}, segments {segments}: import {}",
        out.lines().last().unwrap()
    );
    let after = scan("after the import");
    let ratio = import / before.max(after);
    println!(
        "{server:?}, segments {segments}: import {import:.0} items/s / scan {:.0} items/s = {:.0}%",
        before.max(after),
        ratio * 100.0
    );
    assert_eq!(count(&db, "actors").await, 10_000);
    assert_eq!(count(&db, "properties").await, 90_000);

    // The same items imported from files into another database: the rate of the writes alone.
    let dir = std::env::temp_dir().join(format!("awpg-dynamodb-bench-{}", std::process::id()));
    success(&dynamo.cli(&db, &["import-dynamodb", "--to-dir", dir.to_str().unwrap()]));
    let files = TestDb::new().await;
    let out = success(&dynamo.cli(&files, &["import", dir.to_str().unwrap()]));
    println!(
        "{server:?}: the same items from files: import {}",
        out.lines().last().unwrap()
    );
    assert_eq!(count_and_seconds(&out).0, 100_000);
    let _ = std::fs::remove_dir_all(&dir);
}
