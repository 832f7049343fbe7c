//! A presentation's own links for other people (issue 25): a screen link
//! opens only the big screen, a run link co-presents, a moderate link
//! moderates; only the presenter's own token makes, lists and revokes
//! them, and a revoked link is refused at once.

use crate::contests::{call, get, ok_json};
use crate::delegates::{code_of, event};
use crate::helpers::{assert_problem, spawn_app, Created, TestApp};
use crate::live::{connect_as_presenter, Socket};
use futures_util::StreamExt as _;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use std::time::Duration;
use tokio_tungstenite::tungstenite::Message;
use uuid::Uuid;

/// A link made with the presenter's token: (link id, secret, the answer).
pub(crate) async fn make_link(
    app: &TestApp,
    deck: &Created,
    role: &str,
    label: Option<&str>,
) -> Link {
    let mut body = json!({"role": role});
    if let Some(label) = label {
        body["label"] = json!(label);
    }
    let r = call(
        app,
        Method::POST,
        &format!("/presentations/{}/links", deck.id),
        Some(&deck.token),
        Some(&body),
    )
    .await;
    assert_eq!(r.status(), StatusCode::CREATED);
    let created = ok_json(r).await;
    Link {
        id: created["link_id"].as_str().unwrap().to_owned(),
        token: created["token"].as_str().unwrap().to_owned(),
        created,
    }
}

pub(crate) struct Link {
    pub(crate) id: String,
    pub(crate) token: String,
    created: Value,
}

pub(crate) async fn revoke(
    app: &TestApp,
    deck: &Created,
    secret: &str,
    link: &str,
) -> reqwest::Response {
    call(
        app,
        Method::DELETE,
        &format!("/presentations/{}/links/{link}", deck.id),
        Some(secret),
        None,
    )
    .await
}

/// The first `results` message on a presenter channel, within seconds.
async fn first_results(socket: &mut Socket) -> Value {
    loop {
        let message = tokio::time::timeout(Duration::from_secs(5), socket.next())
            .await
            .expect("a message in time")
            .expect("the socket is open")
            .expect("a frame");
        if let Message::Text(text) = message {
            let m: Value = serde_json::from_str(&text).unwrap();
            if m["type"] == "results" {
                return m;
            }
        }
    }
}

/// Every presenter operation × every kind of link: each does exactly what
/// its role allows.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_link_does_exactly_what_its_role_allows() {
    let app = spawn_app().await;
    let (deck, question, entry) = event(&app).await;
    let elsewhere = app.create_deck(1).await;
    let other = make_link(&app, &elsewhere, "run", None).await;
    let screen = make_link(&app, &deck, "screen", Some("Hall B")).await;
    let moderate = make_link(&app, &deck, "moderate", None).await;
    let run = make_link(&app, &deck, "run", None).await;
    let revoked = make_link(&app, &deck, "run", None).await;
    let victim = make_link(&app, &deck, "screen", None).await;
    assert_eq!(
        revoke(&app, &deck, &deck.token, &revoked.id).await.status(),
        StatusCode::OK
    );

    let callers: [(&str, Option<&str>); 7] = [
        ("anonymous", None),
        ("another presentation's link", Some(&other.token)),
        ("screen", Some(&screen.token)),
        ("moderate", Some(&moderate.token)),
        ("run", Some(&run.token)),
        ("revoked link", Some(&revoked.token)),
        ("presenter", Some(&deck.token)),
    ];
    const OK: u16 = 0; // any 2xx
    let view = [401, 403, OK, OK, OK, 403, OK];
    let moderation = [401, 403, 403, OK, OK, 403, OK];
    let running = [401, 403, 403, 403, OK, 403, OK];
    let own = [401, 403, 403, 403, 403, 403, OK];
    let p = |rest: &str| format!("/presentations/{}{rest}", deck.id);
    let poll = |k: usize, rest: &str| p(&format!("/polls/{}{rest}", deck.poll_ids[k]));
    let endpoints: Vec<(Method, String, Option<Value>, [u16; 7])> = vec![
        // What the big screen reads.
        (Method::GET, p("/access"), None, view),
        (Method::GET, p("/leaderboard"), None, view),
        (Method::GET, poll(0, "/results"), None, moderation),
        (Method::GET, poll(2, "/results"), None, moderation),
        (
            Method::POST,
            poll(1, &format!("/questions/{question}/pin")),
            None,
            moderation,
        ),
        (
            Method::POST,
            poll(2, &format!("/entries/{entry}/approve")),
            None,
            moderation,
        ),
        (Method::POST, p("/polls/current/close"), None, running),
        (Method::POST, p("/polls/current/open"), None, running),
        (Method::PUT, p("/polls/current"), None, running),
        (Method::POST, p("/polls/current/previous"), None, running),
        (
            Method::PUT,
            p("/polls/current/index"),
            Some(json!({"index": 0})),
            running,
        ),
        (
            Method::POST,
            p("/polls/current/timer"),
            Some(json!({"seconds": 0})),
            running,
        ),
        (
            Method::POST,
            p("/polls/current/results/show"),
            None,
            running,
        ),
        (
            Method::POST,
            p("/polls/current/results/hide"),
            None,
            running,
        ),
        (Method::GET, poll(0, "/votes"), None, running),
        (Method::GET, p("/notes"), None, running),
        (Method::POST, poll(0, "/reset"), None, running),
        (Method::GET, p("/links"), None, own),
        (
            Method::POST,
            p("/links"),
            Some(json!({"role": "screen"})),
            own,
        ),
        (
            Method::DELETE,
            p(&format!("/links/{}", victim.id)),
            None,
            own,
        ),
        // Last: the presenter's answer deletes it.
        (Method::DELETE, p(""), None, own),
    ];
    let mut checked = 0;
    for (method, path, body, expected) in &endpoints {
        for ((who, secret), want) in callers.iter().zip(expected) {
            let r = call(&app, method.clone(), path, *secret, body.as_ref()).await;
            let got = r.status().as_u16();
            if *want == OK {
                let status = r.status();
                assert!(
                    status.is_success(),
                    "{method} {path} as {who}: {got} {}",
                    r.text().await.unwrap()
                );
                continue;
            }
            assert_eq!(got, *want, "{method} {path} as {who}");
            let expected_code = match (*who, *want) {
                (_, 401) => "presenter_token_required",
                ("revoked link", _) => "link_revoked",
                ("screen" | "moderate" | "run", _) => "role_forbidden",
                _ => "presenter_token_rejected",
            };
            assert_eq!(
                code_of(r, *want).await,
                expected_code,
                "{method} {path} as {who}"
            );
            checked += 1;
        }
    }
    let refused: usize = endpoints
        .iter()
        .map(|(.., e)| e.iter().filter(|s| **s != OK).count())
        .sum();
    assert_eq!(checked, refused);
    assert_eq!(endpoints.len() * callers.len(), 21 * 7);
    let gone = call(&app, Method::GET, &p(""), None, None).await;
    assert_eq!(
        gone.status(),
        StatusCode::NOT_FOUND,
        "the presenter deleted it"
    );
}

