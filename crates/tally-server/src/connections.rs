//! Connections to Postgres and Redis, and migrating with a grace period.

use crate::settings::Settings;
use anyhow::Context as _;
use secrecy::ExposeSecret as _;
use std::time::Duration;
use tally_postgres::{Pool, PoolSettings};
use tally_redis::{Redis, RedisSettings};

/// How long `serve` keeps retrying a database that is still starting (as in
/// `docker compose up`, where both start together).
const DATABASE_STARTUP_GRACE: Duration = Duration::from_secs(30);

/// The database pool for these settings.
///
/// # Errors
/// When the URL does not parse.
pub fn database_pool(settings: &Settings) -> anyhow::Result<Pool> {
    tally_postgres::connect(&PoolSettings {
        url: settings.database_url.expose_secret().to_owned(),
        max_size: settings.database_pool_size,
        wait_timeout: Duration::from_millis(settings.database_wait_timeout_ms),
        connect_timeout: Duration::from_millis(settings.database_connect_timeout_ms),
    })
}

/// A Redis connection for these settings (each call: a connection of its
/// own).
///
/// # Errors
/// When `redis_url` is unset or does not parse.
pub fn redis_connection(settings: &Settings) -> anyhow::Result<Redis> {
    let url = settings
        .redis_url
        .as_ref()
        .context("REDIS_URL is not set")?;
    let timeout = Duration::from_millis(settings.redis_timeout_ms);
    Redis::connect(&RedisSettings {
        url: url.expose_secret().to_owned(),
        response_timeout: timeout,
        connection_timeout: timeout,
    })
}

/// Applies migrations, retrying while the database is not reachable yet.
///
/// # Errors
/// When the database stays unreachable or a migration fails.
pub async fn migrate_with_grace(pool: &Pool) -> anyhow::Result<()> {
    let deadline = tokio::time::Instant::now() + DATABASE_STARTUP_GRACE;
    let mut delay = Duration::from_millis(100);
    loop {
        match tally_postgres::migrate(pool).await {
            Ok(report) => {
                for migration in report.applied {
                    tracing::info!(%migration, "applied migration");
                }
                return Ok(());
            }
            Err(e) if tokio::time::Instant::now() < deadline => {
                tracing::warn!(error = %format!("{e:#}"), "database not ready; retrying");
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_secs(2));
            }
            Err(e) => return Err(e),
        }
    }
}
