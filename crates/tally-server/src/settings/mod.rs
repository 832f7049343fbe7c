//! Configuration, layered with the `config` crate:
//!
//! 1. built-in defaults (below);
//! 2. an optional TOML file, named by `--config` or `TALLY_CONFIG`;
//! 3. environment variables `TALLY_<SETTING>` (for example
//!    `TALLY_DATABASE_POOL_SIZE=32`);
//! 4. the conventional `DATABASE_URL`, `REDIS_URL` and `PORT`, which win
//!    because platforms set them.
//!
//! The README has the table of every setting.

use anyhow::Context as _;
use config::{Config, Environment, File, FileFormat};
use secrecy::SecretString;
use serde::Deserialize;
use std::path::Path;
use std::time::Duration;

/// Every setting of `tally serve`.
#[derive(Debug, Clone, Deserialize)]
pub struct Settings {
    /// Address to bind. Loopback unless told otherwise.
    pub host: String,
    pub port: u16,
    /// Postgres connection URL. Never printed.
    pub database_url: SecretString,
    /// Redis connection URL (used by the spike path; optional for now).
    pub redis_url: Option<SecretString>,
    /// The address phones use to reach Tally (`https://vote.example.org`),
    /// shown on the big screen as the join URL and in its QR code. Unset,
    /// the big screen uses the address it was opened with.
    #[serde(default)]
    pub public_url: Option<String>,
    /// For working on the pages: a folder read for every page and asset
    /// instead of the copy built into the binary (`crates/tally-web/assets`
    /// of a checkout), so an edit shows on reload without a rebuild. Unset
    /// in production.
    #[serde(default)]
    pub web_dev_assets: Option<std::path::PathBuf>,
    /// Compatibility switch: presentations created without credentials can
    /// be driven without a token (`TALLY_OPEN_PRESENTER=1`).
    pub open_presenter: bool,
    pub database_pool_size: usize,
    /// How long a request waits for a database connection, in ms.
    pub database_wait_timeout_ms: u64,
    pub database_connect_timeout_ms: u64,
    /// HTTP worker threads; 0 means one per core.
    pub workers: usize,
    /// Most open connections per worker, the back-pressure for socket
    /// storms.
    pub max_connections_per_worker: usize,
    /// Seconds in-flight requests get to finish after SIGTERM.
    pub shutdown_timeout_secs: u64,
    /// `pretty` or `json`.
    pub log_format: String,
    /// Where votes land first: `redis` (the spike path; needs `redis_url`)
    /// or `postgres` (straight into the database). Unset: `redis` when
    /// `redis_url` is set, else `postgres`.
    pub intake: Option<String>,
    /// Bind with SO_REUSEPORT, so several `tally serve` processes can share
    /// one port and the kernel spreads connections over them.
    pub reuse_port: bool,
    /// Redis command timeout, in ms: a vote with no answer by then gets
    /// 504 (outcome unknown) unless the probe has found Redis down, when it
    /// is retried on Postgres. A late answer alone never switches the
    /// intake: only the probe and connection errors do. Keep it above the
    /// probe's detection time (failures x (interval + timeout)), so that
    /// votes stuck on a frozen Redis move to Postgres rather than get 504.
    pub redis_timeout_ms: u64,
    /// How often the health probe PINGs Redis on its own connection, ms
    /// (and how often a process that fell back checks whether it is back).
    pub redis_probe_interval_ms: u64,
    /// A probe PING with no answer within this many ms fails. Generous on
    /// purpose: with `appendfsync always` a slow disk can hold Redis's
    /// answers for a second, and that is not an outage.
    pub redis_probe_timeout_ms: u64,
    /// Failed probes in a row that mark Redis down.
    pub redis_probe_failures: u32,
    /// Votes sent and not yet answered, per process, at most.
    pub vote_in_flight: usize,
    /// Places in the admission queue, per process: requests whose body is
    /// still arriving (any route) and votes waiting for an in-flight place;
    /// more get 429 at once.
    pub vote_queue: usize,
    /// Longest a vote waits from arrival for an in-flight place, ms; then
    /// 429.
    pub vote_max_wait_ms: u64,
    /// Longest a request's body may take to arrive after its head, on every
    /// route, ms; then 408 and the connection is closed.
    pub body_timeout_ms: u64,
    /// The retry hint sent with 429, ms (`Retry-After` carries it rounded
    /// up to whole seconds, the body's `retry_after_ms` exactly).
    pub vote_retry_after_ms: u64,
    /// Most votes one Redis script call carries (the group commit).
    pub redis_vote_batch: usize,
    /// How often idle mirrors and dead flusher consumers are swept, seconds.
    pub mirror_sweep_interval_secs: u64,
    /// How often slide images no poll names are looked for, seconds.
    pub image_sweep_interval_secs: u64,
    /// How long an image no poll names is kept after its last upload (an
    /// editor's picture before its deck is saved), seconds.
    pub image_grace_secs: u64,
    /// A presentation with no vote and no change for this long, and nothing
    /// left to flush, leaves Redis (its mirror is rebuilt from Postgres on
    /// its next vote or change), seconds.
    pub mirror_idle_secs: u64,
    /// A flusher consumer idle this long with nothing pending is deleted
    /// (one of a stopped process), seconds.
    pub consumer_idle_secs: u64,
    /// How often mirrored state is compared with Postgres, ms.
    pub reconcile_interval_ms: u64,
    /// How often each process shares its live audience count (Redis), ms:
    /// how fresh the audience presenters see is. A process that stops
    /// without withdrawing drops out after three intervals.
    pub audience_share_interval_ms: u64,
    /// The audience read cache's bound, MiB of ready answers per process.
    pub read_cache_mb: u64,
    /// A presentation nobody read for this long leaves the read cache, s.
    pub read_cache_idle_secs: u64,
    /// While other processes' changes cannot be heard (Redis pub/sub down,
    /// or no Redis), a cached presentation older than this is checked
    /// against Postgres, ms: the longest a stale slide is served then.
    pub read_cache_verify_ms: u64,
    /// Flusher tasks per process.
    pub flushers: usize,
    /// Most votes per flush transaction.
    pub flush_batch_size: usize,
    /// Longest wait for a batch to fill, ms.
    pub flush_wait_ms: u64,
    /// After this long unacknowledged (ms), a vote read by a flusher that
    /// stopped is taken over by another.
    pub flush_reclaim_idle_ms: u64,
    /// On SIGTERM, how long the flusher may take to drain, in seconds.
    pub drain_timeout_secs: u64,
    /// How long an idle keep-alive connection stays open, seconds. Phones
    /// between votes keep theirs; a slide can take minutes.
    pub keep_alive_secs: u64,
    /// How long a new connection may take to send its first request, ms
    /// (the guard against connections that never speak).
    pub client_request_timeout_ms: u64,
}

