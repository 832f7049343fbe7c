//! Every presenter operation, without a token, with another presentation's
//! token and with a garbage token, is denied, and nothing changes.

use crate::helpers::SendJson as _;
use crate::helpers::{assert_problem, spawn_app, spawn_open_app, Created, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

fn presenter_operations(c: &Created) -> Vec<(Method, String, Option<Value>)> {
    let p = &c.id;
    let poll = &c.poll_ids[0];
    vec![
        (
            Method::PUT,
            format!("/presentations/{p}/polls/current"),
            None,
        ),
        (
            Method::POST,
            format!("/presentations/{p}/polls/current/previous"),
            None,
        ),
        (
            Method::PUT,
            format!("/presentations/{p}/polls/current/index"),
            Some(json!({"index": 1})),
        ),
        (
            Method::POST,
            format!("/presentations/{p}/polls/current/close"),
            None,
        ),
        (
            Method::POST,
            format!("/presentations/{p}/polls/current/open"),
            None,
        ),
        (
            Method::POST,
            format!("/presentations/{p}/polls/current/timer"),
            Some(json!({"seconds": 30})),
        ),
        (
            Method::POST,
            format!("/presentations/{p}/polls/current/results/show"),
            None,
        ),
        (
            Method::POST,
            format!("/presentations/{p}/polls/current/results/hide"),
            None,
        ),
        (
            Method::GET,
            format!("/presentations/{p}/polls/{poll}/votes"),
            None,
        ),
        (
            Method::GET,
            format!("/presentations/{p}/polls/{poll}/results"),
            None,
        ),
        (Method::GET, format!("/presentations/{p}/leaderboard"), None),
        (
            Method::POST,
            format!("/presentations/{p}/polls/{poll}/reset"),
            None,
        ),
        (Method::DELETE, format!("/presentations/{p}"), None),
    ]
}

async fn state(app: &TestApp, c: &Created) -> Value {
    let r = app
        .request(Method::GET, &format!("/join/{}", c.join_code))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    r.json().await.unwrap()
}

async fn assert_all_denied(
    app: &TestApp,
    victim: &Created,
    token: Option<&str>,
    status: StatusCode,
) {
    let before = state(app, victim).await;
    for (method, path, body) in presenter_operations(victim) {
        let mut request = app.presenter(method.clone(), &path, token);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.unwrap();
        let problem = assert_problem(response, status).await;
        assert!(
            problem["code"]
                .as_str()
                .unwrap()
                .starts_with("presenter_token"),
            "{method} {path}: {problem}"
        );
    }
    // Nothing moved, closed or disappeared.
    assert_eq!(state(app, victim).await, before);
    assert_eq!(before["current_poll_index"], 0);
    assert_eq!(before["voting_open"], true);
}

#[tokio::test]
async fn presenter_operations_need_the_token() {
    let app = spawn_app().await;
    let victim = app.create_deck(2).await;
    assert_all_denied(&app, &victim, None, StatusCode::UNAUTHORIZED).await;
}

#[tokio::test]
async fn another_presentations_token_is_forbidden() {
    let app = spawn_app().await;
    let victim = app.create_deck(2).await;
    let attacker = app.create_deck(2).await;
    assert_all_denied(&app, &victim, Some(&attacker.token), StatusCode::FORBIDDEN).await;
}

#[tokio::test]
async fn a_garbage_token_is_forbidden() {
    let app = spawn_app().await;
    let victim = app.create_deck(2).await;
    assert_all_denied(&app, &victim, Some("garbage"), StatusCode::FORBIDDEN).await;
    // A non-Bearer scheme counts as no token.
    let r = app
        .request(
            Method::PUT,
            &format!("/presentations/{}/polls/current", victim.id),
        )
        .header("Authorization", format!("Basic {}", victim.token))
        .send()
        .await
        .unwrap();
    assert_problem(r, StatusCode::UNAUTHORIZED).await;
}

#[tokio::test]
async fn the_right_token_is_accepted_for_each_operation() {
    let app = spawn_app().await;
    let c = app.create_deck(2).await;
    for (method, path, body) in presenter_operations(&c) {
        let mut request = app.presenter(method.clone(), &path, Some(&c.token));
        if let Some(body) = body {
            request = request.json(&body);
        }
        let status = request.send().await.unwrap().status();
        // Some operations legitimately conflict with the state the previous
        // one left (for example the listing of a poll that is no longer
        // current); none is an authorisation failure.
        assert!(
            status.is_success() || status == StatusCode::CONFLICT,
            "{method} {path}: {status}"
        );
    }
}

#[tokio::test]
async fn the_presenter_list_needs_a_known_token() {
    let app = spawn_app().await;
    let r = app
        .request(Method::GET, "/presenter/presentations")
        .send()
        .await
        .unwrap();
    assert_problem(r, StatusCode::UNAUTHORIZED).await;
    let r = app
        .presenter(Method::GET, "/presenter/presentations", Some("garbage"))
        .send()
        .await
        .unwrap();
    assert_problem(r, StatusCode::FORBIDDEN).await;
}

#[tokio::test]
async fn creating_with_an_unknown_token_is_refused() {
    let app = spawn_app().await;
    let r = app
        .presenter(Method::POST, "/presentations", Some("tly_not_a_presenter"))
        .json(&crate::helpers::deck_body(1))
        .send()
        .await
        .unwrap();
    assert_problem(r, StatusCode::UNAUTHORIZED).await;
}

#[tokio::test]
async fn the_switch_does_not_open_presentations_created_with_a_token() {
    let app = spawn_open_app().await;
    let open = app.create_deck(2).await;
    // Created with the presenter's token: secured even under the switch.
    let secured: Value = app
        .presenter(Method::POST, "/presentations", Some(&open.token))
        .json(&crate::helpers::deck_body(2))
        .send_json()
        .await;
    let id = secured["presentation_id"].as_str().unwrap();
    let r = app
        .request(Method::PUT, &format!("/presentations/{id}/polls/current"))
        .send()
        .await
        .unwrap();
    assert_problem(r, StatusCode::UNAUTHORIZED).await;
    // The token-less one is open.
    let r = app
        .request(
            Method::PUT,
            &format!("/presentations/{}/polls/current", open.id),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
}
