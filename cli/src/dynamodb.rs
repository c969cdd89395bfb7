//! The tables of the reference's DynamoDB backend as a [`RecordSource`]: each table read by a
//! parallel scan (`Segment`/`TotalSegments`), each item mapped to a record of the export format
//! (the item attributes have the export files' field names; the composite key attributes
//! `bucket_name`, `peer_sub_id`, `subid_seqnr` and `target_key` are rebuilt by the import).
//!
//! Configuration as the reference's: `AWS_DB_PREFIX` (default `demo_actingweb`),
//! `AWS_DEFAULT_REGION` (default `us-west-1`), `AWS_DB_HOST` (an endpoint URL such as
//! `http://localhost:8000`), credentials from the standard AWS chain.

use std::collections::HashMap;
use std::time::Duration;

use actingweb_pg::{ErrorKind, RecordSource, RecordStream, SourceRecord};
use aws_config::retry::RetryConfig;
use aws_config::timeout::TimeoutConfig;
use aws_config::{BehaviorVersion, Region};
use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::error::DisplayErrorContext;
use aws_sdk_dynamodb::types::AttributeValue;
use aws_smithy_http_client::tls::{self, rustls_provider::CryptoMode};
use serde_json::{Map, Number, Value};
use tokio::sync::mpsc;

/// The reference's default table prefix.
const DEFAULT_PREFIX: &str = "demo_actingweb";
/// The reference's default region.
const DEFAULT_REGION: &str = "us-west-1";
/// Items waiting between the scans and the import, per table.
const QUEUE_ITEMS: usize = 20_000;

/// An item as the SDK returns it.
type Item = HashMap<String, AttributeValue>;

/// The DynamoDB table the reference's model of `table` writes, without the prefix.
fn source_suffix(table: &str) -> &str {
    match table {
        // The reference's SubscriptionDiff model names its table without the underscore.
        "subscription_diffs" => "subscriptiondiffs",
        other => other,
    }
}

/// The tables of one `AWS_DB_PREFIX`, read with `segments` parallel scan segments each.
pub struct DynamoSource {
    client: Client,
    prefix: String,
    segments: u32,
    /// The key attribute names of each source table that exists.
    keys: HashMap<String, Vec<String>>,
    /// While set, items are counted here instead of handed over ([`DynamoSource::scan_all`]).
    scan_only: Option<std::sync::Arc<std::sync::atomic::AtomicU64>>,
}

impl DynamoSource {
    /// Connects with the reference's configuration and looks up which tables exist.
    pub async fn connect(segments: u32) -> Result<DynamoSource, actingweb_pg::Error> {
        if segments == 0 {
            return Err(actingweb_pg::Error::new(
                ErrorKind::InvalidInput,
                "--segments must be at least 1",
            ));
        }
        let prefix = std::env::var("AWS_DB_PREFIX")
            .ok()
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| DEFAULT_PREFIX.into());
        let http = aws_smithy_http_client::Builder::new()
            .tls_provider(tls::Provider::Rustls(CryptoMode::Ring))
            .build_https();
        // Every wait bounded: connecting, each attempt, the whole call with its retries.
        let timeouts = TimeoutConfig::builder()
            .connect_timeout(Duration::from_secs(10))
            .operation_attempt_timeout(Duration::from_secs(60))
            .operation_timeout(Duration::from_secs(300))
            .build();
        let mut loader = aws_config::defaults(BehaviorVersion::latest())
            .http_client(http)
            .timeout_config(timeouts)
            .retry_config(RetryConfig::standard().with_max_attempts(5));
        if let Some(host) = std::env::var("AWS_DB_HOST").ok().filter(|h| !h.is_empty()) {
            loader = loader.endpoint_url(host);
        }
        // AWS_DEFAULT_REGION as the reference reads it; else the SDK's chain (AWS_REGION, the
        // profile, the instance metadata); else the reference's default.
        if let Some(region) = std::env::var("AWS_DEFAULT_REGION")
            .ok()
            .filter(|r| !r.is_empty())
        {
            loader = loader.region(Region::new(region));
        }
        let mut config = loader.load().await;
        if config.region().is_none() {
            config = config
                .into_builder()
                .region(Region::new(DEFAULT_REGION))
                .build();
        }
        let client = Client::new(&config);
        let mut keys = HashMap::new();
        for table in actingweb_pg::TABLES {
            let name = format!("{prefix}_{}", source_suffix(table));
            match client.describe_table().table_name(&name).send().await {
                Ok(described) => {
                    let schema = described.table().map(|t| t.key_schema()).unwrap_or(&[]);
                    let names = schema.iter().map(|k| k.attribute_name().to_string());
                    keys.insert(name, names.collect());
                }
                Err(e)
                    if e.as_service_error()
                        .is_some_and(|s| s.is_resource_not_found_exception()) => {}
                Err(e) => return Err(sdk_error(&format!("describing table {name}"), e)),
            }
        }
        Ok(DynamoSource {
            client,
            prefix,
            segments,
            keys,
            scan_only: None,
        })
    }

    /// Scans every table and counts the items without mapping them (the source's raw scan
    /// rate); returns the count.
    pub async fn scan_all(&mut self) -> actingweb_pg::Result<u64> {
        use futures::StreamExt;
        let counter = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
        self.scan_only = Some(std::sync::Arc::clone(&counter));
        for table in actingweb_pg::TABLES {
            if let Some(mut stream) = self.open(table)? {
                // Counting scans send nothing but their errors.
                if let Some(Err(e)) = stream.next().await {
                    return Err(e);
                }
            }
        }
        self.scan_only = None;
        Ok(counter.load(std::sync::atomic::Ordering::Relaxed))
    }

    /// The source table of `table`.
    fn source_table(&self, table: &str) -> String {
        format!("{}_{}", self.prefix, source_suffix(table))
    }
}

