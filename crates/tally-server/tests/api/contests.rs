//! Judged contests (issue 12) over HTTP on a real Postgres: sheets, locks,
//! reopening, publishing with the digest, the audit log, exports, the
//! authorisation matrix, judges submitting while the round closes, and
//! `tally verify` catching a score changed behind the application's back.

use crate::helpers::{assert_problem, spawn_app, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// A contest as the tests use it: ids by name, and the secrets.
pub(crate) struct Contest {
    pub(crate) id: String,
    pub(crate) owner: String,
    round: String,
    contestants: BTreeMap<String, String>,
    pub(crate) criteria: BTreeMap<String, String>,
}

impl Contest {
    pub(crate) fn who(&self, name: &str) -> &str {
        &self.contestants[name]
    }

    pub(crate) fn on(&self, name: &str) -> &str {
        &self.criteria[name]
    }

    pub(crate) fn path(&self, rest: &str) -> String {
        format!("/contests/{}{rest}", self.id)
    }

    pub(crate) fn round_path(&self, rest: &str) -> String {
        format!("/contests/{}/rounds/{}{rest}", self.id, self.round)
    }
}

pub(crate) fn choir_body() -> Value {
    json!({
        "title": "Spring choir contest",
        "method": "weighted_mean",
        "criteria": [
            {"name": "Voice", "description": "Pitch, tone, blend", "weight": "2",
             "min": "1", "max": "10", "step": "0.5"},
            {"name": "Stage", "description": "Presence", "weight": "1",
             "min": "1", "max": "10", "step": "1"},
        ],
        "contestants": ["Alto", "Bass", "Cello"],
        "rounds": ["Final"],
        "tie_break_criterion": "Voice",
    })
}

pub(crate) async fn create_contest(app: &TestApp, body: &Value) -> Contest {
    let response = app
        .request(Method::POST, "/contests")
        .json(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let created: Value = response.json().await.unwrap();
    let c = &created["contest"];
    let by_name = |list: &Value, id: &str| -> BTreeMap<String, String> {
        list.as_array()
            .unwrap()
            .iter()
            .map(|x| {
                (
                    x["name"].as_str().unwrap().to_owned(),
                    x[id].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    Contest {
        id: c["contest_id"].as_str().unwrap().to_owned(),
        owner: created["owner_token"].as_str().unwrap().to_owned(),
        round: c["rounds"][0]["round_id"].as_str().unwrap().to_owned(),
        contestants: by_name(&c["contestants"], "contestant_id"),
        criteria: by_name(&c["criteria"], "criterion_id"),
    }
}

/// Sends `method path` with `secret` (if any) and `body` (if any).
pub(crate) async fn call(
    app: &TestApp,
    method: Method,
    path: &str,
    secret: Option<&str>,
    body: Option<&Value>,
) -> reqwest::Response {
    let mut request = app.client.request(method, app.url(path));
    if let Some(secret) = secret {
        request = request.bearer_auth(secret);
    }
    if let Some(body) = body {
        request = request.json(body);
    }
    request.send().await.unwrap()
}

pub(crate) async fn ok_json(response: reqwest::Response) -> Value {
    let status = response.status();
    let body = response.text().await.unwrap();
    assert!(status.is_success(), "{status}: {body}");
    serde_json::from_str(&body).unwrap_or(Value::Null)
}

/// GET `path` with `secret` (if any); the JSON of a 2xx answer.
pub(crate) async fn get(app: &TestApp, path: &str, secret: Option<&str>) -> Value {
    ok_json(call(app, Method::GET, path, secret, None).await).await
}

/// An invite link: (link id, secret).
pub(crate) async fn invite(app: &TestApp, c: &Contest, role: &str, name: &str) -> (String, String) {
    let body = ok_json(
        call(
            app,
            Method::POST,
            &c.path("/links"),
            Some(&c.owner),
            Some(&json!({"role": role, "name": name})),
        )
        .await,
    )
    .await;
    (
        body["link"]["link_id"].as_str().unwrap().to_owned(),
        body["token"].as_str().unwrap().to_owned(),
    )
}

/// A sheet body from (contestant, criterion, mark) triples.
pub(crate) fn marks(c: &Contest, triples: &[(&str, &str, &str)], submit: bool) -> Value {
    json!({
        "marks": triples.iter().map(|(who, on, value)| json!({
            "contestant_id": c.who(who), "criterion_id": c.on(on), "value": value,
        })).collect::<Vec<_>>(),
        "submit": submit,
    })
}

pub(crate) async fn save(
    app: &TestApp,
    c: &Contest,
    judge: &str,
    body: &Value,
) -> reqwest::Response {
    call(
        app,
        Method::PUT,
        &c.round_path("/sheet"),
        Some(judge),
        Some(body),
    )
    .await
}

pub(crate) async fn organise(app: &TestApp, c: &Contest, action: &str) -> reqwest::Response {
    call(
        app,
        Method::POST,
        &c.round_path(&format!("/{action}")),
        Some(&c.owner),
        None,
    )
    .await
}

/// The names of the contestants on a judge's sheet.
fn on_sheet(sheet: &Value) -> Vec<&str> {
    sheet["contestants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["name"].as_str().unwrap())
        .collect()
}

/// Revokes an invite link as the owner.
pub(crate) async fn revoke(app: &TestApp, c: &Contest, link: &str) {
    let r = call(
        app,
        Method::DELETE,
        &c.path(&format!("/links/{link}")),
        Some(&c.owner),
        None,
    )
    .await;
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
}

pub(crate) async fn audit(app: &TestApp, c: &Contest) -> Vec<Value> {
    get(app, &c.path("/audit"), Some(&c.owner))
        .await
        .as_array()
        .unwrap()
        .clone()
}

pub(crate) fn standings(results: &Value) -> Vec<(u64, String, String, String)> {
    results["standings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["rank"].as_u64().unwrap(),
                s["name"].as_str().unwrap().to_owned(),
                s["raw"].as_str().unwrap_or("-").to_owned(),
                s["adjusted"].as_str().unwrap_or("-").to_owned(),
            )
        })
        .collect()
}

/// Runs `tally verify` on the test's database: (exit success, output).
pub(crate) fn tally_verify(app: &TestApp) -> (bool, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tally"))
        .arg("verify")
        .env_clear()
        .env("DATABASE_URL", app.db.url())
        .output()
        .unwrap();
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

#[tokio::test]
async fn a_round_is_scored_locked_reopened_published_and_verified() {
    let app = spawn_app().await;
    let c = create_contest(&app, &choir_body()).await;
    let (_, j1) = invite(&app, &c, "judge", "Judge One").await;
    let (j2_id, j2) = invite(&app, &c, "judge", "Judge Two").await;
    let (j3_id, j3) = invite(&app, &c, "judge", "Judge Three").await;
    let (_, cohost) = invite(&app, &c, "cohost", "Co-host").await;

    // The criteria are public: anyone reads them.
    let public = get(&app, &c.path(""), None).await;
    assert_eq!(public["criteria"][0]["step"], "0.5");
    assert_eq!(public["tie_breaks"], json!(["Voice"]));

    // Judge Three is excluded from Cello: their sheet leaves Cello out.
    let r = call(
        &app,
        Method::PUT,
        &c.path(&format!("/judges/{j3_id}/conflicts")),
        Some(&cohost),
        Some(&json!({"contestant_ids": [c.who("Cello")]})),
    )
    .await;
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let sheet = get(&app, &c.round_path("/sheet"), Some(&j3)).await;
    assert_eq!(on_sheet(&sheet), ["Alto", "Bass"]);

    // Nothing is saved before the round opens.
    let early = marks(&c, &[("Alto", "Voice", "8")], false);
    let body = assert_problem(save(&app, &c, &j1, &early).await, StatusCode::CONFLICT).await;
    assert_eq!(body["code"], "round_not_open");
    assert_eq!(
        organise(&app, &c, "open").await.status(),
        StatusCode::NO_CONTENT
    );

    // Off the step, off the range, a conflicted contestant: refused.
    for (triple, code) in [
        (("Alto", "Voice", "8.25"), "invalid_mark"),
        (("Alto", "Stage", "11"), "invalid_mark"),
        (("Alto", "Stage", "seven"), "invalid_mark"),
        (("Cello", "Voice", "8"), "invalid_sheet"),
    ] {
        let body = assert_problem(
            save(&app, &c, &j3, &marks(&c, &[triple], false)).await,
            StatusCode::BAD_REQUEST,
        )
        .await;
        assert_eq!(body["code"], code, "{triple:?}");
    }

    // Drafts, then a submission that lacks a mark, then complete ones.
    let j1_marks = [
        ("Alto", "Voice", "8"),
        ("Alto", "Stage", "6"),
        ("Bass", "Voice", "7"),
        ("Bass", "Stage", "7"),
        ("Cello", "Voice", "9"),
    ];
    ok_json(save(&app, &c, &j1, &marks(&c, &j1_marks, false)).await).await;
    let body = assert_problem(
        save(&app, &c, &j1, &marks(&c, &[], true)).await,
        StatusCode::CONFLICT,
    )
    .await;
    assert_eq!(body["code"], "sheet_incomplete");
    assert!(body["detail"].as_str().unwrap().contains("lacks 1 marks"));
    let done =
        ok_json(save(&app, &c, &j1, &marks(&c, &[("Cello", "Stage", "3")], true)).await).await;
    assert_eq!(done["state"], "submitted");
    // Submitted is locked.
    let body = assert_problem(
        save(&app, &c, &j1, &marks(&c, &[("Alto", "Voice", "10")], false)).await,
        StatusCode::CONFLICT,
    )
    .await;
    assert_eq!(body["code"], "sheet_submitted");

    // Judge Two first gives Alto 5 on Voice, then changes it to 7.
    let j2_marks = [
        ("Alto", "Voice", "5"),
        ("Alto", "Stage", "7"),
        ("Bass", "Voice", "8.5"),
        ("Bass", "Stage", "5"),
        ("Cello", "Voice", "6"),
        ("Cello", "Stage", "9"),
    ];
    ok_json(save(&app, &c, &j2, &marks(&c, &j2_marks, false)).await).await;
    ok_json(save(&app, &c, &j2, &marks(&c, &[("Alto", "Voice", "7.0")], true)).await).await;
    let j3_marks = [
        ("Alto", "Voice", "6"),
        ("Alto", "Stage", "9"),
        ("Bass", "Voice", "6"),
        ("Bass", "Stage", "6"),
    ];
    ok_json(save(&app, &c, &j3, &marks(&c, &j3_marks, true)).await).await;

    // The organiser's progress view: everyone submitted, nothing missing.
    let progress = get(&app, &c.round_path("/progress"), Some(&cohost)).await;
    let states: Vec<(&str, u64, u64)> = progress
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["state"].as_str().unwrap(),
                p["scored"].as_u64().unwrap(),
                p["expected"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        states,
        [
            ("submitted", 6, 6),
            ("submitted", 6, 6),
            ("submitted", 4, 4)
        ]
    );

    // A co-host reopens Judge Two's sheet; Judge Two resubmits it (the
    // mark sent again is unchanged, so the log records no change).
    let reopen = format!("/sheets/{j2_id}/reopen");
    let r = call(
        &app,
        Method::POST,
        &c.round_path(&reopen),
        Some(&cohost),
        None,
    )
    .await;
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let live = get(&app, &c.round_path("/results"), Some(&c.owner)).await;
    assert_eq!(live["sheets"], 2, "a reopened sheet does not count");
    ok_json(save(&app, &c, &j2, &marks(&c, &[("Cello", "Stage", "9")], true)).await).await;

    // Results stay private until published.
    let results = c.round_path("/results");
    let body = assert_problem(
        call(&app, Method::GET, &results, None, None).await,
        StatusCode::UNAUTHORIZED,
    )
    .await;
    assert_eq!(body["code"], "contest_secret_required");
    assert_problem(
        call(&app, Method::GET, &results, Some(&j1), None).await,
        StatusCode::FORBIDDEN,
    )
    .await;

    // Hand-computed (Voice ×2, Stage ×1, over 3):
    //   J1: Alto (16+6)/3 = 22/3, Bass 21/3 = 7, Cello (18+3)/3 = 7
    //   J2: Alto (14+7)/3 = 7, Bass (17+5)/3 = 22/3, Cello (12+9)/3 = 7
    //   J3: Alto (12+9)/3 = 7, Bass 18/3 = 6 (Cello: conflict)
    //   Alto (22/3 + 7 + 7)/3 = 64/9, Bass (7 + 22/3 + 6)/3 = 61/9,
    //   Cello (7 + 7)/2 = 7.
    let expected = vec![
        (
            1,
            "Alto".to_owned(),
            "7.111111111111".to_owned(),
            "7.111111111111".to_owned(),
        ),
        (2, "Cello".to_owned(), "7".to_owned(), "7".to_owned()),
        (
            3,
            "Bass".to_owned(),
            "6.777777777778".to_owned(),
            "6.777777777778".to_owned(),
        ),
    ];
    let live = get(&app, &results, Some(&cohost)).await;
    assert_eq!(standings(&live), expected);
    assert_eq!(live["published"], false);

    // Publishing needs a closed round.
    let body = assert_problem(organise(&app, &c, "publish").await, StatusCode::CONFLICT).await;
    assert_eq!(body["code"], "round_state");
    assert_eq!(
        organise(&app, &c, "close").await.status(),
        StatusCode::NO_CONTENT
    );
    let published = ok_json(organise(&app, &c, "publish").await).await;
    let digest = published["digest"].as_str().unwrap().to_owned();
    assert_eq!(digest.len(), 64);

    // Anyone now reads the frozen results and the digest.
    let public = get(&app, &results, None).await;
    assert_eq!(standings(&public), expected);
    assert_eq!(public["digest"], digest.as_str());
    let contest = get(&app, &c.path(""), None).await;
    assert_eq!(contest["rounds"][0]["state"], "published");
    assert_eq!(contest["rounds"][0]["digest"], digest.as_str());

    // A published round is frozen.
    for action in ["open", "close", "publish"] {
        assert_problem(organise(&app, &c, action).await, StatusCode::CONFLICT).await;
    }
    let r = call(
        &app,
        Method::POST,
        &c.round_path(&reopen),
        Some(&c.owner),
        None,
    )
    .await;
    assert_problem(r, StatusCode::CONFLICT).await;

    // The audit log holds every change, with who made it and the values
    // before and after: 16 marks set and Judge Two's change of Alto's
    // Voice from 5 to 7 (sent as "7.0", stored exactly as 7).
    let log = audit(&app, &c).await;
    let mark_changes: Vec<(&str, Option<&str>, Option<&str>)> = log
        .iter()
        .filter(|e| e["action"] == "mark")
        .map(|e| {
            (
                e["actor"].as_str().unwrap(),
                e["before"].as_str(),
                e["after"].as_str(),
            )
        })
        .collect();
    assert_eq!(mark_changes.len(), 5 + 1 + 6 + 1 + 4, "{mark_changes:?}");
    assert!(mark_changes.contains(&(&*format!("judge:{j2_id}"), Some("5"), Some("7"))));
    let actions: Vec<&str> = log
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .filter(|a| *a != "mark")
        .collect();
    assert_eq!(
        actions,
        [
            "create",
            "invite",
            "invite",
            "invite",
            "invite",
            "conflicts",
            "round_open",
            "submit",
            "submit",
            "submit",
            "reopen",
            "submit",
            "round_closed",
            "publish"
        ]
    );
    let reopened = log.iter().find(|e| e["action"] == "reopen").unwrap();
    assert!(reopened["actor"].as_str().unwrap().starts_with("cohost:"));

    // Exports: JSON and CSV, the ranking and every mark.
    let export = call(
        &app,
        Method::GET,
        &c.round_path("/export"),
        Some(&c.owner),
        None,
    )
    .await;
    assert_eq!(export.headers()["content-type"], "application/json");
    let export: Value = export.json().await.unwrap();
    assert_eq!(standings(&export["results"]), expected);
    assert_eq!(export["marks"].as_array().unwrap().len(), 16);
    let csv = call(
        &app,
        Method::GET,
        &c.round_path("/export?format=csv"),
        Some(&c.owner),
        None,
    )
    .await
    .text()
    .await
    .unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "rank,contestant_id,contestant,raw,adjusted,people,audience_votes,judges,Voice,Stage"
    );
    assert!(lines[1].starts_with("1,") && lines[1].contains(",Alto,7.111111111111,"));
    let csv_marks = call(
        &app,
        Method::GET,
        &c.round_path("/export?format=csv&table=marks"),
        Some(&c.owner),
        None,
    )
    .await
    .text()
    .await
    .unwrap();
    assert_eq!(csv_marks.lines().count(), 17);

    // The audit log is append-only, for the application's role too.
    let db = app.db.client().await;
    for statement in [
        "UPDATE contest_audit SET actor = 'someone else'",
        "DELETE FROM contest_audit",
        "TRUNCATE contest_audit",
    ] {
        let refused = db.execute(statement, &[]).await;
        assert!(refused.is_err(), "{statement} was allowed");
    }

    // `tally verify` agrees; then a score changed behind the
    // application's back is reported by the audit log. The publication
    // keeps the marks it counted, so its digest still verifies (see
    // `publication.rs` for a publication changed in the database).
    let (agree, report) = tally_verify(&app);
    assert!(agree, "{report}");
    assert!(
        report.contains("contests: agree (1 published rounds"),
        "{report}"
    );
    let changed = db
        .execute(
            "UPDATE contest_marks SET value = 10 \
             WHERE contestant_id = $1 AND criterion_id = $2 AND value = 6",
            &[
                &uuid::Uuid::parse_str(c.who("Bass")).unwrap(),
                &uuid::Uuid::parse_str(c.on("Stage")).unwrap(),
            ],
        )
        .await
        .unwrap();
    assert_eq!(changed, 1);
    let (agree, report) = tally_verify(&app);
    assert!(!agree, "{report}");
    assert!(!report.contains("digest mismatch"), "{report}");
    assert!(
        report.contains("stored 10 but the audit log says 6"),
        "{report}"
    );
}

#[tokio::test]
async fn bad_contests_get_a_clear_400() {
    let app = spawn_app().await;
    let mut cases: Vec<(Value, &str)> = Vec::new();
    let with = |field: &str, value: Value| {
        let mut body = choir_body();
        body[field] = value;
        body
    };
    cases.push((with("title", json!("  ")), "a title"));
    cases.push((with("method", json!("median")), "method"));
    cases.push((with("trim_min_judges", json!(4)), "trim_min_judges"));
    cases.push((with("method", json!("trimmed_mean")), "trim_min_judges"));
    cases.push((with("contestants", json!(["A", "A"])), "contestants"));
    cases.push((with("rounds", json!([])), "rounds"));
    cases.push((with("criteria", json!([])), "criteria"));
    cases.push((with("tie_break_criterion", json!("Charm")), "Charm"));
    cases.push((with("tie_break_audience", json!(true)), "people's-choice"));
    let mut off_step = choir_body();
    off_step["criteria"][0]["step"] = json!("0.7");
    cases.push((off_step, "criterion 0"));
    let mut zero_weight = choir_body();
    zero_weight["criteria"][1]["weight"] = json!("0");
    cases.push((zero_weight, "weight"));
    let mut no_poll = choir_body();
    no_poll["audience"] = json!({"poll_id": uuid::Uuid::new_v4(), "weight": "1"});
    cases.push((no_poll, "single-choice"));
    for (body, says) in cases {
        let r = call(&app, Method::POST, "/contests", None, Some(&body)).await;
        let problem = assert_problem(r, StatusCode::BAD_REQUEST).await;
        assert_eq!(problem["code"], "invalid_contest", "{problem}");
        assert!(
            problem["detail"].as_str().unwrap().contains(says),
            "{says}: {problem}"
        );
    }
    // Unknown fields, wrong types: still a 400 problem.
    let r = call(
        &app,
        Method::POST,
        "/contests",
        None,
        Some(&with("criteria", json!("many"))),
    )
    .await;
    assert_problem(r, StatusCode::BAD_REQUEST).await;
}

/// Every privileged endpoint, called by each kind of caller, answers
/// exactly as intended. "Participant" is an audience phone: it holds no
/// secret, only its client id, so contest endpoints see it as anonymous.
#[tokio::test]
async fn the_authorisation_matrix() {
    let app = spawn_app().await;
    let c = create_contest(&app, &choir_body()).await;
    let other = create_contest(&app, &choir_body()).await;
    let (judge_id, judge) = invite(&app, &c, "judge", "Judge").await;
    let (_, other_judge) = invite(&app, &other, "judge", "Elsewhere").await;
    let (_, moderator) = invite(&app, &c, "moderator", "Moderator").await;
    let (_, cohost) = invite(&app, &c, "cohost", "Co-host").await;
    let (revoked_id, revoked) = invite(&app, &c, "cohost", "Former co-host").await;
    revoke(&app, &c, &revoked_id).await;
    let (spare_id, _) = invite(&app, &c, "judge", "Spare").await;
    let participant = uuid::Uuid::new_v4().to_string();

    // Callers: the secret each sends (participant: none, its client id in
    // the query as phones send it).
    let callers: [(&str, Option<&str>); 8] = [
        ("anonymous", None),
        ("participant", None),
        ("judge of another contest", Some(&other_judge)),
        ("moderator", Some(&moderator)),
        ("co-host", Some(&cohost)),
        ("revoked link", Some(&revoked)),
        ("judge", Some(&judge)),
        ("owner", Some(&c.owner)),
    ];
    const OK: u16 = 0; // any 2xx, or a 409 from the round's state: allowed
    let organiser = [401, 401, 403, 403, OK, 403, 403, OK];
    let owner_only = [401, 401, 403, 403, 403, 403, 403, OK];
    let judge_only = [401, 401, 403, 403, 403, 403, OK, 403];
    let sheet = marks(&c, &[("Alto", "Voice", "8")], false);
    let conflicts = json!({"contestant_ids": []});
    let link = json!({"role": "judge", "name": "New"});
    let deck = app.create_deck(1).await;
    let tie = json!({"presentation_id": deck.id, "presenter_token": deck.token});
    // The definition again, unchanged: a correction that edits nothing.
    let current = get(&app, &c.path(""), None).await;
    let definition = json!({
        "title": current["title"], "method": current["method"],
        "criteria": current["criteria"].as_array().unwrap().iter().map(|k| json!({
            "criterion_id": k["criterion_id"], "name": k["name"], "description": k["description"],
            "weight": k["weight"], "min": k["min"], "max": k["max"], "step": k["step"],
        })).collect::<Vec<_>>(),
        "contestants": current["contestants"].as_array().unwrap().iter()
            .map(|x| json!({"id": x["contestant_id"], "name": x["name"]})).collect::<Vec<_>>(),
        "rounds": current["rounds"].as_array().unwrap().iter()
            .map(|r| json!({"id": r["round_id"], "name": r["name"]})).collect::<Vec<_>>(),
        "tie_break_criterion": current["tie_breaks"][0],
    });
    let endpoints: Vec<(Method, String, Option<Value>, [u16; 8])> = vec![
        (Method::PUT, c.path(""), Some(definition), owner_only),
        (Method::PUT, c.path("/presentation"), Some(tie), owner_only),
        (Method::DELETE, c.path("/presentation"), None, owner_only),
        (Method::GET, c.path("/links"), None, owner_only),
        (Method::POST, c.path("/links"), Some(link), owner_only),
        (
            Method::DELETE,
            c.path(&format!("/links/{spare_id}")),
            None,
            owner_only,
        ),
        (Method::GET, c.path("/conflicts"), None, organiser),
        (
            Method::PUT,
            c.path(&format!("/judges/{judge_id}/conflicts")),
            Some(conflicts),
            organiser,
        ),
        (Method::GET, c.path("/audit"), None, organiser),
        (
            Method::POST,
            c.path(&format!("/contestants/{}/feedback-link", c.who("Alto"))),
            None,
            organiser,
        ),
        (Method::POST, c.round_path("/open"), None, organiser),
        // While the round is open, so that the judge's save is stored.
        (Method::GET, c.round_path("/sheet"), None, judge_only),
        (Method::PUT, c.round_path("/sheet"), Some(sheet), judge_only),
        (Method::GET, c.round_path("/progress"), None, organiser),
        (Method::GET, c.round_path("/results"), None, organiser),
        (Method::GET, c.round_path("/export"), None, organiser),
        (
            Method::POST,
            c.round_path(&format!("/sheets/{judge_id}/reopen")),
            None,
            organiser,
        ),
        (Method::POST, c.round_path("/close"), None, organiser),
        (Method::POST, c.round_path("/publish"), None, organiser),
    ];
    for (method, path, body, expected) in &endpoints {
        for ((who, secret), want) in callers.iter().zip(expected) {
            let path = if *who == "participant" {
                format!("{path}?client_id={participant}")
            } else {
                path.clone()
            };
            let r = call(&app, method.clone(), &path, *secret, body.as_ref()).await;
            let got = r.status().as_u16();
            if *want == OK {
                assert!(
                    r.status().is_success() || got == 409,
                    "{method} {path} as {who}: {got}"
                );
            } else {
                assert_eq!(got, *want, "{method} {path} as {who}");
                let problem = assert_problem(r, r_status(*want)).await;
                let code = problem["code"].as_str().unwrap();
                let expected_code = match (*who, *want) {
                    (_, 401) => "contest_secret_required",
                    ("judge of another contest", _) => "contest_secret_rejected",
                    ("revoked link", _) => "link_revoked",
                    _ => "role_forbidden",
                };
                assert_eq!(code, expected_code, "{method} {path} as {who}");
            }
        }
    }
    assert_eq!(
        endpoints.len(),
        19,
        "every contest endpoint that needs a secret"
    );
    // Nothing the refused callers sent was stored: the only sheet change
    // is the judge's own.
    let log = audit(&app, &c).await;
    let marks_by: Vec<&str> = log
        .iter()
        .filter(|e| e["action"] == "mark")
        .map(|e| e["actor"].as_str().unwrap())
        .collect();
    assert_eq!(marks_by, [format!("judge:{judge_id}")]);
}

pub(crate) fn r_status(code: u16) -> StatusCode {
    StatusCode::from_u16(code).unwrap()
}

/// Judges submit while the organiser closes the round: every sheet ends in
/// exactly one state, each answer says which, and the audit log holds
/// every change that was stored and nothing that was not.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn judges_submitting_while_the_round_closes() {
    const JUDGES: usize = 16;
    let app = spawn_app().await;
    let c = create_contest(&app, &choir_body()).await;
    let mut judges = Vec::new();
    for i in 0..JUDGES {
        judges.push(invite(&app, &c, "judge", &format!("Judge {i}")).await);
    }
    assert_eq!(
        organise(&app, &c, "open").await.status(),
        StatusCode::NO_CONTENT
    );
    // Every judge drafts five of six marks; the sixth comes with the
    // submission, so a refused submission stores nothing at all.
    let drafted = [
        ("Alto", "Voice", "8"),
        ("Alto", "Stage", "6"),
        ("Bass", "Voice", "7"),
        ("Bass", "Stage", "7"),
        ("Cello", "Voice", "9"),
    ];
    for (_, secret) in &judges {
        ok_json(save(&app, &c, secret, &marks(&c, &drafted, false)).await).await;
    }
    let app = std::sync::Arc::new(app);
    let c = std::sync::Arc::new(c);
    let mut tasks = Vec::new();
    for (i, (id, secret)) in judges.iter().cloned().enumerate() {
        let (app, c) = (app.clone(), c.clone());
        tasks.push(tokio::spawn(async move {
            // Spread the submissions over the moment of the close.
            tokio::time::sleep(std::time::Duration::from_millis(3 * i as u64)).await;
            let body = marks(&c, &[("Cello", "Stage", "4")], true);
            let status = save(&app, &c, &secret, &body).await.status();
            (id, status)
        }));
    }
    let closer = {
        let (app, c) = (app.clone(), c.clone());
        tokio::spawn(async move {
            tokio::time::sleep(std::time::Duration::from_millis(3 * JUDGES as u64 / 2)).await;
            organise(&app, &c, "close").await.status()
        })
    };
    let mut answers = BTreeMap::new();
    for task in tasks {
        let (id, status) = task.await.unwrap();
        assert!(
            status == StatusCode::OK || status == StatusCode::CONFLICT,
            "{status}"
        );
        answers.insert(id, status);
    }
    assert_eq!(closer.await.unwrap(), StatusCode::NO_CONTENT);

    let progress = get(&app, &c.round_path("/progress"), Some(&c.owner)).await;
    let log = audit(&app, &c).await;
    let closed_at = log.iter().find(|e| e["action"] == "round_closed").unwrap()["seq"]
        .as_i64()
        .unwrap();
    let mut accepted = 0;
    for p in progress.as_array().unwrap() {
        let id = p["judge"]["link_id"].as_str().unwrap().to_owned();
        let acknowledged = answers[&id] == StatusCode::OK;
        // The sheet's state is what its answer said.
        let want = if acknowledged { "submitted" } else { "draft" };
        assert_eq!(p["state"], want, "judge {id}");
        // A refused submission stored nothing: its sixth mark is absent.
        assert_eq!(p["scored"], if acknowledged { 6 } else { 5 });
        let mine = |action: &str| {
            log.iter()
                .filter(|e| e["action"] == action && e["judge_id"] == id.as_str())
                .map(|e| e["seq"].as_i64().unwrap())
                .collect::<Vec<_>>()
        };
        let submits = mine("submit");
        let mark_seqs = mine("mark");
        assert_eq!(submits.len(), usize::from(acknowledged), "judge {id}");
        assert_eq!(mark_seqs.len(), 5 + usize::from(acknowledged), "judge {id}");
        // Whatever was stored was stored before the close.
        assert!(submits.iter().chain(&mark_seqs).all(|s| *s < closed_at));
        accepted += usize::from(acknowledged);
    }
    eprintln!("{accepted} of {JUDGES} submissions landed before the close");
    // The results count exactly the acknowledged submissions.
    let results = get(&app, &c.round_path("/results"), Some(&c.owner)).await;
    assert_eq!(results["sheets"], accepted);
}

/// One judge's marks in the people's-choice tests: Alto and Cello 8, Bass 6.
const JUDGED: [(&str, &str, &str); 6] = [
    ("Alto", "Voice", "8"),
    ("Alto", "Stage", "8"),
    ("Bass", "Voice", "6"),
    ("Bass", "Stage", "6"),
    ("Cello", "Voice", "8"),
    ("Cello", "Stage", "8"),
];

/// A presentation whose single-choice poll names the contestants.
async fn favourite_poll(app: &TestApp) -> crate::helpers::Created {
    crate::common::create_presentation(
        &app.client,
        &app.address,
        &json!({"polls": [{"question": "Your favourite?", "options": [
            {"key": "A", "value": "Alto"}, {"key": "B", "value": "Bass"},
            {"key": "C", "value": "Cello"}]}]}),
    )
    .await
}

/// A contest from `body` whose one judge has submitted [`JUDGED`], its
/// round left open.
async fn judged_contest(app: &TestApp, body: &Value) -> Contest {
    let c = create_contest(app, body).await;
    let (_, judge) = invite(app, &c, "judge", "Judge").await;
    organise(app, &c, "open").await;
    ok_json(save(app, &c, &judge, &marks(&c, &JUDGED, true)).await).await;
    c
}

/// Each standing's audience votes and people's-choice component.
fn people(results: &Value) -> Vec<(String, u64, String)> {
    results["standings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap().to_owned(),
                s["audience_votes"].as_u64().unwrap(),
                s["people"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// One vote per key, each from a new phone.
async fn cast(app: &TestApp, deck: &crate::helpers::Created, keys: &[&str]) {
    for key in keys {
        let r = app
            .vote(&deck.id, &deck.poll_ids[0], uuid::Uuid::new_v4(), key)
            .await;
        assert!(r.status().is_success(), "{}", r.status());
    }
}

/// People's choice: a single-choice poll whose options are named like the
/// contestants. As a weighted component it adds weight × share of the
/// votes; as a tie-break it orders contestants the judges could not part.
#[tokio::test]
async fn the_audience_vote_enters_the_ranking() {
    let app = spawn_app().await;
    let deck = favourite_poll(&app).await;
    cast(&app, &deck, &["C", "C", "C", "A"]).await;
    let mut outcomes = Vec::new();
    for (weight, tie_break) in [("1", false), ("0", true)] {
        let mut body = choir_body();
        body["tie_break_criterion"] = Value::Null;
        body["tie_break_audience"] = json!(tie_break);
        body["audience"] = json!({"poll_id": deck.poll_ids[0], "weight": weight});
        let c = judged_contest(&app, &body).await;
        let results = get(&app, &c.round_path("/results"), Some(&c.owner)).await;
        outcomes.push((standings(&results), people(&results)));
    }
    // Weight 1: Cello 8 + 3/4, Alto 8 + 1/4, Bass 6 + 0.
    let row = |rank: u64, name: &str, raw: &str, adjusted: &str| {
        (rank, name.to_owned(), raw.to_owned(), adjusted.to_owned())
    };
    assert_eq!(
        outcomes[0].0,
        [
            row(1, "Cello", "8", "8.75"),
            row(2, "Alto", "8", "8.25"),
            row(3, "Bass", "6", "6"),
        ]
    );
    assert_eq!(
        outcomes[0].1,
        [
            ("Cello".to_owned(), 3, "0.75".to_owned()),
            ("Alto".to_owned(), 1, "0.25".to_owned()),
            ("Bass".to_owned(), 0, "0".to_owned()),
        ]
    );
    // Weight 0, audience as the tie-break: Alto and Cello tie at 8, and
    // Cello's 3 votes beat Alto's 1.
    assert_eq!(
        outcomes[1].0,
        [
            row(1, "Cello", "8", "8"),
            row(2, "Alto", "8", "8"),
            row(3, "Bass", "6", "6"),
        ]
    );
}

/// A judge's comments reach their contestant through a private link:
/// submitted sheets only, without the judges' names; another secret, or a
/// replaced link, reads nothing.
#[tokio::test]
async fn feedback_reaches_only_its_contestant() {
    let app = spawn_app().await;
    let c = create_contest(&app, &choir_body()).await;
    let (_, ann) = invite(&app, &c, "judge", "Ann").await;
    let (_, ben) = invite(&app, &c, "judge", "Ben").await;
    organise(&app, &c, "open").await;
    let all = [
        ("Alto", "Voice", "8"),
        ("Alto", "Stage", "8"),
        ("Bass", "Voice", "6"),
        ("Bass", "Stage", "6"),
        ("Cello", "Voice", "8"),
        ("Cello", "Stage", "8"),
    ];
    let mut body = marks(&c, &all, true);
    body["comments"] = json!([{"contestant_id": c.who("Bass"), "text": "Watch the tempo."}]);
    ok_json(save(&app, &c, &ann, &body).await).await;
    // Ben's comment stays in a draft: it is not released.
    let draft = json!({"comments": [{"contestant_id": c.who("Bass"), "text": "Draft thought"}]});
    ok_json(save(&app, &c, &ben, &draft).await).await;

    let release = c.path(&format!("/contestants/{}/feedback-link", c.who("Bass")));
    let first = ok_json(call(&app, Method::POST, &release, Some(&c.owner), None).await).await;
    let first = first["token"].as_str().unwrap().to_owned();
    let feedback = get(&app, &c.path("/feedback"), Some(&first)).await;
    assert_eq!(feedback["contestant"]["name"], "Bass");
    assert_eq!(
        feedback["comments"],
        json!([{"round": "Final", "text": "Watch the tempo."}])
    );
    assert!(!feedback.to_string().contains("Ann"), "{feedback}");

    // No secret, a judge's or the owner's: refused.
    let read = |secret: Option<String>| {
        let path = c.path("/feedback");
        let app = &app;
        async move { call(app, Method::GET, &path, secret.as_deref(), None).await }
    };
    assert_problem(read(None).await, StatusCode::UNAUTHORIZED).await;
    for secret in [&ann, &c.owner] {
        let problem = assert_problem(read(Some(secret.clone())).await, StatusCode::FORBIDDEN).await;
        assert_eq!(problem["code"], "contest_secret_rejected");
    }
    // Releasing again replaces the link: the first one stops working.
    let second = ok_json(call(&app, Method::POST, &release, Some(&c.owner), None).await).await;
    let second = second["token"].as_str().unwrap().to_owned();
    assert_problem(read(Some(first)).await, StatusCode::FORBIDDEN).await;
    assert_eq!(
        get(&app, &c.path("/feedback"), Some(&second)).await["contestant"]["name"],
        "Bass"
    );
    let released = audit(&app, &c)
        .await
        .iter()
        .filter(|e| e["action"] == "release_feedback" && e["contestant_id"] == c.who("Bass"))
        .count();
    assert_eq!(released, 2);
}

/// A final scores only its finalists: the organiser sets the lineup of a
/// draft round; the judge's sheet, a submission's count, the progress and
/// the ranking follow it; it is fixed once the round opens.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_final_scores_only_its_finalists() {
    let app = spawn_app().await;
    let mut body = choir_body();
    body["rounds"] = json!(["Heats", "Final"]);
    let heats = create_contest(&app, &body).await;
    let other = create_contest(&app, &choir_body()).await;
    let contest = get(&app, &heats.path(""), None).await;
    let final_ = Contest {
        id: heats.id.clone(),
        owner: heats.owner.clone(),
        round: contest["rounds"][1]["round_id"]
            .as_str()
            .unwrap()
            .to_owned(),
        contestants: heats.contestants.clone(),
        criteria: heats.criteria.clone(),
    };
    let (_, judge) = invite(&app, &final_, "judge", "Judge").await;
    let (_, cohost) = invite(&app, &final_, "cohost", "Co-host").await;
    let lineup = |names: &[&str]| json!({"contestant_ids": names.iter().map(|n| final_.who(n)).collect::<Vec<_>>()});
    let set = |secret: &str, body: Value| {
        let path = final_.round_path("/contestants");
        let secret = secret.to_owned();
        let app = &app;
        async move { call(app, Method::PUT, &path, Some(&secret), Some(&body)).await }
    };

    assert_eq!(
        assert_problem(set(&judge, lineup(&["Alto"])).await, StatusCode::FORBIDDEN).await["code"],
        "role_forbidden"
    );
    let stranger = json!({"contestant_ids": [other.who("Alto")]});
    for bad in [
        json!({"contestant_ids": []}),
        lineup(&["Alto", "Alto"]),
        stranger,
        json!({"contestant_ids": [uuid::Uuid::new_v4()]}),
    ] {
        let problem =
            assert_problem(set(&cohost, bad.clone()).await, StatusCode::BAD_REQUEST).await;
        assert_eq!(problem["code"], "invalid_lineup", "{bad}");
    }
    // Given in any order, kept in the contest's order.
    let r = set(&cohost, lineup(&["Cello", "Alto"])).await;
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let rounds = get(&app, &final_.path(""), None).await["rounds"].clone();
    assert_eq!(
        rounds[0]["contestant_ids"].as_array().unwrap().len(),
        3,
        "the heats keep everyone"
    );
    assert_eq!(
        rounds[1]["contestant_ids"],
        json!([final_.who("Alto"), final_.who("Cello")])
    );

    let r = call(
        &app,
        Method::POST,
        &final_.round_path("/open"),
        Some(&cohost),
        None,
    )
    .await;
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let problem = assert_problem(set(&cohost, lineup(&["Alto"])).await, StatusCode::CONFLICT).await;
    assert_eq!(problem["code"], "round_state");

    let sheet = get(&app, &final_.round_path("/sheet"), Some(&judge)).await;
    assert_eq!(on_sheet(&sheet), ["Alto", "Cello"]);
    let problem = assert_problem(
        save(
            &app,
            &final_,
            &judge,
            &marks(&final_, &[("Bass", "Voice", "8")], false),
        )
        .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(problem["code"], "invalid_sheet", "Bass is not in the final");
    // Two finalists × two criteria: four marks submit the sheet.
    let four = marks(
        &final_,
        &[
            ("Alto", "Voice", "8"),
            ("Alto", "Stage", "5"),
            ("Cello", "Voice", "9"),
            ("Cello", "Stage", "6"),
        ],
        true,
    );
    let saved = ok_json(save(&app, &final_, &judge, &four).await).await;
    assert_eq!(saved["state"], "submitted");
    let progress = get(&app, &final_.round_path("/progress"), Some(&cohost)).await;
    assert_eq!(
        (&progress[0]["scored"], &progress[0]["expected"]),
        (&json!(4), &json!(4))
    );
    let results = get(&app, &final_.round_path("/results"), Some(&cohost)).await;
    // Alto (2·8 + 5)/3 = 7, Cello (2·9 + 6)/3 = 8.
    assert_eq!(
        standings(&results)
            .iter()
            .map(|(rank, name, _, adjusted)| (*rank, name.as_str(), adjusted.as_str()))
            .collect::<Vec<_>>(),
        [(1, "Cello", "8"), (2, "Alto", "7")]
    );
    let lineups: Vec<Value> = audit(&app, &final_)
        .await
        .into_iter()
        .filter(|e| e["action"] == "lineup")
        .collect();
    assert_eq!(lineups.len(), 1);
    assert_eq!(
        lineups[0]["actor"].as_str().unwrap().split(':').next(),
        Some("cohost")
    );
}

/// On the spike path a vote counts for people's choice once Redis
/// acknowledges it, before the flusher brings it to Postgres (held back
/// here by a lock on the counters). Publishing waits for the audience poll
/// to close, so that the frozen ranking holds every vote.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn peoples_choice_counts_acknowledged_votes_before_the_flush_on_the_redis_path() {
    let app = crate::helpers::spawn_redis_app().await;
    let deck = favourite_poll(&app).await;
    let mut body = choir_body();
    body["audience"] = json!({"poll_id": deck.poll_ids[0], "weight": "1"});
    let c = judged_contest(&app, &body).await;

    // The flusher cannot write the counters while this transaction holds
    // them.
    let mut db = app.db.client().await;
    let held = db.transaction().await.unwrap();
    held.batch_execute("LOCK TABLE tallies IN ACCESS EXCLUSIVE MODE")
        .await
        .unwrap();
    cast(&app, &deck, &["C", "C", "C", "A"]).await;
    let in_postgres: i64 = held
        .query_one(
            "SELECT coalesce(sum(count), 0)::bigint FROM tallies WHERE poll_id = $1",
            &[&uuid::Uuid::parse_str(&deck.poll_ids[0]).unwrap()],
        )
        .await
        .unwrap()
        .get(0);
    assert_eq!(in_postgres, 0, "nothing flushed yet");
    let results = get(&app, &c.round_path("/results"), Some(&c.owner)).await;
    assert_eq!(
        people(&results),
        [
            ("Cello".to_owned(), 3, "0.75".to_owned()),
            ("Alto".to_owned(), 1, "0.25".to_owned()),
            ("Bass".to_owned(), 0, "0".to_owned()),
        ]
    );
    held.rollback().await.unwrap();

    organise(&app, &c, "close").await;
    let problem = assert_problem(organise(&app, &c, "publish").await, StatusCode::CONFLICT).await;
    assert_eq!(problem["code"], "audience_voting_open");
    let r = app
        .presenter(
            Method::POST,
            &format!("/presentations/{}/polls/current/close", deck.id),
            Some(&deck.token),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    ok_json(organise(&app, &c, "publish").await).await;
    let published = get(&app, &c.round_path("/results"), None).await;
    // Cello 8 + 3/4, Alto 8 + 1/4, Bass 6.
    assert_eq!(
        standings(&published)
            .iter()
            .map(|(rank, name, _, adjusted)| (*rank, name.as_str(), adjusted.as_str()))
            .collect::<Vec<_>>(),
        [(1, "Cello", "8.75"), (2, "Alto", "8.25"), (3, "Bass", "6")]
    );
}
