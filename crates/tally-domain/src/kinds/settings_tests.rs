//! The settings' rules, case by case.
#![allow(clippy::unwrap_used)]

use super::*;

fn keys(raw: &[&str]) -> Vec<OptionKey> {
    raw.iter().map(|k| OptionKey::parse(*k).unwrap()).collect()
}

fn settings(
    kind: &str,
    options: &[&str],
    draft: SettingsDraft,
) -> Result<PollSettings, SettingsError> {
    PollSettings::new(PollType::parse(kind)?, keys(options), draft)
}

#[test]
fn every_type_has_its_defaults() {
    let abc = ["A", "B", "C"];
    let multiple = settings("multiple", &abc, SettingsDraft::default()).unwrap();
    assert_eq!((multiple.min_choices, multiple.max_choices), (1, 3));
    let ranking = settings("ranking", &abc, SettingsDraft::default()).unwrap();
    assert_eq!((ranking.min_choices, ranking.max_choices), (3, 3));
    let scale = settings("scale", &abc, SettingsDraft::default()).unwrap();
    assert_eq!(scale.scale.map(|s| (s.min, s.max)), Some((1, 5)));
    let points = settings("points", &abc, SettingsDraft::default()).unwrap();
    assert_eq!(points.points_budget, 100);
    let cloud = settings("wordcloud", &[], SettingsDraft::default()).unwrap();
    assert_eq!((cloud.max_entries, cloud.max_length), (3, 25));
    let open = settings("open", &[], SettingsDraft::default()).unwrap();
    assert_eq!(open.max_length, 280);
    let quiz = settings(
        "quiz",
        &abc,
        SettingsDraft {
            correct: Some(vec!["B".into()]),
            ..SettingsDraft::default()
        },
    )
    .unwrap();
    assert_eq!((quiz.quiz_points, quiz.correct.len()), (1000, 1));
    assert!(!quiz.allow_change && quiz.time_limit.is_none());
    assert!(settings("qa", &[], SettingsDraft::default()).is_ok());
}

#[test]
fn invalid_combinations_are_refused_with_a_reason() {
    let abc = ["A", "B", "C"];
    let cases: Vec<(&str, &[&str], SettingsDraft, SettingsError)> = vec![
        (
            "poll",
            &abc,
            SettingsDraft::default(),
            SettingsError::UnknownType("poll".into()),
        ),
        (
            "multiple",
            &[],
            SettingsDraft::default(),
            SettingsError::OptionsRequired("multiple"),
        ),
        (
            "wordcloud",
            &abc,
            SettingsDraft::default(),
            SettingsError::OptionsNotAllowed("wordcloud"),
        ),
        (
            "multiple",
            &abc,
            SettingsDraft {
                min_choices: Some(3),
                max_choices: Some(2),
                ..SettingsDraft::default()
            },
            SettingsError::MinAboveMax { min: 3, max: 2 },
        ),
        (
            "multiple",
            &abc,
            SettingsDraft {
                max_choices: Some(4),
                ..SettingsDraft::default()
            },
            SettingsError::OutOfRange {
                field: "max_choices",
                min: 1,
                max: 3,
            },
        ),
        (
            "scale",
            &abc,
            SettingsDraft {
                scale: Some(ScaleDraft {
                    min: 5,
                    max: 5,
                    ..ScaleDraft::default()
                }),
                ..SettingsDraft::default()
            },
            SettingsError::EmptyScale { min: 5, max: 5 },
        ),
        (
            "quiz",
            &abc,
            SettingsDraft::default(),
            SettingsError::CorrectRequired,
        ),
        (
            "quiz",
            &abc,
            SettingsDraft {
                correct: Some(vec!["D".into()]),
                ..SettingsDraft::default()
            },
            SettingsError::CorrectNotAnOption("D".into()),
        ),
        (
            "quiz",
            &abc,
            SettingsDraft {
                correct: Some(vec!["A".into(), "B".into()]),
                max_choices: Some(1),
                ..SettingsDraft::default()
            },
            SettingsError::CorrectOutsideChoices {
                count: 2,
                min: 1,
                max: 1,
            },
        ),
        (
            "single",
            &abc,
            SettingsDraft {
                points_budget: Some(10),
                ..SettingsDraft::default()
            },
            SettingsError::NotForType {
                field: "points_budget",
                kind: "single",
            },
        ),
        (
            "qa",
            &[],
            SettingsDraft {
                allow_change: Some(true),
                ..SettingsDraft::default()
            },
            SettingsError::NotForType {
                field: "allow_change",
                kind: "qa",
            },
        ),
        (
            "open",
            &[],
            SettingsDraft {
                time_limit_secs: Some(0),
                ..SettingsDraft::default()
            },
            SettingsError::OutOfRange {
                field: "time_limit_secs",
                min: 1,
                max: MAX_TIME_LIMIT_SECS,
            },
        ),
        // A content slide: no options, no timer, a body in the subset; no
        // other type takes a body.
        (
            "content",
            &["A"],
            SettingsDraft::default(),
            SettingsError::OptionsNotAllowed("content"),
        ),
        (
            "content",
            &[],
            SettingsDraft {
                time_limit_secs: Some(30),
                ..SettingsDraft::default()
            },
            SettingsError::NotForType {
                field: "time_limit_secs",
                kind: "content",
            },
        ),
        (
            "content",
            &[],
            SettingsDraft {
                body: Some("<img src=x onerror=alert(1)>".to_owned()),
                ..SettingsDraft::default()
            },
            SettingsError::Body(crate::kinds::BodyError::Unsupported("HTML")),
        ),
        (
            "open",
            &[],
            SettingsDraft {
                body: Some("Hello".to_owned()),
                ..SettingsDraft::default()
            },
            SettingsError::NotForType {
                field: "body",
                kind: "open",
            },
        ),
    ];
    for (kind, options, draft, expected) in cases {
        assert_eq!(
            settings(kind, options, draft).unwrap_err(),
            expected,
            "{kind}"
        );
    }
}

