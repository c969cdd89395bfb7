//! Peer trustees against a real PostgreSQL.

mod common;

use actingweb_pg::peer_trustees::PeerTrustee;
use actingweb_pg::{Error, ErrorKind};
use common::{TestDb, assert_err, store};

const INVALID: ErrorKind = ErrorKind::InvalidInput;

fn peer(id: &str, peerid: &str, peer_type: &str, baseuri: &str, passphrase: &str) -> PeerTrustee {
    PeerTrustee {
        id: id.into(),
        peerid: peerid.into(),
        baseuri: baseuri.into(),
        peer_type: peer_type.into(),
        passphrase: passphrase.into(),
    }
}

async fn peer_rows(db: &TestDb) -> i64 {
    db.client()
        .await
        .query_one("SELECT count(*) FROM peertrustees", &[])
        .await
        .unwrap()
        .get(0)
}

#[tokio::test]
async fn create_then_get_returns_the_peer_trustee() {
    let (_db, store) = store().await;
    let created = store
        .peer_trustees()
        .create("a1", "p1", "urn:type", "https://peer/p1", "pass")
        .await
        .unwrap();
    let expected = peer("a1", "p1", "urn:type", "https://peer/p1", "pass");
    assert_eq!(created, expected);
    assert_eq!(
        store.peer_trustees().get("a1", "p1").await.unwrap(),
        Some(expected)
    );
}

#[tokio::test]
async fn create_stores_empty_baseuri_and_passphrase() {
    let (_db, store) = store().await;
    let created = store
        .peer_trustees()
        .create("a1", "p1", "urn:type", "", "")
        .await
        .unwrap();
    assert_eq!(created, peer("a1", "p1", "urn:type", "", ""));
    assert_eq!(
        store.peer_trustees().get("a1", "p1").await.unwrap(),
        Some(created)
    );
}

#[tokio::test]
async fn create_of_an_existing_key_is_conflict_and_keeps_the_row() {
    let (db, store) = store().await;
    let peers = store.peer_trustees();
    peers.create("a1", "p1", "t1", "u1", "s1").await.unwrap();
    assert_err(
        peers.create("a1", "p1", "t2", "u2", "s2").await,
        ErrorKind::Conflict,
        r#"peer trustee "a1"/"p1" already exists"#,
    );
    assert_eq!(
        peers.get("a1", "p1").await.unwrap(),
        Some(peer("a1", "p1", "t1", "u1", "s1"))
    );
    assert_eq!(peer_rows(&db).await, 1);
    // The same peer id under another actor is a different key.
    peers.create("a2", "p1", "t2", "u2", "s2").await.unwrap();
}

#[tokio::test]
async fn get_of_a_missing_peer_trustee_is_none() {
    let (_db, store) = store().await;
    store
        .peer_trustees()
        .create("a1", "p1", "t", "", "")
        .await
        .unwrap();
    assert_eq!(store.peer_trustees().get("a1", "p2").await.unwrap(), None);
    assert_eq!(store.peer_trustees().get("a2", "p1").await.unwrap(), None);
}

#[tokio::test]
async fn get_by_type_returns_the_single_match() {
    let (_db, store) = store().await;
    let peers = store.peer_trustees();
    peers.create("a1", "p1", "urn:a", "u1", "s1").await.unwrap();
    peers.create("a1", "p2", "urn:b", "u2", "s2").await.unwrap();
    assert_eq!(
        peers.get_by_type("a1", "urn:b").await.unwrap(),
        Some(peer("a1", "p2", "urn:b", "u2", "s2"))
    );
}

#[tokio::test]
async fn get_by_type_without_a_match_is_none() {
    let (_db, store) = store().await;
    let peers = store.peer_trustees();
    peers.create("a1", "p1", "urn:a", "", "").await.unwrap();
    assert_eq!(peers.get_by_type("a1", "urn:b").await.unwrap(), None);
    assert_eq!(peers.get_by_type("a1", "URN:A").await.unwrap(), None);
}

