//! `actingweb-pg load`: an ActingWeb request mix against the store, open-loop at a fixed
//! arrival rate (or closed-loop with a number of agents), with latency per operation, errors
//! by kind, pool acquisition times, and a read-back of every acknowledged write at the end.
//!
//! Open loop: request `i` is scheduled at `start + i / rate` whatever the state of earlier
//! ones; its latency runs from that scheduled time, so time spent waiting for one of the
//! `--concurrency` in-flight slots (or behind a slow dispatcher) counts (no coordinated
//! omission). Closed loop: each agent runs its operations one after the other, each timed
//! from its own start.
//!
//! Writes to one key (a property or an attribute of one actor) never overlap: each key has a
//! lock held from before the write is sent until its outcome is recorded, so the order of
//! acknowledgements is the order of commits and the last acknowledged value is what the
//! database must hold. The wait for that lock is part of the write's latency.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicI32, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use actingweb_pg::subscriptions::NewSubscription;
use actingweb_pg::{ErrorKind, NewTrust, Store};
use futures::StreamExt;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

type AnyResult<T> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// Plain (not indexed) property names each actor's writes and reads go to.
const PROPERTY_NAMES: [&str; 4] = ["load_p0", "load_p1", "load_p2", "load_p3"];
/// The indexed property written (it keeps `property_lookup` in step).
const INDEXED_PROPERTY: &str = "email";
/// The indexed property the reverse lookups read (set up once, never written by the run).
const LOOKUP_PROPERTY: &str = "externalUserId";
/// The attribute bucket and names written.
const ATTRIBUTE_BUCKET: &str = "load";
const ATTRIBUTE_NAMES: [&str; 4] = ["a0", "a1", "a2", "a3"];
/// TTL of attribute writes: with the reference's one-hour buffer they stay live for two
/// hours, longer than any run and its read-back.
const ATTRIBUTE_TTL_SECONDS: i64 = 3600;
/// The subscription of each actor whose diffs are created.
const SUBSCRIPTION_ID: &str = "load-sub";

/// One operation of the mix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Op {
    ActorGet,
    TrustGetByToken,
    PropertyGet,
    PropertySet,
    IndexedPropertySet,
    LookupByValue,
    AttributeSetTtl,
    DiffCreate,
}

/// The mix: each operation and its share in percent (they add up to 100).
pub(crate) const MIX: [(Op, u64); 8] = [
    (Op::ActorGet, 20),
    (Op::TrustGetByToken, 15),
    (Op::PropertyGet, 20),
    (Op::PropertySet, 10),
    (Op::IndexedPropertySet, 5),
    (Op::LookupByValue, 10),
    (Op::AttributeSetTtl, 10),
    (Op::DiffCreate, 10),
];

impl Op {
    /// The name in reports.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Op::ActorGet => "actor_get",
            Op::TrustGetByToken => "trust_get_by_token",
            Op::PropertyGet => "property_get",
            Op::PropertySet => "property_set",
            Op::IndexedPropertySet => "indexed_property_set",
            Op::LookupByValue => "property_lookup_by_value",
            Op::AttributeSetTtl => "attribute_set_ttl",
            Op::DiffCreate => "subscription_diff_create",
        }
    }
}

/// splitmix64: the request number decides the operation, the actor and the key, so a run is
/// the same sequence of requests every time.
fn mix64(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// Request `i`: its operation, actor index and key slot.
fn request(i: u64, actors: usize) -> (Op, usize, usize) {
    let r = mix64(i);
    let mut pick = r % 100;
    let op = MIX
        .iter()
        .find(|(_, share)| {
            let hit = pick < *share;
            pick = pick.saturating_sub(*share);
            hit
        })
        .map_or(Op::ActorGet, |(op, _)| *op);
    let actor = ((r >> 8) % actors as u64) as usize;
    let slot = ((r >> 40) % 4) as usize;
    (op, actor, slot)
}

/// How the requests arrive.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Schedule {
    /// `rate` requests per second for `duration`, at most `concurrency` in flight.
    Open {
        rate: f64,
        duration: Duration,
        concurrency: usize,
    },
    /// `agents` tasks, each running `ops_per_agent` requests one after the other.
    Closed { agents: usize, ops_per_agent: u64 },
}

