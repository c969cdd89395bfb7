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
//! Statements are prepared by the executor (it reports `stmt_cache() == true` to the
//! generated code). Without a pooler, and behind PgBouncer in session mode, every statement
//! is prepared once per connection and cached, also inside transactions and savepoints; the
//! connection's session holds the schema and the server-side timeouts.
//!
//! Behind PgBouncer in transaction mode ([`Pooler::Transaction`](crate::config::Pooler)) a
//! server connection serves another client after every transaction, so nothing may outlive
//! one:
//! - a statement outside any transaction runs in a transaction of its own: `prepare` sends
//!   `BEGIN; DEALLOCATE ALL; SET LOCAL ...` (the schema and the server-side timeouts) and the
//!   statement's Parse in one round trip, and the statement is sent with `COMMIT; DEALLOCATE
//!   ALL` right behind it, again one round trip. The COMMIT's outcome is awaited, so an
//!   operation reports nothing that was not committed; only for a statement whose rows are
//!   streamed (`query_raw`, the generated code's `.all()` and `.iter()`) it is not (it arrives
//!   after the rows, which the caller reads later). Such statements only read: every write
//!   statement run outside a transaction returns at most one row (`.one()` / `.opt()`; a
//!   delete of many rows returns its count), and a write that streams rows runs inside a
//!   transaction, whose COMMIT is awaited;
//! - a transaction (an atomic group, a snapshot, the caller's transaction) sends `DEALLOCATE
//!   ALL; SET LOCAL ...` together with its first statement (before its first SAVEPOINT);
//! - statements are prepared without the cache, inside the transaction that runs them.
//!
//! `DEALLOCATE ALL` at the start of every transaction removes statements an earlier
//! transaction left on that server connection (one whose Close was queued after its COMMIT
//! or ROLLBACK), so statement names can never meet; the Close that follows later finds
//! nothing, which is not an error.
//!
//! Every network wait of a statement, and the BEGIN, COMMIT and SAVEPOINT of a group, is
//! bounded by the query deadline ([`Deadline`]). When it passes, the statement's future is
//! dropped, a cancel request goes to the server, the connection is marked as given up (the
//! pool closes it instead of handing it out again), and the operation fails with the driver's
//! timeout error, which becomes [`ErrorKind::Timeout`](crate::ErrorKind::Timeout).

use std::collections::HashSet;
use std::future::Future;
use std::pin::Pin;
use std::pin::pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

use deadpool_postgres::{Client, StatementCache};
use futures::FutureExt;
use futures::future::BoxFuture;
use futures::future::Either;
use tokio::sync::{Mutex, MutexGuard};
use tokio_postgres::types::{BorrowToSql, ToSql};
use tokio_postgres::{Error as PgError, IsolationLevel, Row, RowStream, Statement, ToStatement};

use crate::client::async_::GenericClient;
use crate::config::Config;
use crate::connect::Canceller;
use crate::error::{Error, ErrorKind, Result};
use crate::store::Store;
use crate::telemetry::{self, PoolRole};
use crate::watchdog::{Watchdog, Watched};

/// What ends the transaction of a statement run outside any transaction in transaction
/// pooling mode. The `DEALLOCATE ALL` runs after the COMMIT in the same message, so on the
/// same server connection, and also when the statement failed (COMMIT then rolls back).
const COMMIT_AND_DEALLOCATE: &str = "COMMIT; DEALLOCATE ALL";

/// A `count(*)` a statement returned, as the operations report it.
pub(crate) fn row_count(count: i64) -> u64 {
    u64::try_from(count).expect("count(*) is not negative")
}

/// The query deadline of a store, the connections given up when it passed, and (in
/// transaction pooling mode) what every transaction starts with.
pub(crate) struct Deadline {
    /// What ends each statement past its bound; `None`: unbounded.
    watchdog: Option<Watchdog>,
    /// The bound of a cancel request (a connection set-up of its own).
    connect: Option<Duration>,
    canceller: Canceller,
    /// The statement caches (one per connection, so they identify it) of connections that
    /// are not to be used again.
    given_up: std::sync::Mutex<HashSet<usize>>,
    /// How many connections `given_up` holds, so that a checkout takes its lock only when
    /// there is one.
    given_up_count: AtomicUsize,
    /// Transaction pooling: what a per-statement transaction starts with, `BEGIN; ` and then
    /// what every transaction starts with (`DEALLOCATE ALL` and the `SET LOCAL` of the
    /// schema and the server-side timeouts); `None` when the session of each connection
    /// holds the settings.
    per_transaction: Option<String>,
}

