//! The question board contract: Q&A questions, upvotes, flags and the
//! presenter's moderation decisions. Runs on the fake and on Postgres.

use super::store::create_in;
use crate::fixtures::typed;
use std::collections::BTreeSet;
use tally_domain::kinds::qa::MAX_QUESTIONS_PER_PARTICIPANT;
use tally_domain::kinds::{
    Asked, Decision, PollType, ProfanityFilter, QuestionFlag, QuestionText, SettingsDraft,
};
use tally_domain::ports::{BoardError, NewQuestion, PresentationStore, QuestionBoard};
use tally_domain::{
    ParticipantId, PollId, Presentation, PresentationDraft, PresentationId, QuestionId,
    SubmissionId,
};

/// A store and a board over the same backing state.
pub trait BoardAdapters: Send + Sync + 'static {
    type Store: PresentationStore;
    type Board: QuestionBoard;
    fn store(&self) -> &Self::Store;
    fn board(&self) -> &Self::Board;
}

/// Expands to one `#[tokio::test]` per case of the board contract.
#[macro_export]
macro_rules! board_contract_tests {
    ($make:expr) => {
        $crate::board_contract_tests!(@cases $make;
            questions_are_asked_on_qa_polls_only,
            upvotes_are_idempotent_and_withdrawable,
            concurrent_upvotes_count_each_participant_once,
            flags_apply_and_repeat_harmlessly,
            a_participant_asks_at_most_the_limit,
            a_submission_sent_twice_is_one_question,
            concurrent_submissions_store_one_question,
            a_repeated_submission_answers_even_at_the_limit,
            decisions_are_kept_per_poll_beside_the_filter,
        );
    };
    (@cases $make:expr; $($case:ident),* $(,)?) => {
        $(
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $case() {
                let adapters = $make;
                $crate::contract::board::$case(&adapters).await;
            }
        )*
    };
}

fn someone() -> ParticipantId {
    ParticipantId::from_uuid(uuid::Uuid::new_v4())
}

/// A presentation with a Q&A poll, a word cloud and a single-choice poll,
/// filtered with `filter`.
async fn deck<A: BoardAdapters>(adapters: &A, filter: ProfanityFilter) -> Presentation {
    let draft = PresentationDraft::new(vec![
        typed("Questions?", PollType::Qa, &[], SettingsDraft::default()),
        typed(
            "One word?",
            PollType::Wordcloud,
            &[],
            SettingsDraft::default(),
        ),
        typed(
            "Pick one",
            PollType::Single,
            &["A", "B"],
            SettingsDraft::default(),
        ),
    ])
    .expect("deck")
    .with_profanity_filter(filter);
    let p = create_in(adapters.store(), draft).await;
    assert_eq!(p.profanity_filter, filter);
    p
}

async fn ask<A: BoardAdapters>(
    adapters: &A,
    presentation: PresentationId,
    poll: PollId,
    participant: ParticipantId,
    text: &str,
) -> Result<QuestionId, BoardError> {
    submit(adapters, presentation, poll, participant, text, None).await
}

/// Asks with the client's idempotency key `submission`.
async fn submit<A: BoardAdapters>(
    adapters: &A,
    presentation: PresentationId,
    poll: PollId,
    participant: ParticipantId,
    text: &str,
    submission: Option<SubmissionId>,
) -> Result<QuestionId, BoardError> {
    let question = NewQuestion {
        id: QuestionId::generate(),
        participant,
        text: QuestionText::parse(text, 280).expect("text"),
        submission,
    };
    let id = question.id;
    let stored = adapters.board().ask(presentation, poll, question).await?;
    // A new question keeps the id it was given.
    if submission.is_none() {
        assert_eq!(stored, id);
    }
    Ok(stored)
}

async fn listed<A: BoardAdapters>(adapters: &A, p: &Presentation) -> Vec<Asked> {
    let mut questions = adapters
        .board()
        .questions(p.id, p.polls[0].id)
        .await
        .expect("questions");
    questions.sort_by_key(|q| q.id);
    questions
}