#[test]
fn the_stored_draft_gives_back_the_same_settings() {
    let abc = ["A", "B", "C"];
    for kind in PollType::ALL {
        let options: &[&str] = if kind.has_options() { &abc } else { &[] };
        let draft = SettingsDraft {
            correct: (kind == PollType::Quiz).then(|| vec!["B".to_owned()]),
            time_limit_secs: (kind != PollType::Content).then_some(20),
            body: (kind == PollType::Content).then(|| "Hello *all*".to_owned()),
            ..SettingsDraft::default()
        };
        let first = settings(kind.as_str(), options, draft).unwrap();
        let again = PollSettings::new(kind, keys(options), first.draft()).unwrap();
        assert_eq!(again, first, "{kind:?}");
    }
}

#[test]
fn results_after_vote_is_off_by_default_kept_and_refused_on_qa() {
    let abc = ["A", "B", "C"];
    for kind in PollType::ALL {
        let options: &[&str] = if kind.has_options() { &abc } else { &[] };
        let correct = (kind == PollType::Quiz).then(|| vec!["B".to_owned()]);
        let plain = SettingsDraft {
            correct: correct.clone(),
            ..SettingsDraft::default()
        };
        let asked = SettingsDraft {
            correct,
            results_after_vote: Some(true),
            ..SettingsDraft::default()
        };
        let defaulted = settings(kind.as_str(), options, plain).unwrap();
        assert!(!defaulted.results_after_vote, "{kind:?}");
        if !kind.takes_votes() {
            assert_eq!(
                settings(kind.as_str(), options, asked).unwrap_err(),
                SettingsError::NotForType {
                    field: "results_after_vote",
                    kind: kind.as_str(),
                }
            );
            continue;
        }
        let set = settings(kind.as_str(), options, asked).unwrap();
        assert!(set.results_after_vote, "{kind:?}");
        // What a store keeps says so, and reads back the same.
        assert_eq!(set.draft().results_after_vote, Some(true), "{kind:?}");
        let again = PollSettings::new(kind, keys(options), set.draft()).unwrap();
        assert_eq!(again, set, "{kind:?}");
    }
}
