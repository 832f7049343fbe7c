//! Deck files (issue 26): export → import → export gives the same
//! document, for any deck the API accepts (a property test over every poll
//! type and its settings), through the use cases on the fakes; and what a
//! file that is not one of ours gets.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use proptest::prelude::*;
use tally_domain::deck::document::{DeckDocument, DocumentError, FORMAT, VERSION};
use tally_domain::kinds::{PollType, ProfanityFilter, ScaleDraft, SettingsDraft};
use tally_domain::usecases::{ImportDeckError, Tally};
use tally_domain::{
    OptionKey, OptionValue, PollDraft, PollOption, PresentationDraft, PresenterNotes, Question,
};
use tally_testkit::fakes::{FakePorts, FakeWorld};

/// Text a field takes: not blank, no control characters but (in
/// questions and notes) newlines, any script.
fn text(max: usize) -> impl Strategy<Value = String> {
    proptest::string::string_regex(&format!("[a-zA-Z0-9éüñ中ع ?!'-]{{0,{max}}}"))
        .unwrap()
        .prop_map(|s| format!("x{s}"))
}

fn options(n: usize) -> impl Strategy<Value = Vec<PollOption>> {
    proptest::collection::vec(text(40), n).prop_map(|values| {
        values
            .into_iter()
            .enumerate()
            .map(|(i, v)| PollOption {
                key: OptionKey::parse(format!("K{i}")).unwrap(),
                value: OptionValue::parse(v).unwrap(),
            })
            .collect()
    })
}

/// A poll of any type, with settings that type takes, drawn widely.
fn poll() -> impl Strategy<Value = PollDraft> {
    let kind = proptest::sample::select(PollType::ALL.to_vec());
    (
        kind,
        1usize..7,
        text(120),
        proptest::option::of(text(60)),
        any::<u64>(),
    )
        .prop_flat_map(|(kind, n, question, notes, seed)| {
            let n = if kind.has_options() { n } else { 0 };
            (
                Just(kind),
                options(n),
                Just(question),
                Just(notes),
                Just(seed),
            )
        })
        .prop_filter_map(
            "settings the type takes",
            |(kind, options, question, notes, seed)| {
                let n = options.len() as i64;
                let pick = |range: i64| (seed % range.max(1) as u64) as i64;
                let mut draft = SettingsDraft {
                    time_limit_secs: (seed % 3 == 0).then(|| 10 + pick(300)),
                    ..SettingsDraft::default()
                };
                match kind {
                    PollType::Multiple | PollType::Ranking => {
                        draft.max_choices = Some(1 + pick(n));
                        draft.allow_change = Some(seed % 2 == 0);
                    }
                    PollType::Points => draft.points_budget = Some(1 + pick(1000)),
                    PollType::Scale => {
                        let min = pick(3);
                        draft.scale = Some(ScaleDraft {
                            min,
                            max: min + 1 + pick(9),
                            min_label: (seed % 2 == 0).then(|| "Low".to_owned()),
                            max_label: Some("High".to_owned()),
                        });
                    }
                    PollType::Quiz => {
                        draft.correct = Some(vec![format!("K{}", pick(n))]);
                        draft.points = Some(100 + pick(900));
                    }
                    PollType::Wordcloud => draft.max_entries = Some(1 + pick(10)),
                    PollType::Open => {
                        draft.max_length = Some(1 + pick(2000));
                        draft.moderated = Some(seed % 2 == 0);
                    }
                    PollType::Qa => draft.moderated = Some(seed % 2 == 1),
                    PollType::Single => draft.allow_change = Some(seed % 2 == 0),
                    PollType::Content => {
                        draft.time_limit_secs = None;
                        draft.body = (seed % 2 == 0)
                            .then(|| format!("Welcome **{}**\n\n- one\n- two", pick(99)));
                    }
                }
                let notes = notes.map(|n| PresenterNotes::parse(n).unwrap());
                PollDraft::typed(Question::parse(question).unwrap(), options, kind, draft)
                    .ok()
                    .map(|p| p.with_notes(notes))
            },
        )
}

fn deck() -> impl Strategy<Value = (PresentationDraft, Option<String>)> {
    let filter = proptest::sample::select(vec![
        ProfanityFilter::Off,
        ProfanityFilter::Standard,
        ProfanityFilter::Strict,
    ]);
    (
        proptest::collection::vec(poll(), 1..6),
        filter,
        proptest::option::of(text(60)),
    )
        .prop_map(|(polls, filter, title)| {
            (
                PresentationDraft::new(polls)
                    .unwrap()
                    .with_profanity_filter(filter),
                title,
            )
        })
}

async fn round_trip(
    draft: PresentationDraft,
    title: Option<String>,
) -> (DeckDocument, DeckDocument) {
    let world = FakeWorld::new();
    let (tally, _, _): (Tally<FakePorts>, _, _) = world.tally(false);
    let created = tally.create_presentation(draft, None).await.unwrap();
    let (id, token) = (created.presentation.id, created.presenter_token);
    if let Some(title) = title {
        let patch = tally_domain::settings::SettingsPatch {
            title: Some(tally_domain::settings::Title::parse(&title).unwrap()),
            ..Default::default()
        };
        tally
            .change_settings(id, Some(&token), patch)
            .await
            .unwrap();
    }
    let first = tally.export_deck(id, Some(&token)).await.unwrap();
    // Through JSON, as a file travels.
    let file = serde_json::to_string(&first).unwrap();
    let read: DeckDocument = serde_json::from_str(&file).unwrap();
    let imported = tally.import_deck(read, Some(token.clone())).await.unwrap();
    let second = tally
        .export_deck(imported.presentation.id, Some(&token))
        .await
        .unwrap();
    (first, second)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn export_import_export_gives_the_same_document((draft, title) in deck()) {
        let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
        let (first, second) = runtime.block_on(round_trip(draft, title));
        prop_assert_eq!(&first, &second);
        prop_assert_eq!(first.format.as_str(), FORMAT);
        prop_assert_eq!(first.version, VERSION);
    }
}

#[tokio::test]
async fn a_file_that_is_not_ours_or_is_wrong_is_refused_by_name() {
    let world = FakeWorld::new();
    let (tally, _, _) = world.tally(false);
    let base = DeckDocument {
        format: FORMAT.to_owned(),
        version: VERSION,
        title: None,
        profanity_filter: None,
        polls: vec![serde_json::from_value(serde_json::json!({
            "question": "Which?", "type": "single",
            "options": [{"key": "A", "value": "a"}]
        }))
        .unwrap()],
    };
    let refused = |document: DeckDocument| {
        let tally = tally.clone();
        async move {
            match tally.import_deck(document, None).await {
                Err(ImportDeckError::Invalid(e)) => e,
                other => panic!("{other:?}"),
            }
        }
    };
    let mut other = base.clone();
    other.format = "mentimeter".into();
    assert_eq!(
        refused(other).await,
        DocumentError::Format("mentimeter".into())
    );
    let mut newer = base.clone();
    newer.version = 2;
    assert_eq!(refused(newer).await, DocumentError::Version(2));
    let mut bad = base.clone();
    bad.polls.push(bad.polls[0].clone());
    bad.polls[1].kind = "poll".into();
    assert!(matches!(
        refused(bad).await,
        DocumentError::Poll { slide: 2, .. }
    ));
    // Unknown fields are refused when the file is read, not skipped.
    let unknown = serde_json::json!({"format": FORMAT, "version": 1, "polls": [], "theme": "dark"});
    assert!(serde_json::from_value::<DeckDocument>(unknown).is_err());
    assert!(tally.import_deck(base, None).await.is_ok());
}
