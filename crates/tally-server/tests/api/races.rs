//! Votes racing each other and slide changes, against a real database and
//! two servers (separate pools and workers) sharing it, so that only the
//! database's locking can keep them consistent.

use crate::helpers::{spawn_open_app, spawn_redis_app, start_server, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::json;
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tally_testkit::postgres::{options_unlike_rows, vote_rows};
use tokio::sync::Semaphore;
use uuid::Uuid;

/// Asserts every option's count equals its vote rows; returns total rows.
async fn assert_counts_equal_rows(app: &TestApp) -> i64 {
    let client = app.db.client().await;
    let mismatches = options_unlike_rows(&client).await;
    assert_eq!(
        mismatches, 0,
        "{mismatches} options have counts that differ from rows"
    );
    vote_rows(&client).await
}

/// Waits (bounded) until `tally verify`'s comparison agrees and Postgres
/// holds `rows` votes for the presentation, then asserts both.
pub(crate) async fn assert_agreement(app: &TestApp, presentation: &str, rows: usize) {
    let pool = tally_postgres::connect(&tally_postgres::PoolSettings {
        url: app.db.url(),
        max_size: 2,
        wait_timeout: Duration::from_secs(5),
        connect_timeout: Duration::from_secs(5),
    })
    .unwrap();
    let mirror = app.redis.as_ref().map(|r| {
        tally_redis::RedisMirror::new(
            tally_redis::Redis::connect(&tally_redis::RedisSettings {
                url: r.url(),
                response_timeout: Duration::from_secs(5),
                connection_timeout: Duration::from_secs(5),
            })
            .unwrap(),
        )
    });
    let id = presentation.parse().unwrap();
    let mut report = None;
    for _ in 0..200 {
        let r = tally_server::verify::verify(&pool, mirror.as_ref(), id)
            .await
            .unwrap();
        let done = r.agrees() && r.total_rows() == rows as u64;
        report = Some(r);
        if done {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let report = report.unwrap();
    assert!(report.agrees(), "{report}");
    assert_eq!(report.total_rows(), rows as u64, "{report}");
    if app.redis.is_some() {
        // Redis counts each poll's current round only: those counters were
        // compared with it.
        let latest = |poll| {
            report
                .counters
                .iter()
                .filter(|c| c.poll == poll)
                .map(|c| c.round)
                .max()
        };
        assert!(
            report
                .counters
                .iter()
                .all(|c| c.redis.is_some() || c.is_upvotes() || Some(c.round) < latest(c.poll)),
            "{report}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_identical_votes_store_one_row() {
    let app = spawn_open_app().await;
    let second_server = start_server(&app.db.url(), true).await;
    identical_votes(&app, &second_server.address).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_identical_votes_store_one_row_on_the_redis_path() {
    let app = spawn_redis_app().await;
    let second_server = app.peer().await;
    identical_votes(&app, &second_server.address).await;
}

async fn identical_votes(app: &TestApp, second: &str) {
    let second = second.to_owned();
    let created = app.create_deck(1).await;
    let voter = Uuid::new_v4();
    let mut tasks = Vec::new();
    for i in 0..200 {
        let client = app.client.clone();
        let base = if i % 2 == 0 {
            app.address.clone()
        } else {
            second.clone()
        };
        let body = json!({"key": "B", "client_id": voter, "poll_id": created.poll_ids[0]});
        let url = format!("{base}/presentations/{}/polls/current/votes", created.id);
        tasks.push(tokio::spawn(async move {
            client.post(url).json(&body).send().await.unwrap().status()
        }));
    }
    for task in tasks {
        assert_eq!(task.await.unwrap(), StatusCode::NO_CONTENT);
    }
    assert_agreement(app, &created.id, 1).await;
    let results = app.results(&created, &created.poll_ids[0]).await;
    assert_eq!(results["options"][1]["votes"], 1);
    assert_eq!(results["participants"], 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn votes_racing_slide_changes_are_stored_exactly_when_acknowledged() {
    let app = spawn_open_app().await;
    let second_server = start_server(&app.db.url(), true).await;
    votes_racing_slides(&app, &second_server.address).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn votes_racing_slide_changes_on_the_redis_path() {
    let app = spawn_redis_app().await;
    let second_server = app.peer().await;
    votes_racing_slides(&app, &second_server.address).await;
}

async fn votes_racing_slides(app: &TestApp, second: &str) {
    const VOTERS: usize = 2_000;
    const POLLS: usize = 6;
    let servers = [app.address.clone(), second.to_owned()];
    let created = app.create_deck(POLLS).await;
    // What the audience believes is on screen; lags the real slide.
    let seen = Arc::new(AtomicUsize::new(0));
    let in_flight = Arc::new(Semaphore::new(128));
    // Votes answered so far. The presenter moves on after each sixth of
    // them, not after a fixed time: on a loaded machine votes take longer,
    // and a timed presenter left most of them late (995 of 2,000 accepted
    // once under the full suite), which says nothing about the race.
    let answered = Arc::new(AtomicUsize::new(0));

    let presenter = {
        let (client, servers, created, seen, answered) = (
            app.client.clone(),
            servers.clone(),
            created.clone(),
            seen.clone(),
            answered.clone(),
        );
        tokio::spawn(async move {
            for i in 0..POLLS - 1 {
                while answered.load(Ordering::SeqCst) < (i + 1) * VOTERS / POLLS {
                    tokio::time::sleep(Duration::from_millis(2)).await;
                }
                let r = client
                    .put(format!(
                        "{}/presentations/{}/polls/current",
                        servers[i % 2],
                        created.id
                    ))
                    .header("Content-Type", "application/json")
                    .send()
                    .await
                    .unwrap();
                assert_eq!(r.status(), StatusCode::OK);
                seen.store(i + 1, Ordering::SeqCst);
            }
        })
    };

    let mut tasks = Vec::with_capacity(VOTERS);
    for i in 0..VOTERS {
        let permit = in_flight.clone().acquire_owned().await.unwrap();
        let (client, seen, answered) = (app.client.clone(), seen.clone(), answered.clone());
        // One voter in five is a slide behind, to make sure late votes occur.
        let index = seen
            .load(Ordering::SeqCst)
            .saturating_sub(usize::from(i % 5 == 0));
        let poll = created.poll_ids[index].clone();
        let key = ["A", "B", "C"][i % 3];
        let voter = Uuid::new_v4();
        let url = format!(
            "{}/presentations/{}/polls/current/votes",
            servers[i % 2],
            created.id
        );
        tasks.push(tokio::spawn(async move {
            let _permit = permit;
            let status = client
                .post(url)
                .json(&json!({"key": key, "client_id": voter, "poll_id": poll}))
                .send()
                .await
                .unwrap()
                .status();
            answered.fetch_add(1, Ordering::SeqCst);
            (voter, poll, key, status)
        }));
        if i % 100 == 0 {
            // Spread the votes over the slide changes.
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }
    presenter.await.unwrap();
    let mut outcomes = Vec::with_capacity(VOTERS);
    for task in tasks {
        outcomes.push(task.await.unwrap());
    }
    let accepted_count = outcomes
        .iter()
        .filter(|o| o.3 == StatusCode::NO_CONTENT)
        .count();
    // On the Redis path votes reach Postgres through the flusher.
    assert_agreement(app, &created.id, accepted_count).await;

    let client = app.db.client().await;
    let rows = client
        .query(
            "SELECT v.participant_id, v.poll_id, v.choice FROM votes v WHERE v.choice IS NOT NULL",
            &[],
        )
        .await
        .unwrap();
    let stored: HashMap<Uuid, (Uuid, String)> = rows
        .iter()
        .map(|r| (r.get(0), (r.get(1), r.get(2))))
        .collect();
    let (mut accepted, mut late) = (0, 0);
    for (voter, poll, key, status) in &outcomes {
        match *status {
            StatusCode::NO_CONTENT => {
                accepted += 1;
                let (stored_poll, stored_key) =
                    stored.get(voter).expect("an acknowledged vote is stored");
                assert_eq!(stored_poll.to_string(), *poll);
                assert_eq!(stored_key, key);
            }
            StatusCode::CONFLICT => {
                late += 1;
                assert!(!stored.contains_key(voter), "a refused vote was stored");
            }
            other => panic!("unexpected status {other}"),
        }
    }
    eprintln!("{accepted} votes acknowledged, {late} refused as late");
    assert_eq!(accepted + late, VOTERS);
    assert!(
        late > 0,
        "the race produced no late votes; the test proved nothing"
    );
    assert!(accepted > VOTERS / 2);
    assert_eq!(stored.len(), accepted);
    assert_eq!(
        assert_counts_equal_rows(app).await,
        i64::try_from(accepted).unwrap()
    );
    // The presentation ended on the last slide.
    let p: serde_json::Value = app
        .get_json(&format!("/presentations/{}", created.id))
        .await;
    assert_eq!(p["current_poll_index"], POLLS - 1);
}

/// Votes racing the deletion of their presentation on the direct intake
/// get an answer (stored, or 404), never a server error.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn votes_racing_a_deletion_get_an_answer_never_a_server_error() {
    let app = Arc::new(spawn_open_app().await);
    let created = app.create_deck(1).await;
    let deleted = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut voters = Vec::new();
    for _ in 0..16 {
        let (app, created, deleted) = (app.clone(), created.clone(), deleted.clone());
        voters.push(tokio::spawn(async move {
            let mut statuses = Vec::new();
            // Keeps voting until a while after the deletion.
            let mut after = 0;
            while after < 20 {
                if deleted.load(Ordering::SeqCst) {
                    after += 1;
                }
                let vote = app.vote(&created.id, &created.poll_ids[0], Uuid::new_v4(), "A");
                statuses.push(vote.await.status().as_u16());
            }
            statuses
        }));
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let response = app
        .presenter(
            Method::DELETE,
            &format!("/presentations/{}", created.id),
            Some(&created.token),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    deleted.store(true, Ordering::SeqCst);
    let mut statuses = std::collections::BTreeMap::new();
    for voter in voters {
        for status in voter.await.unwrap() {
            *statuses.entry(status).or_insert(0) += 1;
        }
    }
    eprintln!("vote statuses around the deletion: {statuses:?}");
    assert!(
        statuses.contains_key(&204) && statuses.contains_key(&404),
        "no race: {statuses:?}"
    );
    assert!(
        statuses.keys().all(|s| [204, 404].contains(s)),
        "{statuses:?}"
    );
    assert_eq!(vote_rows(&app.db.client().await).await, 0);
}

/// The choices the change races pick from (multiple choice, up to two).
const CHANGES: [&[&str]; 4] = [&["A"], &["B"], &["A", "C"], &["B", "C"]];

/// Participants change and retract their votes on a poll with
/// `allow_change`, through two servers. Each participant's own actions run
/// one after the other (so its last acknowledged action is known), while
/// the participants race each other; one more participant fires all its
/// changes at once. Afterwards each participant's vote is its last action,
/// in the live listing and in Postgres, and the counters (live and stored)
/// equal the rows.
async fn changes_racing_changes(app: &TestApp, second: &str) {
    let body = json!({"polls": [{
        "question": "Which?", "type": "multiple", "max_choices": 2, "allow_change": true,
        "options": [{"key": "A", "value": "a"}, {"key": "B", "value": "b"}, {"key": "C", "value": "c"}],
    }]});
    let created = crate::common::create_presentation(&app.client, &app.address, &body).await;
    let (id, token, poll) = (created.id, created.token, created.poll_ids[0].clone());
    let bases = [app.address.clone(), second.to_owned()];

    // Action i of a participant: a change to CHANGES[i % 4], or every
    // fifth a retraction. None: retract.
    let action = |i: usize| (i % 5 != 4).then(|| CHANGES[i % CHANGES.len()]);
    let (id_for_send, poll_for_send) = (id.clone(), poll.clone());
    let send = move |client: reqwest::Client,
                     base: String,
                     voter: Uuid,
                     keys: Option<&'static [&'static str]>| {
        let url = format!("{base}/presentations/{id_for_send}/polls/current/votes");
        let poll = poll_for_send.clone();
        async move {
            // As a phone does: 429 and 503 (not stored) and 504 (outcome
            // unknown) are answered by sending the same action again, which
            // is safe for each. A loaded test machine (the suite runs tests
            // in parallel) can make the pool wait long enough for 503.
            let mut status = StatusCode::SERVICE_UNAVAILABLE;
            for _ in 0..50 {
                let request = match keys {
                    Some(keys) => client
                        .post(&url)
                        .json(&json!({"keys": keys, "client_id": voter, "poll_id": poll})),
                    None => client
                        .delete(&url)
                        .json(&json!({"client_id": voter, "poll_id": poll})),
                };
                status = request.send().await.unwrap().status();
                if !matches!(status.as_u16(), 429 | 503 | 504) {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            status
        }
    };

    let voters: Vec<Uuid> = (0..24).map(|_| Uuid::new_v4()).collect();
    let mut tasks = Vec::new();
    for (n, voter) in voters.iter().copied().enumerate() {
        let (client, bases, send) = (app.client.clone(), bases.clone(), send.clone());
        let steps = 3 + n % 8;
        tasks.push(tokio::spawn(async move {
            let mut last = None;
            for i in 0..steps {
                let keys = action(i + n);
                let status = send(client.clone(), bases[i % 2].clone(), voter, keys).await;
                assert_eq!(status, StatusCode::NO_CONTENT, "{voter} step {i}");
                last = keys;
            }
            (voter, last)
        }));
    }
    // One participant's changes all at once: any of them may be last.
    let racer = Uuid::new_v4();
    let burst: Vec<_> = (0..20)
        .map(|i| {
            tokio::spawn(send(
                app.client.clone(),
                bases[i % 2].clone(),
                racer,
                Some(CHANGES[i % 4]),
            ))
        })
        .collect();
    let mut expected: HashMap<Uuid, Option<&[&str]>> = HashMap::new();
    for task in tasks {
        let (voter, last) = task.await.unwrap();
        expected.insert(voter, last);
    }
    for task in burst {
        assert_eq!(task.await.unwrap(), StatusCode::NO_CONTENT);
    }

    let listing: Vec<serde_json::Value> = app
        .presenter(
            Method::GET,
            &format!("/presentations/{id}/polls/{poll}/votes"),
            Some(&token),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let listed: HashMap<Uuid, String> = listing
        .iter()
        .map(|v| {
            (
                v["client_id"].as_str().unwrap().parse().unwrap(),
                v["key"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    for (voter, last) in &expected {
        assert_eq!(
            listed.get(voter).cloned(),
            last.map(|k| k.join(", ")),
            "{voter}"
        );
    }
    let raced = listed.get(&racer).expect("the racer voted");
    assert!(CHANGES.iter().any(|k| k.join(", ") == *raced), "{raced}");

    let voted = expected.values().filter(|v| v.is_some()).count() + 1;
    assert_agreement(app, &id, voted).await;
    // Postgres holds the same final votes.
    let client = app.db.client().await;
    let rows = client
        .query(
            "SELECT participant_id, choice FROM votes WHERE poll_id = $1::text::uuid AND choice IS NOT NULL",
            &[&poll],
        )
        .await
        .unwrap();
    let stored: HashMap<Uuid, String> = rows
        .iter()
        .map(|r| (r.get(0), r.get::<_, String>(1).replace('\u{1e}', ", ")))
        .collect();
    assert_eq!(stored, listed);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changes_racing_changes_end_in_the_last_action_on_postgres() {
    let app = spawn_open_app().await;
    let second_server = start_server(&app.db.url(), true).await;
    changes_racing_changes(&app, &second_server.address).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changes_racing_changes_end_in_the_last_action_on_the_redis_path() {
    let app = spawn_redis_app().await;
    let second_server = app.peer().await;
    changes_racing_changes(&app, &second_server.address).await;
}

/// Rows of `poll` with a choice: participant to round.
async fn rounds_of(app: &TestApp, poll: &str) -> HashMap<(Uuid, i32), String> {
    let client = app.db.client().await;
    client
        .query(
            "SELECT participant_id, round, choice FROM votes \
             WHERE poll_id = $1::text::uuid AND choice IS NOT NULL",
            &[&poll],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| ((r.get(0), r.get(1)), r.get(2)))
        .collect()
}

/// Votes on two processes race a reset of their poll. A vote acknowledged
/// before the reset was sent counts in round 1; one sent after the reset
/// was answered counts in round 2; those in between count in exactly one
/// of them. Then everyone votes again: round 2 holds every participant
/// once, and counters, tallies and rows agree in both rounds.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn votes_racing_a_reset_count_once_in_one_round_on_the_redis_path() {
    let app = spawn_redis_app().await;
    let second = app.peer().await;
    let body = json!({"polls": [{
        "question": "Which?", "type": "multiple", "max_choices": 2,
        "options": [{"key": "A", "value": "a"}, {"key": "B", "value": "b"}],
    }]});
    let deck = crate::common::create_presentation(&app.client, &app.address, &body).await;
    let poll = deck.poll_ids[0].clone();
    let bases = [app.address.clone(), second.address.clone()];
    let start = std::time::Instant::now();
    let send = |voter: Uuid, base: String| {
        let client = app.client.clone();
        let url = format!("{base}/presentations/{}/polls/current/votes", deck.id);
        let body = json!({"keys": ["A", "B"], "client_id": voter, "poll_id": poll});
        async move {
            let sent = start.elapsed();
            let status = client.post(url).json(&body).send().await.unwrap().status();
            (voter, sent, status, start.elapsed())
        }
    };
    let voters: Vec<Uuid> = (0..90).map(|_| Uuid::new_v4()).collect();
    // A third vote first; the rest are sent, 2 ms apart, around the reset.
    let mut done = Vec::new();
    for (i, voter) in voters[..30].iter().enumerate() {
        done.push(send(*voter, bases[i % 2].clone()).await);
    }
    let racing: Vec<_> = voters[30..]
        .iter()
        .enumerate()
        .map(|(i, voter)| {
            let task = send(*voter, bases[i % 2].clone());
            tokio::spawn(async move {
                tokio::time::sleep(Duration::from_millis(2 * i as u64)).await;
                task.await
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(40)).await;
    let reset_sent = start.elapsed();
    let reset = app
        .presenter(
            Method::POST,
            &format!("/presentations/{}/polls/{poll}/reset", deck.id),
            Some(&deck.token),
        )
        .send()
        .await
        .unwrap();
    let reset_done = start.elapsed();
    assert_eq!(reset.status(), StatusCode::OK);
    for task in racing {
        done.push(task.await.unwrap());
    }
    for (voter, _, status, _) in &done {
        assert_eq!(*status, StatusCode::NO_CONTENT, "{voter}");
    }
    // Everyone again, after the reset: new in round 2, or the same vote
    // again there.
    for (i, voter) in voters.iter().enumerate() {
        let (_, _, status, _) = send(*voter, bases[i % 2].clone()).await;
        assert_eq!(status, StatusCode::NO_CONTENT, "{voter}");
    }

    let mut rows = HashMap::new();
    for _ in 0..400 {
        rows = rounds_of(&app, &poll).await;
        if rows.keys().filter(|(_, round)| *round == 2).count() == voters.len() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let round_two: Vec<Uuid> = rows
        .keys()
        .filter(|(_, r)| *r == 2)
        .map(|(v, _)| *v)
        .collect();
    assert_eq!(round_two.len(), voters.len(), "round 2 holds everyone once");
    let mut in_round_one = 0;
    for (voter, sent, _, acked) in &done {
        let first = rows.contains_key(&(*voter, 1));
        in_round_one += usize::from(first);
        if *acked < reset_sent {
            assert!(first, "{voter} was acknowledged before the reset");
        }
        if *sent > reset_done {
            assert!(!first, "{voter} voted after the reset");
        }
    }
    assert!(in_round_one >= 30, "{in_round_one}");
    assert_eq!(rows.len(), voters.len() + in_round_one);
    assert_agreement(&app, &deck.id, voters.len() + in_round_one).await;
}

/// Votes on two processes race the timer's deadline: each is acknowledged
/// (and stored) or refused with 409 `voting_closed` (and not stored).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn votes_racing_the_deadline_are_stored_exactly_when_acknowledged_on_the_redis_path() {
    let app = spawn_redis_app().await;
    let second = app.peer().await;
    let body = json!({"polls": [{"question": "Words?", "type": "wordcloud"}]});
    let deck = crate::common::create_presentation(&app.client, &app.address, &body).await;
    let poll = deck.poll_ids[0].clone();
    let timer = app
        .presenter(
            Method::POST,
            &format!("/presentations/{}/polls/current/timer", deck.id),
            Some(&deck.token),
        )
        .json(&json!({"seconds": 1}))
        .send()
        .await
        .unwrap();
    assert_eq!(timer.status(), StatusCode::OK);
    let bases = [app.address.clone(), second.address.clone()];
    // 80 votes spread over 1.6 s around the 1 s deadline.
    let tasks: Vec<_> = (0..80u64)
        .map(|i| {
            let client = app.client.clone();
            let url = format!(
                "{}/presentations/{}/polls/current/votes",
                bases[(i % 2) as usize],
                deck.id
            );
            let voter = Uuid::new_v4();
            let body = json!({"words": ["late", "early"], "client_id": voter, "poll_id": poll});
            tokio::spawn(async move {
                tokio::time::sleep(Duration::from_millis(20 * i)).await;
                let response = client.post(url).json(&body).send().await.unwrap();
                let status = response.status();
                let code = if status == StatusCode::CONFLICT {
                    let problem: serde_json::Value = response.json().await.unwrap();
                    problem["code"].as_str().unwrap_or_default().to_owned()
                } else {
                    String::new()
                };
                (voter, status, code)
            })
        })
        .collect();
    let mut acknowledged = Vec::new();
    let mut refused = Vec::new();
    for task in tasks {
        let (voter, status, code) = task.await.unwrap();
        match status {
            StatusCode::NO_CONTENT => acknowledged.push(voter),
            StatusCode::CONFLICT => {
                assert_eq!(code, "voting_closed");
                refused.push(voter);
            }
            other => panic!("{voter}: {other}"),
        }
    }
    assert!(
        !acknowledged.is_empty() && !refused.is_empty(),
        "{} acknowledged, {} refused",
        acknowledged.len(),
        refused.len()
    );
    assert_agreement(&app, &deck.id, acknowledged.len()).await;
    let rows = rounds_of(&app, &poll).await;
    for voter in &acknowledged {
        assert!(rows.contains_key(&(*voter, 1)), "{voter} was acknowledged");
    }
    for voter in &refused {
        assert!(!rows.contains_key(&(*voter, 1)), "{voter} was refused");
    }
}

/// Participants upvote and withdraw upvotes of three questions through two
/// processes at once: each question's count is the number of participants
/// whose last acknowledged action was an upvote, and equals its rows.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn q_and_a_upvotes_in_parallel_end_in_each_last_action_on_the_redis_path() {
    let app = spawn_redis_app().await;
    let second = app.peer().await;
    let body = json!({"polls": [{"question": "Ask", "type": "qa"}]});
    let deck = crate::common::create_presentation(&app.client, &app.address, &body).await;
    let questions_url = |base: &str| {
        format!(
            "{base}/presentations/{}/polls/{}/questions",
            deck.id, deck.poll_ids[0]
        )
    };
    let mut questions = Vec::new();
    for text in ["One?", "Two?", "Three?"] {
        let response = app
            .client
            .post(questions_url(&app.address))
            .json(&json!({"client_id": Uuid::new_v4(), "text": text}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
        let body: serde_json::Value = response.json().await.unwrap();
        questions.push(body["question_id"].as_str().unwrap().to_owned());
    }
    let bases = [app.address.clone(), second.address.clone()];
    let action = move |client: reqwest::Client, url: String, who: Uuid, on: bool| async move {
        let request = if on {
            client.post(url)
        } else {
            client.delete(url)
        };
        request
            .json(&json!({ "client_id": who }))
            .send()
            .await
            .unwrap()
            .status()
    };
    // Participant n acts 3 + n % 6 times on question n % 3, alternating
    // servers, up on even steps, down on odd ones (repeats included).
    let people: Vec<Uuid> = (0..36).map(|_| Uuid::new_v4()).collect();
    let tasks: Vec<_> = people
        .iter()
        .copied()
        .enumerate()
        .map(|(n, who)| {
            let url = format!(
                "{}/{}/upvote",
                questions_url(&bases[n % 2]),
                questions[n % 3]
            );
            let other = format!(
                "{}/{}/upvote",
                questions_url(&bases[(n + 1) % 2]),
                questions[n % 3]
            );
            let client = app.client.clone();
            tokio::spawn(async move {
                let steps = 3 + n % 6;
                let mut last = false;
                for i in 0..steps {
                    let on = (i + n / 3) % 2 == 0 || i == steps - 1 && n % 4 == 0;
                    let target = if i % 2 == 0 {
                        url.clone()
                    } else {
                        other.clone()
                    };
                    assert_eq!(
                        action(client.clone(), target, who, on).await,
                        StatusCode::NO_CONTENT
                    );
                    last = on;
                }
                (n % 3, last)
            })
        })
        .collect();
    // One more participant sends twenty upvotes of the first question at
    // once: counted once.
    let burster = Uuid::new_v4();
    let burst: Vec<_> = (0..20)
        .map(|i| {
            let url = format!("{}/{}/upvote", questions_url(&bases[i % 2]), questions[0]);
            tokio::spawn(action(app.client.clone(), url, burster, true))
        })
        .collect();
    let mut expected = [1u64, 0, 0];
    for task in tasks {
        let (question, up) = task.await.unwrap();
        expected[question] += u64::from(up);
    }
    for task in burst {
        assert_eq!(task.await.unwrap(), StatusCode::NO_CONTENT);
    }
    let listed: Vec<serde_json::Value> = app
        .client
        .get(questions_url(&second.address))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let upvotes = |id: &str| {
        listed.iter().find(|q| q["question_id"] == id).unwrap()["upvotes"]
            .as_u64()
            .unwrap()
    };
    for (n, question) in questions.iter().enumerate() {
        assert_eq!(upvotes(question), expected[n], "question {n}");
    }
    // `tally verify`: every count equals its rows (no votes on this poll).
    assert_agreement(&app, &deck.id, 0).await;
}
