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
//!
//! Every network wait of a statement, and the BEGIN, COMMIT and SAVEPOINT of a group, is
//! bounded by the query deadline ([`Deadline`]). When it passes, the statement's future is
//! dropped, a cancel request goes to the server, the connection is marked as given up (the
//! pool closes it instead of handing it out again), and the operation fails with the driver's
//! timeout error, which becomes [`ErrorKind::Timeout`](crate::ErrorKind::Timeout).

use std::collections::HashSet;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use deadpool_postgres::{Client, ClientWrapper, StatementCache};
use futures::future::BoxFuture;
use tokio::sync::{Mutex, MutexGuard};
use tokio_postgres::types::{BorrowToSql, ToSql};
use tokio_postgres::{Error as PgError, IsolationLevel, Row, RowStream, Statement, ToStatement};

use crate::client::async_::GenericClient;
use crate::config::Config;
use crate::connect::Canceller;
use crate::error::{Error, ErrorKind, Result};
use crate::store::Store;
use crate::telemetry::{self, PoolRole};

/// The query deadline of a store, and the connections given up when it passed.
pub(crate) struct Deadline {
    /// The bound of each statement; `None`: unbounded.
    query: Option<Duration>,
    /// The bound of a cancel request (a connection set-up of its own).
    connect: Option<Duration>,
    canceller: Canceller,
    /// The statement caches (one per connection, so they identify it) of connections that
    /// are not to be used again.
    given_up: std::sync::Mutex<HashSet<usize>>,
}

impl Deadline {
    /// A deadline of `query` per statement; cancel requests are sent with `canceller` and
    /// bounded by `connect`.
    pub(crate) fn new(
        query: Option<Duration>,
        connect: Option<Duration>,
        canceller: Canceller,
    ) -> Deadline {
        Deadline {
            query,
            connect,
            canceller,
            given_up: std::sync::Mutex::new(HashSet::new()),
        }
    }

    /// Whether the connection owning `cache` was given up after a deadline (and forgets it:
    /// the pool closes that connection now).
    pub(crate) fn was_given_up(&self, cache: &Arc<StatementCache>) -> bool {
        let key = Arc::as_ptr(cache) as usize;
        self.given_up.lock().expect("not poisoned").remove(&key)
    }

    /// Runs the statement `io` on `target` within the deadline; when it passes, cancels the
    /// statement on the server and gives up the connection.
    async fn bound<T>(
        &self,
        target: Target<'_>,
        io: impl Future<Output = Result<T, PgError>>,
    ) -> Result<T, PgError> {
        let Some(limit) = self.query else {
            return io.await;
        };
        match tokio::time::timeout(limit, io).await {
            Ok(done) => done,
            Err(_) => Err(self.give_up(target.connection())),
        }
    }

    /// [`Deadline::bound`] for transaction control (BEGIN, COMMIT, SAVEPOINT), which holds
    /// the connection mutably: its identity is taken beforehand.
    async fn bound_control<T>(
        &self,
        connection: Connection,
        io: impl Future<Output = Result<T, PgError>>,
    ) -> Result<T, PgError> {
        let Some(limit) = self.query else {
            return io.await;
        };
        match tokio::time::timeout(limit, io).await {
            Ok(done) => done,
            Err(_) => Err(self.give_up(connection)),
        }
    }

    /// Marks the connection as not to be used again, sends a cancel request for its
    /// statement, and returns the error the operation fails with.
    fn give_up(&self, connection: Connection) -> PgError {
        self.given_up
            .lock()
            .expect("not poisoned")
            .insert(connection.key);
        let canceller = self.canceller.clone();
        let connect = self.connect;
        tokio::spawn(async move {
            let cancel = canceller.cancel(connection.token);
            let sent = match connect {
                Some(limit) => tokio::time::timeout(limit, cancel).await.ok(),
                None => Some(cancel.await),
            };
            if let Some(Err(e)) = sent {
                tracing::debug!(error = %e, "cancel request after a query deadline failed");
            }
        });
        // The driver's own timeout error; it has no public constructor but this one.
        PgError::__private_api_timeout()
    }
}

/// What giving up a connection needs: its identity (the address of its statement cache, one
/// per connection) and its cancel token.
struct Connection {
    key: usize,
    token: tokio_postgres::CancelToken,
}

impl Connection {
    fn of(cache: &Arc<StatementCache>, token: tokio_postgres::CancelToken) -> Connection {
        Connection {
            key: Arc::as_ptr(cache) as usize,
            token,
        }
    }
}

