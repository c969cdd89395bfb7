//! Store::health against a real PostgreSQL.

mod common;

use actingweb_pg::{Config, HEAD_REVISION, PoolHealth, Store};
use common::{TestDb, store};

const TABLES: [&str; 10] = [
    "actors",
    "alembic_version",
    "attributes",
    "peertrustees",
    "properties",
    "property_lookup",
    "subscription_diffs",
    "subscription_suspensions",
    "subscriptions",
    "trusts",
];

#[tokio::test]
async fn health_reports_pool_server_tables_and_revision() {
    let (db, store) = store().await;
    for i in 0..25 {
        store
            .actors()
            .create(&format!("a{i}"), "c", "p")
            .await
            .unwrap();
    }
    db.client()
        .await
        .batch_execute("ANALYZE actors")
        .await
        .unwrap();
    let health = store.health().await.unwrap();
    assert_eq!(
        health.pool,
        PoolHealth {
            max_size: 10,
            size: 2,
            idle: 2,
            waiting: 0
        }
    );
    let major: u32 = health
        .server_version
        .split('.')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(major >= 12, "{}", health.server_version);
    // This test's pooled connections plus its raw client may still be open.
    assert!(health.active_connections >= 2, "{health:?}");
    assert!(health.database_size_bytes > 1_000_000, "{health:?}");
    assert_eq!(health.schema, "public");
    assert_eq!(health.schema_revision.as_deref(), Some(HEAD_REVISION));
    let names: Vec<&str> = health.tables.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, TABLES);
    let actors = &health.tables[0];
    assert_eq!(actors.row_estimate, 25);
    assert!(actors.total_bytes >= 8192 * 2, "{actors:?}");
}

#[tokio::test]
async fn health_of_an_empty_schema_has_no_tables_and_no_revision() {
    let db = TestDb::empty().await;
    let store = Store::connect(Config::from_url(&db.url).unwrap())
        .await
        .unwrap();
    let health = store.health().await.unwrap();
    assert_eq!(health.schema_revision, None);
    assert!(health.tables.is_empty());
}
