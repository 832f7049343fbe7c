//! A contest's definition revised: what is stored, what is recorded, and
//! when a revision is refused.

use super::{
    draft, everything, judge, log_after, log_of, marks, moved, said, says, staged, text,
    ContestAdapters, Said, Staged,
};
use std::collections::{BTreeMap, BTreeSet};
use tally_domain::contest::draft::ContestDraft;
use tally_domain::contest::model::{Contest, RoundState};
use tally_domain::contest::revision::{revise, Revised, Revision};
use tally_domain::ports::{
    ContestDefinitions as _, ContestPeople as _, ContestSheets as _, ContestStoreError,
};
use tally_domain::PresenterToken;

/// The ids of `n` entries: the current ones, in order, then new ones.
fn kept<T>(n: usize, current: impl Iterator<Item = T>) -> Vec<Option<T>> {
    let mut ids: Vec<Option<T>> = current.take(n).map(Some).collect();
    ids.resize_with(n, || None);
    ids
}

/// The stored contest revised to `edited` (its lists in the order of
/// [`draft`]'s, plus any new entries at the end).
async fn revision<A: ContestAdapters>(
    adapters: &A,
    s: &Staged,
    edit: impl FnOnce(&mut ContestDraft),
) -> Revised {
    let current: Contest = adapters.contests().get(s.id).await.unwrap().unwrap();
    let mut d = draft();
    edit(&mut d);
    let revision = Revision {
        criteria: kept(d.criteria.len(), current.criteria.iter().map(|c| c.0)),
        contestants: kept(
            d.contestants.len(),
            current.contestants.iter().map(|c| c.id),
        ),
        rounds: kept(d.rounds.len(), current.rounds.iter().map(|r| r.id)),
        draft: d,
    };
    revise(&current, &revision).expect("a valid revision")
}

pub async fn a_revision_replaces_the_definition_and_records_each_edit<A: ContestAdapters>(
    adapters: &A,
) {
    let s = staged(adapters).await;
    moved(adapters, s.id, s.heat, RoundState::Draft, RoundState::Open).await;
    let revised = revision(adapters, &s, |d| {
        d.title = "Choir 2025".to_owned();
        d.criteria[1].description = "Stage presence".to_owned();
        d.contestants.push("Dulcimer".to_owned());
        d.rounds[1] = "Grand final".to_owned();
    })
    .await;
    let store = adapters.contests();
    store.revise(s.id, &revised, "owner").await.unwrap();
    let stored = store.get(s.id).await.unwrap().unwrap();
    assert_eq!(stored, revised.contest);
    let dulcimer = stored.contestants[3].id;
    // A new contestant joins the rounds still in draft only.
    assert!(!stored.rounds[0].lineup.contains(&dulcimer));
    assert!(stored.rounds[1].lineup.contains(&dulcimer));
    let actions: Vec<String> = said(&log_after(adapters, s.id, 2).await)
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(
        actions,
        [
            "edit_title",
            "edit_criterion",
            "edit_contestant",
            "edit_round"
        ]
    );
    let logged = log_after(adapters, s.id, 2).await;
    assert_eq!(
        said(&logged[..1]),
        vec![Said {
            before: text("Choir"),
            after: text("Choir 2025"),
            ..says("owner", "edit_title")
        }]
    );
    assert_eq!(
        (logged[3].round, logged[3].after.as_deref()),
        (Some(s.fin), Some("Grand final"))
    );
    // Nothing changed: nothing recorded.
    let same = revision(adapters, &s, |d| {
        d.title = "Choir 2025".to_owned();
        d.criteria[1].description = "Stage presence".to_owned();
        d.contestants.push("Dulcimer".to_owned());
        d.rounds[1] = "Grand final".to_owned();
    })
    .await;
    assert!(same.edits.is_empty());
    let before = log_of(adapters, s.id).await;
    store.revise(s.id, &same, "owner").await.unwrap();
    assert_eq!(log_of(adapters, s.id).await, before);
    assert_eq!(store.get(s.id).await.unwrap().unwrap(), revised.contest);
}

/// An edit that would change what a saved mark means is refused whole
/// once a round it affects has a mark (a draft sheet's included).
pub async fn a_revision_touching_a_marked_round_is_refused_whole<A: ContestAdapters>(adapters: &A) {
    let s = staged(adapters).await;
    let ann = judge(adapters, s.id, "Ann").await;
    moved(adapters, s.id, s.heat, RoundState::Draft, RoundState::Open).await;
    let store = adapters.contests();
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
    let before = everything(adapters, &s).await;
    let reweighted = revision(adapters, &s, |d| d.criteria[0].weight = "3".to_owned()).await;
    let without_cello = revision(adapters, &s, |d| {
        d.contestants.pop();
    })
    .await;
    for revised in [reweighted, without_cello] {
        let refused = store.revise(s.id, &revised, "owner").await;
        assert!(
            matches!(refused, Err(ContestStoreError::RoundLocked(r)) if r == s.heat),
            "{refused:?}"
        );
        assert_eq!(everything(adapters, &s).await, before);
    }
    // Words alone may change.
    let renamed = revision(adapters, &s, |d| d.title = "Choir, revised".to_owned()).await;
    store.revise(s.id, &renamed, "owner").await.unwrap();
    assert_eq!(
        store.get(s.id).await.unwrap().unwrap().title,
        "Choir, revised"
    );
}

/// A removed contestant leaves every lineup, conflict and feedback link.
pub async fn a_removed_contestant_leaves_lineups_conflicts_and_feedback<A: ContestAdapters>(
    adapters: &A,
) {
    let s = staged(adapters).await;
    let ann = judge(adapters, s.id, "Ann").await;
    let store = adapters.contests();
    store
        .set_conflicts(s.id, ann, &BTreeSet::from([s.bass, s.cello]), "owner")
        .await
        .unwrap();
    let token = PresenterToken::generate();
    store
        .release_feedback(s.id, s.cello, token.hash(), "owner")
        .await
        .unwrap();
    let revised = revision(adapters, &s, |d| {
        d.contestants.pop();
    })
    .await;
    let logged = log_of(adapters, s.id).await.len();
    store.revise(s.id, &revised, "cohost:c").await.unwrap();
    let stored = store.get(s.id).await.unwrap().unwrap();
    assert!(!stored.has_contestant(s.cello));
    let pair = BTreeSet::from([s.alto, s.bass]);
    assert!(stored.rounds.iter().all(|r| r.lineup == pair));
    assert_eq!(
        store.conflicts(s.id).await.unwrap(),
        BTreeMap::from([(ann, BTreeSet::from([s.bass]))])
    );
    assert_eq!(store.feedback(s.id, token.hash()).await.unwrap(), None);
    assert_eq!(
        said(&log_after(adapters, s.id, logged).await),
        vec![Said {
            contestant: Some(s.cello),
            before: text("Cello"),
            ..says("cohost:c", "edit_contestant")
        }]
    );
}
