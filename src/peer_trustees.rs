//! Peers this actor trusts: the `peertrustees` table (reference `DbPeerTrustee`,
//! `DbPeerTrusteeList`).
//!
//! Deliberate differences from the reference: a fault is an error, not `None`/`False`; a
//! lookup by type that matches several peers is an [`ErrorKind::Conflict`] error saying how
//! many match (the reference returns `False`); [`PeerTrustees::modify`] and
//! [`PeerTrustees::delete`] report whether the peer trustee existed (the reference says `True`
//! either way). As in the reference's PostgreSQL backend, creating an existing key fails
//! ([`ErrorKind::Conflict`]) and leaves the row as it is.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::client::Params;
use crate::codegen::queries::peertrustees as q;
use crate::error::{Error, ErrorKind, Result};
use crate::executor::{Db, row_count};
use crate::rules::{self, IDENTIFIER_MAX_CHARS};
use crate::secret::Secret;
use crate::telemetry::{self, Operation};

/// The table of this module, in spans and metrics.
const TABLE: &str = "peertrustees";

/// A peer trustee row. `Debug` does not show the passphrase.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeerTrustee {
    /// The actor id.
    pub id: String,
    /// The peer's actor id.
    pub peerid: String,
    /// The peer's base URI.
    pub baseuri: String,
    /// The peer's ActingWeb type (column `type`).
    pub peer_type: String,
    /// The passphrase for the peer (a secret).
    pub passphrase: String,
}

impl fmt::Debug for PeerTrustee {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PeerTrustee")
            .field("id", &self.id)
            .field("peerid", &self.peerid)
            .field("baseuri", &self.baseuri)
            .field("peer_type", &self.peer_type)
            .field("passphrase", &"<redacted>")
            .finish()
    }
}

impl From<q::PeerTrusteeRow> for PeerTrustee {
    fn from(row: q::PeerTrusteeRow) -> PeerTrustee {
        PeerTrustee {
            id: row.id,
            peerid: row.peerid,
            baseuri: row.baseuri,
            peer_type: row.peer_type,
            passphrase: row.passphrase,
        }
    }
}

fn check_key(actor_id: &str, peerid: &str) -> Result<()> {
    rules::identifier("actor id", actor_id)?;
    rules::identifier("peer id", peerid)
}

/// Operations on peer trustees; get one from
/// [`Store::peer_trustees`](crate::Store::peer_trustees).
pub struct PeerTrustees<'a> {
    db: Db<'a>,
}

