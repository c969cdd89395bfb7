//! Properties against a real PostgreSQL: values, the lookup table kept in step for indexed
//! names, ranges, conditional and batch primitives, and argument checks.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use actingweb_pg::{ErrorKind, Properties, Store};
use common::{TestDb, assert_err, store};
use futures::future::BoxFuture;
use serde_json::json;
use tokio::sync::Barrier;
use tokio_postgres::Client;

const INVALID: ErrorKind = ErrorKind::InvalidInput;

type Row3 = (String, String, String);

fn row(a: &str, b: &str, c: &str) -> Row3 {
    (a.to_string(), b.to_string(), c.to_string())
}

/// Every `properties` row as `(id, name, value)`, in byte order.
async fn property_rows(c: &Client) -> Vec<Row3> {
    c.query(
        r#"SELECT id, name, value FROM properties ORDER BY id COLLATE "C", name COLLATE "C""#,
        &[],
    )
    .await
    .unwrap()
    .into_iter()
    .map(|r| (r.get(0), r.get(1), r.get(2)))
    .collect()
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

async fn count(c: &Client, table: &str) -> i64 {
    c.query_one(&format!("SELECT count(*) FROM {table}"), &[])
        .await
        .unwrap()
        .get(0)
}

async fn raw_insert(c: &Client, id: &str, name: &str, value: &str) {
    c.execute(
        "INSERT INTO properties (id, name, value) VALUES ($1, $2, $3)",
        &[&id, &name, &value],
    )
    .await
    .unwrap();
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
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    (0..len)
        .map(|_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ALPHABET[((state >> 33) % ALPHABET.len() as u64) as usize] as char
        })
        .collect()
}

fn map(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn set_of(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|n| n.to_string()).collect()
}

// ---------------------------------------------------------------------------------------------
// get / set / set_json / delete

#[tokio::test]
async fn get_returns_the_stored_value_and_none_when_absent() {
    let (db, store) = store().await;
    let c = db.client().await;
    raw_insert(&c, "a1", "nick", "alice").await;
    raw_insert(&c, "a2", "other", "bob").await;
    let p = store.properties();
    assert_eq!(p.get("a1", "nick").await.unwrap().as_deref(), Some("alice"));
    assert_eq!(p.get("a1", "other").await.unwrap(), None);
    assert_eq!(p.get("a2", "nick").await.unwrap(), None);
    assert_eq!(p.get("nobody", "nick").await.unwrap(), None);
    assert_eq!(
        p.get("a1", "Nick").await.unwrap(),
        None,
        "names are case-sensitive"
    );
}

#[tokio::test]
async fn get_returns_an_empty_string_stored_behind_the_facade() {
    let (db, store) = store().await;
    let c = db.client().await;
    raw_insert(&c, "a1", "blank", "").await;
    assert_eq!(
        store
            .properties()
            .get("a1", "blank")
            .await
            .unwrap()
            .as_deref(),
        Some("")
    );
}

#[tokio::test]
async fn set_inserts_a_new_row_with_the_exact_text() {
    let (db, store) = store().await;
    let c = db.client().await;
    let text = "  ø \"quoted\" \\ \n{\"a\":1}  ";
    store.properties().set("a1", "note", text).await.unwrap();
    assert_eq!(property_rows(&c).await, vec![row("a1", "note", text)]);
    assert_eq!(
        store
            .properties()
            .get("a1", "note")
            .await
            .unwrap()
            .as_deref(),
        Some(text)
    );
}

#[tokio::test]
async fn set_overwrites_the_existing_value_keeping_one_row() {
    let (db, store) = store().await;
    let c = db.client().await;
    let p = store.properties();
    p.set("a1", "nick", "first").await.unwrap();
    p.set("a2", "nick", "theirs").await.unwrap();
    p.set("a1", "nick", "second").await.unwrap();
    assert_eq!(
        property_rows(&c).await,
        vec![row("a1", "nick", "second"), row("a2", "nick", "theirs")]
    );
}

#[tokio::test]
async fn set_with_an_empty_value_deletes_the_property() {
    let (db, store) = store().await;
    let c = db.client().await;
    let p = store.properties();
    p.set("a1", "nick", "alice").await.unwrap();
    p.set("a1", "keep", "k").await.unwrap();
    p.set("a1", "nick", "").await.unwrap();
    assert_eq!(property_rows(&c).await, vec![row("a1", "keep", "k")]);
    // Deleting an absent property this way is fine and writes nothing.
    p.set("a1", "never", "").await.unwrap();
    assert_eq!(property_rows(&c).await, vec![row("a1", "keep", "k")]);
}

#[tokio::test]
async fn set_with_an_empty_value_deletes_a_stored_empty_string() {
    let (db, store) = store().await;
    let c = db.client().await;
    raw_insert(&c, "a1", "blank", "").await;
    store.properties().set("a1", "blank", "").await.unwrap();
    assert_eq!(count(&c, "properties").await, 0);
}

#[tokio::test]
async fn set_of_a_non_indexed_property_needs_no_actor_row() {
    let (db, store) = store().await;
    let c = db.client().await;
    store
        .properties()
        .set("no-such-actor", "nick", "n")
        .await
        .unwrap();
    assert_eq!(
        property_rows(&c).await,
        vec![row("no-such-actor", "nick", "n")]
    );
    assert_eq!(count(&c, "property_lookup").await, 0);
}

