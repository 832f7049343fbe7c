//! What the console and the phone need from polls and submissions, over
//! HTTP with real Postgres (and Redis where the path differs): presenter
//! notes that no public read carries, Q&A questions safe against double
//! taps.

use crate::helpers::{assert_problem, spawn_app, spawn_redis_app, TestApp};
use futures_util::StreamExt as _;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use std::time::Duration;
use tokio_tungstenite::tungstenite::Message;
use uuid::Uuid;

const SECRET: &str = "NOTE-only-for-the-presenter";

/// A deck whose polls 0 and 2 carry notes (poll 2's with a newline), poll
/// 1 blank notes (none), and a Q&A poll last.
fn noted_deck() -> Value {
    json!({"polls": [
        {"question": "Pets?", "options": [{"key": "A", "value": "Cats"}, {"key": "B", "value": "Dogs"}],
         "notes": format!("{SECRET} 0")},
        {"question": "Scale?", "type": "scale", "options": [{"key": "talk", "value": "The talk"}],
         "notes": "  "},
        {"question": "Words?", "type": "wordcloud", "notes": format!("{SECRET} 2\nsecond line")},
        {"question": "Questions?", "type": "qa"},
    ]})
}

/// The first text frame of a fresh audience socket.
async fn first_live_message(app: &TestApp, path: &str) -> String {
    let mut socket = crate::live::connect(app, path).await;
    loop {
        let frame = tokio::time::timeout(Duration::from_secs(5), socket.next())
            .await
            .expect("a message in time")
            .expect("open")
            .expect("a frame");
        if let Message::Text(text) = frame {
            return text.to_string();
        }
    }
}

/// The first chunk of the audience's event stream (its state event).
async fn first_event(app: &TestApp, id: &str) -> String {
    let mut response = app
        .client
        .get(app.url(&format!("/presentations/{id}/events")))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let chunk = tokio::time::timeout(Duration::from_secs(5), response.chunk())
        .await
        .expect("an event in time")
        .unwrap()
        .expect("a chunk");
    String::from_utf8(chunk.to_vec()).unwrap()
}

