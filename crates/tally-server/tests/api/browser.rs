//! The web app in a real browser: `crates/tally-web/e2e/scenario.mjs`
//! drives Debian's Chromium with Playwright (from npm; the test command
//! installs both) against the real binary on the spike path, with real
//! Postgres and Redis and presenter tokens required. The scenario checks
//! each step itself and exits non-zero on the first failure; its figures
//! and the screenshots' folder are printed at the end.

use crate::binary::serve_on;
use std::process::Command;
use tally_testkit::postgres::EmptyDatabase;
use tally_testkit::redis::{Durability, RedisServer};

const SCENARIO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tally-web/e2e/scenario.mjs");

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_web_app_runs_an_event_end_to_end_in_chromium() {
    let db = EmptyDatabase::create().await;
    let redis = RedisServer::start(Durability::Durable).unwrap();
    let served = serve_on(&db.url(), false, Some(&redis.url())).await;
    let chromium = std::env::var("TALLY_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let run = tokio::task::spawn_blocking({
        let base = served.base.clone();
        move || {
            Command::new("node")
                .arg(SCENARIO)
                .env("TALLY_URL", base)
                .env("TALLY_CHROMIUM", chromium)
                .output()
        }
    })
    .await
    .unwrap()
    .unwrap_or_else(|e| panic!("running node ({e}); scripts/test.sh installs it"));
    let out = String::from_utf8_lossy(&run.stdout);
    eprintln!("{out}");
    assert!(
        run.status.success() && out.contains("[e2e] PASS"),
        "the browser scenario failed:\n{out}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
}
