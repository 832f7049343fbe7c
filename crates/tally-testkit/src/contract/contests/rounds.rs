//! A round's life: opened, closed, its lineup, its version, published and
//! frozen.

use super::{
    everything, freeze, judge, listed, log_after, log_of, marks, moved, said, says, seen, staged,
    submit, text, ContestAdapters, Said, Staged,
};
use std::collections::{BTreeMap, BTreeSet};
use tally_domain::contest::model::RoundState;
use tally_domain::contest::publication::Publication;
use tally_domain::ports::{
    ContestDefinitions as _, ContestPeople as _, ContestRounds as _, ContestSheets as _,
    ContestStoreError,
};
use tally_domain::{ContestantId, LinkId, RoundId};

use RoundState::{Closed, Draft, Open, Published};

fn is_state<T: std::fmt::Debug>(result: Result<T, ContestStoreError>, state: RoundState) {
    assert!(
        matches!(&result, Err(ContestStoreError::RoundState(now)) if *now == state),
        "expected the round {state}: {result:?}"
    );
}

pub async fn rounds_move_only_from_the_given_states_and_each_move_is_audited<A: ContestAdapters>(
    adapters: &A,
) {
    let s = staged(adapters).await;
    let other = staged(adapters).await;
    let store = adapters.contests();
    let steps = [
        (Draft, Open),
        (Open, Closed),
        (Closed, Open),
        (Open, Closed),
    ];
    for (from, to) in steps {
        store
            .move_round(s.id, s.heat, &[from, Published], to, "owner")
            .await
            .unwrap();
        let refused = store.move_round(s.id, s.heat, &[from], to, "owner").await;
        is_state(refused, to);
    }
    let rounds = store.get(s.id).await.unwrap().unwrap().rounds;
    assert_eq!((rounds[0].state, rounds[1].state), (Closed, Draft));
    let logged: Vec<Said> = steps
        .iter()
        .map(|(from, to)| Said {
            round: Some(s.heat),
            before: text(from.as_str()),
            after: text(to.as_str()),
            ..says("owner", &format!("round_{}", to.as_str()))
        })
        .collect();
    assert_eq!(said(&log_after(adapters, s.id, 1).await), logged);
    let before = everything(adapters, &s).await;
    for round in [RoundId::generate(), other.heat] {
        let refused = store.move_round(s.id, round, &[Draft], Open, "owner").await;
        assert!(
            matches!(refused, Err(ContestStoreError::RoundNotFound)),
            "{refused:?}"
        );
    }
    assert_eq!(everything(adapters, &s).await, before);
}

pub async fn a_draft_round_s_lineup_changes_and_each_change_is_audited<A: ContestAdapters>(
    adapters: &A,
) {
    let s = staged(adapters).await;
    let other = staged(adapters).await;
    let store = adapters.contests();
    let finalists = BTreeSet::from([s.alto, s.cello]);
    store
        .set_lineup(s.id, s.fin, &finalists, "owner")
        .await
        .unwrap();
    // Setting the same lineup again changes and records nothing.
    store
        .set_lineup(s.id, s.fin, &finalists, "owner")
        .await
        .unwrap();
    let rounds = store.get(s.id).await.unwrap().unwrap().rounds;
    assert_eq!(rounds[1].lineup, finalists);
    assert_eq!(rounds[0].lineup, s.everyone());
    assert_eq!(
        said(&log_after(adapters, s.id, 1).await),
        vec![Said {
            round: Some(s.fin),
            before: Some(listed(&s.everyone())),
            after: Some(listed(&finalists)),
            ..says("owner", "lineup")
        }]
    );
    let before = everything(adapters, &s).await;
    for outsider in [other.alto, ContestantId::generate()] {
        let lineup = BTreeSet::from([s.alto, outsider]);
        let refused = store.set_lineup(s.id, s.fin, &lineup, "owner").await;
        assert!(
            matches!(refused, Err(ContestStoreError::ContestantNotFound)),
            "{refused:?}"
        );
    }
    let refused = store.set_lineup(s.id, other.fin, &finalists, "owner").await;
    assert!(
        matches!(refused, Err(ContestStoreError::RoundNotFound)),
        "{refused:?}"
    );
    assert_eq!(everything(adapters, &s).await, before);
    // Once open, the lineup is fixed; closed, too.
    moved(adapters, s.id, s.heat, Draft, Open).await;
    is_state(
        store.set_lineup(s.id, s.heat, &finalists, "owner").await,
        Open,
    );
    moved(adapters, s.id, s.heat, Open, Closed).await;
    is_state(
        store.set_lineup(s.id, s.heat, &finalists, "owner").await,
        Closed,
    );
}

