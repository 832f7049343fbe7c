use super::*;
use crate::ids::{PresentationId, PresenterId};
use crate::kinds::{PollType, ProfanityFilter, SettingsDraft};
use crate::poll::{OptionKey, OptionValue, PollOption, Question};
use crate::presentation::SlideState;
use crate::presenter::JoinCode;
use crate::settings::LiveSettings;
use std::time::SystemTime;

fn options(pairs: &[(&str, &str)]) -> Vec<PollOption> {
    pairs
        .iter()
        .map(|(k, v)| PollOption {
            key: OptionKey::parse(*k).unwrap(),
            value: OptionValue::parse(*v).unwrap(),
        })
        .collect()
}

fn single(question: &str, pairs: &[(&str, &str)]) -> PollDraft {
    PollDraft::new(Question::parse(question).unwrap(), options(pairs)).unwrap()
}

fn quiz(question: &str, pairs: &[(&str, &str)], correct: &str) -> PollDraft {
    let draft = SettingsDraft {
        correct: Some(vec![correct.to_owned()]),
        ..SettingsDraft::default()
    };
    PollDraft::typed(
        Question::parse(question).unwrap(),
        options(pairs),
        PollType::Quiz,
        draft,
    )
    .unwrap()
}

/// A stored deck of `drafts`, `on_screen` showing.
fn deck(drafts: &[PollDraft], on_screen: usize) -> Presentation {
    let polls: Vec<_> = drafts
        .iter()
        .map(|d| d.to_poll(PollId::generate()))
        .collect();
    Presentation {
        id: PresentationId::generate(),
        presenter_id: PresenterId::generate(),
        join_code: JoinCode::generate(),
        slide: SlideState {
            index: on_screen,
            poll_count: polls.len(),
            version: 7,
        },
        polls,
        created_at: SystemTime::UNIX_EPOCH,
        profanity_filter: ProfanityFilter::default(),
        live: LiveSettings::default(),
        deck_rev: DeckRev(1),
    }
}

fn keep(deck: &Presentation, i: usize, draft: PollDraft) -> PollRevision {
    PollRevision {
        id: Some(deck.polls[i].id),
        draft,
        reset_round: false,
    }
}

fn kinds(revised: &RevisedDeck) -> Vec<EditKind> {
    revised.edits.iter().map(|e| e.what).collect()
}

fn colours() -> PollDraft {
    single("Colour?", &[("A", "Red"), ("B", "Blue")])
}

#[test]
fn the_same_deck_again_is_no_edit() {
    let deck = deck(&[colours(), colours()], 0);
    let revision = DeckRevision {
        polls: vec![keep(&deck, 0, colours()), keep(&deck, 1, colours())],
    };
    let revised = revise(&deck, &[], revision).unwrap();
    assert!(revised.is_empty(), "{:?}", revised.edits);
    assert!(revised.polls.iter().all(|p| !p.new_round && !p.added));
}

#[test]
fn text_edits_are_listed_and_never_start_a_round() {
    let deck = deck(&[colours()], 0);
    let edited = single(
        "Favourite colour?",
        &[("B", "Navy"), ("A", "Red"), ("C", "Green")],
    )
    .with_notes(Some(PresenterNotes::parse("Mention the logo").unwrap()));
    let revised = revise(
        &deck,
        &[],
        DeckRevision {
            polls: vec![keep(&deck, 0, edited)],
        },
    )
    .unwrap();
    assert_eq!(
        kinds(&revised),
        [
            EditKind::Question,
            EditKind::OptionText,
            EditKind::OptionAdded,
            EditKind::OptionsReordered,
            EditKind::Notes
        ]
    );
    let text = &revised.edits[1];
    assert_eq!(
        (
            text.option.as_deref(),
            text.before.as_deref(),
            text.after.as_deref()
        ),
        (Some("B"), Some("Blue"), Some("Navy"))
    );
    assert!(!revised.polls[0].new_round);
    assert!(revised.needs_empty_round().is_empty());
}

