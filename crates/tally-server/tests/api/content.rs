//! Content slides over HTTP (issue 26): a heading, a body in a safe
//! Markdown subset and an optional image, shown in the deck's order and
//! taking no votes, on both intakes; what a page could run as markup is
//! refused with its name, never a 5xx.

use crate::helpers::{assert_problem, spawn_app, spawn_redis_app, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use uuid::Uuid;

const BODY: &str = "Welcome to **Tally Day**.\nDoors at 9.\n\n- Wi-Fi: *tally-guest*\n- Lunch at 12:30\n\n5 &lt; 6";

async fn deck_with_a_content_slide(app: &TestApp) -> (String, String, Value) {
    let created = app
        .create(&json!({"polls": [
            {"question": "Before we start", "options": [], "type": "content", "body": BODY},
            {"question": "Coffee or tea?", "options": [{"key": "A", "value": "Coffee"}, {"key": "B", "value": "Tea"}]},
        ]}))
        .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let created: Value = created.json().await.unwrap();
    let id = created["presentation_id"].as_str().unwrap().to_owned();
    let token = created["presenter_token"].as_str().unwrap().to_owned();
    let shown = app.get_json(&format!("/presentations/{id}")).await;
    (id, token, shown)
}

#[tokio::test]
async fn a_content_slide_is_shown_in_order_and_takes_no_votes_on_both_intakes() {
    for app in [spawn_app().await, spawn_redis_app().await] {
        let (id, token, shown) = deck_with_a_content_slide(&app).await;
        let slide = &shown["polls"][0];
        assert_eq!(shown["current_poll_index"], 0);
        assert_eq!(slide["type"], "content");
        assert_eq!(slide["body"], BODY, "the source, as written");
        assert_eq!(slide["options"], json!([]));
        assert!(slide.get("vote_field").is_none(), "{slide}");
        // The body read once, by the server, into text the pages draw.
        assert_eq!(
            slide["body_blocks"],
            json!([
                {"kind": "paragraph", "spans": [
                    {"text": "Welcome to "}, {"text": "Tally Day", "strong": true},
                    {"text": ". Doors at 9."}]},
                {"kind": "bullets", "items": [
                    [{"text": "Wi-Fi: "}, {"text": "tally-guest", "emphasis": true}],
                    [{"text": "Lunch at 12:30"}]]},
                {"kind": "paragraph", "spans": [{"text": "5 < 6"}]},
            ])
        );
        // The poll after it is v4's, untouched.
        assert!(shown["polls"][1].get("type").is_none());

        // A vote on the slide, of any shape, is refused before any intake.
        let poll = slide["poll_id"].as_str().unwrap();
        for vote in [json!({"key": "A"}), json!({"text": "hello"}), json!({})] {
            let mut body = vote.clone();
            body["client_id"] = json!(Uuid::new_v4());
            body["poll_id"] = json!(poll);
            let refused = app
                .request(
                    Method::POST,
                    &format!("/presentations/{id}/polls/current/votes"),
                )
                .json(&body)
                .send()
                .await
                .unwrap();
            let problem = assert_problem(refused, StatusCode::BAD_REQUEST).await;
            assert_eq!(problem["code"], "invalid_vote", "{vote}");
        }
        let results = app
            .presenter(
                Method::GET,
                &format!("/presentations/{id}/polls/{poll}/results"),
                Some(&token),
            )
            .send()
            .await
            .unwrap();
        assert_eq!(results.status(), StatusCode::OK);
        let results: Value = results.json().await.unwrap();
        assert_eq!(results["type"], "content");
        assert_eq!(results["participants"], 0);

        // The next slide is the poll, and it counts as ever.
        let next = app
            .presenter(
                Method::PUT,
                &format!("/presentations/{id}/polls/current"),
                Some(&token),
            )
            .send()
            .await
            .unwrap();
        assert_eq!(next.status(), StatusCode::OK);
        let second = shown["polls"][1]["poll_id"].as_str().unwrap();
        let voted = app.vote(&id, second, Uuid::new_v4(), "A").await;
        assert_eq!(voted.status(), StatusCode::NO_CONTENT);
    }
}

#[tokio::test]
async fn what_a_page_could_run_as_markup_is_refused_by_name() {
    let app = spawn_app().await;
    let cases = [
        (
            json!({"type": "content", "body": "<script>alert(1)</script>"}),
            "HTML",
        ),
        (
            json!({"type": "content", "body": "Hi <img src=x onerror=alert(1)>"}),
            "HTML",
        ),
        (
            json!({"type": "content", "body": "[win](javascript:alert(1))"}),
            "a link",
        ),
        (
            json!({"type": "content", "body": "![x](http://evil.example/t.png)"}),
            "an image",
        ),
        (json!({"type": "content", "body": "# Big"}), "a heading"),
        (
            json!({"type": "content", "body": "x".repeat(2001)}),
            "at most 2000",
        ),
        (
            json!({"type": "content", "body": "ok", "time_limit_secs": 30}),
            "time_limit_secs does not apply",
        ),
        (
            json!({"type": "content", "options": [{"key": "A", "value": "a"}]}),
            "takes no options",
        ),
        (
            json!({"type": "open", "body": "Hello"}),
            "body does not apply",
        ),
    ];
    for (poll, named) in cases {
        let mut poll = poll;
        poll["question"] = json!("Welcome");
        if poll.get("options").is_none() {
            poll["options"] = json!([]);
        }
        let refused = app.create(&json!({"polls": [poll]})).await;
        let problem = assert_problem(refused, StatusCode::BAD_REQUEST).await;
        assert_eq!(problem["code"], "invalid_poll", "{poll}");
        let detail = problem["detail"].as_str().unwrap();
        assert!(detail.contains(named), "{poll}: {detail}");
    }
}

#[tokio::test]
async fn a_content_slide_is_edited_live_and_kept_in_its_deck_file() {
    let app = spawn_app().await;
    let (id, token, _) = deck_with_a_content_slide(&app).await;
    let deck = app
        .presenter(
            Method::GET,
            &format!("/presentations/{id}/deck"),
            Some(&token),
        )
        .send()
        .await
        .unwrap();
    let etag = deck.headers()["etag"].to_str().unwrap().to_owned();
    let deck: Value = deck.json().await.unwrap();
    assert_eq!(deck["polls"][0]["body"], BODY);
    let mut polls: Vec<Value> = deck["polls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            json!({"poll_id": p["poll_id"], "question": p["question"], "options": p["options"]})
        })
        .collect();
    polls[0]["type"] = json!("content");
    polls[0]["body"] = json!("Doors open at **9:30**.");
    let edited = app
        .presenter(
            Method::PUT,
            &format!("/presentations/{id}/deck"),
            Some(&token),
        )
        .header("If-Match", etag)
        .json(&json!({"polls": polls}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        edited.status(),
        StatusCode::OK,
        "{}",
        edited.text().await.unwrap()
    );
    let shown = app.get_json(&format!("/presentations/{id}")).await;
    assert_eq!(
        shown["polls"][0]["body_blocks"],
        json!([{"kind": "paragraph", "spans": [
            {"text": "Doors open at "}, {"text": "9:30", "strong": true}, {"text": "."}]}])
    );

    // The deck file keeps the slide as written.
    let file: Value = app
        .presenter(
            Method::GET,
            &format!("/presentations/{id}/deck/export"),
            Some(&token),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(file["polls"][0]["type"], "content");
    assert_eq!(
        file["polls"][0]["settings"]["body"],
        "Doors open at **9:30**."
    );
}
