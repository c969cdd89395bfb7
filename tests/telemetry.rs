//! Spans and metrics of the operations: a `tracing` layer that keeps every span with its
//! fields and a `metrics` debugging recorder (the test kit's [`MetricsCapture`]), both
//! installed for the test's thread only, so that tests running in parallel do not see each
//! other's operations.

mod common;

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use actingweb_pg::telemetry::{
    ERRORS, OPERATION_DURATION, POOL_ACQUIRE_DURATION, POOL_IDLE, POOL_SIZE, POOL_WAITING,
    SPAN_NAME, TTL_PURGED_ROWS,
};
use actingweb_pg::{ErrorKind, Store};
use actingweb_pg_testkit::metrics::{Metric, MetricsCapture};
use common::{TestDb, assert_err, store};
use serde_json::json;
use tracing_subscriber::layer::{Context, SubscriberExt};
use tracing_subscriber::registry::LookupSpan;

/// A span as the layer saw it: its name and every field (recorded later ones included).
#[derive(Debug, Clone, PartialEq)]
struct CapturedSpan {
    name: &'static str,
    fields: BTreeMap<String, String>,
}

#[derive(Clone, Default)]
struct Spans(Arc<Mutex<Vec<CapturedSpan>>>);

/// The index of a span in [`Spans`], kept in the span's extensions.
struct Index(usize);

struct Fields<'a>(&'a mut BTreeMap<String, String>);

impl tracing::field::Visit for Fields<'_> {
    fn record_str(&mut self, field: &tracing::field::Field, value: &str) {
        self.0.insert(field.name().to_string(), value.to_string());
    }

    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        self.0
            .insert(field.name().to_string(), format!("{value:?}"));
    }
}

impl<S> tracing_subscriber::Layer<S> for Spans
where
    S: tracing::Subscriber + for<'a> LookupSpan<'a>,
{
    fn on_new_span(
        &self,
        attrs: &tracing::span::Attributes<'_>,
        id: &tracing::span::Id,
        ctx: Context<'_, S>,
    ) {
        let mut fields = BTreeMap::new();
        attrs.record(&mut Fields(&mut fields));
        let mut spans = self.0.lock().unwrap();
        spans.push(CapturedSpan {
            name: attrs.metadata().name(),
            fields,
        });
        let span = ctx.span(id).expect("the span exists");
        span.extensions_mut().insert(Index(spans.len() - 1));
    }

    fn on_record(
        &self,
        id: &tracing::span::Id,
        values: &tracing::span::Record<'_>,
        ctx: Context<'_, S>,
    ) {
        let span = ctx.span(id).expect("the span exists");
        let extensions = span.extensions();
        let Index(i) = extensions.get::<Index>().expect("indexed at creation");
        values.record(&mut Fields(&mut self.0.lock().unwrap()[*i].fields));
    }
}

/// Spans and metrics of what runs on this thread while it lives.
struct Capture {
    spans: Spans,
    metrics: MetricsCapture,
    _tracing: tracing::subscriber::DefaultGuard,
}

impl Capture {
    fn start() -> Capture {
        let spans = Spans::default();
        let tracing =
            tracing::subscriber::set_default(tracing_subscriber::registry().with(spans.clone()));
        Capture {
            spans,
            metrics: MetricsCapture::start(),
            _tracing: tracing,
        }
    }

    /// The spans captured, taking them away.
    fn take_spans(&self) -> Vec<CapturedSpan> {
        std::mem::take(&mut *self.spans.0.lock().unwrap())
    }

    /// The metrics recorded, as `name{label=value,...}` -> value, taking them away.
    fn take_metrics(&self) -> BTreeMap<String, Metric> {
        self.metrics.take()
    }
}

