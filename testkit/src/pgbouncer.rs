//! A PgBouncer in front of a throwaway cluster ([`PgBouncer::start`]), for the tests and
//! measurements of the library's pooler modes.
//!
//! It runs Debian's `/usr/sbin/pgbouncer` (or `$PGBOUNCER`) as the user the server runs as
//! (when this process is root: `postgres`, through `setpriv`, as the cluster does), listens on a free `127.0.0.1` port,
//! trusts every client (`auth_type = trust`, the one user `postgres` in its `auth_file`) and
//! reaches the cluster through its Unix socket as `postgres`, for any database name. Its
//! files live in a directory of their own inside the cluster's; it is stopped and the
//! directory deleted when the [`PgBouncer`] is dropped, or when the process that started it
//! exits for any reason (a watchdog shell holds a pipe from this process, as the cluster's
//! does).

use std::fs;
use std::io;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use crate::throwaway::{Cluster, as_user, run_as, spawn_holding_pipe};

/// How long to wait for PgBouncer to accept connections.
const READY_TIMEOUT: Duration = Duration::from_secs(20);

/// PgBouncer's `pool_mode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PoolMode {
    /// A server connection per client connection, for the client connection's lifetime.
    Session,
    /// A server connection per transaction.
    Transaction,
}

/// Options for [`PgBouncer::start`].
#[derive(Debug, Clone, Copy)]
pub struct PgBouncerOptions {
    /// `pool_mode`.
    pub pool_mode: PoolMode,
    /// `default_pool_size`: server connections per database and user.
    pub default_pool_size: u32,
    /// `max_client_conn`: client connections at most.
    pub max_client_conn: u32,
}

impl PgBouncerOptions {
    /// `pool_mode` as given, 2 server connections, 200 client connections.
    pub fn new(pool_mode: PoolMode) -> PgBouncerOptions {
        PgBouncerOptions {
            pool_mode,
            default_pool_size: 2,
            max_client_conn: 200,
        }
    }
}

/// A running PgBouncer; stopped and its files deleted on drop.
#[derive(Debug)]
pub struct PgBouncer {
    dir: PathBuf,
    port: u16,
    watchdog: Option<Child>,
}

