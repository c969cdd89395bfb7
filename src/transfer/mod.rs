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
//! (`2024-01-15T10:30:00+00:00`, see [`python_isoformat`](crate::trusts::python_isoformat)).
//! [`Store::import`] reads what the reference's exports contain as well: timestamps as
//! `str(datetime)` (`2024-01-01 10:00:00+00:00`) or ISO 8601, with or without fraction and
//! offset (no offset means UTC; stored to the microsecond); integers as numbers or decimal
//! strings; a missing or `null` boolean as `false`, `seqnr` as 0, a missing text column as `""`
//! where the entity API accepts an empty value, `data` as SQL `NULL`; the peer trustee's
//! `peer_type` for `type` and `secret` for `passphrase` (the names the reference's export
//! used), the trust's `desc_text` for `desc`. Other fields, among them the composite keys
//! `bucket_name`, `peer_sub_id` and `subid_seqnr`, are ignored: the keys are rebuilt from their
//! parts. Record positions in messages count from 0, as JSON array indexes do.
//!
//! Where this differs from the reference's script (§5 of the specification):
//!
//! * Every table is exported (the script's export cannot run at all), including
//!   `subscription_suspensions`; `property_lookup` is not exported: an import adds its rows for
//!   the imported values of the configured indexed names (the script creates no lookup rows
//!   and leaves `created_at` NULL).
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
//!
//! The records can also come from any other source ([`RecordSource`], e.g. the command line's
//! reader of the reference's DynamoDB tables): [`Store::import_from`] imports them through the
//! same validation, batches and transactions, and can synchronise a database imported before
//! ([`SyncOptions`]); [`Store::validate_from`] compares every record and looks for rows without
//! one; [`export_from`] writes them as the files.

// Layout: this file holds the API and runs the tables in order. `table.rs` is the trait each
// table implements (the file's fields, the key, the columns and the statements), in one file
// per table (`actors.rs`, `properties.rs`, ...): the record is the entity's row type where the
// entity module has one (`Actor`, `Trust`, ...), else the row type of the transfer queries.
// `files.rs` reads and writes the JSON arrays, `fields.rs` reads the reference's field formats
// and holds `Field` (a column's value as written and compared), `compare.rs` samples records
// and compares them with the stored rows.

mod actors;
mod attributes;
mod compare;
mod fields;
mod files;
mod peer_trustees;
mod properties;
mod source;
mod subscription_diffs;
mod subscriptions;
mod suspensions;
mod table;
mod trusts;

use std::collections::HashSet;
use std::fs;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::Store;
use crate::config::Config;
use crate::error::{ErrorKind, Result};
use crate::executor::{Db, Executor};

use compare::Validate;
use files::{Batch, JsonArrayFile, Records, check_dir, io_error};
pub use source::{RecordSource, RecordStream, SourceRecord};
use table::{IndexedValues, RecordStep, Table, TableStep, every_table, for_each_table};

/// The tables an import writes from records, in import order (`property_lookup` is rebuilt
/// from `properties`): the names [`RecordSource::open`] is asked for.
pub const TABLES: [&str; 8] = [
    "actors",
    "properties",
    "attributes",
    "trusts",
    "peertrustees",
    "subscriptions",
    "subscription_diffs",
    "subscription_suspensions",
];

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

/// What [`Store::import`] and [`Store::import_from`] do besides reading the records.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportOptions {
    /// Read and validate everything and write nothing: the import runs in one transaction that
    /// is rolled back, so the counts are exactly those of a real import.
    pub dry_run: bool,
}

