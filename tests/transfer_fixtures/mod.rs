//! Data shared by the export, import and validate tests of the library (`tests/transfer.rs`)
//! and of the command line (`cli/tests/transfer.rs`): a seeded database, its expected import
//! report, table dumps, temporary directories and the generator of large exports.
#![allow(dead_code)]

use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use actingweb_pg::{ImportReport, ImportedTable};
use serde_json::{Value, json};

use crate::common::{self, TestDb};

/// The nine tables, each with the order of its key.
pub(crate) const TABLES: [(&str, &str); 9] = [
    ("actors", "id"),
    ("properties", "id, name"),
    ("property_lookup", "property_name, value"),
    ("attributes", "id, bucket_name"),
    ("trusts", "id, peerid"),
    ("peertrustees", "id, peerid"),
    ("subscriptions", "id, peer_sub_id"),
    ("subscription_diffs", "id, subid_seqnr"),
    ("subscription_suspensions", "id, target, subtarget"),
];

pub(crate) const FILE_TABLES: [&str; 8] = actingweb_pg::TABLES;

/// A directory of its own, deleted when dropped.
pub(crate) struct TempDir(PathBuf);

impl TempDir {
    pub(crate) fn new() -> TempDir {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let dir = std::env::temp_dir().join(format!(
            "awpg-transfer-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    pub(crate) fn path(&self) -> &Path {
        &self.0
    }

    pub(crate) fn str(&self) -> &str {
        self.0.to_str().unwrap()
    }

    pub(crate) fn write(&self, file: &str, content: &str) {
        fs::write(self.0.join(file), content).unwrap();
    }

    pub(crate) fn read(&self, file: &str) -> String {
        fs::read_to_string(self.0.join(file)).unwrap()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Every row of every table as text (`row::text`, timestamps in UTC), by key.
pub(crate) async fn dump(db: &TestDb) -> Vec<(String, Vec<String>)> {
    let client = db.client().await;
    client.batch_execute("SET TIME ZONE 'UTC'").await.unwrap();
    let mut tables = Vec::new();
    for (table, key) in TABLES {
        let sql = format!("SELECT t::text FROM {table} t ORDER BY {key}");
        let rows = client.query(&sql, &[]).await.unwrap();
        tables.push((table.to_string(), rows.iter().map(|r| r.get(0)).collect()));
    }
    tables
}

/// The rows of one table as text, by key.
pub(crate) async fn rows(db: &TestDb, table: &str) -> Vec<String> {
    dump(db)
        .await
        .into_iter()
        .find(|(t, _)| t == table)
        .unwrap()
        .1
}

pub(crate) async fn counts(db: &TestDb) -> Vec<(String, usize)> {
    dump(db)
        .await
        .into_iter()
        .map(|(t, rows)| (t, rows.len()))
        .collect()
}

pub(crate) fn no_rows() -> Vec<(String, usize)> {
    TABLES.iter().map(|(t, _)| (t.to_string(), 0)).collect()
}

/// A database holding one or more rows of every kind the tables allow: NULLs, empty strings,
/// `:` inside composite-key parts, non-ASCII, falsy and exact-numeric JSON, microseconds, and
/// lookup rows as the rebuild makes them (lowest actor id wins; none for a missing actor).
pub(crate) async fn seed(db: &TestDb) {
    db.client()
        .await
        .batch_execute(
            r#"
            INSERT INTO actors VALUES
                ('a1', 'owner@example.com', 'pw1', '2024-01-01 10:00:00'),
                ('a2', 'creator two', 'pw "2"', '2024-01-02 03:04:05.123456'),
                ('a3', '', '', NULL);
            INSERT INTO properties VALUES
                ('a1', 'email', 'one@example.com'),
                ('a2', 'email', 'two@example.com'),
                ('a2', 'oauthId', 'shared'),
                ('a3', 'oauthId', 'shared'),
                ('a1', 'list:email', 'one@example.com'),
                ('a1', 'settings', '{"k": "\u00f8"}'),
                ('a1', 'blank', ''),
                ('a1', 'ünïcødé', 'ø😀'),
                ('ghost', 'email', 'ghost@example.com');
            INSERT INTO property_lookup VALUES
                ('email', 'one@example.com', 'a1'),
                ('email', 'two@example.com', 'a2'),
                ('oauthId', 'shared', 'a2');
            INSERT INTO attributes VALUES
                ('a1', 'b:c', 'b', 'c', '{"z": 1, "a": [1.50, 12345678901234567890123, "ø"]}',
                 '2024-03-01 12:00:00.5', NULL),
                ('a1', 'b:c:d', 'b:c', 'd', 'false', NULL, 4102444800),
                ('a1', 'x:y', 'x', 'y', NULL, NULL, NULL),
                ('a2', 'b:c', 'b', 'c', '0', '2024-03-01 12:00:00', -5),
                ('a2', 'e:f', 'e', 'f', '{}', NULL, NULL),
                ('a2', 'g:h', 'g', 'h', '""', NULL, NULL),
                ('a2', 'i:j', 'i', 'j', '[]', NULL, NULL);
            INSERT INTO trusts VALUES
                ('a1', 'p1', 'https://p1.example.com/', 'urn:peer', 'friend', 's3cret', 'a friend',
                 true, true, true, 'vtok', 'peer@example.com', 'OAuth2', '2024-01-15 10:30:00',
                 '2024-02-01 08:00:00.123456', 'oauth', 'Claude', '1.2', 'desktop', 'client-1',
                 'www,oauth', '1.4', '2024-02-29 22:00:00+00'),
                ('a1', 'p:2', '', '', '', '', NULL, false, false, false, NULL, NULL, NULL, NULL,
                 NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
            INSERT INTO peertrustees VALUES
                ('a1', 'p1', 'https://p1.example.com/', 'urn:peer', 'pp'),
                ('a2', 'p1', '', 'urn:other', '');
            INSERT INTO subscriptions VALUES
                ('a1', 'p1:s1', 'p1', 's1', 'high', 'properties', 'email', 'r/1', 7, true),
                ('a1', 'p:1:s', 'p:1', 's', NULL, NULL, NULL, NULL, 0, false);
            INSERT INTO subscription_diffs VALUES
                ('a1', 's1:1', 's1', '2024-01-01 00:00:00', '{"a": 1}', 1),
                ('a1', 's1:10', 's1', '2024-01-01 00:00:01.000001', '', 10),
                ('a2', 'x:y:-3', 'x:y', '2024-01-01 00:00:00', 'd', -3);
            INSERT INTO subscription_suspensions VALUES
                ('a1', 'properties', '', '2024-05-01 10:00:00+00'),
                ('a1', 'properties', 'email', '2024-05-01 10:00:00.25+02');
            "#,
        )
        .await
        .unwrap();
}

pub(crate) fn imported(
    table: &str,
    read: u64,
    inserted: u64,
    present: u64,
    note: Option<&str>,
) -> ImportedTable {
    ImportedTable {
        table: table.into(),
        file: (table != "property_lookup").then(|| format!("{table}.json")),
        rows_read: read,
        inserted,
        already_present: present,
        updated: 0,
        deleted: 0,
        note: note.map(String::from),
    }
}

pub(crate) const REBUILT: &str = "rebuilt for oauthId, email, externalUserId";

/// The import report of the seed's export; `present` says whether everything is stored.
pub(crate) fn seed_report(dry_run: bool, present: bool) -> ImportReport {
    let counts = [
        ("actors", 3),
        ("properties", 9),
        ("property_lookup", 3),
        ("attributes", 7),
        ("trusts", 2),
        ("peertrustees", 2),
        ("subscriptions", 2),
        ("subscription_diffs", 3),
        ("subscription_suspensions", 2),
    ];
    ImportReport {
        dry_run,
        tables: counts
            .iter()
            .map(|&(table, n)| {
                let note = (table == "property_lookup").then_some(REBUILT);
                if present {
                    imported(table, n, 0, n, note)
                } else {
                    imported(table, n, n, 0, note)
                }
            })
            .collect(),
    }
}

pub(crate) async fn export_seed() -> (TestDb, TempDir) {
    let (db, store) = common::store().await;
    seed(&db).await;
    let dir = TempDir::new();
    store.export(dir.path(), &()).await.unwrap();
    (db, dir)
}

/// Writes an export directory of `21 * actors` mixed records: per actor 10 properties (an
/// indexed e-mail for every actor, an indexed oauthId shared by actors 3k and 3k+1), 3
/// attributes, 2 trusts, a peer trustee, a subscription, 2 diffs and a suspension, with the
/// reference's timestamp forms mixed in.
pub(crate) fn generate(dir: &Path, actors: usize) {
    fn file(dir: &Path, table: &str, records: impl Iterator<Item = Value>) {
        let mut out = BufWriter::new(fs::File::create(dir.join(format!("{table}.json"))).unwrap());
        out.write_all(b"[").unwrap();
        for (i, record) in records.enumerate() {
            if i > 0 {
                out.write_all(b",\n").unwrap();
            }
            serde_json::to_writer(&mut out, &record).unwrap();
        }
        out.write_all(b"]\n").unwrap();
        out.flush().unwrap();
    }
    let id = |a: usize| format!("actor-{a:06}");
    let stamp = |a: usize| {
        if a.is_multiple_of(2) {
            format!("2024-01-{:02} 10:00:00+00:00", a % 28 + 1)
        } else {
            format!("2024-02-{:02}T08:30:00.{:06}", a % 28 + 1, a)
        }
    };
    file(
        dir,
        "actors",
        (0..actors).map(|a| {
            json!({"id": id(a), "creator": format!("user{a}@example.com"),
                   "passphrase": format!("pass-{a}"), "created_at": stamp(a)})
        }),
    );
    file(
        dir,
        "properties",
        (0..actors).flat_map(|a| {
            (0..10).map(move |p| {
                let (name, value) = match p {
                    0 => ("email".to_string(), format!("user{a}@example.com")),
                    1 if a % 3 < 2 => ("oauthId".to_string(), format!("oauth-{}", a / 3)),
                    2 => ("list:items-0".to_string(), format!("[\"item\", {a}]")),
                    _ => (format!("prop{p}"), format!("value {a}/{p} ø")),
                };
                json!({"id": format!("actor-{a:06}"), "name": name, "value": value})
            })
        }),
    );
    file(
        dir,
        "attributes",
        (0..actors).flat_map(|a| {
            (0..3).map(move |n| {
                json!({"id": format!("actor-{a:06}"), "bucket": format!("bucket{}", n % 2),
                       "name": format!("attr:{n}"),
                       "data": {"n": n, "tags": ["a", "b"], "nested": {"ok": true, "x": 1.5}},
                       "timestamp": if n == 0 { Value::Null } else { json!("2024-03-01 00:00:00") },
                       "ttl_timestamp": if n == 2 { json!(4102444800u64) } else { Value::Null }})
            })
        }),
    );
    file(
        dir,
        "trusts",
        (0..actors).flat_map(|a| {
            (0..2).map(move |t| {
                json!({"id": format!("actor-{a:06}"), "peerid": format!("peer-{t}"),
                       "baseuri": format!("https://peer{t}.example.com/{a}"),
                       "type": "urn:actingweb:example", "relationship": "friend",
                       "secret": format!("secret-{a}-{t}"), "desc": "a peer",
                       "approved": true, "peer_approved": t == 0, "verified": false,
                       "established_via": "trust", "created_at": "2024-01-15 10:30:00+00:00",
                       "last_accessed": "2024-01-16T10:30:00.250000+00:00",
                       "last_connected_via": "trust", "aw_version": "1.4"})
            })
        }),
    );
    file(
        dir,
        "peertrustees",
        (0..actors).map(|a| {
            json!({"id": id(a), "peerid": "trustee", "baseuri": "https://t.example.com",
                   "peer_type": "urn:actingweb:trustee", "secret": format!("pp-{a}")})
        }),
    );
    file(
        dir,
        "subscriptions",
        (0..actors).map(|a| {
            json!({"id": id(a), "peerid": "peer-0", "subid": format!("sub-{a}"),
                   "granularity": "high", "target": "properties", "seqnr": 2,
                   "callback": a % 2 == 0})
        }),
    );
    file(
        dir,
        "subscription_diffs",
        (0..actors).flat_map(|a| {
            (1..3).map(move |s| {
                json!({"id": format!("actor-{a:06}"), "subid": format!("sub-{a}"), "seqnr": s,
                       "timestamp": "2024-04-01 12:00:00.5", "diff": "{\"email\": \"x\"}"})
            })
        }),
    );
    file(
        dir,
        "subscription_suspensions",
        (0..actors).map(|a| {
            json!({"id": id(a), "target": "properties", "subtarget": "",
                   "suspended_at": "2024-05-01T10:00:00+00:00"})
        }),
    );
}
