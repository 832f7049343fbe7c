//! Judges' sheets: marks and comments saved, submitted and reopened.

use super::{
    everything, judge, link, log_after, log_of, mark, marks, moved, said, says, seen, sheet_of,
    sorted, staged, submit, text, ContestAdapters, Said, Staged,
};
use std::collections::BTreeSet;
use tally_domain::contest::model::{Role, RoundState, SheetState, StoredMark, StoredSheet};
use tally_domain::ports::{
    ContestPeople as _, ContestRounds as _, ContestSheets as _, ContestStoreError, SheetChanges,
};
use tally_domain::{ContestId, ContestantId, CriterionId, LinkId, RoundId};

fn stored(judge: LinkId, marked: &[(ContestantId, CriterionId, &str)]) -> Vec<StoredMark> {
    let mut marks: Vec<StoredMark> = marked
        .iter()
        .map(|(contestant, criterion, value)| StoredMark {
            judge,
            contestant: *contestant,
            criterion: *criterion,
            mark: mark(value),
        })
        .collect();
    marks.sort_by_key(|m| (m.contestant, m.criterion));
    marks
}

/// The contest with one judge, Ann, and the heat open.
async fn open_heat<A: ContestAdapters>(adapters: &A) -> (Staged, LinkId) {
    let s = staged(adapters).await;
    let ann = judge(adapters, s.id, "Ann").await;
    moved(adapters, s.id, s.heat, RoundState::Draft, RoundState::Open).await;
    (s, ann)
}

async fn save<A: ContestAdapters>(
    adapters: &A,
    id: ContestId,
    round: RoundId,
    judge: LinkId,
    changes: SheetChanges,
) -> Result<(), ContestStoreError> {
    let actor = format!("judge:{judge}");
    adapters
        .contests()
        .save_sheet(id, round, judge, changes, &actor)
        .await
}

pub async fn a_saved_sheet_reads_back_and_each_change_is_audited<A: ContestAdapters>(adapters: &A) {
    let (s, ann) = open_heat(adapters).await;
    let untouched = StoredSheet {
        judge: ann,
        state: SheetState::Draft,
        marks: Vec::new(),
        comments: Vec::new(),
    };
    assert_eq!(sheet_of(adapters, &s, s.heat, ann).await, untouched);
    let logged = log_of(adapters, s.id).await.len();
    let first = SheetChanges {
        comments: vec![(s.alto, "Bright".to_owned())],
        ..marks(
            &s,
            &[(s.alto, s.voice, Some("7")), (s.alto, s.style, Some("8.5"))],
        )
    };
    save(adapters, s.id, s.heat, ann, first).await.unwrap();
    let expected = StoredSheet {
        marks: stored(ann, &[(s.alto, s.voice, "7"), (s.alto, s.style, "8.5")]),
        comments: vec![(s.alto, "Bright".to_owned())],
        ..untouched.clone()
    };
    assert_eq!(sheet_of(adapters, &s, s.heat, ann).await, expected);
    let actor = format!("judge:{ann}");
    let by_ann = |action| Said {
        round: Some(s.heat),
        judge: Some(ann),
        ..says(&actor, action)
    };
    let on = |contestant,
              criterion: Option<CriterionId>,
              before: Option<&str>,
              after: Option<&str>,
              action| Said {
        contestant: Some(contestant),
        criterion,
        before: before.map(str::to_owned),
        after: after.map(str::to_owned),
        ..by_ann(action)
    };
    assert_eq!(
        said(&log_after(adapters, s.id, logged).await),
        vec![
            on(s.alto, Some(s.voice), None, Some("7"), "mark"),
            on(s.alto, Some(s.style), None, Some("8.5"), "mark"),
            on(s.alto, None, None, Some("Bright"), "comment"),
        ]
    );
    // The same value (7.0 is 7) and a comment cleared that was never
    // written record nothing; the rest is recorded, in order.
    let second = SheetChanges {
        comments: vec![(s.alto, String::new()), (s.bass, String::new())],
        ..marks(
            &s,
            &[
                (s.alto, s.voice, Some("7.0")),
                (s.alto, s.style, None),
                (s.bass, s.voice, Some("6")),
                (s.cello, s.voice, None),
            ],
        )
    };
    save(adapters, s.id, s.heat, ann, second).await.unwrap();
    assert_eq!(
        sheet_of(adapters, &s, s.heat, ann).await,
        StoredSheet {
            marks: stored(ann, &[(s.alto, s.voice, "7"), (s.bass, s.voice, "6")]),
            ..untouched
        }
    );
    assert_eq!(
        said(&log_after(adapters, s.id, logged + 3).await),
        vec![
            on(s.alto, Some(s.style), Some("8.5"), None, "mark"),
            on(s.bass, Some(s.voice), None, Some("6"), "mark"),
            on(s.alto, None, Some("Bright"), None, "comment"),
        ]
    );
}

