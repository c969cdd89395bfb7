//! `actingweb-pg bench`: a standard workload through the facade, timed per operation, with the
//! hand-written prepared tokio-postgres baseline of the test kit
//! (`actingweb_pg_testkit::baseline`) for the point operations (and a 50/50 property get/set
//! mix) in the same run.

use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};

use actingweb_pg::subscriptions::NewSubscription;
use actingweb_pg::{NewTrust, Store};
use actingweb_pg_testkit::baseline::Baseline;
use serde::Serialize;
use serde_json::json;

type AnyResult<T> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// One timed operation.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct OpResult {
    /// Operation name.
    pub op: &'static str,
    /// Concurrent tasks.
    pub concurrency: usize,
    /// Operations per second through the facade.
    pub ops_per_sec: f64,
    /// Median latency in microseconds.
    pub p50_us: f64,
    /// 99th percentile latency in microseconds.
    pub p99_us: f64,
    /// The hand-written baseline, for point operations.
    pub baseline: Option<BaselineResult>,
}

/// The hand-written prepared tokio-postgres figures for the same operation.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct BaselineResult {
    /// Operations per second.
    pub ops_per_sec: f64,
    /// Median latency in microseconds.
    pub p50_us: f64,
    /// Facade median latency / baseline median latency.
    pub p50_ratio: f64,
    /// Facade throughput / baseline throughput.
    pub throughput_ratio: f64,
}

struct Timing {
    elapsed: Duration,
    latencies: Vec<Duration>,
}

impl Timing {
    fn ops_per_sec(&self) -> f64 {
        self.latencies.len() as f64 / self.elapsed.as_secs_f64()
    }

    fn percentile_us(&self, p: f64) -> f64 {
        let mut sorted = self.latencies.clone();
        sorted.sort();
        let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
        sorted[i].as_secs_f64() * 1e6
    }
}

/// Runs `op(i)` for i in 0..n, split over `concurrency` tasks, timing each call.
async fn timed<F, Fut>(n: usize, concurrency: usize, op: F) -> AnyResult<Timing>
where
    F: Fn(usize) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = AnyResult<()>> + Send,
{
    let op = Arc::new(op);
    let started = Instant::now();
    let tasks: Vec<_> = (0..concurrency)
        .map(|task| {
            let op = op.clone();
            tokio::spawn(async move {
                let mut latencies = Vec::new();
                for i in (task..n).step_by(concurrency) {
                    let t = Instant::now();
                    op(i).await?;
                    latencies.push(t.elapsed());
                }
                AnyResult::Ok(latencies)
            })
        })
        .collect();
    let mut latencies = Vec::with_capacity(n);
    for task in tasks {
        latencies.extend(task.await??);
    }
    Ok(Timing {
        elapsed: started.elapsed(),
        latencies,
    })
}

/// The hand-written version of a point operation.
#[derive(Clone, Copy)]
enum HandOp {
    ActorGet,
    PropertySet,
    PropertyGet,
    /// Even indices get, odd indices set.
    PropertyMixed,
    TrustGet,
}

async fn hand_timed(
    hands: &Arc<Vec<Baseline>>,
    ids: &Arc<Vec<String>>,
    op: HandOp,
) -> AnyResult<Timing> {
    let concurrency = hands.len();
    let (hands, ids) = (hands.clone(), ids.clone());
    timed(ids.len(), concurrency, move |i| {
        let (hands, ids) = (hands.clone(), ids.clone());
        async move {
            let hand = &hands[i % concurrency];
            let id = &ids[i];
            match op {
                HandOp::ActorGet => {
                    hand.actor_get(id).await?.ok_or("baseline: actor missing")?;
                }
                HandOp::PropertySet => {
                    hand.property_set(id, "displayName", &format!("hand {i}"))
                        .await?;
                }
                HandOp::PropertyGet => {
                    hand.property_get(id, "displayName")
                        .await?
                        .ok_or("baseline: property missing")?;
                }
                HandOp::PropertyMixed if i % 2 == 0 => {
                    hand.property_get(id, "displayName")
                        .await?
                        .ok_or("baseline: property missing")?;
                }
                HandOp::PropertyMixed => {
                    hand.property_set(id, "displayName", &format!("mixed {i}"))
                        .await?;
                }
                HandOp::TrustGet => {
                    hand.trust_get(id, &format!("peer-{i}"))
                        .await?
                        .ok_or("baseline: trust missing")?;
                }
            }
            Ok(())
        }
    })
    .await
}

fn result(
    op: &'static str,
    concurrency: usize,
    facade: &Timing,
    hand: Option<&Timing>,
) -> OpResult {
    let p50 = facade.percentile_us(0.5);
    OpResult {
        op,
        concurrency,
        ops_per_sec: facade.ops_per_sec(),
        p50_us: p50,
        p99_us: facade.percentile_us(0.99),
        baseline: hand.map(|hand| BaselineResult {
            ops_per_sec: hand.ops_per_sec(),
            p50_us: hand.percentile_us(0.5),
            p50_ratio: p50 / hand.percentile_us(0.5),
            throughput_ratio: facade.ops_per_sec() / hand.ops_per_sec(),
        }),
    }
}

