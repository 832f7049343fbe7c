//! Q&A polls and the moderation of audience text over HTTP
//! (`poll-types.md`), on the direct Postgres path and the Redis spike path:
//! questions, upvotes, the presenter's flags, the profanity filter, and
//! moderated polls holding entries until they are approved.

use crate::helpers::{assert_problem, spawn_app, spawn_redis_app, Created, TestApp};
use crate::types::results;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use uuid::Uuid;

async fn create(app: &TestApp, body: Value) -> Created {
    crate::common::create_presentation(&app.client, &app.address, &body).await
}

fn questions_path(deck: &Created, poll: usize) -> String {
    format!(
        "/presentations/{}/polls/{}/questions",
        deck.id, deck.poll_ids[poll]
    )
}

async fn ask(
    app: &TestApp,
    deck: &Created,
    poll: usize,
    who: Uuid,
    text: &str,
) -> reqwest::Response {
    app.request(Method::POST, &questions_path(deck, poll))
        .json(&json!({"client_id": who, "text": text}))
        .send()
        .await
        .unwrap()
}

async fn upvote(app: &TestApp, deck: &Created, question: &str, who: Uuid, on: bool) -> StatusCode {
    let method = if on { Method::POST } else { Method::DELETE };
    app.request(
        method,
        &format!("{}/{question}/upvote", questions_path(deck, 0)),
    )
    .json(&json!({ "client_id": who }))
    .send()
    .await
    .unwrap()
    .status()
}

