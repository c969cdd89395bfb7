//! `actors.json`: the entity's [`Actor`] rows.

use serde::Deserialize;
use serde_json::Value;

use super::fields::{Field, required_text, text_field, time_field};
use super::table::{Each, Table, column, for_each_row, ords};
use crate::actors::{self, Actor};
use crate::client::async_::Params;
use crate::codegen::queries::actors as q;
use crate::error::Result;
use crate::executor::{Executor, row_count};
use crate::rules;
use crate::secret::Secret;

/// A record as the file holds it.
#[derive(Deserialize)]
#[serde(expecting = "a JSON object")]
pub(super) struct ActorJson {
    id: Option<Value>,
    creator: Option<Value>,
    passphrase: Option<Value>,
    created_at: Option<Value>,
}

impl Table for Actor {
    const NAME: &'static str = "actors";
    type Json = ActorJson;

    fn from_json(json: ActorJson) -> Result<Actor> {
        let actor = Actor {
            id: required_text("id", json.id)?,
            creator: text_field("creator", json.creator)?.unwrap_or_default(),
            passphrase: text_field("passphrase", json.passphrase)?.unwrap_or_default(),
            created_at: time_field("created_at", json.created_at)?,
        };
        rules::identifier("id", &actor.id)?;
        actors::check_columns(Some(&actor.creator), Some(&actor.passphrase))?;
        Ok(actor)
    }

    fn key(&self) -> Vec<String> {
        vec![self.id.clone()]
    }

    fn fields(&self) -> Vec<(&'static str, Field<'_>)> {
        vec![
            ("id", Field::Text(Some(&self.id))),
            ("creator", Field::Text(Some(&self.creator))),
            ("passphrase", Field::Secret(Some(&self.passphrase))),
            ("created_at", Field::Time(self.created_at)),
        ]
    }

    async fn export(tx: &Executor<'_>, each: &mut Each<'_, Self>) -> Result<()> {
        let stmt = q::export_actors();
        for_each_row(stmt.bind(tx).iter().await?, each).await
    }

    async fn insert(tx: &Executor<'_>, _first: u64, rows: &[Self]) -> Result<u64> {
        let params = q::ImportActorsParams {
            actor_ids: column(rows, |r| r.id.as_str()),
            creators: column(rows, |r| r.creator.as_str()),
            passphrases: column(rows, |r| Secret(&r.passphrase)),
            created_ats: column(rows, |r| r.created_at.map(|t| t.naive_utc())),
        };
        Ok(row_count(
            q::import_actors().params(tx, &params).one().await?,
        ))
    }

    async fn missing(tx: &Executor<'_>, first: u64, rows: &[Self]) -> Result<Vec<i64>> {
        let params = q::MissingActorsParams {
            ords: ords(first, rows.len()),
            actor_ids: column(rows, |r| r.id.as_str()),
        };
        Ok(q::missing_actors().params(tx, &params).all().await?)
    }

    async fn delete(tx: &Executor<'_>, rows: &[&Self]) -> Result<u64> {
        let params = q::ActorIdsParam {
            actor_ids: column(rows, |r| r.id.as_str()),
        };
        Ok(row_count(
            q::delete_actor_rows().params(tx, &params).one().await?,
        ))
    }

    async fn stored(tx: &Executor<'_>, rows: &[&Self]) -> Result<Vec<Self>> {
        let params = q::ActorIdsParam {
            actor_ids: column(rows, |r| r.id.as_str()),
        };
        let rows = q::stored_actors().params(tx, &params).all().await?;
        Ok(rows.into_iter().map(Actor::from).collect())
    }
}
