//! Connection, pool, schema and property-index settings.
//!
//! [`Config::from_env`] reads the same variables as the Python reference (`PG_DB_*`,
//! `PG_POOL_*`, `INDEXED_PROPERTIES`, `USE_PROPERTY_LOOKUP_TABLE`) with the same defaults;
//! `DATABASE_URL`, when set, replaces the `PG_DB_HOST/PORT/NAME/USER/PASSWORD` variables. The
//! libpq variables a psycopg deployment sets (`PGSSLMODE`, `PGSSLROOTCERT`, `PGSSLCERT`,
//! `PGSSLKEY`, `PGAPPNAME`, `PGCONNECT_TIMEOUT`, `PGOPTIONS`, `PGTARGETSESSIONATTRS`) are read
//! too, below any setting of the same name in the URL.
//!
//! Files: this one holds the [`Config`] type, its builder methods and getters; `env` reads
//! the environment ([`Config::from_env`], [`Config::from_vars`]); `url` parses connection
//! strings ([`Config::from_url`]); `tls` holds the TLS settings and libpq's rules for them;
//! `deadlines` the connect, statement and server-side timeouts and connection lifetimes;
//! `replicas` the read replicas; `pooler` the connection pooler in front of the server.

mod deadlines;
mod env;
mod pooler;
mod replicas;
mod tls;
mod url;

use std::fmt;
use std::path::{Path, PathBuf};
#[cfg(feature = "tls")]
use std::sync::Arc;
use std::time::Duration;

use crate::error::{Error, Result};

pub(crate) use self::deadlines::Deadlines;
pub use self::deadlines::{
    DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_IDLE, DEFAULT_MAX_LIFETIME, DEFAULT_QUERY_TIMEOUT,
};
pub use self::pooler::Pooler;
pub use self::replicas::DEFAULT_MAX_REPLICA_LAG;
pub(crate) use self::replicas::ReplicaTarget;
pub(crate) use self::tls::TlsSettings;
pub use self::tls::{RootCerts, SslMode};

/// The `application_name` a connection reports when none is configured.
pub const DEFAULT_APPLICATION_NAME: &str = "actingweb-pg";

/// Property names kept in the `property_lookup` table unless configured otherwise.
pub const DEFAULT_INDEXED_PROPERTIES: [&str; 3] = ["oauthId", "email", "externalUserId"];

/// Settings for [`Store::connect`](crate::Store::connect).
///
/// `Debug` never shows the password or anything of the client key.
#[derive(Clone)]
pub struct Config {
    pub(crate) pg: tokio_postgres::Config,
    pub(crate) tls: TlsSettings,
    pub(crate) schema: String,
    pub(crate) pool_min_size: usize,
    pub(crate) pool_max_size: usize,
    pub(crate) pool_timeout: Duration,
    pub(crate) indexed_properties: Vec<String>,
    pub(crate) use_lookup_table: bool,
    pub(crate) deadlines: Deadlines,
    pub(crate) replicas: Vec<ReplicaTarget>,
    pub(crate) max_replica_lag: Duration,
    pub(crate) pooler: Pooler,
    pub(crate) trace_actor_ids: bool,
}

impl Config {
    /// A configuration for prepared tokio-postgres connection settings. Its `sslmode`
    /// (disable, prefer or require) is taken over; `application_name` defaults to
    /// [`DEFAULT_APPLICATION_NAME`].
    pub fn from_pg(mut pg: tokio_postgres::Config) -> Config {
        if pg.get_application_name().is_none() {
            pg.application_name(DEFAULT_APPLICATION_NAME);
        }
        let pg_connect_timeout = pg.get_connect_timeout().copied();
        let mode = match pg.get_ssl_mode() {
            tokio_postgres::config::SslMode::Disable => SslMode::Disable,
            tokio_postgres::config::SslMode::Require => SslMode::Require,
            _ => SslMode::Prefer,
        };
        Config {
            pg,
            tls: TlsSettings {
                mode,
                ..TlsSettings::default()
            },
            schema: "public".into(),
            pool_min_size: 2,
            pool_max_size: 10,
            pool_timeout: Duration::from_secs(30),
            indexed_properties: DEFAULT_INDEXED_PROPERTIES.map(String::from).to_vec(),
            use_lookup_table: true,
            deadlines: Deadlines {
                connect: pg_connect_timeout.or(Some(DEFAULT_CONNECT_TIMEOUT)),
                ..Deadlines::default()
            },
            replicas: Vec::new(),
            max_replica_lag: replicas::DEFAULT_MAX_REPLICA_LAG,
            pooler: Pooler::None,
            trace_actor_ids: false,
        }
    }

