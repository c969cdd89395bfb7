//! The storage handle ([`Store`]) and the caller's transaction ([`Transaction`]), each with
//! the entity accessors.

use std::sync::{Arc, Weak};
use std::time::Duration;

use deadpool_postgres::{
    Hook, HookError, ManagerConfig, Pool, QueueMode, RecyclingMethod, Runtime,
};

use crate::actors::{Actors, DeletedRows};
use crate::attributes::Attributes;
use crate::config::Config;
use crate::connect;
use crate::error::{Error, ErrorKind, Result};
use crate::executor::{Db, Deadline};
use crate::peer_trustees::PeerTrustees;
use crate::properties::Properties;
use crate::property_lookup::PropertyLookup;
use crate::replicas::{self, Replicas};
use crate::subscription_diffs::SubscriptionDiffs;
use crate::subscriptions::Subscriptions;
use crate::suspensions::Suspensions;
use crate::trusts::Trusts;

/// The storage handle: a connection pool plus the property-index settings.
///
/// Cheap to clone; clones share the pool.
#[derive(Clone)]
pub struct Store {
    inner: Arc<Inner>,
}

pub(crate) struct Inner {
    pool: Pool,
    config: Config,
    deadline: Arc<Deadline>,
    replicas: Replicas,
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
        let (pool, deadline) = pool_for(&config)?;
        let replicas = Replicas::new(&config, pool_for)?;
        let warm =
            futures::future::try_join_all((0..config.pool_min_size).map(|_| pool.get())).await?;
        drop(warm);
        let limits = config.deadlines;
        let interval = config.replica_check_interval();
        let inner = Arc::new(Inner {
            pool,
            config,
            deadline,
            replicas,
        });
        if let Some(max_idle) = limits.max_idle {
            tokio::spawn(close_idle_connections(Arc::downgrade(&inner), max_idle));
        }
        if !inner.replicas.is_empty() {
            tokio::spawn(replicas::check_periodically(
                Arc::downgrade(&inner),
                interval,
            ));
        }
        Ok(Store { inner })
    }

    /// The store behind a weak reference, while it exists.
    pub(crate) fn upgrade(inner: &Weak<Inner>) -> Option<Store> {
        inner.upgrade().map(|inner| Store { inner })
    }

    /// The read replicas.
    pub(crate) fn replicas(&self) -> &Replicas {
        &self.inner.replicas
    }

    /// Closes the pool: connections in use are closed when they come back, idle ones at once,
    /// and every later operation fails with [`ErrorKind::Backend`] ("connection pool error").
    pub fn close(&self) {
        self.inner.pool.close();
        self.inner.replicas.close();
    }

    /// The deadline every statement of this store runs under.
    pub(crate) fn deadline(&self) -> &Deadline {
        &self.inner.deadline
    }

    /// Actors: create, read, modify, delete, list.
    pub fn actors(&self) -> Actors<'_> {
        Actors::new(Db::Pool(self))
    }

    /// Properties of actors, with the lookup table kept in step for indexed names.
    pub fn properties(&self) -> Properties<'_> {
        Properties::new(Db::Pool(self))
    }

    /// The raw `property_lookup` table (indexed value -> actor id).
    pub fn property_lookup(&self) -> PropertyLookup<'_> {
        PropertyLookup::new(Db::Pool(self))
    }

    /// Trust relationships with peers.
    pub fn trusts(&self) -> Trusts<'_> {
        Trusts::new(Db::Pool(self))
    }

    /// The peers this actor trusts (peer trustees).
    pub fn peer_trustees(&self) -> PeerTrustees<'_> {
        PeerTrustees::new(Db::Pool(self))
    }

    /// Subscriptions.
    pub fn subscriptions(&self) -> Subscriptions<'_> {
        Subscriptions::new(Db::Pool(self))
    }

    /// Subscription change diffs.
    pub fn subscription_diffs(&self) -> SubscriptionDiffs<'_> {
        SubscriptionDiffs::new(Db::Pool(self))
    }

    /// Internal attribute buckets, with TTL.
    pub fn attributes(&self) -> Attributes<'_> {
        Attributes::new(Db::Pool(self))
    }

    /// Subscription suspensions of one actor.
    pub fn suspensions<'a>(&'a self, actor_id: &'a str) -> Suspensions<'a> {
        Suspensions::new(Db::Pool(self), actor_id)
    }

    /// Deletes the actor and every row of it in all nine tables (properties, lookup rows,
    /// trusts, peer trustees, subscriptions, diffs, attributes, suspensions) in one
    /// transaction, and reports how many rows went from each. An actor that does not exist
    /// still has its stray rows removed (`actors` is then 0).
    pub async fn delete_actor(&self, id: &str) -> Result<DeletedRows> {
        self.actors().delete_all_data(id).await
    }

    /// The configuration this store was built with.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// The underlying connection pool.
    pub fn pool(&self) -> &Pool {
        &self.inner.pool
    }

    /// Runs `f` inside one database transaction and commits when it returns `Ok`; an `Err`
    /// (or a panic, or dropping the future) rolls everything back.
    ///
    /// ```no_run
    /// # async fn example(store: actingweb_pg::Store) -> actingweb_pg::Result<()> {
    /// store
    ///     .transaction(|tx| {
    ///         Box::pin(async move {
    ///             tx.actors().create("a1", "me@example.com", "secret").await?;
    ///             tx.properties().set("a1", "email", "me@example.com").await?;
    ///             Ok(())
    ///         })
    ///     })
    ///     .await?;
    /// # Ok(())
    /// # }
    /// ```
    pub async fn transaction<T, F>(&self, f: F) -> Result<T>
    where
        F: for<'t> FnOnce(&'t Transaction<'t>) -> futures::future::BoxFuture<'t, Result<T>>,
    {
        let mut executor = Db::Pool(self).executor().await?;
        let shared = executor.caller_transaction().await?;
        let out = f(&Transaction {
            db: Db::Transaction(&shared, self),
        })
        .await;
        match out {
            Ok(value) => {
                shared.commit().await?;
                Ok(value)
            }
            Err(e) => {
                if let Err(rollback) = shared.rollback().await {
                    // The caller's error is the one to return; the transaction is not
                    // committed either way, and a broken connection is not reused.
                    tracing::error!(error = %rollback, "rollback after a failed transaction failed");
                }
                // Whatever failed inside, the transaction was not committed.
                Err(e.not_written())
            }
        }
    }

    /// [`Store::transaction`], run again when it fails with an [`ErrorKind::Serialization`]
    /// error (a serialization conflict or deadlock, after which nothing of it was written), at
    /// most `attempts` times in all, waiting a jittered, doubling delay (from 10 ms, at most
    /// 1 s) between attempts. `f` must be safe to run again: it runs once per attempt. Other
    /// errors are returned at once.
    ///
    /// ```no_run
    /// # async fn example(store: actingweb_pg::Store) -> actingweb_pg::Result<()> {
    /// let created = store
    ///     .transaction_with_retry(5, |tx| {
    ///         Box::pin(async move {
    ///             tx.properties().create_if_not_exists("a1", "counter", "0").await
    ///         })
    ///     })
    ///     .await?;
    /// # Ok(())
    /// # }
    /// ```
    pub async fn transaction_with_retry<T, F>(&self, attempts: u32, f: F) -> Result<T>
    where
        F: for<'t> Fn(&'t Transaction<'t>) -> futures::future::BoxFuture<'t, Result<T>>,
    {
        let mut delay = Duration::from_millis(10);
        let mut attempt = 1;
        loop {
            match self.transaction(&f).await {
                Err(e) if e.kind() == ErrorKind::Serialization && attempt < attempts.max(1) => {
                    tracing::debug!(attempt, error = %e, "transaction conflict; running it again");
                    tokio::time::sleep(jittered(delay)).await;
                    delay = (delay * 2).min(Duration::from_secs(1));
                    attempt += 1;
                }
                other => return other,
            }
        }
    }
}

