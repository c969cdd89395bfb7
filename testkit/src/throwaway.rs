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
//! For fault-injection tests a cluster can be restarted ([`Cluster::restart`], as `pg_ctl
//! restart -m fast|immediate` would) and stalled ([`Cluster::pause`] / [`Cluster::resume`]:
//! SIGSTOP / SIGCONT to the postmaster and every process it started). The watchdog runs the
//! server in a loop that starts it again after a requested restart, so a restarted server is
//! still stopped and deleted at exit, and it resumes a paused server before stopping it. Linux
//! only (`/proc`).
//!
//! For replica and failover tests a cluster starts a streaming standby of itself
//! ([`Cluster::standby`], from `pg_basebackup -R`), which can be promoted
//! ([`Cluster::promote`]); any cluster can be stopped for good ([`Cluster::stop`]).
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

/// How long to wait for a stopped server to exit, and for paused processes to stop.
const STOP_TIMEOUT: Duration = Duration::from_secs(60);

/// Options for [`Cluster::start_with`].
#[derive(Debug, Clone, Copy, Default)]
pub struct ClusterOptions {
    /// Also listen on TCP `127.0.0.1` on a free port (the Unix socket is always there).
    pub tcp: bool,
}

/// How [`Cluster::restart`] stops the server, as `pg_ctl stop -m` does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StopMode {
    /// SIGINT to the postmaster: open transactions are rolled back, connections are closed,
    /// a checkpoint is written, then the server exits.
    Fast,
    /// SIGQUIT to the postmaster: every process exits at once, without a checkpoint; the next
    /// start runs crash recovery from the WAL.
    Immediate,
}

impl StopMode {
    fn signal(self) -> i32 {
        match self {
            StopMode::Fast => sys::SIGINT,
            StopMode::Immediate => sys::SIGQUIT,
        }
    }
}

/// A running throwaway PostgreSQL cluster; stopped and deleted on drop.
#[derive(Debug)]
pub struct Cluster {
    dir: PathBuf,
    port: u16,
    tcp: bool,
    bin: PathBuf,
    settings: Vec<(String, String)>,
    watchdog: Option<Child>,
}

/// The OS identity the server runs as when this process is root.
pub(crate) struct RunAs {
    pub(crate) uid: u32,
    pub(crate) gid: u32,
}

impl Cluster {
    /// Starts a cluster listening on a Unix socket only.
    pub fn start() -> io::Result<Cluster> {
        Cluster::start_with(ClusterOptions::default())
    }

    /// Starts a cluster with the given options.
    pub fn start_with(options: ClusterOptions) -> io::Result<Cluster> {
        Cluster::start_with_settings(options, &[])
    }

    /// Starts a cluster with the given options and server settings (`-c name=value`, after
    /// and so over the defaults: `fsync=off`, `synchronous_commit=off`,
    /// `full_page_writes=off`, `max_connections=300`, `timezone=UTC`).
    ///
    /// A test that counts on acknowledged commits surviving [`StopMode::Immediate`] needs
    /// `synchronous_commit=on`: with it off, a commit is acknowledged before its WAL leaves
    /// the server's memory. `fsync=off` is harmless there (the server's processes die, the
    /// operating system's page cache does not).
    pub fn start_with_settings(
        options: ClusterOptions,
        settings: &[(&str, &str)],
    ) -> io::Result<Cluster> {
        Cluster::launch(options, settings, |run_as, bin, data| {
            as_user(run_as, &bin.join("initdb"))
                .arg("-D")
                .arg(data)
                .args(["-U", "postgres", "--auth=trust", "-N", "-E", "UTF8"])
                .args(["--locale=C.UTF-8"])
                .output()
                .map(|out| ("initdb", out))
        })
    }

