//! Health and metrics for operators and orchestrators.

use crate::problem::Problem;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use futures::future::BoxFuture;
use std::sync::Arc;

/// Checks the dependencies a request needs; `Err` says which is down.
pub type ReadinessCheck = Arc<dyn Fn() -> BoxFuture<'static, Result<(), String>> + Send + Sync>;

/// The process is up.
#[utoipa::path(get, path = "/livez", tag = "ops", responses((status = 200)))]
pub async fn livez() -> HttpResponse {
    HttpResponse::Ok().json(serde_json::json!({ "status": "ok" }))
}

/// The process can serve: the database answers.
#[utoipa::path(get, path = "/readyz", tag = "ops",
    responses((status = 200), (status = 503, body = Problem)))]
pub async fn readyz(check: web::Data<ReadinessCheck>) -> Result<HttpResponse, Problem> {
    match (check.get_ref())().await {
        Ok(()) => Ok(HttpResponse::Ok().json(serde_json::json!({ "status": "ready" }))),
        Err(why) => {
            tracing::warn!(%why, "not ready");
            Err(Problem::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "not_ready",
                why,
            ))
        }
    }
}

/// Prometheus text exposition.
#[utoipa::path(get, path = "/metrics", tag = "ops", responses((status = 200, content_type = "text/plain")))]
pub async fn metrics(metrics: crate::telemetry::Telemetry) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .body(metrics.render())
}
