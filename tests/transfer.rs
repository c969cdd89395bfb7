//! Bulk export, import and validation through the library against a real PostgreSQL (the
//! command line's are in `cli/tests/transfer.rs`).

mod common;
mod transfer_fixtures;

use std::fs;

use actingweb_pg::{
    ErrorKind, ExportReport, ExportedTable, ImportOptions, Mismatch, Store, ValidatedTable,
};
use actingweb_pg_testkit::files;
use common::{TestDb, assert_err};
use serde_json::{Value, json};
use transfer_fixtures::*;

const INVALID: ErrorKind = ErrorKind::InvalidInput;

// ---------------------------------------------------------------------------------------------
// export

#[tokio::test]
async fn export_writes_one_file_per_table_in_the_reference_format() {
    let (db, store) = common::store().await;
    seed(&db).await;
    let dir = TempDir::new();
    let report = store.export(dir.path(), &()).await.unwrap();
    let expected: Vec<ExportedTable> = [
        ("actors", 3),
        ("properties", 9),
        ("attributes", 7),
        ("trusts", 2),
        ("peertrustees", 2),
        ("subscriptions", 2),
        ("subscription_diffs", 3),
        ("subscription_suspensions", 2),
    ]
    .iter()
    .map(|&(table, rows)| ExportedTable {
        table: table.into(),
        file: format!("{table}.json"),
        rows,
    })
    .collect();
    assert_eq!(report, ExportReport { tables: expected });
    assert_eq!(report.total_rows(), 30);
    let mut files: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    let mut wanted: Vec<String> = FILE_TABLES.iter().map(|t| format!("{t}.json")).collect();
    wanted.sort();
    assert_eq!(files, wanted, "no property_lookup.json, no partial files");
    assert_eq!(
        dir.read("actors.json"),
        concat!(
            "[\n",
            r#"{"id":"a1","creator":"owner@example.com","passphrase":"pw1","created_at":"2024-01-01T10:00:00+00:00"}"#,
            ",\n",
            r#"{"id":"a2","creator":"creator two","passphrase":"pw \"2\"","created_at":"2024-01-02T03:04:05.123456+00:00"}"#,
            ",\n",
            r#"{"id":"a3","creator":"","passphrase":"","created_at":null}"#,
            "\n]\n"
        )
    );
    let attributes: Vec<Value> = serde_json::from_str(&dir.read("attributes.json")).unwrap();
    assert_eq!(
        attributes[0],
        json!({"id": "a1", "bucket": "b", "name": "c",
               "data": {"a": [1.50, 12345678901234567890123.0, "ø"], "z": 1},
               "timestamp": "2024-03-01T12:00:00.500000+00:00", "ttl_timestamp": null})
    );
    // Exact numbers: the jsonb text is copied, not re-encoded.
    assert!(
        dir.read("attributes.json")
            .contains(r#""data":{"a": [1.50, 12345678901234567890123, "ø"], "z": 1}"#)
    );
    assert_eq!(attributes[1]["data"], json!(false));
    assert_eq!(attributes[2]["data"], Value::Null);
    let trusts: Vec<Value> = serde_json::from_str(&dir.read("trusts.json")).unwrap();
    assert_eq!(
        trusts[0],
        json!({"id": "a1", "peerid": "p1", "baseuri": "https://p1.example.com/",
               "type": "urn:peer", "relationship": "friend", "secret": "s3cret",
               "desc": "a friend", "approved": true, "peer_approved": true, "verified": true,
               "verification_token": "vtok", "peer_identifier": "peer@example.com",
               "established_via": "OAuth2", "created_at": "2024-01-15T10:30:00+00:00",
               "last_accessed": "2024-02-01T08:00:00.123456+00:00",
               "last_connected_via": "oauth", "client_name": "Claude", "client_version": "1.2",
               "client_platform": "desktop", "oauth_client_id": "client-1",
               "aw_supported": "www,oauth", "aw_version": "1.4",
               "capabilities_fetched_at": "2024-02-29T22:00:00+00:00"})
    );
    assert_eq!(trusts[1]["desc"], Value::Null);
    assert_eq!(trusts[1]["created_at"], Value::Null);
    assert_eq!(
        dir.read("peertrustees.json"),
        "[\n{\"id\":\"a1\",\"peerid\":\"p1\",\"baseuri\":\"https://p1.example.com/\",\"type\":\"urn:peer\",\"passphrase\":\"pp\"},\n\
         {\"id\":\"a2\",\"peerid\":\"p1\",\"baseuri\":\"\",\"type\":\"urn:other\",\"passphrase\":\"\"}\n]\n"
    );
    let subscriptions: Vec<Value> = serde_json::from_str(&dir.read("subscriptions.json")).unwrap();
    assert_eq!(
        subscriptions[1],
        json!({"id": "a1", "peerid": "p:1", "subid": "s", "granularity": null, "target": null,
               "subtarget": null, "resource": null, "seqnr": 0, "callback": false})
    );
    let diffs: Vec<Value> = serde_json::from_str(&dir.read("subscription_diffs.json")).unwrap();
    assert_eq!(
        diffs[1],
        json!({"id": "a1", "subid": "s1", "timestamp": "2024-01-01T00:00:01.000001+00:00",
               "diff": "", "seqnr": 10})
    );
    assert_eq!(
        dir.read("subscription_suspensions.json"),
        "[\n{\"id\":\"a1\",\"target\":\"properties\",\"subtarget\":\"\",\"suspended_at\":\"2024-05-01T10:00:00+00:00\"},\n\
         {\"id\":\"a1\",\"target\":\"properties\",\"subtarget\":\"email\",\"suspended_at\":\"2024-05-01T08:00:00.250000+00:00\"}\n]\n"
    );
}

#[tokio::test]
async fn export_of_an_empty_database_writes_empty_arrays_and_replaces_old_files() {
    let (_db, store) = common::store().await;
    let dir = TempDir::new();
    dir.write("actors.json", "old");
    let report = store.export(dir.path(), &()).await.unwrap();
    assert_eq!(report.total_rows(), 0);
    for table in FILE_TABLES {
        assert_eq!(dir.read(&format!("{table}.json")), "[]\n", "{table}");
    }
}

#[cfg(unix)]
#[tokio::test]
async fn exported_files_are_readable_and_writable_by_their_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let (db, store) = common::store().await;
    seed(&db).await;
    let dir = TempDir::new();
    // An old export readable by everyone, and a partial file a killed export left behind.
    for name in ["actors.json", ".trusts.json.partial"] {
        dir.write(name, "old");
        std::fs::set_permissions(
            dir.path().join(name),
            std::fs::Permissions::from_mode(0o666),
        )
        .unwrap();
    }
    store.export(dir.path(), &()).await.unwrap();
    let files = FILE_TABLES.map(|table| format!("{table}.json"));
    files::assert_files_with_mode(dir.path(), &files, 0o600);
}

