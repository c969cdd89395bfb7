//! Connection, pool, schema and property-index settings.
//!
//! [`Config::from_env`] reads the same variables as the Python reference (`PG_DB_*`,
//! `PG_POOL_*`, `INDEXED_PROPERTIES`, `USE_PROPERTY_LOOKUP_TABLE`) with the same defaults;
//! `DATABASE_URL`, when set, replaces the `PG_DB_HOST/PORT/NAME/USER/PASSWORD` variables.

use std::fmt;
use std::time::Duration;

use crate::error::{Error, Result};

/// Property names kept in the `property_lookup` table unless configured otherwise.
pub const DEFAULT_INDEXED_PROPERTIES: [&str; 3] = ["oauthId", "email", "externalUserId"];

/// Settings for [`Store::connect`](crate::Store::connect).
///
/// `Debug` never shows the password.
#[derive(Clone)]
pub struct Config {
    pub(crate) pg: tokio_postgres::Config,
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
        let mut config = match var("DATABASE_URL") {
            Some(url) => Config::from_url(&url)?,
            None => {
                let mut pg = tokio_postgres::Config::new();
                pg.host(var("PG_DB_HOST").as_deref().unwrap_or("localhost"))
                    .port(parse(&var, "PG_DB_PORT", 5432)?)
                    .dbname(var("PG_DB_NAME").as_deref().unwrap_or("actingweb"))
                    .user(var("PG_DB_USER").as_deref().unwrap_or("actingweb"));
                if let Some(password) = var("PG_DB_PASSWORD") {
                    pg.password(password);
                }
                Config::from_pg(pg)
            }
        };
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
    pub fn from_url(url: &str) -> Result<Config> {
        let pg = url
            .parse::<tokio_postgres::Config>()
            .map_err(|e| Error::invalid("database URL", e))?;
        Ok(Config::from_pg(pg))
    }

    /// A configuration for prepared tokio-postgres connection settings.
    pub fn from_pg(pg: tokio_postgres::Config) -> Config {
        Config {
            pg,
            schema: "public".into(),
            pool_min_size: 2,
            pool_max_size: 10,
            pool_timeout: Duration::from_secs(30),
            indexed_properties: DEFAULT_INDEXED_PROPERTIES.map(String::from).to_vec(),
            use_lookup_table: true,
        }
    }

    /// Sets the schema every pooled connection uses (`search_path`). Names are lowercase
    /// `[a-z0-9_]`, at most 63 bytes, like the reference's usable schema names.
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

    /// The tokio-postgres connection settings.
    pub fn pg_config(&self) -> &tokio_postgres::Config {
        &self.pg
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
        f.debug_struct("Config")
            .field("hosts", &hosts)
            .field("ports", &self.pg.get_ports())
            .field("dbname", &self.pg.get_dbname())
            .field("user", &self.pg.get_user())
            .field("password", &self.pg.get_password().map(|_| "<redacted>"))
            .field("schema", &self.schema)
            .field("pool_min_size", &self.pool_min_size)
            .field("pool_max_size", &self.pool_max_size)
            .field("pool_timeout", &self.pool_timeout)
            .field("indexed_properties", &self.indexed_properties)
            .field("use_lookup_table", &self.use_lookup_table)
            .finish()
    }
}
