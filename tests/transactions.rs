//! Store::transaction and Store::delete_actor against a real PostgreSQL.

mod common;

use actingweb_pg::{DeletedRows, Error, ErrorKind};
use common::{TestDb, store};

async fn count(db: &TestDb, table: &str) -> i64 {
    db.client()
        .await
        .query_one(&format!("SELECT count(*) FROM {table}"), &[])
        .await
        .unwrap()
        .get(0)
}

/// One row in each of the nine tables for `id` (written behind the facade's back).
async fn seed_everywhere(db: &TestDb, id: &str) {
    db.client()
        .await
        .batch_execute(&format!(
            "INSERT INTO actors (id, creator, passphrase) VALUES ('{id}', 'c', 'p');
             INSERT INTO properties (id, name, value) VALUES ('{id}', 'email', '{id}@x.org'),
                                                             ('{id}', 'list:l-#a', 'v');
             INSERT INTO property_lookup VALUES ('email', '{id}@x.org', '{id}');
             INSERT INTO trusts (id, peerid, baseuri, type, relationship, secret, approved,
                                 peer_approved, verified)
                 VALUES ('{id}', 'peer', 'https://p', 't', 'friend', 's', true, true, true);
             INSERT INTO peertrustees VALUES ('{id}', 'peer', 'https://p', 't', 'pw');
             INSERT INTO subscriptions (id, peer_sub_id, peerid, subid, seqnr, callback)
                 VALUES ('{id}', 'peer:s1', 'peer', 's1', 2, false);
             INSERT INTO subscription_diffs VALUES ('{id}', 's1:1', 's1', now(), '{{}}', 1),
                                                   ('{id}', 's1:2', 's1', now(), '{{}}', 2);
             INSERT INTO attributes (id, bucket_name, bucket, name, data)
                 VALUES ('{id}', 'b:n', 'b', 'n', '1');
             INSERT INTO subscription_suspensions (id, target, suspended_at)
                 VALUES ('{id}', 'properties', now());"
        ))
        .await
        .unwrap();
}

const TABLES: [&str; 9] = [
    "actors",
    "properties",
    "property_lookup",
    "trusts",
    "peertrustees",
    "subscriptions",
    "subscription_diffs",
    "attributes",
    "subscription_suspensions",
];

async fn counts(db: &TestDb) -> Vec<i64> {
    let mut out = Vec::new();
    for table in TABLES {
        out.push(count(db, table).await);
    }
    out
}

#[tokio::test]
async fn delete_actor_removes_every_row_of_the_actor_in_all_nine_tables() {
    let (db, store) = store().await;
    seed_everywhere(&db, "a1").await;
    seed_everywhere(&db, "a2").await;
    let deleted = store.delete_actor("a1").await.unwrap();
    assert_eq!(
        deleted,
        DeletedRows {
            actors: 1,
            properties: 2,
            property_lookup: 1,
            trusts: 1,
            peer_trustees: 1,
            subscriptions: 1,
            subscription_diffs: 2,
            attributes: 1,
            suspensions: 1,
        }
    );
    assert_eq!(deleted.total(), 11);
    // a2 is untouched.
    assert_eq!(counts(&db).await, [1, 2, 1, 1, 1, 1, 2, 1, 1]);
    assert_eq!(
        store.delete_actor("a1").await.unwrap(),
        DeletedRows::default()
    );
}

#[tokio::test]
async fn delete_actor_removes_stray_rows_of_an_actor_without_an_actor_row() {
    let (db, store) = store().await;
    seed_everywhere(&db, "a1").await;
    db.client()
        .await
        .batch_execute(
            "SET CONSTRAINTS ALL IMMEDIATE; DELETE FROM property_lookup;
             DELETE FROM actors",
        )
        .await
        .unwrap();
    let deleted = store.delete_actor("a1").await.unwrap();
    assert_eq!(deleted.actors, 0);
    assert_eq!(deleted.total(), 9);
    assert_eq!(counts(&db).await, [0; 9]);
}