#[tokio::test]
async fn export_creates_the_directory() {
    let (db, store) = common::store().await;
    seed(&db).await;
    let dir = TempDir::new();
    let nested = dir.path().join("a/b");
    store.export(&nested, &()).await.unwrap();
    assert!(nested.join("actors.json").is_file());
}

#[tokio::test]
async fn a_failed_export_leaves_no_partial_file() {
    let (db, store) = common::store().await;
    seed(&db).await;
    let dir = TempDir::new();
    // A non-empty directory where the file should go: the rename fails.
    fs::create_dir_all(dir.path().join("properties.json/x")).unwrap();
    let err = store.export(dir.path(), &()).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Backend);
    let target = dir.path().join("properties.json");
    assert!(
        err.to_string()
            .starts_with(&format!("{}: ", target.display())),
        "{err}"
    );
    let mut files: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    assert_eq!(files, ["actors.json", "properties.json"]);
}

/// Records the progress reports it receives.
#[derive(Default)]
struct Recorder(std::sync::Mutex<Vec<String>>);

impl actingweb_pg::TransferProgress for Recorder {
    fn table_started(&self, table: &str, total_bytes: Option<u64>) {
        self.0
            .lock()
            .unwrap()
            .push(format!("start {table} {total_bytes:?}"));
    }

    fn rows_done(&self, table: &str, rows: u64, bytes: Option<u64>) {
        self.0
            .lock()
            .unwrap()
            .push(format!("{table} {rows} {bytes:?}"));
    }

    fn table_finished(&self, table: &str) {
        self.0.lock().unwrap().push(format!("end {table}"));
    }
}

#[tokio::test]
async fn progress_is_reported_per_table_with_rows_and_bytes() {
    let (db, store) = common::store().await;
    seed(&db).await;
    let dir = TempDir::new();
    let recorder = Recorder::default();
    store.export(dir.path(), &recorder).await.unwrap();
    let events = recorder.0.lock().unwrap().clone();
    assert_eq!(
        events[..6],
        [
            "start actors None",
            "actors 3 None",
            "end actors",
            "start properties None",
            "properties 9 None",
            "end properties"
        ]
    );
    assert_eq!(events.len(), 8 * 3);

    let (_target, store) = common::store().await;
    fs::remove_file(dir.path().join("trusts.json")).unwrap();
    let recorder = Recorder::default();
    store
        .import(dir.path(), ImportOptions::default(), &recorder)
        .await
        .unwrap();
    let size = fs::metadata(dir.path().join("actors.json")).unwrap().len();
    let events = recorder.0.lock().unwrap().clone();
    assert_eq!(
        events[..6],
        [
            format!("start actors Some({size})"),
            format!("actors 3 Some({size})"),
            "end actors".into(),
            format!(
                "start properties Some({})",
                fs::metadata(dir.path().join("properties.json"))
                    .unwrap()
                    .len()
            ),
            format!(
                "properties 9 Some({})",
                fs::metadata(dir.path().join("properties.json"))
                    .unwrap()
                    .len()
            ),
            "end properties".into(),
        ]
    );
    assert_eq!(
        events[6..9],
        [
            "start property_lookup None",
            "property_lookup 3 None",
            "end property_lookup"
        ]
    );
    // Nothing for the missing trusts.json.
    assert!(!events.iter().any(|e| e.contains("trusts")), "{events:?}");
    assert_eq!(events.len(), 8 * 3);
}

// ---------------------------------------------------------------------------------------------
// import

#[tokio::test]
async fn export_then_import_into_an_empty_database_gives_identical_rows_in_all_nine_tables() {
    let (source, dir) = export_seed().await;
    let (target, store) = common::store().await;
    let report = store
        .import(dir.path(), ImportOptions::default(), &())
        .await
        .unwrap();
    assert_eq!(report, seed_report(false, false));
    assert_eq!(report.total_read(), 30);
    assert_eq!(report.total_inserted(), 30);
    assert_eq!(dump(&target).await, dump(&source).await);
}

#[tokio::test]
async fn a_second_import_inserts_nothing_and_counts_every_record_as_present() {
    let (source, dir) = export_seed().await;
    let (target, store) = common::store().await;
    store
        .import(dir.path(), ImportOptions::default(), &())
        .await
        .unwrap();
    let again = store
        .import(dir.path(), ImportOptions::default(), &())
        .await
        .unwrap();
    assert_eq!(again, seed_report(false, true));
    assert_eq!(dump(&target).await, dump(&source).await);
}

#[tokio::test]
async fn importing_into_the_database_it_came_from_changes_nothing() {
    let (source, dir) = export_seed().await;
    let before = dump(&source).await;
    let report = source
        .store()
        .await
        .import(dir.path(), ImportOptions::default(), &())
        .await
        .unwrap();
    assert_eq!(report, seed_report(false, true));
    assert_eq!(dump(&source).await, before);
}

#[tokio::test]
async fn a_dry_run_reports_what_an_import_would_do_and_writes_nothing() {
    let (_source, dir) = export_seed().await;
    let (target, store) = common::store().await;
    let report = store
        .import(dir.path(), ImportOptions { dry_run: true }, &())
        .await
        .unwrap();
    assert_eq!(report, seed_report(true, false));
    assert_eq!(counts(&target).await, no_rows());
}

