//! A throwaway PostgreSQL cluster started from the local server binaries.
//!
//! Used by the command line's `demo` and `bench` when no database is configured, by the test
//! harness, by the benchmarks, by the `pg-throwaway` binary (CI), and by the library's
//! `build.rs` to regenerate the query code. The cluster lives in a fresh temporary directory,
//! listens on a Unix socket inside it (and on `127.0.0.1` when asked), trusts local connections
//! for the `postgres` role, and is stopped and deleted when the [`Cluster`] is dropped, or when
//! the process that started it exits for any reason: a watchdog shell holds a pipe from this
//! process and cleans up when the pipe closes.
//!
//! PostgreSQL refuses to run as root; when this process is root the server runs as the OS user
//! `postgres` (or `nobody` when there is none) through `setpriv`.
//!
//! This module uses only the standard library so that the library's `build.rs` can include
//! this file with `#[path]`.

use std::fs;
use std::io::{self, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// How long to wait for a started server to accept connections.
const READY_TIMEOUT: Duration = Duration::from_secs(60);

/// Options for [`Cluster::start_with`].
#[derive(Debug, Clone, Copy, Default)]
pub struct ClusterOptions {
    /// Also listen on TCP `127.0.0.1` on a free port (the Unix socket is always there).
    pub tcp: bool,
}

/// A running throwaway PostgreSQL cluster; stopped and deleted on drop.
#[derive(Debug)]
pub struct Cluster {
    dir: PathBuf,
    port: u16,
    tcp: bool,
    watchdog: Option<Child>,
}

/// The OS identity the server runs as when this process is root.
struct RunAs {
    uid: u32,
    gid: u32,
}

impl Cluster {
    /// Starts a cluster listening on a Unix socket only.
    pub fn start() -> io::Result<Cluster> {
        Cluster::start_with(ClusterOptions::default())
    }

    /// Starts a cluster with the given options.
    pub fn start_with(options: ClusterOptions) -> io::Result<Cluster> {
        let bin = bin_dir()?;
        let dir = make_temp_dir()?;
        let run_as = run_as()?;
        if let Some(user) = &run_as {
            std::os::unix::fs::chown(&dir, Some(user.uid), Some(user.gid))?;
        }
        let port = if options.tcp { free_tcp_port()? } else { 5432 };
        let data = dir.join("data");
        let initdb = as_user(&run_as, &bin.join("initdb"))
            .arg("-D")
            .arg(&data)
            .args(["-U", "postgres", "--auth=trust", "-N", "-E", "UTF8"])
            .args(["--locale=C.UTF-8"])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .output();
        let initdb = match initdb {
            Ok(out) if out.status.success() => out,
            Ok(out) => {
                let _ = fs::remove_dir_all(&dir);
                return Err(io::Error::other(format!(
                    "initdb failed: {}",
                    String::from_utf8_lossy(&out.stderr).trim()
                )));
            }
            Err(e) => {
                let _ = fs::remove_dir_all(&dir);
                return Err(e);
            }
        };
        drop(initdb);

        let listen = if options.tcp { "127.0.0.1" } else { "" };
        let mut server = as_user(&run_as, &bin.join("postgres"));
        server
            .arg("-D")
            .arg(&data)
            .arg("-k")
            .arg(&dir)
            .arg("-p")
            .arg(port.to_string())
            .arg("-c")
            .arg(format!("listen_addresses={listen}"))
            .args(["-c", "fsync=off", "-c", "synchronous_commit=off"])
            .args(["-c", "full_page_writes=off", "-c", "max_connections=300"])
            .args(["-c", "timezone=UTC"]);
        let watchdog = spawn_watchdog(&server, &dir);
        let mut cluster = Cluster {
            dir,
            port,
            tcp: options.tcp,
            watchdog: None,
        };
        cluster.watchdog = Some(watchdog?);
        cluster.wait_ready(&bin)?;
        Ok(cluster)
    }

    fn wait_ready(&self, bin: &Path) -> io::Result<()> {
        let started = Instant::now();
        loop {
            let status = Command::new(bin.join("pg_isready"))
                .arg("-q")
                .arg("-h")
                .arg(&self.dir)
                .arg("-p")
                .arg(self.port.to_string())
                .status()?;
            if status.success() {
                return Ok(());
            }
            if started.elapsed() > READY_TIMEOUT {
                let log = fs::read_to_string(self.dir.join("server.log")).unwrap_or_default();
                return Err(io::Error::other(format!(
                    "PostgreSQL did not become ready within {READY_TIMEOUT:?}: {log}"
                )));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The directory holding the data directory and the Unix socket.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The port: the TCP port when listening on TCP, otherwise the Unix socket's number.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// A server URL without a database path, connecting through the Unix socket as `postgres`.
    pub fn server_url(&self) -> String {
        format!(
            "postgresql://postgres@{}:{}",
            percent_encode(&self.dir.to_string_lossy()),
            self.port
        )
    }

    /// A URL for database `dbname` through the Unix socket.
    pub fn url(&self, dbname: &str) -> String {
        format!("{}/{dbname}", self.server_url())
    }

    /// A URL for database `dbname` over TCP loopback, when the cluster listens on TCP.
    pub fn tcp_url(&self, dbname: &str) -> Option<String> {
        self.tcp
            .then(|| format!("postgresql://postgres@127.0.0.1:{}/{dbname}", self.port))
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        if let Some(mut watchdog) = self.watchdog.take() {
            // Closing the pipe tells the watchdog to stop the server and delete the directory.
            drop(watchdog.stdin.take());
            let _ = watchdog.wait();
        }
    }
}

/// Starts `sh` holding our pipe: it runs the server in the background, waits for the pipe to
/// close (drop, exit or crash of this process), then stops the server and deletes `dir`.
fn spawn_watchdog(server: &Command, dir: &Path) -> io::Result<Child> {
    use std::os::unix::process::CommandExt;
    let script = r#"dir=$1; shift
"$@" >"$dir/server.log" 2>&1 </dev/null &
pid=$!
cat >/dev/null
kill -INT "$pid" 2>/dev/null
wait "$pid"
rm -rf "$dir""#;
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(script)
        .arg("watchdog")
        .arg(dir)
        .arg(server.get_program())
        .args(server.get_args())
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        // Own process group: a Ctrl-C aimed at this process must not kill the watchdog first.
        .process_group(0);
    let mut child = cmd.spawn()?;
    // Keep the pipe open; nothing is ever written to it.
    child.stdin.as_mut().map(|s| s.flush()).transpose()?;
    Ok(child)
}

fn as_user(run_as: &Option<RunAs>, program: &Path) -> Command {
    match run_as {
        None => Command::new(program),
        Some(user) => {
            let mut cmd = Command::new("setpriv");
            cmd.arg(format!("--reuid={}", user.uid))
                .arg(format!("--regid={}", user.gid))
                .arg("--clear-groups")
                .arg("--")
                .arg(program);
            cmd
        }
    }
}

/// The server binaries: `$PG_BIN_DIR`, else the newest `/usr/lib/postgresql/*/bin`.
fn bin_dir() -> io::Result<PathBuf> {
    if let Some(dir) = std::env::var_os("PG_BIN_DIR") {
        return Ok(PathBuf::from(dir));
    }
    let mut found: Vec<(u32, PathBuf)> = fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let version = entry.file_name().to_string_lossy().parse::<u32>().ok()?;
            let bin = entry.path().join("bin");
            bin.join("initdb").exists().then_some((version, bin))
        })
        .collect();
    found.sort();
    found.pop().map(|(_, bin)| bin).ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::NotFound,
            "no PostgreSQL server binaries in /usr/lib/postgresql/*/bin \
             (install postgresql, or set PG_BIN_DIR)",
        )
    })
}

