//! Who takes part: the owner and invite links, the tied presentation,
//! conflicts of interest and feedback links.

use super::{
    everything, judge, link, listed, log_after, log_of, marks, moved, said, says, staged, text,
    ContestAdapters, Said,
};
use std::collections::{BTreeMap, BTreeSet};
use tally_domain::contest::model::{Caller, Contestant, Feedback, Link, Role, RoundState};
use tally_domain::ports::{
    ContestDefinitions as _, ContestPeople as _, ContestSheets as _, ContestStoreError,
    SheetChanges,
};
use tally_domain::{ContestantId, LinkId, PresentationId, PresenterToken};

pub async fn callers_are_the_owner_or_the_contest_s_links<A: ContestAdapters>(adapters: &A) {
    let s = staged(adapters).await;
    let other = staged(adapters).await;
    let store = adapters.contests();
    assert_eq!(
        store.caller(s.id, s.owner.hash()).await.unwrap(),
        Some(Caller::Owner)
    );
    let (id, secret) = (LinkId::generate(), PresenterToken::generate());
    store
        .add_link(s.id, id, Role::Cohost, "Cora", secret.hash(), "owner")
        .await
        .unwrap();
    let cohost = |revoked| Caller::Link {
        id,
        role: Role::Cohost,
        revoked,
    };
    assert_eq!(
        store.caller(s.id, secret.hash()).await.unwrap(),
        Some(cohost(false))
    );
    for (contest, token) in [
        (s.id, PresenterToken::generate().hash()),
        (s.id, other.owner.hash()),
        (other.id, secret.hash()),
    ] {
        assert_eq!(store.caller(contest, token).await.unwrap(), None);
    }
    store.revoke_link(s.id, id, "owner").await.unwrap();
    assert_eq!(
        store.caller(s.id, secret.hash()).await.unwrap(),
        Some(cohost(true))
    );
}

pub async fn links_are_listed_in_the_order_they_were_added_and_audited<A: ContestAdapters>(
    adapters: &A,
) {
    let s = staged(adapters).await;
    let other = staged(adapters).await;
    let store = adapters.contests();
    let mut added = Vec::new();
    for (role, name, actor) in [
        (Role::Judge, "Ann", "owner"),
        (Role::Cohost, "Cora", "owner"),
        (Role::Moderator, "Mo", "cohost:someone"),
    ] {
        let id = LinkId::generate();
        let token = PresenterToken::generate().hash();
        store
            .add_link(s.id, id, role, name, token, actor)
            .await
            .unwrap();
        added.push((id, role, name, actor));
    }
    judge(adapters, other.id, "Olga").await;
    let expected: Vec<Link> = added
        .iter()
        .map(|(id, role, name, _)| Link {
            id: *id,
            role: *role,
            name: (*name).to_owned(),
            revoked: false,
        })
        .collect();
    assert_eq!(store.links(s.id).await.unwrap(), expected);
    assert_eq!(store.links(other.id).await.unwrap().len(), 1);
    let logged: Vec<Said> = added
        .iter()
        .map(|(id, role, name, actor)| Said {
            judge: Some(*id),
            after: Some(format!("{} {name}", role.as_str())),
            ..says(actor, "invite")
        })
        .collect();
    assert_eq!(said(&log_after(adapters, s.id, 1).await), logged);
}

pub async fn revoking_is_for_good_idempotent_and_audited_once<A: ContestAdapters>(adapters: &A) {
    let s = staged(adapters).await;
    let other = staged(adapters).await;
    let ann = judge(adapters, s.id, "Ann").await;
    let olga = judge(adapters, other.id, "Olga").await;
    let store = adapters.contests();
    store.revoke_link(s.id, ann, "owner").await.unwrap();
    store.revoke_link(s.id, ann, "cohost:c").await.unwrap();
    assert!(store.links(s.id).await.unwrap()[0].revoked);
    assert_eq!(
        said(&log_after(adapters, s.id, 2).await),
        vec![Said {
            judge: Some(ann),
            ..says("owner", "revoke")
        }]
    );
    let before = everything(adapters, &s).await;
    for stranger in [olga, LinkId::generate()] {
        let refused = store.revoke_link(s.id, stranger, "owner").await;
        assert!(
            matches!(refused, Err(ContestStoreError::LinkNotFound)),
            "{refused:?}"
        );
    }
    assert_eq!(everything(adapters, &s).await, before);
    assert!(!store.links(other.id).await.unwrap()[0].revoked);
}

pub async fn tying_a_presentation_is_audited_once_per_change<A: ContestAdapters>(adapters: &A) {
    let stage = adapters.presentation().await;
    let s = staged(adapters).await;
    let store = adapters.contests();
    let p = stage.presentation;
    for tie in [Some(p), Some(p), None, None] {
        store.set_presentation(s.id, tie, "owner").await.unwrap();
        let tied = store.get(s.id).await.unwrap().unwrap().presentation;
        assert_eq!(tied, tie);
    }
    assert_eq!(
        said(&log_after(adapters, s.id, 1).await),
        vec![
            Said {
                after: Some(p.to_string()),
                ..says("owner", "set_presentation")
            },
            Said {
                before: Some(p.to_string()),
                ..says("owner", "set_presentation")
            },
        ]
    );
}

