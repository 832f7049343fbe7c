//! The presentation store contract.

use super::Adapters;
use crate::fixtures::deck;
use tally_domain::ports::{
    InsertPresentationError, NewPresentation, PresentationStore, SlideChangeError,
    VotingChangeError,
};
use tally_domain::{
    JoinCode, PollId, Presentation, PresentationDraft, PresentationId, PresenterId, PresenterNotes,
    PresenterToken, SlideError, SlideMove,
};

/// A new presentation for a new presenter; returns it with its token.
pub async fn create<A: Adapters>(
    adapters: &A,
    draft: PresentationDraft,
) -> (Presentation, PresenterToken) {
    let token = PresenterToken::generate();
    let presentation = create_for(adapters, draft, PresenterId::generate(), Some(&token)).await;
    (presentation, token)
}

async fn create_for<A: Adapters>(
    adapters: &A,
    draft: PresentationDraft,
    presenter: PresenterId,
    new_token: Option<&PresenterToken>,
) -> Presentation {
    create_with(adapters.store(), draft, presenter, new_token).await
}

/// A new presentation in `store`, for a new presenter.
pub async fn create_in<S: PresentationStore>(store: &S, draft: PresentationDraft) -> Presentation {
    let token = PresenterToken::generate();
    create_with(store, draft, PresenterId::generate(), Some(&token)).await
}

async fn create_with<S: PresentationStore>(
    store: &S,
    draft: PresentationDraft,
    presenter: PresenterId,
    new_token: Option<&PresenterToken>,
) -> Presentation {
    loop {
        let new = NewPresentation {
            id: PresentationId::generate(),
            presenter_id: presenter,
            new_presenter_token: new_token.map(PresenterToken::hash),
            join_code: JoinCode::generate(),
            created_open: false,
            draft: draft.clone(),
        };
        match store.create_presentation(new).await {
            Ok(p) => return p,
            Err(InsertPresentationError::JoinCodeTaken(_)) => continue,
            Err(e) => panic!("create failed: {e}"),
        }
    }
}

pub async fn create_then_get_returns_the_first_poll_on_screen<A: Adapters>(adapters: &A) {
    let (created, _) = create(adapters, deck(3)).await;
    assert_eq!(created.slide.index, 0);
    assert_eq!(created.slide.poll_count, 3);
    assert_eq!(created.slide.version, 1);
    assert!(created.polls.iter().all(|p| p.voting_open));
    let fetched = adapters.store().get(created.id).await.unwrap().unwrap();
    assert_eq!(fetched, created);
    assert_eq!(fetched.polls[1].question.as_str(), "Question 1?");
    let keys: Vec<&str> = fetched.polls[0]
        .options
        .iter()
        .map(|o| o.key.as_str())
        .collect();
    assert_eq!(keys, ["A", "B", "C"]);
}

pub async fn notes_are_kept_per_poll_and_apart_from_the_polls<A: Adapters>(adapters: &A) {
    let noted = |i: usize, notes: Option<&str>| {
        crate::fixtures::poll(&format!("Question {i}?"), &["A", "B"])
            .with_notes(notes.map(|n| PresenterNotes::parse(n).expect("notes")))
    };
    let draft = PresentationDraft::new(vec![
        noted(0, Some("Warm up:\nask who came by train")),
        noted(1, None),
        noted(2, Some("Reveal the answer: B")),
    ])
    .expect("deck");
    let (created, _) = create(adapters, draft).await;
    let notes = adapters.store().notes(created.id).await.unwrap();
    let read: Vec<(PollId, &str)> = notes.iter().map(|(id, n)| (*id, n.as_str())).collect();
    assert_eq!(
        read,
        [
            (created.polls[0].id, "Warm up:\nask who came by train"),
            (created.polls[2].id, "Reveal the answer: B")
        ]
    );
    // A presentation without notes, and an unknown one, have none.
    let (plain, _) = create(adapters, deck(2)).await;
    assert!(adapters.store().notes(plain.id).await.unwrap().is_empty());
    let unknown = PresentationId::generate();
    assert!(adapters.store().notes(unknown).await.unwrap().is_empty());
}