/// The screen link reads what the big screen reads: who it is and the join
/// code, both live channels, the leaderboard; each holder is told its role.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_screen_link_follows_the_big_screens_channels() {
    let app = spawn_app().await;
    let deck = app.create_deck(2).await;
    let screen = make_link(&app, &deck, "screen", None).await;
    let run = make_link(&app, &deck, "run", None).await;
    let moderate = make_link(&app, &deck, "moderate", None).await;
    let access = format!("/presentations/{}/access", deck.id);
    for (link, role, powers) in [
        (&screen, "screen", json!(["view"])),
        (&run, "run", json!(["run", "moderate", "view"])),
        (&moderate, "moderate", json!(["moderate", "view"])),
    ] {
        let body = get(&app, &access, Some(&link.token)).await;
        assert_eq!((&body["role"], &body["powers"]), (&json!(role), &powers));
        assert_eq!(body["join_code"], deck.join_code);
    }

    let presenter_channel = format!("/presentations/{}/live/presenter", deck.id);
    let (mut results, chosen) = connect_as_presenter(&app, &presenter_channel, &screen.token)
        .await
        .expect("the screen link is let in");
    assert_eq!(chosen.as_deref(), Some("tally.presenter"));
    app.vote(&deck.id, &deck.poll_ids[0], Uuid::new_v4(), "A")
        .await;
    let seen = first_results(&mut results).await;
    assert_eq!(seen["poll_id"], deck.poll_ids[0]);
    let slides = format!("/presentations/{}/live", deck.id);
    let (_, chosen) = connect_as_presenter(&app, &slides, &screen.token)
        .await
        .expect("the slides, as a presenter screen");
    assert_eq!(chosen.as_deref(), Some("tally.presenter"));
}

/// Revoking stops a link at once, on every door; revoking again changes
/// nothing; only the presentation's own links can be revoked through it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_revoked_link_is_refused_at_once() {
    let app = spawn_app().await;
    let deck = app.create_deck(1).await;
    let elsewhere = app.create_deck(1).await;
    let foreign = make_link(&app, &elsewhere, "screen", None).await;
    let screen = make_link(&app, &deck, "screen", None).await;
    let run = make_link(&app, &deck, "run", None).await;
    let access = format!("/presentations/{}/access", deck.id);
    let channel = format!("/presentations/{}/live/presenter", deck.id);
    assert_eq!(
        get(&app, &access, Some(&screen.token)).await["role"],
        "screen"
    );

    let r = revoke(&app, &deck, &deck.token, &screen.id).await;
    let revoked = ok_json(r).await;
    assert_eq!(revoked["link_id"], screen.id.as_str());
    assert!(revoked["revoked_at"].is_string(), "{revoked}");
    let r = call(&app, Method::GET, &access, Some(&screen.token), None).await;
    assert_eq!(code_of(r, 403).await, "link_revoked");
    assert_eq!(
        connect_as_presenter(&app, &channel, &screen.token)
            .await
            .err(),
        Some(403)
    );
    assert_eq!(
        connect_as_presenter(
            &app,
            &format!("/presentations/{}/live", deck.id),
            &screen.token
        )
        .await
        .err(),
        Some(403)
    );
    // The other link still works.
    assert_eq!(get(&app, &access, Some(&run.token)).await["role"], "run");

    let again = ok_json(revoke(&app, &deck, &deck.token, &screen.id).await).await;
    assert_eq!(again["revoked_at"], revoked["revoked_at"]);
    for missing in [foreign.id.clone(), Uuid::new_v4().to_string()] {
        let r = revoke(&app, &deck, &deck.token, &missing).await;
        assert_eq!(code_of(r, 404).await, "link_not_found");
    }
    let r = call(
        &app,
        Method::GET,
        &format!("/presentations/{}/access", elsewhere.id),
        Some(&foreign.token),
        None,
    )
    .await;
    assert_eq!(r.status(), StatusCode::OK, "untouched by the other revoke");
}

