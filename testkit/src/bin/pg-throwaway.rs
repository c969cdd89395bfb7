//! `pg-throwaway [--tcp] [--pgbouncer session|transaction] [--] COMMAND [ARG]...`: runs COMMAND
//! against a throwaway PostgreSQL.
#![warn(missing_docs)]
//!
//! Starts a cluster (see `actingweb_pg_testkit::throwaway`), runs COMMAND with these variables
//! set, and when it exits stops the cluster and deletes its directory:
//!
//! - `PGHOST` (the socket directory), `PGPORT`, `PGUSER` (`postgres`): for `psql`, `createdb`;
//! - `PG_THROWAWAY_URL`: the server URL without a database path, as `CORNUCOPIA_DB_URL` wants
//!   it (append `/DBNAME` for a database URL);
//! - `PG_THROWAWAY_TCP_URL`: with `--tcp`, the `postgres` database over `127.0.0.1`;
//! - `PG_THROWAWAY_PGBOUNCER_URL`: with `--pgbouncer MODE`, the `postgres` database through a
//!   PgBouncer in that `pool_mode` (the test kit's launcher, 20 server
//!   connections, 500 client connections), stopped with the cluster.
//!
//! The exit status is COMMAND's (128 + the signal number when a signal ended it). Should this
//! process be killed, the cluster's watchdog still stops and deletes the cluster.

use std::ffi::OsString;
use std::process::{Command, ExitCode};

use actingweb_pg_testkit::pgbouncer::{PgBouncer, PgBouncerOptions, PoolMode};
use actingweb_pg_testkit::throwaway::{Cluster, ClusterOptions};

const USAGE: &str =
    "usage: pg-throwaway [--tcp] [--pgbouncer session|transaction] [--] COMMAND [ARG]...";

/// `default_pool_size` of the PgBouncer of `--pgbouncer`.
const PGBOUNCER_POOL_SIZE: u32 = 20;

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1).peekable();
    let mut options = ClusterOptions::default();
    let mut pool_mode = None;
    while let Some(arg) = args.peek() {
        match arg.to_str() {
            Some("--tcp") => options.tcp = true,
            Some("--pgbouncer") => {
                args.next();
                pool_mode = match args.peek().and_then(|mode| mode.to_str()) {
                    Some("session") => Some(PoolMode::Session),
                    Some("transaction") => Some(PoolMode::Transaction),
                    _ => {
                        eprintln!(
                            "pg-throwaway: --pgbouncer takes session or transaction\n{USAGE}"
                        );
                        return ExitCode::from(2);
                    }
                };
            }
            Some("--") => {
                args.next();
                break;
            }
            Some("-h" | "--help") => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            Some(flag) if flag.starts_with('-') => {
                eprintln!("pg-throwaway: unknown option {flag}\n{USAGE}");
                return ExitCode::from(2);
            }
            _ => break,
        }
        args.next();
    }
    let command: Vec<OsString> = args.collect();
    let Some((program, rest)) = command.split_first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let cluster = match Cluster::start_with(options) {
        Ok(cluster) => cluster,
        Err(e) => {
            eprintln!("pg-throwaway: cannot start a throwaway PostgreSQL: {e}");
            return ExitCode::FAILURE;
        }
    };
    let pgbouncer = match pool_mode {
        None => None,
        Some(pool_mode) => {
            let options = PgBouncerOptions {
                pool_mode,
                default_pool_size: PGBOUNCER_POOL_SIZE,
                max_client_conn: 500,
            };
            match PgBouncer::start(&cluster, options) {
                Ok(pgbouncer) => Some(pgbouncer),
                Err(e) => {
                    eprintln!("pg-throwaway: cannot start PgBouncer: {e}");
                    return ExitCode::FAILURE;
                }
            }
        }
    };
    let mut child = Command::new(program);
    child
        .args(rest)
        .env("PGHOST", cluster.dir())
        .env("PGPORT", cluster.port().to_string())
        .env("PGUSER", "postgres")
        .env("PG_THROWAWAY_URL", cluster.server_url());
    if let Some(url) = cluster.tcp_url("postgres") {
        child.env("PG_THROWAWAY_TCP_URL", url);
    }
    if let Some(pgbouncer) = &pgbouncer {
        child.env("PG_THROWAWAY_PGBOUNCER_URL", pgbouncer.url("postgres"));
    }
    let status = child.status();
    drop(pgbouncer);
    drop(cluster);
    match status {
        Ok(status) => {
            use std::os::unix::process::ExitStatusExt;
            let code = status
                .code()
                .or_else(|| status.signal().map(|s| 128 + s))
                .unwrap_or(1);
            ExitCode::from(u8::try_from(code).unwrap_or(1))
        }
        Err(e) => {
            eprintln!(
                "pg-throwaway: cannot run {}: {e}",
                program.to_string_lossy()
            );
            ExitCode::from(127)
        }
    }
}
