//! Editing a deck through the use case, on the in-memory fakes: who may,
//! the revision check, and the rule that keeps counts true (an edit that
//! changes what votes mean needs an empty round or an accepted reset).
#![allow(clippy::expect_used, clippy::unwrap_used)]

use tally_domain::deck::{DeckRev, DeckRevision, EditKind, PollRevision};
use tally_domain::kinds::{PollType, SettingsDraft};
use tally_domain::ports::VoteLedger as _;
use tally_domain::presenter::AccessDenied;
use tally_domain::usecases::{ReviseDeckError, Tally};
use tally_domain::{Ballot, ParticipantId, PollDraft, Presentation, PresenterToken, SlideMove};
use tally_testkit::fakes::{FakePorts, FakeWorld, Told};
use tally_testkit::fixtures::{deck, poll, typed};

fn voter() -> ParticipantId {
    ParticipantId::from_uuid(uuid::Uuid::new_v4())
}

fn kept(p: &Presentation, i: usize, draft: PollDraft) -> PollRevision {
    PollRevision {
        id: Some(p.polls[i].id),
        draft,
        reset_round: false,
    }
}

/// The created deck's poll `i` as it was made (`fixtures::deck`).
fn same(i: usize) -> PollDraft {
    poll(&format!("Question {i}?"), &["A", "B", "C"])
}

async fn created(tally: &Tally<FakePorts>) -> (Presentation, PresenterToken) {
    let c = tally.create_presentation(deck(2), None).await.unwrap();
    (c.presentation, c.presenter_token)
}

async fn vote(tally: &Tally<FakePorts>, p: &Presentation, i: usize, key: &str) {
    let ballot = Ballot::single(p.id, p.polls[i].id, voter(), key);
    tally.cast_vote(ballot).await.unwrap();
}

#[tokio::test]
async fn an_edit_needs_the_token_and_the_revision_read_and_is_told() {
    let world = FakeWorld::new();
    let (tally, events, _) = world.tally(false);
    let (p, token) = created(&tally).await;
    let typo = || DeckRevision {
        polls: vec![
            kept(&p, 0, poll("Question zero?", &["A", "B", "C"])),
            kept(&p, 1, same(1)),
        ],
    };
    assert!(matches!(
        tally.revise_deck(p.id, None, DeckRev(1), typo()).await,
        Err(ReviseDeckError::Denied(AccessDenied::MissingToken))
    ));
    let done = tally
        .revise_deck(p.id, Some(&token), DeckRev(1), typo())
        .await
        .unwrap();
    assert_eq!(done.presentation.deck_rev, DeckRev(2));
    assert_eq!(done.edits.len(), 1);
    assert_eq!(done.edits[0].what, EditKind::Question);
    assert_eq!(
        events.told().last(),
        Some(&Told::Changed {
            id: p.id,
            version: done.presentation.slide.version
        })
    );
    // A second editor who read revision 1 is told where the deck is.
    assert!(matches!(
        tally
            .revise_deck(p.id, Some(&token), DeckRev(1), typo())
            .await,
        Err(ReviseDeckError::Stale {
            current: DeckRev(2)
        })
    ));
    // The deck as it is stores nothing: the revision stays.
    let unchanged = DeckRevision {
        polls: vec![
            kept(&p, 0, poll("Question zero?", &["A", "B", "C"])),
            kept(&p, 1, same(1)),
        ],
    };
    let none = tally
        .revise_deck(p.id, Some(&token), DeckRev(2), unchanged)
        .await
        .unwrap();
    assert!(none.edits.is_empty());
    assert_eq!(none.presentation.deck_rev, DeckRev(2));
}

