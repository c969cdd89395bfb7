//! The crate's single error type, with kinds a caller can match on.

use std::fmt;

use tokio_postgres::error::SqlState;

/// What went wrong, in terms a caller can act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Something the operation needs does not exist (for example the actor an indexed property
    /// belongs to).
    NotFound,
    /// The write collides with existing data (a unique key is taken).
    Conflict,
    /// The input was refused before or by the database; nothing was written.
    InvalidInput,
    /// No pooled connection became free within the configured wait timeout.
    PoolTimeout,
    /// The database did not answer within a deadline: the client-side query deadline
    /// (`PG_QUERY_TIMEOUT`), the connect deadline, or a server-side `statement_timeout`,
    /// `lock_timeout` or `idle_in_transaction_session_timeout`. See
    /// [`Error::is_outcome_unknown`].
    Timeout,
    /// The database cannot be reached or is going away (connection refused, reset or closed,
    /// server shutting down or starting up, too many connections): retry later. See
    /// [`Error::is_outcome_unknown`].
    Unavailable,
    /// The transaction lost a serialization conflict or a deadlock (SQLSTATE 40001, 40P01):
    /// nothing of it was written and running it again may succeed
    /// ([`Store::transaction_with_retry`](crate::Store::transaction_with_retry) does).
    Serialization,
    /// The role lacks a privilege the operation needs (SQLSTATE 42501, or found missing by
    /// [`Store::migrate`](crate::Store::migrate) before it runs DDL); the message names it.
    PermissionDenied,
    /// Any other database or connection fault.
    Backend,
}

/// The error of every fallible operation of this crate.
///
/// [`Error::kind`] classifies it; [`std::error::Error::source`] keeps the underlying driver or
/// pool error.
pub struct Error {
    kind: ErrorKind,
    message: String,
    source: Option<Box<dyn std::error::Error + Send + Sync>>,
    outcome_unknown: bool,
}

/// Shorthand for `Result<T, actingweb_pg::Error>`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// An error of `kind` with a message and no source.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
            source: None,
            outcome_unknown: false,
        }
    }

    /// An invalid-input error about the argument `field`.
    pub(crate) fn invalid(field: &str, problem: impl fmt::Display) -> Error {
        Error::new(
            ErrorKind::InvalidInput,
            format!("invalid {field}: {problem}"),
        )
    }

    /// The kind of failure.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// Whether the operation may have been carried out all the same: a statement was sent and
    /// then the deadline passed or the connection was lost before its answer came, outside a
    /// transaction or while committing one. A write that failed this way may be stored; read
    /// it back (or make the write idempotent) before trying it again. `false` for every error
    /// after which nothing was written (refused input, an error the server reported, a
    /// failure inside [`Store::transaction`](crate::Store::transaction) before it commits).
    pub fn is_outcome_unknown(&self) -> bool {
        self.outcome_unknown
    }

    /// Whether running the operation (or the whole transaction) again may succeed:
    /// [`ErrorKind::Serialization`], [`ErrorKind::Timeout`], [`ErrorKind::Unavailable`] and
    /// [`ErrorKind::PoolTimeout`]. Check [`Error::is_outcome_unknown`] before repeating a
    /// write that is not idempotent.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self.kind,
            ErrorKind::Serialization
                | ErrorKind::Timeout
                | ErrorKind::Unavailable
                | ErrorKind::PoolTimeout
        )
    }

    /// The same error, known to have written nothing (the transaction it belongs to was not
    /// committed).
    pub(crate) fn not_written(mut self) -> Error {
        self.outcome_unknown = false;
        self
    }

    /// The SQLSTATE code when the database reported the error.
    pub fn sqlstate(&self) -> Option<&SqlState> {
        self.source
            .as_ref()?
            .downcast_ref::<tokio_postgres::Error>()?
            .code()
    }

    /// An error of `kind` with a message and the error that caused it.
    pub(crate) fn with_source(
        kind: ErrorKind,
        message: String,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Error {
        Error {
            kind,
            message,
            source: Some(Box::new(source)),
            outcome_unknown: false,
        }
    }
}

