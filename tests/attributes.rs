//! Attributes (internal buckets with TTL) against a real PostgreSQL.

mod common;

use std::collections::BTreeMap;

use actingweb_pg::attributes::Attribute;
use actingweb_pg::{ErrorKind, Store};
use chrono::{DateTime, Duration, TimeZone, Utc};
use common::{TestDb, assert_err, store};
use serde_json::{Value, json};

/// Every row of the attributes table.
async fn rows(db: &TestDb) -> i64 {
    db.client()
        .await
        .query_one("SELECT count(*) FROM attributes", &[])
        .await
        .unwrap()
        .get(0)
}

/// The server's clock in whole epoch seconds, as the expiry rule reads it.
async fn server_epoch(db: &TestDb) -> i64 {
    db.client()
        .await
        .query_one("SELECT floor(extract(epoch FROM now()))::bigint", &[])
        .await
        .unwrap()
        .get(0)
}

/// Writes a row behind the facade's back: `data` is jsonb text (`None`: SQL NULL).
async fn insert_raw(
    db: &TestDb,
    id: &str,
    bucket: &str,
    name: &str,
    data: Option<&str>,
    ttl_timestamp: Option<i64>,
) {
    db.client()
        .await
        .execute(
            "INSERT INTO attributes (id, bucket_name, bucket, name, data, ttl_timestamp) \
             VALUES ($1, $2::text || ':' || $3::text, $2, $3, $4::text::jsonb, $5)",
            &[&id, &bucket, &name, &data, &ttl_timestamp],
        )
        .await
        .unwrap();
}

/// The stored row under a composite key: (bucket, name, data as text, ttl_timestamp).
async fn stored(
    db: &TestDb,
    id: &str,
    bucket_name: &str,
) -> Option<(String, String, Option<String>, Option<i64>)> {
    db.client()
        .await
        .query_opt(
            "SELECT bucket, name, data::text, ttl_timestamp FROM attributes \
             WHERE id = $1 AND bucket_name = $2",
            &[&id, &bucket_name],
        )
        .await
        .unwrap()
        .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3)))
}

fn permanent(data: Value) -> Attribute {
    Attribute {
        data,
        timestamp: None,
        ttl_timestamp: None,
    }
}

fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32, micros: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, s).unwrap() + Duration::microseconds(micros)
}

// ---------------------------------------------------------------------------------------------
// get / set

