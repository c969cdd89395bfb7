//! Properties: the `properties` table (reference `DbProperty`, `DbPropertyList`).
//!
//! Values are opaque text. For an *indexed* name (see [`Config`](crate::Config); never a
//! `list:` name) every write keeps the `property_lookup` table in step **in the same
//! transaction**: the actor's stale lookup rows for the name are removed and the new value is
//! claimed, first writer wins. A write that cannot be completed writes nothing and returns the
//! error. The conditional and batch primitives maintain the lookup table too (the reference
//! leaves it stale).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use crate::client::async_::GenericClient;
use crate::codegen::queries::actors as aq;
use crate::codegen::queries::properties as q;
use crate::codegen::queries::property_lookup as lq;
use crate::encoding::property_text;
use crate::error::{Error, ErrorKind, Result};
use crate::{Conn, in_transaction, validate, with_client};

/// A conditional write (`$write`, a `bool`: whether it changed a row): one statement on a
/// pooled connection for a name that is not indexed; for an indexed name it runs in a
/// transaction followed by `$sync` (the lookup maintenance) when it changed a row.
macro_rules! conditional_write {
    ($self:ident, $name:expr, |$c:ident| $write:expr, |$tx:ident| $sync:expr) => {
        if !$self.is_indexed($name) {
            with_client!($self.conn, |$c| Ok($write))
        } else {
            Ok(in_transaction!($self.conn, |$c| {
                let changed = $write;
                if changed {
                    let $tx = $c;
                    $sync;
                }
                changed
            }))
        }
    };
}

/// Operations on properties; get one from [`Store::properties`](crate::Store::properties).
pub struct Properties<'a> {
    conn: Conn<'a>,
}

