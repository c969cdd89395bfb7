//! Connection, pool, schema and property-index settings.
//!
//! [`Config::from_env`] reads the same variables as the Python reference (`PG_DB_*`,
//! `PG_POOL_*`, `INDEXED_PROPERTIES`, `USE_PROPERTY_LOOKUP_TABLE`) with the same defaults;
//! `DATABASE_URL`, when set, replaces the `PG_DB_HOST/PORT/NAME/USER/PASSWORD` variables. The
//! libpq variables a psycopg deployment sets (`PGSSLMODE`, `PGSSLROOTCERT`, `PGSSLCERT`,
//! `PGSSLKEY`, `PGAPPNAME`, `PGCONNECT_TIMEOUT`, `PGOPTIONS`, `PGTARGETSESSIONATTRS`) are read
//! too, below any setting of the same name in the URL.

use std::collections::HashSet;
use std::fmt;
use std::path::PathBuf;
#[cfg(feature = "tls")]
use std::sync::Arc;
use std::time::Duration;

use crate::error::{Error, Result};

/// The `application_name` a connection reports when none is configured.
pub const DEFAULT_APPLICATION_NAME: &str = "actingweb-pg";

/// Whether and how the connection is encrypted and the server authenticated, with libpq's
/// meaning of `sslmode`.
///
/// Unix-socket connections never use TLS (as in libpq), whatever the mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum SslMode {
    /// Plain text only.
    Disable,
    /// TLS when the server offers it, plain text otherwise or when the TLS attempt fails. The
    /// certificate is not checked, unless a root certificate is configured (then its chain is).
    #[default]
    Prefer,
    /// TLS or no connection. The certificate is not checked, unless a root certificate is
    /// configured: then this is [`SslMode::VerifyCa`].
    Require,
    /// TLS with the server's certificate chain checked against the root certificates; the host
    /// name is not compared.
    VerifyCa,
    /// TLS with the chain checked and the host name matched against the certificate.
    VerifyFull,
}

impl SslMode {
    /// The libpq spelling (`"verify-full"`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            SslMode::Disable => "disable",
            SslMode::Prefer => "prefer",
            SslMode::Require => "require",
            SslMode::VerifyCa => "verify-ca",
            SslMode::VerifyFull => "verify-full",
        }
    }

    /// Whether this mode needs a TLS implementation (everything but disable and prefer).
    fn needs_tls(self) -> bool {
        !matches!(self, SslMode::Disable | SslMode::Prefer)
    }
}

impl fmt::Display for SslMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for SslMode {
    type Err = Error;

    /// Parses libpq's spelling; anything else is an `InvalidInput` error.
    fn from_str(text: &str) -> Result<SslMode> {
        Ok(match text {
            "disable" => SslMode::Disable,
            "prefer" => SslMode::Prefer,
            "require" => SslMode::Require,
            "verify-ca" => SslMode::VerifyCa,
            "verify-full" => SslMode::VerifyFull,
            other => {
                return Err(Error::invalid(
                    "sslmode",
                    format!(
                        "{other:?} (expected disable, prefer, require, verify-ca or verify-full)"
                    ),
                ));
            }
        })
    }
}

/// Where the certificates that authenticate the server come from (libpq's `sslrootcert`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RootCerts {
    /// A PEM file of one or more CA certificates.
    File(PathBuf),
    /// The platform's trusted roots (`sslrootcert=system`), read with `rustls-native-certs`;
    /// needs [`SslMode::VerifyFull`], as in libpq.
    System,
}

/// The TLS part of a [`Config`].
#[derive(Clone, Default)]
pub(crate) struct TlsSettings {
    pub(crate) mode: SslMode,
    pub(crate) root_cert: Option<RootCerts>,
    pub(crate) client_cert: Option<PathBuf>,
    pub(crate) client_key: Option<PathBuf>,
    #[cfg(feature = "tls")]
    pub(crate) custom: Option<Arc<rustls::ClientConfig>>,
}

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
}

impl Config {
    /// Reads the configuration from the process environment (see the crate README for the
    /// variables and their defaults).
    pub fn from_env() -> Result<Config> {
        Config::from_vars(std::env::vars())
    }

