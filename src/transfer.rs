//! Bulk export, import and validation of a whole database as JSON files: the job of the
//! reference's `scripts/migrate_dynamodb_to_postgresql.py`, whose file format this keeps.
//!
//! A directory holds one file per table, `<table>.json`, each a JSON array of objects with the
//! reference's field names:
//!
//! | file | fields |
//! |---|---|
//! | `actors.json` | `id`, `creator`, `passphrase`, `created_at` |
//! | `properties.json` | `id`, `name`, `value` |
//! | `attributes.json` | `id`, `bucket`, `name`, `data` (any JSON), `timestamp`, `ttl_timestamp` |
//! | `trusts.json` | every column, the peer type as `type`, the description as `desc` |
//! | `peertrustees.json` | `id`, `peerid`, `baseuri`, `type`, `passphrase` |
//! | `subscriptions.json` | `id`, `peerid`, `subid`, `granularity`, `target`, `subtarget`, `resource`, `seqnr`, `callback` |
//! | `subscription_diffs.json` | `id`, `subid`, `timestamp`, `diff`, `seqnr` |
//! | `subscription_suspensions.json` | `id`, `target`, `subtarget`, `suspended_at` |
//!
//! [`Store::export`] writes timestamps as Python's `isoformat()` in UTC
//! (`2024-01-15T10:30:00+00:00`, see [`python_isoformat`]). [`Store::import`] reads what the
//! reference's exports contain as well: timestamps as `str(datetime)`
//! (`2024-01-01 10:00:00+00:00`) or ISO 8601, with or without fraction and offset (no offset
//! means UTC; stored to the microsecond); integers as numbers or decimal strings; a missing or
//! `null` boolean as `false`, `seqnr` as 0, a missing text column as `""` where the entity API
//! accepts an empty value, `data` as SQL `NULL`; the peer trustee's `peer_type` for `type` and
//! `secret` for `passphrase` (the names the reference's export used), the trust's `desc_text`
//! for `desc`. Other fields, among them the composite keys `bucket_name`, `peer_sub_id` and
//! `subid_seqnr`, are ignored: the keys are rebuilt from their parts. Record positions in
//! messages count from 0, as JSON array indexes do.
//!
//! Where this differs from the reference's script (§5 of the specification):
//!
//! * Every table is exported (the script's export cannot run at all), including
//!   `subscription_suspensions`; `property_lookup` is not exported but rebuilt on import for the
//!   configured indexed names (the script creates no lookup rows and leaves `created_at` NULL).
//! * Every record is validated as the entity API validates it (NUL characters, column lengths,
//!   empty keys, ambiguous composite keys, JSON) before its table is written; a bad record fails
//!   the import naming the file and the record, and its table writes nothing. Tables imported
//!   before it stay imported, as in the reference.
//! * A record whose key is already stored is counted as present and left as it is, so an import
//!   can be repeated (the script's `--skip-duplicates` cannot work). Among records with the same
//!   key in one file, the first one wins.
//! * Falsy attribute data (`0`, `false`, `""`, `[]`, `{}`) is stored as that JSON value; the
//!   script stores SQL `NULL` for it. Creators are stored as given, as in the script.
//! * Validation checks every record's key in the database (not the whole table's count) and
//!   compares a sample of records field by field.

use std::collections::HashMap;
use std::fmt;
use std::fs::{self, File};
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::{DateTime, NaiveDateTime, SubsecRound, Utc};
use futures::TryStreamExt;
use serde::de::{self, DeserializeOwned, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;
use serde_json::value::RawValue;
use tokio::sync::mpsc;

use crate::Store;
use crate::client::async_::Params;
use crate::codegen::queries::{
    actors as actor_q, attributes as attribute_q, peertrustees as peertrustee_q,
    properties as property_q, subscription_diffs as diff_q,
    subscription_suspensions as suspension_q, subscriptions as subscription_q, trusts as trust_q,
};
use crate::error::{Error, ErrorKind, Result};
use crate::executor::{Db, Executor};
use crate::rules::{self, IDENTIFIER_MAX_CHARS, bounded};
use crate::secret::Secret;
use crate::trusts::{canonical_connection_method, python_isoformat};

/// Records per import statement (and per key check of a validation).
pub const BATCH_ROWS: usize = 5000;

/// At most this many records of each table are compared field by field by
/// [`Store::validate_import`], and at most this many missing records are listed per table.
pub const SAMPLE_LIMIT: usize = 200;

/// Receives progress reports of an export, import or validation; every method does nothing by
/// default, and `()` reports nothing.
pub trait TransferProgress: Sync {
    /// Work on `table` begins; `total_bytes` is the size of its JSON file when one is read.
    fn table_started(&self, _table: &str, _total_bytes: Option<u64>) {}
    /// `rows` records of `table` are done so far, after reading `bytes` of its file (when one
    /// is read).
    fn rows_done(&self, _table: &str, _rows: u64, _bytes: Option<u64>) {}
    /// Work on `table` is over.
    fn table_finished(&self, _table: &str) {}
}

impl TransferProgress for () {}

/// What [`Store::import`] does besides reading the files.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportOptions {
    /// Read and validate everything and write nothing: the import runs in one transaction that
    /// is rolled back, so the counts are exactly those of a real import.
    pub dry_run: bool,
}

/// One file written by [`Store::export`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportedTable {
    /// The table.
    pub table: String,
    /// The file name inside the export directory.
    pub file: String,
    /// Records written.
    pub rows: u64,
}

/// What [`Store::export`] wrote, table by table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportReport {
    /// One entry per table, in export order.
    pub tables: Vec<ExportedTable>,
}

impl ExportReport {
    /// Records written in all files.
    pub fn total_rows(&self) -> u64 {
        self.tables.iter().map(|t| t.rows).sum()
    }
}

/// What [`Store::import`] did with one table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportedTable {
    /// The table.
    pub table: String,
    /// The file read; `None` for `property_lookup`, which is rebuilt from `properties`.
    pub file: Option<String>,
    /// Records read from the file (for `property_lookup`: the indexed name-value pairs found).
    pub rows_read: u64,
    /// Rows inserted.
    pub inserted: u64,
    /// Records whose key was already stored (or came earlier in the file); left as they were.
    pub already_present: u64,
    /// Why the table was skipped, or how it was built.
    pub note: Option<String>,
}

/// What [`Store::import`] did, table by table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    /// Whether this was a dry run (nothing written).
    pub dry_run: bool,
    /// One entry per table, in import order.
    pub tables: Vec<ImportedTable>,
}

impl ImportReport {
    /// Records read from all files.
    pub fn total_read(&self) -> u64 {
        self.files().map(|t| t.rows_read).sum()
    }

    /// Rows inserted from all files (rebuilt lookup rows not included).
    pub fn total_inserted(&self) -> u64 {
        self.files().map(|t| t.inserted).sum()
    }

    fn files(&self) -> impl Iterator<Item = &ImportedTable> {
        self.tables.iter().filter(|t| t.file.is_some())
    }
}

/// A difference [`Store::validate_import`] found between a record and the database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mismatch {
    /// The record's position in its file (from 0).
    pub record: u64,
    /// The record's key, as a JSON array of its parts.
    pub key: String,
    /// The field that differs; `row` when the database has no row for the key.
    pub field: String,
    /// The record's value, as JSON (`present` for a missing row; secrets are `<redacted>`).
    pub json: String,
    /// The stored value, as JSON (`absent` for a missing row; secrets are `<redacted>`).
    pub database: String,
}

/// What [`Store::validate_import`] found for one table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidatedTable {
    /// The table.
    pub table: String,
    /// The file read.
    pub file: String,
    /// Records in the file.
    pub json_records: u64,
    /// Records whose key (with all its parts) identifies a stored row.
    pub found: u64,
    /// Records compared field by field (every k-th, k a power of two).
    pub sampled: u64,
    /// Missing rows (at most [`SAMPLE_LIMIT`] listed) and differing fields of the sample.
    pub mismatches: Vec<Mismatch>,
    /// Why the table was skipped.
    pub note: Option<String>,
}

impl ValidatedTable {
    /// Whether every record's row exists and the sample matches.
    pub fn passed(&self) -> bool {
        self.found == self.json_records && self.mismatches.is_empty()
    }
}

/// What [`Store::validate_import`] found, table by table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidationReport {
    /// One entry per table, in import order.
    pub tables: Vec<ValidatedTable>,
}

impl ValidationReport {
    /// Whether every table passed.
    pub fn passed(&self) -> bool {
        self.tables.iter().all(ValidatedTable::passed)
    }
}

impl Store {
    /// Writes every table except `property_lookup` to `dir` (created when missing) as
    /// `<table>.json`, from one consistent snapshot. Rows are streamed from the database to the
    /// files; each file appears only when complete.
    pub async fn export(
        &self,
        dir: impl AsRef<Path>,
        progress: &dyn TransferProgress,
    ) -> Result<ExportReport> {
        let dir = dir.as_ref();
        fs::create_dir_all(dir).map_err(|e| io_error(ErrorKind::Backend, dir, e))?;
        let mut executor = Db::Pool(self).executor().await?;
        let tx = executor.snapshot().await?;
        let tables = vec![
            export_table::<ActorRecord>(&tx, dir, progress).await?,
            export_table::<PropertyRecord>(&tx, dir, progress).await?,
            export_table::<AttributeRecord>(&tx, dir, progress).await?,
            export_table::<TrustRecord>(&tx, dir, progress).await?,
            export_table::<PeerTrusteeRecord>(&tx, dir, progress).await?,
            export_table::<SubscriptionRecord>(&tx, dir, progress).await?,
            export_table::<DiffRecord>(&tx, dir, progress).await?,
            export_table::<SuspensionRecord>(&tx, dir, progress).await?,
        ];
        tx.commit().await?;
        Ok(ExportReport { tables })
    }

    /// Imports the files of `dir` (see the [module documentation](crate::transfer)), one
    /// transaction per table, then rebuilds `property_lookup` for the configured indexed names
    /// in the transaction of `properties`.
    ///
    /// A missing file or an empty array skips its table. A record that fails validation, or
    /// whose composite key is held by a row of different parts, is an
    /// [`ErrorKind::InvalidInput`] naming the file and the record; that table writes nothing.
    /// Records whose key is stored already are counted as present and left as they are.
    pub async fn import(
        &self,
        dir: impl AsRef<Path>,
        options: ImportOptions,
        progress: &dyn TransferProgress,
    ) -> Result<ImportReport> {
        let dir = dir.as_ref();
        check_dir(dir)?;
        // A dry run imports every table in a savepoint of one transaction that is rolled back
        // (dropped) at the end; otherwise each table commits in its own transaction.
        let mut executor = Db::Pool(self).executor().await?;
        let tables = if options.dry_run {
            let mut dry_run = executor.atomic().await?;
            self.import_tables(&mut dry_run, dir, progress).await?
        } else {
            self.import_tables(&mut executor, dir, progress).await?
        };
        Ok(ImportReport {
            dry_run: options.dry_run,
            tables,
        })
    }