#[tokio::test]
async fn removing_an_option_of_a_poll_with_votes_needs_a_reset() {
    let world = FakeWorld::new();
    let (tally, _, _) = world.tally(false);
    let (p, token) = created(&tally).await;
    vote(&tally, &p, 0, "C").await;
    let without_c = |reset_round| DeckRevision {
        polls: vec![
            PollRevision {
                id: Some(p.polls[0].id),
                draft: poll("Question 0?", &["A", "B"]),
                reset_round,
            },
            kept(&p, 1, same(1)),
        ],
    };
    let refused = tally
        .revise_deck(p.id, Some(&token), DeckRev(1), without_c(false))
        .await;
    assert!(
        matches!(
            &refused,
            Err(ReviseDeckError::PollHasVotes { poll, slide: 1, edit: EditKind::OptionRemoved, option: Some(o) })
                if *poll == p.polls[0].id && o == "C"
        ),
        "{refused:?}"
    );
    let stored = tally.presentation(p.id).await.unwrap();
    assert_eq!(stored, p, "a refused edit leaves the deck unchanged");
    // Accepting the reset: the vote stays in round 1, round 2 is empty.
    let done = tally
        .revise_deck(p.id, Some(&token), DeckRev(1), without_c(true))
        .await
        .unwrap();
    assert_eq!(done.presentation.polls[0].round, 2);
    let now = tally.ledger().results(p.id, p.polls[0].id).await.unwrap();
    assert_eq!((now.round, now.total_votes), (2, 0));
    // An edit of a poll with no votes in its round needs no reset, and
    // still starts a round (the fence).
    let retyped = DeckRevision {
        polls: vec![
            kept(&done.presentation, 0, poll("Question 0?", &["A", "B"])),
            kept(
                &done.presentation,
                1,
                typed(
                    "Question 1?",
                    PollType::Multiple,
                    &["A", "B", "C"],
                    SettingsDraft::default(),
                ),
            ),
        ],
    };
    let done = tally
        .revise_deck(p.id, Some(&token), DeckRev(2), retyped)
        .await
        .unwrap();
    assert_eq!(done.presentation.polls[1].settings.kind, PollType::Multiple);
    assert_eq!(done.presentation.polls[1].round, 2);
}

#[tokio::test]
async fn a_poll_with_votes_in_any_round_is_not_removed() {
    let world = FakeWorld::new();
    let (tally, _, _) = world.tally(false);
    let (p, token) = created(&tally).await;
    vote(&tally, &p, 0, "A").await;
    tally
        .reset_poll(p.id, p.polls[0].id, Some(&token))
        .await
        .unwrap();
    tally
        .move_slide(p.id, Some(&token), SlideMove::Next)
        .await
        .unwrap();
    let only_second = || DeckRevision {
        polls: vec![kept(&p, 1, same(1))],
    };
    let refused = tally
        .revise_deck(p.id, Some(&token), DeckRev(1), only_second())
        .await;
    assert!(
        matches!(
            &refused,
            Err(ReviseDeckError::PollHasVotes {
                edit: EditKind::PollRemoved,
                slide: 1,
                ..
            })
        ),
        "{refused:?}"
    );
    // The second poll has no vote: it can go once it is off screen.
    tally
        .move_slide(p.id, Some(&token), SlideMove::Previous)
        .await
        .unwrap();
    let only_first = DeckRevision {
        polls: vec![kept(&p, 0, same(0))],
    };
    let done = tally
        .revise_deck(p.id, Some(&token), DeckRev(1), only_first)
        .await
        .unwrap();
    assert_eq!(done.presentation.polls.len(), 1);
}

#[tokio::test]
async fn a_qa_poll_with_questions_keeps_its_type_even_with_a_reset() {
    let world = FakeWorld::new();
    let (tally, _, _) = world.tally(false);
    let qa = typed("Questions?", PollType::Qa, &[], SettingsDraft::default());
    let c = tally
        .create_presentation(
            tally_domain::PresentationDraft::new(vec![qa, same(1)]).unwrap(),
            None,
        )
        .await
        .unwrap();
    let (p, token) = (c.presentation, c.presenter_token);
    tally
        .ask_question(p.id, p.polls[0].id, voter(), "When is lunch?", None)
        .await
        .unwrap();
    let retyped = DeckRevision {
        polls: vec![
            PollRevision {
                id: Some(p.polls[0].id),
                draft: poll("Questions?", &["A"]),
                reset_round: true,
            },
            kept(&p, 1, same(1)),
        ],
    };
    assert!(matches!(
        tally
            .revise_deck(p.id, Some(&token), DeckRev(1), retyped)
            .await,
        Err(ReviseDeckError::PollHasVotes {
            edit: EditKind::Type,
            ..
        })
    ));
}