    /// Reads the configuration from `(name, value)` pairs, as [`Config::from_env`] does from the
    /// environment.
    pub fn from_vars<I, K, V>(vars: I) -> Result<Config>
    where
        I: IntoIterator<Item = (K, V)>,
        K: AsRef<str>,
        V: Into<String>,
    {
        let vars: std::collections::HashMap<String, String> = vars
            .into_iter()
            .map(|(k, v)| (k.as_ref().to_string(), v.into()))
            .collect();
        let var = |name: &str| vars.get(name).filter(|v| !v.is_empty()).cloned();
        let (mut config, explicit) = match var("DATABASE_URL") {
            Some(url) => parse_conninfo(&url)?,
            None => {
                let mut pg = tokio_postgres::Config::new();
                pg.host(var("PG_DB_HOST").as_deref().unwrap_or("localhost"))
                    .port(parse(&var, "PG_DB_PORT", 5432)?)
                    .dbname(var("PG_DB_NAME").as_deref().unwrap_or("actingweb"))
                    .user(var("PG_DB_USER").as_deref().unwrap_or("actingweb"));
                if let Some(password) = var("PG_DB_PASSWORD") {
                    pg.password(password);
                }
                (Config::from_pg(pg), HashSet::new())
            }
        };
        let mode_explicit = explicit.contains("sslmode") || var("PGSSLMODE").is_some();
        config.apply_libpq_env(&var, &explicit)?;
        config.resolve_tls(mode_explicit)?;
        let prefix = var("PG_DB_PREFIX").unwrap_or_default();
        let schema = var("PG_DB_SCHEMA").unwrap_or_else(|| "public".into());
        config = config.schema(format!("{prefix}{schema}"))?;
        config.pool_min_size = parse(&var, "PG_POOL_MIN_SIZE", 2)?;
        config.pool_max_size = parse(&var, "PG_POOL_MAX_SIZE", 10)?;
        let timeout: f64 = parse(&var, "PG_POOL_TIMEOUT", 30.0)?;
        config.pool_timeout = Duration::try_from_secs_f64(timeout)
            .map_err(|e| Error::invalid("PG_POOL_TIMEOUT", e))?;
        if let Some(names) = var("INDEXED_PROPERTIES") {
            let names: Vec<String> = names
                .split(',')
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(String::from)
                .collect();
            if !names.is_empty() {
                config = config.indexed_properties(names)?;
            }
        }
        if let Some(flag) = var("USE_PROPERTY_LOOKUP_TABLE") {
            config.use_lookup_table = flag.eq_ignore_ascii_case("true");
        }
        config.check_pool()?;
        Ok(config)
    }

    /// A configuration for a `postgresql://` URL (or a libpq `key=value` string), with the
    /// default schema, pool and index settings.
    ///
    /// Besides what tokio-postgres parses, it takes libpq's `sslmode=verify-ca|verify-full`,
    /// `sslrootcert` (a file, or `system`), `sslcert` and `sslkey`. A string that names no host
    /// (`postgresql://`, `postgresql:///db`, `dbname=db`), where libpq would pick a Unix-socket
    /// directory, is refused: give `host=/var/run/postgresql` (or the directory in use). A `%`
    /// that does not start a two-hex-digit escape is refused anywhere in a URL. Error messages
    /// name the offending part and never contain the password.
    pub fn from_url(url: &str) -> Result<Config> {
        let (mut config, explicit) = parse_conninfo(url)?;
        config.resolve_tls(explicit.contains("sslmode"))?;
        Ok(config)
    }

    /// A configuration for prepared tokio-postgres connection settings. Its `sslmode`
    /// (disable, prefer or require) is taken over; `application_name` defaults to
    /// [`DEFAULT_APPLICATION_NAME`].
    pub fn from_pg(mut pg: tokio_postgres::Config) -> Config {
        if pg.get_application_name().is_none() {
            pg.application_name(DEFAULT_APPLICATION_NAME);
        }
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
        self.check_pool()?;
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
        self.sync_pg_ssl_mode();
        self.check_tls()?;
        Ok(self)
    }