    /// Imports every table, each in an atomic group of `scope`.
    async fn import_tables(
        &self,
        scope: &mut Executor<'_>,
        dir: &Path,
        progress: &dyn TransferProgress,
    ) -> Result<Vec<ImportedTable>> {
        let mut tables = vec![import_step::<ActorRecord>(scope, dir, progress).await?];
        tables.extend(self.import_properties(scope, dir, progress).await?);
        tables.push(import_step::<AttributeRecord>(scope, dir, progress).await?);
        tables.push(import_step::<TrustRecord>(scope, dir, progress).await?);
        tables.push(import_step::<PeerTrusteeRecord>(scope, dir, progress).await?);
        tables.push(import_step::<SubscriptionRecord>(scope, dir, progress).await?);
        tables.push(import_step::<DiffRecord>(scope, dir, progress).await?);
        tables.push(import_step::<SuspensionRecord>(scope, dir, progress).await?);
        Ok(tables)
    }

    /// Checks the database against the files of `dir`: for each table, how many records' keys
    /// identify a stored row, and a sample of records (every k-th, at most [`SAMPLE_LIMIT`])
    /// compared field by field with the stored rows. Reads one consistent snapshot and writes
    /// nothing. A bad record is an [`ErrorKind::InvalidInput`] as in [`Store::import`].
    pub async fn validate_import(
        &self,
        dir: impl AsRef<Path>,
        progress: &dyn TransferProgress,
    ) -> Result<ValidationReport> {
        let dir = dir.as_ref();
        check_dir(dir)?;
        let mut executor = Db::Pool(self).executor().await?;
        let tx = executor.snapshot().await?;
        let tables = vec![
            validate_table::<ActorRecord>(&tx, dir, progress).await?,
            validate_table::<PropertyRecord>(&tx, dir, progress).await?,
            validate_table::<AttributeRecord>(&tx, dir, progress).await?,
            validate_table::<TrustRecord>(&tx, dir, progress).await?,
            validate_table::<PeerTrusteeRecord>(&tx, dir, progress).await?,
            validate_table::<SubscriptionRecord>(&tx, dir, progress).await?,
            validate_table::<DiffRecord>(&tx, dir, progress).await?,
            validate_table::<SuspensionRecord>(&tx, dir, progress).await?,
        ];
        tx.commit().await?;
        Ok(ValidationReport { tables })
    }

    /// Imports `properties.json` and rebuilds the lookup rows, in one transaction.
    async fn import_properties(
        &self,
        scope: &mut Executor<'_>,
        dir: &Path,
        progress: &dyn TransferProgress,
    ) -> Result<[ImportedTable; 2]> {
        let tx = scope.atomic().await?;
        let properties = import_table::<PropertyRecord>(&tx, dir, progress).await?;
        let names = rules::indexed_names(self.config());
        let mut lookup = ImportedTable {
            table: "property_lookup".into(),
            file: None,
            rows_read: 0,
            inserted: 0,
            already_present: 0,
            note: Some("lookup table not used; not rebuilt".into()),
        };
        if !names.is_empty() {
            progress.table_started("property_lookup", None);
            // An indexed value too large for the lookup index fails here; say where.
            let rebuilt = crate::properties::rebuild_lookup_rows(&tx, &names)
                .await
                .map_err(|e| Error::new(e.kind(), format!("rebuilding property_lookup: {e}")))?;
            lookup.rows_read = count(rebuilt.candidates);
            lookup.inserted = count(rebuilt.inserted);
            lookup.already_present = lookup.rows_read - lookup.inserted;
            lookup.note = Some(format!("rebuilt for {}", names.join(", ")));
            progress.rows_done("property_lookup", lookup.rows_read, None);
            progress.table_finished("property_lookup");
        }
        tx.commit().await?;
        Ok([properties, lookup])
    }
}

async fn import_step<T: Table>(
    scope: &mut Executor<'_>,
    dir: &Path,
    progress: &dyn TransferProgress,
) -> Result<ImportedTable> {
    let tx = scope.atomic().await?;
    let report = import_table::<T>(&tx, dir, progress).await?;
    tx.commit().await?;
    Ok(report)
}

async fn import_table<T: Table>(
    tx: &Executor<'_>,
    dir: &Path,
    progress: &dyn TransferProgress,
) -> Result<ImportedTable> {
    let file = T::file();
    let mut report = ImportedTable {
        table: T::NAME.into(),
        file: Some(file.clone()),
        rows_read: 0,
        inserted: 0,
        already_present: 0,
        note: None,
    };
    let Some(mut records) = Records::<T>::open(dir)? else {
        report.note = Some(format!("{file} not found; skipped"));
        return Ok(report);
    };
    progress.table_started(T::NAME, Some(records.size));
    while let Some(batch) = records.next().await? {
        report.inserted += T::insert(tx, batch.first, &batch.rows).await?;
        report.rows_read += batch.rows.len() as u64;
        progress.rows_done(T::NAME, report.rows_read, Some(records.bytes_read()));
    }
    progress.table_finished(T::NAME);
    report.already_present = report.rows_read - report.inserted;
    if report.rows_read == 0 {
        report.note = Some("empty; skipped".into());
    }
    Ok(report)
}

async fn export_table<T: Table>(
    tx: &Executor<'_>,
    dir: &Path,
    progress: &dyn TransferProgress,
) -> Result<ExportedTable> {
    let file = T::file();
    let path = dir.join(&file);
    // Written under another name and renamed when complete; removed when the export fails.
    let partial = dir.join(format!(".{file}.partial"));
    progress.table_started(T::NAME, None);
    let written = async {
        let mut out = JsonArrayFile::create(&partial)?;
        T::export(tx, &mut |record| {
            out.push(&record)?;
            if out.rows.is_multiple_of(BATCH_ROWS as u64) {
                progress.rows_done(T::NAME, out.rows, None);
            }
            Ok(())
        })
        .await?;
        let rows = out.finish()?;
        fs::rename(&partial, &path).map_err(|e| io_error(ErrorKind::Backend, &path, e))?;
        Ok::<u64, Error>(rows)
    }
    .await;
    let rows = written.inspect_err(|_| {
        let _ = fs::remove_file(&partial);
    })?;
    progress.rows_done(T::NAME, rows, None);
    progress.table_finished(T::NAME);
    Ok(ExportedTable {
        table: T::NAME.into(),
        file,
        rows,
    })
}

async fn validate_table<T: Table>(
    tx: &Executor<'_>,
    dir: &Path,
    progress: &dyn TransferProgress,
) -> Result<ValidatedTable> {
    let file = T::file();
    let mut report = ValidatedTable {
        table: T::NAME.into(),
        file: file.clone(),
        json_records: 0,
        found: 0,
        sampled: 0,
        mismatches: Vec::new(),
        note: None,
    };
    let Some(mut records) = Records::<T>::open(dir)? else {
        report.note = Some(format!("{file} not found; skipped"));
        return Ok(report);
    };
    progress.table_started(T::NAME, Some(records.size));
    let mut sample = Sample::default();
    while let Some(batch) = records.next().await? {
        let missing = T::missing(tx, batch.first, &batch.rows).await?;
        for ord in &missing {
            if report.mismatches.len() < SAMPLE_LIMIT {
                let index = *ord as u64;
                let record = &batch.rows[(index - batch.first) as usize];
                report.mismatches.push(Mismatch {
                    record: index,
                    key: key_text(record),
                    field: "row".into(),
                    json: "present".into(),
                    database: "absent".into(),
                });
            }
        }
        report.json_records += batch.rows.len() as u64;
        report.found += (batch.rows.len() - missing.len()) as u64;
        sample.add(batch);
        progress.rows_done(T::NAME, report.json_records, Some(records.bytes_read()));
    }
    let mut sample = sample.records;
    report.sampled = sample.len() as u64;
    T::canonicalize(tx, &mut sample).await?;
    let wanted: Vec<&T> = sample.iter().map(|(_, r)| r).collect();
    let stored: HashMap<Vec<String>, T> = T::stored(tx, &wanted)
        .await?
        .into_iter()
        .map(|r| (r.key(), r))
        .collect();
    for (index, record) in &sample {
        // A record without a row is listed as missing already.
        let Some(row) = stored.get(&record.key()) else {
            continue;
        };
        for ((field, json), (_, database)) in record.fields().into_iter().zip(row.fields()) {
            if json != database {
                report.mismatches.push(Mismatch {
                    record: *index,
                    key: key_text(record),
                    field: field.into(),
                    json: json.to_string(),
                    database: database.to_string(),
                });
            }
        }
    }
    progress.table_finished(T::NAME);
    Ok(report)
}

/// Every k-th record of a file, k the smallest power of two that keeps at most
/// [`SAMPLE_LIMIT`] of them.
struct Sample<T> {
    stride: u64,
    records: Vec<(u64, T)>,
}

impl<T> Default for Sample<T> {
    fn default() -> Sample<T> {
        Sample {
            stride: 1,
            records: Vec::new(),
        }
    }
}

impl<T> Sample<T> {
    fn add(&mut self, batch: Batch<T>) {
        for (index, record) in (batch.first..).zip(batch.rows) {
            if !index.is_multiple_of(self.stride) {
                continue;
            }
            self.records.push((index, record));
            if self.records.len() > SAMPLE_LIMIT {
                self.stride *= 2;
                let stride = self.stride;
                self.records.retain(|(i, _)| i.is_multiple_of(stride));
            }
        }
    }
}

fn check_dir(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        Ok(())
    } else {
        Err(Error::invalid(
            "directory",
            format!("{} is not a directory", dir.display()),
        ))
    }
}

fn io_error(kind: ErrorKind, path: &Path, e: impl fmt::Display) -> Error {
    Error::new(kind, format!("{}: {e}", path.display()))
}

/// A `count(*)`, which is never negative.
fn count(n: i64) -> u64 {
    u64::try_from(n).expect("count(*) is not negative")
}

/// `e`, said of record `index` of the table's file.
fn at_record(table: &str, index: u64, e: Error) -> Error {
    Error::new(e.kind(), format!("{table}.json, record {index}: {e}"))
}

/// The error for the record at position `ord` (in `rows`, which start at `first`) whose
/// composite key a row of different parts holds.
fn ambiguous<T: Table>(first: u64, rows: &[T], ord: i64, error: impl Fn(&T) -> Error) -> Error {
    let index = ord as u64;
    at_record(T::NAME, index, error(&rows[(index - first) as usize]))
}

fn ambiguous_key(field: &str, key: &str, parts: fmt::Arguments<'_>) -> Error {
    Error::invalid(
        field,
        format!(
            "ambiguous composite key: {key:?} already holds a row for different parts than {parts}"
        ),
    )
}

fn key_text<T: Table>(record: &T) -> String {
    serde_json::to_string(&record.key()).expect("strings serialise")
}