pub async fn sheets_lists_every_judge_s_sheet_at_the_round_s_version<A: ContestAdapters>(
    adapters: &A,
) {
    let (s, ann) = open_heat(adapters).await;
    let ben = judge(adapters, s.id, "Ben").await;
    judge(adapters, s.id, "Cy (never saves)").await;
    let other = staged(adapters).await;
    save(
        adapters,
        s.id,
        s.heat,
        ann,
        marks(&s, &[(s.alto, s.voice, Some("7"))]),
    )
    .await
    .unwrap();
    let sent = SheetChanges {
        comments: vec![(s.bass, "Steady".to_owned())],
        ..submit(&s, 0)
    };
    save(adapters, s.id, s.heat, ben, sent).await.unwrap();
    let store = adapters.contests();
    let read = store.sheets(s.id, s.heat).await.unwrap();
    let mut expected = vec![
        StoredSheet {
            judge: ann,
            state: SheetState::Draft,
            marks: stored(ann, &[(s.alto, s.voice, "7")]),
            comments: Vec::new(),
        },
        StoredSheet {
            judge: ben,
            state: SheetState::Submitted,
            marks: Vec::new(),
            comments: vec![(s.bass, "Steady".to_owned())],
        },
    ];
    expected.sort_by_key(|sheet| sheet.judge);
    let sheets: Vec<StoredSheet> = read.sheets.into_iter().map(sorted).collect();
    assert_eq!(sheets, expected);
    // Reading moves nothing.
    assert_eq!(store.sheets(s.id, s.heat).await.unwrap().seen, read.seen);
    assert!(store.sheets(s.id, s.fin).await.unwrap().sheets.is_empty());
    for (contest, round) in [(s.id, RoundId::generate()), (other.id, s.heat)] {
        let none = store.sheets(contest, round).await.unwrap();
        assert!(none.sheets.is_empty());
        assert_eq!(none.seen, 0);
    }
}

pub async fn a_sheet_is_saved_only_while_its_round_is_open<A: ContestAdapters>(adapters: &A) {
    let (s, ann) = open_heat(adapters).await;
    moved(adapters, s.id, s.heat, RoundState::Open, RoundState::Closed).await;
    let before = everything(adapters, &s).await;
    let one = || marks(&s, &[(s.alto, s.voice, Some("7"))]);
    for (round, state) in [(s.heat, RoundState::Closed), (s.fin, RoundState::Draft)] {
        let refused = save(adapters, s.id, round, ann, one()).await;
        assert!(
            matches!(refused, Err(ContestStoreError::RoundState(now)) if now == state),
            "{refused:?}"
        );
    }
    let refused = save(adapters, s.id, RoundId::generate(), ann, one()).await;
    assert!(
        matches!(refused, Err(ContestStoreError::RoundNotFound)),
        "{refused:?}"
    );
    assert_eq!(everything(adapters, &s).await, before);
    moved(adapters, s.id, s.heat, RoundState::Closed, RoundState::Open).await;
    save(adapters, s.id, s.heat, ann, one()).await.unwrap();
}

