//! Bounds on JSON input: one nesting limit (`MAX_JSON_DEPTH`, 127) for properties and
//! attributes, checked without recursion so that a value 100,000 deep is refused and the process
//! goes on; non-finite floats refused by the `set_serialized` paths and `encoding::to_value`
//! instead of turning into `null`.

mod common;

use std::collections::BTreeMap;

use actingweb_pg::encoding::{self, MAX_JSON_DEPTH};
use actingweb_pg::{ErrorKind, ImportOptions, python_json};
use common::{assert_err, store};
use serde::Serialize;
use serde_json::{Value, json};

const TOO_DEEP: &str = "is nested deeper than 127 arrays or objects";
const NON_FINITE: &str = "holds a non-finite number (NaN or infinity), which JSON cannot represent";

/// `depth` arrays nested in one another around `1`, built without recursion.
fn nested(depth: usize) -> Value {
    let mut value = json!(1);
    for _ in 0..depth {
        value = Value::Array(vec![value]);
    }
    value
}

/// Takes a deep value apart level by level: dropping it whole would recurse once per level.
fn dismantle(mut value: Value) {
    while let Value::Array(mut items) = value {
        value = items.pop().unwrap_or(Value::Null);
    }
}

/// A recursive Rust type: one enum variant (a JSON object) per level.
#[derive(Serialize)]
enum Chain {
    End,
    Link(Box<Chain>),
}

impl Chain {
    fn new(depth: usize) -> Chain {
        (0..depth).fold(Chain::End, |inner, _| Chain::Link(Box::new(inner)))
    }

    fn dismantle(mut self) {
        while let Chain::Link(next) = self {
            self = *next;
        }
    }
}

/// A chain of wrappers that adds no JSON nesting at all (it serialises as `null`).
#[derive(Serialize)]
struct Wrapper(Option<Box<Wrapper>>);

#[tokio::test]
async fn set_json_stores_127_levels_and_refuses_128_naming_the_value() {
    let (_db, store) = store().await;
    let p = store.properties();
    assert_eq!(MAX_JSON_DEPTH, 127);
    p.set_json("a1", "deep", &nested(127)).await.unwrap();
    let text = p.get("a1", "deep").await.unwrap().unwrap();
    assert_eq!(text, format!("{}1{}", "[".repeat(127), "]".repeat(127)));
    assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), nested(127));
    let object_deep = json!({"a": nested(126)});
    p.set_json("a1", "object", &object_deep).await.unwrap();
    assert_err(
        p.set_json("a1", "deep", &nested(128)).await,
        ErrorKind::InvalidInput,
        &format!("invalid value: {TOO_DEEP}"),
    );
    assert_err(
        p.set_json("a1", "deep", &json!({"a": nested(127)})).await,
        ErrorKind::InvalidInput,
        &format!("invalid value: {TOO_DEEP}"),
    );
    // The refused writes left the stored value as it was.
    assert_eq!(p.get("a1", "deep").await.unwrap().unwrap(), text);
}

