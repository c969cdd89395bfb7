//! Subscriptions: the `subscriptions` table (reference `DbSubscription`, `DbSubscriptionList`).
//!
//! A subscription is addressed by actor id, peer id and subscription id. The table's key column
//! `peer_sub_id` is `peerid + ":" + subid`, as the reference builds it, so it must fit in 255
//! characters. Where this module differs from the reference:
//!
//! * [`Subscriptions::modify`] rewrites `peer_sub_id` when the peer id or subscription id
//!   changes (the reference leaves the old key in place, so the moved row is only reachable
//!   under its old name). Moving onto a key another subscription holds changes nothing and is
//!   an [`ErrorKind::Conflict`].
//! * The key is not escaped, so two pairs can build the same key (`"a:b"` + `"c"` and `"a"` +
//!   `"b:c"` both give `"a:b:c"`). Creating or moving onto a key that a row with *different*
//!   parts holds is an [`ErrorKind::InvalidInput`] ("ambiguous composite key") and changes
//!   nothing; reads, updates and deletes match the `peerid` and `subid` columns as well as the
//!   key, so they never touch the other pair's row. A row whose key the reference's `modify`
//!   left stale is therefore not found by its parts: [`Subscriptions::list`] shows it and
//!   [`Subscriptions::delete_all`] removes it.
//! * Creating an existing subscription is an [`ErrorKind::Conflict`] (the reference returns
//!   `False`) and leaves it unchanged; the insert is atomic, with no separate existence check.
//! * Text fields that are NULL read as `None` (the reference maps them to `""`).
//! * As in the reference, [`Subscriptions::modify`] treats an empty string like `None`: it
//!   leaves that field (peer id, subscription id, granularity, target, subtarget, resource)
//!   as it is, so `modify` never stores `""`.
//! * [`Subscriptions::list`] orders by `peer_sub_id` bytewise, whatever the database collation.

use serde::{Deserialize, Serialize};

use crate::client::async_::Params;
use crate::codegen::queries::subscriptions as q;
use crate::error::{Error, ErrorKind, Result};
use crate::executor::{Db, row_count};
use crate::rules;
use crate::telemetry::{self, Operation};

/// The table of this module, in spans and metrics.
const TABLE: &str = "subscriptions";

/// The argument name used in errors about the composite key.
const KEY: &str = "subscription key (peerid:subid)";

/// A subscription row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subscription {
    /// The actor the subscription belongs to.
    pub id: String,
    /// The peer at the other end.
    pub peerid: String,
    /// The subscription id.
    pub subid: String,
    /// How much detail callbacks carry (for example `"high"`); `None` when not set.
    pub granularity: Option<String>,
    /// The subscribed target (for example `"properties"`); `None` when not set.
    pub target: Option<String>,
    /// The subtarget below `target`; `None` when not set.
    pub subtarget: Option<String>,
    /// The resource below `subtarget`; `None` when not set.
    pub resource: Option<String>,
    /// The last sequence number used.
    pub seqnr: i32,
    /// Whether this is a callback subscription (we subscribed to the peer).
    pub callback: bool,
}

impl From<q::SubscriptionRow> for Subscription {
    fn from(row: q::SubscriptionRow) -> Subscription {
        Subscription {
            id: row.id,
            peerid: row.peerid,
            subid: row.subid,
            granularity: row.granularity,
            target: row.target,
            subtarget: row.subtarget,
            resource: row.resource,
            seqnr: row.seqnr,
            callback: row.callback,
        }
    }
}

/// A subscription to create with [`Subscriptions::create`]. `Default` gives sequence number 0
/// (as the reference) and `callback: false`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewSubscription {
    /// The peer at the other end (non-empty).
    pub peerid: String,
    /// The subscription id (non-empty).
    pub subid: String,
    /// How much detail callbacks carry; `None` stores NULL.
    pub granularity: Option<String>,
    /// The subscribed target; `None` stores NULL.
    pub target: Option<String>,
    /// The subtarget; `None` stores NULL.
    pub subtarget: Option<String>,
    /// The resource; `None` stores NULL.
    pub resource: Option<String>,
    /// The initial sequence number.
    pub seqnr: i32,
    /// Whether this is a callback subscription.
    pub callback: bool,
}

/// Changes for [`Subscriptions::modify`]: `None` leaves a field as it is, and so does an
/// empty string in a text field, as in the reference.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubscriptionUpdate {
    /// A new peer id (the key column follows); `""` keeps the current one.
    pub peerid: Option<String>,
    /// A new subscription id (the key column follows); `""` keeps the current one.
    pub subid: Option<String>,
    /// A new granularity; `""` keeps the current one.
    pub granularity: Option<String>,
    /// A new target; `""` keeps the current one.
    pub target: Option<String>,
    /// A new subtarget; `""` keeps the current one.
    pub subtarget: Option<String>,
    /// A new resource; `""` keeps the current one.
    pub resource: Option<String>,
    /// A new sequence number.
    pub seqnr: Option<i32>,
    /// A new callback flag.
    pub callback: Option<bool>,
}