    /// Sets a PEM file of CA certificates that authenticate the server (`sslrootcert`). With
    /// it, prefer and require check the server's certificate chain, as in libpq.
    pub fn ssl_root_cert(mut self, path: impl Into<PathBuf>) -> Result<Config> {
        self.tls.root_cert = Some(RootCerts::File(path.into()));
        self.check_tls()?;
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
        self.check_tls()?;
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
    pub fn get_ssl_client_cert(&self) -> Option<(&std::path::Path, &std::path::Path)> {
        Some((
            self.tls.client_cert.as_deref()?,
            self.tls.client_key.as_deref()?,
        ))
    }

    /// Reads the libpq variables whose setting is not in the connection string.
    fn apply_libpq_env(
        &mut self,
        var: &impl Fn(&str) -> Option<String>,
        explicit: &HashSet<String>,
    ) -> Result<()> {
        let unset = |key: &str| !explicit.contains(key);
        if let Some(name) = var("PGAPPNAME").filter(|_| unset("application_name")) {
            self.pg.application_name(&name);
        }
        if let Some(text) = var("PGCONNECT_TIMEOUT").filter(|_| unset("connect_timeout")) {
            let secs: i64 = text
                .trim()
                .parse()
                .map_err(|e| Error::invalid("PGCONNECT_TIMEOUT", e))?;
            // libpq: zero or negative means no timeout.
            if secs > 0 {
                self.pg.connect_timeout(Duration::from_secs(secs as u64));
            }
        }
        if let Some(options) = var("PGOPTIONS").filter(|_| unset("options")) {
            self.pg.options(&options);
        }
        if let Some(attrs) = var("PGTARGETSESSIONATTRS").filter(|_| unset("target_session_attrs")) {
            use tokio_postgres::config::TargetSessionAttrs;
            let attrs = match attrs.as_str() {
                "any" => TargetSessionAttrs::Any,
                "read-write" => TargetSessionAttrs::ReadWrite,
                "read-only" => TargetSessionAttrs::ReadOnly,
                other => {
                    return Err(Error::invalid(
                        "PGTARGETSESSIONATTRS",
                        format!("{other:?} (supported: any, read-write, read-only)"),
                    ));
                }
            };
            self.pg.target_session_attrs(attrs);
        }
        if let Some(mode) = var("PGSSLMODE").filter(|_| unset("sslmode")) {
            self.tls.mode = mode
                .parse()
                .map_err(|_| Error::invalid("PGSSLMODE", invalid_sslmode(&mode)))?;
            self.sync_pg_ssl_mode();
        }
        if let Some(root) = var("PGSSLROOTCERT").filter(|_| unset("sslrootcert")) {
            self.tls.root_cert = Some(root_certs(&root));
        }
        if let Some(cert) = var("PGSSLCERT").filter(|_| unset("sslcert")) {
            self.tls.client_cert = Some(cert.into());
        }
        if let Some(key) = var("PGSSLKEY").filter(|_| unset("sslkey")) {
            self.tls.client_key = Some(key.into());
        }
        Ok(())
    }

    /// Applies libpq's rule for `sslrootcert=system` (verify-full unless a mode was given),
    /// then checks the TLS settings.
    fn resolve_tls(&mut self, mode_explicit: bool) -> Result<()> {
        if self.tls.root_cert == Some(RootCerts::System) && !mode_explicit {
            self.tls.mode = SslMode::VerifyFull;
            self.sync_pg_ssl_mode();
        }
        self.check_tls()?;
        match (&self.tls.client_cert, &self.tls.client_key) {
            (Some(_), None) => Err(Error::invalid("sslcert", "sslkey is not set")),
            (None, Some(_)) => Err(Error::invalid("sslkey", "sslcert is not set")),
            _ => Ok(()),
        }
    }

    fn check_tls(&self) -> Result<()> {
        let mode = self.tls.mode;
        if self.tls.root_cert == Some(RootCerts::System) && mode != SslMode::VerifyFull {
            return Err(Error::invalid(
                "sslmode",
                format!(
                    "weak sslmode \"{mode}\" may not be used with sslrootcert=system \
                     (use \"verify-full\")"
                ),
            ));
        }
        if !cfg!(feature = "tls") {
            if mode.needs_tls() {
                return Err(Error::invalid(
                    "sslmode",
                    format!(
                        "\"{mode}\" needs TLS, and actingweb-pg was built without its `tls` \
                         feature"
                    ),
                ));
            }
            let files = self.tls.root_cert.is_some()
                || self.tls.client_cert.is_some()
                || self.tls.client_key.is_some();
            if files && mode != SslMode::Disable {
                return Err(Error::invalid(
                    "TLS settings",
                    "sslrootcert, sslcert and sslkey need the `tls` feature of actingweb-pg",
                ));
            }
        }
        Ok(())
    }

    /// Keeps the mode tokio-postgres negotiates with in step with [`SslMode`].
    fn sync_pg_ssl_mode(&mut self) {
        use tokio_postgres::config::SslMode as PgMode;
        self.pg.ssl_mode(match self.tls.mode {
            SslMode::Disable => PgMode::Disable,
            SslMode::Prefer => PgMode::Prefer,
            SslMode::Require | SslMode::VerifyCa | SslMode::VerifyFull => PgMode::Require,
        });
    }

    fn check_pool(&self) -> Result<()> {
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

fn parse<T: std::str::FromStr>(
    var: &impl Fn(&str) -> Option<String>,
    name: &str,
    default: T,
) -> Result<T>
where
    T::Err: fmt::Display,
{
    match var(name) {
        None => Ok(default),
        Some(text) => text.trim().parse().map_err(|e| Error::invalid(name, e)),
    }
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hosts: Vec<String> = self
            .pg
            .get_hosts()
            .iter()
            .map(|h| match h {
                tokio_postgres::config::Host::Tcp(name) => name.clone(),
                tokio_postgres::config::Host::Unix(path) => path.display().to_string(),
            })
            .collect();
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
            .finish()
    }
}

/// Settings this crate parses itself out of a connection string (tokio-postgres knows none of
/// them, or not all of their values).
const OWN_KEYS: [&str; 4] = ["sslmode", "sslrootcert", "sslcert", "sslkey"];

/// The keywords tokio-postgres accepts, for the key=value form's own unknown-option check.
const PG_KEYS: [&str; 18] = [
    "user",
    "password",
    "dbname",
    "options",
    "application_name",
    "sslnegotiation",
    "host",
    "hostaddr",
    "port",
    "connect_timeout",
    "tcp_user_timeout",
    "keepalives",
    "keepalives_idle",
    "keepalives_interval",
    "keepalives_retries",
    "target_session_attrs",
    "channel_binding",
    "load_balance_hosts",
];

fn url_error(problem: impl fmt::Display) -> Error {
    Error::invalid("database URL", problem)
}

fn invalid_sslmode(value: &str) -> String {
    format!(
        "invalid value for option `sslmode`: {value:?} (expected disable, prefer, require, \
         verify-ca or verify-full)"
    )
}

fn root_certs(value: &str) -> RootCerts {
    if value == "system" {
        RootCerts::System
    } else {
        RootCerts::File(value.into())
    }
}

/// Parses a `postgresql://` URL or a libpq `key=value` string into a configuration (TLS not
/// yet resolved) and the set of keys the string sets.
fn parse_conninfo(text: &str) -> Result<(Config, HashSet<String>)> {
    let (pg_text, own, explicit) = match ["postgresql://", "postgres://"]
        .iter()
        .find_map(|p| text.strip_prefix(p).map(|rest| (*p, rest)))
    {
        Some((prefix, rest)) => split_url(prefix, rest)?,
        None => split_key_values(text)?,
    };
    let pg: tokio_postgres::Config = pg_text.parse().map_err(|e: tokio_postgres::Error| {
        // tokio-postgres's Display is only "invalid connection string"; the reason is the
        // source ("invalid value for option `port`", "unknown option `x`").
        match std::error::Error::source(&e) {
            Some(reason) => url_error(reason),
            None => url_error(e),
        }
    })?;
    if pg.get_hosts().is_empty() && pg.get_hostaddrs().is_empty() {
        return Err(url_error(
            "no host (name one: postgresql://HOST/DB, or host=/var/run/postgresql for a Unix \
             socket directory)",
        ));
    }
    let mut config = Config::from_pg(pg);
    for (key, value) in own {
        if value.is_empty() {
            continue; // libpq: an empty value is no setting
        }
        match key.as_str() {
            "sslmode" => {
                config.tls.mode = value
                    .parse()
                    .map_err(|_| url_error(invalid_sslmode(&value)))?;
            }
            "sslrootcert" => config.tls.root_cert = Some(root_certs(&value)),
            "sslcert" => config.tls.client_cert = Some(value.into()),
            _ => config.tls.client_key = Some(value.into()),
        }
    }
    config.sync_pg_ssl_mode();
    Ok((config, explicit))
}

/// Checks that every `%` in `part` starts a two-hex-digit escape.
fn check_escapes(what: &str, part: &str) -> Result<()> {
    let bytes = part.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'%' {
            let hex = |j: usize| bytes.get(j).is_some_and(u8::is_ascii_hexdigit);
            if !(hex(i + 1) && hex(i + 2)) {
                return Err(url_error(format!(
                    "{what}: invalid percent-escape (a `%` must be followed by two hex digits; \
                     write a literal `%` as %25)"
                )));
            }
        }
    }
    Ok(())
}

fn percent_decode(what: &str, text: &str) -> Result<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz");
            out.push(u8::from_str_radix(hex, 16).unwrap_or(0));
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| url_error(format!("{what}: not UTF-8")))
}

