//! Read replicas and failover against real servers: a primary and a streaming standby made
//! with `pg_basebackup -R` by the test kit, each test with clusters of its own.
//!
//! `cargo test --release --test replicas -- --nocapture` prints the measured failover time.

mod common;

use std::time::{Duration, Instant};

use actingweb_pg::telemetry::REPLICA_LAG;
use actingweb_pg::{Config, ErrorKind, ReplicaStatus, Store};
use actingweb_pg_testkit::metrics::{Metric, MetricsCapture};
use actingweb_pg_testkit::tables::row_count;
use actingweb_pg_testkit::throwaway::{Cluster, ClusterOptions, StopMode};

/// How long a test waits for a replica to reach a state (a bound of the polling loops, not a
/// measurement).
const WAIT: Duration = Duration::from_secs(30);

/// A primary on TCP loopback holding `schema.sql` in database `postgres`, and its standby.
async fn primary_and_standby() -> (Cluster, Cluster) {
    let primary = tokio::task::spawn_blocking(|| Cluster::start_with(ClusterOptions { tcp: true }))
        .await
        .unwrap()
        .expect("start a primary");
    common::connect(&url(&primary))
        .await
        .batch_execute(common::SCHEMA_SQL)
        .await
        .unwrap();
    tokio::task::spawn_blocking(move || {
        let standby = primary.standby().expect("start a standby");
        (primary, standby)
    })
    .await
    .unwrap()
}

fn url(cluster: &Cluster) -> String {
    cluster.tcp_url("postgres").unwrap()
}

async fn replica_store(primary: &Cluster, standby: &Cluster, max_lag: Duration) -> Store {
    let config = Config::from_url(&url(primary))
        .unwrap()
        .read_replica(&url(standby))
        .unwrap()
        .max_replica_lag(max_lag);
    Store::connect(config).await.unwrap()
}

