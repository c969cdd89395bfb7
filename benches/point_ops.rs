//! Sequential point operations over TCP loopback: the facade against hand-written, prepared
//! tokio-postgres doing the same work on one connection, in the same run.
//!
//! `cargo bench --bench point_ops` (starts a throwaway cluster listening on 127.0.0.1, or uses
//! `BENCH_DATABASE_URL`, a database holding schema.sql whose rows may be overwritten).

use std::hint::black_box;

use actingweb_pg::throwaway::{Cluster, ClusterOptions};
use actingweb_pg::{Config, Store};
use criterion::{Criterion, criterion_group, criterion_main};
use tokio::runtime::Runtime;
use tokio_postgres::{Client, NoTls};

const ACTORS: usize = 1000;

#[derive(Debug)]
#[allow(dead_code)] // fields are built to match the facade's work, then only black-boxed
struct HandActor {
    id: String,
    creator: String,
    passphrase: String,
    created_at: Option<chrono::DateTime<chrono::Utc>>,
}

async fn connect(url: &str) -> Client {
    let (client, connection) = tokio_postgres::connect(url, NoTls).await.unwrap();
    tokio::spawn(connection);
    client
}

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
                connect(&url)
                    .await
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
        (store, connect(&url).await)
    });
    let (get_actor, upsert, begin_upsert_lookup) = rt.block_on(async {
        (
            hand.prepare("SELECT id, creator, passphrase, created_at FROM actors WHERE id = $1")
                .await
                .unwrap(),
            hand.prepare(
                "INSERT INTO properties (id, name, value) VALUES ($1, $2, $3) \
                 ON CONFLICT (id, name) DO UPDATE SET value = EXCLUDED.value",
            )
            .await
            .unwrap(),
            (
                hand.prepare(
                    "DELETE FROM property_lookup WHERE property_name = $1 AND actor_id = $2 \
                     AND value <> $3",
                )
                .await
                .unwrap(),
                hand.prepare(
                    "INSERT INTO property_lookup (property_name, value, actor_id) \
                     VALUES ($1, $2, $3) ON CONFLICT (property_name, value) DO NOTHING",
                )
                .await
                .unwrap(),
            ),
        )
    });

    let mut group = c.benchmark_group("actor_get");
    let mut i = 0usize;
    group.bench_function("hand_prepared", |b| {
        b.to_async(&rt).iter(|| {
            i = (i + 1) % ACTORS;
            let id = &ids[i];
            let (hand, stmt) = (&hand, &get_actor);
            async move {
                let row = hand.query_opt(stmt, &[id]).await.unwrap().unwrap();
                black_box(HandActor {
                    id: row.get(0),
                    creator: row.get(1),
                    passphrase: row.get(2),
                    created_at: row
                        .get::<_, Option<chrono::NaiveDateTime>>(3)
                        .map(|t| t.and_utc()),
                })
            }
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
            let (hand, stmt) = (&hand, &upsert);
            async move {
                hand.execute(stmt, &[id, &"displayName", &value])
                    .await
                    .unwrap()
            }
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
            let (stale, claim) = &begin_upsert_lookup;
            let (hand, upsert) = (&hand, &upsert);
            async move {
                // What Client::transaction does, without needing `&mut Client`.
                hand.batch_execute("BEGIN").await.unwrap();
                hand.execute(upsert, &[id, &"email", &value]).await.unwrap();
                hand.execute(stale, &[&"email", id, &value]).await.unwrap();
                hand.execute(claim, &[&"email", &value, id]).await.unwrap();
                hand.batch_execute("COMMIT").await.unwrap();
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
