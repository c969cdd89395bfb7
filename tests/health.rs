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

#[tokio::test]
async fn ping_is_ok_at_head_and_a_conflict_naming_the_revision_otherwise() {
    let (db, store) = common::store().await;
    store.ping().await.unwrap();
    db.client()
        .await
        .batch_execute("UPDATE alembic_version SET version_num = 'a1b2c3d4e5f6'")
        .await
        .unwrap();
    let err = store.ping().await.unwrap_err();
    assert_eq!(err.kind(), actingweb_pg::ErrorKind::Conflict);
    assert_eq!(
        err.to_string(),
        "schema \"public\" is at revision Some(\"a1b2c3d4e5f6\"), not \"e5f6a7b8c9d0\": run migrate"
    );
    let empty = common::TestDb::empty().await;
    let err = empty.store().await.ping().await.unwrap_err();
    assert_eq!(
        err.to_string(),
        "schema \"public\" is at revision None, not \"e5f6a7b8c9d0\": run migrate"
    );
}

#[tokio::test]
async fn a_closed_store_refuses_operations() {
    let (_db, store) = common::store().await;
    store.ping().await.unwrap();
    store.close();
    let err = store.ping().await.unwrap_err();
    assert_eq!(err.kind(), actingweb_pg::ErrorKind::Backend);
    assert_eq!(err.to_string(), "connection pool error");
    assert_eq!(
        format!("{err:#}"),
        "connection pool error: Pool has been closed"
    );
}

#[tokio::test]
async fn connections_older_than_their_lifetime_are_replaced() {
    let db = common::TestDb::new().await;
    let config = db
        .config()
        .pool_size(1, 1)
        .unwrap()
        .connection_lifetime(Some(std::time::Duration::from_millis(200)), None);
    let store = actingweb_pg::Store::connect(config).await.unwrap();
    let pid = |store: actingweb_pg::Store| async move {
        let client = store.pool().get().await.unwrap();
        let pid: i32 = client
            .query_one("SELECT pg_backend_pid()", &[])
            .await
            .unwrap()
            .get(0);
        pid
    };
    let first = pid(store.clone()).await;
    assert_eq!(pid(store.clone()).await, first, "reused while young");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_ne!(pid(store.clone()).await, first, "replaced once too old");
}

#[tokio::test]
async fn connections_unused_for_their_idle_time_are_closed() {
    let db = common::TestDb::new().await;
    let config = db
        .config()
        .pool_size(2, 2)
        .unwrap()
        .connection_lifetime(None, Some(std::time::Duration::from_millis(100)));
    let store = actingweb_pg::Store::connect(config).await.unwrap();
    assert_eq!(store.pool().status().size, 2);
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    assert_eq!(store.pool().status().size, 0);
    store.ping().await.unwrap();
    assert_eq!(store.pool().status().size, 1);
}