    /// Sets the schema every pooled connection uses (`search_path`). Names are lowercase
    /// `[a-z0-9_]`, at most 63 bytes, like the reference's usable schema names; PostgreSQL's
    /// reserved schemas (`pg_catalog`, `pg_toast`, `pg_temp*`, any other `pg_*`,
    /// `information_schema`) are refused.
    pub fn schema(mut self, schema: impl Into<String>) -> Result<Config> {
        let schema = schema.into();
        let valid = !schema.is_empty()
            && schema.len() <= 63
            && schema
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !valid {
            return Err(Error::invalid(
                "schema",
                format!("{schema:?} must be 1 to 63 characters of [a-z0-9_]"),
            ));
        }
        if schema.starts_with("pg_") || schema == "information_schema" {
            return Err(Error::invalid(
                "schema",
                format!(
                    "{schema:?} is reserved by PostgreSQL (names starting with pg_, \
                     and information_schema)"
                ),
            ));
        }
        self.schema = schema;
        Ok(self)
    }

    /// Sets the pool size: `min` connections are opened by `connect`, at most `max` exist.
    pub fn pool_size(mut self, min: usize, max: usize) -> Result<Config> {
        self.pool_min_size = min;
        self.pool_max_size = max;
        self.check_pool_size()?;
        Ok(self)
    }

    /// Sets how long an operation waits for a free pooled connection.
    pub fn pool_timeout(mut self, timeout: Duration) -> Config {
        self.pool_timeout = timeout;
        self
    }

    /// Sets the property names kept in the `property_lookup` table (names starting with
    /// `list:` are never indexed).
    pub fn indexed_properties<S: Into<String>>(
        mut self,
        names: impl IntoIterator<Item = S>,
    ) -> Result<Config> {
        let names: Vec<String> = names.into_iter().map(Into::into).collect();
        for name in &names {
            crate::rules::identifier("indexed property name", name)?;
        }
        self.indexed_properties = names;
        Ok(self)
    }

    /// Turns lookup-table mode on (the default) or off. Off, reverse lookups scan the
    /// properties table and no lookup rows are written.
    pub fn use_lookup_table(mut self, on: bool) -> Config {
        self.use_lookup_table = on;
        self
    }

    /// Puts the actor id of each operation into its span (`actingweb.actor_id`); off by
    /// default, since an actor id may identify a person. Env `PG_DB_TRACE_ACTOR_IDS`.
    pub fn trace_actor_ids(mut self, on: bool) -> Config {
        self.trace_actor_ids = on;
        self
    }

    /// Whether operation spans carry the actor id ([`Config::trace_actor_ids`]).
    pub fn traces_actor_ids(&self) -> bool {
        self.trace_actor_ids
    }

    /// The schema in use.
    pub fn schema_name(&self) -> &str {
        &self.schema
    }

    /// The tokio-postgres connection settings (its `sslmode` is the one tokio-postgres
    /// negotiates with: verify-ca and verify-full appear there as require).
    pub fn pg_config(&self) -> &tokio_postgres::Config {
        &self.pg
    }

    /// Sets the `sslmode` (see [`SslMode`]). Without the `tls` feature only disable and prefer
    /// (then plain text) are accepted; with `sslrootcert=system` only verify-full is.
    pub fn ssl_mode(mut self, mode: SslMode) -> Result<Config> {
        self.tls.mode = mode;
        self.pg.ssl_mode(mode.negotiated());
        self.tls.check()?;
        Ok(self)
    }

    /// Sets a PEM file of CA certificates that authenticate the server (`sslrootcert`). With
    /// it, prefer and require check the server's certificate chain, as in libpq.
    pub fn ssl_root_cert(mut self, path: impl Into<PathBuf>) -> Result<Config> {
        self.tls.root_cert = Some(RootCerts::File(path.into()));
        self.tls.check()?;
        Ok(self)
    }

    /// Authenticates the server with the platform's trusted roots (`sslrootcert=system`). The
    /// default mode prefer becomes verify-full; another mode weaker than verify-full is an
    /// error, as in libpq.
    pub fn ssl_root_cert_system(mut self) -> Result<Config> {
        self.tls.root_cert = Some(RootCerts::System);
        self.resolve_tls(self.tls.mode != SslMode::Prefer)?;
        Ok(self)
    }

    /// Presents a client certificate: `cert` is a PEM file of the certificate (and any
    /// intermediates), `key` a PEM file of its unencrypted private key (PKCS#8, PKCS#1 or
    /// SEC1). The files are read by [`Store::connect`](crate::Store::connect).
    pub fn ssl_client_cert(
        mut self,
        cert: impl Into<PathBuf>,
        key: impl Into<PathBuf>,
    ) -> Result<Config> {
        self.tls.client_cert = Some(cert.into());
        self.tls.client_key = Some(key.into());
        self.tls.check()?;
        Ok(self)
    }

