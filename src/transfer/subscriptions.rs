//! `subscriptions.json`: the entity's [`Subscription`] rows; the key column `peer_sub_id` is
//! rebuilt from its parts (the file's `peer_sub_id` is ignored).

use serde::Deserialize;
use serde_json::Value;

use super::fields::{Field, bool_field, int32_field, required_text, text_columns, text_field};
use super::table::{Each, Table, column, for_each_row, inserted_unless_ambiguous, ords};
use crate::client::async_::Params;
use crate::codegen::queries::subscriptions as q;
use crate::error::Result;
use crate::executor::{Executor, row_count};
use crate::rules;
use crate::subscriptions::{self, Subscription};

/// A record as the file holds it.
#[derive(Deserialize)]
#[serde(expecting = "a JSON object")]
pub(super) struct SubscriptionJson {
    id: Option<Value>,
    peerid: Option<Value>,
    subid: Option<Value>,
    granularity: Option<Value>,
    target: Option<Value>,
    subtarget: Option<Value>,
    resource: Option<Value>,
    seqnr: Option<Value>,
    callback: Option<Value>,
}

/// The key column `peer_sub_id` of a record.
fn peer_sub_id(row: &Subscription) -> String {
    rules::join_key(&row.peerid, &row.subid)
}

impl Table for Subscription {
    const NAME: &'static str = "subscriptions";
    type Json = SubscriptionJson;

    fn from_json(json: SubscriptionJson) -> Result<Subscription> {
        let id = required_text("id", json.id)?;
        let peerid = required_text("peerid", json.peerid)?;
        let subid = required_text("subid", json.subid)?;
        rules::identifier("id", &id)?;
        rules::identifier("peerid", &peerid)?;
        rules::identifier("subid", &subid)?;
        rules::composite_key("peer_sub_id", &peerid, &subid)?;
        let subscription = Subscription {
            id,
            peerid,
            subid,
            granularity: text_field("granularity", json.granularity)?,
            target: text_field("target", json.target)?,
            subtarget: text_field("subtarget", json.subtarget)?,
            resource: text_field("resource", json.resource)?,
            seqnr: int32_field("seqnr", json.seqnr)?,
            callback: bool_field("callback", json.callback)?,
        };
        // Every text column by the entity's rule (the file's names are the columns').
        subscriptions::check_columns(text_columns(&subscription.fields()))?;
        Ok(subscription)
    }

    fn key(&self) -> Vec<String> {
        vec![self.id.clone(), self.peerid.clone(), self.subid.clone()]
    }

    fn fields(&self) -> Vec<(&'static str, Field<'_>)> {
        vec![
            ("id", Field::Text(Some(&self.id))),
            ("peerid", Field::Text(Some(&self.peerid))),
            ("subid", Field::Text(Some(&self.subid))),
            ("granularity", Field::optional(&self.granularity)),
            ("target", Field::optional(&self.target)),
            ("subtarget", Field::optional(&self.subtarget)),
            ("resource", Field::optional(&self.resource)),
            ("seqnr", Field::Int(Some(self.seqnr.into()))),
            ("callback", Field::Bool(self.callback)),
        ]
    }

    async fn export(tx: &Executor<'_>, each: &mut Each<'_, Self>) -> Result<()> {
        let stmt = q::export_subscriptions();
        for_each_row(stmt.bind(tx).iter().await?, each).await
    }

    async fn insert(tx: &Executor<'_>, first: u64, rows: &[Self]) -> Result<u64> {
        let params = q::ImportSubscriptionsParams {
            ords: ords(first, rows.len()),
            actor_ids: column(rows, |r| r.id.as_str()),
            peer_sub_ids: column(rows, peer_sub_id),
            peerids: column(rows, |r| r.peerid.as_str()),
            subids: column(rows, |r| r.subid.as_str()),
            granularities: column(rows, |r| r.granularity.as_deref()),
            targets: column(rows, |r| r.target.as_deref()),
            subtargets: column(rows, |r| r.subtarget.as_deref()),
            resources: column(rows, |r| r.resource.as_deref()),
            seqnrs: column(rows, |r| r.seqnr),
            callbacks: column(rows, |r| r.callback),
        };
        let outcome = q::import_subscriptions().params(tx, &params).one().await?;
        inserted_unless_ambiguous(first, rows, outcome.inserted, outcome.ambiguous, |r| {
            rules::ambiguous_key(
                "peer_sub_id",
                &peer_sub_id(r),
                format_args!("peerid {:?} and subid {:?}", r.peerid, r.subid),
            )
        })
    }

    async fn missing(tx: &Executor<'_>, first: u64, rows: &[Self]) -> Result<Vec<i64>> {
        let params = q::MissingSubscriptionsParams {
            ords: ords(first, rows.len()),
            actor_ids: column(rows, |r| r.id.as_str()),
            peer_sub_ids: column(rows, peer_sub_id),
            peerids: column(rows, |r| r.peerid.as_str()),
            subids: column(rows, |r| r.subid.as_str()),
        };
        Ok(q::missing_subscriptions().params(tx, &params).all().await?)
    }

    async fn delete(tx: &Executor<'_>, rows: &[&Self]) -> Result<u64> {
        let params = q::DeleteSubscriptionRowsParams {
            actor_ids: column(rows, |r| r.id.as_str()),
            peer_sub_ids: column(rows, |r| peer_sub_id(r)),
        };
        Ok(row_count(
            q::delete_subscription_rows()
                .params(tx, &params)
                .one()
                .await?,
        ))
    }

    async fn stored(tx: &Executor<'_>, rows: &[&Self]) -> Result<Vec<Self>> {
        let params = q::StoredSubscriptionsParams {
            actor_ids: column(rows, |r| r.id.as_str()),
            peer_sub_ids: column(rows, |r| peer_sub_id(r)),
            peerids: column(rows, |r| r.peerid.as_str()),
            subids: column(rows, |r| r.subid.as_str()),
        };
        let rows = q::stored_subscriptions().params(tx, &params).all().await?;
        Ok(rows.into_iter().map(Subscription::from).collect())
    }
}
