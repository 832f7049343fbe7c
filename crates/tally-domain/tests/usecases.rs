//! The use cases on the in-memory fakes: no server, no database, so each
//! test takes microseconds. The fakes pass the same contract suites as the
//! real adapters (tally-testkit's `tests/fakes.rs`).
#![allow(clippy::expect_used, clippy::unwrap_used)]

use tally_domain::ports::{IntakeError, PresentationStore as _};
use tally_domain::usecases::{
    CreatePresentationError, MoveSlideError, SetVotingError, Tally, MAX_PAGE_SIZE,
};
use tally_domain::{
    Ballot, ParticipantId, Presentation, PresenterToken, SlideError, SlideMove, VoteReceipt,
};
use tally_testkit::fakes::{FakePorts, FakeWorld, Told};
use tally_testkit::fixtures::deck;

async fn created(tally: &Tally<FakePorts>) -> (Presentation, PresenterToken) {
    let created = tally.create_presentation(deck(3), None).await.unwrap();
    (created.presentation, created.presenter_token)
}

fn ballot(p: &Presentation, poll: usize, key: &str) -> Ballot {
    Ballot::single(
        p.id,
        p.polls[poll].id,
        ParticipantId::from_uuid(uuid::Uuid::new_v4()),
        key,
    )
}

#[tokio::test]
async fn a_taken_join_code_is_retried_with_another() {
    let world = FakeWorld::new();
    let (tally, events, _) = world.tally(false);
    world.refuse_join_codes(15);
    let (p, _) = created(&tally).await;
    assert_eq!(
        events.told(),
        [Told::Changed {
            id: p.id,
            version: 1
        }]
    );
}

#[tokio::test]
async fn join_codes_run_out_after_sixteen_tries_and_nothing_is_stored() {
    let world = FakeWorld::new();
    let (tally, events, _) = world.tally(false);
    world.refuse_join_codes(16);
    let refused = tally.create_presentation(deck(1), None).await;
    assert!(matches!(
        refused,
        Err(CreatePresentationError::JoinCodesExhausted)
    ));
    assert!(events.told().is_empty());
    // The next try finds a code.
    created(&tally).await;
}

#[tokio::test]
async fn an_unknown_presenter_token_creates_nothing() {
    let world = FakeWorld::new();
    let (tally, _, _) = world.tally(false);
    let stranger = Some(PresenterToken::generate());
    assert!(matches!(
        tally.create_presentation(deck(1), stranger).await,
        Err(CreatePresentationError::UnknownPresenter)
    ));
}

#[tokio::test]
async fn pages_are_newest_first_and_end_with_no_cursor() {
    let world = FakeWorld::new();
    let (tally, _, _) = world.tally(false);
    let (first, token) = created(&tally).await;
    let mut ids = vec![first.id];
    for _ in 0..4 {
        let more = tally
            .create_presentation(deck(1), Some(token.clone()))
            .await
            .unwrap();
        ids.push(more.presentation.id);
    }
    created(&tally).await; // someone else's
    ids.reverse();
    let page = tally
        .list_presentations(Some(&token), None, 2)
        .await
        .unwrap();
    assert_eq!(
        page.items.iter().map(|s| s.id).collect::<Vec<_>>(),
        ids[..2]
    );
    let next = tally
        .list_presentations(Some(&token), page.next_before, 2)
        .await
        .unwrap();
    assert_eq!(
        next.items.iter().map(|s| s.id).collect::<Vec<_>>(),
        ids[2..4]
    );
    let last = tally
        .list_presentations(Some(&token), next.next_before, 2)
        .await
        .unwrap();
    assert_eq!(
        last.items.iter().map(|s| s.id).collect::<Vec<_>>(),
        ids[4..]
    );
    assert_eq!(last.next_before, None);
    // A page size out of range is clamped, not refused.
    let all = tally
        .list_presentations(Some(&token), None, 0)
        .await
        .unwrap();
    assert_eq!(all.items.len(), 1);
    let all = tally
        .list_presentations(Some(&token), None, MAX_PAGE_SIZE * 10)
        .await
        .unwrap();
    assert_eq!((all.items.len(), all.next_before), (5, None));
}

#[tokio::test]
async fn slide_changes_need_the_token_stay_in_the_deck_and_are_told() {
    let world = FakeWorld::new();
    let (tally, events, _) = world.tally(false);
    let (p, token) = created(&tally).await;
    let stranger = PresenterToken::generate();
    assert!(matches!(
        tally
            .move_slide(p.id, Some(&stranger), SlideMove::Next)
            .await,
        Err(MoveSlideError::Denied(_))
    ));
    assert!(matches!(
        tally
            .move_slide(p.id, Some(&token), SlideMove::Previous)
            .await,
        Err(MoveSlideError::Slide(SlideError::BeforeFirstPoll))
    ));
    let moved = tally
        .move_slide(p.id, Some(&token), SlideMove::GoTo(2))
        .await
        .unwrap();
    assert_eq!((moved.slide.index, moved.slide.version), (2, 2));
    let closed = tally.set_voting(p.id, Some(&token), false).await.unwrap();
    assert!(!closed.polls[2].voting_open);
    assert!(matches!(
        tally.set_voting(p.id, None, true).await,
        Err(SetVotingError::Denied(_))
    ));
    let versions: Vec<Told> = events.told();
    assert_eq!(
        versions,
        [
            Told::Changed {
                id: p.id,
                version: 1
            },
            Told::Changed {
                id: p.id,
                version: 2
            },
            Told::Changed {
                id: p.id,
                version: 3
            },
        ],
        "each committed change told once, refused ones not at all"
    );
}

