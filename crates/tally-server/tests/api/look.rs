//! A presentation's settings (issue 25, "the event's look"): the round
//! trip, refusals with their codes, the contrast rule, the live channels'
//! `settings_rev`, Q&A all event, and results held until voting closes.

use crate::helpers::{assert_problem, spawn_app, Created, TestApp};
use crate::live::connect;
use futures_util::StreamExt as _;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use std::time::Duration;
use tokio_tungstenite::tungstenite::Message;
use uuid::Uuid;

fn path(c: &Created) -> String {
    format!("/presentations/{}/settings", c.id)
}

async fn patch(app: &TestApp, c: &Created, body: Value, token: Option<&str>) -> reqwest::Response {
    app.presenter(Method::PATCH, &path(c), token)
        .json(&body)
        .send()
        .await
        .unwrap()
}

async fn patched(app: &TestApp, c: &Created, body: Value) -> Value {
    let response = patch(app, c, body, Some(&c.token)).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

async fn read(app: &TestApp, c: &Created) -> Value {
    // Public: no token.
    let response = app.client.get(app.url(&path(c))).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

/// WCAG 2.x contrast, computed here independently of the server's.
fn contrast(a: &str, b: &str) -> f64 {
    let lum = |hex: &str| {
        let c = |i: usize| {
            let v = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * c(1) + 0.7152 * c(3) + 0.0722 * c(5)
    };
    let (x, y) = (lum(a), lum(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn settings_start_at_the_defaults_and_round_trip() {
    let app = spawn_app().await;
    let c = app.create_deck(2).await;
    let fresh = read(&app, &c).await;
    assert_eq!(fresh["revision"], 0);
    assert_eq!(fresh["title"], Value::Null);
    assert_eq!(fresh["locale"], "en");
    assert_eq!(fresh["qa_always_open"], false);
    assert_eq!(fresh["hide_results_until_closed"], false);
    assert_eq!(fresh["type_scale"], 1.0);
    assert_eq!(fresh["logo"], Value::Null);
    assert_eq!(fresh["background"], "#ffffff");
    assert_eq!(fresh["palette"]["ink"], "#111111");
    assert_eq!(fresh["warnings"], json!([]));

    let changed = patched(
        &app,
        &c,
        json!({"title": "  Town hall 2026  ", "locale": "ar", "qa_always_open": true,
               "hide_results_until_closed": true, "accent": "#0B6E4F",
               "background": "#101820", "type_scale": 1.25}),
    )
    .await;
    assert_eq!(changed["revision"], 1);
    assert_eq!(changed["title"], "Town hall 2026");
    assert_eq!(changed["locale"], "ar");
    assert_eq!(changed["accent"], "#0b6e4f");
    assert_eq!(changed["type_scale"], 1.25);
    assert_eq!(changed["palette"]["ink"], "#ffffff");
    assert_eq!(read(&app, &c).await, changed);

    // Only what a patch names changes; null removes the title.
    let again = patched(&app, &c, json!({"title": null, "type_scale": 0.8})).await;
    assert_eq!(again["revision"], 2);
    assert_eq!(again["title"], Value::Null);
    assert_eq!(again["locale"], "ar");
    assert_eq!(again["qa_always_open"], true);
    assert_eq!(again["background"], "#101820");
    assert_eq!(again["type_scale"], 0.8);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_bad_field_is_refused_with_its_code_and_nothing_changes() {
    let app = spawn_app().await;
    let c = app.create_deck(1).await;
    for (body, code) in [
        (json!({"title": "x".repeat(121)}), "invalid_title"),
        (json!({"title": "a\u{7}b"}), "invalid_title"),
        (json!({"locale": "it"}), "invalid_locale"),
        (json!({"accent": "red"}), "invalid_accent"),
        (json!({"accent": "#12345"}), "invalid_accent"),
        (json!({"background": "#gggggg"}), "invalid_background"),
        (json!({"type_scale": 1.7}), "invalid_type_scale"),
        (json!({"type_scale": 0.5}), "invalid_type_scale"),
        // A valid field does not carry a bad one through.
        (json!({"locale": "de", "accent": "blue"}), "invalid_accent"),
    ] {
        let problem = assert_problem(
            patch(&app, &c, body.clone(), Some(&c.token)).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert_eq!(problem["code"], code, "{body}");
    }
    for (body, code) in [
        (json!({"qa_always_open": "yes"}), "invalid_body"),
        (json!({"colour": "#ffffff"}), "invalid_body"),
        (json!({"type_scale": "big"}), "invalid_body"),
    ] {
        let problem = assert_problem(
            patch(&app, &c, body.clone(), Some(&c.token)).await,
            StatusCode::BAD_REQUEST,
        )
        .await;
        assert_eq!(problem["code"], code, "{body}");
    }
    let malformed = app
        .presenter(Method::PATCH, &path(&c), Some(&c.token))
        .body("{\"title\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(
        assert_problem(malformed, StatusCode::BAD_REQUEST).await["code"],
        "malformed_json"
    );
    let now = read(&app, &c).await;
    assert_eq!(now["revision"], 0);
    assert_eq!(now["locale"], "en");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changes_need_the_presenters_token() {
    let app = spawn_app().await;
    let c = app.create_deck(1).await;
    let other = app.create_deck(1).await;
    let body = json!({"title": "Mine"});
    let problem = assert_problem(
        patch(&app, &c, body.clone(), None).await,
        StatusCode::UNAUTHORIZED,
    )
    .await;
    assert_eq!(problem["code"], "presenter_token_required");
    let problem = assert_problem(
        patch(&app, &c, body.clone(), Some(&other.token)).await,
        StatusCode::FORBIDDEN,
    )
    .await;
    assert_eq!(problem["code"], "presenter_token_rejected");
    let unknown = Created {
        id: Uuid::new_v4().to_string(),
        ..c.clone()
    };
    assert_problem(
        patch(&app, &unknown, body, Some(&c.token)).await,
        StatusCode::NOT_FOUND,
    )
    .await;
    let missing = app
        .client
        .get(app.url(&path(&unknown)))
        .send()
        .await
        .unwrap();
    assert_problem(missing, StatusCode::NOT_FOUND).await;
    assert_eq!(read(&app, &c).await["title"], Value::Null);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_faint_accent_gets_a_warning_and_a_palette_that_reads() {
    let app = spawn_app().await;
    let c = app.create_deck(1).await;
    let body = patched(
        &app,
        &c,
        json!({"accent": "#ffe066", "background": "#ffffff"}),
    )
    .await;
    // The choice is kept as chosen ...
    assert_eq!(body["accent"], "#ffe066");
    // ... and the palette to apply reads at AA.
    let accent = body["palette"]["accent"].as_str().unwrap();
    assert_ne!(accent, "#ffe066");
    let applied = contrast(accent, "#ffffff");
    assert!(applied >= 4.5, "{applied}");
    let warning = &body["warnings"][0];
    assert_eq!(warning["code"], "accent_contrast");
    assert_eq!(warning["field"], "accent");
    let chosen = contrast("#ffe066", "#ffffff");
    assert!(
        (warning["ratio"].as_f64().unwrap() - chosen).abs() < 0.01,
        "{warning}"
    );
    assert!((warning["adjusted_ratio"].as_f64().unwrap() - applied).abs() < 0.01);
    let ink = body["palette"]["accent_ink"].as_str().unwrap();
    assert!(contrast(ink, accent) >= 4.5);

    // A readable pair: no warning, the palette is the choice.
    let fine = patched(&app, &c, json!({"accent": "#1d4ed8"})).await;
    assert_eq!(fine["palette"]["accent"], "#1d4ed8");
    assert_eq!(fine["warnings"], json!([]));
}

/// The next text frame, or `None` when none comes within `wait`.
async fn next_within(socket: &mut crate::live::Socket, wait: Duration) -> Option<Value> {
    loop {
        match tokio::time::timeout(wait, socket.next()).await {
            Err(_) => return None,
            Ok(Some(Ok(Message::Text(text)))) => return Some(serde_json::from_str(&text).unwrap()),
            Ok(Some(Ok(_))) => continue,
            Ok(other) => panic!("socket ended: {other:?}"),
        }
    }
}

async fn until(socket: &mut crate::live::Socket, pred: impl Fn(&Value) -> bool) -> Value {
    loop {
        let m = next_within(socket, Duration::from_secs(5))
            .await
            .expect("a message in time");
        if pred(&m) {
            return m;
        }
    }
}

/// The state messages' streams: the audience WebSocket (which the
/// console and the big screen follow too, with the presenter
/// subprotocols) and the event stream.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_reaches_both_live_channels_as_a_new_settings_rev() {
    let app = spawn_app().await;
    let c = app.create_deck(1).await;
    let mut phone = connect(&app, &format!("/presentations/{}/live", c.id)).await;
    let mut events = app
        .client
        .get(app.url(&format!("/presentations/{}/events", c.id)))
        .send()
        .await
        .unwrap();
    let first = until(&mut phone, |m| m["type"] == "state").await;
    assert_eq!(first["settings_rev"], 0);
    let mut seen = String::new();
    while !seen.contains("\"settings_rev\":0") {
        let chunk = tokio::time::timeout(Duration::from_secs(5), events.chunk())
            .await
            .expect("an event in time")
            .unwrap()
            .expect("the stream is open");
        seen.push_str(&String::from_utf8_lossy(&chunk));
    }
    patched(&app, &c, json!({"locale": "fr"})).await;
    let state = until(&mut phone, |m| m["type"] == "state").await;
    assert_eq!(state["settings_rev"], 1);
    assert!(state["version"].as_u64() > first["version"].as_u64());
    while !seen.contains("\"settings_rev\":1") {
        let chunk = tokio::time::timeout(Duration::from_secs(5), events.chunk())
            .await
            .expect("an event in time")
            .unwrap()
            .expect("the stream is open");
        seen.push_str(&String::from_utf8_lossy(&chunk));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn qa_all_event_names_the_deck_s_qa_poll_which_takes_questions_off_screen() {
    let app = spawn_app().await;
    let c = crate::common::create_presentation(
        &app.client,
        &app.address,
        &json!({"polls": [
            {"question": "Pick", "options": [{"key": "A", "value": "a"}]},
            {"question": "Ask us", "type": "qa"},
        ]}),
    )
    .await;
    let body = patched(&app, &c, json!({"qa_always_open": true})).await;
    assert_eq!(body["qa_always_open"], true);
    assert_eq!(body["qa_poll_id"], c.poll_ids[1].as_str());
    // The single-choice poll is on screen; the Q&A poll takes a question.
    let asked = app
        .request(
            Method::POST,
            &format!("/presentations/{}/polls/{}/questions", c.id, c.poll_ids[1]),
        )
        .json(&json!({"client_id": Uuid::new_v4(), "text": "When is lunch?"}))
        .send()
        .await
        .unwrap();
    assert_eq!(asked.status(), StatusCode::CREATED);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn held_results_stay_off_the_audience_channel_until_voting_closes() {
    let app = spawn_app().await;
    let c = app.create_deck(1).await;
    patched(&app, &c, json!({"hide_results_until_closed": true})).await;
    let presenter = |path: &str| {
        app.presenter(
            Method::POST,
            &format!("/presentations/{}/polls/current/{path}", c.id),
            Some(&c.token),
        )
        .send()
    };
    assert_eq!(
        presenter("results/show").await.unwrap().status(),
        StatusCode::OK
    );
    let mut phone = connect(&app, &format!("/presentations/{}/live", c.id)).await;
    let mut console = connect(
        &app,
        &format!("/presentations/{}/live/presenter?token={}", c.id, c.token),
    )
    .await;
    let state = until(&mut phone, |m| m["type"] == "state").await;
    assert_eq!(state["results_shown"], true);
    assert_eq!(state["results_held"], true);
    assert_eq!(state["results_visible"], false);
    app.vote(&c.id, &c.poll_ids[0], Uuid::new_v4(), "A").await;
    // The presenter's own channel gets them ...
    until(&mut console, |m| {
        m["type"] == "results" && m["total_votes"] == 1
    })
    .await;
    // ... the audience's does not, for several ticks.
    while let Some(m) = next_within(&mut phone, Duration::from_millis(1500)).await {
        assert_ne!(m["type"], "results", "{m}");
    }
    // Closing voting releases them.
    assert_eq!(presenter("close").await.unwrap().status(), StatusCode::OK);
    let state = until(&mut phone, |m| m["type"] == "state").await;
    assert_eq!(state["results_visible"], true);
    assert_eq!(state["results_held"], false);
    let results = until(&mut phone, |m| m["type"] == "results").await;
    assert_eq!(results["total_votes"], 1);
}
