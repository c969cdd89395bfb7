//! Actors: the `actors` table (reference `DbActor`, `DbActorList`).

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::codegen::queries::actors as q;
use crate::error::{Error, Result};
use crate::{Conn, validate, with_client};

/// An actor row. `Debug` does not show the passphrase.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// The actor id (at most 255 characters).
    pub id: String,
    /// Who created the actor; lower-cased when it contains `@`.
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

/// The reference's creator normalisation: an e-mail-like creator is lower-cased.
fn normalize_creator(creator: &str) -> String {
    if creator.contains('@') {
        creator.to_lowercase()
    } else {
        creator.to_string()
    }
}

/// Operations on actors; get one from [`Store::actors`](crate::Store::actors).
pub struct Actors<'a> {
    conn: Conn<'a>,
}

impl<'a> Actors<'a> {
    pub(crate) fn new(conn: Conn<'a>) -> Actors<'a> {
        Actors { conn }
    }

    /// The actor with this id, or `None`.
    pub async fn get(&self, id: &str) -> Result<Option<Actor>> {
        validate::identifier("actor id", id)?;
        let row = with_client!(self.conn, |c| q::actor_by_id()
            .prepare(c)
            .await?
            .bind(c, &id)
            .opt()
            .await?);
        Ok(row.map(Actor::from))
    }

    /// Every actor created by `creator` (lower-cased first when it contains `@`), by id.
    pub async fn get_by_creator(&self, creator: &str) -> Result<Vec<Actor>> {
        validate::bounded("creator", creator, validate::IDENTIFIER_MAX_CHARS)?;
        let creator = normalize_creator(creator);
        let rows = with_client!(self.conn, |c| q::actors_by_creator()
            .prepare(c)
            .await?
            .bind(c, &creator)
            .all()
            .await?);
        Ok(rows.into_iter().map(Actor::from).collect())
    }

    /// Creates an actor and returns it. An existing id is an
    /// [`ErrorKind::Conflict`](crate::ErrorKind::Conflict) and leaves that actor unchanged.
    pub async fn create(&self, id: &str, creator: &str, passphrase: &str) -> Result<Actor> {
        validate::identifier("actor id", id)?;
        validate::bounded("creator", creator, validate::IDENTIFIER_MAX_CHARS)?;
        validate::text("passphrase", passphrase)?;
        let creator = normalize_creator(creator);
        let row = with_client!(self.conn, |c| q::insert_actor()
            .prepare(c)
            .await?
            .bind(c, &id, &creator, &passphrase)
            .opt()
            .await?);
        row.map(Actor::from).ok_or_else(|| {
            Error::new(
                crate::ErrorKind::Conflict,
                format!("actor {id:?} already exists"),
            )
        })
    }

    /// Changes the creator and/or passphrase; `None` leaves a field as it is. Returns `false`
    /// when there is no such actor.
    pub async fn modify(
        &self,
        id: &str,
        creator: Option<&str>,
        passphrase: Option<&str>,
    ) -> Result<bool> {
        validate::identifier("actor id", id)?;
        if let Some(creator) = creator {
            validate::bounded("creator", creator, validate::IDENTIFIER_MAX_CHARS)?;
        }
        if let Some(passphrase) = passphrase {
            validate::text("passphrase", passphrase)?;
        }
        let creator = creator.map(normalize_creator);
        let row = with_client!(self.conn, |c| q::update_actor()
            .prepare(c)
            .await?
            .bind(c, &creator, &passphrase, &id)
            .opt()
            .await?);
        Ok(row.is_some())
    }

    /// Deletes the actor row (its `property_lookup` rows go with it). Returns `false` when
    /// there was no such actor.
    pub async fn delete(&self, id: &str) -> Result<bool> {
        validate::identifier("actor id", id)?;
        let row = with_client!(self.conn, |c| q::delete_actor()
            .prepare(c)
            .await?
            .bind(c, &id)
            .opt()
            .await?);
        Ok(row.is_some())
    }

    /// Every actor, by id (an admin scan).
    pub async fn list(&self) -> Result<Vec<ActorSummary>> {
        let rows = with_client!(self.conn, |c| q::list_actors()
            .prepare(c)
            .await?
            .bind(c)
            .all()
            .await?);
        Ok(rows
            .into_iter()
            .map(|row| ActorSummary {
                id: row.id,
                creator: row.creator,
            })
            .collect())
    }
}
