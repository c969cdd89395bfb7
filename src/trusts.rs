//! Trust relationships with peers: the `trusts` table (reference `DbTrust`, `DbTrustList`).
//!
//! [`Trusts::create`] is the reference's upsert: an existing trust is overwritten but keeps its
//! original `created_at`. `created_at` and `last_accessed` are stored as naive UTC
//! (`timestamp`), `capabilities_fetched_at` as `timestamptz`; [`python_isoformat`] renders them
//! as the reference's `get()` does. `last_connected_via` is stored through
//! [`canonical_connection_method`] on every write. As in the reference, an empty token never
//! matches, not even a trust created with an empty secret.
//!
//! Deliberate differences from the reference: a fault is an error, not `None`/`False`; a lookup
//! by token picks the lowest peer id when several trusts share the secret (the reference takes
//! whichever row comes first); [`Trusts::modify`] and [`Trusts::delete`] report whether the
//! trust existed (the reference says `True` either way); reads return the stored columns as
//! they are (the reference's `get()` drops empty optional fields and canonicalises
//! `last_connected_via` again on read).

use chrono::{DateTime, Datelike, Timelike, Utc};
use serde::{Deserialize, Serialize};

use crate::client::Params;
use crate::codegen::queries::trusts as q;
use crate::error::Result;
use crate::executor::{Db, row_count};
use crate::rules::{self, IDENTIFIER_MAX_CHARS};
use crate::secret::{Secret, debug_redacted};
use crate::telemetry::{self, Operation};

/// The table of this module, in spans and metrics.
const TABLE: &str = "trusts";

/// A trust row. `Debug` does not show the secret or the verification token.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trust {
    /// The actor id.
    pub id: String,
    /// The peer's actor id.
    pub peerid: String,
    /// The peer's base URI.
    pub baseuri: String,
    /// The peer's ActingWeb type (column `type`).
    pub peer_type: String,
    /// The relationship, for example `friend` or `admin`.
    pub relationship: String,
    /// The shared secret (bearer token) of this trust.
    pub secret: String,
    /// A description.
    pub desc: Option<String>,
    /// Whether this actor approved the trust.
    pub approved: bool,
    /// Whether the peer approved the trust.
    pub peer_approved: bool,
    /// Whether the peer was verified.
    pub verified: bool,
    /// The token used to verify the peer.
    pub verification_token: Option<String>,
    /// The peer's e-mail, user name or UUID.
    pub peer_identifier: Option<String>,
    /// How the trust was established, as given (not canonicalised).
    pub established_via: Option<String>,
    /// When the trust was created (stored as naive UTC).
    pub created_at: Option<DateTime<Utc>>,
    /// When the trust was last used (stored as naive UTC).
    pub last_accessed: Option<DateTime<Utc>>,
    /// The last connection method, canonicalised when written.
    pub last_connected_via: Option<String>,
    /// Client name of an OAuth2 client.
    pub client_name: Option<String>,
    /// Client version of an OAuth2 client.
    pub client_version: Option<String>,
    /// Client platform of an OAuth2 client.
    pub client_platform: Option<String>,
    /// OAuth2 client id.
    pub oauth_client_id: Option<String>,
    /// The ActingWeb options the peer supports.
    pub aw_supported: Option<String>,
    /// The peer's ActingWeb protocol version (at most 50 characters).
    pub aw_version: Option<String>,
    /// When the peer's capabilities were fetched.
    pub capabilities_fetched_at: Option<DateTime<Utc>>,
}

impl Trust {
    /// When the peer last connected, as the reference derives `last_connected_at`:
    /// `last_accessed`, else `created_at`.
    pub fn last_connected_at(&self) -> Option<DateTime<Utc>> {
        self.last_accessed.or(self.created_at)
    }
}

debug_redacted! {
    Trust {
        id, peerid, baseuri, peer_type, relationship, desc, approved, peer_approved, verified,
        peer_identifier, established_via, created_at, last_accessed, last_connected_via,
        client_name, client_version, client_platform, oauth_client_id, aw_supported, aw_version,
        capabilities_fetched_at,
    }
    secrets { secret, verification_token }
}

