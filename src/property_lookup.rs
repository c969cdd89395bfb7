//! The `property_lookup` table (reference `DbPropertyLookup`): indexed `(property name, value)`
//! to actor id, one owner per value.
//!
//! [`Properties`](crate::Properties) keeps this table in step by itself; these raw operations
//! exist for maintenance and for code that manages lookup rows directly.

use serde::{Deserialize, Serialize};

use crate::client::Params;
use crate::codegen::queries::property_lookup as lq;
use crate::error::Result;
use crate::executor::Db;
use crate::rules;
use crate::telemetry::{self, Operation};

/// The table of this module, in spans and metrics.
const TABLE: &str = "property_lookup";

/// A row of the lookup table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LookupEntry {
    /// The indexed property's name.
    pub name: String,
    /// The value.
    pub value: String,
    /// The actor the value belongs to.
    pub actor_id: String,
}

/// Raw operations on lookup rows; get one from
/// [`Store::property_lookup`](crate::Store::property_lookup).
pub struct PropertyLookup<'a> {
    db: Db<'a>,
}

impl<'a> PropertyLookup<'a> {
    pub(crate) fn new(db: Db<'a>) -> PropertyLookup<'a> {
        PropertyLookup { db }
    }

    /// The actor id stored for `(name, value)`, or `None` (the row as stored, not checked
    /// against the actor's current property value).
    pub async fn get(&self, name: &str, value: &str) -> Result<Option<String>> {
        static OPERATION: Operation = Operation::new(TABLE, "get");
        telemetry::traced(self.db, &OPERATION, None, async {
            check(name, value)?;
            let c = &self.db.reader().await?;
            Ok(lq::lookup_actor_id()
                .params(c, &lq::LookupActorIdParams { name, value })
                .opt()
                .await?)
        })
        .await
    }

    /// Records that `actor_id` holds `value` for `name`. Without `overwrite` the first owner
    /// keeps the value: returns `true` when the row is (now or already) this actor's, `false`
    /// when another actor holds it. With `overwrite` the row is given to `actor_id`. An actor
    /// that does not exist is an [`ErrorKind::NotFound`](crate::ErrorKind::NotFound).
    pub async fn create(
        &self,
        name: &str,
        value: &str,
        actor_id: &str,
        overwrite: bool,
    ) -> Result<bool> {
        static OPERATION: Operation = Operation::new(TABLE, "create");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            check(name, value)?;
            rules::identifier("actor id", actor_id)?;
            let c = &self.db.executor().await?;
            let owner = if overwrite {
                lq::upsert_lookup()
                    .params(
                        c,
                        &lq::UpsertLookupParams {
                            name,
                            value,
                            actor_id,
                        },
                    )
                    .opt()
                    .await?
            } else {
                lq::claim_lookup()
                    .params(
                        c,
                        &lq::ClaimLookupParams {
                            name,
                            value,
                            actor_id,
                        },
                    )
                    .opt()
                    .await?
            };
            Ok(owner.as_deref() == Some(actor_id))
        })
        .await
    }

    /// Every row of the table, in no particular order: for tools that compare the table with
    /// another copy of it.
    pub async fn list(&self) -> Result<Vec<LookupEntry>> {
        static OPERATION: Operation = Operation::new(TABLE, "list");
        telemetry::traced(self.db, &OPERATION, None, async {
            let c = &self.db.reader().await?;
            Ok(lq::all_lookups()
                .bind(c)
                .map(|row| LookupEntry {
                    name: row.property_name.into(),
                    value: row.value.into(),
                    actor_id: row.actor_id.into(),
                })
                .all()
                .await?)
        })
        .await
    }

    /// Deletes the row for `(name, value)`, whoever owns it. Returns whether it existed.
    pub async fn delete(&self, name: &str, value: &str) -> Result<bool> {
        static OPERATION: Operation = Operation::new(TABLE, "delete");
        telemetry::traced(self.db, &OPERATION, None, async {
            check(name, value)?;
            let c = &self.db.executor().await?;
            Ok(lq::delete_lookup()
                .params(c, &lq::DeleteLookupParams { name, value })
                .opt()
                .await?
                .is_some())
        })
        .await
    }
}

fn check(name: &str, value: &str) -> Result<()> {
    rules::identifier("property name", name)?;
    rules::text("value", value)?;
    if value.is_empty() {
        return Err(crate::Error::invalid("value", "must not be empty"));
    }
    Ok(())
}
