#![doc = include_str!("../README.md")]
#![warn(missing_docs)]

// The code cornucopia generates from queries/*.sql (checked in under codegen/, refreshed by
// build.rs). It addresses its own items from the crate root (`crate::client`, ...), hence the
// glob import; it stays private to the crate.
#[allow(missing_docs, dead_code, unused_imports, clippy::all)]
mod codegen {
    include!("../codegen/src/lib.rs");
}
#[allow(unused_imports)]
use codegen::*;

pub mod actors;
pub mod config;
pub mod encoding;
pub mod error;
pub mod properties;
pub mod property_lookup;
pub mod throwaway;
mod validate;

use std::sync::Arc;

use deadpool_postgres::{Hook, HookError, Manager, ManagerConfig, Pool, RecyclingMethod, Runtime};
use tokio_postgres::NoTls;

pub use crate::actors::{Actor, ActorSummary, Actors};
pub use crate::config::Config;
pub use crate::encoding::python_json;
pub use crate::error::{Error, ErrorKind, Result};
pub use crate::properties::Properties;
pub use crate::property_lookup::PropertyLookup;

/// The storage handle: a connection pool plus the property-index settings.
///
/// Cheap to clone; clones share the pool.
#[derive(Clone)]
pub struct Store {
    inner: Arc<Inner>,
}

struct Inner {
    pool: Pool,
    config: Config,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("config", &self.inner.config)
            .field("pool", &self.inner.pool.status())
            .finish()
    }
}

impl Store {
    /// Builds the pool, opens `pool_min_size` connections (so a bad configuration fails here)
    /// and sets the configured schema as the `search_path` of every connection.
    pub async fn connect(config: Config) -> Result<Store> {
        let manager = Manager::from_config(
            config.pg.clone(),
            NoTls,
            ManagerConfig {
                // No liveness query per checkout: a closed connection is detected without a
                // round trip, a broken one fails the operation that uses it.
                recycling_method: RecyclingMethod::Fast,
            },
        );
        // `SET search_path` cannot be a cornucopia query (it takes an identifier, not a
        // parameter); the schema name is validated to [a-z0-9_] by `Config::schema`.
        let set_search_path = format!("SET search_path TO \"{}\"", config.schema);
        let pool = Pool::builder(manager)
            .max_size(config.pool_max_size)
            .wait_timeout(Some(config.pool_timeout))
            .create_timeout(Some(config.pool_timeout))
            .runtime(Runtime::Tokio1)
            .post_create(Hook::async_fn(move |client, _| {
                let sql = set_search_path.clone();
                Box::pin(
                    async move { client.batch_execute(&sql).await.map_err(HookError::Backend) },
                )
            }))
            .build()
            .map_err(|e| Error::new(ErrorKind::InvalidInput, format!("pool: {e}")))?;
        let warm =
            futures::future::try_join_all((0..config.pool_min_size).map(|_| pool.get())).await?;
        drop(warm);
        Ok(Store {
            inner: Arc::new(Inner { pool, config }),
        })
    }

    /// Actors: create, read, modify, delete, list.
    pub fn actors(&self) -> Actors<'_> {
        Actors::new(Conn::Pool(self))
    }

    /// Properties of actors, with the lookup table kept in step for indexed names.
    pub fn properties(&self) -> Properties<'_> {
        Properties::new(Conn::Pool(self))
    }

    /// The raw `property_lookup` table (indexed value -> actor id).
    pub fn property_lookup(&self) -> PropertyLookup<'_> {
        PropertyLookup::new(Conn::Pool(self))
    }

    /// The configuration this store was built with.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// The underlying connection pool.
    pub fn pool(&self) -> &Pool {
        &self.inner.pool
    }

    async fn client(&self) -> Result<deadpool_postgres::Client> {
        Ok(self.inner.pool.get().await?)
    }
}

/// Where an entity handle runs its statements.
#[derive(Clone, Copy)]
pub(crate) enum Conn<'a> {
    /// A pooled connection per operation; multi-statement operations open a transaction.
    Pool(&'a Store),
}

impl Conn<'_> {
    pub(crate) fn config(&self) -> &Config {
        match self {
            Conn::Pool(store) => &store.inner.config,
        }
    }
}

/// Runs `$body` with `$c` bound to a client of `$conn` that caches prepared statements.
macro_rules! with_client {
    ($conn:expr, |$c:ident| $body:expr) => {
        match $conn {
            $crate::Conn::Pool(store) => {
                let client = store.client().await?;
                let $c = &client;
                $body
            }
        }
    };
}
pub(crate) use with_client;

/// Runs `$body` with `$tx` bound to a transaction of `$conn`, committed when `$body` succeeds
/// and rolled back when it returns early with an error.
macro_rules! in_transaction {
    ($conn:expr, |$tx:ident| $body:expr) => {
        match $conn {
            $crate::Conn::Pool(store) => {
                let mut client = store.client().await?;
                let transaction = client.transaction().await?;
                let out = {
                    let $tx = &transaction;
                    $body
                };
                transaction.commit().await?;
                out
            }
        }
    };
}
pub(crate) use in_transaction;
