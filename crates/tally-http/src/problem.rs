//! Errors as RFC 9457 problem details.
//!
//! Every error Tally returns has a JSON body of this shape:
//! `{"type", "title", "status", "detail", "code"}`. `code` is a stable,
//! machine-readable slug. The media type is `application/problem+json`,
//! except on the v4 routes, where the contract promises `application/json`
//! for every body (see [`crate::middleware`]).

use actix_web::http::header::{self, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use std::fmt;

pub const PROBLEM_JSON: &str = "application/problem+json";

/// An error response.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem.
    #[serde(rename = "type")]
    pub type_uri: String,
    /// A short summary of the kind of problem.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong with this request, for a person.
    pub detail: String,
    /// A stable slug for programs to switch on.
    pub code: &'static str,
    /// On 429, 503 and 504: when to retry, in milliseconds. The
    /// `Retry-After` header says the same rounded up to whole seconds (all
    /// it can carry); clients that can wait less read this.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry_after_ms: Option<u64>,
    /// Members a problem of one kind adds (RFC 9457 extension members),
    /// each documented where the problem is: for example 412's
    /// `current_revision`.
    /// (Boxed: most problems have none, and every handler's `Result`
    /// carries a `Problem`.)
    #[serde(flatten)]
    #[schema(ignore)]
    pub extensions: Option<Box<serde_json::Map<String, serde_json::Value>>>,
    #[serde(skip)]
    bearer_challenge: bool,
}

impl Problem {
    pub fn new(status: StatusCode, code: &'static str, detail: impl Into<String>) -> Self {
        Self {
            type_uri: format!("urn:tally:problem:{code}"),
            title: status.canonical_reason().unwrap_or("Error").to_owned(),
            status: status.as_u16(),
            detail: detail.into(),
            code,
            retry_after_ms: None,
            extensions: None,
            bearer_challenge: false,
        }
    }

    /// The problem with the extension member `name`.
    #[must_use]
    pub fn with(mut self, name: &str, value: impl Into<serde_json::Value>) -> Self {
        self.extensions
            .get_or_insert_with(Box::default)
            .insert(name.to_owned(), value.into());
        self
    }

    pub fn bad_request(code: &'static str, detail: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, detail)
    }

    pub fn not_found(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", detail)
    }

    pub fn conflict(code: &'static str, detail: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, code, detail)
    }

    /// 401 with a `WWW-Authenticate: Bearer` challenge.
    pub fn unauthorized(code: &'static str, detail: impl Into<String>) -> Self {
        let mut p = Self::new(StatusCode::UNAUTHORIZED, code, detail);
        p.bearer_challenge = true;
        p
    }

    /// A dependency is down. The cause is logged, not shown.
    pub fn unavailable(cause: &dyn fmt::Display) -> Self {
        // `{:#}`: an error chain in full (a database error says why only in
        // its source).
        tracing::error!(error = %format_args!("{cause:#}"), "dependency unavailable");
        let mut p = Self::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
            "the service is temporarily unavailable; retry shortly",
        );
        p.retry_after_ms = Some(1000);
        p
    }

    /// 429: refused for load before anything was sent or stored.
    pub fn overloaded(retry_after_ms: u64) -> Self {
        let mut p = Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            "overloaded",
            "too many votes at once: this one was not stored; retry after the given time",
        );
        p.retry_after_ms = Some(retry_after_ms);
        p
    }

    /// 429 for any request refused by admission before its body was read:
    /// the same code as a vote's, so that a client retries both alike.
    pub fn busy(retry_after_ms: u64) -> Self {
        let mut p = Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            "overloaded",
            "too many requests at once: this one was not carried out; retry after the given time",
        );
        p.retry_after_ms = Some(retry_after_ms);
        p
    }

    /// 504: the vote was sent to the store and no answer came in time, so
    /// it may or may not have been counted. A retry with the same body
    /// settles it: votes are idempotent.
    pub fn outcome_unknown(cause: &dyn fmt::Display) -> Self {
        tracing::warn!(error = %cause, "vote outcome unknown");
        let mut p = Self::new(
            StatusCode::GATEWAY_TIMEOUT,
            "vote_outcome_unknown",
            "the vote store did not answer in time, so this vote may or may not have been counted; \
             send the same vote again to settle it (it is never counted twice)",
        );
        p.retry_after_ms = Some(1000);
        p
    }

    /// 408: the request body did not arrive in time; the connection is
    /// closed with it.
    pub fn body_timeout() -> Self {
        Self::new(
            StatusCode::REQUEST_TIMEOUT,
            "body_timeout",
            "the request body did not arrive in time",
        )
    }

    /// The body Tally sends for an error status that carried none.
    pub fn for_status(status: StatusCode) -> Self {
        let (code, detail) = match status {
            StatusCode::NOT_FOUND => ("not_found", "no such resource"),
            StatusCode::METHOD_NOT_ALLOWED => (
                "method_not_allowed",
                "this method is not allowed on this resource",
            ),
            StatusCode::PAYLOAD_TOO_LARGE => ("payload_too_large", "the request body is too large"),
            StatusCode::UNSUPPORTED_MEDIA_TYPE => (
                "unsupported_media_type",
                "send the body as JSON (Content-Type: application/json)",
            ),
            s if s.is_server_error() => ("internal", "internal error"),
            _ => ("error", "the request failed"),
        };
        Self::new(status, code, detail)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}: {}", self.status, self.code, self.detail)
    }
}

impl ResponseError for Problem {
    fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    fn error_response(&self) -> HttpResponse {
        let mut response = HttpResponse::build(self.status_code());
        response.insert_header((header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON)));
        if self.bearer_challenge {
            response.insert_header((header::WWW_AUTHENTICATE, "Bearer realm=\"tally\""));
        }
        if let Some(ms) = self.retry_after_ms {
            response.insert_header((header::RETRY_AFTER, ms.div_ceil(1000).max(1).to_string()));
        }
        if self.status == StatusCode::REQUEST_TIMEOUT.as_u16() {
            // The rest of the body may still be on its way: the connection
            // cannot carry another request.
            response.force_close();
        }
        response.body(serde_json::to_vec(self).unwrap_or_default())
    }
}
