//! The store behind a real PgBouncer (Debian's `/usr/sbin/pgbouncer`), in transaction and in
//! session pooling mode, each also with a prefixed schema: the whole entity API, migrations,
//! health, the caller's transactions, concurrency over fewer server connections than client
//! connections, the deletes that count their rows (committed when they report), and the
//! failure that transaction mode (`Pooler::Transaction`) prevents.
//!
//! One throwaway cluster and two PgBouncers (transaction and session mode, two server
//! connections per database) serve the whole file; every test has a database of its own, so
//! its PgBouncer pool of its own.

mod common;

use std::collections::BTreeMap;
use std::sync::OnceLock;
use std::time::Duration;

use actingweb_pg::{
    Config, DeletedRows, ErrorKind, NewSubscription, NewTrust, Pooler, Store, TrustUpdate,
};
use actingweb_pg_testkit::pgbouncer::{PgBouncer, PgBouncerOptions, PoolMode};
use actingweb_pg_testkit::tables::row_count;
use actingweb_pg_testkit::throwaway::Cluster;
use common::{assert_err, connect};
use serde_json::json;

/// The cluster and its PgBouncers, for the whole test process (their watchdogs stop them
/// and delete their files when the process exits).
struct Servers {
    cluster: Cluster,
    transaction: PgBouncer,
    session: PgBouncer,
}

fn servers() -> &'static Servers {
    static SERVERS: OnceLock<Servers> = OnceLock::new();
    SERVERS.get_or_init(|| {
        let cluster = Cluster::start().expect("start a throwaway cluster");
        let transaction = PgBouncer::start(&cluster, PgBouncerOptions::new(PoolMode::Transaction))
            .expect("start PgBouncer in transaction mode");
        let session = PgBouncer::start(&cluster, PgBouncerOptions::new(PoolMode::Session))
            .expect("start PgBouncer in session mode");
        Servers {
            cluster,
            transaction,
            session,
        }
    })
}

/// A new empty database on the cluster (made directly, not through PgBouncer).
async fn database() -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let name = format!("bouncer_{}", COUNTER.fetch_add(1, Ordering::Relaxed));
    let admin = connect(&servers().cluster.url("postgres")).await;
    admin
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .await
        .unwrap();
    name
}

/// A configuration for `db` through `bouncer`, with the pooler mode and the schema.
fn config(bouncer: &PgBouncer, db: &str, pooler: Pooler, schema: &str) -> Config {
    Config::from_url(&bouncer.url(db))
        .unwrap()
        .pooler(pooler)
        .schema(schema)
        .unwrap()
        .pool_size(1, 8)
        .unwrap()
}

/// A migrated store on a new database through `bouncer`.
async fn store(bouncer: &PgBouncer, pooler: Pooler, schema: &str) -> (String, Store) {
    let db = database().await;
    let store = Store::connect(config(bouncer, &db, pooler, schema))
        .await
        .unwrap();
    let report = store.migrate().await.unwrap();
    assert_eq!(report.schema, schema);
    assert_eq!(report.before, None);
    assert_eq!(report.applied, [actingweb_pg::HEAD_REVISION]);
    (db, store)
}

