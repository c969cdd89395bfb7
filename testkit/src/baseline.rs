//! The hand-written baselines of the benchmarks, doing the work of the library's point
//! operations ([`PointOps`]): [`Baseline`], tokio-postgres on one connection with every
//! statement prepared once, and [`PooledBaseline`], the same statements through a plain
//! deadpool-postgres pool (a connection checked out per operation, statements from its cache),
//! which is what the library itself is built on.
//!
//! The SQL is written here by hand on purpose: it is what the generated code is compared
//! against, so it cannot itself be generated. `actingweb-pg bench` and `cargo bench --bench
//! point_ops` both use this one copy.

use std::future::Future;

use chrono::{DateTime, NaiveDateTime, Utc};
use deadpool_postgres::{
    Hook, HookError, Manager, ManagerConfig, Pool, PoolError, RecyclingMethod, Runtime,
};
use tokio_postgres::{Client, Error, NoTls, Row, Statement};

/// An actor by id (`actors().get`).
pub const ACTOR_GET: &str = "SELECT id, creator, passphrase, created_at FROM actors WHERE id = $1";
/// A property's value (`properties().get`).
pub const PROPERTY_GET: &str = "SELECT value FROM properties WHERE id = $1 AND name = $2";
/// A property upsert (`properties().set` of a name that is not indexed).
pub const PROPERTY_SET: &str = "INSERT INTO properties (id, name, value) VALUES ($1, $2, $3) \
                                ON CONFLICT (id, name) DO UPDATE SET value = EXCLUDED.value";
/// The actor's lookup rows for a name that hold another value (`$1` name, `$2` actor, `$3`
/// value), removed when an indexed property is set.
pub const LOOKUP_DELETE_STALE: &str = "DELETE FROM property_lookup \
                                       WHERE property_name = $1 AND actor_id = $2 AND value <> $3";
/// The lookup row of an indexed property (`$1` name, `$2` value, `$3` actor); the first owner
/// of a value keeps it.
pub const LOOKUP_CLAIM: &str = "INSERT INTO property_lookup (property_name, value, actor_id) \
                                VALUES ($1, $2, $3) ON CONFLICT (property_name, value) DO NOTHING";
/// A trust by actor and peer (`trusts().get`), every column the library's `Trust` holds.
pub const TRUST_GET: &str = "SELECT id, peerid, baseuri, type, relationship, secret, \"desc\", \
                             approved, peer_approved, verified, verification_token, \
                             peer_identifier, established_via, created_at, last_accessed, \
                             last_connected_via, client_name, client_version, client_platform, \
                             oauth_client_id, aw_supported, aw_version, capabilities_fetched_at \
                             FROM trusts WHERE id = $1 AND peerid = $2";

/// An actor row as the baseline reads it: the same fields the library's `Actor` holds.
/// `Debug` does not show the passphrase.
#[derive(Clone, PartialEq, Eq)]
pub struct HandActor {
    /// The actor id.
    pub id: String,
    /// The creator.
    pub creator: String,
    /// The passphrase.
    pub passphrase: String,
    /// When the actor was created (stored as naive UTC).
    pub created_at: Option<DateTime<Utc>>,
}

impl HandActor {
    /// The actor in a row of [`ACTOR_GET`].
    fn from_row(row: &Row) -> HandActor {
        HandActor {
            id: row.get(0),
            creator: row.get(1),
            passphrase: row.get(2),
            created_at: row.get::<_, Option<NaiveDateTime>>(3).map(|t| t.and_utc()),
        }
    }
}

impl std::fmt::Debug for HandActor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HandActor")
            .field("id", &self.id)
            .field("creator", &self.creator)
            .field("passphrase", &"<redacted>")
            .field("created_at", &self.created_at)
            .finish()
    }
}

/// A trust row as the baseline reads it: the same fields the library's `Trust` holds.
/// `Debug` does not show the secret or the verification token.
#[derive(Clone, PartialEq, Eq)]
pub struct HandTrust {
    /// The actor id.
    pub id: String,
    /// The peer's actor id.
    pub peerid: String,
    /// The peer's base URI.
    pub baseuri: String,
    /// The peer's type (column `type`).
    pub peer_type: String,
    /// The relationship.
    pub relationship: String,
    /// The shared secret.
    pub secret: String,
    /// The description.
    pub desc: Option<String>,
    /// Approved by this actor.
    pub approved: bool,
    /// Approved by the peer.
    pub peer_approved: bool,
    /// Verified.
    pub verified: bool,
    /// The verification token.
    pub verification_token: Option<String>,
    /// The peer's identifier.
    pub peer_identifier: Option<String>,
    /// How the trust was established.
    pub established_via: Option<String>,
    /// When it was created (stored as naive UTC).
    pub created_at: Option<DateTime<Utc>>,
    /// When it was last used (stored as naive UTC).
    pub last_accessed: Option<DateTime<Utc>>,
    /// How the peer last connected.
    pub last_connected_via: Option<String>,
    /// The client's name.
    pub client_name: Option<String>,
    /// The client's version.
    pub client_version: Option<String>,
    /// The client's platform.
    pub client_platform: Option<String>,
    /// The OAuth client id.
    pub oauth_client_id: Option<String>,
    /// The peer's supported options.
    pub aw_supported: Option<String>,
    /// The peer's protocol version.
    pub aw_version: Option<String>,
    /// When the peer's capabilities were fetched.
    pub capabilities_fetched_at: Option<DateTime<Utc>>,
}

