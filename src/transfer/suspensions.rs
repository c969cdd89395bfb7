//! `subscription_suspensions.json`: the rows of the transfer queries ([`SuspensionTransfer`]),
//! with the actor id and the subtarget as stored (`""` for the whole target); the entity's
//! `Suspension` has neither.

use chrono::Utc;
use serde::Deserialize;
use serde_json::Value;

use super::fields::{Field, required_text, required_time, text_field};
use super::table::{Each, Table, column, for_each_row, ords};
use crate::client::async_::Params;
use crate::codegen::queries::subscription_suspensions::{self as q, SuspensionTransfer};
use crate::error::Result;
use crate::executor::{Executor, row_count};
use crate::rules;
use crate::suspensions::check_target;

/// A record as the file holds it.
#[derive(Deserialize)]
#[serde(expecting = "a JSON object")]
pub(super) struct SuspensionJson {
    id: Option<Value>,
    target: Option<Value>,
    subtarget: Option<Value>,
    suspended_at: Option<Value>,
}

impl Table for SuspensionTransfer {
    const NAME: &'static str = "subscription_suspensions";
    type Json = SuspensionJson;

    fn from_json(json: SuspensionJson) -> Result<SuspensionTransfer> {
        let suspension = SuspensionTransfer {
            id: required_text("id", json.id)?,
            target: required_text("target", json.target)?,
            // The whole target, as the entity API stores `None`.
            subtarget: text_field("subtarget", json.subtarget)?.unwrap_or_default(),
            suspended_at: required_time("suspended_at", json.suspended_at)?.fixed_offset(),
        };
        rules::identifier("id", &suspension.id)?;
        check_target(&suspension.target, &suspension.subtarget)?;
        Ok(suspension)
    }

    fn key(&self) -> Vec<String> {
        vec![self.id.clone(), self.target.clone(), self.subtarget.clone()]
    }

    fn fields(&self) -> Vec<(&'static str, Field<'_>)> {
        vec![
            ("id", Field::Text(Some(&self.id))),
            ("target", Field::Text(Some(&self.target))),
            ("subtarget", Field::Text(Some(&self.subtarget))),
            (
                "suspended_at",
                Field::Time(Some(self.suspended_at.with_timezone(&Utc))),
            ),
        ]
    }

    async fn export(tx: &Executor<'_>, each: &mut Each<'_, Self>) -> Result<()> {
        let stmt = q::export_subscription_suspensions();
        for_each_row(stmt.bind(tx).iter().await?, each).await
    }

    async fn insert(tx: &Executor<'_>, _first: u64, rows: &[Self]) -> Result<u64> {
        let params = q::ImportSubscriptionSuspensionsParams {
            actor_ids: column(rows, |r| r.id.as_str()),
            targets: column(rows, |r| r.target.as_str()),
            subtargets: column(rows, |r| r.subtarget.as_str()),
            suspended_ats: column(rows, |r| r.suspended_at),
        };
        let inserted = q::import_subscription_suspensions()
            .params(tx, &params)
            .one()
            .await?;
        Ok(row_count(inserted))
    }

    async fn missing(tx: &Executor<'_>, first: u64, rows: &[Self]) -> Result<Vec<i64>> {
        let params = q::MissingSubscriptionSuspensionsParams {
            ords: ords(first, rows.len()),
            actor_ids: column(rows, |r| r.id.as_str()),
            targets: column(rows, |r| r.target.as_str()),
            subtargets: column(rows, |r| r.subtarget.as_str()),
        };
        Ok(q::missing_subscription_suspensions()
            .params(tx, &params)
            .all()
            .await?)
    }

    async fn delete(tx: &Executor<'_>, rows: &[&Self]) -> Result<u64> {
        let params = q::DeleteSubscriptionSuspensionRowsParams {
            actor_ids: column(rows, |r| r.id.as_str()),
            targets: column(rows, |r| r.target.as_str()),
            subtargets: column(rows, |r| r.subtarget.as_str()),
        };
        Ok(row_count(
            q::delete_subscription_suspension_rows()
                .params(tx, &params)
                .one()
                .await?,
        ))
    }

    async fn stored(tx: &Executor<'_>, rows: &[&Self]) -> Result<Vec<Self>> {
        let params = q::StoredSubscriptionSuspensionsParams {
            actor_ids: column(rows, |r| r.id.as_str()),
            targets: column(rows, |r| r.target.as_str()),
            subtargets: column(rows, |r| r.subtarget.as_str()),
        };
        Ok(q::stored_subscription_suspensions()
            .params(tx, &params)
            .all()
            .await?)
    }
}
