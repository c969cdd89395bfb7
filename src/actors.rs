//! Actors: the `actors` table (reference `DbActor`, `DbActorList`).

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::client::Params;
use crate::codegen::queries::actors as q;
use crate::codegen::queries::property_lookup as lq;
use crate::error::{Error, Result};
use crate::executor::{Db, row_count};
use crate::rules;
use crate::secret::Secret;
use crate::telemetry::{self, Operation};

/// The table of this module, in spans and metrics.
const TABLE: &str = "actors";

/// An actor row. `Debug` does not show the passphrase.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// The actor id (at most 255 characters).
    pub id: String,
    /// Who created the actor; lower-cased as Python 3.11 does when it contains `@`.
    pub creator: String,
    /// The actor's passphrase (a secret).
    pub passphrase: String,
    /// When the row was created (UTC); `None` for rows written without it.
    pub created_at: Option<DateTime<Utc>>,
}

impl fmt::Debug for Actor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Actor")
            .field("id", &self.id)
            .field("creator", &self.creator)
            .field("passphrase", &"<redacted>")
            .field("created_at", &self.created_at)
            .finish()
    }
}

/// An actor as listed by [`Actors::list`]: no passphrase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorSummary {
    /// The actor id.
    pub id: String,
    /// Who created the actor.
    pub creator: String,
}

impl From<q::ActorRow> for Actor {
    fn from(row: q::ActorRow) -> Actor {
        Actor {
            id: row.id,
            creator: row.creator,
            passphrase: row.passphrase,
            created_at: row.created_at.map(|t| t.and_utc()),
        }
    }
}

/// How many rows [`Store::delete_actor`](crate::Store::delete_actor) removed, per table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeletedRows {
    /// Rows of `actors` (0 or 1).
    pub actors: u64,
    /// Rows of `properties`.
    pub properties: u64,
    /// Rows of `property_lookup`.
    pub property_lookup: u64,
    /// Rows of `trusts`.
    pub trusts: u64,
    /// Rows of `peertrustees` (peer trustees).
    pub peer_trustees: u64,
    /// Rows of `subscriptions`.
    pub subscriptions: u64,
    /// Rows of `subscription_diffs`.
    pub subscription_diffs: u64,
    /// Rows of `attributes`.
    pub attributes: u64,
    /// Rows of `subscription_suspensions` (suspensions).
    pub suspensions: u64,
}

impl DeletedRows {
    /// All rows removed.
    pub fn total(&self) -> u64 {
        self.actors
            + self.properties
            + self.property_lookup
            + self.trusts
            + self.peer_trustees
            + self.subscriptions
            + self.subscription_diffs
            + self.attributes
            + self.suspensions
    }
}

impl From<q::DeletedRows> for DeletedRows {
    fn from(row: q::DeletedRows) -> DeletedRows {
        DeletedRows {
            actors: row_count(row.actors),
            properties: row_count(row.properties),
            property_lookup: row_count(row.property_lookup),
            trusts: row_count(row.trusts),
            peer_trustees: row_count(row.peer_trustees),
            subscriptions: row_count(row.subscriptions),
            subscription_diffs: row_count(row.subscription_diffs),
            attributes: row_count(row.attributes),
            suspensions: row_count(row.suspensions),
        }
    }
}

/// The reference's creator normalisation: an e-mail-like creator is lower-cased with
/// Python 3.11's `str.lower()` ([`python_lower`](crate::python_lower)), not Rust's newer
/// Unicode tables, so both implementations store and look up the same text.
fn normalize_creator(creator: &str) -> String {
    if creator.contains('@') {
        crate::python_lower(creator)
    } else {
        creator.to_string()
    }
}

/// Operations on actors; get one from [`Store::actors`](crate::Store::actors).
pub struct Actors<'a> {
    db: Db<'a>,
}

