//! Validation of an import: every record's key checked in the database, a sample of records
//! (or every record) compared field by field with the stored rows.

use std::collections::HashSet;

use super::files::{Batch, Records};
use super::table::{Table, TableStep};
use super::{
    Input, Mismatch, SAMPLE_LIMIT, TransferProgress, ValidatedTable, by_key, canonicalize,
    stale_rows,
};
use crate::error::Result;
use crate::executor::Executor;

/// Checks each table's records against the database (see [`Store::validate_import`] and
/// [`Store::validate_from`]).
///
/// [`Store::validate_import`]: crate::Store::validate_import
/// [`Store::validate_from`]: crate::Store::validate_from
pub(super) struct Validate<'a, I> {
    pub(super) input: I,
    /// Compare every record, and look for stored rows without a record.
    pub(super) every_record: bool,
    pub(super) progress: &'a dyn TransferProgress,
}

impl<I: Input> TableStep for Validate<'_, I> {
    type Report = ValidatedTable;

    async fn run<T: Table>(&mut self, tx: &mut Executor<'_>) -> Result<ValidatedTable> {
        let mut report = ValidatedTable {
            table: T::NAME.into(),
            file: self.input.origin::<T>(),
            json_records: 0,
            found: 0,
            sampled: 0,
            mismatches: Vec::new(),
            extra_rows: Vec::new(),
            note: None,
        };
        let Some(records) = self.input.records::<T>()? else {
            report.note = Some(format!("{} not found; skipped", report.file));
            return Ok(report);
        };
        self.progress.table_started(T::NAME, records.size());
        if self.every_record {
            validate_every_record::<T>(tx, records, &mut report, self.progress).await?;
        } else {
            validate_sample::<T>(tx, records, &mut report, self.progress).await?;
        }
        self.progress.table_finished(T::NAME);
        Ok(report)
    }
}

/// Checks every record's key and compares a sample of records with their rows.
async fn validate_sample<T: Table>(
    tx: &Executor<'_>,
    mut records: Records<T>,
    report: &mut ValidatedTable,
    progress: &dyn TransferProgress,
) -> Result<()> {
    let mut sample = Sample::default();
    while let Some(batch) = records.next().await? {
        let missing = T::missing(tx, batch.first, &batch.rows).await?;
        for ord in &missing {
            if report.mismatches.len() < SAMPLE_LIMIT {
                let index = *ord as u64;
                let record = &batch.rows[(index - batch.first) as usize];
                report.mismatches.push(missing_row(index, record));
            }
        }
        report.json_records += batch.rows.len() as u64;
        report.found += (batch.rows.len() - missing.len()) as u64;
        sample.add(batch);
        progress.rows_done(T::NAME, report.json_records, records.bytes_read());
    }
    let mut sample = sample.records;
    report.sampled = sample.len() as u64;
    T::canonicalize(tx, &mut sample).await?;
    let wanted: Vec<&T> = sample.iter().map(|(_, r)| r).collect();
    let stored = by_key(T::stored(tx, &wanted).await?);
    for (index, record) in &sample {
        // A record without a row is listed as missing already.
        if let Some(row) = stored.get(&record.key()) {
            compare(*index, record, row, &mut report.mismatches);
        }
    }
    Ok(())
}

/// Compares every record with its row, and lists the stored rows without a record.
async fn validate_every_record<T: Table>(
    tx: &Executor<'_>,
    mut records: Records<T>,
    report: &mut ValidatedTable,
    progress: &dyn TransferProgress,
) -> Result<()> {
    let mut keys = HashSet::new();
    while let Some(mut batch) = records.next().await? {
        canonicalize(tx, &mut batch).await?;
        let stored = by_key(T::stored(tx, &batch.rows.iter().collect::<Vec<_>>()).await?);
        for (index, record) in (batch.first..).zip(&batch.rows) {
            let key = record.key();
            match stored.get(&key) {
                Some(row) => {
                    report.found += 1;
                    compare(index, record, row, &mut report.mismatches);
                }
                None => report.mismatches.push(missing_row(index, record)),
            }
            keys.insert(key);
        }
        report.json_records += batch.rows.len() as u64;
        progress.rows_done(T::NAME, report.json_records, records.bytes_read());
    }
    report.sampled = report.json_records;
    report.extra_rows = stale_rows::<T>(tx, &keys)
        .await?
        .iter()
        .map(key_text)
        .collect();
    Ok(())
}

/// A record at `index` without a stored row.
fn missing_row<T: Table>(index: u64, record: &T) -> Mismatch {
    Mismatch {
        record: index,
        key: key_text(record),
        field: "row".into(),
        json: "present".into(),
        database: "absent".into(),
    }
}

/// Lists the fields in which the record at `index` and its stored row differ.
fn compare<T: Table>(index: u64, record: &T, row: &T, mismatches: &mut Vec<Mismatch>) {
    for ((field, json), (_, database)) in record.fields().into_iter().zip(row.fields()) {
        if json != database {
            mismatches.push(Mismatch {
                record: index,
                key: key_text(record),
                field: field.into(),
                json: json.to_string(),
                database: database.to_string(),
            });
        }
    }
}

/// The record's key as a JSON array of its parts.
fn key_text<T: Table>(record: &T) -> String {
    serde_json::to_string(&record.key()).expect("strings serialise")
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

#[cfg(test)]
mod tests {
    use super::*;

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
