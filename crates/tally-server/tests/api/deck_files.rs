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

#[tokio::test]
async fn an_outline_becomes_a_deck_file_and_templates_import() {
    let app = spawn_app().await;
    // (Not `app.request`, which sends JSON's content type.)
    let post = |content_type: &str, body: reqwest::Body| {
        app.client
            .post(format!("{}/outlines", app.address))
            .header("Content-Type", content_type)
            .body(body)
            .send()
    };
    let outline = |content_type: &str, body: &str| post(content_type, body.to_owned().into());
    let markdown = "# Retro\n\n## How was it?\n- Great\n- Fine\n\n## 2+2?\n- [ ] 3\n- [x] 4\n";
    let response = outline("text/markdown; charset=utf-8", markdown)
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let file: Value = response.json().await.unwrap();
    let kinds: Vec<&str> = file["polls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["type"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["wordcloud", "single", "quiz"]);
    assert_eq!(file["polls"][2]["settings"]["correct"], json!(["B"]));
    let csv: Value = outline(
        "text/csv",
        "question,a,b\n\"Lunch, or dinner?\",Lunch,Dinner\n",
    )
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    assert_eq!(csv["polls"][0]["question"], "Lunch, or dinner?");
    // The file creates the deck as it reads.
    let created = app
        .request(Method::POST, "/presentations/import")
        .json(&file)
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), StatusCode::CREATED);
    // What an outline cannot be.
    let refused = outline("application/pdf", "%PDF").await.unwrap();
    assert_eq!(
        assert_problem(refused, StatusCode::UNSUPPORTED_MEDIA_TYPE).await["code"],
        "unsupported_media_type"
    );
    for (content_type, body, needle) in [
        ("text/markdown", "no heading here", "no question"),
        ("text/markdown", "# Quiz?\n- [ ] a\n", "question 1"),
        ("text/csv", "Caf\u{e9}?", ""),
    ] {
        let body = if content_type == "text/csv" {
            reqwest::Body::from(vec![b'C', b'a', b'f', 0xe9, b'?'])
        } else {
            reqwest::Body::from(body.to_owned())
        };
        let refused = post(content_type, body).await.unwrap();
        let problem = assert_problem(refused, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(problem["code"], "invalid_outline");
        assert!(
            problem["detail"].as_str().unwrap().contains(needle),
            "{problem}"
        );
    }

    // Every template is a deck file that imports.
    let list = app.get_json("/templates").await;
    let names: Vec<&str> = list["templates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["icebreaker", "quiz", "retrospective", "event-feedback"]
    );
    for name in names {
        let template = app.get_json(&format!("/templates/{name}")).await;
        let imported = app
            .request(Method::POST, "/presentations/import")
            .json(&template)
            .send()
            .await
            .unwrap();
        assert_eq!(imported.status(), StatusCode::CREATED, "{name}");
    }
    let missing = app
        .request(Method::GET, "/templates/nope")
        .send()
        .await
        .unwrap();
    assert_problem(missing, StatusCode::NOT_FOUND).await;
}

/// What a template's deck is once its words are taken out: the same in
/// every language (types, settings, option keys, the correct answers).
fn shape(file: &Value) -> Value {
    fn strip(v: &Value) -> Value {
        match v {
            Value::String(_) => json!("…"),
            Value::Array(a) => Value::Array(a.iter().map(strip).collect()),
            Value::Object(o) => Value::Object(
                o.iter()
                    .map(|(k, v)| {
                        // Keys and types are not words; keep them.
                        let kept = matches!(k.as_str(), "key" | "type" | "correct" | "format");
                        (k.clone(), if kept { v.clone() } else { strip(v) })
                    })
                    .collect(),
            ),
            other => other.clone(),
        }
    }
    strip(file)
}

#[tokio::test]
async fn templates_come_in_the_pages_five_languages() {
    let app = spawn_app().await;
    let english = app.get_json("/templates").await;
    assert_eq!(english["locale"], "en");
    for (asked, got) in [
        ("de", "de"),
        ("fr-CH", "fr"),
        ("ES", "es"),
        ("ar", "ar"),
        ("ja", "en"),
        ("", "en"),
    ] {
        let list = app.get_json(&format!("/templates?locale={asked}")).await;
        assert_eq!(list["locale"], got, "{asked}");
        assert_eq!(
            list["templates"].as_array().unwrap().len(),
            4,
            "{asked}: every template"
        );
        for (i, entry) in list["templates"].as_array().unwrap().iter().enumerate() {
            let name = entry["name"].as_str().unwrap();
            assert_eq!(name, english["templates"][i]["name"]);
            if got != "en" {
                assert_ne!(
                    entry["title"], english["templates"][i]["title"],
                    "{asked} {name}"
                );
            }
            let response = app
                .request(Method::GET, &format!("/templates/{name}?locale={asked}"))
                .send()
                .await
                .unwrap();
            assert_eq!(response.headers()["content-language"], got);
            let file: Value = response.json().await.unwrap();
            let original = app.get_json(&format!("/templates/{name}")).await;
            assert_eq!(
                shape(&file),
                shape(&original),
                "{asked} {name}: the same deck in other words"
            );
            let imported = app
                .request(Method::POST, "/presentations/import")
                .json(&file)
                .send()
                .await
                .unwrap();
            assert_eq!(imported.status(), StatusCode::CREATED, "{asked} {name}");
        }
    }
}