#[tokio::test]
async fn set_json_stores_the_python_json_dumps_text() {
    let (db, store) = store().await;
    let c = db.client().await;
    let p = store.properties();
    let cases = [
        ("int", json!(5), "5"),
        ("true", json!(true), "true"),
        ("float", json!(1.5), "1.5"),
        (
            "object",
            json!({"k": "ø", "n": [1, 2]}),
            r#"{"k": "\u00f8", "n": [1, 2]}"#,
        ),
        ("empty_array", json!([]), "[]"),
        ("empty_object", json!({}), "{}"),
        ("zero", json!(0), "0"),
        ("false", json!(false), "false"),
        ("whole_float", json!(1.0), "1.0"),
        (
            "key_order",
            json!({"z": 1, "a": null}),
            r#"{"z": 1, "a": null}"#,
        ),
        (
            "nul_inside",
            json!({"k": "a\u{0}b"}),
            r#"{"k": "a\u0000b"}"#,
        ),
        ("astral", json!(["😀"]), r#"["\ud83d\ude00"]"#),
    ];
    for (name, value, _) in &cases {
        p.set_json("a1", name, value).await.unwrap();
    }
    let mut expected: Vec<Row3> = cases
        .iter()
        .map(|(name, _, text)| row("a1", name, text))
        .collect();
    expected.sort();
    assert_eq!(property_rows(&c).await, expected);
}

#[tokio::test]
async fn set_json_stores_a_json_string_verbatim_without_quotes() {
    let (db, store) = store().await;
    let c = db.client().await;
    let p = store.properties();
    p.set_json("a1", "plain", &json!("hello")).await.unwrap();
    p.set_json("a1", "unicode", &json!("ø \"x\""))
        .await
        .unwrap();
    p.set_json("a1", "looks_like_json", &json!(r#"{"a":1}"#))
        .await
        .unwrap();
    assert_eq!(
        property_rows(&c).await,
        vec![
            row("a1", "looks_like_json", r#"{"a":1}"#),
            row("a1", "plain", "hello"),
            row("a1", "unicode", "ø \"x\""),
        ]
    );
}

#[tokio::test]
async fn set_json_null_or_empty_string_deletes_the_property() {
    let (db, store) = store().await;
    let c = db.client().await;
    let p = store.properties();
    p.set("a1", "a", "1").await.unwrap();
    p.set("a1", "b", "2").await.unwrap();
    p.set("a1", "c", "3").await.unwrap();
    p.set_json("a1", "a", &json!(null)).await.unwrap();
    p.set_json("a1", "b", &json!("")).await.unwrap();
    p.set_json("a1", "absent", &json!(null)).await.unwrap();
    assert_eq!(property_rows(&c).await, vec![row("a1", "c", "3")]);
}

#[tokio::test]
async fn delete_returns_true_when_present_and_false_when_absent() {
    let (db, store) = store().await;
    let c = db.client().await;
    let p = store.properties();
    p.set("a1", "nick", "alice").await.unwrap();
    p.set("a2", "nick", "bob").await.unwrap();
    assert!(p.delete("a1", "nick").await.unwrap());
    assert!(!p.delete("a1", "nick").await.unwrap());
    assert!(!p.delete("a1", "never").await.unwrap());
    assert_eq!(property_rows(&c).await, vec![row("a2", "nick", "bob")]);
}

// ---------------------------------------------------------------------------------------------
// Indexed names and the lookup table

#[tokio::test]
async fn set_indexed_property_creates_its_lookup_row() {
    let (db, store) = store().await;
    let c = db.client().await;
    create_actor(&store, "a1").await;
    let p = store.properties();
    p.set("a1", "email", "a@example.com").await.unwrap();
    p.set("a1", "oauthId", "oa-1").await.unwrap();
    p.set("a1", "externalUserId", "ext-1").await.unwrap();
    assert_eq!(
        lookup_rows(&c).await,
        vec![
            row("email", "a@example.com", "a1"),
            row("externalUserId", "ext-1", "a1"),
            row("oauthId", "oa-1", "a1"),
        ]
    );
    assert_eq!(count(&c, "properties").await, 3);
}

#[tokio::test]
async fn updating_an_indexed_property_replaces_its_lookup_row() {
    let (db, store) = store().await;
    let c = db.client().await;
    create_actor(&store, "a1").await;
    let p = store.properties();
    p.set("a1", "email", "old@example.com").await.unwrap();
    p.set("a1", "email", "new@example.com").await.unwrap();
    assert_eq!(
        lookup_rows(&c).await,
        vec![row("email", "new@example.com", "a1")]
    );
    assert_eq!(
        property_rows(&c).await,
        vec![row("a1", "email", "new@example.com")]
    );
    // Writing the same value again changes nothing.
    p.set("a1", "email", "new@example.com").await.unwrap();
    assert_eq!(
        lookup_rows(&c).await,
        vec![row("email", "new@example.com", "a1")]
    );
}

#[tokio::test]
async fn deleting_an_indexed_property_removes_its_lookup_row() {
    let (db, store) = store().await;
    let c = db.client().await;
    create_actor(&store, "a1").await;
    let p = store.properties();
    p.set("a1", "externalUserId", "ext-1").await.unwrap();
    p.set("a1", "email", "a@example.com").await.unwrap();
    assert!(p.delete("a1", "externalUserId").await.unwrap());
    assert_eq!(
        lookup_rows(&c).await,
        vec![row("email", "a@example.com", "a1")]
    );
    assert_eq!(
        property_rows(&c).await,
        vec![row("a1", "email", "a@example.com")]
    );
}

#[tokio::test]
async fn setting_an_indexed_property_to_empty_removes_its_lookup_row() {
    let (db, store) = store().await;
    let c = db.client().await;
    create_actor(&store, "a1").await;
    let p = store.properties();
    p.set("a1", "email", "a@example.com").await.unwrap();
    p.set_json("a1", "oauthId", &json!("oa-1")).await.unwrap();
    p.set("a1", "email", "").await.unwrap();
    p.set_json("a1", "oauthId", &json!(null)).await.unwrap();
    assert_eq!(count(&c, "property_lookup").await, 0);
    assert_eq!(count(&c, "properties").await, 0);
}

#[tokio::test]
async fn set_non_indexed_property_creates_no_lookup_row() {
    let (db, store) = store().await;
    let c = db.client().await;
    create_actor(&store, "a1").await;
    let p = store.properties();
    p.set("a1", "nick", "alice").await.unwrap();
    p.set("a1", "Email", "case@example.com").await.unwrap();
    assert!(!p.is_indexed("nick"));
    assert!(!p.is_indexed("Email"));
    assert!(p.is_indexed("email"));
    assert_eq!(count(&c, "properties").await, 2);
    assert_eq!(count(&c, "property_lookup").await, 0);
}

#[tokio::test]
async fn list_names_are_never_indexed_even_when_configured() {
    let db = common::TestDb::new().await;
    let config = db
        .config()
        .indexed_properties(["list:tags", "list:tags-#a0", "nick"])
        .unwrap();
    let store = Store::connect(config).await.unwrap();
    let c = db.client().await;
    create_actor(&store, "a1").await;
    let p = store.properties();
    assert!(!p.is_indexed("list:tags"));
    assert!(!p.is_indexed("list:tags-#a0"));
    assert!(p.is_indexed("nick"));
    assert!(
        !p.is_indexed("email"),
        "the configured list replaces the defaults"
    );
    p.set("a1", "list:tags", "meta").await.unwrap();
    p.set("a1", "list:tags-#a0", "item").await.unwrap();
    p.set("a1", "email", "a@example.com").await.unwrap();
    p.set("a1", "nick", "alice").await.unwrap();
    assert_eq!(count(&c, "properties").await, 4);
    assert_eq!(lookup_rows(&c).await, vec![row("nick", "alice", "a1")]);
}

#[tokio::test]
async fn lookup_mode_off_writes_no_lookup_rows_for_indexed_names() {
    let db = common::TestDb::new().await;
    let store = Store::connect(db.config().use_lookup_table(false))
        .await
        .unwrap();
    let c = db.client().await;
    let p = store.properties();
    assert!(!p.is_indexed("email"));
    // No lookup row, so no actor row is needed either.
    p.set("a1", "email", "a@example.com").await.unwrap();
    assert!(
        p.create_if_not_exists("a1", "oauthId", "oa-1")
            .await
            .unwrap()
    );
    assert_eq!(count(&c, "properties").await, 2);
    assert_eq!(count(&c, "property_lookup").await, 0);
}

#[tokio::test]
async fn second_actor_setting_the_same_indexed_value_leaves_the_lookup_with_the_first() {
    let (db, store) = store().await;
    let c = db.client().await;
    create_actor(&store, "a1").await;
    create_actor(&store, "a2").await;
    let p = store.properties();
    p.set("a1", "email", "shared@example.com").await.unwrap();
    p.set("a2", "email", "shared@example.com").await.unwrap();
    assert_eq!(
        property_rows(&c).await,
        vec![
            row("a1", "email", "shared@example.com"),
            row("a2", "email", "shared@example.com"),
        ]
    );
    assert_eq!(
        lookup_rows(&c).await,
        vec![row("email", "shared@example.com", "a1")]
    );
    assert_eq!(
        p.actor_id_by_value("email", "shared@example.com")
            .await
            .unwrap()
            .as_deref(),
        Some("a1")
    );
}

#[tokio::test]
async fn non_owner_changing_or_deleting_a_shared_indexed_value_keeps_the_owner_lookup_row() {
    let (db, store) = store().await;
    let c = db.client().await;
    create_actor(&store, "a1").await;
    create_actor(&store, "a2").await;
    create_actor(&store, "a3").await;
    let p = store.properties();
    p.set("a1", "email", "shared@example.com").await.unwrap();
    p.set("a2", "email", "shared@example.com").await.unwrap();
    p.set("a3", "email", "shared@example.com").await.unwrap();
    p.set("a2", "email", "mine@example.com").await.unwrap();
    assert!(p.delete("a3", "email").await.unwrap());
    assert_eq!(
        lookup_rows(&c).await,
        vec![
            row("email", "mine@example.com", "a2"),
            row("email", "shared@example.com", "a1"),
        ]
    );
    assert_eq!(count(&c, "properties").await, 2);
}

#[tokio::test]
async fn set_indexed_property_for_missing_actor_is_not_found_and_writes_nothing() {
    let (db, store) = store().await;
    let c = db.client().await;
    let p = store.properties();
    assert_err(
        p.set("ghost", "email", "ghost@example.com").await,
        ErrorKind::NotFound,
        "referenced actor does not exist",
    );
    assert_err(
        p.set_json("ghost", "oauthId", &json!(42)).await,
        ErrorKind::NotFound,
        "referenced actor does not exist",
    );
    assert_eq!(count(&c, "properties").await, 0);
    assert_eq!(count(&c, "property_lookup").await, 0);
    assert_eq!(p.get("ghost", "email").await.unwrap(), None);
}

#[tokio::test]
async fn set_indexed_property_for_missing_actor_is_not_found_even_when_another_actor_owns_the_value()
 {
    let (db, store) = store().await;
    let c = db.client().await;
    create_actor(&store, "a1").await;
    let p = store.properties();
    p.set("a1", "email", "shared@example.com").await.unwrap();
    assert_err(
        p.set("ghost", "email", "shared@example.com").await,
        ErrorKind::NotFound,
        "referenced actor does not exist",
    );
    assert_eq!(
        property_rows(&c).await,
        vec![row("a1", "email", "shared@example.com")]
    );
    assert_eq!(
        lookup_rows(&c).await,
        vec![row("email", "shared@example.com", "a1")]
    );
}

#[tokio::test]
async fn set_indexed_value_too_large_for_the_btree_is_invalid_input_and_writes_nothing() {
    let (db, store) = store().await;
    let c = db.client().await;
    create_actor(&store, "a1").await;
    let huge = noise(10_000);
    assert_err(
        store.properties().set("a1", "oauthId", &huge).await,
        INVALID,
        "index row",
    );
    assert_eq!(count(&c, "properties").await, 0);
    assert_eq!(count(&c, "property_lookup").await, 0);
    assert_eq!(store.properties().get("a1", "oauthId").await.unwrap(), None);
}

#[tokio::test]
async fn set_indexed_value_too_large_for_the_btree_keeps_the_previous_value_and_lookup() {
    let (db, store) = store().await;
    let c = db.client().await;
    create_actor(&store, "a1").await;
    let p = store.properties();
    p.set("a1", "oauthId", "oa-1").await.unwrap();
    assert_err(
        p.set("a1", "oauthId", &noise(10_000)).await,
        INVALID,
        "index row",
    );
    assert_eq!(property_rows(&c).await, vec![row("a1", "oauthId", "oa-1")]);
    assert_eq!(lookup_rows(&c).await, vec![row("oauthId", "oa-1", "a1")]);
    assert_eq!(
        p.actor_id_by_value("oauthId", "oa-1")
            .await
            .unwrap()
            .as_deref(),
        Some("a1")
    );
}

#[tokio::test]
async fn conditional_writes_of_an_indexed_value_too_large_for_the_btree_are_invalid_input_and_change_nothing()
 {
    let (db, store) = store().await;
    let c = db.client().await;
    create_actor(&store, "a1").await;
    let p = store.properties();
    p.set("a1", "oauthId", "oa-1").await.unwrap();
    let huge = noise(10_000);
    assert_err(
        p.set_if_value_equals("a1", "oauthId", "oa-1", &huge).await,
        INVALID,
        "index row",
    );
    assert_err(
        p.create_if_not_exists("a1", "email", &huge).await,
        INVALID,
        "index row",
    );
    assert_eq!(property_rows(&c).await, vec![row("a1", "oauthId", "oa-1")]);
    assert_eq!(lookup_rows(&c).await, vec![row("oauthId", "oa-1", "a1")]);
}

#[tokio::test]
async fn set_with_a_name_too_large_for_the_primary_key_is_invalid_input_and_writes_nothing() {
    let (db, store) = store().await;
    let c = db.client().await;
    let p = store.properties();
    let name = noise(10_000);
    assert_err(p.set("a1", &name, "v").await, INVALID, "index row");
    assert_err(
        p.create_if_not_exists("a1", &name, "v").await,
        INVALID,
        "index row",
    );
    assert_eq!(count(&c, "properties").await, 0);
}

#[tokio::test]
async fn set_indexed_value_of_50000_repeated_chars_works_and_reverse_lookup_finds_it() {
    let (db, store) = store().await;
    let c = db.client().await;
    create_actor(&store, "a1").await;
    let p = store.properties();
    let big = "x".repeat(50_000);
    p.set("a1", "oauthId", &big).await.unwrap();
    assert_eq!(
        p.get("a1", "oauthId").await.unwrap().as_deref(),
        Some(&*big)
    );
    assert_eq!(
        p.actor_id_by_value("oauthId", &big)
            .await
            .unwrap()
            .as_deref(),
        Some("a1")
    );
    assert_eq!(lookup_rows(&c).await, vec![row("oauthId", &big, "a1")]);
}

// ---------------------------------------------------------------------------------------------
// actor_id_by_value

#[tokio::test]
async fn actor_id_by_value_finds_the_actor_holding_an_indexed_value() {
    let (_db, store) = store().await;
    create_actor(&store, "a1").await;
    create_actor(&store, "a2").await;
    let p = store.properties();
    p.set("a1", "email", "a@example.com").await.unwrap();
    p.set("a2", "email", "b@example.com").await.unwrap();
    p.set("a2", "oauthId", "a@example.com").await.unwrap();
    assert_eq!(
        p.actor_id_by_value("email", "a@example.com")
            .await
            .unwrap()
            .as_deref(),
        Some("a1")
    );
    assert_eq!(
        p.actor_id_by_value("email", "b@example.com")
            .await
            .unwrap()
            .as_deref(),
        Some("a2")
    );
    assert_eq!(
        p.actor_id_by_value("oauthId", "a@example.com")
            .await
            .unwrap()
            .as_deref(),
        Some("a2")
    );
}

#[tokio::test]
async fn actor_id_by_value_miss_is_none() {
    let (_db, store) = store().await;
    create_actor(&store, "a1").await;
    let p = store.properties();
    p.set("a1", "email", "a@example.com").await.unwrap();
    assert_eq!(
        p.actor_id_by_value("email", "nobody@example.com")
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        p.actor_id_by_value("email", "A@example.com").await.unwrap(),
        None,
        "values are exact text"
    );
    assert_eq!(
        p.actor_id_by_value("oauthId", "a@example.com")
            .await
            .unwrap(),
        None
    );
}

#[tokio::test]
async fn actor_id_by_value_ignores_a_stale_lookup_row_after_the_value_changed_behind_its_back() {
    let (db, store) = store().await;
    let c = db.client().await;
    create_actor(&store, "a1").await;
    let p = store.properties();
    p.set("a1", "email", "old@example.com").await.unwrap();
    c.execute(
        "UPDATE properties SET value = 'new@example.com' WHERE id = 'a1' AND name = 'email'",
        &[],
    )
    .await
    .unwrap();
    assert_eq!(
        p.actor_id_by_value("email", "old@example.com")
            .await
            .unwrap(),
        None
    );
    // The stale row is still there; it just does not count.
    assert_eq!(
        lookup_rows(&c).await,
        vec![row("email", "old@example.com", "a1")]
    );
    // Its deletion behind the facade's back also makes the lookup row not count.
    c.execute("DELETE FROM properties", &[]).await.unwrap();
    c.execute("UPDATE property_lookup SET value = 'new@example.com'", &[])
        .await
        .unwrap();
    assert_eq!(
        p.actor_id_by_value("email", "new@example.com")
            .await
            .unwrap(),
        None
    );
}

#[tokio::test]
async fn actor_id_by_value_for_a_non_indexed_name_is_invalid_input() {
    let (_db, store) = store().await;
    create_actor(&store, "a1").await;
    let p = store.properties();
    p.set("a1", "nick", "alice").await.unwrap();
    assert_err(
        p.actor_id_by_value("nick", "alice").await,
        INVALID,
        "invalid property name: \"nick\" is not an indexed property",
    );
    assert_err(
        p.actor_id_by_value("list:email", "x").await,
        INVALID,
        "is not an indexed property",
    );
}

#[tokio::test]
async fn actor_id_by_value_with_lookup_mode_off_scans_by_name_and_value() {
    let db = common::TestDb::new().await;
    let store = Store::connect(db.config().use_lookup_table(false))
        .await
        .unwrap();
    let c = db.client().await;
    let p = store.properties();
    p.set("b2", "email", "v@example.com").await.unwrap();
    p.set("a1", "email", "v@example.com").await.unwrap();
    p.set("c3", "nick", "v@example.com").await.unwrap();
    p.set("c3", "nick2", "other").await.unwrap();
    assert_eq!(count(&c, "property_lookup").await, 0);
    // Two holders: the smallest actor id wins.
    assert_eq!(
        p.actor_id_by_value("email", "v@example.com")
            .await
            .unwrap()
            .as_deref(),
        Some("a1")
    );
    // Any name can be scanned, and other names with the same value do not match.
    assert_eq!(
        p.actor_id_by_value("nick", "v@example.com")
            .await
            .unwrap()
            .as_deref(),
        Some("c3")
    );
    assert_eq!(
        p.actor_id_by_value("oauthId", "v@example.com")
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        p.actor_id_by_value("nick2", "v@example.com").await.unwrap(),
        None
    );
}

// ---------------------------------------------------------------------------------------------
// Ranges

/// Seeds the rows of the reference's range tests (spec §6 cases 1-4) for actor `a1`, plus a row
/// of another actor that falls in the same range.
async fn seed_list_foo(c: &Client) {
    for (name, value) in [
        ("list:foo-#a0", "v0"),
        ("list:foo-#a1", "v1"),
        ("list:foo-0", "legacy"),
        ("list:foo-meta", "{}"),
        ("list:foo-x-#a0", "sibling"),
        ("unrelated", "u"),
    ] {
        raw_insert(c, "a1", name, value).await;
    }
    raw_insert(c, "a2", "list:foo-#b0", "theirs").await;
}

#[tokio::test]
async fn get_range_returns_only_the_list_items_in_range() {
    let (db, store) = store().await;
    let c = db.client().await;
    seed_list_foo(&c).await;
    assert_eq!(
        store
            .properties()
            .get_range("a1", "list:foo-#", "list:foo-$")
            .await
            .unwrap(),
        map(&[("list:foo-#a0", "v0"), ("list:foo-#a1", "v1")])
    );
}

#[tokio::test]
async fn get_range_excludes_a_sibling_list_sharing_the_prefix() {
    let (db, store) = store().await;
    let c = db.client().await;
    seed_list_foo(&c).await;
    let got = store
        .properties()
        .get_range("a1", "list:foo-#", "list:foo-$")
        .await
        .unwrap();
    assert!(!got.contains_key("list:foo-x-#a0"));
    assert_eq!(
        store
            .properties()
            .get_range("a1", "list:foo-x-#", "list:foo-x-$")
            .await
            .unwrap(),
        map(&[("list:foo-x-#a0", "sibling")])
    );
}

#[tokio::test]
async fn names_in_range_returns_just_the_names() {
    let (db, store) = store().await;
    let c = db.client().await;
    seed_list_foo(&c).await;
    assert_eq!(
        store
            .properties()
            .names_in_range("a1", "list:foo-#", "list:foo-$")
            .await
            .unwrap(),
        set_of(&["list:foo-#a0", "list:foo-#a1"])
    );
}

#[tokio::test]
async fn an_empty_range_returns_nothing() {
    let (db, store) = store().await;
    let c = db.client().await;
    seed_list_foo(&c).await;
    let p = store.properties();
    assert_eq!(
        p.get_range("a1", "list:bar-#", "list:bar-$").await.unwrap(),
        BTreeMap::new()
    );
    assert_eq!(
        p.names_in_range("a1", "list:bar-#", "list:bar-$")
            .await
            .unwrap(),
        BTreeSet::new()
    );
    // Upper below lower, and an actor without rows.
    assert_eq!(
        p.get_range("a1", "list:foo-$", "list:foo-#").await.unwrap(),
        BTreeMap::new()
    );
    assert_eq!(
        p.get_range("nobody", "", "\u{10ffff}").await.unwrap(),
        BTreeMap::new()
    );
}

#[tokio::test]
async fn get_range_bounds_are_inclusive_and_compare_bytewise() {
    let (db, store) = store().await;
    let c = db.client().await;
    for name in ["list:x-#A", "list:x-#Z", "list:x-#a", "list:x-#é"] {
        raw_insert(&c, "a1", name, name).await;
    }
    let p = store.properties();
    // Bytewise 'a' (0x61) lies above 'Z' (0x5A); in a locale order it would lie between A and Z.
    assert_eq!(
        p.names_in_range("a1", "list:x-#A", "list:x-#Z")
            .await
            .unwrap(),
        set_of(&["list:x-#A", "list:x-#Z"])
    );
    assert_eq!(
        p.get_range("a1", "list:x-#Z", "list:x-#Z").await.unwrap(),
        map(&[("list:x-#Z", "list:x-#Z")])
    );
    // 'é' (0xC3 0xA9) lies above every ASCII byte.
    assert_eq!(
        p.names_in_range("a1", "list:x-#b", "list:x-#\u{ff}")
            .await
            .unwrap(),
        set_of(&["list:x-#é"])
    );
    // The empty string is a valid lower bound.
    assert_eq!(
        p.get_range("a1", "", "list:x-#A").await.unwrap(),
        map(&[("list:x-#A", "list:x-#A")])
    );
}

#[tokio::test]
async fn get_last_in_range_returns_the_greatest_name() {
    let (db, store) = store().await;
    let c = db.client().await;
    for name in ["list:n-#a1", "list:n-#a0", "list:n-#a2", "list:n-meta"] {
        raw_insert(&c, "a1", name, "v").await;
    }
    raw_insert(&c, "a2", "list:n-#a9", "v").await;
    assert_eq!(
        store
            .properties()
            .get_last_in_range("a1", "list:n-#", "list:n-$")
            .await
            .unwrap()
            .as_deref(),
        Some("list:n-#a2")
    );
}

#[tokio::test]
async fn get_last_in_range_over_an_empty_range_is_none() {
    let (db, store) = store().await;
    let c = db.client().await;
    raw_insert(&c, "a1", "list:n-meta", "v").await;
    let p = store.properties();
    assert_eq!(
        p.get_last_in_range("a1", "list:n-#", "list:n-$")
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        p.get_last_in_range("nobody", "", "zzz").await.unwrap(),
        None
    );
}

#[tokio::test]
async fn get_last_in_range_uses_byte_order_not_locale_order() {
    let (db, store) = store().await;
    let c = db.client().await;
    raw_insert(&c, "a1", "list:x-#Z", "v").await;
    raw_insert(&c, "a1", "list:x-#a", "v").await;
    raw_insert(&c, "a1", "list:g-#a", "v").await;
    raw_insert(&c, "a1", "list:g-#é", "v").await;
    raw_insert(&c, "a1", "list:g-#z", "v").await;
    let p = store.properties();
    assert_eq!(
        p.get_last_in_range("a1", "list:x-#", "list:x-$")
            .await
            .unwrap()
            .as_deref(),
        Some("list:x-#a")
    );
    assert_eq!(
        p.get_last_in_range("a1", "list:g-#", "list:g-$")
            .await
            .unwrap()
            .as_deref(),
        Some("list:g-#é")
    );
}

// ---------------------------------------------------------------------------------------------
// create_if_not_exists

#[tokio::test]
async fn create_if_not_exists_creates_an_absent_property() {
    let (db, store) = store().await;
    let c = db.client().await;
    let p = store.properties();
    assert!(
        p.create_if_not_exists("a1", "lock", "owner-1")
            .await
            .unwrap()
    );
    assert_eq!(
        p.get("a1", "lock").await.unwrap().as_deref(),
        Some("owner-1")
    );
    assert_eq!(property_rows(&c).await, vec![row("a1", "lock", "owner-1")]);
}

#[tokio::test]
async fn create_if_not_exists_on_an_existing_property_is_false_and_changes_nothing() {
    let (db, store) = store().await;
    let c = db.client().await;
    let p = store.properties();
    assert!(
        p.create_if_not_exists("a1", "lock", "owner-1")
            .await
            .unwrap()
    );
    assert!(
        !p.create_if_not_exists("a1", "lock", "owner-2")
            .await
            .unwrap()
    );
    assert!(
        !p.create_if_not_exists("a1", "lock", "owner-1")
            .await
            .unwrap()
    );
    assert_eq!(property_rows(&c).await, vec![row("a1", "lock", "owner-1")]);
}

#[tokio::test]
async fn create_if_not_exists_with_an_empty_value_is_invalid_input_and_writes_nothing() {
    let (db, store) = store().await;
    let c = db.client().await;
    assert_err(
        store
            .properties()
            .create_if_not_exists("a1", "lock", "")
            .await,
        INVALID,
        "invalid value: must not be empty",
    );
    assert_eq!(count(&c, "properties").await, 0);
}

#[tokio::test]
async fn create_if_not_exists_of_an_indexed_name_maintains_the_lookup_table() {
    let (db, store) = store().await;
    let c = db.client().await;
    create_actor(&store, "a1").await;
    create_actor(&store, "a2").await;
    let p = store.properties();
    assert!(
        p.create_if_not_exists("a1", "email", "a@example.com")
            .await
            .unwrap()
    );
    assert_eq!(
        lookup_rows(&c).await,
        vec![row("email", "a@example.com", "a1")]
    );
    // Not created: the lookup table is left as it is.
    assert!(
        !p.create_if_not_exists("a1", "email", "other@example.com")
            .await
            .unwrap()
    );
    // Another actor creating the same value: first writer keeps the lookup row.
    assert!(
        p.create_if_not_exists("a2", "email", "a@example.com")
            .await
            .unwrap()
    );
    assert_eq!(
        lookup_rows(&c).await,
        vec![row("email", "a@example.com", "a1")]
    );
    assert_eq!(
        property_rows(&c).await,
        vec![
            row("a1", "email", "a@example.com"),
            row("a2", "email", "a@example.com"),
        ]
    );
    assert_eq!(
        p.actor_id_by_value("email", "a@example.com")
            .await
            .unwrap()
            .as_deref(),
        Some("a1")
    );
}

#[tokio::test]
async fn create_if_not_exists_of_an_indexed_name_for_a_missing_actor_is_not_found_and_writes_nothing()
 {
    let (db, store) = store().await;
    let c = db.client().await;
    assert_err(
        store
            .properties()
            .create_if_not_exists("ghost", "email", "g@example.com")
            .await,
        ErrorKind::NotFound,
        "referenced actor does not exist",
    );
    assert_eq!(count(&c, "properties").await, 0);
    assert_eq!(count(&c, "property_lookup").await, 0);
}

// ---------------------------------------------------------------------------------------------
// set_if_value_equals / delete_if_value_equals

#[tokio::test]
async fn delete_if_value_equals_deletes_only_on_the_exact_value() {
    let (db, store) = store().await;
    let c = db.client().await;
    let p = store.properties();
    p.set("a1", "lock", "owner-1").await.unwrap();
    assert!(
        !p.delete_if_value_equals("a1", "lock", "owner-2")
            .await
            .unwrap()
    );
    assert!(
        !p.delete_if_value_equals("a1", "lock", "OWNER-1")
            .await
            .unwrap()
    );
    assert_eq!(property_rows(&c).await, vec![row("a1", "lock", "owner-1")]);
    assert!(
        p.delete_if_value_equals("a1", "lock", "owner-1")
            .await
            .unwrap()
    );
    assert_eq!(count(&c, "properties").await, 0);
}

#[tokio::test]
async fn delete_if_value_equals_on_a_missing_row_is_false() {
    let (db, store) = store().await;
    let c = db.client().await;
    let p = store.properties();
    p.set("a2", "lock", "v").await.unwrap();
    assert!(!p.delete_if_value_equals("a1", "lock", "v").await.unwrap());
    assert_eq!(property_rows(&c).await, vec![row("a2", "lock", "v")]);
}

#[tokio::test]
async fn delete_if_value_equals_with_a_stale_read_keeps_the_newer_value() {
    let (db, store) = store().await;
    let c = db.client().await;
    let p = store.properties();
    p.set("a1", "lock", "v1").await.unwrap();
    let read = p.get("a1", "lock").await.unwrap().unwrap();
    p.set("a1", "lock", "v2").await.unwrap();
    assert!(!p.delete_if_value_equals("a1", "lock", &read).await.unwrap());
    assert_eq!(property_rows(&c).await, vec![row("a1", "lock", "v2")]);
}

#[tokio::test]
async fn set_if_value_equals_swaps_only_on_the_exact_expected_value() {
    let (db, store) = store().await;
    let c = db.client().await;
    let p = store.properties();
    p.set("a1", "counter", "1").await.unwrap();
    assert!(
        !p.set_if_value_equals("a1", "counter", "0", "2")
            .await
            .unwrap()
    );
    assert_eq!(property_rows(&c).await, vec![row("a1", "counter", "1")]);
    assert!(
        p.set_if_value_equals("a1", "counter", "1", "2")
            .await
            .unwrap()
    );
    assert_eq!(property_rows(&c).await, vec![row("a1", "counter", "2")]);
}

#[tokio::test]
async fn set_if_value_equals_on_a_missing_row_is_false_and_creates_nothing() {
    let (db, store) = store().await;
    let c = db.client().await;
    let p = store.properties();
    assert!(
        !p.set_if_value_equals("a1", "counter", "", "1")
            .await
            .unwrap()
    );
    assert!(
        !p.set_if_value_equals("a1", "counter", "0", "1")
            .await
            .unwrap()
    );
    assert_eq!(count(&c, "properties").await, 0);
}

#[tokio::test]
async fn set_if_value_equals_after_a_concurrent_overwrite_is_false_and_keeps_the_other_value() {
    let (db, store) = store().await;
    let c = db.client().await;
    let p = store.properties();
    p.set("a1", "state", "v1").await.unwrap();
    let read = p.get("a1", "state").await.unwrap().unwrap();
    // Another writer gets in between the read and the swap.
    c.execute(
        "UPDATE properties SET value = 'theirs' WHERE id = 'a1' AND name = 'state'",
        &[],
    )
    .await
    .unwrap();
    assert!(
        !p.set_if_value_equals("a1", "state", &read, "mine")
            .await
            .unwrap()
    );
    assert_eq!(property_rows(&c).await, vec![row("a1", "state", "theirs")]);
}

#[tokio::test]
async fn set_if_value_equals_on_an_indexed_name_moves_the_lookup_row() {
    let (db, store) = store().await;
    let c = db.client().await;
    create_actor(&store, "a1").await;
    let p = store.properties();
    p.set("a1", "email", "old@example.com").await.unwrap();
    // A miss leaves property and lookup as they are.
    assert!(
        !p.set_if_value_equals("a1", "email", "wrong@example.com", "new@example.com")
            .await
            .unwrap()
    );
    assert_eq!(
        lookup_rows(&c).await,
        vec![row("email", "old@example.com", "a1")]
    );
    assert!(
        p.set_if_value_equals("a1", "email", "old@example.com", "new@example.com")
            .await
            .unwrap()
    );
    assert_eq!(
        lookup_rows(&c).await,
        vec![row("email", "new@example.com", "a1")]
    );
    assert_eq!(
        property_rows(&c).await,
        vec![row("a1", "email", "new@example.com")]
    );
    assert_eq!(
        p.actor_id_by_value("email", "new@example.com")
            .await
            .unwrap()
            .as_deref(),
        Some("a1")
    );
    assert_eq!(
        p.actor_id_by_value("email", "old@example.com")
            .await
            .unwrap(),
        None
    );
}

#[tokio::test]
async fn set_if_value_equals_on_an_indexed_name_of_a_missing_actor_is_not_found_and_changes_nothing()
 {
    let (db, store) = store().await;
    let c = db.client().await;
    raw_insert(&c, "ghost", "email", "old@example.com").await;
    assert_err(
        store
            .properties()
            .set_if_value_equals("ghost", "email", "old@example.com", "new@example.com")
            .await,
        ErrorKind::NotFound,
        "referenced actor does not exist",
    );
    assert_eq!(
        property_rows(&c).await,
        vec![row("ghost", "email", "old@example.com")]
    );
    assert_eq!(count(&c, "property_lookup").await, 0);
}

#[tokio::test]
async fn set_if_value_equals_to_an_empty_value_on_an_indexed_name_leaves_no_empty_lookup_row() {
    let (db, store) = store().await;
    let c = db.client().await;
    create_actor(&store, "a1").await;
    let p = store.properties();
    p.set("a1", "email", "a@example.com").await.unwrap();
    // As in the reference, the conditional set has no empty-means-delete rule: "" is stored.
    assert!(
        p.set_if_value_equals("a1", "email", "a@example.com", "")
            .await
            .unwrap()
    );
    assert_eq!(property_rows(&c).await, vec![row("a1", "email", "")]);
    // The old value's lookup row is gone and no row for the empty value is claimed, as when
    // `set("")` empties an indexed property.
    assert_eq!(lookup_rows(&c).await, Vec::<Row3>::new());
    assert_eq!(p.actor_id_by_value("email", "").await.unwrap(), None);
}

#[tokio::test]
async fn delete_if_value_equals_on_an_indexed_name_removes_the_lookup_row_only_on_a_hit() {
    let (db, store) = store().await;
    let c = db.client().await;
    create_actor(&store, "a1").await;
    create_actor(&store, "a2").await;
    let p = store.properties();
    p.set("a1", "oauthId", "oa-1").await.unwrap();
    p.set("a2", "oauthId", "oa-2").await.unwrap();
    assert!(
        !p.delete_if_value_equals("a1", "oauthId", "oa-2")
            .await
            .unwrap()
    );
    assert_eq!(
        lookup_rows(&c).await,
        vec![row("oauthId", "oa-1", "a1"), row("oauthId", "oa-2", "a2")]
    );
    assert!(
        p.delete_if_value_equals("a1", "oauthId", "oa-1")
            .await
            .unwrap()
    );
    assert_eq!(lookup_rows(&c).await, vec![row("oauthId", "oa-2", "a2")]);
    assert_eq!(property_rows(&c).await, vec![row("a2", "oauthId", "oa-2")]);
}

// ---------------------------------------------------------------------------------------------
// batch_delete

#[tokio::test]
async fn batch_delete_returns_the_count_and_ignores_unknown_names() {
    let (db, store) = store().await;
    let c = db.client().await;
    let p = store.properties();
    for name in ["a", "b", "c"] {
        p.set("a1", name, "v").await.unwrap();
    }
    p.set("a2", "a", "v").await.unwrap();
    assert_eq!(
        p.batch_delete("a1", &["a", "b", "nope", "b"])
            .await
            .unwrap(),
        2
    );
    assert_eq!(
        property_rows(&c).await,
        vec![row("a1", "c", "v"), row("a2", "a", "v")]
    );
    assert_eq!(p.batch_delete("a1", &["a", "b"]).await.unwrap(), 0);
}

#[tokio::test]
async fn batch_delete_of_an_empty_list_is_zero_and_deletes_nothing() {
    let (db, store) = store().await;
    let c = db.client().await;
    let p = store.properties();
    p.set("a1", "a", "v").await.unwrap();
    assert_eq!(p.batch_delete("a1", &[]).await.unwrap(), 0);
    assert_eq!(property_rows(&c).await, vec![row("a1", "a", "v")]);
}

#[tokio::test]
async fn batch_delete_removes_the_actor_lookup_rows_of_indexed_names() {
    let (db, store) = store().await;
    let c = db.client().await;
    create_actor(&store, "a1").await;
    create_actor(&store, "a2").await;
    let p = store.properties();
    p.set("a1", "email", "a@example.com").await.unwrap();
    p.set("a1", "oauthId", "oa-1").await.unwrap();
    p.set("a1", "nick", "alice").await.unwrap();
    p.set("a2", "oauthId", "oa-2").await.unwrap();
    p.set("a2", "email", "a@example.com").await.unwrap();
    assert_eq!(
        p.batch_delete("a1", &["email", "nick", "externalUserId"])
            .await
            .unwrap(),
        2
    );
    // a1 gave the shared email up: its lookup row went to a2, which still holds it.
    assert_eq!(
        lookup_rows(&c).await,
        vec![
            row("email", "a@example.com", "a2"),
            row("oauthId", "oa-1", "a1"),
            row("oauthId", "oa-2", "a2"),
        ]
    );
    assert_eq!(
        property_rows(&c).await,
        vec![
            row("a1", "oauthId", "oa-1"),
            row("a2", "email", "a@example.com"),
            row("a2", "oauthId", "oa-2"),
        ]
    );
    // a2, the last holder, deleting it leaves no lookup row for it.
    assert_eq!(p.batch_delete("a2", &["email"]).await.unwrap(), 1);
    assert_eq!(count(&c, "property_lookup").await, 2);
}

#[tokio::test]
async fn batch_delete_of_a_55_item_list_removes_every_row() {
    let (db, store) = store().await;
    let c = db.client().await;
    let p = store.properties();
    let names: Vec<String> = (0..55).map(|i| format!("list:notes-#a{i:02}")).collect();
    for name in &names {
        p.set("a1", name, &format!("item {name}")).await.unwrap();
    }
    p.set("a1", "list:notes-meta", "{}").await.unwrap();
    p.set("a1", "nick", "alice").await.unwrap();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    assert_eq!(p.batch_delete("a1", &refs).await.unwrap(), 55);
    assert_eq!(
        property_rows(&c).await,
        vec![
            row("a1", "list:notes-meta", "{}"),
            row("a1", "nick", "alice")
        ]
    );
    assert_eq!(
        p.names_in_range("a1", "list:notes-#", "list:notes-$")
            .await
            .unwrap(),
        BTreeSet::new()
    );
}

// ---------------------------------------------------------------------------------------------
// fetch / fetch_all_including_lists / delete_all

#[tokio::test]
async fn fetch_excludes_list_rows_but_keeps_list_listen_and_uppercase_list_names() {
    let (db, store) = store().await;
    let c = db.client().await;
    for (name, value) in [
        ("list", "l"),
        ("listen", "le"),
        ("LIST:x", "upper"),
        ("list_x", "underscore"),
        ("nick", "alice"),
        ("list:x", "meta"),
        ("list:x-#a0", "item"),
        ("list:", "bare"),
    ] {
        raw_insert(&c, "a1", name, value).await;
    }
    raw_insert(&c, "a2", "other", "o").await;
    assert_eq!(
        store.properties().fetch("a1").await.unwrap(),
        map(&[
            ("LIST:x", "upper"),
            ("list", "l"),
            ("list_x", "underscore"),
            ("listen", "le"),
            ("nick", "alice"),
        ])
    );
}

#[tokio::test]
async fn fetch_of_an_actor_with_only_list_rows_or_no_rows_is_empty() {
    let (db, store) = store().await;
    let c = db.client().await;
    for i in 0..20 {
        raw_insert(&c, "a1", &format!("list:notes-#a{i:02}"), "item").await;
    }
    raw_insert(&c, "a1", "list:notes-meta", "{}").await;
    let p = store.properties();
    assert_eq!(p.fetch("a1").await.unwrap(), BTreeMap::new());
    assert_eq!(p.fetch("nobody").await.unwrap(), BTreeMap::new());
}

#[tokio::test]
async fn fetch_all_including_lists_returns_plain_and_list_rows() {
    let (db, store) = store().await;
    let c = db.client().await;
    for (name, value) in [
        ("nick", "alice"),
        ("list", "l"),
        ("list:notes-meta", "{}"),
        ("list:notes-#a0", "first"),
        ("list:notes-#a1", "second"),
    ] {
        raw_insert(&c, "a1", name, value).await;
    }
    raw_insert(&c, "a2", "nick", "bob").await;
    let p = store.properties();
    assert_eq!(
        p.fetch_all_including_lists("a1").await.unwrap(),
        map(&[
            ("list", "l"),
            ("list:notes-#a0", "first"),
            ("list:notes-#a1", "second"),
            ("list:notes-meta", "{}"),
            ("nick", "alice"),
        ])
    );
    assert_eq!(
        p.fetch_all_including_lists("nobody").await.unwrap(),
        BTreeMap::new()
    );
}

#[tokio::test]
async fn delete_all_removes_every_row_and_lookup_row_of_the_actor_only() {
    let (db, store) = store().await;
    let c = db.client().await;
    create_actor(&store, "a1").await;
    create_actor(&store, "a2").await;
    let p = store.properties();
    p.set("a1", "email", "a@example.com").await.unwrap();
    p.set("a1", "oauthId", "oa-1").await.unwrap();
    p.set("a1", "nick", "alice").await.unwrap();
    p.set("a1", "list:x-#a0", "item").await.unwrap();
    p.set("a2", "email", "b@example.com").await.unwrap();
    p.set("a2", "nick", "bob").await.unwrap();
    assert_eq!(p.delete_all("a1").await.unwrap(), 4);
    assert_eq!(
        property_rows(&c).await,
        vec![
            row("a2", "email", "b@example.com"),
            row("a2", "nick", "bob")
        ]
    );
    assert_eq!(
        lookup_rows(&c).await,
        vec![row("email", "b@example.com", "a2")]
    );
    assert_eq!(p.delete_all("a1").await.unwrap(), 0);
    assert_eq!(p.delete_all("nobody").await.unwrap(), 0);
    assert_eq!(count(&c, "properties").await, 2);
}

#[tokio::test]
async fn delete_all_of_a_non_owner_preserves_the_owner_shared_value_lookup_row() {
    let (db, store) = store().await;
    let c = db.client().await;
    create_actor(&store, "owner").await;
    create_actor(&store, "other").await;
    let p = store.properties();
    p.set("owner", "email", "shared@example.com").await.unwrap();
    p.set("other", "email", "shared@example.com").await.unwrap();
    p.set("other", "oauthId", "oa-other").await.unwrap();
    assert_eq!(p.delete_all("other").await.unwrap(), 2);
    assert_eq!(
        lookup_rows(&c).await,
        vec![row("email", "shared@example.com", "owner")]
    );
    assert_eq!(
        property_rows(&c).await,
        vec![row("owner", "email", "shared@example.com")]
    );
    assert_eq!(
        p.actor_id_by_value("email", "shared@example.com")
            .await
            .unwrap()
            .as_deref(),
        Some("owner")
    );
}

// ---------------------------------------------------------------------------------------------
// Bad input: refused before any statement, nothing written

/// Actor `a1` with an indexed and a plain property; returns the rows to compare against.
async fn seed_for_bad_input(store: &Store, c: &Client) -> (Vec<Row3>, Vec<Row3>) {
    create_actor(store, "a1").await;
    let p = store.properties();
    p.set("a1", "email", "a@example.com").await.unwrap();
    p.set("a1", "nick", "alice").await.unwrap();
    let before = (property_rows(c).await, lookup_rows(c).await);
    assert_eq!(before.0.len(), 2);
    assert_eq!(before.1.len(), 1);
    before
}

/// Calls every method that takes an actor id with `actor_id`; each must be an
/// [`ErrorKind::InvalidInput`] whose message contains `needle`.
async fn assert_every_actor_id_method_refuses(p: &Properties<'_>, actor_id: &str, needle: &str) {
    assert_err(p.get(actor_id, "email").await, INVALID, needle);
    assert_err(
        p.set(actor_id, "email", "x@example.com").await,
        INVALID,
        needle,
    );
    assert_err(p.set(actor_id, "nick", "x").await, INVALID, needle);
    assert_err(p.set(actor_id, "email", "").await, INVALID, needle);
    assert_err(
        p.set_json(actor_id, "email", &json!(5)).await,
        INVALID,
        needle,
    );
    assert_err(
        p.set_json(actor_id, "email", &json!(null)).await,
        INVALID,
        needle,
    );
    assert_err(p.delete(actor_id, "email").await, INVALID, needle);
    assert_err(p.get_range(actor_id, "", "zzz").await, INVALID, needle);
    assert_err(p.names_in_range(actor_id, "", "zzz").await, INVALID, needle);
    assert_err(
        p.get_last_in_range(actor_id, "", "zzz").await,
        INVALID,
        needle,
    );
    assert_err(
        p.create_if_not_exists(actor_id, "email", "x@example.com")
            .await,
        INVALID,
        needle,
    );
    assert_err(
        p.set_if_value_equals(actor_id, "email", "a@example.com", "x@example.com")
            .await,
        INVALID,
        needle,
    );
    assert_err(
        p.delete_if_value_equals(actor_id, "email", "a@example.com")
            .await,
        INVALID,
        needle,
    );
    assert_err(
        p.batch_delete(actor_id, &["email", "nick"]).await,
        INVALID,
        needle,
    );
    assert_err(p.batch_delete(actor_id, &[]).await, INVALID, needle);
    assert_err(p.fetch(actor_id).await, INVALID, needle);
    assert_err(p.fetch_all_including_lists(actor_id).await, INVALID, needle);
    assert_err(p.delete_all(actor_id).await, INVALID, needle);
}

/// Calls every method that takes a property name with `name` (for actor `a1`); each must be an
/// [`ErrorKind::InvalidInput`] whose message contains `needle`.
async fn assert_every_name_method_refuses(p: &Properties<'_>, name: &str, needle: &str) {
    assert_err(p.get("a1", name).await, INVALID, needle);
    assert_err(p.set("a1", name, "x").await, INVALID, needle);
    assert_err(p.set("a1", name, "").await, INVALID, needle);
    assert_err(p.set_json("a1", name, &json!([1])).await, INVALID, needle);
    assert_err(p.set_json("a1", name, &json!(null)).await, INVALID, needle);
    assert_err(p.delete("a1", name).await, INVALID, needle);
    assert_err(
        p.actor_id_by_value(name, "a@example.com").await,
        INVALID,
        needle,
    );
    assert_err(
        p.create_if_not_exists("a1", name, "x").await,
        INVALID,
        needle,
    );
    assert_err(
        p.set_if_value_equals("a1", name, "x", "y").await,
        INVALID,
        needle,
    );
    assert_err(
        p.delete_if_value_equals("a1", name, "x").await,
        INVALID,
        needle,
    );
    assert_err(p.batch_delete("a1", &[name]).await, INVALID, needle);
    // One bad name refuses the whole batch: the good names before it are not deleted.
    assert_err(
        p.batch_delete("a1", &["nick", "email", name]).await,
        INVALID,
        needle,
    );
}

#[tokio::test]
async fn nul_byte_in_actor_id_is_invalid_input_for_every_method_and_writes_nothing() {
    let (db, store) = store().await;
    let c = db.client().await;
    let before = seed_for_bad_input(&store, &c).await;
    assert_every_actor_id_method_refuses(
        &store.properties(),
        "a1\0",
        "invalid actor id: contains a NUL byte",
    )
    .await;
    assert_eq!((property_rows(&c).await, lookup_rows(&c).await), before);
}

#[tokio::test]
async fn actor_id_of_256_chars_is_invalid_input_for_every_method_and_writes_nothing() {
    let (db, store) = store().await;
    let c = db.client().await;
    let before = seed_for_bad_input(&store, &c).await;
    let p = store.properties();
    assert_every_actor_id_method_refuses(
        &p,
        &"a".repeat(256),
        "invalid actor id: is 256 characters long; the column holds at most 255",
    )
    .await;
    // Characters are counted, not bytes.
    assert_every_actor_id_method_refuses(&p, &"é".repeat(256), "at most 255").await;
    assert_eq!((property_rows(&c).await, lookup_rows(&c).await), before);
}

#[tokio::test]
async fn empty_actor_id_is_invalid_input_for_every_method_and_writes_nothing() {
    let (db, store) = store().await;
    let c = db.client().await;
    let before = seed_for_bad_input(&store, &c).await;
    assert_every_actor_id_method_refuses(
        &store.properties(),
        "",
        "invalid actor id: must not be empty",
    )
    .await;
    assert_eq!((property_rows(&c).await, lookup_rows(&c).await), before);
}

#[tokio::test]
async fn actor_id_of_255_chars_works_for_every_method() {
    let (db, store) = store().await;
    let c = db.client().await;
    for id in ["a".repeat(255), "é".repeat(255)] {
        create_actor(&store, &id).await;
        let p = store.properties();
        p.set(&id, "email", &format!("{id}@example.com"))
            .await
            .unwrap();
        p.set_json(&id, "count", &json!(1)).await.unwrap();
        assert!(p.create_if_not_exists(&id, "lock", "l").await.unwrap());
        assert!(p.set_if_value_equals(&id, "count", "1", "2").await.unwrap());
        assert_eq!(p.get(&id, "count").await.unwrap().as_deref(), Some("2"));
        assert_eq!(
            p.actor_id_by_value("email", &format!("{id}@example.com"))
                .await
                .unwrap(),
            Some(id.clone())
        );
        assert_eq!(
            p.fetch(&id).await.unwrap(),
            map(&[
                ("count", "2"),
                ("email", &format!("{id}@example.com")),
                ("lock", "l"),
            ])
        );
        assert_eq!(p.fetch_all_including_lists(&id).await.unwrap().len(), 3);
        assert_eq!(
            p.names_in_range(&id, "a", "d").await.unwrap(),
            set_of(&["count"])
        );
        assert_eq!(
            p.get_last_in_range(&id, "", "z").await.unwrap().as_deref(),
            Some("lock")
        );
        assert_eq!(
            p.get_range(&id, "l", "m").await.unwrap(),
            map(&[("lock", "l")])
        );
        assert!(p.delete_if_value_equals(&id, "lock", "l").await.unwrap());
        assert!(p.delete(&id, "count").await.unwrap());
        assert_eq!(p.batch_delete(&id, &["nothing"]).await.unwrap(), 0);
        assert_eq!(count(&c, "property_lookup").await, 1);
        assert_eq!(p.delete_all(&id).await.unwrap(), 1);
        assert_eq!(count(&c, "properties").await, 0);
        assert_eq!(count(&c, "property_lookup").await, 0);
    }
}

#[tokio::test]
async fn nul_byte_in_name_is_invalid_input_for_every_method_and_writes_nothing() {
    let (db, store) = store().await;
    let c = db.client().await;
    let before = seed_for_bad_input(&store, &c).await;
    assert_every_name_method_refuses(
        &store.properties(),
        "email\0",
        "invalid property name: contains a NUL byte",
    )
    .await;
    assert_eq!((property_rows(&c).await, lookup_rows(&c).await), before);
}

#[tokio::test]
async fn empty_name_is_invalid_input_for_every_method_and_writes_nothing() {
    let (db, store) = store().await;
    let c = db.client().await;
    let before = seed_for_bad_input(&store, &c).await;
    assert_every_name_method_refuses(
        &store.properties(),
        "",
        "invalid property name: must not be empty",
    )
    .await;
    assert_eq!((property_rows(&c).await, lookup_rows(&c).await), before);
}

#[tokio::test]
async fn nul_byte_in_a_value_or_bound_is_invalid_input_for_every_method_and_writes_nothing() {
    let (db, store) = store().await;
    let c = db.client().await;
    let before = seed_for_bad_input(&store, &c).await;
    let p = store.properties();
    let nul_value = "invalid value: contains a NUL byte";
    assert_err(
        p.set("a1", "email", "b@example.com\0").await,
        INVALID,
        nul_value,
    );
    assert_err(p.set("a1", "fresh", "\0").await, INVALID, nul_value);
    assert_err(
        p.set_json("a1", "email", &json!("b\0@example.com")).await,
        INVALID,
        nul_value,
    );
    assert_err(
        p.create_if_not_exists("a1", "oauthId", "oa\0").await,
        INVALID,
        nul_value,
    );
    assert_err(
        p.set_if_value_equals("a1", "email", "a@example.com", "b\0")
            .await,
        INVALID,
        nul_value,
    );
    assert_err(
        p.set_if_value_equals("a1", "email", "a@example.com\0", "b@example.com")
            .await,
        INVALID,
        "invalid expected: contains a NUL byte",
    );
    assert_err(
        p.delete_if_value_equals("a1", "email", "a@example.com\0")
            .await,
        INVALID,
        nul_value,
    );
    assert_err(
        p.actor_id_by_value("email", "a@example.com\0").await,
        INVALID,
        nul_value,
    );
    let nul_lower = "invalid lower: contains a NUL byte";
    let nul_upper = "invalid upper: contains a NUL byte";
    assert_err(p.get_range("a1", "a\0", "z").await, INVALID, nul_lower);
    assert_err(p.get_range("a1", "a", "z\0").await, INVALID, nul_upper);
    assert_err(p.names_in_range("a1", "\0", "z").await, INVALID, nul_lower);
    assert_err(p.names_in_range("a1", "a", "\0").await, INVALID, nul_upper);
    assert_err(
        p.get_last_in_range("a1", "a\0", "z").await,
        INVALID,
        nul_lower,
    );
    assert_err(
        p.get_last_in_range("a1", "a", "z\0").await,
        INVALID,
        nul_upper,
    );
    assert_eq!((property_rows(&c).await, lookup_rows(&c).await), before);
}

#[tokio::test]
async fn rebuild_lookup_adds_missing_rows_first_actor_wins_and_keeps_existing_ones() {
    let (db, store) = store().await;
    let c = db.client().await;
    for id in ["a1", "a2", "a3"] {
        create_actor(&store, id).await;
    }
    // a3 claimed its value through the facade; the rest was written without lookup rows.
    store
        .properties()
        .set("a3", "email", "c@x.org")
        .await
        .unwrap();
    raw_insert(&c, "a2", "email", "shared@x.org").await;
    raw_insert(&c, "a1", "email", "shared@x.org").await;
    raw_insert(&c, "a2", "oauthId", "o2").await;
    raw_insert(&c, "a1", "plain", "not indexed").await;
    raw_insert(&c, "ghost", "email", "ghost@x.org").await;
    assert_eq!(store.properties().rebuild_lookup().await.unwrap(), 2);
    assert_eq!(
        lookup_rows(&c).await,
        vec![
            row("email", "c@x.org", "a3"),
            row("email", "shared@x.org", "a1"),
            row("oauthId", "o2", "a2"),
        ]
    );
    assert_eq!(store.properties().rebuild_lookup().await.unwrap(), 0);
    let off = Store::connect(db.config().use_lookup_table(false))
        .await
        .unwrap();
    c.batch_execute("DELETE FROM property_lookup")
        .await
        .unwrap();
    assert_eq!(off.properties().rebuild_lookup().await.unwrap(), 0);
    assert_eq!(lookup_rows(&c).await, Vec::<Row3>::new());
}

// ---------------------------------------------------------------------------------------------
// A value its owner gives up goes to a remaining holder

/// How an owner gives a value up, for
/// [`every_path_that_gives_a_value_up_hands_its_lookup_row_to_the_holder`].
#[derive(Debug, Clone, Copy)]
enum GiveUp {
    SetOther,
    SetEmpty,
    SetJsonNull,
    Delete,
    DeleteIfValueEquals,
    SetIfValueEquals,
    BatchDelete,
    DeleteAll,
    DeleteActor,
    DeleteInTransaction,
    SetOtherInTransaction,
}

impl GiveUp {
    const ALL: [GiveUp; 11] = [
        GiveUp::SetOther,
        GiveUp::SetEmpty,
        GiveUp::SetJsonNull,
        GiveUp::Delete,
        GiveUp::DeleteIfValueEquals,
        GiveUp::SetIfValueEquals,
        GiveUp::BatchDelete,
        GiveUp::DeleteAll,
        GiveUp::DeleteActor,
        GiveUp::DeleteInTransaction,
        GiveUp::SetOtherInTransaction,
    ];

    /// Makes `owner` give up its email `value`; true when it then holds `other@x.org`.
    async fn run(self, store: &Store, owner: &str, value: &str) -> bool {
        let p = store.properties();
        let other = "other@x.org";
        match self {
            GiveUp::SetOther => p.set(owner, "email", other).await.unwrap(),
            GiveUp::SetEmpty => p.set(owner, "email", "").await.unwrap(),
            GiveUp::SetJsonNull => p.set_json(owner, "email", &json!(null)).await.unwrap(),
            GiveUp::Delete => assert!(p.delete(owner, "email").await.unwrap()),
            GiveUp::DeleteIfValueEquals => {
                assert!(
                    p.delete_if_value_equals(owner, "email", value)
                        .await
                        .unwrap()
                )
            }
            GiveUp::SetIfValueEquals => {
                assert!(
                    p.set_if_value_equals(owner, "email", value, other)
                        .await
                        .unwrap()
                )
            }
            GiveUp::BatchDelete => {
                assert_eq!(p.batch_delete(owner, &["email", "nick"]).await.unwrap(), 2)
            }
            GiveUp::DeleteAll => assert_eq!(p.delete_all(owner).await.unwrap(), 2),
            GiveUp::DeleteActor => {
                let deleted = store.delete_actor(owner).await.unwrap();
                assert_eq!((deleted.actors, deleted.property_lookup), (1, 1));
            }
            GiveUp::DeleteInTransaction => {
                let owner = owner.to_string();
                store
                    .transaction(|tx| {
                        Box::pin(async move { tx.properties().delete(&owner, "email").await })
                    })
                    .await
                    .unwrap();
            }
            GiveUp::SetOtherInTransaction => {
                let owner = owner.to_string();
                store
                    .transaction(|tx| {
                        Box::pin(async move { tx.properties().set(&owner, "email", other).await })
                    })
                    .await
                    .unwrap();
            }
        }
        matches!(
            self,
            GiveUp::SetOther | GiveUp::SetIfValueEquals | GiveUp::SetOtherInTransaction
        )
    }
}

#[tokio::test]
async fn every_path_that_gives_a_value_up_hands_its_lookup_row_to_the_holder() {
    for give_up in GiveUp::ALL {
        let (db, store) = store().await;
        let c = db.client().await;
        for id in ["owner", "zed", "holder"] {
            create_actor(&store, id).await;
        }
        let p = store.properties();
        let value = "shared@x.org";
        p.set("owner", "email", value).await.unwrap();
        p.set("owner", "nick", "o").await.unwrap();
        p.set("zed", "email", value).await.unwrap();
        p.set("holder", "email", value).await.unwrap();
        assert_eq!(lookup_rows(&c).await, vec![row("email", value, "owner")]);
        let moved = give_up.run(&store, "owner", value).await;
        // The lowest id of the remaining holders, bytewise: "holder" < "zed".
        let mut expected = vec![row("email", value, "holder")];
        if moved {
            expected.insert(0, row("email", "other@x.org", "owner"));
        }
        assert_eq!(lookup_rows(&c).await, expected, "{give_up:?}");
        assert_eq!(
            p.actor_id_by_value("email", value)
                .await
                .unwrap()
                .as_deref(),
            Some("holder"),
            "{give_up:?}"
        );
    }
}

#[tokio::test]
async fn a_value_goes_to_the_lowest_remaining_id_bytewise_until_no_holder_is_left() {
    let (db, store) = store().await;
    let c = db.client().await;
    // Bytewise "B1" < "a3" < "b2" (upper case first), whatever the database collation.
    for id in ["m", "b2", "a3", "B1"] {
        create_actor(&store, id).await;
    }
    let p = store.properties();
    let v = "v@x.org";
    for id in ["m", "b2", "a3", "B1"] {
        p.set(id, "oauthId", v).await.unwrap();
    }
    let owner = || async { p.actor_id_by_value("oauthId", v).await.unwrap() };
    assert_eq!(owner().await.as_deref(), Some("m"));
    p.set("m", "oauthId", "w").await.unwrap();
    assert_eq!(owner().await.as_deref(), Some("B1"));
    assert!(p.delete("B1", "oauthId").await.unwrap());
    assert_eq!(owner().await.as_deref(), Some("a3"));
    store.delete_actor("a3").await.unwrap();
    assert_eq!(owner().await.as_deref(), Some("b2"));
    // A holder that is not the owner giving the value up changes nothing.
    p.set("m", "oauthId", v).await.unwrap();
    assert_eq!(owner().await.as_deref(), Some("b2"));
    assert!(p.delete("m", "oauthId").await.unwrap());
    assert_eq!(owner().await.as_deref(), Some("b2"));
    assert!(p.delete("b2", "oauthId").await.unwrap());
    assert_eq!(owner().await, None);
    assert_eq!(count(&c, "property_lookup").await, 0);
}

#[tokio::test]
async fn a_hand_over_skips_holders_without_an_actor_and_values_that_only_share_a_prefix() {
    let (db, store) = store().await;
    let c = db.client().await;
    for id in ["owner", "b", "c"] {
        create_actor(&store, id).await;
    }
    let p = store.properties();
    // The holder index covers 200-character prefixes; these differ only after them.
    let prefix = "p".repeat(250);
    let value = format!("{prefix}-mine");
    p.set("owner", "externalUserId", &value).await.unwrap();
    p.set("b", "externalUserId", &format!("{prefix}-other"))
        .await
        .unwrap();
    p.set("c", "externalUserId", &value).await.unwrap();
    // Holders of the same text under another name, or without an actor row, do not count.
    p.set("b", "oauthId", &value).await.unwrap();
    raw_insert(&c, "a-ghost", "externalUserId", &value).await;
    p.set("owner", "externalUserId", "changed").await.unwrap();
    assert_eq!(
        p.actor_id_by_value("externalUserId", &value)
            .await
            .unwrap()
            .as_deref(),
        Some("c")
    );
    assert_eq!(
        p.actor_id_by_value("externalUserId", &format!("{prefix}-other"))
            .await
            .unwrap()
            .as_deref(),
        Some("b")
    );
    assert_eq!(count(&c, "property_lookup").await, 4);
}

#[tokio::test]
async fn large_names_and_values_of_any_property_are_stored_beside_the_holder_index() {
    let (db, store) = store().await;
    let c = db.client().await;
    create_actor(&store, "a1").await;
    let p = store.properties();
    let name = format!("n{}", noise(2_000));
    let value = noise(1_000_000);
    p.set("a1", &name, &value).await.unwrap();
    p.set("a1", &format!("list:{}", noise(2_000)), &value)
        .await
        .unwrap();
    assert_eq!(p.get("a1", &name).await.unwrap().as_deref(), Some(&*value));
    // An indexed value beyond the prefixes still goes to its holder.
    create_actor(&store, "a2").await;
    let long = noise(2_000);
    p.set("a1", "oauthId", &long).await.unwrap();
    p.set("a2", "oauthId", &long).await.unwrap();
    p.delete("a1", "oauthId").await.unwrap();
    assert_eq!(
        p.actor_id_by_value("oauthId", &long)
            .await
            .unwrap()
            .as_deref(),
        Some("a2")
    );
    assert_eq!(count(&c, "properties").await, 3);
}

/// The hand-over DDL of migrations/e5f6a7b8c9d0-properties-name-value-index.sql.
const HOLDER_INDEX: &str = "CREATE INDEX idx_properties_name_value_prefix ON properties \
     USING btree (\"left\"(name, 200), \"left\"(value, 200)) WHERE (name !~~ 'list:%'::text)";

#[tokio::test]
async fn without_the_holder_index_a_value_given_up_is_not_handed_over() {
    let (db, store) = store().await;
    let c = db.client().await;
    for id in ["a1", "a2"] {
        create_actor(&store, id).await;
    }
    let p = store.properties();
    // As on a database the reference's Alembic made: no idx_properties_name_value_prefix.
    c.batch_execute("DROP INDEX idx_properties_name_value_prefix")
        .await
        .unwrap();
    p.set("a1", "email", "s@x.org").await.unwrap();
    p.set("a2", "email", "s@x.org").await.unwrap();
    p.set("a1", "email", "t@x.org").await.unwrap();
    assert_eq!(p.actor_id_by_value("email", "s@x.org").await.unwrap(), None);
    assert_eq!(lookup_rows(&c).await, vec![row("email", "t@x.org", "a1")]);
    assert_eq!(p.rebuild_lookup().await.unwrap(), 1);
    assert_eq!(
        p.actor_id_by_value("email", "s@x.org")
            .await
            .unwrap()
            .as_deref(),
        Some("a2")
    );
    // Once the index exists (the same pooled connections, their statements re-planned),
    // values given up are handed over again.
    c.batch_execute(HOLDER_INDEX).await.unwrap();
    p.set("a1", "email", "s@x.org").await.unwrap();
    assert!(p.delete("a2", "email").await.unwrap());
    assert_eq!(
        p.actor_id_by_value("email", "s@x.org")
            .await
            .unwrap()
            .as_deref(),
        Some("a1")
    );
}

#[tokio::test]
async fn deleting_only_the_actor_row_does_not_hand_its_values_over() {
    // actors().delete removes the actor row alone, as the reference's DbActor.delete does;
    // its lookup rows go by the foreign key's cascade, and the properties stay.
    let (db, store) = store().await;
    let c = db.client().await;
    for id in ["a1", "a2"] {
        create_actor(&store, id).await;
    }
    let p = store.properties();
    p.set("a1", "email", "s@x.org").await.unwrap();
    p.set("a2", "email", "s@x.org").await.unwrap();
    assert!(store.actors().delete("a1").await.unwrap());
    assert_eq!(count(&c, "property_lookup").await, 0);
    assert_eq!(p.actor_id_by_value("email", "s@x.org").await.unwrap(), None);
    assert_eq!(p.rebuild_lookup().await.unwrap(), 1);
    assert_eq!(
        p.actor_id_by_value("email", "s@x.org")
            .await
            .unwrap()
            .as_deref(),
        Some("a2")
    );
}

#[tokio::test]
async fn rewriting_an_unchanged_indexed_value_claims_a_missing_lookup_row() {
    // The reference claims only when the value changes; a value stored without a lookup row
    // (here behind the facade's back) stays unresolvable there until it changes.
    let (db, store) = store().await;
    let c = db.client().await;
    create_actor(&store, "a1").await;
    create_actor(&store, "a2").await;
    raw_insert(&c, "a1", "email", "me@x.org").await;
    let p = store.properties();
    assert_eq!(
        p.actor_id_by_value("email", "me@x.org").await.unwrap(),
        None
    );
    p.set("a1", "email", "me@x.org").await.unwrap();
    assert_eq!(lookup_rows(&c).await, vec![row("email", "me@x.org", "a1")]);
    // A row that exists stays with its owner (first writer wins).
    p.set("a2", "email", "me@x.org").await.unwrap();
    p.set("a2", "email", "me@x.org").await.unwrap();
    assert_eq!(lookup_rows(&c).await, vec![row("email", "me@x.org", "a1")]);
}

/// What a race round leaves for `value`: its lookup rows and whether each one's actor holds it.
async fn owners_of(c: &Client, value: &str) -> Vec<(String, bool)> {
    c.query(
        "SELECT l.actor_id, EXISTS (SELECT 1 FROM properties p WHERE p.id = l.actor_id \
         AND p.name = l.property_name AND p.value = l.value) \
         FROM property_lookup l WHERE l.property_name = 'email' AND l.value = $1",
        &[&value],
    )
    .await
    .unwrap()
    .iter()
    .map(|r| (r.get(0), r.get(1)))
    .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_give_up_and_hold_of_one_value_keep_one_lookup_row_at_a_current_holder() {
    const ROUNDS: usize = 40;
    let db = TestDb::new().await;
    let c = db.client().await;
    let store = Store::connect(db.config().pool_size(8, 8).unwrap())
        .await
        .unwrap();
    for id in ["owner", "holder", "second"] {
        create_actor(&store, id).await;
    }
    for round in 0..ROUNDS {
        let v = format!("v{round}@x.org");
        let p = store.properties();
        p.set("owner", "email", &v).await.unwrap();
        // A second holder sometimes holds the value already, and gives it up at the same time.
        let second = round % 2 == 1;
        if second {
            p.set("second", "email", &v).await.unwrap();
        }
        let barrier = Arc::new(Barrier::new(if second { 3 } else { 2 }));
        let mut tasks = Vec::new();
        let task = |f: Box<dyn FnOnce(Store) -> BoxFuture<'static, ()> + Send>| {
            let (store, barrier) = (store.clone(), barrier.clone());
            tokio::spawn(async move {
                barrier.wait().await;
                f(store).await
            })
        };
        let give_up = round % 4;
        let v2 = v.clone();
        tasks.push(task(Box::new(move |store| {
            Box::pin(async move {
                let p = store.properties();
                match give_up {
                    0 | 1 => p.set("owner", "email", &format!("w{v2}")).await.unwrap(),
                    2 => drop(p.delete("owner", "email").await.unwrap()),
                    _ => drop(store.delete_actor("owner").await.unwrap()),
                }
            })
        })));
        let v3 = v.clone();
        tasks.push(task(Box::new(move |store| {
            Box::pin(async move {
                store
                    .properties()
                    .set("holder", "email", &v3)
                    .await
                    .unwrap()
            })
        })));
        if second {
            tasks.push(task(Box::new(move |store| {
                Box::pin(async move {
                    store
                        .properties()
                        .set("second", "email", "gone@x.org")
                        .await
                        .unwrap()
                })
            })));
        }
        for t in tasks {
            t.await.unwrap();
        }
        assert_eq!(
            owners_of(&c, &v).await,
            vec![("holder".to_string(), true)],
            "round {round}"
        );
        if give_up == 3 {
            create_actor(&store, "owner").await;
        }
        // Reset for the next round.
        for id in ["holder", "second"] {
            p.delete(id, "email").await.unwrap();
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_give_ups_of_every_holder_leave_no_lookup_row() {
    const ROUNDS: usize = 40;
    let db = TestDb::new().await;
    let c = db.client().await;
    let store = Store::connect(db.config().pool_size(8, 8).unwrap())
        .await
        .unwrap();
    for id in ["owner", "h1", "h2"] {
        create_actor(&store, id).await;
    }
    for round in 0..ROUNDS {
        let v = format!("v{round}@x.org");
        let p = store.properties();
        for id in ["owner", "h1", "h2"] {
            p.set(id, "email", &v).await.unwrap();
        }
        let barrier = Arc::new(Barrier::new(3));
        let tasks: Vec<_> = ["owner", "h1", "h2"]
            .into_iter()
            .enumerate()
            .map(|(i, id)| {
                let (store, barrier) = (store.clone(), barrier.clone());
                tokio::spawn(async move {
                    barrier.wait().await;
                    let p = store.properties();
                    if (round + i) % 2 == 0 {
                        p.set(id, "email", &format!("{id}-{round}")).await.unwrap();
                    } else {
                        p.delete(id, "email").await.unwrap();
                    }
                })
            })
            .collect();
        for t in tasks {
            t.await.unwrap();
        }
        assert_eq!(owners_of(&c, &v).await, vec![], "round {round}");
    }
}