/// An error's text followed by the text of each of its causes (`message: cause: cause of the
/// cause`), leaving out a cause whose text the previous one already ends with.
pub(crate) fn chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut shown = text.clone();
    let mut cause = error.source();
    while let Some(c) = cause {
        let next = c.to_string();
        if !shown.ends_with(&next) {
            text.push_str(": ");
            text.push_str(&next);
        }
        shown = next;
        cause = c.source();
    }
    text
}

/// Maps a SQLSTATE to the kind a caller acts on.
fn kind_of(code: &SqlState) -> ErrorKind {
    match code.code() {
        "23505" => ErrorKind::Conflict, // unique_violation
        // serialization_failure, deadlock_detected
        "40001" | "40P01" => ErrorKind::Serialization,
        // foreign_key_violation: the referenced actor row does not exist
        "23503" => ErrorKind::NotFound,
        // string_data_right_truncation, character_not_in_repertoire (NUL),
        // invalid_text_representation, untranslatable_character, not_null_violation,
        // program_limit_exceeded (index row too large)
        "22001" | "22021" | "22P02" | "22P05" | "23502" | "54000" => ErrorKind::InvalidInput,
        // query_canceled (statement_timeout, or the cancel a client-side deadline sends),
        // lock_not_available (lock_timeout), idle_in_transaction_session_timeout
        "57014" | "55P03" | "25P03" => ErrorKind::Timeout,
        // admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections, and
        // the connection_exception class
        "57P01" | "57P02" | "57P03" | "53300" => ErrorKind::Unavailable,
        c if c.starts_with("08") => ErrorKind::Unavailable,
        // insufficient_privilege
        "42501" => ErrorKind::PermissionDenied,
        _ => ErrorKind::Backend,
    }
}

/// The text of the driver's timeout error, the one the executor returns when a client-side
/// deadline passes (`tokio_postgres::Error::__private_api_timeout`, which has no public kind).
const DRIVER_TIMEOUT_TEXT: &str = "timeout waiting for server";

impl From<tokio_postgres::Error> for Error {
    fn from(e: tokio_postgres::Error) -> Error {
        if let Some(db) = e.as_db_error() {
            let kind = kind_of(db.code());
            let message = match kind {
                ErrorKind::NotFound => format!("referenced actor does not exist: {}", db.message()),
                _ => db.message().to_string(),
            };
            // The server answered: the statement failed and wrote nothing.
            return Error::with_source(kind, message, e);
        }
        let (kind, message, outcome_unknown) = if e.to_string() == DRIVER_TIMEOUT_TEXT {
            let message = "the database did not answer within the query deadline";
            (ErrorKind::Timeout, message, true)
        } else if e.is_closed() {
            (
                ErrorKind::Unavailable,
                "the database connection was lost",
                true,
            )
        } else if io_cause(&e).is_some_and(|io| is_unreachable(io) || is_wrong_role(io)) {
            // Refused, reset or unreachable while connecting, or no server of the role
            // `target_session_attrs` asks for (yet, during a failover): nothing was sent.
            (ErrorKind::Unavailable, "database connection error", false)
        } else {
            (ErrorKind::Backend, "database connection error", false)
        };
        let mut error = Error::with_source(kind, message.into(), e);
        error.outcome_unknown = outcome_unknown;
        error
    }
}

/// Whether an I/O error says the server cannot be reached now (as opposed to, say, a
/// certificate the TLS layer refused, which also arrives as an I/O error).
fn is_unreachable(e: &std::io::Error) -> bool {
    use std::io::ErrorKind as Io;
    matches!(
        e.kind(),
        Io::ConnectionRefused
            | Io::ConnectionReset
            | Io::ConnectionAborted
            | Io::NotConnected
            | Io::BrokenPipe
            | Io::TimedOut
            | Io::UnexpectedEof
            | Io::HostUnreachable
            | Io::NetworkUnreachable
            | Io::AddrNotAvailable
            | Io::NotFound
    )
}