/// `open`: the app runs with the compatibility switch on, under which a
/// presentation created without a token is driven without one (its notes
/// too), so only the secure app checks the token.
async fn notes_leak_nowhere_and_reach_the_presenter(app: TestApp, open: bool) {
    let deck = crate::common::create_presentation(&app.client, &app.address, &noted_deck()).await;
    let id = &deck.id;
    // Every read the audience can make, on every slide with notes.
    for slide in 0..3 {
        let mut public = vec![
            app.request(Method::GET, &format!("/presentations/{id}"))
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap(),
            app.request(Method::GET, &format!("/presentations/{id}/polls/current"))
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap(),
            app.request(Method::GET, &format!("/join/{}", deck.join_code))
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap(),
            first_live_message(&app, &format!("/presentations/{id}/live")).await,
            first_event(&app, id).await,
            app.request(
                Method::GET,
                &format!("/presentations/{id}/polls/{}/questions", deck.poll_ids[3]),
            )
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
        ];
        // The body the read showed carries the poll on screen (checked so
        // that an empty answer cannot pass).
        assert!(public[1].contains(&deck.poll_ids[slide]), "{}", public[1]);
        public.retain(|body| body.contains(SECRET) || body.contains("second line"));
        assert!(
            public.is_empty(),
            "notes leaked on slide {slide}: {public:?}"
        );
        assert_eq!(app.next(&deck).await.status(), StatusCode::OK);
    }

    let path = format!("/presentations/{id}/notes");
    let stranger = crate::common::create_deck(&app.client, &app.address, 1).await;
    if !open {
        assert_problem(
            app.presenter(Method::GET, &path, None)
                .send()
                .await
                .unwrap(),
            StatusCode::UNAUTHORIZED,
        )
        .await;
        assert_problem(
            app.presenter(Method::GET, &path, Some(&stranger.token))
                .send()
                .await
                .unwrap(),
            StatusCode::FORBIDDEN,
        )
        .await;
    }
    let response = app
        .presenter(Method::GET, &path, Some(&deck.token))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let notes: Value = response.json().await.unwrap();
    assert_eq!(
        notes,
        json!({
            deck.poll_ids[0].clone(): format!("{SECRET} 0"),
            deck.poll_ids[2].clone(): format!("{SECRET} 2\nsecond line"),
        })
    );
    let none = app
        .presenter(
            Method::GET,
            &format!("/presentations/{}/notes", stranger.id),
            Some(&stranger.token),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(none.json::<Value>().await.unwrap(), json!({}));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn notes_leak_nowhere_and_reach_the_presenter_on_the_direct_path() {
    notes_leak_nowhere_and_reach_the_presenter(spawn_app().await, false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn notes_leak_nowhere_and_reach_the_presenter_on_the_redis_path() {
    notes_leak_nowhere_and_reach_the_presenter(spawn_redis_app().await, true).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn notes_are_checked_when_the_presentation_is_created() {
    let app = spawn_app().await;
    for (notes, code) in [
        (json!("x".repeat(2001)), "invalid_text"),
        (json!("bell\u{7}"), "invalid_text"),
        (json!(42), "invalid_body"),
    ] {
        let body = json!({"polls": [{"question": "Q?", "options": [{"key": "A", "value": "a"}],
            "notes": notes}]});
        let problem = assert_problem(app.create(&body).await, StatusCode::BAD_REQUEST).await;
        assert_eq!(problem["code"], code, "{problem}");
    }
    let longest = json!({"polls": [{"question": "Q?", "options": [{"key": "A", "value": "a"}],
        "notes": "é".repeat(2000)}]});
    assert_eq!(app.create(&longest).await.status(), StatusCode::CREATED);
}

async fn ask(app: &TestApp, path: &str, body: &Value) -> reqwest::Response {
    app.request(Method::POST, path)
        .json(body)
        .send()
        .await
        .unwrap()
}

/// Two identical questions sent at once with one `submission_id` store one
/// question, and both answers are the same 201; the same key with another
/// text is a 409 `submission_reused`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_double_tapped_question_is_stored_once() {
    let app = spawn_app().await;
    let deck = crate::common::create_presentation(&app.client, &app.address, &noted_deck()).await;
    let path = format!(
        "/presentations/{}/polls/{}/questions",
        deck.id, deck.poll_ids[3]
    );
    let phone = Uuid::new_v4();
    // Five double taps, each of its own question: racing requests every
    // time, not one lucky ordering.
    let keys: Vec<Uuid> = (0..5).map(|_| Uuid::new_v4()).collect();
    for (n, key) in keys.iter().enumerate() {
        let body = json!({"client_id": phone, "text": format!("Slides shared {n}?"), "submission_id": key});
        let (first, second) = tokio::join!(ask(&app, &path, &body), ask(&app, &path, &body));
        assert_eq!(
            (first.status(), second.status()),
            (StatusCode::CREATED, StatusCode::CREATED)
        );
        let (first, second): (Value, Value) =
            (first.json().await.unwrap(), second.json().await.unwrap());
        assert_eq!(first, second);
    }
    let listed: Vec<Value> = app.get_json(&path).await.as_array().unwrap().clone();
    assert_eq!(listed.len(), 5, "{listed:?}");
    let reused = json!({"client_id": phone, "text": "Another question?", "submission_id": keys[0]});
    let problem = assert_problem(ask(&app, &path, &reused).await, StatusCode::CONFLICT).await;
    assert_eq!(problem["code"], "submission_reused");
    // Without a key, a client is as before: each request a new question.
    let plain = json!({"client_id": phone, "text": "Slides shared 0?"});
    assert_eq!(ask(&app, &path, &plain).await.status(), StatusCode::CREATED);
    assert_eq!(ask(&app, &path, &plain).await.status(), StatusCode::CREATED);
    assert_eq!(app.get_json(&path).await.as_array().unwrap().len(), 7);
}

/// `results_after_vote` is kept with the poll's settings and shown where
/// the phone reads the poll; `qa` does not take it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn results_after_vote_reaches_the_phone_with_the_poll() {
    let app = spawn_app().await;
    let body = json!({"polls": [
        {"question": "Pets?", "type": "single", "results_after_vote": true,
         "options": [{"key": "A", "value": "Cats"}, {"key": "B", "value": "Dogs"}]},
        {"question": "Word?", "type": "wordcloud"},
    ]});
    let deck = crate::common::create_presentation(&app.client, &app.address, &body).await;
    let current = app
        .get_json(&format!("/presentations/{}/polls/current", deck.id))
        .await;
    assert_eq!(current["results_after_vote"], true, "{current}");
    let joined = app.get_json(&format!("/join/{}", deck.join_code)).await;
    assert_eq!(joined["poll"]["results_after_vote"], true, "{joined}");
    let state = first_live_message(&app, &format!("/presentations/{}/live", deck.id)).await;
    let state: Value = serde_json::from_str(&state).unwrap();
    assert_eq!(state["poll"]["results_after_vote"], true, "{state}");
    // Off by default, and said so.
    assert_eq!(app.next(&deck).await.status(), StatusCode::OK);
    let cloud = app
        .get_json(&format!("/presentations/{}/polls/current", deck.id))
        .await;
    assert_eq!(cloud["results_after_vote"], false, "{cloud}");

    let qa = json!({"polls": [{"question": "Q?", "type": "qa", "results_after_vote": true}]});
    let problem = assert_problem(app.create(&qa).await, StatusCode::BAD_REQUEST).await;
    assert_eq!(problem["code"], "invalid_poll", "{problem}");
}

async fn vote(app: &TestApp, deck: &crate::helpers::Created, key: &str) {
    let response = app
        .vote(&deck.id, &deck.poll_ids[0], Uuid::new_v4(), key)
        .await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
}

/// After resets, every round is listed with its responses, and an earlier
/// round's results stay readable with `?round=N`.
async fn past_rounds_stay_readable(app: TestApp, open: bool) {
    let deck = app.create_deck(1).await;
    let poll = &deck.poll_ids[0];
    let reset = |deck: &crate::helpers::Created| {
        app.presenter(
            Method::POST,
            &format!("/presentations/{}/polls/{poll}/reset", deck.id),
            Some(&deck.token),
        )
        .send()
    };
    for key in ["A", "A", "B"] {
        vote(&app, &deck, key).await;
    }
    assert_eq!(reset(&deck).await.unwrap().status(), StatusCode::OK);
    vote(&app, &deck, "C").await;
    assert_eq!(reset(&deck).await.unwrap().status(), StatusCode::OK);

    let path = format!("/presentations/{}/polls/{poll}/rounds", deck.id);
    let rounds: Value = app
        .presenter(Method::GET, &path, Some(&deck.token))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        rounds,
        json!({"poll_id": poll, "current_round": 3, "rounds": [
            {"round": 1, "responses": 3}, {"round": 2, "responses": 1}, {"round": 3, "responses": 0}]})
    );
    let first = app
        .presenter(
            Method::GET,
            &format!("/presentations/{}/polls/{poll}/results?round=1", deck.id),
            Some(&deck.token),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(first.status(), StatusCode::OK);
    let first: Value = first.json().await.unwrap();
    let counts: Vec<(&str, u64)> = first["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (o["key"].as_str().unwrap(), o["votes"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        (first["round"].as_u64(), counts),
        (Some(1), vec![("A", 2), ("B", 1), ("C", 0)])
    );
    let unknown = format!("/presentations/{}/polls/{}/rounds", deck.id, Uuid::new_v4());
    assert_problem(
        app.presenter(Method::GET, &unknown, Some(&deck.token))
            .send()
            .await
            .unwrap(),
        StatusCode::NOT_FOUND,
    )
    .await;
    if !open {
        assert_problem(
            app.presenter(Method::GET, &path, None)
                .send()
                .await
                .unwrap(),
            StatusCode::UNAUTHORIZED,
        )
        .await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn past_rounds_stay_readable_on_the_direct_path() {
    past_rounds_stay_readable(spawn_app().await, false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn past_rounds_stay_readable_on_the_redis_path() {
    past_rounds_stay_readable(spawn_redis_app().await, true).await;
}

#[tokio::test]
async fn the_new_paths_are_in_the_openapi_document() {
    let app = spawn_app().await;
    let spec = app.get_json("/openapi.json").await;
    for path in [
        "/presentations/{presentation_id}/notes",
        "/presentations/{presentation_id}/polls/{poll_id}/rounds",
    ] {
        assert!(spec["paths"][path]["get"].is_object(), "{path} missing");
    }
    let ask = &spec["components"]["schemas"]["AskBody"]["properties"];
    assert!(ask["submission_id"].is_object(), "{ask}");
    // A flattened body is an allOf: its own fields are in one part of it.
    let poll = spec["components"]["schemas"]["NewPollBody"].to_string();
    assert!(poll.contains(r#""notes":{"#), "{poll}");
}

/// The other audience submissions that create something were safe against
/// double taps already (keyed by `client_id`): two identical word-cloud
/// entries at once count once and both answer 204, and so do two identical
/// names.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn double_tapped_entries_and_names_count_once() {
    let app = spawn_app().await;
    let body = json!({"polls": [{"question": "One word?", "type": "wordcloud"}]});
    let deck = crate::common::create_presentation(&app.client, &app.address, &body).await;
    let phone = Uuid::new_v4();
    let entry = json!({"words": ["tea"], "client_id": phone, "poll_id": deck.poll_ids[0]});
    let path = format!("/presentations/{}/polls/current/votes", deck.id);
    let (first, second) = tokio::join!(ask(&app, &path, &entry), ask(&app, &path, &entry));
    assert_eq!(
        (first.status(), second.status()),
        (StatusCode::NO_CONTENT, StatusCode::NO_CONTENT)
    );
    let results = app.results(&deck, &deck.poll_ids[0]).await;
    assert_eq!(results["participants"], 1, "{results}");
    assert_eq!(results["words"][0]["count"], 1, "{results}");

    let name = json!({"client_id": phone, "name": "Ada"});
    let path = format!("/presentations/{}/participants", deck.id);
    let (first, second) = tokio::join!(ask(&app, &path, &name), ask(&app, &path, &name));
    assert_eq!(
        (first.status(), second.status()),
        (StatusCode::NO_CONTENT, StatusCode::NO_CONTENT)
    );
}

/// The next message of `kind` on `socket` for which `wanted` holds.
async fn next_of(
    socket: &mut crate::live::Socket,
    kind: &str,
    wanted: impl Fn(&Value) -> bool,
) -> Value {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        let frame = tokio::time::timeout_at(deadline, socket.next())
            .await
            .unwrap_or_else(|_| panic!("no {kind} message as wanted within 10 s"))
            .expect("open")
            .expect("a frame");
        if let Message::Text(text) = frame {
            let message: Value = serde_json::from_str(&text).unwrap();
            if message["type"] == kind && wanted(&message) {
                return message;
            }
        }
    }
}

/// A quiz's results shown while voting is open do not tell the audience
/// the answer; once voting closes they do. The presenter's results carry
/// it throughout.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_audience_learns_a_quiz_answer_only_when_voting_closes() {
    let app = spawn_app().await;
    let body = json!({"polls": [{"question": "2 + 2?", "type": "quiz", "correct": ["B"],
        "options": [{"key": "A", "value": "3"}, {"key": "B", "value": "4"}]}]});
    let deck = crate::common::create_presentation(&app.client, &app.address, &body).await;
    let id = &deck.id;
    let post = |path: String| app.presenter(Method::POST, &path, Some(&deck.token)).send();
    let mut audience = crate::live::connect(&app, &format!("/presentations/{id}/live")).await;
    let shown = post(format!("/presentations/{id}/polls/current/results/show"))
        .await
        .unwrap();
    assert_eq!(shown.status(), StatusCode::OK);
    let poll = app
        .get_json(&format!("/presentations/{id}/polls/current"))
        .await;
    let poll_id = poll["poll_id"].as_str().unwrap();
    assert_eq!(
        app.vote(id, poll_id, Uuid::new_v4(), "A").await.status(),
        StatusCode::NO_CONTENT
    );
    let open = next_of(&mut audience, "results", |m| m["voting_open"] == true).await;
    assert!(
        open["correct"].is_null(),
        "the answer leaks while voting is open: {open}"
    );
    let presenter = app
        .presenter(
            Method::GET,
            &format!("/presentations/{id}/polls/{poll_id}/results"),
            Some(&deck.token),
        )
        .send()
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap();
    assert_eq!(presenter["correct"], json!(["B"]), "{presenter}");

    let closed = post(format!("/presentations/{id}/polls/current/close"))
        .await
        .unwrap();
    assert_eq!(closed.status(), StatusCode::OK);
    let after = next_of(&mut audience, "results", |m| m["voting_open"] == false).await;
    assert_eq!(after["correct"], json!(["B"]), "{after}");
}
