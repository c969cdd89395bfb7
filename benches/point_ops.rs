//! Sequential point operations over TCP loopback: the facade against the test kit's
//! hand-written, prepared tokio-postgres baseline (`actingweb_pg_testkit::baseline`) doing the
//! same work on one connection, in the same run.
//!
//! `cargo bench --bench point_ops` (starts a throwaway cluster listening on 127.0.0.1, or uses
//! `BENCH_DATABASE_URL`, a database holding schema.sql whose rows may be overwritten).

use std::hint::black_box;

use actingweb_pg::{Config, Store};
use actingweb_pg_testkit::baseline::{Baseline, PointOps};
use actingweb_pg_testkit::throwaway::{Cluster, ClusterOptions};
use criterion::{Criterion, criterion_group, criterion_main};
use tokio::runtime::Runtime;

const ACTORS: usize = 1000;

fn ids() -> Vec<String> {
    (0..ACTORS).map(|i| format!("actor-{i:05}")).collect()
}

fn point_ops(c: &mut Criterion) {
    let rt = Runtime::new().unwrap();
    let (_cluster, url) = match std::env::var("BENCH_DATABASE_URL") {
        Ok(url) => (None, url),
        Err(_) => {
            let cluster = Cluster::start_with(ClusterOptions { tcp: true }).unwrap();
            let url = cluster.tcp_url("postgres").unwrap();
            rt.block_on(async {
                let (client, connection) = tokio_postgres::connect(&url, tokio_postgres::NoTls)
                    .await
                    .unwrap();
                tokio::spawn(connection);
                client
                    .batch_execute(include_str!("../schema.sql"))
                    .await
                    .unwrap();
            });
            (Some(cluster), url)
        }
    };
    let ids = ids();
    let (store, hand) = rt.block_on(async {
        let store = Store::connect(Config::from_url(&url).unwrap())
            .await
            .unwrap();
        for id in &ids {
            let _ = store.actors().delete(id).await.unwrap();
            store
                .actors()
                .create(id, "bench@example.com", "pw")
                .await
                .unwrap();
        }
        let hand = Baseline::connect(&url.parse().unwrap(), None)
            .await
            .unwrap();
        (store, hand)
    });

    let mut group = c.benchmark_group("actor_get");
    let mut i = 0usize;
    group.bench_function("hand_prepared", |b| {
        b.to_async(&rt).iter(|| {
            i = (i + 1) % ACTORS;
            let (hand, id) = (&hand, &ids[i]);
            async move { black_box(hand.actor_get(id).await.unwrap().unwrap()) }
        })
    });
    group.bench_function("facade", |b| {
        b.to_async(&rt).iter(|| {
            i = (i + 1) % ACTORS;
            let (store, id) = (&store, &ids[i]);
            async move { black_box(store.actors().get(id).await.unwrap().unwrap()) }
        })
    });
    group.finish();

    let mut group = c.benchmark_group("property_set");
    let mut n = 0u64;
    group.bench_function("hand_prepared", |b| {
        b.to_async(&rt).iter(|| {
            n += 1;
            let id = &ids[n as usize % ACTORS];
            let value = format!("value {n}");
            let hand = &hand;
            async move { hand.property_set(id, "displayName", &value).await.unwrap() }
        })
    });
    group.bench_function("facade", |b| {
        b.to_async(&rt).iter(|| {
            n += 1;
            let id = &ids[n as usize % ACTORS];
            let value = format!("value {n}");
            let store = &store;
            async move {
                store
                    .properties()
                    .set(id, "displayName", &value)
                    .await
                    .unwrap()
            }
        })
    });
    group.finish();

    let mut group = c.benchmark_group("indexed_property_set");
    group.bench_function("hand_prepared_transaction", |b| {
        b.to_async(&rt).iter(|| {
            n += 1;
            let id = &ids[n as usize % ACTORS];
            let value = format!("{n}@example.com");
            let hand = &hand;
            async move {
                hand.indexed_property_set(id, "email", &value)
                    .await
                    .unwrap()
            }
        })
    });
    group.bench_function("facade", |b| {
        b.to_async(&rt).iter(|| {
            n += 1;
            let id = &ids[n as usize % ACTORS];
            let value = format!("{n}@example.com");
            let store = &store;
            async move { store.properties().set(id, "email", &value).await.unwrap() }
        })
    });
    group.finish();
}

criterion_group!(benches, point_ops);
criterion_main!(benches);
