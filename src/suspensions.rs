//! Subscription suspensions of one actor: the `subscription_suspensions` table (reference
//! `DbSubscriptionSuspension`).
//!
//! A suspension is keyed by `(actor id, target, subtarget)`. A subtarget of `None` or `""` is
//! stored as `''` and means the whole target: a target-level suspension covers every subtarget
//! of that target (`subtarget IN ($sub, '')`), while a subtarget suspension does not make the
//! target as a whole suspended. Targets match exactly (`properties_v2` is not `properties`).
//!
//! Where this module differs from the reference:
//!
//! * [`Suspensions::suspend`] is one atomic statement (`INSERT ... ON CONFLICT DO NOTHING`): of
//!   several racing callers exactly one gets `true` and none an error (the reference checks
//!   first and then inserts, so a racing duplicate fails on the primary key).
//! * [`Suspensions::list`] is ordered by target, then subtarget (bytewise); the reference has
//!   no order.
//! * [`Suspensions::delete_all`] returns how many suspensions went. As in the reference,
//!   deleting an actor does not remove its suspensions; call `delete_all` for that.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::client::Params;
use crate::codegen::queries::subscription_suspensions as q;
use crate::error::Result;
use crate::executor::{Db, row_count};
use crate::rules;
use crate::telemetry::{self, Operation};

/// The table of this module, in spans and metrics.
const TABLE: &str = "subscription_suspensions";

/// A suspended target (or subtarget) of the actor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suspension {
    /// The suspended target.
    pub target: String,
    /// The suspended subtarget; `None` for the whole target.
    pub subtarget: Option<String>,
    /// When the suspension was recorded (UTC).
    pub suspended_at: DateTime<Utc>,
}

impl From<q::SuspensionRow> for Suspension {
    fn from(row: q::SuspensionRow) -> Suspension {
        Suspension {
            target: row.target,
            subtarget: Some(row.subtarget).filter(|s| !s.is_empty()),
            suspended_at: row.suspended_at.with_timezone(&Utc),
        }
    }
}

/// Operations on one actor's suspensions; get one from
/// [`Store::suspensions`](crate::Store::suspensions).
pub struct Suspensions<'a> {
    db: Db<'a>,
    actor_id: &'a str,
}

impl<'a> Suspensions<'a> {
    pub(crate) fn new(db: Db<'a>, actor_id: &'a str) -> Suspensions<'a> {
        Suspensions { db, actor_id }
    }

    /// Whether `target` is suspended as a whole or, when `subtarget` is given, that subtarget
    /// is suspended.
    pub async fn is_suspended(&self, target: &str, subtarget: Option<&str>) -> Result<bool> {
        static OPERATION: Operation = Operation::new(TABLE, "is_suspended");
        telemetry::traced(self.db, &OPERATION, Some(self.actor_id), async {
            let (actor_id, subtarget) = self.check(target, subtarget)?;
            let c = &self.db.reader().await?;
            Ok(q::suspension_exists()
                .params(
                    c,
                    &q::SuspensionExistsParams {
                        actor_id,
                        target,
                        subtarget,
                    },
                )
                .one()
                .await?)
        })
        .await
    }

    /// Suspends `target` (or one subtarget of it). Returns `false`, changing nothing, when
    /// exactly that target and subtarget are suspended already; a subtarget is recorded even
    /// under a suspended target.
    pub async fn suspend(&self, target: &str, subtarget: Option<&str>) -> Result<bool> {
        static OPERATION: Operation = Operation::new(TABLE, "suspend");
        telemetry::traced(self.db, &OPERATION, Some(self.actor_id), async {
            let (actor_id, subtarget) = self.check(target, subtarget)?;
            let c = &self.db.executor().await?;
            let row = q::insert_suspension()
                .params(
                    c,
                    &q::InsertSuspensionParams {
                        actor_id,
                        target,
                        subtarget,
                    },
                )
                .opt()
                .await?;
            Ok(row.is_some())
        })
        .await
    }

    /// Lifts the suspension of exactly this target and subtarget (resuming a target leaves
    /// its subtarget suspensions in place). Returns whether there was one.
    pub async fn resume(&self, target: &str, subtarget: Option<&str>) -> Result<bool> {
        static OPERATION: Operation = Operation::new(TABLE, "resume");
        telemetry::traced(self.db, &OPERATION, Some(self.actor_id), async {
            let (actor_id, subtarget) = self.check(target, subtarget)?;
            let c = &self.db.executor().await?;
            let row = q::delete_suspension()
                .params(
                    c,
                    &q::DeleteSuspensionParams {
                        actor_id,
                        target,
                        subtarget,
                    },
                )
                .opt()
                .await?;
            Ok(row.is_some())
        })
        .await
    }

    /// The actor's suspensions, by target, then subtarget (the whole target first). Empty when
    /// none.
    pub async fn list(&self) -> Result<Vec<Suspension>> {
        static OPERATION: Operation = Operation::new(TABLE, "list");
        telemetry::traced(self.db, &OPERATION, Some(self.actor_id), async {
            let actor_id = self.actor_id()?;
            let c = &self.db.reader().await?;
            let rows = q::suspensions_of_actor()
                .params(c, &q::ActorIdParam { actor_id })
                .all()
                .await?;
            Ok(rows.into_iter().map(Suspension::from).collect())
        })
        .await
    }

    /// Lifts all of the actor's suspensions. Returns how many there were.
    pub async fn delete_all(&self) -> Result<u64> {
        static OPERATION: Operation = Operation::new(TABLE, "delete_all");
        telemetry::traced(self.db, &OPERATION, Some(self.actor_id), async {
            let actor_id = self.actor_id()?;
            let c = &self.db.executor().await?;
            let deleted = q::delete_all_suspensions()
                .params(c, &q::ActorIdParam { actor_id })
                .one()
                .await?;
            Ok(row_count(deleted))
        })
        .await
    }

    /// The validated actor id of this handle.
    fn actor_id(&self) -> Result<&'a str> {
        rules::identifier("actor id", self.actor_id)?;
        Ok(self.actor_id)
    }

    /// Validates the arguments; returns the actor id and the subtarget as stored (`""` for
    /// the whole target).
    fn check<'s>(&self, target: &str, subtarget: Option<&'s str>) -> Result<(&'a str, &'s str)> {
        let actor_id = self.actor_id()?;
        let subtarget = subtarget.unwrap_or("");
        check_target(target, subtarget)?;
        Ok((actor_id, subtarget))
    }
}

/// Checks a suspension's target and its subtarget as stored (`""` for the whole target).
pub(crate) fn check_target(target: &str, subtarget: &str) -> Result<()> {
    rules::identifier("target", target)?;
    rules::bounded("subtarget", subtarget, rules::IDENTIFIER_MAX_CHARS)
}
