//! TLS against a real PostgreSQL: a throwaway cluster with `ssl=on` listening on 127.0.0.1,
//! whose pg_hba.conf has only `hostssl` lines for TCP, with a CA, a server certificate (for
//! `localhost` and 127.0.0.1) and a client certificate made by rcgen when the test binary starts.
#![cfg(feature = "tls")]

mod common;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use actingweb_pg::{Config, ErrorKind, RootCerts, SslMode, Store};
use actingweb_pg_testkit::throwaway::{Cluster, ClusterOptions};
use rcgen::{
    BasicConstraints, CertificateParams, CertifiedIssuer, DnType, ExtendedKeyUsagePurpose, IsCa,
    KeyPair, KeyUsagePurpose,
};

const SCRAM_PASSWORD: &str = "scram-pass-Ü1";

struct TlsServer {
    port: u16,
    /// Unix-socket URL of the `postgres` database, for set-up.
    admin_url: String,
    /// The CA that signed the server and client certificates.
    ca: PathBuf,
    /// A CA that signed nothing of this server's.
    wrong_ca: PathBuf,
    client_cert: PathBuf,
    client_key: PathBuf,
}

fn server() -> &'static TlsServer {
    static SERVER: OnceLock<TlsServer> = OnceLock::new();
    SERVER.get_or_init(|| {
        std::thread::spawn(start_server)
            .join()
            .expect("TLS server set-up panicked")
    })
}

fn ca(name: &str) -> CertifiedIssuer<'static, KeyPair> {
    let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
    params.distinguished_name.push(DnType::CommonName, name);
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::CrlSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    CertifiedIssuer::self_signed(params, KeyPair::generate().unwrap()).unwrap()
}

/// A certificate signed by `issuer`: (certificate PEM, key PEM).
fn leaf(
    issuer: &CertifiedIssuer<'static, KeyPair>,
    common_name: &str,
    names: &[&str],
    usage: ExtendedKeyUsagePurpose,
) -> (String, String) {
    let mut params =
        CertificateParams::new(names.iter().map(|n| n.to_string()).collect::<Vec<_>>()).unwrap();
    params
        .distinguished_name
        .push(DnType::CommonName, common_name);
    params.extended_key_usages = vec![usage];
    let key = KeyPair::generate().unwrap();
    let cert = params.signed_by(&key, issuer).unwrap();
    (cert.pem(), key.serialize_pem())
}

/// Writes `text` to `path`, mode 0600, owned like `owner_of` (the server's user).
fn write_private(path: &Path, text: &str, owner_of: &Path) {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    std::fs::write(path, text).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).unwrap();
    let owner = std::fs::metadata(owner_of).unwrap();
    std::os::unix::fs::chown(path, Some(owner.uid()), Some(owner.gid())).unwrap();
}

