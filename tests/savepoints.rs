//! Multi-statement operations inside a caller's transaction run in a SAVEPOINT: when one fails
//! it leaves nothing behind, and the caller's transaction goes on and commits its other
//! writes. Each test makes an operation fail part-way (a missing actor, or a trigger that
//! refuses one statement of the group), keeps going inside the same transaction, commits, and
//! checks every row.

mod common;

use actingweb_pg::{Error, ErrorKind, Store, Transaction};
use common::{TestDb, store};
use futures::future::BoxFuture;

/// `(id, name, value)` of every property row, in order.
async fn properties(db: &TestDb) -> Vec<(String, String, String)> {
    db.client()
        .await
        .query(
            "SELECT id, name, value FROM properties ORDER BY id, name",
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect()
}

/// `(name, value, actor_id)` of every lookup row, in order.
async fn lookups(db: &TestDb) -> Vec<(String, String, String)> {
    db.client()
        .await
        .query(
            "SELECT property_name, value, actor_id FROM property_lookup ORDER BY 1, 2",
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect()
}

fn row(id: &str, name: &str, value: &str) -> (String, String, String) {
    (id.into(), name.into(), value.into())
}

/// Makes every `operation` (INSERT or DELETE) on `table` fail with "refused by test trigger".
async fn refuse(db: &TestDb, table: &str, operation: &str) {
    db.client()
        .await
        .batch_execute(&format!(
            "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS
                 $$ BEGIN RAISE EXCEPTION 'refused by test trigger'; END $$;
             CREATE TRIGGER refuse BEFORE {operation} ON {table}
                 FOR EACH ROW EXECUTE FUNCTION refuse();"
        ))
        .await
        .unwrap();
}

/// An operation run inside a caller's transaction.
type Op = for<'t> fn(&'t Transaction<'t>) -> BoxFuture<'t, actingweb_pg::Result<()>>;

/// Runs `failing` inside a transaction, then sets `a1.after = done` in the same transaction
/// and commits; returns the error of `failing`, which must fail.
async fn fail_then_commit(store: &Store, failing: Op) -> Error {
    store
        .transaction(|tx| {
            Box::pin(async move {
                let err = failing(tx).await.expect_err("the operation must fail");
                tx.properties().set("a1", "after", "done").await?;
                Ok(err)
            })
        })
        .await
        .unwrap()
}

/// Actors a1 (email one@x.org) and a2, both with their lookup rows.
async fn two_actors(store: &Store) {
    store.actors().create("a1", "c", "p").await.unwrap();
    store.actors().create("a2", "c", "p").await.unwrap();
    store
        .properties()
        .set("a1", "email", "one@x.org")
        .await
        .unwrap();
}

fn assert_missing_ghost(err: &Error) {
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(
        err.to_string(),
        "referenced actor does not exist: \"ghost\" (indexed property \"email\")"
    );
}

fn assert_refused(err: &Error) {
    assert_eq!(err.kind(), ErrorKind::Backend);
    assert_eq!(err.to_string(), "refused by test trigger");
}

#[tokio::test]
async fn create_if_not_exists_for_a_missing_actor_of_a_claimed_value_leaves_no_row() {
    let (db, store) = store().await;
    two_actors(&store).await;
    let err = fail_then_commit(&store, |tx| {
        Box::pin(async move {
            tx.properties()
                .create_if_not_exists("ghost", "email", "one@x.org")
                .await
                .map(drop)
        })
    })
    .await;
    assert_missing_ghost(&err);
    assert_eq!(
        properties(&db).await,
        [row("a1", "after", "done"), row("a1", "email", "one@x.org")]
    );
    assert_eq!(lookups(&db).await, [row("email", "one@x.org", "a1")]);
}

#[tokio::test]
async fn indexed_set_for_a_missing_actor_leaves_no_row() {
    let (db, store) = store().await;
    two_actors(&store).await;
    let err = fail_then_commit(&store, |tx| {
        Box::pin(async move { tx.properties().set("ghost", "email", "g@x.org").await })
    })
    .await;
    assert_missing_ghost(&err);
    assert_eq!(
        properties(&db).await,
        [row("a1", "after", "done"), row("a1", "email", "one@x.org")]
    );
    assert_eq!(lookups(&db).await, [row("email", "one@x.org", "a1")]);
}

#[tokio::test]
async fn set_if_value_equals_for_a_missing_actor_keeps_the_old_value() {
    let (db, store) = store().await;
    two_actors(&store).await;
    // A stray row of an actor that does not exist (properties has no foreign key).
    db.client()
        .await
        .batch_execute("INSERT INTO properties VALUES ('ghost', 'email', 'old@x.org')")
        .await
        .unwrap();
    let err = fail_then_commit(&store, |tx| {
        Box::pin(async move {
            tx.properties()
                .set_if_value_equals("ghost", "email", "old@x.org", "new@x.org")
                .await
                .map(drop)
        })
    })
    .await;
    assert_missing_ghost(&err);
    assert_eq!(
        properties(&db).await,
        [
            row("a1", "after", "done"),
            row("a1", "email", "one@x.org"),
            row("ghost", "email", "old@x.org"),
        ]
    );
    assert_eq!(lookups(&db).await, [row("email", "one@x.org", "a1")]);
}

#[tokio::test]
async fn indexed_set_whose_stale_lookup_cannot_be_removed_keeps_the_old_value() {
    let (db, store) = store().await;
    two_actors(&store).await;
    refuse(&db, "property_lookup", "DELETE").await;
    let err = fail_then_commit(&store, |tx| {
        Box::pin(async move { tx.properties().set("a1", "email", "two@x.org").await })
    })
    .await;
    assert_refused(&err);
    assert_eq!(
        properties(&db).await,
        [row("a1", "after", "done"), row("a1", "email", "one@x.org")]
    );
    assert_eq!(lookups(&db).await, [row("email", "one@x.org", "a1")]);
}

#[tokio::test]
async fn deletes_whose_lookup_cannot_be_removed_keep_every_row() {
    let ops: [(&str, Op); 4] = [
        ("delete", |tx| {
            Box::pin(async move { tx.properties().delete("a1", "email").await.map(drop) })
        }),
        ("delete_if_value_equals", |tx| {
            Box::pin(async move {
                tx.properties()
                    .delete_if_value_equals("a1", "email", "one@x.org")
                    .await
                    .map(drop)
            })
        }),
        ("batch_delete", |tx| {
            Box::pin(async move {
                tx.properties()
                    .batch_delete("a1", &["email", "plain"])
                    .await
                    .map(drop)
            })
        }),
        ("delete_all", |tx| {
            Box::pin(async move { tx.properties().delete_all("a1").await.map(drop) })
        }),
    ];
    for (name, op) in ops {
        let (db, store) = store().await;
        two_actors(&store).await;
        store.properties().set("a1", "plain", "p").await.unwrap();
        refuse(&db, "property_lookup", "DELETE").await;
        let err = fail_then_commit(&store, op).await;
        assert_refused(&err);
        assert_eq!(
            properties(&db).await,
            [
                row("a1", "after", "done"),
                row("a1", "email", "one@x.org"),
                row("a1", "plain", "p"),
            ],
            "{name}"
        );
        assert_eq!(
            lookups(&db).await,
            [row("email", "one@x.org", "a1")],
            "{name}"
        );
    }
}

#[tokio::test]
async fn delete_actor_that_cannot_remove_one_table_keeps_every_row() {
    let (db, store) = store().await;
    two_actors(&store).await;
    store
        .attributes()
        .set("a1", "b", "n", &serde_json::json!(1), None)
        .await
        .unwrap();
    refuse(&db, "attributes", "DELETE").await;
    let err = fail_then_commit(&store, |tx| {
        Box::pin(async move { tx.delete_actor("a1").await.map(drop) })
    })
    .await;
    assert_refused(&err);
    assert_eq!(
        properties(&db).await,
        [row("a1", "after", "done"), row("a1", "email", "one@x.org")]
    );
    assert_eq!(lookups(&db).await, [row("email", "one@x.org", "a1")]);
    assert!(store.actors().get("a1").await.unwrap().is_some());
    assert_eq!(
        store
            .attributes()
            .get_bucket("a1", "b")
            .await
            .unwrap()
            .len(),
        1
    );
}
