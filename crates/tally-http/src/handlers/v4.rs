//! The Interactive Presentations API 4.0.0, exactly.

use super::votes::Recheck;
use super::{poll_id, presentation_id, Handled};
use crate::admission::Admission;
use crate::dto::{
    NewPresentationBody, PollBody, PresentationBody, PresentationCreatedBody, VoteBody,
    VoteListingBody,
};
use crate::extract::PresenterCredential;
use crate::problem::Problem;
use crate::reads::ReadCache;
use actix_web::{http::header, web, HttpRequest, HttpResponse};
use tally_domain::kinds::PollType;
use tally_domain::ports::Ports;
use tally_domain::usecases::{DeckSettings as _, Tally};
use tally_domain::{ParticipantId, SlideMove};
use uuid::Uuid;

/// Liveness for v4 clients; also the plaintext ceiling in benchmarks.
#[utoipa::path(get, path = "/ping", tag = "v4", responses((status = 200, description = "Up")))]
pub async fn ping() -> HttpResponse {
    HttpResponse::Ok().finish()
}

/// Create a presentation. It shows its first poll at once.
///
/// Without `Authorization`, a new presenter is created and its token is
/// returned. With `Authorization: Bearer <presenter_token>`, the
/// presentation is added to that presenter's list.
#[utoipa::path(post, path = "/presentations", tag = "v4",
    request_body = NewPresentationBody,
    responses(
        (status = 201, body = PresentationCreatedBody),
        (status = 400, body = Problem, description = "Missing or invalid fields"),
        (status = 401, body = Problem, description = "Unknown presenter token"),
        (status = 413, body = Problem), (status = 415, body = Problem),
    ))]
pub async fn create_presentation<P: Ports>(
    tally: web::Data<Tally<P>>,
    credential: PresenterCredential,
    body: web::Json<NewPresentationBody>,
) -> Handled {
    let draft = body.into_inner().into_draft()?;
    let created = tally.create_presentation(draft, credential.0).await?;
    Ok(created_answer(&created))
}

/// 201 for a new presentation: where it is, its token and its join code
/// (`POST /presentations`, and an import).
pub(super) fn created_answer(
    created: &tally_domain::usecases::CreatedPresentation,
) -> HttpResponse {
    let id = *created.presentation.id.as_uuid();
    HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/presentations/{id}")))
        .json(PresentationCreatedBody {
            presentation_id: id,
            presenter_token: created.presenter_token.expose().to_owned(),
            join_code: created.presentation.join_code.as_str().to_owned(),
        })
}

/// A presentation with its polls in order.
#[utoipa::path(get, path = "/presentations/{presentation_id}", tag = "v4",
    params(("presentation_id" = Uuid, Path)),
    responses((status = 200, body = PresentationBody), (status = 404, body = Problem)))]
pub async fn get_presentation<P: Ports>(
    tally: web::Data<Tally<P>>,
    reads: web::Data<ReadCache>,
    id: web::Path<Uuid>,
) -> Handled {
    let snapshot = reads.presentation(&tally, presentation_id(*id)).await?;
    super::json_body(Some(&snapshot.presentation))
}

/// The poll on screen.
#[utoipa::path(get, path = "/presentations/{presentation_id}/polls/current", tag = "v4",
    params(("presentation_id" = Uuid, Path)),
    responses((status = 200, body = PollBody), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "No poll displayed")))]
pub async fn current_poll<P: Ports>(
    tally: web::Data<Tally<P>>,
    reads: web::Data<ReadCache>,
    id: web::Path<Uuid>,
) -> Handled {
    let snapshot = reads.presentation(&tally, presentation_id(*id)).await?;
    super::json_body(snapshot.current_poll.as_ref())
}

/// Move to the next poll and return it. Presenter only.
#[utoipa::path(put, path = "/presentations/{presentation_id}/polls/current", tag = "v4",
    params(("presentation_id" = Uuid, Path)),
    security(("presenter_token" = [])),
    responses((status = 200, body = PollBody), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "Ran out of polls")))]
