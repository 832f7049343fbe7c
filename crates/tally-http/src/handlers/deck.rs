//! Editing a presentation's deck (issue 26): read it with its revision,
//! replace it if no one else edited meanwhile, read what was edited.

use super::{presentation_id, Handled};
use crate::dto::{DeckBody, DeckEditsBody, DeckRevisionBody};
use crate::errors::NO_PRESENTATION;
use crate::extract::PresenterCredential;
use crate::problem::Problem;
use actix_web::http::header::{self, HeaderMap};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use tally_domain::deck::{DeckRev, DeckRevisionError};
use tally_domain::ports::Ports;
use tally_domain::usecases::{EditableDeck, ReadDeckError, ReviseDeckError, Tally};
use uuid::Uuid;

/// Registers the deck routes (called from [`crate::routes`]).
pub fn routes<P: Ports>(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/presentations/{presentation_id}/deck")
            // A whole deck, as large as a new presentation's body may be.
            .app_data(crate::extract::json_config(
                crate::extract::PRESENTATION_BODY_LIMIT,
            ))
            .get(get_deck::<P>)
            .put(put_deck::<P>),
    )
    .service(web::resource("/presentations/{presentation_id}/deck/edits").get(deck_edits::<P>));
}

fn with_etag(status: StatusCode, body: &DeckBody, rev: DeckRev) -> HttpResponse {
    HttpResponse::build(status)
        .insert_header((header::ETAG, DeckBody::etag(rev)))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(body)
}

/// The deck as an editor opens it: every poll with its notes, and the
/// revision (also the `ETag`) to send back in `If-Match`. Whoever runs the
/// presentation (its presenter, a co-host).
#[utoipa::path(get, path = "/presentations/{presentation_id}/deck", tag = "deck",
    params(("presentation_id" = Uuid, Path)), security(("presenter_token" = [])),
    responses((status = 200, body = DeckBody, headers(("ETag" = String, description = "The revision, quoted"))),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 503, body = Problem)))]
pub async fn get_deck<P: Ports>(
    tally: web::Data<Tally<P>>,
    credential: PresenterCredential,
    id: web::Path<Uuid>,
) -> Handled {
    let deck = tally
        .editable_deck(presentation_id(*id), credential.token())
        .await?;
    let rev = deck.presentation.deck_rev;
    Ok(with_etag(StatusCode::OK, &DeckBody::new(&deck, None), rev))
}

/// Replace the deck, live or not: the whole deck in its new order, with
/// `If-Match` naming the revision it was edited from. Phones and big
/// screens show the change at once. Counts stay true: an edit that would
/// change what a poll's votes mean (an option removed, the type, the
/// choices, the scale, the correct answer) is refused while the poll's
/// current round has votes, unless that poll's `reset_round` is set.
#[utoipa::path(put, path = "/presentations/{presentation_id}/deck", tag = "deck",
    params(("presentation_id" = Uuid, Path),
        ("If-Match" = String, Header, description = "The revision edited, quoted as the ETag gave it: `\"3\"`")),
    security(("presenter_token" = [])),
    request_body = DeckRevisionBody,
    responses((status = 200, body = DeckBody, headers(("ETag" = String, description = "The new revision, quoted"))),
        (status = 400, body = Problem, description = "`malformed_json`, `invalid_body`, `invalid_text`, `invalid_poll`, `invalid_presentation` (as on creation)"),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "`poll_has_votes`: the edit would change what votes already counted mean (members `poll_id`, `slide` from 1, `edit`, and `option` for an option); `poll_on_screen`: a removed poll is on screen (member `poll_id`)"),
        (status = 412, body = Problem, description = "`deck_changed`: someone else's revision was stored since (member `current_revision`); read the deck again"),
        (status = 422, body = Problem, description = "`unknown_poll`: a `poll_id` not in the deck, or named twice (member `poll_id`)"),
        (status = 428, body = Problem, description = "`if_match_required`: `If-Match` is missing, `*`, or not one quoted revision"),
        (status = 503, body = Problem)))]