#[tokio::test]
async fn a_dry_run_counts_rows_already_present() {
    let (_source, dir) = export_seed().await;
    let (target, store) = common::store().await;
    target
        .client()
        .await
        .batch_execute(
            "INSERT INTO actors VALUES ('a1', 'someone else', 'x', NULL);
             INSERT INTO property_lookup VALUES ('email', 'one@example.com', 'a1')",
        )
        .await
        .unwrap();
    let report = store
        .import(dir.path(), ImportOptions { dry_run: true }, &())
        .await
        .unwrap();
    assert_eq!(report.tables[0], imported("actors", 3, 2, 1, None));
    assert_eq!(
        report.tables[2],
        imported("property_lookup", 3, 2, 1, Some(REBUILT))
    );
    assert_eq!(rows(&target, "actors").await, ["(a1,\"someone else\",x,)"]);
    assert_eq!(rows(&target, "properties").await, Vec::<String>::new());
}

#[tokio::test]
async fn a_record_already_stored_is_left_as_it_is() {
    let (_source, dir) = export_seed().await;
    let (target, store) = common::store().await;
    target
        .client()
        .await
        .batch_execute("INSERT INTO properties VALUES ('a1', 'email', 'kept@example.com')")
        .await
        .unwrap();
    let report = store
        .import(dir.path(), ImportOptions::default(), &())
        .await
        .unwrap();
    assert_eq!(report.tables[1], imported("properties", 9, 8, 1, None));
    let props = rows(&target, "properties").await;
    assert!(props.contains(&"(a1,email,kept@example.com)".to_string()));
    // The lookup follows the stored value.
    assert_eq!(
        rows(&target, "property_lookup").await,
        [
            "(email,kept@example.com,a1)",
            "(email,two@example.com,a2)",
            "(oauthId,shared,a2)"
        ]
    );
}

#[tokio::test]
async fn missing_files_and_empty_arrays_are_skipped_with_a_note() {
    let (db, store) = common::store().await;
    let dir = TempDir::new();
    dir.write(
        "actors.json",
        r#"[{"id": "a1", "creator": "c", "passphrase": "p"}]"#,
    );
    dir.write("trusts.json", " [ ] ");
    let report = store
        .import(dir.path(), ImportOptions::default(), &())
        .await
        .unwrap();
    let skipped = |table: &str| {
        let note = format!("{table}.json not found; skipped");
        imported(table, 0, 0, 0, Some(&note))
    };
    assert_eq!(
        report.tables,
        [
            imported("actors", 1, 1, 0, None),
            skipped("properties"),
            imported("property_lookup", 0, 0, 0, Some(REBUILT)),
            skipped("attributes"),
            imported("trusts", 0, 0, 0, Some("empty; skipped")),
            skipped("peertrustees"),
            skipped("subscriptions"),
            skipped("subscription_diffs"),
            skipped("subscription_suspensions"),
        ]
    );
    assert_eq!(rows(&db, "actors").await, ["(a1,c,p,)"]);
}

#[tokio::test]
async fn a_directory_that_does_not_exist_is_refused() {
    let (_db, store) = common::store().await;
    let dir = TempDir::new();
    let missing = dir.path().join("nope");
    let expected = format!(
        "invalid directory: {} is not a directory",
        missing.display()
    );
    assert_err(
        store.import(&missing, ImportOptions::default(), &()).await,
        INVALID,
        &expected,
    );
    assert_err(
        store.validate_import(&missing, &()).await,
        INVALID,
        &expected,
    );
}

/// Files as the reference's script would write them: `json.dump(records, indent=2,
/// default=str)` of its models, with their field names and `str(datetime)` timestamps.
fn write_reference_export(dir: &TempDir) {
    dir.write(
        "actors.json",
        r#"[
  {"id": "a1", "creator": "Owner@Example.com", "passphrase": "pw",
   "created_at": "2024-01-01 10:00:00+00:00"},
  {"id": "a2", "creator": "c2", "passphrase": "pw2"}
]"#,
    );
    dir.write(
        "properties.json",
        r#"[
  {"id": "a1", "name": "email", "value": "me@example.com"},
  {"id": "a2", "name": "email", "value": "me@example.com"},
  {"id": "a1", "name": "list:email", "value": "x"},
  {"id": "a1", "name": "displayName", "value": "Me"}
]"#,
    );
    dir.write(
        "attributes.json",
        r#"[
  {"id": "a1", "bucket_name": "stale:key", "bucket": "oauth", "name": "tok",
   "data": {"z": 1, "a": "ø"}, "timestamp": "2024-01-01 10:00:00.123456",
   "ttl_timestamp": 1700000000},
  {"id": "a1", "bucket": "oauth", "name": "none", "data": null},
  {"id": "a1", "bucket": "oauth", "name": "absent"},
  {"id": "a1", "bucket": "b", "name": "zero", "data": 0, "ttl_timestamp": "42"}
]"#,
    );
    dir.write(
        "trusts.json",
        r#"[
  {"id": "a1", "peerid": "p1", "baseuri": "https://p1", "type": "urn:t",
   "relationship": "friend", "secret": "s", "desc_text": "old name", "approved": true,
   "verification_token": "v", "established_via": "trust",
   "created_at": "2024-01-15 10:30:00+00:00", "last_accessed": "2024-01-15T12:30:00+02:00",
   "last_connected_via": "OAuth2"},
  {"id": "a1", "peerid": "p2", "baseuri": "https://p2", "type": "urn:t",
   "relationship": "admin", "secret": "s2", "desc": "new name", "desc_text": "ignored"}
]"#,
    );
    dir.write(
        "peertrustees.json",
        r#"[
  {"id": "a1", "peerid": "p1", "baseuri": "https://p1", "peer_type": "urn:t",
   "relationship": "friend", "secret": "their secret", "desc": "ignored"},
  {"id": "a1", "peerid": "p2", "baseuri": "https://p2", "type": "urn:u",
   "passphrase": "pp", "secret": "not this"}
]"#,
    );
    dir.write(
        "subscriptions.json",
        r#"[
  {"id": "a1", "peer_sub_id": "stale", "peerid": "p1", "subid": "s1",
   "granularity": "high", "target": "properties", "subtarget": null, "resource": null},
  {"id": "a1", "peerid": "p1", "subid": "s2", "seqnr": 3.0, "callback": true}
]"#,
    );
    dir.write(
        "subscription_diffs.json",
        r#"[
  {"id": "a1", "subid_seqnr": "ignored", "subid": "s1", "seqnr": "2",
   "timestamp": "2024-01-01 10:00:00", "diff": "{\"a\": 1}"},
  {"id": "a1", "subid": "s1", "seqnr": 10, "timestamp": "2024-01-01T10:00:00.5+00:00",
   "diff": ""}
]"#,
    );
}