pub async fn next_poll<P: Ports>(
    tally: web::Data<Tally<P>>,
    credential: PresenterCredential,
    id: web::Path<Uuid>,
) -> Handled {
    super::presenter::move_and_show(&tally, &credential, *id, SlideMove::Next).await
}

/// Vote on the poll on screen. Voting again with the same key is a no-op
/// (204); with another key it is refused (409). Under load the vote may be
/// refused before it is sent anywhere (429), or, if its store did not answer
/// in time, have an unknown outcome (504); send the same vote again after
/// `Retry-After` in either case.
#[utoipa::path(post, path = "/presentations/{presentation_id}/polls/current/votes", tag = "v4",
    params(("presentation_id" = Uuid, Path)),
    request_body = VoteBody,
    responses((status = 204, description = "Counted (once)"),
        (status = 400, body = Problem, description = "Malformed body or unknown option key"),
        (status = 404, body = Problem, description = "Presentation or poll not found"),
        (status = 408, body = Problem, description = "The body did not arrive in time; the connection is closed"),
        (status = 409, body = Problem, description = "Not the current poll, voting closed, or already voted differently"),
        (status = 429, body = Problem, description = "Too many votes at once: not stored; retry after Retry-After"),
        (status = 503, body = Problem, description = "A store is down: not stored; retry after Retry-After"),
        (status = 504, body = Problem, description = "Outcome unknown: send the same vote again after Retry-After")))]
pub async fn cast_vote<P: Ports>(
    tally: web::Data<Tally<P>>,
    reads: web::Data<ReadCache>,
    admission: web::Data<Admission>,
    request: HttpRequest,
    id: web::Path<Uuid>,
    payload: web::Payload,
) -> Result<HttpResponse, actix_web::Error> {
    let presentation = presentation_id(*id);
    let (taking, tally) = (tally.clone(), &tally);
    super::votes::take(
        &taking,
        &admission,
        &request,
        payload,
        |mut body: VoteBody| async move {
            let raw = body
                .raw_choice()
                .inspect_err(|_| tally.record_invalid_vote())?;
            let (poll, participant) = (
                poll_id(body.poll_id),
                ParticipantId::from_uuid(body.client_id),
            );
            // The cached snapshot itself: the check borrows the poll's
            // settings from it, so a vote copies nothing.
            let deck = reads.presentation(tally, presentation).await;
            // A choice the edge checks (every type but single choice, whose
            // key the intake checks) is kept for a second check, should a
            // deck edit have changed the poll since the snapshot.
            let spare = deck
                .as_ref()
                .ok()
                .and_then(|d| d.poll_settings(poll))
                .is_some_and(|(settings, _)| settings.kind != PollType::Single)
                .then(|| raw.clone());
            let ballot = tally.check_ballot(presentation, poll, participant, raw, deck)?;
            let recheck = spare.map(|raw| -> Recheck<'_> {
                Box::new(move || {
                    Box::pin(async move {
                        let deck = reads.reloaded(tally, presentation).await;
                        Ok(tally.check_ballot(presentation, poll, participant, raw, deck)?)
                    })
                })
            });
            Ok((ballot, recheck))
        },
    )
    .await
}

/// Votes on the poll on screen. Presenter only.
#[utoipa::path(get, path = "/presentations/{presentation_id}/polls/{poll_id}/votes", tag = "v4",
    params(("presentation_id" = Uuid, Path), ("poll_id" = Uuid, Path)),
    security(("presenter_token" = [])),
    responses((status = 200, body = [VoteListingBody]), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "Not the current poll")))]
pub async fn list_votes<P: Ports>(
    tally: web::Data<Tally<P>>,
    credential: PresenterCredential,
    ids: web::Path<(Uuid, Uuid)>,
) -> Handled {
    let (presentation, poll) = ids.into_inner();
    let votes = tally
        .list_votes(
            presentation_id(presentation),
            poll_id(poll),
            credential.token(),
        )
        .await?;
    Ok(HttpResponse::Ok().json(votes.iter().map(VoteListingBody::from).collect::<Vec<_>>()))
}