async fn upvotes<A: BoardAdapters>(adapters: &A, p: &Presentation, id: QuestionId) -> u64 {
    listed(adapters, p)
        .await
        .into_iter()
        .find(|q| q.id == id)
        .expect("the question")
        .upvotes
}

pub async fn questions_are_asked_on_qa_polls_only<A: BoardAdapters>(adapters: &A) {
    let p = deck(adapters, ProfanityFilter::Standard).await;
    let other = deck(adapters, ProfanityFilter::Standard).await;
    let qa = p.polls[0].id;
    let id = ask(adapters, p.id, qa, someone(), "What next?")
        .await
        .unwrap();
    let questions = listed(adapters, &p).await;
    assert_eq!(questions.len(), 1);
    let q = &questions[0];
    assert_eq!(
        (
            q.id,
            q.text.as_str(),
            q.upvotes,
            q.answered,
            q.pinned,
            q.decision
        ),
        (id, "What next?", 0, false, false, None)
    );
    for poll in [p.polls[1].id, p.polls[2].id, PollId::generate()] {
        assert!(matches!(
            ask(adapters, p.id, poll, someone(), "Here?").await,
            Err(BoardError::PollNotFound)
        ));
    }
    // The poll of another presentation, and an unknown presentation.
    assert!(matches!(
        ask(adapters, other.id, qa, someone(), "Here?").await,
        Err(BoardError::PollNotFound)
    ));
    assert!(matches!(
        ask(adapters, PresentationId::generate(), qa, someone(), "Here?").await,
        Err(BoardError::PollNotFound)
    ));
    assert_eq!(listed(adapters, &p).await.len(), 1);
    assert!(listed(adapters, &other).await.is_empty());
}

pub async fn upvotes_are_idempotent_and_withdrawable<A: BoardAdapters>(adapters: &A) {
    let p = deck(adapters, ProfanityFilter::Standard).await;
    let qa = p.polls[0].id;
    let id = ask(adapters, p.id, qa, someone(), "Why?").await.unwrap();
    let (a, b, c) = (someone(), someone(), someone());
    let board = adapters.board();
    board.upvote(p.id, qa, id, a, true).await.unwrap();
    board.upvote(p.id, qa, id, a, true).await.unwrap();
    assert_eq!(upvotes(adapters, &p, id).await, 1);
    board.upvote(p.id, qa, id, b, true).await.unwrap();
    assert_eq!(upvotes(adapters, &p, id).await, 2);
    board.upvote(p.id, qa, id, a, false).await.unwrap();
    board.upvote(p.id, qa, id, a, false).await.unwrap();
    board.upvote(p.id, qa, id, c, false).await.unwrap();
    assert_eq!(upvotes(adapters, &p, id).await, 1);
    board.upvote(p.id, qa, id, a, true).await.unwrap();
    assert_eq!(upvotes(adapters, &p, id).await, 2);
    for (presentation, poll, question) in [
        (p.id, qa, QuestionId::generate()),
        (p.id, p.polls[1].id, id),
        (PresentationId::generate(), qa, id),
    ] {
        for on in [true, false] {
            assert!(matches!(
                board.upvote(presentation, poll, question, a, on).await,
                Err(BoardError::QuestionNotFound)
            ));
        }
    }
    assert_eq!(upvotes(adapters, &p, id).await, 2);
}

/// Many participants upvote the same questions at once, each several
/// times, and some withdraw: each question's count is the number of
/// participants whose upvote stands.
pub async fn concurrent_upvotes_count_each_participant_once<A: BoardAdapters>(adapters: &A) {
    let p = deck(adapters, ProfanityFilter::Standard).await;
    let qa = p.polls[0].id;
    let first = ask(adapters, p.id, qa, someone(), "First?").await.unwrap();
    let second = ask(adapters, p.id, qa, someone(), "Second?").await.unwrap();
    let people: Vec<ParticipantId> = (0..24).map(|_| someone()).collect();
    let board = adapters.board();
    let ups = people.iter().flat_map(|who| {
        [first, second, first, second, first]
            .into_iter()
            .map(move |question| board.upvote(p.id, qa, question, *who, true))
    });
    for outcome in futures::future::join_all(ups).await {
        outcome.unwrap();
    }
    // A third of them withdraw their upvote of the first question, twice
    // each, at once.
    let leaving: BTreeSet<ParticipantId> = people.iter().step_by(3).copied().collect();
    let downs = leaving
        .iter()
        .flat_map(|who| [false, false].map(|on| board.upvote(p.id, qa, first, *who, on)));
    for outcome in futures::future::join_all(downs).await {
        outcome.unwrap();
    }
    assert_eq!(
        upvotes(adapters, &p, first).await,
        (people.len() - leaving.len()) as u64
    );
    assert_eq!(upvotes(adapters, &p, second).await, people.len() as u64);
}