#[test]
fn removing_an_option_changes_what_votes_mean() {
    let deck = deck(&[colours()], 0);
    let revised = revise(
        &deck,
        &[],
        DeckRevision {
            polls: vec![keep(&deck, 0, single("Colour?", &[("A", "Red")]))],
        },
    )
    .unwrap();
    assert_eq!(kinds(&revised), [EditKind::OptionRemoved]);
    assert!(revised.polls[0].new_round, "the round is the fence");
    let needs = revised.needs_empty_round();
    assert_eq!(needs.len(), 1);
    assert_eq!(needs[0].0, deck.polls[0].id);
    assert_eq!(needs[0].1.option.as_deref(), Some("B"));
}

#[test]
fn a_key_renamed_is_an_option_removed_and_one_added() {
    let deck = deck(&[colours()], 0);
    let revised = revise(
        &deck,
        &[],
        DeckRevision {
            polls: vec![keep(
                &deck,
                0,
                single("Colour?", &[("A", "Red"), ("X", "Blue")]),
            )],
        },
    )
    .unwrap();
    assert_eq!(
        kinds(&revised),
        [EditKind::OptionRemoved, EditKind::OptionAdded]
    );
    assert!(revised.polls[0].new_round);
}

#[test]
fn type_and_rules_changes_need_an_empty_round_unless_reset_is_accepted() {
    let base = quiz("2+2?", &[("A", "3"), ("B", "4")], "B");
    let deck = deck(&[base, colours()], 1);
    // The correct answer changes: scores would change.
    let recorrected = quiz("2+2?", &[("A", "3"), ("B", "4")], "A");
    let revised = revise(
        &deck,
        &[],
        DeckRevision {
            polls: vec![
                keep(&deck, 0, recorrected.clone()),
                keep(&deck, 1, colours()),
            ],
        },
    )
    .unwrap();
    assert_eq!(kinds(&revised), [EditKind::Rules]);
    assert_eq!(revised.needs_empty_round().len(), 1);
    // The same edit with the reset accepted needs nothing, and still
    // starts a round.
    let mut accepted = keep(&deck, 0, recorrected);
    accepted.reset_round = true;
    let revised = revise(
        &deck,
        &[],
        DeckRevision {
            polls: vec![accepted, keep(&deck, 1, colours())],
        },
    )
    .unwrap();
    assert!(revised.needs_empty_round().is_empty());
    assert!(revised.polls[0].new_round);
    // A type change is one edit, whatever else the settings do.
    let retyped = single("2+2?", &[("A", "3"), ("B", "4")]);
    let revised = revise(
        &deck,
        &[],
        DeckRevision {
            polls: vec![keep(&deck, 0, retyped), keep(&deck, 1, colours())],
        },
    )
    .unwrap();
    assert_eq!(kinds(&revised), [EditKind::Type]);
    assert!(revised.polls[0].new_round);
}

#[test]
fn a_content_slide_s_text_is_an_edit_that_starts_no_round() {
    let content = |body: &str| {
        PollDraft::typed(
            Question::parse("Welcome").unwrap(),
            vec![],
            PollType::Content,
            SettingsDraft {
                body: Some(body.to_owned()),
                ..SettingsDraft::default()
            },
        )
        .unwrap()
    };
    let deck = deck(&[content("Doors at 9")], 0);
    let revised = revise(
        &deck,
        &[],
        DeckRevision {
            polls: vec![keep(&deck, 0, content("Doors at **9:30**"))],
        },
    )
    .unwrap();
    assert_eq!(kinds(&revised), [EditKind::Body]);
    let edit = &revised.edits[0];
    assert_eq!(
        (edit.before.as_deref(), edit.after.as_deref()),
        (Some("Doors at 9"), Some("Doors at **9:30**"))
    );
    assert!(!revised.polls[0].new_round);
    assert_eq!(EditKind::parse("body"), Some(EditKind::Body));
}

