//! Deadlines and connection lifetimes: how long a connection set-up, a statement, a
//! transaction's idle time or a lock wait may take, and how long a pooled connection is kept.

use std::time::Duration;

use super::Config;
use crate::error::{Error, Result};

/// The client-side bound of every statement unless configured (`PG_QUERY_TIMEOUT`).
pub const DEFAULT_QUERY_TIMEOUT: Duration = Duration::from_secs(30);

/// The bound of a whole connection set-up unless configured (`PG_CONNECT_TIMEOUT`).
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// How long a pooled connection is used at most unless configured (`PG_POOL_MAX_LIFETIME`).
pub const DEFAULT_MAX_LIFETIME: Duration = Duration::from_secs(30 * 60);

/// How long a pooled connection may stay unused unless configured (`PG_POOL_MAX_IDLE`).
pub const DEFAULT_MAX_IDLE: Duration = Duration::from_secs(10 * 60);

/// The deadline settings of a [`Config`]; `None` is "no bound".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Deadlines {
    /// Connection set-up: TCP, TLS, startup, authentication and the session settings.
    pub(crate) connect: Option<Duration>,
    /// Each statement, client-side; when it passes, a cancel request goes to the server and
    /// the connection is discarded.
    pub(crate) query: Option<Duration>,
    /// Server-side `statement_timeout`.
    pub(crate) statement: Option<Duration>,
    /// Server-side `lock_timeout`.
    pub(crate) lock: Option<Duration>,
    /// Server-side `idle_in_transaction_session_timeout`.
    pub(crate) idle_in_transaction: Option<Duration>,
    /// A pooled connection older than this is closed instead of reused.
    pub(crate) max_lifetime: Option<Duration>,
    /// A pooled connection unused for this long is closed.
    pub(crate) max_idle: Option<Duration>,
}

impl Default for Deadlines {
    fn default() -> Deadlines {
        Deadlines {
            connect: Some(DEFAULT_CONNECT_TIMEOUT),
            query: Some(DEFAULT_QUERY_TIMEOUT),
            statement: None,
            lock: None,
            idle_in_transaction: None,
            max_lifetime: Some(DEFAULT_MAX_LIFETIME),
            max_idle: Some(DEFAULT_MAX_IDLE),
        }
    }
}

impl Deadlines {
    /// The statements that set the server-side timeouts, each `{set} name = value` (`SET`
    /// for the session, `SET LOCAL` for a transaction); none when no server-side timeout is
    /// configured. The values are whole milliseconds this crate formats, so the text cannot
    /// carry anything else.
    pub(crate) fn server_settings(&self, set: &str) -> Vec<String> {
        [
            ("statement_timeout", self.statement),
            ("lock_timeout", self.lock),
            (
                "idle_in_transaction_session_timeout",
                self.idle_in_transaction,
            ),
        ]
        .into_iter()
        .filter_map(|(name, value)| Some(format!("{set} {name} = {}", value?.as_millis())))
        .collect()
    }
}

/// A number of seconds from a variable or argument: `0` means no bound.
pub(super) fn seconds(field: &str, secs: f64) -> Result<Option<Duration>> {
    if secs == 0.0 {
        return Ok(None);
    }
    Duration::try_from_secs_f64(secs)
        .map(Some)
        .map_err(|e| Error::invalid(field, format!("{secs} seconds: {e}")))
}

impl Config {
    /// Bounds every statement client-side (default 30 s, `PG_QUERY_TIMEOUT`; `None`: no
    /// bound). When the bound passes, the operation fails with
    /// [`ErrorKind::Timeout`](crate::ErrorKind::Timeout), a cancel request goes to the server
    /// and the connection is discarded. Inside a transaction each statement has this bound.
    pub fn query_timeout(mut self, timeout: Option<Duration>) -> Config {
        self.deadlines.query = timeout;
        self
    }

    /// Bounds a whole connection set-up: TCP connect, TLS, startup, authentication and the
    /// session settings (default 10 s, `PG_CONNECT_TIMEOUT`, else `PGCONNECT_TIMEOUT` or the
    /// URL's `connect_timeout`; `None`: no bound).
    pub fn connect_timeout(mut self, timeout: Option<Duration>) -> Config {
        self.deadlines.connect = timeout;
        self
    }

    /// Sets the server-side `statement_timeout`, `lock_timeout` and
    /// `idle_in_transaction_session_timeout` of every connection (`PG_STATEMENT_TIMEOUT`,
    /// `PG_LOCK_TIMEOUT`, `PG_IDLE_IN_TRANSACTION_TIMEOUT`; `None` keeps the server's
    /// setting). They are set when a connection is made.
    pub fn server_timeouts(
        mut self,
        statement: Option<Duration>,
        lock: Option<Duration>,
        idle_in_transaction: Option<Duration>,
    ) -> Config {
        self.deadlines.statement = statement;
        self.deadlines.lock = lock;
        self.deadlines.idle_in_transaction = idle_in_transaction;
        self
    }

    /// Sets how long a pooled connection is used at most (default 30 min,
    /// `PG_POOL_MAX_LIFETIME`) and how long it may stay unused (default 10 min,
    /// `PG_POOL_MAX_IDLE`) before it is closed; `None`: kept for ever.
    pub fn connection_lifetime(
        mut self,
        max_lifetime: Option<Duration>,
        max_idle: Option<Duration>,
    ) -> Config {
        self.deadlines.max_lifetime = max_lifetime;
        self.deadlines.max_idle = max_idle;
        self
    }

    /// The client-side bound of every statement.
    pub fn get_query_timeout(&self) -> Option<Duration> {
        self.deadlines.query
    }

    /// The bound of a connection set-up.
    pub fn get_connect_timeout(&self) -> Option<Duration> {
        self.deadlines.connect
    }
}
