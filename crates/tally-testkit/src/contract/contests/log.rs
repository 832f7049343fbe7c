//! The audit log over a contest's life, and refused changes, which store
//! and record nothing.

use super::{
    everything, freeze, judge, link, log_of, marks, moved, said, says, staged, submit, text,
    ContestAdapters, Everything, Said, Staged,
};
use std::collections::{BTreeMap, BTreeSet};
use tally_domain::contest::model::{Role, RoundState};
use tally_domain::ports::{
    ContestPeople as _, ContestRounds as _, ContestSheets as _, ContestStoreError, SheetChanges,
};
use tally_domain::{ContestantId, LinkId, PresenterToken, RoundId};

use RoundState::{Closed, Draft, Open};

/// One change after another, by different callers: the log holds each,
/// in order, with what it changed.
pub async fn a_contest_s_life_is_logged_in_order<A: ContestAdapters>(adapters: &A) {
    let stage = adapters.presentation().await;
    let s = staged(adapters).await;
    let store = adapters.contests();
    let ann = judge(adapters, s.id, "Ann").await;
    let cora = link(adapters, s.id, Role::Cohost, "Cora").await;
    let (judge_actor, cohost) = (format!("judge:{ann}"), format!("cohost:{cora}"));
    let pair = BTreeSet::from([s.alto, s.bass]);
    store.set_lineup(s.id, s.fin, &pair, &cohost).await.unwrap();
    store
        .move_round(s.id, s.heat, &[Draft], Open, &cohost)
        .await
        .unwrap();
    let sheet = SheetChanges {
        comments: vec![(s.alto, "Nice".to_owned())],
        submit: Some(1),
        ..marks(&s, &[(s.alto, s.voice, Some("7.5"))])
    };
    store
        .save_sheet(s.id, s.heat, ann, sheet, &judge_actor)
        .await
        .unwrap();
    let cello = BTreeSet::from([s.cello]);
    store
        .set_conflicts(s.id, ann, &cello, "owner")
        .await
        .unwrap();
    moved(adapters, s.id, s.heat, Open, Closed).await;
    store
        .reopen_sheet(s.id, s.heat, ann, &cohost)
        .await
        .unwrap();
    store.revoke_link(s.id, cora, "owner").await.unwrap();
    let token = PresenterToken::generate().hash();
    store
        .release_feedback(s.id, s.bass, token, "owner")
        .await
        .unwrap();
    let (publication, seen) = freeze(adapters, s.id, s.heat, &BTreeMap::new()).await;
    store
        .publish(s.id, &publication, seen, "owner")
        .await
        .unwrap();
    let p = stage.presentation;
    store
        .set_presentation(s.id, Some(p), "owner")
        .await
        .unwrap();

    let heat = |actor: &str, action: &str| Said {
        round: Some(s.heat),
        ..says(actor, action)
    };
    let by_ann = |action: &str| Said {
        judge: Some(ann),
        contestant: Some(s.alto),
        ..heat(&judge_actor, action)
    };
    let expected = vec![
        Said {
            after: text("Choir"),
            ..says("owner", "create")
        },
        Said {
            judge: Some(ann),
            after: text("judge Ann"),
            ..says("owner", "invite")
        },
        Said {
            judge: Some(cora),
            after: text("cohost Cora"),
            ..says("owner", "invite")
        },
        Said {
            round: Some(s.fin),
            before: Some(super::listed(&s.everyone())),
            after: Some(super::listed(&pair)),
            ..says(&cohost, "lineup")
        },
        Said {
            before: text("draft"),
            after: text("open"),
            ..heat(&cohost, "round_open")
        },
        Said {
            criterion: Some(s.voice),
            after: text("7.5"),
            ..by_ann("mark")
        },
        Said {
            after: text("Nice"),
            ..by_ann("comment")
        },
        Said {
            judge: Some(ann),
            before: text("draft"),
            after: text("submitted"),
            ..heat(&judge_actor, "submit")
        },
        Said {
            judge: Some(ann),
            after: Some(super::listed(&cello)),
            ..says("owner", "conflicts")
        },
        Said {
            before: text("open"),
            after: text("closed"),
            ..heat("owner", "round_closed")
        },
        Said {
            judge: Some(ann),
            before: text("submitted"),
            after: text("draft"),
            ..heat(&cohost, "reopen")
        },
        Said {
            judge: Some(cora),
            ..says("owner", "revoke")
        },
        Said {
            contestant: Some(s.bass),
            ..says("owner", "release_feedback")
        },
        Said {
            before: text("closed"),
            after: Some(publication.digest.clone()),
            ..heat("owner", "publish")
        },
        Said {
            after: Some(p.to_string()),
            ..says("owner", "set_presentation")
        },
    ];
    let log = log_of(adapters, s.id).await;
    assert_eq!(said(&log), expected);
    assert!(log.windows(2).all(|w| w[0].seq < w[1].seq), "{log:?}");
}