#[tokio::test]
async fn a_reference_format_export_imports_with_its_field_names_and_timestamps() {
    let (db, store) = common::store().await;
    let dir = TempDir::new();
    write_reference_export(&dir);
    let report = store
        .import(dir.path(), ImportOptions::default(), &())
        .await
        .unwrap();
    assert_eq!(
        report.tables,
        [
            imported("actors", 2, 2, 0, None),
            imported("properties", 4, 4, 0, None),
            imported("property_lookup", 1, 1, 0, Some(REBUILT)),
            imported("attributes", 4, 4, 0, None),
            imported("trusts", 2, 2, 0, None),
            imported("peertrustees", 2, 2, 0, None),
            imported("subscriptions", 2, 2, 0, None),
            imported("subscription_diffs", 2, 2, 0, None),
            imported(
                "subscription_suspensions",
                0,
                0,
                0,
                Some("subscription_suspensions.json not found; skipped")
            ),
        ]
    );
    let dump = dump(&db).await;
    let table = |name: &str| dump.iter().find(|(t, _)| t == name).unwrap().1.clone();
    // Creators are copied as they are; created_at is kept (the script leaves it NULL).
    assert_eq!(
        table("actors"),
        [
            "(a1,Owner@Example.com,pw,\"2024-01-01 10:00:00\")",
            "(a2,c2,pw2,)"
        ]
    );
    // The first actor (by id) holding a value owns its lookup row; list: names never do.
    assert_eq!(table("property_lookup"), ["(email,me@example.com,a1)"]);
    // bucket_name rebuilt; data: null and absent are NULL, falsy data is kept; TTL from a
    // decimal string.
    assert_eq!(
        table("attributes"),
        [
            "(a1,b:zero,b,zero,0,,42)",
            "(a1,oauth:absent,oauth,absent,,,)",
            "(a1,oauth:none,oauth,none,,,)",
            "(a1,oauth:tok,oauth,tok,\"{\"\"a\"\": \"\"ø\"\", \"\"z\"\": 1}\",\"2024-01-01 10:00:00.123456\",1700000000)",
        ]
    );
    // desc_text for desc; missing booleans false; offsets converted to naive UTC;
    // last_connected_via canonicalised.
    assert_eq!(
        table("trusts"),
        [
            "(a1,p1,https://p1,urn:t,friend,s,\"old name\",t,f,f,v,,trust,\"2024-01-15 10:30:00\",\"2024-01-15 10:30:00\",oauth,,,,,,,)",
            "(a1,p2,https://p2,urn:t,admin,s2,\"new name\",f,f,f,,,,,,,,,,,,,)",
        ]
    );
    // peer_type for type, secret for passphrase when there is no passphrase.
    assert_eq!(
        table("peertrustees"),
        [
            "(a1,p1,https://p1,urn:t,\"their secret\")",
            "(a1,p2,https://p2,urn:u,pp)"
        ]
    );
    // peer_sub_id rebuilt; seqnr missing = 0; callback missing = false.
    assert_eq!(
        table("subscriptions"),
        [
            "(a1,p1:s1,p1,s1,high,properties,,,0,f)",
            "(a1,p1:s2,p1,s2,,,,,3,t)"
        ]
    );
    assert_eq!(
        table("subscription_diffs"),
        [
            "(a1,s1:10,s1,\"2024-01-01 10:00:00.5\",\"\",10)",
            "(a1,s1:2,s1,\"2024-01-01 10:00:00\",\"{\"\"a\"\": 1}\",2)",
        ]
    );
    // The import validates against the same files.
    assert!(
        store
            .validate_import(dir.path(), &())
            .await
            .unwrap()
            .passed()
    );
}

#[tokio::test]
async fn the_lookup_rebuild_follows_the_configured_indexed_names() {
    let db = TestDb::new().await;
    let config = db
        .config()
        .indexed_properties(["displayName", "list:email"]);
    let store = Store::connect(config.unwrap()).await.unwrap();
    let dir = TempDir::new();
    write_reference_export(&dir);
    let report = store
        .import(dir.path(), ImportOptions::default(), &())
        .await
        .unwrap();
    assert_eq!(
        report.tables[2],
        imported("property_lookup", 1, 1, 0, Some("rebuilt for displayName"))
    );
    assert_eq!(rows(&db, "property_lookup").await, ["(displayName,Me,a1)"]);

    let db = TestDb::new().await;
    let store = Store::connect(db.config().use_lookup_table(false))
        .await
        .unwrap();
    let report = store
        .import(dir.path(), ImportOptions::default(), &())
        .await
        .unwrap();
    assert_eq!(
        report.tables[2],
        imported(
            "property_lookup",
            0,
            0,
            0,
            Some("lookup table not used; not rebuilt")
        )
    );
    assert_eq!(rows(&db, "property_lookup").await, Vec::<String>::new());
}

