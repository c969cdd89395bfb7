//! How the cost of operations grows with the size of the database: the same work on a small
//! database (10 000 properties) and on a big one (5 000 000 properties), in the same run.
//!
//! `cargo bench --bench scale` starts a throwaway cluster listening on 127.0.0.1 and loads both
//! databases with `INSERT … SELECT FROM generate_series` (not through the library), then times:
//! - point operations (actor get, property get, property set) on random actors;
//! - `properties().fetch` of one actor's 100 properties (per-actor reads);
//! - `Store::import` of 21 rows (one actor and 20 properties, one of them indexed) into the
//!   database, and, for comparison, one `properties().rebuild_lookup()` over the big one;
//! - `attributes().get_bucket` of a 10-attribute bucket of an actor holding 100 000
//!   attributes, with `idx_attributes_id_bucket` and after dropping it.
//!
//! `SCALE_BIG_ACTORS` (default 50 000) sets the big database's actors; each has 100
//! properties, as have the small database's 100 actors.

use std::hint::black_box;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use actingweb_pg::{Config, ImportOptions, Store};
use actingweb_pg_testkit::throwaway::{Cluster, ClusterOptions};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use tokio::runtime::Runtime;

const SMALL_ACTORS: usize = 100;
const PROPERTIES_PER_ACTOR: usize = 100;
const WIDE_ACTOR: &str = "wide-actor";
const WIDE_ATTRIBUTES: usize = 100_000;