/// Checks that `result` is the refusal `expected` and that the store holds
/// exactly what it held `before`.
async fn refused<A: ContestAdapters>(
    adapters: &A,
    s: &Staged,
    before: &Everything,
    result: Result<(), ContestStoreError>,
    expected: impl Fn(&ContestStoreError) -> bool,
) {
    assert!(
        result.as_ref().is_err_and(&expected),
        "an unexpected answer: {result:?}"
    );
    assert_eq!(
        &everything(adapters, s).await,
        before,
        "after the refusal {result:?}"
    );
}

/// Every kind of refusal, on a contest with something of everything:
/// none of them stores anything or adds to the log.
pub async fn a_refused_change_stores_nothing_and_records_nothing<A: ContestAdapters>(adapters: &A) {
    let s = staged(adapters).await;
    let other = staged(adapters).await;
    let store = adapters.contests();
    let ann = judge(adapters, s.id, "Ann").await;
    let ben = judge(adapters, s.id, "Ben").await;
    let cora = link(adapters, s.id, Role::Cohost, "Cora").await;
    moved(adapters, s.id, s.heat, Draft, Open).await;
    let draft = SheetChanges {
        comments: vec![(s.alto, "So far".to_owned())],
        ..marks(
            &s,
            &[(s.alto, s.voice, Some("7")), (s.bass, s.voice, Some("6"))],
        )
    };
    store
        .save_sheet(s.id, s.heat, ann, draft, "judge")
        .await
        .unwrap();
    store
        .save_sheet(s.id, s.heat, ben, submit(&s, 0), "judge")
        .await
        .unwrap();
    store
        .set_conflicts(s.id, ann, &BTreeSet::from([s.cello]), "owner")
        .await
        .unwrap();
    let before = everything(adapters, &s).await;
    let check = |result, expected| refused(adapters, &s, &before, result, expected);
    let outsider = other.alto;
    let lone = |c: ContestantId| BTreeSet::from([s.alto, c]);
    let is = |e: ContestStoreError| move |got: &ContestStoreError| got.to_string() == e.to_string();

    check(
        store.revoke_link(s.id, LinkId::generate(), "owner").await,
        is(ContestStoreError::LinkNotFound),
    )
    .await;
    check(
        store
            .set_conflicts(s.id, cora, &lone(s.bass), "owner")
            .await,
        is(ContestStoreError::LinkNotFound),
    )
    .await;
    check(
        store
            .set_conflicts(s.id, ann, &lone(outsider), "owner")
            .await,
        is(ContestStoreError::ContestantNotFound),
    )
    .await;
    let token = PresenterToken::generate().hash();
    check(
        store.release_feedback(s.id, outsider, token, "owner").await,
        is(ContestStoreError::ContestantNotFound),
    )
    .await;
    let more = || marks(&s, &[(s.alto, s.style, Some("9")), (s.alto, s.voice, None)]);
    check(
        store.save_sheet(s.id, s.fin, ann, more(), "judge").await,
        is(ContestStoreError::RoundState(Draft)),
    )
    .await;
    let elsewhere = SheetChanges {
        lineup: lone(s.bass),
        ..more()
    };
    check(
        store
            .save_sheet(s.id, s.heat, ann, elsewhere, "judge")
            .await,
        is(ContestStoreError::Changed),
    )
    .await;
    let incomplete = SheetChanges {
        submit: Some(6),
        comments: vec![(s.alto, String::new())],
        ..more()
    };
    check(
        store
            .save_sheet(s.id, s.heat, ann, incomplete, "judge")
            .await,
        is(ContestStoreError::Incomplete(4)),
    )
    .await;
    check(
        store.save_sheet(s.id, s.heat, ben, more(), "judge").await,
        is(ContestStoreError::SheetSubmitted),
    )
    .await;
    check(
        store.reopen_sheet(s.id, s.heat, ann, "owner").await,
        is(ContestStoreError::SheetNotSubmitted),
    )
    .await;
    check(
        store
            .move_round(s.id, s.heat, &[Draft], Closed, "owner")
            .await,
        is(ContestStoreError::RoundState(Open)),
    )
    .await;
    check(
        store
            .move_round(s.id, RoundId::generate(), &[Draft], Open, "owner")
            .await,
        is(ContestStoreError::RoundNotFound),
    )
    .await;
    check(
        store.set_lineup(s.id, s.heat, &lone(s.bass), "owner").await,
        is(ContestStoreError::RoundState(Open)),
    )
    .await;
    check(
        store
            .set_lineup(s.id, s.fin, &lone(outsider), "owner")
            .await,
        is(ContestStoreError::ContestantNotFound),
    )
    .await;
    let (publication, seen) = freeze(adapters, s.id, s.heat, &BTreeMap::new()).await;
    check(
        store.publish(s.id, &publication, seen, "owner").await,
        is(ContestStoreError::RoundState(Open)),
    )
    .await;
}
