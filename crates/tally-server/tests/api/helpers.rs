//! `spawn_app()`: a fresh database, migrated, and the app on a random port.

use reqwest::{Method, Response, StatusCode};
use serde_json::{json, Value};
use std::sync::Once;
use tally_server::{Application, Settings};
use tally_testkit::postgres::TestDatabase;
use tally_testkit::redis::{Durability, RedisServer};
use uuid::Uuid;

pub use crate::common::{deck_body, Created};

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub db: TestDatabase,
    /// The test's own Redis, in Redis intake mode.
    pub redis: Option<RedisServer>,
    _server: RunningServer,
}

/// A server started by a test; stopped when dropped, so finished tests do
/// not leave servers (and their worker threads) behind.
pub struct RunningServer {
    pub address: String,
    handle: actix_web::dev::ServerHandle,
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        // `stop` sends the command at once; its future only awaits the end.
        drop(self.handle.stop(false));
    }
}

/// Settings for a test app on `db`: loopback, a random port, small pools,
/// and Redis intake when `redis_url` is given.
pub fn test_settings(db_url: &str, open_presenter: bool, redis_url: Option<&str>) -> Settings {
    let mut settings = Settings::load_from(None, |_| None).expect("defaults");
    settings.port = 0;
    settings.database_url = db_url.to_owned().into();
    settings.open_presenter = open_presenter;
    settings.workers = 2;
    settings.database_pool_size = 20;
    settings.shutdown_timeout_secs = 1;
    settings.redis_url = redis_url.map(|u| u.to_owned().into());
    settings.flush_reclaim_idle_ms = 1_000;
    settings.drain_timeout_secs = 5;
    settings.audience_share_interval_ms = 100;
    settings
}

fn init_logs() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        if std::env::var_os("TEST_LOG").is_some() {
            tally_server::telemetry::init("pretty");
        }
    });
}

/// The app with the secure default (tokens required).
pub async fn spawn_app() -> TestApp {
    spawn_app_with(false).await
}

/// The app with the compatibility switch on (`TALLY_OPEN_PRESENTER=1`).
pub async fn spawn_open_app() -> TestApp {
    spawn_app_with(true).await
}

/// The app on the Redis spike path, with the switch on, on a Redis of its
/// own.
pub async fn spawn_redis_app() -> TestApp {
    init_logs();
    let db = TestDatabase::create().await;
    let redis = RedisServer::start(Durability::Durable).expect("starting redis");
    let server = start_server_on(&db.url(), true, Some(&redis.url())).await;
    TestApp {
        address: server.address.clone(),
        client: reqwest::Client::new(),
        db,
        redis: Some(redis),
        _server: server,
    }
}

async fn spawn_app_with(open_presenter: bool) -> TestApp {
    spawn_app_tuned(open_presenter, |_| {}).await
}

/// The app on the direct intake, with settings changed by `tune`.
pub async fn spawn_app_tuned(open_presenter: bool, tune: impl FnOnce(&mut Settings)) -> TestApp {
    init_logs();
    let db = TestDatabase::create().await;
    let mut settings = test_settings(&db.url(), open_presenter, None);
    tune(&mut settings);
    let server = start_with(&settings).await;
    TestApp {
        address: server.address.clone(),
        client: reqwest::Client::new(),
        db,
        redis: None,
        _server: server,
    }
}

/// Starts another server process-equivalent (its own pool and workers) on
/// `db_url`.
pub async fn start_server(db_url: &str, open_presenter: bool) -> RunningServer {
    start_server_on(db_url, open_presenter, None).await
}

/// As [`start_server`], on Redis intake when `redis_url` is given.
pub async fn start_server_on(
    db_url: &str,
    open_presenter: bool,
    redis_url: Option<&str>,
) -> RunningServer {
    start_with(&test_settings(db_url, open_presenter, redis_url)).await
}

