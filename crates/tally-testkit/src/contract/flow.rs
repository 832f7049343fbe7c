//! The contracts of the vote queue and the vote archive, which together
//! carry acknowledged votes into the source of truth: delivery at least
//! once, storage exactly once.

use super::intake::ballot;
use super::store::create_in;
use crate::fixtures::deck;
use std::collections::BTreeSet;
use std::future::Future;
use std::time::Duration;
use tally_domain::ports::{PresentationStore, QueuedVote, VoteArchive, VoteIntake, VoteQueue};
use tally_domain::{ParticipantId, PollId, Presentation, VoteReceipt};

/// A queue fed by an intake, an archive, and a way to look at what the
/// archive stored.
pub trait Flow: Send + Sync + 'static {
    type Store: PresentationStore;
    /// An intake whose acknowledged votes land in the queue.
    type Intake: VoteIntake;
    type Queue: VoteQueue;
    type Archive: VoteArchive;
    fn store(&self) -> &Self::Store;
    fn intake(&self) -> &Self::Intake;
    /// A consumer of the queue, named `consumer`.
    fn queue(&self, consumer: &str) -> Self::Queue;
    fn archive(&self) -> &Self::Archive;
    /// The option key the source of truth holds for the participant's vote.
    fn stored(
        &self,
        poll: PollId,
        participant: ParticipantId,
    ) -> impl Future<Output = Option<String>> + Send;
    /// Lets `duration` pass, as the queue measures idle time.
    fn pass(&self, duration: Duration) -> impl Future<Output = ()> + Send;
}

const WAIT: Duration = Duration::from_millis(20);
const IDLE: Duration = Duration::from_millis(100);

/// A presentation with `n` votes on its first poll, all acknowledged.
async fn voted<F: Flow>(flow: &F, n: usize) -> (Presentation, Vec<ParticipantId>) {
    let p = create_in(flow.store(), deck(1)).await;
    let mut voters = Vec::new();
    for i in 0..n {
        let voter = ParticipantId::from_uuid(uuid::Uuid::new_v4());
        let key = ["A", "B", "C"][i % 3];
        let receipt = flow.intake().cast(ballot(&p, 0, voter, key)).await;
        assert_eq!(receipt.unwrap(), VoteReceipt::Counted);
        voters.push(voter);
    }
    (p, voters)
}

fn participants(batch: &[QueuedVote]) -> BTreeSet<ParticipantId> {
    batch.iter().map(|v| v.participant).collect()
}

/// Reads until `n` entries came or a read comes back empty.
async fn read<Q: VoteQueue>(queue: &mut Q, n: usize) -> Vec<QueuedVote> {
    let mut all = Vec::new();
    while all.len() < n {
        let batch = queue.next_batch(n - all.len(), WAIT).await.unwrap();
        if batch.is_empty() {
            break;
        }
        all.extend(batch);
    }
    all
}

pub async fn acknowledged_votes_are_handed_out_once_as_cast<F: Flow>(flow: &F) {
    let (p, voters) = voted(flow, 5).await;
    let mut queue = flow.queue("a");
    assert_eq!(queue.backlog().await.unwrap(), 5);
    let batch = read(&mut queue, 5).await;
    assert_eq!(participants(&batch), voters.iter().copied().collect());
    for vote in &batch {
        assert_eq!((vote.presentation_id, vote.poll_id), (p.id, p.polls[0].id));
        let i = voters.iter().position(|v| *v == vote.participant).unwrap();
        assert_eq!(vote.choice.as_deref(), Some(["A", "B", "C"][i % 3]));
        assert!(
            vote.accepted_at_ms > 1_600_000_000_000,
            "a time since the epoch"
        );
    }
    assert!(queue.next_batch(10, WAIT).await.unwrap().is_empty());
    assert!(flow
        .queue("b")
        .next_batch(10, WAIT)
        .await
        .unwrap()
        .is_empty());
    assert_eq!(queue.backlog().await.unwrap(), 5, "handed out is not done");
}

