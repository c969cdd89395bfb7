//! `subscription_diffs.json`: the entity's [`SubscriptionDiff`] rows; the key column
//! `subid_seqnr` is rebuilt from its parts (the file's `subid_seqnr` is ignored).

use serde::Deserialize;
use serde_json::Value;

use super::fields::{Field, int32_field, required_text, required_time, text_field};
use super::table::{Each, Table, column, for_each_row, inserted_unless_ambiguous, ords};
use crate::client::async_::Params;
use crate::codegen::queries::subscription_diffs as q;
use crate::error::Result;
use crate::executor::{Executor, row_count};
use crate::rules;
use crate::subscription_diffs::SubscriptionDiff;

/// A record as the file holds it.
#[derive(Deserialize)]
#[serde(expecting = "a JSON object")]
pub(super) struct DiffJson {
    id: Option<Value>,
    subid: Option<Value>,
    timestamp: Option<Value>,
    diff: Option<Value>,
    seqnr: Option<Value>,
}

/// The key column `subid_seqnr` of a record.
fn subid_seqnr(row: &SubscriptionDiff) -> String {
    rules::join_key(&row.subid, &row.seqnr.to_string())
}

impl Table for SubscriptionDiff {
    const NAME: &'static str = "subscription_diffs";
    type Json = DiffJson;

    fn from_json(json: DiffJson) -> Result<SubscriptionDiff> {
        let id = required_text("id", json.id)?;
        let subid = required_text("subid", json.subid)?;
        let seqnr = int32_field("seqnr", json.seqnr)?;
        rules::identifier("id", &id)?;
        rules::identifier("subid", &subid)?;
        let diff = text_field("diff", json.diff)?.unwrap_or_default();
        rules::text("diff", &diff)?;
        rules::composite_key("subid_seqnr", &subid, &seqnr.to_string())?;
        Ok(SubscriptionDiff {
            id,
            subid,
            timestamp: required_time("timestamp", json.timestamp)?,
            diff,
            seqnr,
        })
    }

    fn key(&self) -> Vec<String> {
        vec![self.id.clone(), self.subid.clone(), self.seqnr.to_string()]
    }

    fn fields(&self) -> Vec<(&'static str, Field<'_>)> {
        vec![
            ("id", Field::Text(Some(&self.id))),
            ("subid", Field::Text(Some(&self.subid))),
            ("timestamp", Field::Time(Some(self.timestamp))),
            ("diff", Field::Text(Some(&self.diff))),
            ("seqnr", Field::Int(Some(self.seqnr.into()))),
        ]
    }

    async fn export(tx: &Executor<'_>, each: &mut Each<'_, Self>) -> Result<()> {
        let stmt = q::export_subscription_diffs();
        for_each_row(stmt.bind(tx).iter().await?, each).await
    }

    async fn insert(tx: &Executor<'_>, first: u64, rows: &[Self]) -> Result<u64> {
        let params = q::ImportSubscriptionDiffsParams {
            ords: ords(first, rows.len()),
            actor_ids: column(rows, |r| r.id.as_str()),
            subid_seqnrs: column(rows, subid_seqnr),
            subids: column(rows, |r| r.subid.as_str()),
            timestamps: column(rows, |r| r.timestamp.naive_utc()),
            diffs: column(rows, |r| r.diff.as_str()),
            seqnrs: column(rows, |r| r.seqnr),
        };
        let outcome = q::import_subscription_diffs()
            .params(tx, &params)
            .one()
            .await?;
        inserted_unless_ambiguous(first, rows, outcome.inserted, outcome.ambiguous, |r| {
            rules::ambiguous_key(
                "subid_seqnr",
                &subid_seqnr(r),
                format_args!("subid {:?} and seqnr {}", r.subid, r.seqnr),
            )
        })
    }

    async fn missing(tx: &Executor<'_>, first: u64, rows: &[Self]) -> Result<Vec<i64>> {
        let params = q::MissingSubscriptionDiffsParams {
            ords: ords(first, rows.len()),
            actor_ids: column(rows, |r| r.id.as_str()),
            subid_seqnrs: column(rows, subid_seqnr),
            subids: column(rows, |r| r.subid.as_str()),
            seqnrs: column(rows, |r| r.seqnr),
        };
        Ok(q::missing_subscription_diffs()
            .params(tx, &params)
            .all()
            .await?)
    }

    async fn delete(tx: &Executor<'_>, rows: &[&Self]) -> Result<u64> {
        let params = q::DeleteSubscriptionDiffRowsParams {
            actor_ids: column(rows, |r| r.id.as_str()),
            subid_seqnrs: column(rows, |r| subid_seqnr(r)),
        };
        Ok(row_count(
            q::delete_subscription_diff_rows()
                .params(tx, &params)
                .one()
                .await?,
        ))
    }

    async fn stored(tx: &Executor<'_>, rows: &[&Self]) -> Result<Vec<Self>> {
        let params = q::StoredSubscriptionDiffsParams {
            actor_ids: column(rows, |r| r.id.as_str()),
            subid_seqnrs: column(rows, |r| subid_seqnr(r)),
            subids: column(rows, |r| r.subid.as_str()),
            seqnrs: column(rows, |r| r.seqnr),
        };
        let rows = q::stored_subscription_diffs()
            .params(tx, &params)
            .all()
            .await?;
        Ok(rows.into_iter().map(SubscriptionDiff::from).collect())
    }
}
