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
    /// The write collides with existing data or a concurrent transaction (unique key taken,
    /// serialization failure, deadlock); retrying may succeed.
    Conflict,
    /// The input was refused before or by the database; nothing was written.
    InvalidInput,
    /// No pooled connection became free within the configured wait timeout.
    PoolTimeout,
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

    /// The SQLSTATE code when the database reported the error.
    pub fn sqlstate(&self) -> Option<&SqlState> {
        self.source
            .as_ref()?
            .downcast_ref::<tokio_postgres::Error>()?
            .code()
    }

    fn with_source(
        kind: ErrorKind,
        message: String,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Error {
        Error {
            kind,
            message,
            source: Some(Box::new(source)),
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
        // unique_violation, serialization_failure, deadlock_detected
        "23505" | "40001" | "40P01" => ErrorKind::Conflict,
        // foreign_key_violation: the referenced actor row does not exist
        "23503" => ErrorKind::NotFound,
        // string_data_right_truncation, character_not_in_repertoire (NUL),
        // invalid_text_representation, untranslatable_character, not_null_violation,
        // program_limit_exceeded (index row too large)
        "22001" | "22021" | "22P02" | "22P05" | "23502" | "54000" => ErrorKind::InvalidInput,
        // insufficient_privilege
        "42501" => ErrorKind::PermissionDenied,
        _ => ErrorKind::Backend,
    }
}

impl From<tokio_postgres::Error> for Error {
    fn from(e: tokio_postgres::Error) -> Error {
        let (kind, message) = match e.as_db_error() {
            Some(db) => {
                let kind = kind_of(db.code());
                let message = match kind {
                    ErrorKind::NotFound => {
                        format!("referenced actor does not exist: {}", db.message())
                    }
                    _ => db.message().to_string(),
                };
                (kind, message)
            }
            None => (ErrorKind::Backend, "database connection error".to_string()),
        };
        Error::with_source(kind, message, e)
    }
}

impl From<deadpool_postgres::PoolError> for Error {
    fn from(e: deadpool_postgres::PoolError) -> Error {
        use deadpool_postgres::PoolError;
        match e {
            PoolError::Backend(pg) => Error::from(pg),
            PoolError::Timeout(_) => Error::with_source(
                ErrorKind::PoolTimeout,
                "timed out waiting for a pooled connection".into(),
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