pub async fn a_batch_holds_at_most_max<F: Flow>(flow: &F) {
    voted(flow, 7).await;
    let mut queue = flow.queue("a");
    assert_eq!(queue.next_batch(3, WAIT).await.unwrap().len(), 3);
    assert_eq!(read(&mut queue, 10).await.len(), 4);
}

pub async fn unacknowledged_votes_come_back_once_idle<F: Flow>(flow: &F) {
    voted(flow, 3).await;
    let mut crashed = flow.queue("a");
    let taken = read(&mut crashed, 3).await;
    // A fresh consumer each time: an implementation may look for idle
    // entries less often than it is asked (see `VoteQueue::reclaim`).
    assert!(flow
        .queue("b")
        .reclaim(IDLE * 100, 10)
        .await
        .unwrap()
        .is_empty());
    flow.pass(IDLE * 2).await;
    let reclaimed = flow.queue("c").reclaim(IDLE, 10).await.unwrap();
    assert_eq!(participants(&reclaimed), participants(&taken));
    // Handed out again: not idle any more.
    assert!(flow.queue("d").reclaim(IDLE, 10).await.unwrap().is_empty());
}

pub async fn acknowledged_votes_are_gone_for_good<F: Flow>(flow: &F) {
    voted(flow, 4).await;
    let mut queue = flow.queue("a");
    let batch = read(&mut queue, 4).await;
    queue.acknowledge(&batch[..1]).await.unwrap();
    assert_eq!(queue.backlog().await.unwrap(), 3);
    queue.acknowledge(&batch).await.unwrap();
    assert_eq!(queue.backlog().await.unwrap(), 0);
    flow.pass(IDLE * 2).await;
    assert!(flow.queue("b").reclaim(IDLE, 10).await.unwrap().is_empty());
    assert!(queue.next_batch(10, WAIT).await.unwrap().is_empty());
}

pub async fn storing_a_batch_twice_stores_it_once<F: Flow>(flow: &F) {
    let (p, voters) = voted(flow, 6).await;
    let batch = read(&mut flow.queue("a"), 6).await;
    let first = flow.archive().store(&batch).await.unwrap();
    assert_eq!((first.inserted, first.skipped), (6, 0));
    let again = flow.archive().store(&batch).await.unwrap();
    assert_eq!((again.inserted, again.skipped), (0, 6));
    for (i, voter) in voters.iter().enumerate() {
        let stored = flow.stored(p.polls[0].id, *voter).await;
        assert_eq!(stored.as_deref(), Some(["A", "B", "C"][i % 3]));
    }
}

pub async fn a_participant_is_stored_once_per_poll<F: Flow>(flow: &F) {
    let (p, voters) = voted(flow, 1).await;
    let batch = read(&mut flow.queue("a"), 1).await;
    let mut twice = batch[0].clone();
    twice.choice = Some("C".to_owned());
    twice.entry = format!("{}-copy", twice.entry);
    let stored = flow
        .archive()
        .store(&[batch[0].clone(), twice])
        .await
        .unwrap();
    assert_eq!((stored.inserted, stored.skipped), (1, 1));
    let key = flow.stored(p.polls[0].id, voters[0]).await.unwrap();
    assert!(key == "A" || key == "C", "one of the two: {key}");
}

pub async fn votes_of_a_deleted_presentation_are_skipped<F: Flow>(flow: &F) {
    let (p, voters) = voted(flow, 3).await;
    let batch = read(&mut flow.queue("a"), 3).await;
    assert!(flow.store().delete(p.id).await.unwrap());
    let stored = flow.archive().store(&batch).await.unwrap();
    assert_eq!((stored.inserted, stored.skipped), (0, 3));
    assert!(flow.stored(p.polls[0].id, voters[0]).await.is_none());
}