#[tokio::test]
async fn an_import_adds_the_lookup_rows_of_its_values_and_leaves_every_other_row_alone() {
    let (db, store) = common::store().await;
    // Lookup rows before the import: a current one, a stale one (a1 no longer holds the value)
    // and one whose value the import brings again; a2's e-mail has no row, and is not in the
    // import.
    db.client()
        .await
        .batch_execute(
            "INSERT INTO actors VALUES ('a1', 'c', 'p', NULL), ('a2', 'c', 'p', NULL),
                                       ('z9', 'c', 'p', NULL);
             INSERT INTO properties VALUES ('a1', 'email', 'x@example.com'),
                                           ('a2', 'email', 'orphan@example.com'),
                                           ('a2', 'externalUserId', 'ext-2'),
                                           ('z9', 'oauthId', 'tok');
             INSERT INTO property_lookup VALUES ('email', 'x@example.com', 'a1'),
                                                ('email', 'stale@example.com', 'a1'),
                                                ('oauthId', 'tok', 'z9')",
        )
        .await
        .unwrap();
    let dir = TempDir::new();
    dir.write(
        "actors.json",
        r#"[{"id": "b1"}, {"id": "b2"}, {"id": "c1"}, {"id": "a0"}]"#,
    );
    // new@example.com: c1 comes first in the file, a0 has the lowest id. ext-2: a2 (stored
    // before, without a lookup row) is a lower holder than b2. tok: z9's row stays.
    dir.write(
        "properties.json",
        r#"[{"id": "b1", "name": "oauthId", "value": "tok"},
            {"id": "b2", "name": "externalUserId", "value": "ext-2"},
            {"id": "c1", "name": "email", "value": "new@example.com"},
            {"id": "a0", "name": "email", "value": "new@example.com"},
            {"id": "a0", "name": "displayName", "value": "not indexed"},
            {"id": "c1", "name": "list:email", "value": "never@example.com"},
            {"id": "ghost", "name": "email", "value": "ghost@example.com"},
            {"id": "b1", "name": "email", "value": ""}]"#,
    );
    let report = store
        .import(dir.path(), ImportOptions::default(), &())
        .await
        .unwrap();
    assert_eq!(report.tables[1], imported("properties", 8, 8, 0, None));
    // Three of the imported indexed values have an existing holder (ghost is no actor, the
    // empty value claims nothing); two of them had no row.
    assert_eq!(
        report.tables[2],
        imported("property_lookup", 3, 2, 1, Some(REBUILT))
    );
    assert_eq!(
        rows(&db, "property_lookup").await,
        [
            "(email,new@example.com,a0)",
            "(email,stale@example.com,a1)",
            "(email,x@example.com,a1)",
            "(externalUserId,ext-2,a2)",
            "(oauthId,tok,z9)",
        ]
    );
}

#[tokio::test]
async fn the_lookup_rows_of_an_import_are_those_a_full_rebuild_makes() {
    let (db, store) = common::store().await;
    let dir = TempDir::new();
    generate(dir.path(), 600);
    // 6000 records in reverse order: two batches, the first with actors 599..100, the second
    // with 99..0. The owner of a shared value is the lowest holder of the whole import, not of
    // a batch nor the first in the file: actors 99 and 100 share oauth-33.
    let records: Vec<Value> = serde_json::from_str(&dir.read("properties.json")).unwrap();
    let reversed: Vec<&Value> = records.iter().rev().collect();
    dir.write(
        "properties.json",
        &serde_json::to_string(&reversed).unwrap(),
    );
    store
        .import(dir.path(), ImportOptions::default(), &())
        .await
        .unwrap();
    let imported = rows(&db, "property_lookup").await;
    assert_eq!(imported.len(), 600 + 200);
    assert!(imported.contains(&"(oauthId,oauth-33,actor-000099)".to_string()));
    db.client()
        .await
        .batch_execute("DELETE FROM property_lookup")
        .await
        .unwrap();
    assert_eq!(store.properties().rebuild_lookup().await.unwrap(), 800);
    assert_eq!(rows(&db, "property_lookup").await, imported);
}

#[tokio::test]
async fn identifiers_of_255_characters_are_accepted() {
    let (db, store) = common::store().await;
    let dir = TempDir::new();
    let id = "i".repeat(255);
    dir.write(
        "actors.json",
        &json!([{"id": id, "creator": "c".repeat(255)}]).to_string(),
    );
    // bucket + ":" + name fills the key column exactly.
    dir.write(
        "attributes.json",
        &json!([{"id": id, "bucket": "b".repeat(127), "name": "n".repeat(127), "data": 1}])
            .to_string(),
    );
    store
        .import(dir.path(), ImportOptions::default(), &())
        .await
        .unwrap();
    let client = db.client().await;
    let lengths = client
        .query_one(
            "SELECT length(a.id), length(t.bucket_name) FROM actors a, attributes t",
            &[],
        )
        .await
        .unwrap();
    assert_eq!(
        (lengths.get::<_, i32>(0), lengths.get::<_, i32>(1)),
        (255, 255)
    );
}

/// Imports `content` as `file` into a fresh database and expects an invalid-input error with
/// exactly `message`, and nothing written anywhere.
async fn refused(file: &str, content: &str, message: &str) {
    let (db, store) = common::store().await;
    let dir = TempDir::new();
    dir.write(file, content);
    for dry_run in [true, false] {
        match store
            .import(dir.path(), ImportOptions { dry_run }, &())
            .await
        {
            Ok(report) => panic!("{file} {content}: imported {report:?}"),
            Err(e) => {
                assert_eq!(e.kind(), INVALID, "{e}");
                assert_eq!(e.to_string(), message);
            }
        }
    }
    assert_eq!(counts(&db).await, no_rows(), "{file} {content}");
}

