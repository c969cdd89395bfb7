//! Trusts against a real PostgreSQL, plus the reference's connection-method and timestamp
//! renderings.

mod common;

use actingweb_pg::trusts::{
    NewTrust, Trust, TrustUpdate, canonical_connection_method, python_isoformat,
};
use actingweb_pg::{Error, ErrorKind};
use chrono::{DateTime, TimeZone, Utc};
use common::{TestDb, assert_err, store};

const INVALID: ErrorKind = ErrorKind::InvalidInput;

fn ts(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339)
        .unwrap()
        .with_timezone(&Utc)
}

fn new_trust(peerid: &str) -> NewTrust {
    NewTrust {
        peerid: peerid.into(),
        ..NewTrust::default()
    }
}

/// A trust with every field set.
fn full_trust(peerid: &str) -> NewTrust {
    NewTrust {
        peerid: peerid.into(),
        baseuri: "https://peer.example.com/p1".into(),
        peer_type: "urn:actingweb:example:peer".into(),
        relationship: "friend".into(),
        secret: "s3cret".into(),
        approved: true,
        peer_approved: true,
        verified: true,
        verification_token: Some("vtok".into()),
        desc: Some("a friend".into()),
        peer_identifier: Some("peer@example.com".into()),
        established_via: Some("trust".into()),
        created_at: Some(ts("2024-01-15T10:30:00Z")),
        last_accessed: Some(ts("2024-02-01T08:00:00.123456Z")),
        last_connected_via: Some("MCP".into()),
        client_name: Some("Claude".into()),
        client_version: Some("1.2".into()),
        client_platform: Some("desktop".into()),
        oauth_client_id: Some("client-1".into()),
        aw_supported: Some("www,oauth,trust".into()),
        aw_version: Some("1.4".into()),
        capabilities_fetched_at: Some(ts("2024-02-29T22:00:00Z")),
    }
}

async fn trust_rows(db: &TestDb) -> i64 {
    db.client()
        .await
        .query_one("SELECT count(*) FROM trusts", &[])
        .await
        .unwrap()
        .get(0)
}

/// A column of a trust rendered as text by PostgreSQL.
async fn raw_column(db: &TestDb, column: &str, actor_id: &str, peerid: &str) -> Option<String> {
    db.client()
        .await
        .query_one(
            &format!("SELECT {column}::text FROM trusts WHERE id = $1 AND peerid = $2"),
            &[&actor_id, &peerid],
        )
        .await
        .unwrap()
        .get(0)
}

// --- canonical_connection_method -------------------------------------------------------------

#[test]
fn canonical_connection_method_maps_every_oauth_variant_to_oauth() {
    for method in [
        "oauth",
        "OAUTH",
        "oauth2",
        "oauth2:interactive",
        "  OAuth2 ",
        "oauthish",
    ] {
        assert_eq!(
            canonical_connection_method(method).as_deref(),
            Some("oauth"),
            "{method:?}"
        );
    }
}

#[test]
fn canonical_connection_method_lowers_and_trims_the_known_methods() {
    for (method, canonical) in [
        ("trust", "trust"),
        ("Trust", "trust"),
        (" MCP ", "mcp"),
        ("SUBSCRIPTION\t", "subscription"),
        ("\u{3000}subscription\n", "subscription"),
    ] {
        assert_eq!(
            canonical_connection_method(method).as_deref(),
            Some(canonical),
            "{method:?}"
        );
    }
}

#[test]
fn canonical_connection_method_returns_unknown_methods_unchanged() {
    for method in [
        "unknown_method",
        " Unknown Method ",
        "trusted",
        "MCP2",
        "o-auth",
    ] {
        assert_eq!(
            canonical_connection_method(method).as_deref(),
            Some(method),
            "{method:?}"
        );
    }
}

#[test]
fn canonical_connection_method_of_empty_or_python_whitespace_is_none() {
    for method in ["", " ", "\t\r\n", "\u{a0}\u{2003}", "\x1c\x1d\x1e\x1f"] {
        assert_eq!(canonical_connection_method(method), None, "{method:?}");
    }
}

// --- python_isoformat ------------------------------------------------------------------------

#[test]
fn python_isoformat_omits_zero_microseconds() {
    assert_eq!(
        python_isoformat(&ts("2024-01-15T10:30:00Z")),
        "2024-01-15T10:30:00+00:00"
    );
}

#[test]
fn python_isoformat_renders_six_microsecond_digits_and_drops_nanoseconds() {
    assert_eq!(
        python_isoformat(&ts("2024-02-29T22:00:00.000005Z")),
        "2024-02-29T22:00:00.000005+00:00"
    );
    assert_eq!(
        python_isoformat(&ts("2024-02-29T22:00:00.123456789Z")),
        "2024-02-29T22:00:00.123456+00:00"
    );
    // Less than a microsecond is no fraction at all, as in Python.
    assert_eq!(
        python_isoformat(&ts("2024-02-29T22:00:00.000000900Z")),
        "2024-02-29T22:00:00+00:00"
    );
}

#[test]
fn python_isoformat_pads_the_year_to_four_digits() {
    let early = Utc.with_ymd_and_hms(5, 3, 4, 1, 2, 3).unwrap();
    assert_eq!(python_isoformat(&early), "0005-03-04T01:02:03+00:00");
}

