//! Properties: the `properties` table (reference `DbProperty`, `DbPropertyList`).
//!
//! Values are opaque text. For an *indexed* name (see [`Config`](crate::Config); never a
//! `list:` name) every write keeps the `property_lookup` table in step **in the same
//! transaction**: the actor's stale lookup rows for the name are released and the new value is
//! claimed, first writer wins (also when the value is rewritten unchanged and no row holds it,
//! where the reference claims nothing). A released row goes to the remaining holder of its
//! value with the lowest actor id (see [`Properties::actor_id_by_value`]). A write that cannot
//! be completed writes nothing and returns the error. The conditional and batch primitives
//! maintain the lookup table too (the reference leaves it stale).

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde_json::Value;

use crate::client::Params;
use crate::client::async_::GenericClient;
use crate::codegen::queries::actors as aq;
use crate::codegen::queries::properties as q;
use crate::codegen::queries::property_lookup as lq;
use crate::encoding::{self, property_text};
use crate::error::{Error, ErrorKind, Result};
use crate::executor::{Db, Executor, row_count};
use crate::rules;
use crate::telemetry::{self, Operation};

/// The table of this module, in spans and metrics.
const TABLE: &str = "properties";

/// Operations on properties; get one from [`Store::properties`](crate::Store::properties).
pub struct Properties<'a> {
    db: Db<'a>,
}