fn start_server() -> TlsServer {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let cluster = Cluster::start_with(ClusterOptions { tcp: true }).expect("start a cluster");
    let dir = cluster.dir().to_path_buf();
    let data = dir.join("data");

    let right = ca("actingweb-pg test CA");
    let wrong = ca("some other CA");
    let (server_cert, server_key) = leaf(
        &right,
        "localhost",
        &["localhost", "127.0.0.1"],
        ExtendedKeyUsagePurpose::ServerAuth,
    );
    let (client_cert, client_key) =
        leaf(&right, "certuser", &[], ExtendedKeyUsagePurpose::ClientAuth);
    for (name, text) in [
        ("server.crt", server_cert.as_str()),
        ("server.key", server_key.as_str()),
        ("ca.crt", right.pem().as_str()),
        ("wrong-ca.crt", wrong.pem().as_str()),
        ("client.crt", client_cert.as_str()),
        ("client.key", client_key.as_str()),
    ] {
        write_private(&dir.join(name), text, &data);
    }
    // Unix socket for set-up; over TCP nothing but TLS.
    let hba = "local all all trust\n\
               hostssl all certuser 127.0.0.1/32 cert\n\
               hostssl all scramuser 127.0.0.1/32 scram-sha-256\n\
               hostssl all all 127.0.0.1/32 trust\n";
    write_private(&data.join("pg_hba.conf"), hba, &data);

    let admin_url = cluster.url("postgres");
    runtime.block_on(async {
        let admin = common::connect(&admin_url).await;
        let file = |name: &str| dir.join(name).display().to_string();
        // One statement at a time: ALTER SYSTEM cannot run in the implicit transaction of a
        // multi-statement batch.
        for sql in [
            format!("ALTER SYSTEM SET ssl_cert_file = '{}'", file("server.crt")),
            format!("ALTER SYSTEM SET ssl_key_file = '{}'", file("server.key")),
            format!("ALTER SYSTEM SET ssl_ca_file = '{}'", file("ca.crt")),
            "ALTER SYSTEM SET ssl = on".to_string(),
            "CREATE ROLE certuser LOGIN".to_string(),
            format!("CREATE ROLE scramuser LOGIN PASSWORD '{SCRAM_PASSWORD}'"),
            "SELECT pg_reload_conf()".to_string(),
        ] {
            admin.batch_execute(&sql).await.unwrap();
        }
        // New backends see the reloaded configuration once the postmaster has read it.
        let started = std::time::Instant::now();
        loop {
            let client = common::connect(&admin_url).await;
            let ssl: String = client.query_one("SHOW ssl", &[]).await.unwrap().get(0);
            if ssl == "on" {
                // Checked by a backend that has read ssl = on: an older one parses the
                // hostssl lines as errors while it still sees ssl off.
                let hba_errors: i64 = client
                    .query_one(
                        "SELECT count(*) FROM pg_hba_file_rules WHERE error IS NOT NULL",
                        &[],
                    )
                    .await
                    .unwrap()
                    .get(0);
                assert_eq!(hba_errors, 0);
                break;
            }
            let log = std::fs::read_to_string(dir.join("server.log")).unwrap_or_default();
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "ssl stays off: {log}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        admin
            .batch_execute("CREATE DATABASE awpg_tls_template")
            .await
            .unwrap();
        let template = common::connect(&cluster.url("awpg_tls_template")).await;
        template.batch_execute(common::SCHEMA_SQL).await.unwrap();
    });
    let server = TlsServer {
        port: cluster.port(),
        admin_url,
        ca: dir.join("ca.crt"),
        wrong_ca: dir.join("wrong-ca.crt"),
        client_cert: dir.join("client.crt"),
        client_key: dir.join("client.key"),
    };
    keep_until_exit(cluster);
    server
}

/// Stops and deletes the cluster when the test process exits (the cluster's watchdog cleans
/// up should the process die without running exit handlers).
fn keep_until_exit(cluster: Cluster) {
    static CLUSTER: std::sync::Mutex<Option<Cluster>> = std::sync::Mutex::new(None);
    extern "C" fn stop_cluster() {
        if let Ok(mut cluster) = CLUSTER.lock() {
            drop(cluster.take());
        }
    }
    unsafe extern "C" {
        fn atexit(callback: extern "C" fn()) -> std::ffi::c_int;
    }
    *CLUSTER.lock().unwrap() = Some(cluster);
    // SAFETY: registers a plain function with no arguments, as atexit(3) requires.
    assert_eq!(unsafe { atexit(stop_cluster) }, 0);
}

/// A database of its own for one test, holding schema.sql.
async fn database() -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let name = format!(
        "awpg_tls_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    );
    common::connect(&server().admin_url)
        .await
        .batch_execute(&format!(
            "CREATE DATABASE {name} TEMPLATE awpg_tls_template"
        ))
        .await
        .unwrap();
    name
}

fn path(p: &Path) -> String {
    p.display().to_string()
}

/// A URL for `user` on database `db` at `host`, with extra parameters.
fn url(host: &str, user: &str, db: &str, params: &str) -> String {
    format!("postgresql://{user}@{host}:{}/{db}?{params}", server().port)
}

fn config(url: &str) -> Config {
    Config::from_url(url)
        .unwrap()
        .pool_size(1, 2)
        .unwrap()
        .pool_timeout(Duration::from_secs(20))
}

/// Whether the store's pooled connection is encrypted, from the server's point of view.
async fn ssl_in_use(store: &Store) -> bool {
    let conn = store.pool().get().await.unwrap();
    conn.query_one(
        "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
        &[],
    )
    .await
    .unwrap()
    .get(0)
}

async fn connect_error(config: Config) -> actingweb_pg::Error {
    Store::connect(config).await.unwrap_err()
}

/// `{:#}` of a connection error for a server certificate whose issuer is not among the roots.
const UNKNOWN_ISSUER: &str = "database connection error: error performing TLS handshake: \
     invalid peer certificate: UnknownIssuer";

/// Checks the error of a connection that failed before the server answered: a backend error
/// whose own message (`{}`) says only that, with the causes (`{:#}`) reading `chain`.
fn assert_connection_error(err: &actingweb_pg::Error, chain: &str) {
    assert_eq!(err.kind(), ErrorKind::Backend, "{err:?}");
    assert_eq!(err.to_string(), "database connection error");
    assert_eq!(format!("{err:#}"), chain);
}

#[tokio::test]
async fn verify_full_with_the_right_ca_and_host_name_connects_over_tls() {
    let db = database().await;
    let ca = path(&server().ca);
    for host in ["localhost", "127.0.0.1"] {
        let url = url(
            host,
            "postgres",
            &db,
            &format!("sslmode=verify-full&sslrootcert={ca}"),
        );
        let store = Store::connect(config(&url)).await.unwrap();
        assert!(ssl_in_use(&store).await, "{host}");
        store
            .actors()
            .create(host, "c@example.com", "p")
            .await
            .unwrap();
        assert!(store.actors().get(host).await.unwrap().is_some());
        let conn = store.pool().get().await.unwrap();
        let name: String = conn
            .query_one(
                "SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid()",
                &[],
            )
            .await
            .unwrap()
            .get(0);
        assert_eq!(name, "actingweb-pg");
    }
}

#[tokio::test]
async fn verify_full_with_a_wrong_ca_fails_naming_the_unknown_issuer() {
    let db = database().await;
    let wrong = path(&server().wrong_ca);
    let url = url(
        "localhost",
        "postgres",
        &db,
        &format!("sslmode=verify-full&sslrootcert={wrong}"),
    );
    let err = connect_error(config(&url)).await;
    assert_connection_error(&err, UNKNOWN_ISSUER);
}

#[tokio::test]
async fn verify_full_with_a_host_name_not_in_the_certificate_fails_naming_it() {
    let db = database().await;
    let ca = path(&server().ca);
    // TLS checks the name "wrong.example"; TCP goes to 127.0.0.1.
    let url = url(
        "wrong.example",
        "postgres",
        &db,
        &format!("hostaddr=127.0.0.1&sslmode=verify-full&sslrootcert={ca}"),
    );
    let err = connect_error(config(&url)).await;
    assert_connection_error(
        &err,
        "database connection error: error performing TLS handshake: invalid peer certificate: \
         certificate not valid for name \"wrong.example\"; certificate is only valid for \
         DnsName(\"localhost\") or IpAddress(127.0.0.1)",
    );
}

#[tokio::test]
async fn verify_ca_checks_the_chain_but_not_the_host_name() {
    let db = database().await;
    let ca = path(&server().ca);
    let wrong = path(&server().wrong_ca);
    let other_name = |root: &str| {
        url(
            "wrong.example",
            "postgres",
            &db,
            &format!("hostaddr=127.0.0.1&sslmode=verify-ca&sslrootcert={root}"),
        )
    };
    let store = Store::connect(config(&other_name(&ca))).await.unwrap();
    assert!(ssl_in_use(&store).await);
    let err = connect_error(config(&other_name(&wrong))).await;
    assert_connection_error(&err, UNKNOWN_ISSUER);
}

#[tokio::test]
async fn require_encrypts_without_checking_the_certificate() {
    let db = database().await;
    let url = url(
        "wrong.example",
        "postgres",
        &db,
        "hostaddr=127.0.0.1&sslmode=require",
    );
    let store = Store::connect(config(&url)).await.unwrap();
    assert!(ssl_in_use(&store).await);
}

#[tokio::test]
async fn require_with_a_root_certificate_checks_the_chain_as_verify_ca() {
    let db = database().await;
    let with_root = |root: &Path| {
        url(
            "wrong.example",
            "postgres",
            &db,
            &format!(
                "hostaddr=127.0.0.1&sslmode=require&sslrootcert={}",
                path(root)
            ),
        )
    };
    let err = connect_error(config(&with_root(&server().wrong_ca))).await;
    assert_connection_error(&err, UNKNOWN_ISSUER);
    let store = Store::connect(config(&with_root(&server().ca)))
        .await
        .unwrap();
    assert!(ssl_in_use(&store).await);
}

#[tokio::test]
async fn prefer_the_default_negotiates_tls() {
    let db = database().await;
    let url = url("localhost", "postgres", &db, "");
    let config = config(&url);
    assert_eq!(config.get_ssl_mode(), SslMode::Prefer);
    let store = Store::connect(config).await.unwrap();
    assert!(ssl_in_use(&store).await);
    store.actors().create("a1", "c", "p").await.unwrap();
}

#[tokio::test]
async fn prefer_retries_in_plain_text_when_tls_fails() {
    let db = database().await;
    // The chain check fails, so prefer tries plain text, which this server refuses.
    let url = url(
        "localhost",
        "postgres",
        &db,
        &format!("sslmode=prefer&sslrootcert={}", path(&server().wrong_ca)),
    );
    let err = connect_error(config(&url)).await;
    assert_eq!(err.kind(), ErrorKind::Backend);
    assert_eq!(err.sqlstate().map(|s| s.code()), Some("28000"));
    assert_eq!(
        err.to_string(),
        format!(
            "no pg_hba.conf entry for host \"127.0.0.1\", user \"postgres\", database \"{db}\", \
             no encryption"
        )
    );
}

#[tokio::test]
async fn disable_is_refused_by_a_hostssl_only_server() {
    let db = database().await;
    let url = url("127.0.0.1", "postgres", &db, "sslmode=disable");
    let err = connect_error(config(&url)).await;
    assert_eq!(err.kind(), ErrorKind::Backend);
    assert_eq!(err.sqlstate().map(|s| s.code()), Some("28000"));
    assert_eq!(
        err.to_string(),
        format!(
            "no pg_hba.conf entry for host \"127.0.0.1\", user \"postgres\", database \"{db}\", \
             no encryption"
        )
    );
}

#[tokio::test]
async fn a_client_certificate_authenticates_the_cert_user() {
    let db = database().await;
    let s = server();
    let base = url(
        "localhost",
        "certuser",
        &db,
        &format!("sslmode=verify-full&sslrootcert={}", path(&s.ca)),
    );
    let with_cert = format!(
        "{base}&sslcert={}&sslkey={}",
        path(&s.client_cert),
        path(&s.client_key)
    );
    let store = Store::connect(config(&with_cert)).await.unwrap();
    let conn = store.pool().get().await.unwrap();
    let row = conn
        .query_one(
            "SELECT current_user::text, ssl, client_dn FROM pg_stat_ssl \
             WHERE pid = pg_backend_pid()",
            &[],
        )
        .await
        .unwrap();
    assert_eq!(row.get::<_, String>(0), "certuser");
    assert!(row.get::<_, bool>(1));
    assert_eq!(
        row.get::<_, Option<String>>(2).as_deref(),
        Some("/CN=certuser")
    );
    drop(conn);

    // The same through the builder.
    let built = config(&base)
        .ssl_client_cert(&s.client_cert, &s.client_key)
        .unwrap();
    Store::connect(built).await.unwrap();

    let err = connect_error(config(&base)).await;
    assert_eq!(err.kind(), ErrorKind::Backend);
    assert_eq!(
        err.to_string(),
        "connection requires a valid client certificate"
    );
}

#[tokio::test]
async fn scram_with_channel_binding_required_works_over_tls() {
    let db = database().await;
    let password = "scram-pass-%C3%9C1"; // SCRAM_PASSWORD, percent-encoded
    assert_eq!(
        percent_decoded(password),
        SCRAM_PASSWORD,
        "test URL encodes the password"
    );
    let url = format!(
        "postgresql://scramuser:{password}@localhost:{}/{db}?sslmode=verify-full&sslrootcert={}\
         &channel_binding=require",
        server().port,
        path(&server().ca)
    );
    let store = Store::connect(config(&url)).await.unwrap();
    assert!(ssl_in_use(&store).await);
    let wrong = url.replace("%C3%9C1", "nope");
    let err = connect_error(config(&wrong)).await;
    assert_eq!(
        err.to_string(),
        "password authentication failed for user \"scramuser\""
    );
    assert!(!format!("{err:?}").contains("scram-pass"), "{err:?}");
}

fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&text[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[tokio::test]
async fn libpq_environment_variables_configure_tls_through_from_vars() {
    let db = database().await;
    let s = server();
    let port = s.port.to_string();
    let base = [
        ("PG_DB_HOST", "localhost"),
        ("PG_DB_PORT", port.as_str()),
        ("PG_DB_NAME", db.as_str()),
        ("PG_POOL_MIN_SIZE", "1"),
    ];
    let vars = |extra: &[(&str, String)]| {
        let mut all: Vec<(String, String)> = base
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        all.extend(extra.iter().map(|(k, v)| (k.to_string(), v.clone())));
        Config::from_vars(all).unwrap()
    };

    let config = vars(&[
        ("PG_DB_USER", "certuser".into()),
        ("PGSSLMODE", "verify-full".into()),
        ("PGSSLROOTCERT", path(&s.ca)),
        ("PGSSLCERT", path(&s.client_cert)),
        ("PGSSLKEY", path(&s.client_key)),
        ("PGAPPNAME", "aw-env-test".into()),
    ]);
    assert_eq!(config.get_ssl_mode(), SslMode::VerifyFull);
    assert_eq!(
        config.get_ssl_root_cert(),
        Some(&RootCerts::File(s.ca.clone()))
    );
    let store = Store::connect(config).await.unwrap();
    let conn = store.pool().get().await.unwrap();
    let row = conn
        .query_one(
            "SELECT current_user::text, s.ssl, a.application_name FROM pg_stat_ssl s \
             JOIN pg_stat_activity a USING (pid) WHERE pid = pg_backend_pid()",
            &[],
        )
        .await
        .unwrap();
    assert_eq!(row.get::<_, String>(0), "certuser");
    assert!(row.get::<_, bool>(1));
    assert_eq!(row.get::<_, String>(2), "aw-env-test");
    drop(conn);

    let wrong = vars(&[
        ("PG_DB_USER", "postgres".into()),
        ("PGSSLMODE", "verify-full".into()),
        ("PGSSLROOTCERT", path(&s.wrong_ca)),
    ]);
    assert_connection_error(&connect_error(wrong).await, UNKNOWN_ISSUER);
}

#[tokio::test]
async fn an_own_rustls_client_config_is_used_for_tls() {
    let db = database().await;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let client_config = |root: Option<&Path>| {
        let mut roots = rustls::RootCertStore::empty();
        if let Some(root) = root {
            let pem = std::fs::read(root).unwrap();
            use rustls::pki_types::pem::PemObject;
            for cert in rustls::pki_types::CertificateDer::pem_slice_iter(&pem) {
                roots.add(cert.unwrap()).unwrap();
            }
        }
        Arc::new(
            rustls::ClientConfig::builder_with_provider(provider.clone())
                .with_safe_default_protocol_versions()
                .unwrap()
                .with_root_certificates(roots)
                .with_no_client_auth(),
        )
    };
    let url = url("localhost", "postgres", &db, "sslmode=require");
    let good = config(&url).tls_config(client_config(Some(&server().ca)));
    assert!(format!("{good:?}").contains(r#"tls_config: Some("<rustls::ClientConfig>")"#));
    let store = Store::connect(good).await.unwrap();
    assert!(ssl_in_use(&store).await);
    // The handed-in configuration decides verification, whatever sslmode says.
    let empty = config(&url).tls_config(client_config(None));
    assert_connection_error(&connect_error(empty).await, UNKNOWN_ISSUER);
}

#[tokio::test]
async fn unix_socket_connections_never_use_tls() {
    // The shared test cluster listens on a Unix socket only and has no TLS.
    let db = common::TestDb::new().await;
    let store = Store::connect(config(&format!("{}?sslmode=require", db.url)))
        .await
        .unwrap();
    store.actors().create("a1", "c", "p").await.unwrap();
}

#[tokio::test]
async fn unreadable_certificate_files_fail_connect_naming_the_file() {
    /// Deletes the directory also when an assertion fails.
    struct TempDir(PathBuf);
    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
    let guard =
        TempDir(std::env::temp_dir().join(format!("awpg-tls-files-{}", std::process::id())));
    let dir = guard.0.clone();
    std::fs::create_dir_all(&dir).unwrap();
    let bad_key = dir.join("bad.key");
    std::fs::write(&bad_key, "not a key: top-secret-key-material").unwrap();
    let url = url("localhost", "postgres", "postgres", "sslmode=verify-full");

    let missing = config(&url).ssl_root_cert("/nonexistent/ca.crt").unwrap();
    let err = connect_error(missing).await;
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(
        err.to_string(),
        "invalid sslrootcert: cannot read /nonexistent/ca.crt: No such file or directory (os \
         error 2)"
    );
    // The file system's error is not kept as a source, so the message carries it.
    assert!(std::error::Error::source(&err).is_none());
    assert_eq!(format!("{err:#}"), err.to_string());

    let no_certs = config(&url).ssl_root_cert(&bad_key).unwrap();
    assert_eq!(
        connect_error(no_certs).await.to_string(),
        format!(
            "invalid sslrootcert: {}: no PEM certificate in the file",
            bad_key.display()
        )
    );

    let key_config = config(&url)
        .ssl_root_cert(&server().ca)
        .unwrap()
        .ssl_client_cert(&server().client_cert, &bad_key)
        .unwrap();
    let shown = format!("{key_config:?}");
    assert!(!shown.contains("top-secret"), "{shown}");
    let err = connect_error(key_config).await;
    assert_eq!(
        err.to_string(),
        format!(
            "invalid sslkey: {}: no unencrypted PEM private key (PKCS#8, PKCS#1 or SEC1) in the \
             file",
            bad_key.display()
        )
    );
    assert!(!format!("{err:?}").contains("top-secret"));
}
