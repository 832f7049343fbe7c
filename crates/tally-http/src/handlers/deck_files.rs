//! A deck as a file (issue 26): export and import (`tally-deck`), and an
//! outline read into a deck file (the built-in templates: `templates`).

use super::{presentation_id, Handled};
use crate::errors::NO_PRESENTATION;
use crate::extract::PresenterCredential;
use crate::problem::Problem;
use actix_web::http::header;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use tally_domain::deck::document::{DeckDocument, DocumentError};
use tally_domain::deck::outline::{self, OutlineError};
use tally_domain::ports::Ports;
use tally_domain::usecases::{ExportDeckError, ImportDeckError, Tally};
use uuid::Uuid;

/// Registers the deck file routes (called from [`crate::routes`]).
pub fn routes<P: Ports>(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/presentations/{presentation_id}/deck/export").get(export_deck::<P>),
    )
    .service(
        web::resource("/outlines")
            .app_data(web::PayloadConfig::new(
                crate::extract::PRESENTATION_BODY_LIMIT,
            ))
            .post(read_outline),
    )
    .configure(super::templates::routes);
}

/// `POST /presentations/import`: registered by [`crate::routes`] before
/// `/presentations/{presentation_id}`, which "import" would also match.
pub fn import_route<P: Ports>(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/presentations/import")
            .app_data(crate::extract::json_config(
                crate::extract::PRESENTATION_BODY_LIMIT,
            ))
            .post(import_deck::<P>),
    );
}

/// The deck as a file (`tally-deck`, version 1: the README documents it),
/// with the presenter's notes and the title, to keep, share or import.
#[utoipa::path(get, path = "/presentations/{presentation_id}/deck/export", tag = "deck",
    params(("presentation_id" = Uuid, Path)), security(("presenter_token" = [])),
    responses((status = 200, body = Object, description = "A deck file", headers(("Content-Disposition" = String))),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 503, body = Problem)))]
pub async fn export_deck<P: Ports>(
    tally: web::Data<Tally<P>>,
    credential: PresenterCredential,
    id: web::Path<Uuid>,
) -> Handled {
    let document = tally
        .export_deck(presentation_id(*id), credential.token())
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header((
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"tally-deck.json\"",
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(document))
}

/// A new presentation from a deck file, as `POST /presentations` makes
/// one (with `Authorization: Bearer`, it joins that presenter's list), with
/// the file's title.
#[utoipa::path(post, path = "/presentations/import", tag = "deck",
    request_body(content = Object, description = "A deck file: `format` \"tally-deck\", `version` 1"),
    responses((status = 201, body = crate::dto::PresentationCreatedBody),
        (status = 400, body = Problem, description = "`malformed_json`, `invalid_body` (not a deck file's shape, or a field it does not know)"),
        (status = 401, body = Problem),
        (status = 413, body = Problem), (status = 415, body = Problem),
        (status = 422, body = Problem, description = "`deck_format_unsupported` (another format or version); `invalid_deck_file` (a slide, named by its number, or the title is refused)"),
        (status = 503, body = Problem)))]
pub async fn import_deck<P: Ports>(
    tally: web::Data<Tally<P>>,
    credential: PresenterCredential,
    body: web::Json<DeckDocument>,
) -> Handled {
    let created = tally.import_deck(body.into_inner(), credential.0).await?;
    Ok(super::v4::created_answer(&created))
}

impl From<ExportDeckError> for Problem {
    fn from(e: ExportDeckError) -> Self {
        match e {
            ExportDeckError::NotFound => Problem::not_found(NO_PRESENTATION),
            ExportDeckError::Denied(denied) => denied.into(),
            ExportDeckError::Unavailable(cause) => Problem::unavailable(&cause),
        }
    }
}

impl From<ImportDeckError> for Problem {
    fn from(e: ImportDeckError) -> Self {
        match e {
            ImportDeckError::Invalid(
                invalid @ (DocumentError::Format(_) | DocumentError::Version(_)),
            ) => Problem::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "deck_format_unsupported",
                invalid.to_string(),
            ),
            ImportDeckError::Invalid(invalid) => Problem::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_deck_file",
                invalid.to_string(),
            ),
            ImportDeckError::Create(e) => e.into(),
        }
    }
}

/// Reads an outline into a deck file, creating nothing: the editor shows
/// it, and `POST /presentations/import` creates it. `Content-Type:
/// text/markdown` (a heading per question, bullets as options, `- [x]`
/// marks a quiz's answer) or `text/csv` (a row per question, options in
/// the next cells). The README has the rules.
#[utoipa::path(post, path = "/outlines", tag = "deck",
    request_body(content = String, content_type = "text/markdown", description = "A Markdown or (as text/csv) CSV outline, UTF-8"),
    responses((status = 200, body = Object, description = "A deck file"),
        (status = 413, body = Problem),
        (status = 415, body = Problem, description = "`unsupported_media_type`: neither text/markdown nor text/csv"),
        (status = 422, body = Problem, description = "`invalid_outline`: no question, a question (named by its number) refused, or a file that is not UTF-8")))]
pub async fn read_outline(request: HttpRequest, body: web::Bytes) -> Handled {
    let media = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase())
        .unwrap_or_default();
    let draft = match media.as_str() {
        "text/markdown" | "text/x-markdown" | "text/plain" => {
            let text = std::str::from_utf8(&body).map_err(|_| {
                invalid_outline(&OutlineError::Csv("the outline is not UTF-8".into()))
            })?;
            outline::from_markdown(text)
        }
        "text/csv" => outline::from_csv(&body),
        _ => {
            return Err(Problem::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "send an outline as text/markdown or text/csv",
            ))
        }
    }
    .map_err(|e| invalid_outline(&e))?;
    Ok(HttpResponse::Ok().json(DeckDocument::of_draft(&draft, None)))
}

fn invalid_outline(e: &OutlineError) -> Problem {
    Problem::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_outline",
        e.to_string(),
    )
}