/// The positions `first..first + n` of a batch's records.
fn ords(first: u64, n: usize) -> Vec<i64> {
    (first as i64..).take(n).collect()
}

// ---------------------------------------------------------------------------------------------
// Reading JSON files

/// A run of consecutive records of a file, the first at position `first`.
struct Batch<T> {
    first: u64,
    rows: Vec<T>,
}

/// The validated records of one file, parsed on a blocking thread and handed over in batches
/// of [`BATCH_ROWS`] (at most two batches wait), so a file is never held in memory whole and
/// parsing overlaps with the database work.
struct Records<T> {
    size: u64,
    bytes: Arc<AtomicU64>,
    receiver: mpsc::Receiver<Result<Batch<T>>>,
    reader: Option<tokio::task::JoinHandle<()>>,
}

impl<T: Table> Records<T> {
    /// Starts reading the table's file in `dir`; `None` when there is no such file.
    fn open(dir: &Path) -> Result<Option<Records<T>>> {
        let path = dir.join(T::file());
        let size = match fs::metadata(&path) {
            Ok(meta) => meta.len(),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(io_error(ErrorKind::InvalidInput, &path, e)),
        };
        let bytes = Arc::new(AtomicU64::new(0));
        let (sender, receiver) = mpsc::channel(2);
        let counter = Arc::clone(&bytes);
        let reader = tokio::task::spawn_blocking(move || {
            if let Err(e) = read_file::<T>(&path, counter, &sender) {
                // Nobody listens any more when the import stopped first.
                let _ = sender.blocking_send(Err(e));
            }
        });
        Ok(Some(Records {
            size,
            bytes,
            receiver,
            reader: Some(reader),
        }))
    }

    /// The next batch; `None` at the end of the file.
    async fn next(&mut self) -> Result<Option<Batch<T>>> {
        match self.receiver.recv().await {
            Some(batch) => batch.map(Some),
            None => {
                if let Some(reader) = self.reader.take() {
                    reader.await.map_err(|e| {
                        Error::new(
                            ErrorKind::Backend,
                            format!("reading {} failed: {e}", T::file()),
                        )
                    })?;
                }
                Ok(None)
            }
        }
    }

    fn bytes_read(&self) -> u64 {
        self.bytes.load(Ordering::Relaxed)
    }
}

/// Parses the JSON array in `path` record by record and sends the validated records in
/// batches.
fn read_file<T: Table>(
    path: &Path,
    bytes: Arc<AtomicU64>,
    sender: &mpsc::Sender<Result<Batch<T>>>,
) -> Result<()> {
    let file = File::open(path).map_err(|e| io_error(ErrorKind::InvalidInput, path, e))?;
    let counting = CountingReader { inner: file, bytes };
    let mut de = serde_json::Deserializer::from_reader(BufReader::with_capacity(1 << 16, counting));
    let mut state = ReadState::default();
    let mut first = 0;
    let mut rows = Vec::with_capacity(BATCH_ROWS);
    let parsed = de.deserialize_seq(RecordVisitor::new(&mut state, |index, json: T::Json| {
        rows.push(T::from_json(json).map_err(|e| at_record(T::NAME, index, e))?);
        if rows.len() == BATCH_ROWS {
            let full = std::mem::replace(&mut rows, Vec::with_capacity(BATCH_ROWS));
            send(sender, Batch { first, rows: full })?;
            first = index + 1;
        }
        Ok(())
    }));
    let syntax = |e: serde_json::Error, state: &ReadState| {
        let message = if state.started {
            format!("{}, record {}: {e}", T::file(), state.index)
        } else {
            format!("{}: {e}", T::file())
        };
        Error::new(ErrorKind::InvalidInput, message)
    };
    if let Err(e) = parsed {
        return Err(state.failure.take().unwrap_or_else(|| syntax(e, &state)));
    }
    de.end().map_err(|e| {
        Error::new(
            ErrorKind::InvalidInput,
            format!("{}: after the array: {e}", T::file()),
        )
    })?;
    if !rows.is_empty() {
        send(sender, Batch { first, rows })?;
    }
    Ok(())
}

fn send<T>(sender: &mpsc::Sender<Result<Batch<T>>>, batch: Batch<T>) -> Result<()> {
    sender
        .blocking_send(Ok(batch))
        .map_err(|_| Error::new(ErrorKind::Backend, "the import stopped reading"))
}

#[derive(Default)]
struct ReadState {
    /// Whether the top-level array began.
    started: bool,
    /// The position of the record being read.
    index: u64,
    /// Why reading stopped, when a record was refused.
    failure: Option<Error>,
}

/// Visits the top-level array, handing each element to `each` as soon as it is parsed.
struct RecordVisitor<'s, J, F> {
    state: &'s mut ReadState,
    each: F,
    _json: std::marker::PhantomData<fn() -> J>,
}

impl<'s, J, F> RecordVisitor<'s, J, F> {
    fn new(state: &'s mut ReadState, each: F) -> Self {
        RecordVisitor {
            state,
            each,
            _json: std::marker::PhantomData,
        }
    }
}

impl<'de, J, F> Visitor<'de> for RecordVisitor<'_, J, F>
where
    J: Deserialize<'de>,
    F: FnMut(u64, J) -> Result<()>,
{
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON array of records")
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        self.state.started = true;
        while let Some(json) = seq.next_element::<J>()? {
            if let Err(e) = (self.each)(self.state.index, json) {
                self.state.failure = Some(e);
                return Err(de::Error::custom("record refused"));
            }
            self.state.index += 1;
        }
        Ok(())
    }
}

/// Counts the bytes read, for progress reports.
struct CountingReader<R> {
    inner: R,
    bytes: Arc<AtomicU64>,
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.bytes.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

// ---------------------------------------------------------------------------------------------
// Writing JSON files

/// A JSON array written one record per line.
struct JsonArrayFile {
    path: PathBuf,
    out: BufWriter<File>,
    rows: u64,
}

impl JsonArrayFile {
    fn create(path: &Path) -> Result<JsonArrayFile> {
        let file = File::create(path).map_err(|e| io_error(ErrorKind::Backend, path, e))?;
        Ok(JsonArrayFile {
            path: path.to_path_buf(),
            out: BufWriter::with_capacity(1 << 16, file),
            rows: 0,
        })
    }

    fn push<T: Serialize>(&mut self, record: &T) -> Result<()> {
        let separator: &[u8] = if self.rows == 0 { b"[\n" } else { b",\n" };
        self.out
            .write_all(separator)
            .map_err(|e| io_error(ErrorKind::Backend, &self.path, e))?;
        serde_json::to_writer(&mut self.out, record)
            .map_err(|e| io_error(ErrorKind::Backend, &self.path, e))?;
        self.rows += 1;
        Ok(())
    }

    /// Closes the array and flushes the file to disk; returns the number of records.
    fn finish(mut self) -> Result<u64> {
        let end: &[u8] = if self.rows == 0 { b"[]\n" } else { b"\n]\n" };
        let path = self.path;
        let fail = |e: &dyn fmt::Display| io_error(ErrorKind::Backend, &path, e);
        self.out.write_all(end).map_err(|e| fail(&e))?;
        let file = self.out.into_inner().map_err(|e| fail(&e))?;
        file.sync_all().map_err(|e| fail(&e))?;
        Ok(self.rows)
    }
}

fn iso<S: Serializer>(time: &Option<DateTime<Utc>>, s: S) -> std::result::Result<S::Ok, S::Error> {
    match time {
        Some(time) => s.serialize_str(&python_isoformat(time)),
        None => s.serialize_none(),
    }
}

fn iso_required<S: Serializer>(time: &DateTime<Utc>, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&python_isoformat(time))
}

// ---------------------------------------------------------------------------------------------
// Reading fields of a record

/// A text field: a JSON string, or `None` when missing or `null`.
fn text_field(field: &str, value: Option<Value>) -> Result<Option<String>> {
    match value {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(wrong_type(field, "a string", &other)),
    }
}

/// A text field that must be there.
fn required_text(field: &str, value: Option<Value>) -> Result<String> {
    text_field(field, value)?.ok_or_else(|| Error::invalid(field, "is missing"))
}

/// An integer field: a JSON integer (or integral float), or a decimal string, as
/// `json.dump(..., default=str)` writes Python `Decimal`s; `None` when missing or `null`.
fn int_field(field: &str, value: Option<Value>) -> Result<Option<i64>> {
    let Some(value) = value else { return Ok(None) };
    let n = match &value {
        Value::Number(n) => n.as_i64().or_else(|| {
            n.as_f64()
                .filter(|f| f.fract() == 0.0 && f.abs() < 9.0e18)
                .map(|f| f as i64)
        }),
        Value::String(s) => s.trim().parse().ok(),
        _ => return Err(wrong_type(field, "an integer", &value)),
    };
    n.map(Some)
        .ok_or_else(|| Error::invalid(field, format!("{value} is not a 64-bit integer")))
}

/// A 32-bit integer field (`seqnr`), 0 when missing or `null`.
fn int32_field(field: &str, value: Option<Value>) -> Result<i32> {
    let n = int_field(field, value)?.unwrap_or(0);
    i32::try_from(n).map_err(|_| Error::invalid(field, format!("{n} is out of range")))
}

/// A boolean field, `false` when missing or `null`.
fn bool_field(field: &str, value: Option<Value>) -> Result<bool> {
    match value {
        None => Ok(false),
        Some(Value::Bool(b)) => Ok(b),
        Some(other) => Err(wrong_type(field, "true or false", &other)),
    }
}

/// A timestamp field, `None` when missing or `null`: Python's `str(datetime)`
/// (`2024-01-01 10:00:00+00:00`), `isoformat()` (`2024-01-01T10:00:00.5`), PynamoDB's
/// `2024-01-01T10:00:00.000000+0000` or RFC 3339 (`...Z`). Without an offset it is UTC. Digits
/// beyond the microsecond are dropped.
fn time_field(field: &str, value: Option<Value>) -> Result<Option<DateTime<Utc>>> {
    let Some(text) = text_field(field, value)? else {
        return Ok(None);
    };
    let iso = text.trim().replacen(' ', "T", 1);
    let parsed = DateTime::parse_from_rfc3339(&iso)
        .or_else(|_| DateTime::parse_from_str(&iso, "%Y-%m-%dT%H:%M:%S%.f%z"))
        .map(|t| t.with_timezone(&Utc))
        .or_else(|_| {
            NaiveDateTime::parse_from_str(&iso, "%Y-%m-%dT%H:%M:%S%.f").map(|t| t.and_utc())
        });
    match parsed {
        Ok(time) => Ok(Some(time.trunc_subsecs(6))),
        Err(_) => Err(Error::invalid(
            field,
            format!("{text:?} is not a timestamp like 2024-01-01 10:00:00[.ffffff][+00:00]"),
        )),
    }
}

fn required_time(field: &str, value: Option<Value>) -> Result<DateTime<Utc>> {
    time_field(field, value)?.ok_or_else(|| Error::invalid(field, "is missing"))
}