impl From<q::TrustRow> for Trust {
    fn from(row: q::TrustRow) -> Trust {
        Trust {
            id: row.id,
            peerid: row.peerid,
            baseuri: row.baseuri,
            peer_type: row.peer_type,
            relationship: row.relationship,
            secret: row.secret,
            desc: row.desc,
            approved: row.approved,
            peer_approved: row.peer_approved,
            verified: row.verified,
            verification_token: row.verification_token,
            peer_identifier: row.peer_identifier,
            established_via: row.established_via,
            created_at: row.created_at.map(|t| t.and_utc()),
            last_accessed: row.last_accessed.map(|t| t.and_utc()),
            last_connected_via: row.last_connected_via,
            client_name: row.client_name,
            client_version: row.client_version,
            client_platform: row.client_platform,
            oauth_client_id: row.oauth_client_id,
            aw_supported: row.aw_supported,
            aw_version: row.aw_version,
            capabilities_fetched_at: row.capabilities_fetched_at.map(|t| t.with_timezone(&Utc)),
        }
    }
}

/// Everything [`Trusts::create`] writes. `Default` gives the reference's defaults: empty
/// strings, `false`, and `None`. `Debug` does not show the secret or the verification token.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct NewTrust {
    /// The peer's actor id (required; at most 255 characters).
    pub peerid: String,
    /// The peer's base URI.
    pub baseuri: String,
    /// The peer's ActingWeb type.
    pub peer_type: String,
    /// The relationship.
    pub relationship: String,
    /// The shared secret.
    pub secret: String,
    /// Whether this actor approved the trust.
    pub approved: bool,
    /// Whether the peer approved the trust.
    pub peer_approved: bool,
    /// Whether the peer was verified.
    pub verified: bool,
    /// The verification token; `None` writes the reference's default `""`.
    pub verification_token: Option<String>,
    /// The description; `None` writes the reference's default `""`.
    pub desc: Option<String>,
    /// The peer's e-mail, user name or UUID.
    pub peer_identifier: Option<String>,
    /// How the trust was established.
    pub established_via: Option<String>,
    /// Creation time; `None` means now. Kept from the existing row when the trust exists.
    pub created_at: Option<DateTime<Utc>>,
    /// Last access time; `None` means the `created_at` written.
    pub last_accessed: Option<DateTime<Utc>>,
    /// Last connection method, canonicalised; `None` or empty means the canonical
    /// `established_via`.
    pub last_connected_via: Option<String>,
    /// Client name of an OAuth2 client.
    pub client_name: Option<String>,
    /// Client version of an OAuth2 client.
    pub client_version: Option<String>,
    /// Client platform of an OAuth2 client.
    pub client_platform: Option<String>,
    /// OAuth2 client id.
    pub oauth_client_id: Option<String>,
    /// The ActingWeb options the peer supports.
    pub aw_supported: Option<String>,
    /// The peer's ActingWeb protocol version (at most 50 characters).
    pub aw_version: Option<String>,
    /// When the peer's capabilities were fetched.
    pub capabilities_fetched_at: Option<DateTime<Utc>>,
}

/// The changes [`Trusts::modify`] makes: `None` leaves a field as it is.
///
/// As in the reference, an empty `baseuri`, `secret`, `desc` or `verification_token` also
/// leaves it as it is; the other strings are written as given, `""` included. `Debug` does not
/// show the secret or the verification token.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct TrustUpdate {
    /// New base URI (non-empty).
    pub baseuri: Option<String>,
    /// New secret (non-empty).
    pub secret: Option<String>,
    /// New description (non-empty).
    pub desc: Option<String>,
    /// New approval by this actor.
    pub approved: Option<bool>,
    /// New approval by the peer.
    pub peer_approved: Option<bool>,
    /// New verification status.
    pub verified: Option<bool>,
    /// New verification token (non-empty).
    pub verification_token: Option<String>,
    /// New peer identifier.
    pub peer_identifier: Option<String>,
    /// New `established_via` (stored as given).
    pub established_via: Option<String>,
    /// New creation time.
    pub created_at: Option<DateTime<Utc>>,
    /// New last access time.
    pub last_accessed: Option<DateTime<Utc>>,
    /// New connection method, canonicalised; one that canonicalises to nothing (empty or
    /// whitespace) clears the column.
    pub last_connected_via: Option<String>,
    /// New client name.
    pub client_name: Option<String>,
    /// New client version.
    pub client_version: Option<String>,
    /// New client platform.
    pub client_platform: Option<String>,
    /// New OAuth2 client id.
    pub oauth_client_id: Option<String>,
    /// New supported options.
    pub aw_supported: Option<String>,
    /// New protocol version (at most 50 characters).
    pub aw_version: Option<String>,
    /// New capabilities fetch time.
    pub capabilities_fetched_at: Option<DateTime<Utc>>,
}

