//! Reading and writing the JSON array files: records parsed on a blocking thread and handed
//! over in batches, and files written under a partial name until they are complete.

use std::fmt;
use std::fs::{self, File};
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use serde::de::{self, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use tokio::sync::mpsc;

use super::BATCH_ROWS;
use super::fields::Field;
use super::table::{Table, at_record};
use crate::error::{Error, ErrorKind, Result};

/// Refuses a path that is not a directory (the import and validation read from one).
pub(super) fn check_dir(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        Ok(())
    } else {
        Err(Error::invalid(
            "directory",
            format!("{} is not a directory", dir.display()),
        ))
    }
}

/// `e` with the path it concerns.
pub(super) fn io_error(kind: ErrorKind, path: &Path, e: impl fmt::Display) -> Error {
    Error::new(kind, format!("{}: {e}", path.display()))
}

// ---------------------------------------------------------------------------------------------
// Reading

/// A run of consecutive records of a file, the first at position `first`.
pub(super) struct Batch<T> {
    pub(super) first: u64,
    pub(super) rows: Vec<T>,
}

/// The validated records of one file, parsed on a blocking thread and handed over in batches
/// of [`BATCH_ROWS`] (at most two batches wait), so a file is never held in memory whole and
/// parsing overlaps with the database work.
pub(super) struct Records<T> {
    /// The file's size and the bytes parsed so far; `None` for records of a stream.
    bytes: Option<(u64, Arc<AtomicU64>)>,
    receiver: mpsc::Receiver<Result<Batch<T>>>,
    reader: Option<tokio::task::JoinHandle<()>>,
}

impl<T: Table> Records<T> {
    /// Starts reading the table's file in `dir`; `None` when there is no such file.
    pub(super) fn open(dir: &Path) -> Result<Option<Records<T>>> {
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
        Ok(Some(Records::new(Some((size, bytes)), receiver, reader)))
    }

    /// The records that `reader` sends to `receiver`.
    pub(super) fn new(
        bytes: Option<(u64, Arc<AtomicU64>)>,
        receiver: mpsc::Receiver<Result<Batch<T>>>,
        reader: tokio::task::JoinHandle<()>,
    ) -> Records<T> {
        Records {
            bytes,
            receiver,
            reader: Some(reader),
        }
    }

    /// The next batch; `None` at the end of the file.
    pub(super) async fn next(&mut self) -> Result<Option<Batch<T>>> {
        match self.receiver.recv().await {
            Some(batch) => batch.map(Some),
            None => {
                if let Some(reader) = self.reader.take() {
                    reader.await.map_err(|e| {
                        Error::new(
                            ErrorKind::Backend,
                            format!("reading the records of {} failed: {e}", T::NAME),
                        )
                    })?;
                }
                Ok(None)
            }
        }
    }

    /// The size of the file; `None` for a stream.
    pub(super) fn size(&self) -> Option<u64> {
        self.bytes.as_ref().map(|(size, _)| *size)
    }

    /// The bytes parsed so far; `None` for a stream.
    pub(super) fn bytes_read(&self) -> Option<u64> {
        self.bytes
            .as_ref()
            .map(|(_, read)| read.load(Ordering::Relaxed))
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
// Writing

/// A table's file being written: a JSON array, one record per line, under the name
/// `.<file>.partial` until [`JsonArrayFile::finish`] renames it; dropped unfinished (the export
/// failed), the partial file is removed.
pub(super) struct JsonArrayFile {
    // Declared first so that the file is closed before the partial file is removed.
    out: BufWriter<File>,
    partial: PartialFile,
    path: PathBuf,
    rows: u64,
}

/// Removes the file at `path` when dropped, unless `done`.
struct PartialFile {
    path: PathBuf,
    done: bool,
}

impl Drop for PartialFile {
    fn drop(&mut self) {
        if !self.done {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// Creates (or truncates) a file readable and writable by its owner only: actors, trusts and
/// peer trustees hold passphrases and secrets. The mode is set at creation, so the file is
/// never readable by others, and again for a file left over by a killed export.
fn create_private(path: &Path) -> io::Result<File> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        options.mode(0o600);
        let file = options.open(path)?;
        file.set_permissions(fs::Permissions::from_mode(0o600))?;
        Ok(file)
    }
    #[cfg(not(unix))]
    options.open(path)
}

impl JsonArrayFile {
    /// Starts writing `file` in `dir`.
    pub(super) fn create(dir: &Path, file: &str) -> Result<JsonArrayFile> {
        let partial = dir.join(format!(".{file}.partial"));
        let out =
            create_private(&partial).map_err(|e| io_error(ErrorKind::Backend, &partial, e))?;
        Ok(JsonArrayFile {
            out: BufWriter::with_capacity(1 << 16, out),
            partial: PartialFile {
                path: partial,
                done: false,
            },
            path: dir.join(file),
            rows: 0,
        })
    }

    /// Records written so far.
    pub(super) fn rows(&self) -> u64 {
        self.rows
    }

    /// Writes one record: a JSON object of `fields`, in their order.
    pub(super) fn push(&mut self, fields: &[(&'static str, Field<'_>)]) -> Result<()> {
        let separator: &[u8] = if self.rows == 0 { b"[\n" } else { b",\n" };
        self.write_record(separator, fields)
            .map_err(|e| io_error(ErrorKind::Backend, &self.partial.path, e))?;
        self.rows += 1;
        Ok(())
    }

    fn write_record(&mut self, separator: &[u8], fields: &[(&str, Field<'_>)]) -> io::Result<()> {
        self.out.write_all(separator)?;
        let mut open = b"{".as_slice();
        for (name, field) in fields {
            // The names are the file's field names, which need no escaping.
            self.out.write_all(open)?;
            write!(self.out, "\"{name}\":")?;
            field.write_json(&mut self.out)?;
            open = b",";
        }
        self.out.write_all(b"}")
    }

    /// Closes the array, flushes the file to disk and gives it its name; returns the number of
    /// records.
    pub(super) fn finish(self) -> Result<u64> {
        let JsonArrayFile {
            mut out,
            mut partial,
            path,
            rows,
        } = self;
        let end: &[u8] = if rows == 0 { b"[]\n" } else { b"\n]\n" };
        let fail = |e: &dyn fmt::Display| io_error(ErrorKind::Backend, &partial.path, e);
        out.write_all(end).map_err(|e| fail(&e))?;
        let file = out.into_inner().map_err(|e| fail(&e))?;
        file.sync_all().map_err(|e| fail(&e))?;
        drop(file);
        fs::rename(&partial.path, &path).map_err(|e| io_error(ErrorKind::Backend, &path, e))?;
        partial.done = true;
        Ok(rows)
    }
}
