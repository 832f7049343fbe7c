//! A client written for the Interactive Presentations API 4.0.0 and nothing
//! else: it sends `Content-Type: application/json` on every request and
//! checks exactly what ../shared/spec/v4-contract.md promises.
//!
//! The one concession to Tally is optional: with `send_token`, it reads
//! `presenter_token` from the creation response and sends it as a bearer
//! token, as a token-aware client would.

use reqwest::{Client, Method, RequestBuilder, Response, StatusCode};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use uuid::Uuid;

pub struct V4Client {
    base: String,
    http: Client,
    send_token: bool,
    token: Option<String>,
}

fn keys(v: &Value) -> BTreeSet<&str> {
    v.as_object().unwrap().keys().map(String::as_str).collect()
}

fn assert_json(response: &Response) {
    let ct = response
        .headers()
        .get("content-type")
        .expect("content type")
        .to_str()
        .unwrap();
    assert!(ct.starts_with("application/json"), "content type {ct}");
}

fn assert_poll_shape(poll: &Value) {
    assert_eq!(
        keys(poll),
        BTreeSet::from(["poll_id", "question", "options"]),
        "{poll}"
    );
    Uuid::parse_str(poll["poll_id"].as_str().unwrap()).unwrap();
    for option in poll["options"].as_array().unwrap() {
        assert_eq!(keys(option), BTreeSet::from(["key", "value"]), "{option}");
    }
}

impl V4Client {
    pub fn new(base: &str, send_token: bool) -> Self {
        Self {
            base: base.to_owned(),
            http: Client::new(),
            send_token,
            token: None,
        }
    }

    fn req(&self, method: Method, path: &str) -> RequestBuilder {
        let r = self
            .http
            .request(method, format!("{}{path}", self.base))
            .header("Content-Type", "application/json");
        match (&self.token, self.send_token) {
            (Some(t), true) => r.bearer_auth(t),
            _ => r,
        }
    }

    async fn send(&self, method: Method, path: &str, body: Option<Value>) -> Response {
        let r = self.req(method, path);
        let r = match body {
            Some(b) => r.body(b.to_string()),
            None => r,
        };
        r.send().await.unwrap()
    }

