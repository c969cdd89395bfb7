//! Subscription suspensions against a real PostgreSQL.

mod common;

use actingweb_pg::suspensions::Suspension;
use actingweb_pg::{Error, ErrorKind};
use chrono::{TimeZone, Utc};
use common::{TestDb, assert_err, store};

async fn rows(db: &TestDb) -> i64 {
    db.client()
        .await
        .query_one("SELECT count(*) FROM subscription_suspensions", &[])
        .await
        .unwrap()
        .get(0)
}

/// `(actor id, target, subtarget)` of every stored row, sorted.
async fn stored(db: &TestDb) -> Vec<(String, String, String)> {
    db.client()
        .await
        .query(
            "SELECT id, target, subtarget FROM subscription_suspensions \
             ORDER BY id, target COLLATE \"C\", subtarget COLLATE \"C\"",
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect()
}

fn row(actor_id: &str, target: &str, subtarget: &str) -> (String, String, String) {
    (actor_id.into(), target.into(), subtarget.into())
}

/// `(target, subtarget)` of listed suspensions.
fn keys(list: &[Suspension]) -> Vec<(&str, Option<&str>)> {
    list.iter()
        .map(|s| (s.target.as_str(), s.subtarget.as_deref()))
        .collect()
}

#[tokio::test]
async fn nothing_is_suspended_at_first() {
    let (_db, store) = store().await;
    let s = store.suspensions("a1");
    assert!(!s.is_suspended("properties", None).await.unwrap());
    assert!(!s.is_suspended("properties", Some("email")).await.unwrap());
    assert!(s.list().await.unwrap().is_empty());
}

#[tokio::test]
async fn suspend_records_the_target_and_is_suspended_then_reports_it() {
    let (db, store) = store().await;
    let s = store.suspensions("a1");
    let before = Utc::now();
    assert!(s.suspend("properties", None).await.unwrap());
    assert!(s.is_suspended("properties", None).await.unwrap());
    let listed = s.list().await.unwrap();
    assert_eq!(keys(&listed), [("properties", None)]);
    let skew = (listed[0].suspended_at - before).num_seconds().abs();
    assert!(skew < 60, "suspended_at is the server's now, {skew}s away");
    assert_eq!(stored(&db).await, [row("a1", "properties", "")]);
}

#[tokio::test]
async fn target_suspension_cascades_to_every_subtarget() {
    let (_db, store) = store().await;
    let s = store.suspensions("a1");
    s.suspend("properties", None).await.unwrap();
    assert!(s.is_suspended("properties", Some("email")).await.unwrap());
    assert!(
        s.is_suspended("properties", Some("any/thing"))
            .await
            .unwrap()
    );
    assert!(s.is_suspended("properties", Some("")).await.unwrap());
}

#[tokio::test]
async fn subtarget_suspension_does_not_suspend_the_target_or_its_siblings() {
    let (_db, store) = store().await;
    let s = store.suspensions("a1");
    assert!(s.suspend("properties", Some("email")).await.unwrap());
    assert!(s.is_suspended("properties", Some("email")).await.unwrap());
    assert!(!s.is_suspended("properties", None).await.unwrap());
    assert!(!s.is_suspended("properties", Some("phone")).await.unwrap());
    assert!(!s.is_suspended("properties", Some("emai")).await.unwrap());
}

#[tokio::test]
async fn a_sibling_target_sharing_a_prefix_does_not_match() {
    let (_db, store) = store().await;
    let s = store.suspensions("a1");
    s.suspend("properties", None).await.unwrap();
    assert!(!s.is_suspended("properties_v2", None).await.unwrap());
    assert!(
        !s.is_suspended("properties_v2", Some("email"))
            .await
            .unwrap()
    );
    assert!(!s.is_suspended("propertie", None).await.unwrap());
    assert!(!s.is_suspended("Properties", None).await.unwrap());
}

#[tokio::test]
async fn suspensions_belong_to_one_actor() {
    let (_db, store) = store().await;
    store
        .suspensions("a1")
        .suspend("properties", None)
        .await
        .unwrap();
    let other = store.suspensions("a2");
    assert!(!other.is_suspended("properties", None).await.unwrap());
    assert!(other.list().await.unwrap().is_empty());
    assert!(!other.resume("properties", None).await.unwrap());
    assert!(other.suspend("properties", None).await.unwrap());
}

#[tokio::test]
async fn a_subtarget_is_recorded_even_under_a_suspended_target() {
    let (db, store) = store().await;
    let s = store.suspensions("a1");
    assert!(s.suspend("properties", None).await.unwrap());
    assert!(s.suspend("properties", Some("email")).await.unwrap());
    assert_eq!(
        stored(&db).await,
        [
            row("a1", "properties", ""),
            row("a1", "properties", "email")
        ]
    );
}

#[tokio::test]
async fn suspending_an_already_suspended_key_is_false_and_keeps_the_first_time() {
    let (db, store) = store().await;
    let s = store.suspensions("a1");
    assert!(s.suspend("properties", Some("email")).await.unwrap());
    let first = s.list().await.unwrap();
    assert!(!s.suspend("properties", Some("email")).await.unwrap());
    assert_eq!(s.list().await.unwrap(), first);
    assert!(s.suspend("properties", None).await.unwrap());
    assert!(!s.suspend("properties", None).await.unwrap());
    assert_eq!(rows(&db).await, 2);
}

#[tokio::test]
async fn no_subtarget_and_an_empty_subtarget_are_the_same_target_level_key() {
    let (db, store) = store().await;
    let s = store.suspensions("a1");
    assert!(s.suspend("properties", Some("")).await.unwrap());
    assert!(!s.suspend("properties", None).await.unwrap());
    assert_eq!(stored(&db).await, [row("a1", "properties", "")]);
    assert_eq!(keys(&s.list().await.unwrap()), [("properties", None)]);
    assert!(s.resume("properties", None).await.unwrap());
    assert_eq!(rows(&db).await, 0);
}

#[tokio::test]
async fn resume_lifts_exactly_that_key_and_reports_whether_it_was_suspended() {
    let (db, store) = store().await;
    let s = store.suspensions("a1");
    s.suspend("properties", Some("email")).await.unwrap();
    assert!(s.resume("properties", Some("email")).await.unwrap());
    assert!(!s.is_suspended("properties", Some("email")).await.unwrap());
    assert!(!s.resume("properties", Some("email")).await.unwrap());
    assert!(!s.resume("never", None).await.unwrap());
    assert_eq!(rows(&db).await, 0);
}

#[tokio::test]
async fn resuming_the_target_leaves_its_subtarget_suspensions() {
    let (db, store) = store().await;
    let s = store.suspensions("a1");
    s.suspend("properties", None).await.unwrap();
    s.suspend("properties", Some("email")).await.unwrap();
    assert!(s.resume("properties", None).await.unwrap());
    assert!(!s.is_suspended("properties", None).await.unwrap());
    assert!(!s.is_suspended("properties", Some("phone")).await.unwrap());
    assert!(s.is_suspended("properties", Some("email")).await.unwrap());
    assert_eq!(stored(&db).await, [row("a1", "properties", "email")]);
}

#[tokio::test]
async fn resuming_a_subtarget_leaves_the_target_suspended() {
    let (_db, store) = store().await;
    let s = store.suspensions("a1");
    s.suspend("properties", None).await.unwrap();
    assert!(!s.resume("properties", Some("email")).await.unwrap());
    assert!(s.is_suspended("properties", Some("email")).await.unwrap());
}

#[tokio::test]
async fn list_orders_by_target_then_subtarget_with_the_whole_target_first() {
    let (_db, store) = store().await;
    let s = store.suspensions("a1");
    for (target, sub) in [
        ("trust", Some("friend")),
        ("properties", Some("phone")),
        ("properties", None),
        ("Meta", None),
        ("properties", Some("email")),
    ] {
        s.suspend(target, sub).await.unwrap();
    }
    store
        .suspensions("a2")
        .suspend("other", None)
        .await
        .unwrap();
    assert_eq!(
        keys(&s.list().await.unwrap()),
        [
            ("Meta", None),
            ("properties", None),
            ("properties", Some("email")),
            ("properties", Some("phone")),
            ("trust", Some("friend")),
        ]
    );
}

#[tokio::test]
async fn row_written_by_the_reference_reads_back_in_utc() {
    let (db, store) = store().await;
    db.client()
        .await
        .execute(
            "INSERT INTO subscription_suspensions (id, target, subtarget, suspended_at) \
             VALUES ('a1', 'properties', 'email', '2024-03-01 00:00:00+02'), \
                    ('a1', 'trust', DEFAULT, '2024-03-01 12:00:00.5+00')",
            &[],
        )
        .await
        .unwrap();
    let s = store.suspensions("a1");
    assert_eq!(
        s.list().await.unwrap(),
        [
            Suspension {
                target: "properties".into(),
                subtarget: Some("email".into()),
                suspended_at: Utc.with_ymd_and_hms(2024, 2, 29, 22, 0, 0).unwrap(),
            },
            Suspension {
                target: "trust".into(),
                subtarget: None,
                suspended_at: Utc.with_ymd_and_hms(2024, 3, 1, 12, 0, 0).unwrap()
                    + chrono::Duration::milliseconds(500),
            },
        ]
    );
    assert!(s.is_suspended("trust", Some("x")).await.unwrap());
}

#[tokio::test]
async fn delete_all_lifts_only_this_actors_suspensions_and_counts_them() {
    let (db, store) = store().await;
    let s = store.suspensions("a1");
    s.suspend("properties", None).await.unwrap();
    s.suspend("properties", Some("email")).await.unwrap();
    store
        .suspensions("a2")
        .suspend("properties", None)
        .await
        .unwrap();
    assert_eq!(s.delete_all().await.unwrap(), 2);
    assert_eq!(s.delete_all().await.unwrap(), 0);
    assert!(!s.is_suspended("properties", None).await.unwrap());
    assert_eq!(stored(&db).await, [row("a2", "properties", "")]);
}

#[tokio::test]
async fn suspensions_outlive_their_actor_until_delete_all() {
    let (db, store) = store().await;
    store
        .actors()
        .create("a1", "me@example.com", "p")
        .await
        .unwrap();
    store
        .suspensions("a1")
        .suspend("properties", None)
        .await
        .unwrap();
    assert!(store.actors().delete("a1").await.unwrap());
    assert_eq!(rows(&db).await, 1);
    assert_eq!(store.suspensions("a1").delete_all().await.unwrap(), 1);
    assert_eq!(rows(&db).await, 0);
}

#[tokio::test]
async fn every_method_refuses_a_bad_actor_id_and_writes_nothing() {
    let (db, store) = store().await;
    let long = "a".repeat(256);
    for (actor_id, needle) in [
        ("", "invalid actor id: must not be empty"),
        ("a\0", "invalid actor id: contains a NUL byte"),
        (
            long.as_str(),
            "invalid actor id: is 256 characters long; the column holds at most 255",
        ),
    ] {
        let s = store.suspensions(actor_id);
        let kind = ErrorKind::InvalidInput;
        assert_err(s.is_suspended("t", None).await, kind, needle);
        assert_err(s.suspend("t", None).await, kind, needle);
        assert_err(s.resume("t", None).await, kind, needle);
        assert_err(s.list().await, kind, needle);
        assert_err(s.delete_all().await, kind, needle);
    }
    assert_eq!(rows(&db).await, 0);
    let ok = "a".repeat(255);
    assert!(store.suspensions(&ok).suspend("t", None).await.unwrap());
    assert!(
        store
            .suspensions(&ok)
            .is_suspended("t", None)
            .await
            .unwrap()
    );
}

#[tokio::test]
async fn bad_targets_and_subtargets_are_refused_and_write_nothing() {
    let (db, store) = store().await;
    let s = store.suspensions("a1");
    let long = "t".repeat(256);
    let cases = [
        ("", None, "invalid target: must not be empty"),
        ("t\0", None, "invalid target: contains a NUL byte"),
        (
            long.as_str(),
            None,
            "invalid target: is 256 characters long",
        ),
        ("t", Some("s\0"), "invalid subtarget: contains a NUL byte"),
        (
            "t",
            Some(long.as_str()),
            "invalid subtarget: is 256 characters long",
        ),
    ];
    for (target, sub, needle) in cases {
        let kind = ErrorKind::InvalidInput;
        assert_err(s.suspend(target, sub).await, kind, needle);
        assert_err(s.is_suspended(target, sub).await, kind, needle);
        assert_err(s.resume(target, sub).await, kind, needle);
    }
    assert_eq!(rows(&db).await, 0);
    let (target, sub) = ("t".repeat(255), "s".repeat(255));
    assert!(s.suspend(&target, Some(&sub)).await.unwrap());
    assert!(s.is_suspended(&target, Some(&sub)).await.unwrap());
}

#[tokio::test]
async fn concurrent_suspends_of_one_key_succeed_exactly_once_without_errors() {
    let (db, store) = store().await;
    let attempts = (0..8).map(|_| {
        let store = store.clone();
        async move {
            store
                .suspensions("a1")
                .suspend("properties", Some("email"))
                .await
        }
    });
    let results = futures::future::join_all(attempts).await;
    let outcomes: Vec<bool> = results.into_iter().map(|r| r.unwrap()).collect();
    assert_eq!(outcomes.iter().filter(|&&b| b).count(), 1, "{outcomes:?}");
    assert_eq!(rows(&db).await, 1);
}

#[tokio::test]
async fn an_error_returned_inside_a_transaction_rolls_the_suspensions_back() {
    let (db, store) = store().await;
    store
        .suspensions("a1")
        .suspend("trust", None)
        .await
        .unwrap();
    let result: actingweb_pg::Result<()> = store
        .transaction(|tx| {
            Box::pin(async move {
                let s = tx.suspensions("a1");
                assert!(s.suspend("properties", None).await?);
                assert!(s.resume("trust", None).await?);
                assert!(s.is_suspended("properties", Some("email")).await?);
                Err(Error::new(ErrorKind::Backend, "give up"))
            })
        })
        .await;
    assert_err(result, ErrorKind::Backend, "give up");
    assert_eq!(stored(&db).await, [row("a1", "trust", "")]);
}

#[tokio::test]
async fn suspensions_made_in_a_transaction_are_committed() {
    let (db, store) = store().await;
    store
        .transaction(|tx| {
            Box::pin(async move {
                let s = tx.suspensions("a1");
                s.suspend("properties", None).await?;
                s.suspend("properties", Some("email")).await?;
                assert_eq!(s.list().await?.len(), 2);
                Ok(())
            })
        })
        .await
        .unwrap();
    assert_eq!(
        stored(&db).await,
        [
            row("a1", "properties", ""),
            row("a1", "properties", "email")
        ]
    );
}
