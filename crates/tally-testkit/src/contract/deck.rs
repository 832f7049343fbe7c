//! The presentation store's deck revisions
//! ([`PresentationStore::revise_deck`], [`PresentationStore::deck_edits`]).

use super::store::create;
use super::Adapters;
use crate::fixtures::{deck, poll};
use tally_domain::deck::{revise, DeckRev, DeckRevision, EditKind, PollRevision, RevisedDeck};
use tally_domain::ports::{
    IntakeError, LedgerError, PresentationStore, ReviseDeckError, VoteIntake, VoteLedger,
};
use tally_domain::{Ballot, ParticipantId, PollDraft, Presentation, PresenterNotes, SlideMove};

fn kept(deck: &Presentation, i: usize, draft: PollDraft) -> PollRevision {
    PollRevision {
        id: Some(deck.polls[i].id),
        draft,
        reset_round: false,
    }
}

fn revised(deck: &Presentation, polls: Vec<PollRevision>) -> RevisedDeck {
    revise(deck, &[], DeckRevision { polls }).expect("a valid revision")
}

async fn vote<A: Adapters>(adapters: &A, deck: &Presentation, key: &str) {
    let ballot = Ballot::single(
        deck.id,
        deck.current_poll().unwrap().id,
        ParticipantId::from_uuid(uuid::Uuid::new_v4()),
        key,
    );
    adapters.intake().cast(ballot).await.expect("counted");
}

/// Text edits, an added option, a moved and an added poll: stored whole,
/// the poll on screen stays on screen with its voting state and its
/// votes, and both versions move.
pub async fn a_revision_is_stored_whole_and_keeps_the_slide_and_its_votes<A: Adapters>(
    adapters: &A,
) {
    let store = adapters.store();
    let (created, _) = create(adapters, deck(3)).await;
    let moved = store
        .move_slide(created.id, SlideMove::GoTo(1))
        .await
        .unwrap();
    let on_screen = moved.polls[1].id;
    vote(adapters, &moved, "B").await;
    let renamed = poll("Renamed?", &["A", "B", "C", "D"])
        .with_notes(Some(PresenterNotes::parse("Say hello").unwrap()));
    let plan = revised(
        &moved,
        vec![
            kept(&moved, 2, poll("Question 2?", &["A", "B", "C"])),
            kept(&moved, 1, renamed),
            PollRevision {
                id: None,
                draft: poll("New?", &["Y", "N"]),
                reset_round: false,
            },
            kept(&moved, 0, poll("Question 0?", &["A", "B", "C"])),
        ],
    );
    let stored = store
        .revise_deck(created.id, DeckRev(1), &plan)
        .await
        .unwrap();
    assert_eq!(stored.deck_rev, DeckRev(2));
    assert_eq!(stored.slide.version, moved.slide.version + 1);
    assert_eq!(stored.slide.poll_count, 4);
    assert_eq!(stored.slide.index, 1, "the poll on screen stays on screen");
    assert_eq!(stored.current_poll().unwrap().id, on_screen);
    let questions: Vec<&str> = stored.polls.iter().map(|p| p.question.as_str()).collect();
    assert_eq!(
        questions,
        ["Question 2?", "Renamed?", "New?", "Question 0?"]
    );
    let current = stored.current_poll().unwrap();
    assert_eq!(current.options.len(), 4);
    assert!(current.voting_open && current.opened_at.is_some());
    assert_eq!(current.round, 1, "text edits start no round");
    assert_eq!(stored.polls[2].round, 1);
    assert!(stored.polls[2].voting_open && !stored.polls[2].results_visible);
    assert_eq!(store.get(created.id).await.unwrap().unwrap(), stored);
    let notes = store.notes(created.id).await.unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!((notes[0].0, notes[0].1.as_str()), (on_screen, "Say hello"));
    // The vote stays where it was cast.
    let results = adapters
        .reader()
        .results(created.id, on_screen)
        .await
        .unwrap();
    assert_eq!(results.total_votes, 1);
    // Every edit is recorded under the revision it made.
    let edits = store.deck_edits(created.id).await.unwrap();
    assert_eq!(edits.len(), plan.edits.len());
    assert!(edits.iter().all(|(rev, _)| *rev == DeckRev(2)));
    let recorded: Vec<_> = edits.into_iter().map(|(_, e)| e).collect();
    assert_eq!(recorded, plan.edits);
    assert!(recorded
        .iter()
        .any(|e| e.what == EditKind::Question && e.after.as_deref() == Some("Renamed?")));
}

