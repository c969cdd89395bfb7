//! The hand-written baselines against a throwaway cluster holding the library's schema.

use actingweb_pg_testkit::baseline::{Baseline, HandActor, HandTrust, PointOps, PooledBaseline};
use actingweb_pg_testkit::throwaway::Cluster;

async fn database() -> (Cluster, Baseline) {
    let cluster = Cluster::start().unwrap();
    let config: tokio_postgres::Config = cluster.url("postgres").parse().unwrap();
    let (client, connection) = config.connect(tokio_postgres::NoTls).await.unwrap();
    tokio::spawn(connection);
    client
        .batch_execute(include_str!("../../schema.sql"))
        .await
        .unwrap();
    let baseline = Baseline::connect(&config, Some("public")).await.unwrap();
    (cluster, baseline)
}

#[tokio::test]
async fn the_baseline_reads_and_writes_what_the_library_stores() {
    let (_cluster, hand) = database().await;
    assert_eq!(hand.actor_get("a1").await.unwrap(), None);
    hand.client()
        .batch_execute(
            "INSERT INTO actors VALUES ('a1', 'me@example.com', 'pw', '2024-01-02 03:04:05')",
        )
        .await
        .unwrap();
    assert_eq!(
        hand.actor_get("a1").await.unwrap(),
        Some(HandActor {
            id: "a1".into(),
            creator: "me@example.com".into(),
            passphrase: "pw".into(),
            created_at: Some("2024-01-02T03:04:05Z".parse().unwrap()),
        })
    );
    assert_eq!(
        format!("{:?}", hand.actor_get("a1").await.unwrap().unwrap()),
        "HandActor { id: \"a1\", creator: \"me@example.com\", passphrase: \"<redacted>\", \
         created_at: Some(2024-01-02T03:04:05Z) }"
    );

    assert_eq!(hand.property_get("a1", "displayName").await.unwrap(), None);
    hand.property_set("a1", "displayName", "one").await.unwrap();
    hand.property_set("a1", "displayName", "two").await.unwrap();
    assert_eq!(
        hand.property_get("a1", "displayName")
            .await
            .unwrap()
            .as_deref(),
        Some("two")
    );

    hand.indexed_property_set("a1", "email", "old@example.com")
        .await
        .unwrap();
    hand.indexed_property_set("a1", "email", "new@example.com")
        .await
        .unwrap();
    let lookups: Vec<(String, String)> = hand
        .client()
        .query(
            "SELECT value, actor_id FROM property_lookup WHERE property_name = 'email'",
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    assert_eq!(lookups, [("new@example.com".into(), "a1".into())]);

    assert!(hand.trust_get("a1", "p1").await.unwrap().is_none());
    hand.client()
        .batch_execute(
            "INSERT INTO trusts (id, peerid, baseuri, type, relationship, secret, approved, \
             peer_approved, verified, created_at, capabilities_fetched_at, aw_version) \
             VALUES ('a1', 'p1', 'https://peer.example.com/p1', 'urn:t', 'friend', 's3cret', \
             true, false, true, '2024-01-02 03:04:05', '2024-02-03 04:05:06+00', '1.0')",
        )
        .await
        .unwrap();
    let trust = hand.trust_get("a1", "p1").await.unwrap().unwrap();
    assert_eq!(
        trust,
        HandTrust {
            id: "a1".into(),
            peerid: "p1".into(),
            baseuri: "https://peer.example.com/p1".into(),
            peer_type: "urn:t".into(),
            relationship: "friend".into(),
            secret: "s3cret".into(),
            desc: None,
            approved: true,
            peer_approved: false,
            verified: true,
            verification_token: None,
            peer_identifier: None,
            established_via: None,
            created_at: Some("2024-01-02T03:04:05Z".parse().unwrap()),
            last_accessed: None,
            last_connected_via: None,
            client_name: None,
            client_version: None,
            client_platform: None,
            oauth_client_id: None,
            aw_supported: None,
            aw_version: Some("1.0".into()),
            capabilities_fetched_at: Some("2024-02-03T04:05:06Z".parse().unwrap()),
        }
    );
    assert!(!format!("{trust:?}").contains("s3cret"));
}

#[tokio::test]
async fn a_failed_indexed_set_rolls_back_and_leaves_the_connection_usable() {
    let (_cluster, hand) = database().await;
    // No actor a2: the lookup row's foreign key fails, and the property upsert is undone.
    let err = hand
        .indexed_property_set("a2", "email", "x@example.com")
        .await;
    assert!(err.is_err());
    assert_eq!(hand.property_get("a2", "email").await.unwrap(), None);
}

#[tokio::test]
async fn the_pooled_baseline_reads_and_writes_what_the_connection_baseline_does() {
    let (cluster, hand) = database().await;
    let config: tokio_postgres::Config = cluster.url("postgres").parse().unwrap();
    let pooled = PooledBaseline::connect(&config, Some("public"), 2)
        .await
        .unwrap();
    assert_eq!(pooled.actor_get("a1").await.unwrap(), None);
    hand.client()
        .batch_execute(
            "INSERT INTO actors VALUES ('a1', 'me@example.com', 'pw', '2024-01-02 03:04:05'); \
             INSERT INTO trusts (id, peerid, baseuri, type, relationship, secret, approved, \
             peer_approved, verified, aw_version) VALUES ('a1', 'p1', 'https://peer/p1', \
             'urn:t', 'friend', 's3cret', true, false, true, '1.0')",
        )
        .await
        .unwrap();
    assert_eq!(
        pooled.actor_get("a1").await.unwrap(),
        hand.actor_get("a1").await.unwrap()
    );
    assert_eq!(
        pooled.actor_get("a1").await.unwrap().unwrap().creator,
        "me@example.com"
    );
    for value in ["one", "two"] {
        pooled
            .property_set("a1", "displayName", value)
            .await
            .unwrap();
    }
    let read = [
        hand.property_get("a1", "displayName").await.unwrap(),
        pooled.property_get("a1", "displayName").await.unwrap(),
    ];
    assert_eq!(read, [Some("two".to_string()), Some("two".to_string())]);
    let trust = pooled.trust_get("a1", "p1").await.unwrap().unwrap();
    assert_eq!(
        Some(&trust),
        hand.trust_get("a1", "p1").await.unwrap().as_ref()
    );
    assert_eq!(
        (trust.secret.as_str(), trust.aw_version.as_deref()),
        ("s3cret", Some("1.0"))
    );
    assert!(pooled.trust_get("a1", "p2").await.unwrap().is_none());
    // Every connection's search_path is the schema given: there, the statements find no table.
    let elsewhere = PooledBaseline::connect(&config, Some("elsewhere"), 1).await;
    let error = elsewhere.err().expect("no tables in schema elsewhere");
    let error = error.downcast_ref::<tokio_postgres::Error>().unwrap();
    assert_eq!(
        error.code(),
        Some(&tokio_postgres::error::SqlState::UNDEFINED_TABLE),
        "{error:?}"
    );
}
