//! Nothing a client sends produces a 5xx: every bad request gets its
//! documented 4xx with a problem body.

use crate::helpers::{assert_problem, deck_body, spawn_app, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use uuid::Uuid;

async fn post_raw(
    app: &TestApp,
    path: &str,
    content_type: Option<&str>,
    body: impl Into<reqwest::Body>,
) -> reqwest::Response {
    let mut r = app.client.post(app.url(path)).body(body);
    if let Some(ct) = content_type {
        r = r.header("Content-Type", ct);
    }
    r.send().await.unwrap()
}

#[tokio::test]
async fn creation_bodies_that_do_not_fit_are_400() {
    let app = spawn_app().await;
    let cases: Vec<(Value, &str)> = vec![
        (json!({}), "invalid_body"),
        (json!({"polls": []}), "invalid_presentation"),
        // Options are optional in the body (text poll types take none), so
        // a single-choice poll without them is refused as a poll.
        (json!({"polls": [{"question": "Q?"}]}), "invalid_poll"),
        (
            json!({"polls": [{"question": 7, "options": [{"key": "A", "value": "a"}]}]}),
            "invalid_body",
        ),
        (
            json!({"polls": [{"question": "Q?", "options": []}]}),
            "invalid_poll",
        ),
        (
            json!({"polls": [{"question": "  ", "options": [{"key": "A", "value": "a"}]}]}),
            "invalid_text",
        ),
        (
            json!({"polls": [{"question": "Q?", "options": [{"key": "", "value": "a"}]}]}),
            "invalid_text",
        ),
        (
            json!({"polls": [{"question": "Q?", "options": [{"key": "A", "value": "a"}, {"key": "A", "value": "b"}]}]}),
            "invalid_poll",
        ),
        (
            json!({"polls": [{"question": "Q?", "options": [{"key": "A"}]}]}),
            "invalid_body",
        ),
        (
            json!({"polls": [{"question": "Q?", "options": [{"key": "A".repeat(33), "value": "a"}]}]}),
            "invalid_text",
        ),
        (json!([1, 2]), "invalid_body"),
        (json!("polls"), "invalid_body"),
    ];
    for (body, code) in cases {
        let response = app.create(&body).await;
        let problem = assert_problem(response, StatusCode::BAD_REQUEST).await;
        assert_eq!(problem["code"], code, "{body} -> {problem}");
    }
}

#[tokio::test]
async fn malformed_empty_and_mistyped_bodies_are_rejected() {
    let app = spawn_app().await;
    let empty = post_raw(&app, "/presentations", Some("application/json"), "").await;
    assert_eq!(
        assert_problem(empty, StatusCode::BAD_REQUEST).await["code"],
        "missing_body"
    );
    let truncated = post_raw(
        &app,
        "/presentations",
        Some("application/json"),
        r#"{"polls": [{"question": "#,
    )
    .await;
    assert_eq!(
        assert_problem(truncated, StatusCode::BAD_REQUEST).await["code"],
        "malformed_json"
    );
    let not_json = post_raw(&app, "/presentations", Some("application/json"), "polls=1").await;
    assert_problem(not_json, StatusCode::BAD_REQUEST).await;
    let wrong_type = post_raw(
        &app,
        "/presentations",
        Some("text/plain"),
        deck_body(1).to_string(),
    )
    .await;
    assert_problem(wrong_type, StatusCode::UNSUPPORTED_MEDIA_TYPE).await;
    let no_type = post_raw(&app, "/presentations", None, deck_body(1).to_string()).await;
    assert_problem(no_type, StatusCode::UNSUPPORTED_MEDIA_TYPE).await;
    let form = post_raw(
        &app,
        "/presentations",
        Some("application/x-www-form-urlencoded"),
        "a=b",
    )
    .await;
    assert_problem(form, StatusCode::UNSUPPORTED_MEDIA_TYPE).await;
}

#[tokio::test]
async fn oversized_bodies_are_413() {
    let app = spawn_app().await;
    let huge = format!(
        r#"{{"polls": [{{"question": "{}", "options": []}}]}}"#,
        "x".repeat(2 * 1024 * 1024)
    );
    let response = post_raw(&app, "/presentations", Some("application/json"), huge).await;
    assert_problem(response, StatusCode::PAYLOAD_TOO_LARGE).await;

    let created = app.create_deck(1).await;
    let vote = json!({"key": "A".repeat(10_000), "client_id": Uuid::new_v4(), "poll_id": created.poll_ids[0]});
    let response = post_raw(
        &app,
        &format!("/presentations/{}/polls/current/votes", created.id),
        Some("application/json"),
        vote.to_string(),
    )
    .await;
    assert_problem(response, StatusCode::PAYLOAD_TOO_LARGE).await;
}

#[tokio::test]
async fn bad_votes_get_their_documented_status() {
    let app = spawn_app().await;
    let created = app.create_deck(2).await;
    let poll = &created.poll_ids[0];
    let path = format!("/presentations/{}/polls/current/votes", created.id);
    let client = Uuid::new_v4();
    let cases: Vec<(Value, StatusCode)> = vec![
        (json!({}), StatusCode::BAD_REQUEST),
        (
            json!({"key": "A", "client_id": client}),
            StatusCode::BAD_REQUEST,
        ),
        (
            json!({"key": 1, "client_id": client, "poll_id": poll}),
            StatusCode::BAD_REQUEST,
        ),
        (
            json!({"key": "A", "client_id": "me", "poll_id": poll}),
            StatusCode::BAD_REQUEST,
        ),
        (
            json!({"key": "A", "client_id": client, "poll_id": 5}),
            StatusCode::BAD_REQUEST,
        ),
        (
            json!({"key": "A", "client_id": client, "poll_id": poll, "weight": 100}),
            StatusCode::BAD_REQUEST,
        ),
        (
            json!({"key": "Z", "client_id": client, "poll_id": poll}),
            StatusCode::BAD_REQUEST,
        ),
        (
            json!({"key": "A", "client_id": client, "poll_id": Uuid::new_v4()}),
            StatusCode::NOT_FOUND,
        ),
        (
            json!({"key": "A", "client_id": client, "poll_id": created.poll_ids[1]}),
            StatusCode::CONFLICT,
        ),
        (json!(null), StatusCode::BAD_REQUEST),
    ];
    for (body, status) in cases {
        let response = app
            .request(Method::POST, &path)
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_problem(response, status).await;
    }
    let truncated = post_raw(&app, &path, Some("application/json"), r#"{"key": "A", "#).await;
    assert_problem(truncated, StatusCode::BAD_REQUEST).await;
    let wrong_type = post_raw(&app, &path, Some("text/plain"), "A").await;
    assert_problem(wrong_type, StatusCode::UNSUPPORTED_MEDIA_TYPE).await;
    // None of it counted.
    assert_eq!(app.results(&created, poll).await["total_votes"], 0);
}

#[tokio::test]
async fn a_closed_poll_refuses_votes_with_409() {
    let app = spawn_app().await;
    let created = app.create_deck(1).await;
    let close = app
        .presenter(
            Method::POST,
            &format!("/presentations/{}/polls/current/close", created.id),
            Some(&created.token),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(close.status(), StatusCode::OK);
    let response = app
        .vote(&created.id, &created.poll_ids[0], Uuid::new_v4(), "A")
        .await;
    let problem = assert_problem(response, StatusCode::CONFLICT).await;
    assert_eq!(problem["code"], "voting_closed");
    assert!(problem["detail"].as_str().unwrap().contains("closed"));
}

#[tokio::test]
async fn moving_outside_the_deck_is_refused() {
    let app = spawn_app().await;
    let created = app.create_deck(2).await;
    let base = format!("/presentations/{}/polls/current", created.id);
    let previous = app
        .presenter(
            Method::POST,
            &format!("{base}/previous"),
            Some(&created.token),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(
        assert_problem(previous, StatusCode::CONFLICT).await["code"],
        "at_first_poll"
    );
    let go_to = app
        .presenter(Method::PUT, &format!("{base}/index"), Some(&created.token))
        .json(&json!({"index": 2}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        assert_problem(go_to, StatusCode::BAD_REQUEST).await["code"],
        "no_such_slide"
    );
    for body in [
        json!({"index": -1}),
        json!({"index": "1"}),
        json!({"slide": 1}),
    ] {
        let r = app
            .presenter(Method::PUT, &format!("{base}/index"), Some(&created.token))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_problem(r, StatusCode::BAD_REQUEST).await;
    }
    assert_eq!(app.next(&created).await.status(), StatusCode::OK);
    let past = app.next(&created).await;
    assert_eq!(
        assert_problem(past, StatusCode::CONFLICT).await["code"],
        "no_more_polls"
    );
}

#[tokio::test]
async fn ids_that_are_not_uuids_are_404_everywhere() {
    let app = spawn_app().await;
    let created = app.create_deck(1).await;
    let paths = [
        (Method::GET, "/presentations/42".to_owned()),
        (Method::GET, "/presentations/42/polls/current".to_owned()),
        (Method::PUT, "/presentations/42/polls/current".to_owned()),
        (
            Method::POST,
            "/presentations/42/polls/current/votes".to_owned(),
        ),
        (
            Method::GET,
            format!("/presentations/{}/polls/nope/votes", created.id),
        ),
        (
            Method::GET,
            format!("/presentations/{}/polls/nope/results", created.id),
        ),
        (Method::DELETE, "/presentations/nope".to_owned()),
        (Method::GET, "/join/abcdef".to_owned()),
        (Method::GET, "/no/such/route".to_owned()),
    ];
    for (method, path) in paths {
        let r = app
            .presenter(method.clone(), &path, Some(&created.token))
            .json(&json!({"key": "A", "client_id": Uuid::new_v4(), "poll_id": created.poll_ids[0]}))
            .send()
            .await
            .unwrap();
        assert_problem(r, StatusCode::NOT_FOUND).await;
    }
}

#[tokio::test]
async fn wrong_methods_are_405_with_a_body() {
    let app = spawn_app().await;
    for (method, path) in [
        (Method::GET, "/presentations"),
        (Method::PATCH, "/presentations"),
        (Method::POST, "/ping"),
    ] {
        let r = app.request(method, path).send().await.unwrap();
        assert_problem(r, StatusCode::METHOD_NOT_ALLOWED).await;
    }
}

#[tokio::test]
async fn listing_queries_are_validated() {
    let app = spawn_app().await;
    let created = app.create_deck(1).await;
    for query in [
        "limit=0",
        "limit=101",
        "limit=x",
        "cursor=garbage",
        "sort=asc",
    ] {
        let r = app
            .presenter(
                Method::GET,
                &format!("/presenter/presentations?{query}"),
                Some(&created.token),
            )
            .send()
            .await
            .unwrap();
        assert_problem(r, StatusCode::BAD_REQUEST).await;
    }
}