/// Operations on subscriptions; get one from
/// [`Store::subscriptions`](crate::Store::subscriptions).
pub struct Subscriptions<'a> {
    db: Db<'a>,
}

impl<'a> Subscriptions<'a> {
    pub(crate) fn new(db: Db<'a>) -> Subscriptions<'a> {
        Subscriptions { db }
    }

    /// The actor's subscription `peerid`/`subid`, or `None`.
    pub async fn get(
        &self,
        actor_id: &str,
        peerid: &str,
        subid: &str,
    ) -> Result<Option<Subscription>> {
        static OPERATION: Operation = Operation::new(TABLE, "get");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            rules::identifier("actor id", actor_id)?;
            let key = peer_sub_id(peerid, subid)?;
            let c = &self.db.reader().await?;
            let row = q::subscription()
                .params(
                    c,
                    &q::SubscriptionParams {
                        actor_id,
                        peer_sub_id: key,
                        peerid,
                        subid,
                    },
                )
                .opt()
                .await?;
            Ok(row.map(Subscription::from))
        })
        .await
    }

    /// Creates a subscription and returns it. An existing one is an
    /// [`ErrorKind::Conflict`] and stays unchanged; a key that another pair holds (the parts
    /// contain `:`) is an [`ErrorKind::InvalidInput`].
    pub async fn create(&self, actor_id: &str, new: &NewSubscription) -> Result<Subscription> {
        static OPERATION: Operation = Operation::new(TABLE, "create");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            rules::identifier("actor id", actor_id)?;
            let key = peer_sub_id(&new.peerid, &new.subid)?;
            check_columns([
                ("granularity", new.granularity.as_deref()),
                ("target", new.target.as_deref()),
                ("subtarget", new.subtarget.as_deref()),
                ("resource", new.resource.as_deref()),
            ])?;
            let c = &self.db.executor().await?;
            {
                let params = q::InsertSubscriptionParams {
                    actor_id,
                    peer_sub_id: key.as_str(),
                    peerid: new.peerid.as_str(),
                    subid: new.subid.as_str(),
                    granularity: new.granularity.as_deref(),
                    target: new.target.as_deref(),
                    subtarget: new.subtarget.as_deref(),
                    resource: new.resource.as_deref(),
                    seqnr: new.seqnr,
                    callback: new.callback,
                };
                let stmt = q::insert_subscription().prepare(c).await?;
                match stmt.params(c, &params).opt().await? {
                    Some(row) => Ok(Subscription::from(row)),
                    None => {
                        let holder = q::subscription_key_holder()
                            .params(
                                c,
                                &q::SubscriptionKeyHolderParams {
                                    actor_id,
                                    peer_sub_id: &key,
                                },
                            )
                            .opt()
                            .await?
                            .map(|h| (h.peerid, h.subid));
                        Err(key_taken(actor_id, &new.peerid, &new.subid, &key, holder))
                    }
                }
            }
        })
        .await
    }

    /// Applies `update` to the subscription `peerid`/`subid`; a new peer id or subscription id
    /// also rewrites the key column. Returns `false` when there is no such subscription.
    ///
    /// A field that is `None` or an empty string is left as it is (the reference skips empty
    /// values the same way, for trusts and peer trustees too), so an update whose text fields
    /// are all empty changes only `seqnr` and `callback`, if given. There is no way to store
    /// `""` through `modify`; a field can be cleared only by creating the subscription anew.
    ///
    /// Moving onto the key of another subscription is an [`ErrorKind::Conflict`] (onto a key
    /// another pair holds ambiguously, an [`ErrorKind::InvalidInput`]); either way nothing
    /// changes.
    pub async fn modify(
        &self,
        actor_id: &str,
        peerid: &str,
        subid: &str,
        update: &SubscriptionUpdate,
    ) -> Result<bool> {
        static OPERATION: Operation = Operation::new(TABLE, "modify");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            rules::identifier("actor id", actor_id)?;
            let key = peer_sub_id(peerid, subid)?;
            let new_peerid = non_empty(&update.peerid).unwrap_or(peerid);
            let new_subid = non_empty(&update.subid).unwrap_or(subid);
            let new_key = peer_sub_id(new_peerid, new_subid)?;
            check_columns([
                ("granularity", update.granularity.as_deref()),
                ("target", update.target.as_deref()),
                ("subtarget", update.subtarget.as_deref()),
                ("resource", update.resource.as_deref()),
            ])?;
            let params = q::UpdateSubscriptionParams {
                actor_id,
                new_peer_sub_id: new_key.as_str(),
                peer_sub_id: key.as_str(),
                new_peerid,
                new_subid,
                granularity: update.granularity.as_deref(),
                target: update.target.as_deref(),
                subtarget: update.subtarget.as_deref(),
                resource: update.resource.as_deref(),
                seqnr: update.seqnr,
                callback: update.callback,
                peerid,
                subid,
            };
            let c = &self.db.executor().await?;
            let outcome = q::update_subscription().params(c, &params).one().await?;
            if outcome.updated {
                return Ok(true);
            }
            match (outcome.found, outcome.holder_peerid, outcome.holder_subid) {
                (true, Some(holder_peerid), Some(holder_subid)) => Err(key_taken(
                    actor_id,
                    new_peerid,
                    new_subid,
                    &new_key,
                    Some((holder_peerid, holder_subid)),
                )),
                // Absent, or changed by a concurrent writer after this statement's snapshot.
                _ => Ok(false),
            }
        })
        .await
    }

    /// Deletes the subscription `peerid`/`subid` (not its diffs). Returns whether it existed.
    pub async fn delete(&self, actor_id: &str, peerid: &str, subid: &str) -> Result<bool> {
        static OPERATION: Operation = Operation::new(TABLE, "delete");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            rules::identifier("actor id", actor_id)?;
            let key = peer_sub_id(peerid, subid)?;
            let c = &self.db.executor().await?;
            let row = q::delete_subscription()
                .params(
                    c,
                    &q::DeleteSubscriptionParams {
                        actor_id,
                        peer_sub_id: key,
                        peerid,
                        subid,
                    },
                )
                .opt()
                .await?;
            Ok(row.is_some())
        })
        .await
    }

    /// The actor's subscriptions, ordered by `peerid:subid` bytewise. Empty when none.
    pub async fn list(&self, actor_id: &str) -> Result<Vec<Subscription>> {
        static OPERATION: Operation = Operation::new(TABLE, "list");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            rules::identifier("actor id", actor_id)?;
            let c = &self.db.reader().await?;
            let rows = q::subscriptions_of_actor()
                .params(c, &q::ActorIdParam { actor_id })
                .all()
                .await?;
            Ok(rows.into_iter().map(Subscription::from).collect())
        })
        .await
    }

    /// Deletes all of the actor's subscriptions (not their diffs). Returns how many went.
    pub async fn delete_all(&self, actor_id: &str) -> Result<u64> {
        static OPERATION: Operation = Operation::new(TABLE, "delete_all");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            rules::identifier("actor id", actor_id)?;
            let c = &self.db.executor().await?;
            let deleted = q::delete_all_subscriptions()
                .params(c, &q::ActorIdParam { actor_id })
                .one()
                .await?;
            Ok(row_count(deleted))
        })
        .await
    }
}