/// A revision made against an older revision is refused whole, with the
/// revision the deck is at; so is removing the poll on screen, and an
/// unknown presentation.
pub async fn stale_and_impossible_revisions_store_nothing<A: Adapters>(adapters: &A) {
    let store = adapters.store();
    let (created, _) = create(adapters, deck(2)).await;
    let first = revised(
        &created,
        vec![
            kept(&created, 0, poll("First edit?", &["A", "B", "C"])),
            kept(&created, 1, poll("Question 1?", &["A", "B", "C"])),
        ],
    );
    let after = store
        .revise_deck(created.id, DeckRev(1), &first)
        .await
        .unwrap();
    let second = revised(
        &created,
        vec![
            kept(&created, 0, poll("Second edit?", &["A", "B", "C"])),
            kept(&created, 1, poll("Question 1?", &["A", "B", "C"])),
        ],
    );
    assert!(matches!(
        store.revise_deck(created.id, DeckRev(1), &second).await,
        Err(ReviseDeckError::Stale {
            current: DeckRev(2)
        })
    ));
    assert_eq!(store.get(created.id).await.unwrap().unwrap(), after);
    // Planned while slide 2 was not on screen; it came on screen since.
    let drop_second = revised(
        &after,
        vec![kept(&after, 0, poll("First edit?", &["A", "B", "C"]))],
    );
    let moved = store.move_slide(created.id, SlideMove::Next).await.unwrap();
    assert!(matches!(
        store.revise_deck(created.id, DeckRev(2), &drop_second).await,
        Err(ReviseDeckError::PollOnScreen(id)) if id == after.polls[1].id
    ));
    assert_eq!(store.get(created.id).await.unwrap().unwrap(), moved);
    assert_eq!(store.deck_edits(created.id).await.unwrap().len(), 1);
    assert!(matches!(
        store
            .revise_deck(tally_domain::PresentationId::generate(), DeckRev(1), &first)
            .await,
        Err(ReviseDeckError::NotFound)
    ));
}

/// An edit that changes what votes mean starts the poll's next round: the
/// votes so far stay in theirs, the new round counts from zero with the
/// new options, and voting stays as it was.
pub async fn an_edit_that_changes_what_votes_mean_starts_a_round<A: Adapters>(adapters: &A) {
    let store = adapters.store();
    let (created, _) = create(adapters, deck(2)).await;
    vote(adapters, &created, "C").await;
    let poll_id = created.polls[0].id;
    let mut without_c = kept(&created, 0, poll("Question 0?", &["A", "B"]));
    without_c.reset_round = true;
    let plan = revised(
        &created,
        vec![
            without_c,
            kept(&created, 1, poll("Question 1?", &["A", "B", "C"])),
        ],
    );
    assert!(plan.polls[0].new_round);
    let stored = store
        .revise_deck(created.id, DeckRev(1), &plan)
        .await
        .unwrap();
    assert_eq!(stored.polls[0].round, 2);
    assert!(stored.polls[0].voting_open);
    let keys: Vec<&str> = stored.polls[0]
        .options
        .iter()
        .map(|o| o.key.as_str())
        .collect();
    assert_eq!(keys, ["A", "B"]);
    let now = adapters
        .reader()
        .results(created.id, poll_id)
        .await
        .unwrap();
    assert_eq!((now.round, now.total_votes), (2, 0));
    let before = adapters
        .reader()
        .round_results(created.id, poll_id, 1)
        .await
        .unwrap();
    // Read against the definition its votes were cast against: C is
    // there, with its vote.
    assert_eq!(before.participants, 1, "round 1 keeps its vote");
    let keys: Vec<(&str, u64)> = before
        .options
        .iter()
        .map(|o| (o.key.as_str(), o.votes))
        .collect();
    assert_eq!(keys, [("A", 0), ("B", 0), ("C", 1)]);
    assert_eq!(before.total_votes, 1);
    // The new round takes votes on the new options, and only on them.
    let removed = Ballot::single(
        created.id,
        poll_id,
        ParticipantId::from_uuid(uuid::Uuid::new_v4()),
        "C",
    );
    assert!(matches!(
        adapters.intake().cast(removed).await,
        Err(IntakeError::UnknownOption(key)) if key == "C"
    ));
    vote(adapters, &stored, "A").await;
    let now = adapters
        .reader()
        .results(created.id, poll_id)
        .await
        .unwrap();
    assert_eq!(now.total_votes, 1);
}

/// A removed poll leaves the deck with its votes.
pub async fn a_removed_poll_leaves_with_its_votes<A: Adapters>(adapters: &A) {
    let store = adapters.store();
    let (created, _) = create(adapters, deck(2)).await;
    let moved = store.move_slide(created.id, SlideMove::Next).await.unwrap();
    let gone = moved.polls[0].id;
    let plan = revised(
        &moved,
        vec![kept(&moved, 1, poll("Question 1?", &["A", "B", "C"]))],
    );
    let stored = store
        .revise_deck(created.id, DeckRev(1), &plan)
        .await
        .unwrap();
    assert_eq!((stored.slide.index, stored.slide.poll_count), (0, 1));
    assert_eq!(stored.polls.len(), 1);
    assert!(matches!(
        adapters.reader().results(created.id, gone).await,
        Err(LedgerError::PollNotFound)
    ));
    assert_eq!(
        store.deck_edits(created.id).await.unwrap()[0].1.what,
        EditKind::PollRemoved
    );
}

