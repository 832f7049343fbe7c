//! Request handlers: translate HTTP to a use case call and back. No rules
//! live here.

pub mod audience;
pub mod console;
pub mod contests;
pub mod deck;
pub mod deck_files;
pub mod images;
pub mod links;
pub mod ops;
pub mod presenter;
pub mod questions;
pub mod settings;
pub mod templates;
pub mod v4;
pub mod votes;

use crate::problem::Problem;
use tally_domain::{Poll, PollId, Presentation, PresentationId};
use uuid::Uuid;

type Handled = Result<actix_web::HttpResponse, Problem>;

/// The poll on screen. A presentation always has one; should that ever
/// break, the answer is v4's 409, not a panic.
fn on_screen(presentation: &Presentation) -> Result<&Poll, Problem> {
    presentation.current_poll().ok_or_else(no_poll_displayed)
}

fn no_poll_displayed() -> Problem {
    Problem::conflict("no_poll_displayed", "no poll is currently displayed")
}

/// A 200 with a body serialised earlier (by the read cache).
fn json_body(body: Option<&bytes::Bytes>) -> Handled {
    let body = body.ok_or_else(no_poll_displayed)?;
    Ok(actix_web::HttpResponse::Ok()
        .content_type(actix_web::http::header::ContentType::json())
        .body(body.clone()))
}

fn presentation_id(id: Uuid) -> PresentationId {
    PresentationId::from_uuid(id)
}

fn poll_id(id: Uuid) -> PollId {
    PollId::from_uuid(id)
}

/// An upload's declared length is over `max`: refused before a byte of it
/// is read (and before the caller asks whether the sender may upload).
fn declared_over(request: &actix_web::HttpRequest, max: usize) -> bool {
    request
        .headers()
        .get(actix_web::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok())
        .is_some_and(|n| n > max as u64)
}

/// An upload's bytes, read up to `max`: a body without a declared length
/// (or a false one) stops at the limit too, with `too_large`.
async fn read_upload(
    mut payload: actix_web::web::Payload,
    max: usize,
    too_large: impl Fn() -> Problem,
) -> Result<actix_web::web::BytesMut, Problem> {
    use futures::StreamExt as _;
    let mut body = actix_web::web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| Problem::bad_request("invalid_body", e.to_string()))?;
        if body.len() + chunk.len() > max {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// An image as served (the logo, a slide image): 304 when `If-None-Match`
/// names `etag` (or is `*`), else the bytes; `nosniff` and a CSP under
/// which the bytes can run nothing, whatever a browser takes them for.
fn image_response(
    request: &actix_web::HttpRequest,
    etag: &str,
    cache_control: &'static str,
    content_type: &str,
    bytes: Vec<u8>,
) -> actix_web::HttpResponse {
    use actix_web::http::header::{self, HeaderValue};
    let matches = request
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    let mut response = if matches {
        actix_web::HttpResponse::NotModified()
    } else {
        actix_web::HttpResponse::Ok()
    };
    response
        .insert_header((header::ETAG, etag))
        .insert_header((header::CACHE_CONTROL, cache_control))
        .insert_header((
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ));
    if matches {
        return response.finish();
    }
    response
        .content_type(content_type)
        .insert_header((
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'"),
        ))
        .body(bytes)
}
