//! `actingweb-pg bench`: a standard workload through the facade, timed per operation, with the
//! hand-written baselines of the test kit (`actingweb_pg_testkit::baseline`) for the point
//! operations (and a 50/50 property get/set mix): prepared tokio-postgres on a connection per
//! task, and the same statements through a plain deadpool-postgres pool; and pgbench running
//! the facade's own SQL for the mix, in the same run.
//!
//! The compared operations run in rounds, facade and baselines interleaved, each round
//! starting with the next of them (facade, hand, pooled, pgbench; hand, pooled, pgbench,
//! facade; …), and each ratio is reported as its median over the rounds with the lowest and
//! highest: a change of the machine's load during the run shows as spread instead of biasing
//! one side, and none always runs right after another's writes.

mod pgbench;

use std::future::Future;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use actingweb_pg::subscriptions::NewSubscription;
use actingweb_pg::{NewTrust, Store};
use actingweb_pg_testkit::baseline::{Baseline, PointOps, PooledBaseline};
use serde::Serialize;
use serde_json::json;

pub(crate) use pgbench::find as find_pgbench;

type AnyResult<T> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// What to run.
pub(crate) struct BenchOptions {
    /// Actors per run (each operation runs once per actor and round).
    pub actors: usize,
    /// Concurrent tasks of each run.
    pub levels: Vec<usize>,
    /// Rounds of the compared operations.
    pub rounds: usize,
    /// The pgbench binary, when the mix is compared with pgbench.
    pub pgbench: Option<PathBuf>,
    /// How long each pgbench round runs.
    pub pgbench_duration: Duration,
    /// The name of the tokio runtime flavour the contenders run on.
    pub runtime: &'static str,
}

/// The whole run.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct BenchReport {
    /// Rounds of the compared operations.
    pub rounds: usize,
    /// The tokio runtime flavour the contenders ran on (`multi-thread`, `current-thread`).
    pub runtime: &'static str,
    /// One entry per operation and concurrency level.
    pub operations: Vec<OpResult>,
    /// The performance targets and whether this run met them.
    pub targets: Vec<TargetResult>,
}

/// A ratio over the rounds: the median, the lowest and the highest.
#[derive(Debug, Clone, Copy, Serialize)]
pub(crate) struct Spread {
    /// Median over the rounds.
    pub median: f64,
    /// Lowest round.
    pub min: f64,
    /// Highest round.
    pub max: f64,
}

impl Spread {
    fn of(mut values: Vec<f64>) -> Spread {
        values.sort_by(f64::total_cmp);
        let n = values.len();
        let median = if !n.is_multiple_of(2) {
            values[n / 2]
        } else {
            (values[n / 2 - 1] + values[n / 2]) / 2.0
        };
        Spread {
            median,
            min: values[0],
            max: values[n - 1],
        }
    }
}

/// One target of the design, checked on this run.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TargetResult {
    /// What is measured.
    pub what: String,
    /// The goal.
    pub goal: String,
    /// The median measured.
    pub value: f64,
    /// Whether the median meets the goal.
    pub met: bool,
}

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
    /// The same statements through a plain deadpool-postgres pool, for point operations.
    pub pooled: Option<BaselineResult>,
    /// pgbench running the same SQL, for the property get/set mix.
    pub pgbench: Option<PgbenchResult>,
}

/// A hand-written baseline's figures for the same operation. For a compared operation every
/// figure of the facade and of the baseline is the median over the rounds.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct BaselineResult {
    /// Operations per second.
    pub ops_per_sec: f64,
    /// Median latency in microseconds.
    pub p50_us: f64,
    /// Facade median latency / baseline median latency, per round.
    pub p50_ratio: Spread,
    /// Facade throughput / baseline throughput, per round.
    pub throughput_ratio: Spread,
}

/// pgbench running the mix's statements, interleaved with the facade's rounds.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PgbenchResult {
    /// pgbench's transactions (one statement each) per second, median over the rounds.
    pub tps: f64,
    /// The facade's throughput / pgbench's, per round.
    pub facade_fraction: Spread,
    /// The hand-written baseline's throughput / pgbench's, per round.
    pub hand_fraction: Spread,
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

/// A point operation done by the facade and by the hand-written baseline.
#[derive(Clone, Copy, PartialEq)]
enum PointOp {
    ActorGet,
    PropertySet,
    PropertyGet,
    /// Even indices get, odd indices set.
    PropertyMixed,
    TrustGet,
}