#[tokio::test]
async fn a_bad_record_is_refused_naming_the_file_and_the_record() {
    let long = "x".repeat(256);
    let cases: Vec<(&str, String, String)> = vec![
        (
            "actors.json",
            r#"[{"id": "a1"}, {"id": ""}]"#.into(),
            "actors.json, record 1: invalid id: must not be empty".into(),
        ),
        (
            "actors.json",
            r#"[{"creator": "c"}]"#.into(),
            "actors.json, record 0: invalid id: is missing".into(),
        ),
        (
            "actors.json",
            json!([{"id": long}]).to_string(),
            "actors.json, record 0: invalid id: is 256 characters long; the column holds at most 255".into(),
        ),
        (
            "actors.json",
            r#"[{"id": "a1", "passphrase": "p\u0000"}]"#.into(),
            "actors.json, record 0: invalid passphrase: contains a NUL byte".into(),
        ),
        (
            "actors.json",
            r#"[{"id": 5}]"#.into(),
            "actors.json, record 0: invalid id: expected a string, found a number".into(),
        ),
        (
            "actors.json",
            r#"[{"id": "a1", "created_at": "yesterday"}]"#.into(),
            "actors.json, record 0: invalid created_at: \"yesterday\" is not a timestamp like 2024-01-01 10:00:00[.ffffff][+00:00]".into(),
        ),
        (
            "properties.json",
            r#"[{"id": "a1", "name": "n", "value": "v"}, {"id": "a1", "name": ""}]"#.into(),
            "properties.json, record 1: invalid name: must not be empty".into(),
        ),
        (
            "properties.json",
            r#"[{"id": "a1", "name": "n\u0000", "value": "v"}]"#.into(),
            "properties.json, record 0: invalid name: contains a NUL byte".into(),
        ),
        (
            "attributes.json",
            r#"[{"id": "a1", "bucket": "b", "name": "n", "data": {"k": ["\\", "\u0000"]}}]"#.into(),
            "attributes.json, record 0: invalid data: contains a NUL character (U+0000), which jsonb cannot store at line 1 column 21".into(),
        ),
        (
            "attributes.json",
            json!([{"id": "a1", "bucket": "b".repeat(200), "name": "n".repeat(100)}]).to_string(),
            "attributes.json, record 0: invalid bucket_name: is 301 characters long; the column holds at most 255".into(),
        ),
        (
            "attributes.json",
            r#"[{"id": "a1", "bucket": "b", "name": "n", "ttl_timestamp": 1.5}]"#.into(),
            "attributes.json, record 0: invalid ttl_timestamp: 1.5 is not a 64-bit integer".into(),
        ),
        (
            "trusts.json",
            r#"[{"id": "a1", "peerid": "p1", "approved": "yes"}]"#.into(),
            "trusts.json, record 0: invalid approved: expected true or false, found a string".into(),
        ),
        (
            "trusts.json",
            json!([{"id": "a1", "peerid": "p1", "aw_version": "v".repeat(51)}]).to_string(),
            "trusts.json, record 0: invalid aw_version: is 51 characters long; the column holds at most 50".into(),
        ),
        (
            "trusts.json",
            json!([{"id": "a1", "peerid": "p1", "client_name": long}]).to_string(),
            "trusts.json, record 0: invalid client_name: is 256 characters long; the column holds at most 255".into(),
        ),
        (
            "peertrustees.json",
            r#"[{"id": "a1", "peerid": "p1", "passphrase": "x"}]"#.into(),
            "peertrustees.json, record 0: invalid type: is missing".into(),
        ),
        (
            "subscriptions.json",
            r#"[{"id": "a1", "peerid": "p1", "subid": "s1", "seqnr": 3000000000}]"#.into(),
            "subscriptions.json, record 0: invalid seqnr: 3000000000 is out of range".into(),
        ),
        (
            "subscriptions.json",
            json!([{"id": "a1", "peerid": "p".repeat(200), "subid": "s".repeat(55)}]).to_string(),
            "subscriptions.json, record 0: invalid peer_sub_id: is 256 characters long; the column holds at most 255".into(),
        ),
        (
            "subscription_diffs.json",
            r#"[{"id": "a1", "subid": "s1", "seqnr": 1, "diff": "d"}]"#.into(),
            "subscription_diffs.json, record 0: invalid timestamp: is missing".into(),
        ),
        (
            "subscription_suspensions.json",
            r#"[{"id": "a1", "target": "", "suspended_at": "2024-01-01 00:00:00"}]"#.into(),
            "subscription_suspensions.json, record 0: invalid target: must not be empty".into(),
        ),
        (
            "actors.json",
            r#"[{"id": "a1"}, {"id": }]"#.into(),
            "actors.json, record 1: expected value at line 1 column 23".into(),
        ),
        (
            "actors.json",
            r#"{"id": "a1"}"#.into(),
            "actors.json: invalid type: map, expected a JSON array of records at line 1 column 1".into(),
        ),
        (
            "attributes.json",
            r#"[{"id": "a1", "bucket": "b", "name": "n", "data": "\ud800"}]"#.into(),
            "attributes.json, record 0: invalid data: unexpected end of hex escape at line 1 column 8".into(),
        ),
        (
            "actors.json",
            r#"[{"id": "a1"}] x"#.into(),
            "actors.json: after the array: trailing characters at line 1 column 16".into(),
        ),
        (
            "actors.json",
            r#"["a1"]"#.into(),
            "actors.json, record 0: invalid type: string \"a1\", expected a JSON object at line 1 column 5".into(),
        ),
    ];
    for (file, content, message) in &cases {
        refused(file, content, message).await;
    }
}