    /// Uses this rustls configuration for every TLS connection instead of one built from
    /// `sslrootcert`, `sslcert` and `sslkey`; the `sslmode` still decides whether TLS is used
    /// (disable: never; prefer: when the server offers it; require, verify-ca, verify-full:
    /// always), and the given configuration alone decides what is verified.
    #[cfg(feature = "tls")]
    pub fn tls_config(mut self, config: Arc<rustls::ClientConfig>) -> Config {
        self.tls.custom = Some(config);
        self
    }

    /// Sets the `application_name` the server shows for these connections (default
    /// [`DEFAULT_APPLICATION_NAME`]).
    pub fn application_name(mut self, name: &str) -> Config {
        self.pg.application_name(name);
        self
    }

    /// The configured `sslmode`.
    pub fn get_ssl_mode(&self) -> SslMode {
        self.tls.mode
    }

    /// The configured root certificates (`sslrootcert`), if any.
    pub fn get_ssl_root_cert(&self) -> Option<&RootCerts> {
        self.tls.root_cert.as_ref()
    }

    /// The configured client certificate and key files (`sslcert`, `sslkey`), if any.
    pub fn get_ssl_client_cert(&self) -> Option<(&Path, &Path)> {
        Some((
            self.tls.client_cert.as_deref()?,
            self.tls.client_key.as_deref()?,
        ))
    }

    /// Completes the TLS settings read from a connection string or the environment (see
    /// [`TlsSettings::resolve`]; `mode_given`: whether an `sslmode` was among them) and puts
    /// the resulting mode into the tokio-postgres settings.
    fn resolve_tls(&mut self, mode_given: bool) -> Result<()> {
        self.tls.resolve(mode_given)?;
        self.pg.ssl_mode(self.tls.mode.negotiated());
        Ok(())
    }

    /// Refuses a pool without connections or with a minimum above its maximum.
    fn check_pool_size(&self) -> Result<()> {
        if self.pool_max_size == 0 || self.pool_min_size > self.pool_max_size {
            return Err(Error::invalid(
                "pool size",
                format!(
                    "need 0 <= min ({}) <= max ({}) and max >= 1",
                    self.pool_min_size, self.pool_max_size
                ),
            ));
        }
        Ok(())
    }
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hosts: Vec<String> = host_names(&self.pg);
        let mut f = f.debug_struct("Config");
        f.field("hosts", &hosts)
            .field("ports", &self.pg.get_ports())
            .field("dbname", &self.pg.get_dbname())
            .field("user", &self.pg.get_user())
            .field("password", &self.pg.get_password().map(|_| "<redacted>"))
            .field("application_name", &self.pg.get_application_name())
            .field("options", &self.pg.get_options())
            .field("connect_timeout", &self.pg.get_connect_timeout())
            .field("target_session_attrs", &self.pg.get_target_session_attrs())
            .field("ssl_mode", &self.tls.mode)
            .field("ssl_root_cert", &self.tls.root_cert)
            .field("ssl_cert", &self.tls.client_cert)
            .field("ssl_key", &self.tls.client_key)
            .field("channel_binding", &self.pg.get_channel_binding());
        #[cfg(feature = "tls")]
        f.field(
            "tls_config",
            &self.tls.custom.as_ref().map(|_| "<rustls::ClientConfig>"),
        );
        f.field("schema", &self.schema)
            .field("pool_min_size", &self.pool_min_size)
            .field("pool_max_size", &self.pool_max_size)
            .field("pool_timeout", &self.pool_timeout)
            .field("indexed_properties", &self.indexed_properties)
            .field("use_lookup_table", &self.use_lookup_table)
            .field("deadlines", &self.deadlines)
            .field(
                "read_replicas",
                &self
                    .replicas
                    .iter()
                    .map(|r| server_label(&r.pg))
                    .collect::<Vec<_>>(),
            )
            .field("max_replica_lag", &self.max_replica_lag)
            .field("pooler", &self.pooler)
            .field("trace_actor_ids", &self.trace_actor_ids)
            .finish()
    }
}

/// The host names (or socket directories) of connection settings.
fn host_names(pg: &tokio_postgres::Config) -> Vec<String> {
    pg.get_hosts()
        .iter()
        .map(|h| match h {
            tokio_postgres::config::Host::Tcp(name) => name.clone(),
            tokio_postgres::config::Host::Unix(path) => path.display().to_string(),
        })
        .collect()
}

/// Names a server for logs, metrics and health reports: `host:port` (comma-separated for a
/// multi-host setting), never the user or password.
pub(crate) fn server_label(pg: &tokio_postgres::Config) -> String {
    let ports = pg.get_ports();
    host_names(pg)
        .iter()
        .enumerate()
        .map(|(i, host)| {
            let port = ports.get(i).or(ports.first()).copied().unwrap_or(5432);
            format!("{host}:{port}")
        })
        .collect::<Vec<_>>()
        .join(",")
}
