//! Slide images (issue 26): uploaded raw, refused early when too large,
//! sniffed, decoded and re-encoded off the request threads; served by
//! their content's name, cached for good.

use super::{presentation_id, Handled};
use crate::extract::PresenterCredential;
use crate::problem::Problem;
use actix_web::http::header;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde_json::json;
use tally_domain::deck::image::{ImageId, MAX_IMAGE_BYTES, SLIDE_IMAGE};
use tally_domain::picture::{Picture, PictureError};
use tally_domain::ports::Ports;
use tally_domain::usecases::{ReadImageError, StoreImageError, Tally};
use uuid::Uuid;

/// Registers the image routes (called from [`crate::routes`]).
pub fn routes<P: Ports>(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/presentations/{presentation_id}/images").post(upload::<P>))
        .service(web::resource("/images/{image_id}").get(get::<P>));
}

/// Upload an image for the deck's slides: the raw bytes of a PNG, JPEG,
/// WebP or GIF, at most 5 MiB and 8192 px a side. The type is told from
/// the bytes (`Content-Type` is not trusted); the image is decoded under
/// limits and stored re-encoded (a JPEG as a JPEG, the rest as PNG), at
/// most 1600 px a side, with nothing else of the upload kept (no
/// metadata). SVG is refused. Stored once per content: the id is the
/// SHA-256 of the stored bytes. Whoever runs the presentation.
#[utoipa::path(post, path = "/presentations/{presentation_id}/images", tag = "deck",
    params(("presentation_id" = Uuid, Path)), security(("presenter_token" = [])),
    request_body(content = Vec<u8>, content_type = "application/octet-stream", description = "The image's bytes"),
    responses((status = 201, body = Object, description = "`{image_id, url, content_type, width, height}`"),
        (status = 400, body = Problem, description = "`image_empty`"),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 413, body = Problem, description = "`image_too_large`: over 5 MiB (refused on the declared length before the body is read)"),
        (status = 415, body = Problem, description = "`image_svg_refused`, or `image_type_unsupported` (not PNG, JPEG, WebP or GIF)"),
        (status = 422, body = Problem, description = "`image_undecodable`, or `image_dimensions_too_large` (over 8192 px a side)"),
        (status = 503, body = Problem)))]
pub async fn upload<P: Ports>(
    req: HttpRequest,
    tally: web::Data<Tally<P>>,
    credential: PresenterCredential,
    id: web::Path<Uuid>,
    payload: web::Payload,
) -> Handled {
    let id = presentation_id(*id);
    let too_large = || {
        image_problem(&PictureError::TooManyBytes {
            max: MAX_IMAGE_BYTES,
        })
    };
    if super::declared_over(&req, MAX_IMAGE_BYTES) {
        return Err(too_large());
    }
    tally.may_store_image(id, credential.token()).await?;
    let body = super::read_upload(payload, MAX_IMAGE_BYTES, too_large).await?;
    // Decoding is CPU work: on the blocking pool, not a request thread.
    let picture = web::block(move || Picture::from_upload(&body, &SLIDE_IMAGE))
        .await
        .map_err(|e| Problem::unavailable(&e))?
        .map_err(|e| image_problem(&e))?;
    let image = tally.store_image(id, credential.token(), &picture).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/images/{image}")))
        .json(json!({
            "image_id": image.as_str(),
            "url": format!("/images/{image}"),
            "content_type": picture.content_type(),
            "width": picture.width(),
            "height": picture.height(),
        })))
}

/// A stored image. Public: its id is its content's SHA-256, so the bytes
/// never change and are cached for good (`immutable`).
#[utoipa::path(get, path = "/images/{image_id}", tag = "deck",
    params(("image_id" = String, Path, description = "64 hex digits")),
    responses((status = 200, content_type = "image/png", body = Vec<u8>, description = "PNG or JPEG"),
        (status = 304, description = "`If-None-Match` names it"),
        (status = 404, body = Problem, description = "`no_image`"),
        (status = 503, body = Problem)))]
pub async fn get<P: Ports>(
    req: HttpRequest,
    tally: web::Data<Tally<P>>,
    image_id: web::Path<String>,
) -> Handled {
    let no_image = || Problem::new(StatusCode::NOT_FOUND, "no_image", "no image with this id");
    let image = ImageId::parse(&image_id).map_err(|_| no_image())?;
    let stored = match tally.image(&image).await {
        Ok(stored) => stored,
        Err(ReadImageError::NotFound) => return Err(no_image()),
        Err(ReadImageError::Unavailable(cause)) => return Err(Problem::unavailable(&cause)),
    };
    Ok(super::image_response(
        &req,
        &format!("\"{image}\""),
        "public, max-age=31536000, immutable",
        &stored.content_type,
        stored.bytes,
    ))
}

fn image_problem(e: &PictureError) -> Problem {
    let (status, code) = match e {
        PictureError::Empty => (StatusCode::BAD_REQUEST, "image_empty"),
        PictureError::TooManyBytes { .. } => (StatusCode::PAYLOAD_TOO_LARGE, "image_too_large"),
        PictureError::Svg => (StatusCode::UNSUPPORTED_MEDIA_TYPE, "image_svg_refused"),
        PictureError::UnsupportedType => {
            (StatusCode::UNSUPPORTED_MEDIA_TYPE, "image_type_unsupported")
        }
        PictureError::Undecodable(_) => (StatusCode::UNPROCESSABLE_ENTITY, "image_undecodable"),
        PictureError::TooManyPixels { .. } => (
            StatusCode::UNPROCESSABLE_ENTITY,
            "image_dimensions_too_large",
        ),
    };
    Problem::new(status, code, e.to_string())
}

impl From<StoreImageError> for Problem {
    fn from(e: StoreImageError) -> Self {
        match e {
            StoreImageError::NotFound => Problem::not_found(crate::errors::NO_PRESENTATION),
            StoreImageError::Denied(denied) => denied.into(),
            StoreImageError::Unavailable(cause) => Problem::unavailable(&cause),
        }
    }
}