/// A judge's save read the lineup while the round was a draft; the
/// organiser then narrowed it and opened the round. The save is refused
/// whole, never stored against the old lineup.
pub async fn a_sheet_checked_against_another_lineup_is_refused<A: ContestAdapters>(adapters: &A) {
    let s = staged(adapters).await;
    let ann = judge(adapters, s.id, "Ann").await;
    let finalists = BTreeSet::from([s.alto, s.cello]);
    adapters
        .contests()
        .set_lineup(s.id, s.heat, &finalists, "owner")
        .await
        .unwrap();
    moved(adapters, s.id, s.heat, RoundState::Draft, RoundState::Open).await;
    let before = everything(adapters, &s).await;
    let stale = marks(&s, &[(s.alto, s.voice, Some("7"))]);
    let refused = save(adapters, s.id, s.heat, ann, stale.clone()).await;
    assert!(
        matches!(refused, Err(ContestStoreError::Changed)),
        "{refused:?}"
    );
    assert_eq!(everything(adapters, &s).await, before);
    let fresh = SheetChanges {
        lineup: finalists,
        ..stale
    };
    save(adapters, s.id, s.heat, ann, fresh).await.unwrap();
    assert_eq!(sheet_of(adapters, &s, s.heat, ann).await.marks.len(), 1);
}

pub async fn a_submission_needs_every_mark_and_locks_the_sheet<A: ContestAdapters>(adapters: &A) {
    let (s, ann) = open_heat(adapters).await;
    let before = everything(adapters, &s).await;
    let short = SheetChanges {
        submit: Some(2),
        ..marks(&s, &[(s.alto, s.voice, Some("7"))])
    };
    let refused = save(adapters, s.id, s.heat, ann, short).await;
    assert!(
        matches!(refused, Err(ContestStoreError::Incomplete(1))),
        "{refused:?}"
    );
    // The whole save is refused: not even its mark is stored.
    assert_eq!(everything(adapters, &s).await, before);
    let logged = before.log.len();
    let full = SheetChanges {
        submit: Some(2),
        ..marks(
            &s,
            &[(s.alto, s.voice, Some("7")), (s.alto, s.style, Some("8"))],
        )
    };
    save(adapters, s.id, s.heat, ann, full).await.unwrap();
    let sheet = sheet_of(adapters, &s, s.heat, ann).await;
    assert_eq!(sheet.state, SheetState::Submitted);
    assert_eq!(sheet.marks.len(), 2);
    let log = said(&log_after(adapters, s.id, logged).await);
    let actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["mark", "mark", "submit"]);
    assert_eq!(
        log[2],
        Said {
            round: Some(s.heat),
            judge: Some(ann),
            before: text("draft"),
            after: text("submitted"),
            ..says(&format!("judge:{ann}"), "submit")
        }
    );
    let locked = everything(adapters, &s).await;
    for changes in [marks(&s, &[(s.bass, s.voice, Some("5"))]), submit(&s, 0)] {
        let refused = save(adapters, s.id, s.heat, ann, changes).await;
        assert!(
            matches!(refused, Err(ContestStoreError::SheetSubmitted)),
            "{refused:?}"
        );
    }
    assert_eq!(everything(adapters, &s).await, locked);
}

