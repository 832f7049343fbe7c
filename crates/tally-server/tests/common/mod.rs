//! What the `api` and `spike` test binaries share: making a presentation
//! over HTTP, as a client would.
// Each binary uses a different part of this module.
#![allow(dead_code)]

use serde_json::{json, Value};

/// A presentation as its creator sees it.
#[derive(Debug, Clone)]
pub struct Created {
    pub id: String,
    pub token: String,
    pub join_code: String,
    pub poll_ids: Vec<String>,
}

/// A deck of polls, each with options A, B, C.
pub fn deck_body(polls: usize) -> Value {
    json!({
        "polls": (0..polls).map(|i| json!({
            "question": format!("Question {i}?"),
            "options": [
                {"key": "A", "value": "Alpha"},
                {"key": "B", "value": "Bravo"},
                {"key": "C", "value": "Charlie"},
            ]
        })).collect::<Vec<_>>()
    })
}

/// Creates a deck of `polls` polls on the server at `base` and reads back
/// its poll ids.
pub async fn create_deck(client: &reqwest::Client, base: &str, polls: usize) -> Created {
    create_presentation(client, base, &deck_body(polls)).await
}

/// Creates the presentation `body` on the server at `base` and reads back
/// its poll ids.
pub async fn create_presentation(client: &reqwest::Client, base: &str, body: &Value) -> Created {
    let response = client
        .post(format!("{base}/presentations"))
        .json(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), reqwest::StatusCode::CREATED);
    let body: Value = response.json().await.unwrap();
    let id = body["presentation_id"].as_str().unwrap().to_owned();
    let presentation: Value = client
        .get(format!("{base}/presentations/{id}"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    Created {
        token: body["presenter_token"].as_str().unwrap().to_owned(),
        join_code: body["join_code"].as_str().unwrap().to_owned(),
        poll_ids: presentation["polls"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["poll_id"].as_str().unwrap().to_owned())
            .collect(),
        id,
    }
}
