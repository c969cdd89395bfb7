//! Development tooling of the actingweb-pg workspace (not published).
//!
//! - [`throwaway`]: a disposable PostgreSQL cluster started from the local server binaries. The
//!   command line's `demo` and `bench`, the library's tests and benchmarks, and the
//!   `pg-throwaway` binary (used by `.ci/run`) start it; the library's `build.rs` includes the
//!   same source file to regenerate its query code. For fault-injection tests it restarts
//!   the server (`Cluster::restart` with `StopMode::Fast` or `Immediate`) and stalls it
//!   (`Cluster::pause` / `Cluster::resume`).
//! - [`baseline`]: hand-written, prepared tokio-postgres statements doing the work of the
//!   library's point operations, which `actingweb-pg bench` and `cargo bench --bench
//!   point_ops` measure the library against.
//! - [`pgbouncer`]: a PgBouncer (session or transaction pooling) in front of a throwaway
//!   cluster, for the tests of the library's pooler modes.
//! - [`tables`]: row counts read on a connection of the test's own, to check what a store
//!   wrote or removed through its connections.
//! - [`metrics`]: a `metrics` recorder for the current thread, for the tests of the
//!   library's metrics.
//! - [`python`]: the virtualenvs of the tests that drive the Python reference, and [`files`]:
//!   installations made once under a file lock, and the permission check of written files.
//!
//! ```no_run
//! use actingweb_pg_testkit::throwaway::Cluster;
//!
//! let cluster = Cluster::start()?; // Unix socket only; stopped and deleted on drop
//! println!("connect to {}", cluster.url("postgres"));
//! # Ok::<(), std::io::Error>(())
//! ```
#![warn(missing_docs)]

pub mod baseline;
pub mod files;
pub mod metrics;
pub mod pgbouncer;
pub mod python;
pub mod tables;
pub mod throwaway;