/// Checks the replicas until the only one has `status`; returns its last health.
async fn wait_for(store: &Store, status: ReplicaStatus) -> actingweb_pg::ReplicaHealth {
    let started = Instant::now();
    loop {
        let health = store.check_replicas().await;
        assert_eq!(health.len(), 1);
        if health[0].status == status {
            return health[0].clone();
        }
        assert!(
            started.elapsed() < WAIT,
            "replica never became {status:?}: {health:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Reads `id` through the replica handle until it is there.
async fn wait_until_replicated(store: &Store, id: &str) {
    let started = Instant::now();
    while store.replica().actors().get(id).await.unwrap().is_none() {
        assert!(started.elapsed() < WAIT, "{id} never reached the replica");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn reads_through_the_replica_handle_run_on_the_standby_and_writes_are_refused() {
    let (primary, standby) = primary_and_standby().await;
    let store = replica_store(&primary, &standby, Duration::from_secs(5)).await;
    let up = wait_for(&store, ReplicaStatus::Up).await;
    assert_eq!(up.server, format!("127.0.0.1:{}", standby.port()));
    assert_eq!(up.error, None);
    assert!(store.replica().is_standby().await.unwrap());

    store
        .actors()
        .create("a1", "me@example.com", "pw")
        .await
        .unwrap();
    store
        .properties()
        .set("a1", "email", "me@example.com")
        .await
        .unwrap();
    wait_until_replicated(&store, "a1").await;
    let replica = store.replica();
    assert_eq!(
        replica
            .properties()
            .get("a1", "email")
            .await
            .unwrap()
            .as_deref(),
        Some("me@example.com")
    );
    assert_eq!(
        replica
            .properties()
            .actor_id_by_value("email", "me@example.com")
            .await
            .unwrap()
            .as_deref(),
        Some("a1")
    );
    assert_eq!(
        replica
            .actors()
            .get_by_creator("me@example.com")
            .await
            .unwrap()
            .len(),
        1
    );

    let refused = replica.actors().create("a2", "c", "pw").await.unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::InvalidInput);
    assert_eq!(
        refused.to_string(),
        "store.replica() only reads: write through the store or a transaction"
    );
    let refused = replica.properties().set("a1", "x", "1").await.unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::InvalidInput);
    assert_eq!(store.actors().get("a2").await.unwrap(), None);
    assert_eq!(store.properties().get("a1", "x").await.unwrap(), None);

    let health = store.health().await.unwrap();
    assert_eq!(health.replicas.len(), 1);
    assert_eq!(health.replicas[0].status, ReplicaStatus::Up);
    assert!(health.replicas[0].lag_seconds.is_some());
}

#[tokio::test]
async fn a_replica_behind_the_lag_bound_is_skipped_until_it_catches_up() {
    let (primary, standby) = primary_and_standby().await;
    let max_lag = Duration::from_millis(800);
    let store = replica_store(&primary, &standby, max_lag).await;
    wait_for(&store, ReplicaStatus::Up).await;
    let standby_admin = common::connect(&url(&standby)).await;
    standby_admin
        .batch_execute("SELECT pg_wal_replay_pause()")
        .await
        .unwrap();

    store.actors().create("late", "c", "pw").await.unwrap();
    let lagging = wait_for(&store, ReplicaStatus::Lagging).await;
    assert!(
        lagging.lag_seconds.unwrap() > max_lag.as_secs_f64(),
        "{lagging:?}"
    );
    assert!(lagging.lag_bytes.unwrap() > 0, "{lagging:?}");
    // The read falls back to the primary, which has the row the standby has not replayed.
    assert!(!store.replica().is_standby().await.unwrap());
    assert!(
        store
            .replica()
            .actors()
            .get("late")
            .await
            .unwrap()
            .is_some()
    );
    assert_eq!(
        row_count(&standby_admin, "public", "actors").await.unwrap(),
        0
    );

    standby_admin
        .batch_execute("SELECT pg_wal_replay_resume()")
        .await
        .unwrap();
    wait_for(&store, ReplicaStatus::Up).await;
    assert!(store.replica().is_standby().await.unwrap());
    assert!(
        store
            .replica()
            .actors()
            .get("late")
            .await
            .unwrap()
            .is_some()
    );
}

/// A check of the replicas sets the lag gauge of the standby, labelled with its `host:port`,
/// to the lag its health reports.
#[tokio::test]
async fn a_replica_check_sets_the_lag_gauge_of_the_standby() {
    let (primary, standby) = primary_and_standby().await;
    // Installed first: the store's background checks record on this thread too.
    let capture = MetricsCapture::start();
    let store = replica_store(&primary, &standby, Duration::from_secs(5)).await;
    store.actors().create("a1", "c", "pw").await.unwrap();
    wait_for(&store, ReplicaStatus::Up).await;
    wait_until_replicated(&store, "a1").await;
    let standby_admin = common::connect(&url(&standby)).await;
    assert_eq!(
        row_count(&standby_admin, "public", "actors").await.unwrap(),
        1
    );

    capture.take();
    let health = store.check_replicas().await;
    // Read right after the check, with no other task run in between.
    let lags: Vec<(String, Metric)> = capture
        .take()
        .into_iter()
        .filter(|(key, _)| key.starts_with(REPLICA_LAG))
        .collect();
    let server = format!("127.0.0.1:{}", standby.port());
    assert_eq!(health.len(), 1);
    assert_eq!(health[0].server, server);
    assert_eq!(health[0].status, ReplicaStatus::Up, "{health:?}");
    let lag = health[0].lag_seconds.expect("an up replica has a lag");
    assert!(lag.is_finite() && lag >= 0.0, "{lag}");
    assert_eq!(
        lags,
        [(
            format!("{REPLICA_LAG}{{server={server}}}"),
            Metric::Gauge(lag)
        )]
    );
}

#[tokio::test]
async fn a_stopped_replica_is_skipped_for_the_primary() {
    let (primary, standby) = primary_and_standby().await;
    let store = replica_store(&primary, &standby, Duration::from_secs(5)).await;
    store.actors().create("a1", "c", "pw").await.unwrap();
    wait_for(&store, ReplicaStatus::Up).await;
    wait_until_replicated(&store, "a1").await;

    tokio::task::spawn_blocking(move || {
        standby.stop(StopMode::Fast).unwrap();
        standby
    })
    .await
    .unwrap();
    let down = wait_for(&store, ReplicaStatus::Down).await;
    assert!(down.error.is_some(), "{down:?}");
    assert_eq!(down.lag_seconds, None);
    assert!(!store.replica().is_standby().await.unwrap());
    assert!(store.replica().actors().get("a1").await.unwrap().is_some());
    store.actors().create("a2", "c", "pw").await.unwrap();
    assert!(store.replica().actors().get("a2").await.unwrap().is_some());
}

#[tokio::test]
async fn a_promoted_replica_is_not_a_standby_any_more() {
    let (primary, standby) = primary_and_standby().await;
    let store = replica_store(&primary, &standby, Duration::from_secs(5)).await;
    wait_for(&store, ReplicaStatus::Up).await;
    let standby = tokio::task::spawn_blocking(move || {
        standby.promote().unwrap();
        standby
    })
    .await
    .unwrap();
    wait_for(&store, ReplicaStatus::NotStandby).await;
    assert!(!store.replica().is_standby().await.unwrap());
    drop(standby);
}

#[tokio::test]
async fn failover_to_a_promoted_standby_through_a_multi_host_url() {
    let (primary, standby) = primary_and_standby().await;
    let multi_host = format!(
        "postgresql://postgres@127.0.0.1:{},127.0.0.1:{}/postgres?target_session_attrs=read-write",
        primary.port(),
        standby.port()
    );
    let config = Config::from_url(&multi_host)
        .unwrap()
        .pool_size(2, 4)
        .unwrap()
        .connect_timeout(Some(Duration::from_secs(2)));
    let store = Store::connect(config).await.unwrap();
    for i in 0..20 {
        store
            .actors()
            .create(&format!("before{i}"), "c", "pw")
            .await
            .unwrap();
    }

    // A planned switchover: the old primary stops (a fast shutdown sends the standby all of
    // its WAL first), then the standby is promoted while the store keeps writing.
    let primary = tokio::task::spawn_blocking(move || {
        primary.stop(StopMode::Fast).unwrap();
        primary
    })
    .await
    .unwrap();
    let stopped = Instant::now();
    let promotion = tokio::task::spawn_blocking(move || {
        standby.promote().unwrap();
        standby
    });
    let mut failed = Vec::new();
    loop {
        match store.actors().create("after", "c", "pw").await {
            Ok(_) => break,
            Err(e) => {
                assert!(stopped.elapsed() < WAIT, "no write succeeded: {e:#}");
                failed.push(e.kind());
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
        }
    }
    let standby = promotion.await.unwrap();
    let recovered = stopped.elapsed();
    println!(
        "failover: first write on the new primary {recovered:?} after the old primary stopped; {} failed writes before it ({failed:?})",
        failed.len()
    );
    assert!(
        failed.iter().all(|k| *k == ErrorKind::Unavailable),
        "{failed:?}"
    );

    let new_primary = common::connect(&url(&standby)).await;
    let ids: Vec<String> = new_primary
        .query("SELECT id FROM actors ORDER BY id", &[])
        .await
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    let mut expected: Vec<String> = (0..20).map(|i| format!("before{i}")).collect();
    expected.push("after".into());
    expected.sort();
    assert_eq!(ids, expected);
    drop(primary);
}
