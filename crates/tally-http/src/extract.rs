//! Request extraction: JSON bodies, path ids and the presenter credential,
//! each failing with a problem rather than actix's plain-text defaults.

use crate::problem::Problem;
use actix_web::dev::Payload;
use actix_web::error::{JsonPayloadError, PathError, QueryPayloadError};
use actix_web::http::{header, StatusCode};
use actix_web::{web, FromRequest, HttpRequest};
use std::future::{ready, Ready};
use tally_domain::PresenterToken;

/// Largest vote body. A vote is about 120 bytes.
pub const VOTE_BODY_LIMIT: usize = 4 * 1024;
/// Largest presentation body: 200 polls of 64 options fit comfortably.
pub const PRESENTATION_BODY_LIMIT: usize = 1024 * 1024;
/// Largest body for the small presenter requests.
pub const SMALL_BODY_LIMIT: usize = 4 * 1024;

/// JSON extraction with a size limit and problem+json errors.
pub fn json_config(limit: usize) -> web::JsonConfig {
    web::JsonConfig::default()
        .limit(limit)
        .error_handler(|error, _req| json_problem(&error).into())
}

fn json_problem(error: &JsonPayloadError) -> Problem {
    match error {
        JsonPayloadError::OverflowKnownLength { length, limit } => Problem::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            format!("the body is {length} bytes; the limit is {limit}"),
        ),
        JsonPayloadError::Overflow { limit } => Problem::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            format!("the body is over the limit of {limit} bytes"),
        ),
        JsonPayloadError::ContentType => Problem::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "send the body as JSON with Content-Type: application/json",
        ),
        JsonPayloadError::Deserialize(e) if e.is_eof() && e.line() == 1 && e.column() == 0 => {
            Problem::bad_request("missing_body", "the request needs a JSON body")
        }
        JsonPayloadError::Deserialize(e) if e.is_data() => {
            Problem::bad_request("invalid_body", format!("the JSON body does not fit: {e}"))
        }
        JsonPayloadError::Deserialize(e) => {
            Problem::bad_request("malformed_json", format!("the body is not valid JSON: {e}"))
        }
        other => Problem::bad_request(
            "unreadable_body",
            format!("the body could not be read: {other}"),
        ),
    }
}

/// Path extraction: an id that is not a UUID names nothing, so it is a 404
/// (v4: `unknown_presentation_id` gets 404, not 400).
pub fn path_config() -> web::PathConfig {
    web::PathConfig::default()
        .error_handler(|_error: PathError, _req| Problem::not_found("no such resource").into())
}

/// Query-string extraction with problem+json errors.
pub fn query_config() -> web::QueryConfig {
    web::QueryConfig::default().error_handler(|error: QueryPayloadError, _req| {
        Problem::bad_request("invalid_query", error.to_string()).into()
    })
}

/// The `Authorization: Bearer <token>` a caller presented, if any.
///
/// A header with another scheme counts as no token: the answer is then 401
/// with a Bearer challenge, which tells the client what to send.
#[derive(Debug)]
pub struct PresenterCredential(pub Option<PresenterToken>);

impl PresenterCredential {
    pub fn token(&self) -> Option<&PresenterToken> {
        self.0.as_ref()
    }
}

impl FromRequest for PresenterCredential {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        let token = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| {
                let (scheme, token) = v.trim().split_once(' ')?;
                scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
            })
            .filter(|t| !t.is_empty())
            .map(PresenterToken::from_presented);
        ready(Ok(PresenterCredential(token)))
    }
}
