//! Fault behaviour against a dedicated PostgreSQL per test: a server restart (fast and
//! immediate) and the termination of every pooled connection under 16 concurrent writers, a
//! client process killed with SIGKILL in the middle of its multi-statement operations, and a
//! stalled server (SIGSTOP).
//!
//! The writers use only the public API. Every write whose call returned `Ok` (acknowledged) is
//! recorded and looked for afterwards with SQL behind the facade's back: none may be missing,
//! and no multi-statement operation may be half applied (an indexed property row without its
//! lookup row or the other way round; a transaction of N rows with fewer than N). Errors during
//! an outage are expected; they are counted by `ErrorKind` and printed with the measured
//! recovery time (`cargo test --release --test faults -- --nocapture`).

mod common;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use actingweb_pg::{Config, Error, Store};
use actingweb_pg_testkit::throwaway::{Cluster, ClusterOptions, StopMode};
use serde_json::json;

/// Concurrent writers in the restart and terminate tests.
const WRITERS: usize = 16;
/// The application name of the writers' pooled connections.
const APP: &str = "awpg-faults";
/// Properties `p0..` (besides the indexed `email`) that one bundle transaction writes.
const BUNDLE_PROPERTIES: usize = 6;
/// Attributes one bundle transaction writes.
const BUNDLE_ATTRIBUTES: usize = 2;
/// Rows of one bundle: the actor, its properties and `email`, the `email` lookup row, the
/// attributes.
const BUNDLE_ROWS: i64 = 1 + BUNDLE_PROPERTIES as i64 + 1 + 1 + BUNDLE_ATTRIBUTES as i64;
/// Failed calls a writer may see after the fault has ended before a call succeeds again.
const MAX_RETRIES_AFTER_FAULT: usize = 64;
/// Every writer must have succeeded again this soon after the fault has ended.
const RECOVERY_BOUND: Duration = Duration::from_secs(15);
/// Hard bounds of every writer loop.
const MAX_OPS_PER_WRITER: usize = 20_000;
const MAX_LOAD_TIME: Duration = Duration::from_secs(45);

/// A cluster of its own (on TCP loopback, `synchronous_commit=on` so that an acknowledged
/// commit survives an immediate shutdown) holding `schema.sql` in database `faults`.
async fn fault_cluster() -> (Arc<Cluster>, String) {
    let cluster = tokio::task::spawn_blocking(|| {
        Cluster::start_with_settings(
            ClusterOptions { tcp: true },
            &[("synchronous_commit", "on")],
        )
    })
    .await
    .unwrap()
    .expect("start a cluster");
    let admin = common::connect(&cluster.tcp_url("postgres").unwrap()).await;
    admin.batch_execute("CREATE DATABASE faults").await.unwrap();
    let url = cluster.tcp_url("faults").unwrap();
    common::connect(&url)
        .await
        .batch_execute(common::SCHEMA_SQL)
        .await
        .unwrap();
    (Arc::new(cluster), url)
}

async fn writers_store(url: &str) -> Store {
    let config = Config::from_url(url)
        .unwrap()
        .pool_size(4, WRITERS)
        .unwrap()
        .pool_timeout(Duration::from_secs(5))
        .application_name(APP);
    Store::connect(config).await.unwrap()
}

/// One bundle: a transaction over four tables, all its rows named after `tag`.
async fn write_bundle(store: &Store, tag: &str, n: usize) -> actingweb_pg::Result<()> {
    let tag = tag.to_string();
    store
        .transaction(move |tx| {
            Box::pin(async move {
                let tag = tag.as_str();
                tx.actors().create(tag, "faults@example.com", "pw").await?;
                for p in 0..BUNDLE_PROPERTIES {
                    tx.properties().set(tag, &format!("p{p}"), tag).await?;
                }
                // indexed: the property row and its lookup row in a SAVEPOINT
                tx.properties()
                    .set(tag, "email", &format!("{tag}@bundle.example"))
                    .await?;
                for a in 0..BUNDLE_ATTRIBUTES {
                    tx.attributes()
                        .set(tag, "fault", &format!("n{a}"), &json!({"n": n}), None)
                        .await?;
                }
                Ok(())
            })
        })
        .await
}