pub async fn expired_voting_closes_once_and_only_at_its_deadline<A: Adapters>(adapters: &A) {
    let store = adapters.store();
    let (p, _) = create(adapters, deck(2)).await;
    let poll = p.polls[0].id;
    let running = store.set_timer(p.id, 1).await.unwrap();
    let (timed, deadline) = running.deadline_to_close().expect("a running timer");
    assert_eq!(timed, poll);
    // Not before the deadline, nor for another deadline or poll.
    assert_eq!(
        store.close_expired(p.id, poll, deadline).await.unwrap(),
        None
    );
    adapters.pass(std::time::Duration::from_millis(1_200)).await;
    let other = deadline + std::time::Duration::from_millis(1);
    assert_eq!(store.close_expired(p.id, poll, other).await.unwrap(), None);
    let elsewhere = p.polls[1].id;
    assert_eq!(
        store
            .close_expired(p.id, elsewhere, deadline)
            .await
            .unwrap(),
        None
    );
    let unknown = PresentationId::generate();
    assert_eq!(
        store.close_expired(unknown, poll, deadline).await.unwrap(),
        None
    );

    let closed = store
        .close_expired(p.id, poll, deadline)
        .await
        .unwrap()
        .expect("closed at its deadline");
    assert!(!closed.polls[0].voting_open);
    assert_eq!(closed.slide.version, running.slide.version + 1);
    assert_eq!(closed.deadline_to_close(), None);
    assert_eq!(store.get(p.id).await.unwrap().unwrap(), closed);
    // Once: a second process trying too changes nothing.
    assert_eq!(
        store.close_expired(p.id, poll, deadline).await.unwrap(),
        None
    );
    // Stopping the timer that ran out opens voting again.
    let stopped = store.set_timer(p.id, 0).await.unwrap();
    assert!(stopped.polls[0].voting_open && stopped.polls[0].deadline.is_none());

    // A timer extended before its deadline is not closed at the old one.
    let again = store.set_timer(p.id, 1).await.unwrap();
    let (_, first) = again.deadline_to_close().expect("running again");
    let extended = store.set_timer(p.id, 60).await.unwrap();
    adapters.pass(std::time::Duration::from_millis(1_200)).await;
    assert_eq!(store.close_expired(p.id, poll, first).await.unwrap(), None);
    assert_eq!(
        store.get(p.id).await.unwrap().unwrap().slide.version,
        extended.slide.version
    );
}

pub async fn unknown_ids_are_absent<A: Adapters>(adapters: &A) {
    let unknown = PresentationId::generate();
    assert!(adapters.store().get(unknown).await.unwrap().is_none());
    assert!(adapters.store().access(unknown).await.unwrap().is_none());
    assert!(matches!(
        adapters.store().move_slide(unknown, SlideMove::Next).await,
        Err(SlideChangeError::NotFound)
    ));
    assert!(matches!(
        adapters.store().set_voting(unknown, false).await,
        Err(VotingChangeError::NotFound)
    ));
}

pub async fn a_taken_join_code_stores_nothing<A: Adapters>(adapters: &A) {
    let (first, _) = create(adapters, deck(1)).await;
    let token = PresenterToken::generate();
    let id = PresentationId::generate();
    let result = adapters
        .store()
        .create_presentation(NewPresentation {
            id,
            presenter_id: PresenterId::generate(),
            new_presenter_token: Some(token.hash()),
            join_code: first.join_code.clone(),
            created_open: false,
            draft: deck(1),
        })
        .await;
    assert!(matches!(
        result,
        Err(InsertPresentationError::JoinCodeTaken(_))
    ));
    assert!(adapters.store().get(id).await.unwrap().is_none());
    // The new presenter was rolled back with the presentation.
    assert!(adapters
        .store()
        .find_presenter(token.hash())
        .await
        .unwrap()
        .is_none());
}

pub async fn presenters_are_found_by_token_hash<A: Adapters>(adapters: &A) {
    let (created, token) = create(adapters, deck(1)).await;
    let found = adapters.store().find_presenter(token.hash()).await.unwrap();
    assert_eq!(found, Some(created.presenter_id));
    let stranger = PresenterToken::generate();
    assert!(adapters
        .store()
        .find_presenter(stranger.hash())
        .await
        .unwrap()
        .is_none());
}

pub async fn access_reflects_how_it_was_created<A: Adapters>(adapters: &A) {
    let (created, token) = create(adapters, deck(1)).await;
    let access = adapters.store().access(created.id).await.unwrap().unwrap();
    assert_eq!(access.presenter_id, created.presenter_id);
    assert_eq!(access.token_hash, token.hash());
    assert!(!access.created_open);
    assert_eq!(access.join_code, created.join_code);
    // Delegates come only from a contest tied to the presentation.
    assert!(access.delegates.is_empty());

    let open = adapters
        .store()
        .create_presentation(NewPresentation {
            id: PresentationId::generate(),
            presenter_id: PresenterId::generate(),
            new_presenter_token: Some(PresenterToken::generate().hash()),
            join_code: JoinCode::generate(),
            created_open: true,
            draft: deck(1),
        })
        .await
        .unwrap();
    assert!(
        adapters
            .store()
            .access(open.id)
            .await
            .unwrap()
            .unwrap()
            .created_open
    );
}

