//! `actingweb-pg load`, run as a process against a real PostgreSQL: the report's shape and
//! counts, and the read-back finding a write deleted after the run.

// The library's test harness (one throwaway cluster per test binary, one database per test).
#[path = "../../tests/common/mod.rs"]
mod common;

use std::process::{Command, Output};

use common::TestDb;
use serde_json::Value;

/// Runs `actingweb-pg load ARGS` (split at spaces) on the database.
fn load(db_url: &str, args: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_actingweb-pg"))
        .arg("load")
        .args(args.split(' '))
        .env("DATABASE_URL", db_url)
        .env_remove("PG_DB_PREFIX")
        .env_remove("PG_DB_SCHEMA")
        .output()
        .unwrap()
}

fn json_of(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): exit {:?}\nstdout: {}\nstderr: {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// The JSON report of a run that succeeded.
fn load_ok(db_url: &str, args: &str) -> Value {
    let out = load(db_url, args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    json_of(&out)
}

fn u(v: &Value) -> u64 {
    v.as_u64().unwrap_or_else(|| panic!("not a count: {v}"))
}

/// The write operations of the mix.
const WRITES: [&str; 4] = [
    "property_set",
    "indexed_property_set",
    "attribute_set_ttl",
    "subscription_diff_create",
];

/// Checks the counts of a report that had no errors, and returns its verification.
fn check_counts(report: &Value, requests: u64) -> &Value {
    assert_eq!(u(&report["requests"]), requests, "{report:#}");
    let ops = report["operations"].as_array().unwrap();
    assert_eq!(ops.len(), 8, "every operation of the mix ran: {report:#}");
    let sum = |field: &str| ops.iter().map(|o| u(&o[field])).sum::<u64>();
    assert_eq!(sum("count"), requests);
    assert_eq!(sum("ok"), requests);
    assert_eq!(sum("errors"), 0);
    assert_eq!(sum("missing"), 0, "every read found what the set-up stored");
    assert_eq!(u(&report["latency"]["count"]), requests);
    for o in ops {
        assert_eq!(u(&o["count"]), u(&o["ok"]) + u(&o["errors"]), "{o}");
        let p = |q: &str| o[q].as_f64().unwrap();
        assert!(
            p("p50_ms") <= p("p95_ms") && p("p95_ms") <= p("p99_ms"),
            "{o}"
        );
        assert!(p("p99_ms") <= p("max_ms") && p("p50_ms") > 0.0, "{o}");
    }
    assert_eq!(report["errors_by_kind"], serde_json::json!({}));
    // Every request took one pooled connection (the set-up's were not counted).
    assert_eq!(u(&report["pool_acquire"]["count"]), requests);
    let writes: u64 = ops
        .iter()
        .filter(|o| WRITES.contains(&o["op"].as_str().unwrap()))
        .map(|o| u(&o["ok"]))
        .sum();
    let v = &report["verification"];
    assert_eq!(u(&v["acknowledged_writes"]), writes, "{v}");
    assert_eq!(u(&v["verified"]), writes, "{v}");
    assert_eq!(u(&v["lost"]), 0, "{v}");
    assert_eq!(u(&v["unknown_outcome_writes"]), 0, "{v}");
    assert_eq!(u(&v["superseded_by_unknown_outcome"]), 0, "{v}");
    v
}

async fn count(db: &TestDb, sql: &str) -> i64 {
    db.client().await.query_one(sql, &[]).await.unwrap().get(0)
}

#[tokio::test]
async fn an_open_loop_run_reports_consistent_counts_and_cleans_up() {
    let db = TestDb::new().await;
    let report = load_ok(&db.url, "--rate 200 --duration 2s --actors 50 --json");
    assert_eq!(report["mode"], "open");
    assert_eq!(report["target_rate"], 200.0);
    assert_eq!(report["duration_s"], 2.0);
    assert_eq!(report["concurrency"], 64);
    assert_eq!(report["actors"], 50);
    let mix = report["mix"].as_object().unwrap();
    assert_eq!(mix.values().map(u).sum::<u64>(), 100);
    assert_eq!(mix["actor_get"], 20);
    check_counts(&report, 400);
    let rate = report["achieved_rate"].as_f64().unwrap();
    let elapsed = report["elapsed_s"].as_f64().unwrap();
    assert!(
        elapsed >= 1.995,
        "the last request is scheduled at 1.995 s: {elapsed}"
    );
    assert!((rate - 400.0 / elapsed).abs() < 1e-6, "{rate} {elapsed}");
    let tables =
        "actors properties property_lookup trusts subscriptions subscription_diffs attributes";
    for table in tables.split(' ') {
        let n = count(&db, &format!("SELECT count(*) FROM {table}")).await;
        assert_eq!(n, 0, "{table} is empty again");
    }
}

#[tokio::test]
async fn a_closed_loop_run_sends_agents_times_ops_requests() {
    let db = TestDb::new().await;
    let report = load_ok(&db.url, "--agents 5 --ops-per-agent 40 --actors 20 --json");
    assert_eq!(report["mode"], "closed");
    assert_eq!(report["target_rate"], Value::Null);
    assert_eq!(report["concurrency"], 5);
    check_counts(&report, 200);
}

#[tokio::test]
async fn a_write_deleted_after_the_run_is_reported_lost() {
    let db = TestDb::new().await;
    let dir = std::env::temp_dir().join(format!("load-ledger-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let ledger_path = dir.join("ledger.json");
    let ledger_arg = ledger_path.to_str().unwrap();
    let out = load_ok(
        &db.url,
        &format!("--rate 200 --duration 1s --actors 10 --keep --ledger {ledger_arg} --json"),
    );
    let acknowledged = u(&check_counts(&out, 200)["acknowledged_writes"]);
    let ledger: Value = serde_json::from_slice(&std::fs::read(&ledger_path).unwrap()).unwrap();
    assert_eq!(ledger["actors"].as_array().unwrap().len(), 10);

    // Untouched, the read-back finds everything again.
    let out = load_ok(&db.url, &format!("--verify {ledger_arg} --keep --json"));
    let v = &out["verification"];
    assert_eq!(u(&v["verified"]), acknowledged);
    assert_eq!(u(&v["lost"]), 0);

    // Delete one acknowledged property row, one attribute row and one diff row behind the
    // command's back.
    let property = &ledger["properties"][0];
    let attribute = &ledger["attributes"][0];
    let diff = &ledger["diffs"][0];
    let client = db.client().await;
    let deleted = client
        .execute(
            "DELETE FROM properties WHERE id = $1 AND name = $2",
            &[&property["actor"].as_str(), &property["name"].as_str()],
        )
        .await
        .unwrap();
    assert_eq!(deleted, 1);
    let bucket_name = format!(
        "{}:{}",
        attribute["bucket"].as_str().unwrap(),
        attribute["name"].as_str().unwrap()
    );
    let deleted = client
        .execute(
            "DELETE FROM attributes WHERE id = $1 AND bucket_name = $2",
            &[&attribute["actor"].as_str(), &bucket_name],
        )
        .await
        .unwrap();
    assert_eq!(deleted, 1);
    let deleted = client
        .execute(
            "DELETE FROM subscription_diffs WHERE id = $1 AND subid = $2 AND seqnr = $3",
            &[
                &diff["actor"].as_str(),
                &diff["subid"].as_str(),
                &(diff["seqnr"].as_i64().unwrap() as i32),
            ],
        )
        .await
        .unwrap();
    assert_eq!(deleted, 1);

    let out = load(&db.url, &format!("--verify {ledger_arg} --json"));
    assert_eq!(out.status.code(), Some(1), "lost writes fail the command");
    let v = &json_of(&out)["verification"];
    assert_eq!(u(&v["lost"]), 3, "{v}");
    let lost_writes = u(&property["acknowledged"]) + u(&attribute["acknowledged"]) + 1;
    assert_eq!(u(&v["verified"]), acknowledged - lost_writes, "{v}");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: 3 acknowledged writes are lost\n"
    );
    // The failed verification still deleted the run's actors.
    assert_eq!(count(&db, "SELECT count(*) FROM actors").await, 0);
    assert_eq!(count(&db, "SELECT count(*) FROM properties").await, 0);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn rate_and_duration_or_agents_are_required() {
    let out = Command::new(env!("CARGO_BIN_EXE_actingweb-pg"))
        .args(["load", "--rate", "10"])
        .env("DATABASE_URL", "postgresql://u@127.0.0.1:1/d")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--duration <DURATION>"), "{stderr}");
}
