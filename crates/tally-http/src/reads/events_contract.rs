//! The change events contract against the read cache: what it holds is the
//! version of its entry; a deleted presentation's entry is dropped. Runs
//! on the fakes: no server, no database.
#![allow(clippy::unwrap_used)]

use super::{ReadCache, ReadCacheSettings, ReadEvents};
use std::sync::Arc;
use tally_domain::usecases::Tally;
use tally_domain::{Presentation, PresentationId};
use tally_testkit::contract::events::Subscribed;
use tally_testkit::fakes::{FakePorts, FakeStore, FakeWorld};

struct Cached {
    store: FakeStore,
    tally: Tally<FakePorts>,
    cache: Arc<ReadCache>,
    events: ReadEvents,
}

fn cached() -> Cached {
    let world = FakeWorld::new();
    let (tally, _, _) = world.tally(false);
    let cache = ReadCache::new(ReadCacheSettings::default());
    Cached {
        store: world.store(),
        tally,
        events: cache.events(),
        cache,
    }
}

impl Subscribed for Cached {
    type Store = FakeStore;
    type Events = ReadEvents;
    fn store(&self) -> &FakeStore {
        &self.store
    }
    fn events(&self) -> &ReadEvents {
        &self.events
    }
    /// A phone reads it: the cache holds an entry from then on.
    async fn follow(&self, presentation: &Presentation) {
        self.cache
            .presentation(&self.tally, presentation.id)
            .await
            .unwrap();
    }
    /// The entry as it is, without a read's reload: a reload from the store
    /// would reach the newest version even if the events were ignored.
    async fn seen(&self, id: PresentationId) -> Option<u64> {
        let snapshot = self.cache.presentations.get(&id).await?;
        Some(snapshot.version)
    }
}

tally_testkit::events_contract_tests!(cached());