/// What [`Store::import_from`] does with the rows already stored: by default they are left as
/// they are, as [`Store::import`] leaves them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncOptions {
    /// Replace each stored row that differs from its record, in the table's transaction (else
    /// a stored row is left as it is): a repeated import brings the changes of its source.
    pub update_changed: bool,
    /// Delete each stored row of an imported table whose key no record has, in the table's
    /// transaction: a repeated import removes what is gone from its source. A table that is
    /// skipped (no file, not at the source) keeps its rows.
    pub delete_missing: bool,
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
    /// The file (or, for [`Store::import_from`], the source's origin) read; `None` for
    /// `property_lookup`, whose rows come from the imported properties.
    pub file: Option<String>,
    /// Records read from the file (for `property_lookup`: the indexed name-value pairs of the
    /// imported records that an existing actor holds).
    pub rows_read: u64,
    /// Rows inserted.
    pub inserted: u64,
    /// Records whose key was already stored (or came earlier in the file); left as they were.
    pub already_present: u64,
    /// Stored rows replaced because they differed from their record
    /// ([`SyncOptions::update_changed`]).
    pub updated: u64,
    /// Stored rows deleted because no record has their key ([`SyncOptions::delete_missing`]).
    pub deleted: u64,
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

    /// Rows replaced in all tables ([`SyncOptions::update_changed`]).
    pub fn total_updated(&self) -> u64 {
        self.files().map(|t| t.updated).sum()
    }

    /// Rows deleted from all tables ([`SyncOptions::delete_missing`]).
    pub fn total_deleted(&self) -> u64 {
        self.files().map(|t| t.deleted).sum()
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
    /// Records compared field by field (every k-th, k a power of two; all of them for
    /// [`Store::validate_from`]).
    pub sampled: u64,
    /// Missing rows (at most [`SAMPLE_LIMIT`] listed, every one for [`Store::validate_from`])
    /// and differing fields of the compared records.
    pub mismatches: Vec<Mismatch>,
    /// The keys (JSON arrays of their parts) of stored rows that no record has; only
    /// [`Store::validate_from`] looks for them.
    pub extra_rows: Vec<String>,
    /// Why the table was skipped.
    pub note: Option<String>,
}

impl ValidatedTable {
    /// Whether every record's row exists, the compared records match and no row is extra.
    pub fn passed(&self) -> bool {
        self.found == self.json_records && self.mismatches.is_empty() && self.extra_rows.is_empty()
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

/// Writes the records that `source` hands over for each table of [`TABLES`] to `dir` (created
/// when missing) as the files [`Store::export`] writes and [`Store::import`] reads, each record
/// validated as an import validates it (a bad record is an [`ErrorKind::InvalidInput`] named by
/// its [`SourceRecord::label`]). Each file appears only when complete; a table the source does
/// not have gets no file.
pub async fn export_from<S: RecordSource>(
    source: &mut S,
    dir: impl AsRef<Path>,
    progress: &dyn TransferProgress,
) -> Result<ExportReport> {
    let dir = dir.as_ref();
    fs::create_dir_all(dir).map_err(|e| io_error(ErrorKind::Backend, dir, e))?;
    let mut write = WriteFiles {
        input: Source(source),
        dir,
        progress,
    };
    let tables = for_each_table(&mut write).await?;
    Ok(ExportReport {
        tables: tables.into_iter().flatten().collect(),
    })
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
        let tables = self.in_snapshot(&mut Export { dir, progress }).await?;
        Ok(ExportReport { tables })
    }

    /// Imports the files of `dir` (see the [module documentation](crate::transfer)), one
    /// transaction per table. In the transaction of `properties` it then adds the missing
    /// `property_lookup` rows of the values the imported records hold for the configured indexed
    /// names (each to the lowest actor id holding it, as
    /// [`rebuild_lookup`](crate::Properties::rebuild_lookup) does for all values); other lookup
    /// rows are left as they are, so the work grows with the import, not with the database.
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
        self.import_input(Dir(dir), options, SyncOptions::default(), progress)
            .await
    }

    /// Imports the records that `source` hands over for each table of [`TABLES`], as
    /// [`Store::import`] imports the files (the same validation, batches and transactions, and
    /// the rebuild of `property_lookup`); a bad record is an [`ErrorKind::InvalidInput`] named
    /// by its [`SourceRecord::label`], and its table writes nothing. With `sync` a repeated
    /// import synchronises the database with the source.
    pub async fn import_from<S: RecordSource>(
        &self,
        source: &mut S,
        options: ImportOptions,
        sync: SyncOptions,
        progress: &dyn TransferProgress,
    ) -> Result<ImportReport> {
        self.import_input(Source(source), options, sync, progress)
            .await
    }

    async fn import_input<I: Input>(
        &self,
        input: I,
        options: ImportOptions,
        sync: SyncOptions,
        progress: &dyn TransferProgress,
    ) -> Result<ImportReport> {
        let mut import = Import {
            config: self.config(),
            input,
            sync,
            progress,
        };
        // A dry run imports every table in a savepoint of one transaction that is rolled back
        // (dropped) at the end; otherwise each table commits in its own transaction.
        let mut executor = Db::Pool(self).executor().await?;
        let tables = if options.dry_run {
            let mut dry_run = executor.atomic().await?;
            every_table(&mut import, &mut dry_run).await?
        } else {
            every_table(&mut import, &mut executor).await?
        };
        Ok(ImportReport {
            dry_run: options.dry_run,
            tables: tables.concat(),
        })
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
        let mut validate = Validate {
            input: Dir(dir),
            every_record: false,
            progress,
        };
        let tables = self.in_snapshot(&mut validate).await?;
        Ok(ValidationReport { tables })
    }

