//! schema.sql against the Python reference's schema at Alembic head (a pg_dump of it, in
//! tests/fixtures/reference-head-schema.sql): the catalogs must not differ, except for the
//! crate's two extra indexes (`common::CRATE_ONLY_CATALOG`), which are allowed by name and full
//! definition; tables, columns, constraints and every other index are identical.

mod common;

use common::{CRATE_ONLY_CATALOG, TestDb, catalog};

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
    // 66 columns, 11 constraints, 15 + 2 indexes, 10 tables.
    assert_eq!(ours.len(), 104, "catalog entries: {ours:#?}");
    assert_eq!(reference.len(), 102, "catalog entries: {reference:#?}");
    let only_ours: Vec<_> = ours.difference(&reference).map(String::as_str).collect();
    let only_reference: Vec<_> = reference.difference(&ours).collect();
    assert!(
        only_ours == CRATE_ONLY_CATALOG && only_reference.is_empty(),
        "only in schema.sql: {only_ours:#?}\nonly in the reference: {only_reference:#?}"
    );
}

#[tokio::test]
async fn the_extra_indexes_leave_the_reference_tables_columns_and_constraints_alone() {
    let ours = catalog(&TestDb::new().await.client().await, "public").await;
    assert_eq!(CRATE_ONLY_CATALOG.len(), 2);
    for line in CRATE_ONLY_CATALOG {
        assert!(ours.contains(*line), "{line}");
        assert!(
            line.starts_with("index "),
            "only an index may be extra: {line}"
        );
    }
    // The holders' index is a B-tree on bounded prefixes: entries stay under the page limit
    // whatever the size of a property's name or value (the reference stores values of any
    // size). The bucket index holds two varchar(255) columns, bounded by their type.
    assert!(
        CRATE_ONLY_CATALOG[1].contains("\"left\"(name, 200), \"left\"(value, 200)"),
        "{}",
        CRATE_ONLY_CATALOG[1]
    );
    assert!(
        CRATE_ONLY_CATALOG[0].ends_with("ON attributes USING btree (id, bucket)"),
        "{}",
        CRATE_ONLY_CATALOG[0]
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
