//! The HTTP server: the app's data, middleware and limits.

use crate::observe::Observe;
use crate::settings::Settings;
use actix_web::middleware::from_fn;
use actix_web::{web, App, HttpServer};
use futures::FutureExt as _;
use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;
use tally_domain::ports::Ports;
use tally_domain::usecases::Tally;
use tally_http::admission::Admission;
use tally_http::live::LiveHub;
use tally_http::reads::ReadCache;
use tally_http::ReadinessCheck;
use tally_postgres::Pool;
use tally_prometheus::Metrics;
use tracing_actix_web::TracingLogger;

/// `/readyz`: the database answers a trivial query.
pub(crate) fn readiness(pool: Pool) -> ReadinessCheck {
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

/// What the HTTP server needs besides the use cases: the same whichever
/// adapters they run on.
pub(crate) struct Serving<'a> {
    pub listener: TcpListener,
    pub settings: &'a Settings,
    pub metrics: Metrics,
    pub readiness: ReadinessCheck,
    pub hub: Arc<LiveHub>,
    pub reads: Arc<ReadCache>,
    pub admission: Arc<Admission>,
}

/// Serves the use cases over HTTP, and their live results to the live
/// channels' tickers.
pub(crate) fn serve<P: Ports>(
    tally: Tally<P>,
    serving: Serving<'_>,
) -> anyhow::Result<actix_web::dev::Server> {
    let Serving {
        listener,
        settings,
        metrics,
        readiness,
        hub,
        reads,
        admission,
    } = serving;
    let contests = tally.contests();
    hub.serve_results(Arc::new(tally.clone()));
    let tally = web::Data::new(tally);
    let telemetry: Arc<dyn tally_http::telemetry::HttpTelemetry> = Arc::new(Observe(metrics));
    let metrics = web::Data::from(telemetry);
    let readiness = web::Data::new(readiness);
    let hub = web::Data::new(hub);
    let admission = web::Data::from(admission);
    let reads = web::Data::from(reads);
    let contests = web::Data::new(contests);
    let scores = web::Data::new(tally_http::handlers::audience::ScoreCache::new());
    let pages = tally_web::WebSettings {
        public_url: settings.public_url.clone(),
        dev_assets: settings.web_dev_assets.clone(),
    };
    let mut server = HttpServer::new(move || {
        App::new()
            // Innermost, so that `respond` counts and shapes its answers.
            .wrap(from_fn(tally_http::body_deadline::body_deadline))
            .wrap(from_fn(tally_http::middleware::respond))
            .wrap(TracingLogger::default())
            .app_data(tally.clone())
            .app_data(metrics.clone())
            .app_data(readiness.clone())
            .app_data(hub.clone())
            .app_data(admission.clone())
            .app_data(reads.clone())
            .app_data(scores.clone())
            .app_data(contests.clone())
            .configure(tally_http::contest_routes::<P>)
            .configure(tally_http::routes::<P>)
            .configure(|cfg| tally_web::routes(cfg, pages.clone()))
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