/// Where an entity handle runs its operations: the store's pool or a caller's transaction.
#[derive(Clone, Copy)]
pub(crate) enum Db<'a> {
    /// A pooled connection per operation.
    Pool(&'a Store),
    /// The caller's transaction, and the store it belongs to.
    Transaction(&'a dyn SharedTransaction, &'a Store),
    /// Reads that may be stale ([`Store::replica`]): a replica's pooled connection per
    /// operation, or the primary's; writes are refused.
    Replica(&'a Store),
}

impl<'a> Db<'a> {
    /// The settings of the store behind this handle.
    pub(crate) fn config(&self) -> &'a Config {
        match self {
            Db::Pool(store) | Db::Transaction(_, store) | Db::Replica(store) => store.config(),
        }
    }

    /// An executor for one operation that may write: a pooled connection of the primary, or
    /// the caller's transaction held exclusively until the executor is dropped. Through
    /// [`Store::replica`] it is an [`ErrorKind::InvalidInput`] error.
    pub(crate) async fn executor(&self) -> Result<Executor<'a>> {
        Ok(match self {
            Db::Pool(store) => Executor::pooled(
                telemetry::checkout(store.pool(), PoolRole::Primary).await?,
                store.deadline(),
            ),
            Db::Transaction(tx, store) => Executor {
                conn: Conn::Locked(tx.lock().await),
                deadline: store.deadline(),
            },
            Db::Replica(_) => {
                return Err(Error::new(
                    ErrorKind::InvalidInput,
                    "store.replica() only reads: write through the store or a transaction",
                ));
            }
        })
    }

    /// An executor for one operation that only reads: as [`Db::executor`], and through
    /// [`Store::replica`] a replica's connection (or the primary's when no replica is up).
    pub(crate) async fn reader(&self) -> Result<Executor<'a>> {
        match self {
            Db::Replica(store) => store.replica_executor().await,
            _ => self.executor().await,
        }
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

/// A connection to run statements on, with the deadline of its store; implements the
/// generated code's `GenericClient`.
pub(crate) struct Executor<'a> {
    conn: Conn<'a>,
    deadline: &'a Deadline,
}

/// The connection of an [`Executor`].
enum Conn<'a> {
    /// A pooled connection outside any transaction.
    Pooled(Client),
    /// A caller's transaction, held for one operation.
    Locked(Box<dyn LockedTransaction + 'a>),
    /// A transaction or savepoint opened by [`Executor::atomic`] or [`Executor::snapshot`].
    Atomic(deadpool_postgres::Transaction<'a>),
}

impl<'a> Executor<'a> {
    /// An executor on a pooled connection outside any transaction.
    pub(crate) fn pooled(client: Client, deadline: &'a Deadline) -> Executor<'a> {
        Executor {
            conn: Conn::Pooled(client),
            deadline,
        }
    }
}

impl Executor<'_> {
    /// Opens an atomic group: a transaction on a pooled connection, a SAVEPOINT inside a
    /// transaction. It is rolled back when dropped, committed (released) by
    /// [`Executor::commit`].
    pub(crate) async fn atomic(&mut self) -> Result<Executor<'_>> {
        let deadline = self.deadline;
        Ok(Executor {
            conn: Conn::Atomic(self.begin().await?),
            deadline,
        })
    }

    /// Opens a read-only REPEATABLE READ transaction (one consistent snapshot) on a pooled
    /// connection; inside a transaction, a SAVEPOINT that sees the transaction's snapshot.
    pub(crate) async fn snapshot(&mut self) -> Result<Executor<'_>> {
        let deadline = self.deadline;
        if !matches!(self.conn, Conn::Pooled(_)) {
            return self.atomic().await;
        }
        let Conn::Pooled(client) = &mut self.conn else {
            unreachable!("a pooled connection, checked above");
        };
        let connection = Connection::of(&client.statement_cache, client.cancel_token());
        let start = client
            .build_transaction()
            .isolation_level(IsolationLevel::RepeatableRead)
            .read_only(true)
            .start();
        let tx = deadline.bound_control(connection, start).await?;
        Ok(Executor {
            conn: Conn::Atomic(tx),
            deadline,
        })
    }

    /// Commits a group opened by [`Executor::atomic`] or [`Executor::snapshot`]; a no-op for
    /// an executor that is not a group.
    pub(crate) async fn commit(self) -> Result<()> {
        if let Conn::Atomic(tx) = self.conn {
            let connection = Connection::of(&tx.statement_cache, tx.cancel_token());
            self.deadline.bound_control(connection, tx.commit()).await?;
        }
        Ok(())
    }

    /// A transaction on a pooled connection, a savepoint inside a transaction.
    pub(crate) async fn begin(&mut self) -> Result<deadpool_postgres::Transaction<'_>> {
        let deadline = self.deadline;
        Ok(match &mut self.conn {
            Conn::Pooled(client) => {
                let connection = Connection::of(&client.statement_cache, client.cancel_token());
                deadline
                    .bound_control(connection, client.transaction())
                    .await?
            }
            Conn::Locked(tx) => {
                let t = tx.transaction();
                let connection = Connection::of(&t.statement_cache, t.cancel_token());
                deadline.bound_control(connection, tx.savepoint()).await?
            }
            Conn::Atomic(tx) => {
                let connection = Connection::of(&tx.statement_cache, tx.cancel_token());
                deadline.bound_control(connection, tx.transaction()).await?
            }
        })
    }

    /// Runs statements that take no parameters with the simple query protocol: DDL and
    /// session settings, which cannot be cornucopia queries.
    pub(crate) async fn batch_execute(&self, sql: &str) -> Result<()> {
        let target = self.target();
        match target {
            Target::Client(c) => self.deadline.bound(target, c.batch_execute(sql)).await?,
            Target::Transaction(t) => self.deadline.bound(target, t.batch_execute(sql)).await?,
        }
        Ok(())
    }

    fn target(&self) -> Target<'_> {
        match &self.conn {
            Conn::Pooled(client) => Target::Client(client),
            Conn::Locked(tx) => Target::Transaction(tx.transaction()),
            Conn::Atomic(tx) => Target::Transaction(tx),
        }
    }
}