impl std::fmt::Debug for HandTrust {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HandTrust")
            .field("id", &self.id)
            .field("peerid", &self.peerid)
            .field("secret", &"<redacted>")
            .field("verification_token", &"<redacted>")
            .finish_non_exhaustive()
    }
}

impl HandTrust {
    /// The trust in a row of [`TRUST_GET`].
    fn from_row(row: &Row) -> HandTrust {
        let naive = |i| row.get::<_, Option<NaiveDateTime>>(i).map(|t| t.and_utc());
        HandTrust {
            id: row.get(0),
            peerid: row.get(1),
            baseuri: row.get(2),
            peer_type: row.get(3),
            relationship: row.get(4),
            secret: row.get(5),
            desc: row.get(6),
            approved: row.get(7),
            peer_approved: row.get(8),
            verified: row.get(9),
            verification_token: row.get(10),
            peer_identifier: row.get(11),
            established_via: row.get(12),
            created_at: naive(13),
            last_accessed: naive(14),
            last_connected_via: row.get(15),
            client_name: row.get(16),
            client_version: row.get(17),
            client_platform: row.get(18),
            oauth_client_id: row.get(19),
            aw_supported: row.get(20),
            aw_version: row.get(21),
            capabilities_fetched_at: row.get(22),
        }
    }
}

/// The point operations a baseline does, as the benchmarks run them.
pub trait PointOps: Send + Sync + 'static {
    /// What an operation fails with.
    type Error: std::error::Error + Send + Sync + 'static;

    /// The actor `id`, when it exists.
    fn actor_get(
        &self,
        id: &str,
    ) -> impl Future<Output = Result<Option<HandActor>, Self::Error>> + Send;

    /// The value of property `name` of actor `id`, when it exists.
    fn property_get(
        &self,
        id: &str,
        name: &str,
    ) -> impl Future<Output = Result<Option<String>, Self::Error>> + Send;

    /// Sets property `name` of actor `id` to `value` (one upsert, no lookup row).
    fn property_set(
        &self,
        id: &str,
        name: &str,
        value: &str,
    ) -> impl Future<Output = Result<(), Self::Error>> + Send;

    /// The trust between actor `id` and peer `peerid`, when it exists.
    fn trust_get(
        &self,
        id: &str,
        peerid: &str,
    ) -> impl Future<Output = Result<Option<HandTrust>, Self::Error>> + Send;
}

/// One connection with the baseline's statements prepared.
#[derive(Debug)]
pub struct Baseline {
    client: Client,
    actor_get: Statement,
    property_get: Statement,
    property_set: Statement,
    lookup_delete_stale: Statement,
    lookup_claim: Statement,
    trust_get: Statement,
}

impl Baseline {
    /// Connects without TLS (the connection is driven by a spawned tokio task, so this must run
    /// inside a tokio runtime), sets `search_path` to `schema` when given, and prepares every
    /// statement.
    pub async fn connect(
        config: &tokio_postgres::Config,
        schema: Option<&str>,
    ) -> Result<Baseline, Error> {
        let (client, connection) = config.connect(NoTls).await?;
        tokio::spawn(connection);
        if let Some(schema) = schema {
            let quoted = schema.replace('"', "\"\"");
            client
                .batch_execute(&format!("SET search_path TO \"{quoted}\""))
                .await?;
        }
        Ok(Baseline {
            actor_get: client.prepare(ACTOR_GET).await?,
            property_get: client.prepare(PROPERTY_GET).await?,
            property_set: client.prepare(PROPERTY_SET).await?,
            lookup_delete_stale: client.prepare(LOOKUP_DELETE_STALE).await?,
            lookup_claim: client.prepare(LOOKUP_CLAIM).await?,
            trust_get: client.prepare(TRUST_GET).await?,
            client,
        })
    }

