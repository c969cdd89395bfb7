//! The query deadline's clock: one thread per pool that wakes the statements whose deadline
//! passed, instead of a runtime timer per statement.
//!
//! A statement still waiting for the server after its first poll is watched: it is entered
//! in the watchdog's table with the instant its deadline passes and its task's waker, and
//! taken out when it finishes or is dropped. The watchdog's thread looks at the table every
//! tick (a sixteenth of the deadline, between 1 ms and 50 ms), marks the entries whose
//! instant has passed as expired and wakes their tasks, which then give the statement up.
//! A statement is therefore given up between its deadline and one tick after it.
//!
//! Without it, every statement would put a timer into the runtime, and every worker of the
//! runtime would park with a timeout while one is pending (a kernel timer per park); the
//! thread costs an entry in a short table per statement instead. After a second with nothing
//! watched the thread sleeps until a statement is watched again; it ends when its pool's
//! [`Watchdog`] is dropped.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::task::Waker;
use std::time::{Duration, Instant};

/// The thread that ends statements past the deadline `limit` (see the module's
/// documentation); stops it when dropped.
pub(crate) struct Watchdog {
    shared: Arc<Shared>,
    limit: Duration,
}

/// What the watchdog's thread and the statements share.
struct Shared {
    table: Mutex<Table>,
    /// Wakes the thread: a statement watched while it sleeps, or its watchdog dropped.
    wake: Condvar,
    /// Set while the thread sleeps until a statement is watched.
    idle: AtomicBool,
    /// How often the thread looks at the table while statements are watched.
    tick: Duration,
}

/// The watched statements: a slab (an entry's index is its key) and its free indexes.
#[derive(Default)]
struct Table {
    entries: Vec<Option<Entry>>,
    free: Vec<usize>,
    /// The watchdog was dropped: the thread ends.
    closed: bool,
}

impl Table {
    /// How many statements are watched.
    fn watched(&self) -> usize {
        self.entries.len() - self.free.len()
    }
}

/// A watched statement.
struct Entry {
    expires: Instant,
    waker: Waker,
    expired: bool,
}

/// A statement's entry in its watchdog's table, taken out when dropped.
pub(crate) struct Watched<'a> {
    watchdog: &'a Watchdog,
    key: usize,
}

/// How long the thread keeps looking at an empty table before it sleeps until a statement
/// is watched.
const IDLE_AFTER: Duration = Duration::from_secs(1);

impl Watchdog {
    /// A watchdog for the deadline `limit`, with its thread started.
    pub(crate) fn start(limit: Duration) -> std::io::Result<Watchdog> {
        let shared = Arc::new(Shared {
            table: Mutex::new(Table::default()),
            wake: Condvar::new(),
            idle: AtomicBool::new(false),
            tick: (limit / 16).clamp(Duration::from_millis(1), Duration::from_millis(50)),
        });
        let thread = shared.clone();
        std::thread::Builder::new()
            .name("actingweb-pg-deadline".into())
            .spawn(move || thread.run())?;
        Ok(Watchdog { shared, limit })
    }

    /// Watches a statement from now on; `waker` is woken when its deadline passed.
    pub(crate) fn watch(&self, waker: &Waker) -> Watched<'_> {
        let entry = Entry {
            expires: Instant::now() + self.limit,
            waker: waker.clone(),
            expired: false,
        };
        let key = {
            let mut table = self.shared.lock();
            match table.free.pop() {
                Some(key) => {
                    table.entries[key] = Some(entry);
                    key
                }
                None => {
                    table.entries.push(Some(entry));
                    table.entries.len() - 1
                }
            }
        };
        if self.shared.idle.load(Ordering::SeqCst) {
            self.shared.wake.notify_one();
        }
        Watched {
            watchdog: self,
            key,
        }
    }
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        self.shared.lock().closed = true;
        self.shared.wake.notify_one();
    }
}

impl Watched<'_> {
    /// Whether the statement's deadline passed; if not, `waker` is the one woken when it
    /// does.
    pub(crate) fn expired(&self, waker: &Waker) -> bool {
        let mut table = self.watchdog.shared.lock();
        let entry = table.entries[self.key]
            .as_mut()
            .expect("a watched statement's entry is in the table");
        if !entry.expired && !entry.waker.will_wake(waker) {
            entry.waker = waker.clone();
        }
        entry.expired
    }
}

impl Drop for Watched<'_> {
    fn drop(&mut self) {
        let mut table = self.watchdog.shared.lock();
        table.entries[self.key] = None;
        table.free.push(self.key);
    }
}

impl Shared {
    /// The table; a statement that panicked while holding it left it whole (every change
    /// under the lock is a single assignment or push).
    fn lock(&self) -> MutexGuard<'_, Table> {
        self.table
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The thread: every tick, wakes the statements past their deadline; sleeps while
    /// nothing is watched; ends when the watchdog is dropped.
    fn run(&self) {
        let mut table = self.lock();
        let mut empty_since = Instant::now();
        loop {
            if table.closed {
                return;
            }
            let now = Instant::now();
            if table.watched() > 0 {
                empty_since = now;
            } else if now.duration_since(empty_since) >= IDLE_AFTER {
                // Set under the lock: a statement watched after the wait released it sees
                // the flag and notifies.
                self.idle.store(true, Ordering::SeqCst);
                table = self
                    .wake
                    .wait_while(table, |t| t.watched() == 0 && !t.closed)
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
                self.idle.store(false, Ordering::SeqCst);
                empty_since = Instant::now();
                continue;
            }
            let mut due = Vec::new();
            for entry in table.entries.iter_mut().flatten() {
                if !entry.expired && entry.expires <= now {
                    entry.expired = true;
                    due.push(entry.waker.clone());
                }
            }
            if !due.is_empty() {
                // Woken without the lock, which their statements take when they are polled.
                drop(table);
                due.into_iter().for_each(Waker::wake);
                table = self.lock();
                continue;
            }
            table = self
                .wake
                .wait_timeout(table, self.tick)
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .0;
        }
    }
}
