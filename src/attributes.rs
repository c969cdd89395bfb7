//! Internal attribute buckets with TTL: the `attributes` table (reference `DbAttribute`,
//! `DbAttributeBucketList`).
//!
//! An attribute is a JSON value stored under `(actor id, bucket, name)`, with an optional
//! timestamp and an optional expiry (`ttl_timestamp`, epoch seconds). The table has no foreign
//! key to actors; system partitions such as `_actingweb_deleted` live here too.
//!
//! # Expired: one rule
//!
//! A row is **expired** when
//!
//! ```sql
//! ttl_timestamp IS NOT NULL AND ttl_timestamp <= floor(extract(epoch FROM now()))::bigint
//! ```
//!
//! that is, when its expiry is at or before the server's clock in whole seconds (`now()`, the
//! start of the current transaction, so the rule gives one answer throughout a transaction).
//! Every read ([`get`](Attributes::get), [`get_bucket`](Attributes::get_bucket),
//! [`all_buckets`](Attributes::all_buckets), [`bucket_timestamps`](Attributes::bucket_timestamps))
//! and every conditional write ([`delete`](Attributes::delete),
//! [`compare_and_swap`](Attributes::compare_and_swap)) treats an expired row as absent; each
//! statement in `queries/attributes.sql` repeats this predicate word for word.
//! [`delete_expired`](Attributes::delete_expired) purges exactly the rows the rule calls
//! expired at the epoch it is given. A row stays in the table until it is purged, overwritten
//! or deleted.
//!
//! [`set`](Attributes::set) stores `ttl_timestamp = floor(server epoch now) + ttl_seconds +
//! 3600` (the reference's clock-skew buffer), computed in SQL; a negative TTL is allowed, so
//! `-3600` expires the row at once and `-7200` writes it already expired (a tombstone that reads
//! as absent).
//!
//! # Composite key
//!
//! The key column is `bucket_name = bucket + ":" + name`, as in the reference, so bucket `a:b`
//! with name `c` and bucket `a` with name `b:c` share one key. Every statement also names the
//! row by its `bucket` and `name` columns: reads and deletes never see the other pair's row,
//! and a write that would overwrite it fails with [`ErrorKind::InvalidInput`] ("ambiguous
//! composite key"), changing nothing. An *expired* row of the other pair counts as absent and
//! is replaced.
//!
//! # Values
//!
//! `data` is `jsonb`: key order and formatting are not kept (objects come back with keys ordered
//! by length, then bytewise), and a number written in exponent form reads back as PostgreSQL
//! normalised it (`1e16` as the integer `10000000000000000`). Any JSON value is stored,
//! `0`, `false`, `""`, `{}`, `[]` and `null` included; a SQL `NULL` written by another writer
//! reads as `null`. Values that could not be stored or read back are refused before anything is
//! sent: a string or key containing U+0000 (jsonb cannot hold it) and nesting deeper than
//! [`MAX_JSON_DEPTH`](crate::encoding::MAX_JSON_DEPTH) (127) levels (more than the JSON parser
//! accepts on the way back; checked without recursion, whatever the depth). A `Value` cannot
//! hold NaN or infinity (`serde_json` makes them `null`);
//! [`set_serialized`](Attributes::set_serialized) takes any `Serialize` value and refuses them
//! instead. A stored value this crate cannot
//! represent (a number beyond `f64`, written by another writer) makes the read an error, never a
//! panic.
//!
//! The `timestamp` column is `timestamp without time zone` holding naive UTC; it is written as
//! `DateTime<Utc>` with microsecond precision (finer digits are truncated) and read as UTC.
//!
//! # Deliberate differences from the reference
//!
//! | reference | here |
//! |---|---|
//! | only `get_attr_strict` hides expired rows; `get_attr`, `get_bucket` and the bucket lists return them | every read hides them; [`get_strict`](Attributes::get_strict) is the same call as [`get`](Attributes::get) |
//! | falsy data (`0`, `false`, `""`, `{}`, `[]`, `None`) deletes the attribute | any JSON value is stored; deleting is [`delete`](Attributes::delete) |
//! | `delete_attr` returns `True` whether or not a row existed; `delete_attr_conditional` returns `True` for an expired row | [`delete`](Attributes::delete) returns `true` only when a live row was removed, for exactly one of racing callers (an expired row is removed too, returning `false`) |
//! | `conditional_update_attr(timestamp=None)` sets the timestamp to NULL and matches expired rows | `None` leaves the stored timestamp; an expired row never matches |
//! | `delete_expired` purges `ttl_timestamp < now`, while the strict read hides `<= now`; an empty bucket list means every bucket | purges `<=` (the one rule); an empty bucket list purges nothing (`None` means every bucket) |
//! | colliding composite keys: the second write overwrites the first pair's data | detected and refused, see above |
//! | "empty" is `None` for `get_bucket` and the bucket lists | an empty map |
//! | `fetch_timestamps` takes the maximum over all rows | the maximum over live rows |
//! | faults, NUL characters and over-long keys return `False`/`None`/`0` | errors ([`ErrorKind`]) |
//!
//! Not built: the reference's delete diagnostics (`ACTINGWEB_PG_DELETE_DIAGNOSTICS`, its savepoint,
//! schema probe, `PG_DELETE_DIAGNOSTICS` warnings and post-commit re-read; acceptance cases 55-61
//! of the specification). A delete here is a single statement; use the database's own logging to
//! trace deletes.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::client::Params;
use crate::codegen::queries::attributes as q;
use crate::encoding;
use crate::error::{Error, ErrorKind, Result};
use crate::executor::{Db, row_count};
use crate::rules;
use crate::telemetry::{self, Operation};