/// A conflict set after marks were saved hides them from every read and
/// from the submission count, and keeps them should it be lifted.
pub async fn conflicts_leave_marks_out_of_reads_and_submissions<A: ContestAdapters>(adapters: &A) {
    let (s, ann) = open_heat(adapters).await;
    let every = [
        (s.alto, s.voice, Some("7")),
        (s.bass, s.voice, Some("6")),
        (s.cello, s.voice, Some("5")),
    ];
    save(adapters, s.id, s.heat, ann, marks(&s, &every))
        .await
        .unwrap();
    let store = adapters.contests();
    store
        .set_conflicts(s.id, ann, &BTreeSet::from([s.bass]), "owner")
        .await
        .unwrap();
    let unexcluded = stored(ann, &[(s.alto, s.voice, "7"), (s.cello, s.voice, "5")]);
    assert_eq!(sheet_of(adapters, &s, s.heat, ann).await.marks, unexcluded);
    let read = store.sheets(s.id, s.heat).await.unwrap().sheets;
    assert_eq!(
        read.into_iter()
            .map(|x| sorted(x).marks)
            .collect::<Vec<_>>(),
        vec![unexcluded]
    );
    let refused = save(adapters, s.id, s.heat, ann, submit(&s, 3)).await;
    assert!(
        matches!(refused, Err(ContestStoreError::Incomplete(1))),
        "{refused:?}"
    );
    store
        .set_conflicts(s.id, ann, &BTreeSet::new(), "owner")
        .await
        .unwrap();
    assert_eq!(sheet_of(adapters, &s, s.heat, ann).await.marks.len(), 3);
    store
        .set_conflicts(s.id, ann, &BTreeSet::from([s.bass]), "owner")
        .await
        .unwrap();
    save(adapters, s.id, s.heat, ann, submit(&s, 2))
        .await
        .unwrap();
    let sent = sheet_of(adapters, &s, s.heat, ann).await;
    assert_eq!(sent.state, SheetState::Submitted);
}

pub async fn reopening_unlocks_a_submitted_sheet_and_is_audited<A: ContestAdapters>(adapters: &A) {
    let (s, ann) = open_heat(adapters).await;
    let cora = link(adapters, s.id, Role::Cohost, "Cora").await;
    let store = adapters.contests();
    let refuse = |judge: LinkId, round: RoundId| async move {
        adapters
            .contests()
            .reopen_sheet(s.id, round, judge, "owner")
            .await
    };
    // Untouched, then a draft.
    for _ in 0..2 {
        let refused = refuse(ann, s.heat).await;
        assert!(
            matches!(refused, Err(ContestStoreError::SheetNotSubmitted)),
            "{refused:?}"
        );
        save(
            adapters,
            s.id,
            s.heat,
            ann,
            marks(&s, &[(s.alto, s.voice, Some("7"))]),
        )
        .await
        .unwrap();
    }
    for stranger in [cora, LinkId::generate()] {
        let refused = refuse(stranger, s.heat).await;
        assert!(
            matches!(refused, Err(ContestStoreError::LinkNotFound)),
            "{refused:?}"
        );
    }
    let refused = refuse(ann, RoundId::generate()).await;
    assert!(
        matches!(refused, Err(ContestStoreError::RoundNotFound)),
        "{refused:?}"
    );
    save(adapters, s.id, s.heat, ann, submit(&s, 1))
        .await
        .unwrap();
    moved(adapters, s.id, s.heat, RoundState::Open, RoundState::Closed).await;
    let logged = log_of(adapters, s.id).await.len();
    // A closed round's sheet can be reopened (the organiser reopens the
    // round to let the judge change it).
    store
        .reopen_sheet(s.id, s.heat, ann, "cohost:c")
        .await
        .unwrap();
    assert_eq!(
        sheet_of(adapters, &s, s.heat, ann).await.state,
        SheetState::Draft
    );
    assert_eq!(
        said(&log_after(adapters, s.id, logged).await),
        vec![Said {
            round: Some(s.heat),
            judge: Some(ann),
            before: text("submitted"),
            after: text("draft"),
            ..says("cohost:c", "reopen")
        }]
    );
    moved(adapters, s.id, s.heat, RoundState::Closed, RoundState::Open).await;
    save(
        adapters,
        s.id,
        s.heat,
        ann,
        marks(&s, &[(s.alto, s.voice, Some("8"))]),
    )
    .await
    .unwrap();
    assert!(seen(adapters, s.id, s.heat).await > 0);
}