/// What one writer did: its acknowledged writes, and the writes whose call failed.
#[derive(Default)]
struct Log {
    /// Actors created, acknowledged.
    actors: Vec<String>,
    /// Per actor: the last acknowledged `email` and the values tried since (failed calls,
    /// whose outcome may be either).
    emails: HashMap<String, (Option<String>, Vec<String>)>,
    /// Bundle transactions acknowledged.
    bundles: Vec<String>,
    acknowledged: usize,
    errors: BTreeMap<String, usize>,
    first_error: HashMap<String, String>,
    error_span: Option<(Instant, Instant)>,
    /// Calls that failed after the fault ended, before the first success.
    retries_after_fault: usize,
    /// The first success after the fault ended.
    recovered_at: Option<Instant>,
}

impl Log {
    fn error(&mut self, e: &Error, fault_over: bool) {
        let kind = format!("{:?}", e.kind());
        *self.errors.entry(kind.clone()).or_default() += 1;
        self.first_error
            .entry(kind)
            .or_insert_with(|| format!("{e:#}"));
        let now = Instant::now();
        let span = self.error_span.get_or_insert((now, now));
        span.1 = now;
        if fault_over && self.recovered_at.is_none() {
            self.retries_after_fault += 1;
        }
    }

    fn merge(logs: &[Log]) -> Log {
        let mut all = Log::default();
        for log in logs {
            all.actors.extend(log.actors.iter().cloned());
            all.emails
                .extend(log.emails.iter().map(|(k, v)| (k.clone(), v.clone())));
            all.bundles.extend(log.bundles.iter().cloned());
            all.acknowledged += log.acknowledged;
            for (kind, n) in &log.errors {
                *all.errors.entry(kind.clone()).or_default() += n;
            }
            for (kind, text) in &log.first_error {
                all.first_error
                    .entry(kind.clone())
                    .or_insert_with(|| text.clone());
            }
            if let Some((a, b)) = log.error_span {
                let span = all.error_span.get_or_insert((a, b));
                span.0 = span.0.min(a);
                span.1 = span.1.max(b);
            }
        }
        all
    }
}

/// Shared between the writers and the test.
#[derive(Default)]
struct Phase {
    /// Set when the fault has ended (the server is ready again, the backends are gone).
    fault_over: OnceLock<Instant>,
    /// Writers that have succeeded since.
    recovered: AtomicUsize,
    /// Acknowledged writes so far, all writers.
    acknowledged: AtomicUsize,
    stop: AtomicBool,
}