/// The heat with two judges' sheets submitted (Ann's, excluded from Bass,
/// and Ben's) and a draft from Cy, then closed.
async fn scored<A: ContestAdapters>(adapters: &A) -> (Staged, [LinkId; 3]) {
    let s = staged(adapters).await;
    let judges = [
        judge(adapters, s.id, "Ann").await,
        judge(adapters, s.id, "Ben").await,
        judge(adapters, s.id, "Cy").await,
    ];
    moved(adapters, s.id, s.heat, Draft, Open).await;
    let store = adapters.contests();
    for (judge, values, sent) in [
        (judges[0], ["7", "8", "5.5", "6"], true),
        (judges[1], ["9", "7.5", "6", "6.5"], true),
        (judges[2], ["1", "1", "1", "1"], false),
    ] {
        let mut changes = marks(
            &s,
            &[
                (s.alto, s.voice, Some(values[0])),
                (s.alto, s.style, Some(values[1])),
                (s.bass, s.voice, Some(values[2])),
                (s.cello, s.style, Some(values[3])),
            ],
        );
        changes.submit = sent.then_some(4);
        store
            .save_sheet(s.id, s.heat, judge, changes, "judge")
            .await
            .unwrap();
    }
    store
        .set_conflicts(s.id, judges[0], &BTreeSet::from([s.bass]), "owner")
        .await
        .unwrap();
    moved(adapters, s.id, s.heat, Open, Closed).await;
    (s, judges)
}

fn audience() -> BTreeMap<String, u64> {
    BTreeMap::from([("Alto".to_owned(), 3), ("Cello".to_owned(), 1)])
}

pub async fn a_publication_reads_back_exactly_as_stored<A: ContestAdapters>(adapters: &A) {
    let (s, judges) = scored(adapters).await;
    let store = adapters.contests();
    assert_eq!(store.published(s.id, s.heat).await.unwrap(), None);
    let (publication, seen) = freeze(adapters, s.id, s.heat, &audience()).await;
    // What was frozen: the submitted sheets' marks, conflicts left out.
    assert_eq!(publication.marks().len(), 7);
    assert_eq!(
        publication.counted.judges,
        BTreeSet::from([judges[0], judges[1]])
    );
    assert_eq!(
        publication.conflicts,
        BTreeMap::from([(judges[0], BTreeSet::from([s.bass]))])
    );
    let logged = log_of(adapters, s.id).await.len();
    store
        .publish(s.id, &publication, seen, "cohost:c")
        .await
        .unwrap();
    assert_eq!(
        store.published(s.id, s.heat).await.unwrap(),
        Some(publication.clone())
    );
    assert_eq!(store.published(s.id, s.fin).await.unwrap(), None);
    let round = store.get(s.id).await.unwrap().unwrap().rounds[0].clone();
    assert_eq!(round.state, Published);
    assert_eq!(round.digest.as_ref(), Some(&publication.digest));
    assert_eq!(
        said(&log_after(adapters, s.id, logged).await),
        vec![Said {
            round: Some(s.heat),
            before: text("closed"),
            after: Some(publication.digest.clone()),
            ..says("cohost:c", "publish")
        }]
    );
    let contest = store.get(s.id).await.unwrap().unwrap();
    assert_eq!(publication.differences(&contest), Vec::<String>::new());
}

pub async fn publishing_needs_a_closed_round_at_the_version_read<A: ContestAdapters>(adapters: &A) {
    let (s, judges) = scored(adapters).await;
    let store = adapters.contests();
    let none = BTreeMap::new();
    let (draft, at) = freeze(adapters, s.id, s.fin, &none).await;
    is_state(store.publish(s.id, &draft, at, "owner").await, Draft);
    moved(adapters, s.id, s.fin, Draft, Open).await;
    let (open, at) = freeze(adapters, s.id, s.fin, &none).await;
    is_state(store.publish(s.id, &open, at, "owner").await, Open);
    let (stale, at) = freeze(adapters, s.id, s.heat, &none).await;
    // A conflict lifted after the marks were read moves the results.
    store
        .set_conflicts(s.id, judges[0], &BTreeSet::new(), "owner")
        .await
        .unwrap();
    let before = everything(adapters, &s).await;
    let refused = store.publish(s.id, &stale, at, "owner").await;
    assert!(
        matches!(refused, Err(ContestStoreError::Changed)),
        "{refused:?}"
    );
    assert_eq!(everything(adapters, &s).await, before);
    let (fresh, at) = freeze(adapters, s.id, s.heat, &none).await;
    assert_ne!(fresh, stale);
    store.publish(s.id, &fresh, at, "owner").await.unwrap();
    let again = seen(adapters, s.id, s.heat).await;
    is_state(store.publish(s.id, &fresh, again, "owner").await, Published);
    assert_eq!(store.published(s.id, s.heat).await.unwrap(), Some(fresh));
}

