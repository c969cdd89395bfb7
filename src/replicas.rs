//! Read replicas: [`Store::replica`] and the lag checks that decide where its reads go.
//!
//! Each configured replica has a pool of its own (the primary's pool settings, schema and
//! deadlines). A background task measures every replica's lag each
//! [check interval](crate::Config::max_replica_lag): it reads the primary's WAL flush position
//! and keeps the positions of the last checks with their times; a replica's lag is the age of
//! the newest of those positions it has replayed (`pg_last_wal_replay_lsn()`). That works
//! with no superuser privilege and on an idle primary (a caught-up replica is at the
//! primary's position, so its lag is the few milliseconds since the primary was read).
//!
//! A replica that cannot be reached, is not in recovery (promoted, or not a standby) or lags
//! more than the bound is skipped; reads then go to the other replicas, or to the primary.
//! A change of state is logged (`tracing`, warn when a replica is skipped, info when it is
//! back). While the primary cannot be read, replicas keep their last state.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, Weak};
use std::time::{Duration, Instant};

use deadpool_postgres::Pool;
use serde::{Deserialize, Serialize};

use crate::actors::Actors;
use crate::attributes::Attributes;
use crate::codegen::queries::admin as q;
use crate::config::{Config, server_label};
use crate::error::Result;
use crate::executor::{Db, Deadline, Executor};
use crate::peer_trustees::PeerTrustees;
use crate::properties::Properties;
use crate::property_lookup::PropertyLookup;
use crate::store::Store;
use crate::subscription_diffs::SubscriptionDiffs;
use crate::subscriptions::Subscriptions;
use crate::suspensions::Suspensions;
use crate::telemetry::{self, PoolRole};
use crate::trusts::Trusts;

/// Where a replica stands, as the last check found it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReplicaStatus {
    /// Not checked yet: reads skip it until the first check.
    Unchecked,
    /// In recovery and within the lag bound: reads go to it.
    Up,
    /// In recovery but further behind the primary than the lag bound: skipped.
    Lagging,
    /// Not in recovery (promoted, or not a standby): skipped.
    NotStandby,
    /// Could not be reached or queried: skipped.
    Down,
}

/// One replica in [`Health::replicas`](crate::Health::replicas) and
/// [`Store::check_replicas`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReplicaHealth {
    /// `host:port` of the replica (never the user or password).
    pub server: String,
    /// Its state.
    pub status: ReplicaStatus,
    /// How far behind the primary it was, in seconds, when it was last measured (an upper
    /// bound, to the resolution of the check interval).
    pub lag_seconds: Option<f64>,
    /// How many bytes of WAL it had still to replay, when last measured.
    pub lag_bytes: Option<i64>,
    /// Why it is down.
    pub error: Option<String>,
}

/// The configured replicas, their pools and states.
pub(crate) struct Replicas {
    members: Vec<Member>,
    /// Round-robin position among the replicas that are up.
    next: AtomicUsize,
    /// The primary's WAL flush positions at recent checks, newest last.
    positions: Mutex<VecDeque<(Instant, i64)>>,
    max_lag: Duration,
    interval: Duration,
}

struct Member {
    pool: Pool,
    deadline: Arc<Deadline>,
    health: Mutex<ReplicaHealth>,
}

