//! The change events contract against the live channels: what a channel
//! holds is the version it last published; a deleted presentation's
//! channel is let go. Runs on the fakes: no server, no database.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use super::channel::{Membership, Role};
use super::hub::{LiveEvents, LiveHub};
use crate::telemetry::{HttpTelemetry, Telemetry, Unobserved};
use actix_web::web;
use std::sync::{Arc, Mutex};
use tally_domain::usecases::Tally;
use tally_domain::{Presentation, PresentationId};
use tally_testkit::contract::events::Subscribed;
use tally_testkit::fakes::{FakePorts, FakeStore, FakeWorld};

struct Live {
    store: FakeStore,
    tally: Tally<FakePorts>,
    hub: Arc<LiveHub>,
    events: LiveEvents,
    /// Listeners kept joined for the test's length.
    members: Mutex<Vec<Membership>>,
}

fn live() -> Live {
    let world = FakeWorld::new();
    let (tally, _, _) = world.tally(false);
    let hub = LiveHub::new();
    Live {
        store: world.store(),
        tally,
        events: hub.events(),
        hub,
        members: Mutex::default(),
    }
}

impl Subscribed for Live {
    type Store = FakeStore;
    type Events = LiveEvents;
    fn store(&self) -> &FakeStore {
        &self.store
    }
    fn events(&self) -> &LiveEvents {
        &self.events
    }
    async fn follow(&self, presentation: &Presentation) {
        let telemetry: Telemetry = web::Data::from(Arc::new(Unobserved) as Arc<dyn HttpTelemetry>);
        let member = self
            .hub
            .join(&self.tally, presentation.id, Role::Audience, telemetry)
            .await
            .unwrap();
        self.members.lock().unwrap().push(member);
    }
    async fn seen(&self, id: PresentationId) -> Option<u64> {
        let channel = self.hub.existing(id)?;
        if channel.is_gone() {
            return None;
        }
        let version = *channel.version.lock().unwrap();
        Some(version)
    }
}

tally_testkit::events_contract_tests!(live());
