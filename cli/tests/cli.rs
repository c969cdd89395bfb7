//! The `actingweb-pg` command line, run as a process against a real PostgreSQL.

// The library's test harness (one throwaway cluster per test binary, one database per test).
#[path = "../../tests/common/mod.rs"]
mod common;

use std::process::{Command, Output};

use common::TestDb;

fn cli(db_url: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_actingweb-pg"))
        .args(args)
        .env("DATABASE_URL", db_url)
        .env_remove("PG_DB_PREFIX")
        .env_remove("PG_DB_SCHEMA")
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[tokio::test]
async fn migrate_installs_then_reports_nothing_to_do() {
    let db = TestDb::empty().await;
    assert_eq!(
        stdout(&cli(&db.url, &["migrate"])),
        "schema public: empty -> e5f6a7b8c9d0 (applied e5f6a7b8c9d0)\n"
    );
    assert_eq!(
        stdout(&cli(&db.url, &["migrate"])),
        "schema public is current at revision e5f6a7b8c9d0; nothing to do\n"
    );
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&cli(&db.url, &["migrate", "--json"]))).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"schema": "public", "before": "e5f6a7b8c9d0",
                           "after": "e5f6a7b8c9d0", "applied": []})
    );
}

#[tokio::test]
async fn health_prints_revision_and_every_table() {
    let db = TestDb::new().await;
    let text = stdout(&cli(&db.url, &["health"]));
    assert!(
        text.contains("schema revision     e5f6a7b8c9d0\n"),
        "{text}"
    );
    assert!(text.contains("schema              public\n"), "{text}");
    let table_lines = text
        .lines()
        .skip_while(|l| !l.starts_with("table"))
        .skip(1)
        .count();
    assert_eq!(table_lines, 10, "{text}");
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&cli(&db.url, &["health", "--json"]))).unwrap();
    assert_eq!(json["schema_revision"], "e5f6a7b8c9d0");
    assert_eq!(json["tables"].as_array().unwrap().len(), 10);
    assert_eq!(json["pool"]["max_size"], 10);
}

#[test]
fn a_bad_configuration_exits_1_with_the_reason() {
    let out = Command::new(env!("CARGO_BIN_EXE_actingweb-pg"))
        .arg("health")
        .env("DATABASE_URL", "postgresql://u@127.0.0.1:1/d")
        .env("PG_DB_SCHEMA", "Bad-Schema")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: invalid schema: \"Bad-Schema\" must be 1 to 63 characters of [a-z0-9_]\n"
    );
}

#[test]
fn an_unknown_command_exits_2() {
    let out = Command::new(env!("CARGO_BIN_EXE_actingweb-pg"))
        .arg("frobnicate")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn demo_without_a_configured_database_runs_on_a_throwaway_cluster() {
    let out = Command::new(env!("CARGO_BIN_EXE_actingweb-pg"))
        .arg("demo")
        .env_remove("DATABASE_URL")
        .env_remove("PG_DB_HOST")
        .output()
        .unwrap();
    let text = stdout(&out);
    let pid = text
        .lines()
        .find_map(|l| l.strip_prefix("reverse lookup email=demo-"))
        .and_then(|l| l.split('@').next())
        .unwrap()
        .to_string();
    assert!(
        text.starts_with("database: throwaway PostgreSQL in "),
        "{text}"
    );
    assert!(
        text.contains(r#"property settings     = {"theme": "dark", "langs": ["en", "n\u00f8"], "zoom": 1.5, "beta": false}"#),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "reverse lookup email=demo-{pid}@example.com -> Some(\"demo-{pid}\")"
        )),
        "{text}"
    );
    assert!(
        text.ends_with("cleaned up: 3 properties, actor deleted: true\n"),
        "{text}"
    );
    let dir = text.lines().next().unwrap()["database: throwaway PostgreSQL in ".len()..]
        .trim_end_matches(" (deleted on exit)")
        .to_string();
    assert!(!std::path::Path::new(&dir).exists(), "{dir} left behind");
}

