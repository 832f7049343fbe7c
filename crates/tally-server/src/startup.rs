//! Building and running the application.

use crate::failover::{FailoverIntake, FailoverLedger};
use crate::flusher::{self, FlushSettings};
use crate::observe::Observe;
use crate::settings::{IntakeMode, Settings};
use crate::{listener, recovery};
use actix_web::middleware::from_fn;
use actix_web::{web, App, HttpServer};
use anyhow::Context as _;
use futures::FutureExt as _;
use secrecy::ExposeSecret as _;
use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;
use tally_domain::ports::Ports;
use tally_domain::usecases::{Flusher, Tally};
use tally_domain::PresentationId;
use tally_http::admission::Admission;
use tally_http::live::AudienceBoard;
use tally_http::live::{LiveEvents, LiveHub};
use tally_http::ReadinessCheck;
use tally_postgres::{PgArchive, PgIntake, PgLedger, PgStore, Pool, PoolSettings};
use tally_prometheus::Metrics;
use tally_redis::{
    ChangePublisher, MirrorEvents, Rebuilder, Redis, RedisAudience, RedisHealth, RedisIntake,
    RedisLedger, RedisMirror, RedisSettings, RedisVoteQueue,
};
use tokio::sync::watch;
use tokio::task::JoinHandle;
use tracing_actix_web::TracingLogger;

/// The adapters of the direct intake: Postgres for everything.
#[derive(Debug)]
pub struct PgPorts;

impl Ports for PgPorts {
    type Store = PgStore;
    type Intake = PgIntake;
    type Ledger = PgLedger;
    type Metrics = Metrics;
    type Events = LiveEvents;
}

/// The adapters of the spike path: votes and live results in Redis, state
/// mirrored to it (a subscriber of the change events), Postgres the source
/// of truth and the fallback.
#[derive(Debug)]
pub struct RedisPorts;

impl Ports for RedisPorts {
    type Store = PgStore;
    type Intake = FailoverIntake<RedisIntake<PgStore, PgLedger>, PgIntake>;
    type Ledger = FailoverLedger<RedisLedger<PgStore, PgLedger>, PgLedger>;
    type Metrics = Metrics;
    /// The mirror first (votes must see a change before anyone is told of
    /// it), then the other processes, then this process's live channels.
    type Events = (
        MirrorEvents<PgStore, PgLedger>,
        (ChangePublisher, LiveEvents),
    );
}