    /// The connection, for statements of a caller's own.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Sets an indexed property: in one transaction (BEGIN, three statements one after the
    /// other, COMMIT) the property upsert, the removal of the actor's stale lookup rows for
    /// the name, and the lookup row of the new value.
    pub async fn indexed_property_set(
        &self,
        id: &str,
        name: &str,
        value: &str,
    ) -> Result<(), Error> {
        // What Client::transaction does, without needing `&mut Client`.
        self.client.batch_execute("BEGIN").await?;
        let result = async {
            self.client
                .execute(&self.property_set, &[&id, &name, &value])
                .await?;
            self.client
                .execute(&self.lookup_delete_stale, &[&name, &id, &value])
                .await?;
            self.client
                .execute(&self.lookup_claim, &[&name, &value, &id])
                .await
        }
        .await;
        match result {
            Ok(_) => self.client.batch_execute("COMMIT").await,
            Err(e) => {
                let _ = self.client.batch_execute("ROLLBACK").await;
                Err(e)
            }
        }
    }
}

impl PointOps for Baseline {
    type Error = Error;

    async fn actor_get(&self, id: &str) -> Result<Option<HandActor>, Error> {
        let row = self.client.query_opt(&self.actor_get, &[&id]).await?;
        Ok(row.as_ref().map(HandActor::from_row))
    }

    async fn property_get(&self, id: &str, name: &str) -> Result<Option<String>, Error> {
        let row = self
            .client
            .query_opt(&self.property_get, &[&id, &name])
            .await?;
        Ok(row.map(|row| row.get(0)))
    }

    async fn property_set(&self, id: &str, name: &str, value: &str) -> Result<(), Error> {
        self.client
            .execute(&self.property_set, &[&id, &name, &value])
            .await?;
        Ok(())
    }

    async fn trust_get(&self, id: &str, peerid: &str) -> Result<Option<HandTrust>, Error> {
        let row = self
            .client
            .query_opt(&self.trust_get, &[&id, &peerid])
            .await?;
        Ok(row.as_ref().map(HandTrust::from_row))
    }
}

/// The baseline's statements through a deadpool-postgres pool built as its documentation
/// shows (fast recycling, statements prepared through each connection's cache): a connection
/// checked out per operation.
pub struct PooledBaseline {
    pool: Pool,
}

impl PooledBaseline {
    /// A pool of `size` connections without TLS, all opened now with the statements prepared
    /// on each (this must run inside a tokio runtime); each new connection sets its
    /// `search_path` to `schema` when given, as [`Baseline::connect`] does.
    pub async fn connect(
        config: &tokio_postgres::Config,
        schema: Option<&str>,
        size: usize,
    ) -> Result<PooledBaseline, Box<dyn std::error::Error + Send + Sync>> {
        let manager = Manager::from_config(
            config.clone(),
            NoTls,
            ManagerConfig {
                recycling_method: RecyclingMethod::Fast,
            },
        );
        let set_schema = schema.map(|schema| {
            let quoted = schema.replace('"', "\"\"");
            format!("SET search_path TO \"{quoted}\"")
        });
        let pool = Pool::builder(manager)
            .max_size(size)
            .runtime(Runtime::Tokio1)
            .post_create(Hook::async_fn(move |client, _| {
                let sql = set_schema.clone();
                Box::pin(async move {
                    match sql {
                        Some(sql) => client.batch_execute(&sql).await.map_err(HookError::Backend),
                        None => Ok(()),
                    }
                })
            }))
            .build()?;
        let mut opened = Vec::with_capacity(size);
        for _ in 0..size {
            let client = pool.get().await?;
            for sql in [ACTOR_GET, PROPERTY_GET, PROPERTY_SET, TRUST_GET] {
                client.prepare_cached(sql).await?;
            }
            opened.push(client);
        }
        Ok(PooledBaseline { pool })
    }
}

impl PointOps for PooledBaseline {
    type Error = PoolError;

    async fn actor_get(&self, id: &str) -> Result<Option<HandActor>, PoolError> {
        let client = self.pool.get().await?;
        let statement = client.prepare_cached(ACTOR_GET).await?;
        let row = client.query_opt(&statement, &[&id]).await?;
        Ok(row.as_ref().map(HandActor::from_row))
    }

    async fn property_get(&self, id: &str, name: &str) -> Result<Option<String>, PoolError> {
        let client = self.pool.get().await?;
        let statement = client.prepare_cached(PROPERTY_GET).await?;
        let row = client.query_opt(&statement, &[&id, &name]).await?;
        Ok(row.map(|row| row.get(0)))
    }

    async fn property_set(&self, id: &str, name: &str, value: &str) -> Result<(), PoolError> {
        let client = self.pool.get().await?;
        let statement = client.prepare_cached(PROPERTY_SET).await?;
        client.execute(&statement, &[&id, &name, &value]).await?;
        Ok(())
    }

    async fn trust_get(&self, id: &str, peerid: &str) -> Result<Option<HandTrust>, PoolError> {
        let client = self.pool.get().await?;
        let statement = client.prepare_cached(TRUST_GET).await?;
        let row = client.query_opt(&statement, &[&id, &peerid]).await?;
        Ok(row.as_ref().map(HandTrust::from_row))
    }
}