pub async fn flags_apply_and_repeat_harmlessly<A: BoardAdapters>(adapters: &A) {
    let p = deck(adapters, ProfanityFilter::Standard).await;
    let qa = p.polls[0].id;
    let id = ask(adapters, p.id, qa, someone(), "Flag me?")
        .await
        .unwrap();
    let board = adapters.board();
    let state = |q: &Asked| (q.answered, q.pinned, q.decision);
    let steps = [
        (QuestionFlag::Pin, (false, true, None)),
        (QuestionFlag::Pin, (false, true, None)),
        (QuestionFlag::Answered, (true, true, None)),
        (QuestionFlag::Unpin, (true, false, None)),
        (QuestionFlag::Hide, (true, false, Some(Decision::Hidden))),
        (
            QuestionFlag::Approve,
            (true, false, Some(Decision::Approved)),
        ),
        (
            QuestionFlag::Answered,
            (true, false, Some(Decision::Approved)),
        ),
    ];
    for (flag, expected) in steps {
        board.flag(p.id, qa, id, flag).await.unwrap();
        assert_eq!(
            state(&listed(adapters, &p).await[0]),
            expected,
            "after {flag:?}"
        );
    }
    assert!(matches!(
        board
            .flag(p.id, qa, QuestionId::generate(), QuestionFlag::Pin)
            .await,
        Err(BoardError::QuestionNotFound)
    ));
    assert!(matches!(
        board
            .flag(PresentationId::generate(), qa, id, QuestionFlag::Pin)
            .await,
        Err(BoardError::QuestionNotFound)
    ));
}

pub async fn a_participant_asks_at_most_the_limit<A: BoardAdapters>(adapters: &A) {
    let p = deck(adapters, ProfanityFilter::Standard).await;
    let qa = p.polls[0].id;
    let chatty = someone();
    for n in 0..MAX_QUESTIONS_PER_PARTICIPANT {
        ask(adapters, p.id, qa, chatty, &format!("Question {n}?"))
            .await
            .unwrap();
    }
    assert!(matches!(
        ask(adapters, p.id, qa, chatty, "One more?").await,
        Err(BoardError::QuestionLimit)
    ));
    ask(adapters, p.id, qa, someone(), "Mine?").await.unwrap();
    assert_eq!(
        listed(adapters, &p).await.len() as u64,
        MAX_QUESTIONS_PER_PARTICIPANT + 1
    );
}

pub async fn a_submission_sent_twice_is_one_question<A: BoardAdapters>(adapters: &A) {
    let p = deck(adapters, ProfanityFilter::Standard).await;
    let qa = p.polls[0].id;
    let (tapper, key) = (someone(), SubmissionId::from_uuid(uuid::Uuid::new_v4()));
    let first = submit(adapters, p.id, qa, tapper, "Slides?", Some(key))
        .await
        .unwrap();
    let again = submit(adapters, p.id, qa, tapper, "Slides?", Some(key))
        .await
        .unwrap();
    assert_eq!(again, first);
    assert!(matches!(
        submit(adapters, p.id, qa, tapper, "Other text?", Some(key)).await,
        Err(BoardError::SubmissionReused)
    ));
    // The key is the participant's: another's same key is another question.
    let other = submit(adapters, p.id, qa, someone(), "Slides?", Some(key))
        .await
        .unwrap();
    assert_ne!(other, first);
    // Without a key, every ask is a new question (older clients).
    let (plain, twice) = (
        ask(adapters, p.id, qa, tapper, "Slides?").await.unwrap(),
        ask(adapters, p.id, qa, tapper, "Slides?").await.unwrap(),
    );
    assert_ne!(plain, twice);
    assert_eq!(listed(adapters, &p).await.len(), 4);
}