#[tokio::test]
async fn a_100000_deep_value_is_refused_by_every_json_path_and_the_process_survives() {
    let (db, store) = store().await;
    let deep = nested(100_000);
    let p = store.properties();
    let a = store.attributes();
    let refused = TOO_DEEP;
    assert_err(
        p.set_json("a1", "deep", &deep).await,
        ErrorKind::InvalidInput,
        &format!("invalid value: {refused}"),
    );
    assert_err(
        p.set_serialized("a1", "deep", &deep).await,
        ErrorKind::InvalidInput,
        &format!("invalid value: {refused}"),
    );
    assert_err(
        a.set("a1", "b", "deep", &deep, None).await,
        ErrorKind::InvalidInput,
        &format!("invalid data: {refused}"),
    );
    assert_err(
        a.set_serialized("a1", "b", "deep", &deep, None).await,
        ErrorKind::InvalidInput,
        &format!("invalid data: {refused}"),
    );
    a.set("a1", "b", "n", &json!(1), None).await.unwrap();
    assert_err(
        a.compare_and_swap("a1", "b", "n", &json!(1), &deep, None)
            .await,
        ErrorKind::InvalidInput,
        &format!("invalid new: {refused}"),
    );
    assert_err(
        a.compare_and_swap("a1", "b", "n", &deep, &json!(2), None)
            .await,
        ErrorKind::InvalidInput,
        &format!("invalid old: {refused}"),
    );
    assert_err(
        encoding::to_value(&deep),
        ErrorKind::InvalidInput,
        &format!("invalid value: {refused}"),
    );
    // The encoder itself writes any depth without recursion.
    let text = python_json(&deep);
    assert!(text == format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000)));
    dismantle(deep);

    let chain = Chain::new(100_000);
    assert_err(
        p.set_serialized("a1", "chain", &chain).await,
        ErrorKind::InvalidInput,
        &format!("invalid value: {refused}"),
    );
    chain.dismantle();
    let mut wrapper = Wrapper(None);
    for _ in 0..100_000 {
        wrapper = Wrapper(Some(Box::new(wrapper)));
    }
    assert_err(
        p.set_serialized("a1", "wrapper", &wrapper).await,
        ErrorKind::InvalidInput,
        "invalid value: nests values deeper than 508 levels",
    );
    while let Wrapper(Some(next)) = wrapper {
        wrapper = *next;
    }

    // An import file holding such data is refused too.
    let dir = std::env::temp_dir().join(format!("awpg-deep-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let data = format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000));
    std::fs::write(
        dir.join("attributes.json"),
        format!(r#"[{{"id": "a1", "bucket": "b", "name": "x", "data": {data}}}]"#),
    )
    .unwrap();
    let imported = store.import(&dir, ImportOptions::default(), &()).await;
    std::fs::remove_dir_all(&dir).unwrap();
    let error = imported.expect_err("100,000-deep import data");
    assert_eq!(error.kind(), ErrorKind::InvalidInput, "{error}");

    // Nothing was written, and the store still works.
    let client = db.client().await;
    let properties: i64 = client
        .query_one("SELECT count(*) FROM properties", &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(properties, 0);
    assert_eq!(a.get("a1", "b", "n").await.unwrap().unwrap().data, json!(1));
    p.set_json("a1", "after", &json!([1])).await.unwrap();
}

#[tokio::test]
async fn non_finite_floats_are_refused_and_nothing_is_deleted_or_nulled() {
    let (_db, store) = store().await;
    let p = store.properties();
    let a = store.attributes();
    // What serde_json does with them: a `Value` cannot hold NaN, it becomes null.
    assert_eq!(json!(f64::NAN), Value::Null);
    assert_eq!(serde_json::to_value(f64::INFINITY).unwrap(), Value::Null);

    p.set("a1", "score", "1.5").await.unwrap();
    for refused in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        assert_err(
            p.set_serialized("a1", "score", &refused).await,
            ErrorKind::InvalidInput,
            &format!("invalid value: {NON_FINITE}"),
        );
    }
    assert_err(
        p.set_serialized("a1", "score", &vec![1.0_f32, f32::NAN])
            .await,
        ErrorKind::InvalidInput,
        &format!("invalid value: {NON_FINITE}"),
    );
    assert_eq!(p.get("a1", "score").await.unwrap().as_deref(), Some("1.5"));

    a.set("a1", "b", "stats", &json!({"mean": 2.0}), None)
        .await
        .unwrap();
    let stats = BTreeMap::from([("mean", f64::INFINITY)]);
    assert_err(
        a.set_serialized("a1", "b", "stats", &stats, None).await,
        ErrorKind::InvalidInput,
        &format!("invalid data: {NON_FINITE}"),
    );
    assert_eq!(
        a.get("a1", "b", "stats").await.unwrap().unwrap().data,
        json!({"mean": 2.0})
    );
    assert_err(
        encoding::to_value(&Some(f64::NAN)),
        ErrorKind::InvalidInput,
        &format!("invalid value: {NON_FINITE}"),
    );
}

#[derive(Serialize)]
struct Settings {
    theme: &'static str,
    zoom: f64,
    langs: Vec<&'static str>,
    beta: Option<bool>,
    mode: Mode,
}

#[derive(Serialize)]
enum Mode {
    Fixed { width: u32 },
}

#[tokio::test]
async fn set_serialized_stores_what_set_json_stores_and_none_deletes() {
    let (_db, store) = store().await;
    let p = store.properties();
    let settings = Settings {
        theme: "dark",
        zoom: 1.5,
        langs: vec!["en", "nø"],
        beta: None,
        mode: Mode::Fixed { width: 80 },
    };
    p.set_serialized("a1", "settings", &settings).await.unwrap();
    let expected = python_json(&serde_json::to_value(&settings).unwrap());
    assert_eq!(
        expected,
        r#"{"theme": "dark", "zoom": 1.5, "langs": ["en", "n\u00f8"], "beta": null, "mode": {"Fixed": {"width": 80}}}"#
    );
    assert_eq!(p.get("a1", "settings").await.unwrap(), Some(expected));
    p.set_serialized("a1", "name", "plain text").await.unwrap();
    assert_eq!(
        p.get("a1", "name").await.unwrap().as_deref(),
        Some("plain text")
    );
    p.set_serialized("a1", "name", &None::<f64>).await.unwrap();
    assert_eq!(p.get("a1", "name").await.unwrap(), None);

    let a = store.attributes();
    a.set_serialized("a1", "b", "s", &settings, Some(60))
        .await
        .unwrap();
    let stored = a.get("a1", "b", "s").await.unwrap().unwrap();
    assert_eq!(stored.data, serde_json::to_value(&settings).unwrap());
    assert!(stored.ttl_timestamp.is_some());
    assert_err(
        encoding::to_value(&BTreeMap::from([((1, 2), 3)])),
        ErrorKind::InvalidInput,
        "invalid value: key must be a string",
    );
}

#[test]
fn to_value_counts_enum_variants_and_tuples_as_json_nesting() {
    // 126 arrays around a struct variant (an object around an object): 128 levels.
    #[derive(Serialize)]
    enum E {
        S { x: u8 },
        T(u8, u8),
    }
    let wrap = |depth: usize, inner: Value| -> Value {
        (0..depth).fold(inner, |v, _| Value::Array(vec![v]))
    };
    let s = encoding::to_value(&E::S { x: 1 }).unwrap();
    assert_eq!(s, json!({"S": {"x": 1}}));
    assert_eq!(
        encoding::to_value(&E::T(1, 2)).unwrap(),
        json!({"T": [1, 2]})
    );
    // Values nest through `Value`'s own Serialize here: 125 arrays + 2 levels = 127.
    struct Around(usize, fn() -> E);
    impl Serialize for Around {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeSeq;
            if self.0 == 0 {
                return (self.1)().serialize(s);
            }
            let mut seq = s.serialize_seq(Some(1))?;
            seq.serialize_element(&Around(self.0 - 1, self.1))?;
            seq.end()
        }
    }
    let ok = encoding::to_value(&Around(125, || E::S { x: 1 })).unwrap();
    assert_eq!(ok, wrap(125, json!({"S": {"x": 1}})));
    assert_err(
        encoding::to_value(&Around(126, || E::T(1, 2))),
        ErrorKind::InvalidInput,
        &format!("invalid value: {TOO_DEEP}"),
    );
}
