//! Cross-cutting response handling: request metrics, JSON bodies on every
//! error, and v4's media type.

use crate::problem::{Problem, PROBLEM_JSON};
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{HttpRequest, ResponseError as _};
use std::time::Instant;

/// Route patterns of the v4 contract. Their responses carry
/// `Content-Type: application/json` whenever they have a body, errors
/// included, as v4 clients expect.
pub(crate) const V4_ROUTES: &[&str] = &[
    "/ping",
    "/presentations",
    "/presentations/{presentation_id}",
    "/presentations/{presentation_id}/polls/current",
    "/presentations/{presentation_id}/polls/current/votes",
    "/presentations/{presentation_id}/polls/{poll_id}/votes",
];

/// Label for requests that matched no route, so that scanners cannot blow
/// up the label set with random paths.
const UNMATCHED: &str = "unmatched";

/// Wraps every request: times it for metrics, gives error responses that
/// lack one a problem body, and applies the v4 media-type rule.
pub async fn respond(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let started = Instant::now();
    let metrics = req.app_data::<crate::telemetry::Telemetry>().cloned();
    let method = req.method().clone();
    let mut res = next.call(req).await?.map_into_boxed_body();

    if res.status().is_client_error() || res.status().is_server_error() {
        if !has_json_body(&res) {
            let problem = Problem::for_status(res.status());
            let (req, _) = res.into_parts();
            res = ServiceResponse::new(req, problem.error_response());
        }
        if is_v4_route(res.request()) && !accepts_problem_json(res.request()) {
            res.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            );
        }
    }

    if let Some(metrics) = metrics {
        let route = res.request().match_pattern();
        metrics.request_served(
            method.as_str(),
            route.as_deref().unwrap_or(UNMATCHED),
            res.status().as_u16(),
            started.elapsed().as_secs_f64(),
        );
    }
    Ok(res)
}

fn has_json_body(res: &ServiceResponse<BoxBody>) -> bool {
    res.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json") || v.starts_with(PROBLEM_JSON))
}

fn is_v4_route(req: &HttpRequest) -> bool {
    req.match_pattern()
        .is_some_and(|pattern| V4_ROUTES.contains(&pattern.as_str()))
}

fn accepts_problem_json(req: &HttpRequest) -> bool {
    req.headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains(PROBLEM_JSON))
}
