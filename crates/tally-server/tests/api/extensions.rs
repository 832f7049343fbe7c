//! Tally's presenter and audience extensions.

use crate::helpers::SendJson as _;
use crate::helpers::{assert_problem, deck_body, spawn_app};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use uuid::Uuid;

#[tokio::test]
async fn creation_returns_a_token_and_a_join_code() {
    let app = spawn_app().await;
    let response = app.create(&deck_body(1)).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let body: Value = response.json().await.unwrap();
    assert_eq!(
        location,
        format!(
            "/presentations/{}",
            body["presentation_id"].as_str().unwrap()
        )
    );
    assert!(body["presenter_token"]
        .as_str()
        .unwrap()
        .starts_with("tly_"));
    let code = body["join_code"].as_str().unwrap();
    assert!(code.len() == 6 && code.chars().all(|c| c.is_ascii_digit()));
    // Only a hash is stored.
    let client = app.db.client().await;
    let row = client
        .query_one("SELECT token_hash FROM presenters", &[])
        .await
        .unwrap();
    let hash: Vec<u8> = row.get(0);
    assert_eq!(hash.len(), 32);
    assert!(!String::from_utf8_lossy(&hash).contains(body["presenter_token"].as_str().unwrap()));
}

#[tokio::test]
async fn slides_move_back_forth_and_to_any_index() {
    let app = spawn_app().await;
    let c = app.create_deck(4).await;
    let base = format!("/presentations/{}/polls/current", c.id);
    let poll: Value = app
        .presenter(Method::PUT, &format!("{base}/index"), Some(&c.token))
        .json(&json!({"index": 3}))
        .send_json()
        .await;
    assert_eq!(poll["poll_id"], c.poll_ids[3].as_str());
    let poll: Value = app
        .presenter(Method::POST, &format!("{base}/previous"), Some(&c.token))
        .send_json()
        .await;
    assert_eq!(poll["poll_id"], c.poll_ids[2].as_str());
    let current: Value = app.request(Method::GET, &base).send_json().await;
    assert_eq!(current["poll_id"], c.poll_ids[2].as_str());
}

#[tokio::test]
async fn closing_and_reopening_voting() {
    let app = spawn_app().await;
    let c = app.create_deck(1).await;
    let base = format!("/presentations/{}/polls/current", c.id);
    let closed: Value = app
        .presenter(Method::POST, &format!("{base}/close"), Some(&c.token))
        .send_json()
        .await;
    assert_eq!(
        closed,
        json!({"poll_id": c.poll_ids[0], "voting_open": false})
    );
    let voter = Uuid::new_v4();
    assert_eq!(
        app.vote(&c.id, &c.poll_ids[0], voter, "A").await.status(),
        StatusCode::CONFLICT
    );
    let reopened = app
        .presenter(Method::POST, &format!("{base}/open"), Some(&c.token))
        .send()
        .await
        .unwrap();
    assert_eq!(reopened.status(), StatusCode::OK);
    assert_eq!(
        app.vote(&c.id, &c.poll_ids[0], voter, "A").await.status(),
        StatusCode::NO_CONTENT
    );
}

#[tokio::test]
async fn results_count_per_option_for_any_poll() {
    let app = spawn_app().await;
    let c = app.create_deck(2).await;
    for key in ["A", "C", "C"] {
        assert_eq!(
            app.vote(&c.id, &c.poll_ids[0], Uuid::new_v4(), key)
                .await
                .status(),
            StatusCode::NO_CONTENT
        );
    }
    app.next(&c).await;
    assert_eq!(
        app.vote(&c.id, &c.poll_ids[1], Uuid::new_v4(), "B")
            .await
            .status(),
        StatusCode::NO_CONTENT
    );
    let first = app.results(&c, &c.poll_ids[0]).await;
    assert_eq!(
        first,
        json!({
            "poll_id": c.poll_ids[0], "type": "single", "round": 1,
            "question": "Question 0?", "voting_open": true,
            "options": [
                {"key": "A", "value": "Alpha", "votes": 1},
                {"key": "B", "value": "Bravo", "votes": 0},
                {"key": "C", "value": "Charlie", "votes": 2},
            ],
            "total_votes": 3, "participants": 3,
        })
    );
    assert_eq!(app.results(&c, &c.poll_ids[1]).await["total_votes"], 1);
}

#[tokio::test]
async fn a_join_code_resolves_to_the_current_poll() {
    let app = spawn_app().await;
    let c = app.create_deck(2).await;
    app.next(&c).await;
    for typed in [
        c.join_code.clone(),
        format!("{}-{}", &c.join_code[..3], &c.join_code[3..]),
    ] {
        let r = app
            .request(Method::GET, &format!("/join/{typed}"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        let body: Value = r.json().await.unwrap();
        assert_eq!(body["presentation_id"], c.id.as_str());
        assert_eq!(body["current_poll_index"], 1);
        assert_eq!(body["poll_count"], 2);
        assert_eq!(body["voting_open"], true);
        assert_eq!(body["state_version"], 2);
        assert_eq!(body["poll"]["poll_id"], c.poll_ids[1].as_str());
    }
}

#[tokio::test]
async fn the_presenter_list_pages_by_cursor() {
    let app = spawn_app().await;
    let first = app.create_deck(1).await;
    let mut ids = vec![first.id.clone()];
    for _ in 0..4 {
        let body: Value = app
            .presenter(Method::POST, "/presentations", Some(&first.token))
            .json(&deck_body(1))
            .send_json()
            .await;
        assert_eq!(body["presenter_token"], first.token.as_str());
        ids.push(body["presentation_id"].as_str().unwrap().to_owned());
    }
    app.create_deck(1).await; // another presenter's
    ids.reverse();
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(c) => format!("/presenter/presentations?limit=2&cursor={c}"),
            None => "/presenter/presentations?limit=2".to_owned(),
        };
        let page: Value = app
            .presenter(Method::GET, &path, Some(&first.token))
            .send_json()
            .await;
        for item in page["presentations"].as_array().unwrap() {
            seen.push(item["presentation_id"].as_str().unwrap().to_owned());
            assert_eq!(item["poll_count"], 1);
            assert!(item["created_at"].as_str().unwrap().ends_with('Z'));
        }
        match page["next_cursor"].as_str() {
            Some(next) => cursor = Some(next.to_owned()),
            None => break,
        }
    }
    assert_eq!(seen, ids);
}

#[tokio::test]
async fn deleting_removes_everything() {
    let app = spawn_app().await;
    let c = app.create_deck(2).await;
    app.vote(&c.id, &c.poll_ids[0], Uuid::new_v4(), "A").await;
    let r = app
        .presenter(
            Method::DELETE,
            &format!("/presentations/{}", c.id),
            Some(&c.token),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let r = app
        .request(Method::GET, &format!("/presentations/{}", c.id))
        .send()
        .await
        .unwrap();
    assert_problem(r, StatusCode::NOT_FOUND).await;
    let client = app.db.client().await;
    for table in ["polls", "options", "votes"] {
        let n: i64 = client
            .query_one(&format!("SELECT count(*) FROM {table}"), &[])
            .await
            .unwrap()
            .get(0);
        assert_eq!(n, 0, "{table}");
    }
}