impl Deadline {
    /// A deadline of `query` per statement (its [`Watchdog`] thread started); cancel
    /// requests are sent with `canceller` and bounded by `connect`. `per_transaction`: see
    /// [`Deadline::per_transaction`].
    pub(crate) fn new(
        query: Option<Duration>,
        connect: Option<Duration>,
        canceller: Canceller,
        per_transaction: Option<String>,
    ) -> std::io::Result<Deadline> {
        Ok(Deadline {
            watchdog: query.map(Watchdog::start).transpose()?,
            connect,
            canceller,
            given_up: std::sync::Mutex::new(HashSet::new()),
            given_up_count: AtomicUsize::new(0),
            per_transaction,
        })
    }

    /// Whether the connection owning `cache` was given up after a deadline (and forgets it:
    /// the pool closes that connection now).
    pub(crate) fn was_given_up(&self, cache: &Arc<StatementCache>) -> bool {
        if self.given_up_count.load(Ordering::Acquire) == 0 {
            return false;
        }
        let key = Arc::as_ptr(cache) as usize;
        let removed = self.given_up.lock().expect("not poisoned").remove(&key);
        if removed {
            self.given_up_count.fetch_sub(1, Ordering::Release);
        }
        removed
    }

    /// Runs the statement `io` on `target` within the deadline; when it passes, cancels the
    /// statement on the server and gives up the connection.
    fn bound<T>(
        &self,
        target: Target<'_>,
        io: impl Future<Output = Result<T, PgError>>,
    ) -> impl Future<Output = Result<T, PgError>> {
        self.within(io)
            .map(move |done| done.unwrap_or_else(|| Err(self.give_up(target.connection()))))
    }

    /// [`Deadline::bound`] for transaction control (BEGIN, COMMIT, SAVEPOINT), which holds
    /// the connection mutably: its identity is taken beforehand.
    fn bound_control<T>(
        &self,
        connection: Connection,
        io: impl Future<Output = Result<T, PgError>>,
    ) -> impl Future<Output = Result<T, PgError>> {
        self.within(io)
            .map(move |done| done.unwrap_or_else(|| Err(self.give_up(connection))))
    }

    /// The output of `io`, or `None` when the deadline passed first (see [`Within`]).
    fn within<F: Future>(&self, io: F) -> Within<'_, F> {
        Within {
            io,
            watchdog: self.watchdog.as_ref(),
            watched: None,
        }
    }

    /// Marks the connection as not to be used again, sends a cancel request for its
    /// statement, and returns the error the operation fails with.
    fn give_up(&self, connection: Connection) -> PgError {
        self.retire(connection.key);
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

    /// Marks the connection `key` as not to be used again (the pool closes it).
    fn retire(&self, key: usize) {
        let mut given_up = self.given_up.lock().expect("not poisoned");
        if given_up.insert(key) {
            self.given_up_count.fetch_add(1, Ordering::Release);
        }
    }
}

pin_project_lite::pin_project! {
    /// The output of `io`, or `None` when the deadline passed first. `io` is watched by the
    /// watchdog only when it is not done at its first poll (a statement the connection
    /// prepared before is); the deadline counts from then. One future holding `io` once,
    /// inline.
    struct Within<'a, F> {
        #[pin]
        io: F,
        watchdog: Option<&'a Watchdog>,
        watched: Option<Watched<'a>>,
    }
}

impl<F: Future> Future for Within<'_, F> {
    type Output = Option<F::Output>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<F::Output>> {
        let this = self.project();
        if let Poll::Ready(done) = this.io.poll(cx) {
            return Poll::Ready(Some(done));
        }
        let Some(watchdog) = *this.watchdog else {
            return Poll::Pending;
        };
        match this.watched {
            None => {
                *this.watched = Some(watchdog.watch(cx.waker()));
                Poll::Pending
            }
            Some(watched) if watched.expired(cx.waker()) => Poll::Ready(None),
            Some(_) => Poll::Pending,
        }
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
                local: match tx.settings_pending() {
                    Some(pending) => Local::Transaction(pending.clone()),
                    None => Local::Session,
                },
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
    /// Transaction pooling: set until the transaction got its settings; `None` otherwise.
    fn settings_pending(&self) -> Option<&Arc<AtomicBool>>;
}

/// A caller's transaction held by one operation.
pub(crate) trait LockedTransaction: Send + Sync {
    /// The transaction.
    fn transaction(&self) -> &deadpool_postgres::Transaction<'_>;
    /// Opens a SAVEPOINT in it.
    fn savepoint(&mut self) -> BoxFuture<'_, Result<deadpool_postgres::Transaction<'_>, PgError>>;
}

