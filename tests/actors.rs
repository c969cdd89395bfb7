//! Actors against a real PostgreSQL.

mod common;

use actingweb_pg::{ActorSummary, ErrorKind};
use common::{TestDb, assert_err, store};

async fn actor_rows(db: &TestDb) -> i64 {
    let client = db.client().await;
    client
        .query_one("SELECT count(*) FROM actors", &[])
        .await
        .unwrap()
        .get(0)
}

#[tokio::test]
async fn create_then_get_returns_the_actor_with_lowercased_email_creator() {
    let (_db, store) = store().await;
    let created = store
        .actors()
        .create("a1", "Me@Example.COM", "s3cret")
        .await
        .unwrap();
    assert_eq!(created.id, "a1");
    assert_eq!(created.creator, "me@example.com");
    assert_eq!(created.passphrase, "s3cret");
    let got = store.actors().get("a1").await.unwrap().unwrap();
    assert_eq!(got, created);
    let age = chrono::Utc::now() - got.created_at.unwrap();
    assert!(
        age.num_seconds().abs() < 60,
        "created_at is naive UTC now, was {age}"
    );
}

#[tokio::test]
async fn creator_without_at_sign_keeps_its_case() {
    let (_db, store) = store().await;
    let a = store
        .actors()
        .create("a1", "SomeService", "")
        .await
        .unwrap();
    assert_eq!(a.creator, "SomeService");
    assert_eq!(a.passphrase, "");
}

#[tokio::test]
async fn get_of_missing_actor_is_none() {
    let (_db, store) = store().await;
    assert_eq!(store.actors().get("nobody").await.unwrap(), None);
}

#[tokio::test]
async fn created_at_written_as_null_by_another_writer_reads_as_none() {
    let (db, store) = store().await;
    db.client()
        .await
        .execute(
            "INSERT INTO actors (id, creator, passphrase) VALUES ('old', 'c', 'p')",
            &[],
        )
        .await
        .unwrap();
    let a = store.actors().get("old").await.unwrap().unwrap();
    assert_eq!(a.created_at, None);
    assert_eq!(a.creator, "c");
}

#[tokio::test]
async fn create_of_existing_id_is_conflict_and_keeps_the_first_actor() {
    let (db, store) = store().await;
    store.actors().create("a1", "first", "p1").await.unwrap();
    assert_err(
        store.actors().create("a1", "second", "p2").await,
        ErrorKind::Conflict,
        "actor \"a1\" already exists",
    );
    let a = store.actors().get("a1").await.unwrap().unwrap();
    assert_eq!((a.creator.as_str(), a.passphrase.as_str()), ("first", "p1"));
    assert_eq!(actor_rows(&db).await, 1);
}

#[tokio::test]
async fn get_by_creator_lowercases_email_and_lists_every_match_by_id() {
    let (_db, store) = store().await;
    store.actors().create("b", "X@Y.org", "p").await.unwrap();
    store.actors().create("a", "x@y.org", "p").await.unwrap();
    store
        .actors()
        .create("c", "other@y.org", "p")
        .await
        .unwrap();
    let found = store.actors().get_by_creator("X@y.ORG").await.unwrap();
    let ids: Vec<&str> = found.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a", "b"]);
    assert!(
        store
            .actors()
            .get_by_creator("none@y.org")
            .await
            .unwrap()
            .is_empty()
    );
}

/// Creators holding characters whose lower case is newer than Unicode 14 (Python 3.11):
/// (creator, what Python 3.11's `str.lower()` makes of it, what Rust's `to_lowercase` does).
const NEWER_THAN_UNICODE_14: [(&str, &str, &str); 6] = [
    (
        "U\u{A7CB}@Example.COM",
        "u\u{A7CB}@example.com",
        "u\u{264}@example.com",
    ),
    (
        "\u{1C89}X@EXAMPLE.org",
        "\u{1C89}x@example.org",
        "\u{1C8A}x@example.org",
    ),
    (
        "G\u{10D50}\u{10D65}@x.COM",
        "g\u{10D50}\u{10D65}@x.com",
        "g\u{10D70}\u{10D85}@x.com",
    ),
    (
        "\u{16EA0}\u{16EB8}@X.io",
        "\u{16EA0}\u{16EB8}@x.io",
        "\u{16EBB}\u{16ED3}@x.io",
    ),
    (
        "\u{A7DC}\u{A7CC}@x",
        "\u{A7DC}\u{A7CC}@x",
        "\u{19B}\u{A7CD}@x",
    ),
    // U+0295 is cased in Unicode 14, not in 17: the sigma after it is final for Python.
    ("\u{295}\u{3A3}@X", "\u{295}\u{3C2}@x", "\u{295}\u{3C3}@x"),
];

#[tokio::test]
async fn creators_are_lower_cased_as_python_3_11_does_not_with_newer_unicode() {
    let (_db, store) = store().await;
    let actors = store.actors();
    for (i, (creator, python, rust)) in NEWER_THAN_UNICODE_14.into_iter().enumerate() {
        assert_eq!(creator.to_lowercase(), rust, "the case this test is about");
        assert_ne!(python, rust);
        let id = format!("a{i}");
        assert_eq!(
            actors.create(&id, creator, "p").await.unwrap().creator,
            python
        );
        assert_eq!(actors.get(&id).await.unwrap().unwrap().creator, python);
        for lookup in [creator, python] {
            let found = actors.get_by_creator(lookup).await.unwrap();
            let ids: Vec<&str> = found.iter().map(|a| a.id.as_str()).collect();
            assert_eq!(ids, [id.as_str()], "{lookup:?}");
        }
        assert!(
            actors.get_by_creator(rust).await.unwrap().is_empty(),
            "{rust:?}"
        );
        assert!(actors.modify(&id, Some(creator), None).await.unwrap());
        assert_eq!(actors.get(&id).await.unwrap().unwrap().creator, python);
    }
    // Without an `@` nothing is lower-cased.
    let plain = "U\u{A7CB}-Team";
    assert_eq!(
        actors.create("plain", plain, "p").await.unwrap().creator,
        plain
    );
}

