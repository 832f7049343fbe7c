//! The mirror as a subscriber of the domain's change events: every
//! committed change reaches the state the vote script checks.

use crate::health::RedisHealth;
use crate::mirror::Rebuilder;
use tally_domain::ports::{IntakeSwitch as _, PresentationEvents, PresentationStore, VoteLedger};
use tally_domain::{Presentation, PresentationId};

/// Keeps the mirror the vote script checks in step with every committed
/// change, version-guarded, so concurrent changes from several processes
/// settle on the newest state. A change to a presentation whose mirror is
/// gone (retired while idle, or lost with Redis data) rebuilds it with its
/// votes before it takes votes again. If Redis cannot be told, this process
/// stops using it (votes go straight to Postgres, which is always right)
/// until recovery re-mirrors from Postgres: a presenter's request never
/// fails because of Redis.
#[derive(Clone, Debug)]
pub struct MirrorEvents<S: PresentationStore, L: VoteLedger> {
    rebuilder: Rebuilder<S, L>,
    health: RedisHealth,
}

impl<S: PresentationStore, L: VoteLedger> MirrorEvents<S, L> {
    pub fn new(rebuilder: Rebuilder<S, L>, health: RedisHealth) -> Self {
        Self { rebuilder, health }
    }
}

impl<S: PresentationStore, L: VoteLedger> PresentationEvents for MirrorEvents<S, L> {
    async fn changed(&self, presentation: &Presentation) {
        if !self.health.is_up() {
            return;
        }
        if let Err(e) = self.rebuilder.refresh(presentation, false).await {
            self.health.mark_down(&format!("mirroring a change: {e:#}"));
        }
    }

    async fn deleted(&self, id: PresentationId) {
        if let Err(e) = self.rebuilder.mirror().remove(id).await {
            // Harmless: the mirror of a deleted presentation accepts votes
            // the flush then drops, until recovery removes it.
            tracing::warn!(error = %format!("{e:#}"), "could not remove a deleted presentation's mirror");
        }
    }
}
