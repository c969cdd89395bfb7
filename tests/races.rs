//! Race semantics of the property primitives: in each of 100 rounds, 32 tasks on 32 pooled
//! connections start the same conditional operation together; every round has exactly one
//! winner, and the stored state is the winner's.

mod common;

use std::sync::Arc;

use actingweb_pg::Store;
use common::TestDb;
use tokio::sync::Barrier;

const TASKS: usize = 32;
const ROUNDS: usize = 100;

/// Runs `op(store, task)` in `TASKS` tasks that start together; returns the tasks that got
/// `true`.
async fn race_round<F, Fut>(store: &Store, op: F) -> Vec<usize>
where
    F: Fn(Store, usize) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = bool> + Send,
{
    let barrier = Arc::new(Barrier::new(TASKS));
    let op = Arc::new(op);
    let handles: Vec<_> = (0..TASKS)
        .map(|task| {
            let (barrier, op, store) = (barrier.clone(), op.clone(), store.clone());
            tokio::spawn(async move {
                barrier.wait().await;
                op(store, task).await.then_some(task)
            })
        })
        .collect();
    let mut winners = Vec::new();
    for handle in handles {
        winners.extend(handle.await.unwrap());
    }
    winners
}

async fn racing_store() -> (TestDb, Store) {
    let db = TestDb::new().await;
    let store = Store::connect(db.config().pool_size(TASKS, TASKS).unwrap())
        .await
        .unwrap();
    store.actors().create("a1", "c", "p").await.unwrap();
    (db, store)
}

async fn lookup_rows(db: &TestDb) -> Vec<(String, String)> {
    db.client()
        .await
        .query(
            "SELECT value, actor_id FROM property_lookup ORDER BY value",
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn create_if_not_exists_has_exactly_one_winner_per_round() {
    let (_db, store) = racing_store().await;
    for round in 0..ROUNDS {
        let winners = race_round(&store, move |store, task| async move {
            store
                .properties()
                .create_if_not_exists("a1", &format!("list:r-#{round}"), &format!("t{task}"))
                .await
                .unwrap()
        })
        .await;
        assert_eq!(winners.len(), 1, "round {round}: {winners:?}");
        assert_eq!(
            store
                .properties()
                .get("a1", &format!("list:r-#{round}"))
                .await
                .unwrap(),
            Some(format!("t{}", winners[0]))
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn set_if_value_equals_has_exactly_one_winner_per_round() {
    let (_db, store) = racing_store().await;
    for round in 0..ROUNDS {
        store
            .properties()
            .set("a1", "name", &format!("start-{round}"))
            .await
            .unwrap();
        let winners = race_round(&store, move |store, task| async move {
            store
                .properties()
                .set_if_value_equals(
                    "a1",
                    "name",
                    &format!("start-{round}"),
                    &format!("won-{task}"),
                )
                .await
                .unwrap()
        })
        .await;
        assert_eq!(winners.len(), 1, "round {round}: {winners:?}");
        assert_eq!(
            store.properties().get("a1", "name").await.unwrap(),
            Some(format!("won-{}", winners[0]))
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn set_if_value_equals_on_an_indexed_name_leaves_exactly_the_winners_lookup_row() {
    let (db, store) = racing_store().await;
    for round in 0..ROUNDS {
        store
            .properties()
            .set("a1", "email", &format!("start-{round}"))
            .await
            .unwrap();
        let winners = race_round(&store, move |store, task| async move {
            store
                .properties()
                .set_if_value_equals(
                    "a1",
                    "email",
                    &format!("start-{round}"),
                    &format!("won-{task}"),
                )
                .await
                .unwrap()
        })
        .await;
        assert_eq!(winners.len(), 1, "round {round}: {winners:?}");
        assert_eq!(
            lookup_rows(&db).await,
            [(format!("won-{}", winners[0]), "a1".to_string())]
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn delete_if_value_equals_has_exactly_one_winner_per_round() {
    let (_db, store) = racing_store().await;
    for round in 0..ROUNDS {
        store
            .properties()
            .set("a1", "token", &format!("t-{round}"))
            .await
            .unwrap();
        let winners = race_round(&store, move |store, _| async move {
            store
                .properties()
                .delete_if_value_equals("a1", "token", &format!("t-{round}"))
                .await
                .unwrap()
        })
        .await;
        assert_eq!(winners.len(), 1, "round {round}: {winners:?}");
        assert_eq!(store.properties().get("a1", "token").await.unwrap(), None);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_sets_of_an_indexed_name_leave_one_lookup_row_matching_the_stored_value() {
    let (db, store) = racing_store().await;
    for round in 0..ROUNDS {
        race_round(&store, move |store, task| async move {
            store
                .properties()
                .set("a1", "email", &format!("r{round}-t{task}@x.org"))
                .await
                .unwrap();
            true
        })
        .await;
        let stored = store
            .properties()
            .get("a1", "email")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            lookup_rows(&db).await,
            [(stored, "a1".to_string())],
            "round {round}"
        );
    }
}
