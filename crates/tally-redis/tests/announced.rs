//! The announcement to other processes as a subscriber of the change
//! events, held to what another process's subscribers are told: that
//! process hears the id over Redis pub/sub and tells its subscribers
//! through `Announcements`, as `tally serve`'s listener does.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;
#[path = "common/world.rs"]
mod world;

use futures_util::StreamExt as _;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use tally_domain::ports::PresentationEvents;
use tally_domain::usecases::Announcements;
use tally_domain::{Presentation, PresentationId};
use tally_postgres::{PgLedger, PgStore};
use tally_redis::{ChangePublisher, MirrorEvents};
use tally_testkit::contract::events::Subscribed;
use tally_testkit::fakes::{FakeEvents, Told};
use tally_testkit::postgres::TestDatabase;
use world::{world_on, World};

/// `inner`, counting the events it is told, so the harness knows how many
/// announcements the other process has yet to hear.
#[derive(Clone, Debug)]
struct Counted<E> {
    inner: E,
    told: Arc<AtomicUsize>,
}

impl<E: PresentationEvents> PresentationEvents for Counted<E> {
    async fn changed(&self, presentation: &Presentation) {
        self.told.fetch_add(1, Ordering::AcqRel);
        self.inner.changed(presentation).await;
    }

    async fn deleted(&self, id: PresentationId) {
        self.told.fetch_add(1, Ordering::AcqRel);
        self.inner.deleted(id).await;
    }
}

/// This process tells `events`; the other process's subscriber is
/// `received`, reached only through the announcements it hears.
struct Announcing<E> {
    events: Counted<E>,
    received: FakeEvents,
    heard: Arc<AtomicUsize>,
    listener: tokio::task::JoinHandle<()>,
    world: World,
}

impl<E> Drop for Announcing<E> {
    fn drop(&mut self) {
        self.listener.abort();
    }
}

async fn announcing<E>(events: impl FnOnce(&World) -> E) -> Announcing<E> {
    let world = world_on(TestDatabase::create().await).await;
    let received = FakeEvents::default();
    let heard = Arc::new(AtomicUsize::new(0));
    // Subscribed before the harness is handed out, so nothing is missed.
    let changes = world.redis.changes().await.unwrap();
    let announcements = Announcements::new(world.pg_store.clone(), received.clone());
    let listener = tokio::spawn({
        let heard = heard.clone();
        async move {
            let mut changes = std::pin::pin!(changes);
            while let Some(id) = changes.next().await {
                announcements.heard(id).await.unwrap();
                heard.fetch_add(1, Ordering::AcqRel);
            }
        }
    });
    Announcing {
        events: Counted {
            inner: events(&world),
            told: Arc::default(),
        },
        received,
        heard,
        listener,
        world,
    }
}

impl<E: PresentationEvents> Subscribed for Announcing<E> {
    type Store = PgStore;
    type Events = Counted<E>;
    fn store(&self) -> &PgStore {
        &self.world.pg_store
    }
    fn events(&self) -> &Counted<E> {
        &self.events
    }
    async fn follow(&self, _: &Presentation) {}
    /// The last state the other process's subscriber was told: a later
    /// announcement that told it an older one would show here.
    async fn seen(&self, id: PresentationId) -> Option<u64> {
        self.received
            .told()
            .iter()
            .rev()
            .find_map(|told| match *told {
                Told::Changed { id: of, version } if of == id => Some(Some(version)),
                Told::Deleted { id: of } if of == id => Some(None),
                _ => None,
            })
            .flatten()
    }
    /// Every announcement is heard once: the other process has acted on
    /// all of them when it has heard as many as were told.
    async fn caught_up(&self) {
        while self.heard.load(Ordering::Acquire) < self.events.told.load(Ordering::Acquire) {
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
    }
}

mod announced_events {
    use super::*;

    async fn announced() -> Announcing<ChangePublisher> {
        announcing(|w| ChangePublisher::new(w.redis.clone())).await
    }

    tally_testkit::events_contract_tests!(announced().await);
}

/// Production's order: the mirror, then the announcement.
mod both_events {
    use super::*;

    async fn both() -> Announcing<(MirrorEvents<PgStore, PgLedger>, ChangePublisher)> {
        announcing(|w| {
            (
                w.store.events.clone(),
                ChangePublisher::new(w.redis.clone()),
            )
        })
        .await
    }

    tally_testkit::events_contract_tests!(both().await);
}