/// `None` when this process is not root; otherwise the user the server must run as.
fn run_as() -> io::Result<Option<RunAs>> {
    let status = fs::read_to_string("/proc/self/status")?;
    let euid = status
        .lines()
        .find_map(|l| l.strip_prefix("Uid:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse::<u32>().ok())
        .ok_or_else(|| io::Error::other("cannot read the effective uid"))?;
    if euid != 0 {
        return Ok(None);
    }
    let passwd = fs::read_to_string("/etc/passwd")?;
    let user = |name: &str| {
        passwd.lines().find_map(|line| {
            let f: Vec<&str> = line.split(':').collect();
            (f.len() > 3 && f[0] == name).then(|| RunAs {
                uid: f[2].parse().unwrap_or(0),
                gid: f[3].parse().unwrap_or(0),
            })
        })
    };
    user("postgres")
        .or_else(|| user("nobody"))
        .filter(|u| u.uid != 0)
        .map(Some)
        .ok_or_else(|| io::Error::other("running as root and no 'postgres' or 'nobody' user"))
}

fn make_temp_dir() -> io::Result<PathBuf> {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    let dir = std::env::temp_dir().join(format!(
        "awpg-{}-{nanos:x}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    fs::create_dir(&dir)?;
    Ok(dir)
}

fn free_tcp_port() -> io::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

fn percent_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
