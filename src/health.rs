//! [`Store::health`](crate::Store::health): pool state and server metrics in one struct.

use serde::{Deserialize, Serialize};

use crate::codegen::queries::admin as q;
use crate::error::{Error, ErrorKind, Result};
use crate::executor::Db;
use crate::replicas::ReplicaHealth;
use crate::store::Store;

/// The state of the store and its database.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Health {
    /// The connection pool.
    pub pool: PoolHealth,
    /// `server_version` of the PostgreSQL server.
    pub server_version: String,
    /// Connections to this database (all clients), from `pg_stat_activity`.
    pub active_connections: i64,
    /// Size of the database in bytes.
    pub database_size_bytes: i64,
    /// The schema in use.
    pub schema: String,
    /// The Alembic revision recorded in the schema, if any.
    pub schema_revision: Option<String>,
    /// Every table of the schema, by name.
    pub tables: Vec<TableHealth>,
    /// Every configured read replica, measured now (see [`Store::check_replicas`]).
    pub replicas: Vec<ReplicaHealth>,
}

/// Connection pool figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PoolHealth {
    /// Most connections the pool may hold.
    pub max_size: usize,
    /// Connections the pool holds now.
    pub size: usize,
    /// Idle connections ready for use.
    pub idle: usize,
    /// Operations waiting for a connection.
    pub waiting: usize,
}

/// Size figures of one table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableHealth {
    /// Table name.
    pub name: String,
    /// The planner's row estimate (-1 until the table was first vacuumed or analyzed).
    pub row_estimate: i64,
    /// Bytes of the table with its indexes and TOAST data.
    pub total_bytes: i64,
}

impl Store {
    /// A cheap readiness check: takes a pooled connection (connecting when none is idle) and
    /// reads the schema's Alembic revision. `Ok(())` when the schema is at
    /// [`HEAD_REVISION`](crate::HEAD_REVISION); an [`ErrorKind::Conflict`] naming the revision
    /// found (or its absence) otherwise, and the connection error when the database cannot be
    /// reached (every wait bounded by the connect and query deadlines).
    pub async fn ping(&self) -> Result<()> {
        let c = &Db::Pool(self).executor().await?;
        let state = q::schema_state().bind(c).one().await?;
        let revision = if state.has_alembic {
            q::alembic_revisions().bind(c).all().await?.pop()
        } else {
            None
        };
        match revision.as_deref() {
            Some(crate::HEAD_REVISION) => Ok(()),
            found => Err(Error::new(
                ErrorKind::Conflict,
                format!(
                    "schema {:?} is at revision {found:?}, not {:?}: run migrate",
                    self.config().schema_name(),
                    crate::HEAD_REVISION
                ),
            )),
        }
    }

    /// Pool state, server version, connection count, database size, per-table row estimates
    /// and sizes, and the schema revision, read in one round trip per query on one connection;
    /// and every read replica with its lag.
    pub async fn health(&self) -> Result<Health> {
        let status = self.pool().status();
        let pool = PoolHealth {
            max_size: status.max_size,
            size: status.size,
            idle: status.available,
            waiting: status.waiting,
        };
        let conn = Db::Pool(self);
        let c = &conn.executor().await?;
        {
            let facts = q::server_facts().bind(c).one().await?;
            let state = q::schema_state().bind(c).one().await?;
            let schema_revision = if state.has_alembic {
                q::alembic_revisions().bind(c).all().await?.pop()
            } else {
                None
            };
            let tables = q::table_stats()
                .bind(c)
                .all()
                .await?
                .into_iter()
                .map(|t| TableHealth {
                    name: t.name,
                    row_estimate: t.row_estimate,
                    total_bytes: t.total_bytes,
                })
                .collect();
            Ok(Health {
                pool,
                server_version: facts.server_version,
                active_connections: facts.active_connections,
                database_size_bytes: facts.database_size,
                schema: self.config().schema.clone(),
                schema_revision,
                tables,
                replicas: self.check_replicas().await,
            })
        }
    }
}
