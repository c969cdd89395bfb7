//! The raw property_lookup table against a real PostgreSQL.

mod common;

use actingweb_pg::{ErrorKind, PropertyLookup, Store};
use common::{assert_err, store};
use tokio_postgres::Client;

const INVALID: ErrorKind = ErrorKind::InvalidInput;

type Row3 = (String, String, String);

fn row(a: &str, b: &str, c: &str) -> Row3 {
    (a.to_string(), b.to_string(), c.to_string())
}

/// Every `property_lookup` row as `(property_name, value, actor_id)`, in byte order.
async fn lookup_rows(c: &Client) -> Vec<Row3> {
    c.query(
        r#"SELECT property_name, value, actor_id FROM property_lookup
           ORDER BY property_name COLLATE "C", value COLLATE "C""#,
        &[],
    )
    .await
    .unwrap()
    .into_iter()
    .map(|r| (r.get(0), r.get(1), r.get(2)))
    .collect()
}

async fn create_actor(store: &Store, id: &str) {
    store
        .actors()
        .create(id, "creator@example.com", "pw")
        .await
        .unwrap();
}

/// `len` pseudo-random `[a-zA-Z0-9]` characters (an LCG): text that does not compress.
fn noise(len: usize) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    (0..len)
        .map(|_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ALPHABET[((state >> 33) % ALPHABET.len() as u64) as usize] as char
        })
        .collect()
}

#[tokio::test]
async fn create_then_get_returns_the_actor_id() {
    let (db, store) = store().await;
    let c = db.client().await;
    create_actor(&store, "a1").await;
    let lookup = store.property_lookup();
    assert!(lookup.create("oauthId", "oa-1", "a1", false).await.unwrap());
    assert_eq!(lookup_rows(&c).await, vec![row("oauthId", "oa-1", "a1")]);
    // A new handle sees it too.
    assert_eq!(
        store
            .property_lookup()
            .get("oauthId", "oa-1")
            .await
            .unwrap()
            .as_deref(),
        Some("a1")
    );
}

#[tokio::test]
async fn get_of_a_missing_pair_is_none() {
    let (_db, store) = store().await;
    create_actor(&store, "a1").await;
    let lookup = store.property_lookup();
    lookup
        .create("email", "a@example.com", "a1", false)
        .await
        .unwrap();
    assert_eq!(lookup.get("email", "b@example.com").await.unwrap(), None);
    assert_eq!(lookup.get("oauthId", "a@example.com").await.unwrap(), None);
    assert_eq!(
        lookup.get("email", "A@example.com").await.unwrap(),
        None,
        "values are exact text"
    );
}

#[tokio::test]
async fn get_returns_the_stored_row_without_checking_the_property() {
    let (db, store) = store().await;
    let c = db.client().await;
    create_actor(&store, "a1").await;
    store
        .property_lookup()
        .create("email", "a@example.com", "a1", false)
        .await
        .unwrap();
    // The actor holds no such property at all: the raw row still answers.
    assert_eq!(
        store
            .property_lookup()
            .get("email", "a@example.com")
            .await
            .unwrap()
            .as_deref(),
        Some("a1")
    );
    assert_eq!(
        c.query_one("SELECT count(*) FROM properties", &[])
            .await
            .unwrap()
            .get::<_, i64>(0),
        0
    );
}

#[tokio::test]
async fn delete_of_an_existing_pair_is_true_and_get_then_misses() {
    let (db, store) = store().await;
    let c = db.client().await;
    create_actor(&store, "a1").await;
    let lookup = store.property_lookup();
    lookup
        .create("email", "a@example.com", "a1", false)
        .await
        .unwrap();
    lookup
        .create("email", "b@example.com", "a1", false)
        .await
        .unwrap();
    assert_eq!(
        lookup
            .get("email", "a@example.com")
            .await
            .unwrap()
            .as_deref(),
        Some("a1")
    );
    assert!(lookup.delete("email", "a@example.com").await.unwrap());
    assert_eq!(lookup.get("email", "a@example.com").await.unwrap(), None);
    assert_eq!(
        lookup_rows(&c).await,
        vec![row("email", "b@example.com", "a1")]
    );
}

