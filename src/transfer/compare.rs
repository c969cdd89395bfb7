//! Validation of an import: every record's key checked in the database, a sample of records
//! compared field by field with the stored rows.

use std::collections::HashMap;
use std::path::Path;

use super::files::{Batch, Records};
use super::table::{Table, TableStep};
use super::{Mismatch, SAMPLE_LIMIT, TransferProgress, ValidatedTable};
use crate::error::Result;
use crate::executor::Executor;

/// Checks each table's file against the database (see [`Store::validate_import`]).
///
/// [`Store::validate_import`]: crate::Store::validate_import
pub(super) struct Validate<'a> {
    pub(super) dir: &'a Path,
    pub(super) progress: &'a dyn TransferProgress,
}

impl TableStep for Validate<'_> {
    type Report = ValidatedTable;

    async fn run<T: Table>(&mut self, tx: &mut Executor<'_>) -> Result<ValidatedTable> {
        validate_table::<T>(tx, self.dir, self.progress).await
    }
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
    progress.table_started(T::NAME, Some(records.size()));
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
