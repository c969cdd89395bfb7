//! Subscription diffs against a real PostgreSQL.

mod common;

use actingweb_pg::subscription_diffs::SubscriptionDiff;
use actingweb_pg::{Error, ErrorKind, Store};
use chrono::{NaiveDate, Utc};
use common::{TestDb, assert_err, store};

async fn rows(db: &TestDb) -> i64 {
    db.client()
        .await
        .query_one("SELECT count(*) FROM subscription_diffs", &[])
        .await
        .unwrap()
        .get(0)
}

/// Creates diffs `(subid, seqnr)` of actor `a1`, each with the text `subid#seqnr`.
async fn seed(store: &Store, diffs: &[(&str, i32)]) {
    for (subid, seqnr) in diffs {
        store
            .subscription_diffs()
            .create("a1", subid, *seqnr, &format!("{subid}#{seqnr}"))
            .await
            .unwrap();
    }
}

/// `(subid, seqnr)` of each diff, in the given order.
fn pairs(diffs: &[SubscriptionDiff]) -> Vec<(&str, i32)> {
    diffs.iter().map(|d| (d.subid.as_str(), d.seqnr)).collect()
}

/// `(subid, seqnr)` of every stored row of actor `a1`, by subid then seqnr.
async fn stored(db: &TestDb) -> Vec<(String, i32)> {
    db.client()
        .await
        .query(
            "SELECT subid, seqnr FROM subscription_diffs WHERE id = 'a1' \
             ORDER BY subid COLLATE \"C\", seqnr",
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect()
}

fn owned(pairs: &[(&str, i32)]) -> Vec<(String, i32)> {
    pairs.iter().map(|(s, n)| (s.to_string(), *n)).collect()
}

#[tokio::test]
async fn create_returns_the_diff_with_the_server_time_as_utc() {
    let (db, store) = store().await;
    let before = Utc::now();
    let created = store
        .subscription_diffs()
        .create("a1", "S1", 2, r#"{"email": "a@b.c"}"#)
        .await
        .unwrap();
    assert_eq!(
        (
            created.id.as_str(),
            created.subid.as_str(),
            created.seqnr,
            created.diff.as_str()
        ),
        ("a1", "S1", 2, r#"{"email": "a@b.c"}"#)
    );
    let skew = (created.timestamp - before).num_seconds().abs();
    assert!(skew < 60, "timestamp is the server's now, {skew}s away");
    let row = db
        .client()
        .await
        .query_one(
            "SELECT subid_seqnr, \"timestamp\" FROM subscription_diffs",
            &[],
        )
        .await
        .unwrap();
    assert_eq!(row.get::<_, String>(0), "S1:2");
    assert_eq!(
        row.get::<_, chrono::NaiveDateTime>(1),
        created.timestamp.naive_utc()
    );
    let got = store
        .subscription_diffs()
        .get("a1", "S1", Some(2))
        .await
        .unwrap();
    assert_eq!(got, Some(created));
}

#[tokio::test]
async fn timestamp_is_naive_utc_whatever_the_session_time_zone() {
    let db = TestDb::new().await;
    db.client()
        .await
        .batch_execute(&format!(
            "ALTER DATABASE {} SET TimeZone = 'Pacific/Kiritimati'",
            db.name
        ))
        .await
        .unwrap();
    let store = db.store().await;
    let created = store
        .subscription_diffs()
        .create("a1", "S1", 1, "{}")
        .await
        .unwrap();
    let skew = (created.timestamp - Utc::now()).num_seconds().abs();
    assert!(skew < 60, "a +14:00 session must not shift it: {skew}s");
    let naive: chrono::NaiveDateTime = db
        .client()
        .await
        .query_one("SELECT \"timestamp\" FROM subscription_diffs", &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(naive, created.timestamp.naive_utc());
}

#[tokio::test]
async fn diff_text_is_stored_verbatim() {
    let (_db, store) = store().await;
    let texts = [
        "",
        r#"{"k": "\u00f8", "n": [1, 2]}"#,
        "ø 😀 \"quoted\"\nline two",
        "not json at all",
    ];
    for (seqnr, text) in (1..).zip(texts) {
        store
            .subscription_diffs()
            .create("a1", "S1", seqnr, text)
            .await
            .unwrap();
    }
    let listed = store
        .subscription_diffs()
        .list("a1", Some("S1"))
        .await
        .unwrap();
    let got: Vec<&str> = listed.iter().map(|d| d.diff.as_str()).collect();
    assert_eq!(got, texts);
}

#[tokio::test]
async fn row_written_by_the_reference_reads_back() {
    let (db, store) = store().await;
    db.client()
        .await
        .execute(
            "INSERT INTO subscription_diffs (id, subid_seqnr, subid, \"timestamp\", diff, seqnr) \
             VALUES ('a1', 'S1:3', 'S1', '2024-01-15 10:30:00.123456', '{\"a\": 1}', 3)",
            &[],
        )
        .await
        .unwrap();
    let got = store
        .subscription_diffs()
        .get("a1", "S1", Some(3))
        .await
        .unwrap();
    let at = NaiveDate::from_ymd_opt(2024, 1, 15)
        .unwrap()
        .and_hms_micro_opt(10, 30, 0, 123_456)
        .unwrap()
        .and_utc();
    assert_eq!(
        got,
        Some(SubscriptionDiff {
            id: "a1".into(),
            subid: "S1".into(),
            timestamp: at,
            diff: "{\"a\": 1}".into(),
            seqnr: 3,
        })
    );
}

#[tokio::test]
async fn create_of_existing_diff_is_conflict_and_keeps_the_first() {
    let (db, store) = store().await;
    let diffs = store.subscription_diffs();
    let first = diffs.create("a1", "S1", 2, "first").await.unwrap();
    assert_err(
        diffs.create("a1", "S1", 2, "second").await,
        ErrorKind::Conflict,
        "subscription diff \"S1\"/2 already exists for actor \"a1\"",
    );
    assert_eq!(diffs.get("a1", "S1", Some(2)).await.unwrap(), Some(first));
    assert_eq!(rows(&db).await, 1);
    // The same number in another subscription or under another actor is another diff.
    diffs.create("a1", "S2", 2, "other sub").await.unwrap();
    diffs.create("a2", "S1", 2, "other actor").await.unwrap();
    assert_eq!(rows(&db).await, 3);
}

#[tokio::test]
async fn get_by_seqnr_returns_exactly_that_diff_or_none() {
    let (_db, store) = store().await;
    seed(&store, &[("S1", 1), ("S1", 2), ("S2", 3)]).await;
    let diffs = store.subscription_diffs();
    let got = diffs.get("a1", "S1", Some(2)).await.unwrap().unwrap();
    assert_eq!(
        (got.subid.as_str(), got.seqnr, got.diff.as_str()),
        ("S1", 2, "S1#2")
    );
    assert_eq!(diffs.get("a1", "S1", Some(3)).await.unwrap(), None);
    assert_eq!(diffs.get("a1", "S2", Some(1)).await.unwrap(), None);
    assert_eq!(diffs.get("a2", "S1", Some(1)).await.unwrap(), None);
}

#[tokio::test]
async fn get_without_seqnr_returns_the_lowest_seqnr_numerically() {
    let (_db, store) = store().await;
    seed(&store, &[("S1", 10), ("S1", 2), ("S1", 33)]).await;
    let got = store
        .subscription_diffs()
        .get("a1", "S1", None)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((got.seqnr, got.diff.as_str()), (2, "S1#2"));
}

#[tokio::test]
async fn get_without_seqnr_matches_the_subscription_id_exactly_not_as_a_prefix() {
    let (_db, store) = store().await;
    seed(&store, &[("S10", 1), ("S1", 5)]).await;
    let diffs = store.subscription_diffs();
    let got = diffs.get("a1", "S1", None).await.unwrap().unwrap();
    assert_eq!((got.subid.as_str(), got.seqnr), ("S1", 5));
    assert_eq!(diffs.get("a1", "S", None).await.unwrap(), None);
    assert_eq!(diffs.get("a2", "S1", None).await.unwrap(), None);
}

#[tokio::test]
async fn reads_match_the_subid_column_not_only_the_key() {
    let (db, store) = store().await;
    // A row whose key says S1 while its subid column says S2.
    db.client()
        .await
        .execute(
            "INSERT INTO subscription_diffs (id, subid_seqnr, subid, \"timestamp\", diff, seqnr) \
             VALUES ('a1', 'S1:5', 'S2', '2024-01-01 00:00:00', 'x', 5)",
            &[],
        )
        .await
        .unwrap();
    let diffs = store.subscription_diffs();
    assert_eq!(diffs.get("a1", "S1", Some(5)).await.unwrap(), None);
    assert_eq!(diffs.get("a1", "S1", None).await.unwrap(), None);
    assert!(diffs.list("a1", Some("S1")).await.unwrap().is_empty());
    assert!(!diffs.delete("a1", "S1", 5).await.unwrap());
    assert_eq!(rows(&db).await, 1);
}

#[tokio::test]
async fn keys_cannot_be_ambiguous_because_the_seqnr_part_has_no_colon() {
    let (db, store) = store().await;
    // "S1" + 10 -> "S1:10"; "S1:1" + 0 -> "S1:1:0"; "S1:10" + 1 -> "S1:10:1": all distinct.
    seed(&store, &[("S1", 10), ("S1:1", 0), ("S1:10", 1)]).await;
    let keys: Vec<String> = db
        .client()
        .await
        .query(
            "SELECT subid_seqnr FROM subscription_diffs ORDER BY subid_seqnr COLLATE \"C\"",
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(keys, ["S1:10", "S1:10:1", "S1:1:0"]);
    let diffs = store.subscription_diffs();
    for (subid, seqnr) in [("S1", 10), ("S1:1", 0), ("S1:10", 1)] {
        let got = diffs.get("a1", subid, Some(seqnr)).await.unwrap().unwrap();
        assert_eq!(got.diff, format!("{subid}#{seqnr}"));
    }
    assert_eq!(diffs.get("a1", "S1:1", Some(10)).await.unwrap(), None);
}

#[tokio::test]
async fn list_of_one_subscription_orders_seqnr_numerically_unlike_the_text_key() {
    let (db, store) = store().await;
    seed(&store, &[("S1", 10), ("S1", 2), ("S2", 1)]).await;
    let listed = store
        .subscription_diffs()
        .list("a1", Some("S1"))
        .await
        .unwrap();
    assert_eq!(pairs(&listed), [("S1", 2), ("S1", 10)]);
    // The text key sorts them the other way round.
    let by_key: Vec<String> = db
        .client()
        .await
        .query(
            "SELECT subid_seqnr FROM subscription_diffs WHERE subid = 'S1' \
             ORDER BY subid_seqnr COLLATE \"C\"",
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(by_key, ["S1:10", "S1:2"]);
}

#[tokio::test]
async fn list_of_all_subscriptions_orders_by_seqnr_then_subid() {
    let (_db, store) = store().await;
    seed(
        &store,
        &[("Sb", 2), ("Sa", 10), ("Sb", 1), ("Sa", 2), ("Sc", 2)],
    )
    .await;
    store
        .subscription_diffs()
        .create("a2", "Sa", 1, "other actor")
        .await
        .unwrap();
    let listed = store.subscription_diffs().list("a1", None).await.unwrap();
    assert_eq!(
        pairs(&listed),
        [("Sb", 1), ("Sa", 2), ("Sb", 2), ("Sc", 2), ("Sa", 10)]
    );
    assert!(listed.iter().all(|d| d.id == "a1"));
    assert!(
        store
            .subscription_diffs()
            .list("nobody", None)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        store
            .subscription_diffs()
            .list("a1", Some("S9"))
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn diffs_keep_being_tracked_with_increasing_seqnrs_and_are_retrievable_by_seqnr() {
    let (_db, store) = store().await;
    let diffs = store.subscription_diffs();
    for seqnr in 1..=12 {
        diffs
            .create("a1", "sub", seqnr, &format!(r#"{{"n": {seqnr}}}"#))
            .await
            .unwrap();
    }
    for seqnr in 1..=12 {
        let got = diffs.get("a1", "sub", Some(seqnr)).await.unwrap().unwrap();
        assert_eq!(got.diff, format!(r#"{{"n": {seqnr}}}"#));
    }
    let listed = diffs.list("a1", Some("sub")).await.unwrap();
    let seqnrs: Vec<i32> = listed.iter().map(|d| d.seqnr).collect();
    assert_eq!(seqnrs, (1..=12).collect::<Vec<_>>());
    // Consuming the oldest diffs leaves the rest retrievable, lowest first.
    assert_eq!(
        diffs
            .delete_up_to("a1", Some("sub"), Some(10))
            .await
            .unwrap(),
        10
    );
    let next = diffs.get("a1", "sub", None).await.unwrap().unwrap();
    assert_eq!(next.seqnr, 11);
}

#[tokio::test]
async fn delete_removes_exactly_one_diff_and_reports_whether_it_existed() {
    let (db, store) = store().await;
    seed(&store, &[("S1", 1), ("S1", 2), ("S2", 1)]).await;
    let diffs = store.subscription_diffs();
    assert!(diffs.delete("a1", "S1", 1).await.unwrap());
    assert!(!diffs.delete("a1", "S1", 1).await.unwrap());
    assert!(!diffs.delete("a2", "S1", 2).await.unwrap());
    assert_eq!(stored(&db).await, owned(&[("S1", 2), ("S2", 1)]));
}

#[tokio::test]
async fn delete_up_to_of_one_subscription_is_inclusive() {
    let (db, store) = store().await;
    seed(
        &store,
        &[("S1", 1), ("S1", 2), ("S1", 3), ("S1", 10), ("S2", 1)],
    )
    .await;
    let diffs = store.subscription_diffs();
    assert_eq!(
        diffs.delete_up_to("a1", Some("S1"), Some(3)).await.unwrap(),
        3
    );
    assert_eq!(stored(&db).await, owned(&[("S1", 10), ("S2", 1)]));
    assert_eq!(
        diffs.delete_up_to("a1", Some("S1"), Some(3)).await.unwrap(),
        0
    );
}

#[tokio::test]
async fn delete_up_to_without_a_bound_deletes_every_diff_of_the_subscription() {
    let (db, store) = store().await;
    seed(&store, &[("S1", 1), ("S1", 20), ("S10", 1), ("S2", 1)]).await;
    store
        .subscription_diffs()
        .create("a2", "S1", 1, "other actor")
        .await
        .unwrap();
    let diffs = store.subscription_diffs();
    assert_eq!(diffs.delete_up_to("a1", Some("S1"), None).await.unwrap(), 2);
    assert_eq!(stored(&db).await, owned(&[("S10", 1), ("S2", 1)]));
    assert_eq!(rows(&db).await, 3);
}

#[tokio::test]
async fn delete_up_to_without_a_subscription_spans_all_of_the_actors_subscriptions() {
    let (db, store) = store().await;
    seed(&store, &[("S1", 1), ("S1", 5), ("S2", 2), ("S2", 6)]).await;
    store
        .subscription_diffs()
        .create("a2", "S1", 1, "other actor")
        .await
        .unwrap();
    let diffs = store.subscription_diffs();
    assert_eq!(diffs.delete_up_to("a1", None, Some(5)).await.unwrap(), 3);
    assert_eq!(stored(&db).await, owned(&[("S2", 6)]));
    assert_eq!(diffs.delete_up_to("a1", None, None).await.unwrap(), 1);
    assert!(stored(&db).await.is_empty());
    assert_eq!(rows(&db).await, 1);
}

#[tokio::test]
async fn delete_up_to_zero_is_an_ordinary_bound_not_delete_all() {
    let (db, store) = store().await;
    seed(&store, &[("S1", -1), ("S1", 0), ("S1", 1)]).await;
    let diffs = store.subscription_diffs();
    assert_eq!(
        diffs.delete_up_to("a1", Some("S1"), Some(0)).await.unwrap(),
        2
    );
    assert_eq!(stored(&db).await, owned(&[("S1", 1)]));
}

#[tokio::test]
async fn delete_all_removes_only_that_actors_diffs_and_counts_them() {
    let (db, store) = store().await;
    seed(&store, &[("S1", 1), ("S2", 1), ("S2", 2)]).await;
    store
        .subscription_diffs()
        .create("a2", "S1", 1, "other actor")
        .await
        .unwrap();
    let diffs = store.subscription_diffs();
    assert_eq!(diffs.delete_all("a1").await.unwrap(), 3);
    assert_eq!(diffs.delete_all("a1").await.unwrap(), 0);
    assert_eq!(rows(&db).await, 1);
    assert_eq!(diffs.list("a2", None).await.unwrap().len(), 1);
}

#[tokio::test]
async fn create_refuses_bad_input_and_writes_nothing() {
    let (db, store) = store().await;
    let diffs = store.subscription_diffs();
    let long = "x".repeat(256);
    let cases = [
        ("", "S1", 1, "d", "invalid actor id: must not be empty"),
        ("a\0", "S1", 1, "d", "invalid actor id: contains a NUL byte"),
        (
            long.as_str(),
            "S1",
            1,
            "d",
            "invalid actor id: is 256 characters long; the column holds at most 255",
        ),
        (
            "a1",
            "",
            1,
            "d",
            "invalid subscription id: must not be empty",
        ),
        (
            "a1",
            "S\0",
            1,
            "d",
            "invalid subscription id: contains a NUL byte",
        ),
        (
            "a1",
            long.as_str(),
            1,
            "d",
            "invalid subscription id: is 256",
        ),
        ("a1", "S1", 1, "d\0", "invalid diff: contains a NUL byte"),
    ];
    for (actor_id, subid, seqnr, diff, needle) in cases {
        assert_err(
            diffs.create(actor_id, subid, seqnr, diff).await,
            ErrorKind::InvalidInput,
            needle,
        );
    }
    assert_eq!(rows(&db).await, 0);
    let ok = "a".repeat(255);
    diffs.create(&ok, "S1", 1, "d").await.unwrap();
    assert!(diffs.get(&ok, "S1", Some(1)).await.unwrap().is_some());
}

#[tokio::test]
async fn create_refuses_a_key_longer_than_255_characters_while_255_works() {
    let (db, store) = store().await;
    let diffs = store.subscription_diffs();
    let subid = "s".repeat(253);
    assert_err(
        diffs.create("a1", &subid, 10, "d").await,
        ErrorKind::InvalidInput,
        "invalid diff key (subid:seqnr): is 256 characters long; the column holds at most 255",
    );
    assert_err(
        diffs.get("a1", &subid, Some(-1)).await,
        ErrorKind::InvalidInput,
        "invalid diff key (subid:seqnr): is 256",
    );
    assert_eq!(rows(&db).await, 0);
    let created = diffs.create("a1", &subid, 1, "d").await.unwrap();
    assert_eq!(
        diffs.get("a1", &subid, Some(1)).await.unwrap(),
        Some(created)
    );
    // Without a seqnr only the subscription id itself has to fit.
    let first = diffs.get("a1", &subid, None).await.unwrap().unwrap();
    assert_eq!(first.seqnr, 1);
}

#[tokio::test]
async fn reads_and_deletes_refuse_bad_input() {
    let (db, store) = store().await;
    seed(&store, &[("S1", 1)]).await;
    let diffs = store.subscription_diffs();
    let long = "x".repeat(256);
    assert_err(
        diffs.get("", "S1", Some(1)).await,
        ErrorKind::InvalidInput,
        "invalid actor id: must not be empty",
    );
    assert_err(
        diffs.get("a1", "S\0", None).await,
        ErrorKind::InvalidInput,
        "invalid subscription id: contains a NUL byte",
    );
    assert_err(
        diffs.get("a1", "", None).await,
        ErrorKind::InvalidInput,
        "invalid subscription id: must not be empty",
    );
    assert_err(
        diffs.list("a1", Some(&long)).await,
        ErrorKind::InvalidInput,
        "invalid subscription id: is 256 characters long",
    );
    assert_err(
        diffs.list("a\0", None).await,
        ErrorKind::InvalidInput,
        "invalid actor id: contains a NUL byte",
    );
    assert_err(
        diffs.delete("a1", "", 1).await,
        ErrorKind::InvalidInput,
        "invalid subscription id: must not be empty",
    );
    assert_err(
        diffs.delete_up_to("a1", Some("S\0"), None).await,
        ErrorKind::InvalidInput,
        "invalid subscription id: contains a NUL byte",
    );
    assert_err(
        diffs.delete_up_to(&long, None, Some(1)).await,
        ErrorKind::InvalidInput,
        "invalid actor id: is 256 characters long",
    );
    assert_err(
        diffs.delete_all("").await,
        ErrorKind::InvalidInput,
        "invalid actor id: must not be empty",
    );
    assert_eq!(rows(&db).await, 1);
}

#[tokio::test]
async fn concurrent_creates_of_one_diff_succeed_exactly_once() {
    let (db, store) = store().await;
    let attempts = (0..5).map(|i| {
        let store = store.clone();
        async move {
            store
                .subscription_diffs()
                .create("a1", "S1", 1, &format!("writer {i}"))
                .await
        }
    });
    let results = futures::future::join_all(attempts).await;
    assert_eq!(
        results.iter().filter(|r| r.is_ok()).count(),
        1,
        "{results:?}"
    );
    for r in results.iter().filter(|r| r.is_err()) {
        assert_eq!(r.as_ref().unwrap_err().kind(), ErrorKind::Conflict);
    }
    assert_eq!(rows(&db).await, 1);
}

#[tokio::test]
async fn an_error_returned_inside_a_transaction_rolls_the_diff_writes_back() {
    let (db, store) = store().await;
    seed(&store, &[("S1", 1)]).await;
    let result: actingweb_pg::Result<()> = store
        .transaction(|tx| {
            Box::pin(async move {
                let diffs = tx.subscription_diffs();
                diffs.create("a1", "S1", 2, "in tx").await?;
                assert!(diffs.delete("a1", "S1", 1).await?);
                let listed = diffs.list("a1", None).await?;
                assert_eq!(pairs(&listed), [("S1", 2)]);
                Err(Error::new(ErrorKind::Backend, "give up"))
            })
        })
        .await;
    assert_err(result, ErrorKind::Backend, "give up");
    assert_eq!(stored(&db).await, owned(&[("S1", 1)]));
}

#[tokio::test]
async fn diffs_created_in_one_transaction_are_committed_together() {
    let (db, store) = store().await;
    store
        .transaction(|tx| {
            Box::pin(async move {
                let diffs = tx.subscription_diffs();
                let a = diffs.create("a1", "S1", 1, "one").await?;
                let b = diffs.create("a1", "S1", 2, "two").await?;
                // One transaction, one server time.
                assert_eq!(a.timestamp, b.timestamp);
                Ok(())
            })
        })
        .await
        .unwrap();
    assert_eq!(stored(&db).await, owned(&[("S1", 1), ("S1", 2)]));
}