pub async fn slide_moves_follow_the_deck_and_bump_the_version<A: Adapters>(adapters: &A) {
    let (created, _) = create(adapters, deck(4)).await;
    let store = adapters.store();
    let moved = store.move_slide(created.id, SlideMove::Next).await.unwrap();
    assert_eq!((moved.slide.index, moved.slide.version), (1, 2));
    assert_eq!(moved.current_poll().unwrap().id, created.polls[1].id);
    let moved = store
        .move_slide(created.id, SlideMove::GoTo(3))
        .await
        .unwrap();
    assert_eq!((moved.slide.index, moved.slide.version), (3, 3));
    let moved = store
        .move_slide(created.id, SlideMove::Previous)
        .await
        .unwrap();
    assert_eq!((moved.slide.index, moved.slide.version), (2, 4));
    assert_eq!(
        store.get(created.id).await.unwrap().unwrap().slide,
        moved.slide
    );
}

pub async fn a_refused_move_changes_nothing<A: Adapters>(adapters: &A) {
    let (created, _) = create(adapters, deck(2)).await;
    let store = adapters.store();
    assert!(matches!(
        store.move_slide(created.id, SlideMove::Previous).await,
        Err(SlideChangeError::Slide(SlideError::BeforeFirstPoll))
    ));
    assert!(matches!(
        store.move_slide(created.id, SlideMove::GoTo(2)).await,
        Err(SlideChangeError::Slide(SlideError::NoSuchSlide {
            index: 2,
            poll_count: 2
        }))
    ));
    store.move_slide(created.id, SlideMove::Next).await.unwrap();
    assert!(matches!(
        store.move_slide(created.id, SlideMove::Next).await,
        Err(SlideChangeError::Slide(SlideError::PastLastPoll))
    ));
    let now = store.get(created.id).await.unwrap().unwrap();
    assert_eq!((now.slide.index, now.slide.version), (1, 2));
}

pub async fn concurrent_moves_serialise<A: Adapters>(adapters: &A) {
    let (created, _) = create(adapters, deck(6)).await;
    let store = adapters.store();
    let moves = (0..5).map(|_| {
        let store = store.clone();
        async move { store.move_slide(created.id, SlideMove::Next).await }
    });
    let results = futures_join_all(moves).await;
    let mut indexes: Vec<usize> = results
        .into_iter()
        .map(|r| r.unwrap().slide.index)
        .collect();
    indexes.sort_unstable();
    // Each move saw the one before it: no two returned the same slide.
    assert_eq!(indexes, [1, 2, 3, 4, 5]);
    let now = store.get(created.id).await.unwrap().unwrap();
    assert_eq!((now.slide.index, now.slide.version), (5, 6));
}

pub async fn voting_state_is_per_poll_and_survives_navigation<A: Adapters>(adapters: &A) {
    let (created, _) = create(adapters, deck(2)).await;
    let store = adapters.store();
    let closed = store.set_voting(created.id, false).await.unwrap();
    let poll = closed.current_poll().unwrap();
    assert_eq!(poll.id, created.polls[0].id);
    assert!(!poll.voting_open);
    // Closing twice is not an error.
    assert!(
        !store
            .set_voting(created.id, false)
            .await
            .unwrap()
            .current_poll()
            .unwrap()
            .voting_open
    );
    let moved = store.move_slide(created.id, SlideMove::Next).await.unwrap();
    assert!(moved.current_poll().unwrap().voting_open);
    let back = store
        .move_slide(created.id, SlideMove::Previous)
        .await
        .unwrap();
    assert!(!back.current_poll().unwrap().voting_open);
    assert!(
        store
            .set_voting(created.id, true)
            .await
            .unwrap()
            .current_poll()
            .unwrap()
            .voting_open
    );
    assert_eq!(
        store.get(created.id).await.unwrap().unwrap().slide.version,
        6
    );
}

pub async fn results_visibility_is_per_poll_and_off_by_default<A: Adapters>(adapters: &A) {
    let (created, _) = create(adapters, deck(2)).await;
    let store = adapters.store();
    assert!(created.polls.iter().all(|p| !p.results_visible));
    let shown = store.set_results_visible(created.id, true).await.unwrap();
    let shown = shown.current_poll().unwrap();
    assert_eq!(
        (shown.id, shown.results_visible),
        (created.polls[0].id, true)
    );
    let moved = store.move_slide(created.id, SlideMove::Next).await.unwrap();
    assert!(!moved.current_poll().unwrap().results_visible);
    let back = store
        .move_slide(created.id, SlideMove::Previous)
        .await
        .unwrap();
    assert!(back.current_poll().unwrap().results_visible);
    assert_eq!(back.slide.version, 4);
    assert!(matches!(
        store
            .set_results_visible(PresentationId::generate(), true)
            .await,
        Err(VotingChangeError::NotFound)
    ));
}