/// Through the domain's flusher: a consumer that stored a batch and died
/// before acknowledging it leaves it to another, which stores nothing twice.
pub async fn a_crash_between_store_and_acknowledge_stores_once<F: Flow>(flow: &F) {
    let (p, voters) = voted(flow, 5).await;
    let batch = read(&mut flow.queue("crashed"), 5).await;
    assert_eq!(flow.archive().store(&batch).await.unwrap().inserted, 5);
    flow.pass(IDLE * 2).await;
    let mut survivor =
        tally_domain::usecases::Flusher::new(flow.queue("survivor"), flow.archive().clone());
    let flushed = survivor
        .flush(100, WAIT, IDLE)
        .await
        .unwrap()
        .expect("the abandoned batch");
    assert_eq!((flushed.votes, flushed.inserted), (5, 0));
    assert_eq!(survivor.backlog().await.unwrap(), 0);
    assert!(survivor.flush(100, WAIT, IDLE).await.unwrap().is_none());
    for voter in voters {
        assert!(flow.stored(p.polls[0].id, voter).await.is_some());
    }
}

/// A participant's vote, change, retraction and new vote, as queued: each
/// applies only over an older one, so the final state is the last action
/// whatever order or how often the entries are stored.
pub async fn changes_and_retractions_reach_the_source_of_truth_as_last_acted<F: Flow>(flow: &F) {
    use tally_domain::kinds::{PollType, SettingsDraft};
    let draft = crate::fixtures::one(crate::fixtures::typed(
        "Which?",
        PollType::Single,
        &["A", "B", "C"],
        SettingsDraft {
            allow_change: Some(true),
            ..SettingsDraft::default()
        },
    ));
    let p = create_in(flow.store(), draft).await;
    let poll = p.polls[0].id;
    let voter = ParticipantId::from_uuid(uuid::Uuid::new_v4());
    let intake = flow.intake();
    let receipts = [
        intake.cast(ballot(&p, 0, voter, "A")).await.unwrap(),
        intake.cast(ballot(&p, 0, voter, "B")).await.unwrap(),
        intake
            .cast(tally_domain::Ballot::retraction(p.id, poll, voter))
            .await
            .unwrap(),
    ];
    assert_eq!(
        receipts,
        [
            VoteReceipt::Counted,
            VoteReceipt::Changed,
            VoteReceipt::Retracted
        ]
    );
    let actions = read(&mut flow.queue("a"), 3).await;
    assert_eq!(actions.len(), 3);
    assert!(
        actions.windows(2).all(|w| w[0].version < w[1].version),
        "versions follow the order of the actions"
    );
    // The retraction first, then the older actions late: they change nothing.
    flow.archive().store(&actions[2..]).await.unwrap();
    let late = flow.archive().store(&actions[..2]).await.unwrap();
    assert_eq!((late.inserted, late.skipped), (0, 2));
    assert_eq!(flow.stored(poll, voter).await, None);

    // A new vote after the retraction, stored with every older action again.
    intake.cast(ballot(&p, 0, voter, "C")).await.unwrap();
    let mut all = actions.clone();
    all.extend(read(&mut flow.queue("a"), 1).await);
    all.reverse();
    flow.archive().store(&all).await.unwrap();
    assert_eq!(flow.stored(poll, voter).await.as_deref(), Some("C"));
    let again = flow.archive().store(&all).await.unwrap();
    assert_eq!(again.inserted, 0, "a redelivery changes nothing");
}

/// One `#[tokio::test]` per queue and archive case; `$make` is an async
/// expression that yields a fresh [`Flow`].
#[macro_export]
macro_rules! flow_contract_tests {
    ($make:expr) => {
        $crate::flow_contract_tests!(@cases $make;
            acknowledged_votes_are_handed_out_once_as_cast,
            a_batch_holds_at_most_max,
            unacknowledged_votes_come_back_once_idle,
            acknowledged_votes_are_gone_for_good,
            storing_a_batch_twice_stores_it_once,
            a_participant_is_stored_once_per_poll,
            votes_of_a_deleted_presentation_are_skipped,
            a_crash_between_store_and_acknowledge_stores_once,
            changes_and_retractions_reach_the_source_of_truth_as_last_acted,
        );
    };
    (@cases $make:expr; $($case:ident),* $(,)?) => {
        $(
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $case() {
                let flow = $make;
                $crate::contract::flow::$case(&flow).await;
            }
        )*
    };
}