// --- create and get --------------------------------------------------------------------------

#[tokio::test]
async fn create_without_approved_defaults_to_false_a_real_bool() {
    // Reference acceptance case 70.
    let (_db, store) = store().await;
    let trust = NewTrust {
        peerid: "p1".into(),
        baseuri: "https://peer.example.com".into(),
        relationship: "friend".into(),
        secret: "s3cr3t".into(),
        ..NewTrust::default()
    };
    store.trusts().create("a1", &trust).await.unwrap();
    let got = store.trusts().get("a1", "p1").await.unwrap().unwrap();
    assert!(!got.approved);
    assert!(!got.peer_approved);
    assert!(!got.verified);
}

#[tokio::test]
async fn create_with_defaults_writes_the_reference_defaults() {
    let (db, store) = store().await;
    let created = store.trusts().create("a1", &new_trust("p1")).await.unwrap();
    let created_at = created.created_at.expect("created_at defaults to now");
    let age = Utc::now() - created_at;
    assert!(
        age.num_seconds().abs() < 60,
        "created_at is naive UTC now, was {age}"
    );
    assert_eq!(
        created,
        Trust {
            id: "a1".into(),
            peerid: "p1".into(),
            baseuri: String::new(),
            peer_type: String::new(),
            relationship: String::new(),
            secret: String::new(),
            desc: Some(String::new()),
            approved: false,
            peer_approved: false,
            verified: false,
            verification_token: Some(String::new()),
            peer_identifier: None,
            established_via: None,
            created_at: Some(created_at),
            last_accessed: Some(created_at),
            last_connected_via: None,
            client_name: None,
            client_version: None,
            client_platform: None,
            oauth_client_id: None,
            aw_supported: None,
            aw_version: None,
            capabilities_fetched_at: None,
        }
    );
    assert_eq!(store.trusts().get("a1", "p1").await.unwrap(), Some(created));
    assert_eq!(
        raw_column(&db, "\"desc\"", "a1", "p1").await.as_deref(),
        Some("")
    );
}

#[tokio::test]
async fn create_returns_every_field_as_stored_and_get_reads_the_same() {
    let (_db, store) = store().await;
    let created = store
        .trusts()
        .create("a1", &full_trust("p1"))
        .await
        .unwrap();
    let expected = Trust {
        id: "a1".into(),
        peerid: "p1".into(),
        baseuri: "https://peer.example.com/p1".into(),
        peer_type: "urn:actingweb:example:peer".into(),
        relationship: "friend".into(),
        secret: "s3cret".into(),
        desc: Some("a friend".into()),
        approved: true,
        peer_approved: true,
        verified: true,
        verification_token: Some("vtok".into()),
        peer_identifier: Some("peer@example.com".into()),
        established_via: Some("trust".into()),
        created_at: Some(ts("2024-01-15T10:30:00Z")),
        last_accessed: Some(ts("2024-02-01T08:00:00.123456Z")),
        last_connected_via: Some("mcp".into()),
        client_name: Some("Claude".into()),
        client_version: Some("1.2".into()),
        client_platform: Some("desktop".into()),
        oauth_client_id: Some("client-1".into()),
        aw_supported: Some("www,oauth,trust".into()),
        aw_version: Some("1.4".into()),
        capabilities_fetched_at: Some(ts("2024-02-29T22:00:00Z")),
    };
    assert_eq!(created, expected);
    assert_eq!(
        store.trusts().get("a1", "p1").await.unwrap(),
        Some(expected)
    );
}

