//! Configuration from environment variables: the reference's `PG_DB_*`, `PG_POOL_*`,
//! `INDEXED_PROPERTIES` and `USE_PROPERTY_LOOKUP_TABLE`, `DATABASE_URL`, and the libpq `PG*`
//! variables. A setting in `DATABASE_URL` wins over the libpq variable of the same name.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::str::FromStr;
use std::time::Duration;

use super::Config;
use super::deadlines::seconds;
use super::url::parse_connection_string;
use crate::error::{Error, Result};

/// The libpq variables of the TLS settings, each with the connection-string key it stands for.
const LIBPQ_TLS_VARIABLES: [(&str, &str); 4] = [
    ("PGSSLMODE", "sslmode"),
    ("PGSSLROOTCERT", "sslrootcert"),
    ("PGSSLCERT", "sslcert"),
    ("PGSSLKEY", "sslkey"),
];

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
        let vars = Variables(
            vars.into_iter()
                .map(|(k, v)| (k.as_ref().to_string(), v.into()))
                .collect(),
        );
        let (mut config, url_keys) = match vars.get("DATABASE_URL") {
            Some(url) => parse_connection_string(url)?,
            None => {
                let mut pg = tokio_postgres::Config::new();
                pg.host(vars.get("PG_DB_HOST").unwrap_or("localhost"))
                    .port(vars.parse("PG_DB_PORT", 5432)?)
                    .dbname(vars.get("PG_DB_NAME").unwrap_or("actingweb"))
                    .user(vars.get("PG_DB_USER").unwrap_or("actingweb"));
                if let Some(password) = vars.get("PG_DB_PASSWORD") {
                    pg.password(password);
                }
                (Config::from_pg(pg), HashSet::new())
            }
        };
        let mode_given = url_keys.contains("sslmode") || vars.get("PGSSLMODE").is_some();
        config.apply_libpq_variables(&vars, &url_keys)?;
        config.resolve_tls(mode_given)?;
        let prefix = vars.get("PG_DB_PREFIX").unwrap_or_default();
        let schema = vars.get("PG_DB_SCHEMA").unwrap_or("public");
        config = config.schema(format!("{prefix}{schema}"))?;
        config.pool_min_size = vars.parse("PG_POOL_MIN_SIZE", 2)?;
        config.pool_max_size = vars.parse("PG_POOL_MAX_SIZE", 10)?;
        let timeout: f64 = vars.parse("PG_POOL_TIMEOUT", 30.0)?;
        config.pool_timeout = Duration::try_from_secs_f64(timeout)
            .map_err(|e| Error::invalid("PG_POOL_TIMEOUT", e))?;
        if let Some(names) = vars.get("INDEXED_PROPERTIES") {
            let names: Vec<&str> = names
                .split(',')
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .collect();
            if !names.is_empty() {
                config = config.indexed_properties(names)?;
            }
        }
        config.read_deadlines(&vars)?;
        if let Some(flag) = vars.get("USE_PROPERTY_LOOKUP_TABLE") {
            config.use_lookup_table = flag.eq_ignore_ascii_case("true");
        }
        if let Some(flag) = vars.get("PG_DB_TRACE_ACTOR_IDS") {
            config.trace_actor_ids = match flag.to_ascii_lowercase().as_str() {
                "1" | "true" | "yes" | "on" => true,
                "0" | "false" | "no" | "off" | "" => false,
                _ => {
                    return Err(Error::invalid(
                        "PG_DB_TRACE_ACTOR_IDS",
                        "must be true or false",
                    ));
                }
            };
        }
        if let Some(urls) = vars.get("PG_DB_READ_URLS") {
            for url in super::replicas::split_urls(urls) {
                let (mut replica, keys) = parse_connection_string(url)
                    .map_err(|e| Error::invalid("PG_DB_READ_URLS", e.to_string()))?;
                let mode_given = keys.contains("sslmode") || vars.get("PGSSLMODE").is_some();
                replica.apply_libpq_variables(&vars, &keys)?;
                replica.resolve_tls(mode_given)?;
                config.replicas.push(super::ReplicaTarget {
                    pg: replica.pg,
                    tls: replica.tls,
                });
            }
        }
        if let Some(text) = vars.get("PG_DB_MAX_REPLICA_LAG") {
            let secs: f64 = parse_value("PG_DB_MAX_REPLICA_LAG", text)?;
            config.max_replica_lag = Duration::try_from_secs_f64(secs)
                .map_err(|e| Error::invalid("PG_DB_MAX_REPLICA_LAG", e))?;
        }
        if let Some(text) = vars.get("PG_DB_POOLER") {
            config.pooler = super::pooler::parse(text)?;
        }
        config.check_pool_size()?;
        Ok(config)
    }

    /// Reads `PG_QUERY_TIMEOUT`, `PG_CONNECT_TIMEOUT` (else the connect timeout of the URL or
    /// `PGCONNECT_TIMEOUT`), the server-side timeouts and the connection lifetimes, in
    /// seconds (`0`: no bound).
    fn read_deadlines(&mut self, vars: &Variables) -> Result<()> {
        let bound = |name: &str, default: Option<Duration>| -> Result<Option<Duration>> {
            match vars.get(name) {
                None => Ok(default),
                Some(text) => seconds(name, parse_value(name, text)?),
            }
        };
        let d = &mut self.deadlines;
        d.query = bound("PG_QUERY_TIMEOUT", d.query)?;
        let from_libpq = self.pg.get_connect_timeout().copied().or(d.connect);
        d.connect = bound("PG_CONNECT_TIMEOUT", from_libpq)?;
        d.statement = bound("PG_STATEMENT_TIMEOUT", d.statement)?;
        d.lock = bound("PG_LOCK_TIMEOUT", d.lock)?;
        d.idle_in_transaction = bound("PG_IDLE_IN_TRANSACTION_TIMEOUT", d.idle_in_transaction)?;
        d.max_lifetime = bound("PG_POOL_MAX_LIFETIME", d.max_lifetime)?;
        d.max_idle = bound("PG_POOL_MAX_IDLE", d.max_idle)?;
        Ok(())
    }

    /// Applies the libpq variables whose setting `url_keys` (the keys of `DATABASE_URL`)
    /// does not give.
    fn apply_libpq_variables(
        &mut self,
        vars: &Variables,
        url_keys: &HashSet<String>,
    ) -> Result<()> {
        let var = |name: &str, key: &str| vars.get(name).filter(|_| !url_keys.contains(key));
        if let Some(name) = var("PGAPPNAME", "application_name") {
            self.pg.application_name(name);
        }
        if let Some(text) = var("PGCONNECT_TIMEOUT", "connect_timeout") {
            let secs: i64 = parse_value("PGCONNECT_TIMEOUT", text)?;
            // libpq: zero or negative means no timeout.
            if secs > 0 {
                self.pg.connect_timeout(Duration::from_secs(secs as u64));
            }
        }
        if let Some(options) = var("PGOPTIONS", "options") {
            self.pg.options(options);
        }
        if let Some(attrs) = var("PGTARGETSESSIONATTRS", "target_session_attrs") {
            use tokio_postgres::config::TargetSessionAttrs;
            let attrs = match attrs {
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
        for (name, key) in LIBPQ_TLS_VARIABLES {
            if let Some(value) = var(name, key) {
                self.tls
                    .set(key, value)
                    .map_err(|problem| Error::invalid(name, problem))?;
            }
        }
        Ok(())
    }
}

/// Environment variables by name.
struct Variables(HashMap<String, String>);

impl Variables {
    /// The value of `name`; an empty value counts as unset.
    fn get(&self, name: &str) -> Option<&str> {
        self.0
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    /// The value of `name` parsed, or `default` when it is unset.
    fn parse<T: FromStr>(&self, name: &str, default: T) -> Result<T>
    where
        T::Err: fmt::Display,
    {
        self.get(name)
            .map_or(Ok(default), |text| parse_value(name, text))
    }
}

/// `text`, the value of the variable `name`, parsed (surrounding white space ignored).
fn parse_value<T: FromStr>(name: &str, text: &str) -> Result<T>
where
    T::Err: fmt::Display,
{
    text.trim().parse().map_err(|e| Error::invalid(name, e))
}