/// Whether an I/O error is tokio-postgres's refusal of every server for
/// `target_session_attrs` (a standby when `read-write` is asked for, a primary for
/// `read-only`); the driver reports it only by these texts.
fn is_wrong_role(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::PermissionDenied
        && matches!(
            e.to_string().as_str(),
            "database does not allow writes" | "database is not read only"
        )
}

/// The I/O error behind a driver error, if any.
fn io_cause(e: &tokio_postgres::Error) -> Option<&std::io::Error> {
    let mut cause = std::error::Error::source(e);
    while let Some(c) = cause {
        if let Some(io) = c.downcast_ref::<std::io::Error>() {
            return Some(io);
        }
        cause = c.source();
    }
    None
}

impl From<deadpool_postgres::PoolError> for Error {
    fn from(e: deadpool_postgres::PoolError) -> Error {
        use deadpool_postgres::PoolError;
        match e {
            // Connecting failed: no statement of the operation was sent.
            PoolError::Backend(pg) => Error::from(pg).not_written(),
            PoolError::Timeout(deadpool_postgres::TimeoutType::Wait) => Error::with_source(
                ErrorKind::PoolTimeout,
                "timed out waiting for a pooled connection".into(),
                e,
            ),
            PoolError::Timeout(_) => Error::with_source(
                ErrorKind::Timeout,
                "timed out connecting to the database".into(),
                e,
            ),
            other => Error::with_source(ErrorKind::Backend, "connection pool error".into(), other),
        }
    }
}

/// `{}` shows this error's own message; its causes are reachable through
/// [`std::error::Error::source`]. `{:#}` shows the message followed by the text of each cause
/// (`message: cause: cause of the cause`), leaving out a cause whose text the previous one
/// already ends with (driver errors repeat their cause's text).
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.alternate() {
            f.write_str(&chain(self))
        } else {
            f.write_str(&self.message)
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("kind", &self.kind)
            .field("message", &self.message)
            .field("source", &self.source)
            .field("outcome_unknown", &self.outcome_unknown)
            .finish()
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_drivers_timeout_error_is_a_timeout_of_unknown_outcome() {
        let e = Error::from(tokio_postgres::Error::__private_api_timeout());
        assert_eq!(e.kind(), ErrorKind::Timeout);
        assert!(e.is_outcome_unknown());
        assert!(e.is_retryable());
        assert_eq!(
            e.to_string(),
            "the database did not answer within the query deadline"
        );
        assert_eq!(
            format!("{e:#}"),
            "the database did not answer within the query deadline: timeout waiting for server"
        );
        assert!(!e.not_written().is_outcome_unknown());
    }

    #[test]
    fn sqlstates_map_to_the_kinds_a_caller_acts_on() {
        for (code, kind) in [
            ("23505", ErrorKind::Conflict),
            ("40001", ErrorKind::Serialization),
            ("40P01", ErrorKind::Serialization),
            ("23503", ErrorKind::NotFound),
            ("22021", ErrorKind::InvalidInput),
            ("57014", ErrorKind::Timeout),
            ("55P03", ErrorKind::Timeout),
            ("25P03", ErrorKind::Timeout),
            ("57P01", ErrorKind::Unavailable),
            ("57P03", ErrorKind::Unavailable),
            ("53300", ErrorKind::Unavailable),
            ("08006", ErrorKind::Unavailable),
            ("42501", ErrorKind::PermissionDenied),
            ("42P01", ErrorKind::Backend),
        ] {
            assert_eq!(kind_of(&SqlState::from_code(code)), kind, "{code}");
        }
    }
}
