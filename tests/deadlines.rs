//! Client-side query deadlines, server-side timeouts and the connect deadline against a real
//! PostgreSQL: a statement held up by a row lock stands in for a slow server.

mod common;

use std::time::{Duration, Instant};

use actingweb_pg::{ErrorKind, Store};
use common::TestDb;

/// Holds the row lock of actor `id` in an open transaction until the client is dropped.
async fn lock_actor(db: &TestDb, id: &str) -> tokio_postgres::Client {
    let client = db.client().await;
    client
        .batch_execute(&format!(
            "BEGIN; SELECT 1 FROM actors WHERE id = '{id}' FOR UPDATE"
        ))
        .await
        .unwrap();
    client
}

/// Backends of the store's connections (application_name actingweb-pg) that are waiting for
/// a lock.
async fn lock_waiters(db: &TestDb) -> i64 {
    db.client()
        .await
        .query_one(
            "SELECT count(*) FROM pg_stat_activity
             WHERE application_name = 'actingweb-pg' AND wait_event_type = 'Lock'",
            &[],
        )
        .await
        .unwrap()
        .get(0)
}

async fn store_connections(db: &TestDb) -> i64 {
    db.client()
        .await
        .query_one(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'actingweb-pg'",
            &[],
        )
        .await
        .unwrap()
        .get(0)
}

/// A store of at most `connections` connections with a query deadline of 300 ms, and the
/// client holding the row lock of its actor `a1` (creator `c`).
async fn locked_actor_store(db: &TestDb, connections: usize) -> (Store, tokio_postgres::Client) {
    let config = db
        .config()
        .pool_size(connections, connections)
        .unwrap()
        .query_timeout(Some(Duration::from_millis(300)));
    let store = Store::connect(config).await.unwrap();
    store.actors().create("a1", "c", "p").await.unwrap();
    (store, lock_actor(db, "a1").await)
}