/// The transaction of [`Store::transaction`], opened by [`Executor::caller_transaction`].
pub(crate) struct CallerTransaction<'c> {
    tx: Mutex<deadpool_postgres::Transaction<'c>>,
    settings_pending: Option<Arc<AtomicBool>>,
    deadline: &'c Deadline,
}

impl CallerTransaction<'_> {
    /// Commits, within the query deadline.
    pub(crate) async fn commit(self) -> Result<()> {
        let tx = self.tx.into_inner();
        let connection = Connection::of(&tx.statement_cache, tx.cancel_token());
        self.deadline.bound_control(connection, tx.commit()).await?;
        Ok(())
    }

    /// Rolls back, within the query deadline.
    pub(crate) async fn rollback(self) -> Result<()> {
        let tx = self.tx.into_inner();
        let connection = Connection::of(&tx.statement_cache, tx.cancel_token());
        self.deadline
            .bound_control(connection, tx.rollback())
            .await?;
        Ok(())
    }
}

impl SharedTransaction for CallerTransaction<'_> {
    fn lock(&self) -> BoxFuture<'_, Box<dyn LockedTransaction + '_>> {
        Box::pin(async move { Box::new(self.tx.lock().await) as Box<dyn LockedTransaction> })
    }

    fn settings_pending(&self) -> Option<&Arc<AtomicBool>> {
        self.settings_pending.as_ref()
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
    local: Local<'a>,
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

/// Where an executor's statements find the schema and the server-side timeouts, and how
/// they are prepared.
enum Local<'a> {
    /// In the connection's session (no pooler, or session pooling): statements are prepared
    /// once per connection and cached.
    Session,
    /// Transaction pooling, a pooled connection outside any transaction: every statement
    /// runs in a transaction of its own, which sets them.
    PerStatement(OpenTransaction<'a>),
    /// Transaction pooling, inside a transaction: it sets them with its first statement,
    /// while the flag is set.
    Transaction(Arc<AtomicBool>),
}

impl Local<'_> {
    /// For a transaction opened on a pooled connection.
    fn for_transaction(deadline: &Deadline) -> Local<'static> {
        match deadline.per_transaction {
            Some(_) => Local::Transaction(Arc::new(AtomicBool::new(true))),
            None => Local::Session,
        }
    }
}

/// Whether a per-statement transaction is open on a pooled connection (prepared, the
/// statement not yet sent). A connection left with one open (the operation was dropped in
/// between) is given up, never handed out again.
struct OpenTransaction<'a> {
    open: AtomicBool,
    deadline: &'a Deadline,
    connection: usize,
}

impl OpenTransaction<'_> {
    /// Whether it is open.
    fn is_open(&self) -> bool {
        self.open.load(Ordering::SeqCst)
    }

    /// It ended (committed, rolled back, or the connection was given up).
    fn close(&self) {
        self.open.store(false, Ordering::SeqCst);
    }

    /// Its state is unknown after a failure: the connection is given up.
    fn abandon(&self) {
        self.close();
        self.deadline.retire(self.connection);
    }
}

impl Drop for OpenTransaction<'_> {
    fn drop(&mut self) {
        if *self.open.get_mut() {
            self.deadline.retire(self.connection);
        }
    }
}

/// How the COMMIT of a per-statement transaction goes with its statement.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Commit {
    /// Sent right behind the statement, and its outcome awaited.
    Awaited,
    /// Sent right behind the statement; the statement's row stream is handed back before
    /// the COMMIT's outcome is known (it arrives after the rows, which the caller reads
    /// later). Only reads are streamed, so a failed COMMIT can lose nothing reported.
    Queued,
}

/// The text of the per-statement transaction start, [`Deadline::per_transaction`] after it.
const BEGIN: &str = "BEGIN; ";