/// The last acknowledged write of one key, and the values of writes to it whose outcome is
/// unknown (they returned an error: they may or may not be stored).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub(crate) struct KeyWrites {
    /// The last acknowledged value.
    pub value: Option<Value>,
    /// Acknowledged writes of this key.
    pub acknowledged: u64,
    /// Values of writes that returned an error.
    pub unknown: Vec<Value>,
}

/// A stored property the ledger expects.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub(crate) struct PropertyEntry {
    pub actor: String,
    pub name: String,
    #[serde(flatten)]
    pub writes: KeyWrites,
}

/// A stored attribute the ledger expects.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub(crate) struct AttributeEntry {
    pub actor: String,
    pub bucket: String,
    pub name: String,
    #[serde(flatten)]
    pub writes: KeyWrites,
}

/// An acknowledged subscription diff.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub(crate) struct DiffEntry {
    pub actor: String,
    pub subid: String,
    pub seqnr: i32,
    pub diff: String,
}

/// Every acknowledged write of a run (what `--ledger` writes and `--verify` reads), and the
/// actors it created.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub(crate) struct Ledger {
    pub actors: Vec<String>,
    pub properties: Vec<PropertyEntry>,
    pub attributes: Vec<AttributeEntry>,
    pub diffs: Vec<DiffEntry>,
    /// Diff creations that returned an error.
    pub unknown_diffs: u64,
}

/// What the read-back found.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq, Eq)]
pub(crate) struct Verification {
    /// Acknowledged writes in the ledger.
    pub acknowledged_writes: u64,
    /// Acknowledged writes found: every write of a key whose last acknowledged value is
    /// stored (an earlier one was overwritten by it), and every acknowledged diff found.
    pub verified: u64,
    /// Keys whose last acknowledged value is not stored, and acknowledged diffs not found:
    /// must be 0.
    pub lost: u64,
    /// Keys holding the value of a later write whose outcome was unknown (not lost: that
    /// write may have been committed).
    pub superseded_by_unknown_outcome: u64,
    /// Writes that returned an error (outcome unknown): not checked.
    pub unknown_outcome_writes: u64,
}

/// Reads every write of `ledger` back from the store, `concurrency` reads at a time.
pub(crate) async fn verify(
    store: &Store,
    ledger: &Ledger,
    concurrency: usize,
) -> AnyResult<Verification> {
    #[derive(Clone, Copy)]
    enum Found {
        Ok(u64),
        Lost,
        Superseded,
    }
    let judge = |stored: Option<Value>, writes: &KeyWrites| match stored {
        // Only writes with an unknown outcome: nothing was promised.
        _ if writes.value.is_none() => Found::Ok(0),
        Some(v) if Some(&v) == writes.value.as_ref() => Found::Ok(writes.acknowledged),
        Some(v) if writes.unknown.contains(&v) => Found::Superseded,
        _ => Found::Lost,
    };
    let properties = futures::stream::iter(&ledger.properties)
        .map(|p| async move {
            let properties = store.properties();
            let stored = properties.get(&p.actor, &p.name).await?;
            let found = judge(stored.clone().map(Value::String), &p.writes);
            // An indexed property is only stored with its lookup row.
            if let (Found::Ok(_), true, Some(value)) =
                (found, properties.is_indexed(&p.name), stored)
            {
                let holder = properties.actor_id_by_value(&p.name, &value).await?;
                if holder.as_deref() != Some(p.actor.as_str()) {
                    return AnyResult::Ok(Found::Lost);
                }
            }
            Ok(found)
        })
        .buffer_unordered(concurrency);
    let attributes = futures::stream::iter(&ledger.attributes)
        .map(|a| async move {
            let stored = store.attributes().get(&a.actor, &a.bucket, &a.name).await?;
            AnyResult::Ok(judge(stored.map(|s| s.data), &a.writes))
        })
        .buffer_unordered(concurrency);
    let diffs = futures::stream::iter(&ledger.diffs)
        .map(|d| async move {
            let stored = store
                .subscription_diffs()
                .get(&d.actor, &d.subid, Some(d.seqnr))
                .await?;
            AnyResult::Ok(match stored {
                Some(s) if s.diff == d.diff => Found::Ok(1),
                _ => Found::Lost,
            })
        })
        .buffer_unordered(concurrency);
    let found: Vec<AnyResult<Found>> = properties.chain(attributes).chain(diffs).collect().await;
    let keys = ledger.properties.iter().map(|p| &p.writes);
    let keys = keys.chain(ledger.attributes.iter().map(|a| &a.writes));
    let mut v = Verification {
        acknowledged_writes: keys.clone().map(|w| w.acknowledged).sum::<u64>()
            + ledger.diffs.len() as u64,
        unknown_outcome_writes: keys.map(|w| w.unknown.len() as u64).sum::<u64>()
            + ledger.unknown_diffs,
        ..Verification::default()
    };
    for f in found {
        match f? {
            Found::Ok(n) => v.verified += n,
            Found::Lost => v.lost += 1,
            Found::Superseded => v.superseded_by_unknown_outcome += 1,
        }
    }
    Ok(v)
}