#[tokio::test]
async fn votes_follow_the_slide_and_the_voting_state_and_are_counted() {
    let world = FakeWorld::new();
    let (tally, _, metrics) = world.tally(false);
    let (p, token) = created(&tally).await;
    let vote = ballot(&p, 0, "A");
    assert_eq!(
        tally.cast_vote(vote.clone()).await.unwrap(),
        VoteReceipt::Counted
    );
    assert_eq!(
        tally.cast_vote(vote).await.unwrap(),
        VoteReceipt::AlreadyCounted
    );
    assert!(matches!(
        tally.cast_vote(ballot(&p, 1, "A")).await,
        Err(IntakeError::PollNotCurrent)
    ));
    tally.set_voting(p.id, Some(&token), false).await.unwrap();
    assert!(matches!(
        tally.cast_vote(ballot(&p, 0, "B")).await,
        Err(IntakeError::VotingClosed)
    ));
    tally
        .move_slide(p.id, Some(&token), SlideMove::Next)
        .await
        .unwrap();
    assert_eq!(
        tally.cast_vote(ballot(&p, 1, "C")).await.unwrap(),
        VoteReceipt::Counted
    );
    let recorded = metrics.recorded();
    assert_eq!((recorded.counted, recorded.repeats), (2, 1));
    assert_eq!(recorded.rejected.values().sum::<u64>(), 2);
    assert_eq!(world.stored_votes(), 2);
}

#[tokio::test]
async fn deleting_tells_the_last_state_and_takes_the_votes() {
    let world = FakeWorld::new();
    let (tally, events, _) = world.tally(false);
    let (p, token) = created(&tally).await;
    tally.cast_vote(ballot(&p, 0, "A")).await.unwrap();
    tally.delete_presentation(p.id, Some(&token)).await.unwrap();
    assert_eq!(events.told().last(), Some(&Told::Deleted { id: p.id }));
    assert!(world.store().get(p.id).await.unwrap().is_none());
    assert_eq!(world.stored_votes(), 0);
}

#[tokio::test]
async fn a_failing_store_is_unavailable_not_missing() {
    let world = FakeWorld::new();
    let (tally, _, _) = world.tally(false);
    let (p, _) = created(&tally).await;
    world.fail(true);
    assert!(matches!(
        tally.presentation(p.id).await,
        Err(tally_domain::usecases::GetPresentationError::Unavailable(_))
    ));
    assert!(matches!(
        tally.cast_vote(ballot(&p, 0, "A")).await,
        Err(IntakeError::Unavailable(_))
    ));
}

/// Quiz points at known times, on the fakes' clock: a 20 s timer and 1000
/// points; correct answers after 5 s and 10 s earn
/// round(1000 × (1 − (t / 20) / 2)) = 875 and 750; a wrong answer 0; equal
/// scores share a rank; a changed answer is scored when it changed.
#[tokio::test]
async fn quiz_answers_score_by_time_and_ties_share_a_rank() {
    use std::time::Duration;
    use tally_domain::kinds::{PollType, SettingsDraft};
    let world = FakeWorld::new();
    let (tally, _, _) = world.tally(false);
    let quiz = tally_testkit::fixtures::typed(
        "2 + 2?",
        PollType::Quiz,
        &["A", "B", "C"],
        SettingsDraft {
            correct: Some(vec!["B".to_owned()]),
            time_limit_secs: Some(20),
            allow_change: Some(true),
            ..SettingsDraft::default()
        },
    );
    let created = tally
        .create_presentation(tally_testkit::fixtures::one(quiz), None)
        .await
        .unwrap();
    let (p, token) = (created.presentation, created.presenter_token);
    let poll = &p.polls[0];
    let [ada, bob, cy, dee] = [0; 4].map(|_| ParticipantId::from_uuid(uuid::Uuid::new_v4()));
    let answer = |who, key: &str| {
        let ballot = Ballot::checked(
            p.id,
            poll.id,
            (&poll.settings, poll.round),
            who,
            tally_domain::kinds::RawChoice::Key(key.to_owned()),
        )
        .unwrap();
        tally.cast_vote(ballot)
    };
    tally.set_name(p.id, ada, "Ada").await.unwrap();
    tally.set_name(p.id, bob, "Bob").await.unwrap();
    assert!(tally.set_name(p.id, cy, "  ").await.is_err());

    world.clock().advance(Duration::from_secs(5));
    answer(ada, "B").await.unwrap();
    // Cy answers right at first, then changes to a wrong answer.
    answer(cy, "B").await.unwrap();
    world.clock().advance(Duration::from_secs(5));
    answer(bob, "B").await.unwrap();
    answer(dee, "B").await.unwrap();
    answer(cy, "C").await.unwrap();

    let board = tally.leaderboard(p.id, Some(&token)).await.unwrap();
    let rows: Vec<(&str, u64, u64, u64)> = board
        .iter()
        .map(|s| (s.name.as_str(), s.score, s.correct, s.rank))
        .collect();
    let dee_name = tally_domain::kinds::pseudonym(p.id, dee);
    let cy_name = tally_domain::kinds::pseudonym(p.id, cy);
    let mut expected = vec![
        ("Ada", 875, 1, 1),
        ("Bob", 750, 1, 2),
        (dee_name.as_str(), 750, 1, 2),
        (cy_name.as_str(), 0, 0, 4),
    ];
    expected[1..3].sort_by(|a, b| a.0.cmp(b.0));
    assert_eq!(rows, expected);
    assert!(
        tally.leaderboard(p.id, None).await.is_err(),
        "presenter only"
    );
}
