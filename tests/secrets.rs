//! No secret (actor passphrase, trust secret and token, verification token, peer passphrase,
//! password) in `Debug` output or in any log line: every `log` record (tokio-postgres logs
//! statement parameters through `log` at DEBUG) and every `tracing` event and span (with its
//! fields, at creation and close) is captured at TRACE
//! while every operation that takes a secret runs, on the pool, in a transaction and in an
//! import.

mod common;

use std::io;
use std::sync::{Mutex, MutexGuard, OnceLock};

use actingweb_pg::{Config, ImportOptions, NewTrust, TrustUpdate};
use common::{TestDb, store};
use tracing_subscriber::fmt::format::FmtSpan;

/// Every captured line, `log` records and `tracing` events alike.
static LINES: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Every secret here contains this; nothing else does.
const MARK: &str = "S3CR3T";

fn lines() -> MutexGuard<'static, Vec<String>> {
    LINES.lock().unwrap_or_else(|e| e.into_inner())
}

/// A `log` logger that keeps every record, at every level.
struct CaptureLog;

impl log::Log for CaptureLog {
    fn enabled(&self, _: &log::Metadata<'_>) -> bool {
        true
    }

    fn log(&self, record: &log::Record<'_>) {
        let line = format!(
            "log {} {}: {}",
            record.level(),
            record.target(),
            record.args()
        );
        lines().push(line);
    }

    fn flush(&self) {}
}

/// Where the `tracing` subscriber writes its formatted events.
struct CaptureWriter;

impl io::Write for CaptureWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        lines().push(format!("tracing {}", String::from_utf8_lossy(buf)));
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Installs the `log` logger and the `tracing` subscriber at TRACE, once per test process.
fn capture() {
    static INSTALLED: OnceLock<()> = OnceLock::new();
    INSTALLED.get_or_init(|| {
        log::set_logger(&CaptureLog).expect("no other logger in this test binary");
        log::set_max_level(log::LevelFilter::Trace);
        // Span creation and close are lines too, with every field of the span.
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_span_events(FmtSpan::NEW | FmtSpan::CLOSE)
            .with_ansi(false)
            .with_writer(|| CaptureWriter)
            .finish();
        tracing::subscriber::set_global_default(subscriber)
            .expect("no other subscriber in this test binary");
    });
}

fn new_trust(peerid: &str, tag: &str) -> NewTrust {
    NewTrust {
        peerid: peerid.into(),
        baseuri: "https://peer.example/".into(),
        peer_type: "urn:actingweb:example".into(),
        relationship: "friend".into(),
        secret: format!("{MARK}-trust-secret-{tag}"),
        verification_token: Some(format!("{MARK}-verification-{tag}")),
        established_via: Some("trust".into()),
        ..NewTrust::default()
    }
}

fn trust_update(tag: &str) -> TrustUpdate {
    TrustUpdate {
        secret: Some(format!("{MARK}-new-trust-secret-{tag}")),
        verification_token: Some(format!("{MARK}-new-verification-{tag}")),
        desc: Some("changed".into()),
        ..TrustUpdate::default()
    }
}