#[tokio::test]
async fn get_by_type_with_several_matches_is_conflict_saying_how_many() {
    // The reference returns False for this ambiguity (acceptance case 79).
    let (_db, store) = store().await;
    let peers = store.peer_trustees();
    for peerid in ["p1", "p2", "p3"] {
        peers.create("a1", peerid, "urn:a", "", "").await.unwrap();
    }
    assert_err(
        peers.get_by_type("a1", "urn:a").await,
        ErrorKind::Conflict,
        r#"3 peer trustees of actor "a1" have type "urn:a"; look one up by peer id"#,
    );
}

#[tokio::test]
async fn get_by_type_counts_only_the_actors_own_peer_trustees() {
    // Acceptance case 79: the type filter stays within the actor.
    let (_db, store) = store().await;
    let peers = store.peer_trustees();
    peers.create("a1", "p1", "urn:a", "u", "s").await.unwrap();
    peers.create("a2", "p2", "urn:a", "", "").await.unwrap();
    assert_eq!(
        peers.get_by_type("a1", "urn:a").await.unwrap(),
        Some(peer("a1", "p1", "urn:a", "u", "s"))
    );
}

#[tokio::test]
async fn modify_changes_the_given_fields() {
    let (_db, store) = store().await;
    let peers = store.peer_trustees();
    peers.create("a1", "p1", "t1", "u1", "s1").await.unwrap();
    assert!(
        peers
            .modify("a1", "p1", Some("t2"), Some("u2"), Some("s2"))
            .await
            .unwrap()
    );
    assert_eq!(
        peers.get("a1", "p1").await.unwrap(),
        Some(peer("a1", "p1", "t2", "u2", "s2"))
    );
    assert!(
        peers
            .modify("a1", "p1", None, Some("u3"), None)
            .await
            .unwrap()
    );
    assert_eq!(
        peers.get("a1", "p1").await.unwrap(),
        Some(peer("a1", "p1", "t2", "u3", "s2"))
    );
}

#[tokio::test]
async fn modify_leaves_fields_given_as_none_or_empty() {
    let (_db, store) = store().await;
    let peers = store.peer_trustees();
    peers.create("a1", "p1", "t1", "u1", "s1").await.unwrap();
    assert!(peers.modify("a1", "p1", None, None, None).await.unwrap());
    assert!(
        peers
            .modify("a1", "p1", Some(""), Some(""), Some(""))
            .await
            .unwrap()
    );
    assert_eq!(
        peers.get("a1", "p1").await.unwrap(),
        Some(peer("a1", "p1", "t1", "u1", "s1"))
    );
}

#[tokio::test]
async fn modify_of_a_missing_peer_trustee_is_false_and_creates_nothing() {
    let (db, store) = store().await;
    let peers = store.peer_trustees();
    peers.create("a1", "p1", "t1", "u1", "s1").await.unwrap();
    assert!(
        !peers
            .modify("a1", "p2", Some("t"), None, None)
            .await
            .unwrap()
    );
    assert!(
        !peers
            .modify("a2", "p1", Some("t"), None, None)
            .await
            .unwrap()
    );
    assert_eq!(peer_rows(&db).await, 1);
    assert_eq!(
        peers.get("a1", "p1").await.unwrap().unwrap().peer_type,
        "t1"
    );
}

#[tokio::test]
async fn modify_refuses_bad_input_and_changes_nothing() {
    let (_db, store) = store().await;
    let peers = store.peer_trustees();
    peers.create("a1", "p1", "t1", "u1", "s1").await.unwrap();
    let long = "t".repeat(256);
    assert_err(
        peers
            .modify("a1", "p1", Some(&long), Some("u2"), None)
            .await,
        INVALID,
        "invalid peer type: is 256 characters long; the column holds at most 255",
    );
    assert_err(
        peers.modify("a1", "p1", Some("t\0"), None, None).await,
        INVALID,
        "invalid peer type: contains a NUL byte",
    );
    assert_err(
        peers
            .modify("a1", "p1", Some("t2"), Some("u\0"), None)
            .await,
        INVALID,
        "invalid baseuri: contains a NUL byte",
    );
    assert_err(
        peers.modify("a1", "p1", None, None, Some("s\0")).await,
        INVALID,
        "invalid passphrase: contains a NUL byte",
    );
    assert_err(
        peers.modify("", "p1", Some("t2"), None, None).await,
        INVALID,
        "invalid actor id: must not be empty",
    );
    assert_eq!(
        peers.get("a1", "p1").await.unwrap(),
        Some(peer("a1", "p1", "t1", "u1", "s1"))
    );
}