impl Replicas {
    /// Builds a pool for every replica of `config`; connects to none of them yet.
    pub(crate) fn new(
        config: &Config,
        pool: impl Fn(&Config) -> Result<(Pool, Arc<Deadline>)>,
    ) -> Result<Replicas> {
        let members = config
            .replicas
            .iter()
            .map(|target| {
                let mut replica = config.clone();
                replica.pg = target.pg.clone();
                replica.tls = target.tls.clone();
                replica.replicas.clear();
                // Opened when the first read needs one: a replica that is down must not
                // stop the store from starting.
                replica.pool_min_size = 0;
                let (pool, deadline) = pool(&replica)?;
                Ok(Member {
                    pool,
                    deadline,
                    health: Mutex::new(ReplicaHealth {
                        server: server_label(&target.pg),
                        status: ReplicaStatus::Unchecked,
                        lag_seconds: None,
                        lag_bytes: None,
                        error: None,
                    }),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Replicas {
            members,
            next: AtomicUsize::new(0),
            positions: Mutex::new(VecDeque::new()),
            max_lag: config.max_replica_lag,
            interval: config.replica_check_interval(),
        })
    }

    /// Whether any replica is configured.
    pub(crate) fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// The states of every replica.
    pub(crate) fn health(&self) -> Vec<ReplicaHealth> {
        self.members
            .iter()
            .map(|m| m.health.lock().expect("not poisoned").clone())
            .collect()
    }

    /// The next replica that is up, in turn; `None` when none is.
    fn pick(&self) -> Option<&Member> {
        let count = self.members.len();
        let start = self.next.fetch_add(1, Ordering::Relaxed);
        (0..count)
            .map(|i| &self.members[(start + i) % count])
            .find(|m| m.health.lock().expect("not poisoned").status == ReplicaStatus::Up)
    }

    /// Measures every replica's lag against the primary's current position and updates their
    /// states.
    pub(crate) async fn check(&self, store: &Store) {
        let primary = async {
            let c = Db::Pool(store).executor().await?;
            Ok::<_, crate::Error>(q::wal_flush_position().bind(&c).one().await?)
        }
        .await;
        let now = Instant::now();
        match primary {
            Ok(position) => {
                let mut positions = self.positions.lock().expect("not poisoned");
                positions.push_back((now, position));
                // Older positions only tell that a replica is further behind than the bound.
                let keep = self.max_lag + 2 * self.interval;
                while positions.len() > 1 && now.duration_since(positions[0].0) > keep {
                    positions.pop_front();
                }
            }
            Err(e) => {
                tracing::warn!(error = %e, "replica check: the primary's WAL position could not be read; replica states kept");
                return;
            }
        }
        let checks = self.members.iter().map(|member| async move {
            let found = async {
                let c = Executor::pooled(
                    telemetry::checkout(&member.pool, PoolRole::Replica).await?,
                    &member.deadline,
                );
                Ok::<_, crate::Error>(q::replay_position().bind(&c).one().await?)
            }
            .await;
            self.update(member, found);
        });
        futures::future::join_all(checks).await;
    }

    /// Records what a check of `member` found, and logs a change of state.
    fn update(&self, member: &Member, found: Result<q::ReplayPosition>) {
        let (status, lag, lag_bytes, error) = match found {
            Err(e) => (ReplicaStatus::Down, None, None, Some(format!("{e:#}"))),
            Ok(q::ReplayPosition {
                in_recovery: true,
                replay_lsn: Some(replayed),
            }) => {
                let positions = self.positions.lock().expect("not poisoned");
                let (newest_time, newest) = *positions.back().expect("one position recorded");
                let lag = positions
                    .iter()
                    .rev()
                    .find(|(_, position)| *position <= replayed)
                    .map(|(at, _)| newest_time.duration_since(*at))
                    // Behind every recorded position: at least as old as the oldest one.
                    .unwrap_or_else(|| newest_time.duration_since(positions[0].0) + self.interval);
                let status = if lag <= self.max_lag {
                    ReplicaStatus::Up
                } else {
                    ReplicaStatus::Lagging
                };
                (status, Some(lag), Some((newest - replayed).max(0)), None)
            }
            Ok(_) => (ReplicaStatus::NotStandby, None, None, None),
        };
        let mut health = member.health.lock().expect("not poisoned");
        if let Some(lag) = lag {
            telemetry::replica_lag(&health.server, lag);
        }
        let before = health.status;
        health.status = status;
        health.lag_seconds = lag.map(|l| l.as_secs_f64());
        health.lag_bytes = lag_bytes;
        health.error = error;
        if before != status {
            if status == ReplicaStatus::Up {
                tracing::info!(replica = %health.server, lag_seconds = ?health.lag_seconds, "replica serves reads");
            } else {
                tracing::warn!(
                    replica = %health.server,
                    status = ?status,
                    lag_seconds = ?health.lag_seconds,
                    error = health.error.as_deref().unwrap_or(""),
                    "replica skipped: reads through store.replica() go elsewhere"
                );
            }
        }
    }

    /// The replicas' pools.
    pub(crate) fn pools(&self) -> impl Iterator<Item = &Pool> {
        self.members.iter().map(|m| &m.pool)
    }

    /// Closes every replica pool.
    pub(crate) fn close(&self) {
        self.pools().for_each(Pool::close);
    }
}

/// Checks the replicas every check interval until the store is gone or closed.
pub(crate) async fn check_periodically(store: Weak<crate::store::Inner>, interval: Duration) {
    loop {
        let Some(store) = Store::upgrade(&store) else {
            return;
        };
        if store.pool().is_closed() {
            return;
        }
        store.replicas().check(&store).await;
        drop(store);
        tokio::time::sleep(interval).await;
    }
}

impl Store {
    /// Reads that may be stale: the same read methods as the store's, run on a read replica
    /// that is up and within [`Config::max_replica_lag`] (in turn, when there are several), or
    /// on the primary when none is or none is configured. Writes through it are refused with
    /// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) before anything is sent, also
    /// while reads fall back to the primary; a transaction never uses a replica.
    ///
    /// ```no_run
    /// # async fn example(store: actingweb_pg::Store) -> actingweb_pg::Result<()> {
    /// let name = store.replica().properties().get("a1", "displayName").await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn replica(&self) -> Replica<'_> {
        Replica {
            db: Db::Replica(self),
        }
    }

    /// Checks every replica now (as the background check does) and returns their states.
    pub async fn check_replicas(&self) -> Vec<ReplicaHealth> {
        self.replicas().check(self).await;
        self.replicas().health()
    }

    /// An executor for a read through [`Store::replica`]: a replica's connection, or the
    /// primary's when no replica is up.
    pub(crate) async fn replica_executor(&self) -> Result<Executor<'_>> {
        match self.replicas().pick() {
            Some(member) => Ok(Executor::pooled(
                telemetry::checkout(&member.pool, PoolRole::Replica).await?,
                &member.deadline,
            )),
            None => Db::Pool(self).executor().await,
        }
    }
}

/// Reads that may be stale; see [`Store::replica`].
pub struct Replica<'a> {
    db: Db<'a>,
}