    /// Checks the database against the records of `source`: every record compared field by
    /// field with its stored row, and every stored row of a table the source has looked up
    /// among the records ([`ValidatedTable::extra_rows`]). Reads one consistent snapshot and
    /// writes nothing. A bad record is an [`ErrorKind::InvalidInput`] as in
    /// [`Store::import_from`].
    pub async fn validate_from<S: RecordSource>(
        &self,
        source: &mut S,
        progress: &dyn TransferProgress,
    ) -> Result<ValidationReport> {
        let mut validate = Validate {
            input: Source(source),
            every_record: true,
            progress,
        };
        let tables = self.in_snapshot(&mut validate).await?;
        Ok(ValidationReport { tables })
    }

    /// Runs `step` on every table in one consistent snapshot.
    async fn in_snapshot<S: TableStep>(&self, step: &mut S) -> Result<Vec<S::Report>> {
        let mut executor = Db::Pool(self).executor().await?;
        let mut snapshot = executor.snapshot().await?;
        let tables = every_table(step, &mut snapshot).await?;
        snapshot.commit().await?;
        Ok(tables)
    }
}

/// Writes each table's file.
struct Export<'a> {
    dir: &'a Path,
    progress: &'a dyn TransferProgress,
}

impl TableStep for Export<'_> {
    type Report = ExportedTable;

    async fn run<T: Table>(&mut self, tx: &mut Executor<'_>) -> Result<ExportedTable> {
        let file = T::file();
        self.progress.table_started(T::NAME, None);
        let mut out = JsonArrayFile::create(self.dir, &file)?;
        T::export(tx, &mut |record| {
            out.push(&record.fields())?;
            if out.rows().is_multiple_of(BATCH_ROWS as u64) {
                self.progress.rows_done(T::NAME, out.rows(), None);
            }
            Ok(())
        })
        .await?;
        let rows = out.finish()?;
        self.progress.rows_done(T::NAME, rows, None);
        self.progress.table_finished(T::NAME);
        Ok(ExportedTable {
            table: T::NAME.into(),
            file,
            rows,
        })
    }
}

/// Writes the records of a source to each table's file.
struct WriteFiles<'a, I> {
    input: I,
    dir: &'a Path,
    progress: &'a dyn TransferProgress,
}

impl<I: Input> RecordStep for WriteFiles<'_, I> {
    type Report = Option<ExportedTable>;

    async fn run<T: Table>(&mut self) -> Result<Option<ExportedTable>> {
        let Some(mut records) = self.input.records::<T>()? else {
            return Ok(None);
        };
        let file = T::file();
        self.progress.table_started(T::NAME, None);
        let mut out = JsonArrayFile::create(self.dir, &file)?;
        while let Some(batch) = records.next().await? {
            for record in &batch.rows {
                out.push(&record.fields())?;
            }
            self.progress.rows_done(T::NAME, out.rows(), None);
        }
        let rows = out.finish()?;
        self.progress.table_finished(T::NAME);
        Ok(Some(ExportedTable {
            table: T::NAME.into(),
            file,
            rows,
        }))
    }
}

/// Where an import or validation reads each table's records.
trait Input: Send {
    /// Starts reading the table's records; `None` skips the table.
    fn records<T: Table>(&mut self) -> Result<Option<Records<T>>>;

    /// Names where the table's records come from.
    fn origin<T: Table>(&self) -> String;
}

/// The files of an export directory.
struct Dir<'a>(&'a Path);

impl Input for Dir<'_> {
    fn records<T: Table>(&mut self) -> Result<Option<Records<T>>> {
        Records::open(self.0)
    }

    fn origin<T: Table>(&self) -> String {
        T::file()
    }
}

/// The streams of a [`RecordSource`].
struct Source<'s, S>(&'s mut S);

impl<S: RecordSource> Input for Source<'_, S> {
    fn records<T: Table>(&mut self) -> Result<Option<Records<T>>> {
        Ok(self.0.open(T::NAME)?.map(Records::from_stream))
    }

    fn origin<T: Table>(&self) -> String {
        self.0.origin(T::NAME)
    }
}

/// Imports each table's records in an atomic group, with the work that follows it.
struct Import<'a, I> {
    config: &'a Config,
    input: I,
    sync: SyncOptions,
    progress: &'a dyn TransferProgress,
}

