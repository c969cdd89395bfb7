//! Subscriptions against a real PostgreSQL.

mod common;

use actingweb_pg::subscriptions::{NewSubscription, Subscription, SubscriptionUpdate};
use actingweb_pg::{Error, ErrorKind};
use common::{TestDb, assert_err, store};

fn new_sub(peerid: &str, subid: &str) -> NewSubscription {
    NewSubscription {
        peerid: peerid.into(),
        subid: subid.into(),
        ..NewSubscription::default()
    }
}

fn full_sub() -> NewSubscription {
    NewSubscription {
        peerid: "p1".into(),
        subid: "s1".into(),
        granularity: Some("high".into()),
        target: Some("properties".into()),
        subtarget: Some("email".into()),
        resource: Some("r/1".into()),
        seqnr: 7,
        callback: true,
    }
}

fn expected(actor_id: &str, new: &NewSubscription) -> Subscription {
    Subscription {
        id: actor_id.into(),
        peerid: new.peerid.clone(),
        subid: new.subid.clone(),
        granularity: new.granularity.clone(),
        target: new.target.clone(),
        subtarget: new.subtarget.clone(),
        resource: new.resource.clone(),
        seqnr: new.seqnr,
        callback: new.callback,
    }
}

async fn rows(db: &TestDb) -> i64 {
    db.client()
        .await
        .query_one("SELECT count(*) FROM subscriptions", &[])
        .await
        .unwrap()
        .get(0)
}

