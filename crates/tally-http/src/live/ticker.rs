//! The results ticker: one per presentation whose results someone wants,
//! refreshing them at most every [`RESULTS_EVERY`] and sending only changes.

use super::channel::Channel;
use super::hub::LiveHub;
use super::{messages, RESULTS_EVERY};
use futures::future::BoxFuture;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use tally_domain::kinds::PollType;
use tally_domain::ports::Ports;
use tally_domain::usecases::{CloseExpiredError, PollResultsError, Tally};
use tally_domain::{PollId, PollResults, PresentationId};

/// What the live channels ask of the use cases: where a ticker reads the
/// results of the poll on screen (for a channel whose presenter was
/// authorised when it connected), and closing voting at a deadline.
pub trait LiveResults: Send + Sync + 'static {
    fn results(
        &self,
        id: PresentationId,
        poll: PollId,
    ) -> BoxFuture<'_, Result<PollResults, PollResultsError>>;

    /// [`Tally::close_expired_voting`]: whether this call closed it.
    fn close_expired(
        &self,
        id: PresentationId,
        poll: PollId,
        deadline: std::time::SystemTime,
    ) -> BoxFuture<'_, Result<bool, CloseExpiredError>>;
}

impl<P: Ports> LiveResults for Tally<P> {
    fn results(
        &self,
        id: PresentationId,
        poll: PollId,
    ) -> BoxFuture<'_, Result<PollResults, PollResultsError>> {
        Box::pin(self.live_results(id, poll))
    }

    fn close_expired(
        &self,
        id: PresentationId,
        poll: PollId,
        deadline: std::time::SystemTime,
    ) -> BoxFuture<'_, Result<bool, CloseExpiredError>> {
        Box::pin(self.close_expired_voting(id, poll, deadline))
    }
}

impl LiveHub {
    /// Starts the results ticker of a channel if anyone wants results and
    /// it is not running already. It stops by itself when nobody does.
    pub(crate) fn ensure_ticker(&self, id: PresentationId, channel: Arc<Channel>) {
        let Some(source) = self.results.get().cloned() else {
            return;
        };
        if !channel.wants_results() || channel.ticking.swap(true, Ordering::AcqRel) {
            return;
        }
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(RESULTS_EVERY);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
            loop {
                while channel.wants_results() {
                    tick.tick().await;
                    send_results(&*source, id, &channel).await;
                }
                channel.ticking.store(false, Ordering::Release);
                // A presenter who joined after the last check found the
                // flag still set and started nothing: carry on for them.
                if !channel.wants_results() || channel.ticking.swap(true, Ordering::AcqRel) {
                    break;
                }
            }
        });
    }
}

/// One tick: the poll on screen's results, sent if they changed.
async fn send_results(source: &dyn LiveResults, id: PresentationId, channel: &Channel) {
    let Some(poll) = channel.current_poll() else {
        return;
    };
    match source.results(id, poll).await {
        Ok(results) => {
            let audience = channel.audience_everywhere();
            // The audience's copy leaves out what moderation holds and,
            // while voting is open, a quiz's answer
            // ([`PollResults::reveals_correct`]); other polls share one
            // message.
            let own_copy = match results.settings.kind {
                PollType::Wordcloud | PollType::Open | PollType::Qa => true,
                PollType::Quiz => results.voting_open,
                _ => false,
            };
            let public = (channel.results_visible() && own_copy).then(|| results.clone().public());
            let message: Arc<str> = messages::results(results, audience).into();
            // Only changes are sent: serialised once, compared once.
            // Runs under the stream's lock: once the channel is gone,
            // `deleted` stays the newest message.
            let update = |message: &Arc<str>| {
                let message = message.clone();
                move |current: &mut Arc<str>| {
                    if channel.is_gone() || *current == message {
                        false
                    } else {
                        *current = message.clone();
                        true
                    }
                }
            };
            channel.results.send_if_modified(update(&message));
            if channel.results_visible() {
                let public: Arc<str> = match public {
                    Some(public) => messages::results(public, audience).into(),
                    None => message,
                };
                channel.audience_results.send_if_modified(update(&public));
            }
        }
        Err(e) => tracing::warn!(presentation = %id, error = %e, "live results unavailable"),
    }
}