/// The round is the fence: a ballot checked against the poll before an
/// edit that changed what votes mean (round 1) is refused once the edit
/// is stored, whatever it holds, and nothing is counted; checked again in
/// the new round it counts there.
pub async fn a_ballot_checked_before_such_an_edit_is_refused<A: Adapters>(adapters: &A) {
    let store = adapters.store();
    let multiple = || {
        crate::fixtures::typed(
            "Which?",
            tally_domain::kinds::PollType::Multiple,
            &["A", "B", "C"],
            tally_domain::kinds::SettingsDraft::default(),
        )
    };
    let draft = tally_domain::PresentationDraft::new(vec![multiple()]).unwrap();
    let (created, _) = create(adapters, draft).await;
    let poll = &created.polls[0];
    let checked = |p: &tally_domain::Poll, keys: &[&str]| {
        let raw =
            tally_domain::kinds::RawChoice::Keys(keys.iter().map(|k| (*k).to_owned()).collect());
        let voter = ParticipantId::from_uuid(uuid::Uuid::new_v4());
        Ballot::checked(created.id, p.id, (&p.settings, p.round), voter, raw).unwrap()
    };
    // Checked against round 1, sent after the edit removed C.
    let stale = checked(poll, &["A", "C"]);
    assert_eq!(stale.round, Some(1));
    let without_c = crate::fixtures::typed(
        "Which?",
        tally_domain::kinds::PollType::Multiple,
        &["A", "B"],
        tally_domain::kinds::SettingsDraft::default(),
    );
    let plan = revised(&created, vec![kept(&created, 0, without_c)]);
    let stored = store
        .revise_deck(created.id, DeckRev(1), &plan)
        .await
        .unwrap();
    assert!(matches!(
        adapters.intake().cast(stale).await,
        Err(IntakeError::RoundChanged)
    ));
    let now = adapters
        .reader()
        .results(created.id, poll.id)
        .await
        .unwrap();
    assert_eq!((now.round, now.participants), (2, 0), "nothing counted");
    let fresh = checked(&stored.polls[0], &["A", "B"]);
    assert_eq!(fresh.round, Some(2));
    adapters
        .intake()
        .cast(fresh)
        .await
        .expect("counted in round 2");
    let now = adapters
        .reader()
        .results(created.id, poll.id)
        .await
        .unwrap();
    assert_eq!(now.participants, 1);
}

/// Slide images are stored once per content, named by their SHA-256, for
/// any presentation that uploads them; an unknown presentation stores
/// nothing, an unknown id reads as nothing.
pub async fn images_are_stored_once_by_their_content<A: Adapters>(adapters: &A) {
    use tally_domain::deck::image::{ImageId, SLIDE_IMAGE};
    use tally_domain::picture::Picture;
    let store = adapters.store();
    let (first, _) = create(adapters, deck(1)).await;
    let (second, _) = create(adapters, deck(1)).await;
    let png = crate::fixtures::tiny_png();
    let picture = Picture::from_upload(&png, &SLIDE_IMAGE).unwrap();
    let id = store.store_image(first.id, &picture).await.unwrap();
    assert_eq!(id, ImageId::of(&picture));
    assert_eq!(id.as_str().len(), 64);
    assert_eq!(store.store_image(second.id, &picture).await.unwrap(), id);
    let stored = store.image(&id).await.unwrap().expect("stored");
    assert_eq!(stored.bytes, picture.bytes());
    assert_eq!(stored.content_type, "image/png");
    assert_eq!(
        (stored.width, stored.height),
        (picture.width(), picture.height())
    );
    assert!(matches!(
        store
            .store_image(tally_domain::PresentationId::generate(), &picture)
            .await,
        Err(tally_domain::ports::SettingsChangeError::NotFound)
    ));
    let unknown = ImageId::parse(&"0".repeat(64)).unwrap();
    assert_eq!(store.image(&unknown).await.unwrap(), None);
}