impl<'a> Properties<'a> {
    pub(crate) fn new(conn: Conn<'a>) -> Properties<'a> {
        Properties { conn }
    }

    /// Whether writes of `name` maintain the lookup table.
    pub fn is_indexed(&self, name: &str) -> bool {
        let config = self.conn.config();
        config.use_lookup_table
            && !name.starts_with("list:")
            && config.indexed_properties.iter().any(|n| n == name)
    }

    /// The stored text of a property, or `None`.
    pub async fn get(&self, actor_id: &str, name: &str) -> Result<Option<String>> {
        check_key(actor_id, name)?;
        with_client!(self.conn, |c| Ok(q::property_value()
            .prepare(c)
            .await?
            .bind(c, &actor_id, &name)
            .opt()
            .await?))
    }

    /// Stores `value` verbatim. An empty value deletes the property, as in the reference.
    pub async fn set(&self, actor_id: &str, name: &str, value: &str) -> Result<()> {
        check_key(actor_id, name)?;
        validate::text("value", value)?;
        if value.is_empty() {
            self.delete(actor_id, name).await?;
            return Ok(());
        }
        if !self.is_indexed(name) {
            return with_client!(self.conn, |c| {
                q::upsert_property()
                    .prepare(c)
                    .await?
                    .bind(c, &actor_id, &name, &value)
                    .one()
                    .await?;
                Ok(())
            });
        }
        in_transaction!(self.conn, |tx| {
            let upsert = q::upsert_property().prepare(tx).await?;
            let write = upsert.bind(tx, &actor_id, &name, &value).one();
            sync_lookup_after(tx, write, actor_id, name, value).await?;
        });
        Ok(())
    }

    /// Stores a JSON value as the reference does: a string verbatim, anything else as the
    /// exact text of Python's `json.dumps` (see [`python_json`](crate::python_json)). `null`
    /// and `""` delete the property.
    pub async fn set_json(&self, actor_id: &str, name: &str, value: &Value) -> Result<()> {
        match property_text(value) {
            Some(text) => self.set(actor_id, name, &text).await,
            None => self.delete(actor_id, name).await.map(drop),
        }
    }

    /// Deletes a property (and its lookup row). Returns whether it existed.
    pub async fn delete(&self, actor_id: &str, name: &str) -> Result<bool> {
        check_key(actor_id, name)?;
        let names = [name];
        let indexed: &[&str] = if self.is_indexed(name) { &names } else { &[] };
        Ok(self
            .delete_with_lookups(actor_id, Some(&names), indexed)
            .await?
            > 0)
    }

    /// The actor that holds `value` for the indexed property `name`, or `None`.
    ///
    /// In lookup-table mode (the default) this is one index probe, and a lookup row counts
    /// only while its actor still holds exactly that value; a name that is not indexed is an
    /// [`ErrorKind::InvalidInput`]. With the lookup table
    /// turned off it scans the properties table for the name and value.
    pub async fn actor_id_by_value(&self, name: &str, value: &str) -> Result<Option<String>> {
        validate::name("property name", name)?;
        validate::text("value", value)?;
        if !self.conn.config().use_lookup_table {
            return with_client!(self.conn, |c| Ok(q::actor_id_by_property_scan()
                .prepare(c)
                .await?
                .bind(c, &name, &value)
                .opt()
                .await?));
        }
        if !self.is_indexed(name) {
            return Err(Error::invalid(
                "property name",
                format!("{name:?} is not an indexed property"),
            ));
        }
        with_client!(self.conn, |c| Ok(lq::lookup_actor_id_verified()
            .prepare(c)
            .await?
            .bind(c, &name, &value)
            .opt()
            .await?))
    }

    /// The properties whose names lie in `lower..=upper`, compared bytewise.
    pub async fn get_range(
        &self,
        actor_id: &str,
        lower: &str,
        upper: &str,
    ) -> Result<BTreeMap<String, String>> {
        check_range(actor_id, lower, upper)?;
        let rows = with_client!(self.conn, |c| q::properties_in_range()
            .prepare(c)
            .await?
            .bind(c, &actor_id, &lower, &upper)
            .all()
            .await?);
        Ok(rows.into_iter().map(|r| (r.name, r.value)).collect())
    }

    /// The names in `lower..=upper`, compared bytewise (the reference's `keys_only` range).
    pub async fn names_in_range(
        &self,
        actor_id: &str,
        lower: &str,
        upper: &str,
    ) -> Result<BTreeSet<String>> {
        check_range(actor_id, lower, upper)?;
        let names = with_client!(self.conn, |c| q::property_names_in_range()
            .prepare(c)
            .await?
            .bind(c, &actor_id, &lower, &upper)
            .all()
            .await?);
        Ok(names.into_iter().collect())
    }

    /// The bytewise greatest name in `lower..=upper`, or `None`.
    pub async fn get_last_in_range(
        &self,
        actor_id: &str,
        lower: &str,
        upper: &str,
    ) -> Result<Option<String>> {
        check_range(actor_id, lower, upper)?;
        with_client!(self.conn, |c| Ok(q::last_property_name_in_range()
            .prepare(c)
            .await?
            .bind(c, &actor_id, &lower, &upper)
            .opt()
            .await?))
    }

    /// Creates the property unless it exists. Returns `false`, changing nothing, when it does.
    pub async fn create_if_not_exists(
        &self,
        actor_id: &str,
        name: &str,
        value: &str,
    ) -> Result<bool> {
        check_key(actor_id, name)?;
        validate::text("value", value)?;
        if value.is_empty() {
            return Err(Error::invalid("value", "must not be empty"));
        }
        conditional_write!(
            self,
            name,
            |c| q::insert_property_if_absent()
                .prepare(c)
                .await?
                .bind(c, &actor_id, &name, &value)
                .opt()
                .await?
                .is_some(),
            |tx| sync_lookup_after(tx, std::future::ready(Ok(())), actor_id, name, value).await?
        )
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
        check_key(actor_id, name)?;
        validate::text("expected", expected)?;
        validate::text("value", value)?;
        conditional_write!(
            self,
            name,
            |c| q::update_property_if_value()
                .prepare(c)
                .await?
                .bind(c, &value, &actor_id, &name, &expected)
                .opt()
                .await?
                .is_some(),
            |tx| sync_lookup_after(tx, std::future::ready(Ok(())), actor_id, name, value).await?
        )
    }

    /// Deletes the property only if its stored text equals `value`. Returns whether it did.
    pub async fn delete_if_value_equals(
        &self,
        actor_id: &str,
        name: &str,
        value: &str,
    ) -> Result<bool> {
        check_key(actor_id, name)?;
        validate::text("value", value)?;
        conditional_write!(
            self,
            name,
            |c| q::delete_property_if_value()
                .prepare(c)
                .await?
                .bind(c, &actor_id, &name, &value)
                .opt()
                .await?
                .is_some(),
            |tx| {
                let names: &[&str] = &[name];
                lq::delete_actor_lookups_named()
                    .prepare(tx)
                    .await?
                    .bind(tx, &actor_id, &names)
                    .all()
                    .await?
            }
        )
    }

    /// Deletes the named properties; unknown names are ignored. Returns how many rows went.
    pub async fn batch_delete(&self, actor_id: &str, names: &[&str]) -> Result<u64> {
        validate::identifier("actor id", actor_id)?;
        for name in names {
            validate::name("property name", name)?;
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
    }

    /// The actor's properties except list rows (`list:` names), by name. Empty when none.
    pub async fn fetch(&self, actor_id: &str) -> Result<BTreeMap<String, String>> {
        validate::identifier("actor id", actor_id)?;
        let rows = with_client!(self.conn, |c| q::plain_properties()
            .prepare(c)
            .await?
            .bind(c, &actor_id)
            .all()
            .await?);
        Ok(rows.into_iter().map(|r| (r.name, r.value)).collect())
    }

    /// All of the actor's properties, list rows included, by name. Empty when none.
    pub async fn fetch_all_including_lists(
        &self,
        actor_id: &str,
    ) -> Result<BTreeMap<String, String>> {
        validate::identifier("actor id", actor_id)?;
        let rows = with_client!(self.conn, |c| q::all_properties()
            .prepare(c)
            .await?
            .bind(c, &actor_id)
            .all()
            .await?);
        Ok(rows.into_iter().map(|r| (r.name, r.value)).collect())
    }

    /// Deletes all of the actor's properties (list rows included) and its lookup rows for
    /// the indexed names. Returns how many properties went.
    pub async fn delete_all(&self, actor_id: &str) -> Result<u64> {
        validate::identifier("actor id", actor_id)?;
        let config = self.conn.config();
        let indexed: Vec<&str> = if config.use_lookup_table {
            config
                .indexed_properties
                .iter()
                .map(String::as_str)
                .collect()
        } else {
            Vec::new()
        };
        self.delete_with_lookups(actor_id, None, &indexed).await
    }

    /// Adds the missing lookup rows for every indexed name, across all actors: for each value
    /// held by existing actors, the lowest actor id (bytewise) gets it unless a row exists
    /// already (first writer wins). Returns how many rows were added. Use it after data was
    /// written without lookup rows (a bulk import, or the Python reference running with
    /// `USE_PROPERTY_LOOKUP_TABLE=false`); reverse lookups never scan the properties table.
    pub async fn rebuild_lookup(&self) -> Result<u64> {
        let names = indexed_names(self.conn.config());
        if names.is_empty() {
            return Ok(0);
        }
        let rebuilt = with_client!(self.conn, |c| rebuild_lookup_rows(c, &names).await?);
        Ok(u64::try_from(rebuilt.inserted).expect("count(*) is not negative"))
    }

    /// Deletes the named properties (all when `names` is `None`) and the actor's lookup rows
    /// for `indexed`, in one transaction when there are lookup rows to remove.
    async fn delete_with_lookups(
        &self,
        actor_id: &str,
        names: Option<&[&str]>,
        indexed: &[&str],
    ) -> Result<u64> {
        if indexed.is_empty() {
            return with_client!(self.conn, |c| delete_properties(c, actor_id, names).await);
        }
        let deleted = in_transaction!(self.conn, |tx| {
            let unlookup = lq::delete_actor_lookups_named().prepare(tx).await?;
            let (deleted, _) = futures::try_join!(delete_properties(tx, actor_id, names), async {
                Ok(unlookup.bind(tx, &actor_id, &indexed).all().await?)
            },)?;
            deleted
        });
        Ok(deleted)
    }
}

/// The names whose values the lookup table holds (none with the lookup table off; never a
/// `list:` name).
pub(crate) fn indexed_names(config: &crate::Config) -> Vec<&str> {
    if !config.use_lookup_table {
        return Vec::new();
    }
    config
        .indexed_properties
        .iter()
        .map(String::as_str)
        .filter(|name| !name.starts_with("list:"))
        .collect()
}

/// Adds the missing lookup rows for `names` across all actors (one statement; see
/// [`Properties::rebuild_lookup`]); returns the (name, value) pairs found and the rows added.
pub(crate) async fn rebuild_lookup_rows<C: GenericClient>(
    c: &C,
    names: &[&str],
) -> Result<lq::RebuildPropertyLookup> {
    Ok(lq::rebuild_property_lookup()
        .prepare(c)
        .await?
        .bind(c, &names)
        .one()
        .await?)
}

/// Deletes the named properties of an actor, or all of them; returns the count.
async fn delete_properties<C: GenericClient>(
    c: &C,
    actor_id: &str,
    names: Option<&[&str]>,
) -> Result<u64> {
    let gone = match names {
        Some(names) => {
            q::delete_properties_named()
                .prepare(c)
                .await?
                .bind(c, &actor_id, &names)
                .all()
                .await?
        }
        None => {
            q::delete_all_properties()
                .prepare(c)
                .await?
                .bind(c, &actor_id)
                .all()
                .await?
        }
    };
    Ok(gone.len() as u64)
}

/// Runs `write` and then makes the lookup table say `actor_id` holds `value` for `name`:
/// checks that the actor exists (and keeps it from being deleted until the transaction ends),
/// removes the actor's stale rows for the name and claims the value (first writer wins; an
/// empty value claims nothing). The statements are sent together, in that order, in one round
/// trip.
async fn sync_lookup_after<C: GenericClient, T>(
    c: &C,
    write: impl Future<Output = Result<T, tokio_postgres::Error>>,
    actor_id: &str,
    name: &str,
    value: &str,
) -> Result<T> {
    let actor = aq::lock_actor().prepare(c).await?;
    let stale = lq::delete_stale_lookups().prepare(c).await?;
    let claim = lq::claim_lookup().prepare(c).await?;
    let claim = async {
        if value.is_empty() {
            return Ok(None);
        }
        claim.bind(c, &name, &value, &actor_id).opt().await
    };
    let (written, present, _, owner) = futures::try_join!(
        write,
        actor.bind(c, &actor_id).opt(),
        stale.bind(c, &name, &actor_id, &value).all(),
        claim,
    )?;
    if present.is_none() {
        return Err(Error::new(
            ErrorKind::NotFound,
            format!("referenced actor does not exist: {actor_id:?} (indexed property {name:?})"),
        ));
    }
    if !value.is_empty() {
        warn_if_claimed(actor_id, name, owner);
    }
    Ok(written)
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
    validate::identifier("actor id", actor_id)?;
    validate::name("property name", name)
}

fn check_range(actor_id: &str, lower: &str, upper: &str) -> Result<()> {
    validate::identifier("actor id", actor_id)?;
    validate::text("lower", lower)?;
    validate::text("upper", upper)
}