impl PointOp {
    fn name(self) -> &'static str {
        match self {
            PointOp::ActorGet => "actor get",
            PointOp::PropertySet => "property set",
            PointOp::PropertyGet => "property get",
            PointOp::PropertyMixed => "property get/set mixed",
            PointOp::TrustGet => "trust get by peer",
        }
    }

    /// The operation done at index `i`: the mix gets at even indices and sets at odd ones.
    fn at(self, i: usize) -> PointOp {
        match self {
            PointOp::PropertyMixed if i.is_multiple_of(2) => PointOp::PropertyGet,
            PointOp::PropertyMixed => PointOp::PropertySet,
            op => op,
        }
    }
}

async fn facade_timed(
    store: &Store,
    ids: &Arc<Vec<String>>,
    concurrency: usize,
    op: PointOp,
) -> AnyResult<Timing> {
    let (store, ids) = (store.clone(), ids.clone());
    timed(ids.len(), concurrency, move |i| {
        let (s, ids) = (store.clone(), ids.clone());
        async move {
            let id = ids[i].as_str();
            match op.at(i) {
                PointOp::ActorGet => {
                    s.actors().get(id).await?.ok_or("facade: actor missing")?;
                }
                PointOp::PropertySet => {
                    s.properties()
                        .set(id, "displayName", &format!("value {i}"))
                        .await?;
                }
                PointOp::PropertyGet => {
                    s.properties()
                        .get(id, "displayName")
                        .await?
                        .ok_or("facade: property missing")?;
                }
                PointOp::PropertyMixed => unreachable!("at() resolves the mix"),
                PointOp::TrustGet => {
                    s.trusts()
                        .get(id, &format!("peer-{i}"))
                        .await?
                        .ok_or("facade: trust missing")?;
                }
            }
            Ok(())
        }
    })
    .await
}