async fn listed(app: &TestApp, deck: &Created, sort: &str) -> Vec<Value> {
    let response = app
        .request(
            Method::GET,
            &format!("{}?sort={sort}", questions_path(deck, 0)),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

fn texts(questions: &[Value]) -> Vec<&str> {
    questions
        .iter()
        .map(|q| q["text"].as_str().unwrap())
        .collect()
}

async fn presenter_post(app: &TestApp, path: &str, token: Option<&str>) -> StatusCode {
    app.presenter(Method::POST, path, token)
        .send()
        .await
        .unwrap()
        .status()
}

/// Questions on a Q&A poll that is not on screen; upvotes once per
/// participant; both sorts; pin, answer, hide and approve; the presenter's
/// results carry every question with `hidden`.
async fn questions_are_asked_upvoted_and_moderated(app: TestApp) {
    let deck = create(
        &app,
        json!({"polls": [
            {"question": "Ask us", "type": "qa", "max_length": 40},
            {"question": "Pick", "options": [{"key": "A", "value": "a"}]},
        ]}),
    )
    .await;
    // Not on screen: the single-choice poll is; questions are taken anyway.
    crate::types::go_to(&app, &deck, 1).await;
    let (ada, bob, cy) = (Uuid::new_v4(), Uuid::new_v4(), Uuid::new_v4());
    let mut ids = Vec::new();
    for (who, text) in [(ada, "  First?  "), (bob, "Second?"), (cy, "Third?")] {
        let response = ask(&app, &deck, 0, who, text).await;
        assert_eq!(response.status(), StatusCode::CREATED);
        let body: Value = response.json().await.unwrap();
        ids.push(body["question_id"].as_str().unwrap().to_owned());
    }
    for (text, code) in [
        ("   ", "invalid_question"),
        (&"x".repeat(41)[..], "invalid_question"),
    ] {
        let problem = assert_problem(
            ask(&app, &deck, 0, ada, text).await,
            StatusCode::BAD_REQUEST,
        )
        .await;
        assert_eq!(problem["code"], code);
    }
    let problem = assert_problem(
        ask(&app, &deck, 1, ada, "Here?").await,
        StatusCode::CONFLICT,
    )
    .await;
    assert_eq!(problem["code"], "not_a_qa_poll");

    // Third gets two upvotes (one sent twice), second one; ada withdraws
    // hers from second and sends the withdrawal again.
    for (question, who) in [(2, ada), (2, bob), (2, bob), (1, ada), (1, cy)] {
        assert_eq!(
            upvote(&app, &deck, &ids[question], who, true).await,
            StatusCode::NO_CONTENT
        );
    }
    for _ in 0..2 {
        assert_eq!(
            upvote(&app, &deck, &ids[1], ada, false).await,
            StatusCode::NO_CONTENT
        );
    }
    assert_eq!(
        upvote(&app, &deck, &Uuid::new_v4().to_string(), ada, true).await,
        StatusCode::NOT_FOUND
    );
    let top = listed(&app, &deck, "top").await;
    assert_eq!(texts(&top), ["Third?", "Second?", "First?"]);
    let upvotes: Vec<u64> = top.iter().map(|q| q["upvotes"].as_u64().unwrap()).collect();
    assert_eq!(upvotes, [2, 1, 0]);
    assert_eq!(
        texts(&listed(&app, &deck, "recent").await),
        ["Third?", "Second?", "First?"]
    );
    let problem = assert_problem(
        app.request(
            Method::GET,
            &format!("{}?sort=best", questions_path(&deck, 0)),
        )
        .send()
        .await
        .unwrap(),
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(problem["code"], "invalid_sort");

    // The presenter pins the first, answers the third, hides the second.
    let flag = |question: usize, action: &str| {
        format!("{}/{}/{action}", questions_path(&deck, 0), ids[question])
    };
    if app.redis.is_none() {
        // The Redis test app runs with the open-presenter switch.
        assert_eq!(
            presenter_post(&app, &flag(0, "pin"), None).await,
            StatusCode::UNAUTHORIZED
        );
    }
    for (question, action) in [(0, "pin"), (2, "answered"), (1, "hide")] {
        assert_eq!(
            presenter_post(&app, &flag(question, action), Some(&deck.token)).await,
            StatusCode::NO_CONTENT
        );
    }
    assert_eq!(
        presenter_post(&app, &flag(0, "promote"), Some(&deck.token)).await,
        StatusCode::NOT_FOUND
    );
    let top = listed(&app, &deck, "top").await;
    assert_eq!(texts(&top), ["First?", "Third?"]);
    assert_eq!(
        (top[0]["pinned"].clone(), top[1]["answered"].clone()),
        (json!(true), json!(true))
    );
    // The presenter still sees the hidden one, marked.
    let shown = results(&app, &deck, 0).await;
    assert_eq!(shown["type"], "qa");
    let hidden: Vec<(&str, bool)> = shown["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| (q["text"].as_str().unwrap(), q["hidden"].as_bool().unwrap()))
        .collect();
    assert_eq!(
        hidden,
        [("First?", false), ("Second?", true), ("Third?", false)]
    );
    assert_eq!(
        presenter_post(&app, &flag(1, "approve"), Some(&deck.token)).await,
        StatusCode::NO_CONTENT
    );
    assert_eq!(listed(&app, &deck, "top").await.len(), 3);
}

#[tokio::test]
async fn questions_are_asked_upvoted_and_moderated_on_postgres() {
    questions_are_asked_upvoted_and_moderated(spawn_app().await).await;
}

#[tokio::test]
async fn questions_are_asked_upvoted_and_moderated_on_redis() {
    questions_are_asked_upvoted_and_moderated(spawn_redis_app().await).await;
}

/// Presenter results of `poll` once `done` holds (the Redis path's text
/// entries are read from Postgres once flushed).
async fn results_until(
    app: &TestApp,
    deck: &Created,
    poll: usize,
    done: impl Fn(&Value) -> bool,
) -> Value {
    let path = format!(
        "/presentations/{}/polls/{}/results",
        deck.id, deck.poll_ids[poll]
    );
    crate::types::presenter_until(app, deck, &path, done).await
}

fn words(body: &Value, field: &str) -> Vec<(String, u64)> {
    body[field]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            (
                w["word"].as_str().unwrap().to_owned(),
                w["count"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// A moderated word cloud holds every word until it is approved; an
/// open-text poll under the filter holds what the filter matches, and the
/// presenter's decision wins either way.
async fn moderated_entries_wait_for_the_presenter(app: TestApp) {
    let deck = create(
        &app,
        json!({"polls": [
            {"question": "One word?", "type": "wordcloud", "moderated": true},
            {"question": "Feedback?", "type": "open"},
            {"question": "Pick", "options": [{"key": "A", "value": "a"}]},
        ]}),
    )
    .await;
    let vote = |poll: usize, body: Value| {
        let mut body = body;
        body["client_id"] = json!(Uuid::new_v4());
        body["poll_id"] = json!(deck.poll_ids[poll]);
        app.request(
            Method::POST,
            &format!("/presentations/{}/polls/current/votes", deck.id),
        )
        .json(&body)
        .send()
    };
    for list in [json!(["Coffee", "tea"]), json!(["coffee"])] {
        assert_eq!(
            vote(0, json!({ "words": list })).await.unwrap().status(),
            StatusCode::NO_CONTENT
        );
    }
    let held = results_until(&app, &deck, 0, |r| {
        r["held_words"].as_array().is_some_and(|w| w.len() == 2)
    })
    .await;
    assert!(words(&held, "words").is_empty(), "{held}");
    assert_eq!(
        words(&held, "held_words"),
        [("Coffee".to_owned(), 2), ("tea".to_owned(), 1)]
    );
    let coffee = held["held_words"][0]["entry_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let entry = |poll: usize, id: &str, action: &str| {
        format!(
            "/presentations/{}/polls/{}/entries/{id}/{action}",
            deck.id, deck.poll_ids[poll]
        )
    };
    assert_eq!(
        presenter_post(&app, &entry(0, &coffee, "approve"), Some(&deck.token)).await,
        StatusCode::NO_CONTENT
    );
    let approved = results(&app, &deck, 0).await;
    assert_eq!(words(&approved, "words"), [("Coffee".to_owned(), 2)]);
    assert_eq!(words(&approved, "held_words"), [("tea".to_owned(), 1)]);
    let problem = assert_problem(
        app.presenter(
            Method::POST,
            &entry(0, "NOT-AN-ID", "hide"),
            Some(&deck.token),
        )
        .send()
        .await
        .unwrap(),
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(problem["code"], "invalid_entry");

    // Open text, not moderated: the filter holds the profane entry only.
    crate::types::go_to(&app, &deck, 1).await;
    for text in ["More coffee breaks", "this is shit"] {
        assert_eq!(
            vote(1, json!({ "text": text })).await.unwrap().status(),
            StatusCode::NO_CONTENT
        );
    }
    let entries = results_until(&app, &deck, 1, |r| {
        r["entries"].as_array().is_some_and(|e| e.len() == 2)
    })
    .await;
    let flags = |body: &Value| -> Vec<(String, bool)> {
        let mut list: Vec<(String, bool)> = body["entries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["text"].as_str().unwrap().to_owned(),
                    e["hidden"].as_bool().unwrap(),
                )
            })
            .collect();
        list.sort();
        list
    };
    assert_eq!(
        flags(&entries),
        [
            ("More coffee breaks".to_owned(), false),
            ("this is shit".to_owned(), true)
        ]
    );
    let kind = entries["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["text"] == "More coffee breaks")
        .unwrap()["entry_id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        presenter_post(&app, &entry(1, &kind, "hide"), Some(&deck.token)).await,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        flags(&results(&app, &deck, 1).await),
        [
            ("More coffee breaks".to_owned(), true),
            ("this is shit".to_owned(), true)
        ]
    );
    // Entries live on word clouds and open text only.
    let problem = assert_problem(
        app.presenter(Method::POST, &entry(2, &kind, "hide"), Some(&deck.token))
            .send()
            .await
            .unwrap(),
        StatusCode::CONFLICT,
    )
    .await;
    assert_eq!(problem["code"], "no_entries");
}

#[tokio::test]
async fn moderated_entries_wait_for_the_presenter_on_postgres() {
    moderated_entries_wait_for_the_presenter(spawn_app().await).await;
}

#[tokio::test]
async fn moderated_entries_wait_for_the_presenter_on_redis() {
    moderated_entries_wait_for_the_presenter(spawn_redis_app().await).await;
}

/// The presentation's filter: `off` shows what `standard` holds; an
/// unknown filter is refused.
#[tokio::test]
async fn the_profanity_filter_is_set_per_presentation() {
    let app = spawn_app().await;
    let response = app
        .create(
            &json!({"profanity_filter": "lenient", "polls": [{"question": "Q?", "type": "open"}]}),
        )
        .await;
    let problem = assert_problem(response, StatusCode::BAD_REQUEST).await;
    assert_eq!(problem["code"], "invalid_presentation");
    for (filter, hidden) in [("off", false), ("standard", true), ("strict", true)] {
        let deck = create(
            &app,
            json!({"profanity_filter": filter, "polls": [{"question": "Words?", "type": "wordcloud"}]}),
        )
        .await;
        let body =
            json!({"words": ["shit"], "client_id": Uuid::new_v4(), "poll_id": deck.poll_ids[0]});
        let response = app
            .request(
                Method::POST,
                &format!("/presentations/{}/polls/current/votes", deck.id),
            )
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::NO_CONTENT);
        let shown = results(&app, &deck, 0).await;
        assert_eq!(
            words(&shown, "held_words").len(),
            usize::from(hidden),
            "{filter}: {shown}"
        );
        assert_eq!(
            words(&shown, "words").len(),
            usize::from(!hidden),
            "{filter}: {shown}"
        );
    }
}
