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

use crate::codegen::queries::subscription_diffs as q;
use crate::error::{Error, ErrorKind, Result};
use crate::{Conn, validate, with_client};

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
    conn: Conn<'a>,
}

impl<'a> SubscriptionDiffs<'a> {
    pub(crate) fn new(conn: Conn<'a>) -> SubscriptionDiffs<'a> {
        SubscriptionDiffs { conn }
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
        validate::identifier("actor id", actor_id)?;
        let key = subid_seqnr(subid, seqnr)?;
        validate::text("diff", diff)?;
        let row = with_client!(self.conn, |c| q::insert_diff()
            .prepare(c)
            .await?
            .bind(c, &actor_id, &key, &subid, &diff, &seqnr)
            .opt()
            .await?);
        row.map(SubscriptionDiff::from).ok_or_else(|| {
            Error::new(
                ErrorKind::Conflict,
                format!(
                    "subscription diff {subid:?}/{seqnr} already exists for actor {actor_id:?}"
                ),
            )
        })
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
        validate::identifier("actor id", actor_id)?;
        let row = match seqnr {
            Some(seqnr) => {
                let key = subid_seqnr(subid, seqnr)?;
                with_client!(self.conn, |c| q::diff_by_seqnr()
                    .prepare(c)
                    .await?
                    .bind(c, &actor_id, &key, &subid, &seqnr)
                    .opt()
                    .await?)
            }
            None => {
                validate::identifier("subscription id", subid)?;
                with_client!(self.conn, |c| q::first_diff()
                    .prepare(c)
                    .await?
                    .bind(c, &actor_id, &subid)
                    .opt()
                    .await?)
            }
        };
        Ok(row.map(SubscriptionDiff::from))
    }

    /// The actor's diffs (of subscription `subid` only, when given), by sequence number
    /// (numerically), then subscription id. Empty when none.
    pub async fn list(&self, actor_id: &str, subid: Option<&str>) -> Result<Vec<SubscriptionDiff>> {
        validate::identifier("actor id", actor_id)?;
        check_subid(subid)?;
        let rows = with_client!(self.conn, |c| q::diffs()
            .prepare(c)
            .await?
            .bind(c, &actor_id, &subid)
            .all()
            .await?);
        Ok(rows.into_iter().map(SubscriptionDiff::from).collect())
    }

    /// Deletes diff number `seqnr` of subscription `subid`. Returns whether it existed.
    pub async fn delete(&self, actor_id: &str, subid: &str, seqnr: i32) -> Result<bool> {
        validate::identifier("actor id", actor_id)?;
        let key = subid_seqnr(subid, seqnr)?;
        let row = with_client!(self.conn, |c| q::delete_diff()
            .prepare(c)
            .await?
            .bind(c, &actor_id, &key, &subid, &seqnr)
            .opt()
            .await?);
        Ok(row.is_some())
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
        validate::identifier("actor id", actor_id)?;
        check_subid(subid)?;
        let gone = with_client!(self.conn, |c| q::delete_diffs()
            .prepare(c)
            .await?
            .bind(c, &actor_id, &subid, &seqnr)
            .all()
            .await?);
        Ok(gone.len() as u64)
    }

    /// Deletes all of the actor's diffs. Returns how many went.
    pub async fn delete_all(&self, actor_id: &str) -> Result<u64> {
        self.delete_up_to(actor_id, None, None).await
    }
}

/// Validates the subscription id and builds the reference's key `subid:seqnr` (plain
/// decimal), which must fit the `VARCHAR(255)` key column too.
fn subid_seqnr(subid: &str, seqnr: i32) -> Result<String> {
    validate::identifier("subscription id", subid)?;
    let key = format!("{subid}:{seqnr}");
    validate::bounded(
        "diff key (subid:seqnr)",
        &key,
        validate::IDENTIFIER_MAX_CHARS,
    )?;
    Ok(key)
}

fn check_subid(subid: Option<&str>) -> Result<()> {
    match subid {
        Some(subid) => validate::identifier("subscription id", subid),
        None => Ok(()),
    }
}