impl RecordSource for DynamoSource {
    fn open(&mut self, table: &'static str) -> actingweb_pg::Result<Option<RecordStream>> {
        let name = self.source_table(table);
        let Some(key) = self.keys.get(&name) else {
            return Ok(None);
        };
        let (sender, mut receiver) = mpsc::channel(QUEUE_ITEMS);
        for segment in 0..self.segments {
            let scan = Scan {
                client: self.client.clone(),
                table: name.clone(),
                key: key.clone(),
                attributes: table,
                segment,
                segments: self.segments,
                count_only: self.scan_only.clone(),
            };
            let sender = sender.clone();
            tokio::spawn(async move {
                if let Err(e) = scan.run(&sender).await {
                    // Nobody listens any more when the import stopped first.
                    let _ = sender.send(Err(e)).await;
                }
            });
        }
        let stream = futures::stream::poll_fn(move |cx| receiver.poll_recv(cx));
        Ok(Some(Box::pin(stream)))
    }

    fn origin(&self, table: &'static str) -> String {
        self.source_table(table)
    }
}

/// One segment of a parallel scan of one table.
struct Scan {
    client: Client,
    table: String,
    key: Vec<String>,
    /// The table of the export format the items are records of.
    attributes: &'static str,
    segment: u32,
    segments: u32,
    count_only: Option<std::sync::Arc<std::sync::atomic::AtomicU64>>,
}

impl Scan {
    /// Scans the segment page by page and sends each item as a record.
    async fn run(
        &self,
        sender: &mpsc::Sender<actingweb_pg::Result<SourceRecord>>,
    ) -> actingweb_pg::Result<()> {
        let mut start: Option<Item> = None;
        loop {
            let page = self
                .client
                .scan()
                .table_name(&self.table)
                .consistent_read(true)
                .segment(self.segment as i32)
                .total_segments(self.segments as i32)
                .set_exclusive_start_key(start.take())
                .send()
                .await
                .map_err(|e| sdk_error(&format!("scanning table {}", self.table), e))?;
            let last = page.last_evaluated_key().cloned();
            let items = page.items.unwrap_or_default();
            if let Some(counter) = &self.count_only {
                counter.fetch_add(items.len() as u64, std::sync::atomic::Ordering::Relaxed);
            } else {
                for item in items {
                    let record = self.record(item);
                    let failed = record.is_err();
                    if sender.send(record).await.is_err() || failed {
                        return Ok(());
                    }
                }
            }
            match last {
                Some(key) if !key.is_empty() => start = Some(key),
                _ => return Ok(()),
            }
        }
    }