#[tokio::test]
async fn modify_changes_only_the_given_fields() {
    let (_db, store) = store().await;
    store.actors().create("a1", "c@x.org", "old").await.unwrap();
    assert!(
        store
            .actors()
            .modify("a1", None, Some("new"))
            .await
            .unwrap()
    );
    let a = store.actors().get("a1").await.unwrap().unwrap();
    assert_eq!(
        (a.creator.as_str(), a.passphrase.as_str()),
        ("c@x.org", "new")
    );
    assert!(
        store
            .actors()
            .modify("a1", Some("D@X.org"), None)
            .await
            .unwrap()
    );
    let a = store.actors().get("a1").await.unwrap().unwrap();
    assert_eq!(
        (a.creator.as_str(), a.passphrase.as_str()),
        ("d@x.org", "new")
    );
}

#[tokio::test]
async fn modify_of_missing_actor_is_false() {
    let (db, store) = store().await;
    assert!(
        !store
            .actors()
            .modify("ghost", Some("c"), Some("p"))
            .await
            .unwrap()
    );
    assert_eq!(actor_rows(&db).await, 0);
}

#[tokio::test]
async fn delete_removes_the_actor_and_cascades_its_lookup_rows() {
    let (db, store) = store().await;
    store.actors().create("a1", "c", "p").await.unwrap();
    store
        .properties()
        .set("a1", "email", "a@x.org")
        .await
        .unwrap();
    assert!(store.actors().delete("a1").await.unwrap());
    assert_eq!(store.actors().get("a1").await.unwrap(), None);
    let lookups: i64 = db
        .client()
        .await
        .query_one("SELECT count(*) FROM property_lookup", &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(lookups, 0);
    assert!(!store.actors().delete("a1").await.unwrap());
}

#[tokio::test]
async fn list_returns_every_actor_by_id_without_passphrases() {
    let (_db, store) = store().await;
    assert!(store.actors().list().await.unwrap().is_empty());
    store.actors().create("b", "cb", "p").await.unwrap();
    store.actors().create("a", "ca", "p").await.unwrap();
    assert_eq!(
        store.actors().list().await.unwrap(),
        [
            ActorSummary {
                id: "a".into(),
                creator: "ca".into()
            },
            ActorSummary {
                id: "b".into(),
                creator: "cb".into()
            },
        ]
    );
}

#[tokio::test]
async fn debug_output_never_shows_the_passphrase() {
    let (_db, store) = store().await;
    let a = store
        .actors()
        .create("a1", "c", "hunter2-secret")
        .await
        .unwrap();
    let shown = format!("{a:?}");
    assert!(!shown.contains("hunter2-secret"), "{shown}");
    assert!(shown.contains("<redacted>"), "{shown}");
}

#[tokio::test]
async fn bad_input_is_refused_and_writes_nothing() {
    let (db, store) = store().await;
    let long_id = "x".repeat(256);
    let max_id = "y".repeat(255);
    let actors = store.actors();
    assert_err(
        actors.create("", "c", "p").await,
        ErrorKind::InvalidInput,
        "invalid actor id: must not be empty",
    );
    assert_err(
        actors.create("a\0b", "c", "p").await,
        ErrorKind::InvalidInput,
        "invalid actor id: contains a NUL byte",
    );
    assert_err(
        actors.create(&long_id, "c", "p").await,
        ErrorKind::InvalidInput,
        "is 256 characters long; the column holds at most 255",
    );
    assert_err(
        actors.create("a", &long_id, "p").await,
        ErrorKind::InvalidInput,
        "invalid creator",
    );
    assert_err(
        actors.create("a", "c", "p\0").await,
        ErrorKind::InvalidInput,
        "invalid passphrase: contains a NUL byte",
    );
    assert_err(
        actors.get("").await,
        ErrorKind::InvalidInput,
        "invalid actor id",
    );
    assert_err(
        actors.get_by_creator("c\0").await,
        ErrorKind::InvalidInput,
        "invalid creator",
    );
    assert_err(
        actors.modify("a", Some("c\0"), None).await,
        ErrorKind::InvalidInput,
        "invalid creator",
    );
    assert_err(
        actors.modify("a", None, Some("\0")).await,
        ErrorKind::InvalidInput,
        "invalid passphrase",
    );
    assert_err(
        actors.delete(&long_id).await,
        ErrorKind::InvalidInput,
        "invalid actor id",
    );
    assert_eq!(actor_rows(&db).await, 0);
    // 255 characters (multi-byte ones count as one) fit the VARCHAR(255) column.
    let wide = "ø".repeat(255);
    actors.create(&max_id, &wide, "p").await.unwrap();
    assert_eq!(actors.get(&max_id).await.unwrap().unwrap().creator, wide);
}
