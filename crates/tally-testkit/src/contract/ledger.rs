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

// Reads include every acknowledged vote: a read that starts after a vote
// was acknowledged includes it. Each case votes through this process's
// intake and reads through another process's ledger
// ([`Adapters::reader`]) at once, with no wait: a wait would hide exactly
// the votes still on their way to the source of truth.

/// Three votes (A, A, C) on the presentation's first poll.
async fn three_votes<A: Adapters>(adapters: &A, p: &tally_domain::Presentation) {
    for key in ["A", "A", "C"] {
        let voter = ParticipantId::from_uuid(uuid::Uuid::new_v4());
        adapters
            .intake()
            .cast(ballot(p, 0, voter, key))
            .await
            .unwrap();
    }
}

fn counts(results: &tally_domain::PollResults) -> Vec<u64> {
    results.options.iter().map(|o| o.votes).collect()
}

pub async fn the_current_round_includes_every_acknowledged_vote<A: Adapters>(adapters: &A) {
    let (p, _) = create(adapters, deck(1)).await;
    three_votes(adapters, &p).await;
    let reader = adapters.reader();
    let poll = p.polls[0].id;
    let results = reader.results(p.id, poll).await.unwrap();
    assert_eq!((counts(&results), results.participants), (vec![2, 0, 1], 3));
    assert_eq!(reader.round_results(p.id, poll, 1).await.unwrap(), results);
    assert_eq!(reader.votes(p.id, poll).await.unwrap().len(), 3);
}

pub async fn a_past_round_includes_every_vote_acknowledged_before_the_reset<A: Adapters>(
    adapters: &A,
) {
    use tally_domain::ports::PresentationStore as _;
    let (p, _) = create(adapters, deck(1)).await;
    three_votes(adapters, &p).await;
    let poll = p.polls[0].id;
    adapters.store().reset_poll(p.id, poll).await.unwrap();
    let first = adapters
        .reader()
        .round_results(p.id, poll, 1)
        .await
        .unwrap();
    assert_eq!(
        (first.round, counts(&first), first.participants),
        (1, vec![2, 0, 1], 3)
    );
}

pub async fn quiz_answers_include_every_acknowledged_answer<A: Adapters>(adapters: &A) {
    use tally_domain::kinds::{PollType, RawChoice, SettingsDraft};
    let settings = SettingsDraft {
        correct: Some(vec!["B".to_owned()]),
        ..SettingsDraft::default()
    };
    let draft = crate::fixtures::one(crate::fixtures::typed(
        "2 + 2?",
        PollType::Quiz,
        &["A", "B", "C"],
        settings,
    ));
    let (p, _) = create(adapters, draft).await;
    let poll = &p.polls[0];
    let mut given = Vec::new();
    for key in ["B", "A"] {
        let voter = ParticipantId::from_uuid(uuid::Uuid::new_v4());
        let raw = RawChoice::Key(key.to_owned());
        let answer =
            tally_domain::Ballot::checked(p.id, poll.id, (&poll.settings, poll.round), voter, raw)
                .expect("a valid answer");
        given.push((voter, answer.choice.clone().expect("a choice")));
        adapters.intake().cast(answer).await.unwrap();
    }
    let mut read: Vec<_> = adapters
        .reader()
        .quiz_answers(p.id)
        .await
        .unwrap()
        .into_iter()
        .map(|a| (a.participant, a.choice))
        .collect();
    read.sort();
    given.sort();
    assert_eq!(read, given);
}