    /// The whole v4 flow. Panics on the first deviation.
    pub async fn drive(mut self) {
        let ping = self.send(Method::GET, "/ping", None).await;
        assert_eq!(ping.status(), StatusCode::OK);

        // Create [pet, countries].
        let created = self
            .send(
                Method::POST,
                "/presentations",
                Some(json!({"polls": [
                    {"question": "Which pet?", "options": [
                        {"key": "A", "value": "Cat"}, {"key": "B", "value": "Dog"}]},
                    {"question": "Which country?", "options": [
                        {"key": "A", "value": "France"}, {"key": "B", "value": "Japan"},
                        {"key": "C", "value": "Peru"}]},
                ]})),
            )
            .await;
        assert_eq!(created.status(), StatusCode::CREATED);
        assert_json(&created);
        let created: Value = created.json().await.unwrap();
        let id = created["presentation_id"].as_str().unwrap().to_owned();
        Uuid::parse_str(&id).unwrap();
        self.token = created["presenter_token"].as_str().map(str::to_owned);

        // A new presentation already shows its first poll.
        let presentation = self
            .send(Method::GET, &format!("/presentations/{id}"), None)
            .await;
        assert_eq!(presentation.status(), StatusCode::OK);
        assert_json(&presentation);
        let presentation: Value = presentation.json().await.unwrap();
        assert_eq!(
            keys(&presentation),
            BTreeSet::from(["current_poll_index", "polls"])
        );
        assert_eq!(presentation["current_poll_index"], 0);
        let polls = presentation["polls"].as_array().unwrap();
        assert_eq!(polls.len(), 2);
        polls.iter().for_each(assert_poll_shape);
        assert_eq!(polls[0]["question"], "Which pet?");
        assert_eq!(polls[1]["options"][2], json!({"key": "C", "value": "Peru"}));
        let pet = polls[0]["poll_id"].as_str().unwrap().to_owned();
        let countries = polls[1]["poll_id"].as_str().unwrap().to_owned();

        let current = self
            .send(
                Method::GET,
                &format!("/presentations/{id}/polls/current"),
                None,
            )
            .await;
        assert_eq!(current.status(), StatusCode::OK);
        assert_json(&current);
        let current: Value = current.json().await.unwrap();
        assert_poll_shape(&current);
        assert_eq!(current["poll_id"], pet.as_str());

        // Vote, and vote again: 204 both times, counted once.
        let voter = Uuid::new_v4();
        for _ in 0..2 {
            let vote = self
                .send(
                    Method::POST,
                    &format!("/presentations/{id}/polls/current/votes"),
                    Some(json!({"key": "A", "client_id": voter, "poll_id": pet})),
                )
                .await;
            assert_eq!(vote.status(), StatusCode::NO_CONTENT);
        }
        let listing = self
            .send(
                Method::GET,
                &format!("/presentations/{id}/polls/{pet}/votes"),
                None,
            )
            .await;
        assert_eq!(listing.status(), StatusCode::OK);
        assert_json(&listing);
        let listing: Value = listing.json().await.unwrap();
        assert_eq!(listing, json!([{"client_id": voter, "key": "A"}]));

        // An unknown option key is 400.
        let unknown = self
            .send(
                Method::POST,
                &format!("/presentations/{id}/polls/current/votes"),
                Some(json!({"key": "Z", "client_id": Uuid::new_v4(), "poll_id": pet})),
            )
            .await;
        assert_eq!(unknown.status(), StatusCode::BAD_REQUEST);
        assert_json(&unknown);

        // PUT moves to the next poll and returns it.
        let next = self
            .send(
                Method::PUT,
                &format!("/presentations/{id}/polls/current"),
                None,
            )
            .await;
        assert_eq!(next.status(), StatusCode::OK);
        assert_json(&next);
        let next: Value = next.json().await.unwrap();
        assert_poll_shape(&next);
        assert_eq!(next["poll_id"], countries.as_str());
        assert_eq!(next["question"], "Which country?");
        let current: Value = self
            .send(
                Method::GET,
                &format!("/presentations/{id}/polls/current"),
                None,
            )
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(current["poll_id"], next["poll_id"]);
        let presentation: Value = self
            .send(Method::GET, &format!("/presentations/{id}"), None)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(presentation["current_poll_index"], 1);

        // The pet poll has left the screen.
        let late = self
            .send(
                Method::POST,
                &format!("/presentations/{id}/polls/current/votes"),
                Some(json!({"key": "B", "client_id": Uuid::new_v4(), "poll_id": pet})),
            )
            .await;
        assert_eq!(late.status(), StatusCode::CONFLICT);
        let old_listing = self
            .send(
                Method::GET,
                &format!("/presentations/{id}/polls/{pet}/votes"),
                None,
            )
            .await;
        assert_eq!(old_listing.status(), StatusCode::CONFLICT);
        let empty: Value = self
            .send(
                Method::GET,
                &format!("/presentations/{id}/polls/{countries}/votes"),
                None,
            )
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(empty, json!([]));

        // Out of polls.
        let past = self
            .send(
                Method::PUT,
                &format!("/presentations/{id}/polls/current"),
                None,
            )
            .await;
        assert_eq!(past.status(), StatusCode::CONFLICT);

        // Unknown ids, UUID or not, are 404.
        let random = Uuid::new_v4();
        for path in [
            "/presentations/unknown_presentation_id".to_owned(),
            format!("/presentations/{random}"),
            format!("/presentations/{random}/polls/current"),
            "/presentations/unknown_presentation_id/polls/current".to_owned(),
        ] {
            let r = self.send(Method::GET, &path, None).await;
            assert_eq!(r.status(), StatusCode::NOT_FOUND, "{path}");
        }
        let r = self
            .send(
                Method::PUT,
                &format!("/presentations/{random}/polls/current"),
                None,
            )
            .await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
        let r = self
            .send(
                Method::POST,
                &format!("/presentations/{random}/polls/current/votes"),
                Some(json!({"key": "A", "client_id": voter, "poll_id": pet})),
            )
            .await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
        let r = self
            .send(
                Method::GET,
                &format!("/presentations/{id}/polls/{random}/votes"),
                None,
            )
            .await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND);

        // Bad creations.
        for body in [json!({}), json!({"polls": []}), json!({"polls": "many"})] {
            let r = self
                .send(Method::POST, "/presentations", Some(body.clone()))
                .await;
            assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{body}");
            assert_json(&r);
        }
        let r = self
            .http
            .post(format!("{}/presentations", self.base))
            .header("Content-Type", "text/plain")
            .body("polls")
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
        let r = self.send(Method::DELETE, "/presentations", None).await;
        assert_eq!(r.status(), StatusCode::METHOD_NOT_ALLOWED);
    }
}
