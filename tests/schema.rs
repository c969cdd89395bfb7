//! schema.sql against the Python reference's schema at Alembic head (a pg_dump of it, in
//! tests/fixtures/reference-head-schema.sql): the catalogs must not differ.

mod common;

use std::collections::BTreeSet;

use common::TestDb;

const REFERENCE_DUMP: &str = include_str!("fixtures/reference-head-schema.sql");

/// Columns with types and defaults, constraints and indexes of the `public` schema, one line
/// per catalog entry.
async fn catalog(client: &tokio_postgres::Client) -> BTreeSet<String> {
    let queries = [
        "SELECT format('column %s.%s #%s %s(%s) nullable=%s default=%s', table_name, column_name,
                ordinal_position, data_type, character_maximum_length, is_nullable, column_default)
         FROM information_schema.columns WHERE table_schema = 'public'",
        "SELECT format('constraint %s %s %s', conrelid::regclass, conname,
                pg_get_constraintdef(oid))
         FROM pg_constraint WHERE connamespace = 'public'::regnamespace",
        "SELECT format('index %s %s', indexname, indexdef)
         FROM pg_indexes WHERE schemaname = 'public'",
        "SELECT format('table %s', tablename) FROM pg_tables WHERE schemaname = 'public'",
    ];
    let mut lines = BTreeSet::new();
    for sql in queries {
        for row in client.query(sql, &[]).await.unwrap() {
            lines.insert(row.get::<_, String>(0));
        }
    }
    lines
}

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
    let ours = catalog(&ours.client().await).await;
    let reference = catalog(&reference.client().await).await;
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
