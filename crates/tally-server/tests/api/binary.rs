//! The real `tally` binary against an empty database: it migrates, serves
//! on PORT, passes a v4 client, and stops cleanly on SIGTERM.

use crate::helpers::SendJson as _;
use crate::v4_client::V4Client;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tally_testkit::postgres::EmptyDatabase;

pub(crate) struct Served {
    child: Child,
    pub(crate) base: String,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn serve(db_url: &str, open: bool) -> Served {
    serve_on(db_url, open, None).await
}

/// `tally serve` on `db_url`, on the Redis intake when `redis_url` is given;
/// returns once it is ready.
pub(crate) async fn serve_on(db_url: &str, open: bool, redis_url: Option<&str>) -> Served {
    let port = tally_testkit::free_port();
    let mut command = Command::new(env!("CARGO_BIN_EXE_tally"));
    command
        .arg("serve")
        .env_clear()
        .env("DATABASE_URL", db_url)
        .env("PORT", port.to_string())
        .env("TALLY_WORKERS", "2")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    if open {
        command.env("TALLY_OPEN_PRESENTER", "1");
    }
    if let Some(url) = redis_url {
        command.env("REDIS_URL", url);
    }
    let served = Served {
        child: command.spawn().unwrap(),
        base: format!("http://127.0.0.1:{port}"),
    };
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Ok(r) = reqwest::get(format!("{}/readyz", served.base)).await {
            if r.status().is_success() {
                return served;
            }
        }
        assert!(
            Instant::now() < deadline,
            "tally serve did not become ready"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn sigterm_and_wait(mut served: Served) -> std::process::ExitStatus {
    let pid = served.child.id().to_string();
    Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Some(status) = served.child.try_wait().unwrap() {
            return status;
        }
        assert!(Instant::now() < deadline, "tally did not stop on SIGTERM");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[tokio::test]
async fn tally_serve_migrates_an_empty_database_and_passes_a_v4_client() {
    let db = EmptyDatabase::create().await;
    let served = serve(&db.url(), true).await;
    V4Client::new(&served.base, false).drive().await;
    // `tally health`, the containers' health check, agrees.
    let port = served.base.rsplit(':').next().unwrap().to_owned();
    let health = |port: &str| {
        Command::new(env!("CARGO_BIN_EXE_tally"))
            .arg("health")
            .env_clear()
            .env("PORT", port)
            .status()
            .unwrap()
            .success()
    };
    assert!(health(&port));
    assert!(sigterm_and_wait(served).success());
    assert!(!health(&port));
    let tables: i64 = db
        .client()
        .await
        .query_one(
            "SELECT count(*) FROM information_schema.tables WHERE table_name IN ('presentations','polls','options','votes')",
            &[],
        )
        .await
        .unwrap()
        .get(0);
    assert_eq!(tables, 4);
}

#[tokio::test]
async fn without_the_switch_the_binary_needs_the_token() {
    let db = EmptyDatabase::create().await;
    let served = serve(&db.url(), false).await;
    V4Client::new(&served.base, true).drive().await;
    let created: serde_json::Value = reqwest::Client::new()
        .post(format!("{}/presentations", served.base))
        .json(&crate::helpers::deck_body(2))
        .send_json()
        .await;
    let put = reqwest::Client::new()
        .put(format!(
            "{}/presentations/{}/polls/current",
            served.base,
            created["presentation_id"].as_str().unwrap()
        ))
        .header("Content-Type", "application/json")
        .send()
        .await
        .unwrap();
    assert_eq!(put.status(), reqwest::StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn tally_migrate_applies_the_schema_and_is_idempotent() {
    let db = EmptyDatabase::create().await;
    for _ in 0..2 {
        let status = Command::new(env!("CARGO_BIN_EXE_tally"))
            .arg("migrate")
            .env_clear()
            .env("DATABASE_URL", db.url())
            .stderr(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success());
    }
    let applied: i64 = db
        .client()
        .await
        .query_one("SELECT count(*) FROM refinery_schema_history", &[])
        .await
        .unwrap()
        .get(0);
    assert!(applied >= 1);
}

#[tokio::test]
async fn sigterm_closes_live_sockets_cleanly() {
    use futures_util::StreamExt as _;
    use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
    use tokio_tungstenite::tungstenite::Message;
    let db = EmptyDatabase::create().await;
    let served = serve(&db.url(), true).await;
    let created: serde_json::Value = reqwest::Client::new()
        .post(format!("{}/presentations", served.base))
        .json(&crate::helpers::deck_body(1))
        .send_json()
        .await;
    let url = format!(
        "{}/presentations/{}/live",
        served.base.replace("http://", "ws://"),
        created["presentation_id"].as_str().unwrap()
    );
    let (mut phone, _) = tokio_tungstenite::connect_async(url).await.unwrap();
    assert!(matches!(phone.next().await, Some(Ok(Message::Text(_)))));
    let pid = served.child.id().to_string();
    Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    let close = tokio::time::timeout(Duration::from_secs(10), phone.next())
        .await
        .expect("closed in time");
    match close {
        Some(Ok(Message::Close(Some(frame)))) => assert_eq!(frame.code, CloseCode::Away),
        other => panic!("expected a close frame, got {other:?}"),
    }
    assert!(sigterm_and_wait(served).success());
}
