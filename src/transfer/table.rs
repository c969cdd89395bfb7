//! The trait each table implements, and what the implementations share.

use std::collections::BTreeSet;

use futures::{Stream, TryStreamExt};
use serde::de::DeserializeOwned;

use super::fields::Field;
use super::{ImportedTable, TransferProgress};
use crate::codegen::queries::{
    attributes::AttributeTransfer, properties::PropertyTransfer,
    subscription_suspensions::SuspensionTransfer,
};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::executor::{Executor, row_count};
use crate::{Actor, PeerTrustee, Subscription, SubscriptionDiff, Trust};

/// Something done with every table in turn: export, import or validation.
pub(super) trait TableStep {
    /// What it reports of one table.
    type Report;

    /// Does it with table `T`, on `executor`.
    async fn run<T: Table>(&mut self, executor: &mut Executor<'_>) -> Result<Self::Report>;
}

/// Runs `step` on every table but `property_lookup` (which an import rebuilds), in the order
/// of export and import.
pub(super) async fn every_table<S: TableStep>(
    step: &mut S,
    executor: &mut Executor<'_>,
) -> Result<Vec<S::Report>> {
    for_each_table(&mut OnExecutor { step, executor }).await
}

/// Something done with every table in turn without a database: writing the records of a
/// source to files.
pub(super) trait RecordStep {
    /// What it reports of one table.
    type Report;

    /// Does it with table `T`.
    async fn run<T: Table>(&mut self) -> Result<Self::Report>;
}

/// Runs `step` on every table but `property_lookup`, in the order of export and import.
pub(super) async fn for_each_table<S: RecordStep>(step: &mut S) -> Result<Vec<S::Report>> {
    Ok(vec![
        step.run::<Actor>().await?,
        step.run::<PropertyTransfer>().await?,
        step.run::<AttributeTransfer>().await?,
        step.run::<Trust>().await?,
        step.run::<PeerTrustee>().await?,
        step.run::<Subscription>().await?,
        step.run::<SubscriptionDiff>().await?,
        step.run::<SuspensionTransfer>().await?,
    ])
}

/// A [`TableStep`] with the executor it runs on.
struct OnExecutor<'s, 'x, 'e, S> {
    step: &'s mut S,
    executor: &'x mut Executor<'e>,
}

impl<S: TableStep> RecordStep for OnExecutor<'_, '_, '_, S> {
    type Report = S::Report;

    async fn run<T: Table>(&mut self) -> Result<S::Report> {
        self.step.run::<T>(self.executor).await
    }
}

/// One table, implemented on its record type: what a record of its file is, how it is
/// validated, keyed and shown, and the table's statements.
pub(super) trait Table: Sized + Send + Sync + 'static {
    /// The table, and the file name without `.json`.
    const NAME: &'static str;
    /// A record as the file holds it: the file's field names, any JSON type (checked by
    /// [`Table::from_json`]).
    type Json: DeserializeOwned + Send + 'static;

    /// The table's file name.
    fn file() -> String {
        format!("{}.json", Self::NAME)
    }

    /// Validates a record as the entity API validates its arguments.
    fn from_json(json: Self::Json) -> Result<Self>;

    /// The key, with every part of a composite key.
    fn key(&self) -> Vec<String>;

    /// Every column under its field name in the file, in export order.
    fn fields(&self) -> Vec<(&'static str, Field<'_>)>;

    /// Streams every row, by key, to `each`.
    async fn export(tx: &Executor<'_>, each: &mut Each<'_, Self>) -> Result<()>;

    /// Inserts the records that start at position `first` unless their key is stored; returns
    /// how many were inserted.
    async fn insert(tx: &Executor<'_>, first: u64, rows: &[Self]) -> Result<u64>;

    /// The positions of the records (starting at `first`) without a stored row.
    async fn missing(tx: &Executor<'_>, first: u64, rows: &[Self]) -> Result<Vec<i64>>;

    /// The stored rows of these records.
    async fn stored(tx: &Executor<'_>, rows: &[&Self]) -> Result<Vec<Self>>;

    /// Deletes the stored rows with the keys of these records (a synchronisation replacing
    /// changed rows or removing rows gone from the source); returns how many.
    async fn delete(tx: &Executor<'_>, rows: &[&Self]) -> Result<u64>;

    /// Puts values the database normalises into the form it stores them in.
    async fn canonicalize(_tx: &Executor<'_>, _records: &mut [(u64, Self)]) -> Result<()> {
        Ok(())
    }

    /// After [`Table::insert`] of `rows`: adds to `values` the indexed values that their keys
    /// now hold (only `properties` has any).
    async fn note_indexed_values(
        _tx: &Executor<'_>,
        _config: &Config,
        _rows: &[Self],
        _values: &mut IndexedValues,
    ) -> Result<()> {
        Ok(())
    }

    /// Work that follows the table's import in its transaction, on the indexed `values` its
    /// batches noted, reported as a table of its own (for `properties`: the lookup rows of
    /// those values).
    async fn after_import(
        _tx: &Executor<'_>,
        _config: &Config,
        _values: IndexedValues,
        _progress: &dyn TransferProgress,
    ) -> Result<Option<ImportedTable>> {
        Ok(None)
    }
}

/// Distinct (indexed property name, non-empty value) pairs that imported records hold.
pub(super) type IndexedValues = BTreeSet<(String, String)>;

/// What receives the records of an export, one by one.
pub(super) type Each<'e, T> = dyn FnMut(T) -> Result<()> + Send + 'e;

/// Hands each row of an export query's stream to `each` as a record.
pub(super) async fn for_each_row<R, T: From<R>>(
    rows: impl Stream<Item = Result<R, tokio_postgres::Error>>,
    each: &mut Each<'_, T>,
) -> Result<()> {
    let mut rows = std::pin::pin!(rows);
    while let Some(row) = rows.try_next().await? {
        each(T::from(row))?;
    }
    Ok(())
}

/// One column of `rows`: an import or key-check parameter.
pub(super) fn column<'r, R, V>(rows: &'r [R], value: impl FnMut(&'r R) -> V) -> Vec<V> {
    rows.iter().map(value).collect()
}

/// The positions `first..first + n` of a batch's records.
pub(super) fn ords(first: u64, n: usize) -> Vec<i64> {
    (first as i64..).take(n).collect()
}

/// `e`, said of record `index` of the table's file.
pub(super) fn at_record(table: &str, index: u64, e: Error) -> Error {
    Error::new(e.kind(), format!("{table}.json, record {index}: {e}"))
}

/// The outcome of an import statement that reports the first record (at position
/// `ambiguous`, in `rows`, which start at `first`) whose composite key a row of different
/// parts holds: the rows inserted, or `error` of that record.
pub(super) fn inserted_unless_ambiguous<T: Table>(
    first: u64,
    rows: &[T],
    inserted: i64,
    ambiguous: Option<i64>,
    error: impl Fn(&T) -> Error,
) -> Result<u64> {
    match ambiguous {
        Some(ord) => {
            let index = ord as u64;
            let record = &rows[(index - first) as usize];
            Err(at_record(T::NAME, index, error(record)))
        }
        None => Ok(row_count(inserted)),
    }
}
