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

use actingweb_pg::{
    ErrorKind, RecordSource, RecordStream, SourceRecord, TransferProgress, ValidatedTable,
};
use aws_config::retry::RetryConfig;
use aws_config::timeout::TimeoutConfig;
use aws_config::{BehaviorVersion, Region};
use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::error::DisplayErrorContext;
use aws_sdk_dynamodb::types::AttributeValue;
use aws_smithy_http_client::tls::{self, rustls_provider::CryptoMode};
use serde_json::{Map, Number, Value};
use tokio::sync::mpsc;

/// The reference's lookup tables, newest first: the one its current `PropertyLookupV2` model
/// writes (hash key `lookup_key`, the SHA-256 digest of the property name, a NUL and the
/// value), and the one of its older `PropertyLookup` model (hash key `property_name`, range
/// key `value`), which it still reads for values the newer one lacks.
const LOOKUP_TABLES: [&str; 2] = ["property_lookup_v2", "property_lookup"];
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
        let names = actingweb_pg::TABLES.iter().chain(&LOOKUP_TABLES);
        for name in names.map(|t| format!("{prefix}_{}", source_suffix(t))) {
            if let Some(key) = key_schema(&client, &name).await? {
                keys.insert(name, key);
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

    /// The items of the source table `name` (whose key attributes are `key`) as records of
    /// the export format's table `attributes`, read by the parallel scan segments.
    fn scan(&self, name: &str, key: &[String], attributes: &'static str) -> RecordStream {
        let (sender, mut receiver) = mpsc::channel(QUEUE_ITEMS);
        for segment in 0..self.segments {
            let scan = Scan {
                client: self.client.clone(),
                table: name.to_string(),
                key: key.to_vec(),
                attributes,
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
        Box::pin(stream)
    }

    /// Compares every item of the source's lookup table with the rows of `property_lookup`
    /// (see [`lookup`]): the tables of the report, none when the source has no lookup table.
    pub async fn validate_lookup(
        &self,
        store: &actingweb_pg::Store,
        progress: &dyn TransferProgress,
    ) -> actingweb_pg::Result<Vec<ValidatedTable>> {
        use futures::StreamExt;
        let tables = LOOKUP_TABLES.map(|t| self.source_table(t));
        let mut present = tables.iter().filter(|t| self.keys.contains_key(*t));
        let Some(compared) = present.next() else {
            return Ok(Vec::new());
        };
        progress.table_started(lookup::TABLE, None);
        let layout = lookup::Layout::of(compared == &tables[0]);
        let mut items = Vec::new();
        let mut stream = self.scan(compared, &self.keys[compared], lookup::TABLE);
        while let Some(record) = stream.next().await {
            items.push(layout.item(record?)?);
            if items
                .len()
                .is_multiple_of(actingweb_pg::transfer::BATCH_ROWS)
            {
                progress.rows_done(lookup::TABLE, items.len() as u64, None);
            }
        }
        let rows = lookup::rows(store).await?;
        progress.rows_done(lookup::TABLE, items.len() as u64, None);
        progress.table_finished(lookup::TABLE);
        let mut report = vec![lookup::compare(compared, items, rows)];
        // The older table, when both exist, is what the reference reads only for values the
        // newer one lacks.
        report.extend(present.map(|older| lookup::not_compared(older, compared)));
        Ok(report)
    }
}

impl RecordSource for DynamoSource {
    fn open(&mut self, table: &'static str) -> actingweb_pg::Result<Option<RecordStream>> {
        let name = self.source_table(table);
        Ok(self.keys.get(&name).map(|key| self.scan(&name, key, table)))
    }

    fn origin(&self, table: &'static str) -> String {
        self.source_table(table)
    }
}

/// The key attribute names of the source table `name`; `None` when it does not exist.
async fn key_schema(client: &Client, name: &str) -> actingweb_pg::Result<Option<Vec<String>>> {
    match client.describe_table().table_name(name).send().await {
        Ok(described) => {
            let schema = described.table().map(|t| t.key_schema()).unwrap_or(&[]);
            let names = schema.iter().map(|k| k.attribute_name().to_string());
            Ok(Some(names.collect()))
        }
        Err(e)
            if e.as_service_error()
                .is_some_and(|s| s.is_resource_not_found_exception()) =>
        {
            Ok(None)
        }
        Err(e) => Err(sdk_error(&format!("describing table {name}"), e)),
    }
}

/// The comparison of the reference's lookup table with the rows of `property_lookup`, which
/// the import rebuilds from the properties rather than reading that table.
///
/// Items and rows are matched by the SHA-256 digest of the property name, a NUL and the
/// value (the newer table's `lookup_key`; computed for the older table's items and for the
/// rows). The comparison is literal: every item is a row the database must hold with the
/// same actor, and every row is an item the source must hold, whatever the reference would
/// make of the item (a value no property holds any more, a name not indexed, a value two
/// actors hold and the source gives to another actor than the lowest id). Each item appears
/// once (it is its table's key), so there are no duplicates to compare.
mod lookup {
    use std::collections::HashMap;

    use actingweb_pg::{ErrorKind, LookupEntry, Mismatch, SourceRecord, ValidatedTable};
    use serde_json::{Value, json};
    use sha2::{Digest, Sha256};

    /// The table compared, in the report.
    pub const TABLE: &str = "property_lookup";

    /// How the items of a lookup table hold their property name and value.
    #[derive(Clone, Copy)]
    pub enum Layout {
        /// `lookup_key` (the digest), `property_name`, `actor_id`: the value is not stored.
        Digest,
        /// `property_name`, `value`, `actor_id`.
        NameValue,
    }

    /// A lookup item of the source.
    pub struct Item {
        digest: String,
        /// The item's key attributes, as a JSON array.
        key: String,
        property_name: String,
        actor_id: String,
    }

    impl Layout {
        /// The layout of the newer table (`digest`) or of the older one.
        pub fn of(digest: bool) -> Layout {
            if digest {
                Layout::Digest
            } else {
                Layout::NameValue
            }
        }

        /// The lookup item of `record`; a missing or non-text attribute is an
        /// [`ErrorKind::InvalidInput`] naming the item.
        pub fn item(self, record: SourceRecord) -> actingweb_pg::Result<Item> {
            let text = |name: &str| match record.fields.get(name) {
                Some(Value::String(s)) => Ok(s.clone()),
                Some(other) => Err(format!(
                    "attribute {name}: expected a string, found {other}"
                )),
                None => Err(format!("attribute {name} is missing")),
            };
            let item = || -> Result<Item, String> {
                let property_name = text("property_name")?;
                let actor_id = text("actor_id")?;
                Ok(match self {
                    Layout::Digest => {
                        let digest = text("lookup_key")?;
                        let key = json!([digest]).to_string();
                        Item {
                            digest,
                            key,
                            property_name,
                            actor_id,
                        }
                    }
                    Layout::NameValue => {
                        let value = text("value")?;
                        Item {
                            digest: digest(&property_name, &value),
                            key: json!([property_name, value]).to_string(),
                            property_name,
                            actor_id,
                        }
                    }
                })
            };
            item().map_err(|e| {
                actingweb_pg::Error::new(ErrorKind::InvalidInput, format!("{}: {e}", record.label))
            })
        }
    }

    /// The reference's `compute_lookup_key`: the hex SHA-256 digest of the name, a NUL and
    /// the value.
    pub fn digest(property_name: &str, value: &str) -> String {
        let mut hash = Sha256::new();
        hash.update(property_name.as_bytes());
        hash.update([0]);
        hash.update(value.as_bytes());
        format!("{:x}", hash.finalize())
    }

    /// Every row of `property_lookup`, by digest.
    pub async fn rows(
        store: &actingweb_pg::Store,
    ) -> actingweb_pg::Result<HashMap<String, LookupEntry>> {
        Ok(store
            .property_lookup()
            .list()
            .await?
            .into_iter()
            .map(|row| (digest(&row.name, &row.value), row))
            .collect())
    }

    /// What the items of the source table `origin` and the rows differ in: items without a
    /// row (numbered in the order of their keys), a row of another actor (or, for an item
    /// whose digest is not that of its name, another name), and rows without an item.
    pub fn compare(
        origin: &str,
        mut items: Vec<Item>,
        mut rows: HashMap<String, LookupEntry>,
    ) -> ValidatedTable {
        items.sort_by(|a, b| a.key.cmp(&b.key));
        let mut mismatches = Vec::new();
        let mut found = 0;
        for (record, item) in (0..).zip(&items) {
            let differs = |field: &str, json: &str, database: &str| Mismatch {
                record,
                key: item.key.clone(),
                field: field.into(),
                json: Value::from(json).to_string(),
                database: Value::from(database).to_string(),
            };
            let Some(row) = rows.remove(&item.digest) else {
                mismatches.push(Mismatch {
                    json: json!({"property_name": item.property_name, "actor_id": item.actor_id})
                        .to_string(),
                    database: "absent".into(),
                    ..differs("row", "", "")
                });
                continue;
            };
            found += 1;
            if row.actor_id != item.actor_id {
                mismatches.push(differs("actor_id", &item.actor_id, &row.actor_id));
            }
            if row.name != item.property_name {
                mismatches.push(differs("property_name", &item.property_name, &row.name));
            }
        }
        let mut extra: Vec<LookupEntry> = rows.into_values().collect();
        extra.sort_by(|a, b| (&a.name, &a.value).cmp(&(&b.name, &b.value)));
        ValidatedTable {
            table: TABLE.into(),
            file: origin.into(),
            json_records: items.len() as u64,
            found,
            sampled: items.len() as u64,
            mismatches,
            extra_rows: extra
                .iter()
                .map(|r| json!([r.name, r.value]).to_string())
                .collect(),
            note: None,
        }
    }

    /// The entry of the older table `older` when the newer one, `compared`, is compared.
    pub fn not_compared(older: &str, compared: &str) -> ValidatedTable {
        ValidatedTable {
            table: TABLE.into(),
            file: older.into(),
            json_records: 0,
            found: 0,
            sampled: 0,
            mismatches: Vec::new(),
            extra_rows: Vec::new(),
            note: Some(format!("{older} not compared: {compared} is")),
        }
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