/// Who acts on a presentation besides its presenter: the co-host and
/// moderator links (revoked ones marked) of the contests tied to it; no
/// judge, and nobody once untied.
pub async fn a_tied_contest_s_cohosts_and_moderators_are_the_presentation_s_delegates<
    A: ContestAdapters,
>(
    adapters: &A,
) {
    let stage = adapters.presentation().await;
    let s = staged(adapters).await;
    let store = adapters.contests();
    let p = stage.presentation;
    let mut made = Vec::new();
    for role in [Role::Cohost, Role::Moderator, Role::Judge] {
        let (link, token) = (LinkId::generate(), PresenterToken::generate());
        store
            .add_link(s.id, link, role, role.as_str(), token.hash(), "owner")
            .await
            .unwrap();
        made.push((link, role, *token.hash().as_bytes()));
    }
    assert!(store.delegates(p).await.unwrap().is_empty(), "not tied yet");
    store
        .set_presentation(s.id, Some(p), "owner")
        .await
        .unwrap();
    store.revoke_link(s.id, made[1].0, "owner").await.unwrap();
    use tally_domain::DelegateRole::Contest;
    let mut delegates = store.delegates(p).await.unwrap();
    delegates.sort_by_key(|d| d.role.as_str());
    let seen: Vec<_> = delegates
        .iter()
        .map(|d| (d.link, d.role, *d.token_hash.as_bytes(), d.revoked))
        .collect();
    assert_eq!(
        seen,
        [
            (made[0].0, Contest(Role::Cohost), made[0].2, false),
            (made[1].0, Contest(Role::Moderator), made[1].2, true),
        ]
    );
    store.set_presentation(s.id, None, "owner").await.unwrap();
    assert!(store.delegates(p).await.unwrap().is_empty(), "untied");
}

/// The caller checked the presenter token, but the presentation may be
/// deleted before the store writes: the contest is then untied.
pub async fn a_presentation_that_does_not_exist_leaves_the_contest_untied<A: ContestAdapters>(
    adapters: &A,
) {
    let stage = adapters.presentation().await;
    let s = staged(adapters).await;
    let store = adapters.contests();
    let gone = PresentationId::generate();
    store
        .set_presentation(s.id, Some(gone), "owner")
        .await
        .unwrap();
    assert_eq!(store.get(s.id).await.unwrap().unwrap().presentation, None);
    assert_eq!(log_of(adapters, s.id).await.len(), 1);
    let p = stage.presentation;
    store
        .set_presentation(s.id, Some(p), "owner")
        .await
        .unwrap();
    store
        .set_presentation(s.id, Some(gone), "owner")
        .await
        .unwrap();
    assert_eq!(store.get(s.id).await.unwrap().unwrap().presentation, None);
    let untied = log_after(adapters, s.id, 2).await;
    assert_eq!(
        said(&untied),
        vec![Said {
            before: Some(p.to_string()),
            ..says("owner", "set_presentation")
        }]
    );
}

pub async fn conflicts_replace_a_judge_s_exclusions_and_are_audited<A: ContestAdapters>(
    adapters: &A,
) {
    let s = staged(adapters).await;
    let other = staged(adapters).await;
    let (ann, ben) = (
        judge(adapters, s.id, "Ann").await,
        judge(adapters, s.id, "Ben").await,
    );
    let store = adapters.contests();
    let steps = [
        (ann, BTreeSet::from([s.alto, s.bass])),
        (ann, BTreeSet::from([s.bass])),
        (ben, BTreeSet::from([s.cello])),
    ];
    for (judge, excluded) in &steps {
        store
            .set_conflicts(s.id, *judge, excluded, "owner")
            .await
            .unwrap();
    }
    assert_eq!(
        store.conflicts(s.id).await.unwrap(),
        BTreeMap::from([
            (ann, BTreeSet::from([s.bass])),
            (ben, BTreeSet::from([s.cello]))
        ])
    );
    store
        .set_conflicts(s.id, ann, &BTreeSet::new(), "cohost:c")
        .await
        .unwrap();
    assert_eq!(
        store.conflicts(s.id).await.unwrap(),
        BTreeMap::from([(ben, BTreeSet::from([s.cello]))])
    );
    assert!(store.conflicts(other.id).await.unwrap().is_empty());
    let mut logged: Vec<Said> = steps
        .iter()
        .map(|(judge, excluded)| Said {
            judge: Some(*judge),
            after: Some(listed(excluded)),
            ..says("owner", "conflicts")
        })
        .collect();
    logged.push(Said {
        judge: Some(ann),
        after: text(""),
        ..says("cohost:c", "conflicts")
    });
    assert_eq!(said(&log_after(adapters, s.id, 3).await), logged);
}