#[tokio::test]
async fn a_bad_record_in_a_later_batch_rolls_back_the_whole_table_but_not_earlier_tables() {
    let (db, store) = common::store().await;
    let dir = TempDir::new();
    dir.write("actors.json", r#"[{"id": "a1"}]"#);
    let mut records: Vec<Value> = (0..6000)
        .map(|i| json!({"id": "a1", "name": format!("p{i}"), "value": "v"}))
        .collect();
    records[5500]["value"] = json!("bad\u{0}");
    dir.write("properties.json", &Value::Array(records).to_string());
    assert_err(
        store
            .import(dir.path(), ImportOptions::default(), &())
            .await,
        INVALID,
        "properties.json, record 5500: invalid value: contains a NUL byte",
    );
    let mut expected = no_rows();
    expected[0].1 = 1;
    assert_eq!(counts(&db).await, expected);
}

#[tokio::test]
async fn an_ambiguous_attribute_key_is_refused_within_a_file_and_against_a_stored_row() {
    // Within the file: "a:b" + "c" and "a" + "b:c" both build "a:b:c".
    refused(
        "attributes.json",
        r#"[{"id": "a1", "bucket": "a:b", "name": "c", "data": 1},
            {"id": "a1", "bucket": "x", "name": "y"},
            {"id": "a1", "bucket": "a", "name": "b:c", "data": 2}]"#,
        "attributes.json, record 2: invalid bucket_name: ambiguous composite key: \"a:b:c\" \
         already holds a row for different parts than bucket \"a\" and name \"b:c\"",
    )
    .await;
    // Against a stored row, both ways.
    for (stored, file_bucket, file_name) in [(("a", "b:c"), "a:b", "c"), (("a:b", "c"), "a", "b:c")]
    {
        let (db, store) = common::store().await;
        store
            .attributes()
            .set("a1", stored.0, stored.1, &json!("kept"), None)
            .await
            .unwrap();
        let dir = TempDir::new();
        dir.write(
            "attributes.json",
            &json!([{"id": "a1", "bucket": "other", "name": "row"},
                    {"id": "a1", "bucket": file_bucket, "name": file_name, "data": 1}])
            .to_string(),
        );
        assert_err(
            store
                .import(dir.path(), ImportOptions::default(), &())
                .await,
            INVALID,
            &format!(
                "attributes.json, record 1: invalid bucket_name: ambiguous composite key: \
                 \"a:b:c\" already holds a row for different parts than bucket \
                 {file_bucket:?} and name {file_name:?}"
            ),
        );
        assert_eq!(
            rows(&db, "attributes").await,
            [format!(
                "(a1,a:b:c,{},{},\"\"\"kept\"\"\",,)",
                stored.0, stored.1
            )]
        );
    }
}

#[tokio::test]
async fn an_ambiguous_subscription_key_is_refused_within_a_file_and_against_a_stored_row() {
    refused(
        "subscriptions.json",
        r#"[{"id": "a1", "peerid": "p:1", "subid": "s"},
            {"id": "a1", "peerid": "p", "subid": "1:s"}]"#,
        "subscriptions.json, record 1: invalid peer_sub_id: ambiguous composite key: \"p:1:s\" \
         already holds a row for different parts than peerid \"p\" and subid \"1:s\"",
    )
    .await;
    for (stored, file_peer, file_sub) in [(("p", "1:s"), "p:1", "s"), (("p:1", "s"), "p", "1:s")] {
        let (db, store) = common::store().await;
        store
            .subscriptions()
            .create(
                "a1",
                &actingweb_pg::NewSubscription {
                    peerid: stored.0.into(),
                    subid: stored.1.into(),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        let dir = TempDir::new();
        dir.write(
            "subscriptions.json",
            &json!([{"id": "a1", "peerid": file_peer, "subid": file_sub}]).to_string(),
        );
        assert_err(
            store
                .import(dir.path(), ImportOptions::default(), &())
                .await,
            INVALID,
            &format!(
                "subscriptions.json, record 0: invalid peer_sub_id: ambiguous composite key: \
                 \"p:1:s\" already holds a row for different parts than peerid {file_peer:?} \
                 and subid {file_sub:?}"
            ),
        );
        assert_eq!(
            rows(&db, "subscriptions").await,
            [format!("(a1,p:1:s,{},{},,,,,0,f)", stored.0, stored.1)]
        );
    }
}

#[tokio::test]
async fn a_stored_diff_whose_columns_disagree_with_its_key_is_not_taken_for_the_record() {
    let (db, store) = common::store().await;
    db.client()
        .await
        .batch_execute(
            "INSERT INTO subscription_diffs VALUES ('a1', 's1:1', 'other', '2024-01-01', 'd', 9)",
        )
        .await
        .unwrap();
    let dir = TempDir::new();
    dir.write(
        "subscription_diffs.json",
        r#"[{"id": "a1", "subid": "s1", "seqnr": 1, "timestamp": "2024-01-01 00:00:00", "diff": "x"}]"#,
    );
    assert_err(
        store
            .import(dir.path(), ImportOptions::default(), &())
            .await,
        INVALID,
        "subscription_diffs.json, record 0: invalid subid_seqnr: ambiguous composite key: \
         \"s1:1\" already holds a row for different parts than subid \"s1\" and seqnr 1",
    );
}

#[tokio::test]
async fn the_first_of_two_records_with_the_same_key_wins() {
    let (db, store) = common::store().await;
    let dir = TempDir::new();
    dir.write(
        "attributes.json",
        r#"[{"id": "a1", "bucket": "b", "name": "n", "data": "first"},
            {"id": "a1", "bucket": "b", "name": "n", "data": "second"}]"#,
    );
    let report = store
        .import(dir.path(), ImportOptions::default(), &())
        .await
        .unwrap();
    assert_eq!(report.tables[3], imported("attributes", 2, 1, 1, None));
    assert_eq!(
        rows(&db, "attributes").await,
        ["(a1,b:n,b,n,\"\"\"first\"\"\",,)"]
    );
}

#[tokio::test]
async fn a_stale_subscription_key_is_rebuilt_from_its_parts() {
    let (source, store) = common::store().await;
    source
        .client()
        .await
        .batch_execute(
            "INSERT INTO subscriptions VALUES ('a1', 'old:key', 'p2', 's2', NULL, NULL, NULL, NULL, 1, true)",
        )
        .await
        .unwrap();
    let dir = TempDir::new();
    store.export(dir.path(), &()).await.unwrap();
    let (target, store) = common::store().await;
    store
        .import(dir.path(), ImportOptions::default(), &())
        .await
        .unwrap();
    assert_eq!(
        rows(&target, "subscriptions").await,
        ["(a1,p2:s2,p2,s2,,,,,1,t)"]
    );
}

#[tokio::test]
async fn an_oversized_indexed_value_fails_the_lookup_rebuild_and_its_properties() {
    let (db, store) = common::store().await;
    let dir = TempDir::new();
    // Incompressible text beyond the B-tree's row limit (about 2.7 kB).
    let mut seed = 17u64;
    let value: String = (0..10_000)
        .map(|_| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            char::from(b'!' + ((seed >> 33) % 90) as u8)
        })
        .collect();
    dir.write("actors.json", r#"[{"id": "a1"}]"#);
    dir.write(
        "properties.json",
        &json!([{"id": "a1", "name": "email", "value": value}]).to_string(),
    );
    let err = store
        .import(dir.path(), ImportOptions::default(), &())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), INVALID, "{err}");
    assert_eq!(
        err.to_string(),
        "rebuilding property_lookup: index row requires 10024 bytes, maximum size is 8191"
    );
    let mut expected = no_rows();
    expected[0].1 = 1;
    assert_eq!(counts(&db).await, expected);
}

