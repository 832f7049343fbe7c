//! Published means frozen (issue 24): a conflict set after publishing
//! leaves the published round's results, export and digest as they were,
//! anyone can recompute the digest from the export, and `tally verify`
//! names a published standing or a frozen mark changed behind the
//! application's back.

use crate::contests::{
    call, choir_body, create_contest, get, invite, marks, organise, save, standings, tally_verify,
    Contest,
};
use crate::helpers::{spawn_app, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use sha2::{Digest as _, Sha256};

/// The digest's canonical form (version 2) as the README documents it,
/// rebuilt from an export alone.
fn digest_from_export(export: &Value) -> String {
    let results = &export["results"];
    let mut lines: Vec<String> = export["marks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            format!(
                "{} {} {} {}",
                m["judge_id"].as_str().unwrap(),
                m["contestant_id"].as_str().unwrap(),
                m["criterion_id"].as_str().unwrap(),
                m["value"].as_str().unwrap()
            )
        })
        .collect();
    lines.sort();
    let mut text = format!(
        "tally-contest-digest-v2\nround {}\n",
        results["round_id"].as_str().unwrap()
    );
    for line in lines {
        text.push_str(&line);
        text.push('\n');
    }
    let shown = |v: &Value| v.as_str().unwrap_or("-").to_owned();
    for s in results["standings"].as_array().unwrap() {
        text.push_str(&format!(
            "standing {} {} raw={} adjusted={} people={} votes={} judges={}",
            s["rank"],
            s["contestant_id"].as_str().unwrap(),
            shown(&s["raw"]),
            shown(&s["adjusted"]),
            shown(&s["people"]),
            s["audience_votes"],
            s["judges"]
        ));
        for c in s["by_criterion"].as_array().unwrap() {
            text.push_str(&format!(
                " {}={}",
                c["criterion_id"].as_str().unwrap(),
                shown(&c["score"])
            ));
        }
        text.push('\n');
    }
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

async fn export(app: &TestApp, c: &Contest) -> Value {
    get(app, &c.round_path("/export"), Some(&c.owner)).await
}

/// Two judges score every contestant on both criteria, and the round is
/// published: 12 marks.
async fn published_round(app: &TestApp) -> (Contest, String) {
    let c = create_contest(app, &choir_body()).await;
    let (j1_id, j1) = invite(app, &c, "judge", "Judge One").await;
    let (_, j2) = invite(app, &c, "judge", "Judge Two").await;
    assert_eq!(
        organise(app, &c, "open").await.status(),
        StatusCode::NO_CONTENT
    );
    for (judge, base) in [(&j1, 7), (&j2, 5)] {
        let sheet: Vec<(String, &str, String)> = ["Alto", "Bass", "Cello"]
            .iter()
            .enumerate()
            .flat_map(|(i, who)| {
                ["Voice", "Stage"]
                    .into_iter()
                    .map(move |on| (who.to_string(), on, (base + i).to_string()))
            })
            .collect();
        let triples: Vec<(&str, &str, &str)> = sheet
            .iter()
            .map(|(w, o, v)| (w.as_str(), *o, v.as_str()))
            .collect();
        let r = save(app, &c, judge, &marks(&c, &triples, true)).await;
        assert_eq!(r.status(), StatusCode::OK);
    }
    for action in ["close", "publish"] {
        assert!(organise(app, &c, action).await.status().is_success());
    }
    (c, j1_id)
}

#[tokio::test]
async fn a_conflict_set_after_publishing_leaves_the_published_round_as_announced() {
    let app = spawn_app().await;
    let (c, j1_id) = published_round(&app).await;
    let results_path = c.round_path("/results");
    let public = get(&app, &results_path, None).await;
    let before = export(&app, &c).await;
    assert_eq!(before["marks"].as_array().unwrap().len(), 12);
    let digest = public["digest"].as_str().unwrap().to_owned();
    assert_eq!(
        digest_from_export(&before),
        digest,
        "the export recomputes the digest"
    );

    // The organiser excludes Judge One from Alto after publishing: the
    // conflict is stored (for rounds to come), the published round keeps
    // every mark it counted.
    let r = call(
        &app,
        Method::PUT,
        &c.path(&format!("/judges/{j1_id}/conflicts")),
        Some(&c.owner),
        Some(&json!({"contestant_ids": [c.who("Alto")]})),
    )
    .await;
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let after = export(&app, &c).await;
    assert_eq!(after["marks"].as_array().unwrap().len(), 12);
    assert_eq!(after, before);
    assert_eq!(digest_from_export(&after), digest);
    let public_after = get(&app, &results_path, None).await;
    assert_eq!(public_after, public);
    let (agree, report) = tally_verify(&app);
    assert!(agree, "{report}");
    assert!(report.contains("digest"), "{report}");
    assert!(report.contains("verified"), "{report}");
}

#[tokio::test]
async fn verify_names_a_published_standing_or_a_frozen_mark_changed_in_the_database() {
    let app = spawn_app().await;
    let (c, _) = published_round(&app).await;
    let results_path = c.round_path("/results");
    let top = standings(&get(&app, &results_path, None).await)[0].clone();
    let (agree, report) = tally_verify(&app);
    assert!(agree, "{report}");

    // The top published score set to 99 behind the application's back:
    // the public sees it, and verify names it.
    let db = app.db.client().await;
    let original: String = db
        .query_one(
            "SELECT snapshot::text FROM contest_rounds WHERE state = 'published'",
            &[],
        )
        .await
        .unwrap()
        .get(0);
    let changed = db
        .execute(
            "UPDATE contest_rounds SET snapshot = \
               jsonb_set(snapshot, '{standings,0,adjusted}', '\"99\"') WHERE state = 'published'",
            &[],
        )
        .await
        .unwrap();
    assert_eq!(changed, 1);
    let shown = standings(&get(&app, &results_path, None).await);
    assert_eq!(shown[0].3, "99", "the public reads the publication");
    let (agree, report) = tally_verify(&app);
    assert!(!agree, "{report}");
    assert!(report.contains("digest mismatch"), "{report}");
    assert!(
        report.contains("standing changed after publishing")
            && report.contains("adjusted=99")
            && report.contains(&format!("adjusted={}", top.3)),
        "{report}"
    );

    // Put back, then a frozen mark changed: the digest and the audit log
    // both disagree.
    db.execute(
        "UPDATE contest_rounds SET snapshot = $1::text::jsonb WHERE state = 'published'",
        &[&original],
    )
    .await
    .unwrap();
    assert!(tally_verify(&app).0);
    db.execute(
        "UPDATE contest_rounds SET frozen = jsonb_set(frozen, '{marks,0,mark}', '\"1\"') \
         WHERE state = 'published'",
        &[],
    )
    .await
    .unwrap();
    let (agree, report) = tally_verify(&app);
    assert!(!agree, "{report}");
    assert!(report.contains("digest mismatch"), "{report}");
    assert!(report.contains("is 1 but the audit log says"), "{report}");
}
