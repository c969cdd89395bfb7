//! `actingweb-pg`: the operator command line of the actingweb-pg storage layer.
#![warn(missing_docs)]

mod bench;
#[cfg(feature = "dynamodb")]
mod dynamodb;
mod load;

use std::process::ExitCode;

use actingweb_pg::{Config, Store};
use actingweb_pg_testkit::throwaway::{Cluster, ClusterOptions};
use clap::{Parser, Subcommand};
use serde_json::json;

/// Operate an ActingWeb PostgreSQL database.
///
/// The database is `DATABASE_URL`, or the reference's `PG_DB_*` variables (see the README).
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    /// Print results as JSON instead of text.
    #[arg(long, global = true)]
    json: bool,
    /// How log lines on stderr look; which are written is `RUST_LOG` (default `warn`, e.g.
    /// `RUST_LOG=actingweb_pg=info`).
    #[arg(long, global = true, value_enum, default_value_t = LogFormat::Text)]
    log_format: LogFormat,
    #[command(subcommand)]
    command: Command,
}

/// The format of log lines.
#[derive(Clone, Copy, clap::ValueEnum)]
enum LogFormat {
    /// One readable line per event.
    Text,
    /// One JSON object per event, with its spans.
    Json,
}

/// Writes `tracing` events (and the library's spans as their context) to stderr, filtered by
/// `RUST_LOG`.
fn install_logging(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Text => builder.init(),
        LogFormat::Json => builder.json().init(),
    }
}