impl<'a> Actors<'a> {
    pub(crate) fn new(db: Db<'a>) -> Actors<'a> {
        Actors { db }
    }

    /// The actor with this id, or `None`.
    pub async fn get(&self, id: &str) -> Result<Option<Actor>> {
        static OPERATION: Operation = Operation::new(TABLE, "get");
        telemetry::traced(self.db, &OPERATION, Some(id), async {
            rules::identifier("actor id", id)?;
            let c = &self.db.reader().await?;
            let row = q::actor_by_id()
                .params(c, &q::ActorIdParam { actor_id: id })
                .opt()
                .await?;
            Ok(row.map(Actor::from))
        })
        .await
    }

    /// Every actor created by `creator` (lower-cased first when it contains `@`), by id.
    pub async fn get_by_creator(&self, creator: &str) -> Result<Vec<Actor>> {
        static OPERATION: Operation = Operation::new(TABLE, "get_by_creator");
        telemetry::traced(self.db, &OPERATION, None, async {
            rules::bounded("creator", creator, rules::IDENTIFIER_MAX_CHARS)?;
            let creator = normalize_creator(creator);
            let c = &self.db.reader().await?;
            let rows = q::actors_by_creator()
                .params(c, &q::CreatorParam { creator })
                .all()
                .await?;
            Ok(rows.into_iter().map(Actor::from).collect())
        })
        .await
    }

    /// Creates an actor and returns it. An existing id is an
    /// [`ErrorKind::Conflict`](crate::ErrorKind::Conflict) and leaves that actor unchanged.
    pub async fn create(&self, id: &str, creator: &str, passphrase: &str) -> Result<Actor> {
        static OPERATION: Operation = Operation::new(TABLE, "create");
        telemetry::traced(self.db, &OPERATION, Some(id), async {
            rules::identifier("actor id", id)?;
            check_columns(Some(creator), Some(passphrase))?;
            let creator = normalize_creator(creator);
            let c = &self.db.executor().await?;
            let row = q::insert_actor()
                .params(
                    c,
                    &q::InsertActorParams {
                        actor_id: id,
                        creator,
                        passphrase: Secret(passphrase),
                    },
                )
                .opt()
                .await?;
            row.map(Actor::from).ok_or_else(|| {
                Error::new(
                    crate::ErrorKind::Conflict,
                    format!("actor {id:?} already exists"),
                )
            })
        })
        .await
    }

    /// Changes the creator and/or passphrase; `None` leaves a field as it is. Returns `false`
    /// when there is no such actor.
    pub async fn modify(
        &self,
        id: &str,
        creator: Option<&str>,
        passphrase: Option<&str>,
    ) -> Result<bool> {
        static OPERATION: Operation = Operation::new(TABLE, "modify");
        telemetry::traced(self.db, &OPERATION, Some(id), async {
            rules::identifier("actor id", id)?;
            check_columns(creator, passphrase)?;
            let creator = creator.map(normalize_creator);
            let c = &self.db.executor().await?;
            let row = q::update_actor()
                .params(
                    c,
                    &q::UpdateActorParams {
                        creator,
                        passphrase: Secret::opt(passphrase),
                        actor_id: id,
                    },
                )
                .opt()
                .await?;
            Ok(row.is_some())
        })
        .await
    }

    /// Deletes the actor row (its `property_lookup` rows go with it, by the foreign key's
    /// cascade, and are not handed to other holders of their values; see
    /// [`Store::delete_actor`](crate::Store::delete_actor)). Returns `false` when there was no
    /// such actor.
    pub async fn delete(&self, id: &str) -> Result<bool> {
        static OPERATION: Operation = Operation::new(TABLE, "delete");
        telemetry::traced(self.db, &OPERATION, Some(id), async {
            rules::identifier("actor id", id)?;
            let c = &self.db.executor().await?;
            let row = q::delete_actor()
                .params(c, &q::ActorIdParam { actor_id: id })
                .opt()
                .await?;
            Ok(row.is_some())
        })
        .await
    }

    /// Deletes the actor and every row of it in all nine tables, atomically; see
    /// [`Store::delete_actor`](crate::Store::delete_actor).
    pub(crate) async fn delete_all_data(&self, id: &str) -> Result<DeletedRows> {
        static OPERATION: Operation = Operation::new(TABLE, "delete_actor");
        telemetry::traced(self.db, &OPERATION, Some(id), async {
            rules::identifier("actor id", id)?;
            let mut executor = self.db.executor().await?;
            let group = executor.atomic().await?;
            let tx = &group;
            let lock = q::lock_actor_for_delete().prepare(tx).await?;
            let lock_lookups = lq::lock_actor_lookups().prepare(tx).await?;
            let delete = q::delete_actor_everywhere().prepare(tx).await?;
            // The locks come first so that the delete's snapshot sees every row written by a
            // transaction that held the actor, or claimed one of its lookup rows, before it (the
            // delete hands each lookup row to a remaining holder of the value).
            let key = q::ActorIdParam { actor_id: id };
            let lookup_key = lq::ActorIdParam { actor_id: id };
            // On the heap, as a pipelined group of statements (see `Properties::set`).
            let (_, _, deleted) = Box::pin(async {
                futures::try_join!(
                    lock.params(tx, &key).opt(),
                    lock_lookups.params(tx, &lookup_key).all(),
                    delete.params(tx, &key).one()
                )
            })
            .await?;
            group.commit().await?;
            Ok(deleted.into())
        })
        .await
    }

    /// Every actor, by id (an admin scan).
    pub async fn list(&self) -> Result<Vec<ActorSummary>> {
        static OPERATION: Operation = Operation::new(TABLE, "list");
        telemetry::traced(self.db, &OPERATION, None, async {
            let c = &self.db.reader().await?;
            let rows = q::list_actors().bind(c).all().await?;
            Ok(rows
                .into_iter()
                .map(|row| ActorSummary {
                    id: row.id,
                    creator: row.creator,
                })
                .collect())
        })
        .await
    }
}

/// Checks the creator and passphrase columns of an actor (`None`: not written).
pub(crate) fn check_columns(creator: Option<&str>, passphrase: Option<&str>) -> Result<()> {
    if let Some(creator) = creator {
        rules::bounded("creator", creator, rules::IDENTIFIER_MAX_CHARS)?;
    }
    if let Some(passphrase) = passphrase {
        rules::text("passphrase", passphrase)?;
    }
    Ok(())
}