impl<'a> Executor<'a> {
    /// An executor on a pooled connection outside any transaction.
    pub(crate) fn pooled(client: Client, deadline: &'a Deadline) -> Executor<'a> {
        let local = match deadline.per_transaction {
            Some(_) => Local::PerStatement(OpenTransaction {
                open: AtomicBool::new(false),
                deadline,
                connection: Arc::as_ptr(&client.statement_cache) as usize,
            }),
            None => Local::Session,
        };
        Executor {
            conn: Conn::Pooled(client),
            deadline,
            local,
        }
    }
}

impl Executor<'_> {
    /// Opens an atomic group: a transaction on a pooled connection, a SAVEPOINT inside a
    /// transaction. It is rolled back when dropped, committed (released) by
    /// [`Executor::commit`].
    pub(crate) async fn atomic(&mut self) -> Result<Executor<'_>> {
        let deadline = self.deadline;
        let (tx, local) = self.begin().await?;
        Ok(Executor {
            conn: Conn::Atomic(tx),
            deadline,
            local,
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
            local: Local::for_transaction(deadline),
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

    /// Opens the caller's transaction of [`Store::transaction`] on this pooled connection.
    pub(crate) async fn caller_transaction(&mut self) -> Result<CallerTransaction<'_>> {
        let deadline = self.deadline;
        let (tx, local) = self.begin().await?;
        Ok(CallerTransaction {
            tx: Mutex::new(tx),
            settings_pending: match local {
                Local::Transaction(pending) => Some(pending),
                _ => None,
            },
            deadline,
        })
    }

    /// A transaction on a pooled connection, a savepoint inside a transaction; with how its
    /// statements find their settings.
    async fn begin(&mut self) -> Result<(deadpool_postgres::Transaction<'_>, Local<'static>)> {
        let deadline = self.deadline;
        let local = match &self.local {
            Local::Session => Local::Session,
            Local::PerStatement(_) => Local::for_transaction(deadline),
            Local::Transaction(pending) => {
                // A SET LOCAL inside a savepoint ends with it: the enclosing transaction
                // gets the settings first.
                if let Some(settings) = self.opening() {
                    let t = self.target();
                    deadline.bound(t, t.client.batch_execute(settings)).await?;
                }
                Local::Transaction(pending.clone())
            }
        };
        let tx = match &mut self.conn {
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
        };
        Ok((tx, local))
    }

    /// Runs statements that take no parameters with the simple query protocol: DDL and
    /// session settings, which cannot be cornucopia queries.
    pub(crate) async fn batch_execute(&self, sql: &str) -> Result<()> {
        let t = self.target();
        self.run(t.client.batch_execute(sql), Commit::Awaited)
            .await?;
        Ok(())
    }

    /// Transaction pooling: the statements to send before the next one when it is the
    /// first of its transaction (`BEGIN` and the settings for a per-statement transaction,
    /// the settings inside a transaction), taken, so that only one statement sends them.
    fn opening(&self) -> Option<&str> {
        let begin_and_settings = self.deadline.per_transaction.as_deref()?;
        match &self.local {
            Local::Session => None,
            Local::PerStatement(open) => {
                (!open.open.swap(true, Ordering::SeqCst)).then_some(begin_and_settings)
            }
            Local::Transaction(pending) => pending
                .swap(false, Ordering::SeqCst)
                .then(|| &begin_and_settings[BEGIN.len()..]),
        }
    }

    /// Runs `io`, a statement on this executor's connection (its request goes out when it
    /// is first polled), within the deadline. In transaction pooling mode it goes out
    /// behind the settings when it is the first statement of its transaction; outside any
    /// transaction it runs in a transaction of its own: the one its `prepare` opened (the
    /// COMMIT then goes out right behind it, in the same round trip), or else one opened
    /// for it now (BEGIN in the same round trip, the COMMIT after it).
    // Inlined into every statement, so that the statement's future is built in the one
    // that bounds it instead of being copied into it.
    #[inline(always)]
    fn run<T>(
        &self,
        io: impl Future<Output = Result<T, PgError>>,
        commit: Commit,
    ) -> impl Future<Output = Result<T, PgError>> {
        match self.local {
            Local::Session => Either::Left(self.deadline.bound(self.target(), io)),
            // Behind a transaction-mode pooler: on the heap, so that the futures of the
            // common case above do not carry the space of what that mode sends around a
            // statement.
            _ => Either::Right(Box::pin(self.run_pooled(io, commit))),
        }
    }

    /// [`Executor::run`] behind a transaction-mode pooler, where the statement goes out
    /// behind the settings or in a transaction of its own.
    async fn run_pooled<T>(
        &self,
        io: impl Future<Output = Result<T, PgError>>,
        commit: Commit,
    ) -> Result<T, PgError> {
        let t = self.target();
        let deadline = self.deadline;
        let Local::PerStatement(open) = &self.local else {
            return match self.opening() {
                None => deadline.bound(t, io).await,
                Some(settings) => {
                    let io = async {
                        let (set, done) = futures::join!(t.client.batch_execute(settings), io);
                        set?;
                        done
                    };
                    deadline.bound(t, io).await
                }
            };
        };
        let ended = t.client.batch_execute(COMMIT_AND_DEALLOCATE);
        let done = if open.is_open() {
            deadline.bound(t, statement_then(io, ended, commit)).await
        } else {
            let begin = self.opening().expect("no transaction open");
            let io = async {
                let (set, done) = futures::join!(t.client.batch_execute(begin), io);
                let ended = statement_then(std::future::ready(done), ended, commit).await;
                set?;
                ended
            };
            deadline.bound(t, io).await
        };
        open.close();
        done
    }

    fn target(&self) -> Target<'_> {
        match &self.conn {
            Conn::Pooled(client) => Target {
                client,
                cache: &client.statement_cache,
            },
            Conn::Locked(tx) => {
                let t = tx.transaction();
                Target {
                    client: t.client(),
                    cache: &t.statement_cache,
                }
            }
            Conn::Atomic(t) => Target {
                client: t.client(),
                cache: &t.statement_cache,
            },
        }
    }
}

