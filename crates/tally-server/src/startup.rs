//! Building and running the application.

use crate::settings::Settings;
use actix_web::middleware::from_fn;
use actix_web::{web, App, HttpServer};
use anyhow::Context as _;
use futures::FutureExt as _;
use secrecy::ExposeSecret as _;
use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;
use tally_domain::ports::Ports;
use tally_domain::usecases::Tally;
use tally_http::ReadinessCheck;
use tally_postgres::{PgIntake, PgLedger, PgStore, Pool, PoolSettings};
use tally_prometheus::Metrics;
use tracing_actix_web::TracingLogger;

/// The adapters `tally serve` runs on: Postgres for everything.
#[derive(Debug)]
pub struct PgPorts;

impl Ports for PgPorts {
    type Store = PgStore;
    type Intake = PgIntake;
    type Ledger = PgLedger;
    type Metrics = Metrics;
}

/// A built, bound, migrated application, ready to run.
#[allow(missing_debug_implementations)] // actix's Server is not Debug
pub struct Application {
    port: u16,
    server: actix_web::dev::Server,
}

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

impl Application {
    /// Connects, migrates, binds and builds the server. Port 0 picks a free
    /// port; [`Self::port`] tells which.
    ///
    /// # Errors
    /// When the database is unreachable, a migration fails, or the address
    /// cannot be bound.
    pub async fn build(settings: &Settings) -> anyhow::Result<Self> {
        let pool = database_pool(settings)?;
        migrate_with_grace(&pool).await?;
        let metrics = Metrics::new()?;
        let tally = Tally::<PgPorts>::new(
            PgStore::new(pool.clone()),
            PgIntake::new(pool.clone()),
            PgLedger::new(pool.clone()),
            metrics.clone(),
            settings.open_presenter,
        );
        if settings.open_presenter {
            tracing::warn!(
                "TALLY_OPEN_PRESENTER is on: presentations created without a token can be driven by anyone"
            );
        }
        let listener = TcpListener::bind((settings.host.as_str(), settings.port))
            .with_context(|| format!("binding {}:{}", settings.host, settings.port))?;
        let port = listener.local_addr()?.port();
        let server = serve(listener, settings, tally, metrics, readiness(pool))?;
        tracing::info!(host = %settings.host, port, "serving");
        Ok(Self { port, server })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// A handle to stop the server from elsewhere (tests, supervisors).
    pub fn handle(&self) -> actix_web::dev::ServerHandle {
        self.server.handle()
    }

    /// Runs until SIGTERM or SIGINT, then lets in-flight requests finish
    /// (up to `shutdown_timeout_secs`) and returns.
    ///
    /// # Errors
    /// When the server fails.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }
}

/// `/readyz`: the database answers a trivial query.
fn readiness(pool: Pool) -> ReadinessCheck {
    Arc::new(move || {
        let pool = pool.clone();
        async move {
            let client = pool.get().await.map_err(|e| format!("database: {e}"))?;
            client
                .simple_query("SELECT 1")
                .await
                .map_err(|e| format!("database: {e}"))?;
            Ok(())
        }
        .boxed()
    })
}

fn serve<P: Ports>(
    listener: TcpListener,
    settings: &Settings,
    tally: Tally<P>,
    metrics: Metrics,
    readiness: ReadinessCheck,
) -> anyhow::Result<actix_web::dev::Server> {
    let tally = web::Data::new(tally);
    let metrics = web::Data::new(metrics);
    let readiness = web::Data::new(readiness);
    let mut server = HttpServer::new(move || {
        App::new()
            .wrap(from_fn(tally_http::middleware::respond))
            .wrap(TracingLogger::default())
            .app_data(tally.clone())
            .app_data(metrics.clone())
            .app_data(readiness.clone())
            .configure(tally_http::routes::<P>)
    })
    .max_connections(settings.max_connections_per_worker)
    .backlog(4096)
    .shutdown_timeout(settings.shutdown_timeout_secs)
    .listen(listener)?;
    if settings.workers > 0 {
        server = server.workers(settings.workers);
    }
    Ok(server.run())
}
