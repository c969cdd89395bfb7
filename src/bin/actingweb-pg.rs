//! `actingweb-pg`: the operator command line of the actingweb-pg storage layer.

use std::process::ExitCode;

use actingweb_pg::throwaway::Cluster;
use actingweb_pg::{Config, Store};
use clap::{Parser, Subcommand};
use serde_json::json;

/// Operate an ActingWeb PostgreSQL database.
///
/// The database is `DATABASE_URL`, or the reference's `PG_DB_*` variables (see the README).
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create an actor, set plain and JSON properties, look the actor up by e-mail, and print
    /// each step. Without DATABASE_URL or PG_DB_HOST it runs against a throwaway PostgreSQL
    /// started from the local server binaries; a configured database must hold schema.sql.
    Demo,
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Demo => demo().await,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            let mut source = e.source();
            while let Some(cause) = source {
                eprintln!("  caused by: {cause}");
                source = cause.source();
            }
            ExitCode::FAILURE
        }
    }
}

type AnyResult<T> = Result<T, Box<dyn std::error::Error>>;

fn database_configured() -> bool {
    ["DATABASE_URL", "PG_DB_HOST"]
        .iter()
        .any(|name| std::env::var(name).is_ok_and(|v| !v.is_empty()))
}

/// The demo's database: the configured one, or a throwaway cluster holding schema.sql (the
/// cluster is returned so that it lives as long as the demo).
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
    let (client, connection) =
        tokio_postgres::connect(&cluster.url("postgres"), tokio_postgres::NoTls).await?;
    let connection = tokio::spawn(connection);
    // DDL, not a query: the head schema, as psql would apply it.
    client
        .batch_execute(include_str!("../../schema.sql"))
        .await?;
    drop(client);
    connection.await??;
    let config = Config::from_url(&cluster.url("postgres"))?;
    Ok((Store::connect(config).await?, Some(cluster)))
}

async fn demo() -> AnyResult<()> {
    let (store, _cluster) = demo_store().await?;
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