/// Latencies of one operation, and how its requests ended.
#[derive(Default)]
struct OpStats {
    latencies_us: Vec<u64>,
    ok: u64,
    errors: u64,
    /// Reads that found nothing where the set-up stored something.
    missing: u64,
}

/// Percentiles of a set of durations, in milliseconds.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq)]
pub(crate) struct Percentiles {
    pub count: u64,
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
}

impl Percentiles {
    fn of(mut us: Vec<u64>) -> Percentiles {
        if us.is_empty() {
            return Percentiles::default();
        }
        us.sort_unstable();
        let at = |p: f64| us[((us.len() - 1) as f64 * p).round() as usize] as f64 / 1000.0;
        Percentiles {
            count: us.len() as u64,
            p50_ms: at(0.50),
            p95_ms: at(0.95),
            p99_ms: at(0.99),
            max_ms: at(1.0),
        }
    }
}

/// One operation in the report.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct OpReport {
    pub op: &'static str,
    pub ok: u64,
    pub errors: u64,
    pub missing: u64,
    #[serde(flatten)]
    pub latency: Percentiles,
}

/// The report of a run.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Report {
    /// `open` (fixed arrival rate) or `closed` (agents).
    pub mode: &'static str,
    pub target_rate: Option<f64>,
    pub duration_s: Option<f64>,
    pub concurrency: usize,
    pub actors: usize,
    /// The mix, in percent per operation.
    pub mix: BTreeMap<&'static str, u64>,
    /// Requests sent.
    pub requests: u64,
    /// Seconds from the first scheduled request to the last completion.
    pub elapsed_s: f64,
    /// Completed requests per second.
    pub achieved_rate: f64,
    /// The most a request was sent after its scheduled time, in milliseconds (open loop).
    pub dispatch_lag_max_ms: f64,
    pub latency: Percentiles,
    pub operations: Vec<OpReport>,
    /// Failed requests by [`ErrorKind`].
    pub errors_by_kind: BTreeMap<String, u64>,
    /// Waits for a pooled connection during the run, from the library's
    /// `actingweb_pg_pool_acquire_duration_seconds` histogram.
    pub pool_acquire: Percentiles,
    pub verification: Verification,
}

/// What the request tasks share.
struct Shared {
    store: Store,
    run: String,
    ids: Vec<String>,
    /// Per actor: its properties (plain names, then the indexed one).
    properties: Vec<[tokio::sync::Mutex<KeyWrites>; 5]>,
    attributes: Vec<[tokio::sync::Mutex<KeyWrites>; 4]>,
    /// Per actor: the next diff sequence number of its subscription.
    next_seqnr: Vec<AtomicI32>,
    diffs: Mutex<Vec<DiffEntry>>,
    unknown_diffs: AtomicU64,
    stats: Mutex<BTreeMap<Op, OpStats>>,
    errors: Mutex<BTreeMap<String, u64>>,
}

fn actor_id(run: &str, i: usize) -> String {
    format!("load-{run}-{i}")
}

fn external_user_id(actor_id: &str) -> String {
    format!("ext-{actor_id}")
}

fn trust_secret(run: &str, i: usize) -> String {
    format!("load-secret-{run}-{i}")
}

impl Shared {
    /// Runs request `i` and records its outcome and latency (from `since`).
    async fn request(&self, i: u64, since: Instant) {
        let (op, actor, slot) = request(i, self.ids.len());
        let outcome = self.perform(op, actor, slot, i).await;
        let latency = since.elapsed().as_micros() as u64;
        let mut stats = self.stats.lock().expect("not poisoned");
        let s = stats.entry(op).or_default();
        s.latencies_us.push(latency);
        match outcome {
            Ok(true) => s.ok += 1,
            Ok(false) => {
                s.ok += 1;
                s.missing += 1;
            }
            Err(kind) => {
                s.errors += 1;
                drop(stats);
                *self
                    .errors
                    .lock()
                    .expect("not poisoned")
                    .entry(format!("{kind:?}"))
                    .or_default() += 1;
            }
        }
    }

