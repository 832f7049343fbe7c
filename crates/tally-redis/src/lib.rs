//! Redis adapter: the spike path.
//!
//! - [`RedisIntake`]: the vote intake port, one Lua script per vote;
//! - [`RedisLedger`]: live results and the vote listing, from the counters;
//! - [`RedisMirror`]: the state the scripts check, mirrored from Postgres
//!   (which stays the source of truth) and rebuilt from it when missing;
//! - [`MirroredStore`]: the presentation store port, decorated so that every
//!   committed change reaches the mirror;
//! - [`RedisVoteQueue`]: the vote queue port over the per-presentation
//!   streams, read by the flushers through a consumer group.
//!
//! Everything that needs Postgres goes through the domain's ports, so this
//! crate depends on no other adapter.

mod deck;
mod health;
mod intake;
pub mod keys;
mod ledger;
mod mirror;
mod queue;
mod scripts;
mod store;

pub use health::RedisHealth;
pub use intake::RedisIntake;
pub use ledger::RedisLedger;
pub use mirror::{Installed, Rebuilder, RedisMirror};
pub use queue::RedisVoteQueue;
pub use store::MirroredStore;

use anyhow::Context as _;
use redis::aio::{ConnectionManager, ConnectionManagerConfig};
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

/// A reconnecting, multiplexed connection. Cheap to clone: clones share the
/// connection.
#[derive(Clone)]
pub struct Redis {
    conn: ConnectionManager,
}

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
        let conn = ConnectionManager::new_lazy_with_config(client, config)
            .context("creating the Redis connection")?;
        Ok(Self { conn })
    }

    pub(crate) fn conn(&self) -> ConnectionManager {
        self.conn.clone()
    }

    /// PING, for health checks.
    ///
    /// # Errors
    /// When Redis does not answer.
    pub async fn ping(&self) -> anyhow::Result<()> {
        let mut conn = self.conn();
        let _: String = redis::cmd("PING").query_async(&mut conn).await?;
        Ok(())
    }
}