#[test]
fn display_settings_do_not_change_what_votes_mean() {
    let deck = deck(&[colours()], 0);
    let timed = PollDraft::typed(
        Question::parse("Colour?").unwrap(),
        options(&[("A", "Red"), ("B", "Blue")]),
        PollType::Single,
        SettingsDraft {
            time_limit_secs: Some(30),
            allow_change: Some(true),
            ..SettingsDraft::default()
        },
    )
    .unwrap();
    let revised = revise(
        &deck,
        &[],
        DeckRevision {
            polls: vec![keep(&deck, 0, timed)],
        },
    )
    .unwrap();
    assert_eq!(kinds(&revised), [EditKind::Display]);
    assert!(!revised.polls[0].new_round);
}

#[test]
fn polls_are_added_moved_and_removed_around_the_one_on_screen() {
    let a = colours();
    let b = single("Pets?", &[("C", "Cat"), ("D", "Dog")]);
    let c = single("Tea?", &[("Y", "Yes"), ("N", "No")]);
    let deck = deck(&[a.clone(), b.clone(), c], 1);
    let added = single("New?", &[("A", "Yes")]);
    let revised = revise(
        &deck,
        &[],
        DeckRevision {
            polls: vec![
                keep(&deck, 1, b),
                PollRevision {
                    id: None,
                    draft: added,
                    reset_round: false,
                },
                keep(&deck, 0, a),
            ],
        },
    )
    .unwrap();
    assert_eq!(revised.removed, [deck.polls[2].id]);
    assert_eq!(
        kinds(&revised),
        [
            EditKind::PollRemoved,
            EditKind::PollMoved,
            EditKind::PollAdded,
            EditKind::PollMoved
        ]
    );
    assert!(revised.polls[1].added);
    assert_ne!(revised.polls[1].id, deck.polls[0].id);
    assert_eq!(revised.polls[0].id, deck.polls[1].id);
}

#[test]
fn the_poll_on_screen_cannot_be_removed() {
    let deck = deck(&[colours(), colours()], 1);
    let err = revise(
        &deck,
        &[],
        DeckRevision {
            polls: vec![keep(&deck, 0, colours())],
        },
    )
    .unwrap_err();
    assert_eq!(err, DeckRevisionError::PollOnScreen(deck.polls[1].id));
}

#[test]
fn ids_must_be_the_decks_and_named_once() {
    let deck = deck(&[colours(), colours()], 0);
    let stranger = PollId::generate();
    let revision = |ids: [Option<PollId>; 2]| DeckRevision {
        polls: ids
            .into_iter()
            .map(|id| PollRevision {
                id,
                draft: colours(),
                reset_round: false,
            })
            .collect(),
    };
    assert_eq!(
        revise(
            &deck,
            &[],
            revision([Some(deck.polls[0].id), Some(stranger)])
        )
        .unwrap_err(),
        DeckRevisionError::UnknownPoll(stranger)
    );
    assert_eq!(
        revise(
            &deck,
            &[],
            revision([Some(deck.polls[0].id), Some(deck.polls[0].id)])
        )
        .unwrap_err(),
        DeckRevisionError::UnknownPoll(deck.polls[0].id)
    );
    assert_eq!(
        revise(&deck, &[], DeckRevision { polls: vec![] }).unwrap_err(),
        DeckRevisionError::NoPolls
    );
}

#[test]
fn stored_notes_are_compared_not_assumed_empty() {
    let deck = deck(&[colours()], 0);
    let notes = PresenterNotes::parse("Pause here").unwrap();
    let same = colours().with_notes(Some(notes.clone()));
    let revised = revise(
        &deck,
        &[(deck.polls[0].id, notes)],
        DeckRevision {
            polls: vec![keep(&deck, 0, same)],
        },
    )
    .unwrap();
    assert!(revised.is_empty(), "{:?}", revised.edits);
}