/// Waits until `probe` returns `want` (at most 5 s), and returns what it last returned.
async fn settles(want: i64, mut probe: impl AsyncFnMut() -> i64) -> i64 {
    let started = Instant::now();
    loop {
        let got = probe().await;
        if got == want || started.elapsed() > Duration::from_secs(5) {
            return got;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn a_statement_past_the_query_deadline_is_a_timeout_cancelled_on_the_server() {
    let db = TestDb::new().await;
    let (store, holder) = locked_actor_store(&db, 1).await;

    let started = Instant::now();
    let err = store
        .actors()
        .modify("a1", Some("changed"), None)
        .await
        .unwrap_err();
    let waited = started.elapsed();
    assert_eq!(err.kind(), ErrorKind::Timeout, "{err:#}");
    assert_eq!(
        err.to_string(),
        "the database did not answer within the query deadline"
    );
    assert!(err.is_outcome_unknown());
    assert!(err.is_retryable());
    assert!(waited >= Duration::from_millis(300), "{waited:?}");
    // The cancel request reached the server: the statement no longer waits for the lock.
    assert_eq!(settles(0, async || lock_waiters(&db).await).await, 0);

    // The connection that timed out is not handed out again; the next operation gets a new
    // one (the pool holds one connection at most) and the old one is closed.
    drop(holder);
    assert_eq!(
        store.actors().get("a1").await.unwrap().unwrap().creator,
        "c"
    );
    assert_eq!(settles(1, async || store_connections(&db).await).await, 1);
    assert!(
        store
            .actors()
            .modify("a1", Some("now"), None)
            .await
            .unwrap()
    );
}

/// The deadline's thread sleeps after a second with no statement waiting; statements that
/// wait after that, several at once, are still ended at their deadline.
#[tokio::test]
async fn statements_waiting_after_an_idle_second_are_ended_at_the_deadline() {
    let db = TestDb::new().await;
    let (store, holder) = locked_actor_store(&db, 3).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;

    let started = Instant::now();
    let waits = (0..3).map(|i| {
        let store = store.clone();
        async move {
            let err = store
                .actors()
                .modify("a1", Some(&format!("changed{i}")), None)
                .await
                .unwrap_err();
            (err.kind(), started.elapsed())
        }
    });
    let ended = tokio::time::timeout(Duration::from_secs(10), futures::future::join_all(waits))
        .await
        .expect("every statement ended by its deadline");
    for (kind, waited) in ended {
        assert_eq!(kind, ErrorKind::Timeout);
        assert!(waited >= Duration::from_millis(300), "{waited:?}");
    }
    assert_eq!(settles(0, async || lock_waiters(&db).await).await, 0);
    // None of them wrote, and the given-up connections are replaced.
    drop(holder);
    let actor = store.actors().get("a1").await.unwrap().unwrap();
    assert_eq!(actor.creator, "c");
    assert!(
        store
            .actors()
            .modify("a1", Some("after"), None)
            .await
            .unwrap()
    );
}

#[tokio::test]
async fn a_transaction_statement_past_the_deadline_fails_the_transaction_and_writes_nothing() {
    let db = TestDb::new().await;
    let config = db.config().query_timeout(Some(Duration::from_millis(300)));
    let store = Store::connect(config).await.unwrap();
    store.actors().create("a1", "c", "p").await.unwrap();
    store.actors().create("a2", "c", "p").await.unwrap();
    let holder = lock_actor(&db, "a2").await;
    let err = store
        .transaction(|tx| {
            Box::pin(async move {
                tx.actors().modify("a1", Some("changed"), None).await?;
                tx.actors().modify("a2", Some("changed"), None).await?;
                Ok(())
            })
        })
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Timeout);
    assert!(
        !err.is_outcome_unknown(),
        "a transaction that did not commit wrote nothing"
    );
    drop(holder);
    assert_eq!(
        store.actors().get("a1").await.unwrap().unwrap().creator,
        "c"
    );
    assert_eq!(
        store.actors().get("a2").await.unwrap().unwrap().creator,
        "c"
    );
}

#[tokio::test]
async fn server_side_statement_and_lock_timeouts_are_timeouts_the_server_reported() {
    let db = TestDb::new().await;
    for (statement, lock, sqlstate, message) in [
        (
            Some(Duration::from_millis(200)),
            None,
            "57014",
            "canceling statement due to statement timeout",
        ),
        (
            None,
            Some(Duration::from_millis(200)),
            "55P03",
            "canceling statement due to lock timeout",
        ),
    ] {
        let config = db.config().server_timeouts(statement, lock, None);
        let store = Store::connect(config).await.unwrap();
        store.actors().create("a1", "c", "p").await.ok();
        let holder = lock_actor(&db, "a1").await;
        let err = store
            .actors()
            .modify("a1", Some("changed"), None)
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Timeout);
        assert_eq!(err.sqlstate().map(|c| c.code()), Some(sqlstate));
        assert_eq!(err.to_string(), message);
        assert!(!err.is_outcome_unknown(), "the server answered");
        drop(holder);
    }
}

#[tokio::test]
async fn a_server_that_accepts_but_never_answers_fails_connect_within_the_connect_deadline() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    // Accepts connections and keeps them open without a word.
    let silent = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            held.push(socket);
        }
    });
    let config = actingweb_pg::Config::from_url(&format!(
        "postgresql://u@127.0.0.1:{port}/d?sslmode=disable"
    ))
    .unwrap()
    .connect_timeout(Some(Duration::from_millis(300)));
    let started = Instant::now();
    let err = Store::connect(config).await.unwrap_err();
    assert!(started.elapsed() >= Duration::from_millis(300));
    assert_eq!(err.kind(), ErrorKind::Timeout, "{err:#}");
    assert_eq!(err.to_string(), "timed out connecting to the database");
    assert!(!err.is_outcome_unknown());
    silent.abort();
}
