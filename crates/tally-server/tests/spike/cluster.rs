//! Postgres, Redis and several `tally serve` processes on one port.

use std::io::BufRead as _;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};
use tally_testkit::postgres::{PgServer, TestDatabase};
use tally_testkit::redis::{Durability, RedisServer};

/// Fault tests start and stop servers; one at a time keeps them from
/// starving each other on a 2-core machine.
pub static SERIAL: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

pub struct Cluster {
    pub pg: &'static PgServer,
    pub db: TestDatabase,
    pub redis: RedisServer,
    pub port: u16,
    pub processes: Vec<Option<Child>>,
    logs: tempfile::TempDir,
    /// Settings every process gets on top of the defaults below.
    extra_env: Vec<(String, String)>,
}

impl Cluster {
    /// Its own Postgres (so it can be stopped), its own Redis, and `n`
    /// tally processes sharing one port.
    pub async fn start(n: usize, durability: Durability) -> Self {
        Self::start_with(n, durability, &[]).await
    }

    /// As [`Self::start`], with extra settings (`TALLY_...` variables) for
    /// every process.
    pub async fn start_with(n: usize, durability: Durability, env: &[(&str, &str)]) -> Self {
        let pg: &'static PgServer = Box::leak(Box::new(PgServer::start().unwrap()));
        let db = TestDatabase::create_on(pg).await;
        let redis = RedisServer::start(durability).unwrap();
        // Not a port-0 probe: another test binding port 0 meanwhile could be
        // handed the same port (see `free_port`).
        let port = tally_testkit::free_port();
        let mut cluster = Self {
            pg,
            db,
            redis,
            port,
            processes: (0..n).map(|_| None).collect(),
            logs: tempfile::tempdir().unwrap(),
            extra_env: env
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        };
        for i in 0..n {
            cluster.start_process(i);
        }
        cluster
    }

    pub fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn log_path(&self, i: usize) -> PathBuf {
        self.logs.path().join(format!("tally-{i}.log"))
    }

    /// Starts process `i` and waits until it serves.
    pub fn start_process(&mut self, i: usize) {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.log_path(i))
            .unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_tally"))
            .arg("serve")
            .env_clear()
            .env("DATABASE_URL", self.db.url())
            .env("REDIS_URL", self.redis.url())
            .env("PORT", self.port.to_string())
            .env("TALLY_REUSE_PORT", "true")
            .env("TALLY_OPEN_PRESENTER", "1")
            .env("TALLY_WORKERS", "1")
            .env("TALLY_DATABASE_POOL_SIZE", "8")
            .env("TALLY_DATABASE_WAIT_TIMEOUT_MS", "2000")
            .env("TALLY_DATABASE_CONNECT_TIMEOUT_MS", "1000")
            .env("TALLY_FLUSH_RECLAIM_IDLE_MS", "1000")
            .env("TALLY_LOG_FORMAT", "json")
            .env("RUST_LOG", "info")
            .envs(self.extra_env.iter().map(|(k, v)| (k, v)))
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        let (ready_tx, ready_rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut log = log;
            for line in std::io::BufReader::new(stderr)
                .lines()
                .map_while(Result::ok)
            {
                if line.contains(r#""message":"serving""#) {
                    let _ = ready_tx.send(());
                }
                let _ = std::io::Write::write_all(&mut log, format!("{line}\n").as_bytes());
            }
        });
        ready_rx
            .recv_timeout(Duration::from_secs(60))
            .unwrap_or_else(|_| panic!("tally {i} did not start:\n{}", self.log(i)));
        self.processes[i] = Some(child);
    }

    /// kill -9.
    pub fn kill_process(&mut self, i: usize) {
        if let Some(mut child) = self.processes[i].take() {
            child.kill().unwrap();
            child.wait().unwrap();
        }
    }

    /// SIGTERM, and wait for the graceful exit.
    pub fn stop_process(&mut self, i: usize) -> std::process::ExitStatus {
        let mut child = self.processes[i].take().unwrap();
        Command::new("kill")
            .args(["-TERM", &child.id().to_string()])
            .status()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Some(status) = child.try_wait().unwrap() {
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "tally {i} did not stop on SIGTERM"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn log(&self, i: usize) -> String {
        std::fs::read_to_string(self.log_path(i)).unwrap_or_default()
    }

    /// Creates a presentation of `polls` polls; returns its id and its
    /// poll ids.
    pub async fn create(&self, polls: usize) -> (String, Vec<String>) {
        let created =
            crate::common::create_deck(&reqwest::Client::new(), &self.base(), polls).await;
        (created.id, created.poll_ids)
    }

    /// The largest value of a series across the processes. With the port
    /// shared, each fresh connection lands on one process at random, so a
    /// few dozen requests reach them all.
    pub async fn metric_max(&self, series: &str) -> f64 {
        let client = reqwest::Client::builder()
            .pool_max_idle_per_host(0)
            .build()
            .unwrap();
        let mut max: f64 = 0.0;
        for _ in 0..40 {
            let Ok(r) = client.get(format!("{}/metrics", self.base())).send().await else {
                continue;
            };
            let text = r.text().await.unwrap_or_default();
            if let Some(v) = text.lines().find_map(|l| {
                l.strip_prefix(series)
                    .and_then(|v| v.trim().parse::<f64>().ok())
            }) {
                max = max.max(v);
            }
        }
        max
    }

    /// Whether any process's log contains `text`.
    pub fn any_log_contains(&self, text: &str) -> bool {
        (0..self.processes.len()).any(|i| self.log(i).contains(text))
    }

    /// Lines of every process's log that contain `text` (a restarted
    /// process appends to its log, so this only grows).
    pub fn log_count(&self, text: &str) -> usize {
        (0..self.processes.len())
            .map(|i| self.log(i).lines().filter(|l| l.contains(text)).count())
            .sum()
    }

    /// Waits until more than `seen` log lines contain `text`. Panics after
    /// `within`.
    pub async fn until_logged(&self, text: &str, seen: usize, within: Duration) {
        let deadline = Instant::now() + within;
        while self.log_count(text) <= seen {
            assert!(
                Instant::now() < deadline,
                "no new {text:?} in the logs after {within:?}"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        for i in 0..self.processes.len() {
            self.kill_process(i);
        }
        self.redis.unpause();
    }
}
