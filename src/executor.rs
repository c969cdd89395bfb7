//! Where statements run: the one executor type every entity module, the transaction API and
//! the bulk transfer use.
//!
//! An entity handle holds a [`Db`]: the store's pool, or a caller's [`Transaction`]. For each
//! operation it takes an [`Executor`] from it, which is a pooled connection or the caller's
//! transaction (locked for the operation, so operations on one transaction never interleave),
//! and runs the generated queries on it. A multi-statement operation opens an atomic group with
//! [`Executor::atomic`]: a transaction on a pooled connection, or a SAVEPOINT inside a caller's
//! transaction. The group is rolled back when it is dropped without [`Executor::commit`], so a
//! failing multi-statement operation leaves nothing behind in either case.
//!
//! Every statement is prepared once per connection and cached (the executor reports
//! `stmt_cache() == true` to the generated code, and prepares through deadpool's cache), also
//! inside transactions and savepoints.

use deadpool_postgres::{Client, ClientWrapper};
use futures::future::BoxFuture;
use tokio::sync::{Mutex, MutexGuard};
use tokio_postgres::types::{BorrowToSql, ToSql};
use tokio_postgres::{Error as PgError, IsolationLevel, Row, RowStream, Statement, ToStatement};

use crate::client::async_::GenericClient;
use crate::config::Config;
use crate::error::Result;
use crate::store::Store;

/// Where an entity handle runs its operations: the store's pool or a caller's transaction.
#[derive(Clone, Copy)]
pub(crate) enum Db<'a> {
    /// A pooled connection per operation.
    Pool(&'a Store),
    /// The caller's transaction, with the settings of its store.
    Transaction(&'a dyn SharedTransaction, &'a Config),
}

impl<'a> Db<'a> {
    /// The settings of the store behind this handle.
    pub(crate) fn config(&self) -> &'a Config {
        match self {
            Db::Pool(store) => store.config(),
            Db::Transaction(_, config) => config,
        }
    }

    /// An executor for one operation: a pooled connection, or the caller's transaction held
    /// exclusively until the executor is dropped.
    pub(crate) async fn executor(&self) -> Result<Executor<'a>> {
        Ok(match self {
            Db::Pool(store) => Executor::Pooled(store.pool().get().await?),
            Db::Transaction(tx, _) => Executor::Locked(tx.lock().await),
        })
    }
}

/// A caller's transaction that operations take turns on.
///
/// A trait object, so that handles borrowing it need one lifetime only (the transaction's
/// own lifetime is invariant behind the lock).
pub(crate) trait SharedTransaction: Send + Sync {
    /// Waits until no other operation holds the transaction, then holds it.
    fn lock(&self) -> BoxFuture<'_, Box<dyn LockedTransaction + '_>>;
}

/// A caller's transaction held by one operation.
pub(crate) trait LockedTransaction: Send + Sync {
    /// The transaction.
    fn transaction(&self) -> &deadpool_postgres::Transaction<'_>;
    /// Opens a SAVEPOINT in it.
    fn savepoint(&mut self) -> BoxFuture<'_, Result<deadpool_postgres::Transaction<'_>, PgError>>;
}

impl SharedTransaction for Mutex<deadpool_postgres::Transaction<'_>> {
    fn lock(&self) -> BoxFuture<'_, Box<dyn LockedTransaction + '_>> {
        Box::pin(async move { Box::new(Mutex::lock(self).await) as Box<dyn LockedTransaction> })
    }
}

impl LockedTransaction for MutexGuard<'_, deadpool_postgres::Transaction<'_>> {
    fn transaction(&self) -> &deadpool_postgres::Transaction<'_> {
        self
    }

    fn savepoint(&mut self) -> BoxFuture<'_, Result<deadpool_postgres::Transaction<'_>, PgError>> {
        Box::pin(deadpool_postgres::Transaction::transaction(self))
    }
}