/// The connection an executor's statements go to.
#[derive(Clone, Copy)]
enum Target<'t> {
    Client(&'t ClientWrapper),
    Transaction(&'t deadpool_postgres::Transaction<'t>),
}

impl Target<'_> {
    fn connection(self) -> Connection {
        match self {
            Target::Client(c) => Connection::of(&c.statement_cache, c.cancel_token()),
            Target::Transaction(t) => Connection::of(&t.statement_cache, t.cancel_token()),
        }
    }
}

impl GenericClient for Executor<'_> {
    fn stmt_cache() -> bool {
        true
    }

    async fn prepare(&self, query: &str) -> Result<Statement, PgError> {
        let target = self.target();
        match target {
            Target::Client(c) => self.deadline.bound(target, c.prepare_cached(query)).await,
            Target::Transaction(t) => self.deadline.bound(target, t.prepare_cached(query)).await,
        }
    }

    async fn execute<T>(&self, query: &T, params: &[&(dyn ToSql + Sync)]) -> Result<u64, PgError>
    where
        T: ?Sized + ToStatement + Sync + Send,
    {
        let target = self.target();
        match target {
            Target::Client(c) => self.deadline.bound(target, c.execute(query, params)).await,
            Target::Transaction(t) => self.deadline.bound(target, t.execute(query, params)).await,
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
        let target = self.target();
        match target {
            Target::Client(c) => {
                self.deadline
                    .bound(target, c.query_one(statement, params))
                    .await
            }
            Target::Transaction(t) => {
                self.deadline
                    .bound(target, t.query_one(statement, params))
                    .await
            }
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
        let target = self.target();
        match target {
            Target::Client(c) => {
                self.deadline
                    .bound(target, c.query_opt(statement, params))
                    .await
            }
            Target::Transaction(t) => {
                self.deadline
                    .bound(target, t.query_opt(statement, params))
                    .await
            }
        }
    }

    async fn query<T>(&self, query: &T, params: &[&(dyn ToSql + Sync)]) -> Result<Vec<Row>, PgError>
    where
        T: ?Sized + ToStatement + Sync + Send,
    {
        let target = self.target();
        match target {
            Target::Client(c) => self.deadline.bound(target, c.query(query, params)).await,
            Target::Transaction(t) => self.deadline.bound(target, t.query(query, params)).await,
        }
    }

    async fn query_raw<T, I>(&self, statement: &T, params: I) -> Result<RowStream, PgError>
    where
        T: ?Sized + ToStatement + Sync + Send,
        I: IntoIterator + Sync + Send,
        I::IntoIter: ExactSizeIterator,
        I::Item: BorrowToSql,
    {
        let target = self.target();
        match target {
            Target::Client(c) => {
                self.deadline
                    .bound(target, c.query_raw(statement, params))
                    .await
            }
            Target::Transaction(t) => {
                self.deadline
                    .bound(target, t.query_raw(statement, params))
                    .await
            }
        }
    }
}
