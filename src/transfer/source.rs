//! Records from a source other than an export directory: [`RecordSource`] hands over the
//! records of each table as a stream of [`SourceRecord`]s, objects of the export format's
//! fields, which [`Store::import_from`](crate::Store::import_from) and
//! [`Store::validate_from`](crate::Store::validate_from) validate and write exactly as records
//! of the files.

use futures::stream::BoxStream;
use futures::{StreamExt, TryStreamExt};
use serde_json::{Map, Value};
use tokio::sync::mpsc;

use super::BATCH_ROWS;
use super::files::{Batch, Records};
use super::table::Table;
use crate::error::{Error, ErrorKind, Result};

/// One record of a table: its fields under the names of the table's export file (see the
/// [module documentation](crate::transfer)), and how messages name it.
#[derive(Clone, PartialEq)]
pub struct SourceRecord {
    /// Names the record in messages, e.g. the source table and the item's key; it must not
    /// hold secrets.
    pub label: String,
    /// The fields, in the forms the export files may hold.
    pub fields: Map<String, Value>,
}

/// Only the label: the fields may hold passphrases and secrets.
impl std::fmt::Debug for SourceRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SourceRecord")
            .field("label", &self.label)
            .finish_non_exhaustive()
    }
}

/// The records of one table, in any order; an `Err` stops the table's import (nothing of the
/// table is written).
pub type RecordStream = BoxStream<'static, Result<SourceRecord>>;

/// Where an import or validation reads the records of each table from.
pub trait RecordSource: Send {
    /// Starts reading `table` (a table name such as `actors` or `peertrustees`, in the order of
    /// the import); `None` when the source has no such table, which skips it.
    fn open(&mut self, table: &'static str) -> Result<Option<RecordStream>>;

    /// Names where the records of `table` come from, in the reports (a file name, a source
    /// table).
    fn origin(&self, table: &'static str) -> String;
}

impl<T: Table> Records<T> {
    /// Validates the records of `stream` on a task of their own and hands them over in batches
    /// of [`BATCH_ROWS`], as the records of a file.
    pub(super) fn from_stream(stream: RecordStream) -> Records<T> {
        let (sender, receiver) = mpsc::channel(2);
        let reader = tokio::spawn(async move {
            if let Err(e) = read_stream::<T>(stream, &sender).await {
                // Nobody listens any more when the import stopped first.
                let _ = sender.send(Err(e)).await;
            }
        });
        Records::new(None, receiver, reader)
    }
}

async fn read_stream<T: Table>(
    stream: RecordStream,
    sender: &mpsc::Sender<Result<Batch<T>>>,
) -> Result<()> {
    let mut chunks = stream.try_chunks(BATCH_ROWS);
    let mut first = 0;
    while let Some(chunk) = chunks.next().await {
        let chunk = chunk.map_err(|e| e.1)?;
        let rows = chunk
            .into_iter()
            .map(record::<T>)
            .collect::<Result<Vec<T>>>()?;
        let n = rows.len() as u64;
        sender
            .send(Ok(Batch { first, rows }))
            .await
            .map_err(|_| Error::new(ErrorKind::Backend, "the import stopped reading"))?;
        first += n;
    }
    Ok(())
}

/// The record validated as a record of the table's file is, errors named by its label.
fn record<T: Table>(record: SourceRecord) -> Result<T> {
    let SourceRecord { label, fields } = record;
    let at = |e: Error| Error::new(e.kind(), format!("{label}: {e}"));
    let json: T::Json = serde_json::from_value(Value::Object(fields))
        .map_err(|e| at(Error::new(ErrorKind::InvalidInput, e.to_string())))?;
    T::from_json(json).map_err(at)
}