    /// The request itself: `Ok(false)` for a read that found nothing.
    async fn perform(&self, op: Op, actor: usize, slot: usize, i: u64) -> Result<bool, ErrorKind> {
        let id = self.ids[actor].as_str();
        let s = &self.store;
        let result = match op {
            Op::ActorGet => found(s.actors().get(id).await),
            Op::TrustGetByToken => found(
                s.trusts()
                    .get_by_token(id, &trust_secret(&self.run, actor))
                    .await,
            ),
            Op::PropertyGet => found(s.properties().get(id, PROPERTY_NAMES[slot]).await),
            Op::LookupByValue => {
                let value = external_user_id(id);
                found(
                    s.properties()
                        .actor_id_by_value(LOOKUP_PROPERTY, &value)
                        .await,
                )
            }
            Op::PropertySet | Op::IndexedPropertySet => {
                let (name, key) = match op {
                    Op::PropertySet => (PROPERTY_NAMES[slot], &self.properties[actor][slot]),
                    _ => (INDEXED_PROPERTY, &self.properties[actor][4]),
                };
                let value = match op {
                    Op::PropertySet => format!("v{i}"),
                    _ => format!("{id}-{i}@example.org"),
                };
                let mut key = key.lock().await;
                let result = s.properties().set(id, name, &value).await;
                record(&mut key, Value::String(value), &result);
                result.map(|()| true)
            }
            Op::AttributeSetTtl => {
                let data = json!({"i": i, "chain_id": format!("chain-{}", i % 7)});
                let mut key = self.attributes[actor][slot].lock().await;
                let result = s
                    .attributes()
                    .set(
                        id,
                        ATTRIBUTE_BUCKET,
                        ATTRIBUTE_NAMES[slot],
                        &data,
                        Some(ATTRIBUTE_TTL_SECONDS),
                    )
                    .await;
                record(&mut key, data, &result);
                result.map(|()| true)
            }
            Op::DiffCreate => {
                let seqnr = self.next_seqnr[actor].fetch_add(1, Ordering::Relaxed);
                let diff = json!({"load_p0": format!("v{i}")}).to_string();
                let result = s
                    .subscription_diffs()
                    .create(id, SUBSCRIPTION_ID, seqnr, &diff)
                    .await;
                match &result {
                    Ok(_) => self.diffs.lock().expect("not poisoned").push(DiffEntry {
                        actor: id.to_string(),
                        subid: SUBSCRIPTION_ID.into(),
                        seqnr,
                        diff,
                    }),
                    Err(_) => {
                        self.unknown_diffs.fetch_add(1, Ordering::Relaxed);
                    }
                }
                result.map(|_| true)
            }
        };
        result.map_err(|e| e.kind())
    }

    /// The acknowledged writes, for the read-back.
    fn ledger(&self) -> Ledger {
        let mut ledger = Ledger {
            actors: self.ids.clone(),
            diffs: self.diffs.lock().expect("not poisoned").clone(),
            unknown_diffs: self.unknown_diffs.load(Ordering::Relaxed),
            ..Ledger::default()
        };
        let written = |k: &tokio::sync::Mutex<KeyWrites>| {
            let k = k.try_lock().expect("no request runs any more").clone();
            (k.acknowledged > 0 || !k.unknown.is_empty()).then_some(k)
        };
        for (a, id) in self.ids.iter().enumerate() {
            let names = PROPERTY_NAMES.iter().chain([&INDEXED_PROPERTY]);
            for (name, key) in names.zip(&self.properties[a]) {
                if let Some(writes) = written(key) {
                    ledger.properties.push(PropertyEntry {
                        actor: id.clone(),
                        name: name.to_string(),
                        writes,
                    });
                }
            }
            for (name, key) in ATTRIBUTE_NAMES.iter().zip(&self.attributes[a]) {
                if let Some(writes) = written(key) {
                    ledger.attributes.push(AttributeEntry {
                        actor: id.clone(),
                        bucket: ATTRIBUTE_BUCKET.into(),
                        name: name.to_string(),
                        writes,
                    });
                }
            }
        }
        ledger
    }
}