#[tokio::test]
async fn timestamps_are_stored_naive_utc_and_timestamptz_whatever_the_session_timezone() {
    let db = TestDb::new().await;
    db.client()
        .await
        .batch_execute(&format!(
            "ALTER DATABASE {} SET timezone = 'Europe/Oslo'",
            db.name
        ))
        .await
        .unwrap();
    let timezone: String = db
        .client()
        .await
        .query_one("SHOW TimeZone", &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(timezone, "Europe/Oslo");
    let store = db.store().await;
    store
        .trusts()
        .create("a1", &full_trust("p1"))
        .await
        .unwrap();
    store.trusts().create("a1", &new_trust("p2")).await.unwrap();
    assert_eq!(
        raw_column(&db, "created_at", "a1", "p1").await.as_deref(),
        Some("2024-01-15 10:30:00")
    );
    assert_eq!(
        raw_column(&db, "last_accessed", "a1", "p1")
            .await
            .as_deref(),
        Some("2024-02-01 08:00:00.123456")
    );
    assert_eq!(
        raw_column(
            &db,
            "(capabilities_fetched_at AT TIME ZONE 'UTC')",
            "a1",
            "p1"
        )
        .await
        .as_deref(),
        Some("2024-02-29 22:00:00")
    );
    // The default created_at is UTC now, not Oslo wall-clock time.
    let created = store.trusts().get("a1", "p2").await.unwrap().unwrap();
    let age = Utc::now() - created.created_at.unwrap();
    assert!(
        age.num_seconds().abs() < 60,
        "created_at is UTC now, was {age}"
    );
    let read = store.trusts().get("a1", "p1").await.unwrap().unwrap();
    assert_eq!(
        read.capabilities_fetched_at,
        Some(ts("2024-02-29T22:00:00Z"))
    );
}

#[tokio::test]
async fn stored_timestamps_render_as_the_reference_get_does() {
    let (_db, store) = store().await;
    let trust = store
        .trusts()
        .create("a1", &full_trust("p1"))
        .await
        .unwrap();
    let render = |t: Option<DateTime<Utc>>| python_isoformat(&t.unwrap());
    assert_eq!(render(trust.created_at), "2024-01-15T10:30:00+00:00");
    assert_eq!(
        render(trust.last_connected_at()),
        "2024-02-01T08:00:00.123456+00:00"
    );
    assert_eq!(
        render(trust.capabilities_fetched_at),
        "2024-02-29T22:00:00+00:00"
    );
}

#[tokio::test]
async fn create_of_an_existing_trust_overwrites_it_but_keeps_created_at() {
    let (_db, store) = store().await;
    store
        .trusts()
        .create("a1", &full_trust("p1"))
        .await
        .unwrap();
    let again = NewTrust {
        peerid: "p1".into(),
        secret: "new-secret".into(),
        created_at: Some(ts("2030-01-01T00:00:00Z")),
        ..NewTrust::default()
    };
    let overwritten = store.trusts().create("a1", &again).await.unwrap();
    assert_eq!(overwritten.created_at, Some(ts("2024-01-15T10:30:00Z")));
    // last_accessed defaults to the created_at *given*, as in the reference.
    assert_eq!(overwritten.last_accessed, Some(ts("2030-01-01T00:00:00Z")));
    assert_eq!(overwritten.secret, "new-secret");
    assert_eq!(overwritten.baseuri, "");
    assert!(!overwritten.approved);
    assert_eq!(overwritten.desc.as_deref(), Some(""));
    assert_eq!(overwritten.peer_identifier, None);
    assert_eq!(overwritten.last_connected_via, None);
    assert_eq!(overwritten.aw_version, None);
    assert_eq!(overwritten.capabilities_fetched_at, None);
    assert_eq!(
        store.trusts().get("a1", "p1").await.unwrap(),
        Some(overwritten)
    );
}

#[tokio::test]
async fn create_without_last_accessed_uses_the_given_created_at() {
    let (_db, store) = store().await;
    let trust = NewTrust {
        created_at: Some(ts("2024-01-15T10:30:00.5Z")),
        ..new_trust("p1")
    };
    let created = store.trusts().create("a1", &trust).await.unwrap();
    assert_eq!(created.created_at, Some(ts("2024-01-15T10:30:00.5Z")));
    assert_eq!(created.last_accessed, Some(ts("2024-01-15T10:30:00.5Z")));
}

#[tokio::test]
async fn create_derives_last_connected_via_from_established_via_kept_raw() {
    let (_db, store) = store().await;
    let trust = NewTrust {
        established_via: Some("OAuth2:Interactive".into()),
        ..new_trust("p1")
    };
    let created = store.trusts().create("a1", &trust).await.unwrap();
    assert_eq!(
        created.established_via.as_deref(),
        Some("OAuth2:Interactive")
    );
    assert_eq!(created.last_connected_via.as_deref(), Some("oauth"));
}

#[tokio::test]
async fn create_prefers_the_given_last_connected_via_canonicalised() {
    let (_db, store) = store().await;
    let trust = NewTrust {
        established_via: Some("oauth".into()),
        last_connected_via: Some(" Subscription ".into()),
        ..new_trust("p1")
    };
    let created = store.trusts().create("a1", &trust).await.unwrap();
    assert_eq!(created.last_connected_via.as_deref(), Some("subscription"));
}

#[tokio::test]
async fn create_with_empty_last_connected_via_falls_back_to_established_via() {
    let (_db, store) = store().await;
    let trust = NewTrust {
        established_via: Some("Trust".into()),
        last_connected_via: Some(String::new()),
        ..new_trust("p1")
    };
    let created = store.trusts().create("a1", &trust).await.unwrap();
    assert_eq!(created.last_connected_via.as_deref(), Some("trust"));
}

#[tokio::test]
async fn create_with_whitespace_last_connected_via_stores_null_without_fallback() {
    // The reference canonicalises a non-empty hint to None and does not consult established_via.
    let (db, store) = store().await;
    let trust = NewTrust {
        established_via: Some("trust".into()),
        last_connected_via: Some("   ".into()),
        ..new_trust("p1")
    };
    let created = store.trusts().create("a1", &trust).await.unwrap();
    assert_eq!(created.last_connected_via, None);
    assert_eq!(
        raw_column(&db, "last_connected_via", "a1", "p1").await,
        None
    );
}

#[tokio::test]
async fn get_of_a_missing_trust_is_none() {
    let (_db, store) = store().await;
    store.trusts().create("a1", &new_trust("p1")).await.unwrap();
    assert_eq!(store.trusts().get("a1", "p2").await.unwrap(), None);
    assert_eq!(store.trusts().get("a2", "p1").await.unwrap(), None);
}

#[tokio::test]
async fn every_nullable_column_reads_null_as_none() {
    let (db, store) = store().await;
    db.client()
        .await
        .batch_execute(
            "INSERT INTO trusts (id, peerid, baseuri, type, relationship, secret, approved, \
             peer_approved, verified) VALUES ('a1', 'p1', 'u', 't', 'r', 's', true, false, true)",
        )
        .await
        .unwrap();
    let trust = store.trusts().get("a1", "p1").await.unwrap().unwrap();
    assert_eq!(
        trust,
        Trust {
            id: "a1".into(),
            peerid: "p1".into(),
            baseuri: "u".into(),
            peer_type: "t".into(),
            relationship: "r".into(),
            secret: "s".into(),
            desc: None,
            approved: true,
            peer_approved: false,
            verified: true,
            verification_token: None,
            peer_identifier: None,
            established_via: None,
            created_at: None,
            last_accessed: None,
            last_connected_via: None,
            client_name: None,
            client_version: None,
            client_platform: None,
            oauth_client_id: None,
            aw_supported: None,
            aw_version: None,
            capabilities_fetched_at: None,
        }
    );
    assert_eq!(trust.last_connected_at(), None);
    assert_eq!(store.trusts().list("a1").await.unwrap(), vec![trust]);
}

#[tokio::test]
async fn last_connected_at_is_last_accessed_else_created_at() {
    let (db, store) = store().await;
    db.client()
        .await
        .batch_execute(
            "INSERT INTO trusts (id, peerid, baseuri, type, relationship, secret, approved, \
             peer_approved, verified, created_at) \
             VALUES ('a1', 'p1', '', '', '', '', false, false, false, '2024-01-15 10:30:00')",
        )
        .await
        .unwrap();
    let trust = store.trusts().get("a1", "p1").await.unwrap().unwrap();
    assert_eq!(trust.last_accessed, None);
    assert_eq!(trust.last_connected_at(), Some(ts("2024-01-15T10:30:00Z")));
    let accessed = Trust {
        last_accessed: Some(ts("2024-03-01T00:00:00Z")),
        ..trust
    };
    assert_eq!(
        accessed.last_connected_at(),
        Some(ts("2024-03-01T00:00:00Z"))
    );
}

#[tokio::test]
async fn debug_output_redacts_the_secret_and_the_verification_token() {
    let (_db, store) = store().await;
    let trust = store
        .trusts()
        .create("a1", &full_trust("p1"))
        .await
        .unwrap();
    let shown = format!("{trust:?}");
    assert!(!shown.contains("s3cret"), "{shown}");
    assert!(!shown.contains("vtok"), "{shown}");
    assert!(shown.contains(r#"secret: "<redacted>""#), "{shown}");
    assert!(
        shown.contains(r#"verification_token: Some("<redacted>")"#),
        "{shown}"
    );
    assert!(shown.contains(r#"peerid: "p1""#), "{shown}");
}

// --- tokens ----------------------------------------------------------------------------------

#[tokio::test]
async fn get_by_token_finds_the_trust_with_that_secret() {
    let (_db, store) = store().await;
    store
        .trusts()
        .create("a1", &full_trust("p1"))
        .await
        .unwrap();
    let other = NewTrust {
        secret: "other".into(),
        ..new_trust("p2")
    };
    store.trusts().create("a1", &other).await.unwrap();
    let found = store
        .trusts()
        .get_by_token("a1", "s3cret")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found.peerid, "p1");
    assert_eq!(Some(found), store.trusts().get("a1", "p1").await.unwrap());
    assert!(store.trusts().is_token_in_db("a1", "s3cret").await.unwrap());
    assert!(store.trusts().is_token_in_db("a1", "other").await.unwrap());
}

#[tokio::test]
async fn get_by_token_of_a_shared_secret_returns_the_lowest_peer_id() {
    let (_db, store) = store().await;
    for peerid in ["p3", "p1", "p2"] {
        let trust = NewTrust {
            secret: "shared".into(),
            ..new_trust(peerid)
        };
        store.trusts().create("a1", &trust).await.unwrap();
    }
    let found = store
        .trusts()
        .get_by_token("a1", "shared")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found.peerid, "p1");
}

#[tokio::test]
async fn tokens_match_only_within_the_actor() {
    let (_db, store) = store().await;
    store
        .trusts()
        .create("a1", &full_trust("p1"))
        .await
        .unwrap();
    assert_eq!(
        store.trusts().get_by_token("a2", "s3cret").await.unwrap(),
        None
    );
    assert!(!store.trusts().is_token_in_db("a2", "s3cret").await.unwrap());
    assert_eq!(
        store.trusts().get_by_token("a1", "S3CRET").await.unwrap(),
        None
    );
    assert!(!store.trusts().is_token_in_db("a1", "wrong").await.unwrap());
}

#[tokio::test]
async fn an_empty_token_never_matches_even_an_empty_secret() {
    let (_db, store) = store().await;
    store.trusts().create("a1", &new_trust("p1")).await.unwrap();
    assert_eq!(store.trusts().get_by_token("a1", "").await.unwrap(), None);
    assert!(!store.trusts().is_token_in_db("a1", "").await.unwrap());
}

#[tokio::test]
async fn a_token_longer_than_any_secret_is_simply_not_found() {
    let (_db, store) = store().await;
    store
        .trusts()
        .create("a1", &full_trust("p1"))
        .await
        .unwrap();
    let long = "x".repeat(300);
    assert_eq!(
        store.trusts().get_by_token("a1", &long).await.unwrap(),
        None
    );
    assert!(!store.trusts().is_token_in_db("a1", &long).await.unwrap());
}

#[tokio::test]
async fn token_lookups_refuse_bad_input() {
    let (_db, store) = store().await;
    let trusts = store.trusts();
    assert_err(
        trusts.get_by_token("a1", "s\0").await,
        INVALID,
        "invalid token: contains a NUL byte",
    );
    assert_err(
        trusts.is_token_in_db("a1", "s\0").await,
        INVALID,
        "invalid token",
    );
    assert_err(
        trusts.get_by_token("", "s").await,
        INVALID,
        "invalid actor id: must not be empty",
    );
    assert_err(
        trusts.is_token_in_db("", "s").await,
        INVALID,
        "invalid actor id",
    );
}

// --- modify ----------------------------------------------------------------------------------

#[tokio::test]
async fn modify_applies_every_given_field() {
    let (_db, store) = store().await;
    store.trusts().create("a1", &new_trust("p1")).await.unwrap();
    let update = TrustUpdate {
        baseuri: Some("https://new.example.com".into()),
        secret: Some("new-secret".into()),
        desc: Some("new desc".into()),
        approved: Some(true),
        peer_approved: Some(true),
        verified: Some(true),
        verification_token: Some("new-vtok".into()),
        peer_identifier: Some("id@example.com".into()),
        established_via: Some("OAuth2".into()),
        created_at: Some(ts("2023-05-06T07:08:09Z")),
        last_accessed: Some(ts("2024-05-06T07:08:09.000001Z")),
        last_connected_via: Some("OAUTH2:interactive".into()),
        client_name: Some("ChatGPT".into()),
        client_version: Some("5".into()),
        client_platform: Some("web".into()),
        oauth_client_id: Some("cid".into()),
        aw_supported: Some("www".into()),
        aw_version: Some("1.5".into()),
        capabilities_fetched_at: Some(ts("2024-06-01T12:00:00Z")),
    };
    assert!(store.trusts().modify("a1", "p1", &update).await.unwrap());
    assert_eq!(
        store.trusts().get("a1", "p1").await.unwrap().unwrap(),
        Trust {
            id: "a1".into(),
            peerid: "p1".into(),
            baseuri: "https://new.example.com".into(),
            peer_type: String::new(),
            relationship: String::new(),
            secret: "new-secret".into(),
            desc: Some("new desc".into()),
            approved: true,
            peer_approved: true,
            verified: true,
            verification_token: Some("new-vtok".into()),
            peer_identifier: Some("id@example.com".into()),
            established_via: Some("OAuth2".into()),
            created_at: Some(ts("2023-05-06T07:08:09Z")),
            last_accessed: Some(ts("2024-05-06T07:08:09.000001Z")),
            last_connected_via: Some("oauth".into()),
            client_name: Some("ChatGPT".into()),
            client_version: Some("5".into()),
            client_platform: Some("web".into()),
            oauth_client_id: Some("cid".into()),
            aw_supported: Some("www".into()),
            aw_version: Some("1.5".into()),
            capabilities_fetched_at: Some(ts("2024-06-01T12:00:00Z")),
        }
    );
}

#[tokio::test]
async fn modify_with_nothing_to_change_leaves_the_trust_as_it_is() {
    let (_db, store) = store().await;
    let created = store
        .trusts()
        .create("a1", &full_trust("p1"))
        .await
        .unwrap();
    assert!(
        store
            .trusts()
            .modify("a1", "p1", &TrustUpdate::default())
            .await
            .unwrap()
    );
    assert_eq!(store.trusts().get("a1", "p1").await.unwrap(), Some(created));
}

#[tokio::test]
async fn modify_can_set_a_bool_back_to_false() {
    let (_db, store) = store().await;
    store
        .trusts()
        .create("a1", &full_trust("p1"))
        .await
        .unwrap();
    let update = TrustUpdate {
        approved: Some(false),
        ..TrustUpdate::default()
    };
    assert!(store.trusts().modify("a1", "p1", &update).await.unwrap());
    let got = store.trusts().get("a1", "p1").await.unwrap().unwrap();
    assert!(!got.approved);
    assert!(got.peer_approved);
    assert!(got.verified);
}

#[tokio::test]
async fn modify_ignores_empty_baseuri_secret_desc_and_verification_token() {
    let (_db, store) = store().await;
    let created = store
        .trusts()
        .create("a1", &full_trust("p1"))
        .await
        .unwrap();
    let update = TrustUpdate {
        baseuri: Some(String::new()),
        secret: Some(String::new()),
        desc: Some(String::new()),
        verification_token: Some(String::new()),
        ..TrustUpdate::default()
    };
    assert!(store.trusts().modify("a1", "p1", &update).await.unwrap());
    assert_eq!(store.trusts().get("a1", "p1").await.unwrap(), Some(created));
}

#[tokio::test]
async fn modify_writes_empty_strings_for_the_metadata_fields() {
    let (_db, store) = store().await;
    store
        .trusts()
        .create("a1", &full_trust("p1"))
        .await
        .unwrap();
    let update = TrustUpdate {
        peer_identifier: Some(String::new()),
        established_via: Some(String::new()),
        client_name: Some(String::new()),
        client_version: Some(String::new()),
        client_platform: Some(String::new()),
        oauth_client_id: Some(String::new()),
        aw_supported: Some(String::new()),
        aw_version: Some(String::new()),
        ..TrustUpdate::default()
    };
    assert!(store.trusts().modify("a1", "p1", &update).await.unwrap());
    let got = store.trusts().get("a1", "p1").await.unwrap().unwrap();
    let empty = Some(String::new());
    assert_eq!(got.peer_identifier, empty);
    assert_eq!(got.established_via, empty);
    assert_eq!(got.client_name, empty);
    assert_eq!(got.client_version, empty);
    assert_eq!(got.client_platform, empty);
    assert_eq!(got.oauth_client_id, empty);
    assert_eq!(got.aw_supported, empty);
    assert_eq!(got.aw_version, empty);
    assert_eq!(got.last_connected_via.as_deref(), Some("mcp"));
}

#[tokio::test]
async fn modify_canonicalises_last_connected_via_and_blank_clears_it() {
    let (db, store) = store().await;
    store
        .trusts()
        .create("a1", &full_trust("p1"))
        .await
        .unwrap();
    let set = |method: &str| TrustUpdate {
        last_connected_via: Some(method.into()),
        ..TrustUpdate::default()
    };
    assert!(
        store
            .trusts()
            .modify("a1", "p1", &set(" Trust"))
            .await
            .unwrap()
    );
    assert_eq!(
        raw_column(&db, "last_connected_via", "a1", "p1")
            .await
            .as_deref(),
        Some("trust")
    );
    assert!(
        store
            .trusts()
            .modify("a1", "p1", &set("Custom-Hint"))
            .await
            .unwrap()
    );
    assert_eq!(
        raw_column(&db, "last_connected_via", "a1", "p1")
            .await
            .as_deref(),
        Some("Custom-Hint")
    );
    assert!(store.trusts().modify("a1", "p1", &set(" ")).await.unwrap());
    assert_eq!(
        raw_column(&db, "last_connected_via", "a1", "p1").await,
        None
    );
    assert!(
        store
            .trusts()
            .modify("a1", "p1", &set("mcp"))
            .await
            .unwrap()
    );
    // None leaves it as it is.
    assert!(
        store
            .trusts()
            .modify("a1", "p1", &TrustUpdate::default())
            .await
            .unwrap()
    );
    assert_eq!(
        raw_column(&db, "last_connected_via", "a1", "p1")
            .await
            .as_deref(),
        Some("mcp")
    );
}

#[tokio::test]
async fn modify_of_a_missing_trust_is_false_and_creates_nothing() {
    let (db, store) = store().await;
    store.trusts().create("a1", &new_trust("p1")).await.unwrap();
    let update = TrustUpdate {
        approved: Some(true),
        ..TrustUpdate::default()
    };
    assert!(!store.trusts().modify("a1", "p2", &update).await.unwrap());
    assert!(!store.trusts().modify("a2", "p1", &update).await.unwrap());
    assert_eq!(trust_rows(&db).await, 1);
    assert!(
        !store
            .trusts()
            .get("a1", "p1")
            .await
            .unwrap()
            .unwrap()
            .approved
    );
}

#[tokio::test]
async fn modify_refuses_bad_input_and_changes_nothing() {
    let (_db, store) = store().await;
    let created = store
        .trusts()
        .create("a1", &full_trust("p1"))
        .await
        .unwrap();
    let trusts = store.trusts();
    let cases: Vec<(TrustUpdate, &str)> = vec![
        (
            TrustUpdate {
                baseuri: Some("u\0".into()),
                ..TrustUpdate::default()
            },
            "invalid baseuri: contains a NUL byte",
        ),
        (
            TrustUpdate {
                secret: Some("x".repeat(256)),
                ..TrustUpdate::default()
            },
            "invalid secret: is 256 characters long; the column holds at most 255",
        ),
        (
            TrustUpdate {
                desc: Some("d\0".into()),
                ..TrustUpdate::default()
            },
            "invalid desc: contains a NUL byte",
        ),
        (
            TrustUpdate {
                last_connected_via: Some("m\0".into()),
                ..TrustUpdate::default()
            },
            "invalid last_connected_via: contains a NUL byte",
        ),
        (
            TrustUpdate {
                aw_version: Some("v".repeat(51)),
                ..TrustUpdate::default()
            },
            "invalid aw_version: is 51 characters long; the column holds at most 50",
        ),
        (
            TrustUpdate {
                approved: Some(false),
                client_name: Some("c\0".into()),
                ..TrustUpdate::default()
            },
            "invalid client_name: contains a NUL byte",
        ),
    ];
    for (update, needle) in cases {
        assert_err(trusts.modify("a1", "p1", &update).await, INVALID, needle);
    }
    assert_err(
        trusts.modify("a1", "", &TrustUpdate::default()).await,
        INVALID,
        "invalid peer id: must not be empty",
    );
    assert_eq!(trusts.get("a1", "p1").await.unwrap(), Some(created));
}

// --- delete and list -------------------------------------------------------------------------

#[tokio::test]
async fn delete_removes_the_trust_and_reports_whether_it_existed() {
    let (db, store) = store().await;
    store.trusts().create("a1", &new_trust("p1")).await.unwrap();
    store.trusts().create("a1", &new_trust("p2")).await.unwrap();
    assert!(store.trusts().delete("a1", "p1").await.unwrap());
    assert_eq!(store.trusts().get("a1", "p1").await.unwrap(), None);
    assert!(!store.trusts().delete("a1", "p1").await.unwrap());
    assert!(!store.trusts().delete("a2", "p2").await.unwrap());
    assert_eq!(trust_rows(&db).await, 1);
}

#[tokio::test]
async fn list_returns_the_actors_trusts_by_peer_id() {
    let (_db, store) = store().await;
    for peerid in ["p2", "p10", "p1"] {
        store
            .trusts()
            .create("a1", &new_trust(peerid))
            .await
            .unwrap();
    }
    store.trusts().create("a2", &new_trust("p0")).await.unwrap();
    let peers: Vec<String> = store
        .trusts()
        .list("a1")
        .await
        .unwrap()
        .into_iter()
        .map(|t| t.peerid)
        .collect();
    assert_eq!(peers, ["p1", "p10", "p2"]);
    let full = store
        .trusts()
        .create("a3", &full_trust("p1"))
        .await
        .unwrap();
    assert_eq!(store.trusts().list("a3").await.unwrap(), vec![full]);
}

#[tokio::test]
async fn list_of_an_actor_without_trusts_is_empty() {
    let (_db, store) = store().await;
    store.trusts().create("a1", &new_trust("p1")).await.unwrap();
    assert_eq!(store.trusts().list("nobody").await.unwrap(), vec![]);
}

#[tokio::test]
async fn delete_all_removes_only_that_actors_trusts_and_counts_them() {
    let (db, store) = store().await;
    for peerid in ["p1", "p2", "p3"] {
        store
            .trusts()
            .create("a1", &new_trust(peerid))
            .await
            .unwrap();
    }
    store.trusts().create("a2", &new_trust("p1")).await.unwrap();
    assert_eq!(store.trusts().delete_all("a1").await.unwrap(), 3);
    assert_eq!(store.trusts().list("a1").await.unwrap(), vec![]);
    assert_eq!(store.trusts().delete_all("a1").await.unwrap(), 0);
    assert_eq!(trust_rows(&db).await, 1);
    assert!(store.trusts().get("a2", "p1").await.unwrap().is_some());
}

// --- bad input -------------------------------------------------------------------------------

#[tokio::test]
async fn keys_must_be_non_empty_and_at_most_255_characters() {
    let (db, store) = store().await;
    let trusts = store.trusts();
    let long = "p".repeat(256);
    assert_err(
        trusts.create("", &new_trust("p1")).await,
        INVALID,
        "invalid actor id: must not be empty",
    );
    assert_err(
        trusts.create("a1", &new_trust("")).await,
        INVALID,
        "invalid peer id: must not be empty",
    );
    assert_err(
        trusts.create("a1", &new_trust(&long)).await,
        INVALID,
        "invalid peer id: is 256 characters long; the column holds at most 255",
    );
    assert_err(
        trusts.create(&long, &new_trust("p1")).await,
        INVALID,
        "invalid actor id: is 256",
    );
    assert_err(trusts.get("a1", &long).await, INVALID, "invalid peer id");
    assert_err(trusts.get("", "p1").await, INVALID, "invalid actor id");
    assert_err(trusts.delete("a1", "").await, INVALID, "invalid peer id");
    assert_err(trusts.list("").await, INVALID, "invalid actor id");
    assert_err(trusts.delete_all(&long).await, INVALID, "invalid actor id");
    assert_eq!(trust_rows(&db).await, 0);
    let max = "é".repeat(255);
    let created = trusts.create(&max, &new_trust(&max)).await.unwrap();
    assert_eq!(trusts.get(&max, &max).await.unwrap(), Some(created));
}

#[tokio::test]
async fn create_refuses_a_nul_byte_in_any_text_and_writes_nothing() {
    let (db, store) = store().await;
    type Setter = fn(&mut NewTrust);
    let fields: [(&str, Setter); 17] = [
        ("peer id", |t| t.peerid = "p\0".into()),
        ("baseuri", |t| t.baseuri = "u\0".into()),
        ("peer_type", |t| t.peer_type = "t\0".into()),
        ("relationship", |t| t.relationship = "r\0".into()),
        ("secret", |t| t.secret = "s\0".into()),
        ("verification_token", |t| {
            t.verification_token = Some("v\0".into())
        }),
        ("desc", |t| t.desc = Some("d\0".into())),
        ("peer_identifier", |t| {
            t.peer_identifier = Some("i\0".into())
        }),
        ("established_via", |t| {
            t.established_via = Some("e\0".into())
        }),
        ("last_connected_via", |t| {
            t.last_connected_via = Some("l\0".into())
        }),
        ("client_name", |t| t.client_name = Some("n\0".into())),
        ("client_version", |t| t.client_version = Some("v\0".into())),
        ("client_platform", |t| {
            t.client_platform = Some("p\0".into())
        }),
        ("oauth_client_id", |t| {
            t.oauth_client_id = Some("o\0".into())
        }),
        ("aw_supported", |t| t.aw_supported = Some("w\0".into())),
        ("aw_version", |t| t.aw_version = Some("1\0".into())),
        ("actor id", |_| {}),
    ];
    for (field, set) in fields {
        let mut trust = full_trust("p1");
        set(&mut trust);
        let actor = if field == "actor id" { "a\0" } else { "a1" };
        assert_err(
            store.trusts().create(actor, &trust).await,
            INVALID,
            &format!("invalid {field}: contains a NUL byte"),
        );
    }
    assert_eq!(trust_rows(&db).await, 0);
}

#[tokio::test]
async fn create_enforces_the_varchar_lengths_and_writes_nothing() {
    let (db, store) = store().await;
    let long = "x".repeat(256);
    type Setter = fn(&mut NewTrust, String);
    let fields: [(&str, Setter); 12] = [
        ("peer_type", |t, v| t.peer_type = v),
        ("relationship", |t, v| t.relationship = v),
        ("secret", |t, v| t.secret = v),
        ("verification_token", |t, v| t.verification_token = Some(v)),
        ("peer_identifier", |t, v| t.peer_identifier = Some(v)),
        ("established_via", |t, v| t.established_via = Some(v)),
        ("last_connected_via", |t, v| t.last_connected_via = Some(v)),
        ("client_name", |t, v| t.client_name = Some(v)),
        ("client_version", |t, v| t.client_version = Some(v)),
        ("client_platform", |t, v| t.client_platform = Some(v)),
        ("oauth_client_id", |t, v| t.oauth_client_id = Some(v)),
        ("aw_version", |t, v| t.aw_version = Some(v)),
    ];
    for (field, set) in fields {
        let mut trust = new_trust("p1");
        set(&mut trust, long.clone());
        assert_err(
            store.trusts().create("a1", &trust).await,
            INVALID,
            &format!("invalid {field}: is 256 characters long"),
        );
    }
    assert_eq!(trust_rows(&db).await, 0);
    let over = NewTrust {
        aw_version: Some("v".repeat(51)),
        ..new_trust("p1")
    };
    assert_err(
        store.trusts().create("a1", &over).await,
        INVALID,
        "invalid aw_version: is 51 characters long; the column holds at most 50",
    );
    assert_eq!(trust_rows(&db).await, 0);
    let at_limits = NewTrust {
        aw_version: Some("v".repeat(50)),
        secret: "s".repeat(255),
        baseuri: "u".repeat(10_000),
        desc: Some("d".repeat(10_000)),
        aw_supported: Some("w".repeat(10_000)),
        ..new_trust("p1")
    };
    let created = store.trusts().create("a1", &at_limits).await.unwrap();
    assert_eq!(created.aw_version.as_deref().map(str::len), Some(50));
    assert_eq!(created.secret.len(), 255);
    assert_eq!(created.baseuri.len(), 10_000);
}

// --- transactions ----------------------------------------------------------------------------

#[tokio::test]
async fn trust_writes_in_a_transaction_commit_together() {
    let (_db, store) = store().await;
    let listed = store
        .transaction(|tx| {
            Box::pin(async move {
                tx.trusts().create("a1", &full_trust("p1")).await?;
                tx.trusts().create("a1", &new_trust("p2")).await?;
                let approve = TrustUpdate {
                    approved: Some(true),
                    ..TrustUpdate::default()
                };
                tx.trusts().modify("a1", "p2", &approve).await?;
                tx.trusts().list("a1").await
            })
        })
        .await
        .unwrap();
    assert_eq!(listed.len(), 2);
    assert_eq!(store.trusts().list("a1").await.unwrap(), listed);
    assert!(listed[1].approved);
}

#[tokio::test]
async fn an_error_in_a_transaction_rolls_the_trust_writes_back() {
    let (db, store) = store().await;
    store.trusts().create("a1", &new_trust("p0")).await.unwrap();
    let err = store
        .transaction(|tx| {
            Box::pin(async move {
                tx.trusts().create("a1", &full_trust("p1")).await?;
                tx.trusts().delete("a1", "p0").await?;
                Err::<(), _>(Error::new(ErrorKind::Conflict, "caller gave up"))
            })
        })
        .await
        .unwrap_err();
    assert_eq!(err.to_string(), "caller gave up");
    assert_eq!(trust_rows(&db).await, 1);
    assert!(store.trusts().get("a1", "p0").await.unwrap().is_some());
}

#[test]
fn debug_of_trust_inputs_never_shows_the_secret_or_the_token() {
    let new = actingweb_pg::NewTrust {
        peerid: "peer".into(),
        secret: "s3cret-value".into(),
        verification_token: Some("tok3n-value".into()),
        ..Default::default()
    };
    let update = actingweb_pg::TrustUpdate {
        secret: Some("s3cret-value".into()),
        verification_token: Some("tok3n-value".into()),
        ..Default::default()
    };
    let new_text = format!("{new:?}");
    let update_text = format!("{update:?}");
    for text in [&new_text, &update_text] {
        assert!(!text.contains("s3cret-value"), "{text}");
        assert!(!text.contains("tok3n-value"), "{text}");
        assert!(
            text.contains("verification_token: Some(\"<redacted>\")"),
            "{text}"
        );
    }
    assert!(new_text.contains("secret: \"<redacted>\""), "{new_text}");
    assert!(
        update_text.contains("secret: Some(\"<redacted>\")"),
        "{update_text}"
    );
    let empty = format!("{:?}", actingweb_pg::TrustUpdate::default());
    assert!(empty.contains("secret: None"), "{empty}");
    assert!(empty.contains("verification_token: None"), "{empty}");
}
