//! Metrics of the store, through the [`metrics`] facade: the library records them and never
//! exports them; an application that installs a recorder (for example
//! `metrics-exporter-prometheus`) gets them, one that does not pays almost nothing.
//!
//! The names are the constants of this module; labels follow OpenTelemetry's conventions
//! where one exists. Every pool checkout of an operation goes through one function, which
//! times it and reports the pool's state.

use std::time::Instant;

use deadpool_postgres::{Client, Pool, PoolError};

/// Histogram, seconds: how long an operation waited for a pooled connection (connecting
/// included, when the pool had to open one). Label `pool`: `primary` or `replica`.
pub const POOL_ACQUIRE_DURATION: &str = "actingweb_pg_pool_acquire_duration_seconds";
/// Gauge: connections the pool holds, after a checkout. Label `pool`.
pub const POOL_SIZE: &str = "actingweb_pg_pool_connections";
/// Gauge: idle connections of the pool, after a checkout. Label `pool`.
pub const POOL_IDLE: &str = "actingweb_pg_pool_idle_connections";
/// Gauge: operations waiting for a connection of the pool, after a checkout. Label `pool`.
pub const POOL_WAITING: &str = "actingweb_pg_pool_waiting";

/// Which pool a checkout is from.
#[derive(Clone, Copy)]
pub(crate) enum PoolRole {
    /// The primary's pool.
    Primary,
    /// A read replica's pool.
    Replica,
}

impl PoolRole {
    fn label(self) -> &'static str {
        match self {
            PoolRole::Primary => "primary",
            PoolRole::Replica => "replica",
        }
    }
}

/// Takes a connection from `pool`, recording the wait in [`POOL_ACQUIRE_DURATION`] (failed
/// checkouts too) and the pool's state after it.
pub(crate) async fn checkout(pool: &Pool, role: PoolRole) -> Result<Client, PoolError> {
    let started = Instant::now();
    let client = pool.get().await;
    let label = role.label();
    metrics::histogram!(POOL_ACQUIRE_DURATION, "pool" => label)
        .record(started.elapsed().as_secs_f64());
    let status = pool.status();
    metrics::gauge!(POOL_SIZE, "pool" => label).set(status.size as f64);
    metrics::gauge!(POOL_IDLE, "pool" => label).set(status.available as f64);
    metrics::gauge!(POOL_WAITING, "pool" => label).set(status.waiting as f64);
    client
}
