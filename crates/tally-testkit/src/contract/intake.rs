//! The vote intake contract.

use super::store::{create, futures_join_all};
use super::Adapters;
use crate::fixtures::deck;
use tally_domain::ports::{IntakeError, PresentationStore as _, VoteIntake as _, VoteLedger as _};
use tally_domain::{
    Ballot, ParticipantId, PollId, Presentation, PresentationId, SlideMove, VoteReceipt,
};

pub fn ballot(
    presentation: &Presentation,
    poll: usize,
    participant: ParticipantId,
    key: &str,
) -> Ballot {
    Ballot::single(
        presentation.id,
        presentation.polls[poll].id,
        participant,
        key,
    )
}

/// Total votes the ledger shows on the poll.
pub async fn ledger_total<A: Adapters>(
    adapters: &A,
    presentation: &Presentation,
    poll: usize,
) -> u64 {
    adapters
        .ledger()
        .results(presentation.id, presentation.polls[poll].id)
        .await
        .expect("results")
        .total_votes
}

pub async fn a_vote_is_counted_once_and_repeats_are_acknowledged<A: Adapters>(adapters: &A) {
    let (p, _) = create(adapters, deck(2)).await;
    let voter = ParticipantId::from_uuid(uuid::Uuid::new_v4());
    let intake = adapters.intake();
    assert_eq!(
        intake.cast(ballot(&p, 0, voter, "B")).await.unwrap(),
        VoteReceipt::Counted
    );
    assert_eq!(
        intake.cast(ballot(&p, 0, voter, "B")).await.unwrap(),
        VoteReceipt::AlreadyCounted
    );
    let results = adapters
        .ledger()
        .results(p.id, p.polls[0].id)
        .await
        .unwrap();
    let counts: Vec<u64> = results.options.iter().map(|o| o.votes).collect();
    assert_eq!(counts, [0, 1, 0]);
    assert_eq!((results.total_votes, results.participants), (1, 1));
    let votes = adapters.ledger().votes(p.id, p.polls[0].id).await.unwrap();
    assert_eq!(votes.len(), 1);
    assert_eq!((votes[0].participant, votes[0].key()), (voter, "B"));
}

pub async fn a_different_second_vote_is_refused<A: Adapters>(adapters: &A) {
    let (p, _) = create(adapters, deck(1)).await;
    let voter = ParticipantId::from_uuid(uuid::Uuid::new_v4());
    adapters
        .intake()
        .cast(ballot(&p, 0, voter, "A"))
        .await
        .unwrap();
    assert!(matches!(
        adapters.intake().cast(ballot(&p, 0, voter, "C")).await,
        Err(IntakeError::AlreadyVotedDifferently)
    ));
    let votes = adapters.ledger().votes(p.id, p.polls[0].id).await.unwrap();
    assert_eq!(votes.iter().map(|v| v.key()).collect::<Vec<_>>(), ["A"]);
}

pub async fn refusals_come_in_the_documented_order<A: Adapters>(adapters: &A) {
    let (p, _) = create(adapters, deck(2)).await;
    let (other, _) = create(adapters, deck(1)).await;
    let voter = ParticipantId::from_uuid(uuid::Uuid::new_v4());
    let intake = adapters.intake();

    let mut b = ballot(&p, 0, voter, "A");
    b.presentation_id = PresentationId::generate();
    assert!(matches!(
        intake.cast(b).await,
        Err(IntakeError::PresentationNotFound)
    ));

    let mut b = ballot(&p, 0, voter, "A");
    b.poll_id = PollId::generate();
    assert!(matches!(
        intake.cast(b).await,
        Err(IntakeError::PollNotFound)
    ));

    // Another presentation's poll is "not found" here, not "not current".
    let mut b = ballot(&p, 0, voter, "A");
    b.poll_id = other.polls[0].id;
    assert!(matches!(
        intake.cast(b).await,
        Err(IntakeError::PollNotFound)
    ));

    assert!(matches!(
        intake.cast(ballot(&p, 1, voter, "nope")).await,
        Err(IntakeError::PollNotCurrent)
    ));
    assert!(matches!(
        intake.cast(ballot(&p, 0, voter, "nope")).await,
        Err(IntakeError::UnknownOption(k)) if k == "nope"
    ));
    adapters.store().set_voting(p.id, false).await.unwrap();
    assert!(matches!(
        intake.cast(ballot(&p, 0, voter, "nope")).await,
        Err(IntakeError::VotingClosed)
    ));
    assert!(matches!(
        intake.cast(ballot(&p, 0, voter, "A")).await,
        Err(IntakeError::VotingClosed)
    ));
    adapters.store().set_voting(p.id, true).await.unwrap();
    assert_eq!(
        intake.cast(ballot(&p, 0, voter, "A")).await.unwrap(),
        VoteReceipt::Counted
    );
    assert_eq!(ledger_total(adapters, &p, 0).await, 1);
}

pub async fn a_vote_for_a_poll_that_left_the_screen_is_refused<A: Adapters>(adapters: &A) {
    let (p, _) = create(adapters, deck(2)).await;
    let voter = ParticipantId::from_uuid(uuid::Uuid::new_v4());
    adapters
        .store()
        .move_slide(p.id, SlideMove::Next)
        .await
        .unwrap();
    assert!(matches!(
        adapters.intake().cast(ballot(&p, 0, voter, "A")).await,
        Err(IntakeError::PollNotCurrent)
    ));
    assert_eq!(
        adapters
            .intake()
            .cast(ballot(&p, 1, voter, "A"))
            .await
            .unwrap(),
        VoteReceipt::Counted
    );
    assert_eq!(ledger_total(adapters, &p, 0).await, 0);
    assert_eq!(ledger_total(adapters, &p, 1).await, 1);
}

pub async fn concurrent_identical_votes_count_once<A: Adapters>(adapters: &A) {
    let (p, _) = create(adapters, deck(1)).await;
    let voter = ParticipantId::from_uuid(uuid::Uuid::new_v4());
    let casts = (0..200).map(|_| {
        let intake = adapters.intake().clone();
        let b = ballot(&p, 0, voter, "A");
        async move { intake.cast(b).await }
    });
    let receipts = futures_join_all(casts).await;
    let counted = receipts
        .iter()
        .filter(|r| matches!(r, Ok(VoteReceipt::Counted)))
        .count();
    let repeats = receipts
        .iter()
        .filter(|r| matches!(r, Ok(VoteReceipt::AlreadyCounted)))
        .count();
    assert_eq!((counted, repeats), (1, 199), "{receipts:?}");
    assert_eq!(ledger_total(adapters, &p, 0).await, 1);
}
