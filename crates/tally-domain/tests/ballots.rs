//! The ballot check (`Tally::check_ballot`) on the in-memory fakes: the
//! presentation is read through the fake store, as the edge reads it
//! through its cache, and refusals are read off the fake metrics.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::collections::HashMap;
use std::sync::Arc;
use tally_domain::kinds::{InvalidVote, PollType, RawChoice, SettingsDraft};
use tally_domain::ports::RejectReason;
use tally_domain::usecases::{CheckBallotError, Tally};
use tally_domain::{Ballot, ParticipantId, PollId, Presentation, PresentationDraft};
use tally_testkit::fakes::{FakeMetrics, FakePorts, FakeWorld};
use tally_testkit::fixtures::{poll, typed};

/// A presentation of a single-choice poll and a multiple-choice one, both
/// with options A, B and C.
async fn created(world: &FakeWorld) -> (Tally<FakePorts>, FakeMetrics, Presentation) {
    let (tally, _, metrics) = world.tally(false);
    let multiple = typed(
        "Which?",
        PollType::Multiple,
        &["A", "B", "C"],
        SettingsDraft::default(),
    );
    let draft = PresentationDraft::new(vec![poll("One?", &["A", "B", "C"]), multiple]).unwrap();
    let presentation = tally
        .create_presentation(draft, None)
        .await
        .unwrap()
        .presentation;
    (tally, metrics, presentation)
}

fn someone() -> ParticipantId {
    ParticipantId::from_uuid(uuid::Uuid::new_v4())
}

fn keys(keys: &[&str]) -> RawChoice {
    RawChoice::Keys(keys.iter().map(|k| (*k).to_owned()).collect())
}

fn rejected(metrics: &FakeMetrics) -> HashMap<RejectReason, u64> {
    metrics.recorded().rejected
}

#[tokio::test]
async fn an_unreadable_presentation_still_forwards_a_v4_key_unchecked() {
    let world = FakeWorld::new();
    let (tally, metrics, p) = created(&world).await;
    world.fail(true);
    let unreadable = tally.presentation(p.id).await;
    assert!(unreadable.is_err());
    // Not an option, and on a multiple-choice poll: the intake checks both.
    let (poll, who) = (p.polls[1].id, someone());
    let ballot = tally
        .check_ballot(p.id, poll, who, RawChoice::Key("Z".to_owned()), unreadable)
        .unwrap();
    assert_eq!(ballot, Ballot::single(p.id, poll, who, "Z"));
    assert!(rejected(&metrics).is_empty());
}

#[tokio::test]
async fn an_unreadable_presentation_refuses_any_other_choice_as_unavailable() {
    let world = FakeWorld::new();
    let (tally, metrics, p) = created(&world).await;
    world.fail(true);
    let unreadable = tally.presentation(p.id).await;
    let refused = tally.check_ballot(p.id, p.polls[1].id, someone(), keys(&["A"]), unreadable);
    assert!(matches!(refused, Err(CheckBallotError::Unavailable(_))));
    // The intake never saw it: not counted as a rejection.
    assert!(rejected(&metrics).is_empty());
}

#[tokio::test]
async fn an_unknown_presentation_is_not_found_and_counted() {
    let world = FakeWorld::new();
    let (tally, metrics, p) = created(&world).await;
    let unknown = tally_domain::PresentationId::from_uuid(uuid::Uuid::new_v4());
    let read = tally.presentation(unknown).await;
    let refused = tally.check_ballot(unknown, p.polls[0].id, someone(), keys(&["A"]), read);
    assert!(matches!(refused, Err(CheckBallotError::NotFound)));
    assert_eq!(
        rejected(&metrics),
        HashMap::from([(RejectReason::PresentationNotFound, 1)])
    );
}

#[tokio::test]
async fn an_unknown_poll_is_not_found_and_counted() {
    let world = FakeWorld::new();
    let (tally, metrics, p) = created(&world).await;
    let read = tally.presentation(p.id).await;
    let elsewhere = PollId::from_uuid(uuid::Uuid::new_v4());
    let refused = tally.check_ballot(p.id, elsewhere, someone(), RawChoice::Key("A".into()), read);
    assert!(matches!(refused, Err(CheckBallotError::PollNotFound)));
    assert_eq!(
        rejected(&metrics),
        HashMap::from([(RejectReason::PollNotFound, 1)])
    );
}

#[tokio::test]
async fn a_vote_that_does_not_fit_its_poll_is_invalid_and_counted() {
    let world = FakeWorld::new();
    let (tally, metrics, p) = created(&world).await;
    // Shared, as the edge's cache hands the presentation out.
    let read = tally.presentation(p.id).await.map(Arc::new);
    let refused = tally.check_ballot(p.id, p.polls[1].id, someone(), keys(&["A", "Z"]), read);
    assert!(matches!(
        refused,
        Err(CheckBallotError::Invalid(InvalidVote::UnknownKey(key))) if key == "Z"
    ));
    assert_eq!(
        rejected(&metrics),
        HashMap::from([(RejectReason::Invalid, 1)])
    );
}

#[tokio::test]
async fn a_vote_that_fits_is_checked_against_its_poll() {
    let world = FakeWorld::new();
    let (tally, metrics, p) = created(&world).await;
    let (poll, who) = (&p.polls[1], someone());
    let read = tally.presentation(p.id).await;
    let ballot = tally
        .check_ballot(p.id, poll.id, who, keys(&["C", "A"]), read)
        .unwrap();
    let expected = Ballot::checked(
        p.id,
        poll.id,
        (&poll.settings, poll.round),
        who,
        keys(&["C", "A"]),
    );
    assert_eq!(ballot, expected.unwrap());
    assert_eq!(ballot.kind, Some(PollType::Multiple));
    assert!(rejected(&metrics).is_empty());
}