// ---------------------------------------------------------------------------------------------
// validate

fn validated(table: &str, records: u64, sampled: u64) -> ValidatedTable {
    ValidatedTable {
        table: table.into(),
        file: format!("{table}.json"),
        json_records: records,
        found: records,
        sampled,
        mismatches: Vec::new(),
        extra_rows: Vec::new(),
        note: None,
    }
}

#[tokio::test]
async fn validate_passes_after_an_import_and_counts_only_the_files_keys() {
    let (_source, dir) = export_seed().await;
    let (target, store) = common::store().await;
    store
        .import(dir.path(), ImportOptions::default(), &())
        .await
        .unwrap();
    // Rows the files do not mention do not count.
    target
        .client()
        .await
        .batch_execute("INSERT INTO actors VALUES ('extra', 'c', 'p', NULL)")
        .await
        .unwrap();
    let report = store.validate_import(dir.path(), &()).await.unwrap();
    let expected: Vec<ValidatedTable> = [
        ("actors", 3),
        ("properties", 9),
        ("attributes", 7),
        ("trusts", 2),
        ("peertrustees", 2),
        ("subscriptions", 2),
        ("subscription_diffs", 3),
        ("subscription_suspensions", 2),
    ]
    .iter()
    .map(|&(t, n)| validated(t, n, n))
    .collect();
    assert_eq!(report.tables, expected);
    assert!(report.passed());
}

#[tokio::test]
async fn validate_lists_changed_fields_and_missing_rows() {
    let (source, dir) = export_seed().await;
    source
        .client()
        .await
        .batch_execute(
            "UPDATE trusts SET relationship = 'admin', secret = 'changed' WHERE peerid = 'p1';
             UPDATE attributes SET data = '{\"z\": 2}' WHERE id = 'a1' AND bucket_name = 'b:c';
             UPDATE subscription_suspensions SET suspended_at = '2024-05-01 10:00:01+00'
                 WHERE subtarget = '';
             DELETE FROM properties WHERE name = 'blank';",
        )
        .await
        .unwrap();
    let report = source
        .store()
        .await
        .validate_import(dir.path(), &())
        .await
        .unwrap();
    assert!(!report.passed());
    let mismatch = |record, key: &str, field: &str, json: &str, database: &str| Mismatch {
        record,
        key: key.into(),
        field: field.into(),
        json: json.into(),
        database: database.into(),
    };
    let by_table: Vec<(&str, u64, Vec<Mismatch>)> = report
        .tables
        .iter()
        .map(|t| (t.table.as_str(), t.found, t.mismatches.clone()))
        .collect();
    assert_eq!(
        by_table,
        [
            ("actors", 3, vec![]),
            (
                "properties",
                8,
                vec![mismatch(0, r#"["a1","blank"]"#, "row", "present", "absent")]
            ),
            (
                "attributes",
                7,
                vec![mismatch(
                    0,
                    r#"["a1","b","c"]"#,
                    "data",
                    r#"{"a": [1.50, 12345678901234567890123, "ø"], "z": 1}"#,
                    r#"{"z": 2}"#
                )]
            ),
            (
                "trusts",
                2,
                vec![
                    mismatch(
                        0,
                        r#"["a1","p1"]"#,
                        "relationship",
                        "\"friend\"",
                        "\"admin\""
                    ),
                    mismatch(0, r#"["a1","p1"]"#, "secret", "<redacted>", "<redacted>"),
                ]
            ),
            ("peertrustees", 2, vec![]),
            ("subscriptions", 2, vec![]),
            ("subscription_diffs", 3, vec![]),
            (
                "subscription_suspensions",
                2,
                vec![mismatch(
                    0,
                    r#"["a1","properties",""]"#,
                    "suspended_at",
                    "\"2024-05-01T10:00:00+00:00\"",
                    "\"2024-05-01T10:00:01+00:00\""
                )]
            ),
        ]
    );
}

#[tokio::test]
async fn validate_samples_every_kth_record_of_a_large_file() {
    let (db, store) = common::store().await;
    let dir = TempDir::new();
    generate(dir.path(), 600);
    store
        .import(dir.path(), ImportOptions::default(), &())
        .await
        .unwrap();
    let report = store.validate_import(dir.path(), &()).await.unwrap();
    let sampled: Vec<(&str, u64, u64)> = report
        .tables
        .iter()
        .map(|t| (t.table.as_str(), t.json_records, t.sampled))
        .collect();
    // 6000 records: every 32nd (188); 1800: every 16th (113); 1200: every 8th (150); 600:
    // every 4th (150).
    assert_eq!(
        sampled,
        [
            ("actors", 600, 150),
            ("properties", 6000, 188),
            ("attributes", 1800, 113),
            ("trusts", 1200, 150),
            ("peertrustees", 600, 150),
            ("subscriptions", 600, 150),
            ("subscription_diffs", 1200, 150),
            ("subscription_suspensions", 600, 150),
        ]
    );
    assert!(report.passed(), "{report:?}");
    // Every actor has an indexed e-mail; actors 3k and 3k+1 share an indexed oauthId.
    let lookups = db
        .client()
        .await
        .query_one("SELECT count(*) FROM property_lookup", &[])
        .await
        .unwrap()
        .get::<_, i64>(0);
    assert_eq!(lookups, 600 + 200);
}

#[tokio::test]
async fn the_transfer_futures_can_be_spawned() {
    fn spawnable<F: Future + Send + 'static>(_: F) {}
    let (_db, store) = common::store().await;
    let s = store.clone();
    spawnable(async move { s.export("/nonexistent", &()).await });
    let s = store.clone();
    spawnable(async move {
        s.import("/nonexistent", ImportOptions::default(), &())
            .await
    });
    spawnable(async move { store.validate_import("/nonexistent", &()).await });
}
