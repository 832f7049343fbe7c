//! The audience across processes: each process shares its counts on a
//! board (Redis, with several processes) and shows presenters the sum.

use super::channel::Channel;
use super::hub::LiveHub;
use futures::future::BoxFuture;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;
use tally_domain::PresentationId;
use tokio::sync::watch;

/// Where processes pool their audience counts, so a presenter sees the
/// audience of every process (with several processes: Redis). Without one,
/// presenters see this process's audience.
pub trait AudienceBoard: Send + Sync + 'static {
    /// Records this process's audience for each presentation (0 withdraws
    /// it) and returns each presentation's audience across every process,
    /// in the same order.
    ///
    /// # Errors
    /// When the board cannot be reached; the totals are unknown then, and
    /// the caller falls back to its own counts.
    fn report<'a>(
        &'a self,
        counts: &'a [(PresentationId, usize)],
    ) -> BoxFuture<'a, Result<Vec<usize>, String>>;
}

impl LiveHub {
    /// Shares this process's audience counts on `board` every `every`, so
    /// presenters see the audience of all processes (at most `every` old
    /// for the others; this process's own count is always current). On
    /// `shutdown`, withdraws this process's counts.
    pub async fn share_audience(
        self: Arc<Self>,
        board: Arc<dyn AudienceBoard>,
        every: Duration,
        mut shutdown: watch::Receiver<bool>,
    ) {
        let mut failing = false;
        loop {
            tokio::select! {
                () = tokio::time::sleep(every) => {}
                _ = shutdown.changed() => break,
            }
            match self.report_audience(&*board, false).await {
                Ok(()) if failing => {
                    failing = false;
                    tracing::info!("audience board reachable again");
                }
                Err(e) if !failing => {
                    failing = true;
                    tracing::warn!(error = %e, "audience board unreachable; presenters see this process's audience only");
                }
                _ => {}
            }
        }
        // Bounded: a board that is down must not hold up the shutdown (its
        // entries expire by themselves).
        let withdraw = self.report_audience(&*board, true);
        if let Ok(Err(e)) = tokio::time::timeout(Duration::from_secs(1), withdraw).await {
            tracing::warn!(error = %e, "could not withdraw the audience counts");
        }
    }

    async fn report_audience(
        &self,
        board: &dyn AudienceBoard,
        withdraw: bool,
    ) -> Result<(), String> {
        let channels: Vec<(PresentationId, Arc<Channel>)> = self
            .lock()
            .iter()
            .filter(|(_, channel)| channel.in_use())
            .map(|(id, channel)| (*id, channel.clone()))
            .collect();
        if channels.is_empty() {
            return Ok(());
        }
        let counts: Vec<(PresentationId, usize)> = channels
            .iter()
            .map(|(id, channel)| {
                let here = if withdraw {
                    0
                } else {
                    channel.audience.load(Ordering::Acquire)
                };
                (*id, here)
            })
            .collect();
        match board.report(&counts).await {
            Ok(totals) => {
                for ((_, channel), ((_, here), total)) in
                    channels.iter().zip(counts.iter().zip(totals))
                {
                    channel.audience_reported.store(*here, Ordering::Release);
                    channel
                        .audience_elsewhere
                        .store(total.saturating_sub(*here), Ordering::Release);
                    if *here == 0 {
                        self.release_if_idle(channel);
                    }
                }
                Ok(())
            }
            Err(e) => {
                // Unknown totals: show what this process knows rather than
                // a figure that may be long stale.
                for (_, channel) in &channels {
                    channel.audience_elsewhere.store(0, Ordering::Release);
                }
                Err(e)
            }
        }
    }
}
