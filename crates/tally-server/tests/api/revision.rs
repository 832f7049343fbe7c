//! Correcting a contest (issue 24, point 2): anything may change until a
//! round it affects has a saved mark; after that, what would change the
//! meaning of saved marks is refused with 409 and the reason, while text
//! fixes still go through. Every edit is audited.

use crate::contests::{
    audit, call, choir_body, create_contest, get, invite, marks, organise, save, Contest,
};
use crate::helpers::{assert_problem, spawn_app, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

/// The contest's definition as `PUT /contests/{id}` takes it, from the
/// contest as `GET` answers it.
fn definition(contest: &Value) -> Value {
    json!({
        "title": contest["title"],
        "method": contest["method"],
        "criteria": contest["criteria"].as_array().unwrap().iter().map(|c| json!({
            "criterion_id": c["criterion_id"], "name": c["name"],
            "description": c["description"], "weight": c["weight"],
            "min": c["min"], "max": c["max"], "step": c["step"],
        })).collect::<Vec<_>>(),
        "contestants": contest["contestants"].as_array().unwrap().iter().map(|c| json!({
            "id": c["contestant_id"], "name": c["name"],
        })).collect::<Vec<_>>(),
        "rounds": contest["rounds"].as_array().unwrap().iter().map(|r| json!({
            "id": r["round_id"], "name": r["name"],
        })).collect::<Vec<_>>(),
        "tie_break_criterion": contest["tie_breaks"][0],
    })
}

async fn revise(app: &TestApp, c: &Contest, secret: &str, body: &Value) -> reqwest::Response {
    call(app, Method::PUT, &c.path(""), Some(secret), Some(body)).await
}

fn names(list: &Value, key: &str) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|x| x[key].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn a_contest_is_corrected_until_marks_would_change_meaning() {
    let app = spawn_app().await;
    let c = create_contest(&app, &choir_body()).await;
    let (_, judge) = invite(&app, &c, "judge", "Judge One").await;
    let (_, cohost) = invite(&app, &c, "cohost", "Co-host").await;
    let contest = get(&app, &c.path(""), None).await;

    // Before any mark, everything may change: a typo in a criterion, its
    // weight, a late contestant, a renamed round and one more round.
    let mut body = definition(&contest);
    body["title"] = json!("Spring choir contest 2026");
    body["criteria"][0]["name"] = json!("Vocals");
    body["criteria"][0]["weight"] = json!("3");
    body["tie_break_criterion"] = json!("Vocals");
    body["contestants"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": null, "name": "Drum"}));
    body["rounds"][0]["name"] = json!("Grand final");
    body["rounds"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": null, "name": "Encore"}));
    let r = revise(&app, &c, &c.owner, &body).await;
    assert_eq!(r.status(), StatusCode::OK);
    let revised = get(&app, &c.path(""), None).await;
    assert_eq!(revised["title"], "Spring choir contest 2026");
    assert_eq!(names(&revised["criteria"], "name"), ["Vocals", "Stage"]);
    assert_eq!(revised["criteria"][0]["weight"], "3");
    assert_eq!(
        revised["criteria"][0]["criterion_id"], contest["criteria"][0]["criterion_id"],
        "a revised criterion keeps its id"
    );
    assert_eq!(
        names(&revised["contestants"], "name"),
        ["Alto", "Bass", "Cello", "Drum"]
    );
    assert_eq!(names(&revised["rounds"], "name"), ["Grand final", "Encore"]);
    assert_eq!(
        revised["rounds"][0]["contestant_ids"]
            .as_array()
            .unwrap()
            .len(),
        4,
        "a new contestant joins the rounds still in draft"
    );

    // Only the owner corrects a contest; bad bodies get 400.
    let body = definition(&revised);
    let denied = assert_problem(
        revise(&app, &c, &cohost, &body).await,
        StatusCode::FORBIDDEN,
    )
    .await;
    assert_eq!(denied["code"], "role_forbidden");
    let mut stranger = body.clone();
    stranger["contestants"][0]["id"] = json!(uuid::Uuid::new_v4());
    let bad = assert_problem(
        revise(&app, &c, &c.owner, &stranger).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(bad["code"], "invalid_contest");
    let mut empty = body.clone();
    empty["title"] = json!("");
    assert_problem(
        revise(&app, &c, &c.owner, &empty).await,
        StatusCode::BAD_REQUEST,
    )
    .await;

    // The judge saves a first (draft) mark in the final.
    assert_eq!(
        organise(&app, &c, "open").await.status(),
        StatusCode::NO_CONTENT
    );
    let mut c = c;
    c.criteria.insert(
        "Vocals".to_owned(),
        revised["criteria"][0]["criterion_id"]
            .as_str()
            .unwrap()
            .to_owned(),
    );
    let saved = save(
        &app,
        &c,
        &judge,
        &marks(&c, &[("Alto", "Vocals", "8")], false),
    )
    .await;
    assert_eq!(saved.status(), StatusCode::OK);

    // Now a weight, a range, a new criterion or a removed contestant would
    // change what that mark means: refused, saying what and where.
    type Edit = Box<dyn Fn(&mut Value)>;
    let refusals: [(&str, Edit); 4] = [
        (
            "weight",
            Box::new(|b: &mut Value| b["criteria"][0]["weight"] = json!("1")),
        ),
        (
            "step",
            Box::new(|b: &mut Value| b["criteria"][1]["step"] = json!("0.5")),
        ),
        (
            "adding criterion",
            Box::new(|b: &mut Value| {
                b["criteria"].as_array_mut().unwrap().push(json!({
                    "criterion_id": null, "name": "Diction", "description": "",
                    "weight": "1", "min": "1", "max": "10", "step": "1",
                }))
            }),
        ),
        (
            "removing contestant Alto",
            Box::new(|b: &mut Value| {
                b["contestants"].as_array_mut().unwrap().remove(0);
            }),
        ),
    ];
    for (what, edit) in refusals {
        let mut changed = body.clone();
        edit(&mut changed);
        let refused = assert_problem(
            revise(&app, &c, &c.owner, &changed).await,
            StatusCode::CONFLICT,
        )
        .await;
        assert_eq!(refused["code"], "contest_locked", "{what}");
        let detail = refused["detail"].as_str().unwrap();
        assert!(detail.contains("round Grand final"), "{what}: {detail}");
        if what.starts_with("adding") || what.starts_with("removing") {
            assert!(detail.contains(what), "{what}: {detail}");
        }
    }
    let unchanged = get(&app, &c.path(""), None).await;
    assert_eq!(unchanged["criteria"][0]["weight"], "3");
    assert_eq!(unchanged["contestants"].as_array().unwrap().len(), 4);

    // Text fixes still go through, and so does a draft round's removal.
    let mut fixes = body.clone();
    fixes["criteria"][0]["description"] = json!("Pitch, tone and blend");
    fixes["criteria"][1]["name"] = json!("Stagecraft");
    fixes["rounds"].as_array_mut().unwrap().remove(1);
    let r = revise(&app, &c, &c.owner, &fixes).await;
    assert_eq!(r.status(), StatusCode::OK, "{}", r.text().await.unwrap());
    let fixed = get(&app, &c.path(""), None).await;
    assert_eq!(fixed["criteria"][0]["description"], "Pitch, tone and blend");
    assert_eq!(names(&fixed["criteria"], "name"), ["Vocals", "Stagecraft"]);
    assert_eq!(names(&fixed["rounds"], "name"), ["Grand final"]);

    // Every edit is in the audit log, with its before and after.
    let log = audit(&app, &c).await;
    let edits: Vec<(String, Option<String>, Option<String>)> = log
        .iter()
        .filter(|e| e["action"].as_str().unwrap().starts_with("edit_"))
        .map(|e| {
            (
                e["action"].as_str().unwrap().to_owned(),
                e["before"].as_str().map(str::to_owned),
                e["after"].as_str().map(str::to_owned),
            )
        })
        .collect();
    let actions: Vec<&str> = edits.iter().map(|e| e.0.as_str()).collect();
    assert_eq!(
        actions,
        [
            "edit_title",
            "edit_criterion",
            "edit_contestant",
            "edit_round",
            "edit_round",
            "edit_criterion",
            "edit_criterion",
            "edit_round",
        ],
        "{edits:?}"
    );
    assert_eq!(
        edits[0],
        (
            "edit_title".to_owned(),
            Some("Spring choir contest".to_owned()),
            Some("Spring choir contest 2026".to_owned())
        )
    );
    assert!(
        edits[1]
            .1
            .as_deref()
            .unwrap()
            .starts_with("Voice (weight 2"),
        "{edits:?}"
    );
    assert!(
        edits[1]
            .2
            .as_deref()
            .unwrap()
            .starts_with("Vocals (weight 3"),
        "{edits:?}"
    );
    assert_eq!(edits[7].2, None, "the removed Encore");
}