/// Whether a read found something.
fn found<T>(read: actingweb_pg::Result<Option<T>>) -> actingweb_pg::Result<bool> {
    read.map(|v| v.is_some())
}

/// Records the outcome of a write of `value` to a key.
fn record<T>(key: &mut KeyWrites, value: Value, result: &actingweb_pg::Result<T>) {
    match result {
        Ok(_) => {
            key.value = Some(value);
            key.acknowledged += 1;
        }
        Err(_) => key.unknown.push(value),
    }
}

/// Creates `actors` actors, each with a trust, a subscription, its plain properties, its
/// e-mail and its external user id (which the lookups find), `concurrency` actors at a time.
async fn populate(store: &Store, run: &str, actors: usize, concurrency: usize) -> AnyResult<()> {
    let created = futures::stream::iter(0..actors)
        .map(|i| async move {
            let id = actor_id(run, i);
            store
                .actors()
                .create(&id, "load@example.com", "load passphrase")
                .await?;
            let trust = NewTrust {
                peerid: format!("peer-{i}"),
                baseuri: format!("https://peer.example.com/{i}"),
                peer_type: "urn:actingweb:load".into(),
                relationship: "friend".into(),
                secret: trust_secret(run, i),
                approved: true,
                peer_approved: true,
                ..NewTrust::default()
            };
            store.trusts().create(&id, &trust).await?;
            let subscription = NewSubscription {
                peerid: format!("peer-{i}"),
                subid: SUBSCRIPTION_ID.into(),
                granularity: Some("high".into()),
                target: Some("properties".into()),
                seqnr: 1,
                callback: false,
                ..NewSubscription::default()
            };
            store.subscriptions().create(&id, &subscription).await?;
            for name in PROPERTY_NAMES {
                store.properties().set(&id, name, "initial").await?;
            }
            let email = format!("{id}@example.com");
            let value = external_user_id(&id);
            store.properties().set(&id, LOOKUP_PROPERTY, &value).await?;
            store
                .properties()
                .set(&id, INDEXED_PROPERTY, &email)
                .await?;
            AnyResult::Ok(())
        })
        .buffer_unordered(concurrency);
    created
        .collect::<Vec<_>>()
        .await
        .into_iter()
        .collect::<AnyResult<Vec<()>>>()?;
    Ok(())
}

/// Deletes the actors with all their rows, `concurrency` at a time.
pub(crate) async fn clean_up(store: &Store, ids: &[String], concurrency: usize) -> AnyResult<()> {
    let deleted: Vec<_> = futures::stream::iter(ids)
        .map(|id| store.delete_actor(id))
        .buffer_unordered(concurrency)
        .collect()
        .await;
    for d in deleted {
        d?;
    }
    Ok(())
}

/// `load`: the command line options.
#[derive(Debug, clap::Args)]
pub(crate) struct LoadArgs {
    /// Requests per second (open loop: request i is sent at start + i/rate, whatever the
    /// state of earlier ones).
    #[arg(long, required_unless_present_any = ["agents", "verify"])]
    rate: Option<f64>,
    /// How long to send requests (`10s`, `10m`, `1h`).
    #[arg(long, value_parser = crate::parse_interval, required_unless_present_any = ["agents", "verify"])]
    duration: Option<Duration>,
    /// Most requests in flight (open loop); a request waiting for a slot has its wait
    /// counted in its latency.
    #[arg(long, default_value_t = 64)]
    concurrency: usize,
    /// Closed loop instead: this many agents, each sending its requests one after the other.
    #[arg(long, conflicts_with_all = ["rate", "duration"], requires = "ops_per_agent")]
    agents: Option<usize>,
    /// Requests of each agent (closed loop).
    #[arg(long, requires = "agents")]
    ops_per_agent: Option<u64>,
    /// Actors created before the run (each with a trust, a subscription and properties).
    #[arg(long, default_value_t = 1000)]
    actors: usize,
    /// Keep the actors at the end instead of deleting them.
    #[arg(long)]
    keep: bool,
    /// Write every acknowledged write (key and last value) to this JSON file, for `--verify`.
    #[arg(long, value_name = "FILE")]
    ledger: Option<std::path::PathBuf>,
    /// Send no load: read back every write of a ledger written by `--ledger`, report what is
    /// lost, then delete its actors (unless `--keep`).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["rate", "duration", "agents", "ledger"])]
    verify: Option<std::path::PathBuf>,
}

