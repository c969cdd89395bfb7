//! Store::migrate: install, no-op at head, adoption of an Alembic-managed database, refusals,
//! prefixed schemas, concurrent migrators; and migrations/ applied == schema.sql.

mod common;

use actingweb_pg::{Config, ErrorKind, HEAD_REVISION, MigrationReport, Store};
use common::{TestDb, assert_err, catalog};

const REFERENCE_DUMP: &str = include_str!("fixtures/reference-head-schema.sql");

/// The reference's pg_dump at Alembic head, into `schema`, with its revision recorded (what
/// `alembic upgrade head` leaves behind).
async fn alembic_database(db: &TestDb, schema: &str, revision: &str) {
    let dump: String = REFERENCE_DUMP
        .lines()
        .filter(|l| !l.starts_with('\\'))
        .collect::<Vec<_>>()
        .join("\n")
        .replace("public.", &format!("{schema}."));
    let client = db.client().await;
    client
        .batch_execute(&format!("CREATE SCHEMA IF NOT EXISTS {schema}; {dump}"))
        .await
        .unwrap();
    client
        .execute(
            &format!("INSERT INTO {schema}.alembic_version VALUES ($1)"),
            &[&revision],
        )
        .await
        .unwrap();
}

async fn store_for(db: &TestDb, schema: &str) -> Store {
    Store::connect(Config::from_url(&db.url).unwrap().schema(schema).unwrap())
        .await
        .unwrap()
}

#[tokio::test]
async fn migrate_installs_schema_sql_on_an_empty_database_and_is_then_a_no_op() {
    let db = TestDb::empty().await;
    let store = store_for(&db, "public").await;
    assert_eq!(
        store.migrate().await.unwrap(),
        MigrationReport {
            schema: "public".into(),
            before: None,
            after: HEAD_REVISION.into(),
            applied: vec![HEAD_REVISION.into()],
        }
    );
    let expected = catalog(&TestDb::new().await.client().await, "public").await;
    assert_eq!(catalog(&db.client().await, "public").await, expected);
    assert_eq!(
        store.migrate().await.unwrap(),
        MigrationReport {
            schema: "public".into(),
            before: Some(HEAD_REVISION.into()),
            after: HEAD_REVISION.into(),
            applied: vec![],
        }
    );
    store.actors().create("a1", "c", "p").await.unwrap();
}

#[tokio::test]
async fn all_migrations_applied_equal_schema_sql_including_the_recorded_revision() {
    let migrated = TestDb::empty().await;
    store_for(&migrated, "public")
        .await
        .migrate()
        .await
        .unwrap();
    let from_schema_sql = TestDb::new().await;
    for db in [&migrated, &from_schema_sql] {
        let rows = db
            .client()
            .await
            .query("SELECT version_num FROM alembic_version", &[])
            .await
            .unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].get::<_, String>(0), HEAD_REVISION);
    }
    assert_eq!(
        catalog(&migrated.client().await, "public").await,
        catalog(&from_schema_sql.client().await, "public").await
    );
}

#[tokio::test]
async fn migrate_creates_and_fills_a_prefixed_schema() {
    let db = TestDb::empty().await;
    let store = store_for(&db, "test_w3_public").await;
    let report = store.migrate().await.unwrap();
    assert_eq!(report.schema, "test_w3_public");
    assert_eq!(report.applied, [HEAD_REVISION]);
    let expected = catalog(&TestDb::new().await.client().await, "public").await;
    assert_eq!(
        catalog(&db.client().await, "test_w3_public").await,
        expected
    );
    assert!(catalog(&db.client().await, "public").await.is_empty());
    store.actors().create("a1", "c", "p").await.unwrap();
    let n: i64 = db
        .client()
        .await
        .query_one("SELECT count(*) FROM test_w3_public.actors", &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(n, 1);
}

#[tokio::test]
async fn a_database_alembic_brought_to_head_is_adopted_unchanged() {
    let db = TestDb::empty().await;
    alembic_database(&db, "test_w1_public", HEAD_REVISION).await;
    let before = catalog(&db.client().await, "test_w1_public").await;
    let store = store_for(&db, "test_w1_public").await;
    let report = store.migrate().await.unwrap();
    assert_eq!(report.before.as_deref(), Some(HEAD_REVISION));
    assert!(report.applied.is_empty());
    assert_eq!(catalog(&db.client().await, "test_w1_public").await, before);
    store
        .properties()
        .set("nobody", "plain", "works")
        .await
        .unwrap();
}

#[tokio::test]
async fn an_older_alembic_revision_is_refused_with_what_to_run() {
    let db = TestDb::empty().await;
    alembic_database(&db, "public", "d4e5f6a7b8c9").await;
    assert_err(
        store_for(&db, "public").await.migrate().await,
        ErrorKind::Conflict,
        "is at Alembic revision d4e5f6a7b8c9, older than e5f6a7b8c9d0; upgrade it with the \
         Python actingweb package first (`python scripts/migrate_db.py upgrade head`",
    );
}

#[tokio::test]
async fn an_unknown_revision_and_unmanaged_tables_are_refused() {
    let db = TestDb::empty().await;
    alembic_database(&db, "public", "ffffffffffff").await;
    assert_err(
        store_for(&db, "public").await.migrate().await,
        ErrorKind::Conflict,
        "is at unknown revision \"ffffffffffff\"",
    );
    let db = TestDb::empty().await;
    db.client()
        .await
        .batch_execute("CREATE TABLE actors (id text)")
        .await
        .unwrap();
    assert_err(
        store_for(&db, "public").await.migrate().await,
        ErrorKind::Conflict,
        "holds ActingWeb tables but no Alembic revision",
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn eight_concurrent_migrators_apply_the_schema_exactly_once() {
    let db = TestDb::empty().await;
    let mut handles = Vec::new();
    for _ in 0..8 {
        let store = store_for(&db, "test_w8_public").await;
        handles.push(tokio::spawn(async move { store.migrate().await.unwrap() }));
    }
    let mut applied = 0;
    for handle in handles {
        let report = handle.await.unwrap();
        assert_eq!(report.after, HEAD_REVISION);
        applied += report.applied.len();
    }
    assert_eq!(applied, 1);
    assert_eq!(
        catalog(&db.client().await, "test_w8_public").await,
        catalog(&TestDb::new().await.client().await, "public").await
    );
}