#[tokio::test]
async fn delete_actor_refuses_bad_ids() {
    let (_db, store) = store().await;
    common::assert_err(
        store.delete_actor("").await,
        ErrorKind::InvalidInput,
        "invalid actor id",
    );
    common::assert_err(
        store.delete_actor("a\0").await,
        ErrorKind::InvalidInput,
        "contains a NUL byte",
    );
}

#[tokio::test]
async fn transaction_commits_when_the_closure_succeeds() {
    let (db, store) = store().await;
    let value = store
        .transaction(|tx| {
            Box::pin(async move {
                tx.actors().create("a1", "c@x.org", "p").await?;
                tx.properties().set("a1", "email", "a1@x.org").await?;
                tx.properties().set("a1", "name", "A").await?;
                tx.properties().get("a1", "name").await
            })
        })
        .await
        .unwrap();
    assert_eq!(value.as_deref(), Some("A"));
    assert_eq!(counts(&db).await[..3], [1, 2, 1]);
    assert_eq!(
        store
            .properties()
            .actor_id_by_value("email", "a1@x.org")
            .await
            .unwrap()
            .as_deref(),
        Some("a1")
    );
}

#[tokio::test]
async fn transaction_rolls_everything_back_when_the_closure_fails() {
    let (db, store) = store().await;
    let err = store
        .transaction(|tx| {
            Box::pin(async move {
                tx.actors().create("a1", "c", "p").await?;
                tx.properties().set("a1", "email", "a1@x.org").await?;
                tx.properties().set("a1", "plain", "v").await?;
                Err::<(), _>(Error::new(ErrorKind::Conflict, "caller gave up"))
            })
        })
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
    assert_eq!(err.to_string(), "caller gave up");
    assert_eq!(counts(&db).await, [0; 9]);
}

#[tokio::test]
async fn a_failed_statement_inside_a_transaction_rolls_back_earlier_writes() {
    let (db, store) = store().await;
    store.actors().create("a1", "c", "p").await.unwrap();
    let err = store
        .transaction(|tx| {
            Box::pin(async move {
                tx.properties().set("a1", "plain", "v").await?;
                // Creating an existing actor fails inside the transaction.
                tx.actors().create("a1", "c", "p").await?;
                Ok(())
            })
        })
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
    assert_eq!(count(&db, "properties").await, 0);
}

#[tokio::test]
async fn delete_actor_inside_a_transaction_is_undone_by_a_rollback() {
    let (db, store) = store().await;
    seed_everywhere(&db, "a1").await;
    let err = store
        .transaction(|tx| {
            Box::pin(async move {
                let deleted = tx.delete_actor("a1").await?;
                assert_eq!(deleted.total(), 11);
                assert_eq!(tx.actors().get("a1").await?, None);
                Err::<(), _>(Error::new(ErrorKind::Backend, "abort"))
            })
        })
        .await
        .unwrap_err();
    assert_eq!(err.to_string(), "abort");
    assert_eq!(counts(&db).await, [1, 2, 1, 1, 1, 1, 2, 1, 1]);
}

#[tokio::test]
async fn a_transaction_sees_its_own_writes_and_others_do_not_until_commit() {
    let (db, store) = store().await;
    let outside = store.clone();
    store
        .transaction(|tx| {
            Box::pin(async move {
                tx.actors().create("a1", "c", "p").await?;
                assert!(tx.actors().get("a1").await?.is_some());
                assert_eq!(outside.actors().get("a1").await?, None);
                Ok(())
            })
        })
        .await
        .unwrap();
    assert_eq!(count(&db, "actors").await, 1);
}

