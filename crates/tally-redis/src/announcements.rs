//! Announcements: a change told to the other processes over Redis pub/sub,
//! so a slide change made through one process reaches every process's
//! subscribers. The channel, its two commands, and [`ChangePublisher`], the
//! change subscriber that announces.

use crate::Redis;
use anyhow::Context as _;
use futures_util::{Stream, StreamExt as _};
use tally_domain::ports::PresentationEvents;
use tally_domain::{Presentation, PresentationId};

/// The channel every process listens on. Classic pub/sub reaches every node
/// of a Redis Cluster too.
pub const CHANGES: &str = "tally:changes";

impl Redis {
    /// Tells every process that a presentation's state changed.
    ///
    /// # Errors
    /// When Redis fails.
    pub async fn publish_change(&self, id: PresentationId) -> anyhow::Result<()> {
        let mut conn = self.conn()?;
        let _: i64 = redis::cmd("PUBLISH")
            .arg(CHANGES)
            .arg(id.to_string())
            .query_async(&mut conn)
            .await?;
        Ok(())
    }

    /// The stream of changed presentations, on a connection of its own. It
    /// ends when the connection does; callers resubscribe.
    ///
    /// # Errors
    /// When Redis cannot be reached.
    pub async fn changes(&self) -> anyhow::Result<impl Stream<Item = PresentationId> + Send> {
        let mut pubsub = self
            .client
            .get_async_pubsub()
            .await
            .context("opening a pub/sub connection")?;
        pubsub.subscribe(CHANGES).await?;
        Ok(pubsub.into_on_message().filter_map(|message| async move {
            message.get_payload::<String>().ok()?.parse().ok()
        }))
    }
}

/// Tells the other processes (Redis pub/sub) that a presentation changed or
/// went, so their subscribers follow (`Announcements`, in the domain). Fire
/// and forget: a presenter's request never waits for it.
#[derive(Clone, Debug)]
pub struct ChangePublisher {
    redis: Redis,
}

impl ChangePublisher {
    pub fn new(redis: Redis) -> Self {
        Self { redis }
    }

    fn announce(&self, id: PresentationId) {
        let redis = self.redis.clone();
        tokio::spawn(async move {
            if let Err(e) = redis.publish_change(id).await {
                tracing::warn!(error = %format!("{e:#}"), "could not tell other processes about a change");
            }
        });
    }
}

impl PresentationEvents for ChangePublisher {
    async fn changed(&self, presentation: &Presentation) {
        self.announce(presentation.id);
    }

    async fn deleted(&self, id: PresentationId) {
        self.announce(id);
    }
}
