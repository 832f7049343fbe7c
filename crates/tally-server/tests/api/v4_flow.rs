//! The v4 contract, as a v4 client drives it.

use crate::helpers::{assert_problem, spawn_app, spawn_open_app};
use crate::v4_client::V4Client;
use reqwest::{Method, StatusCode};
use serde_json::json;

#[tokio::test]
async fn a_v4_client_passes_unchanged_with_the_switch_on() {
    let app = spawn_open_app().await;
    V4Client::new(&app.address, false).drive().await;
}

#[tokio::test]
async fn a_token_aware_client_passes_with_the_secure_default() {
    let app = spawn_app().await;
    V4Client::new(&app.address, true).drive().await;
}

#[tokio::test]
async fn the_secure_default_refuses_a_token_less_client_on_presenter_operations() {
    let app = spawn_app().await;
    let created = app.create_deck(2).await;
    let put = app
        .request(
            Method::PUT,
            &format!("/presentations/{}/polls/current", created.id),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(
        put.headers()
            .get("www-authenticate")
            .map(|v| v.to_str().unwrap()),
        Some("Bearer realm=\"tally\"")
    );
    assert_problem(put, StatusCode::UNAUTHORIZED).await;
    let listing = app
        .request(
            Method::GET,
            &format!(
                "/presentations/{}/polls/{}/votes",
                created.id, created.poll_ids[0]
            ),
        )
        .send()
        .await
        .unwrap();
    assert_problem(listing, StatusCode::UNAUTHORIZED).await;
    // Nothing moved; audience reads stay open.
    let presentation: serde_json::Value = app
        .get_json(&format!("/presentations/{}", created.id))
        .await;
    assert_eq!(presentation["current_poll_index"], 0);
}

#[tokio::test]
async fn v4_errors_are_json_and_problem_json_on_request() {
    let app = spawn_app().await;
    let plain = app
        .request(Method::GET, "/presentations/nope")
        .send()
        .await
        .unwrap();
    assert_eq!(plain.headers()["content-type"], "application/json");
    let body = assert_problem(plain, StatusCode::NOT_FOUND).await;
    assert_eq!(body["code"], "not_found");
    let negotiated = app
        .request(Method::GET, "/presentations/nope")
        .header("Accept", "application/problem+json")
        .send()
        .await
        .unwrap();
    assert_eq!(
        negotiated.headers()["content-type"],
        "application/problem+json"
    );
    // Extension routes speak problem+json always.
    let join = app
        .request(Method::GET, "/join/000000")
        .send()
        .await
        .unwrap();
    assert_eq!(join.headers()["content-type"], "application/problem+json");
    assert_problem(join, StatusCode::NOT_FOUND).await;
}

#[tokio::test]
async fn a_different_key_from_the_same_client_is_a_conflict() {
    let app = spawn_open_app().await;
    let created = app.create_deck(1).await;
    let voter = uuid::Uuid::new_v4();
    let poll = &created.poll_ids[0];
    assert_eq!(
        app.vote(&created.id, poll, voter, "A").await.status(),
        StatusCode::NO_CONTENT
    );
    let body = assert_problem(
        app.vote(&created.id, poll, voter, "B").await,
        StatusCode::CONFLICT,
    )
    .await;
    assert_eq!(body["code"], "already_voted");
    let results = app.results(&created, poll).await;
    assert_eq!(results["options"][0]["votes"], 1);
    assert_eq!(results["options"][1]["votes"], 0);
    assert_eq!(results["total_votes"], json!(1));
}