impl LoadArgs {
    /// The most connections the run uses at once.
    pub(crate) fn parallelism(&self) -> usize {
        self.agents.unwrap_or(self.concurrency)
    }
}

/// Runs `load` on `store` and prints the report; an error when a write is lost.
pub(crate) async fn command(store: &Store, args: LoadArgs, json: bool) -> AnyResult<()> {
    let parallelism = args.parallelism();
    if parallelism == 0 || args.actors == 0 {
        return Err("--concurrency, --agents and --actors must be at least 1".into());
    }
    let verification = match &args.verify {
        Some(path) => {
            let ledger = read_ledger(path)?;
            let verification = verify(store, &ledger, parallelism).await?;
            if !args.keep {
                clean_up(store, &ledger.actors, parallelism).await?;
            }
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&json!({ "verification": verification }))?
                );
            } else {
                print!("{}", verification_text(&verification));
            }
            verification
        }
        None => {
            let schedule = match (args.rate, args.duration, args.agents, args.ops_per_agent) {
                (_, _, Some(agents), Some(ops_per_agent)) => Schedule::Closed {
                    agents,
                    ops_per_agent,
                },
                (Some(rate), Some(duration), _, _) if rate > 0.0 && rate.is_finite() => {
                    Schedule::Open {
                        rate,
                        duration,
                        concurrency: args.concurrency,
                    }
                }
                _ => return Err("--rate must be a positive number".into()),
            };
            let options = Options {
                schedule,
                actors: args.actors,
                keep: args.keep,
                ledger: args.ledger,
            };
            let report = run(store, &options).await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&report)?);
            } else {
                print!("{}", text(&report));
            }
            report.verification
        }
    };
    if verification.lost > 0 {
        return Err(format!("{} acknowledged writes are lost", verification.lost).into());
    }
    Ok(())
}

/// Options of a run.
#[derive(Debug, Clone)]
pub(crate) struct Options {
    pub schedule: Schedule,
    pub actors: usize,
    /// Keep the actors (and write nothing away) at the end.
    pub keep: bool,
    /// Write the ledger of acknowledged writes here.
    pub ledger: Option<std::path::PathBuf>,
}

/// Populates, runs the load, reads every acknowledged write back and (unless `keep`) deletes
/// the actors.
pub(crate) async fn run(store: &Store, options: &Options) -> AnyResult<Report> {
    let (concurrency, requests) = match options.schedule {
        Schedule::Open {
            rate,
            duration,
            concurrency,
        } => (concurrency, (rate * duration.as_secs_f64()).round() as u64),
        Schedule::Closed {
            agents,
            ops_per_agent,
        } => (agents, agents as u64 * ops_per_agent),
    };
    let n = options.actors;
    let run = format!(
        "{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)?
            .as_millis()
    );
    populate(store, &run, n, concurrency).await?;
    let shared = Arc::new(Shared {
        store: store.clone(),
        ids: (0..n).map(|i| actor_id(&run, i)).collect(),
        run,
        properties: (0..n).map(|_| Default::default()).collect(),
        attributes: (0..n).map(|_| Default::default()).collect(),
        next_seqnr: (0..n).map(|_| AtomicI32::new(1)).collect(),
        diffs: Mutex::default(),
        unknown_diffs: AtomicU64::new(0),
        stats: Mutex::default(),
        errors: Mutex::default(),
    });
    let acquire = acquire_times()?;
    acquire.clear();
    let started = Instant::now();
    let mut dispatch_lag = Duration::ZERO;
    match options.schedule {
        Schedule::Open {
            rate, concurrency, ..
        } => {
            let slots = Arc::new(tokio::sync::Semaphore::new(concurrency));
            for i in 0..requests {
                let scheduled = started + Duration::from_secs_f64(i as f64 / rate);
                tokio::time::sleep_until(scheduled.into()).await;
                let slot = slots.clone().acquire_owned().await?;
                dispatch_lag = dispatch_lag.max(scheduled.elapsed());
                let shared = shared.clone();
                tokio::spawn(async move {
                    shared.request(i, scheduled).await;
                    drop(slot);
                });
            }
            // Every slot back: every request has ended.
            let _all = slots.acquire_many(concurrency as u32).await?;
        }
        Schedule::Closed {
            agents,
            ops_per_agent,
        } => {
            let tasks: Vec<_> = (0..agents as u64)
                .map(|agent| {
                    let shared = shared.clone();
                    tokio::spawn(async move {
                        for j in 0..ops_per_agent {
                            shared
                                .request(agent * ops_per_agent + j, Instant::now())
                                .await;
                        }
                    })
                })
                .collect();
            for task in tasks {
                task.await?;
            }
        }
    }
    let elapsed = started.elapsed();
    let pool_acquire = Percentiles::of(acquire.take_us());
    let ledger = shared.ledger();
    if let Some(path) = &options.ledger {
        write_ledger(path, &ledger)?;
    }
    let verification = verify(store, &ledger, concurrency).await?;
    if !options.keep {
        clean_up(store, &ledger.actors, concurrency).await?;
    }
    let stats = std::mem::take(&mut *shared.stats.lock().expect("not poisoned"));
    let all: Vec<u64> = stats
        .values()
        .flat_map(|s| s.latencies_us.iter().copied())
        .collect();
    let completed = all.len() as u64;
    let (target_rate, duration_s) = match options.schedule {
        Schedule::Open { rate, duration, .. } => (Some(rate), Some(duration.as_secs_f64())),
        Schedule::Closed { .. } => (None, None),
    };
    Ok(Report {
        mode: match options.schedule {
            Schedule::Open { .. } => "open",
            Schedule::Closed { .. } => "closed",
        },
        target_rate,
        duration_s,
        concurrency,
        actors: n,
        mix: MIX.iter().map(|(op, share)| (op.name(), *share)).collect(),
        requests,
        elapsed_s: elapsed.as_secs_f64(),
        achieved_rate: completed as f64 / elapsed.as_secs_f64(),
        dispatch_lag_max_ms: dispatch_lag.as_secs_f64() * 1000.0,
        latency: Percentiles::of(all),
        operations: stats
            .into_iter()
            .map(|(op, s)| OpReport {
                op: op.name(),
                ok: s.ok,
                errors: s.errors,
                missing: s.missing,
                latency: Percentiles::of(s.latencies_us),
            })
            .collect(),
        errors_by_kind: std::mem::take(&mut *shared.errors.lock().expect("not poisoned")),
        pool_acquire,
        verification,
    })
}

