//! `trusts.json`: the entity's [`Trust`] rows. The file names the peer type `type`; the
//! reference's exports may name it `peer_type` and the description `desc_text`.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::Value;

use super::fields::{
    Field, bool_field, required_text, text_columns, text_field, text_field_or, time_field,
};
use super::table::{Each, Table, column, for_each_row, ords};
use crate::client::async_::Params;
use crate::codegen::queries::trusts as q;
use crate::error::Result;
use crate::executor::{Executor, row_count};
use crate::rules;
use crate::secret::Secret;
use crate::trusts::{self, Trust, canonical_connection_method};

/// A record as the file holds it.
#[derive(Deserialize)]
#[serde(expecting = "a JSON object")]
pub(super) struct TrustJson {
    id: Option<Value>,
    peerid: Option<Value>,
    baseuri: Option<Value>,
    #[serde(rename = "type")]
    peer_type: Option<Value>,
    #[serde(rename = "peer_type")]
    peer_type_alias: Option<Value>,
    relationship: Option<Value>,
    secret: Option<Value>,
    desc: Option<Value>,
    desc_text: Option<Value>,
    approved: Option<Value>,
    peer_approved: Option<Value>,
    verified: Option<Value>,
    verification_token: Option<Value>,
    peer_identifier: Option<Value>,
    established_via: Option<Value>,
    created_at: Option<Value>,
    last_accessed: Option<Value>,
    last_connected_via: Option<Value>,
    client_name: Option<Value>,
    client_version: Option<Value>,
    client_platform: Option<Value>,
    oauth_client_id: Option<Value>,
    aw_supported: Option<Value>,
    aw_version: Option<Value>,
    capabilities_fetched_at: Option<Value>,
}

impl Table for Trust {
    const NAME: &'static str = "trusts";
    type Json = TrustJson;

    fn from_json(json: TrustJson) -> Result<Trust> {
        let peer_type = text_field_or("type", json.peer_type, "peer_type", json.peer_type_alias)?;
        let desc = text_field_or("desc", json.desc, "desc_text", json.desc_text)?;
        let trust = Trust {
            id: required_text("id", json.id)?,
            peerid: required_text("peerid", json.peerid)?,
            baseuri: text_field("baseuri", json.baseuri)?.unwrap_or_default(),
            peer_type: peer_type.unwrap_or_default(),
            relationship: text_field("relationship", json.relationship)?.unwrap_or_default(),
            secret: text_field("secret", json.secret)?.unwrap_or_default(),
            desc,
            approved: bool_field("approved", json.approved)?,
            peer_approved: bool_field("peer_approved", json.peer_approved)?,
            verified: bool_field("verified", json.verified)?,
            verification_token: text_field("verification_token", json.verification_token)?,
            peer_identifier: text_field("peer_identifier", json.peer_identifier)?,
            established_via: text_field("established_via", json.established_via)?,
            created_at: time_field("created_at", json.created_at)?,
            last_accessed: time_field("last_accessed", json.last_accessed)?,
            last_connected_via: text_field("last_connected_via", json.last_connected_via)?,
            client_name: text_field("client_name", json.client_name)?,
            client_version: text_field("client_version", json.client_version)?,
            client_platform: text_field("client_platform", json.client_platform)?,
            oauth_client_id: text_field("oauth_client_id", json.oauth_client_id)?,
            aw_supported: text_field("aw_supported", json.aw_supported)?,
            aw_version: text_field("aw_version", json.aw_version)?,
            capabilities_fetched_at: time_field(
                "capabilities_fetched_at",
                json.capabilities_fetched_at,
            )?,
        };
        rules::identifier("id", &trust.id)?;
        rules::identifier("peerid", &trust.peerid)?;
        // Every text column by the entity's rule for it (the file's names are the columns').
        trusts::check_columns(text_columns(&trust.fields()))?;
        Ok(Trust {
            // Stored as the entity API stores it (idempotent on stored values).
            last_connected_via: trust
                .last_connected_via
                .as_deref()
                .and_then(canonical_connection_method),
            ..trust
        })
    }

    fn key(&self) -> Vec<String> {
        vec![self.id.clone(), self.peerid.clone()]
    }

