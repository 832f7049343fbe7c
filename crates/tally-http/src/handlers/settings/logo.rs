//! The logo: uploaded raw, refused early when too large, sniffed, decoded
//! and re-encoded off the request threads, served back as a PNG.

use super::super::{presentation_id, Handled};
use crate::dto::SettingsBody;
use crate::extract::PresenterCredential;
use crate::problem::Problem;
use actix_web::{web, HttpRequest, HttpResponse};
use tally_domain::ports::Ports;
use tally_domain::settings::{Logo, LogoError, MAX_LOGO_BYTES};
use tally_domain::usecases::Tally;
use uuid::Uuid;

/// Upload the logo: the raw bytes of a PNG, JPEG, WebP or GIF image, at
/// most 1 MiB. The type is told from the bytes (the `Content-Type` is not
/// trusted); the image is decoded under limits and stored re-encoded as a
/// PNG of at most 1024 px a side, with nothing else of the upload kept.
/// SVG is refused. Whoever runs the presentation.
#[utoipa::path(put, path = "/presentations/{presentation_id}/logo", tag = "settings",
    params(("presentation_id" = Uuid, Path)), security(("presenter_token" = [])),
    request_body(content = Vec<u8>, content_type = "application/octet-stream", description = "The image's bytes"),
    responses((status = 200, body = SettingsBody),
        (status = 400, body = Problem, description = "`logo_empty`"),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 413, body = Problem, description = "`logo_too_large`: over 1 MiB (refused on the declared length before the body is read)"),
        (status = 415, body = Problem, description = "`logo_svg_refused`, or `logo_type_unsupported` (not PNG, JPEG, WebP or GIF)"),
        (status = 422, body = Problem, description = "`logo_undecodable`, or `logo_dimensions_too_large` (over 4096 px a side)"),
        (status = 503, body = Problem)))]
pub async fn put_logo<P: Ports>(
    req: HttpRequest,
    tally: web::Data<Tally<P>>,
    credential: PresenterCredential,
    id: web::Path<Uuid>,
    payload: web::Payload,
) -> Handled {
    let id = presentation_id(*id);
    // Refused on its declared length first: nothing of it is read.
    if super::super::declared_over(&req, MAX_LOGO_BYTES) {
        return Err(LogoError::TooManyBytes.into());
    }
    // Only someone who may change the logo has the server read and
    // decode an image.
    tally.may_set_logo(id, credential.token()).await?;
    let body =
        super::super::read_upload(payload, MAX_LOGO_BYTES, || LogoError::TooManyBytes.into())
            .await?;
    // Decoding is CPU work: on the blocking pool, not a request thread.
    let logo = web::block(move || Logo::from_upload(&body))
        .await
        .map_err(|e| Problem::unavailable(&e))??;
    let view = tally.set_logo(id, credential.token(), Some(logo)).await?;
    Ok(HttpResponse::Ok().json(SettingsBody::new(id, &view)))
}

/// Remove the logo (removing none is not an error). Whoever runs the
/// presentation.
#[utoipa::path(delete, path = "/presentations/{presentation_id}/logo", tag = "settings",
    params(("presentation_id" = Uuid, Path)), security(("presenter_token" = [])),
    responses((status = 200, body = SettingsBody),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 503, body = Problem)))]
pub async fn remove_logo<P: Ports>(
    tally: web::Data<Tally<P>>,
    credential: PresenterCredential,
    id: web::Path<Uuid>,
) -> Handled {
    let id = presentation_id(*id);
    let view = tally.set_logo(id, credential.token(), None).await?;
    Ok(HttpResponse::Ok().json(SettingsBody::new(id, &view)))
}

/// The logo, as a PNG. Public. `ETag` with `Cache-Control: no-cache`: a
/// page revalidates (304) instead of showing a replaced logo.
#[utoipa::path(get, path = "/presentations/{presentation_id}/logo", tag = "settings",
    params(("presentation_id" = Uuid, Path)),
    responses((status = 200, content_type = "image/png", body = Vec<u8>),
        (status = 304, description = "`If-None-Match` holds the current ETag"),
        (status = 404, body = Problem, description = "`no_logo`: no such presentation, or it has no logo"),
        (status = 503, body = Problem)))]
pub async fn get_logo<P: Ports>(
    req: HttpRequest,
    tally: web::Data<Tally<P>>,
    id: web::Path<Uuid>,
) -> Handled {
    let logo = tally.logo(presentation_id(*id)).await?.ok_or_else(|| {
        Problem::new(
            actix_web::http::StatusCode::NOT_FOUND,
            "no_logo",
            "this presentation has no logo",
        )
    })?;
    let etag = format!("\"{}\"", logo.etag);
    Ok(super::super::image_response(
        &req,
        &etag,
        "no-cache",
        "image/png",
        logo.png,
    ))
}