#[tokio::test]
async fn a_panicking_transaction_leaves_nothing_behind_and_the_pool_stays_usable() {
    let (db, store) = store().await;
    let inner = store.clone();
    let task = tokio::spawn(async move {
        inner
            .transaction(|tx| {
                Box::pin(async move {
                    tx.actors().create("a1", "c", "p").await?;
                    panic!("boom");
                    #[allow(unreachable_code)]
                    Ok(())
                })
            })
            .await
    });
    assert!(task.await.unwrap_err().is_panic());
    assert_eq!(count(&db, "actors").await, 0);
    for i in 0..20 {
        store
            .actors()
            .create(&format!("b{i}"), "c", "p")
            .await
            .unwrap();
    }
    assert_eq!(count(&db, "actors").await, 20);
}

#[tokio::test]
async fn transaction_with_retry_runs_a_deadlocked_transaction_again() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicU32, Ordering};
    let (_db, store) = store().await;
    store.actors().create("a1", "c", "p").await.unwrap();
    store.actors().create("a2", "c", "p").await.unwrap();
    let attempts = Arc::new(AtomicU32::new(0));
    let barrier = Arc::new(tokio::sync::Barrier::new(2));
    // Each transaction changes its first actor, waits until the other has done the same (on
    // the first attempt only), then changes the other's: a deadlock, which PostgreSQL resolves
    // by failing one of them with 40P01.
    let run = |first: &'static str, second: &'static str, creator: &'static str| {
        let store = store.clone();
        let attempts = attempts.clone();
        let barrier = barrier.clone();
        async move {
            store
                .transaction_with_retry(3, move |tx| {
                    let attempt = attempts.fetch_add(1, Ordering::SeqCst);
                    let barrier = barrier.clone();
                    Box::pin(async move {
                        tx.actors().modify(first, Some(creator), None).await?;
                        if attempt < 2 {
                            barrier.wait().await;
                        }
                        tx.actors().modify(second, Some(creator), None).await?;
                        Ok(())
                    })
                })
                .await
        }
    };
    let (one, two) = tokio::join!(run("a1", "a2", "one"), run("a2", "a1", "two"));
    one.unwrap();
    two.unwrap();
    assert_eq!(attempts.load(Ordering::SeqCst), 3);
    let a1 = store.actors().get("a1").await.unwrap().unwrap().creator;
    let a2 = store.actors().get("a2").await.unwrap().unwrap().creator;
    assert_eq!(a1, a2, "one transaction's changes, whole");
    assert!(a1 == "one" || a1 == "two", "{a1}");
}

#[tokio::test]
async fn a_deadlock_without_retry_is_a_serialization_error_that_wrote_nothing() {
    use std::sync::Arc;
    let (_db, store) = store().await;
    store.actors().create("a1", "c", "p").await.unwrap();
    store.actors().create("a2", "c", "p").await.unwrap();
    let barrier = Arc::new(tokio::sync::Barrier::new(2));
    let run = |first: &'static str, second: &'static str| {
        let store = store.clone();
        let barrier = barrier.clone();
        async move {
            store
                .transaction(move |tx| {
                    Box::pin(async move {
                        tx.actors().modify(first, Some(first), None).await?;
                        barrier.wait().await;
                        tx.actors().modify(second, Some(first), None).await?;
                        Ok(())
                    })
                })
                .await
        }
    };
    let (one, two) = tokio::join!(run("a1", "a2"), run("a2", "a1"));
    let err = match (one, two) {
        (Ok(()), Err(e)) | (Err(e), Ok(())) => e,
        other => panic!("exactly one transaction must fail: {other:?}"),
    };
    assert_eq!(err.kind(), ErrorKind::Serialization);
    assert_eq!(err.to_string(), "deadlock detected");
    assert!(err.is_retryable());
    assert!(!err.is_outcome_unknown());
    let a1 = store.actors().get("a1").await.unwrap().unwrap().creator;
    let a2 = store.actors().get("a2").await.unwrap().unwrap().creator;
    assert_eq!(a1, a2);
}