/// The library's pool acquisition times, collected by a metrics recorder this command
/// installs (the only one: every other metric goes nowhere).
pub(crate) struct AcquireTimes(Mutex<Vec<u64>>);

impl AcquireTimes {
    fn clear(&self) {
        self.0.lock().expect("not poisoned").clear();
    }

    /// The waits recorded since the last [`AcquireTimes::clear`], in microseconds.
    fn take_us(&self) -> Vec<u64> {
        std::mem::take(&mut *self.0.lock().expect("not poisoned"))
    }
}

impl metrics::HistogramFn for AcquireTimes {
    fn record(&self, seconds: f64) {
        let us = (seconds * 1e6).round() as u64;
        self.0.lock().expect("not poisoned").push(us);
    }
}

struct AcquireRecorder(Arc<AcquireTimes>);

impl metrics::Recorder for AcquireRecorder {
    fn describe_counter(
        &self,
        _: metrics::KeyName,
        _: Option<metrics::Unit>,
        _: metrics::SharedString,
    ) {
    }
    fn describe_gauge(
        &self,
        _: metrics::KeyName,
        _: Option<metrics::Unit>,
        _: metrics::SharedString,
    ) {
    }
    fn describe_histogram(
        &self,
        _: metrics::KeyName,
        _: Option<metrics::Unit>,
        _: metrics::SharedString,
    ) {
    }

    fn register_counter(&self, _: &metrics::Key, _: &metrics::Metadata<'_>) -> metrics::Counter {
        metrics::Counter::noop()
    }

    fn register_gauge(&self, _: &metrics::Key, _: &metrics::Metadata<'_>) -> metrics::Gauge {
        metrics::Gauge::noop()
    }

    fn register_histogram(
        &self,
        key: &metrics::Key,
        _: &metrics::Metadata<'_>,
    ) -> metrics::Histogram {
        if key.name() == actingweb_pg::telemetry::POOL_ACQUIRE_DURATION {
            metrics::Histogram::from_arc(self.0.clone())
        } else {
            metrics::Histogram::noop()
        }
    }
}

