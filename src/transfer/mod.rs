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
mod subscription_diffs;
mod subscriptions;
mod suspensions;
mod table;
mod trusts;

use std::fs;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::Store;
use crate::config::Config;
use crate::error::{ErrorKind, Result};
use crate::executor::{Db, Executor};

use compare::Validate;
use files::{JsonArrayFile, Records, check_dir, io_error};
use table::{IndexedValues, Table, TableStep, every_table};

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
    /// The file read; `None` for `property_lookup`, whose rows come from the imported
    /// properties.
    pub file: Option<String>,
    /// Records read from the file (for `property_lookup`: the indexed name-value pairs of the
    /// imported records that an existing actor holds).
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
        let mut import = Import {
            config: self.config(),
            dir,
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
        let tables = self.in_snapshot(&mut Validate { dir, progress }).await?;
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

/// Imports each table's file in an atomic group, with the work that follows it.
struct Import<'a> {
    config: &'a Config,
    dir: &'a Path,
    progress: &'a dyn TransferProgress,
}

impl TableStep for Import<'_> {
    type Report = Vec<ImportedTable>;

    async fn run<T: Table>(&mut self, scope: &mut Executor<'_>) -> Result<Vec<ImportedTable>> {
        let tx = scope.atomic().await?;
        let mut values = IndexedValues::new();
        let file = import_file::<T>(&tx, self.config, self.dir, self.progress, &mut values).await?;
        let mut tables = vec![file];
        tables.extend(T::after_import(&tx, self.config, values, self.progress).await?);
        tx.commit().await?;
        Ok(tables)
    }
}

/// Inserts the records of the table's file in batches; records whose key is stored stay out.
/// The indexed values the records' keys hold go to `values`.
async fn import_file<T: Table>(
    tx: &Executor<'_>,
    config: &Config,
    dir: &Path,
    progress: &dyn TransferProgress,
    values: &mut IndexedValues,
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
    progress.table_started(T::NAME, Some(records.size()));
    while let Some(batch) = records.next().await? {
        report.inserted += T::insert(tx, batch.first, &batch.rows).await?;
        T::note_indexed_values(tx, config, &batch.rows, values).await?;
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
