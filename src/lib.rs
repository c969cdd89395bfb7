#![doc = include_str!("../README.md")]
#![warn(missing_docs)]

// The code cornucopia generates from queries/*.sql (checked in under codegen/, refreshed by
// build.rs). It addresses its own items from the crate root (`crate::client`, ...), hence the
// glob import; it stays private to the crate.
#[allow(missing_docs, dead_code, unused_imports, clippy::all)]
mod codegen {
    include!("../codegen/src/lib.rs");
}
#[allow(unused_imports)]
use codegen::*;

pub mod actors;
pub mod attributes;
pub mod config;
mod connect;
pub mod encoding;
pub mod error;
mod executor;
pub mod health;
pub mod migrate;
pub mod peer_trustees;
pub mod properties;
pub mod property_lookup;
mod python_lower;
pub mod replicas;
mod rules;
mod secret;
mod store;
pub mod subscription_diffs;
pub mod subscriptions;
pub mod suspensions;
pub mod telemetry;
pub mod transfer;
pub mod trusts;
mod watchdog;

pub use crate::actors::{Actor, ActorSummary, Actors, DeletedRows};
pub use crate::attributes::{Attribute, Attributes};
pub use crate::config::{
    Config, DEFAULT_APPLICATION_NAME, DEFAULT_MAX_REPLICA_LAG, Pooler, RootCerts, SslMode,
};
pub use crate::encoding::python_json;
pub use crate::error::{Error, ErrorKind, Result};
pub use crate::health::{Health, PoolHealth, TableHealth};
pub use crate::migrate::{HEAD_REVISION, MigrationReport};
pub use crate::peer_trustees::{PeerTrustee, PeerTrustees};
pub use crate::properties::Properties;
pub use crate::property_lookup::{LookupEntry, PropertyLookup};
pub use crate::python_lower::python_lower;
pub use crate::replicas::{Replica, ReplicaHealth, ReplicaStatus};
pub use crate::store::{Store, Transaction};
pub use crate::subscription_diffs::{SubscriptionDiff, SubscriptionDiffs};
pub use crate::subscriptions::{NewSubscription, Subscription, SubscriptionUpdate, Subscriptions};
pub use crate::suspensions::{Suspension, Suspensions};
pub use crate::transfer::{
    ExportReport, ExportedTable, ImportOptions, ImportReport, ImportedTable, Mismatch,
    RecordSource, RecordStream, SourceRecord, SyncOptions, TABLES, TransferProgress,
    ValidatedTable, ValidationReport, export_from,
};
pub use crate::trusts::{NewTrust, Trust, TrustUpdate, Trusts};