/// The table of this module, in spans and metrics.
const TABLE: &str = "attributes";

/// One attribute as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribute {
    /// The stored JSON value (`null` also for a SQL `NULL` written by another writer).
    pub data: Value,
    /// The caller's timestamp (UTC, microsecond precision), or `None`.
    pub timestamp: Option<DateTime<Utc>>,
    /// When the attribute expires, in epoch seconds; `None` for a permanent attribute.
    pub ttl_timestamp: Option<i64>,
}

/// The largest TTL magnitude accepted, so that `now + ttl + 3600` always fits the `BIGINT`
/// column.
const MAX_TTL_SECONDS: u64 = (i64::MAX / 2) as u64;

/// Operations on attributes; get one from [`Store::attributes`](crate::Store::attributes).
pub struct Attributes<'a> {
    db: Db<'a>,
}

impl<'a> Attributes<'a> {
    pub(crate) fn new(db: Db<'a>) -> Attributes<'a> {
        Attributes { db }
    }

    /// The live attribute `bucket`/`name` of the actor, or `None` when it is absent or expired.
    pub async fn get(&self, actor_id: &str, bucket: &str, name: &str) -> Result<Option<Attribute>> {
        static OPERATION: Operation = Operation::new(TABLE, "get");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            let key = Key::new(actor_id, bucket, name)?;
            let c = &self.db.reader().await?;
            let row = q::attribute()
                .params(
                    c,
                    &q::AttributeParams {
                        actor_id: key.actor_id,
                        bucket_name: key.bucket_name,
                        bucket: key.bucket,
                        name: key.name,
                    },
                )
                .opt()
                .await?;
            row.map(|r| attribute(r.data, r.timestamp, r.ttl_timestamp))
                .transpose()
        })
        .await
    }

    /// The reference's strict read (expired counts as absent, faults are errors). Every read
    /// here already behaves that way, so this is [`get`](Attributes::get).
    pub async fn get_strict(
        &self,
        actor_id: &str,
        bucket: &str,
        name: &str,
    ) -> Result<Option<Attribute>> {
        static OPERATION: Operation = Operation::new(TABLE, "get_strict");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            self.get(actor_id, bucket, name).await
        })
        .await
    }

    /// Stores `data` without a timestamp: [`set_at`](Attributes::set_at) with `None`.
    pub async fn set(
        &self,
        actor_id: &str,
        bucket: &str,
        name: &str,
        data: &Value,
        ttl_seconds: Option<i64>,
    ) -> Result<()> {
        static OPERATION: Operation = Operation::new(TABLE, "set");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            self.set_at(actor_id, bucket, name, data, None, ttl_seconds)
                .await
        })
        .await
    }

    /// [`set`](Attributes::set) of any `Serialize` value, converted by
    /// [`encoding::to_value`]: a NaN or infinite float anywhere in it is
    /// [`ErrorKind::InvalidInput`] ("invalid data: holds a non-finite number (NaN or
    /// infinity), which JSON cannot represent") and nothing is written, where
    /// `serde_json::to_value` would have stored `null`.
    pub async fn set_serialized<T: Serialize + ?Sized>(
        &self,
        actor_id: &str,
        bucket: &str,
        name: &str,
        data: &T,
        ttl_seconds: Option<i64>,
    ) -> Result<()> {
        static OPERATION: Operation = Operation::new(TABLE, "set_serialized");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            let data = encoding::serialized("data", data)?;
            self.set(actor_id, bucket, name, &data, ttl_seconds).await
        })
        .await
    }

    /// Creates or replaces an attribute: data, timestamp and expiry are all replaced, so a
    /// write without `ttl_seconds` makes the attribute permanent. With a TTL the expiry is
    /// `floor(server epoch now) + ttl_seconds + 3600`; negative TTLs are allowed.
    ///
    /// Any JSON value is stored. [`ErrorKind::InvalidInput`], with nothing written, for a
    /// `data` string or key containing U+0000, nesting deeper than
    /// [`MAX_JSON_DEPTH`](crate::encoding::MAX_JSON_DEPTH) (127) levels, a TTL of more
    /// than 2^62 − 1 seconds either way, or a key `bucket:name` that already holds a live row
    /// of a different bucket and name.
    pub async fn set_at(
        &self,
        actor_id: &str,
        bucket: &str,
        name: &str,
        data: &Value,
        timestamp: Option<DateTime<Utc>>,
        ttl_seconds: Option<i64>,
    ) -> Result<()> {
        static OPERATION: Operation = Operation::new(TABLE, "set_at");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            let key = Key::new(actor_id, bucket, name)?;
            check_json("data", data)?;
            if let Some(ttl) = ttl_seconds
                && ttl.unsigned_abs() > MAX_TTL_SECONDS
            {
                return Err(Error::invalid(
                    "ttl_seconds",
                    format!("{ttl} is beyond ±{MAX_TTL_SECONDS}"),
                ));
            }
            let timestamp = timestamp.map(|t| t.naive_utc());
            let c = &self.db.executor().await?;
            let written = q::upsert_attribute()
                .params(
                    c,
                    &q::UpsertAttributeParams {
                        actor_id: key.actor_id,
                        bucket_name: &key.bucket_name,
                        bucket: key.bucket,
                        name: key.name,
                        data,
                        timestamp,
                        ttl_seconds,
                    },
                )
                .opt()
                .await?;
            match written {
                Some(_) => Ok(()),
                None => Err(rules::ambiguous_key(
                    "bucket_name",
                    &key.bucket_name,
                    format_args!("bucket {bucket:?} and name {name:?}"),
                )),
            }
        })
        .await
    }

    /// Deletes the attribute, consume-once: `true` only when a live row was removed. Among
    /// callers racing to delete the same attribute exactly one gets `true`. An expired row is
    /// removed as well but returns `false`, like an absent one.
    pub async fn delete(&self, actor_id: &str, bucket: &str, name: &str) -> Result<bool> {
        static OPERATION: Operation = Operation::new(TABLE, "delete");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            let key = Key::new(actor_id, bucket, name)?;
            let c = &self.db.executor().await?;
            let live = q::delete_attribute()
                .params(
                    c,
                    &q::DeleteAttributeParams {
                        actor_id: key.actor_id,
                        bucket_name: key.bucket_name,
                        bucket: key.bucket,
                        name: key.name,
                    },
                )
                .opt()
                .await?;
            Ok(live == Some(true))
        })
        .await
    }

    /// Replaces the data with `new` only if the live attribute's data equals `old` (jsonb
    /// equality: key order and formatting do not matter; a SQL `NULL` equals `null`). Exactly
    /// one of callers racing from the same `old` succeeds. `timestamp: None` leaves the stored
    /// timestamp (the reference sets it to NULL); the expiry is never changed. `false`, changing
    /// nothing, when the attribute is absent, expired or holds something else.
    pub async fn compare_and_swap(
        &self,
        actor_id: &str,
        bucket: &str,
        name: &str,
        old: &Value,
        new: &Value,
        timestamp: Option<DateTime<Utc>>,
    ) -> Result<bool> {
        static OPERATION: Operation = Operation::new(TABLE, "compare_and_swap");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            let key = Key::new(actor_id, bucket, name)?;
            check_json("old", old)?;
            check_json("new", new)?;
            let timestamp = timestamp.map(|t| t.naive_utc());
            let c = &self.db.executor().await?;
            let swapped = q::compare_and_swap_attribute()
                .params(
                    c,
                    &q::CompareAndSwapAttributeParams {
                        new,
                        timestamp,
                        actor_id: key.actor_id,
                        bucket_name: key.bucket_name,
                        bucket: key.bucket,
                        name: key.name,
                        old,
                    },
                )
                .opt()
                .await?;
            Ok(swapped.is_some())
        })
        .await
    }

    /// The live attributes of exactly this bucket, by name; empty when there are none.
    pub async fn get_bucket(
        &self,
        actor_id: &str,
        bucket: &str,
    ) -> Result<BTreeMap<String, Attribute>> {
        static OPERATION: Operation = Operation::new(TABLE, "get_bucket");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            rules::identifier("actor id", actor_id)?;
            rules::identifier("bucket", bucket)?;
            let c = &self.db.reader().await?;
            let rows = q::bucket_attributes()
                .params(c, &q::BucketAttributesParams { actor_id, bucket })
                .all()
                .await?;
            rows.into_iter()
                .map(|r| Ok((r.name, attribute(r.data, r.timestamp, r.ttl_timestamp)?)))
                .collect()
        })
        .await
    }

    /// Every live attribute of the actor, by bucket and name; empty when there are none.
    pub async fn all_buckets(
        &self,
        actor_id: &str,
    ) -> Result<BTreeMap<String, BTreeMap<String, Attribute>>> {
        static OPERATION: Operation = Operation::new(TABLE, "all_buckets");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            rules::identifier("actor id", actor_id)?;
            let c = &self.db.reader().await?;
            let rows = q::actor_attributes()
                .params(c, &q::ActorIdParam { actor_id })
                .all()
                .await?;
            let mut buckets: BTreeMap<String, BTreeMap<String, Attribute>> = BTreeMap::new();
            for r in rows {
                let value = attribute(r.data, r.timestamp, r.ttl_timestamp)?;
                buckets.entry(r.bucket).or_default().insert(r.name, value);
            }
            Ok(buckets)
        })
        .await
    }

    /// For each bucket of the actor with live attributes, the latest of their timestamps
    /// (`None` when none has one); empty when there are none.
    pub async fn bucket_timestamps(
        &self,
        actor_id: &str,
    ) -> Result<BTreeMap<String, Option<DateTime<Utc>>>> {
        static OPERATION: Operation = Operation::new(TABLE, "bucket_timestamps");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            rules::identifier("actor id", actor_id)?;
            let c = &self.db.reader().await?;
            let rows = q::bucket_timestamps()
                .params(c, &q::ActorIdParam { actor_id })
                .all()
                .await?;
            Ok(rows
                .into_iter()
                .map(|r| (r.bucket, r.latest.map(|t| t.and_utc())))
                .collect())
        })
        .await
    }

    /// Deletes every attribute of the bucket. Returns how many rows went (expired ones
    /// included).
    pub async fn delete_bucket(&self, actor_id: &str, bucket: &str) -> Result<u64> {
        static OPERATION: Operation = Operation::new(TABLE, "delete_bucket");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            rules::identifier("actor id", actor_id)?;
            rules::identifier("bucket", bucket)?;
            let c = &self.db.executor().await?;
            let deleted = q::delete_bucket()
                .params(c, &q::DeleteBucketParams { actor_id, bucket })
                .one()
                .await?;
            Ok(row_count(deleted))
        })
        .await
    }

    /// Deletes every attribute of the actor. Returns how many rows went (expired ones
    /// included).
    pub async fn delete_all(&self, actor_id: &str) -> Result<u64> {
        static OPERATION: Operation = Operation::new(TABLE, "delete_all");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            rules::identifier("actor id", actor_id)?;
            let c = &self.db.executor().await?;
            let deleted = q::delete_actor_attributes()
                .params(c, &q::ActorIdParam { actor_id })
                .one()
                .await?;
            Ok(row_count(deleted))
        })
        .await
    }

    /// Deletes the actor's attributes in `buckets` whose data is an object with a top-level
    /// `chain_id` field whose text (`data ->> 'chain_id'`: a string's content, a number's
    /// digits) equals `chain_id`; nested fields do not count. This is token-chain revocation and
    /// uses the index `idx_attributes_chain_id`. Expired rows go too. Returns how many rows went;
    /// no buckets, nothing to do.
    pub async fn delete_by_chain(
        &self,
        actor_id: &str,
        buckets: &[&str],
        chain_id: &str,
    ) -> Result<u64> {
        static OPERATION: Operation = Operation::new(TABLE, "delete_by_chain");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            rules::identifier("actor id", actor_id)?;
            check_buckets(buckets)?;
            rules::name("chain id", chain_id)?;
            if buckets.is_empty() {
                return Ok(0);
            }
            let c = &self.db.executor().await?;
            let deleted = q::delete_attributes_by_chain()
                .params(
                    c,
                    &q::DeleteAttributesByChainParams {
                        actor_id,
                        buckets,
                        chain_id,
                    },
                )
                .one()
                .await?;
            Ok(row_count(deleted))
        })
        .await
    }

    /// Purges the attributes of every actor that are expired at `now_epoch` (epoch seconds;
    /// `None`: the server's now), that is `ttl_timestamp <= now_epoch`, restricted to `buckets`
    /// when given (an empty list purges nothing). Returns how many rows went.
    pub async fn delete_expired(
        &self,
        now_epoch: Option<i64>,
        buckets: Option<&[&str]>,
    ) -> Result<u64> {
        static OPERATION: Operation = Operation::new(TABLE, "delete_expired");
        telemetry::traced(self.db, &OPERATION, None, async {
            if let Some(buckets) = buckets {
                check_buckets(buckets)?;
                if buckets.is_empty() {
                    return Ok(0);
                }
            }
            let c = &self.db.executor().await?;
            let purged = q::delete_expired_attributes()
                .params(c, &q::DeleteExpiredAttributesParams { now_epoch, buckets })
                .one()
                .await?;
            let purged = row_count(purged);
            telemetry::purged(purged);
            Ok(purged)
        })
        .await
    }
}