/// Validates the parts and builds the reference's key `peerid:subid`, which must fit the
/// `VARCHAR(255)` key column too.
fn peer_sub_id(peerid: &str, subid: &str) -> Result<String> {
    rules::identifier("peer id", peerid)?;
    rules::identifier("subscription id", subid)?;
    rules::composite_key(KEY, peerid, subid)
}

/// The new value of a text field of an update: `None` for `None` and for `""` (the
/// reference's "leave as is").
fn non_empty(value: &Option<String>) -> Option<&str> {
    value.as_deref().filter(|v| !v.is_empty())
}

/// Checks values for the subscriptions columns of those names: every text column is
/// `VARCHAR(255)` (`None`: not written).
pub(crate) fn check_columns<'v>(
    columns: impl IntoIterator<Item = (&'static str, Option<&'v str>)>,
) -> Result<()> {
    for (column, value) in columns {
        if let Some(value) = value {
            rules::bounded(column, value, rules::IDENTIFIER_MAX_CHARS)?;
        }
    }
    Ok(())
}

/// The error for a write onto `key` when a row holds it already: a duplicate of the same pair
/// is a conflict, a row of another pair under the same key an ambiguous key. `holder` is
/// `None` when the holder went away after the write saw it.
fn key_taken(
    actor_id: &str,
    peerid: &str,
    subid: &str,
    key: &str,
    holder: Option<(String, String)>,
) -> Error {
    match holder {
        Some((holder_peerid, holder_subid)) if holder_peerid != peerid || holder_subid != subid => {
            Error::invalid(
                KEY,
                format!(
                    "ambiguous composite key: {key:?} already holds a row for different parts \
                     (peer id {holder_peerid:?}, subscription id {holder_subid:?})"
                ),
            )
        }
        _ => Error::new(
            ErrorKind::Conflict,
            format!("subscription {peerid:?}/{subid:?} already exists for actor {actor_id:?}"),
        ),
    }
}
