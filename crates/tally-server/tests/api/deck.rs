//! Editing a deck over HTTP (issue 26): `GET`/`PUT
//! /presentations/{id}/deck` with `ETag`/`If-Match`, the rules that keep
//! counts true on both intakes with two processes, and the record of
//! edits.

use crate::helpers::{
    assert_problem, spawn_app, spawn_open_app, spawn_redis_app, start_server, TestApp,
};
use crate::races::assert_agreement;
use reqwest::{Method, Response, StatusCode};
use serde_json::{json, Value};
use uuid::Uuid;

async fn read(app: &TestApp, id: &str, token: &str) -> (Value, String) {
    let response = app
        .presenter(
            Method::GET,
            &format!("/presentations/{id}/deck"),
            Some(token),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let etag = response.headers()["etag"].to_str().unwrap().to_owned();
    (response.json().await.unwrap(), etag)
}

async fn replace(
    app: &TestApp,
    id: &str,
    token: &str,
    if_match: Option<&str>,
    body: &Value,
) -> Response {
    let mut request = app
        .presenter(
            Method::PUT,
            &format!("/presentations/{id}/deck"),
            Some(token),
        )
        .json(body);
    if let Some(tag) = if_match {
        request = request.header("If-Match", tag);
    }
    request.send().await.unwrap()
}

/// The deck as `PUT` takes it, from the deck as `GET` gives it.
fn revision_of(deck: &Value) -> Value {
    json!({"polls": deck["polls"].as_array().unwrap().iter().map(|p| json!({
        "poll_id": p["poll_id"], "question": p["question"], "options": p["options"],
    })).collect::<Vec<_>>()})
}

#[tokio::test]
async fn an_editor_replaces_the_deck_only_from_the_revision_it_read() {
    let app = spawn_app().await;
    let created = app.create_deck(2).await;
    let (deck, etag) = read(&app, &created.id, &created.token).await;
    assert_eq!(etag, "\"1\"");
    assert_eq!(deck["revision"], 1);

    let mut body = revision_of(&deck);
    body["polls"][0]["question"] = json!("Question zero, fixed?");
    body["polls"][0]["options"][1]["value"] = json!("Bravissimo");
    body["polls"][0]["notes"] = json!("Thank the sponsor");
    // Without If-Match, or with `*`, nothing is replaced unseen.
    for tag in [None, Some("*"), Some("1"), Some("W/\"1\"")] {
        let refused = replace(&app, &created.id, &created.token, tag, &body).await;
        let problem = assert_problem(refused, StatusCode::PRECONDITION_REQUIRED).await;
        assert_eq!(problem["code"], "if_match_required", "{tag:?}");
    }
    // Without the presenter's token, nothing either.
    let anonymous = app
        .request(Method::PUT, &format!("/presentations/{}/deck", created.id))
        .header("If-Match", "\"1\"")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_problem(anonymous, StatusCode::UNAUTHORIZED).await;

    let stored = replace(&app, &created.id, &created.token, Some("\"1\""), &body).await;
    assert_eq!(stored.status(), StatusCode::OK);
    assert_eq!(stored.headers()["etag"], "\"2\"");
    let stored: Value = stored.json().await.unwrap();
    assert_eq!(stored["revision"], 2);
    let edits: Vec<&str> = stored["edits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["what"].as_str().unwrap())
        .collect();
    assert_eq!(edits, ["question", "option_text", "notes"]);
    // The audience's read shows the edit at once (the poll is on screen).
    let public = app
        .get_json(&format!("/presentations/{}", created.id))
        .await;
    assert_eq!(public["polls"][0]["question"], "Question zero, fixed?");
    assert_eq!(public["polls"][0]["options"][1]["value"], "Bravissimo");
    assert!(
        public["polls"][0].get("notes").is_none(),
        "notes stay private"
    );

    // A second editor who read revision 1 is told the deck moved on, and
    // the deck keeps the first editor's revision.
    let mut theirs = revision_of(&deck);
    theirs["polls"][1]["question"] = json!("Someone else's edit?");
    let refused = replace(&app, &created.id, &created.token, Some("\"1\""), &theirs).await;
    let problem = assert_problem(refused, StatusCode::PRECONDITION_FAILED).await;
    assert_eq!(problem["code"], "deck_changed");
    assert_eq!(problem["current_revision"], 2);
    let (now, _) = read(&app, &created.id, &created.token).await;
    assert_eq!(now["polls"][1]["question"], "Question 1?");
    assert_eq!(now["polls"][0]["notes"], "Thank the sponsor");

    // The record of edits.
    let history: Value = app
        .presenter(
            Method::GET,
            &format!("/presentations/{}/deck/edits", created.id),
            Some(&created.token),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let history = history["edits"].as_array().unwrap();
    assert_eq!(history.len(), 3);
    assert_eq!(history[1]["revision"], 2);
    assert_eq!(history[1]["option"], "B");
    assert_eq!(history[1]["before"], "Bravo");
    assert_eq!(history[1]["after"], "Bravissimo");
}

#[tokio::test]
async fn bad_revisions_get_a_clear_problem_and_change_nothing() {
    let app = spawn_app().await;
    let created = app.create_deck(2).await;
    let (deck, _) = read(&app, &created.id, &created.token).await;
    let cases = [
        (
            json!({"polls": []}),
            StatusCode::BAD_REQUEST,
            "invalid_presentation",
        ),
        (
            json!({"polls": [{"question": " ", "options": []}]}),
            StatusCode::BAD_REQUEST,
            "invalid_text",
        ),
        (
            json!({"polls": "no"}),
            StatusCode::BAD_REQUEST,
            "invalid_body",
        ),
        (
            json!({"polls": [{"poll_id": Uuid::new_v4(), "question": "Q?", "options": [{"key": "A", "value": "a"}]}]}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "unknown_poll",
        ),
        // The poll on screen left out.
        (
            json!({"polls": [revision_of(&deck)["polls"][1]]}),
            StatusCode::CONFLICT,
            "poll_on_screen",
        ),
    ];
    for (body, status, code) in cases {
        let refused = replace(&app, &created.id, &created.token, Some("\"1\""), &body).await;
        let problem = assert_problem(refused, status).await;
        assert_eq!(problem["code"], code, "{body}");
    }
    let (after, etag) = read(&app, &created.id, &created.token).await;
    assert_eq!((after, etag), (deck, "\"1\"".to_owned()));
}

/// The rules that keep counts true, on one intake with two processes:
/// votes come in through both; removing an option of the poll on screen
/// is refused while its round has votes, and goes through with
/// `reset_round`, after which the removed option takes no vote and the
/// earlier votes stay in round 1. Counters, tallies and rows agree.
async fn counts_stay_true(app: &TestApp, second: &str) {
    let created = app.create_deck(2).await;
    let poll = created.poll_ids[0].clone();
    let bases = [app.address.clone(), second.to_owned()];
    let vote = |base: &str, key: &str| {
        let url = format!("{base}/presentations/{}/polls/current/votes", created.id);
        let body = json!({"key": key, "client_id": Uuid::new_v4(), "poll_id": poll});
        let client = app.client.clone();
        async move { client.post(url).json(&body).send().await.unwrap().status() }
    };
    for (i, key) in ["A", "B", "C", "C"].iter().enumerate() {
        assert_eq!(vote(&bases[i % 2], key).await, StatusCode::NO_CONTENT);
    }
    let (deck, _) = read(app, &created.id, &created.token).await;
    let mut body = revision_of(&deck);
    body["polls"][0]["options"]
        .as_array_mut()
        .unwrap()
        .truncate(2);
    let refused = replace(app, &created.id, &created.token, Some("\"1\""), &body).await;
    let problem = assert_problem(refused, StatusCode::CONFLICT).await;
    assert_eq!(problem["code"], "poll_has_votes");
    assert_eq!(
        (
            &problem["slide"],
            &problem["edit"],
            &problem["option"],
            &problem["poll_id"]
        ),
        (
            &json!(1),
            &json!("option_removed"),
            &json!("C"),
            &json!(poll)
        )
    );
    let (unchanged, _) = read(app, &created.id, &created.token).await;
    assert_eq!(unchanged, deck, "a refused edit leaves the deck unchanged");
    // A question typo on the same poll is fine with votes in.
    let mut typo = revision_of(&deck);
    typo["polls"][0]["question"] = json!("Question 0, typo fixed?");
    let fixed = replace(app, &created.id, &created.token, Some("\"1\""), &typo).await;
    assert_eq!(fixed.status(), StatusCode::OK);
    let (deck, _) = read(app, &created.id, &created.token).await;
    let mut body = revision_of(&deck);
    body["polls"][0]["options"]
        .as_array_mut()
        .unwrap()
        .truncate(2);
    body["polls"][0]["reset_round"] = json!(true);
    let stored = replace(app, &created.id, &created.token, Some("\"2\""), &body).await;
    assert_eq!(stored.status(), StatusCode::OK);
    let stored: Value = stored.json().await.unwrap();
    assert_eq!(stored["polls"][0]["round"], 2);
    // Both processes refuse the removed option at once, and count the rest.
    for base in &bases {
        assert_eq!(vote(base, "C").await, StatusCode::BAD_REQUEST, "{base}");
        assert_eq!(vote(base, "A").await, StatusCode::NO_CONTENT, "{base}");
    }
    assert_agreement(app, &created.id, 6).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn counts_stay_true_through_live_edits_on_the_direct_path() {
    let app = spawn_open_app().await;
    let second = start_server(&app.db.url(), true).await;
    counts_stay_true(&app, &second.address).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn counts_stay_true_through_live_edits_on_the_redis_path() {
    let app = spawn_redis_app().await;
    let second = app.peer().await;
    counts_stay_true(&app, &second.address).await;
}

/// Votes on two processes race a live edit that removes an option of a
/// multiple-choice poll (with `reset_round`). Each vote is counted once, in
/// one round, or refused: none holding the removed option is counted in
/// the new round, however stale a process's copy of the poll was when it
/// checked the vote. Counters, tallies and rows agree.
async fn votes_racing_an_edit(app: &TestApp, second: &str) {
    let body = json!({"polls": [{
        "question": "Which?", "type": "multiple", "max_choices": 2,
        "options": [{"key": "A", "value": "a"}, {"key": "B", "value": "b"}, {"key": "C", "value": "c"}],
    }]});
    let created = crate::common::create_presentation(&app.client, &app.address, &body).await;
    let poll = created.poll_ids[0].clone();
    let bases = [app.address.clone(), second.to_owned()];
    let send = {
        let (id, poll, client) = (created.id.clone(), poll.clone(), app.client.clone());
        move |voter: Uuid, base: String, keys: Value| {
            let url = format!("{base}/presentations/{id}/polls/current/votes");
            let body = json!({"keys": keys, "client_id": voter, "poll_id": poll});
            let client = client.clone();
            async move {
                (
                    voter,
                    client.post(url).json(&body).send().await.unwrap().status(),
                )
            }
        }
    };
    let (deck, _) = read(app, &created.id, &created.token).await;
    let mut edit = revision_of(&deck);
    edit["polls"][0]["type"] = json!("multiple");
    edit["polls"][0]["max_choices"] = json!(2);
    edit["polls"][0]["options"]
        .as_array_mut()
        .unwrap()
        .truncate(2);
    edit["polls"][0]["reset_round"] = json!(true);
    // Two voters, one per process, vote without pause (every other vote
    // holds C) from before the edit until ten more after it: the edit
    // falls inside the votes whatever the machine's speed.
    let edited = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let acknowledged = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let voters: Vec<_> = bases
        .iter()
        .map(|base| {
            let (base, edited, acknowledged) = (base.clone(), edited.clone(), acknowledged.clone());
            let send = send.clone();
            tokio::spawn(async move {
                let mut outcomes = Vec::new();
                let mut after = 0;
                for i in 0usize.. {
                    let keys = if i % 2 == 0 {
                        json!(["A", "C"])
                    } else {
                        json!(["B"])
                    };
                    let was_edited = edited.load(std::sync::atomic::Ordering::Acquire);
                    let (voter, status) = send(Uuid::new_v4(), base.clone(), keys).await;
                    if status == StatusCode::NO_CONTENT {
                        acknowledged.fetch_add(1, std::sync::atomic::Ordering::AcqRel);
                    }
                    outcomes.push((voter, status));
                    after += usize::from(was_edited);
                    if after >= 10 {
                        break;
                    }
                }
                outcomes
            })
        })
        .collect();
    for _ in 0..800 {
        if acknowledged.load(std::sync::atomic::Ordering::Acquire) >= 10 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    assert!(
        acknowledged.load(std::sync::atomic::Ordering::Acquire) >= 10,
        "votes before the edit"
    );
    let stored = replace(app, &created.id, &created.token, Some("\"1\""), &edit).await;
    assert_eq!(stored.status(), StatusCode::OK);
    edited.store(true, std::sync::atomic::Ordering::Release);
    let mut counted = 0;
    let mut refused = 0;
    for task in voters {
        for (voter, status) in task.await.unwrap() {
            assert!(
                [StatusCode::NO_CONTENT, StatusCode::BAD_REQUEST].contains(&status),
                "{voter}: {status}"
            );
            counted += usize::from(status == StatusCode::NO_CONTENT);
            refused += usize::from(status == StatusCode::BAD_REQUEST);
        }
    }
    // Votes holding C after the edit are refused (each voter sends ten).
    assert!(refused >= 5, "{counted} counted, {refused} refused");
    // Everyone votes once more on what the poll now holds.
    for i in 0..10 {
        let (voter, status) = send(Uuid::new_v4(), bases[i % 2].clone(), json!(["A", "B"])).await;
        assert_eq!(status, StatusCode::NO_CONTENT, "{voter}");
        counted += 1;
    }
    // No vote in round 2 holds C.
    let client = app.db.client().await;
    let rows = client
        .query(
            "SELECT round, choice FROM votes WHERE poll_id = $1::text::uuid",
            &[&poll],
        )
        .await
        .unwrap();
    for _ in 0..200 {
        let flushed = client
            .query_one(
                "SELECT count(*) FROM votes WHERE poll_id = $1::text::uuid",
                &[&poll],
            )
            .await
            .unwrap()
            .get::<_, i64>(0);
        if flushed == counted as i64 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    let rows = if rows.len() == counted {
        rows
    } else {
        client
            .query(
                "SELECT round, choice FROM votes WHERE poll_id = $1::text::uuid",
                &[&poll],
            )
            .await
            .unwrap()
    };
    assert_eq!(rows.len(), counted);
    for row in &rows {
        let (round, choice): (i32, Option<String>) = (row.get(0), row.get(1));
        let marks: Vec<&str> = choice.as_deref().unwrap_or("").split('\u{1e}').collect();
        assert!(
            round == 1 || !marks.contains(&"C"),
            "a vote holding C counted in round {round}: {choice:?}"
        );
    }
    assert_agreement(app, &created.id, counted).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn votes_racing_a_live_edit_count_once_on_the_direct_path() {
    let app = spawn_open_app().await;
    let second = start_server(&app.db.url(), true).await;
    votes_racing_an_edit(&app, &second.address).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn votes_racing_a_live_edit_count_once_on_the_redis_path() {
    let app = spawn_redis_app().await;
    let second = app.peer().await;
    votes_racing_an_edit(&app, &second.address).await;
}

#[tokio::test]
async fn the_editor_reads_a_quiz_s_answer_the_public_does_not() {
    let app = spawn_app().await;
    let body = json!({"polls": [{"question": "2+2?", "type": "quiz",
        "options": [{"key": "A", "value": "3"}, {"key": "B", "value": "4"}], "correct": ["B"]}]});
    let created = crate::common::create_presentation(&app.client, &app.address, &body).await;
    let (deck, _) = read(&app, &created.id, &created.token).await;
    assert_eq!(deck["polls"][0]["correct"], json!(["B"]));
    let public = app
        .get_json(&format!("/presentations/{}", created.id))
        .await;
    assert!(public["polls"][0].get("correct").is_none(), "{public}");
    // Sent back as read, it changes nothing.
    let mut same = revision_of(&deck);
    same["polls"][0]["type"] = json!("quiz");
    same["polls"][0]["correct"] = json!(["B"]);
    let saved: Value = replace(&app, &created.id, &created.token, Some("\"1\""), &same)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(saved["edits"], json!([]), "{saved}");
}

#[tokio::test]
async fn a_whole_deck_of_the_largest_size_is_taken() {
    let app = spawn_app().await;
    // 200 polls with 1,000-character questions: well over the small body
    // limit votes have.
    let question = "Q".repeat(999) + "?";
    let body = json!({"polls": (0..200).map(|i| json!({
        "question": format!("{i} {question}").chars().take(1000).collect::<String>(),
        "options": [{"key": "A", "value": "a"}, {"key": "B", "value": "b"}],
    })).collect::<Vec<_>>()});
    let created = crate::common::create_presentation(&app.client, &app.address, &body).await;
    let (deck, _) = read(&app, &created.id, &created.token).await;
    let mut edited = revision_of(&deck);
    edited["polls"][199]["question"] = json!("The last one, edited?");
    let response = replace(&app, &created.id, &created.token, Some("\"1\""), &edited).await;
    assert_eq!(response.status(), StatusCode::OK);
    let saved: Value = response.json().await.unwrap();
    assert_eq!(saved["polls"][199]["question"], "The last one, edited?");
}
