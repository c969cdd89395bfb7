//! Subscription change diffs: the `subscription_diffs` table (reference `DbSubscriptionDiff`,
//! `DbSubscriptionDiffList`).
//!
//! A diff is addressed by actor id, subscription id and sequence number. The table's key column
//! `subid_seqnr` is `subid + ":" + seqnr` with the sequence number in plain decimal, as the
//! reference builds it, so it must fit in 255 characters. That key **cannot be ambiguous**: the
//! sequence-number part never contains `:`, so the last `:` always separates the two parts and
//! no two `(subid, seqnr)` pairs build the same key. Reads and deletes still match the `subid`
//! and `seqnr` columns as well as the key, so a row whose columns disagree with its key is
//! never mistaken for another subscription's.
//!
//! The diff text is stored verbatim; the timestamp is the server's time (the start of the
//! transaction) as naive UTC, whatever the session TimeZone. Sequence numbers order
//! numerically (`2` before `10`; the text key would sort `S1:10` first).
//!
//! Where this module differs from the reference:
//!
//! * There is no handle cache: [`SubscriptionDiffs::get`] always reads what its arguments
//!   name (the reference returns its cached diff and ignores the arguments once it holds one).
//! * Creating an existing diff is an [`ErrorKind::Conflict`] (the reference returns `False`).
//! * [`SubscriptionDiffs::delete_up_to`] takes the bound as an `Option`: `None` deletes every
//!   diff of the subscription (or of the actor), which is what the reference's
//!   `DbSubscriptionDiffList.delete(seqnr)` does for a falsy `seqnr` (0, `None`). `Some(0)` is
//!   an ordinary inclusive bound here and deletes only sequence numbers up to 0.
//! * Lists break seqnr ties across subscriptions by subscription id (bytewise).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::client::Params;
use crate::codegen::queries::subscription_diffs as q;
use crate::error::{Error, ErrorKind, Result};
use crate::executor::{Db, row_count};
use crate::rules;
use crate::telemetry::{self, Operation};

/// The table of this module, in spans and metrics.
const TABLE: &str = "subscription_diffs";

/// A stored change diff of a subscription.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubscriptionDiff {
    /// The actor the subscription belongs to.
    pub id: String,
    /// The subscription id.
    pub subid: String,
    /// When the diff was stored (UTC).
    pub timestamp: DateTime<Utc>,
    /// The diff text, verbatim (upper layers store JSON).
    pub diff: String,
    /// The diff's sequence number within the subscription.
    pub seqnr: i32,
}

impl From<q::DiffRow> for SubscriptionDiff {
    fn from(row: q::DiffRow) -> SubscriptionDiff {
        SubscriptionDiff {
            id: row.id,
            subid: row.subid,
            timestamp: row.timestamp.and_utc(),
            diff: row.diff,
            seqnr: row.seqnr,
        }
    }
}

/// Operations on subscription diffs; get one from
/// [`Store::subscription_diffs`](crate::Store::subscription_diffs).
pub struct SubscriptionDiffs<'a> {
    db: Db<'a>,
}