pub async fn delete_removes_the_presentation_once<A: Adapters>(adapters: &A) {
    let (created, _) = create(adapters, deck(2)).await;
    assert!(adapters.store().delete(created.id).await.unwrap());
    assert!(adapters.store().get(created.id).await.unwrap().is_none());
    assert!(!adapters.store().delete(created.id).await.unwrap());
}

pub async fn listing_is_newest_first_keyset_paged_and_per_presenter<A: Adapters>(adapters: &A) {
    let (first, token) = create(adapters, deck(1)).await;
    let presenter = first.presenter_id;
    let mut ids = vec![first.id];
    for _ in 0..4 {
        ids.push(create_for(adapters, deck(1), presenter, None).await.id);
    }
    create(adapters, deck(1)).await; // someone else's
    ids.reverse();
    let store = adapters.store();
    let page = store.list_for_presenter(presenter, None, 2).await.unwrap();
    assert_eq!(page.iter().map(|s| s.id).collect::<Vec<_>>(), ids[..2]);
    let page2 = store
        .list_for_presenter(presenter, Some(ids[1]), 2)
        .await
        .unwrap();
    assert_eq!(page2.iter().map(|s| s.id).collect::<Vec<_>>(), ids[2..4]);
    let rest = store
        .list_for_presenter(presenter, Some(ids[3]), 10)
        .await
        .unwrap();
    assert_eq!(rest.iter().map(|s| s.id).collect::<Vec<_>>(), ids[4..]);
    assert_eq!(
        store.find_presenter(token.hash()).await.unwrap(),
        Some(presenter)
    );
}

pub async fn join_codes_find_their_presentation<A: Adapters>(adapters: &A) {
    let (created, _) = create(adapters, deck(2)).await;
    let found = adapters
        .store()
        .find_by_join_code(created.join_code.clone())
        .await
        .unwrap();
    assert_eq!(found.map(|p| p.id), Some(created.id));
}

/// Runs futures concurrently on the current task (no extra dependency).
pub(crate) async fn futures_join_all<F>(futures: impl IntoIterator<Item = F>) -> Vec<F::Output>
where
    F: std::future::Future + Send + 'static,
    F::Output: Send + 'static,
{
    let mut set = tokio::task::JoinSet::new();
    let futures: Vec<F> = futures.into_iter().collect();
    let count = futures.len();
    for (i, f) in futures.into_iter().enumerate() {
        set.spawn(async move { (i, f.await) });
    }
    let mut out: Vec<Option<F::Output>> = (0..count).map(|_| None).collect();
    while let Some(joined) = set.join_next().await {
        let (i, value) = joined.expect("task panicked");
        out[i] = Some(value);
    }
    out.into_iter()
        .map(|v| v.expect("every task reports"))
        .collect()
}

pub async fn state_versions_follow_changes_and_omit_unknown_ids<A: Adapters>(adapters: &A) {
    let (p, _) = create(adapters, deck(2)).await;
    let (q, _) = create(adapters, deck(2)).await;
    let store = adapters.store();
    store.move_slide(q.id, SlideMove::Next).await.unwrap();
    store.set_voting(q.id, false).await.unwrap();
    let mut versions = store
        .state_versions(&[p.id, PresentationId::generate(), q.id])
        .await
        .unwrap();
    versions.sort();
    let mut expected = vec![(p.id, 1), (q.id, 3)];
    expected.sort();
    assert_eq!(versions, expected);
    assert!(store.state_versions(&[]).await.unwrap().is_empty());
}

pub async fn polls_on_screen_follow_the_slide_and_omit_unknown_ids<A: Adapters>(adapters: &A) {
    let (created, _) = create(adapters, deck(3)).await;
    let store = adapters.store();
    let ids: Vec<_> = created.polls.iter().map(|p| p.id).collect();
    let first = store.polls_on_screen(created.id).await.unwrap().unwrap();
    assert_eq!(
        (first.polls.as_slice(), first.current),
        (ids.as_slice(), Some(ids[0]))
    );
    store
        .move_slide(created.id, SlideMove::GoTo(2))
        .await
        .unwrap();
    let moved = store.polls_on_screen(created.id).await.unwrap().unwrap();
    assert_eq!(
        (moved.polls.as_slice(), moved.current),
        (ids.as_slice(), Some(ids[2]))
    );
    assert!(store
        .polls_on_screen(PresentationId::generate())
        .await
        .unwrap()
        .is_none());
    store.delete(created.id).await.unwrap();
    assert!(store.polls_on_screen(created.id).await.unwrap().is_none());
}
