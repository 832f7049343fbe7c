//! A deck as a file over HTTP (issue 26): `GET …/deck/export` and `POST
//! /presentations/import`, and what a file that is not one gets.

use crate::helpers::{assert_problem, spawn_app};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

#[tokio::test]
async fn a_deck_exported_and_imported_is_the_same_deck_with_a_new_code() {
    let app = spawn_app().await;
    let body = json!({"polls": [
        {"question": "Which pet?", "options": [{"key": "A", "value": "Cats"}, {"key": "B", "value": "Dogs"}],
         "notes": "Ask the room first"},
        {"question": "2+2?", "type": "quiz", "options": [{"key": "A", "value": "3"}, {"key": "B", "value": "4"}],
         "correct": ["B"], "time_limit_secs": 20},
        {"question": "One word?", "type": "wordcloud", "max_entries": 3},
    ], "profanity_filter": "strict"});
    let created = crate::common::create_presentation(&app.client, &app.address, &body).await;
    app.presenter(
        Method::PATCH,
        &format!("/presentations/{}/settings", created.id),
        Some(&created.token),
    )
    .json(&json!({"title": "Spring summit"}))
    .send()
    .await
    .unwrap();
    let export = |id: String, token: String| {
        let request = app.presenter(
            Method::GET,
            &format!("/presentations/{id}/deck/export"),
            Some(&token),
        );
        async move { request.send().await.unwrap() }
    };
    let response = export(created.id.clone(), created.token.clone()).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment"));
    let file: Value = response.json().await.unwrap();
    assert_eq!(
        (&file["format"], &file["version"]),
        (&json!("tally-deck"), &json!(1))
    );
    assert_eq!(file["title"], "Spring summit");
    assert_eq!(file["polls"][0]["notes"], "Ask the room first");
    assert_eq!(file["polls"][1]["settings"]["correct"], json!(["B"]));
    // Without the presenter's token: no file (the notes are private).
    let anonymous = app
        .request(
            Method::GET,
            &format!("/presentations/{}/deck/export", created.id),
        )
        .send()
        .await
        .unwrap();
    assert_problem(anonymous, StatusCode::UNAUTHORIZED).await;

    let imported = app
        .presenter(Method::POST, "/presentations/import", Some(&created.token))
        .json(&file)
        .send()
        .await
        .unwrap();
    assert_eq!(imported.status(), StatusCode::CREATED);
    let imported: Value = imported.json().await.unwrap();
    let id = imported["presentation_id"].as_str().unwrap().to_owned();
    assert_ne!(imported["join_code"], json!(created.join_code));
    let again: Value = export(id.clone(), created.token.clone())
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(again, file, "export, import, export: the same file");
    let settings = app.get_json(&format!("/presentations/{id}/settings")).await;
    assert_eq!(settings["title"], "Spring summit");
    // The importing presenter's list holds both.
    let list = app
        .presenter(
            Method::GET,
            "/presenter/presentations",
            Some(&created.token),
        )
        .send()
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap();
    assert_eq!(list["presentations"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn a_file_that_is_not_a_deck_gets_a_clear_problem() {
    let app = spawn_app().await;
    let poll =
        json!({"question": "Which?", "type": "single", "options": [{"key": "A", "value": "a"}]});
    let cases = [
        (
            json!({"format": "other", "version": 1, "polls": [poll]}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "deck_format_unsupported",
        ),
        (
            json!({"format": "tally-deck", "version": 9, "polls": [poll]}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "deck_format_unsupported",
        ),
        (
            json!({"format": "tally-deck", "version": 1, "polls": []}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_deck_file",
        ),
        (
            json!({"format": "tally-deck", "version": 1, "polls": [poll, {"question": "Q?", "type": "nope"}]}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_deck_file",
        ),
        (
            json!({"format": "tally-deck", "version": 1, "polls": [poll], "theme": "dark"}),
            StatusCode::BAD_REQUEST,
            "invalid_body",
        ),
        (json!([1, 2]), StatusCode::BAD_REQUEST, "invalid_body"),
    ];
    for (body, status, code) in cases {
        let response = app
            .request(Method::POST, "/presentations/import")
            .json(&body)
            .send()
            .await
            .unwrap();
        let problem = assert_problem(response, status).await;
        assert_eq!(problem["code"], code, "{body}");
    }
    let slide_two = app
        .request(Method::POST, "/presentations/import")
        .json(&json!({"format": "tally-deck", "version": 1, "polls": [poll, {"question": "Q?", "type": "nope"}]}))
        .send()
        .await
        .unwrap();
    let problem = assert_problem(slide_two, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert!(
        problem["detail"].as_str().unwrap().starts_with("slide 2:"),
        "{problem}"
    );
}