#[tokio::test]
async fn delete_removes_the_peer_trustee_and_reports_whether_it_existed() {
    let (db, store) = store().await;
    let peers = store.peer_trustees();
    peers.create("a1", "p1", "t", "", "").await.unwrap();
    peers.create("a1", "p2", "t", "", "").await.unwrap();
    assert!(peers.delete("a1", "p1").await.unwrap());
    assert_eq!(peers.get("a1", "p1").await.unwrap(), None);
    assert!(!peers.delete("a1", "p1").await.unwrap());
    assert!(!peers.delete("a2", "p2").await.unwrap());
    assert_eq!(peer_rows(&db).await, 1);
}

#[tokio::test]
async fn list_returns_the_actors_peer_trustees_by_peer_id() {
    let (_db, store) = store().await;
    let peers = store.peer_trustees();
    for peerid in ["p2", "p10", "p1"] {
        peers.create("a1", peerid, "t", "u", "s").await.unwrap();
    }
    peers.create("a2", "p0", "t", "u", "s").await.unwrap();
    assert_eq!(
        peers.list("a1").await.unwrap(),
        vec![
            peer("a1", "p1", "t", "u", "s"),
            peer("a1", "p10", "t", "u", "s"),
            peer("a1", "p2", "t", "u", "s"),
        ]
    );
    assert_eq!(peers.list("nobody").await.unwrap(), vec![]);
}

#[tokio::test]
async fn delete_all_removes_only_that_actors_peer_trustees_and_counts_them() {
    // Acceptance case 79: bulk deletes touch only the given actor.
    let (db, store) = store().await;
    let peers = store.peer_trustees();
    for peerid in ["p1", "p2"] {
        peers.create("a1", peerid, "t", "", "").await.unwrap();
    }
    peers.create("a2", "p1", "t", "", "").await.unwrap();
    assert_eq!(peers.delete_all("a1").await.unwrap(), 2);
    assert_eq!(peers.list("a1").await.unwrap(), vec![]);
    assert_eq!(peers.delete_all("a1").await.unwrap(), 0);
    assert_eq!(peer_rows(&db).await, 1);
    assert!(peers.get("a2", "p1").await.unwrap().is_some());
}

#[tokio::test]
async fn keys_and_type_must_be_non_empty_and_at_most_255_characters() {
    let (db, store) = store().await;
    let peers = store.peer_trustees();
    let long = "x".repeat(256);
    assert_err(
        peers.create("", "p1", "t", "", "").await,
        INVALID,
        "invalid actor id: must not be empty",
    );
    assert_err(
        peers.create("a1", "", "t", "", "").await,
        INVALID,
        "invalid peer id: must not be empty",
    );
    assert_err(
        peers.create("a1", "p1", "", "", "").await,
        INVALID,
        "invalid peer type: must not be empty",
    );
    assert_err(
        peers.create("a1", &long, "t", "", "").await,
        INVALID,
        "invalid peer id: is 256 characters long; the column holds at most 255",
    );
    assert_err(
        peers.create(&long, "p1", "t", "", "").await,
        INVALID,
        "invalid actor id: is 256",
    );
    assert_err(
        peers.create("a1", "p1", &long, "", "").await,
        INVALID,
        "invalid peer type: is 256",
    );
    assert_err(peers.get("a1", "").await, INVALID, "invalid peer id");
    assert_err(
        peers.get_by_type("a1", "").await,
        INVALID,
        "invalid peer type: must not be empty",
    );
    assert_err(
        peers.get_by_type("", "t").await,
        INVALID,
        "invalid actor id",
    );
    assert_err(peers.delete("a1", &long).await, INVALID, "invalid peer id");
    assert_err(peers.list("").await, INVALID, "invalid actor id");
    assert_err(peers.delete_all("").await, INVALID, "invalid actor id");
    assert_eq!(peer_rows(&db).await, 0);
    let max = "é".repeat(255);
    let created = peers.create(&max, &max, &max, "", "").await.unwrap();
    assert_eq!(peers.get(&max, &max).await.unwrap(), Some(created.clone()));
    assert_eq!(peers.get_by_type(&max, &max).await.unwrap(), Some(created));
}

