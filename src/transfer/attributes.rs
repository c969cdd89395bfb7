//! `attributes.json`: the rows of the transfer queries ([`AttributeTransfer`]), whose `data`
//! is the jsonb text, copied verbatim both ways (the entity's `Attribute` holds no key and
//! parsed JSON, which would not keep numbers such as `1.50` as they are written).

use serde::Deserialize;
use serde_json::Value;
use serde_json::value::RawValue;

use super::fields::{Field, StorableJson, int_field, required_text, time_field};
use super::table::{Each, Table, column, for_each_row, inserted_unless_ambiguous, ords};
use crate::client::async_::Params;
use crate::codegen::queries::attributes::{self as q, AttributeTransfer};
use crate::error::Result;
use crate::executor::{Executor, row_count};
use crate::rules;

/// A record as the file holds it.
#[derive(Deserialize)]
#[serde(expecting = "a JSON object")]
pub(super) struct AttributeJson {
    id: Option<Value>,
    bucket: Option<Value>,
    name: Option<Value>,
    data: Option<Box<RawValue>>,
    timestamp: Option<Value>,
    ttl_timestamp: Option<Value>,
}

/// The key column `bucket_name` of a record.
fn bucket_name(row: &AttributeTransfer) -> String {
    rules::join_key(&row.bucket, &row.name)
}

impl Table for AttributeTransfer {
    const NAME: &'static str = "attributes";
    type Json = AttributeJson;

    fn from_json(json: AttributeJson) -> Result<AttributeTransfer> {
        let id = required_text("id", json.id)?;
        let bucket = required_text("bucket", json.bucket)?;
        let name = required_text("name", json.name)?;
        rules::identifier("id", &id)?;
        rules::identifier("bucket", &bucket)?;
        rules::identifier("name", &name)?;
        if let Some(data) = &json.data {
            StorableJson::check("data", data)?;
        }
        rules::composite_key("bucket_name", &bucket, &name)?;
        Ok(AttributeTransfer {
            id,
            bucket,
            name,
            data: json.data.map(|raw| Box::<str>::from(raw).into()),
            timestamp: time_field("timestamp", json.timestamp)?.map(|t| t.naive_utc()),
            ttl_timestamp: int_field("ttl_timestamp", json.ttl_timestamp)?,
        })
    }

    fn key(&self) -> Vec<String> {
        vec![self.id.clone(), self.bucket.clone(), self.name.clone()]
    }

    fn fields(&self) -> Vec<(&'static str, Field<'_>)> {
        vec![
            ("id", Field::Text(Some(&self.id))),
            ("bucket", Field::Text(Some(&self.bucket))),
            ("name", Field::Text(Some(&self.name))),
            ("data", Field::Json(self.data.as_deref())),
            (
                "timestamp",
                Field::Time(self.timestamp.map(|t| t.and_utc())),
            ),
            ("ttl_timestamp", Field::Int(self.ttl_timestamp)),
        ]
    }

    async fn export(tx: &Executor<'_>, each: &mut Each<'_, Self>) -> Result<()> {
        let stmt = q::export_attributes();
        for_each_row(stmt.bind(tx).iter().await?, each).await
    }

    async fn insert(tx: &Executor<'_>, first: u64, rows: &[Self]) -> Result<u64> {
        let params = q::ImportAttributesParams {
            ords: ords(first, rows.len()),
            actor_ids: column(rows, |r| r.id.as_str()),
            bucket_names: column(rows, bucket_name),
            buckets: column(rows, |r| r.bucket.as_str()),
            names: column(rows, |r| r.name.as_str()),
            datas: column(rows, |r| r.data.as_deref()),
            timestamps: column(rows, |r| r.timestamp),
            ttl_timestamps: column(rows, |r| r.ttl_timestamp),
        };
        let outcome = q::import_attributes().params(tx, &params).one().await?;
        inserted_unless_ambiguous(first, rows, outcome.inserted, outcome.ambiguous, |r| {
            rules::ambiguous_key(
                "bucket_name",
                &bucket_name(r),
                format_args!("bucket {:?} and name {:?}", r.bucket, r.name),
            )
        })
    }

    async fn missing(tx: &Executor<'_>, first: u64, rows: &[Self]) -> Result<Vec<i64>> {
        let params = q::MissingAttributesParams {
            ords: ords(first, rows.len()),
            actor_ids: column(rows, |r| r.id.as_str()),
            bucket_names: column(rows, bucket_name),
            buckets: column(rows, |r| r.bucket.as_str()),
            names: column(rows, |r| r.name.as_str()),
        };
        Ok(q::missing_attributes().params(tx, &params).all().await?)
    }

    async fn delete(tx: &Executor<'_>, rows: &[&Self]) -> Result<u64> {
        let params = q::DeleteAttributeRowsParams {
            actor_ids: column(rows, |r| r.id.as_str()),
            bucket_names: column(rows, |r| bucket_name(r)),
        };
        Ok(row_count(
            q::delete_attribute_rows().params(tx, &params).one().await?,
        ))
    }

    async fn stored(tx: &Executor<'_>, rows: &[&Self]) -> Result<Vec<Self>> {
        let params = q::StoredAttributesParams {
            actor_ids: column(rows, |r| r.id.as_str()),
            bucket_names: column(rows, |r| bucket_name(r)),
            buckets: column(rows, |r| r.bucket.as_str()),
            names: column(rows, |r| r.name.as_str()),
        };
        Ok(q::stored_attributes().params(tx, &params).all().await?)
    }

    /// jsonb reorders keys and respaces: compare the data as the database stores it.
    async fn canonicalize(tx: &Executor<'_>, records: &mut [(u64, Self)]) -> Result<()> {
        let params = q::CanonicalJsonbParams {
            texts: column(records, |(_, r)| r.data.as_deref()),
        };
        let canonical = q::canonical_jsonb().params(tx, &params).all().await?;
        for ((_, record), text) in records.iter_mut().zip(canonical) {
            record.data = text;
        }
        Ok(())
    }
}
