//! Store::migrate: install, no-op at head, adoption of an Alembic-managed database, refusals,
//! prefixed schemas, concurrent migrators, a role with only SELECT/INSERT/UPDATE/DELETE; and
//! migrations/ applied == schema.sql.

mod common;

use std::sync::atomic::{AtomicU32, Ordering};

use actingweb_pg::{
    Config, ErrorKind, HEAD_REVISION, ImportOptions, MigrationReport, NewSubscription, NewTrust,
    Store, SubscriptionUpdate, TrustUpdate,
};
use common::{TestDb, assert_err, catalog};
use serde_json::json;

const REFERENCE_DUMP: &str = include_str!("fixtures/reference-head-schema.sql");

/// The reference's pg_dump at Alembic head, into `schema`, with its revision recorded (what
/// `alembic upgrade head` leaves behind).
async fn alembic_database(db: &TestDb, schema: &str, revision: &str) {
    let dump: String = REFERENCE_DUMP
        .lines()
        .filter(|l| !l.starts_with('\\'))
        .collect::<Vec<_>>()
        .join("\n")
        .replace("public.", &format!("{schema}."));
    let client = db.client().await;
    client
        .batch_execute(&format!("CREATE SCHEMA IF NOT EXISTS {schema}; {dump}"))
        .await
        .unwrap();
    client
        .execute(
            &format!("INSERT INTO {schema}.alembic_version VALUES ($1)"),
            &[&revision],
        )
        .await
        .unwrap();
}

/// The report of a migrate that found `schema` at head.
fn no_op(schema: &str) -> MigrationReport {
    MigrationReport {
        schema: schema.into(),
        before: Some(HEAD_REVISION.into()),
        after: HEAD_REVISION.into(),
        applied: vec![],
    }
}

async fn store_for(db: &TestDb, schema: &str) -> Store {
    Store::connect(Config::from_url(&db.url).unwrap().schema(schema).unwrap())
        .await
        .unwrap()
}

#[tokio::test]
async fn migrate_installs_schema_sql_on_an_empty_database_and_is_then_a_no_op() {
    let db = TestDb::empty().await;
    let store = store_for(&db, "public").await;
    assert_eq!(
        store.migrate().await.unwrap(),
        MigrationReport {
            schema: "public".into(),
            before: None,
            after: HEAD_REVISION.into(),
            applied: vec![HEAD_REVISION.into()],
        }
    );
    let expected = catalog(&TestDb::new().await.client().await, "public").await;
    assert_eq!(catalog(&db.client().await, "public").await, expected);
    assert_eq!(store.migrate().await.unwrap(), no_op("public"));
    store.actors().create("a1", "c", "p").await.unwrap();
}

#[tokio::test]
async fn all_migrations_applied_equal_schema_sql_including_the_recorded_revision() {
    let migrated = TestDb::empty().await;
    store_for(&migrated, "public")
        .await
        .migrate()
        .await
        .unwrap();
    let from_schema_sql = TestDb::new().await;
    for db in [&migrated, &from_schema_sql] {
        let rows = db
            .client()
            .await
            .query("SELECT version_num FROM alembic_version", &[])
            .await
            .unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].get::<_, String>(0), HEAD_REVISION);
    }
    assert_eq!(
        catalog(&migrated.client().await, "public").await,
        catalog(&from_schema_sql.client().await, "public").await
    );
}