/// The pool for the server of `config`, with the deadline of its statements. Every new
/// connection gets the configured `search_path` and server-side timeouts (behind a
/// transaction-mode pooler every transaction does instead); a connection given up after a
/// deadline, or older than its lifetime, is closed instead of handed out.
fn pool_for(config: &Config) -> Result<(Pool, Arc<Deadline>)> {
    let (manager, canceller) = connect::manager(
        config,
        ManagerConfig {
            // No liveness query per checkout: a closed connection is detected without a
            // round trip, a broken one fails the operation that uses it.
            recycling_method: RecyclingMethod::Fast,
        },
    )?;
    let limits = config.deadlines;
    // `SET search_path` cannot be a cornucopia query (it takes an identifier, not a
    // parameter); the schema name is validated to [a-z0-9_] by `Config::schema`. The
    // server-side timeouts are whole milliseconds formatted by the crate. Behind a
    // transaction-mode pooler they are set in every transaction (`SET LOCAL`, after a
    // `DEALLOCATE ALL` of whatever an earlier transaction left on the server connection,
    // see the executor), otherwise once per connection.
    let settings = |set: &str| {
        std::iter::once(format!("{set} search_path TO \"{}\"", config.schema))
            .chain(limits.server_settings(set))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let shares_sessions = config.pooler.shares_sessions();
    let per_transaction =
        shares_sessions.then(|| format!("BEGIN; DEALLOCATE ALL; {}", settings("SET LOCAL")));
    let deadline = Deadline::new(limits.query, limits.connect, canceller, per_transaction)
        .map_err(|e| {
            Error::with_source(
                ErrorKind::Backend,
                "cannot start the query deadline's thread".into(),
                e,
            )
        })?;
    let deadline = Arc::new(deadline);
    let session = (!shares_sessions).then(|| settings("SET"));
    let given_up = deadline.clone();
    let pool = Pool::builder(manager)
        .max_size(config.pool_max_size)
        .wait_timeout(Some(config.pool_timeout))
        .create_timeout(limits.connect)
        .runtime(Runtime::Tokio1)
        // The most recently used connection first: its server backend is awake and warm,
        // and connections beyond what the load needs stay idle.
        .queue_mode(QueueMode::Lifo)
        .post_create(Hook::async_fn(move |client, _| {
            let sql = session.clone();
            Box::pin(async move {
                let Some(sql) = sql else { return Ok(()) };
                let set = client.batch_execute(&sql);
                match limits.connect {
                    None => set.await,
                    Some(limit) => tokio::time::timeout(limit, set)
                        .await
                        .unwrap_or_else(|_| Err(tokio_postgres::Error::__private_api_timeout())),
                }
                .map_err(HookError::Backend)
            })
        }))
        .pre_recycle(Hook::sync_fn(move |client, metrics| {
            let expired = limits
                .max_lifetime
                .is_some_and(|lifetime| metrics.age() > lifetime);
            if given_up.was_given_up(&client.statement_cache) || expired {
                return Err(HookError::message("connection retired"));
            }
            Ok(())
        }))
        .build()
        .map_err(|e| Error::new(ErrorKind::InvalidInput, format!("pool: {e}")))?;
    Ok((pool, deadline))
}

/// Closes the pool's connections that have been unused for `max_idle`, checking every
/// `max_idle / 2` (at most every minute), until the store is gone or closed.
async fn close_idle_connections(store: std::sync::Weak<Inner>, max_idle: Duration) {
    let period = (max_idle / 2).clamp(Duration::from_millis(10), Duration::from_secs(60));
    loop {
        tokio::time::sleep(period).await;
        let Some(inner) = store.upgrade() else { return };
        if inner.pool.is_closed() {
            return;
        }
        for pool in std::iter::once(&inner.pool).chain(inner.replicas.pools()) {
            pool.retain(|_, metrics| metrics.last_used() < max_idle);
        }
    }
}

/// A delay between `delay / 2` and `delay`, chosen at random, so that transactions that
/// conflicted once do not meet again at the same moment.
fn jittered(delay: Duration) -> Duration {
    use std::hash::{BuildHasher, Hasher};
    let random = std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish();
    let half = delay / 2;
    half + Duration::from_nanos(random % (half.as_nanos() as u64 + 1))
}

/// A database transaction with the same entity API as [`Store`]; see [`Store::transaction`].
///
/// Statements inside it run on the transaction's connection and are prepared through that
/// connection's statement cache (behind a transaction-mode pooler: prepared inside the
/// transaction, uncached, and the transaction sets the schema and the server-side timeouts
/// with `SET LOCAL`). Operations on one transaction run one after the other (an
/// operation holds the transaction until it returns), and an operation of several statements
/// runs inside a SAVEPOINT: when it fails, it leaves nothing behind and the transaction can
/// still commit what came before.
pub struct Transaction<'a> {
    db: Db<'a>,
}

