//! Poll types over HTTP (`poll-types.md`), on the direct Postgres path and
//! on the Redis spike path: creation with settings, each type's votes and
//! results, the malformed votes of the contract (400 `invalid_vote`),
//! identical re-votes, changes and retractions.

use crate::helpers::{assert_problem, spawn_app, spawn_redis_app, Created, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use uuid::Uuid;

async fn create(app: &TestApp, polls: Value) -> Created {
    crate::common::create_presentation(&app.client, &app.address, &json!({ "polls": polls })).await
}

fn abc() -> Value {
    json!([{"key": "A", "value": "Alpha"}, {"key": "B", "value": "Bravo"}, {"key": "C", "value": "Charlie"}])
}

/// One poll of each votable type, in this order.
fn every_type(allow_change: bool) -> Value {
    json!([
        {"question": "Multiple?", "type": "multiple", "options": abc(), "max_choices": 2, "allow_change": allow_change},
        {"question": "Scale?", "type": "scale", "options": abc(), "scale": {"min": 1, "max": 5, "min_label": "no", "max_label": "yes"}, "allow_change": allow_change},
        {"question": "Ranking?", "type": "ranking", "options": abc(), "allow_change": allow_change},
        {"question": "Points?", "type": "points", "options": abc(), "allow_change": allow_change},
        {"question": "Words?", "type": "wordcloud", "allow_change": allow_change},
        {"question": "Open?", "type": "open", "max_length": 20, "allow_change": allow_change},
        {"question": "Quiz?", "type": "quiz", "options": abc(), "correct": ["B"], "allow_change": allow_change},
    ])
}

async fn vote(
    app: &TestApp,
    deck: &Created,
    poll: usize,
    client: Uuid,
    vote: Value,
) -> reqwest::Response {
    let mut body = vote;
    body["client_id"] = json!(client);
    body["poll_id"] = json!(deck.poll_ids[poll]);
    app.request(
        Method::POST,
        &format!("/presentations/{}/polls/current/votes", deck.id),
    )
    .json(&body)
    .send()
    .await
    .unwrap()
}

async fn retract(app: &TestApp, deck: &Created, poll: usize, client: Uuid) -> reqwest::Response {
    app.request(
        Method::DELETE,
        &format!("/presentations/{}/polls/current/votes", deck.id),
    )
    .json(&json!({"client_id": client, "poll_id": deck.poll_ids[poll]}))
    .send()
    .await
    .unwrap()
}

pub(crate) async fn go_to(app: &TestApp, deck: &Created, index: usize) {
    let response = app
        .presenter(
            Method::PUT,
            &format!("/presentations/{}/polls/current/index", deck.id),
            Some(&deck.token),
        )
        .json(&json!({ "index": index }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}

/// GETs `path` as the presenter until `done` holds, for at most 5 s (reads
/// of Postgres on the Redis path wait for a flush); returns the last body.
pub(crate) async fn presenter_until(
    app: &TestApp,
    deck: &Created,
    path: &str,
    done: impl Fn(&Value) -> bool,
) -> Value {
    let mut body = Value::Null;
    for _ in 0..200 {
        body = app
            .presenter(Method::GET, path, Some(&deck.token))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        if done(&body) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    body
}

pub(crate) async fn results(app: &TestApp, deck: &Created, poll: usize) -> Value {
    let response = app
        .presenter(
            Method::GET,
            &format!(
                "/presentations/{}/polls/{}/results",
                deck.id, deck.poll_ids[poll]
            ),
            Some(&deck.token),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

/// Per type: a valid vote, a different one, what the results then show,
/// and the malformed votes the contract names.
fn cases() -> Vec<(Value, Value, Vec<Value>)> {
    vec![
        (
            json!({"keys": ["A", "C"]}),
            json!({"keys": ["B"]}),
            vec![
                json!({"key": "A"}),
                json!({"keys": []}),
                json!({"keys": ["A", "B", "C"]}),
                json!({"keys": ["A", "A"]}),
                json!({"keys": ["Z"]}),
                json!({"keys": "A"}),
            ],
        ),
        (
            json!({"ratings": {"A": 4, "B": 2}}),
            json!({"ratings": {"A": 5}}),
            vec![
                json!({"ratings": {"A": 6}}),
                json!({"ratings": {"A": 0}}),
                json!({"ratings": {"Z": 3}}),
                json!({"ratings": {}}),
                json!({"ratings": {"A": 2.5}}),
                json!({"keys": ["A"]}),
            ],
        ),
        (
            json!({"ranking": ["B", "A", "C"]}),
            json!({"ranking": ["C", "B", "A"]}),
            vec![
                json!({"ranking": ["A", "B"]}),
                json!({"ranking": ["A", "B", "B"]}),
                json!({"ranking": ["A", "B", "Z"]}),
            ],
        ),
        (
            json!({"points": {"A": 60, "C": 40}}),
            json!({"points": {"B": 100}}),
            vec![
                json!({"points": {"A": 60, "B": 41}}),
                json!({"points": {"A": -1, "B": 10}}),
                json!({"points": {"A": 0}}),
                json!({"points": {"Z": 5}}),
            ],
        ),
        (
            json!({"words": ["Coffee", "tea"]}),
            json!({"words": ["water"]}),
            vec![
                json!({"words": []}),
                json!({"words": ["a", "b", "c", "d"]}),
                json!({"words": ["   "]}),
                json!({"words": ["!!!"]}),
                json!({"words": ["x".repeat(26)]}),
                json!({"text": "tea"}),
            ],
        ),
        (
            json!({"text": "More breaks"}),
            json!({"text": "Fewer slides"}),
            vec![
                json!({"text": "x".repeat(21)}),
                json!({"text": "  "}),
                json!({"words": ["a"]}),
                json!({"text": 5}),
            ],
        ),
        (
            json!({"key": "B"}),
            json!({"key": "A"}),
            vec![
                json!({"keys": ["B"]}),
                json!({"key": "Z"}),
                json!({"key": "B", "keys": ["B"]}),
            ],
        ),
    ]
}

async fn every_type_takes_its_votes_and_refuses_malformed_ones(app: TestApp) {
    let deck = create(&app, every_type(false)).await;
    for (index, (first, second, malformed)) in cases().into_iter().enumerate() {
        go_to(&app, &deck, index).await;
        let voter = Uuid::new_v4();
        for bad in malformed {
            let problem = assert_problem(
                vote(&app, &deck, index, voter, bad.clone()).await,
                StatusCode::BAD_REQUEST,
            )
            .await;
            assert_eq!(
                problem["code"], "invalid_vote",
                "poll {index}: {bad} -> {problem}"
            );
        }
        for _ in 0..2 {
            let response = vote(&app, &deck, index, voter, first.clone()).await;
            let status = response.status();
            let text = response.text().await.unwrap();
            assert_eq!(
                status,
                StatusCode::NO_CONTENT,
                "poll {index}: {first} -> {text}"
            );
        }
        let problem = assert_problem(
            vote(&app, &deck, index, voter, second.clone()).await,
            StatusCode::CONFLICT,
        )
        .await;
        assert_eq!(problem["code"], "already_voted");
        let problem = assert_problem(
            retract(&app, &deck, index, voter).await,
            StatusCode::CONFLICT,
        )
        .await;
        assert_eq!(problem["code"], "already_voted");
        let response = vote(&app, &deck, index, Uuid::new_v4(), second).await;
        assert_eq!(response.status(), StatusCode::NO_CONTENT);
        let shown = results(&app, &deck, index).await;
        assert_eq!(shown["participants"], 2, "poll {index}: {shown}");
        assert_eq!(shown["round"], 1);
    }

    let by_type: Vec<Value> = {
        let mut all = Vec::new();
        for index in 0..deck.poll_ids.len() {
            all.push(results(&app, &deck, index).await);
        }
        all
    };
    let kinds: Vec<&str> = by_type
        .iter()
        .map(|r| r["type"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "multiple",
            "scale",
            "ranking",
            "points",
            "wordcloud",
            "open",
            "quiz"
        ]
    );
    let votes = |r: &Value| -> Vec<u64> {
        r["options"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["votes"].as_u64().unwrap())
            .collect()
    };
    assert_eq!(votes(&by_type[0]), [1, 1, 1]);
    assert_eq!(by_type[0]["total_votes"], 3);
    let scale_a = &by_type[1]["options"][0];
    assert_eq!(
        (scale_a["count"].as_u64(), scale_a["mean"].as_f64()),
        (Some(2), Some(4.5))
    );
    assert_eq!(scale_a["distribution"], json!({"4": 1, "5": 1}));
    // Ranking: B A C and C B A over three options: B 2 + 1, C 0 + 2, A 1 + 0.
    let borda: Vec<(String, u64)> = by_type[2]["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["key"].as_str().unwrap().to_owned(),
                o["borda"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        borda,
        [
            ("B".to_owned(), 3),
            ("C".to_owned(), 2),
            ("A".to_owned(), 1)
        ]
    );
    let points: Vec<u64> = by_type[3]["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["points"].as_u64().unwrap())
        .collect();
    assert_eq!(points, [60, 100, 40]);
    let words: Vec<(&str, u64)> = by_type[4]["words"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| (w["word"].as_str().unwrap(), w["count"].as_u64().unwrap()))
        .collect();
    assert_eq!(words, [("Coffee", 1), ("tea", 1), ("water", 1)]);
    let mut texts: Vec<&str> = by_type[5]["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["text"].as_str().unwrap())
        .collect();
    texts.sort_unstable();
    assert_eq!(texts, ["Fewer slides", "More breaks"]);
    assert_eq!(by_type[6]["correct"], json!(["B"]));
    assert_eq!(votes(&by_type[6]), [1, 1, 0]);
    // Flushed (on the Redis path): live counters, stored counters and vote
    // rows agree, two rows per poll.
    crate::races::assert_agreement(&app, &deck.id, 2 * deck.poll_ids.len()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_type_takes_its_votes_and_refuses_malformed_ones_on_postgres() {
    every_type_takes_its_votes_and_refuses_malformed_ones(spawn_app().await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_type_takes_its_votes_and_refuses_malformed_ones_on_redis() {
    every_type_takes_its_votes_and_refuses_malformed_ones(spawn_redis_app().await).await;
}

async fn votes_change_and_retract_where_the_poll_allows_it(app: TestApp) {
    let deck = create(&app, every_type(true)).await;
    for (index, (first, second, _)) in cases().into_iter().enumerate() {
        go_to(&app, &deck, index).await;
        let voter = Uuid::new_v4();
        for body in [&first, &second, &second, &first] {
            let response = vote(&app, &deck, index, voter, body.clone()).await;
            assert_eq!(
                response.status(),
                StatusCode::NO_CONTENT,
                "poll {index}: {body}"
            );
        }
        let changed = results(&app, &deck, index).await;
        assert_eq!(changed["participants"], 1, "poll {index}: {changed}");
        for _ in 0..2 {
            let response = retract(&app, &deck, index, voter).await;
            assert_eq!(response.status(), StatusCode::NO_CONTENT);
        }
        let retracted = results(&app, &deck, index).await;
        assert_eq!(retracted["participants"], 0, "poll {index}: {retracted}");
        if let Some(options) = retracted["options"].as_array() {
            for option in options {
                for count in ["votes", "count", "borda", "points"] {
                    if let Some(n) = option[count].as_u64() {
                        assert_eq!(n, 0, "poll {index}: {retracted}");
                    }
                }
            }
        }
        for list in ["words", "entries"] {
            if let Some(items) = retracted[list].as_array() {
                assert!(items.is_empty(), "poll {index}: {retracted}");
            }
        }
    }
    // Every vote retracted: no row holds a choice, and no counter is left.
    crate::races::assert_agreement(&app, &deck.id, 0).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn votes_change_and_retract_where_the_poll_allows_it_on_postgres() {
    votes_change_and_retract_where_the_poll_allows_it(spawn_app().await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn votes_change_and_retract_where_the_poll_allows_it_on_redis() {
    votes_change_and_retract_where_the_poll_allows_it(spawn_redis_app().await).await;
}

#[tokio::test]
async fn typed_polls_show_their_settings_and_v4_polls_stay_exact() {
    let app = spawn_app().await;
    let deck = create(
        &app,
        json!([
            {"question": "Plain?", "options": abc()},
            {"question": "Quiz?", "type": "quiz", "options": abc(), "correct": ["B"], "time_limit_secs": 20},
            {"question": "Words?", "type": "wordcloud"},
        ]),
    )
    .await;
    let shown = app.get_json(&format!("/presentations/{}", deck.id)).await;
    let plain = shown["polls"][0].as_object().unwrap();
    let mut fields: Vec<&str> = plain.keys().map(String::as_str).collect();
    fields.sort_unstable();
    assert_eq!(fields, ["options", "poll_id", "question"]);
    let quiz = &shown["polls"][1];
    assert_eq!(
        (quiz["type"].as_str(), quiz["points"].as_u64()),
        (Some("quiz"), Some(1000))
    );
    assert_eq!(quiz["time_limit_secs"], 20);
    assert!(quiz["correct"].is_null(), "the answer is not shown: {quiz}");
    let words = &shown["polls"][2];
    assert_eq!(
        (words["max_entries"].as_u64(), words["max_length"].as_u64()),
        (Some(3), Some(25))
    );
    assert_eq!(words["options"], json!([]));
}

#[tokio::test]
async fn settings_that_do_not_fit_the_type_are_400() {
    let app = spawn_app().await;
    for poll in [
        json!({"question": "Q?", "type": "quiz", "options": abc(), "correct": ["Z"]}),
        json!({"question": "Q?", "type": "quiz", "options": abc()}),
        json!({"question": "Q?", "type": "multiple", "options": abc(), "min_choices": 3, "max_choices": 2}),
        json!({"question": "Q?", "type": "scale", "options": abc(), "scale": {"min": 5, "max": 5}}),
        json!({"question": "Q?", "type": "wordcloud", "options": abc()}),
        json!({"question": "Q?", "type": "ranking"}),
        json!({"question": "Q?", "type": "poll"}),
        json!({"question": "Q?", "options": abc(), "points_budget": 10}),
        json!({"question": "Q?", "type": "qa", "allow_change": true}),
        json!({"question": "Q?", "type": "qa", "options": abc()}),
        json!({"question": "Q?", "options": abc(), "moderated": true}),
    ] {
        let response = app.create(&json!({ "polls": [poll.clone()] })).await;
        let problem = assert_problem(response, StatusCode::BAD_REQUEST).await;
        assert_eq!(problem["code"], "invalid_poll", "{poll} -> {problem}");
        assert!(!problem["detail"].as_str().unwrap().is_empty());
    }
}

async fn timer(
    app: &TestApp,
    deck: &Created,
    token: Option<&str>,
    seconds: u64,
) -> reqwest::Response {
    app.presenter(
        Method::POST,
        &format!("/presentations/{}/polls/current/timer", deck.id),
        token,
    )
    .json(&json!({ "seconds": seconds }))
    .send()
    .await
    .unwrap()
}

/// The deadline is the server's (Postgres sets it, Redis's clock enforces
/// it): a vote on another process after it runs out is refused too, and
/// the live state carries the deadline.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_timer_closes_voting_on_every_process() {
    use futures_util::StreamExt as _;
    let app = spawn_redis_app().await;
    let other = app.peer().await;
    let deck = create(&app, json!([{"question": "Q?", "options": abc()}])).await;
    let problem = assert_problem(
        timer(&app, &deck, Some(&deck.token), 86_401).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(problem["code"], "invalid_timer");

    let started: Value = timer(&app, &deck, Some(&deck.token), 1)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(started["voting_open"], true);
    let left = started["ms_left"].as_u64().unwrap();
    assert!((1..=1_000).contains(&left), "{started}");
    let mut phone =
        crate::live::connect_to(&other.address, &format!("/presentations/{}/live", deck.id)).await;
    let state: Value = loop {
        let frame = phone.next().await.unwrap().unwrap();
        if let tokio_tungstenite::tungstenite::Message::Text(text) = frame {
            break serde_json::from_str(&text).unwrap();
        }
    };
    assert_eq!(state["deadline_ms"], started["deadline_ms"], "{state}");

    let vote_on = |address: &str, client: Uuid| {
        let url = format!("{address}/presentations/{}/polls/current/votes", deck.id);
        let body = json!({"key": "A", "client_id": client, "poll_id": deck.poll_ids[0]});
        app.client.post(url).json(&body).send()
    };
    assert_eq!(
        vote_on(&other.address, Uuid::new_v4())
            .await
            .unwrap()
            .status(),
        StatusCode::NO_CONTENT
    );
    tokio::time::sleep(std::time::Duration::from_millis(1_200)).await;
    for address in [&other.address, &app.address] {
        let problem = assert_problem(
            vote_on(address, Uuid::new_v4()).await.unwrap(),
            StatusCode::CONFLICT,
        )
        .await;
        assert_eq!(problem["code"], "voting_closed");
    }
    // Stopping the timer opens voting again.
    let stopped: Value = timer(&app, &deck, Some(&deck.token), 0)
        .await
        .json()
        .await
        .unwrap();
    assert!(stopped["deadline_ms"].is_null(), "{stopped}");
    assert_eq!(
        vote_on(&other.address, Uuid::new_v4())
            .await
            .unwrap()
            .status(),
        StatusCode::NO_CONTENT
    );
}

async fn rounds_are_counted_apart(app: TestApp) {
    let deck = create(&app, json!([{"question": "Q?", "options": abc()}])).await;
    let voter = Uuid::new_v4();
    for (who, key) in [(voter, "A"), (Uuid::new_v4(), "A"), (Uuid::new_v4(), "C")] {
        let response = vote(&app, &deck, 0, who, json!({ "key": key })).await;
        assert_eq!(response.status(), StatusCode::NO_CONTENT);
    }
    let reset: Value = app
        .presenter(
            Method::POST,
            &format!(
                "/presentations/{}/polls/{}/reset",
                deck.id, deck.poll_ids[0]
            ),
            Some(&deck.token),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        (reset["round"].as_u64(), reset["voting_open"].as_bool()),
        (Some(2), Some(true))
    );
    // The same phone votes again in the new round.
    let response = vote(&app, &deck, 0, voter, json!({"key": "B"})).await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    let now = results(&app, &deck, 0).await;
    assert_eq!(
        (now["round"].as_u64(), now["total_votes"].as_u64()),
        (Some(2), Some(1))
    );

    let url = format!(
        "/presentations/{}/polls/{}/results?round=1",
        deck.id, deck.poll_ids[0]
    );
    // Round 1 is read from Postgres: on the Redis path, once flushed.
    let first = presenter_until(&app, &deck, &url, |r| r["total_votes"] == 3).await;
    assert_eq!(first["round"], 1, "{first}");
    let counts: Vec<u64> = first["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["votes"].as_u64().unwrap())
        .collect();
    assert_eq!(counts, [2, 0, 1], "{first}");
    let beyond = app
        .presenter(
            Method::GET,
            &url.replace("round=1", "round=3"),
            Some(&deck.token),
        )
        .send()
        .await
        .unwrap();
    assert_problem(beyond, StatusCode::NOT_FOUND).await;
    crate::races::assert_agreement(&app, &deck.id, 4).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rounds_are_counted_apart_on_postgres() {
    rounds_are_counted_apart(spawn_app().await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rounds_are_counted_apart_on_redis() {
    rounds_are_counted_apart(spawn_redis_app().await).await;
}

async fn the_leaderboard_ranks_the_faster_correct_answer_first(app: TestApp) {
    let deck = create(
        &app,
        json!([{"question": "2 + 2?", "type": "quiz", "options": abc(), "correct": ["B"], "time_limit_secs": 20}]),
    )
    .await;
    let name = |client: Uuid, name: &str| {
        app.request(
            Method::POST,
            &format!("/presentations/{}/participants", deck.id),
        )
        .json(&json!({"client_id": client, "name": name}))
        .send()
    };
    let (fast, slow, wrong) = (Uuid::new_v4(), Uuid::new_v4(), Uuid::new_v4());
    assert_eq!(
        name(fast, " Ada ").await.unwrap().status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        name(slow, "Bob").await.unwrap().status(),
        StatusCode::NO_CONTENT
    );
    for (bad, code) in [
        ("", "name_empty"),
        ("   ", "name_empty"),
        ("fuck off", "name_not_allowed"),
        (&"x".repeat(31), "name_too_long"),
        ("a\u{7}b", "name_control_character"),
    ] {
        let problem =
            assert_problem(name(wrong, bad).await.unwrap(), StatusCode::BAD_REQUEST).await;
        assert_eq!(problem["code"], code, "{bad:?}");
    }
    let unknown = app
        .request(
            Method::POST,
            &format!("/presentations/{}/participants", Uuid::new_v4()),
        )
        .json(&json!({"client_id": fast, "name": "Ada"}))
        .send()
        .await
        .unwrap();
    assert_problem(unknown, StatusCode::NOT_FOUND).await;

    for (who, key) in [(fast, "B"), (wrong, "A")] {
        assert_eq!(
            vote(&app, &deck, 0, who, json!({"key": key}))
                .await
                .status(),
            StatusCode::NO_CONTENT
        );
    }
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    assert_eq!(
        vote(&app, &deck, 0, slow, json!({"key": "B"}))
            .await
            .status(),
        StatusCode::NO_CONTENT
    );

    let url = format!("/presentations/{}/leaderboard", deck.id);
    // On the Redis path, answers count once flushed.
    let board = presenter_until(&app, &deck, &url, |b| {
        b.as_array().is_some_and(|rows| rows.len() == 3)
    })
    .await;
    let rows = board.as_array().expect("a leaderboard");
    assert_eq!(rows.len(), 3, "{board}");
    assert_eq!(
        (rows[0]["name"].as_str(), rows[0]["rank"].as_u64()),
        (Some("Ada"), Some(1))
    );
    assert_eq!(
        (rows[1]["name"].as_str(), rows[1]["rank"].as_u64()),
        (Some("Bob"), Some(2))
    );
    let (first, second) = (
        rows[0]["score"].as_u64().unwrap(),
        rows[1]["score"].as_u64().unwrap(),
    );
    assert!(first > second && second > 500 && first <= 1000, "{board}");
    assert_eq!(
        (rows[2]["score"].as_u64(), rows[2]["correct"].as_u64()),
        (Some(0), Some(0))
    );
    assert_eq!(rows[2]["rank"], 3);
    // Each phone reads its own score, without the token, as the leaderboard
    // counts it; a participant who answered nothing scores 0.
    for (who, expected) in [
        (fast, json!({"score": first, "correct": 1})),
        (slow, json!({"score": second, "correct": 1})),
        (wrong, json!({"score": 0, "correct": 0})),
        (Uuid::new_v4(), json!({"score": 0, "correct": 0})),
    ] {
        let own = app
            .request(
                Method::GET,
                &format!("/presentations/{}/participants/{who}/score", deck.id),
            )
            .send()
            .await
            .unwrap();
        assert_eq!(own.status(), StatusCode::OK);
        assert_eq!(own.json::<serde_json::Value>().await.unwrap(), expected);
    }
    let nowhere = app
        .request(
            Method::GET,
            &format!(
                "/presentations/{}/participants/{fast}/score",
                Uuid::new_v4()
            ),
        )
        .send()
        .await
        .unwrap();
    assert_problem(nowhere, StatusCode::NOT_FOUND).await;
    // The Redis app runs with the open-presenter switch; the secure default
    // needs the token.
    if app.redis.is_none() {
        let anonymous = app.request(Method::GET, &url).send().await.unwrap();
        assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_leaderboard_ranks_the_faster_correct_answer_first_on_postgres() {
    the_leaderboard_ranks_the_faster_correct_answer_first(spawn_app().await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_leaderboard_ranks_the_faster_correct_answer_first_on_redis() {
    the_leaderboard_ranks_the_faster_correct_answer_first(spawn_redis_app().await).await;
}
