//! Fault control of the throwaway cluster: restart (fast and immediate), pause and resume, and
//! clean-up of a restarted or paused cluster, also when its owner is killed.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use actingweb_pg_testkit::throwaway::{Cluster, ClusterOptions, StopMode};
use tokio_postgres::{Client, NoTls};

/// Set in the environment of the child process `an_owner_killed_while_paused_...` starts.
const OWNER_ENV: &str = "AWPG_TESTKIT_OWNER_PROCESS";

async fn connect(url: &str) -> Client {
    let (client, connection) = tokio_postgres::connect(url, NoTls)
        .await
        .unwrap_or_else(|e| panic!("connect to {url}: {e}"));
    tokio::spawn(connection);
    client
}

/// The state letter of a process from /proc (`T` when stopped), `None` when it is gone.
fn state(pid: u32) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat[stat.rfind(')')? + 1..].trim_start().chars().next()
}

/// Waits (at most 30 s) until `done` holds.
fn eventually(what: &str, mut done: impl FnMut() -> bool) {
    let started = Instant::now();
    while !done() {
        assert!(started.elapsed() < Duration::from_secs(30), "{what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn stopped_or_gone(pid: u32) -> bool {
    matches!(state(pid), None | Some('T' | 'Z'))
}

fn gone(dir: &Path, pids: &[u32]) -> bool {
    !dir.exists()
        && pids
            .iter()
            .all(|&pid| matches!(state(pid), None | Some('Z')))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn settings_given_at_start_override_the_defaults() {
    let cluster = Cluster::start_with_settings(
        ClusterOptions::default(),
        &[("synchronous_commit", "on"), ("application_name", "kit")],
    )
    .unwrap();
    let client = connect(&cluster.url("postgres")).await;
    for (name, want) in [
        ("synchronous_commit", "on"),
        ("fsync", "off"),
        ("application_name", "kit"),
    ] {
        let row = client
            .query_one(&format!("SHOW {name}"), &[])
            .await
            .unwrap();
        assert_eq!(row.get::<_, String>(0), want, "{name}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn restart_fast_and_immediate_keep_the_port_and_every_committed_row() {
    let cluster = Cluster::start_with_settings(
        ClusterOptions { tcp: true },
        &[("synchronous_commit", "on")],
    )
    .unwrap();
    let url = cluster.tcp_url("postgres").unwrap();
    let dir = cluster.dir().to_path_buf();
    let client = connect(&url).await;
    client
        .batch_execute("CREATE TABLE t (n int PRIMARY KEY)")
        .await
        .unwrap();
    let mut postmasters = vec![cluster.postmaster_pid().unwrap()];
    for (round, mode) in [StopMode::Fast, StopMode::Immediate, StopMode::Fast]
        .into_iter()
        .enumerate()
    {
        let client = connect(&url).await;
        let backend = client
            .query_one("SELECT pg_backend_pid()", &[])
            .await
            .unwrap()
            .get::<_, i32>(0) as u32;
        assert!(cluster.child_pids().unwrap().contains(&backend));
        client
            .execute("INSERT INTO t VALUES ($1)", &[&(round as i32)])
            .await
            .unwrap();
        let started = Instant::now();
        let restart = {
            let cluster = &cluster;
            std::thread::scope(|s| s.spawn(move || cluster.restart(mode)).join().unwrap())
        };
        restart.unwrap_or_else(|e| panic!("{mode:?}: {e}; log: {}", cluster.log().unwrap()));
        eprintln!("restart {mode:?} took {:?}", started.elapsed());
        // The old connection was closed by the server; its backend is gone.
        assert!(client.query_one("SELECT 1", &[]).await.is_err());
        assert!(client.is_closed());
        assert!(matches!(state(backend), None | Some('Z')));
        let pid = cluster.postmaster_pid().unwrap();
        assert!(
            !postmasters.contains(&pid),
            "{mode:?}: not a new postmaster"
        );
        assert!(matches!(
            state(postmasters[postmasters.len() - 1]),
            None | Some('Z')
        ));
        postmasters.push(pid);
        // Same port, same data: every committed row is back.
        let client = connect(&url).await;
        let rows: i64 = client
            .query_one("SELECT count(*) FROM t", &[])
            .await
            .unwrap()
            .get(0);
        assert_eq!(rows, round as i64 + 1, "{mode:?}");
    }
    let log = cluster.log().unwrap();
    assert!(log.contains("database system was interrupted"), "{log}");
    drop(cluster);
    assert!(gone(&dir, &postmasters), "restarted cluster left behind");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pause_stops_every_server_process_until_resume() {
    let cluster = Cluster::start().unwrap();
    let client = connect(&cluster.url("postgres")).await;
    let backend = client
        .query_one("SELECT pg_backend_pid()", &[])
        .await
        .unwrap()
        .get::<_, i32>(0) as u32;
    let postmaster = cluster.postmaster_pid().unwrap();
    let children = cluster.child_pids().unwrap();
    assert!(children.contains(&backend), "{children:?} lacks {backend}");
    assert!(
        children.len() >= 4,
        "{children:?}: auxiliary processes missing"
    );

    assert!(!cluster.is_paused());
    cluster.pause().unwrap();
    assert!(cluster.is_paused());
    cluster.pause().unwrap(); // a second pause is a no-op
    assert_eq!(
        state(postmaster),
        Some('T'),
        "the postmaster is not stopped"
    );
    assert_eq!(
        state(backend),
        Some('T'),
        "the client's backend is not stopped"
    );
    for &pid in &children {
        // stopped, or exited before the pause (an autovacuum worker, say)
        assert!(stopped_or_gone(pid), "process {pid} not stopped");
    }
    // A query waits for a stopped server...
    let query = tokio::spawn(async move {
        let started = Instant::now();
        let n: i32 = client.query_one("SELECT 42", &[]).await.unwrap().get(0);
        (n, started.elapsed())
    });
    tokio::time::sleep(Duration::from_millis(700)).await;
    assert!(!query.is_finished(), "a query was answered while paused");
    // ... and so does a new connection.
    let url = cluster.url("postgres");
    let connecting = tokio::spawn(async move { connect(&url).await });
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(!connecting.is_finished());

    cluster.resume().unwrap();
    assert!(!cluster.is_paused());
    cluster.resume().unwrap(); // a no-op
    let (n, waited) = tokio::time::timeout(Duration::from_secs(10), query)
        .await
        .expect("answered after resume")
        .unwrap();
    assert_eq!(n, 42);
    assert!(waited >= Duration::from_millis(900), "{waited:?}");
    let fresh = tokio::time::timeout(Duration::from_secs(10), connecting)
        .await
        .expect("connected after resume")
        .unwrap();
    assert_eq!(
        fresh
            .query_one("SELECT 1", &[])
            .await
            .unwrap()
            .get::<_, i32>(0),
        1
    );
    for pid in std::iter::once(postmaster).chain(children.iter().copied()) {
        assert_ne!(state(pid), Some('T'), "process {pid} still stopped");
    }
}

#[test]
fn a_paused_cluster_is_stopped_and_deleted_on_drop() {
    let cluster = Cluster::start().unwrap();
    let dir = cluster.dir().to_path_buf();
    let mut pids = cluster.child_pids().unwrap();
    pids.push(cluster.postmaster_pid().unwrap());
    cluster.pause().unwrap();
    drop(cluster);
    assert!(gone(&dir, &pids), "paused cluster left behind");
}

#[test]
fn restarting_a_paused_cluster_resumes_it_first() {
    let cluster = Cluster::start().unwrap();
    let before = cluster.postmaster_pid().unwrap();
    cluster.pause().unwrap();
    cluster.restart(StopMode::Immediate).unwrap();
    assert!(!cluster.is_paused());
    assert_ne!(cluster.postmaster_pid().unwrap(), before);
    assert!(
        cluster
            .child_pids()
            .unwrap()
            .iter()
            .all(|&p| state(p) != Some('T'))
    );
}

/// Run by `an_owner_killed_while_paused_leaves_nothing_behind` in a child process: starts a
/// cluster, restarts it, pauses it, reports it and waits to be killed.
#[test]
#[ignore = "the child process of an_owner_killed_while_paused_leaves_nothing_behind"]
fn owner_process() {
    if std::env::var_os(OWNER_ENV).is_none() {
        return;
    }
    let cluster = Cluster::start().unwrap();
    cluster.restart(StopMode::Fast).unwrap();
    cluster.pause().unwrap();
    let mut pids = cluster.child_pids().unwrap();
    pids.insert(0, cluster.postmaster_pid().unwrap());
    let pids: Vec<String> = pids.iter().map(u32::to_string).collect();
    println!("OWNER {} {}", cluster.dir().display(), pids.join(" "));
    // Bounded: the parent kills this process long before.
    std::thread::sleep(Duration::from_secs(60));
}

#[test]
fn an_owner_killed_while_paused_leaves_nothing_behind() {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "owner_process", "--ignored", "--nocapture"])
        .env(OWNER_ENV, "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut report = None;
    for line in BufReader::new(child.stdout.take().unwrap()).lines() {
        let line = line.unwrap();
        if let Some(rest) = line.strip_prefix("OWNER ") {
            report = Some(rest.to_string());
            break;
        }
    }
    let Some(report) = report else {
        let _ = child.kill();
        panic!("the owner process reported no cluster: {:?}", child.wait());
    };
    let mut fields = report.split(' ');
    let dir = PathBuf::from(fields.next().unwrap());
    let pids: Vec<u32> = fields.map(|p| p.parse().unwrap()).collect();
    assert!(dir.exists());
    assert!(pids.len() >= 4, "{pids:?}");
    for &pid in &pids {
        assert_eq!(state(pid), Some('T'), "process {pid} not stopped");
    }
    child.kill().unwrap(); // SIGKILL: no destructor runs
    child.wait().unwrap();
    eventually("the watchdog did not clean up after a killed owner", || {
        gone(&dir, &pids)
    });
}