impl Transaction<'_> {
    /// Actors, inside this transaction.
    pub fn actors(&self) -> Actors<'_> {
        Actors::new(self.db)
    }

    /// Properties, inside this transaction.
    pub fn properties(&self) -> Properties<'_> {
        Properties::new(self.db)
    }

    /// Lookup rows, inside this transaction.
    pub fn property_lookup(&self) -> PropertyLookup<'_> {
        PropertyLookup::new(self.db)
    }

    /// Deletes the actor and all its rows inside this transaction; see
    /// [`Store::delete_actor`].
    pub async fn delete_actor(&self, id: &str) -> Result<DeletedRows> {
        self.actors().delete_all_data(id).await
    }

    /// Trusts, inside this transaction.
    pub fn trusts(&self) -> Trusts<'_> {
        Trusts::new(self.db)
    }

    /// Peer trustees, inside this transaction.
    pub fn peer_trustees(&self) -> PeerTrustees<'_> {
        PeerTrustees::new(self.db)
    }

    /// Subscriptions, inside this transaction.
    pub fn subscriptions(&self) -> Subscriptions<'_> {
        Subscriptions::new(self.db)
    }

    /// Subscription diffs, inside this transaction.
    pub fn subscription_diffs(&self) -> SubscriptionDiffs<'_> {
        SubscriptionDiffs::new(self.db)
    }

    /// Attributes, inside this transaction.
    pub fn attributes(&self) -> Attributes<'_> {
        Attributes::new(self.db)
    }

    /// Subscription suspensions of one actor, inside this transaction.
    pub fn suspensions<'a>(&'a self, actor_id: &'a str) -> Suspensions<'a> {
        Suspensions::new(self.db, actor_id)
    }
}