#[tokio::test]
async fn migrate_creates_and_fills_a_prefixed_schema() {
    let db = TestDb::empty().await;
    let store = store_for(&db, "test_w3_public").await;
    let report = store.migrate().await.unwrap();
    assert_eq!(report.schema, "test_w3_public");
    assert_eq!(report.applied, [HEAD_REVISION]);
    let expected = catalog(&TestDb::new().await.client().await, "public").await;
    assert_eq!(
        catalog(&db.client().await, "test_w3_public").await,
        expected
    );
    assert!(catalog(&db.client().await, "public").await.is_empty());
    store.actors().create("a1", "c", "p").await.unwrap();
    let n: i64 = db
        .client()
        .await
        .query_one("SELECT count(*) FROM test_w3_public.actors", &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(n, 1);
}

#[tokio::test]
async fn a_database_alembic_brought_to_head_is_adopted_unchanged() {
    let db = TestDb::empty().await;
    alembic_database(&db, "test_w1_public", HEAD_REVISION).await;
    let before = catalog(&db.client().await, "test_w1_public").await;
    let store = store_for(&db, "test_w1_public").await;
    let report = store.migrate().await.unwrap();
    assert_eq!(report.before.as_deref(), Some(HEAD_REVISION));
    assert!(report.applied.is_empty());
    assert_eq!(catalog(&db.client().await, "test_w1_public").await, before);
    store
        .properties()
        .set("nobody", "plain", "works")
        .await
        .unwrap();
}

#[tokio::test]
async fn an_older_alembic_revision_is_refused_with_what_to_run() {
    let db = TestDb::empty().await;
    alembic_database(&db, "public", "d4e5f6a7b8c9").await;
    assert_err(
        store_for(&db, "public").await.migrate().await,
        ErrorKind::Conflict,
        "is at Alembic revision d4e5f6a7b8c9, older than e5f6a7b8c9d0; upgrade it with the \
         Python actingweb package first (`python scripts/migrate_db.py upgrade head`",
    );
}

#[tokio::test]
async fn an_unknown_revision_and_unmanaged_tables_are_refused() {
    let db = TestDb::empty().await;
    alembic_database(&db, "public", "ffffffffffff").await;
    assert_err(
        store_for(&db, "public").await.migrate().await,
        ErrorKind::Conflict,
        "is at unknown revision \"ffffffffffff\"",
    );
    let db = TestDb::empty().await;
    db.client()
        .await
        .batch_execute("CREATE TABLE actors (id text)")
        .await
        .unwrap();
    assert_err(
        store_for(&db, "public").await.migrate().await,
        ErrorKind::Conflict,
        "holds ActingWeb tables but no Alembic revision",
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn eight_concurrent_migrators_apply_the_schema_exactly_once() {
    let db = TestDb::empty().await;
    let mut handles = Vec::new();
    for _ in 0..8 {
        let store = store_for(&db, "test_w8_public").await;
        handles.push(tokio::spawn(async move { store.migrate().await.unwrap() }));
    }
    let mut applied = 0;
    for handle in handles {
        let report = handle.await.unwrap();
        assert_eq!(report.after, HEAD_REVISION);
        applied += report.applied.len();
    }
    assert_eq!(applied, 1);
    assert_eq!(
        catalog(&db.client().await, "test_w8_public").await,
        catalog(&TestDb::new().await.client().await, "public").await
    );
}

/// A new login role with no privileges beyond PUBLIC's, and the configuration of `db` and
/// `schema` as that role. Roles are cluster-wide, hence the unique name.
async fn new_role(db: &TestDb, schema: &str) -> (String, Config) {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let role = format!(
        "awpg_dml_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    );
    let password = "dml-role-password";
    db.client()
        .await
        .batch_execute(&format!("CREATE ROLE {role} LOGIN PASSWORD '{password}'"))
        .await
        .unwrap();
    let mut pg: tokio_postgres::Config = db.url.parse().unwrap();
    pg.user(&role).password(password);
    (role, Config::from_pg(pg).schema(schema).unwrap())
}

/// Grants `role` exactly USAGE on `schema` and SELECT, INSERT, UPDATE, DELETE on its tables.
async fn grant_dml(db: &TestDb, schema: &str, role: &str) {
    db.client()
        .await
        .batch_execute(&format!(
            "GRANT USAGE ON SCHEMA {schema} TO {role};
             GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {role}"
        ))
        .await
        .unwrap();
}

#[tokio::test]
async fn migrate_at_head_is_a_no_op_for_a_dml_only_role_and_every_operation_works() {
    let db = TestDb::new().await;
    let (role, config) = new_role(&db, "public").await;
    grant_dml(&db, "public", &role).await;
    let store = Store::connect(config).await.unwrap();
    let privileges: (bool, bool) = {
        let row = db
            .client()
            .await
            .query_one(
                "SELECT has_database_privilege($1, current_database(), 'CREATE'),
                        has_schema_privilege($1, 'public', 'CREATE')",
                &[&role],
            )
            .await
            .unwrap();
        (row.get(0), row.get(1))
    };
    assert_eq!(privileges, (false, false), "the role must not hold CREATE");
    assert_eq!(store.migrate().await.unwrap(), no_op("public"));

    let actors = store.actors();
    actors.create("a1", "Me@Example.com", "pw").await.unwrap();
    actors.create("a2", "c", "pw").await.unwrap();
    assert!(actors.modify("a1", None, Some("pw2")).await.unwrap());
    assert_eq!(
        actors.get_by_creator("me@example.com").await.unwrap().len(),
        1
    );
    assert_eq!(actors.list().await.unwrap().len(), 2);

    let p = store.properties();
    p.set("a1", "email", "me@example.com").await.unwrap();
    p.set_json("a1", "settings", &json!({"k": [1]}))
        .await
        .unwrap();
    p.set_serialized("a1", "zoom", &1.5).await.unwrap();
    assert_eq!(
        p.actor_id_by_value("email", "me@example.com")
            .await
            .unwrap(),
        Some("a1".into())
    );
    assert!(p.create_if_not_exists("a1", "n", "1").await.unwrap());
    assert!(p.set_if_value_equals("a1", "n", "1", "2").await.unwrap());
    assert!(p.delete_if_value_equals("a1", "n", "2").await.unwrap());
    assert_eq!(p.get_range("a1", "a", "~").await.unwrap().len(), 3);
    assert_eq!(p.names_in_range("a1", "a", "~").await.unwrap().len(), 3);
    assert!(p.get_last_in_range("a1", "a", "~").await.unwrap().is_some());
    assert_eq!(p.fetch("a1").await.unwrap().len(), 3);
    assert_eq!(p.fetch_all_including_lists("a1").await.unwrap().len(), 3);
    p.rebuild_lookup().await.unwrap();
    assert_eq!(p.batch_delete("a1", &["zoom"]).await.unwrap(), 1);
    assert!(p.delete("a1", "settings").await.unwrap());
    let lookup = store.property_lookup();
    assert!(lookup.create("oauthId", "x", "a2", false).await.unwrap());
    assert_eq!(lookup.get("oauthId", "x").await.unwrap(), Some("a2".into()));
    assert!(lookup.delete("oauthId", "x").await.unwrap());

    let trusts = store.trusts();
    let trust = NewTrust {
        peerid: "p1".into(),
        secret: "t1".into(),
        ..NewTrust::default()
    };
    trusts.create("a1", &trust).await.unwrap();
    let approve = TrustUpdate {
        approved: Some(true),
        ..TrustUpdate::default()
    };
    assert!(trusts.modify("a1", "p1", &approve).await.unwrap());
    assert!(trusts.get_by_token("a1", "t1").await.unwrap().is_some());
    assert!(trusts.is_token_in_db("a1", "t1").await.unwrap());
    assert_eq!(trusts.list("a1").await.unwrap().len(), 1);
    let peers = store.peer_trustees();
    peers.create("a1", "p1", "urn:t", "", "pp").await.unwrap();
    assert!(
        peers
            .modify("a1", "p1", None, Some("https://x/"), None)
            .await
            .unwrap()
    );
    assert!(peers.get_by_type("a1", "urn:t").await.unwrap().is_some());
    assert_eq!(peers.list("a1").await.unwrap().len(), 1);

    let subs = store.subscriptions();
    // Built from JSON as an application reading a request would.
    let sub: NewSubscription = serde_json::from_value(
        json!({"peerid": "p1", "subid": "s1", "seqnr": 0, "callback": false}),
    )
    .unwrap();
    subs.create("a1", &sub).await.unwrap();
    let retarget: SubscriptionUpdate =
        serde_json::from_value(json!({"target": "properties"})).unwrap();
    assert!(subs.modify("a1", "p1", "s1", &retarget).await.unwrap());
    assert!(subs.get("a1", "p1", "s1").await.unwrap().is_some());
    let diffs = store.subscription_diffs();
    diffs.create("a1", "s1", 1, "{}").await.unwrap();
    diffs.create("a1", "s1", 2, "{}").await.unwrap();
    assert!(diffs.get("a1", "s1", None).await.unwrap().is_some());
    assert_eq!(diffs.list("a1", Some("s1")).await.unwrap().len(), 2);
    assert!(diffs.delete("a1", "s1", 1).await.unwrap());
    let suspensions = store.suspensions("a1");
    assert!(suspensions.suspend("properties", None).await.unwrap());
    assert!(
        suspensions
            .is_suspended("properties", Some("x"))
            .await
            .unwrap()
    );
    assert_eq!(suspensions.list().await.unwrap().len(), 1);
    assert!(suspensions.resume("properties", None).await.unwrap());

    let attrs = store.attributes();
    attrs
        .set("a1", "b", "n", &json!(1), Some(60))
        .await
        .unwrap();
    attrs
        .set_serialized("a1", "b", "m", &[1, 2], None)
        .await
        .unwrap();
    let (one, two) = (json!(1), json!(2));
    let swapped = attrs.compare_and_swap("a1", "b", "n", &one, &two, None);
    assert!(swapped.await.unwrap());
    assert_eq!(attrs.get_bucket("a1", "b").await.unwrap().len(), 2);
    assert_eq!(attrs.all_buckets("a1").await.unwrap().len(), 1);
    assert_eq!(attrs.bucket_timestamps("a1").await.unwrap().len(), 1);
    assert!(attrs.delete("a1", "b", "m").await.unwrap());
    assert_eq!(attrs.delete_by_chain("a1", &["b"], "c").await.unwrap(), 0);
    assert_eq!(attrs.delete_expired(None, None).await.unwrap(), 0);

    store
        .transaction(|tx| {
            Box::pin(async move {
                tx.actors().create("a3", "c", "pw").await?;
                tx.properties().set("a3", "email", "a3@example.com").await?;
                tx.delete_actor("a2").await?;
                Ok(())
            })
        })
        .await
        .unwrap();
    store.health().await.unwrap();
    let dir = std::env::temp_dir().join(format!("awpg-dml-{role}"));
    store.export(&dir, &()).await.unwrap();
    let report = store
        .import(&dir, ImportOptions { dry_run: true }, &())
        .await
        .unwrap();
    assert!(report.tables.iter().all(|t| t.inserted == 0));
    store.validate_import(&dir, &()).await.unwrap();
    std::fs::remove_dir_all(&dir).unwrap();

    assert_eq!(attrs.delete_bucket("a1", "b").await.unwrap(), 1);
    assert_eq!(attrs.delete_all("a1").await.unwrap(), 0);
    assert_eq!(diffs.delete_up_to("a1", Some("s1"), None).await.unwrap(), 1);
    assert_eq!(diffs.delete_all("a1").await.unwrap(), 0);
    assert!(subs.delete("a1", "p1", "s1").await.unwrap());
    assert_eq!(subs.delete_all("a1").await.unwrap(), 0);
    assert_eq!(suspensions.delete_all().await.unwrap(), 0);
    assert!(peers.delete("a1", "p1").await.unwrap());
    assert_eq!(peers.delete_all("a1").await.unwrap(), 0);
    assert!(trusts.delete("a1", "p1").await.unwrap());
    assert_eq!(trusts.delete_all("a1").await.unwrap(), 0);
    assert_eq!(p.delete_all("a1").await.unwrap(), 1);
    assert!(actors.delete("a3").await.unwrap());
    assert_eq!(store.delete_actor("a1").await.unwrap().actors, 1);
    assert!(actors.list().await.unwrap().is_empty());
}

#[tokio::test]
async fn migrate_on_an_empty_database_with_a_dml_only_role_names_the_missing_privilege() {
    let db = TestDb::empty().await;
    let (role, config) = new_role(&db, "public").await;
    grant_dml(&db, "public", &role).await;
    let store = Store::connect(config).await.unwrap();
    assert_err(
        store.migrate().await,
        ErrorKind::PermissionDenied,
        &format!(
            "permission denied: role \"{role}\" lacks the CREATE privilege on schema \"public\", \
             which applying migrations needs; run migrate as the owner or a role that has it"
        ),
    );

    // A schema that does not exist yet: creating it needs CREATE on the database.
    let (role, config) = new_role(&db, "tenant_public").await;
    let database: String = db
        .client()
        .await
        .query_one("SELECT current_database()::text", &[])
        .await
        .unwrap()
        .get(0);
    let store = Store::connect(config).await.unwrap();
    assert_err(
        store.migrate().await,
        ErrorKind::PermissionDenied,
        &format!(
            "permission denied: role \"{role}\" lacks the CREATE privilege on database \
             \"{database}\", which creating schema \"tenant_public\" needs"
        ),
    );

    // A schema the role may not use at all.
    let client = db.client().await;
    client.batch_execute("CREATE SCHEMA closed").await.unwrap();
    let (role, config) = new_role(&db, "closed").await;
    let store = Store::connect(config).await.unwrap();
    assert_err(
        store.migrate().await,
        ErrorKind::PermissionDenied,
        &format!(
            "permission denied: role \"{role}\" lacks the USAGE privilege on schema \"closed\", \
             which reading the schema needs"
        ),
    );

    // Nothing was created, and the owner still migrates.
    let schemas: i64 = client
        .query_one(
            "SELECT count(*) FROM pg_namespace WHERE nspname = 'tenant_public'",
            &[],
        )
        .await
        .unwrap()
        .get(0);
    assert_eq!(schemas, 0);
    let report = store_for(&db, "public").await.migrate().await.unwrap();
    assert_eq!(report.applied, [HEAD_REVISION]);
}

#[tokio::test]
async fn an_insufficient_privilege_error_from_the_server_is_permission_denied() {
    let db = TestDb::new().await;
    let (role, config) = new_role(&db, "public").await;
    db.client()
        .await
        .batch_execute(&format!(
            "GRANT USAGE ON SCHEMA public TO {role};
             GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}"
        ))
        .await
        .unwrap();
    let store = Store::connect(config).await.unwrap();
    assert!(store.actors().get("a1").await.unwrap().is_none());
    let error = store.actors().create("a1", "c", "pw").await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::PermissionDenied, "{error}");
    assert_eq!(error.to_string(), "permission denied for table actors");
}