#[derive(Subcommand)]
enum Command {
    /// Create an actor, set plain and JSON properties, look the actor up by e-mail, and print
    /// each step. Without DATABASE_URL or PG_DB_HOST it runs against a throwaway PostgreSQL
    /// started from the local server binaries; a configured database must be migrated first.
    Demo,
    /// Create or upgrade the schema (PG_DB_PREFIX + PG_DB_SCHEMA) to the head revision; a no-op
    /// when current. Refuses databases at an older Alembic revision with what to run.
    Migrate,
    /// Show pool state, server version, connections, database size, per-table row estimates
    /// and sizes, and the schema revision.
    Health,
    /// Delete expired attributes (ttl_timestamp <= now) of every actor, once or repeatedly,
    /// printing how many rows each pass removed.
    PurgeExpired {
        /// Only these buckets (repeat the flag); all buckets when absent.
        #[arg(long = "bucket")]
        buckets: Vec<String>,
        /// Repeat every interval (e.g. `60s`, `5m`, `1h`) until interrupted.
        #[arg(long, value_parser = parse_interval)]
        every: Option<std::time::Duration>,
    },
    /// Time a standard workload (actor create/get, property set/get/list, trust create/get,
    /// attribute set/get bucket, subscription + diff create, full actor delete): ops/s, p50 and
    /// p99 per operation. Point operations are compared with the same work done by
    /// hand-written prepared tokio-postgres, and the 50/50 property get/set mix also with
    /// pgbench running the facade's own two statements, interleaved in rounds (facade, hand,
    /// pgbench; hand, pgbench, facade; ...); each ratio is the median over the rounds with its lowest and
    /// highest. Without a configured database it runs on a throwaway PostgreSQL over TCP
    /// loopback. Everything it writes is deleted again.
    Bench {
        /// Actors per run (each operation runs once per actor and round).
        #[arg(long, default_value_t = 2000)]
        actors: usize,
        /// Concurrent tasks; repeat for several runs (1 = sequential).
        #[arg(long, default_values_t = [1, 8])]
        concurrency: Vec<usize>,
        /// Rounds of each compared operation.
        #[arg(long, default_value_t = 5)]
        rounds: usize,
        /// The pgbench binary; by default `pgbench` on PATH, else the newest
        /// /usr/lib/postgresql/*/bin/pgbench. Without one the mix is not compared with pgbench.
        #[arg(long)]
        pgbench: Option<std::path::PathBuf>,
        /// Do not run pgbench.
        #[arg(long, conflicts_with = "pgbench")]
        no_pgbench: bool,
        /// Seconds of each pgbench round.
        #[arg(long, default_value_t = 2)]
        pgbench_seconds: u64,
        /// The tokio runtime the contenders run on (all of them the same).
        #[arg(long, value_enum, default_value_t = RuntimeFlavor::MultiThread)]
        runtime: RuntimeFlavor,
    },
    /// Send an ActingWeb request mix (actor get, trust get by token, property reads and writes
    /// incl. the indexed e-mail and reverse lookups, attribute writes with TTL, subscription
    /// diff creation) at a fixed arrival rate, or from a number of closed-loop agents, to a
    /// population of actors it creates first; report latency per operation, errors by kind
    /// and pool acquisition times, then read every acknowledged write back and report how
    /// many are lost (exit status 1 when any is). Without a configured database it runs on a
    /// throwaway PostgreSQL over TCP loopback. Its actors are deleted at the end.
    Load(load::LoadArgs),
    /// Write every table except property_lookup (rebuilt by import) to DIR as <table>.json, in
    /// the format of the reference's DynamoDB -> PostgreSQL script, from one snapshot. DIR is
    /// created when missing; existing files are replaced.
    Export {
        /// The directory to write.
        dir: std::path::PathBuf,
    },
    /// Import the <table>.json files of DIR (written by `export` or by the reference's
    /// script): every record validated, one transaction per table, records already stored
    /// counted and left as they are, then property_lookup rebuilt for the indexed names.
    Import {
        /// The directory to read.
        dir: std::path::PathBuf,
        /// Read, validate and count everything, and write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Check the database against the files of DIR: every record's key, and a sample of
    /// records field by field. Exits 1 when anything is missing or differs.
    Validate {
        /// The directory to read.
        dir: std::path::PathBuf,
    },
    /// Import the tables of the reference's DynamoDB backend (AWS_DB_PREFIX, AWS_DEFAULT_REGION,
    /// AWS_DB_HOST, the standard AWS credentials) by parallel scans, through the validation and
    /// transactions of `import`: one transaction per table, property_lookup rebuilt. A repeated
    /// run replaces the rows that changed at the source; with --delete-missing it also deletes
    /// the rows gone from it.
    #[cfg(feature = "dynamodb")]
    ImportDynamodb {
        /// Parallel scan segments per table.
        #[arg(long, default_value_t = 4)]
        segments: u32,
        /// Delete the rows of each table whose item is gone from the source.
        #[arg(long)]
        delete_missing: bool,
        /// Read, validate and count everything, and write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Write the items to DIR as the <table>.json files `import` reads, instead of
        /// importing them (no database is used).
        #[arg(long, value_name = "DIR", conflicts_with_all = ["delete_missing", "dry_run", "scan_only"])]
        to_dir: Option<std::path::PathBuf>,
        /// Only scan the source tables and count their items (the source's raw scan rate).
        #[arg(long, conflicts_with_all = ["delete_missing", "dry_run"])]
        scan_only: bool,
    },
    /// Compare every item of the reference's DynamoDB tables with its row, and look for rows
    /// without an item; the items of its lookup table (<prefix>_property_lookup_v2, else
    /// <prefix>_property_lookup) are compared with the rows of property_lookup. Exits 1 on any
    /// difference, listing them.
    #[cfg(feature = "dynamodb")]
    ValidateDynamodb {
        /// Parallel scan segments per table.
        #[arg(long, default_value_t = 4)]
        segments: u32,
    },
}

/// A tokio runtime flavour.
#[derive(Clone, Copy, clap::ValueEnum)]
enum RuntimeFlavor {
    /// One worker thread per core (what `#[tokio::main]` starts).
    MultiThread,
    /// Every task on the thread that runs the command.
    CurrentThread,
}

impl RuntimeFlavor {
    /// The flavour's name, as the option spells it.
    fn name(self) -> &'static str {
        match self {
            RuntimeFlavor::MultiThread => "multi-thread",
            RuntimeFlavor::CurrentThread => "current-thread",
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    install_logging(cli.log_format);
    let flavor = match cli.command {
        Command::Bench { runtime, .. } => runtime,
        _ => RuntimeFlavor::MultiThread,
    };
    let runtime = match flavor {
        RuntimeFlavor::MultiThread => tokio::runtime::Builder::new_multi_thread(),
        RuntimeFlavor::CurrentThread => tokio::runtime::Builder::new_current_thread(),
    }
    .enable_all()
    .build();
    match runtime {
        Ok(runtime) => runtime.block_on(run(cli)),
        Err(e) => {
            eprintln!("error: cannot start the tokio runtime: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Runs the command of `cli`.
async fn run(cli: Cli) -> ExitCode {
    let result = match cli.command {
        Command::Demo => demo().await,
        Command::Migrate => migrate(cli.json).await,
        Command::Health => health(cli.json).await,
        Command::PurgeExpired { buckets, every } => purge_expired(cli.json, &buckets, every).await,
        Command::Bench {
            actors,
            concurrency,
            rounds,
            pgbench,
            no_pgbench,
            pgbench_seconds,
            runtime,
        } => {
            let options = bench::BenchOptions {
                actors,
                levels: concurrency,
                rounds,
                pgbench: if no_pgbench {
                    None
                } else {
                    pgbench.or_else(bench::find_pgbench)
                },
                pgbench_duration: std::time::Duration::from_secs(pgbench_seconds),
                runtime: runtime.name(),
            };
            run_bench(cli.json, &options).await
        }
        Command::Load(args) => run_load(cli.json, args).await,
        Command::Export { dir } => export(cli.json, &dir).await,
        Command::Import { dir, dry_run } => import(cli.json, &dir, dry_run).await,
        Command::Validate { dir } => validate(cli.json, &dir).await,
        #[cfg(feature = "dynamodb")]
        Command::ImportDynamodb {
            segments,
            delete_missing,
            dry_run,
            to_dir,
            scan_only,
        } => {
            let options = actingweb_pg::ImportOptions { dry_run };
            let sync = actingweb_pg::SyncOptions {
                update_changed: true,
                delete_missing,
            };
            let to_dir = to_dir.as_deref();
            import_dynamodb(cli.json, segments, options, sync, to_dir, scan_only).await
        }
        #[cfg(feature = "dynamodb")]
        Command::ValidateDynamodb { segments } => validate_dynamodb(cli.json, segments).await,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            match e.downcast_ref::<actingweb_pg::Error>() {
                Some(e) => eprintln!("error: {e:#}"),
                None => eprintln!("error: {e}"),
            }
            ExitCode::FAILURE
        }
    }
}

type AnyResult<T> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

fn database_configured() -> bool {
    ["DATABASE_URL", "PG_DB_HOST"]
        .iter()
        .any(|name| std::env::var(name).is_ok_and(|v| !v.is_empty()))
}

/// A command's store and the throwaway cluster it may run on. The store's connections close
/// before the cluster stops: a server shutting down under open connections makes each of them
/// log a connection error.
struct Database {
    store: Store,
    _cluster: Option<Cluster>,
}

impl Database {
    fn new((store, cluster): (Store, Option<Cluster>)) -> Database {
        Database {
            store,
            _cluster: cluster,
        }
    }
}

impl Drop for Database {
    fn drop(&mut self) {
        self.store.close();
    }
}

/// The demo's database: the configured one, or a migrated throwaway cluster (returned so that
/// it lives as long as the demo).
async fn demo_store() -> AnyResult<(Store, Option<Cluster>)> {
    if database_configured() {
        let config = Config::from_env()?;
        println!("database: {config:?}");
        return Ok((Store::connect(config).await?, None));
    }
    let cluster = Cluster::start()?;
    println!(
        "database: throwaway PostgreSQL in {} (deleted on exit)",
        cluster.dir().display()
    );
    let store = Store::connect(Config::from_url(&cluster.url("postgres"))?).await?;
    store.migrate().await?;
    Ok((store, Some(cluster)))
}

async fn demo() -> AnyResult<()> {
    let database = Database::new(demo_store().await?);
    let store = &database.store;
    let id = format!("demo-{}", std::process::id());
    let email = format!("{id}@example.com");

    let actor = store
        .actors()
        .create(
            &id,
            "Demo.Owner@Example.COM",
            "correct horse battery staple",
        )
        .await?;
    println!("created actor {actor:?}");

    let properties = store.properties();
    properties.set(&id, "displayName", "Demo Actor").await?;
    let settings = json!({"theme": "dark", "langs": ["en", "nø"], "zoom": 1.5, "beta": false});
    properties.set_json(&id, "settings", &settings).await?;
    properties.set(&id, "email", &email).await?;
    for (name, value) in properties.fetch(&id).await? {
        println!("property {name:<12} = {value}");
    }

    let found = properties.actor_id_by_value("email", &email).await?;
    println!("reverse lookup email={email} -> {found:?}");

    let removed = properties.delete_all(&id).await?;
    let deleted = store.actors().delete(&id).await?;
    println!("cleaned up: {removed} properties, actor deleted: {deleted}");
    Ok(())
}

async fn configured_store() -> AnyResult<Store> {
    Ok(Store::connect(Config::from_env()?).await?)
}

async fn migrate(json: bool) -> AnyResult<()> {
    let report = configured_store().await?.migrate().await?;
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else if report.applied.is_empty() {
        println!(
            "schema {} is current at revision {}; nothing to do",
            report.schema, report.after
        );
    } else {
        println!(
            "schema {}: {} -> {} (applied {})",
            report.schema,
            report.before.as_deref().unwrap_or("empty"),
            report.after,
            report.applied.join(", ")
        );
    }
    Ok(())
}

async fn health(json: bool) -> AnyResult<()> {
    let health = configured_store().await?.health().await?;
    if json {
        println!("{}", serde_json::to_string_pretty(&health)?);
        return Ok(());
    }
    let pool = health.pool;
    println!("server version      {}", health.server_version);
    println!("schema              {}", health.schema);
    println!(
        "schema revision     {}",
        health.schema_revision.as_deref().unwrap_or("none")
    );
    println!(
        "pool                size {} / max {}, idle {}, waiting {}",
        pool.size, pool.max_size, pool.idle, pool.waiting
    );
    println!("active connections  {}", health.active_connections);
    println!("database size       {} bytes", health.database_size_bytes);
    println!("{:<26} {:>12} {:>14}", "table", "rows (est.)", "bytes");
    for table in &health.tables {
        println!(
            "{:<26} {:>12} {:>14}",
            table.name, table.row_estimate, table.total_bytes
        );
    }
    for replica in &health.replicas {
        let lag = replica
            .lag_seconds
            .map_or("lag unknown".to_string(), |s| format!("lag {s:.3} s"));
        let bytes = replica
            .lag_bytes
            .map_or(String::new(), |b| format!(", {b} bytes to replay"));
        let error = replica
            .error
            .as_deref()
            .map_or(String::new(), |e| format!(": {e}"));
        println!(
            "replica {:<20} {:?}, {lag}{bytes}{error}",
            replica.server, replica.status
        );
    }
    Ok(())
}

/// The database of `bench` and `load`: the configured one, or a migrated throwaway cluster
/// over TCP loopback with a pool of `pool_size` connections (returned so that it lives as long
/// as the store).
async fn workload_store(pool_size: usize, json: bool) -> AnyResult<(Store, Option<Cluster>)> {
    let (store, cluster) = if database_configured() {
        (Store::connect(Config::from_env()?).await?, None)
    } else {
        let cluster = Cluster::start_with(ClusterOptions { tcp: true })?;
        let url = cluster.tcp_url("postgres").expect("listening on TCP");
        let config = Config::from_url(&url)?.pool_size(pool_size, pool_size)?;
        let store = Store::connect(config).await?;
        store.migrate().await?;
        (store, Some(cluster))
    };
    if !json {
        eprintln!("database: {:?}", store.config());
    }
    Ok((store, cluster))
}

async fn run_bench(json: bool, options: &bench::BenchOptions) -> AnyResult<()> {
    if options.actors == 0 || options.levels.contains(&0) || options.rounds == 0 {
        return Err("--actors, --concurrency and --rounds must be at least 1".into());
    }
    if options.pgbench.is_some() && options.pgbench_duration.is_zero() {
        return Err("--pgbench-seconds must be at least 1".into());
    }
    let max_concurrency = options.levels.iter().copied().max().unwrap_or(1);
    let database = Database::new(workload_store(max_concurrency, json).await?);
    let store = &database.store;
    if !json {
        match &options.pgbench {
            Some(program) => eprintln!("pgbench: {}", program.display()),
            None => eprintln!("pgbench: not run"),
        }
    }
    let report = bench::run(store, options).await?;
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", bench::table(&report));
    }
    Ok(())
}

async fn run_load(json: bool, args: load::LoadArgs) -> AnyResult<()> {
    let database = Database::new(workload_store(args.parallelism().clamp(1, 250), json).await?);
    let store = &database.store;
    load::command(store, args, json).await
}

/// `30s`, `5m`, `1h` or plain seconds.
fn parse_interval(text: &str) -> Result<std::time::Duration, String> {
    let (number, unit) = match text.find(|c: char| !c.is_ascii_digit()) {
        Some(i) => text.split_at(i),
        None => (text, "s"),
    };
    let n: u64 = number
        .parse()
        .map_err(|_| format!("{text:?} is not a whole number with an optional s, m or h"))?;
    let seconds = match unit {
        "s" => n,
        "m" => n * 60,
        "h" => n * 3600,
        _ => return Err(format!("unknown unit {unit:?} in {text:?}: use s, m or h")),
    };
    if seconds == 0 {
        return Err("the interval must be at least 1s".into());
    }
    Ok(std::time::Duration::from_secs(seconds))
}

async fn purge_expired(
    json: bool,
    buckets: &[String],
    every: Option<std::time::Duration>,
) -> AnyResult<()> {
    let store = configured_store().await?;
    let buckets: Vec<&str> = buckets.iter().map(String::as_str).collect();
    let filter = (!buckets.is_empty()).then_some(buckets.as_slice());
    // Registered before the first purge, so a signal that arrives while one runs ends the
    // loop after it instead of killing the process in the middle.
    let mut stop = std::pin::pin!(stop_requested()?);
    loop {
        let purged = store.attributes().delete_expired(None, filter).await?;
        if json {
            println!("{}", serde_json::json!({ "purged": purged }));
        } else {
            println!("purged {purged} expired attributes");
        }
        let Some(interval) = every else { return Ok(()) };
        tokio::select! {
            _ = tokio::time::sleep(interval) => {}
            _ = &mut stop => return Ok(()),
        }
    }
}

/// Resolves on the first SIGINT (Ctrl-C) or SIGTERM (what `kill`, systemd and container
/// runtimes send to stop a service).
fn stop_requested() -> AnyResult<impl std::future::Future<Output = ()>> {
    // Both handlers are registered here, before the first purge: `tokio::signal::ctrl_c()`
    // would register SIGINT's only when first polled, and a SIGINT before that kills the process.
    #[cfg(unix)]
    let (mut term, mut interrupt) = {
        use tokio::signal::unix::{SignalKind, signal};
        (
            signal(SignalKind::terminate())?,
            signal(SignalKind::interrupt())?,
        )
    };
    Ok(async move {
        #[cfg(unix)]
        tokio::select! {
            _ = interrupt.recv() => {}
            _ = term.recv() => {}
        }
        #[cfg(not(unix))]
        let _ = tokio::signal::ctrl_c().await;
    })
}

/// The progress bar of export, import and validate: on stderr when it is a terminal, hidden
/// otherwise.
struct TransferBar(indicatif::ProgressBar);

impl TransferBar {
    fn new() -> TransferBar {
        use std::io::IsTerminal;
        TransferBar(if std::io::stderr().is_terminal() {
            indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::stderr())
        } else {
            indicatif::ProgressBar::hidden()
        })
    }
}

impl actingweb_pg::TransferProgress for TransferBar {
    fn table_started(&self, table: &str, total_bytes: Option<u64>) {
        let template = match total_bytes {
            Some(_) => "{spinner} {msg:40} [{bar:30}] {bytes}/{total_bytes} {elapsed}",
            None => "{spinner} {msg:40} {elapsed}",
        };
        let style = indicatif::ProgressStyle::with_template(template)
            .expect("a valid template")
            .progress_chars("=> ");
        self.0.reset();
        self.0.set_style(style);
        self.0.set_length(total_bytes.unwrap_or(0));
        self.0.set_message(table.to_string());
    }

    fn rows_done(&self, table: &str, rows: u64, bytes: Option<u64>) {
        self.0.set_message(format!("{table}: {rows} rows"));
        match bytes {
            Some(bytes) => self.0.set_position(bytes),
            None => self.0.tick(),
        }
    }

    fn table_finished(&self, _table: &str) {
        self.0.set_position(self.0.length().unwrap_or(0));
    }
}

impl Drop for TransferBar {
    fn drop(&mut self) {
        self.0.finish_and_clear();
    }
}

fn rate(rows: u64, elapsed: std::time::Duration) -> String {
    let seconds = elapsed.as_secs_f64();
    format!(
        "{rows} rows in {seconds:.2} s ({:.0} rows/s)",
        rows as f64 / seconds.max(1e-9)
    )
}

async fn export(json: bool, dir: &std::path::Path) -> AnyResult<()> {
    let store = configured_store().await?;
    let started = std::time::Instant::now();
    let report = store.export(dir, &TransferBar::new()).await?;
    print_export(json, dir, &report, started)
}

/// Prints the files an export wrote.
fn print_export(
    json: bool,
    dir: &std::path::Path,
    report: &actingweb_pg::ExportReport,
    started: std::time::Instant,
) -> AnyResult<()> {
    if json {
        println!("{}", serde_json::to_string_pretty(report)?);
        return Ok(());
    }
    println!("{:<26} {:<32} {:>10}", "table", "file", "rows");
    for table in &report.tables {
        println!("{:<26} {:<32} {:>10}", table.table, table.file, table.rows);
    }
    println!("{:<26} {:<32} {:>10}", "total", "", report.total_rows());
    println!(
        "exported to {}: {}",
        dir.display(),
        rate(report.total_rows(), started.elapsed())
    );
    Ok(())
}

async fn import(json: bool, dir: &std::path::Path, dry_run: bool) -> AnyResult<()> {
    let store = configured_store().await?;
    let started = std::time::Instant::now();
    let options = actingweb_pg::ImportOptions { dry_run };
    let report = store.import(dir, options, &TransferBar::new()).await?;
    print_import(json, &report, false, started)
}

/// Prints what an import did, per table; the updated and deleted columns only when the import
/// synchronised (replaced changed rows).
fn print_import(
    json: bool,
    report: &actingweb_pg::ImportReport,
    synchronised: bool,
    started: std::time::Instant,
) -> AnyResult<()> {
    if json {
        println!("{}", serde_json::to_string_pretty(report)?);
        return Ok(());
    }
    // The updated and deleted columns of a synchronisation.
    let sync = |updated: &dyn std::fmt::Display, deleted: &dyn std::fmt::Display| {
        if synchronised {
            format!(" {updated:>10} {deleted:>10}")
        } else {
            String::new()
        }
    };
    let sync_header = sync(&"updated", &"deleted");
    println!(
        "{:<26} {:>10} {:>10} {:>10}{sync_header}  note",
        "table", "read", "inserted", "present"
    );
    for t in &report.tables {
        let line = format!(
            "{:<26} {:>10} {:>10} {:>10}{}  {}",
            t.table,
            t.rows_read,
            t.inserted,
            t.already_present,
            sync(&t.updated, &t.deleted),
            t.note.as_deref().unwrap_or("")
        );
        println!("{}", line.trim_end());
    }
    let (read, inserted) = (report.total_read(), report.total_inserted());
    let (updated, deleted) = (report.total_updated(), report.total_deleted());
    let totals = sync(&updated, &deleted);
    println!(
        "{:<26} {read:>10} {inserted:>10} {:>10}{totals}",
        "total",
        read - inserted - updated
    );
    if report.dry_run {
        println!("dry run: nothing was written");
    }
    println!("read {}", rate(read, started.elapsed()));
    Ok(())
}

async fn validate(json: bool, dir: &std::path::Path) -> AnyResult<()> {
    let store = configured_store().await?;
    let report = store.validate_import(dir, &TransferBar::new()).await?;
    print_validation(json, &report)
}

/// Prints what a validation found; fails when it did not pass.
fn print_validation(json: bool, report: &actingweb_pg::ValidationReport) -> AnyResult<()> {
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        println!(
            "{:<26} {:>10} {:>10} {:>10} {:>10}  note",
            "table", "records", "found", "sampled", "mismatches"
        );
        for t in &report.tables {
            let line = format!(
                "{:<26} {:>10} {:>10} {:>10} {:>10}  {}",
                t.table,
                t.json_records,
                t.found,
                t.sampled,
                t.mismatches.len(),
                t.note.as_deref().unwrap_or("")
            );
            println!("{}", line.trim_end());
        }
        for t in &report.tables {
            for m in &t.mismatches {
                println!(
                    "mismatch: {} record {} {}: {}: json {}, database {}",
                    t.file, m.record, m.key, m.field, m.json, m.database
                );
            }
            for key in &t.extra_rows {
                println!("extra row: {} {key}: no record has this key", t.table);
            }
        }
    }
    if report.passed() {
        if !json {
            println!("validation passed");
        }
        return Ok(());
    }
    let missing: u64 = report.tables.iter().map(|t| t.json_records - t.found).sum();
    let differing = report
        .tables
        .iter()
        .flat_map(|t| &t.mismatches)
        .filter(|m| m.field != "row")
        .count();
    let extra: usize = report.tables.iter().map(|t| t.extra_rows.len()).sum();
    let extra = if extra > 0 {
        format!(", extra rows: {extra}")
    } else {
        String::new()
    };
    Err(
        format!("validation failed: missing rows: {missing}, differing fields: {differing}{extra}")
            .into(),
    )
}

#[cfg(feature = "dynamodb")]
async fn import_dynamodb(
    json: bool,
    segments: u32,
    options: actingweb_pg::ImportOptions,
    sync: actingweb_pg::SyncOptions,
    to_dir: Option<&std::path::Path>,
    scan_only: bool,
) -> AnyResult<()> {
    let mut source = dynamodb::DynamoSource::connect(segments).await?;
    let started = std::time::Instant::now();
    if scan_only {
        let items = source.scan_all().await?;
        let elapsed = started.elapsed();
        if json {
            let seconds = elapsed.as_secs_f64();
            println!("{}", json!({"items": items, "seconds": seconds}));
        } else {
            println!("scanned {}", rate(items, elapsed).replace("rows", "items"));
        }
        return Ok(());
    }
    if let Some(dir) = to_dir {
        let report = actingweb_pg::export_from(&mut source, dir, &TransferBar::new()).await?;
        return print_export(json, dir, &report, started);
    }
    let store = configured_store().await?;
    let report = store
        .import_from(&mut source, options, sync, &TransferBar::new())
        .await?;
    print_import(json, &report, true, started)
}

#[cfg(feature = "dynamodb")]
async fn validate_dynamodb(json: bool, segments: u32) -> AnyResult<()> {
    let mut source = dynamodb::DynamoSource::connect(segments).await?;
    let store = configured_store().await?;
    let progress = TransferBar::new();
    let mut report = store.validate_from(&mut source, &progress).await?;
    let lookup = source.validate_lookup(&store, &progress).await?;
    report.tables.extend(lookup);
    print_validation(json, &report)
}