#[tokio::test]
async fn delete_of_a_missing_pair_is_false_and_deletes_nothing() {
    let (db, store) = store().await;
    let c = db.client().await;
    create_actor(&store, "a1").await;
    let lookup = store.property_lookup();
    lookup
        .create("email", "a@example.com", "a1", false)
        .await
        .unwrap();
    assert!(!lookup.delete("email", "zz@example.com").await.unwrap());
    assert!(!lookup.delete("oauthId", "a@example.com").await.unwrap());
    assert_eq!(
        lookup_rows(&c).await,
        vec![row("email", "a@example.com", "a1")]
    );
}

#[tokio::test]
async fn create_colliding_with_another_actor_is_false_and_keeps_the_original() {
    let (db, store) = store().await;
    let c = db.client().await;
    create_actor(&store, "a1").await;
    create_actor(&store, "a2").await;
    let lookup = store.property_lookup();
    assert!(
        lookup
            .create("email", "x@example.com", "a1", false)
            .await
            .unwrap()
    );
    assert!(
        !lookup
            .create("email", "x@example.com", "a2", false)
            .await
            .unwrap()
    );
    assert_eq!(
        lookup_rows(&c).await,
        vec![row("email", "x@example.com", "a1")]
    );
    assert_eq!(
        lookup
            .get("email", "x@example.com")
            .await
            .unwrap()
            .as_deref(),
        Some("a1")
    );
}

#[tokio::test]
async fn recreating_the_identical_mapping_is_true_and_idempotent() {
    let (db, store) = store().await;
    let c = db.client().await;
    create_actor(&store, "a1").await;
    let lookup = store.property_lookup();
    assert!(
        lookup
            .create("email", "x@example.com", "a1", false)
            .await
            .unwrap()
    );
    assert!(
        lookup
            .create("email", "x@example.com", "a1", false)
            .await
            .unwrap()
    );
    assert!(
        lookup
            .create("email", "x@example.com", "a1", true)
            .await
            .unwrap()
    );
    assert_eq!(
        lookup_rows(&c).await,
        vec![row("email", "x@example.com", "a1")]
    );
}

#[tokio::test]
async fn create_with_overwrite_moves_the_mapping_to_the_new_actor() {
    let (db, store) = store().await;
    let c = db.client().await;
    create_actor(&store, "a1").await;
    create_actor(&store, "a2").await;
    let lookup = store.property_lookup();
    assert!(
        lookup
            .create("email", "x@example.com", "a1", false)
            .await
            .unwrap()
    );
    assert!(
        lookup
            .create("email", "x@example.com", "a2", true)
            .await
            .unwrap()
    );
    assert_eq!(
        lookup_rows(&c).await,
        vec![row("email", "x@example.com", "a2")]
    );
    assert_eq!(
        lookup
            .get("email", "x@example.com")
            .await
            .unwrap()
            .as_deref(),
        Some("a2")
    );
    // Without overwrite the former owner cannot take it back.
    assert!(
        !lookup
            .create("email", "x@example.com", "a1", false)
            .await
            .unwrap()
    );
    assert_eq!(
        lookup_rows(&c).await,
        vec![row("email", "x@example.com", "a2")]
    );
}

#[tokio::test]
async fn create_with_overwrite_of_an_absent_pair_inserts_it() {
    let (db, store) = store().await;
    let c = db.client().await;
    create_actor(&store, "a1").await;
    assert!(
        store
            .property_lookup()
            .create("externalUserId", "ext-1", "a1", true)
            .await
            .unwrap()
    );
    assert_eq!(
        lookup_rows(&c).await,
        vec![row("externalUserId", "ext-1", "a1")]
    );
}

#[tokio::test]
async fn create_for_a_missing_actor_is_not_found_and_writes_no_row() {
    let (db, store) = store().await;
    let c = db.client().await;
    let lookup = store.property_lookup();
    assert_err(
        lookup
            .create("email", "g@example.com", "ghost", false)
            .await,
        ErrorKind::NotFound,
        "referenced actor does not exist",
    );
    assert_err(
        lookup.create("email", "g@example.com", "ghost", true).await,
        ErrorKind::NotFound,
        "referenced actor does not exist",
    );
    assert_eq!(lookup_rows(&c).await, Vec::<Row3>::new());
    assert_eq!(lookup.get("email", "g@example.com").await.unwrap(), None);
}