async fn start_with(settings: &Settings) -> RunningServer {
    let app = Application::build(settings)
        .await
        .expect("building the app");
    let address = format!("http://127.0.0.1:{}", app.port());
    let handle = app.handle();
    tokio::spawn(app.run_until_stopped());
    RunningServer { address, handle }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    /// A request with v4's habit of sending a JSON content type always.
    pub fn request(&self, method: Method, path: &str) -> reqwest::RequestBuilder {
        self.client
            .request(method, self.url(path))
            .header("Content-Type", "application/json")
    }

    /// GET `path` (with v4's JSON content type) and parse the JSON answer.
    pub async fn get_json(&self, path: &str) -> Value {
        self.request(Method::GET, path)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }

    /// The `/metrics` exposition.
    pub async fn metrics_text(&self) -> String {
        self.request(Method::GET, "/metrics")
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    }

    /// Another server process-equivalent on this app's Postgres and Redis.
    pub async fn peer(&self) -> RunningServer {
        let redis = self.redis.as_ref().map(RedisServer::url);
        start_server_on(&self.db.url(), true, redis.as_deref()).await
    }

    pub async fn create(&self, body: &Value) -> Response {
        self.request(Method::POST, "/presentations")
            .json(body)
            .send()
            .await
            .unwrap()
    }

    /// Creates a deck of `polls` polls and returns its ids and token.
    pub async fn create_deck(&self, polls: usize) -> Created {
        crate::common::create_deck(&self.client, &self.address, polls).await
    }

    /// A presenter request with the given bearer token (if any).
    pub fn presenter(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
    ) -> reqwest::RequestBuilder {
        let request = self.request(method, path);
        match token {
            Some(token) => request.bearer_auth(token),
            None => request,
        }
    }

    pub async fn next(&self, created: &Created) -> Response {
        self.presenter(
            Method::PUT,
            &format!("/presentations/{}/polls/current", created.id),
            Some(&created.token),
        )
        .send()
        .await
        .unwrap()
    }

    pub async fn vote(&self, presentation: &str, poll: &str, client: Uuid, key: &str) -> Response {
        self.request(
            Method::POST,
            &format!("/presentations/{presentation}/polls/current/votes"),
        )
        .json(&json!({"key": key, "client_id": client, "poll_id": poll}))
        .send()
        .await
        .unwrap()
    }

    pub async fn results(&self, created: &Created, poll: &str) -> Value {
        let response = self
            .presenter(
                Method::GET,
                &format!("/presentations/{}/polls/{poll}/results", created.id),
                Some(&created.token),
            )
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        response.json().await.unwrap()
    }
}

/// The value of one series in a metrics exposition; panics if absent.
pub fn metric(text: &str, series: &str) -> f64 {
    text.lines()
        .find_map(|l| {
            l.strip_prefix(series)
                .and_then(|rest| rest.trim().parse().ok())
        })
        .unwrap_or_else(|| panic!("no series {series}"))
}

/// Sends a request and parses its JSON answer, for tests that only need
/// the body.
pub trait SendJson {
    fn send_json(self) -> impl std::future::Future<Output = Value> + Send;
}

impl SendJson for reqwest::RequestBuilder {
    async fn send_json(self) -> Value {
        self.send().await.unwrap().json().await.unwrap()
    }
}

/// Asserts the response is `status` with a JSON problem body, and returns
/// the body.
pub async fn assert_problem(response: Response, status: StatusCode) -> Value {
    assert_eq!(response.status(), status, "{:?}", response.headers());
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    assert!(
        content_type.starts_with("application/json")
            || content_type.starts_with("application/problem+json"),
        "content type {content_type:?}"
    );
    let body: Value = response.json().await.expect("a JSON body");
    assert_eq!(body["status"], status.as_u16(), "{body}");
    assert!(
        body["detail"].as_str().is_some_and(|d| !d.is_empty()),
        "{body}"
    );
    assert!(
        body["type"].is_string() && body["title"].is_string() && body["code"].is_string(),
        "{body}"
    );
    body
}