/// A validated attribute key: the parts and the composite `bucket_name`.
struct Key<'k> {
    actor_id: &'k str,
    bucket: &'k str,
    name: &'k str,
    bucket_name: String,
}

impl<'k> Key<'k> {
    fn new(actor_id: &'k str, bucket: &'k str, name: &'k str) -> Result<Key<'k>> {
        rules::identifier("actor id", actor_id)?;
        rules::identifier("bucket", bucket)?;
        rules::identifier("attribute name", name)?;
        let bucket_name = rules::composite_key("bucket_name", bucket, name)?;
        Ok(Key {
            actor_id,
            bucket,
            name,
            bucket_name,
        })
    }
}

fn check_buckets(buckets: &[&str]) -> Result<()> {
    buckets
        .iter()
        .try_for_each(|b| rules::identifier("bucket", b))
}

/// Refuses a JSON value that jsonb cannot store or `serde_json` cannot read back.
fn check_json(field: &str, value: &Value) -> Result<()> {
    encoding::check_json(field, value, |text| {
        text.contains('\0')
            .then_some("contains a NUL character (U+0000), which jsonb cannot store")
    })
}

/// Builds an [`Attribute`] from a row: the jsonb text parsed (SQL `NULL` as `null`), the naive
/// UTC timestamp as UTC.
fn attribute(
    data: Option<String>,
    timestamp: Option<NaiveDateTime>,
    ttl_timestamp: Option<i64>,
) -> Result<Attribute> {
    let data = match data {
        Some(text) => serde_json::from_str(&text).map_err(|e| {
            Error::new(
                ErrorKind::Backend,
                format!("stored attribute data cannot be represented here: {e}"),
            )
        })?,
        None => Value::Null,
    };
    Ok(Attribute {
        data,
        timestamp: timestamp.map(|t| t.and_utc()),
        ttl_timestamp,
    })
}