#[tokio::test]
async fn purge_expired_removes_expired_rows_of_the_named_buckets_only() {
    let db = TestDb::new().await;
    db.client()
        .await
        .batch_execute(
            "INSERT INTO attributes (id, bucket_name, bucket, name, data, ttl_timestamp) VALUES
               ('a1', 'b1:old', 'b1', 'old', '1', 100),
               ('a2', 'b1:old', 'b1', 'old', '1', 200),
               ('a1', 'b1:new', 'b1', 'new', '1', 99999999999),
               ('a1', 'b2:old', 'b2', 'old', '1', 100),
               ('a1', 'b3:keep', 'b3', 'keep', '1', NULL)",
        )
        .await
        .unwrap();
    assert_eq!(
        stdout(&cli(&db.url, &["purge-expired", "--bucket", "b1"])),
        "purged 2 expired attributes\n"
    );
    assert_eq!(
        stdout(&cli(&db.url, &["purge-expired", "--json"])),
        "{\"purged\":1}\n"
    );
    let left: Vec<String> = db
        .client()
        .await
        .query("SELECT bucket_name FROM attributes ORDER BY 1", &[])
        .await
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(left, ["b1:new", "b3:keep"]);
}

#[cfg(unix)]
#[tokio::test]
async fn purge_expired_every_stops_cleanly_on_sigterm_and_sigint() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    let db = TestDb::new().await;
    for signal in ["TERM", "INT"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_actingweb-pg"))
            .args(["purge-expired", "--every", "1h"])
            .env("DATABASE_URL", &db.url)
            .env_remove("PG_DB_PREFIX")
            .env_remove("PG_DB_SCHEMA")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut first = String::new();
        stdout.read_line(&mut first).unwrap();
        assert_eq!(first, "purged 0 expired attributes\n");
        // The first purge has run and the command sleeps for an hour: the signal must end it.
        let killed = Command::new("kill")
            .args([format!("-{signal}"), child.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "SIG{signal}: {out:?}");
        assert_eq!(String::from_utf8(out.stderr).unwrap(), "", "SIG{signal}");
        let mut rest = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut rest).unwrap();
        assert_eq!(rest, "", "SIG{signal}");
    }
}

#[test]
fn purge_expired_refuses_a_zero_or_malformed_interval() {
    for bad in ["0s", "5x", "m"] {
        let out = Command::new(env!("CARGO_BIN_EXE_actingweb-pg"))
            .args(["purge-expired", "--every", bad])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad}");
    }
}

/// The operations of one level of `bench`, in order, and whether each is compared with the
/// hand-written baseline.
const BENCH_OPS: [(&str, bool); 14] = [
    ("actor create", false),
    ("actor get", true),
    ("property set", true),
    ("property get", true),
    ("property get/set mixed", true),
    ("indexed property set", false),
    ("property list", false),
    ("trust create", false),
    ("trust get by peer", true),
    ("trust get by token", false),
    ("attribute set", false),
    ("attribute get bucket", false),
    ("subscription + diff create", false),
    ("actor delete (all tables)", false),
];

/// A ratio's median lies within its rounds' lowest and highest, all of them positive.
#[track_caller]
fn assert_spread(spread: &serde_json::Value) {
    let (median, min, max) = (
        spread["median"].as_f64().unwrap(),
        spread["min"].as_f64().unwrap(),
        spread["max"].as_f64().unwrap(),
    );
    assert!(0.0 < min && min <= median && median <= max, "{spread}");
}