/// Where votes land first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntakeMode {
    Redis,
    Postgres,
}

impl Settings {
    /// The vote admission bounds.
    pub fn admission(&self) -> tally_http::admission::AdmissionSettings {
        tally_http::admission::AdmissionSettings {
            in_flight: self.vote_in_flight,
            queue: self.vote_queue,
            max_wait: Duration::from_millis(self.vote_max_wait_ms),
            body_timeout: Duration::from_millis(self.body_timeout_ms),
            retry_after_ms: self.vote_retry_after_ms,
        }
    }

    /// The audience read cache's bound and trust.
    pub fn read_cache(&self) -> tally_http::reads::ReadCacheSettings {
        tally_http::reads::ReadCacheSettings {
            max_bytes: self.read_cache_mb.saturating_mul(1024 * 1024),
            idle_after: Duration::from_secs(self.read_cache_idle_secs),
            verify_after: Duration::from_millis(self.read_cache_verify_ms),
        }
    }

    /// How the Redis health probe judges Redis.
    pub fn probe(&self) -> tally_redis::recovery::Probe {
        tally_redis::recovery::Probe {
            every: Duration::from_millis(self.redis_probe_interval_ms),
            timeout: Duration::from_millis(self.redis_probe_timeout_ms),
            failures: self.redis_probe_failures,
        }
    }

    /// How Redis is kept from growing forever.
    pub fn sweep(&self) -> tally_redis::recovery::Sweep {
        tally_redis::recovery::Sweep {
            every: Duration::from_secs(self.mirror_sweep_interval_secs.max(1)),
            mirror_idle: Duration::from_secs(self.mirror_idle_secs),
            consumer_idle: Duration::from_secs(self.consumer_idle_secs),
        }
    }

    /// The intake mode these settings ask for.
    ///
    /// # Errors
    /// On an unknown mode, or `redis` without `redis_url`.
    pub fn intake_mode(&self) -> anyhow::Result<IntakeMode> {
        match (self.intake.as_deref(), self.redis_url.is_some()) {
            (None, true) | (Some("redis"), true) => Ok(IntakeMode::Redis),
            (None, false) | (Some("postgres"), _) => Ok(IntakeMode::Postgres),
            (Some("redis"), false) => anyhow::bail!("intake = redis needs REDIS_URL"),
            (Some(other), _) => anyhow::bail!("intake must be redis or postgres, not {other:?}"),
        }
    }
}