#[tokio::test]
async fn set_then_get_returns_the_data_without_timestamp_or_ttl() {
    let (db, store) = store().await;
    let attrs = store.attributes();
    attrs
        .set("a1", "tokens", "t1", &json!({"k": "ø", "n": [1, 2]}), None)
        .await
        .unwrap();
    let got = attrs.get("a1", "tokens", "t1").await.unwrap();
    assert_eq!(got, Some(permanent(json!({"k": "ø", "n": [1, 2]}))));
    let (bucket, name, data, ttl) = stored(&db, "a1", "tokens:t1").await.unwrap();
    assert_eq!((bucket.as_str(), name.as_str()), ("tokens", "t1"));
    assert_eq!(data.as_deref(), Some(r#"{"k": "ø", "n": [1, 2]}"#));
    assert_eq!(ttl, None);
}

#[tokio::test]
async fn get_of_missing_attribute_is_none() {
    let (_db, store) = store().await;
    let attrs = store.attributes();
    assert_eq!(attrs.get("a1", "tokens", "t1").await.unwrap(), None);
    attrs
        .set("a1", "tokens", "t1", &json!(1), None)
        .await
        .unwrap();
    assert_eq!(attrs.get("a2", "tokens", "t1").await.unwrap(), None);
    assert_eq!(attrs.get("a1", "tokens2", "t1").await.unwrap(), None);
    assert_eq!(attrs.get("a1", "tokens", "t2").await.unwrap(), None);
}

#[tokio::test]
async fn set_at_round_trips_a_timestamp_to_the_microsecond_as_naive_utc() {
    let (db, store) = store().await;
    let attrs = store.attributes();
    let cases = [
        ("leap", at(2024, 2, 29, 23, 59, 58, 123_456)),
        ("old", at(1999, 12, 31, 23, 59, 59, 999_999)),
        ("whole", at(2030, 1, 1, 0, 0, 0, 0)),
    ];
    for (name, ts) in cases {
        attrs
            .set_at("a1", "b", name, &json!(name), Some(ts), None)
            .await
            .unwrap();
        let got = attrs.get("a1", "b", name).await.unwrap().unwrap();
        assert_eq!(got.timestamp, Some(ts), "{name}");
    }
    let text: String = db
        .client()
        .await
        .query_one(
            "SELECT timestamp::text FROM attributes WHERE bucket_name = 'b:leap'",
            &[],
        )
        .await
        .unwrap()
        .get(0);
    assert_eq!(text, "2024-02-29 23:59:58.123456");
}

#[tokio::test]
async fn set_replaces_data_timestamp_and_ttl_so_a_plain_write_clears_them() {
    let (db, store) = store().await;
    let attrs = store.attributes();
    let ts = at(2025, 6, 1, 12, 0, 0, 5);
    attrs
        .set_at("a1", "b", "n", &json!({"v": 1}), Some(ts), Some(600))
        .await
        .unwrap();
    let first = attrs.get("a1", "b", "n").await.unwrap().unwrap();
    assert_eq!(first.timestamp, Some(ts));
    assert!(first.ttl_timestamp.is_some());

    attrs.set("a1", "b", "n", &json!([2]), None).await.unwrap();
    assert_eq!(
        attrs.get("a1", "b", "n").await.unwrap(),
        Some(permanent(json!([2])))
    );
    assert_eq!(rows(&db).await, 1);
}

#[tokio::test]
async fn falsy_json_values_are_stored_not_deleted() {
    let (db, store) = store().await;
    let attrs = store.attributes();
    let values = [
        ("zero", json!(0)),
        ("false", json!(false)),
        ("empty_string", json!("")),
        ("empty_object", json!({})),
        ("empty_array", json!([])),
        ("null", json!(null)),
    ];
    for (name, value) in &values {
        attrs.set("a1", "b", name, value, None).await.unwrap();
    }
    for (name, value) in &values {
        let got = attrs.get("a1", "b", name).await.unwrap();
        assert_eq!(got, Some(permanent(value.clone())), "{name}");
    }
    assert_eq!(rows(&db).await, 6);
    let sql_nulls: i64 = db
        .client()
        .await
        .query_one("SELECT count(*) FROM attributes WHERE data IS NULL", &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(
        sql_nulls, 0,
        "JSON null is stored as jsonb null, not SQL NULL"
    );
}

#[tokio::test]
async fn a_json_string_is_stored_as_a_jsonb_string_even_when_it_looks_like_json() {
    let (db, store) = store().await;
    let attrs = store.attributes();
    attrs
        .set("a1", "b", "s", &json!(r#"{"a":1}"#), None)
        .await
        .unwrap();
    let kind: String = db
        .client()
        .await
        .query_one("SELECT jsonb_typeof(data) FROM attributes", &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(kind, "string");
    let got = attrs.get("a1", "b", "s").await.unwrap().unwrap();
    assert_eq!(got.data, json!(r#"{"a":1}"#));
}

#[tokio::test]
async fn objects_come_back_in_jsonb_key_order() {
    let (_db, store) = store().await;
    let attrs = store.attributes();
    attrs
        .set("a1", "b", "o", &json!({"zz": 1, "b": 2, "a": 3}), None)
        .await
        .unwrap();
    let got = attrs.get("a1", "b", "o").await.unwrap().unwrap();
    let keys: Vec<&str> = got
        .data
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, ["a", "b", "zz"]);
}

#[tokio::test]
async fn numbers_round_trip_and_exponent_integers_come_back_normalised() {
    let (_db, store) = store().await;
    let attrs = store.attributes();
    let same = json!([
        0,
        -42,
        u64::MAX,
        i64::MIN,
        1.5,
        0.1,
        1.0,
        1.5e-7,
        0.30000000000000004
    ]);
    attrs.set("a1", "b", "n", &same, None).await.unwrap();
    assert_eq!(attrs.get("a1", "b", "n").await.unwrap().unwrap().data, same);
    attrs.set("a1", "b", "e", &json!(1e16), None).await.unwrap();
    assert_eq!(
        attrs.get("a1", "b", "e").await.unwrap().unwrap().data,
        json!(10_000_000_000_000_000u64)
    );
}

#[tokio::test]
async fn data_containing_nul_anywhere_is_refused_and_nothing_changes() {
    let (db, store) = store().await;
    let attrs = store.attributes();
    attrs
        .set("a1", "b", "n", &json!("before"), None)
        .await
        .unwrap();
    let bad = [
        json!("a\u{0}b"),
        json!({"k": ["x", {"deep": "\u{0}"}]}),
        json!({"ke\u{0}y": 1}),
    ];
    for data in &bad {
        assert_err(
            attrs.set("a1", "b", "n", data, None).await,
            ErrorKind::InvalidInput,
            "invalid data: contains a NUL character",
        );
        assert_err(
            attrs.set("a1", "b", "other", data, Some(60)).await,
            ErrorKind::InvalidInput,
            "invalid data",
        );
    }
    assert_eq!(rows(&db).await, 1);
    assert_eq!(
        attrs.get("a1", "b", "n").await.unwrap().unwrap().data,
        json!("before")
    );
}

/// `depth` arrays nested in one another around `1`.
fn nested(depth: usize) -> Value {
    (0..depth).fold(json!(1), |inner, _| json!([inner]))
}

#[tokio::test]
async fn nesting_up_to_127_levels_is_stored_and_deeper_is_refused() {
    let (db, store) = store().await;
    let attrs = store.attributes();
    attrs
        .set("a1", "b", "deep", &nested(127), None)
        .await
        .unwrap();
    assert_eq!(
        attrs.get("a1", "b", "deep").await.unwrap().unwrap().data,
        nested(127)
    );
    assert_err(
        attrs.set("a1", "b", "deeper", &nested(128), None).await,
        ErrorKind::InvalidInput,
        "invalid data: is nested deeper than 127",
    );
    assert_eq!(rows(&db).await, 1);
}

#[tokio::test]
async fn sql_null_data_from_another_writer_reads_as_json_null() {
    let (db, store) = store().await;
    insert_raw(&db, "a1", "b", "n", None, None).await;
    let attrs = store.attributes();
    assert_eq!(
        attrs.get("a1", "b", "n").await.unwrap(),
        Some(permanent(Value::Null))
    );
    assert_eq!(
        attrs.get_bucket("a1", "b").await.unwrap()["n"].data,
        Value::Null
    );
}

#[tokio::test]
async fn stored_number_beyond_f64_is_an_error_not_a_panic() {
    let (db, store) = store().await;
    insert_raw(&db, "a1", "b", "huge", Some("1e400"), None).await;
    let attrs = store.attributes();
    assert_err(
        attrs.get("a1", "b", "huge").await,
        ErrorKind::Backend,
        "stored attribute data cannot be represented here",
    );
    assert_err(
        attrs.all_buckets("a1").await,
        ErrorKind::Backend,
        "number out of range",
    );
}

#[tokio::test]
async fn get_strict_is_the_same_read_as_get() {
    let (db, store) = store().await;
    let attrs = store.attributes();
    attrs
        .set("a1", "b", "live", &json!(1), Some(60))
        .await
        .unwrap();
    insert_raw(&db, "a1", "b", "expired", Some("2"), Some(1)).await;
    for name in ["live", "expired", "absent"] {
        assert_eq!(
            attrs.get_strict("a1", "b", name).await.unwrap(),
            attrs.get("a1", "b", name).await.unwrap(),
            "{name}"
        );
    }
    assert!(attrs.get_strict("a1", "b", "live").await.unwrap().is_some());
    assert_eq!(attrs.get_strict("a1", "b", "expired").await.unwrap(), None);
}

#[tokio::test]
async fn a_backend_fault_in_a_strict_read_is_an_error_not_absence() {
    let (db, store) = store().await;
    db.client()
        .await
        .batch_execute("ALTER TABLE attributes RENAME TO attributes_gone")
        .await
        .unwrap();
    let attrs = store.attributes();
    assert_err(
        attrs.get_strict("a1", "_deleted_actors", "a1").await,
        ErrorKind::Backend,
        "relation \"attributes\" does not exist",
    );
    assert_err(
        attrs.delete_expired(None, None).await,
        ErrorKind::Backend,
        "does not exist",
    );
}

// ---------------------------------------------------------------------------------------------
// TTL

#[tokio::test]
async fn ttl_timestamp_is_server_now_plus_ttl_plus_the_3600_buffer() {
    let (db, store) = store().await;
    let attrs = store.attributes();
    let before = server_epoch(&db).await;
    attrs
        .set("a1", "b", "hour", &json!(1), Some(3600))
        .await
        .unwrap();
    attrs
        .set("a1", "b", "minute", &json!(1), Some(60))
        .await
        .unwrap();
    let after = server_epoch(&db).await;
    let hour = attrs.get("a1", "b", "hour").await.unwrap().unwrap();
    let minute = attrs.get("a1", "b", "minute").await.unwrap().unwrap();
    let hour_ttl = hour.ttl_timestamp.unwrap();
    let minute_ttl = minute.ttl_timestamp.unwrap();
    assert!(
        (before + 7200..=after + 7200).contains(&hour_ttl),
        "{hour_ttl}"
    );
    assert!(
        (before + 3660..=after + 3660).contains(&minute_ttl),
        "{minute_ttl}"
    );
    assert_eq!(stored(&db, "a1", "b:hour").await.unwrap().3, Some(hour_ttl));
}

#[tokio::test]
async fn tombstone_with_negative_ttl_reads_as_absent_everywhere_but_stays_stored() {
    let (db, store) = store().await;
    let attrs = store.attributes();
    let before = server_epoch(&db).await;
    attrs
        .set(
            "a1",
            "_deleted_actors",
            "a1",
            &json!({"actor_id": "a1"}),
            Some(-7200),
        )
        .await
        .unwrap();
    let after = server_epoch(&db).await;
    assert_eq!(
        attrs.get("a1", "_deleted_actors", "a1").await.unwrap(),
        None
    );
    assert_eq!(
        attrs
            .get_strict("a1", "_deleted_actors", "a1")
            .await
            .unwrap(),
        None
    );
    assert!(
        attrs
            .get_bucket("a1", "_deleted_actors")
            .await
            .unwrap()
            .is_empty()
    );
    assert!(attrs.all_buckets("a1").await.unwrap().is_empty());
    assert!(attrs.bucket_timestamps("a1").await.unwrap().is_empty());
    let ttl = stored(&db, "a1", "_deleted_actors:a1")
        .await
        .unwrap()
        .3
        .unwrap();
    assert!((before - 3600..=after - 3600).contains(&ttl), "{ttl}");
}

#[tokio::test]
async fn deletion_tombstone_with_a_long_ttl_is_live_and_holds_its_data() {
    let (db, store) = store().await;
    let attrs = store.attributes();
    let deleted_at = at(2026, 1, 2, 3, 4, 5, 0);
    let data = json!({"actor_id": "a1", "deleted_at": deleted_at.to_rfc3339()});
    attrs
        .set_at(
            "a1",
            "_deleted_actors",
            "a1",
            &data,
            Some(deleted_at),
            Some(7 * 24 * 3600),
        )
        .await
        .unwrap();
    let now = server_epoch(&db).await;
    let got = attrs
        .get_strict("a1", "_deleted_actors", "a1")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(got.data, data);
    assert_eq!(got.timestamp, Some(deleted_at));
    assert!(got.ttl_timestamp.unwrap() > now + 3 * 24 * 3600);
}

#[tokio::test]
async fn an_expiry_equal_to_now_is_expired_and_one_second_later_is_live() {
    // Inside one transaction now() is fixed, so ttl -3600 gives ttl_timestamp == now exactly.
    let (_db, store) = store().await;
    let (at_now, next_second) = store
        .transaction(|tx| {
            Box::pin(async move {
                let attrs = tx.attributes();
                attrs.set("a1", "b", "now", &json!(1), Some(-3600)).await?;
                attrs.set("a1", "b", "next", &json!(2), Some(-3599)).await?;
                let at_now = attrs.get("a1", "b", "now").await?;
                let next = attrs.get("a1", "b", "next").await?;
                let bucket = attrs.get_bucket("a1", "b").await?;
                assert_eq!(bucket.keys().collect::<Vec<_>>(), ["next"]);
                // The consume-once delete sees the same boundary.
                assert!(!attrs.delete("a1", "b", "now").await?);
                Ok((at_now, next))
            })
        })
        .await
        .unwrap();
    assert_eq!(at_now, None);
    assert_eq!(next_second.unwrap().data, json!(2));
}

#[tokio::test]
async fn rows_far_in_the_past_are_absent_and_far_in_the_future_present() {
    let (db, store) = store().await;
    insert_raw(&db, "a1", "b", "past", Some("1"), Some(1)).await;
    insert_raw(&db, "a1", "b", "future", Some("2"), Some(i64::MAX)).await;
    insert_raw(&db, "a1", "b", "forever", Some("3"), None).await;
    let now = server_epoch(&db).await;
    insert_raw(&db, "a1", "b", "now", Some("4"), Some(now)).await;
    let attrs = store.attributes();
    assert_eq!(attrs.get("a1", "b", "past").await.unwrap(), None);
    assert_eq!(attrs.get("a1", "b", "now").await.unwrap(), None);
    assert_eq!(
        attrs.get("a1", "b", "future").await.unwrap().unwrap(),
        Attribute {
            data: json!(2),
            timestamp: None,
            ttl_timestamp: Some(i64::MAX)
        }
    );
    let bucket = attrs.get_bucket("a1", "b").await.unwrap();
    assert_eq!(bucket.keys().collect::<Vec<_>>(), ["forever", "future"]);
}

#[tokio::test]
async fn ttl_beyond_the_bigint_range_is_refused_and_the_extremes_work() {
    let (db, store) = store().await;
    let attrs = store.attributes();
    for ttl in [i64::MAX, i64::MIN, i64::MAX / 2 + 1] {
        assert_err(
            attrs.set("a1", "b", "n", &json!(1), Some(ttl)).await,
            ErrorKind::InvalidInput,
            "invalid ttl_seconds",
        );
    }
    assert_eq!(rows(&db).await, 0);
    attrs
        .set("a1", "b", "far", &json!(1), Some(i64::MAX / 2))
        .await
        .unwrap();
    attrs
        .set("a1", "b", "gone", &json!(1), Some(-(i64::MAX / 2)))
        .await
        .unwrap();
    let far = attrs.get("a1", "b", "far").await.unwrap().unwrap();
    assert!(far.ttl_timestamp.unwrap() > i64::MAX / 2);
    assert_eq!(attrs.get("a1", "b", "gone").await.unwrap(), None);
}

#[tokio::test]
async fn delete_expired_purges_at_or_before_the_given_epoch_across_actors() {
    let (db, store) = store().await;
    let t = 1_900_000_000;
    insert_raw(&db, "a1", "b", "before", Some("1"), Some(t - 1)).await;
    insert_raw(&db, "a2", "b", "at", Some("2"), Some(t)).await;
    insert_raw(&db, "a1", "b", "after", Some("3"), Some(t + 1)).await;
    insert_raw(&db, "a2", "b", "permanent", Some("4"), None).await;
    let attrs = store.attributes();
    assert_eq!(attrs.delete_expired(Some(t), None).await.unwrap(), 2);
    assert_eq!(stored(&db, "a1", "b:before").await, None);
    assert_eq!(stored(&db, "a2", "b:at").await, None);
    assert!(stored(&db, "a1", "b:after").await.is_some());
    assert!(stored(&db, "a2", "b:permanent").await.is_some());
    assert_eq!(attrs.delete_expired(Some(t), None).await.unwrap(), 0);
}

#[tokio::test]
async fn delete_expired_without_an_epoch_uses_the_server_clock() {
    let (db, store) = store().await;
    let attrs = store.attributes();
    attrs
        .set("a1", "b", "tomb", &json!(1), Some(-7200))
        .await
        .unwrap();
    attrs
        .set("a1", "b", "live", &json!(2), Some(60))
        .await
        .unwrap();
    attrs
        .set("a1", "b", "permanent", &json!(3), None)
        .await
        .unwrap();
    assert_eq!(attrs.delete_expired(None, None).await.unwrap(), 1);
    assert_eq!(rows(&db).await, 2);
    assert_eq!(attrs.get_bucket("a1", "b").await.unwrap().len(), 2);
}

#[tokio::test]
async fn delete_expired_restricted_to_buckets_leaves_other_buckets() {
    let (db, store) = store().await;
    for bucket in ["spa_access_tokens", "spa_refresh_tokens", "other"] {
        insert_raw(&db, "a1", bucket, "t", Some("1"), Some(5)).await;
        insert_raw(&db, "a2", bucket, "t", Some("1"), Some(5)).await;
    }
    let attrs = store.attributes();
    assert_eq!(attrs.delete_expired(Some(10), Some(&[])).await.unwrap(), 0);
    assert_eq!(rows(&db).await, 6);
    let spa: &[&str] = &["spa_access_tokens", "spa_refresh_tokens"];
    assert_eq!(attrs.delete_expired(Some(10), Some(spa)).await.unwrap(), 4);
    assert!(stored(&db, "a1", "other:t").await.is_some());
    assert!(stored(&db, "a2", "other:t").await.is_some());
    assert_eq!(attrs.delete_expired(Some(10), None).await.unwrap(), 2);
    assert_eq!(rows(&db).await, 0);
}

#[tokio::test]
async fn delete_expired_refuses_bad_bucket_names() {
    let (db, store) = store().await;
    insert_raw(&db, "a1", "b", "t", Some("1"), Some(5)).await;
    let attrs = store.attributes();
    assert_err(
        attrs.delete_expired(Some(10), Some(&["b", ""])).await,
        ErrorKind::InvalidInput,
        "invalid bucket: must not be empty",
    );
    assert_err(
        attrs.delete_expired(Some(10), Some(&["b\0"])).await,
        ErrorKind::InvalidInput,
        "invalid bucket: contains a NUL byte",
    );
    assert_eq!(rows(&db).await, 1);
}

// ---------------------------------------------------------------------------------------------
// delete (consume-once)

#[tokio::test]
async fn delete_of_a_live_attribute_is_true_once() {
    let (db, store) = store().await;
    let attrs = store.attributes();
    attrs
        .set("a1", "b", "n", &json!(1), Some(60))
        .await
        .unwrap();
    attrs.set("a1", "b", "keep", &json!(2), None).await.unwrap();
    assert!(attrs.delete("a1", "b", "n").await.unwrap());
    assert!(!attrs.delete("a1", "b", "n").await.unwrap());
    assert_eq!(attrs.get("a1", "b", "n").await.unwrap(), None);
    assert_eq!(rows(&db).await, 1);
}

#[tokio::test]
async fn delete_of_a_missing_attribute_is_false() {
    let (_db, store) = store().await;
    assert!(!store.attributes().delete("a1", "b", "n").await.unwrap());
}

#[tokio::test]
async fn delete_of_an_expired_attribute_removes_it_but_is_false() {
    let (db, store) = store().await;
    insert_raw(&db, "a1", "b", "n", Some("1"), Some(1)).await;
    assert!(!store.attributes().delete("a1", "b", "n").await.unwrap());
    assert_eq!(rows(&db).await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn racing_deletes_and_swaps_have_exactly_one_winner_per_round() {
    let db = TestDb::new().await;
    let store = Store::connect(db.config().pool_size(32, 32).unwrap())
        .await
        .unwrap();
    const TASKS: usize = 32;
    for round in 0..100 {
        let attrs = store.attributes();
        attrs
            .set("a1", "race", "token", &json!({"round": round}), Some(600))
            .await
            .unwrap();
        attrs
            .set("a1", "race", "cas", &json!({"owner": null}), None)
            .await
            .unwrap();

        let deletes = (0..TASKS).map(|_| {
            let store = store.clone();
            tokio::spawn(async move { store.attributes().delete("a1", "race", "token").await })
        });
        let deleted: Vec<bool> = futures::future::join_all(deletes)
            .await
            .into_iter()
            .map(|r| r.unwrap().unwrap())
            .collect();
        assert_eq!(deleted.iter().filter(|&&d| d).count(), 1, "round {round}");

        let swaps = (0..TASKS).map(|task| {
            let store = store.clone();
            tokio::spawn(async move {
                store
                    .attributes()
                    .compare_and_swap(
                        "a1",
                        "race",
                        "cas",
                        &json!({"owner": null}),
                        &json!({"owner": task}),
                        None,
                    )
                    .await
            })
        });
        let swapped: Vec<bool> = futures::future::join_all(swaps)
            .await
            .into_iter()
            .map(|r| r.unwrap().unwrap())
            .collect();
        let winners: Vec<usize> = (0..TASKS).filter(|&t| swapped[t]).collect();
        assert_eq!(winners.len(), 1, "round {round}: {winners:?}");
        let stored = attrs.get("a1", "race", "cas").await.unwrap().unwrap();
        assert_eq!(stored.data, json!({"owner": winners[0]}), "round {round}");
    }
}

// ---------------------------------------------------------------------------------------------
// compare_and_swap

#[tokio::test]
async fn compare_and_swap_with_matching_old_data_replaces_it() {
    let (_db, store) = store().await;
    let attrs = store.attributes();
    attrs
        .set("a1", "b", "n", &json!({"state": "old"}), None)
        .await
        .unwrap();
    assert!(
        attrs
            .compare_and_swap(
                "a1",
                "b",
                "n",
                &json!({"state": "old"}),
                &json!({"state": "new"}),
                None
            )
            .await
            .unwrap()
    );
    assert_eq!(
        attrs.get("a1", "b", "n").await.unwrap(),
        Some(permanent(json!({"state": "new"})))
    );
}

#[tokio::test]
async fn compare_and_swap_with_different_old_data_is_false_and_changes_nothing() {
    let (_db, store) = store().await;
    let attrs = store.attributes();
    attrs
        .set("a1", "b", "n", &json!({"v": 1}), None)
        .await
        .unwrap();
    assert!(
        !attrs
            .compare_and_swap("a1", "b", "n", &json!({"v": 2}), &json!({"v": 3}), None)
            .await
            .unwrap()
    );
    assert_eq!(
        attrs.get("a1", "b", "n").await.unwrap().unwrap().data,
        json!({"v": 1})
    );
}

#[tokio::test]
async fn compare_and_swap_with_a_timestamp_sets_it_and_keeps_the_ttl() {
    let (_db, store) = store().await;
    let attrs = store.attributes();
    attrs
        .set("a1", "b", "n", &json!("old"), Some(600))
        .await
        .unwrap();
    let ttl = attrs
        .get("a1", "b", "n")
        .await
        .unwrap()
        .unwrap()
        .ttl_timestamp;
    let ts = at(2026, 3, 4, 5, 6, 7, 890_123);
    assert!(
        attrs
            .compare_and_swap("a1", "b", "n", &json!("old"), &json!("new"), Some(ts))
            .await
            .unwrap()
    );
    assert_eq!(
        attrs.get("a1", "b", "n").await.unwrap().unwrap(),
        Attribute {
            data: json!("new"),
            timestamp: Some(ts),
            ttl_timestamp: ttl
        }
    );
}

#[tokio::test]
async fn compare_and_swap_without_a_timestamp_keeps_the_stored_one() {
    let (_db, store) = store().await;
    let attrs = store.attributes();
    let ts = at(2026, 3, 4, 5, 6, 7, 1);
    attrs
        .set_at("a1", "b", "n", &json!(1), Some(ts), None)
        .await
        .unwrap();
    assert!(
        attrs
            .compare_and_swap("a1", "b", "n", &json!(1), &json!(2), None)
            .await
            .unwrap()
    );
    let got = attrs.get("a1", "b", "n").await.unwrap().unwrap();
    assert_eq!((got.data, got.timestamp), (json!(2), Some(ts)));
}

#[tokio::test]
async fn compare_and_swap_of_a_missing_attribute_is_false() {
    let (db, store) = store().await;
    assert!(
        !store
            .attributes()
            .compare_and_swap("a1", "b", "n", &json!(null), &json!(1), None)
            .await
            .unwrap()
    );
    assert_eq!(rows(&db).await, 0);
}

#[tokio::test]
async fn compare_and_swap_ignores_key_order() {
    let (_db, store) = store().await;
    let attrs = store.attributes();
    attrs
        .set("a1", "b", "n", &json!({"z": 3, "a": 1, "m": 2}), None)
        .await
        .unwrap();
    assert!(
        attrs
            .compare_and_swap(
                "a1",
                "b",
                "n",
                &json!({"a": 1, "m": 2, "z": 3}),
                &json!({"done": true}),
                None
            )
            .await
            .unwrap()
    );
    assert_eq!(
        attrs.get("a1", "b", "n").await.unwrap().unwrap().data,
        json!({"done": true})
    );
}

#[tokio::test]
async fn compare_and_swap_matches_nested_structures() {
    let (_db, store) = store().await;
    let attrs = store.attributes();
    let old = json!({"outer": {"list": [1, {"b": 2, "a": [true, null]}], "s": "x"}});
    attrs.set("a1", "b", "n", &old, None).await.unwrap();
    let reordered = json!({"outer": {"s": "x", "list": [1, {"a": [true, null], "b": 2}]}});
    let wrong_order = json!({"outer": {"s": "x", "list": [{"a": [true, null], "b": 2}, 1]}});
    assert!(
        !attrs
            .compare_and_swap("a1", "b", "n", &wrong_order, &json!(0), None)
            .await
            .unwrap(),
        "array order matters"
    );
    assert!(
        attrs
            .compare_and_swap("a1", "b", "n", &reordered, &json!(0), None)
            .await
            .unwrap()
    );
}

#[tokio::test]
async fn sequential_compare_and_swaps_all_succeed() {
    let (_db, store) = store().await;
    let attrs = store.attributes();
    attrs
        .set("a1", "b", "n", &json!({"v": 0}), None)
        .await
        .unwrap();
    for i in 0..5 {
        assert!(
            attrs
                .compare_and_swap("a1", "b", "n", &json!({"v": i}), &json!({"v": i + 1}), None)
                .await
                .unwrap(),
            "step {i}"
        );
    }
    assert_eq!(
        attrs.get("a1", "b", "n").await.unwrap().unwrap().data,
        json!({"v": 5})
    );
}

#[tokio::test]
async fn compare_and_swap_never_matches_an_expired_attribute() {
    let (db, store) = store().await;
    insert_raw(&db, "a1", "b", "n", Some(r#"{"v": 1}"#), Some(1)).await;
    assert!(
        !store
            .attributes()
            .compare_and_swap("a1", "b", "n", &json!({"v": 1}), &json!({"v": 2}), None)
            .await
            .unwrap()
    );
    let data = stored(&db, "a1", "b:n").await.unwrap().2;
    assert_eq!(data.as_deref(), Some(r#"{"v": 1}"#));
}

#[tokio::test]
async fn compare_and_swap_treats_null_as_json_null_both_ways() {
    let (db, store) = store().await;
    insert_raw(&db, "a1", "b", "sql_null", None, None).await;
    let attrs = store.attributes();
    attrs.set("a1", "b", "n", &json!(1), None).await.unwrap();
    assert!(
        attrs
            .compare_and_swap("a1", "b", "sql_null", &json!(null), &json!("x"), None)
            .await
            .unwrap(),
        "a SQL NULL compares as JSON null"
    );
    assert!(
        attrs
            .compare_and_swap("a1", "b", "n", &json!(1), &json!(null), None)
            .await
            .unwrap()
    );
    let kind: String = db
        .client()
        .await
        .query_one(
            "SELECT jsonb_typeof(data) FROM attributes WHERE bucket_name = 'b:n'",
            &[],
        )
        .await
        .unwrap()
        .get(0);
    assert_eq!(kind, "null");
    assert!(
        attrs
            .compare_and_swap("a1", "b", "n", &json!(null), &json!(2), None)
            .await
            .unwrap()
    );
}

#[tokio::test]
async fn compare_and_swap_refuses_nul_in_old_or_new() {
    let (db, store) = store().await;
    let attrs = store.attributes();
    attrs.set("a1", "b", "n", &json!("x"), None).await.unwrap();
    assert_err(
        attrs
            .compare_and_swap("a1", "b", "n", &json!("\u{0}"), &json!("y"), None)
            .await,
        ErrorKind::InvalidInput,
        "invalid old: contains a NUL character",
    );
    assert_err(
        attrs
            .compare_and_swap("a1", "b", "n", &json!("x"), &json!({"\u{0}": 1}), None)
            .await,
        ErrorKind::InvalidInput,
        "invalid new: contains a NUL character",
    );
    assert_eq!(
        stored(&db, "a1", "b:n").await.unwrap().2.as_deref(),
        Some("\"x\"")
    );
}

/// The upper layer's refresh-token marking: unused -> used with a timestamp, exactly once.
async fn mark_refresh_token_used(
    store: &Store,
    token: &str,
    used_at: i64,
) -> (bool, Option<Value>) {
    let attrs = store.attributes();
    let Some(current) = attrs.get("a1", "tokens", token).await.unwrap() else {
        return (false, None);
    };
    if current.data["used"] == json!(true) {
        return (false, Some(current.data));
    }
    let mut marked = current.data.clone();
    marked["used"] = json!(true);
    marked["used_at"] = json!(used_at);
    let swapped = attrs
        .compare_and_swap("a1", "tokens", token, &current.data, &marked, None)
        .await
        .unwrap();
    (swapped, Some(if swapped { marked } else { current.data }))
}

#[tokio::test]
async fn refresh_token_marking_built_on_compare_and_swap() {
    let (db, store) = store().await;
    let attrs = store.attributes();
    attrs
        .set(
            "a1",
            "tokens",
            "rt1",
            &json!({"used": false, "chain_id": "c1"}),
            Some(600),
        )
        .await
        .unwrap();

    let (ok, data) = mark_refresh_token_used(&store, "rt1", 1_700_000_000).await;
    assert!(ok);
    let data = data.unwrap();
    assert_eq!(data["used"], json!(true));
    assert!(data["used_at"].is_i64());

    let (again, seen) = mark_refresh_token_used(&store, "rt1", 1_700_000_001).await;
    assert!(!again);
    assert_eq!(seen.unwrap()["used_at"], json!(1_700_000_000));

    assert_eq!(
        mark_refresh_token_used(&store, "missing", 1).await,
        (false, None)
    );

    insert_raw(
        &db,
        "a1",
        "tokens",
        "expired",
        Some(r#"{"used": false}"#),
        Some(1),
    )
    .await;
    assert_eq!(
        mark_refresh_token_used(&store, "expired", 1).await,
        (false, None)
    );
    assert!(!attrs.delete("a1", "tokens", "expired").await.unwrap());
    assert_eq!(
        stored(&db, "a1", "tokens:expired").await,
        None,
        "cleaned up"
    );

    attrs
        .set("a1", "tokens", "rt2", &json!({"used": false}), Some(600))
        .await
        .unwrap();
    let markers = (0..5).map(|i| {
        let store = store.clone();
        async move { mark_refresh_token_used(&store, "rt2", i).await.0 }
    });
    let marked = futures::future::join_all(markers).await;
    assert_eq!(marked.iter().filter(|&&m| m).count(), 1, "{marked:?}");
}

#[tokio::test]
async fn five_concurrent_swaps_from_the_same_old_data_have_one_winner() {
    let (_db, store) = store().await;
    store
        .attributes()
        .set("a1", "b", "n", &json!({"v": "old"}), None)
        .await
        .unwrap();
    let swaps = (0..5).map(|i| {
        let store = store.clone();
        async move {
            store
                .attributes()
                .compare_and_swap("a1", "b", "n", &json!({"v": "old"}), &json!({"v": i}), None)
                .await
                .unwrap()
        }
    });
    let results = futures::future::join_all(swaps).await;
    assert_eq!(results.iter().filter(|&&r| r).count(), 1, "{results:?}");
}

// ---------------------------------------------------------------------------------------------
// buckets

#[tokio::test]
async fn get_bucket_returns_exactly_that_buckets_live_attributes() {
    let (db, store) = store().await;
    let attrs = store.attributes();
    attrs.set("a1", "tok", "x", &json!(1), None).await.unwrap();
    attrs
        .set("a1", "tok", "y", &json!({"k": 2}), Some(60))
        .await
        .unwrap();
    attrs.set("a1", "tok2", "z", &json!(3), None).await.unwrap();
    attrs.set("a2", "tok", "w", &json!(4), None).await.unwrap();
    insert_raw(&db, "a1", "tok", "expired", Some("5"), Some(1)).await;
    let bucket = attrs.get_bucket("a1", "tok").await.unwrap();
    assert_eq!(bucket.keys().collect::<Vec<_>>(), ["x", "y"]);
    assert_eq!(bucket["x"], permanent(json!(1)));
    assert_eq!(bucket["y"].data, json!({"k": 2}));
    assert!(bucket["y"].ttl_timestamp.is_some());
}

#[tokio::test]
async fn get_bucket_of_an_empty_bucket_is_an_empty_map() {
    let (_db, store) = store().await;
    assert_eq!(
        store
            .attributes()
            .get_bucket("a1", "nothing")
            .await
            .unwrap(),
        BTreeMap::new()
    );
}

#[tokio::test]
async fn all_buckets_groups_live_attributes_by_bucket_and_name() {
    let (db, store) = store().await;
    let attrs = store.attributes();
    assert!(attrs.all_buckets("a1").await.unwrap().is_empty());
    let ts = at(2026, 5, 5, 5, 5, 5, 5);
    attrs
        .set_at("a1", "b2", "n", &json!("x"), Some(ts), None)
        .await
        .unwrap();
    attrs.set("a1", "b1", "m", &json!(1), None).await.unwrap();
    attrs.set("a1", "b1", "l", &json!(2), None).await.unwrap();
    attrs
        .set("a2", "b1", "other", &json!(3), None)
        .await
        .unwrap();
    insert_raw(&db, "a1", "b3", "expired", Some("4"), Some(1)).await;
    let all = attrs.all_buckets("a1").await.unwrap();
    let expected = BTreeMap::from([
        (
            "b1".to_string(),
            BTreeMap::from([
                ("l".to_string(), permanent(json!(2))),
                ("m".to_string(), permanent(json!(1))),
            ]),
        ),
        (
            "b2".to_string(),
            BTreeMap::from([(
                "n".to_string(),
                Attribute {
                    data: json!("x"),
                    timestamp: Some(ts),
                    ttl_timestamp: None,
                },
            )]),
        ),
    ]);
    assert_eq!(all, expected);
}

#[tokio::test]
async fn bucket_timestamps_are_the_latest_per_bucket_over_live_rows() {
    let (db, store) = store().await;
    let attrs = store.attributes();
    assert!(attrs.bucket_timestamps("a1").await.unwrap().is_empty());
    let early = at(2026, 1, 1, 0, 0, 0, 1);
    let late = at(2026, 1, 2, 0, 0, 0, 2);
    attrs
        .set_at("a1", "dated", "x", &json!(1), Some(early), None)
        .await
        .unwrap();
    attrs
        .set_at("a1", "dated", "y", &json!(1), Some(late), None)
        .await
        .unwrap();
    attrs
        .set("a1", "dated", "z", &json!(1), None)
        .await
        .unwrap();
    attrs
        .set("a1", "undated", "x", &json!(1), None)
        .await
        .unwrap();
    attrs
        .set_at(
            "a2",
            "dated",
            "x",
            &json!(1),
            Some(at(2030, 1, 1, 0, 0, 0, 0)),
            None,
        )
        .await
        .unwrap();
    insert_raw(&db, "a1", "expired_only", "x", Some("1"), Some(1)).await;
    db.client()
        .await
        .execute(
            "INSERT INTO attributes VALUES \
             ('a1', 'dated:old', 'dated', 'old', '1', '2040-01-01', 1)",
            &[],
        )
        .await
        .unwrap();
    let stamps = attrs.bucket_timestamps("a1").await.unwrap();
    assert_eq!(
        stamps,
        BTreeMap::from([
            ("dated".to_string(), Some(late)),
            ("undated".to_string(), None),
        ])
    );
}

#[tokio::test]
async fn delete_bucket_removes_every_row_of_that_bucket_only() {
    let (db, store) = store().await;
    let attrs = store.attributes();
    attrs.set("a1", "tok", "x", &json!(1), None).await.unwrap();
    attrs.set("a1", "tok", "y", &json!(2), None).await.unwrap();
    insert_raw(&db, "a1", "tok", "expired", Some("3"), Some(1)).await;
    attrs.set("a1", "tok2", "x", &json!(4), None).await.unwrap();
    attrs.set("a2", "tok", "x", &json!(5), None).await.unwrap();
    assert_eq!(attrs.delete_bucket("a1", "tok").await.unwrap(), 3);
    assert_eq!(attrs.delete_bucket("a1", "tok").await.unwrap(), 0);
    assert_eq!(rows(&db).await, 2);
    assert_eq!(attrs.get_bucket("a1", "tok2").await.unwrap().len(), 1);
    assert_eq!(attrs.get_bucket("a2", "tok").await.unwrap().len(), 1);
}

#[tokio::test]
async fn delete_all_removes_every_row_of_the_actor_only() {
    let (db, store) = store().await;
    let attrs = store.attributes();
    attrs.set("a1", "b1", "x", &json!(1), None).await.unwrap();
    attrs
        .set("a1", "b2", "y", &json!(2), Some(60))
        .await
        .unwrap();
    insert_raw(&db, "a1", "b3", "expired", Some("3"), Some(1)).await;
    attrs.set("a2", "b1", "x", &json!(4), None).await.unwrap();
    assert_eq!(attrs.delete_all("a1").await.unwrap(), 3);
    assert_eq!(attrs.delete_all("a1").await.unwrap(), 0);
    assert_eq!(rows(&db).await, 1);
    assert!(attrs.all_buckets("a1").await.unwrap().is_empty());
    assert_eq!(attrs.all_buckets("a2").await.unwrap().len(), 1);
}

// ---------------------------------------------------------------------------------------------
// delete_by_chain

#[tokio::test]
async fn delete_by_chain_removes_the_chains_rows_in_the_given_buckets_only() {
    let (db, store) = store().await;
    let attrs = store.attributes();
    let chain = json!({"chain_id": "c1", "token": "t"});
    attrs.set("a1", "access", "t1", &chain, None).await.unwrap();
    attrs
        .set("a1", "refresh", "t2", &chain, None)
        .await
        .unwrap();
    attrs.set("a1", "other", "t3", &chain, None).await.unwrap();
    attrs.set("a2", "access", "t4", &chain, None).await.unwrap();
    attrs
        .set("a1", "access", "t5", &json!({"chain_id": "c2"}), None)
        .await
        .unwrap();
    attrs
        .set(
            "a1",
            "access",
            "nested",
            &json!({"inner": {"chain_id": "c1"}}),
            None,
        )
        .await
        .unwrap();
    attrs
        .set("a1", "access", "string", &json!("c1"), None)
        .await
        .unwrap();
    let buckets: &[&str] = &["access", "refresh"];
    assert_eq!(attrs.delete_by_chain("a1", buckets, "c1").await.unwrap(), 2);
    assert_eq!(attrs.delete_by_chain("a1", buckets, "c1").await.unwrap(), 0);
    assert_eq!(rows(&db).await, 5);
    assert_eq!(
        attrs
            .get_bucket("a1", "access")
            .await
            .unwrap()
            .keys()
            .collect::<Vec<_>>(),
        ["nested", "string", "t5"]
    );
    assert!(attrs.get("a1", "other", "t3").await.unwrap().is_some());
    assert!(attrs.get("a2", "access", "t4").await.unwrap().is_some());
}

#[tokio::test]
async fn delete_by_chain_with_no_buckets_deletes_nothing_and_an_empty_chain_is_refused() {
    let (db, store) = store().await;
    let attrs = store.attributes();
    attrs
        .set("a1", "access", "t1", &json!({"chain_id": "c1"}), None)
        .await
        .unwrap();
    assert_eq!(attrs.delete_by_chain("a1", &[], "c1").await.unwrap(), 0);
    assert_err(
        attrs.delete_by_chain("a1", &["access"], "").await,
        ErrorKind::InvalidInput,
        "invalid chain id: must not be empty",
    );
    assert_err(
        attrs.delete_by_chain("a1", &["access"], "c\0").await,
        ErrorKind::InvalidInput,
        "invalid chain id: contains a NUL byte",
    );
    assert_err(
        attrs.delete_by_chain("a1", &["access", ""], "c1").await,
        ErrorKind::InvalidInput,
        "invalid bucket: must not be empty",
    );
    assert_eq!(rows(&db).await, 1);
}

/// The exact statement text `delete_by_chain` sends, from the generated code.
fn delete_by_chain_sql() -> &'static str {
    let generated = include_str!("../codegen/src/queries/attributes.rs");
    let start = generated
        .find("pub fn delete_attributes_by_chain()")
        .expect("generated function");
    let rest = &generated[start..];
    let open = rest.find('"').unwrap() + 1;
    let close = open + rest[open..].find('"').unwrap();
    &rest[open..close]
}

#[tokio::test]
async fn delete_by_chain_uses_the_chain_id_expression_index() {
    let (db, store) = store().await;
    let sql = delete_by_chain_sql();
    assert!(sql.contains("data ->> 'chain_id' = $3"), "{sql}");
    let client = db.client().await;
    client
        .batch_execute(
            "INSERT INTO attributes (id, bucket_name, bucket, name, data) \
             SELECT 'a' || (i % 3), 'tokens:t' || i, 'tokens', 't' || i, \
                    jsonb_build_object('chain_id', 'c' || i) \
             FROM generate_series(1, 5000) AS i; \
             ANALYZE attributes;",
        )
        .await
        .unwrap();
    let buckets = vec!["tokens"];
    let plan: Vec<String> = client
        .query(&format!("EXPLAIN {sql}"), &[&"a1", &buckets, &"c42"])
        .await
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    let plan = plan.join("\n");
    assert!(plan.contains("idx_attributes_chain_id"), "{plan}");
    // The same statement through the API: 'c42' belongs to actor 'a0' (42 % 3 == 0).
    let attrs = store.attributes();
    assert_eq!(
        attrs
            .delete_by_chain("a1", &["tokens"], "c42")
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        attrs
            .delete_by_chain("a0", &["tokens"], "c42")
            .await
            .unwrap(),
        1
    );
}

// ---------------------------------------------------------------------------------------------
// composite keys

#[tokio::test]
async fn colliding_key_from_bucket_side_is_refused_and_the_first_row_is_untouched() {
    let (db, store) = store().await;
    let attrs = store.attributes();
    attrs
        .set("a1", "a:b", "c", &json!("first"), None)
        .await
        .unwrap();
    assert_err(
        attrs.set("a1", "a", "b:c", &json!("second"), None).await,
        ErrorKind::InvalidInput,
        "invalid bucket_name: ambiguous composite key: \"a:b:c\" already holds a row for \
         different parts than bucket \"a\" and name \"b:c\"",
    );
    assert_eq!(
        stored(&db, "a1", "a:b:c").await,
        Some(("a:b".into(), "c".into(), Some("\"first\"".into()), None))
    );
    assert_eq!(attrs.get("a1", "a", "b:c").await.unwrap(), None);
    assert!(!attrs.delete("a1", "a", "b:c").await.unwrap());
    assert!(
        !attrs
            .compare_and_swap("a1", "a", "b:c", &json!("first"), &json!("x"), None)
            .await
            .unwrap()
    );
    assert!(attrs.get_bucket("a1", "a").await.unwrap().is_empty());
    assert_eq!(
        attrs.get("a1", "a:b", "c").await.unwrap(),
        Some(permanent(json!("first")))
    );
    assert!(attrs.delete("a1", "a:b", "c").await.unwrap());
    assert_eq!(rows(&db).await, 0);
}

#[tokio::test]
async fn colliding_key_from_name_side_is_refused_and_the_first_row_is_untouched() {
    let (db, store) = store().await;
    let attrs = store.attributes();
    attrs
        .set("a1", "a", "b:c", &json!("first"), None)
        .await
        .unwrap();
    assert_err(
        attrs
            .set("a1", "a:b", "c", &json!("second"), Some(60))
            .await,
        ErrorKind::InvalidInput,
        "ambiguous composite key: \"a:b:c\"",
    );
    assert_eq!(
        stored(&db, "a1", "a:b:c").await,
        Some(("a".into(), "b:c".into(), Some("\"first\"".into()), None))
    );
    assert_eq!(attrs.get("a1", "a:b", "c").await.unwrap(), None);
    assert!(!attrs.delete("a1", "a:b", "c").await.unwrap());
    assert!(attrs.get_bucket("a1", "a:b").await.unwrap().is_empty());
    assert_eq!(
        attrs.get_bucket("a1", "a").await.unwrap()["b:c"],
        permanent(json!("first"))
    );
    assert!(attrs.delete("a1", "a", "b:c").await.unwrap());
}

#[tokio::test]
async fn an_expired_row_of_the_other_pair_is_replaced() {
    let (db, store) = store().await;
    insert_raw(&db, "a1", "a:b", "c", Some("\"old\""), Some(1)).await;
    let attrs = store.attributes();
    attrs
        .set("a1", "a", "b:c", &json!("new"), None)
        .await
        .unwrap();
    assert_eq!(
        stored(&db, "a1", "a:b:c").await,
        Some(("a".into(), "b:c".into(), Some("\"new\"".into()), None))
    );
    assert_eq!(
        attrs.get("a1", "a", "b:c").await.unwrap(),
        Some(permanent(json!("new")))
    );
}

#[tokio::test]
async fn composite_key_longer_than_255_characters_is_refused() {
    let (db, store) = store().await;
    let attrs = store.attributes();
    let (b127, n127, n128) = ("b".repeat(127), "n".repeat(127), "n".repeat(128));
    attrs
        .set("a1", &b127, &n127, &json!(1), None)
        .await
        .unwrap();
    assert!(attrs.get("a1", &b127, &n127).await.unwrap().is_some());
    assert_err(
        attrs.set("a1", &b127, &n128, &json!(1), None).await,
        ErrorKind::InvalidInput,
        "invalid bucket_name: is 256 characters long; the column holds at most 255",
    );
    assert_err(
        attrs.get("a1", &b127, &n128).await,
        ErrorKind::InvalidInput,
        "invalid bucket_name",
    );
    assert_eq!(rows(&db).await, 1);
}

// ---------------------------------------------------------------------------------------------
// argument checks

#[tokio::test]
async fn nul_in_any_key_argument_is_refused_and_nothing_is_written() {
    let (db, store) = store().await;
    let attrs = store.attributes();
    let v = json!(1);
    for (id, bucket, name, field) in [
        ("a\0", "b", "n", "invalid actor id: contains a NUL byte"),
        ("a", "b\0", "n", "invalid bucket: contains a NUL byte"),
        (
            "a",
            "b",
            "n\0",
            "invalid attribute name: contains a NUL byte",
        ),
    ] {
        let k = ErrorKind::InvalidInput;
        assert_err(attrs.set(id, bucket, name, &v, None).await, k, field);
        assert_err(attrs.get(id, bucket, name).await, k, field);
        assert_err(attrs.get_strict(id, bucket, name).await, k, field);
        assert_err(attrs.delete(id, bucket, name).await, k, field);
        assert_err(
            attrs.compare_and_swap(id, bucket, name, &v, &v, None).await,
            k,
            field,
        );
    }
    let k = ErrorKind::InvalidInput;
    let nul_id = "invalid actor id: contains a NUL byte";
    let nul_bucket = "invalid bucket: contains a NUL byte";
    assert_err(attrs.get_bucket("a\0", "b").await, k, nul_id);
    assert_err(attrs.get_bucket("a", "b\0").await, k, nul_bucket);
    assert_err(attrs.all_buckets("a\0").await, k, nul_id);
    assert_err(attrs.bucket_timestamps("a\0").await, k, nul_id);
    assert_err(attrs.delete_bucket("a\0", "b").await, k, nul_id);
    assert_err(attrs.delete_bucket("a", "b\0").await, k, nul_bucket);
    assert_err(attrs.delete_all("a\0").await, k, nul_id);
    assert_err(attrs.delete_by_chain("a\0", &["b"], "c").await, k, nul_id);
    assert_err(
        attrs.delete_by_chain("a", &["b\0"], "c").await,
        k,
        nul_bucket,
    );
    assert_eq!(rows(&db).await, 0);
}

#[tokio::test]
async fn empty_key_arguments_are_refused() {
    let (db, store) = store().await;
    let attrs = store.attributes();
    let v = json!(1);
    let k = ErrorKind::InvalidInput;
    for (id, bucket, name, message) in [
        ("", "b", "n", "invalid actor id: must not be empty"),
        ("a", "", "n", "invalid bucket: must not be empty"),
        ("a", "b", "", "invalid attribute name: must not be empty"),
    ] {
        assert_err(attrs.set(id, bucket, name, &v, None).await, k, message);
        assert_err(attrs.get(id, bucket, name).await, k, message);
        assert_err(attrs.delete(id, bucket, name).await, k, message);
        assert_err(
            attrs.compare_and_swap(id, bucket, name, &v, &v, None).await,
            k,
            message,
        );
    }
    let empty_id = "invalid actor id: must not be empty";
    assert_err(attrs.get_bucket("", "b").await, k, empty_id);
    assert_err(
        attrs.get_bucket("a", "").await,
        k,
        "invalid bucket: must not be empty",
    );
    assert_err(attrs.all_buckets("").await, k, empty_id);
    assert_err(attrs.bucket_timestamps("").await, k, empty_id);
    assert_err(attrs.delete_bucket("", "b").await, k, empty_id);
    assert_err(attrs.delete_all("").await, k, empty_id);
    assert_err(attrs.delete_by_chain("", &["b"], "c").await, k, empty_id);
    assert_eq!(rows(&db).await, 0);
}

#[tokio::test]
async fn identifiers_of_255_characters_work_and_256_are_refused() {
    let (db, store) = store().await;
    let attrs = store.attributes();
    let (id255, id256) = ("i".repeat(255), "i".repeat(256));
    attrs.set(&id255, "b", "n", &json!(1), None).await.unwrap();
    assert_eq!(
        attrs.get(&id255, "b", "n").await.unwrap(),
        Some(permanent(json!(1)))
    );
    let too_long = "is 256 characters long; the column holds at most 255";
    let k = ErrorKind::InvalidInput;
    assert_err(
        attrs.set(&id256, "b", "n", &json!(1), None).await,
        k,
        &format!("invalid actor id: {too_long}"),
    );
    assert_err(attrs.all_buckets(&id256).await, k, "invalid actor id");
    let (b255, b256) = ("b".repeat(255), "b".repeat(256));
    assert!(attrs.get_bucket("a1", &b255).await.unwrap().is_empty());
    assert_eq!(attrs.delete_bucket("a1", &b255).await.unwrap(), 0);
    assert_err(
        attrs.get_bucket("a1", &b256).await,
        k,
        &format!("invalid bucket: {too_long}"),
    );
    assert_err(
        attrs.get("a1", "b", &"n".repeat(256)).await,
        k,
        &format!("invalid attribute name: {too_long}"),
    );
    assert_err(
        attrs.delete_expired(None, Some(&[b256.as_str()])).await,
        k,
        "invalid bucket",
    );
    assert_eq!(rows(&db).await, 1);
}

// ---------------------------------------------------------------------------------------------
// transactions

#[tokio::test]
async fn attribute_writes_in_a_transaction_commit_together() {
    let (db, store) = store().await;
    store
        .transaction(|tx| {
            Box::pin(async move {
                let attrs = tx.attributes();
                attrs.set("a1", "b", "x", &json!(1), None).await?;
                attrs.set("a1", "b", "y", &json!(2), None).await?;
                assert!(
                    attrs
                        .compare_and_swap("a1", "b", "x", &json!(1), &json!(3), None)
                        .await?
                );
                assert_eq!(attrs.get_bucket("a1", "b").await?.len(), 2);
                Ok(())
            })
        })
        .await
        .unwrap();
    assert_eq!(rows(&db).await, 2);
    assert_eq!(
        store
            .attributes()
            .get("a1", "b", "x")
            .await
            .unwrap()
            .unwrap()
            .data,
        json!(3)
    );
}

#[tokio::test]
async fn an_error_from_the_transaction_closure_rolls_attribute_writes_back() {
    let (db, store) = store().await;
    store
        .attributes()
        .set("a1", "b", "keep", &json!("kept"), None)
        .await
        .unwrap();
    let result: actingweb_pg::Result<()> = store
        .transaction(|tx| {
            Box::pin(async move {
                let attrs = tx.attributes();
                attrs.set("a1", "b", "new", &json!(1), Some(60)).await?;
                assert!(attrs.delete("a1", "b", "keep").await?);
                assert_eq!(attrs.delete_expired(Some(i64::MAX), None).await?, 1);
                // The collision error aborts the closure.
                attrs.set("a1", "b:new", "x", &json!(1), None).await?;
                attrs.set("a1", "b", "new:x", &json!(1), None).await?;
                Ok(())
            })
        })
        .await;
    assert_err(result, ErrorKind::InvalidInput, "ambiguous composite key");
    assert_eq!(rows(&db).await, 1);
    assert_eq!(
        store.attributes().get("a1", "b", "keep").await.unwrap(),
        Some(permanent(json!("kept")))
    );
}
