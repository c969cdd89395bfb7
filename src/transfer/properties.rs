//! `properties.json`: the rows of the transfer queries ([`PropertyTransfer`]); the entity
//! module reads properties as name-value maps, without a row type. In the transaction of
//! `properties`, an import adds the `property_lookup` rows of the indexed values its records'
//! keys hold (inserted, or stored before), and of no other values.

use serde::Deserialize;
use serde_json::Value;

use super::fields::{Field, required_text, text_field};
use super::table::{Each, IndexedValues, Table, column, for_each_row, ords};
use super::{ImportedTable, TransferProgress};
use crate::client::async_::Params;
use crate::codegen::queries::properties::{self as q, PropertyTransfer};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::executor::{Executor, row_count};
use crate::rules;

/// A record as the file holds it.
#[derive(Deserialize)]
#[serde(expecting = "a JSON object")]
pub(super) struct PropertyJson {
    id: Option<Value>,
    name: Option<Value>,
    value: Option<Value>,
}

impl Table for PropertyTransfer {
    const NAME: &'static str = "properties";
    type Json = PropertyJson;

    fn from_json(json: PropertyJson) -> Result<PropertyTransfer> {
        let property = PropertyTransfer {
            id: required_text("id", json.id)?,
            name: required_text("name", json.name)?,
            value: text_field("value", json.value)?.unwrap_or_default(),
        };
        rules::identifier("id", &property.id)?;
        rules::name("name", &property.name)?;
        rules::text("value", &property.value)?;
        Ok(property)
    }

    fn key(&self) -> Vec<String> {
        vec![self.id.clone(), self.name.clone()]
    }

    fn fields(&self) -> Vec<(&'static str, Field<'_>)> {
        vec![
            ("id", Field::Text(Some(&self.id))),
            ("name", Field::Text(Some(&self.name))),
            ("value", Field::Text(Some(&self.value))),
        ]
    }

    async fn export(tx: &Executor<'_>, each: &mut Each<'_, Self>) -> Result<()> {
        let stmt = q::export_properties();
        for_each_row(stmt.bind(tx).iter().await?, each).await
    }

    async fn insert(tx: &Executor<'_>, _first: u64, rows: &[Self]) -> Result<u64> {
        let params = q::ImportPropertiesParams {
            actor_ids: column(rows, |r| r.id.as_str()),
            names: column(rows, |r| r.name.as_str()),
            vals: column(rows, |r| r.value.as_str()),
        };
        Ok(row_count(
            q::import_properties().params(tx, &params).one().await?,
        ))
    }

    async fn missing(tx: &Executor<'_>, first: u64, rows: &[Self]) -> Result<Vec<i64>> {
        let params = q::MissingPropertiesParams {
            ords: ords(first, rows.len()),
            actor_ids: column(rows, |r| r.id.as_str()),
            names: column(rows, |r| r.name.as_str()),
        };
        Ok(q::missing_properties().params(tx, &params).all().await?)
    }

    async fn delete(tx: &Executor<'_>, rows: &[&Self]) -> Result<u64> {
        let params = q::DeletePropertyRowsParams {
            actor_ids: column(rows, |r| r.id.as_str()),
            names: column(rows, |r| r.name.as_str()),
        };
        Ok(row_count(
            q::delete_property_rows().params(tx, &params).one().await?,
        ))
    }

    async fn stored(tx: &Executor<'_>, rows: &[&Self]) -> Result<Vec<Self>> {
        let params = q::StoredPropertiesParams {
            actor_ids: column(rows, |r| r.id.as_str()),
            names: column(rows, |r| r.name.as_str()),
        };
        Ok(q::stored_properties().params(tx, &params).all().await?)
    }

    /// The stored values of the records with an indexed name: inserted by this batch or, for
    /// a key stored before, the stored one (the lookup follows the stored value).
    async fn note_indexed_values(
        tx: &Executor<'_>,
        config: &Config,
        rows: &[Self],
        values: &mut IndexedValues,
    ) -> Result<()> {
        let indexed: Vec<&Self> = rows
            .iter()
            .filter(|r| rules::is_indexed(config, &r.name))
            .collect();
        if !indexed.is_empty() {
            let stored = Self::stored(tx, &indexed).await?;
            values.extend(
                stored
                    .into_iter()
                    .filter(|p| !p.value.is_empty())
                    .map(|p| (p.name, p.value)),
            );
        }
        Ok(())
    }

    /// Adds the missing `property_lookup` rows of the noted `values`, and no others.
    async fn after_import(
        tx: &Executor<'_>,
        config: &Config,
        values: IndexedValues,
        progress: &dyn TransferProgress,
    ) -> Result<Option<ImportedTable>> {
        let names = rules::indexed_names(config);
        let mut lookup = ImportedTable {
            table: "property_lookup".into(),
            file: None,
            rows_read: 0,
            inserted: 0,
            already_present: 0,
            updated: 0,
            deleted: 0,
            note: Some("lookup table not used; not rebuilt".into()),
        };
        if !names.is_empty() {
            progress.table_started("property_lookup", None);
            let pairs: Vec<(String, String)> = values.into_iter().collect();
            // An indexed value too large for the lookup index fails here; say where.
            let added = crate::properties::add_lookup_rows(tx, &pairs)
                .await
                .map_err(|e| Error::new(e.kind(), format!("rebuilding property_lookup: {e}")))?;
            lookup.rows_read = added.candidates;
            lookup.inserted = added.inserted;
            progress.rows_done("property_lookup", lookup.rows_read, None);
            lookup.already_present = lookup.rows_read - lookup.inserted;
            lookup.note = Some(format!("rebuilt for {}", names.join(", ")));
            progress.table_finished("property_lookup");
        }
        Ok(Some(lookup))
    }
}