/// The acquisition times, with the recorder installed on the first call.
fn acquire_times() -> AnyResult<Arc<AcquireTimes>> {
    static TIMES: std::sync::OnceLock<Option<Arc<AcquireTimes>>> = std::sync::OnceLock::new();
    TIMES
        .get_or_init(|| {
            let times = Arc::new(AcquireTimes(Mutex::default()));
            metrics::set_global_recorder(AcquireRecorder(times.clone()))
                .ok()
                .map(|()| times)
        })
        .clone()
        .ok_or_else(|| "another metrics recorder is installed: cannot time pool checkouts".into())
}

/// Writes the ledger as JSON (mode 0600 on Unix: it names the actors).
fn write_ledger(path: &Path, ledger: &Ledger) -> AnyResult<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let file = options.open(path)?;
    serde_json::to_writer(std::io::BufWriter::new(file), ledger)?;
    Ok(())
}

/// Reads a ledger written by `--ledger`.
pub(crate) fn read_ledger(path: &Path) -> AnyResult<Ledger> {
    let file = std::fs::File::open(path)
        .map_err(|e| format!("cannot read the ledger {}: {e}", path.display()))?;
    Ok(serde_json::from_reader(std::io::BufReader::new(file))?)
}

/// The report as text.
pub(crate) fn text(report: &Report) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let rate = report
        .target_rate
        .map_or(String::new(), |r| format!(" at {r} req/s target"));
    let _ = writeln!(
        out,
        "{} loop{rate}: {} requests in {:.2} s = {:.1} req/s, {} actors, concurrency {}, dispatch lag max {:.2} ms",
        report.mode,
        report.requests,
        report.elapsed_s,
        report.achieved_rate,
        report.actors,
        report.concurrency,
        report.dispatch_lag_max_ms
    );
    let _ = writeln!(
        out,
        "{:<26} {:>5} {:>9} {:>7} {:>7} {:>9} {:>9} {:>9} {:>9}",
        "operation", "mix%", "ok", "errors", "missing", "p50 ms", "p95 ms", "p99 ms", "max ms"
    );
    let row = |out: &mut String,
               name: &str,
               share: String,
               ok,
               errors,
               missing,
               p: &Percentiles| {
        let _ = writeln!(
            out,
            "{name:<26} {share:>5} {ok:>9} {errors:>7} {missing:>7} {:>9.3} {:>9.3} {:>9.3} {:>9.3}",
            p.p50_ms, p.p95_ms, p.p99_ms, p.max_ms
        );
    };
    for o in &report.operations {
        let share = report.mix.get(o.op).map_or(String::new(), u64::to_string);
        row(&mut out, o.op, share, o.ok, o.errors, o.missing, &o.latency);
    }
    let sum = |f: fn(&OpReport) -> u64| report.operations.iter().map(f).sum::<u64>();
    row(
        &mut out,
        "all",
        "100".into(),
        sum(|o| o.ok),
        sum(|o| o.errors),
        sum(|o| o.missing),
        &report.latency,
    );
    let p = &report.pool_acquire;
    let _ = writeln!(
        out,
        "pool acquisition: {} checkouts, p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms",
        p.count, p.p50_ms, p.p99_ms, p.max_ms
    );
    if report.errors_by_kind.is_empty() {
        let _ = writeln!(out, "errors by kind: none");
    } else {
        let kinds: Vec<String> = report
            .errors_by_kind
            .iter()
            .map(|(k, n)| format!("{k} {n}"))
            .collect();
        let _ = writeln!(out, "errors by kind: {}", kinds.join(", "));
    }
    out.push_str(&verification_text(&report.verification));
    out
}

/// The verification as text.
pub(crate) fn verification_text(v: &Verification) -> String {
    format!(
        "acknowledged writes: {}, verified: {}, lost: {}, unknown outcome: {} (superseding the last acknowledged value: {})\n",
        v.acknowledged_writes,
        v.verified,
        v.lost,
        v.unknown_outcome_writes,
        v.superseded_by_unknown_outcome
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mix_adds_up_to_100_and_every_share_is_drawn() {
        assert_eq!(MIX.iter().map(|(_, s)| s).sum::<u64>(), 100);
        let mut counts = BTreeMap::new();
        for i in 0..100_000 {
            *counts.entry(request(i, 10).0).or_insert(0u64) += 1;
        }
        for (op, share) in MIX {
            let n = counts[&op] as f64 / 1000.0;
            assert!((n - share as f64).abs() < 1.0, "{op:?}: {n}% for {share}%");
        }
    }
}
