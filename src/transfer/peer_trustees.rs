//! `peertrustees.json`: the entity's [`PeerTrustee`] rows. The file names the peer type
//! `type`; the reference's exports may name it `peer_type` and the passphrase `secret`.

use serde::Deserialize;
use serde_json::Value;

use super::fields::{Field, required_text, text_field, text_field_or};
use super::table::{Each, Table, column, for_each_row, ords};
use crate::client::async_::Params;
use crate::codegen::queries::peertrustees as q;
use crate::error::{Error, Result};
use crate::executor::{Executor, row_count};
use crate::peer_trustees::PeerTrustee;
use crate::rules;
use crate::secret::Secret;

/// A record as the file holds it.
#[derive(Deserialize)]
#[serde(expecting = "a JSON object")]
pub(super) struct PeerTrusteeJson {
    id: Option<Value>,
    peerid: Option<Value>,
    baseuri: Option<Value>,
    #[serde(rename = "type")]
    peer_type: Option<Value>,
    #[serde(rename = "peer_type")]
    peer_type_alias: Option<Value>,
    passphrase: Option<Value>,
    secret: Option<Value>,
}

impl Table for PeerTrustee {
    const NAME: &'static str = "peertrustees";
    type Json = PeerTrusteeJson;

    fn from_json(json: PeerTrusteeJson) -> Result<PeerTrustee> {
        let peer_type = text_field_or("type", json.peer_type, "peer_type", json.peer_type_alias)?;
        let passphrase = text_field_or("passphrase", json.passphrase, "secret", json.secret)?;
        let peer = PeerTrustee {
            id: required_text("id", json.id)?,
            peerid: required_text("peerid", json.peerid)?,
            baseuri: text_field("baseuri", json.baseuri)?.unwrap_or_default(),
            peer_type: peer_type.ok_or_else(|| Error::invalid("type", "is missing"))?,
            passphrase: passphrase.unwrap_or_default(),
        };
        rules::identifier("id", &peer.id)?;
        rules::identifier("peerid", &peer.peerid)?;
        rules::identifier("type", &peer.peer_type)?;
        rules::text("baseuri", &peer.baseuri)?;
        rules::text("passphrase", &peer.passphrase)?;
        Ok(peer)
    }

    fn key(&self) -> Vec<String> {
        vec![self.id.clone(), self.peerid.clone()]
    }

    fn fields(&self) -> Vec<(&'static str, Field<'_>)> {
        vec![
            ("id", Field::Text(Some(&self.id))),
            ("peerid", Field::Text(Some(&self.peerid))),
            ("baseuri", Field::Text(Some(&self.baseuri))),
            ("type", Field::Text(Some(&self.peer_type))),
            ("passphrase", Field::Secret(Some(&self.passphrase))),
        ]
    }

    async fn export(tx: &Executor<'_>, each: &mut Each<'_, Self>) -> Result<()> {
        let stmt = q::export_peertrustees();
        for_each_row(stmt.bind(tx).iter().await?, each).await
    }

    async fn insert(tx: &Executor<'_>, _first: u64, rows: &[Self]) -> Result<u64> {
        let params = q::ImportPeertrusteesParams {
            actor_ids: column(rows, |r| r.id.as_str()),
            peerids: column(rows, |r| r.peerid.as_str()),
            baseuris: column(rows, |r| r.baseuri.as_str()),
            peer_types: column(rows, |r| r.peer_type.as_str()),
            passphrases: column(rows, |r| Secret(&r.passphrase)),
        };
        Ok(row_count(
            q::import_peertrustees().params(tx, &params).one().await?,
        ))
    }

    async fn missing(tx: &Executor<'_>, first: u64, rows: &[Self]) -> Result<Vec<i64>> {
        let params = q::MissingPeertrusteesParams {
            ords: ords(first, rows.len()),
            actor_ids: column(rows, |r| r.id.as_str()),
            peerids: column(rows, |r| r.peerid.as_str()),
        };
        Ok(q::missing_peertrustees().params(tx, &params).all().await?)
    }

    async fn delete(tx: &Executor<'_>, rows: &[&Self]) -> Result<u64> {
        let params = q::DeletePeertrusteeRowsParams {
            actor_ids: column(rows, |r| r.id.as_str()),
            peerids: column(rows, |r| r.peerid.as_str()),
        };
        Ok(row_count(
            q::delete_peertrustee_rows()
                .params(tx, &params)
                .one()
                .await?,
        ))
    }

    async fn stored(tx: &Executor<'_>, rows: &[&Self]) -> Result<Vec<Self>> {
        let params = q::StoredPeertrusteesParams {
            actor_ids: column(rows, |r| r.id.as_str()),
            peerids: column(rows, |r| r.peerid.as_str()),
        };
        let rows = q::stored_peertrustees().params(tx, &params).all().await?;
        Ok(rows.into_iter().map(PeerTrustee::from).collect())
    }
}
