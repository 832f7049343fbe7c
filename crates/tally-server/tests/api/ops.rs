//! Health, metrics and docs.

use crate::helpers::{metric, spawn_app, spawn_open_app};
use reqwest::{Method, StatusCode};
use serde_json::Value;
use uuid::Uuid;

#[tokio::test]
async fn liveness_and_readiness() {
    let app = spawn_app().await;
    for path in ["/livez", "/readyz"] {
        let r = app.request(Method::GET, path).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::OK, "{path}");
    }
}

#[tokio::test]
async fn votes_and_requests_move_the_metrics() {
    let app = spawn_open_app().await;
    let c = app.create_deck(2).await;
    app.vote(&c.id, &c.poll_ids[0], Uuid::new_v4(), "A").await;
    app.vote(&c.id, &c.poll_ids[1], Uuid::new_v4(), "A").await; // not current
    app.request(
        Method::POST,
        &format!("/presentations/{}/polls/current/votes", c.id),
    )
    .body("{")
    .send()
    .await
    .unwrap();
    let text = app.metrics_text().await;
    assert_eq!(
        metric(&text, "tally_votes_accepted_total{outcome=\"counted\"}"),
        1.0
    );
    assert_eq!(
        metric(
            &text,
            "tally_votes_rejected_total{reason=\"poll_not_current\"}"
        ),
        1.0
    );
    assert_eq!(
        metric(&text, "tally_votes_rejected_total{reason=\"invalid\"}"),
        1.0
    );
    assert_eq!(
        metric(
            &text,
            "tally_http_requests_total{method=\"POST\",route=\"/presentations/{presentation_id}/polls/current/votes\",status=\"204\"}"
        ),
        1.0
    );
    // Paths are never labels: an unknown path is counted as "unmatched".
    app.request(Method::GET, &format!("/{}", Uuid::new_v4()))
        .send()
        .await
        .unwrap();
    let text = app.metrics_text().await;
    assert!(text.contains("route=\"unmatched\""));
    assert!(!text
        .lines()
        .any(|l| l.starts_with("tally_http") && l.contains(&c.id)));
}

/// Redis commands are timed by command, whoever sends them: the vote
/// script, the mirror, the flusher.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn redis_commands_are_timed_by_command() {
    let app = crate::helpers::spawn_redis_app().await;
    let c = app.create_deck(1).await;
    for _ in 0..3 {
        app.vote(&c.id, &c.poll_ids[0], Uuid::new_v4(), "A").await;
    }
    let count = |text: &str, command: &str| {
        metric(
            text,
            &format!("tally_redis_command_duration_seconds_count{{command=\"{command}\"}}"),
        )
    };
    let mut text = String::new();
    // The flusher acknowledges its batch in a pipeline once it is stored.
    for _ in 0..100 {
        text = app.metrics_text().await;
        if metric(&text, "tally_flush_rows_total") >= 3.0 && count(&text, "pipeline") >= 1.0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(count(&text, "script:vote") >= 3.0, "{text}");
    assert!(count(&text, "script:install") >= 1.0, "{text}");
    assert!(count(&text, "xreadgroup") >= 1.0, "{text}");
    assert!(count(&text, "pipeline") >= 1.0, "{text}");
    assert_eq!(
        metric(
            &text,
            "tally_redis_command_failures_total{command=\"script:vote\"}"
        ),
        0.0
    );
    assert!(!text
        .lines()
        .any(|l| l.starts_with("tally_redis") && l.contains(&c.id)));
}

#[tokio::test]
async fn openapi_and_docs_are_served() {
    let app = spawn_app().await;
    let spec: Value = app.get_json("/openapi.json").await;
    assert!(spec["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/presentations",
        "/presentations/{presentation_id}/polls/current/votes",
        "/presentations/{presentation_id}/polls/{poll_id}/results",
        "/join/{join_code}",
    ] {
        assert!(
            spec["paths"][path].is_object(),
            "{path} missing from OpenAPI"
        );
    }
    assert!(spec["components"]["securitySchemes"]["presenter_token"].is_object());
    // poll-types.md: every new path, and a results example per type.
    for path in [
        "/presentations/{presentation_id}/polls/{poll_id}/questions",
        "/presentations/{presentation_id}/polls/{poll_id}/questions/{question_id}/upvote",
        "/presentations/{presentation_id}/polls/{poll_id}/questions/{question_id}/{action}",
        "/presentations/{presentation_id}/polls/{poll_id}/entries/{entry_id}/{action}",
        "/presentations/{presentation_id}/polls/current/timer",
        "/presentations/{presentation_id}/polls/{poll_id}/reset",
        "/presentations/{presentation_id}/leaderboard",
    ] {
        assert!(
            spec["paths"][path].is_object(),
            "{path} missing from OpenAPI"
        );
    }
    let examples: std::collections::BTreeSet<&str> = spec["components"]["schemas"]["ResultsBody"]
        ["examples"]
        .as_array()
        .expect("results examples")
        .iter()
        .map(|e| e["type"].as_str().unwrap())
        .collect();
    // Multiple choice's body is single choice's (`options[{votes}]`).
    for kind in [
        "single",
        "scale",
        "ranking",
        "points",
        "wordcloud",
        "open",
        "quiz",
        "qa",
    ] {
        assert!(
            examples.contains(kind),
            "no results example of {kind}: {examples:?}"
        );
    }
    let docs = app.client.get(app.url("/docs/")).send().await.unwrap();
    assert_eq!(docs.status(), StatusCode::OK);
    assert!(docs
        .text()
        .await
        .unwrap()
        .to_lowercase()
        .contains("swagger"));
    let redirect = app.client.get(app.url("/docs")).send().await.unwrap();
    assert_eq!(
        redirect.status(),
        StatusCode::OK,
        "follows the redirect to /docs/"
    );
}

/// The exposition passes Prometheus's own linter (`promtool`, from Debian's
/// `prometheus` package, which the test command installs).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_metrics_pass_promtool_and_count_live_connections() {
    use std::io::Write as _;
    let app = crate::helpers::spawn_redis_app().await;
    let c = app.create_deck(1).await;
    app.vote(&c.id, &c.poll_ids[0], Uuid::new_v4(), "A").await;
    let url = format!(
        "{}/presentations/{}/live",
        app.address.replace("http://", "ws://"),
        c.id
    );
    let (_phone, _) = tokio_tungstenite::connect_async(url).await.unwrap();
    let mut text = String::new();
    for _ in 0..50 {
        text = app.metrics_text().await;
        if text.contains("tally_live_connections{channel=\"audience\"} 1") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert!(
        text.contains("tally_live_connections{channel=\"audience\"} 1"),
        "{text}"
    );
    assert!(text.contains("tally_db_pool_connections{state=\"max\"} 20"));
    let mut promtool = std::process::Command::new("promtool")
        .args(["check", "metrics"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("promtool is installed (apt-get install prometheus)");
    promtool
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = promtool.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "promtool: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