/// A built, bound, migrated application, ready to run.
#[allow(missing_debug_implementations)] // actix's Server is not Debug
pub struct Application {
    port: u16,
    server: actix_web::dev::Server,
    /// Tells background tasks to stop (flushers: to drain first).
    shutdown: watch::Sender<bool>,
    /// Tasks that finish their work on shutdown and are awaited: the
    /// flushers drain, the audience board withdraws this process.
    drained: Vec<JoinHandle<()>>,
    background: Vec<JoinHandle<()>>,
    hub: Arc<LiveHub>,
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

impl Application {
    /// Connects, migrates, binds and builds the server and its background
    /// tasks. Port 0 picks a free port; [`Self::port`] tells which.
    ///
    /// # Errors
    /// When the database is unreachable, a migration fails, or the address
    /// cannot be bound.
    pub async fn build(settings: &Settings) -> anyhow::Result<Self> {
        let mode = settings.intake_mode()?;
        let pool = database_pool(settings)?;
        migrate_with_grace(&pool).await?;
        let metrics = Metrics::new()?;
        if settings.open_presenter {
            tracing::warn!(
                "TALLY_OPEN_PRESENTER is on: presentations created without a token can be driven by anyone"
            );
        }
        let listener = listener::bind(&settings.host, settings.port, settings.reuse_port, 4096)?;
        let port = listener.local_addr()?.port();
        let (shutdown, shutdown_rx) = watch::channel(false);
        let live_hub = LiveHub::new();
        // One admission per process, shared by its workers: the bounds are
        // the process's.
        let admission = Arc::new(Admission::new(settings.admission()));
        let sampler = tokio::spawn(sample(
            pool.clone(),
            live_hub.clone(),
            admission.clone(),
            metrics.clone(),
            shutdown_rx.clone(),
        ));
        let (pg_store, pg_ledger) = (PgStore::new(pool.clone()), PgLedger::new(pool.clone()));
        let pg_intake = PgIntake::new(pool.clone());
        let mut drained = Vec::new();
        let mut background = vec![sampler];
        let server = match mode {
            IntakeMode::Postgres => {
                metrics.set_intake_path("postgres", false);
                let tally = Tally::<PgPorts>::new(
                    pg_store,
                    pg_intake,
                    pg_ledger,
                    metrics.clone(),
                    live_hub.events(),
                    settings.open_presenter,
                );
                live_hub.serve_results(Arc::new(tally.clone()));
                serve(
                    listener,
                    settings,
                    tally,
                    metrics,
                    readiness(pool),
                    live_hub.clone(),
                    admission,
                )?
            }
            IntakeMode::Redis => {
                let observer: Arc<dyn tally_redis::CommandObserver> =
                    Arc::new(Observe(metrics.clone()));
                // Every connection reports its commands' latency.
                let redis_connection =
                    || redis_connection(settings).map(|r| r.observed_by(observer.clone()));
                let redis = redis_connection()?;
                let mirror = RedisMirror::new(redis.clone());
                let rebuilder = Rebuilder::new(mirror.clone(), pg_store.clone(), pg_ledger.clone());
                // Down until the mirrors are known to match Postgres.
                let health = RedisHealth::new(false);
                match recovery::remirror_all(&rebuilder).await {
                    Ok(n) => {
                        tracing::info!(presentations = n, "mirrors checked against Postgres");
                        health.mark_up();
                        metrics.set_intake_path("redis", false);
                    }
                    Err(e) => {
                        tracing::warn!(error = %format!("{e:#}"), "Redis not usable at start; votes go to Postgres until it is");
                        metrics.set_intake_path("postgres", false);
                    }
                }
                // The probe has a connection of its own, so votes queued on
                // the others never delay its answer.
                background.push(tokio::spawn(recovery::watch(
                    redis_connection()?,
                    rebuilder.clone(),
                    health.clone(),
                    metrics.clone(),
                    settings.probe(),
                    shutdown_rx.clone(),
                )));
                background.push(tokio::spawn(recovery::sweep(
                    mirror.clone(),
                    health.clone(),
                    settings.sweep(),
                    shutdown_rx.clone(),
                )));
                background.push(tokio::spawn(recovery::reconcile(
                    pg_store.clone(),
                    rebuilder.clone(),
                    health.clone(),
                    Duration::from_millis(settings.reconcile_interval_ms),
                    shutdown_rx.clone(),
                )));
                let flush = FlushSettings {
                    batch: settings.flush_batch_size,
                    wait: Duration::from_millis(settings.flush_wait_ms),
                    reclaim_after: Duration::from_millis(settings.flush_reclaim_idle_ms),
                    drain_timeout: Duration::from_secs(settings.drain_timeout_secs),
                };
                let instance = uuid::Uuid::new_v4().simple().to_string();
                for i in 0..settings.flushers.max(1) {
                    let consumer = format!("tally-{}-{}-{i}", std::process::id(), &instance[..8]);
                    let queue = RedisVoteQueue::new(redis_connection()?, consumer);
                    let flusher = Flusher::new(queue, PgArchive::new(pool.clone()));
                    drained.push(tokio::spawn(flusher::run(
                        flusher,
                        flush.clone(),
                        metrics.clone(),
                        shutdown_rx.clone(),
                    )));
                }
                let events = (
                    MirrorEvents::new(rebuilder.clone(), health.clone()),
                    (ChangePublisher::new(redis_connection()?), live_hub.events()),
                );
                let tally = Tally::<RedisPorts>::new(
                    pg_store,
                    FailoverIntake::new(
                        RedisIntake::new(redis.clone(), rebuilder.clone())
                            .with_batch(settings.redis_vote_batch),
                        pg_intake,
                        health.clone(),
                        metrics.clone(),
                    ),
                    FailoverLedger::new(RedisLedger::new(redis, rebuilder), pg_ledger, health),
                    metrics.clone(),
                    events,
                    settings.open_presenter,
                );
                let hub = live_hub.clone();
                hub.serve_results(Arc::new(tally.clone()));
                let every = Duration::from_millis(settings.audience_share_interval_ms.max(1));
                drained.push(tokio::spawn(hub.clone().share_audience(
                    Arc::new(SharedAudience(RedisAudience::new(
                        redis_connection()?,
                        instance,
                        every * 3,
                    ))),
                    every,
                    shutdown_rx.clone(),
                )));
                background.push(tokio::spawn(live_changes(
                    redis_connection()?,
                    hub.clone(),
                    tally.clone(),
                    shutdown_rx.clone(),
                )));
                serve(
                    listener,
                    settings,
                    tally,
                    metrics,
                    readiness(pool),
                    hub,
                    admission,
                )?
            }
        };
        tracing::info!(host = %settings.host, port, intake = ?mode, "serving");
        Ok(Self {
            port,
            server,
            shutdown,
            drained,
            background,
            hub: live_hub,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// A handle to stop the server from elsewhere (tests, supervisors).
    pub fn handle(&self) -> actix_web::dev::ServerHandle {
        self.server.handle()
    }

    /// Runs until SIGTERM or SIGINT. Then stops accepting, lets in-flight
    /// requests finish (up to `shutdown_timeout_secs`), drains the flushers
    /// (up to `drain_timeout_secs`), and returns.
    ///
    /// # Errors
    /// When the server fails.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        // Actix stops on SIGTERM by itself but waits for open connections,
        // and live sockets never end by themselves: close them cleanly.
        let hub = self.hub.clone();
        let closer = tokio::spawn(async move {
            use tokio::signal::unix::{signal, SignalKind};
            let (Ok(mut term), Ok(mut int)) = (
                signal(SignalKind::terminate()),
                signal(SignalKind::interrupt()),
            ) else {
                return;
            };
            tokio::select! {
                _ = term.recv() => {}
                _ = int.recv() => {}
            }
            hub.close_all();
        });
        let served = self.server.await;
        closer.abort();
        self.hub.close_all();
        let _ = self.shutdown.send(true);
        for task in self.drained {
            let _ = task.await;
        }
        for task in self.background {
            task.abort();
        }
        served
    }
}

/// Samples the Postgres pool, the live channels and the vote admission into
/// the metrics once a second.
async fn sample(
    pool: Pool,
    hub: Arc<LiveHub>,
    admission: Arc<Admission>,
    metrics: Metrics,
    mut shutdown: watch::Receiver<bool>,
) {
    loop {
        metrics.set_live_presentations(hub.channels());
        metrics.set_vote_admission(admission.waiting(), admission.in_flight());
        let status = pool.status();
        metrics.set_db_pool(
            status.max_size,
            status.size,
            status.available,
            status.waiting,
        );
        tokio::select! {
            () = tokio::time::sleep(Duration::from_secs(1)) => {}
            _ = shutdown.changed() => return,
        }
    }
}

/// Refreshes this process's live sockets when another process changes a
/// presentation (Redis pub/sub), resubscribing after any error.
async fn live_changes<P: Ports>(
    redis: Redis,
    hub: Arc<LiveHub>,
    tally: Tally<P>,
    mut shutdown: watch::Receiver<bool>,
) {
    use futures::StreamExt as _;
    loop {
        match redis.changes().await {
            Ok(changes) => {
                // Changes made while this process was not listening were
                // never announced to it (the first pass is a no-op).
                hub.refresh_all_local(&tally).await;
                let mut changes = std::pin::pin!(changes);
                loop {
                    tokio::select! {
                        next = changes.next() => match next {
                            Some(id) => hub.refresh_local(&tally, id).await,
                            None => break,
                        },
                        _ = shutdown.changed() => return,
                    }
                }
            }
            Err(e) => {
                tracing::warn!(error = %format!("{e:#}"), "live change events unavailable; retrying")
            }
        }
        tokio::select! {
            () = tokio::time::sleep(Duration::from_secs(1)) => {}
            _ = shutdown.changed() => return,
        }
    }
}

/// The live audience board over Redis, as the live channels want it.
struct SharedAudience(RedisAudience);

impl AudienceBoard for SharedAudience {
    fn report<'a>(
        &'a self,
        counts: &'a [(PresentationId, usize)],
    ) -> futures::future::BoxFuture<'a, Result<Vec<usize>, String>> {
        async move { self.0.report(counts).await.map_err(|e| format!("{e:#}")) }.boxed()
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
    hub: Arc<LiveHub>,
    admission: Arc<Admission>,
) -> anyhow::Result<actix_web::dev::Server> {
    let tally = web::Data::new(tally);
    let telemetry: Arc<dyn tally_http::telemetry::HttpTelemetry> = Arc::new(Observe(metrics));
    let metrics = web::Data::from(telemetry);
    let readiness = web::Data::new(readiness);
    let hub = web::Data::new(hub);
    let admission = web::Data::from(admission);
    let mut server = HttpServer::new(move || {
        App::new()
            .wrap(from_fn(tally_http::middleware::respond))
            .wrap(TracingLogger::default())
            .app_data(tally.clone())
            .app_data(metrics.clone())
            .app_data(readiness.clone())
            .app_data(hub.clone())
            .app_data(admission.clone())
            .configure(tally_http::routes::<P>)
    })
    .max_connections(settings.max_connections_per_worker)
    .keep_alive(Duration::from_secs(settings.keep_alive_secs))
    .client_request_timeout(Duration::from_millis(settings.client_request_timeout_ms))
    // A client that closes its side is gone: drop its response at once. An
    // event stream would otherwise count a departed phone in the audience
    // until the next keep-alive write failed (up to 30 s). Phones and
    // browsers never half-close a request they still await.
    .h1_allow_half_closed(false)
    .backlog(4096)
    .shutdown_timeout(settings.shutdown_timeout_secs)
    .listen(listener)?;
    if settings.workers > 0 {
        server = server.workers(settings.workers);
    }
    Ok(server.run())
}
