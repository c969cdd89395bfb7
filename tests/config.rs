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
async fn connecting_to_a_closed_port_is_unavailable_with_its_source() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let config = Config::from_url(&format!("postgresql://u@127.0.0.1:{port}/d"))
        .unwrap()
        .pool_timeout(Duration::from_secs(5));
    let err = Store::connect(config).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unavailable, "{err:?}");
    assert!(!err.is_outcome_unknown());
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
async fn an_operation_waits_for_a_connection_given_back_within_the_pool_timeout() {
    let db = TestDb::new().await;
    let config = db
        .config()
        .pool_size(1, 1)
        .unwrap()
        .pool_timeout(Duration::from_secs(10));
    let store = Store::connect(config).await.unwrap();
    store
        .actors()
        .create("a1", "c@example.com", "pw")
        .await
        .unwrap();
    let held = store.pool().get().await.unwrap();
    let started = std::time::Instant::now();
    let give_back = async {
        tokio::time::sleep(Duration::from_millis(300)).await;
        drop(held);
    };
    let actors = store.actors();
    let (got, ()) = tokio::join!(actors.get("a1"), give_back);
    assert_eq!(got.unwrap().map(|actor| actor.id), Some("a1".to_string()));
    assert!(started.elapsed() >= Duration::from_millis(300));
    assert_eq!(store.pool().status().size, 1);
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

// ---- libpq variables, TLS settings and connection-string validation ----

use std::path::Path;

use actingweb_pg::{DEFAULT_APPLICATION_NAME, RootCerts, SslMode};
use tokio_postgres::config::{SslMode as PgSslMode, TargetSessionAttrs};

fn url_err(url: &str) -> String {
    let err = Config::from_url(url).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput, "{err}");
    err.to_string()
}