    fn fields(&self) -> Vec<(&'static str, Field<'_>)> {
        let text = Field::optional;
        vec![
            ("id", Field::Text(Some(&self.id))),
            ("peerid", Field::Text(Some(&self.peerid))),
            ("baseuri", Field::Text(Some(&self.baseuri))),
            ("type", Field::Text(Some(&self.peer_type))),
            ("relationship", Field::Text(Some(&self.relationship))),
            ("secret", Field::Secret(Some(&self.secret))),
            ("desc", text(&self.desc)),
            ("approved", Field::Bool(self.approved)),
            ("peer_approved", Field::Bool(self.peer_approved)),
            ("verified", Field::Bool(self.verified)),
            (
                "verification_token",
                Field::Secret(self.verification_token.as_deref()),
            ),
            ("peer_identifier", text(&self.peer_identifier)),
            ("established_via", text(&self.established_via)),
            ("created_at", Field::Time(self.created_at)),
            ("last_accessed", Field::Time(self.last_accessed)),
            ("last_connected_via", text(&self.last_connected_via)),
            ("client_name", text(&self.client_name)),
            ("client_version", text(&self.client_version)),
            ("client_platform", text(&self.client_platform)),
            ("oauth_client_id", text(&self.oauth_client_id)),
            ("aw_supported", text(&self.aw_supported)),
            ("aw_version", text(&self.aw_version)),
            (
                "capabilities_fetched_at",
                Field::Time(self.capabilities_fetched_at),
            ),
        ]
    }

    async fn export(tx: &Executor<'_>, each: &mut Each<'_, Self>) -> Result<()> {
        let stmt = q::export_trusts();
        for_each_row(stmt.bind(tx).iter().await?, each).await
    }

    async fn insert(tx: &Executor<'_>, _first: u64, rows: &[Self]) -> Result<u64> {
        let text = |f: fn(&Trust) -> &String| column(rows, move |r| f(r).as_str());
        let opt = |f: fn(&Trust) -> &Option<String>| column(rows, move |r| f(r).as_deref());
        let naive = |f: fn(&Trust) -> Option<DateTime<Utc>>| {
            column(rows, move |r| f(r).map(|t| t.naive_utc()))
        };
        let params = q::ImportTrustsParams {
            actor_ids: text(|r| &r.id),
            peerids: text(|r| &r.peerid),
            baseuris: text(|r| &r.baseuri),
            peer_types: text(|r| &r.peer_type),
            relationships: text(|r| &r.relationship),
            secrets: column(rows, |r| Secret(&r.secret)),
            descs: opt(|r| &r.desc),
            approveds: column(rows, |r| r.approved),
            peer_approveds: column(rows, |r| r.peer_approved),
            verifieds: column(rows, |r| r.verified),
            verification_tokens: column(rows, |r| Secret::opt(r.verification_token.as_deref())),
            peer_identifiers: opt(|r| &r.peer_identifier),
            established_vias: opt(|r| &r.established_via),
            created_ats: naive(|r| r.created_at),
            last_accesseds: naive(|r| r.last_accessed),
            last_connected_vias: opt(|r| &r.last_connected_via),
            client_names: opt(|r| &r.client_name),
            client_versions: opt(|r| &r.client_version),
            client_platforms: opt(|r| &r.client_platform),
            oauth_client_ids: opt(|r| &r.oauth_client_id),
            aw_supporteds: opt(|r| &r.aw_supported),
            aw_versions: opt(|r| &r.aw_version),
            capabilities_fetched_ats: column(rows, |r| {
                r.capabilities_fetched_at.map(|t| t.fixed_offset())
            }),
        };
        Ok(row_count(
            q::import_trusts().params(tx, &params).one().await?,
        ))
    }

    async fn missing(tx: &Executor<'_>, first: u64, rows: &[Self]) -> Result<Vec<i64>> {
        let params = q::MissingTrustsParams {
            ords: ords(first, rows.len()),
            actor_ids: column(rows, |r| r.id.as_str()),
            peerids: column(rows, |r| r.peerid.as_str()),
        };
        Ok(q::missing_trusts().params(tx, &params).all().await?)
    }

    async fn delete(tx: &Executor<'_>, rows: &[&Self]) -> Result<u64> {
        let params = q::DeleteTrustRowsParams {
            actor_ids: column(rows, |r| r.id.as_str()),
            peerids: column(rows, |r| r.peerid.as_str()),
        };
        Ok(row_count(
            q::delete_trust_rows().params(tx, &params).one().await?,
        ))
    }

    async fn stored(tx: &Executor<'_>, rows: &[&Self]) -> Result<Vec<Self>> {
        let params = q::StoredTrustsParams {
            actor_ids: column(rows, |r| r.id.as_str()),
            peerids: column(rows, |r| r.peerid.as_str()),
        };
        let rows = q::stored_trusts().params(tx, &params).all().await?;
        Ok(rows.into_iter().map(Trust::from).collect())
    }
}
