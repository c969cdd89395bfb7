//! Configuration from the environment, schema selection and the error kinds of connecting.

mod common;

use std::time::Duration;

use actingweb_pg::{Config, ErrorKind, Store};
use common::{TestDb, assert_err};

fn vars(pairs: &[(&str, &str)]) -> actingweb_pg::Result<Config> {
    Config::from_vars(pairs.iter().map(|(k, v)| (*k, v.to_string())))
}

#[test]
fn defaults_match_the_reference() {
    let config = vars(&[]).unwrap();
    let pg = config.pg_config();
    assert_eq!(format!("{:?}", pg.get_hosts()), r#"[Tcp("localhost")]"#);
    assert_eq!(pg.get_ports(), [5432]);
    assert_eq!(pg.get_dbname(), Some("actingweb"));
    assert_eq!(pg.get_user(), Some("actingweb"));
    assert_eq!(pg.get_password(), None);
    assert_eq!(config.schema_name(), "public");
    let shown = format!("{config:?}");
    assert!(shown.contains("pool_min_size: 2"), "{shown}");
    assert!(shown.contains("pool_max_size: 10"), "{shown}");
    assert!(shown.contains("pool_timeout: 30s"), "{shown}");
    assert!(
        shown.contains(r#"indexed_properties: ["oauthId", "email", "externalUserId"]"#),
        "{shown}"
    );
    assert!(shown.contains("use_lookup_table: true"), "{shown}");
}

#[test]
fn pg_db_variables_prefix_and_pool_settings_are_read() {
    let config = vars(&[
        ("PG_DB_HOST", "db.internal"),
        ("PG_DB_PORT", "6543"),
        ("PG_DB_NAME", "aw"),
        ("PG_DB_USER", "svc"),
        ("PG_DB_PASSWORD", "pa ss'word"),
        ("PG_DB_PREFIX", "test_w0_"),
        ("PG_POOL_MIN_SIZE", "1"),
        ("PG_POOL_MAX_SIZE", "4"),
        ("PG_POOL_TIMEOUT", "2.5"),
        ("INDEXED_PROPERTIES", " custom1, ,custom2 "),
        ("USE_PROPERTY_LOOKUP_TABLE", "FALSE"),
    ])
    .unwrap();
    let pg = config.pg_config();
    assert_eq!(pg.get_ports(), [6543]);
    assert_eq!(pg.get_dbname(), Some("aw"));
    assert_eq!(pg.get_user(), Some("svc"));
    assert_eq!(pg.get_password(), Some("pa ss'word".as_bytes()));
    assert_eq!(config.schema_name(), "test_w0_public");
    let shown = format!("{config:?}");
    assert!(
        shown.contains("pool_min_size: 1, pool_max_size: 4, pool_timeout: 2.5s"),
        "{shown}"
    );
    assert!(
        shown.contains(r#"indexed_properties: ["custom1", "custom2"]"#),
        "{shown}"
    );
    assert!(shown.contains("use_lookup_table: false"), "{shown}");
}

#[test]
fn database_url_replaces_the_pg_db_connection_variables() {
    let config = vars(&[
        ("DATABASE_URL", "postgresql://u:pw@h1:7777/d1"),
        ("PG_DB_HOST", "ignored"),
        ("PG_DB_SCHEMA", "aw"),
    ])
    .unwrap();
    let pg = config.pg_config();
    assert_eq!(format!("{:?}", pg.get_hosts()), r#"[Tcp("h1")]"#);
    assert_eq!(pg.get_ports(), [7777]);
    assert_eq!(pg.get_dbname(), Some("d1"));
    assert_eq!(config.schema_name(), "aw");
}

#[test]
fn empty_indexed_properties_keeps_the_default_names() {
    let config = vars(&[("INDEXED_PROPERTIES", " , ")]).unwrap();
    assert!(format!("{config:?}").contains(r#"["oauthId", "email", "externalUserId"]"#));
}

#[test]
fn debug_never_shows_the_password() {
    let config = vars(&[("PG_DB_PASSWORD", "hunter2-very-secret")]).unwrap();
    let shown = format!("{config:?}");
    assert!(!shown.contains("hunter2"), "{shown}");
    assert!(shown.contains(r#"password: Some("<redacted>")"#), "{shown}");
    let url = Config::from_url("postgresql://u:hunter2-url@h/d").unwrap();
    assert!(!format!("{url:?}").contains("hunter2"));
}

#[test]
fn bad_values_are_refused_with_the_variable_named() {
    assert_err(
        vars(&[("PG_DB_PORT", "54x")]),
        ErrorKind::InvalidInput,
        "invalid PG_DB_PORT",
    );
    assert_err(
        vars(&[("PG_POOL_MAX_SIZE", "-1")]),
        ErrorKind::InvalidInput,
        "invalid PG_POOL_MAX_SIZE",
    );
    assert_err(
        vars(&[("PG_POOL_TIMEOUT", "soon")]),
        ErrorKind::InvalidInput,
        "invalid PG_POOL_TIMEOUT",
    );
    assert_err(
        vars(&[("PG_POOL_TIMEOUT", "-1")]),
        ErrorKind::InvalidInput,
        "invalid PG_POOL_TIMEOUT",
    );
    assert_err(
        vars(&[("PG_POOL_MIN_SIZE", "5"), ("PG_POOL_MAX_SIZE", "4")]),
        ErrorKind::InvalidInput,
        "invalid pool size",
    );
    assert_err(
        vars(&[("DATABASE_URL", "postgresql://h:notaport/d")]),
        ErrorKind::InvalidInput,
        "invalid database URL",
    );
    assert_err(
        vars(&[("INDEXED_PROPERTIES", &"n".repeat(256))]),
        ErrorKind::InvalidInput,
        "invalid indexed property name",
    );
}

#[test]
fn schema_names_outside_lowercase_alphanumerics_are_refused() {
    for bad in [
        "Test_W2_public",
        "test-w0-public",
        "a\"b",
        "sch ema",
        &"s".repeat(64),
    ] {
        assert_err(
            vars(&[("PG_DB_SCHEMA", bad)]),
            ErrorKind::InvalidInput,
            "must be 1 to 63 characters of [a-z0-9_]",
        );
    }
    assert_err(
        Config::from_url("postgresql://h/d").unwrap().schema(""),
        ErrorKind::InvalidInput,
        "must be 1 to 63 characters",
    );
    assert_eq!(
        vars(&[("PG_DB_PREFIX", "t9_")]).unwrap().schema_name(),
        "t9_public"
    );
}

#[tokio::test]
async fn every_pooled_connection_uses_the_configured_schema() {
    let db = TestDb::empty().await;
    let client = db.client().await;
    client
        .batch_execute(&format!(
            "CREATE SCHEMA test_w0_public; SET search_path TO test_w0_public; {}",
            common::SCHEMA_SQL
        ))
        .await
        .unwrap();
    let config = Config::from_url(&db.url)
        .unwrap()
        .schema("test_w0_public")
        .unwrap()
        .pool_size(3, 3)
        .unwrap();
    let store = Store::connect(config).await.unwrap();
    // Hold all three connections at once so each one is used.
    let held = futures::future::try_join_all((0..3).map(|_| store.pool().get()))
        .await
        .unwrap();
    for conn in &held {
        let path: String = conn
            .query_one("SHOW search_path", &[])
            .await
            .unwrap()
            .get(0);
        assert_eq!(path, "test_w0_public");
    }
    drop(held);
    store.actors().create("a1", "c", "p").await.unwrap();
    let n: i64 = client
        .query_one("SELECT count(*) FROM test_w0_public.actors", &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(n, 1);
}

#[tokio::test]
async fn connecting_to_a_closed_port_is_a_backend_error_with_its_source() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let config = Config::from_url(&format!("postgresql://u@127.0.0.1:{port}/d"))
        .unwrap()
        .pool_timeout(Duration::from_secs(5));
    let err = Store::connect(config).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Backend, "{err:?}");
    assert_eq!(err.to_string(), "database connection error");
    assert_eq!(
        format!("{err:#}"),
        "database connection error: error connecting to server: Connection refused (os error 111)"
    );
    assert!(std::error::Error::source(&err).is_some());
}

#[tokio::test]
async fn waiting_longer_than_the_pool_timeout_is_a_pool_timeout_error() {
    let db = TestDb::new().await;
    let config = db
        .config()
        .pool_size(1, 1)
        .unwrap()
        .pool_timeout(Duration::from_millis(200));
    let store = Store::connect(config).await.unwrap();
    let held = store.pool().get().await.unwrap();
    assert_err(
        store.actors().get("a1").await,
        ErrorKind::PoolTimeout,
        "timed out waiting for a pooled connection",
    );
    drop(held);
    assert_eq!(store.actors().get("a1").await.unwrap(), None);
}

#[tokio::test]
async fn database_errors_keep_their_sqlstate_and_source() {
    let (db, store) = common::store().await;
    drop(
        db.client()
            .await
            .batch_execute("DROP TABLE actors CASCADE")
            .await,
    );
    let err = store.actors().get("a1").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Backend);
    assert_eq!(err.sqlstate().map(|s| s.code()), Some("42P01"));
    assert!(
        err.to_string()
            .contains("relation \"actors\" does not exist"),
        "{err}"
    );
    let source = std::error::Error::source(&err).unwrap();
    let db_error = source
        .downcast_ref::<tokio_postgres::Error>()
        .and_then(|e| e.as_db_error())
        .unwrap();
    assert_eq!(db_error.message(), "relation \"actors\" does not exist");
}