/// The fields every operation span has, for `operation` on `table`.
fn span_fields(operation: &str, table: &str) -> BTreeMap<String, String> {
    [
        ("otel.name", format!("{operation} {table}")),
        ("otel.kind", "client".into()),
        ("db.system.name", "postgresql".into()),
        ("db.operation.name", operation.into()),
        ("db.collection.name", table.into()),
        ("db.namespace", "public".into()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

fn span(operation: &str, table: &str, extra: &[(&str, &str)]) -> CapturedSpan {
    let mut fields = span_fields(operation, table);
    fields.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    CapturedSpan {
        name: SPAN_NAME,
        fields,
    }
}

/// The metrics of `n` successful operations `operation` on `table`, each with one checkout
/// of a pool of two connections.
fn ok_metrics(operation: &str, table: &str, n: usize) -> BTreeMap<String, Metric> {
    BTreeMap::from([
        (
            format!(
                "{OPERATION_DURATION}{{db.operation.name={operation},db.collection.name={table},outcome=ok}}"
            ),
            Metric::Histogram(n),
        ),
        (
            format!("{POOL_ACQUIRE_DURATION}{{pool=primary}}"),
            Metric::Histogram(n),
        ),
        (format!("{POOL_SIZE}{{pool=primary}}"), Metric::Gauge(2.0)),
        (format!("{POOL_IDLE}{{pool=primary}}"), Metric::Gauge(1.0)),
        (
            format!("{POOL_WAITING}{{pool=primary}}"),
            Metric::Gauge(0.0),
        ),
    ])
}

#[tokio::test]
async fn a_get_is_one_span_with_the_database_attributes_and_one_measurement() {
    let (_db, store) = store().await;
    store
        .actors()
        .create("a1", "me@example.com", "pw")
        .await
        .unwrap();
    let capture = Capture::start();
    let found = store.actors().get("a1").await.unwrap();
    assert_eq!(found.unwrap().id, "a1");
    assert_eq!(capture.take_spans(), vec![span("get", "actors", &[])]);
    assert_eq!(capture.take_metrics(), ok_metrics("get", "actors", 1));
}

#[tokio::test]
async fn a_set_built_on_other_operations_is_one_span_under_the_name_called() {
    let (_db, store) = store().await;
    store
        .actors()
        .create("a1", "me@example.com", "pw")
        .await
        .unwrap();
    let capture = Capture::start();
    // An indexed property: property and lookup row in one transaction.
    store
        .properties()
        .set("a1", "email", "me@example.com")
        .await
        .unwrap();
    // set_json runs set.
    let value = json!({"theme": "dark"});
    store
        .properties()
        .set_json("a1", "settings", &value)
        .await
        .unwrap();
    assert_eq!(
        capture.take_spans(),
        vec![
            span("set", "properties", &[]),
            span("set_json", "properties", &[])
        ]
    );
    let mut expected = ok_metrics("set", "properties", 1);
    expected.extend(ok_metrics("set_json", "properties", 1));
    expected.insert(
        format!("{POOL_ACQUIRE_DURATION}{{pool=primary}}"),
        Metric::Histogram(2),
    );
    assert_eq!(capture.take_metrics(), expected);
    assert_eq!(
        store.properties().get("a1", "settings").await.unwrap(),
        Some(r#"{"theme": "dark"}"#.to_string())
    );
}

#[tokio::test]
async fn errors_set_their_kind_and_the_error_status_on_the_span_and_count() {
    let (_db, store) = store().await;
    let capture = Capture::start();
    // Refused before any statement: no pool checkout.
    assert_err(
        store.actors().get("").await,
        ErrorKind::InvalidInput,
        "actor id",
    );
    // An indexed property of an actor that does not exist: the lookup row's foreign key.
    assert_err(
        store
            .properties()
            .set("nobody", "email", "x@example.com")
            .await,
        ErrorKind::NotFound,
        "referenced actor does not exist",
    );
    let failed = [("error.type", ""), ("otel.status_code", "ERROR")];
    let with_kind = |kind: &'static str| {
        let mut f = failed;
        f[0].1 = kind;
        f
    };
    assert_eq!(
        capture.take_spans(),
        vec![
            span("get", "actors", &with_kind("InvalidInput")),
            span("set", "properties", &with_kind("NotFound")),
        ]
    );
    let metrics = capture.take_metrics();
    let expected = BTreeMap::from([
        (
            format!(
                "{OPERATION_DURATION}{{db.operation.name=get,db.collection.name=actors,outcome=error}}"
            ),
            Metric::Histogram(1),
        ),
        (
            format!(
                "{ERRORS}{{db.operation.name=get,db.collection.name=actors,error.type=InvalidInput}}"
            ),
            Metric::Counter(1),
        ),
        (
            format!(
                "{OPERATION_DURATION}{{db.operation.name=set,db.collection.name=properties,outcome=error}}"
            ),
            Metric::Histogram(1),
        ),
        (
            format!(
                "{ERRORS}{{db.operation.name=set,db.collection.name=properties,error.type=NotFound}}"
            ),
            Metric::Counter(1),
        ),
        (
            format!("{POOL_ACQUIRE_DURATION}{{pool=primary}}"),
            Metric::Histogram(1),
        ),
        (format!("{POOL_SIZE}{{pool=primary}}"), Metric::Gauge(2.0)),
        (format!("{POOL_IDLE}{{pool=primary}}"), Metric::Gauge(1.0)),
        (
            format!("{POOL_WAITING}{{pool=primary}}"),
            Metric::Gauge(0.0),
        ),
    ]);
    assert_eq!(metrics, expected);
    assert_eq!(
        store.properties().get("nobody", "email").await.unwrap(),
        None
    );
}

#[tokio::test]
async fn the_actor_id_is_a_span_field_only_when_the_configuration_opts_in() {
    let db = TestDb::new().await;
    let plain = db.store().await;
    assert!(!plain.config().traces_actor_ids());
    let opted_in = Store::connect(db.config().trace_actor_ids(true))
        .await
        .unwrap();
    assert!(opted_in.config().traces_actor_ids());
    let capture = Capture::start();
    plain.properties().get("a1", "displayName").await.unwrap();
    opted_in
        .properties()
        .get("a1", "displayName")
        .await
        .unwrap();
    opted_in.suspensions("a2").list().await.unwrap();
    // An operation that names no actor has no actor id, opted in or not.
    opted_in
        .attributes()
        .delete_expired(None, None)
        .await
        .unwrap();
    assert_eq!(
        capture.take_spans(),
        vec![
            span("get", "properties", &[]),
            span("get", "properties", &[("actingweb.actor_id", "a1")]),
            span(
                "list",
                "subscription_suspensions",
                &[("actingweb.actor_id", "a2")]
            ),
            span("delete_expired", "attributes", &[]),
        ]
    );
}

#[test]
fn the_actor_id_option_is_read_from_the_environment() {
    let url = ("DATABASE_URL", "postgresql://u@localhost/d");
    let with =
        |value: &str| actingweb_pg::Config::from_vars([url, ("PG_DB_TRACE_ACTOR_IDS", value)]);
    assert!(with("true").unwrap().traces_actor_ids());
    assert!(with("1").unwrap().traces_actor_ids());
    assert!(!with("false").unwrap().traces_actor_ids());
    assert!(
        !actingweb_pg::Config::from_vars([url])
            .unwrap()
            .traces_actor_ids()
    );
    assert_err(
        with("sometimes"),
        ErrorKind::InvalidInput,
        "invalid PG_DB_TRACE_ACTOR_IDS: must be true or false",
    );
}

#[tokio::test]
async fn the_ttl_purge_counts_the_rows_it_deleted() {
    let (_db, store) = store().await;
    let attributes = store.attributes();
    // ttl_timestamp = now + ttl + 3600: expired an hour ago.
    for name in ["t1", "t2", "t3"] {
        attributes
            .set("a1", "tokens", name, &json!({"n": name}), Some(-7200))
            .await
            .unwrap();
    }
    attributes
        .set("a1", "tokens", "live", &json!(1), Some(60))
        .await
        .unwrap();
    let capture = Capture::start();
    assert_eq!(attributes.delete_expired(None, None).await.unwrap(), 3);
    assert_eq!(attributes.delete_expired(None, None).await.unwrap(), 0);
    let metrics = capture.take_metrics();
    assert_eq!(
        metrics.get(&format!("{TTL_PURGED_ROWS}{{}}")),
        Some(&Metric::Counter(3))
    );
    assert_eq!(
        metrics.get(&format!(
            "{OPERATION_DURATION}{{db.operation.name=delete_expired,db.collection.name=attributes,outcome=ok}}"
        )),
        Some(&Metric::Histogram(2))
    );
}