fn big_actors() -> usize {
    std::env::var("SCALE_BIG_ACTORS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(50_000)
}

fn actor_id(a: usize) -> String {
    format!("actor-{a:07}")
}

/// One loaded database.
struct Loaded {
    label: String,
    actors: usize,
    store: Store,
    url: String,
}

/// Creates database `name` with schema.sql and `actors` actors of [`PROPERTIES_PER_ACTOR`]
/// properties each (one of them the indexed `email`, with its lookup row), plus the wide actor
/// with [`WIDE_ATTRIBUTES`] attributes in 10-attribute buckets.
async fn load(cluster: &Cluster, name: &str, actors: usize) -> Loaded {
    let admin_url = cluster.tcp_url("postgres").unwrap();
    let (admin, connection) = tokio_postgres::connect(&admin_url, tokio_postgres::NoTls)
        .await
        .unwrap();
    tokio::spawn(connection);
    admin
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .await
        .unwrap();
    let url = cluster.tcp_url(name).unwrap();
    let (client, connection) = tokio_postgres::connect(&url, tokio_postgres::NoTls)
        .await
        .unwrap();
    tokio::spawn(connection);
    let started = Instant::now();
    client
        .batch_execute(include_str!("../schema.sql"))
        .await
        .unwrap();
    let last = actors - 1;
    let others = PROPERTIES_PER_ACTOR - 2;
    let buckets = WIDE_ATTRIBUTES / 10 - 1;
    client
        .batch_execute(&format!(
            "SET synchronous_commit = off;
             INSERT INTO actors
                 SELECT 'actor-' || lpad(a::text, 7, '0'), 'bench@example.com', 'pw', now()
                 FROM generate_series(0, {last}) a;
             INSERT INTO properties
                 SELECT 'actor-' || lpad(a::text, 7, '0'), 'prop' || lpad(p::text, 3, '0'),
                        'value ' || a || '/' || p
                 FROM generate_series(0, {last}) a, generate_series(0, {others}) p;
             INSERT INTO properties
                 SELECT id, 'email', id || '@example.com' FROM actors;
             INSERT INTO property_lookup
                 SELECT 'email', id || '@example.com', id FROM actors;
             INSERT INTO actors VALUES ('{WIDE_ACTOR}', 'bench@example.com', 'pw', now());
             INSERT INTO attributes (id, bucket_name, bucket, name, data, timestamp)
                 SELECT '{WIDE_ACTOR}', 'bucket' || b || ':attr' || n, 'bucket' || b,
                        'attr' || n, jsonb_build_object('n', n), now()
                 FROM generate_series(0, {buckets}) b, generate_series(0, 9) n;"
        ))
        .await
        .unwrap();
    client.batch_execute("VACUUM ANALYZE").await.unwrap();
    let rows: i64 = client
        .query_one("SELECT count(*) FROM properties", &[])
        .await
        .unwrap()
        .get(0);
    eprintln!(
        "{name}: {rows} properties, {} attributes of {WIDE_ACTOR}, loaded in {:.1} s",
        WIDE_ATTRIBUTES,
        started.elapsed().as_secs_f64()
    );
    let store = Store::connect(Config::from_url(&url).unwrap())
        .await
        .unwrap();
    let label = if rows >= 1_000_000 {
        format!("{}M", rows / 1_000_000)
    } else {
        format!("{}k", rows / 1000)
    };
    Loaded {
        label,
        actors,
        store,
        url,
    }
}

/// A small pseudo-random sequence of actor indexes (the same in every run).
struct Picker(u64);

impl Picker {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

/// A directory holding one actor and 20 of its properties (one the indexed `email`): 21 rows.
fn import_dir(run: usize) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("awpg-scale-{}-{run}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let id = format!("imported-{run:07}");
    std::fs::write(
        dir.join("actors.json"),
        format!(r#"[{{"id": "{id}", "creator": "bench@example.com", "passphrase": "pw"}}]"#),
    )
    .unwrap();
    let mut properties = vec![format!(
        r#"{{"id": "{id}", "name": "email", "value": "{id}@example.com"}}"#
    )];
    properties
        .extend((1..20).map(|p| format!(r#"{{"id": "{id}", "name": "p{p}", "value": "v{p}"}}"#)));
    std::fs::write(
        dir.join("properties.json"),
        format!("[{}]", properties.join(",\n")),
    )
    .unwrap();
    dir
}

fn scale(c: &mut Criterion) {
    let rt = Runtime::new().unwrap();
    let cluster = Cluster::start_with(ClusterOptions { tcp: true }).unwrap();
    let databases = rt.block_on(async {
        vec![
            load(&cluster, "scale_small", SMALL_ACTORS).await,
            load(&cluster, "scale_big", big_actors()).await,
        ]
    });

    let mut group = c.benchmark_group("scale_point_ops");
    group
        .sample_size(30)
        .measurement_time(Duration::from_secs(4));
    for db in &databases {
        let mut pick = Picker(7);
        group.bench_function(BenchmarkId::new("actor_get", &db.label), |b| {
            b.to_async(&rt).iter(|| {
                let id = actor_id(pick.next(db.actors));
                async move { black_box(db.store.actors().get(&id).await.unwrap().unwrap()) }
            })
        });
        group.bench_function(BenchmarkId::new("property_get", &db.label), |b| {
            b.to_async(&rt).iter(|| {
                let id = actor_id(pick.next(db.actors));
                async move {
                    let value = db.store.properties().get(&id, "prop042").await.unwrap();
                    black_box(value.unwrap())
                }
            })
        });
        let mut n = 0u64;
        group.bench_function(BenchmarkId::new("property_set", &db.label), |b| {
            b.to_async(&rt).iter(|| {
                let id = actor_id(pick.next(db.actors));
                n += 1;
                let value = format!("set {n}");
                async move {
                    db.store
                        .properties()
                        .set(&id, "prop042", &value)
                        .await
                        .unwrap()
                }
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("scale_actor_fetch");
    group
        .sample_size(30)
        .measurement_time(Duration::from_secs(4));
    for db in &databases {
        let mut pick = Picker(11);
        group.bench_function(BenchmarkId::new("fetch_100_properties", &db.label), |b| {
            b.to_async(&rt).iter(|| {
                let id = actor_id(pick.next(db.actors));
                async move {
                    let all = db.store.properties().fetch(&id).await.unwrap();
                    assert_eq!(all.len(), PROPERTIES_PER_ACTOR);
                    black_box(all)
                }
            })
        });
    }
    group.finish();

    let runs = AtomicUsize::new(0);
    let mut group = c.benchmark_group("scale_import");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(5));
    for db in &databases {
        group.bench_function(BenchmarkId::new("import_21_rows", &db.label), |b| {
            b.to_async(&rt).iter_custom(|iters| {
                let runs = &runs;
                async move {
                    let mut total = Duration::ZERO;
                    for _ in 0..iters {
                        let dir = import_dir(runs.fetch_add(1, Ordering::Relaxed));
                        let started = Instant::now();
                        let report = db
                            .store
                            .import(&dir, ImportOptions::default(), &())
                            .await
                            .unwrap();
                        total += started.elapsed();
                        assert_eq!(report.total_inserted(), 21);
                        assert_eq!(report.tables[2].inserted, 1, "the email's lookup row");
                        std::fs::remove_dir_all(&dir).unwrap();
                    }
                    total
                }
            })
        });
    }
    let big = databases.last().unwrap();
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    group.bench_function(BenchmarkId::new("rebuild_lookup", &big.label), |b| {
        b.to_async(&rt).iter(|| async {
            assert_eq!(big.store.properties().rebuild_lookup().await.unwrap(), 0);
        })
    });
    group.finish();

    let mut group = c.benchmark_group("scale_get_bucket");
    group
        .sample_size(30)
        .measurement_time(Duration::from_secs(4));
    let mut pick = Picker(13);
    let buckets = WIDE_ATTRIBUTES / 10;
    let mut get_bucket = |group: &mut criterion::BenchmarkGroup<_>, name: &str| {
        group.bench_function(BenchmarkId::new(name, "100k attributes"), |b| {
            b.to_async(&rt).iter(|| {
                let bucket = format!("bucket{}", pick.next(buckets));
                async move {
                    let attributes = big.store.attributes();
                    let all = attributes.get_bucket(WIDE_ACTOR, &bucket).await.unwrap();
                    assert_eq!(all.len(), 10);
                    black_box(all)
                }
            })
        });
    };
    get_bucket(&mut group, "with_idx_attributes_id_bucket");
    rt.block_on(async {
        let (client, connection) = tokio_postgres::connect(&big.url, tokio_postgres::NoTls)
            .await
            .unwrap();
        tokio::spawn(connection);
        client
            .batch_execute("DROP INDEX idx_attributes_id_bucket")
            .await
            .unwrap();
    });
    get_bucket(&mut group, "without_index");
    group.finish();
}

criterion_group!(benches, scale);
criterion_main!(benches);