impl<'a> Properties<'a> {
    pub(crate) fn new(db: Db<'a>) -> Properties<'a> {
        Properties { db }
    }

    /// Whether writes of `name` maintain the lookup table.
    pub fn is_indexed(&self, name: &str) -> bool {
        rules::is_indexed(self.db.config(), name)
    }

    /// The stored text of a property, or `None`.
    pub async fn get(&self, actor_id: &str, name: &str) -> Result<Option<String>> {
        static OPERATION: Operation = Operation::new(TABLE, "get");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            check_key(actor_id, name)?;
            let c = &self.db.reader().await?;
            Ok(q::property_value()
                .params(c, &q::PropertyValueParams { actor_id, name })
                .opt()
                .await?)
        })
        .await
    }

    /// Stores `value` verbatim. An empty value deletes the property, as in the reference.
    pub async fn set(&self, actor_id: &str, name: &str, value: &str) -> Result<()> {
        static OPERATION: Operation = Operation::new(TABLE, "set");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            check_key(actor_id, name)?;
            rules::text("value", value)?;
            if value.is_empty() {
                // On the heap: a delete is larger than a plain set, and rare here.
                Box::pin(self.delete(actor_id, name)).await?;
                return Ok(());
            }
            if !self.is_indexed(name) {
                let c = &self.db.executor().await?;
                q::upsert_property()
                    .params(
                        c,
                        &q::UpsertPropertyParams {
                            actor_id,
                            name,
                            value,
                        },
                    )
                    .one()
                    .await?;
                return Ok(());
            }
            // On the heap: its pipelined statements make it several times the size of a
            // plain set, which would otherwise be copied with every set (operation futures
            // are held inline by their callers).
            Box::pin(self.set_indexed(actor_id, name, value)).await
        })
        .await
    }

    /// [`Properties::set`] of an indexed name: the property and its lookup row, atomically.
    async fn set_indexed(&self, actor_id: &str, name: &str, value: &str) -> Result<()> {
        let mut executor = self.db.executor().await?;
        let group = executor.atomic().await?;
        let tx = &group;
        let upsert = q::upsert_property().prepare(tx).await?;
        let params = q::UpsertPropertyParams {
            actor_id,
            name,
            value,
        };
        let write = upsert.params(tx, &params).one();
        sync_lookup_after(tx, write, actor_id, name, value).await?;
        group.commit().await?;
        Ok(())
    }

    /// Stores a JSON value as the reference does: a string verbatim, anything else as the
    /// exact text of Python's `json.dumps` (see [`python_json`](crate::python_json)). `null`
    /// and `""` delete the property.
    ///
    /// A value nested deeper than [`MAX_JSON_DEPTH`](crate::encoding::MAX_JSON_DEPTH) (127)
    /// arrays or objects is [`ErrorKind::InvalidInput`] ("invalid value: is nested deeper than
    /// 127 arrays or objects") and nothing is written. A `Value` cannot hold NaN or infinity
    /// (`json!(f64::NAN)` is `null`, which deletes); [`set_serialized`](Properties::set_serialized)
    /// refuses them.
    pub async fn set_json(&self, actor_id: &str, name: &str, value: &Value) -> Result<()> {
        static OPERATION: Operation = Operation::new(TABLE, "set_json");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            encoding::check_json("value", value, |_| None)?;
            match property_text(value) {
                Some(text) => self.set(actor_id, name, &text).await,
                None => self.delete(actor_id, name).await.map(drop),
            }
        })
        .await
    }

    /// [`set_json`](Properties::set_json) of any `Serialize` value, converted by
    /// [`encoding::to_value`]: a NaN or infinite float anywhere in it is
    /// [`ErrorKind::InvalidInput`] ("invalid value: holds a non-finite number (NaN or
    /// infinity), which JSON cannot represent") and nothing is written or deleted. A value
    /// that serialises to `null` (`None`, `()`) deletes the property, as with `set_json`.
    pub async fn set_serialized<T: Serialize + ?Sized>(
        &self,
        actor_id: &str,
        name: &str,
        value: &T,
    ) -> Result<()> {
        static OPERATION: Operation = Operation::new(TABLE, "set_serialized");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            let value = encoding::serialized("value", value)?;
            self.set_json(actor_id, name, &value).await
        })
        .await
    }

    /// Deletes a property (and its lookup row). Returns whether it existed.
    pub async fn delete(&self, actor_id: &str, name: &str) -> Result<bool> {
        static OPERATION: Operation = Operation::new(TABLE, "delete");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            check_key(actor_id, name)?;
            let names = [name];
            let indexed: &[&str] = if self.is_indexed(name) { &names } else { &[] };
            Ok(self
                .delete_with_lookups(actor_id, Some(&names), indexed)
                .await?
                > 0)
        })
        .await
    }

    /// The actor that holds `value` for the indexed property `name`, or `None`.
    ///
    /// In lookup-table mode (the default) this is one index probe, and a lookup row counts
    /// only while its actor still holds exactly that value; a name that is not indexed is an
    /// [`ErrorKind::InvalidInput`]. With the lookup table
    /// turned off it scans the properties table for the name and value.
    ///
    /// The actor is the first writer of the value among its holders. When that owner gives
    /// the value up (sets another value or `""`, deletes the property through any of the
    /// delete primitives, or is deleted with [`Store::delete_actor`](crate::Store::delete_actor)),
    /// the lookup row goes, in the same transaction, to the remaining holder with the lowest
    /// actor id compared bytewise (the one [`rebuild_lookup`](Properties::rebuild_lookup)
    /// would pick): an existing actor, other than the owner, whose property `name` holds
    /// exactly `value`. Without one the row is removed. The holders are found through the
    /// index `idx_properties_name_value_prefix` of `schema.sql`; on a database without it
    /// nothing is handed over (and `properties` is never scanned).
    /// [`Actors::delete`](crate::Actors::delete), which removes the actor row only, hands
    /// nothing over.
    pub async fn actor_id_by_value(&self, name: &str, value: &str) -> Result<Option<String>> {
        static OPERATION: Operation = Operation::new(TABLE, "actor_id_by_value");
        telemetry::traced(self.db, &OPERATION, None, async {
            rules::name("property name", name)?;
            rules::text("value", value)?;
            if !self.db.config().use_lookup_table {
                let c = &self.db.reader().await?;
                return Ok(q::actor_id_by_property_scan()
                    .params(c, &q::ActorIdByPropertyScanParams { name, value })
                    .opt()
                    .await?);
            }
            if !self.is_indexed(name) {
                return Err(Error::invalid(
                    "property name",
                    format!("{name:?} is not an indexed property"),
                ));
            }
            let c = &self.db.reader().await?;
            Ok(lq::lookup_actor_id_verified()
                .params(c, &lq::LookupActorIdVerifiedParams { name, value })
                .opt()
                .await?)
        })
        .await
    }

    /// The properties whose names lie in `lower..=upper`, compared bytewise.
    pub async fn get_range(
        &self,
        actor_id: &str,
        lower: &str,
        upper: &str,
    ) -> Result<BTreeMap<String, String>> {
        static OPERATION: Operation = Operation::new(TABLE, "get_range");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            check_range(actor_id, lower, upper)?;
            let c = &self.db.reader().await?;
            let rows = q::properties_in_range()
                .params(
                    c,
                    &q::PropertiesInRangeParams {
                        actor_id,
                        lower,
                        upper,
                    },
                )
                .all()
                .await?;
            Ok(rows.into_iter().map(|r| (r.name, r.value)).collect())
        })
        .await
    }

    /// The names in `lower..=upper`, compared bytewise (the reference's `keys_only` range).
    pub async fn names_in_range(
        &self,
        actor_id: &str,
        lower: &str,
        upper: &str,
    ) -> Result<BTreeSet<String>> {
        static OPERATION: Operation = Operation::new(TABLE, "names_in_range");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            check_range(actor_id, lower, upper)?;
            let c = &self.db.reader().await?;
            let names = q::property_names_in_range()
                .params(
                    c,
                    &q::PropertyNamesInRangeParams {
                        actor_id,
                        lower,
                        upper,
                    },
                )
                .all()
                .await?;
            Ok(names.into_iter().collect())
        })
        .await
    }

    /// The bytewise greatest name in `lower..=upper`, or `None`.
    pub async fn get_last_in_range(
        &self,
        actor_id: &str,
        lower: &str,
        upper: &str,
    ) -> Result<Option<String>> {
        static OPERATION: Operation = Operation::new(TABLE, "get_last_in_range");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            check_range(actor_id, lower, upper)?;
            let c = &self.db.reader().await?;
            Ok(q::last_property_name_in_range()
                .params(
                    c,
                    &q::LastPropertyNameInRangeParams {
                        actor_id,
                        lower,
                        upper,
                    },
                )
                .opt()
                .await?)
        })
        .await
    }

    /// Creates the property unless it exists. Returns `false`, changing nothing, when it does.
    pub async fn create_if_not_exists(
        &self,
        actor_id: &str,
        name: &str,
        value: &str,
    ) -> Result<bool> {
        static OPERATION: Operation = Operation::new(TABLE, "create_if_not_exists");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            check_key(actor_id, name)?;
            rules::text("value", value)?;
            if value.is_empty() {
                return Err(Error::invalid("value", "must not be empty"));
            }
            self.conditional_write(
                name,
                async |c| {
                    Ok(q::insert_property_if_absent()
                        .params(
                            c,
                            &q::InsertPropertyIfAbsentParams {
                                actor_id,
                                name,
                                value,
                            },
                        )
                        .opt()
                        .await?
                        .is_some())
                },
                async |tx| {
                    sync_lookup_after(tx, std::future::ready(Ok(())), actor_id, name, value).await
                },
            )
            .await
        })
        .await
    }

    /// Replaces the value only if the stored text equals `expected` (compare-and-swap on the
    /// raw text). Returns `false`, changing nothing, when it does not or the property is absent.
    pub async fn set_if_value_equals(
        &self,
        actor_id: &str,
        name: &str,
        expected: &str,
        value: &str,
    ) -> Result<bool> {
        static OPERATION: Operation = Operation::new(TABLE, "set_if_value_equals");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            check_key(actor_id, name)?;
            rules::text("expected", expected)?;
            rules::text("value", value)?;
            self.conditional_write(
                name,
                async |c| {
                    Ok(q::update_property_if_value()
                        .params(
                            c,
                            &q::UpdatePropertyIfValueParams {
                                value,
                                actor_id,
                                name,
                                expected,
                            },
                        )
                        .opt()
                        .await?
                        .is_some())
                },
                async |tx| {
                    sync_lookup_after(tx, std::future::ready(Ok(())), actor_id, name, value).await
                },
            )
            .await
        })
        .await
    }

    /// Deletes the property only if its stored text equals `value`. Returns whether it did.
    pub async fn delete_if_value_equals(
        &self,
        actor_id: &str,
        name: &str,
        value: &str,
    ) -> Result<bool> {
        static OPERATION: Operation = Operation::new(TABLE, "delete_if_value_equals");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            check_key(actor_id, name)?;
            rules::text("value", value)?;
            self.conditional_write(
                name,
                async |c| {
                    Ok(q::delete_property_if_value()
                        .params(
                            c,
                            &q::DeletePropertyIfValueParams {
                                actor_id,
                                name,
                                value,
                            },
                        )
                        .opt()
                        .await?
                        .is_some())
                },
                async |tx| {
                    let names: &[&str] = &[name];
                    release_lookups_after(tx, std::future::ready(Ok(())), actor_id, names).await
                },
            )
            .await
        })
        .await
    }

    /// Deletes the named properties; unknown names are ignored. Returns how many rows went.
    pub async fn batch_delete(&self, actor_id: &str, names: &[&str]) -> Result<u64> {
        static OPERATION: Operation = Operation::new(TABLE, "batch_delete");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            rules::identifier("actor id", actor_id)?;
            for name in names {
                rules::name("property name", name)?;
            }
            if names.is_empty() {
                return Ok(0);
            }
            let indexed: Vec<&str> = names
                .iter()
                .copied()
                .filter(|n| self.is_indexed(n))
                .collect();
            self.delete_with_lookups(actor_id, Some(names), &indexed)
                .await
        })
        .await
    }

    /// The actor's properties except list rows (`list:` names), by name. Empty when none.
    pub async fn fetch(&self, actor_id: &str) -> Result<BTreeMap<String, String>> {
        static OPERATION: Operation = Operation::new(TABLE, "fetch");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            rules::identifier("actor id", actor_id)?;
            let c = &self.db.reader().await?;
            let rows = q::plain_properties()
                .params(c, &q::ActorIdParam { actor_id })
                .all()
                .await?;
            Ok(rows.into_iter().map(|r| (r.name, r.value)).collect())
        })
        .await
    }

    /// All of the actor's properties, list rows included, by name. Empty when none.
    pub async fn fetch_all_including_lists(
        &self,
        actor_id: &str,
    ) -> Result<BTreeMap<String, String>> {
        static OPERATION: Operation = Operation::new(TABLE, "fetch_all_including_lists");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            rules::identifier("actor id", actor_id)?;
            let c = &self.db.reader().await?;
            let rows = q::all_properties()
                .params(c, &q::ActorIdParam { actor_id })
                .all()
                .await?;
            Ok(rows.into_iter().map(|r| (r.name, r.value)).collect())
        })
        .await
    }

    /// Deletes all of the actor's properties (list rows included) and its lookup rows for
    /// the indexed names. Returns how many properties went.
    pub async fn delete_all(&self, actor_id: &str) -> Result<u64> {
        static OPERATION: Operation = Operation::new(TABLE, "delete_all");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            rules::identifier("actor id", actor_id)?;
            let indexed = rules::indexed_names(self.db.config());
            self.delete_with_lookups(actor_id, None, &indexed).await
        })
        .await
    }

    /// Adds the missing lookup rows for every indexed name, across all actors: for each value
    /// held by existing actors, the lowest actor id (bytewise) gets it unless a row exists
    /// already (first writer wins). Returns how many rows were added. Use it after data was
    /// written without lookup rows (the Python reference running with
    /// `USE_PROPERTY_LOOKUP_TABLE=false`, or rows written by hand); reverse lookups never scan
    /// the properties table. [`Store::import`](crate::Store::import) adds the rows of the
    /// values it imports by the same rule, without this pass over every property.
    pub async fn rebuild_lookup(&self) -> Result<u64> {
        static OPERATION: Operation = Operation::new(TABLE, "rebuild_lookup");
        telemetry::traced(self.db, &OPERATION, None, async {
            let names = rules::indexed_names(self.db.config());
            if names.is_empty() {
                return Ok(0);
            }
            let mut executor = self.db.executor().await?;
            let group = executor.atomic().await?;
            let values = lq::indexed_values_without_lookup()
                .params(&group, &lq::NamesParam { names: &names })
                .all()
                .await?;
            let pairs: Vec<(String, String)> =
                values.into_iter().map(|v| (v.name, v.value)).collect();
            let added = add_lookup_rows(&group, &pairs).await?;
            group.commit().await?;
            Ok(added.inserted)
        })
        .await
    }

    /// Runs a conditional `write` (whether it changed a row): one statement for a name that is
    /// not indexed; for an indexed name an atomic group of the write and, when it changed a
    /// row, the lookup maintenance `sync`.
    async fn conditional_write(
        &self,
        name: &str,
        write: impl AsyncFnOnce(&Executor<'_>) -> Result<bool>,
        sync: impl AsyncFnOnce(&Executor<'_>) -> Result<()>,
    ) -> Result<bool> {
        let mut executor = self.db.executor().await?;
        if !self.is_indexed(name) {
            return write(&executor).await;
        }
        let group = executor.atomic().await?;
        let changed = write(&group).await?;
        if changed {
            // On the heap, as a pipelined group of statements (see `set`).
            Box::pin(sync(&group)).await?;
        }
        group.commit().await?;
        Ok(changed)
    }

    /// Deletes the named properties (all when `names` is `None`) and releases the actor's
    /// lookup rows for `indexed` (each goes to a remaining holder of its value), in one
    /// transaction when there are lookup rows to release.
    async fn delete_with_lookups(
        &self,
        actor_id: &str,
        names: Option<&[&str]>,
        indexed: &[&str],
    ) -> Result<u64> {
        if indexed.is_empty() {
            let c = &self.db.executor().await?;
            return delete_properties(c, actor_id, names).await;
        }
        let mut executor = self.db.executor().await?;
        let group = executor.atomic().await?;
        let tx = &group;
        // The properties go first: a hand-over by another actor that chose this actor as the
        // heir holds its property row share-locked, and this delete waits for it to commit,
        // so that the release below (a later snapshot) sees the row it was handed.
        let deleted = match names {
            Some(names) => {
                let delete = q::delete_properties_named().prepare(tx).await?;
                let params = q::DeletePropertiesNamedParams { actor_id, names };
                let write = delete.params(tx, &params).one();
                Box::pin(release_lookups_after(tx, write, actor_id, indexed)).await?
            }
            None => {
                let delete = q::delete_all_properties().prepare(tx).await?;
                let params = q::ActorIdParam { actor_id };
                let write = delete.params(tx, &params).one();
                Box::pin(release_lookups_after(tx, write, actor_id, indexed)).await?
            }
        };
        group.commit().await?;
        Ok(row_count(deleted))
    }
}

/// Pairs of (indexed name, value) given to [`add_lookup_rows`] per statement.
const LOOKUP_PAIRS_PER_STATEMENT: usize = 5000;

/// What [`add_lookup_rows`] did.
#[derive(Debug, Default)]
pub(crate) struct AddedLookups {
    /// The pairs that an existing actor holds.
    pub(crate) candidates: u64,
    /// The lookup rows added (the others were there already).
    pub(crate) inserted: u64,
}

/// Adds the missing lookup rows of just these (indexed name, non-empty value) `pairs`: each to
/// the lowest actor id (bytewise) among the existing actors holding it, as a hand-over does,
/// unless a row holds the value already. Used by [`Properties::rebuild_lookup`] and after an
/// import (whose work then grows with the rows imported, not with the table).
pub(crate) async fn add_lookup_rows<C: GenericClient>(
    c: &C,
    pairs: &[(String, String)],
) -> Result<AddedLookups> {
    let mut added = AddedLookups::default();
    for chunk in pairs.chunks(LOOKUP_PAIRS_PER_STATEMENT) {
        let names: Vec<&str> = chunk.iter().map(|(name, _)| name.as_str()).collect();
        let vals: Vec<&str> = chunk.iter().map(|(_, value)| value.as_str()).collect();
        let counts = lq::add_property_lookups()
            .params(c, &lq::AddPropertyLookupsParams { names, vals })
            .one()
            .await?;
        added.candidates += row_count(counts.candidates);
        added.inserted += row_count(counts.inserted);
    }
    Ok(added)
}

/// Deletes the named properties of an actor, or all of them; returns the count.
async fn delete_properties<C: GenericClient>(
    c: &C,
    actor_id: &str,
    names: Option<&[&str]>,
) -> Result<u64> {
    let deleted = match names {
        Some(names) => {
            q::delete_properties_named()
                .params(c, &q::DeletePropertiesNamedParams { actor_id, names })
                .one()
                .await?
        }
        None => {
            q::delete_all_properties()
                .params(c, &q::ActorIdParam { actor_id })
                .one()
                .await?
        }
    };
    Ok(row_count(deleted))
}

/// Runs `write` and then makes the lookup table say `actor_id` holds `value` for `name`:
/// checks that the actor exists (and keeps it from being deleted until the transaction ends),
/// releases the actor's stale rows for the name (each goes to a remaining holder of its value,
/// see [`Properties::actor_id_by_value`]) and claims the value (first writer wins; an empty
/// value claims nothing). Every statement is prepared first; they are then sent together, in
/// that order, in one round trip, so the first failure is the one reported.
async fn sync_lookup_after<C: GenericClient, T>(
    c: &C,
    write: impl Future<Output = Result<T, tokio_postgres::Error>>,
    actor_id: &str,
    name: &str,
    value: &str,
) -> Result<T> {
    let actor = aq::lock_actor().prepare(c).await?;
    let lock = lq::lock_stale_lookups().prepare(c).await?;
    let release = lq::release_stale_lookups().prepare(c).await?;
    let claim = lq::claim_lookup().prepare(c).await?;
    let claim = async {
        if value.is_empty() {
            return Ok(None);
        }
        claim
            .params(
                c,
                &lq::ClaimLookupParams {
                    name,
                    value,
                    actor_id,
                },
            )
            .opt()
            .await
    };
    let key = aq::ActorIdParam { actor_id };
    let lock_params = lq::LockStaleLookupsParams {
        name,
        actor_id,
        value,
    };
    let release_params = lq::ReleaseStaleLookupsParams {
        name,
        actor_id,
        value,
    };
    let (written, present, _, released, owner) = futures::try_join!(
        write,
        actor.params(c, &key).opt(),
        lock.params(c, &lock_params).all(),
        release.params(c, &release_params).all(),
        claim,
    )?;
    if present.is_none() {
        return Err(Error::new(
            ErrorKind::NotFound,
            format!("referenced actor does not exist: {actor_id:?} (indexed property {name:?})"),
        ));
    }
    for row in released {
        trace_release(actor_id, name, row.heir.as_deref());
    }
    if !value.is_empty() {
        warn_if_claimed(actor_id, name, owner);
    }
    Ok(written)
}

/// Runs `write` (which gives up the actor's values of the indexed `names`) and then releases
/// the actor's lookup rows for them: each goes to a remaining holder of its value, see
/// [`Properties::actor_id_by_value`]. The statements are prepared before and sent together,
/// in that order.
async fn release_lookups_after<C: GenericClient, T>(
    c: &C,
    write: impl Future<Output = Result<T, tokio_postgres::Error>>,
    actor_id: &str,
    names: &[&str],
) -> Result<T> {
    let lock = lq::lock_actor_lookups_named().prepare(c).await?;
    let release = lq::release_actor_lookups_named().prepare(c).await?;
    let lock_params = lq::LockActorLookupsNamedParams { actor_id, names };
    let release_params = lq::ReleaseActorLookupsNamedParams { actor_id, names };
    let (written, _, released) = futures::try_join!(
        write,
        lock.params(c, &lock_params).all(),
        release.params(c, &release_params).all(),
    )?;
    for row in released {
        trace_release(actor_id, &row.property_name, row.heir.as_deref());
    }
    Ok(written)
}

/// Reports (at DEBUG) where a lookup row the actor gave up went.
fn trace_release(actor_id: &str, name: &str, heir: Option<&str>) {
    tracing::debug!(
        actor_id,
        property = name,
        heir = heir.unwrap_or("<none: row removed>"),
        "indexed value given up; lookup row handed to the remaining holder with the lowest id"
    );
}

/// The reference's `LOOKUP_CONFLICT` warning: the value stays with its first owner.
fn warn_if_claimed(actor_id: &str, name: &str, owner: Option<String>) {
    if owner.as_deref() != Some(actor_id) {
        tracing::warn!(
            actor_id,
            property = name,
            owner = owner.as_deref().unwrap_or("<concurrent writer>"),
            "LOOKUP_CONFLICT: indexed value already claimed by another actor; lookup unchanged"
        );
    }
}

fn check_key(actor_id: &str, name: &str) -> Result<()> {
    rules::identifier("actor id", actor_id)?;
    rules::name("property name", name)
}

fn check_range(actor_id: &str, lower: &str, upper: &str) -> Result<()> {
    rules::identifier("actor id", actor_id)?;
    rules::text("lower", lower)?;
    rules::text("upper", upper)
}
