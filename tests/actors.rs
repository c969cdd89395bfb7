//! Actors against a real PostgreSQL.

mod common;

use actingweb_pg::{ActorSummary, ErrorKind};
use common::{assert_err, store};

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