/// One writer: creates actors, sets their indexed `email` (a new value each time, so the
/// lookup row is replaced), and writes bundle transactions, until told to stop.
async fn writer(store: Store, w: usize, phase: Arc<Phase>) -> Log {
    let mut log = Log::default();
    let started = Instant::now();
    for i in 0..MAX_OPS_PER_WRITER {
        if phase.stop.load(Ordering::Relaxed) || started.elapsed() > MAX_LOAD_TIME {
            break;
        }
        let fault_over = phase.fault_over.get().is_some();
        let result = match (i % 4, log.actors.is_empty()) {
            (1 | 2, false) => {
                let actor = log.actors[(i / 4) % log.actors.len()].clone();
                let value = format!("{actor}-{i}@example.com");
                let result = store.properties().set(&actor, "email", &value).await;
                let entry = log.emails.entry(actor).or_default();
                match result {
                    Ok(()) => *entry = (Some(value), Vec::new()),
                    Err(_) => entry.1.push(value),
                }
                result
            }
            (3, _) => {
                let tag = format!("b{w}-{i}");
                let result = write_bundle(&store, &tag, i).await;
                if result.is_ok() {
                    log.bundles.push(tag);
                }
                result
            }
            _ => {
                let id = format!("a{w}-{i}");
                let result = store.actors().create(&id, "faults@example.com", "pw").await;
                if result.is_ok() {
                    log.actors.push(id);
                }
                result.map(drop)
            }
        };
        match result {
            Ok(()) => {
                log.acknowledged += 1;
                phase.acknowledged.fetch_add(1, Ordering::Relaxed);
                if fault_over && log.recovered_at.is_none() {
                    log.recovered_at = Some(Instant::now());
                    phase.recovered.fetch_add(1, Ordering::Relaxed);
                }
            }
            Err(e) => {
                log.error(&e, fault_over);
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
        }
    }
    log
}

/// Runs the writers, injects `fault` once they have written for a while (it returns when the
/// fault is over), waits until every writer has succeeded again, checks the database and
/// prints the figures.
async fn under_load<F, Fut>(name: &str, url: &str, fault: F)
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let store = writers_store(url).await;
    let phase = Arc::new(Phase::default());
    let tasks: Vec<_> = (0..WRITERS)
        .map(|w| tokio::spawn(writer(store.clone(), w, phase.clone())))
        .collect();
    // Load first: at least a second and 200 acknowledged writes.
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(1)
        || (phase.acknowledged.load(Ordering::Relaxed) < 200
            && started.elapsed() < Duration::from_secs(10))
    {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let fault_at = Instant::now();
    fault().await;
    let over = Instant::now();
    phase.fault_over.set(over).unwrap();
    while phase.recovered.load(Ordering::Relaxed) < WRITERS && over.elapsed() < RECOVERY_BOUND {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    // Some more load after recovery, then stop.
    tokio::time::sleep(Duration::from_millis(500)).await;
    phase.stop.store(true, Ordering::Relaxed);
    let mut logs = Vec::new();
    for task in tasks {
        logs.push(task.await.unwrap());
    }
    drop(store);

    let recovered: Vec<Duration> = logs
        .iter()
        .filter_map(|l| l.recovered_at.map(|t| t - over))
        .collect();
    let retries: Vec<usize> = logs.iter().map(|l| l.retries_after_fault).collect();
    let all = Log::merge(&logs);
    let check = check_database(url, &all).await;
    let (first, last) = (
        recovered.iter().min().copied().unwrap_or_default(),
        recovered.iter().max().copied().unwrap_or_default(),
    );
    eprintln!(
        "{name}: fault {:.2?}; recovery after it: first writer {first:.2?}, all {} writers \
         {last:.2?} ({:.2?} after the fault began; at most {} failed calls each after the \
         fault); errors {:?}{}; \
         acknowledged {} writes ({} actors, {} indexed emails, {} bundle transactions of {} \
         rows), lost {}, half-applied {}",
        over - fault_at,
        recovered.len(),
        over - fault_at + last,
        retries.iter().max().unwrap_or(&0),
        all.errors,
        all.error_span
            .map(|(a, b)| format!(
                " from {:.2?} to {:.2?} after the fault began",
                a.saturating_duration_since(fault_at),
                b.saturating_duration_since(fault_at)
            ))
            .unwrap_or_default(),
        all.acknowledged,
        all.actors.len(),
        all.emails.values().filter(|e| e.0.is_some()).count(),
        all.bundles.len(),
        BUNDLE_ROWS,
        check.lost.len(),
        check.half_applied.len(),
    );
    for (kind, text) in &all.first_error {
        eprintln!("{name}:   first {kind} error: {text}");
    }
    assert_eq!(
        recovered.len(),
        WRITERS,
        "{name}: writers that did not recover within {RECOVERY_BOUND:?}"
    );
    assert!(
        retries.iter().all(|&r| r <= MAX_RETRIES_AFTER_FAULT),
        "{name}: failed calls after the fault: {retries:?}"
    );
    check.assert_clean(name);
}

/// What the database holds against what was acknowledged.
struct Check {
    lost: Vec<String>,
    half_applied: Vec<String>,
    bundles_seen: usize,
}

impl Check {
    fn assert_clean(&self, name: &str) {
        assert!(
            self.lost.is_empty(),
            "{name}: {} acknowledged writes lost: {:?}",
            self.lost.len(),
            &self.lost[..self.lost.len().min(20)]
        );
        assert!(
            self.half_applied.is_empty(),
            "{name}: {} half-applied operations: {:?}",
            self.half_applied.len(),
            &self.half_applied[..self.half_applied.len().min(20)]
        );
    }
}

/// Compares the database, read with plain SQL, with what `log` says was acknowledged.
///
/// - Every acknowledged actor and bundle exists.
/// - Every actor's `email` is its last acknowledged value, or one of the values tried after
///   it whose call failed (such a write may have committed: the answer was lost).
/// - Every `email` property row has its lookup row (same value, same actor) and every lookup
///   row its property row: the values are unique, so first-writer-wins never applies.
/// - Every bundle tag has all `BUNDLE_ROWS` rows or none.
async fn check_database(url: &str, log: &Log) -> Check {
    let client = common::connect(url).await;
    let mut lost = Vec::new();
    let mut half_applied = Vec::new();

    let actors: HashSet<String> = client
        .query("SELECT id FROM actors", &[])
        .await
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    for id in log.actors.iter().chain(&log.bundles) {
        if !actors.contains(id) {
            lost.push(format!("actor {id}"));
        }
    }

    let emails: HashMap<String, String> = client
        .query("SELECT id, value FROM properties WHERE name = 'email'", &[])
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    for (actor, (acked, tried)) in &log.emails {
        let stored = emails.get(actor);
        let fine = match (acked, stored) {
            (_, Some(v)) if tried.contains(v) => true,
            (Some(a), Some(v)) => a == v,
            (None, None) => true,
            (Some(_), None) | (None, Some(_)) => false,
        };
        if !fine {
            lost.push(format!(
                "email of {actor}: acknowledged {acked:?}, then tried {tried:?}, stored {stored:?}"
            ));
        }
    }

    for row in client
        .query(
            "SELECT 'property without lookup row: ' || p.id || ' ' || p.value
             FROM properties p
             WHERE p.name = 'email' AND NOT EXISTS (
                 SELECT 1 FROM property_lookup l
                 WHERE l.property_name = p.name AND l.value = p.value AND l.actor_id = p.id)
             UNION ALL
             SELECT 'lookup row without property: ' || l.actor_id || ' ' || l.property_name
                    || '=' || l.value
             FROM property_lookup l
             WHERE NOT EXISTS (
                 SELECT 1 FROM properties p
                 WHERE p.id = l.actor_id AND p.name = l.property_name AND p.value = l.value)",
            &[],
        )
        .await
        .unwrap()
    {
        half_applied.push(row.get(0));
    }

    let bundles = client
        .query(
            "WITH tags AS (
                 SELECT id FROM actors WHERE id LIKE 'b%' OR id LIKE 'k%'
                 UNION SELECT id FROM properties WHERE id LIKE 'b%' OR id LIKE 'k%'
                 UNION SELECT actor_id FROM property_lookup
                       WHERE actor_id LIKE 'b%' OR actor_id LIKE 'k%'
                 UNION SELECT id FROM attributes WHERE id LIKE 'b%' OR id LIKE 'k%')
             SELECT t.id,
                    (SELECT count(*) FROM actors a WHERE a.id = t.id)
                    + (SELECT count(*) FROM properties p WHERE p.id = t.id)
                    + (SELECT count(*) FROM property_lookup l WHERE l.actor_id = t.id)
                    + (SELECT count(*) FROM attributes x WHERE x.id = t.id)
             FROM tags t",
            &[],
        )
        .await
        .unwrap();
    for row in &bundles {
        let (tag, rows): (String, i64) = (row.get(0), row.get(1));
        if rows != BUNDLE_ROWS {
            half_applied.push(format!("bundle {tag}: {rows} of {BUNDLE_ROWS} rows"));
        }
    }
    Check {
        lost,
        half_applied,
        bundles_seen: bundles.len(),
    }
}

async fn restart_under_load(mode: StopMode) {
    let (cluster, url) = fault_cluster().await;
    under_load(&format!("restart {mode:?}"), &url, || async {
        let cluster = cluster.clone();
        tokio::task::spawn_blocking(move || cluster.restart(mode))
            .await
            .unwrap()
            .expect("restart");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_fast_restart_under_load_loses_no_acknowledged_write() {
    restart_under_load(StopMode::Fast).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_immediate_restart_under_load_loses_no_acknowledged_write() {
    restart_under_load(StopMode::Immediate).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn terminating_every_pooled_connection_under_load_loses_no_acknowledged_write() {
    let (_cluster, url) = fault_cluster().await;
    let admin = common::connect(&url).await;
    under_load("pg_terminate_backend", &url, || async {
        let terminated: Vec<i32> = admin
            .query_one(
                "WITH pooled AS MATERIALIZED (
                     SELECT pid FROM pg_stat_activity
                     WHERE application_name = $1 AND pid <> pg_backend_pid())
                 SELECT coalesce(array_agg(pid), '{}') FROM pooled
                 WHERE pg_terminate_backend(pid)",
                &[&APP],
            )
            .await
            .unwrap()
            .get(0);
        assert!(terminated.len() >= 4, "terminated {terminated:?}");
        // The fault is over when the terminated backends are gone.
        let started = Instant::now();
        loop {
            let left: i64 = admin
                .query_one(
                    "SELECT count(*) FROM pg_stat_activity WHERE pid = ANY($1)",
                    &[&terminated],
                )
                .await
                .unwrap()
                .get(0);
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "{left} terminated backends remain"
            );
            if left == 0 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        let terminated = terminated.len();
        eprintln!("pg_terminate_backend: terminated {terminated} pooled connections");
    })
    .await;
}

/// The environment variable that makes `kill9_child_process` run (in the child process the
/// kill -9 test starts): the database URL.
const CHILD_URL_ENV: &str = "AWPG_FAULTS_CHILD_URL";
/// The prefix of the child's tags (`k<round>`).
const CHILD_TAG_ENV: &str = "AWPG_FAULTS_CHILD_TAG";
const CHILD_APP: &str = "awpg-faults-child";

/// The client process the kill -9 test starts and kills: four tasks writing bundle
/// transactions and two setting indexed properties, reporting every acknowledged write on
/// stdout (`ack bundle TAG`, `ack email ACTOR VALUE`), for at most 30 s.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "the client process of a_client_killed_mid_transaction_leaves_no_half_written_state"]
async fn kill9_child_process() {
    let (Ok(url), Ok(tag)) = (std::env::var(CHILD_URL_ENV), std::env::var(CHILD_TAG_ENV)) else {
        return;
    };
    let config = Config::from_url(&url)
        .unwrap()
        .pool_size(6, 6)
        .unwrap()
        .application_name(CHILD_APP);
    let store = Store::connect(config).await.unwrap();
    let out = Arc::new(Mutex::new(std::io::stdout()));
    let say = move |line: String| {
        let mut out = out.lock().unwrap();
        let _ = writeln!(out, "{line}");
        let _ = out.flush();
    };
    let started = Instant::now();
    let mut tasks = Vec::new();
    for t in 0..6 {
        let (store, tag, say) = (store.clone(), tag.clone(), say.clone());
        tasks.push(tokio::spawn(async move {
            let actor = format!("e{tag}x{t}");
            if t >= 4 {
                store.actors().create(&actor, "c", "pw").await.unwrap();
            }
            for i in 0..100_000 {
                if started.elapsed() > Duration::from_secs(30) {
                    break;
                }
                if t < 4 {
                    let bundle = format!("{tag}-{t}-{i}");
                    if write_bundle(&store, &bundle, i).await.is_ok() {
                        say(format!("ack bundle {bundle}"));
                    }
                } else {
                    let value = format!("{actor}-{i}@example.com");
                    say(format!("try email {actor} {value}"));
                    if store
                        .properties()
                        .set(&actor, "email", &value)
                        .await
                        .is_ok()
                    {
                        say(format!("ack email {actor} {value}"));
                    }
                }
            }
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
}

/// Kills the child process on drop, whatever happened.
struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_killed_mid_transaction_leaves_no_half_written_state() {
    let (_cluster, url) = fault_cluster().await;
    let admin = common::connect(&url).await;
    let mut all = Log::default();
    for round in 0..3 {
        let tag = format!("k{round}");
        let mut child = KillOnDrop(
            Command::new(std::env::current_exe().unwrap())
                .args(["--exact", "kill9_child_process", "--ignored", "--nocapture"])
                .args(["--test-threads", "1"])
                .env(CHILD_URL_ENV, &url)
                .env(CHILD_TAG_ENV, &tag)
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .unwrap(),
        );
        let lines = Arc::new(Mutex::new(Vec::<String>::new()));
        let reader = {
            let stdout = child.0.stdout.take().unwrap();
            let lines = lines.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                    lines.lock().unwrap().push(line);
                }
            })
        };
        // Let it write: 30 bundles at least (bounded in time).
        let started = Instant::now();
        loop {
            let bundles = lines
                .lock()
                .unwrap()
                .iter()
                .filter(|l| l.starts_with("ack bundle"))
                .count();
            if bundles >= 30 {
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "the child wrote {bundles} bundles in 30 s"
            );
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        // Kill it while its connections are inside transactions (bounded: 2 s).
        let mut open = 0;
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(2) {
            open = admin
                .query_one(
                    "SELECT count(*) FROM pg_stat_activity
                     WHERE application_name = $1 AND xact_start IS NOT NULL",
                    &[&CHILD_APP],
                )
                .await
                .unwrap()
                .get::<_, i64>(0);
            if open >= 2 {
                break;
            }
        }
        child.0.kill().unwrap(); // SIGKILL
        child.0.wait().unwrap();
        reader.join().unwrap();
        // The server rolls back what the dead client left open once it sees the socket close.
        let started = Instant::now();
        loop {
            let left: i64 = admin
                .query_one(
                    "SELECT count(*) FROM pg_stat_activity WHERE application_name = $1",
                    &[&CHILD_APP],
                )
                .await
                .unwrap()
                .get(0);
            if left == 0 {
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "{left} backends of the killed client remain"
            );
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        let lines = lines.lock().unwrap();
        let mut acked = 0;
        for line in lines.iter() {
            let fields: Vec<&str> = line.split(' ').collect();
            match fields[..] {
                ["ack", "bundle", bundle] => {
                    all.bundles.push(bundle.to_string());
                    acked += 1;
                }
                ["try", "email", actor, value] => {
                    all.emails
                        .entry(actor.to_string())
                        .or_default()
                        .1
                        .push(value.to_string());
                }
                ["ack", "email", actor, value] => {
                    *all.emails.entry(actor.to_string()).or_default() =
                        (Some(value.to_string()), Vec::new());
                    acked += 1;
                }
                _ => {}
            }
        }
        all.acknowledged += acked;
        eprintln!(
            "kill -9 round {round}: {acked} acknowledged writes, {open} connections inside a \
             transaction at the kill, {:.2?} until the server had rolled them back",
            started.elapsed()
        );
    }
    let check = check_database(&url, &all).await;
    eprintln!(
        "kill -9: {} bundle transactions in the database ({} acknowledged), lost {}, \
         half-applied {}",
        check.bundles_seen,
        all.bundles.len(),
        check.lost.len(),
        check.half_applied.len()
    );
    check.assert_clean("kill -9");
}

/// The client-side deadline of the stalled-server test.
const DEADLINE: Duration = Duration::from_secs(2);
/// How much later than the deadline a call may return.
const DEADLINE_MARGIN: Duration = Duration::from_millis(1500);

/// A stall of the whole server (SIGSTOP of the postmaster and every backend) three times as
/// long as the client-side deadline, under 8 writers: every call returns within the deadline
/// plus a margin, a call that overlapped the stall and failed is an `ErrorKind::Timeout`,
/// every writer succeeds again after the resume, and every acknowledged write is stored.
///
/// The deadline is set through `PG_QUERY_TIMEOUT` / `PG_CONNECT_TIMEOUT`, so that this test
/// compiles before `Config::query_timeout` exists; the kind is compared by name for the same
/// reason.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_stalled_server_never_holds_a_call_past_its_deadline() {
    let (cluster, url) = fault_cluster().await;
    let secs = DEADLINE.as_secs().to_string();
    let config = Config::from_vars([
        ("DATABASE_URL", format!("{url}?application_name={APP}")),
        ("PG_QUERY_TIMEOUT", secs.clone()),
        ("PG_CONNECT_TIMEOUT", secs.clone()),
        ("PG_POOL_MIN_SIZE", "8".into()),
        ("PG_POOL_MAX_SIZE", "8".into()),
        ("PG_POOL_TIMEOUT", secs),
    ])
    .unwrap();
    let store = Store::connect(config).await.unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let mut tasks = Vec::new();
    for w in 0..8 {
        let (store, stop) = (store.clone(), stop.clone());
        tasks.push(tokio::spawn(async move {
            let mut log = Log::default();
            // (began, ended, the kind of the error)
            let mut calls: Vec<(Instant, Instant, Option<String>)> = Vec::new();
            let id = format!("s{w}");
            store.actors().create(&id, "c", "pw").await.unwrap();
            log.actors.push(id.clone());
            let started = Instant::now();
            for i in 0..20_000 {
                if stop.load(Ordering::Relaxed) || started.elapsed() > Duration::from_secs(40) {
                    break;
                }
                let value = format!("{id}-{i}@example.com");
                let began = Instant::now();
                let result = store.properties().set(&id, "email", &value).await;
                let ended = Instant::now();
                let entry = log.emails.entry(id.clone()).or_default();
                match &result {
                    Ok(()) => *entry = (Some(value), Vec::new()),
                    Err(e) => {
                        entry.1.push(value);
                        log.error(e, false);
                    }
                }
                let failed = result.err().map(|e| format!("{:?}", e.kind()));
                let pause = failed.is_some();
                calls.push((began, ended, failed));
                if pause {
                    tokio::time::sleep(Duration::from_millis(10)).await;
                }
            }
            (log, calls)
        }));
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    let c = cluster.clone();
    tokio::task::spawn_blocking(move || c.pause())
        .await
        .unwrap()
        .unwrap();
    let paused_at = Instant::now();
    tokio::time::sleep(DEADLINE * 3).await;
    let c = cluster.clone();
    tokio::task::spawn_blocking(move || c.resume())
        .await
        .unwrap()
        .unwrap();
    let resumed_at = Instant::now();
    tokio::time::sleep(Duration::from_secs(2)).await;
    stop.store(true, Ordering::Relaxed);
    let mut logs = Vec::new();
    let mut calls = Vec::new();
    for task in tasks {
        let (log, writer_calls) = task.await.unwrap();
        assert!(
            writer_calls
                .iter()
                .any(|(began, _, failed)| *began > resumed_at && failed.is_none()),
            "a writer did not succeed again after the resume"
        );
        logs.push(log);
        calls.extend(writer_calls);
    }
    let all = Log::merge(&logs);
    let slowest = calls
        .iter()
        .map(|(b, e, _)| *e - *b)
        .max()
        .unwrap_or_default();
    let during: Vec<_> = calls
        .iter()
        .filter(|(began, ended, _)| *began < resumed_at && *ended > paused_at)
        .collect();
    eprintln!(
        "stalled server ({:?} paused, deadline {DEADLINE:?}): {} calls overlapped the stall, \
         the slowest call took {slowest:.2?}; errors {:?}",
        resumed_at - paused_at,
        during.len(),
        all.errors
    );
    assert!(
        slowest <= DEADLINE + DEADLINE_MARGIN,
        "a call took {slowest:?} (deadline {DEADLINE:?})"
    );
    for (_, _, failed) in &during {
        if let Some(kind) = failed {
            assert_eq!(kind, "Timeout", "a call failed during the stall");
        }
    }
    check_database(&url, &all).await.assert_clean("stall");
}
