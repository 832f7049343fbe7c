//! State-change events between processes (Redis pub/sub), so a slide change
//! made through one process reaches the live sockets of every process.

use crate::Redis;
use anyhow::Context as _;
use futures_util::{Stream, StreamExt as _};
use tally_domain::PresentationId;

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
