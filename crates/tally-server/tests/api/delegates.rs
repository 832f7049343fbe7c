//! A contest's co-hosts and moderators on the event's presentation (issue
//! 12): the owner ties the contest to the presentation with its presenter
//! token; co-host links then run it, moderator links moderate the audience's
//! text there, and only the presenter token deletes it. Untying, revoking or
//! deleting the presentation ends their access.

use crate::contests::{
    audit, call, choir_body, create_contest, get, invite, r_status, revoke, Contest,
};
use crate::helpers::{assert_problem, spawn_app, Created, TestApp};
use crate::live::connect_as_presenter;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use uuid::Uuid;

/// The event's deck: a single-choice poll on screen, a Q&A poll with one
/// question, and a moderated word cloud holding one word.
pub(crate) async fn event(app: &TestApp) -> (Created, String, String) {
    let deck = crate::common::create_presentation(
        &app.client,
        &app.address,
        &json!({"polls": [
            {"question": "Pick", "options": [{"key": "A", "value": "a"}, {"key": "B", "value": "b"}]},
            {"question": "Ask the judges", "type": "qa", "max_length": 80},
            {"question": "One word?", "type": "wordcloud", "moderated": true},
        ]}),
    )
    .await;
    let asked = app
        .request(
            Method::POST,
            &format!(
                "/presentations/{}/polls/{}/questions",
                deck.id, deck.poll_ids[1]
            ),
        )
        .json(&json!({"client_id": Uuid::new_v4(), "text": "How is Voice weighed?"}))
        .send()
        .await
        .unwrap();
    assert_eq!(asked.status(), StatusCode::CREATED);
    let question = asked.json::<Value>().await.unwrap()["question_id"]
        .as_str()
        .unwrap()
        .to_owned();
    crate::types::go_to(app, &deck, 2).await;
    let voted = app
        .request(
            Method::POST,
            &format!("/presentations/{}/polls/current/votes", deck.id),
        )
        .json(
            &json!({"client_id": Uuid::new_v4(), "poll_id": deck.poll_ids[2], "words": ["Bravo"]}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(voted.status(), StatusCode::NO_CONTENT);
    crate::types::go_to(app, &deck, 0).await;
    let results = app.results(&deck, &deck.poll_ids[2]).await;
    let entry = results["held_words"][0]["entry_id"]
        .as_str()
        .unwrap_or_else(|| panic!("the word is held: {results}"))
        .to_owned();
    (deck, question, entry)
}

async fn tie(app: &TestApp, c: &Contest, secret: Option<&str>, body: &Value) -> reqwest::Response {
    call(
        app,
        Method::PUT,
        &c.path("/presentation"),
        secret,
        Some(body),
    )
    .await
}

/// Ties the contest to `deck` as its owner, with the deck's presenter
/// token.
async fn tie_to(app: &TestApp, c: &Contest, deck: &Created) {
    let body = json!({"presentation_id": deck.id, "presenter_token": deck.token});
    let r = tie(app, c, Some(&c.owner), &body).await;
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
}

pub(crate) async fn code_of(response: reqwest::Response, status: u16) -> String {
    assert_problem(response, r_status(status)).await["code"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// Tying: only the owner, only with the presentation's own presenter token.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_the_owner_ties_a_contest_and_only_with_the_presenter_token() {
    let app = spawn_app().await;
    let (deck, _, _) = event(&app).await;
    let other_deck = app.create_deck(1).await;
    let c = create_contest(&app, &choir_body()).await;
    let (_, cohost) = invite(&app, &c, "cohost", "Co-host").await;
    let body = |id: &str, token: &str| json!({"presentation_id": id, "presenter_token": token});
    let right = body(&deck.id, &deck.token);

    assert_eq!(
        code_of(tie(&app, &c, None, &right).await, 401).await,
        "contest_secret_required"
    );
    assert_eq!(
        code_of(tie(&app, &c, Some(&cohost), &right).await, 403).await,
        "role_forbidden"
    );
    // Another presentation's token, or a co-host's secret, proves nothing.
    for token in [&other_deck.token, &cohost] {
        assert_eq!(
            code_of(
                tie(&app, &c, Some(&c.owner), &body(&deck.id, token)).await,
                403
            )
            .await,
            "presenter_token_rejected"
        );
    }
    let missing = tie(
        &app,
        &c,
        Some(&c.owner),
        &body(&Uuid::new_v4().to_string(), &deck.token),
    )
    .await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    for malformed in [
        json!({"presentation_id": deck.id}),
        json!({"presentation_id": "nope", "presenter_token": deck.token}),
        json!({"presentation_id": deck.id, "presenter_token": deck.token, "role": "owner"}),
    ] {
        let r = tie(&app, &c, Some(&c.owner), &malformed).await;
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{malformed}");
    }
    assert_eq!(
        get(&app, &c.path(""), None).await["presentation_id"],
        Value::Null
    );

    let r = tie(&app, &c, Some(&c.owner), &right).await;
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        get(&app, &c.path(""), None).await["presentation_id"],
        deck.id
    );
    // Tying again to the same presentation records nothing new.
    let r = tie(&app, &c, Some(&c.owner), &right).await;
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let ties: Vec<(Value, Value)> = audit(&app, &c)
        .await
        .into_iter()
        .filter(|e| e["action"] == "set_presentation")
        .map(|e| (e["actor"].clone(), e["after"].clone()))
        .collect();
    assert_eq!(ties, [(json!("owner"), json!(deck.id))]);
}

/// Every presenter operation × every caller, once the contest is tied.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cohosts_run_and_moderators_moderate_the_tied_presentation() {
    let app = spawn_app().await;
    let (deck, question, entry) = event(&app).await;
    let c = create_contest(&app, &choir_body()).await;
    let other = create_contest(&app, &choir_body()).await;
    let (_, judge) = invite(&app, &c, "judge", "Judge").await;
    let (_, moderator) = invite(&app, &c, "moderator", "Moderator").await;
    let (_, cohost) = invite(&app, &c, "cohost", "Co-host").await;
    let (revoked_id, revoked) = invite(&app, &c, "cohost", "Former co-host").await;
    let (_, other_cohost) = invite(&app, &other, "cohost", "Elsewhere").await;
    let access = format!("/presentations/{}/access", deck.id);

    // Not tied yet: a co-host is a stranger to the presentation.
    let r = call(&app, Method::GET, &access, Some(&cohost), None).await;
    assert_eq!(code_of(r, 403).await, "presenter_token_rejected");
    tie_to(&app, &c, &deck).await;
    // The other contest is tied to another presentation.
    let elsewhere = app.create_deck(1).await;
    tie_to(&app, &other, &elsewhere).await;
    revoke(&app, &c, &revoked_id).await;

    // A phone holds only its participant id; sent as a secret, it proves
    // nothing.
    let participant = Uuid::new_v4().to_string();
    let callers: [(&str, Option<&str>); 9] = [
        ("anonymous", None),
        ("participant", Some(&participant)),
        ("co-host of another contest", Some(&other_cohost)),
        ("moderator", Some(&moderator)),
        ("co-host", Some(&cohost)),
        ("revoked link", Some(&revoked)),
        ("judge", Some(&judge)),
        ("contest owner", Some(&c.owner)),
        ("presenter", Some(&deck.token)),
    ];
    const OK: u16 = 0; // any 2xx
    let moderate = [401, 403, 403, OK, OK, 403, 403, 403, OK];
    let run = [401, 403, 403, 403, OK, 403, 403, 403, OK];
    let own = [401, 403, 403, 403, 403, 403, 403, 403, OK];
    let p = |rest: &str| format!("/presentations/{}{rest}", deck.id);
    let poll = |k: usize, rest: &str| p(&format!("/polls/{}{rest}", deck.poll_ids[k]));
    let endpoints: Vec<(Method, String, Option<Value>, [u16; 9])> = vec![
        (Method::GET, access.clone(), None, moderate),
        (Method::GET, poll(0, "/results"), None, moderate),
        (Method::GET, poll(2, "/results"), None, moderate),
        (
            Method::POST,
            poll(1, &format!("/questions/{question}/pin")),
            None,
            moderate,
        ),
        (
            Method::POST,
            poll(2, &format!("/entries/{entry}/approve")),
            None,
            moderate,
        ),
        (Method::POST, p("/polls/current/close"), None, run),
        (Method::POST, p("/polls/current/open"), None, run),
        (
            Method::PUT,
            p("/polls/current/index"),
            Some(json!({"index": 0})),
            run,
        ),
        (
            Method::POST,
            p("/polls/current/timer"),
            Some(json!({"seconds": 0})),
            run,
        ),
        (Method::POST, p("/polls/current/results/show"), None, run),
        (Method::POST, p("/polls/current/results/hide"), None, run),
        (Method::GET, poll(0, "/votes"), None, run),
        (Method::POST, poll(0, "/reset"), None, run),
        // The big screen shows it: anyone who may view.
        (Method::GET, p("/leaderboard"), None, moderate),
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
                ("moderator" | "co-host", _) => "role_forbidden",
                // Judges have no power over the presentation, and the
                // contest's own secret is not the presenter's.
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
    assert_eq!(endpoints.len() * callers.len(), 15 * 9);
    // The deletion untied the contest.
    assert_eq!(
        get(&app, &c.path(""), None).await["presentation_id"],
        Value::Null
    );
}

/// What each holder is told it may do; the presenter channel lets in the
/// moderator and the co-host, not a judge or a revoked link; untying ends
/// the co-host's access at once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn access_follows_the_tie_and_the_links() {
    let app = spawn_app().await;
    let deck = app.create_deck(1).await;
    let c = create_contest(&app, &choir_body()).await;
    let (_, judge) = invite(&app, &c, "judge", "Judge").await;
    let (_, moderator) = invite(&app, &c, "moderator", "Moderator").await;
    let (cohost_id, cohost) = invite(&app, &c, "cohost", "Co-host").await;
    tie_to(&app, &c, &deck).await;
    let access = format!("/presentations/{}/access", deck.id);
    for (secret, role, powers) in [
        (
            &deck.token,
            "presenter",
            json!(["own", "run", "moderate", "view"]),
        ),
        (&cohost, "cohost", json!(["run", "moderate", "view"])),
        (&moderator, "moderator", json!(["moderate", "view"])),
    ] {
        let body = get(&app, &access, Some(secret)).await;
        assert_eq!((&body["role"], &body["powers"]), (&json!(role), &powers));
        assert_eq!(body["join_code"], deck.join_code);
    }

    let channel = format!("/presentations/{}/live/presenter", deck.id);
    for secret in [&moderator, &cohost] {
        let (_, chosen) = connect_as_presenter(&app, &channel, secret)
            .await
            .expect("let in");
        assert_eq!(chosen.as_deref(), Some("tally.presenter"));
    }
    assert_eq!(
        connect_as_presenter(&app, &channel, &judge).await.err(),
        Some(403)
    );

    // The co-host moves the slide; the console's audience channel sees it.
    let r = call(
        &app,
        Method::POST,
        &format!("/presentations/{}/polls/current/close", deck.id),
        Some(&cohost),
        None,
    )
    .await;
    assert_eq!(r.status(), StatusCode::OK);

    // Untied: the co-host is a stranger again.
    let r = call(
        &app,
        Method::DELETE,
        &c.path("/presentation"),
        Some(&cohost),
        None,
    )
    .await;
    assert_eq!(code_of(r, 403).await, "role_forbidden");
    let r = call(
        &app,
        Method::DELETE,
        &c.path("/presentation"),
        Some(&c.owner),
        None,
    )
    .await;
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let r = call(&app, Method::GET, &access, Some(&cohost), None).await;
    assert_eq!(code_of(r, 403).await, "presenter_token_rejected");
    assert_eq!(
        connect_as_presenter(&app, &channel, &cohost).await.err(),
        Some(403)
    );
    // Tied again, then the link revoked: refused as revoked, at once.
    tie_to(&app, &c, &deck).await;
    assert_eq!(get(&app, &access, Some(&cohost)).await["role"], "cohost");
    revoke(&app, &c, &cohost_id).await;
    let r = call(&app, Method::GET, &access, Some(&cohost), None).await;
    assert_eq!(code_of(r, 403).await, "link_revoked");
    let log: Vec<(Value, Value)> = audit(&app, &c)
        .await
        .into_iter()
        .filter(|e| e["action"] == "set_presentation")
        .map(|e| (e["before"].clone(), e["after"].clone()))
        .collect();
    assert_eq!(
        log,
        [
            (Value::Null, json!(deck.id)),
            (json!(deck.id), Value::Null),
            (Value::Null, json!(deck.id)),
        ]
    );
}
