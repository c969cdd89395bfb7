//! Read replicas: where `store.replica()` reads may go, and how stale they may be.

use std::time::Duration;

use super::Config;
use crate::error::{Error, Result};

/// How far a replica may be behind the primary before reads through
/// [`Store::replica`](crate::Store::replica) skip it (`PG_DB_MAX_REPLICA_LAG`).
pub const DEFAULT_MAX_REPLICA_LAG: Duration = Duration::from_secs(5);

/// One read replica: its connection settings (the primary's schema, pool, deadlines and
/// property settings apply to it too).
#[derive(Clone)]
pub(crate) struct ReplicaTarget {
    pub(crate) pg: tokio_postgres::Config,
    pub(crate) tls: super::TlsSettings,
}

impl Config {
    /// Adds a read replica (a streaming standby of the primary), given by a connection URL or
    /// libpq `key=value` string as [`Config::from_url`] reads it. Reads through
    /// [`Store::replica`](crate::Store::replica) go to the replicas that are up and within
    /// [`Config::max_replica_lag`], in turn, and to the primary when none is.
    pub fn read_replica(mut self, url: &str) -> Result<Config> {
        let replica =
            Config::from_url(url).map_err(|e| Error::invalid("read replica URL", e.to_string()))?;
        self.replicas.push(ReplicaTarget {
            pg: replica.pg,
            tls: replica.tls,
        });
        Ok(self)
    }

    /// Sets how far (in time) a replica may be behind the primary and still serve reads
    /// (default [`DEFAULT_MAX_REPLICA_LAG`]). Lag is measured every quarter of this bound
    /// (at least every 100 ms, at most every 5 s).
    pub fn max_replica_lag(mut self, lag: Duration) -> Config {
        self.max_replica_lag = lag;
        self
    }

    /// The number of configured read replicas.
    pub fn read_replica_count(&self) -> usize {
        self.replicas.len()
    }

    /// How often the replicas' lag is measured.
    pub(crate) fn replica_check_interval(&self) -> Duration {
        (self.max_replica_lag / 4).clamp(Duration::from_millis(100), Duration::from_secs(5))
    }
}

/// Splits `PG_DB_READ_URLS` into URLs: they are separated by whitespace, or by a comma that
/// starts another `postgresql://` / `postgres://` URL (a comma inside a URL separates the
/// hosts of a multi-host URL).
pub(super) fn split_urls(text: &str) -> Vec<&str> {
    let mut urls = Vec::new();
    for part in text.split_whitespace() {
        let mut start = 0;
        for (at, _) in part.match_indices(',') {
            let rest = &part[at + 1..];
            if rest.starts_with("postgresql://") || rest.starts_with("postgres://") {
                urls.push(&part[start..at]);
                start = at + 1;
            }
        }
        urls.push(&part[start..]);
    }
    urls.into_iter().filter(|u| !u.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_urls_split_at_spaces_and_at_commas_that_start_a_url() {
        assert_eq!(
            split_urls("postgresql://a/db,postgres://b:5433,c:5434/db  postgresql://d/db"),
            [
                "postgresql://a/db",
                "postgres://b:5433,c:5434/db",
                "postgresql://d/db"
            ]
        );
        assert_eq!(split_urls(" "), Vec::<&str>::new());
    }
}