debug_redacted! {
    NewTrust {
        peerid, baseuri, peer_type, relationship, approved, peer_approved, verified, desc,
        peer_identifier, established_via, created_at, last_accessed, last_connected_via,
        client_name, client_version, client_platform, oauth_client_id, aw_supported, aw_version,
        capabilities_fetched_at,
    }
    secrets { secret, verification_token }
}

debug_redacted! {
    TrustUpdate {
        baseuri, desc, approved, peer_approved, verified, peer_identifier, established_via,
        created_at, last_accessed, last_connected_via, client_name, client_version,
        client_platform, oauth_client_id, aw_supported, aw_version, capabilities_fetched_at,
    }
    secrets { secret, verification_token }
}

/// The reference's `canonical_connection_method`: `None` for empty or whitespace-only input;
/// `"oauth"` for anything starting with `oauth` (after lower-casing and trimming); `"trust"`,
/// `"subscription"` or `"mcp"` for those (in any case, trimmed); otherwise the input unchanged.
pub fn canonical_connection_method(method: &str) -> Option<String> {
    // Python's str.strip() also strips the separators U+001C..U+001F.
    let lowered = method.to_lowercase();
    let lowered =
        lowered.trim_matches(|c: char| c.is_whitespace() || ('\x1c'..='\x1f').contains(&c));
    if lowered.is_empty() {
        None
    } else if lowered.starts_with("oauth") {
        Some("oauth".to_string())
    } else if matches!(lowered, "trust" | "subscription" | "mcp") {
        Some(lowered.to_string())
    } else {
        Some(method.to_string())
    }
}

/// Python's `datetime.isoformat()` of a UTC time: `YYYY-MM-DDTHH:MM:SS[.ffffff]+00:00`, the
/// microseconds omitted when zero (sub-microsecond digits are dropped). This is how the
/// reference renders trust timestamps.
pub fn python_isoformat(dt: &DateTime<Utc>) -> String {
    let date = format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        dt.year(),
        dt.month(),
        dt.day(),
        dt.hour(),
        dt.minute(),
        dt.second()
    );
    // A leap second carries its extra second in the nanoseconds.
    match dt.timestamp_subsec_micros() % 1_000_000 {
        0 => format!("{date}+00:00"),
        micros => format!("{date}.{micros:06}+00:00"),
    }
}

/// Checks a value for the trusts column of that name: no NUL, and within the column's length
/// (`VARCHAR(50)` for `aw_version`, `VARCHAR(255)` for the other non-`TEXT` columns).
pub(crate) fn check_columns<'v>(
    columns: impl IntoIterator<Item = (&'static str, Option<&'v str>)>,
) -> Result<()> {
    for (column, value) in columns {
        let Some(value) = value else { continue };
        match column {
            "baseuri" | "desc" | "aw_supported" => rules::text(column, value)?,
            "aw_version" => rules::bounded(column, value, rules::AW_VERSION_MAX_CHARS)?,
            _ => rules::bounded(column, value, IDENTIFIER_MAX_CHARS)?,
        }
    }
    Ok(())
}

fn check_key(actor_id: &str, peerid: &str) -> Result<()> {
    rules::identifier("actor id", actor_id)?;
    rules::identifier("peer id", peerid)
}

/// Operations on trusts; get one from [`Store::trusts`](crate::Store::trusts).
pub struct Trusts<'a> {
    db: Db<'a>,
}