impl<I: Input> TableStep for Import<'_, I> {
    type Report = Vec<ImportedTable>;

    async fn run<T: Table>(&mut self, scope: &mut Executor<'_>) -> Result<Vec<ImportedTable>> {
        let tx = scope.atomic().await?;
        let records = self.input.records::<T>()?;
        let origin = self.input.origin::<T>();
        let mut values = IndexedValues::new();
        let imported = import_table::<T>(
            &tx,
            self.config,
            records,
            origin,
            self.sync,
            self.progress,
            &mut values,
        );
        let mut tables = vec![imported.await?];
        tables.extend(T::after_import(&tx, self.config, values, self.progress).await?);
        tx.commit().await?;
        Ok(tables)
    }
}

/// Inserts the records in batches; records whose key is stored stay out, or replace their row
/// when it differs and the options say so; stored rows without a record go when the options
/// say so. The indexed values the records' keys hold go to `values`.
async fn import_table<T: Table>(
    tx: &Executor<'_>,
    config: &Config,
    records: Option<Records<T>>,
    origin: String,
    options: SyncOptions,
    progress: &dyn TransferProgress,
    values: &mut IndexedValues,
) -> Result<ImportedTable> {
    let mut report = ImportedTable {
        table: T::NAME.into(),
        file: Some(origin.clone()),
        rows_read: 0,
        inserted: 0,
        already_present: 0,
        updated: 0,
        deleted: 0,
        note: None,
    };
    let Some(mut records) = records else {
        report.note = Some(format!("{origin} not found; skipped"));
        return Ok(report);
    };
    progress.table_started(T::NAME, records.size());
    let mut keys = options.delete_missing.then(HashSet::new);
    while let Some(mut batch) = records.next().await? {
        if options.update_changed {
            report.updated += delete_changed(tx, &mut batch).await?;
        }
        if let Some(keys) = &mut keys {
            keys.extend(batch.rows.iter().map(T::key));
        }
        report.inserted += T::insert(tx, batch.first, &batch.rows).await?;
        T::note_indexed_values(tx, config, &batch.rows, values).await?;
        report.rows_read += batch.rows.len() as u64;
        progress.rows_done(T::NAME, report.rows_read, records.bytes_read());
    }
    // The replaced rows were inserted again.
    report.inserted -= report.updated;
    if let Some(keys) = keys {
        for stale in stale_rows::<T>(tx, &keys).await?.chunks(BATCH_ROWS) {
            report.deleted += T::delete(tx, &stale.iter().collect::<Vec<_>>()).await?;
        }
    }
    progress.table_finished(T::NAME);
    report.already_present = report.rows_read - report.inserted - report.updated;
    if report.rows_read == 0 {
        report.note = Some("empty; skipped".into());
    }
    Ok(report)
}

/// Deletes the stored rows that differ from their records in the batch (whose values it puts
/// into the form the database stores them in); returns how many.
async fn delete_changed<T: Table>(tx: &Executor<'_>, batch: &mut Batch<T>) -> Result<u64> {
    let stored = T::stored(tx, &batch.rows.iter().collect::<Vec<_>>()).await?;
    if stored.is_empty() {
        return Ok(0);
    }
    canonicalize(tx, batch).await?;
    let stored = by_key(stored);
    let changed: Vec<&T> = batch
        .rows
        .iter()
        .filter(|r| {
            stored
                .get(&r.key())
                .is_some_and(|row| row.fields() != r.fields())
        })
        .collect();
    if changed.is_empty() {
        return Ok(0);
    }
    T::delete(tx, &changed).await
}

/// The batch's records with the values the database normalises in the form it stores them in.
async fn canonicalize<T: Table>(tx: &Executor<'_>, batch: &mut Batch<T>) -> Result<()> {
    let mut records: Vec<(u64, T)> = (batch.first..).zip(batch.rows.drain(..)).collect();
    T::canonicalize(tx, &mut records).await?;
    batch.rows = records.into_iter().map(|(_, r)| r).collect();
    Ok(())
}

/// Rows by their key.
fn by_key<T: Table>(rows: Vec<T>) -> std::collections::HashMap<Vec<String>, T> {
    rows.into_iter().map(|r| (r.key(), r)).collect()
}

/// The stored rows of the table whose key is not among `keys`.
async fn stale_rows<T: Table>(tx: &Executor<'_>, keys: &HashSet<Vec<String>>) -> Result<Vec<T>> {
    let mut stale = Vec::new();
    T::export(tx, &mut |row: T| {
        if !keys.contains(&row.key()) {
            stale.push(row);
        }
        Ok(())
    })
    .await?;
    Ok(stale)
}