const DEFAULTS: &str = r#"
host = "127.0.0.1"
port = 8080
database_url = "postgres://tally@127.0.0.1:5432/tally"
open_presenter = false
database_pool_size = 32
database_wait_timeout_ms = 5000
database_connect_timeout_ms = 5000
workers = 0
max_connections_per_worker = 25000
shutdown_timeout_secs = 30
log_format = "pretty"
reuse_port = false
redis_timeout_ms = 5000
redis_probe_interval_ms = 250
redis_probe_timeout_ms = 1000
redis_probe_failures = 3
vote_in_flight = 1024
vote_queue = 16384
vote_max_wait_ms = 1000
body_timeout_ms = 5000
vote_retry_after_ms = 500
redis_vote_batch = 256
mirror_sweep_interval_secs = 60
image_sweep_interval_secs = 3600
image_grace_secs = 86400
mirror_idle_secs = 3600
consumer_idle_secs = 300
reconcile_interval_ms = 1000
audience_share_interval_ms = 1000
read_cache_mb = 256
read_cache_idle_secs = 3600
read_cache_verify_ms = 100
flushers = 1
flush_batch_size = 2000
flush_wait_ms = 10
flush_reclaim_idle_ms = 10000
drain_timeout_secs = 30
keep_alive_secs = 75
client_request_timeout_ms = 10000
"#;

impl Settings {
    /// Loads the layers from the process environment.
    ///
    /// # Errors
    /// When the file is missing or unreadable, or a value does not parse.
    pub fn load(file: Option<&Path>) -> anyhow::Result<Self> {
        Self::load_from(file, |name| std::env::var(name).ok())
    }

    /// Loads the layers with `env` standing in for the environment, so that
    /// tests need not touch the process's variables.
    ///
    /// # Errors
    /// As [`Self::load`].
    pub fn load_from(
        file: Option<&Path>,
        env: impl Fn(&str) -> Option<String>,
    ) -> anyhow::Result<Self> {
        let mut builder = Config::builder().add_source(File::from_str(DEFAULTS, FileFormat::Toml));
        let file = file
            .map(Path::to_path_buf)
            .or_else(|| env("TALLY_CONFIG").map(Into::into));
        if let Some(path) = &file {
            builder = builder.add_source(File::from(path.as_path()).required(true));
        }
        let tally_vars: config::Map<String, String> = ENV_SETTINGS
            .iter()
            .filter_map(|key| {
                env(&format!("TALLY_{}", key.to_uppercase())).map(|v| (key.to_string(), v))
            })
            .collect();
        builder = builder.add_source(
            Environment::default()
                .try_parsing(true)
                .source(Some(tally_vars)),
        );
        builder = builder
            .set_override_option("database_url", env("DATABASE_URL"))?
            .set_override_option("redis_url", env("REDIS_URL"))?
            .set_override_option("port", env("PORT"))?;
        builder
            .build()
            .context("reading configuration")?
            .try_deserialize()
            .context("configuration has an invalid value")
    }
}

/// Settings that `TALLY_<NAME>` environment variables can set.
const ENV_SETTINGS: &[&str] = &[
    "host",
    "port",
    "database_url",
    "redis_url",
    "public_url",
    "web_dev_assets",
    "open_presenter",
    "database_pool_size",
    "database_wait_timeout_ms",
    "database_connect_timeout_ms",
    "workers",
    "max_connections_per_worker",
    "shutdown_timeout_secs",
    "log_format",
    "intake",
    "reuse_port",
    "redis_timeout_ms",
    "redis_probe_interval_ms",
    "redis_probe_timeout_ms",
    "redis_probe_failures",
    "vote_in_flight",
    "vote_queue",
    "vote_max_wait_ms",
    "body_timeout_ms",
    "vote_retry_after_ms",
    "redis_vote_batch",
    "mirror_sweep_interval_secs",
    "image_sweep_interval_secs",
    "image_grace_secs",
    "mirror_idle_secs",
    "consumer_idle_secs",
    "reconcile_interval_ms",
    "audience_share_interval_ms",
    "read_cache_mb",
    "read_cache_idle_secs",
    "read_cache_verify_ms",
    "flushers",
    "flush_batch_size",
    "flush_wait_ms",
    "flush_reclaim_idle_ms",
    "drain_timeout_secs",
    "keep_alive_secs",
    "client_request_timeout_ms",
];

#[cfg(test)]
mod tests;