#[cfg(feature = "tls")]
#[test]
fn libpq_variables_are_read() {
    let config = vars(&[
        ("PG_DB_HOST", "db.internal"),
        ("PGSSLMODE", "verify-full"),
        ("PGSSLROOTCERT", "/etc/aw/ca.pem"),
        ("PGSSLCERT", "/etc/aw/client.crt"),
        ("PGSSLKEY", "/etc/aw/client.key"),
        ("PGAPPNAME", "aw-service"),
        ("PGCONNECT_TIMEOUT", "7"),
        ("PGOPTIONS", "-c statement_timeout=5s"),
        ("PGTARGETSESSIONATTRS", "read-write"),
    ])
    .unwrap();
    assert_eq!(config.get_ssl_mode(), SslMode::VerifyFull);
    assert_eq!(
        config.get_ssl_root_cert(),
        Some(&RootCerts::File("/etc/aw/ca.pem".into()))
    );
    assert_eq!(
        config.get_ssl_client_cert(),
        Some((
            Path::new("/etc/aw/client.crt"),
            Path::new("/etc/aw/client.key")
        ))
    );
    let pg = config.pg_config();
    assert_eq!(pg.get_ssl_mode(), PgSslMode::Require);
    assert_eq!(pg.get_application_name(), Some("aw-service"));
    assert_eq!(pg.get_connect_timeout(), Some(&Duration::from_secs(7)));
    assert_eq!(pg.get_options(), Some("-c statement_timeout=5s"));
    assert_eq!(pg.get_target_session_attrs(), TargetSessionAttrs::ReadWrite);
    assert_eq!(format!("{:?}", pg.get_hosts()), r#"[Tcp("db.internal")]"#);
}

#[cfg(feature = "tls")]
#[test]
fn libpq_variables_apply_under_database_url_too() {
    let config = vars(&[
        ("DATABASE_URL", "postgresql://u@h/d"),
        ("PGSSLMODE", "require"),
        ("PGAPPNAME", "from-env"),
        ("PGTARGETSESSIONATTRS", "read-only"),
    ])
    .unwrap();
    assert_eq!(config.get_ssl_mode(), SslMode::Require);
    assert_eq!(config.pg_config().get_application_name(), Some("from-env"));
    assert_eq!(
        config.pg_config().get_target_session_attrs(),
        TargetSessionAttrs::ReadOnly
    );
}

#[test]
fn url_parameters_take_precedence_over_the_libpq_variables() {
    let url = "postgresql://u@h/d?sslmode=disable&application_name=from-url&connect_timeout=3\
               &options=-c%20work_mem%3D1MB&target_session_attrs=any&sslrootcert=/url/ca.pem\
               &sslcert=/url/c.crt&sslkey=/url/c.key";
    let config = vars(&[
        ("DATABASE_URL", url),
        ("PGSSLMODE", "verify-full"),
        ("PGSSLROOTCERT", "/env/ca.pem"),
        ("PGSSLCERT", "/env/c.crt"),
        ("PGSSLKEY", "/env/c.key"),
        ("PGAPPNAME", "from-env"),
        ("PGCONNECT_TIMEOUT", "9"),
        ("PGOPTIONS", "-c work_mem=2MB"),
        ("PGTARGETSESSIONATTRS", "read-write"),
    ])
    .unwrap();
    assert_eq!(config.get_ssl_mode(), SslMode::Disable);
    assert_eq!(
        config.get_ssl_root_cert(),
        Some(&RootCerts::File("/url/ca.pem".into()))
    );
    assert_eq!(
        config.get_ssl_client_cert(),
        Some((Path::new("/url/c.crt"), Path::new("/url/c.key")))
    );
    let pg = config.pg_config();
    assert_eq!(pg.get_ssl_mode(), PgSslMode::Disable);
    assert_eq!(pg.get_application_name(), Some("from-url"));
    assert_eq!(pg.get_connect_timeout(), Some(&Duration::from_secs(3)));
    assert_eq!(pg.get_options(), Some("-c work_mem=1MB"));
    assert_eq!(pg.get_target_session_attrs(), TargetSessionAttrs::Any);
}

#[cfg(feature = "tls")]
#[test]
fn key_value_connection_strings_carry_the_tls_settings() {
    let config = Config::from_url(
        "host=db port=6000 user=svc password='it''s \\' secret' sslmode=verify-ca \
         sslrootcert='/path with space/ca.pem' dbname=aw",
    );
    // `''` is not an escape in this syntax: the quoted value ends at the second quote.
    assert_eq!(
        config.unwrap_err().to_string(),
        "invalid database URL: unexpected text after the password value (quote a value that \
         contains spaces: password='...')"
    );
    let config = Config::from_url(
        "host=db port=6000 user=svc password='it\\'s a secret' sslmode=verify-ca \
         sslrootcert='/path with space/ca.pem' dbname=aw",
    )
    .unwrap();
    assert_eq!(config.get_ssl_mode(), SslMode::VerifyCa);
    assert_eq!(
        config.get_ssl_root_cert(),
        Some(&RootCerts::File("/path with space/ca.pem".into()))
    );
    let pg = config.pg_config();
    assert_eq!(pg.get_password(), Some("it's a secret".as_bytes()));
    assert_eq!(pg.get_ports(), [6000]);
    assert_eq!(pg.get_dbname(), Some("aw"));
    assert_eq!(pg.get_ssl_mode(), PgSslMode::Require);
}

#[test]
fn the_default_application_name_is_actingweb_pg() {
    assert_eq!(DEFAULT_APPLICATION_NAME, "actingweb-pg");
    let from_vars = vars(&[]).unwrap();
    assert_eq!(
        from_vars.pg_config().get_application_name(),
        Some("actingweb-pg")
    );
    let from_url = Config::from_url("postgresql://h/d").unwrap();
    assert_eq!(
        from_url.pg_config().get_application_name(),
        Some("actingweb-pg")
    );
    let from_pg = Config::from_pg(tokio_postgres::Config::new());
    assert_eq!(
        from_pg.pg_config().get_application_name(),
        Some("actingweb-pg")
    );
    let named = Config::from_url("postgresql://h/d?application_name=mine").unwrap();
    assert_eq!(named.pg_config().get_application_name(), Some("mine"));
    let built = from_url.application_name("built");
    assert_eq!(built.pg_config().get_application_name(), Some("built"));
}

#[cfg(feature = "tls")]
#[test]
fn sslmode_values_have_libpqs_names_and_map_onto_tokio_postgres() {
    for (text, mode, pg) in [
        ("disable", SslMode::Disable, PgSslMode::Disable),
        ("prefer", SslMode::Prefer, PgSslMode::Prefer),
        ("require", SslMode::Require, PgSslMode::Require),
        ("verify-ca", SslMode::VerifyCa, PgSslMode::Require),
        ("verify-full", SslMode::VerifyFull, PgSslMode::Require),
    ] {
        let config = Config::from_url(&format!("postgresql://h/d?sslmode={text}")).unwrap();
        assert_eq!(config.get_ssl_mode(), mode, "{text}");
        assert_eq!(config.pg_config().get_ssl_mode(), pg, "{text}");
        assert_eq!(mode.to_string(), text);
        assert_eq!(text.parse::<SslMode>().unwrap(), mode);
        let built = Config::from_url("postgresql://h/d")
            .unwrap()
            .ssl_mode(mode)
            .unwrap();
        assert_eq!(built.pg_config().get_ssl_mode(), pg, "{text}");
    }
    assert_eq!(vars(&[]).unwrap().get_ssl_mode(), SslMode::Prefer);
    let mut pg = tokio_postgres::Config::new();
    pg.host("h").ssl_mode(PgSslMode::Require);
    assert_eq!(Config::from_pg(pg).get_ssl_mode(), SslMode::Require);
}

#[test]
fn invalid_sslmode_values_are_refused_with_the_value_named() {
    assert_eq!(
        url_err("postgresql://h/d?sslmode=verify-everything"),
        "invalid database URL: invalid value for option `sslmode`: \"verify-everything\" \
         (expected disable, prefer, require, verify-ca or verify-full)"
    );
    assert_eq!(
        url_err("host=h sslmode=allow"),
        "invalid database URL: invalid value for option `sslmode`: \"allow\" (expected \
         disable, prefer, require, verify-ca or verify-full)"
    );
    assert_eq!(
        vars(&[("PGSSLMODE", "strict")]).unwrap_err().to_string(),
        "invalid PGSSLMODE: invalid value for option `sslmode`: \"strict\" (expected disable, \
         prefer, require, verify-ca or verify-full)"
    );
    assert_eq!(
        "nope".parse::<SslMode>().unwrap_err().to_string(),
        "invalid sslmode: \"nope\" (expected disable, prefer, require, verify-ca or \
         verify-full)"
    );
}

#[cfg(feature = "tls")]
#[test]
fn sslrootcert_system_means_verify_full() {
    let config = Config::from_url("postgresql://h/d?sslrootcert=system").unwrap();
    assert_eq!(config.get_ssl_root_cert(), Some(&RootCerts::System));
    assert_eq!(config.get_ssl_mode(), SslMode::VerifyFull);
    let env = vars(&[("PGSSLROOTCERT", "system")]).unwrap();
    assert_eq!(env.get_ssl_mode(), SslMode::VerifyFull);
    let built = Config::from_url("postgresql://h/d")
        .unwrap()
        .ssl_root_cert_system()
        .unwrap();
    assert_eq!(built.get_ssl_mode(), SslMode::VerifyFull);
    let explicit = "postgresql://h/d?sslrootcert=system&sslmode=verify-full";
    assert_eq!(
        Config::from_url(explicit).unwrap().get_ssl_mode(),
        SslMode::VerifyFull
    );
    for weak in ["disable", "prefer", "require", "verify-ca"] {
        assert_eq!(
            url_err(&format!(
                "postgresql://h/d?sslrootcert=system&sslmode={weak}"
            )),
            format!(
                "invalid sslmode: weak sslmode \"{weak}\" may not be used with \
                 sslrootcert=system (use \"verify-full\")"
            )
        );
    }
    assert_err(
        vars(&[("PGSSLROOTCERT", "system"), ("PGSSLMODE", "require")]),
        ErrorKind::InvalidInput,
        "weak sslmode \"require\" may not be used with sslrootcert=system",
    );
    assert_err(
        built.ssl_mode(SslMode::VerifyCa),
        ErrorKind::InvalidInput,
        "weak sslmode \"verify-ca\" may not be used with sslrootcert=system",
    );
}

#[cfg(feature = "tls")]
#[test]
fn a_client_certificate_needs_both_files() {
    assert_eq!(
        url_err("postgresql://h/d?sslcert=/c.crt"),
        "invalid sslcert: sslkey is not set"
    );
    assert_eq!(
        vars(&[("PGSSLKEY", "/c.key")]).unwrap_err().to_string(),
        "invalid sslkey: sslcert is not set"
    );
    let built = Config::from_url("postgresql://h/d")
        .unwrap()
        .ssl_client_cert("/c.crt", std::path::PathBuf::from("/c.key"))
        .unwrap()
        .ssl_root_cert("/ca.pem")
        .unwrap();
    assert_eq!(
        built.get_ssl_client_cert(),
        Some((Path::new("/c.crt"), Path::new("/c.key")))
    );
    assert_eq!(
        built.get_ssl_root_cert(),
        Some(&RootCerts::File("/ca.pem".into()))
    );
}

#[test]
fn bad_libpq_variable_values_are_refused_with_the_variable_named() {
    assert_eq!(
        vars(&[("PGCONNECT_TIMEOUT", "soon")])
            .unwrap_err()
            .to_string(),
        "invalid PGCONNECT_TIMEOUT: invalid digit found in string"
    );
    assert_eq!(
        vars(&[("PGTARGETSESSIONATTRS", "primary")])
            .unwrap_err()
            .to_string(),
        "invalid PGTARGETSESSIONATTRS: \"primary\" (supported: any, read-write, read-only)"
    );
    // libpq: zero or a negative value means no timeout.
    let config = vars(&[("PGCONNECT_TIMEOUT", "0")]).unwrap();
    assert_eq!(config.pg_config().get_connect_timeout(), None);
}

#[test]
fn reserved_schemas_are_refused() {
    for reserved in [
        "pg_catalog",
        "pg_toast",
        "pg_temp",
        "pg_temp_3",
        "pg_toast_temp_1",
        "pg_anything",
        "information_schema",
    ] {
        assert_eq!(
            Config::from_url("postgresql://h/d")
                .unwrap()
                .schema(reserved)
                .unwrap_err()
                .to_string(),
            format!(
                "invalid schema: \"{reserved}\" is reserved by PostgreSQL (names starting with \
                 pg_, and information_schema)"
            )
        );
    }
    assert_err(
        vars(&[("PG_DB_PREFIX", "pg_"), ("PG_DB_SCHEMA", "public")]),
        ErrorKind::InvalidInput,
        "\"pg_public\" is reserved by PostgreSQL",
    );
    assert_err(
        vars(&[("PG_DB_SCHEMA", "information_schema")]),
        ErrorKind::InvalidInput,
        "is reserved by PostgreSQL",
    );
    for allowed in ["pgx", "my_pg_schema", "information", "public"] {
        assert_eq!(
            vars(&[("PG_DB_SCHEMA", allowed)]).unwrap().schema_name(),
            allowed
        );
    }
}

#[test]
fn connection_strings_without_a_host_are_refused() {
    let message = "invalid database URL: no host (name one: postgresql://HOST/DB, or \
                   host=/var/run/postgresql for a Unix socket directory)";
    for hostless in [
        "postgresql://",
        "postgres://",
        "postgresql:///db",
        "postgresql://user:pw@/db",
        "postgresql://user@/db?sslmode=require",
        "dbname=db user=u",
        "",
    ] {
        assert_eq!(url_err(hostless), message, "{hostless:?}");
    }
    assert_err(
        vars(&[("DATABASE_URL", "postgresql:///aw"), ("PG_DB_HOST", "db")]),
        ErrorKind::InvalidInput,
        "no host",
    );
    for with_host in [
        "postgresql:///db?host=/var/run/postgresql",
        "postgresql:///db?hostaddr=127.0.0.1",
        "postgresql://%2Fvar%2Frun%2Fpostgresql/db",
        "host=/tmp dbname=db",
    ] {
        Config::from_url(with_host).unwrap();
    }
}

#[test]
fn url_errors_name_the_part_and_keep_the_reason() {
    let cases = [
        (
            "postgresql://h:notaport/d",
            "invalid database URL: invalid value for option `port`",
        ),
        (
            "postgresql://h/d?port=99999",
            "invalid database URL: invalid value for option `port`",
        ),
        (
            "postgresql://h/d?frobnicate=1",
            "invalid database URL: unknown option `frobnicate`",
        ),
        (
            "postgresql://h/d?channel_binding=always",
            "invalid database URL: invalid value for option `channel_binding`",
        ),
        (
            "postgresql://h/d?target_session_attrs=primary",
            "invalid database URL: invalid value for option `target_session_attrs`",
        ),
        (
            "postgresql://h/d?connect_timeout",
            "invalid database URL: parameter \"connect_timeout\" has no `=`",
        ),
        (
            "postgresql://u:pa%zzss@h/d",
            "invalid database URL: password: invalid percent-escape (a `%` must be followed by \
             two hex digits; write a literal `%` as %25)",
        ),
        (
            "postgresql://u:100%@h/d",
            "invalid database URL: password: invalid percent-escape (a `%` must be followed by \
             two hex digits; write a literal `%` as %25)",
        ),
        (
            "postgresql://us%4xer@h/d",
            "invalid database URL: user name: invalid percent-escape (a `%` must be followed \
             by two hex digits; write a literal `%` as %25)",
        ),
        (
            "postgresql://h%/d",
            "invalid database URL: host: invalid percent-escape (a `%` must be followed by two \
             hex digits; write a literal `%` as %25)",
        ),
        (
            "postgresql://h/d%g1",
            "invalid database URL: database name: invalid percent-escape (a `%` must be \
             followed by two hex digits; write a literal `%` as %25)",
        ),
        (
            "postgresql://h/d?application_name=50%",
            "invalid database URL: parameter `application_name`: invalid percent-escape (a `%` \
             must be followed by two hex digits; write a literal `%` as %25)",
        ),
        (
            "host=h port=x",
            "invalid database URL: invalid value for option `port`",
        ),
        (
            "host=h frobnicate=1",
            "invalid database URL: unknown option `frobnicate`",
        ),
        (
            "host=h dbname",
            "invalid database URL: expected `=` after `dbname`",
        ),
        (
            "host=h dbname=",
            "invalid database URL: `dbname` has no value",
        ),
        (
            "host=h password='open",
            "invalid database URL: unterminated quoted value of `password`",
        ),
        (
            "host=h password=two words",
            "invalid database URL: unexpected text after the password value (quote a value \
             that contains spaces: password='...')",
        ),
        (
            "host=h password=two words=x",
            "invalid database URL: unexpected text after the password value (quote a value \
             that contains spaces: password='...')",
        ),
    ];
    for (url, message) in cases {
        assert_eq!(url_err(url), message, "{url}");
    }
}

#[test]
fn a_valid_percent_escape_in_the_password_is_decoded() {
    let config = Config::from_url("postgresql://u:p%40ss%25w%2Frd@h/d").unwrap();
    assert_eq!(
        config.pg_config().get_password(),
        Some("p@ss%w/rd".as_bytes())
    );
}

#[cfg(feature = "tls")]
#[test]
fn errors_and_debug_never_show_the_password_or_the_key() {
    for url in [
        "postgresql://u:hunter2-%zz@h/d",
        "postgresql://u:hunter2@h:bad/d",
        "postgresql://u:hunter2@h/d?sslmode=bogus",
        "host=h password=hunter2 secret",
        "host=h password=hunter2 secret=1",
    ] {
        let err = Config::from_url(url).unwrap_err();
        assert!(!format!("{err:#}").contains("hunter2"), "{err:#}");
        assert!(!format!("{err:#}").contains("secret"), "{err:#}");
        assert!(!format!("{err:?}").contains("hunter2"), "{err:?}");
    }
    let config = Config::from_url(
        "postgresql://u:hunter2@h/d?sslmode=verify-full&sslrootcert=/etc/aw/ca.pem\
         &sslcert=/etc/aw/client.crt&sslkey=/etc/aw/client.key",
    )
    .unwrap();
    let shown = format!("{config:?}");
    assert!(!shown.contains("hunter2"), "{shown}");
    assert!(shown.contains(r#"password: Some("<redacted>")"#), "{shown}");
    assert!(shown.contains("ssl_mode: VerifyFull"), "{shown}");
    assert!(
        shown.contains(r#"ssl_root_cert: Some(File("/etc/aw/ca.pem"))"#),
        "{shown}"
    );
    assert!(
        shown.contains(r#"ssl_key: Some("/etc/aw/client.key")"#),
        "{shown}"
    );
    assert!(
        shown.contains(r#"application_name: Some("actingweb-pg")"#),
        "{shown}"
    );
}

#[cfg(not(feature = "tls"))]
#[test]
fn without_the_tls_feature_only_disable_and_prefer_are_accepted() {
    for mode in ["require", "verify-ca", "verify-full"] {
        assert_eq!(
            url_err(&format!("postgresql://h/d?sslmode={mode}")),
            format!(
                "invalid sslmode: \"{mode}\" needs TLS, and actingweb-pg was built without its \
                 `tls` feature"
            )
        );
    }
    assert_err(
        vars(&[("PGSSLMODE", "require")]),
        ErrorKind::InvalidInput,
        "needs TLS",
    );
    assert_eq!(
        url_err("postgresql://h/d?sslrootcert=/ca.pem"),
        "invalid TLS settings: sslrootcert, sslcert and sslkey need the `tls` feature of \
         actingweb-pg"
    );
    Config::from_url("postgresql://h/d?sslmode=prefer").unwrap();
    Config::from_url("postgresql://h/d?sslmode=disable&sslrootcert=/ca.pem").unwrap();
}

#[cfg(not(feature = "tls"))]
#[tokio::test]
async fn without_the_tls_feature_connect_refuses_require_from_tokio_postgres_settings() {
    let mut pg = tokio_postgres::Config::new();
    pg.host("127.0.0.1").ssl_mode(PgSslMode::Require);
    let err = Store::connect(Config::from_pg(pg)).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(
        err.to_string(),
        "invalid sslmode: \"require\" needs TLS, and actingweb-pg was built without its `tls` \
         feature"
    );
}

#[tokio::test]
async fn prefer_without_tls_on_the_server_talks_plain_text() {
    // The shared test cluster has no TLS: prefer (the default) connects in plain text.
    let db = TestDb::new().await;
    let store = Store::connect(db.config()).await.unwrap();
    assert_eq!(store.actors().get("a1").await.unwrap(), None);
}

#[test]
fn deadlines_default_to_30_s_per_statement_and_10_s_per_connection() {
    let config = vars(&[]).unwrap();
    assert_eq!(config.get_query_timeout(), Some(Duration::from_secs(30)));
    assert_eq!(config.get_connect_timeout(), Some(Duration::from_secs(10)));
    assert_eq!(
        actingweb_pg::config::DEFAULT_QUERY_TIMEOUT,
        Duration::from_secs(30)
    );
}

#[test]
fn deadline_variables_are_seconds_and_zero_is_no_bound() {
    let config = vars(&[("PG_QUERY_TIMEOUT", "2.5"), ("PG_CONNECT_TIMEOUT", "0")]).unwrap();
    assert_eq!(
        config.get_query_timeout(),
        Some(Duration::from_millis(2500))
    );
    assert_eq!(config.get_connect_timeout(), None);
    let config = vars(&[("PG_QUERY_TIMEOUT", "0")]).unwrap();
    assert_eq!(config.get_query_timeout(), None);
}

#[test]
fn the_connect_deadline_falls_back_to_the_libpq_connect_timeout() {
    let config = vars(&[("PGCONNECT_TIMEOUT", "4")]).unwrap();
    assert_eq!(config.get_connect_timeout(), Some(Duration::from_secs(4)));
    let config = vars(&[
        ("DATABASE_URL", "postgresql://u@h/d?connect_timeout=3"),
        ("PGCONNECT_TIMEOUT", "4"),
    ])
    .unwrap();
    assert_eq!(config.get_connect_timeout(), Some(Duration::from_secs(3)));
    let config = vars(&[("PGCONNECT_TIMEOUT", "4"), ("PG_CONNECT_TIMEOUT", "7")]).unwrap();
    assert_eq!(config.get_connect_timeout(), Some(Duration::from_secs(7)));
}

#[test]
fn bad_deadline_variables_are_refused_naming_the_variable() {
    assert_err(
        vars(&[("PG_QUERY_TIMEOUT", "soon")]),
        ErrorKind::InvalidInput,
        "invalid PG_QUERY_TIMEOUT: invalid float literal",
    );
    assert_err(
        vars(&[("PG_LOCK_TIMEOUT", "-1")]),
        ErrorKind::InvalidInput,
        "invalid PG_LOCK_TIMEOUT: -1 seconds: ",
    );
}

#[test]
fn read_replicas_and_their_lag_bound_are_read_and_debug_hides_their_passwords() {
    let config = vars(&[
        (
            "PG_DB_READ_URLS",
            "postgresql://u:r1-secret@r1:5433/d,postgresql://u:r2-secret@r2a,r2b:5434/d",
        ),
        ("PG_DB_MAX_REPLICA_LAG", "2.5"),
    ])
    .unwrap();
    assert_eq!(config.read_replica_count(), 2);
    let shown = format!("{config:?}");
    assert!(!shown.contains("secret"), "{shown}");
    assert!(
        shown.contains(r#"read_replicas: ["r1:5433", "r2a:5432,r2b:5434"]"#),
        "{shown}"
    );
    assert!(shown.contains("max_replica_lag: 2.5s"), "{shown}");
    let defaults = vars(&[]).unwrap();
    assert_eq!(defaults.read_replica_count(), 0);
    assert!(format!("{defaults:?}").contains("max_replica_lag: 5s"));

    let built = Config::from_url("postgresql://p/d")
        .unwrap()
        .read_replica("host=r1 port=5433 dbname=d")
        .unwrap();
    assert_eq!(built.read_replica_count(), 1);
    assert_err(
        Config::from_url("postgresql://p/d")
            .unwrap()
            .read_replica("postgresql://r1:port/d"),
        ErrorKind::InvalidInput,
        "invalid read replica URL",
    );
    assert_err(
        vars(&[("PG_DB_READ_URLS", "postgresql://r1:port/d")]),
        ErrorKind::InvalidInput,
        "invalid PG_DB_READ_URLS",
    );
    assert_err(
        vars(&[("PG_DB_MAX_REPLICA_LAG", "-1")]),
        ErrorKind::InvalidInput,
        "invalid PG_DB_MAX_REPLICA_LAG",
    );
}

#[test]
fn pg_db_pooler_selects_the_pooler_mode() {
    use actingweb_pg::Pooler;
    assert_eq!(vars(&[]).unwrap().get_pooler(), Pooler::None);
    for (text, pooler) in [
        ("none", Pooler::None),
        ("session", Pooler::Session),
        ("transaction", Pooler::Transaction),
        (" Transaction ", Pooler::Transaction),
        ("", Pooler::None),
    ] {
        assert_eq!(
            vars(&[("PG_DB_POOLER", text)]).unwrap().get_pooler(),
            pooler,
            "{text:?}"
        );
    }
    let config = vars(&[("PG_DB_POOLER", "transaction")]).unwrap();
    assert!(format!("{config:?}").contains("pooler: Transaction"));
    assert_eq!(
        Config::from_url("postgresql://h/d")
            .unwrap()
            .pooler(Pooler::Session)
            .get_pooler(),
        Pooler::Session
    );
    assert_err(
        vars(&[("PG_DB_POOLER", "statement")]),
        ErrorKind::InvalidInput,
        r#"invalid PG_DB_POOLER: "statement" (supported: none, session, transaction)"#,
    );
}