/// Runs the workload once per concurrency level on `actors` fresh actors each, and deletes
/// everything it wrote (the last operation is the full actor delete).
pub(crate) async fn run(
    store: &Store,
    actors: usize,
    levels: &[usize],
) -> AnyResult<Vec<OpResult>> {
    let mut results = Vec::new();
    let run_id = std::process::id();
    for &concurrency in levels {
        let ids: Arc<Vec<String>> = Arc::new(
            (0..actors)
                .map(|i| format!("bench-{run_id}-c{concurrency}-{i}"))
                .collect(),
        );
        let mut hands = Vec::new();
        for _ in 0..concurrency {
            let config = store.config();
            hands.push(Baseline::connect(config.pg_config(), Some(config.schema_name())).await?);
        }
        let hands = Arc::new(hands);
        macro_rules! facade {
            (|$store:ident, $id:ident, $i:ident| $body:expr) => {{
                let (store, ids) = (store.clone(), ids.clone());
                timed(actors, concurrency, move |$i| {
                    let ($store, ids) = (store.clone(), ids.clone());
                    async move {
                        let $id = ids[$i].as_str();
                        $body;
                        Ok(())
                    }
                })
                .await?
            }};
        }
        let t = facade!(|s, id, i| s.actors().create(id, "bench@example.com", "pw").await?);
        results.push(result("actor create", concurrency, &t, None));
        let t = facade!(|s, id, i| s.actors().get(id).await?);
        let h = hand_timed(&hands, &ids, HandOp::ActorGet).await?;
        results.push(result("actor get", concurrency, &t, Some(&h)));
        let t = facade!(|s, id, i| s
            .properties()
            .set(id, "displayName", &format!("value {i}"))
            .await?);
        let h = hand_timed(&hands, &ids, HandOp::PropertySet).await?;
        results.push(result("property set", concurrency, &t, Some(&h)));
        let t = facade!(|s, id, i| s.properties().get(id, "displayName").await?);
        let h = hand_timed(&hands, &ids, HandOp::PropertyGet).await?;
        results.push(result("property get", concurrency, &t, Some(&h)));
        let t = facade!(|s, id, i| if i % 2 == 0 {
            s.properties().get(id, "displayName").await?;
        } else {
            s.properties()
                .set(id, "displayName", &format!("mixed {i}"))
                .await?;
        });
        let h = hand_timed(&hands, &ids, HandOp::PropertyMixed).await?;
        results.push(result("property get/set mixed", concurrency, &t, Some(&h)));
        let t = facade!(|s, id, i| s
            .properties()
            .set(id, "email", &format!("{id}@example.com"))
            .await?);
        results.push(result("indexed property set", concurrency, &t, None));
        let t = facade!(|s, id, i| s.properties().fetch(id).await?);
        results.push(result("property list", concurrency, &t, None));
        let t = facade!(|s, id, i| {
            let new = NewTrust {
                peerid: format!("peer-{i}"),
                baseuri: format!("https://peer.example.com/{i}"),
                peer_type: "urn:actingweb:bench".into(),
                relationship: "friend".into(),
                secret: format!("secret-{id}"),
                approved: true,
                ..NewTrust::default()
            };
            s.trusts().create(id, &new).await?
        });
        results.push(result("trust create", concurrency, &t, None));
        let t = facade!(|s, id, i| s.trusts().get(id, &format!("peer-{i}")).await?);
        let h = hand_timed(&hands, &ids, HandOp::TrustGet).await?;
        results.push(result("trust get by peer", concurrency, &t, Some(&h)));
        let t = facade!(|s, id, i| s.trusts().get_by_token(id, &format!("secret-{id}")).await?);
        results.push(result("trust get by token", concurrency, &t, None));
        let t = facade!(|s, id, i| s
            .attributes()
            .set(
                id,
                "bench",
                "token",
                &json!({"chain_id": format!("c{i}"), "n": i}),
                Some(3600)
            )
            .await?);
        results.push(result("attribute set", concurrency, &t, None));
        let t = facade!(|s, id, i| s.attributes().get_bucket(id, "bench").await?);
        results.push(result("attribute get bucket", concurrency, &t, None));
        let t = facade!(|s, id, i| {
            let new = NewSubscription {
                peerid: format!("peer-{i}"),
                subid: format!("sub-{i}"),
                target: Some("properties".into()),
                ..NewSubscription::default()
            };
            s.subscriptions().create(id, &new).await?;
            s.subscription_diffs()
                .create(id, &format!("sub-{i}"), 1, r#"{"displayName": "x"}"#)
                .await?
        });
        results.push(result("subscription + diff create", concurrency, &t, None));
        let t = facade!(|s, id, i| s.delete_actor(id).await?);
        results.push(result("actor delete (all tables)", concurrency, &t, None));
    }
    Ok(results)
}

/// The results as a text table.
pub(crate) fn table(results: &[OpResult]) -> String {
    let mut out = format!(
        "{:<27} {:>4} {:>10} {:>9} {:>9} {:>11} {:>9} {:>7} {:>7}\n",
        "operation",
        "conc",
        "ops/s",
        "p50 µs",
        "p99 µs",
        "hand ops/s",
        "hand p50",
        "p50 ×",
        "tput ×"
    );
    for r in results {
        out += &format!(
            "{:<27} {:>4} {:>10.0} {:>9.1} {:>9.1}",
            r.op, r.concurrency, r.ops_per_sec, r.p50_us, r.p99_us
        );
        if let Some(b) = &r.baseline {
            out += &format!(
                " {:>11.0} {:>9.1} {:>7.3} {:>7.3}",
                b.ops_per_sec, b.p50_us, b.p50_ratio, b.throughput_ratio
            );
        }
        out += "\n";
    }
    out
}
