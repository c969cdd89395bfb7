//! `calls CONTENDER OPERATION N`: `N` sequential calls of one point operation (`actor-get` or
//! `property-set`) through one contender of `actingweb-pg bench` (`hand`, `pooled` or
//! `facade`), and nothing else, so that a tool counting the process's instructions
//! (`valgrind --tool=callgrind`) gives a contender's cost per call: the difference between two
//! runs with different `N`, divided by the difference of `N`.
//!
//! The database is `PG_THROWAWAY_TCP_URL` (set by `pg-throwaway --tcp`), so that the
//! server runs outside the counted process. See the README's Performance section.

use actingweb_pg::{Config, Store};
use actingweb_pg_testkit::baseline::{Baseline, PointOps, PooledBaseline};

type AnyResult<T> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// Actors the calls read, in turn.
const ACTORS: usize = 100;

#[tokio::main]
async fn main() -> AnyResult<()> {
    let usage = "usage: calls hand|pooled|facade actor-get|property-set N \
                 (with PG_THROWAWAY_TCP_URL set)";
    let mut args = std::env::args().skip(1);
    let (Some(contender), Some(operation), Some(calls)) = (args.next(), args.next(), args.next())
    else {
        return Err(usage.into());
    };
    let set = match operation.as_str() {
        "actor-get" => false,
        "property-set" => true,
        _ => return Err(usage.into()),
    };
    let calls: usize = calls.parse().map_err(|_| usage)?;
    let url = std::env::var("PG_THROWAWAY_TCP_URL").map_err(|_| usage)?;
    let store = Store::connect(Config::from_url(&url)?.pool_size(1, 1)?).await?;
    store.migrate().await?;
    let ids: Vec<String> = (0..ACTORS).map(|i| format!("calls-{i}")).collect();
    for id in &ids {
        store.actors().create(id, "calls@example.com", "pw").await?;
    }
    // On a runtime worker, as `bench` runs its tasks (the main thread is not one).
    tokio::spawn(async move {
        let config = store.config();
        let (pg, schema) = (config.pg_config(), Some(config.schema_name()));
        match contender.as_str() {
            "hand" => hand(&Baseline::connect(pg, schema).await?, &ids, set, calls).await,
            "pooled" => {
                let pooled = PooledBaseline::connect(pg, schema, 1).await?;
                hand(&pooled, &ids, set, calls).await
            }
            "facade" => {
                for (i, id) in ids.iter().cycle().take(calls).enumerate() {
                    if set {
                        let value = format!("value {i}");
                        store.properties().set(id, "displayName", &value).await?;
                    } else {
                        let actor = store.actors().get(id).await?;
                        actor.ok_or("facade: actor missing")?;
                    }
                }
                Ok(())
            }
            _ => Err(usage.into()),
        }
    })
    .await?
}

/// `calls` actor gets, or property sets when `set`, through a hand-written baseline.
async fn hand<H: PointOps>(hand: &H, ids: &[String], set: bool, calls: usize) -> AnyResult<()> {
    for (i, id) in ids.iter().cycle().take(calls).enumerate() {
        if set {
            let value = format!("value {i}");
            hand.property_set(id, "displayName", &value).await?;
        } else {
            let actor = hand.actor_get(id).await?;
            actor.ok_or("baseline: actor missing")?;
        }
    }
    Ok(())
}