/// Every entity of the API, with exact results, then the actor's deletion.
async fn exercise(store: &Store) {
    let a = "a1";
    // Actors.
    let actor = store
        .actors()
        .create(a, "Me@Example.com", "pw")
        .await
        .unwrap();
    assert_eq!(actor.creator, "me@example.com");
    let got = store.actors().get(a).await.unwrap().unwrap();
    assert_eq!((got.id.as_str(), got.passphrase.as_str()), (a, "pw"));
    assert_err(
        store.actors().create(a, "x@example.com", "pw").await,
        ErrorKind::Conflict,
        "already exists",
    );
    assert_eq!(
        store
            .actors()
            .get_by_creator("me@example.com")
            .await
            .unwrap()
            .len(),
        1
    );

    // Properties, an indexed one keeping the lookup table in step.
    let properties = store.properties();
    properties.set(a, "email", "me@example.com").await.unwrap();
    properties.set(a, "colour", "blue").await.unwrap();
    properties
        .set_json(a, "list:x-#1", &json!({"n": 1}))
        .await
        .unwrap();
    assert_eq!(
        properties.get(a, "colour").await.unwrap().as_deref(),
        Some("blue")
    );
    assert_eq!(
        properties
            .actor_id_by_value("email", "me@example.com")
            .await
            .unwrap()
            .as_deref(),
        Some(a)
    );
    assert_eq!(
        store
            .property_lookup()
            .get("email", "me@example.com")
            .await
            .unwrap()
            .as_deref(),
        Some(a)
    );
    assert!(
        properties
            .set_if_value_equals(a, "colour", "blue", "red")
            .await
            .unwrap()
    );
    assert!(
        !properties
            .set_if_value_equals(a, "colour", "blue", "green")
            .await
            .unwrap()
    );
    properties.set(a, "email", "new@example.com").await.unwrap();
    assert_eq!(
        properties
            .actor_id_by_value("email", "me@example.com")
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        properties.fetch(a).await.unwrap(),
        BTreeMap::from([
            ("colour".to_string(), "red".to_string()),
            ("email".to_string(), "new@example.com".to_string()),
        ])
    );
    assert_eq!(
        properties.fetch_all_including_lists(a).await.unwrap().len(),
        3
    );

    // Trusts.
    let trust = store
        .trusts()
        .create(
            a,
            &NewTrust {
                peerid: "p1".into(),
                baseuri: "https://p1.example.com/p1".into(),
                peer_type: "urn:actingweb:example".into(),
                relationship: "friend".into(),
                secret: "s3cret".into(),
                ..NewTrust::default()
            },
        )
        .await
        .unwrap();
    assert!(!trust.approved);
    let by_token = store.trusts().get_by_token(a, "s3cret").await.unwrap();
    assert_eq!(by_token.map(|t| t.peerid), Some("p1".to_string()));
    assert!(
        store
            .trusts()
            .modify(
                a,
                "p1",
                &TrustUpdate {
                    approved: Some(true),
                    ..TrustUpdate::default()
                },
            )
            .await
            .unwrap()
    );
    let trusts = store.trusts().list(a).await.unwrap();
    assert_eq!(trusts.len(), 1);
    assert!(trusts[0].approved);

    // Peer trustees.
    let trustee = store
        .peer_trustees()
        .create(
            a,
            "p2",
            "urn:actingweb:peer",
            "https://p2.example.com",
            "pw2",
        )
        .await
        .unwrap();
    assert_eq!(trustee.peer_type, "urn:actingweb:peer");
    let got = store.peer_trustees().get(a, "p2").await.unwrap().unwrap();
    assert_eq!(got.baseuri, "https://p2.example.com");
    assert_eq!(store.peer_trustees().list(a).await.unwrap().len(), 1);

    // Subscriptions and their diffs.
    store
        .subscriptions()
        .create(
            a,
            &NewSubscription {
                peerid: "p1".into(),
                subid: "s1".into(),
                target: Some("properties".into()),
                seqnr: 1,
                ..NewSubscription::default()
            },
        )
        .await
        .unwrap();
    let sub = store
        .subscriptions()
        .get(a, "p1", "s1")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(sub.target.as_deref(), Some("properties"));
    let diffs = store.subscription_diffs();
    diffs.create(a, "s1", 1, r#"{"x":1}"#).await.unwrap();
    diffs.create(a, "s1", 2, r#"{"x":2}"#).await.unwrap();
    let listed: Vec<i32> = diffs
        .list(a, Some("s1"))
        .await
        .unwrap()
        .iter()
        .map(|d| d.seqnr)
        .collect();
    assert_eq!(listed, [1, 2]);
    assert_eq!(diffs.delete_up_to(a, Some("s1"), Some(1)).await.unwrap(), 1);
    let first = diffs.get(a, "s1", None).await.unwrap().unwrap();
    assert_eq!((first.seqnr, first.diff.as_str()), (2, r#"{"x":2}"#));

    // Attributes, one live and one already expired.
    let attributes = store.attributes();
    attributes
        .set(a, "b", "live", &json!({"k": 1}), Some(3600))
        .await
        .unwrap();
    attributes
        .set(a, "b", "gone", &json!(2), Some(-7200))
        .await
        .unwrap();
    let live = attributes.get(a, "b", "live").await.unwrap().unwrap();
    assert_eq!(live.data, json!({"k": 1}));
    assert!(live.ttl_timestamp.is_some());
    assert_eq!(attributes.get(a, "b", "gone").await.unwrap(), None);
    let bucket = attributes.get_bucket(a, "b").await.unwrap();
    assert_eq!(bucket.keys().collect::<Vec<_>>(), ["live"]);
    assert_eq!(attributes.delete_expired(None, None).await.unwrap(), 1);

    // Suspensions.
    let suspensions = store.suspensions(a);
    assert!(suspensions.suspend("properties", None).await.unwrap());
    assert!(suspensions.is_suspended("properties", None).await.unwrap());
    assert!(suspensions.resume("properties", None).await.unwrap());
    assert!(!suspensions.is_suspended("properties", None).await.unwrap());
    assert!(suspensions.suspend("properties", Some("x")).await.unwrap());
    assert_eq!(suspensions.list().await.unwrap().len(), 1);

    // The caller's transaction: committed, and rolled back on an error.
    store
        .transaction(|tx| {
            Box::pin(async move {
                tx.properties().set(a, "t1", "v1").await?;
                tx.attributes()
                    .set(a, "b", "t1", &json!("in a transaction"), None)
                    .await?;
                Ok(())
            })
        })
        .await
        .unwrap();
    assert_eq!(
        properties.get(a, "t1").await.unwrap().as_deref(),
        Some("v1")
    );
    let failed = store
        .transaction(|tx| {
            Box::pin(async move {
                tx.properties().set(a, "t2", "v2").await?;
                tx.actors().create(a, "me@example.com", "pw").await?;
                Ok(())
            })
        })
        .await;
    assert_err(failed, ErrorKind::Conflict, "already exists");
    assert_eq!(properties.get(a, "t2").await.unwrap(), None);

    // Everything of the actor, in one transaction.
    assert_eq!(
        store.delete_actor(a).await.unwrap(),
        DeletedRows {
            actors: 1,
            properties: 4,
            property_lookup: 1,
            trusts: 1,
            peer_trustees: 1,
            subscriptions: 1,
            subscription_diffs: 1,
            attributes: 2,
            suspensions: 1,
        }
    );
    assert_eq!(store.actors().get(a).await.unwrap(), None);
    assert!(store.actors().list().await.unwrap().is_empty());
}

/// The schema's tables exist in `schema` on the server, counted directly.
async fn tables_in(db: &str, schema: &str) -> i64 {
    let client = connect(&servers().cluster.url(db)).await;
    client
        .query_one(
            "SELECT count(*) FROM pg_tables WHERE schemaname = $1",
            &[&schema],
        )
        .await
        .unwrap()
        .get(0)
}

/// The whole API through `bouncer` with `pooler`, in `schema`; then ping and health, and
/// the tables where they belong.
async fn entity_api(bouncer: &PgBouncer, pooler: Pooler, schema: &str) {
    let (db, store) = store(bouncer, pooler, schema).await;
    // Boxed: the future is large for a test thread's stack in a debug build.
    Box::pin(exercise(&store)).await;
    store.ping().await.unwrap();
    let health = store.health().await.unwrap();
    assert_eq!(health.schema, schema);
    assert_eq!(
        health.schema_revision.as_deref(),
        Some(actingweb_pg::HEAD_REVISION)
    );
    assert_eq!(health.tables.len(), 10);
    assert_eq!(tables_in(&db, schema).await, 10);
    if schema != "public" {
        assert_eq!(tables_in(&db, "public").await, 0);
    }
}

#[tokio::test]
async fn the_entity_api_works_through_transaction_pooling() {
    entity_api(&servers().transaction, Pooler::Transaction, "public").await;
}

#[tokio::test]
async fn the_entity_api_works_through_transaction_pooling_in_a_prefixed_schema() {
    entity_api(&servers().transaction, Pooler::Transaction, "tenant_public").await;
}

#[tokio::test]
async fn the_entity_api_works_through_session_pooling() {
    entity_api(&servers().session, Pooler::Session, "public").await;
}

#[tokio::test]
async fn the_entity_api_works_through_session_pooling_in_a_prefixed_schema() {
    entity_api(&servers().session, Pooler::Session, "tenant_public").await;
}

/// PG_DB_POOLER and PG_DB_PREFIX select the mode and the schema from the environment.
#[tokio::test]
async fn the_environment_selects_transaction_pooling_and_the_prefixed_schema() {
    let db = database().await;
    let url = servers().transaction.url(&db);
    let config = Config::from_vars([
        ("DATABASE_URL", url.as_str()),
        ("PG_DB_POOLER", "transaction"),
        ("PG_DB_PREFIX", "env_"),
    ])
    .unwrap();
    assert_eq!(config.get_pooler(), Pooler::Transaction);
    let store = Store::connect(config).await.unwrap();
    assert_eq!(store.migrate().await.unwrap().schema, "env_public");
    // Boxed: the future is large for a test thread's stack in a debug build.
    Box::pin(exercise(&store)).await;
    assert_eq!(tables_in(&db, "env_public").await, 10);
}

/// Sixteen tasks at once on a store of eight connections, through two server connections:
/// every operation succeeds and every value read is the one written, in a prefixed schema.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_operations_share_two_server_connections() {
    let (_db, store) = store(&servers().transaction, Pooler::Transaction, "shared_srv").await;
    let tasks = (0..16).map(|task| {
        let store = store.clone();
        tokio::spawn(async move {
            let id = format!("actor{task}");
            store
                .actors()
                .create(&id, &format!("c{task}@example.com"), "pw")
                .await
                .unwrap();
            for round in 0..20 {
                let value = format!("{task}-{round}");
                store.properties().set(&id, "email", &value).await.unwrap();
                assert_eq!(
                    store.properties().get(&id, "email").await.unwrap(),
                    Some(value.clone())
                );
                assert_eq!(
                    store
                        .properties()
                        .actor_id_by_value("email", &value)
                        .await
                        .unwrap(),
                    Some(id.clone())
                );
                store
                    .attributes()
                    .set(&id, "b", "n", &json!(round), Some(60))
                    .await
                    .unwrap();
            }
            store
                .attributes()
                .get(&id, "b", "n")
                .await
                .unwrap()
                .unwrap()
                .data
        })
    });
    for done in futures::future::join_all(tasks).await {
        assert_eq!(done.unwrap(), json!(19));
    }
    assert_eq!(store.actors().list().await.unwrap().len(), 16);
    let status = store.pool().status();
    assert!(status.size <= 8, "{status:?}");
    // The server saw at most PgBouncer's two connections to this database.
    let health = store.health().await.unwrap();
    assert!(
        (1..=2).contains(&health.active_connections),
        "{}",
        health.active_connections
    );
}

/// The rows of `table` in `schema`, read on `direct`, a connection to the server itself.
async fn rows(direct: &tokio_postgres::Client, schema: &str, table: &str) -> i64 {
    row_count(direct, schema, table).await.unwrap()
}

/// A migrated store in `schema` of a new database through the transaction-mode PgBouncer,
/// with the bouncer, the database's name and a connection to the server itself.
async fn counted_delete_store(
    schema: &str,
) -> (&'static PgBouncer, String, Store, tokio_postgres::Client) {
    let bouncer = &servers().transaction;
    let (db, store) = store(bouncer, Pooler::Transaction, schema).await;
    let direct = connect(&servers().cluster.url(&db)).await;
    (bouncer, db, store, direct)
}

/// A subscription of `subid` to peer `p1`.
fn subscription(subid: &str) -> NewSubscription {
    NewSubscription {
        peerid: "p1".into(),
        subid: subid.into(),
        seqnr: 1,
        ..NewSubscription::default()
    }
}

/// Every delete that counts the rows it removes, through transaction pooling: the count is
/// exact, and the rows are gone for a connection of the test's own to the server right after
/// the delete reported, so its per-statement transaction was committed by then. Another
/// actor's rows stay.
#[tokio::test]
async fn deletes_through_transaction_pooling_report_their_rows_once_committed() {
    let schema = "tenant_deletes";
    let (bouncer, db, store, direct) = counted_delete_store(schema).await;
    for a in ["a1", "a2"] {
        store.actors().create(a, "c", "pw").await.unwrap();
    }

    // Attributes: bucket b1 with an expired row, bucket b2 with two rows of chain c1.
    let attributes = store.attributes();
    for (a, bucket, name, data, ttl) in [
        ("a1", "b1", "x", json!(1), None),
        ("a1", "b1", "y", json!(2), Some(3600)),
        ("a1", "b1", "z", json!(3), Some(-7200)),
        ("a1", "b2", "t1", json!({"chain_id": "c1"}), None),
        ("a1", "b2", "t2", json!({"chain_id": "c1"}), None),
        ("a1", "b2", "t3", json!({"chain_id": "c2"}), None),
        ("a2", "b1", "x", json!(1), None),
    ] {
        attributes.set(a, bucket, name, &data, ttl).await.unwrap();
    }
    assert_eq!(rows(&direct, schema, "attributes").await, 7);
    assert_eq!(attributes.delete_bucket("a1", "b1").await.unwrap(), 3);
    assert_eq!(rows(&direct, schema, "attributes").await, 4);
    assert_eq!(
        attributes
            .delete_by_chain("a1", &["b2"], "c1")
            .await
            .unwrap(),
        2
    );
    assert_eq!(rows(&direct, schema, "attributes").await, 2);
    assert_eq!(attributes.delete_all("a1").await.unwrap(), 1);
    assert_eq!(rows(&direct, schema, "attributes").await, 1);

    // Subscription diffs: up to a sequence number of one subscription, then all.
    let diffs = store.subscription_diffs();
    for (a, subid, seqnr) in [
        ("a1", "s1", 1),
        ("a1", "s1", 2),
        ("a1", "s1", 3),
        ("a1", "s2", 1),
        ("a2", "s1", 1),
    ] {
        diffs.create(a, subid, seqnr, "{}").await.unwrap();
    }
    assert_eq!(rows(&direct, schema, "subscription_diffs").await, 5);
    assert_eq!(
        diffs.delete_up_to("a1", Some("s1"), Some(2)).await.unwrap(),
        2
    );
    assert_eq!(rows(&direct, schema, "subscription_diffs").await, 3);
    assert_eq!(diffs.delete_up_to("a1", None, None).await.unwrap(), 2);
    assert_eq!(rows(&direct, schema, "subscription_diffs").await, 1);

    // Subscriptions.
    for (a, subid) in [("a1", "s1"), ("a1", "s2"), ("a2", "s1")] {
        store
            .subscriptions()
            .create(a, &subscription(subid))
            .await
            .unwrap();
    }
    assert_eq!(rows(&direct, schema, "subscriptions").await, 3);
    assert_eq!(store.subscriptions().delete_all("a1").await.unwrap(), 2);
    assert_eq!(rows(&direct, schema, "subscriptions").await, 1);

    // Suspensions.
    for (a, target, subtarget) in [
        ("a1", "properties", None),
        ("a1", "properties", Some("x")),
        ("a1", "meta", None),
        ("a2", "properties", None),
    ] {
        assert!(
            store
                .suspensions(a)
                .suspend(target, subtarget)
                .await
                .unwrap()
        );
    }
    assert_eq!(rows(&direct, schema, "subscription_suspensions").await, 4);
    assert_eq!(store.suspensions("a1").delete_all().await.unwrap(), 3);
    assert_eq!(rows(&direct, schema, "subscription_suspensions").await, 1);

    // Properties: names that are not indexed, then all of an actor's (with an indexed one,
    // in a transaction with its lookup row), then all of an actor's with no name indexed.
    let properties = store.properties();
    for (a, name) in [
        ("a1", "colour"),
        ("a1", "size"),
        ("a1", "email"),
        ("a1", "list:x-#1"),
        ("a2", "colour"),
        ("a2", "size"),
    ] {
        properties.set(a, name, "v").await.unwrap();
    }
    assert_eq!(rows(&direct, schema, "properties").await, 6);
    assert_eq!(rows(&direct, schema, "property_lookup").await, 1);
    assert_eq!(
        properties
            .batch_delete("a1", &["colour", "size", "absent"])
            .await
            .unwrap(),
        2
    );
    assert_eq!(rows(&direct, schema, "properties").await, 4);
    assert_eq!(properties.delete_all("a1").await.unwrap(), 2);
    assert_eq!(rows(&direct, schema, "properties").await, 2);
    assert_eq!(rows(&direct, schema, "property_lookup").await, 0);
    let unindexed = Store::connect(
        config(bouncer, &db, Pooler::Transaction, schema)
            .indexed_properties(Vec::<String>::new())
            .unwrap(),
    )
    .await
    .unwrap();
    assert_eq!(unindexed.properties().delete_all("a2").await.unwrap(), 2);
    assert_eq!(rows(&direct, schema, "properties").await, 0);
}

/// The tables of the deletes that count their rows.
const COUNTED_DELETE_TABLES: [&str; 5] = [
    "attributes",
    "subscription_diffs",
    "subscriptions",
    "subscription_suspensions",
    "properties",
];

/// A delete that counts its rows reports only what was committed: when the COMMIT of its
/// per-statement transaction fails (a deferred constraint trigger refuses the deletion of
/// actor `doomed`'s rows at COMMIT), the delete fails with that error instead of reporting a
/// count, and every row is still there.
#[tokio::test]
async fn a_delete_whose_commit_fails_reports_the_failure_through_transaction_pooling() {
    let schema = "tenant_refused";
    let (_, _, store, direct) = counted_delete_store(schema).await;
    let mut ddl = format!(
        "CREATE FUNCTION {schema}.refuse() RETURNS trigger LANGUAGE plpgsql AS \
         $$BEGIN RAISE EXCEPTION 'deletion of % refused at commit', TG_TABLE_NAME; END$$;"
    );
    for table in COUNTED_DELETE_TABLES {
        ddl.push_str(&format!(
            "CREATE CONSTRAINT TRIGGER refuse AFTER DELETE ON {schema}.{table} \
             DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.id = 'doomed') \
             EXECUTE FUNCTION {schema}.refuse();"
        ));
    }
    direct.batch_execute(&ddl).await.unwrap();
    let a = "doomed";
    store.actors().create(a, "c", "pw").await.unwrap();
    store
        .attributes()
        .set(a, "b", "x", &json!({"chain_id": "c1"}), None)
        .await
        .unwrap();
    store
        .subscription_diffs()
        .create(a, "s1", 1, "{}")
        .await
        .unwrap();
    store
        .subscriptions()
        .create(a, &subscription("s1"))
        .await
        .unwrap();
    assert!(
        store
            .suspensions(a)
            .suspend("properties", None)
            .await
            .unwrap()
    );
    store.properties().set(a, "colour", "v").await.unwrap();
    store.properties().set(a, "email", "v").await.unwrap();
    let refused = |table: &str| format!("deletion of {table} refused at commit");

    let attributes = store.attributes();
    assert_err(
        attributes.delete_bucket(a, "b").await,
        ErrorKind::Backend,
        &refused("attributes"),
    );
    assert_err(
        attributes.delete_by_chain(a, &["b"], "c1").await,
        ErrorKind::Backend,
        &refused("attributes"),
    );
    assert_err(
        attributes.delete_all(a).await,
        ErrorKind::Backend,
        &refused("attributes"),
    );
    assert_err(
        store
            .subscription_diffs()
            .delete_up_to(a, Some("s1"), Some(1))
            .await,
        ErrorKind::Backend,
        &refused("subscription_diffs"),
    );
    assert_err(
        store.subscriptions().delete_all(a).await,
        ErrorKind::Backend,
        &refused("subscriptions"),
    );
    assert_err(
        store.suspensions(a).delete_all().await,
        ErrorKind::Backend,
        &refused("subscription_suspensions"),
    );
    assert_err(
        store.properties().batch_delete(a, &["colour"]).await,
        ErrorKind::Backend,
        &refused("properties"),
    );
    assert_err(
        store.properties().delete_all(a).await,
        ErrorKind::Backend,
        &refused("properties"),
    );
    for (table, left) in COUNTED_DELETE_TABLES.into_iter().zip([1, 1, 1, 1, 2]) {
        assert_eq!(rows(&direct, schema, table).await, left, "{table}");
    }
    assert_eq!(rows(&direct, schema, "property_lookup").await, 1);
}

/// Holds one of the two server connections of `db`'s PgBouncer pool in an open transaction,
/// the one PgBouncer hands out next (the most recently used: PgBouncer reuses server
/// connections last in, first out).
async fn hold_a_server_connection(url: &str) -> tokio_postgres::Client {
    let holder = connect(url).await;
    holder.batch_execute("BEGIN; SELECT 1").await.unwrap();
    holder
}

/// Without the mode, the schema set on one server connection does not follow the client
/// to the other: the statement fails. With it, the same sequence reads the row.
#[tokio::test]
async fn without_transaction_mode_the_schema_stays_behind_on_one_server_connection() {
    let bouncer = &servers().transaction;
    let (db, migrated) = store(bouncer, Pooler::Transaction, "tenant_x").await;
    migrated
        .actors()
        .create("a1", "me@example.com", "pw")
        .await
        .unwrap();
    let url = bouncer.url(&db);
    // Two server connections in the pool, both idle.
    let (first, second) = (connect(&url).await, connect(&url).await);
    first.batch_execute("BEGIN").await.unwrap();
    second.batch_execute("BEGIN").await.unwrap();
    first.batch_execute("COMMIT").await.unwrap();
    second.batch_execute("COMMIT").await.unwrap();

    // Pooler::None: the connection's `SET search_path` runs on the most recently used
    // server connection; holding that one sends the next statement to the other.
    let plain = Store::connect(
        config(bouncer, &db, Pooler::None, "tenant_x")
            .pool_size(1, 1)
            .unwrap(),
    )
    .await
    .unwrap();
    let holder = hold_a_server_connection(&url).await;
    assert_err(
        plain.actors().get("a1").await,
        ErrorKind::Backend,
        r#"relation "actors" does not exist"#,
    );
    holder.batch_execute("COMMIT").await.unwrap();

    let pooled = Store::connect(
        config(bouncer, &db, Pooler::Transaction, "tenant_x")
            .pool_size(1, 1)
            .unwrap(),
    )
    .await
    .unwrap();
    pooled.actors().get("a1").await.unwrap().unwrap();
    let holder = hold_a_server_connection(&url).await;
    let actor = pooled.actors().get("a1").await.unwrap().unwrap();
    assert_eq!(actor.creator, "me@example.com");
    holder.batch_execute("COMMIT").await.unwrap();
}

/// A stalled server behind PgBouncer: the statement (and its BEGIN) is bounded by the query
/// deadline and fails with a timeout; the connection is given up and the next operation, on
/// a new one, succeeds once the server is back.
#[tokio::test]
async fn the_query_deadline_bounds_a_per_statement_transaction() {
    let cluster = Cluster::start().unwrap();
    let bouncer = PgBouncer::start(&cluster, PgBouncerOptions::new(PoolMode::Transaction)).unwrap();
    let admin = connect(&cluster.url("postgres")).await;
    admin
        .batch_execute("CREATE DATABASE stalled")
        .await
        .unwrap();
    drop(admin);
    let config = config(&bouncer, "stalled", Pooler::Transaction, "public")
        .query_timeout(Some(Duration::from_millis(300)));
    let store = Store::connect(config).await.unwrap();
    store.migrate().await.unwrap();
    store
        .actors()
        .create("a1", "me@example.com", "pw")
        .await
        .unwrap();
    cluster.pause().unwrap();
    let stalled = store.actors().get("a1").await;
    cluster.resume().unwrap();
    assert_err(
        stalled,
        ErrorKind::Timeout,
        "did not answer within the query deadline",
    );
    let actor = store.actors().get("a1").await.unwrap().unwrap();
    assert_eq!(actor.creator, "me@example.com");
}

/// Export (in a snapshot), import (in transactions) and validate through transaction
/// pooling, into a prefixed schema of another database.
#[tokio::test]
async fn export_import_and_validate_work_through_transaction_pooling() {
    let bouncer = &servers().transaction;
    let (source_db, source) = store(bouncer, Pooler::Transaction, "public").await;
    source
        .actors()
        .create("a1", "me@example.com", "pw")
        .await
        .unwrap();
    source
        .properties()
        .set("a1", "email", "me@example.com")
        .await
        .unwrap();
    source
        .attributes()
        .set("a1", "b", "n", &json!({"k": 1}), None)
        .await
        .unwrap();
    let dir = servers().cluster.dir().join(format!("export-{source_db}"));
    let exported = source.export(&dir, &()).await.unwrap();
    assert_eq!(exported.total_rows(), 3);
    let (_db, target) = store(bouncer, Pooler::Transaction, "tenant_copy").await;
    let imported = target
        .import(&dir, actingweb_pg::ImportOptions::default(), &())
        .await
        .unwrap();
    assert_eq!(imported.total_read(), 3);
    assert!(target.validate_import(&dir, &()).await.unwrap().passed());
    assert_eq!(
        target
            .properties()
            .actor_id_by_value("email", "me@example.com")
            .await
            .unwrap()
            .as_deref(),
        Some("a1")
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