/// The stored key column of every row, with its parts, by key.
async fn keys(db: &TestDb) -> Vec<(String, String, String)> {
    db.client()
        .await
        .query(
            "SELECT peer_sub_id, peerid, subid FROM subscriptions ORDER BY peer_sub_id COLLATE \"C\"",
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect()
}

fn key(k: &str, p: &str, s: &str) -> (String, String, String) {
    (k.into(), p.into(), s.into())
}

fn update() -> SubscriptionUpdate {
    SubscriptionUpdate::default()
}

#[tokio::test]
async fn create_then_get_returns_every_field() {
    let (db, store) = store().await;
    let created = store
        .subscriptions()
        .create("a1", &full_sub())
        .await
        .unwrap();
    assert_eq!(created, expected("a1", &full_sub()));
    let got = store.subscriptions().get("a1", "p1", "s1").await.unwrap();
    assert_eq!(got, Some(created));
    assert_eq!(keys(&db).await, [key("p1:s1", "p1", "s1")]);
}

#[tokio::test]
async fn default_new_subscription_has_seqnr_0_no_callback_and_stores_null_details() {
    let (db, store) = store().await;
    let defaults = NewSubscription::default();
    assert_eq!((defaults.seqnr, defaults.callback), (0, false));
    let created = store
        .subscriptions()
        .create("a1", &new_sub("p1", "s1"))
        .await
        .unwrap();
    let got = store.subscriptions().get("a1", "p1", "s1").await.unwrap();
    assert_eq!(got.as_ref(), Some(&created));
    assert_eq!(
        created,
        Subscription {
            id: "a1".into(),
            peerid: "p1".into(),
            subid: "s1".into(),
            granularity: None,
            target: None,
            subtarget: None,
            resource: None,
            seqnr: 0,
            callback: false,
        }
    );
    let nulls: i64 = db
        .client()
        .await
        .query_one(
            "SELECT count(*) FROM subscriptions WHERE granularity IS NULL AND target IS NULL \
             AND subtarget IS NULL AND resource IS NULL",
            &[],
        )
        .await
        .unwrap()
        .get(0);
    assert_eq!(nulls, 1);
}

#[tokio::test]
async fn row_written_by_the_reference_reads_back_with_nulls_as_none() {
    let (db, store) = store().await;
    db.client()
        .await
        .execute(
            "INSERT INTO subscriptions (id, peer_sub_id, peerid, subid, granularity, target, \
             subtarget, resource, seqnr, callback) \
             VALUES ('a1', 'p1:s1', 'p1', 's1', NULL, 'properties', NULL, NULL, 3, true)",
            &[],
        )
        .await
        .unwrap();
    let got = store.subscriptions().get("a1", "p1", "s1").await.unwrap();
    assert_eq!(
        got,
        Some(Subscription {
            id: "a1".into(),
            peerid: "p1".into(),
            subid: "s1".into(),
            granularity: None,
            target: Some("properties".into()),
            subtarget: None,
            resource: None,
            seqnr: 3,
            callback: true,
        })
    );
}

#[tokio::test]
async fn get_of_missing_subscription_is_none() {
    let (_db, store) = store().await;
    store
        .subscriptions()
        .create("a1", &full_sub())
        .await
        .unwrap();
    let subs = store.subscriptions();
    assert_eq!(subs.get("a1", "p1", "s2").await.unwrap(), None);
    assert_eq!(subs.get("a1", "p2", "s1").await.unwrap(), None);
    assert_eq!(subs.get("a2", "p1", "s1").await.unwrap(), None);
}

#[tokio::test]
async fn empty_details_are_stored_as_empty_strings_not_null() {
    let (_db, store) = store().await;
    let new = NewSubscription {
        granularity: Some(String::new()),
        target: Some(String::new()),
        subtarget: Some(String::new()),
        resource: Some(String::new()),
        ..new_sub("p1", "s1")
    };
    store.subscriptions().create("a1", &new).await.unwrap();
    let got = store.subscriptions().get("a1", "p1", "s1").await.unwrap();
    assert_eq!(got, Some(expected("a1", &new)));
}

#[tokio::test]
async fn seqnr_round_trips_the_full_integer_range() {
    let (_db, store) = store().await;
    for (subid, seqnr) in [("max", i32::MAX), ("min", i32::MIN)] {
        let new = NewSubscription {
            seqnr,
            ..new_sub("p1", subid)
        };
        store.subscriptions().create("a1", &new).await.unwrap();
        let got = store.subscriptions().get("a1", "p1", subid).await.unwrap();
        assert_eq!(got.unwrap().seqnr, seqnr);
    }
}

#[tokio::test]
async fn create_of_existing_subscription_is_conflict_and_keeps_the_first() {
    let (db, store) = store().await;
    store
        .subscriptions()
        .create("a1", &full_sub())
        .await
        .unwrap();
    let second = NewSubscription {
        target: Some("other".into()),
        seqnr: 99,
        ..full_sub()
    };
    assert_err(
        store.subscriptions().create("a1", &second).await,
        ErrorKind::Conflict,
        "subscription \"p1\"/\"s1\" already exists for actor \"a1\"",
    );
    let got = store.subscriptions().get("a1", "p1", "s1").await.unwrap();
    assert_eq!(got, Some(expected("a1", &full_sub())));
    assert_eq!(rows(&db).await, 1);
}

#[tokio::test]
async fn same_pair_under_two_actors_is_two_subscriptions() {
    let (db, store) = store().await;
    store
        .subscriptions()
        .create("a1", &full_sub())
        .await
        .unwrap();
    let other = NewSubscription {
        seqnr: 1,
        ..full_sub()
    };
    store.subscriptions().create("a2", &other).await.unwrap();
    let a1 = store.subscriptions().get("a1", "p1", "s1").await.unwrap();
    let a2 = store.subscriptions().get("a2", "p1", "s1").await.unwrap();
    assert_eq!((a1.unwrap().seqnr, a2.unwrap().seqnr), (7, 1));
    assert_eq!(rows(&db).await, 2);
}

#[tokio::test]
async fn create_onto_a_key_held_by_other_parts_is_ambiguous_peerid_with_colon_first() {
    let (db, store) = store().await;
    store
        .subscriptions()
        .create("a1", &new_sub("a:b", "c"))
        .await
        .unwrap();
    assert_err(
        store
            .subscriptions()
            .create("a1", &new_sub("a", "b:c"))
            .await,
        ErrorKind::InvalidInput,
        "invalid subscription key (peerid:subid): ambiguous composite key: \"a:b:c\" already \
         holds a row for different parts (peer id \"a:b\", subscription id \"c\")",
    );
    assert_eq!(keys(&db).await, [key("a:b:c", "a:b", "c")]);
    let subs = store.subscriptions();
    assert_eq!(subs.get("a1", "a", "b:c").await.unwrap(), None);
    assert!(subs.get("a1", "a:b", "c").await.unwrap().is_some());
}

#[tokio::test]
async fn create_onto_a_key_held_by_other_parts_is_ambiguous_subid_with_colon_first() {
    let (db, store) = store().await;
    store
        .subscriptions()
        .create("a1", &new_sub("a", "b:c"))
        .await
        .unwrap();
    assert_err(
        store
            .subscriptions()
            .create("a1", &new_sub("a:b", "c"))
            .await,
        ErrorKind::InvalidInput,
        "ambiguous composite key: \"a:b:c\" already holds a row for different parts \
         (peer id \"a\", subscription id \"b:c\")",
    );
    assert_eq!(keys(&db).await, [key("a:b:c", "a", "b:c")]);
    assert_eq!(
        store.subscriptions().get("a1", "a:b", "c").await.unwrap(),
        None
    );
}

#[tokio::test]
async fn modify_and_delete_never_touch_another_pairs_row_under_the_same_key() {
    let (db, store) = store().await;
    store
        .subscriptions()
        .create("a1", &new_sub("a:b", "c"))
        .await
        .unwrap();
    let subs = store.subscriptions();
    let change = SubscriptionUpdate {
        seqnr: Some(5),
        ..update()
    };
    assert!(!subs.modify("a1", "a", "b:c", &change).await.unwrap());
    assert!(!subs.delete("a1", "a", "b:c").await.unwrap());
    let kept = subs.get("a1", "a:b", "c").await.unwrap().unwrap();
    assert_eq!(kept.seqnr, 0);
    assert_eq!(rows(&db).await, 1);
}

#[tokio::test]
async fn modify_changes_only_the_given_fields() {
    let (_db, store) = store().await;
    store
        .subscriptions()
        .create("a1", &full_sub())
        .await
        .unwrap();
    let change = SubscriptionUpdate {
        granularity: Some("low".into()),
        seqnr: Some(8),
        ..update()
    };
    assert!(
        store
            .subscriptions()
            .modify("a1", "p1", "s1", &change)
            .await
            .unwrap()
    );
    let got = store.subscriptions().get("a1", "p1", "s1").await.unwrap();
    let want = NewSubscription {
        granularity: Some("low".into()),
        seqnr: 8,
        ..full_sub()
    };
    assert_eq!(got, Some(expected("a1", &want)));
    let change = SubscriptionUpdate {
        target: Some("t2".into()),
        subtarget: Some("st2".into()),
        callback: Some(false),
        ..update()
    };
    assert!(
        store
            .subscriptions()
            .modify("a1", "p1", "s1", &change)
            .await
            .unwrap()
    );
    let got = store.subscriptions().get("a1", "p1", "s1").await.unwrap();
    let want = NewSubscription {
        target: Some("t2".into()),
        subtarget: Some("st2".into()),
        callback: false,
        ..want
    };
    assert_eq!(got, Some(expected("a1", &want)));
}

#[tokio::test]
async fn modify_with_empty_strings_leaves_those_fields_as_they_are() {
    let (db, store) = store().await;
    let subs = store.subscriptions();
    subs.create("a1", &full_sub()).await.unwrap();
    let empty = SubscriptionUpdate {
        peerid: Some(String::new()),
        subid: Some(String::new()),
        granularity: Some(String::new()),
        target: Some(String::new()),
        subtarget: Some(String::new()),
        resource: Some(String::new()),
        seqnr: Some(9),
        callback: None,
    };
    assert!(subs.modify("a1", "p1", "s1", &empty).await.unwrap());
    let want = NewSubscription {
        seqnr: 9,
        ..full_sub()
    };
    assert_eq!(
        subs.get("a1", "p1", "s1").await.unwrap(),
        Some(expected("a1", &want))
    );
    assert_eq!(keys(&db).await, [key("p1:s1", "p1", "s1")]);

    // A subscription created without details keeps its NULLs.
    subs.create("a1", &new_sub("p2", "s2")).await.unwrap();
    assert!(subs.modify("a1", "p2", "s2", &empty).await.unwrap());
    let row = db
        .client()
        .await
        .query_one(
            "SELECT granularity, target, subtarget, resource FROM subscriptions \
             WHERE peer_sub_id = 'p2:s2'",
            &[],
        )
        .await
        .unwrap();
    for column in 0..4 {
        assert_eq!(
            row.get::<_, Option<String>>(column),
            None,
            "column {column}"
        );
    }

    // Empty and non-empty fields together: only the non-empty ones change.
    let mixed = SubscriptionUpdate {
        granularity: Some("low".into()),
        target: Some(String::new()),
        resource: Some("r/2".into()),
        ..SubscriptionUpdate::default()
    };
    assert!(subs.modify("a1", "p1", "s1", &mixed).await.unwrap());
    let want = NewSubscription {
        granularity: Some("low".into()),
        resource: Some("r/2".into()),
        ..want
    };
    assert_eq!(
        subs.get("a1", "p1", "s1").await.unwrap(),
        Some(expected("a1", &want))
    );
}

#[tokio::test]
async fn modify_with_no_changes_is_true_for_an_existing_subscription_and_changes_nothing() {
    let (db, store) = store().await;
    store
        .subscriptions()
        .create("a1", &full_sub())
        .await
        .unwrap();
    assert!(
        store
            .subscriptions()
            .modify("a1", "p1", "s1", &update())
            .await
            .unwrap()
    );
    let got = store.subscriptions().get("a1", "p1", "s1").await.unwrap();
    assert_eq!(got, Some(expected("a1", &full_sub())));
    assert_eq!(keys(&db).await, [key("p1:s1", "p1", "s1")]);
}

#[tokio::test]
async fn modify_of_missing_subscription_is_false_and_writes_nothing() {
    let (db, store) = store().await;
    store
        .subscriptions()
        .create("a1", &full_sub())
        .await
        .unwrap();
    let change = SubscriptionUpdate {
        peerid: Some("p9".into()),
        seqnr: Some(1),
        ..update()
    };
    let subs = store.subscriptions();
    assert!(!subs.modify("a1", "p1", "nope", &change).await.unwrap());
    assert!(!subs.modify("a2", "p1", "s1", &change).await.unwrap());
    assert_eq!(keys(&db).await, [key("p1:s1", "p1", "s1")]);
    let got = subs.get("a1", "p1", "s1").await.unwrap();
    assert_eq!(got, Some(expected("a1", &full_sub())));
}

#[tokio::test]
async fn modify_of_peerid_rewrites_the_key_so_the_row_moves_to_its_new_name() {
    let (db, store) = store().await;
    store
        .subscriptions()
        .create("a1", &full_sub())
        .await
        .unwrap();
    let change = SubscriptionUpdate {
        peerid: Some("p2".into()),
        ..update()
    };
    let subs = store.subscriptions();
    assert!(subs.modify("a1", "p1", "s1", &change).await.unwrap());
    assert_eq!(keys(&db).await, [key("p2:s1", "p2", "s1")]);
    assert_eq!(subs.get("a1", "p1", "s1").await.unwrap(), None);
    let moved = subs.get("a1", "p2", "s1").await.unwrap();
    let want = NewSubscription {
        peerid: "p2".into(),
        ..full_sub()
    };
    assert_eq!(moved, Some(expected("a1", &want)));
    // Addressable under the new name afterwards (the reference's row would be lost here).
    let change = SubscriptionUpdate {
        seqnr: Some(9),
        ..update()
    };
    assert!(subs.modify("a1", "p2", "s1", &change).await.unwrap());
    assert!(subs.delete("a1", "p2", "s1").await.unwrap());
    assert_eq!(rows(&db).await, 0);
}

#[tokio::test]
async fn modify_of_subid_and_peerid_together_rewrites_the_key() {
    let (db, store) = store().await;
    store
        .subscriptions()
        .create("a1", &full_sub())
        .await
        .unwrap();
    let change = SubscriptionUpdate {
        peerid: Some("p2".into()),
        subid: Some("s2".into()),
        seqnr: Some(10),
        ..update()
    };
    let subs = store.subscriptions();
    assert!(subs.modify("a1", "p1", "s1", &change).await.unwrap());
    assert_eq!(keys(&db).await, [key("p2:s2", "p2", "s2")]);
    let want = NewSubscription {
        peerid: "p2".into(),
        subid: "s2".into(),
        seqnr: 10,
        ..full_sub()
    };
    assert_eq!(
        subs.get("a1", "p2", "s2").await.unwrap(),
        Some(expected("a1", &want))
    );
}

#[tokio::test]
async fn modify_onto_the_key_of_another_subscription_is_conflict_and_changes_nothing() {
    let (db, store) = store().await;
    let subs = store.subscriptions();
    subs.create("a1", &full_sub()).await.unwrap();
    subs.create("a1", &new_sub("p1", "s2")).await.unwrap();
    let change = SubscriptionUpdate {
        subid: Some("s2".into()),
        seqnr: Some(42),
        ..update()
    };
    assert_err(
        subs.modify("a1", "p1", "s1", &change).await,
        ErrorKind::Conflict,
        "subscription \"p1\"/\"s2\" already exists for actor \"a1\"",
    );
    assert_eq!(
        keys(&db).await,
        [key("p1:s1", "p1", "s1"), key("p1:s2", "p1", "s2")]
    );
    assert_eq!(
        subs.get("a1", "p1", "s1").await.unwrap(),
        Some(expected("a1", &full_sub()))
    );
    assert_eq!(
        subs.get("a1", "p1", "s2").await.unwrap(),
        Some(expected("a1", &new_sub("p1", "s2")))
    );
}

#[tokio::test]
async fn modify_onto_a_key_held_by_other_parts_is_ambiguous_and_changes_nothing() {
    let (db, store) = store().await;
    let subs = store.subscriptions();
    subs.create("a1", &new_sub("a:b", "c")).await.unwrap();
    subs.create("a1", &new_sub("x", "y")).await.unwrap();
    let change = SubscriptionUpdate {
        peerid: Some("a".into()),
        subid: Some("b:c".into()),
        ..update()
    };
    assert_err(
        subs.modify("a1", "x", "y", &change).await,
        ErrorKind::InvalidInput,
        "ambiguous composite key: \"a:b:c\" already holds a row for different parts \
         (peer id \"a:b\", subscription id \"c\")",
    );
    assert_eq!(
        keys(&db).await,
        [key("a:b:c", "a:b", "c"), key("x:y", "x", "y")]
    );
}

#[tokio::test]
async fn modify_may_move_between_pairs_that_share_one_key() {
    let (db, store) = store().await;
    let subs = store.subscriptions();
    subs.create("a1", &new_sub("a:b", "c")).await.unwrap();
    let change = SubscriptionUpdate {
        peerid: Some("a".into()),
        subid: Some("b:c".into()),
        ..update()
    };
    assert!(subs.modify("a1", "a:b", "c", &change).await.unwrap());
    assert_eq!(keys(&db).await, [key("a:b:c", "a", "b:c")]);
    assert!(subs.get("a1", "a", "b:c").await.unwrap().is_some());
    assert_eq!(subs.get("a1", "a:b", "c").await.unwrap(), None);
}

#[tokio::test]
async fn row_left_with_a_stale_key_by_the_reference_is_listed_but_not_found_by_its_parts() {
    let (db, store) = store().await;
    // What the reference's modify(peerid="p2") leaves behind: new columns, old key.
    db.client()
        .await
        .execute(
            "INSERT INTO subscriptions (id, peer_sub_id, peerid, subid, seqnr, callback) \
             VALUES ('a1', 'p1:s1', 'p2', 's1', 0, false)",
            &[],
        )
        .await
        .unwrap();
    let subs = store.subscriptions();
    assert_eq!(subs.get("a1", "p1", "s1").await.unwrap(), None);
    assert_eq!(subs.get("a1", "p2", "s1").await.unwrap(), None);
    let listed = subs.list("a1").await.unwrap();
    assert_eq!(
        listed.iter().map(|s| s.peerid.as_str()).collect::<Vec<_>>(),
        ["p2"]
    );
    assert_eq!(subs.delete_all("a1").await.unwrap(), 1);
}

#[tokio::test]
async fn delete_removes_only_that_subscription_and_reports_whether_it_existed() {
    let (db, store) = store().await;
    let subs = store.subscriptions();
    subs.create("a1", &full_sub()).await.unwrap();
    subs.create("a1", &new_sub("p1", "s2")).await.unwrap();
    subs.create("a2", &full_sub()).await.unwrap();
    assert!(subs.delete("a1", "p1", "s1").await.unwrap());
    assert!(!subs.delete("a1", "p1", "s1").await.unwrap());
    assert!(!subs.delete("a1", "p9", "s9").await.unwrap());
    assert_eq!(subs.get("a1", "p1", "s1").await.unwrap(), None);
    assert!(subs.get("a1", "p1", "s2").await.unwrap().is_some());
    assert!(subs.get("a2", "p1", "s1").await.unwrap().is_some());
    assert_eq!(rows(&db).await, 2);
}

#[tokio::test]
async fn list_returns_the_actors_subscriptions_by_key_bytewise() {
    let (_db, store) = store().await;
    let subs = store.subscriptions();
    for (p, s) in [
        ("pb", "s1"),
        ("pa", "s2"),
        ("Pz", "s0"),
        ("pa", "s10"),
        ("pé", "s"),
    ] {
        subs.create("a1", &new_sub(p, s)).await.unwrap();
    }
    subs.create("a2", &new_sub("pa", "s0")).await.unwrap();
    let listed = subs.list("a1").await.unwrap();
    let pairs: Vec<(&str, &str)> = listed
        .iter()
        .map(|s| (s.peerid.as_str(), s.subid.as_str()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("Pz", "s0"),
            ("pa", "s10"),
            ("pa", "s2"),
            ("pb", "s1"),
            ("pé", "s")
        ]
    );
    assert!(listed.iter().all(|s| s.id == "a1"));
    assert_eq!(listed[0], expected("a1", &new_sub("Pz", "s0")));
    assert!(subs.list("nobody").await.unwrap().is_empty());
}

#[tokio::test]
async fn delete_all_removes_only_that_actors_subscriptions_and_counts_them() {
    let (db, store) = store().await;
    let subs = store.subscriptions();
    subs.create("a1", &full_sub()).await.unwrap();
    subs.create("a1", &new_sub("p2", "s2")).await.unwrap();
    subs.create("a2", &full_sub()).await.unwrap();
    assert_eq!(subs.delete_all("a1").await.unwrap(), 2);
    assert_eq!(subs.delete_all("a1").await.unwrap(), 0);
    assert!(subs.list("a1").await.unwrap().is_empty());
    assert_eq!(subs.list("a2").await.unwrap().len(), 1);
    assert_eq!(rows(&db).await, 1);
}

#[tokio::test]
async fn create_refuses_bad_identifiers_and_writes_nothing() {
    let (db, store) = store().await;
    let subs = store.subscriptions();
    let long = "x".repeat(256);
    let cases: Vec<(&str, NewSubscription, &str)> = vec![
        ("", full_sub(), "invalid actor id: must not be empty"),
        ("a\0", full_sub(), "invalid actor id: contains a NUL byte"),
        (
            &long,
            full_sub(),
            "invalid actor id: is 256 characters long; the column holds at most 255",
        ),
        (
            "a1",
            new_sub("", "s1"),
            "invalid peer id: must not be empty",
        ),
        (
            "a1",
            new_sub("p\0", "s1"),
            "invalid peer id: contains a NUL byte",
        ),
        (
            "a1",
            new_sub(&long, "s"),
            "invalid peer id: is 256 characters",
        ),
        (
            "a1",
            new_sub("p1", ""),
            "invalid subscription id: must not be empty",
        ),
        (
            "a1",
            new_sub("p1", "s\0"),
            "invalid subscription id: contains a NUL byte",
        ),
        ("a1", new_sub("p", &long), "invalid subscription id: is 256"),
    ];
    for (actor_id, new, needle) in cases {
        assert_err(
            subs.create(actor_id, &new).await,
            ErrorKind::InvalidInput,
            needle,
        );
    }
    assert_eq!(rows(&db).await, 0);
    let ok = "a".repeat(255);
    subs.create(&ok, &full_sub()).await.unwrap();
    assert!(subs.get(&ok, "p1", "s1").await.unwrap().is_some());
}

#[tokio::test]
async fn create_refuses_a_key_longer_than_255_characters_while_255_works() {
    let (db, store) = store().await;
    let subs = store.subscriptions();
    let too_long = new_sub(&"p".repeat(128), &"s".repeat(127));
    assert_err(
        subs.create("a1", &too_long).await,
        ErrorKind::InvalidInput,
        "invalid subscription key (peerid:subid): is 256 characters long; the column holds at \
         most 255",
    );
    assert_err(
        subs.get("a1", &too_long.peerid, &too_long.subid).await,
        ErrorKind::InvalidInput,
        "invalid subscription key (peerid:subid): is 256",
    );
    assert_eq!(rows(&db).await, 0);
    let fits = new_sub(&"p".repeat(127), &"s".repeat(127));
    subs.create("a1", &fits).await.unwrap();
    let got = subs.get("a1", &fits.peerid, &fits.subid).await.unwrap();
    assert_eq!(got, Some(expected("a1", &fits)));
}

#[tokio::test]
async fn create_refuses_bad_details_and_writes_nothing() {
    let (db, store) = store().await;
    let subs = store.subscriptions();
    let long = Some("d".repeat(256));
    let nul = Some("d\0".to_string());
    let cases = [
        (
            NewSubscription {
                granularity: nul.clone(),
                ..full_sub()
            },
            "invalid granularity: contains a NUL byte",
        ),
        (
            NewSubscription {
                target: nul.clone(),
                ..full_sub()
            },
            "invalid target: contains a NUL byte",
        ),
        (
            NewSubscription {
                subtarget: nul.clone(),
                ..full_sub()
            },
            "invalid subtarget: contains a NUL byte",
        ),
        (
            NewSubscription {
                resource: nul,
                ..full_sub()
            },
            "invalid resource: contains a NUL byte",
        ),
        (
            NewSubscription {
                granularity: long.clone(),
                ..full_sub()
            },
            "invalid granularity: is 256 characters long",
        ),
        (
            NewSubscription {
                resource: long,
                ..full_sub()
            },
            "invalid resource: is 256 characters long",
        ),
    ];
    for (new, needle) in cases {
        assert_err(
            subs.create("a1", &new).await,
            ErrorKind::InvalidInput,
            needle,
        );
    }
    assert_eq!(rows(&db).await, 0);
    let fits = NewSubscription {
        granularity: Some("g".repeat(255)),
        target: Some("t".repeat(255)),
        subtarget: Some("u".repeat(255)),
        resource: Some("r".repeat(255)),
        ..full_sub()
    };
    assert_eq!(
        subs.create("a1", &fits).await.unwrap(),
        expected("a1", &fits)
    );
}

#[tokio::test]
async fn modify_refuses_bad_input_and_changes_nothing() {
    let (db, store) = store().await;
    let subs = store.subscriptions();
    subs.create("a1", &full_sub()).await.unwrap();
    // (An empty new peer id or subscription id is not refused: it leaves the id as it is,
    // see modify_with_empty_strings_leaves_those_fields_as_they_are.)
    let cases = [
        (
            SubscriptionUpdate {
                subid: Some("s\0".into()),
                ..update()
            },
            "invalid subscription id: contains a NUL byte",
        ),
        (
            SubscriptionUpdate {
                peerid: Some("p".repeat(253)),
                ..update()
            },
            "invalid subscription key (peerid:subid): is 256 characters long",
        ),
        (
            SubscriptionUpdate {
                seqnr: Some(1),
                target: Some("t\0".into()),
                ..update()
            },
            "invalid target: contains a NUL byte",
        ),
        (
            SubscriptionUpdate {
                subtarget: Some("u".repeat(256)),
                ..update()
            },
            "invalid subtarget: is 256 characters long",
        ),
    ];
    for (change, needle) in cases {
        assert_err(
            subs.modify("a1", "p1", "s1", &change).await,
            ErrorKind::InvalidInput,
            needle,
        );
    }
    assert_err(
        subs.modify("", "p1", "s1", &update()).await,
        ErrorKind::InvalidInput,
        "invalid actor id: must not be empty",
    );
    assert_err(
        subs.modify("a1", "p1", "", &update()).await,
        ErrorKind::InvalidInput,
        "invalid subscription id: must not be empty",
    );
    assert_eq!(keys(&db).await, [key("p1:s1", "p1", "s1")]);
    assert_eq!(
        subs.get("a1", "p1", "s1").await.unwrap(),
        Some(expected("a1", &full_sub()))
    );
}

#[tokio::test]
async fn reads_and_deletes_refuse_bad_identifiers() {
    let (db, store) = store().await;
    let subs = store.subscriptions();
    subs.create("a1", &full_sub()).await.unwrap();
    let long = "a".repeat(256);
    assert_err(
        subs.get("a\0", "p1", "s1").await,
        ErrorKind::InvalidInput,
        "invalid actor id: contains a NUL byte",
    );
    assert_err(
        subs.get("a1", "", "s1").await,
        ErrorKind::InvalidInput,
        "invalid peer id: must not be empty",
    );
    assert_err(
        subs.delete("a1", "p1", "s\0").await,
        ErrorKind::InvalidInput,
        "invalid subscription id: contains a NUL byte",
    );
    assert_err(
        subs.delete(&long, "p1", "s1").await,
        ErrorKind::InvalidInput,
        "invalid actor id: is 256 characters long",
    );
    assert_err(
        subs.list("").await,
        ErrorKind::InvalidInput,
        "invalid actor id: must not be empty",
    );
    assert_err(
        subs.delete_all("a\0").await,
        ErrorKind::InvalidInput,
        "invalid actor id: contains a NUL byte",
    );
    assert_eq!(rows(&db).await, 1);
}

#[tokio::test]
async fn concurrent_creates_of_one_subscription_succeed_exactly_once() {
    let (db, store) = store().await;
    let attempts = (0..5).map(|i| {
        let store = store.clone();
        async move {
            let new = NewSubscription {
                seqnr: i,
                ..full_sub()
            };
            store.subscriptions().create("a1", &new).await
        }
    });
    let results: Vec<Result<Subscription, Error>> = futures::future::join_all(attempts).await;
    let created = results.iter().filter(|r| r.is_ok()).count();
    assert_eq!(created, 1, "{results:?}");
    for r in results.iter().filter(|r| r.is_err()) {
        let e = r.as_ref().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Conflict, "{e:?}");
    }
    assert_eq!(rows(&db).await, 1);
}