/// Times `op` on a hand-written baseline in `concurrency` tasks, task `k` using
/// `hands[k % hands.len()]`.
async fn hand_timed<H: PointOps>(
    hands: &Arc<Vec<H>>,
    ids: &Arc<Vec<String>>,
    concurrency: usize,
    op: PointOp,
) -> AnyResult<Timing> {
    let (hands, ids) = (hands.clone(), ids.clone());
    timed(ids.len(), concurrency, move |i| {
        let (hands, ids) = (hands.clone(), ids.clone());
        async move {
            let hand = &hands[i % hands.len()];
            let id = &ids[i];
            match op.at(i) {
                PointOp::ActorGet => {
                    hand.actor_get(id).await?.ok_or("baseline: actor missing")?;
                }
                PointOp::PropertySet => {
                    hand.property_set(id, "displayName", &format!("hand {i}"))
                        .await?;
                }
                PointOp::PropertyGet => {
                    hand.property_get(id, "displayName")
                        .await?
                        .ok_or("baseline: property missing")?;
                }
                PointOp::PropertyMixed => unreachable!("at() resolves the mix"),
                PointOp::TrustGet => {
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

/// The figures of an operation timed once, without a baseline.
fn single(op: &'static str, concurrency: usize, facade: &Timing) -> OpResult {
    OpResult {
        op,
        concurrency,
        ops_per_sec: facade.ops_per_sec(),
        p50_us: facade.percentile_us(0.5),
        p99_us: facade.percentile_us(0.99),
        baseline: None,
        pooled: None,
        pgbench: None,
    }
}

fn median(values: impl Iterator<Item = f64>) -> f64 {
    Spread::of(values.collect()).median
}

/// The hand-written baselines a point operation is compared with: a connection per task, and
/// one deadpool-postgres pool shared by the tasks.
struct Baselines {
    hands: Arc<Vec<Baseline>>,
    pooled: Arc<Vec<PooledBaseline>>,
}

/// The facade's rounds against a baseline's, round by round.
fn versus(facade: &[Timing], baseline: &[Timing]) -> BaselineResult {
    let rounds = facade.iter().zip(baseline);
    BaselineResult {
        ops_per_sec: median(baseline.iter().map(Timing::ops_per_sec)),
        p50_us: median(baseline.iter().map(|t| t.percentile_us(0.5))),
        p50_ratio: Spread::of(
            rounds
                .clone()
                .map(|(f, b)| f.percentile_us(0.5) / b.percentile_us(0.5))
                .collect(),
        ),
        throughput_ratio: Spread::of(
            rounds
                .map(|(f, b)| f.ops_per_sec() / b.ops_per_sec())
                .collect(),
        ),
    }
}

/// Times a point operation in `rounds` rounds of facade, the hand-written baselines and (for
/// the mix, when given) pgbench, one after the other.
async fn compared(
    store: &Store,
    baselines: &Baselines,
    ids: &Arc<Vec<String>>,
    op: PointOp,
    rounds: usize,
    pgbench: Option<&pgbench::Pgbench<'_>>,
) -> AnyResult<OpResult> {
    let concurrency = baselines.hands.len();
    let pgbench = pgbench.filter(|_| op == PointOp::PropertyMixed);
    let (mut facade, mut hand, mut pooled, mut tps) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    // Each round starts with the next contender, so that none always runs right after
    // another's writes (the first one after pgbench's seconds of updates to the same rows
    // pays for pruning their dead versions).
    let contenders = if pgbench.is_some() { 4 } else { 3 };
    for round in 0..rounds {
        for turn in 0..contenders {
            match ((round + turn) % contenders, pgbench) {
                (0, _) => facade.push(facade_timed(store, ids, concurrency, op).await?),
                (1, _) => hand.push(hand_timed(&baselines.hands, ids, concurrency, op).await?),
                (2, _) => pooled.push(hand_timed(&baselines.pooled, ids, concurrency, op).await?),
                (_, Some(pgbench)) => tps.push(pgbench.tps(concurrency).await?),
                (_, None) => unreachable!("a fourth contender only with pgbench"),
            }
        }
    }
    let fraction = |timings: &[Timing]| {
        Spread::of(
            timings
                .iter()
                .zip(&tps)
                .map(|(t, tps)| t.ops_per_sec() / tps)
                .collect(),
        )
    };
    Ok(OpResult {
        op: op.name(),
        concurrency,
        ops_per_sec: median(facade.iter().map(Timing::ops_per_sec)),
        p50_us: median(facade.iter().map(|t| t.percentile_us(0.5))),
        p99_us: median(facade.iter().map(|t| t.percentile_us(0.99))),
        baseline: Some(versus(&facade, &hand)),
        pooled: Some(versus(&facade, &pooled)),
        pgbench: pgbench.map(|_| PgbenchResult {
            tps: median(tps.iter().copied()),
            facade_fraction: fraction(&facade),
            hand_fraction: fraction(&hand),
        }),
    })
}

/// Runs the workload once per concurrency level on `actors` fresh actors each, the compared
/// operations in rounds, and deletes everything it wrote (the last operation is the full
/// actor delete).
pub(crate) async fn run(store: &Store, options: &BenchOptions) -> AnyResult<BenchReport> {
    let mut results = Vec::new();
    let actors = options.actors;
    let scripts = std::env::temp_dir().join(format!("actingweb-pg-bench-{}", std::process::id()));
    if options.pgbench.is_some() {
        std::fs::create_dir_all(&scripts)?;
        pgbench::Pgbench::write_scripts(&scripts)?;
    }
    for &concurrency in &options.levels {
        // Decimal actor ids `base + i`, which pgbench's scripts compute from `base`.
        let base = u64::from(std::process::id()) * 10_000_000_000 + concurrency as u64 * 10_000_000;
        let ids: Arc<Vec<String>> =
            Arc::new((0..actors).map(|i| (base + i as u64).to_string()).collect());
        let config = store.config();
        let (pg, schema) = (config.pg_config(), Some(config.schema_name()));
        let mut hands = Vec::new();
        for _ in 0..concurrency {
            hands.push(Baseline::connect(pg, schema).await?);
        }
        let pool = PooledBaseline::connect(pg, schema, concurrency).await?;
        let baselines = Baselines {
            hands: Arc::new(hands),
            pooled: Arc::new(vec![pool]),
        };
        let pgbench = options.pgbench.as_deref().map(|program| pgbench::Pgbench {
            program,
            dir: &scripts,
            config: store.config().pg_config(),
            schema: store.config().schema_name(),
            base,
            actors,
            duration: options.pgbench_duration,
        });
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
        let compare = async |op| {
            compared(
                store,
                &baselines,
                &ids,
                op,
                options.rounds,
                pgbench.as_ref(),
            )
            .await
        };
        let t = facade!(|s, id, i| s.actors().create(id, "bench@example.com", "pw").await?);
        results.push(single("actor create", concurrency, &t));
        results.push(compare(PointOp::ActorGet).await?);
        results.push(compare(PointOp::PropertySet).await?);
        results.push(compare(PointOp::PropertyGet).await?);
        results.push(compare(PointOp::PropertyMixed).await?);
        let t = facade!(|s, id, i| s
            .properties()
            .set(id, "email", &format!("{id}@example.com"))
            .await?);
        results.push(single("indexed property set", concurrency, &t));
        let t = facade!(|s, id, i| s.properties().fetch(id).await?);
        results.push(single("property list", concurrency, &t));
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
        results.push(single("trust create", concurrency, &t));
        results.push(compare(PointOp::TrustGet).await?);
        let t = facade!(|s, id, i| s.trusts().get_by_token(id, &format!("secret-{id}")).await?);
        results.push(single("trust get by token", concurrency, &t));
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
        results.push(single("attribute set", concurrency, &t));
        let t = facade!(|s, id, i| s.attributes().get_bucket(id, "bench").await?);
        results.push(single("attribute get bucket", concurrency, &t));
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
        results.push(single("subscription + diff create", concurrency, &t));
        let t = facade!(|s, id, i| s.delete_actor(id).await?);
        results.push(single("actor delete (all tables)", concurrency, &t));
    }
    if options.pgbench.is_some() {
        std::fs::remove_dir_all(&scripts)?;
    }
    Ok(BenchReport {
        rounds: options.rounds,
        runtime: options.runtime,
        targets: targets(&results),
        operations: results,
    })
}

/// The design's targets: point operations at most 1.10× the hand-written baseline's median
/// latency at 1 and 8 tasks (every level run), the mix at least 90% of pgbench's throughput.
fn targets(results: &[OpResult]) -> Vec<TargetResult> {
    let mut targets = Vec::new();
    for r in results {
        if let Some(b) = &r.baseline {
            targets.push(TargetResult {
                what: format!("{} c{}: p50 facade / hand", r.op, r.concurrency),
                goal: "<= 1.10".into(),
                value: b.p50_ratio.median,
                met: b.p50_ratio.median <= 1.10,
            });
        }
        if let Some(p) = &r.pgbench {
            targets.push(TargetResult {
                what: format!("{} c{}: throughput facade / pgbench", r.op, r.concurrency),
                goal: ">= 0.90".into(),
                value: p.facade_fraction.median,
                met: p.facade_fraction.median >= 0.90,
            });
        }
    }
    targets
}

/// The report as text: one line per operation; for the compared ones the medians over the
/// rounds and each ratio's median with its lowest..highest round; then pgbench and the targets.
pub(crate) fn table(report: &BenchReport) -> String {
    let spread = |s: &Spread| format!("{:.3} ({:.3}..{:.3})", s.median, s.min, s.max);
    let mut out = format!(
        "{:<27} {:>4} {:>10} {:>9} {:>9} {:>11} {:>9}  {:<21}  {:<21}  {}\n",
        "operation",
        "conc",
        "ops/s",
        "p50 µs",
        "p99 µs",
        "hand ops/s",
        "hand p50",
        "p50 × (min..max)",
        "tput × (min..max)",
        "pooled p50 × (min..max)"
    );
    for r in &report.operations {
        out += &format!(
            "{:<27} {:>4} {:>10.0} {:>9.1} {:>9.1}",
            r.op, r.concurrency, r.ops_per_sec, r.p50_us, r.p99_us
        );
        if let (Some(b), Some(pooled)) = (&r.baseline, &r.pooled) {
            out += &format!(
                " {:>11.0} {:>9.1}  {:<21}  {:<21}  {}",
                b.ops_per_sec,
                b.p50_us,
                spread(&b.p50_ratio),
                spread(&b.throughput_ratio),
                spread(&pooled.p50_ratio)
            );
        }
        out += "\n";
    }
    for r in &report.operations {
        if let Some(p) = &r.pgbench {
            out += &format!(
                "pgbench, same SQL as {} c{}: {:.0} tps; facade {} of it, hand {}\n",
                r.op,
                r.concurrency,
                p.tps,
                spread(&p.facade_fraction),
                spread(&p.hand_fraction)
            );
        }
    }
    out += &format!(
        "medians over {} interleaved rounds, on a {} runtime\n",
        report.rounds, report.runtime
    );
    for t in &report.targets {
        let met = if t.met { "met" } else { "NOT met" };
        out += &format!(
            "target {}: {:.3}, goal {}: {met}\n",
            t.what, t.value, t.goal
        );
    }
    out
}