/// A connection to run statements on; implements the generated code's `GenericClient`.
pub(crate) enum Executor<'a> {
    /// A pooled connection outside any transaction.
    Pooled(Client),
    /// A caller's transaction, held for one operation.
    Locked(Box<dyn LockedTransaction + 'a>),
    /// A transaction or savepoint opened by [`Executor::atomic`] or [`Executor::snapshot`].
    Atomic(deadpool_postgres::Transaction<'a>),
}

impl Executor<'_> {
    /// Opens an atomic group: a transaction on a pooled connection, a SAVEPOINT inside a
    /// transaction. It is rolled back when dropped, committed (released) by
    /// [`Executor::commit`].
    pub(crate) async fn atomic(&mut self) -> Result<Executor<'_>> {
        Ok(Executor::Atomic(self.begin().await?))
    }

    /// Opens a read-only REPEATABLE READ transaction (one consistent snapshot) on a pooled
    /// connection; inside a transaction, a SAVEPOINT that sees the transaction's snapshot.
    pub(crate) async fn snapshot(&mut self) -> Result<Executor<'_>> {
        Ok(Executor::Atomic(match self {
            Executor::Pooled(client) => {
                client
                    .build_transaction()
                    .isolation_level(IsolationLevel::RepeatableRead)
                    .read_only(true)
                    .start()
                    .await?
            }
            other => other.begin().await?,
        }))
    }

    /// Commits a group opened by [`Executor::atomic`] or [`Executor::snapshot`]; a no-op for
    /// an executor that is not a group.
    pub(crate) async fn commit(self) -> Result<()> {
        if let Executor::Atomic(tx) = self {
            tx.commit().await?;
        }
        Ok(())
    }

    /// A transaction on a pooled connection, a savepoint inside a transaction.
    pub(crate) async fn begin(&mut self) -> Result<deadpool_postgres::Transaction<'_>> {
        Ok(match self {
            Executor::Pooled(client) => client.transaction().await?,
            Executor::Locked(tx) => tx.savepoint().await?,
            Executor::Atomic(tx) => tx.transaction().await?,
        })
    }

    /// Runs statements that take no parameters with the simple query protocol: DDL and
    /// session settings, which cannot be cornucopia queries.
    pub(crate) async fn batch_execute(&self, sql: &str) -> Result<()> {
        match self.target() {
            Target::Client(c) => c.batch_execute(sql).await?,
            Target::Transaction(t) => t.batch_execute(sql).await?,
        }
        Ok(())
    }

    fn target(&self) -> Target<'_> {
        match self {
            Executor::Pooled(client) => Target::Client(client),
            Executor::Locked(tx) => Target::Transaction(tx.transaction()),
            Executor::Atomic(tx) => Target::Transaction(tx),
        }
    }
}

/// The connection an executor's statements go to.
enum Target<'t> {
    Client(&'t ClientWrapper),
    Transaction(&'t deadpool_postgres::Transaction<'t>),
}

impl GenericClient for Executor<'_> {
    fn stmt_cache() -> bool {
        true
    }

    async fn prepare(&self, query: &str) -> Result<Statement, PgError> {
        match self.target() {
            Target::Client(c) => c.prepare_cached(query).await,
            Target::Transaction(t) => t.prepare_cached(query).await,
        }
    }

    async fn execute<T>(&self, query: &T, params: &[&(dyn ToSql + Sync)]) -> Result<u64, PgError>
    where
        T: ?Sized + ToStatement + Sync + Send,
    {
        match self.target() {
            Target::Client(c) => c.execute(query, params).await,
            Target::Transaction(t) => t.execute(query, params).await,
        }
    }

    async fn query_one<T>(
        &self,
        statement: &T,
        params: &[&(dyn ToSql + Sync)],
    ) -> Result<Row, PgError>
    where
        T: ?Sized + ToStatement + Sync + Send,
    {
        match self.target() {
            Target::Client(c) => c.query_one(statement, params).await,
            Target::Transaction(t) => t.query_one(statement, params).await,
        }
    }

    async fn query_opt<T>(
        &self,
        statement: &T,
        params: &[&(dyn ToSql + Sync)],
    ) -> Result<Option<Row>, PgError>
    where
        T: ?Sized + ToStatement + Sync + Send,
    {
        match self.target() {
            Target::Client(c) => c.query_opt(statement, params).await,
            Target::Transaction(t) => t.query_opt(statement, params).await,
        }
    }

    async fn query<T>(&self, query: &T, params: &[&(dyn ToSql + Sync)]) -> Result<Vec<Row>, PgError>
    where
        T: ?Sized + ToStatement + Sync + Send,
    {
        match self.target() {
            Target::Client(c) => c.query(query, params).await,
            Target::Transaction(t) => t.query(query, params).await,
        }
    }

    async fn query_raw<T, I>(&self, statement: &T, params: I) -> Result<RowStream, PgError>
    where
        T: ?Sized + ToStatement + Sync + Send,
        I: IntoIterator + Sync + Send,
        I::IntoIter: ExactSizeIterator,
        I::Item: BorrowToSql,
    {
        match self.target() {
            Target::Client(c) => c.query_raw(statement, params).await,
            Target::Transaction(t) => t.query_raw(statement, params).await,
        }
    }
}
