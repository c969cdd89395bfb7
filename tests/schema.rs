//! schema.sql against the Python reference's schema at Alembic head (a pg_dump of it, in
//! tests/fixtures/reference-head-schema.sql): the catalogs must not differ.

mod common;

use common::{TestDb, catalog};

const REFERENCE_DUMP: &str = include_str!("fixtures/reference-head-schema.sql");

/// The dump without psql meta-commands (`\restrict`), which the server does not understand.
fn reference_sql() -> String {
    REFERENCE_DUMP
        .lines()
        .filter(|line| !line.starts_with('\\'))
        .collect::<Vec<_>>()
        .join("\n")
}

#[tokio::test]
async fn schema_sql_catalog_equals_the_reference_head_schema() {
    let ours = TestDb::new().await;
    let reference = TestDb::empty().await;
    reference
        .client()
        .await
        .batch_execute(&reference_sql())
        .await
        .unwrap();
    let ours = catalog(&ours.client().await, "public").await;
    let reference = catalog(&reference.client().await, "public").await;
    // 66 columns, 11 constraints, 15 indexes, 10 tables.
    assert_eq!(ours.len(), 102, "catalog entries: {ours:#?}");
    let only_ours: Vec<_> = ours.difference(&reference).collect();
    let only_reference: Vec<_> = reference.difference(&ours).collect();
    assert!(
        only_ours.is_empty() && only_reference.is_empty(),
        "only in schema.sql: {only_ours:#?}\nonly in the reference: {only_reference:#?}"
    );
}

#[tokio::test]
async fn schema_sql_records_the_reference_alembic_head() {
    let db = TestDb::new().await;
    let rows = db
        .client()
        .await
        .query("SELECT version_num FROM alembic_version", &[])
        .await
        .unwrap();
    let versions: Vec<String> = rows.iter().map(|r| r.get(0)).collect();
    assert_eq!(versions, ["e5f6a7b8c9d0"]);
}