#[tokio::test]
async fn no_secret_appears_in_any_log_line_at_trace_level() {
    capture();
    let (db, store) = store().await;

    // A control: a value bound as a plain parameter shows in the captured lines, so the
    // capture sees the parameter values tokio-postgres logs.
    let client = db.client().await;
    client
        .query_one("SELECT $1::text", &[&"control-value-visible"])
        .await
        .unwrap();
    assert!(
        lines()
            .iter()
            .any(|l| l.contains("with parameters") && l.contains("control-value-visible")),
        "the capture did not see tokio-postgres's parameter lines"
    );

    // On the pool.
    let pass = format!("{MARK}-passphrase-a1");
    let actor = store.actors().create("a1", "me@example.com", &pass).await;
    assert_eq!(actor.unwrap().passphrase, pass);
    let pass2 = format!("{MARK}-passphrase-a1-changed");
    assert!(
        store
            .actors()
            .modify("a1", None, Some(&pass2))
            .await
            .unwrap()
    );
    assert!(store.actors().get("a1").await.unwrap().is_some());
    let trusts = store.trusts();
    trusts.create("a1", &new_trust("p1", "pool")).await.unwrap();
    assert!(
        trusts
            .modify("a1", "p1", &trust_update("pool"))
            .await
            .unwrap()
    );
    let token = format!("{MARK}-new-trust-secret-pool");
    assert!(trusts.get_by_token("a1", &token).await.unwrap().is_some());
    assert!(trusts.is_token_in_db("a1", &token).await.unwrap());
    let missing = format!("{MARK}-no-such-token");
    assert!(!trusts.is_token_in_db("a1", &missing).await.unwrap());
    let peers = store.peer_trustees();
    let peer_pass = format!("{MARK}-peer-passphrase");
    peers
        .create("a1", "p1", "urn:t", "https://peer.example/", &peer_pass)
        .await
        .unwrap();
    let peer_pass2 = format!("{MARK}-peer-passphrase-changed");
    assert!(
        peers
            .modify("a1", "p1", None, None, Some(&peer_pass2))
            .await
            .unwrap()
    );

    // In a transaction.
    store
        .transaction(|tx| {
            Box::pin(async move {
                let pass = format!("{MARK}-passphrase-tx");
                tx.actors().create("a2", "c", &pass).await?;
                let pass2 = format!("{MARK}-passphrase-tx-changed");
                tx.actors().modify("a2", None, Some(&pass2)).await?;
                tx.trusts().create("a2", &new_trust("p2", "tx")).await?;
                tx.trusts().modify("a2", "p2", &trust_update("tx")).await?;
                let token = format!("{MARK}-new-trust-secret-tx");
                assert!(tx.trusts().get_by_token("a2", &token).await?.is_some());
                assert!(tx.trusts().is_token_in_db("a2", &token).await?);
                let peer_pass = format!("{MARK}-peer-passphrase-tx");
                tx.peer_trustees()
                    .create("a2", "p2", "urn:t", "", &peer_pass)
                    .await?;
                let peer_pass2 = format!("{MARK}-peer-passphrase-tx-changed");
                tx.peer_trustees()
                    .modify("a2", "p2", None, None, Some(&peer_pass2))
                    .await?;
                Ok(())
            })
        })
        .await
        .unwrap();

    // Export, then import and validate into another database: the import binds the secrets
    // as arrays.
    let dir = std::env::temp_dir().join(format!("awpg-secrets-{}", std::process::id()));
    store.export(&dir, &()).await.unwrap();
    let target = TestDb::new().await.store().await;
    let report = target
        .import(&dir, ImportOptions { dry_run: false }, &())
        .await
        .unwrap();
    assert!(report.tables.iter().any(|t| t.inserted > 0));
    target.validate_import(&dir, &()).await.unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(
        target
            .trusts()
            .get_by_token("a2", &format!("{MARK}-new-trust-secret-tx"))
            .await
            .unwrap()
            .map(|t| t.peerid),
        Some("p2".to_string())
    );

    let captured = lines().clone();
    // A control: the operation spans were captured with their fields.
    assert!(
        captured
            .iter()
            .any(|l| l.contains("db.operation.name=\"get_by_token\"") && l.contains("close")),
        "the capture did not see the operation spans"
    );
    let leaks: Vec<&String> = captured.iter().filter(|l| l.contains(MARK)).collect();
    assert!(leaks.is_empty(), "secrets in log lines: {leaks:#?}");
    let redacted = captured
        .iter()
        .filter(|l| l.contains("with parameters") && l.contains("<redacted>"))
        .count();
    // Every statement above that binds a secret logged its parameters, redacted.
    assert!(redacted >= 20, "only {redacted} redacted parameter lines");
}

#[test]
fn debug_output_of_every_type_holding_a_secret_redacts_it() {
    let trust = new_trust("p1", "debug");
    let shown = format!("{trust:?}");
    assert!(!shown.contains(MARK), "{shown}");
    assert!(shown.contains(r#"secret: "<redacted>""#), "{shown}");
    assert!(
        shown.contains(r#"verification_token: Some("<redacted>")"#),
        "{shown}"
    );
    assert!(shown.contains("peerid: \"p1\""), "{shown}");
    let no_token = NewTrust {
        verification_token: None,
        ..trust.clone()
    };
    assert!(format!("{no_token:?}").contains("verification_token: None"));

    let update = format!("{:?}", trust_update("debug"));
    assert!(!update.contains(MARK), "{update}");
    assert!(update.contains(r#"secret: Some("<redacted>")"#), "{update}");
    assert!(update.contains("desc: Some(\"changed\")"), "{update}");
    assert!(format!("{:?}", TrustUpdate::default()).contains("secret: None"));

    let stored: actingweb_pg::Trust = serde_json::from_value(serde_json::json!({
        "id": "a1", "peerid": "p1", "baseuri": "", "peer_type": "", "relationship": "friend",
        "secret": trust.secret, "approved": true, "peer_approved": false, "verified": false,
        "verification_token": trust.verification_token,
    }))
    .unwrap();
    let shown = format!("{stored:?} {stored:#?}");
    assert!(!shown.contains(MARK), "{shown}");
    assert!(shown.contains("relationship: \"friend\""), "{shown}");

    let actor = actingweb_pg::Actor {
        id: "a1".into(),
        creator: "c".into(),
        passphrase: format!("{MARK}-passphrase"),
        created_at: None,
    };
    assert!(!format!("{actor:?}").contains(MARK));
    let peer = actingweb_pg::PeerTrustee {
        id: "a1".into(),
        peerid: "p1".into(),
        baseuri: String::new(),
        peer_type: "urn:t".into(),
        passphrase: format!("{MARK}-peer"),
    };
    assert!(!format!("{peer:?}").contains(MARK));

    let config =
        Config::from_url(&format!("postgresql://user:{MARK}-password@localhost/db")).unwrap();
    let shown = format!("{config:?}");
    assert!(!shown.contains(MARK), "{shown}");
    assert!(shown.contains("<redacted>"), "{shown}");
}
