//! Building and running the application: which adapters, wired how.
//! Connections live in `connections`, the background tasks' bodies in
//! `tasks`, the HTTP server's setup in `http_server`.

use crate::clock::SystemClock;
use crate::connections::{database_pool, migrate_with_grace, redis_connection};
use crate::http_server::{readiness, serve, Serving};
use crate::listener;
use crate::observe::Observe;
use crate::settings::{IntakeMode, Settings};
use crate::tasks::{live_changes, sample, sweep_images, SharedAudience};
use std::sync::Arc;
use std::time::Duration;
use tally_domain::ports::{IntakeMetrics as _, IntakePath, IntakeSwitch as _, Ports};
use tally_domain::usecases::{
    Adapters, Announcements, FailoverIntake, FailoverLedger, FlushSettings, Flusher, Tally,
};
use tally_http::admission::Admission;
use tally_http::live::{LiveEvents, LiveHub};
use tally_http::reads::{ReadCache, ReadEvents};
use tally_postgres::{PgArchive, PgBoard, PgContests, PgIntake, PgLedger, PgStore};
use tally_prometheus::Metrics;
use tally_redis::recovery;
use tally_redis::{
    ChangePublisher, MirrorEvents, Rebuilder, RedisAudience, RedisHealth, RedisIntake, RedisLedger,
    RedisMirror, RedisVoteQueue,
};
use tokio::sync::watch;
use tokio::task::JoinHandle;

/// This process's subscribers of the change events: the read cache, then
/// the live channels (a client told of a change by its socket then reads
/// that change here). Its own changes and, through the announcement
/// listener, other processes' reach them alike.
pub type LocalEvents = (ReadEvents, LiveEvents);

/// The adapters of the direct intake: Postgres for everything.
#[derive(Debug)]
pub struct PgPorts;

impl Ports for PgPorts {
    type Store = PgStore;
    type Intake = PgIntake;
    type Ledger = PgLedger;
    type Metrics = Metrics;
    type Events = LocalEvents;
    type Board = PgBoard;
    type Contests = PgContests;
}

/// The adapters of the spike path: votes and live results in Redis, state
/// mirrored to it (a subscriber of the change events), Postgres the source
/// of truth and the fallback.
#[derive(Debug)]
pub struct RedisPorts;

impl Ports for RedisPorts {
    type Store = PgStore;
    type Intake = FailoverIntake<RedisIntake<PgStore, PgLedger>, PgIntake, RedisHealth, Metrics>;
    type Ledger = FailoverLedger<RedisLedger<PgStore, PgLedger>, PgLedger, RedisHealth>;
    type Metrics = Metrics;
    /// The mirror first (votes must see a change before anyone is told of
    /// it), then the other processes, then this process's subscribers.
    type Events = (
        MirrorEvents<PgStore, PgLedger>,
        (ChangePublisher, LocalEvents),
    );
    type Board = PgBoard;
    type Contests = PgContests;
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
        let reads = ReadCache::new(settings.read_cache());
        let local: LocalEvents = (reads.events(), live_hub.events());
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
        let mut background = vec![
            sampler,
            tokio::spawn(sweep_images(
                pg_store.clone(),
                Duration::from_secs(settings.image_sweep_interval_secs.max(1)),
                Duration::from_secs(settings.image_grace_secs),
                shutdown_rx.clone(),
            )),
        ];
        let serving = Serving {
            listener,
            settings,
            metrics: metrics.clone(),
            readiness: readiness(pool.clone()),
            hub: live_hub.clone(),
            reads: reads.clone(),
            admission,
        };
        let server = match mode {
            IntakeMode::Postgres => {
                metrics.path_in_use(IntakePath::Direct, false);
                let tally = Tally::<PgPorts>::new(
                    Adapters {
                        store: pg_store,
                        intake: pg_intake,
                        ledger: pg_ledger,
                        metrics: metrics.clone(),
                        events: local,
                        board: PgBoard::new(pool.clone()),
                        contests: PgContests::new(pool.clone()),
                    },
                    settings.open_presenter,
                );
                serve(tally, serving)?
            }
            IntakeMode::Redis => {
                let probe = settings.probe();
                if Duration::from_millis(settings.redis_timeout_ms) <= probe.detection_time() {
                    tracing::warn!(
                        redis_timeout_ms = settings.redis_timeout_ms,
                        detection_ms = probe.detection_time().as_millis(),
                        "redis_timeout_ms is not above the probe's detection time: votes stuck on a frozen Redis get 504 instead of moving to Postgres"
                    );
                }
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
                        metrics.path_in_use(IntakePath::Fast, false);
                    }
                    Err(e) => {
                        tracing::warn!(error = %format!("{e:#}"), "Redis not usable at start; votes go to Postgres until it is");
                        metrics.path_in_use(IntakePath::Direct, false);
                    }
                }
                // The probe has a connection of its own, so votes queued on
                // the others never delay its answer.
                background.push(tokio::spawn(recovery::watch(
                    redis_connection()?,
                    rebuilder.clone(),
                    health.clone(),
                    metrics.clone(),
                    probe,
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
                    let (flush, metrics, stop) =
                        (flush.clone(), metrics.clone(), shutdown_rx.clone());
                    drained.push(tokio::spawn(async move {
                        flusher
                            .run(&flush, &metrics, &SystemClock, || *stop.borrow())
                            .await;
                    }));
                }
                let events = (
                    MirrorEvents::new(rebuilder.clone(), health.clone()),
                    (ChangePublisher::new(redis_connection()?), local.clone()),
                );
                let announcements = Announcements::new(pg_store.clone(), local);
                let tally = Tally::<RedisPorts>::new(
                    Adapters {
                        store: pg_store,
                        intake: FailoverIntake::new(
                            RedisIntake::new(redis.clone(), rebuilder.clone())
                                .with_batch(settings.redis_vote_batch),
                            pg_intake,
                            health.clone(),
                            metrics.clone(),
                        ),
                        ledger: FailoverLedger::new(
                            RedisLedger::new(redis, rebuilder),
                            pg_ledger,
                            health,
                        ),
                        metrics: metrics.clone(),
                        events,
                        // Questions and moderation decisions go to Postgres
                        // on both paths: they are typed, not tapped, and far
                        // fewer than votes (README, "Q&A").
                        board: PgBoard::new(pool.clone()),
                        // Contests too: judges, not the audience.
                        contests: PgContests::new(pool.clone()),
                    },
                    settings.open_presenter,
                );
                let hub = live_hub.clone();
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
                    announcements,
                    hub.clone(),
                    reads,
                    shutdown_rx.clone(),
                )));
                serve(tally, serving)?
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