#[tokio::test]
async fn bench_times_every_operation_with_baselines_and_leaves_no_rows() {
    let db = TestDb::new().await;
    let out = cli(
        &db.url,
        &[
            "bench",
            "--actors",
            "20",
            "--concurrency",
            "1",
            "--concurrency",
            "3",
            "--rounds",
            "3",
            "--pgbench-seconds",
            "1",
            "--json",
        ],
    );
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["rounds"], 3);
    assert_eq!(report["runtime"], "multi-thread");
    let results = report["operations"].as_array().unwrap();
    assert_eq!(results.len(), BENCH_OPS.len() * 2);
    let mut expected_targets = Vec::new();
    for (i, result) in results.iter().enumerate() {
        let (op, has_baseline) = BENCH_OPS[i % BENCH_OPS.len()];
        let concurrency = if i < BENCH_OPS.len() { 1 } else { 3 };
        assert_eq!(result["op"], op);
        assert_eq!(result["concurrency"], concurrency);
        assert!(result["ops_per_sec"].as_f64().unwrap() > 0.0, "{result}");
        assert!(result["p99_us"].as_f64().unwrap() >= result["p50_us"].as_f64().unwrap());
        assert_eq!(result["baseline"].is_object(), has_baseline, "{result}");
        assert_eq!(result["pooled"].is_object(), has_baseline, "{result}");
        if has_baseline {
            assert_spread(&result["baseline"]["p50_ratio"]);
            assert_spread(&result["baseline"]["throughput_ratio"]);
            assert_spread(&result["pooled"]["p50_ratio"]);
            assert_spread(&result["pooled"]["throughput_ratio"]);
            expected_targets.push(format!("{op} c{concurrency}: p50 facade / hand"));
        }
        // pgbench (found on PATH or in /usr/lib/postgresql) runs the mix's SQL only.
        let mix = op == "property get/set mixed";
        assert_eq!(result["pgbench"].is_object(), mix, "{result}");
        if mix {
            assert!(result["pgbench"]["tps"].as_f64().unwrap() > 0.0, "{result}");
            assert_spread(&result["pgbench"]["facade_fraction"]);
            assert_spread(&result["pgbench"]["hand_fraction"]);
            expected_targets.push(format!("{op} c{concurrency}: throughput facade / pgbench"));
        }
    }
    let targets: Vec<&str> = report["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["what"].as_str().unwrap())
        .collect();
    assert_eq!(targets, expected_targets);
    for target in report["targets"].as_array().unwrap() {
        let value = target["value"].as_f64().unwrap();
        let met = match target["goal"].as_str().unwrap() {
            "<= 1.10" => value <= 1.10,
            ">= 0.90" => value >= 0.90,
            goal => panic!("unknown goal {goal}"),
        };
        assert_eq!(target["met"], met, "{target}");
    }
    let client = db.client().await;
    for table in [
        "actors",
        "properties",
        "property_lookup",
        "trusts",
        "attributes",
        "subscriptions",
        "subscription_diffs",
    ] {
        let n: i64 = client
            .query_one(&format!("SELECT count(*) FROM {table}"), &[])
            .await
            .unwrap()
            .get(0);
        assert_eq!(n, 0, "{table}");
    }
}

#[tokio::test]
async fn bench_without_pgbench_on_one_thread_prints_the_rounds_ratios_and_targets() {
    let db = TestDb::new().await;
    let out = cli(
        &db.url,
        &[
            "bench",
            "--actors",
            "10",
            "--concurrency",
            "2",
            "--rounds",
            "2",
            "--no-pgbench",
            "--runtime",
            "current-thread",
        ],
    );
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    // A header, 14 operations, the rounds, 5 targets.
    assert_eq!(lines.len(), 1 + 14 + 1 + 5, "{text}");
    assert!(lines[0].starts_with("operation"), "{text}");
    assert!(
        lines[0].ends_with("p50 × (min..max)       tput × (min..max)      pooled p50 × (min..max)"),
        "{text}"
    );
    assert!(
        lines[2].starts_with("actor get                      2 "),
        "{text}"
    );
    // The ratios against both baselines, each with its spread.
    assert_eq!(lines[2].matches("..").count(), 3, "{text}");
    assert_eq!(
        lines[15],
        "medians over 2 interleaved rounds, on a current-thread runtime"
    );
    let targets: Vec<&str> = lines[16..]
        .iter()
        .map(|l| l.split(':').next().unwrap())
        .collect();
    assert_eq!(
        targets,
        [
            "target actor get c2",
            "target property set c2",
            "target property get c2",
            "target property get/set mixed c2",
            "target trust get by peer c2",
        ]
    );
    assert!(!text.contains("pgbench"), "{text}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("pgbench: not run"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn bench_refuses_zero_rounds() {
    let out = cli(
        "postgresql://nobody@127.0.0.1:1/none",
        &["bench", "--rounds", "0"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: --actors, --concurrency and --rounds must be at least 1\n"
    );
}
