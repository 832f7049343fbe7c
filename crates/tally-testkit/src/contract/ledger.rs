//! The vote ledger contract.

use super::intake::ballot;
use super::store::create;
use super::Adapters;
use crate::fixtures::deck;
use tally_domain::ports::{LedgerError, VoteIntake as _, VoteLedger as _};
use tally_domain::{ParticipantId, PollId, PresentationId};

pub async fn unknown_polls_are_not_found<A: Adapters>(adapters: &A) {
    let (p, _) = create(adapters, deck(1)).await;
    let (other, _) = create(adapters, deck(1)).await;
    let ledger = adapters.ledger();
    for (presentation, poll) in [
        (p.id, PollId::generate()),
        (PresentationId::generate(), p.polls[0].id),
        (p.id, other.polls[0].id),
    ] {
        assert!(matches!(
            ledger.votes(presentation, poll).await,
            Err(LedgerError::PollNotFound)
        ));
        assert!(matches!(
            ledger.results(presentation, poll).await,
            Err(LedgerError::PollNotFound)
        ));
    }
}

pub async fn results_count_per_option_in_order<A: Adapters>(adapters: &A) {
    let (p, _) = create(adapters, deck(1)).await;
    for key in ["C", "A", "C", "C", "B"] {
        let voter = ParticipantId::from_uuid(uuid::Uuid::new_v4());
        adapters
            .intake()
            .cast(ballot(&p, 0, voter, key))
            .await
            .unwrap();
    }
    let results = adapters
        .ledger()
        .results(p.id, p.polls[0].id)
        .await
        .unwrap();
    let shown: Vec<(&str, u64)> = results
        .options
        .iter()
        .map(|o| (o.key.as_str(), o.votes))
        .collect();
    assert_eq!(shown, [("A", 1), ("B", 1), ("C", 3)]);
    assert_eq!((results.total_votes, results.participants), (5, 5));
    assert_eq!(results.question.as_str(), "Question 0?");
    assert!(results.voting_open);
    assert_eq!(
        adapters
            .ledger()
            .votes(p.id, p.polls[0].id)
            .await
            .unwrap()
            .len(),
        5
    );
}

pub async fn a_fresh_poll_lists_no_votes<A: Adapters>(adapters: &A) {
    let (p, _) = create(adapters, deck(2)).await;
    assert!(adapters
        .ledger()
        .votes(p.id, p.polls[1].id)
        .await
        .unwrap()
        .is_empty());
    let results = adapters
        .ledger()
        .results(p.id, p.polls[1].id)
        .await
        .unwrap();
    assert_eq!((results.total_votes, results.participants), (0, 0));
}

pub async fn votes_are_listed_in_participant_order<A: Adapters>(adapters: &A) {
    let (p, _) = create(adapters, deck(1)).await;
    let mut voters: Vec<ParticipantId> = (0..20)
        .map(|_| ParticipantId::from_uuid(uuid::Uuid::new_v4()))
        .collect();
    for (i, voter) in voters.iter().enumerate() {
        adapters
            .intake()
            .cast(ballot(&p, 0, *voter, ["A", "B", "C"][i % 3]))
            .await
            .unwrap();
    }
    let listed: Vec<ParticipantId> = adapters
        .ledger()
        .votes(p.id, p.polls[0].id)
        .await
        .unwrap()
        .iter()
        .map(|v| v.participant)
        .collect();
    voters.sort();
    assert_eq!(listed, voters);
}
