//! Installing and upgrading the schema: [`Store::migrate`](crate::Store::migrate).
//!
//! Migrations are versioned SQL files in `migrations/`, named after the Alembic revision they
//! bring the schema to, so the revision recorded in `alembic_version` means the same to this
//! crate and to the Python reference. Running `migrate`:
//! - reads the schema's state first and runs DDL only when there is something to do;
//! - creates the configured schema (`PG_DB_PREFIX + PG_DB_SCHEMA`) when missing;
//! - on an empty schema applies every migration and records the head revision;
//! - at the head revision does nothing and needs no privilege beyond reading
//!   `alembic_version`, so a role with only SELECT, INSERT, UPDATE and DELETE can run it (this
//!   is also how a database that the reference's Alembic brought to `e5f6a7b8c9d0` is adopted:
//!   it is already current);
//! - refuses a database at an older Alembic revision, one at an unknown revision, and one
//!   holding ActingWeb tables without `alembic_version`, with a message saying what to do
//!   ([`ErrorKind::Conflict`]);
//! - refuses, before any DDL, work the role has no privilege for, naming the privilege
//!   ([`ErrorKind::PermissionDenied`]): USAGE on the schema, CREATE on the database (to create
//!   the schema), CREATE on the schema (to apply migrations).
//!
//! Everything runs in one transaction behind an advisory lock, so concurrent migrators are
//! safe: one applies, the others wait and find the schema current.

use serde::{Deserialize, Serialize};

use crate::client::Params;
use crate::codegen::queries::admin as q;
use crate::error::{Error, ErrorKind, Result};
use crate::executor::Db;
use crate::store::Store;

/// The Alembic revision this crate's schema corresponds to.
pub const HEAD_REVISION: &str = "e5f6a7b8c9d0";

/// Migrations in order: (revision reached, DDL). The step to e5f6a7b8c9d0 also creates this
/// crate's two extra indexes, which do not change the revision.
const MIGRATIONS: &[(&str, &str)] = &[(
    "e5f6a7b8c9d0",
    concat!(
        include_str!("../migrations/e5f6a7b8c9d0.sql"),
        include_str!("../migrations/e5f6a7b8c9d0-properties-name-value-index.sql"),
        include_str!("../migrations/e5f6a7b8c9d0-attributes-id-bucket-index.sql"),
    ),
)];

/// The reference's Alembic revisions before its head, oldest first.
const OLDER_ALEMBIC_REVISIONS: [&str; 6] = [
    "3307e3616c5e",
    "70d60420526",
    "a1b2c3d4e5f6",
    "b2c3d4e5f6a7",
    "c3d4e5f6a7b8",
    "d4e5f6a7b8c9",
];

/// What [`Store::migrate`](crate::Store::migrate) found and did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MigrationReport {
    /// The schema migrated.
    pub schema: String,
    /// The revision found (`None`: an empty schema).
    pub before: Option<String>,
    /// The revision now recorded.
    pub after: String,
    /// The migrations applied, in order (empty when the schema was current).
    pub applied: Vec<String>,
}

impl Store {
    /// Brings the configured schema to [`HEAD_REVISION`]; see the [module docs](self).
    pub async fn migrate(&self) -> Result<MigrationReport> {
        let schema = self.config().schema.clone();
        let mut executor = Db::Pool(self).executor().await?;
        let group = executor.atomic().await?;
        let tx = &group;
        q::migration_lock()
            .params(
                tx,
                &q::KeyParam {
                    key: lock_key(&schema),
                },
            )
            .one()
            .await?;
        let access = q::schema_access()
            .params(
                tx,
                &q::SchemaParam {
                    schema: schema.as_str(),
                },
            )
            .one()
            .await?;
        let denied = |privilege: String, needed_for: &str| {
            Error::new(
                ErrorKind::PermissionDenied,
                format!(
                    "permission denied: role {:?} lacks the {privilege}, which {needed_for} \
                     needs; run migrate as the owner or a role that has it",
                    access.role
                ),
            )
        };
        if access.schema_exists && !access.can_use_schema {
            return Err(denied(
                format!("USAGE privilege on schema {schema:?}"),
                "reading the schema",
            ));
        }
        let state = if access.schema_exists {
            q::schema_state().bind(tx).one().await?
        } else {
            q::SchemaState {
                has_alembic: false,
                has_actors: false,
            }
        };
        let before = if state.has_alembic {
            let revisions = q::alembic_revisions().bind(tx).all().await?;
            match revisions.as_slice() {
                [] => None,
                [one] => Some(one.clone()),
                many => {
                    return Err(refuse(format!(
                        "alembic_version in schema {schema:?} holds several revisions {many:?}"
                    )));
                }
            }
        } else {
            None
        };
        let start = match before.as_deref() {
            None if state.has_actors => {
                return Err(refuse(format!(
                    "schema {schema:?} holds ActingWeb tables but no Alembic revision; \
                         record the revision it is at in alembic_version first"
                )));
            }
            None => 0,
            Some(revision) => match MIGRATIONS.iter().position(|(r, _)| *r == revision) {
                Some(done) => done + 1,
                None if OLDER_ALEMBIC_REVISIONS.contains(&revision) => {
                    return Err(refuse(format!(
                        "schema {schema:?} is at Alembic revision {revision}, older than \
                             {HEAD_REVISION}; upgrade it with the Python actingweb package \
                             first (`python scripts/migrate_db.py upgrade head`, or \
                             `alembic upgrade head`), then run migrate again"
                    )));
                }
                None => {
                    return Err(refuse(format!(
                        "schema {schema:?} is at unknown revision {revision:?}; this \
                             version of actingweb-pg knows revisions up to {HEAD_REVISION}"
                    )));
                }
            },
        };
        if start < MIGRATIONS.len() {
            if !access.schema_exists {
                if !access.can_create_schema {
                    return Err(denied(
                        format!("CREATE privilege on database {:?}", access.database),
                        &format!("creating schema {schema:?}"),
                    ));
                }
                // DDL: the schema name is validated to [a-z0-9_] by Config::schema.
                tx.batch_execute(&format!("CREATE SCHEMA IF NOT EXISTS \"{schema}\""))
                    .await?;
            } else if !access.can_create_in_schema {
                return Err(denied(
                    format!("CREATE privilege on schema {schema:?}"),
                    "applying migrations",
                ));
            }
        }
        let mut applied = Vec::new();
        for (revision, ddl) in &MIGRATIONS[start..] {
            // DDL from migrations/, applied as psql would apply it.
            tx.batch_execute(ddl).await?;
            applied.push(revision.to_string());
        }
        let after = MIGRATIONS.last().map(|(r, _)| *r).unwrap_or(HEAD_REVISION);
        if !applied.is_empty() {
            q::clear_revisions().bind(tx).all().await?;
            q::record_revision()
                .params(tx, &q::RevisionParam { revision: after })
                .one()
                .await?;
        }
        group.commit().await?;
        Ok(MigrationReport {
            schema,
            before,
            after: after.to_string(),
            applied,
        })
    }
}

fn refuse(message: String) -> Error {
    Error::new(ErrorKind::Conflict, message)
}

/// The advisory-lock key of migrations of one schema.
fn lock_key(schema: &str) -> i64 {
    let hash = format!("actingweb-pg migrate {schema}")
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
    i64::from_ne_bytes(hash.to_ne_bytes())
}
