//! Spans and metrics of the store, in one place.
//!
//! Every public operation of the entity handles runs inside one `tracing` span named
//! [`SPAN_NAME`] with OpenTelemetry's database attributes (see the README's Observability
//! section), and records [`OPERATION_DURATION`] and, when it fails, [`ERRORS`].
//!
//! Metrics go through the [`metrics`] facade: the library records them and never exports
//! them; an application that installs a recorder (for example
//! `metrics-exporter-prometheus`) gets them, one that does not pays almost nothing. The
//! names are the constants of this module; labels follow OpenTelemetry's conventions where
//! one exists. Every pool checkout of an operation goes through one function, which times it
//! and reports the pool's state.

use std::future::Future;
use std::pin::Pin;
use std::sync::OnceLock;
use std::task::{Context, Poll, ready};
use std::time::{Duration, Instant};

use deadpool_postgres::{Client, Pool, PoolError, TimeoutType, Timeouts};
use futures::future::Either;
use metrics::{Key, Label, Metadata};

use crate::error::{ErrorKind, Result};
use crate::executor::Db;

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
    /// The keys of this pool's metrics (label `pool`): statics, hashed at compile time, so
    /// that a checkout builds none.
    fn keys(self) -> &'static PoolKeys {
        static PRIMARY_LABELS: [Label; 1] = [Label::from_static_parts("pool", "primary")];
        static REPLICA_LABELS: [Label; 1] = [Label::from_static_parts("pool", "replica")];
        static PRIMARY: PoolKeys = PoolKeys::labelled(&PRIMARY_LABELS);
        static REPLICA: PoolKeys = PoolKeys::labelled(&REPLICA_LABELS);
        match self {
            PoolRole::Primary => &PRIMARY,
            PoolRole::Replica => &REPLICA,
        }
    }
}

/// The keys of one pool's metrics.
struct PoolKeys {
    acquire: Key,
    size: Key,
    idle: Key,
    waiting: Key,
}

impl PoolKeys {
    /// The keys of the pool with `labels`.
    const fn labelled(labels: &'static [Label]) -> PoolKeys {
        PoolKeys {
            acquire: Key::from_static_parts(POOL_ACQUIRE_DURATION, labels),
            size: Key::from_static_parts(POOL_SIZE, labels),
            idle: Key::from_static_parts(POOL_IDLE, labels),
            waiting: Key::from_static_parts(POOL_WAITING, labels),
        }
    }
}

/// What the pool metrics are registered with (the `metrics` macros make the same).
static METADATA: Metadata<'static> =
    Metadata::new(module_path!(), metrics::Level::INFO, Some(module_path!()));

/// Takes a connection from `pool`, recording the wait in [`POOL_ACQUIRE_DURATION`] (failed
/// checkouts too) and the pool's state after it.
///
/// A connection the pool can hand out at once is taken without its wait bound, which would
/// make a runtime timer for every checkout; only when every connection is in use does the
/// checkout wait, bounded as the pool is configured.
pub(crate) async fn checkout(pool: &Pool, role: PoolRole) -> Result<Client, PoolError> {
    let started = Instant::now();
    let at_once = Timeouts {
        wait: Some(Duration::ZERO),
        ..pool.timeouts()
    };
    let client = match pool.timeout_get(&at_once).await {
        Err(PoolError::Timeout(TimeoutType::Wait)) => pool.get().await,
        other => other,
    };
    let waited = started.elapsed().as_secs_f64();
    let status = pool.status();
    let keys = role.keys();
    metrics::with_recorder(|recorder| {
        recorder
            .register_histogram(&keys.acquire, &METADATA)
            .record(waited);
        recorder
            .register_gauge(&keys.size, &METADATA)
            .set(status.size as f64);
        recorder
            .register_gauge(&keys.idle, &METADATA)
            .set(status.available as f64);
        recorder
            .register_gauge(&keys.waiting, &METADATA)
            .set(status.waiting as f64);
    });
    client
}

/// Histogram, seconds: how long each public operation of the entity handles took, checks of
/// its arguments included. Labels `db.operation.name` (the method, e.g. `get`, `set`),
/// `db.collection.name` (the table) and `outcome` (`ok` or `error`).
pub const OPERATION_DURATION: &str = "actingweb_pg_operation_duration_seconds";
/// Counter: operations that failed. Labels `db.operation.name`, `db.collection.name` and
/// `error.type` (the [`ErrorKind`], e.g. `NotFound`).
pub const ERRORS: &str = "actingweb_pg_errors_total";
/// Gauge, seconds: how far a read replica was behind the primary at its last check. Label
/// `server` (`host:port`).
pub const REPLICA_LAG: &str = "actingweb_pg_replica_lag_seconds";
/// Counter: expired attribute rows deleted by
/// [`Attributes::delete_expired`](crate::Attributes::delete_expired).
pub const TTL_PURGED_ROWS: &str = "actingweb_pg_ttl_purged_rows_total";

/// The name of every operation's span; `otel.name` carries `"{operation} {table}"`.
pub const SPAN_NAME: &str = "actingweb_pg.operation";

tokio::task_local! {
    /// Set while an operation runs, so that an operation built on another one (`set_json` on
    /// `set`) is one span and one measurement, under the name the caller used.
    static IN_OPERATION: ();
}

