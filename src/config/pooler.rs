//! The connection pooler between this crate and the server: none, or PgBouncer in session or
//! transaction pooling mode (`PG_DB_POOLER`).

use std::fmt;
use std::str::FromStr;

use super::Config;
use crate::error::Error;

/// What sits between the store and the PostgreSQL server (`PG_DB_POOLER`).
///
/// The mode decides where the schema (`search_path`) and the server-side timeouts are set and
/// whether statements are prepared once per connection; see the README's "Behind PgBouncer".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pooler {
    /// No pooler (`none`, the default): every connection is a server session of its own.
    /// The settings are made once per connection and every statement is prepared once per
    /// connection and cached.
    #[default]
    None,
    /// PgBouncer with `pool_mode = session` (`session`): a client connection keeps its server
    /// connection, so the store behaves as with no pooler.
    Session,
    /// PgBouncer with `pool_mode = transaction` (`transaction`): server connections are shared
    /// between transactions, so nothing may outlive one. Every transaction sets the schema and
    /// the server-side timeouts with `SET LOCAL`; an operation outside a caller's transaction
    /// runs each statement in a transaction of its own; statements are prepared inside the
    /// transaction that runs them and are not cached.
    Transaction,
}

impl Pooler {
    /// Whether server connections are shared between transactions.
    pub(crate) fn shares_sessions(self) -> bool {
        self == Pooler::Transaction
    }
}

impl FromStr for Pooler {
    type Err = String;

    /// `none`, `session` or `transaction` (any letter case).
    fn from_str(text: &str) -> Result<Pooler, String> {
        match text.to_ascii_lowercase().as_str() {
            "none" => Ok(Pooler::None),
            "session" => Ok(Pooler::Session),
            "transaction" => Ok(Pooler::Transaction),
            _ => Err(format!("{text:?} (supported: none, session, transaction)")),
        }
    }
}

impl fmt::Display for Pooler {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Pooler::None => "none",
            Pooler::Session => "session",
            Pooler::Transaction => "transaction",
        })
    }
}

impl Config {
    /// Sets the pooler between the store and the server (default [`Pooler::None`],
    /// `PG_DB_POOLER`). Read replicas are reached the same way.
    pub fn pooler(mut self, pooler: Pooler) -> Config {
        self.pooler = pooler;
        self
    }

    /// The configured pooler.
    pub fn get_pooler(&self) -> Pooler {
        self.pooler
    }
}

/// Reads `PG_DB_POOLER`.
pub(super) fn parse(text: &str) -> Result<Pooler, Error> {
    text.trim()
        .parse()
        .map_err(|problem| Error::invalid("PG_DB_POOLER", problem))
}