    /// Starts a streaming standby of this cluster: a copy made with `pg_basebackup -R` (so
    /// it follows this server through `primary_conninfo` and `standby.signal`), with the same
    /// options and settings, in a directory of its own; read-only until
    /// [`Cluster::promote`].
    pub fn standby(&self) -> io::Result<Cluster> {
        let primary_dir = self.dir.clone();
        let port = self.port;
        let settings: Vec<(&str, &str)> = self
            .settings
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        Cluster::launch(
            ClusterOptions { tcp: self.tcp },
            &settings,
            move |run_as, bin, data| {
                as_user(run_as, &bin.join("pg_basebackup"))
                    .arg("-D")
                    .arg(data)
                    .arg("-h")
                    .arg(&primary_dir)
                    .arg("-p")
                    .arg(port.to_string())
                    .args(["-U", "postgres", "-R", "-X", "stream", "-c", "fast"])
                    .output()
                    .map(|out| ("pg_basebackup", out))
            },
        )
    }

    /// Makes a standby a primary (`pg_ctl promote`, which waits until it accepts writes).
    pub fn promote(&self) -> io::Result<()> {
        let run_as = run_as()?;
        let out = as_user(&run_as, &self.bin.join("pg_ctl"))
            .arg("promote")
            .arg("-D")
            .arg(self.dir.join("data"))
            .args(["-w", "-t", "60"])
            .output()?;
        if !out.status.success() {
            return Err(io::Error::other(format!(
                "pg_ctl promote failed: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            )));
        }
        Ok(())
    }

    /// Stops the server for good, as `pg_ctl stop -m fast|immediate` does, and waits until it
    /// has exited; the directory is still deleted on drop. A paused cluster is resumed first.
    pub fn stop(&self, mode: StopMode) -> io::Result<()> {
        if self.is_paused() {
            self.resume()?;
        }
        let pid = self.postmaster_pid()?;
        if !sys::signal(pid, mode.signal())? {
            return Ok(());
        }
        self.wait_exited(pid, mode)
    }

    /// Creates the data directory with `make_data` (initdb, or a base backup) and starts the
    /// server on it.
    fn launch(
        options: ClusterOptions,
        settings: &[(&str, &str)],
        make_data: impl FnOnce(
            &Option<RunAs>,
            &Path,
            &Path,
        ) -> io::Result<(&'static str, std::process::Output)>,
    ) -> io::Result<Cluster> {
        let bin = bin_dir()?;
        let dir = make_temp_dir()?;
        let run_as = run_as()?;
        if let Some(user) = &run_as {
            std::os::unix::fs::chown(&dir, Some(user.uid), Some(user.gid))?;
        }
        let port = if options.tcp { free_tcp_port()? } else { 5432 };
        let data = dir.join("data");
        match make_data(&run_as, &bin, &data) {
            Ok((_, out)) if out.status.success() => {}
            Ok((tool, out)) => {
                let _ = fs::remove_dir_all(&dir);
                return Err(io::Error::other(format!(
                    "{tool} failed: {}",
                    String::from_utf8_lossy(&out.stderr).trim()
                )));
            }
            Err(e) => {
                let _ = fs::remove_dir_all(&dir);
                return Err(e);
            }
        }

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
        for (name, value) in settings {
            server.arg("-c").arg(format!("{name}={value}"));
        }
        let watchdog = spawn_watchdog(&server, &dir);
        let mut cluster = Cluster {
            dir,
            port,
            tcp: options.tcp,
            bin,
            settings: settings
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
            watchdog: None,
        };
        cluster.watchdog = Some(watchdog?);
        cluster.wait_ready()?;
        Ok(cluster)
    }

    fn wait_ready(&self) -> io::Result<()> {
        let started = Instant::now();
        loop {
            let status = Command::new(self.bin.join("pg_isready"))
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

    /// The server's log so far (every start of it, restarts included).
    pub fn log(&self) -> io::Result<String> {
        Ok(String::from_utf8_lossy(&fs::read(self.dir.join("server.log"))?).into_owned())
    }

    /// The process id of the running postmaster (the first line of `data/postmaster.pid`).
    pub fn postmaster_pid(&self) -> io::Result<u32> {
        let text = fs::read_to_string(self.dir.join("data").join("postmaster.pid"))?;
        text.lines()
            .next()
            .and_then(|line| line.trim().parse().ok())
            .ok_or_else(|| io::Error::other(format!("no pid in postmaster.pid: {text:?}")))
    }

    /// The processes the postmaster started: one backend per client connection, and the
    /// auxiliary processes (checkpointer, background writer, WAL writer, autovacuum launcher,
    /// ...). A client backend's pid is what `pg_backend_pid()` returns on its connection.
    pub fn child_pids(&self) -> io::Result<Vec<u32>> {
        children_of(self.postmaster_pid()?)
    }

    /// Stops the server as `pg_ctl stop -m fast|immediate` does (SIGINT or SIGQUIT to the
    /// postmaster), waits until it has exited, and waits until the server the watchdog then
    /// starts again (same data directory, socket directory, port and settings) accepts
    /// connections. Every client connection is closed by it. A paused cluster is resumed
    /// first.
    pub fn restart(&self, mode: StopMode) -> io::Result<()> {
        if self.is_paused() {
            self.resume()?;
        }
        let pid = self.postmaster_pid()?;
        // The watchdog starts the server again after it exits only when asked to.
        fs::write(self.dir.join("restart"), b"")?;
        if !sys::signal(pid, mode.signal())? {
            let _ = fs::remove_file(self.dir.join("restart"));
            return Err(io::Error::other(format!(
                "the postmaster {pid} is not running"
            )));
        }
        self.wait_exited(pid, mode)?;
        self.wait_ready()?;
        let new = self.postmaster_pid()?;
        if new == pid {
            return Err(io::Error::other("the server was not restarted"));
        }
        Ok(())
    }

    /// Waits until the postmaster `pid`, signalled to stop in `mode`, has exited.
    fn wait_exited(&self, pid: u32, mode: StopMode) -> io::Result<()> {
        let started = Instant::now();
        while process_state(pid).is_some_and(|state| state != 'Z') {
            if started.elapsed() > STOP_TIMEOUT {
                return Err(io::Error::other(format!(
                    "the postmaster {pid} did not exit within {STOP_TIMEOUT:?} of {mode:?}"
                )));
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        Ok(())
    }

    /// Stalls the server: SIGSTOP to the postmaster, then to every process it started, and
    /// waits until each one is stopped. Connections stay open and nothing answers (a new
    /// connection is accepted by the kernel and then waits) until [`Cluster::resume`]. Should
    /// this process end while the server is paused, the watchdog resumes it before stopping it.
    pub fn pause(&self) -> io::Result<()> {
        if self.is_paused() {
            return Ok(());
        }
        let postmaster = self.postmaster_pid()?;
        let mut stopped = vec![postmaster];
        // Recorded before any signal, so that the watchdog can resume whatever was stopped.
        self.record_paused(&stopped)?;
        sys::signal(postmaster, sys::SIGSTOP)?;
        wait_stopped(postmaster)?;
        // Stopped, the postmaster starts no more processes; a child it forked just before it
        // stopped is found in the next round.
        for _round in 0..10 {
            let new: Vec<u32> = children_of(postmaster)?
                .into_iter()
                .filter(|pid| !stopped.contains(pid))
                .collect();
            if new.is_empty() {
                return Ok(());
            }
            stopped.extend(&new);
            self.record_paused(&stopped)?;
            for &pid in &new {
                sys::signal(pid, sys::SIGSTOP)?;
            }
            for &pid in &new {
                wait_stopped(pid)?;
            }
        }
        Err(io::Error::other(
            "the server's processes kept changing while pausing",
        ))
    }

    /// Continues a server stalled by [`Cluster::pause`] (SIGCONT to every process it stopped
    /// and every current child of the postmaster, then to the postmaster). A no-op when the
    /// cluster is not paused.
    pub fn resume(&self) -> io::Result<()> {
        let file = self.dir.join("paused");
        let text = match fs::read_to_string(&file) {
            Ok(text) => text,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(e),
        };
        let mut pids: Vec<u32> = text.lines().filter_map(|l| l.trim().parse().ok()).collect();
        let postmaster = pids.first().copied();
        if let Some(postmaster) = postmaster {
            for pid in children_of(postmaster)? {
                if !pids.contains(&pid) {
                    pids.push(pid);
                }
            }
        }
        // Children first: the postmaster finds them running when it runs again.
        for &pid in pids.iter().rev() {
            sys::signal(pid, sys::SIGCONT)?;
        }
        fs::remove_file(&file)
    }

    /// Whether the server is paused by [`Cluster::pause`].
    pub fn is_paused(&self) -> bool {
        self.dir.join("paused").exists()
    }

    /// Writes the list of paused processes, postmaster first, for [`Cluster::resume`] and the
    /// watchdog (replaced atomically).
    fn record_paused(&self, pids: &[u32]) -> io::Result<()> {
        let text: String = pids.iter().map(|pid| format!("{pid}\n")).collect();
        let staged = self.dir.join("paused.new");
        fs::write(&staged, text)?;
        fs::rename(staged, self.dir.join("paused"))
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
///
/// The server runs in a supervising loop (a subshell): when the server exits and the file
/// `dir/restart` exists ([`Cluster::restart`] writes it before it signals the postmaster),
/// the loop removes the file and starts the server again with the same arguments; otherwise
/// the loop ends. When the pipe closes, the watchdog sends the loop SIGTERM: the loop stops
/// restarting, sends the current server SIGINT (fast shutdown) and SIGCONT to every process
/// listed in `dir/paused` (a paused server could not shut down), and waits for it to exit.
///
/// The watchdog ignores SIGHUP: when this process dies while the postmaster (which is in the
/// watchdog's process group) is stopped, the kernel sends the orphaned group SIGHUP and
/// SIGCONT. (PostgreSQL installs its own SIGHUP handler, a configuration reload.)
fn spawn_watchdog(server: &Command, dir: &Path) -> io::Result<Child> {
    let script = r#"dir=$1; shift
trap '' HUP
(
    stopping=
    pid=
    stop() {
        kill -INT "$pid" 2>/dev/null
        [ -f "$dir/paused" ] && kill -CONT $(cat "$dir/paused") 2>/dev/null
    }
    trap 'stopping=1; stop' TERM
    while :; do
        "$@" >>"$dir/server.log" 2>&1 </dev/null &
        pid=$!
        [ -n "$stopping" ] && stop
        # wait returns early when the trap runs; wait again until the server is gone
        wait "$pid"
        while kill -0 "$pid" 2>/dev/null; do wait "$pid"; done
        [ -z "$stopping" ] && rm "$dir/restart" 2>/dev/null || break
    done
) &
supervisor=$!
cat >/dev/null
kill -TERM "$supervisor" 2>/dev/null
wait "$supervisor"
rm -rf "$dir""#;
    spawn_holding_pipe(script, dir, server)
}

/// Spawns `sh -c script watchdog dir PROGRAM ARGS...` (PROGRAM and ARGS those of `command`)
/// with a pipe from this process on its standard input (the script cleans up when the pipe
/// closes), in a process group of its own (a Ctrl-C aimed at this process must not kill the
/// watchdog first), its output discarded.
pub(crate) fn spawn_holding_pipe(script: &str, dir: &Path, command: &Command) -> io::Result<Child> {
    use std::os::unix::process::CommandExt;
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(script)
        .arg("watchdog")
        .arg(dir)
        .arg(command.get_program())
        .args(command.get_args())
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0);
    let mut child = cmd.spawn()?;
    // Keep the pipe open; nothing is ever written to it.
    child.stdin.as_mut().map(|s| s.flush()).transpose()?;
    Ok(child)
}

/// The state letter of a process (`R`, `S`, `T` stopped, `Z` zombie, ...) and its parent's
/// pid, from `/proc/PID/stat`; `None` when there is no such process.
fn process_stat(pid: u32) -> Option<(char, u32)> {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses.
    let rest = &stat[stat.rfind(')')? + 1..];
    let mut fields = rest.split_whitespace();
    let state = fields.next()?.chars().next()?;
    let ppid = fields.next()?.parse().ok()?;
    Some((state, ppid))
}

fn process_state(pid: u32) -> Option<char> {
    process_stat(pid).map(|(state, _)| state)
}

/// The live (not zombie) children of `parent`.
fn children_of(parent: u32) -> io::Result<Vec<u32>> {
    let mut pids: Vec<u32> = fs::read_dir("/proc")?
        .flatten()
        .filter_map(|entry| entry.file_name().to_str()?.parse::<u32>().ok())
        .filter(|&pid| {
            process_stat(pid).is_some_and(|(state, ppid)| ppid == parent && state != 'Z')
        })
        .collect();
    pids.sort_unstable();
    Ok(pids)
}

/// Waits until `pid` is stopped (or gone).
fn wait_stopped(pid: u32) -> io::Result<()> {
    let started = Instant::now();
    loop {
        match process_state(pid) {
            None | Some('T' | 't' | 'Z' | 'X') => return Ok(()),
            Some(_) if started.elapsed() > STOP_TIMEOUT => {
                return Err(io::Error::other(format!(
                    "process {pid} did not stop within {STOP_TIMEOUT:?}"
                )));
            }
            Some(_) => std::thread::sleep(Duration::from_millis(1)),
        }
    }
}

/// Signals through `kill(2)` (the standard library links the C library that has it).
mod sys {
    use std::io;

    pub const SIGINT: i32 = 2;
    pub const SIGQUIT: i32 = 3;
    // Linux's numbers; MIPS and SPARC number these two differently.
    #[cfg(not(any(
        target_arch = "mips",
        target_arch = "mips64",
        target_arch = "sparc",
        target_arch = "sparc64"
    )))]
    pub const SIGCONT: i32 = 18;
    #[cfg(not(any(
        target_arch = "mips",
        target_arch = "mips64",
        target_arch = "sparc",
        target_arch = "sparc64"
    )))]
    pub const SIGSTOP: i32 = 19;
    #[cfg(any(target_arch = "mips", target_arch = "mips64"))]
    pub const SIGCONT: i32 = 25;
    #[cfg(any(target_arch = "mips", target_arch = "mips64"))]
    pub const SIGSTOP: i32 = 23;
    #[cfg(any(target_arch = "sparc", target_arch = "sparc64"))]
    pub const SIGCONT: i32 = 19;
    #[cfg(any(target_arch = "sparc", target_arch = "sparc64"))]
    pub const SIGSTOP: i32 = 17;

    unsafe extern "C" {
        fn kill(pid: i32, sig: i32) -> i32;
    }

    /// Sends `sig` to `pid`: `Ok(false)` when there is no such process.
    pub fn signal(pid: u32, sig: i32) -> io::Result<bool> {
        let pid = i32::try_from(pid).map_err(|_| io::Error::other("pid out of range"))?;
        if pid <= 0 {
            return Err(io::Error::other("refusing to signal a process group"));
        }
        // SAFETY: kill(2) takes two integers and touches no memory of this process.
        if unsafe { kill(pid, sig) } == 0 {
            return Ok(true);
        }
        let error = io::Error::last_os_error();
        // ESRCH: the process is gone.
        if error.raw_os_error() == Some(3) {
            Ok(false)
        } else {
            Err(error)
        }
    }
}

pub(crate) fn as_user(run_as: &Option<RunAs>, program: &Path) -> Command {
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
pub(crate) fn run_as() -> io::Result<Option<RunAs>> {
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
