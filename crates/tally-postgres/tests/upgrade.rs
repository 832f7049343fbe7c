//! Upgrading a database that holds data: every migration keeps what the
//! schema before it held.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use tally_domain::ports::{PresentationStore as _, VoteLedger as _};
use tally_domain::{PollId, PresentationId};
use tally_postgres::{migrate_to, PgLedger, PgStore, PoolSettings};
use tally_testkit::postgres::EmptyDatabase;
use uuid::Uuid;

/// A v4 presentation with votes, written with the schema of migration 2
/// (votes name their option; options hold their count), then upgraded to
/// poll types (votes hold their choice; counters live in `tallies`).
#[tokio::test]
async fn votes_and_counts_survive_the_poll_types_migration() {
    let db = EmptyDatabase::create().await;
    let pool = tally_postgres::connect(&PoolSettings {
        url: db.url(),
        max_size: 4,
        wait_timeout: std::time::Duration::from_secs(30),
        connect_timeout: std::time::Duration::from_secs(10),
    })
    .unwrap();
    migrate_to(&pool, Some(2)).await.unwrap();

    let (presentation, first, second) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
    let voters: Vec<Uuid> = (0..5).map(|_| Uuid::new_v4()).collect();
    let client = db.client().await;
    client
        .batch_execute(&format!(
            "INSERT INTO presenters (id, token_hash) VALUES ('{p}', decode(repeat('ab', 32), 'hex'));
             INSERT INTO presentations (id, presenter_id, join_code, poll_count, current_poll_index, state_version)
                 VALUES ('{presentation}', '{p}', '123456', 2, 1, 4);
             INSERT INTO polls (id, presentation_id, position, question, voting_open, results_visible)
                 VALUES ('{first}', '{presentation}', 0, 'Pets?', false, true),
                        ('{second}', '{presentation}', 1, 'Food?', true, false);
             INSERT INTO options (poll_id, position, key, value, vote_count)
                 VALUES ('{first}', 0, 'A', 'Cats', 3), ('{first}', 1, 'B', 'Dogs', 1),
                        ('{first}', 2, 'C', 'Fish', 0), ('{second}', 0, 'X', 'Pizza', 1);",
            p = Uuid::now_v7(),
        ))
        .await
        .unwrap();
    for (voter, poll, key) in [
        (voters[0], first, "A"),
        (voters[1], first, "A"),
        (voters[2], first, "A"),
        (voters[3], first, "B"),
        (voters[4], second, "X"),
    ] {
        client
            .execute(
                "INSERT INTO votes (poll_id, participant_id, option_id) \
                 SELECT $1, $2, id FROM options WHERE poll_id = $1 AND key = $3",
                &[&poll, &voter, &key],
            )
            .await
            .unwrap();
    }

    let report = migrate_to(&pool, None).await.unwrap();
    assert!(
        report.applied.iter().any(|m| m.contains("poll_types")),
        "{:?}",
        report.applied
    );

    let id = PresentationId::from_uuid(presentation);
    let stored = PgStore::new(pool.clone()).get(id).await.unwrap().unwrap();
    assert_eq!(stored.slide.index, 1);
    assert_eq!(stored.slide.version, 4);
    let pets = &stored.polls[0];
    assert_eq!(
        (pets.voting_open, pets.results_visible, pets.options.len()),
        (false, true, 3)
    );
    assert_eq!(pets.settings.kind, tally_domain::kinds::PollType::Single);
    // The poll on screen has been open since the presentation was made
    // (timers, V4); the other has not opened yet.
    assert_eq!(stored.polls[1].opened_at, Some(stored.created_at));
    assert_eq!((pets.opened_at, pets.deadline), (None, None));

    let ledger = PgLedger::new(pool.clone());
    let results = ledger.results(id, PollId::from_uuid(first)).await.unwrap();
    let counts: Vec<u64> = results.options.iter().map(|o| o.votes).collect();
    assert_eq!(counts, [3, 1, 0]);
    assert_eq!((results.total_votes, results.participants), (4, 4));
    let listed = ledger.votes(id, PollId::from_uuid(second)).await.unwrap();
    assert_eq!(
        listed
            .iter()
            .map(|v| (*v.participant.as_uuid(), v.key()))
            .collect::<Vec<_>>(),
        [(voters[4], "X")]
    );
    let recount = tally_postgres::recount::counters(&client, Some(id))
        .await
        .unwrap();
    assert_eq!(recount.len(), 2);
    assert!(
        recount.iter().all(|p| p.differing().count() == 0),
        "{recount:?}"
    );
    assert_eq!(recount.iter().map(|p| p.rows).sum::<u64>(), 5);
}