pub async fn put_deck<P: Ports>(
    tally: web::Data<Tally<P>>,
    credential: PresenterCredential,
    id: web::Path<Uuid>,
    request: HttpRequest,
    body: web::Json<DeckRevisionBody>,
) -> Handled {
    let expected = if_match(request.headers())?;
    let revision = body.into_inner().into_revision()?;
    let id = presentation_id(*id);
    let revised = tally
        .revise_deck(id, credential.token(), expected, revision)
        .await?;
    let notes = tally.editable_deck(id, credential.token()).await?.notes;
    let rev = revised.presentation.deck_rev;
    let deck = EditableDeck {
        presentation: revised.presentation,
        notes,
    };
    Ok(with_etag(
        StatusCode::OK,
        &DeckBody::new(&deck, Some(&revised.edits)),
        rev,
    ))
}

/// Every recorded edit of the deck, oldest first, each with the revision
/// that made it.
#[utoipa::path(get, path = "/presentations/{presentation_id}/deck/edits", tag = "deck",
    params(("presentation_id" = Uuid, Path)), security(("presenter_token" = [])),
    responses((status = 200, body = DeckEditsBody),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 503, body = Problem)))]
pub async fn deck_edits<P: Ports>(
    tally: web::Data<Tally<P>>,
    credential: PresenterCredential,
    id: web::Path<Uuid>,
) -> Handled {
    let edits = tally
        .deck_edits(presentation_id(*id), credential.token())
        .await?;
    Ok(HttpResponse::Ok().json(DeckEditsBody::new(&edits)))
}

/// The revision `If-Match` names: one quoted number. A missing header or
/// `*` would let an editor overwrite someone else's edit unseen, so both
/// are refused (428, RFC 6585).
fn if_match(headers: &HeaderMap) -> Result<DeckRev, Problem> {
    let required = || {
        Problem::new(
            StatusCode::PRECONDITION_REQUIRED,
            "if_match_required",
            "send If-Match with the revision you edited, quoted as the ETag gave it (for example \"3\")",
        )
    };
    let raw = headers
        .get(header::IF_MATCH)
        .and_then(|v| v.to_str().ok())
        .ok_or_else(required)?
        .trim();
    raw.strip_prefix('"')
        .and_then(|r| r.strip_suffix('"'))
        .and_then(|r| r.parse::<u64>().ok())
        .map(DeckRev)
        .ok_or_else(required)
}

impl From<ReadDeckError> for Problem {
    fn from(e: ReadDeckError) -> Self {
        match e {
            ReadDeckError::NotFound => Problem::not_found(NO_PRESENTATION),
            ReadDeckError::Denied(denied) => denied.into(),
            ReadDeckError::Unavailable(cause) => Problem::unavailable(&cause),
        }
    }
}

impl From<ReviseDeckError> for Problem {
    fn from(e: ReviseDeckError) -> Self {
        let detail = e.to_string();
        match e {
            ReviseDeckError::NotFound => Problem::not_found(NO_PRESENTATION),
            ReviseDeckError::Denied(denied) => denied.into(),
            ReviseDeckError::Invalid(
                DeckRevisionError::NoPolls | DeckRevisionError::TooManyPolls,
            ) => Problem::bad_request("invalid_presentation", detail),
            ReviseDeckError::Invalid(DeckRevisionError::UnknownPoll(poll)) => {
                Problem::new(StatusCode::UNPROCESSABLE_ENTITY, "unknown_poll", detail)
                    .with("poll_id", poll.to_string())
            }
            ReviseDeckError::Invalid(DeckRevisionError::PollOnScreen(poll)) => {
                Problem::conflict("poll_on_screen", detail).with("poll_id", poll.to_string())
            }
            ReviseDeckError::Stale { current } => {
                Problem::new(StatusCode::PRECONDITION_FAILED, "deck_changed", detail)
                    .with("current_revision", current.0)
            }
            ReviseDeckError::PollHasVotes {
                poll,
                slide,
                edit,
                option,
            } => {
                let problem = Problem::conflict("poll_has_votes", detail)
                    .with("poll_id", poll.to_string())
                    .with("slide", slide)
                    .with("edit", edit.as_str());
                match option {
                    Some(option) => problem.with("option", option),
                    None => problem,
                }
            }
            ReviseDeckError::UnknownImage(image) => crate::errors::unknown_image(&image, &detail),
            ReviseDeckError::Unavailable(cause) => Problem::unavailable(&cause),
        }
    }
}