/// The statement `io`, with `ended` (the end of its transaction) sent right behind it:
/// awaited with it, or only sent ([`Commit::Queued`]). The statement's error comes first.
async fn statement_then<T>(
    io: impl Future<Output = Result<T, PgError>>,
    ended: impl Future<Output = Result<(), PgError>>,
    commit: Commit,
) -> Result<T, PgError> {
    let mut io = pin!(io);
    let mut ended = pin!(ended);
    // The statement's request goes out on its first poll, the COMMIT's on its own.
    let first = futures::poll!(io.as_mut());
    if commit == Commit::Queued {
        // Its outcome is not waited for; dropping the request after it went out leaves it
        // running.
        let _ = ended.as_mut().now_or_never();
        return match first {
            Poll::Ready(done) => done,
            Poll::Pending => io.await,
        };
    }
    let (done, ended) = futures::join!(
        async {
            match first {
                Poll::Ready(done) => done,
                Poll::Pending => io.await,
            }
        },
        ended
    );
    let value = done?;
    ended?;
    Ok(value)
}

/// The connection an executor's statements go to, and its statement cache.
#[derive(Clone, Copy)]
struct Target<'t> {
    client: &'t tokio_postgres::Client,
    cache: &'t Arc<StatementCache>,
}

impl Target<'_> {
    fn connection(self) -> Connection {
        Connection::of(self.cache, self.client.cancel_token())
    }
}

impl GenericClient for Executor<'_> {
    fn stmt_cache() -> bool {
        true
    }

    async fn prepare(&self, query: &str) -> Result<Statement, PgError> {
        let t = self.target();
        if matches!(self.local, Local::Session) {
            return self
                .deadline
                .bound(t, t.cache.prepare(t.client, query))
                .await;
        }
        let Some(settings) = self.opening() else {
            return self.deadline.bound(t, t.client.prepare(query)).await;
        };
        let opened = async {
            let (set, prepared) =
                futures::join!(t.client.batch_execute(settings), t.client.prepare(query));
            set?;
            prepared
        };
        let prepared = self.deadline.bound(t, opened).await;
        if let (Err(_), Local::PerStatement(open)) = (&prepared, &self.local) {
            open.abandon();
        }
        prepared
    }

    async fn execute<T>(&self, query: &T, params: &[&(dyn ToSql + Sync)]) -> Result<u64, PgError>
    where
        T: ?Sized + ToStatement + Sync + Send,
    {
        let t = self.target();
        self.run(t.client.execute(query, params), Commit::Awaited)
            .await
    }

    async fn query_one<T>(
        &self,
        statement: &T,
        params: &[&(dyn ToSql + Sync)],
    ) -> Result<Row, PgError>
    where
        T: ?Sized + ToStatement + Sync + Send,
    {
        let t = self.target();
        self.run(t.client.query_one(statement, params), Commit::Awaited)
            .await
    }

    async fn query_opt<T>(
        &self,
        statement: &T,
        params: &[&(dyn ToSql + Sync)],
    ) -> Result<Option<Row>, PgError>
    where
        T: ?Sized + ToStatement + Sync + Send,
    {
        let t = self.target();
        self.run(t.client.query_opt(statement, params), Commit::Awaited)
            .await
    }

    async fn query<T>(&self, query: &T, params: &[&(dyn ToSql + Sync)]) -> Result<Vec<Row>, PgError>
    where
        T: ?Sized + ToStatement + Sync + Send,
    {
        let t = self.target();
        self.run(t.client.query(query, params), Commit::Awaited)
            .await
    }

    async fn query_raw<T, I>(&self, statement: &T, params: I) -> Result<RowStream, PgError>
    where
        T: ?Sized + ToStatement + Sync + Send,
        I: IntoIterator + Sync + Send,
        I::IntoIter: ExactSizeIterator,
        I::Item: BorrowToSql,
    {
        let t = self.target();
        self.run(t.client.query_raw(statement, params), Commit::Queued)
            .await
    }
}