/// The list shows each link's role, label and times, never a secret; the
/// answer to a creation holds the secret once, and the page to open.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tokens_are_shown_once_and_never_listed() {
    let app = spawn_app().await;
    let deck = app.create_deck(1).await;
    let screen = make_link(&app, &deck, "screen", Some("  Hall B projector ")).await;
    let run = make_link(&app, &deck, "run", None).await;
    let moderate = make_link(&app, &deck, "moderate", Some("Ana")).await;
    for (link, page) in [
        (&screen, "screen"),
        (&run, "present"),
        (&moderate, "present"),
    ] {
        assert!(link.token.starts_with("tly_"));
        assert_eq!(
            link.created["url"],
            format!("/{page}/{}#{}", deck.id, link.token)
        );
    }
    assert_eq!(screen.created["label"], "Hall B projector");
    assert_eq!(run.created["label"], Value::Null);
    revoke(&app, &deck, &deck.token, &run.id).await;

    let r = call(
        &app,
        Method::GET,
        &format!("/presentations/{}/links", deck.id),
        Some(&deck.token),
        None,
    )
    .await;
    assert_eq!(r.status(), StatusCode::OK);
    let text = r.text().await.unwrap();
    for link in [&screen, &run, &moderate] {
        assert!(!text.contains(&link.token), "a secret in the list: {text}");
    }
    assert!(!text.contains(&deck.token));
    let listed: Vec<Value> = serde_json::from_str(&text).unwrap();
    let rows: Vec<(Value, Value, Value, bool)> = listed
        .iter()
        .map(|l| {
            let mut keys: Vec<&str> = l.as_object().unwrap().keys().map(|k| k.as_str()).collect();
            keys.sort_unstable();
            assert_eq!(
                keys,
                ["created_at", "label", "link_id", "revoked_at", "role"],
                "{l}"
            );
            (
                l["link_id"].clone(),
                l["role"].clone(),
                l["label"].clone(),
                l["revoked_at"].is_string(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                json!(screen.id),
                json!("screen"),
                json!("Hall B projector"),
                false
            ),
            (json!(run.id), json!("run"), Value::Null, true),
            (json!(moderate.id), json!("moderate"), json!("Ana"), false),
        ]
    );
}

/// What cannot be a link is a 400 problem with a stable code, and stores
/// nothing; a stranger learns nothing about what would be accepted.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_links_are_refused_with_a_problem() {
    let app = spawn_app().await;
    let deck = app.create_deck(1).await;
    let links = format!("/presentations/{}/links", deck.id);
    let long = "x".repeat(81);
    for (body, code) in [
        (json!({"role": "owner"}), "invalid_role"),
        (json!({"role": "cohost"}), "invalid_role"),
        (json!({"role": "Screen"}), "invalid_role"),
        (json!({"role": ""}), "invalid_role"),
        (json!({"role": "screen", "label": "  "}), "invalid_label"),
        (json!({"role": "screen", "label": long}), "invalid_label"),
        (json!({"role": "screen", "label": "a\nb"}), "invalid_label"),
        (json!({"label": "no role"}), "invalid_body"),
        (json!({"role": 3}), "invalid_body"),
        (
            json!({"role": "screen", "token": "tly_mine"}),
            "invalid_body",
        ),
    ] {
        let r = call(&app, Method::POST, &links, Some(&deck.token), Some(&body)).await;
        let content_type = r.headers()["content-type"].to_str().unwrap().to_owned();
        assert_eq!(content_type, "application/problem+json", "{body}");
        let problem = assert_problem(r, StatusCode::BAD_REQUEST).await;
        assert_eq!(problem["code"], code, "{body}");
    }
    assert_eq!(get(&app, &links, Some(&deck.token)).await, json!([]));
    let r = call(
        &app,
        Method::POST,
        &links,
        None,
        Some(&json!({"role": "owner"})),
    )
    .await;
    assert_eq!(code_of(r, 401).await, "presenter_token_required");
    let missing = format!("/presentations/{}/links", Uuid::new_v4());
    let r = call(&app, Method::GET, &missing, Some(&deck.token), None).await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
}
