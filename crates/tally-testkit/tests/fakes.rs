//! Every contract suite against the in-memory fakes, and the store, intake
//! and ledger suites against the failover composition over fakes (both of
//! its paths). The same suites run against the real adapters in their
//! crates; a fake that passes them can stand in for those in unit tests.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::time::Duration;
use tally_domain::usecases::{FailoverIntake, FailoverLedger};
use tally_domain::{ParticipantId, PollId, Presentation, PresentationId};
use tally_testkit::contract::events::Subscribed;
use tally_testkit::contract::flow::Flow;
use tally_testkit::contract::metrics::{Metered, Reading};
use tally_testkit::contract::Adapters;
use tally_testkit::fakes::{
    FakeArchive, FakeClock, FakeEvents, FakeIntake, FakeLedger, FakeMetrics, FakeQueue, FakeStore,
    FakeSwitch, FakeWorld,
};

/// The store, an intake and a ledger over one world.
struct Fakes<I, L> {
    store: FakeStore,
    intake: I,
    ledger: L,
    clock: FakeClock,
}

impl<I: tally_domain::ports::VoteIntake, L: tally_domain::ports::VoteLedger> Adapters
    for Fakes<I, L>
{
    type Store = FakeStore;
    type Intake = I;
    type Ledger = L;
    fn store(&self) -> &FakeStore {
        &self.store
    }
    fn intake(&self) -> &I {
        &self.intake
    }
    fn ledger(&self) -> &L {
        &self.ledger
    }
    async fn pass(&self, duration: std::time::Duration) {
        self.clock.advance(duration);
    }
}

mod direct {
    use super::*;

    fn fakes() -> Fakes<FakeIntake, FakeLedger> {
        let world = FakeWorld::new();
        Fakes {
            clock: world.clock().clone(),
            store: world.store(),
            intake: world.direct_intake(),
            ledger: world.ledger(),
        }
    }

    tally_testkit::port_contract_tests!(fakes());

    mod links {
        tally_testkit::links_contract_tests!(super::fakes());
    }
}

mod queued {
    use super::*;

    fn fakes() -> Fakes<FakeIntake, FakeLedger> {
        let world = FakeWorld::new();
        Fakes {
            clock: world.clock().clone(),
            store: world.store(),
            intake: world.queued_intake(),
            ledger: world.ledger(),
        }
    }

    tally_testkit::port_contract_tests!(fakes());
}

type Failover = Fakes<
    FailoverIntake<FakeIntake, FakeIntake, FakeSwitch, FakeMetrics>,
    FailoverLedger<FakeLedger, FakeLedger, FakeSwitch>,
>;

fn failover(up: bool) -> Failover {
    let world = FakeWorld::new();
    let switch = FakeSwitch::new(up);
    Fakes {
        clock: world.clock().clone(),
        store: world.store(),
        intake: FailoverIntake::new(
            world.queued_intake(),
            world.direct_intake(),
            switch.clone(),
            FakeMetrics::default(),
        ),
        ledger: FailoverLedger::new(world.ledger(), world.ledger(), switch),
    }
}

mod failover_up {
    tally_testkit::port_contract_tests!(super::failover(true));
}

mod failover_down {
    tally_testkit::port_contract_tests!(super::failover(false));
}

struct FakeFlow {
    world: FakeWorld,
    store: FakeStore,
    intake: FakeIntake,
    archive: FakeArchive,
}

impl Flow for FakeFlow {
    type Store = FakeStore;
    type Intake = FakeIntake;
    type Queue = FakeQueue;
    type Archive = FakeArchive;
    fn store(&self) -> &FakeStore {
        &self.store
    }
    fn intake(&self) -> &FakeIntake {
        &self.intake
    }
    fn queue(&self, consumer: &str) -> FakeQueue {
        self.world.queue(consumer)
    }
    fn archive(&self) -> &FakeArchive {
        &self.archive
    }
    async fn stored(&self, poll: PollId, participant: ParticipantId) -> Option<String> {
        self.world.stored_vote(poll, participant)
    }
    async fn pass(&self, duration: Duration) {
        self.world.clock().advance(duration);
    }
}

mod flow {
    use super::*;

    fn flow() -> FakeFlow {
        let world = FakeWorld::new();
        FakeFlow {
            store: world.store(),
            intake: world.queued_intake(),
            archive: world.archive(),
            world,
        }
    }

    tally_testkit::flow_contract_tests!(flow());
}

struct Recorded {
    store: FakeStore,
    events: FakeEvents,
}

impl Subscribed for Recorded {
    type Store = FakeStore;
    type Events = FakeEvents;
    fn store(&self) -> &FakeStore {
        &self.store
    }
    fn events(&self) -> &FakeEvents {
        &self.events
    }
    async fn follow(&self, _: &Presentation) {}
    async fn seen(&self, id: PresentationId) -> Option<u64> {
        self.events.latest(id)
    }
}

mod events {
    use super::*;

    fn recorded() -> Recorded {
        Recorded {
            store: FakeWorld::new().store(),
            events: FakeEvents::default(),
        }
    }

    tally_testkit::events_contract_tests!(recorded());
}

mod switch {
    use super::*;
    tally_testkit::switch_contract_tests!(FakeSwitch::new);
}

struct FakeMetered(FakeMetrics);

impl Metered for FakeMetered {
    type Metrics = FakeMetrics;
    fn metrics(&self) -> &FakeMetrics {
        &self.0
    }
    fn read(&self) -> Reading {
        self.0.recorded()
    }
}

mod metrics {
    use super::*;
    tally_testkit::metrics_contract_tests!(FakeMetered(FakeMetrics::default()));
}

mod clock {
    use super::*;
    tally_testkit::clock_contract_tests!(FakeClock::default());
}

struct FakeBoarded {
    store: FakeStore,
    board: tally_testkit::fakes::FakeBoard,
}

impl tally_testkit::contract::board::BoardAdapters for FakeBoarded {
    type Store = FakeStore;
    type Board = tally_testkit::fakes::FakeBoard;
    fn store(&self) -> &FakeStore {
        &self.store
    }
    fn board(&self) -> &Self::Board {
        &self.board
    }
}

mod board {
    use super::*;

    fn boarded() -> FakeBoarded {
        let world = FakeWorld::new();
        FakeBoarded {
            store: world.store(),
            board: world.board(),
        }
    }

    tally_testkit::board_contract_tests!(boarded());
}

mod contests {
    use tally_testkit::contract::contests::{ContestAdapters, Stage};
    use tally_testkit::fakes::FakeContests;

    /// The fake knows no presentations or polls: the stage registers them.
    struct Contested(FakeContests);

    impl ContestAdapters for Contested {
        type Contests = FakeContests;
        fn contests(&self) -> &FakeContests {
            &self.0
        }
        async fn presentation(&self) -> Stage {
            let stage = Stage {
                presentation: tally_domain::PresentationId::generate(),
                single: tally_domain::PollId::generate(),
                multiple: tally_domain::PollId::generate(),
            };
            self.0.add_presentation(stage.presentation);
            self.0.add_poll(stage.presentation, stage.single, true);
            self.0.add_poll(stage.presentation, stage.multiple, false);
            stage
        }
    }

    tally_testkit::contests_contract_tests!(Contested(FakeContests::new()));
}