impl<'a> SubscriptionDiffs<'a> {
    pub(crate) fn new(db: Db<'a>) -> SubscriptionDiffs<'a> {
        SubscriptionDiffs { db }
    }

    /// Stores `diff` as number `seqnr` of subscription `subid`, timestamped with the server's
    /// time, and returns it. An existing `(subid, seqnr)` is an [`ErrorKind::Conflict`] and
    /// stays unchanged.
    pub async fn create(
        &self,
        actor_id: &str,
        subid: &str,
        seqnr: i32,
        diff: &str,
    ) -> Result<SubscriptionDiff> {
        static OPERATION: Operation = Operation::new(TABLE, "create");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            rules::identifier("actor id", actor_id)?;
            let key = subid_seqnr(subid, seqnr)?;
            rules::text("diff", diff)?;
            let c = &self.db.executor().await?;
            let row = q::insert_diff()
                .params(
                    c,
                    &q::InsertDiffParams {
                        actor_id,
                        subid_seqnr: key,
                        subid,
                        diff,
                        seqnr,
                    },
                )
                .opt()
                .await?;
            row.map(SubscriptionDiff::from).ok_or_else(|| {
                Error::new(
                    ErrorKind::Conflict,
                    format!(
                        "subscription diff {subid:?}/{seqnr} already exists for actor {actor_id:?}"
                    ),
                )
            })
        })
        .await
    }

    /// Diff number `seqnr` of subscription `subid`, or with `seqnr` `None` the subscription's
    /// diff with the lowest sequence number (of exactly that subscription id). `None` when
    /// there is none.
    pub async fn get(
        &self,
        actor_id: &str,
        subid: &str,
        seqnr: Option<i32>,
    ) -> Result<Option<SubscriptionDiff>> {
        static OPERATION: Operation = Operation::new(TABLE, "get");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            rules::identifier("actor id", actor_id)?;
            let row = match seqnr {
                Some(seqnr) => {
                    let key = subid_seqnr(subid, seqnr)?;
                    let c = &self.db.reader().await?;
                    q::diff_by_seqnr()
                        .params(
                            c,
                            &q::DiffBySeqnrParams {
                                actor_id,
                                subid_seqnr: key,
                                subid,
                                seqnr,
                            },
                        )
                        .opt()
                        .await?
                }
                None => {
                    rules::identifier("subscription id", subid)?;
                    let c = &self.db.reader().await?;
                    q::first_diff()
                        .params(c, &q::FirstDiffParams { actor_id, subid })
                        .opt()
                        .await?
                }
            };
            Ok(row.map(SubscriptionDiff::from))
        })
        .await
    }

    /// The actor's diffs (of subscription `subid` only, when given), by sequence number
    /// (numerically), then subscription id. Empty when none.
    pub async fn list(&self, actor_id: &str, subid: Option<&str>) -> Result<Vec<SubscriptionDiff>> {
        static OPERATION: Operation = Operation::new(TABLE, "list");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            rules::identifier("actor id", actor_id)?;
            check_subid(subid)?;
            let c = &self.db.reader().await?;
            let rows = q::diffs()
                .params(c, &q::DiffsParams { actor_id, subid })
                .all()
                .await?;
            Ok(rows.into_iter().map(SubscriptionDiff::from).collect())
        })
        .await
    }

    /// Deletes diff number `seqnr` of subscription `subid`. Returns whether it existed.
    pub async fn delete(&self, actor_id: &str, subid: &str, seqnr: i32) -> Result<bool> {
        static OPERATION: Operation = Operation::new(TABLE, "delete");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            rules::identifier("actor id", actor_id)?;
            let key = subid_seqnr(subid, seqnr)?;
            let c = &self.db.executor().await?;
            let row = q::delete_diff()
                .params(
                    c,
                    &q::DeleteDiffParams {
                        actor_id,
                        subid_seqnr: key,
                        subid,
                        seqnr,
                    },
                )
                .opt()
                .await?;
            Ok(row.is_some())
        })
        .await
    }

    /// Deletes the diffs of subscription `subid` (of all the actor's subscriptions when
    /// `None`) whose sequence number is at most `seqnr` (inclusive; every one when `None`, the
    /// reference's rule for a falsy bound). Returns how many went.
    pub async fn delete_up_to(
        &self,
        actor_id: &str,
        subid: Option<&str>,
        seqnr: Option<i32>,
    ) -> Result<u64> {
        static OPERATION: Operation = Operation::new(TABLE, "delete_up_to");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            rules::identifier("actor id", actor_id)?;
            check_subid(subid)?;
            let c = &self.db.executor().await?;
            let deleted = q::delete_diffs()
                .params(
                    c,
                    &q::DeleteDiffsParams {
                        actor_id,
                        subid,
                        max_seqnr: seqnr,
                    },
                )
                .one()
                .await?;
            Ok(row_count(deleted))
        })
        .await
    }

    /// Deletes all of the actor's diffs. Returns how many went.
    pub async fn delete_all(&self, actor_id: &str) -> Result<u64> {
        static OPERATION: Operation = Operation::new(TABLE, "delete_all");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            self.delete_up_to(actor_id, None, None).await
        })
        .await
    }
}

/// Validates the subscription id and builds the reference's key `subid:seqnr` (plain
/// decimal), which must fit the `VARCHAR(255)` key column too.
fn subid_seqnr(subid: &str, seqnr: i32) -> Result<String> {
    rules::identifier("subscription id", subid)?;
    rules::composite_key("diff key (subid:seqnr)", subid, &seqnr.to_string())
}

fn check_subid(subid: Option<&str>) -> Result<()> {
    match subid {
        Some(subid) => rules::identifier("subscription id", subid),
        None => Ok(()),
    }
}