/// Every change that can move a round's results moves its version (what
/// a publication's `seen` is checked against); reads and refused changes
/// leave it.
pub async fn every_change_that_can_move_results_moves_the_round_s_version<A: ContestAdapters>(
    adapters: &A,
) {
    let s = staged(adapters).await;
    let ann = judge(adapters, s.id, "Ann").await;
    let store = adapters.contests();
    let versions = || async move {
        (
            seen(adapters, s.id, s.heat).await,
            seen(adapters, s.id, s.fin).await,
        )
    };
    let v = versions().await;
    store
        .set_lineup(s.id, s.fin, &BTreeSet::from([s.alto]), "owner")
        .await
        .unwrap();
    let w = versions().await;
    assert!(w.0 == v.0 && w.1 != v.1, "the lineup: {v:?} then {w:?}");
    moved(adapters, s.id, s.heat, Draft, Open).await;
    let v = versions().await;
    assert!(v.0 != w.0 && v.1 == w.1, "opening: {w:?} then {v:?}");
    store
        .save_sheet(
            s.id,
            s.heat,
            ann,
            marks(&s, &[(s.alto, s.voice, Some("7"))]),
            "judge",
        )
        .await
        .unwrap();
    let w = versions().await;
    assert!(w.0 != v.0 && w.1 == v.1, "a mark: {v:?} then {w:?}");
    // Reads and a refused change leave it.
    let _ = store.sheet(s.id, s.heat, ann).await.unwrap();
    let _ = store.get(s.id).await.unwrap();
    let refused = store
        .set_lineup(s.id, s.heat, &BTreeSet::new(), "owner")
        .await;
    is_state(refused, Open);
    assert_eq!(versions().await, w);
    store
        .set_conflicts(s.id, ann, &BTreeSet::from([s.bass]), "owner")
        .await
        .unwrap();
    let v = versions().await;
    assert!(v.0 != w.0 && v.1 != w.1, "a conflict: {w:?} then {v:?}");
    store
        .save_sheet(s.id, s.heat, ann, submit(&s, 1), "judge")
        .await
        .unwrap();
    moved(adapters, s.id, s.heat, Open, Closed).await;
    let (publication, read) = freeze(adapters, s.id, s.heat, &BTreeMap::new()).await;
    store
        .reopen_sheet(s.id, s.heat, ann, "owner")
        .await
        .unwrap();
    assert_ne!(seen(adapters, s.id, s.heat).await, read, "reopening");
    let refused = store.publish(s.id, &publication, read, "owner").await;
    assert!(
        matches!(refused, Err(ContestStoreError::Changed)),
        "{refused:?}"
    );
    let (publication, read) = freeze(adapters, s.id, s.heat, &BTreeMap::new()).await;
    store
        .publish(s.id, &publication, read, "owner")
        .await
        .unwrap();
    assert_ne!(seen(adapters, s.id, s.heat).await, read, "publishing");
}

/// After publishing, nothing changes the round: its sheets, its state,
/// its lineup. A conflict still applies to the rounds to come and leaves
/// the publication as it was announced.
pub async fn a_published_round_is_frozen<A: ContestAdapters>(adapters: &A) {
    let (s, judges) = scored(adapters).await;
    let store = adapters.contests();
    let (publication, seen) = freeze(adapters, s.id, s.heat, &audience()).await;
    store
        .publish(s.id, &publication, seen, "owner")
        .await
        .unwrap();
    let before = everything(adapters, &s).await;
    let one = marks(&s, &[(s.alto, s.voice, Some("1"))]);
    is_state(
        store
            .save_sheet(s.id, s.heat, judges[2], one, "judge")
            .await,
        Published,
    );
    is_state(
        store.reopen_sheet(s.id, s.heat, judges[0], "owner").await,
        Published,
    );
    for from in [Closed, Open] {
        is_state(
            store.move_round(s.id, s.heat, &[from], Open, "owner").await,
            Published,
        );
    }
    let lineup = BTreeSet::from([s.alto]);
    is_state(
        store.set_lineup(s.id, s.heat, &lineup, "owner").await,
        Published,
    );
    is_state(
        store.publish(s.id, &publication, seen, "owner").await,
        Published,
    );
    assert_eq!(everything(adapters, &s).await, before);
    store
        .set_conflicts(s.id, judges[1], &BTreeSet::from([s.alto]), "owner")
        .await
        .unwrap();
    let frozen: Option<Publication> = store.published(s.id, s.heat).await.unwrap();
    assert_eq!(frozen, Some(publication));
}
