//! The live audience across processes.
//!
//! Each process holds some of a presentation's audience sockets. Every
//! process reports its own count now and then, under an instance id, and
//! reads back the sum of the counts that have not expired, so the presenter
//! sees the whole audience whichever process serves the presenter.

use crate::keys::Keys;
use crate::scripts::AUDIENCE;
use crate::Redis;
use std::time::Duration;
use tally_domain::PresentationId;

/// One process's entry on the shared audience board.
#[derive(Clone, Debug)]
pub struct RedisAudience {
    redis: Redis,
    instance: String,
    ttl: Duration,
}

impl RedisAudience {
    /// `instance` must be unique per process; an entry not refreshed within
    /// `ttl` no longer counts (its process is taken as gone).
    pub fn new(redis: Redis, instance: impl Into<String>, ttl: Duration) -> Self {
        Self {
            redis,
            instance: instance.into(),
            ttl,
        }
    }

    /// Records this process's audience for each presentation (0 withdraws
    /// its entry) and returns each presentation's audience across every
    /// process, in the same order.
    ///
    /// # Errors
    /// When Redis fails; nothing is known about the totals then.
    pub async fn report(&self, counts: &[(PresentationId, usize)]) -> anyhow::Result<Vec<usize>> {
        let conn = self.redis.conn()?;
        let ttl_ms = u64::try_from(self.ttl.as_millis()).unwrap_or(u64::MAX);
        // One script per presentation keeps every call on one key (and one
        // Cluster slot); the multiplexed connection pipelines them.
        futures_util::future::try_join_all(counts.iter().map(|(id, count)| {
            let mut conn = conn.clone();
            let mut invocation = AUDIENCE.prepare_invoke();
            invocation
                .key(Keys::new(*id).audience())
                .arg(&self.instance)
                .arg(*count)
                .arg(ttl_ms);
            async move {
                let total: usize = invocation.invoke_async(&mut conn).await?;
                anyhow::Ok(total)
            }
        }))
        .await
    }
}