#[tokio::test]
async fn concurrent_moves_onto_one_key_succeed_exactly_once() {
    let (db, store) = store().await;
    for subid in ["s1", "s2", "s3", "s4", "s5"] {
        store
            .subscriptions()
            .create("a1", &new_sub("p1", subid))
            .await
            .unwrap();
    }
    let moves = ["s1", "s2", "s3", "s4", "s5"].map(|subid| {
        let store = store.clone();
        async move {
            let change = SubscriptionUpdate {
                subid: Some("target".into()),
                ..SubscriptionUpdate::default()
            };
            store
                .subscriptions()
                .modify("a1", "p1", subid, &change)
                .await
        }
    });
    let results = futures::future::join_all(moves).await;
    let moved = results.iter().filter(|r| matches!(r, Ok(true))).count();
    assert_eq!(moved, 1, "{results:?}");
    for r in results.iter().filter(|r| !matches!(r, Ok(true))) {
        let e = r.as_ref().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Conflict, "{e:?}");
    }
    assert_eq!(rows(&db).await, 5);
    assert!(
        store
            .subscriptions()
            .get("a1", "p1", "target")
            .await
            .unwrap()
            .is_some()
    );
}

#[tokio::test]
async fn writes_inside_a_transaction_are_committed_together() {
    let (db, store) = store().await;
    store
        .transaction(|tx| {
            Box::pin(async move {
                tx.subscriptions().create("a1", &full_sub()).await?;
                let change = SubscriptionUpdate {
                    subid: Some("s2".into()),
                    ..SubscriptionUpdate::default()
                };
                assert!(tx.subscriptions().modify("a1", "p1", "s1", &change).await?);
                assert_eq!(tx.subscriptions().list("a1").await?.len(), 1);
                Ok(())
            })
        })
        .await
        .unwrap();
    assert_eq!(keys(&db).await, [key("p1:s2", "p1", "s2")]);
}

#[tokio::test]
async fn an_error_returned_inside_a_transaction_rolls_the_subscription_writes_back() {
    let (db, store) = store().await;
    store
        .subscriptions()
        .create("a1", &full_sub())
        .await
        .unwrap();
    let result: actingweb_pg::Result<()> = store
        .transaction(|tx| {
            Box::pin(async move {
                tx.subscriptions()
                    .create("a1", &new_sub("p2", "s2"))
                    .await?;
                assert!(tx.subscriptions().delete("a1", "p1", "s1").await?);
                // A conflict does not abort the transaction: it still reads.
                let dup = tx.subscriptions().create("a1", &new_sub("p2", "s2")).await;
                assert_eq!(dup.unwrap_err().kind(), ErrorKind::Conflict);
                assert_eq!(tx.subscriptions().list("a1").await?.len(), 1);
                Err(Error::new(ErrorKind::Backend, "give up"))
            })
        })
        .await;
    assert_err(result, ErrorKind::Backend, "give up");
    assert_eq!(keys(&db).await, [key("p1:s1", "p1", "s1")]);
}