/// Runs the public operation `operation` (its body, `body`) inside a span that follows
/// OpenTelemetry's database conventions, and records its duration and errors.
///
/// The span's fields: `db.system.name` (`postgresql`), `db.operation.name`,
/// `db.collection.name`, `db.namespace` (the schema), `otel.name`, `otel.kind` (`client`),
/// and `actingweb.actor_id` only when the store's configuration opts in
/// ([`Config::trace_actor_ids`](crate::Config::trace_actor_ids)). A failure sets
/// `error.type` (the [`ErrorKind`]) and `otel.status_code` (`ERROR`). No value, secret or
/// statement parameter is ever a field.
///
/// The body is held inline in the returned future, so an operation allocates nothing for
/// it; an operation that pipelines several statements (an atomic group with lookup rows)
/// puts that part on the heap itself, so that the futures of the common operations stay
/// small.
// Inlined into every operation, so that the body is built where the returned future is
// kept instead of being built and then copied into it.
#[inline(always)]
pub(crate) fn traced<T>(
    db: Db<'_>,
    operation: &'static Operation,
    actor_id: Option<&str>,
    body: impl Future<Output = Result<T>>,
) -> impl Future<Output = Result<T>> {
    if IN_OPERATION.try_with(|_| ()).is_ok() {
        return Either::Left(body);
    }
    let config = db.config();
    let (table, name) = (operation.table, operation.name);
    let span = tracing::info_span!(
        SPAN_NAME,
        otel.name = %format_args!("{name} {table}"),
        otel.kind = "client",
        db.system.name = "postgresql",
        db.operation.name = name,
        db.collection.name = table,
        db.namespace = config.schema_name(),
        actingweb.actor_id = tracing::field::Empty,
        error.type = tracing::field::Empty,
        otel.status_code = tracing::field::Empty,
    );
    if let (true, Some(id)) = (config.traces_actor_ids(), actor_id) {
        span.record("actingweb.actor_id", id);
    }
    Either::Right(Traced {
        body,
        span,
        started: Instant::now(),
        operation,
    })
}

/// A public operation of the entity handles: its table and its name (the method), and the
/// keys of its [`OPERATION_DURATION`] by outcome, built at its first call. Each operation
/// declares its own as a `static`, so that recording a call builds and hashes no key.
pub(crate) struct Operation {
    table: &'static str,
    name: &'static str,
    /// The duration's keys, by [`OUTCOMES`].
    duration_keys: OnceLock<[Key; 2]>,
}

impl Operation {
    /// The operation `name` on `table`.
    pub(crate) const fn new(table: &'static str, name: &'static str) -> Operation {
        Operation {
            table,
            name,
            duration_keys: OnceLock::new(),
        }
    }

    /// The key of this operation's [`OPERATION_DURATION`] when it `failed` or not.
    fn duration_key(&self, failed: bool) -> &Key {
        let keys = self.duration_keys.get_or_init(|| {
            OUTCOMES.map(|outcome| {
                Key::from_parts(
                    OPERATION_DURATION,
                    vec![
                        Label::from_static_parts("db.operation.name", self.name),
                        Label::from_static_parts("db.collection.name", self.table),
                        Label::from_static_parts("outcome", outcome),
                    ],
                )
            })
        });
        &keys[usize::from(failed)]
    }
}

/// The `outcome` label of an operation that succeeded, and of one that failed.
const OUTCOMES: [&str; 2] = ["ok", "error"];

pin_project_lite::pin_project! {
    /// A public operation's body, polled inside its span with [`IN_OPERATION`] set, and its
    /// outcome recorded when it is done. One future holding the body once, inline, so that
    /// an operation allocates nothing for it and moves it once.
    struct Traced<F> {
        #[pin]
        body: F,
        span: tracing::Span,
        started: Instant,
        operation: &'static Operation,
    }
}

impl<T, F: Future<Output = Result<T>>> Future for Traced<F> {
    type Output = Result<T>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<T>> {
        let this = self.project();
        let _entered = this.span.enter();
        let result = ready!(IN_OPERATION.sync_scope((), || this.body.poll(cx)));
        record(this.span, this.operation, *this.started, &result);
        Poll::Ready(result)
    }
}

/// Records the outcome of `operation`, started at `started`, on its span and in the metrics.
fn record<T>(span: &tracing::Span, operation: &Operation, started: Instant, result: &Result<T>) {
    let failed = match result {
        Ok(_) => false,
        Err(e) => {
            let kind = kind_name(e.kind());
            span.record("error.type", kind);
            span.record("otel.status_code", "ERROR");
            metrics::counter!(
                ERRORS,
                "db.operation.name" => operation.name,
                "db.collection.name" => operation.table,
                "error.type" => kind
            )
            .increment(1);
            true
        }
    };
    let elapsed = started.elapsed().as_secs_f64();
    metrics::with_recorder(|recorder| {
        recorder
            .register_histogram(operation.duration_key(failed), &METADATA)
            .record(elapsed);
    });
}

/// The name of an error kind in spans and metric labels.
pub fn kind_name(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::NotFound => "NotFound",
        ErrorKind::Conflict => "Conflict",
        ErrorKind::InvalidInput => "InvalidInput",
        ErrorKind::PoolTimeout => "PoolTimeout",
        ErrorKind::Timeout => "Timeout",
        ErrorKind::Unavailable => "Unavailable",
        ErrorKind::Serialization => "Serialization",
        ErrorKind::PermissionDenied => "PermissionDenied",
        ErrorKind::Backend => "Backend",
    }
}

/// Records the lag of the replica `server` in [`REPLICA_LAG`].
pub(crate) fn replica_lag(server: &str, lag: Duration) {
    metrics::gauge!(REPLICA_LAG, "server" => server.to_string()).set(lag.as_secs_f64());
}

/// Adds `rows` to [`TTL_PURGED_ROWS`].
pub(crate) fn purged(rows: u64) {
    metrics::counter!(TTL_PURGED_ROWS).increment(rows);
}