pub async fn concurrent_submissions_store_one_question<A: BoardAdapters>(adapters: &A) {
    let p = deck(adapters, ProfanityFilter::Standard).await;
    let qa = p.polls[0].id;
    let (tapper, key) = (someone(), SubmissionId::from_uuid(uuid::Uuid::new_v4()));
    let taps = (0..8).map(|_| submit(adapters, p.id, qa, tapper, "Twice?", Some(key)));
    let ids: BTreeSet<QuestionId> = futures::future::join_all(taps)
        .await
        .into_iter()
        .map(|asked| asked.expect("every tap succeeds"))
        .collect();
    assert_eq!(ids.len(), 1);
    assert_eq!(listed(adapters, &p).await.len(), 1);
}

pub async fn a_repeated_submission_answers_even_at_the_limit<A: BoardAdapters>(adapters: &A) {
    let p = deck(adapters, ProfanityFilter::Standard).await;
    let qa = p.polls[0].id;
    let (chatty, key) = (someone(), SubmissionId::from_uuid(uuid::Uuid::new_v4()));
    let last = MAX_QUESTIONS_PER_PARTICIPANT - 1;
    for n in 0..last {
        ask(adapters, p.id, qa, chatty, &format!("Question {n}?"))
            .await
            .unwrap();
    }
    let id = submit(adapters, p.id, qa, chatty, "The last?", Some(key))
        .await
        .unwrap();
    // The retry of the question that reached the limit is that question.
    let retried = submit(adapters, p.id, qa, chatty, "The last?", Some(key)).await;
    assert_eq!(retried.unwrap(), id);
    assert_eq!(
        listed(adapters, &p).await.len() as u64,
        MAX_QUESTIONS_PER_PARTICIPANT
    );
}

pub async fn decisions_are_kept_per_poll_beside_the_filter<A: BoardAdapters>(adapters: &A) {
    let p = deck(adapters, ProfanityFilter::Strict).await;
    let other = deck(adapters, ProfanityFilter::Off).await;
    let (cloud, single) = (p.polls[1].id, p.polls[2].id);
    let board = adapters.board();
    let fresh = board.decisions(p.id, cloud).await.unwrap();
    assert_eq!(fresh.filter, ProfanityFilter::Strict);
    assert!(fresh.by_entry.is_empty());
    let entry = "0123456789abcdef";
    board
        .decide(p.id, cloud, entry, Decision::Hidden)
        .await
        .unwrap();
    board
        .decide(p.id, cloud, "fedcba9876543210", Decision::Approved)
        .await
        .unwrap();
    board
        .decide(p.id, cloud, entry, Decision::Approved)
        .await
        .unwrap();
    board
        .decide(p.id, cloud, entry, Decision::Hidden)
        .await
        .unwrap();
    let kept = board.decisions(p.id, cloud).await.unwrap();
    assert_eq!(
        kept.by_entry.into_iter().collect::<Vec<_>>(),
        [
            (entry.to_owned(), Decision::Hidden),
            ("fedcba9876543210".to_owned(), Decision::Approved)
        ]
    );
    assert!(board
        .decisions(p.id, single)
        .await
        .unwrap()
        .by_entry
        .is_empty());
    assert_eq!(
        board
            .decisions(other.id, other.polls[1].id)
            .await
            .unwrap()
            .filter,
        ProfanityFilter::Off
    );
    assert!(matches!(
        board.decide(other.id, cloud, entry, Decision::Hidden).await,
        Err(BoardError::PollNotFound)
    ));
    let unknown = board
        .decisions(PresentationId::generate(), PollId::generate())
        .await
        .unwrap();
    assert_eq!(unknown.filter, ProfanityFilter::default());
}