impl<'a> PeerTrustees<'a> {
    pub(crate) fn new(db: Db<'a>) -> PeerTrustees<'a> {
        PeerTrustees { db }
    }

    /// The peer trustee of `actor_id` with `peerid`, or `None`.
    pub async fn get(&self, actor_id: &str, peerid: &str) -> Result<Option<PeerTrustee>> {
        static OPERATION: Operation = Operation::new(TABLE, "get");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            check_key(actor_id, peerid)?;
            let c = &self.db.reader().await?;
            let row = q::peertrustee_by_peer()
                .params(c, &q::PeertrusteeByPeerParams { actor_id, peerid })
                .opt()
                .await?;
            Ok(row.map(PeerTrustee::from))
        })
        .await
    }

    /// The one peer trustee of `actor_id` of type `peer_type`, or `None`. More than one match
    /// is an [`ErrorKind::Conflict`] error (look the peer up by id instead).
    pub async fn get_by_type(
        &self,
        actor_id: &str,
        peer_type: &str,
    ) -> Result<Option<PeerTrustee>> {
        static OPERATION: Operation = Operation::new(TABLE, "get_by_type");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
        rules::identifier("actor id", actor_id)?;
        rules::identifier("peer type", peer_type)?;
        let c = &self.db.reader().await?;
        let mut rows = q::peertrustees_by_type()
            .params(
                c,
                &q::PeertrusteesByTypeParams {
                    actor_id,
                    peer_type,
                },
            )
            .all()
            .await?;
        if rows.len() > 1 {
            return Err(Error::new(
                ErrorKind::Conflict,
                format!(
                    "{} peer trustees of actor {actor_id:?} have type {peer_type:?}; look one up by peer id",
                    rows.len()
                ),
            ));
        }
        Ok(rows.pop().map(PeerTrustee::from))
        })
        .await
    }

    /// Creates a peer trustee and returns it. An existing `(actor_id, peerid)` is an
    /// [`ErrorKind::Conflict`] and leaves that row unchanged. `baseuri` and `passphrase` may be
    /// empty; `peer_type` may not.
    pub async fn create(
        &self,
        actor_id: &str,
        peerid: &str,
        peer_type: &str,
        baseuri: &str,
        passphrase: &str,
    ) -> Result<PeerTrustee> {
        static OPERATION: Operation = Operation::new(TABLE, "create");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            check_key(actor_id, peerid)?;
            rules::identifier("peer type", peer_type)?;
            rules::text("baseuri", baseuri)?;
            rules::text("passphrase", passphrase)?;
            let c = &self.db.executor().await?;
            let row = q::insert_peertrustee()
                .params(
                    c,
                    &q::InsertPeertrusteeParams {
                        actor_id,
                        peerid,
                        baseuri,
                        peer_type,
                        passphrase: Secret(passphrase),
                    },
                )
                .opt()
                .await?;
            row.map(PeerTrustee::from).ok_or_else(|| {
                Error::new(
                    ErrorKind::Conflict,
                    format!("peer trustee {actor_id:?}/{peerid:?} already exists"),
                )
            })
        })
        .await
    }

    /// Changes the type, base URI and/or passphrase; `None` or an empty string leaves a field
    /// as it is (as in the reference). Returns `false` when there is no such peer trustee.
    pub async fn modify(
        &self,
        actor_id: &str,
        peerid: &str,
        peer_type: Option<&str>,
        baseuri: Option<&str>,
        passphrase: Option<&str>,
    ) -> Result<bool> {
        static OPERATION: Operation = Operation::new(TABLE, "modify");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            check_key(actor_id, peerid)?;
            if let Some(peer_type) = peer_type {
                rules::bounded("peer type", peer_type, IDENTIFIER_MAX_CHARS)?;
            }
            if let Some(baseuri) = baseuri {
                rules::text("baseuri", baseuri)?;
            }
            if let Some(passphrase) = passphrase {
                rules::text("passphrase", passphrase)?;
            }
            let c = &self.db.executor().await?;
            let row = q::update_peertrustee()
                .params(
                    c,
                    &q::UpdatePeertrusteeParams {
                        peer_type,
                        baseuri,
                        passphrase: Secret::opt(passphrase),
                        actor_id,
                        peerid,
                    },
                )
                .opt()
                .await?;
            Ok(row.is_some())
        })
        .await
    }

    /// Deletes the peer trustee. Returns `false` when there was no such peer trustee.
    pub async fn delete(&self, actor_id: &str, peerid: &str) -> Result<bool> {
        static OPERATION: Operation = Operation::new(TABLE, "delete");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            check_key(actor_id, peerid)?;
            let c = &self.db.executor().await?;
            let row = q::delete_peertrustee()
                .params(c, &q::DeletePeertrusteeParams { actor_id, peerid })
                .opt()
                .await?;
            Ok(row.is_some())
        })
        .await
    }

    /// Every peer trustee of `actor_id`, by peer id.
    pub async fn list(&self, actor_id: &str) -> Result<Vec<PeerTrustee>> {
        static OPERATION: Operation = Operation::new(TABLE, "list");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            rules::identifier("actor id", actor_id)?;
            let c = &self.db.reader().await?;
            let rows = q::peertrustees_of_actor()
                .params(c, &q::ActorIdParam { actor_id })
                .all()
                .await?;
            Ok(rows.into_iter().map(PeerTrustee::from).collect())
        })
        .await
    }

    /// Deletes every peer trustee of `actor_id`; returns how many there were.
    pub async fn delete_all(&self, actor_id: &str) -> Result<u64> {
        static OPERATION: Operation = Operation::new(TABLE, "delete_all");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            rules::identifier("actor id", actor_id)?;
            let c = &self.db.executor().await?;
            let deleted = q::delete_peertrustees_of_actor()
                .params(c, &q::ActorIdParam { actor_id })
                .one()
                .await?;
            Ok(row_count(deleted))
        })
        .await
    }
}