impl PgBouncer {
    /// Starts PgBouncer in front of `cluster` and waits until it accepts connections.
    pub fn start(cluster: &Cluster, options: PgBouncerOptions) -> io::Result<PgBouncer> {
        let program = std::env::var_os("PGBOUNCER")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("/usr/sbin/pgbouncer"));
        if !program.exists() {
            return Err(io::Error::new(
                io::ErrorKind::NotFound,
                format!(
                    "{} not found: install the pgbouncer package (scripts/ensure-deps), or set \
                     PGBOUNCER",
                    program.display()
                ),
            ));
        }
        let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let dir = cluster.dir().join(format!("pgbouncer-{port}"));
        fs::create_dir(&dir)?;
        let run_as = run_as()?;
        let written = write_files(&dir, cluster, port, options).and_then(|()| match &run_as {
            Some(user) => chown_all(&dir, user.uid, user.gid),
            None => Ok(()),
        });
        if let Err(e) = written {
            let _ = fs::remove_dir_all(&dir);
            return Err(e);
        }
        let mut pgbouncer = as_user(&run_as, &program);
        pgbouncer.arg(dir.join("pgbouncer.ini"));
        let watchdog = match spawn_watchdog(&pgbouncer, &dir) {
            Ok(child) => child,
            Err(e) => {
                let _ = fs::remove_dir_all(&dir);
                return Err(e);
            }
        };
        let bouncer = PgBouncer {
            dir,
            port,
            watchdog: Some(watchdog),
        };
        bouncer.wait_ready()?;
        Ok(bouncer)
    }

    /// The TCP port it listens on (`127.0.0.1`).
    pub fn port(&self) -> u16 {
        self.port
    }

    /// A URL for database `dbname` through PgBouncer, as `postgres`.
    pub fn url(&self, dbname: &str) -> String {
        format!("postgresql://postgres@127.0.0.1:{}/{dbname}", self.port)
    }

    /// PgBouncer's log so far, after what it wrote to its standard error (start-up
    /// failures).
    pub fn log(&self) -> io::Result<String> {
        let mut log = fs::read(self.dir.join("stderr.log")).unwrap_or_default();
        log.extend(fs::read(self.dir.join("pgbouncer.log"))?);
        Ok(String::from_utf8_lossy(&log).into_owned())
    }

    fn wait_ready(&self) -> io::Result<()> {
        let started = Instant::now();
        let address = SocketAddr::from(([127, 0, 0, 1], self.port));
        while TcpStream::connect_timeout(&address, Duration::from_secs(1)).is_err() {
            if started.elapsed() > READY_TIMEOUT {
                return Err(io::Error::other(format!(
                    "PgBouncer did not accept connections within {READY_TIMEOUT:?}: {}",
                    self.log().unwrap_or_default()
                )));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        Ok(())
    }
}

impl Drop for PgBouncer {
    fn drop(&mut self) {
        if let Some(mut watchdog) = self.watchdog.take() {
            // Closing the pipe tells the watchdog to stop PgBouncer and delete its directory.
            drop(watchdog.stdin.take());
            let _ = watchdog.wait();
        }
    }
}

/// Writes `pgbouncer.ini` and the `auth_file` into `dir`.
fn write_files(
    dir: &Path,
    cluster: &Cluster,
    port: u16,
    options: PgBouncerOptions,
) -> io::Result<()> {
    let mode = match options.pool_mode {
        PoolMode::Session => "session",
        PoolMode::Transaction => "transaction",
    };
    let ini = format!(
        "[databases]\n\
         * = host={socket_dir} port={server_port} user=postgres\n\
         \n\
         [pgbouncer]\n\
         listen_addr = 127.0.0.1\n\
         listen_port = {port}\n\
         unix_socket_dir =\n\
         auth_type = trust\n\
         auth_file = {dir}/userlist.txt\n\
         pool_mode = {mode}\n\
         default_pool_size = {pool}\n\
         min_pool_size = 0\n\
         reserve_pool_size = 0\n\
         max_client_conn = {clients}\n\
         max_db_connections = {pool}\n\
         logfile = {dir}/pgbouncer.log\n\
         pidfile = {dir}/pgbouncer.pid\n\
         log_connections = 0\n\
         log_disconnections = 0\n",
        socket_dir = cluster.dir().display(),
        server_port = cluster.port(),
        dir = dir.display(),
        pool = options.default_pool_size,
        clients = options.max_client_conn,
    );
    fs::write(dir.join("pgbouncer.ini"), ini)?;
    // Created here, so that PgBouncer (running as the owner) can open it.
    fs::write(dir.join("pgbouncer.log"), "")?;
    fs::write(dir.join("userlist.txt"), "\"postgres\" \"\"\n")
}

/// Gives `dir` and the files in it to `uid:gid`.
fn chown_all(dir: &Path, uid: u32, gid: u32) -> io::Result<()> {
    std::os::unix::fs::chown(dir, Some(uid), Some(gid))?;
    for entry in fs::read_dir(dir)? {
        std::os::unix::fs::chown(entry?.path(), Some(uid), Some(gid))?;
    }
    Ok(())
}

/// Starts `sh` holding our pipe: it runs `pgbouncer` in the background (its standard error
/// into `dir/stderr.log`), waits for the pipe to close (drop, exit or crash of this
/// process), then stops PgBouncer (SIGTERM: immediate shutdown), waits for it and deletes
/// `dir`.
fn spawn_watchdog(pgbouncer: &Command, dir: &Path) -> io::Result<Child> {
    let script = r#"dir=$1; shift
trap '' HUP
"$@" >>"$dir/stderr.log" 2>&1 </dev/null &
pid=$!
cat >/dev/null
kill -TERM "$pid" 2>/dev/null
wait "$pid"
rm -rf "$dir""#;
    spawn_holding_pipe(script, dir, pgbouncer)
}