fn wrong_type(field: &str, expected: &str, found: &Value) -> Error {
    let found = match found {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    };
    Error::invalid(field, format!("expected {expected}, found {found}"))
}

/// Optional `VARCHAR(max)` text.
fn bounded_opt(field: &str, value: &Option<String>, max: usize) -> Result<()> {
    value.as_deref().map_or(Ok(()), |v| bounded(field, v, max))
}

/// Walks a JSON text without keeping it and refuses what jsonb cannot store or the entity API
/// cannot hold: U+0000 in a string or key, a lone UTF-16 surrogate escape (refused by
/// serde_json while it decodes the string), a number beyond the range of `f64`.
struct StorableJson;

impl StorableJson {
    fn check(field: &str, raw: &RawValue) -> Result<()> {
        serde_json::from_str::<StorableJson>(raw.get())
            .map(drop)
            .map_err(|e| Error::invalid(field, e))
    }
}

impl<'de> Deserialize<'de> for StorableJson {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<StorableJson, D::Error> {
        d.deserialize_any(StorableJson)
    }
}

impl<'de> Visitor<'de> for StorableJson {
    type Value = StorableJson;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E>(self) -> std::result::Result<StorableJson, E> {
        Ok(self)
    }

    fn visit_bool<E>(self, _: bool) -> std::result::Result<StorableJson, E> {
        Ok(self)
    }

    fn visit_i64<E>(self, _: i64) -> std::result::Result<StorableJson, E> {
        Ok(self)
    }

    fn visit_u64<E>(self, _: u64) -> std::result::Result<StorableJson, E> {
        Ok(self)
    }

    fn visit_f64<E>(self, _: f64) -> std::result::Result<StorableJson, E> {
        Ok(self)
    }