type Split = (String, Vec<(String, String)>, HashSet<String>);

/// Splits a URL the way tokio-postgres reads it (credentials up to the first `@`, host up to
/// `/` or `?`, database name up to `?`, then `&`-separated parameters), checks every escape,
/// and takes this crate's own parameters out.
fn split_url(prefix: &str, rest: &str) -> Result<Split> {
    let (creds, after) = match rest.find('@') {
        Some(i) => (Some(&rest[..i]), &rest[i + 1..]),
        None => (None, rest),
    };
    if let Some(creds) = creds {
        let (user, password) = match creds.split_once(':') {
            Some((user, password)) => (user, Some(password)),
            None => (creds, None),
        };
        check_escapes("user name", user)?;
        if let Some(password) = password {
            check_escapes("password", password)?;
        }
    }
    let (head, query) = match after.find('?') {
        Some(i) => (&after[..i], Some(&after[i + 1..])),
        None => (after, None),
    };
    let (host, path) = match head.find('/') {
        Some(i) => (&head[..i], &head[i + 1..]),
        None => (head, ""),
    };
    check_escapes("host", host)?;
    check_escapes("database name", path)?;
    let mut own = Vec::new();
    let mut explicit = HashSet::new();
    let mut kept = Vec::new();
    for pair in query.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
        let Some((key, value)) = pair.split_once('=') else {
            return Err(url_error(format!(
                "parameter {pair:?} has no `=`",
                pair = if pair.len() > 40 { "..." } else { pair }
            )));
        };
        check_escapes("parameter name", key)?;
        let key = percent_decode("parameter name", key)?;
        check_escapes(&format!("parameter `{key}`"), value)?;
        if OWN_KEYS.contains(&key.as_str()) {
            own.push((
                key.clone(),
                percent_decode(&format!("parameter `{key}`"), value)?,
            ));
        } else {
            kept.push(pair);
        }
        explicit.insert(key);
    }
    let mut url = String::from(prefix);
    if let Some(creds) = creds {
        url.push_str(creds);
        url.push('@');
    }
    url.push_str(head);
    if !kept.is_empty() {
        url.push('?');
        url.push_str(&kept.join("&"));
    }
    Ok((url, own, explicit))
}