impl Replica<'_> {
    /// Whether this handle's next read runs on a standby (`pg_is_in_recovery()` of the
    /// connection it gets): `false` when it falls back to the primary.
    pub async fn is_standby(&self) -> Result<bool> {
        let c = self.db.reader().await?;
        Ok(q::replay_position().bind(&c).one().await?.in_recovery)
    }

    /// Actors, read from a replica.
    pub fn actors(&self) -> Actors<'_> {
        Actors::new(self.db)
    }

    /// Properties, read from a replica.
    pub fn properties(&self) -> Properties<'_> {
        Properties::new(self.db)
    }

    /// Lookup rows, read from a replica.
    pub fn property_lookup(&self) -> PropertyLookup<'_> {
        PropertyLookup::new(self.db)
    }

    /// Trusts, read from a replica.
    pub fn trusts(&self) -> Trusts<'_> {
        Trusts::new(self.db)
    }

    /// Peer trustees, read from a replica.
    pub fn peer_trustees(&self) -> PeerTrustees<'_> {
        PeerTrustees::new(self.db)
    }

    /// Subscriptions, read from a replica.
    pub fn subscriptions(&self) -> Subscriptions<'_> {
        Subscriptions::new(self.db)
    }

    /// Subscription diffs, read from a replica.
    pub fn subscription_diffs(&self) -> SubscriptionDiffs<'_> {
        SubscriptionDiffs::new(self.db)
    }

    /// Attributes, read from a replica.
    pub fn attributes(&self) -> Attributes<'_> {
        Attributes::new(self.db)
    }

    /// Subscription suspensions of one actor, read from a replica.
    pub fn suspensions<'a>(&'a self, actor_id: &'a str) -> Suspensions<'a> {
        Suspensions::new(self.db, actor_id)
    }
}