/// A poll's images (beside the question and an option, with their alt
/// text) are kept when it is created and replaced by a revision.
pub async fn polls_keep_their_images<A: Adapters>(adapters: &A) {
    use tally_domain::deck::image::{ImageRefDraft, ImagesDraft, SLIDE_IMAGE};
    use tally_domain::picture::Picture;
    let store = adapters.store();
    let (holder, _) = create(adapters, deck(1)).await;
    let picture = Picture::from_upload(&crate::fixtures::tiny_png(), &SLIDE_IMAGE).unwrap();
    let image = store.store_image(holder.id, &picture).await.unwrap();
    let images = |alt: &str| ImagesDraft {
        question: Some(ImageRefDraft {
            image_id: image.as_str().to_owned(),
            alt: alt.to_owned(),
        }),
        options: [(
            "B".to_owned(),
            ImageRefDraft {
                image_id: image.as_str().to_owned(),
                alt: "A dog".to_owned(),
            },
        )]
        .into(),
    };
    let pictured = poll("Which pet?", &["A", "B"])
        .with_images(images("Two pets"))
        .unwrap();
    let draft = tally_domain::PresentationDraft::new(vec![pictured]).unwrap();
    let (created, _) = create(adapters, draft).await;
    let read = store.get(created.id).await.unwrap().unwrap();
    assert_eq!(read.polls[0].images.draft(), images("Two pets"));
    assert_eq!(read, created);
    let realt = poll("Which pet?", &["A", "B"])
        .with_images(images("A cat and a dog"))
        .unwrap();
    let plan = revised(&read, vec![kept(&read, 0, realt)]);
    assert_eq!(
        plan.edits.iter().map(|e| e.what).collect::<Vec<_>>(),
        [EditKind::Images]
    );
    let stored = store
        .revise_deck(created.id, DeckRev(1), &plan)
        .await
        .unwrap();
    assert_eq!(stored.polls[0].images.draft(), images("A cat and a dog"));
    assert_eq!(store.get(created.id).await.unwrap().unwrap(), stored);
}

/// Images no poll names are swept once their grace has passed: a picture
/// a poll names stays however old, one uploaded within the grace stays,
/// and uploading a picture again starts its grace again.
pub async fn unused_images_are_swept_after_their_grace<A: Adapters>(adapters: &A) {
    use std::time::{Duration, SystemTime};
    use tally_domain::deck::image::{ImageRefDraft, ImagesDraft, SLIDE_IMAGE};
    use tally_domain::picture::Picture;
    let store = adapters.store();
    let (holder, _) = create(adapters, deck(1)).await;
    let picture =
        |shade| Picture::from_upload(&crate::fixtures::tiny_png_of(shade), &SLIDE_IMAGE).unwrap();
    let named = store.store_image(holder.id, &picture(10)).await.unwrap();
    let unused = store.store_image(holder.id, &picture(20)).await.unwrap();
    let pictured = poll("Which pet?", &["A", "B"])
        .with_images(ImagesDraft {
            question: Some(ImageRefDraft {
                image_id: named.as_str().to_owned(),
                alt: "Two pets".to_owned(),
            }),
            options: Default::default(),
        })
        .unwrap();
    create(
        adapters,
        tally_domain::PresentationDraft::new(vec![pictured]).unwrap(),
    )
    .await;
    let present = |ids: Vec<tally_domain::deck::image::ImageId>| async move {
        let missing = store.missing_images(&ids).await.unwrap();
        ids.into_iter().filter(|id| !missing.contains(id)).count()
    };

    // Within their grace (uploaded after the cutoff): both stay.
    let an_hour_ago = SystemTime::now() - Duration::from_secs(3600);
    assert_eq!(store.sweep_images(an_hour_ago).await.unwrap(), 0);
    assert_eq!(present(vec![named.clone(), unused.clone()]).await, 2);

    // Past it: the named one stays, the other goes with its link.
    let later = SystemTime::now() + Duration::from_secs(60);
    assert_eq!(store.sweep_images(later).await.unwrap(), 1);
    assert_eq!(present(vec![named.clone()]).await, 1);
    assert_eq!(present(vec![unused.clone()]).await, 0);
    assert!(store.image(&unused).await.unwrap().is_none());
    assert!(store.image(&named).await.unwrap().is_some());
    // Nothing left to sweep; a picture uploaded again is stored again and
    // starts a new grace.
    assert_eq!(store.sweep_images(later).await.unwrap(), 0);
    let again = store.store_image(holder.id, &picture(20)).await.unwrap();
    assert_eq!(again, unused);
    assert_eq!(store.sweep_images(an_hour_ago).await.unwrap(), 0);
    assert!(store.image(&unused).await.unwrap().is_some());
    // An image uploaded before a cutoff and again after it is kept by a
    // sweep at that cutoff: its grace counts from the last upload.
    let refreshed = store.store_image(holder.id, &picture(30)).await.unwrap();
    let cutoff = SystemTime::now();
    tokio::time::sleep(Duration::from_millis(5)).await;
    assert_eq!(
        store.store_image(holder.id, &picture(30)).await.unwrap(),
        refreshed
    );
    // (The other unnamed picture, last uploaded before the cutoff, goes.)
    assert_eq!(store.sweep_images(cutoff).await.unwrap(), 1);
    assert!(store.image(&unused).await.unwrap().is_none());
    assert!(store.image(&refreshed).await.unwrap().is_some());
}
