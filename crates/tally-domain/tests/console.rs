//! What the console and the phone need from polls and submissions, on the
//! in-memory fakes: the presenter's notes, questions safe to send twice.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use tally_domain::kinds::{PollType, SettingsDraft};
use tally_domain::presenter::AccessDenied;
use tally_domain::usecases::{AskQuestionError, NotesError};
use tally_domain::{
    ParticipantId, PresentationDraft, PresenterNotes, PresenterToken, SubmissionId,
};
use tally_testkit::fakes::FakeWorld;
use tally_testkit::fixtures::{poll, typed};

#[tokio::test]
async fn notes_are_for_whoever_runs_the_show() {
    let world = FakeWorld::new();
    let (tally, _, _) = world.tally(false);
    let notes = PresenterNotes::parse("Pause for laughs").unwrap();
    let draft = PresentationDraft::new(vec![
        poll("First?", &["A", "B"]),
        poll("Second?", &["A", "B"]).with_notes(Some(notes.clone())),
    ])
    .unwrap();
    let created = tally.create_presentation(draft, None).await.unwrap();
    let (p, token) = (created.presentation, created.presenter_token);
    assert_eq!(
        tally.presenter_notes(p.id, Some(&token)).await.unwrap(),
        [(p.polls[1].id, notes)]
    );
    assert!(matches!(
        tally.presenter_notes(p.id, None).await,
        Err(NotesError::Denied(AccessDenied::MissingToken))
    ));
    let stranger = PresenterToken::generate();
    assert!(matches!(
        tally.presenter_notes(p.id, Some(&stranger)).await,
        Err(NotesError::Denied(_))
    ));
    let unknown = tally_domain::PresentationId::generate();
    assert!(matches!(
        tally.presenter_notes(unknown, Some(&token)).await,
        Err(NotesError::NotFound)
    ));
}

#[tokio::test]
async fn a_question_sent_twice_with_its_key_is_asked_once() {
    let world = FakeWorld::new();
    let (tally, _, _) = world.tally(false);
    let qa = typed("Questions?", PollType::Qa, &[], SettingsDraft::default());
    let created = tally
        .create_presentation(PresentationDraft::new(vec![qa]).unwrap(), None)
        .await
        .unwrap();
    let (p, poll) = (created.presentation.id, created.presentation.polls[0].id);
    let phone = ParticipantId::from_uuid(uuid::Uuid::new_v4());
    let key = Some(SubmissionId::from_uuid(uuid::Uuid::new_v4()));
    let first = tally
        .ask_question(p, poll, phone, " Slides? ", key)
        .await
        .unwrap();
    let again = tally
        .ask_question(p, poll, phone, "Slides?", key)
        .await
        .unwrap();
    // The same question once trimmed: the same submission.
    assert_eq!(again, first);
    assert!(matches!(
        tally.ask_question(p, poll, phone, "Other?", key).await,
        Err(AskQuestionError::SubmissionReused)
    ));
    let order = tally_domain::kinds::QuestionOrder::default();
    assert_eq!(tally.questions(p, poll, order).await.unwrap().len(), 1);
}

#[tokio::test]
async fn a_timer_that_runs_out_closes_voting_once_and_is_told() {
    let world = FakeWorld::new();
    let (tally, events, _) = world.tally(false);
    let timed = SettingsDraft {
        time_limit_secs: Some(5),
        ..SettingsDraft::default()
    };
    let draft = PresentationDraft::new(vec![typed("Q?", PollType::Single, &["A"], timed)]).unwrap();
    let created = tally.create_presentation(draft, None).await.unwrap();
    let (poll, deadline) = created.presentation.deadline_to_close().expect("timed");
    let id = created.presentation.id;
    assert!(!tally
        .close_expired_voting(id, poll, deadline)
        .await
        .unwrap());
    world.clock().advance(std::time::Duration::from_secs(5));
    let before = events.told().len();
    assert!(tally
        .close_expired_voting(id, poll, deadline)
        .await
        .unwrap());
    assert_eq!(
        events.told()[before..],
        [tally_testkit::fakes::Told::Changed { id, version: 2 }]
    );
    // Another process trying too: nothing more happens, nobody is told.
    assert!(!tally
        .close_expired_voting(id, poll, deadline)
        .await
        .unwrap());
    assert_eq!(events.told().len(), before + 1);
    let now = tally.presentation(id).await.unwrap();
    assert!(!now.polls[0].voting_open && now.deadline_to_close().is_none());
}

#[tokio::test]
async fn every_round_is_listed_with_its_responses() {
    let world = FakeWorld::new();
    let (tally, _, _) = world.tally(false);
    let draft = PresentationDraft::new(vec![poll("Pets?", &["A", "B"])]).unwrap();
    let created = tally.create_presentation(draft, None).await.unwrap();
    let (p, token) = (created.presentation, created.presenter_token);
    let vote = |key: &str| {
        let voter = ParticipantId::from_uuid(uuid::Uuid::new_v4());
        tally.cast_vote(tally_domain::Ballot::single(
            p.id,
            p.polls[0].id,
            voter,
            key,
        ))
    };
    vote("A").await.unwrap();
    vote("B").await.unwrap();
    tally
        .reset_poll(p.id, p.polls[0].id, Some(&token))
        .await
        .unwrap();
    vote("A").await.unwrap();
    let rounds = tally
        .poll_rounds(p.id, p.polls[0].id, Some(&token))
        .await
        .unwrap();
    let listed: Vec<(u32, u64)> = rounds.iter().map(|r| (r.round, r.responses)).collect();
    assert_eq!(listed, [(1, 2), (2, 1)]);
    assert!(matches!(
        tally.poll_rounds(p.id, p.polls[0].id, None).await,
        Err(tally_domain::usecases::PollResultsError::Denied(_))
    ));
}