pub async fn conflicts_are_for_the_contest_s_judges_and_contestants<A: ContestAdapters>(
    adapters: &A,
) {
    let s = staged(adapters).await;
    let other = staged(adapters).await;
    let ann = judge(adapters, s.id, "Ann").await;
    let cora = link(adapters, s.id, Role::Cohost, "Cora").await;
    let olga = judge(adapters, other.id, "Olga").await;
    let store = adapters.contests();
    let before = everything(adapters, &s).await;
    let one = BTreeSet::from([s.alto]);
    for stranger in [cora, olga, LinkId::generate()] {
        let refused = store.set_conflicts(s.id, stranger, &one, "owner").await;
        assert!(
            matches!(refused, Err(ContestStoreError::LinkNotFound)),
            "{refused:?}"
        );
    }
    for outsider in [other.alto, ContestantId::generate()] {
        let excluded = BTreeSet::from([s.alto, outsider]);
        let refused = store.set_conflicts(s.id, ann, &excluded, "owner").await;
        assert!(
            matches!(refused, Err(ContestStoreError::ContestantNotFound)),
            "{refused:?}"
        );
    }
    assert_eq!(everything(adapters, &s).await, before);
}

/// Feedback shows comments from submitted sheets only, round by round,
/// without the judges' names.
pub async fn feedback_shows_comments_of_submitted_sheets_in_round_order<A: ContestAdapters>(
    adapters: &A,
) {
    let s = staged(adapters).await;
    let other = staged(adapters).await;
    let judges = [
        judge(adapters, s.id, "Ann").await,
        judge(adapters, s.id, "Ben").await,
        judge(adapters, s.id, "Cy").await,
    ];
    for round in [s.heat, s.fin] {
        moved(adapters, s.id, round, RoundState::Draft, RoundState::Open).await;
    }
    let store = adapters.contests();
    let comment = |to: ContestantId, text: &str, sent: bool| SheetChanges {
        comments: vec![(to, text.to_owned())],
        submit: sent.then_some(0),
        ..marks(&s, &[])
    };
    // The final first: order comes from the rounds, not from saving.
    let saved = [
        (s.fin, judges[0], comment(s.alto, "A fine final", true)),
        (s.heat, judges[2], comment(s.alto, "Warm tone", true)),
        (s.heat, judges[0], comment(s.alto, "Good start", true)),
        (s.heat, judges[1], comment(s.alto, "Not yet sent", false)),
        (s.heat, judges[1], comment(s.bass, "For Bass", false)),
        (s.fin, judges[1], comment(s.bass, "For Bass too", true)),
    ];
    for (round, judge, changes) in saved {
        store
            .save_sheet(s.id, round, judge, changes, "judge")
            .await
            .unwrap();
    }
    let (first, second) = (PresenterToken::generate(), PresenterToken::generate());
    store
        .release_feedback(s.id, s.alto, first.hash(), "owner")
        .await
        .unwrap();
    let mut heat = vec![(judges[0], "Good start"), (judges[2], "Warm tone")];
    heat.sort();
    let mut expected: Vec<(String, String)> = heat
        .into_iter()
        .map(|(_, t)| ("Heat".to_owned(), t.to_owned()))
        .collect();
    expected.push(("Final".to_owned(), "A fine final".to_owned()));
    let alto = Contestant {
        id: s.alto,
        name: "Alto".to_owned(),
    };
    assert_eq!(
        store.feedback(s.id, first.hash()).await.unwrap(),
        Some(Feedback {
            contestant: alto.clone(),
            comments: expected.clone(),
        })
    );
    // A new link replaces the old one.
    store
        .release_feedback(s.id, s.alto, second.hash(), "owner")
        .await
        .unwrap();
    assert_eq!(store.feedback(s.id, first.hash()).await.unwrap(), None);
    let shown = store.feedback(s.id, second.hash()).await.unwrap();
    assert_eq!(shown.map(|f| f.comments), Some(expected));
    assert_eq!(store.feedback(other.id, second.hash()).await.unwrap(), None);
    let logged = log_of(adapters, s.id).await;
    let released: Vec<Said> = said(&logged)
        .into_iter()
        .filter(|e| e.action == "release_feedback")
        .collect();
    let release = Said {
        contestant: Some(s.alto),
        ..says("owner", "release_feedback")
    };
    assert_eq!(released, vec![release.clone(), release]);
    for outsider in [other.alto, ContestantId::generate()] {
        let token = PresenterToken::generate().hash();
        let refused = store.release_feedback(s.id, outsider, token, "owner").await;
        assert!(
            matches!(refused, Err(ContestStoreError::ContestantNotFound)),
            "{refused:?}"
        );
    }
    assert_eq!(log_of(adapters, s.id).await, logged);
}
