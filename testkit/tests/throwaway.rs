//! The throwaway cluster and the `pg-throwaway` binary, against the local server binaries.

use std::path::PathBuf;
use std::process::Command;

use actingweb_pg_testkit::throwaway::{Cluster, ClusterOptions};
use tokio_postgres::NoTls;

async fn select_one(url: &str) -> i32 {
    let (client, connection) = tokio_postgres::connect(url, NoTls)
        .await
        .unwrap_or_else(|e| panic!("connect to {url}: {e}"));
    tokio::spawn(connection);
    client.query_one("SELECT 1", &[]).await.unwrap().get(0)
}

#[tokio::test]
async fn a_cluster_serves_its_socket_and_is_deleted_on_drop() {
    let cluster = Cluster::start().unwrap();
    let dir = cluster.dir().to_path_buf();
    assert!(dir.join(format!(".s.PGSQL.{}", cluster.port())).exists());
    assert!(cluster.tcp_url("postgres").is_none());
    assert_eq!(
        cluster.url("postgres"),
        format!("{}/postgres", cluster.server_url())
    );
    assert_eq!(select_one(&cluster.url("postgres")).await, 1);
    drop(cluster);
    assert!(!dir.exists(), "{} left behind", dir.display());
}

#[tokio::test]
async fn a_cluster_started_with_tcp_also_listens_on_loopback() {
    let cluster = Cluster::start_with(ClusterOptions { tcp: true }).unwrap();
    let url = cluster.tcp_url("postgres").unwrap();
    assert_eq!(
        url,
        format!(
            "postgresql://postgres@127.0.0.1:{}/postgres",
            cluster.port()
        )
    );
    assert_eq!(select_one(&url).await, 1);
}

#[test]
fn pg_throwaway_runs_the_command_with_the_cluster_variables_then_deletes_the_cluster() {
    let out = Command::new(env!("CARGO_BIN_EXE_pg-throwaway"))
        .args(["--", "sh", "-c"])
        .arg(
            r#"echo "$PGHOST|$PGPORT|$PGUSER|$PG_THROWAWAY_URL|${PG_THROWAWAY_TCP_URL-unset}"
               test -S "$PGHOST/.s.PGSQL.$PGPORT" || exit 9
               exit 3"#,
        )
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let fields: Vec<&str> = text.trim_end().split('|').collect();
    let [host, port, user, url, tcp] = fields[..] else {
        panic!("{text}")
    };
    assert_eq!((port, user, tcp), ("5432", "postgres", "unset"));
    let encoded: String = host
        .bytes()
        .map(|b| match b {
            b'/' => "%2F".to_string(),
            _ => (b as char).to_string(),
        })
        .collect();
    assert_eq!(url, format!("postgresql://postgres@{encoded}:5432"));
    assert!(!PathBuf::from(host).exists(), "{host} left behind");
}

#[test]
fn pg_throwaway_with_tcp_sets_the_loopback_url() {
    let out = Command::new(env!("CARGO_BIN_EXE_pg-throwaway"))
        .args([
            "--tcp",
            "sh",
            "-c",
            r#"echo "$PGPORT $PG_THROWAWAY_TCP_URL""#,
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let (port, url) = text.trim_end().split_once(' ').unwrap();
    assert_eq!(
        url,
        format!("postgresql://postgres@127.0.0.1:{port}/postgres")
    );
}

#[test]
fn pg_throwaway_without_a_command_is_a_usage_error() {
    for args in [&[][..], &["--"][..], &["--frobnicate", "true"][..]] {
        let out = Command::new(env!("CARGO_BIN_EXE_pg-throwaway"))
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("usage: pg-throwaway"),
            "{args:?}"
        );
    }
}
