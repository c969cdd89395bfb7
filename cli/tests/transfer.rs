//! The `export`, `import` and `validate` commands, run as a process against a real PostgreSQL,
//! plus the generator of the 100 000-row import measurement.

// The library's test harness and transfer test data.
#[path = "../../tests/common/mod.rs"]
mod common;
#[path = "../../tests/transfer_fixtures/mod.rs"]
mod transfer_fixtures;

use std::fs;
use std::path::PathBuf;
use std::process::{Command, Output};

use common::TestDb;
use serde_json::{Value, json};
use transfer_fixtures::*;

fn cli(db: &TestDb, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_actingweb-pg"))
        .args(args)
        .env("DATABASE_URL", &db.url)
        .env_remove("PG_DB_PREFIX")
        .env_remove("PG_DB_SCHEMA")
        .env_remove("INDEXED_PROPERTIES")
        .env_remove("USE_PROPERTY_LOOKUP_TABLE")
        .output()
        .unwrap()
}

/// stdout of a successful run with nothing on stderr (the progress bar is hidden off a
/// terminal).
fn success(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// The lines of `text` but the last, which is timing, checked to start with `prefix`.
fn without_timing(text: &str, prefix: &str) -> String {
    let (body, last) = text.trim_end().rsplit_once('\n').unwrap();
    assert!(
        last.starts_with(prefix) && last.ends_with(" rows/s)"),
        "{last}"
    );
    format!("{body}\n")
}

#[tokio::test]
async fn cli_export_import_validate_round_trip() {
    let source = TestDb::new().await;
    seed(&source).await;
    let dir = TempDir::new();
    let out = success(&cli(&source, &["export", dir.str()]));
    assert_eq!(
        without_timing(&out, &format!("exported to {}: 30 rows in ", dir.str())),
        "\
table                      file                                   rows
actors                     actors.json                               3
properties                 properties.json                           9
attributes                 attributes.json                           7
trusts                     trusts.json                               2
peertrustees               peertrustees.json                         2
subscriptions              subscriptions.json                        2
subscription_diffs         subscription_diffs.json                   3
subscription_suspensions   subscription_suspensions.json             2
total                                                               30
"
    );

    let target = TestDb::new().await;
    let out = success(&cli(&target, &["import", dir.str(), "--dry-run"]));
    assert_eq!(
        without_timing(&out, "read 30 rows in "),
        "\
table                            read   inserted    present  note
actors                              3          3          0
properties                          9          9          0
property_lookup                     3          3          0  rebuilt for oauthId, email, externalUserId
attributes                          7          7          0
trusts                              2          2          0
peertrustees                        2          2          0
subscriptions                       2          2          0
subscription_diffs                  3          3          0
subscription_suspensions            2          2          0
total                              30         30          0
dry run: nothing was written
"
    );
    assert_eq!(counts(&target).await, no_rows());

    let out = success(&cli(&target, &["import", dir.str()]));
    assert!(
        out.contains(
            "\ntotal                              30         30          0\nread 30 rows in "
        ),
        "{out}"
    );
    assert_eq!(dump(&target).await, dump(&source).await);

    let json: Value =
        serde_json::from_str(&success(&cli(&target, &["import", dir.str(), "--json"]))).unwrap();
    assert_eq!(
        json,
        serde_json::to_value(seed_report(false, true)).unwrap()
    );

    assert_eq!(
        success(&cli(&target, &["validate", dir.str()])),
        "\
table                         records      found    sampled mismatches  note
actors                              3          3          3          0
properties                          9          9          9          0
attributes                          7          7          7          0
trusts                              2          2          2          0
peertrustees                        2          2          2          0
subscriptions                       2          2          2          0
subscription_diffs                  3          3          3          0
subscription_suspensions            2          2          2          0
validation passed
"
    );
}

#[tokio::test]
async fn cli_validate_exits_1_and_lists_the_mismatch_after_a_row_changed() {
    let (db, dir) = export_seed().await;
    db.client()
        .await
        .batch_execute(
            "UPDATE peertrustees SET baseuri = 'https://moved' WHERE id = 'a1';
             DELETE FROM subscriptions WHERE peerid = 'p:1'",
        )
        .await
        .unwrap();
    let out = cli(&db, &["validate", dir.str()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "\
table                         records      found    sampled mismatches  note
actors                              3          3          3          0
properties                          9          9          9          0
attributes                          7          7          7          0
trusts                              2          2          2          0
peertrustees                        2          2          2          1
subscriptions                       2          1          2          1
subscription_diffs                  3          3          3          0
subscription_suspensions            2          2          2          0
mismatch: peertrustees.json record 0 [\"a1\",\"p1\"]: baseuri: json \"https://p1.example.com/\", database \"https://moved\"
mismatch: subscriptions.json record 1 [\"a1\",\"p:1\",\"s\"]: row: json present, database absent
"
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: validation failed: missing rows: 1, differing fields: 1\n"
    );
    let out = cli(&db, &["validate", dir.str(), "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["tables"][4]["mismatches"],
        json!([{"record": 0, "key": "[\"a1\",\"p1\"]", "field": "baseuri",
                "json": "\"https://p1.example.com/\"", "database": "\"https://moved\""}])
    );
}

#[tokio::test]
async fn cli_import_of_a_bad_file_exits_1_naming_the_record() {
    let db = TestDb::new().await;
    let dir = TempDir::new();
    dir.write(
        "peertrustees.json",
        r#"[{"id": "a1", "peerid": "p1", "type": "t"}, {"id": "a1", "peerid": "", "type": "t"}]"#,
    );
    let out = cli(&db, &["import", dir.str()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: peertrustees.json, record 1: invalid peerid: must not be empty\n"
    );
    assert_eq!(counts(&db).await, no_rows());
}

#[test]
fn cli_transfer_commands_need_a_directory() {
    for command in ["export", "import", "validate"] {
        let out = Command::new(env!("CARGO_BIN_EXE_actingweb-pg"))
            .arg(command)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{command}");
    }
}

// ---------------------------------------------------------------------------------------------
// the import measurement

/// The import measurement: 105 000 records into an empty migrated database through the
/// binary. Run it on a release build:
/// `cargo test --release --test transfer -- --ignored --nocapture import_throughput`
#[tokio::test]
#[ignore = "a measurement; run on a release build with --nocapture"]
async fn import_throughput_of_100k_mixed_records() {
    let dir = match std::env::var("TRANSFER_BENCH_DIR") {
        Ok(path) => PathBuf::from(path),
        Err(_) => std::env::temp_dir().join("awpg-transfer-100k"),
    };
    fs::create_dir_all(&dir).unwrap();
    generate(&dir, 5000);
    let db = TestDb::new().await;
    let started = std::time::Instant::now();
    let out = cli(&db, &["import", dir.to_str().unwrap()]);
    let elapsed = started.elapsed();
    let text = success(&out);
    print!("{text}");
    println!(
        "actingweb-pg import {}: 105000 records in {:.2} s wall = {:.0} records/s",
        dir.display(),
        elapsed.as_secs_f64(),
        105_000.0 / elapsed.as_secs_f64()
    );
    let total = format!(
        "\n{:<26} {:>10} {:>10} {:>10}\n",
        "total", 105_000, 105_000, 0
    );
    assert!(text.contains(&total), "{text}");
}