    fn visit_str<E: de::Error>(self, s: &str) -> std::result::Result<StorableJson, E> {
        if s.contains('\0') {
            return Err(E::custom(
                "contains a NUL character (U+0000), which jsonb cannot store",
            ));
        }
        Ok(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> std::result::Result<StorableJson, A::Error> {
        while seq.next_element::<StorableJson>()?.is_some() {}
        Ok(self)
    }

    fn visit_map<A: de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<StorableJson, A::Error> {
        while map.next_key::<StorableJson>()?.is_some() {
            map.next_value::<StorableJson>()?;
        }
        Ok(self)
    }
}

// ---------------------------------------------------------------------------------------------
// Comparing records

/// One column of a record, for comparing a record with its stored row and showing both.
#[derive(PartialEq)]
enum Field<'a> {
    Text(Option<&'a str>),
    /// Compared, but shown as `<redacted>`.
    Secret(Option<&'a str>),
    /// JSON text, compared as jsonb renders it.
    Json(Option<&'a str>),
    Int(Option<i64>),
    Bool(bool),
    Time(Option<DateTime<Utc>>),
}

impl Field<'_> {
    fn optional(value: &Option<String>) -> Field<'_> {
        Field::Text(value.as_deref())
    }
}

impl fmt::Display for Field<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Field::Text(None)
            | Field::Secret(None)
            | Field::Json(None)
            | Field::Int(None)
            | Field::Time(None) => f.write_str("null"),
            Field::Text(Some(s)) => write!(f, "{}", Value::from(*s)),
            Field::Secret(Some(_)) => f.write_str("<redacted>"),
            Field::Json(Some(raw)) => f.write_str(raw),
            Field::Int(Some(n)) => write!(f, "{n}"),
            Field::Bool(b) => write!(f, "{b}"),
            Field::Time(Some(t)) => write!(f, "\"{}\"", python_isoformat(t)),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Tables

/// One table: its records (what a file holds, validated), how they are read from JSON and
/// rows, and its statements.
trait Table: Serialize + Sized + Send + Sync + 'static {
    /// The table, and the file name without `.json`.
    const NAME: &'static str;
    /// A record as the file holds it.
    type Json: DeserializeOwned + Send + 'static;

    fn file() -> String {
        format!("{}.json", Self::NAME)
    }

    /// Validates a record as the entity API validates its arguments.
    fn from_json(json: Self::Json) -> Result<Self>;

    /// The key, with every part of a composite key.
    fn key(&self) -> Vec<String>;

    /// Every column, in export order.
    fn fields(&self) -> Vec<(&'static str, Field<'_>)>;

    /// Streams every row, by key, to `each`.
    async fn export(
        tx: &Executor<'_>,
        each: &mut (dyn FnMut(Self) -> Result<()> + Send),
    ) -> Result<()>;

    /// Inserts the records that start at position `first` unless their key is stored; returns
    /// how many were inserted.
    async fn insert(tx: &Executor<'_>, first: u64, rows: &[Self]) -> Result<u64>;

    /// The positions of the records (starting at `first`) without a stored row.
    async fn missing(tx: &Executor<'_>, first: u64, rows: &[Self]) -> Result<Vec<i64>>;

    /// The stored rows of these records.
    async fn stored(tx: &Executor<'_>, rows: &[&Self]) -> Result<Vec<Self>>;

    /// Puts values the database normalises into the form it stores them in.
    async fn canonicalize(_tx: &Executor<'_>, _records: &mut [(u64, Self)]) -> Result<()> {
        Ok(())
    }
}

/// Streams the rows of an export query into `each`.
macro_rules! stream_rows {
    ($tx:expr, $query:expr, $record:ty, $each:expr) => {{
        let stmt = $query.prepare($tx).await?;
        let rows = stmt.bind($tx).iter().await?;
        let mut rows = std::pin::pin!(rows);
        while let Some(row) = rows.try_next().await? {
            $each(<$record>::from(row))?;
        }
        Ok(())
    }};
}

// actors --------------------------------------------------------------------------------------

#[derive(Serialize)]
struct ActorRecord {
    id: String,
    creator: String,
    passphrase: String,
    #[serde(serialize_with = "iso")]
    created_at: Option<DateTime<Utc>>,
}

#[derive(Deserialize)]
#[serde(expecting = "a JSON object")]
struct ActorJson {
    id: Option<Value>,
    creator: Option<Value>,
    passphrase: Option<Value>,
    created_at: Option<Value>,
}

impl From<actor_q::ActorTransfer> for ActorRecord {
    fn from(row: actor_q::ActorTransfer) -> ActorRecord {
        ActorRecord {
            id: row.id,
            creator: row.creator,
            passphrase: row.passphrase,
            created_at: row.created_at.map(|t| t.and_utc()),
        }
    }
}

impl Table for ActorRecord {
    const NAME: &'static str = "actors";
    type Json = ActorJson;

    fn from_json(json: ActorJson) -> Result<ActorRecord> {
        let record = ActorRecord {
            id: required_text("id", json.id)?,
            creator: text_field("creator", json.creator)?.unwrap_or_default(),
            passphrase: text_field("passphrase", json.passphrase)?.unwrap_or_default(),
            created_at: time_field("created_at", json.created_at)?,
        };
        rules::identifier("id", &record.id)?;
        bounded("creator", &record.creator, IDENTIFIER_MAX_CHARS)?;
        rules::text("passphrase", &record.passphrase)?;
        Ok(record)
    }

    fn key(&self) -> Vec<String> {
        vec![self.id.clone()]
    }

    fn fields(&self) -> Vec<(&'static str, Field<'_>)> {
        vec![
            ("id", Field::Text(Some(&self.id))),
            ("creator", Field::Text(Some(&self.creator))),
            ("passphrase", Field::Secret(Some(&self.passphrase))),
            ("created_at", Field::Time(self.created_at)),
        ]
    }

    async fn export(
        tx: &Executor<'_>,
        each: &mut (dyn FnMut(Self) -> Result<()> + Send),
    ) -> Result<()> {
        stream_rows!(tx, actor_q::export_actors(), ActorRecord, each)
    }

    async fn insert(tx: &Executor<'_>, _first: u64, rows: &[Self]) -> Result<u64> {
        let params = actor_q::ImportActorsParams {
            actor_ids: rows.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
            creators: rows.iter().map(|r| r.creator.as_str()).collect::<Vec<_>>(),
            passphrases: rows
                .iter()
                .map(|r| Secret(&r.passphrase))
                .collect::<Vec<_>>(),
            created_ats: rows
                .iter()
                .map(|r| r.created_at.map(|t| t.naive_utc()))
                .collect::<Vec<_>>(),
        };
        let inserted = actor_q::import_actors().params(tx, &params).one().await?;
        Ok(count(inserted))
    }

    async fn missing(tx: &Executor<'_>, first: u64, rows: &[Self]) -> Result<Vec<i64>> {
        let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        Ok(actor_q::missing_actors()
            .params(
                tx,
                &actor_q::MissingActorsParams {
                    ords: ords(first, rows.len()),
                    actor_ids: ids,
                },
            )
            .all()
            .await?)
    }

    async fn stored(tx: &Executor<'_>, rows: &[&Self]) -> Result<Vec<Self>> {
        let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        let rows = actor_q::stored_actors()
            .params(tx, &actor_q::ActorIdsParam { actor_ids: ids })
            .all()
            .await?;
        Ok(rows.into_iter().map(ActorRecord::from).collect())
    }
}

// properties ----------------------------------------------------------------------------------

#[derive(Serialize)]
struct PropertyRecord {
    id: String,
    name: String,
    value: String,
}

#[derive(Deserialize)]
#[serde(expecting = "a JSON object")]
struct PropertyJson {
    id: Option<Value>,
    name: Option<Value>,
    value: Option<Value>,
}

impl From<property_q::PropertyTransfer> for PropertyRecord {
    fn from(row: property_q::PropertyTransfer) -> PropertyRecord {
        PropertyRecord {
            id: row.id,
            name: row.name,
            value: row.value,
        }
    }
}

impl Table for PropertyRecord {
    const NAME: &'static str = "properties";
    type Json = PropertyJson;

    fn from_json(json: PropertyJson) -> Result<PropertyRecord> {
        let record = PropertyRecord {
            id: required_text("id", json.id)?,
            name: required_text("name", json.name)?,
            value: text_field("value", json.value)?.unwrap_or_default(),
        };
        rules::identifier("id", &record.id)?;
        rules::name("name", &record.name)?;
        rules::text("value", &record.value)?;
        Ok(record)
    }

    fn key(&self) -> Vec<String> {
        vec![self.id.clone(), self.name.clone()]
    }

    fn fields(&self) -> Vec<(&'static str, Field<'_>)> {
        vec![
            ("id", Field::Text(Some(&self.id))),
            ("name", Field::Text(Some(&self.name))),
            ("value", Field::Text(Some(&self.value))),
        ]
    }

    async fn export(
        tx: &Executor<'_>,
        each: &mut (dyn FnMut(Self) -> Result<()> + Send),
    ) -> Result<()> {
        stream_rows!(tx, property_q::export_properties(), PropertyRecord, each)
    }

    async fn insert(tx: &Executor<'_>, _first: u64, rows: &[Self]) -> Result<u64> {
        let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
        let values: Vec<&str> = rows.iter().map(|r| r.value.as_str()).collect();
        let inserted = property_q::import_properties()
            .params(
                tx,
                &property_q::ImportPropertiesParams {
                    actor_ids: ids,
                    names,
                    vals: values,
                },
            )
            .one()
            .await?;
        Ok(count(inserted))
    }

    async fn missing(tx: &Executor<'_>, first: u64, rows: &[Self]) -> Result<Vec<i64>> {
        let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
        Ok(property_q::missing_properties()
            .params(
                tx,
                &property_q::MissingPropertiesParams {
                    ords: ords(first, rows.len()),
                    actor_ids: ids,
                    names,
                },
            )
            .all()
            .await?)
    }

    async fn stored(tx: &Executor<'_>, rows: &[&Self]) -> Result<Vec<Self>> {
        let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
        let rows = property_q::stored_properties()
            .params(
                tx,
                &property_q::StoredPropertiesParams {
                    actor_ids: ids,
                    names,
                },
            )
            .all()
            .await?;
        Ok(rows.into_iter().map(PropertyRecord::from).collect())
    }
}

// attributes ----------------------------------------------------------------------------------

#[derive(Serialize)]
struct AttributeRecord {
    id: String,
    #[serde(skip)]
    bucket_name: String,
    bucket: String,
    name: String,
    data: Option<Box<RawValue>>,
    #[serde(serialize_with = "iso")]
    timestamp: Option<DateTime<Utc>>,
    ttl_timestamp: Option<i64>,
}

#[derive(Deserialize)]
#[serde(expecting = "a JSON object")]
struct AttributeJson {
    id: Option<Value>,
    bucket: Option<Value>,
    name: Option<Value>,
    data: Option<Box<RawValue>>,
    timestamp: Option<Value>,
    ttl_timestamp: Option<Value>,
}

impl From<attribute_q::AttributeTransfer> for AttributeRecord {
    fn from(row: attribute_q::AttributeTransfer) -> AttributeRecord {
        AttributeRecord {
            bucket_name: format!("{}:{}", row.bucket, row.name),
            id: row.id,
            bucket: row.bucket,
            name: row.name,
            data: row
                .data
                .map(|text| RawValue::from_string(text).expect("jsonb renders valid JSON")),
            timestamp: row.timestamp.map(|t| t.and_utc()),
            ttl_timestamp: row.ttl_timestamp,
        }
    }
}

impl Table for AttributeRecord {
    const NAME: &'static str = "attributes";
    type Json = AttributeJson;

    fn from_json(json: AttributeJson) -> Result<AttributeRecord> {
        let id = required_text("id", json.id)?;
        let bucket = required_text("bucket", json.bucket)?;
        let name = required_text("name", json.name)?;
        rules::identifier("id", &id)?;
        rules::identifier("bucket", &bucket)?;
        rules::identifier("name", &name)?;
        if let Some(data) = &json.data {
            StorableJson::check("data", data)?;
        }
        Ok(AttributeRecord {
            bucket_name: rules::composite_key("bucket_name", &bucket, &name)?,
            id,
            bucket,
            name,
            data: json.data,
            timestamp: time_field("timestamp", json.timestamp)?,
            ttl_timestamp: int_field("ttl_timestamp", json.ttl_timestamp)?,
        })
    }

    fn key(&self) -> Vec<String> {
        vec![self.id.clone(), self.bucket.clone(), self.name.clone()]
    }

    fn fields(&self) -> Vec<(&'static str, Field<'_>)> {
        vec![
            ("id", Field::Text(Some(&self.id))),
            ("bucket", Field::Text(Some(&self.bucket))),
            ("name", Field::Text(Some(&self.name))),
            ("data", Field::Json(self.data.as_deref().map(RawValue::get))),
            ("timestamp", Field::Time(self.timestamp)),
            ("ttl_timestamp", Field::Int(self.ttl_timestamp)),
        ]
    }

    async fn export(
        tx: &Executor<'_>,
        each: &mut (dyn FnMut(Self) -> Result<()> + Send),
    ) -> Result<()> {
        stream_rows!(tx, attribute_q::export_attributes(), AttributeRecord, each)
    }

    async fn insert(tx: &Executor<'_>, first: u64, rows: &[Self]) -> Result<u64> {
        let params = attribute_q::ImportAttributesParams {
            ords: ords(first, rows.len()),
            actor_ids: rows.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
            bucket_names: rows
                .iter()
                .map(|r| r.bucket_name.as_str())
                .collect::<Vec<_>>(),
            buckets: rows.iter().map(|r| r.bucket.as_str()).collect::<Vec<_>>(),
            names: rows.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(),
            datas: rows
                .iter()
                .map(|r| r.data.as_deref().map(RawValue::get))
                .collect::<Vec<_>>(),
            timestamps: rows
                .iter()
                .map(|r| r.timestamp.map(|t| t.naive_utc()))
                .collect::<Vec<_>>(),
            ttl_timestamps: rows.iter().map(|r| r.ttl_timestamp).collect::<Vec<_>>(),
        };
        let outcome = attribute_q::import_attributes()
            .params(tx, &params)
            .one()
            .await?;
        match outcome.ambiguous {
            Some(ord) => Err(ambiguous(first, rows, ord, |r: &AttributeRecord| {
                ambiguous_key(
                    "bucket_name",
                    &r.bucket_name,
                    format_args!("bucket {:?} and name {:?}", r.bucket, r.name),
                )
            })),
            None => Ok(count(outcome.inserted)),
        }
    }

    async fn missing(tx: &Executor<'_>, first: u64, rows: &[Self]) -> Result<Vec<i64>> {
        let params = attribute_q::MissingAttributesParams {
            ords: ords(first, rows.len()),
            actor_ids: rows.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
            bucket_names: rows
                .iter()
                .map(|r| r.bucket_name.as_str())
                .collect::<Vec<_>>(),
            buckets: rows.iter().map(|r| r.bucket.as_str()).collect::<Vec<_>>(),
            names: rows.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(),
        };
        Ok(attribute_q::missing_attributes()
            .params(tx, &params)
            .all()
            .await?)
    }

    async fn stored(tx: &Executor<'_>, rows: &[&Self]) -> Result<Vec<Self>> {
        let params = attribute_q::StoredAttributesParams {
            actor_ids: rows.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
            bucket_names: rows
                .iter()
                .map(|r| r.bucket_name.as_str())
                .collect::<Vec<_>>(),
            buckets: rows.iter().map(|r| r.bucket.as_str()).collect::<Vec<_>>(),
            names: rows.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(),
        };
        let rows = attribute_q::stored_attributes()
            .params(tx, &params)
            .all()
            .await?;
        Ok(rows.into_iter().map(AttributeRecord::from).collect())
    }

    /// jsonb reorders keys and respaces: compare the data as the database stores it.
    async fn canonicalize(tx: &Executor<'_>, records: &mut [(u64, Self)]) -> Result<()> {
        let texts: Vec<Option<&str>> = records
            .iter()
            .map(|(_, r)| r.data.as_deref().map(RawValue::get))
            .collect();
        let canonical = attribute_q::canonical_jsonb()
            .params(tx, &attribute_q::CanonicalJsonbParams { texts })
            .all()
            .await?;
        for ((_, record), text) in records.iter_mut().zip(canonical) {
            record.data = text.map(|t| RawValue::from_string(t).expect("jsonb renders JSON"));
        }
        Ok(())
    }
}

// trusts --------------------------------------------------------------------------------------

#[derive(Serialize)]
struct TrustRecord {
    id: String,
    peerid: String,
    baseuri: String,
    #[serde(rename = "type")]
    peer_type: String,
    relationship: String,
    secret: String,
    desc: Option<String>,
    approved: bool,
    peer_approved: bool,
    verified: bool,
    verification_token: Option<String>,
    peer_identifier: Option<String>,
    established_via: Option<String>,
    #[serde(serialize_with = "iso")]
    created_at: Option<DateTime<Utc>>,
    #[serde(serialize_with = "iso")]
    last_accessed: Option<DateTime<Utc>>,
    last_connected_via: Option<String>,
    client_name: Option<String>,
    client_version: Option<String>,
    client_platform: Option<String>,
    oauth_client_id: Option<String>,
    aw_supported: Option<String>,
    aw_version: Option<String>,
    #[serde(serialize_with = "iso")]
    capabilities_fetched_at: Option<DateTime<Utc>>,
}

#[derive(Deserialize)]
#[serde(expecting = "a JSON object")]
struct TrustJson {
    id: Option<Value>,
    peerid: Option<Value>,
    baseuri: Option<Value>,
    #[serde(rename = "type")]
    peer_type: Option<Value>,
    #[serde(rename = "peer_type")]
    peer_type_alias: Option<Value>,
    relationship: Option<Value>,
    secret: Option<Value>,
    desc: Option<Value>,
    desc_text: Option<Value>,
    approved: Option<Value>,
    peer_approved: Option<Value>,
    verified: Option<Value>,
    verification_token: Option<Value>,
    peer_identifier: Option<Value>,
    established_via: Option<Value>,
    created_at: Option<Value>,
    last_accessed: Option<Value>,
    last_connected_via: Option<Value>,
    client_name: Option<Value>,
    client_version: Option<Value>,
    client_platform: Option<Value>,
    oauth_client_id: Option<Value>,
    aw_supported: Option<Value>,
    aw_version: Option<Value>,
    capabilities_fetched_at: Option<Value>,
}

impl From<trust_q::TrustTransfer> for TrustRecord {
    fn from(row: trust_q::TrustTransfer) -> TrustRecord {
        TrustRecord {
            id: row.id,
            peerid: row.peerid,
            baseuri: row.baseuri,
            peer_type: row.peer_type,
            relationship: row.relationship,
            secret: row.secret,
            desc: row.desc,
            approved: row.approved,
            peer_approved: row.peer_approved,
            verified: row.verified,
            verification_token: row.verification_token,
            peer_identifier: row.peer_identifier,
            established_via: row.established_via,
            created_at: row.created_at.map(|t| t.and_utc()),
            last_accessed: row.last_accessed.map(|t| t.and_utc()),
            last_connected_via: row.last_connected_via,
            client_name: row.client_name,
            client_version: row.client_version,
            client_platform: row.client_platform,
            oauth_client_id: row.oauth_client_id,
            aw_supported: row.aw_supported,
            aw_version: row.aw_version,
            capabilities_fetched_at: row.capabilities_fetched_at.map(|t| t.with_timezone(&Utc)),
        }
    }
}

impl Table for TrustRecord {
    const NAME: &'static str = "trusts";
    type Json = TrustJson;

    fn from_json(json: TrustJson) -> Result<TrustRecord> {
        let peer_type = text_field("type", json.peer_type)?;
        let peer_type_alias = text_field("peer_type", json.peer_type_alias)?;
        let desc = text_field("desc", json.desc)?;
        let desc_text = text_field("desc_text", json.desc_text)?;
        let record = TrustRecord {
            id: required_text("id", json.id)?,
            peerid: required_text("peerid", json.peerid)?,
            baseuri: text_field("baseuri", json.baseuri)?.unwrap_or_default(),
            peer_type: peer_type.or(peer_type_alias).unwrap_or_default(),
            relationship: text_field("relationship", json.relationship)?.unwrap_or_default(),
            secret: text_field("secret", json.secret)?.unwrap_or_default(),
            desc: desc.or(desc_text),
            approved: bool_field("approved", json.approved)?,
            peer_approved: bool_field("peer_approved", json.peer_approved)?,
            verified: bool_field("verified", json.verified)?,
            verification_token: text_field("verification_token", json.verification_token)?,
            peer_identifier: text_field("peer_identifier", json.peer_identifier)?,
            established_via: text_field("established_via", json.established_via)?,
            created_at: time_field("created_at", json.created_at)?,
            last_accessed: time_field("last_accessed", json.last_accessed)?,
            last_connected_via: text_field("last_connected_via", json.last_connected_via)?,
            client_name: text_field("client_name", json.client_name)?,
            client_version: text_field("client_version", json.client_version)?,
            client_platform: text_field("client_platform", json.client_platform)?,
            oauth_client_id: text_field("oauth_client_id", json.oauth_client_id)?,
            aw_supported: text_field("aw_supported", json.aw_supported)?,
            aw_version: text_field("aw_version", json.aw_version)?,
            capabilities_fetched_at: time_field(
                "capabilities_fetched_at",
                json.capabilities_fetched_at,
            )?,
        };
        rules::identifier("id", &record.id)?;
        rules::identifier("peerid", &record.peerid)?;
        rules::text("baseuri", &record.baseuri)?;
        bounded("type", &record.peer_type, IDENTIFIER_MAX_CHARS)?;
        bounded("relationship", &record.relationship, IDENTIFIER_MAX_CHARS)?;
        bounded("secret", &record.secret, IDENTIFIER_MAX_CHARS)?;
        if let Some(desc) = &record.desc {
            rules::text("desc", desc)?;
        }
        if let Some(supported) = &record.aw_supported {
            rules::text("aw_supported", supported)?;
        }
        bounded_opt(
            "aw_version",
            &record.aw_version,
            rules::AW_VERSION_MAX_CHARS,
        )?;
        for (field, value) in [
            ("verification_token", &record.verification_token),
            ("peer_identifier", &record.peer_identifier),
            ("established_via", &record.established_via),
            ("last_connected_via", &record.last_connected_via),
            ("client_name", &record.client_name),
            ("client_version", &record.client_version),
            ("client_platform", &record.client_platform),
            ("oauth_client_id", &record.oauth_client_id),
        ] {
            bounded_opt(field, value, IDENTIFIER_MAX_CHARS)?;
        }
        Ok(TrustRecord {
            // Stored as the entity API stores it (idempotent on stored values).
            last_connected_via: record
                .last_connected_via
                .as_deref()
                .and_then(canonical_connection_method),
            ..record
        })
    }

    fn key(&self) -> Vec<String> {
        vec![self.id.clone(), self.peerid.clone()]
    }

    fn fields(&self) -> Vec<(&'static str, Field<'_>)> {
        let text = Field::optional;
        vec![
            ("id", Field::Text(Some(&self.id))),
            ("peerid", Field::Text(Some(&self.peerid))),
            ("baseuri", Field::Text(Some(&self.baseuri))),
            ("type", Field::Text(Some(&self.peer_type))),
            ("relationship", Field::Text(Some(&self.relationship))),
            ("secret", Field::Secret(Some(&self.secret))),
            ("desc", text(&self.desc)),
            ("approved", Field::Bool(self.approved)),
            ("peer_approved", Field::Bool(self.peer_approved)),
            ("verified", Field::Bool(self.verified)),
            (
                "verification_token",
                Field::Secret(self.verification_token.as_deref()),
            ),
            ("peer_identifier", text(&self.peer_identifier)),
            ("established_via", text(&self.established_via)),
            ("created_at", Field::Time(self.created_at)),
            ("last_accessed", Field::Time(self.last_accessed)),
            ("last_connected_via", text(&self.last_connected_via)),
            ("client_name", text(&self.client_name)),
            ("client_version", text(&self.client_version)),
            ("client_platform", text(&self.client_platform)),
            ("oauth_client_id", text(&self.oauth_client_id)),
            ("aw_supported", text(&self.aw_supported)),
            ("aw_version", text(&self.aw_version)),
            (
                "capabilities_fetched_at",
                Field::Time(self.capabilities_fetched_at),
            ),
        ]
    }

    async fn export(
        tx: &Executor<'_>,
        each: &mut (dyn FnMut(Self) -> Result<()> + Send),
    ) -> Result<()> {
        stream_rows!(tx, trust_q::export_trusts(), TrustRecord, each)
    }

    async fn insert(tx: &Executor<'_>, _first: u64, rows: &[Self]) -> Result<u64> {
        let text = |f: fn(&TrustRecord) -> &str| rows.iter().map(f).collect::<Vec<_>>();
        let opt = |f: fn(&TrustRecord) -> &Option<String>| {
            rows.iter().map(|r| f(r).as_deref()).collect::<Vec<_>>()
        };
        let flag = |f: fn(&TrustRecord) -> bool| rows.iter().map(f).collect::<Vec<_>>();
        let naive = |f: fn(&TrustRecord) -> Option<DateTime<Utc>>| {
            rows.iter()
                .map(|r| f(r).map(|t| t.naive_utc()))
                .collect::<Vec<_>>()
        };
        let params = trust_q::ImportTrustsParams {
            actor_ids: text(|r| &r.id),
            peerids: text(|r| &r.peerid),
            baseuris: text(|r| &r.baseuri),
            peer_types: text(|r| &r.peer_type),
            relationships: text(|r| &r.relationship),
            secrets: rows.iter().map(|r| Secret(&r.secret)).collect::<Vec<_>>(),
            descs: opt(|r| &r.desc),
            approveds: flag(|r| r.approved),
            peer_approveds: flag(|r| r.peer_approved),
            verifieds: flag(|r| r.verified),
            verification_tokens: rows
                .iter()
                .map(|r| Secret::opt(r.verification_token.as_deref()))
                .collect::<Vec<_>>(),
            peer_identifiers: opt(|r| &r.peer_identifier),
            established_vias: opt(|r| &r.established_via),
            created_ats: naive(|r| r.created_at),
            last_accesseds: naive(|r| r.last_accessed),
            last_connected_vias: opt(|r| &r.last_connected_via),
            client_names: opt(|r| &r.client_name),
            client_versions: opt(|r| &r.client_version),
            client_platforms: opt(|r| &r.client_platform),
            oauth_client_ids: opt(|r| &r.oauth_client_id),
            aw_supporteds: opt(|r| &r.aw_supported),
            aw_versions: opt(|r| &r.aw_version),
            capabilities_fetched_ats: rows
                .iter()
                .map(|r| r.capabilities_fetched_at.map(|t| t.fixed_offset()))
                .collect::<Vec<_>>(),
        };
        let inserted = trust_q::import_trusts().params(tx, &params).one().await?;
        Ok(count(inserted))
    }

    async fn missing(tx: &Executor<'_>, first: u64, rows: &[Self]) -> Result<Vec<i64>> {
        let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        let peerids: Vec<&str> = rows.iter().map(|r| r.peerid.as_str()).collect();
        Ok(trust_q::missing_trusts()
            .params(
                tx,
                &trust_q::MissingTrustsParams {
                    ords: ords(first, rows.len()),
                    actor_ids: ids,
                    peerids,
                },
            )
            .all()
            .await?)
    }

    async fn stored(tx: &Executor<'_>, rows: &[&Self]) -> Result<Vec<Self>> {
        let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        let peerids: Vec<&str> = rows.iter().map(|r| r.peerid.as_str()).collect();
        let rows = trust_q::stored_trusts()
            .params(
                tx,
                &trust_q::StoredTrustsParams {
                    actor_ids: ids,
                    peerids,
                },
            )
            .all()
            .await?;
        Ok(rows.into_iter().map(TrustRecord::from).collect())
    }
}

// peertrustees --------------------------------------------------------------------------------

#[derive(Serialize)]
struct PeerTrusteeRecord {
    id: String,
    peerid: String,
    baseuri: String,
    #[serde(rename = "type")]
    peer_type: String,
    passphrase: String,
}

#[derive(Deserialize)]
#[serde(expecting = "a JSON object")]
struct PeerTrusteeJson {
    id: Option<Value>,
    peerid: Option<Value>,
    baseuri: Option<Value>,
    #[serde(rename = "type")]
    peer_type: Option<Value>,
    #[serde(rename = "peer_type")]
    peer_type_alias: Option<Value>,
    passphrase: Option<Value>,
    secret: Option<Value>,
}

impl From<peertrustee_q::PeerTrusteeTransfer> for PeerTrusteeRecord {
    fn from(row: peertrustee_q::PeerTrusteeTransfer) -> PeerTrusteeRecord {
        PeerTrusteeRecord {
            id: row.id,
            peerid: row.peerid,
            baseuri: row.baseuri,
            peer_type: row.peer_type,
            passphrase: row.passphrase,
        }
    }
}

impl Table for PeerTrusteeRecord {
    const NAME: &'static str = "peertrustees";
    type Json = PeerTrusteeJson;

    fn from_json(json: PeerTrusteeJson) -> Result<PeerTrusteeRecord> {
        let peer_type = text_field("type", json.peer_type)?;
        let peer_type_alias = text_field("peer_type", json.peer_type_alias)?;
        let passphrase = text_field("passphrase", json.passphrase)?;
        let secret = text_field("secret", json.secret)?;
        let record = PeerTrusteeRecord {
            id: required_text("id", json.id)?,
            peerid: required_text("peerid", json.peerid)?,
            baseuri: text_field("baseuri", json.baseuri)?.unwrap_or_default(),
            peer_type: peer_type
                .or(peer_type_alias)
                .ok_or_else(|| Error::invalid("type", "is missing"))?,
            passphrase: passphrase.or(secret).unwrap_or_default(),
        };
        rules::identifier("id", &record.id)?;
        rules::identifier("peerid", &record.peerid)?;
        rules::identifier("type", &record.peer_type)?;
        rules::text("baseuri", &record.baseuri)?;
        rules::text("passphrase", &record.passphrase)?;
        Ok(record)
    }

    fn key(&self) -> Vec<String> {
        vec![self.id.clone(), self.peerid.clone()]
    }

    fn fields(&self) -> Vec<(&'static str, Field<'_>)> {
        vec![
            ("id", Field::Text(Some(&self.id))),
            ("peerid", Field::Text(Some(&self.peerid))),
            ("baseuri", Field::Text(Some(&self.baseuri))),
            ("type", Field::Text(Some(&self.peer_type))),
            ("passphrase", Field::Secret(Some(&self.passphrase))),
        ]
    }

    async fn export(
        tx: &Executor<'_>,
        each: &mut (dyn FnMut(Self) -> Result<()> + Send),
    ) -> Result<()> {
        stream_rows!(
            tx,
            peertrustee_q::export_peertrustees(),
            PeerTrusteeRecord,
            each
        )
    }

    async fn insert(tx: &Executor<'_>, _first: u64, rows: &[Self]) -> Result<u64> {
        let column = |f: fn(&PeerTrusteeRecord) -> &str| rows.iter().map(f).collect::<Vec<_>>();
        let params = peertrustee_q::ImportPeertrusteesParams {
            actor_ids: column(|r| &r.id),
            peerids: column(|r| &r.peerid),
            baseuris: column(|r| &r.baseuri),
            peer_types: column(|r| &r.peer_type),
            passphrases: rows
                .iter()
                .map(|r| Secret(&r.passphrase))
                .collect::<Vec<_>>(),
        };
        let inserted = peertrustee_q::import_peertrustees()
            .params(tx, &params)
            .one()
            .await?;
        Ok(count(inserted))
    }

    async fn missing(tx: &Executor<'_>, first: u64, rows: &[Self]) -> Result<Vec<i64>> {
        let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        let peerids: Vec<&str> = rows.iter().map(|r| r.peerid.as_str()).collect();
        Ok(peertrustee_q::missing_peertrustees()
            .params(
                tx,
                &peertrustee_q::MissingPeertrusteesParams {
                    ords: ords(first, rows.len()),
                    actor_ids: ids,
                    peerids,
                },
            )
            .all()
            .await?)
    }

    async fn stored(tx: &Executor<'_>, rows: &[&Self]) -> Result<Vec<Self>> {
        let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        let peerids: Vec<&str> = rows.iter().map(|r| r.peerid.as_str()).collect();
        let rows = peertrustee_q::stored_peertrustees()
            .params(
                tx,
                &peertrustee_q::StoredPeertrusteesParams {
                    actor_ids: ids,
                    peerids,
                },
            )
            .all()
            .await?;
        Ok(rows.into_iter().map(PeerTrusteeRecord::from).collect())
    }
}

// subscriptions -------------------------------------------------------------------------------

#[derive(Serialize)]
struct SubscriptionRecord {
    id: String,
    #[serde(skip)]
    peer_sub_id: String,
    peerid: String,
    subid: String,
    granularity: Option<String>,
    target: Option<String>,
    subtarget: Option<String>,
    resource: Option<String>,
    seqnr: i32,
    callback: bool,
}

#[derive(Deserialize)]
#[serde(expecting = "a JSON object")]
struct SubscriptionJson {
    id: Option<Value>,
    peerid: Option<Value>,
    subid: Option<Value>,
    granularity: Option<Value>,
    target: Option<Value>,
    subtarget: Option<Value>,
    resource: Option<Value>,
    seqnr: Option<Value>,
    callback: Option<Value>,
}

impl From<subscription_q::SubscriptionTransfer> for SubscriptionRecord {
    fn from(row: subscription_q::SubscriptionTransfer) -> SubscriptionRecord {
        SubscriptionRecord {
            peer_sub_id: format!("{}:{}", row.peerid, row.subid),
            id: row.id,
            peerid: row.peerid,
            subid: row.subid,
            granularity: row.granularity,
            target: row.target,
            subtarget: row.subtarget,
            resource: row.resource,
            seqnr: row.seqnr,
            callback: row.callback,
        }
    }
}

impl Table for SubscriptionRecord {
    const NAME: &'static str = "subscriptions";
    type Json = SubscriptionJson;

    fn from_json(json: SubscriptionJson) -> Result<SubscriptionRecord> {
        let id = required_text("id", json.id)?;
        let peerid = required_text("peerid", json.peerid)?;
        let subid = required_text("subid", json.subid)?;
        rules::identifier("id", &id)?;
        rules::identifier("peerid", &peerid)?;
        rules::identifier("subid", &subid)?;
        let record = SubscriptionRecord {
            peer_sub_id: rules::composite_key("peer_sub_id", &peerid, &subid)?,
            id,
            peerid,
            subid,
            granularity: text_field("granularity", json.granularity)?,
            target: text_field("target", json.target)?,
            subtarget: text_field("subtarget", json.subtarget)?,
            resource: text_field("resource", json.resource)?,
            seqnr: int32_field("seqnr", json.seqnr)?,
            callback: bool_field("callback", json.callback)?,
        };
        for (field, value) in [
            ("granularity", &record.granularity),
            ("target", &record.target),
            ("subtarget", &record.subtarget),
            ("resource", &record.resource),
        ] {
            bounded_opt(field, value, IDENTIFIER_MAX_CHARS)?;
        }
        Ok(record)
    }

    fn key(&self) -> Vec<String> {
        vec![self.id.clone(), self.peerid.clone(), self.subid.clone()]
    }

    fn fields(&self) -> Vec<(&'static str, Field<'_>)> {
        vec![
            ("id", Field::Text(Some(&self.id))),
            ("peerid", Field::Text(Some(&self.peerid))),
            ("subid", Field::Text(Some(&self.subid))),
            ("granularity", Field::optional(&self.granularity)),
            ("target", Field::optional(&self.target)),
            ("subtarget", Field::optional(&self.subtarget)),
            ("resource", Field::optional(&self.resource)),
            ("seqnr", Field::Int(Some(self.seqnr.into()))),
            ("callback", Field::Bool(self.callback)),
        ]
    }

    async fn export(
        tx: &Executor<'_>,
        each: &mut (dyn FnMut(Self) -> Result<()> + Send),
    ) -> Result<()> {
        stream_rows!(
            tx,
            subscription_q::export_subscriptions(),
            SubscriptionRecord,
            each
        )
    }

    async fn insert(tx: &Executor<'_>, first: u64, rows: &[Self]) -> Result<u64> {
        let text = |f: fn(&SubscriptionRecord) -> &str| rows.iter().map(f).collect::<Vec<_>>();
        let opt = |f: fn(&SubscriptionRecord) -> &Option<String>| {
            rows.iter().map(|r| f(r).as_deref()).collect::<Vec<_>>()
        };
        let params = subscription_q::ImportSubscriptionsParams {
            ords: ords(first, rows.len()),
            actor_ids: text(|r| &r.id),
            peer_sub_ids: text(|r| &r.peer_sub_id),
            peerids: text(|r| &r.peerid),
            subids: text(|r| &r.subid),
            granularities: opt(|r| &r.granularity),
            targets: opt(|r| &r.target),
            subtargets: opt(|r| &r.subtarget),
            resources: opt(|r| &r.resource),
            seqnrs: rows.iter().map(|r| r.seqnr).collect::<Vec<_>>(),
            callbacks: rows.iter().map(|r| r.callback).collect::<Vec<_>>(),
        };
        let outcome = subscription_q::import_subscriptions()
            .params(tx, &params)
            .one()
            .await?;
        match outcome.ambiguous {
            Some(ord) => Err(ambiguous(first, rows, ord, |r: &SubscriptionRecord| {
                ambiguous_key(
                    "peer_sub_id",
                    &r.peer_sub_id,
                    format_args!("peerid {:?} and subid {:?}", r.peerid, r.subid),
                )
            })),
            None => Ok(count(outcome.inserted)),
        }
    }

    async fn missing(tx: &Executor<'_>, first: u64, rows: &[Self]) -> Result<Vec<i64>> {
        let text = |f: fn(&SubscriptionRecord) -> &str| rows.iter().map(f).collect::<Vec<_>>();
        let params = subscription_q::MissingSubscriptionsParams {
            ords: ords(first, rows.len()),
            actor_ids: text(|r| &r.id),
            peer_sub_ids: text(|r| &r.peer_sub_id),
            peerids: text(|r| &r.peerid),
            subids: text(|r| &r.subid),
        };
        Ok(subscription_q::missing_subscriptions()
            .params(tx, &params)
            .all()
            .await?)
    }

    async fn stored(tx: &Executor<'_>, rows: &[&Self]) -> Result<Vec<Self>> {
        let text =
            |f: fn(&SubscriptionRecord) -> &str| rows.iter().map(|r| f(r)).collect::<Vec<_>>();
        let params = subscription_q::StoredSubscriptionsParams {
            actor_ids: text(|r| &r.id),
            peer_sub_ids: text(|r| &r.peer_sub_id),
            peerids: text(|r| &r.peerid),
            subids: text(|r| &r.subid),
        };
        let rows = subscription_q::stored_subscriptions()
            .params(tx, &params)
            .all()
            .await?;
        Ok(rows.into_iter().map(SubscriptionRecord::from).collect())
    }
}

// subscription_diffs --------------------------------------------------------------------------

#[derive(Serialize)]
struct DiffRecord {
    id: String,
    #[serde(skip)]
    subid_seqnr: String,
    subid: String,
    #[serde(serialize_with = "iso_required")]
    timestamp: DateTime<Utc>,
    diff: String,
    seqnr: i32,
}

#[derive(Deserialize)]
#[serde(expecting = "a JSON object")]
struct DiffJson {
    id: Option<Value>,
    subid: Option<Value>,
    timestamp: Option<Value>,
    diff: Option<Value>,
    seqnr: Option<Value>,
}

impl From<diff_q::DiffTransfer> for DiffRecord {
    fn from(row: diff_q::DiffTransfer) -> DiffRecord {
        DiffRecord {
            subid_seqnr: format!("{}:{}", row.subid, row.seqnr),
            id: row.id,
            subid: row.subid,
            timestamp: row.timestamp.and_utc(),
            diff: row.diff,
            seqnr: row.seqnr,
        }
    }
}

impl Table for DiffRecord {
    const NAME: &'static str = "subscription_diffs";
    type Json = DiffJson;

    fn from_json(json: DiffJson) -> Result<DiffRecord> {
        let id = required_text("id", json.id)?;
        let subid = required_text("subid", json.subid)?;
        let seqnr = int32_field("seqnr", json.seqnr)?;
        rules::identifier("id", &id)?;
        rules::identifier("subid", &subid)?;
        let diff = text_field("diff", json.diff)?.unwrap_or_default();
        rules::text("diff", &diff)?;
        Ok(DiffRecord {
            subid_seqnr: rules::composite_key("subid_seqnr", &subid, &seqnr.to_string())?,
            id,
            subid,
            timestamp: required_time("timestamp", json.timestamp)?,
            diff,
            seqnr,
        })
    }

    fn key(&self) -> Vec<String> {
        vec![self.id.clone(), self.subid.clone(), self.seqnr.to_string()]
    }

    fn fields(&self) -> Vec<(&'static str, Field<'_>)> {
        vec![
            ("id", Field::Text(Some(&self.id))),
            ("subid", Field::Text(Some(&self.subid))),
            ("timestamp", Field::Time(Some(self.timestamp))),
            ("diff", Field::Text(Some(&self.diff))),
            ("seqnr", Field::Int(Some(self.seqnr.into()))),
        ]
    }

    async fn export(
        tx: &Executor<'_>,
        each: &mut (dyn FnMut(Self) -> Result<()> + Send),
    ) -> Result<()> {
        stream_rows!(tx, diff_q::export_subscription_diffs(), DiffRecord, each)
    }

    async fn insert(tx: &Executor<'_>, first: u64, rows: &[Self]) -> Result<u64> {
        let text = |f: fn(&DiffRecord) -> &str| rows.iter().map(f).collect::<Vec<_>>();
        let params = diff_q::ImportSubscriptionDiffsParams {
            ords: ords(first, rows.len()),
            actor_ids: text(|r| &r.id),
            subid_seqnrs: text(|r| &r.subid_seqnr),
            subids: text(|r| &r.subid),
            timestamps: rows
                .iter()
                .map(|r| r.timestamp.naive_utc())
                .collect::<Vec<_>>(),
            diffs: text(|r| &r.diff),
            seqnrs: rows.iter().map(|r| r.seqnr).collect::<Vec<_>>(),
        };
        let outcome = diff_q::import_subscription_diffs()
            .params(tx, &params)
            .one()
            .await?;
        match outcome.ambiguous {
            Some(ord) => Err(ambiguous(first, rows, ord, |r: &DiffRecord| {
                ambiguous_key(
                    "subid_seqnr",
                    &r.subid_seqnr,
                    format_args!("subid {:?} and seqnr {}", r.subid, r.seqnr),
                )
            })),
            None => Ok(count(outcome.inserted)),
        }
    }

    async fn missing(tx: &Executor<'_>, first: u64, rows: &[Self]) -> Result<Vec<i64>> {
        let text = |f: fn(&DiffRecord) -> &str| rows.iter().map(f).collect::<Vec<_>>();
        let params = diff_q::MissingSubscriptionDiffsParams {
            ords: ords(first, rows.len()),
            actor_ids: text(|r| &r.id),
            subid_seqnrs: text(|r| &r.subid_seqnr),
            subids: text(|r| &r.subid),
            seqnrs: rows.iter().map(|r| r.seqnr).collect::<Vec<_>>(),
        };
        Ok(diff_q::missing_subscription_diffs()
            .params(tx, &params)
            .all()
            .await?)
    }

    async fn stored(tx: &Executor<'_>, rows: &[&Self]) -> Result<Vec<Self>> {
        let text = |f: fn(&DiffRecord) -> &str| rows.iter().map(|r| f(r)).collect::<Vec<_>>();
        let params = diff_q::StoredSubscriptionDiffsParams {
            actor_ids: text(|r| &r.id),
            subid_seqnrs: text(|r| &r.subid_seqnr),
            subids: text(|r| &r.subid),
            seqnrs: rows.iter().map(|r| r.seqnr).collect::<Vec<_>>(),
        };
        let rows = diff_q::stored_subscription_diffs()
            .params(tx, &params)
            .all()
            .await?;
        Ok(rows.into_iter().map(DiffRecord::from).collect())
    }
}

// subscription_suspensions --------------------------------------------------------------------

#[derive(Serialize)]
struct SuspensionRecord {
    id: String,
    target: String,
    subtarget: String,
    #[serde(serialize_with = "iso_required")]
    suspended_at: DateTime<Utc>,
}

#[derive(Deserialize)]
#[serde(expecting = "a JSON object")]
struct SuspensionJson {
    id: Option<Value>,
    target: Option<Value>,
    subtarget: Option<Value>,
    suspended_at: Option<Value>,
}

impl From<suspension_q::SuspensionTransfer> for SuspensionRecord {
    fn from(row: suspension_q::SuspensionTransfer) -> SuspensionRecord {
        SuspensionRecord {
            id: row.id,
            target: row.target,
            subtarget: row.subtarget,
            suspended_at: row.suspended_at.with_timezone(&Utc),
        }
    }
}

impl Table for SuspensionRecord {
    const NAME: &'static str = "subscription_suspensions";
    type Json = SuspensionJson;

    fn from_json(json: SuspensionJson) -> Result<SuspensionRecord> {
        let record = SuspensionRecord {
            id: required_text("id", json.id)?,
            target: required_text("target", json.target)?,
            // The whole target, as the entity API stores `None`.
            subtarget: text_field("subtarget", json.subtarget)?.unwrap_or_default(),
            suspended_at: required_time("suspended_at", json.suspended_at)?,
        };
        rules::identifier("id", &record.id)?;
        rules::identifier("target", &record.target)?;
        bounded("subtarget", &record.subtarget, IDENTIFIER_MAX_CHARS)?;
        Ok(record)
    }

    fn key(&self) -> Vec<String> {
        vec![self.id.clone(), self.target.clone(), self.subtarget.clone()]
    }

    fn fields(&self) -> Vec<(&'static str, Field<'_>)> {
        vec![
            ("id", Field::Text(Some(&self.id))),
            ("target", Field::Text(Some(&self.target))),
            ("subtarget", Field::Text(Some(&self.subtarget))),
            ("suspended_at", Field::Time(Some(self.suspended_at))),
        ]
    }

    async fn export(
        tx: &Executor<'_>,
        each: &mut (dyn FnMut(Self) -> Result<()> + Send),
    ) -> Result<()> {
        stream_rows!(
            tx,
            suspension_q::export_subscription_suspensions(),
            SuspensionRecord,
            each
        )
    }

    async fn insert(tx: &Executor<'_>, _first: u64, rows: &[Self]) -> Result<u64> {
        let text = |f: fn(&SuspensionRecord) -> &str| rows.iter().map(f).collect::<Vec<_>>();
        let params = suspension_q::ImportSubscriptionSuspensionsParams {
            actor_ids: text(|r| &r.id),
            targets: text(|r| &r.target),
            subtargets: text(|r| &r.subtarget),
            suspended_ats: rows
                .iter()
                .map(|r| r.suspended_at.fixed_offset())
                .collect::<Vec<_>>(),
        };
        let inserted = suspension_q::import_subscription_suspensions()
            .params(tx, &params)
            .one()
            .await?;
        Ok(count(inserted))
    }

    async fn missing(tx: &Executor<'_>, first: u64, rows: &[Self]) -> Result<Vec<i64>> {
        let text = |f: fn(&SuspensionRecord) -> &str| rows.iter().map(f).collect::<Vec<_>>();
        let params = suspension_q::MissingSubscriptionSuspensionsParams {
            ords: ords(first, rows.len()),
            actor_ids: text(|r| &r.id),
            targets: text(|r| &r.target),
            subtargets: text(|r| &r.subtarget),
        };
        Ok(suspension_q::missing_subscription_suspensions()
            .params(tx, &params)
            .all()
            .await?)
    }

    async fn stored(tx: &Executor<'_>, rows: &[&Self]) -> Result<Vec<Self>> {
        let text = |f: fn(&SuspensionRecord) -> &str| rows.iter().map(|r| f(r)).collect::<Vec<_>>();
        let params = suspension_q::StoredSubscriptionSuspensionsParams {
            actor_ids: text(|r| &r.id),
            targets: text(|r| &r.target),
            subtargets: text(|r| &r.subtarget),
        };
        let rows = suspension_q::stored_subscription_suspensions()
            .params(tx, &params)
            .all()
            .await?;
        Ok(rows.into_iter().map(SuspensionRecord::from).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_in_every_form_the_reference_writes() {
        let at = |s: &str| time_field("t", Some(Value::from(s))).unwrap().unwrap();
        let ten = "2024-01-01T10:00:00Z".parse::<DateTime<Utc>>().unwrap();
        for text in [
            "2024-01-01 10:00:00+00:00",
            "2024-01-01T10:00:00",
            "2024-01-01 10:00:00",
            "2024-01-01T10:00:00+00:00",
            "2024-01-01T10:00:00.000000+0000",
            "2024-01-01T12:00:00+02:00",
            "2024-01-01T10:00:00Z",
        ] {
            assert_eq!(at(text), ten, "{text}");
        }
        assert_eq!(
            python_isoformat(&at("2024-01-01 10:00:00.1234567")),
            "2024-01-01T10:00:00.123456+00:00"
        );
        assert_eq!(time_field("t", None).unwrap(), None);
        let err = time_field("created_at", Some(Value::from("yesterday"))).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid created_at: \"yesterday\" is not a timestamp like 2024-01-01 10:00:00[.ffffff][+00:00]"
        );
    }

    #[test]
    fn json_that_jsonb_cannot_store_is_refused() {
        let check = |text: &str| {
            let raw = RawValue::from_string(text.to_string()).unwrap();
            StorableJson::check("data", &raw).map_err(|e| e.to_string())
        };
        assert_eq!(
            check(r#"{"a": ["x\u0000"]}"#),
            Err("invalid data: contains a NUL character (U+0000), which jsonb cannot store at line 1 column 16".into())
        );
        assert_eq!(
            check(r#"{"a\u0000": 1}"#),
            Err("invalid data: contains a NUL character (U+0000), which jsonb cannot store at line 1 column 10".into())
        );
        assert_eq!(
            check(r#""\ud800""#),
            Err("invalid data: unexpected end of hex escape at line 1 column 8".into())
        );
        assert_eq!(
            check("1e400"),
            Err("invalid data: number out of range at line 1 column 5".into())
        );
        for ok in [
            r#"["\\u0000", "\u0001", "\ud83d\ude00"]"#,
            "null",
            "0",
            "{}",
            "12345678901234567890123",
        ] {
            assert_eq!(check(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn integers_as_numbers_integral_floats_or_decimal_strings() {
        let int = |v: Value| int_field("seqnr", Some(v));
        assert_eq!(int(Value::from(7)).unwrap(), Some(7));
        assert_eq!(int(serde_json::json!(7.0)).unwrap(), Some(7));
        assert_eq!(int(Value::from("7")).unwrap(), Some(7));
        assert_eq!(
            int(serde_json::json!(7.5)).unwrap_err().to_string(),
            "invalid seqnr: 7.5 is not a 64-bit integer"
        );
        assert_eq!(
            int(Value::Bool(true)).unwrap_err().to_string(),
            "invalid seqnr: expected an integer, found a boolean"
        );
        assert_eq!(
            int32_field("seqnr", Some(Value::from(1u64 << 40)))
                .unwrap_err()
                .to_string(),
            "invalid seqnr: 1099511627776 is out of range"
        );
    }

    #[test]
    fn samples_keep_every_kth_record_within_the_limit() {
        let mut sample = Sample::default();
        sample.add(Batch {
            first: 0,
            rows: vec![(); 1000],
        });
        let kept: Vec<u64> = sample.records.iter().map(|(i, _)| *i).collect();
        assert_eq!(sample.stride, 8);
        assert_eq!(kept, (0..1000).step_by(8).collect::<Vec<_>>());
    }
}