#[tokio::test]
async fn create_with_overwrite_to_a_missing_actor_is_not_found_and_keeps_the_owner() {
    let (db, store) = store().await;
    let c = db.client().await;
    create_actor(&store, "a1").await;
    let lookup = store.property_lookup();
    lookup
        .create("email", "x@example.com", "a1", false)
        .await
        .unwrap();
    assert_err(
        lookup.create("email", "x@example.com", "ghost", true).await,
        ErrorKind::NotFound,
        "referenced actor does not exist",
    );
    assert_eq!(
        lookup_rows(&c).await,
        vec![row("email", "x@example.com", "a1")]
    );
}

#[tokio::test]
async fn deleting_the_actor_cascades_to_its_lookup_rows() {
    let (db, store) = store().await;
    let c = db.client().await;
    create_actor(&store, "a1").await;
    create_actor(&store, "a2").await;
    let lookup = store.property_lookup();
    lookup
        .create("email", "a@example.com", "a1", false)
        .await
        .unwrap();
    lookup.create("oauthId", "oa-1", "a1", false).await.unwrap();
    lookup
        .create("email", "b@example.com", "a2", false)
        .await
        .unwrap();
    assert!(store.actors().delete("a1").await.unwrap());
    assert_eq!(
        lookup_rows(&c).await,
        vec![row("email", "b@example.com", "a2")]
    );
}

#[tokio::test]
async fn create_with_a_value_too_large_for_the_btree_is_invalid_input_and_writes_no_row() {
    let (db, store) = store().await;
    let c = db.client().await;
    create_actor(&store, "a1").await;
    let huge = noise(10_000);
    let lookup = store.property_lookup();
    assert_err(
        lookup.create("oauthId", &huge, "a1", false).await,
        INVALID,
        "index row",
    );
    assert_err(
        lookup.create("oauthId", &huge, "a1", true).await,
        INVALID,
        "index row",
    );
    assert_eq!(lookup_rows(&c).await, Vec::<Row3>::new());
}

/// Calls get, create (both modes) and delete; each must be an [`ErrorKind::InvalidInput`]
/// whose message contains `needle`.
async fn assert_every_method_refuses(
    lookup: &PropertyLookup<'_>,
    name: &str,
    value: &str,
    actor_id: &str,
    needle: &str,
) {
    assert_err(lookup.get(name, value).await, INVALID, needle);
    assert_err(
        lookup.create(name, value, actor_id, false).await,
        INVALID,
        needle,
    );
    assert_err(
        lookup.create(name, value, actor_id, true).await,
        INVALID,
        needle,
    );
    assert_err(lookup.delete(name, value).await, INVALID, needle);
}

/// Actor `a1` owning one lookup row; returns the rows to compare against.
async fn seed(store: &Store, c: &Client) -> Vec<Row3> {
    create_actor(store, "a1").await;
    store
        .property_lookup()
        .create("email", "a@example.com", "a1", false)
        .await
        .unwrap();
    let rows = lookup_rows(c).await;
    assert_eq!(rows, vec![row("email", "a@example.com", "a1")]);
    rows
}

#[tokio::test]
async fn nul_byte_in_name_or_value_is_invalid_input_and_writes_nothing() {
    let (db, store) = store().await;
    let c = db.client().await;
    let before = seed(&store, &c).await;
    let lookup = store.property_lookup();
    assert_every_method_refuses(
        &lookup,
        "email\0",
        "a@example.com",
        "a1",
        "invalid property name: contains a NUL byte",
    )
    .await;
    assert_every_method_refuses(
        &lookup,
        "email",
        "a@example.com\0",
        "a1",
        "invalid value: contains a NUL byte",
    )
    .await;
    assert_eq!(lookup_rows(&c).await, before);
}

