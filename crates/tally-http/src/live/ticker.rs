//! The results ticker: one per presentation whose results someone wants,
//! refreshing them at most every [`RESULTS_EVERY`] and sending only changes.

use super::channel::Channel;
use super::hub::LiveHub;
use super::{messages, RESULTS_EVERY};
use std::sync::atomic::Ordering;
use std::sync::Arc;
use tally_domain::ports::Ports;
use tally_domain::usecases::Tally;
use tally_domain::PresentationId;

impl LiveHub {
    /// Starts the results ticker of a channel if anyone wants results and
    /// it is not running already. It stops by itself when nobody does.
    pub(crate) fn ensure_ticker<P: Ports>(
        &self,
        tally: Tally<P>,
        id: PresentationId,
        channel: Arc<Channel>,
    ) {
        if !channel.wants_results() || channel.ticking.swap(true, Ordering::AcqRel) {
            return;
        }
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(RESULTS_EVERY);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
            loop {
                while channel.wants_results() {
                    tick.tick().await;
                    send_results(&tally, id, &channel).await;
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
async fn send_results<P: Ports>(tally: &Tally<P>, id: PresentationId, channel: &Channel) {
    let Some(poll) = channel.current_poll() else {
        return;
    };
    match tally.live_results(id, poll).await {
        Ok(results) => {
            let audience = channel.audience_everywhere();
            let message: Arc<str> = messages::results(results, audience).into();
            // Only changes are sent: serialised once, compared once.
            let update = |current: &mut Arc<str>| {
                if *current == message {
                    false
                } else {
                    *current = message.clone();
                    true
                }
            };
            channel.results.send_if_modified(update);
            if channel.results_visible() {
                channel.audience_results.send_if_modified(update);
            }
        }
        Err(e) => tracing::warn!(presentation = %id, error = %e, "live results unavailable"),
    }
}
