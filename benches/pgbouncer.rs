//! What a pooler costs: the facade's point operations on one throwaway cluster (TCP
//! loopback) directly, through PgBouncer in session mode (`Pooler::Session`) and through
//! PgBouncer in transaction mode (`Pooler::Transaction`), in the same run. Each store has a
//! pool of eight connections, PgBouncer eight server connections per database (session mode
//! needs one per client connection).
//!
//! `cargo bench --bench pgbouncer` (needs `/usr/sbin/pgbouncer`, see scripts/ensure-deps).
//! `actingweb-pg bench` cannot measure transaction mode: its hand-written baseline sets
//! `search_path` and prepares its statements once per connection, which transaction pooling
//! does not keep.

use std::hint::black_box;
use std::time::Duration;

use actingweb_pg::{Config, Pooler, Store};
use actingweb_pg_testkit::pgbouncer::{PgBouncer, PgBouncerOptions, PoolMode};
use actingweb_pg_testkit::throwaway::{Cluster, ClusterOptions};
use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::json;
use tokio::runtime::Runtime;

const ACTORS: usize = 500;

fn ids() -> Vec<String> {
    (0..ACTORS).map(|i| format!("actor-{i:05}")).collect()
}

/// A store on `url` with `pooler`.
async fn store(url: &str, pooler: Pooler) -> Store {
    let config = Config::from_url(url)
        .unwrap()
        .pooler(pooler)
        .pool_size(8, 8)
        .unwrap();
    Store::connect(config).await.unwrap()
}

fn pooler_cost(c: &mut Criterion) {
    let rt = Runtime::new().unwrap();
    let cluster = Cluster::start_with(ClusterOptions { tcp: true }).unwrap();
    let options = |mode| PgBouncerOptions {
        default_pool_size: 8,
        ..PgBouncerOptions::new(mode)
    };
    let session = PgBouncer::start(&cluster, options(PoolMode::Session)).unwrap();
    let transaction = PgBouncer::start(&cluster, options(PoolMode::Transaction)).unwrap();
    let ids = ids();
    let stores = rt.block_on(async {
        let direct = store(&cluster.tcp_url("postgres").unwrap(), Pooler::None).await;
        direct.migrate().await.unwrap();
        for id in &ids {
            direct
                .actors()
                .create(id, "bench@example.com", "pw")
                .await
                .unwrap();
            direct
                .properties()
                .set(id, "displayName", "name")
                .await
                .unwrap();
        }
        [
            ("direct", direct),
            (
                "pgbouncer_session",
                store(&session.url("postgres"), Pooler::Session).await,
            ),
            (
                "pgbouncer_transaction",
                store(&transaction.url("postgres"), Pooler::Transaction).await,
            ),
        ]
    });

    let mut n = 0usize;
    let mut next = move || {
        n += 1;
        n
    };

    let mut group = c.benchmark_group("actor_get");
    for (name, store) in &stores {
        group.bench_function(*name, |b| {
            b.to_async(&rt).iter(|| {
                let id = &ids[next() % ACTORS];
                async move { black_box(store.actors().get(id).await.unwrap().unwrap()) }
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("property_get");
    for (name, store) in &stores {
        group.bench_function(*name, |b| {
            b.to_async(&rt).iter(|| {
                let id = &ids[next() % ACTORS];
                async move {
                    black_box(
                        store
                            .properties()
                            .get(id, "displayName")
                            .await
                            .unwrap()
                            .unwrap(),
                    )
                }
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("property_set");
    for (name, store) in &stores {
        group.bench_function(*name, |b| {
            b.to_async(&rt).iter(|| {
                let i = next();
                let (id, value) = (&ids[i % ACTORS], format!("value {i}"));
                async move {
                    store
                        .properties()
                        .set(id, "displayName", &value)
                        .await
                        .unwrap()
                }
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("indexed_property_set");
    for (name, store) in &stores {
        group.bench_function(*name, |b| {
            b.to_async(&rt).iter(|| {
                let i = next();
                let (id, value) = (&ids[i % ACTORS], format!("{i}@example.com"));
                async move { store.properties().set(id, "email", &value).await.unwrap() }
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("attribute_set");
    for (name, store) in &stores {
        group.bench_function(*name, |b| {
            b.to_async(&rt).iter(|| {
                let i = next();
                let id = &ids[i % ACTORS];
                async move {
                    store
                        .attributes()
                        .set(id, "bench", "n", &json!(i), Some(3600))
                        .await
                        .unwrap()
                }
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("transaction_two_sets");
    for (name, store) in &stores {
        group.bench_function(*name, |b| {
            b.to_async(&rt).iter(|| {
                let i = next();
                let id = ids[i % ACTORS].clone();
                async move {
                    store
                        .transaction(|tx| {
                            Box::pin(async move {
                                tx.properties().set(&id, "a", "1").await?;
                                tx.properties().set(&id, "b", "2").await
                            })
                        })
                        .await
                        .unwrap()
                }
            })
        });
    }
    group.finish();

    // Eight tasks at once, each a property get and a set.
    let mut group = c.benchmark_group("mixed_8_tasks");
    for (name, store) in &stores {
        group.bench_function(*name, |b| {
            b.to_async(&rt).iter(|| {
                let base = next() * 8;
                let ids = &ids;
                async move {
                    let tasks = (0..8).map(|t| async move {
                        let id = &ids[(base + t) % ACTORS];
                        store.properties().get(id, "displayName").await.unwrap();
                        store
                            .properties()
                            .set(id, "displayName", "name")
                            .await
                            .unwrap();
                    });
                    futures::future::join_all(tasks).await
                }
            })
        });
    }
    group.finish();
    drop(stores);
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = pooler_cost
}
criterion_main!(benches);
