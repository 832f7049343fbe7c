//! The published OpenAPI document against the server it describes:
//! schemathesis (a schema-driven fuzzer, from PyPI; the test command installs
//! it) sends the requests the document allows, and some it does not, to the
//! real binary on the spike path, with a presenter token, and fails on any
//! server error, undocumented status, wrong content type or response that
//! does not match its schema. Bounded in time; the seed is fixed, so a run
//! can be repeated exactly. It runs in a temporary directory: schemathesis
//! keeps a cache of past findings under `.schemathesis/` in its working
//! directory, which would dirty the checkout and replay old cases into a
//! run that should depend on the seed alone.

use crate::binary::serve_on;
use crate::helpers::SendJson as _;
use std::process::Command;
use tally_testkit::postgres::EmptyDatabase;
use tally_testkit::redis::{Durability, RedisServer};

/// How long the fuzzer may run, seconds.
const BUDGET_SECS: &str = "60";

fn schemathesis() -> String {
    std::env::var("TALLY_SCHEMATHESIS").unwrap_or_else(|_| "st".to_owned())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_openapi_document_matches_the_server() {
    let db = EmptyDatabase::create().await;
    let redis = RedisServer::start(Durability::Durable).unwrap();
    let served = serve_on(&db.url(), false, Some(&redis.url())).await;
    let created = reqwest::Client::new()
        .post(format!("{}/presentations", served.base))
        .json(&serde_json::json!({"polls": [
            {"question": "Q?", "options": [{"key": "A", "value": "a"}, {"key": "B", "value": "b"}]}]}))
        .send_json()
        .await;
    let token = created["presenter_token"].as_str().unwrap().to_owned();
    let workdir = tempfile::tempdir().unwrap();
    let run = Command::new(schemathesis())
        .current_dir(workdir.path())
        .arg("run")
        .arg(format!("{}/openapi.json", served.base))
        .args(["-H", &format!("Authorization: Bearer {token}")])
        .args([
            "--checks",
            "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance",
        ])
        .args(["--max-time", BUDGET_SECS, "--seed", "1"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap_or_else(|e| {
            panic!("running schemathesis ({}): {e}; scripts/deps.sh installs it", schemathesis())
        });
    let report = String::from_utf8_lossy(&run.stdout);
    eprintln!(
        "{}",
        report
            .lines()
            .rev()
            .take(25)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(
        run.status.success(),
        "schemathesis found problems:\n{report}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
}