#[tokio::test]
async fn nul_byte_in_actor_id_is_invalid_input_and_writes_nothing() {
    let (db, store) = store().await;
    let c = db.client().await;
    let before = seed(&store, &c).await;
    let lookup = store.property_lookup();
    for overwrite in [false, true] {
        assert_err(
            lookup
                .create("email", "n@example.com", "a1\0", overwrite)
                .await,
            INVALID,
            "invalid actor id: contains a NUL byte",
        );
        assert_err(
            lookup
                .create("email", "a@example.com", "a1\0", overwrite)
                .await,
            INVALID,
            "invalid actor id: contains a NUL byte",
        );
    }
    assert_eq!(lookup_rows(&c).await, before);
}

#[tokio::test]
async fn empty_value_is_invalid_input_and_writes_nothing() {
    let (db, store) = store().await;
    let c = db.client().await;
    let before = seed(&store, &c).await;
    assert_every_method_refuses(
        &store.property_lookup(),
        "email",
        "",
        "a1",
        "invalid value: must not be empty",
    )
    .await;
    assert_eq!(lookup_rows(&c).await, before);
}

#[tokio::test]
async fn empty_name_or_actor_id_is_invalid_input_and_writes_nothing() {
    let (db, store) = store().await;
    let c = db.client().await;
    let before = seed(&store, &c).await;
    let lookup = store.property_lookup();
    assert_every_method_refuses(
        &lookup,
        "",
        "a@example.com",
        "a1",
        "invalid property name: must not be empty",
    )
    .await;
    for overwrite in [false, true] {
        assert_err(
            lookup.create("email", "e@example.com", "", overwrite).await,
            INVALID,
            "invalid actor id: must not be empty",
        );
    }
    assert_eq!(lookup_rows(&c).await, before);
}

#[tokio::test]
async fn name_or_actor_id_of_256_chars_is_invalid_input_and_writes_nothing() {
    let (db, store) = store().await;
    let c = db.client().await;
    let before = seed(&store, &c).await;
    let lookup = store.property_lookup();
    assert_every_method_refuses(
        &lookup,
        &"n".repeat(256),
        "a@example.com",
        "a1",
        "invalid property name: is 256 characters long; the column holds at most 255",
    )
    .await;
    for overwrite in [false, true] {
        assert_err(
            lookup
                .create("email", "l@example.com", &"a".repeat(256), overwrite)
                .await,
            INVALID,
            "invalid actor id: is 256 characters long; the column holds at most 255",
        );
    }
    assert_eq!(lookup_rows(&c).await, before);
}

#[tokio::test]
async fn name_and_actor_id_of_255_chars_work() {
    let (db, store) = store().await;
    let c = db.client().await;
    let name = "ñ".repeat(255);
    let actor = "a".repeat(255);
    create_actor(&store, &actor).await;
    let lookup = store.property_lookup();
    assert!(lookup.create(&name, "v", &actor, false).await.unwrap());
    assert_eq!(lookup_rows(&c).await, vec![row(&name, "v", &actor)]);
    assert_eq!(
        lookup.get(&name, "v").await.unwrap().as_deref(),
        Some(actor.as_str())
    );
    assert!(lookup.delete(&name, "v").await.unwrap());
    assert_eq!(lookup_rows(&c).await, Vec::<Row3>::new());
}

#[tokio::test]
async fn list_returns_every_row_of_every_actor() {
    let (db, store) = store().await;
    let c = db.client().await;
    create_actor(&store, "a1").await;
    create_actor(&store, "a2").await;
    let lookup = store.property_lookup();
    assert!(lookup.create("oauthId", "oa-1", "a1", false).await.unwrap());
    assert!(
        lookup
            .create("email", "x@example.com", "a2", false)
            .await
            .unwrap()
    );
    assert!(
        lookup
            .create("email", "y@example.com", "a1", false)
            .await
            .unwrap()
    );
    let mut listed: Vec<Row3> = lookup
        .list()
        .await
        .unwrap()
        .into_iter()
        .map(|e| (e.name, e.value, e.actor_id))
        .collect();
    listed.sort();
    assert_eq!(
        listed,
        vec![
            row("email", "x@example.com", "a2"),
            row("email", "y@example.com", "a1"),
            row("oauthId", "oa-1", "a1"),
        ]
    );
    assert_eq!(listed.len(), lookup_rows(&c).await.len());
}