impl<'a> Trusts<'a> {
    pub(crate) fn new(db: Db<'a>) -> Trusts<'a> {
        Trusts { db }
    }

    /// The trust of `actor_id` with `peerid`, or `None`.
    pub async fn get(&self, actor_id: &str, peerid: &str) -> Result<Option<Trust>> {
        static OPERATION: Operation = Operation::new(TABLE, "get");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            check_key(actor_id, peerid)?;
            let c = &self.db.reader().await?;
            let row = q::trust_by_peer()
                .params(c, &q::TrustByPeerParams { actor_id, peerid })
                .opt()
                .await?;
            Ok(row.map(Trust::from))
        })
        .await
    }

    /// The trust of `actor_id` whose secret is `token`, or `None`; the lowest peer id when
    /// several share it. An empty token matches nothing.
    pub async fn get_by_token(&self, actor_id: &str, token: &str) -> Result<Option<Trust>> {
        static OPERATION: Operation = Operation::new(TABLE, "get_by_token");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            rules::identifier("actor id", actor_id)?;
            rules::text("token", token)?;
            if token.is_empty() {
                return Ok(None);
            }
            let c = &self.db.reader().await?;
            let row = q::trust_by_secret()
                .params(
                    c,
                    &q::TrustBySecretParams {
                        actor_id,
                        secret: Secret(token),
                    },
                )
                .opt()
                .await?;
            Ok(row.map(Trust::from))
        })
        .await
    }

    /// Whether some trust of `actor_id` has the secret `token`. An empty token matches nothing.
    pub async fn is_token_in_db(&self, actor_id: &str, token: &str) -> Result<bool> {
        static OPERATION: Operation = Operation::new(TABLE, "is_token_in_db");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            rules::identifier("actor id", actor_id)?;
            rules::text("token", token)?;
            if token.is_empty() {
                return Ok(false);
            }
            let c = &self.db.reader().await?;
            Ok(q::secret_exists()
                .params(
                    c,
                    &q::SecretExistsParams {
                        actor_id,
                        secret: Secret(token),
                    },
                )
                .one()
                .await?)
        })
        .await
    }

    /// Creates the trust, or overwrites an existing one (keeping its `created_at`), and returns
    /// the row as stored. See [`NewTrust`] for the defaults.
    pub async fn create(&self, actor_id: &str, new: &NewTrust) -> Result<Trust> {
        static OPERATION: Operation = Operation::new(TABLE, "create");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            check_key(actor_id, &new.peerid)?;
            check_columns([
                ("baseuri", Some(new.baseuri.as_str())),
                ("peer_type", Some(new.peer_type.as_str())),
                ("relationship", Some(new.relationship.as_str())),
                ("secret", Some(new.secret.as_str())),
                ("verification_token", new.verification_token.as_deref()),
                ("desc", new.desc.as_deref()),
                ("peer_identifier", new.peer_identifier.as_deref()),
                ("established_via", new.established_via.as_deref()),
                ("last_connected_via", new.last_connected_via.as_deref()),
                ("client_name", new.client_name.as_deref()),
                ("client_version", new.client_version.as_deref()),
                ("client_platform", new.client_platform.as_deref()),
                ("oauth_client_id", new.oauth_client_id.as_deref()),
                ("aw_supported", new.aw_supported.as_deref()),
                ("aw_version", new.aw_version.as_deref()),
            ])?;
            let last_connected_via = match new.last_connected_via.as_deref() {
                Some(method) if !method.is_empty() => canonical_connection_method(method),
                _ => new
                    .established_via
                    .as_deref()
                    .and_then(canonical_connection_method),
            };
            let params = q::UpsertTrustParams {
                actor_id,
                peerid: new.peerid.as_str(),
                baseuri: new.baseuri.as_str(),
                peer_type: new.peer_type.as_str(),
                relationship: new.relationship.as_str(),
                secret: Secret(&new.secret),
                desc: new.desc.as_deref().unwrap_or(""),
                approved: new.approved,
                peer_approved: new.peer_approved,
                verified: new.verified,
                verification_token: Secret(new.verification_token.as_deref().unwrap_or("")),
                peer_identifier: new.peer_identifier.as_deref(),
                established_via: new.established_via.as_deref(),
                created_at: new.created_at.map(|t| t.naive_utc()),
                last_accessed: new.last_accessed.map(|t| t.naive_utc()),
                last_connected_via: last_connected_via.as_deref(),
                client_name: new.client_name.as_deref(),
                client_version: new.client_version.as_deref(),
                client_platform: new.client_platform.as_deref(),
                oauth_client_id: new.oauth_client_id.as_deref(),
                aw_supported: new.aw_supported.as_deref(),
                aw_version: new.aw_version.as_deref(),
                capabilities_fetched_at: new.capabilities_fetched_at.map(|t| t.fixed_offset()),
            };
            let c = &self.db.executor().await?;
            let row = q::upsert_trust().params(c, &params).one().await?;
            Ok(Trust::from(row))
        })
        .await
    }

    /// Applies `update` in one statement. Returns `false` when there is no such trust.
    pub async fn modify(&self, actor_id: &str, peerid: &str, update: &TrustUpdate) -> Result<bool> {
        static OPERATION: Operation = Operation::new(TABLE, "modify");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            check_key(actor_id, peerid)?;
            check_columns([
                ("baseuri", update.baseuri.as_deref()),
                ("secret", update.secret.as_deref()),
                ("desc", update.desc.as_deref()),
                ("verification_token", update.verification_token.as_deref()),
                ("peer_identifier", update.peer_identifier.as_deref()),
                ("established_via", update.established_via.as_deref()),
                ("last_connected_via", update.last_connected_via.as_deref()),
                ("client_name", update.client_name.as_deref()),
                ("client_version", update.client_version.as_deref()),
                ("client_platform", update.client_platform.as_deref()),
                ("oauth_client_id", update.oauth_client_id.as_deref()),
                ("aw_supported", update.aw_supported.as_deref()),
                ("aw_version", update.aw_version.as_deref()),
            ])?;
            let last_connected_via = update
                .last_connected_via
                .as_deref()
                .and_then(canonical_connection_method);
            let params = q::UpdateTrustParams {
                baseuri: update.baseuri.as_deref(),
                secret: Secret::opt(update.secret.as_deref()),
                desc: update.desc.as_deref(),
                approved: update.approved,
                peer_approved: update.peer_approved,
                verified: update.verified,
                verification_token: Secret::opt(update.verification_token.as_deref()),
                peer_identifier: update.peer_identifier.as_deref(),
                established_via: update.established_via.as_deref(),
                created_at: update.created_at.map(|t| t.naive_utc()),
                last_accessed: update.last_accessed.map(|t| t.naive_utc()),
                set_last_connected_via: update.last_connected_via.is_some(),
                last_connected_via: last_connected_via.as_deref(),
                client_name: update.client_name.as_deref(),
                client_version: update.client_version.as_deref(),
                client_platform: update.client_platform.as_deref(),
                oauth_client_id: update.oauth_client_id.as_deref(),
                aw_supported: update.aw_supported.as_deref(),
                aw_version: update.aw_version.as_deref(),
                capabilities_fetched_at: update.capabilities_fetched_at.map(|t| t.fixed_offset()),
                actor_id,
                peerid,
            };
            let c = &self.db.executor().await?;
            let row = q::update_trust().params(c, &params).opt().await?;
            Ok(row.is_some())
        })
        .await
    }

    /// Deletes the trust. Returns `false` when there was no such trust.
    pub async fn delete(&self, actor_id: &str, peerid: &str) -> Result<bool> {
        static OPERATION: Operation = Operation::new(TABLE, "delete");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            check_key(actor_id, peerid)?;
            let c = &self.db.executor().await?;
            let row = q::delete_trust()
                .params(c, &q::DeleteTrustParams { actor_id, peerid })
                .opt()
                .await?;
            Ok(row.is_some())
        })
        .await
    }

    /// Every trust of `actor_id`, by peer id.
    pub async fn list(&self, actor_id: &str) -> Result<Vec<Trust>> {
        static OPERATION: Operation = Operation::new(TABLE, "list");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            rules::identifier("actor id", actor_id)?;
            let c = &self.db.reader().await?;
            let rows = q::trusts_of_actor()
                .params(c, &q::ActorIdParam { actor_id })
                .all()
                .await?;
            Ok(rows.into_iter().map(Trust::from).collect())
        })
        .await
    }

    /// Deletes every trust of `actor_id`; returns how many there were.
    pub async fn delete_all(&self, actor_id: &str) -> Result<u64> {
        static OPERATION: Operation = Operation::new(TABLE, "delete_all");
        telemetry::traced(self.db, &OPERATION, Some(actor_id), async {
            rules::identifier("actor id", actor_id)?;
            let c = &self.db.executor().await?;
            let deleted = q::delete_trusts_of_actor()
                .params(c, &q::ActorIdParam { actor_id })
                .one()
                .await?;
            Ok(row_count(deleted))
        })
        .await
    }
}
