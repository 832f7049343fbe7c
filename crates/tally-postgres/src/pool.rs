use anyhow::Context as _;
use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod, Runtime};
use std::str::FromStr as _;
use std::time::Duration;
use tokio_postgres::NoTls;

/// How the connection pool is sized and how long callers wait.
#[derive(Clone, Debug)]
pub struct PoolSettings {
    pub url: String,
    pub max_size: usize,
    /// How long a request waits for a free connection before failing with
    /// 503, so that an overloaded database sheds load instead of queueing
    /// requests without bound.
    pub wait_timeout: Duration,
    pub connect_timeout: Duration,
}

/// Builds a pool. Connections are opened lazily, so this succeeds while the
/// database is down; `/readyz` reports that.
///
/// # Errors
/// When the URL does not parse.
pub fn connect(settings: &PoolSettings) -> anyhow::Result<Pool> {
    let mut config = tokio_postgres::Config::from_str(&settings.url)
        .context("DATABASE_URL is not a valid Postgres connection string")?;
    if config.get_application_name().is_none() {
        config.application_name("tally");
    }
    config.connect_timeout(settings.connect_timeout);
    let manager = Manager::from_config(
        config,
        NoTls,
        ManagerConfig {
            // `Fast` skips a round trip per checkout; a broken connection is
            // detected on use and replaced.
            recycling_method: RecyclingMethod::Fast,
        },
    );
    Pool::builder(manager)
        .max_size(settings.max_size)
        .runtime(Runtime::Tokio1)
        .wait_timeout(Some(settings.wait_timeout))
        .create_timeout(Some(settings.connect_timeout))
        .build()
        .context("building the Postgres pool")
}