    /// The item as a record of the export format, labelled with the table and the item's key.
    fn record(&self, item: Item) -> actingweb_pg::Result<SourceRecord> {
        let label = self.label(&item);
        let fields = fields(self.attributes, item).map_err(|e| {
            actingweb_pg::Error::new(ErrorKind::InvalidInput, format!("{label}: {e}"))
        })?;
        Ok(SourceRecord { label, fields })
    }

    /// `table T, item {"id": ..., ...}`: the key attributes only (never a secret).
    fn label(&self, item: &Item) -> String {
        let key: Map<String, Value> = self
            .key
            .iter()
            .map(|name| {
                let value = item.get(name).map_or(Value::Null, |v| {
                    json_value(v).unwrap_or_else(|_| Value::String("<not text>".into()))
                });
                (name.clone(), value)
            })
            .collect();
        format!("table {}, item {}", self.table, Value::Object(key))
    }
}

/// The item's attributes as the fields of the export format. Attribute `data` of an attribute
/// item is the JSON text PynamoDB's `JSONAttribute` stores, and becomes that JSON value; the
/// other attributes keep their names.
fn fields(table: &str, item: Item) -> Result<Map<String, Value>, String> {
    let mut fields = Map::new();
    for (name, value) in item {
        let value = if table == "attributes" && name == "data" {
            match value {
                AttributeValue::S(text) => serde_json::from_str(&text)
                    .map_err(|e| format!("attribute data is not JSON: {e}"))?,
                AttributeValue::Null(_) => Value::Null,
                other => {
                    return Err(format!(
                        "attribute data: expected JSON text, found {}",
                        kind(&other)
                    ));
                }
            }
        } else {
            json_value(&value)
                .map_err(|found| format!("attribute {name}: unsupported type {found}"))?
        };
        fields.insert(name, value);
    }
    Ok(fields)
}

/// A DynamoDB value as JSON: strings, numbers (as JSON numbers when they fit, else as their
/// decimal text), booleans, null, lists and maps; sets and binary values are refused (the
/// reference's models write none), by their type name.
fn json_value(value: &AttributeValue) -> Result<Value, &'static str> {
    Ok(match value {
        AttributeValue::S(s) => Value::String(s.clone()),
        AttributeValue::N(n) => number(n),
        AttributeValue::Bool(b) => Value::Bool(*b),
        AttributeValue::Null(_) => Value::Null,
        AttributeValue::L(list) => {
            Value::Array(list.iter().map(json_value).collect::<Result<_, _>>()?)
        }
        AttributeValue::M(map) => Value::Object(
            map.iter()
                .map(|(k, v)| Ok::<_, &'static str>((k.clone(), json_value(v)?)))
                .collect::<Result<_, _>>()?,
        ),
        other => return Err(kind(other)),
    })
}

/// A DynamoDB number: an integer when it is one, else its text (read as the export's decimal
/// strings are).
fn number(text: &str) -> Value {
    match text.parse::<i64>() {
        Ok(n) => Value::Number(Number::from(n)),
        Err(_) => Value::String(text.to_string()),
    }
}

/// The DynamoDB type name of a value.
fn kind(value: &AttributeValue) -> &'static str {
    match value {
        AttributeValue::S(_) => "S",
        AttributeValue::N(_) => "N",
        AttributeValue::B(_) => "B",
        AttributeValue::Bool(_) => "BOOL",
        AttributeValue::Null(_) => "NULL",
        AttributeValue::L(_) => "L",
        AttributeValue::M(_) => "M",
        AttributeValue::Ss(_) => "SS",
        AttributeValue::Ns(_) => "NS",
        AttributeValue::Bs(_) => "BS",
        _ => "unknown",
    }
}

/// A failed SDK call, with the whole cause chain.
fn sdk_error<E, R>(what: &str, e: aws_sdk_dynamodb::error::SdkError<E, R>) -> actingweb_pg::Error
where
    E: std::error::Error + 'static,
    R: std::fmt::Debug,
{
    actingweb_pg::Error::new(
        ErrorKind::Unavailable,
        format!("{what}: {}", DisplayErrorContext(&e)),
    )
}
