//! Creating a contest, reading it back, and the records the store reads
//! for others: the audit log and the people's-choice poll.

use super::{draft, judge, log_of, said, says, staged, text, ContestAdapters, Said};
use tally_domain::contest::aggregate::{Method, TieBreak};
use tally_domain::contest::model::{Audience, RoundState};
use tally_domain::ports::{
    ContestDefinitions as _, ContestRecords as _, ContestStoreError, NewContest,
};
use tally_domain::{ContestId, PollId, PresenterToken};

pub async fn create_then_get_returns_the_contest_with_every_round_a_draft<A: ContestAdapters>(
    adapters: &A,
) {
    let s = staged(adapters).await;
    let stored = adapters.contests().get(s.id).await.unwrap();
    assert_eq!(stored.as_ref(), Some(&s.contest));
    let stored = stored.unwrap();
    assert!(stored
        .rounds
        .iter()
        .all(|r| r.state == RoundState::Draft && r.digest.is_none() && r.lineup == s.everyone()));
    assert_eq!(stored.presentation, None);
    assert_eq!(stored.tie_breaks, vec![TieBreak::Criterion(0)]);
    assert_eq!(
        adapters
            .contests()
            .get(ContestId::generate())
            .await
            .unwrap(),
        None
    );
    let log = log_of(adapters, s.id).await;
    assert_eq!(
        said(&log),
        vec![Said {
            after: text("Choir"),
            ..says("owner", "create")
        }]
    );
}

pub async fn a_people_s_choice_poll_must_be_a_single_choice_poll<A: ContestAdapters>(adapters: &A) {
    let stage = adapters.presentation().await;
    let with_audience = |poll: PollId| {
        let mut d = draft();
        d.method = "z_score".to_owned();
        d.tie_break_criterion = Some("Style".to_owned());
        d.tie_break_audience = true;
        d.audience = Some((poll, "0.5".to_owned()));
        d.validate().unwrap()
    };
    for poll in [PollId::generate(), stage.multiple] {
        let contest = with_audience(poll);
        let id = contest.id;
        let refused = adapters
            .contests()
            .create(NewContest {
                contest,
                owner: PresenterToken::generate().hash(),
            })
            .await;
        assert!(
            matches!(refused, Err(ContestStoreError::AudiencePoll)),
            "{refused:?}"
        );
        assert_eq!(adapters.contests().get(id).await.unwrap(), None);
        assert!(log_of(adapters, id).await.is_empty());
    }
    let contest = with_audience(stage.single);
    adapters
        .contests()
        .create(NewContest {
            contest: contest.clone(),
            owner: PresenterToken::generate().hash(),
        })
        .await
        .unwrap();
    let stored = adapters.contests().get(contest.id).await.unwrap().unwrap();
    assert_eq!(stored, contest);
    assert_eq!(stored.method, Method::ZScore);
    assert_eq!(
        stored.tie_breaks,
        vec![TieBreak::Criterion(1), TieBreak::Audience]
    );
    assert_eq!(
        stored.audience,
        Some(Audience {
            poll: stage.single,
            weight: super::mark("0.5"),
        })
    );
}

pub async fn the_audit_log_pages_after_a_position<A: ContestAdapters>(adapters: &A) {
    let s = staged(adapters).await;
    let other = staged(adapters).await;
    judge(adapters, s.id, "Ann").await;
    judge(adapters, other.id, "Olga").await;
    judge(adapters, s.id, "Ben").await;
    judge(adapters, s.id, "Cy").await;
    let all = log_of(adapters, s.id).await;
    let actions: Vec<&str> = all.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["create", "invite", "invite", "invite"]);
    assert!(all.windows(2).all(|w| w[0].seq < w[1].seq), "{all:?}");
    assert!(all.windows(2).all(|w| w[0].at <= w[1].at), "{all:?}");
    // RFC 3339 in UTC, to the microsecond: 2024-02-29T23:59:59.123456Z.
    assert!(all
        .iter()
        .all(|e| e.at.len() == 27 && &e.at[10..11] == "T" && e.at.ends_with('Z')));
    let store = adapters.contests();
    assert_eq!(store.audit(s.id, all[0].seq, 2).await.unwrap(), all[1..3]);
    assert_eq!(store.audit(s.id, all[1].seq, 10).await.unwrap(), all[2..]);
    assert!(store.audit(s.id, all[3].seq, 10).await.unwrap().is_empty());
    assert!(store.audit(s.id, 0, 0).await.unwrap().is_empty());
    assert!(store
        .audit(ContestId::generate(), 0, 10)
        .await
        .unwrap()
        .is_empty());
    let others = log_of(adapters, other.id).await;
    assert_eq!(others.len(), 2);
    assert!(others.iter().all(|o| all.iter().all(|e| e.seq != o.seq)));
}

/// The use cases read a people's-choice poll through its presentation:
/// the store says which presentation holds a poll.
pub async fn a_poll_is_found_in_its_presentation<A: ContestAdapters>(adapters: &A) {
    let stage = adapters.presentation().await;
    let store = adapters.contests();
    for poll in [stage.single, stage.multiple] {
        assert_eq!(
            store.presentation_of_poll(poll).await.unwrap(),
            Some(stage.presentation)
        );
    }
    assert_eq!(
        store
            .presentation_of_poll(PollId::generate())
            .await
            .unwrap(),
        None
    );
}