#[tokio::test]
async fn create_refuses_a_nul_byte_in_any_text_and_writes_nothing() {
    let (db, store) = store().await;
    let peers = store.peer_trustees();
    let cases = [
        (["a\0", "p1", "t", "u", "s"], "actor id"),
        (["a1", "p\0", "t", "u", "s"], "peer id"),
        (["a1", "p1", "t\0", "u", "s"], "peer type"),
        (["a1", "p1", "t", "u\0", "s"], "baseuri"),
        (["a1", "p1", "t", "u", "s\0"], "passphrase"),
    ];
    for ([actor, peerid, peer_type, baseuri, passphrase], field) in cases {
        assert_err(
            peers
                .create(actor, peerid, peer_type, baseuri, passphrase)
                .await,
            INVALID,
            &format!("invalid {field}: contains a NUL byte"),
        );
    }
    assert_err(
        peers.get_by_type("a1", "t\0").await,
        INVALID,
        "invalid peer type: contains a NUL byte",
    );
    assert_eq!(peer_rows(&db).await, 0);
}

#[tokio::test]
async fn debug_output_redacts_the_passphrase() {
    let (_db, store) = store().await;
    let created = store
        .peer_trustees()
        .create("a1", "p1", "t", "https://peer", "hunter2")
        .await
        .unwrap();
    let shown = format!("{created:?}");
    assert_eq!(
        shown,
        r#"PeerTrustee { id: "a1", peerid: "p1", baseuri: "https://peer", peer_type: "t", passphrase: "<redacted>" }"#
    );
}

#[tokio::test]
async fn peer_trustee_writes_in_a_transaction_commit_together() {
    let (_db, store) = store().await;
    let found = store
        .transaction(|tx| {
            Box::pin(async move {
                tx.peer_trustees().create("a1", "p1", "t", "u", "s").await?;
                tx.peer_trustees()
                    .modify("a1", "p1", None, None, Some("s2"))
                    .await?;
                tx.peer_trustees().get_by_type("a1", "t").await
            })
        })
        .await
        .unwrap();
    let expected = peer("a1", "p1", "t", "u", "s2");
    assert_eq!(found, Some(expected.clone()));
    assert_eq!(
        store.peer_trustees().get("a1", "p1").await.unwrap(),
        Some(expected)
    );
}

#[tokio::test]
async fn an_error_in_a_transaction_rolls_the_peer_trustee_writes_back() {
    let (db, store) = store().await;
    store
        .peer_trustees()
        .create("a1", "p0", "t", "", "")
        .await
        .unwrap();
    let err = store
        .transaction(|tx| {
            Box::pin(async move {
                tx.peer_trustees().create("a1", "p1", "t", "", "").await?;
                tx.peer_trustees().delete("a1", "p0").await?;
                // An existing key fails inside the transaction.
                tx.peer_trustees().create("a1", "p1", "t", "", "").await?;
                Ok::<(), Error>(())
            })
        })
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
    assert_eq!(peer_rows(&db).await, 1);
    assert!(
        store
            .peer_trustees()
            .get("a1", "p0")
            .await
            .unwrap()
            .is_some()
    );
}
