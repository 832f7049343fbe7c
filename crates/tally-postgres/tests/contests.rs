//! The contest store on a real Postgres, where HTTP cannot reach: a sheet
//! checked against a lineup that changed before the round opened, and
//! rounds made before lineups existed (migration 9).
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::collections::BTreeSet;
use std::time::Duration;
use tally_domain::contest::draft::{ContestDraft, CriterionDraft};
use tally_domain::contest::model::{Role, RoundState};
use tally_domain::contest::Mark;
use tally_domain::ports::{
    ContestDefinitions as _, ContestPeople as _, ContestRounds as _, ContestSheets as _,
    ContestStoreError, MarkChange, NewContest, SheetChanges,
};
use tally_domain::{ContestantId, LinkId, PresenterToken};
use tally_postgres::{migrate_to, PgContests, PoolSettings};
use tally_testkit::postgres::EmptyDatabase;
use uuid::Uuid;

fn settings(url: String) -> PoolSettings {
    PoolSettings {
        url,
        max_size: 4,
        wait_timeout: Duration::from_secs(30),
        connect_timeout: Duration::from_secs(10),
    }
}

fn draft() -> ContestDraft {
    ContestDraft {
        title: "Choir".to_owned(),
        method: "weighted_mean".to_owned(),
        criteria: vec![CriterionDraft {
            name: "Voice".to_owned(),
            description: String::new(),
            weight: "1".to_owned(),
            min: "1".to_owned(),
            max: "10".to_owned(),
            step: "1".to_owned(),
        }],
        contestants: vec!["Alto".to_owned(), "Bass".to_owned(), "Cello".to_owned()],
        rounds: vec!["Final".to_owned()],
        ..ContestDraft::default()
    }
}

/// A judge's save read the round's lineup while it was a draft; the
/// organiser then narrowed it and opened the round. The save is refused
/// whole (the caller reads again), never stored against the old lineup.
#[tokio::test]
async fn a_sheet_checked_against_an_older_lineup_is_refused() {
    let db = EmptyDatabase::create().await;
    let pool = tally_postgres::connect(&settings(db.url())).unwrap();
    migrate_to(&pool, None).await.unwrap();
    let store = PgContests::new(pool.clone());
    let contest = draft().validate().unwrap();
    let (id, round) = (contest.id, contest.rounds[0].id);
    let everyone: BTreeSet<ContestantId> = contest.contestants.iter().map(|c| c.id).collect();
    let [alto, bass, cello] = [0, 1, 2].map(|i| contest.contestants[i].id);
    let voice = contest.criteria[0].0;
    store
        .create(NewContest {
            contest,
            owner: PresenterToken::generate().hash(),
        })
        .await
        .unwrap();
    let judge = LinkId::generate();
    let secret = PresenterToken::generate();
    store
        .add_link(id, judge, Role::Judge, "Judge", secret.hash(), "owner")
        .await
        .unwrap();
    let finalists = BTreeSet::from([alto, cello]);
    store
        .set_lineup(id, round, &finalists, "owner")
        .await
        .unwrap();
    store
        .move_round(id, round, &[RoundState::Draft], RoundState::Open, "owner")
        .await
        .unwrap();
    let changes = |lineup: &BTreeSet<ContestantId>, who| SheetChanges {
        marks: vec![MarkChange {
            contestant: who,
            criterion: voice,
            mark: Some(Mark::parse("7").unwrap()),
        }],
        lineup: lineup.clone(),
        ..SheetChanges::default()
    };
    let stale = store
        .save_sheet(id, round, judge, changes(&everyone, bass), "judge")
        .await;
    assert!(
        matches!(stale, Err(ContestStoreError::Changed)),
        "{stale:?}"
    );
    assert!(store
        .sheet(id, round, judge)
        .await
        .unwrap()
        .marks
        .is_empty());
    store
        .save_sheet(id, round, judge, changes(&finalists, alto), "judge")
        .await
        .unwrap();
    assert_eq!(store.sheet(id, round, judge).await.unwrap().marks.len(), 1);
    // Open: the lineup is fixed.
    let refused = store.set_lineup(id, round, &everyone, "owner").await;
    assert!(
        matches!(
            refused,
            Err(ContestStoreError::RoundState(RoundState::Open))
        ),
        "{refused:?}"
    );
}

/// Rounds stored before lineups existed score every contestant.
#[tokio::test]
async fn rounds_made_before_lineups_keep_every_contestant() {
    let db = EmptyDatabase::create().await;
    let pool = tally_postgres::connect(&settings(db.url())).unwrap();
    migrate_to(&pool, Some(8)).await.unwrap();
    let (contest, round) = (Uuid::now_v7(), Uuid::now_v7());
    let contestants: Vec<Uuid> = (0..3).map(|_| Uuid::now_v7()).collect();
    db.client()
        .await
        .batch_execute(&format!(
            "INSERT INTO contests (id, title, owner_token_hash, method)
                 VALUES ('{contest}', 'Old', decode(repeat('cd', 32), 'hex'), 'weighted_mean');
             INSERT INTO contest_criteria (contest_id, position, id, name, description, weight, min_mark, max_mark, step)
                 VALUES ('{contest}', 0, '{k}', 'Voice', '', 1, 1, 10, 1);
             INSERT INTO contestants (contest_id, position, id, name)
                 VALUES ('{contest}', 0, '{a}', 'A'), ('{contest}', 1, '{b}', 'B'), ('{contest}', 2, '{c}', 'C');
             INSERT INTO contest_rounds (contest_id, position, id, name) VALUES ('{contest}', 0, '{round}', 'Final');",
            k = Uuid::now_v7(),
            a = contestants[0],
            b = contestants[1],
            c = contestants[2],
        ))
        .await
        .unwrap();
    migrate_to(&pool, None).await.unwrap();
    let stored = PgContests::new(pool.clone())
        .get(tally_domain::ContestId::from_uuid(contest))
        .await
        .unwrap()
        .unwrap();
    let lineup: Vec<Uuid> = stored
        .lineup(stored.rounds[0].id)
        .map(|c| *c.id.as_uuid())
        .collect();
    assert_eq!(lineup, contestants);
}