/// Tokenises a libpq `key=value` string as tokio-postgres does (values optionally in single
/// quotes, `\` escaping the next character), takes this crate's own keys out and renders the
/// rest again, every value quoted.
fn split_key_values(text: &str) -> Result<Split> {
    let mut chars = text.chars().peekable();
    let mut own = Vec::new();
    let mut explicit = HashSet::new();
    let mut kept = Vec::new();
    let mut after_password = false;
    // Text after an unquoted password value may be the rest of a password with a space in it:
    // never echo it.
    let misplaced = |after_password: bool, problem: String| {
        if after_password {
            url_error(
                "unexpected text after the password value (quote a value that contains spaces: \
                 password='...')",
            )
        } else {
            url_error(problem)
        }
    };
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        if chars.peek().is_none() {
            break;
        }
        let mut key = String::new();
        while let Some(c) = chars.next_if(|c| !c.is_whitespace() && *c != '=') {
            key.push(c);
        }
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        if chars.next() != Some('=') {
            return Err(misplaced(
                after_password,
                format!("expected `=` after `{key}`"),
            ));
        }
        if !OWN_KEYS.contains(&key.as_str()) && !PG_KEYS.contains(&key.as_str()) {
            return Err(misplaced(after_password, format!("unknown option `{key}`")));
        }
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let mut value = String::new();
        if chars.next_if_eq(&'\'').is_some() {
            loop {
                match chars.next() {
                    None => {
                        return Err(url_error(format!("unterminated quoted value of `{key}`")));
                    }
                    Some('\'') => break,
                    Some('\\') => value.extend(chars.next()),
                    Some(c) => value.push(c),
                }
            }
        } else {
            while let Some(c) = chars.next_if(|c| !c.is_whitespace()) {
                if c == '\\' {
                    value.extend(chars.next());
                } else {
                    value.push(c);
                }
            }
            if value.is_empty() {
                return Err(url_error(format!("`{key}` has no value")));
            }
        }
        after_password = key == "password";
        if OWN_KEYS.contains(&key.as_str()) {
            own.push((key.clone(), value));
        } else {
            let quoted = value.replace('\\', "\\\\").replace('\'', "\\'");
            kept.push(format!("{key}='{quoted}'"));
        }
        explicit.insert(key);
    }
    Ok((kept.join(" "), own, explicit))
}
