//! Redis adapter: the spike path.
//!
//! - [`RedisIntake`]: the vote intake port, one Lua script per vote;
//! - [`RedisLedger`]: live results and the vote listing, from the counters;
//!   earlier rounds and quiz answers from Postgres, once it holds every
//!   vote acknowledged before the read ([`settle`]);
//! - [`RedisMirror`]: the state the scripts check, mirrored from Postgres
//!   (which stays the source of truth) and rebuilt from it when missing;
//! - [`MirrorEvents`]: the subscriber of the domain's change events that
//!   keeps the mirror in step;
//! - [`ChangePublisher`]: the subscriber that announces each change to the
//!   other processes, over the pub/sub channel whose commands sit beside it
//!   (`announcements`);
//! - [`RedisVoteQueue`]: the vote queue port over the per-presentation
//!   streams, read by the flushers through a consumer group;
//! - [`RedisAudience`]: the live audience summed over every process;
//! - [`recovery`]: the background tasks that keep the mirror right (health
//!   probe and recovery, reconciliation, sweep).
//!
//! Every command goes through one timed connection type, reported to a
//! [`CommandObserver`] when one is installed.
//!
//! Everything that needs Postgres goes through the domain's ports, so this
//! crate depends on no other adapter.

mod announcements;
mod audience;
mod deck;
mod errors;
mod health;
mod intake;
pub mod keys;
mod ledger;
mod mirror;
mod mirror_events;
mod observed;
mod queue;
pub mod recovery;
mod scripts;
pub mod settle;

pub use announcements::ChangePublisher;
pub use audience::RedisAudience;
pub use health::RedisHealth;
pub use intake::{RedisIntake, DEFAULT_BATCH};
pub use ledger::RedisLedger;
pub use mirror::{Installed, Rebuilder, RedisMirror, Swept};
pub use mirror_events::MirrorEvents;
pub use observed::CommandObserver;
pub use queue::RedisVoteQueue;

use anyhow::Context as _;
use observed::Connection;
use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// How to reach Redis.
#[derive(Clone, Debug)]
pub struct RedisSettings {
    pub url: String,
    /// A command that takes longer fails, so a hung Redis makes intake fall
    /// back instead of holding requests.
    pub response_timeout: Duration,
    pub connection_timeout: Duration,
}

/// Reconnecting, multiplexed connections: one per thread that uses them.
///
/// Each HTTP worker thread gets a connection of its own, driven on its own
/// runtime, so a vote never hops to another thread to reach Redis (sharing
/// one connection cost two context switches per vote and made the
/// connection's thread the bottleneck in a spike). Distinct `Redis` values
/// (from separate [`Redis::connect`] calls) never share a connection.
#[derive(Clone)]
pub struct Redis {
    pub(crate) id: u64,
    client: redis::Client,
    config: ConnectionManagerConfig,
    observer: Option<Arc<dyn CommandObserver>>,
}

thread_local! {
    static CONNECTIONS: RefCell<HashMap<u64, ConnectionManager>> = RefCell::default();
}

static NEXT_ID: AtomicU64 = AtomicU64::new(0);

impl std::fmt::Debug for Redis {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Redis")
    }
}

impl Redis {
    /// Connects lazily: this succeeds while Redis is down, and commands fail
    /// until it is up (intake then falls back to Postgres).
    ///
    /// # Errors
    /// When the URL does not parse.
    pub fn connect(settings: &RedisSettings) -> anyhow::Result<Self> {
        let client =
            redis::Client::open(settings.url.as_str()).context("REDIS_URL is not valid")?;
        let config = ConnectionManagerConfig::new()
            .set_response_timeout(Some(settings.response_timeout))
            .set_connection_timeout(Some(settings.connection_timeout))
            .set_number_of_retries(1)
            .set_max_delay(Duration::from_millis(500));
        Ok(Self {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            client,
            config,
            observer: None,
        })
    }

    /// The same connections, with every command reported to `observer`
    /// (command latency metrics).
    #[must_use]
    pub fn observed_by(mut self, observer: Arc<dyn CommandObserver>) -> Self {
        self.observer = Some(observer);
        self
    }

    /// This thread's connection, made on first use on this thread's runtime.
    ///
    /// # Errors
    /// Only when the connection settings are rejected.
    pub(crate) fn conn(&self) -> anyhow::Result<Connection> {
        let inner = CONNECTIONS.with(|connections| {
            let mut connections = connections.borrow_mut();
            if let Some(conn) = connections.get(&self.id) {
                return anyhow::Ok(conn.clone());
            }
            let conn =
                ConnectionManager::new_lazy_with_config(self.client.clone(), self.config.clone())
                    .context("creating a Redis connection")?;
            connections.insert(self.id, conn.clone());
            Ok(conn)
        })?;
        Ok(Connection {
            inner,
            observer: self.observer.clone(),
        })
    }

    /// PING, for health checks.
    ///
    /// # Errors
    /// When Redis does not answer.
    pub async fn ping(&self) -> anyhow::Result<()> {
        let mut conn = self.conn()?;
        let _: String = redis::cmd("PING").query_async(&mut conn).await?;
        Ok(())
    }
}
